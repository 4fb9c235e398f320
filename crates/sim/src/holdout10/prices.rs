//! Pricing cases: compared prices judged against transaction prices that fall below the shown
//! price through stacked coupons, or change for a few minutes at odd times (明码标价和禁止价格欺诈
//! 规定 第十六条); raises in steps before a discount (第十七条、第十九条); home pages and live rooms
//! below the detail page and checkout (第二十条); countdowns that restart (第十九条); coupons withheld
//! from regulars and the regulator's paired probes (浙江省电子商务条例 第十四条); sales under cost
//! (价格法 第十四条) and platforms that force them through commissions and deposits
//! (反不正当竞争法（2025）第十四条).

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::{City, Listing, at, date};
use crate::kit::{Obs, Shop};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative, Positive};

/// A run of sales: (days, first and last second of day, price shown, price paid after coupons,
/// sales a day).
pub(crate) type Slot = (std::ops::Range<i64>, (i64, i64), i64, i64, i64);

/// Sells `l` through `slots`, showing each day's price on the detail page once a day (with the
/// coupon's payable when one applies).
fn run(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    l: &Listing,
    order_no: &mut u64,
    slots: &[Slot],
) {
    for (days, (from, to), shown, paid, n) in slots {
        for d in days.clone() {
            KIT.show(
                city,
                rng,
                l,
                &Obs {
                    day: d,
                    second: *from,
                    shown: *shown,
                    payable: Some(*paid),
                    promo: if paid < shown { "coupon" } else { "none" },
                    label: (paid < shown).then_some("店铺券+平台券可叠加"),
                    ..KIT.obs()
                },
            );
            for _ in 0..*n {
                let second = rng.range(*from, *to);
                KIT.sell_at(city, rng, buyers, l, order_no, (d, Some(second)), *paid);
            }
        }
    }
}

/// One compared-price case: the display's day, shown price, compared price, kind and label.
struct Compared {
    shop: (&'static str, &'static str, &'static str),
    title: &'static str,
    category: &'static str,
    price: i64,
    slots: &'static [Slot],
    display: (i64, i64, i64, &'static str, &'static str),
    label: Label,
    why: &'static str,
}

const COMPARED: &[Compared] = &[
    Compared {
        shop: (MALL, "drill1", "锐固电动工具"),
        title: "锂电冲击钻 20V 双电套装",
        category: "五金/电动工具/电钻",
        price: 39_900,
        slots: &[
            (18..33, (36_000, 64_000), 39_900, 39_900, 1),
            (33..37, (72_780, 74_460), 39_900, 33_900, 2),
            (37..40, (36_000, 64_000), 39_900, 39_900, 1),
        ],
        display: (40, 34_900, 39_900, "previous_price", "原价399 今日349"),
        label: Positive,
        why: "第33—36日店铺券40元叠加平台券20元后每单实付339，比较价“原价399”高于前七日内最低成交价339，第十六条",
    },
    Compared {
        shop: (MALL, "nest1", "燕归来滋补"),
        title: "印尼燕窝 干盏 礼盒 50g",
        category: "食品/滋补/燕窝",
        price: 158_800,
        slots: &[
            (18..35, (39_000, 70_000), 158_800, 158_800, 1),
            (35..36, (49_620, 50_760), 128_800, 128_800, 3),
            (36..41, (39_000, 70_000), 158_800, 158_800, 1),
        ],
        display: (41, 138_800, 158_800, "unspecified", "划线价¥1,588"),
        label: Positive,
        why: "第35日13:47—14:06改价1288元并成交3笔，未说明依据的划线价1588高于前七日内最低成交价1288，第十六条",
    },
    Compared {
        shop: (LOCAL, "goji1", "宁杞源"),
        title: "宁夏中宁枸杞 特优级 500g",
        category: "食品/滋补/枸杞",
        price: 7_900,
        slots: &[(18..31, (30_000, 60_000), 5_900, 5_900, 1)],
        display: (41, 5_900, 7_900, "previous_price", "原价79 现59"),
        label: Positive,
        why: "前七日（第34—40日）没有成交，最后一次成交价为59元，“原价79”高于最后一次交易价格，第十六条第二款",
    },
    Compared {
        shop: (LOCAL, "ski1", "雪线户外"),
        title: "双层防雾滑雪镜 柱面",
        category: "运动户外/滑雪/雪镜",
        price: 45_900,
        slots: &[
            (18..32, (40_000, 70_000), 45_900, 45_900, 1),
            (32..33, (85_000, 86_000), 45_900, 36_900, 4),
            (33..40, (40_000, 70_000), 45_900, 45_900, 1),
        ],
        display: (40, 39_900, 45_900, "previous_price", "原价459 雪季价399"),
        label: Negative,
        why: "叠券成交369的4笔在第32日23:36之后，是第40日比较前的第八日；前七日（第33—39日）最低成交价459，比较价不高于它，第十六条",
    },
    Compared {
        shop: (LOCAL, "clay1", "泥巴造物陶艺"),
        title: "陶艺拉坯体验课 单人2小时",
        category: "本地生活/手工DIY",
        price: 26_800,
        slots: &[(18..30, (50_000, 70_000), 26_800, 26_800, 1)],
        display: (
            40,
            19_800,
            26_800,
            "previous_price",
            "原价268 周末体验价198",
        ),
        label: Negative,
        why: "前七日没有成交，比较价268等于比较前最后一次交易价格（第29日），不高于它，第十六条第二款",
    },
    Compared {
        shop: (MALL, "lock1", "安居智能门锁"),
        title: "3D人脸识别智能门锁 C级锁芯",
        category: "家装/智能门锁",
        price: 239_900,
        slots: &[(18..40, (36_000, 72_000), 239_900, 239_900, 1)],
        display: (
            40,
            219_900,
            299_900,
            "rrp",
            "厂商建议零售价2999元（2026年品牌价目表）",
        ),
        label: Negative,
        why: "比较价明确标示为厂商建议零售价并注明价目表，第十六条第三款允许（明码标价和禁止价格欺诈规定）",
    },
    Compared {
        shop: (LOCAL, "climb1", "岩点攀岩馆"),
        title: "抱石 次卡 不限时",
        category: "本地生活/运动健身",
        price: 12_800,
        slots: &[
            (18..38, (54_000, 75_000), 12_800, 12_800, 1),
            (38..39, (22_020, 22_740), 12_800, 9_900, 2),
        ],
        display: (
            39,
            10_800,
            12_800,
            "previous_price",
            "原价壹佰贰拾捌元 今日108",
        ),
        label: Positive,
        why: "前一日06:07—06:19叠券后以99元成交两笔，以大写数字标示的原价128高于前七日内最低成交价99，第十六条",
    },
];

/// The compared-price cases (第十六条).
pub(crate) fn compared(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    for c in COMPARED {
        let (platform, tag, name) = c.shop;
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, c.title, c.category, "general", c.price);
        run(city, rng, buyers, &l, order_no, c.slots);
        let (day, shown, reference, kind, label) = c.display;
        compared_display(city, rng, &l, day, (shown, reference), kind, label);
        KIT.t_listing(city, crate::kit::rules::REFERENCE, &l, c.label, c.why);
    }
}

