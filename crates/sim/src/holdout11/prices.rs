//! Pricing cases: compared prices judged against the lowest completed sale of the seven days
//! before the comparison, with the lower sale on the window's first day, one yuan under the
//! compared price, on the eighth day or cancelled (明码标价和禁止价格欺诈规定 第十六条); raises
//! behind a "5折" that still ends below the old price, and a discount measured from the old
//! price (第十七条); search pages below the detail page, a removal fee added at checkout, a
//! "from" price, a member's own price and a price change at midnight (第十九条、第二十条); three-hour
//! countdowns and weekend deadlines that restart, a real daily half-hour window (第十九条);
//! regulars charged more, a random draw, a new-user price and paired probes that differ only by
//! district (浙江省电子商务条例 第十四条); sales under cost, at cost and for two days under cost
//! (价格法 第十四条); platforms that force prices under cost (反不正当竞争法（2025）第十四条).

use serde_json::json;

use super::{HOUSE, KIT, LIVE, LOCAL, MALL, Stamp, restamp_last, stamp};
use crate::city::{City, Listing, date};
use crate::kit::house::month_day;
use crate::kit::{Obs, Shop};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative, Positive};

/// One sale of a unit of `l` to `buyer` at China-time (`day`, `second`), its order time written
/// as `style`; a cancelled order was never paid.
#[allow(clippy::too_many_arguments)]
pub(crate) fn sale(
    city: &mut City,
    rng: &mut Rng,
    l: &Listing,
    order_no: &mut u64,
    (day, second): (i64, i64),
    price: i64,
    buyer: &str,
    (status, style): (&str, Stamp),
) {
    let mut row = KIT.sale(rng, l, order_no, day, second, price, 1, buyer, status);
    row["ordered_at"] = json!(stamp(style, day, second));
    row["paid_at"] = if status == "cancelled" {
        json!(null)
    } else {
        json!(stamp(style, day, second + 47))
    };
    city.add(l.platform, "orders", row);
}

/// A price display, its time written as `style`.
pub(crate) fn display(city: &mut City, rng: &mut Rng, l: &Listing, o: &Obs<'_>, style: Stamp) {
    KIT.show(city, rng, l, o);
    if style != Stamp::Local {
        let when = stamp(style, o.day, o.second);
        restamp_last(city, l.platform, "price_observations", "observed_at", when);
    }
}

/// A run of sales: days, first and last second of day, price shown, price paid, sales a day and
/// how their times are written.
pub(crate) type Run = (std::ops::Range<i64>, (i64, i64), i64, i64, i64, Stamp);

/// Sells `l` through `runs`, showing each day's price on the detail page at the run's first
/// second (with the payable after the shop's offer when one applies).
fn run(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    l: &Listing,
    order_no: &mut u64,
    runs: &[Run],
) {
    for (days, (from, to), shown, paid, n, style) in runs {
        for d in days.clone() {
            let offer = paid < shown;
            display(
                city,
                rng,
                l,
                &Obs {
                    day: d,
                    second: *from,
                    shown: *shown,
                    payable: Some(*paid),
                    promo: if offer { "coupon" } else { "none" },
                    label: offer.then_some("店铺满减券 结算自动抵扣"),
                    ..KIT.obs()
                },
                Stamp::Local,
            );
            for _ in 0..*n {
                let second = rng.range(*from, *to);
                let buyer = rng.pick(buyers).clone();
                let style = match style {
                    Stamp::Millis(_) => Stamp::Millis(rng.range(1, 999)),
                    other => *other,
                };
                sale(
                    city,
                    rng,
                    l,
                    order_no,
                    (d, second),
                    *paid,
                    &buyer,
                    ("completed", style),
                );
            }
        }
    }
}

/// One compared-price case: the usual runs, single sales (day, second, price, status, style),
/// and the display (day, shown, compared price, kind, label).
struct Compared {
    shop: (&'static str, &'static str, &'static str),
    title: &'static str,
    price: i64,
    runs: &'static [Run],
    singles: &'static [(i64, i64, i64, &'static str, Stamp)],
    display: (i64, i64, i64, &'static str, &'static str),
    label: Label,
    why: &'static str,
}

