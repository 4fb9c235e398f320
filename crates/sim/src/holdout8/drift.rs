//! The set's pricing cases: compared prices and raises on prices that drift by small daily
//! changes (明码标价和禁止价格欺诈规定 第十六、十七条), coupon stacks a checkout does not honour
//! (第十九条第二项、第二十条), countdowns (第十九条第四项), one day's viewers by their order counts
//! (浙江省电子商务条例 第十四条) and sales under cost (价格法 第十四条).

use std::ops::Range;

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::{City, Listing, date};
use crate::kit::{Obs, Shop};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative, Positive};

const REFERENCE: &str = "price_fraud.reference_price";
const RAISE: &str = "price_fraud.raise_then_discount";
const BAIT: &str = "price_fraud.bait_price";
const CLOCK: &str = "price_fraud.fake_time_limit";
const LOYALTY: &str = "price_discrimination.loyalty_surcharge";
const SUSTAINED: &str = "below_cost.sustained";

/// A price path: knots of (day, fen); between two knots the price moves a little every day
/// (linearly, rounded to 10 fen), before the first and after the last it stays.
#[derive(Clone, Copy)]
pub(super) struct Path(pub(super) &'static [(i64, i64)]);

impl Path {
    /// The price on `day`.
    pub(super) fn on(&self, day: i64) -> i64 {
        let (Some(&(d0, p0)), Some(&(_, last))) = (self.0.first(), self.0.last()) else {
            return 0;
        };
        if day <= d0 {
            return p0;
        }
        for w in self.0.windows(2) {
            let ((a, pa), (b, pb)) = (w[0], w[1]);
            if day <= b {
                let p = pa + (pb - pa) * (day - a) / (b - a).max(1);
                return (p + 5).div_euclid(10) * 10;
            }
        }
        last
    }
}

/// A shop of the set on `platform`, named `name`, with one listing.
fn stall(
    city: &mut City,
    rng: &mut Rng,
    (platform, tag, name): (&'static str, &str, &str),
    title: &str,
    (category, class, price): (&str, &str, i64),
) -> Listing {
    let mut shop: Shop = KIT.shop(city, rng, platform, tag, name);
    HOUSE.goods(city, &mut shop, title, category, class, price)
}

/// One completed sale on each day of `days` at the path's price (a second one on some days), and
/// a plain display every fourth day.
fn trade(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    l: &Listing,
    path: Path,
    days: Range<i64>,
    order_no: &mut u64,
) {
    for d in days {
        let price = path.on(d);
        KIT.sell(city, rng, buyers, l, order_no, d, price);
        if rng.chance(0.3) {
            KIT.sell(city, rng, buyers, l, order_no, d, price);
        }
        if d % 4 == 1 {
            KIT.plain(city, rng, l, d, price);
        }
    }
}

/// A compared-price display: (day, shown, compared, kind, promotion, label).
type Shown = (i64, i64, i64, &'static str, &'static str, &'static str);

/// One compared-price case: shop, title, goods, the path and the days sold along it, the display
/// and the labels.
struct Compared {
    shop: (&'static str, &'static str, &'static str),
    title: &'static str,
    goods: (&'static str, &'static str, i64),
    path: Path,
    sold: Range<i64>,
    shown: Shown,
    labels: &'static [(&'static str, Label, &'static str)],
}

fn compared_case(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    c: &Compared,
    order_no: &mut u64,
) -> Listing {
    let l = stall(city, rng, c.shop, c.title, c.goods);
    trade(city, rng, buyers, &l, c.path, c.sold.clone(), order_no);
    let (day, shown, reference, kind, promo, label) = c.shown;
    KIT.show(
        city,
        rng,
        &l,
        &Obs {
            day,
            shown,
            reference: Some(reference),
            kind: Some(kind),
            promo,
            label: Some(label),
            ..KIT.obs()
        },
    );
    for &(rule, label, why) in c.labels {
        KIT.t_listing(city, rule, &l, label, why);
    }
    l
}

/// Compared prices on drifting paths: five above the seven days' lowest sale, three lawful.
pub(super) fn compared(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    let cases = [
        Compared {
            shop: (MALL, "longjing", "狮峰茶事"),
            title: "2026 新茶 狮峰龙井 二级 250g 纸包",
            goods: ("茶叶/绿茶/龙井", "food", 59_800),
            path: Path(&[(0, 59_800), (20, 45_800)]),
            sold: 0..40,
            shown: (
                40,
                41_800,
                59_800,
                "previous_price",
                "coupon",
                "原价598 券后418",
            ),
            labels: &[(
                REFERENCE,
                Positive,
                "原价598元是二十多天前的价格，此后每天小幅降价，比较前七日成交价均为458元，被比较价格高于前七日内最低成交价（明码标价和禁止价格欺诈规定 第十六条第二款）",
            )],
        },
        Compared {
            shop: (MALL, "silkroad", "绸韵丝巾"),
            title: "桑蚕丝 重磅真丝方巾 90cm 西湖十景印花",
            goods: ("服饰/丝巾", "general", 69_900),
            path: Path(&[(0, 69_900)]),
            sold: 0..35,
            shown: (
                35,
                69_900,
                128_000,
                "unspecified",
                "none",
                "[图片alt] 专柜价￥1280 今日到手￥699",
            ),
            labels: &[(
                REFERENCE,
                Positive,
                "主图替代文本写「专柜价1280」，未标明出处，该店从未以1280元成交，前七日均以699元成交（明码标价和禁止价格欺诈规定 第十六条）",
            )],
        },
        Compared {
            shop: (MALL, "inkpen", "墨池文具"),
            title: "钢笔礼盒 铱金笔尖 配吸墨器 学生书法练字",
            goods: ("文具/书写工具/钢笔", "general", 15_900),
            path: Path(&[(0, 15_900), (25, 15_900), (30, 12_900)]),
            sold: 0..36,
            shown: (
                36,
                8_900,
                15_900,
                "previous_price",
                "coupon",
                "划线价159 | 店铺券-20 | 跨店满减-20 | 到手89",
            ),
            labels: &[(
                REFERENCE,
                Positive,
                "券叠加展示的划线价159元，比较前七日内已逐日降到129元成交，被比较价格高于前七日内最低成交价（明码标价和禁止价格欺诈规定 第十六条）",
            )],
        },
        Compared {
            shop: (LOCAL, "crabcard", "岱山蟹行"),
            title: "舟山梭子蟹 提货卡 2.5斤装 冷链到家",
            goods: ("生鲜/海鲜/蟹", "general", 38_800),
            path: Path(&[(0, 38_800), (37, 38_800), (38, 32_800), (39, 38_800)]),
            sold: 0..45,
            shown: (
                45,
                33_800,
                38_800,
                "previous_price",
                "discount",
                "原价388 海鲜节价338",
            ),
            labels: &[(
                REFERENCE,
                Positive,
                "比较日前第七天（窗口首日）有一天以328元成交，原价388元高于前七日内最低成交价（明码标价和禁止价格欺诈规定 第十六条第二款）",
            )],
        },
        Compared {
            shop: (MALL, "printfig", "叠层手办工坊"),
            title: "3D打印 光固化树脂 手办白模 15cm",
            goods: ("模玩/手办/3D打印", "general", 26_800),
            path: Path(&[(0, 26_800), (30, 19_800)]),
            sold: 0..46,
            shown: (
                46,
                17_800,
                21_800,
                "previous_price",
                "discount",
                "原价218 立减40",
            ),
            labels: &[(
                REFERENCE,
                Positive,
                "218元确曾是成交价，但已是半个多月前的；比较前七日均以198元成交，被比较价格高于前七日内最低成交价（明码标价和禁止价格欺诈规定 第十六条第二款）",
            )],
        },
        Compared {
            shop: (LOCAL, "yellowfish", "沈家门鱼鲜"),
            title: "东海大黄鱼 冰鲜 一条约600g",
            goods: ("生鲜/海鲜/鱼", "general", 26_800),
            path: Path(&[(0, 26_800), (29, 26_800), (30, 22_800), (31, 26_800)]),
            sold: 0..38,
            shown: (
                38,
                23_800,
                26_800,
                "previous_price",
                "discount",
                "原价268 今日238",
            ),
            labels: &[(
                REFERENCE,
                Negative,
                "228元的一天在比较日前第八天，已在七日窗口之外；前七日均以268元成交，原价268元不高于前七日内最低成交价（明码标价和禁止价格欺诈规定 第十六条第二款）",
            )],
        },
        Compared {
            shop: (MALL, "beefarm", "百花蜂场"),
            title: "椴树雪蜜 结晶蜜 500g 玻璃瓶",
            goods: ("食品/蜂蜜", "food", 12_800),
            path: Path(&[(0, 12_800)]),
            sold: 0..33,
            shown: (33, 12_800, 16_800, "rrp", "none", "厂商建议零售价168元"),
            labels: &[(
                REFERENCE,
                Negative,
                "被比较价格明确标示为厂商建议零售价，属第十六条第三款允许的比较（明码标价和禁止价格欺诈规定 第十六条）",
            )],
        },
        Compared {
            shop: (MALL, "meijiawu", "梅家坞茶农"),
            title: "梅家坞 龙井 三级 口粮茶 500g",
            goods: ("茶叶/绿茶/龙井", "food", 39_800),
            path: Path(&[(0, 39_800), (10, 36_800)]),
            sold: 0..30,
            shown: (
                30,
                32_800,
                36_800,
                "previous_price",
                "coupon",
                "原价368 领券再减40",
            ),
            labels: &[(
                REFERENCE,
                Negative,
                "被比较的原价368元正是前七日内每天的成交价，不高于前七日内最低成交价（明码标价和禁止价格欺诈规定 第十六条第二款）",
            )],
        },
    ];
    for c in &cases {
        compared_case(city, rng, buyers, c, order_no);
    }
}

/// A cost row of a listing from `from` on.
fn cost(city: &mut City, l: &Listing, from: i64, fen: i64, basis: &str) {
    city.add(
        l.platform,
        "costs",
        json!({
            "platform_id": l.platform, "listing_id": l.id, "valid_from": date(from), "valid_to": null,
            "unit_cost_fen": fen, "basis": basis,
        }),
    );
}

/// Discounts off raised prices: three raised just before, two raised long before (one with an
/// audited cost rise).
pub(super) fn raised(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    let cases = [
        Compared {
            shop: (MALL, "printsvc", "层层打印社"),
            title: "手办3D打印 定制上色 1:12",
            goods: ("模玩/3D打印服务", "general", 19_900),
            path: Path(&[(0, 19_900), (40, 19_900), (41, 25_900), (43, 25_900)]),
            sold: 0..44,
            shown: (
                44,
                19_900,
                25_900,
                "previous_price",
                "discount",
                "直降60 原价259",
            ),
            labels: &[
                (
                    RAISE,
                    Positive,
                    "降价前三天把199元提到259元，再以259元为基准「直降60」（明码标价和禁止价格欺诈规定 第十七条第一款）",
                ),
                (
                    REFERENCE,
                    Positive,
                    "原价259元高于前七日内最低成交价199元（明码标价和禁止价格欺诈规定 第十六条第二款）",
                ),
            ],
        },
        Compared {
            shop: (MALL, "zhangknife", "钱塘刀坊"),
            title: "大马士革钢 厨房刀具七件套 含刀座",
            goods: ("厨具/刀具", "general", 32_800),
            path: Path(&[(0, 32_800), (33, 32_800), (38, 45_800)]),
            sold: 0..39,
            shown: (
                39,
                31_100,
                45_800,
                "previous_price",
                "discount",
                "6.8折 原价458",
            ),
            labels: &[
                (
                    RAISE,
                    Positive,
                    "五天里每天涨二十多元，从328元涨到458元，随即以458元为基准打6.8折（明码标价和禁止价格欺诈规定 第十七条第一款）",
                ),
                (
                    REFERENCE,
                    Positive,
                    "原价458元高于前七日内最低成交价328元（明码标价和禁止价格欺诈规定 第十六条第二款）",
                ),
            ],
        },
        Compared {
            shop: (LOCAL, "croaker", "嵊泗渔家"),
            title: "野生大黄鱼 礼盒 双12专享",
            goods: ("生鲜/海鲜/礼盒", "general", 29_800),
            path: Path(&[(0, 29_800), (55, 29_800), (56, 35_800)]),
            sold: 0..58,
            shown: (
                58,
                29_800,
                35_800,
                "previous_price",
                "discount",
                "双12 立减60 原价358",
            ),
            labels: &[
                (
                    RAISE,
                    Positive,
                    "双十二前两天从298元提到358元，当天以358元为基准立减60（明码标价和禁止价格欺诈规定 第十七条第一款）",
                ),
                (
                    REFERENCE,
                    Positive,
                    "原价358元高于前七日内最低成交价298元（明码标价和禁止价格欺诈规定 第十六条第二款）",
                ),
            ],
        },
        Compared {
            shop: (MALL, "longwu", "龙坞茶厂"),
            title: "龙坞 龙井 一级 礼盒 200g",
            goods: ("茶叶/绿茶/龙井", "food", 46_800),
            path: Path(&[(0, 46_800), (14, 46_800), (15, 52_800)]),
            sold: 0..50,
            shown: (
                50,
                47_500,
                52_800,
                "previous_price",
                "discount",
                "9折 原价528",
            ),
            labels: &[
                (
                    RAISE,
                    Negative,
                    "35天前随经审计的鲜叶成本上涨而调价，此后一直按528元成交，不属于折价前临时提价（明码标价和禁止价格欺诈规定 第十七条）",
                ),
                (
                    REFERENCE,
                    Negative,
                    "原价528元即前七日内最低成交价（明码标价和禁止价格欺诈规定 第十六条第二款）",
                ),
            ],
        },
        Compared {
            shop: (MALL, "xuanpaper", "泾县纸坊"),
            title: "四尺 生宣 书画纸 100张",
            goods: ("文具/书画纸", "general", 8_800),
            path: Path(&[(0, 8_800), (10, 8_800), (20, 10_800)]),
            sold: 0..50,
            shown: (
                50,
                9_200,
                10_800,
                "previous_price",
                "discount",
                "8.5折 原价108",
            ),
            labels: &[
                (
                    RAISE,
                    Negative,
                    "涨价在一个月前结束，此后按108元成交三十天，折扣基准是实际成交价，不是临时提价（明码标价和禁止价格欺诈规定 第十七条）",
                ),
                (
                    REFERENCE,
                    Negative,
                    "原价108元等于前七日内最低成交价（明码标价和禁止价格欺诈规定 第十六条第二款）",
                ),
            ],
        },
    ];
    for (k, c) in cases.iter().enumerate() {
        let l = compared_case(city, rng, buyers, c, order_no);
        // The discounted sales after the display.
        for d in c.shown.0..c.shown.0 + 3 {
            KIT.sell(city, rng, buyers, &l, order_no, d, c.shown.1);
        }
        if k == 3 {
            cost(city, &l, -200, 33_000, "audited");
            cost(city, &l, 14, 38_500, "audited");
        }
    }
}

/// One viewer's two displays of a listing: (day, second, page, shown, payable, promotion,
/// label) each.
type Visit = (
    (i64, i64, &'static str, i64, i64, &'static str, &'static str),
    (i64, i64, &'static str, i64, i64, &'static str, &'static str),
);

fn visit(city: &mut City, l: &Listing, viewer: &str, v: Visit) {
    for (day, second, page, shown, payable, promo, label) in [v.0, v.1] {
        crate::kit::show_as_given(
            city,
            l,
            &Obs {
                day,
                second,
                page,
                shown,
                promo,
                label: (!label.is_empty()).then_some(label),
                payable: Some(payable),
                viewer: Some(viewer),
                segment: "returning",
                orders_90d: Some(3),
                device: "ios",
                ..KIT.obs()
            },
        );
    }
}

/// Prominent prices and checkouts of six viewers each: three coupon stacks or fees a checkout
/// does not honour, three lawful.
pub(super) fn stacks(city: &mut City, rng: &mut Rng) {
    type Case = (
        (&'static str, &'static str, &'static str),
        &'static str,
        (&'static str, &'static str, i64),
        Visit,
        Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            (LOCAL, "shrimpbox", "渔港直送"),
            "鲜活基围虾 1斤 当日达",
            ("生鲜/海鲜/虾", "fresh", 13_900),
            (
                (
                    0,
                    0,
                    "home",
                    9_900,
                    9_900,
                    "coupon",
                    "券后到手价99（店铺券+平台券+会员券）",
                ),
                (
                    0,
                    180,
                    "checkout",
                    13_900,
                    13_900,
                    "none",
                    "平台券与店铺券不可叠加",
                ),
            ),
            Positive,
            "首页以三张券叠加的99元招揽，同一顾客结算时券不可叠加，按139元结算（明码标价和禁止价格欺诈规定 第十九条第二项、第二十条第一项）",
        ),
        (
            (LOCAL, "lakeboat", "湖上游船票务"),
            "西湖手划船 游船票 成人",
            ("本地生活/游船", "digital", 2_500),
            (
                (0, 0, "search", 2_500, 2_500, "none", "西湖游船 25元/位"),
                (0, 240, "checkout", 2_500, 3_300, "none", "含服务费8元"),
            ),
            Positive,
            "搜索页标25元/位，同一顾客结算时另加8元服务费按33元结算（明码标价和禁止价格欺诈规定 第十九条第二项）",
        ),
        (
            (LIVE, "succulent", "多肉小院"),
            "多肉组合盆栽 6头 带盆",
            ("园艺/多肉植物", "general", 5_900),
            (
                (0, 0, "live", 3_900, 3_900, "discount", "直播间专享39"),
                (0, 300, "checkout", 5_900, 5_900, "none", ""),
            ),
            Positive,
            "直播间报价39元，同一观众点进结算按59元结算（明码标价和禁止价格欺诈规定 第十九条第二项、第二十条第一项）",
        ),
        (
            (MALL, "teaset", "满觉陇茶庄"),
            "满觉陇 桂花龙井 罐装 100g",
            ("茶叶/花茶", "food", 32_800),
            (
                (0, 0, "home", 28_800, 28_800, "coupon", "券后到手288"),
                (
                    0,
                    200,
                    "checkout",
                    32_800,
                    28_800,
                    "coupon",
                    "已用券：店铺券-40",
                ),
            ),
            Negative,
            "首页的券后价288元在结算时兑现，同一顾客按288元结算（明码标价和禁止价格欺诈规定 第二十条）",
        ),
        (
            (MALL, "brushpen", "湖笔堂"),
            "善琏湖笔 兼毫 中楷 三支装",
            ("文具/毛笔", "general", 4_900),
            (
                (0, 0, "search", 4_900, 4_900, "none", ""),
                (0, 150, "checkout", 4_900, 4_500, "coupon", "结算页再减4元"),
            ),
            Negative,
            "结算价比搜索页还低4元，顾客获得更大优惠，不是以低价诱骗（明码标价和禁止价格欺诈规定 第十九条第二项、第二十一条第二项）",
        ),
        (
            (MALL, "celadon", "龙泉青瓷坊"),
            "龙泉青瓷 梅子青 茶杯 对杯",
            ("家居/茶具/青瓷", "general", 15_800),
            (
                (0, 0, "home", 15_800, 15_800, "none", ""),
                (3, 600, "checkout", 15_800, 15_800, "none", ""),
            ),
            Negative,
            "第28天全店因釉料涨价统一调到168元，首页随之更新；只有一位顾客第26天在首页看到158元、第29天结算168元，首页价在当时属实，不是低价招揽高价结算（明码标价和禁止价格欺诈规定 第十九条第二项）",
        ),
    ];
    // The celadon shop raises every price by 10 元 on day 28 (釉料涨价), home page included.
    let rise = |tag: &str, day: i64, price: i64| {
        if tag == "celadon" && day >= 28 {
            price + 1_000
        } else {
            price
        }
    };
    for (shop, title, item, v, label, why) in cases {
        let l = stall(city, rng, shop, title, item);
        for k in 0..6 {
            let viewer = rng.hex64();
            let day = 18 + 4 * k;
            let (a, b) = v;
            let (da, db) = (day + a.0, day + b.0);
            visit(
                city,
                &l,
                &viewer,
                (
                    (
                        da,
                        39_000 + 900 * k + a.1,
                        a.2,
                        rise(shop.1, da, a.3),
                        rise(shop.1, da, a.4),
                        a.5,
                        a.6,
                    ),
                    (
                        db,
                        39_000 + 900 * k + b.1,
                        b.2,
                        rise(shop.1, db, b.3),
                        rise(shop.1, db, b.4),
                        b.5,
                        b.6,
                    ),
                ),
            );
        }
        if shop.1 == "celadon" {
            // After the change the home page shows the new price to everyone.
            for d in [28, 38, 46] {
                KIT.show(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: d,
                        page: "home",
                        shown: rise(shop.1, d, 15_800),
                        ..KIT.obs()
                    },
                );
            }
        }
        KIT.t_listing(city, BAIT, &l, label, why);
    }
}

/// A promotion display at (day, second) with `label`, or a plain one when `label` is empty.
fn clock(
    city: &mut City,
    rng: &mut Rng,
    l: &Listing,
    (day, second): (i64, i64),
    shown: i64,
    label: &str,
) {
    let promo = if label.is_empty() {
        "none"
    } else {
        "flash_sale"
    };
    KIT.show(
        city,
        rng,
        l,
        &Obs {
            day,
            second,
            shown,
            promo,
            label: (!label.is_empty()).then_some(label),
            ..KIT.obs()
        },
    );
}

/// Deadlines: three that never come, three that do.
pub(super) fn clocks(city: &mut City, rng: &mut Rng) {
    // Honey: "today until 23:59" every evening for fifteen days, the price the same after.
    let l = stall(
        city,
        rng,
        (MALL, "acacia", "千岛湖蜂业"),
        "洋槐蜜 成熟蜜 1kg",
        ("食品/蜂蜜", "food", 6_800),
    );
    for d in 20..35 {
        clock(city, rng, &l, (d, 70_000), 6_800, "限时抢购 今日23:59截止");
        clock(city, rng, &l, (d + 1, 600), 6_800, "");
    }
    KIT.t_listing(city, CLOCK, &l, Positive, "「今日23:59截止」连续十五天每晚出现，过了零点价格不变（明码标价和禁止价格欺诈规定 第十九条第四项）");
    // Silk: an OCR'd countdown banner (letter O for zero) for three weeks, never restored.
    let l = stall(
        city,
        rng,
        (MALL, "hangsilk", "杭罗绸庄"),
        "杭罗 真丝 旗袍面料 1米",
        ("布艺/面料", "general", 49_900),
    );
    for d in 10..31 {
        clock(
            city,
            rng,
            &l,
            (d, 50_400),
            49_900,
            "倒计时 O3:59:59 后恢复原价",
        );
    }
    KIT.t_listing(city, CLOCK, &l, Positive, "「倒计时后恢复原价」横幅连续21天每天出现，价格从未恢复（明码标价和禁止价格欺诈规定 第十九条第四项）");
    // Umbrellas: a dated deadline of 11-30 still shown to 12-12 at the same price.
    let l = stall(
        city,
        rng,
        (MALL, "umbrella", "天堂伞坊"),
        "晴雨两用 折叠伞 防晒UPF50+",
        ("家居/雨具", "general", 8_900),
    );
    for d in (30..59).step_by(2) {
        clock(city, rng, &l, (d, 45_000), 6_900, "优惠截至11月30日");
    }
    KIT.t_listing(city, CLOCK, &l, Positive, "「优惠截至11月30日」到12月12日仍在展示，价格不变（明码标价和禁止价格欺诈规定 第十九条第四项）");
    // Tea: a pre-sale 11-11 to 11-13, the price back up from 11-14.
    let l = stall(
        city,
        rng,
        (MALL, "mingqian", "翁家山茶园"),
        "明前 龙井 预售 礼盒 250g",
        ("茶叶/绿茶/龙井", "food", 88_800),
    );
    for d in 27..30 {
        clock(
            city,
            rng,
            &l,
            (d, 36_000),
            76_800,
            "明前预售 11月11日—11月13日",
        );
    }
    for d in 30..36 {
        clock(city, rng, &l, (d, 36_000), 88_800, "");
    }
    KIT.t_listing(city, CLOCK, &l, Negative, "预售只在标明的11月11日至13日展示，14日起恢复888元，期限真实（明码标价和禁止价格欺诈规定 第十九条第四项）");
    // Seafood: Fridays only.
    let l = stall(
        city,
        rng,
        (LOCAL, "fishday", "舟山海鲜汇"),
        "带鱼段 冷冻 2斤",
        ("生鲜/海鲜/鱼", "general", 6_600),
    );
    for d in 0..56_i64 {
        if (d + 3).rem_euclid(7) == 4 {
            clock(city, rng, &l, (d, 39_600), 5_280, "每周五海鲜日 8折");
        } else if d % 3 == 0 {
            clock(city, rng, &l, (d, 39_600), 6_600, "");
        }
    }
    KIT.t_listing(city, CLOCK, &l, Negative, "每周五的海鲜日只在周五展示并兑现，其余日子原价，期限真实（明码标价和禁止价格欺诈规定 第十九条第四项）");
    // Rice wine: "tonight at 24:00", and at 00:00:30 the price is back.
    let l = stall(
        city,
        rng,
        (MALL, "huangjiu", "鉴湖酒坊"),
        "绍兴黄酒 十年陈 花雕 500ml×6",
        ("酒类/黄酒", "food", 12_800),
    );
    for (day, second, shown, label) in [
        (40, 72_000, 8_800, "今晚24点截止"),
        (40, 86_370, 8_800, "今晚24点截止"),
        (41, 30, 12_800, ""),
        (42, 40_000, 12_800, ""),
    ] {
        clock(city, rng, &l, (day, second), shown, label);
    }
    KIT.t_listing(city, CLOCK, &l, Negative, "「今晚24点截止」23:59:30仍是88元，零点过30秒恢复128元，截止真实（明码标价和禁止价格欺诈规定 第十九条第四项）");
}

/// How one day's viewers are priced: the base, the payable price given the viewer's 90-day
/// orders, district and a random draw of 0 to 500 fen, the promotion and label given the orders.
struct Pricing {
    base: i64,
    payable: fn(i64, i64, &str, i64) -> i64,
    promo: fn(i64) -> &'static str,
    label: fn(i64) -> Option<&'static str>,
}

/// Districts far from the city centre, charged a disclosed delivery fee.
const FAR: &[&str] = &["330127", "330182"];

/// Thirty viewers on each of four days, their order counts drawn from 0 to 40.
fn viewers(city: &mut City, rng: &mut Rng, l: &Listing, p: &Pricing) {
    for day in [21, 28, 35, 42] {
        for k in 0..30 {
            let orders = rng.range(0, 40);
            let adcode = rng.pick(crate::city::DISTRICTS).0;
            let draw = rng.range(0, 500);
            let payable = (p.payable)(p.base, orders, adcode, draw);
            let segment = match orders {
                0 => "new",
                1..=9 => "returning",
                _ => "member",
            };
            let viewer = rng.hex64();
            crate::kit::show_as_given(
                city,
                l,
                &Obs {
                    day,
                    second: 36_000 + 1_100 * k,
                    shown: payable,
                    promo: (p.promo)(orders),
                    label: (p.label)(orders),
                    payable: Some(payable),
                    viewer: Some(&viewer),
                    segment,
                    orders_90d: Some(orders),
                    device: if k % 2 == 0 { "android" } else { "ios" },
                    adcode,
                    ..KIT.obs()
                },
            );
        }
    }
}

/// Prices by the viewer's history: three surcharges on regulars, three lawful differences.
pub(super) fn regulars(city: &mut City, rng: &mut Rng) {
    type Case = (
        (&'static str, &'static str, &'static str),
        &'static str,
        (&'static str, &'static str, i64),
        Pricing,
        Label,
        &'static str,
    );
    let none = |_: i64| "none";
    let unlabelled = |_: i64| None;
    let cases: [Case; 6] = [
        (
            (LOCAL, "ferrypass", "钱江轮渡票务"),
            "钱塘江 轮渡 单程票",
            ("本地生活/轮渡", "digital", 2_500),
            Pricing {
                base: 2_500,
                payable: |b, n, _, _| if n >= 20 { b + 300 } else { b },
                promo: none,
                label: unlabelled,
            },
            Positive,
            "同一天同一页面，近90天坐过20次以上的通勤客付28元，其他人25元，交易条件相同（浙江省电子商务条例 第十四条；个人信息保护法 第二十四条）",
        ),
        (
            (MALL, "printcloud", "云打印工场"),
            "3D打印 在线下单 PLA 100克",
            ("模玩/3D打印服务", "general", 9_900),
            Pricing {
                base: 9_900,
                payable: |b, n, _, _| if n >= 5 { b * 112 / 100 } else { b },
                promo: none,
                label: unlabelled,
            },
            Positive,
            "近90天下过5单以上的老客看到的价格高出12%，其余条件相同（浙江省电子商务条例 第十四条；平台经济反垄断指南 第十七条）",
        ),
        (
            (LOCAL, "fishfood", "水族馆家"),
            "观赏鱼饲料 孔雀鱼专用 100g",
            ("宠物/水族/饲料", "general", 3_990),
            Pricing {
                base: 3_990,
                payable: |b, n, _, _| if n >= 10 { b + 300 } else { b },
                promo: |n| if n >= 10 { "member" } else { "none" },
                label: |n| (n >= 10).then_some("会员专享价"),
            },
            Positive,
            "下单10次以上的会员看到「会员专享价」42.9元，反比非会员的39.9元高（浙江省电子商务条例 第十四条；个人信息保护法 第二十四条）",
        ),
        (
            (MALL, "zhongcha", "龙井村茶社"),
            "龙井 明前特级 试饮装 50g",
            ("茶叶/绿茶/龙井", "food", 29_800),
            Pricing {
                base: 29_800,
                payable: |b, n, _, _| if n == 0 { b - 4_000 } else { b },
                promo: |n| if n == 0 { "new_user" } else { "none" },
                label: |n| (n == 0).then_some("新人首单价"),
            },
            Negative,
            "只有新用户首单享受新人价，其他人不论下单多少次都付同一价格，是合理期限内的新用户优惠（平台经济反垄断指南 第十七条）",
        ),
        (
            (MALL, "inkstone", "端砚阁"),
            "书法墨汁 一得阁 500g 两瓶",
            ("文具/墨汁", "general", 3_600),
            Pricing {
                base: 3_600,
                payable: |b, _, adcode, _| if FAR.contains(&adcode) { b + 800 } else { b },
                promo: none,
                label: unlabelled,
            },
            Negative,
            "淳安、建德的顾客多付8元运费并已标明，与下单次数无关（浙江省电子商务条例 第十四条）",
        ),
        (
            (LIVE, "royaljelly", "蜂之语"),
            "鲜蜂王浆 冷冻 250g",
            ("食品/蜂产品", "food", 4_580),
            Pricing {
                base: 4_580,
                payable: |b, _, _, draw| b - draw,
                promo: |_| "random_draw",
                label: |_| Some("随机立减 最高5元"),
            },
            Negative,
            "随机立减对每位观众独立抽取，与其下单历史无关（平台经济反垄断指南 第十七条）",
        ),
    ];
    for (shop, title, item, pricing, label, why) in cases {
        let l = stall(city, rng, shop, title, item);
        viewers(city, rng, &l, &pricing);
        KIT.t_listing(city, LOYALTY, &l, label, why);
    }
}

/// Sales under cost: three sustained, three the law exempts or that are not sustained.
pub(super) fn under_cost(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    type Case = (
        (&'static str, &'static str, &'static str),
        &'static str,
        (&'static str, &'static str, i64),
        (Path, Range<i64>),
        (i64, &'static str),
        Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            (MALL, "printer3d", "熔积科技"),
            "桌面级 FDM 3D打印机 220×220 热床",
            ("数码/3D打印机", "general", 189_000),
            (Path(&[(0, 199_000), (9, 199_000), (10, 159_000)]), 0..46),
            (189_000, "audited"),
            Positive,
            "经审计单位成本1890元，第10天起连续36天以1590元销售（价格法 第十四条第二项）",
        ),
        (
            (MALL, "teagift", "九溪茶礼"),
            "九溪 龙井 礼盒 两罐装",
            ("茶叶/礼盒", "food", 38_800),
            (Path(&[(0, 38_800), (20, 26_800)]), 0..52),
            (30_000, "declared"),
            Positive,
            "申报成本300元，价格逐日下调，第15天起低于成本并保持到第51天，持续37天（价格法 第十四条第二项）",
        ),
        (
            (LOCAL, "fountain", "书香文具"),
            "钢笔 明尖 学生用 10支装",
            ("文具/钢笔", "general", 5_600),
            (Path(&[(0, 5_900), (4, 5_900), (5, 4_900)]), 0..48),
            (5_600, "audited"),
            Positive,
            "经审计单位成本56元，第5天起连续43天以49元销售（价格法 第十四条第二项）",
        ),
        (
            (LOCAL, "liveshrimp", "鲜活水产"),
            "鲜活 白虾 晚市清仓 1斤",
            ("生鲜/海鲜/虾", "fresh", 6_800),
            (Path(&[(0, 3_900)]), 20..45),
            (5_200, "declared"),
            Negative,
            "鲜活水产晚市低于成本清仓，属第十四条第二项但书的鲜活商品降价处理（价格法 第十四条第二项）",
        ),
        (
            (MALL, "summersilk", "丝府"),
            "真丝 夏季 连衣裙 2026款",
            ("服饰/连衣裙", "general", 16_000),
            (Path(&[(0, 9_900)]), 20..56),
            (16_000, "audited"),
            Negative,
            "夏季真丝连衣裙在冬季低于成本清仓，属季节性商品降价处理（价格法 第十四条第二项）",
        ),
        (
            (MALL, "lindenhoney", "蜂农老周"),
            "百花蜜 农家自产 1kg",
            ("食品/蜂蜜", "food", 9_800),
            (
                Path(&[
                    (0, 9_800),
                    (30, 9_800),
                    (31, 7_800),
                    (34, 7_800),
                    (35, 9_800),
                ]),
                0..50,
            ),
            (8_500, "declared"),
            Negative,
            "只有四天低于申报成本，随后恢复98元，不构成持续低于成本倾销（价格法 第十四条第二项）",
        ),
    ];
    for (shop, title, item, (path, days), (unit, basis), label, why) in cases {
        let l = stall(city, rng, shop, title, item);
        cost(city, &l, -120, unit, basis);
        if item.1 == "fresh" {
            // Live shrimp sells at its full price in the mornings.
            for d in days.clone() {
                KIT.sell(city, rng, buyers, &l, order_no, d, item.2);
            }
        }
        trade(city, rng, buyers, &l, path, days, order_no);
        KIT.t_listing(city, SUSTAINED, &l, label, why);
    }
}
