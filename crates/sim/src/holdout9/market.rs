//! Market cases: brushing rings that rotate phones over time, buy vouchers with no parcel, or
//! split into cells sharing one drop address (反不正当竞争法（2025）第九条; 电子商务法 第十七条);
//! platforms that demote or throttle two-homed merchants (电子商务法 第三十五条; 平台经济反垄断
//! 指南 第十五条); referral schemes grown breadth-first with points convertible to cash
//! (禁止传销条例 第七条; 刑法 第二百二十四条之一); returns, invoices and complaints.

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::{City, Listing, at};
use crate::kit::brushing::Crowd;
use crate::kit::two_homed::{Sanctions, Style};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative, Positive};

pub(crate) const CROWD: Crowd = Crowd {
    house: &HOUSE,
    glowing: &[
        "好评好评👍👍 物流超快",
        "yyds，回购了",
        "五星！和描述一致，nice",
        "hhh很满意，推荐给朋友",
    ],
    plain: &[
        "还行吧，包装一般",
        "用了几天再来追评",
        "物流慢了点，东西没问题",
        "颜色和图片有点差别",
    ],
    refund_after: 5_400,
};

const BRUSHING: &str = "fake_orders.brushing_ring";

/// A ring order: `account` buys one unit of `l` on `day` at `second` from `device`, `network`
/// and `drop`, signs after `signed_after` seconds and reviews with five stars minutes later.
#[allow(clippy::too_many_arguments)]
fn ring_order(
    city: &mut City,
    rng: &mut Rng,
    l: &Listing,
    order_no: &mut u64,
    (day, second): (i64, i64),
    account: &str,
    (device, network, drop): (&str, &str, &str),
    parcel: Option<i64>,
    refunded: bool,
) {
    let mut row = KIT.sale(
        rng,
        l,
        order_no,
        day,
        second,
        l.price,
        1,
        account,
        "completed",
    );
    row["device_pid"] = json!(device);
    row["ip_pid"] = json!(network);
    row["ship_address_pid"] = json!(drop);
    row["parcel_weight_g"] = json!(parcel);
    let signed = second + rng.range(1_800, 5_400);
    row["signed_at"] = json!(at(day, signed));
    let text = CROWD.glowing[rng.below(CROWD.glowing.len() as u64) as usize];
    let reviewed = signed + rng.range(120, 900);
    HOUSE.review(city, l, &row, 5, text, at(day, reviewed));
    if refunded {
        row["status"] = json!("refunded");
        row["refunded_at"] = json!(at(day, reviewed + CROWD.refund_after));
    }
    city.add(l.platform, "orders", row);
}

/// Draws `n` pseudonyms.
fn pids(rng: &mut Rng, n: usize) -> Vec<String> {
    (0..n).map(|_| rng.hex64()).collect()
}

