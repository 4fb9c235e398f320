//! The synthetic city: platforms, merchants, listings, sales, price displays, and the planted cases
//! with their ground truth.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use tianping_domain::value::{days_from_civil, format_date, format_time_utc};

use crate::background::Derived;
use crate::rng::Rng;
use crate::truth::{Label, Truth};
use crate::write::Batches;

/// How big a city to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Seconds: unit tests.
    Tiny,
    /// Under a minute: the demo and CI.
    Small,
    /// A city: about 50,000 merchants, 10 million orders, 5 million price observations and 1 million
    /// reviews, streamed to disk.
    City,
}

impl Scale {
    /// Parses `tiny`, `small` or `city`.
    pub fn parse(s: &str) -> Option<Scale> {
        match s {
            "tiny" => Some(Scale::Tiny),
            "small" => Some(Scale::Small),
            "city" => Some(Scale::City),
            _ => None,
        }
    }

    /// Honest merchants on the `k`-th platform of [`PLATFORMS`] (the city's marketplace is the
    /// biggest).
    fn merchants(self, k: usize) -> usize {
        match self {
            Scale::Tiny => 30,
            Scale::Small => 300,
            Scale::City => [27_000, 14_000, 9_000].get(k).copied().unwrap_or(9_000),
        }
    }

    /// Shoppers (most buy a few times in the period: about four orders each on average).
    fn buyers(self) -> usize {
        match self {
            Scale::Tiny | Scale::Small => self.merchants(0) * 100,
            Scale::City => 2_000_000,
        }
    }

    /// Days simulated.
    pub fn days(self) -> i64 {
        match self {
            Scale::Tiny => 40,
            Scale::Small | Scale::City => 60,
        }
    }

    /// Multiplies every honest listing's popularity (orders a day).
    fn demand_factor(self) -> f64 {
        match self {
            Scale::Tiny | Scale::Small => 1.0,
            Scale::City => 1.42,
        }
    }

    /// Chance that a listing's price display is observed on a given day.
    fn observation_share(self) -> f64 {
        match self {
            Scale::Tiny | Scale::Small => 0.3,
            Scale::City => 0.59,
        }
    }

    /// Share of honest completed orders that get a review.
    pub(crate) fn review_share(self) -> f64 {
        match self {
            Scale::Tiny | Scale::Small => 0.3,
            Scale::City => 0.25,
        }
    }
}

/// Hangzhou's districts and counties (GB/T 2260 codes after the 2021 reform).
pub const DISTRICTS: &[(&str, &str)] = &[
    ("330102", "上城区"),
    ("330105", "拱墅区"),
    ("330106", "西湖区"),
    ("330108", "滨江区"),
    ("330109", "萧山区"),
    ("330110", "余杭区"),
    ("330111", "富阳区"),
    ("330112", "临安区"),
    ("330113", "临平区"),
    ("330114", "钱塘区"),
    ("330122", "桐庐县"),
    ("330127", "淳安县"),
    ("330182", "建德市"),
];

pub(crate) const ROADS: &[&str] = &[
    "文三路",
    "天目山路",
    "莫干山路",
    "江南大道",
    "学院路",
    "解放路",
    "延安路",
    "古墩路",
    "丰潭路",
    "湖墅南路",
    "滨盛路",
    "文一西路",
];
const BRANDS: &[&str] = &[
    "山茶记",
    "钱塘好物",
    "西溪里",
    "知味坊",
    "青禾",
    "云栖",
    "拾光",
    "木兰家",
    "潮汐",
    "禾木",
];
const GOODS: &[(&str, &str, &str, i64)] = &[
    ("西湖龙井 明前 250g", "食品/茶叶/绿茶", "food", 39_900),
    ("临安山核桃仁 500g", "食品/坚果炒货", "food", 8_800),
    ("蚕丝被 200×230cm", "家居/床上用品", "general", 69_900),
    ("手工竹编收纳篮", "家居/收纳", "general", 12_900),
    ("保温杯 500ml", "家居/杯具", "general", 9_900),
    ("丝绸围巾", "服饰/配件", "general", 25_900),
    ("无线蓝牙耳机", "数码/耳机", "general", 19_900),
    ("儿童绘本套装", "图书/童书", "general", 15_800),
    ("新鲜杨梅 2kg", "生鲜/水果", "fresh", 12_800),
    (
        "补水面霜 50g",
        "美妆/面部护肤/面霜",
        "ordinary_cosmetic",
        16_900,
    ),
];
const STATUSES: &[&str] = &[
    "completed",
    "completed",
    "completed",
    "signed",
    "shipped",
    "paid",
    "cancelled",
];

