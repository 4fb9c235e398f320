//! The third held-out set: cases written from the statutes, the data standard, the findings
//! catalogue and how merchants and platforms really behave, apart from the detectors (their code,
//! tests and lexicons were not read), for another unbiased measurement of all sixteen detectors.
//!
//! Weighted toward pricing (`price_fraud`, `price_discrimination`, `below_cost`) and the five text
//! detectors. About two in five cases are hard negatives a careless detector would flag (the SAMR
//! 2023 exemptions for absolute terms, registered marks containing a term, true comparisons,
//! licensed resellers, genuine time-limited sales, statutory clearance of fresh or seasonal goods,
//! fair platform rules, policy drafts meeting 公平竞争审查条例 第十二条). Positives come in forms
//! unlike the obvious: traditional characters, full-width letters and digits, spaced-out terms,
//! spoken transcripts, slow multi-day patterns, and values exactly at or just past the numbers in
//! the law.
//!
//! Every id starts with `h3-` (merchants `<platform>-h3-…`, platforms `h3-…`), every truth `why`
//! with `holdout3: ` followed by the reason and its legal basis. Planted only with `--holdout`.

use serde_json::{Value, json};

use crate::city::{City, Listing, at, date};
use crate::kit::{
    Homed, Item, Kit, LiveStyle, Obs, Reg, RegistryStyle, code, homed_shop, registry,
};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative as N, Positive as P};

const MALL: &str = "huishang";
const LOCAL: &str = "xiansong";
const LIVE: &str = "kanbo";

/// The prefix of every truth row's `why` (what `eval --holdout holdout3` selects).
const SET: &str = "holdout3";

/// The third set's tag, truth prefix and house style.
const KIT: Kit = Kit {
    tag: "h3",
    set: SET,
    instrument: Some(crate::kit::instrument),
    house_numbers: (2_000, 2_999),
    listed_day: -400,
    natural_suffix: "（个人网店）",
    individual_suffix: "经营部",
    registry: RegistryStyle::Drawn,
    turnover: 80_000_000,
    display: (41_000, "330106"),
    live: LiveStyle {
        hours: (70_200, 79_200),
        viewers: (500, 40_000),
        gmv: (100_000, 9_000_000),
    },
    mark_valid_to: "2034-08-13",
};

// ---------------------------------------------------------------------------------------------
// Operators, shops, listings, sales and price displays: `crate::kit`.

/// Plants the third held-out set.
pub(crate) fn plant(city: &mut City, root: &Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    let fork = |label: &str| root.fork(&format!("holdout3-{label}"));
    reference_price(city, &mut fork("reference"), buyers, days, order_no);
    raise_then_discount(city, &mut fork("raise"), buyers, days, order_no);
    bait_price(city, &mut fork("bait"), days);
    fake_time_limit(city, &mut fork("timer"), buyers, days, order_no);
    discrimination(city, &mut fork("discrimination"), days);
    below_cost(city, &mut fork("cost"), buyers, days, order_no);
    forced_below_cost(city, &mut fork("forced"), buyers, days, order_no);
    absolute_terms(city, &mut fork("absolute"), days);
    claims(city, &mut fork("claims"), days);
    marks(city, &mut fork("marks"), days);
    documents(city);
    brushing(city, &mut fork("brushing"), buyers, days, order_no);
    exclusive(city, &mut fork("exclusive"), days);
    pyramids(city, &mut fork("pyramids"), days);
    identity(city, &mut fork("identity"), buyers, days, order_no);
    clusters(city, &mut fork("clusters"));
    after_sales(city, &mut fork("after-sales"), order_no);
    complainants(city, &mut fork("complainants"), days, order_no);
}

// ---------------------------------------------------------------------------------------------
// 价格欺诈: 被比较价格 (明码标价和禁止价格欺诈规定 第十六条).

fn reference_price(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    const RULE: &str = "price_fraud.reference_price";
    let last = days - 1;
    let mut s = KIT.shop(city, rng, MALL, "ref", "汇织服饰");
    let mut item = |city: &mut City, title: &'static str, price: i64| {
        KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                category: "服饰/男装/夹克",
                price,
                ..Item::default()
            },
        )
    };

    // +: "原價299" in traditional characters; the week's sales were at 259 and 269.
    let l = item(city, "男士防風夾克 秋冬款", 29_900);
    for d in (last - 20..last - 8).step_by(2) {
        KIT.sell(city, rng, buyers, &l, order_no, d, 29_900);
    }
    for d in last - 7..last {
        let price = if d % 2 == 0 { 25_900 } else { 26_900 };
        KIT.sell(city, rng, buyers, &l, order_no, d, price);
    }
    KIT.show(
        city,
        rng,
        &l,
        &Obs {
            day: last,
            shown: 21_900,
            reference: Some(29_900),
            kind: Some("unspecified"),
            promo: "discount",
            label: Some("原價299 限時直降"),
            ..KIT.obs()
        },
    );
    KIT.t_listing(
        city,
        RULE,
        &l,
        P,
        "繁体“原價299”高于前七日内最低成交价259元（第十六条：未标明详情的被比较价格不得高于前七日内最低成交价）",
    );

    // +: every sale of the week at 99 but one flash-sale order at 79 on the fifth day before.
    let l = item(city, "纯棉长袖T恤 三件装", 9_900);
    for d in last - 6..last {
        KIT.sell(city, rng, buyers, &l, order_no, d, 9_900);
        KIT.sell(city, rng, buyers, &l, order_no, d, 9_900);
    }
    KIT.sell(city, rng, buyers, &l, order_no, last - 5, 7_900);
    KIT.show(
        city,
        rng,
        &l,
        &Obs {
            day: last,
            shown: 8_900,
            reference: Some(9_900),
            kind: Some("previous_price"),
            promo: "discount",
            label: Some("原价99 今日89"),
            ..KIT.obs()
        },
    );
    KIT.t_listing(
        city,
        RULE,
        &l,
        P,
        "前七日内有一笔79元的成交，最低成交价是79元而非多数成交的99元，“原价99”高于最低价（第十六条）",
    );

    // +: a live-room "原价399" while the week's live sales were at 199–229.
    let mut host = KIT.shop(city, rng, LIVE, "ref-live", "潮男直播间");
    let l = KIT.listing(
        city,
        &mut host,
        &Item {
            title: "羊绒混纺围巾 礼盒装",
            category: "服饰/配饰/围巾",
            price: 39_900,
            ..Item::default()
        },
    );
    for d in last - 6..last {
        let price = if d % 3 == 0 { 22_900 } else { 19_900 };
        KIT.sell(city, rng, buyers, &l, order_no, d, price);
    }
    KIT.show(
        city,
        rng,
        &l,
        &Obs {
            day: last,
            second: 73_000,
            page: "live",
            shown: 19_900,
            reference: Some(39_900),
            kind: Some("previous_price"),
            promo: "discount",
            label: Some("原价399 直播间到手199"),
            ..KIT.obs()
        },
    );
    KIT.t_listing(
        city,
        RULE,
        &l,
        P,
        "直播间标“原价399”，前七日直播成交价为199–229元，被比较价格远高于最低成交价（第十六条）",
    );

    // +: no sale for twelve days; the crossed-out 89 is above the last sale before, at 59.
    let l = item(city, "针织毛线帽 加绒", 8_900);
    for d in [last - 30, last - 20, last - 12] {
        KIT.sell(city, rng, buyers, &l, order_no, d, 5_900);
    }
    KIT.show(
        city,
        rng,
        &l,
        &Obs {
            day: last,
            page: "search",
            shown: 4_900,
            reference: Some(8_900),
            kind: Some("unspecified"),
            promo: "discount",
            ..KIT.obs()
        },
    );
    KIT.t_listing(
        city,
        RULE,
        &l,
        P,
        "前七日内无成交，划线价89元高于此前最后一次成交价59元（第十六条第二句）",
    );

    // +: orders at the "original" 159 were all cancelled; every real transaction was at 119.
    let l = item(city, "商务休闲西裤 免烫", 15_900);
    for d in last - 6..last {
        KIT.sell(city, rng, buyers, &l, order_no, d, 11_900);
    }
    for d in [last - 5, last - 3] {
        let buyer = rng.pick(buyers).clone();
        let row = KIT.sale(rng, &l, order_no, d, 50_000, 15_900, 1, &buyer, "cancelled");
        city.add(MALL, "orders", row);
    }
    KIT.show(
        city,
        rng,
        &l,
        &Obs {
            day: last,
            shown: 10_900,
            reference: Some(15_900),
            kind: Some("previous_price"),
            promo: "discount",
            ..KIT.obs()
        },
    );
    KIT.t_listing(
        city,
        RULE,
        &l,
        P,
        "以159元下的订单均已取消、未成交，前七日实际成交价均为119元，“原价159”不真实（第十六条）",
    );

    // −: the manufacturer's suggested retail price, named as such.
    let l = item(city, "品牌运动鞋 缓震跑鞋", 39_900);
    for d in last - 6..last {
        let price = if d % 2 == 0 { 28_900 } else { 29_900 };
        KIT.sell(city, rng, buyers, &l, order_no, d, price);
    }
    KIT.show(
        city,
        rng,
        &l,
        &Obs {
            day: last,
            shown: 28_900,
            reference: Some(39_900),
            kind: Some("rrp"),
            promo: "discount",
            label: Some("厂商建议零售价399"),
            ..KIT.obs()
        },
    );
    KIT.t_listing(
        city,
        RULE,
        &l,
        N,
        "被比较价格标明为“厂商建议零售价”（第十六条第三款允许），不适用前七日最低成交价规则",
    );

    // −: the compared price equals the week's only transaction price.
    let l = item(city, "摇粒绒家居外套", 11_900);
    for d in last - 3..last {
        KIT.sell(city, rng, buyers, &l, order_no, d, 11_900);
    }
    KIT.show(
        city,
        rng,
        &l,
        &Obs {
            day: last,
            shown: 9_900,
            reference: Some(11_900),
            kind: Some("previous_price"),
            promo: "discount",
            ..KIT.obs()
        },
    );
    KIT.t_listing(
        city,
        RULE,
        &l,
        N,
        "原价119元等于前七日内最低成交价119元：不高于即合法（第十六条）",
    );

    // −: the compared price is below every sale of the week.
    let l = item(city, "棉麻衬衫 宽松款", 8_500);
    for d in last - 6..last {
        KIT.sell(city, rng, buyers, &l, order_no, d, 8_500);
    }
    KIT.show(
        city,
        rng,
        &l,
        &Obs {
            day: last,
            shown: 6_900,
            reference: Some(7_900),
            kind: Some("unspecified"),
            promo: "discount",
            ..KIT.obs()
        },
    );
    KIT.t_listing(
        city,
        RULE,
        &l,
        N,
        "划线价79元低于前七日成交价85元：被比较价格不高于最低成交价（第十六条）",
    );

    // −: the compared price is a disclosed earlier event price, with its dates, and true.
    let l = item(city, "连帽卫衣 加厚", 19_900);
    for d in -14..-7 {
        KIT.sell(city, rng, buyers, &l, order_no, d, 19_900);
    }
    for d in last - 6..last {
        KIT.sell(city, rng, buyers, &l, order_no, d, 17_900);
    }
    KIT.show(
        city,
        rng,
        &l,
        &Obs {
            day: last,
            shown: 15_900,
            reference: Some(19_900),
            kind: Some("other_disclosed"),
            promo: "discount",
            label: Some("较10月1日至7日国庆活动成交价199元再降40元"),
            ..KIT.obs()
        },
    );
    KIT.t_listing(
        city,
        RULE,
        &l,
        N,
        "标明了被比较价格的详细信息（国庆活动期间的真实成交价199元），不适用未标明详情时的七日最低价规则（第十六条）",
    );

    // −: a cancelled order at 59 is not a transaction; every sale of the week was at 99.
    let l = item(city, "灯芯绒休闲裤", 9_900);
    for d in last - 6..last {
        KIT.sell(city, rng, buyers, &l, order_no, d, 9_900);
    }
    let buyer = rng.pick(buyers).clone();
    let row = KIT.sale(
        rng,
        &l,
        order_no,
        last - 4,
        30_000,
        5_900,
        1,
        &buyer,
        "cancelled",
    );
    city.add(MALL, "orders", row);
    KIT.show(
        city,
        rng,
        &l,
        &Obs {
            day: last,
            shown: 8_900,
            reference: Some(9_900),
            kind: Some("previous_price"),
            promo: "discount",
            ..KIT.obs()
        },
    );
    KIT.t_listing(
        city,
        RULE,
        &l,
        N,
        "一笔59元的订单已取消、不是成交，前七日实际成交均为99元，原价99元真实（第十六条）",
    );
}

// ---------------------------------------------------------------------------------------------
// 价格欺诈: 先提价后打折 (第十七条, 第十九条第三项).

