//! Market cases: brushing rings that order at night from two phones, or serve three operators'
//! shops at once (反不正当竞争法（2025）第九条; 电子商务法 第十七条), beside a family on one
//! tablet, a tasting evening on one Wi-Fi and a release-day rush; platforms pressing merchants
//! who also sell on a rival by demotion, blocking and traffic limits, beside sanctions for
//! quality, a uniform fee change before a rival closes its category and merchants who leave the
//! sanctioning platform itself (电子商务法 第三十五条; 平台经济反垄断指南 第十五条); referral schemes
//! grown as full k-ary trees, one at exactly thirty members and three levels (禁止传销条例 第七条;
//! 刑法 第二百二十四条之一); refused returns whose signing or asking falls across midnight in UTC,
//! invoices and complaints.

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
        "太好用了，五星！！！",
        "正品无疑，物流神速，满分好评",
        "第三次回购了，值得信赖",
        "包装很用心，送礼有面子",
        "客服超级耐心，给五星",
    ],
    plain: &[
        "还可以，就是说明书太简单",
        "物流慢了两天，东西没问题",
        "用了几次，噪音比想象的大",
        "颜色和图片有点色差",
        "性价比一般，活动时买还行",
        "包装盒压坏了，商品完好",
    ],
    refund_after: 5_460,
};

const BRUSHING: &str = "fake_orders.brushing_ring";

/// Draws `n` pseudonyms.
fn pids(rng: &mut Rng, n: usize) -> Vec<String> {
    (0..n).map(|_| rng.hex64()).collect()
}

/// A ring order: one unit of `l` by `account` at (`day`, `second`) on the given phone, network
/// and drop, an empty parcel of `grams`, signed `signed_after` seconds later (written in UTC)
/// and reviewed with five stars `reviewed_after` seconds after signing (written with
/// milliseconds).
#[allow(clippy::too_many_arguments)]
fn ring_order(
    city: &mut City,
    rng: &mut Rng,
    l: &Listing,
    order_no: &mut u64,
    (day, second): (i64, i64),
    account: &str,
    (device, network, drop): (&str, &str, &str),
    (grams, signed_after, reviewed_after): (i64, i64, i64),
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
    row["signed_at"] = json!(stamp(Stamp::Utc, day, signed));
    let text = CROWD.glowing[rng.below(CROWD.glowing.len() as u64) as usize];
    let reviewed = signed + reviewed_after;
    let ms = rng.range(1, 999);
    HOUSE.review(
        city,
        l,
        &row,
        5,
        text,
        stamp(Stamp::Millis(ms), day, reviewed),
    );
    city.add(l.platform, "orders", row);
}

/// Two rings of new shapes (four shops) and three honest crowds that share something.
pub(crate) fn rings(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    // At night from two phones: 18 accounts order three times each over four days between 01:30
    // and 04:00; the 2.5 kg robot's parcels weigh 30—60 g; five stars 10—20 minutes after signing.
    let mut shop = KIT.shop(city, rng, MALL, "ring1", "净界旗舰");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "扫地机器人 X9 全能基站",
        "家电/清洁电器",
        "general",
        329_900,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, Some((2_400, 2_700)), order_no);
    let (accounts, phones, net, drops) = (pids(rng, 18), pids(rng, 2), rng.hex64(), pids(rng, 3));
    for (a, account) in accounts.iter().enumerate() {
        for k in 0..3i64 {
            let day = 40 + (a as i64 + k) % 4;
            let gear = (phones[a % 2].as_str(), net.as_str(), drops[a % 3].as_str());
            let timing = (
                rng.range(30, 60),
                rng.range(129_600, 172_800),
                rng.range(600, 1_200),
            );
            let when = (day, rng.range(5_400, 14_400));
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
        "18个账号四天内各在凌晨1:30—4:00下单三次，只用2部手机、1个网络、3个收货点，2.5公斤的扫地机包裹仅30—60克，签收后10—20分钟统一五星好评，第九条",
    );
    // One agency serves three operators' perfume shops: 24 accounts on 4 phones, 2 networks and
    // 2 drops order once at each shop within a week, empty parcels, five stars within hours.
    let (accounts, phones, nets, drops) = (pids(rng, 24), pids(rng, 4), pids(rng, 2), pids(rng, 2));
    for (platform, tag, name) in [
        (MALL, "ring2", "暮色香氛"),
        (LOCAL, "ring3", "玫瑰调香室"),
        (MALL, "ring4", "雪松香水馆"),
    ] {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(
            city,
            &mut shop,
            "淡香水 50ml 礼盒",
            "美妆/香水",
            "general",
            45_900,
        );
        CROWD.ordinary(city, rng, buyers, &l, 60, Some((330, 380)), order_no);
        for (a, account) in accounts.iter().enumerate() {
            let gear = (
                phones[a % 4].as_str(),
                nets[a % 2].as_str(),
                drops[a % 2].as_str(),
            );
            let timing = (
                rng.range(25, 45),
                rng.range(20_000, 60_000),
                rng.range(3_600, 10_800),
            );
            let when = (20 + a as i64 % 7, rng.range(46_000, 62_000));
            ring_order(city, rng, &l, order_no, when, account, gear, timing);
        }
        KIT.t_subject(
            city,
            BRUSHING,
            "merchant",
            platform,
            &shop.merchant,
            Positive,
            "同一批24个账号（4部手机、2个网络、2个收货点）一周内在三个经营者的香水店各下一单，空包25—45克，签收后数小时内统一五星好评，第九条",
        );
    }
    honest(city, rng, buyers, order_no);
}

