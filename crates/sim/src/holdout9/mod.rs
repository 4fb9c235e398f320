//! The ninth held-out set: cases written from the statutes, the data standard and the findings
//! catalogue in trades no earlier set used — Anji white tea (安吉白茶), pet food and grooming,
//! e-bike batteries, wedding photography, car rental, hearing aids, eyeglasses, bamboo products,
//! hotpot base, drones, fishing gear, karaoke rooms, whitening kits, used phones and flower
//! delivery — apart from the detectors (their code, tests, lexicons and `docs/detection.md` were
//! not read) and with generators of its own.
//!
//! About half the cases are hard negatives: a flash sale on the eighth day before a compared
//! price, a manufacturer's suggested price, a real one-hour flash window, near-expiry and
//! off-season goods under cost (价格法 第十四条), a voluntary campaign, a new-user price, a
//! licensee in term, a 第十二条 exception, a referral tree paid only on sales, a custom-made
//! wedding album, a return asked on the eighth day.
//!
//! How its planting differs from the earlier sets': prices change several times within a day
//! (hourly flash windows, `prices::Day`), so the seven-day window's edges fall mid-day; compared
//! prices are written in Chinese numerals or as 到手价 arithmetic; loyalty surcharges show on one
//! channel or one district's viewers only; brushing rings rotate phones over time, buy virtual
//! goods with no parcel, or split into small cells sharing one drop address; platform pressure is
//! search-ranking and traffic-quota changes; pyramids grow breadth-first with rewards in points
//! convertible to cash; text mixes pinyin initials, emoji, homophones, traditional characters,
//! full-width punctuation and 〇/零 numerals.
//!
//! Every id starts with `h9-` (merchants `<platform>-h9-…`, platforms `h9-…`), every truth `why`
//! with `holdout9: `. Planted only with `--holdout`, after the other sets, from its own forks of
//! the root generator; its shops stay out of the background's 双十一 campaign draw.

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

/// The ninth set's tag, truth prefix and house style.
const KIT: Kit = Kit {
    tag: "h9",
    set: "holdout9",
    instrument: Some(crate::kit::instrument),
    house_numbers: (9_000, 9_899),
    listed_day: -293,
    natural_suffix: "（个人网店）",
    individual_suffix: "服务部",
    registry: RegistryStyle::Drawn,
    turnover: 47_300_000,
    display: (45_900, "330110"),
    live: LiveStyle {
        hours: (72_000, 82_800),
        viewers: (900, 24_000),
        gmv: (90_000, 2_700_000),
    },
    mark_valid_to: "2034-08-21",
};

/// The set's platforms' operators, its return policy (the classes 消费者权益保护法 第二十五条
/// excludes) and when its documents arrive (10:40).
const HOUSE: House = House {
    kit: KIT,
    operator: Operator {
        adcode: "330110",
        users: (90_000, 4_800_000),
        street: "余杭区仓前街道良睦路",
        numbers: (900, 960),
        trade: "信息技术",
        established: -1_800,
    },
    no_returns: &["fresh", "digital", "custom_made", "periodical"],
    submitted_second: 38_400,
};

/// Plants the ninth held-out set.
pub(crate) fn plant(city: &mut City, root: &Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    let fork = |label: &str| root.fork(&format!("holdout9/{label}"));
    prices::compared(city, &mut fork("compared"), buyers, order_no);
    prices::raised(city, &mut fork("raised"), buyers, order_no);
    prices::baits(city, &mut fork("baits"));
    prices::windows(city, &mut fork("windows"));
    prices::channels(city, &mut fork("channels"));
    prices::under_cost(city, &mut fork("under-cost"), buyers, order_no);
    prices::campaigns(city, &mut fork("campaigns"), buyers, order_no);
    words::claims(city, &mut fork("claims"));
    words::rivals(city, &mut fork("rivals"));
    words::marks(city, &mut fork("marks"));
    words::papers(city);
    market::rings(city, &mut fork("rings"), buyers, order_no);
    market::quotas(city, &mut fork("quotas"), days);
    market::campaigns_bfs(city, &mut fork("trees"));
    market::after_sale(city, &mut fork("after-sale"), buyers, order_no);
    market::complainers(city, &mut fork("complainers"), order_no);
    people::identities(city, &mut fork("identities"), buyers, order_no);
    people::hosts(city, &mut fork("hosts"));
}

#[cfg(test)]
mod tests;
