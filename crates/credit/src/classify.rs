//! The classification: one entity's facts, the model version in force and `as_of` → its class,
//! with every indicator's value and points and every trigger that fired.
//!
//! Windows: an event counts when its date lies in (as_of − N months, as_of]; later events are
//! ignored, so classifying again with the same data and `as_of` gives the same result.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::class::CreditClass;
use crate::facts::{CaseStanding, EntityFacts, FindingSeverity, FindingStanding, PenaltyKind};
use crate::model::{Direction, Indicator, Measure, ModelError, ModelVersion, Trigger};

/// A measured value: `num / den` (den is 1 except for rates per month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Value {
    /// Numerator.
    pub num: u64,
    /// Denominator (≥ 1).
    pub den: u64,
}

impl Value {
    fn whole(num: u64) -> Value {
        Value { num, den: 1 }
    }

    /// As a number (for display).
    pub fn as_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// `self ≥ threshold`, compared as `num ≥ threshold × den` (exact for the model's
    /// thresholds and windows).
    fn at_least(self, threshold: f64) -> bool {
        self.num as f64 >= threshold * self.den as f64
    }
}

/// One indicator's contribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorResult {
    /// Indicator id.
    pub id: String,
    /// Chinese name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// Unit.
    pub unit: String,
    /// The value as a number.
    pub value: f64,
    /// The exact value.
    pub exact: Value,
    /// The threshold of the band that gave the points (none when no band applied).
    pub threshold: Option<f64>,
    /// Points given.
    pub points: u32,
}

/// A trigger that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TriggerHit {
    /// Trigger id.
    pub id: String,
    /// Chinese name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// The floor it sets.
    pub class: CreditClass,
    /// Its basis.
    pub basis: String,
}

/// An entity's class and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Classification {
    /// 统一社会信用代码.
    pub uscc: String,
    /// The class.
    pub class: CreditClass,
    /// Total points.
    pub points: u32,
    /// The class the points alone give.
    pub points_class: CreditClass,
    /// The day classified as of.
    pub as_of: NaiveDate,
    /// Model version used.
    pub model_version: u32,
    /// Every indicator, in the model's order.
    pub indicators: Vec<IndicatorResult>,
    /// Every trigger that fired, in the model's order.
    pub triggers: Vec<TriggerHit>,
}

/// Classifies `facts` with the version of the model in force on `as_of`.
pub fn classify(
    model: &crate::model::Model,
    facts: &EntityFacts,
    as_of: NaiveDate,
) -> Result<Classification, ModelError> {
    Ok(classify_with(model.in_force(as_of)?, facts, as_of))
}

/// Classifies `facts` with one model version.
pub fn classify_with(
    version: &ModelVersion,
    facts: &EntityFacts,
    as_of: NaiveDate,
) -> Classification {
    let indicators: Vec<IndicatorResult> = version
        .indicators
        .iter()
        .map(|ind| score(ind, measure(ind, facts, as_of)))
        .collect();
    let points = indicators
        .iter()
        .map(|r| r.points)
        .fold(0u32, u32::saturating_add);
    let points_class = version.classes.class_of(points);
    let triggers: Vec<TriggerHit> = version
        .triggers
        .iter()
        .filter(|t| fires(t, facts, as_of))
        .map(|t| TriggerHit {
            id: t.id.clone(),
            name: t.name.clone(),
            name_en: t.name_en.clone(),
            class: t.class,
            basis: t.basis.clone(),
        })
        .collect();
    let class = triggers
        .iter()
        .map(|t| t.class)
        .fold(points_class, CreditClass::max);
    Classification {
        uscc: facts.uscc.clone(),
        class,
        points,
        points_class,
        as_of,
        model_version: version.version,
        indicators,
        triggers,
    }
}

/// The first day NOT in a window of `months` ending on `as_of`: events count when strictly after
/// it. A window reaching before the calendar's start counts everything.
fn window_start(as_of: NaiveDate, months: u32) -> Option<NaiveDate> {
    as_of.checked_sub_months(Months::new(months))
}

fn in_window(date: NaiveDate, as_of: NaiveDate, months: u32) -> bool {
    date <= as_of && window_start(as_of, months).is_none_or(|start| date > start)
}

/// The largest m with `from + m months ≤ to` (chrono's month addition, which clamps to the end
/// of a shorter month); 0 when `to ≤ from`.
fn whole_months(from: NaiveDate, to: NaiveDate) -> u64 {
    if to <= from {
        return 0;
    }
    let mut lo = 0u32;
    let mut hi = 12 * 400;
    // The largest m with from + m months ≤ to.
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        match from.checked_add_months(Months::new(mid)) {
            Some(d) if d <= to => lo = mid,
            _ => hi = mid - 1,
        }
    }
    u64::from(lo)
}

fn count(n: usize) -> Value {
    Value::whole(u64::try_from(n).unwrap_or(u64::MAX))
}