/// The platforms of the city: (id, name, category).
pub const PLATFORMS: &[(&str, &str, &str)] = &[
    ("huishang", "汇商综合电商平台", "sales"),
    ("xiansong", "鲜送本地生活平台", "services"),
    ("kanbo", "看播直播社交平台", "social"),
];

/// A USCC registered in `adcode` with a random body; the check character is GB 32100's, or
/// deliberately the next one when `valid` is false.
pub(crate) fn uscc(rng: &mut Rng, adcode: &str, valid: bool) -> String {
    let chars = tianping_domain::value::USCC_CHARSET;
    let mut body = format!("91{adcode}");
    for _ in 0..9 {
        body.push(char::from(chars[rng.below(31) as usize]));
    }
    let check = tianping_domain::value::uscc_check_character(&body).unwrap_or('0');
    let position = chars
        .iter()
        .position(|c| char::from(*c) == check)
        .unwrap_or(0);
    let index = if valid { position } else { (position + 1) % 31 };
    body.push(char::from(chars[index]));
    body
}

/// Day 0 of the simulation: 2026-10-15 (China time); the period covers 双十一.
fn day0() -> i64 {
    i64::from(days_from_civil(2026, 10, 15).unwrap_or(0))
}

/// RFC 3339 in China time for a day offset and second of day.
pub fn at(day: i64, second_of_day: i64) -> String {
    let ns = ((day0() + day) * 86_400 + second_of_day - 8 * 3600) * 1_000_000_000;
    let utc = format_time_utc(ns + 8 * 3600 * 1_000_000_000);
    format!("{}+08:00", utc.trim_end_matches('Z'))
}

pub(crate) fn date(day: i64) -> String {
    format_date(day0() + day)
}

/// Seasonality: weekly rhythm and the 双十一 peak (day 27 is 11-11).
fn demand(day: i64) -> f64 {
    let weekday = (day0() + day + 3).rem_euclid(7); // 0 = Monday
    let weekly = if weekday >= 5 { 1.3 } else { 1.0 };
    let peak = match day - 27 {
        0 => 4.0,
        -3..=-1 | 1 => 1.8,
        _ => 1.0,
    };
    weekly * peak
}

/// The planted cases, by supplier, and the truth. The honest city is streamed to the batch files
/// as it is generated; only the planted rows (a few thousand) are kept here until the end.
pub struct City {
    /// supplier → table → rows.
    pub tables: BTreeMap<String, BTreeMap<&'static str, Vec<Value>>>,
    /// Planted cases.
    pub truth: Truth,
}

/// A listing as the generator knows it (for its orders).
pub(crate) struct Listing {
    pub platform: &'static str,
    pub id: String,
    pub merchant: String,
    pub price: i64,
}

/// The city's shoppers, kept as the 256 bits of each pseudonymous id (32 bytes, not a 64-character
/// string, so that two million of them fit in 64 MB).
struct Buyers(Vec<[u64; 4]>);

impl Buyers {
    fn new(rng: &mut Rng, n: usize) -> Buyers {
        Buyers(
            (0..n)
                .map(|_| {
                    [
                        rng.next_u64(),
                        rng.next_u64(),
                        rng.next_u64(),
                        rng.next_u64(),
                    ]
                })
                .collect(),
        )
    }

    fn len(&self) -> u64 {
        self.0.len() as u64
    }

    /// The pid of shopper `i` (as `Rng::hex64` writes it).
    fn pid(&self, i: u64) -> String {
        let [a, b, c, d] = self.0.get(i as usize).copied().unwrap_or_default();
        format!("{a:016x}{b:016x}{c:016x}{d:016x}")
    }

