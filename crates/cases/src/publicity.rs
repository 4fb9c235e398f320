//! Penalty publicity (行政处罚信息公示): whether a penalty decision is still on public display on
//! a given day, by the display periods of `data/publicity.toml` (legal basis, versions, dates in
//! force; the reading of "small fine" is stated there). Pure: the day asked about is an argument.
//!
//! A warning alone (no fine, nothing confiscated) is not published at all. Otherwise a decision
//! is on display for `short_months` when it is a warning or a fine, with a fine of at most
//! `small_fine_max_fen` and nothing confiscated; for `long_months` otherwise. The period
//! runs from the decision date; the display has ended on the day the period's months have passed
//! (2025-06-30 + 3 months: on display through 2025-09-29, ended on 2025-09-30).

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::rules::Verification;

/// The display periods shipped with the crate.
pub const EMBEDDED: &str = include_str!("../data/publicity.toml");

/// `penalties.kind` (data standard §3.17).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PenaltyKind {
    /// 警告.
    Warning,
    /// 罚款.
    Fine,
    /// 没收违法所得、没收非法财物.
    Confiscation,
    /// 责令停产停业.
    Suspension,
    /// 吊销许可证件、营业执照.
    LicenseRevocation,
    /// 其他.
    Other,
}

impl PenaltyKind {
    /// Parses the data standard's value; `None` for anything else.
    pub fn parse(s: &str) -> Option<PenaltyKind> {
        Some(match s {
            "warning" => PenaltyKind::Warning,
            "fine" => PenaltyKind::Fine,
            "confiscation" => PenaltyKind::Confiscation,
            "suspension" => PenaltyKind::Suspension,
            "license_revocation" => PenaltyKind::LicenseRevocation,
            "other" => PenaltyKind::Other,
            _ => return None,
        })
    }

    /// Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            PenaltyKind::Warning => "警告",
            PenaltyKind::Fine => "罚款",
            PenaltyKind::Confiscation => "没收违法所得、非法财物",
            PenaltyKind::Suspension => "责令停产停业",
            PenaltyKind::LicenseRevocation => "吊销许可证件、营业执照",
            PenaltyKind::Other => "其他",
        }
    }

    /// English name.
    pub fn name_en(self) -> &'static str {
        match self {
            PenaltyKind::Warning => "Warning",
            PenaltyKind::Fine => "Fine",
            PenaltyKind::Confiscation => "Confiscation",
            PenaltyKind::Suspension => "Suspension of business",
            PenaltyKind::LicenseRevocation => "Licence revocation",
            PenaltyKind::Other => "Other",
        }
    }
}

/// One version of the display periods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisplayRule {
    /// Version.
    pub version: u32,
    /// The provision (Chinese).
    pub basis: String,
    /// The provision (English).
    pub basis_en: String,
    /// First decision date it applies to.
    pub effective_from: NaiveDate,
    /// Last decision date it applies to.
    #[serde(default)]
    pub effective_to: Option<NaiveDate>,
    /// Months on display for a warning or a small fine.
    pub short_months: u32,
    /// Months on display otherwise.
    pub long_months: u32,
    /// Largest fine, in fen, that is "small" (with nothing confiscated).
    pub small_fine_max_fen: i64,
    /// How far it was checked.
    pub verification: Verification,
    /// Sources and caveats.
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    display: Vec<DisplayRule>,
}

/// Why the display periods or a penalty cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PublicityError {
    /// The data file does not parse or is inconsistent.
    #[error("公示期限数据无效 publicity data invalid: {0}")]
    BadData(String),
    /// No version applies to the decision date.
    #[error("处罚决定日期 {0} 没有适用的公示期限 / no display period applies to a decision of {0}")]
    NoRule(NaiveDate),
    /// A field of the penalty is unusable.
    #[error("处罚字段 {field} 的值 {value:?} 无效 / penalty field {field} = {value:?} is invalid")]
    Field {
        /// The field.
        field: &'static str,
        /// Its value.
        value: String,
    },
}

/// The display periods, every version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publicity {
    rules: Vec<DisplayRule>,
}

