//! Orders that come in waves and surges, referral trees with dormant members, after-sale refusals
//! and complainants: brushing hidden in a real promotion's surge or in timed waves over two
//! platforms (反不正当竞争法（2025） 第九条; 电子商务法 第十七条) beside honest bulk and family
//! buying; schemes that pay by heads or fees (禁止传销条例 第七条) beside referral coupons and
//! paid courses; returns (消费者权益保护法 第二十五条), invoices (电子商务法 第十四条) and
//! complainants (消费者权益保护法实施条例 第四十八条).

use serde_json::{Value, json};

use super::{HOUSE, KIT, LIVE, LOCAL, MALL};
use crate::city::{City, Listing, at};
use crate::kit::{Item, Shop};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative, Positive};

const BRUSHING: &str = "fake_orders.brushing_ring";
const PYRAMID: &str = "pyramid_scheme.pyramid";
const RETURNS: &str = "return_refusal.no_reason_return";
const INVOICES: &str = "invoice_refusal.not_issued";
const SERIAL: &str = "serial_complainant.profit_seeking";

/// Where an order goes from and to: (device, network, address) pids.
type Trail = (String, String, String);

/// How one order goes: (day, second), parcel weight, seconds to signing, review (stars, text,
/// seconds after signing), refunded some days later.
struct Leg<'a> {
    when: (i64, i64),
    weight: Option<i64>,
    signed_after: i64,
    review: Option<(i64, &'a str, i64)>,
    refunded: bool,
}

/// One order of `l` by `buyer` along `trail`, with its review.
fn leg(
    city: &mut City,
    rng: &mut Rng,
    l: &Listing,
    order_no: &mut u64,
    buyer: &str,
    trail: &Trail,
    o: &Leg<'_>,
) {
    let (day, second) = o.when;
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
    row["device_pid"] = json!(trail.0);
    row["ip_pid"] = json!(trail.1);
    row["ship_address_pid"] = json!(trail.2);
    row["parcel_weight_g"] = json!(o.weight);
    let signed = second + o.signed_after;
    row["signed_at"] = json!(at(day, signed));
    if let Some((stars, text, after)) = o.review {
        HOUSE.review(city, l, &row, stars, text, at(day, signed + after));
    }
    if o.refunded {
        row["status"] = json!("refunded");
        row["refunded_at"] = json!(at(day + 3, 50_000));
    }
    city.add(l.platform, "orders", row);
}

/// A fresh trail of the buyer's own.
fn own_trail(rng: &mut Rng) -> Trail {
    (rng.hex64(), rng.hex64(), rng.hex64())
}

const GLOWING: &[&str] = &[
    "好好好，回购N次了，yyds",
    "包装精美 物流快 五星",
    "宝贝收到了，质量杠杠的",
    "和描述一致，推荐购买！！",
];
const MIXED: &[&str] = &[
    "还行，包装有点压扁",
    "味道一般，价格还可以",
    "物流慢了两天",
    "不错，下次再来",
];

/// Genuine buyers of `l`: `n` orders on `days`, each with its own trail and a real parcel.
fn genuine(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    l: &Listing,
    (n, days): (usize, std::ops::Range<i64>),
    weight: (i64, i64),
    order_no: &mut u64,
) {
    for _ in 0..n {
        let buyer = rng.pick(buyers).clone();
        let trail = own_trail(rng);
        let day = rng.range(days.start, days.end - 1);
        let review = rng.chance(0.25).then(|| {
            let text = *rng.pick(MIXED);
            (rng.range(2, 5), text, rng.range(200_000, 500_000))
        });
        let o = Leg {
            when: (day, rng.range(30_000, 80_000)),
            weight: Some(rng.range(weight.0, weight.1)),
            signed_after: rng.range(90_000, 200_000),
            review,
            refunded: false,
        };
        leg(city, rng, l, order_no, &buyer, &trail, &o);
    }
}

