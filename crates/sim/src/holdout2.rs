//! The second held-out set: cases written from the statutes, the data standard and the findings
//! catalogue only, apart from the detectors and from the first held-out set, for a fresh measurement
//! of every detector. Each rule has at least two violations the law clearly makes and two hard
//! negatives the law clearly allows (values either side of any threshold the law states). Every id
//! starts with `h2-` (merchants `<platform>-h2-…`), every truth `why` with `holdout2: `.

use serde_json::{Value, json};

use crate::city::{City, Listing, at, date};
use crate::kit::{Item, Kit, LiveStyle, Obs, Reg, RegistryStyle, Shop, code, show_as_given};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative as N, Positive as P};

const MALL: &str = "huishang";
const LOCAL: &str = "xiansong";
const LIVE: &str = "kanbo";

/// The second set's tag, truth prefix and house style.
const KIT: Kit = Kit {
    tag: "h2",
    set: "holdout2",
    instrument: None,
    house_numbers: (1_000, 1_999),
    listed_day: -380,
    natural_suffix: "（个人）",
    individual_suffix: "商行",
    registry: RegistryStyle::Fixed,
    turnover: 60_000_000,
    display: (43_200, "330105"),
    live: LiveStyle {
        hours: (68_400, 77_400),
        viewers: (800, 30_000),
        gmv: (200_000, 8_000_000),
    },
    mark_valid_to: "2035-03-27",
};

/// Plants the second held-out set.
pub(crate) fn plant(city: &mut City, root: &Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    platforms(city, &mut root.fork("holdout2-platforms"));
    pricing(
        city,
        &mut root.fork("holdout2-pricing"),
        buyers,
        days,
        order_no,
    );
    discrimination(city, &mut root.fork("holdout2-discrimination"), days);
    below_cost(
        city,
        &mut root.fork("holdout2-cost"),
        buyers,
        days,
        order_no,
    );
    brushing(
        city,
        &mut root.fork("holdout2-brushing"),
        buyers,
        days,
        order_no,
    );
    exclusive(city, &mut root.fork("holdout2-exclusive"), days);
    advertising(city, &mut root.fork("holdout2-advertising"), days);
    marks(city, &mut root.fork("holdout2-marks"), days);
    documents(city);
    pyramids(city, &mut root.fork("holdout2-pyramids"), days);
    identity(
        city,
        &mut root.fork("holdout2-identity"),
        buyers,
        days,
        order_no,
    );
    clusters(city, &mut root.fork("holdout2-clusters"));
    after_sales(city, &mut root.fork("holdout2-after-sales"), order_no);
    complainants(
        city,
        &mut root.fork("holdout2-complainants"),
        days,
        order_no,
    );
}

// ---------------------------------------------------------------------------------------------
// New platforms (for the platform-level 二选一 cases; each platform can carry one case).

const YOUGOU: &str = "h2-yougou";
const KUAIXIAN: &str = "h2-kuaixian";
const LINGSHOU: &str = "h2-lingshou";
const TUANHAO: &str = "h2-tuanhao";
const LIANMAI: &str = "h2-lianmai";

fn platforms(city: &mut City, rng: &mut Rng) {
    for (platform, name, category, adcode) in [
        (YOUGOU, "优购综合电商平台", "sales", "330110"),
        (KUAIXIAN, "快鲜即时零售平台", "services", "330108"),
        (LINGSHOU, "邻售社区电商平台", "sales", "330106"),
        (TUANHAO, "团好生活服务平台", "services", "330105"),
        (LIANMAI, "联买电商平台", "sales", "330109"),
    ] {
        let operator = code(rng, "91", adcode, true);
        city.add(platform, "platforms", json!({
            "platform_id": platform, "name": name, "operator_uscc": operator, "categories": [category],
            "annual_active_users": rng.range(2_000_000, 40_000_000), "market_value_cny": null, "domicile_adcode": adcode,
        }));
    }
}

// ---------------------------------------------------------------------------------------------
// 价格欺诈 (明码标价和禁止价格欺诈规定 第十六、十七、十九、二十、二十一条).

