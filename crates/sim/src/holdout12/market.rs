//! Market cases: brushing rings that order in one-hour evening bursts with identical parcel
//! weights, or rotate five phones over lunch hours for two shops on two platforms
//! (反不正当竞争法（2025）第九条; 电子商务法 第十七条), beside an office's welfare purchase on one
//! network to one address, a dance class's parents shipping to the school and a release-day rush;
//! platforms pressing merchants who also sell on a rival by demotion, commission rises and
//! blocking, beside sanctions for false advertising, a uniform fee change before a rival closes
//! its category and merchants who leave the sanctioning platform itself (电子商务法 第三十五条;
//! 平台经济反垄断指南 第十五条); referral schemes grown as binary "two-leg" trees and irregular
//! fans, one at exactly thirty members and three levels (禁止传销条例 第七条; 刑法
//! 第二百二十四条之一); refused returns in the last second of the seven days or written with a
//! `+00:00` offset, invoices and complaints.

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL, Stamp, stamp};
use crate::city::{City, Listing};
use crate::kit::brushing::Crowd;
use crate::kit::two_homed::{Sanctions, Style};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative, Positive};

pub(crate) const CROWD: Crowd = Crowd {
    house: &HOUSE,
    glowing: &[
        "非常好！！五星推荐",
        "质量超赞，物流飞快，好评",
        "回购多次，一如既往的好",
        "送长辈的，很满意，五星",
        "客服态度好，必须好评",
    ],
    plain: &[
        "还行，包装一般",
        "物流有点慢，东西没问题",
        "用了一周，感觉中规中矩",
        "和描述基本一致",
        "价格活动时买合适",
        "外盒有点压痕，不影响使用",
    ],
    refund_after: 7_260,
};

const BRUSHING: &str = "fake_orders.brushing_ring";

/// Draws `n` pseudonyms.
fn pids(rng: &mut Rng, n: usize) -> Vec<String> {
    (0..n).map(|_| rng.hex64()).collect()
}

/// A ring order: one unit of `l` by `account` at (`day`, `second`) on the given phone, network
/// and drop, a parcel of `grams`, signed `signed_after` seconds later (written with a `+00:00`
/// offset) and reviewed with five stars `reviewed_after` seconds after signing (written with
/// microseconds); refunded two hours after the review when `refunded`.
#[allow(clippy::too_many_arguments)]
fn ring_order(
    city: &mut City,
    rng: &mut Rng,
    l: &Listing,
    order_no: &mut u64,
    (day, second): (i64, i64),
    account: &str,
    (device, network, drop): (&str, &str, &str),
    (grams, signed_after, reviewed_after, refunded): (Option<i64>, i64, i64, bool),
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
    row["parcel_weight_g"] = json!(grams);
    let signed = second + signed_after;
    row["signed_at"] = json!(stamp(Stamp::Zero, day, signed));
    let text = CROWD.glowing[rng.below(CROWD.glowing.len() as u64) as usize];
    let reviewed = signed + reviewed_after;
    let us = rng.range(1, 999_999);
    HOUSE.review(
        city,
        l,
        &row,
        5,
        text,
        stamp(Stamp::Micros(us), day, reviewed),
    );
    if refunded {
        row["status"] = json!("refunded");
        row["refunded_at"] = json!(stamp(Stamp::Local, day, reviewed + CROWD.refund_after));
    }
    city.add(l.platform, "orders", row);
}

