//! Held-out scenarios: violations and lawful look-alikes written from the statutes and the data
//! standard alone, independently of the detectors (whose authors also wrote `plant.rs`), so that
//! precision and recall can be measured on cases nobody tuned a detector for.
//!
//! Every id created here carries `ho-` (merchants `<platform>-ho-…`, listings `<merchant>-l<k>`,
//! orders `ho-o<n>`, reviews `ho-rv<n>`, complaints `ho-…`, schemes `ho-pyr-…`, platforms `ho-…`),
//! every truth row's `why` starts with `holdout: `, and every randomness comes from
//! `root.fork("holdout-…")`, so the rest of the city is unchanged by this module.
//!
//! Call it after the other planting and before `background::add` (so that `merchant_daily` rows
//! are derived from these orders too).

use serde_json::{Value, json};
use tianping_domain::value::{USCC_CHARSET, uscc_check_character};

use crate::city::{City, DISTRICTS, Listing, ROADS, at, date, order};
use crate::rng::Rng;
use crate::truth::Label;

const MALL: &str = "huishang";
const LOCAL: &str = "xiansong";
const LIVE: &str = "kanbo";

/// Prefixes a truth reason.
fn why(text: &str) -> String {
    format!("holdout: {text}")
}

/// A GB 32100 code with the given two leading characters, registered in `adcode`, whose check
/// character satisfies `want`.
fn code_where(rng: &mut Rng, prefix: &str, adcode: &str, want: impl Fn(char) -> bool) -> String {
    loop {
        let mut body = format!("{prefix}{adcode}");
        for _ in 0..9 {
            body.push(char::from(USCC_CHARSET[rng.below(31) as usize]));
        }
        if let Some(check) = uscc_check_character(&body)
            && want(check)
        {
            body.push(check);
            return body;
        }
    }
}

/// Whether a code's check character is GB 32100's.
fn checksum_ok(code: &str) -> bool {
    code.len() == 18
        && code
            .get(..17)
            .and_then(uscc_check_character)
            .is_some_and(|c| code.ends_with(c))
}

/// The simulation's state as the held-out planting uses it.
struct Ho<'a> {
    city: &'a mut City,
    rng: Rng,
    buyers: &'a [String],
    order_no: &'a mut u64,
    last: i64,
}

impl Ho<'_> {
    fn buyer(&mut self) -> String {
        self.buyers[self.rng.below(self.buyers.len() as u64) as usize].clone()
    }

    fn place(&mut self) -> (&'static str, String) {
        let (adcode, district) = *self.rng.pick(DISTRICTS);
        let road = *self.rng.pick(ROADS);
        let address = format!("杭州市{district}{road}{}号", self.rng.range(1, 999));
        (adcode, address)
    }

    #[allow(clippy::too_many_arguments)]
    fn register(
        &mut self,
        code: &str,
        name: &str,
        entity: &str,
        status: &str,
        adcode: &str,
        address: &str,
        report_filed: bool,
    ) {
        let rep = self.rng.hex64();
        let established = date(-self.rng.range(700, 4000));
        let capital = self.rng.range(10_000, 500_000) * 1_000;
        self.city.add("registry", "registry", json!({
            "uscc": code, "name": name, "entity_type": entity, "legal_rep_pid": rep, "address": address,
            "adcode": adcode, "established_on": established, "status": status,
            "business_scope": "日用百货、食品、服装鞋帽销售", "registered_capital_fen": capital,
            "annual_report_filed": report_filed,
        }));
    }

    /// A merchant row; returns its id (`<platform>-ho-<tag>`).
    #[allow(clippy::too_many_arguments)]
    fn merchant(
        &mut self,
        platform: &str,
        tag: &str,
        kind: &str,
        code: Option<&str>,
        holder: Option<&str>,
        name: &str,
        place: (&str, &str),
        license: bool,
        turnover: i64,
        closed_on: Option<i64>,
    ) -> String {
        let id = format!("{platform}-ho-{tag}");
        let contact = self.rng.hex64();
        let opened = date(-self.rng.range(200, 1500));
        self.city.add(platform, "merchants", json!({
            "platform_id": platform, "merchant_id": id, "merchant_type": kind, "uscc": code, "holder_pid": holder,
            "name": name, "shop_name": format!("{}店", name.trim_start_matches("杭州").trim_end_matches("有限公司")),
            "address": place.1, "adcode": place.0, "contact_pid": contact, "license_displayed": license,
            "opened_on": opened, "closed_on": closed_on.map(date), "annual_turnover_fen": turnover,
        }));
        id
    }

    /// An ordinary registered company shop (active, licence shown, valid code).
    fn company(&mut self, platform: &str, tag: &str, name: &str) -> String {
        let (adcode, address) = self.place();
        let code = crate::city::uscc(&mut self.rng, adcode, true);
        self.register(&code, name, "company", "active", adcode, &address, true);
        let turnover = self.rng.range(20_000, 900_000) * 1_000;
        self.merchant(
            platform,
            tag,
            "company",
            Some(&code),
            None,
            name,
            (adcode, &address),
            true,
            turnover,
            None,
        )
    }

    /// A listing of `merchant`: (title, category, class, price, 7-day returns offered).
    fn listing(
        &mut self,
        platform: &'static str,
        merchant: &str,
        k: usize,
        goods: (&str, &str, &str, i64, bool),
    ) -> Listing {
        let (title, category, class, price, returns) = goods;
        let id = format!("{merchant}-l{k}");
        let created = at(-self.rng.range(120, 700), 36_000);
        self.city.add(
            platform,
            "listings",
            json!({
                "platform_id": platform, "listing_id": id, "merchant_id": merchant, "title": title,
                "description": null, "category": category, "product_class": class, "brand": null,
                "trademark_reg_no": null, "ad_approval_no": null, "list_price_fen": price,
                "no_reason_return": returns, "created_at": created, "delisted_at": null,
            }),
        );
        Listing {
            platform,
            id,
            merchant: merchant.to_string(),
            price,
        }
    }

    /// An order row with a held-out id (the caller adjusts it and adds it).
    #[allow(clippy::too_many_arguments)]
    fn order(
        &mut self,
        l: &Listing,
        day: i64,
        second: i64,
        price: i64,
        q: i64,
        buyer: &str,
        status: &str,
    ) -> Value {
        *self.order_no += 1;
        let n = *self.order_no;
        let mut row = order(l, n, day, second, price, q, buyer, status, &mut self.rng);
        row["order_id"] = json!(format!("ho-o{n}"));
        row
    }

    /// A completed sale of one unit to a random shopper.
    fn sell(&mut self, l: &Listing, day: i64, second: i64, price: i64) {
        let buyer = self.buyer();
        let row = self.order(l, day, second, price, 1, &buyer, "completed");
        self.city.add(l.platform, "orders", row);
    }

    /// A price display: no compared price, no promotion; the caller sets the rest.
    #[allow(clippy::too_many_arguments)]
    fn obs(
        &mut self,
        l: &Listing,
        day: i64,
        second: i64,
        page: &str,
        shown: i64,
        viewer: Option<&str>,
        segment: &str,
        orders_90d: i64,
    ) -> Value {
        let viewer = viewer.map_or_else(|| self.rng.hex64(), str::to_string);
        let device = *self.rng.pick(&["ios", "android", "mini_program"]);
        json!({
            "platform_id": l.platform, "listing_id": l.id, "observed_at": at(day, second), "page": page,
            "displayed_price_fen": shown, "reference_price_fen": null, "reference_kind": null,
            "promo_kind": "none", "promo_label": null, "payable_price_fen": shown,
            "viewer_pid": viewer, "viewer_segment": segment, "viewer_orders_90d": orders_90d,
            "device": device, "viewer_adcode": "330106", "source": "platform_log",
        })
    }

    fn put(&mut self, platform: &str, table: &'static str, row: Value) {
        self.city.add(platform, table, row);
    }

    fn truth_listing(&mut self, rule: &str, l: &Listing, label: Label, text: &str) {
        let detector = rule.split('.').next().unwrap_or(rule);
        self.city
            .truth
            .add(detector, rule, l.platform, &l.id, label, &why(text));
    }

    fn truth_merchant(&mut self, rule: &str, platform: &str, id: &str, label: Label, text: &str) {
        let detector = rule.split('.').next().unwrap_or(rule);
        self.city
            .truth
            .add_subject(detector, rule, "merchant", platform, id, label, &why(text));
    }
}

/// Plants every held-out scenario.
// Until `city::generate` calls it (the lead wires it in).
pub(crate) fn plant(city: &mut City, root: &Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    let mut ho = Ho {
        city,
        rng: root.fork("holdout-pricing"),
        buyers,
        order_no,
        last: days - 1,
    };
    reference_price(&mut ho);
    raise_then_discount(&mut ho);
    bait_price(&mut ho);
    fake_time_limit(&mut ho);
    ho.rng = root.fork("holdout-discrimination");
    loyalty_surcharge(&mut ho);
    ho.rng = root.fork("holdout-below-cost");
    below_cost(&mut ho);
    ho.rng = root.fork("holdout-pyramid");
    pyramids(&mut ho);
    ho.rng = root.fork("holdout-identity");
    identity(&mut ho);
    ho.rng = root.fork("holdout-returns");
    returns(&mut ho);
    ho.rng = root.fork("holdout-invoices");
    invoices(&mut ho);
    ho.rng = root.fork("holdout-brushing");
    brushing(&mut ho);
    ho.rng = root.fork("holdout-complainants");
    complainants(&mut ho);
    ho.rng = root.fork("holdout-exclusive");
    exclusive(&mut ho, days);
}

// ---------------------------------------------------------------------------------------------
// 明码标价和禁止价格欺诈规定 第十六条第二款: an undetailed compared price must not exceed the lowest
// transaction price of the 7 days before the comparison, or, with no transaction in those days, the
// last transaction price before it.

fn reference_price(ho: &mut Ho<'_>) {
    let t = ho.last - 1; // the day of the comparison
    let rule = "price_fraud.reference_price";

    // + No sale in the 7 days before; the last sale (day t-9) was at 125, the 划线价 says 150.
    let m = ho.company(MALL, "rp-lastsale", "杭州云岫家居用品有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        (
            "云岫 真丝枕套 一对",
            "家居/床上用品",
            "general",
            15_000,
            true,
        ),
    );
    for (k, d) in [t - 24, t - 20, t - 16, t - 13, t - 9]
        .into_iter()
        .enumerate()
    {
        let price = if k % 2 == 0 { 12_500 } else { 12_900 };
        ho.sell(&l, d, 40_000, price);
    }
    let mut o = ho.obs(&l, t, 50_000, "detail", 10_900, None, "returning", 3);
    o["reference_price_fen"] = json!(15_000);
    o["reference_kind"] = json!("unspecified");
    o["promo_kind"] = json!("discount");
    ho.put(MALL, "price_observations", o);
    ho.truth_listing(
        rule,
        &l,
        Label::Positive,
        "前七日内无成交，被比较价格 150 元高于此前最后一次成交价 125 元（第十六条第二款后段）",
    );

    // + The shop itself sold at 139 for three days inside the window, then shows "原价 169".
    let m = ho.company(MALL, "rp-dip", "杭州栖霞服饰有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        (
            "栖霞 羊毛针织开衫",
            "服饰/女装/针织衫",
            "general",
            16_900,
            true,
        ),
    );
    for d in t - 14..t {
        let price = if (t - 6..=t - 4).contains(&d) {
            13_900
        } else {
            16_900
        };
        ho.sell(&l, d, 30_000, price);
        ho.sell(&l, d, 61_000, price);
        if (t - 6..=t - 4).contains(&d) {
            let o = ho.obs(&l, d, 35_000, "detail", 13_900, None, "unknown", 0);
            ho.put(MALL, "price_observations", o);
        }
    }
    let mut o = ho.obs(&l, t, 45_000, "detail", 14_900, None, "new", 0);
    o["reference_price_fen"] = json!(16_900);
    o["reference_kind"] = json!("previous_price");
    o["promo_kind"] = json!("discount");
    o["promo_label"] = json!("原价169 今日149");
    ho.put(MALL, "price_observations", o);
    ho.truth_listing(
        rule,
        &l,
        Label::Positive,
        "前七日内自身以 139 元成交三天，仍标“原价 169 元”：高于七日内最低成交价",
    );

    // − No sale in the 7 days before; the compared price equals the last sale (day t-10, 159).
    let m = ho.company(MALL, "rp-fallback", "杭州临岚茶业有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        ("临岚 龙井礼盒 200g", "食品/茶叶/绿茶", "food", 15_900, true),
    );
    for d in [t - 30, t - 22, t - 17, t - 10] {
        ho.sell(&l, d, 40_000, 15_900);
    }
    let mut o = ho.obs(&l, t, 50_000, "detail", 12_900, None, "returning", 2);
    o["reference_price_fen"] = json!(15_900);
    o["reference_kind"] = json!("unspecified");
    o["promo_kind"] = json!("discount");
    ho.put(MALL, "price_observations", o);
    ho.truth_listing(
        rule,
        &l,
        Label::Negative,
        "前七日内无成交，被比较价格 159 元等于此前最后一次成交价：符合第十六条第二款后段",
    );

    // − The compared price equals the 7-day low (139); a sale at 99 on day t-8 lies outside the
    //   7 days and does not count.
    let m = ho.company(MALL, "rp-window", "杭州拾禾食品有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        (
            "拾禾 手剥山核桃 500g",
            "食品/坚果炒货",
            "food",
            14_900,
            true,
        ),
    );
    ho.sell(&l, t - 8, 30_000, 9_900);
    ho.sell(&l, t - 8, 52_000, 9_900);
    for d in t - 7..t {
        let price = if d % 2 == 0 { 13_900 } else { 14_900 };
        ho.sell(&l, d, 40_000, price);
    }
    let mut o = ho.obs(&l, t, 50_000, "detail", 11_900, None, "returning", 4);
    o["reference_price_fen"] = json!(13_900);
    o["reference_kind"] = json!("previous_price");
    o["promo_kind"] = json!("discount");
    ho.put(MALL, "price_observations", o);
    ho.truth_listing(
        rule,
        &l,
        Label::Negative,
        "被比较价格 139 元等于前七日内最低成交价；99 元的成交在第八天前，不在七日内",
    );

    // − A mispriced order at 12.90 inside the window was cancelled (not a transaction); every
    //   completed sale was at 129, the compared price.
    let m = ho.company(MALL, "rp-cancelled", "杭州澄月家纺有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        (
            "澄月 纯棉浴巾 两条装",
            "家居/浴室用品",
            "general",
            12_900,
            true,
        ),
    );
    for d in t - 9..t {
        ho.sell(&l, d, 40_000, 12_900);
    }
    let buyer = ho.buyer();
    let row = ho.order(&l, t - 3, 20_000, 1_290, 1, &buyer, "cancelled");
    ho.put(MALL, "orders", row);
    let mut o = ho.obs(&l, t, 50_000, "detail", 9_900, None, "new", 0);
    o["reference_price_fen"] = json!(12_900);
    o["reference_kind"] = json!("unspecified");
    o["promo_kind"] = json!("discount");
    ho.put(MALL, "price_observations", o);
    ho.truth_listing(
        rule,
        &l,
        Label::Negative,
        "七日内唯一低价订单（标错价 12.9 元）已取消、未成交；成交价均为 129 元，等于被比较价格",
    );
}

