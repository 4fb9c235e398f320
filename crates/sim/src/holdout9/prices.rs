//! Pricing cases: compared prices judged against sales that change price several times a day
//! (hourly flash windows, so the seven-day window of 明码标价和禁止价格欺诈规定 第十六条 opens or
//! closes mid-day), raises before discounts, checkout prices, time limits, surcharges on one
//! channel or one district, and sales under cost (价格法 第十四条; 反不正当竞争法（2025）).

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::{City, Listing, at, date};
use crate::kit::{Obs, Shop};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative, Positive};

/// One day's price windows: (first second, last second, price, sales in the window).
pub(crate) type Day<'a> = &'a [(i64, i64, i64, i64)];

/// Sells `l` on each of `days` through the windows of `day`.
fn sell_windows(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    l: &Listing,
    order_no: &mut u64,
    days: std::ops::Range<i64>,
    day: Day<'_>,
) {
    for d in days {
        for &(from, to, price, n) in day {
            for _ in 0..n {
                let second = rng.range(from, to);
                KIT.sell_at(city, rng, buyers, l, order_no, (d, Some(second)), price);
            }
        }
    }
}

/// A plain detail-page display of `price` on each of `days` at the kit's hour.
fn plain_days(city: &mut City, rng: &mut Rng, l: &Listing, days: std::ops::Range<i64>, price: i64) {
    for d in days {
        KIT.plain(city, rng, l, d, price);
    }
}

/// A compared-price display on the detail page.
#[allow(clippy::too_many_arguments)]
fn compared_display(
    city: &mut City,
    rng: &mut Rng,
    l: &Listing,
    day: i64,
    shown: i64,
    reference: i64,
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

/// One compared-price case.
struct Compared {
    shop: (&'static str, &'static str, &'static str),
    title: &'static str,
    category: &'static str,
    price: i64,
    /// Ordinary windows every day from day 18 to the day before the display.
    usual: Day<'static>,
    /// Extra flash windows on single days: (day, windows).
    flashes: &'static [(i64, Day<'static>)],
    /// The display on day 40: shown, compared, kind, label.
    display: (i64, i64, &'static str, &'static str),
    label: Label,
    why: &'static str,
}