    /// A random shopper's pid.
    fn pick(&self, rng: &mut Rng) -> String {
        self.pid(rng.below(self.len()))
    }
}

/// Shoppers the planted cases draw from (all of them at `tiny` and `small`; the first ones at
/// `city`, who also shop honestly).
const PLANT_BUYERS_MAX: usize = 100_000;

/// Generates a city into `out` and returns the truth; `holdout` adds the held-out scenarios
/// (`holdout.rs` … `holdout12/`, written apart from the detectors, to measure them on cases their authors did
/// not design for).
///
/// The honest background is written row by row as it is generated (orders with their returns,
/// reviews and daily figures derived on the spot, `background::Derived`); the planted cases are
/// built in memory with the [`City`] API, their orders get the same derived rows, and everything
/// is written at the end. Memory grows with merchants and listings, not with rows.
pub fn generate(
    scale: Scale,
    seed: u64,
    holdout: bool,
    out: &mut Batches,
) -> std::io::Result<Truth> {
    let root = Rng::new(seed);
    let mut city = City {
        tables: BTreeMap::new(),
        truth: Truth::default(),
    };
    let days = scale.days();
    let mut derived = Derived::new(&root, days, scale.review_share());
    let mut rng = root.fork("entities");
    let buyers = Buyers::new(&mut rng, scale.buyers());
    let plant_buyers: Vec<String> = (0..buyers.len().min(PLANT_BUYERS_MAX as u64))
        .map(|i| buyers.pid(i))
        .collect();
    let mut listings: Vec<Listing> = Vec::new();
    let mut listing_slots: Vec<usize> = Vec::new();
    for (k, (platform, name, category)) in PLATFORMS.iter().enumerate() {
        let district = DISTRICTS[rng.below(DISTRICTS.len() as u64) as usize].0;
        out.put(platform, "platforms", json!({
            "platform_id": platform, "name": name, "operator_uscc": uscc(&mut rng, district, true),
            "categories": [category], "annual_active_users": rng.range(1_000_000, 300_000_000),
            "market_value_cny": null, "domicile_adcode": district,
        }))?;
        let n_merchants = scale.merchants(k);
        derived.honest_merchants(platform, n_merchants);
        for m in 0..n_merchants {
            let (adcode, district_name) = *rng.pick(DISTRICTS);
            let merchant = format!("{platform}-m{m}");
            let natural = rng.chance(0.1);
            let valid = !rng.chance(0.01);
            let code = uscc(&mut rng, adcode, valid);
            let brand = rng.pick(BRANDS).to_string();
            let address = format!(
                "杭州市{district_name}{}{}号",
                rng.pick(ROADS),
                rng.range(1, 999)
            );
            let license = natural || !rng.chance(0.05);
            let turnover = rng.pareto(1_000_000.0, 1.2) as i64;
            let uscc_value = if natural { Value::Null } else { json!(code) };
            let slot = derived.merchant(platform, &merchant, uscc_value.clone());
            out.put(platform, "merchants", json!({
                "platform_id": platform, "merchant_id": merchant,
                "merchant_type": if natural { "natural_person" } else { "company" },
                "uscc": uscc_value,
                "holder_pid": if natural { json!(rng.hex64()) } else { Value::Null },
                "name": format!("杭州{brand}电子商务有限公司"), "shop_name": format!("{brand}{m}号店"),
                "address": address, "adcode": adcode, "contact_pid": rng.hex64(), "license_displayed": license,
                "opened_on": date(-rng.range(60, 2000)), "closed_on": null, "annual_turnover_fen": turnover,
            }))?;
            if !natural && !valid {
                city.truth.add_subject(
                    "merchant_identity",
                    "merchant_identity.uscc_checksum",
                    "merchant",
                    platform,
                    &merchant,
                    Label::Positive,
                    "统一社会信用代码校验位错误",
                );
            }
            if !natural && !license {
                city.truth.add_subject(
                    "merchant_identity",
                    "merchant_identity.license_not_displayed",
                    "merchant",
                    platform,
                    &merchant,
                    Label::Positive,
                    "企业店铺未亮照",
                );
            }
            if natural && turnover > 10_000_000 {
                city.truth.add_subject(
                    "merchant_identity",
                    "merchant_identity.unregistered_natural_person",
                    "merchant",
                    platform,
                    &merchant,
                    Label::Positive,
                    "自然人网店年交易额超过 10 万元仍未登记",
                );
            }
            if !natural {
                let row = json!({
                    "uscc": code, "name": format!("杭州{brand}电子商务有限公司"),
                    "entity_type": "company", "legal_rep_pid": rng.hex64(), "address": address, "adcode": adcode,
                    "established_on": date(-rng.range(400, 4000)), "status": "active", "business_scope": "日用百货、食品销售",
                    "registered_capital_fen": rng.range(10_000_000, 1_000_000_000), "annual_report_filed": true,
                });
                derived.honest_registry(&row);
                out.put("registry", "registry", row)?;
            }
            let n_listings = 1 + (rng.pareto(1.0, 1.6) as usize).min(8);
            for l in 0..n_listings {
                let (title, cat, class, base) = *rng.pick(GOODS);
                let price = (base as f64 * (0.7 + rng.unit() * 0.6)).round() as i64 / 10 * 10;
                let id = format!("{merchant}-l{l}");
                let row = json!({
                    "platform_id": platform, "listing_id": id, "merchant_id": merchant,
                    "title": format!("{brand} {title}"), "description": null, "category": cat, "product_class": class,
                    "brand": brand, "trademark_reg_no": null, "ad_approval_no": null, "list_price_fen": price,
                    "no_reason_return": class != "fresh", "created_at": at(-rng.range(90, 900), 36_000), "delisted_at": null,
                });
                derived.honest_listing(platform, &row);
                out.put(platform, "listings", row)?;
                listings.push(Listing {
                    platform,
                    id,
                    merchant: merchant.clone(),
                    price,
                });
                listing_slots.push(slot);
            }
        }
    }
    // Honest trading: sales at or below the list price, displays with no unsupported reference
    // price; returns, reviews and daily figures derived from each order as it is made.
    let mut rng = root.fork("trade");
    let mut order_no = 0u64;
    let mut popular: Vec<(f64, usize)> = Vec::new();
    for (index, (listing, &slot)) in listings.iter().zip(&listing_slots).enumerate() {
        let popularity = rng.pareto(0.2, 1.3).min(20.0);
        popular.push((popularity, index));
        let rate = popularity * scale.demand_factor();
        for day in 0..days {
            let expected = rate * demand(day);
            let n = expected.floor() as i64 + i64::from(rng.chance(expected.fract()));
            for _ in 0..n {
                order_no += 1;
                let price = listing.price - listing.price * rng.range(0, 5) / 100;
                let q = rng.range(1, 3);
                let status: &str = rng.pick::<&str>(STATUSES);
                let second = rng.range(0, 86_399);
                let buyer = buyers.pick(&mut rng);
                let mut row = order(
                    listing, order_no, day, second, price, q, &buyer, status, &mut rng,
                );
                if let Some(review) = derived.order(slot, day, true, &mut row) {
                    out.put(listing.platform, "reviews", review)?;
                }
                out.put(listing.platform, "orders", row)?;
            }
            if rng.chance(scale.observation_share()) {
                out.put(listing.platform, "price_observations", json!({
                    "platform_id": listing.platform, "listing_id": listing.id, "observed_at": at(day, rng.range(0, 86_399)),
                    "page": *rng.pick(&["home", "search", "detail"]), "displayed_price_fen": listing.price,
                    "reference_price_fen": null, "reference_kind": null, "promo_kind": "none", "promo_label": null,
                    "payable_price_fen": listing.price, "viewer_pid": buyers.pick(&mut rng), "viewer_segment": *rng.pick(&["new", "returning", "member", "unknown"]),
                    "viewer_orders_90d": rng.range(0, 20), "device": *rng.pick(&["ios", "android", "pc_web", "mini_program"]),
                    "viewer_adcode": rng.pick(DISTRICTS).0, "source": "platform_log",
                }))?;
            }
        }
    }
    let buyers = plant_buyers;
    crate::plant::pricing(&mut city, &root, &buyers, days, &mut order_no);
    crate::plant::pyramids(&mut city, &root);
    crate::plant::returns(&mut city, &root);
    crate::plant::invoices(&mut city, &root);
    crate::plant::forced_below_cost(&mut city, &root, &buyers, &mut order_no);
    crate::plant::identity(&mut city, &root, &buyers, &mut order_no);
    // The best sellers (ring accounts buy from them as camouflage).
    popular.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let best_sellers: Vec<&Listing> = popular
        .iter()
        .take(40)
        .filter_map(|&(_, i)| listings.get(i))
        .collect();
    crate::rings::brushing(
        &mut city,
        &root,
        &buyers,
        &best_sellers,
        days,
        &mut order_no,
    );
    crate::complainants::plant(&mut city, &root, days, &mut order_no);
    crate::exits::plant(&mut city, &root, days);
    crate::clusters::plant(&mut city, &root, days);
    crate::texts::plant(&mut city, &root, days);
    if holdout {
        crate::holdout::plant(&mut city, &root, &buyers, days, &mut order_no);
        crate::holdout2::plant(&mut city, &root, &buyers, days, &mut order_no);
        crate::holdout3::plant(&mut city, &root, &buyers, days, &mut order_no);
        crate::holdout4::plant(&mut city, &root, &buyers, days, &mut order_no);
        crate::holdout5::plant(&mut city, &root, &buyers, days, &mut order_no);
        crate::holdout6::plant(&mut city, &root, &buyers, days, &mut order_no);
        crate::holdout7::plant(&mut city, &root, &buyers, days, &mut order_no);
        crate::holdout8::plant(&mut city, &root, &buyers, days, &mut order_no);
        crate::holdout9::plant(&mut city, &root, &buyers, days, &mut order_no);
        crate::holdout10::plant(&mut city, &root, &buyers, days, &mut order_no);
        crate::holdout11::plant(&mut city, &root, &buyers, days, &mut order_no);
        crate::holdout12::plant(&mut city, &root, &buyers, days, &mut order_no);
    }
    crate::background::add(&mut city, &mut derived, &root, days);
    for (supplier, tables) in std::mem::take(&mut city.tables) {
        for (table, rows) in tables {
            for row in rows {
                out.put(&supplier, table, row)?;
            }
        }
    }
    derived.write_daily(out)?;
    Ok(city.truth)
}