/// A ring: `accounts` accounts over a pool of `devices` phones, `networks` networks and `drops`
/// addresses; each order is near-empty, signed within hours, reviewed five stars within minutes
/// and refunded.
fn ring(
    rng: &mut Rng,
    accounts: usize,
    (devices, networks, drops): (usize, usize, usize),
) -> Vec<(String, Trail)> {
    let pool = |rng: &mut Rng, n: usize| (0..n).map(|_| rng.hex64()).collect::<Vec<_>>();
    let (d, n, a) = (pool(rng, devices), pool(rng, networks), pool(rng, drops));
    (0..accounts)
        .map(|k| {
            let trail = (
                d[k % devices].clone(),
                n[k % networks].clone(),
                a[(k / 3) % drops].clone(),
            );
            (rng.hex64(), trail)
        })
        .collect()
}

fn ring_leg(rng: &mut Rng, when: (i64, i64), weight: (i64, i64)) -> Leg<'static> {
    Leg {
        when,
        weight: Some(rng.range(weight.0, weight.1)),
        signed_after: rng.range(7_200, 20_000),
        review: Some((5, *rng.pick(GLOWING), rng.range(120, 900))),
        refunded: true,
    }
}

/// Brushing in surges and waves, and honest surges, bulk buying and family orders.
pub(super) fn surges(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    // A honey gift box's real 双十一 surge (days 25 to 28), with a ring inside it.
    let mut shop = KIT.shop(city, rng, MALL, "beegift", "蜂语礼盒");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "蜂蜜 礼盒 双瓶 1.2kg",
        "食品/蜂蜜/礼盒",
        "food",
        15_800,
    );
    genuine(city, rng, buyers, &l, (30, 0..60), (1_250, 1_400), order_no);
    genuine(
        city,
        rng,
        buyers,
        &l,
        (90, 25..29),
        (1_250, 1_400),
        order_no,
    );
    for (account, trail) in ring(rng, 26, (3, 2, 2)) {
        let when = (rng.range(25, 28), rng.range(72_000, 85_000));
        let o = ring_leg(rng, when, (20, 60));
        leg(city, rng, &l, order_no, &account, &trail, &o);
    }
    KIT.t_subject(city, BRUSHING, "merchant", MALL, &l.merchant, Positive, "双十一真实订单高峰里夹着26个账号，共用3部手机、2个网络、2个收货地址，包裹20–60克（实物1.2公斤），签收几分钟内五星好评后退款（反不正当竞争法（2025） 第九条；电子商务法 第十七条）");
    // Two tea shops on two platforms, brushed by one crew in three waves of two hours.
    let mut mall = KIT.shop(city, rng, MALL, "wavetea", "浪潮茶号");
    let mut live = KIT.shop(city, rng, LIVE, "wavetealive", "浪潮茶号直播");
    let a = HOUSE.goods(
        city,
        &mut mall,
        "龙井 口粮茶 500g",
        "茶叶/绿茶",
        "food",
        9_800,
    );
    let b = HOUSE.goods(
        city,
        &mut live,
        "龙井 直播专享 250g",
        "茶叶/绿茶",
        "food",
        6_800,
    );
    genuine(city, rng, buyers, &a, (35, 0..60), (520, 560), order_no);
    genuine(city, rng, buyers, &b, (25, 0..60), (270, 300), order_no);
    let crew = ring(rng, 30, (4, 3, 3));
    for wave in [12, 26, 40] {
        for (k, (account, trail)) in crew.iter().enumerate() {
            let target = if k % 2 == 0 { &a } else { &b };
            let second = 75_600 + rng.range(0, 7_200);
            let o = ring_leg(rng, (wave, second), (15, 45));
            leg(city, rng, target, order_no, account, trail, &o);
        }
    }
    for l in [&a, &b] {
        KIT.t_subject(city, BRUSHING, "merchant", l.platform, &l.merchant, Positive, "两个平台上的两家茶店被同一组30个账号（共用4部手机、3个网络、3个收货地址）分三波、每波两小时内集中下单，空包、秒评、退款（反不正当竞争法（2025） 第九条；电子商务法 第十七条）");
    }
    // Calligraphy paper: 40 teachers of one school order on one afternoon, the school's network
    // and address, real parcels, a few mixed reviews, nothing refunded.
    let mut shop = KIT.shop(city, rng, MALL, "schoolpaper", "翰墨纸庄");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "毛边纸 书法练习 100张",
        "文具/书画纸",
        "general",
        2_600,
    );
    genuine(city, rng, buyers, &l, (30, 0..60), (1_900, 2_100), order_no);
    let (network, school) = (rng.hex64(), rng.hex64());
    for k in 0..40 {
        let trail = (rng.hex64(), network.clone(), school.clone());
        let review = (k % 8 == 0).then_some((4, "学校统一买的，纸不错", 300_000));
        let o = Leg {
            when: (33, 52_000 + 60 * k),
            weight: Some(rng.range(1_900, 2_100)),
            signed_after: rng.range(100_000, 150_000),
            review,
            refunded: false,
        };
        let teacher = rng.hex64();
        leg(city, rng, &l, order_no, &teacher, &trail, &o);
    }
    KIT.t_subject(city, BRUSHING, "merchant", MALL, &l.merchant, Negative, "一所学校40位老师同一下午在校园网下单、寄到学校，各用自己的手机，包裹重量真实，未退款（电子商务法 第十七条）");
    // Tea: a real 双十一 surge of 120 buyers and nothing else.
    let mut shop = KIT.shop(city, rng, MALL, "surgetea", "十一茶仓");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "龙井 双十一 囤货装 500g",
        "茶叶/绿茶",
        "food",
        12_800,
    );
    genuine(city, rng, buyers, &l, (20, 0..60), (520, 560), order_no);
    genuine(city, rng, buyers, &l, (120, 26..28), (520, 560), order_no);
    KIT.t_subject(city, BRUSHING, "merchant", MALL, &l.merchant, Negative, "双十一两天120位不同买家下单，各有各的设备、网络和地址，包裹重量真实（反不正当竞争法（2025） 第九条）");
    // Seafood: six family members at one home ordering every week, signed and kept.
    let mut shop = KIT.shop(city, rng, LOCAL, "familyfish", "每周鲜");
    let l = HOUSE.goods(
        city,
        &mut shop,
        "冰鲜 鲳鱼 2条 约800g",
        "生鲜/海鲜/鱼",
        "general",
        7_800,
    );
    genuine(city, rng, buyers, &l, (20, 0..60), (780, 860), order_no);
    let (network, home) = (rng.hex64(), rng.hex64());
    let family: Vec<(String, String)> = (0..6).map(|_| (rng.hex64(), rng.hex64())).collect();
    for week in 0..8 {
        for (k, (member, phone)) in family.iter().enumerate() {
            let trail = (phone.clone(), network.clone(), home.clone());
            let o = Leg {
                when: (7 * week + k as i64 % 3, 64_800 + 300 * k as i64),
                weight: Some(rng.range(780, 860)),
                signed_after: rng.range(1_800, 3_600),
                review: None,
                refunded: false,
            };
            leg(city, rng, &l, order_no, member, &trail, &o);
        }
    }
    KIT.t_subject(
        city,
        BRUSHING,
        "merchant",
        LOCAL,
        &l.merchant,
        Negative,
        "一家六口每周从家里下单，同一网络和地址，包裹真实，无好评无退款（电子商务法 第十七条）",
    );
}

