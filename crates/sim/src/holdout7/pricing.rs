//! The seventh set's pricing cases. Prices follow step schedules with several changes
//! ([`Steps`]); compared prices are judged by 明码标价和禁止价格欺诈规定 第十六条 (the lowest
//! transaction price of the seven days before), raises before a discount by 第十七条, prominent
//! prices a viewer's own session does not honour by 第十九条第二项 and 第二十条, deadlines by
//! 第十九条第四项, panel viewers' history-based prices by 浙江省电子商务条例 第十四条, sustained
//! below-cost sales by 价格法 第十四条第二项 (with its own exceptions) and platform-forced ones by
//! 反不正当竞争法（2025）第十四条.

use serde_json::json;

use super::{KIT, LIVE, LOCAL, MALL, item, new_platform, weekday};
use crate::city::{City, Listing, at, date};
use crate::kit::{Obs, Shop};
use crate::rng::Rng;
use crate::truth::Label::{self, Negative as N, Positive as P};

const COMPARED: &str = "price_fraud.reference_price";

/// A price schedule: (first day relative to the display day, price from then on).
#[derive(Clone, Copy)]
pub(super) struct Steps(pub(super) &'static [(i64, i64)]);

impl Steps {
    /// The price on `offset` days from the display day (the first step's before it starts).
    fn at(self, offset: i64) -> i64 {
        let mut price = self.0.first().map_or(0, |s| s.1);
        for &(from, p) in self.0 {
            if offset >= from {
                price = p;
            }
        }
        price
    }

    /// The first day of the schedule.
    fn start(self) -> i64 {
        self.0.first().map_or(-21, |s| s.0)
    }
}

/// A completed order of one unit at `price` on `day` at `second` to a drawn shopper.
#[allow(clippy::too_many_arguments)]
fn completed(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    l: &Listing,
    order_no: &mut u64,
    day: i64,
    second: i64,
    price: i64,
) {
    let buyer = rng.pick(buyers).clone();
    let row = KIT.sale(rng, l, order_no, day, second, price, 1, &buyer, "completed");
    city.add(l.platform, "orders", row);
}

/// Sales on every day of the schedule before the display day, at the schedule's price.
fn trade(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    l: &Listing,
    order_no: &mut u64,
    (display, steps): (i64, Steps),
) {
    for offset in steps.start()..0 {
        let second = rng.range(33_000, 75_000);
        completed(
            city,
            rng,
            buyers,
            l,
            order_no,
            display + offset,
            second,
            steps.at(offset),
        );
    }
}

/// One compared-price case.
struct Compared {
    platform: &'static str,
    shop: &'static str,
    title: &'static str,
    class: &'static str,
    steps: Steps,
    /// One more completed sale: (days before the display, second, price).
    extra: Option<(i64, i64, i64)>,
    shown: i64,
    reference: i64,
    kind: &'static str,
    label: &'static str,
    verdict: Label,
    why: &'static str,
}

pub(super) fn compared(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    let display = days - 1;
    let cases = [
        Compared {
            platform: MALL,
            shop: "驭风电动车",
            title: "新国标电动自行车 48V 续航60km 可上牌",
            class: "general",
            steps: Steps(&[(-21, 299_900), (-5, 279_900), (-2, 309_900)]),
            extra: None,
            shown: 269_900,
            reference: 329_900,
            kind: "previous_price",
            label: "原价３２９９ 现价２６９９",
            verdict: P,
            why: "价格三次变动，比较前七日内最低成交价2799元，“原价3299元”从未成交且高于它（明码标价和禁止价格欺诈规定第十六条第二款）",
        },
        Compared {
            platform: MALL,
            shop: "点点卡券",
            title: "游戏点卡 100元面值 自动发货 秒到账",
            class: "digital",
            steps: Steps(&[(-21, 9_500)]),
            extra: None,
            shown: 9_500,
            reference: 9_800,
            kind: "previous_price",
            label: "原价98 今日95",
            verdict: P,
            why: "三周来每笔都以95元成交，“原价98元”从未成交，高于前七日最低成交价（明码标价和禁止价格欺诈规定第十六条第二款）",
        },
        Compared {
            platform: LOCAL,
            shop: "安和殡仪服务",
            title: "寿衣七件套 传统盘扣 含上门穿戴",
            class: "general",
            steps: Steps(&[(-21, 168_000), (-6, 128_000), (-5, 168_000)]),
            extra: None,
            shown: 138_000,
            reference: 168_000,
            kind: "previous_price",
            label: "原价1680 现1380",
            verdict: P,
            why: "比较前第6天寒衣节一日价1280元仍在七日之内，“原价1680元”高于前七日最低成交价（明码标价和禁止价格欺诈规定第十六条第二款）",
        },
        Compared {
            platform: LOCAL,
            shop: "知音琴行",
            title: "钢琴一对一 10课时 专业老师",
            class: "general",
            steps: Steps(&[(-21, 360_000), (-8, 320_000)]),
            extra: None,
            shown: 298_000,
            reference: 360_000,
            kind: "previous_price",
            label: "原价3600元/10节 限时2980",
            verdict: P,
            why: "比较前8天起已降为3200元成交，前七日最低成交价3200元，“原价3600元”高于它（明码标价和禁止价格欺诈规定第十六条第二款）",
        },
        Compared {
            platform: MALL,
            shop: "野趣营地装备",
            title: "自动速开帐篷 3-4人 防暴雨 露营",
            class: "general",
            steps: Steps(&[(-21, 99_900), (-12, 89_900), (-4, 109_900)]),
            extra: None,
            shown: 79_900,
            reference: 129_900,
            kind: "unspecified",
            label: "专柜价1299 | 到手价799",
            verdict: P,
            why: "“专柜价1299元”未说明来源，前七日最低成交价899元，被比较价格高于它（明码标价和禁止价格欺诈规定第十六条第二款）",
        },
        Compared {
            platform: MALL,
            shop: "贝贝乐母婴",
            title: "婴儿推车 高景观 可坐可躺 一键收车",
            class: "general",
            steps: Steps(&[(-21, 159_900)]),
            extra: Some((3, 86_280, 149_900)),
            shown: 139_900,
            reference: 159_900,
            kind: "previous_price",
            label: "原价1599 直降200",
            verdict: P,
            why: "比较前第3天23:58零点秒杀成交一笔1499元，前七日最低成交价1499元，“原价1599元”高于它（明码标价和禁止价格欺诈规定第十六条第二款）",
        },
        Compared {
            platform: MALL,
            shop: "时刻表行",
            title: "自动机械表 蓝宝石镜面 40mm 男款",
            class: "general",
            steps: Steps(&[(-21, 258_000)]),
            extra: None,
            shown: 258_000,
            reference: 328_000,
            kind: "other_disclosed",
            label: "品牌2026年秋季价目表零售价3280元（价目表见详情页）",
            verdict: N,
            why: "被比较价格标明了来源和详细信息（品牌2026年秋季价目表，可查证），不适用前七日最低成交价（明码标价和禁止价格欺诈规定第十六条）",
        },
        Compared {
            platform: MALL,
            shop: "微光香氛",
            title: "大豆蜡香薰蜡烛 220g 无烟",
            class: "general",
            steps: Steps(&[(-30, 12_900), (-20, 9_900), (-11, 12_900)]),
            extra: None,
            shown: 9_900,
            reference: 12_900,
            kind: "previous_price",
            label: "原价129 会员日99",
            verdict: N,
            why: "99元的价格在比较前第20至12天，已在七日之外；前七日每笔都以129元成交，“原价129元”不高于前七日最低成交价（明码标价和禁止价格欺诈规定第十六条第二款）",
        },
    ];
    for (k, c) in cases.into_iter().enumerate() {
        let mut s = KIT.shop(city, rng, c.platform, &format!("cmp{k}"), c.shop);
        let l = item(
            city,
            &mut s,
            (c.title, None),
            "促销/划线价",
            c.class,
            c.reference,
        );
        trade(city, rng, buyers, &l, order_no, (display, c.steps));
        if let Some((before, second, price)) = c.extra {
            completed(
                city,
                rng,
                buyers,
                &l,
                order_no,
                display - before,
                second,
                price,
            );
        }
        KIT.show(
            city,
            rng,
            &l,
            &Obs {
                day: display,
                shown: c.shown,
                reference: Some(c.reference),
                kind: Some(c.kind),
                promo: "discount",
                label: Some(c.label),
                ..KIT.obs()
            },
        );
        KIT.t_listing(city, COMPARED, &l, c.verdict, c.why);
    }
}

/// One raise-before-discount case.
struct Raised {
    platform: &'static str,
    shop: &'static str,
    title: &'static str,
    /// Display day relative to the last day.
    display: i64,
    steps: Steps,
    shown: i64,
    label: &'static str,
    /// Audited cost: (first day of the new cost relative to the display, before, after).
    cost: Option<(i64, i64, i64)>,
    verdict: Label,
    why: &'static str,
}

pub(super) fn raised(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    const RULE: &str = "price_fraud.raise_then_discount";
    let cases = [
        Raised {
            platform: MALL,
            shop: "快修侠手机维修",
            title: "手机屏幕更换 原厂品质 上门维修",
            display: 0,
            steps: Steps(&[(-30, 39_900), (-3, 52_900)]),
            shown: 42_900,
            label: "原价529 直降100",
            cost: None,
            verdict: P,
            why: "促销前3天把399元提到529元，“直降100元”后的429元仍高于提价前的399元（明码标价和禁止价格欺诈规定第十七条）",
        },
        Raised {
            platform: LOCAL,
            shop: "蚂蚁搬家",
            title: "同城搬家 4.2米厢货 2名师傅 搬运",
            display: 0,
            steps: Steps(&[(-30, 48_000), (-6, 56_000), (-2, 64_000)]),
            shown: 49_900,
            label: "限时7.8折",
            cost: None,
            verdict: P,
            why: "促销前6天和2天分两步从480元提到640元，再按640元打“7.8折”为499元，高于提价前的480元（明码标价和禁止价格欺诈规定第十七条）",
        },
        Raised {
            platform: MALL,
            shop: "启程留学",
            title: "英国硕士申请 全程服务 文书+网申",
            display: -1,
            steps: Steps(&[(-30, 1_680_000), (-3, 2_280_000)]),
            shown: 1_780_000,
            label: "双12 直降5000",
            cost: None,
            verdict: P,
            why: "双十二前3天从16800元提到22800元，“直降5000元”后17800元仍高于提价前（明码标价和禁止价格欺诈规定第十七条）",
        },
        Raised {
            platform: MALL,
            shop: "驭风电动车",
            title: "电动车锂电池 48V 20Ah 以旧换新",
            display: 0,
            steps: Steps(&[(-60, 89_900), (-45, 109_900)]),
            shown: 98_900,
            label: "9折",
            cost: Some((-45, 62_000, 80_000)),
            verdict: N,
            why: "45天前因电芯成本经审计上涨而调价，新价已持续成交45天，9折以持续的真实价格为基础（明码标价和禁止价格欺诈规定第十七条）",
        },
        Raised {
            platform: LOCAL,
            shop: "良缘婚恋",
            title: "婚恋会员 VIP 年卡 一对一红娘",
            display: 0,
            steps: Steps(&[(-40, 399_900), (-20, 499_900)]),
            shown: 449_900,
            label: "9折",
            cost: None,
            verdict: N,
            why: "20天前调价后按新价持续成交，折后449.9元仍高于调价前价格，不是为促销虚抬的原价（明码标价和禁止价格欺诈规定第十七条）",
        },
    ];
    for (k, c) in cases.into_iter().enumerate() {
        let display = days - 1 + c.display;
        let mut s = KIT.shop(city, rng, c.platform, &format!("rise{k}"), c.shop);
        let l = item(
            city,
            &mut s,
            (c.title, None),
            "促销/折扣",
            "general",
            c.steps.at(-1),
        );
        trade(city, rng, buyers, &l, order_no, (display, c.steps));
        // Plain displays every third day at the day's price.
        for offset in (c.steps.start()..0).filter(|o| o.rem_euclid(3) == 0) {
            KIT.plain(city, rng, &l, display + offset, c.steps.at(offset));
        }
        if let Some((from, before, after)) = c.cost {
            for (valid_from, valid_to, cost) in [
                (-400, Some(display + from - 1), before),
                (display + from, None, after),
            ] {
                city.add(c.platform, "costs", json!({
                    "platform_id": c.platform, "listing_id": l.id, "valid_from": date(valid_from),
                    "valid_to": valid_to.map(date), "unit_cost_fen": cost, "basis": "audited",
                }));
            }
        }
        let reference = c.steps.at(-1);
        KIT.show(
            city,
            rng,
            &l,
            &Obs {
                day: display,
                second: 41_000,
                shown: c.shown,
                reference: Some(reference),
                kind: Some("previous_price"),
                promo: "discount",
                label: Some(c.label),
                ..KIT.obs()
            },
        );
        KIT.t_listing(city, RULE, &l, c.verdict, c.why);
        // The same display under 第十六条: the raised price against the week's lowest sale.
        let low = (-7..0).map(|o| c.steps.at(o)).min().unwrap_or(reference);
        let yuan = |fen: i64| fen / 100;
        if reference > low {
            let why = format!(
                "提价后展示的“原价{}元”高于前七日最低成交价{}元（明码标价和禁止价格欺诈规定第十六条第二款）",
                yuan(reference),
                yuan(low)
            );
            KIT.t_listing(city, COMPARED, &l, P, &why);
        } else {
            let why = format!(
                "被比较价格{}元即前七日的成交价，不高于前七日最低成交价（明码标价和禁止价格欺诈规定第十六条第二款）",
                yuan(reference)
            );
            KIT.t_listing(city, COMPARED, &l, N, &why);
        }
    }
}

/// One step of a viewer's session: (page, shown, payable, promotion, label).
type Step = (&'static str, i64, i64, &'static str, Option<&'static str>);

/// One prominent-price case: each of ten viewers goes through the steps in order.
struct Funnel {
    platform: &'static str,
    shop: &'static str,
    title: &'static str,
    steps: &'static [Step],
    /// Each step seen by a different viewer (in a different district) instead of one.
    split: Option<&'static [&'static str]>,
    verdict: Label,
    why: &'static str,
}

pub(super) fn funnels(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "price_fraud.bait_price";
    let cases = [
        Funnel {
            platform: LOCAL,
            shop: "平安开锁",
            title: "24小时上门开锁 防盗门 普通锁芯",
            steps: &[
                ("search", 3_000, 3_000, "none", Some("上门开锁30元")),
                ("detail", 3_000, 3_000, "none", None),
                ("checkout", 11_000, 11_000, "none", Some("含夜间上门费80元")),
            ],
            split: None,
            verdict: P,
            why: "搜索页以“上门开锁30元”招揽，同一用户结算时须付110元，上门费只在结算页出现（明码标价和禁止价格欺诈规定第十九条第二项、第二十条）",
        },
        Funnel {
            platform: LOCAL,
            shop: "随电共享充电",
            title: "共享充电宝 租借 按小时计费",
            steps: &[
                ("home", 100, 100, "none", Some("1元/小时 随借随还")),
                ("checkout", 300, 300, "none", None),
            ],
            split: None,
            verdict: P,
            why: "首页标“1元/小时”，同一用户扫码结算按3元/小时计费（明码标价和禁止价格欺诈规定第十九条第二项）",
        },
        Funnel {
            platform: LIVE,
            shop: "迷城密室",
            title: "沉浸式密室逃脱 双人票 周末通用",
            steps: &[
                (
                    "live",
                    6_800,
                    6_800,
                    "discount",
                    Some("直播间价68 点链接就是68"),
                ),
                ("checkout", 9_800, 9_800, "none", None),
            ],
            split: None,
            verdict: P,
            why: "直播间口播并展示68元，同一观众点进链接结算为98元（明码标价和禁止价格欺诈规定第十九条第二项、第二十条）",
        },
        Funnel {
            platform: LOCAL,
            shop: "洁衣坊洗衣",
            title: "上门取送洗衣 任洗3件",
            steps: &[
                ("home", 5_900, 5_900, "bundle", Some("任洗3件59元")),
                ("detail", 7_500, 7_500, "none", Some("单件25元 3件75元")),
                ("checkout", 5_900, 5_900, "bundle", Some("任洗3件59元")),
            ],
            split: None,
            verdict: N,
            why: "首页“任洗3件59元”低于详情页单件累计价，但同一用户结算时确实按59元支付，标示的价格得到兑现（明码标价和禁止价格欺诈规定第十九条）",
        },
        Funnel {
            platform: MALL,
            shop: "匠心家装",
            title: "全屋乳胶漆翻新 按平米计价 含人工",
            steps: &[
                ("search", 8_800, 8_800, "none", Some("主城区88元/㎡")),
                (
                    "detail",
                    10_800,
                    10_800,
                    "none",
                    Some("淳安、建德等偏远地区上门加收20元/㎡（已公示）"),
                ),
            ],
            split: Some(&["330106", "330127"]),
            verdict: N,
            why: "两个价格给了不同区县的不同用户，偏远地区加收已在详情页公示，不是同一用户被低价吸引后加价（明码标价和禁止价格欺诈规定第十九条）",
        },
        Funnel {
            platform: MALL,
            shop: "贝贝乐母婴",
            title: "婴儿湿巾 80抽 加厚 手口可用",
            steps: &[
                (
                    "home",
                    2_990,
                    2_990,
                    "random_draw",
                    Some("随机立减 最高减5元"),
                ),
                (
                    "checkout",
                    2_690,
                    2_690,
                    "random_draw",
                    Some("已随机立减3元"),
                ),
            ],
            split: None,
            verdict: N,
            why: "结算价低于首页展示价，实际收取的价格不高于标示价格（明码标价和禁止价格欺诈规定第二十一条第二项）",
        },
    ];
    for (k, c) in cases.into_iter().enumerate() {
        let mut s = KIT.shop(city, rng, c.platform, &format!("funnel{k}"), c.shop);
        let list = c.steps.iter().map(|s| s.1).max().unwrap_or(0);
        let l = item(
            city,
            &mut s,
            (c.title, None),
            "促销/展示价",
            "general",
            list,
        );
        for v in 0..10i64 {
            let day = days - 13 + v;
            let viewer = rng.hex64();
            let mut second = 20_000 + v * 4_100;
            for (i, &(page, shown, payable, promo, label)) in c.steps.iter().enumerate() {
                let (who, adcode) = match c.split {
                    Some(districts) => (rng.hex64(), districts[i % districts.len()]),
                    None => (viewer.clone(), "330105"),
                };
                KIT.show(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day,
                        second,
                        page,
                        shown,
                        payable: Some(payable),
                        promo,
                        label,
                        viewer: Some(&who),
                        segment: "returning",
                        orders_90d: Some(2 + v % 3),
                        device: "ios",
                        adcode,
                        ..KIT.obs()
                    },
                );
                second += 75 + 30 * i as i64;
            }
        }
        KIT.t_listing(city, RULE, &l, c.verdict, c.why);
    }
}