/// An order row (planting code overrides the fields its case is about).
#[allow(clippy::too_many_arguments)]
pub(crate) fn order(
    listing: &Listing,
    n: u64,
    day: i64,
    second: i64,
    price: i64,
    q: i64,
    buyer: &str,
    status: &str,
    rng: &mut Rng,
) -> Value {
    let profile = Profile::of(buyer, rng);
    // Delivered goods are signed for: food within the hour, parcels one to three days later.
    let signed = if matches!(status, "signed" | "completed" | "refunded") {
        let delay = if listing.platform == "xiansong" {
            rng.range(1_200, 3_600)
        } else {
            rng.range(86_400, 3 * 86_400)
        };
        json!(at(day, second + 60 + delay))
    } else {
        Value::Null
    };
    json!({
        "platform_id": listing.platform, "order_id": format!("o{n}"), "merchant_id": listing.merchant,
        "listing_id": listing.id, "buyer_pid": buyer, "quantity": q, "unit_price_fen": price, "paid_fen": price * q,
        "ordered_at": at(day, second), "paid_at": at(day, (second + 60).min(86_399)),
        "ship_address_pid": profile.address, "ship_adcode": profile.adcode, "device_pid": profile.device, "ip_pid": profile.ip,
        "logistics_no": format!("SF{n:010}"), "parcel_weight_g": parcel_weight(&listing.id, rng), "signed_at": signed,
        "status": status, "return_requested_at": null, "return_reason": null, "return_outcome": null, "refunded_at": null,
        "invoice_requested": false, "invoice_issued": false,
    })
}