/// Two rings of new shapes (three shops) and three honest crowds that share something.
pub(crate) fn rings(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    // Evening bursts: 20 accounts on 3 phones, 1 network and 2 drops each order once between
    // 20:00 and 21:00 on days 40, 44 and 48; every "parcel" of the 32 kg chair weighs 120 g;
    // five stars 5—15 minutes after signing, refunded two hours later.
    let mut shop = KIT.shop(city, rng, MALL, "ring1", "舒享按摩椅旗舰");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "按摩椅 零重力 太空舱 豪华款",
        "家电/按摩器材",
        "general",
        699_900,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, Some((31_000, 33_000)), order_no);
    let (accounts, phones, net, drops) = (pids(rng, 20), pids(rng, 3), rng.hex64(), pids(rng, 2));
    for day in [40, 44, 48] {
        for (a, account) in accounts.iter().enumerate() {
            let gear = (phones[a % 3].as_str(), net.as_str(), drops[a % 2].as_str());
            let timing = (
                Some(120),
                rng.range(86_400, 100_800),
                rng.range(300, 900),
                true,
            );
            let when = (day, 72_000 + rng.range(0, 3_600));
            ring_order(city, rng, &l, order_no, when, account, gear, timing);
        }
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        MALL,
        &shop.merchant,
        Positive,
        "20个账号在第40、44、48日晚20:00—21:00各集中下单一次，只用3部手机、1个网络、2个收货点，32公斤的按摩椅包裹每个都是120克，签收后5—15分钟五星好评、两小时后退款，反不正当竞争法（2025）第九条；电子商务法 第十七条",
    );
    // Lunch hours on five phones: 30 accounts on 5 phones, 2 networks and 4 drops buy a
    // pastry voucher (no parcel) at one shop and a lens at another operator's shop, twice each
    // over three weeks between 11:30 and 13:30, five stars within the hour.
    let (accounts, phones, nets, drops) = (pids(rng, 30), pids(rng, 5), pids(rng, 2), pids(rng, 4));
    for (platform, tag, name, title, price, parcel) in [
        (
            LOCAL,
            "ring2",
            "酥香糕点铺",
            "糕点礼盒 电子兑换券",
            16_800,
            None,
        ),
        (
            MALL,
            "ring3",
            "焦点镜头馆",
            "35mm F2 定焦镜头",
            159_900,
            Some((420, 470)),
        ),
    ] {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "综合/精选", "general", price);
        CROWD.ordinary(city, rng, buyers, &l, 60, parcel, order_no);
        for (a, account) in accounts.iter().enumerate() {
            for k in 0..2i64 {
                let gear = (
                    phones[(a + k as usize) % 5].as_str(),
                    nets[a % 2].as_str(),
                    drops[a % 4].as_str(),
                );
                let grams = parcel.map(|_| rng.range(35, 60));
                let timing = (grams, rng.range(3_600, 7_200), rng.range(600, 3_000), false);
                let day = 22 + (a as i64 * 3 + k * 10) % 21;
                let when = (day, rng.range(41_400, 48_600));
                ring_order(city, rng, &l, order_no, when, account, gear, timing);
            }
        }
        KIT.t_subject(
            city,
            BRUSHING,
            "merchant",
            platform,
            &shop.merchant,
            Positive,
            "同一批30个账号（轮换5部手机、2个网络、4个收货点）三周内每天午间11:30—13:30在两个经营者的店铺各下单两次，镜头包裹只有35—60克，兑换券订单无包裹，均在签收后一小时内统一五星好评，反不正当竞争法（2025）第九条",
        );
    }
    honest(city, rng, buyers, order_no);
}