/// Whether one decision is on display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Display {
    /// Published at all (false for a warning alone: then `months` is 0, `ends_on` the decision
    /// date and `on_display` false).
    pub published: bool,
    /// The display period applied, in months.
    pub months: u32,
    /// Whether the short period applied (a warning or a small fine).
    pub short: bool,
    /// The first day the decision is no longer on display.
    pub ends_on: NaiveDate,
    /// On display on the day asked about.
    pub on_display: bool,
    /// A suspension or revocation: a ban longer than the period would extend it, and the row
    /// does not say how long the ban is.
    pub ban_may_extend: bool,
    /// The rule version applied.
    pub rule_version: u32,
}

impl Publicity {
    /// The embedded periods.
    pub fn embedded() -> Result<Publicity, PublicityError> {
        Publicity::parse(EMBEDDED)
    }

    /// Periods from TOML text (checked: versions unique, periods positive, short ≤ long, no two
    /// versions in force on the same day).
    pub fn parse(text: &str) -> Result<Publicity, PublicityError> {
        let file: File =
            toml::from_str(text).map_err(|e| PublicityError::BadData(e.to_string()))?;
        let mut rules = file.display;
        rules.sort_by_key(|r| r.effective_from);
        for (i, r) in rules.iter().enumerate() {
            if r.short_months == 0 || r.short_months > r.long_months || r.small_fine_max_fen < 0 {
                return Err(PublicityError::BadData(format!(
                    "display version {}: periods {}/{} months, small fine {} fen",
                    r.version, r.short_months, r.long_months, r.small_fine_max_fen
                )));
            }
            if rules[..i].iter().any(|o| o.version == r.version) {
                return Err(PublicityError::BadData(format!(
                    "display version {} twice",
                    r.version
                )));
            }
            if let Some(prev) = i.checked_sub(1).map(|p| &rules[p])
                && prev.effective_to.is_none_or(|to| to >= r.effective_from)
            {
                return Err(PublicityError::BadData(format!(
                    "display versions {} and {} overlap",
                    prev.version, r.version
                )));
            }
        }
        if rules.is_empty() {
            return Err(PublicityError::BadData("no display version".into()));
        }
        Ok(Publicity { rules })
    }

    /// The version applying to a decision of `decided_on`.
    pub fn rule(&self, decided_on: NaiveDate) -> Result<&DisplayRule, PublicityError> {
        self.rules
            .iter()
            .find(|r| {
                decided_on >= r.effective_from && r.effective_to.is_none_or(|to| decided_on <= to)
            })
            .ok_or(PublicityError::NoRule(decided_on))
    }

    /// Whether a decision of `kind` on `decided_on` with these amounts is on display on `as_of`.
    pub fn display(
        &self,
        kind: PenaltyKind,
        decided_on: NaiveDate,
        fine_fen: i64,
        confiscated_fen: i64,
        as_of: NaiveDate,
    ) -> Result<Display, PublicityError> {
        for (field, v) in [("fine_fen", fine_fen), ("confiscated_fen", confiscated_fen)] {
            if v < 0 {
                return Err(PublicityError::Field {
                    field,
                    value: v.to_string(),
                });
            }
        }
        let rule = self.rule(decided_on)?;
        if kind == PenaltyKind::Warning && fine_fen == 0 && confiscated_fen == 0 {
            return Ok(Display {
                published: false,
                months: 0,
                short: true,
                ends_on: decided_on,
                on_display: false,
                ban_may_extend: false,
                rule_version: rule.version,
            });
        }
        // Only a warning and/or a small fine, nothing confiscated.
        let short = matches!(kind, PenaltyKind::Warning | PenaltyKind::Fine)
            && fine_fen <= rule.small_fine_max_fen
            && confiscated_fen == 0;
        let months = if short {
            rule.short_months
        } else {
            rule.long_months
        };
        let ends_on =
            decided_on
                .checked_add_months(Months::new(months))
                .ok_or(PublicityError::Field {
                    field: "decided_on",
                    value: decided_on.to_string(),
                })?;
        Ok(Display {
            published: true,
            months,
            short,
            ends_on,
            on_display: as_of >= decided_on && as_of < ends_on,
            ban_may_extend: matches!(
                kind,
                PenaltyKind::Suspension | PenaltyKind::LicenseRevocation
            ),
            rule_version: rule.version,
        })
    }
}