fn raise_then_discount(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    const RULE: &str = "price_fraud.raise_then_discount";
    let last = days - 1;
    let mut s = KIT.shop(city, rng, MALL, "raise", "居家好物");
    let mut item = |city: &mut City, title: &'static str, price: i64| {
        KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                price,
                ..Item::default()
            },
        )
    };
    // A steady price shown and sold every other day over `from..to`.
    let steady = |city: &mut City,
                  rng: &mut Rng,
                  l: &Listing,
                  order_no: &mut u64,
                  from: i64,
                  to: i64,
                  price: i64| {
        for d in (from..to).step_by(2) {
            KIT.plain(city, rng, l, d, price);
            KIT.sell(city, rng, buyers, l, order_no, d, price);
        }
    };

    // +: 129 for three weeks, 169 for the three days before 双十一, then "8折" 135.2.
    let l = item(city, "电热毯 双人 智能控温", 12_900);
    steady(city, rng, &l, order_no, 0, 24, 12_900);
    for d in 24..27 {
        KIT.plain(city, rng, &l, d, 16_900);
    }
    for d in [27, 28] {
        KIT.show(
            city,
            rng,
            &l,
            &Obs {
                day: d,
                shown: 13_520,
                reference: Some(16_900),
                kind: Some("other_disclosed"),
                promo: "discount",
                label: Some("双11狂欢 全场8折"),
                ..KIT.obs()
            },
        );
    }
    KIT.t_listing(
        city,
        RULE,
        &l,
        P,
        "三周以129元销售，双十一前三天提至169元且无成交，再打“8折”为135.2元，实付高于提价前（第十七条）",
    );

    // +: a creeping raise 49 → 55 → 62 over ten days, then "直降10元" to 52.
    let l = item(city, "硅藻泥浴室地垫", 4_900);
    steady(city, rng, &l, order_no, 0, last - 12, 4_900);
    for d in last - 12..last - 2 {
        KIT.plain(city, rng, &l, d, if d < last - 7 { 5_500 } else { 6_200 });
    }
    for d in last - 2..=last {
        KIT.show(
            city,
            rng,
            &l,
            &Obs {
                day: d,
                shown: 5_200,
                reference: Some(6_200),
                kind: Some("previous_price"),
                promo: "discount",
                label: Some("直降10元"),
                ..KIT.obs()
            },
        );
    }
    KIT.t_listing(
        city,
        RULE,
        &l,
        P,
        "十天内分两步由49元提到62元、其间无成交，再以62元为基准“直降10元”至52元，仍高于提价前（第十七条）",
    );
    KIT.t_listing(
        city,
        "price_fraud.reference_price",
        &l,
        P,
        "同一展示也违反第十六条：前七日无成交，“原价62”高于此前最后一次成交价49元",
    );

    // +: 88 for weeks, 118 for one day, then "限时5折" 59: the real cut is a third, not half.
    let l = item(city, "香薰加湿器 大容量", 8_800);
    steady(city, rng, &l, order_no, 0, last - 1, 8_800);
    KIT.plain(city, rng, &l, last - 1, 11_800);
    KIT.show(
        city,
        rng,
        &l,
        &Obs {
            day: last,
            shown: 5_900,
            reference: Some(11_800),
            kind: Some("previous_price"),
            promo: "flash_sale",
            label: Some("限时5折"),
            ..KIT.obs()
        },
    );
    KIT.t_listing(
        city,
        RULE,
        &l,
        P,
        "常态价88元，前一天临时提到118元再标“5折”59元，宣称的折扣虚高（第十七条、第十九条第三项：虚假折扣）",
    );
    KIT.t_listing(
        city,
        "price_fraud.reference_price",
        &l,
        P,
        "同一展示也违反第十六条：“原价118”高于前七日内最低成交价88元",
    );

    // −: the price rose from 69 to 79 early on and sold at 79 for a month; a 9折 from 79 is real.
    let l = item(city, "竹纤维毛巾 6条装", 7_900);
    steady(city, rng, &l, order_no, 0, 5, 6_900);
    steady(city, rng, &l, order_no, 5, last - 1, 7_900);
    for d in [last - 1, last] {
        KIT.show(
            city,
            rng,
            &l,
            &Obs {
                day: d,
                shown: 7_110,
                reference: Some(7_900),
                kind: Some("previous_price"),
                promo: "discount",
                label: Some("店庆9折"),
                ..KIT.obs()
            },
        );
    }
    KIT.t_listing(
        city,
        RULE,
        &l,
        N,
        "一个月前调价至79元并持续以79元成交，以实际执行价为基准的折扣真实（不属第十七条的临时提价）",
    );

    // −: no raise at all: 199 shown and sold throughout, then 159.
    let l = item(city, "乳胶床垫 5cm", 19_900);
    steady(city, rng, &l, order_no, 0, last, 19_900);
    KIT.show(
        city,
        rng,
        &l,
        &Obs {
            day: last,
            shown: 15_900,
            reference: Some(19_900),
            kind: Some("previous_price"),
            promo: "discount",
            label: Some("年终特惠"),
            ..KIT.obs()
        },
    );
    KIT.t_listing(
        city,
        RULE,
        &l,
        N,
        "价格一直为199元并有成交，促销前未提价（第十七条不适用）",
    );

    // −: a week of clearance at 79, back to the usual 99 (sold) for ten days, then 89.
    let l = item(city, "收纳凳 可坐储物", 9_900);
    steady(city, rng, &l, order_no, 0, 10, 9_900);
    steady(city, rng, &l, order_no, 10, 17, 7_900);
    steady(city, rng, &l, order_no, 17, last, 9_900);
    KIT.show(
        city,
        rng,
        &l,
        &Obs {
            day: last,
            shown: 8_900,
            reference: Some(9_900),
            kind: Some("previous_price"),
            promo: "discount",
            ..KIT.obs()
        },
    );
    KIT.t_listing(
        city,
        RULE,
        &l,
        N,
        "79元是一周的清仓价，之后恢复一贯的99元并持续成交十余天：回到常态价不是为打折而提价",
    );
}

// ---------------------------------------------------------------------------------------------
// 价格欺诈: 低价招徕、高价结算 (第十九条第二项、第六项, 第二十条第一项).

fn bait_price(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "price_fraud.bait_price";
    let last = days - 1;
    let mut s = KIT.shop(city, rng, MALL, "bait", "优品数码");
    // (page, second, shown, payable, promo, label, viewer index, segment, source)
    type View = (
        &'static str,
        i64,
        i64,
        i64,
        &'static str,
        Option<&'static str>,
        usize,
        &'static str,
        &'static str,
    );
    // (title, price, day, platform, views, label, why)
    type Case = (
        &'static str,
        i64,
        i64,
        &'static str,
        Vec<View>,
        Label,
        &'static str,
    );
    let cases: [Case; 7] = [
        (
            "手机壳 磁吸款",
            1_990,
            last - 4,
            MALL,
            vec![
                (
                    "home",
                    30_000,
                    990,
                    990,
                    "flash_sale",
                    Some("9.9包邮"),
                    0,
                    "returning",
                    "platform_log",
                ),
                (
                    "detail",
                    30_120,
                    1_990,
                    1_990,
                    "none",
                    None,
                    0,
                    "returning",
                    "platform_log",
                ),
                (
                    "checkout",
                    30_200,
                    1_990,
                    1_990,
                    "none",
                    None,
                    0,
                    "returning",
                    "platform_log",
                ),
            ],
            P,
            "首页“9.9包邮”，同一浏览者两分钟后详情页与结算页均为19.9元（第二十条第一项）",
        ),
        (
            "数据线 快充三合一",
            2_990,
            last - 6,
            MALL,
            vec![
                (
                    "search",
                    50_000,
                    2_990,
                    2_990,
                    "none",
                    Some("到手价29.9"),
                    0,
                    "returning",
                    "platform_log",
                ),
                (
                    "checkout",
                    50_240,
                    2_990,
                    3_590,
                    "none",
                    None,
                    0,
                    "returning",
                    "platform_log",
                ),
            ],
            P,
            "搜索页标“到手价29.9”，同一浏览者结算时应付35.9元（另加未提示的费用）：低价招徕、高价结算，且不利条件未显示（第十九条第二、六项）",
        ),
        (
            "无线耳机 直播专享",
            12_900,
            last - 3,
            LIVE,
            vec![
                (
                    "live",
                    72_000,
                    9_900,
                    9_900,
                    "discount",
                    Some("直播间专享99"),
                    0,
                    "returning",
                    "platform_log",
                ),
                (
                    "checkout",
                    72_480,
                    12_900,
                    12_900,
                    "none",
                    None,
                    0,
                    "returning",
                    "platform_log",
                ),
            ],
            P,
            "直播间展示99元，同一观众八分钟后下单结算为129元（第十九条第二项）",
        ),
        (
            "移动硬盘 1TB",
            6_900,
            last - 8,
            MALL,
            vec![
                (
                    "home",
                    40_000,
                    4_900,
                    4_900,
                    "flash_sale",
                    Some("限时秒杀"),
                    0,
                    "unknown",
                    "regulator_probe",
                ),
                (
                    "detail",
                    40_090,
                    6_900,
                    6_900,
                    "none",
                    None,
                    0,
                    "unknown",
                    "regulator_probe",
                ),
                (
                    "checkout",
                    40_150,
                    6_900,
                    6_900,
                    "none",
                    None,
                    0,
                    "unknown",
                    "regulator_probe",
                ),
            ],
            P,
            "监管测试账号（神秘买家）在首页见49元，一分半钟后详情与结算为69元（第二十条第一项）",
        ),
        (
            "充电宝 10000mAh 新人专享",
            2_990,
            last - 5,
            MALL,
            vec![
                (
                    "home",
                    36_000,
                    1_990,
                    1_990,
                    "new_user",
                    Some("新人价19.9"),
                    0,
                    "new",
                    "platform_log",
                ),
                (
                    "detail",
                    36_060,
                    1_990,
                    1_990,
                    "new_user",
                    Some("新人价19.9"),
                    0,
                    "new",
                    "platform_log",
                ),
                (
                    "checkout",
                    36_100,
                    1_990,
                    1_990,
                    "new_user",
                    Some("新人价19.9"),
                    0,
                    "new",
                    "platform_log",
                ),
                (
                    "detail",
                    36_300,
                    2_990,
                    2_990,
                    "none",
                    None,
                    1,
                    "returning",
                    "platform_log",
                ),
            ],
            N,
            "新用户在首页、详情、结算均为新人价19.9元；29.9元是另一位老用户看到的价格：同一浏览者价格一致，新人价条件已标明",
        ),
        (
            "蓝牙音箱 户外防水",
            7_900,
            last - 7,
            MALL,
            vec![
                (
                    "search",
                    86_280,
                    5_900,
                    5_900,
                    "flash_sale",
                    Some("限时秒杀 今日24点止"),
                    0,
                    "returning",
                    "platform_log",
                ),
                (
                    "detail",
                    86_400 + 180,
                    7_900,
                    7_900,
                    "none",
                    None,
                    0,
                    "returning",
                    "platform_log",
                ),
            ],
            N,
            "23:58搜索页为“今日24点止”的秒杀价59元，次日00:03详情页恢复79元：活动按标示时间结束，不是低价招徕",
        ),
        (
            "智能手表 运动款",
            69_900,
            last - 2,
            MALL,
            vec![
                (
                    "home",
                    45_000,
                    59_900,
                    59_900,
                    "member",
                    Some("会员价599"),
                    0,
                    "member",
                    "platform_log",
                ),
                (
                    "detail",
                    45_060,
                    59_900,
                    59_900,
                    "member",
                    Some("会员价599"),
                    0,
                    "member",
                    "platform_log",
                ),
                (
                    "detail",
                    45_100,
                    69_900,
                    69_900,
                    "none",
                    None,
                    1,
                    "returning",
                    "platform_log",
                ),
            ],
            N,
            "会员在首页和详情页均见会员价599元；699元是非会员看到的价格：会员条件明示，同一浏览者无价差",
        ),
    ];
    let mut live = KIT.shop(city, rng, LIVE, "bait-live", "数码好价直播");
    for (title, price, day, platform, views, label, text) in cases {
        let target = if platform == LIVE { &mut live } else { &mut s };
        let l = KIT.listing(
            city,
            target,
            &Item {
                title,
                category: "数码/配件",
                price,
                ..Item::default()
            },
        );
        let viewers = [rng.hex64(), rng.hex64()];
        for (page, second, shown, payable, promo, label_text, v, segment, source) in views {
            KIT.show(
                city,
                rng,
                &l,
                &Obs {
                    day: day + second / 86_400,
                    second: second % 86_400,
                    page,
                    shown,
                    promo,
                    label: label_text,
                    payable: Some(payable),
                    viewer: Some(&viewers[v]),
                    segment,
                    orders_90d: Some(if segment == "new" { 0 } else { 5 }),
                    device: if source == "regulator_probe" {
                        "pc_web"
                    } else {
                        "ios"
                    },
                    source,
                    ..KIT.obs()
                },
            );
        }
        KIT.t_listing(city, RULE, &l, label, text);
    }
}

// ---------------------------------------------------------------------------------------------
// 价格欺诈: 虚假的限时 (第十九条第四项).

fn fake_time_limit(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    const RULE: &str = "price_fraud.fake_time_limit";
    let last = days - 1;
    let mut s = KIT.shop(city, rng, MALL, "timer", "悦然家居");
    // (title, price, [(from, to inclusive, shown, promo, label)], label, why)
    type Phase = (i64, i64, i64, &'static str, Option<&'static str>);
    let cases: [(&str, i64, Vec<Phase>, Label, &str); 6] = [
        (
            "北欧落地灯 客厅",
            6_900,
            vec![
                (last - 16, last - 11, 6_900, "none", None),
                (
                    last - 10,
                    last,
                    4_900,
                    "flash_sale",
                    Some("限時搶購 僅剩最後1天"),
                ),
            ],
            P,
            "繁体“僅剩最後1天”连续十一天每天出现、价格不变：虚假的限时（第十九条第四项）",
        ),
        (
            "实木床头柜",
            15_800,
            vec![
                (last - 18, last - 13, 15_800, "none", None),
                (
                    last - 12,
                    last,
                    12_800,
                    "discount",
                    Some("限时特价，活动仅限今天！"),
                ),
            ],
            P,
            "“活动仅限今天！”（全角标点）连续十三天以同一价格出现（第十九条第四项）",
        ),
        (
            "全自动咖啡机",
            25_900,
            vec![
                (20, 23, 25_900, "none", None),
                (
                    24,
                    27,
                    19_900,
                    "discount",
                    Some("双11特惠 截止11月11日24点"),
                ),
                (28, 34, 19_900, "none", None),
            ],
            P,
            "标明“截止11月11日24点”，11月12日起一周仍以同一特惠价销售，截止时间不真实（第十九条第四项）",
        ),
        (
            "法式桌布 防水",
            11_900,
            vec![
                (10, 16, 11_900, "none", None),
                (17, 27, 8_900, "discount", Some("限时特惠 11月1日-11月11日")),
                (28, 34, 11_900, "none", None),
            ],
            N,
            "标明11月1日至11日的特惠，期满次日恢复119元：限时真实",
        ),
        (
            "陶瓷马克杯 对杯",
            7_900,
            (0..last)
                .map(|d| {
                    if d % 7 == 6 {
                        (d, d, 6_900, "member", Some("每周三会员日 仅限今日"))
                    } else {
                        (d, d, 7_900, "none", None)
                    }
                })
                .collect(),
            N,
            "每周三会员日当天特价，次日即恢复原价，每次“仅限今日”都真实结束",
        ),
        (
            "记忆棉枕头 护颈",
            12_900,
            vec![(
                last - 14,
                last,
                9_900,
                "discount",
                Some("限量500件 售完即止"),
            )],
            N,
            "“限量500件 售完即止”是数量限制而非时间限制，未宣称截止时间",
        ),
    ];
    for (title, price, phases, label, text) in cases {
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                price,
                ..Item::default()
            },
        );
        for (from, to, shown, promo, label_text) in phases {
            for d in from..=to {
                KIT.show(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: d,
                        shown,
                        promo,
                        label: label_text,
                        ..KIT.obs()
                    },
                );
                if d % 3 == 0 {
                    KIT.sell(city, rng, buyers, &l, order_no, d, shown);
                }
            }
        }
        KIT.t_listing(city, RULE, &l, label, text);
    }
    // +: a live countdown "10 minutes to the original price" every night for six nights, at the
    //    same price, and the detail page at that price after each session.
    let mut host = KIT.shop(city, rng, LIVE, "timer-live", "家居好物直播");
    let l = KIT.listing(
        city,
        &mut host,
        &Item {
            title: "四件套 磨毛 直播款",
            category: "家居/床上用品",
            price: 15_900,
            ..Item::default()
        },
    );
    for d in last - 5..=last {
        KIT.show(
            city,
            rng,
            &l,
            &Obs {
                day: d,
                second: 75_600,
                page: "live",
                shown: 9_900,
                promo: "flash_sale",
                label: Some("倒计时10分钟 马上恢复原价159"),
                ..KIT.obs()
            },
        );
        KIT.plain(city, rng, &l, d, 9_900);
        KIT.show(
            city,
            rng,
            &l,
            &Obs {
                day: d,
                second: 81_000,
                shown: 9_900,
                ..KIT.obs()
            },
        );
    }
    KIT.t_listing(
        city,
        RULE,
        &l,
        P,
        "直播间连续六晚称“倒计时10分钟 马上恢复原价”，每场结束后详情页仍为99元（第十九条第四项）",
    );
}

