//! The fourth held-out set: cases written from the statutes, the data standard, the findings
//! catalogue and how merchants and platforms in other sectors behave (food delivery, travel,
//! ride-hailing, live streaming, second-hand goods, pharmacies, education), apart from the
//! detectors (their code, tests and lexicons were not read) and in forms unlike the first three
//! sets, for another unbiased measurement of all sixteen detectors.
//!
//! About two in five cases are hard negatives a careless detector would flag: lawful exceptions
//! with their conditions met (价格法 第十四条第二项's clearance of fresh, seasonal and
//! overstocked goods; 电子商务法 第十条's handicraft and small-sum sellers; 公平竞争审查条例
//! 第十二条 with its alternatives and term), true comparisons, genuine goods resold second-hand,
//! disclosed member and new-user prices, fair platform rules, sales-only distribution within two
//! levels, an honest shop with many repeat buyers. Positives sit exactly at or just past the
//! numbers in the law where it has numbers.
//!
//! Every id starts with `h4-` (merchants `<platform>-h4-…`, platforms `h4-…`), every truth `why`
//! with `holdout4: ` followed by the reason and its legal basis. Planted only with `--holdout`,
//! after the other sets, from its own forks of the root generator; its merchants stay out of the
//! background's 双十一 campaign draw, so planting it changes no other set's rows.

mod conduct;
mod parties;
mod prices;
mod texts;

use serde_json::{Value, json};

use crate::city::{City, Listing, at};
use crate::kit::{Kit, LiveStyle, RegistryStyle, code, registry};
use crate::rng::Rng;

const MALL: &str = "huishang";
const LOCAL: &str = "xiansong";
const LIVE: &str = "kanbo";

/// The fourth set's tag, truth prefix and house style.
const KIT: Kit = Kit {
    tag: "h4",
    set: "holdout4",
    instrument: Some(crate::kit::instrument),
    house_numbers: (3_000, 3_999),
    listed_day: -420,
    natural_suffix: "（自然人网店）",
    individual_suffix: "服务部",
    registry: RegistryStyle::Drawn,
    turnover: 45_000_000,
    display: (39_500, "330108"),
    live: LiveStyle {
        hours: (72_000, 81_000),
        viewers: (1_200, 60_000),
        gmv: (300_000, 12_000_000),
    },
    mark_valid_to: "2035-11-02",
};

/// Plants the fourth held-out set.
pub(crate) fn plant(city: &mut City, root: &Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    let fork = |label: &str| root.fork(&format!("holdout4-{label}"));
    prices::reference_price(city, &mut fork("reference"), buyers, days, order_no);
    prices::raise_then_discount(city, &mut fork("raise"), buyers, days, order_no);
    prices::bait_price(city, &mut fork("bait"), days);
    prices::fake_time_limit(city, &mut fork("timer"), days);
    prices::discrimination(city, &mut fork("discrimination"), days);
    prices::below_cost(city, &mut fork("cost"), buyers, days, order_no);
    prices::forced_below_cost(city, &mut fork("forced"), buyers, days, order_no);
    texts::advertising(city, &mut fork("advertising"), days);
    texts::disparagement(city, &mut fork("disparagement"), days);
    texts::marks(city, &mut fork("marks"));
    texts::documents(city, days);
    conduct::brushing(city, &mut fork("brushing"), buyers, days, order_no);
    conduct::exclusive(city, &mut fork("exclusive"), days);
    conduct::pyramids(city, &mut fork("pyramids"), days);
    parties::identity(city, &mut fork("identity"), buyers, days, order_no);
    parties::clusters(city, &mut fork("clusters"));
    conduct::after_sales(city, &mut fork("after-sales"), order_no);
    conduct::complainants(city, &mut fork("complainants"), days, order_no);
}

/// A new platform (`categories` as the standard names them), its operator registered.
fn platform_row(city: &mut City, rng: &mut Rng, platform: &str, name: &str, category: &str) {
    let operator = code(rng, "91", "330108", true);
    city.add(platform, "platforms", json!({
        "platform_id": platform, "name": name, "operator_uscc": operator, "categories": [category],
        "annual_active_users": rng.range(1_000_000, 30_000_000), "market_value_cny": null, "domicile_adcode": "330108",
    }));
    let address = format!("杭州市滨江区长河路{}号", rng.range(300, 400));
    registry(
        city,
        rng,
        &operator,
        &format!("杭州{name}科技有限公司"),
        "company",
        &address,
        "330108",
        "active",
        -2_600,
        None,
    );
}

/// A listing of `shop` with a title, category, product class and price; returns without reason
/// are offered unless the class is one the law excludes or a meal or food.
fn goods(
    city: &mut City,
    shop: &mut crate::kit::Shop,
    title: &str,
    category: &str,
    class: &str,
    price: i64,
) -> Listing {
    KIT.listing(
        city,
        shop,
        &crate::kit::Item {
            title,
            category,
            class,
            price,
            returns: !matches!(class, "fresh" | "digital" | "custom_made" | "food"),
            ..crate::kit::Item::default()
        },
    )
}

/// A document row (`supplier` is the platform, or `regulator` for policy drafts).
fn document(
    city: &mut City,
    supplier: &str,
    (id, kind, issuer): (&str, &str, &str),
    title: &str,
    text: &str,
    day: i64,
) {
    city.add(
        supplier,
        "documents",
        json!({
            "doc_id": id, "kind": kind, "issuer": issuer, "title": title, "text": text,
            "submitted_at": at(day, 35_000),
        }),
    );
}

/// A review of an order row (`<tag>-rv<n>` for order `<tag>-o<n>`).
fn review(city: &mut City, l: &Listing, row: &Value, rating: i64, text: &str, at_time: String) {
    let id = row["order_id"]
        .as_str()
        .unwrap_or("")
        .replacen("h4-o", "h4-rv", 1);
    city.add(l.platform, "reviews", json!({
        "platform_id": l.platform, "review_id": id, "order_id": row["order_id"], "listing_id": l.id,
        "merchant_id": l.merchant, "reviewer_pid": row["buyer_pid"], "rating": rating, "text": text,
        "has_media": false, "created_at": at_time,
    }));
}

#[cfg(test)]
mod tests;