/// Honest crowds: an office's welfare purchase, a dance class's parents, a release-day rush.
fn honest(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    let mut shop = KIT.shop(city, rng, MALL, "office1", "山野茶油坊企业购");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "山茶油 2.5L×2 年货礼盒",
        "粮油/食用油",
        "food",
        39_800,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, Some((5_100, 5_300)), order_no);
    let (office_net, office) = (rng.hex64(), rng.hex64());
    for k in 0..40i64 {
        let employee = rng.hex64();
        let day = 45 + k % 2;
        let mut row = CROWD.genuine(
            city,
            rng,
            &l,
            order_no,
            &employee,
            day,
            Some((5_100, 5_300)),
            0.3,
        );
        let second = rng.range(34_200, 63_000);
        row["ordered_at"] = json!(stamp(Stamp::Local, day, second));
        row["paid_at"] = json!(stamp(Stamp::Local, day, second + 40));
        row["ip_pid"] = json!(office_net);
        row["ship_address_pid"] = json!(office);
        city.add(MALL, "orders", row);
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        MALL,
        &shop.merchant,
        Negative,
        "公司发年货福利，40名员工两天内在办公室网络下各用自己的手机下单，统一寄到公司前台，包裹约5.2公斤真实，评价有好有坏，反不正当竞争法（2025）第九条不适用",
    );
    let mut shop = KIT.shop(city, rng, LOCAL, "class1", "踏歌舞蹈用品");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "儿童舞蹈鞋 软底 猫爪鞋",
        "运动/舞蹈",
        "general",
        3_900,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, Some((180, 220)), order_no);
    let school = rng.hex64();
    for k in 0..28i64 {
        let parent = rng.hex64();
        let day = 33 + k % 3;
        let mut row = CROWD.genuine(city, rng, &l, order_no, &parent, day, Some((180, 220)), 0.2);
        row["ship_address_pid"] = json!(school);
        city.add(LOCAL, "orders", row);
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        LOCAL,
        &shop.merchant,
        Negative,
        "老师通知后三天内28位家长各用自己的手机和网络为孩子下单舞蹈鞋，统一寄到舞蹈学校，包裹重量真实，少量评价，反不正当竞争法（2025）第九条不适用",
    );
    let mut shop = KIT.shop(city, rng, LIVE, "rush1", "疾风跑鞋首发");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "限量配色 竞速跑鞋 首发",
        "运动/跑鞋",
        "general",
        129_900,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, Some((900, 1_050)), order_no);
    for _ in 0..200 {
        let fan = rng.hex64();
        let mut row = CROWD.genuine(city, rng, &l, order_no, &fan, 38, Some((900, 1_050)), 0.35);
        let second = 36_000 + rng.range(0, 300);
        row["ordered_at"] = json!(stamp(Stamp::Micros(rng.range(1, 999_999)), 38, second));
        row["paid_at"] = json!(stamp(Stamp::Zero, 38, second + 25));
        city.add(LIVE, "orders", row);
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        LIVE,
        &shop.merchant,
        Negative,
        "限量配色10:00首发，5分钟内200位不同买家各用自己的设备、网络和地址抢购，包裹重量真实，评价分散在几天内且有好有坏，反不正当竞争法（2025）第九条不适用",
    );
}

const FORCED_EXIT: &str = "exclusive_dealing.forced_exit";

const STYLE: Style = Style {
    prefix: "兼营",
    trade: "实业",
    shop_suffix: "号馆",
    infix: "twin",
    established: (700, 3_100),
    margin: 8,
    second: 37_140,
    opened: (250, 1_000),
    turnover: 24_300_000,
    orders: (2, 11),
    order_value: 21_300,
    listings: 14,
};