const COMPARED: &[Compared] = &[
    Compared {
        shop: (MALL, "anji1", "溪龙白茶园"),
        title: "安吉白茶 明前一级 125g 罐装",
        category: "食品/茶叶/绿茶",
        price: 26_800,
        usual: &[(36_000, 64_800, 26_800, 2)],
        flashes: &[(33, &[(68_400, 75_600, 19_800, 4)])],
        display: (22_800, 26_800, "previous_price", "原价268 现价228 限量"),
        label: Positive,
        why: "“原价268”高于前七日内最低成交价198（第七日前即第33日19—21点整点秒杀成交，仍在七日窗口内），第十六条",
    },
    Compared {
        shop: (MALL, "ting1", "聆声助听器"),
        title: "助听器专用锌空电池 A10 60粒",
        category: "医疗器械/助听器配件",
        price: 23_900,
        usual: &[(30_000, 70_000, 23_900, 1)],
        flashes: &[(39, &[(1_800, 3_600, 21_900, 3)])],
        display: (
            19_900,
            28_000,
            "unspecified",
            "原价贰佰捌拾元 今日壹佰玖拾玖元",
        ),
        label: Positive,
        why: "以大写数字标示的比较价280元高于前七日内最低成交价219（前一日凌晨0:30—1:00闪购）及日常成交价239，第十六条",
    },
    Compared {
        shop: (LOCAL, "pet1", "毛孩子粮仓"),
        title: "全价成猫粮 鸡肉味 2kg",
        category: "宠物/猫粮",
        price: 15_900,
        usual: &[(36_000, 43_200, 13_900, 2), (50_000, 80_000, 15_900, 1)],
        flashes: &[],
        display: (12_900, 15_900, "previous_price", "日常价159－券30＝到手129"),
        label: Positive,
        why: "“日常价159”作比较价，但前七日每天10—12点整点特价均以139成交，比较价高于七日内最低成交价，第十六条",
    },
    Compared {
        shop: (MALL, "drone1", "云翼航拍"),
        title: "折叠航拍无人机 4K 标准版",
        category: "数码/无人机",
        price: 349_900,
        usual: &[(40_000, 70_000, 349_900, 1)],
        flashes: &[(32, &[(84_600, 86_000, 299_900, 3)])],
        display: (319_900, 349_900, "previous_price", "原价3499 双十二直降300"),
        label: Negative,
        why: "前七日（第33—39日）内最低成交价即3499；2999的闪购在第32日23:30，是第八日前，不在第十六条的七日窗口内",
    },
    Compared {
        shop: (MALL, "glass1", "明眸眼镜"),
        title: "钛架近视镜框 超轻 方框",
        category: "眼镜/镜架",
        price: 59_900,
        usual: &[(36_000, 72_000, 59_900, 1)],
        flashes: &[(36, &[(72_000, 75_600, 45_900, 2)])],
        display: (
            49_900,
            89_900,
            "rrp",
            "厂商建议零售价899（品牌官方价目表2026版）",
        ),
        label: Negative,
        why: "比较价标明为厂商建议零售价并注明来源，不是以原价比较；第十六条第二款允许标明依据的比较价（明码标价和禁止价格欺诈规定）",
    },
    Compared {
        shop: (LOCAL, "fish1", "钱江渔具行"),
        title: "碳素台钓竿 4.5米 28调",
        category: "运动户外/渔具/鱼竿",
        price: 45_900,
        usual: &[(30_000, 50_000, 45_900, 1), (64_800, 68_400, 45_900, 1)],
        flashes: &[],
        display: (39_900, 45_900, "previous_price", "原价459 周末钓友价399"),
        label: Negative,
        why: "比较价459正是前七日内每一笔成交的价格（等于七日内最低成交价，未超过），第十六条",
    },
];

/// The compared-price cases (第十六条): displays on day 40 after sales from day 18.
pub(crate) fn compared(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    for c in COMPARED {
        let (platform, tag, name) = c.shop;
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, c.title, c.category, "general", c.price);
        sell_windows(city, rng, buyers, &l, order_no, 18..40, c.usual);
        for (day, windows) in c.flashes {
            sell_windows(city, rng, buyers, &l, order_no, *day..*day + 1, windows);
        }
        plain_days(city, rng, &l, 18..40, c.price);
        let (shown, reference, kind, label) = c.display;
        compared_display(city, rng, &l, 40, shown, reference, kind, label);
        KIT.t_listing(city, crate::kit::rules::REFERENCE, &l, c.label, c.why);
    }
}

const RAISE: &str = "price_fraud.raise_then_discount";

