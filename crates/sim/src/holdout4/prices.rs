//! The fourth set's pricing cases: compared prices (明码标价和禁止价格欺诈规定 第十六条), raising
//! before a discount (第十七条), low prices in prominent places (第十九条第二项、第二十条), false
//! time limits (第十九条第四项), loyalty surcharges (浙江省电子商务条例 第十四条), sustained
//! below-cost sales (价格法 第十四条第二项) and platforms forcing them (反不正当竞争法（2025）
//! 第十四条).

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::{City, at, date};
use crate::kit::{Item, Obs};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative as N, Positive as P};

/// One case of the compared-price rule: (platform, shop, title, category, completed sales as
/// (days before the display, price), shown, compared, kind, label text, page, label, why).
type Compared = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(i64, i64)],
    i64,
    i64,
    &'static str,
    &'static str,
    &'static str,
    Label,
    &'static str,
);

pub(super) fn reference_price(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    const RULE: &str = "price_fraud.reference_price";
    let last = days - 1;
    let cases: [Compared; 7] = [
        (
            LOCAL,
            "湖畔鱼庄",
            "招牌酸菜鱼 双人套餐",
            "外卖/川湘菜",
            &[
                (6, 4_800),
                (5, 5_200),
                (4, 4_800),
                (3, 5_200),
                (2, 4_800),
                (1, 5_200),
            ],
            4_600,
            6_800,
            "unspecified",
            "划线价68 外卖专享46",
            "detail",
            P,
            "外卖套餐划线价68元未说明依据，前七日成交价为48–52元，划线价高于最低成交价48元（第十六条）",
        ),
        (
            MALL,
            "齿白电器",
            "声波电动牙刷 五档清洁",
            "个护/口腔护理",
            &[
                (6, 13_900),
                (5, 13_900),
                (4, 13_900),
                (3, 12_900),
                (2, 13_900),
                (1, 13_900),
            ],
            9_900,
            12_901,
            "previous_price",
            "原价129.01 年终到手99",
            "detail",
            P,
            "前七日最低成交价129.00元，标“原价129.01元”高出1分：被比较价格不得高于该最低价，恰好越过界限（第十六条）",
        ),
        (
            MALL,
            "言语教育",
            "雅思口语网课 30课时",
            "教育培训/语言",
            &[
                (6, 99_900),
                (5, 99_900),
                (4, 99_900),
                (2, 99_900),
                (1, 99_900),
            ],
            99_900,
            199_900,
            "previous_price",
            "原价1999 今日999",
            "detail",
            P,
            "网课标“原价1999元”，前七日每笔成交都是999元，从未以1999元成交（第十六条）",
        ),
        (
            LIVE,
            "北境羽绒直播间",
            "白鸭绒短款羽绒服",
            "服饰/女装/羽绒服",
            &[
                (6, 59_900),
                (5, 69_900),
                (4, 59_900),
                (3, 64_900),
                (2, 59_900),
                (1, 69_900),
            ],
            49_900,
            129_900,
            "unspecified",
            "吊牌价1299 直播间破价499",
            "live",
            P,
            "直播间以“吊牌价1299元”作比较，未标明来源，前七日成交价599–699元（第十六条：未标明详情的被比较价格不得高于前七日最低成交价）",
        ),
        (
            MALL,
            "素柳家居",
            "亚麻四件套 1.8m床",
            "家居/床上用品",
            &[
                (6, 8_800),
                (5, 8_600),
                (4, 8_800),
                (3, 8_600),
                (2, 8_800),
                (1, 8_800),
            ],
            7_900,
            8_600,
            "previous_price",
            "原价86 今日79",
            "detail",
            N,
            "“原价86元”恰好等于前七日最低成交价86元，不高于它，合规（第十六条）",
        ),
        (
            LOCAL,
            "湖滨点心铺",
            "鲜肉小笼包 2笼",
            "外卖/小吃",
            &[(6, 3_600), (4, 3_600), (2, 3_600), (1, 3_600)],
            2_900,
            3_800,
            "other_disclosed",
            "线下门店价38元（湖滨店2026年12月价目表） 外卖29",
            "detail",
            N,
            "比较对象写明为湖滨门店2026年12月价目表上的38元并可核实，属标明被比较价格详细信息的情形，不适用前七日最低成交价规则（第十六条第一款）",
        ),
        (
            MALL,
            "拾光相机",
            "二手微单相机 95新 含镜头",
            "数码/二手相机",
            &[(20, 26_900)],
            23_900,
            26_900,
            "previous_price",
            "原价269 今日239",
            "detail",
            N,
            "前七日没有成交，“原价269元”等于此前最后一次成交价269元（第十六条第二句）",
        ),
    ];
    for (platform, name, title, category, sales, shown, compared, kind, text, page, label, why) in
        cases
    {
        let tag = format!("ref{}", city_count(city, "ref"));
        let mut s = KIT.shop(city, rng, platform, &tag, name);
        let class = if category.starts_with("教育") {
            "digital"
        } else {
            "general"
        };
        let l = HOUSE.goods(city, &mut s, title, category, class, compared);
        for &(before, price) in sales {
            KIT.sell(city, rng, buyers, &l, order_no, last - before, price);
        }
        KIT.show(
            city,
            rng,
            &l,
            &Obs {
                day: last,
                page,
                shown,
                reference: Some(compared),
                kind: Some(kind),
                promo: "discount",
                label: Some(text),
                ..KIT.obs()
            },
        );
        KIT.t_listing(city, RULE, &l, label, why);
    }
}