const COMPARED: &[Compared] = &[
    Compared {
        shop: (MALL, "wine1", "澜庭酒窖"),
        title: "波尔多AOC 干红葡萄酒 750ml×6 整箱",
        price: 59_900,
        runs: &[(18..40, (39_000, 75_000), 59_900, 59_900, 1, Stamp::Local)],
        singles: &[
            (33, 78_010, 52_900, "completed", Stamp::Millis(120)),
            (33, 78_950, 52_900, "completed", Stamp::Millis(640)),
            (33, 79_790, 52_900, "completed", Stamp::Millis(905)),
        ],
        display: (40, 54_900, 59_900, "previous_price", "原价599 到手549"),
        label: Positive,
        why: "第33日（第40日比较前七日的第一天）21:40后满减成交3笔529元，划线“原价599”高于前七日内最低成交价529，第十六条",
    },
    Compared {
        shop: (MALL, "bike1", "风驰公路车"),
        title: "碳纤维公路车 R7100 22速 52cm",
        price: 1_299_900,
        runs: &[(
            18..39,
            (36_000, 70_000),
            1_299_900,
            1_299_900,
            1,
            Stamp::Local,
        )],
        singles: &[
            (31, 86_310, 1_099_900, "completed", Stamp::Utc),
            (35, 40_020, 1_099_900, "cancelled", Stamp::Local),
        ],
        display: (
            39,
            1_149_900,
            1_299_900,
            "previous_price",
            "原价12999 冬训价11499",
        ),
        label: Negative,
        why: "10999元的成交在第31日23:58（UTC书写为15:58Z），是第39日比较前的第八日；第35日的10999元订单已取消、未成交；前七日最低成交价12999，比较价不高于它，第十六条",
    },
    Compared {
        shop: (MALL, "scent1", "闻香研究所"),
        title: "木质调淡香水 EDT 100ml",
        price: 72_900,
        runs: &[
            (20..35, (40_000, 76_000), 72_900, 72_900, 1, Stamp::Local),
            (35..38, (40_000, 76_000), 72_900, 68_900, 2, Stamp::Local),
            (38..41, (40_000, 76_000), 72_900, 72_900, 1, Stamp::Local),
        ],
        singles: &[],
        display: (41, 65_900, 69_000, "previous_price", "原价690 限时659"),
        label: Positive,
        why: "第35—37日用券后成交689元，比较价“原价690”只高出1元，但仍高于前七日内最低成交价689，第十六条",
    },
    Compared {
        shop: (MALL, "proj1", "光影投影"),
        title: "家用投影仪 1080P 自动对焦 自动梯形校正",
        price: 349_900,
        runs: &[(18..40, (36_000, 60_000), 349_900, 349_900, 1, Stamp::Utc)],
        singles: &[],
        display: (40, 299_900, 349_900, "unspecified", "划线价3499"),
        label: Negative,
        why: "前七日每天以3499成交（订单时间以UTC书写），未说明依据的划线价3499等于前七日内最低成交价，不高于它，第十六条",
    },
    Compared {
        shop: (LOCAL, "vac1", "净界扫地机"),
        title: "扫拖一体机器人 自动集尘 上门安装",
        price: 229_900,
        runs: &[(12..30, (30_000, 68_000), 199_900, 199_900, 1, Stamp::Local)],
        singles: &[],
        display: (39, 189_900, 229_900, "previous_price", "原价2299 今日1899"),
        label: Positive,
        why: "第32—38日没有成交，此前最后一次成交（第29日）价格1999，“原价2299”高于比较前最后一次交易价格，第十六条第二款",
    },
    Compared {
        shop: (MALL, "amber1", "波罗的海琥珀"),
        title: "波罗的海 琥珀蜜蜡 手串 12mm",
        price: 88_800,
        runs: &[(18..40, (42_000, 80_000), 79_900, 79_900, 1, Stamp::Local)],
        singles: &[],
        display: (
            40,
            79_900,
            88_800,
            "other_disclosed",
            "划线价为本店2026年8月1日—31日平均成交价，逐笔明细见详情页",
        ),
        label: Negative,
        why: "比较价标明了被比较价格的详细信息（8月平均成交价，附明细），不适用前七日最低成交价的推定，第十六条",
    },
    Compared {
        shop: (LIVE, "toy1", "潮玩星球"),
        title: "潮玩盲盒 星际系列 整盒12只",
        price: 82_800,
        runs: &[(20..42, (50_000, 70_000), 82_800, 82_800, 1, Stamp::Local)],
        singles: &[
            (39, 75_640, 69_900, "completed", Stamp::Millis(31)),
            (39, 76_020, 69_900, "completed", Stamp::Millis(477)),
            (39, 76_515, 69_900, "completed", Stamp::Millis(802)),
            (39, 77_290, 69_900, "completed", Stamp::Millis(999)),
        ],
        display: (41, 74_900, 82_800, "unspecified", "划线价¥828"),
        label: Positive,
        why: "第39日21:00—21:30直播秒杀成交4笔699元（时间带毫秒），未说明依据的划线价828高于前七日内最低成交价699，第十六条",
    },
    Compared {
        shop: (LOCAL, "floss1", "清齿冲牙器"),
        title: "便携冲牙器 4档 IPX7 防水",
        price: 29_900,
        runs: &[(18..40, (36_000, 72_000), 29_900, 29_900, 1, Stamp::Local)],
        singles: &[],
        display: (
            40,
            29_900,
            39_900,
            "rrp",
            "厂商建议零售价399元（2026年10月厂商价目表）",
        ),
        label: Negative,
        why: "比较价明示为厂商建议零售价并注明价目表，第十六条第三款",
    },
];

/// The compared-price cases (第十六条).
pub(crate) fn compared(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    for c in COMPARED {
        let (platform, tag, name) = c.shop;
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, c.title, "综合/比价", "general", c.price);
        run(city, rng, buyers, &l, order_no, c.runs);
        for &(day, second, price, status, style) in c.singles {
            let buyer = rng.pick(buyers).clone();
            sale(
                city,
                rng,
                &l,
                order_no,
                (day, second),
                price,
                &buyer,
                (status, style),
            );
        }
        let (day, shown, reference, kind, label) = c.display;
        display(
            city,
            rng,
            &l,
            &Obs {
                day,
                second: 41_230,
                shown,
                reference: Some(reference),
                kind: Some(kind),
                promo: "discount",
                label: Some(label),
                ..KIT.obs()
            },
            Stamp::Local,
        );
        KIT.t_listing(city, crate::kit::rules::REFERENCE, &l, c.label, c.why);
    }
}

const RAISE: &str = "price_fraud.raise_then_discount";