fn pricing(city: &mut City, rng: &mut Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    let last = days - 1;
    let mut s = KIT.shop(city, rng, MALL, "pricing", "衡价百货");
    let buyer = |rng: &mut Rng| rng.pick(buyers).clone();

    // --- reference_price (第十六条) ---
    const REF: &str = "price_fraud.reference_price";
    // +: "原价159" while every sale of the last seven days was at 129–139.
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "羊毛混纺针织开衫 女款",
            category: "服饰/女装/针织衫",
            price: 15_900,
            ..Item::default()
        },
    );
    for d in (last - 22..last - 12).step_by(2) {
        let b = buyer(rng);
        let row = KIT.sale(rng, &l, order_no, d, 40_000, 15_900, 1, &b, "completed");
        city.add(MALL, "orders", row);
    }
    for d in last - 7..last {
        let b = buyer(rng);
        let price = if d % 2 == 0 { 12_900 } else { 13_900 };
        let row = KIT.sale(rng, &l, order_no, d, 50_000, price, 1, &b, "completed");
        city.add(MALL, "orders", row);
    }
    let v = rng.hex64();
    show_as_given(
        city,
        &l,
        &Obs {
            day: last,
            second: 40_000,
            shown: 11_900,
            reference: Some(15_900),
            kind: Some("previous_price"),
            promo: "discount",
            label: Some("换季清仓 原价159"),
            viewer: Some(&v),
            segment: "returning",
            orders_90d: Some(3),
            ..KIT.obs()
        },
    );
    KIT.t_listing_id(
        city,
        REF,
        MALL,
        &l.id,
        P,
        "“原价159”高于前七日内最低成交价129元（第十六条：未标明详情的被比较价格不得高于前七日最低成交价）",
    );
    // +: no sale in the last seven days; the compared price is above the last sale before (第十六条第二句).
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "竹炭除味包 20袋",
            price: 8_800,
            ..Item::default()
        },
    );
    for d in [last - 25, last - 19, last - 12] {
        let b = buyer(rng);
        let row = KIT.sale(rng, &l, order_no, d, 36_000, 6_800, 2, &b, "completed");
        city.add(MALL, "orders", row);
    }
    show_as_given(
        city,
        &l,
        &Obs {
            day: last,
            second: 52_000,
            page: "search",
            shown: 5_900,
            reference: Some(8_800),
            kind: Some("unspecified"),
            promo: "discount",
            viewer: Some(&rng.hex64()),
            ..KIT.obs()
        },
    );
    KIT.t_listing_id(
        city,
        REF,
        MALL,
        &l.id,
        P,
        "前七日无成交，划线价88元高于此前最后一次成交价68元（第十六条）",
    );
    // +: the compared price one yuan above a steady 7-day transaction price.
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "全棉四件套 1.8m床",
            category: "家居/床上用品",
            price: 10_000,
            ..Item::default()
        },
    );
    for d in last - 6..last {
        let b = buyer(rng);
        let row = KIT.sale(rng, &l, order_no, d, 61_000, 10_000, 1, &b, "completed");
        city.add(MALL, "orders", row);
    }
    show_as_given(
        city,
        &l,
        &Obs {
            day: last,
            second: 30_000,
            shown: 8_900,
            reference: Some(10_100),
            kind: Some("previous_price"),
            promo: "discount",
            viewer: Some(&rng.hex64()),
            device: "ios",
            ..KIT.obs()
        },
    );
    KIT.t_listing_id(
        city,
        REF,
        MALL,
        &l.id,
        P,
        "原价101元，前七日成交价均为100元：高于最低成交价即违反第十六条（非取整差异）",
    );
    // −: the compared price equals the single lowest sale six days before (不高于即合法).
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "北欧风陶瓷餐具 16件套",
            price: 12_900,
            ..Item::default()
        },
    );
    for d in last - 20..last {
        if d % 3 != 0 && d != last - 6 {
            continue;
        }
        let price = if d == last - 6 { 9_900 } else { 12_900 };
        let b = buyer(rng);
        let row = KIT.sale(rng, &l, order_no, d, 45_000, price, 1, &b, "completed");
        city.add(MALL, "orders", row);
    }
    show_as_given(
        city,
        &l,
        &Obs {
            day: last,
            second: 20_000,
            shown: 8_900,
            reference: Some(9_900),
            kind: Some("previous_price"),
            promo: "discount",
            viewer: Some(&rng.hex64()),
            ..KIT.obs()
        },
    );
    KIT.t_listing_id(
        city,
        REF,
        MALL,
        &l.id,
        N,
        "原价99元恰等于前七日内最低成交价（第六天的一笔99元），其余成交更高：不高于即合法",
    );
    // −: no sale in seven days; the compared price equals the last sale before (第十六条第二句).
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "实木砧板 大号",
            price: 12_900,
            ..Item::default()
        },
    );
    for d in [last - 30, last - 22, last - 15] {
        let b = buyer(rng);
        let row = KIT.sale(rng, &l, order_no, d, 33_000, 12_900, 1, &b, "completed");
        city.add(MALL, "orders", row);
    }
    show_as_given(
        city,
        &l,
        &Obs {
            day: last,
            second: 33_000,
            shown: 9_900,
            reference: Some(12_900),
            kind: Some("unspecified"),
            promo: "discount",
            viewer: Some(&rng.hex64()),
            ..KIT.obs()
        },
    );
    KIT.t_listing_id(
        city,
        REF,
        MALL,
        &l.id,
        N,
        "前七日无成交，划线价129元等于此前最后一次成交价：符合第十六条第二句",
    );

    // --- raise_then_discount (第十七条, 第十九条第三项) ---
    const RAISE: &str = "price_fraud.raise_then_discount";
    // +: 59 for a month, 79 two days before 双十一, then "直降10元" to 69.
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "加厚珊瑚绒睡衣 套装",
            category: "服饰/家居服",
            price: 5_900,
            ..Item::default()
        },
    );
    for d in (0..24).step_by(3) {
        show_as_given(
            city,
            &l,
            &Obs {
                day: d,
                shown: 5_900,
                viewer: Some(&rng.hex64()),
                ..KIT.obs()
            },
        );
        let b = buyer(rng);
        let row = KIT.sale(rng, &l, order_no, d, 44_000, 5_900, 1, &b, "completed");
        city.add(MALL, "orders", row);
    }
    for d in [25, 26] {
        show_as_given(
            city,
            &l,
            &Obs {
                day: d,
                shown: 7_900,
                viewer: Some(&rng.hex64()),
                ..KIT.obs()
            },
        );
    }
    for d in [27, 28] {
        show_as_given(
            city,
            &l,
            &Obs {
                day: d,
                shown: 6_900,
                reference: Some(7_900),
                kind: Some("other_disclosed"),
                promo: "discount",
                label: Some("双11直降10元 较活动前价格"),
                viewer: Some(&rng.hex64()),
                ..KIT.obs()
            },
        );
    }
    KIT.t_listing_id(
        city,
        RAISE,
        MALL,
        &l.id,
        P,
        "长期59元，双十一前两天提至79元再“直降”到69元，实付反高于原常态价（第十七条）",
    );
    // +: 199 steadily, raised to 259 for about a week without sales, then "限时8折" 207.2.
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "不锈钢炒锅 32cm 无涂层",
            category: "厨具/炒锅",
            price: 19_900,
            ..Item::default()
        },
    );
    for d in (0..last - 11).step_by(4) {
        show_as_given(
            city,
            &l,
            &Obs {
                day: d,
                shown: 19_900,
                viewer: Some(&rng.hex64()),
                device: "pc_web",
                ..KIT.obs()
            },
        );
        let b = buyer(rng);
        let row = KIT.sale(rng, &l, order_no, d, 58_000, 19_900, 1, &b, "completed");
        city.add(MALL, "orders", row);
    }
    for d in last - 10..last - 2 {
        show_as_given(
            city,
            &l,
            &Obs {
                day: d,
                shown: 25_900,
                viewer: Some(&rng.hex64()),
                device: "pc_web",
                ..KIT.obs()
            },
        );
    }
    for d in last - 2..=last {
        show_as_given(
            city,
            &l,
            &Obs {
                day: d,
                shown: 20_720,
                reference: Some(25_900),
                kind: Some("other_disclosed"),
                promo: "discount",
                label: Some("限时8折"),
                viewer: Some(&rng.hex64()),
                device: "pc_web",
                ..KIT.obs()
            },
        );
    }
    KIT.t_listing_id(
        city,
        RAISE,
        MALL,
        &l.id,
        P,
        "常态价199元，打折前八天提至259元且无成交，再以259元为基准打8折（第十七条、第十九条第三项）",
    );
    // −: the price rose from 89 to 99 early in the period and was sold at 99 for over a month; a
    //    discount from 99 is from the real prevailing price.
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "乳胶枕 成人款",
            price: 9_900,
            ..Item::default()
        },
    );
    show_as_given(
        city,
        &l,
        &Obs {
            day: 1,
            shown: 8_900,
            viewer: Some(&rng.hex64()),
            ..KIT.obs()
        },
    );
    for d in 3..last - 1 {
        if d % 2 == 0 {
            show_as_given(
                city,
                &l,
                &Obs {
                    day: d,
                    shown: 9_900,
                    viewer: Some(&rng.hex64()),
                    ..KIT.obs()
                },
            );
        }
        let b = buyer(rng);
        let row = KIT.sale(rng, &l, order_no, d, 39_000, 9_900, 1, &b, "completed");
        city.add(MALL, "orders", row);
    }
    show_as_given(
        city,
        &l,
        &Obs {
            day: last,
            shown: 8_400,
            reference: Some(9_900),
            kind: Some("previous_price"),
            promo: "discount",
            label: Some("周年庆直降15元"),
            viewer: Some(&rng.hex64()),
            ..KIT.obs()
        },
    );
    KIT.t_listing_id(
        city,
        RAISE,
        MALL,
        &l.id,
        N,
        "一个多月前调价至99元并持续以99元成交，以此为基准的折扣真实（不属于第十七条的临时抬价）",
    );
    // −: a two-day price rise long ago, reverted; the discount base is the usual price.
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "硅胶保鲜盒 6件套",
            price: 6_900,
            ..Item::default()
        },
    );
    for d in 0..last {
        let spike = d == last - 26 || d == last - 25;
        if !spike && d % 2 == 1 {
            continue;
        }
        let shown = if spike { 7_900 } else { 6_900 };
        show_as_given(
            city,
            &l,
            &Obs {
                day: d,
                shown,
                viewer: Some(&rng.hex64()),
                ..KIT.obs()
            },
        );
        if shown == 6_900 {
            let b = buyer(rng);
            let row = KIT.sale(rng, &l, order_no, d, 47_000, 6_900, 1, &b, "completed");
            city.add(MALL, "orders", row);
        }
    }
    show_as_given(
        city,
        &l,
        &Obs {
            day: last,
            shown: 5_900,
            reference: Some(6_900),
            kind: Some("previous_price"),
            promo: "discount",
            label: Some("会员日特惠"),
            viewer: Some(&rng.hex64()),
            ..KIT.obs()
        },
    );
    KIT.t_listing_id(
        city,
        RAISE,
        MALL,
        &l.id,
        N,
        "三周多前曾短暂调价两天后即恢复，本次折扣以一贯的69元为基准、且该价有近七日成交：真实折扣",
    );

    // --- bait_price (第十九条第二项, 第二十条第一项) ---
    const BAIT: &str = "price_fraud.bait_price";
    // +: the home page shows 39.9, the detail page 59.9 to the same viewer three minutes later.
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "电动牙刷 声波款",
            price: 5_990,
            ..Item::default()
        },
    );
    let v = rng.hex64();
    for (second, page, shown, promo, label) in [
        (30_000, "home", 3_990, "flash_sale", Some("秒杀价")),
        (30_180, "detail", 5_990, "none", None),
        (30_240, "checkout", 5_990, "none", None),
    ] {
        show_as_given(
            city,
            &l,
            &Obs {
                day: last - 3,
                second,
                page,
                shown,
                promo,
                label,
                viewer: Some(&v),
                segment: "returning",
                orders_90d: Some(4),
                ..KIT.obs()
            },
        );
    }
    KIT.t_listing_id(
        city,
        BAIT,
        MALL,
        &l.id,
        P,
        "首页秒杀价39.9元，同一浏览者三分钟后详情页与结算页均为59.9元（第二十条第一项）",
    );
    // +: search 25.9, cart and checkout 29.9 for the same viewer.
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "厨房纸巾 12卷",
            price: 2_990,
            ..Item::default()
        },
    );
    let v = rng.hex64();
    for (second, page, shown) in [
        (50_000, "search", 2_590),
        (50_300, "cart", 2_990),
        (50_360, "checkout", 2_990),
    ] {
        show_as_given(
            city,
            &l,
            &Obs {
                day: last - 5,
                second,
                page,
                shown,
                viewer: Some(&v),
                device: "mini_program",
                ..KIT.obs()
            },
        );
    }
    KIT.t_listing_id(
        city,
        BAIT,
        MALL,
        &l.id,
        P,
        "搜索页25.9元，同一浏览者五分钟后购物车和结算页29.9元，无任何附加条件（第十九条第二项）",
    );
    // −: the home page's "券后价" is what the viewer actually pays at checkout.
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "空气炸锅 4L",
            price: 4_590,
            ..Item::default()
        },
    );
    let v = rng.hex64();
    for (second, page, shown, payable) in [
        (61_000, "home", 3_990, 3_990),
        (61_120, "detail", 4_590, 3_990),
        (61_200, "checkout", 4_590, 3_990),
    ] {
        show_as_given(
            city,
            &l,
            &Obs {
                day: last - 4,
                second,
                page,
                shown,
                promo: "coupon",
                label: Some("券后价39.9"),
                payable: Some(payable),
                viewer: Some(&v),
                ..KIT.obs()
            },
        );
    }
    KIT.t_listing_id(
        city,
        BAIT,
        MALL,
        &l.id,
        N,
        "首页展示的券后价39.9元即结算实付价：未以低价诱骗、高价结算",
    );
    // −: a pre-sale price on the search page during the event, a higher detail price ten days
    //    later after the event ended.
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "羽绒被 冬厚款",
            price: 79_900,
            ..Item::default()
        },
    );
    let v = rng.hex64();
    for (day, page, shown, promo) in [
        (24, "search", 69_900, "flash_sale"),
        (24, "detail", 69_900, "flash_sale"),
        (34, "detail", 79_900, "none"),
    ] {
        show_as_given(
            city,
            &l,
            &Obs {
                day,
                second: 70_000,
                page,
                shown,
                promo,
                label: (promo == "flash_sale").then_some("双11预售价 11月11日止"),
                viewer: Some(&v),
                ..KIT.obs()
            },
        );
    }
    KIT.t_listing_id(
        city,
        BAIT,
        MALL,
        &l.id,
        N,
        "活动期内搜索与详情同为699元，活动结束十天后恢复799元：价格随时间变动，不是低价招徕高价结算",
    );
    // −: checkout lower than search (实际优惠更大, 第二十一条第二项).
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "帆布收纳箱 3只装",
            price: 5_990,
            ..Item::default()
        },
    );
    let v = rng.hex64();
    for (second, page, shown) in [(21_000, "search", 5_990), (21_200, "checkout", 5_790)] {
        show_as_given(
            city,
            &l,
            &Obs {
                day: last - 6,
                second,
                page,
                shown,
                viewer: Some(&v),
                ..KIT.obs()
            },
        );
    }
    KIT.t_listing_id(
        city,
        BAIT,
        MALL,
        &l.id,
        N,
        "结算价低于搜索页价格，实际优惠更大（第二十一条第二项）",
    );

    // --- fake_time_limit (第十九条第四项) ---
    const TIMER: &str = "price_fraud.fake_time_limit";
    // +: a "3-day countdown" that is still running, at the same price, two weeks later.
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "真丝眼罩 22姆米",
            price: 8_900,
            ..Item::default()
        },
    );
    let d0 = last - 14;
    for d in d0 - 8..d0 {
        show_as_given(
            city,
            &l,
            &Obs {
                day: d,
                shown: 8_900,
                viewer: Some(&rng.hex64()),
                ..KIT.obs()
            },
        );
    }
    for d in d0..=last {
        show_as_given(
            city,
            &l,
            &Obs {
                day: d,
                shown: 6_900,
                promo: "flash_sale",
                label: Some("限时特惠 倒计时3天"),
                viewer: Some(&rng.hex64()),
                ..KIT.obs()
            },
        );
    }
    KIT.t_listing_id(
        city,
        TIMER,
        MALL,
        &l.id,
        P,
        "“倒计时3天”的限时价连续十五天不变，倒计时反复重置：虚假的限时（第十九条第四项）",
    );
    // +: "今晚24点恢复原价199" at 149; still 149 on the following days.
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "智能体脂秤",
            price: 19_900,
            ..Item::default()
        },
    );
    let d0 = last - 6;
    for d in [d0 - 5, d0 - 3, d0 - 1] {
        show_as_given(
            city,
            &l,
            &Obs {
                day: d,
                shown: 19_900,
                viewer: Some(&rng.hex64()),
                ..KIT.obs()
            },
        );
    }
    show_as_given(
        city,
        &l,
        &Obs {
            day: d0,
            second: 60_000,
            shown: 14_900,
            reference: Some(19_900),
            kind: Some("previous_price"),
            promo: "discount",
            label: Some("今晚24点恢复原价199"),
            viewer: Some(&rng.hex64()),
            ..KIT.obs()
        },
    );
    for d in [d0 + 1, d0 + 2, d0 + 4] {
        show_as_given(
            city,
            &l,
            &Obs {
                day: d,
                shown: 14_900,
                viewer: Some(&rng.hex64()),
                ..KIT.obs()
            },
        );
    }
    KIT.t_listing_id(
        city,
        TIMER,
        MALL,
        &l.id,
        P,
        "称“今晚24点恢复原价199”，其后多日仍以149元销售（第十九条第四项）",
    );
    // −: "仅限今日" really ends; a separately announced two-day offer a week later, then back.
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "记忆棉坐垫",
            price: 19_900,
            ..Item::default()
        },
    );
    let d0 = last - 13;
    for d in d0 - 2..=last {
        let (shown, promo, label) = if d == d0 {
            (14_900, "flash_sale", Some("仅限今日"))
        } else if d == d0 + 7 || d == d0 + 8 {
            (16_900, "discount", Some("两日特惠 限时两天"))
        } else {
            (19_900, "none", None)
        };
        show_as_given(
            city,
            &l,
            &Obs {
                day: d,
                shown,
                promo,
                label,
                viewer: Some(&rng.hex64()),
                ..KIT.obs()
            },
        );
    }
    KIT.t_listing_id(
        city,
        TIMER,
        MALL,
        &l.id,
        N,
        "“仅限今日”次日即恢复199元；一周后另行公布的两日特惠也按期结束：限时属实",
    );
    // −: a 双十一-day price that returns to the usual price the next day.
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "加湿器 静音款",
            price: 15_900,
            ..Item::default()
        },
    );
    for d in 22..=31 {
        let (shown, promo, label) = if d == 27 {
            (12_900, "flash_sale", Some("双11当天限定价"))
        } else {
            (15_900, "none", None)
        };
        show_as_given(
            city,
            &l,
            &Obs {
                day: d,
                shown,
                promo,
                label,
                viewer: Some(&rng.hex64()),
                ..KIT.obs()
            },
        );
    }
    KIT.t_listing_id(
        city,
        TIMER,
        MALL,
        &l.id,
        N,
        "双11当天限定价，次日起恢复159元：限时属实",
    );
}

// ---------------------------------------------------------------------------------------------
// 大数据杀熟 (浙江省电子商务条例 第十四条; 平台经济反垄断指南 第十七条).