/// A running number per case family, so that shop tags stay unique and readable.
fn city_count(city: &City, family: &str) -> usize {
    let prefix = format!("-h4-{family}");
    city.tables
        .values()
        .filter_map(|t| t.get("merchants"))
        .flatten()
        .filter(|m| {
            m["merchant_id"]
                .as_str()
                .is_some_and(|id| id.contains(&prefix))
        })
        .count()
}

pub(super) fn raise_then_discount(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    const RULE: &str = "price_fraud.raise_then_discount";
    let last = days - 1;
    // (platform, shop, title, usual price, raised price, raised from (days before the discount),
    //  shown, compared, label, weekly cycle, label, why)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        i64,
        i64,
        i64,
        i64,
        &'static str,
        bool,
        Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            LOCAL,
            "粥香小馆",
            "皮蛋瘦肉粥 套餐",
            3_900,
            5_200,
            3,
            3_900,
            "年终7.5折",
            false,
            P,
            "套餐长期39元，打折前三天提到52元，再以52元为基础打“7.5折”成39元：先提价后打折，折扣虚假（第十七条）",
        ),
        (
            MALL,
            "乐学编程",
            "少儿编程录播课 48讲",
            59_900,
            79_900,
            5,
            59_900,
            "限时75折",
            false,
            P,
            "课程长期599元，促销前五天改为799元，再标“75折”后599元（第十七条：无正当理由提高基准价再打折）",
        ),
        (
            MALL,
            "瓷语茶器",
            "手绘陶瓷茶具 一壶四杯",
            9_900,
            12_400,
            1,
            9_920,
            "8折 仅此一天",
            false,
            P,
            "长期99元，促销前一天调至124元，次日按124元“8折”标99.2元：仅提价一天也是虚构折扣基准（第十七条）",
        ),
        (
            MALL,
            "溪谷茶园",
            "龙井茶 明前 250g",
            2_800,
            3_500,
            49,
            3_150,
            "冬季9折",
            false,
            N,
            "因采购成本上涨（审计成本同期上调），49天前由28元调至35元并一直按35元销售，现按35元打9折：提价有正当理由且已维持七周，不是为打折而提价",
        ),
        (
            LOCAL,
            "西溪民宿",
            "湖景大床房 一晚",
            32_800,
            45_800,
            0,
            29_800,
            "平日特惠",
            true,
            N,
            "房价每周五、六固定为458元、其余日子328元，六十天循环如一；平日特惠以平日价328元为基础，不是在打折前临时提价",
        ),
        (
            MALL,
            "鹿角巷文具",
            "钢笔礼盒 含墨水",
            6_900,
            7_900,
            2,
            5_900,
            "比调价前再降10元",
            false,
            N,
            "两天前调价至79元，但促销以调价前的69元为比较基础并写明，被比较价格不高于前七日最低成交价69元，没有抬高折扣基准（第十七条、第十六条）",
        ),
    ];
    for (platform, name, title, usual, raised, from, shown, text, weekly, label, why) in cases {
        let tag = format!("raise{}", city_count(city, "raise"));
        let mut s = KIT.shop(city, rng, platform, &tag, name);
        let class = if title.contains("课") {
            "digital"
        } else {
            "general"
        };
        let l = HOUSE.goods(city, &mut s, title, "促销/年终", class, usual);
        let discount_day = last;
        let price_on = |d: i64| {
            let raised_today = if weekly {
                // 周五、周六 (day 0 is a Thursday).
                matches!(d.rem_euclid(7), 1 | 2)
            } else {
                d >= discount_day - from
            };
            if raised_today { raised } else { usual }
        };
        for d in 0..discount_day {
            let price = price_on(d);
            KIT.plain(city, rng, &l, d, price);
            if d % 2 == 0 || d >= discount_day - 7 {
                KIT.sell(city, rng, buyers, &l, order_no, d, price);
            }
        }
        // Every day of the week before the display has a sale, at that day's price.
        let week_low = (discount_day - 7..discount_day)
            .map(price_on)
            .min()
            .unwrap_or(usual);
        if from == 49 {
            city.add(platform, "costs", json!({
                "platform_id": platform, "listing_id": l.id, "valid_from": date(-200), "valid_to": date(last - 50),
                "unit_cost_fen": 1_900, "basis": "audited",
            }));
            city.add(platform, "costs", json!({
                "platform_id": platform, "listing_id": l.id, "valid_from": date(last - 49), "valid_to": null,
                "unit_cost_fen": 2_400, "basis": "audited",
            }));
        }
        let compared = if weekly || text.contains("调价前") {
            usual
        } else {
            raised
        };
        KIT.show(
            city,
            rng,
            &l,
            &Obs {
                day: discount_day,
                shown,
                reference: Some(compared),
                kind: Some("previous_price"),
                promo: "discount",
                label: Some(text),
                ..KIT.obs()
            },
        );
        KIT.t_listing(city, RULE, &l, label, why);
        // The same display under the compared-price rule: the week before it sold at `usual`.
        let (reference_label, reference_why) = if compared > week_low {
            (
                P,
                format!(
                    "被比较价格{}元高于前七日最低成交价{}元（第十六条）",
                    compared as f64 / 100.0,
                    week_low as f64 / 100.0
                ),
            )
        } else {
            (
                N,
                format!(
                    "被比较价格{}元不高于前七日最低成交价{}元（第十六条）",
                    compared as f64 / 100.0,
                    week_low as f64 / 100.0
                ),
            )
        };
        KIT.t_listing(
            city,
            "price_fraud.reference_price",
            &l,
            reference_label,
            &reference_why,
        );
    }
}

