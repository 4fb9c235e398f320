//! The sixth set's conduct cases: brushing rings (反不正当竞争法（2025）第九条; 电子商务法
//! 第十七条) beside honest crowds that share an office network, a subscription schedule or a
//! booking opening; forced exits from a rival platform (电子商务法 第三十五条; 平台经济反垄断指南
//! 第十五条); referral schemes (禁止传销条例 第七条); refused returns (消费者权益保护法 第二十五条)
//! and invoices (电子商务法 第十四条); and profit-seeking complainants (消费者权益保护法实施条例).

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::{City, at};
use crate::kit::Item;
use crate::kit::brushing::{Brush, Crowd, Ring};
use crate::kit::referrals::Tree;
use crate::kit::two_homed::{Sanctions, Style};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative as N, Positive as P};

const GLOWING: &[&str] = &[
    "效果超出预期，老师专业，强烈推荐",
    "服务一级棒，环境好，下次还来",
    "绝绝子，闭眼冲，好评好评",
    "真的很好用，已推荐给闺蜜",
];

const PLAIN: &[&str] = &[
    "还可以，就是等得有点久",
    "东西正常，包装简单",
    "和上次一样，没什么问题",
    "比预期小一些，凑合",
    "准时送到，挺好",
];

/// The weekday of a simulation day, 0 for Monday (day 0, 2026-10-15, is a Thursday).
fn weekday(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

/// The set's buyers: its review texts, a ring's refund 5,400 s after its review.
const CROWD: Crowd = Crowd {
    house: &HOUSE,
    glowing: GLOWING,
    plain: PLAIN,
    refund_after: 5_400,
};

pub(super) fn brushing(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    const RULE: &str = "fake_orders.brushing_ring";
    let last = days - 1;
    // (platform, shop tag, shop, title, category, class, price, usual parcel, ring (accounts,
    //  devices, networks, drop addresses), how its orders go, why)
    type RingCase = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        i64,
        Option<(i64, i64)>,
        (usize, usize, usize, usize),
        Brush,
        &'static str,
    );
    let rings: [RingCase; 3] = [
        (
            LOCAL,
            "brush-hydra",
            "柔肌轻医美",
            "水光针 体验 单次 到店核销",
            "医美/皮肤管理",
            "general",
            49_800,
            None,
            (18, 3, 2, 1),
            // Two a morning per account for two weeks, "redeemed" minutes after ordering,
            // five stars minutes later.
            Brush {
                days: last - 18..last - 3,
                per_account: 2,
                hours: (36_000, 43_200),
                parcel: None,
                signed_after: (300, 900),
                reviewed_after: (120, 600),
                refunded: false,
            },
            "18个账号只用3部手机、2个网络，两周内每号下单两次，到店项目下单几分钟后即“核销”，随即五星好评：没有真实到店的虚构交易和评价（反不正当竞争法（2025）第九条；电子商务法第十七条）",
        ),
        (
            MALL,
            "brush-retouch",
            "像素工坊",
            "AI修图 会员月卡 自动开通",
            "软件/会员",
            "digital",
            2_990,
            None,
            (24, 2, 1, 1),
            // Between 01:00 and 03:00 at night, opened at once, five stars, then refunded.
            Brush {
                days: last - 10..last - 4,
                per_account: 1,
                hours: (3_600, 10_800),
                parcel: None,
                signed_after: (60, 120),
                reviewed_after: (30, 300),
                refunded: true,
            },
            "24个账号只用2部手机、1个网络，凌晨1点到3点集中开通会员，几分钟内五星好评后全部退款（反不正当竞争法（2025）第九条：虚假交易、虚假评价）",
        ),
        (
            LIVE,
            "brush-eggs",
            "溪头村土货直播间",
            "农家散养土鸡蛋 60枚 村播",
            "生鲜/蛋品",
            "fresh",
            8_800,
            Some((3_600, 4_100)),
            (15, 2, 2, 3),
            // After the evening live, 80–120 g parcels for a 3.6 kg box of eggs.
            Brush {
                days: last - 6..last - 1,
                per_account: 2,
                hours: (77_400, 82_800),
                parcel: Some((80, 120)),
                signed_after: (86_400, 120_000),
                reviewed_after: (900, 5_400),
                refunded: false,
            },
            "15个账号共用2部手机、2个网络、3个收货地址，直播结束后集中下单，60枚鸡蛋应重3.6公斤以上的包裹只有80–120克，签收后即五星好评（反不正当竞争法（2025）第九条；电子商务法第十七条）",
        ),
    ];
    for (platform, tag, name, title, category, class, price, parcel, sizes, how, why) in rings {
        let mut s = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut s, title, category, class, price);
        CROWD.ordinary(city, rng, buyers, &l, days, parcel, order_no);
        let ring = Ring::new(rng, sizes.0, sizes.1, sizes.2, sizes.3);
        CROWD.ring_orders(city, rng, &l, &ring, &how, order_no);
        KIT.t_subject(city, RULE, "merchant", platform, &l.merchant, P, why);
    }
    // −: an office canteen's lunch boxes: 45 colleagues order on weekdays from their own phones
    //    but over the company Wi-Fi, all to the office's front desk; real 600–800 g boxes.
    let mut s = KIT.shop(city, rng, LOCAL, "office-lunch", "楼下食堂");
    let l = HOUSE.goods(
        city,
        &mut s,
        "工作餐 两荤一素 配米饭",
        "餐饮/工作餐",
        "food",
        2_200,
    );
    let (office_wifi, front_desk) = (rng.hex64(), rng.hex64());
    for _ in 0..45 {
        let colleague = rng.hex64();
        let phone = rng.hex64();
        for d in 0..days {
            if weekday(d) >= 5 || !rng.chance(0.55) {
                continue;
            }
            let second = rng.range(39_600, 42_600);
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                d,
                second,
                l.price,
                1,
                &colleague,
                "completed",
            );
            row["device_pid"] = json!(phone);
            row["ip_pid"] = json!(office_wifi);
            row["ship_address_pid"] = json!(front_desk);
            row["parcel_weight_g"] = json!(rng.range(600, 800));
            row["signed_at"] = json!(at(d, second + rng.range(1_500, 2_700)));
            if rng.chance(0.03) {
                let text = PLAIN[rng.below(PLAIN.len() as u64) as usize];
                HOUSE.review(city, &l, &row, rng.range(3, 5), text, at(d, second + 6_000));
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
        "45名同事工作日午餐各用自己的手机下单，经公司同一Wi-Fi、送到同一前台，餐盒重量真实、评价很少：共用办公网络和收货点的真实消费，不是刷单（反不正当竞争法（2025）第九条不适用）",
    );
    // −: a weekly flower subscription: 35 subscribers renewed automatically every Monday at 08:00
    //    (one moment for all), each with their own phone, network and home; real 1.2 kg bunches.
    let mut s = KIT.shop(city, rng, MALL, "flower-sub", "周一有花");
    let l = HOUSE.goods(
        city,
        &mut s,
        "每周鲜花订阅 周一配送 4束/月",
        "鲜花/订阅",
        "fresh",
        3_900,
    );
    for _ in 0..35 {
        let subscriber = rng.hex64();
        let (phone, network, home) = (rng.hex64(), rng.hex64(), rng.hex64());
        for d in (0..days).filter(|&d| weekday(d) == 0) {
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                d,
                28_800,
                l.price,
                1,
                &subscriber,
                "completed",
            );
            row["device_pid"] = json!(phone);
            row["ip_pid"] = json!(network);
            row["ship_address_pid"] = json!(home);
            row["parcel_weight_g"] = json!(rng.range(1_150, 1_300));
            row["signed_at"] = json!(at(d + 1, rng.range(36_000, 60_000)));
            if rng.chance(0.1) {
                let text = PLAIN[rng.below(PLAIN.len() as u64) as usize];
                HOUSE.review(city, &l, &row, rng.range(2, 5), text, at(d + 2, 70_000));
            }
            city.add(MALL, "orders", row);
        }
    }
    KIT.t_subject(
        city,
        RULE,
        "merchant",
        MALL,
        &l.merchant,
        N,
        "35位订阅用户每周一08:00由系统自动续订，下单时刻完全一致，但各有自己的手机、网络和住址，包裹重量真实、评价褒贬不一：定时续订不是刷单（电子商务法第十七条不适用）",
    );
    // −: a yoga studio opens next week's bookings every Sunday at 12:00: its members book within
    //    five minutes, each from their own phone and network, and attend days later.
    let mut s = KIT.shop(city, rng, LOCAL, "yoga-booking", "半山瑜伽");
    let l = HOUSE.goods(
        city,
        &mut s,
        "流瑜伽 团课 单次预约",
        "运动/团课",
        "general",
        6_800,
    );
    let members: Vec<(String, String, String)> = (0..40)
        .map(|_| (rng.hex64(), rng.hex64(), rng.hex64()))
        .collect();
    for d in (0..days).filter(|&d| weekday(d) == 6) {
        for (member, phone, network) in &members {
            if !rng.chance(0.7) {
                continue;
            }
            let second = 43_200 + rng.range(0, 300);
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                d,
                second,
                l.price,
                1,
                member,
                "completed",
            );
            row["device_pid"] = json!(phone);
            row["ip_pid"] = json!(network);
            row["signed_at"] = json!(at(d + rng.range(1, 6), 68_400));
            if rng.chance(0.08) {
                let text = PLAIN[rng.below(PLAIN.len() as u64) as usize];
                HOUSE.review(city, &l, &row, rng.range(3, 5), text, at(d + 6, 75_000));
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
        "每周日12:00开放下周团课预约，会员在5分钟内集中抢约，但各用自己的手机和网络，几天后真实上课、评价很少：放号时刻造成的集中下单不是刷单（反不正当竞争法（2025）第九条不适用）",
    );
}

