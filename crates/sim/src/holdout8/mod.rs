//! The eighth held-out set: cases written from the statutes, the data standard and the findings
//! catalogue in trades no earlier set used — West Lake tea (龙井), Zhoushan seafood, 3D printing,
//! beekeeping (蜂蜜, 蜂王浆), stationery and calligraphy supplies (文房四宝), lake and river ferry
//! tickets (游船, 轮渡), silk, gardening and succulents, weiqi lessons, kitchen knives, aquarium
//! fish, qipao tailoring, Shaoxing rice wine (黄酒), hanfu rental, celadon and umbrellas — apart
//! from the detectors (their code, tests, lexicons and `docs/detection.md` were not read) and with
//! generators of its own.
//!
//! About half the cases are hard negatives: 价格法 第十四条's fresh and seasonal goods, a
//! compared price whose lower sale fell on the 8th day before, a promotion that really ends at
//! midnight, 电子商务法 第十条's farmer selling his own honey, a coexisting mark in another class,
//! referral trees whose only money is sales commission, a bulk buyer's honest waves.
//!
//! How its planting differs from the earlier sets': prices drift by small daily changes along
//! piecewise-linear paths (`drift::Path`) and each compared price is judged by the set's own
//! 第十六条 check in its tests; bait prices are coupon stacks that checkout does not honour;
//! loyalty surcharges are read off one day's viewers by their order counts; brushing hides inside a
//! real promotion's surge and in orders that arrive in waves; platform pressure comes as fee
//! schedules (commission rates in the sanction reasons); referral trees carry dormant members;
//! rings of registrations reuse a pool of addresses with small spelling variations; text comes as
//! OCR output with misread characters, dialect words, abbreviations and mixed scripts.
//!
//! Every id starts with `h8-` (merchants `<platform>-h8-…`, platforms `h8-…`), every truth `why`
//! with `holdout8: `. Planted only with `--holdout`, after the other sets, from its own forks of
//! the root generator; its shops stay out of the background's 双十一 campaign draw.

mod drift;
mod people;
mod pressure;
mod scans;
mod waves;

use crate::city::City;
use crate::kit::house::{House, Operator};
use crate::kit::{Kit, LiveStyle, RegistryStyle};
use crate::rng::Rng;

const MALL: &str = "huishang";
const LOCAL: &str = "xiansong";
const LIVE: &str = "kanbo";

/// The eighth set's tag, truth prefix and house style.
const KIT: Kit = Kit {
    tag: "h8",
    set: "holdout8",
    instrument: Some(crate::kit::instrument),
    house_numbers: (8_000, 8_899),
    listed_day: -377,
    natural_suffix: "（个人店铺）",
    individual_suffix: "经营部",
    registry: RegistryStyle::Drawn,
    turnover: 61_800_000,
    display: (40_200, "330105"),
    live: LiveStyle {
        hours: (68_400, 79_200),
        viewers: (1_200, 31_000),
        gmv: (120_000, 3_900_000),
    },
    mark_valid_to: "2035-03-13",
};

/// The set's platforms' operators, its return policy (the classes 消费者权益保护法 第二十五条
/// excludes) and when its documents arrive (15:20).
const HOUSE: House = House {
    kit: KIT,
    operator: Operator {
        adcode: "330105",
        users: (150_000, 6_500_000),
        street: "拱墅区祥园路",
        numbers: (300, 360),
        trade: "网络",
        established: -2_100,
    },
    no_returns: &["fresh", "digital", "custom_made", "periodical"],
    submitted_second: 55_200,
};

/// Plants the eighth held-out set.
pub(crate) fn plant(city: &mut City, root: &Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    let fork = |label: &str| root.fork(&format!("holdout8/{label}"));
    drift::compared(city, &mut fork("compared"), buyers, order_no);
    drift::raised(city, &mut fork("raised"), buyers, order_no);
    drift::stacks(city, &mut fork("stacks"));
    drift::clocks(city, &mut fork("clocks"));
    drift::regulars(city, &mut fork("regulars"));
    drift::under_cost(city, &mut fork("under-cost"), buyers, order_no);
    pressure::campaigns(city, &mut fork("campaigns"), buyers, order_no);
    pressure::fee_schedules(city, &mut fork("fee-schedules"), days);
    scans::claims(city, &mut fork("claims"));
    scans::rivals(city, &mut fork("rivals"));
    scans::marks(city, &mut fork("marks"));
    scans::papers(city);
    waves::surges(city, &mut fork("surges"), buyers, order_no);
    waves::trees(city, &mut fork("trees"));
    waves::after_sale(city, &mut fork("after-sale"), order_no);
    waves::complainers(city, &mut fork("complainers"), order_no);
    people::identities(city, &mut fork("identities"), buyers, order_no);
    people::addresses(city, &mut fork("addresses"));
}

#[cfg(test)]
mod tests;
