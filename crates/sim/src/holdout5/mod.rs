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

use crate::city::City;
use crate::kit::house::{House, Operator};
use crate::kit::{Kit, LiveStyle, RegistryStyle};
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

/// The fifth set's platforms, return policy and documents.
const HOUSE: House = House {
    kit: KIT,
    operator: Operator {
        adcode: "330110",
        users: (500_000, 20_000_000),
        street: "余杭区文一西路",
        numbers: (1_200, 1_300),
        trade: "网络技术",
        established: -2_200,
    },
    no_returns: &["fresh", "digital", "custom_made"],
    submitted_second: 33_000,
};

#[cfg(test)]
mod tests;