/// Honest crowds: a family on one tablet, a tasting evening on one Wi-Fi, a release-day rush.
fn honest(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    let mut shop = KIT.shop(city, rng, MALL, "fam1", "澜庭酒窖家庭装");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "餐酒 干红 750ml×2",
        "酒类/葡萄酒",
        "food",
        16_800,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, Some((3_100, 3_300)), order_no);
    let (family, tablet, wifi, home) = (pids(rng, 5), rng.hex64(), rng.hex64(), rng.hex64());
    for (m, member) in family.iter().enumerate() {
        for k in 0..3i64 {
            let day = 4 + 17 * k + 3 * m as i64;
            let mut row = CROWD.genuine(
                city,
                rng,
                &l,
                order_no,
                member,
                day,
                Some((3_100, 3_300)),
                0.3,
            );
            row["device_pid"] = json!(tablet);
            row["ip_pid"] = json!(wifi);
            row["ship_address_pid"] = json!(home);
            city.add(MALL, "orders", row);
        }
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        MALL,
        &shop.merchant,
        Negative,
        "一家五口两个月里用家里同一台平板、同一Wi-Fi陆续下单15次寄回家，包裹重量真实（两瓶约3.2公斤），评价有好有坏，反不正当竞争法 第九条不适用",
    );
    let mut shop = KIT.shop(city, rng, LOCAL, "taste1", "澜庭品鉴会");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "品鉴会同款 干红 6支装",
        "酒类/葡萄酒",
        "food",
        89_900,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, Some((9_000, 9_400)), order_no);
    let venue = rng.hex64();
    for _ in 0..35 {
        let guest = rng.hex64();
        let mut row = CROWD.genuine(
            city,
            rng,
            &l,
            order_no,
            &guest,
            30,
            Some((9_000, 9_400)),
            0.25,
        );
        let second = rng.range(68_400, 75_600);
        row["ordered_at"] = json!(stamp(Stamp::Local, 30, second));
        row["paid_at"] = json!(stamp(Stamp::Local, 30, second + 50));
        row["ip_pid"] = json!(venue);
        city.add(LOCAL, "orders", row);
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        LOCAL,
        &shop.merchant,
        Negative,
        "品鉴会当晚19:00—21:00，35位来宾用会场Wi-Fi各用自己的手机下单，寄往各自的地址，包裹约9公斤真实，少量评价，反不正当竞争法 第九条不适用",
    );
    let mut shop = KIT.shop(city, rng, LIVE, "rush1", "潮玩星球首发");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "限定款 潮玩手办 首发",
        "玩具/潮玩",
        "general",
        59_900,
    );
    CROWD.ordinary(city, rng, buyers, &l, 60, Some((560, 640)), order_no);
    for _ in 0..150 {
        let fan = rng.hex64();
        let mut row = CROWD.genuine(city, rng, &l, order_no, &fan, 35, Some((560, 640)), 0.4);
        let second = 72_000 + rng.range(0, 600);
        row["ordered_at"] = json!(stamp(Stamp::Millis(rng.range(1, 999)), 35, second));
        row["paid_at"] = json!(stamp(Stamp::Local, 35, second + 30));
        city.add(LIVE, "orders", row);
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        LIVE,
        &shop.merchant,
        Negative,
        "限定款20:00首发，10分钟内150位不同买家各用自己的设备、网络和地址抢购，包裹重量真实，评价分散在几天内且有好有坏，反不正当竞争法 第九条不适用",
    );
}

