//! The fifth set's pricing cases: compared prices and the seven-day window (明码标价和禁止价格欺诈
//! 规定 第十六条), raising before a discount (第十七条), low prices in prominent places (第十九条
//! 第二项、第二十条, with 第二十一条's exceptions), false time limits (第十九条第四项), history-based
//! surcharges (浙江省电子商务条例 第十四条), sustained below-cost sales (价格法 第十四条第二项 and its
//! exceptions) and platforms forcing them (反不正当竞争法（2025）第十四条).

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::{City, at, date};
use crate::kit::house::month_day;
use crate::kit::rules::REFERENCE;
use crate::kit::{Item, Obs};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative as N, Positive as P};

/// One compared-price case: (platform, shop, title, class, completed sales as (days before the
/// display, price), shown, compared, kind, label text, device, label, why).
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
    let last = days - 1;
    let cases: [Compared; 5] = [
        (
            LOCAL,
            "橘乡团购",
            "赣南脐橙 10斤 团长推荐",
            "fresh",
            &[
                (6, 3_980),
                (5, 3_980),
                (4, 3_980),
                (3, 3_580),
                (2, 3_980),
                (1, 3_980),
            ],
            3_380,
            4_580,
            "unspecified",
            "市场价45.8 团购价33.8",
            "mini_program",
            P,
            "社区团购小程序标“市场价45.8元”却不说明是哪里、何时的价格，前七日最低成交价35.8元：未标明详情的被比较价格高于前七日最低成交价（明码标价和禁止价格欺诈规定第十六条第二款）",
        ),
        (
            LOCAL,
            "畅行租车",
            "经济型轿车 日租 含基础险",
            "general",
            &[
                (8, 19_900),
                (6, 16_900),
                (5, 16_900),
                (3, 16_900),
                (1, 16_900),
            ],
            14_900,
            19_900,
            "previous_price",
            "原价199 今日149",
            "ios",
            P,
            "“原价199元”只在比较前第8天成交过一次，前七日内每笔都是169元：七日窗口外的成交不能作比较基础（明码标价和禁止价格欺诈规定第十六条第二款）",
        ),
        (
            MALL,
            "清泉净水",
            "家用净水器 RO反渗透 600G",
            "general",
            &[
                (6, 219_900),
                (5, 219_900),
                (4, 219_900),
                (3, 219_900),
                (2, 219_900),
                (1, 219_900),
            ],
            219_900,
            299_900,
            "rrp",
            "厂商建议零售价2999元 本店价2199元",
            "pc_web",
            N,
            "明确标示被比较价格为厂商建议零售价，与厂商公布的价格一致（明码标价和禁止价格欺诈规定第十六条第三款），不适用前七日最低成交价规则",
        ),
        (
            LOCAL,
            "山乡农仓",
            "高山茭白 5斤 产地直发",
            "fresh",
            &[(6, 2_800), (5, 2_600), (3, 2_800), (2, 2_700), (1, 2_600)],
            2_500,
            3_600,
            "other_disclosed",
            "对比价36元：2026年11月杭州农副产品物流中心茭白零售均价（杭州市发展和改革委员会价格监测公布）",
            "mini_program",
            N,
            "被比较价格写明来源、品种和月份，可以核实，属标明了被比较价格详细信息的比较（明码标价和禁止价格欺诈规定第十六条第一款）",
        ),
        (
            MALL,
            "拾趣文具批发",
            "中性笔 0.5mm 整盒60支 批发",
            "general",
            &[(8, 4_200), (7, 4_600), (5, 4_600), (3, 4_600), (1, 4_600)],
            4_200,
            4_600,
            "previous_price",
            "原价46 今日42",
            "pc_web",
            N,
            "“原价46元”等于前七日（第7天至第1天）最低成交价46元；42元的那笔在第8天，已在七日之外（明码标价和禁止价格欺诈规定第十六条第二款）",
        ),
    ];
    for (
        k,
        (platform, name, title, class, sales, shown, compared, kind, text, device, label, why),
    ) in cases.into_iter().enumerate()
    {
        let mut s = KIT.shop(city, rng, platform, &format!("ref{k}"), name);
        let l = HOUSE.goods(city, &mut s, title, "促销/比价", class, compared);
        for &(before, price) in sales {
            KIT.sell(city, rng, buyers, &l, order_no, last - before, price);
        }
        KIT.show(
            city,
            rng,
            &l,
            &Obs {
                day: last,
                shown,
                reference: Some(compared),
                kind: Some(kind),
                promo: "discount",
                label: Some(text),
                device,
                ..KIT.obs()
            },
        );
        KIT.t_listing(city, REFERENCE, &l, label, why);
    }
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
    // (platform, shop, title, usual price, raised price, raised for (days before the discount),
    //  shown, label, audited cost (before, after) the rise, label, why)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        i64,
        i64,
        i64,
        i64,
        &'static str,
        Option<(i64, i64)>,
        Label,
        &'static str,
    );
    let cases: [Case; 5] = [
        (
            LOCAL,
            "驰途租车",
            "SUV 七座 日租 不限里程",
            32_800,
            42_800,
            4,
            32_100,
            "元旦提前订 75折",
            None,
            P,
            "日租长期328元，活动前4天改标428元，再按“75折”标321元：临时显著提高标示价格作为折扣基准（明码标价和禁止价格欺诈规定第十七条第一款）",
        ),
        (
            MALL,
            "喵星粮铺",
            "冻干双拼猫粮 1.5kg",
            12_900,
            15_900,
            2,
            12_720,
            "会员日8折",
            None,
            P,
            "长期129元，打折前两天改为159元，再“8折”成127.2元，几乎没有真实优惠（明码标价和禁止价格欺诈规定第十七条第一款）",
        ),
        (
            LOCAL,
            "清风家电清洗",
            "挂式空调清洗 上门服务",
            8_900,
            11_900,
            6,
            8_925,
            "周末75折",
            None,
            P,
            "长期89元，折扣前六天改标119元，周末“75折”后89.25元，比提价前还贵（明码标价和禁止价格欺诈规定第十七条第一款）",
        ),
        (
            MALL,
            "湖蟹人家",
            "大闸蟹 4对礼盒 公3.5两母2.5两",
            26_800,
            32_800,
            30,
            29_520,
            "9折",
            Some((15_000, 19_000)),
            N,
            "入秋收购成本上涨（审计成本同期由150元升至190元），30天前由268元调至328元并一直按此成交，现以328元为基准打9折：提价有合理理由且不是临时的（明码标价和禁止价格欺诈规定第十七条第一款）",
        ),
        (
            MALL,
            "禾田农资",
            "复合肥 40kg 批发",
            15_000,
            17_500,
            3,
            16_625,
            "老客户95折",
            Some((12_500, 15_800)),
            N,
            "尿素、钾肥原料涨价，审计成本三天前由125元升至158元，售价同日由150元调至175元：提价有合理理由（明码标价和禁止价格欺诈规定第十七条第一款不适用）；但未标明详情的“原价175元”仍高于前七日最低成交价150元，另属第十六条问题",
        ),
    ];
    for (k, (platform, name, title, usual, raised, from, shown, text, cost, label, why)) in
        cases.into_iter().enumerate()
    {
        let mut s = KIT.shop(city, rng, platform, &format!("raise{k}"), name);
        let l = HOUSE.goods(city, &mut s, title, "促销/折扣", "general", usual);
        let discount_day = last;
        let price_on = |d: i64| {
            if d >= discount_day - from {
                raised
            } else {
                usual
            }
        };
        for d in 0..discount_day {
            let price = price_on(d);
            KIT.plain(city, rng, &l, d, price);
            if d % 3 == 0 || d >= discount_day - 7 {
                KIT.sell(city, rng, buyers, &l, order_no, d, price);
            }
        }
        if let Some((before, after)) = cost {
            city.add(platform, "costs", json!({
                "platform_id": platform, "listing_id": l.id, "valid_from": date(-200), "valid_to": date(discount_day - from - 1),
                "unit_cost_fen": before, "basis": "audited",
            }));
            city.add(platform, "costs", json!({
                "platform_id": platform, "listing_id": l.id, "valid_from": date(discount_day - from), "valid_to": null,
                "unit_cost_fen": after, "basis": "audited",
            }));
        }
        KIT.show(
            city,
            rng,
            &l,
            &Obs {
                day: discount_day,
                shown,
                reference: Some(raised),
                kind: Some("previous_price"),
                promo: "discount",
                label: Some(text),
                ..KIT.obs()
            },
        );
        KIT.t_listing(city, RULE, &l, label, why);
        // The same display under the compared-price rule: every day of the week before it has a
        // sale at that day's price.
        let week_low = (discount_day - 7..discount_day)
            .map(price_on)
            .min()
            .unwrap_or(usual);
        let yuan = |fen: i64| fen as f64 / 100.0;
        let (reference_label, reference_why) = if raised > week_low {
            (
                P,
                format!(
                    "“原价”{}元未标明详情，高于前七日最低成交价{}元（明码标价和禁止价格欺诈规定第十六条第二款）",
                    yuan(raised),
                    yuan(week_low)
                ),
            )
        } else {
            (
                N,
                format!(
                    "“原价”{}元不高于前七日最低成交价{}元（明码标价和禁止价格欺诈规定第十六条第二款）",
                    yuan(raised),
                    yuan(week_low)
                ),
            )
        };
        KIT.t_listing(city, REFERENCE, &l, reference_label, &reference_why);
    }
}