/// A discount display with a compared price on the detail page.
fn compared_display(
    city: &mut City,
    rng: &mut Rng,
    l: &Listing,
    day: i64,
    (shown, reference): (i64, i64),
    kind: &str,
    label: &str,
) {
    KIT.show(
        city,
        rng,
        l,
        &Obs {
            day,
            shown,
            reference: Some(reference),
            kind: Some(kind),
            promo: "discount",
            label: Some(label),
            ..KIT.obs()
        },
    );
}

const RAISE: &str = "price_fraud.raise_then_discount";

/// One raise case: shop, title, price steps (from day, second, price), the discount's first day,
/// what it shows (price, compared price or none, label), label and why.
type Raise = (
    (&'static str, &'static str, &'static str),
    &'static str,
    &'static [(i64, i64, i64)],
    i64,
    (i64, Option<i64>, &'static str),
    Label,
    &'static str,
);

const RAISES: &[Raise] = &[
    (
        (MALL, "brick1", "拼趣积木"),
        "城堡积木 3,120颗粒 拼装玩具",
        &[(-30, 0, 49_900), (30, 85_260, 69_900)],
        32,
        (49_900, Some(69_900), "狂欢价 原价699 直降200"),
        Positive,
        "第30日23:41把标价从499提到699，两天后以699为原价“直降200”，折后价即提价前的价格，第十七条；第十九条第三项",
    ),
    (
        (MALL, "kbd1", "极速电竞外设"),
        "机械键盘 87键 热插拔 RGB",
        &[
            (-30, 0, 29_900),
            (34, 40_260, 32_900),
            (36, 40_260, 35_900),
            (38, 40_260, 38_900),
        ],
        40,
        (29_900, Some(38_900), "原价389 限时77折"),
        Positive,
        "六天内分三次（每次30元）从299涨到389，随即以389为基准打77折回到299，分步临时提价作为折扣基准，第十七条",
    ),
    (
        (LOCAL, "yuezi1", "安馨月子会所"),
        "月子套餐 28天 标准套房",
        &[(-30, 0, 3_880_000), (41, 51_420, 4_580_000)],
        42,
        (3_880_000, Some(4_580_000), "限时优惠 原价45800 立减7000"),
        Positive,
        "第41日14:17把28天套餐从38800提到45800，次日起以45800为原价“立减7000”，第十七条",
    ),
    (
        (MALL, "board1", "浪花桨板"),
        "充气桨板 SUP 320cm 全套",
        &[(-30, 0, 159_900), (6, 31_260, 189_900)],
        44,
        (169_900, Some(189_900), "初冬特惠 原价1899"),
        Negative,
        "第6日涨价后按1899实际成交38天，原价1899是真实的持续成交价，不是折扣前的临时提价，第十七条",
    ),
    (
        (MALL, "kbd2", "极速电竞外设"),
        "电竞鼠标 无线 轻量化 59g",
        &[(-30, 0, 39_900), (30, 60_060, 49_900), (38, 60_060, 46_900)],
        39,
        (46_900, None, "周年庆 新价469"),
        Negative,
        "提价后降到469，但页面只标新价、没有划线原价或“折扣”基准，第十七条的计算基准不存在（明码标价和禁止价格欺诈规定）",
    ),
];

/// Raises in one step or several before a discount (第十七条), and two that are not.
pub(crate) fn raised(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    for &((platform, tag, name), title, steps, from, (shown, reference, label), truth, why) in
        RAISES
    {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "综合/促销", "general", steps[0].2);
        // The price standing at second `s` of day `d` (the steps are in time order).
        let price_at = |d: i64, s: i64| {
            steps
                .iter()
                .rev()
                .find(|(day, second, _)| (*day, *second) <= (d, s))
                .map_or(steps[0].2, |st| st.2)
        };
        for d in 0..from {
            KIT.plain(city, rng, &l, d, price_at(d, 43_200));
            let second = rng.range(30_000, 82_000);
            let price = price_at(d, second);
            KIT.sell_at(city, rng, buyers, &l, order_no, (d, Some(second)), price);
        }
        for d in from..from + 4 {
            KIT.show(
                city,
                rng,
                &l,
                &Obs {
                    day: d,
                    shown,
                    reference,
                    kind: reference.map(|_| "previous_price"),
                    promo: if reference.is_some() {
                        "discount"
                    } else {
                        "none"
                    },
                    label: Some(label),
                    ..KIT.obs()
                },
            );
            KIT.sell_at(city, rng, buyers, &l, order_no, (d, None), shown);
        }
        KIT.t_listing(city, RAISE, &l, truth, why);
    }
}

const BAIT: &str = "price_fraud.bait_price";

/// One bait case: shop, title, the first page (page, price, label), the second page and price,
/// the checkout payable, label and why.
type Bait = (
    (&'static str, &'static str, &'static str),
    &'static str,
    (&'static str, i64, &'static str),
    (&'static str, i64),
    i64,
    Label,
    &'static str,
);

const BAITS: &[Bait] = &[
    (
        (MALL, "tool2", "锐固电动工具"),
        "角磨机 125mm 无刷",
        ("home", 19_900, "爆款角磨机 ¥199"),
        ("detail", 23_900),
        23_900,
        Positive,
        "首页标示199，同一观看者一分钟后进入详情页为239、结算239，首页价格低于详情页，第二十条第一项",
    ),
    (
        (LIVE, "gold1", "金福珠宝直播间"),
        "足金转运珠手链 约1.2g",
        ("live", 69_900, "直播间专享 到手699"),
        ("checkout", 82_900),
        82_900,
        Positive,
        "直播间口播并标示“到手699”，结算时加收工费按829结算，以低价诱骗、高价结算，第十九条第二项",
    ),
    (
        (LOCAL, "tattoo1", "墨迹纹身工作室"),
        "小图纹身 5cm以内 黑灰",
        ("search", 29_900, "小图纹身 299"),
        ("detail", 39_900),
        39_900,
        Positive,
        "搜索页299，详情页和结算页均为399，未标示任何附加条件，第二十条第一项",
    ),
    (
        (MALL, "power1", "野趣户外电源"),
        "户外移动电源 512Wh/1024Wh 可选",
        ("search", 289_900, "¥2899起（512Wh款）"),
        ("detail", 459_900),
        289_900,
        Negative,
        "搜索页“2899起”是最小规格512Wh款的真实价格，选该规格的观看者结算即付2899，第二十条不禁止标明规格的起价",
    ),
    (
        (LOCAL, "ski2", "雪线户外"),
        "单板滑雪 教练课 2小时",
        ("home", 59_900, "私教课 599"),
        ("checkout", 55_900),
        55_900,
        Negative,
        "结算页因满减比首页便宜40元，实际成交价格给消费者更大优惠，第二十一条第二项",
    ),
    (
        (MALL, "lock2", "安居智能门锁"),
        "指纹智能门锁 可选上门安装",
        ("search", 129_900, "1299（另付安装费50元，页面明示）"),
        ("checkout", 134_900),
        134_900,
        Negative,
        "安装费50元与价格同处明示，结算1349与标示的价格条件一致，不是第十九条第六项的弱化标示",
    ),
];

/// A first page then a second page and checkout for each of six viewers (第二十条).
pub(crate) fn baits(city: &mut City, rng: &mut Rng) {
    for &(
        (platform, tag, name),
        title,
        (page, shown, label),
        (next, next_price),
        payable,
        truth,
        why,
    ) in BAITS
    {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "综合/导购", "general", next_price);
        for k in 0..6i64 {
            let viewer = rng.hex64();
            let (day, second) = (26 + 2 * k, 41_000 + 1_337 * k);
            let mut views = vec![
                (page, second, shown, shown, Some(label)),
                (next, second + 61, next_price, next_price, None),
            ];
            if next != "checkout" {
                views.push(("checkout", second + 170, payable, payable, None));
            } else {
                views[1].3 = payable;
            }
            for (p, s, price, pay, lbl) in views {
                KIT.show(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day,
                        second: s,
                        page: p,
                        shown: price,
                        payable: Some(pay),
                        promo: if lbl.is_some() { "discount" } else { "none" },
                        label: lbl,
                        viewer: Some(&viewer),
                        device: if p == "live" { "ios" } else { "android" },
                        ..KIT.obs()
                    },
                );
            }
        }
        KIT.t_listing(city, BAIT, &l, truth, why);
    }
}

const LIMIT: &str = "price_fraud.fake_time_limit";

/// One time-limit case: shop, title, usual price, the deal and its label, the days it is shown
/// and the seconds of day it is shown at, the price after each showing and after the last day,
/// label and why.
type Limit = (
    (&'static str, &'static str, &'static str),
    &'static str,
    i64,
    (i64, &'static str),
    (std::ops::Range<i64>, &'static [i64]),
    (i64, i64),
    Label,
    &'static str,
);

const LIMITS: &[Limit] = &[
    (
        (MALL, "nest2", "燕归来滋补"),
        "即食燕窝 70g×6瓶",
        39_900,
        (29_900, "⏳倒计时 00:59:59 结束恢复399"),
        (24..38, &[33_420, 47_820, 62_220, 76_620]),
        (29_900, 29_900),
        Positive,
        "14天里每天四次显示“倒计时00:59:59 结束恢复399”，倒计时每次重来，其后仍卖299，期限是虚构的，第十九条第三项、第四项",
    ),
    (
        (LOCAL, "dive1", "蓝洞潜水"),
        "PADI开放水域潜水员课程",
        368_000,
        (298_000, "最后一天！明天恢复3680"),
        (20..31, &[36_060]),
        (298_000, 298_000),
        Positive,
        "连续11天都标“最后一天！明天恢复3680”，次日仍以2980销售，第十九条第四项",
    ),
    (
        (LIVE, "brick2", "拼趣积木直播"),
        "赛车积木 1:10 科技系列",
        89_900,
        (69_900, "仅限本周 周日24点恢复原价"),
        (10..45, &[72_000]),
        (69_900, 69_900),
        Positive,
        "“仅限本周”连续五周每周都标，期满从未恢复899，第十九条第四项",
    ),
    (
        (MALL, "gold2", "金福珠宝"),
        "足金手镯 约15g 古法",
        1_290_000,
        (1_250_000, "金价锁定至12月1日"),
        (40..48, &[36_000]),
        (1_250_000, 1_290_000),
        Negative,
        "“锁价至12月1日”（第47日），第48日起恢复12900，期限真实兑现，第十九条",
    ),
    (
        (LOCAL, "climb2", "岩点攀岩馆"),
        "周三会员日 抱石畅玩",
        12_800,
        (8_800, "每周三会员日 当天有效"),
        (20..48, &[39_060]),
        (12_800, 12_800),
        Negative,
        "每周三的会员日价只在周三显示，其他日子恢复128，是真实重复的限时价，第十九条",
    ),
    (
        (MALL, "tool3", "锐固电动工具"),
        "电动螺丝刀 套装 48件",
        15_900,
        (12_900, "限时3天 11月26日—28日"),
        (42..45, &[30_000, 70_000]),
        (12_900, 15_900),
        Negative,
        "标明三天（第42—44日），第45日起恢复159，限时真实，第十九条",
    ),
];

/// Time limits that restart or never end, and three that end (第十九条).
pub(crate) fn limits(city: &mut City, rng: &mut Rng) {
    for &(
        (platform, tag, name),
        title,
        price,
        (deal, label),
        (ref days, seconds),
        (during, after),
        truth,
        why,
    ) in LIMITS
    {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "综合/限时", "general", price);
        let weekly = tag == "climb2";
        for d in days.clone() {
            // The member day is a Wednesday: day 0 is a Thursday.
            let wednesday = (d + 3).rem_euclid(7) == 2;
            if weekly && !wednesday {
                KIT.plain(city, rng, &l, d, price);
                continue;
            }
            for &s in seconds {
                KIT.show(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: d,
                        second: s,
                        shown: deal,
                        reference: Some(price),
                        kind: Some("previous_price"),
                        promo: "flash_sale",
                        label: Some(label),
                        ..KIT.obs()
                    },
                );
                KIT.show(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: d,
                        second: (s + 3_720).min(86_000),
                        shown: if weekly { deal } else { during },
                        ..KIT.obs()
                    },
                );
            }
        }
        for d in days.end..days.end + 3 {
            KIT.plain(city, rng, &l, d, after);
        }
        KIT.t_listing(city, LIMIT, &l, truth, why);
    }
}

const SURCHARGE: &str = "price_discrimination.loyalty_surcharge";

/// What a viewer with so many orders in 90 days, on a device, in a district, is offered: (shown,
/// payable, promo, segment).
type Offer = fn(i64, &str, &str) -> (i64, i64, &'static str, &'static str);

fn seg(orders: i64) -> &'static str {
    if orders > 0 { "returning" } else { "new" }
}

