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

use crate::city::City;
use crate::kit::house::{House, Operator};
use crate::kit::{Kit, LiveStyle, RegistryStyle};
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

/// The sixth set's platforms, return policy and documents.
const HOUSE: House = House {
    kit: KIT,
    operator: Operator {
        adcode: "330110",
        users: (500_000, 20_000_000),
        street: "余杭区五常大道",
        numbers: (1_500, 1_600),
        trade: "网络技术",
        established: -2_200,
    },
    no_returns: &["fresh", "digital", "custom_made"],
    submitted_second: 33_000,
};

#[cfg(test)]
mod tests;