pub(super) fn bait_price(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "price_fraud.bait_price";
    let last = days - 1;
    // (platform, shop, title, class, prominent page, prominent price, its promotion and label,
    //  later page, later shown, later payable, how the viewers go, device, label, why)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        (&'static str, i64, &'static str, Option<&'static str>),
        (&'static str, i64, i64),
        Viewers,
        &'static str,
        Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            LOCAL,
            "阿姨帮家政",
            "日常保洁 2小时 上门",
            "general",
            ("home", 5_900, "none", Some("59元/2小时")),
            ("checkout", 7_900, 7_900),
            Viewers::Same,
            "android",
            P,
            "首页标“59元/2小时”，同一用户下单结算时须付79元（另收上门服务费20元，首页未提示）：低价招徕、高价结算（明码标价和禁止价格欺诈规定第十九条第二项、第六项）",
        ),
        (
            MALL,
            "票根网",
            "草莓音乐节 单日票 看台",
            "digital",
            ("search", 38_000, "none", None),
            ("detail", 45_800, 45_800),
            Viewers::Same,
            "ios",
            P,
            "搜索结果标380元，同一用户点进详情页即为458元（明码标价和禁止价格欺诈规定第二十条第一项）",
        ),
        (
            LOCAL,
            "鲜果私房",
            "丹东草莓 99号 2斤 私域专享",
            "fresh",
            ("home", 3_990, "discount", Some("私域价39.9")),
            ("checkout", 4_990, 4_990),
            Viewers::Same,
            "mini_program",
            P,
            "小程序首页标“私域价39.9元”，同一用户几分钟后结算须付49.9元（明码标价和禁止价格欺诈规定第十九条第二项；第二十条第一项）",
        ),
        (
            MALL,
            "萌宠用品社",
            "实木猫爬架 多层 多规格",
            "general",
            ("home", 5_900, "none", Some("59元起")),
            ("detail", 7_900, 5_900),
            Viewers::Same,
            "ios",
            N,
            "首页“59元起”是最小规格的价格，详情页默认展示较大规格79元，该用户选最小规格后结算实付59元：首页价格如实可得，不是低价招徕（明码标价和禁止价格欺诈规定第十九条第二项、第二十条第一项）",
        ),
        (
            LOCAL,
            "邻里生鲜",
            "土鸡蛋 30枚 会员价",
            "fresh",
            ("home", 2_990, "member", Some("会员价29.9")),
            ("detail", 3_590, 3_590),
            Viewers::Different,
            "android",
            N,
            "首页29.9元是付费会员看到的、标明“会员价”的价格，详情页35.9元是非会员看到的价格，两者不是同一用户：会员价已公示，不属以低价诱骗（明码标价和禁止价格欺诈规定第十九条第二项）",
        ),
        (
            MALL,
            "晨光批发",
            "抽纸 3层 24包 整箱",
            "general",
            ("home", 4_990, "none", None),
            ("checkout", 4_990, 4_900),
            Viewers::Same,
            "pc_web",
            N,
            "首页标49.9元，结算时按舍零取整实付49元：实际成交价更优惠且符合交易习惯（明码标价和禁止价格欺诈规定第二十一条第二项、第三项）",
        ),
    ];
    for (k, (platform, name, title, class, first, then, viewers, device, label, why)) in
        cases.into_iter().enumerate()
    {
        let mut s = KIT.shop(city, rng, platform, &format!("bait{k}"), name);
        let l = HOUSE.goods(city, &mut s, title, "促销/展示价", class, then.1);
        for v in 0..10i64 {
            let viewer = rng.hex64();
            let other = match viewers {
                Viewers::Same => viewer.clone(),
                Viewers::Different => rng.hex64(),
            };
            let day = last - 10 + v;
            let second = 37_000 + v * 900;
            let (page, low, promo, text) = first;
            KIT.show(
                city,
                rng,
                &l,
                &Obs {
                    day,
                    second,
                    page,
                    shown: low,
                    payable: Some(low),
                    promo,
                    label: text,
                    viewer: Some(&viewer),
                    segment: if promo == "member" {
                        "member"
                    } else {
                        "returning"
                    },
                    device,
                    ..KIT.obs()
                },
            );
            let (page, shown, payable) = then;
            KIT.show(
                city,
                rng,
                &l,
                &Obs {
                    day,
                    second: second + 150,
                    page,
                    shown,
                    payable: Some(payable),
                    viewer: Some(&other),
                    segment: "returning",
                    device,
                    ..KIT.obs()
                },
            );
        }
        KIT.t_listing(city, RULE, &l, label, why);
    }
}