const FORCED_EXIT: &str = "exclusive_dealing.forced_exit";

const STYLE: Style = Style {
    prefix: "双栖",
    trade: "商贸",
    shop_suffix: "号店铺",
    infix: "dual",
    established: (800, 2_900),
    margin: 7,
    second: 40_380,
    opened: (300, 900),
    turnover: 27_700_000,
    orders: (3, 12),
    order_value: 18_600,
    listings: 19,
};

/// Platforms pressing merchants who also sell on a rival, and three lawful measures.
pub(crate) fn exits(city: &mut City, rng: &mut Rng, days: i64) {
    let rival = "h11-bieyuan";
    HOUSE.platform_row(city, rng, rival, "别苑生活", "services");
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
            "h11-quanji",
            "拳击汇",
            "services",
            (5, 4),
            &["search_demotion"],
            "检测到贵馆同时在“别苑生活”接单，搜索排序下调至末位",
            20,
            (4, 1, 4),
            0,
            None,
            0,
            true,
            Positive,
            "警告后对同时在“别苑生活”接单的拳馆搜索降权，4家全部在措施后1—4天内离开对手平台，电子商务法 第三十五条；平台经济反垄断指南 第十五条",
        ),
        (
            "h11-yongchi",
            "泳池通",
            "services",
            (5, 4),
            &["shop_block"],
            "未关闭在“别苑生活”的店铺，屏蔽店铺",
            26,
            (3, 2, 6),
            0,
            None,
            0,
            false,
            Positive,
            "以屏蔽店铺惩罚在对手平台经营的游泳馆，4家中3家在措施后2—6天内离开对手平台，平台经济反垄断指南 第十五条",
        ),
        (
            "h11-hupojie",
            "琥珀街",
            "sales",
            (3, 3),
            &["traffic_limit"],
            "店铺在“别苑生活”同步销售，流量限制至原来的20%",
            23,
            (2, 1, 3),
            0,
            None,
            0,
            true,
            Positive,
            "警告后对在对手平台同步销售的3家琥珀店限流，其中2家在1—3天内离开对手平台，电子商务法 第三十五条",
        ),
        (
            "h11-zuliao",
            "足疗到家",
            "services",
            (5, 2),
            &["deposit_deduction"],
            "技师无健康证上岗，按协议扣除保证金",
            24,
            (0, 1, 2),
            2,
            None,
            0,
            false,
            Negative,
            "因技师无健康证扣保证金，被处罚的两家都没有离开对手平台，离开的两家未受任何处罚，平台经济反垄断指南 第十五条",
        ),
        (
            "h11-dingzhijia",
            "定制家",
            "sales",
            (5, 5),
            &["fee_increase"],
            "2027年起全平台技术服务费率统一由5%调整为6%（已提前30日公示）",
            30,
            (0, 1, 2),
            0,
            Some(33),
            0,
            false,
            Negative,
            "全平台统一、提前公示的费率调整；第33日全部商家同日离开“别苑生活”，是因为对手关闭了定制家具类目，与本平台措施无关，电子商务法 第三十五条",
        ),
        (
            "h11-xiangfen",
            "香氛集",
            "sales",
            (5, 3),
            &["traffic_limit"],
            "销售无中文标签的进口香水，限流14天",
            28,
            (0, 1, 2),
            0,
            None,
            3,
            false,
            Negative,
            "因无中文标签限流，被处罚的三家随后离开的是本平台而不是对手平台，对手平台上无人离开，电子商务法 第三十五条",
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
                    json!({"platform_id": platform, "merchant_id": format!("{platform}-h11-dual{s}-{k}"),
                        "at": stamp(Stamp::Utc, day - 3, 39_900), "action": "warning",
                        "reason_text": "经营提醒：请于2日内关闭在“别苑生活”的店铺，否则将采取流量措施"}),
                );
            }
        }
        KIT.t_platform(city, FORCED_EXIT, platform, label, why);
    }
}

const PYRAMID: &str = "pyramid_scheme.pyramid";

/// A full `k`-ary tree of `size` members in join order: member `i > 0` was brought in by member
/// `(i - 1) / k`. Returns each member's referrer.
pub(crate) fn k_ary(size: usize, k: usize) -> Vec<Option<usize>> {
    (0..size)
        .map(|i| (i > 0 && k > 0).then(|| (i - 1) / k))
        .collect()
}

