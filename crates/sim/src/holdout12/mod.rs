//! The twelfth held-out set: cases written from the statutes, the data standard and the findings
//! catalogue in trades no earlier set used — Yixing teaware (紫砂茶具), latex pillows (乳胶枕),
//! Zhuji freshwater pearls (珍珠), rosewood furniture (红木家具), camellia oil (山茶油), badminton
//! (羽毛球), running shoes (跑鞋), children's coding classes (少儿编程), appliance cleaning
//! (家电清洗), pastry and mooncakes (糕点), electric toothbrushes (电动牙刷), massage chairs
//! (按摩椅), homestays (民宿), camera lenses (镜头), dance schools (舞蹈培训), water purifiers
//! (净水器) and home organising (收纳整理) — apart from the detectors (their code, tests,
//! lexicons and `docs/detection.md` were not read) and with generators of its own.
//!
//! About half the cases are hard negatives: a lower sale at 23:59:59 of the eighth day before a
//! compared price, a compared price equal to the week's only sale, a stated basis, a
//! manufacturer's price; a raise long sold at, a discount from an unchanged price and a regular
//! price restored after a festival price; a "from" price the smallest room really costs, a lower
//! price at checkout, an early-bird hour that really ends; a weekly member day that really
//! recurs and dated sales that really end; a published lucky coupon, a free membership's price
//! and paired probes that differ only by a remote district's call-out fee; mooncakes after the
//! festival, near-expiry oil, overstock and a price exactly at cost (价格法 第十四条); a
//! platform that pays the discount itself; brewing advice with 最佳, a rank with its source, a
//! lens's technical parameters, a statement spaced out but complete; a court judgment quoted; a
//! licensee in term, a coexisting mark, a genuine used pot; an office's welfare purchase on one
//! network, a dance class's parents shipping to the school, a release-day rush; a natural person
//! at exactly ¥100,000, household handicraft and convenience labour; a code whose check
//! character is `Y`, a renamed company; a filed host.
//!
//! How its planting differs from the earlier sets': times are written with an explicit `+00:00`
//! offset (not `Z`) or with microseconds (`stamp`), so that a morning sale in Hangzhou carries
//! the previous UTC date; the lower sale of a compared price falls in the window's last second
//! or in the last second before it; a raise hides behind a coupon whose base is the raised price;
//! countdowns restart every two hours; brushing rings order in one-hour bursts with identical
//! parcel weights, or rotate five phones over lunch hours; pyramids grow as binary "two-leg"
//! trees (双轨制) and as irregular fans, one at exactly thirty members and three levels; forced
//! exits follow commission rises and a rival's closure; text spaces terms out with ideographic
//! spaces, writes homophones, variant and full-width characters; cluster addresses write 弄, 号院
//! and full-width digits.
//!
//! Every id starts with `h12-` (merchants `<platform>-h12-…`, platforms `h12-…`), every truth
//! `why` with `holdout12: `. Planted only with `--holdout`, after the other sets, from its own
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

/// The twelfth set's tag, truth prefix and house style.
const KIT: Kit = Kit {
    tag: "h12",
    set: "holdout12",
    instrument: Some(crate::kit::instrument),
    house_numbers: (8_900, 8_999),
    listed_day: -361,
    natural_suffix: "（个人卖家）",
    individual_suffix: "小店",
    registry: RegistryStyle::Drawn,
    turnover: 39_400_000,
    display: (47_340, "330113"),
    live: LiveStyle {
        hours: (71_100, 82_500),
        viewers: (1_200, 31_000),
        gmv: (64_000, 3_300_000),
    },
    mark_valid_to: "2035-07-21",
};

/// The set's platforms' operators, its return policy (the classes 消费者权益保护法 第二十五条
/// excludes) and when its documents arrive (09:51).
const HOUSE: House = House {
    kit: KIT,
    operator: Operator {
        adcode: "330108",
        users: (90_000, 4_100_000),
        street: "滨江区浦沿街道东信大道",
        numbers: (1_400, 1_480),
        trade: "网络技术",
        established: -2_170,
    },
    no_returns: &["fresh", "digital", "custom_made", "periodical"],
    submitted_second: 35_460,
};

/// How a time is written: in China time, in UTC with an explicit `+00:00` offset, or in China
/// time with microseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stamp {
    Local,
    Zero,
    Micros(i64),
}

/// Second `second` of China-time day `day`, written as `style` says (the same instant in each).
pub(crate) fn stamp(style: Stamp, day: i64, second: i64) -> String {
    match style {
        Stamp::Local => at(day, second),
        Stamp::Zero => {
            let text = at(day, second - 8 * 3_600);
            format!("{}+00:00", text.trim_end_matches("+08:00"))
        }
        Stamp::Micros(us) => {
            let text = at(day, second);
            let (clock, offset) = text.split_at(text.len() - 6);
            format!("{clock}.{:06}{offset}", us.rem_euclid(1_000_000))
        }
    }
}

/// Plants the twelfth held-out set.
pub(crate) fn plant(city: &mut City, root: &Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    let fork = |label: &str| root.fork(&format!("holdout12/{label}"));
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