/// A shop coupon of 30 for everybody but viewers with 8 or more orders.
fn coupon_withheld(orders: i64, _: &str, _: &str) -> (i64, i64, &'static str, &'static str) {
    if orders >= 8 {
        (25_900, 25_900, "none", "returning")
    } else {
        (25_900, 22_900, "coupon", seg(orders))
    }
}

/// A "service fee" of 8% added at checkout for viewers with 5 or more orders.
fn fee_for_regulars(orders: i64, _: &str, _: &str) -> (i64, i64, &'static str, &'static str) {
    if orders >= 5 {
        (6_800, 7_344, "none", "returning")
    } else {
        (6_800, 6_800, "none", seg(orders))
    }
}

/// Paid members pay less.
fn members_less(orders: i64, _: &str, _: &str) -> (i64, i64, &'static str, &'static str) {
    if orders >= 3 {
        (9_900, 8_900, "member", "member")
    } else {
        (9_900, 9_900, "none", seg(orders))
    }
}

/// Delivery to 淳安 (a remote county) costs 15 more, whatever the history.
fn remote_delivery(orders: i64, _: &str, adcode: &str) -> (i64, i64, &'static str, &'static str) {
    if adcode == "330127" {
        (16_400, 16_400, "none", seg(orders))
    } else {
        (14_900, 14_900, "none", seg(orders))
    }
}

