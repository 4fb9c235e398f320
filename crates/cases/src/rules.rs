//! Deadlines and disposal thresholds as data (`data/rules.toml`, embedded), each with its legal
//! basis, the period it is in force and how far it was verified. A rule is looked up by kind and
//! the date it applies on; no rule in force is an error, never a default.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use tianping_detect::Severity;

use crate::calendar::{Calendar, CalendarError};

/// The rules shipped with the crate.
pub const EMBEDDED: &str = include_str!("../data/rules.toml");

/// Which deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// 线索核查: verify a clue and decide whether to file.
    ClueVerification,
    /// 作出处理决定: decide a filed case.
    CaseDecision,
    /// 行政处罚信息公示: publish a penalty decision.
    PenaltyPublication,
    /// 跨省推送: push penalty information to the party's home province.
    PenaltyPublicationPush,
    /// 管辖争议协商: settle a jurisdiction dispute.
    JurisdictionDispute,
    /// 责令整改: a merchant's rectification period.
    Rectification,
}

impl DeadlineKind {
    /// The name used in data and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineKind::ClueVerification => "clue_verification",
            DeadlineKind::CaseDecision => "case_decision",
            DeadlineKind::PenaltyPublication => "penalty_publication",
            DeadlineKind::PenaltyPublicationPush => "penalty_publication_push",
            DeadlineKind::JurisdictionDispute => "jurisdiction_dispute",
            DeadlineKind::Rectification => "rectification",
        }
    }
}

/// How a period is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// 工作日 on the [`Calendar`].
    WorkingDays,
    /// 日 (natural days).
    CalendarDays,
}

/// How far a rule was checked (see `data/rules.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// The article's text was read in an official text or a copy of it.
    Primary,
    /// Read on a secondary page.
    Secondary,
    /// Not confirmed.
    Unverified,
    /// No statutory number; an installation parameter.
    Policy,
}

/// One version of a deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineRule {
    /// Which deadline.
    pub kind: DeadlineKind,
    /// Version of this kind's rule.
    pub version: u32,
    /// Chinese name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// How the period is counted.
    pub unit: Unit,
    /// Length of the period.
    pub days: u32,
    /// Length of one extension, if extensions exist.
    #[serde(default)]
    pub extension_days: Option<u32>,
    /// How many extensions.
    #[serde(default)]
    pub extensions_allowed: u32,
    /// Who must approve an extension.
    #[serde(default)]
    pub extension_needs: Option<String>,
    /// The provision.
    pub basis: String,
    /// First day in force.
    pub effective_from: NaiveDate,
    /// Last day in force.
    #[serde(default)]
    pub effective_to: Option<NaiveDate>,
    /// How far it was checked.
    pub verification: Verification,
    /// Sources and caveats.
    pub note: String,
}

impl DeadlineRule {
    /// Whether the rule is in force on `date`.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        date >= self.effective_from && self.effective_to.is_none_or(|to| date <= to)
    }

    /// The last day of a period of `days` (this rule's unit) starting on `start`.
    pub fn due(
        &self,
        calendar: &Calendar,
        start: NaiveDate,
        days: u32,
    ) -> Result<NaiveDate, CalendarError> {
        match self.unit {
            Unit::WorkingDays => calendar.add_working_days(start, days),
            // 期间开始的当日不计入: day 1 is the next day.
            Unit::CalendarDays => start
                .checked_add_days(Days::new(u64::from(days)))
                .ok_or_else(|| {
                    let (first, last) = calendar.range();
                    CalendarError::NotCovered {
                        date: start,
                        first,
                        last,
                    }
                }),
        }
    }
}

/// The two-tier disposal thresholds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisposalPolicy {
    /// Version.
    pub version: u32,
    /// First day in force.
    pub effective_from: NaiveDate,
    /// Severity from which an alert is a clue.
    pub clue_min_severity: Severity,
    /// Earlier rectification notices (same merchant and practice) after which it is a clue.
    pub repeat_escalation_after: u32,
    /// Practices that never go the minor way.
    pub never_minor: Vec<String>,
    /// Why.
    pub never_minor_basis: String,
    /// Practices that an officer reviews instead (their subject is not a merchant to notify).
    pub review_only: Vec<String>,
    /// Why.
    pub review_only_basis: String,
    /// Basis of the minor tier.
    pub minor_basis: Vec<String>,
    /// Basis of the serious tier.
    pub serious_basis: Vec<String>,
    /// How far it was checked.
    pub verification: Verification,
    /// Sources and caveats.
    pub note: String,
}

/// A problem with the rules or a lookup.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RulesError {
    /// The data does not parse or is inconsistent.
    #[error("规则数据有误：{0} / rules data invalid: {0}")]
    BadData(String),
    /// No version of the rule is in force on the date.
    #[error("{date} 没有有效的期限规则 {kind} / no {kind} rule in force on {date}")]
    NotInForce {
        /// Which rule.
        kind: &'static str,
        /// On which date.
        date: NaiveDate,
    },
}

/// All rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Deadline versions.
    pub deadline: Vec<DeadlineRule>,
    /// Disposal thresholds.
    pub disposal: DisposalPolicy,
}

/// A working-day deadline in force and how far the calendar lets it be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarReach<'a> {
    /// The rule.
    pub rule: &'a DeadlineRule,
    /// Its period with every extension it allows.
    pub with_extensions: u32,
    /// The last day a period of `rule.days` can start and still be computed.
    pub last_start: Option<NaiveDate>,
    /// The same with every extension.
    pub last_start_extended: Option<NaiveDate>,
}

impl CalendarReach<'_> {
    /// Whether a period (without extensions) starting on `day` can be computed.
    pub fn computable_from(&self, day: NaiveDate) -> bool {
        self.last_start.is_some_and(|last| day <= last)
    }
}