/// What a deadline case shows on a day: (second, shown, label) displays.
type Day = Vec<(i64, i64, Option<String>)>;

/// A promoted day's displays: (second, label), or `None` on a day without the promotion.
type Shows = Option<Vec<(i64, Option<&'static str>)>>;

/// One deadline case.
struct Deadline {
    platform: &'static str,
    shop: &'static str,
    title: &'static str,
    usual: i64,
    promo: i64,
    /// The promoted displays of each day (others show the usual price at noon).
    on: fn(i64, i64) -> Shows,
    verdict: Label,
    why: &'static str,
}

pub(super) fn deadlines(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "price_fraud.fake_time_limit";
    // Day 25 is 2026-11-09 (寒衣节, 农历十月初一); day 43 is 11-27 (黑五); day 50 is 12-04.
    let cases = [
        Deadline {
            platform: LOCAL,
            shop: "城泊停车",
            title: "商场停车 包夜券 19:00-次日08:00",
            usual: 1_500,
            promo: 1_500,
            on: |d, last| {
                (d >= last - 15).then(|| {
                    vec![
                        (84_000, Some("今晚零点涨价 抓紧囤券")),
                        (2_400, Some("今晚零点涨价 抓紧囤券")),
                    ]
                })
            },
            verdict: P,
            why: "连续16晚在23:20和零点后都标“今晚零点涨价”，价格从未上涨，虚构涨价时限（明码标价和禁止价格欺诈规定第十九条第四项）",
        },
        Deadline {
            platform: MALL,
            shop: "点点卡券",
            title: "游戏月卡 30天 自动续期可关",
            usual: 3_000,
            promo: 2_500,
            on: |d, last| (d >= last - 17).then(|| vec![(50_000, Some("仅剩 ２ 小时 恢复原价"))]),
            verdict: P,
            why: "连续18天每天都标“仅剩２小时 恢复原价”，25元从未恢复为30元（明码标价和禁止价格欺诈规定第十九条第四项）",
        },
        Deadline {
            platform: LOCAL,
            shop: "安和殡仪服务",
            title: "寒衣节 祭扫代客服务 鲜花+擦拭+直播",
            usual: 26_800,
            promo: 19_900,
            on: |d, _| {
                (18..=40)
                    .contains(&d)
                    .then(|| vec![(39_000, Some("寒衣节特惠 11月9日截止"))])
            },
            verdict: P,
            why: "标明“11月9日截止”，11月9日后又连续15天照标这一截止日并按199元销售（明码标价和禁止价格欺诈规定第十九条第四项）",
        },
        Deadline {
            platform: MALL,
            shop: "野趣营地装备",
            title: "羽绒睡袋 -10℃ 舒适温标 露营",
            usual: 69_900,
            promo: 49_900,
            on: |d, _| {
                (43..=46)
                    .contains(&d)
                    .then(|| vec![(45_000, Some("黑五特价 11月27日—11月30日"))])
            },
            verdict: N,
            why: "黑五特价标明11月27日至30日，只在这四天展示，12月1日起恢复699元，时限真实（明码标价和禁止价格欺诈规定第十九条第四项）",
        },
        Deadline {
            platform: LOCAL,
            shop: "推理馆剧本杀",
            title: "剧本杀 6人本 沉浸式 周三半价",
            usual: 12_800,
            promo: 6_400,
            on: |d, _| (weekday(d) == 2).then(|| vec![(48_000, Some("周三半价日 仅限周三"))]),
            verdict: N,
            why: "每周三半价、其他日子原价，标明的“仅限周三”每周都如实兑现，周期性优惠不是虚构时限（明码标价和禁止价格欺诈规定第十九条第四项）",
        },
        Deadline {
            platform: MALL,
            shop: "微光香氛",
            title: "香薰礼盒 四季系列 夜场秒杀",
            usual: 25_900,
            promo: 15_900,
            on: |d, _| match d {
                50 => Some(vec![(83_400, Some("23:00—次日01:00 限时秒杀"))]),
                51 => Some(vec![(1_800, Some("23:00—次日01:00 限时秒杀"))]),
                _ => None,
            },
            verdict: N,
            why: "跨零点的两小时秒杀只在12月4日23:00至5日01:00出现，5日02:00起恢复259元，时限真实（明码标价和禁止价格欺诈规定第十九条第四项）",
        },
    ];
    let last = days - 1;
    for (k, c) in cases.into_iter().enumerate() {
        let mut s = KIT.shop(city, rng, c.platform, &format!("clock{k}"), c.shop);
        let l = item(
            city,
            &mut s,
            (c.title, None),
            "促销/时限",
            "general",
            c.usual,
        );
        for d in 0..=last {
            let promoted = (c.on)(d, last);
            let day: Day = match promoted {
                Some(list) => list
                    .into_iter()
                    .map(|(second, label)| (second, c.promo, label.map(str::to_string)))
                    .collect(),
                None => vec![(43_500, c.usual, None)],
            };
            for (second, shown, label) in day {
                let flash = label.is_some();
                KIT.show(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: d,
                        second,
                        shown,
                        promo: if flash { "flash_sale" } else { "none" },
                        label: label.as_deref(),
                        ..KIT.obs()
                    },
                );
            }
        }
        KIT.t_listing(city, RULE, &l, c.verdict, c.why);
    }
}

