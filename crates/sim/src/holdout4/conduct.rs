//! The fourth set's conduct cases: brushing rings (反不正当竞争法（2025）第九条; 电子商务法
//! 第十七条), forced exits from a rival platform (电子商务法 第三十五条; 平台经济反垄断指南
//! 第十五条), referral schemes (禁止传销条例 第七条), refused returns (消费者权益保护法 第二十五条)
//! and invoices (电子商务法 第十四条), and profit-seeking complainants (消费者权益保护法实施条例).

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::{City, Listing, at};
use crate::kit::Item;
use crate::kit::brushing::{Brush, Crowd, Ring};
use crate::kit::referrals::Tree;
use crate::kit::two_homed::{Sanctions, Style};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative as N, Positive as P};

const FIVE_STARS: &[&str] = &[
    "味道很赞，分量足，下次还点",
    "非常满意，推荐给朋友了",
    "好评，包装用心，服务到位",
    "超出预期，物美价廉",
];

/// The set's buyers: its five-star texts, a ring's refund 7,200 s after its review (its ordinary
/// sales are its own).
const CROWD: Crowd = Crowd {
    house: &HOUSE,
    glowing: FIVE_STARS,
    plain: &[],
    refund_after: 7_200,
};

/// Ordinary sales of a listing to the city's shoppers, some reviewed with mixed ratings.
fn ordinary(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    l: &Listing,
    days: i64,
    order_no: &mut u64,
) {
    for d in 0..days {
        if !rng.chance(0.7) {
            continue;
        }
        let b = rng.pick(buyers).clone();
        let second = rng.range(30_000, 75_000);
        let row = KIT.sale(rng, l, order_no, d, second, l.price, 1, &b, "completed");
        if rng.chance(0.2) {
            let text = crate::background::honest_review_text(rng);
            let rating = rng.range(2, 5);
            HOUSE.review(
                city,
                l,
                &row,
                rating,
                &text,
                at(d + 4, rng.range(0, 86_000)),
            );
        }
        city.add(l.platform, "orders", row);
    }
}

/// A ring case: (platform, shop tag, shop, title, category, class, price, ring (accounts, devices,
/// networks, drop addresses), how its orders go, why).
type RingCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
    (usize, usize, usize, usize),
    Brush,
    &'static str,
);

