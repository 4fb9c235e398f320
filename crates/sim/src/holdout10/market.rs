//! Market cases: brushing rings that order slowly over weeks, serve two shops on two platforms,
//! or review days later (反不正当竞争法（2025）第九条; 电子商务法 第十七条) beside honest crowds that
//! share a device, a network or an address; platforms pressing two-homed merchants through
//! commissions and deposits after a warning (电子商务法 第三十五条; 平台经济反垄断指南 第十五条);
//! referral schemes grown as chains (禁止传销条例 第七条; 刑法 第二百二十四条之一); returns, invoices
//! and complaints.

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
        "非常好，五星推荐！！",
        "质量超好 物超所值 会回购",
        "包装精美，送人很有面子",
        "客服态度好，发货快，满分",
        "第二次买了，一如既往的好",
    ],
    plain: &[
        "一般般，和预期差不多",
        "发货有点慢，东西还行",
        "说明书看不太懂",
        "用了一周，目前没问题",
        "包装有破损，商品完好",
    ],
    refund_after: 7_260,
};

const BRUSHING: &str = "fake_orders.brushing_ring";

/// How a ring order goes: shared gear, parcel weight, and when it is signed and reviewed
/// (seconds after the order).
struct Way<'a> {
    gear: (&'a str, &'a str, &'a str),
    parcel: Option<i64>,
    signed_after: i64,
    reviewed_after: i64,
    refunded: bool,
}

/// A ring order of one unit of `l` by `account` on `day` at `second`.
fn ring_order(
    city: &mut City,
    rng: &mut Rng,
    l: &Listing,
    order_no: &mut u64,
    (day, second): (i64, i64),
    account: &str,
    way: &Way<'_>,
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
    let (device, network, drop) = way.gear;
    row["device_pid"] = json!(device);
    row["ip_pid"] = json!(network);
    row["ship_address_pid"] = json!(drop);
    row["parcel_weight_g"] = json!(way.parcel);
    let signed = second + way.signed_after;
    row["signed_at"] = json!(at(day, signed));
    let text = CROWD.glowing[rng.below(CROWD.glowing.len() as u64) as usize];
    let reviewed = signed + way.reviewed_after;
    HOUSE.review(city, l, &row, 5, text, at(day, reviewed));
    if way.refunded {
        row["status"] = json!("refunded");
        row["refunded_at"] = json!(at(day, reviewed + CROWD.refund_after));
    }
    city.add(l.platform, "orders", row);
}

/// Draws `n` pseudonyms.
fn pids(rng: &mut Rng, n: usize) -> Vec<String> {
    (0..n).map(|_| rng.hex64()).collect()
}

