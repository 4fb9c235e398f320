//! The seventh set's market-conduct cases: brushing rings that use many accounts sparsely over
//! weeks among real buyers (反不正当竞争法（2025）第九条; 电子商务法 第十七条) beside honest
//! crowds (many repeat buyers, one care home's families, one class's parents); forced exits with
//! sanctions staggered over weeks (电子商务法 第三十五条; 平台经济反垄断指南 第十五条); referral
//! trees grown member by member (禁止传销条例 第七条); refused returns (消费者权益保护法 第二十五条)
//! and invoices (电子商务法 第十四条); and complainants (消费者权益保护法实施条例).

use serde_json::{Value, json};

use super::{KIT, LIVE, LOCAL, MALL, item, new_platform, weekday};
use crate::city::{City, Listing, at};
use crate::kit::{Homed, code, homed_shop, registry};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative as N, Positive as P};

/// Five-star texts a ring posts (each account picks one).
const PRAISE: &[&str] = &[
    "非常好，物流快，客服态度好，五星好评！",
    "质量很好，和描述一致，下次还来。",
    "好评好评，性价比超高，推荐购买。",
    "收到了，包装完好，很满意。",
];

/// Texts real buyers write.
const REAL: &[&str] = &[
    "用了一周，还行，就是说明书写得不太清楚。",
    "比想象的小一点，但做工不错。",
    "第二次买了，价格比上次贵了几块。",
    "物流慢了两天，东西没问题。",
    "一般般吧，凑合用。",
];

/// The buyer's review of an order row, `h7-rv-<n>` for order `h7-o<n>`, posted at `when`.
fn review(
    city: &mut City,
    l: &Listing,
    row: &Value,
    rating: i64,
    text: &str,
    media: bool,
    when: String,
) {
    let order = row["order_id"].as_str().unwrap_or_default();
    let mut posted = serde_json::Map::new();
    for (field, value) in [
        (
            "review_id",
            json!(format!("h7-rv-{}", order.trim_start_matches("h7-o"))),
        ),
        ("order_id", json!(order)),
        ("reviewer_pid", row["buyer_pid"].clone()),
        ("rating", json!(rating)),
        ("text", json!(text)),
        ("has_media", json!(media)),
        ("created_at", json!(when)),
        ("platform_id", json!(l.platform)),
        ("listing_id", json!(l.id)),
        ("merchant_id", json!(l.merchant)),
    ] {
        posted.insert(field.to_string(), value);
    }
    city.add(l.platform, "reviews", Value::Object(posted));
}

/// An order of one unit by `buyer` from (device, network, address) with a parcel of `grams`.
#[allow(clippy::too_many_arguments)]
fn placed(
    rng: &mut Rng,
    l: &Listing,
    order_no: &mut u64,
    (day, second): (i64, i64),
    buyer: &str,
    (device, network, address): (&str, &str, &str),
    grams: Option<i64>,
    signed_after: i64,
) -> Value {
    let mut row = KIT.sale(
        rng,
        l,
        order_no,
        day,
        second,
        l.price,
        1,
        buyer,
        "completed",
    );
    row["device_pid"] = json!(device);
    row["ip_pid"] = json!(network);
    row["ship_address_pid"] = json!(address);
    row["parcel_weight_g"] = json!(grams);
    let signed = day * 86_400 + second + signed_after;
    row["signed_at"] = json!(at(signed.div_euclid(86_400), signed.rem_euclid(86_400)));
    row
}

/// Real buyers of a listing: on about half the days, one shopper of the city with their own
/// phone, network and home, a real parcel, a review now and then.
fn real_buyers(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    l: &Listing,
    days: i64,
    grams: Option<(i64, i64)>,
    order_no: &mut u64,
) {
    for d in 0..days {
        if !rng.chance(0.5) {
            continue;
        }
        let buyer = rng.pick(buyers).clone();
        let (device, network, home) = (rng.hex64(), rng.hex64(), rng.hex64());
        let weight = grams.map(|(lo, hi)| rng.range(lo, hi));
        let second = rng.range(30_000, 79_000);
        let row = placed(
            rng,
            l,
            order_no,
            (d, second),
            &buyer,
            (&device, &network, &home),
            weight,
            150_000,
        );
        if rng.chance(0.25) {
            let text = *rng.pick(REAL);
            let rating = rng.range(2, 5);
            review(city, l, &row, rating, text, false, at(d + 4, 50_000));
        }
        city.add(l.platform, "orders", row);
    }
}

/// One brushing ring: many accounts, each ordering once or twice on days drawn over weeks,
/// sharing a few phones, networks and drop addresses.
struct Ring {
    platform: &'static str,
    shop: &'static str,
    title: &'static str,
    class: &'static str,
    price: i64,
    /// The listing's real parcel weight.
    real: Option<(i64, i64)>,
    /// Accounts, phones, networks, drop addresses.
    sizes: (usize, usize, usize, usize),
    /// Days the ring's orders are drawn from.
    span: (i64, i64),
    /// Only on this weekday (0 Monday), if set.
    weekly: Option<i64>,
    /// The ring's parcel weight (`None`: no parcel).
    fake: Option<(i64, i64)>,
    /// Refunded after the review.
    refund: bool,
    media: bool,
    why: &'static str,
}