/// One raise case: shop, title, class, price steps (day, second, price), whether anything sold
/// at a raised price, the discount's first day and what it shows (price, compared price, label),
/// label and why.
struct Raise {
    shop: (&'static str, &'static str, &'static str),
    title: &'static str,
    class: &'static str,
    steps: &'static [(i64, i64, i64)],
    sold_raised: bool,
    from: i64,
    shows: (i64, Option<i64>, &'static str),
    label: Label,
    why: &'static str,
}

const RAISES: &[Raise] = &[
    Raise {
        shop: (MALL, "glove1", "铁拳装备"),
        title: "拳击手套 真皮 12oz",
        class: "general",
        steps: &[(-30, 0, 39_900), (29, 86_398, 49_900)],
        sold_raised: true,
        from: 31,
        shows: (39_900, Some(49_900), "原价499 直降100"),
        label: Positive,
        why: "第29日23:59:58把标价从399提到499，两天后以499为原价“直降100”，折后价就是提价前的价格，第十七条",
    },
    Raise {
        shop: (LOCAL, "ejiao1", "东阿古坊"),
        title: "阿胶糕 即食 500g 礼盒",
        class: "food",
        steps: &[(-30, 0, 25_800), (35, 50_220, 49_800)],
        sold_raised: false,
        from: 37,
        shows: (24_900, Some(49_800), "原价498 限时5折 到手249"),
        label: Positive,
        why: "第35日把258的阿胶糕提到498（无一笔成交），两天后标“原价498 5折”，到手249虽比提价前低9元，实际只降了3.5%，以临时提价虚构折扣，第十七条；第十九条第三项",
    },
    Raise {
        shop: (MALL, "vac2", "净界扫地机"),
        title: "扫地机器人 激光导航 基站款",
        class: "general",
        steps: &[(-30, 0, 279_900), (34, 30_000, 329_900)],
        sold_raised: false,
        from: 40,
        shows: (279_900, Some(329_900), "原价3299 直降500"),
        label: Positive,
        why: "第34日提价到3299后六天无人购买，第40日起以3299为原价“直降500”回到2799，以临时提价作折扣基准，第十七条",
    },
    Raise {
        shop: (MALL, "bike2", "风驰公路车"),
        title: "铝合金公路车 105套件 22速",
        class: "general",
        steps: &[(-30, 0, 459_900), (8, 36_000, 499_900)],
        sold_raised: true,
        from: 36,
        shows: (469_900, Some(499_900), "冬训特惠 原价4999"),
        label: Negative,
        why: "第8日因配件涨价调到4999后按此价持续成交28天，原价4999是真实的成交价，不是折扣前临时提价（明码标价和禁止价格欺诈规定 第十七条）",
    },
    Raise {
        shop: (LOCAL, "swim1", "浪里白条游泳馆"),
        title: "成人游泳 10次卡",
        class: "general",
        steps: &[(-30, 0, 99_900), (33, 32_400, 119_900)],
        sold_raised: true,
        from: 36,
        shows: (89_900, Some(99_900), "原价999（调价前） 今日899"),
        label: Negative,
        why: "第33日调价到1199，但第36日的折扣以调价前的999为基准并如实注明，基准不是提高后的价格，且不高于前七日内最低成交价，第十七条",
    },
    Raise {
        shop: (MALL, "scent2", "闻香研究所"),
        title: "香水小样 套装 5×10ml",
        class: "general",
        steps: &[(-30, 0, 15_900), (30, 36_000, 17_900)],
        sold_raised: true,
        from: 32,
        shows: (17_900, None, "新价179（原料涨价）"),
        label: Negative,
        why: "只是涨价并标明新价，没有划线价、没有折扣，不存在以提价作折扣基准，第十七条",
    },
];

/// Raises before a discount (第十七条), and three that are not.
pub(crate) fn raised(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    for r in RAISES {
        let (platform, tag, name) = r.shop;
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let base = r.steps[0].2;
        let l = HOUSE.goods(city, &mut shop, r.title, "综合/折扣", r.class, base);
        let price_at = |d: i64, s: i64| {
            r.steps
                .iter()
                .rev()
                .find(|&&(day, second, _)| (day, second) <= (d, s))
                .map_or(base, |st| st.2)
        };
        for d in 0..r.from {
            KIT.plain(city, rng, &l, d, price_at(d, 43_200));
            let second = rng.range(29_000, 80_000);
            let price = price_at(d, second);
            if price > base && !r.sold_raised {
                continue;
            }
            let buyer = rng.pick(buyers).clone();
            sale(
                city,
                rng,
                &l,
                order_no,
                (d, second),
                price,
                &buyer,
                ("completed", Stamp::Local),
            );
        }
        // The raise itself, shown at the moment it took effect (milliseconds written).
        if let Some(&(day, second, price)) = r.steps.get(1) {
            display(
                city,
                rng,
                &l,
                &Obs {
                    day,
                    second,
                    shown: price,
                    ..KIT.obs()
                },
                Stamp::Millis(250),
            );
        }
        let (shown, reference, label) = r.shows;
        for d in r.from..r.from + 5 {
            display(
                city,
                rng,
                &l,
                &Obs {
                    day: d,
                    shown,
                    reference,
                    kind: reference.map(|_| "previous_price"),
                    promo: if reference.is_some() {
                        "discount"
                    } else {
                        "none"
                    },
                    label: Some(label),
                    ..KIT.obs()
                },
                Stamp::Local,
            );
            let buyer = rng.pick(buyers).clone();
            let second = rng.range(36_000, 72_000);
            sale(
                city,
                rng,
                &l,
                order_no,
                (d, second),
                shown,
                &buyer,
                ("completed", Stamp::Local),
            );
        }
        KIT.t_listing(city, RAISE, &l, r.label, r.why);
    }
}

const BAIT: &str = "price_fraud.bait_price";

/// One page view: page, seconds after the first view, price shown, payable, label, segment.
type View = (
    &'static str,
    i64,
    i64,
    i64,
    Option<&'static str>,
    &'static str,
);

/// What viewer `k` sees, in order.
type Path = fn(i64) -> Vec<View>;

fn search_below_detail(_: i64) -> Vec<View> {
    vec![
        (
            "search",
            0,
            199_900,
            199_900,
            Some("投影仪 1999"),
            "unknown",
        ),
        ("detail", 45, 229_900, 229_900, None, "unknown"),
        ("checkout", 130, 229_900, 229_900, None, "unknown"),
    ]
}

fn removal_fee_at_checkout(_: i64) -> Vec<View> {
    vec![
        ("home", 0, 3_900, 3_900, Some("单色美甲 39"), "unknown"),
        ("detail", 38, 3_900, 3_900, Some("单色美甲 39"), "unknown"),
        ("checkout", 95, 5_900, 5_900, None, "unknown"),
    ]
}

fn live_below_cart(_: i64) -> Vec<View> {
    vec![
        ("live", 0, 19_900, 19_900, Some("直播间到手199"), "unknown"),
        ("cart", 70, 26_900, 26_900, None, "unknown"),
        ("checkout", 140, 26_900, 26_900, None, "unknown"),
    ]
}

fn from_price_by_size(k: i64) -> Vec<View> {
    let price = if k % 2 == 0 { 699_900 } else { 749_900 };
    vec![
        (
            "search",
            0,
            699_900,
            699_900,
            Some("¥6999起（48cm车架）"),
            "unknown",
        ),
        ("detail", 52, price, price, None, "unknown"),
        ("checkout", 160, price, price, None, "unknown"),
    ]
}

fn members_own_price(k: i64) -> Vec<View> {
    let (price, label, segment) = if k % 2 == 0 {
        (8_900, Some("会员价89"), "member")
    } else {
        (9_900, None, "returning")
    };
    vec![
        ("search", 0, price, price, label, segment),
        ("detail", 41, price, price, label, segment),
        ("checkout", 118, price, price, None, segment),
    ]
}

fn change_at_midnight(_: i64) -> Vec<View> {
    // The first view at 23:50, the next two after midnight, when the announced price applies.
    vec![
        (
            "home",
            0,
            8_900,
            8_900,
            Some("古琴体验课89（11月17日0点起99）"),
            "unknown",
        ),
        ("detail", 1_200, 9_900, 9_900, None, "unknown"),
        ("checkout", 1_290, 9_900, 9_900, None, "unknown"),
    ]
}

/// Bait prices (第十九条第二项、第二十条第一项) and three lawful differences between pages.
pub(crate) fn baits(city: &mut City, rng: &mut Rng) {
    type Bait = (
        (&'static str, &'static str, &'static str),
        &'static str,
        Path,
        bool,
        Label,
        &'static str,
    );
    const CASES: &[Bait] = &[
        (
            (MALL, "proj2", "光影投影"),
            "投影仪 4K 三色激光",
            search_below_detail,
            false,
            Positive,
            "搜索页标示1999，同一观看者45秒后进入详情页为2299、结算2299，搜索页价格低于详情页，第二十条第一项",
        ),
        (
            (LOCAL, "nail1", "指尖美甲"),
            "单色美甲 手部 含修型",
            removal_fee_at_checkout,
            false,
            Positive,
            "首页和详情页均标39元，结算时自动加收未标示的20元卸甲费按59元结算，以低价招揽、高价结算，第十九条第二项、第六项",
        ),
        (
            (LIVE, "amber2", "琥珀直播间"),
            "琥珀 手串 直播款",
            live_below_cart,
            false,
            Positive,
            "直播间标示“到手199”，加入购物车和结算均为269，第十九条第二项；第二十条",
        ),
        (
            (MALL, "bike3", "风驰公路车"),
            "公路车 整车 48/52/54cm 可选",
            from_price_by_size,
            false,
            Negative,
            "搜索页“6999起”是48cm车架的真实价格，选48cm的观看者结算即付6999，选54cm的付7499，起价标明了规格，第二十条",
        ),
        (
            (LOCAL, "swim2", "浪里白条游泳馆"),
            "儿童游泳 体验课 1次",
            members_own_price,
            false,
            Negative,
            "会员看到的会员价89与其结算价一致，非会员在各页面都看到99，每位观看者的首个页面价格都等于其结算价，第二十条",
        ),
        (
            (LOCAL, "qin1", "听松古琴"),
            "古琴 体验课 1小时",
            change_at_midnight,
            true,
            Negative,
            "首页23:50标89并写明“11月17日0点起99”，0点调价后详情和结算为99（UTC书写为前一日16:10Z）；同一时刻各页面价格一致，调价事先公示，第二十条",
        ),
    ];
    for &((platform, tag, name), title, path, midnight, label, why) in CASES {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let views = path(0);
        let list_price = views.last().map_or(0, |v| v.2);
        let l = HOUSE.goods(city, &mut shop, title, "综合/导购", "general", list_price);
        for k in 0..6i64 {
            let viewer = rng.hex64();
            let (day, first) = if midnight {
                (32, 85_800 + 7 * k)
            } else {
                (27 + 2 * k, 40_100 + 1_913 * k)
            };
            for (page, after, shown, payable, label, segment) in path(k) {
                let second = first + after;
                let (d, s) = (day + second / 86_400, second % 86_400);
                let style = if midnight && d > day {
                    Stamp::Utc
                } else {
                    Stamp::Local
                };
                display(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: d,
                        second: s,
                        page,
                        shown,
                        payable: Some(payable),
                        promo: match (label, segment) {
                            (Some(_), "member") => "member",
                            (Some(_), _) => "discount",
                            _ => "none",
                        },
                        label,
                        viewer: Some(&viewer),
                        segment,
                        device: if page == "live" {
                            "ios"
                        } else {
                            "mini_program"
                        },
                        ..KIT.obs()
                    },
                    style,
                );
            }
        }
        KIT.t_listing(city, BAIT, &l, label, why);
    }
}

const LIMIT: &str = "price_fraud.fake_time_limit";

/// How a time-limit case shows its deal on day `d`: the seconds it shows it at (none: a plain
/// day at the usual price).
type Schedule = fn(i64) -> Vec<i64>;

fn nightly(_: i64) -> Vec<i64> {
    vec![72_000]
}

fn every_three_hours(_: i64) -> Vec<i64> {
    vec![32_400, 43_200, 54_000, 64_800]
}

/// Friday to Sunday (day 0 is a Thursday).
fn weekends(d: i64) -> Vec<i64> {
    if (d + 3).rem_euclid(7) >= 4 {
        vec![61_200]
    } else {
        Vec::new()
    }
}

fn ten_oclock(_: i64) -> Vec<i64> {
    vec![36_000]
}

fn all_day(_: i64) -> Vec<i64> {
    vec![30_000, 50_000, 70_000]
}

/// Time limits that restart or never end (第十九条第三项、第四项), and three that end.
pub(crate) fn limits(city: &mut City, rng: &mut Rng) {
    type Limit = (
        (&'static str, &'static str, &'static str),
        &'static str,
        (i64, i64),
        String,
        (std::ops::Range<i64>, Schedule, Option<i64>),
        (i64, Stamp),
        Label,
        &'static str,
    );
    let cases: Vec<Limit> = vec![
        (
            (LIVE, "toy2", "潮玩星球"),
            "盲盒 单只 隐藏款概率1/144",
            (8_900, 6_900),
            "限时抢购 今晚24点截止 明日恢复89".to_string(),
            (22..39, nightly, None),
            (6_900, Stamp::Local),
            Positive,
            "连续17天每晚都标“今晚24点截止 明日恢复89”，次日从未恢复，仍卖69，期限是虚构的，第十九条第四项",
        ),
        (
            (MALL, "ejiao2", "东阿古坊"),
            "阿胶块 250g 铁盒",
            (29_800, 19_800),
            "⏰仅剩3小时 恢复298".to_string(),
            (25..36, every_three_hours, None),
            (19_800, Stamp::Millis(500)),
            Positive,
            "11天里每天09:00、12:00、15:00、18:00各显示一次“仅剩3小时”，倒计时每三小时重来，其后仍卖198，第十九条第三项、第四项",
        ),
        (
            (LOCAL, "box1", "铁拳拳馆"),
            "拳击私教课 10节",
            (128_000, 98_000),
            "本周日截止 下周一恢复原价1280".to_string(),
            (15..50, weekends, None),
            (98_000, Stamp::Utc),
            Positive,
            "五个周末都标“本周日截止 下周一恢复原价1280”，每个周一照旧卖980（展示时间以UTC书写），期限从未兑现，第十九条第四项",
        ),
        (
            (MALL, "wine2", "澜庭酒窖"),
            "甜白葡萄酒 375ml 双支",
            (32_800, 26_800),
            format!("限时3天 {}—{}", month_day(42), month_day(44)),
            (42..45, all_day, Some(32_800)),
            (26_800, Stamp::Local),
            Negative,
            "标明三天（第42—44日），第45日零点起恢复328，期限真实兑现，第十九条",
        ),
        (
            (MALL, "vac3", "净界扫地机"),
            "扫地机 入门款 随机路径",
            (99_900, 79_900),
            "整点秒杀 每天10:00—10:30".to_string(),
            (20..41, ten_oclock, Some(99_900)),
            (99_900, Stamp::Local),
            Negative,
            "每天10:00—10:30的秒杀价只在这半小时显示，10:30起恢复999，是真实重复的限时价，第十九条",
        ),
        (
            (MALL, "scent3", "闻香研究所"),
            "花香调香水 50ml 双十一限定",
            (69_900, 55_900),
            format!("双十一当天 仅{}", month_day(27)),
            (27..28, all_day, Some(69_900)),
            (55_900, Stamp::Local),
            Negative,
            "11月11日（第27日）当天显示限时价，第28日起恢复699，期限真实，第十九条",
        ),
    ];
    for (
        (platform, tag, name),
        title,
        (price, deal),
        label,
        (days, schedule, after),
        (during, style),
        truth,
        why,
    ) in cases
    {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "综合/限时", "general", price);
        for d in days.clone() {
            let seconds = schedule(d);
            if seconds.is_empty() {
                display(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: d,
                        shown: during,
                        ..KIT.obs()
                    },
                    style,
                );
                continue;
            }
            for s in seconds {
                display(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: d,
                        second: s,
                        shown: deal,
                        reference: Some(price),
                        kind: Some("previous_price"),
                        promo: "flash_sale",
                        label: Some(label.as_str()),
                        ..KIT.obs()
                    },
                    style,
                );
                // What the page shows half an hour later.
                display(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: d,
                        second: (s + 1_800).min(86_300),
                        shown: during,
                        ..KIT.obs()
                    },
                    style,
                );
            }
        }
        for d in days.end..days.end + 3 {
            display(
                city,
                rng,
                &l,
                &Obs {
                    day: d,
                    shown: after.unwrap_or(during),
                    ..KIT.obs()
                },
                style,
            );
        }
        KIT.t_listing(city, LIMIT, &l, truth, why);
    }
}