pub(super) fn brushing(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    const RULE: &str = "fake_orders.brushing_ring";
    let last = days - 1;
    let rings: [RingCase; 4] = [
        (
            LOCAL,
            "brush-fish",
            "炭火烤鱼",
            "招牌炭火烤鱼 2斤",
            "外卖/烧烤",
            "food",
            8_800,
            (24, 3, 2, 1),
            // Ordered at night for ten days, "delivered" within minutes, five stars at once.
            Brush {
                days: last - 10..last,
                per_account: 2,
                hours: (68_000, 82_000),
                parcel: None,
                signed_after: (120, 420),
                reviewed_after: (60, 600),
                refunded: false,
            },
            "24个账号共用3部手机、2个网络，十天内夜间反复点同一道菜送到同一地址，下单几分钟即“送达”并五星好评：虚构交易、编造评价（反不正当竞争法（2025）第九条；电子商务法第十七条）",
        ),
        (
            LOCAL,
            "brush-ticket",
            "湖山景区票务",
            "湿地公园门票 电子票",
            "旅游/门票",
            "digital",
            6_000,
            (18, 2, 1, 1),
            // Bursts of e-tickets, five stars minutes after "use".
            Brush {
                days: last - 20..last - 14,
                per_account: 3,
                hours: (68_000, 82_000),
                parcel: None,
                signed_after: (300, 900),
                reviewed_after: (120, 900),
                refunded: false,
            },
            "18个账号仅用2部手机、1个网络，六天内集中购买电子门票，核销后几分钟即五星好评（电子商务法第十七条）",
        ),
        (
            MALL,
            "brush-kettle",
            "暖居小家电",
            "电热水壶 1.7L 不锈钢",
            "家电/厨房",
            "general",
            12_900,
            (20, 5, 3, 2),
            // Reviews first, refunds after, 15–25 g parcels for a kettle.
            Brush {
                days: last - 25..last - 5,
                per_account: 2,
                hours: (68_000, 82_000),
                parcel: Some((15, 25)),
                signed_after: (86_400, 172_800),
                reviewed_after: (1_800, 7_200),
                refunded: true,
            },
            "20个账号共用2个收货地址，1.7升水壶的包裹仅15–25克，五星好评后全部退款：先刷评价、后退款（反不正当竞争法（2025）第九条）",
        ),
        (
            LIVE,
            "brush-live",
            "唇色研究所",
            "丝绒口红 礼盒装",
            "美妆/彩妆",
            "general",
            16_900,
            (30, 4, 3, 3),
            // Orders after each evening's stream, 10–20 g parcels, five stars the day they sign.
            Brush {
                days: last - 14..last - 2,
                per_account: 2,
                hours: (68_000, 82_000),
                parcel: Some((10, 20)),
                signed_after: (86_400, 150_000),
                reviewed_after: (600, 5_400),
                refunded: false,
            },
            "30个账号共用4部手机、3个网络、3个收货地址，每晚直播后集中下单，礼盒口红包裹仅10–20克，签收当天五星好评（电子商务法第十七条）",
        ),
    ];
    for (platform, tag, name, title, category, class, price, sizes, how, why) in rings {
        let mut s = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut s, title, category, class, price);
        ordinary(city, rng, buyers, &l, days, order_no);
        let ring = Ring::new(rng, sizes.0, sizes.1, sizes.2, sizes.3);
        CROWD.ring_orders(city, rng, &l, &ring, &how, order_no);
        KIT.t_subject(city, RULE, "merchant", platform, &l.merchant, P, why);
    }
    // −: a pet-food shop with sixty loyal customers: each buys every one to three weeks from their
    //    own phone and home, real 10 kg parcels, reviews sparse and mixed.
    let mut s = KIT.shop(city, rng, MALL, "loyal-pet", "毛孩子粮仓");
    let l = HOUSE.goods(
        city,
        &mut s,
        "全价犬粮 10kg",
        "宠物/主粮",
        "general",
        21_900,
    );
    let regulars: Vec<String> = (0..60).map(|_| rng.hex64()).collect();
    for (k, b) in regulars.iter().enumerate() {
        let mut d = (k % 12) as i64;
        while d < days {
            let row_second = rng.range(30_000, 80_000);
            let mut row = KIT.sale(rng, &l, order_no, d, row_second, l.price, 1, b, "completed");
            row["parcel_weight_g"] = json!(rng.range(10_100, 10_400));
            if rng.chance(0.15) {
                let rating = rng.range(3, 5);
                let text = crate::background::honest_review_text(rng);
                HOUSE.review(
                    city,
                    &l,
                    &row,
                    rating,
                    &text,
                    at(d + 5, rng.range(0, 86_000)),
                );
            }
            city.add(MALL, "orders", row);
            d += rng.range(7, 21);
        }
    }
    KIT.t_subject(
        city,
        RULE,
        "merchant",
        MALL,
        &l.merchant,
        N,
        "60位老顾客各自用自己的手机、从自己家里每一至三周回购，包裹重量真实，评价稀少且褒贬不一：回头客多不是刷单",
    );
    // −: one household: four family accounts sharing a home address and Wi-Fi buy groceries
    //    weekly; real parcels, ordinary reviews.
    let mut s = KIT.shop(city, rng, LOCAL, "family-grocer", "社区菜篮子");
    let l = HOUSE.goods(city, &mut s, "家庭蔬菜箱 5斤", "生鲜/蔬菜", "fresh", 4_900);
    ordinary(city, rng, buyers, &l, days, order_no);
    let home = (rng.hex64(), rng.hex64());
    for member in 0..4i64 {
        let account = rng.hex64();
        let phone = rng.hex64();
        let mut d = member;
        while d < days {
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                d,
                64_800,
                l.price,
                1,
                &account,
                "completed",
            );
            row["ship_address_pid"] = json!(home.0);
            row["ip_pid"] = json!(home.1);
            row["device_pid"] = json!(phone);
            row["parcel_weight_g"] = json!(rng.range(2_400, 2_700));
            if d % 21 == member {
                HOUSE.review(
                    city,
                    &l,
                    &row,
                    rng.range(3, 5),
                    "菜挺新鲜，偶尔有点蔫",
                    at(d + 1, 30_000),
                );
            }
            city.add(LOCAL, "orders", row);
            d += 7;
        }
    }
    KIT.t_subject(
        city,
        RULE,
        "merchant",
        LOCAL,
        &l.merchant,
        N,
        "一家四口各用自己的手机、共用家里的地址和网络每周买菜，包裹重量真实、评价平常：共同住址不等于刷单团伙",
    );
    // −: a campus group order: 25 students in one dormitory building on the campus network, each
    //    with their own phone, real 600–900 g parcels, few reviews.
    let mut s = KIT.shop(city, rng, MALL, "campus", "书香文具");
    let l = HOUSE.goods(
        city,
        &mut s,
        "考研复习资料 全套",
        "图书/教辅",
        "general",
        9_800,
    );
    ordinary(city, rng, buyers, &l, days, order_no);
    let dorm = (rng.hex64(), rng.hex64());
    for k in 0..25i64 {
        let student = rng.hex64();
        let mut row = KIT.sale(
            rng,
            &l,
            order_no,
            30,
            50_000 + k * 97,
            l.price,
            1,
            &student,
            "completed",
        );
        row["ship_address_pid"] = json!(dorm.0);
        row["ip_pid"] = json!(dorm.1);
        row["device_pid"] = json!(rng.hex64());
        row["parcel_weight_g"] = json!(rng.range(600, 900));
        if k % 8 == 0 {
            let rating = rng.range(3, 5);
            HOUSE.review(
                city,
                &l,
                &row,
                rating,
                "资料齐全，就是印刷有点淡",
                at(36, 40_000 + k),
            );
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
        "同一宿舍楼25名学生在校园网下团购复习资料：各用各的手机，包裹600–900克真实，评价很少且不一，属正常团购",
    );
}