// 第十七条: no temporary, marked raise of the list price just before a discount to serve as its base.

fn raise_then_discount(ho: &mut Ho<'_>) {
    let rule = "price_fraud.raise_then_discount";
    let last = ho.last;

    // + 200 for weeks, 299 from day 20 (a week before 双十一, with a few sales at 299), then on
    //   11-11 "双十一直降" to 239 against 299: the buyer pays more than before the "discount". (The
    //   compared price equals the 7-day low, so this is a 第十七条 case, not a 第十六条 one.)
    let m = ho.company(MALL, "rd-1111", "杭州望湖电器有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        (
            "望湖 电热水壶 1.7L",
            "家电/厨房电器",
            "general",
            20_000,
            true,
        ),
    );
    for d in 0..20 {
        if d % 2 == 0 {
            let o = ho.obs(&l, d, 40_000, "detail", 20_000, None, "unknown", 1);
            ho.put(MALL, "price_observations", o);
        }
        ho.sell(&l, d, 45_000, 20_000);
    }
    for d in 20..27 {
        let o = ho.obs(&l, d, 40_000, "detail", 29_900, None, "unknown", 1);
        ho.put(MALL, "price_observations", o);
        if d % 2 == 1 {
            ho.sell(&l, d, 45_000, 29_900);
        }
    }
    let mut o = ho.obs(&l, 27, 40_000, "detail", 23_900, None, "returning", 2);
    o["reference_price_fen"] = json!(29_900);
    o["reference_kind"] = json!("previous_price");
    o["promo_kind"] = json!("discount");
    o["promo_label"] = json!("双十一直降60元");
    ho.put(MALL, "price_observations", o);
    ho.sell(&l, 27, 45_000, 23_900);
    ho.sell(&l, 27, 70_000, 23_900);
    ho.truth_listing(
        rule,
        &l,
        Label::Positive,
        "双十一前一周由 200 元临时提至 299 元（提价 50%）并以之为“直降”基准，折后 239 元仍高于提价前",
    );

    // + 89 for weeks, shown at 129 for two days with no sale, then "限时7折 90" against 129.
    let m = ho.company(MALL, "rd-spike", "杭州若溪日用品有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        ("若溪 不锈钢保温饭盒", "家居/杯具", "general", 8_900, true),
    );
    for d in last - 20..last - 3 {
        if d % 3 == 0 {
            let o = ho.obs(&l, d, 40_000, "detail", 8_900, None, "unknown", 0);
            ho.put(MALL, "price_observations", o);
        }
        ho.sell(&l, d, 45_000, 8_900);
    }
    for d in last - 3..last - 1 {
        let o = ho.obs(&l, d, 40_000, "detail", 12_900, None, "unknown", 0);
        ho.put(MALL, "price_observations", o);
    }
    let mut o = ho.obs(&l, last - 1, 40_000, "detail", 9_000, None, "returning", 1);
    o["reference_price_fen"] = json!(12_900);
    o["reference_kind"] = json!("unspecified");
    o["promo_kind"] = json!("discount");
    o["promo_label"] = json!("限时7折");
    ho.put(MALL, "price_observations", o);
    ho.sell(&l, last - 1, 45_000, 9_000);
    ho.truth_listing(
        rule,
        &l,
        Label::Positive,
        "常态价 89 元，折扣前两天标价临时提至 129 元（无人成交），再以 129 元为基准标“7折”",
    );
    ho.truth_listing(
        "price_fraud.reference_price",
        &l,
        Label::Positive,
        "未标明详情的被比较价格 129 元，高于前七日内最低成交价 89 元",
    );

    // − A cost-driven rise from 100 to 120 on day 6, sold at 120 for weeks, then 99 against 120.
    let m = ho.company(MALL, "rd-cost", "杭州禾丰粮油有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        ("禾丰 五常大米 5kg", "食品/粮油米面", "food", 12_000, true),
    );
    for d in 0..last {
        let price = if d < 6 { 10_000 } else { 12_000 };
        ho.sell(&l, d, 40_000, price);
        if d % 4 == 0 {
            let o = ho.obs(&l, d, 41_000, "detail", price, None, "unknown", 0);
            ho.put(MALL, "price_observations", o);
        }
    }
    // One promotion day (a multi-day sale would lower the 7-day low below the compared price).
    let mut o = ho.obs(&l, last, 40_000, "detail", 9_900, None, "returning", 3);
    o["reference_price_fen"] = json!(12_000);
    o["reference_kind"] = json!("previous_price");
    o["promo_kind"] = json!("discount");
    ho.put(MALL, "price_observations", o);
    ho.sell(&l, last, 45_000, 9_900);
    ho.truth_listing(
        rule,
        &l,
        Label::Negative,
        "成本上涨于折扣前四周以上提价并以 120 元持续真实成交，不是“临时”提价；基准等于七日内最低成交价",
    );

    // − Seasonal rise from 100 to 130, then a promotion to 90 compared with the old 100.
    let m = ho.company(MALL, "rd-season", "杭州暖冬服饰有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        (
            "暖冬 加厚羽绒背心",
            "服饰/男装/羽绒服",
            "general",
            10_000,
            true,
        ),
    );
    for d in 0..last {
        let price = if d < 10 { 10_000 } else { 13_000 };
        ho.sell(&l, d, 40_000, price);
        if d % 5 == 0 {
            let o = ho.obs(&l, d, 41_000, "detail", price, None, "unknown", 0);
            ho.put(MALL, "price_observations", o);
        }
    }
    let mut o = ho.obs(&l, last, 40_000, "detail", 9_000, None, "returning", 1);
    o["reference_price_fen"] = json!(10_000);
    o["reference_kind"] = json!("previous_price");
    o["promo_kind"] = json!("discount");
    ho.put(MALL, "price_observations", o);
    ho.sell(&l, last, 45_000, 9_000);
    ho.truth_listing(
        rule,
        &l,
        Label::Negative,
        "入冬后涨价至 130 元，但促销以涨价前的 100 元为基准，基准未被抬高",
    );
}

// 第十九条第二项 (low price to lure, higher price to settle); 第二十条第一项 (home page or another
// prominent spot lower than the detail page).

fn bait_price(ho: &mut Ho<'_>) {
    let rule = "price_fraud.bait_price";
    let last = ho.last;

    // + The local platform's home page shows 49, the detail page 69 and the buyer pays 69.
    let m = ho.company(LOCAL, "bp-home", "杭州沁园餐饮管理有限公司");
    let l = ho.listing(
        LOCAL,
        &m,
        0,
        (
            "沁园 双人下午茶套餐",
            "美食/下午茶",
            "general",
            6_900,
            false,
        ),
    );
    for d in last - 6..last {
        for v in 0..4 {
            let viewer = ho.rng.hex64();
            let s = 36_000 + v * 3_000;
            let o = ho.obs(
                &l,
                d,
                s,
                "home",
                4_900,
                Some(viewer.as_str()),
                "returning",
                2,
            );
            ho.put(LOCAL, "price_observations", o);
            let o = ho.obs(
                &l,
                d,
                s + 40,
                "detail",
                6_900,
                Some(viewer.as_str()),
                "returning",
                2,
            );
            ho.put(LOCAL, "price_observations", o);
            let o = ho.obs(
                &l,
                d,
                s + 150,
                "checkout",
                6_900,
                Some(viewer.as_str()),
                "returning",
                2,
            );
            ho.put(LOCAL, "price_observations", o);
        }
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Positive,
        "首页标 49 元，详情页与结算均为 69 元，无任何附加条件（第二十条第一项）",
    );

    // + The live room shows 199; five minutes later checkout asks 239, no offer lost on the way.
    let m = ho.company(LIVE, "bp-live", "杭州霁月美妆有限公司");
    let l = ho.listing(
        LIVE,
        &m,
        0,
        (
            "霁月 保湿精华水 150ml",
            "美妆/面部护肤/化妆水",
            "ordinary_cosmetic",
            23_900,
            true,
        ),
    );
    for v in 0..8 {
        let viewer = ho.rng.hex64();
        let d = last - 3 + v % 2;
        let s = 72_000 + v * 400;
        let mut o = ho.obs(&l, d, s, "live", 19_900, Some(viewer.as_str()), "new", 0);
        o["promo_label"] = json!("直播间到手价199");
        ho.put(LIVE, "price_observations", o);
        let o = ho.obs(
            &l,
            d,
            s + 300,
            "checkout",
            23_900,
            Some(viewer.as_str()),
            "new",
            0,
        );
        ho.put(LIVE, "price_observations", o);
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Positive,
        "直播间宣称“到手价 199 元”，同一观众五分钟后结算须付 239 元（第十九条第二项）",
    );

    // − New users see and pay a 49 new-user price; everyone else sees and pays 69.
    let m = ho.company(LOCAL, "bp-newuser", "杭州桂语餐饮管理有限公司");
    let l = ho.listing(
        LOCAL,
        &m,
        0,
        (
            "桂语 单人简餐套餐",
            "美食/快餐简餐",
            "general",
            6_900,
            false,
        ),
    );
    for d in last - 6..last {
        for v in 0..4 {
            let viewer = ho.rng.hex64();
            let s = 40_000 + v * 2_000;
            let (segment, n90, price, page) = if v % 2 == 0 {
                ("new", 0, 4_900, "home")
            } else {
                ("returning", 6, 6_900, "detail")
            };
            let mut o = ho.obs(&l, d, s, page, price, Some(viewer.as_str()), segment, n90);
            if segment == "new" {
                o["promo_kind"] = json!("new_user");
                o["promo_label"] = json!("新人专享价");
            }
            ho.put(LOCAL, "price_observations", o);
            let mut o = ho.obs(
                &l,
                d,
                s + 60,
                "checkout",
                price,
                Some(viewer.as_str()),
                segment,
                n90,
            );
            if segment == "new" {
                o["promo_kind"] = json!("new_user");
            }
            ho.put(LOCAL, "price_observations", o);
        }
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Negative,
        "49 元是标明的新人价且新用户结算即付 49 元；其他用户看到与支付的都是 69 元：无诱骗",
    );

    // − A flash sale announced to end at midnight: 89 at 23:50, 109 for the same viewer at 00:20.
    let m = ho.company(MALL, "bp-expired", "杭州闻溪数码有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        (
            "闻溪 机械键盘 87键",
            "数码/电脑外设",
            "general",
            10_900,
            true,
        ),
    );
    let d = last - 3;
    for v in 0..5 {
        let viewer = ho.rng.hex64();
        let mut o = ho.obs(
            &l,
            d,
            85_800 + v * 60,
            "search",
            8_900,
            Some(viewer.as_str()),
            "returning",
            1,
        );
        o["promo_kind"] = json!("flash_sale");
        o["promo_label"] = json!("限时秒杀 今晚24点结束");
        ho.put(MALL, "price_observations", o);
        let o = ho.obs(
            &l,
            d + 1,
            1_200 + v * 60,
            "checkout",
            10_900,
            Some(viewer.as_str()),
            "returning",
            1,
        );
        ho.put(MALL, "price_observations", o);
    }
    for dd in [d - 6, d - 3, d + 2] {
        let o = ho.obs(&l, dd, 50_000, "detail", 10_900, None, "unknown", 0);
        ho.put(MALL, "price_observations", o);
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Negative,
        "秒杀价标明当晚 24 点结束，结算时活动已按期结束：不是以低价诱骗、高价结算",
    );
}

