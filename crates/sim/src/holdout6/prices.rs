//! The sixth set's pricing cases: compared prices and the seven-day window (明码标价和禁止价格欺诈
//! 规定 第十六条), raising before a discount (第十七条), low prices in prominent places (第十九条
//! 第二项、第二十条), false time limits (第十九条第四项) around month ends, overnight windows and
//! lunar festivals, history-based surcharges (浙江省电子商务条例 第十四条), sustained below-cost
//! sales (价格法 第十四条第二项 and its exceptions) and platforms forcing them (反不正当竞争法
//! （2025）第十四条).

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::{City, at, date};
use crate::kit::house::month_day;
use crate::kit::rules::REFERENCE;
use crate::kit::{Item, Obs};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative as N, Positive as P};

/// One compared-price case: (platform, shop, title, class, completed sales as (days before the
/// display, price), a cancelled order (days before, price), shown, compared, kind, label text,
/// device, label, why).
type Compared = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(i64, i64)],
    Option<(i64, i64)>,
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
            "芷兰医美诊所",
            "玻尿酸 面部填充 1ml 进口",
            "general",
            &[
                (7, 168_000),
                (6, 198_000),
                (5, 198_000),
                (3, 198_000),
                (2, 198_000),
                (1, 198_000),
            ],
            None,
            158_000,
            198_000,
            "previous_price",
            "原价1980 限时1580",
            "ios",
            P,
            "“原价1980元”未标明详情，而比较前第7天（仍在七日之内）有一笔1680元的成交，前七日最低成交价是1680元（明码标价和禁止价格欺诈规定第十六条第二款）",
        ),
        (
            LOCAL,
            "时光印记婚纱摄影",
            "婚纱照 内景+外景 两套服装 含精修30张",
            "general",
            &[(12, 359_900), (10, 359_900)],
            None,
            329_900,
            459_900,
            "unspecified",
            "门市价4599 线上订3299",
            "android",
            P,
            "比较前七日内没有成交，此前最后一次成交价3599元；“门市价4599元”未说明来源，高于最后成交价（明码标价和禁止价格欺诈规定第十六条第二款）",
        ),
        (
            MALL,
            "云匣科技",
            "云相册 超级会员 年卡 自动续费可关",
            "digital",
            &[(6, 2_400), (5, 2_400), (4, 2_400), (3, 2_400), (1, 2_400)],
            None,
            2_400,
            3_000,
            "previous_price",
            "原价30 领券立减6 券后24",
            "ios",
            P,
            "七日内每位买家用券后实付24元，成交价（优惠后的实际交易价格）最低24元；“原价30元”从未成交，高于前七日最低成交价（明码标价和禁止价格欺诈规定第十六条第二款）",
        ),
        (
            MALL,
            "驰安轮胎养护",
            "静音轮胎 205/55R16 91V 含安装",
            "general",
            &[(6, 59_900), (4, 59_900), (3, 59_900), (1, 59_900)],
            None,
            59_900,
            69_900,
            "rrp",
            "厂商建议零售价699元 本店599元",
            "pc_web",
            N,
            "被比较价格标明为厂商建议零售价，与厂商价目表一致（明码标价和禁止价格欺诈规定第十六条第三款），不适用前七日最低成交价",
        ),
        (
            LOCAL,
            "小脚丫儿童摄影",
            "百天照 宝宝写真 套系 底片全送",
            "general",
            &[(6, 188_000), (4, 188_000), (2, 188_000)],
            Some((3, 128_000)),
            128_000,
            188_000,
            "previous_price",
            "原价1880 今日1280",
            "mini_program",
            N,
            "七日内完成的交易都是1880元；第3天那笔1280元的订单未付款即取消，没有成交，不是成交价格，“原价”不高于前七日最低成交价（明码标价和禁止价格欺诈规定第十六条第二款）",
        ),
    ];
    for (
        k,
        (
            platform,
            name,
            title,
            class,
            sales,
            cancelled,
            shown,
            compared,
            kind,
            text,
            device,
            label,
            why,
        ),
    ) in cases.into_iter().enumerate()
    {
        let mut s = KIT.shop(city, rng, platform, &format!("ref{k}"), name);
        let l = HOUSE.goods(city, &mut s, title, "比价/划线", class, compared);
        for &(before, price) in sales {
            KIT.sell(city, rng, buyers, &l, order_no, last - before, price);
        }
        if let Some((before, price)) = cancelled {
            let buyer = rng.pick(buyers).clone();
            let row = KIT.sale(
                rng,
                &l,
                order_no,
                last - before,
                52_000,
                price,
                1,
                &buyer,
                "cancelled",
            );
            let mut row = row;
            row["paid_at"] = json!(null);
            row["paid_fen"] = json!(0);
            city.add(platform, "orders", row);
        }
        KIT.show(
            city,
            rng,
            &l,
            &Obs {
                day: last,
                second: 83_400,
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
    // (platform, shop, title, class, usual price, raised price, raised for (days before the
    //  discount), shown, label, audited cost (before, after) the rise, label, why)
    type Case = (
        &'static str,
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
            "燃力健身工作室",
            "私教课 12节 一对一 体态评估",
            "general",
            336_000,
            456_000,
            10,
            342_000,
            "月末冲业绩 75折",
            None,
            P,
            "私教课长期3360元，月末活动前10天改标4560元，再“75折”为3420元，比提价前还贵60元：临时提价作为折扣基准（明码标价和禁止价格欺诈规定第十七条第一款）",
        ),
        (
            LOCAL,
            "芷兰医美诊所",
            "光子嫩肤 全脸 单次",
            "general",
            88_000,
            128_000,
            5,
            89_600,
            "周年庆7折",
            None,
            P,
            "长期880元，周年庆前5天改标1280元，“7折”后896元仍高于提价前：虚构折扣（明码标价和禁止价格欺诈规定第十七条第一款、第十九条第三项）",
        ),
        (
            MALL,
            "云匣科技",
            "影视会员 连续包年 Premium",
            "digital",
            19_800,
            25_800,
            6,
            20_640,
            "Premium 8折 limited",
            None,
            P,
            "包年长期198元，活动前6天调为258元，再“8折”为206.4元，高于原来的198元（明码标价和禁止价格欺诈规定第十七条第一款）",
        ),
        (
            MALL,
            "驰安轮胎养护",
            "冬季雪地胎 215/60R16 含安装",
            "general",
            52_000,
            61_000,
            40,
            54_900,
            "入冬换胎 9折",
            Some((36_000, 45_000)),
            N,
            "橡胶原料涨价，审计成本40天前由360元升至450元，售价同日由520元调至610元并一直按此成交，现按610元打9折：提价有成本依据且不是临时的（明码标价和禁止价格欺诈规定第十七条第一款）",
        ),
        (
            LOCAL,
            "千岛湖旅行社",
            "千岛湖二日游 跟团 含湖景房一晚",
            "general",
            59_900,
            79_900,
            12,
            71_910,
            "老年团 9折",
            Some((42_000, 58_000)),
            N,
            "冬季合同酒店调价，审计的地接成本12天前由420元升至580元，团费同日由599元调为799元并按此成交，再按799元打9折：提价有合理理由（明码标价和禁止价格欺诈规定第十七条第一款）",
        ),
    ];
    for (k, (platform, name, title, class, usual, raised, from, shown, text, cost, label, why)) in
        cases.into_iter().enumerate()
    {
        let mut s = KIT.shop(city, rng, platform, &format!("raise{k}"), name);
        let l = HOUSE.goods(city, &mut s, title, "促销/折扣", class, usual);
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
            if d % 2 == 1 || d >= discount_day - 7 {
                KIT.sell(city, rng, buyers, &l, order_no, d, price);
            }
        }
        if let Some((before, after)) = cost {
            city.add(platform, "costs", json!({
                "platform_id": platform, "listing_id": l.id, "valid_from": date(-240), "valid_to": date(discount_day - from - 1),
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
                    "划线的“原价”{}元未标明详情，高于前七日最低成交价{}元（明码标价和禁止价格欺诈规定第十六条第二款）",
                    yuan(raised),
                    yuan(week_low)
                ),
            )
        } else {
            (
                N,
                format!(
                    "划线的“原价”{}元就是前七日每天的成交价，不高于前七日最低成交价{}元（明码标价和禁止价格欺诈规定第十六条第二款；是否虚构折扣另按第十七条判断）",
                    yuan(raised),
                    yuan(week_low)
                ),
            )
        };
        KIT.t_listing(city, REFERENCE, &l, reference_label, &reference_why);
    }
}

/// Whether a bait case's two displays went to one viewer.
#[derive(Clone, Copy)]
enum Viewers {
    Same,
    Different,
}

pub(super) fn bait_price(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "price_fraud.bait_price";
    let last = days - 1;
    // (platform, shop, title, class, prominent page, prominent price, its promotion and label,
    //  later page, later shown, later payable, seconds between them, how the viewers go, device,
    //  label, why)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        (&'static str, i64, &'static str, Option<&'static str>),
        (&'static str, i64, i64),
        i64,
        Viewers,
        &'static str,
        Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            LOCAL,
            "车洁士汽车美容",
            "精洗+内饰清洁 SUV/MPV",
            "general",
            ("search", 3_900, "none", Some("精洗39")),
            ("cart", 5_900, 5_900),
            240,
            Viewers::Same,
            "android",
            P,
            "搜索列表标“精洗39元”，同一用户选中SUV加入购物车即为59元，SUV加价在搜索页没有任何提示：以低价吸引、以高价结算（明码标价和禁止价格欺诈规定第十九条第二项、第六项）",
        ),
        (
            LOCAL,
            "通途驾校",
            "C1手动挡 全包班 周末班",
            "general",
            ("home", 299_900, "none", Some("全包价2999 拿证为止")),
            ("checkout", 359_900, 359_900),
            600,
            Viewers::Same,
            "mini_program",
            P,
            "首页标“全包价2999元 拿证为止”，同一学员报名结算时须付3599元（另加考试费、场地费600元）：全包价不全包（明码标价和禁止价格欺诈规定第十九条第二项、第二十条第二项）",
        ),
        (
            MALL,
            "明眸眼镜",
            "近视配镜 镜架+1.60非球面镜片",
            "general",
            ("home", 19_900, "discount", Some("配镜199")),
            ("detail", 49_900, 49_900),
            180,
            Viewers::Same,
            "ios",
            P,
            "首页“配镜199元”，同一用户点进详情页镜架加镜片为499元，199元只是镜架价格而首页未说明：首页价格低于详情页（明码标价和禁止价格欺诈规定第二十条第一项）",
        ),
        (
            MALL,
            "云匣科技",
            "云盘 超级会员 月卡",
            "digital",
            ("home", 1_900, "new_user", Some("新人首月19元")),
            ("detail", 3_000, 3_000),
            300,
            Viewers::Different,
            "android",
            N,
            "首页19元是标明“新人首月”、只给新用户看的价格，详情页30元是老用户看到的价格，两者不是同一用户：新人价如实公示（明码标价和禁止价格欺诈规定第十九条第二项不适用）",
        ),
        (
            MALL,
            "乐学网校",
            "成人本科 学历提升 全程辅导",
            "digital",
            (
                "home",
                19_900,
                "none",
                Some("月付199元×12期 总价2388元 免息"),
            ),
            ("checkout", 238_800, 238_800),
            420,
            Viewers::Same,
            "pc_web",
            N,
            "首页同时标明每期199元、12期和总价2388元，结算的2388元正是首页写明的总价：分期价格的条件已完整标示，不是低价招徕（明码标价和禁止价格欺诈规定第十九条第二项、第六项）",
        ),
        (
            LIVE,
            "青山村助农直播间",
            "高山土蜂蜜 500g 村集体合作社",
            "food",
            ("live", 6_800, "discount", Some("直播间专享价 仅本场直播")),
            ("detail", 8_800, 8_800),
            86_400,
            Viewers::Same,
            "android",
            N,
            "直播中标明“仅本场直播”的专享价68元，同一用户当场结算即付68元；次日直播结束后详情页恢复88元：直播价在直播时兑现，不是同时展示的页面价差（明码标价和禁止价格欺诈规定第二十条第一项不适用）",
        ),
    ];
    for (k, (platform, name, title, class, first, then, gap, viewers, device, label, why)) in
        cases.into_iter().enumerate()
    {
        let mut s = KIT.shop(city, rng, platform, &format!("bait{k}"), name);
        let l = HOUSE.goods(city, &mut s, title, "促销/展示价", class, then.1);
        for v in 0..9i64 {
            let viewer = rng.hex64();
            let other = match viewers {
                Viewers::Same => viewer.clone(),
                Viewers::Different => rng.hex64(),
            };
            let day = last - 14 + v;
            let second = 30_000 + v * 1_300;
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
                    payable: Some(
                        if page == "home" && text.is_some_and(|t| t.contains("总价")) {
                            then.2
                        } else {
                            low
                        },
                    ),
                    promo,
                    label: text,
                    viewer: Some(&viewer),
                    segment: if promo == "new_user" {
                        "new"
                    } else {
                        "returning"
                    },
                    orders_90d: Some(if promo == "new_user" { 0 } else { 3 }),
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
                    second: second + gap,
                    page,
                    shown,
                    payable: Some(payable),
                    viewer: Some(&other),
                    segment: "returning",
                    orders_90d: Some(3),
                    device,
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
    // Day 3 is 2026-10-18, 农历九月初九 (重阳节); day 16 is 10-31; day 23 is 11-07 (立冬).
    let double_ninth = 3;
    let dragging: Vec<(i64, Option<String>)> = (double_ninth..=double_ninth + 12)
        .map(|d| {
            (
                d,
                Some("重阳敬老价 仅限九月初九（10月18日）当天".to_string()),
            )
        })
        .collect();
    let early_bird: Vec<(i64, Option<String>)> = (5..=last.min(30))
        .map(|d| {
            let text = (d <= 16).then(|| "早鸟价 截至10月31日 11月起恢复原价".to_string());
            (d, text)
        })
        .collect();
    let countdown: Vec<(i64, Option<String>)> = (last - 19..=last)
        .map(|d| {
            (
                d,
                Some("⏰Limited time 限时48h⏰ 倒计时结束恢复原价".to_string()),
            )
        })
        .collect();
    let nightly: Vec<(i64, Option<String>)> = (last - 13..=last)
        .map(|d| (d, Some("夜场特价 每晚22:00—24:00".to_string())))
        .collect();
    let festival_only = vec![(
        double_ninth,
        Some("重阳节当天特惠 仅限10月18日".to_string()),
    )];
    let start_of_winter = 23;
    let solar_term: Vec<(i64, Option<String>)> = (start_of_winter..start_of_winter + 3)
        .map(|d| {
            (
                d,
                Some(format!(
                    "立冬進補 限時三天 {}—{}",
                    month_day(start_of_winter),
                    month_day(start_of_winter + 2)
                )),
            )
        })
        .collect();
    // (platform, shop, title, class, usual, promoted, labels by day, page, second of the
    //  promoted display, a noon display at the usual price on promoted days, label, why)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        i64,
        i64,
        Vec<(i64, Option<String>)>,
        &'static str,
        i64,
        bool,
        Label,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            LOCAL,
            "康宁体检中心",
            "中老年体检套餐 重阳敬老 含胃功能筛查",
            "general",
            98_000,
            68_000,
            dragging,
            "detail",
            36_000,
            false,
            P,
            "标“仅限九月初九（10月18日）当天”的敬老价，此后12天照样展示同一标签和680元：所称时限不真实（明码标价和禁止价格欺诈规定第十九条第四项）",
        ),
        (
            LOCAL,
            "燃力健身工作室",
            "健身年卡 器械+团课 不限次",
            "general",
            368_000,
            258_000,
            early_bird,
            "detail",
            43_000,
            false,
            P,
            "“早鸟价截至10月31日、11月起恢复原价”，11月后标签撤下，价格却一直是2580元：截止时间是虚构的（明码标价和禁止价格欺诈规定第十九条第四项）",
        ),
        (
            MALL,
            "云匣科技",
            "Premium年卡 去广告 4K",
            "digital",
            19_800,
            12_800,
            countdown,
            "detail",
            79_000,
            false,
            P,
            "“Limited time 限时48h”倒计时连续20天每天都在，128元从未恢复198元：虚假的限时（明码标价和禁止价格欺诈规定第十九条第四项）",
        ),
        (
            LOCAL,
            "深夜食堂烧鸟",
            "烧鸟拼盘 12串 夜场",
            "food",
            12_800,
            8_800,
            nightly,
            "detail",
            81_000,
            true,
            N,
            "标明每晚22:00—24:00的固定时段特价，确实只在该时段按88元成交，白天恢复128元：每日重复的真实时段，不是虚假时限（明码标价和禁止价格欺诈规定第十九条第四项不适用）",
        ),
        (
            LOCAL,
            "康宁体检中心",
            "重阳节 父母体检 基础套餐",
            "general",
            52_000,
            39_900,
            festival_only,
            "detail",
            36_000,
            false,
            N,
            "“仅限10月18日”的重阳特惠只在当天展示，次日起恢复520元：说仅限当天就仅限当天（明码标价和禁止价格欺诈规定第十九条第四项）",
        ),
        (
            LOCAL,
            "老杭州羊肉馆",
            "立冬羊肉煲 双人份",
            "food",
            16_800,
            12_800,
            solar_term,
            "detail",
            47_000,
            false,
            N,
            "繁体标注“限時三天”并写明11月7日至9日，只在这三天展示128元，前后均为168元：时限真实（明码标价和禁止价格欺诈规定第十九条第四项）",
        ),
    ];
    for (k, (platform, name, title, class, usual, promoted, on, page, second, noon, label, why)) in
        cases.into_iter().enumerate()
    {
        let mut s = KIT.shop(city, rng, platform, &format!("timer{k}"), name);
        let l = HOUSE.goods(city, &mut s, title, "促销/时限", class, usual);
        for d in 0..=last {
            let today = on.iter().find(|(day, _)| *day == d);
            let promoted_today = today.is_some();
            let text = today.and_then(|(_, t)| t.as_deref());
            KIT.show(
                city,
                rng,
                &l,
                &Obs {
                    day: d,
                    second: if promoted_today { second } else { 46_000 },
                    page: if promoted_today { page } else { "detail" },
                    shown: if promoted_today { promoted } else { usual },
                    promo: if promoted_today { "flash_sale" } else { "none" },
                    label: text,
                    ..KIT.obs()
                },
            );
            if noon && promoted_today {
                // The same day at noon: the usual price.
                KIT.show(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: d,
                        second: 43_200,
                        shown: usual,
                        ..KIT.obs()
                    },
                );
            }
        }
        KIT.t_listing(city, RULE, &l, label, why);
    }
}