const SURCHARGE: &str = "price_discrimination.loyalty_surcharge";

/// What a viewer with so many orders in 90 days, on a device, in a district, with a draw from
/// the platform's random promotion, is offered: (shown, payable, promo, label, segment).
type Offer =
    fn(i64, &str, &str, u64) -> (i64, i64, &'static str, Option<&'static str>, &'static str);

fn segment_of(orders: i64) -> &'static str {
    if orders > 0 { "returning" } else { "new" }
}

/// Regulars with four or more orders pay 12 more for the same ten lessons.
fn regulars_pay_more(
    orders: i64,
    _: &str,
    _: &str,
    _: u64,
) -> (i64, i64, &'static str, Option<&'static str>, &'static str) {
    if orders >= 4 {
        (26_800, 26_800, "none", None, "returning")
    } else {
        (25_600, 25_600, "none", None, segment_of(orders))
    }
}

/// Frequent iPhone users pay more for the same escort.
fn frequent_iphone(
    orders: i64,
    device: &str,
    _: &str,
    _: u64,
) -> (i64, i64, &'static str, Option<&'static str>, &'static str) {
    if orders >= 10 && device == "ios" {
        (22_400, 22_400, "none", None, "returning")
    } else {
        (19_900, 19_900, "none", None, segment_of(orders))
    }
}