// ---------------------------------------------------------------------------------------------
// 大数据杀熟 (浙江省电子商务条例 第十四条; 平台经济反垄断指南 第十七条; 个人信息保护法 第二十四条).

/// How a listing prices its viewers.
#[derive(Clone, Copy)]
enum Pricing {
    /// Frequent buyers are shown a higher price.
    ShownSurcharge,
    /// Frequent buyers pay a delivery fee the others do not.
    HiddenFee,
    /// Two matched probe accounts; the frequent one pays more.
    ProbePairs,
    /// A disclosed new-user price; everyone else pays the same.
    NewUser,
    /// Delivery to a far district costs more, whatever the history.
    Distance,
    /// A random cut under one rule.
    RandomDraw,
    /// A peak-hour fee for everyone; frequent buyers order more often at peak.
    PeakHour,
}

fn discrimination(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "price_discrimination.loyalty_surcharge";
    let last = days - 1;
    let mut mall = KIT.shop(city, rng, MALL, "kill", "悦购母婴");
    let mut local = KIT.shop(city, rng, LOCAL, "kill-local", "鲜蔬到家");
    let cases: [(Pricing, &str, i64, Label, &str); 7] = [
        (
            Pricing::ShownSurcharge,
            "婴儿纸尿裤 L码 4包",
            9_700,
            P,
            "同一时段、同一区县、同为iOS设备，近90天下单多的老客被展示并支付109元，少单客户97元（高约12%）；交易历史不构成不同的交易条件（浙江省电子商务条例第十四条）",
        ),
        (
            Pricing::HiddenFee,
            "有机蔬菜 家庭套餐",
            3_800,
            P,
            "标价相同、同一配送区县，下单多的老客结算时多收3元“配送费”，少单客户免收（第十四条：同等交易条件下差别收费）",
        ),
        (
            Pricing::ProbePairs,
            "进口奶粉 3段 800g",
            23_900,
            P,
            "两个监管测试账号同一时刻、同设备同地区，仅90天下单数不同（60与2），十二天内每次高频账号都多付8元",
        ),
        (
            Pricing::NewUser,
            "婴儿湿巾 80抽×10包",
            5_900,
            N,
            "只有首单新用户享新人价（新用户合理期限内的优惠，第十四条除外情形），老客之间无论下单多少都付同价",
        ),
        (
            Pricing::Distance,
            "净菜 半成品套餐",
            4_500,
            N,
            "远郊区县多收5元配送费，与下单历史无关：交易成本不同，不是同等交易条件",
        ),
        (
            Pricing::RandomDraw,
            "儿童保温杯",
            8_900,
            N,
            "随机立减按同一公平规则发放，与下单历史无关（第十四条除外情形：随机性交易）",
        ),
        (
            Pricing::PeakHour,
            "时令水果 拼盘",
            3_500,
            N,
            "晚高峰所有用户同加3元高峰配送费，同一时段内老客与新客价格相同；老客只是更常在高峰下单",
        ),
    ];
    let probes = [rng.hex64(), rng.hex64()];
    for (pricing, title, price, label, text) in cases {
        let on_local = matches!(
            pricing,
            Pricing::HiddenFee | Pricing::Distance | Pricing::PeakHour
        );
        let target = if on_local { &mut local } else { &mut mall };
        let l = KIT.listing(
            city,
            target,
            &Item {
                title,
                category: if on_local {
                    "生鲜/蔬菜"
                } else {
                    "母婴/用品"
                },
                class: if on_local { "fresh" } else { "general" },
                price,
                returns: !on_local,
                ..Item::default()
            },
        );
        let n: i64 = if matches!(pricing, Pricing::ProbePairs) {
            24
        } else {
            320
        };
        for k in 0..n {
            let heavy = k % 2 == 0;
            let mut orders = if heavy { 20 + (k % 9) * 2 } else { 1 + k % 3 };
            let mut o = Obs {
                day: last - 11 + k * 12 / n,
                second: 66_000 + (k % 40) * 30,
                page: "checkout",
                shown: price,
                payable: Some(price),
                segment: "returning",
                device: "android",
                adcode: "330106",
                ..KIT.obs()
            };
            let mut viewer = None;
            match pricing {
                Pricing::ShownSurcharge => {
                    let p = if heavy { price * 112 / 100 } else { price };
                    o.shown = p;
                    o.payable = Some(p);
                    o.device = "ios";
                }
                Pricing::HiddenFee => {
                    if heavy {
                        o.payable = Some(price + 300);
                    }
                }
                Pricing::ProbePairs => {
                    o.day = last - 11 + k / 2;
                    o.second = 43_200;
                    o.source = "regulator_probe";
                    o.device = "mini_program";
                    orders = if heavy { 60 } else { 2 };
                    if heavy {
                        o.payable = Some(price + 800);
                        o.shown = price + 800;
                    }
                    viewer = Some(probes[usize::from(!heavy)].clone());
                }
                Pricing::NewUser => {
                    if k % 3 == 0 {
                        orders = 0;
                        o.segment = "new";
                        o.promo = "new_user";
                        o.label = Some("新人首单价");
                        o.payable = Some(price - 2_000);
                        o.shown = price - 2_000;
                    }
                }
                Pricing::Distance => {
                    let far = (k / 2) % 2 == 0;
                    if far {
                        o.adcode = "330110";
                        o.payable = Some(price + 500);
                    }
                }
                Pricing::RandomDraw => {
                    // The draw depends on the pair, not on who is in it: a frequent and an occasional
                    // buyer side by side get the same cut.
                    let cut = [0, 200, 500, 1_000][((k / 2) % 4) as usize];
                    o.promo = "random_draw";
                    o.label = Some("随机立减 最高10元");
                    o.payable = Some(price - cut);
                }
                Pricing::PeakHour => {
                    // Frequent buyers: 8 in 10 at peak; the others: 2 in 10.
                    let peak = if heavy { k % 10 < 7 } else { k % 10 < 3 };
                    o.second = if peak {
                        64_800 + (k % 50) * 40
                    } else {
                        50_400 + (k % 50) * 40
                    };
                    if peak {
                        o.label = Some("晚高峰配送费+3元");
                        o.payable = Some(price + 300);
                    }
                }
            }
            o.orders_90d = Some(orders);
            let v = viewer.unwrap_or_else(|| rng.hex64());
            o.viewer = Some(&v);
            KIT.show(city, rng, &l, &o);
        }
        KIT.t_listing(city, RULE, &l, label, text);
    }
}

// ---------------------------------------------------------------------------------------------
// 低于成本销售 (价格法 第十四条第（二）项，及其鲜活、季节性、积压商品的法定除外).

fn below_cost(city: &mut City, rng: &mut Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    const RULE: &str = "below_cost.sustained";
    let last = days - 1;
    let mut s = KIT.shop(city, rng, MALL, "cost", "优选电器城");
    // (title, class, category, costs [(from, to, cost, basis)], list price, [(from, to, price)],
    //  label, why)
    type Case<'a> = (
        &'a str,
        &'a str,
        &'a str,
        Vec<(i64, Option<i64>, i64, &'a str)>,
        i64,
        Vec<(i64, i64, i64)>,
        Label,
        &'a str,
    );
    let cases: Vec<Case<'_>> = vec![
        (
            "移动电源 20000mAh",
            "general",
            "数码/移动电源",
            vec![(-200, None, 9_000, "audited")],
            9_900,
            vec![(last - 27, last, 7_650)],
            P,
            "连续28天以76.5元销售，经核实单位成本90元（低15%），非鲜活、季节性或积压商品（价格法第十四条第（二）项）",
        ),
        (
            "蓝牙音箱 便携",
            "general",
            "数码/音箱",
            vec![(-150, None, 10_000, "declared")],
            12_900,
            vec![(last - 20, last, 9_500)],
            P,
            "连续21天以95元销售，低于申报成本100元",
        ),
        (
            "电动剃须刀 三刀头",
            "general",
            "家电/个人护理",
            vec![(-180, None, 13_000, "audited")],
            15_900,
            vec![(last - 19, last, 11_900)],
            P,
            "标价159元高于成本，但20天内每笔实际成交价（券后）均为119元，低于核实成本130元：以成交价计仍持续低于成本",
        ),
        (
            "电热水袋 充电款",
            "general",
            "家电/取暖",
            vec![
                (-300, Some(last - 22), 5_000, "audited"),
                (last - 21, None, 7_000, "audited"),
            ],
            8_900,
            vec![(last - 20, last, 6_000)],
            P,
            "成本自21天前起上涨为70元，售价仍为60元，此后20天持续低于现行成本",
        ),
        (
            "电炖锅 陶瓷内胆",
            "general",
            "家电/厨房电器",
            vec![(-200, None, 10_000, "audited")],
            12_900,
            vec![(last - 19, last, 10_000)],
            N,
            "连续20天售价100元，恰等于核实成本100元：不低于成本",
        ),
        (
            "鲜牛奶 临近保质期 950ml",
            "fresh",
            "生鲜/乳品",
            vec![(-60, None, 1_200, "audited")],
            1_590,
            vec![(last - 3, last - 1, 600)],
            N,
            "临近保质期的鲜奶降价处理三天，属价格法第十四条第（二）项明文除外的鲜活商品",
        ),
        (
            "月饼礼盒 节后清仓",
            "food",
            "食品/糕点",
            vec![(-90, None, 9_000, "audited")],
            19_800,
            vec![(5, 15, 3_900)],
            N,
            "中秋节后降价处理月饼，属季节性商品的依法降价处理（价格法第十四条第（二）项除外情形）",
        ),
        (
            "电火锅 多功能",
            "general",
            "家电/厨房电器",
            vec![(-200, None, 9_000, "declared")],
            11_000,
            vec![
                (last - 24, last - 6, 11_000),
                (last - 5, last - 4, 8_000),
                (last - 3, last, 11_000),
            ],
            N,
            "仅两天的促销低于成本，其余时间以110元高于成本销售：不是持续的低价倾销",
        ),
        (
            "冰丝凉席 1.8m 换季清仓",
            "general",
            "家居/凉席",
            vec![(-240, None, 6_000, "audited")],
            12_900,
            vec![(last - 14, last, 3_500)],
            N,
            "入冬后清仓夏季凉席，属季节性商品的依法降价处理（价格法第十四条第（二）项除外）",
        ),
    ];
    for (title, class, category, costs, list_price, periods, label, text) in cases {
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                class,
                category,
                price: list_price,
                returns: class == "general",
                ..Item::default()
            },
        );
        for (from, to, cost, basis) in costs {
            city.add(MALL, "costs", json!({
                "platform_id": MALL, "listing_id": l.id, "valid_from": date(from), "valid_to": to.map(date),
                "unit_cost_fen": cost, "basis": basis,
            }));
        }
        for (from, to, price) in periods {
            for d in from..=to {
                for _ in 0..2 {
                    KIT.sell(city, rng, buyers, &l, order_no, d, price);
                }
            }
        }
        KIT.t_listing(city, RULE, &l, label, text);
    }
}

// ---------------------------------------------------------------------------------------------
// 平台强制低于成本销售 (反不正当竞争法（2025） 第十四条) on three new platforms; their campaign
// terms are also unfair-terms cases (电子商务法 第三十五条).

const JUMAI: &str = "h3-jumai";
const SHANGGOU: &str = "h3-shanggou";
const HUITAO: &str = "h3-huitao";
const DUJIA: &str = "h3-dujia";
const QINGHE: &str = "h3-qinghe";
const RIVAL: &str = "h3-lianxuan";

fn platform_row(city: &mut City, rng: &mut Rng, platform: &str, name: &str, adcode: &str) {
    let operator = code(rng, "91", adcode, true);
    city.add(platform, "platforms", json!({
        "platform_id": platform, "name": name, "operator_uscc": operator, "categories": ["sales"],
        "annual_active_users": rng.range(3_000_000, 60_000_000), "market_value_cny": null, "domicile_adcode": adcode,
    }));
    let address = format!("杭州市余杭区文一西路{}号", rng.range(1_000, 1_100));
    registry(
        city,
        rng,
        &operator,
        &format!("杭州{name}网络科技有限公司"),
        "company",
        &address,
        "330110",
        "active",
        -3_000,
        None,
    );
}