/// How the set's two-homed operators in the forced-exit cases are named and trade.
const STYLE: Style = Style {
    prefix: "两栖",
    trade: "服务",
    shop_suffix: "号店",
    infix: "dual",
    established: (900, 2_800),
    margin: 5,
    second: 39_000,
    opened: (280, 760),
    turnover: 21_000_000,
    orders: (1, 9),
    order_value: 16_800,
    listings: 5,
};

pub(super) fn exclusive(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "exclusive_dealing.forced_exit";
    const RIVAL: &str = "h6-linjia";
    HOUSE.platform_row(city, rng, RIVAL, "邻家", "services");
    // (platform, name, category, operators, sanctioned, actions, reason, sanction day, exits of
    //  the sanctioned from the rival (count, from, to days after the sanction), exits of the
    //  others from the rival, label, why)
    type Case = (
        &'static str,
        &'static str,
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
    let cases: [Case; 6] = [
        (
            "h6-meiyue",
            "美约",
            "services",
            18,
            9,
            &["search_demotion"],
            "机构在其他平台报价更低，调整排序",
            14,
            (7, 1, 6),
            0,
            P,
            "以“在其他平台报价更低”为由对9家医美机构降权，其中7家1–6天内关闭邻家店铺，未受处理的9家无一退出（电子商务法第三十五条；平台经济反垄断指南第十五条）",
        ),
        (
            "h6-xueba",
            "学吧",
            "services",
            22,
            11,
            &["deposit_deduction"],
            "未签署独家合作确认书",
            18,
            (9, 0, 4),
            0,
            P,
            "以“未签署独家合作确认书”为由扣取11家培训机构保证金，9家在4天内退出邻家，未受处理的11家无一退出：以扣保证金迫使二选一（平台经济反垄断指南第十五条）",
        ),
        (
            "h6-cheyou",
            "车友汇",
            "services",
            20,
            10,
            &["other", "traffic_limit"],
            "检测到同时在邻家经营，取消平台补贴资格",
            12,
            (8, 2, 9),
            0,
            P,
            "对同时在邻家经营的10家汽修门店取消补贴、限流，8家2–9天内关闭邻家店铺，其余10家无一退出（电子商务法第三十五条；平台经济反垄断指南第十五条）",
        ),
        (
            "h6-yuejian",
            "悦健",
            "services",
            20,
            10,
            &["listing_removal"],
            "虚假宣传：宣称课程可治疗腰椎病",
            15,
            (0, 0, 0),
            0,
            N,
            "因课程宣称治疗腰椎病依规下架，受处理的健身机构没有一家退出邻家：依法处置违法广告（电子商务法第二十九条），没有迫使二选一",
        ),
        (
            "h6-lvpai",
            "旅拍",
            "services",
            18,
            9,
            &["warning"],
            "客诉率超标，提醒整改",
            35,
            (6, -28, -14),
            0,
            N,
            "受警告的9家摄影机构中有6家退出邻家，但都发生在警告前2–4周：退出在先、处理在后，与本平台的措施无关（平台经济反垄断指南第十五条不适用）",
        ),
        (
            "h6-fangyou",
            "房友",
            "services",
            20,
            10,
            &["search_demotion"],
            "房源信息不实：已成交房源未下架",
            20,
            (2, -12, 25),
            2,
            N,
            "因虚假房源依规降权；受处理与未受处理的中介各有2家在期间内不同时间退出邻家，退出率相同、与处理无关（电子商务法第三十五条不适用）",
        ),
    ];
    for (
        s,
        (
            platform,
            name,
            category,
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
    ) in cases.into_iter().enumerate()
    {
        HOUSE.platform_row(city, rng, platform, name, category);
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
                leave_here: 0,
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
            LOCAL,
            "h6-pyr-salon",
            &[1, 4, 25],
            168_000,
            30_000,
            (0, 0),
            P,
            "“美容院合伙人”恰好30人、3个层级，每人交1680元“合伙金”入门，按直接和间接发展的人数每人计酬300元：入门费加拉人头（禁止传销条例第七条第（一）（二）项；人数达30、层级达3）",
        ),
        (
            MALL,
            "h6-pyr-ambassador",
            &[1, 3, 9, 27],
            0,
            4_500,
            (0, 500),
            P,
            "“课程推广大使”40人、4个层级，报酬主要按发展的下线人数（含间接）计算，每人45元，卖课提成微不足道（禁止传销条例第七条第（一）项）",
        ),
        (
            LIVE,
            "h6-pyr-orchard",
            &[1, 2, 6, 18, 36],
            60_000,
            9_000,
            (0, 0),
            P,
            "“认养果树合伙人”63人、5个层级，每人交600元认养金取得资格，按下线人数逐级计酬90元/人（禁止传销条例第七条第（一）（二）项）",
        ),
        (
            LOCAL,
            "h6-pyr-invite",
            &[1, 45],
            0,
            0,
            (0, 0),
            N,
            "“邀请好友各得7天会员”：只有一层邀请关系，没有入门费，也没有任何金钱奖励（禁止传销条例第七条三种情形均不具备）",
        ),
        (
            MALL,
            "h6-pyr-promoter",
            &[1, 10, 50],
            0,
            0,
            (500, 4_000),
            N,
            "村货推广员两级分销：无入门费，只按推广员直接和间接卖出的真实农产品计佣，不按发展人数计酬（禁止传销条例第七条不适用；合规的两级分销）",
        ),
        (
            LIVE,
            "h6-pyr-gymcard",
            &[1, 5, 20],
            198_000,
            0,
            (0, 0),
            N,
            "会员按市价1980元购买的是真实的健身年卡服务，推荐关系不带来任何报酬，既不按人头计酬也不靠下线回本（禁止传销条例第七条不适用）",
        ),
    ];
    for (platform, scheme, levels, fee, per_recruit, (own_lo, own_hi), label, text) in cases {
        let Tree {
            pids,
            parent,
            level_of,
            downline,
        } = Tree::draw(rng, levels);
        let gym = scheme.ends_with("gymcard");
        for (k, pid) in pids.iter().enumerate() {
            let own = if own_hi > 0 {
                rng.range(own_lo, own_hi)
            } else {
                0
            };
            let joined = (level_of[k] as i64 * 6 + (k as i64 % 4)).min(days - 1);
            city.add(
                platform,
                "referrals",
                json!({
                    "platform_id": platform, "scheme_id": scheme, "member_pid": pid,
                    "referrer_pid": parent[k].map(|j| pids[j].clone()),
                    "joined_at": at(joined, 45_000 + k as i64 * 47),
                    "entry_fee_fen": if parent[k].is_some() || gym { fee } else { 0 },
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
    // (platform, tag, shop, title, class, offered, orders, signed second, request (days after
    //  the signing day, second), label, why)
    type Return = (
        &'static str,
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
    let cases: [Return; 6] = [
        (
            MALL,
            "ret-books",
            "鸿鹄考研书店",
            "考研真题 教辅书 全套8册 塑封",
            "general",
            false,
            5,
            54_000,
            (3, 40_000),
            P,
            "店铺标“资料类一经售出不退”，签收后第3天对塑封未拆的教辅书退货申请全部拒绝：图书不是已交付的报纸、期刊，也不是法定除外商品（消费者权益保护法第二十五条）",
        ),
        (
            MALL,
            "ret-dashcam",
            "驰安车品",
            "行车记录仪 4K 前后双录",
            "general",
            true,
            4,
            85_800,
            (7, 79_200),
            P,
            "23:50签收，自签收次日起算第7天22:00申请，仍在七日内，全部被拒（消费者权益保护法第二十五条；网络购买商品七日无理由退货暂行办法）",
        ),
        (
            MALL,
            "ret-helmet",
            "骑行安全家",
            "电动车头盔 3C认证 未拆吊牌",
            "general",
            false,
            5,
            37_000,
            (2, 45_000),
            P,
            "以“安全用品不退”拒绝吊牌未拆的头盔退货：购买时未经消费者确认不宜退货，也非法定除外商品（消费者权益保护法第二十五条）",
        ),
        (
            MALL,
            "ret-magazine",
            "书香期刊",
            "摄影杂志 2026年12月刊 单期",
            "periodical",
            false,
            5,
            39_000,
            (1, 36_000),
            N,
            "已交付的期刊属法定除外商品（消费者权益保护法第二十五条第一款第（四）项）",
        ),
        (
            LOCAL,
            "ret-curtain",
            "织美窗帘",
            "遮光窗帘 按窗户尺寸定制",
            "custom_made",
            false,
            5,
            41_000,
            (2, 41_000),
            N,
            "按消费者窗户尺寸裁剪的窗帘属定做商品（消费者权益保护法第二十五条第一款第（一）项除外）",
        ),
        (
            MALL,
            "ret-latepad",
            "驰安车品",
            "汽车脚垫 通用款 5座",
            "general",
            true,
            4,
            300,
            (8, 600),
            N,
            "00:05签收，第8天00:10才申请，自签收次日起算的七日已满，拒绝合法（消费者权益保护法第二十五条）",
        ),
    ];
    for (
        platform,
        tag,
        name,
        title,
        class,
        offered,
        n,
        signed_second,
        (after, request),
        label,
        why,
    ) in cases
    {
        let mut s = KIT.shop(city, rng, platform, tag, name);
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                class,
                price: 27_600,
                returns: offered,
                ..Item::default()
            },
        );
        for i in 0..n {
            let signed = (8 + i * 7, signed_second);
            KIT.refused_return(city, rng, &l, order_no, 47_000, signed, (after, request));
        }
        KIT.t_subject(city, RETURN, "merchant", platform, &l.merchant, label, why);
    }
    // Invoices: (platform, tag, shop, title, orders, status, issued (which of them), label, why)
    type Invoice = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        i64,
        &'static str,
        fn(i64) -> bool,
        Label,
        &'static str,
    );
    let cases: [Invoice; 6] = [
        (
            LOCAL,
            "inv-aesthetic",
            "颜究所轻医美",
            "水光针 单次 到店",
            6,
            "completed",
            |_| false,
            P,
            "6笔已完成的医美项目订单索要发票，一张未开（电子商务法第十四条）",
        ),
        (
            LOCAL,
            "inv-gym",
            "燃力健身工作室",
            "私教课 10节",
            9,
            "completed",
            |i| i < 2,
            P,
            "9笔已完成的私教课订单索要发票，只开了2张（电子商务法第十四条）",
        ),
        (
            MALL,
            "inv-tour",
            "千岛湖旅行社",
            "千岛湖二日游 跟团",
            7,
            "completed",
            |_| false,
            P,
            "7笔已出团的旅游订单索要发票均未开具（电子商务法第十四条）",
        ),
        (
            LOCAL,
            "inv-school",
            "通途驾校",
            "C1 学车 全包",
            8,
            "completed",
            |_| true,
            N,
            "8笔索票订单全部开具了电子发票（电子商务法第十四条）",
        ),
        (
            MALL,
            "inv-cancelled",
            "时光印记婚纱摄影",
            "婚纱照 定金 预约档期",
            6,
            "cancelled",
            |_| false,
            N,
            "6笔索票订单都在付款前取消，没有发生交易，无票可开（电子商务法第十四条）",
        ),
        (
            LOCAL,
            "inv-pending",
            "车洁士汽车美容",
            "小保养 机油机滤 到店",
            5,
            "paid",
            |_| false,
            N,
            "5笔订单已付款但尚未到店服务，服务完成前发票尚未到开具时点（电子商务法第十四条）",
        ),
    ];
    for (platform, tag, name, title, n, status, issued, label, why) in cases {
        let mut s = KIT.shop(city, rng, platform, tag, name);
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                price: 36_800,
                returns: false,
                ..Item::default()
            },
        );
        for i in 0..n {
            let buyer = rng.hex64();
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                4 + i * 3,
                47_000,
                36_800,
                1,
                &buyer,
                status,
            );
            row["invoice_requested"] = json!(true);
            row["invoice_issued"] = json!(issued(i));
            if status == "cancelled" {
                row["paid_at"] = json!(null);
                row["paid_fen"] = json!(0);
            }
            city.add(platform, "orders", row);
        }
        KIT.t_subject(city, INVOICE, "merchant", platform, &l.merchant, label, why);
    }
}

/// One complaint or report to 12315 about a shop.
struct Complaint<'a> {
    id: String,
    day: i64,
    person: &'a str,
    kind: &'a str,
    platform: &'a str,
    merchant: String,
    order: Option<String>,
    text: String,
    amount: Option<i64>,
    demand: &'a str,
}