// 第十九条第四项 and 第二十条第二项: a time limit that is not real is misleading price information.

fn fake_time_limit(ho: &mut Ho<'_>) {
    let rule = "price_fraud.fake_time_limit";
    let last = ho.last;

    // + A daily "3 hours left" countdown for two weeks; the price never goes back.
    let m = ho.company(MALL, "ft-countdown", "杭州朗润家居有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        ("朗润 乳胶枕", "家居/床上用品", "general", 19_900, true),
    );
    for d in last - 14..last {
        let mut o = ho.obs(&l, d, 60_000, "detail", 12_900, None, "unknown", 0);
        o["promo_kind"] = json!("flash_sale");
        o["promo_label"] = json!("限时抢购 倒计时3小时 结束恢复199元");
        ho.put(MALL, "price_observations", o);
        let o = ho.obs(&l, d, 80_000, "detail", 12_900, None, "unknown", 0);
        ho.put(MALL, "price_observations", o);
        ho.sell(&l, d, 61_000, 12_900);
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Positive,
        "每天显示“倒计时 3 小时、结束恢复 199 元”，两周内价格从未恢复",
    );

    // + "限时折扣 11月11日24点截止" at 159; after the deadline it stays 159 for a week.
    let m = ho.company(MALL, "ft-deadline", "杭州锦岸箱包有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        ("锦岸 20寸登机箱", "箱包/拉杆箱", "general", 25_900, true),
    );
    for d in 14..22 {
        let o = ho.obs(&l, d, 50_000, "detail", 25_900, None, "unknown", 0);
        ho.put(MALL, "price_observations", o);
    }
    for d in 22..=27 {
        let mut o = ho.obs(&l, d, 50_000, "detail", 15_900, None, "unknown", 0);
        o["promo_kind"] = json!("discount");
        o["promo_label"] = json!("限时折扣 11月11日24点截止");
        ho.put(MALL, "price_observations", o);
        ho.sell(&l, d, 52_000, 15_900);
    }
    for d in 28..36 {
        let o = ho.obs(&l, d, 50_000, "detail", 15_900, None, "unknown", 0);
        ho.put(MALL, "price_observations", o);
        ho.sell(&l, d, 52_000, 15_900);
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Positive,
        "宣称 11 月 11 日 24 点截止的 159 元，截止后一周仍按 159 元销售",
    );

    // − A weekly members' day: the same "仅限今日" label every Wednesday, 99 on other days.
    let m = ho.company(MALL, "ft-weekly", "杭州鲜谷烘焙有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        ("鲜谷 全麦吐司 6袋装", "食品/糕点面包", "food", 9_900, true),
    );
    for d in 0..last {
        // day 0 (2026-10-15) is a Thursday, so Wednesdays are day 6, 13, …
        let wednesday = d % 7 == 6;
        let price = if wednesday { 7_900 } else { 9_900 };
        let mut o = ho.obs(&l, d, 50_000, "detail", price, None, "member", 5);
        if wednesday {
            o["promo_kind"] = json!("member");
            o["promo_label"] = json!("周三会员日 限时特价 仅限今日");
        }
        ho.put(MALL, "price_observations", o);
        ho.sell(&l, d, 52_000, price);
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Negative,
        "每周三会员日特价，次日即恢复 99 元：时限每次都真实兑现，重复出现不等于虚假",
    );

    // − A 双十一 price that really ends, and later a separate weekend promotion that also ends.
    let m = ho.company(MALL, "ft-twice", "杭州素织服饰有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        ("素织 亚麻衬衫", "服饰/男装/衬衫", "general", 9_900, true),
    );
    // The last Friday-to-Sunday that ends before the final day (day 0 is a Thursday).
    let friday = (0..last - 2).rev().find(|d| d % 7 == 1).unwrap_or(29);
    for d in 14..=last {
        let (price, label) = if (22..=27).contains(&d) {
            (7_900, Some("限时特价 至11月11日"))
        } else if (friday..=friday + 2).contains(&d) {
            (7_900, Some("周末特惠 仅限本周五至周日"))
        } else {
            (9_900, None)
        };
        let mut o = ho.obs(&l, d, 50_000, "detail", price, None, "unknown", 0);
        if let Some(label) = label {
            o["promo_kind"] = json!("discount");
            o["promo_label"] = json!(label);
        }
        ho.put(MALL, "price_observations", o);
        ho.sell(&l, d, 52_000, price);
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Negative,
        "两次限时活动各有明示期限，到期后均恢复 99 元：时限真实",
    );
}

// 浙江省电子商务条例 第十四条; 指南 第十七条: no worse price for the same goods under the same trading
// conditions because of transaction history or habits (new-user offers and fair random draws are
// exempt).

fn loyalty_surcharge(ho: &mut Ho<'_>) {
    let rule = "price_discrimination.loyalty_surcharge";
    let last = ho.last;

    // + Members with many recent orders are shown and charged 8% more than members with few, in the
    //   same half hour, district and device mix.
    let m = ho.company(MALL, "pd-heavy", "杭州清源母婴用品有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        (
            "清源 婴儿湿巾 80抽×12包",
            "母婴/湿巾",
            "general",
            15_800,
            true,
        ),
    );
    for k in 0..600i64 {
        let heavy = k % 2 == 0;
        let day = last - 12 + (k / 2) % 10;
        let device = ["ios", "android"][((k / 2) % 2) as usize];
        let price = if heavy { 16_210 } else { 15_010 };
        let orders = if heavy {
            12 + (k / 2) % 19
        } else {
            (k / 2) % 3
        };
        let mut o = ho.obs(
            &l,
            day,
            40_000 + (k % 30) * 60,
            "checkout",
            price,
            None,
            "member",
            orders,
        );
        o["device"] = json!(device);
        ho.put(MALL, "price_observations", o);
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Positive,
        "同为会员、同时段同地区同设备，近 90 天订单多的用户被标价并收取高 8%（15.01→16.21 元）",
    );

    // + The regulator's two test accounts, side by side for 20 days: the one with 40 orders is
    //   always asked 129, the one with 1 order 115.
    let m = ho.company(MALL, "pd-probe", "杭州映山户外用品有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        (
            "映山 户外折叠椅",
            "运动户外/户外家具",
            "general",
            12_900,
            true,
        ),
    );
    let (heavy, light) = (ho.rng.hex64(), ho.rng.hex64());
    for d in 0..20.min(last) {
        for (viewer, orders, price) in [(&heavy, 40, 12_900), (&light, 1, 11_500)] {
            let mut o = ho.obs(
                &l,
                last - d,
                43_200 + orders,
                "checkout",
                price,
                Some(viewer.as_str()),
                "returning",
                orders,
            );
            o["device"] = json!("android");
            o["viewer_adcode"] = json!("330108");
            o["source"] = json!("regulator_probe");
            ho.put(MALL, "price_observations", o);
        }
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Positive,
        "神秘买家对照：同设备同地区同时刻，老客账号（90 天 40 单）每次均为 129 元，对照账号 115 元",
    );

    // − Members (the loyal customers) pay a disclosed member price 5% below everyone else.
    let m = ho.company(MALL, "pd-member", "杭州茗香茶业有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        ("茗香 白茶饼 357g", "食品/茶叶/白茶", "food", 10_000, true),
    );
    for k in 0..400i64 {
        let member = k % 2 == 0;
        let day = last - 10 + (k / 2) % 8;
        let (price, segment, orders) = if member {
            (9_500, "member", 10 + (k / 2) % 20)
        } else {
            (10_000, "returning", (k / 2) % 4)
        };
        let mut o = ho.obs(
            &l,
            day,
            40_000 + (k % 30) * 60,
            "checkout",
            price,
            None,
            segment,
            orders,
        );
        if member {
            o["promo_kind"] = json!("member");
            o["promo_label"] = json!("会员价95折");
        }
        ho.put(MALL, "price_observations", o);
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Negative,
        "老客（会员）享受公示的会员价，比其他人便宜 5%：未对老客加价",
    );

    // − A random 立减 draw from the same amounts for everyone: heavy and light buyers get the same
    //   distribution, individual payables differ at random.
    let m = ho.company(MALL, "pd-random", "杭州听澜电子有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        ("听澜 便携蓝牙音箱", "数码/音箱", "general", 10_000, true),
    );
    for k in 0..400i64 {
        let heavy = k % 2 == 0;
        let day = last - 10 + (k / 2) % 8;
        let cut = [0, 300, 500, 1_000][((k / 2) % 4) as usize];
        let orders = if heavy {
            15 + (k / 2) % 10
        } else {
            (k / 2) % 3
        };
        let mut o = ho.obs(
            &l,
            day,
            40_000 + (k % 30) * 60,
            "checkout",
            10_000,
            None,
            "returning",
            orders,
        );
        o["promo_kind"] = json!("random_draw");
        o["promo_label"] = json!("随机立减 最高10元");
        o["payable_price_fen"] = json!(10_000 - cut);
        ho.put(MALL, "price_observations", o);
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Negative,
        "公平规则下的随机立减：老客与新近客户抽中金额分布相同（条例第十四条 随机交易除外）",
    );
}

// 价格法 第十四条第二项: dumping below cost is unlawful, except lawful price cuts on fresh, seasonal or
// overstocked goods.

fn below_cost(ho: &mut Ho<'_>) {
    let rule = "below_cost.sustained";
    let last = ho.last;
    let cost = |ho: &mut Ho<'_>, l: &Listing, from: i64, to: Option<i64>, fen: i64, basis: &str| {
        ho.put(
            l.platform,
            "costs",
            json!({
                "platform_id": l.platform, "listing_id": l.id, "valid_from": date(from),
                "valid_to": to.map(date), "unit_cost_fen": fen, "basis": basis,
            }),
        );
    };

    // + Headphones at 140 against an audited cost of 200, every day for 30 days.
    let m = ho.company(MALL, "bc-deep", "杭州声屿科技有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        (
            "声屿 主动降噪蓝牙耳机",
            "数码/耳机",
            "general",
            29_900,
            true,
        ),
    );
    cost(ho, &l, -200, None, 20_000, "audited");
    for d in last - 30..=last {
        for s in [30_000, 50_000, 70_000] {
            ho.sell(&l, d, s, 14_000);
        }
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Positive,
        "连续 30 天以 140 元销售，低于经核实成本 200 元 30%，非鲜活、季节或积压商品",
    );

    // + Listed at 129, but every sale for three weeks settles at 85 after a store coupon, against
    //   a declared cost of 100.
    let m = ho.company(LIVE, "bc-coupon", "杭州凌波小家电有限公司");
    let l = ho.listing(
        LIVE,
        &m,
        0,
        ("凌波 手持挂烫机", "家电/生活电器", "general", 12_900, true),
    );
    cost(ho, &l, -150, None, 10_000, "declared");
    for d in last - 21..=last {
        for s in [40_000, 75_000] {
            ho.sell(&l, d, s, 8_500);
        }
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Positive,
        "标价 129 元，但三周内每笔用券后成交 85 元，低于申报成本 100 元",
    );

    // − Live hairy crabs cleared at 70 against a cost of 100 for ten days.
    let m = ho.company(LOCAL, "bc-fresh", "杭州湖鲜水产有限公司");
    let l = ho.listing(
        LOCAL,
        &m,
        0,
        ("太湖大闸蟹 鲜活 4只装", "生鲜/水产", "fresh", 16_800, false),
    );
    cost(ho, &l, -60, None, 10_000, "audited");
    for d in last - 10..=last {
        for s in [39_000, 64_000] {
            ho.sell(&l, d, s, 7_000);
        }
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Negative,
        "鲜活水产降价处理，价格法第十四条第二项明文除外",
    );

    // − Mooncakes cleared after 中秋 at 40% of cost for two weeks, then delisted.
    let m = ho.company(MALL, "bc-mooncake", "杭州月满食品有限公司");
    let id = format!("{m}-l0");
    ho.put(MALL, "listings", json!({
        "platform_id": MALL, "listing_id": id, "merchant_id": m, "title": "月满 广式月饼礼盒 清仓",
        "description": "中秋节后清仓，保质期至2026年12月", "category": "食品/糕点/月饼", "product_class": "food",
        "brand": null, "trademark_reg_no": null, "ad_approval_no": null, "list_price_fen": 12_800,
        "no_reason_return": true, "created_at": at(-80, 36_000), "delisted_at": at(15, 0),
    }));
    let l = Listing {
        platform: MALL,
        id,
        merchant: m.clone(),
        price: 12_800,
    };
    cost(ho, &l, -120, None, 6_000, "declared");
    for d in 0..14 {
        for s in [36_000, 58_000, 76_000] {
            ho.sell(&l, d, s, 2_400);
        }
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Negative,
        "中秋后季节性商品清仓并随即下架，价格法第十四条第二项明文除外",
    );

    // − The unit cost fell from 100 to 70 on day 10 (audited); it sells at 80 from then on.
    let m = ho.company(MALL, "bc-newcost", "杭州织梦家纺有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        (
            "织梦 法兰绒毯 150×200",
            "家居/床上用品",
            "general",
            9_900,
            true,
        ),
    );
    cost(ho, &l, -300, Some(9), 10_000, "audited");
    cost(ho, &l, 10, None, 7_000, "audited");
    for d in 10..=last {
        ho.sell(&l, d, 40_000, 8_000);
        ho.sell(&l, d, 66_000, 8_000);
    }
    ho.truth_listing(
        rule,
        &l,
        Label::Negative,
        "旧成本 100 元的有效期已于第 9 天截止，新核实成本 70 元；售价 80 元高于当期成本",
    );
}