/// A referral tree by levels: `shape[t]` members at level t; at each level only the first
/// `active[t]` recruit (the rest stay dormant), each taking a consecutive block of the level
/// below. Returns (pid, referrer index, level).
fn grow(rng: &mut Rng, shape: &[usize], active: &[usize]) -> Vec<(String, Option<usize>, usize)> {
    let mut out: Vec<(String, Option<usize>, usize)> = Vec::new();
    let mut start = 0usize;
    for (t, &n) in shape.iter().enumerate() {
        let above = (t > 0).then(|| {
            (
                start - shape[t - 1],
                active.get(t - 1).copied().unwrap_or(1).max(1),
            )
        });
        for i in 0..n {
            let referrer = above.map(|(first, recruiters)| {
                let block = n.div_ceil(recruiters);
                first + (i / block.max(1)).min(recruiters - 1)
            });
            out.push((rng.hex64(), referrer, t));
        }
        start += n;
    }
    out
}

/// A scheme: platform, id, shape, active recruiters per level, entry fee, reward per head in
/// the downline (`by_heads`) or per direct recruit, sales rewards, label and why.
struct Scheme {
    platform: &'static str,
    id: &'static str,
    shape: &'static [usize],
    active: &'static [usize],
    fee: i64,
    per_head: i64,
    by_heads: bool,
    sales: i64,
    label: Label,
    why: &'static str,
}

