//! The fifth set's conduct cases: brushing rings (反不正当竞争法（2025）第九条; 电子商务法
//! 第十七条), forced exits from a rival platform (电子商务法 第三十五条; 平台经济反垄断指南
//! 第十五条), referral schemes (禁止传销条例 第七条), refused returns (消费者权益保护法 第二十五条)
//! and invoices (电子商务法 第十四条), and profit-seeking complainants (消费者权益保护法实施条例).

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
    "宝贝收到了，质量杠杠的，五星",
    "物流超快，客服耐心，必须好评",
    "第二次回购了，真心推荐",
    "性价比之王，家人都说好",
];

const PLAIN: &[&str] = &[
    "还行，和描述差不多",
    "包装一般，东西能用",
    "送货慢了一天，其他没问题",
    "比想象的小一点",
    "挺好的，会再买",
];

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
            MALL,
            "brush-pad",
            "净爪宠物",
            "宠物尿垫 加厚 100片",
            "宠物/清洁",
            "general",
            5_900,
            Some((2_100, 2_400)),
            (16, 2, 1, 2),
            // Every third day for three weeks, 30–50 g envelopes for a 2 kg pack, reviews with
            // pictures within the hour of signing.
            Brush {
                days: last - 21..last - 1,
                per_account: 3,
                hours: (36_000, 43_000),
                parcel: Some((30, 50)),
                signed_after: (90_000, 140_000),
                reviewed_after: (600, 3_000),
                refunded: false,
            },
            "16个账号只用2部手机、1个网络、2个收货地址，三周内反复下单，2公斤一包的尿垫包裹只有30–50克，签收一小时内五星好评：虚构交易、编造评价（反不正当竞争法（2025）第九条；电子商务法第十七条）",
        ),
        (
            LOCAL,
            "brush-rent",
            "速达租车",
            "经济型轿车 4小时短租",
            "出行/租车",
            "general",
            8_800,
            None,
            (20, 2, 2, 1),
            // "Returned" ten minutes after pick-up, five stars at once.
            Brush {
                days: last - 12..last - 2,
                per_account: 2,
                hours: (50_000, 58_000),
                parcel: None,
                signed_after: (300, 700),
                reviewed_after: (60, 400),
                refunded: false,
            },
            "20个账号共用2部手机、2个网络，4小时短租“取车”几分钟后即“还车”完成，随即五星好评：没有真实用车的虚构交易（电子商务法第十七条；反不正当竞争法（2025）第九条）",
        ),
        (
            LIVE,
            "brush-mask",
            "海蓝之境直播间",
            "进口保湿面膜 10片",
            "美妆/面膜",
            "general",
            12_900,
            Some((300, 360)),
            (25, 5, 3, 5),
            // One two-hour burst on one night, 5–10 g parcels, five stars, then refunds.
            Brush {
                days: last - 9..last - 7,
                per_account: 1,
                hours: (79_000, 84_000),
                parcel: Some((5, 10)),
                signed_after: (90_000, 100_000),
                reviewed_after: (300, 1_800),
                refunded: true,
            },
            "25个账号共用5部手机、3个网络，同一晚两小时内集中下单，面膜包裹只有5–10克，五星好评后全部退款（反不正当竞争法（2025）第九条：虚假交易、虚假评价）",
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
    // −: a wholesale shop with twelve restaurant buyers, each ordering weekly from its own phone,
    //    network and kitchen, 8–9 kg cartons, reviews rare.
    let mut s = KIT.shop(city, rng, MALL, "loyal-cups", "餐具批发仓");
    let l = HOUSE.goods(
        city,
        &mut s,
        "一次性纸杯 500只 整箱 批发",
        "批发/餐饮耗材",
        "general",
        8_900,
    );
    for r in 0..12i64 {
        let buyer = rng.hex64();
        let (device, network, kitchen) = (rng.hex64(), rng.hex64(), rng.hex64());
        let mut d = r % 7;
        while d < days {
            let second = rng.range(30_000, 40_000);
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                d,
                second,
                l.price,
                2,
                &buyer,
                "completed",
            );
            row["device_pid"] = json!(device);
            row["ip_pid"] = json!(network);
            row["ship_address_pid"] = json!(kitchen);
            row["parcel_weight_g"] = json!(rng.range(8_000, 9_200));
            row["signed_at"] = json!(at(d + 1, 40_000));
            if rng.chance(0.05) {
                HOUSE.review(
                    city,
                    &l,
                    &row,
                    rng.range(3, 5),
                    "老样子，杯子厚度可以",
                    at(d + 3, 50_000),
                );
            }
            city.add(MALL, "orders", row);
            d += 7;
        }
    }
    KIT.t_subject(
        city,
        RULE,
        "merchant",
        MALL,
        &l.merchant,
        N,
        "12家餐馆每周从各自的手机、网络、后厨地址回购整箱纸杯，包裹8–9公斤真实，评价很少：批发回头客不是刷单（反不正当竞争法（2025）第九条不适用）",
    );
    // −: a farmers' shop whose apples were on the evening news: 300 orders in one day from 300
    //    different buyers, phones, networks and addresses, real 5 kg boxes, mixed reviews.
    let mut s = KIT.shop(city, rng, LOCAL, "news-apples", "助农果园");
    let box_weight = Some((5_100, 5_400));
    let l = HOUSE.goods(
        city,
        &mut s,
        "高原红富士苹果 10斤 助农",
        "生鲜/水果",
        "fresh",
        4_990,
    );
    CROWD.ordinary(city, rng, buyers, &l, days, box_weight, order_no);
    for _ in 0..300 {
        let buyer = rng.hex64();
        let row = CROWD.genuine(city, rng, &l, order_no, &buyer, last - 6, box_weight, 0.25);
        city.add(LOCAL, "orders", row);
    }
    KIT.t_subject(
        city,
        RULE,
        "merchant",
        LOCAL,
        &l.merchant,
        N,
        "电视新闻报道后一天涌入300单，但来自300个不同的买家、手机、网络和地址，5公斤包裹真实，评价褒贬不一：自然的爆单不是刷单（电子商务法第十七条不适用）",
    );
    // −: a community group-buy leader's pick-up point: forty households have their orders sent
    //    to the leader's shop, each from its own phone and network, real parcels, few reviews.
    let mut s = KIT.shop(city, rng, LOCAL, "pickup", "楼下团长");
    let l = HOUSE.goods(
        city,
        &mut s,
        "东北大米 10斤 团购自提",
        "社区团购/粮油",
        "food",
        3_290,
    );
    let pickup = rng.hex64();
    for _ in 0..40 {
        let household = rng.hex64();
        let (phone, network) = (rng.hex64(), rng.hex64());
        let mut d = rng.range(0, 9);
        while d < days {
            let second = rng.range(25_000, 78_000);
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                d,
                second,
                l.price,
                1,
                &household,
                "completed",
            );
            row["device_pid"] = json!(phone);
            row["ip_pid"] = json!(network);
            row["ship_address_pid"] = json!(pickup);
            row["parcel_weight_g"] = json!(rng.range(5_000, 5_150));
            row["signed_at"] = json!(at(d + 1, 61_000));
            if rng.chance(0.08) {
                let rating = rng.range(3, 5);
                let text = PLAIN[rng.below(PLAIN.len() as u64) as usize];
                HOUSE.review(city, &l, &row, rating, text, at(d + 2, 70_000));
            }
            city.add(LOCAL, "orders", row);
            d += rng.range(9, 16);
        }
    }
    KIT.t_subject(
        city,
        RULE,
        "merchant",
        LOCAL,
        &l.merchant,
        N,
        "40户居民各用自己的手机和网络下单，统一送到团长的自提点，包裹重量真实、评价很少：社区团购的共同收货地址不是刷单（反不正当竞争法（2025）第九条不适用）",
    );
}