/// One history-pricing case over a panel of viewers each seen several times.
struct Panel {
    platform: &'static str,
    title: &'static str,
    price: i64,
    page: &'static str,
    /// Payable price for (viewer's 90-day orders, day, viewer's district); and its label.
    pay: fn(i64, i64, &str) -> (i64, Option<&'static str>),
    /// Districts a viewer with this history is seen in.
    place: fn(i64) -> &'static str,
    /// Days a viewer with this history shows up (a filter on the day).
    visits: fn(i64, i64) -> bool,
    verdict: Label,
    why: &'static str,
}

pub(super) fn panels(city: &mut City, rng: &mut Rng, days: i64) {
    const RULE: &str = "price_discrimination.loyalty_surcharge";
    fn anywhere(_: i64) -> &'static str {
        "330102"
    }
    fn any_day(_: i64, _: i64) -> bool {
        true
    }
    let cases = [
        Panel {
            platform: LOCAL,
            title: "共享充电宝 按小时计费 商圈网点",
            price: 300,
            page: "checkout",
            pay: |h, _, _| (if h >= 15 { 400 } else { 300 }, None),
            place: anywhere,
            visits: any_day,
            verdict: P,
            why: "同一网点、同一时段，90天内借用15次以上的用户每小时付4元，其他用户3元，以交易历史差别定价（浙江省电子商务条例第十四条；个人信息保护法第二十四条）",
        },
        Panel {
            platform: LOCAL,
            title: "商圈停车场 临时停车 按次",
            price: 1_000,
            page: "checkout",
            pay: |h, _, _| {
                if h >= 8 {
                    (1_150, Some("含服务费1.5元"))
                } else {
                    (1_000, None)
                }
            },
            place: anywhere,
            visits: any_day,
            verdict: P,
            why: "结算时只对90天内停车8次以上的账户加收1.5元“服务费”，交易条件相同（浙江省电子商务条例第十四条）",
        },
        Panel {
            platform: LOCAL,
            title: "衬衫洗烫 单件 上门取送",
            price: 1_500,
            page: "checkout",
            pay: |h, _, _| (1_500 * (100 + h / 5) / 100, None),
            place: anywhere,
            visits: any_day,
            verdict: P,
            why: "实付价随用户90天订单数逐级上涨（每多5单贵1%），老客户付得更多（浙江省电子商务条例第十四条）",
        },
        Panel {
            platform: LOCAL,
            title: "钢琴课 续费 10课时",
            price: 30_000,
            page: "checkout",
            pay: |h, _, _| {
                if h >= 10 {
                    (28_500, Some("老学员续费95折（规则已公示）"))
                } else {
                    (30_000, None)
                }
            },
            place: anywhere,
            visits: any_day,
            verdict: N,
            why: "公示的老学员续费95折，交易多的用户付得更少，不是对老客户加价（浙江省电子商务条例第十四条）",
        },
        Panel {
            platform: LOCAL,
            title: "共享充电宝 按小时计费 交通枢纽网点",
            price: 300,
            page: "checkout",
            pay: |_, _, adcode| {
                if adcode == "330109" {
                    (400, Some("机场网点 4元/小时（网点公示）"))
                } else {
                    (300, None)
                }
            },
            place: |h| if h >= 15 { "330109" } else { "330106" },
            visits: any_day,
            verdict: N,
            why: "价格只随网点不同：机场网点公示4元/小时，常借用户多是在机场借用的商务旅客，同一网点所有人同价（浙江省电子商务条例第十四条）",
        },
        Panel {
            platform: MALL,
            title: "纸尿裤 L码 60片 超薄透气",
            price: 12_900,
            page: "detail",
            pay: |_, d, _| {
                // The 18th of each month (days 3 and 34) is the shop's members' day for all.
                if d == 3 || d == 34 {
                    (9_900, Some("每月18日会员日 全场99"))
                } else {
                    (12_900, None)
                }
            },
            place: anywhere,
            visits: |h, d| h >= 15 || d % 4 == 0 || d == 3 || d == 34,
            verdict: N,
            why: "每月18日会员日人人99元，囤货的老客户多在会员日下单，老客户付得更少（浙江省电子商务条例第十四条）",
        },
    ];
    let last = days - 1;
    for (k, c) in cases.into_iter().enumerate() {
        let mut s = KIT.shop(city, rng, c.platform, &format!("panel{k}"), "城市便民服务");
        let l = item(
            city,
            &mut s,
            (c.title, None),
            "生活服务/便民",
            "general",
            c.price,
        );
        // Forty viewers, half of them frequent, each seen on up to six days over five weeks.
        for v in 0..40i64 {
            let viewer = rng.hex64();
            let history = if v % 2 == 0 {
                15 + (v * 7) % 30
            } else {
                (v * 3) % 8
            };
            let place = (c.place)(history);
            let mut seen = 0;
            for d in (last - 34..=last).filter(|&d| (d + v) % 5 == 0 || d == 3 || d == 34) {
                if seen == 6 || !(c.visits)(history, d) {
                    continue;
                }
                seen += 1;
                let (payable, label) = (c.pay)(history, d, place);
                KIT.show(
                    city,
                    rng,
                    &l,
                    &Obs {
                        day: d,
                        second: 61_000 + v * 37,
                        page: c.page,
                        shown: c.price,
                        payable: Some(payable),
                        label,
                        viewer: Some(&viewer),
                        segment: if history == 0 { "new" } else { "returning" },
                        orders_90d: Some(history),
                        device: "mini_program",
                        adcode: place,
                        ..KIT.obs()
                    },
                );
            }
        }
        KIT.t_listing(city, RULE, &l, c.verdict, c.why);
    }
}