/// Raises before a discount (第十九条): the raise at an hour of one day, the discount displayed
/// from a later day.
pub(crate) fn raised(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    // (shop, title, before, raised, raise day and second, discount day, shown, label, case)
    type Raise = (
        (&'static str, &'static str, &'static str),
        &'static str,
        i64,
        i64,
        (i64, i64),
        i64,
        i64,
        &'static str,
        Label,
        &'static str,
    );
    const CASES: &[Raise] = &[
        (
            (MALL, "bamboo1", "竹韵家居"),
            "整竹砧板 加厚 40×28cm",
            8_900,
            12_900,
            (36, 50_400),
            38,
            8_900,
            "直降40！竹砧板仅89",
            Positive,
            "第36日14点从89提到129，两天后以“直降40”回到89，先提价后打折，第十九条",
        ),
        (
            (LOCAL, "rent1", "驰程租车"),
            "经济型轿车 日租（含基础保险）",
            19_900,
            26_900,
            (44, 28_800),
            45,
            18_800,
            "限时7折 原价269/天",
            Positive,
            "第44日早8点日租价从199提到269，次日晚以269为原价打7折188，折扣几乎全部来自前一日的提价，第十九条",
        ),
        (
            (MALL, "smile1", "皓齿口腔护理"),
            "家用牙齿美白凝胶套装 14天",
            15_900,
            19_900,
            (2, 39_600),
            47,
            16_900,
            "冬季护理节 原价199 到手169",
            Negative,
            "提价在折扣前45天，199已成为持续的实际成交价（其间每天按199成交），不属于第十九条的虚构原价",
        ),
    ];
    for &(
        (platform, tag, name),
        title,
        before,
        raised,
        (rday, rsec),
        dday,
        shown,
        label,
        truth,
        why,
    ) in CASES
    {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "家居/日用", "general", before);
        for d in 0..dday {
            let price = if (d, 43_200) < (rday, rsec) {
                before
            } else {
                raised
            };
            KIT.plain(city, rng, &l, d, price);
            if d % 2 == 0 {
                KIT.sell_at(city, rng, buyers, &l, order_no, (d, Some(43_200)), price);
            }
        }
        for d in dday..dday + 4 {
            compared_display(city, rng, &l, d, shown, raised, "previous_price", label);
        }
        KIT.t_listing(city, RAISE, &l, truth, why);
    }
    // A hotpot base raised after an audited cost rise, discounted a month later.
    let mut shop = KIT.shop(city, rng, LOCAL, "hotpot1", "蜀香火锅底料");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "牛油火锅底料 500g×2袋",
        "食品/调味品",
        "food",
        3_900,
    );
    for (from, to, cost) in [(-200, Some(19), 2_600), (20, None, 3_500)] {
        city.add(
            LOCAL,
            "costs",
            json!({"platform_id": LOCAL, "listing_id": l.id, "valid_from": date(from),
                "valid_to": to.map(date), "unit_cost_fen": cost, "basis": "audited"}),
        );
    }
    for d in 0..52 {
        let price = if d < 21 { 3_900 } else { 4_900 };
        KIT.plain(city, rng, &l, d, price);
        KIT.sell_at(city, rng, buyers, &l, order_no, (d, Some(61_200)), price);
    }
    for d in 52..56 {
        compared_display(
            city,
            rng,
            &l,
            d,
            4_400,
            4_900,
            "previous_price",
            "涮锅季 原价49 立减5元",
        );
    }
    KIT.t_listing(
        city,
        RAISE,
        &l,
        Negative,
        "第21日的提价转嫁了经审计的牛油成本上涨（26→35元），此后按49元成交一个月才立减5元，不属于第十九条的先提价后打折",
    );
}

const BAIT: &str = "price_fraud.bait_price";

/// Checkout prices against the price shown before it (第二十条): six viewers each.
pub(crate) fn baits(city: &mut City, rng: &mut Rng) {
    // (shop, title, (page, shown, label), checkout payable, truth, why)
    type Bait = (
        (&'static str, &'static str, &'static str),
        &'static str,
        (&'static str, i64, &'static str),
        i64,
        Label,
        &'static str,
    );
    const CASES: &[Bait] = &[
        (
            (LOCAL, "flower1", "花语同城"),
            "11枝红玫瑰花束 同城速递",
            ("search", 9_900, "99元/束 🌹 同城包邮"),
            12_900,
            Positive,
            "搜索页“99元/束 同城包邮”，结算页同一观看者应付129（加收30元“配送服务费”），第二十条",
        ),
        (
            (MALL, "phone1", "焕新二手机"),
            "二手手机 95新 128G 全网通",
            ("home", 129_900, "到手价1299 ✅"),
            149_900,
            Positive,
            "首页“到手价1299”，结算时未说明须以旧换新，每位观看者应付1499，第二十条",
        ),
        (
            (MALL, "ebike1", "绿源换电"),
            "电动自行车锂电池 48V20Ah",
            ("search", 89_900, "以旧换新价899（需交同规格旧电池）"),
            89_900,
            Negative,
            "以旧换新条件在搜索页写明，结算页应付与展示一致（899），不构成第二十条的虚假价格",
        ),
        (
            (LOCAL, "wed1", "光影婚纱摄影"),
            "婚纱照 室内+外景 套系A",
            ("search", 399_900, "套系A 3999"),
            369_900,
            Negative,
            "结算页因店铺券比搜索页低300元，消费者实付低于展示价，不是诱骗，第二十条",
        ),
    ];
    for &((platform, tag, name), title, (page, shown, label), payable, truth, why) in CASES {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let class = if tag == "wed1" {
            "custom_made"
        } else {
            "general"
        };
        let l = HOUSE.goods(city, &mut shop, title, "服务/生活", class, shown);
        for k in 0..6 {
            let viewer = rng.hex64();
            let (day, second) = (30 + k, 50_000 + 900 * k);
            for (page, price, pay, label) in [
                (page, shown, shown, Some(label)),
                ("checkout", payable, payable, None),
            ] {
                KIT.show(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day,
                        second: if page == "checkout" {
                            second + 95
                        } else {
                            second
                        },
                        page,
                        shown: price,
                        payable: Some(pay),
                        promo: if label.is_some() { "discount" } else { "none" },
                        label,
                        viewer: Some(&viewer),
                        ..KIT.obs()
                    },
                );
            }
        }
        KIT.t_listing(city, BAIT, &l, truth, why);
    }
}