// 禁止传销条例 第七条; 刑法 第二百二十四条之一 and the 2013 opinion (≥ 30 members, ≥ 3 levels).

/// One member of a generated scheme: parent index and depth (root 1).
fn tree(parents: &[Option<usize>]) -> Vec<usize> {
    let mut depth = vec![1usize; parents.len()];
    for i in 0..parents.len() {
        if let Some(p) = parents[i] {
            depth[i] = depth[p] + 1;
        }
    }
    depth
}

fn pyramids(ho: &mut Ho<'_>) {
    let rule = "pyramid_scheme.pyramid";
    let platform = LIVE;
    // (scheme, parents, entry fee, per direct recruit, per indirect recruit, sales reward of each)
    let write = |ho: &mut Ho<'_>,
                 scheme: &str,
                 parents: &[Option<usize>],
                 fee: i64,
                 direct: i64,
                 indirect: i64,
                 sales: &dyn Fn(usize, &mut Rng) -> i64| {
        let n = parents.len();
        let pids: Vec<String> = (0..n).map(|_| ho.rng.hex64()).collect();
        let depth = tree(parents);
        let mut children = vec![0i64; n];
        let mut below = vec![0i64; n];
        for i in 0..n {
            if let Some(p) = parents[i] {
                children[p] += 1;
                let mut up = parents[p];
                while let Some(a) = up {
                    below[a] += 1;
                    up = parents[a];
                }
            }
        }
        for i in 0..n {
            let joined = at(
                1 + (depth[i] as i64 - 1) * 4 + (i as i64 % 4),
                40_000 + i as i64 * 7,
            );
            let referrer = parents[i].map(|p| pids[p].clone());
            let reward = children[i] * direct + below[i] * indirect;
            let sale = sales(i, &mut ho.rng);
            ho.put(platform, "referrals", json!({
                "platform_id": platform, "scheme_id": scheme, "member_pid": pids[i], "referrer_pid": referrer,
                "joined_at": joined, "entry_fee_fen": if i == 0 { 0 } else { fee },
                "recruitment_rewards_fen": reward, "sales_rewards_fen": sale,
            }));
        }
    };

    // + 消费返利 chain: 36 members, each recruiting one or two, 7+ levels; ¥1,980 compulsory
    //   "purchase" to join; 30% of a direct and 10% of every deeper recruit's fee goes up.
    let mut parents = vec![None];
    for i in 1..36 {
        parents.push(Some(if i < 4 { i - 1 } else { (i - 1) / 2 + 1 }));
    }
    write(
        ho,
        "ho-pyr-chain",
        &parents,
        198_000,
        59_400,
        19_800,
        &|_, _| 0,
    );
    ho.city.truth.add_subject(
        "pyramid_scheme",
        rule,
        "scheme",
        platform,
        "ho-pyr-chain",
        Label::Positive,
        &why("以“消费返利”为名，1980 元认购商品入门，按直接和间接发展人数计酬，36 人、7 层以上：第七条第一、二项，达到移送标准"),
    );

    // + Exactly 30 members in exactly 3 levels (root, 4, 25), ¥499 fee, ¥100 per downline member.
    let mut parents = vec![None];
    for _ in 0..4 {
        parents.push(Some(0));
    }
    for k in 0..25 {
        parents.push(Some(1 + k % 4));
    }
    write(
        ho,
        "ho-pyr-30x3",
        &parents,
        49_900,
        10_000,
        10_000,
        &|_, _| 0,
    );
    ho.city.truth.add_subject(
        "pyramid_scheme",
        rule,
        "scheme",
        platform,
        "ho-pyr-30x3",
        Label::Positive,
        &why("恰 30 人、恰 3 层（组织者、4 名直接下线、25 名二级下线），499 元入门费并按下线人数计酬：达到“30 人以上且 3 级以上”的移送标准"),
    );

    // + 150 members, 5 levels, a ¥99 compulsory "会员礼包", per-recruit rewards down the tree.
    let mut parents = vec![None];
    for i in 1..150usize {
        parents.push(Some(match i {
            1..=3 => 0,
            4..=12 => 1 + (i - 4) % 3,
            13..=39 => 4 + (i - 13) % 9,
            40..=100 => 13 + (i - 40) % 27,
            _ => 40 + (i - 101) % 61,
        }));
    }
    write(ho, "ho-pyr-big", &parents, 9_900, 3_000, 1_000, &|_, _| 0);
    ho.city.truth.add_subject(
        "pyramid_scheme",
        rule,
        "scheme",
        platform,
        "ho-pyr-big",
        Label::Positive,
        &why("150 人、5 层，99 元强制购买礼包入会，奖励按直接与间接发展人数计：第七条第一、二项，且达情节严重的 120 人"),
    );

    // − A deep invite tree, but no fee, no recruitment reward, commission only on own sales and
    //   independent of position (leaves earn as much as the root).
    let mut parents = vec![None];
    for i in 1..200usize {
        parents.push(Some((i - 1) / 3));
    }
    write(ho, "ho-pyr-sales", &parents, 0, 0, 0, &|_, rng| {
        rng.range(0, 20) * 1_000
    });
    ho.city.truth.add_subject(
        "pyramid_scheme",
        rule,
        "scheme",
        platform,
        "ho-pyr-sales",
        Label::Negative,
        &why("邀请关系虽有多层，但无入门费、无拉人头奖励，佣金仅按本人销售计且与层级无关：不符合第七条任何一项"),
    );

    // − A paid club: 400 members join directly (no referrer), ¥88 a year, cashback on own orders.
    let parents = vec![None; 400];
    write(ho, "ho-pyr-club", &parents, 8_800, 0, 0, &|_, rng| {
        rng.range(0, 30) * 100
    });
    ho.city.truth.add_subject(
        "pyramid_scheme",
        rule,
        "scheme",
        platform,
        "ho-pyr-club",
        Label::Negative,
        &why("付费会员 88 元/年，全部自行加入、无上下线、无发展奖励，仅本人消费返现：不是传销"),
    );
}

// 电子商务法 第十、十五、二十七条; 网络交易监督管理办法 第八条; GB 32100-2015.