fn discrimination(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "price_discrimination.loyalty_surcharge";
    let last = days - 1;
    let mut s = KIT.shop(city, rng, LOCAL, "kill", "鲜果铺");
    // (title, price, kind, label, why)
    let cases: [(&str, i64, &str, Label, &str); 4] = [
        (
            "进口车厘子 2斤装",
            8_800,
            "shown",
            P,
            "同时段、同区县、同设备，近90天下单多的老客被展示并支付95元，少单客户88元（约高8%）：交易历史不构成不同交易条件",
        ),
        (
            "阳光玫瑰葡萄 1.5kg",
            12_900,
            "coupon",
            P,
            "标价相同，只向下单少的老客发15元券，下单多的老客不发券，实付高约13%（第十四条）",
        ),
        (
            "赣南脐橙 5kg",
            6_900,
            "random",
            N,
            "随机立减按同一公平规则发放，与下单历史无关（第十四条除外情形：随机性交易）",
        ),
        (
            "海南金煌芒 3kg",
            7_900,
            "member",
            N,
            "会员价让会员（老客）少付，老客没有被加价",
        ),
    ];
    for (title, price, kind, label, text) in cases {
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                category: "生鲜/水果",
                class: "fresh",
                price,
                returns: false,
                ..Item::default()
            },
        );
        let draws = [0i64, 300, 800, 1_500];
        for k in 0..360i64 {
            let heavy = k % 2 == 0;
            let orders = if heavy { 18 + (k % 7) * 3 } else { 1 + k % 3 };
            let (shown, promo, label_text, payable, segment) = match kind {
                "shown" => {
                    let p = if heavy { 9_500 } else { 8_800 };
                    (p, "none", None, p, "returning")
                }
                "coupon" => {
                    if heavy {
                        (price, "none", None, price, "returning")
                    } else {
                        (
                            price,
                            "coupon",
                            Some("店铺券 满100减15"),
                            price - 1_500,
                            "returning",
                        )
                    }
                }
                "random" => {
                    let cut = draws[((k / 2) % 4) as usize];
                    (
                        price,
                        "random_draw",
                        Some("随机立减 最高15元"),
                        price - cut,
                        "returning",
                    )
                }
                _ => {
                    if heavy {
                        (price, "member", Some("会员价"), price * 92 / 100, "member")
                    } else {
                        (price, "none", None, price, "returning")
                    }
                }
            };
            let viewer = rng.hex64();
            show_as_given(
                city,
                &l,
                &Obs {
                    day: last - 9 + (k / 40),
                    second: 64_800 + (k % 40) * 45,
                    page: "checkout",
                    shown,
                    promo,
                    label: label_text,
                    payable: Some(payable),
                    viewer: Some(&viewer),
                    segment,
                    orders_90d: Some(orders),
                    device: "android",
                    adcode: "330108",
                    ..KIT.obs()
                },
            );
        }
        KIT.t_listing_id(city, RULE, LOCAL, &l.id, label, text);
    }
}

// ---------------------------------------------------------------------------------------------
// 低于成本销售 (价格法 第十四条第（二）项，及其鲜活、季节性、积压商品除外).

fn below_cost(city: &mut City, rng: &mut Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    const RULE: &str = "below_cost.sustained";
    let last = days - 1;
    let mut s = KIT.shop(city, rng, MALL, "cost", "惠民电器");
    // (title, class, costs [(from, to, cost, basis)], price, first day, days sold, label, why)
    type Case<'a> = (
        &'a str,
        &'a str,
        Vec<(i64, Option<i64>, i64, &'a str)>,
        i64,
        i64,
        i64,
        Label,
        &'a str,
    );
    let cases: Vec<Case<'_>> = vec![
        (
            "电热水壶 1.7L",
            "general",
            vec![(-200, None, 4_500, "audited")],
            3_200,
            last - 21,
            20,
            P,
            "连续20天以32元销售，经核实单位成本45元：持续低于成本倾销（价格法第十四条第（二）项）",
        ),
        (
            "电饭煲 4L 智能款",
            "general",
            vec![(-150, None, 12_000, "declared")],
            11_900,
            last - 15,
            14,
            P,
            "连续14天以119元销售，低于申报成本120元，非鲜活、季节性或积压商品",
        ),
        (
            "东魁杨梅 季末 2kg",
            "fresh",
            vec![(-60, None, 6_000, "audited")],
            3_500,
            last - 6,
            5,
            N,
            "季末降价处理鲜活商品，价格法第十四条第（二）项明文除外",
        ),
        (
            "电吹风 负离子",
            "general",
            vec![(-150, None, 12_000, "declared")],
            12_050,
            last - 15,
            14,
            N,
            "售价120.5元，略高于成本120元：不低于成本",
        ),
        (
            "电暖器 油汀",
            "general",
            vec![
                (-300, Some(last - 20), 9_000, "audited"),
                (last - 19, None, 6_000, "audited"),
            ],
            7_000,
            last - 16,
            14,
            N,
            "旧成本90元已于降价前失效，现行核实成本60元，售价70元高于现行成本",
        ),
    ];
    for (title, class, costs, price, first, n, label, text) in cases {
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                class,
                category: if class == "fresh" {
                    "生鲜/水果"
                } else {
                    "家电/生活电器"
                },
                price: price + 2_000,
                returns: class != "fresh",
                ..Item::default()
            },
        );
        for (from, to, cost, basis) in costs {
            city.add(MALL, "costs", json!({
                "platform_id": MALL, "listing_id": l.id, "valid_from": date(from), "valid_to": to.map(date),
                "unit_cost_fen": cost, "basis": basis,
            }));
        }
        for d in first..first + n {
            for k in 0..2 {
                let b = rng.pick(buyers).clone();
                let row = KIT.sale(
                    rng,
                    &l,
                    order_no,
                    d,
                    36_000 + k * 9_000,
                    price,
                    1,
                    &b,
                    "completed",
                );
                city.add(MALL, "orders", row);
            }
        }
        KIT.t_listing_id(city, RULE, MALL, &l.id, label, text);
    }
}

// ---------------------------------------------------------------------------------------------
// 刷单炒信 (反不正当竞争法 第八条; 电子商务法 第十七条).

const FIVE_STAR: &[&str] = &[
    "好评！质量很好，下次还来",
    "好评！质量很好，下次还来~",
    "东西不错，好评！质量很好",
];

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
    city.add(l.platform, "reviews", json!({
        "platform_id": l.platform, "review_id": format!("h2-rv{}", row["order_id"].as_str().unwrap_or("").trim_start_matches("h2-o")),
        "order_id": row["order_id"], "listing_id": l.id, "merchant_id": l.merchant, "reviewer_pid": row["buyer_pid"],
        "rating": rating, "text": text, "has_media": rng.chance(0.2), "created_at": at(day, second),
    }));
}

fn brushing(city: &mut City, rng: &mut Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    const RULE: &str = "fake_orders.brushing_ring";
    let last = days - 1;
    // Honest trade of a shop: about one order a day, some reviewed days later.
    let honest = |city: &mut City, rng: &mut Rng, l: &Listing, order_no: &mut u64| {
        for d in 0..days {
            if !rng.chance(0.8) {
                continue;
            }
            let b = rng.pick(buyers).clone();
            let second = rng.range(30_000, 75_000);
            let row = KIT.sale(rng, l, order_no, d, second, l.price, 1, &b, "completed");
            if rng.chance(0.3) {
                let text = crate::background::honest_review_text(rng);
                let rating = rng.range(3, 5);
                let at_second = rng.range(0, 86_000);
                review(city, rng, l, &row, rating, &text, d + 4, at_second);
            }
            city.add(l.platform, "orders", row);
        }
    };

    // +: 18 accounts on three phones and two networks, three days of empty parcels to two drop
    //    addresses, templated five-star reviews minutes after signing.
    let mut s = KIT.shop(city, rng, MALL, "ring-a", "暖居家纺");
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "法兰绒毛毯 150×200",
            price: 6_900,
            ..Item::default()
        },
    );
    honest(city, rng, &l, order_no);
    let accounts: Vec<String> = (0..18).map(|_| rng.hex64()).collect();
    let phones: Vec<String> = (0..3).map(|_| rng.hex64()).collect();
    let nets: Vec<String> = (0..2).map(|_| rng.hex64()).collect();
    let drops: Vec<String> = (0..2).map(|_| rng.hex64()).collect();
    let burst = last - 20;
    for (a, account) in accounts.iter().enumerate() {
        for _ in 0..rng.range(3, 5) {
            let day = burst + rng.range(0, 2);
            let second = rng.range(32_000, 70_000);
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                day,
                second,
                6_900,
                1,
                account,
                "completed",
            );
            row["device_pid"] = json!(phones[a % 3]);
            row["ip_pid"] = json!(nets[a % 2]);
            row["ship_address_pid"] = json!(drops[a % 2]);
            row["ship_adcode"] = json!("330109");
            row["parcel_weight_g"] = json!(rng.range(5, 20));
            let signed = second + 60 + 86_400 + rng.range(0, 7_200);
            row["signed_at"] = json!(at(day, signed));
            let text = FIVE_STAR[rng.below(FIVE_STAR.len() as u64) as usize];
            let reviewed = signed + rng.range(600, 2_400);
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
        "18个账号共用3部手机、2个网络，三天内反复下单、空包（5–20克）寄往2个地址，签收后数十分钟内模板好评（反不正当竞争法第八条）",
    );
    // +: 40 new accounts, two orders each spread over twelve days, three drop addresses, "signed"
    //    minutes after payment (no real delivery), five-star reviews within the hour.
    let mut s = KIT.shop(city, rng, LIVE, "ring-b", "果然好物");
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "即食燕窝 6瓶礼盒",
            category: "食品/滋补",
            class: "food",
            price: 19_900,
            ..Item::default()
        },
    );
    honest(city, rng, &l, order_no);
    let drops: Vec<String> = (0..3).map(|_| rng.hex64()).collect();
    let praise = [
        "送长辈很有面子，五星",
        "包装高档，口感顺滑，五星推荐",
        "第二次买了，品质稳定，五星",
    ];
    for a in 0..40 {
        let account = rng.hex64();
        for k in 0..2 {
            let day = last - 14 + (a % 12) + k;
            let second = rng.range(40_000, 80_000);
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                day,
                second,
                19_900,
                1,
                &account,
                "completed",
            );
            row["ship_address_pid"] = json!(drops[a as usize % 3]);
            row["ship_adcode"] = json!("330113");
            let signed = second + 60 + rng.range(300, 1_200);
            row["signed_at"] = json!(at(day, signed));
            let reviewed = signed + rng.range(300, 3_000);
            let text = praise[rng.below(3) as usize];
            review(city, rng, &l, &row, 5, text, day, reviewed);
            city.add(LIVE, "orders", row);
        }
    }
    KIT.t_subject(
        city,
        RULE,
        "merchant",
        LIVE,
        &l.merchant,
        P,
        "40个只在该店下单的账号，收货地址集中于3个，付款后几分钟即“签收”（快递不可能送达），一小时内五星好评：虚构交易、编造评价（电子商务法第十七条）",
    );
    // −: a community group-buy: neighbours order every Sunday to one pickup point.
    let mut s = KIT.shop(city, rng, LOCAL, "tuangou", "邻里鲜果团");
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "社区团购 当季水果拼箱",
            category: "生鲜/水果",
            class: "fresh",
            price: 3_990,
            returns: false,
            ..Item::default()
        },
    );
    let pickup = rng.hex64();
    let neighbours: Vec<String> = (0..45).map(|_| rng.hex64()).collect();
    for week in 0..days / 7 {
        let day = week * 7 + 3;
        for n in &neighbours {
            if !rng.chance(0.65) {
                continue;
            }
            let second = rng.range(28_000, 72_000);
            let quantity = rng.range(1, 3);
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                day,
                second,
                3_990,
                quantity,
                n,
                "completed",
            );
            row["ship_address_pid"] = json!(pickup);
            row["ship_adcode"] = json!("330106");
            if rng.chance(0.15) {
                let text = crate::background::honest_review_text(rng);
                let rating = rng.range(2, 5);
                let when = rng.range(30_000, 80_000);
                review(city, rng, &l, &row, rating, &text, day + 1, when);
            }
            city.add(LOCAL, "orders", row);
        }
    }
    KIT.t_subject(
        city,
        RULE,
        "merchant",
        LOCAL,
        &l.merchant,
        N,
        "社区团购：邻居每周固定送到同一自提点，设备、网络各异，评价少且有差评，属真实交易",
    );
    // −: a 双十一 flash sale: 220 ordinary shoppers in one day.
    let mut s = KIT.shop(city, rng, MALL, "flash", "简约家");
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "折叠晾衣架 落地款",
            price: 4_990,
            ..Item::default()
        },
    );
    for _ in 0..220 {
        let b = rng.pick(buyers).clone();
        let second = rng.range(0, 86_000);
        let row = KIT.sale(rng, &l, order_no, 27, second, 3_990, 1, &b, "completed");
        if rng.chance(0.2) {
            let text = crate::background::honest_review_text(rng);
            let rating = rng.range(3, 5);
            let when = rng.range(0, 86_000);
            review(city, rng, &l, &row, rating, &text, 31, when);
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
        "双十一秒杀：220个普通买家各买一次，设备、地址、签收、评价均正常，只是集中在一天",
    );
}

// ---------------------------------------------------------------------------------------------
// 二选一 (电子商务法 第三十五条; 平台经济反垄断指南 第十五条; 网络交易监督管理办法).

/// (platform, dual-homed operators, sanctioned, sanctioned who leave the rival (and how many days
/// after the sanction), others who leave, actions, reason, sanction day, exits before the
/// sanction, label, why)
type Exclusive = (
    &'static str,
    usize,
    usize,
    usize,
    (i64, i64),
    usize,
    &'static [&'static str],
    &'static str,
    i64,
    bool,
    Label,
    &'static str,
);

