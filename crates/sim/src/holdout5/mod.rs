//! The fifth held-out set: cases written from the statutes, the data standard, the findings
//! catalogue and how merchants and platforms in still other trades behave — pet supplies, home
//! services (家政), car rental, ticketing, agricultural produce, cross-border goods, B2B wholesale,
//! mini-program and private-domain (私域) sales, community group-buying (社区团购) — apart from the
//! detectors (their code, tests and lexicons were not read) and in forms unlike the first four
//! sets, for another unbiased measurement of all sixteen detectors.
//!
//! About two in five cases are hard negatives a careless detector would flag: lawful exceptions
//! with their conditions met (价格法 第十四条第二项's near-expiry goods, fresh goods and closing
//! down; 电子商务法 第十条's convenience labour; 公平竞争审查条例 第十二条 with all its
//! conditions; 商标法 第五十九条's fair use of a place name), true and checkable comparisons, a
//! manufacturer's suggested price named as such, licensed resellers in term, volume and student
//! prices, two-level sales-only distribution, organic bursts of buyers and shared pick-up points.
//! Positives sit exactly at or just past the numbers in the law where it has numbers (a compared
//! price sold only on the 8th day before, a return asked at 23:59 of the 7th day, a natural
//! person's two shops adding to ¥100,000.01).
//!
//! Every id starts with `h5-` (merchants `<platform>-h5-…`, platforms `h5-…`), every truth `why`
//! with `holdout5: ` followed by the reason and its legal basis. Planted only with `--holdout`,
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

/// The fifth set's tag, truth prefix and house style.
const KIT: Kit = Kit {
    tag: "h5",
    set: "holdout5",
    instrument: Some(crate::kit::instrument),
    house_numbers: (5_000, 5_999),
    listed_day: -380,
    natural_suffix: "（个人网店）",
    individual_suffix: "商行",
    registry: RegistryStyle::Drawn,
    turnover: 38_000_000,
    display: (43_500, "330109"),
    live: LiveStyle {
        hours: (70_200, 79_200),
        viewers: (800, 45_000),
        gmv: (200_000, 9_000_000),
    },
    mark_valid_to: "2034-08-20",
};

/// Plants the fifth held-out set.
pub(crate) fn plant(city: &mut City, root: &Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    let fork = |label: &str| root.fork(&format!("holdout5-{label}"));
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

/// A new platform (`category` as the standard names it), its operator registered.
fn platform_row(city: &mut City, rng: &mut Rng, platform: &str, name: &str, category: &str) {
    let operator = code(rng, "91", "330110", true);
    city.add(platform, "platforms", json!({
        "platform_id": platform, "name": name, "operator_uscc": operator, "categories": [category],
        "annual_active_users": rng.range(500_000, 20_000_000), "market_value_cny": null, "domicile_adcode": "330110",
    }));
    let address = format!("杭州市余杭区文一西路{}号", rng.range(1_200, 1_300));
    registry(
        city,
        rng,
        &operator,
        &format!("杭州{name}网络技术有限公司"),
        "company",
        &address,
        "330110",
        "active",
        -2_200,
        None,
    );
}

/// A listing of `shop`; returns without reason are offered unless the class is one the law
/// excludes.
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
            returns: !matches!(class, "fresh" | "digital" | "custom_made"),
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
            "submitted_at": at(day, 33_000),
        }),
    );
}

/// A review of an order row (`h5-rv<n>` for order `h5-o<n>`).
fn review(city: &mut City, l: &Listing, row: &Value, rating: i64, text: &str, at_time: String) {
    let id = row["order_id"]
        .as_str()
        .unwrap_or("")
        .replacen("h5-o", "h5-rv", 1);
    city.add(l.platform, "reviews", json!({
        "platform_id": l.platform, "review_id": id, "order_id": row["order_id"], "listing_id": l.id,
        "merchant_id": l.merchant, "reviewer_pid": row["buyer_pid"], "rating": rating, "text": text,
        "has_media": false, "created_at": at_time,
    }));
}

/// A simulation day as the Chinese month and day (`12月5日`), for dated labels.
fn month_day(day: i64) -> String {
    let d = crate::city::date(day);
    let month: u32 = d.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
    let dom: u32 = d.get(8..10).and_then(|m| m.parse().ok()).unwrap_or(0);
    format!("{month}月{dom}日")
}

#[cfg(test)]
mod tests;