pub(super) fn bait_price(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "price_fraud.bait_price";
    let last = days - 1;
    // (platform, shop, title, prominent page, prominent price, later page, later shown, later
    //  payable, promotion of the prominent display, label, source, label, why)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        i64,
        &'static str,
        i64,
        i64,
        &'static str,
        Option<&'static str>,
        &'static str,
        Label,
        &'static str,
    );
    let cases: [Case; 7] = [
        (
            LOCAL,
            "饭点快餐",
            "红烧肉盖浇饭",
            "home",
            1_990,
            "checkout",
            2_590,
            2_590,
            "none",
            Some("到手19.9"),
            "platform_log",
            P,
            "首页标“到手19.9元”，同一用户几分钟后结算页须付25.9元（另加打包费、服务费，首页未提示）：以低价招徕、以高价结算（第十九条第二项、第二十条第一项）",
        ),
        (
            LOCAL,
            "云栖酒店",
            "高级双床房 含早",
            "search",
            29_900,
            "detail",
            35_900,
            35_900,
            "none",
            None,
            "platform_log",
            P,
            "搜索结果列表显示299元，同一用户同一分钟点进详情页为359元（第二十条第一项：显著位置价格低于详情页）",
        ),
        (
            LIVE,
            "甄选零食直播间",
            "每日坚果 30袋",
            "live",
            9_900,
            "checkout",
            12_900,
            12_900,
            "discount",
            Some("直播间专享99"),
            "platform_log",
            P,
            "直播间口播并标示99元，观众点进结算页均须付129元（第十九条第二项：低价招徕、高价结算）",
        ),
        (
            MALL,
            "康宁大药房",
            "家用制氧机 3L",
            "home",
            149_000,
            "checkout",
            169_000,
            169_000,
            "none",
            None,
            "regulator_probe",
            P,
            "监管测试账号首页看到1490元，结算页须付1690元，十二天里每次如此（第二十条第一项）",
        ),
        (
            MALL,
            "云杉户外",
            "轻量登山杖 一对",
            "home",
            4_590,
            "checkout",
            4_590,
            3_990,
            "none",
            None,
            "platform_log",
            N,
            "首页45.9元，结算时叠加店铺满减实付39.9元：实际成交价比标示更优惠（第二十一条第二项）",
        ),
        (
            MALL,
            "轻氧运动",
            "速干T恤 男款",
            "home",
            3_990,
            "detail",
            4_590,
            3_990,
            "coupon",
            Some("券后39.9"),
            "platform_log",
            N,
            "首页标“券后39.9元”，详情页标价45.9元并同时显示可领券、券后实付39.9元：用户实付与首页一致，首页写明了券后条件",
        ),
        (
            LOCAL,
            "早安烘焙",
            "全麦吐司 整条",
            "home",
            1_590,
            "detail",
            1_890,
            1_890,
            "none",
            None,
            "platform_log",
            N,
            "首页15.9元是店铺按公告调价之前六天的展示，详情页18.9元是调价后六天的展示，并非同一时点对同一用户的两个价格",
        ),
    ];
    for (
        k,
        (platform, name, title, first, low, then, shown, payable, promo, text, source, label, why),
    ) in cases.into_iter().enumerate()
    {
        let mut s = KIT.shop(city, rng, platform, &format!("bait{k}"), name);
        let l = HOUSE.goods(city, &mut s, title, "促销/引流", "general", shown);
        let probe = rng.hex64();
        for v in 0..12i64 {
            let viewer = if source == "regulator_probe" {
                probe.clone()
            } else {
                rng.hex64()
            };
            let day = last - 12 + v;
            let second = 41_000 + v * 600;
            // The bakery: the home page before its announced price change, the detail page after.
            let repriced = title.contains("吐司");
            if repriced {
                let (page, price) = if v < 6 { (first, low) } else { (then, shown) };
                KIT.show(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day,
                        second,
                        page,
                        shown: price,
                        payable: Some(price),
                        viewer: Some(&viewer),
                        ..KIT.obs()
                    },
                );
                continue;
            }
            KIT.show(
                city,
                rng,
                &l,
                &Obs {
                    day,
                    second,
                    page: first,
                    shown: low,
                    payable: Some(low),
                    promo,
                    label: text,
                    viewer: Some(&viewer),
                    source,
                    ..KIT.obs()
                },
            );
            KIT.show(
                city,
                rng,
                &l,
                &Obs {
                    day,
                    second: second + 90,
                    page: then,
                    shown,
                    payable: Some(payable),
                    promo: if payable < shown { "coupon" } else { "none" },
                    viewer: Some(&viewer),
                    source,
                    ..KIT.obs()
                },
            );
        }
        KIT.t_listing(city, RULE, &l, label, why);
    }
}