fn exclusive(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "exclusive_dealing.forced_exit";
    let scenarios: [Exclusive; 4] = [
        (
            YOUGOU,
            24,
            12,
            10,
            (3, 12),
            0,
            &["traffic_limit", "listing_removal"],
            "经营者在联买平台同时经营，依据平台合作规则限制流量并下架部分商品",
            days / 3,
            false,
            P,
            "对同时在联买经营的12家商家限流、下架，其中10家随即关闭联买店铺，未受处罚的12家无一退出：以惩罚性措施迫使二选一（指南第十五条）",
        ),
        (
            KUAIXIAN,
            16,
            10,
            7,
            (1, 10),
            1,
            &["fee_increase", "deposit_deduction"],
            "未签署独家合作协议，依据平台规则上调技术服务费并扣取保证金",
            days / 3 + 3,
            false,
            P,
            "以未签独家协议为由提高收费、扣保证金，10家中7家十天内关闭联买店铺（电子商务法第三十五条）",
        ),
        (
            LINGSHOU,
            20,
            10,
            1,
            (20, 20),
            1,
            &["listing_removal"],
            "经权利人投诉并核实，涉嫌销售侵权商品，下架相关商品",
            days / 3,
            false,
            N,
            "因侵权投诉下架商品（保护知识产权的正当理由），此后退出联买的比例与未处罚商家相同",
        ),
        (
            TUANHAO,
            14,
            8,
            8,
            (0, 0),
            0,
            &["search_demotion"],
            "多次延迟发货、虚假发货，依据平台物流时效规则搜索降权",
            days / 2,
            true,
            N,
            "商家先于处罚两三周因联买关停类目而退出，本平台的降权发生在退出之后且理由为发货违规：无迫使二选一的因果",
        ),
    ];
    for (
        s,
        &(
            platform,
            operators,
            sanctioned,
            leaving,
            (lo, hi),
            others,
            actions,
            reason,
            sanction_day,
            exit_first,
            label,
            text,
        ),
    ) in scenarios.iter().enumerate()
    {
        for k in 0..operators {
            let (adcode, address) = KIT.address(rng);
            let uscc = code(rng, "91", adcode, true);
            let name = format!("杭州双栖{s}{k}商贸有限公司");
            city.add("registry", "registry", json!({
                "uscc": uscc, "name": name, "entity_type": "company", "legal_rep_pid": rng.hex64(), "address": address,
                "adcode": adcode, "established_on": date(-rng.range(800, 2_500)), "status": "active",
                "business_scope": "食品、日用百货销售", "registered_capital_fen": 30_000_000, "annual_report_filed": true,
            }));
            let treated = k < sanctioned;
            let measure = sanction_day + rng.range(0, 4);
            let exit = if treated && k < leaving {
                if exit_first {
                    Some(8 + rng.range(0, 6))
                } else {
                    Some(measure + rng.range(lo, hi))
                }
            } else if !treated && k - sanctioned < others {
                Some(rng.range(5, days - 8))
            } else {
                None
            };
            for (p, closes) in [(platform, None), (LIANMAI, exit)] {
                let merchant = format!("{p}-h2-dual{s}-{k}");
                city.add(p, "merchants", json!({
                    "platform_id": p, "merchant_id": merchant, "merchant_type": "company", "uscc": uscc, "holder_pid": null,
                    "name": name, "shop_name": format!("双栖{s}{k}号店"), "address": address, "adcode": adcode,
                    "contact_pid": rng.hex64(), "license_displayed": true, "opened_on": date(-rng.range(300, 700)),
                    "closed_on": closes.map(date), "annual_turnover_fen": 40_000_000,
                }));
                for day in 0..days {
                    if closes.is_some_and(|c| day > c + 1) {
                        break;
                    }
                    let closed = closes.is_some_and(|c| day >= c);
                    let orders = if closed { 0 } else { rng.range(1, 15) };
                    city.add(p, "merchant_daily", json!({
                        "platform_id": p, "merchant_id": merchant, "uscc": uscc, "date": date(day),
                        "status": if closed { "closed" } else { "open" }, "active_listings": if closed { 0 } else { 8 },
                        "orders": orders, "gmv_fen": orders * 6_500,
                    }));
                }
                if p == platform && treated {
                    city.add(
                        p,
                        "merchant_sanctions",
                        json!({
                            "platform_id": p, "merchant_id": merchant, "at": at(measure, 39_600),
                            "action": actions[k % actions.len()], "reason_text": reason,
                        }),
                    );
                }
            }
        }
        KIT.t_platform(city, RULE, platform, label, text);
    }
}

// ---------------------------------------------------------------------------------------------
// 广告法 in listings and live streams (第九条第（三）项及 2023 执法指南, 第十六至十八条, 第四十六条).

fn advertising(city: &mut City, rng: &mut Rng, days: i64) {
    let day = days / 2;
    // --- absolute_terms ---
    const ABS: &str = "false_advertising.absolute_terms";
    let mut s = KIT.shop(city, rng, MALL, "abs", "匠心日用");
    KIT.ad_case(
        city,
        &mut s,
        ABS,
        P,
        "标题称“顶级工艺”“行业最强”（广告法第九条第（三）项）",
        &Item {
            title: "顶级工艺 行业最强保温杯 500ml",
            description: Some("316不锈钢内胆，24小时保温。"),
            price: 12_900,
            ..Item::default()
        },
    );
    KIT.ad_case(
        city,
        &mut s,
        ABS,
        P,
        "称“全球首款”“史上最舒适”“无可替代”，无任何依据和时间地域限定",
        &Item {
            title: "桑蚕丝枕套 单只",
            description: Some("全球首款双面真丝枕套，史上最舒适的睡眠体验，无可替代。"),
            category: "家居/床上用品",
            price: 16_900,
            ..Item::default()
        },
    );
    KIT.ad_case(
        city,
        &mut s,
        ABS,
        N,
        "官方赛事授予的名次并注明年度与赛事（执法指南：依法获得的荣誉称号、表明时间和范围的排序）",
        &Item {
            title: "手工竹编茶盘",
            description: Some("本作品荣获2025年浙江省第五届手工竹编技能大赛第一名，附获奖证书。"),
            price: 29_900,
            ..Item::default()
        },
    );
    KIT.ad_case(
        city,
        &mut s,
        ABS,
        N,
        "“本店续航最长的一款”是同一经营者自身产品之间的真实比较（执法指南第1项）",
        &Item {
            title: "便携榨汁杯 第三代",
            description: Some("本店续航最长的一款，比本店第二代产品续航提升30%。"),
            price: 8_900,
            ..Item::default()
        },
    );
    KIT.ad_case(
        city,
        &mut s,
        ABS,
        N,
        "“水温最好在95℃以上”是使用方法提示（执法指南第2项）",
        &Item {
            title: "紫砂壶 朱泥西施 200ml",
            description: Some("冲泡乌龙茶时水温最好在95℃以上，首次使用前请用沸水烫洗。"),
            price: 35_900,
            ..Item::default()
        },
    );
    let host = KIT.shop(city, rng, LIVE, "abs-live", "好价直播");
    KIT.live_case(
        city,
        rng,
        &host,
        ABS,
        "h2-live-abs-p",
        day,
        P,
        "直播称“全网最便宜”“绝对找不到更低的”",
        "来来来家人们，这款不粘锅今天的价格是全网最便宜的，绝对找不到比我们更低的了，库存不多抓紧拍。",
    );
    KIT.live_case(
        city,
        rng,
        &host,
        ABS,
        "h2-live-abs-n",
        day + 1,
        N,
        "“第一时间发货”“最晚四十八小时”是时间表述，“最用心”是服务态度，均不指向商品（执法指南）",
        "拍下后我们第一时间给大家安排发货，最晚四十八小时内发出，售后方面我们力求做到最用心，有问题随时找客服。",
    );

    // --- health_claims ---
    const CLAIMS: &str = "false_advertising.health_claims";
    let mut s = KIT.shop(city, rng, MALL, "claims", "草本生活");
    KIT.ad_case(
        city,
        &mut s,
        CLAIMS,
        P,
        "普通食品宣称“消炎”“辅助治疗慢性咽炎”（广告法第十七条）",
        &Item {
            title: "蒲公英根茶 清热消炎 30袋",
            description: Some("每天三杯，辅助治疗慢性咽炎，消除炎症。"),
            category: "食品/茶饮",
            class: "food",
            price: 3_900,
            ..Item::default()
        },
    );
    KIT.ad_case(
        city,
        &mut s,
        CLAIMS,
        P,
        "普通化妆品宣称防脱、生发（防脱发属特殊化妆品功效，化妆品不得宣称医疗作用）",
        &Item {
            title: "生姜防脱育发洗发水 500ml",
            description: Some("一个月告别脱发，促进新发生长。"),
            category: "美妆/洗发护发",
            class: "ordinary_cosmetic",
            price: 6_900,
            ..Item::default()
        },
    );
    KIT.ad_case(
        city,
        &mut s,
        CLAIMS,
        N,
        "医疗器械广告在注册范围内说明适用范围，附广告批准文号和忠告语（广告法第十六、十七条）",
        &Item {
            title: "医用冷敷贴 10贴",
            description: Some(
                "用于闭合性软组织损伤的冷敷。适用范围以注册证为准。请仔细阅读产品说明书或者在医务人员的指导下购买和使用。",
            ),
            category: "医药/器械",
            class: "medical_device",
            approval: Some("浙械广审(文)第260910012号"),
            price: 2_900,
            ..Item::default()
        },
    );
    KIT.ad_case(
        city,
        &mut s,
        CLAIMS,
        N,
        "特殊化妆品（特字号）在注册功效范围内宣称美白淡斑",
        &Item {
            title: "烟酰胺美白淡斑精华液 30ml",
            description: Some("已取得特殊化妆品注册证，美白淡斑功效经评价。"),
            category: "美妆/面部护肤/精华",
            class: "special_cosmetic",
            price: 18_900,
            ..Item::default()
        },
    );
    let host = KIT.shop(city, rng, LIVE, "claims-live", "安睡家居");
    KIT.live_case(
        city,
        rng,
        &host,
        CLAIMS,
        "h2-live-claims-p",
        day,
        P,
        "普通床垫宣称治失眠、治风湿关节炎、“比吃药管用”（广告法第十七条）",
        "我们这个磁疗床垫，睡上一个月失眠就好了，风湿关节炎也能治好，比吃药还管用，爸妈那辈人一定要备一张。",
    );
    KIT.live_case(
        city,
        rng,
        &host,
        CLAIMS,
        "h2-live-claims-n",
        day + 2,
        N,
        "主播明确说明普通保湿霜没有美白祛斑功效并建议就医：没有功效或疗效宣称",
        "这款面霜就是普通的保湿霜，没有美白祛斑的功效，脸上有斑的朋友请去正规医院咨询医生，别信那些乱说的。",
    );

    // --- missing_statement (广告法第十八条第二款) ---
    const STATEMENT: &str = "false_advertising.missing_statement";
    let mut s = KIT.shop(city, rng, MALL, "statement", "元气保健");
    KIT.ad_case(
        city,
        &mut s,
        STATEMENT,
        P,
        "保健食品广告宣传保健功能，未显著标明“本品不能代替药物”",
        &Item {
            title: "辅酶Q10软胶囊 60粒",
            description: Some("蓝帽保健食品，保健功能：抗氧化。每日一粒，适合经常熬夜人群。"),
            category: "保健食品/营养补充",
            class: "health_food",
            approval: Some("浙食健广审(文)第260915031号"),
            price: 16_800,
            ..Item::default()
        },
    );
    KIT.ad_case(
        city,
        &mut s,
        STATEMENT,
        N,
        "保健食品广告开头即标明“本品不能代替药物”",
        &Item {
            title: "大豆异黄酮片 90片",
            description: Some("【本品不能代替药物】保健功能：有助于维持骨密度。每日两片。"),
            category: "保健食品/营养补充",
            class: "health_food",
            approval: Some("浙食健广审(文)第260915032号"),
            price: 13_800,
            ..Item::default()
        },
    );
    KIT.ad_case(
        city,
        &mut s,
        STATEMENT,
        N,
        "普通食品不是保健食品，法律不要求该声明",
        &Item {
            title: "即食燕麦片 1kg",
            description: Some("澳洲燕麦，开水冲泡即食，早餐方便。"),
            category: "食品/冲饮",
            class: "food",
            price: 3_500,
            ..Item::default()
        },
    );
    let host = KIT.shop(city, rng, LIVE, "statement-live", "营养课堂");
    KIT.live_case(
        city,
        rng,
        &host,
        STATEMENT,
        "h2-live-stmt-p",
        day,
        P,
        "直播推销蓝帽子保健食品并讲保健功能，全程未说明“本品不能代替药物”",
        "家人们这款蓝帽子保健食品褪黑素软糖，改善睡眠的保健功能是批过的，每晚一粒，今天买二送一，链接已经上好了。",
    );
    KIT.live_case(
        city,
        rng,
        &host,
        STATEMENT,
        "h2-live-stmt-n",
        day + 1,
        N,
        "直播推销保健食品时已口播“本品不能代替药物”",
        "这款蓝帽子鱼油软胶囊，保健功能是有助于维持血脂健康水平，每天两粒。本品不能代替药物，有疾病请遵医嘱。",
    );

    // --- missing_approval (广告法第四十六条; 三品一械广告审查) ---
    const APPROVAL: &str = "false_advertising.missing_approval";
    let mut s = KIT.shop(city, rng, MALL, "approval", "康宁医药");
    KIT.ad_case(
        city,
        &mut s,
        APPROVAL,
        P,
        "保健食品广告宣传保健功能，未载明广告批准文号",
        &Item {
            title: "氨糖软骨素钙片 120片",
            description: Some("保健功能：增加骨密度。每日两片，中老年人适用。本品不能代替药物。"),
            category: "保健食品/营养补充",
            class: "health_food",
            price: 19_800,
            ..Item::default()
        },
    );
    KIT.ad_case(
        city,
        &mut s,
        APPROVAL,
        P,
        "医疗器械（制氧机）广告未载明广告批准文号",
        &Item {
            title: "家用制氧机 5L 带雾化",
            description: Some(
                "分子筛制氧，静音运行，适用于家庭氧疗。请仔细阅读产品说明书或者在医务人员的指导下购买和使用。",
            ),
            category: "医药/器械",
            class: "medical_device",
            price: 259_900,
            ..Item::default()
        },
    );
    KIT.ad_case(
        city,
        &mut s,
        APPROVAL,
        N,
        "药品广告载明了广告批准文号（全角括号写法）",
        &Item {
            title: "健胃消食片 36片",
            description: Some("用于脾胃虚弱所致的食积。请按药品说明书或者在药师指导下购买和使用。"),
            category: "医药/非处方药",
            class: "drug",
            approval: Some("浙药广审（文）第260913021号"),
            price: 1_600,
            ..Item::default()
        },
    );
    KIT.ad_case(
        city,
        &mut s,
        APPROVAL,
        N,
        "医疗器械广告载明了广告批准文号",
        &Item {
            title: "电子体温计 软头款",
            description: Some(
                "约10秒出结果，软头设计。请仔细阅读产品说明书或者在医务人员的指导下购买和使用。",
            ),
            category: "医药/器械",
            class: "medical_device",
            approval: Some("浙械广审(文)第260913022号"),
            price: 2_500,
            ..Item::default()
        },
    );
    KIT.ad_case(
        city,
        &mut s,
        APPROVAL,
        N,
        "按摩椅属普通商品，不是三品一械，无须广告审查",
        &Item {
            title: "零重力按摩椅 家用",
            description: Some("8种按摩手法，一键启动，可折叠收纳。"),
            price: 399_900,
            ..Item::default()
        },
    );
}