/// A shopper's delivery address, device and network, stable across their orders (pseudonymised
/// as the platforms deliver them).
pub(crate) struct Profile {
    pub address: String,
    pub adcode: &'static str,
    pub device: String,
    pub ip: String,
}

impl Profile {
    /// The profile of `buyer`: one address, one of two devices, one of three networks.
    pub fn of(buyer: &str, rng: &mut Rng) -> Profile {
        let own = Rng::new(0).fork(buyer);
        let (device, ip) = (rng.below(2), rng.below(3));
        let mut address = own.fork("address");
        Profile {
            address: address.hex64(),
            adcode: DISTRICTS[address.below(DISTRICTS.len() as u64) as usize].0,
            device: own.fork(&format!("device{device}")).hex64(),
            ip: own.fork(&format!("ip{ip}")).hex64(),
        }
    }
}

/// Adds a listing (and its merchant, registered as active) for a planted case.
pub(crate) fn plant_listing(
    city: &mut City,
    rng: &mut Rng,
    platform: &'static str,
    tag: &str,
    price: i64,
    class: &str,
    created_day: i64,
) -> Listing {
    plant_listing_with(
        city,
        rng,
        platform,
        tag,
        price,
        class,
        created_day,
        Some("active"),
    )
}

/// Adds a listing and its merchant with a given registry status (`None`: not registered at all).
#[allow(clippy::too_many_arguments)]
pub(crate) fn plant_listing_with(
    city: &mut City,
    rng: &mut Rng,
    platform: &'static str,
    tag: &str,
    price: i64,
    class: &str,
    created_day: i64,
    registry_status: Option<&str>,
) -> Listing {
    let merchant = format!("{platform}-{tag}");
    let (adcode, district_name) = *rng.pick(DISTRICTS);
    let code = uscc(rng, adcode, true);
    city.add(platform, "merchants", json!({
        "platform_id": platform, "merchant_id": merchant, "merchant_type": "company", "uscc": code, "holder_pid": null,
        "name": format!("杭州{tag}贸易有限公司"), "shop_name": format!("{tag}店"),
        "address": format!("杭州市{district_name}{}{}号", rng.pick(ROADS), rng.range(1, 999)), "adcode": adcode,
        "contact_pid": rng.hex64(), "license_displayed": true, "opened_on": date(-500), "closed_on": null, "annual_turnover_fen": 50_000_000,
    }));
    if let Some(status) = registry_status {
        city.add("registry", "registry", json!({
        "uscc": code, "name": format!("杭州{tag}贸易有限公司"), "entity_type": "company", "legal_rep_pid": rng.hex64(),
        "address": format!("杭州市{district_name}{}{}号", rng.pick(ROADS), rng.range(1, 999)), "adcode": adcode,
        "established_on": date(-900), "status": status, "business_scope": "日用百货销售", "registered_capital_fen": 100_000_000,
        "annual_report_filed": true,
    }));
    }
    let id = format!("{merchant}-l0");
    city.add(platform, "listings", json!({
        "platform_id": platform, "listing_id": id, "merchant_id": merchant, "title": format!("{tag} 精选好物"),
        "description": null, "category": "家居/收纳", "product_class": class, "brand": null, "trademark_reg_no": null,
        "ad_approval_no": null, "list_price_fen": price, "no_reason_return": true, "created_at": at(created_day, 36_000), "delisted_at": null,
    }));
    Listing {
        platform,
        id,
        merchant,
        price,
    }
}

impl City {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn order_for(
        &mut self,
        l: &Listing,
        n: u64,
        day: i64,
        second: i64,
        price: i64,
        buyer: &str,
        rng: &mut Rng,
    ) {
        let row = order(l, n, day, second, price, 1, buyer, "completed", rng);
        self.add(l.platform, "orders", row);
    }

    /// Adds a row of `table` to `supplier`'s batch.
    pub(crate) fn add(&mut self, supplier: &str, table: &'static str, row: Value) {
        self.tables
            .entry(supplier.to_string())
            .or_default()
            .entry(table)
            .or_default()
            .push(row);
    }
}

/// A parcel of `listing`: the product's own weight (100 g to 3 kg, fixed per listing) within
/// ±10 % for packing.
pub(crate) fn parcel_weight(listing: &str, rng: &mut Rng) -> i64 {
    let base = Rng::new(0).fork(listing).range(100, 3_000);
    base + base * rng.range(-10, 10) / 100
}