/// Three rings of new shapes and three honest crowds that look like rings.
pub(crate) fn rings(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    // A ring whose 24 accounts move to the next of four phones every five days.
    let mut shop = KIT.shop(city, rng, MALL, "ring1", "喵星人粮铺");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "冻干猫粮 1.5kg",
        "宠物/猫粮",
        "general",
        16_900,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, Some((1_550, 1_700)), order_no);
    let (accounts, phones, nets, drops) = (pids(rng, 24), pids(rng, 4), pids(rng, 2), pids(rng, 2));
    for round in 0..2i64 {
        for (a, account) in accounts.iter().enumerate() {
            let day = 20 + round * 11 + (a as i64 % 10);
            let phone = &phones[(a + day as usize / 5) % 4];
            let gear = (phone.as_str(), nets[a % 2].as_str(), drops[a % 2].as_str());
            let when = (day, rng.range(75_600, 84_000));
            let weight = Some(rng.range(30, 60));
            ring_order(city, rng, &l, order_no, when, account, gear, weight, false);
        }
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        MALL,
        &shop.merchant,
        Positive,
        "24个账号轮换使用4部手机（每5天换一部）、2个网络、2个收货点，1.5kg猫粮包裹只有30—60克，签收后几分钟即五星好评，第九条",
    );
    // Thirty accounts on three phones buy karaoke vouchers (no parcel) and are refunded.
    let mut shop = KIT.shop(city, rng, LIVE, "ring2", "声浪量贩KTV");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "欢唱4小时 中包 电子券",
        "本地生活/KTV",
        "digital",
        12_800,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, None, order_no);
    let (accounts, phones, nets) = (pids(rng, 30), pids(rng, 3), pids(rng, 2));
    let drop = rng.hex64();
    for (a, account) in accounts.iter().enumerate() {
        let gear = (phones[a % 3].as_str(), nets[a % 2].as_str(), drop.as_str());
        let when = (34 + a as i64 % 4, rng.range(3_600, 10_800));
        ring_order(city, rng, &l, order_no, when, account, gear, None, true);
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        LIVE,
        &shop.merchant,
        Positive,
        "30个账号用3部手机、2个网络在凌晨买电子券，无包裹，五星好评后全部退款，第九条",
    );
    // Five cells of five accounts, each cell with its own phone and network, one drop address.
    let mut shop = KIT.shop(city, rng, MALL, "ring3", "聆声电池专营");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "助听器电池 A312 30粒",
        "医疗器械/助听器配件",
        "general",
        5_900,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, Some((40, 60)), order_no);
    let drop = rng.hex64();
    for cell in 0..5i64 {
        let (accounts, phone, net) = (pids(rng, 5), rng.hex64(), rng.hex64());
        for account in &accounts {
            for k in 0..2 {
                let when = (15 + cell * 6 + k * 3, rng.range(50_000, 56_000));
                let gear = (phone.as_str(), net.as_str(), drop.as_str());
                let weight = Some(rng.range(8, 12));
                ring_order(city, rng, &l, order_no, when, account, gear, weight, false);
            }
        }
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        MALL,
        &shop.merchant,
        Positive,
        "5个小组各5个账号，每组共用一部手机和网络，25个账号全部寄往同一个收货点，空包8—12克，五星好评，第九条",
    );
    honest(city, rng, buyers, order_no);
}

/// Honest crowds: a fishing club's group order, a live-room rush, a company's rentals.
fn honest(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    let mut shop = KIT.shop(city, rng, LOCAL, "club1", "钱塘钓具");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "纺车轮 3000型",
        "运动户外/渔具",
        "general",
        26_800,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, Some((420, 480)), order_no);
    let club = rng.hex64();
    for _ in 0..18 {
        let member = rng.hex64();
        let mut row = CROWD.genuine(city, rng, &l, order_no, &member, 29, Some((430, 470)), 0.3);
        row["ship_address_pid"] = json!(club);
        city.add(LOCAL, "orders", row);
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        LOCAL,
        &shop.merchant,
        Negative,
        "钓鱼俱乐部18名会员比赛前团购同款渔轮寄到会所：各用自己的手机和网络，包裹重量真实，评价有好有坏，反不正当竞争法 第九条不适用",
    );
    let mut shop = KIT.shop(city, rng, LIVE, "rush1", "萌爪宠物直播店");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "宠物湿粮 24罐",
        "宠物/罐头",
        "general",
        9_900,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, Some((2_300, 2_500)), order_no);
    for _ in 0..200 {
        let b = rng.pick(buyers).clone();
        let mut row = CROWD.genuine(city, rng, &l, order_no, &b, 44, Some((2_300, 2_500)), 0.15);
        row["ordered_at"] = json!(at(44, rng.range(73_800, 75_600)));
        city.add(LIVE, "orders", row);
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        LIVE,
        &shop.merchant,
        Negative,
        "直播间秒杀半小时内200个不同买家下单，设备、网络、地址各不相同，包裹重量真实，第九条不适用",
    );
    let mut shop = KIT.shop(city, rng, LOCAL, "fleet1", "驰程租车企业店");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "商务车 日租 企业客户",
        "本地生活/租车",
        "general",
        32_000,
    );
    let company = rng.hex64();
    let (phone, net) = (rng.hex64(), rng.hex64());
    for d in 0..40 {
        let mut row = KIT.sale(
            rng,
            &l,
            order_no,
            d,
            32_400,
            l.price,
            1,
            &company,
            "completed",
        );
        row["device_pid"] = json!(phone);
        row["ip_pid"] = json!(net);
        row["parcel_weight_g"] = json!(null);
        row["signed_at"] = json!(at(d, 36_000));
        city.add(LOCAL, "orders", row);
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        LOCAL,
        &shop.merchant,
        Negative,
        "一家公司的一个企业账号每天为员工租车，无评价、无退款，是真实的长期采购，反不正当竞争法 第九条不适用",
    );
}