/// How the set's two-homed operators in the forced-exit cases are named and trade.
const STYLE: Style = Style {
    prefix: "两栖",
    trade: "贸易",
    shop_suffix: "号",
    infix: "two",
    established: (700, 2_400),
    margin: 5,
    second: 39_000,
    opened: (250, 650),
    turnover: 25_000_000,
    orders: (1, 10),
    order_value: 6_900,
    listings: 8,
};

pub(super) fn exclusive(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "exclusive_dealing.forced_exit";
    const RIVAL: &str = "h4-duimian";
    HOUSE.platform_row(city, rng, RIVAL, "对面购", "sales");
    // (platform, name, operators, sanctioned, actions, reason, sanction day, exits of the
    //  sanctioned from the rival (count, from, to days after the sanction), exits of the others
    //  from the rival, exits of the sanctioned from the sanctioning platform, label, why)
    type Case = (
        &'static str,
        &'static str,
        usize,
        usize,
        &'static [&'static str],
        &'static str,
        i64,
        (usize, i64, i64),
        usize,
        usize,
        Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            "h4-kuaipao",
            "快跑到家",
            20,
            10,
            &["traffic_limit", "fee_increase"],
            "未签署独家经营承诺书",
            18,
            (9, 1, 5),
            0,
            0,
            P,
            "以“未签署独家经营承诺书”为由对10家同时在对面购经营的商家限流、提高收费，9家在1–5天内关闭对面购店铺，未受处罚者无一退出（平台经济反垄断指南第十五条；电子商务法第三十五条）",
        ),
        (
            "h4-xiaoyu",
            "小鱼优品",
            24,
            12,
            &["deposit_deduction"],
            "经核查商家在其他平台同时经营",
            22,
            (8, 3, 12),
            1,
            0,
            P,
            "因商家“在其他平台同时经营”扣除保证金，12家受罚者中8家3–12天内退出对面购，未受罚的12家仅1家退出（平台经济反垄断指南第十五条：扣取保证金等惩罚性措施）",
        ),
        (
            "h4-pinhao",
            "拼好家",
            18,
            9,
            &["search_demotion"],
            "店铺综合体验分调整",
            15,
            (6, 10, 20),
            0,
            0,
            P,
            "以“体验分调整”为名对9家多平台商家搜索降权，其中6家在10–20天后陆续关闭对面购店铺，未降权的9家无一退出：退出集中于受罚者且在受罚之后（电子商务法第三十五条）",
        ),
        (
            "h4-lanshan",
            "蓝山生活",
            20,
            10,
            &["shop_block"],
            "销售假冒商品，经权利人投诉核实",
            20,
            (0, 0, 0),
            0,
            0,
            N,
            "因售假被权利人投诉核实而屏蔽店铺，受处罚商家没有一家退出对面购：正当的知识产权处置，没有迫使二选一",
        ),
        (
            "h4-haoyun",
            "好运集",
            22,
            11,
            &["warning"],
            "发货超时，提醒整改",
            25,
            (3, -20, 30),
            3,
            0,
            N,
            "发货超时的警告；受警告与未受警告的商家各有3家在期间内不同时间退出对面购，退出与处理无关",
        ),
        (
            "h4-jiayuan",
            "家园集市",
            20,
            10,
            &["search_demotion"],
            "虚假评价，依规降权",
            20,
            (0, 0, 0),
            0,
            6,
            N,
            "因虚假评价依规降权，受罚商家中6家随后关闭的是本平台的店铺，在对面购照常经营：没有迫使商家离开竞争平台",
        ),
    ];
    for (
        s,
        (
            platform,
            name,
            operators,
            sanctioned,
            actions,
            reason,
            sanction_day,
            exits,
            others,
            leave_here,
            label,
            text,
        ),
    ) in cases.into_iter().enumerate()
    {
        HOUSE.platform_row(city, rng, platform, name, "sales");
        STYLE.plant(
            city,
            rng,
            &KIT,
            s,
            &Sanctions {
                platforms: (platform, RIVAL),
                operators,
                sanctioned,
                actions,
                reason,
                day: sanction_day,
                exits,
                others,
                all_leave: None,
                leave_here,
            },
            days,
        );
        KIT.t_platform(city, RULE, platform, label, text);
    }
}