pub(super) fn fake_time_limit(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "price_fraud.fake_time_limit";
    let last = days - 1;
    // (platform, shop, title, usual, promoted, label, promoted days, page, label, why)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        i64,
        i64,
        &'static str,
        Vec<i64>,
        &'static str,
        Label,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            LOCAL,
            "茶语时光",
            "杨枝甘露 大杯",
            1_800,
            1_300,
            "距活动结束仅剩3小时",
            (last - 13..=last).collect(),
            "detail",
            P,
            "连续14天每天都显示“距活动结束仅剩3小时”，价格始终13元，活动从未结束（第十九条第四项：虚假的时限）",
        ),
        (
            LOCAL,
            "山水旅行社",
            "千岛湖一日游 含船票",
            29_900,
            19_900,
            "本期团购明日下架",
            (last - 8..=last).collect(),
            "detail",
            P,
            "“本期团购明日下架”连续9天出现，团购价199元从未下架（第十九条第四项）",
        ),
        (
            LIVE,
            "暖冬家纺直播间",
            "蚕丝被 2kg",
            29_900,
            19_900,
            "最后一场 明天恢复299",
            (last - 5..=last).collect(),
            "live",
            P,
            "六个晚上每场都说“最后一场，明天恢复299元”，次日照旧199元（第十九条第四项）",
        ),
        (
            MALL,
            "济世堂药房",
            "蛋白粉礼盒 节日装",
            15_800,
            9_900,
            "限时3天 今天最后一天",
            (last - 11..=last).collect(),
            "detail",
            P,
            "“限时3天 今天最后一天”连续12天每天出现，价格一直99元（第十九条第四项）",
        ),
        (
            MALL,
            "星河数码",
            "蓝牙耳机 降噪款",
            39_900,
            29_900,
            "限时秒杀 12月5日20:00-22:00",
            vec![51],
            "detail",
            N,
            "秒杀只在标明的12月5日20:00–22:00展示，前后均按原价399元销售：时限真实",
        ),
        (
            LOCAL,
            "邻家超市",
            "鲜鸡蛋 30枚",
            2_590,
            1_990,
            "每月8号家庭日特价",
            vec![24, 54],
            "detail",
            N,
            "只在每月8日（11月8日、12月8日）显示家庭日特价，其余日子按原价：周期性活动如实执行",
        ),
        (
            MALL,
            "远航研学",
            "寒假冬令营 早鸟报名",
            368_000,
            328_000,
            "早鸟价 截止12月10日",
            (40..=56).collect(),
            "detail",
            N,
            "早鸟价标明截止12月10日，11月24日至12月10日显示，12月11日起恢复3680元：时限真实",
        ),
    ];
    for (k, (platform, name, title, usual, promoted, text, on, page, label, why)) in
        cases.into_iter().enumerate()
    {
        let mut s = KIT.shop(city, rng, platform, &format!("timer{k}"), name);
        let class = if title.contains("冬令营") || title.contains("一日游") {
            "digital"
        } else if title.contains("鸡蛋") {
            "fresh"
        } else {
            "general"
        };
        let l = HOUSE.goods(city, &mut s, title, "促销/限时", class, usual);
        for d in 20..=last {
            let promoted_today = on.contains(&d);
            let second = if text.contains("20:00") && promoted_today {
                74_000
            } else {
                45_000
            };
            KIT.show(
                city,
                rng,
                &l,
                &Obs {
                    day: d,
                    second,
                    page: if promoted_today { page } else { "detail" },
                    shown: if promoted_today { promoted } else { usual },
                    promo: if promoted_today { "flash_sale" } else { "none" },
                    label: promoted_today.then_some(text),
                    ..KIT.obs()
                },
            );
        }
        KIT.t_listing(city, RULE, &l, label, why);
    }
}