/// Three rings of new shapes and three honest crowds that share something.
pub(crate) fn rings(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    // Slow: 20 accounts on 3 phones order once a week for seven weeks, empty parcels, five
    // stars two to four days after signing.
    let mut shop = KIT.shop(city, rng, MALL, "ring1", "极光电竞");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "机械键盘 108键 茶轴",
        "数码/外设/键盘",
        "general",
        25_900,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, Some((950, 1_050)), order_no);
    let (accounts, phones, nets, drops) = (pids(rng, 20), pids(rng, 3), pids(rng, 2), pids(rng, 2));
    for week in 0..7i64 {
        for (a, account) in accounts.iter().enumerate() {
            let day = 3 + week * 7 + (a as i64 % 3);
            let gear = (
                phones[a % 3].as_str(),
                nets[a % 2].as_str(),
                drops[a % 2].as_str(),
            );
            let way = Way {
                gear,
                parcel: Some(rng.range(20, 40)),
                signed_after: rng.range(90_000, 120_000),
                reviewed_after: rng.range(172_800, 345_600),
                refunded: false,
            };
            let when = (day, rng.range(79_000, 85_000));
            ring_order(city, rng, &l, order_no, when, account, &way);
        }
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        MALL,
        &shop.merchant,
        Positive,
        "20个账号七周内每周各下一单，只用3部手机、2个网络、2个收货点，1公斤的键盘包裹仅20—40克，签收两到四天后统一五星好评，第九条",
    );
    // One ring serves two shops on two platforms: 16 accounts, 2 phones, one network, refunded.
    let (accounts, phones, net, drop) = (pids(rng, 16), pids(rng, 2), rng.hex64(), rng.hex64());
    for (platform, tag, name) in [
        (MALL, "ring2", "燕之屋滋补"),
        (LOCAL, "ring3", "燕窝鲜炖坊"),
    ] {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(
            city,
            &mut shop,
            "即食燕窝 礼盒 8瓶",
            "食品/滋补/燕窝",
            "general",
            29_900,
        );
        CROWD.ordinary(city, rng, buyers, &l, 60, Some((1_300, 1_450)), order_no);
        for (a, account) in accounts.iter().enumerate() {
            for k in 0..2i64 {
                let way = Way {
                    gear: (phones[a % 2].as_str(), net.as_str(), drop.as_str()),
                    parcel: Some(rng.range(60, 90)),
                    signed_after: rng.range(3_600, 7_200),
                    reviewed_after: rng.range(300, 1_200),
                    refunded: true,
                };
                let when = (22 + k * 9 + a as i64 % 4, rng.range(12_000, 20_000));
                ring_order(city, rng, &l, order_no, when, account, &way);
            }
        }
        KIT.t_subject(
            city,
            BRUSHING,
            "merchant",
            platform,
            &shop.merchant,
            Positive,
            "同一批16个账号（2部手机、同一网络、同一收货点）在两个平台的两家燕窝店各下两单，空包60—90克，好评后全部退款，第九条",
        );
    }
    // Real parcels to one drop, reviewed days later with five stars: 12 accounts on 3 phones.
    let mut shop = KIT.shop(city, rng, LOCAL, "ring4", "拼趣积木专营");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "积木 太空站 1,680颗粒",
        "玩具/积木",
        "general",
        39_900,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, Some((2_100, 2_300)), order_no);
    let (accounts, phones, net, drop) = (pids(rng, 12), pids(rng, 3), rng.hex64(), rng.hex64());
    for (a, account) in accounts.iter().enumerate() {
        for k in 0..3i64 {
            let way = Way {
                gear: (phones[a % 3].as_str(), net.as_str(), drop.as_str()),
                parcel: Some(rng.range(2_100, 2_300)),
                signed_after: rng.range(100_000, 150_000),
                reviewed_after: rng.range(345_600, 518_400),
                refunded: false,
            };
            let when = (12 + k * 10 + a as i64 % 5, rng.range(40_000, 46_000));
            ring_order(city, rng, &l, order_no, when, account, &way);
        }
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        LOCAL,
        &shop.merchant,
        Positive,
        "12个账号共用3部手机和一个网络，36单全部寄往同一收货点（货回流转卖），签收四到六天后才统一五星好评，虚构交易和评价，第九条",
    );
    honest(city, rng, buyers, order_no);
}