pub(super) fn pyramids(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "pyramid_scheme.pyramid";
    // (platform, scheme, members per level, entry fee, reward per downline member, own-sales
    //  reward range, label, why)
    type Case = (
        &'static str,
        &'static str,
        &'static [usize],
        i64,
        i64,
        (i64, i64),
        Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            LIVE,
            "h4-pyr-headcount",
            &[1, 3, 9, 18],
            0,
            5_000,
            (0, 0),
            P,
            "31人、4个层级，按发展下线人数（含间接）每人计酬50元：以“拉人头”计酬，人数刚过30、层级过3（禁止传销条例第七条第（一）项；立案追诉标准）",
        ),
        (
            MALL,
            "h4-pyr-agent",
            &[1, 3, 12, 40, 64],
            198_000,
            30_000,
            (0, 0),
            P,
            "120人、5个层级，每人缴1980元“代理资格费”，按发展人数计酬：入门费加拉人头，人数达到情节严重的120人（禁止传销条例第七条第（一）（二）项）",
        ),
        (
            LOCAL,
            "h4-pyr-course",
            &[1, 8, 36],
            398_000,
            100_000,
            (0, 0),
            P,
            "“课程代理”45人、3个层级，交3980元入门，每发展一人（含间接）得1000元（禁止传销条例第七条第（一）（二）项）",
        ),
        (
            MALL,
            "h4-pyr-sales2",
            &[1, 80],
            0,
            0,
            (1_000, 9_000),
            N,
            "只有两级的分销，仅按本人销售额计佣，无入门费、无发展人员奖励（禁止传销条例第七条三种情形均不具备）",
        ),
        (
            LOCAL,
            "h4-pyr-invite",
            &[1, 4, 16, 40],
            0,
            0,
            (0, 0),
            N,
            "“邀请好友”关系链有4层61人，但无任何入门费和现金奖励，只是记录邀请关系",
        ),
        (
            LIVE,
            "h4-pyr-ownsales",
            &[1, 5, 30],
            0,
            0,
            (500, 3_000),
            N,
            "36人3层，但只按各人自己的销售计佣：无入门费、不按发展人数或下线业绩计酬",
        ),
    ];
    for (platform, scheme, levels, fee, per_recruit, (own_lo, own_hi), label, text) in cases {
        let Tree {
            pids,
            parent,
            level_of,
            downline,
        } = Tree::draw(rng, levels);
        for (k, pid) in pids.iter().enumerate() {
            let own = if own_hi > 0 {
                rng.range(own_lo, own_hi)
            } else {
                0
            };
            let joined = (level_of[k] as i64 * 9 + (k as i64 % 7)).min(days - 1);
            city.add(
                platform,
                "referrals",
                json!({
                    "platform_id": platform, "scheme_id": scheme, "member_pid": pid,
                    "referrer_pid": parent[k].map(|j| pids[j].clone()),
                    "joined_at": at(joined, 36_000 + k as i64 * 37),
                    "entry_fee_fen": if parent[k].is_some() { fee } else { 0 },
                    "recruitment_rewards_fen": downline[k] * per_recruit, "sales_rewards_fen": own,
                }),
            );
        }
        KIT.t_subject(city, RULE, "scheme", platform, scheme, label, text);
    }
}