/// How a discrimination case prices a viewer.
#[derive(Clone, Copy)]
enum Pricing {
    /// Riders with a long history are shown a higher fixed fare.
    FrequentFare,
    /// A coupon offered only to occasional buyers, never to frequent ones.
    WithheldCoupon,
    /// Two regulator accounts differing only in history; the frequent one pays more.
    ProbeAccounts,
    /// Paying members, who buy more, pay the disclosed member price (less).
    MemberPrice,
    /// New users in their first month pay the disclosed new-user price.
    NewUser,
    /// Express delivery chosen at checkout costs the same extra for everybody who chooses it.
    Express,
}

pub(super) fn discrimination(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "price_discrimination.loyalty_surcharge";
    let last = days - 1;
    let cases: [(Pricing, &str, &str, i64, Label, &str); 6] = [
        (
            Pricing::FrequentFare,
            LOCAL,
            "机场专线 一口价 萧山机场—武林广场",
            12_800,
            P,
            "同一时段、同一上车区县、同一设备类型，近90天乘车30次以上的常客被报139元一口价，偶尔乘车的用户128元：交易历史不构成不同交易条件（第十四条）",
        ),
        (
            Pricing::WithheldCoupon,
            MALL,
            "电影通兑券 2D/3D",
            3_990,
            P,
            "展示价同为39.9元，近90天下单15次以上的老客结算时拿不到4元“专享券”，同时段下单1–3次的老用户（非新人）可得，老客实付更高（第十四条）",
        ),
        (
            Pricing::ProbeAccounts,
            MALL,
            "维生素D3 滴剂 60粒",
            8_900,
            P,
            "两个监管测试账号同时、同设备、同地区，只有近90天订单数不同（40与5），十二天里高频账号每次多付6%（第十四条）",
        ),
        (
            Pricing::MemberPrice,
            MALL,
            "猫粮 成猫 10kg",
            26_900,
            N,
            "付费会员按公示的会员价246元购买，非会员269元；会员下单多但付得更少，是公开的会员权益而非杀熟",
        ),
        (
            Pricing::NewUser,
            LOCAL,
            "洗衣 单件干洗",
            2_990,
            N,
            "注册30天内的新用户首单19.9元（公示的新人价），其余用户无论下单多少都付29.9元（第十四条除外情形：合理期限内对新用户的优惠）",
        ),
        (
            Pricing::Express,
            LOCAL,
            "鲜花 同城花束",
            16_800,
            N,
            "选择“加急配送+5元”的用户都多付5元，与下单历史无关；常客更常选加急，属交易方式不同",
        ),
    ];
    for (k, (pricing, platform, title, price, label, why)) in cases.into_iter().enumerate() {
        let mut s = KIT.shop(city, rng, platform, &format!("fair{k}"), "城市生活");
        let l = HOUSE.goods(city, &mut s, title, "生活服务/到店到家", "general", price);
        let probes = [rng.hex64(), rng.hex64()];
        let n: i64 = if matches!(pricing, Pricing::ProbeAccounts) {
            24
        } else {
            240
        };
        for v in 0..n {
            let frequent = v % 2 == 0;
            let mut o = Obs {
                day: last - 12 + v * 12 / n,
                second: 62_000 + (v % 30) * 40,
                page: "checkout",
                shown: price,
                payable: Some(price),
                segment: "returning",
                orders_90d: Some(if frequent { 15 + v % 25 } else { 1 + v % 3 }),
                device: "android",
                adcode: "330102",
                ..KIT.obs()
            };
            let mut viewer = None;
            let mut text = None;
            match pricing {
                Pricing::FrequentFare => {
                    o.orders_90d = Some(if frequent { 30 + v % 20 } else { 1 + v % 4 });
                    if frequent {
                        o.shown = 13_900;
                        o.payable = Some(13_900);
                    }
                }
                Pricing::WithheldCoupon => {
                    if !frequent {
                        o.payable = Some(price - 400);
                        o.promo = "coupon";
                        text = Some("专享券 立减4元");
                    }
                }
                Pricing::ProbeAccounts => {
                    o.day = last - 12 + v / 2;
                    o.second = 50_400;
                    o.source = "regulator_probe";
                    o.device = "pc_web";
                    o.orders_90d = Some(if frequent { 40 } else { 5 });
                    viewer = Some(probes[usize::from(!frequent)].clone());
                    if frequent {
                        o.shown = price * 106 / 100;
                        o.payable = Some(price * 106 / 100);
                    }
                }
                Pricing::MemberPrice => {
                    if frequent {
                        o.segment = "member";
                        o.promo = "member";
                        o.payable = Some(24_600);
                        o.shown = 24_600;
                        text = Some("88会员价246");
                    }
                }
                Pricing::NewUser => {
                    if v % 5 == 0 {
                        o.segment = "new";
                        o.orders_90d = Some(0);
                        o.promo = "new_user";
                        o.shown = 1_990;
                        o.payable = Some(1_990);
                        text = Some("新人首单19.9");
                    }
                }
                Pricing::Express => {
                    let express = if frequent { v % 4 != 0 } else { v % 4 == 1 };
                    if express {
                        o.payable = Some(price + 500);
                        text = Some("加急配送+5元");
                    }
                }
            }
            let viewer = viewer.unwrap_or_else(|| rng.hex64());
            KIT.show(
                city,
                rng,
                &l,
                &Obs {
                    viewer: Some(&viewer),
                    label: text,
                    ..o
                },
            );
        }
        KIT.t_listing(city, RULE, &l, label, why);
    }
}