pub(super) fn rings(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    const RULE: &str = "fake_orders.brushing_ring";
    let last = days - 1;
    let cases = [
        Ring {
            platform: MALL,
            shop: "点点卡券",
            title: "游戏点卡 50元面值 秒充",
            class: "digital",
            price: 4_800,
            real: None,
            sizes: (90, 4, 2, 90),
            span: (last - 35, last),
            weekly: None,
            fake: None,
            refund: false,
            media: false,
            why: "90个账户在五周内各下单一两次，只用4部手机、2个网络，下单后几分钟内统一五星好评，夹在真实买家中（反不正当竞争法（2025）第九条；电子商务法第十七条）",
        },
        Ring {
            platform: MALL,
            shop: "野趣营地装备",
            title: "户外充气床垫 双人 加厚",
            class: "general",
            price: 26_800,
            real: Some((3_200, 3_600)),
            sizes: (60, 3, 3, 6),
            span: (last - 28, last - 2),
            weekly: None,
            fake: Some((20, 60)),
            refund: false,
            media: false,
            why: "60个账户分散在四周下单，3部手机、6个收货点，3.4公斤的床垫包裹只有20—60克（空包），随后五星好评（反不正当竞争法（2025）第九条）",
        },
        Ring {
            platform: LIVE,
            shop: "微光香氛",
            title: "香薰蜡烛 直播间 周五福利",
            class: "general",
            price: 6_900,
            real: Some((380, 450)),
            sizes: (40, 2, 1, 40),
            span: (last - 42, last),
            weekly: Some(4),
            fake: Some((380, 450)),
            refund: true,
            media: true,
            why: "40个账户连续六个周五直播后下单，2部手机、1个网络，带图五星好评后全部退款，成交和好评都是虚构的（反不正当竞争法（2025）第九条；电子商务法第十七条）",
        },
    ];
    for (k, c) in cases.into_iter().enumerate() {
        let mut s = KIT.shop(city, rng, c.platform, &format!("ring{k}"), c.shop);
        let l = item(city, &mut s, (c.title, None), "热销/好评", c.class, c.price);
        real_buyers(city, rng, buyers, &l, days, c.real, order_no);
        let pool = |rng: &mut Rng, n: usize| (0..n).map(|_| rng.hex64()).collect::<Vec<_>>();
        let (accounts, phones, networks, drops) = (
            pool(rng, c.sizes.0),
            pool(rng, c.sizes.1),
            pool(rng, c.sizes.2),
            pool(rng, c.sizes.3),
        );
        let ring_days: Vec<i64> = (c.span.0..=c.span.1)
            .filter(|&d| c.weekly.is_none_or(|w| weekday(d) == w))
            .collect();
        for (a, account) in accounts.iter().enumerate() {
            let times = if c.weekly.is_some() {
                ring_days.len().min(3)
            } else {
                1 + a % 2
            };
            for t in 0..times {
                let day = if c.weekly.is_some() {
                    ring_days[(a + t * 2) % ring_days.len()]
                } else {
                    ring_days[rng.below(ring_days.len() as u64) as usize]
                };
                let second = if c.weekly.is_some() {
                    80_000 + rng.range(0, 3_000)
                } else {
                    rng.range(36_000, 82_000)
                };
                let kit = (
                    phones[rng.below(phones.len() as u64) as usize].as_str(),
                    networks[rng.below(networks.len() as u64) as usize].as_str(),
                    drops[a % drops.len()].as_str(),
                );
                let weight = c.fake.map(|(lo, hi)| rng.range(lo, hi));
                let signed_after = if c.class == "digital" { 120 } else { 100_000 };
                let mut row = placed(
                    rng,
                    &l,
                    order_no,
                    (day, second),
                    account,
                    kit,
                    weight,
                    signed_after,
                );
                let reviewed = day * 86_400 + second + signed_after + rng.range(60, 1_200);
                let text = PRAISE[a % PRAISE.len()];
                review(
                    city,
                    &l,
                    &row,
                    5,
                    text,
                    c.media,
                    at(reviewed.div_euclid(86_400), reviewed.rem_euclid(86_400)),
                );
                if c.refund {
                    row["status"] = json!("refunded");
                    row["refunded_at"] = json!(at(reviewed.div_euclid(86_400) + 1, 36_000));
                }
                city.add(l.platform, "orders", row);
            }
        }
        KIT.t_subject(city, RULE, "merchant", c.platform, &l.merchant, P, c.why);
    }
    // −: a mother-and-baby shop's 150 regulars buy nappies every ten days or so, each from their
    //    own phone, network and home, with real parcels and reviews of every kind.
    let mut s = KIT.shop(city, rng, MALL, "regulars", "贝贝乐母婴");
    let l = item(
        city,
        &mut s,
        ("纸尿裤 M码 80片 日用", None),
        "母婴/纸尿裤",
        "general",
        9_900,
    );
    for _ in 0..150 {
        let parent = rng.hex64();
        let own = (rng.hex64(), rng.hex64(), rng.hex64());
        let mut d = rng.range(0, 10);
        while d < days {
            let second = rng.range(25_000, 82_000);
            let grams = rng.range(2_300, 2_600);
            let row = placed(
                rng,
                &l,
                order_no,
                (d, second),
                &parent,
                (&own.0, &own.1, &own.2),
                Some(grams),
                140_000,
            );
            if rng.chance(0.15) {
                let rating = rng.range(1, 5);
                review(
                    city,
                    &l,
                    &row,
                    rating,
                    REAL[rng.below(REAL.len() as u64) as usize],
                    rng.chance(0.2),
                    at(d + 5, 60_000),
                );
            }
            city.add(MALL, "orders", row);
            d += rng.range(8, 13);
        }
    }
    KIT.t_subject(city, RULE, "merchant", MALL, &l.merchant, N, "150位老顾客约每十天回购一次，各用自己的手机、网络和住址，包裹重量真实，评价有好有差，是真实的回头客（反不正当竞争法（2025）第九条）");
    // −: a care home's residents' families order meals for them every week: 30 accounts, their
    //    own phones and networks, all delivered to the care home's front desk.
    let mut s = KIT.shop(city, rng, LOCAL, "care-meals", "康颐养老餐");
    let l = item(
        city,
        &mut s,
        ("老人营养餐 软烂易嚼 一周7餐", None),
        "养老/餐食",
        "general",
        16_800,
    );
    let care_home = rng.hex64();
    for _ in 0..30 {
        let family = rng.hex64();
        let (phone, network) = (rng.hex64(), rng.hex64());
        let first = rng.range(0, 7);
        for d in (first..days).step_by(7) {
            let second = rng.range(64_000, 79_000);
            let grams = rng.range(5_200, 5_900);
            let row = placed(
                rng,
                &l,
                order_no,
                (d, second),
                &family,
                (&phone, &network, &care_home),
                Some(grams),
                50_000,
            );
            city.add(LOCAL, "orders", row);
        }
    }
    KIT.t_subject(city, RULE, "merchant", LOCAL, &l.merchant, N, "30个家庭每周给住在同一养老院的老人订餐，收货地址都是养老院前台，但手机、网络各不相同，餐食真实送达（反不正当竞争法（2025）第九条）");
    // −: a teacher's notice: 38 parents buy the class recorder in one evening, each from home.
    let mut s = KIT.shop(city, rng, MALL, "recorders", "知音琴行");
    let l = item(
        city,
        &mut s,
        ("德式竖笛 8孔 小学音乐课用", None),
        "乐器/竖笛",
        "general",
        3_500,
    );
    let evening = last - 16;
    for _ in 0..38 {
        let parent = rng.hex64();
        let own = (rng.hex64(), rng.hex64(), rng.hex64());
        let second = 72_000 + rng.range(0, 7_200);
        let grams = rng.range(280, 330);
        let row = placed(
            rng,
            &l,
            order_no,
            (evening, second),
            &parent,
            (&own.0, &own.1, &own.2),
            Some(grams),
            130_000,
        );
        if rng.chance(0.3) {
            review(
                city,
                &l,
                &row,
                rng.range(3, 5),
                REAL[rng.below(REAL.len() as u64) as usize],
                false,
                at(evening + 6, 70_000),
            );
        }
        city.add(MALL, "orders", row);
    }
    real_buyers(city, rng, buyers, &l, days, Some((280, 330)), order_no);
    KIT.t_subject(city, RULE, "merchant", MALL, &l.merchant, N, "老师在班级群通知后，38位家长一晚上各自在家下单同一款竖笛，设备、网络、地址各不相同，包裹真实（反不正当竞争法（2025）第九条）");
}