pub(super) fn after_sales(city: &mut City, rng: &mut Rng, order_no: &mut u64) {
    const RETURN: &str = "return_refusal.no_reason_return";
    const INVOICE: &str = "invoice_refusal.not_issued";
    // (tag, shop, title, class, offered, orders, signed second, request (days after the signing
    //  day, second), label, why)
    type Return = (
        &'static str,
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
    let cases: [Return; 7] = [
        (
            "ret-live",
            "悦己女装直播间",
            "针织开衫 直播款",
            "general",
            false,
            5,
            40_000,
            (4, 39_000),
            P,
            "直播间宣称“直播款不退不换”，签收后第4天的无理由退货申请全部被拒：直播购物同属网络购物（消费者权益保护法第二十五条）",
        ),
        (
            "ret-used",
            "好机二手",
            "二手手机 95新 128G",
            "general",
            false,
            5,
            36_000,
            (3, 40_000),
            P,
            "网购二手手机不属于第二十五条的除外商品，商家自称“二手不退不换”并拒绝签收后第3天的申请（消费者权益保护法第二十五条）",
        ),
        (
            "ret-day7",
            "行箱馆",
            "拉杆箱 20寸 登机箱",
            "general",
            true,
            4,
            36_000,
            (7, 72_000),
            P,
            "上午签收，第7天20:00申请（自签收次日起第7天，仍在期限内），全部被拒（第二十五条；网络购买商品七日无理由退货暂行办法）",
        ),
        (
            "ret-nebulizer",
            "益康医疗器械",
            "家用雾化器 未拆封",
            "general",
            true,
            5,
            50_000,
            (2, 36_000),
            P,
            "未拆封的雾化器签收后第2天申请退货被拒，商品完好、购买时未经消费者确认不宜退货（第二十五条）",
        ),
        (
            "ret-engrave",
            "银匠坊",
            "定制刻字 银手镯",
            "custom_made",
            false,
            5,
            36_000,
            (2, 36_000),
            N,
            "按消费者要求刻字的定制商品（第二十五条第一款第（一）项除外）",
        ),
        (
            "ret-course",
            "学而网校",
            "在线课程 已开通账号",
            "digital",
            false,
            5,
            36_000,
            (1, 36_000),
            N,
            "在线下载或已开通的数字化商品（第二十五条第一款第（三）项除外）",
        ),
        (
            "ret-day8",
            "步履鞋业",
            "跑步鞋 男款",
            "general",
            true,
            4,
            36_000,
            (8, 36_000),
            N,
            "自签收次日起算的七日已满，第8天上午才申请：刚过期限，拒绝合法",
        ),
    ];
    for (tag, name, title, class, offered, n, signed_second, (after, request), label, why) in cases
    {
        let platform = if tag == "ret-live" { LIVE } else { MALL };
        let mut s = KIT.shop(city, rng, platform, tag, name);
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                class,
                price: 25_900,
                returns: offered,
                ..Item::default()
            },
        );
        for i in 0..n {
            let signed = (8 + i * 5, signed_second);
            KIT.refused_return(city, rng, &l, order_no, 44_000, signed, (after, request));
        }
        KIT.t_subject(city, RETURN, "merchant", platform, &l.merchant, label, why);
    }
    // Invoices: (platform, tag, shop, title, class, orders, status, issued (every k-th, 0: none),
    // label, why)
    type Invoice = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        i64,
        &'static str,
        i64,
        Label,
        &'static str,
    );
    let cases: [Invoice; 7] = [
        (
            LIVE,
            "inv-live",
            "好货直播间",
            "空气净化器 家用",
            "general",
            10,
            "completed",
            0,
            P,
            "直播间10笔已完成订单索要发票，全部未开（电子商务法第十四条）",
        ),
        (
            MALL,
            "inv-pharmacy",
            "百草堂药房",
            "血糖试纸 50片",
            "general",
            8,
            "completed",
            0,
            P,
            "8笔已完成订单的消费者索要发票，一张未开（电子商务法第十四条）",
        ),
        (
            MALL,
            "inv-course",
            "启航考研",
            "考研英语 网课 全程班",
            "digital",
            6,
            "completed",
            0,
            P,
            "6笔已完成的网课订单索要发票均未开具（电子商务法第十四条）",
        ),
        (
            LOCAL,
            "inv-canteen",
            "团餐食堂",
            "工作餐 10人份",
            "food",
            15,
            "completed",
            15,
            P,
            "15笔企业团餐订单索要发票，只开了1张（电子商务法第十四条）",
        ),
        (
            MALL,
            "inv-issued",
            "明远办公",
            "碎纸机 办公室用",
            "general",
            10,
            "completed",
            1,
            N,
            "10笔索票订单全部开具了发票",
        ),
        (
            MALL,
            "inv-refunded",
            "雅居灯饰",
            "落地灯 北欧风",
            "general",
            8,
            "refunded",
            0,
            N,
            "索票订单均已退款、交易已解除，无须开票",
        ),
        (
            LOCAL,
            "inv-print",
            "快印工坊",
            "名片印刷 2盒",
            "general",
            20,
            "completed",
            1,
            N,
            "20笔索票订单全部开具了发票（个体工商户，依法开票）",
        ),
    ];
    for (platform, tag, name, title, class, n, status, issued_every, label, why) in cases {
        let mut s = KIT.shop(city, rng, platform, tag, name);
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                class,
                price: 15_900,
                returns: class == "general",
                ..Item::default()
            },
        );
        for i in 0..n {
            let buyer = rng.hex64();
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                6 + i * 2,
                41_000,
                15_900,
                1,
                &buyer,
                status,
            );
            row["invoice_requested"] = json!(true);
            let issued = issued_every > 0 && i % issued_every == 0;
            row["invoice_issued"] = json!(issued);
            if status == "refunded" {
                row["refunded_at"] = json!(at(9 + i * 2, 41_000));
            }
            city.add(platform, "orders", row);
        }
        KIT.t_subject(city, INVOICE, "merchant", platform, &l.merchant, label, why);
    }
}

