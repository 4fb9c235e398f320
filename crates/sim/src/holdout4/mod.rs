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

use crate::city::City;
use crate::kit::house::{House, Operator};
use crate::kit::{Kit, LiveStyle, RegistryStyle};
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

/// The fourth set's platforms, return policy and documents.
const HOUSE: House = House {
    kit: KIT,
    operator: Operator {
        adcode: "330108",
        users: (1_000_000, 30_000_000),
        street: "滨江区长河路",
        numbers: (300, 400),
        trade: "科技",
        established: -2_600,
    },
    no_returns: &["fresh", "digital", "custom_made", "food"],
    submitted_second: 35_000,
};

#[cfg(test)]
mod tests;