/// One below-cost case: the price runs `low` over `span` (first, last day) and `usual` otherwise.
struct UnderCost {
    platform: &'static str,
    shop: &'static str,
    title: (&'static str, Option<&'static str>),
    class: &'static str,
    cost: (i64, &'static str),
    usual: i64,
    low: i64,
    span: (i64, i64),
    verdict: Label,
    why: &'static str,
}

pub(super) fn under_cost(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    const RULE: &str = "below_cost.sustained";
    let last = days - 1;
    let cases = [
        UnderCost {
            platform: MALL,
            shop: "驭风电动车",
            title: ("折叠电动车 14寸 锂电 通勤", None),
            class: "general",
            cost: (210_000, "audited"),
            usual: 239_900,
            low: 205_000,
            span: (last - 31, last),
            verdict: P,
            why: "连续32天以2050元销售，低于经审计的单位成本2100元，不属于鲜活、季节性、积压商品的降价处理（价格法第十四条第二项）",
        },
        UnderCost {
            platform: MALL,
            shop: "点点卡券",
            title: ("游戏点卡 100元 批量 充值卡", None),
            class: "digital",
            cost: (9_500, "declared"),
            usual: 9_800,
            low: 9_200,
            span: (last - 39, last),
            verdict: P,
            why: "连续40天以92元销售面值卡，低于申报进价95元，排挤同业（价格法第十四条第二项）",
        },
        UnderCost {
            platform: LOCAL,
            shop: "快修侠手机维修",
            title: ("手机电池更换 含工时 原装电芯", None),
            class: "general",
            cost: (16_000, "declared"),
            usual: 19_900,
            low: 9_900,
            span: (last - 44, last),
            verdict: P,
            why: "连续45天以99元更换电池，远低于申报的电芯和工时成本160元（价格法第十四条第二项）",
        },
        UnderCost {
            platform: MALL,
            shop: "野趣营地装备",
            title: (
                "夏季防蚊帐篷 网纱款 换季清仓",
                Some("夏季款换季清仓，秋冬不再补货"),
            ),
            class: "general",
            cost: (26_000, "audited"),
            usual: 35_900,
            low: 15_900,
            span: (last - 39, last),
            verdict: N,
            why: "入冬后降价处理夏季网纱帐篷，属季节性商品降价销售，不属于低价倾销（价格法第十四条第二项）",
        },
        UnderCost {
            platform: MALL,
            shop: "知音琴行",
            title: (
                "数码钢琴 88键 2024款 库存清仓",
                Some("2024款积压库存，新款已上市，清完为止"),
            ),
            class: "general",
            cost: (320_000, "audited"),
            usual: 399_900,
            low: 259_900,
            span: (last - 34, last),
            verdict: N,
            why: "新款上市后降价处理积压的旧款库存，属积压商品降价销售（价格法第十四条第二项）",
        },
        UnderCost {
            platform: MALL,
            shop: "微光香氛",
            title: ("香薰蜡烛 双12 限量", None),
            class: "general",
            cost: (6_000, "declared"),
            usual: 8_900,
            low: 5_500,
            span: (last - 5, last),
            verdict: N,
            why: "只在双十二前后6天低于成本，之前一直高于成本销售，不是持续的低于成本销售（价格法第十四条第二项）",
        },
    ];
    for (k, c) in cases.into_iter().enumerate() {
        let mut s = KIT.shop(city, rng, c.platform, &format!("cost{k}"), c.shop);
        let l = item(city, &mut s, c.title, "低价/成本", c.class, c.usual);
        city.add(c.platform, "costs", json!({
            "platform_id": c.platform, "listing_id": l.id, "valid_from": date(-150), "valid_to": null,
            "unit_cost_fen": c.cost.0, "basis": c.cost.1,
        }));
        for d in 0..=last {
            let low = (c.span.0..=c.span.1).contains(&d);
            let price = if low { c.low } else { c.usual };
            // Two sales a day while low, one every other day otherwise.
            let sales = if low { 2 } else { i64::from(d % 2 == 0) };
            for n in 0..sales {
                completed(
                    city,
                    rng,
                    buyers,
                    &l,
                    order_no,
                    d,
                    36_000 + n * 18_000,
                    price,
                );
            }
            if d % 2 == 1 || low {
                KIT.plain(city, rng, &l, d, price);
            }
        }
        KIT.t_listing(city, RULE, &l, c.verdict, c.why);
    }
}

/// One platform campaign case.
struct Campaign {
    platform: &'static str,
    name: &'static str,
    category: &'static str,
    terms: &'static str,
    /// Campaign price and cost as percentages of the usual price.
    price: i64,
    cost: i64,
    /// Sanction on the merchants that drop out in the campaign's first days.
    sanction: Option<&'static str>,
    verdict: Label,
    why: &'static str,
    terms_verdict: Label,
    terms_why: &'static str,
}

pub(super) fn campaigns(
    city: &mut City,
    rng: &mut Rng,
    buyers: &[String],
    days: i64,
    order_no: &mut u64,
) {
    const RULE: &str = "below_cost.platform_forced";
    const TERMS: &str = "unfair_terms.restrictive_clause";
    let cases = [
        Campaign {
            platform: "h7-tingche",
            name: "泊好车",
            category: "services",
            terms: "一、月卡统一定价：本活动期间平台将所有停车场月卡价格统一调整为原价的六折，商家不得自行修改。二、中途退出或拒不执行的，平台取消其首页推荐并限制流量。",
            price: 60,
            cost: 75,
            sanction: Some("traffic_limit"),
            verdict: P,
            why: "平台统一把月卡价格定为六折（低于商家成本75%）并锁定，退出者被限流，迫使商家低于成本销售（反不正当竞争法（2025）第十四条）",
            terms_verdict: P,
            terms_why: "活动条款由平台锁定价格并以限流惩罚退出者，对平台内经营者的交易价格作不合理限制（电子商务法第三十五条）",
        },
        Campaign {
            platform: "h7-chongdian",
            name: "满格电",
            category: "services",
            terms: "Q：活动价格谁定？A：平台统一调价为1元/小时，商家无需操作。Q：可以不参加吗？A：全部网点默认参加；擅自恢复原价的，每个网点每天扣除保证金200元。",
            price: 33,
            cost: 60,
            sanction: Some("deposit_deduction"),
            verdict: P,
            why: "平台把所有网点统一调为1元/小时（约为成本的一半），默认参加，恢复原价者被扣保证金（反不正当竞争法（2025）第十四条）",
            terms_verdict: P,
            terms_why: "以问答写成的条款：默认参加、平台定价、扣保证金，强制商家接受不合理的交易价格（电子商务法第三十五条）",
        },
        Campaign {
            platform: "h7-dianka",
            name: "卡速通",
            category: "sales",
            terms: "1. 活动期内点卡一律按面值九折出售；2. 售价由平台系统设定；3. 未报名或中途下调库存的商家，平台将下架其全部商品。",
            price: 90,
            cost: 95,
            sanction: Some("listing_removal"),
            verdict: P,
            why: "平台把点卡售价定为面值九折（低于95%的进价），不参加者全部下架（反不正当竞争法（2025）第十四条）",
            terms_verdict: P,
            terms_why: "编号条款规定平台定价、不参加即下架全部商品，不合理限制平台内经营者（电子商务法第三十五条）",
        },
        Campaign {
            platform: "h7-qinyun",
            name: "琴韵",
            category: "services",
            terms: "本次秋季课程节自愿报名，活动价格由商家自行设定，商家可随时退出，退出不影响店铺流量和评级。",
            price: 70,
            cost: 80,
            sanction: None,
            verdict: N,
            why: "商家自愿报名、自定价格、随时可退出且无任何不利后果，低于成本是商家自己的选择，平台没有强迫（反不正当竞争法（2025）第十四条）",
            terms_verdict: N,
            terms_why: "自愿参加、商家定价、可随时退出，条款未限制商家（电子商务法第三十五条）",
        },
        Campaign {
            platform: "h7-yeying",
            name: "野营派",
            category: "sales",
            terms: "参加冬季露营节的商家须保证活动商品库存充足、按时发货；活动价格由商家报名时填写，不低于商家近30日最低价的九折。",
            price: 92,
            cost: 70,
            sanction: Some("search_demotion"),
            verdict: N,
            why: "活动价由商家自报且高于成本；对个别商家的降权是因虚假发货（处罚理由另有记载），与活动价格无关（反不正当竞争法（2025）第十四条）",
            terms_verdict: N,
            terms_why: "只要求库存和发货，价格由商家填报，属于正当的活动规则（电子商务法第三十五条）",
        },
        Campaign {
            platform: "h7-jiayi",
            name: "家衣净",
            category: "services",
            terms: "平台建议活动价为原价八五折，商家可选择采用或保留原价，选择不影响搜索排序。",
            price: 85,
            cost: 60,
            sanction: None,
            verdict: N,
            why: "平台只给出建议价，商家可自由采用或不采用，采用的价格仍高于成本（反不正当竞争法（2025）第十四条）",
            terms_verdict: N,
            terms_why: "建议价可选可不选、不影响排序，未限制商家定价（电子商务法第三十五条）",
        },
    ];
    let last = days - 1;
    let start = last - 12;
    for c in cases {
        new_platform(city, rng, c.platform, c.name, c.category);
        let campaign = format!("{}-winter", c.platform);
        city.add(c.platform, "campaigns", json!({
            "platform_id": c.platform, "campaign_id": campaign, "name": format!("{}冬季活动", c.name),
            "starts_at": at(start, 0), "ends_at": at(last, 86_399), "terms_text": c.terms,
        }));
        for k in 0..5i64 {
            let mut s: Shop = KIT.shop(city, rng, c.platform, &format!("camp{k}"), "入驻商家");
            let usual = 18_000 + 1_000 * k;
            let l = item(
                city,
                &mut s,
                ("活动商品", None),
                "活动/冬季",
                "general",
                usual,
            );
            city.add(c.platform, "costs", json!({
                "platform_id": c.platform, "listing_id": l.id, "valid_from": date(-300), "valid_to": null,
                "unit_cost_fen": usual * c.cost / 100, "basis": "declared",
            }));
            city.add(
                c.platform,
                "campaign_participants",
                json!({
                    "platform_id": c.platform, "campaign_id": campaign, "merchant_id": l.merchant,
                    "joined_at": at(start - 2, 40_000 + k * 600),
                }),
            );
            // The last merchant leaves on the campaign's third day and, where the platform
            // punishes leaving, is sanctioned the day after. On the platform whose sanction is for
            // fake shipping nobody leaves and the second merchant is the one sanctioned.
            let fake_shipping = c.platform == "h7-yeying";
            let leaves = k == 4 && !fake_shipping;
            let sanctioned = if fake_shipping { k == 1 } else { leaves };
            if let (true, Some(action)) = (sanctioned, c.sanction) {
                let reason = if fake_shipping {
                    "虚假发货：订单显示已发货但物流无揽收记录"
                } else {
                    "中途退出平台活动"
                };
                city.add(c.platform, "merchant_sanctions", json!({
                    "platform_id": c.platform, "merchant_id": l.merchant, "at": at(start + 3, 30_600),
                    "action": action, "reason_text": reason,
                }));
            }
            for d in last - 24..=last {
                let in_campaign = d >= start && !(leaves && d >= start + 2);
                let price = if in_campaign {
                    usual * c.price / 100
                } else {
                    usual
                };
                let second = rng.range(30_000, 80_000);
                completed(city, rng, buyers, &l, order_no, d, second, price);
            }
        }
        KIT.t_platform(city, RULE, c.platform, c.verdict, c.why);
        KIT.t_subject(
            city,
            TERMS,
            "campaign",
            c.platform,
            &campaign,
            c.terms_verdict,
            c.terms_why,
        );
    }
}