fn complain(city: &mut City, rng: &mut Rng, c: Complaint<'_>) {
    city.add("12315", "complaints", json!({
        "complaint_id": c.id, "channel": *rng.pick(&["12315_app", "hotline", "12315_web"]), "received_at": at(c.day, 35_500),
        "complainant_pid": c.person, "kind": c.kind, "platform_id": c.platform, "merchant_id": c.merchant,
        "respondent_uscc": null, "respondent_name": "平台经营者", "order_id": c.order, "text": c.text,
        "amount_fen": c.amount, "demand": c.demand, "real_name": true,
    }));
}

pub(super) fn complainants(city: &mut City, rng: &mut Rng, days: i64, order_no: &mut u64) {
    const RULE: &str = "serial_complainant.profit_seeking";
    let last = days - 1;
    // +: eleven driving schools in 22 days, never enrolled at any, each asked for 退一赔三 of
    //    ¥5,000 for "not publishing fees".
    let person = rng.hex64();
    for n in 0..11i64 {
        complain(
            city,
            rng,
            Complaint {
                id: format!("h6-c-school-{n}"),
                day: last - 24 + n * 2,
                person: &person,
                kind: "complaint",
                platform: LOCAL,
                merchant: format!("{LOCAL}-h6-schoolshop{n}"),
                order: None,
                text: "贵驾校未公示收费标准，侵害消费者知情权，要求退一赔三赔偿5000元，否则继续向上级部门反映。".into(),
                amount: Some(500_000),
                demand: "punitive_compensation",
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        P,
        "22天内对11家从未报名的驾校以同一措辞要求“退一赔三”5000元：没有消费关系、以投诉为筹码索赔（消费者权益保护法实施条例；市场监督管理投诉举报处理暂行办法第十五条）",
    );
    // +: ten ¥9.90 purchases at ten shops, then ¥1,000 demanded from each for "price fraud".
    let person = rng.hex64();
    for n in 0..10i64 {
        let mut s = KIT.shop(city, rng, MALL, &format!("cheap{n}"), "九块九小店");
        let l = HOUSE.goods(
            city,
            &mut s,
            "手机支架 桌面 折叠",
            "数码/配件",
            "general",
            990,
        );
        let row = KIT.sale(
            rng,
            &l,
            order_no,
            last - 30 + n * 2,
            30_000,
            990,
            1,
            &person,
            "completed",
        );
        let order = row["order_id"].as_str().map(str::to_string);
        city.add(MALL, "orders", row);
        complain(
            city,
            rng,
            Complaint {
                id: format!("h6-c-cheap-{n}"),
                day: last - 27 + n * 2,
                person: &person,
                kind: "complaint",
                platform: MALL,
                merchant: l.merchant.clone(),
                order,
                text: "商品页面划线价无依据，构成价格欺诈，要求商家赔偿1000元。".into(),
                amount: Some(100_000),
                demand: "compensation",
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        P,
        "在10家店各买一件9.9元的小商品，随后对每家索赔1000元，索赔额是货款的百倍且与损失无关（消费者权益保护法实施条例：不得利用投诉举报牟取不正当利益）",
    );
    // +: sixteen hotline complaints of "foreign matter" in 40 days, against sixteen kitchens,
    //    each for ¥1,000, none with an order or a photo.
    let person = rng.hex64();
    for n in 0..16i64 {
        complain(
            city,
            rng,
            Complaint {
                id: format!("h6-c-matter-{n}"),
                day: last - 42 + n * 2 + n % 3,
                person: &person,
                kind: "complaint",
                platform: LOCAL,
                merchant: format!("{LOCAL}-h6-kitchen{n}"),
                order: None,
                text: "饭菜里吃出异物，要求赔偿一千元，不赔就曝光。".into(),
                amount: Some(100_000),
                demand: "compensation",
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        P,
        "40天内对16家餐馆同样投诉“吃出异物”，每次索赔1000元并以曝光相要挟，没有一笔订单可查（消费者权益保护法实施条例；市场监督管理投诉举报处理暂行办法）",
    );
    // −: a gym closes without notice: its member follows up six times in a month for the
    //    unused balance of the card.
    let person = rng.hex64();
    for n in 0..6i64 {
        complain(
            city,
            rng,
            Complaint {
                id: format!("h6-c-gym-{n}"),
                day: 10 + n * 5,
                person: &person,
                kind: "complaint",
                platform: LOCAL,
                merchant: format!("{LOCAL}-h6-closedgym"),
                order: None,
                text: "健身房突然停业关门，会员卡还剩3600元未使用，要求退还余额。".into(),
                amount: Some(360_000),
                demand: "refund",
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        N,
        "预付卡门店停业后，对同一商家六次跟进，只要求退还卡内实际余额：是维权而非牟利（消费者权益保护法第五十三条）",
    );
    // −: five complaints about five real orders at five shops over two months, each asking for
    //    exactly what was paid.
    let person = rng.hex64();
    for (n, (title, price, text)) in [
        ("蓝牙耳机 降噪", 19_900, "耳机右耳没有声音，要求退款。"),
        (
            "儿童雨靴 24码",
            6_900,
            "收到的尺码和下单的不一致，要求退款。",
        ),
        ("电热水壶 1.7L", 12_900, "水壶底部漏水，要求退款。"),
        ("保温饭盒 三层", 8_900, "盖子扣不上，要求退款。"),
        ("瑜伽垫 8mm", 7_900, "有很重的异味，要求退款。"),
    ]
    .into_iter()
    .enumerate()
    {
        let n = n as i64;
        let mut s = KIT.shop(city, rng, MALL, &format!("buyer{n}"), "日用好物");
        let l = HOUSE.goods(city, &mut s, title, "日用/杂货", "general", price);
        let row = KIT.sale(
            rng,
            &l,
            order_no,
            2 + n * 11,
            50_000,
            price,
            1,
            &person,
            "completed",
        );
        let order = row["order_id"].as_str().map(str::to_string);
        city.add(MALL, "orders", row);
        complain(
            city,
            rng,
            Complaint {
                id: format!("h6-c-real-{n}"),
                day: 5 + n * 11,
                person: &person,
                kind: "complaint",
                platform: MALL,
                merchant: l.merchant.clone(),
                order,
                text: text.into(),
                amount: Some(price),
                demand: "refund",
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        N,
        "两个月内五家店的五笔真实订单各有质量问题，每次只要求退还实付货款：正常维权（消费者权益保护法第二十四条、第五十二条）",
    );
    // −: twelve real-name reports of unlicensed medical-aesthetics studios, asking only for
    //    investigation.
    let person = rng.hex64();
    for n in 0..12i64 {
        complain(
            city,
            rng,
            Complaint {
                id: format!("h6-c-studio-{n}"),
                day: last - 45 + n * 3,
                person: &person,
                kind: "report",
                platform: LOCAL,
                merchant: format!("{LOCAL}-h6-studio{n}"),
                order: None,
                text: "该工作室没有医疗机构执业许可证，却在平台上销售注射类医美项目，请依法查处。"
                    .into(),
                amount: None,
                demand: "investigate",
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        N,
        "45天内12次实名举报无证医美工作室，只请求依法查处、不索要任何钱款：公益性举报受法律保护（消费者权益保护法实施条例；市场监督管理投诉举报处理暂行办法）",
    );
}