// ---------------------------------------------------------------------------------------------
// 商标 (商标法 第五十七条) and 商业诋毁 (反不正当竞争法 第十一条).

fn marks(city: &mut City, rng: &mut Rng, days: i64) {
    const CF: &str = "counterfeit.mark_lookalike";
    const DIS: &str = "disparagement.named_competitor";
    let day = days / 2 + 3;
    // Owners, their genuine goods, and licensees.
    let mut lanyue = KIT.shop(city, rng, MALL, "lanyue", "澜悦化妆品");
    let mut velora = KIT.shop(city, rng, MALL, "velora", "维罗拉电器");
    let mut luming = KIT.shop(city, rng, MALL, "luming", "鹿鸣山茶业");
    KIT.trademark(city, "79260001", "澜悦", &lanyue, &[3]);
    KIT.trademark(city, "79260002", "VELORA", &velora, &[7, 11]);
    KIT.trademark(city, "79260003", "鹿鸣山", &luming, &[30]);
    for (s, title, brand, class, price) in [
        (
            &mut lanyue,
            "澜悦 玻尿酸保湿面霜 50g",
            "澜悦",
            "ordinary_cosmetic",
            25_900,
        ),
        (
            &mut velora,
            "VELORA V8 无线吸尘器",
            "VELORA",
            "general",
            199_900,
        ),
        (
            &mut luming,
            "鹿鸣山 明前龙井 250g",
            "鹿鸣山",
            "food",
            58_800,
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
    let mut vel_lic = KIT.shop(city, rng, MALL, "velora-lic", "净界家电");
    city.add(
        "ip_office",
        "trademark_licenses",
        json!({"reg_no": "79260002", "licensee_uscc": vel_lic.uscc, "valid_to": "2029-12-31"}),
    );
    let mut lum_lic = KIT.shop(city, rng, LOCAL, "luming-lic", "西湖茶庄");
    city.add(
        "ip_office",
        "trademark_licenses",
        json!({"reg_no": "79260003", "licensee_uscc": lum_lic.uscc, "valid_to": null}),
    );
    // The owner's own shop on the live platform: the same operator (same credit code).
    let own_merchant = format!("{LIVE}-h2-lanyue-live");
    city.add(LIVE, "merchants", json!({
        "platform_id": LIVE, "merchant_id": own_merchant, "merchant_type": "company", "uscc": lanyue.uscc, "holder_pid": null,
        "name": lanyue.name, "shop_name": "澜悦官方直播店", "address": "杭州市余杭区良睦路1399号", "adcode": "330110",
        "contact_pid": rng.hex64(), "license_displayed": true, "opened_on": date(-300), "closed_on": null,
        "annual_turnover_fen": 90_000_000,
    }));
    let mut own = Shop {
        platform: LIVE,
        merchant: own_merchant,
        uscc: lanyue.uscc.clone(),
        name: lanyue.name.clone(),
        listings: 0,
    };

    let mut fake = KIT.shop(city, rng, MALL, "copy", "品汇优选");
    let cases: [(Label, &str, Item<'_>); 3] = [
        (
            P,
            "“瀾悦”与注册商标“澜悦”仅繁简之别，用于同类化妆品且售价远低于正品（商标法第五十七条第（二）项）",
            Item {
                title: "瀾悦 玻尿酸保湿面霜 50g",
                brand: Some("瀾悦"),
                class: "ordinary_cosmetic",
                category: "美妆/面部护肤/面霜",
                price: 3_900,
                ..Item::default()
            },
        ),
        (
            P,
            "“VEL0RA”以数字0冒充字母O，用于同类吸尘器，售价约为正品五分之一",
            Item {
                title: "VEL0RA V8 无线吸尘器 同款",
                brand: Some("VEL0RA"),
                price: 39_900,
                ..Item::default()
            },
        ),
        (
            P,
            "非被许可人在同种商品上使用相同商标“鹿鸣山”，并称“原厂尾单 1:1”（商标法第五十七条第（一）项）",
            Item {
                title: "鹿鸣山 明前龙井 原厂尾单 1:1",
                brand: Some("鹿鸣山"),
                class: "food",
                category: "食品/茶叶/绿茶",
                price: 6_800,
                ..Item::default()
            },
        ),
    ];
    for (label, text, item) in &cases {
        let l = KIT.listing(city, &mut fake, item);
        KIT.t_listing_id(city, CF, MALL, &l.id, *label, text);
    }
    let l = KIT.listing(
        city,
        &mut vel_lic,
        &Item {
            title: "VELORA V8 无线吸尘器 授权经销",
            brand: Some("VELORA"),
            reg_no: Some("79260002"),
            price: 189_900,
            ..Item::default()
        },
    );
    KIT.t_listing_id(city, CF, MALL, &l.id, N, "许可期内的被许可人使用许可商标");
    let l = KIT.listing(
        city,
        &mut lum_lic,
        &Item {
            title: "鹿鸣山 龙井 250g 罐装",
            brand: Some("鹿鸣山"),
            reg_no: Some("79260003"),
            class: "food",
            category: "食品/茶叶/绿茶",
            price: 52_800,
            ..Item::default()
        },
    );
    KIT.t_listing_id(
        city,
        CF,
        LOCAL,
        &l.id,
        N,
        "被许可人（许可未设期限）使用许可商标",
    );
    let l = KIT.listing(
        city,
        &mut own,
        &Item {
            title: "澜悦 玻尿酸保湿面霜 50g 直播专享",
            brand: Some("澜悦"),
            class: "ordinary_cosmetic",
            category: "美妆/面部护肤/面霜",
            price: 21_900,
            ..Item::default()
        },
    );
    KIT.t_listing_id(
        city,
        CF,
        LIVE,
        &l.id,
        N,
        "商标权人自己（同一信用代码）在直播平台开设的店铺",
    );
    let mut parts = KIT.shop(city, rng, MALL, "parts", "净宝配件");
    let l = KIT.listing(
        city,
        &mut parts,
        &Item {
            title: "吸尘器滤芯 兼容VELORA V8（非原厂配件）",
            brand: Some("净宝"),
            price: 2_900,
            ..Item::default()
        },
    );
    KIT.t_listing_id(
        city,
        CF,
        MALL,
        &l.id,
        N,
        "以自有品牌销售配件，为说明适配型号提及他人商标并声明非原厂：指示性使用，不致混淆",
    );

    // Disparagement.
    let mut rival = KIT.shop(city, rng, MALL, "rival", "肤研所");
    let cases: [(Label, &str, Item<'_>); 2] = [
        (
            P,
            "点名“澜悦”，捏造其面霜“被检出激素”“烂脸”（反不正当竞争法第十一条）",
            Item {
                title: "神经酰胺修护面霜 50g",
                description: Some(
                    "澜悦家的面霜被检出激素，长期用会依赖、烂脸，别再给它交智商税了，换我们家的安心。",
                ),
                class: "ordinary_cosmetic",
                category: "美妆/面部护肤/面霜",
                price: 15_900,
                ..Item::default()
            },
        ),
        (
            N,
            "与VELORA V8的比较为可核实的公开参数，没有虚假或误导信息",
            Item {
                title: "轻量无线吸尘器 Air",
                description: Some(
                    "与VELORA V8相比，本品整机重量轻0.2kg（数据来源：两款产品官网公示参数）。",
                ),
                price: 99_900,
                ..Item::default()
            },
        ),
    ];
    for (label, text, item) in &cases {
        let l = KIT.listing(city, &mut rival, item);
        KIT.t_listing_id(city, DIS, MALL, &l.id, *label, text);
    }
    let host = KIT.shop(city, rng, LIVE, "tea-live", "茶山直播");
    KIT.live_case(
        city,
        rng,
        &host,
        DIS,
        "h2-live-dis-p",
        day,
        P,
        "直播点名“鹿鸣山”，称其龙井是陈茶染色、“伤肝”（反不正当竞争法第十一条）",
        "隔壁鹿鸣山的龙井都是陈茶拿色素染出来的，喝多了伤肝，我们家才是真正的明前茶，大家别被骗了。",
    );
    KIT.live_case(
        city,
        rng,
        &host,
        DIS,
        "h2-live-dis-n",
        day + 1,
        N,
        "提到“鹿鸣山”但只作中性评价，没有任何贬损陈述",
        "有朋友问我们和鹿鸣山哪个好，两家都是正规茶企，口味偏好不一样，大家按自己喜欢的来选就好。",
    );
    city.add(MALL, "documents", json!({
        "doc_id": "h2-doc-notice-velora", "kind": "merchant_notice", "issuer": "洁净家电专营店", "title": "店铺公告",
        "text": "重要提醒：VELORA吸尘器电池存在爆炸隐患，厂家一直在隐瞒，已购买的用户请尽快停止使用，可来本店以旧换新。",
        "submitted_at": at(day, 36_000),
    }));
    KIT.t_global(
        city,
        DIS,
        "document",
        "h2-doc-notice-velora",
        P,
        "店铺公告点名“VELORA”，编造“电池爆炸隐患”“厂家隐瞒”以招揽换购（反不正当竞争法第十一条）",
    );
    city.add(MALL, "documents", json!({
        "doc_id": "h2-doc-notice-lanyue", "kind": "merchant_notice", "issuer": "澜悦官方旗舰店", "title": "防伪提示",
        "text": "近期发现有店铺冒用“澜悦”商标销售假冒产品，请消费者认准澜悦官方店铺购买，如有疑问可联系客服核验。",
        "submitted_at": at(day, 40_000),
    }));
    KIT.t_global(
        city,
        DIS,
        "document",
        "h2-doc-notice-lanyue",
        N,
        "商标权人提示冒用其商标的假货，没有点名或贬损任何竞争对手",
    );
}

// ---------------------------------------------------------------------------------------------
// Platform rules, merchant notices, campaign terms (电子商务法 第三十四、三十五条; 消费者权益保护法
// 第二十五、二十六条) and policy drafts (公平竞争审查条例 第八至十二条).

fn documents(city: &mut City) {
    const UT: &str = "unfair_terms.restrictive_clause";
    const FCR: &str = "fair_competition_review.clause";
    let docs: [(&str, &str, &str, &str, &str, Label, &str); 7] = [
        (
            LOCAL,
            "h2-doc-rule-otherstore",
            "platform_rule",
            "商户入驻管理规则（2026年11月版）",
            "一、商户应当保证门店信息真实。五、商户如在其他外卖平台开设店铺，须提前报平台审批；未经同意擅自开店的，平台有权扣除全部保证金并下架店铺。",
            P,
            "限制商户在其他平台经营，并以扣除保证金、下架店铺相威胁（电子商务法第三十五条）",
        ),
        (
            MALL,
            "h2-doc-agreement-fee",
            "platform_agreement",
            "技术服务费补充协议",
            "第七条 平台有权根据经营需要单方调整技术服务费费率，调整内容自公告之日起三日后施行。",
            P,
            "修改收费条款仅提前三日公示，少于法定七日（电子商务法第三十四条）",
        ),
        (
            MALL,
            "h2-doc-notice-sale",
            "merchant_notice",
            "购物须知",
            "特价商品、促销商品一律不支持七日无理由退货，拆封后概不退换。",
            P,
            "店铺公告以“特价”“促销”为由排除法定七日无理由退货（消费者权益保护法第二十五、二十六条）",
        ),
        (
            MALL,
            "h2-doc-rule-seven",
            "platform_rule",
            "交易规则修订公告",
            "本规则修订内容在首页公示，自公示之日起满七日后施行；经营者不同意修订内容的，可以在施行前退出平台，平台依约结算。",
            N,
            "修订提前七日公示并允许不同意者退出，符合电子商务法第三十四条",
        ),
        (
            MALL,
            "h2-doc-notice-custom",
            "merchant_notice",
            "定制商品说明",
            "刻字定制商品属于按消费者要求定作的商品，不适用七日无理由退货，请在下单前确认刻字内容；质量问题仍可退换。",
            N,
            "定作商品依消费者权益保护法第二十五条第一款第（一）项不适用无理由退货，且保留质量问题退换",
        ),
        (
            LOCAL,
            "h2-doc-agreement-deposit",
            "platform_agreement",
            "商户合作协议",
            "第十二条 商户退出平台的，平台在结清货款后三十日内退还保证金余额。第十三条 商户可以同时在其他平台开展经营活动。",
            N,
            "保证金退还期限明确，明示商户可在其他平台经营",
        ),
        (
            LOCAL,
            "h2-doc-rule-quality",
            "platform_rule",
            "食品安全管理规则",
            "商户应当公示食品经营许可证；抽检不合格的，平台依法下架相关商品并通知商户整改。",
            N,
            "为食品安全依法下架不合格商品，属平台法定管理义务，不是对交易的不合理限制",
        ),
    ];
    for (supplier, id, kind, title, text, label, reason) in docs {
        city.add(supplier, "documents", json!({
            "doc_id": id, "kind": kind, "issuer": supplier, "title": title, "text": text, "submitted_at": at(6, 36_000),
        }));
        KIT.t_global(city, UT, "document", id, label, reason);
    }
    let campaigns: [(&str, &str, &str, &str, Label, &str); 4] = [
        (
            LOCAL,
            "h2-camp-close-other",
            "冬季满减节",
            "参加本次满减活动的商家须关闭在其他外卖平台的店铺；活动期间如在其他平台营业，平台将下架其全部商品。",
            P,
            "以下架全部商品为手段要求关闭其他平台店铺：二选一（电子商务法第三十五条）",
        ),
        (
            MALL,
            "h2-camp-fixed-price",
            "年货节",
            "参加活动的商品由平台统一设定活动价，商家不得自行调整；不接受平台定价的，平台将屏蔽店铺。",
            P,
            "以屏蔽店铺强制商家接受平台定价，对交易价格作不合理限制（电子商务法第三十五条）",
        ),
        (
            MALL,
            "h2-camp-voluntary",
            "冬日焕新季",
            "报名自愿，活动价格由商家自行申报；商家在其他平台的经营活动不受影响，可随时申请退出活动。",
            N,
            "自愿报名、自主定价、不限制在其他平台经营",
        ),
        (
            LOCAL,
            "h2-camp-subsidy",
            "新店扶持计划",
            "新入驻商家前三十日可享受平台补贴的配送费减免，补贴由平台承担，商家可自主决定是否参加及在其他平台的经营。",
            N,
            "平台自担成本的新店补贴，自愿参加，无任何限制或惩罚条件",
        ),
    ];
    for (platform, id, name, terms, label, reason) in campaigns {
        city.add(platform, "campaigns", json!({
            "platform_id": platform, "campaign_id": id, "name": name, "starts_at": at(40, 0), "ends_at": at(46, 0),
            "terms_text": terms,
        }));
        KIT.t_subject(city, UT, "campaign", platform, id, label, reason);
    }
    let drafts: [(&str, &str, &str, &str, Label, &str); 7] = [
        (
            "h2-draft-bidders",
            "杭州市某区经济和信息化局",
            "关于推进直播电商基地建设的若干措施（征求意见稿）",
            "一、支持直播电商基地建设。三、政府采购直播设备和服务的，投标人须在本市注册满三年且在本市有纳税记录。",
            P,
            "政府采购以本地注册年限、纳税记录排斥外地投标人（公平竞争审查条例第九条第（三）项）",
        ),
        (
            "h2-draft-vat",
            "杭州市某区财政局",
            "关于支持平台企业做大做强的若干意见（征求意见稿）",
            "对年度网络交易额排名前十的平台企业，按其缴纳增值税地方留成部分的百分之五十给予奖励。",
            P,
            "按纳税额对特定经营者变相税收返还（公平竞争审查条例第十条第（一）项）",
        ),
        (
            "h2-draft-branch",
            "杭州市某区商务局",
            "关于规范生鲜电商配送的通知（征求意见稿）",
            "外地生鲜电商企业在本区开展配送业务的，应当在本区设立具有独立法人资格的子公司。",
            P,
            "强制外地经营者在本地设立子公司（公平竞争审查条例第九条第（二）项）",
        ),
        (
            "h2-draft-fee-floor",
            "杭州市某区商务局",
            "关于促进外卖行业健康发展的通知（征求意见稿）",
            "各外卖平台在本区的配送费每单不得低于五元。",
            P,
            "干预市场调节价，设定配送费下限（公平竞争审查条例第十一条第（三）项）",
        ),
        (
            "h2-draft-rd",
            "杭州市某区科技局",
            "关于鼓励企业研发投入的若干措施（征求意见稿）",
            "对企业研发投入按实际发生额的百分之十给予补助，申报条件和标准向所有企业公开，不区分所有制形式和注册地。",
            N,
            "普惠性补助，条件公开、不区分所有制和注册地，不是选择性补贴",
        ),
        (
            "h2-draft-emergency",
            "杭州市发展和改革委员会",
            "关于突发公共卫生事件期间防疫物资价格管理的通知（征求意见稿）",
            "为应对突发公共卫生事件，应急响应期间依照《中华人民共和国价格法》第三十条对口罩等防疫物资实行临时价格干预措施。经评估，没有对公平竞争影响更小的替代方案。本措施自应急响应解除之日起自动终止。",
            N,
            "有法律依据（价格法第三十条）并完整适用第十二条例外：公共利益、无更小替代方案、终止条件",
        ),
        (
            "h2-draft-open-tender",
            "杭州市某区财政局",
            "关于规范政府采购活动的通知（征求意见稿）",
            "依照《中华人民共和国政府采购法》，本区直播设备采购面向全国供应商公开招标，不得以注册地、所有制形式等设置限制条件。",
            N,
            "明确禁止以注册地、所有制设限，符合审查标准",
        ),
    ];
    for (id, issuer, title, text, label, reason) in drafts {
        city.add("regulator", "documents", json!({
            "doc_id": id, "kind": "policy_draft", "issuer": issuer, "title": title, "text": text, "submitted_at": at(9, 36_000),
        }));
        KIT.t_global(city, FCR, "document", id, label, reason);
    }
}

// ---------------------------------------------------------------------------------------------
// 传销 (禁止传销条例 第二、七条; 刑法 第二百二十四条之一及立案追诉标准: 30人以上、三级以上).

fn pyramids(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "pyramid_scheme.pyramid";
    // (platform, scheme, members per tier, entry fee, reward per downline member, reward on own
    //  sales, rewards on direct recruits only, label, why)
    type Case = (
        &'static str,
        &'static str,
        &'static [usize],
        i64,
        i64,
        i64,
        bool,
        Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            MALL,
            "h2-pyr-rebate30",
            &[1, 4, 10, 15],
            69_800,
            8_000,
            0,
            false,
            P,
            "“消费返利”：须购698元礼包入会，按直接和间接发展人数返利，恰30人、四层（达到三级以上、三十人以上的追诉标准）",
        ),
        (
            LIVE,
            "h2-pyr-licai",
            &[1, 3, 9, 20, 40, 50, 27],
            500_000,
            15_000,
            2_000,
            false,
            P,
            "“投资理财”：缴5000元份额入会，按下线人数层层计酬，150人、七层（禁止传销条例第七条第（一）（二）项）",
        ),
        (
            MALL,
            "h2-pyr-small",
            &[1, 3, 6, 8],
            29_800,
            5_000,
            0,
            false,
            P,
            "18人、四层，交298元入门费并按发展人数（含间接）计酬：已构成禁止传销条例第七条的传销，人数不影响行政定性",
        ),
        (
            MALL,
            "h2-pyr-invite",
            &[1, 5, 12, 20, 22],
            0,
            500,
            0,
            true,
            N,
            "“邀请有礼”：不收任何费用，邀请新用户只得一次性5元券、不因间接下线获益，也不要求被邀请人再发展他人：不符合传销要件",
        ),
        (
            LIVE,
            "h2-pyr-club",
            &[1, 6, 15, 25],
            19_800,
            0,
            0,
            false,
            N,
            "付费会员俱乐部：会费换取会员权益，推荐关系仅作记录，无任何拉人头或团队计酬收益",
        ),
        (
            LOCAL,
            "h2-pyr-own-sales",
            &[1, 4, 12, 20],
            0,
            0,
            3_500,
            false,
            N,
            "分销员免费加入、只按本人销售额提成，不因下线人数或下线业绩获酬：非团队计酬（条例第七条第（三）项）",
        ),
    ];
    for (platform, scheme, tiers, fee, per_recruit, own_sales, direct_only, label, text) in cases {
        // Members tier by tier; each member of a tier is referred round-robin by the tier above.
        let mut levels: Vec<Vec<String>> = Vec::new();
        let mut parent: Vec<Option<(usize, usize)>> = Vec::new();
        for (t, &n) in tiers.iter().enumerate() {
            let tier: Vec<String> = (0..n).map(|_| rng.hex64()).collect();
            for i in 0..n {
                parent.push(if t == 0 {
                    None
                } else {
                    Some((t - 1, i % tiers[t - 1]))
                });
            }
            levels.push(tier);
        }
        // Downline counts: direct and total.
        let mut flat: Vec<(usize, usize)> = Vec::new();
        for (t, &n) in tiers.iter().enumerate() {
            for i in 0..n {
                flat.push((t, i));
            }
        }
        let index_of = |t: usize, i: usize| tiers[..t].iter().sum::<usize>() + i;
        let mut direct = vec![0i64; flat.len()];
        let mut total = vec![0i64; flat.len()];
        for p in &parent {
            let mut cursor = *p;
            let mut first = true;
            while let Some((t, i)) = cursor {
                let j = index_of(t, i);
                if first {
                    direct[j] += 1;
                    first = false;
                }
                total[j] += 1;
                cursor = parent[j];
            }
        }
        for (k, &(t, i)) in flat.iter().enumerate() {
            let referrer = parent[k].map(|(pt, pi)| levels[pt][pi].clone());
            let counted = if direct_only { direct[k] } else { total[k] };
            city.add(platform, "referrals", json!({
                "platform_id": platform, "scheme_id": scheme, "member_pid": levels[t][i], "referrer_pid": referrer,
                "joined_at": at((t as i64 * 6 + (i as i64 % 5)).min(days - 1), 30_000 + i as i64 * 97),
                "entry_fee_fen": fee, "recruitment_rewards_fen": counted * per_recruit,
                "sales_rewards_fen": if own_sales > 0 { own_sales + rng.range(0, 4) * 500 } else { 0 },
            }));
        }
        KIT.t_subject(city, RULE, "scheme", platform, scheme, label, text);
    }
}

// ---------------------------------------------------------------------------------------------
// 经营者信息 (电子商务法 第十、十五、二十七条; 网络交易监督管理办法 第八条: 年交易额 10 万元).

fn identity(city: &mut City, rng: &mut Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    const CHECK: &str = "merchant_identity.uscc_checksum";
    const UNKNOWN: &str = "merchant_identity.unknown_uscc";
    const DEREG: &str = "merchant_identity.deregistered_selling";
    const LICENSE: &str = "merchant_identity.license_not_displayed";
    const NATURAL: &str = "merchant_identity.unregistered_natural_person";
    // (platform, tag, name, registration, orders in the period, truth rows)
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
            "id-badcheck-co",
            "云帆贸易",
            Reg {
                valid_code: false,
                status: None,
                ..KIT.reg()
            },
            true,
            vec![
                (
                    CHECK,
                    P,
                    "企业店铺申报的统一社会信用代码校验位错误（GB 32100）",
                ),
                (UNKNOWN, P, "该代码在登记数据中查无此号"),
            ],
        ),
        (
            LOCAL,
            "id-badcheck-ib",
            "阿强小吃",
            Reg {
                merchant_type: "individual_business",
                valid_code: false,
                status: None,
                ..KIT.reg()
            },
            true,
            vec![
                (CHECK, P, "个体工商户代码（92开头）校验位错误"),
                (UNKNOWN, P, "该代码在登记数据中查无此号"),
            ],
        ),
        (
            MALL,
            "id-goodcheck-co",
            "启明科技",
            KIT.reg(),
            true,
            vec![(CHECK, N, "校验位正确且已登记的企业代码")],
        ),
        (
            LOCAL,
            "id-goodcheck-ib",
            "老街面馆",
            Reg {
                merchant_type: "individual_business",
                ..KIT.reg()
            },
            true,
            vec![
                (CHECK, N, "个体工商户代码（92开头）校验位正确"),
                (UNKNOWN, N, "个体工商户代码已在登记数据中"),
            ],
        ),
        (
            MALL,
            "id-unknown-co",
            "远山商贸",
            Reg {
                status: None,
                ..KIT.reg()
            },
            true,
            vec![(
                UNKNOWN,
                P,
                "校验位正确但登记数据中不存在该代码（电子商务法第二十七条核验义务）",
            )],
        ),
        (
            LOCAL,
            "id-unknown-ib",
            "小林烧烤",
            Reg {
                merchant_type: "individual_business",
                status: None,
                ..KIT.reg()
            },
            true,
            vec![(UNKNOWN, P, "个体工商户代码校验位正确但查无登记")],
        ),
        (
            MALL,
            "id-natural-small",
            "手作布艺",
            Reg {
                merchant_type: "natural_person",
                status: None,
                turnover: 3_000_000,
                ..KIT.reg()
            },
            true,
            vec![
                (
                    UNKNOWN,
                    N,
                    "自然人网店依法无须登记、没有信用代码，不是“未知代码”",
                ),
                (NATURAL, N, "年交易额3万元，在10万元免登记范围内"),
            ],
        ),
        (
            MALL,
            "id-cancelled",
            "恒信日化",
            Reg {
                status: Some("cancelled"),
                ..KIT.reg()
            },
            true,
            vec![(DEREG, P, "登记已注销，店铺仍在期间内持续成交")],
        ),
        (
            LOCAL,
            "id-revoked",
            "金味餐饮管理",
            Reg {
                status: Some("revoked"),
                ..KIT.reg()
            },
            true,
            vec![(DEREG, P, "营业执照已被吊销，仍在平台接单销售")],
        ),
        (
            MALL,
            "id-abnormal",
            "青橙文具",
            Reg {
                status: Some("abnormal"),
                ..KIT.reg()
            },
            true,
            vec![(
                DEREG,
                N,
                "仅被列入经营异常名录（未报年报），主体资格仍在，不是注销或吊销",
            )],
        ),
        (
            MALL,
            "id-cancelled-closed",
            "旧港贸易",
            Reg {
                status: Some("cancelled"),
                closed_on: Some(-90),
                license: true,
                ..KIT.reg()
            },
            false,
            vec![(DEREG, N, "注销前已关店，期间内没有任何销售")],
        ),
        (
            MALL,
            "id-nolicense-co",
            "锦程服饰",
            Reg {
                license: false,
                ..KIT.reg()
            },
            true,
            vec![(
                LICENSE,
                P,
                "在营企业店铺未在首页公示营业执照信息（电子商务法第十五条）",
            )],
        ),
        (
            LOCAL,
            "id-nolicense-ib",
            "王记卤味",
            Reg {
                merchant_type: "individual_business",
                license: false,
                ..KIT.reg()
            },
            true,
            vec![(LICENSE, P, "在营个体工商户店铺未亮照")],
        ),
        (
            LOCAL,
            "id-license-ib",
            "陈家馄饨",
            Reg {
                merchant_type: "individual_business",
                ..KIT.reg()
            },
            true,
            vec![(LICENSE, N, "个体工商户已亮照")],
        ),
        (
            MALL,
            "id-nolicense-closed",
            "停业家居",
            Reg {
                license: false,
                closed_on: Some(-120),
                ..KIT.reg()
            },
            false,
            vec![(
                LICENSE,
                N,
                "店铺早已关闭、期间内无经营，不存在持续公示义务的违反",
            )],
        ),
        (
            MALL,
            "id-np-over",
            "小周的杂货",
            Reg {
                merchant_type: "natural_person",
                status: None,
                turnover: 10_000_100,
                ..KIT.reg()
            },
            true,
            vec![(
                NATURAL,
                P,
                "自然人网店年交易额100,001元，超过10万元免登记上限仍未登记",
            )],
        ),
        (
            LIVE,
            "id-np-large",
            "阿敏穿搭",
            Reg {
                merchant_type: "natural_person",
                status: None,
                turnover: 36_000_000,
                ..KIT.reg()
            },
            true,
            vec![(NATURAL, P, "自然人网店年交易额36万元，远超免登记上限")],
        ),
        (
            LIVE,
            "id-np-under",
            "小雨手帐",
            Reg {
                merchant_type: "natural_person",
                status: None,
                turnover: 9_999_900,
                ..KIT.reg()
            },
            true,
            vec![(NATURAL, N, "自然人网店年交易额99,999元，仍在免登记范围内")],
        ),
        (
            LIVE,
            "id-ib-large",
            "阿杰潮鞋",
            Reg {
                merchant_type: "individual_business",
                turnover: 50_000_000,
                ..KIT.reg()
            },
            true,
            vec![(
                NATURAL,
                N,
                "年交易额50万元但已登记为个体工商户，不是未登记自然人",
            )],
        ),
    ];
    for (platform, tag, name, reg, sells, rows) in cases {
        let mut s = KIT.shop_with(city, rng, platform, tag, name, &reg);
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title: "日用杂货 组合装",
                price: 3_900,
                delisted: reg.closed_on,
                ..Item::default()
            },
        );
        if sells {
            for k in 0..6 {
                let b = rng.pick(buyers).clone();
                let row = KIT.sale(
                    rng,
                    &l,
                    order_no,
                    8 + k * (days - 12) / 6,
                    48_000,
                    3_900,
                    1,
                    &b,
                    "completed",
                );
                city.add(platform, "orders", row);
            }
        }
        for (rule, label, text) in rows {
            KIT.t_subject(city, rule, "merchant", platform, &s.merchant, label, text);
        }
    }
    // −: the operator renamed itself; the platform still shows the old name, the code is known.
    let (adcode, address) = KIT.address(rng);
    let uscc = code(rng, "91", adcode, true);
    let merchant = format!("{MALL}-h2-id-renamed");
    city.add(MALL, "merchants", json!({
        "platform_id": MALL, "merchant_id": merchant, "merchant_type": "company", "uscc": uscc, "holder_pid": null,
        "name": "杭州禾丰贸易有限公司", "shop_name": "禾丰优选", "address": address, "adcode": adcode,
        "contact_pid": rng.hex64(), "license_displayed": true, "opened_on": date(-800), "closed_on": null,
        "annual_turnover_fen": 70_000_000,
    }));
    city.add("registry", "registry", json!({
        "uscc": uscc, "name": "杭州禾丰供应链管理有限公司", "entity_type": "company", "legal_rep_pid": rng.hex64(),
        "address": address, "adcode": adcode, "established_on": date(-2_000), "status": "active",
        "business_scope": "供应链管理、日用百货销售", "registered_capital_fen": 100_000_000, "annual_report_filed": true,
    }));
    KIT.t_subject(
        city,
        UNKNOWN,
        "merchant",
        MALL,
        &merchant,
        N,
        "企业更名后店铺名称未同步，但代码在登记数据中存在且在营",
    );
}