/// One price for everybody at a moment; the evening price is lower for everybody.
fn by_hour(orders: i64, device: &str, _: &str) -> (i64, i64, &'static str, &'static str) {
    // The device stands for the hour here: web views are the evening ones.
    if device == "pc_web" {
        (4_900, 4_900, "discount", seg(orders))
    } else {
        (5_900, 5_900, "none", seg(orders))
    }
}

/// Coupons withheld from regulars, a fee only regulars pay, and three lawful differences:
/// 24 drawn viewers a day over twelve days (浙江省电子商务条例 第十四条).
pub(crate) fn withheld(city: &mut City, rng: &mut Rng) {
    type Case = (
        (&'static str, &'static str, &'static str),
        &'static str,
        Offer,
        Label,
        &'static str,
    );
    const CASES: &[Case] = &[
        (
            (MALL, "drill2", "锐固五金"),
            "锂电池 20V 4.0Ah",
            coupon_withheld,
            Positive,
            "标价相同，但近90天下单≥8次的老客领不到对其他人都发放的30元店铺券，老客实付259、他人229，交易条件相同而价格不同，第十四条",
        ),
        (
            (LOCAL, "pet-clinic1", "爱宠动物医院"),
            "猫咪驱虫 体内外 上门",
            fee_for_regulars,
            Positive,
            "近90天≥5单的老客结算时被加收8%“服务费”（73.44元），新客和低频客户68元，按交易历史差别定价，第十四条",
        ),
        (
            (MALL, "members1", "燕归来会员店"),
            "鲜炖燕窝 月卡 1瓶",
            members_less,
            Negative,
            "付费会员价89低于他人的99，老客更便宜而不是被加价，第十四条",
        ),
        (
            (LOCAL, "remote1", "桨板租赁"),
            "桨板租赁 半天 含送还",
            remote_delivery,
            Negative,
            "淳安县（330127）的观看者多付15元是送还距离的真实运输成本，交易成本不同，与下单次数无关，第十四条",
        ),
        (
            (MALL, "hour1", "陶艺材料铺"),
            "陶泥 5kg 白泥",
            by_hour,
            Negative,
            "晚间（网页端）对所有人一律49、白天一律59，同一时刻价格对新老客一致，第十四条",
        ),
    ];
    const DEVICES: &[&str] = &["ios", "android", "pc_web", "mini_program"];
    const AREAS: &[&str] = &["330105", "330127", "330106", "330110"];
    for &((platform, tag, name), title, offer, truth, why) in CASES {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(
            city,
            &mut shop,
            title,
            "生活服务",
            "general",
            offer(0, "ios", "330105").0,
        );
        for d in 36..48 {
            for k in 0..24i64 {
                let orders = rng.range(0, 18);
                let device = DEVICES[((k + d) % 4) as usize];
                let adcode = AREAS[((k / 3) % 4) as usize];
                let (shown, pay, promo, segment) = offer(orders, device, adcode);
                let second = if device == "pc_web" && tag == "hour1" {
                    72_000 + 97 * k
                } else {
                    33_000 + 1_171 * k
                };
                KIT.show(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: d,
                        second,
                        page: "checkout",
                        shown,
                        payable: Some(pay),
                        promo,
                        segment,
                        orders_90d: Some(orders),
                        device,
                        adcode,
                        ..KIT.obs()
                    },
                );
            }
        }
        KIT.t_listing(city, SURCHARGE, &l, truth, why);
    }
    probes(city, rng);
}