fn measure(ind: &Indicator, f: &EntityFacts, as_of: NaiveDate) -> Value {
    let months = ind.window_months.unwrap_or(0);
    let win = |d: NaiveDate| in_window(d, as_of, months);
    let finding_in = |on: Option<NaiveDate>| on.is_none_or(win);
    match ind.measure {
        Measure::RegistryAbnormal => Value::whole(u64::from(
            f.registry.status == crate::facts::RegistryStatus::Abnormal,
        )),
        Measure::AnnualReportMissing => Value::whole(u64::from(!f.registry.annual_report_filed)),
        Measure::EntityAgeMonths => Value::whole(whole_months(f.registry.established_on, as_of)),
        Measure::PenaltiesCount => count(f.penalties.iter().filter(|p| win(p.decided_on)).count()),
        Measure::PenaltyAmountFen => Value::whole(
            f.penalties
                .iter()
                .filter(|p| win(p.decided_on))
                .map(|p| p.fine_fen.saturating_add(p.confiscated_fen))
                .fold(0u64, u64::saturating_add),
        ),
        Measure::PenaltiesSevereCount => count(
            f.penalties
                .iter()
                .filter(|p| {
                    win(p.decided_on)
                        && matches!(
                            p.kind,
                            PenaltyKind::Confiscation
                                | PenaltyKind::Suspension
                                | PenaltyKind::LicenseRevocation
                        )
                })
                .count(),
        ),
        Measure::ComplaintsPerMonth => Value {
            num: count(f.complaints.iter().filter(|c| win(c.received_on)).count()).num,
            den: u64::from(months.max(1)),
        },
        Measure::FindingsSeriousCount => count(
            f.findings
                .iter()
                .filter(|x| {
                    x.standing != FindingStanding::Dismissed
                        && x.severity >= FindingSeverity::High
                        && finding_in(x.on)
                })
                .count(),
        ),
        Measure::FindingsMinorCount => count(
            f.findings
                .iter()
                .filter(|x| {
                    x.standing != FindingStanding::Dismissed
                        && x.severity < FindingSeverity::High
                        && finding_in(x.on)
                })
                .count(),
        ),
        Measure::FindingsConfirmedCount => count(
            f.findings
                .iter()
                .filter(|x| x.standing == FindingStanding::Confirmed && finding_in(x.on))
                .count(),
        ),
        Measure::CasesInProgress => count(
            f.cases
                .iter()
                .filter(|c| c.standing == CaseStanding::InProgress)
                .count(),
        ),
    }
}

fn score(ind: &Indicator, value: Value) -> IndicatorResult {
    let mut best: Option<(u32, f64)> = None;
    for band in &ind.bands {
        let applies = match ind.direction {
            Direction::AtLeast => value.at_least(band.threshold),
            Direction::Below => !value.at_least(band.threshold),
        };
        if applies && best.is_none_or(|(p, _)| band.points > p) {
            best = Some((band.points, band.threshold));
        }
    }
    IndicatorResult {
        id: ind.id.clone(),
        name: ind.name.clone(),
        name_en: ind.name_en.clone(),
        unit: ind.unit.clone(),
        value: value.as_f64(),
        exact: value,
        threshold: best.map(|(_, t)| t),
        points: best.map_or(0, |(p, _)| p),
    }
}

fn fires(t: &Trigger, f: &EntityFacts, as_of: NaiveDate) -> bool {
    let w = &t.when;
    if !w.registry_status.is_empty() && !w.registry_status.contains(&f.registry.status) {
        return false;
    }
    if let Some(min) = w.min_open_shops
        && f.open_shops < min
    {
        return false;
    }
    if let Some(months) = w.within_months {
        let hit = f
            .penalties
            .iter()
            .any(|p| w.penalty_kinds.contains(&p.kind) && in_window(p.decided_on, as_of, months));
        if !hit {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn whole_months_counts_completed_months_only() {
        // Adding months clamps to the month's end: 31 Jan + 1 month = 28 Feb.
        assert_eq!(whole_months(d("2025-01-31"), d("2025-02-28")), 1);
        assert_eq!(whole_months(d("2025-01-31"), d("2025-02-27")), 0);
        assert_eq!(whole_months(d("2025-01-15"), d("2025-02-15")), 1);
        assert_eq!(whole_months(d("2025-01-15"), d("2025-02-14")), 0);
        assert_eq!(whole_months(d("2020-03-01"), d("2026-03-01")), 72);
        assert_eq!(whole_months(d("2026-03-01"), d("2020-03-01")), 0);
    }

    #[test]
    fn window_is_half_open_at_its_start() {
        let as_of = d("2026-06-30");
        assert!(in_window(d("2026-06-30"), as_of, 12));
        assert!(!in_window(d("2026-07-01"), as_of, 12));
        assert!(in_window(d("2025-07-01"), as_of, 12));
        assert!(!in_window(d("2025-06-30"), as_of, 12));
    }
}