fn identity(ho: &mut Ho<'_>) {
    let last = ho.last;
    let goods = ("日用杂货 组合装", "家居/收纳", "general", 3_900, true);

    // uscc_checksum + / unknown_uscc +: two adjacent characters transposed in the declared code
    // (the registry holds the correct one).
    let (adcode, address) = ho.place();
    let (good, typo) = loop {
        let c = crate::city::uscc(&mut ho.rng, adcode, true);
        let b = c.as_bytes();
        if b[9] != b[10] {
            let mut t = b.to_vec();
            t.swap(9, 10);
            break (c.clone(), String::from_utf8(t).unwrap_or(c));
        }
    };
    debug_assert!(!checksum_ok(&typo));
    let name = "杭州蓝湾商贸有限公司";
    ho.register(&good, name, "company", "active", adcode, &address, true);
    let m = ho.merchant(
        MALL,
        "id-transpose",
        "company",
        Some(&typo),
        None,
        name,
        (adcode, &address),
        true,
        80_000_000,
        None,
    );
    let l = ho.listing(MALL, &m, 0, goods);
    for d in (0..last).step_by(5) {
        ho.sell(&l, d, 40_000, 3_900);
    }
    ho.truth_merchant(
        "merchant_identity.uscc_checksum",
        MALL,
        &m,
        Label::Positive,
        "申报代码第 10、11 位互换，校验位不符",
    );
    ho.truth_merchant(
        "merchant_identity.unknown_uscc",
        MALL,
        &m,
        Label::Positive,
        "申报代码（录入错位）在登记数据中不存在",
    );

    // uscc_checksum + / unknown_uscc +: a 个体工商户 code with B read as 8.
    let (adcode, address) = ho.place();
    let good = loop {
        let mut body = format!("92{adcode}");
        for k in 0..9 {
            body.push(if k == 4 {
                'B'
            } else {
                char::from(USCC_CHARSET[ho.rng.below(31) as usize])
            });
        }
        if let Some(check) = uscc_check_character(&body) {
            body.push(check);
            break body;
        }
    };
    let typo = format!("{}8{}", &good[..12], &good[13..]);
    debug_assert!(!checksum_ok(&typo));
    let name = "杭州市拱墅区老周五金店";
    ho.register(
        &good,
        name,
        "individual_business",
        "active",
        adcode,
        &address,
        true,
    );
    let m = ho.merchant(
        MALL,
        "id-ocr",
        "individual_business",
        Some(&typo),
        None,
        name,
        (adcode, &address),
        true,
        30_000_000,
        None,
    );
    let l = ho.listing(
        MALL,
        &m,
        0,
        ("老周 家用工具箱", "五金/工具", "general", 8_900, true),
    );
    for d in (1..last).step_by(6) {
        ho.sell(&l, d, 40_000, 8_900);
    }
    ho.truth_merchant(
        "merchant_identity.uscc_checksum",
        MALL,
        &m,
        Label::Positive,
        "个体工商户代码第 13 位 B 误作 8，校验位不符",
    );
    ho.truth_merchant(
        "merchant_identity.unknown_uscc",
        MALL,
        &m,
        Label::Positive,
        "申报代码（识读错误）在登记数据中不存在",
    );

    // uscc_checksum − / unknown_uscc −: a valid code whose check character is 0 (31 − 0 wraps).
    let (adcode, address) = ho.place();
    let code = code_where(&mut ho.rng, "91", adcode, |c| c == '0');
    let name = "杭州零度冷链物流有限公司";
    ho.register(&code, name, "company", "active", adcode, &address, true);
    let m = ho.merchant(
        MALL,
        "id-zero",
        "company",
        Some(&code),
        None,
        name,
        (adcode, &address),
        true,
        60_000_000,
        None,
    );
    let l = ho.listing(MALL, &m, 0, goods);
    for d in (2..last).step_by(5) {
        ho.sell(&l, d, 40_000, 3_900);
    }
    ho.truth_merchant(
        "merchant_identity.uscc_checksum",
        MALL,
        &m,
        Label::Negative,
        "校验位为 0（31 − Σ mod 31 = 31 时取 0），按 GB 32100 正确",
    );
    ho.truth_merchant(
        "merchant_identity.unknown_uscc",
        MALL,
        &m,
        Label::Negative,
        "代码已登记且有效",
    );

    // uscc_checksum − / unknown_uscc −: a 个体工商户 (92…) code with a letter check character.
    let (adcode, address) = ho.place();
    let code = code_where(&mut ho.rng, "92", adcode, |c| c.is_ascii_uppercase());
    let name = "杭州市西湖区小陈水果店";
    ho.register(
        &code,
        name,
        "individual_business",
        "active",
        adcode,
        &address,
        true,
    );
    let m = ho.merchant(
        LOCAL,
        "id-92",
        "individual_business",
        Some(&code),
        None,
        name,
        (adcode, &address),
        true,
        20_000_000,
        None,
    );
    let l = ho.listing(
        LOCAL,
        &m,
        0,
        ("小陈 时令水果拼盘", "生鲜/水果", "fresh", 3_900, false),
    );
    for d in (0..last).step_by(4) {
        ho.sell(&l, d, 40_000, 3_900);
    }
    ho.truth_merchant(
        "merchant_identity.uscc_checksum",
        LOCAL,
        &m,
        Label::Negative,
        "个体工商户代码（92 开头）、字母校验位，按 GB 32100 正确",
    );
    ho.truth_merchant(
        "merchant_identity.unknown_uscc",
        LOCAL,
        &m,
        Label::Negative,
        "代码已登记为个体工商户",
    );

    // unknown_uscc +: a registered company's name with a checksum-valid code nobody registered.
    let (adcode, address) = ho.place();
    let real = crate::city::uscc(&mut ho.rng, adcode, true);
    let name = "杭州明川电子科技有限公司";
    ho.register(&real, name, "company", "active", adcode, &address, true);
    let fake = crate::city::uscc(&mut ho.rng, adcode, true);
    let m = ho.merchant(
        MALL,
        "id-borrowed",
        "company",
        Some(&fake),
        None,
        name,
        (adcode, &address),
        true,
        40_000_000,
        None,
    );
    let l = ho.listing(
        MALL,
        &m,
        0,
        ("明川 手机快充数据线", "数码/配件", "general", 2_900, true),
    );
    for d in (0..last).step_by(3) {
        ho.sell(&l, d, 40_000, 2_900);
    }
    ho.truth_merchant(
        "merchant_identity.unknown_uscc",
        MALL,
        &m,
        Label::Positive,
        "冒用已登记企业名称，申报的代码校验正确但在登记数据中不存在",
    );

    // unknown_uscc −: a company renamed since; the code is registered under the new name.
    let (adcode, address) = ho.place();
    let code = crate::city::uscc(&mut ho.rng, adcode, true);
    ho.register(
        &code,
        "浙江青岚智能科技有限公司",
        "company",
        "active",
        adcode,
        &address,
        true,
    );
    let m = ho.merchant(
        MALL,
        "id-renamed",
        "company",
        Some(&code),
        None,
        "杭州青岚贸易有限公司",
        (adcode, &address),
        true,
        70_000_000,
        None,
    );
    let l = ho.listing(MALL, &m, 0, goods);
    for d in (3..last).step_by(5) {
        ho.sell(&l, d, 40_000, 3_900);
    }
    ho.truth_merchant(
        "merchant_identity.unknown_uscc",
        MALL,
        &m,
        Label::Negative,
        "企业已更名，店铺名称未同步，但代码已登记且有效",
    );

    // unknown_uscc − / license_not_displayed −: a small natural-person shop: no code, no licence.
    let holder = ho.rng.hex64();
    let (adcode, address) = ho.place();
    let m = ho.merchant(
        MALL,
        "id-np-small",
        "natural_person",
        None,
        Some(&holder),
        "阿婷手作饰品",
        (adcode, &address),
        false,
        3_600_000,
        None,
    );
    let l = ho.listing(
        MALL,
        &m,
        0,
        ("手工编织发圈 5个装", "服饰/配件", "general", 1_900, true),
    );
    for d in (0..last).step_by(7) {
        ho.sell(&l, d, 40_000, 1_900);
    }
    ho.truth_merchant(
        "merchant_identity.unknown_uscc",
        MALL,
        &m,
        Label::Negative,
        "自然人网店年交易额 3.6 万元，依电子商务法第十条无须登记，没有代码可核",
    );
    ho.truth_merchant(
        "merchant_identity.license_not_displayed",
        MALL,
        &m,
        Label::Negative,
        "免登记的自然人没有营业执照可亮，第十五条对其要求的是公示免登记情形",
    );

    // deregistered_selling +: cancelled, still taking local orders every day of the last three weeks.
    let (adcode, address) = ho.place();
    let code = crate::city::uscc(&mut ho.rng, adcode, true);
    let name = "杭州味府餐饮管理有限公司";
    ho.register(&code, name, "company", "cancelled", adcode, &address, false);
    let m = ho.merchant(
        LOCAL,
        "id-cancelled",
        "company",
        Some(&code),
        None,
        name,
        (adcode, &address),
        true,
        90_000_000,
        None,
    );
    let l = ho.listing(
        LOCAL,
        &m,
        0,
        ("味府 红烧肉套餐", "美食/快餐简餐", "general", 3_200, false),
    );
    for d in last - 20..=last {
        for s in [41_000, 44_000, 66_000] {
            ho.sell(&l, d, s, 3_200);
        }
    }
    ho.truth_merchant(
        "merchant_identity.deregistered_selling",
        LOCAL,
        &m,
        Label::Positive,
        "登记已注销，店铺未关、近三周每天仍在接单",
    );

    // deregistered_selling +: licence revoked (吊销), a dozen live-room sales.
    let (adcode, address) = ho.place();
    let code = crate::city::uscc(&mut ho.rng, adcode, true);
    let name = "杭州珑玥珠宝有限公司";
    ho.register(&code, name, "company", "revoked", adcode, &address, false);
    let m = ho.merchant(
        LIVE,
        "id-revoked",
        "company",
        Some(&code),
        None,
        name,
        (adcode, &address),
        true,
        120_000_000,
        None,
    );
    let l = ho.listing(
        LIVE,
        &m,
        0,
        ("珑玥 淡水珍珠项链", "珠宝/珍珠", "general", 59_900, true),
    );
    for k in 0..12 {
        ho.sell(&l, last - 12 + k, 75_000, 59_900);
    }
    ho.truth_merchant(
        "merchant_identity.deregistered_selling",
        LIVE,
        &m,
        Label::Positive,
        "营业执照已被吊销，仍在直播间销售",
    );

    // deregistered_selling −: on the 经营异常名录 (no annual report), still trading.
    let (adcode, address) = ho.place();
    let code = crate::city::uscc(&mut ho.rng, adcode, true);
    let name = "杭州泊岸文具有限公司";
    ho.register(&code, name, "company", "abnormal", adcode, &address, false);
    let m = ho.merchant(
        MALL,
        "id-abnormal",
        "company",
        Some(&code),
        None,
        name,
        (adcode, &address),
        true,
        30_000_000,
        None,
    );
    let l = ho.listing(
        MALL,
        &m,
        0,
        ("泊岸 中性笔 12支", "文具/书写工具", "general", 1_590, true),
    );
    for d in (0..last).step_by(2) {
        ho.sell(&l, d, 40_000, 1_590);
    }
    ho.truth_merchant(
        "merchant_identity.deregistered_selling",
        MALL,
        &m,
        Label::Negative,
        "列入经营异常名录（未报年报）是信用约束，并非注销或吊销，仍可依法经营",
    );

    // deregistered_selling −: the shop closed on day 8, its last order on day 7; the company was
    // cancelled afterwards (the registry shows the current status).
    let (adcode, address) = ho.place();
    let code = crate::city::uscc(&mut ho.rng, adcode, true);
    let name = "杭州旧巷杂货有限公司";
    ho.register(&code, name, "company", "cancelled", adcode, &address, true);
    let m = ho.merchant(
        MALL,
        "id-wound-up",
        "company",
        Some(&code),
        None,
        name,
        (adcode, &address),
        true,
        10_000_000,
        Some(8),
    );
    let l = ho.listing(MALL, &m, 0, goods);
    for d in 0..8 {
        ho.sell(&l, d, 40_000, 3_900);
    }
    ho.truth_merchant(
        "merchant_identity.deregistered_selling",
        MALL,
        &m,
        Label::Negative,
        "店铺第 8 天关闭后再无订单，注销发生在停止经营之后：正常退出",
    );

    // license_not_displayed +: a company trading without its licence link.
    let (adcode, address) = ho.place();
    let code = crate::city::uscc(&mut ho.rng, adcode, true);
    let name = "杭州岚峰户外用品有限公司";
    ho.register(&code, name, "company", "active", adcode, &address, true);
    let m = ho.merchant(
        LIVE,
        "id-nolicense",
        "company",
        Some(&code),
        None,
        name,
        (adcode, &address),
        false,
        150_000_000,
        None,
    );
    let l = ho.listing(
        LIVE,
        &m,
        0,
        ("岚峰 冲锋衣", "运动户外/冲锋衣", "general", 39_900, true),
    );
    for d in (0..last).step_by(2) {
        ho.sell(&l, d, 75_000, 39_900);
    }
    ho.truth_merchant(
        "merchant_identity.license_not_displayed",
        LIVE,
        &m,
        Label::Positive,
        "企业店铺持续经营，首页未公示营业执照信息（第十五条）",
    );

    // license_not_displayed +: a 个体工商户 trading without its licence link.
    let (adcode, address) = ho.place();
    let code = code_where(&mut ho.rng, "92", adcode, |_| true);
    let name = "杭州市上城区阿强炒货店";
    ho.register(
        &code,
        name,
        "individual_business",
        "active",
        adcode,
        &address,
        true,
    );
    let m = ho.merchant(
        LOCAL,
        "id-nolicense-ib",
        "individual_business",
        Some(&code),
        None,
        name,
        (adcode, &address),
        false,
        25_000_000,
        None,
    );
    let l = ho.listing(
        LOCAL,
        &m,
        0,
        ("阿强 现炒板栗 500g", "美食/小吃", "food", 2_500, false),
    );
    for d in 0..last {
        ho.sell(&l, d, 58_000, 2_500);
    }
    ho.truth_merchant(
        "merchant_identity.license_not_displayed",
        LOCAL,
        &m,
        Label::Positive,
        "个体工商户同样是电子商务经营者，持续经营却未亮照",
    );

    // license_not_displayed −: a company shop that closed before the period and sells nothing.
    let (adcode, address) = ho.place();
    let code = crate::city::uscc(&mut ho.rng, adcode, true);
    let name = "杭州旧时光礼品有限公司";
    ho.register(&code, name, "company", "active", adcode, &address, true);
    let m = ho.merchant(
        MALL,
        "id-closed-shop",
        "company",
        Some(&code),
        None,
        name,
        (adcode, &address),
        false,
        0,
        Some(-40),
    );
    ho.listing(MALL, &m, 0, goods);
    ho.truth_merchant(
        "merchant_identity.license_not_displayed",
        MALL,
        &m,
        Label::Negative,
        "店铺在统计期前 40 天已关闭、无经营活动，不再负持续公示义务",
    );

    // unregistered_natural_person: ¥100,000.01 (+), ¥99,999.99 (−), two shops of one person that
    // together pass ¥100,000 (+, 网络交易监督管理办法 第八条 adds them up), a farmer selling own
    // produce (−, 电子商务法 第十条).
    let rule = "merchant_identity.unregistered_natural_person";
    for (platform, tag, turnover, holder_tag, label, text) in [
        (
            MALL,
            "np-over",
            10_000_001,
            "a",
            Label::Positive,
            "自然人网店年交易额 100,000.01 元，超过 10 万元免登记上限",
        ),
        (
            MALL,
            "np-under",
            9_999_999,
            "b",
            Label::Negative,
            "年交易额 99,999.99 元，未超过 10 万元，免登记",
        ),
        (
            MALL,
            "np-split-a",
            6_000_000,
            "c",
            Label::Positive,
            "同一自然人在两平台开店，合计 11.5 万元超过 10 万元（网络交易监督管理办法第八条合并计算）",
        ),
        (
            LIVE,
            "np-split-b",
            5_500_000,
            "c",
            Label::Positive,
            "同一自然人在两平台开店，合计 11.5 万元超过 10 万元（网络交易监督管理办法第八条合并计算）",
        ),
    ] {
        let holder = Rng::new(0)
            .fork(&format!("holdout-np-{holder_tag}"))
            .hex64();
        let (adcode, address) = ho.place();
        let m = ho.merchant(
            platform,
            tag,
            "natural_person",
            None,
            Some(&holder),
            "个人小店",
            (adcode, &address),
            true,
            turnover,
            None,
        );
        let l = ho.listing(
            platform,
            &m,
            0,
            ("手工香薰蜡烛", "家居/香薰", "general", 4_900, true),
        );
        for d in (0..last).step_by(4) {
            ho.sell(&l, d, 40_000, 4_900);
        }
        ho.truth_merchant(rule, platform, &m, label, text);
    }
    let holder = ho.rng.hex64();
    let (adcode, address) = ho.place();
    let m = ho.merchant(
        MALL,
        "np-farmer",
        "natural_person",
        None,
        Some(&holder),
        "临安山核桃农户老郑",
        (adcode, &address),
        true,
        26_000_000,
        None,
    );
    ho.put(MALL, "listings", json!({
        "platform_id": MALL, "listing_id": format!("{m}-l0"), "merchant_id": m, "title": "临安山核桃 自家山林 农户自产自销",
        "description": "自家山上采摘，自己炒制，农户自产农副产品", "category": "食品/坚果炒货", "product_class": "food",
        "brand": null, "trademark_reg_no": null, "ad_approval_no": null, "list_price_fen": 6_800,
        "no_reason_return": true, "created_at": at(-400, 36_000), "delisted_at": null,
    }));
    let l = Listing {
        platform: MALL,
        id: format!("{m}-l0"),
        merchant: m.clone(),
        price: 6_800,
    };
    for d in 0..last {
        ho.sell(&l, d, 40_000, 6_800);
    }
    ho.truth_merchant(
        rule,
        MALL,
        &m,
        Label::Negative,
        "个人销售自产农副产品，电子商务法第十条明文免于登记，不论金额",
    );
}

