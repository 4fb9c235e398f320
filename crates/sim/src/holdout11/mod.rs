//! The eleventh held-out set: cases written from the statutes, the data standard and the findings
//! catalogue in trades no earlier set used — Bordeaux wine (葡萄酒), road bikes (公路车), perfume
//! (香水), home projectors (投影仪), robot vacuums (扫地机), Baltic amber (琥珀), water flossers
//! (冲牙器), art-toy blind boxes (盲盒), donkey-hide gelatin (阿胶), fitted furniture (全屋定制),
//! boxing gyms (拳击), swimming lessons (游泳), nail salons (美甲), hospital escorts (陪诊), foot
//! massage (足浴), guqin lessons (古琴) and embroidery (刺绣) — apart from the detectors (their
//! code, tests, lexicons and `docs/detection.md` were not read) and with generators of its own.
//!
//! About half the cases are hard negatives: a lower sale on the eighth day before a compared
//! price whose week held only a cancelled order, a compared price equal to the week's lowest
//! sale, a disclosed basis, a manufacturer's price; a raise whose discount is measured from the
//! old price; a "from" price the smallest frame really costs; a daily half-hour flash window
//! that really ends; a random draw and a new-user price; a paired probe that differs only by the
//! district's travel fee; near-expiry and off-season goods, and a price exactly at cost
//! (价格法 第十四条); a platform that pays the discount itself; a usage tip with 最佳 and a sales
//! rank with its period and source; an ordinary food without the health-food statement; a court
//! judgment quoted on air; a coexisting mark in another class; a licence in term; a family on one
//! tablet, a tasting evening on one Wi-Fi, a release-day rush; a natural person at exactly
//! ¥100,000; a code whose check character is the `0` that 31 maps to; a filed host.
//!
//! How its planting differs from the earlier sets': times are written in UTC (`Z`), with
//! fractional seconds, or in China time, so that a signing just after midnight in Hangzhou is the
//! evening before in UTC (`stamp`); a lower sale falls on the first day of the seven-day window;
//! a compared price sits one yuan above the week's low; raises are hidden behind a "5折" that
//! still ends below the old price; countdowns restart every three hours; brushing runs at night
//! from two phones and serves three operators at once; pyramids grow as full k-ary trees, one
//! at exactly thirty members and three levels; forced exits include merchants who leave the
//! punishing platform itself and a rival that closes its category; text breaks terms over lines
//! and writes 第壹, 瀾 and full-width Latin; cluster addresses write 号楼, 幢 and full-width digits.
//!
//! Every id starts with `h11-` (merchants `<platform>-h11-…`, platforms `h11-…`), every truth
//! `why` with `holdout11: `. Planted only with `--holdout`, after the other sets, from its own
//! forks of the root generator; its shops stay out of the background's 双十一 campaign draw.

mod market;
mod people;
mod prices;
mod words;

use crate::city::{City, at};
use crate::kit::house::{House, Operator};
use crate::kit::{Kit, LiveStyle, RegistryStyle};
use crate::rng::Rng;

const MALL: &str = "huishang";
const LOCAL: &str = "xiansong";
const LIVE: &str = "kanbo";

/// The eleventh set's tag, truth prefix and house style.
const KIT: Kit = Kit {
    tag: "h11",
    set: "holdout11",
    instrument: Some(crate::kit::instrument),
    house_numbers: (4_100, 4_899),
    listed_day: -347,
    natural_suffix: "（个人经营）",
    individual_suffix: "经营店",
    registry: RegistryStyle::Drawn,
    turnover: 43_100_000,
    display: (44_460, "330102"),
    live: LiveStyle {
        hours: (69_300, 80_100),
        viewers: (800, 27_000),
        gmv: (52_000, 2_900_000),
    },
    mark_valid_to: "2034-12-09",
};

/// The set's platforms' operators, its return policy (the classes 消费者权益保护法 第二十五条
/// excludes) and when its documents arrive (09:27).
const HOUSE: House = House {
    kit: KIT,
    operator: Operator {
        adcode: "330106",
        users: (150_000, 5_400_000),
        street: "西湖区转塘街道之江路",
        numbers: (1_300, 1_380),
        trade: "数字科技",
        established: -2_650,
    },
    no_returns: &["fresh", "digital", "custom_made", "periodical"],
    submitted_second: 34_020,
};

/// How a time is written: in China time, in UTC (`Z`), or in China time with milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stamp {
    Local,
    Utc,
    Millis(i64),
}

/// Second `second` of China-time day `day`, written as `style` says (the same instant in each).
pub(crate) fn stamp(style: Stamp, day: i64, second: i64) -> String {
    match style {
        Stamp::Local => at(day, second),
        Stamp::Utc => {
            let text = at(day, second - 8 * 3_600);
            format!("{}Z", text.trim_end_matches("+08:00"))
        }
        Stamp::Millis(ms) => {
            let text = at(day, second);
            let (clock, offset) = text.split_at(text.len() - 6);
            format!("{clock}.{:03}{offset}", ms.rem_euclid(1_000))
        }
    }
}

/// Plants the eleventh held-out set.
pub(crate) fn plant(city: &mut City, root: &Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    let fork = |label: &str| root.fork(&format!("holdout11/{label}"));
    prices::compared(city, &mut fork("compared"), buyers, order_no);
    prices::raised(city, &mut fork("raised"), buyers, order_no);
    prices::baits(city, &mut fork("baits"));
    prices::limits(city, &mut fork("limits"));
    prices::surcharges(city, &mut fork("surcharges"));
    prices::under_cost(city, &mut fork("under-cost"), buyers, order_no);
    prices::campaigns(city, &mut fork("campaigns"), buyers, order_no);
    words::claims(city, &mut fork("claims"));
    words::rivals(city, &mut fork("rivals"));
    words::marks(city, &mut fork("marks"));
    words::papers(city);
    market::rings(city, &mut fork("rings"), buyers, order_no);
    market::exits(city, &mut fork("exits"), days);
    market::trees(city, &mut fork("trees"));
    market::after_sale(city, &mut fork("after-sale"), buyers, order_no);
    market::complainers(city, &mut fork("complainers"), order_no);
    people::identities(city, &mut fork("identities"), buyers, order_no);
    people::hosts(city, &mut fork("hosts"));
}

#[cfg(test)]
mod tests;

/// Rewrites `field` of the last `table` row `supplier` delivers (a time written in another style).
pub(crate) fn restamp_last(
    city: &mut City,
    supplier: &str,
    table: &str,
    field: &str,
    value: String,
) {
    if let Some(row) = city
        .tables
        .get_mut(supplier)
        .and_then(|t| t.get_mut(table))
        .and_then(|rows| rows.last_mut())
    {
        row[field] = serde_json::Value::String(value);
    }
}