/// One forced-exit case on a platform of the set.
struct Exit {
    platform: &'static str,
    name: &'static str,
    operators: usize,
    sanctioned: usize,
    action: &'static str,
    reason: &'static str,
    /// Exits from the rival of the sanctioned, days after each one's own sanction (None: none).
    after: Option<(i64, i64)>,
    /// Every second operator, sanctioned or not, leaves the rival on a drawn day (used where the
    /// sanctioned have no exits of their own).
    others: bool,
    /// The sanctioned close their shop on the sanctioning platform instead.
    leave_here: bool,
    verdict: Label,
    why: &'static str,
}

pub(super) fn exits(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "exclusive_dealing.forced_exit";
    const RIVAL: &str = "h7-duimian";
    new_platform(city, rng, RIVAL, "对面", "services");
    let cases = [
        Exit {
            platform: "h7-huayuan",
            name: "花园生活",
            operators: 12,
            sanctioned: 8,
            action: "traffic_limit",
            reason: "检测到店铺在其他平台同时经营",
            after: Some((1, 4)),
            others: false,
            leave_here: false,
            verdict: P,
            why: "以“在其他平台同时经营”为由分批限流，8家被限流的商家各在1—4天内关闭对面平台店铺，未被处理的都没有离开（电子商务法第三十五条；平台经济反垄断指南第十五条）",
        },
        Exit {
            platform: "h7-lianxin",
            name: "连心到家",
            operators: 10,
            sanctioned: 6,
            action: "fee_increase",
            reason: "未签署独家合作协议，技术服务费上调至12%",
            after: Some((2, 8)),
            others: false,
            leave_here: false,
            verdict: P,
            why: "对不签独家协议的商家提高收费，6家在2—8天内撤出对面平台（电子商务法第三十五条；平台经济反垄断指南第十五条）",
        },
        Exit {
            platform: "h7-yinyue",
            name: "音悦汇",
            operators: 9,
            sanctioned: 7,
            action: "shop_block",
            reason: "拒绝关闭其他平台店铺",
            after: Some((0, 5)),
            others: false,
            leave_here: false,
            verdict: P,
            why: "以拒绝关闭其他平台店铺为由屏蔽店铺，7家全部在5天内关闭对面平台店铺（电子商务法第三十五条）",
        },
        Exit {
            platform: "h7-kuaixiu",
            name: "快修帮",
            operators: 12,
            sanctioned: 8,
            action: "traffic_limit",
            reason: "刷单炒信：同一设备批量好评",
            after: None,
            others: false,
            leave_here: false,
            verdict: N,
            why: "因刷单被限流，被处理的商家都没有离开其他平台，处理与多平台经营无关（电子商务法第三十五条）",
        },
        Exit {
            platform: "h7-anxin",
            name: "安心搬",
            operators: 12,
            sanctioned: 6,
            action: "warning",
            reason: "价格标示错误，请更正",
            after: None,
            others: true,
            leave_here: false,
            verdict: N,
            why: "因价格标示错误发出警告；被警告与未被警告的商家离开对面平台的比例相同，离开与处理无关（电子商务法第三十五条）",
        },
        Exit {
            platform: "h7-shijian",
            name: "时间铺",
            operators: 10,
            sanctioned: 5,
            action: "search_demotion",
            reason: "商品类目错放",
            after: Some((2, 6)),
            others: false,
            leave_here: true,
            verdict: N,
            why: "因类目错放被降权的商家随后关闭的是本平台店铺，仍留在对面平台，不是被迫“二选一”（电子商务法第三十五条）",
        },
    ];
    let last = days - 1;
    for (p, c) in cases.into_iter().enumerate() {
        new_platform(city, rng, c.platform, c.name, "services");
        for k in 0..c.operators {
            let (adcode, address) = KIT.address(rng);
            let uscc = code(rng, "91", adcode, true);
            let company = format!("杭州{}{}号商贸有限公司", c.name, k + 1);
            let established = -rng.range(800, 2_600);
            registry(
                city,
                rng,
                &uscc,
                &company,
                "company",
                &address,
                adcode,
                "active",
                established,
                None,
            );
            let treated = k < c.sanctioned;
            // Sanctions staggered over three weeks, one every two or three days.
            let sanction_day = 12 + (k as i64) * 5 / 2;
            let exit_day = match (treated, c.after) {
                (true, Some((lo, hi))) => Some(sanction_day + rng.range(lo, hi)),
                _ if c.others && k % 2 == 0 => Some(rng.range(8, last - 8)),
                _ => None,
            };
            let (here_closes, rival_closes) = match (c.leave_here, treated) {
                (true, true) => (exit_day, None),
                _ => (None, exit_day),
            };
            for (platform, closes) in [(c.platform, here_closes), (RIVAL, rival_closes)] {
                let merchant = format!("{platform}-h7-both{p}-{k}");
                let shop_name = format!("{}{}号店", c.name, k + 1);
                let homed = Homed {
                    merchant: &merchant,
                    company: &company,
                    shop_name: &shop_name,
                    uscc: &uscc,
                    address: &address,
                    adcode,
                    opened: (300, 900),
                    turnover: 33_000_000,
                    orders: (2, 12),
                    order_value: 9_900,
                    listings: 7,
                };
                let measure = (platform == c.platform && treated).then_some((
                    sanction_day,
                    35_100,
                    c.action,
                    c.reason,
                ));
                homed_shop(
                    city,
                    rng,
                    platform,
                    &homed,
                    (closes.map(|d| d.min(last - 1)), measure),
                    days,
                );
            }
        }
        KIT.t_platform(city, RULE, c.platform, c.verdict, c.why);
    }
}

