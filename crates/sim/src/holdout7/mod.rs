//! The seventh held-out set: cases written from the statutes, the data standard and the findings
//! catalogue in trades no earlier set used — funeral services (殡葬), parking apps (停车), shared
//! power banks (共享充电宝), game top-up cards (游戏点卡), musical instruments and piano lessons
//! (琴行), camping and fishing gear, escape rooms and script games (剧本杀), elderly care (养老),
//! laundry, locksmiths, phone repair, e-bikes, moving, study-abroad agents, matchmaking (婚恋),
//! mother-and-baby goods (母婴), watches and scented candles — apart from the detectors (their
//! code, tests, lexicons and `docs/detection.md` were not read) and with generators of its own.
//!
//! About two in five cases are hard negatives a careless detector would flag: 价格法 第十四条第二项's
//! overstocked and seasonal goods, 电子商务法 第十条's household handicraft, 公平竞争审查条例
//! 第十二条 with every condition met, checkable comparisons, a licensee in term, a coexisting
//! registration of the same word in another class, one-level referral gifts, honest popular
//! merchants with many repeat buyers, offers that really end, disclaimers that really negate.
//!
//! How its planting differs from the earlier sets': prices follow step schedules with several
//! changes (`pricing::Steps`) and each compared price is judged by the set's own 第十六条 check in
//! its tests; displays are funnels of one viewer's session (search → detail → checkout); viewers
//! are panels seen several times over weeks; brushing rings use many accounts sparsely, staggered
//! over weeks and mixed with real buyers; referral trees are grown member by member; forced exits
//! have sanctions staggered over weeks.
//!
//! Every id starts with `h7-` (merchants `<platform>-h7-…`, platforms `h7-…`), every truth `why`
//! with `holdout7: `. Planted only with `--holdout`, after the other sets, from its own forks of
//! the root generator; its shops stay out of the background's 双十一 campaign draw.

mod market;
mod operators;
mod pricing;
mod words;

use serde_json::json;

use crate::city::{City, Listing, at};
use crate::kit::{Item, Kit, LiveStyle, RegistryStyle, Shop, code, registry};
use crate::rng::Rng;

const MALL: &str = "huishang";
const LOCAL: &str = "xiansong";
const LIVE: &str = "kanbo";

/// The seventh set's tag, truth prefix and house style.
const KIT: Kit = Kit {
    tag: "h7",
    set: "holdout7",
    instrument: Some(crate::kit::instrument),
    house_numbers: (7_000, 7_899),
    listed_day: -333,
    natural_suffix: "（自然人网店）",
    individual_suffix: "工作室",
    registry: RegistryStyle::Drawn,
    turnover: 52_500_000,
    display: (37_700, "330106"),
    live: LiveStyle {
        hours: (72_000, 84_600),
        viewers: (900, 26_000),
        gmv: (90_000, 4_800_000),
    },
    mark_valid_to: "2034-08-27",
};

/// Plants the seventh held-out set.
pub(crate) fn plant(city: &mut City, root: &Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    let fork = |label: &str| root.fork(&format!("holdout7/{label}"));
    pricing::compared(city, &mut fork("compared"), buyers, days, order_no);
    pricing::raised(city, &mut fork("raised"), buyers, days, order_no);
    pricing::funnels(city, &mut fork("funnels"), days);
    pricing::deadlines(city, &mut fork("deadlines"), days);
    pricing::panels(city, &mut fork("panels"), days);
    pricing::under_cost(city, &mut fork("under-cost"), buyers, days, order_no);
    pricing::campaigns(city, &mut fork("campaigns"), buyers, days, order_no);
    words::claims(city, &mut fork("claims"), days);
    words::rivals(city, &mut fork("rivals"), days);
    words::marks(city, &mut fork("marks"));
    words::papers(city, days);
    market::rings(city, &mut fork("rings"), buyers, days, order_no);
    market::exits(city, &mut fork("exits"), days);
    market::trees(city, &mut fork("trees"), days);
    market::after_sale(city, &mut fork("after-sale"), order_no);
    market::complainers(city, &mut fork("complainers"), days, order_no);
    operators::identities(city, &mut fork("identities"), buyers, days, order_no);
    operators::addresses(city, &mut fork("addresses"));
}

/// The weekday of a simulation day, 0 for Monday (day 0, 2026-10-15, is a Thursday).
fn weekday(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

/// A platform of the set (`h7-…`) with its operator in the registry.
fn new_platform(city: &mut City, rng: &mut Rng, id: &str, name: &str, category: &str) {
    let operator = code(rng, "91", "330108", true);
    city.add(
        id,
        "platforms",
        json!({
            "platform_id": id, "name": name, "operator_uscc": operator, "categories": [category],
            "annual_active_users": rng.range(200_000, 9_000_000), "market_value_cny": null,
            "domicile_adcode": "330108",
        }),
    );
    let address = format!("杭州市滨江区长河路{}号", rng.range(700, 780));
    registry(
        city,
        rng,
        &operator,
        &format!("杭州{name}信息科技有限公司"),
        "company",
        &address,
        "330108",
        "active",
        -1_800,
        None,
    );
}

/// A listing of `shop`: title, description, category, class, price; returns offered unless the
/// class is one 消费者权益保护法 第二十五条 excludes.
fn item(
    city: &mut City,
    shop: &mut Shop,
    (title, description): (&str, Option<&str>),
    category: &str,
    class: &str,
    price: i64,
) -> Listing {
    KIT.listing(
        city,
        shop,
        &Item {
            title,
            description,
            category,
            class,
            price,
            returns: !matches!(class, "fresh" | "digital" | "custom_made" | "periodical"),
            ..Item::default()
        },
    )
}

/// A document of the set: (id, kind, issuer), title, text and the day it was submitted.
fn paper(
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
            "submitted_at": at(day, 52_200),
        }),
    );
}

#[cfg(test)]
mod tests;