/// One complaint to 12315 about a shop.
struct Complaint<'a> {
    id: String,
    day: i64,
    person: &'a str,
    kind: &'a str,
    platform: &'a str,
    merchant: String,
    text: String,
    amount: Option<i64>,
    demand: &'a str,
}

fn complain(city: &mut City, rng: &mut Rng, c: Complaint<'_>) {
    city.add("12315", "complaints", json!({
        "complaint_id": c.id, "channel": *rng.pick(&["12315_web", "12315_app"]), "received_at": at(c.day, 38_000),
        "complainant_pid": c.person, "kind": c.kind, "platform_id": c.platform, "merchant_id": c.merchant,
        "respondent_uscc": null, "respondent_name": "网店经营者", "order_id": null, "text": c.text,
        "amount_fen": c.amount, "demand": c.demand, "real_name": true,
    }));
}

pub(super) fn complainants(city: &mut City, rng: &mut Rng, days: i64, order_no: &mut u64) {
    const RULE: &str = "serial_complainant.profit_seeking";
    let last = days - 1;
    // +: 12 boxes of chocolate with no Chinese label, then 16 templated punitive claims against
    //    13 shops in 25 days.
    let person = rng.hex64();
    let mut s = KIT.shop(city, rng, MALL, "choc", "进口糖果屋");
    let l = HOUSE.goods(
        city,
        &mut s,
        "进口黑巧克力 100g",
        "食品/糖果",
        "food",
        2_590,
    );
    let row = KIT.sale(
        rng,
        &l,
        order_no,
        20,
        40_000,
        2_590,
        12,
        &person,
        "completed",
    );
    city.add(MALL, "orders", row);
    for n in 0..16i64 {
        complain(
            city,
            rng,
            Complaint {
                id: format!("h4-c-choc-{n}"),
                day: last - 26 + n * 25 / 16,
                person: &person,
                kind: "complaint",
                platform: MALL,
                merchant: format!("{MALL}-h4-chocshop{}", n % 13),
                text: format!(
                    "所购进口食品无中文标签，违反食品安全法第九十七条，要求退一赔十，赔偿{}元，否则向贵局举报。",
                    1_000 + n * 10
                ),
                amount: Some(100_000 + n * 1_000),
                demand: "punitive_compensation",
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        P,
        "一次买12盒同款无中文标签巧克力，25天内以同一模板对13家店提出16起“退一赔十”：数量和频次明显超出生活消费需要（消费者权益保护法实施条例：不得利用投诉举报牟取不正当利益）",
    );
    // +: eleven claims of "false advertising" against eleven live rooms in thirty days, each a
    //    day after buying the one item pitched, each asking three times the price.
    let person = rng.hex64();
    for n in 0..11i64 {
        complain(
            city,
            rng,
            Complaint {
                id: format!("h4-c-live-{n}"),
                day: last - 31 + n * 3,
                person: &person,
                kind: "complaint",
                platform: LIVE,
                merchant: format!("{LIVE}-h4-liveroom{n}"),
                text: format!(
                    "主播宣传与实物不符，构成虚假宣传，依法要求退一赔三，共计{}元。",
                    1_500 + n * 200
                ),
                amount: Some(150_000 + n * 20_000),
                demand: "punitive_compensation",
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        P,
        "30天内对11个直播间各投诉一次“虚假宣传、退一赔三”，每次都在购买次日、文本如出一辙（市场监督管理投诉举报处理办法：不得滥用投诉举报牟取不正当利益）",
    );
    // +: a complaint and a report on the same day against each of nine shops, the report as
    //    leverage for compensation.
    let person = rng.hex64();
    for n in 0..9i64 {
        for (kind, demand, text) in [
            (
                "complaint",
                "compensation",
                "商品临近保质期未提示，要求赔偿500元，协商不成将举报。",
            ),
            (
                "report",
                "investigate",
                "举报该店销售临期食品未提示，请依法查处。",
            ),
        ] {
            complain(
                city,
                rng,
                Complaint {
                    id: format!("h4-c-lever-{n}-{kind}"),
                    day: last - 40 + n * 4,
                    person: &person,
                    kind,
                    platform: LOCAL,
                    merchant: format!("{LOCAL}-h4-store{n}"),
                    text: text.to_string(),
                    amount: (kind == "complaint").then_some(50_000),
                    demand,
                },
            );
        }
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        P,
        "40天内对9家店同日“投诉要赔偿＋举报”，以举报相要挟索赔，投诉与举报成对出现（消费者权益保护法实施条例：不得利用投诉举报牟取不正当利益）",
    );
    // +: a hunter of advertising words: 20 claims in 20 days against 20 shops, each citing an
    //    absolute term in a listing and asking ¥10,000 under 广告法.
    let person = rng.hex64();
    for n in 0..20i64 {
        complain(
            city,
            rng,
            Complaint {
                id: format!("h4-c-words-{n}"),
                day: last - 21 + n,
                person: &person,
                kind: "complaint",
                platform: MALL,
                merchant: format!("{MALL}-h4-wordshop{n}"),
                text: "商品详情页使用“最”字极限用语，违反广告法第九条，要求赔偿10000元。".into(),
                amount: Some(1_000_000),
                demand: "punitive_compensation",
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        P,
        "20天内以同一文本对20家网店逐一投诉“极限用语”、每次索赔1万元，与自身生活消费无关（市场监督管理投诉举报处理办法：不得滥用投诉举报权利牟取不正当利益）",
    );
    // −: three complaints in two months about three different real problems.
    let person = rng.hex64();
    for (n, (text, amount)) in [
        ("收到的羽绒服拉链坏了，要求换货。", 39_900),
        ("外卖少送了一份米饭，要求退款。", 300),
        ("预约的保洁阿姨没有上门，要求退款。", 12_900),
    ]
    .into_iter()
    .enumerate()
    {
        complain(
            city,
            rng,
            Complaint {
                id: format!("h4-c-plain-{n}"),
                day: 5 + n as i64 * 20,
                person: &person,
                kind: "complaint",
                platform: [MALL, LOCAL, LOCAL][n],
                merchant: format!("{}-h4-plain{n}", [MALL, LOCAL, LOCAL][n]),
                text: text.to_string(),
                amount: Some(amount),
                demand: if n == 0 { "exchange" } else { "refund" },
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        N,
        "两个月内三次投诉，三件不同的真实问题，只要求换货或退款",
    );
    // −: a commuter: seven complaints over two months about detours, each asking back the
    //    overcharge only.
    let person = rng.hex64();
    for n in 0..7i64 {
        complain(
            city,
            rng,
            Complaint {
                id: format!("h4-c-ride-{n}"),
                day: 3 + n * 8,
                person: &person,
                kind: "complaint",
                platform: LOCAL,
                merchant: format!("{LOCAL}-h4-fleet{}", n % 3),
                text: format!(
                    "早高峰打车司机绕路，比平时多收{}元，要求退还多收的车费。",
                    8 + n
                ),
                amount: Some(800 + n * 100),
                demand: "refund",
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        N,
        "通勤乘客两个月七次投诉绕路，每次只要求退还多收的几元车费，金额小、事由各异，是真实的生活消费纠纷",
    );
    // −: a restaurant owner buys 50 kg of rice a week for the restaurant, and once complains
    //    about a bag with weevils, asking only for an exchange.
    let person = rng.hex64();
    let mut s = KIT.shop(city, rng, MALL, "rice", "稻香粮行");
    let l = HOUSE.goods(city, &mut s, "东北大米 25kg", "粮油/大米", "food", 12_900);
    for week in 0..8i64 {
        let row = KIT.sale(
            rng,
            &l,
            order_no,
            2 + week * 7,
            36_000,
            12_900,
            2,
            &person,
            "completed",
        );
        city.add(MALL, "orders", row);
    }
    complain(
        city,
        rng,
        Complaint {
            id: "h4-c-rice-0".into(),
            day: 40,
            person: &person,
            kind: "complaint",
            platform: MALL,
            merchant: l.merchant.clone(),
            text: "这周的一袋大米里有米虫，要求换一袋。".into(),
            amount: Some(12_900),
            demand: "exchange",
        },
    );
    KIT.t_person(
        city,
        RULE,
        &person,
        N,
        "每周大量买米供自家饭店使用，只有一次投诉且只要求换货：购买量大但没有牟利性投诉",
    );
}