/// One referral scheme grown member by member.
struct Tree {
    platform: &'static str,
    scheme: &'static str,
    members: usize,
    /// Deepest level below the root (the root is level 0).
    depth: usize,
    fee: i64,
    /// Reward per member recruited (`true`: counted over the whole downline, else direct only).
    per_head: (i64, bool),
    /// Own-sales reward range.
    sales: (i64, i64),
    /// Only the root recruits (a one-level scheme).
    flat: bool,
    verdict: Label,
    why: &'static str,
}

pub(super) fn trees(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "pyramid_scheme.pyramid";
    let cases = [
        Tree {
            platform: LOCAL,
            scheme: "h7-matchmaker-partner",
            members: 48,
            depth: 4,
            fee: 268_000,
            per_head: (60_000, true),
            sales: (0, 0),
            flat: false,
            verdict: P,
            why: "“红娘合伙人”交2680元入门，按发展的全部下线人数计酬，48人4层（禁止传销条例第七条第一项、第二项；刑法第二百二十四条之一）",
        },
        Tree {
            platform: MALL,
            scheme: "h7-topup-agent",
            members: 35,
            depth: 3,
            fee: 50_000,
            per_head: (15_000, false),
            sales: (0, 2_000),
            flat: false,
            verdict: P,
            why: "“代充代理”交500元入门费、每拉一人奖150元，35人3层，以发展人员为主要收入（禁止传销条例第七条；刑法第二百二十四条之一）",
        },
        Tree {
            platform: LIVE,
            scheme: "h7-eldercare-club",
            members: 100,
            depth: 6,
            fee: 0,
            per_head: (3_000, true),
            sales: (0, 0),
            flat: false,
            verdict: P,
            why: "“康养会员”不收入门费，但按全部下线人数给30元/人奖励，100人6层，以发展人员数量计酬（禁止传销条例第七条第一项）",
        },
        Tree {
            platform: MALL,
            scheme: "h7-baby-distribution",
            members: 80,
            depth: 2,
            fee: 0,
            per_head: (0, false),
            sales: (500, 9_000),
            flat: false,
            verdict: N,
            why: "两级分销，只按实际销售商品计酬，不收入门费、不按人头奖励（禁止传销条例第七条；直销管理条例）",
        },
        Tree {
            platform: LOCAL,
            scheme: "h7-piano-refer",
            members: 61,
            depth: 1,
            fee: 0,
            per_head: (20_000, false),
            sales: (0, 0),
            flat: true,
            verdict: N,
            why: "老学员推荐新学员送一节课，只有一级，新学员按市场价买真实课程，不是传销（禁止传销条例第七条）",
        },
        Tree {
            platform: LIVE,
            scheme: "h7-camp-club",
            members: 40,
            depth: 4,
            fee: 0,
            per_head: (0, false),
            sales: (0, 0),
            flat: false,
            verdict: N,
            why: "露营俱乐部的邀请关系有4层，但不收任何费用、没有任何奖励（禁止传销条例第七条）",
        },
    ];
    for c in cases {
        let mut pids: Vec<String> = vec![rng.hex64()];
        let mut parent: Vec<Option<usize>> = vec![None];
        let mut level: Vec<usize> = vec![0];
        // Grow: each new member's referrer is an earlier member at most `depth - 1` deep; the
        // first ones extend the deepest chain so the tree reaches its depth.
        while pids.len() < c.members {
            let n = pids.len();
            let referrer = if c.flat {
                0
            } else if n < c.depth {
                n - 1
            } else {
                let mut r = rng.below(n as u64) as usize;
                while level[r] + 1 > c.depth {
                    r = rng.below(n as u64) as usize;
                }
                r
            };
            pids.push(rng.hex64());
            parent.push(Some(referrer));
            level.push(level[referrer] + 1);
        }
        let mut direct = vec![0i64; pids.len()];
        let mut below = vec![0i64; pids.len()];
        for (k, p) in parent.iter().enumerate() {
            if let Some(j) = p {
                direct[*j] += 1;
            }
            let mut cursor = parent[k];
            while let Some(j) = cursor {
                below[j] += 1;
                cursor = parent[j];
            }
        }
        for (k, pid) in pids.iter().enumerate() {
            let heads = if c.per_head.1 { below[k] } else { direct[k] };
            let own = if c.sales.1 > 0 {
                rng.range(c.sales.0, c.sales.1)
            } else {
                0
            };
            let joined = (k as i64 * (days - 5) / c.members as i64).min(days - 1);
            city.add(
                c.platform,
                "referrals",
                json!({
                    "platform_id": c.platform, "scheme_id": c.scheme, "member_pid": pid,
                    "referrer_pid": parent[k].map(|j| pids[j].clone()),
                    "joined_at": at(joined, 50_400 + (k as i64 * 113) % 20_000),
                    "entry_fee_fen": if parent[k].is_some() { c.fee } else { 0 },
                    "recruitment_rewards_fen": heads * c.per_head.0, "sales_rewards_fen": own,
                }),
            );
        }
        KIT.t_subject(city, RULE, "scheme", c.platform, c.scheme, c.verdict, c.why);
    }
}