/// Platforms pressing merchants who also sell on a rival, and three lawful measures.
pub(crate) fn exits(city: &mut City, rng: &mut Rng, days: i64) {
    let rival = "h12-linli";
    HOUSE.platform_row(city, rng, rival, "邻里生活", "services");
    // (platform, name, category, operators, sanctioned, actions, reason, day, exits, others,
    // all leave the rival, leave the sanctioning platform, warned first, label, why)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        (usize, usize),
        &'static [&'static str],
        &'static str,
        i64,
        (usize, i64, i64),
        usize,
        Option<i64>,
        usize,
        bool,
        Label,
        &'static str,
    );
    const CASES: &[Case] = &[
        (
            "h12-qiuguan",
            "球馆通",
            "services",
            (6, 4),
            &["search_demotion"],
            "贵馆同时在“邻里生活”接受预订，场馆搜索排序下调至末位",
            19,
            (4, 1, 3),
            0,
            None,
            0,
            true,
            Positive,
            "警告后对同时在“邻里生活”接单的羽毛球馆搜索降权，4家全部在措施后1—3天内离开对手平台，电子商务法 第三十五条；平台经济反垄断指南 第十五条",
        ),
        (
            "h12-wuxiang",
            "舞享",
            "services",
            (5, 4),
            &["fee_increase"],
            "因同时在“邻里生活”招生，佣金比例由5%上调至15%",
            25,
            (3, 2, 5),
            0,
            None,
            0,
            false,
            Positive,
            "只对同时在对手平台招生的舞蹈机构把佣金从5%提到15%，4家中3家在2—5天内离开对手平台，以收取不合理费用限定交易，电子商务法 第三十五条；平台经济反垄断指南 第十五条",
        ),
        (
            "h12-zhuguang",
            "珠光",
            "sales",
            (4, 3),
            &["shop_block"],
            "店铺在“邻里生活”同步销售，屏蔽店铺",
            22,
            (3, 2, 5),
            0,
            None,
            0,
            true,
            Positive,
            "警告后屏蔽在对手平台同步销售的3家珍珠店，3家都在2—5天内离开对手平台，电子商务法 第三十五条",
        ),
        (
            "h12-biancheng",
            "编程课",
            "services",
            (5, 2),
            &["listing_removal"],
            "课程页面宣称“保送名校”，虚假宣传，下架课程",
            24,
            (0, 1, 2),
            2,
            None,
            0,
            false,
            Negative,
            "因虚假宣传下架课程，被处罚的两家都没有离开对手平台，离开对手平台的两家未受任何处罚，平台经济反垄断指南 第十五条",
        ),
        (
            "h12-anmo",
            "按摩椅之家",
            "sales",
            (5, 5),
            &["fee_increase"],
            "2027年起全平台技术服务费率统一由4%调整为5%（已提前30日公示）",
            29,
            (0, 1, 2),
            0,
            Some(35),
            0,
            false,
            Negative,
            "全平台统一、提前公示的费率调整；第35日全部商家同日离开“邻里生活”，是因为对手关闭了按摩器材类目，与本平台措施无关，电子商务法 第三十五条",
        ),
        (
            "h12-jingshui",
            "净水汇",
            "sales",
            (5, 3),
            &["traffic_limit"],
            "店铺组织虚假评价，限流14天",
            27,
            (0, 1, 2),
            0,
            None,
            3,
            false,
            Negative,
            "因组织虚假评价限流，被处罚的三家随后离开的是本平台而不是对手平台，对手平台上无人离开，电子商务法 第三十五条",
        ),
    ];
    for (s, c) in CASES.iter().enumerate() {
        let &(
            platform,
            name,
            category,
            (operators, sanctioned),
            actions,
            reason,
            day,
            exits,
            others,
            all_leave,
            leave_here,
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
            all_leave,
            leave_here,
        };
        STYLE.plant(city, rng, &KIT, s, &case, days);
        if warned {
            for k in 0..sanctioned {
                city.add(
                    platform,
                    "merchant_sanctions",
                    json!({"platform_id": platform, "merchant_id": format!("{platform}-h12-twin{s}-{k}"),
                        "at": stamp(Stamp::Zero, day - 4, 40_020), "action": "warning",
                        "reason_text": "经营提醒：请于3日内停止在“邻里生活”的经营，否则将采取流量措施"}),
                );
            }
        }
        KIT.t_platform(city, FORCED_EXIT, platform, label, why);
    }
}

const PYRAMID: &str = "pyramid_scheme.pyramid";

/// A binary "two-leg" tree (双轨制) of `size` members in join order: member `i > 0` was brought
/// in by member `(i - 1) / 2`, filling each member's left leg before the right.
pub(crate) fn two_legs(size: usize) -> Vec<Option<usize>> {
    (0..size).map(|i| (i > 0).then(|| (i - 1) / 2)).collect()
}

/// An irregular fan: `fan[j]` is how many members member `j` (in join order) brought in, the
/// members joining breadth-first. Returns each member's referrer.
pub(crate) fn fan(fan: &[usize]) -> Vec<Option<usize>> {
    let mut parents = vec![None];
    for (j, &n) in fan.iter().enumerate() {
        if j >= parents.len() {
            break;
        }
        for _ in 0..n {
            parents.push(Some(j));
        }
    }
    parents
}

/// Thirty members in three levels: the founder brought in 3, they 8, those 18.
pub(crate) const FAN_30: &[usize] = &[3, 5, 2, 1, 4, 0, 3, 2, 1, 5, 2, 1];

/// How a scheme pays: for every member in the downline, for every direct recruit, or nothing.
#[derive(Clone, Copy)]
enum Pay {
    Downline(i64),
    Direct(i64),
    None,
}