// ---------------------------------------------------------------------------------------------
// 集群注册 / 一址多照 (市场主体登记管理条例).

fn clusters(city: &mut City, rng: &mut Rng) {
    const RULE: &str = "registration_cluster.one_address";
    let registered = |city: &mut City,
                      rng: &mut Rng,
                      name: &str,
                      entity: &str,
                      address: &str,
                      adcode: &str,
                      rep: &str,
                      established: i64| {
        let prefix = if entity == "individual_business" {
            "92"
        } else {
            "91"
        };
        let uscc = code(rng, prefix, adcode, true);
        city.add("registry", "registry", json!({
            "uscc": uscc, "name": name, "entity_type": entity, "legal_rep_pid": rep, "address": address,
            "adcode": adcode, "established_on": date(established), "status": "active",
            "business_scope": "网络技术服务、日用百货销售", "registered_capital_fen": rng.range(1_000_000, 50_000_000),
            "annual_report_filed": established < -365,
        }));
        uscc
    };
    // +: 15 new companies, two people as representatives, in one flat of 拱墅区 written four ways.
    let variants = [
        "杭州市拱墅区湖墅南路186号2幢305室",
        "浙江省杭州市拱墅区湖墅南路186号2号楼305室",
        "杭州市拱墅区湖墅南路186号2栋305室",
        "拱墅区湖墅南路１８６号２幢３０５室",
    ];
    let reps: Vec<String> = (0..2).map(|_| rng.hex64()).collect();
    for k in 0..15 {
        let established = -rng.range(10, 80);
        registered(
            city,
            rng,
            &format!("杭州湖畔{k}网络科技有限公司"),
            "company",
            variants[k % 4],
            "330105",
            &reps[k % 2],
            established,
        );
    }
    KIT.t_global(
        city,
        RULE,
        "address",
        "330105|湖墅南路|186|2||305",
        P,
        "同一住宅房间80天内新设15家公司，仅2人担任法定代表人，地址写法四种",
    );
    // +: 11 individual businesses selling on the services platform from one flat of 滨江区.
    let variants = [
        "杭州市滨江区江南大道3850号1单元1102室",
        "滨江区江南大道3850号1单元1102",
        "浙江省杭州市滨江区江南大道3850号1单元1102室",
    ];
    for k in 0..11 {
        let rep = rng.hex64();
        let address = variants[k % 3];
        let name = format!("杭州市滨江区味{k}餐饮店");
        let established = -rng.range(15, 60);
        let uscc = registered(
            city,
            rng,
            &name,
            "individual_business",
            address,
            "330108",
            &rep,
            established,
        );
        city.add(LOCAL, "merchants", json!({
            "platform_id": LOCAL, "merchant_id": format!("{LOCAL}-h2-flat{k}"), "merchant_type": "individual_business",
            "uscc": uscc, "holder_pid": rep, "name": name, "shop_name": format!("味{k}私房菜"), "address": address,
            "adcode": "330108", "contact_pid": rng.hex64(), "license_displayed": true, "opened_on": date(-rng.range(5, 40)),
            "closed_on": null, "annual_turnover_fen": rng.range(500_000, 5_000_000),
        }));
    }
    KIT.t_global(
        city,
        RULE,
        "address",
        "330108|江南大道|3850||1|1102",
        P,
        "11家新设外卖个体户登记并申报同一住宅单元房间（“幽灵厨房”式一址多照）",
    );
    // −: an office tower: 24 companies, one per room.
    for k in 0..24 {
        let rep = rng.hex64();
        let established = -rng.range(500, 3_500);
        registered(
            city,
            rng,
            &format!("杭州古墩{k}信息技术有限公司"),
            "company",
            &format!("杭州市西湖区古墩路701号2幢{}室", 301 + k),
            "330106",
            &rep,
            established,
        );
    }
    KIT.t_global(
        city,
        RULE,
        "address",
        "330106|古墩路|701|2||301",
        N,
        "写字楼内各公司各占一个房间，成立多年",
    );
    // −: a parent and two subsidiaries at one office, one representative, established years ago.
    let rep = rng.hex64();
    for (k, name) in [
        "杭州清源集团有限公司",
        "杭州清源贸易有限公司",
        "杭州清源物流有限公司",
    ]
    .iter()
    .enumerate()
    {
        registered(
            city,
            rng,
            name,
            "company",
            "杭州市上城区解放路58号1201室",
            "330102",
            &rep,
            -2_000 - k as i64 * 300,
        );
    }
    KIT.t_global(
        city,
        RULE,
        "address",
        "330102|解放路|58|||1201",
        N,
        "母公司与两家子公司在同一办公室，成立多年，属正常的关联企业同址",
    );
}