const FORCED_EXIT: &str = "exclusive_dealing.forced_exit";

const STYLE: Style = Style {
    prefix: "双栖",
    trade: "商贸",
    shop_suffix: "号铺",
    infix: "dual",
    established: (700, 2_400),
    margin: 8,
    second: 34_200,
    opened: (200, 700),
    turnover: 28_600_000,
    orders: (3, 14),
    order_value: 15_800,
    listings: 36,
};

/// Platforms demoting or throttling merchants who also sell on a rival, and three lawful
/// measures.
pub(crate) fn quotas(city: &mut City, rng: &mut Rng, days: i64) {
    let rival = "h9-tanhua";
    HOUSE.platform_row(city, rng, rival, "探花生活", "services");
    // (platform, name, category, operators, sanctioned, actions, reason, day, exits, others,
    // all leave, truth, why)
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
    const CASES: &[Case] = &[
        (
            "h9-chuxing",
            "出行优选",
            "services",
            5,
            4,
            &["search_demotion"],
            "检测到贵店同时在“探花生活”上架车辆，搜索排名降至第50页以后，下架对方平台后恢复",
            18,
            (3, 1, 4),
            0,
            None,
            Positive,
            "因商家在对手平台经营而搜索降权，4家中3家在1—3天内退出对手平台，电子商务法 第三十五条",
        ),
        (
            "h9-lingsheng",
            "聆声到家",
            "services",
            6,
            5,
            &["traffic_limit", "search_demotion"],
            "未签署独家合作协议，每日曝光配额由20000降至500",
            24,
            (4, 2, 6),
            0,
            None,
            Positive,
            "以流量配额惩罚不签独家的商家，5家中4家2—5天内离开对手平台，平台经济反垄断指南 第十五条",
        ),
        (
            "h9-zhuyi",
            "竹艺汇",
            "sales",
            4,
            4,
            &["search_demotion", "traffic_limit"],
            "入驻竞争平台，店铺降权并限流至每日100次曝光",
            30,
            (4, 1, 4),
            0,
            None,
            Positive,
            "对入驻竞争平台的商家降权限流，4家全部在3天内退出对手平台，电子商务法 第三十五条",
        ),
        (
            "h9-qingxiu",
            "轻修家政",
            "services",
            5,
            3,
            &["traffic_limit"],
            "存在虚假评价（刷好评），限流7天",
            20,
            (0, 1, 2),
            0,
            None,
            Negative,
            "因虚假评价限流，与是否在对手平台经营无关，被处罚者没有离开对手平台，电子商务法 第三十五条",
        ),
        (
            "h9-fanyu",
            "泛渔商城",
            "sales",
            5,
            3,
            &["search_demotion"],
            "超时发货率高于15%，搜索降权14天",
            26,
            (0, 1, 2),
            2,
            None,
            Negative,
            "因发货超时降权，被处罚者都未离开对手平台，离开的两家未受处罚，平台经济反垄断指南 第十五条",
        ),
        (
            "h9-weiguang",
            "微光航拍",
            "sales",
            5,
            0,
            &["warning"],
            "",
            22,
            (0, 1, 2),
            0,
            Some(40),
            Negative,
            "对手平台在第40日关闭无人机类目，所有商家同日离开，平台未采取任何措施，电子商务法 第三十五条",
        ),
    ];
    for (s, c) in CASES.iter().enumerate() {
        let &(
            platform,
            name,
            category,
            operators,
            sanctioned,
            actions,
            reason,
            day,
            exits,
            others,
            all_leave,
            label,
            why,
        ) = c;
        HOUSE.platform_row(city, rng, platform, name, category);
        let case = Sanctions {
            platforms: (platform, rival),
            operators,
            sanctioned,
            actions,
            reason,
            day,
            exits,
            others,
            all_leave,
            leave_here: 0,
        };
        STYLE.plant(city, rng, &KIT, s, &case, days);
        KIT.t_platform(city, FORCED_EXIT, platform, label, why);
    }
}

const PYRAMID: &str = "pyramid_scheme.pyramid";

