//! The `scoped` area of the store: the alert list and the overview's counts (alerts by practice,
//! tier and status; open, overdue and undated clues and cases by state; ingest health per
//! supplier) with the caller's reach
//! in the SQL, so neither a list nor a count ever reads a row outside it.
//!
//! Alerts are delivered data, like the findings they come from: owned by the installation's data
//! owner and scoped per supplier — a platform reaches the alerts about its merchants and about
//! itself, staff whose reach covers the data owner reach all, anyone else none
//! ([`DataScope`], decided by the policy before the query). Clues and cases carry their own
//! department and region ([`UnitScope`], regions by cover prefix).
//!
//! The alert list is ranked (severity, score, both descending; then id) and paged by keyset: the
//! cursor is the last row's (severity rank, score, id) ([`alert_cursor_key`] reads one back).

use async_trait::async_trait;

use crate::StoreError;
use crate::cases::{AlertRow, CaseRow};
use crate::departments::UnitScope;
use crate::pages::{Cursor, DataScope, Paged};

/// Filters on alerts, applied in SQL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlertFilter {
    /// Only this practice (detector id).
    pub practice: Option<String>,
    /// Only this severity.
    pub severity: Option<String>,
    /// Only `open` alerts or those already a `clue`.
    pub status: Option<String>,
    /// Only this merchant view's (`kind|platform|id`).
    pub merchant_key: Option<String>,
}

/// Alerts counted by practice, tier and status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertCount {
    /// Practice (detector id).
    pub practice: String,
    /// `rectification`, `review` or `clue`.
    pub tier: String,
    /// `open` or `clue`.
    pub status: String,
    /// How many.
    pub count: u64,
}

/// Open (not closed, not `not_filed`) clues and cases of one state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseStateCount {
    /// State name.
    pub state: String,
    /// How many are open in it.
    pub open: u64,
    /// Of those, how many have a deadline (phase or dispute) whose last day is before the day
    /// asked about.
    pub overdue: u64,
    /// Of those, how many have a phase deadline whose day could not be computed.
    pub due_unknown: u64,
}

/// One supplier's ingest health: its batches (all of them, not a window), counted in SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestHealth {
    /// The supplier (platform or other data supplier).
    pub supplier: String,
    /// Batches committed (accepted or rejected).
    pub batches: u64,
    /// Of those, rejected whole.
    pub rejected: u64,
    /// Rows accepted over all its batches.
    pub accepted: u64,
    /// Rows quarantined over all its batches.
    pub quarantined: u64,
    /// Rows with warnings over all its batches.
    pub warnings: u64,
    /// The latest batch's receipt time (RFC 3339 as stored).
    pub last_received_at: String,
}

/// The sort key of an alert page's cursor: (severity rank, score, alert id), or `None` if the
/// cursor does not hold one (a cursor the caller made up).
pub fn alert_cursor_key(cursor: &Cursor) -> Option<(i64, f64, String)> {
    let rank = cursor.part(0).ok()?.parse::<i64>().ok()?;
    let score = cursor
        .part(1)
        .ok()?
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite())?;
    let id = cursor.part(2).ok()?.to_string();
    Some((rank, score, id))
}

/// The cursor after `alert`.
pub fn alert_cursor(alert: &AlertRow) -> Cursor {
    // `{:?}` of an f64 reads back to the same value.
    Cursor::of(&[
        &alert.severity_rank.to_string(),
        &format!("{:?}", alert.score),
        &alert.alert_id,
    ])
}

/// Scoped alert lists and overview counts.
#[async_trait]
pub trait ScopedStore: Send + Sync {
    /// Alerts in `scope` matching `filter`, ranked, after the cursor (3 parts; see
    /// [`alert_cursor_key`]).
    async fn alerts_page(
        &self,
        scope: &DataScope,
        filter: &AlertFilter,
        after: Option<&Cursor>,
        limit: u32,
    ) -> Result<Paged<AlertRow>, StoreError>;

    /// Alerts in `scope`, counted by practice, tier and status (in that order).
    async fn alert_counts(&self, scope: &DataScope) -> Result<Vec<AlertCount>, StoreError>;

    /// Ingest health per supplier for the batches in `scope` (a supplier scope reaches only
    /// its own batches), in supplier order.
    async fn ingest_health(&self, scope: &DataScope) -> Result<Vec<IngestHealth>, StoreError>;

    /// Open clues and cases in `scope`, counted by state (in name order), with those overdue on
    /// `overdue_on` (`YYYY-MM-DD`) and those with an unknown due date.
    async fn case_counts(
        &self,
        scope: &UnitScope,
        overdue_on: &str,
    ) -> Result<Vec<CaseStateCount>, StoreError>;

    /// The clues and cases (finished ones too) in `scope` opened from the alerts of one merchant
    /// view, by case id, at most `limit` (with `next` set when more follow).
    async fn merchant_cases(
        &self,
        scope: &UnitScope,
        merchant_key: &str,
        limit: u32,
    ) -> Result<Paged<CaseRow>, StoreError>;
}