pub(super) fn below_cost(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    const RULE: &str = "below_cost.sustained";
    let last = days - 1;
    // (platform, shop, title, class, cost, basis, usual price, low price, low from (days before
    //  the end), low until, delisted, label, why)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        i64,
        &'static str,
        i64,
        i64,
        i64,
        i64,
        bool,
        Label,
        &'static str,
    );
    let cases: [Case; 8] = [
        (
            MALL,
            "仁和药房",
            "医用外科口罩 50只",
            "general",
            1_580,
            "audited",
            2_290,
            1_490,
            32,
            0,
            false,
            P,
            "审计成本15.8元，连续32天以14.9元销售，无鲜活、季节、积压等法定降价事由（价格法第十四条第二项）",
        ),
        (
            LOCAL,
            "街角咖啡",
            "拿铁 大杯",
            "general",
            1_200,
            "declared",
            2_200,
            990,
            40,
            0,
            false,
            P,
            "申报成本12元，连续40天成交价9.9元，低于成本约两成，挤压周边咖啡店（价格法第十四条第二项）",
        ),
        (
            MALL,
            "智行电子",
            "行车记录仪 4K",
            "general",
            6_500,
            "audited",
            8_900,
            6_499,
            30,
            0,
            false,
            P,
            "审计成本65元，连续30天以64.99元销售：低于成本1分，持续一个月（价格法第十四条第二项）",
        ),
        (
            MALL,
            "启智网课",
            "初中数学 同步网课 一学期",
            "digital",
            30_000,
            "audited",
            59_900,
            9_900,
            45,
            0,
            false,
            P,
            "经审计每个学位的课程成本300元，连续45天以99元招生，远低于成本（价格法第十四条第二项）",
        ),
        (
            LOCAL,
            "麦香面包房",
            "当日现烤法棍",
            "fresh",
            900,
            "declared",
            1_500,
            500,
            30,
            0,
            false,
            N,
            "当日现烤面包晚间临近打烊降价至5元处理，属依法降价处理鲜活商品（价格法第十四条第二项除外情形）",
        ),
        (
            MALL,
            "夏蝉服饰",
            "防晒衣 UPF50+ 夏款",
            "general",
            4_500,
            "declared",
            8_900,
            3_900,
            40,
            0,
            false,
            N,
            "夏季防晒衣入冬后过季清仓，低于成本销售属季节性商品降价处理（价格法第十四条第二项除外情形）",
        ),
        (
            MALL,
            "联印办公",
            "喷墨打印机 停产型号",
            "general",
            38_000,
            "audited",
            59_900,
            29_900,
            25,
            0,
            true,
            N,
            "厂家停产型号的积压库存清仓，售完即下架，属积压商品降价处理（价格法第十四条第二项除外情形）",
        ),
        (
            MALL,
            "青柠厨房",
            "空气炸锅 双十二预热",
            "general",
            16_000,
            "declared",
            22_900,
            14_900,
            5,
            0,
            false,
            N,
            "双十二预热仅五天低于成本促销，随即恢复原价：短期促销，不是以排挤对手为目的的持续低价倾销（价格法第十四条第二项）",
        ),
    ];
    for (
        k,
        (platform, name, title, class, cost, basis, usual, low, from, until, delist, label, why),
    ) in cases.into_iter().enumerate()
    {
        let mut s = KIT.shop(city, rng, platform, &format!("cost{k}"), name);
        let delisted = delist.then_some(last);
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                category: "低价/清仓",
                class,
                price: usual,
                returns: class != "fresh",
                delisted,
                ..Item::default()
            },
        );
        city.add(platform, "costs", json!({
            "platform_id": platform, "listing_id": l.id, "valid_from": date(-120), "valid_to": null,
            "unit_cost_fen": cost, "basis": basis,
        }));
        let low_days = (last - from + 1)..=(last - until);
        let short = from == 5;
        for d in 0..=last {
            let in_low = if short {
                (45..50).contains(&d)
            } else {
                low_days.contains(&d)
            };
            if class == "fresh" {
                // Daytime at the usual price, evening clearance every day.
                KIT.sell(city, rng, buyers, &l, order_no, d, usual);
                if in_low {
                    let b = rng.pick(buyers).clone();
                    let row = KIT.sale(rng, &l, order_no, d, 75_600, low, 1, &b, "completed");
                    city.add(platform, "orders", row);
                }
                continue;
            }
            let price = if in_low { low } else { usual };
            if in_low || d % 3 == 0 {
                KIT.sell(city, rng, buyers, &l, order_no, d, price);
                KIT.plain(city, rng, &l, d, price);
            }
        }
        KIT.t_listing(city, RULE, &l, label, why);
    }
}

