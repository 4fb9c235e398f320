//! The sixth held-out set: cases written from the statutes, the data standard, the findings
//! catalogue and how merchants and platforms behave in trades the earlier sets left out — medical
//! aesthetics (医美) and beauty salons, prepaid fitness and beauty cards (预付卡), wedding
//! photography, housing agents (房产中介), app and cloud subscriptions, village live-streamed produce
//! (村播), car after-sales (汽车后市场), driving schools, opticians and dental clinics, and package
//! tours — apart from the detectors (their code, tests and lexicons were not read) and in forms
//! unlike the first five sets, for another unbiased measurement of all sixteen detectors.
//!
//! About two in five cases are hard negatives a careless detector would flag: lawful exceptions
//! with their conditions met (价格法 第十四条第二项's seasonal goods, 转产 and fresh produce;
//! 电子商务法 第十条's own farm produce and handicraft; 公平竞争审查条例 第十二条 with all its
//! conditions), a cancelled order that is no transaction, a nightly price window that really
//! recurs, a festival price that really ends on the festival, disclosed new-customer and renewal
//! prices, a referential use of a mark for compatible parts, sales-only distribution, disclaimers
//! that really negate, and honest popular merchants.
//! Positives sit at or just past the numbers in the law in places the earlier sets did not use (the
//! 7-day low on exactly the 7th day before, a transaction price after a coupon, a signing at 23:50
//! and a request on the 7th day, a shop at ¥100,000.01 alone, 30 members in 3 levels).
//!
//! Every id starts with `h6-` (merchants `<platform>-h6-…`, platforms `h6-…`), every truth `why`
//! with `holdout6: ` followed by the reason and its legal basis. Planted only with `--holdout`,
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

/// The sixth set's tag, truth prefix and house style.
const KIT: Kit = Kit {
    tag: "h6",
    set: "holdout6",
    instrument: Some(crate::kit::instrument),
    house_numbers: (6_000, 6_999),
    listed_day: -410,
    natural_suffix: "（个人店铺）",
    individual_suffix: "经营部",
    registry: RegistryStyle::Drawn,
    turnover: 46_000_000,
    display: (51_300, "330110"),
    live: LiveStyle {
        hours: (68_400, 81_000),
        viewers: (600, 38_000),
        gmv: (150_000, 7_500_000),
    },
    mark_valid_to: "2035-03-13",
};

/// Plants the sixth held-out set.
pub(crate) fn plant(city: &mut City, root: &Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    let fork = |label: &str| root.fork(&format!("holdout6-{label}"));
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
    let address = format!("杭州市余杭区五常大道{}号", rng.range(1_500, 1_600));
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

/// A review of an order row (`h6-rv<n>` for order `h6-o<n>`).
fn review(city: &mut City, l: &Listing, row: &Value, rating: i64, text: &str, at_time: String) {
    let id = row["order_id"]
        .as_str()
        .unwrap_or("")
        .replacen("h6-o", "h6-rv", 1);
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