/// A published random cut, drawn per view, whatever the history.
fn random_cut(
    orders: i64,
    _: &str,
    _: &str,
    draw: u64,
) -> (i64, i64, &'static str, Option<&'static str>, &'static str) {
    let cut = [0, 300, 500, 1_000][(draw % 4) as usize];
    (
        5_900,
        5_900 - cut,
        "random_draw",
        Some("随机立减0—10元 每人每日一次 规则已公示"),
        segment_of(orders),
    )
}

/// New users' first order within 30 days of registering.
fn new_users(
    orders: i64,
    _: &str,
    _: &str,
    _: u64,
) -> (i64, i64, &'static str, Option<&'static str>, &'static str) {
    if orders == 0 {
        (
            6_900,
            4_900,
            "new_user",
            Some("新人首单价 注册30天内有效"),
            "new",
        )
    } else {
        (6_900, 6_900, "none", None, "returning")
    }
}

/// Differences by history, device and draw over twelve days, 20 drawn viewers a day
/// (浙江省电子商务条例 第十四条), then paired probes.
pub(crate) fn surcharges(city: &mut City, rng: &mut Rng) {
    type Case = (
        (&'static str, &'static str, &'static str),
        &'static str,
        Offer,
        Label,
        &'static str,
    );
    const CASES: &[Case] = &[
        (
            (LOCAL, "swim3", "浪里白条游泳馆"),
            "成人蛙泳 10节课",
            regulars_pay_more,
            Positive,
            "同一课程、同一时段，近90天下单4次以上的老客结算268，其余观看者256，按交易历史加价12元，第十四条",
        ),
        (
            (LOCAL, "escort1", "安心陪诊"),
            "三甲医院 半日陪诊",
            frequent_iphone,
            Positive,
            "近90天下单10次以上且使用iPhone的观看者结算224，其他人199，以消费习惯和设备差别定价，交易条件相同，第十四条；平台经济反垄断指南 第十七条",
        ),
        (
            (LIVE, "toy3", "潮玩星球"),
            "盲盒 直播专享 单只",
            random_cut,
            Negative,
            "随机立减按公示规则对每次浏览随机抽取，与下单次数、设备无关，属公平规则下的随机交易，第十四条",
        ),
        (
            (LOCAL, "swim4", "浪里白条游泳馆"),
            "游泳 单次票 早场",
            new_users,
            Negative,
            "注册30天内的新用户首单价49对所有新用户一致，属合理期限内的新用户优惠，第十四条",
        ),
    ];
    const DEVICES: &[&str] = &["ios", "android", "mini_program", "ios", "mobile_web"];
    for &((platform, tag, name), title, offer, truth, why) in CASES {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(
            city,
            &mut shop,
            title,
            "生活服务",
            "general",
            offer(1, "android", "330106", 0).0,
        );
        for d in 30..42 {
            for k in 0..20i64 {
                let orders = rng.range(0, 16);
                let device = DEVICES[((k * 3 + d) % 5) as usize];
                let draw = rng.below(1_000);
                let (shown, payable, promo, label, segment) = offer(orders, device, "330106", draw);
                display(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: d,
                        second: 30_600 + 1_307 * k,
                        page: "checkout",
                        shown,
                        payable: Some(payable),
                        promo,
                        label,
                        segment,
                        orders_90d: Some(orders),
                        device,
                        adcode: ["330106", "330110", "330105"][(k % 3) as usize],
                        ..KIT.obs()
                    },
                    if k % 5 == 0 { Stamp::Utc } else { Stamp::Local },
                );
            }
        }
        KIT.t_listing(city, SURCHARGE, &l, truth, why);
    }
    probes(city, rng);
}

