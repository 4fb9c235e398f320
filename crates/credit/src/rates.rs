//! Sampling rates per credit class as data (`data/sampling.toml`, embedded): per version, each
//! class's band (lowest and highest rate) and default rate, with the source. Rates are kept as
//! basis points (1/10,000) so the number drawn is computed in integers.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::class::CreditClass;

/// The table shipped with the crate.
pub const EMBEDDED: &str = include_str!("../data/sampling.toml");

/// A rate in basis points: 10,000 = 100 %.
pub type BasisPoints = u32;

/// Sampling data that does not load, or no version in force.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RatesError {
    /// Malformed; names the place.
    #[error(
        "抽查比例数据有误（{place}）：{problem} / sampling rate data invalid at {place}: {problem}"
    )]
    BadData {
        /// Where.
        place: String,
        /// What.
        problem: String,
    },
    /// No version in force.
    #[error("{date} 没有生效的抽查比例表 / no sampling rate table in force on {date}")]
    NotInForce {
        /// The date.
        date: NaiveDate,
    },
}

/// One class's band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassBand {
    /// Lowest rate.
    pub min_bp: BasisPoints,
    /// Highest rate (for general items).
    pub max_bp: BasisPoints,
    /// Rate used when a plan names none.
    pub default_bp: BasisPoints,
}

/// One version of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateTable {
    /// Version.
    pub version: u32,
    /// Chinese name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// First day in force.
    pub effective_from: NaiveDate,
    /// Last day in force.
    pub effective_to: Option<NaiveDate>,
    /// Where the bands come from.
    pub source: String,
    /// How far checked.
    pub verification: String,
    /// Caveats.
    pub note: String,
    /// Bands per class.
    pub classes: BTreeMap<CreditClass, ClassBand>,
}

/// All versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rates {
    tables: Vec<RateTable>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    version: Vec<RawTable>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    version: u32,
    name: String,
    name_en: String,
    effective_from: NaiveDate,
    #[serde(default)]
    effective_to: Option<NaiveDate>,
    source: String,
    verification: String,
    note: String,
    class: BTreeMap<String, RawBand>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBand {
    min_percent: f64,
    max_percent: f64,
    default_percent: f64,
}

fn bad(place: impl Into<String>, problem: impl Into<String>) -> RatesError {
    RatesError::BadData {
        place: place.into(),
        problem: problem.into(),
    }
}

/// A percentage with at most two decimals in 0–100, as basis points; `None` otherwise.
pub fn percent_to_bp(percent: f64) -> Option<BasisPoints> {
    if !percent.is_finite() || !(0.0..=100.0).contains(&percent) {
        return None;
    }
    let bp = (percent * 100.0).round();
    if (bp - percent * 100.0).abs() > 1e-6 {
        return None;
    }
    // In 0..=10_000 by the range check above.
    Some(bp as BasisPoints)
}

impl Rates {
    /// The table shipped with the crate.
    pub fn embedded() -> Result<Rates, RatesError> {
        Rates::from_toml(EMBEDDED)
    }

    /// Parses and checks sampling data.
    pub fn from_toml(text: &str) -> Result<Rates, RatesError> {
        let raw: RawFile = toml::from_str(text).map_err(|e| bad("sampling.toml", e.to_string()))?;
        let mut tables = Vec::new();
        for t in raw.version {
            let at = |f: &str| format!("version {}, {f}", t.version);
            if t.source.trim().is_empty() {
                return Err(bad(at("source"), "empty"));
            }
            if t.effective_to.is_some_and(|to| to < t.effective_from) {
                return Err(bad(at("effective_to"), "before effective_from"));
            }
            let mut classes = BTreeMap::new();
            for (name, band) in &t.class {
                let place = |f: &str| at(&format!("class.{name}.{f}"));
                let class = CreditClass::parse(name)
                    .ok_or_else(|| bad(at(&format!("class.{name}")), "not one of A, B, C, D"))?;
                let bp = |f: &str, p: f64| {
                    percent_to_bp(p).ok_or_else(|| {
                        bad(
                            place(f),
                            format!("{p} is not a percentage 0–100 with ≤ 2 decimals"),
                        )
                    })
                };
                let b = ClassBand {
                    min_bp: bp("min_percent", band.min_percent)?,
                    max_bp: bp("max_percent", band.max_percent)?,
                    default_bp: bp("default_percent", band.default_percent)?,
                };
                if !(b.min_bp <= b.default_bp && b.default_bp <= b.max_bp) {
                    return Err(bad(place("default_percent"), "must lie within min–max"));
                }
                classes.insert(class, b);
            }
            for class in CreditClass::ALL {
                if !classes.contains_key(&class) {
                    return Err(bad(at(&format!("class.{}", class.as_str())), "missing"));
                }
            }
            tables.push(RateTable {
                version: t.version,
                name: t.name,
                name_en: t.name_en,
                effective_from: t.effective_from,
                effective_to: t.effective_to,
                source: t.source,
                verification: t.verification,
                note: t.note,
                classes,
            });
        }
        if tables.is_empty() {
            return Err(bad("sampling.toml", "no version"));
        }
        tables.sort_by_key(|t| t.effective_from);
        for pair in tables.windows(2) {
            if pair[0]
                .effective_to
                .is_none_or(|to| to >= pair[1].effective_from)
            {
                return Err(bad(
                    format!("version {}", pair[1].version),
                    "overlaps the version before it",
                ));
            }
        }
        Ok(Rates { tables })
    }

    /// The table in force on `date`.
    pub fn in_force(&self, date: NaiveDate) -> Result<&RateTable, RatesError> {
        self.tables
            .iter()
            .find(|t| date >= t.effective_from && t.effective_to.is_none_or(|to| date <= to))
            .ok_or(RatesError::NotInForce { date })
    }
}