fn forced_below_cost(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    const RULE: &str = "below_cost.platform_forced";
    const TERMS: &str = "unfair_terms.restrictive_clause";
    let last = days - 1;
    let start = last - 7;
    // (platform, name, terms, participants below cost in the campaign, campaign price, label,
    //  why, terms label, terms why)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        usize,
        i64,
        Label,
        &'static str,
        Label,
        &'static str,
    );
    let cases: [Case; 3] = [
        (
            JUMAI,
            "聚买",
            "参加“全网最低价”活动的商品须按平台核定价销售，商家不得高于平台核定价；未按核定价销售的，平台将下架商品并扣除保证金。",
            5,
            8_000,
            P,
            "平台以下架、扣保证金强制按其核定价销售，活动期间6家参与商家中5家开始低于成本销售，活动前均高于成本（反不正当竞争法（2025）第十四条）",
            P,
            "以下架商品、扣除保证金强制商家按平台核定价销售，对交易价格作不合理限制（电子商务法第三十五条）",
        ),
        (
            SHANGGOU,
            "尚购",
            "活动期间，平台比价系统将自动调整报名商品售价，商家不得拒绝；拒绝调价的，取消该店铺全部流量扶持。",
            4,
            8_200,
            P,
            "平台以取消流量扶持变相强制接受自动调价，6家中4家随之低于成本销售（反不正当竞争法（2025）第十四条：变相强制）",
            P,
            "以取消全部流量扶持迫使商家接受平台自动调价，属对交易价格的不合理限制（电子商务法第三十五条）",
        ),
        (
            HUITAO,
            "惠淘",
            "报名自愿，活动价由商家自主申报，平台不设价格要求；活动补贴由平台承担，商家可随时退出。",
            0,
            9_500,
            N,
            "活动价由商家自主申报，参与商家活动期间售价96元仍高于成本90元：没有强制，也没有低于成本",
            N,
            "自愿报名、自主定价、可随时退出，没有限制或惩罚条款",
        ),
    ];
    for (platform, name, terms, below, campaign_price, label, text, terms_label, terms_text) in
        cases
    {
        platform_row(city, rng, platform, &format!("{name}电商平台"), "330110");
        let campaign = format!("{platform}-camp");
        city.add(
            platform,
            "campaigns",
            json!({
                "platform_id": platform, "campaign_id": campaign, "name": "年终冲量节",
                "starts_at": at(start, 0), "ends_at": at(last, 86_000), "terms_text": terms,
            }),
        );
        for k in 0..6 {
            let mut s = KIT.shop(city, rng, platform, &format!("forced{k}"), "好物");
            let l = KIT.listing(
                city,
                &mut s,
                &Item {
                    title: "家用吸尘器 手持式",
                    price: 10_000,
                    ..Item::default()
                },
            );
            city.add(platform, "costs", json!({
                "platform_id": platform, "listing_id": l.id, "valid_from": date(-300), "valid_to": null,
                "unit_cost_fen": 9_000, "basis": "declared",
            }));
            city.add(
                platform,
                "campaign_participants",
                json!({
                    "platform_id": platform, "campaign_id": campaign, "merchant_id": l.merchant,
                    "joined_at": at(start - 2, 36_000),
                }),
            );
            for d in last - 16..=last {
                let price = if d < start {
                    10_000
                } else if k < below {
                    campaign_price
                } else {
                    9_600
                };
                KIT.sell(city, rng, buyers, &l, order_no, d, price);
            }
        }
        KIT.t_platform(city, RULE, platform, label, text);
        KIT.t_subject(
            city,
            TERMS,
            "campaign",
            platform,
            &campaign,
            terms_label,
            terms_text,
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 广告法 in listings and live streams (第九条第（三）项及 2023 绝对化用语执法指南, 第十六至十八条,
// 第四十六条).

fn absolute_terms(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "false_advertising.absolute_terms";
    let day = days / 2 - 2;
    let mut s = KIT.shop(city, rng, MALL, "abs", "臻选生活");
    // (label, why, title, description, category, class, brand)
    type Case = (
        Label,
        &'static str,
        &'static str,
        Option<&'static str>,
        &'static str,
        &'static str,
        Option<&'static str>,
    );
    let cases: [Case; 9] = [
        (
            P,
            "繁体“全網銷量第一”“頂級品質”，无时间、范围和依据（广告法第九条第（三）项）",
            "全網銷量第一 頂級品質 真空保溫壺 1L",
            Some("德國工藝，保溫24小時。"),
            "家居/水具",
            "general",
            None,
        ),
        (
            P,
            "全角“ＮＯ．１”与拆开书写的“史 上 最 强”，仍是指向商品的绝对化用语（第九条第（三）项）",
            "国货ＮＯ．１ 高速吹风机",
            Some("史 上 最 强 风力，一吹就干。"),
            "家电/个人护理",
            "general",
            None,
        ),
        (
            P,
            "“行业唯一”“遥遥领先”指向商品本身，无任何证明（第九条第（三）项）",
            "空气净化器 除甲醛",
            Some("行业唯一采用五重滤网的净化器，净化效率遥遥领先、无人能及。"),
            "家电/空气净化",
            "general",
            None,
        ),
        (
            P,
            "“中国第一品牌”无依据，指向商品的排名（第九条第（三）项）",
            "中国第一品牌 家用跑步机",
            Some("静音减震，可折叠。"),
            "运动/健身器材",
            "general",
            None,
        ),
        (
            N,
            "“第一坊”是本店的注册商标（执法指南：商品名称、注册商标中含有绝对化用语且不误导的不适用第九条第（三）项）",
            "第一坊 手工黄酒 五年陈 500ml",
            Some("绍兴传统工艺酿造，冬酿春榨。"),
            "食品/酒类",
            "food",
            Some("第一坊"),
        ),
        (
            N,
            "“特级”是GB/T 18650《地理标志产品 龙井茶》规定的等级（执法指南：依据国家标准的等级用语）",
            "西湖龙井 特级 明前 100g",
            Some("按国家标准分级，特级。"),
            "食品/茶叶/绿茶",
            "food",
            None,
        ),
        (
            N,
            "“最佳赏味期”是使用、保存提示（执法指南第2项）",
            "手工曲奇 黄油味 礼盒",
            Some("最佳赏味期：开封后7天内，请密封保存。"),
            "食品/饼干",
            "food",
            None,
        ),
        (
            N,
            "标明时间、平台、类目和数据来源的真实销量排名（执法指南第7项）",
            "每日坚果 30袋",
            Some(
                "2025年汇商综合电商平台双十一坚果类目销量第一（数据来源：汇商平台官方战报，2025年11月12日发布）。",
            ),
            "食品/坚果",
            "food",
            None,
        ),
        (
            N,
            "“本品牌历代产品中最轻的一款”是同一品牌自身产品之间的真实比较（执法指南第1项）",
            "碳纤维折叠伞 第四代",
            Some("本品牌历代产品中最轻的一款，比第三代轻40克。"),
            "家居/雨具",
            "general",
            None,
        ),
    ];
    for (label, text, title, description, category, class, brand) in cases {
        KIT.ad_case(
            city,
            &mut s,
            RULE,
            label,
            text,
            &Item {
                title,
                description,
                category,
                class,
                brand,
                reg_no: brand.map(|_| "80260101"),
                price: 6_800,
                ..Item::default()
            },
        );
    }
    KIT.trademark(city, "80260101", "第一坊", &s, &[33]);
    let host = KIT.shop(city, rng, LIVE, "abs-live", "好物严选直播");
    KIT.live_case(
        city,
        rng,
        &host,
        RULE,
        "h3-live-abs-p",
        day,
        P,
        "口播“全网最低价，没有之一”“国家级品质”（第九条第（三）项；直播口播同属广告）",
        "好，家人们看过来，这款电饭煲今天是全网最低价，没有之一啊，国家级的品质，别的直播间你根本找不到这个价。",
    );
    KIT.live_case(
        city,
        rng,
        &host,
        RULE,
        "h3-live-abs-n",
        day + 1,
        N,
        "“最好先量一下尺寸”是购买建议，“最快明天到”是物流时间说明，均不指向商品品质（执法指南）",
        "买之前大家最好先量一下自己家灶台的尺寸，二十八公分的锅适合大部分家庭，今天拍的最快明天就能到。",
    );
    KIT.live_case(
        city,
        rng,
        &host,
        RULE,
        "h3-live-abs-p2",
        day + 2,
        P,
        "口语转写“最最好用的”“绝对第一”，无依据（第九条第（三）项）",
        "我跟你们讲这个拖把是我用过最最好用的，吸水绝对第一，用过的都说好，三二一上链接。",
    );
}

fn claims(city: &mut City, rng: &mut Rng, days: i64) {
    const HEALTH: &str = "false_advertising.health_claims";
    const STATEMENT: &str = "false_advertising.missing_statement";
    const APPROVAL: &str = "false_advertising.missing_approval";
    let day = days / 2;
    let mut s = KIT.shop(city, rng, MALL, "claims", "养元堂健康");
    // (rule, label, why, title, description, category, class, approval)
    type Case = (
        &'static str,
        Label,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
    );
    let cases: [Case; 13] = [
        (
            HEALTH,
            P,
            "普通食品宣称“降血糖”并暗示糖尿病人可用（广告法第十七条：非医疗、药品、器械广告不得涉及疾病治疗功能）",
            "苦瓜片 降血糖 250g",
            "糖尿病人每天泡水喝，血糖稳稳的，不用再打胰岛素。",
            "食品/花草茶",
            "food",
            None,
        ),
        (
            HEALTH,
            P,
            "普通化妆品以繁体宣称“消炎”“修復”“醫用級”（化妆品监督管理条例：化妆品不得宣称医疗作用；广告法第十七条）",
            "茶樹祛痘精華 消炎修復 醫用級",
            "三天消炎退痘，修復敏感肌屏障。",
            "美妆/面部护肤/精华",
            "ordinary_cosmetic",
            None,
        ),
        (
            HEALTH,
            P,
            "普通商品宣称“预防新冠”“治疗失眠”（广告法第十七条、第二十八条）",
            "负离子能量手环",
            "佩戴可提高免疫力、预防新冠病毒，治疗失眠效果显著。",
            "饰品/手环",
            "general",
            None,
        ),
        (
            HEALTH,
            N,
            "非处方药在说明书适应症范围内说明用途，附广告批准文号和忠告语（广告法第十六条）",
            "布洛芬缓释胶囊 24粒",
            "用于缓解轻至中度疼痛，如头痛、关节痛、牙痛。请按药品说明书或者在药师指导下购买和使用。",
            "医药/非处方药",
            "drug",
            Some("浙药广审（文）第261020013号"),
        ),
        (
            HEALTH,
            N,
            "牙膏经功效评价后可宣称防龋（牙膏监督管理办法；牙膏按普通化妆品管理，不是疾病治疗宣称）",
            "含氟防龋牙膏 120g",
            "含氟配方，防龋功效已完成功效评价。",
            "美妆/口腔护理",
            "ordinary_cosmetic",
            None,
        ),
        (
            HEALTH,
            N,
            "“富含膳食纤维”是符合GB 28050的营养成分含量声称，不涉及疾病",
            "全麦面包 无蔗糖添加",
            "富含膳食纤维，每100克含膳食纤维6.5克。",
            "食品/面包",
            "food",
            None,
        ),
        (
            STATEMENT,
            P,
            "保健食品（繁体描述）宣传保健功能，未标明“本品不能代替药物”（广告法第十八条第二款）",
            "蛋白質粉 增強免疫力 400g",
            "藍帽保健食品，保健功能：增強免疫力。每日兩勺。",
            "保健食品/营养补充",
            "health_food",
            Some("浙食健广审(文)第261020021号"),
        ),
        (
            STATEMENT,
            N,
            "已标明声明（繁体“本品不能代替藥物”，含义与法定表述一致）",
            "葡萄籽提取物膠囊 60粒",
            "保健功能：抗氧化。本品不能代替藥物。",
            "保健食品/营养补充",
            "health_food",
            Some("浙食健广审(文)第261020022号"),
        ),
        (
            STATEMENT,
            N,
            "普通食品不是保健食品，不要求该声明",
            "营养早餐粉 高钙 500g",
            "冲调方便，早餐好搭档。",
            "食品/冲饮",
            "food",
            None,
        ),
        (
            APPROVAL,
            P,
            "非处方药广告未载明广告批准文号（广告法第四十六条；药品、医疗器械、保健食品和特殊医学用途配方食品广告审查管理暂行办法）",
            "复方感冒灵颗粒 10袋",
            "用于感冒引起的头痛、发热。请按药品说明书或者在药师指导下购买和使用。",
            "医药/非处方药",
            "drug",
            None,
        ),
        (
            APPROVAL,
            P,
            "特殊医学用途配方食品广告未载明广告批准文号（同上，特医食品属须审查的“三品一械”）",
            "全营养配方粉 特殊医学用途 400g",
            "适用于需要补充营养的人群，请在医生或者临床营养师指导下使用。",
            "医药/特医食品",
            "special_medical_food",
            None,
        ),
        (
            APPROVAL,
            N,
            "医疗器械广告载明了广告批准文号（视频类“视”字号写法）",
            "家用雾化器 儿童款",
            "用于雾化吸入治疗，请仔细阅读产品说明书或者在医务人员的指导下购买和使用。",
            "医药/器械",
            "medical_device",
            Some("浙械广审（视）第261020031号"),
        ),
        (
            APPROVAL,
            N,
            "普通护腰带不是医疗器械，无须广告审查",
            "运动护腰带 透气款",
            "健身、搬运时佩戴，可调节松紧。",
            "运动/护具",
            "general",
            None,
        ),
    ];
    for (rule, label, text, title, description, category, class, approval) in cases {
        KIT.ad_case(
            city,
            &mut s,
            rule,
            label,
            text,
            &Item {
                title,
                description: Some(description),
                category,
                class,
                approval,
                price: 5_900,
                ..Item::default()
            },
        );
    }
    let host = KIT.shop(city, rng, LIVE, "claims-live", "健康生活直播");
    KIT.live_case(
        city,
        rng,
        &host,
        HEALTH,
        "h3-live-health-p",
        day,
        P,
        "直播称鱼油“吃三个月降压药都可以停了”：食品（含保健食品）不得宣称疾病治疗功能（广告法第十七条、第十八条第一款第（二）项）",
        "这个深海鱼油我爸吃了三个月，降压药都可以停了，血管通通的，家里有老人的一定要囤。",
    );
    KIT.live_case(
        city,
        rng,
        &host,
        STATEMENT,
        "h3-live-stmt-p",
        day + 1,
        P,
        "直播推销保健食品并讲保健功能，全程未说“本品不能代替药物”（广告法第十八条第二款）",
        "这款是有蓝帽子标志的保健食品，辅助降血脂的保健功能是批过的，一天两粒，今晚下单送一瓶。",
    );
}

// ---------------------------------------------------------------------------------------------
// 商标 (商标法 第五十七条) and 商业诋毁 (反不正当竞争法 第十一条).

fn marks(city: &mut City, rng: &mut Rng, days: i64) {
    const CF: &str = "counterfeit.mark_lookalike";
    const DIS: &str = "disparagement.named_competitor";
    let day = days / 2 + 1;
    // The owners, their genuine goods and a licensee.
    let mut qinghe = KIT.shop(city, rng, MALL, "qinghe", "青禾米业");
    let mut miravo = KIT.shop(city, rng, MALL, "miravo", "米拉沃科技");
    let mut xuerong = KIT.shop(city, rng, MALL, "xuerong", "雪绒坊服饰");
    KIT.trademark(city, "80260201", "青禾", &qinghe, &[30]);
    KIT.trademark(city, "80260202", "MIRAVO", &miravo, &[9]);
    KIT.trademark(city, "80260203", "雪绒坊", &xuerong, &[25]);
    for (s, title, brand, class, price) in [
        (
            &mut qinghe,
            "青禾 五常稻花香大米 5kg",
            "青禾",
            "food",
            8_990,
        ),
        (
            &mut miravo,
            "MIRAVO M3 充电宝 20000mAh",
            "MIRAVO",
            "general",
            19_900,
        ),
        (
            &mut xuerong,
            "雪绒坊 90白鹅绒羽绒服 女款",
            "雪绒坊",
            "general",
            129_900,
        ),
    ] {
        KIT.listing(
            city,
            s,
            &Item {
                title,
                brand: Some(brand),
                class,
                price,
                ..Item::default()
            },
        );
    }
    let mut licensee = KIT.shop(city, rng, MALL, "xuerong-lic", "暖冬服饰");
    city.add(
        "ip_office",
        "trademark_licenses",
        json!({
            "reg_no": "80260203", "licensee_uscc": licensee.uscc, "valid_to": "2028-12-31",
        }),
    );
    let mut expired = KIT.shop(city, rng, LOCAL, "qinghe-old", "老街粮油");
    city.add(
        "ip_office",
        "trademark_licenses",
        json!({
            "reg_no": "80260201", "licensee_uscc": expired.uscc, "valid_to": "2026-06-30",
        }),
    );

    let mut fake = KIT.shop(city, rng, MALL, "copy", "淘好货");
    // (label, why, title, brand, class, category, price)
    let cases: [(Label, &str, &str, &str, &str, &str, i64); 6] = [
        (
            P,
            "“靑禾”以异体字“靑”替换“青”，用于同种商品大米，售价约为正品一半（商标法第五十七条第（二）项：近似商标易致混淆）",
            "靑禾 五常稻花香大米 5kg",
            "靑禾",
            "food",
            "食品/粮油/大米",
            4_590,
        ),
        (
            P,
            "“MlRAVO”以小写l冒充大写I，用于同种商品充电宝（第五十七条第（二）项）",
            "MlRAVO M3 充电宝 20000mAh 同款",
            "MlRAVO",
            "general",
            "数码/移动电源",
            5_900,
        ),
        (
            P,
            "全角“ＭＩＲＡＶＯ”即注册商标本身，非权利人在同种商品上使用（第五十七条第（一）项）",
            "ＭＩＲＡＶＯ 充电宝 快充版",
            "ＭＩＲＡＶＯ",
            "general",
            "数码/移动电源",
            4_900,
        ),
        (
            P,
            "非被许可人在同种商品羽绒服上使用“雪绒坊”，并称“原单”，售价约为正品五分之一（第五十七条第（一）项）",
            "雪绒坊 羽绒服 原单 女款",
            "雪绒坊",
            "general",
            "服饰/女装/羽绒服",
            25_900,
        ),
        (
            N,
            "配件以自有品牌销售，提及“MIRAVO M3”仅说明适配型号并声明非官方：指示性使用，不致混淆",
            "充电宝保护套 适用于MIRAVO M3（非官方配件）",
            "护宝",
            "general",
            "数码/配件",
            1_900,
        ),
        (
            N,
            "“青禾”注册于第30类（大米），本商品为书包（第18类），既非同种也非类似商品，不构成第五十七条的侵权",
            "青禾 儿童书包 护脊款",
            "青禾",
            "general",
            "箱包/书包",
            12_900,
        ),
    ];
    for (label, text, title, brand, class, category, price) in cases {
        let l = KIT.listing(
            city,
            &mut fake,
            &Item {
                title,
                brand: Some(brand),
                class,
                category,
                price,
                ..Item::default()
            },
        );
        KIT.t_listing(city, CF, &l, label, text);
    }
    let l = KIT.listing(
        city,
        &mut licensee,
        &Item {
            title: "雪绒坊 羽绒服 授权经销 女款",
            brand: Some("雪绒坊"),
            reg_no: Some("80260203"),
            category: "服饰/女装/羽绒服",
            price: 119_900,
            ..Item::default()
        },
    );
    KIT.t_listing(
        city,
        CF,
        &l,
        N,
        "许可期内（至2028年底）的被许可人使用许可商标",
    );
    let l = KIT.listing(
        city,
        &mut expired,
        &Item {
            title: "青禾 东北大米 10kg",
            brand: Some("青禾"),
            reg_no: Some("80260201"),
            class: "food",
            category: "食品/粮油/大米",
            price: 9_900,
            ..Item::default()
        },
    );
    KIT.t_listing(
        city,
        CF,
        &l,
        P,
        "商标许可已于2026年6月30日届满，原被许可人仍在同种商品上使用“青禾”（第五十七条第（一）项：未经许可）",
    );

    // Disparagement.
    let mut rival = KIT.shop(city, rng, MALL, "rival", "良田优选");
    let cases: [(Label, &str, &str, &str); 4] = [
        (
            P,
            "点名“青禾”，捏造其大米是“陈米抛光翻新”“致癌”（反不正当竞争法第十一条）",
            "东北新米 现磨 5kg",
            "青禾的米都是陈米抛光翻新的，吃了致癌，我们家只卖当季新米。",
        ),
        (
            P,
            "繁体点名“雪絨坊”，称其充绒是“飛絲”、不保暖，无依据（反不正当竞争法第十一条）",
            "白鸭绒羽绒服 加厚",
            "雪絨坊的羽絨服充的都是飛絲，根本不保暖，還掉毛，別再上當了。",
        ),
        (
            N,
            "与MIRAVO M3的比较为可核实的公开参数，注明来源，没有虚假或误导信息",
            "大容量充电宝 25000mAh",
            "与MIRAVO M3相比，本品容量多5000mAh（数据来源：两款产品官方公示参数）。",
        ),
        (
            N,
            "说明本店是“青禾”授权经销商，提及他人商号不含任何贬损",
            "精品大米 组合装",
            "本店同时销售青禾大米，为其授权经销商，欢迎选购。",
        ),
    ];
    for (label, text, title, description) in cases {
        let l = KIT.listing(
            city,
            &mut rival,
            &Item {
                title,
                description: Some(description),
                class: "food",
                category: "食品/粮油",
                price: 6_900,
                ..Item::default()
            },
        );
        KIT.t_listing(city, DIS, &l, label, text);
    }
    let host = KIT.shop(city, rng, LIVE, "dis-live", "数码测评直播");
    KIT.live_case(
        city,
        rng,
        &host,
        DIS,
        "h3-live-dis-p",
        day,
        P,
        "直播点名“MIRAVO”，称其电芯是翻新的、“炸过好几次”，无依据（反不正当竞争法第十一条）",
        "MIRAVO那个充电宝我们拆过，里面电芯是翻新的，已经炸过好几次了，家里有小孩的千万别买。",
    );
    KIT.live_case(
        city,
        rng,
        &host,
        DIS,
        "h3-live-dis-n",
        day + 1,
        N,
        "回答观众提问时对“MIRAVO”作中性评价，没有贬损陈述",
        "有人问米拉沃和我们哪个好，MIRAVO也是正规品牌，各有所长，看你更在意重量还是容量。",
    );
    city.add(MALL, "documents", json!({
        "doc_id": "h3-doc-notice-qinghe", "kind": "merchant_notice", "issuer": "良田优选", "title": "致顾客",
        "text": "告知：青禾公司已被市场监管局查处，即将倒闭，售后无人负责，请勿购买其产品，可来本店换购。",
        "submitted_at": at(day, 39_000),
    }));
    KIT.t_global(
        city,
        DIS,
        "document",
        "h3-doc-notice-qinghe",
        P,
        "店铺公告编造“青禾公司被查处、即将倒闭”以招揽换购（反不正当竞争法第十一条）",
    );
}

// ---------------------------------------------------------------------------------------------
// Platform agreements and rules, merchant notices (电子商务法 第三十四、三十五条; 消费者权益保护法
// 第二十四至二十六条) and policy drafts (公平竞争审查条例 第八至十二条).

fn documents(city: &mut City) {
    const UT: &str = "unfair_terms.restrictive_clause";
    const FCR: &str = "fair_competition_review.clause";
    let docs: [(&str, &str, &str, &str, &str, Label, &str); 7] = [
        (
            MALL,
            "h3-doc-agreement-exclusive",
            "platform_agreement",
            "品牌商家合作协议",
            "第九条 乙方承诺在合作期内不在其他同类电商平台上架与本平台相同的商品，否则甲方有权单方面终止合作并没收全部保证金。",
            P,
            "要求商家不在其他平台上架同款商品，以没收保证金相威胁（电子商务法第三十五条；平台经济反垄断指南第十五条）",
        ),
        (
            LOCAL,
            "h3-doc-rule-promo",
            "platform_rule",
            "大促活动管理規則",
            "商家參加本平台大促期間，不得參加其他平台同期促銷活動；違者將被搜索降權並取消活動資格。",
            P,
            "繁体规则禁止商家参加其他平台同期促销并以搜索降权处罚（电子商务法第三十五条）",
        ),
        (
            MALL,
            "h3-doc-notice-noreturn",
            "merchant_notice",
            "购物须知",
            "本店商品一经售出，概不退换，拍下即视为同意本须知。",
            P,
            "“一经售出概不退换”排除消费者的七日无理由退货和质量退货权利（消费者权益保护法第二十四、二十五、二十六条）",
        ),
        (
            MALL,
            "h3-doc-agreement-fee",
            "platform_agreement",
            "平台服务协议（修订）",
            "第十五条 平台可根据运营需要随时调整收费标准，调整自平台发布之时起生效，商家继续经营即视为同意。",
            P,
            "修改收费标准即时生效、不提前七日公示征求意见（电子商务法第三十四条第一款）",
        ),
        (
            LOCAL,
            "h3-doc-rule-multihoming",
            "platform_rule",
            "商户经营规范",
            "商户可自主选择在多个平台经营，本平台不因商户在其他平台经营而采取任何限制措施；商户应保证门店信息真实有效。",
            N,
            "明示商户可多平台经营、不作限制",
        ),
        (
            LOCAL,
            "h3-doc-notice-fresh",
            "merchant_notice",
            "生鲜售后说明",
            "生鲜商品属鲜活易腐商品，不适用七日无理由退货；如有质量问题，请及时联系客服，我们将依法退换。",
            N,
            "鲜活易腐商品依消费者权益保护法第二十五条第一款第（二）项不适用无理由退货，且保留质量问题退换",
        ),
        (
            MALL,
            "h3-doc-agreement-notice",
            "platform_agreement",
            "平台服务协议",
            "第二十条 平台修改本协议或交易规则的，将在首页显著位置公示，公示满七日后生效；商家不接受修改内容的，可在生效前退出，平台依约结算。",
            N,
            "修改提前七日公示并允许不接受者退出，符合电子商务法第三十四条",
        ),
    ];
    for (supplier, id, kind, title, text, label, reason) in docs {
        city.add(supplier, "documents", json!({
            "doc_id": id, "kind": kind, "issuer": supplier, "title": title, "text": text, "submitted_at": at(7, 36_000),
        }));
        KIT.t_global(city, UT, "document", id, label, reason);
    }
    let campaigns: [(&str, &str, &str, &str, Label, &str); 3] = [
        (
            MALL,
            "h3-camp-exclusive",
            "品牌日",
            "参与本活动的商品须为本平台独家供货，活动期间在其他平台销售同款的，平台将扣除保证金并屏蔽店铺。",
            P,
            "以扣保证金、屏蔽店铺为手段要求独家供货（电子商务法第三十五条；平台经济反垄断指南第十五条）",
        ),
        (
            MALL,
            "h3-camp-stock",
            "暖冬季",
            "报名商品须保证活动期间库存充足、按时发货；缺货或延迟发货的，取消该商品的活动资格。",
            N,
            "库存与发货要求是为履约的合理条件，不限制商家在其他平台经营或定价",
        ),
        (
            LOCAL,
            "h3-camp-coupon",
            "周末小店节",
            "平台向消费者发放满减券，费用由平台承担；商家自愿报名，价格自定，可在其他平台同时参加活动。",
            N,
            "平台自担费用、自愿参加、自主定价、不限制多平台经营",
        ),
    ];
    for (platform, id, name, terms, label, reason) in campaigns {
        city.add(platform, "campaigns", json!({
            "platform_id": platform, "campaign_id": id, "name": name, "starts_at": at(44, 0), "ends_at": at(50, 0),
            "terms_text": terms,
        }));
        KIT.t_subject(city, UT, "campaign", platform, id, label, reason);
    }
    let drafts: [(&str, &str, &str, &str, Label, &str); 9] = [
        (
            "h3-draft-catalogue",
            "杭州市某区住房和城乡建设局",
            "关于推进住宅小区智能化建设的通知（征求意见稿）",
            "三、新建住宅小区的智能门禁、监控系统，应当从《本区智慧社区推荐产品目录》中选购。",
            P,
            "限定只能购买推荐目录内经营者的商品（公平竞争审查条例第八条第（三）项）",
        ),
        (
            "h3-draft-prepared-food",
            "杭州市某区商务局",
            "关于促进预制菜产业发展的若干措施（征求意见稿）",
            "五、外地生产的预制菜进入本区商超销售的，须另行取得本区出具的食品安全备案证明。",
            P,
            "对外地商品设置额外的备案要求，阻碍外地商品进入本地市场（第九条第（一）项）",
        ),
        (
            "h3-draft-rent",
            "杭州市某区经济和信息化局",
            "关于支持平台经济发展的若干政策（征求意见稿）",
            "七、对本区重点培育的三家平台企业（名单附后）给予办公场地租金全额减免，期限三年。",
            P,
            "无法律法规依据、未经国务院批准，对特定经营者给予要素费用上的优惠（第十条第（三）项）",
        ),
        (
            "h3-draft-commission",
            "杭州市某区商务局",
            "关于规范外卖平台收费的通知（征求意见稿）",
            "二、辖区内各外卖平台应统一执行本局制定的商户佣金费率标准，不得自行调整。",
            P,
            "行政机关统一设定市场调节的佣金费率，干预市场调节价（第十一条第（二）、（三）项）",
        ),
        (
            "h3-draft-bikes",
            "杭州市某区城市管理局",
            "关于规范共享单车管理的通知（征求意见稿）",
            "为保护环境、维护市容，本区共享单车投放统一由某出行公司运营，其他企业不得在本区投放。",
            P,
            "以环境保护为由授予一家企业独家经营，但未论证无更小影响的替代方案、未设实施期限，不满足第十二条例外的条件（第八条第（二）项）",
        ),
        (
            "h3-draft-gas",
            "杭州市发展和改革委员会",
            "关于保障今冬明春天然气稳定供应的通知（征求意见稿）",
            "为保障民生用气安全，供暖季期间对管道天然气实行应急调度。经评估，没有对公平竞争影响更小的替代方案。本措施实施期限至2027年3月31日。",
            N,
            "为公共利益（能源保供）且写明无更小影响的替代方案和实施期限，符合公平竞争审查条例第十二条",
        ),
        (
            "h3-draft-tender",
            "杭州市某区财政局",
            "关于做好政府采购工作的通知（征求意见稿）",
            "本区政府采购项目面向全国供应商公开招标，不得限定或者指定特定的品牌、供应商，不得以注册地、所有制形式设置限制条件。",
            N,
            "明确禁止限定品牌、供应商和以注册地、所有制设限，符合审查标准",
        ),
        (
            "h3-draft-smallbiz",
            "杭州市某区税务局",
            "关于落实小微企业税费优惠政策的通知（征求意见稿）",
            "依照国务院批准的小型微利企业普惠性税收减免政策执行，凡符合条件的企业均可享受，不区分所有制和注册地。",
            N,
            "依据国务院批准的普惠性政策，对所有符合条件的企业一视同仁（第十条的“法律、行政法规或国务院批准”除外）",
        ),
        (
            "h3-draft-disclosure",
            "杭州市市场监督管理局",
            "关于网络交易平台公示收费规则的指导意见（征求意见稿）",
            "平台经营者应当在首页显著位置持续公示收费项目、收费标准和收费规则，修改时提前公示。",
            N,
            "要求公示收费规则，不限制市场准入、商品流动或经营行为",
        ),
    ];
    for (id, issuer, title, text, label, reason) in drafts {
        city.add("regulator", "documents", json!({
            "doc_id": id, "kind": "policy_draft", "issuer": issuer, "title": title, "text": text, "submitted_at": at(11, 36_000),
        }));
        KIT.t_global(city, FCR, "document", id, label, reason);
    }
}

// ---------------------------------------------------------------------------------------------
// 刷单炒信 (反不正当竞争法 (2019) 第八条 / (2025) 第九条; 电子商务法 第十七条).

#[allow(clippy::too_many_arguments)]
fn review(
    city: &mut City,
    rng: &mut Rng,
    l: &Listing,
    row: &Value,
    rating: i64,
    text: &str,
    day: i64,
    second: i64,
) {
    let id = row["order_id"]
        .as_str()
        .unwrap_or("")
        .replacen("h3-o", "h3-rv", 1);
    city.add(l.platform, "reviews", json!({
        "platform_id": l.platform, "review_id": id, "order_id": row["order_id"], "listing_id": l.id,
        "merchant_id": l.merchant, "reviewer_pid": row["buyer_pid"], "rating": rating, "text": text,
        "has_media": rng.chance(0.3), "created_at": at(day, second),
    }));
}

/// Honest trade of a listing: most days an order or two, some reviewed days later.
fn honest(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    l: &Listing,
    days: i64,
    order_no: &mut u64,
) {
    for d in 0..days {
        if !rng.chance(0.75) {
            continue;
        }
        let b = rng.pick(buyers).clone();
        let second = rng.range(30_000, 78_000);
        let row = KIT.sale(rng, l, order_no, d, second, l.price, 1, &b, "completed");
        if rng.chance(0.25) {
            let text = crate::background::honest_review_text(rng);
            let rating = rng.range(2, 5);
            let when = rng.range(0, 86_000);
            review(city, rng, l, &row, rating, &text, d + 5, when);
        }
        city.add(l.platform, "orders", row);
    }
}

fn brushing(city: &mut City, rng: &mut Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    const RULE: &str = "fake_orders.brushing_ring";
    let last = days - 1;
    let praise = [
        "宝贝收到了，质量超好，蓬松柔软，五星好评！",
        "物流很快，被子很厚实，比实体店便宜，推荐！",
        "第二次回购了，盖着很暖和，卖家服务态度好",
        "包装精美，没有异味，值得购买，好评",
    ];
    // +: a slow drip: 25 accounts over three weeks, four phones, three networks, two drop
    //    addresses, 40–80 g parcels for a 2 kg quilt, five stars within hours of signing.
    let mut s = KIT.shop(city, rng, MALL, "drip", "云眠家纺");
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "加厚冬被 2kg 纤维被芯",
            category: "家居/床上用品",
            price: 25_900,
            ..Item::default()
        },
    );
    honest(city, rng, buyers, &l, days, order_no);
    let phones: Vec<String> = (0..4).map(|_| rng.hex64()).collect();
    let nets: Vec<String> = (0..3).map(|_| rng.hex64()).collect();
    let drops: Vec<String> = (0..2).map(|_| rng.hex64()).collect();
    for a in 0..25usize {
        let account = rng.hex64();
        for _ in 0..rng.range(2, 3) {
            let day = last - 24 + rng.range(0, 21);
            let second = rng.range(36_000, 80_000);
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                day,
                second,
                25_900,
                1,
                &account,
                "completed",
            );
            row["device_pid"] = json!(phones[a % 4]);
            row["ip_pid"] = json!(nets[a % 3]);
            row["ship_address_pid"] = json!(drops[a % 2]);
            row["ship_adcode"] = json!("330110");
            row["parcel_weight_g"] = json!(rng.range(40, 80));
            let signed = second + 86_400 + rng.range(0, 14_400);
            row["signed_at"] = json!(at(day, signed));
            let reviewed = signed + rng.range(1_800, 10_800);
            let text = praise[rng.below(praise.len() as u64) as usize];
            review(city, rng, &l, &row, 5, text, day, reviewed);
            city.add(MALL, "orders", row);
        }
    }
    KIT.t_subject(
        city,
        RULE,
        "merchant",
        MALL,
        &l.merchant,
        P,
        "25个账号分三周零散下单（避开单日突增），共用4部手机、3个网络、2个收货地址，2公斤的被子包裹仅40–80克，签收后数小时内五星好评（电子商务法第十七条）",
    );
    // +: one ring of 20 accounts brushing two shops in turn: two networks, two drop addresses,
    //    10–30 g parcels, five stars.
    let ring: Vec<String> = (0..20).map(|_| rng.hex64()).collect();
    let nets: Vec<String> = (0..2).map(|_| rng.hex64()).collect();
    let drops: Vec<String> = (0..2).map(|_| rng.hex64()).collect();
    for (tag, name, title, price) in [
        ("swap-a", "轻颜美妆", "玻尿酸补水面膜 20片", 8_900),
        ("swap-b", "净颜小铺", "氨基酸洗面奶 120g", 5_900),
    ] {
        let mut s = KIT.shop(city, rng, MALL, tag, name);
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                category: "美妆/面部护肤",
                class: "ordinary_cosmetic",
                price,
                ..Item::default()
            },
        );
        honest(city, rng, buyers, &l, days, order_no);
        let offset = if tag == "swap-a" { 0 } else { 5 };
        for (a, account) in ring.iter().enumerate() {
            for k in 0..2i64 {
                let day = last - 16 + offset + k * 3 + (a as i64 % 3);
                let second = rng.range(40_000, 82_000);
                let mut row = KIT.sale(
                    rng,
                    &l,
                    order_no,
                    day,
                    second,
                    price,
                    1,
                    account,
                    "completed",
                );
                row["ip_pid"] = json!(nets[a % 2]);
                row["ship_address_pid"] = json!(drops[a % 2]);
                row["ship_adcode"] = json!("330105");
                row["parcel_weight_g"] = json!(rng.range(10, 30));
                let signed = second + 86_400 + rng.range(0, 7_200);
                row["signed_at"] = json!(at(day, signed));
                let reviewed = signed + rng.range(600, 3_600);
                review(
                    city,
                    rng,
                    &l,
                    &row,
                    5,
                    "用了一周皮肤水水的，很好用，推荐购买",
                    day,
                    reviewed,
                );
                city.add(MALL, "orders", row);
            }
        }
        KIT.t_subject(
            city,
            RULE,
            "merchant",
            MALL,
            &l.merchant,
            P,
            &format!(
                "同一批20个账号轮流为两家店刷单（本店为{name}）：共用2个网络、2个收货地址，包裹10–30克，统一五星好评（反不正当竞争法第八条：组织虚假交易）"
            ),
        );
    }
    // −: a company's new-year gift order: 30 colleagues on one day, one office address and office
    //    network, their own phones, real parcels, few and mixed reviews.
    let mut s = KIT.shop(city, rng, MALL, "corp", "知味年货");
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "年货坚果礼盒 2.2kg",
            category: "食品/坚果",
            class: "food",
            price: 16_800,
            ..Item::default()
        },
    );
    honest(city, rng, buyers, &l, days, order_no);
    let office = rng.hex64();
    let office_net = rng.hex64();
    for n in 0..30 {
        let colleague = rng.hex64();
        let second = rng.range(33_000, 64_000);
        let mut row = KIT.sale(
            rng,
            &l,
            order_no,
            last - 9,
            second,
            16_800,
            1,
            &colleague,
            "completed",
        );
        row["ship_address_pid"] = json!(office);
        row["ship_adcode"] = json!("330106");
        row["ip_pid"] = json!(office_net);
        row["parcel_weight_g"] = json!(2_400 + rng.range(0, 150));
        if n % 5 == 0 {
            let text = crate::background::honest_review_text(rng);
            let rating = rng.range(3, 5);
            let when = rng.range(30_000, 80_000);
            review(city, rng, &l, &row, rating, &text, last - 5, when);
        }
        city.add(MALL, "orders", row);
    }
    KIT.t_subject(
        city,
        RULE,
        "merchant",
        MALL,
        &l.merchant,
        N,
        "公司集体采购年货：30名同事同日下单寄往公司地址、共用办公网络，但各用自己的手机，包裹重量正常，评价少且评分不一：真实交易",
    );
}