pub(super) fn forced_below_cost(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    const RULE: &str = "below_cost.platform_forced";
    const TERMS: &str = "unfair_terms.restrictive_clause";
    let last = days - 1;
    let start = last - 9;
    // (platform, name, category, terms, campaign price as a share of the usual price (percent),
    //  sanction of those who do not join, label, why, terms label, terms why)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        i64,
        Option<&'static str>,
        Label,
        &'static str,
        Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            "h4-fanke",
            "饭客外卖",
            "services",
            "“全城五折周”为平台商户必选活动，活动价由平台按原价50%统一设定，商户不得修改；未报名商户活动期间限流。",
            50,
            Some("traffic_limit"),
            P,
            "平台统一设定五折活动价、强制全部商户参加并对不参加者限流，参加商户售价低于申报成本（反不正当竞争法（2025）第十四条）",
            P,
            "强制商户参加平台定价的促销并以限流相逼（明码标价和禁止价格欺诈规定第四条；电子商务法第三十五条）",
        ),
        (
            "h4-yaoyi",
            "药易购",
            "sales",
            "会员日商品一律按平台核定价销售，核定价参照全网最低报价确定、不考虑商家进货成本；拒不执行核定价的商品下架处理。",
            62,
            Some("listing_removal"),
            P,
            "平台核定价格不考虑成本、以下架强制执行，入驻药店被迫以低于进货成本的价格销售（反不正当竞争法（2025）第十四条）",
            P,
            "以下架强制商家执行平台核定价（电子商务法第三十五条：不合理限制商家定价）",
        ),
        (
            "h4-kecheng",
            "课程优选",
            "services",
            "所有入驻机构每月须上架不少于2门引流课，引流课统一定价9.9元/人，未完成的机构扣除当月保证金。",
            20,
            Some("deposit_deduction"),
            P,
            "平台强制每家机构以9.9元出售引流课并以扣保证金执行，每个学位成本约50元（反不正当竞争法（2025）第十四条）",
            P,
            "统一定价并以扣除保证金强制执行（电子商务法第三十五条）",
        ),
        (
            "h4-lvtu",
            "旅途网",
            "services",
            "冬游季活动报名自愿，商家可随时退出；活动价由商家自行确定，平台建议不低于成本价。",
            93,
            None,
            N,
            "报名自愿、价格由商家自定，参加商家的活动价仍高于成本",
            N,
            "报名自愿、可随时退出、价格自主，条款公平",
        ),
        (
            "h4-shouche",
            "收车二手",
            "sales",
            "年终补贴由平台全额出资，消费者领取的补贴券由平台承担，商家按原价结算货款；报名自愿。",
            60,
            None,
            N,
            "消费者看到的低价来自平台全额出资的补贴，商家按原价结算，没有被迫低于成本销售",
            N,
            "平台出资、商家按原价结算、报名自愿",
        ),
        (
            "h4-chuxing",
            "出行集市",
            "sales",
            "年货节为全体商家必选活动，报名价由商家自定，但不得低于商家申报的成本价。",
            90,
            Some("traffic_limit"),
            N,
            "活动价由商家自定且不得低于其申报成本，参加商家恰按成本价销售，没有低于成本（反不正当竞争法（2025）第十四条不适用）",
            P,
            "强制全体商家参加促销活动并对未报名者限流（明码标价和禁止价格欺诈规定第四条：平台不得强制经营者参加价格促销活动）",
        ),
    ];
    for (platform, name, category, terms, share, sanction, label, why, terms_label, terms_why) in
        cases
    {
        HOUSE.platform_row(city, rng, platform, name, category);
        let campaign = format!("{platform}-camp");
        city.add(
            platform,
            "campaigns",
            json!({
                "platform_id": platform, "campaign_id": campaign, "name": format!("{name}年终活动"),
                "starts_at": at(start, 0), "ends_at": at(last, 86_000), "terms_text": terms,
            }),
        );
        for k in 0..6i64 {
            let mut s = KIT.shop(city, rng, platform, &format!("forced{k}"), "入驻商家");
            let usual = 10_000;
            let l = HOUSE.goods(city, &mut s, "年终活动商品", "活动/年终", "general", usual);
            let cost = if platform == "h4-chuxing" {
                9_000
            } else {
                7_000
            };
            city.add(platform, "costs", json!({
                "platform_id": platform, "listing_id": l.id, "valid_from": date(-200), "valid_to": null,
                "unit_cost_fen": if platform == "h4-kecheng" { 5_000 } else { cost }, "basis": "declared",
            }));
            let joins = k < 5 || sanction.is_none();
            if joins {
                city.add(
                    platform,
                    "campaign_participants",
                    json!({
                        "platform_id": platform, "campaign_id": campaign, "merchant_id": l.merchant,
                        "joined_at": at(start - 3, 36_000),
                    }),
                );
            } else if let Some(action) = sanction {
                city.add(
                    platform,
                    "merchant_sanctions",
                    json!({
                        "platform_id": platform, "merchant_id": l.merchant, "at": at(start, 40_000),
                        "action": action, "reason_text": "未按要求参加平台年终活动",
                    }),
                );
            }
            for d in last - 20..=last {
                let price = if d >= start && joins {
                    if platform == "h4-kecheng" {
                        990
                    } else {
                        usual * share / 100
                    }
                } else {
                    usual
                };
                KIT.sell(city, rng, buyers, &l, order_no, d, price);
            }
        }
        KIT.t_platform(city, RULE, platform, label, why);
        KIT.t_subject(
            city,
            TERMS,
            "campaign",
            platform,
            &campaign,
            terms_label,
            terms_why,
        );
    }
}