/// Honest crowds: a studio's in-store tablet, a dormitory's network and pick-up point, a charity
/// drive to one address.
fn honest(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    let mut shop = KIT.shop(city, rng, LOCAL, "pad1", "泥巴造物陶艺馆");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "陶艺体验 到店扫码 单人",
        "本地生活/手工DIY",
        "digital",
        16_800,
    );
    let (pad, wifi) = (rng.hex64(), rng.hex64());
    for k in 0..60i64 {
        let b = rng.pick(buyers).clone();
        let day = 5 + k * 5 / 6;
        let mut row = CROWD.genuine(city, rng, &l, order_no, &b, day, None, 0.35);
        row["device_pid"] = json!(pad);
        row["ip_pid"] = json!(wifi);
        row["ship_address_pid"] = json!(null);
        row["signed_at"] = json!(at(day, 72_000));
        city.add(LOCAL, "orders", row);
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        LOCAL,
        &shop.merchant,
        Negative,
        "60位不同顾客到店用工作室的同一台平板、同一Wi-Fi扫码下单，到店体验真实，评价有好有坏且只有三成评价，不是虚构交易，反不正当竞争法 第九条不适用",
    );
    let mut shop = KIT.shop(city, rng, MALL, "dorm1", "极光外设");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "电竞耳机 7.1声道",
        "数码/外设/耳机",
        "general",
        19_900,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, Some((480, 520)), order_no);
    let (campus, station) = (rng.hex64(), rng.hex64());
    for k in 0..30i64 {
        let student = rng.hex64();
        let mut row = CROWD.genuine(
            city,
            rng,
            &l,
            order_no,
            &student,
            8 + k,
            Some((480, 520)),
            0.3,
        );
        row["ip_pid"] = json!(campus);
        row["ship_address_pid"] = json!(station);
        city.add(MALL, "orders", row);
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        MALL,
        &shop.merchant,
        Negative,
        "30名学生一个月里陆续下单：共用校园网和宿舍楼下的驿站，但各用自己的手机，包裹重量真实，评价有好有坏，反不正当竞争法 第九条不适用",
    );
    let mut shop = KIT.shop(city, rng, LIVE, "gift1", "拼趣积木公益");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "儿童积木 大颗粒 100块",
        "玩具/积木",
        "general",
        8_900,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, Some((1_200, 1_300)), order_no);
    let home = rng.hex64();
    for _ in 0..24 {
        let donor = rng.hex64();
        let day = rng.range(40, 43);
        let mut row = CROWD.genuine(
            city,
            rng,
            &l,
            order_no,
            &donor,
            day,
            Some((1_200, 1_300)),
            0.1,
        );
        row["ship_address_pid"] = json!(home);
        city.add(LIVE, "orders", row);
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        LIVE,
        &shop.merchant,
        Negative,
        "直播间发起给儿童福利院捐积木，24位捐赠人各用自己的设备和网络下单寄往福利院同一地址，包裹真实、极少评价，反不正当竞争法 第九条不适用",
    );
}

const FORCED_EXIT: &str = "exclusive_dealing.forced_exit";

const STYLE: Style = Style {
    prefix: "两地",
    trade: "商行",
    shop_suffix: "号门店",
    infix: "two",
    established: (900, 2_700),
    margin: 6,
    second: 37_260,
    opened: (250, 800),
    turnover: 24_100_000,
    orders: (2, 11),
    order_value: 21_300,
    listings: 27,
};