/// The tree shape of a scheme.
#[derive(Clone, Copy)]
enum Shape {
    TwoLegs(usize),
    Fan(&'static [usize]),
}

/// Three schemes paying for heads through two-leg trees and fans, and three that do not count.
pub(crate) fn trees(city: &mut City, rng: &mut Rng) {
    // (platform, scheme, shape, fee, pay, own-purchase rebate, label, why)
    type Scheme = (
        &'static str,
        &'static str,
        Shape,
        i64,
        Pay,
        i64,
        Label,
        &'static str,
    );
    const CASES: &[Scheme] = &[
        (
            LIVE,
            "h12-scheme-pearl",
            Shape::Fan(FAN_30),
            99_800,
            Pay::Downline(8_000),
            0,
            Positive,
            "“珍珠合伙人”须购998元珍珠礼包入门，每发展一人（含间接）奖励80元；30人、三层下线，正好达到刑法 第二百二十四条之一立案追诉的30人、3层；禁止传销条例 第七条",
        ),
        (
            MALL,
            "h12-scheme-chair",
            Shape::TwoLegs(31),
            699_900,
            Pay::Downline(10_000),
            0,
            Positive,
            "“按摩椅共享股东”以购买6999元按摩椅为入门条件，双轨制左右两区按下线人头计酬，31人、四层，刑法 第二百二十四条之一；禁止传销条例 第七条",
        ),
        (
            LOCAL,
            "h12-scheme-water",
            Shape::TwoLegs(70),
            259_900,
            Pay::Direct(30_000),
            0,
            Positive,
            "“净水事业伙伴”须买2599元净水器入会，每直接发展一人返300元，双轨制70人、六层，禁止传销条例 第七条第一、二项",
        ),
        (
            LIVE,
            "h12-scheme-pearl2",
            Shape::TwoLegs(29),
            99_800,
            Pay::Downline(8_000),
            0,
            Negative,
            "同样收费并按人头计酬，但只有29人，未达到刑法 第二百二十四条之一立案追诉标准的30人",
        ),
        (
            MALL,
            "h12-scheme-rebate",
            Shape::TwoLegs(150),
            0,
            Pay::None,
            500,
            Negative,
            "150人、七层邀请关系，但不收入门费、不按人头奖励，只返会员自己消费额的一部分，禁止传销条例 第七条不适用",
        ),
        (
            LOCAL,
            "h12-scheme-card",
            Shape::Fan(&[4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]),
            39_900,
            Pay::None,
            0,
            Negative,
            "399元羽毛球馆年卡，系统记录了邀请关系（三层），但邀请人没有任何奖励，是普通预付会员，禁止传销条例 第七条不适用",
        ),
    ];
    for &(platform, scheme, shape, fee, pay, rebate, label, why) in CASES {
        let parents = match shape {
            Shape::TwoLegs(n) => two_legs(n),
            Shape::Fan(f) => fan(f),
        };
        let size = parents.len();
        let pids = pids(rng, size);
        let mut downline = vec![0i64; size];
        let mut direct = vec![0i64; size];
        for p in parents.iter().flatten() {
            direct[*p] += 1;
        }
        for p in &parents {
            let mut up = *p;
            while let Some(j) = up {
                downline[j] += 1;
                up = parents[j];
            }
        }
        for (i, parent) in parents.iter().enumerate() {
            let rewards = match pay {
                Pay::Downline(each) => downline[i] * each,
                Pay::Direct(each) => direct[i] * each,
                Pay::None => 0,
            };
            let style = match i % 4 {
                0 => Stamp::Zero,
                1 => Stamp::Micros(i as i64 * 7_919),
                _ => Stamp::Local,
            };
            city.add(
                platform,
                "referrals",
                json!({
                    "platform_id": platform, "scheme_id": scheme, "member_pid": pids[i],
                    "referrer_pid": parent.map(|p| pids[p].clone()),
                    "joined_at": stamp(style, 3 + i as i64 / 4, 45_540 + 1_733 * (i as i64 % 4)),
                    "entry_fee_fen": fee, "recruitment_rewards_fen": rewards,
                    "sales_rewards_fen": rebate * (i as i64 % 7 + 1),
                }),
            );
        }
        KIT.t_subject(city, PYRAMID, "scheme", platform, scheme, label, why);
    }
}

const RETURNS: &str = "return_refusal.no_reason_return";
const INVOICE: &str = "invoice_refusal.not_issued";

/// A refused no-reason return of one unit of `l`: ordered two days before the signing day,
/// signed at `signed` and asked at `asked` (China-time day, second, how it is written).
fn refused(
    city: &mut City,
    rng: &mut Rng,
    l: &Listing,
    order_no: &mut u64,
    signed: (i64, i64, Stamp),
    asked: (i64, i64, Stamp),
) {
    let buyer = rng.hex64();
    let mut row = KIT.sale(
        rng,
        l,
        order_no,
        signed.0 - 2,
        40_560,
        l.price,
        1,
        &buyer,
        "completed",
    );
    row["signed_at"] = json!(stamp(signed.2, signed.0, signed.1));
    row["return_requested_at"] = json!(stamp(asked.2, asked.0, asked.1));
    row["return_reason"] = json!("no_reason");
    row["return_outcome"] = json!("rejected");
    city.add(l.platform, "orders", row);
}

/// Refused returns around the seven days counted from the day after signing in China time, and
/// invoices.
pub(crate) fn after_sale(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    // (shop, title, class, signed, asked, label, why)
    type Return = (
        (&'static str, &'static str, &'static str),
        &'static str,
        &'static str,
        (i64, i64, Stamp),
        (i64, i64, Stamp),
        Label,
        &'static str,
    );
    const CASES: &[Return] = &[
        (
            (MALL, "ret1", "眠山乳胶售后"),
            "乳胶床垫 1.8m 10cm",
            "general",
            (30, 86_399, Stamp::Local),
            (37, 86_399, Stamp::Micros(999_999)),
            Positive,
            "第30日23:59:59签收，第37日23:59:59（七日期限的最后一秒）申请，仍在签收次日起的七日内，以“已超时”拒绝，消费者权益保护法 第二十五条",
        ),
        (
            (MALL, "ret2", "羽动体育售后"),
            "羽毛球拍 对拍 套装",
            "general",
            (31, 25_200, Stamp::Zero),
            (38, 79_200, Stamp::Local),
            Positive,
            "北京时间第31日7:00签收（以+00:00书写为前一日23:00），第38日22:00申请，在签收次日起的七日内，以“拍线已穿不退”拒绝，消费者权益保护法 第二十五条",
        ),
        (
            (MALL, "ret3", "光圈镜头售后"),
            "镜头 UV滤镜 67mm",
            "general",
            (33, 52_000, Stamp::Local),
            (35, 37_000, Stamp::Local),
            Positive,
            "页面承诺七日无理由退货，签收两天后申请，商家以“已拆封不退”拒绝；为检查商品拆封不影响退货，滤镜也不是拆封即不退的数字化商品，消费者权益保护法 第二十五条",
        ),
        (
            (MALL, "ret4", "明韵红木定制"),
            "红木书桌 按尺寸定制 1.45m",
            "custom_made",
            (27, 50_000, Stamp::Local),
            (29, 40_000, Stamp::Local),
            Negative,
            "按消费者提供的尺寸定作的书桌，消费者权益保护法 第二十五条第一款第一项除外",
        ),
        (
            (MALL, "ret5", "诸暨珠语售后"),
            "珍珠手链 单圈 7mm",
            "general",
            (26, 79_200, Stamp::Local),
            (34, 1_800, Stamp::Zero),
            Negative,
            "第26日22:00签收，北京时间第34日00:30才申请（以+00:00书写为第33日16:30），已过签收次日起的七日，消费者权益保护法 第二十五条",
        ),
        (
            (LOCAL, "ret6", "桂香糕点鲜作"),
            "现烤桂花糕 当日食用",
            "fresh",
            (31, 40_000, Stamp::Local),
            (32, 38_000, Stamp::Local),
            Negative,
            "当日现烤、当日食用的鲜活易腐食品，消费者权益保护法 第二十五条第一款第二项除外",
        ),
        (
            (LIVE, "ret7", "极客编程线上"),
            "少儿编程 录播课 在线观看",
            "digital",
            (21, 45_000, Stamp::Local),
            (23, 45_000, Stamp::Local),
            Negative,
            "在线观看的数字化课程，消费者权益保护法 第二十五条第一款第三项除外",
        ),
    ];
    for &((platform, tag, name), title, class, signed, asked, label, why) in CASES {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "综合/售后", class, 31_900);
        CROWD.ordinary(city, rng, buyers, &l, 40, Some((200, 900)), order_no);
        refused(city, rng, &l, order_no, signed, asked);
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
    // (shop, title, orders, requested, issued, status of the requested orders, label, why)
    type Invoice = (
        (&'static str, &'static str, &'static str),
        &'static str,
        usize,
        fn(usize) -> bool,
        fn(usize) -> bool,
        fn(usize) -> &'static str,
        Label,
        &'static str,
    );
    const INVOICES: &[Invoice] = &[
        (
            (LOCAL, "inv1", "焕新家电清洗"),
            "油烟机深度清洗 上门",
            9,
            |_| true,
            |_| false,
            |_| "completed",
            Positive,
            "9笔已完成的清洗服务订单都索要发票，一张未开，电子商务法 第十四条",
        ),
        (
            (LOCAL, "code1", "极客编程"),
            "少儿编程 线下课 12课时",
            12,
            |_| true,
            |k| k != 11,
            |_| "completed",
            Positive,
            "12笔索要发票开了11张，最后一笔已完成订单的发票始终未开，电子商务法 第十四条",
        ),
        (
            (MALL, "inv3", "羽动体育"),
            "羽毛球 12只装 耐打",
            10,
            |k| k % 2 == 0,
            |k| k % 2 == 1 || k == 0,
            |_| "completed",
            Positive,
            "5笔索要发票只给第一笔开了，却给5笔没有索要的订单开了，索票的订单仍有4笔未开，电子商务法 第十四条",
        ),
        (
            (MALL, "inv4", "清源净水"),
            "净水器 厨下式 600G",
            10,
            |k| k < 8,
            |k| k < 8,
            |_| "completed",
            Negative,
            "8笔索要发票全部开具，另2笔没有索要，电子商务法 第十四条",
        ),
        (
            (LIVE, "inv5", "溪山民宿"),
            "民宿 山景房 周末两晚",
            8,
            |k| k < 5,
            |_| false,
            |k| if k < 5 { "cancelled" } else { "completed" },
            Negative,
            "索要发票的5笔订单都在付款前取消，交易没有成立，无须开票，电子商务法 第十四条",
        ),
        (
            (MALL, "inv6", "舒享按摩椅"),
            "按摩椅 腿部 小腿按摩器",
            10,
            |_| true,
            |k| k >= 4,
            |k| if k < 4 { "paid" } else { "completed" },
            Negative,
            "未开票的4笔订单在期末刚付款、尚未发货，按约在确认收货后开具；已完成的6笔均已开票，电子商务法 第十四条",
        ),
    ];
    for &((platform, tag, name), title, orders, requested, issued, status_of, label, why) in
        INVOICES
    {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "生活服务", "general", 22_800);
        CROWD.ordinary(city, rng, buyers, &l, 40, None, order_no);
        for k in 0..orders {
            let buyer = rng.hex64();
            let status = status_of(k);
            let day = if status == "paid" {
                57 + k as i64 % 2
            } else {
                5 + 5 * k as i64
            };
            let mut row = KIT.sale(rng, &l, order_no, day, 53_760, l.price, 1, &buyer, status);
            if status == "cancelled" {
                row["paid_at"] = json!(null);
            }
            row["invoice_requested"] = json!(requested(k));
            row["invoice_issued"] = json!(issued(k) && status == "completed");
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

/// People who buy to claim or threaten, and people with real grievances.
pub(crate) fn complainers(city: &mut City, rng: &mut Rng, order_no: &mut u64) {
    // (shops, goods, (quantity, unit price), days apart, kind, demand, amount, real name, texts
    // (one a shop, in turn), label, why)
    type Person = (
        usize,
        &'static str,
        (i64, i64),
        i64,
        &'static str,
        &'static str,
        Option<i64>,
        bool,
        &'static [&'static str],
        Label,
        &'static str,
    );
    const CASES: &[Person] = &[
        (
            7,
            "月饼",
            (20, 8_800),
            3,
            "complaint",
            "punitive_compensation",
            Some(176_000),
            false,
            &["{shop}的月饼标签未标注致敏物质，不符合食品安全国家标准，要求退一赔十"],
            Positive,
            "三周内在7家糕点店各买20盒月饼（远超生活消费需要），每次收货后以同一模板要求退一赔十，消费者权益保护法实施条例 第四十九条",
        ),
        (
            5,
            "山茶油",
            (1, 12_800),
            4,
            "report",
            "compensation",
            Some(80_000),
            false,
            &["{shop}：你们详情页写“降血压”违反广告法，\n私下给800元就不去举报"],
            Positive,
            "以举报相要挟向5家茶油店各索要800元，消费者权益保护法实施条例 第四十九条",
        ),
        (
            10,
            "乳胶枕",
            (2, 19_900),
            1,
            "complaint",
            "compensation",
            Some(50_000),
            false,
            &[
                "{shop}乳胶枕无产地标识，要求赔偿500元",
                "{shop}乳胶枕无产地标识，要求赔偿５００元",
                "{shop}乳胶枕无产地标识，要求赔偿伍佰元",
            ],
            Positive,
            "10天里对10家乳胶枕店发出同一模板的索赔（金额写法在500、全角５００和伍佰之间轮换），买后即诉，消费者权益保护法实施条例 第四十九条",
        ),
        (
            1,
            "珍珠项链",
            (1, 259_900),
            0,
            "complaint",
            "repair",
            Some(259_900),
            true,
            &["在{shop}买的珍珠项链戴了两次就断线，珠子掉了两颗，要求维修或更换"],
            Negative,
            "买一条项链，就断线实名投诉一次、要求维修，是真实的生活消费纠纷，消费者权益保护法 第二十四条",
        ),
        (
            3,
            "按摩椅",
            (1, 499_900),
            15,
            "complaint",
            "repair",
            Some(499_900),
            true,
            &[
                "给父母在{shop}买的按摩椅气囊不充气，要求上门维修",
                "给岳父母在{shop}买的按摩椅异响，要求检测维修",
                "自己家在{shop}买的按摩椅遥控失灵，申请保修",
            ],
            Negative,
            "一个月里给父母、岳父母和自己家各买一台按摩椅，各自出现不同故障，每次只要求维修，消费者权益保护法 第二十四条",
        ),
        (
            3,
            "净水器",
            (1, 199_900),
            5,
            "report",
            "investigate",
            None,
            true,
            &[
                "实名举报：{shop}上门安装人员谎称自来水有毒诱导老人购买净水器，请依法查处，本人不要求赔偿",
            ],
            Negative,
            "实名举报3家店诱导老人购买，只请求查处、不要钱，消费者权益保护法实施条例",
        ),
    ];
    for (
        p,
        &(shops, goods, (quantity, price), gap, kind, demand, amount, real_name, texts, label, why),
    ) in CASES.iter().enumerate()
    {
        let person = rng.hex64();
        for k in 0..shops {
            let channel = ["12315_web", "platform", "hotline", "12315_app"][(k + p) % 4];
            let platform = [LOCAL, MALL, LIVE][(k + p) % 3];
            let name = format!("{goods}{p}{k}号铺");
            let mut shop = KIT.shop(city, rng, platform, &format!("cp{p}-{k}"), &name);
            let l = HOUSE.goods(city, &mut shop, goods, "综合", "general", price);
            let day = 4 + k as i64 * gap;
            let row = KIT.sale(
                rng,
                &l,
                order_no,
                day,
                46_980,
                price,
                quantity,
                &person,
                "completed",
            );
            let order_id = row["order_id"].clone();
            city.add(platform, "orders", row);
            let text = texts[k % texts.len()].replace("{shop}", &name);
            let style = if k % 2 == 1 {
                Stamp::Zero
            } else {
                Stamp::Local
            };
            city.add("12315", "complaints", json!({
                "complaint_id": format!("h12-c{p}-{k}"), "channel": channel,
                "received_at": stamp(style, day + 4, 50_220 + 73 * k as i64), "complainant_pid": person,
                "kind": kind, "platform_id": platform, "merchant_id": shop.merchant,
                "respondent_uscc": shop.uscc, "respondent_name": shop.name, "order_id": order_id,
                "text": text, "amount_fen": amount, "demand": demand, "real_name": real_name,
            }));
        }
        KIT.t_person(city, SERIAL, &person, label, why);
    }
}