/// The regulator's paired probe accounts (神秘买家): a heavy and a light account view the same
/// listing within a minute, on one device type, in one district, six times.
fn probes(city: &mut City, rng: &mut Rng) {
    type Probe = (
        (&'static str, &'static str, &'static str),
        &'static str,
        fn(usize) -> (&'static str, i64, i64),
        Label,
        &'static str,
    );
    fn heavy_pays_more(_: usize) -> (&'static str, i64, i64) {
        ("330105", 309_900, 299_900)
    }
    fn travel_fee(k: usize) -> (&'static str, i64, i64) {
        if k.is_multiple_of(2) {
            ("330106", 19_800, 19_800)
        } else {
            ("330127", 22_800, 22_800)
        }
    }
    const CASES: &[Probe] = &[
        (
            (MALL, "proj3", "光影投影"),
            "投影仪 卧室款 1080P",
            heavy_pays_more,
            Positive,
            "监管测试账号成对比对六次：同一时间、同一设备类型和地区，两个账号都是老用户，近90天14单的应付3099，2单的2999，第十四条",
        ),
        (
            (LOCAL, "foot1", "悦足足道"),
            "上门足疗 60分钟",
            travel_fee,
            Negative,
            "成对的测试账号在同一地区应付相同；淳安县（330127）的一对比西湖区的一对多付30元上门路费，差别来自交易成本而非交易历史，第十四条",
        ),
    ];
    for &((platform, tag, name), title, offer, truth, why) in CASES {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "生活服务", "general", offer(0).2);
        let (heavy, light) = (rng.hex64(), rng.hex64());
        for k in 0..6usize {
            let (adcode, heavy_pays, light_pays) = offer(k);
            for (viewer, orders, pays, lag) in
                [(&heavy, 14, heavy_pays, 0), (&light, 2, light_pays, 33)]
            {
                display(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: 33 + k as i64,
                        second: 55_380 + lag,
                        page: "checkout",
                        shown: pays,
                        payable: Some(pays),
                        viewer: Some(viewer),
                        segment: "returning",
                        orders_90d: Some(orders),
                        device: "android",
                        adcode,
                        source: "regulator_probe",
                        ..KIT.obs()
                    },
                    Stamp::Local,
                );
            }
        }
        KIT.t_listing(city, SURCHARGE, &l, truth, why);
    }
}

const SUSTAINED: &str = "below_cost.sustained";

/// Sales under cost: shop, title, class, costs (from, to, cost, basis), runs, label, why.
type Under = (
    (&'static str, &'static str, &'static str),
    &'static str,
    &'static str,
    &'static [(i64, Option<i64>, i64, &'static str)],
    &'static [Run],
    Label,
    &'static str,
);