/// Platforms pressing merchants who also sell on a rival through commissions and deposits
/// (after a warning), and three lawful measures.
pub(crate) fn fees(city: &mut City, rng: &mut Rng, days: i64) {
    let rival = "h10-rival";
    HOUSE.platform_row(city, rng, rival, "邻家生活", "services");
    // (platform, name, category, operators, sanctioned, actions, reason, day, exits, others,
    // warned first, label, why)
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
        bool,
        Label,
        &'static str,
    );
    const CASES: &[Case] = &[
        (
            "h10-anfang",
            "安防优选",
            "sales",
            5,
            4,
            &["fee_increase"],
            "检测到贵店同时在“邻家生活”经营，技术服务费率由5%调整为12%，关闭对方店铺后恢复",
            19,
            (3, 1, 5),
            0,
            true,
            Positive,
            "先警告、后把在对手平台经营的商家的服务费率从5%提到12%，4家中3家在措施后1—5天内离开对手平台，电子商务法 第三十五条",
        ),
        (
            "h10-dianjing",
            "电竞汇",
            "sales",
            6,
            5,
            &["deposit_deduction"],
            "未签署独家经营承诺，扣除保证金20000元",
            25,
            (4, 2, 7),
            0,
            false,
            Positive,
            "以扣保证金惩罚不签独家承诺的商家，5家中4家在措施后2—7天内离开对手平台，平台经济反垄断指南 第十五条",
        ),
        (
            "h10-wenshen",
            "纹身预约",
            "services",
            5,
            5,
            &["fee_increase", "deposit_deduction"],
            "在“邻家生活”接单，佣金由8%上调至20%并扣除保证金",
            31,
            (5, 1, 3),
            0,
            true,
            Positive,
            "警告后对在对手平台接单的商家提佣、扣保证金，5家全部在措施后1—3天内离开对手平台，电子商务法 第三十五条",
        ),
        (
            "h10-yuezi",
            "月子优选",
            "services",
            5,
            5,
            &["fee_increase"],
            "2027年度全平台服务费率统一由5%调整为6%（已提前30日公示）",
            22,
            (0, 1, 2),
            0,
            false,
            Negative,
            "对全部商家统一、提前公示的调价，与是否在对手平台经营无关，没有商家离开对手平台，电子商务法 第三十五条",
        ),
        (
            "h10-jinshi",
            "金饰城",
            "sales",
            5,
            2,
            &["deposit_deduction"],
            "抽检足金饰品含金量不足，按协议扣除保证金",
            27,
            (0, 1, 2),
            2,
            false,
            Negative,
            "因含金量不足扣保证金，被处罚者没有离开对手平台，离开的两家未受任何处罚，平台经济反垄断指南 第十五条",
        ),
        (
            "h10-lianyun",
            "练云健身",
            "services",
            5,
            0,
            &["warning"],
            "",
            20,
            (0, 1, 2),
            3,
            false,
            Negative,
            "平台没有采取任何措施，3家商家在不同日子各自离开对手平台，电子商务法 第三十五条",
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
            warned,
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
            all_leave: None,
            leave_here: 0,
        };
        STYLE.plant(city, rng, &KIT, s, &case, days);
        if warned {
            for k in 0..sanctioned {
                city.add(
                    platform,
                    "merchant_sanctions",
                    json!({"platform_id": platform, "merchant_id": format!("{platform}-h10-two{s}-{k}"),
                        "at": at(day - 4, 40_020), "action": "warning",
                        "reason_text": "经营提醒：请于3日内关闭在“邻家生活”的店铺，否则将调整费率"}),
                );
            }
        }
        KIT.t_platform(city, FORCED_EXIT, platform, label, why);
    }
}

const PYRAMID: &str = "pyramid_scheme.pyramid";

/// A scheme grown as chains: member 0 is the founder; every `run`-th member after it is brought
/// in by the founder, every other member by the member who joined just before. Returns each
/// member's parent.
pub(crate) fn chains(size: usize, run: usize) -> Vec<Option<usize>> {
    (0..size)
        .map(|i| match i {
            0 => None,
            _ if run == 0 => None,
            _ if (i - 1) % run == 0 => Some(0),
            _ => Some(i - 1),
        })
        .collect()
}