/// A referral scheme grown breadth-first: each member in join order brings in up to `branch`
/// members until there are `size`; one member joins every `gap` seconds from day `start`.
/// Returns each member's parent index and depth.
pub(crate) fn breadth_first(size: usize, branch: usize) -> Vec<(Option<usize>, usize)> {
    let mut members: Vec<(Option<usize>, usize)> = Vec::new();
    if size == 0 {
        return members;
    }
    members.push((None, 0));
    let mut next = 0;
    while members.len() < size && next < members.len() {
        let depth = members[next].1 + 1;
        for _ in 0..branch {
            if members.len() == size {
                break;
            }
            members.push((Some(next), depth));
        }
        next += 1;
    }
    members
}

/// Three schemes paying for heads in points convertible to cash, and three that do not.
pub(crate) fn campaigns_bfs(city: &mut City, rng: &mut Rng) {
    // (platform, scheme, size, branch, fee, points per downline member, sales reward, truth, why)
    type Scheme = (
        &'static str,
        &'static str,
        usize,
        usize,
        i64,
        i64,
        i64,
        Label,
        &'static str,
    );
    const CASES: &[Scheme] = &[
        (
            MALL,
            "h9-scheme-baicha",
            40,
            3,
            198_000,
            1_000,
            0,
            Positive,
            "“白茶合伙人”交1980元入门，每发展一人（含间接）得100积分（1积分=0.1元可提现），40人4层，禁止传销条例 第七条；刑法 第二百二十四条之一",
        ),
        (
            LOCAL,
            "h9-scheme-mengchong",
            31,
            2,
            69_900,
            2_000,
            0,
            Positive,
            "“萌宠推广大使”交699元，按下线人头计积分提现，31人5级，禁止传销条例 第七条",
        ),
        (
            LIVE,
            "h9-scheme-drone",
            30,
            3,
            368_000,
            5_000,
            0,
            Positive,
            "“航拍创客”交3680元，按人头积分提现，恰好30人、3层（刑法 第二百二十四条之一的门槛）",
        ),
        (
            MALL,
            "h9-scheme-zhuqi",
            45,
            2,
            0,
            0,
            1_200,
            Negative,
            "竹器分销：不交费，只按本人和下线的实际销售额提成，没有人头奖励，禁止传销条例 第七条不适用",
        ),
        (
            LIVE,
            "h9-scheme-ktv",
            80,
            0,
            29_900,
            0,
            0,
            Negative,
            "KTV年卡299元，会员之间无推荐关系、无任何奖励，是普通预付会员，禁止传销条例 第七条不适用",
        ),
        (
            LOCAL,
            "h9-scheme-tuanzhang",
            34,
            3,
            0,
            0,
            800,
            Negative,
            "宠物粮团长：不收费，只按下线实际购买额得佣金，不按人头计酬，禁止传销条例 第七条不适用",
        ),
    ];
    for &(platform, scheme, size, branch, fee, points, sales, label, why) in CASES {
        let members = if branch == 0 {
            vec![(None, 0); size]
        } else {
            breadth_first(size, branch)
        };
        let pids = pids(rng, members.len());
        let mut downline = vec![0i64; members.len()];
        for (parent, _) in &members {
            let mut up = *parent;
            while let Some(j) = up {
                downline[j] += 1;
                up = members[j].0;
            }
        }
        for (i, (parent, _)) in members.iter().enumerate() {
            city.add(
                platform,
                "referrals",
                json!({
                    "platform_id": platform, "scheme_id": scheme, "member_pid": pids[i],
                    "referrer_pid": parent.map(|p| pids[p].clone()),
                    "joined_at": at(5 + i as i64 / 3, 30_000 + 600 * (i as i64 % 3)),
                    "entry_fee_fen": fee, "recruitment_rewards_fen": downline[i] * points,
                    "sales_rewards_fen": if sales > 0 { sales * (1 + downline[i]) } else { 0 },
                }),
            );
        }
        KIT.t_subject(city, PYRAMID, "scheme", platform, scheme, label, why);
    }
}

const RETURNS: &str = "return_refusal.no_reason_return";
const INVOICE: &str = "invoice_refusal.not_issued";

