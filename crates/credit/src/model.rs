//! The classification model as data (`data/model.toml`, embedded): versions with dates in force,
//! each with its indicators (a closed list of measures, thresholds and points, unit, source), its
//! hard triggers (conditions that set a floor class) and the points at which B, C and D begin.
//! Loading checks everything and names the place of the first fault (`version 1, indicator[3],
//! bands[0].threshold`).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::class::CreditClass;
use crate::facts::{PenaltyKind, RegistryStatus};

/// The model shipped with the crate.
pub const EMBEDDED: &str = include_str!("../data/model.toml");

/// A model that does not load, or no version in force.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// The data is malformed; names the place.
    #[error(
        "信用风险分类模型数据有误（{place}）：{problem} / credit model data invalid at {place}: {problem}"
    )]
    BadData {
        /// Where.
        place: String,
        /// What.
        problem: String,
    },
    /// No version is in force on the date.
    #[error("{date} 没有生效的信用风险分类模型版本 / no credit model version in force on {date}")]
    NotInForce {
        /// The date asked about.
        date: NaiveDate,
    },
}

/// What an indicator measures: a closed list the classification knows how to compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// 1 when the registry status is `abnormal`, else 0.
    RegistryAbnormal,
    /// 1 when the previous year's annual report is not filed, else 0.
    AnnualReportMissing,
    /// Whole months from establishment to `as_of` (0 if established later).
    EntityAgeMonths,
    /// Penalties decided in the window.
    PenaltiesCount,
    /// Fines plus confiscations in the window, fen.
    PenaltyAmountFen,
    /// Confiscations, suspensions and licence revocations in the window.
    PenaltiesSevereCount,
    /// Complaints and reports received in the window, per month of the window.
    ComplaintsPerMonth,
    /// High and critical findings in the window, not dismissed.
    FindingsSeriousCount,
    /// Low and medium findings in the window, not dismissed.
    FindingsMinorCount,
    /// Findings confirmed by a case decided with a penalty, in the window.
    FindingsConfirmedCount,
    /// Our clues and cases in progress.
    CasesInProgress,
}

impl Measure {
    /// Whether the measure counts dated events and so needs `window_months`.
    pub fn needs_window(self) -> bool {
        matches!(
            self,
            Measure::PenaltiesCount
                | Measure::PenaltyAmountFen
                | Measure::PenaltiesSevereCount
                | Measure::ComplaintsPerMonth
                | Measure::FindingsSeriousCount
                | Measure::FindingsMinorCount
                | Measure::FindingsConfirmedCount
        )
    }
}

/// Which side of a threshold scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// value ≥ threshold.
    AtLeast,
    /// value < threshold.
    Below,
}

/// One threshold and the points it gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The threshold (in the indicator's unit).
    pub threshold: f64,
    /// Points when it applies.
    pub points: u32,
}

/// One indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable id.
    pub id: String,
    /// Chinese name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// What it measures.
    pub measure: Measure,
    /// Unit of the value and thresholds.
    pub unit: String,
    /// Which table and field it comes from.
    pub source: String,
    /// Look-back window for dated events.
    #[serde(default)]
    pub window_months: Option<u32>,
    /// Which side of a threshold scores.
    pub direction: Direction,
    /// Thresholds and points.
    pub bands: Vec<Band>,
}

/// A trigger's conditions; all given ones must hold.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The registry status is one of these.
    #[serde(default)]
    pub registry_status: Vec<RegistryStatus>,
    /// At least this many shops still selling.
    #[serde(default)]
    pub min_open_shops: Option<u32>,
    /// A penalty of one of these kinds…
    #[serde(default)]
    pub penalty_kinds: Vec<PenaltyKind>,
    /// …decided in the last this many months.
    #[serde(default)]
    pub within_months: Option<u32>,
}

/// A hard trigger: when its conditions hold, the class is at least `class`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    /// Stable id.
    pub id: String,
    /// Chinese name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// The floor class.
    pub class: CreditClass,
    /// The provision or policy it rests on.
    pub basis: String,
    /// Its conditions.
    pub when: Condition,
}

/// Points at which the classes above A begin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassBands {
    /// B from this many points.
    #[serde(rename = "B")]
    pub b: u32,
    /// C from this many points.
    #[serde(rename = "C")]
    pub c: u32,
    /// D from this many points.
    #[serde(rename = "D")]
    pub d: u32,
}

impl ClassBands {
    /// The class a total of points gives.
    pub fn class_of(&self, points: u32) -> CreditClass {
        if points >= self.d {
            CreditClass::D
        } else if points >= self.c {
            CreditClass::C
        } else if points >= self.b {
            CreditClass::B
        } else {
            CreditClass::A
        }
    }
}

/// One version of the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelVersion {
    /// Version number.
    pub version: u32,
    /// Chinese name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// Where the four classes come from.
    pub classes_basis: String,
    /// First day in force.
    pub effective_from: NaiveDate,
    /// Last day in force.
    #[serde(default)]
    pub effective_to: Option<NaiveDate>,
    /// How far it was checked (`policy`: this installation's choice).
    pub verification: String,
    /// Caveats.
    pub note: String,
    /// Class bands.
    pub classes: ClassBands,
    /// Indicators.
    #[serde(rename = "indicator")]
    pub indicators: Vec<Indicator>,
    /// Hard triggers.
    #[serde(rename = "trigger", default)]
    pub triggers: Vec<Trigger>,
}

impl ModelVersion {
    /// Whether it is in force on `date`.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        date >= self.effective_from && self.effective_to.is_none_or(|to| date <= to)
    }
}

/// The model: its versions, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    versions: Vec<ModelVersion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModel {
    version: Vec<ModelVersion>,
}