// 消费者权益保护法 第二十五条; 网络购买商品七日无理由退货暂行办法: seven days from the day after
// signing; custom-made, fresh, digital and periodical goods excluded.

fn returns(ho: &mut Ho<'_>) {
    let rule = "return_refusal.no_reason_return";
    // (tag, goods, orders, signed at (second of day), request (days after signing, second),
    //  refused, label, why)
    type Case = (
        &'static str,
        (&'static str, &'static str, &'static str, i64, bool),
        i64,
        i64,
        (i64, i64),
        i64,
        Label,
        &'static str,
    );
    let cases: [Case; 5] = [
        (
            "rr-day7",
            ("恒温 保温杯 500ml", "家居/杯具", "general", 9_900, true),
            6,
            72_000,
            (7, 79_200),
            6,
            Label::Positive,
            "签收当日 20 点签收、第 7 天 22 点申请：期间自签收次日起算，仍在七日内，全部被拒",
        ),
        (
            "rr-optout",
            ("真丝印花方巾", "服饰/配件", "general", 15_900, false),
            8,
            50_000,
            (2, 36_000),
            8,
            Label::Positive,
            "普通服饰配件不属法定除外商品，商家自设“不支持七天无理由”并拒绝全部 8 件申请",
        ),
        (
            "rr-day8",
            ("恒温 玻璃杯 两只装", "家居/杯具", "general", 5_900, true),
            6,
            84_600,
            (8, 1_800),
            6,
            Label::Negative,
            "23:30 签收、第 8 天 00:30 申请：七日期间已于第 7 天 24 时届满，拒绝合法",
        ),
        (
            "rr-custom",
            (
                "定制刻字 钢笔礼盒",
                "文具/书写工具",
                "custom_made",
                19_900,
                false,
            ),
            6,
            50_000,
            (2, 36_000),
            6,
            Label::Negative,
            "消费者定作（刻字）商品，第二十五条第一款第一项明文除外",
        ),
        (
            "rr-digital",
            (
                "设计软件 一年授权激活码",
                "数码/软件",
                "digital",
                29_900,
                false,
            ),
            6,
            50_000,
            (1, 36_000),
            6,
            Label::Negative,
            "在线交付的软件激活码属数字化商品，第二十五条第一款第三项明文除外",
        ),
    ];
    for (tag, goods, n, signed_second, (after, request_second), refused, label, text) in cases {
        let name = format!("杭州{}商贸有限公司", &tag[3..]);
        let m = ho.company(MALL, tag, &name);
        let l = ho.listing(MALL, &m, 0, goods);
        for k in 0..n {
            let signed_day = 3 + k * 4;
            let buyer = ho.buyer();
            let rejected = k < refused;
            let status = if rejected { "completed" } else { "refunded" };
            let mut row = ho.order(&l, signed_day - 2, 40_000, l.price, 1, &buyer, status);
            row["signed_at"] = json!(at(signed_day, signed_second));
            row["return_requested_at"] = json!(at(signed_day + after, request_second));
            row["return_reason"] = json!("no_reason");
            row["return_outcome"] = json!(if rejected { "rejected" } else { "approved" });
            if !rejected {
                row["refunded_at"] = json!(at(signed_day + after + 3, 36_000));
            }
            ho.put(MALL, "orders", row);
        }
        // Ordinary sales without returns around them.
        for d in (1..ho.last).step_by(3) {
            ho.sell(&l, d, 55_000, l.price);
        }
        if tag == "rr-day8" {
            // The same shop approves the requests made in time.
            for k in 0..3 {
                let signed_day = 5 + k * 6;
                let buyer = ho.buyer();
                let mut row = ho.order(&l, signed_day - 2, 40_000, l.price, 1, &buyer, "refunded");
                row["signed_at"] = json!(at(signed_day, 60_000));
                row["return_requested_at"] = json!(at(signed_day + 4, 36_000));
                row["return_reason"] = json!("no_reason");
                row["return_outcome"] = json!("approved");
                row["refunded_at"] = json!(at(signed_day + 6, 36_000));
                ho.put(MALL, "orders", row);
            }
        }
        ho.truth_merchant(rule, MALL, &m, label, text);
    }
}

// 电子商务法 第十四条: sellers issue invoices (or other purchase vouchers); no minimum amount.

fn invoices(ho: &mut Ho<'_>) {
    let rule = "invoice_refusal.not_issued";
    let last = ho.last;

    // + 11 requests over the period, 9 never issued.
    let m = ho.company(MALL, "iv-ignore", "杭州聚力办公用品有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        ("聚力 A4 复印纸 5包", "办公/纸张", "general", 12_900, true),
    );
    for k in 0..11 {
        let buyer = ho.buyer();
        let status = if k % 3 == 0 { "signed" } else { "completed" };
        let mut row = ho.order(&l, 1 + k * 3, 40_000, 12_900, 2, &buyer, status);
        row["invoice_requested"] = json!(true);
        row["invoice_issued"] = json!(k >= 9);
        ho.put(MALL, "orders", row);
    }
    ho.truth_merchant(
        rule,
        MALL,
        &m,
        Label::Positive,
        "11 笔已交付订单索要发票，9 笔始终未开",
    );

    // + Invoices only above ¥500: all eight small orders with a request go without.
    let m = ho.company(LOCAL, "iv-small", "杭州一品鲜餐饮有限公司");
    let l = ho.listing(
        LOCAL,
        &m,
        0,
        ("一品鲜 商务套餐", "美食/中餐", "general", 8_800, false),
    );
    for k in 0..12 {
        let buyer = ho.buyer();
        let big = k % 3 == 0;
        let q = if big { 8 } else { 1 };
        let mut row = ho.order(&l, 2 + k * 2, 42_000, 8_800, q, &buyer, "completed");
        row["invoice_requested"] = json!(true);
        row["invoice_issued"] = json!(big);
        ho.put(LOCAL, "orders", row);
    }
    ho.truth_merchant(
        rule,
        LOCAL,
        &m,
        Label::Positive,
        "只给 500 元以上订单开票，8 笔小额索票订单均未开具：法律无金额门槛",
    );

    // − Requests on orders that were returned and fully refunded: nothing was sold.
    let m = ho.company(MALL, "iv-refunded", "杭州悦目眼镜有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        ("悦目 防蓝光眼镜", "配饰/眼镜", "general", 19_900, true),
    );
    for k in 0..14 {
        let buyer = ho.buyer();
        let refunded = k < 8;
        let day = 1 + k * 2;
        let mut row = ho.order(
            &l,
            day,
            40_000,
            19_900,
            1,
            &buyer,
            if refunded { "refunded" } else { "completed" },
        );
        row["invoice_requested"] = json!(true);
        row["invoice_issued"] = json!(!refunded);
        if refunded {
            row["signed_at"] = json!(at(day + 2, 50_000));
            row["return_requested_at"] = json!(at(day + 3, 36_000));
            row["return_reason"] = json!("no_reason");
            row["return_outcome"] = json!("approved");
            row["refunded_at"] = json!(at(day + 6, 36_000));
        }
        ho.put(MALL, "orders", row);
    }
    ho.truth_merchant(
        rule,
        MALL,
        &m,
        Label::Negative,
        "未开票的 8 笔均已退货全额退款，交易不存在；其余索票订单全部开具",
    );

    // − Older requests all issued; six made in the last day, not yet delivered, still pending.
    let m = ho.company(MALL, "iv-pending", "杭州墨池书画用品有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        ("墨池 宣纸 100张", "文具/书画用品", "general", 6_900, true),
    );
    for k in 0..16 {
        let buyer = ho.buyer();
        let recent = k >= 10;
        let (day, status) = if recent {
            (last, if k % 2 == 0 { "paid" } else { "shipped" })
        } else {
            (1 + k * 3, "completed")
        };
        let mut row = ho.order(&l, day, 30_000 + k * 600, 6_900, 1, &buyer, status);
        row["invoice_requested"] = json!(true);
        row["invoice_issued"] = json!(!recent);
        ho.put(MALL, "orders", row);
    }
    ho.truth_merchant(
        rule,
        MALL,
        &m,
        Label::Negative,
        "此前 10 笔索票全部开具；6 笔为最后一天刚付款、尚未交付的订单，尚未到开票时点",
    );
}

// 反不正当竞争法 (2019) 第八条, 电子商务法 第十七条: 刷单炒信.

fn review(
    ho: &mut Ho<'_>,
    row: &Value,
    rating: i64,
    text: &str,
    media: bool,
    minute_after_sign: Option<i64>,
) {
    let platform = row["platform_id"].as_str().unwrap_or("").to_string();
    let id = row["order_id"]
        .as_str()
        .unwrap_or("")
        .trim_start_matches("ho-o")
        .to_string();
    let created = match (minute_after_sign, row["signed_at"].as_str()) {
        (Some(min), Some(signed)) => {
            let day = crate::background::day_of(signed);
            let second = second_of(signed);
            at(day, second + min * 60)
        }
        _ => {
            let day = crate::background::day_of(row["ordered_at"].as_str().unwrap_or(""));
            at(day + ho.rng.range(3, 6), ho.rng.range(28_800, 80_000))
        }
    };
    ho.put(&platform, "reviews", json!({
        "platform_id": platform, "review_id": format!("ho-rv{id}"), "order_id": row["order_id"],
        "listing_id": row["listing_id"], "merchant_id": row["merchant_id"], "reviewer_pid": row["buyer_pid"],
        "rating": rating, "text": text, "has_media": media, "created_at": created,
    }));
}

/// Second of the day of a China-time RFC 3339 string written by `at`.
fn second_of(text: &str) -> i64 {
    let part = |a: usize, b: usize| {
        text.get(a..b)
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    };
    part(11, 13) * 3_600 + part(14, 16) * 60 + part(17, 19)
}

fn brushing(ho: &mut Ho<'_>) {
    let rule = "fake_orders.brushing_ring";
    let last = ho.last;

    // + 22 hired 刷手 on their own phones and addresses buy a 2.5 kg quilt over three nights; every
    //   parcel weighs 8–25 g (空包), every review is five stars with photos.
    let m = ho.company(MALL, "fo-empty", "杭州云锦丝绸家纺有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        (
            "云锦 桑蚕丝被 200×230",
            "家居/床上用品",
            "general",
            69_900,
            true,
        ),
    );
    for d in 0..last {
        if d % 2 == 0 {
            let buyer = ho.buyer();
            let second = ho.rng.range(30_000, 80_000);
            let mut row = ho.order(&l, d, second, 69_900, 1, &buyer, "completed");
            row["parcel_weight_g"] = json!(ho.rng.range(2_400, 2_800));
            if ho.rng.chance(0.3) {
                let rating = ho.rng.range(3, 5);
                let text = crate::background::honest_review_text(&mut ho.rng);
                review(ho, &row, rating, &text, false, None);
            }
            ho.put(MALL, "orders", row);
        }
    }
    let start = ho.rng.range(5, last - 10);
    for _ in 0..22 {
        let account = ho.rng.hex64();
        for _ in 0..ho.rng.range(1, 2) {
            let day = start + ho.rng.range(0, 2);
            let second = ho.rng.range(75_600, 86_000);
            let mut row = ho.order(&l, day, second, 69_900, 1, &account, "completed");
            row["parcel_weight_g"] = json!(ho.rng.range(8, 25));
            let text = crate::background::honest_review_text(&mut ho.rng);
            review(ho, &row, 5, &text, true, None);
            ho.put(MALL, "orders", row);
        }
    }
    ho.truth_merchant(
        rule,
        MALL,
        &m,
        Label::Positive,
        "三晚内 22 个账号各下单 1–2 次购买 2.5 公斤的蚕丝被，包裹仅 8–25 克（空包）且全部五星带图",
    );

    // + A 刷单工作室 on the live platform: 30 accounts on 4 phones and one network, orders placed
    //   between 01:00 and 04:00 every few days for two shops, "signed" within 40 minutes and
    //   reviewed within 15.
    let studio: Vec<String> = (0..30).map(|_| ho.rng.hex64()).collect();
    let phones: Vec<String> = (0..4).map(|_| ho.rng.hex64()).collect();
    let network = ho.rng.hex64();
    let drops: Vec<String> = (0..3).map(|_| ho.rng.hex64()).collect();
    for (c, (tag, name, goods)) in [
        (
            "fo-studio-a",
            "杭州卿颜美妆有限公司",
            (
                "卿颜 氨基酸洁面乳",
                "美妆/面部护肤/洁面",
                "ordinary_cosmetic",
                8_900,
                true,
            ),
        ),
        (
            "fo-studio-b",
            "杭州暖居家居有限公司",
            (
                "暖居 珊瑚绒睡衣套装",
                "服饰/家居服",
                "general",
                12_900,
                true,
            ),
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let m = ho.company(LIVE, tag, name);
        let l = ho.listing(LIVE, &m, 0, goods);
        for d in 0..last {
            let second = ho.rng.range(60_000, 82_000);
            ho.sell(&l, d, second, l.price);
        }
        for (a, account) in studio.iter().enumerate() {
            for r in 0..3 {
                let day = (a as i64 + r * 11 + c as i64 * 5) % (last - 1);
                let second = ho.rng.range(3_600, 14_400);
                let mut row = ho.order(&l, day, second, l.price, 1, account, "completed");
                row["device_pid"] = json!(phones[a % phones.len()]);
                row["ip_pid"] = json!(network);
                row["ship_address_pid"] = json!(drops[a % drops.len()]);
                row["signed_at"] = json!(at(day, second + 60 + ho.rng.range(900, 2_400)));
                let text = crate::background::honest_review_text(&mut ho.rng);
                let minutes = ho.rng.range(3, 15);
                review(ho, &row, 5, &text, false, Some(minutes));
                ho.put(LIVE, "orders", row);
            }
        }
        ho.truth_merchant(rule, LIVE, &m, Label::Positive, "30 个账号共用 4 部手机、同一网络、3 个收货点，凌晨下单，40 分钟内“签收”、15 分钟内五星好评");
    }

    // − 社区团购: 45 neighbours order every Saturday to one pickup point, on their own phones.
    let m = ho.company(LOCAL, "fo-tuan", "杭州邻里鲜生鲜有限公司");
    let l = ho.listing(
        LOCAL,
        &m,
        0,
        ("邻里鲜 本地青菜 2斤", "生鲜/蔬菜", "fresh", 990, false),
    );
    let pickup = ho.rng.hex64();
    let neighbours: Vec<String> = (0..45).map(|_| ho.rng.hex64()).collect();
    for d in 0..last {
        // day 0 is a Thursday: Saturdays are day 2, 9, …
        if d % 7 != 2 {
            continue;
        }
        for n in &neighbours {
            if !ho.rng.chance(0.8) {
                continue;
            }
            let (second, q) = (ho.rng.range(28_800, 72_000), ho.rng.range(1, 3));
            let mut row = ho.order(&l, d, second, 990, q, n, "completed");
            row["ship_address_pid"] = json!(pickup);
            row["signed_at"] = json!(at(d + 1, ho.rng.range(32_400, 64_800)));
            if ho.rng.chance(0.25) {
                let rating = ho.rng.range(3, 5);
                let text = crate::background::honest_review_text(&mut ho.rng);
                let media = ho.rng.chance(0.2);
                review(ho, &row, rating, &text, media, None);
            }
            ho.put(LOCAL, "orders", row);
        }
    }
    ho.truth_merchant(
        rule,
        LOCAL,
        &m,
        Label::Negative,
        "社区团购每周六集中下单、同一自提点收货：共用地址是业态使然，设备、网络、签收、评价均正常",
    );

    // − A live-stream flash sale: 250 different shoppers buy within one hour of one evening.
    let m = ho.company(LIVE, "fo-livesale", "杭州茶语杯具有限公司");
    let l = ho.listing(
        LIVE,
        &m,
        0,
        ("茶语 玻璃泡茶杯", "家居/杯具", "general", 5_900, true),
    );
    let d = last - 6;
    let host = ho.rng.hex64();
    ho.put(LIVE, "live_sessions", json!({
        "platform_id": LIVE, "session_id": "ho-live-fo", "room_id": "ho-room-chayu", "host_pid": host,
        "mcn_uscc": null, "merchant_id": m, "started_at": at(d, 72_000), "ended_at": at(d, 79_200),
        "peak_viewers": 18_000, "gmv_fen": 250 * 5_900,
        "transcript": "欢迎来到直播间，今天给大家介绍这款玻璃泡茶杯，三百毫升，茶水分离，需要的朋友点击下方链接下单，七天无理由退货，有问题随时联系客服。",
    }));
    for k in 0..250 {
        let buyer = ho.buyer();
        let mut row = ho.order(&l, d, 72_600 + k * 14, 5_900, 1, &buyer, "completed");
        row["parcel_weight_g"] = json!(ho.rng.range(380, 460));
        if ho.rng.chance(0.3) {
            let rating = if ho.rng.chance(0.8) {
                ho.rng.range(4, 5)
            } else {
                ho.rng.range(1, 3)
            };
            let text = crate::background::honest_review_text(&mut ho.rng);
            let media = ho.rng.chance(0.2);
            review(ho, &row, rating, &text, media, None);
        }
        ho.put(LIVE, "orders", row);
    }
    for dd in 0..last {
        if dd % 3 == 0 {
            ho.sell(&l, dd, 50_000, 5_900);
        }
    }
    ho.truth_merchant(
        rule,
        LIVE,
        &m,
        Label::Negative,
        "直播秒杀一小时内 250 个不同买家下单：设备、网络、地址各异，包裹重量正常，评价有好有差",
    );

    // − A family: four accounts, two phones, one home, one network, buying nappies every ten days.
    let m = ho.company(MALL, "fo-family", "杭州贝护母婴用品有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        (
            "贝护 纸尿裤 L码 60片",
            "母婴/纸尿裤",
            "general",
            11_900,
            true,
        ),
    );
    let (home, network) = (ho.rng.hex64(), ho.rng.hex64());
    let phones = [ho.rng.hex64(), ho.rng.hex64()];
    for f in 0..4 {
        let member = ho.rng.hex64();
        let mut d = f * 2;
        while d < last {
            let second = ho.rng.range(68_000, 80_000);
            let mut row = ho.order(&l, d, second, 11_900, 2, &member, "completed");
            row["ship_address_pid"] = json!(home);
            row["ip_pid"] = json!(network);
            row["device_pid"] = json!(phones[(f % 2) as usize]);
            row["parcel_weight_g"] = json!(ho.rng.range(2_900, 3_300));
            if ho.rng.chance(0.3) {
                let rating = ho.rng.range(4, 5);
                let text = crate::background::honest_review_text(&mut ho.rng);
                review(ho, &row, rating, &text, false, None);
            }
            ho.put(MALL, "orders", row);
            d += 10;
        }
    }
    for d in 0..last {
        ho.sell(&l, d, 45_000, 11_900);
    }
    ho.truth_merchant(
        rule,
        MALL,
        &m,
        Label::Negative,
        "一家四口共用两部手机和家庭网络、同一住址定期购买纸尿裤：正常家庭消费",
    );
}

