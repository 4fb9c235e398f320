//! Deadlines on a clue or case and the overdue queue.
//!
//! A deadline records the rule version and provision it was computed from. When the calendar
//! does not cover the period (the next year's holiday notice is not yet in the data) the due date
//! is unknown and the reason is kept: such items surface in their own queue instead of getting a
//! date guessed from weekends.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::rules::{DeadlineKind, Rules, RulesError, Verification};

/// A deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// Which deadline.
    pub kind: DeadlineKind,
    /// The rule version it was computed with.
    pub rule_version: u32,
    /// The provision.
    pub basis: String,
    /// How far the provision was verified (shown next to the deadline).
    pub verification: Verification,
    /// The day the period starts (not counted).
    pub start: NaiveDate,
    /// Its last day, when the calendar covers it.
    pub due: Option<NaiveDate>,
    /// Why `due` is unknown.
    pub due_unknown: Option<String>,
    /// Extensions granted.
    pub extensions: u32,
}

impl Deadline {
    /// Computes a deadline of `kind` starting on `start` with the rule in force that day.
    pub fn compute(
        kind: DeadlineKind,
        start: NaiveDate,
        rules: &Rules,
        calendar: &Calendar,
    ) -> Result<Deadline, RulesError> {
        let rule = rules.deadline(kind, start)?;
        let (due, due_unknown) = match rule.due(calendar, start, rule.days) {
            Ok(d) => (Some(d), None),
            Err(e) => (None, Some(e.to_string())),
        };
        Ok(Deadline {
            kind,
            rule_version: rule.version,
            basis: rule.basis.clone(),
            verification: rule.verification,
            start,
            due,
            due_unknown,
            extensions: 0,
        })
    }

    /// Whether the deadline has passed on `as_of` (its last day is before `as_of`).
    pub fn is_overdue(&self, as_of: NaiveDate) -> bool {
        self.due.is_some_and(|due| due < as_of)
    }
}

/// The Beijing-time (UTC+8, no daylight saving) calendar day of an instant in ms since the epoch.
pub fn beijing_date(at_ms: i64) -> Option<NaiveDate> {
    let offset = FixedOffset::east_opt(8 * 3600)?;
    Some(
        DateTime::from_timestamp_millis(at_ms)?
            .with_timezone(&offset)
            .date_naive(),
    )
}

/// One line of a deadline queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    /// The clue or case.
    pub case_id: String,
    /// Its department.
    pub department: String,
    /// Its region.
    pub region: String,
    /// The deadline.
    pub deadline: Deadline,
}