/// Whether a bait case's two displays went to one viewer.
#[derive(Clone, Copy)]
enum Viewers {
    Same,
    Different,
}

pub(super) fn fake_time_limit(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "price_fraud.fake_time_limit";
    let last = days - 1;
    // The coming Sunday of a day (day 0, 2026-10-15, is a Thursday, so day 3 is a Sunday).
    let rolling: Vec<(i64, String)> = (last - 20..=last)
        .map(|d| {
            let sunday = d + (3 - d).rem_euclid(7);
            (d, format!("本轮特价至本周日（{}）止", month_day(sunday)))
        })
        .collect();
    let extended: Vec<(i64, String)> = (last - 18..=last)
        .map(|d| {
            let deadline = if d <= last - 12 {
                last - 12
            } else if d <= last - 6 {
                last - 6
            } else {
                last
            };
            let text = if deadline == last - 12 {
                format!("早订特价 {}截止", month_day(deadline))
            } else {
                format!("应客户要求延期 特价截止{}", month_day(deadline))
            };
            (d, text)
        })
        .collect();
    let nightly: Vec<(i64, String)> = (last - 7..=last)
        .map(|d| (d, "倒数5分钟下架 拍完这一轮就恢复原价".to_string()))
        .collect();
    let window = last - 9;
    let dated: Vec<(i64, String)> = (window..window + 3)
        .map(|d| {
            (
                d,
                format!(
                    "限时特惠 {}10:00—{}24:00",
                    month_day(window),
                    month_day(window + 2)
                ),
            )
        })
        .collect();
    let one_day = vec![(last - 5, "特价仅限今日".to_string())];
    let season_end = last - 3;
    let season: Vec<(i64, String)> = (last - 16..=season_end)
        .map(|d| (d, format!("冬笋季限时上市价 至{}", month_day(season_end))))
        .collect();
    // (platform, shop, title, class, usual, promoted, labels by day, page, label, why)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        i64,
        i64,
        Vec<(i64, String)>,
        &'static str,
        Label,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            MALL,
            "乐票演出",
            "跨年演唱会 看台票",
            "digital",
            68_000,
            58_000,
            rolling,
            "detail",
            P,
            "连续三周每周都标“本轮特价至本周日止”，每到周日又续一轮，580元从未结束：以虚假的截止时间诱导购买（明码标价和禁止价格欺诈规定第十九条第四项）",
        ),
        (
            LOCAL,
            "途安租车",
            "元旦自驾 早订特价 紧凑型",
            "general",
            21_800,
            16_800,
            extended,
            "detail",
            P,
            "“早订特价”截止日到了就改称“应客户要求延期”，三次顺延，特价始终不变：标示的截止时间不真实（明码标价和禁止价格欺诈规定第十九条第四项）",
        ),
        (
            LIVE,
            "助农山货直播间",
            "丽水香菇干 500g",
            "food",
            8_900,
            5_900,
            nightly,
            "live",
            P,
            "八个晚上每场都喊“倒数5分钟下架，拍完这一轮就恢复原价”，次日照旧59元：虚假的时限（明码标价和禁止价格欺诈规定第十九条第四项）",
        ),
        (
            MALL,
            "猫砂铺子",
            "豆腐猫砂 6L×4包",
            "general",
            7_900,
            5_900,
            dated,
            "detail",
            N,
            "限时特惠标明起止日期，只在这三天展示，前后均按79元原价：时限真实（明码标价和禁止价格欺诈规定第十九条第四项）",
        ),
        (
            LOCAL,
            "剧场之家",
            "周末儿童剧 亲子票",
            "digital",
            16_000,
            9_900,
            one_day,
            "detail",
            N,
            "“特价仅限今日”只在那一天展示，次日起恢复160元：说仅限今日就仅限今日（明码标价和禁止价格欺诈规定第十九条第四项）",
        ),
        (
            LOCAL,
            "天目山农",
            "天目山冬笋 3斤 产地直发",
            "fresh",
            9_800,
            6_800,
            season,
            "detail",
            N,
            "冬笋上市季的限时价写明截止日，到期后不再展示、恢复98元：时限真实（明码标价和禁止价格欺诈规定第十九条第四项）",
        ),
    ];
    for (k, (platform, name, title, class, usual, promoted, on, page, label, why)) in
        cases.into_iter().enumerate()
    {
        let mut s = KIT.shop(city, rng, platform, &format!("timer{k}"), name);
        let l = HOUSE.goods(city, &mut s, title, "促销/时限", class, usual);
        for d in (last - 24).max(0)..=last {
            let today = on
                .iter()
                .find(|(day, _)| *day == d)
                .map(|(_, t)| t.as_str());
            let promoted_today = today.is_some();
            KIT.show(
                city,
                rng,
                &l,
                &Obs {
                    day: d,
                    second: if page == "live" { 75_000 } else { 46_000 },
                    page: if promoted_today { page } else { "detail" },
                    shown: if promoted_today { promoted } else { usual },
                    promo: if promoted_today { "flash_sale" } else { "none" },
                    label: today,
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
    /// Frequent renters are shown a higher daily rate.
    FrequentRate,
    /// A service fee at checkout only for accounts with a long history.
    HistoryFee,
    /// The payable price climbs with the viewer's order count.
    Gradient,
    /// Wholesale buyers with more purchases get a volume discount (they pay less).
    Volume,
    /// Student tickets, checked at entry, for the (mostly new) students.
    Student,
    /// A general price rise mid-way; frequent buyers browsed mostly after it.
    TimeConfound,
}

pub(super) fn discrimination(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "price_discrimination.loyalty_surcharge";
    let last = days - 1;
    let cases: [(Pricing, &str, &str, i64, Label, &str); 6] = [
        (
            Pricing::FrequentRate,
            LOCAL,
            "自驾租车 紧凑型 周末两日",
            36_000,
            P,
            "同一时段、同一区县、同一设备类型，近90天租车10次以上的老客看到的两日价396元，其余用户360元：交易历史不是不同的交易条件（浙江省电子商务条例第十四条；平台经济反垄断指南第十七条）",
        ),
        (
            Pricing::HistoryFee,
            MALL,
            "动物园 成人门票 电子票",
            13_000,
            P,
            "展示价相同，近90天下单20次以上的账号结算时另收3元“服务费”，低频账号不收：对老客户变相加价（浙江省电子商务条例第十四条）",
        ),
        (
            Pricing::Gradient,
            LOCAL,
            "家电维修 上门检测",
            5_000,
            P,
            "同一服务、同一时段，应付价随近90天订单数逐级抬高（每多一单约多0.2元，最多者比新近用户多付近10元）：按交易历史差别定价（浙江省电子商务条例第十四条；个人信息保护法第二十四条）",
        ),
        (
            Pricing::Volume,
            MALL,
            "一次性打包盒 1000只 批发",
            18_000,
            N,
            "批发店公示的阶梯价：近90天采购10次以上的客户享95折，采购多的付得更少而不是更多，不是对老客户加价（浙江省电子商务条例第十四条）",
        ),
        (
            Pricing::Student,
            LOCAL,
            "科技馆 门票 学生票/成人票",
            6_000,
            N,
            "学生凭学生证入馆享半价，公示且入口核验；买学生票的多是新用户，常客多是成人，付全价是因为身份条件不同（浙江省电子商务条例第十四条：交易条件不同）",
        ),
        (
            Pricing::TimeConfound,
            MALL,
            "宠物营养膏 120g",
            6_800,
            N,
            "第七天起商品统一调价至7.5元，对所有用户相同；高频用户多在调价后浏览，所以平均付得多，同一时点上高频与低频用户价格一致（浙江省电子商务条例第十四条不适用）",
        ),
    ];
    for (k, (pricing, platform, title, price, label, why)) in cases.into_iter().enumerate() {
        let mut s = KIT.shop(city, rng, platform, &format!("fair{k}"), "城市服务");
        let l = HOUSE.goods(city, &mut s, title, "生活服务/票务", "general", price);
        let n: i64 = 240;
        for v in 0..n {
            let frequent = v % 2 == 0;
            let day = last - 12 + v * 12 / n;
            let history = if frequent { 12 + v % 30 } else { v % 4 };
            let mut o = Obs {
                day,
                second: 55_000 + (v % 40) * 30,
                page: "checkout",
                shown: price,
                payable: Some(price),
                segment: if history == 0 { "new" } else { "returning" },
                orders_90d: Some(history),
                device: "ios",
                adcode: "330106",
                ..KIT.obs()
            };
            let mut text = None;
            match pricing {
                Pricing::FrequentRate => {
                    if history >= 10 {
                        o.shown = price * 11 / 10;
                        o.payable = Some(price * 11 / 10);
                    }
                }
                Pricing::HistoryFee => {
                    o.orders_90d = Some(if frequent { 20 + v % 15 } else { 1 + v % 3 });
                    if frequent {
                        o.payable = Some(price + 300);
                    }
                }
                Pricing::Gradient => {
                    o.orders_90d = Some(v % 48);
                    o.payable = Some(price + (v % 48) * 20);
                    o.shown = price + (v % 48) * 20;
                }
                Pricing::Volume => {
                    o.device = "pc_web";
                    if history >= 10 {
                        o.payable = Some(price * 95 / 100);
                        o.promo = "discount";
                        text = Some("阶梯价 老客户95折");
                    }
                }
                Pricing::Student => {
                    if !frequent && v % 4 != 1 {
                        o.shown = price / 2;
                        o.payable = Some(price / 2);
                        o.promo = "discount";
                        text = Some("学生票（入馆验证学生证）");
                    }
                }
                Pricing::TimeConfound => {
                    // Frequent viewers mostly in the last six days, after the rise.
                    o.day = if frequent {
                        last - 6 + (v % 6)
                    } else {
                        last - 12 + (v % 12)
                    };
                    if o.day >= last - 6 {
                        o.shown = 7_500;
                        o.payable = Some(7_500);
                    }
                }
            }
            let viewer = rng.hex64();
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
    // (platform, shop, title, class, cost, basis, usual price, low price, low for (days before
    //  the end), how, label, why)
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
        Low,
        Label,
        &'static str,
    );
    let cases: [Case; 7] = [
        (
            MALL,
            "宠粮工坊",
            "成犬粮 鸡肉味 15kg",
            "general",
            16_000,
            "audited",
            21_900,
            15_900,
            35,
            Low::Plain,
            P,
            "审计成本160元，连续35天以159元销售，低于成本1元，无鲜活、季节、临期、歇业等法定事由（价格法第十四条第二项）",
        ),
        (
            LOCAL,
            "洁家家政",
            "深度保洁 4小时 2人",
            "general",
            18_000,
            "declared",
            26_800,
            9_900,
            45,
            Low::Plain,
            P,
            "申报的人工及耗材成本180元，连续45天以99元接单，挤压同区家政机构（价格法第十四条第二项）",
        ),
        (
            LOCAL,
            "神行租车",
            "新能源轿车 日租",
            "general",
            14_000,
            "declared",
            19_800,
            6_900,
            50,
            Low::Plain,
            P,
            "申报的折旧、保险和整备成本每日140元，连续50天以69元出租（价格法第十四条第二项）",
        ),
        (
            LOCAL,
            "花间集",
            "鲜切玫瑰 19枝 花束",
            "fresh",
            6_000,
            "declared",
            12_800,
            3_900,
            40,
            Low::Evening,
            N,
            "每天白天按原价销售，只在傍晚把第三天将谢的花束以39元处理：依法降价处理鲜活商品（价格法第十四条第二项除外情形）",
        ),
        (
            MALL,
            "小宠罐头铺",
            "临期猫罐头 85g×24 保质期至明年1月",
            "general",
            7_200,
            "audited",
            9_600,
            4_800,
            25,
            Low::Plain,
            N,
            "临近保质期的罐头按标示的临期价低于成本处理（价格法第十四条第二项：处理有效期限即将到期的商品）",
        ),
        (
            MALL,
            "老周五金",
            "不锈钢合页 4寸 10只 清仓",
            "general",
            3_800,
            "declared",
            5_600,
            2_500,
            20,
            Low::ClosingDown,
            N,
            "店铺歇业清仓，最后20天低于成本处理存货后关店（价格法第十四条第二项：因歇业降价销售商品）",
        ),
        (
            MALL,
            "湖畔茶仓",
            "安吉白茶 100g 礼罐",
            "general",
            9_000,
            "audited",
            16_800,
            8_800,
            30,
            Low::CostFell,
            N,
            "最近30天售价88元低于旧的审计成本90元，但该期间适用的是新审计成本72元（春茶收购价下降后重新核定），售价高于现行成本（价格法第十四条第二项不适用）",
        ),
    ];
    for (k, (platform, name, title, class, cost, basis, usual, low, from, how, label, why)) in
        cases.into_iter().enumerate()
    {
        let mut s = if matches!(how, Low::ClosingDown) {
            let reg = crate::kit::Reg {
                closed_on: Some(last),
                ..KIT.reg()
            };
            KIT.shop_with(city, rng, platform, &format!("cost{k}"), name, &reg)
        } else {
            KIT.shop(city, rng, platform, &format!("cost{k}"), name)
        };
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                category: "低价/成本",
                class,
                price: usual,
                returns: class != "fresh",
                delisted: matches!(how, Low::ClosingDown).then_some(last),
                ..Item::default()
            },
        );
        let low_from = last - from + 1;
        match how {
            Low::CostFell => {
                city.add(platform, "costs", json!({
                    "platform_id": platform, "listing_id": l.id, "valid_from": date(-150), "valid_to": date(low_from - 1),
                    "unit_cost_fen": cost, "basis": basis,
                }));
                city.add(platform, "costs", json!({
                    "platform_id": platform, "listing_id": l.id, "valid_from": date(low_from), "valid_to": null,
                    "unit_cost_fen": 7_200, "basis": basis,
                }));
            }
            _ => {
                city.add(platform, "costs", json!({
                    "platform_id": platform, "listing_id": l.id, "valid_from": date(-150), "valid_to": null,
                    "unit_cost_fen": cost, "basis": basis,
                }));
            }
        }
        for d in 0..=last {
            let in_low = d >= low_from;
            if matches!(how, Low::Evening) {
                KIT.sell(city, rng, buyers, &l, order_no, d, usual);
                if in_low {
                    let b = rng.pick(buyers).clone();
                    let row = KIT.sale(rng, &l, order_no, d, 68_400, low, 1, &b, "completed");
                    city.add(platform, "orders", row);
                }
                continue;
            }
            let price = if in_low { low } else { usual };
            if in_low || d % 4 == 0 {
                KIT.sell(city, rng, buyers, &l, order_no, d, price);
                KIT.plain(city, rng, &l, d, price);
            }
        }
        KIT.t_listing(city, RULE, &l, label, why);
    }
}

/// How a below-cost case sells low.
#[derive(Clone, Copy)]
enum Low {
    /// Every sale of the low period at the low price.
    Plain,
    /// Daytime at the usual price, an evening clearance every day of the low period.
    Evening,
    /// The shop closes at the end of the low period.
    ClosingDown,
    /// The audited cost fell when the low period began.
    CostFell,
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
    let start = last - 11;
    // (platform, name, category, terms, campaign price as a share of the usual price (percent),
    //  cost as a share, sanction of those who do not join, label, why, terms label, terms why)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        i64,
        i64,
        Option<&'static str>,
        Label,
        &'static str,
        Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            "h5-tuanxian",
            "团鲜到家",
            "sales",
            "爆品日规则：爆品价由平台系统按竞品最低价自动跟价生成，团长端价格商家不可修改；未接受跟价的商品取消首页资源位并降低搜索排序。",
            55,
            75,
            Some("search_demotion"),
            P,
            "社区团购平台自动跟价定出低于商家成本的爆品价、商家不得修改，不接受的降权，参加商家被迫以成本的约七成出售（反不正当竞争法（2025）第十四条）",
            P,
            "平台自动跟价并锁定商家价格，以降权强制执行（电子商务法第三十五条；明码标价和禁止价格欺诈规定第二十条第二款）",
        ),
        (
            "h5-zuhaoche",
            "租好车",
            "services",
            "周末特惠：平台内全部车辆自动纳入，统一按日租价7折向用户收费；商家退出须提前90日申请，期间拒单的按每单扣除保证金500元。",
            70,
            85,
            Some("deposit_deduction"),
            P,
            "租车平台把全部车辆自动纳入7折活动、以扣保证金禁止拒单，活动价低于商家申报成本（反不正当竞争法（2025）第十四条）",
            P,
            "自动纳入、90日退出期和扣保证金，使商家无法自主决定是否参加和定价（电子商务法第三十五条）",
        ),
        (
            "h5-piaoduoduo",
            "票多多",
            "services",
            "补贴场次票价由平台设定为票面价的45%，差额由主办方自行承担；未参加补贴的场次不予首页推荐。",
            45,
            60,
            Some("traffic_limit"),
            P,
            "票务平台设定票面45%的补贴价、差额由主办方承担，不参加者不予推荐，主办方以低于成本的价格售票（反不正当竞争法（2025）第十四条）",
            P,
            "平台单方设定售价并以不予推荐相逼（电子商务法第三十五条）",
        ),
        (
            "h5-nongxiangji",
            "农乡集",
            "sales",
            "丰收节活动由商家自愿报名，活动价由商家自行填报；平台审核时对低于商家申报成本的报价不予通过，商家可随时退出。",
            95,
            85,
            None,
            N,
            "报名自愿、价格由商家自定且平台拒绝低于成本的报价，参加商家售价高于成本（反不正当竞争法（2025）第十四条不适用）",
            N,
            "自愿报名、自主定价、随时退出，平台还防止低于成本报价，条款公平（电子商务法第三十五条）",
        ),
        (
            "h5-chongwuzhan",
            "宠物站",
            "sales",
            "年终宠物节报名自愿，活动价由商家自主设置，平台不设最低折扣要求，商家可随时修改价格或退出活动。",
            65,
            70,
            None,
            N,
            "活动价是商家自己定的，报名和退出都自由，平台既未定价也未强制参加；商家自愿短期让利不是平台强制低于成本销售（反不正当竞争法（2025）第十四条不适用）",
            N,
            "报名自愿、价格自主、可随时退出（电子商务法第三十五条）",
        ),
        (
            "h5-jiazhengbang",
            "家政帮",
            "services",
            "服务节为平台全体家政商户必选活动，活动价由商户自行报价；未报名的商户活动期间降低曝光。",
            90,
            70,
            Some("traffic_limit"),
            N,
            "活动价由商户自定，参加商户的活动价仍高于成本，没有低于成本销售（反不正当竞争法（2025）第十四条不适用）",
            P,
            "强制全体商户参加平台促销并对未报名者降低曝光（电子商务法第三十五条：不合理限制平台内经营者的交易）",
        ),
    ];
    for (
        platform,
        name,
        category,
        terms,
        share,
        cost_share,
        sanction,
        label,
        why,
        terms_label,
        terms_why,
    ) in cases
    {
        HOUSE.platform_row(city, rng, platform, name, category);
        let campaign = format!("{platform}-festival");
        city.add(
            platform,
            "campaigns",
            json!({
                "platform_id": platform, "campaign_id": campaign, "name": format!("{name}年终节"),
                "starts_at": at(start, 0), "ends_at": at(last, 86_000), "terms_text": terms,
            }),
        );
        for k in 0..6i64 {
            let mut s = KIT.shop(city, rng, platform, &format!("forced{k}"), "平台商户");
            let usual = 12_000;
            let l = HOUSE.goods(city, &mut s, "活动商品", "活动/年终", "general", usual);
            city.add(platform, "costs", json!({
                "platform_id": platform, "listing_id": l.id, "valid_from": date(-200), "valid_to": null,
                "unit_cost_fen": usual * cost_share / 100, "basis": "declared",
            }));
            let joins = k < 5 || sanction.is_none();
            if joins {
                city.add(
                    platform,
                    "campaign_participants",
                    json!({
                        "platform_id": platform, "campaign_id": campaign, "merchant_id": l.merchant,
                        "joined_at": at(start - 2, 39_600),
                    }),
                );
            } else if let Some(action) = sanction {
                city.add(
                    platform,
                    "merchant_sanctions",
                    json!({
                        "platform_id": platform, "merchant_id": l.merchant, "at": at(start, 43_000),
                        "action": action, "reason_text": "未参加平台年终节活动",
                    }),
                );
            }
            for d in last - 24..=last {
                let price = if d >= start && joins {
                    usual * share / 100
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