/// How a scheme pays: for every member in the downline, for every direct recruit, or nothing.
#[derive(Clone, Copy)]
enum Pay {
    Downline(i64),
    Direct(i64),
    None,
}

/// Three schemes paying for heads through k-ary trees, and three that do not count.
pub(crate) fn trees(city: &mut City, rng: &mut Rng) {
    // (platform, scheme, size, k, fee, pay, own-purchase rebate, label, why)
    type Scheme = (
        &'static str,
        &'static str,
        usize,
        usize,
        i64,
        Pay,
        i64,
        Label,
        &'static str,
    );
    const CASES: &[Scheme] = &[
        (
            LOCAL,
            "h11-scheme-ejiao",
            30,
            3,
            198_000,
            Pay::Downline(5_000),
            0,
            Positive,
            "“阿胶养生合伙人”须购1980元礼包入门，每发展一人（含间接）返50元；每人发展3人，30人、三层下线，正好达到刑法 第二百二十四条之一的30人、3层；禁止传销条例 第七条",
        ),
        (
            LIVE,
            "h11-scheme-toy",
            64,
            2,
            59_900,
            Pay::Direct(3_000),
            0,
            Positive,
            "“潮玩主理人”须买599元盲盒箱入会，每直接拉一人返30元，每人拉两人，64人、六层，禁止传销条例 第七条第一、二项",
        ),
        (
            MALL,
            "h11-scheme-wine",
            41,
            4,
            360_000,
            Pay::Downline(2_000),
            0,
            Positive,
            "“酒庄会员”以购买3600元整箱酒为入会条件，按直接和间接发展人数返现，41人、三层，刑法 第二百二十四条之一",
        ),
        (
            LOCAL,
            "h11-scheme-ejiao2",
            29,
            3,
            198_000,
            Pay::Downline(5_000),
            0,
            Negative,
            "同样按人头返利，但只有29人，未达到刑法 第二百二十四条之一立案标准的30人",
        ),
        (
            MALL,
            "h11-scheme-rebate",
            120,
            5,
            0,
            Pay::None,
            600,
            Negative,
            "120人、三层邀请关系，但不收费、不按人头奖励，只返会员自己消费额的2%，禁止传销条例 第七条不适用",
        ),
        (
            LIVE,
            "h11-scheme-card",
            45,
            2,
            29_900,
            Pay::None,
            0,
            Negative,
            "299元游泳年卡，系统记录了邀请关系（五层），但邀请人没有任何奖励，是普通预付会员，禁止传销条例 第七条不适用",
        ),
    ];
    for &(platform, scheme, size, k, fee, pay, rebate, label, why) in CASES {
        let parents = k_ary(size, k);
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
            let style = if i % 3 == 0 { Stamp::Utc } else { Stamp::Local };
            city.add(
                platform,
                "referrals",
                json!({
                    "platform_id": platform, "scheme_id": scheme, "member_pid": pids[i],
                    "referrer_pid": parent.map(|p| pids[p].clone()),
                    "joined_at": stamp(style, 2 + i as i64 / 3, 31_260 + 2_117 * (i as i64 % 3)),
                    "entry_fee_fen": fee, "recruitment_rewards_fen": rewards,
                    "sales_rewards_fen": rebate * (i as i64 % 5 + 1),
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
        38_820,
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
            (MALL, "ret1", "风驰配件"),
            "骑行码表 GPS 无线",
            "general",
            (30, 600, Stamp::Utc),
            (37, 72_000, Stamp::Local),
            Positive,
            "北京时间第30日00:10签收（以UTC书写为前一日16:10Z），第37日20:00申请，仍在签收次日起的七日内，以“已激活不退”拒绝，第二十五条",
        ),
        (
            (MALL, "ret2", "光影投影售后"),
            "投影仪 迷你 便携",
            "general",
            (30, 36_000, Stamp::Local),
            (37, 86_370, Stamp::Millis(900)),
            Positive,
            "第30日签收，第37日23:59:30（七日期限的最后半分钟）申请，以“过了七天”拒绝，第二十五条",
        ),
        (
            (MALL, "ret3", "闻香研究所售后"),
            "淡香水 100ml 未拆封",
            "general",
            (33, 54_000, Stamp::Local),
            (35, 36_000, Stamp::Local),
            Positive,
            "页面承诺七日无理由退货，签收两天后申请，商家以“香水一律不退”拒绝，第二十五条",
        ),
        (
            (MALL, "ret4", "定制家售后"),
            "衣柜 按尺寸定制 2.4m",
            "custom_made",
            (28, 50_000, Stamp::Local),
            (30, 40_000, Stamp::Local),
            Negative,
            "按消费者提供的尺寸定制的衣柜，第二十五条第一款第一项除外",
        ),
        (
            (MALL, "ret5", "波罗的海琥珀售后"),
            "琥珀 吊坠 水滴形",
            "general",
            (26, 85_800, Stamp::Local),
            (34, 1_200, Stamp::Utc),
            Negative,
            "第26日23:50签收，北京时间第34日00:20才申请（以UTC书写为第33日16:20Z），已过签收次日起的七日，第二十五条",
        ),
        (
            (LOCAL, "ret6", "东阿古坊鲜作"),
            "现做阿胶糕 冷藏 3日内食用",
            "fresh",
            (31, 42_000, Stamp::Local),
            (32, 40_000, Stamp::Local),
            Negative,
            "冷藏现做、三日内食用的鲜活易腐食品，第二十五条第一款第二项除外",
        ),
        (
            (LIVE, "ret7", "听松古琴线上"),
            "古琴 在线课程 视频回看",
            "digital",
            (22, 45_000, Stamp::Local),
            (24, 45_000, Stamp::Local),
            Negative,
            "在线观看的数字化课程，第二十五条第一款第三项除外",
        ),
    ];
    for &((platform, tag, name), title, class, signed, asked, label, why) in CASES {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "综合/售后", class, 26_900);
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
            (LOCAL, "inv1", "安心陪诊"),
            "半日陪诊 三甲医院",
            8,
            |_| true,
            |_| false,
            |_| "completed",
            Positive,
            "8笔已完成的陪诊订单都索要发票，一张未开，电子商务法 第十四条",
        ),
        (
            (LOCAL, "inv2", "铁拳拳馆会员"),
            "拳击 月卡",
            10,
            |_| true,
            |k| k != 6,
            |_| "completed",
            Positive,
            "10笔索要发票开了9张，第7笔已完成订单的发票始终未开，电子商务法 第十四条",
        ),
        (
            (MALL, "inv3", "定制家"),
            "书柜 标准款 1.2m",
            10,
            |k| k < 6,
            |k| !(2..6).contains(&k),
            |_| "completed",
            Positive,
            "6笔索要发票只开2张，另4张开给了没有索要的订单，索票的订单仍有4笔未开，电子商务法 第十四条",
        ),
        (
            (MALL, "inv4", "光影投影"),
            "投影仪 家用 1080P",
            10,
            |k| k < 7,
            |_| true,
            |_| "completed",
            Negative,
            "7笔索要发票全部开具（另3笔未索要也开了），电子商务法 第十四条",
        ),
        (
            (LIVE, "inv5", "潮玩星球"),
            "盲盒 端盒 12只",
            8,
            |k| k < 6,
            |_| false,
            |k| if k < 6 { "cancelled" } else { "completed" },
            Negative,
            "索要发票的6笔订单都在付款前取消，交易未成立，无开票义务，电子商务法 第十四条",
        ),
        (
            (MALL, "inv6", "风驰公路车"),
            "公路车 头盔 骑行眼镜 套装",
            10,
            |_| true,
            |k| k >= 5,
            |k| if k < 5 { "shipped" } else { "completed" },
            Negative,
            "未开票的5笔订单尚在运输途中，按约在确认收货后开具；已完成的5笔均已开票，电子商务法 第十四条",
        ),
    ];
    for &((platform, tag, name), title, orders, requested, issued, status_of, label, why) in
        INVOICES
    {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "生活服务", "general", 19_800);
        CROWD.ordinary(city, rng, buyers, &l, 40, None, order_no);
        for k in 0..orders {
            let buyer = rng.hex64();
            let status = status_of(k);
            let day = if status == "shipped" {
                55 + k as i64 % 3
            } else {
                6 + 4 * k as i64
            };
            let mut row = KIT.sale(rng, &l, order_no, day, 50_160, l.price, 1, &buyer, status);
            if status == "cancelled" {
                row["paid_at"] = json!(null);
            }
            row["invoice_requested"] = json!(requested(k));
            row["invoice_issued"] = json!(issued(k) && status != "cancelled");
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
            8,
            "阿胶糕",
            (30, 9_800),
            2,
            "complaint",
            "punitive_compensation",
            Some(294_000),
            false,
            &["{shop}的阿胶糕包装未标注阿胶含量，违反食品安全国家标准，要求退一赔十"],
            Positive,
            "在8家店各买30盒阿胶糕（远超生活消费需要），每次收货后以同一模板要求退一赔十，消费者权益保护法实施条例 第四十九条",
        ),
        (
            11,
            "香水",
            (2, 39_900),
            2,
            "complaint",
            "compensation",
            Some(100_000),
            false,
            &[
                "第1次投诉：{shop}香水无中文标签，要求赔偿1000元",
                "第一次投诉：{shop}香水无中文标签，要求赔偿1000元",
                "第①次投诉：{shop}香水无中文标签，要求赔偿１０００元",
            ],
            Positive,
            "22天里对11家香水店发出同一模板的索赔（“第1次/第一次/第①次”数字写法轮换），买后即诉，消费者权益保护法实施条例 第四十九条",
        ),
        (
            6,
            "琥珀手串",
            (1, 19_900),
            3,
            "report",
            "compensation",
            Some(50_000),
            false,
            &["{shop}：你家直播说“顶级”违反广告法，\n不给500元补偿就去市监局举报"],
            Positive,
            "以举报相要挟向6家琥珀店各索要500元，消费者权益保护法实施条例 第四十九条",
        ),
        (
            1,
            "婚宴用干红",
            (12, 16_800),
            0,
            "complaint",
            "exchange",
            Some(50_400),
            true,
            &["为婚宴在{shop}买了12瓶干红，开瓶发现3瓶木塞渗漏变质，要求换货"],
            Negative,
            "一家人为婚宴一次买12瓶，只就3瓶渗漏的酒实名投诉一次、要求换货，是真实的生活消费纠纷，消费者权益保护法",
        ),
        (
            5,
            "投影仪",
            (1, 199_900),
            12,
            "complaint",
            "repair",
            Some(199_900),
            true,
            &[
                "在{shop}买的投影仪开机三天后画面出现竖线，要求维修",
                "{shop}的投影仪遥控器失灵，客服说寄修要等一个月，请求协调",
                "{shop}发来的投影仪风扇噪音很大，要求检测维修",
                "在{shop}买的投影仪自动对焦失效，申请保修被拒",
                "{shop}的投影仪梯形校正功能无法使用，要求维修",
            ],
            Negative,
            "两个月里给单位会议室和家里先后买了5台投影仪，各自出现不同的质量问题，每次只要求维修，消费者权益保护法 第二十四条",
        ),
        (
            4,
            "保健品",
            (1, 29_800),
            6,
            "report",
            "investigate",
            None,
            true,
            &["实名举报：{shop}向我父亲等老人宣传保健品能治高血压，请依法查处，本人不要求赔偿"],
            Negative,
            "子女实名举报4家店向老人虚假宣传保健品，只请求查处、不要钱，消费者权益保护法实施条例",
        ),
    ];
    for (
        p,
        &(shops, goods, (quantity, price), gap, kind, demand, amount, real_name, texts, label, why),
    ) in CASES.iter().enumerate()
    {
        let person = rng.hex64();
        for k in 0..shops {
            let channel = ["12315_app", "hotline", "platform", "12315_web"][(k + p) % 4];
            let platform = [MALL, LOCAL, LIVE][(k + p) % 3];
            let name = format!("{goods}{p}{k}号店");
            let mut shop = KIT.shop(city, rng, platform, &format!("cp{p}-{k}"), &name);
            let l = HOUSE.goods(city, &mut shop, goods, "综合", "general", price);
            let day = 5 + k as i64 * gap;
            let row = KIT.sale(
                rng,
                &l,
                order_no,
                day,
                44_100,
                price,
                quantity,
                &person,
                "completed",
            );
            let order_id = row["order_id"].clone();
            city.add(platform, "orders", row);
            let text = texts[k % texts.len()].replace("{shop}", &name);
            let style = if k % 2 == 0 { Stamp::Utc } else { Stamp::Local };
            city.add("12315", "complaints", json!({
                "complaint_id": format!("h11-c{p}-{k}"), "channel": channel,
                "received_at": stamp(style, day + 3, 47_520 + 61 * k as i64), "complainant_pid": person,
                "kind": kind, "platform_id": platform, "merchant_id": shop.merchant,
                "respondent_uscc": shop.uscc, "respondent_name": shop.name, "order_id": order_id,
                "text": text, "amount_fen": amount, "demand": demand, "real_name": real_name,
            }));
        }
        KIT.t_person(city, SERIAL, &person, label, why);
    }
}