/// Referral trees with dormant members: three schemes that pay by heads or fees, three lawful.
pub(super) fn trees(city: &mut City, rng: &mut Rng) {
    let schemes = [
        Scheme {
            platform: LIVE,
            id: "h8-jelly-partner",
            shape: &[1, 4, 9, 14, 16, 8],
            active: &[1, 3, 4, 5, 2],
            fee: 398_000,
            per_head: 30_000,
            by_heads: true,
            sales: 0,
            label: Positive,
            why: "「蜂王浆事业合伙人」须认购3980元套餐入会，按直接和间接发展人数计酬，52人5层（多数下线沉睡未再发展）（禁止传销条例 第七条第一项、第二项）",
        },
        Scheme {
            platform: MALL,
            id: "h8-tea-founder",
            shape: &[2, 6, 12, 14],
            active: &[2, 4, 6],
            fee: 128_000,
            per_head: 30_000,
            by_heads: false,
            sales: 0,
            label: Positive,
            why: "「茶友会联创」交1280元取得资格，每发展一人奖300元，34人4层（禁止传销条例 第七条第一项、第二项）",
        },
        Scheme {
            platform: LOCAL,
            id: "h8-maker-join",
            shape: &[1, 3, 8, 18],
            active: &[1, 3, 4],
            fee: 980_000,
            per_head: 150_000,
            by_heads: true,
            sales: 0,
            label: Positive,
            why: "「3D打印创客加盟」交9800元加盟费，按下线人数计酬，恰好30人、根以下3层，达到刑法立案的人数和层级（禁止传销条例 第七条第二项；刑法 第二百二十四条之一）",
        },
        Scheme {
            platform: MALL,
            id: "h8-brush-member",
            shape: &[8, 32],
            active: &[8],
            fee: 0,
            per_head: 0,
            by_heads: false,
            sales: 4_000,
            label: Negative,
            why: "书法用品会员两级、不收费，只按本人购买额返利，没有发展人头报酬（禁止传销条例 第七条）",
        },
        Scheme {
            platform: LOCAL,
            id: "h8-fishfood-invite",
            shape: &[25, 38],
            active: &[19],
            fee: 0,
            per_head: 500,
            by_heads: false,
            sales: 0,
            label: Negative,
            why: "「老带新送鱼食」只有一层邀请，每邀请一位新客得5元券，不收费、不形成上下线多层计酬（禁止传销条例 第七条）",
        },
        Scheme {
            platform: LIVE,
            id: "h8-teaart-class",
            shape: &[1, 5, 12, 20],
            active: &[1, 4, 6],
            fee: 120_000,
            per_head: 0,
            by_heads: false,
            sales: 0,
            label: Negative,
            why: "茶艺课学员按介绍关系排成多层，但1200元是真实的课程费，介绍他人没有任何报酬（禁止传销条例 第七条）",
        },
    ];
    for s in &schemes {
        let members = grow(rng, s.shape, s.active);
        let mut downline = vec![0i64; members.len()];
        let mut direct = vec![0i64; members.len()];
        for (_, parent, _) in &members {
            if let Some(p) = parent {
                direct[*p] += 1;
            }
            let mut up = *parent;
            while let Some(j) = up {
                downline[j] += 1;
                up = members[j].1;
            }
        }
        for (k, (pid, parent, level)) in members.iter().enumerate() {
            let heads = if s.by_heads { downline[k] } else { direct[k] };
            let referrer: Value = parent.map_or(Value::Null, |p| json!(members[p].0));
            city.add(s.platform, "referrals", json!({
                "platform_id": s.platform, "scheme_id": s.id, "member_pid": pid,
                "referrer_pid": referrer, "joined_at": at(2 + 6 * *level as i64 + (k % 5) as i64, 45_000 + 97 * k as i64),
                "entry_fee_fen": s.fee, "recruitment_rewards_fen": heads * s.per_head,
                "sales_rewards_fen": if s.sales > 0 { s.sales * (1 + (k % 4) as i64) } else { 0 },
            }));
        }
        KIT.t_subject(city, PYRAMID, "scheme", s.platform, s.id, s.label, s.why);
    }
}