// ---------------------------------------------------------------------------------------------
// 七日无理由退货 (消费者权益保护法 第二十五条) and 发票 (电子商务法 第十四条).

fn after_sales(city: &mut City, rng: &mut Rng, order_no: &mut u64) {
    const RETURN: &str = "return_refusal.no_reason_return";
    const INVOICE: &str = "invoice_refusal.not_issued";
    // (tag, title, class, offered, orders, rejected, signed second, request (days, second) after
    //  the signing day, label, why)
    type Return<'a> = (
        &'a str,
        &'a str,
        &'a str,
        bool,
        i64,
        i64,
        i64,
        (i64, i64),
        Label,
        &'a str,
    );
    let cases: [Return<'_>; 5] = [
        (
            "ret-earbuds",
            "蓝牙耳机 降噪款",
            "general",
            true,
            6,
            5,
            50_000,
            (3, 36_000),
            P,
            "签收后第3天申请七日无理由退货，6件中拒绝5件（消费者权益保护法第二十五条）",
        ),
        (
            "ret-coat",
            "羊毛大衣 双面呢",
            "general",
            false,
            4,
            4,
            64_800,
            (7, 36_000),
            P,
            "签收次日起第7天（期限最后一天）申请，全部被拒；商家自设“不支持七天无理由”不能排除法定权利",
        ),
        (
            "ret-late",
            "真皮手提包",
            "general",
            true,
            5,
            5,
            84_600,
            (8, 1_800),
            N,
            "签收次日起算七日已满（第8天凌晨才申请），拒绝合法",
        ),
        (
            "ret-engraved",
            "刻字保温杯 定制款",
            "custom_made",
            false,
            5,
            5,
            40_000,
            (2, 36_000),
            N,
            "消费者定作的商品，第二十五条第一款第（一）项除外",
        ),
        (
            "ret-ebook",
            "电子书 下载版 合集",
            "digital",
            false,
            5,
            5,
            40_000,
            (1, 36_000),
            N,
            "在线下载的数字化商品，第二十五条第一款第（三）项除外",
        ),
    ];
    for (
        tag,
        title,
        class,
        offered,
        n,
        rejected,
        signed_second,
        (after, req_second),
        label,
        text,
    ) in cases
    {
        let mut shop_k = KIT.shop(city, rng, MALL, tag, "悦享百货");
        let l = KIT.listing(
            city,
            &mut shop_k,
            &Item {
                title,
                class,
                price: 29_900,
                returns: offered,
                ..Item::default()
            },
        );
        for i in 0..n {
            let signed_day = 10 + i * 4;
            let buyer = rng.hex64();
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                signed_day - 2,
                45_000,
                29_900,
                1,
                &buyer,
                "signed",
            );
            row["signed_at"] = json!(at(signed_day, signed_second));
            row["return_requested_at"] = json!(at(signed_day + after, req_second));
            row["return_reason"] = json!("no_reason");
            if i < rejected {
                row["return_outcome"] = json!("rejected");
                row["status"] = json!("completed");
            } else {
                row["return_outcome"] = json!("approved");
                row["status"] = json!("refunded");
                row["refunded_at"] = json!(at(signed_day + after + 3, 40_000));
            }
            city.add(MALL, "orders", row);
        }
        KIT.t_subject(city, RETURN, "merchant", MALL, &l.merchant, label, text);
    }
    // Invoices: (tag, orders, requested, not issued, status, label, why)
    type Invoice<'a> = (&'a str, i64, bool, i64, &'a str, Label, &'a str);
    let cases: [Invoice<'_>; 4] = [
        (
            "inv-none",
            7,
            true,
            7,
            "completed",
            P,
            "7笔已完成订单索要发票，一张未开（电子商务法第十四条）",
        ),
        (
            "inv-most",
            20,
            true,
            15,
            "signed",
            P,
            "20笔已签收订单索要发票，15笔未开",
        ),
        (
            "inv-refunded",
            8,
            true,
            8,
            "refunded",
            N,
            "索票订单均已退货退款，交易不存在，无须开票",
        ),
        (
            "inv-unasked",
            40,
            false,
            40,
            "completed",
            N,
            "40笔订单均未索要发票（纸质发票依索要开具），不构成拒开",
        ),
    ];
    for (tag, n, requested, unissued, status, label, text) in cases {
        let mut s = KIT.shop(city, rng, LOCAL, tag, "街角咖啡");
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title: "咖啡豆 意式拼配 500g",
                category: "食品/咖啡",
                class: "food",
                price: 8_800,
                ..Item::default()
            },
        );
        for i in 0..n {
            let buyer = rng.hex64();
            let mut row = KIT.sale(rng, &l, order_no, 6 + i, 41_000, 8_800, 1, &buyer, status);
            row["invoice_requested"] = json!(requested);
            row["invoice_issued"] = json!(i >= unissued);
            if status == "refunded" {
                row["return_requested_at"] = json!(at(7 + i, 36_000));
                row["return_reason"] = json!("quality");
                row["return_outcome"] = json!("approved");
                row["refunded_at"] = json!(at(9 + i, 36_000));
            }
            city.add(LOCAL, "orders", row);
        }
        KIT.t_subject(city, INVOICE, "merchant", LOCAL, &l.merchant, label, text);
    }
}