const UNDERS: &[Under] = &[
    (
        (MALL, "vac4", "净界扫地机"),
        "扫地机器人 S8 单机",
        "general",
        &[(-100, None, 185_000, "audited")],
        &[(14..49, (30_000, 80_000), 179_900, 179_900, 5, Stamp::Local)],
        Positive,
        "35天以1799销售经审计单位成本1850的扫地机，每单低于成本51元，不属于鲜活、季节性、积压或临期商品，第十四条第二项",
    ),
    (
        (MALL, "wine3", "澜庭酒窖"),
        "干红葡萄酒 单支 750ml 2022年份",
        "food",
        &[(-60, None, 42_000, "declared")],
        &[(20..48, (36_000, 82_000), 39_900, 39_900, 4, Stamp::Utc)],
        Positive,
        "商家自报成本420，28天以399销售，无季节、临期、积压等法定理由，第十四条第二项",
    ),
    (
        (MALL, "bike4", "风驰公路车"),
        "碳纤维公路车 无线电变 整车",
        "general",
        &[
            (-200, Some(29), 860_000, "audited"),
            (30, None, 920_000, "audited"),
        ],
        &[(10..58, (33_000, 79_000), 899_900, 899_900, 2, Stamp::Local)],
        Positive,
        "第30日起审计成本升至9200，售价8999不变，此后连续28天低于成本销售，第十四条第二项",
    ),
    (
        (MALL, "scent4", "闻香研究所"),
        "淡香水 30ml 临期 保质期至2027-01-05",
        "general",
        &[(-90, None, 31_000, "audited")],
        &[(22..50, (30_000, 70_000), 12_900, 12_900, 3, Stamp::Local)],
        Negative,
        "降价处理有效期限即将到期的商品，价格法 第十四条第二项但书",
    ),
    (
        (LOCAL, "swim5", "浪里白条游泳馆"),
        "夏季泳衣 女款 反季清仓",
        "general",
        &[(-150, None, 12_000, "declared")],
        &[(15..55, (30_000, 70_000), 6_900, 6_900, 3, Stamp::Local)],
        Negative,
        "冬季降价处理季节性商品（夏季泳衣），价格法 第十四条第二项但书",
    ),
    (
        (MALL, "proj4", "光影投影"),
        "投影仪 便携 720P",
        "general",
        &[(-80, None, 168_000, "audited")],
        &[(10..50, (30_000, 80_000), 168_000, 168_000, 3, Stamp::Local)],
        Negative,
        "售价1680正好等于审计单位成本1680，没有低于成本，价格法 第十四条第二项",
    ),
    (
        (MALL, "proj5", "光影投影"),
        "投影仪 投墙款 1080P",
        "general",
        &[(-80, None, 150_000, "audited")],
        &[
            (10..27, (30_000, 80_000), 169_900, 169_900, 3, Stamp::Local),
            (27..29, (0, 86_000), 169_900, 139_900, 6, Stamp::Local),
            (29..50, (30_000, 80_000), 169_900, 169_900, 3, Stamp::Local),
        ],
        Negative,
        "只在双十一当天和次日两天用券后低于成本，其余38天高于成本，不是持续的低于成本销售，价格法 第十四条第二项",
    ),
];

/// Sales under cost (价格法 第十四条第二项) and four lawful ones.
pub(crate) fn under_cost(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    for &((platform, tag, name), title, class, costs, runs, truth, why) in UNDERS {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "综合/特价", class, runs[0].2);
        for &(from, to, cost, basis) in costs {
            city.add(
                platform,
                "costs",
                json!({"platform_id": platform, "listing_id": l.id, "valid_from": date(from),
                    "valid_to": to.map(date), "unit_cost_fen": cost, "basis": basis}),
            );
        }
        run(city, rng, buyers, &l, order_no, runs);
        KIT.t_listing(city, SUSTAINED, &l, truth, why);
    }
}

const FORCED: &str = "below_cost.platform_forced";
const RESTRICT: &str = "unfair_terms.restrictive_clause";