/// An amount in fen as yuan with two decimals (`5000000` → `50000.00`), exact.
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn embedded_periods_parse() {
        let p = Publicity::embedded().unwrap();
        let r = p.rule(d("2025-06-30")).unwrap();
        assert_eq!((r.short_months, r.long_months), (3, 36));
        assert_eq!(
            p.rule(d("2021-08-31")),
            Err(PublicityError::NoRule(d("2021-08-31")))
        );
    }

    #[test]
    fn short_and_long_periods_end_on_the_day_the_months_pass() {
        let p = Publicity::embedded().unwrap();
        // A small fine: 3 months.
        let small = |as_of| {
            p.display(PenaltyKind::Fine, d("2025-06-30"), 300_000, 0, d(as_of))
                .unwrap()
        };
        assert!(small("2025-09-29").on_display);
        let ended = small("2025-09-30");
        assert!(!ended.on_display && ended.short && ended.months == 3);
        assert_eq!(ended.ends_on, d("2025-09-30"));
        // One fen more, or anything confiscated: 3 years.
        let big = p
            .display(
                PenaltyKind::Fine,
                d("2025-06-30"),
                300_001,
                0,
                d("2028-06-29"),
            )
            .unwrap();
        assert!(big.on_display && !big.short && big.ends_on == d("2028-06-30"));
        let with_confiscation = p
            .display(PenaltyKind::Fine, d("2025-06-30"), 100, 1, d("2025-10-01"))
            .unwrap();
        assert!(with_confiscation.on_display && !with_confiscation.short);
        // A warning alone is not published; with a small fine, 3 months (end of month clamps).
        let warning = p
            .display(PenaltyKind::Warning, d("2025-01-31"), 0, 0, d("2025-02-01"))
            .unwrap();
        assert!(!warning.published && !warning.on_display && warning.months == 0);
        let warned_and_fined = p
            .display(
                PenaltyKind::Warning,
                d("2025-01-31"),
                100,
                0,
                d("2025-04-29"),
            )
            .unwrap();
        assert!(warned_and_fined.published && warned_and_fined.on_display);
        assert_eq!(warned_and_fined.ends_on, d("2025-04-30"));
        // A revocation: 3 years, flagged.
        let revoked = p
            .display(
                PenaltyKind::LicenseRevocation,
                d("2025-01-31"),
                0,
                0,
                d("2026-01-01"),
            )
            .unwrap();
        assert!(revoked.on_display && revoked.ban_may_extend && revoked.months == 36);
        // Not yet decided on the day asked about: not on display.
        assert!(
            !p.display(PenaltyKind::Fine, d("2025-06-30"), 1, 0, d("2025-06-29"))
                .unwrap()
                .on_display
        );
    }

    #[test]
    fn bad_amounts_and_data_are_named() {
        let p = Publicity::embedded().unwrap();
        let e = p
            .display(PenaltyKind::Fine, d("2025-06-30"), -1, 0, d("2025-07-01"))
            .unwrap_err();
        assert!(e.to_string().contains("fine_fen"), "{e}");
        let overlap = EMBEDDED.to_string() + &EMBEDDED.replace("version = 1", "version = 2");
        let e = Publicity::parse(&overlap).unwrap_err();
        assert!(
            matches!(&e, PublicityError::BadData(m) if m.contains("overlap")),
            "{e}"
        );
        assert_eq!(PenaltyKind::parse("fine"), Some(PenaltyKind::Fine));
        assert_eq!(PenaltyKind::parse("Fine"), None);
    }

    #[test]
    fn yuan_is_exact() {
        assert_eq!(yuan(5_000_000), "50000.00");
        assert_eq!(yuan(1), "0.01");
        assert_eq!(yuan(0), "0.00");
        assert_eq!(yuan(i64::MIN), "-92233720368547758.08");
    }
}