// ---------------------------------------------------------------------------------------------
// 牟利性投诉举报 (消费者权益保护法实施条例; 投诉举报处理办法): objective signals only.

fn complainants(city: &mut City, rng: &mut Rng, days: i64, order_no: &mut u64) {
    const RULE: &str = "serial_complainant.profit_seeking";
    let complaint = |city: &mut City,
                     rng: &mut Rng,
                     id: String,
                     day: i64,
                     person: &str,
                     platform: &str,
                     merchant: String,
                     text: String,
                     amount: i64,
                     demand: &str| {
        city.add("12315", "complaints", json!({
            "complaint_id": id, "channel": *rng.pick(&["12315_web", "12315_app", "hotline"]),
            "received_at": at(day, rng.range(32_000, 68_000)), "complainant_pid": person, "kind": "complaint",
            "platform_id": platform, "merchant_id": merchant, "respondent_uscc": null,
            "respondent_name": "某网店", "order_id": null, "text": text, "amount_fen": amount, "demand": demand, "real_name": true,
        }));
    };
    let last = days - 1;
    // +: bought 80 boxes of one near-expiry chocolate, then 22 templated 退一赔三 claims against
    //    18 shops.
    let person = rng.hex64();
    let mut s = KIT.shop(city, rng, MALL, "choco", "环球零食");
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "进口黑巧克力 临期特价 100g",
            category: "食品/巧克力",
            class: "food",
            price: 1_290,
            ..Item::default()
        },
    );
    for k in 0..4 {
        let row = KIT.sale(
            rng,
            &l,
            order_no,
            2 + k * 2,
            40_000,
            1_290,
            20,
            &person,
            "completed",
        );
        city.add(MALL, "orders", row);
    }
    let templates = [
        "本人购买的{x}配料表标注与实物不符，构成欺诈，依据消费者权益保护法第五十五条要求退一赔三。",
        "所购{x}中文标签配料表与实物不一致，属于欺诈消费者，要求退一赔三并赔偿交通费。",
    ];
    let goods = ["黑巧克力", "坚果礼盒", "进口饼干"];
    for n in 0..22i64 {
        let day = 8 + n * (last - 10) / 22;
        let text = templates[(n % 2) as usize].replace("{x}", goods[(n % 3) as usize]);
        let amount = rng.range(2_580, 25_800);
        complaint(
            city,
            rng,
            format!("h2-c-choco-{n}"),
            day,
            &person,
            MALL,
            format!("huishang-m{}", n % 18),
            text,
            amount,
            "punitive_compensation",
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        P,
        "一次性大量购买同一临期食品（4单共80盒），随后以同一模板对18家店铺投诉22件，均要求惩罚性赔偿",
    );
    // +: 16 shops in twelve days, each after buying ten or more of a near-expiry item, one template,
    //    ten-fold compensation "否则向媒体曝光".
    let person = rng.hex64();
    let mut s = KIT.shop(city, rng, LOCAL, "snack", "便利蜂巢");
    let l = KIT.listing(
        city,
        &mut s,
        &Item {
            title: "临期酸奶 整箱 12盒",
            category: "食品/乳品",
            class: "food",
            price: 2_990,
            ..Item::default()
        },
    );
    for k in 0..3 {
        let row = KIT.sale(
            rng,
            &l,
            order_no,
            20 + k,
            52_000,
            2_990,
            12,
            &person,
            "completed",
        );
        city.add(LOCAL, "orders", row);
    }
    for n in 0..16i64 {
        let day = (last - 16 + n * 12 / 16).max(0);
        let amount = rng.range(2_990, 35_880);
        complaint(
            city,
            rng,
            format!("h2-c-expiry-{n}"),
            day,
            &person,
            LOCAL,
            format!("xiansong-m{}", n + 2),
            "商品临近保质期未显著提示，属于欺诈，要求十倍赔偿，否则向媒体曝光。".to_string(),
            amount,
            "punitive_compensation",
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        P,
        "大量购买临期食品后十二天内以同一文本投诉16家店铺，要求十倍赔偿并以曝光相要挟",
    );
    // −: one counterfeit handbag, one shop, a lawful 退一赔三 claim pursued with follow-ups.
    let person = rng.hex64();
    let texts = [
        "在该店购买的名牌手提包经鉴定为假货，要求按消费者权益保护法第五十五条退一赔三。",
        "补充鉴定报告：该手提包非正品，商家拒绝赔偿，请求调解。",
        "调解中商家只同意退款，不同意赔偿，请继续处理。",
        "商家仍未回应，第四次反映，要求退一赔三。",
        "商家提出只赔一倍，本人不同意，请依法处理。",
        "第六次反映：请求市场监管部门对售假行为立案调查。",
    ];
    for (n, text) in texts.iter().enumerate() {
        complaint(
            city,
            rng,
            format!("h2-c-bag-{n}"),
            5 + n as i64 * 7,
            &person,
            MALL,
            "huishang-m7".to_string(),
            (*text).to_string(),
            388_000,
            if n == 5 {
                "investigate"
            } else {
                "punitive_compensation"
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        N,
        "只买过一件假货、只针对一家店铺，依消费者权益保护法第五十五条主张退一赔三并反复催办：正当维权",
    );
    // −: a frequent food-delivery customer with eight different everyday problems.
    let person = rng.hex64();
    let texts = [
        "外卖超时一个多小时，饭菜都凉了，要求退款。",
        "点的奶茶少送了一杯，商家不承认。",
        "餐里吃出头发，商家只愿意退一半。",
        "订单显示已送达但没有收到，联系骑手不接电话。",
        "米线汤洒了一袋，要求重新配送或退款。",
        "备注了不要辣结果特别辣，孩子没法吃，申请退款。",
        "水果捞里的西瓜已经变质，要求退款。",
        "套餐少了一份小菜，商家说卖完了但没退差价。",
    ];
    for (n, text) in texts.iter().enumerate() {
        let amount = rng.range(1_500, 6_000);
        let demand = *rng.pick(&["refund", "exchange", "refund"]);
        complaint(
            city,
            rng,
            format!("h2-c-delivery-{n}"),
            3 + n as i64 * (last - 5) / 8,
            &person,
            LOCAL,
            format!("xiansong-m{}", 20 + n),
            (*text).to_string(),
            amount,
            demand,
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        N,
        "两个月内对8家不同餐饮店的8起日常纠纷，文本各异，只要求退款或重送，金额小",
    );
}