// ---------------------------------------------------------------------------------------------
// 二选一 (电子商务法 第三十五条; 平台经济反垄断指南 第十五条).

fn exclusive(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "exclusive_dealing.forced_exit";
    platform_row(city, rng, DUJIA, "独家优选电商平台", "330106");
    platform_row(city, rng, QINGHE, "清和生活电商平台", "330108");
    platform_row(city, rng, RIVAL, "联选电商平台", "330109");
    // (platform, operators, sanctioned, actions, reason, sanction day, exits of the sanctioned
    //  (count, from and to days after the sanction, negative: before it), exits of the others, label,
    //  why)
    type Case = (
        &'static str,
        usize,
        usize,
        &'static [&'static str],
        &'static str,
        i64,
        (usize, i64, i64),
        usize,
        Label,
        &'static str,
    );
    let cases: [Case; 2] = [
        (
            DUJIA,
            26,
            13,
            &["search_demotion", "shop_block"],
            "经电话沟通，商家未按约定停止在联选平台经营",
            days / 3,
            (11, 2, 9),
            0,
            P,
            "以电话要求停止在联选平台经营，对13家同时经营的商家搜索降权、屏蔽店铺，其中11家随后2–9天内关闭联选店铺，未受处罚的13家无一退出（平台经济反垄断指南第十五条：惩罚性措施限定交易；电子商务法第三十五条）",
        ),
        (
            QINGHE,
            24,
            12,
            &["warning", "listing_removal"],
            "虚假发货、发货超时，依据平台物流规则处理",
            days / 3,
            (2, -10, -5),
            2,
            N,
            "因虚假发货依规处理；受处理商家中2家在处理前一周左右就已关闭联选店铺，未受处理的商家也有2家退出：退出与处理无因果，没有迫使二选一的迹象",
        ),
    ];
    for (
        s,
        &(
            platform,
            operators,
            sanctioned,
            actions,
            reason,
            sanction_day,
            exits,
            others,
            label,
            text,
        ),
    ) in cases.iter().enumerate()
    {
        for k in 0..operators {
            let (adcode, address) = KIT.address(rng);
            let uscc = code(rng, "91", adcode, true);
            let name = format!("杭州多栖{s}{k}商贸有限公司");
            let established = -rng.range(800, 2_500);
            registry(
                city,
                rng,
                &uscc,
                &name,
                "company",
                &address,
                adcode,
                "active",
                established,
                None,
            );
            let treated = k < sanctioned;
            let measure = sanction_day + rng.range(0, 3);
            let exit = if treated && k < exits.0 {
                Some(measure + rng.range(exits.1, exits.2))
            } else if !treated && k - sanctioned < others {
                Some(rng.range(6, days - 6))
            } else {
                None
            };
            for (p, closes) in [(platform, None), (RIVAL, exit)] {
                let merchant = format!("{p}-h3-multi{s}-{k}");
                let shop_name = format!("多栖{s}{k}号店");
                let homed = Homed {
                    merchant: &merchant,
                    company: &name,
                    shop_name: &shop_name,
                    uscc: &uscc,
                    address: &address,
                    adcode,
                    opened: (300, 700),
                    turnover: 30_000_000,
                    orders: (2, 12),
                    order_value: 7_900,
                    listings: 10,
                };
                let measure = (p == platform && treated)
                    .then(|| (measure, 40_000, actions[k % actions.len()], reason));
                homed_shop(city, rng, p, &homed, (closes, measure), days);
            }
        }
        KIT.t_platform(city, RULE, platform, label, text);
    }
}