/// The regulator's paired probe accounts (神秘买家): a heavy and a fresh account view the same
/// listing within a minute on the same device type and district, six times.
fn probes(city: &mut City, rng: &mut Rng) {
    type Probe = (
        (&'static str, &'static str, &'static str),
        &'static str,
        (i64, i64),
        Label,
        &'static str,
    );
    const CASES: &[Probe] = &[
        (
            (LOCAL, "yuezi2", "安馨产后修复"),
            "产后修复 盆底肌训练 10次",
            (298_000, 328_000),
            Positive,
            "监管测试账号成对比对：同一时间、同一设备类型和地区，近90天12单的账号应付3280，0单账号2980，第十四条",
        ),
        (
            (MALL, "scope1", "星野天文"),
            "入门天文望远镜 80EQ",
            (129_900, 129_900),
            Negative,
            "监管测试账号成对比对六次，新老账号应付均为1299，无差别，第十四条",
        ),
    ];
    for &((platform, tag, name), title, (fresh, heavy), truth, why) in CASES {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "生活服务", "general", fresh);
        let (a, b) = (rng.hex64(), rng.hex64());
        for k in 0..6i64 {
            for (viewer, orders, pay, segment, lag) in
                [(&a, 12, heavy, "returning", 0), (&b, 0, fresh, "new", 40)]
            {
                KIT.show(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: 30 + k,
                        second: 58_260 + lag,
                        page: "checkout",
                        shown: pay,
                        payable: Some(pay),
                        viewer: Some(viewer),
                        segment,
                        orders_90d: Some(orders),
                        device: "ios",
                        adcode: "330106",
                        source: "regulator_probe",
                        ..KIT.obs()
                    },
                );
            }
        }
        KIT.t_listing(city, SURCHARGE, &l, truth, why);
    }
}