/// One shop with one listing for an after-sale case.
fn counter(
    city: &mut City,
    rng: &mut Rng,
    platform: &'static str,
    (tag, name): (&str, &str),
    (title, category, class, price): (&str, &str, &str, i64),
) -> Listing {
    let mut shop: Shop = KIT.shop(city, rng, platform, tag, name);
    HOUSE.goods(city, &mut shop, title, category, class, price)
}

/// Refused returns, three against the law and three it allows, and invoices.
pub(super) fn after_sale(city: &mut City, rng: &mut Rng, order_no: &mut u64) {
    type Refusal = (
        (&'static str, &'static str),
        (&'static str, &'static str, &'static str, i64),
        ((i64, i64), (i64, i64)),
        Label,
        &'static str,
    );
    let refusals: [Refusal; 6] = [
        (
            ("penreturn", "笔墨纸砚馆"),
            ("钢笔 礼盒 14K 金尖", "文具/钢笔", "general", 56_800),
            ((20, 77_400), (7, 86_280)),
            Positive,
            "21:30签收，第7天23:58申请，七日从签收次日起算到第7天24时，仍在期限内被拒（消费者权益保护法 第二十五条）",
        ),
        (
            ("silkreturn", "丝语"),
            (
                "真丝 长巾 180cm 丝巾类商品一经售出不退换",
                "服饰/丝巾",
                "general",
                39_900,
            ),
            ((24, 40_000), (3, 36_000)),
            Positive,
            "丝巾不属于法定除外商品，店铺自称「一经售出不退换」，第3天申请被拒（消费者权益保护法 第二十五条）",
        ),
        (
            ("knifereturn", "快刀铺"),
            ("菜刀 切片刀 拆封不退", "厨具/刀具", "general", 18_800),
            ((28, 50_000), (2, 43_000)),
            Positive,
            "刀具拆封不影响二次销售的不属除外商品，第2天申请被拒（消费者权益保护法 第二十五条；网络购买商品七日无理由退货暂行办法 第七条）",
        ),
        (
            ("qipao", "旗袍定制坊"),
            (
                "旗袍 量体定制 真丝 香云纱",
                "服饰/旗袍定制",
                "custom_made",
                168_000,
            ),
            ((18, 52_000), (2, 40_000)),
            Negative,
            "按顾客尺寸定作的旗袍，属第二十五条第一款第一项除外（消费者权益保护法 第二十五条）",
        ),
        (
            ("livecrab", "活蟹速递"),
            ("鲜活 梭子蟹 2只 约1斤", "生鲜/海鲜/蟹", "fresh", 8_800),
            ((30, 40_000), (1, 30_000)),
            Negative,
            "鲜活易腐商品，属第二十五条第一款第二项除外（消费者权益保护法 第二十五条）",
        ),
        (
            ("latereturn", "刀剪世家"),
            ("剪刀 家用 不锈钢 三件套", "厨具/剪刀", "general", 6_800),
            ((22, 36_000), (8, 40)),
            Negative,
            "10:00签收，第8天00:00:40才申请，已过七日期限（消费者权益保护法 第二十五条）",
        ),
    ];
    for (shop, (title, category, class, price), (signed, asked), label, why) in refusals {
        let mut seller: Shop = KIT.shop(city, rng, MALL, shop.0, shop.1);
        // The silk shop states it takes no returns; the law's exclusions need none.
        let item = Item {
            title,
            category,
            class,
            price,
            returns: !HOUSE.no_returns.contains(&class) && !title.contains("不退换"),
            ..Item::default()
        };
        let l = KIT.listing(city, &mut seller, &item);
        KIT.refused_return(city, rng, &l, order_no, 50_000, signed, asked);
        KIT.t_subject(city, RETURNS, "merchant", MALL, &l.merchant, label, why);
    }
    invoices(city, rng, order_no);
}

/// Invoice requests: (requested, issued) per order, status per order.
fn invoices(city: &mut City, rng: &mut Rng, order_no: &mut u64) {
    type Ask = (
        &'static str,
        (&'static str, &'static str),
        (&'static str, &'static str, i64),
        fn(usize) -> (bool, bool, &'static str),
        usize,
        Label,
        &'static str,
    );
    let asks: [Ask; 6] = [
        (
            LOCAL,
            ("ferryinv", "江渡客运票务"),
            ("轮渡 往返 套票", "本地生活/轮渡", 5_000),
            |_| (true, false, "completed"),
            8,
            Positive,
            "8张订单都申请了发票，一张未开（电子商务法 第十四条）",
        ),
        (
            MALL,
            ("printinv", "快造3D"),
            ("3D打印 建筑模型 定制", "模玩/3D打印服务", 48_000),
            |k| (true, k < 5, "completed"),
            12,
            Positive,
            "12张申请发票的订单只开了5张（电子商务法 第十四条）",
        ),
        (
            MALL,
            ("teainv", "茶商批发"),
            ("龙井 散装 批发 500g", "茶叶/批发", 19_800),
            |k| (true, k % 3 == 0, "completed"),
            9,
            Positive,
            "店铺只给大额订单开票，9张申请中6张未开（电子商务法 第十四条）",
        ),
        (
            MALL,
            ("silkinv", "真丝坊"),
            ("真丝 睡衣 套装", "服饰/睡衣", 59_900),
            |_| (true, true, "completed"),
            9,
            Negative,
            "9张申请全部开具（电子商务法 第十四条）",
        ),
        (
            LOCAL,
            ("fishinv", "海鲜礼品"),
            ("海鲜 礼盒 年货", "生鲜/海鲜/礼盒", 39_800),
            |_| (true, false, "refunded"),
            7,
            Negative,
            "申请发票的7张订单都已全额退款，交易不存在，无需开票（电子商务法 第十四条）",
        ),
        (
            MALL,
            ("honeyinv", "蜂农合作社"),
            ("蜂巢蜜 盒装 500g", "食品/蜂蜜", 8_800),
            |_| (false, false, "completed"),
            20,
            Negative,
            "20张订单没有人申请发票（电子商务法 第十四条）",
        ),
    ];
    for (platform, shop, (title, category, price), pattern, n, label, why) in asks {
        let l = counter(
            city,
            rng,
            platform,
            shop,
            (title, category, "general", price),
        );
        for k in 0..n {
            let (requested, issued, status) = pattern(k);
            let day = 10 + 4 * k as i64;
            let buyer = rng.hex64();
            let mut row = KIT.sale(rng, &l, order_no, day, 41_000, price, 1, &buyer, status);
            row["invoice_requested"] = json!(requested);
            row["invoice_issued"] = json!(issued);
            if status == "refunded" {
                row["refunded_at"] = json!(at(day + 2, 30_000));
            }
            city.add(platform, "orders", row);
        }
        KIT.t_subject(
            city,
            INVOICES,
            "merchant",
            platform,
            &l.merchant,
            label,
            why,
        );
    }
}

/// A complainant's letters: how many, days between, channel, kind, demand, amount claimed, the
/// price of each purchase, the text (`{}` for the shop), real name, against so many shops, whether
/// each letter follows a purchase, and the label.
struct Letters {
    count: usize,
    every: i64,
    channel: &'static str,
    kind: &'static str,
    demand: &'static str,
    amount: i64,
    /// What each purchase cost.
    paid: i64,
    /// The goods bought or complained of: title and category.
    goods: (&'static str, &'static str),
    text: &'static str,
    real_name: bool,
    shops: usize,
    bought: bool,
    label: Label,
    why: &'static str,
}

/// Complainants: three who buy to claim, three with real grievances.
pub(super) fn complainers(city: &mut City, rng: &mut Rng, order_no: &mut u64) {
    let cases = [
        Letters {
            count: 14,
            every: 1,
            channel: "12315_app",
            kind: "complaint",
            demand: "punitive_compensation",
            amount: 100_000,
            paid: 5_900,
            goods: ("光固化树脂 1kg 灰色", "数码/3D打印耗材"),
            text: "在{}购买3D打印树脂，无中文標簽，依据食安法?消法要求赔偿1000元，不赔就举报",
            real_name: false,
            shops: 14,
            bought: true,
            label: Positive,
            why: "三周内向14家店铺就同一「无中文标签」理由各索赔1000元，文本只换店名，先买后诉（消费者权益保护法实施条例 第四十八条第二款）",
        },
        Letters {
            count: 11,
            every: 1,
            channel: "12315_web",
            kind: "complaint",
            demand: "punitive_compensation",
            amount: 39_900,
            paid: 3_990,
            goods: ("土蜂蜜 500g 瓶装", "食品/蜂蜜"),
            text: "{}的标签把「蜂蜜」写成「峰蜜」，属于欺诈，要求退一赔十",
            real_name: false,
            shops: 11,
            bought: true,
            label: Positive,
            why: "11天内就同一错别字向11家蜂蜜店要求十倍赔偿，借标签瑕疵牟利（消费者权益保护法实施条例 第四十八条第二款）",
        },
        Letters {
            count: 12,
            every: 2,
            channel: "hotline",
            kind: "complaint",
            demand: "punitive_compensation",
            amount: 100_000,
            paid: 3_900,
            goods: ("龙井 试饮装 50g", "茶叶/绿茶"),
            text: "{} 卖过期茶 yyds 职业 jdb 退1赔10 min 1000",
            real_name: false,
            shops: 12,
            bought: true,
            label: Positive,
            why: "用缩写模板向12家茶叶店各买39元后主张退一赔十、最低1000元，属以索赔牟利（消费者权益保护法实施条例 第四十八条第二款）",
        },
        Letters {
            count: 5,
            every: 9,
            channel: "12315_app",
            kind: "complaint",
            demand: "refund",
            amount: 3_300,
            paid: 3_300,
            goods: ("轮渡 单程票", "本地生活/轮渡"),
            text: "{}的轮渡又停航了，没有通知，要求退33元票款",
            real_name: true,
            shops: 1,
            bought: false,
            label: Negative,
            why: "对同一家轮渡公司五次停航各要求退回实付票款，是真实纠纷（消费者权益保护法 第三十九条）",
        },
        Letters {
            count: 9,
            every: 5,
            channel: "12315_web",
            kind: "report",
            demand: "investigate",
            amount: 0,
            paid: 9_900,
            goods: ("3D打印 仿真 模型 摆件", "模玩/3D打印"),
            text: "举报{}无证销售3D打印仿真枪械模型，请依法查处",
            real_name: true,
            shops: 9,
            bought: false,
            label: Negative,
            why: "实名举报九家店销售仿真枪模型，只要求查处，不要钱（市场监督管理投诉举报处理暂行办法 第三条）",
        },
        Letters {
            count: 6,
            every: 9,
            channel: "12315_web",
            kind: "complaint",
            demand: "exchange",
            amount: 12_800,
            paid: 12_800,
            goods: ("真丝 抱枕套", "家纺/抱枕"),
            text: "在{}买的商品有质量问题，要求换货",
            real_name: true,
            shops: 6,
            bought: true,
            label: Negative,
            why: "两个月里对六家店各一次质量投诉，只要求换货，金额即实付（消费者权益保护法 第二十四条）",
        },
    ];
    for (c, case) in cases.iter().enumerate() {
        let person = rng.hex64();
        let platform = [MALL, LOCAL][c % 2];
        let mut targets: Vec<Listing> = Vec::new();
        for s in 0..case.shops {
            targets.push(counter(
                city,
                rng,
                platform,
                (&format!("cx{c}s{s}"), &format!("被诉{c}号{s}店")),
                (case.goods.0, case.goods.1, "general", case.paid),
            ));
        }
        for k in 0..case.count {
            let target = &targets[k % targets.len()];
            let day = 8 + case.every * k as i64;
            let order_id: Value = if case.bought {
                let row = KIT.sale(
                    rng,
                    target,
                    order_no,
                    day - 1,
                    60_000,
                    target.price,
                    1,
                    &person,
                    "completed",
                );
                let id = row["order_id"].clone();
                city.add(platform, "orders", row);
                id
            } else {
                Value::Null
            };
            let name = format!("被诉{c}号{}店", k % targets.len());
            city.add(
                "12315",
                "complaints",
                json!({
                    "complaint_id": format!("h8-c{c}-{k}"), "channel": case.channel,
                    "received_at": at(day, 35_000 + 1_000 * k as i64), "complainant_pid": person,
                    "kind": case.kind, "platform_id": platform, "merchant_id": target.merchant,
                    "respondent_uscc": null, "respondent_name": name, "order_id": order_id,
                    "text": case.text.replace("{}", &name), "amount_fen": case.amount,
                    "demand": case.demand, "real_name": case.real_name,
                }),
            );
        }
        KIT.t_person(city, SERIAL, &person, case.label, case.why);
    }
}