/// One refused-return case: orders signed at (second of day) and asked back (days after the
/// signing day, second), all rejected.
struct Refused {
    platform: &'static str,
    shop: &'static str,
    title: &'static str,
    class: &'static str,
    offered: bool,
    orders: i64,
    signed: i64,
    asked: (i64, i64),
    verdict: Label,
    why: &'static str,
}

pub(super) fn after_sale(city: &mut City, rng: &mut Rng, order_no: &mut u64) {
    const RETURN: &str = "return_refusal.no_reason_return";
    const INVOICE: &str = "invoice_refusal.not_issued";
    let cases = [
        Refused {
            platform: MALL,
            shop: "弦音乐器",
            title: "民谣吉他 40寸 乐器类商品 拆封不退",
            class: "general",
            offered: false,
            orders: 4,
            signed: 52_000,
            asked: (3, 40_000),
            verdict: P,
            why: "吉他不属于法定不适用七日无理由退货的商品，店铺自称“乐器拆封不退”，签收后第3天未拆封的退货申请被拒（消费者权益保护法第二十五条）",
        },
        Refused {
            platform: MALL,
            shop: "贝贝乐母婴",
            title: "婴儿推车 轻便 可登机",
            class: "general",
            offered: true,
            orders: 3,
            signed: 30,
            asked: (7, 43_200),
            verdict: P,
            why: "0点0分30秒签收，第七日中午申请退货：七日自签收次日起算，申请在期限内，却被拒绝（消费者权益保护法第二十五条）",
        },
        Refused {
            platform: MALL,
            shop: "时刻表行",
            title: "机械腕表 贵重商品不支持七天无理由",
            class: "general",
            offered: false,
            orders: 3,
            signed: 61_000,
            asked: (2, 58_000),
            verdict: P,
            why: "手表不在法定例外之列，店铺以“贵重商品”为由不支持七天无理由，签收后第2天的申请被拒（消费者权益保护法第二十五条）",
        },
        Refused {
            platform: MALL,
            shop: "点点卡券",
            title: "游戏点卡 200元 卡密发货",
            class: "digital",
            offered: false,
            orders: 4,
            signed: 45_000,
            asked: (1, 46_000),
            verdict: N,
            why: "卡密已发送的数字化商品，依法不适用七日无理由退货（消费者权益保护法第二十五条第一款第三项）",
        },
        Refused {
            platform: MALL,
            shop: "野趣营地装备",
            title: "定制印字天幕 企业团建 按图制作",
            class: "custom_made",
            offered: false,
            orders: 3,
            signed: 50_000,
            asked: (2, 50_000),
            verdict: N,
            why: "按消费者提供的图样定制印字的天幕，依法不适用七日无理由退货（消费者权益保护法第二十五条第一款第一项）",
        },
        Refused {
            platform: MALL,
            shop: "驭风电动车",
            title: "电动车头盔 3C 认证 四季通用",
            class: "general",
            offered: true,
            orders: 3,
            signed: 86_390,
            asked: (8, 1_200),
            verdict: N,
            why: "23:59:50签收，第八日00:20才申请，已超过七日期限，拒绝不违法（消费者权益保护法第二十五条）",
        },
    ];
    for (k, c) in cases.into_iter().enumerate() {
        let mut s = KIT.shop(city, rng, c.platform, &format!("back{k}"), c.shop);
        let l = KIT.listing(
            city,
            &mut s,
            &crate::kit::Item {
                title: c.title,
                category: "售后/退货",
                class: c.class,
                price: 45_600,
                returns: c.offered,
                ..crate::kit::Item::default()
            },
        );
        for i in 0..c.orders {
            let signed_day = 6 + i * 9;
            let buyer = rng.hex64();
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                signed_day - 1,
                70_000,
                l.price,
                1,
                &buyer,
                "completed",
            );
            row["signed_at"] = json!(at(signed_day, c.signed));
            row["return_requested_at"] = json!(at(signed_day + c.asked.0, c.asked.1));
            row["return_reason"] = json!("no_reason");
            row["return_outcome"] = json!("rejected");
            city.add(c.platform, "orders", row);
        }
        KIT.t_subject(
            city,
            RETURN,
            "merchant",
            c.platform,
            &l.merchant,
            c.verdict,
            c.why,
        );
    }
    // Invoices: (platform, shop, title, orders, status, issued?, requested, label, why).
    type Asked = (
        &'static str,
        &'static str,
        &'static str,
        i64,
        &'static str,
        fn(i64) -> bool,
        bool,
        Label,
        &'static str,
    );
    let cases: [Asked; 6] = [
        (
            LOCAL,
            "安和殡仪服务",
            "殡仪服务 基础套餐 含接运",
            6,
            "completed",
            |_| false,
            true,
            P,
            "6笔已完成的订单都要求开票，一张未开（电子商务法第十四条）",
        ),
        (
            LOCAL,
            "蚂蚁搬家",
            "同城搬家 小面包车",
            10,
            "completed",
            |i| i % 3 == 0,
            true,
            P,
            "10笔要求开票的已完成订单只开了4张（电子商务法第十四条）",
        ),
        (
            LOCAL,
            "知音琴行",
            "小提琴 10课时 上门",
            5,
            "signed",
            |_| false,
            true,
            P,
            "5笔已签收的课时订单要求开票，一张未开（电子商务法第十四条）",
        ),
        (
            LOCAL,
            "城泊停车",
            "停车月卡 地下车库",
            8,
            "completed",
            |_| true,
            true,
            N,
            "8笔要求开票的订单全部开具（电子商务法第十四条）",
        ),
        (
            MALL,
            "野趣营地装备",
            "露营推车 折叠",
            6,
            "refunded",
            |_| false,
            true,
            N,
            "6笔订单在开票前已全额退款，交易不存在，不需开票（电子商务法第十四条）",
        ),
        (
            MALL,
            "时刻表行",
            "表带 真皮 快拆",
            9,
            "completed",
            |_| false,
            false,
            N,
            "9笔订单都未开票，但没有一位买家要求开票（电子商务法第十四条）",
        ),
    ];
    for (k, (platform, shop, title, n, status, issued, requested, verdict, why)) in
        cases.into_iter().enumerate()
    {
        let mut s = KIT.shop(city, rng, platform, &format!("bill{k}"), shop);
        let l = item(city, &mut s, (title, None), "售后/发票", "general", 38_800);
        for i in 0..n {
            let buyer = rng.hex64();
            let mut row = KIT.sale(
                rng,
                &l,
                order_no,
                9 + i * 4,
                55_000,
                l.price,
                1,
                &buyer,
                status,
            );
            row["invoice_requested"] = json!(requested);
            row["invoice_issued"] = json!(issued(i));
            if status == "refunded" {
                row["refunded_at"] = json!(at(11 + i * 4, 30_000));
            }
            city.add(platform, "orders", row);
        }
        KIT.t_subject(
            city,
            INVOICE,
            "merchant",
            platform,
            &l.merchant,
            verdict,
            why,
        );
    }
}