/// Refused returns around the seven days counted from the day after signing, and invoices.
pub(crate) fn after_sale(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    // (shop, title, class, signed, asked (days after, second), truth, why)
    type Return = (
        (&'static str, &'static str, &'static str),
        &'static str,
        &'static str,
        (i64, i64),
        (i64, i64),
        Label,
        &'static str,
    );
    const CASES: &[Return] = &[
        (
            (MALL, "ret1", "骑行灯具"),
            "自行车尾灯 USB充电",
            "general",
            (30, 33_000),
            (7, 86_350),
            Positive,
            "第30日签收，第37日23:59:10申请（签收次日起第七日内）被拒，第二十五条",
        ),
        (
            (MALL, "ret2", "焕新二手机"),
            "二手手机 9成新 64G",
            "general",
            (20, 50_000),
            (2, 40_000),
            Positive,
            "以“二手商品不退”拒绝签收后第二天的无理由退货；二手手机不属于第二十五条的除外商品",
        ),
        (
            (LOCAL, "ret3", "明眸镜架"),
            "成品镜架 TR90 黑色",
            "general",
            (41, 61_000),
            (4, 30_000),
            Positive,
            "“试戴后不退”拒绝第4天的退货，成品镜架不是定制商品，第二十五条",
        ),
        (
            (LOCAL, "ret4", "光影婚纱摄影"),
            "定制婚礼相册 照片由顾客提供",
            "custom_made",
            (22, 40_000),
            (2, 40_000),
            Negative,
            "按消费者提供的照片定制的相册，第二十五条第一款第一项除外",
        ),
        (
            (LOCAL, "ret5", "花语同城"),
            "粉色康乃馨 19枝",
            "fresh",
            (33, 43_000),
            (1, 36_000),
            Negative,
            "鲜花属于鲜活易腐商品，第二十五条第一款第二项除外",
        ),
        (
            (MALL, "ret6", "钱塘钓具"),
            "鼓式渔轮 黑色",
            "general",
            (25, 72_000),
            (8, 30),
            Negative,
            "第25日20点签收，第33日00:00:30才申请，已过签收次日起的七日，第二十五条",
        ),
    ];
    for &((platform, tag, name), title, class, signed, asked, label, why) in CASES {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "日用/综合", class, 19_900);
        CROWD.ordinary(city, rng, buyers, &l, 40, Some((200, 900)), order_no);
        KIT.refused_return(city, rng, &l, order_no, 36_000, signed, asked);
        KIT.t_subject(
            city,
            RETURNS,
            "merchant",
            platform,
            &shop.merchant,
            label,
            why,
        );
    }
    // (shop, title, (requested, issued), cancelled, truth, why)
    type Invoice = (
        (&'static str, &'static str, &'static str),
        &'static str,
        (usize, usize),
        bool,
        Label,
        &'static str,
    );
    const INVOICES: &[Invoice] = &[
        (
            (LOCAL, "inv1", "驰程租车城西店"),
            "经济型轿车 3日租",
            (10, 0),
            false,
            Positive,
            "10笔已完成租车订单索要发票，一张未开，电子商务法 第十四条",
        ),
        (
            (LIVE, "inv2", "声浪KTV城东店"),
            "欢唱套餐 含果盘",
            (12, 4),
            false,
            Positive,
            "12笔索要发票只开4张，电子商务法 第十四条",
        ),
        (
            (MALL, "inv3", "皓齿护理"),
            "牙齿美白凝胶 补充装",
            (8, 2),
            false,
            Positive,
            "8笔索要发票只开2张，电子商务法 第十四条",
        ),
        (
            (MALL, "inv4", "明眸眼镜旗舰"),
            "镜片 1.56 一对",
            (9, 9),
            false,
            Negative,
            "9笔索要发票全部开具，电子商务法 第十四条",
        ),
        (
            (LOCAL, "inv5", "萌宠洗护馆"),
            "猫咪洗护 单次",
            (7, 0),
            true,
            Negative,
            "索要发票的7笔订单都在服务前取消，无交易即无发票义务，电子商务法 第十四条",
        ),
        (
            (MALL, "inv6", "竹溪竹器"),
            "竹制收纳架 三层",
            (0, 0),
            false,
            Negative,
            "没有消费者索要发票（电子商务法 第十四条）",
        ),
    ];
    for &((platform, tag, name), title, (requested, issued), cancelled, label, why) in INVOICES {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "生活服务", "general", 16_800);
        CROWD.ordinary(city, rng, buyers, &l, 40, None, order_no);
        for k in 0..12usize {
            let buyer = rng.hex64();
            let status = if cancelled && k < requested {
                "cancelled"
            } else {
                "completed"
            };
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                10 + 3 * k as i64,
                45_000,
                l.price,
                1,
                &buyer,
                status,
            );
            row["invoice_requested"] = json!(k < requested);
            row["invoice_issued"] = json!(k < issued);
            city.add(platform, "orders", row);
        }
        KIT.t_subject(
            city,
            INVOICE,
            "merchant",
            platform,
            &shop.merchant,
            label,
            why,
        );
    }
}