/// Platforms' campaigns: prices set or rewritten under cost and enforced by demotion, traffic
/// limits or deposits, and three that are not forced (反不正当竞争法（2025）第十四条; 电子商务法
/// 第三十五条; 明码标价和禁止价格欺诈规定 第四条).
pub(crate) fn campaigns(city: &mut City, rng: &mut Rng, buyers: &[String], order_no: &mut u64) {
    // (platform, name, trade, terms, sanction, price as share of cost in ‰, label, why, terms
    // label and why)
    type Campaign = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Option<(&'static str, &'static str)>,
        i64,
        Label,
        &'static str,
        (Label, &'static str),
    );
    const CASES: &[Campaign] = &[
        (
            "h11-jiuxiang",
            "酒享",
            "葡萄酒",
            "【年货节】参与商品售价不得高于平台指导价（指导价由平台按全网最低价核定）；\n售价高于指导价的商品，活动期间搜索降权至末位。",
            Some(("search_demotion", "售价高于年货节指导价，搜索降权至末位")),
            880,
            Positive,
            "平台指导价低于商家成本（约为成本的88%），高于指导价即搜索降权到末位，变相强制低于成本销售，反不正当竞争法（2025）第十四条",
            (
                Positive,
                "以搜索降权迫使商家执行平台定价，不合理限制商家的交易价格，电子商务法 第三十五条",
            ),
        ),
        (
            "h11-chaowanhui",
            "潮玩汇",
            "盲盒",
            "「全网低价」功能默认开启：系统自动将商品售价调整为全网最低价，商家关闭该功能的，首页与推荐流量减少80%。",
            Some(("traffic_limit", "关闭全网低价功能，首页与推荐流量减少80%")),
            910,
            Positive,
            "平台系统自动把售价改到全网最低价（低于成本），关闭即限流80%，以技术手段强制低于成本销售，反不正当竞争法（2025）第十四条",
            (
                Positive,
                "默认开启自动改价并以限流惩罚关闭者，不合理限制商家定价，电子商务法 第三十五条",
            ),
        ),
        (
            "h11-qixingjia",
            "骑行家",
            "公路车",
            "「冬训季」全部店铺默认报名，活动价为日常价的85折且不得修改；中途退出的，扣除保证金10000元。",
            Some(("deposit_deduction", "中途退出冬训季活动，扣除保证金10000元")),
            950,
            Positive,
            "默认报名、不得改价、退出即扣保证金，85折的活动价低于商家成本，反不正当竞争法（2025）第十四条；明码标价和禁止价格欺诈规定 第四条",
            (
                Positive,
                "强制商家参加促销并以扣保证金阻止退出，电子商务法 第三十五条",
            ),
        ),
        (
            "h11-peizhenbao",
            "陪诊宝",
            "陪诊",
            "「暖心陪诊月」用户端价格由平台设定，差价由平台补贴：商家结算价=商家申报价，补贴随订单次日到账；商家可随时退出，退出不影响任何权益。",
            None,
            900,
            Negative,
            "用户付价低于成本，但商家按自己的申报价足额结算、差价由平台补贴、可随时退出，商家没有低于成本销售，反不正当竞争法（2025）第十四条",
            (
                Negative,
                "自愿参加、随时退出、平台自负补贴，不是第三十五条的不合理限制（电子商务法）",
            ),
        ),
        (
            "h11-meijiaquan",
            "美甲圈",
            "美甲",
            "「焕新季」商家自愿报名，活动价由商家自行填写且不得低于其成本；平台仅对刷单或虚假评价的店铺采取限流。",
            Some(("traffic_limit", "店铺存在组织虚假评价行为，限流7天")),
            1_080,
            Negative,
            "活动价由商家自定且不低于成本，限流针对虚假评价，与价格无关，反不正当竞争法（2025）第十四条",
            (
                Negative,
                "自愿参加、价格自主、设成本底线，只处罚违法店铺，电子商务法 第三十五条",
            ),
        ),
        (
            "h11-touyingjie",
            "投影街",
            "投影仪",
            "「清仓周」商家可自愿报名并自行定价，平台提供流量位；报名后可随时退出，平台不因价格高低或退出采取任何措施。",
            None,
            960,
            Negative,
            "有商家自行把清仓价定在成本以下，但平台不定价、不处罚、可随时退出，不存在平台强制，反不正当竞争法（2025）第十四条",
            (
                Negative,
                "自愿报名、自主定价、随时退出，电子商务法 第三十五条",
            ),
        ),
    ];
    for (c, &(platform, pname, trade, terms, sanction, share, truth, why, (tlabel, twhy))) in
        CASES.iter().enumerate()
    {
        HOUSE.platform_row(city, rng, platform, pname, "sales");
        let campaign = format!("h11-camp{c}");
        city.add(
            platform,
            "campaigns",
            json!({"platform_id": platform, "campaign_id": campaign, "name": format!("{pname}{trade}活动"),
                "starts_at": stamp(Stamp::Utc, 29, 36_000), "ends_at": stamp(Stamp::Local, 52, 86_399),
                "terms_text": terms}),
        );
        let doc = format!("h11-camp-terms{c}");
        HOUSE.document(
            city,
            platform,
            (&doc, "platform_rule", platform),
            &format!("{pname}活动规则"),
            terms,
            27,
        );
        KIT.t_global(city, RESTRICT, "document", &doc, tlabel, twhy);
        for k in 0..4i64 {
            let mut shop: Shop = KIT.shop(
                city,
                rng,
                platform_static(platform),
                &format!("camp{c}-{k}"),
                &format!("{pname}{trade}{k}号店"),
            );
            let cost = 9_500 + 2_100 * k;
            let price = cost * share / 1_000;
            let l = HOUSE.goods(
                city,
                &mut shop,
                &format!("{trade} 活动款 {k}"),
                trade,
                "general",
                price,
            );
            city.add(
                platform,
                "costs",
                json!({"platform_id": platform, "listing_id": l.id, "valid_from": date(-40),
                    "valid_to": null, "unit_cost_fen": cost, "basis": "audited"}),
            );
            city.add(
                platform,
                "campaign_participants",
                json!({"platform_id": platform, "campaign_id": campaign, "merchant_id": shop.merchant,
                    "joined_at": stamp(Stamp::Millis(375), 28, 41_000 + 611 * k)}),
            );
            for d in 29..53 {
                for s in 0..3 {
                    let second = 33_000 + 12_000 * s + rng.range(0, 4_000);
                    let buyer = rng.pick(buyers).clone();
                    sale(
                        city,
                        rng,
                        &l,
                        order_no,
                        (d, second),
                        price,
                        &buyer,
                        ("completed", Stamp::Local),
                    );
                }
            }
            if let (Some((action, reason)), 2) = (sanction, k) {
                city.add(
                    platform,
                    "merchant_sanctions",
                    json!({"platform_id": platform, "merchant_id": shop.merchant,
                        "at": stamp(Stamp::Utc, 33, 37_260), "action": action, "reason_text": reason}),
                );
            }
        }
        KIT.t_platform(city, FORCED, platform, truth, why);
    }
}

/// The set's new platforms as static names (the kit's shops take a static platform id).
pub(crate) fn platform_static(platform: &str) -> &'static str {
    const ALL: &[&str] = &[
        "h11-jiuxiang",
        "h11-chaowanhui",
        "h11-qixingjia",
        "h11-peizhenbao",
        "h11-meijiaquan",
        "h11-touyingjie",
        "h11-quanji",
        "h11-yongchi",
        "h11-hupojie",
        "h11-zuliao",
        "h11-dingzhijia",
        "h11-xiangfen",
        "h11-bieyuan",
    ];
    ALL.iter()
        .copied()
        .find(|p| *p == platform)
        .unwrap_or("h11-jiuxiang")
}