// ---------------------------------------------------------------------------------------------
// 传销 (禁止传销条例 第二、七条; 刑法 第二百二十四条之一及立案追诉标准: 30人以上、三级以上).

fn pyramids(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "pyramid_scheme.pyramid";
    // (platform, scheme, members per tier, entry fee, reward per downline member (all levels),
    //  own-sales reward, reward per downline member's sales (team pay), label, why)
    type Case = (
        &'static str,
        &'static str,
        &'static [usize],
        i64,
        i64,
        (i64, i64),
        i64,
        Label,
        &'static str,
    );
    let cases: [Case; 4] = [
        (
            MALL,
            "h3-pyr-gift",
            &[1, 5, 24],
            39_900,
            6_000,
            (0, 0),
            0,
            P,
            "须购399元“必买礼包”入会，按直接和间接发展人数返利，恰30人、三级（禁止传销条例第七条第（一）、（二）项；达到三十人、三级的追诉标准）",
        ),
        (
            LIVE,
            "h3-pyr-team",
            &[1, 2, 5, 12, 40],
            0,
            0,
            (2_000, 4_000),
            1_500,
            P,
            "不收入门费，但上线按全部下线的销售业绩层层提成（团队计酬），60人、五级（禁止传销条例第七条第（三）项）",
        ),
        (
            MALL,
            "h3-pyr-affiliate",
            &[1, 79],
            0,
            0,
            (2_000, 6_000),
            0,
            N,
            "单层分销：推广员免费加入，只按本人推广成交提成，没有下线层级和拉人头收益",
        ),
        (
            LOCAL,
            "h3-pyr-groupbuy",
            &[1, 6, 18, 30],
            0,
            0,
            (200, 800),
            0,
            N,
            "拼团返现：邀请好友拼团只返还本人订单的小额现金，不收费、不按发展人数或下线业绩计酬",
        ),
    ];
    for (platform, scheme, tiers, fee, per_recruit, (own_lo, own_hi), team_rate, label, text) in
        cases
    {
        let crate::kit::referrals::Tree {
            pids,
            parent,
            level_of: tier_of,
            downline,
        } = crate::kit::referrals::Tree::draw(rng, tiers);
        for (k, pid) in pids.iter().enumerate() {
            let own = if own_hi > 0 {
                rng.range(own_lo, own_hi)
            } else {
                0
            };
            city.add(platform, "referrals", json!({
                "platform_id": platform, "scheme_id": scheme, "member_pid": pid,
                "referrer_pid": parent[k].map(|j| pids[j].clone()),
                "joined_at": at((tier_of[k] as i64 * 7 + (k as i64 % 6)).min(days - 1), 32_000 + k as i64 * 61),
                "entry_fee_fen": fee, "recruitment_rewards_fen": downline[k] * per_recruit,
                "sales_rewards_fen": own + downline[k] * team_rate,
            }));
        }
        KIT.t_subject(city, RULE, "scheme", platform, scheme, label, text);
    }
}

// ---------------------------------------------------------------------------------------------
// 经营者信息 (电子商务法 第十、十五、二十七条; 网络交易监督管理办法 第八条: 年交易额10万元、多店合并计算).

