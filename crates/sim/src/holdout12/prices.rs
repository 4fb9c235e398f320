//! Pricing cases: compared prices judged against the lowest completed sale of the seven days
//! before the comparison, with the lower sale in the window's last second, on the eighth day
//! before, after a coupon, or the week's only sale (明码标价和禁止价格欺诈规定 第十六条); raises
//! made at night, raises behind a coupon whose base is the raised price, and a discount after a
//! festival price ended (第十七条); live rooms below detail pages, a home page below the detail
//! page, a sold-out coupon in the search price, a "from" price, a lower price at checkout and a
//! morning early-bird price that ends (第十九条、第二十条、第二十一条); two-hour countdowns, "today
//! only" every day and "last three days" for weeks, beside a weekly member day, a dated five-day
//! sale and a dated pre-sale (第十九条); prices that rise with a viewer's orders, coupons withheld
//! from regulars, a published lucky coupon, a free membership price and paired probes
//! (浙江省电子商务条例 第十四条); sales under cost, at cost, after the festival, near expiry and of
//! overstock (价格法 第十四条); platforms that force prices under cost (反不正当竞争法（2025）
//! 第十四条).

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
                    Stamp::Micros(_) => Stamp::Micros(rng.range(1, 999_999)),
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
        shop: (MALL, "pot1", "宜兴壶隐"),
        title: "紫砂壶 原矿朱泥 西施壶 220ml",
        price: 128_000,
        runs: &[(18..40, (37_000, 72_000), 128_000, 128_000, 1, Stamp::Local)],
        singles: &[(39, 86_399, 108_000, "completed", Stamp::Micros(999_999))],
        display: (40, 99_800, 128_000, "previous_price", "原价1280 今日998"),
        label: Positive,
        why: "第39日23:59:59（第40日比较前七日的最后一秒，时间带微秒）成交1笔1080元，“原价1280”高于前七日内最低成交价1080，明码标价和禁止价格欺诈规定 第十六条",
    },
    Compared {
        shop: (MALL, "pillow1", "眠山乳胶"),
        title: "泰国天然乳胶枕 波浪款 60×40cm",
        price: 39_900,
        runs: &[(18..41, (38_000, 70_000), 39_900, 39_900, 1, Stamp::Local)],
        singles: &[(32, 86_399, 29_900, "completed", Stamp::Local)],
        display: (40, 34_900, 39_900, "previous_price", "原价399 冬季价349"),
        label: Negative,
        why: "299元的成交在第32日23:59:59，是第40日比较前的第八日，不在前七日内；前七日最低成交价399，比较价不高于它，明码标价和禁止价格欺诈规定 第十六条",
    },
    Compared {
        shop: (LIVE, "pearl1", "诸暨珠语"),
        title: "淡水珍珠项链 正圆强光 8-9mm 45cm",
        price: 259_900,
        runs: &[(20..33, (50_000, 78_000), 239_900, 239_900, 1, Stamp::Local)],
        singles: &[(36, 76_210, 259_900, "completed", Stamp::Local)],
        display: (
            40,
            219_900,
            259_900,
            "previous_price",
            "原价2599 直播价2199",
        ),
        label: Negative,
        why: "前七日（第33—39日）只有第36日一笔2599元的成交，它就是前七日内最低成交价；更早的2399元成交在窗口之外，比较价2599不高于前七日最低成交价，明码标价和禁止价格欺诈规定 第十六条",
    },
    Compared {
        shop: (MALL, "rose1", "明韵红木"),
        title: "红木圈椅 刺猬紫檀 单把",
        price: 1_680_000,
        runs: &[(
            10..30,
            (36_000, 64_000),
            1_680_000,
            1_680_000,
            1,
            Stamp::Local,
        )],
        singles: &[],
        display: (
            39,
            1_580_000,
            1_880_000,
            "previous_price",
            "原价18800 年终价15800",
        ),
        label: Positive,
        why: "第32—38日没有成交，此前最后一次交易（第29日）价格16800，“原价18800”高于本次比较前最后一次交易价格，明码标价和禁止价格欺诈规定 第十六条第二款",
    },
    Compared {
        shop: (LOCAL, "oil1", "山野茶油坊"),
        title: "冷榨山茶油 一级 2.5L 铁罐",
        price: 16_800,
        runs: &[(15..40, (33_000, 70_000), 12_800, 12_800, 2, Stamp::Local)],
        singles: &[],
        display: (
            40,
            12_800,
            16_800,
            "other_disclosed",
            "划线价168为本店2026年9月1日—30日成交均价（中秋档期），逐笔明细见详情页",
        ),
        label: Negative,
        why: "划线价标明了被比较价格的详细信息（9月成交均价，附明细），不适用前七日最低成交价的推定，明码标价和禁止价格欺诈规定 第十六条第二款",
    },
    Compared {
        shop: (MALL, "racket1", "羽动体育"),
        title: "全碳素羽毛球拍 4U 进攻型 单支",
        price: 45_900,
        runs: &[
            (18..34, (36_000, 75_000), 45_900, 45_900, 1, Stamp::Local),
            (34..37, (36_000, 75_000), 45_900, 41_900, 2, Stamp::Local),
            (37..41, (36_000, 75_000), 45_900, 45_900, 1, Stamp::Local),
        ],
        singles: &[],
        display: (41, 39_900, 45_900, "unspecified", "划线价459"),
        label: Positive,
        why: "第34—36日店铺满减券结算后成交419元（成交价是优惠后的实付价），未说明依据的划线价459高于前七日内最低成交价419，明码标价和禁止价格欺诈规定 第十六条",
    },
    Compared {
        shop: (MALL, "shoe1", "疾风跑鞋"),
        title: "碳板竞速跑鞋 男款 42码",
        price: 69_900,
        runs: &[(18..41, (36_000, 62_000), 69_900, 69_900, 1, Stamp::Local)],
        singles: &[
            (36, 43_200, 55_900, "completed", Stamp::Zero),
            (36, 43_800, 55_900, "completed", Stamp::Zero),
        ],
        display: (41, 55_900, 69_900, "previous_price", "原价699 限时559"),
        label: Positive,
        why: "第36日中午两笔559元成交（订单时间以+00:00书写为当日04:00前后，仍是同一日），“原价699”高于前七日内最低成交价559，明码标价和禁止价格欺诈规定 第十六条",
    },
    Compared {
        shop: (LOCAL, "brush1", "洁齿电动牙刷"),
        title: "声波电动牙刷 5档 含4刷头",
        price: 29_900,
        runs: &[(18..40, (36_000, 72_000), 27_900, 27_900, 1, Stamp::Local)],
        singles: &[],
        display: (
            40,
            27_900,
            45_900,
            "rrp",
            "厂商建议零售价459元（品牌2026年秋季价目表）",
        ),
        label: Negative,
        why: "比较价明确标示为厂商建议零售价并注明价目表，明码标价和禁止价格欺诈规定 第十六条第三款",
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
/// at a raised price, the discount's first day and what it shows (price, compared price, payable
/// after a coupon when one applies, label), label and why.
struct Raise {
    shop: (&'static str, &'static str, &'static str),
    title: &'static str,
    class: &'static str,
    steps: &'static [(i64, i64, i64)],
    sold_raised: bool,
    from: i64,
    shows: (i64, Option<i64>, Option<i64>, &'static str),
    label: Label,
    why: &'static str,
}

const RAISES: &[Raise] = &[
    Raise {
        shop: (MALL, "chair1", "舒享按摩椅"),
        title: "全身按摩椅 SL导轨 零重力",
        class: "general",
        steps: &[(-30, 0, 899_900), (30, 3_600, 1_099_900)],
        sold_raised: false,
        from: 33,
        shows: (899_900, Some(1_099_900), None, "原价10999 立减2000"),
        label: Positive,
        why: "第30日凌晨1:00把标价从8999提到10999（无一笔成交），三天后以10999为原价“立减2000”，折后价正是提价前的价格，明码标价和禁止价格欺诈规定 第十七条",
    },
    Raise {
        shop: (LOCAL, "water1", "清源净水"),
        title: "反渗透净水器 800G 厨下式 含安装",
        class: "general",
        steps: &[(-30, 0, 199_900), (35, 41_000, 259_900)],
        sold_raised: true,
        from: 38,
        shows: (207_900, Some(259_900), None, "原价2599 限时8折 到手2079"),
        label: Positive,
        why: "第35日把1999的净水器提到2599，三天后标“原价2599 8折”，到手2079比提价前还贵80元，以临时提价虚构折扣，明码标价和禁止价格欺诈规定 第十七条、第十九条第三项",
    },
    Raise {
        shop: (MALL, "shoe2", "疾风跑鞋"),
        title: "缓震跑鞋 女款 37码",
        class: "general",
        steps: &[(-30, 0, 59_900), (34, 80_000, 79_900)],
        sold_raised: false,
        from: 36,
        shows: (79_900, None, Some(59_900), "领券立减200 券后599"),
        label: Positive,
        why: "第34日晚把标价从599提到799，两天后以799为计算基准发“立减200”券，券后599就是提价前的价格，以临时提高的标价作为减价基准，明码标价和禁止价格欺诈规定 第十七条",
    },
    Raise {
        shop: (MALL, "rose2", "明韵红木"),
        title: "红木茶桌 花梨木 1.6m",
        class: "general",
        steps: &[(-30, 0, 1_680_000), (5, 36_000, 1_880_000)],
        sold_raised: true,
        from: 36,
        shows: (1_780_000, Some(1_880_000), None, "原价18800 年终直降1000"),
        label: Negative,
        why: "第5日因木料涨价调到18800后按此价持续成交31天，原价18800是真实的成交价而非折扣前的临时提价，明码标价和禁止价格欺诈规定 第十七条",
    },
    Raise {
        shop: (LOCAL, "dance1", "踏歌舞蹈"),
        title: "少儿中国舞 20课时",
        class: "general",
        steps: &[(-30, 0, 168_000)],
        sold_raised: true,
        from: 34,
        shows: (148_000, Some(168_000), None, "原价1680 寒假报名价1480"),
        label: Negative,
        why: "标价1680在期间内从未调整，寒假报名价以一直执行的1680为基准，没有临时提价，明码标价和禁止价格欺诈规定 第十七条",
    },
    Raise {
        shop: (MALL, "lens1", "光圈镜头"),
        title: "50mm F1.8 定焦镜头 全画幅",
        class: "general",
        steps: &[(-30, 0, 129_900), (25, 0, 109_900), (28, 0, 129_900)],
        sold_raised: true,
        from: 36,
        shows: (119_900, Some(129_900), None, "原价1299 直降100"),
        label: Negative,
        why: "第25—27日双十一活动价1099到期后于第28日恢复长期执行的1299，这是恢复原价而非临时提价；第36日起以1299为基准直降，且前七日内均以1299成交，明码标价和禁止价格欺诈规定 第十七条",
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
        // Each change itself, shown at the moment it took effect (microseconds written).
        for &(day, second, price) in r.steps.iter().skip(1) {
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
                Stamp::Micros(250_125),
            );
        }
        let (shown, reference, payable, label) = r.shows;
        let paid = payable.unwrap_or(shown);
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
                    payable: Some(paid),
                    promo: match (reference, payable) {
                        (_, Some(_)) => "coupon",
                        (Some(_), None) => "discount",
                        (None, None) => "none",
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
                paid,
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

fn live_below_detail(_: i64) -> Vec<View> {
    vec![
        ("live", 0, 89_900, 89_900, Some("直播间专享 899"), "unknown"),
        ("detail", 64, 109_900, 109_900, None, "unknown"),
        ("checkout", 151, 109_900, 109_900, None, "unknown"),
    ]
}

fn home_below_detail(_: i64) -> Vec<View> {
    vec![
        ("home", 0, 6_900, 6_900, Some("空调清洗 69元/台"), "unknown"),
        ("detail", 33, 9_900, 9_900, None, "unknown"),
        ("checkout", 88, 9_900, 9_900, None, "unknown"),
    ]
}

fn sold_out_coupon(_: i64) -> Vec<View> {
    vec![
        ("search", 0, 25_900, 25_900, Some("券后259"), "unknown"),
        (
            "detail",
            47,
            29_900,
            29_900,
            Some("店铺券已抢光"),
            "unknown",
        ),
        ("checkout", 120, 29_900, 29_900, None, "unknown"),
    ]
}

fn from_price_by_room(k: i64) -> Vec<View> {
    let price = if k % 3 == 0 { 46_800 } else { 36_800 };
    vec![
        (
            "search",
            0,
            36_800,
            36_800,
            Some("¥368起（标准间 周日至周四）"),
            "unknown",
        ),
        ("detail", 58, price, price, None, "unknown"),
        ("checkout", 171, price, price, None, "unknown"),
    ]
}

fn cheaper_at_checkout(_: i64) -> Vec<View> {
    vec![
        ("home", 0, 12_900, 12_900, None, "unknown"),
        ("detail", 40, 12_900, 12_900, None, "unknown"),
        (
            "checkout",
            102,
            12_900,
            10_900,
            Some("结算自动叠加店铺券-20"),
            "unknown",
        ),
    ]
}

fn early_bird_ends(_: i64) -> Vec<View> {
    // The first view at 09:58, two minutes before the early-bird hour ends; the next two after
    // 10:00, when the usual price applies.
    vec![
        (
            "home",
            0,
            3_900,
            3_900,
            Some("早鸟价39 每天9:00—10:00"),
            "unknown",
        ),
        ("detail", 150, 4_900, 4_900, None, "unknown"),
        ("checkout", 230, 4_900, 4_900, None, "unknown"),
    ]
}

/// Bait prices (第十九条第二项、第二十条第一项) and three lawful differences between pages.
pub(crate) fn baits(city: &mut City, rng: &mut Rng) {
    type Bait = (
        (&'static str, &'static str, &'static str),
        &'static str,
        Path,
        Option<(i64, i64)>,
        Label,
        &'static str,
    );
    const CASES: &[Bait] = &[
        (
            (LIVE, "chair2", "舒享按摩椅直播间"),
            "按摩椅 家用 小型 全身",
            live_below_detail,
            None,
            Positive,
            "直播间标示“专享899”，同一观看者一分钟后点进详情页为1099、结算1099，以低价招揽、高价结算，明码标价和禁止价格欺诈规定 第十九条第二项、第二十条第一项",
        ),
        (
            (LOCAL, "clean1", "焕新家电清洗"),
            "挂机空调清洗 上门 高温蒸汽",
            home_below_detail,
            None,
            Positive,
            "首页标示“69元/台”，详情页与结算均为99，首页价格低于详情页价格，明码标价和禁止价格欺诈规定 第二十条第一项",
        ),
        (
            (MALL, "pillow2", "眠山乳胶"),
            "乳胶枕 儿童款 护颈",
            sold_out_coupon,
            None,
            Positive,
            "搜索页以“券后259”招揽，进入详情页店铺券已抢光，结算299，标示的促销与实际不一致，明码标价和禁止价格欺诈规定 第十九条第二项、第二十条第二项",
        ),
        (
            (LOCAL, "stay1", "溪山民宿"),
            "莫干山民宿 标准间/山景房 一晚",
            from_price_by_room,
            None,
            Negative,
            "搜索页“¥368起（标准间）”是标准间的真实价格，选标准间的观看者结算即付368，选山景房的付468，起价注明了房型，明码标价和禁止价格欺诈规定 第二十条",
        ),
        (
            (MALL, "pot2", "宜兴壶隐"),
            "紫砂品茗杯 4只装",
            cheaper_at_checkout,
            None,
            Negative,
            "各页面标示129，结算时自动叠加店铺券实付109，实际成交价使消费者获得更大优惠，明码标价和禁止价格欺诈规定 第二十一条第二项",
        ),
        (
            (LOCAL, "cake1", "桂香糕点"),
            "现烤蛋黄酥 6枚",
            early_bird_ends,
            Some((32, 35_880)),
            Negative,
            "首页在9:58标示“早鸟价39 每天9:00—10:00”，10:00后详情页与结算为49；同一时刻各页面价格一致，早鸟时段事先标明且真实结束，明码标价和禁止价格欺诈规定 第二十条",
        ),
    ];
    for &((platform, tag, name), title, path, start, label, why) in CASES {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let views = path(1);
        let list_price = views.last().map_or(0, |v| v.2);
        let l = HOUSE.goods(city, &mut shop, title, "综合/导购", "general", list_price);
        for k in 0..6i64 {
            let viewer = rng.hex64();
            let (day, first) = match start {
                Some((day, second)) => (day + k, second),
                None => (26 + 3 * k, 38_700 + 2_311 * k),
            };
            for (page, after, shown, payable, label, segment) in path(k) {
                let second = first + after;
                let style = if k % 2 == 1 {
                    Stamp::Micros(1_000 * after + 17)
                } else {
                    Stamp::Local
                };
                display(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day,
                        second,
                        page,
                        shown,
                        payable: Some(payable),
                        promo: match (label, payable < shown) {
                            (Some(_), true) => "coupon",
                            (Some(_), false) => "discount",
                            _ => "none",
                        },
                        label,
                        viewer: Some(&viewer),
                        segment,
                        device: if page == "live" { "android" } else { "ios" },
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

fn every_two_hours(_: i64) -> Vec<i64> {
    vec![28_800, 36_000, 43_200, 50_400, 57_600, 64_800, 72_000]
}

fn each_morning(_: i64) -> Vec<i64> {
    vec![29_100]
}

fn twice_daily(_: i64) -> Vec<i64> {
    vec![40_000, 70_000]
}

/// Wednesdays only (day 0 is a Thursday).
fn wednesdays(d: i64) -> Vec<i64> {
    if (d + 3).rem_euclid(7) == 2 {
        vec![30_000, 50_000, 70_000]
    } else {
        Vec::new()
    }
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
            (MALL, "brush2", "洁齿电动牙刷"),
            "电动牙刷 替换刷头 8支装",
            (15_900, 9_900),
            "⏳倒计时2小时 结束恢复159".to_string(),
            (24..38, every_two_hours, None),
            (9_900, Stamp::Local),
            Positive,
            "14天里每天8:00起每两小时显示一次“倒计时2小时 结束恢复159”，倒计时结束后仍卖99，期限每两小时重来，明码标价和禁止价格欺诈规定 第十九条第三项、第四项",
        ),
        (
            (LIVE, "pearl2", "诸暨珠语"),
            "珍珠耳钉 7-8mm 银托",
            (19_900, 12_900),
            "仅限今日！２３：５９截止 明天恢复１９９".to_string(),
            (20..42, each_morning, None),
            (12_900, Stamp::Zero),
            Positive,
            "连续22天每天早上都标“仅限今日 23:59截止 明天恢复199”（全角数字，展示时间以+00:00书写），次日从未恢复仍卖129，期限虚构，明码标价和禁止价格欺诈规定 第十九条第四项",
        ),
        (
            (MALL, "rose3", "明韵红木"),
            "红木筷子 鸡翅木 10双装",
            (26_800, 16_800),
            "清仓最后3天 仅剩3天".to_string(),
            (16..40, twice_daily, None),
            (16_800, Stamp::Local),
            Positive,
            "24天里每天两次显示“清仓最后3天 仅剩3天”，三天永远不到期，以虚假期限诱导交易，明码标价和禁止价格欺诈规定 第十九条第四项",
        ),
        (
            (LOCAL, "cake2", "桂香糕点"),
            "桂花糕 礼盒 12枚",
            (8_800, 6_800),
            "每周三会员日 当日限时价68".to_string(),
            (15..50, wednesdays, Some(8_800)),
            (6_800, Stamp::Local),
            Negative,
            "每周三会员日显示限时价68，其余日子恢复88，五周如实重复，期限真实，明码标价和禁止价格欺诈规定 第十九条",
        ),
        (
            (MALL, "water2", "清源净水"),
            "净水器 滤芯 全套 年度装",
            (59_900, 49_900),
            format!("限时5天 {}—{}", month_day(36), month_day(40)),
            (36..41, all_day, Some(59_900)),
            (49_900, Stamp::Micros(432_100)),
            Negative,
            "标明五天（第36—40日），第41日零点起恢复599，期限真实兑现，明码标价和禁止价格欺诈规定 第十九条",
        ),
        (
            (LOCAL, "org1", "匠心收纳"),
            "全屋收纳整理 4小时 2人",
            (128_000, 99_800),
            format!("双十二预售 {}—{}", month_day(47), month_day(58)),
            (47..59, all_day, Some(128_000)),
            (99_800, Stamp::Local),
            Negative,
            "预售价标明12月1日至12月12日，第59日（12月13日）起恢复1280，期限真实兑现，明码标价和禁止价格欺诈规定 第十九条",
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
                        shown: after.unwrap_or(during),
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
                // What the page shows just before the next showing.
                display(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: d,
                        second: (s + 7_000).min(86_300),
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

/// What a viewer with so many orders in 90 days, on a device, with a draw from the platform's
/// published promotion, is offered: (shown, payable, promo, label, segment).
type Offer =
    fn(i64, &str, &str, u64) -> (i64, i64, &'static str, Option<&'static str>, &'static str);

fn segment_of(orders: i64) -> &'static str {
    if orders > 0 { "returning" } else { "new" }
}

/// Five yuan more for every order in 90 days, up to ten.
fn rises_with_orders(
    orders: i64,
    _: &str,
    _: &str,
    _: u64,
) -> (i64, i64, &'static str, Option<&'static str>, &'static str) {
    let price = 29_900 + 500 * orders.min(10);
    (price, price, "none", None, segment_of(orders))
}

/// The shop coupon offered only to viewers with two orders or fewer.
fn coupon_withheld(
    orders: i64,
    _: &str,
    _: &str,
    _: u64,
) -> (i64, i64, &'static str, Option<&'static str>, &'static str) {
    if orders <= 2 {
        (
            15_800,
            13_800,
            "coupon",
            Some("店铺券-20 已自动领取"),
            segment_of(orders),
        )
    } else {
        (15_800, 15_800, "none", None, "returning")
    }
}

/// A published lucky coupon: one view in ten draws twenty yuan off, whatever the history.
fn lucky_coupon(
    orders: i64,
    _: &str,
    _: &str,
    draw: u64,
) -> (i64, i64, &'static str, Option<&'static str>, &'static str) {
    if draw.is_multiple_of(10) {
        (
            9_900,
            7_900,
            "random_draw",
            Some("幸运券 随机10%概率立减20 活动规则已公示"),
            segment_of(orders),
        )
    } else {
        (9_900, 9_900, "none", None, segment_of(orders))
    }
}

/// A free membership's price: members pay less, whatever their history.
fn free_membership(
    orders: i64,
    device: &str,
    _: &str,
    _: u64,
) -> (i64, i64, &'static str, Option<&'static str>, &'static str) {
    if device == "mini_program" || orders % 3 == 0 {
        (
            4_800,
            4_300,
            "member",
            Some("会员价43 免费入会 任何人可加入"),
            "member",
        )
    } else {
        (4_800, 4_800, "none", None, segment_of(orders))
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
            (LOCAL, "org2", "匠心收纳"),
            "衣柜收纳整理 3小时 1人",
            rises_with_orders,
            Positive,
            "同一服务、同一时段，近90天每多一单结算价多5元（最多多50元），按交易历史差别定价，交易条件相同，浙江省电子商务条例 第十四条；个人信息保护法 第二十四条",
        ),
        (
            (MALL, "oil2", "山野茶油坊"),
            "山茶油 500ml×2 礼盒",
            coupon_withheld,
            Positive,
            "展示价都是158，但近90天下单三次以上的老客拿不到自动发放的20元店铺券，结算多付20元，以交易历史实行差别待遇，浙江省电子商务条例 第十四条",
        ),
        (
            (LOCAL, "cake3", "桂香糕点"),
            "鲜花饼 10枚",
            lucky_coupon,
            Negative,
            "幸运券按公示规则对每次浏览随机抽取，与下单次数、设备无关，属公平、合理、无歧视规则下的随机交易，浙江省电子商务条例 第十四条",
        ),
        (
            (LOCAL, "badm1", "羽动球馆"),
            "羽毛球场地 1小时 工作日白天",
            free_membership,
            Negative,
            "会员价对免费加入的会员一致，是否会员与交易历史无关（老客、新客都有非会员），属公开的交易方式差别，浙江省电子商务条例 第十四条",
        ),
    ];
    const DEVICES: &[&str] = &["android", "ios", "mini_program", "pc_web", "ios"];
    for &((platform, tag, name), title, offer, truth, why) in CASES {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(
            city,
            &mut shop,
            title,
            "生活服务",
            "general",
            offer(1, "android", "330113", 1).0,
        );
        for d in 31..43 {
            for k in 0..20i64 {
                let orders = rng.range(0, 15);
                let device = DEVICES[((k * 2 + d) % 5) as usize];
                let draw = rng.below(1_000);
                let (shown, payable, promo, label, segment) = offer(orders, device, "330113", draw);
                display(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: d,
                        second: 29_700 + 1_511 * k,
                        page: "checkout",
                        shown,
                        payable: Some(payable),
                        promo,
                        label,
                        segment,
                        orders_90d: Some(orders),
                        device,
                        adcode: ["330113", "330110", "330108", "330102"][(k % 4) as usize],
                        ..KIT.obs()
                    },
                    if k % 4 == 0 {
                        Stamp::Micros(k * 37_001)
                    } else {
                        Stamp::Local
                    },
                );
            }
        }
        KIT.t_listing(city, SURCHARGE, &l, truth, why);
    }
    probes(city, rng);
}

/// The regulator's paired probe accounts (神秘买家): a heavy and a light account view the same
/// listing within two minutes, on one device type, in one district, on six days.
fn probes(city: &mut City, rng: &mut Rng) {
    type Probe = (
        (&'static str, &'static str, &'static str),
        &'static str,
        fn(usize) -> (&'static str, i64, i64),
        Label,
        &'static str,
    );
    fn heavy_pays_more(_: usize) -> (&'static str, i64, i64) {
        ("330113", 42_900, 39_900)
    }
    fn delivery_fee(k: usize) -> (&'static str, i64, i64) {
        if k < 3 {
            ("330113", 36_800, 36_800)
        } else {
            ("330182", 39_800, 39_800)
        }
    }
    const CASES: &[Probe] = &[
        (
            (MALL, "cake4", "桂香糕点"),
            "糕点礼盒 八式 1.2kg",
            heavy_pays_more,
            Positive,
            "监管测试账号成对比对六次：同一时间、同一设备类型和地区，近90天19单的账号应付429，1单的账号应付399，仅因交易历史加价30元，浙江省电子商务条例 第十四条",
        ),
        (
            (LOCAL, "water3", "清源净水"),
            "净水器 上门换芯 全套",
            delivery_fee,
            Negative,
            "成对的测试账号在同一地区应付相同；建德市（330182）的三对比临平区的三对多付30元远程上门费，差别来自交易成本而非交易历史，浙江省电子商务条例 第十四条",
        ),
    ];
    for &((platform, tag, name), title, offer, truth, why) in CASES {
        let mut shop = KIT.shop(city, rng, platform, tag, name);
        let l = HOUSE.goods(city, &mut shop, title, "生活服务", "general", offer(0).2);
        let (heavy, light) = (rng.hex64(), rng.hex64());
        for k in 0..6usize {
            let (adcode, heavy_pays, light_pays) = offer(k);
            for (viewer, orders, pays, lag) in
                [(&light, 1, light_pays, 0), (&heavy, 19, heavy_pays, 97)]
            {
                display(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: 31 + 2 * k as i64,
                        second: 62_130 + lag,
                        page: "checkout",
                        shown: pays,
                        payable: Some(pays),
                        viewer: Some(viewer),
                        segment: "returning",
                        orders_90d: Some(orders),
                        device: "ios",
                        adcode,
                        source: "regulator_probe",
                        ..KIT.obs()
                    },
                    Stamp::Zero,
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
        (MALL, "chair3", "舒享按摩椅"),
        "按摩椅 太空舱 4D机芯",
        "general",
        &[(-100, None, 520_000, "audited")],
        &[(14..50, (30_000, 80_000), 499_900, 499_900, 3, Stamp::Local)],
        Positive,
        "36天以4999销售经审计单位成本5200的按摩椅，每台低于成本201元，不属于鲜活、季节性、积压商品，价格法 第十四条第二项",
    ),
    (
        (MALL, "lens2", "光圈镜头"),
        "85mm F1.4 人像镜头",
        "general",
        &[(-60, None, 368_000, "declared")],
        &[(18..50, (36_000, 82_000), 349_900, 349_900, 2, Stamp::Zero)],
        Positive,
        "商家自报成本3680，32天以3499销售（订单时间以+00:00书写），无季节、临期、积压等法定理由，价格法 第十四条第二项",
    ),
    (
        (MALL, "oil3", "山野茶油坊"),
        "山茶油 5L 家庭装",
        "food",
        &[(-120, None, 33_000, "audited")],
        &[
            (5..20, (33_000, 79_000), 36_800, 36_800, 3, Stamp::Local),
            (20..56, (33_000, 79_000), 29_900, 29_900, 4, Stamp::Local),
        ],
        Positive,
        "第20日起为与同城茶油店竞争把售价从368降到299，低于审计成本330，此后连续36天低于成本销售，不属于法定降价处理情形，价格法 第十四条第二项",
    ),
    (
        (LOCAL, "cake5", "桂香糕点"),
        "中秋月饼 礼盒 节后处理",
        "food",
        &[(-90, None, 9_800, "audited")],
        &[(0..30, (30_000, 70_000), 3_900, 3_900, 5, Stamp::Local)],
        Negative,
        "中秋节（9月25日）后降价处理季节性商品月饼，价格法 第十四条第二项但书",
    ),
    (
        (LOCAL, "oil4", "山野茶油坊"),
        "山茶油 250ml 临期 保质期至2026-12-20",
        "food",
        &[(-200, None, 5_600, "declared")],
        &[(20..55, (30_000, 70_000), 2_900, 2_900, 3, Stamp::Local)],
        Negative,
        "降价处理保质期即将届满的商品（临期食品），价格法 第十四条第二项但书",
    ),
    (
        (MALL, "brush3", "洁齿电动牙刷"),
        "电动牙刷 基础款 单支",
        "general",
        &[(-80, None, 8_900, "audited")],
        &[(
            10..52,
            (30_000, 80_000),
            8_900,
            8_900,
            3,
            Stamp::Micros(500_001),
        )],
        Negative,
        "售价89正好等于审计单位成本89，没有低于成本，价格法 第十四条第二项",
    ),
    (
        (MALL, "shoe3", "疾风跑鞋"),
        "跑鞋 2024款 库存清仓 断码",
        "general",
        &[(-300, None, 26_000, "audited")],
        &[(12..52, (30_000, 80_000), 15_900, 15_900, 3, Stamp::Local)],
        Negative,
        "降价处理两年前款式的积压断码库存，价格法 第十四条第二项但书",
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
            "h12-hutian",
            "壶天",
            "紫砂茶具",
            "【茶器节】参与商品售价不得高于平台核定的“全网最低价”；\n未按核定价调价的商品取消活动标识，并限制店铺推荐流量。",
            Some(("traffic_limit", "未按茶器节核定价调价，限制推荐流量")),
            870,
            Positive,
            "平台核定价低于商家成本（约为成本的87%），不调价即限流，变相强制低于成本销售，反不正当竞争法（2025）第十四条",
            (
                Positive,
                "以限流迫使商家执行平台核定价，不合理限制商家的交易价格，电子商务法 第三十五条",
            ),
        ),
        (
            "h12-bupao",
            "步跑",
            "跑鞋",
            "「跑季」平台统一发放满300减100券，优惠金额由商家全额承担；全部店铺默认参加，不得退出，拒绝承担的从保证金中扣除。",
            Some((
                "deposit_deduction",
                "拒绝承担跑季优惠券金额，从保证金中扣除",
            )),
            920,
            Positive,
            "平台强制发券、商家全额承担且不得退出，券后价低于成本，拒绝即扣保证金，反不正当竞争法（2025）第十四条",
            (
                Positive,
                "默认参加、不得退出、扣保证金，强制商家承担促销成本，电子商务法 第三十五条",
            ),
        ),
        (
            "h12-mulian",
            "木莲",
            "红木家具",
            "【年终清仓】报名商品须按报名价8折销售且不得修改；\n活动期间擅自提价或下调折扣的，商品一律下架。",
            Some(("listing_removal", "擅自修改年终清仓活动价，商品下架")),
            940,
            Positive,
            "平台规定的8折活动价低于商家成本，不得修改，改价即下架，以处罚手段强制低于成本销售，反不正当竞争法（2025）第十四条",
            (
                Positive,
                "以下架强制商家维持平台指定折扣，不合理限制商家定价，电子商务法 第三十五条",
            ),
        ),
        (
            "h12-qingjie",
            "清洁到家",
            "家电清洗",
            "「焕新月」用户端价格由平台统一设定，与商家报价的差额由平台补贴：商家按其报价全额结算，补贴T+1到账；商家可随时退出，退出不影响排序和费率。",
            None,
            880,
            Negative,
            "用户付价低于成本，但商家按自己的报价足额结算、差额由平台补贴、可随时退出，商家没有低于成本销售，反不正当竞争法（2025）第十四条",
            (
                Negative,
                "自愿参加、随时退出、平台自担补贴，不是不合理限制（电子商务法 第三十五条）",
            ),
        ),
        (
            "h12-shanju",
            "山居",
            "民宿",
            "「冬游季」民宿自愿报名，活动价由民宿自行填写且不得低于其成本；平台仅对虚构房源或刷单的店铺限制流量。",
            Some(("traffic_limit", "店铺虚构房源照片，限流7天")),
            1_060,
            Negative,
            "活动价由商家自定且不低于成本，限流针对虚构房源，与价格无关，反不正当竞争法（2025）第十四条",
            (
                Negative,
                "自愿参加、价格自主、设成本底线，只处罚违规店铺，电子商务法 第三十五条",
            ),
        ),
        (
            "h12-zhengli",
            "整理家",
            "收纳整理",
            "「开年整理季」商家自愿报名并自行定价，平台提供首页资源位；报名后可随时退出，平台不因价格高低或退出采取任何措施。",
            None,
            950,
            Negative,
            "有商家自行把活动价定在成本以下，但平台不定价、不处罚、可随时退出，不存在平台强制，反不正当竞争法（2025）第十四条",
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
        let campaign = format!("h12-camp{c}");
        city.add(
            platform,
            "campaigns",
            json!({"platform_id": platform, "campaign_id": campaign, "name": format!("{pname}{trade}活动"),
                "starts_at": stamp(Stamp::Zero, 30, 32_400), "ends_at": stamp(Stamp::Local, 54, 86_399),
                "terms_text": terms}),
        );
        let doc = format!("h12-camp-terms{c}");
        HOUSE.document(
            city,
            platform,
            (&doc, "platform_rule", platform),
            &format!("{pname}活动规则"),
            terms,
            28,
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
            let cost = 8_700 + 1_900 * k;
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
                    "joined_at": stamp(Stamp::Micros(375_250), 29, 39_800 + 733 * k)}),
            );
            for d in 30..55 {
                for s in 0..3 {
                    let second = 31_000 + 13_000 * s + rng.range(0, 3_600);
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
            if let (Some((action, reason)), 1) = (sanction, k) {
                city.add(
                    platform,
                    "merchant_sanctions",
                    json!({"platform_id": platform, "merchant_id": shop.merchant,
                        "at": stamp(Stamp::Zero, 34, 35_940), "action": action, "reason_text": reason}),
                );
            }
        }
        KIT.t_platform(city, FORCED, platform, truth, why);
    }
}

/// The set's new platforms as static names (the kit's shops take a static platform id).
pub(crate) fn platform_static(platform: &str) -> &'static str {
    const ALL: &[&str] = &[
        "h12-hutian",
        "h12-bupao",
        "h12-mulian",
        "h12-qingjie",
        "h12-shanju",
        "h12-zhengli",
        "h12-qiuguan",
        "h12-wuxiang",
        "h12-zhuguang",
        "h12-biancheng",
        "h12-anmo",
        "h12-jingshui",
        "h12-linli",
    ];
    ALL.iter()
        .copied()
        .find(|p| *p == platform)
        .unwrap_or("h12-hutian")
}