const SERIAL: &str = "serial_complainant.profit_seeking";

/// People who buy to claim, and people with many real grievances.
pub(crate) fn complainers(city: &mut City, rng: &mut Rng, order_no: &mut u64) {
    // (shops, goods, days apart, kind, demand, amount, real name, text, truth, why)
    type Person = (
        usize,
        &'static str,
        i64,
        &'static str,
        &'static str,
        Option<i64>,
        bool,
        &'static str,
        Label,
        &'static str,
    );
    const CASES: &[Person] = &[
        (
            12,
            "麻辣火锅底料",
            1,
            "complaint",
            "punitive_compensation",
            Some(3_900),
            false,
            "本人购买的火锅底料标签无生产日期，违反食品安全法，要求退一赔十，否则举报",
            Positive,
            "两周内向12家火锅底料店各买一件后以同一文本要求退一赔十，买后即诉、以索赔为目的，消费者权益保护法实施条例 第四十九条",
        ),
        (
            10,
            "牙齿美白贴",
            2,
            "report",
            "compensation",
            Some(50_000),
            false,
            "你店广告用语违法，赔偿500元私了，不赔就举报到市监局！！",
            Positive,
            "向10家美白贴店各索要500元“私了”，以举报相要挟，消费者权益保护法实施条例 第四十九条",
        ),
        (
            11,
            "冻干猫粮",
            1,
            "complaint",
            "compensation",
            Some(100_000),
            false,
            "👉标签无中文 👉要求赔偿1000元 👉不处理就12315见",
            Positive,
            "11家猫粮店、同一表情符号模板、每家要求1000元，消费者权益保护法实施条例 第四十九条",
        ),
        (
            5,
            "租车押金",
            11,
            "complaint",
            "refund",
            Some(300_000),
            true,
            "还车两周了押金3000元还没退，客服不回复，请帮忙退押金",
            Negative,
            "两个月里5家租车店不退押金，实名、只要求退还自己的押金，是真实纠纷，消费者权益保护法",
        ),
        (
            8,
            "无人机",
            3,
            "report",
            "investigate",
            None,
            true,
            "实名举报：该店销售的无人机未提示实名登记，请依法查处，本人不要求任何赔偿",
            Negative,
            "实名举报8家店未履行无人机实名登记提示，只请求查处、不要钱，消费者权益保护法实施条例",
        ),
        (
            4,
            "二手手机",
            9,
            "complaint",
            "repair",
            Some(129_900),
            true,
            "手机到手一周屏幕闪烁，要求维修或换货",
            Negative,
            "4次购机都出现质量问题，只要求维修换货，消费者权益保护法 第二十四条",
        ),
    ];
    for (p, &(shops, goods, gap, kind, demand, amount, real_name, text, label, why)) in
        CASES.iter().enumerate()
    {
        let person = rng.hex64();
        for k in 0..shops {
            let channel = ["12315_app", "hotline", "12315_web"][k % 3];
            let platform = [MALL, LOCAL][k % 2];
            let mut shop = KIT.shop(
                city,
                rng,
                platform,
                &format!("cp{p}-{k}"),
                &format!("{goods}{p}{k}号店"),
            );
            let l = HOUSE.goods(
                city,
                &mut shop,
                goods,
                "综合",
                "general",
                amount.unwrap_or(9_900).min(99_900),
            );
            let day = 10 + k as i64 * gap;
            let row = KIT.sale(
                rng,
                &l,
                order_no,
                day,
                40_000,
                l.price,
                1,
                &person,
                "completed",
            );
            let order_id = row["order_id"].clone();
            city.add(platform, "orders", row);
            city.add("12315", "complaints", json!({
                "complaint_id": format!("h9-c{p}-{k}"), "channel": channel,
                "received_at": at(day + 3, 52_000 + 60 * k as i64), "complainant_pid": person, "kind": kind,
                "platform_id": platform, "merchant_id": shop.merchant, "respondent_uscc": shop.uscc,
                "respondent_name": shop.name, "order_id": order_id, "text": text, "amount_fen": amount,
                "demand": demand, "real_name": real_name,
            }));
        }
        KIT.t_person(city, SERIAL, &person, label, why);
    }
}
