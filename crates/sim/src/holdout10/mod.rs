//! The tenth held-out set: cases written from the statutes, the data standard and the findings
//! catalogue in trades no earlier set used — postpartum care centres (月子中心), power tools
//! (电动工具), bird's nest and goji (燕窝, 枸杞), pre-owned luxury goods (二手奢侈品), pottery
//! classes (陶艺), scuba courses (潜水), building bricks (积木), gaming peripherals (电竞外设),
//! skiing (滑雪), tattoo studios (纹身), smart door locks (智能门锁), paddle boards (桨板),
//! telescopes, climbing gyms (攀岩), portable power stations (户外电源) and gold jewellery (金饰) —
//! apart from the detectors (their code, tests, lexicons and `docs/detection.md` were not read)
//! and with generators of its own.
//!
//! About half the cases are hard negatives: coupon-stacked sales on the eighth day before a
//! compared price, a compared price equal to the last sale when the week had none, a
//! manufacturer's price named as such, a "from" price the smallest size really costs, a price
//! lower at checkout (第二十一条), a weekly member day that really recurs, a remote district's
//! real delivery cost, off-season, near-expiry and overstocked goods under cost (价格法 第十四条),
//! a platform that pays the discount itself, a trademark-containing product name, a standard's
//! grade term, a "治愈系" class, a genuine pre-owned luxury bag (exhaustion of the mark), a
//! studio's in-store tablet used by many real customers, a cashback tree that pays for no heads,
//! a filed cluster-registration host (集群注册), a shop renamed mid-period.
//!
//! How its planting differs from the earlier sets': transaction prices fall below the shown
//! price through stacked shop and platform coupons, and prices change at odd minutes for a few
//! minutes (`prices::Slot`); bait prices are home pages below detail pages and live-room prices
//! below checkout; loyalty surcharges come as coupons withheld from regulars and as the
//! regulator's paired probe accounts (神秘买家); brushing is slow over weeks, spread over one
//! operator's shops on two platforms, or reviewed days later; platform pressure is commission and
//! deposit changes after a warning; pyramids grow depth-first as chains; text splits ad-law terms
//! with spaces and line breaks and mixes Arabic, Chinese and full-width numerals and Latin
//! look-alike letters; cluster addresses mix 幢/栋/座 and full-width digits.
//!
//! Every id starts with `h10-` (merchants `<platform>-h10-…`, platforms `h10-…`), every truth
//! `why` with `holdout10: `. Planted only with `--holdout`, after the other sets, from its own
//! forks of the root generator; its shops stay out of the background's 双十一 campaign draw.

mod market;
mod people;
mod prices;
mod words;

use crate::city::City;
use crate::kit::house::{House, Operator};
use crate::kit::{Kit, LiveStyle, RegistryStyle};
use crate::rng::Rng;

const MALL: &str = "huishang";
const LOCAL: &str = "xiansong";
const LIVE: &str = "kanbo";

/// The tenth set's tag, truth prefix and house style.
const KIT: Kit = Kit {
    tag: "h10",
    set: "holdout10",
    instrument: Some(crate::kit::instrument),
    house_numbers: (1_000, 1_099),
    listed_day: -311,
    natural_suffix: "（自然人店铺）",
    individual_suffix: "工作室",
    registry: RegistryStyle::Drawn,
    turnover: 38_700_000,
    display: (49_620, "330105"),
    live: LiveStyle {
        hours: (70_200, 79_260),
        viewers: (600, 31_000),
        gmv: (45_000, 3_300_000),
    },
    mark_valid_to: "2033-05-17",
};

/// The set's platforms' operators, its return policy (the classes 消费者权益保护法 第二十五条
/// excludes) and when its documents arrive (09:13).
const HOUSE: House = House {
    kit: KIT,
    operator: Operator {
        adcode: "330108",
        users: (120_000, 6_100_000),
        street: "滨江区长河街道江虹路",
        numbers: (1_100, 1_180),
        trade: "网络科技",
        established: -2_300,
    },
    no_returns: &["fresh", "digital", "custom_made", "periodical"],
    submitted_second: 33_180,
};

/// Plants the tenth held-out set.
pub(crate) fn plant(city: &mut City, root: &Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    let fork = |label: &str| root.fork(&format!("holdout10/{label}"));
    prices::compared(city, &mut fork("compared"), buyers, order_no);
    prices::raised(city, &mut fork("raised"), buyers, order_no);
    prices::baits(city, &mut fork("baits"));
    prices::limits(city, &mut fork("limits"));
    prices::withheld(city, &mut fork("withheld"));
    prices::under_cost(city, &mut fork("under-cost"), buyers, order_no);
    prices::campaigns(city, &mut fork("campaigns"), buyers, order_no);
    words::claims(city, &mut fork("claims"));
    words::rivals(city, &mut fork("rivals"));
    words::marks(city, &mut fork("marks"));
    words::papers(city);
    market::rings(city, &mut fork("rings"), buyers, order_no);
    market::fees(city, &mut fork("fees"), days);
    market::chain_schemes(city, &mut fork("chains"));
    market::after_sale(city, &mut fork("after-sale"), buyers, order_no);
    market::complainers(city, &mut fork("complainers"), order_no);
    people::identities(city, &mut fork("identities"), buyers, order_no);
    people::hosts(city, &mut fork("hosts"));
}

#[cfg(test)]
mod tests;