/// How a discrimination case prices a viewer.
#[derive(Clone, Copy)]
enum Pricing {
    /// Frequent customers are shown a higher price.
    FrequentRate,
    /// A night fee at checkout only for accounts with a long history.
    HistoryFee,
    /// The payable price climbs with the viewer's order count.
    Gradient,
    /// A published renewal discount: long-standing members pay less.
    Renewal,
    /// A new customer's first order is cheaper (a disclosed, time-bound offer).
    FirstOrder,
    /// A general price rise mid-way; frequent viewers browsed mostly after it.
    TimeConfound,
}

pub(super) fn discrimination(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "price_discrimination.loyalty_surcharge";
    let last = days - 1;
    let cases: [(Pricing, &str, &str, i64, Label, &str); 6] = [
        (
            Pricing::FrequentRate,
            LOCAL,
            "轿车精洗 含打蜡",
            4_500,
            P,
            "同一时段、同一区县、同一设备，近90天洗车10次以上的常客看到48.6元，其他用户45元：以交易历史对老客户加价8%（浙江省电子商务条例第十四条；平台经济反垄断指南第十七条）",
        ),
        (
            Pricing::HistoryFee,
            LOCAL,
            "酒后代驾 10公里内",
            5_800,
            P,
            "展示价相同，近90天叫代驾20次以上的账号结算时另收4元“夜间服务费”，同一时段的低频账号不收：对常客变相加价（浙江省电子商务条例第十四条）",
        ),
        (
            Pricing::Gradient,
            MALL,
            "在线问诊 图文咨询 三甲医生",
            2_900,
            P,
            "同一服务同一时段，应付价随近90天订单数逐单上浮0.3元，订单最多的用户比新用户多付14元以上：按交易历史差别定价（浙江省电子商务条例第十四条；个人信息保护法第二十四条）",
        ),
        (
            Pricing::Renewal,
            LOCAL,
            "瑜伽会员 季卡 续卡",
            198_000,
            N,
            "公示的“老会员续卡9折”：消费多的会员付得更少，不是对老客户加价（浙江省电子商务条例第十四条）",
        ),
        (
            Pricing::FirstOrder,
            MALL,
            "宠物疫苗 预约 上门接送",
            16_800,
            N,
            "新客首单立减30元，公示且限首单：新用户付得少、常客付标价，是合理期限内对新交易相对人的优惠（平台经济反垄断指南第十七条；浙江省电子商务条例第十四条不适用）",
        ),
        (
            Pricing::TimeConfound,
            LOCAL,
            "超声波洁牙 含抛光",
            9_800,
            N,
            "倒数第五天起洁牙统一调价为118元，对所有人相同；常客多在调价后浏览，平均付得多，同一时点上常客与新客价格一致（浙江省电子商务条例第十四条不适用）",
        ),
    ];
    for (k, (pricing, platform, title, price, label, why)) in cases.into_iter().enumerate() {
        let mut s = KIT.shop(city, rng, platform, &format!("fair{k}"), "城市生活服务");
        let l = HOUSE.goods(city, &mut s, title, "生活服务/到店", "general", price);
        let n: i64 = 220;
        for v in 0..n {
            let frequent = v % 2 == 1;
            let day = last - 10 + v * 10 / n;
            let history = if frequent { 11 + v % 25 } else { v % 5 };
            let mut o = Obs {
                day,
                second: 64_000 + (v % 30) * 40,
                page: "checkout",
                shown: price,
                payable: Some(price),
                segment: if history == 0 { "new" } else { "returning" },
                orders_90d: Some(history),
                device: "android",
                adcode: "330110",
                ..KIT.obs()
            };
            let mut text = None;
            match pricing {
                Pricing::FrequentRate => {
                    if history >= 10 {
                        o.shown = price * 108 / 100;
                        o.payable = Some(price * 108 / 100);
                    }
                }
                Pricing::HistoryFee => {
                    o.orders_90d = Some(if frequent { 20 + v % 12 } else { v % 4 });
                    o.second = 82_000 + (v % 30) * 40;
                    if frequent {
                        o.payable = Some(price + 400);
                    }
                }
                Pricing::Gradient => {
                    o.orders_90d = Some(v % 50);
                    o.shown = price + (v % 50) * 30;
                    o.payable = Some(price + (v % 50) * 30);
                }
                Pricing::Renewal => {
                    if history >= 10 {
                        o.segment = "member";
                        o.payable = Some(price * 9 / 10);
                        o.promo = "member";
                        text = Some("老会员续卡9折");
                    }
                }
                Pricing::FirstOrder => {
                    if history == 0 {
                        o.payable = Some(price - 3_000);
                        o.promo = "new_user";
                        text = Some("新客首单立减30元");
                    }
                }
                Pricing::TimeConfound => {
                    o.day = if frequent {
                        last - 4 + (v % 5)
                    } else {
                        last - 10 + (v % 11)
                    };
                    if o.day >= last - 4 {
                        o.shown = 11_800;
                        o.payable = Some(11_800);
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
    //  the end), label, why)
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
        Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            LOCAL,
            "通途驾校",
            "C2自动挡 学车 包接送",
            "general",
            260_000,
            "declared",
            358_000,
            199_900,
            36,
            P,
            "申报的教练、车辆和场地成本每名学员2600元，连续36天按1999元招生，挤压同区驾校，无法定除外事由（价格法第十四条第二项）",
        ),
        (
            LOCAL,
            "芷兰医美诊所",
            "射频紧致 全脸 单次",
            "general",
            520_000,
            "audited",
            680_000,
            388_000,
            33,
            P,
            "审计成本（耗材、设备折旧、医生）5200元，连续33天以3880元销售（价格法第十四条第二项）",
        ),
        (
            LOCAL,
            "车洁士汽车美容",
            "洗车年卡 不限次 轿车",
            "general",
            59_900,
            "audited",
            88_000,
            59_899,
            31,
            P,
            "审计成本599元，连续31天以598.99元销售，每单低于成本1分，无法定除外事由（价格法第十四条第二项）",
        ),
        (
            LIVE,
            "青山村助农直播间",
            "红心猕猴桃 5斤 现摘现发",
            "fresh",
            3_600,
            "declared",
            4_990,
            2_990,
            33,
            N,
            "丰产滞销的鲜果低于成本降价销售，属鲜活商品（价格法第十四条第二项除外情形：降价销售鲜活商品）",
        ),
        (
            MALL,
            "驰安轮胎养护",
            "燃油车机油滤芯 转产清仓",
            "general",
            3_200,
            "declared",
            4_800,
            1_900,
            28,
            N,
            "门店转产新能源车服务，低于成本清理燃油车配件库存（价格法第十四条第二项除外情形：因转产降价销售商品）",
        ),
        (
            LOCAL,
            "时光印记婚纱摄影",
            "婚纱礼服 库存 抵债清仓",
            "general",
            88_000,
            "audited",
            129_900,
            49_900,
            30,
            N,
            "为清偿到期债务低于成本处理库存礼服（价格法第十四条第二项除外情形：因清偿债务降价销售商品）",
        ),
    ];
    for (k, (platform, name, title, class, cost, basis, usual, low, from, label, why)) in
        cases.into_iter().enumerate()
    {
        let mut s = KIT.shop(city, rng, platform, &format!("cost{k}"), name);
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                category: "低价/成本",
                class,
                price: usual,
                returns: class != "fresh",
                ..Item::default()
            },
        );
        city.add(platform, "costs", json!({
            "platform_id": platform, "listing_id": l.id, "valid_from": date(-180), "valid_to": null,
            "unit_cost_fen": cost, "basis": basis,
        }));
        let low_from = last - from + 1;
        for d in 0..=last {
            let in_low = d >= low_from;
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
            "h6-meiyanquan",
            "美颜圈",
            "services",
            "医美节规则：参加项目的价格由平台按同城最低价统一核定，机构不得自行调价；拒绝核定价的项目暂停展示。",
            50,
            70,
            Some("listing_removal"),
            P,
            "医美平台统一核定低于机构成本的项目价、不许调价，拒绝者暂停展示，参加机构以成本约七成的价格接单（反不正当竞争法（2025）第十四条）",
            P,
            "平台单方核定并锁定机构价格，以暂停展示相逼（电子商务法第三十五条）",
        ),
        (
            "h6-xuechebang",
            "学车帮",
            "services",
            "驾考季：平台统一按1999元向学员收费，驾校结算价为平台收费的九成；不参加的驾校扣除保证金2000元。",
            55,
            75,
            Some("deposit_deduction"),
            P,
            "学车平台统一定价、驾校结算价低于其申报成本，不参加者扣保证金（反不正当竞争法（2025）第十四条）",
            P,
            "以扣保证金强制驾校接受平台定价（电子商务法第三十五条）",
        ),
        (
            "h6-cunhuo",
            "村货通",
            "sales",
            "丰收直播周：平台按全网比价结果设定直播间价格，商家须按平台价上架，不执行的限制直播推流。",
            60,
            80,
            Some("traffic_limit"),
            P,
            "农产品平台按“全网比价”设定低于合作社成本的直播价，不执行者限流，参加者被迫低于成本销售（反不正当竞争法（2025）第十四条）",
            P,
            "平台设定商家售价并以限流强制执行（电子商务法第三十五条；明码标价和禁止价格欺诈规定第二十条第二款）",
        ),
        (
            "h6-chefuhui",
            "车服汇",
            "services",
            "保养节：全体入驻门店自动参加，活动价由平台统一设定为门店原价的九折；未参加的门店降低搜索排序。",
            90,
            65,
            Some("search_demotion"),
            N,
            "平台设定的九折价仍高于各门店申报成本（成本为原价的65%），没有低于成本销售（反不正当竞争法（2025）第十四条不适用）",
            P,
            "强制全部门店参加、由平台设定售价并对不参加者降权（电子商务法第三十五条：不合理限制平台内经营者的交易价格）",
        ),
        (
            "h6-yunjiaoshi",
            "云教室",
            "services",
            "寒假课程节报名自愿；活动价由机构自行填报，但不得高于该课程近30日最低成交价；机构可在活动开始前随时撤回报名。",
            85,
            60,
            None,
            N,
            "报名自愿、价格由机构自定，活动价高于成本（反不正当竞争法（2025）第十四条不适用）",
            N,
            "活动价上限以机构自己近30日最低成交价为准，是防止先涨后降的规则；报名和撤回自由（电子商务法第三十五条不适用）",
        ),
        (
            "h6-lvxingjia",
            "旅行家",
            "services",
            "冬游季：平台提供统一活动价供旅行社选择，旅行社自愿勾选参加，可随时取消勾选，不参加不影响任何流量和排序。",
            80,
            60,
            None,
            N,
            "参加与否由旅行社自愿选择、随时可退，活动价高于旅行社成本（反不正当竞争法（2025）第十四条不适用）",
            N,
            "平台建议的活动价由经营者自愿选择接受，不参加无任何不利后果（电子商务法第三十五条不适用）",
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
        let campaign = format!("{platform}-season");
        city.add(
            platform,
            "campaigns",
            json!({
                "platform_id": platform, "campaign_id": campaign, "name": format!("{name}季末活动"),
                "starts_at": at(start, 0), "ends_at": at(last, 86_000), "terms_text": terms,
            }),
        );
        for k in 0..6i64 {
            let mut s = KIT.shop(city, rng, platform, &format!("forced{k}"), "入驻机构");
            let usual = 26_000;
            let l = HOUSE.goods(city, &mut s, "活动项目", "活动/季末", "general", usual);
            city.add(platform, "costs", json!({
                "platform_id": platform, "listing_id": l.id, "valid_from": date(-220), "valid_to": null,
                "unit_cost_fen": usual * cost_share / 100, "basis": "declared",
            }));
            let joins = k < 4 || sanction.is_none();
            if joins {
                city.add(
                    platform,
                    "campaign_participants",
                    json!({
                        "platform_id": platform, "campaign_id": campaign, "merchant_id": l.merchant,
                        "joined_at": at(start - 3, 33_000),
                    }),
                );
            } else if let Some(action) = sanction {
                city.add(
                    platform,
                    "merchant_sanctions",
                    json!({
                        "platform_id": platform, "merchant_id": l.merchant, "at": at(start + 1, 37_000),
                        "action": action, "reason_text": "未按平台活动要求参加季末活动",
                    }),
                );
            }
            for d in last - 20..=last {
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