/// One complaint row.
#[allow(clippy::too_many_arguments)]
fn lodge(
    city: &mut City,
    id: String,
    (day, channel): (i64, &str),
    person: &str,
    kind: &str,
    (platform, merchant, order): (Option<&str>, Option<&str>, Option<&str>),
    respondent: &str,
    text: &str,
    (amount, demand): (Option<i64>, &str),
) {
    city.add("12315", "complaints", json!({
        "complaint_id": id, "channel": channel, "received_at": at(day, 40_200 + (day * 311) % 9_000),
        "complainant_pid": person, "kind": kind, "platform_id": platform, "merchant_id": merchant,
        "respondent_uscc": null, "respondent_name": respondent, "order_id": order, "text": text,
        "amount_fen": amount, "demand": demand, "real_name": true,
    }));
}

/// Goods a complainant bought: a shop of its own with one listing.
struct Goods {
    platform: &'static str,
    tag: String,
    shop: &'static str,
    title: &'static str,
    category: &'static str,
    class: &'static str,
    price: i64,
}

/// One completed purchase by `person` at (day, second): the listing and the order's id.
fn bought(
    city: &mut City,
    rng: &mut Rng,
    order_no: &mut u64,
    g: Goods,
    (day, second): (i64, i64),
    person: &str,
) -> (Listing, Option<String>) {
    let mut s = KIT.shop(city, rng, g.platform, &g.tag, g.shop);
    let l = item(city, &mut s, (g.title, None), g.category, g.class, g.price);
    let row = KIT.sale(
        rng,
        &l,
        order_no,
        day,
        second,
        g.price,
        1,
        person,
        "completed",
    );
    let order = row["order_id"].as_str().map(str::to_string);
    city.add(g.platform, "orders", row);
    (l, order)
}

