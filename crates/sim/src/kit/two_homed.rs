//! The forced-exit cases' operators (电子商务法 第三十五条; 平台经济反垄断指南 第十五条): each runs
//! a shop on a sanctioning platform and on a rival, and some leave the rival (or the sanctioning
//! platform) at drawn times around the platform's measure against them.
//!
//! A set's [`Style`] fixes how its operators are named and how their shops trade; a [`Sanctions`]
//! case says who is sanctioned and who leaves when. The draws happen in a fixed order per
//! operator, so the same seed gives the same rows.

use super::{Homed, Kit, code, homed_shop, registry};
use crate::city::City;
use crate::rng::Rng;

/// How a set names its two-homed operators and how their shops trade.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    /// Before the case and operator numbers in company and shop names (`两栖`).
    pub(crate) prefix: &'static str,
    /// The trade in the company name (`杭州两栖<s><k>贸易有限公司`).
    pub(crate) trade: &'static str,
    /// After the numbers in the shop name (`号`, `号店`).
    pub(crate) shop_suffix: &'static str,
    /// Between the set's tag and the case number in merchant ids (`<platform>-h4-two<s>-<k>`).
    pub(crate) infix: &'static str,
    /// Days before the period the operator was established, drawn in this range.
    pub(crate) established: (i64, i64),
    /// An unsanctioned operator leaves the rival on a day drawn from `margin` to `days - margin`.
    pub(crate) margin: i64,
    /// Second of day of the platform's measure.
    pub(crate) second: i64,
    /// Days before the period a shop opened, drawn in this range.
    pub(crate) opened: (i64, i64),
    pub(crate) turnover: i64,
    /// Orders per open day, drawn in this range, each of `order_value` fen.
    pub(crate) orders: (i64, i64),
    pub(crate) order_value: i64,
    pub(crate) listings: i64,
}

/// One platform's measures against its two-homed operators, and who leaves where.
pub(crate) struct Sanctions<'a> {
    /// The sanctioning platform and the rival.
    pub(crate) platforms: (&'a str, &'a str),
    pub(crate) operators: usize,
    /// The first `sanctioned` operators are sanctioned.
    pub(crate) sanctioned: usize,
    /// Actions taken, in turn.
    pub(crate) actions: &'a [&'a str],
    pub(crate) reason: &'a str,
    /// The measure falls on this day or the next.
    pub(crate) day: i64,
    /// The first `exits.0` sanctioned leave the rival `exits.1` to `exits.2` days after their
    /// measure.
    pub(crate) exits: (usize, i64, i64),
    /// So many unsanctioned leave the rival on a drawn day.
    pub(crate) others: usize,
    /// Everybody leaves the rival on this day (its category closed).
    pub(crate) all_leave: Option<i64>,
    /// The first `leave_here` sanctioned leave the sanctioning platform 2 to 6 days after their
    /// measure.
    pub(crate) leave_here: usize,
}

impl Style {
    /// Case `s`'s operators: each registered, with its shop on both platforms, its daily figures
    /// over `days` and the platform's measure if it is sanctioned.
    pub(crate) fn plant(
        &self,
        city: &mut City,
        rng: &mut Rng,
        kit: &Kit,
        s: usize,
        case: &Sanctions<'_>,
        days: i64,
    ) {
        let (platform, rival) = case.platforms;
        for k in 0..case.operators {
            let (adcode, address) = kit.address(rng);
            let uscc = code(rng, "91", adcode, true);
            let company = format!("杭州{}{s}{k}{}有限公司", self.prefix, self.trade);
            let established = -rng.range(self.established.0, self.established.1);
            registry(
                city,
                rng,
                &uscc,
                &company,
                "company",
                &address,
                adcode,
                "active",
                established,
                None,
            );
            let treated = k < case.sanctioned;
            let measure = case.day + rng.range(0, 2);
            let (count, from, to) = case.exits;
            let rival_exit = if let Some(day) = case.all_leave {
                Some(day)
            } else if treated && k < count {
                Some((measure + rng.range(from, to)).clamp(1, days - 2))
            } else if !treated && k - case.sanctioned < case.others {
                Some(rng.range(self.margin, days - self.margin))
            } else {
                None
            };
            let here_exit = (treated && k < case.leave_here).then(|| measure + rng.range(2, 6));
            for (p, closes) in [(platform, here_exit), (rival, rival_exit)] {
                let merchant = format!("{p}-{}-{}{s}-{k}", kit.tag, self.infix);
                let shop_name = format!("{}{s}{k}{}", self.prefix, self.shop_suffix);
                let homed = Homed {
                    merchant: &merchant,
                    company: &company,
                    shop_name: &shop_name,
                    uscc: &uscc,
                    address: &address,
                    adcode,
                    opened: self.opened,
                    turnover: self.turnover,
                    orders: self.orders,
                    order_value: self.order_value,
                    listings: self.listings,
                };
                let measure = (p == platform && treated).then(|| {
                    let action = case.actions[k % case.actions.len()];
                    (measure, self.second, action, case.reason)
                });
                homed_shop(city, rng, p, &homed, (closes, measure), days);
            }
        }
    }
}