const SUSTAINED: &str = "below_cost.sustained";

/// Sales under cost: (shop, title, class, costs (from day, to day, cost), shown price, price
/// paid, days, label, why).
type Under = (
    (&'static str, &'static str, &'static str),
    &'static str,
    &'static str,
    &'static [(i64, Option<i64>, i64)],
    (i64, i64),
    std::ops::Range<i64>,
    Label,
    &'static str,
);

const UNDERS: &[Under] = &[
    (
        (MALL, "drill3", "锐固工具直营"),
        "无刷电锤 26mm 单机",
        "general",
        &[(-120, None, 26_000)],
        (19_900, 19_900),
        (10..52),
        Positive,
        "42天以199销售经审计单位成本260的电锤，每天约6单，不属于鲜活、季节性、积压商品，第十四条第二项",
    ),
    (
        (LOCAL, "power2", "野趣户外电源"),
        "户外电源 600W 便携",
        "general",
        &[(-200, Some(19), 108_000), (20, None, 126_000)],
        (129_900, 109_900),
        (24..54),
        Positive,
        "第20日起审计成本升至1260，而标价1299叠加满减后每单实付1099，连续30天低于成本，第十四条第二项",
    ),
    (
        (MALL, "gold3", "金福珠宝"),
        "足金吊坠 约2g 生肖",
        "general",
        &[(-90, None, 118_000)],
        (99_900, 99_900),
        (15..50),
        Positive,
        "35天以999销售审计成本1180的足金吊坠，金价期间平稳，无法定例外，第十四条第二项",
    ),
    (
        (MALL, "board2", "浪花桨板"),
        "充气桨板 夏季款 清仓",
        "general",
        &[(-180, None, 98_000)],
        (59_900, 59_900),
        (18..50),
        Negative,
        "冬季降价处理夏季的季节性商品（桨板），价格法 第十四条第二项但书",
    ),
    (
        (LOCAL, "nest3", "燕归来滋补"),
        "鲜炖燕窝 临期 保质期至2026-12-08",
        "food",
        &[(-60, None, 4_200)],
        (1_900, 1_900),
        (40..53),
        Negative,
        "临近保质期的冷藏鲜炖燕窝降价处理，属价格法 第十四条第二项但书所列鲜活等商品的依法降价处理",
    ),
    (
        (MALL, "kbd3", "极速电竞外设"),
        "旧款电竞耳机 2023款 积压库存",
        "general",
        &[(-300, None, 21_000)],
        (9_900, 9_900),
        (12..50),
        Negative,
        "新款上市后降价处理积压的旧款库存，价格法 第十四条第二项但书所列积压商品",
    ),
];

/// Sales under audited cost, the price paid after offers, and the law's three exceptions.
pub(crate) fn under_cost(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    for &((platform, tag, name), title, class, costs, (shown, paid), ref days, truth, why) in UNDERS
    {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "综合/特价", class, shown);
        for &(from, to, cost) in costs {
            city.add(
                platform,
                "costs",
                json!({"platform_id": platform, "listing_id": l.id, "valid_from": date(from),
                    "valid_to": to.map(date), "unit_cost_fen": cost, "basis": "audited"}),
            );
        }
        let slot: Slot = (days.clone(), (29_000, 80_000), shown, paid, 6);
        run(city, rng, buyers, &l, order_no, &[slot]);
        KIT.t_listing(city, SUSTAINED, &l, truth, why);
    }
}