// 消费者权益保护法实施条例 (abuse of complaints for improper gain); 市场监督管理投诉举报处理办法.

fn complainants(ho: &mut Ho<'_>) {
    let rule = "serial_complainant.profit_seeking";
    let last = ho.last;
    let complaint = |ho: &mut Ho<'_>,
                     id: String,
                     day: i64,
                     person: &str,
                     kind: &str,
                     merchant: &str,
                     order: Option<&str>,
                     text: &str,
                     amount: i64,
                     demand: &str| {
        let channel = *ho.rng.pick(&["12315_web", "12315_app"]);
        let second = ho.rng.range(30_000, 75_000);
        ho.put("12315", "complaints", json!({
            "complaint_id": id, "channel": channel, "received_at": at(day, second),
            "complainant_pid": person, "kind": kind, "platform_id": MALL, "merchant_id": merchant,
            "respondent_uscc": null, "respondent_name": "某网店", "order_id": order, "text": text,
            "amount_fen": amount, "demand": demand, "real_name": true,
        }));
    };

    // Six food shops the claimants buy from.
    let mut shops = Vec::new();
    for (k, (name, title)) in [
        ("杭州甄选进口食品有限公司", "进口黄油曲奇 908g"),
        ("杭州百味坊食品有限公司", "手工牛轧糖 500g"),
        ("杭州谷香食品有限公司", "即食燕麦片 1kg"),
        ("杭州蜜源蜂业有限公司", "土蜂蜜 500g"),
        ("杭州海派食品有限公司", "进口巧克力礼盒"),
        ("杭州鲜萃饮品有限公司", "NFC 橙汁 1L"),
    ]
    .into_iter()
    .enumerate()
    {
        let m = ho.company(MALL, &format!("sc-shop{k}"), name);
        let l = ho.listing(
            MALL,
            &m,
            0,
            (
                title,
                "食品/休闲零食",
                "food",
                4_900 + k as i64 * 1_000,
                true,
            ),
        );
        for d in (0..last).step_by(2) {
            ho.sell(&l, d, 44_000, l.price);
        }
        shops.push(l);
    }

    // + A 临期 hunter: buys 20–40 units of near-expiry food from each shop twice and files a
    //   punitive claim within two days of every purchase, plus claims against other shops.
    let hunter = ho.rng.hex64();
    let texts = [
        "收货发现{item}距保质期不足一个月，页面未作临期提示，依据食品安全法要求退一赔十。",
        "所购{item}生产日期标注模糊无法辨认，属于标签不合格食品，要求支付价款十倍赔偿。",
        "{item}外包装无中文标签，不符合食品安全国家标准，请求责令商家十倍赔偿。",
        "购买的{item}临近保质期却未显著提示，商家存在欺诈，要求按价款十倍赔偿。",
    ];
    let mut n = 0;
    for (k, l) in shops.iter().enumerate() {
        for r in 0..2 {
            let day = 1 + (k as i64 * 5 + r * 17) % (last - 4);
            let q = ho.rng.range(20, 40);
            let mut row = ho.order(l, day, 40_000, l.price, q, &hunter, "completed");
            row["signed_at"] = json!(at(day + 1, 50_000));
            let order_id = row["order_id"].as_str().unwrap_or("").to_string();
            ho.put(MALL, "orders", row);
            let item = ["曲奇", "牛轧糖", "燕麦片", "蜂蜜", "巧克力", "橙汁"][k];
            let text = texts[(k + r as usize) % texts.len()].replace("{item}", item);
            complaint(
                ho,
                format!("ho-sc-hunter-{n}"),
                day + 2,
                &hunter,
                "complaint",
                &l.merchant,
                Some(&order_id),
                &text,
                l.price * q * 10,
                "punitive_compensation",
            );
            n += 1;
        }
    }
    for k in 0..12i64 {
        let merchant = format!("huishang-m{}", 5 + k);
        let text = texts[k as usize % texts.len()].replace("{item}", "饼干");
        let amount = ho.rng.range(20_000, 90_000);
        complaint(
            ho,
            format!("ho-sc-hunter-{n}"),
            (2 + k * 3) % last,
            &hunter,
            "complaint",
            &merchant,
            None,
            &text,
            amount,
            "punitive_compensation",
        );
        n += 1;
    }
    ho.city.truth.add_person("serial_complainant", rule, &hunter, Label::Positive, &why("两个月 24 件投诉，每次整箱购入 20–40 件临期食品后两日内即以标签瑕疵索要十倍赔偿：购买量明显超出生活消费"));

    // + A crew of three sharing one phone and one address: identical texts against the same four
    //   shops within two days, each after buying ten units.
    let (phone, address) = (ho.rng.hex64(), ho.rng.hex64());
    let crew: Vec<String> = (0..3).map(|_| ho.rng.hex64()).collect();
    let day0 = last / 2;
    for (c, person) in crew.iter().enumerate() {
        for (k, l) in shops.iter().take(4).enumerate() {
            for r in 0..2i64 {
                let day = day0 + r * 6;
                let mut row = ho.order(
                    l,
                    day,
                    30_000 + c as i64 * 300,
                    l.price,
                    10,
                    person,
                    "completed",
                );
                row["device_pid"] = json!(phone);
                row["ship_address_pid"] = json!(address);
                row["signed_at"] = json!(at(day + 1, 40_000));
                let order_id = row["order_id"].as_str().unwrap_or("").to_string();
                ho.put(MALL, "orders", row);
                complaint(
                    ho,
                    format!("ho-sc-crew{c}-{k}-{r}"),
                    day + 2,
                    person,
                    "complaint",
                    &l.merchant,
                    Some(&order_id),
                    "经查该商品标签未标注贮存条件，违反食品安全法第六十七条，要求商家支付价款十倍赔偿，否则将持续举报。",
                    l.price * 100,
                    "punitive_compensation",
                );
            }
        }
        ho.city.truth.add_person("serial_complainant", rule, person, Label::Positive, &why("三人共用一部手机和同一收货地址，对同四家店同日以同一文本各投诉 8 次、每次买 10 件并索十倍赔偿，附“否则持续举报”"));
    }

    // − A citizen reporter: 30 real-name reports of different suspected violations, asking only for
    //   investigation, with no purchase and no money demanded.
    let reporter = ho.rng.hex64();
    let reports = [
        "该店商品详情页使用“国家级”“最高级”用语，涉嫌违反广告法第九条，请依法查处。",
        "该店铺首页未公示营业执照信息，请核查。",
        "该店销售的保健食品宣称能治疗高血压，涉嫌虚假宣传，请调查。",
        "该店直播间称“全网最低价”，但其他店铺同款更便宜，请核实。",
        "该店划线价长期高于实际成交价，涉嫌虚构原价，请查处。",
        "该店外卖后厨环境脏乱，请安排检查。",
    ];
    for k in 0..30i64 {
        let merchant = format!("huishang-m{}", k % 25);
        let text = reports[k as usize % reports.len()];
        complaint(
            ho,
            format!("ho-sc-reporter-{k}"),
            (k * 2) % last,
            &reporter,
            "report",
            &merchant,
            None,
            text,
            0,
            "investigate",
        );
    }
    ho.city.truth.add_person("serial_complainant", rule, &reporter, Label::Negative, &why("实名举报 30 件、涉及不同违法线索，只要求查处、不索赔、无购买：依法举报（可获有奖举报奖励）不是牟取不正当利益"));

    // − A parent who bought infant formula for the family over two months, found a spoiled tin and
    //   claimed punitive damages once (with one follow-up).
    let parent = ho.rng.hex64();
    let m = ho.company(MALL, "sc-formula", "杭州安贝母婴用品有限公司");
    let l = ho.listing(
        MALL,
        &m,
        0,
        (
            "安贝 婴幼儿配方奶粉 3段 800g",
            "母婴/奶粉",
            "infant_formula",
            26_800,
            true,
        ),
    );
    let mut last_order = String::new();
    for k in 0..5 {
        let mut row = ho.order(&l, 2 + k * 8, 70_000, 26_800, 2, &parent, "completed");
        row["signed_at"] = json!(at(3 + k * 8, 50_000));
        last_order = row["order_id"].as_str().unwrap_or("").to_string();
        ho.put(MALL, "orders", row);
    }
    for d in (0..last).step_by(2) {
        ho.sell(&l, d, 44_000, 26_800);
    }
    complaint(
        ho,
        "ho-sc-parent-0".to_string(),
        36.min(last),
        &parent,
        "complaint",
        &m,
        Some(&last_order),
        "给孩子冲奶时发现罐内奶粉结块并有异味，孩子喝后腹泻就医，要求退款并依法赔偿。",
        536_000,
        "punitive_compensation",
    );
    complaint(
        ho,
        "ho-sc-parent-1".to_string(),
        last,
        &parent,
        "complaint",
        &m,
        Some(&last_order),
        "上次反映的奶粉结块异味问题商家至今未答复，请尽快处理。",
        536_000,
        "punitive_compensation",
    );
    ho.city.truth.add_person("serial_complainant", rule, &parent, Label::Negative, &why("为家中婴儿按需购买奶粉，发现变质后就同一订单投诉一次并催办一次：食品安全法第一百四十八条赋予的正当索赔"));
}