const LIMIT: &str = "price_fraud.fake_time_limit";

/// Time limits shown at hourly windows, kept or not (第十九条 虚构期限).
pub(crate) fn windows(city: &mut City, rng: &mut Rng) {
    // (shop, title, price, (deal, label, hour), days, price after the window, truth, why)
    type Window = (
        (&'static str, &'static str, &'static str),
        &'static str,
        i64,
        (i64, &'static str, i64),
        std::ops::Range<i64>,
        i64,
        Label,
        &'static str,
    );
    const CASES: &[Window] = &[
        (
            (MALL, "drone2", "云翼配件"),
            "无人机 桨叶保护罩套装",
            8_900,
            (5_900, "⏰限时特惠 仅剩2小时 过时恢复89", 72_000),
            20..38,
            5_900,
            Positive,
            "连续18天每晚20点显示“仅剩2小时 过时恢复89”，两小时后及次日仍是59，期限是虚构的，第十九条",
        ),
        (
            (LOCAL, "groom1", "萌宠洗护馆"),
            "小型犬洗澡美容 单次券",
            16_800,
            (12_800, "今日截止 明日恢复原价168", 36_000),
            25..40,
            12_800,
            Positive,
            "15天每天上午显示“今日截止 明日恢复原价168”，次日仍卖128，第十九条",
        ),
        (
            (LIVE, "ktv1", "声浪KTV"),
            "欢唱3小时 小包 周一至周四",
            8_900,
            (5_900, "20点整点秒杀 21点结束", 72_000),
            20..34,
            8_900,
            Negative,
            "每天20—21点秒杀59，当晚22:05的展示已恢复89，限时真实兑现（明码标价和禁止价格欺诈规定 第十九条）",
        ),
        (
            (MALL, "anji2", "溪龙茶社"),
            "安吉白茶 预售 2027新茶 250g",
            39_800,
            (33_800, "预售价截至11月20日", 39_600),
            25..37,
            33_800,
            Negative,
            "预售价标明截至11月20日（第36日），第37日起恢复398，期限真实，第十九条",
        ),
    ];
    for &((platform, tag, name), title, price, (deal, label, hour), ref days, after, truth, why) in
        CASES
    {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "生活服务", "general", price);
        for d in days.clone() {
            KIT.show(
                city,
                rng,
                &l,
                &Obs {
                    day: d,
                    second: hour,
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
                    second: (hour + 7_500).min(86_000),
                    shown: after,
                    ..KIT.obs()
                },
            );
        }
        for d in days.end..days.end + 3 {
            KIT.plain(
                city,
                rng,
                &l,
                d,
                if truth == Positive { deal } else { price },
            );
        }
        KIT.t_listing(city, LIMIT, &l, truth, why);
    }
}

const SURCHARGE: &str = "price_discrimination.loyalty_surcharge";

/// Loyalty surcharges that show on one channel or one district only (浙江省电子商务条例 第十四条):
/// 24 viewers a day on twelve days with drawn order counts, devices and districts.
pub(crate) fn channels(city: &mut City, rng: &mut Rng) {
    // (shop, title, price, rule, truth, why)
    type Channel = (
        (&'static str, &'static str, &'static str),
        &'static str,
        i64,
        fn(i64, &str, &str) -> (i64, &'static str, &'static str),
        Label,
        &'static str,
    );
    fn mini_program(orders: i64, device: &str, _: &str) -> (i64, &'static str, &'static str) {
        if device == "mini_program" && orders >= 6 {
            (11_200, "none", "returning")
        } else {
            (10_000, "none", if orders > 0 { "returning" } else { "new" })
        }
    }
    fn ios_regulars(orders: i64, device: &str, _: &str) -> (i64, &'static str, &'static str) {
        if device == "ios" && orders >= 3 {
            (21_400, "none", "returning")
        } else {
            (19_900, "none", if orders > 0 { "returning" } else { "new" })
        }
    }
    fn xihu_members(orders: i64, _: &str, adcode: &str) -> (i64, &'static str, &'static str) {
        if adcode == "330106" && orders >= 10 {
            (4_300, "member", "member")
        } else {
            (3_990, "none", if orders > 0 { "returning" } else { "new" })
        }
    }
    fn new_users(orders: i64, _: &str, _: &str) -> (i64, &'static str, &'static str) {
        if orders == 0 {
            (7_900, "new_user", "new")
        } else {
            (9_900, "none", "returning")
        }
    }
    fn member_cheaper(orders: i64, _: &str, _: &str) -> (i64, &'static str, &'static str) {
        if orders >= 5 {
            (27_900, "member", "member")
        } else {
            (29_900, "none", if orders > 0 { "returning" } else { "new" })
        }
    }
    fn drawn(orders: i64, device: &str, adcode: &str) -> (i64, &'static str, &'static str) {
        // 随机立减 decided by a draw on the device and district, not by the history.
        let draw = (device.len() as i64 * 7 + adcode.as_bytes()[5] as i64) % 3;
        (
            15_900 - draw * 500,
            "random_draw",
            if orders > 0 { "returning" } else { "new" },
        )
    }
    const CASES: &[Channel] = &[
        (
            (MALL, "ting2", "聆声验配中心"),
            "助听器 深度清洁保养 上门服务",
            10_000,
            mini_program,
            Positive,
            "同一服务，小程序上近90天下单≥6次的老客应付112，其他人100，老客加价12%且未告知，第十四条",
        ),
        (
            (LOCAL, "rent2", "驰程租车"),
            "SUV 日租 周末",
            19_900,
            ios_regulars,
            Positive,
            "iOS端近90天租车≥3次的老客日租价214，其他199，按交易历史差别定价，第十四条",
        ),
        (
            (LOCAL, "hotpot2", "蜀香火锅底料旗舰"),
            "清油火锅底料 400g",
            3_990,
            xihu_members,
            Positive,
            "仅西湖区（330106）近90天≥10单的会员看到“会员价”43，高于他人的39.9，第十四条",
        ),
        (
            (LOCAL, "flower2", "花语同城"),
            "向日葵 6枝 同城",
            9_900,
            new_users,
            Negative,
            "新人价79只给首单用户，其余用户都付99，老客未被加价；第十四条不禁止公开的新客优惠",
        ),
        (
            (MALL, "glass2", "明眸眼镜"),
            "防蓝光镜片 1.60 一对",
            29_900,
            member_cheaper,
            Negative,
            "下单≥5次的会员付279，低于他人的299：老客更便宜，不是杀熟，第十四条",
        ),
        (
            (MALL, "fish2", "钱江渔具行"),
            "路亚饵套装 36件",
            15_900,
            drawn,
            Negative,
            "随机立减按设备和地区抽取，与下单次数无关，第十四条",
        ),
    ];
    const DEVICES: &[&str] = &["ios", "android", "mini_program", "pc_web"];
    const AREAS: &[&str] = &["330106", "330102", "330110", "330108"];
    for &((platform, tag, name), title, price, rule, truth, why) in CASES {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "生活服务", "general", price);
        for d in 38..50 {
            for k in 0..24i64 {
                let orders = rng.range(0, 16);
                let device = DEVICES[(k % 4) as usize];
                let adcode = AREAS[((k / 4) % 4) as usize];
                let (pay, promo, segment) = rule(orders, device, adcode);
                KIT.show(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: d,
                        second: 36_000 + 1_200 * k,
                        shown: pay,
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
}

const SUSTAINED: &str = "below_cost.sustained";

/// Sales under audited cost (价格法 第十四条第二项) and its exemptions.
pub(crate) fn under_cost(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    // (shop, title, class, cost, price, days under, truth, why)
    type Under = (
        (&'static str, &'static str, &'static str),
        &'static str,
        &'static str,
        i64,
        i64,
        std::ops::Range<i64>,
        Label,
        &'static str,
    );
    const CASES: &[Under] = &[
        (
            (MALL, "drone3", "翔鹰无人机"),
            "入门航拍无人机 1080P",
            "general",
            68_000,
            49_900,
            8..54,
            Positive,
            "46天以499销售经审计单位成本680的无人机，每天约8单，非鲜活、季节、临期或清偿债务等情形，第十四条第二项",
        ),
        (
            (LOCAL, "ebike2", "绿源换电"),
            "电动自行车锂电池 48V12Ah",
            "general",
            52_000,
            39_900,
            12..54,
            Positive,
            "42天以399销售审计成本520的电池，无法定例外，第十四条第二项",
        ),
        (
            (LOCAL, "hotpot3", "蜀香火锅底料"),
            "临期特价 麻辣火锅底料 保质期至2026-12-10",
            "food",
            2_200,
            990,
            30..54,
            Negative,
            "有效期限即将到期的商品降价处理，价格法 第十四条第二项但书",
        ),
        (
            (MALL, "fish3", "钱江渔具行"),
            "夏季钓鱼防晒冰袖 清仓",
            "general",
            1_500,
            590,
            20..50,
            Negative,
            "冬季处理夏季的季节性商品，价格法 第十四条第二项但书",
        ),
    ];
    for &((platform, tag, name), title, class, cost, price, ref days, truth, why) in CASES {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "日用/综合", class, price);
        city.add(
            platform,
            "costs",
            json!({"platform_id": platform, "listing_id": l.id, "valid_from": date(-90),
                "valid_to": null, "unit_cost_fen": cost, "basis": "audited"}),
        );
        for d in days.clone() {
            for k in 0..8 {
                KIT.sell_at(
                    city,
                    rng,
                    buyers,
                    &l,
                    order_no,
                    (d, Some(30_000 + 5_000 * k)),
                    price,
                );
            }
        }
        KIT.t_listing(city, SUSTAINED, &l, truth, why);
    }
}

const FORCED: &str = "below_cost.platform_forced";
const RESTRICT: &str = "unfair_terms.restrictive_clause";

/// Platforms' campaigns: a price the platform fixes under cost with search-ranking or traffic
/// sanctions, or a voluntary one (反不正当竞争法（2025）; 电子商务法 第三十五条).
pub(crate) fn campaigns(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    // (platform, name, category, terms, sanction, truth, why)
    type Campaign = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Option<(&'static str, &'static str)>,
        Label,
        &'static str,
    );
    const CASES: &[Campaign] = &[
        (
            "h9-mengchong",
            "萌宠集市",
            "宠物食品",
            "【宠粮狂欢周】平台统一设定活动价为商家申报成本价的八折，报名商家不得自行调价；未按活动价销售的商家，搜索排名下调至末位，每日流量配额由5万降至5千。",
            Some((
                "search_demotion",
                "未执行宠粮狂欢周活动价，搜索排名下调至末位",
            )),
            Positive,
            "平台定价低于成本并以搜索降权、流量配额相威胁，迫使商家低于成本销售，反不正当竞争法（2025）第十四条",
        ),
        (
            "h9-huashi",
            "花市速递",
            "鲜花绿植",
            "「情人节预热」活动价由平台核定，商家不得擅自改价；擅自改价者每单扣除保证金200元，并限制首页流量。",
            Some((
                "traffic_limit",
                "擅自改价，首页流量限制30天（活动价由平台核定）",
            )),
            Positive,
            "活动价由平台核定且低于成本，改价即扣保证金、限流，迫使低于成本销售，反不正当竞争法（2025）第十四条",
        ),
        (
            "h9-diaoke",
            "钓客商城",
            "渔具",
            "「冬钓节」商家自愿报名，活动价由商家自行设定，可随时退出活动，退出不影响店铺排名和流量。",
            None,
            Negative,
            "商家自愿报名、自定价格、可随时退出且无任何处罚；个别商家自定的低价不是平台强制，反不正当竞争法（2025）第十四条",
        ),
        (
            "h9-jingpin",
            "镜品优选",
            "眼镜",
            "「护眼月」平台给出建议活动价（不低于商家成本），商家可自行决定是否参加及价格，未参加者不受任何影响。",
            None,
            Negative,
            "建议价不低于成本，参加与否和价格由商家决定，无处罚，反不正当竞争法（2025）第十四条",
        ),
    ];
    for (c, &(platform, pname, category, terms, sanction, truth, why)) in CASES.iter().enumerate() {
        HOUSE.platform_row(city, rng, platform, pname, "sales");
        let campaign = format!("h9-camp{c}");
        city.add(
            platform,
            "campaigns",
            json!({"platform_id": platform, "campaign_id": campaign, "name": format!("{pname}冬季活动"),
                "starts_at": at(30, 0), "ends_at": at(52, 86_399), "terms_text": terms}),
        );
        let doc = format!("h9-camp-terms{c}");
        HOUSE.document(
            city,
            platform,
            (&doc, "platform_rule", platform),
            &format!("{pname}活动规则"),
            terms,
            28,
        );
        KIT.t_global(
            city,
            RESTRICT,
            "document",
            &doc,
            truth,
            if truth == Positive {
                "活动规则强制统一价格并以降权、限流、扣保证金处罚不从者，不合理限制平台内经营者的交易和价格，电子商务法 第三十五条"
            } else {
                "自愿参加、自主定价、可退出且无处罚，不是第三十五条的不合理限制（电子商务法）"
            },
        );
        for k in 0..3 {
            let mut shop: Shop = KIT.shop(
                city,
                rng,
                platform_static(platform),
                &format!("camp{c}-{k}"),
                &format!("{pname}{category}{k}号店"),
            );
            let cost = 5_000 + 1_000 * k;
            let price = if truth == Positive || k == 0 {
                cost * 8 / 10
            } else {
                cost + 900
            };
            let l = HOUSE.goods(
                city,
                &mut shop,
                &format!("{category} 活动款 {k}"),
                category,
                "general",
                price,
            );
            city.add(
                platform,
                "costs",
                json!({"platform_id": platform, "listing_id": l.id, "valid_from": date(-60),
                    "valid_to": null, "unit_cost_fen": cost, "basis": "audited"}),
            );
            city.add(
                platform,
                "campaign_participants",
                json!({"platform_id": platform, "campaign_id": campaign, "merchant_id": shop.merchant,
                    "joined_at": at(29, 36_000 + 600 * k)}),
            );
            for d in 30..53 {
                for s in 0..5 {
                    KIT.sell_at(
                        city,
                        rng,
                        buyers,
                        &l,
                        order_no,
                        (d, Some(34_000 + 7_000 * s)),
                        price,
                    );
                }
            }
            if let (Some((action, reason)), 2) = (sanction, k) {
                city.add(
                    platform,
                    "merchant_sanctions",
                    json!({"platform_id": platform, "merchant_id": shop.merchant, "at": at(33, 61_000),
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
        "h9-mengchong",
        "h9-huashi",
        "h9-diaoke",
        "h9-jingpin",
        "h9-chuxing",
        "h9-lingsheng",
        "h9-zhuyi",
        "h9-qingxiu",
        "h9-tanhua",
        "h9-fanyu",
        "h9-weiguang",
    ];
    ALL.iter()
        .copied()
        .find(|p| *p == platform)
        .unwrap_or("h9-mengchong")
}