const FORCED: &str = "below_cost.platform_forced";
const RESTRICT: &str = "unfair_terms.restrictive_clause";

/// Platforms' campaigns: prices fixed under cost, enforced by commission or deposit, and three
/// that are not forced (反不正当竞争法（2025）第十四条; 电子商务法 第三十五条).
pub(crate) fn campaigns(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    // (platform, name, trade, terms, sanction (action, reason), under cost, label, why, terms label)
    type Campaign = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Option<(&'static str, &'static str)>,
        bool,
        Label,
        &'static str,
        (Label, &'static str),
    );
    const CASES: &[Campaign] = &[
        (
            "h10-gongjuwang",
            "工具网",
            "电动工具",
            "【开工季】活动价由平台按“全网比价”自动生成并直接改写商品价格，商家不得修改；未执行活动价的店铺，技术服务费率由5%上调至15%，直至执行为止。",
            Some((
                "fee_increase",
                "未执行开工季自动活动价，技术服务费率调整为15%",
            )),
            true,
            Positive,
            "平台自动改写价格至低于成本并以佣金从5%升到15%迫使执行，变相强制低于成本销售，反不正当竞争法（2025）第十四条",
            (
                Positive,
                "平台规则以技术手段改写商家价格、以提高服务费惩罚不执行者，不合理限制商家定价，电子商务法 第三十五条",
            ),
        ),
        (
            "h10-tiantianjin",
            "天天金",
            "金饰",
            "「金价狂欢」活动期间平台统一每克工费为0元、克价按平台公布价执行；商家不执行的，扣除保证金5000元并暂停活动资格。",
            Some((
                "deposit_deduction",
                "未按平台克价执行金价狂欢活动，扣除保证金5000元",
            )),
            true,
            Positive,
            "平台统一克价、工费为零，低于商家成本，不执行即扣保证金，反不正当竞争法（2025）第十四条",
            (
                Positive,
                "统一定价并以扣保证金处罚，限制商家自主定价，电子商务法 第三十五条",
            ),
        ),
        (
            "h10-xuechang",
            "雪场通",
            "滑雪",
            "「早鸟雪季」活动价不得高于平台核定价；报名后退出的商家，当季首页与搜索均不予展示。",
            Some(("traffic_limit", "退出早鸟雪季活动，当季首页与搜索不予展示")),
            true,
            Positive,
            "平台核定价低于成本，退出即在首页和搜索屏蔽，迫使商家按低于成本的核定价销售，反不正当竞争法（2025）第十四条",
            (
                Positive,
                "以屏蔽展示惩罚退出活动的商家，不合理限制交易，电子商务法 第三十五条",
            ),
        ),
        (
            "h10-jimu",
            "积木汇",
            "积木",
            "「平台补贴周」活动价由平台设定，差价由平台全额补贴：商家结算价=商家申报的原供货价，补贴随订单结算到账。商家可随时退出。",
            None,
            true,
            Negative,
            "消费者付价低于成本，但差价由平台全额补贴，商家按原供货价结算、可随时退出，商家并未低于成本销售，反不正当竞争法（2025）第十四条",
            (
                Negative,
                "自愿参加、可随时退出、平台补贴差价，不是第三十五条的不合理限制（电子商务法）",
            ),
        ),
        (
            "h10-taoyi",
            "陶艺集",
            "陶艺",
            "「手作季」商家自愿报名，活动价不得低于商家申报成本，由商家自行填写；平台对所有参与商家提供首页资源位。",
            None,
            false,
            Negative,
            "规则反而要求活动价不低于成本，价格由商家自定，无处罚，反不正当竞争法（2025）第十四条",
            (
                Negative,
                "自愿参加、自定价格，设成本价底线，不是第三十五条的不合理限制（电子商务法）",
            ),
        ),
        (
            "h10-qianshui",
            "潜水圈",
            "潜水",
            "「冬训营」商家自行定价并自愿参加；平台仅对存在虚假宣传或安全事故的店铺采取限流措施。",
            Some((
                "traffic_limit",
                "课程页面虚假宣称“零基础保证持证”，限流14天",
            )),
            false,
            Negative,
            "限流针对虚假宣传，活动价由商家自定且不低于成本，反不正当竞争法（2025）第十四条",
            (
                Negative,
                "只对违法店铺采取措施，价格自主，不是第三十五条的不合理限制（电子商务法）",
            ),
        ),
    ];
    for (c, &(platform, pname, trade, terms, sanction, under, truth, why, (tlabel, twhy))) in
        CASES.iter().enumerate()
    {
        HOUSE.platform_row(city, rng, platform, pname, "sales");
        let campaign = format!("h10-camp{c}");
        city.add(
            platform,
            "campaigns",
            json!({"platform_id": platform, "campaign_id": campaign, "name": format!("{pname}{trade}季"),
                "starts_at": at(28, 36_060), "ends_at": at(50, 86_399), "terms_text": terms}),
        );
        let doc = format!("h10-camp-terms{c}");
        HOUSE.document(
            city,
            platform,
            (&doc, "platform_rule", platform),
            &format!("{pname}活动规则"),
            terms,
            26,
        );
        KIT.t_global(city, RESTRICT, "document", &doc, tlabel, twhy);
        for k in 0..4 {
            let mut shop: Shop = KIT.shop(
                city,
                rng,
                platform_static(platform),
                &format!("camp{c}-{k}"),
                &format!("{pname}{trade}{k}号店"),
            );
            let cost = 8_000 + 1_500 * k;
            let price = if under { cost * 3 / 4 } else { cost + 1_100 };
            let l = HOUSE.goods(
                city,
                &mut shop,
                &format!("{trade} 活动款 {k}"),
                trade,
                "general",
                price,
            );
            city.add(
                platform,
                "costs",
                json!({"platform_id": platform, "listing_id": l.id, "valid_from": date(-45),
                    "valid_to": null, "unit_cost_fen": cost, "basis": "audited"}),
            );
            city.add(
                platform,
                "campaign_participants",
                json!({"platform_id": platform, "campaign_id": campaign, "merchant_id": shop.merchant,
                    "joined_at": at(27, 40_260 + 420 * k)}),
            );
            for d in 28..51 {
                for s in 0..4 {
                    let second = 31_000 + 9_000 * s + rng.range(0, 3_000);
                    KIT.sell_at(city, rng, buyers, &l, order_no, (d, Some(second)), price);
                }
            }
            if let (Some((action, reason)), 3) = (sanction, k) {
                city.add(
                    platform,
                    "merchant_sanctions",
                    json!({"platform_id": platform, "merchant_id": shop.merchant, "at": at(31, 33_060),
                        "action": "warning", "reason_text": format!("提醒：{reason}（预警）")}),
                );
                city.add(
                    platform,
                    "merchant_sanctions",
                    json!({"platform_id": platform, "merchant_id": shop.merchant, "at": at(34, 33_060),
                        "action": action, "reason_text": reason}),
                );
            }
        }
        KIT.t_platform(city, FORCED, platform, truth, why);
    }
}

/// The set's new platforms as static names (the kit's shops take a static platform id).
pub(crate) fn platform_static(platform: &str) -> &'static str {
    const ALL: &[&str] = &[
        "h10-gongjuwang",
        "h10-tiantianjin",
        "h10-xuechang",
        "h10-jimu",
        "h10-taoyi",
        "h10-qianshui",
        "h10-yuezi",
        "h10-anfang",
        "h10-dianjing",
        "h10-wenshen",
        "h10-jinshi",
        "h10-rival",
    ];
    ALL.iter()
        .copied()
        .find(|p| *p == platform)
        .unwrap_or("h10-gongjuwang")
}