/// How the set's two-homed operators in the forced-exit cases are named and trade.
const STYLE: Style = Style {
    prefix: "双栖",
    trade: "商贸",
    shop_suffix: "号店",
    infix: "dual",
    established: (800, 2_600),
    margin: 4,
    second: 41_000,
    opened: (300, 700),
    turnover: 18_000_000,
    orders: (2, 12),
    order_value: 5_800,
    listings: 6,
};

pub(super) fn exclusive(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "exclusive_dealing.forced_exit";
    const RIVAL: &str = "h5-gebiji";
    HOUSE.platform_row(city, rng, RIVAL, "隔壁集", "sales");
    // (platform, name, operators, sanctioned, actions, reason, sanction day, exits of the
    //  sanctioned from the rival (count, from, to days after the sanction), exits of the others
    //  from the rival, everybody leaves the rival on one day (its category closed), label, why)
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
        Option<i64>,
        Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            "h5-bangjia",
            "帮家到家",
            "services",
            20,
            10,
            &["listing_removal"],
            "未按要求下架在其他平台的同款服务",
            16,
            (8, 2, 7),
            0,
            None,
            P,
            "以“未下架其他平台同款服务”为由下架10家家政商户的服务，其中8家2–7天内关闭隔壁集店铺，未受处理的10家无一退出（电子商务法第三十五条；平台经济反垄断指南第十五条）",
        ),
        (
            "h5-chexing",
            "车行天下",
            "services",
            24,
            12,
            &["fee_increase"],
            "多平台经营商户技术服务费上调至8%",
            20,
            (7, 1, 10),
            0,
            None,
            P,
            "对同时在隔壁集经营的12家租车商户提高服务费，7家1–10天内退出隔壁集，未被加价的12家无一退出：以提高收费迫使二选一（平台经济反垄断指南第十五条）",
        ),
        (
            "h5-tuanyouxuan",
            "团优选",
            "sales",
            20,
            10,
            &["shop_block"],
            "检测到商户同时向竞对平台供货",
            22,
            (10, 0, 3),
            0,
            None,
            P,
            "以“同时向竞对平台供货”为由屏蔽10家供货商店铺，10家全部在3天内关闭隔壁集店铺（电子商务法第三十五条；平台经济反垄断指南第十五条）",
        ),
        (
            "h5-piaoyou",
            "票友网",
            "services",
            20,
            10,
            &["traffic_limit"],
            "虚假发货，依规限流",
            18,
            (3, -15, 30),
            3,
            None,
            N,
            "因虚假发货依规限流；受处理与未受处理的商户各有3家在期间内不同时间退出隔壁集，退出与处理无关（电子商务法第三十五条不适用）",
        ),
        (
            "h5-nongjia",
            "农家优品",
            "sales",
            18,
            9,
            &["listing_removal"],
            "农药残留抽检不合格",
            20,
            (0, 0, 0),
            0,
            None,
            N,
            "依据农残抽检不合格下架商品，受处理的商户没有一家退出隔壁集：依法履行食品安全管理义务（电子商务法第三十八条），没有迫使二选一",
        ),
        (
            "h5-chongle",
            "宠乐汇",
            "sales",
            20,
            10,
            &["warning"],
            "商品主图与实物不符，提醒整改",
            15,
            (0, 0, 0),
            0,
            Some(30),
            N,
            "隔壁集关停宠物类目，全部20家商户（受警告与未受警告的都在内）同日下线；退出是竞争平台自己的决定，与本平台的警告无关（平台经济反垄断指南第十五条不适用）",
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
            all_leave,
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
                all_leave,
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
            "h5-pyr-leader",
            &[1, 5, 25],
            39_900,
            8_000,
            (0, 0),
            P,
            "“团长招募”31人、3个层级，每人须买399元“团长礼包”入门，按直接和间接发展的团长人数计酬80元/人：入门费加拉人头（禁止传销条例第七条第（一）（二）项；人数过30、层级达3）",
        ),
        (
            MALL,
            "h5-pyr-partner",
            &[1, 3, 9, 27],
            0,
            6_000,
            (0, 2_000),
            P,
            "“海淘合伙人”40人、4个层级，按发展的下线人数（含间接）每人计酬60元，计酬以人头为主（禁止传销条例第七条第（一）项）",
        ),
        (
            LIVE,
            "h5-pyr-franchise",
            &[1, 2, 4, 8, 16, 32],
            98_000,
            20_000,
            (0, 0),
            P,
            "“宠物店加盟代理”63人、6个层级，每人交980元代理费，按下线人数逐级提成200元/人（禁止传销条例第七条第（一）（二）项）",
        ),
        (
            MALL,
            "h5-pyr-annual",
            &[1, 30],
            8_800,
            0,
            (0, 0),
            N,
            "付费年卡会员：年费88元只换取会员折扣，邀请好友没有任何奖励，不按发展人数计酬（禁止传销条例第七条三种情形均不具备）",
        ),
        (
            LIVE,
            "h5-pyr-twolevel",
            &[1, 8, 40],
            0,
            0,
            (800, 6_000),
            N,
            "两级分销（直接、间接各一级），无入门费，只按实际卖出的商品计佣，不按发展人数计酬（禁止传销条例第七条不适用；合规的两级分销）",
        ),
        (
            LOCAL,
            "h5-pyr-deep",
            &[1, 3, 10, 20, 26],
            0,
            0,
            (300, 2_500),
            N,
            "邀请关系链有5层60人，但无入门费，每人只按本人卖出的商品计佣，没有一分钱来自发展下线（禁止传销条例第七条不适用）",
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
            let joined = (level_of[k] as i64 * 7 + (k as i64 % 5)).min(days - 1);
            city.add(
                platform,
                "referrals",
                json!({
                    "platform_id": platform, "scheme_id": scheme, "member_pid": pid,
                    "referrer_pid": parent[k].map(|j| pids[j].clone()),
                    "joined_at": at(joined, 40_000 + k as i64 * 53),
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
            "ret-crate",
            "宠爱出行",
            "宠物航空箱 中号 未拆封",
            "general",
            false,
            5,
            39_000,
            (2, 41_000),
            P,
            "店铺声称“宠物用品一经售出不退”，签收后第2天对未拆封航空箱的无理由退货申请全部被拒：宠物用品不是法定除外商品（消费者权益保护法第二十五条）",
        ),
        (
            LIVE,
            "ret-sugar",
            "古法红糖直播间",
            "古法手工红糖 1kg 密封罐",
            "food",
            false,
            4,
            45_000,
            (3, 52_000),
            P,
            "密封包装的红糖未拆封，签收后第3天申请退货被以“食品不退”拒绝：包装完好的预包装食品不属鲜活易腐，拒绝须有消费者购买时确认的依据（消费者权益保护法第二十五条；网络购买商品七日无理由退货暂行办法）",
        ),
        (
            MALL,
            "ret-seat",
            "安途母婴",
            "儿童安全座椅 9个月-12岁",
            "general",
            true,
            4,
            29_000,
            (7, 86_340),
            P,
            "上午签收，第7天23:59申请（自签收次日起第七日的最后一分钟，仍在期限内），全部被拒（消费者权益保护法第二十五条；网络购买商品七日无理由退货暂行办法）",
        ),
        (
            MALL,
            "ret-late",
            "山野户外",
            "登山背包 40L",
            "general",
            true,
            4,
            29_000,
            (8, 30),
            N,
            "签收后第8天00:00:30才申请，自签收次日起算的七日刚刚届满，拒绝合法（消费者权益保护法第二十五条）",
        ),
        (
            MALL,
            "ret-cover",
            "座垫工坊",
            "汽车座垫 按车型定制裁剪",
            "custom_made",
            false,
            5,
            36_000,
            (2, 36_000),
            N,
            "按消费者车型定制裁剪的座垫属定做商品（消费者权益保护法第二十五条第一款第（一）项除外）",
        ),
        (
            MALL,
            "ret-fish",
            "水族小馆",
            "孔雀鱼 活体 10条",
            "fresh",
            false,
            5,
            36_000,
            (1, 36_000),
            N,
            "活体观赏鱼属鲜活易腐商品（消费者权益保护法第二十五条第一款第（二）项除外）",
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
                price: 32_900,
                returns: offered,
                ..Item::default()
            },
        );
        for i in 0..n {
            let signed = (9 + i * 6, signed_second);
            KIT.refused_return(city, rng, &l, order_no, 42_000, signed, (after, request));
        }
        KIT.t_subject(city, RETURN, "merchant", platform, &l.merchant, label, why);
    }
    // Invoices: (platform, tag, shop, title, class, orders, status, issued (which of them), label,
    // why)
    type Invoice = (
        &'static str,
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
            "inv-nanny",
            "金牌月嫂中心",
            "月嫂服务 26天",
            "general",
            5,
            "completed",
            |_| false,
            P,
            "5笔已完成的月嫂服务订单索要发票，一张未开（电子商务法第十四条）",
        ),
        (
            MALL,
            "inv-paper",
            "办公纸品批发",
            "A4复印纸 70g 8包整箱",
            "general",
            12,
            "completed",
            |i| i < 2,
            P,
            "12笔批发订单索要发票，只开了2张（电子商务法第十四条）",
        ),
        (
            LOCAL,
            "inv-rental",
            "顺心租车",
            "商务车 日租 带司机",
            "general",
            8,
            "completed",
            |_| false,
            P,
            "8笔已完成的租车订单索要发票均未开具（电子商务法第十四条）",
        ),
        (
            LOCAL,
            "inv-tickets",
            "西湖游船票务",
            "西湖游船 电子票",
            "digital",
            9,
            "completed",
            |_| true,
            N,
            "9笔索票订单全部开具了电子发票（电子商务法第十四条）",
        ),
        (
            MALL,
            "inv-mostly",
            "宠物医院用品",
            "宠物体外驱虫滴剂 3支",
            "general",
            12,
            "completed",
            |i| i != 11,
            N,
            "12笔索票订单开了11张，未开的一笔在开票前已全额退款、交易解除（电子商务法第十四条）",
        ),
        (
            LIVE,
            "inv-live",
            "农家好物直播间",
            "手工腊肠 2斤",
            "food",
            5,
            "completed",
            |_| true,
            N,
            "直播间5笔索票订单全部开具发票（电子商务法第十四条）",
        ),
    ];
    for (platform, tag, name, title, class, n, status, issued, label, why) in cases {
        let mut s = KIT.shop(city, rng, platform, tag, name);
        let l = KIT.listing(
            city,
            &mut s,
            &Item {
                title,
                class,
                price: 21_800,
                returns: class == "general",
                ..Item::default()
            },
        );
        for i in 0..n {
            let buyer = rng.hex64();
            let refunded = tag == "inv-mostly" && i == 11;
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                5 + i * 2,
                43_000,
                21_800,
                1,
                &buyer,
                if refunded { "refunded" } else { status },
            );
            row["invoice_requested"] = json!(true);
            row["invoice_issued"] = json!(issued(i));
            if refunded {
                row["refunded_at"] = json!(at(6 + i * 2, 43_000));
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
    text: String,
    amount: Option<i64>,
    demand: &'a str,
}

fn complain(city: &mut City, rng: &mut Rng, c: Complaint<'_>) {
    city.add("12315", "complaints", json!({
        "complaint_id": c.id, "channel": *rng.pick(&["12315_web", "12315_app", "hotline"]), "received_at": at(c.day, 40_500),
        "complainant_pid": c.person, "kind": c.kind, "platform_id": c.platform, "merchant_id": c.merchant,
        "respondent_uscc": null, "respondent_name": "网络经营者", "order_id": null, "text": c.text,
        "amount_fen": c.amount, "demand": c.demand, "real_name": true,
    }));
}

pub(super) fn complainants(city: &mut City, rng: &mut Rng, days: i64, order_no: &mut u64) {
    const RULE: &str = "serial_complainant.profit_seeking";
    let last = days - 1;
    // +: a "划线价" hunter: fourteen shops in thirty days, each complaint two days after a
    //    purchase, each asking ¥500 under the price rules.
    let person = rng.hex64();
    for n in 0..14i64 {
        complain(
            city,
            rng,
            Complaint {
                id: format!("h5-c-strike-{n}"),
                day: last - 30 + n * 2,
                person: &person,
                kind: "complaint",
                platform: MALL,
                merchant: format!("{MALL}-h5-strikeshop{n}"),
                text: format!(
                    "本人购买的商品划线价虚高，涉嫌价格欺诈，依据价格法要求商家赔偿500元，不赔偿将持续举报（第{}次维权）。",
                    n + 1
                ),
                amount: Some(50_000),
                demand: "compensation",
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        P,
        "30天内对14家店铺以同一模板投诉“划线价虚高”、每次索赔500元并以持续举报相要挟，金额与所购商品无关（消费者权益保护法实施条例：不得利用投诉举报牟取不正当利益）",
    );
    // +: ten reports that offer to withdraw for money.
    let person = rng.hex64();
    for n in 0..10i64 {
        complain(
            city,
            rng,
            Complaint {
                id: format!("h5-c-withdraw-{n}"),
                day: last - 22 + n * 2,
                person: &person,
                kind: "report",
                platform: LOCAL,
                merchant: format!("{LOCAL}-h5-kitchen{n}"),
                text: "举报该店后厨卫生不达标。如商家愿意私下补偿2000元，本人可以撤回举报。".into(),
                amount: Some(200_000),
                demand: "compensation",
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        P,
        "20天内对10家外卖店举报，每次都提出“补偿2000元即撤回举报”：以举报为筹码索要钱财（消费者权益保护法实施条例；市场监督管理投诉举报处理暂行办法）",
    );
    // +: thirty units of a discounted near-expiry yoghurt, then eight 退一赔十 claims of "selling
    //    expired food" against eight shops.
    let person = rng.hex64();
    let mut s = KIT.shop(city, rng, LOCAL, "yoghurt", "临期好物");
    let l = HOUSE.goods(
        city,
        &mut s,
        "临期酸奶 200g×12 特价",
        "食品/乳品",
        "food",
        1_990,
    );
    let row = KIT.sale(
        rng,
        &l,
        order_no,
        last - 20,
        39_000,
        1_990,
        30,
        &person,
        "completed",
    );
    city.add(LOCAL, "orders", row);
    for n in 0..8i64 {
        complain(
            city,
            rng,
            Complaint {
                id: format!("h5-c-expiry-{n}"),
                day: last - 18 + n * 2,
                person: &person,
                kind: "complaint",
                platform: LOCAL,
                merchant: format!("{LOCAL}-h5-expiryshop{n}"),
                text: format!(
                    "商家销售过期食品，根据食品安全法第一百四十八条要求退一赔十，合计{}元。",
                    2_000 + n * 150
                ),
                amount: Some(200_000 + n * 15_000),
                demand: "punitive_compensation",
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        P,
        "一次买下30份标明“临期特价”的酸奶，随后16天内对8家店以“过期食品”要求退一赔十：明知临期而大量购买后索赔，超出生活消费需要（消费者权益保护法实施条例）",
    );
    // −: a cat owner pursues one shop's food that made the cat ill: four complaints in fifty
    //    days about the same order, asking for the vet bill.
    let person = rng.hex64();
    for n in 0..4i64 {
        complain(
            city,
            rng,
            Complaint {
                id: format!("h5-c-cat-{n}"),
                day: 4 + n * 15,
                person: &person,
                kind: "complaint",
                platform: MALL,
                merchant: format!("{MALL}-h5-catfood"),
                text: "猫吃了这批猫粮后呕吐腹泻，宠物医院诊断为食物中毒，要求赔偿医药费860元。"
                    .into(),
                amount: Some(86_000),
                demand: "compensation",
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        N,
        "同一笔猫粮引发的一宗真实损害，对同一商家四次跟进，只要求赔偿实际医药费：是维权而非牟利（消费者权益保护法第四十条、第五十二条）",
    );
    // −: a household's three complaints about three cleaning visits, each asking for a repair.
    let person = rng.hex64();
    for (n, text) in [
        "保洁阿姨把木地板擦出划痕，要求修复。",
        "上门清洗油烟机后漏油，要求返修。",
        "擦玻璃时碰坏了纱窗，要求维修。",
    ]
    .into_iter()
    .enumerate()
    {
        complain(
            city,
            rng,
            Complaint {
                id: format!("h5-c-home-{n}"),
                day: 6 + n as i64 * 17,
                person: &person,
                kind: "complaint",
                platform: LOCAL,
                merchant: format!("{LOCAL}-h5-homecare{n}"),
                text: text.to_string(),
                amount: None,
                demand: "repair",
            },
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        N,
        "两个月内三次上门服务各出一个真实问题，只要求修复，没有索赔（消费者权益保护法第五十二条）",
    );
    // −: a reporter of unlicensed pharmacies: nine reports, each asking only for investigation.
    let person = rng.hex64();
    for n in 0..9i64 {
        complain(
            city,
            rng,
            Complaint {
                id: format!("h5-c-pharm-{n}"),
                day: last - 40 + n * 4,
                person: &person,
                kind: "report",
                platform: LOCAL,
                merchant: format!("{LOCAL}-h5-pharm{n}"),
                text: "该店在平台上销售处方药却没有公示药品经营许可证，请依法核查。".into(),
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
        "40天内九次实名举报无证售药，只请求依法查处、不索要任何钱款：公益性举报受法律保护（消费者权益保护法实施条例；市场监督管理投诉举报处理暂行办法）",
    );
}