// 电子商务法 第三十五条; 平台经济反垄断指南 第十五条: punishing merchants for dealing on a rival
// platform until they leave it.

struct Dual {
    platform: &'static str,
    name: &'static str,
    category: &'static str,
    rival: &'static str,
    operators: usize,
    treated: usize,
    treated_exits: usize,
    base_exits: usize,
    actions: &'static [&'static str],
    reason: &'static str,
    /// The sanction suspends the shop until the merchant leaves the rival.
    suspend_until_exit: bool,
    /// The rival shuts down its marketplace on this day (every shop closes).
    rival_shutdown: Option<i64>,
    label: Label,
    why: &'static str,
}

fn platform_row(ho: &mut Ho<'_>, id: &str, name: &str, category: &str) {
    let (adcode, _) = ho.place();
    let code = crate::city::uscc(&mut ho.rng, adcode, true);
    let users = ho.rng.range(2_000_000, 80_000_000);
    ho.put(
        id,
        "platforms",
        json!({
            "platform_id": id, "name": name, "operator_uscc": code, "categories": [category],
            "annual_active_users": users, "market_value_cny": null, "domicile_adcode": adcode,
        }),
    );
}

fn exclusive(ho: &mut Ho<'_>, days: i64) {
    let last = ho.last;
    platform_row(ho, "ho-rival-a", "优品汇电商平台", "sales");
    platform_row(ho, "ho-rival-c", "邻家购社区电商平台", "sales");
    let shutdown = days / 2 + 5;
    let scenarios = [
        Dual {
            platform: "ho-pinsu",
            name: "品速商城",
            category: "sales",
            rival: "ho-rival-a",
            operators: 40,
            treated: 16,
            treated_exits: 12,
            base_exits: 0,
            actions: &["fee_increase", "deposit_deduction"],
            reason: "未签署独家经营承诺，技术服务费费率上调并扣除违约保证金",
            suspend_until_exit: false,
            rival_shutdown: None,
            label: Label::Positive,
            why: "只对在优品汇同时经营的商家上调费率、扣保证金（理由为未签独家承诺），16 家中 12 家随后关闭优品汇店铺，未受处罚的双平台商家无一退出",
        },
        Dual {
            platform: "ho-xianda",
            name: "鲜达本地生活平台",
            category: "services",
            rival: "ho-rival-a",
            operators: 24,
            treated: 16,
            treated_exits: 15,
            base_exits: 0,
            actions: &["shop_block"],
            reason: "系统检测到店铺经营异常，暂停展示",
            suspend_until_exit: true,
            rival_shutdown: None,
            label: Label::Positive,
            why: "商家报名竞争平台活动后即被屏蔽店铺，关闭竞争平台店铺后当天恢复展示；16 家中 15 家被迫退出",
        },
        Dual {
            platform: "ho-youxuan",
            name: "优选好物平台",
            category: "sales",
            rival: "ho-rival-a",
            operators: 30,
            treated: 14,
            treated_exits: 1,
            base_exits: 1,
            actions: &["listing_removal", "warning"],
            reason: "抽检发现商品标签不规范，依据平台商品质量管理规则下架并警告",
            suspend_until_exit: false,
            rival_shutdown: None,
            label: Label::Negative,
            why: "因商品质量抽检不合格下架、警告，受处罚与未受处罚商家退出竞争平台的比例相同（各 1 家）",
        },
        Dual {
            platform: "ho-kuaigou",
            name: "快购商城",
            category: "sales",
            rival: "ho-rival-c",
            operators: 24,
            treated: 12,
            treated_exits: 12,
            base_exits: 12,
            actions: &["search_demotion"],
            reason: "经核查存在刷单炒信行为，依据平台规则搜索降权",
            suspend_until_exit: false,
            rival_shutdown: Some(shutdown),
            label: Label::Negative,
            why: "商家退出是因竞争平台整体关停（同日所有店铺关闭，未受处罚者同样退出）；降权理由为刷单，属正当平台治理",
        },
    ];
    for (s, sc) in scenarios.iter().enumerate() {
        platform_row(ho, sc.platform, sc.name, sc.category);
        if sc.suspend_until_exit {
            ho.put(
                sc.rival,
                "campaigns",
                json!({
                    "platform_id": sc.rival, "campaign_id": "ho-rival-1111", "name": "双十一狂欢节",
                    "starts_at": at(24, 0), "ends_at": at(28, 0),
                    "terms_text": "报名自愿，活动价由商家自主设定，商家可随时退出。",
                }),
            );
        }
        for k in 0..sc.operators {
            let (adcode, address) = ho.place();
            let code = crate::city::uscc(&mut ho.rng, adcode, true);
            let name = format!(
                "杭州{}{}{}商贸有限公司",
                ["远帆", "晨曦", "长青", "瑞丰"][s],
                ["百货", "服饰", "食品", "家居"][k % 4],
                k
            );
            ho.register(&code, &name, "company", "active", adcode, &address, true);
            let treated = k < sc.treated;
            let measure = match (sc.rival_shutdown, sc.suspend_until_exit) {
                (Some(d), _) => d - ho.rng.range(2, 8),
                (None, true) => 14 + ho.rng.range(0, 10),
                (None, false) => days / 4 + ho.rng.range(0, 10),
            };
            let exit = if let Some(d) = sc.rival_shutdown {
                (if treated {
                    k < sc.treated_exits
                } else {
                    k - sc.treated < sc.base_exits
                })
                .then_some(d)
            } else if treated && k < sc.treated_exits {
                Some(
                    if sc.suspend_until_exit {
                        measure + ho.rng.range(1, 5)
                    } else {
                        measure + ho.rng.range(5, 15)
                    }
                    .min(last),
                )
            } else if !treated && k - sc.treated < sc.base_exits {
                Some(ho.rng.range(5, last - 3))
            } else {
                None
            };
            for (p, closes) in [(sc.platform, None), (sc.rival, exit)] {
                let m = ho.merchant(
                    p,
                    &format!("x{s}-{k}"),
                    "company",
                    Some(&code),
                    None,
                    &name,
                    (adcode, &address),
                    true,
                    60_000_000,
                    closes,
                );
                if p == sc.rival && sc.suspend_until_exit && treated {
                    ho.put(p, "campaign_participants", json!({
                        "platform_id": p, "campaign_id": "ho-rival-1111", "merchant_id": m, "joined_at": at(measure - 2, 36_000),
                    }));
                }
                for day in 0..days {
                    if closes.is_some_and(|c| day > c + 3) {
                        break;
                    }
                    let closed = closes.is_some_and(|c| day >= c);
                    let suspended = p == sc.platform
                        && sc.suspend_until_exit
                        && treated
                        && day >= measure
                        && exit.is_none_or(|e| day < e);
                    let status = if closed {
                        "closed"
                    } else if suspended {
                        "suspended"
                    } else {
                        "open"
                    };
                    let orders = if status == "open" {
                        ho.rng.range(0, 10)
                    } else {
                        0
                    };
                    ho.put(p, "merchant_daily", json!({
                        "platform_id": p, "merchant_id": m, "uscc": code, "date": date(day), "status": status,
                        "active_listings": if status == "open" { 6 } else { 0 }, "orders": orders, "gmv_fen": orders * 5_900,
                    }));
                }
                if p == sc.platform && treated {
                    let action = sc.actions[k % sc.actions.len()];
                    ho.put(p, "merchant_sanctions", json!({
                        "platform_id": p, "merchant_id": m, "at": at(measure, 36_000), "action": action, "reason_text": sc.reason,
                    }));
                }
            }
        }
        ho.city.truth.add_platform(
            "exclusive_dealing",
            "exclusive_dealing.forced_exit",
            sc.platform,
            sc.label,
            &why(sc.why),
        );
    }
    // The rest of the shutting-down rival's shops close the same day.
    for k in 0..10 {
        let (adcode, address) = ho.place();
        let code = crate::city::uscc(&mut ho.rng, adcode, true);
        let name = format!("杭州邻家{k}号便利店有限公司");
        ho.register(&code, &name, "company", "active", adcode, &address, true);
        let m = ho.merchant(
            "ho-rival-c",
            &format!("solo-{k}"),
            "company",
            Some(&code),
            None,
            &name,
            (adcode, &address),
            true,
            20_000_000,
            Some(shutdown),
        );
        for day in 0..=(shutdown + 3).min(days - 1) {
            let closed = day >= shutdown;
            let orders = if closed { 0 } else { ho.rng.range(0, 10) };
            ho.put("ho-rival-c", "merchant_daily", json!({
                "platform_id": "ho-rival-c", "merchant_id": m, "uscc": code, "date": date(day),
                "status": if closed { "closed" } else { "open" }, "active_listings": if closed { 0 } else { 4 },
                "orders": orders, "gmv_fen": orders * 3_900,
            }));
        }
    }
}