fn identity(city: &mut City, rng: &mut Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    const CHECK: &str = "merchant_identity.uscc_checksum";
    const UNKNOWN: &str = "merchant_identity.unknown_uscc";
    const DEREG: &str = "merchant_identity.deregistered_selling";
    const LISTED: &str = "merchant_identity.listed_operator_selling";
    const LICENSE: &str = "merchant_identity.license_not_displayed";
    const NATURAL: &str = "merchant_identity.unregistered_natural_person";
    let farmer = rng.hex64();
    let seller = rng.hex64();
    // (platform, tag, name, registration, sells in the period, truth rows)
    type Case<'a> = (
        &'static str,
        &'a str,
        &'a str,
        Reg<'a>,
        bool,
        Vec<(&'a str, Label, &'a str)>,
    );
    let cases: Vec<Case<'_>> = vec![
        (
            MALL,
            "id-badcheck",
            "新锐贸易",
            Reg {
                valid_code: false,
                status: None,
                ..KIT.reg()
            },
            true,
            vec![
                (CHECK, P, "申报的统一社会信用代码校验位错误（GB 32100）"),
                (
                    UNKNOWN,
                    P,
                    "该代码在登记数据中查无此号（电子商务法第二十七条核验义务）",
                ),
            ],
        ),
        (
            MALL,
            "id-live-badcheck",
            "老字号酱园",
            Reg {
                valid_code: false,
                ..KIT.reg()
            },
            true,
            vec![(
                CHECK,
                N,
                "校验位不符，但登记系统中确有该代码且在营：个别存量代码不满足GB 32100校验，应以登记信息为准（数据标准第2节：只警示）",
            )],
        ),
        (
            LOCAL,
            "id-unknown-ib",
            "阿芳麻辣烫",
            Reg {
                merchant_type: "individual_business",
                status: None,
                ..KIT.reg()
            },
            true,
            vec![(UNKNOWN, P, "个体工商户代码（92开头）校验位正确但查无登记")],
        ),
        (
            MALL,
            "id-cancelled",
            "华泰日化",
            Reg {
                status: Some("cancelled"),
                ..KIT.reg()
            },
            true,
            vec![(
                DEREG,
                P,
                "登记已注销，店铺在期间后段仍持续成交（电子商务法第十条、第二十七条）",
            )],
        ),
        (
            LOCAL,
            "id-revoked-closed",
            "好滋味快餐",
            Reg {
                status: Some("revoked"),
                closed_on: Some(-60),
                ..KIT.reg()
            },
            false,
            vec![(DEREG, N, "执照被吊销前已关店，期间内没有任何销售")],
        ),
        (
            MALL,
            "id-serious",
            "速达数码",
            Reg {
                status: Some("serious_violation"),
                ..KIT.reg()
            },
            true,
            vec![(
                LISTED,
                P,
                "列入严重违法失信名单后仍在销售（findings 目录：被列入名单的经营者仍在经营；市场监督管理严重违法失信名单管理办法）",
            )],
        ),
        (
            MALL,
            "id-serious-closed",
            "鼎盛电子",
            Reg {
                status: Some("serious_violation"),
                closed_on: Some(-45),
                ..KIT.reg()
            },
            false,
            vec![(
                LISTED,
                N,
                "列入严重违法失信名单前店铺已关闭，期间内没有任何经营（市场监督管理严重违法失信名单管理办法）",
            )],
        ),
        (
            LOCAL,
            "id-nolicense-ib",
            "刘记包子",
            Reg {
                merchant_type: "individual_business",
                license: false,
                ..KIT.reg()
            },
            true,
            vec![(
                LICENSE,
                P,
                "在营个体工商户店铺未公示营业执照（电子商务法第十五条；浙江省电子商务条例第七条）",
            )],
        ),
        (
            LIVE,
            "id-np-nolicense",
            "小鹿手作",
            Reg {
                merchant_type: "natural_person",
                status: None,
                license: false,
                turnover: 4_000_000,
                ..KIT.reg()
            },
            true,
            vec![
                (
                    LICENSE,
                    N,
                    "年交易额4万元的自然人网店依法无须登记，没有营业执照可亮（电子商务法第十条、第十五条）",
                ),
                (NATURAL, N, "年交易额4万元，在10万元免登记范围内"),
            ],
        ),
        (
            MALL,
            "id-np-exact",
            "阿木的书摊",
            Reg {
                merchant_type: "natural_person",
                status: None,
                turnover: 10_000_000,
                ..KIT.reg()
            },
            true,
            vec![
                (
                    NATURAL,
                    N,
                    "年交易额恰为10万元，“不超过10万元”的免登记范围含本数（网络交易监督管理办法第八条）",
                ),
                (
                    UNKNOWN,
                    N,
                    "免登记的自然人网店依法没有信用代码，不是“查无此号”",
                ),
            ],
        ),
        (
            LIVE,
            "id-np-over",
            "阿青穿搭",
            Reg {
                merchant_type: "natural_person",
                status: None,
                turnover: 10_000_001,
                ..KIT.reg()
            },
            true,
            vec![(
                NATURAL,
                P,
                "年交易额100,000.01元，刚超过10万元免登记上限仍未登记（电子商务法第十条；网络交易监督管理办法第八条）",
            )],
        ),
        (
            MALL,
            "id-np-split-a",
            "小陈家居",
            Reg {
                merchant_type: "natural_person",
                status: None,
                turnover: 6_000_000,
                holder: Some(seller.as_str()),
                ..KIT.reg()
            },
            true,
            vec![(
                NATURAL,
                P,
                "同一自然人在两个平台各开一店、年交易额各6万元，合并12万元超过10万元（网络交易监督管理办法第八条：多店合并计算）",
            )],
        ),
        (
            LIVE,
            "id-np-split-b",
            "小陈家居直播店",
            Reg {
                merchant_type: "natural_person",
                status: None,
                turnover: 6_000_000,
                holder: Some(seller.as_str()),
                ..KIT.reg()
            },
            true,
            vec![(
                NATURAL,
                P,
                "与汇商平台上的同一经营者店铺合并计算年交易额12万元，超过免登记上限",
            )],
        ),
        (
            LOCAL,
            "id-np-farm",
            "自家果园",
            Reg {
                merchant_type: "natural_person",
                status: None,
                turnover: 15_000_000,
                holder: Some(farmer.as_str()),
                shop_name: Some("临安山核桃 自家果园自产自销"),
                ..KIT.reg()
            },
            true,
            vec![(
                NATURAL,
                N,
                "个人销售自产农副产品（山核桃），依电子商务法第十条不需登记，不受10万元限额约束",
            )],
        ),
    ];
    for (platform, tag, name, reg, sells, rows) in cases {
        let farm = tag == "id-np-farm";
        let mut s = KIT.shop_with(city, rng, platform, tag, name, &reg);
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title: if farm {
                    "自家种植 临安山核桃 500g 自产自销"
                } else {
                    "日用收纳盒 三件套"
                },
                category: if farm {
                    "食品/坚果"
                } else {
                    "家居/日用"
                },
                class: if farm { "food" } else { "general" },
                price: 4_900,
                delisted: reg.closed_on,
                ..Item::default()
            },
        );
        if sells {
            for k in 0..6 {
                KIT.sell(
                    city,
                    rng,
                    buyers,
                    &l,
                    order_no,
                    6 + k * (days - 8) / 6,
                    4_900,
                );
            }
        }
        for (rule, label, text) in rows {
            KIT.t_subject(city, rule, "merchant", platform, &s.merchant, label, text);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 集群注册 / 一址多照 (市场主体登记管理条例).

fn clusters(city: &mut City, rng: &mut Rng) {
    const RULE: &str = "registration_cluster.one_address";
    // +: 12 new companies, three representatives, one flat of 余杭区 written four ways (one with
    //    full-width digits).
    let variants = [
        "杭州市余杭区文一西路1200号3幢1012室",
        "浙江省杭州市余杭区文一西路1200号3号楼1012室",
        "余杭区文一西路1200号3幢1012",
        "杭州市余杭区文一西路１２００号３幢１０１２室",
    ];
    let reps: Vec<String> = (0..3).map(|_| rng.hex64()).collect();
    for k in 0..12 {
        let uscc = code(rng, "91", "330110", true);
        let established = -rng.range(5, 60);
        registry(
            city,
            rng,
            &uscc,
            &format!("杭州云启{k}电子商务有限公司"),
            "company",
            variants[k % 4],
            "330110",
            "active",
            established,
            Some(&reps[k % 3]),
        );
    }
    KIT.t_global(
        city,
        RULE,
        "address",
        "330110|文一西路|1200|3||1012",
        P,
        "同一住宅房间60天内新设12家电商公司，仅3人担任法定代表人，地址四种写法（含全角数字）",
    );
    // +: 10 new individual businesses on the services platform, one flat on 市心中路.
    let variants = [
        "杭州市萧山区市心中路800号2单元1503室",
        "萧山区市心中路800号2单元1503",
        "浙江省杭州市萧山区市心中路800号2单元1503室",
    ];
    for k in 0..10 {
        let rep = rng.hex64();
        let address = variants[k % 3];
        let name = format!("杭州市萧山区香{k}小吃店");
        let uscc = code(rng, "92", "330109", true);
        let established = -rng.range(10, 50);
        registry(
            city,
            rng,
            &uscc,
            &name,
            "individual_business",
            address,
            "330109",
            "active",
            established,
            Some(&rep),
        );
        city.add(LOCAL, "merchants", json!({
            "platform_id": LOCAL, "merchant_id": format!("{LOCAL}-h3-flat{k}"), "merchant_type": "individual_business",
            "uscc": uscc, "holder_pid": rep, "name": name, "shop_name": format!("香{k}小吃"), "address": address,
            "adcode": "330109", "contact_pid": rng.hex64(), "license_displayed": true,
            "opened_on": date(-rng.range(3, 40)), "closed_on": null, "annual_turnover_fen": rng.range(300_000, 3_000_000),
        }));
    }
    KIT.t_global(
        city,
        RULE,
        "address",
        "330109|市心中路|800||2|1503",
        P,
        "10家新设外卖个体户登记于同一住宅房间（“幽灵厨房”式一址多照）",
    );
    // −: one office room, six companies over eight years, each cancelled before the next moved in.
    for k in 0..6i64 {
        let uscc = code(rng, "91", "330102", true);
        let established = -2_900 + k * 480;
        city.add("registry", "registry", json!({
            "uscc": uscc, "name": format!("杭州建南{k}咨询有限公司"), "entity_type": "company",
            "legal_rep_pid": rng.hex64(), "address": "杭州市上城区建国南路288号1605室", "adcode": "330102",
            "established_on": date(established), "status": if k == 5 { "active" } else { "cancelled" },
            "business_scope": "企业管理咨询", "registered_capital_fen": 1_000_000, "annual_report_filed": k == 5,
        }));
    }
    KIT.t_global(
        city,
        RULE,
        "address",
        "330102|建国南路|288|||1605",
        N,
        "同一办公室八年间先后有六家公司，每家都在下一家设立前注销，任何时候只有一家在营：正常的租户更替，不是一址多照",
    );
}

// ---------------------------------------------------------------------------------------------
// 七日无理由退货 (消费者权益保护法 第二十五条; 网络购买商品七日无理由退货暂行办法: 签收次日起算)
// and 发票 (电子商务法 第十四条).

fn after_sales(city: &mut City, rng: &mut Rng, order_no: &mut u64) {
    const RETURN: &str = "return_refusal.no_reason_return";
    const INVOICE: &str = "invoice_refusal.not_issued";
    // (tag, title, class, offered, orders, signed second, request (days, second) after the signing
    //  day, label, why)
    type Return = (
        &'static str,
        &'static str,
        &'static str,
        bool,
        i64,
        i64,
        (i64, i64),
        Label,
        &'static str,
    );
    let cases: [Return; 6] = [
        (
            "ret-sweater",
            "羊毛衫 圆领",
            "general",
            false,
            5,
            40_000,
            (2, 36_000),
            P,
            "商家标“不支持七天无理由”，签收后第2天的申请全部被拒：法定权利不能以自设标注排除（消费者权益保护法第二十五条）",
        ),
        (
            "ret-phone",
            "智能手机 128G",
            "general",
            true,
            6,
            50_000,
            (1, 40_000),
            P,
            "承诺七日无理由，签收次日申请，6单全部被拒（第二十五条）",
        ),
        (
            "ret-edge",
            "机械键盘 87键",
            "general",
            true,
            4,
            85_800,
            (7, 82_800),
            P,
            "23:50签收，第7天23:00申请：签收次日起第7天仍在期限内，全部被拒（第二十五条；暂行办法：自签收次日起算）",
        ),
        (
            "ret-late",
            "运动背包 30L",
            "general",
            true,
            5,
            40_000,
            (8, 1_800),
            N,
            "签收次日起算的七日已满，第8天00:30才申请：刚过期限，拒绝合法",
        ),
        (
            "ret-fresh",
            "阳澄湖大闸蟹 礼盒",
            "fresh",
            false,
            5,
            40_000,
            (1, 36_000),
            N,
            "鲜活易腐商品，第二十五条第一款第（二）项除外",
        ),
        (
            "ret-magazine",
            "时尚杂志 2026年11月刊",
            "periodical",
            false,
            5,
            40_000,
            (1, 36_000),
            N,
            "已交付的期刊，第二十五条第一款第（四）项除外",
        ),
    ];
    for (tag, title, class, offered, n, signed_second, (after, req_second), label, text) in cases {
        let mut s = KIT.shop(city, rng, MALL, tag, "乐享商城");
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                class,
                price: 19_900,
                returns: offered,
                ..Item::default()
            },
        );
        for i in 0..n {
            let signed = (9 + i * 4, signed_second);
            KIT.refused_return(city, rng, &l, order_no, 45_000, signed, (after, req_second));
        }
        KIT.t_subject(city, RETURN, "merchant", MALL, &l.merchant, label, text);
    }
    // Invoices: (platform, tag, orders, status, label, why)
    let cases: [(&'static str, &str, i64, &str, Label, &str); 3] = [
        (
            LOCAL,
            "inv-none",
            12,
            "completed",
            P,
            "12笔已完成订单索要发票，一张未开（电子商务法第十四条）",
        ),
        (
            MALL,
            "inv-signed",
            9,
            "signed",
            P,
            "9笔已签收订单索要发票均未开具（电子商务法第十四条）",
        ),
        (
            MALL,
            "inv-cancelled",
            10,
            "cancelled",
            N,
            "索票订单均已取消、交易未发生，无须开票",
        ),
    ];
    for (platform, tag, n, status, label, text) in cases {
        let mut s = KIT.shop(city, rng, platform, tag, "城西文具");
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title: "办公打印纸 A4 5包",
                category: "办公/纸品",
                price: 12_900,
                ..Item::default()
            },
        );
        for i in 0..n {
            let buyer = rng.hex64();
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                5 + i * 2,
                40_000,
                12_900,
                1,
                &buyer,
                status,
            );
            row["invoice_requested"] = json!(true);
            row["invoice_issued"] = json!(false);
            city.add(platform, "orders", row);
        }
        KIT.t_subject(
            city,
            INVOICE,
            "merchant",
            platform,
            &l.merchant,
            label,
            text,
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 牟利性投诉举报 (消费者权益保护法实施条例; 市场监督管理投诉举报处理办法): objective signals only.

fn complainants(city: &mut City, rng: &mut Rng, days: i64, order_no: &mut u64) {
    const RULE: &str = "serial_complainant.profit_seeking";
    let last = days - 1;
    #[allow(clippy::too_many_arguments)]
    fn complaint(
        city: &mut City,
        rng: &mut Rng,
        id: String,
        day: i64,
        person: &str,
        kind: &str,
        merchant: String,
        text: String,
        amount: Option<i64>,
        demand: &str,
    ) {
        city.add("12315", "complaints", json!({
            "complaint_id": id, "channel": *rng.pick(&["12315_web", "12315_app", "hotline"]),
            "received_at": at(day, rng.range(32_000, 68_000)), "complainant_pid": person, "kind": kind,
            "platform_id": MALL, "merchant_id": merchant, "respondent_uscc": null, "respondent_name": "某网店",
            "order_id": null, "text": text, "amount_fen": amount, "demand": demand, "real_name": true,
        }));
    }
    // +: 30 packs of one imported snack without a Chinese label, then 14 near-identical 退一赔十
    //    claims against 12 shops in twenty days.
    let person = rng.hex64();
    let mut s = KIT.shop(city, rng, MALL, "snack", "环球零食铺");
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "进口海盐饼干 200g",
            category: "食品/饼干",
            class: "food",
            price: 1_590,
            ..Item::default()
        },
    );
    for k in 0..3 {
        let row = KIT.sale(
            rng,
            &l,
            order_no,
            3 + k,
            42_000,
            1_590,
            10,
            &person,
            "completed",
        );
        city.add(MALL, "orders", row);
    }
    let openings = ["本人购买的", "我在该店买的", "所购"];
    let closings = [
        "无中文标签，违反食品安全法，要求退一赔十。",
        "没有中文标签，属于不符合食品安全标准的食品，要求十倍赔偿。",
    ];
    for n in 0..14i64 {
        let day = last - 22 + n * 20 / 14;
        let text = format!(
            "{}进口饼干{}",
            openings[(n % 3) as usize],
            closings[(n % 2) as usize]
        );
        let amount = Some(rng.range(15_900, 47_700));
        complaint(
            city,
            rng,
            format!("h3-c-snack-{n}"),
            day,
            &person,
            "complaint",
            format!("huishang-h3-snackshop{}", n % 12),
            text,
            amount,
            "punitive_compensation",
        );
    }
    KIT.t_global(
        city,
        RULE,
        "person",
        &person,
        P,
        "一次购入30包同一无中文标签食品后，二十天内以近乎相同的文本对12家店铺投诉14件，均要求十倍赔偿（消费者权益保护法实施条例：不得利用投诉举报牟取不正当利益）",
    );
    // −: a public-spirited reporter: ten real-name reports about different shops' claims,
    //    asking only for investigation.
    let person = rng.hex64();
    let reports = [
        "某网店宣称普通枕头能治颈椎病，涉嫌虚假宣传，请核查。",
        "某店铺销售的儿童玩具无3C标志，请调查。",
        "某直播间称保健品可以治糖尿病，请依法查处。",
        "某网店标注的原价从未销售过，涉嫌价格欺诈。",
        "某店铺销售过期面包，请调查处理。",
        "某网店宣称面膜医用级，涉嫌虚假宣传。",
        "某店铺未亮照经营，请核查主体资格。",
        "某网店的电热水壶无中文说明书，请核查。",
        "某直播间称全网最低价，涉嫌违反广告法。",
        "某网店销售的口罩无生产许可信息，请调查。",
    ];
    for (n, text) in reports.iter().enumerate() {
        complaint(
            city,
            rng,
            format!("h3-c-report-{n}"),
            4 + n as i64 * 3,
            &person,
            "report",
            format!("huishang-h3-reported{n}"),
            (*text).to_string(),
            None,
            "investigate",
        );
    }
    KIT.t_global(
        city,
        RULE,
        "person",
        &person,
        N,
        "实名举报10家不同店铺的不同违法线索，只请求查处、不主张任何赔偿：正当的社会监督",
    );
    // −: one burnt desk from one faulty charger: five follow-ups to one shop for the real damage.
    let person = rng.hex64();
    let texts = [
        "购买的充电器充电时起火，烧坏书桌，要求赔偿损失450元。",
        "补充照片和消防记录：充电器起火，商家不回应。",
        "商家同意退货但不赔偿书桌损失，请继续调解。",
        "第四次反映：要求赔偿实际损失450元。",
        "商家仍拒绝赔偿，请依法处理。",
    ];
    for (n, text) in texts.iter().enumerate() {
        complaint(
            city,
            rng,
            format!("h3-c-charger-{n}"),
            6 + n as i64 * 6,
            &person,
            "complaint",
            "huishang-h3-charger-shop".to_string(),
            (*text).to_string(),
            Some(45_000),
            "compensation",
        );
    }
    KIT.t_global(
        city,
        RULE,
        "person",
        &person,
        N,
        "只针对一家店铺的一次真实财产损失，反复催办并只要求赔偿实际损失：正当维权",
    );
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use tianping_domain::schema::table;
    use tianping_ingest::keys::Duplicates;
    use tianping_ingest::validate::{RawValue, Validator};

    use super::*;
    use crate::truth::Truth;

    /// The set alone, planted into an empty city.
    fn planted(seed: u64, days: i64) -> City {
        let mut city = City {
            tables: BTreeMap::new(),
            truth: Truth::default(),
        };
        let root = Rng::new(seed);
        let mut rng = root.fork("buyers");
        let buyers: Vec<String> = (0..400).map(|_| rng.hex64()).collect();
        let mut order_no = 0;
        plant(&mut city, &root, &buyers, days, &mut order_no);
        city
    }

    #[test]
    fn the_set_is_deterministic() {
        let (a, b) = (planted(7, 60), planted(7, 60));
        assert!(a.tables == b.tables, "same seed, same rows");
        assert_eq!(a.truth.to_jsonl(), b.truth.to_jsonl());
        // The cases and labels do not depend on the seed; the rows (and pseudonyms) do.
        let c = planted(8, 60);
        let cases = |city: &City| {
            let mut v: Vec<(String, Label, String)> = city
                .truth
                .rows
                .iter()
                .map(|t| (t.rule.clone(), t.label, t.why.clone()))
                .collect();
            v.sort_by(|x, y| (&x.0, &x.2).cmp(&(&y.0, &y.2)));
            v
        };
        assert!(cases(&a) == cases(&c));
        assert!(a.tables != c.tables);
    }

    #[test]
    fn every_row_passes_validation_with_unique_keys() {
        for days in [40, 60] {
            let city = planted(7, days);
            // The two codes planted with a wrong check character on purpose (a warning, not a
            // rejection, per the standard §2).
            let bad_codes: BTreeSet<&str> = city.tables[MALL]["merchants"]
                .iter()
                .filter(|m| {
                    let id = m["merchant_id"].as_str().unwrap_or("");
                    id.ends_with("-id-badcheck") || id.ends_with("-id-live-badcheck")
                })
                .filter_map(|m| m["uscc"].as_str())
                .collect();
            assert_eq!(bad_codes.len(), 2);
            let mut warned = 0;
            let mut rows = 0;
            for (supplier, tables) in &city.tables {
                for (name, list) in tables {
                    let def = table(name).unwrap_or_else(|| panic!("unknown table {name}"));
                    let mut validator = Validator::new(def, supplier, Duplicates::none());
                    let mut keys = BTreeSet::new();
                    for (i, row) in list.iter().enumerate() {
                        let object = row.as_object().expect("a row is a JSON object");
                        for field in object.keys() {
                            assert!(
                                def.field_index(field).is_some(),
                                "{supplier}/{name}: unknown field {field}"
                            );
                        }
                        let raw = |f: usize| match object.get(def.fields[f].name) {
                            None => RawValue::Absent,
                            Some(Value::Null) => RawValue::Null,
                            Some(v) => RawValue::Json(v),
                        };
                        let (mut cells, mut warnings) = (Vec::new(), Vec::new());
                        let checked = validator.validate(i as u64, raw, &mut cells, &mut warnings);
                        assert!(
                            checked.is_ok(),
                            "{supplier}/{name} row {i}: {:?}\n{row}",
                            checked.err().map(|e| e.message_en())
                        );
                        if !warnings.is_empty() {
                            let code = row["uscc"].as_str().unwrap_or("");
                            assert!(
                                bad_codes.contains(code),
                                "{supplier}/{name} row {i}: unexpected warning {:?}",
                                warnings.iter().map(|w| w.rule).collect::<Vec<_>>()
                            );
                            warned += 1;
                        }
                        let key: Vec<String> = def
                            .key_indices()
                            .iter()
                            .map(|&k| {
                                object
                                    .get(def.fields[k].name)
                                    .map_or(String::new(), Value::to_string)
                            })
                            .collect();
                        if !key.is_empty() {
                            assert!(
                                keys.insert(key.clone()),
                                "{supplier}/{name}: duplicate key {key:?}"
                            );
                        }
                        rows += 1;
                    }
                }
            }
            // Both bad codes warn on the merchant row; the live one also on its registry row.
            assert_eq!(warned, 3, "rows warned");
            assert!(rows > 5_000, "{rows} rows");
        }
    }

    #[test]
    fn ids_stay_in_their_own_namespace() {
        let city = planted(7, 60);
        for tables in city.tables.values() {
            for (name, list) in tables {
                for row in list {
                    for field in [
                        "listing_id",
                        "order_id",
                        "review_id",
                        "session_id",
                        "doc_id",
                        "campaign_id",
                        "scheme_id",
                        "complaint_id",
                    ] {
                        if let Some(id) = row.get(field).and_then(Value::as_str) {
                            assert!(id.starts_with("h3-"), "{name}.{field} = {id}");
                        }
                    }
                    if name != &"complaints"
                        && let Some(id) = row.get("merchant_id").and_then(Value::as_str)
                    {
                        assert!(id.contains("-h3-"), "{name}.merchant_id = {id}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_truth_covers_every_detector_and_names_real_subjects() {
        let city = planted(7, 60);
        let truth = &city.truth.rows;
        assert!((120..=160).contains(&truth.len()), "{} cases", truth.len());
        let negatives = truth.iter().filter(|t| t.label == N).count();
        let share = negatives as f64 / truth.len() as f64;
        assert!(
            (0.33..=0.5).contains(&share),
            "negatives {negatives}/{}",
            truth.len()
        );
        let detectors: BTreeSet<&str> = truth.iter().map(|t| t.detector.as_str()).collect();
        assert_eq!(detectors.len(), 16, "{detectors:?}");
        // Every rule has violations and hard negatives.
        let mut labels: BTreeMap<&str, BTreeSet<bool>> = BTreeMap::new();
        for t in truth {
            labels.entry(&t.rule).or_default().insert(t.label == P);
        }
        for (rule, seen) in &labels {
            assert_eq!(seen.len(), 2, "{rule} has only one label");
        }
        // Weighted toward pricing and the five text detectors.
        let pricing = truth
            .iter()
            .filter(|t| {
                ["price_fraud", "price_discrimination", "below_cost"].contains(&t.detector.as_str())
            })
            .count();
        let text = truth
            .iter()
            .filter(|t| {
                [
                    "false_advertising",
                    "disparagement",
                    "counterfeit",
                    "unfair_terms",
                    "fair_competition_review",
                ]
                .contains(&t.detector.as_str())
            })
            .count();
        assert!(
            pricing >= 45 && text >= 55,
            "pricing {pricing}, text {text}"
        );
        let mut seen = BTreeSet::new();
        // Every subject is in the rows it is about.
        let ids = |table: &str, field: &str| -> BTreeSet<(String, String)> {
            city.tables
                .iter()
                .flat_map(|(supplier, tables)| {
                    tables.get(table).into_iter().flatten().map(move |r| {
                        let platform = r
                            .get("platform_id")
                            .and_then(Value::as_str)
                            .unwrap_or(supplier);
                        (
                            platform.to_string(),
                            r[field].as_str().unwrap_or("").to_string(),
                        )
                    })
                })
                .collect()
        };
        let addresses: Vec<String> = city.tables["registry"]["registry"]
            .iter()
            .filter_map(|r| r["address"].as_str().map(str::to_string))
            .collect();
        for t in truth {
            assert!(
                t.why.starts_with("holdout3: ") && t.why.chars().count() > 20,
                "{t:?}"
            );
            assert_eq!(t.rule.split('.').next(), Some(t.detector.as_str()));
            assert!(
                seen.insert((t.rule.clone(), t.subject.clone())),
                "twice: {t:?}"
            );
            let platform = t.subject.platform_id.clone().unwrap_or_default();
            let id = t.subject.id.clone();
            let found = match t.subject.kind.as_str() {
                "listing" => ids("listings", "listing_id").contains(&(platform, id)),
                "merchant" => ids("merchants", "merchant_id").contains(&(platform, id)),
                "live_session" => ids("live_sessions", "session_id").contains(&(platform, id)),
                "campaign" => ids("campaigns", "campaign_id").contains(&(platform, id)),
                "scheme" => ids("referrals", "scheme_id").contains(&(platform, id)),
                "platform" => ids("platforms", "platform_id")
                    .iter()
                    .any(|(p, _)| *p == id),
                "document" => ids("documents", "doc_id").iter().any(|(_, d)| *d == id),
                "person" => city.tables["12315"]["complaints"]
                    .iter()
                    .any(|c| c["complainant_pid"] == id.as_str()),
                "address" => {
                    let parts: Vec<&str> = id.split('|').collect();
                    addresses
                        .iter()
                        .any(|a| a.contains(parts[1]) && a.contains(parts[2]))
                }
                other => panic!("unexpected subject kind {other}"),
            };
            assert!(found, "no rows for {t:?}");
        }
    }

    /// The whole city with all three held-out sets, written to disk and read back the way ingest
    /// reads a delivery: every file verifies, every row is accepted.
    #[test]
    fn the_city_with_every_held_out_set_ingests_without_quarantine() {
        let out = tempfile::tempdir().unwrap();
        let written = crate::simulate(out.path(), crate::city::Scale::Tiny, 7, true).unwrap();
        let truth = std::fs::read_to_string(&written.truth).unwrap();
        assert!(
            truth
                .lines()
                .filter(|l| l.contains("\"why\":\"holdout3: "))
                .count()
                >= 120
        );
        let total = crate::settests::read_back(&written.batches);
        assert!(total.quarantined.is_empty(), "{:?}", total.quarantined);
        assert!(total.accepted > 50_000, "{} rows", total.accepted);
    }
}