fn bad(place: impl Into<String>, problem: impl Into<String>) -> ModelError {
    ModelError::BadData {
        place: place.into(),
        problem: problem.into(),
    }
}

const VERIFICATION: [&str; 4] = ["primary", "secondary", "unverified", "policy"];

impl Model {
    /// The model shipped with the crate.
    pub fn embedded() -> Result<Model, ModelError> {
        Model::from_toml(EMBEDDED)
    }

    /// Parses and checks model data.
    pub fn from_toml(text: &str) -> Result<Model, ModelError> {
        let raw: RawModel = toml::from_str(text).map_err(|e| bad("model.toml", e.to_string()))?;
        if raw.version.is_empty() {
            return Err(bad("model.toml", "no version"));
        }
        let mut numbers = BTreeSet::new();
        for v in &raw.version {
            check_version(v)?;
            if !numbers.insert(v.version) {
                return Err(bad(format!("version {}", v.version), "listed twice"));
            }
        }
        let mut versions = raw.version;
        versions.sort_by_key(|v| v.effective_from);
        for pair in versions.windows(2) {
            let overlaps = pair[0]
                .effective_to
                .is_none_or(|to| to >= pair[1].effective_from);
            if overlaps {
                return Err(bad(
                    format!("version {}", pair[1].version),
                    format!(
                        "in force from {} while version {} still is",
                        pair[1].effective_from, pair[0].version
                    ),
                ));
            }
        }
        Ok(Model { versions })
    }

    /// The version in force on `date`.
    pub fn in_force(&self, date: NaiveDate) -> Result<&ModelVersion, ModelError> {
        self.versions
            .iter()
            .find(|v| v.in_force(date))
            .ok_or(ModelError::NotInForce { date })
    }

    /// All versions, oldest first.
    pub fn versions(&self) -> &[ModelVersion] {
        &self.versions
    }
}

fn check_version(v: &ModelVersion) -> Result<(), ModelError> {
    let at = |field: &str| format!("version {}, {field}", v.version);
    for (field, value) in [
        ("name", &v.name),
        ("name_en", &v.name_en),
        ("classes_basis", &v.classes_basis),
    ] {
        if value.trim().is_empty() {
            return Err(bad(at(field), "empty"));
        }
    }
    if !VERIFICATION.contains(&v.verification.as_str()) {
        return Err(bad(
            at("verification"),
            format!("{:?} is not one of {VERIFICATION:?}", v.verification),
        ));
    }
    if let Some(to) = v.effective_to
        && to < v.effective_from
    {
        return Err(bad(
            at("effective_to"),
            format!("{to} is before effective_from"),
        ));
    }
    let c = v.classes;
    if !(0 < c.b && c.b < c.c && c.c < c.d) {
        return Err(bad(
            at("classes"),
            format!(
                "need 0 < B < C < D points, got B={} C={} D={}",
                c.b, c.c, c.d
            ),
        ));
    }
    if v.indicators.is_empty() {
        return Err(bad(at("indicator"), "no indicator"));
    }
    let mut ids = BTreeSet::new();
    for (i, ind) in v.indicators.iter().enumerate() {
        let place = |field: &str| at(&format!("indicator[{i}] ({}).{field}", ind.id));
        if ind.id.trim().is_empty() || !ids.insert(ind.id.as_str()) {
            return Err(bad(place("id"), "empty or listed twice"));
        }
        for (field, value) in [
            ("name", &ind.name),
            ("name_en", &ind.name_en),
            ("unit", &ind.unit),
            ("source", &ind.source),
        ] {
            if value.trim().is_empty() {
                return Err(bad(place(field), "empty"));
            }
        }
        match (ind.measure.needs_window(), ind.window_months) {
            (true, None) => return Err(bad(place("window_months"), "required for this measure")),
            (true, Some(0)) => return Err(bad(place("window_months"), "must be at least 1")),
            (false, Some(_)) => {
                return Err(bad(place("window_months"), "this measure has no window"));
            }
            _ => {}
        }
        if ind.bands.is_empty() {
            return Err(bad(place("bands"), "no band"));
        }
        for (j, b) in ind.bands.iter().enumerate() {
            if !b.threshold.is_finite() || b.threshold < 0.0 {
                return Err(bad(
                    place(&format!("bands[{j}].threshold")),
                    format!("{} is not a finite number ≥ 0", b.threshold),
                ));
            }
            if b.points == 0 {
                return Err(bad(
                    place(&format!("bands[{j}].points")),
                    "must be positive",
                ));
            }
        }
    }
    let mut ids = BTreeSet::new();
    for (i, t) in v.triggers.iter().enumerate() {
        let place = |field: &str| at(&format!("trigger[{i}] ({}).{field}", t.id));
        if t.id.trim().is_empty() || !ids.insert(t.id.as_str()) {
            return Err(bad(place("id"), "empty or listed twice"));
        }
        for (field, value) in [
            ("name", &t.name),
            ("name_en", &t.name_en),
            ("basis", &t.basis),
        ] {
            if value.trim().is_empty() {
                return Err(bad(place(field), "empty"));
            }
        }
        if t.class == CreditClass::A {
            return Err(bad(place("class"), "a floor of A changes nothing"));
        }
        let w = &t.when;
        if w.registry_status.is_empty() && w.min_open_shops.is_none() && w.penalty_kinds.is_empty()
        {
            return Err(bad(place("when"), "no condition"));
        }
        if w.penalty_kinds.is_empty() != w.within_months.is_none() {
            return Err(bad(
                place("when"),
                "penalty_kinds and within_months go together",
            ));
        }
        if w.within_months == Some(0) {
            return Err(bad(place("when.within_months"), "must be at least 1"));
        }
    }
    Ok(())
}