/// How many days ahead the server's start-up log, the cockpit banner and `tianping calendar` warn
/// that deadlines are about to become unknown (one month: time to enter the next year's notice).
pub const CALENDAR_WARNING_DAYS: u64 = 31;

/// The first start day, within [`CALENDAR_WARNING_DAYS`] of `today`, from which some deadline in
/// `reach` can no longer be computed; `None` when every period starting in that window can be.
pub fn calendar_unknown_from(reach: &[CalendarReach<'_>], today: NaiveDate) -> Option<NaiveDate> {
    let horizon = today
        .checked_add_days(Days::new(CALENDAR_WARNING_DAYS))
        .unwrap_or(today);
    reach
        .iter()
        .filter(|r| !r.computable_from(horizon))
        .map(|r| r.last_start.and_then(|d| d.succ_opt()).unwrap_or(today))
        .min()
}

impl Rules {
    /// Per working-day deadline in force on `as_of`: the last day a period can start and still
    /// end inside `calendar` (after it, deadlines show as unknown until the next year's notice
    /// is entered).
    pub fn calendar_reach<'a>(
        &'a self,
        calendar: &Calendar,
        as_of: NaiveDate,
    ) -> Vec<CalendarReach<'a>> {
        self.deadline
            .iter()
            .filter(|r| r.unit == Unit::WorkingDays && r.in_force(as_of))
            .map(|rule| {
                let with_extensions =
                    rule.days + rule.extension_days.unwrap_or(0) * rule.extensions_allowed;
                CalendarReach {
                    rule,
                    with_extensions,
                    last_start: calendar.last_start_for(rule.days),
                    last_start_extended: calendar.last_start_for(with_extensions),
                }
            })
            .collect()
    }

    /// The rules shipped with the crate.
    pub fn embedded() -> Result<Rules, RulesError> {
        Rules::from_toml(EMBEDDED)
    }

    /// Parses and checks rules: no two versions of a kind overlap in time, periods are positive.
    pub fn from_toml(text: &str) -> Result<Rules, RulesError> {
        let rules: Rules = toml::from_str(text).map_err(|e| RulesError::BadData(e.to_string()))?;
        for (i, r) in rules.deadline.iter().enumerate() {
            let at = format!("deadline[{i}] ({} v{})", r.kind.as_str(), r.version);
            if r.days == 0 {
                return Err(RulesError::BadData(format!("{at}: days must be positive")));
            }
            if r.basis.trim().is_empty() {
                return Err(RulesError::BadData(format!("{at}: basis is empty")));
            }
            if r.effective_to.is_some_and(|to| to < r.effective_from) {
                return Err(RulesError::BadData(format!("{at}: ends before it starts")));
            }
            if r.extensions_allowed > 0 && r.extension_days.is_none() {
                return Err(RulesError::BadData(format!(
                    "{at}: extensions_allowed without extension_days"
                )));
            }
            for other in &rules.deadline[..i] {
                let overlaps = other.kind == r.kind
                    && other.effective_to.is_none_or(|to| to >= r.effective_from)
                    && r.effective_to.is_none_or(|to| to >= other.effective_from);
                if overlaps {
                    return Err(RulesError::BadData(format!(
                        "{at}: overlaps version {} in time",
                        other.version
                    )));
                }
            }
        }
        if rules.disposal.minor_basis.is_empty() || rules.disposal.serious_basis.is_empty() {
            return Err(RulesError::BadData("disposal: basis is empty".into()));
        }
        Ok(rules)
    }

    /// The version of a deadline in force on `date`.
    pub fn deadline(
        &self,
        kind: DeadlineKind,
        date: NaiveDate,
    ) -> Result<&DeadlineRule, RulesError> {
        self.deadline
            .iter()
            .find(|r| r.kind == kind && r.in_force(date))
            .ok_or(RulesError::NotInForce {
                kind: kind.as_str(),
                date,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn embedded_rules_load_with_their_numbers() {
        let rules = Rules::embedded().unwrap();
        let on = day("2026-06-01");
        let clue = rules.deadline(DeadlineKind::ClueVerification, on).unwrap();
        assert_eq!(
            (clue.days, clue.extension_days, clue.extensions_allowed),
            (15, Some(15), 1)
        );
        assert!(clue.basis.contains("第十八条"));
        let publish = rules
            .deadline(DeadlineKind::PenaltyPublication, on)
            .unwrap();
        assert_eq!(
            (publish.days, publish.verification),
            (20, Verification::Primary)
        );
        assert!(publish.basis.contains("第九条"));
        // The jurisdiction rule changed version with the 2026-04-15 measures.
        let old = rules
            .deadline(DeadlineKind::JurisdictionDispute, day("2026-04-14"))
            .unwrap();
        let new = rules
            .deadline(DeadlineKind::JurisdictionDispute, on)
            .unwrap();
        assert_eq!((old.version, old.days, new.version, new.days), (1, 7, 2, 7));
        assert_eq!(new.verification, Verification::Unverified);
        assert_eq!(
            rules.deadline(DeadlineKind::PenaltyPublication, day("2021-08-31")),
            Err(RulesError::NotInForce {
                kind: "penalty_publication",
                date: day("2021-08-31")
            })
        );
    }

    #[test]
    fn overlapping_versions_are_refused() {
        let text = Rules::embedded().map(|_| EMBEDDED).unwrap().replace(
            "effective_from = \"2026-04-15\"",
            "effective_from = \"2026-04-01\"",
        );
        assert!(matches!(
            Rules::from_toml(&text),
            Err(RulesError::BadData(m)) if m.contains("overlaps version 1")
        ));
    }
}