pub(super) fn complainers(city: &mut City, rng: &mut Rng, days: i64, order_no: &mut u64) {
    const RULE: &str = "serial_complainant.profit_seeking";
    let last = days - 1;
    // +: twelve game-card shops in twenty days, each asked for punitive damages for a "minor's"
    //    top-up the complainant paid for himself, in one template.
    let person = rng.hex64();
    for n in 0..12i64 {
        let (l, order) = bought(
            city,
            rng,
            order_no,
            Goods {
                platform: MALL,
                tag: format!("minor{n}"),
                shop: "游戏充值店",
                title: "游戏点卡 30元",
                category: "游戏/点卡",
                class: "digital",
                price: 3_000,
            },
            (last - 24 + n, 75_000),
            &person,
        );
        lodge(
            city,
            format!("h7-c-minor-{n}"),
            (last - 23 + n * 5 / 3, "12315_web"),
            &person,
            "complaint",
            (Some(MALL), Some(&l.merchant), order.as_deref()),
            "游戏充值店",
            "我家未成年孩子用我的账号充值，商家未尽审核义务，要求退还并按消费者权益保护法三倍赔偿500元。",
            (Some(50_000), "punitive_compensation"),
        );
    }
    KIT.t_person(city, RULE, &person, P, "20天内对12家点卡店用同一模板以“未成年人充值”索要三倍赔偿，订单都是本人账号所下（消费者权益保护法实施条例第四十九条；市场监督管理投诉举报处理暂行办法第十五条）");
    // +: fifteen ¥59 e-bike chargers from fifteen shops, then "无3C认证" and ¥1,000 each.
    let person = rng.hex64();
    for n in 0..15i64 {
        let (l, order) = bought(
            city,
            rng,
            order_no,
            Goods {
                platform: MALL,
                tag: format!("charger{n}"),
                shop: "电动车配件",
                title: "电动车充电器 48V",
                category: "电动车/配件",
                class: "general",
                price: 5_900,
            },
            (last - 40 + n * 2, 44_000),
            &person,
        );
        lodge(
            city,
            format!("h7-c-charger-{n}"),
            (last - 36 + n * 2, "12315_app"),
            &person,
            "complaint",
            (Some(MALL), Some(&l.merchant), order.as_deref()),
            "电动车配件店",
            "充电器无3C认证，属于不合格产品，要求退一赔三，不足一千元按一千元赔偿。",
            (Some(100_000), "punitive_compensation"),
        );
    }
    KIT.t_person(city, RULE, &person, P, "30天内向15家店各买一个59元充电器，随后以同一理由各索赔1000元（消费者权益保护法实施条例第四十九条）");
    // +: thirteen letters against shops on three platforms about imported nappies' labels, the
    //    same text with the shop's name changed.
    let person = rng.hex64();
    for n in 0..13i64 {
        let platform = [MALL, LOCAL, LIVE][n as usize % 3];
        let shop = format!("母婴进口馆{}号", n + 1);
        let text = format!(
            "{shop}销售的进口纸尿裤无中文标签，违反食品安全法及产品质量法，要求十倍赔偿1000元。"
        );
        lodge(
            city,
            format!("h7-c-label-{n}"),
            (last - 50 + n * 3, "letter"),
            &person,
            "complaint",
            (Some(platform), None, None),
            &shop,
            &text,
            (Some(100_000), "punitive_compensation"),
        );
    }
    KIT.t_person(city, RULE, &person, P, "40天内对三个平台13家店寄出只换了店名的同一封信，各索赔1000元，均无订单（消费者权益保护法实施条例第四十九条）");
    // −: a bereaved family follows up four times on one overcharge by one funeral home.
    let person = rng.hex64();
    for n in 0..4i64 {
        lodge(
            city,
            format!("h7-c-funeral-{n}"),
            (8 + n * 11, "hotline"),
            &person,
            "complaint",
            (Some(LOCAL), None, None),
            "某殡仪服务公司",
            "父亲的丧事，殡仪公司结算时多收了灵堂布置费1800元，合同里没有这一项，要求退还。",
            (Some(180_000), "refund"),
        );
    }
    KIT.t_person(city, RULE, &person, N, "同一笔丧事多收费的真实纠纷，对同一商家跟进四次，只要求退还多收的钱（消费者权益保护法第二十四条）");
    // −: a driver is charged wrongly at seven car parks over two months and asks back each
    //    amount exactly.
    let person = rng.hex64();
    for n in 0..7i64 {
        let (l, order) = bought(
            city,
            rng,
            order_no,
            Goods {
                platform: LOCAL,
                tag: format!("carpark{n}"),
                shop: "智慧停车场",
                title: "临时停车 按次",
                category: "停车/临停",
                class: "general",
                price: 1_000 + n * 100,
            },
            (3 + n * 8, 68_000),
            &person,
        );
        lodge(
            city,
            format!("h7-c-park-{n}"),
            (4 + n * 8, "platform"),
            &person,
            "complaint",
            (Some(LOCAL), Some(&l.merchant), order.as_deref()),
            "智慧停车场",
            "出场时系统识别错车牌，重复扣费，要求退还多扣的停车费。",
            (Some(l.price), "refund"),
        );
    }
    KIT.t_person(city, RULE, &person, N, "两个月里七次真实的重复扣费，每次只要求退还被多扣的金额，都有订单（消费者权益保护法实施条例）");
    // −: a resident reports ten unlicensed e-bike battery refit shops, asking only for action.
    let person = rng.hex64();
    for n in 0..10i64 {
        lodge(
            city,
            format!("h7-c-refit-{n}"),
            (last - 30 + n * 2, "12315_web"),
            &person,
            "report",
            (None, None, None),
            &format!("电动车改装店{}", n + 1),
            "小区门口的电动车店私自给电瓶扩容改装，存在火灾隐患，请依法查处。",
            (None, "investigate"),
        );
    }
    KIT.t_person(
        city,
        RULE,
        &person,
        N,
        "举报十家私改电瓶的店铺，只要求查处、不求赔偿（消费者权益保护法实施条例）",
    );
}
