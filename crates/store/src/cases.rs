//! The store area of alerts, clues and cases (`tianping-cases`): alerts upserted from findings,
//! clues created from alerts, state transitions written with their event in one transaction under
//! an optimistic check of the current state and version, deadline queues filtered by department
//! and region, and each case's append-only event history (the database refuses updates and
//! deletes of `case_events`).
//!
//! Rows carry the domain values as JSON (`body`) next to the columns they are queried by; the
//! domain crate computes states and deadlines, the store only keeps them consistent.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::StoreError;

/// An alert as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlertRow {
    /// Stable id (subject and practice).
    pub alert_id: String,
    /// The merchant view it belongs to (`kind|platform|id`).
    pub merchant_key: String,
    /// Subject kind.
    pub subject_kind: String,
    /// Subject platform.
    pub subject_platform: Option<String>,
    /// Subject id.
    pub subject_id: String,
    /// Practice (detector id).
    pub practice: String,
    /// `low` … `critical`.
    pub severity: String,
    /// 0 (low) … 3 (critical), for ranking.
    pub severity_rank: i64,
    /// Highest score of its findings.
    pub score: f64,
    /// `rectification`, `review` or `clue`.
    pub tier: String,
    /// JSON list of its finding ids.
    pub finding_ids: String,
    /// The alert as JSON.
    pub body: String,
    /// `open`, or `clue` once a clue was created from it.
    pub status: String,
    /// The clue or case created from it.
    pub case_id: Option<String>,
    /// When it was first stored (ms since the epoch).
    pub first_seen_ms: i64,
    /// When it was last updated.
    pub updated_at_ms: i64,
    /// Where it is (属地管辖, migration 0016): the region all its findings were placed in, or
    /// `None` (the data owner's) when they have none or differ. Updated on every refresh.
    pub region: Option<String>,
}

/// A clue or case as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRow {
    /// Id.
    pub case_id: String,
    /// The alert it came from.
    pub alert_id: String,
    /// State name (`assigned` … `closed`).
    pub state: String,
    /// Department in charge.
    pub department: String,
    /// Region in charge.
    pub region: String,
    /// Kind of the current phase deadline.
    pub deadline_kind: Option<String>,
    /// Its last day (`YYYY-MM-DD`), when known.
    pub due_date: Option<String>,
    /// Whether there is a phase deadline whose last day could not be computed.
    pub due_unknown: bool,
    /// The last day of an open jurisdiction dispute.
    pub dispute_due: Option<String>,
    /// Sequence number of its last event.
    pub version: i64,
    /// Time of the opening event.
    pub opened_at_ms: i64,
    /// Time of the last event.
    pub updated_at_ms: i64,
    /// The case as JSON.
    pub body: String,
}

/// One event of a case, as stored (append-only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseEventRow {
    /// The case.
    pub case_id: String,
    /// 1, 2, 3…
    pub seq: i64,
    /// Actor's account id.
    pub actor: String,
    /// Actor's role.
    pub role: String,
    /// Action name.
    pub action: String,
    /// State before (none for the opening event).
    pub from_state: Option<String>,
    /// State after.
    pub to_state: String,
    /// Reason given.
    pub reason: String,
    /// ms since the epoch, UTC.
    pub at_ms: i64,
    /// The event as JSON.
    pub body: String,
}

/// What upserting alerts did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlertSummary {
    /// Alerts never stored before.
    pub new: u64,
    /// Alerts stored before (their figures and body are updated).
    pub updated: u64,
}

/// Outcome of [`CaseStore::create_clue`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClueOutcome {
    /// The clue and its opening event are stored; the alert points to it.
    Created,
    /// No such alert.
    NoAlert,
    /// The alert already has a clue.
    AlreadyClue {
        /// The existing clue or case.
        case_id: String,
    },
}

/// Outcome of [`CaseStore::apply_transition`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransitionOutcome {
    /// State and event are stored.
    Applied,
    /// Someone else moved the case first: nothing was written.
    Conflict {
        /// The state now stored.
        state: String,
        /// The version now stored.
        version: i64,
    },
    /// No such case.
    NoCase,
}

/// Which clues and cases a queue shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueFilter {
    /// Only this department.
    pub department: Option<String>,
    /// Only this region.
    pub region: Option<String>,
    /// Only those with a deadline (phase or dispute) whose last day is before this date.
    pub overdue_on: Option<String>,
    /// Only those with a phase deadline whose day could not be computed.
    pub due_unknown: bool,
    /// Include closed and not-filed ones.
    pub include_finished: bool,
}

/// The cases area of the store.
#[async_trait]
pub trait CaseStore: Send + Sync {
    /// Inserts or updates alerts by id (status and case link are kept), in one transaction.
    async fn upsert_alerts(&self, alerts: &[AlertRow]) -> Result<AlertSummary, StoreError>;

    /// Alerts, ranked (severity, score, id); all, or one merchant's.
    async fn alerts(&self, merchant_key: Option<&str>) -> Result<Vec<AlertRow>, StoreError>;

    /// Creates a clue from an open alert with its opening event, in one transaction.
    async fn create_clue(
        &self,
        clue: &CaseRow,
        opening: &CaseEventRow,
    ) -> Result<ClueOutcome, StoreError>;

    /// Stores a transition: the case's new row and its event, in one transaction, only if the
    /// stored case still has `expected_state` at `expected_version`.
    async fn apply_transition(
        &self,
        expected_state: &str,
        expected_version: i64,
        case: &CaseRow,
        event: &CaseEventRow,
    ) -> Result<TransitionOutcome, StoreError>;

    /// One clue or case.
    async fn case(&self, case_id: &str) -> Result<Option<CaseRow>, StoreError>;

    /// A queue: earliest due first, unknown due dates last, then by id.
    async fn case_queue(&self, filter: &QueueFilter) -> Result<Vec<CaseRow>, StoreError>;

    /// A case's events in order.
    async fn case_events(&self, case_id: &str) -> Result<Vec<CaseEventRow>, StoreError>;
}