/// Three schemes paying for heads down long chains, and three that pay for none.
pub(crate) fn chain_schemes(city: &mut City, rng: &mut Rng) {
    // (platform, scheme, size, run, fee, reward per downline member, own-purchase rebate,
    // label, why)
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
            "h10-scheme-nest",
            32,
            8,
            298_000,
            3_000,
            0,
            Positive,
            "“燕窝合伙人”须购2980元燕窝礼包入门，每发展一人（含间接）返30元，32人、8层的链式上下线，禁止传销条例 第七条；刑法 第二百二十四条之一",
        ),
        (
            LIVE,
            "h10-scheme-brick",
            36,
            12,
            128_000,
            1_500,
            0,
            Positive,
            "“积木创客”强制购买1280元套装才能入会，按下线人数“返利”，36人最深12层，禁止传销条例 第七条",
        ),
        (
            LOCAL,
            "h10-scheme-gold",
            31,
            5,
            1_000_000,
            8_000,
            0,
            Positive,
            "“黄金消费返利”交1万元入门，按直接和间接发展人数返现，31人、5级下线，刑法 第二百二十四条之一（≥30人、≥3层）",
        ),
        (
            MALL,
            "h10-scheme-cashback",
            40,
            10,
            0,
            0,
            900,
            Negative,
            "邀请关系有10层，但不交费、不按人头奖励，只返会员自己消费额的3%，禁止传销条例 第七条不适用",
        ),
        (
            LOCAL,
            "h10-scheme-invite",
            45,
            1,
            0,
            2_000,
            0,
            Negative,
            "“老带新”只有一层：老客邀请好友首单得20元券，被邀请人不能再发展下线、无入门费，没有层级结构，禁止传销条例 第七条不适用",
        ),
        (
            LIVE,
            "h10-scheme-card",
            60,
            0,
            39_900,
            0,
            0,
            Negative,
            "攀岩馆年卡399元，会员之间无推荐关系、无任何奖励，是普通预付会员，禁止传销条例 第七条不适用",
        ),
    ];
    for &(platform, scheme, size, run, fee, per_head, rebate, label, why) in CASES {
        // `run` 1 is one level: five founders each bring in friends who bring in nobody.
        let parents: Vec<Option<usize>> = if run == 1 {
            (0..size).map(|i| (i >= 5).then_some(i % 5)).collect()
        } else {
            chains(size, run)
        };
        let pids = pids(rng, size);
        let mut downline = vec![0i64; size];
        for p in &parents {
            let mut up = *p;
            while let Some(j) = up {
                downline[j] += 1;
                up = parents[j];
            }
        }
        for (i, parent) in parents.iter().enumerate() {
            city.add(
                platform,
                "referrals",
                json!({
                    "platform_id": platform, "scheme_id": scheme, "member_pid": pids[i],
                    "referrer_pid": parent.map(|p| pids[p].clone()),
                    "joined_at": at(4 + i as i64 / 2, 29_460 + 1_380 * (i as i64 % 2)),
                    "entry_fee_fen": fee, "recruitment_rewards_fen": downline[i] * per_head,
                    "sales_rewards_fen": rebate * (i as i64 % 7 + 1),
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
    // (shop, title, class, signed, asked (days after, second), label, why)
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
            (MALL, "ret1", "锐固工具售后"),
            "电圆锯 185mm",
            "general",
            (30, 300),
            (7, 79_200),
            Positive,
            "第30日00:05签收，第37日22:00申请（签收次日起第七日内），以“已拆封不退”拒绝，拆封检查不影响退货，第二十五条",
        ),
        (
            (MALL, "ret2", "寻宝中古"),
            "中古丝巾 90cm",
            "general",
            (24, 50_000),
            (3, 40_000),
            Positive,
            "以“中古商品不退”拒绝签收后第三天的无理由退货，二手商品不属于第二十五条的除外商品",
        ),
        (
            (LOCAL, "ret3", "拼趣积木专营"),
            "积木 跑车 1:14",
            "general",
            (35, 61_000),
            (5, 30_000),
            Positive,
            "以“拆封影响二次销售”拒绝第5天的退货，积木不是定制、鲜活或数字商品，第二十五条",
        ),
        (
            (MALL, "ret4", "极速电竞定制"),
            "定制刻字键帽 名字由顾客提供",
            "custom_made",
            (28, 40_000),
            (2, 40_000),
            Negative,
            "按消费者提供的文字定制的键帽，第二十五条第一款第一项除外",
        ),
        (
            (LOCAL, "ret5", "燕窝鲜炖坊"),
            "鲜炖燕窝 冷链 7瓶",
            "fresh",
            (33, 43_000),
            (1, 36_000),
            Negative,
            "冷链鲜炖燕窝属鲜活易腐商品，第二十五条第一款第二项除外",
        ),
        (
            (LIVE, "ret6", "蓝洞潜水"),
            "潜水理论 在线课程 永久回看",
            "digital",
            (19, 45_000),
            (2, 45_000),
            Negative,
            "在线下载的数字化课程，第二十五条第一款第三项除外",
        ),
        (
            (MALL, "ret7", "星野天文"),
            "天文望远镜 目镜套装",
            "general",
            (26, 80_000),
            (8, 600),
            Negative,
            "第26日22:13签收，第34日00:10才申请，已过签收次日起的七日，第二十五条",
        ),
    ];
    for &((platform, tag, name), title, class, signed, asked, label, why) in CASES {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "综合/售后", class, 23_900);
        CROWD.ordinary(city, rng, buyers, &l, 40, Some((300, 1_200)), order_no);
        KIT.refused_return(city, rng, &l, order_no, 34_260, signed, asked);
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
    // (shop, title, orders, (requested, issued), refunded, label, why)
    type Invoice = (
        (&'static str, &'static str, &'static str),
        &'static str,
        usize,
        (usize, usize),
        bool,
        Label,
        &'static str,
    );
    const INVOICES: &[Invoice] = &[
        (
            (LOCAL, "inv1", "安馨月子会所"),
            "月子套餐 定金",
            10,
            (10, 0),
            false,
            Positive,
            "10笔已完成的月子套餐订单索要发票，一张未开，电子商务法 第十四条",
        ),
        (
            (MALL, "inv2", "锐固五金批发"),
            "电动工具 套装 12件",
            16,
            (14, 5),
            false,
            Positive,
            "14笔索要发票只开5张（只给大额订单开），电子商务法 第十四条",
        ),
        (
            (LOCAL, "inv3", "墨迹纹身工作室"),
            "纹身 定金 小图",
            12,
            (9, 3),
            false,
            Positive,
            "9笔索要发票只开3张，电子商务法 第十四条",
        ),
        (
            (MALL, "inv4", "星野天文"),
            "天文望远镜 102AZ",
            12,
            (11, 11),
            false,
            Negative,
            "11笔索要发票全部开具，电子商务法 第十四条",
        ),
        (
            (LIVE, "inv5", "金福珠宝直播"),
            "足金耳钉 约1g",
            12,
            (8, 0),
            true,
            Negative,
            "索要发票的8笔订单均已全额退款，交易已解除，无开票义务，电子商务法 第十四条",
        ),
        (
            (LOCAL, "inv6", "岩点攀岩馆"),
            "攀岩 体验课",
            12,
            (0, 0),
            false,
            Negative,
            "没有消费者索要发票（电子商务法 第十四条）",
        ),
    ];
    for &((platform, tag, name), title, orders, (requested, issued), refunded, label, why) in
        INVOICES
    {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "生活服务", "general", 21_800);
        CROWD.ordinary(city, rng, buyers, &l, 40, None, order_no);
        for k in 0..orders {
            let buyer = rng.hex64();
            let status = if refunded && k < requested {
                "refunded"
            } else {
                "completed"
            };
            let day = 8 + 3 * k as i64;
            let mut row = KIT.sale(rng, &l, order_no, day, 47_460, l.price, 1, &buyer, status);
            if status == "refunded" {
                row["refunded_at"] = json!(at(day + 1, 36_000));
            }
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

/// People who buy in bulk or by template to claim, and people with real grievances.
pub(crate) fn complainers(city: &mut City, rng: &mut Rng, order_no: &mut u64) {
    // (shops, goods, (quantity, unit price), days apart, kind, demand, amount, real name, text,
    // label, why)
    type Person = (
        usize,
        &'static str,
        (i64, i64),
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
            10,
            "即食燕窝",
            (20, 2_990),
            2,
            "complaint",
            "punitive_compensation",
            Some(598_000),
            false,
            "购买的{shop}燕窝20盒，标签未标明燕窝含量，违反食品安全国家标准，要求退一赔十",
            Positive,
            "在10家燕窝店各买20盒（远超生活消费）后以同一模板要求退一赔十，消费者权益保护法实施条例 第四十九条",
        ),
        (
            9,
            "足金转运珠",
            (1, 69_900),
            3,
            "report",
            "compensation",
            Some(200_000),
            false,
            "{shop}直播用语违法！赔2000元私了，不然举报到市监局",
            Positive,
            "经两个平台、三个渠道向9家金饰店各索要2000元“私了”，以举报相要挟，消费者权益保护法实施条例 第四十九条",
        ),
        (
            14,
            "枸杞",
            (1, 5_900),
            3,
            "complaint",
            "punitive_compensation",
            Some(59_000),
            false,
            "【{shop}】枸杞包装无QS标志😡 依法要求十倍赔偿🙏 请尽快处理",
            Positive,
            "六周内对14家枸杞店发出同一模板（仅店名和表情不同）的十倍索赔，买后即诉，消费者权益保护法实施条例 第四十九条",
        ),
        (
            1,
            "月子套餐定金",
            (1, 500_000),
            0,
            "complaint",
            "refund",
            Some(500_000),
            true,
            "因宝宝早产未能入住，{shop}不退5000元定金，已多次沟通无果，请求调解",
            Negative,
            "同一笔定金纠纷实名投诉并跟进，只要求退还自己的定金，是真实的生活消费纠纷，消费者权益保护法",
        ),
        (
            4,
            "电动工具",
            (1, 39_900),
            14,
            "complaint",
            "exchange",
            Some(39_900),
            true,
            "在{shop}买的工具用了三天就不转了，要求换货",
            Negative,
            "两个月里买的4件工具先后出现质量问题，只要求换货，消费者权益保护法 第二十四条",
        ),
        (
            6,
            "纹身服务",
            (1, 29_900),
            5,
            "report",
            "investigate",
            None,
            true,
            "实名举报：{shop}为未成年人纹身，请依法查处，本人不要求任何赔偿",
            Negative,
            "实名举报6家纹身店为未成年人纹身，只请求查处、不要钱，消费者权益保护法实施条例",
        ),
    ];
    for (
        p,
        &(shops, goods, (quantity, price), gap, kind, demand, amount, real_name, text, label, why),
    ) in CASES.iter().enumerate()
    {
        let person = rng.hex64();
        for k in 0..shops {
            let channel = ["12315_web", "platform", "12315_app"][(k + p) % 3];
            let platform = if p == 1 {
                [MALL, LIVE][k % 2]
            } else {
                [LOCAL, MALL][k % 2]
            };
            let name = format!("{goods}{p}{k}号店");
            let mut shop = KIT.shop(city, rng, platform, &format!("cp{p}-{k}"), &name);
            let l = HOUSE.goods(city, &mut shop, goods, "综合", "general", price);
            let day = 6 + k as i64 * gap;
            let row = KIT.sale(
                rng,
                &l,
                order_no,
                day,
                41_460,
                price,
                quantity,
                &person,
                "completed",
            );
            let order_id = row["order_id"].clone();
            city.add(platform, "orders", row);
            let repeats = if p == 3 { 3 } else { 1 };
            for r in 0..repeats {
                city.add("12315", "complaints", json!({
                    "complaint_id": format!("h10-c{p}-{k}-{r}"), "channel": channel,
                    "received_at": at(day + 2 + 9 * r, 50_460 + 73 * k as i64), "complainant_pid": person,
                    "kind": kind, "platform_id": platform, "merchant_id": shop.merchant,
                    "respondent_uscc": shop.uscc, "respondent_name": shop.name, "order_id": order_id,
                    "text": text.replace("{shop}", &name), "amount_fen": amount, "demand": demand,
                    "real_name": real_name,
                }));
            }
        }
        KIT.t_person(city, SERIAL, &person, label, why);
    }
}
