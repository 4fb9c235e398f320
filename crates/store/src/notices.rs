//! The store area of rectification notices (责令整改通知, `tianping_cases::notice`): a notice
//! issued from an open alert with its first event, each later step (the platform's reply, an
//! officer's acceptance) written with its event in one transaction under an optimistic check of
//! state and version, and the escalation that moves the notice to `escalated` and opens the clue
//! (alert linked, case row, opening event) in the same transaction. Every event appends its
//! evidence-log leaf in the transaction that stores it. `notice_events` is append-only in the
//! database (triggers refuse UPDATE and DELETE, and TRUNCATE on PostgreSQL).
//!
//! At most one notice per alert is open (`issued` or `replied`): a partial unique index.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use tianping_evidence::{Entry, HashAlg};

use crate::cases::{CaseEventRow, CaseRow};
use crate::{NewLeaf, StoreError};

/// A notice as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeRow {
    /// Id.
    pub notice_id: String,
    /// The alert it comes from.
    pub alert_id: String,
    /// The merchant (`kind|platform|id`).
    pub merchant_key: String,
    /// The practice (detector id).
    pub practice: String,
    /// The platform it goes through (a platform account sees only its own).
    pub platform: String,
    /// Issuing department.
    pub department: String,
    /// Issuing region.
    pub region: String,
    /// `issued`, `replied`, `accepted` or `escalated`.
    pub state: String,
    /// The deadline's last day (`YYYY-MM-DD`), when known.
    pub due_date: Option<String>,
    /// Whether the last day could not be computed (calendar not covering the period).
    pub due_unknown: bool,
    /// Sequence number of its last event.
    pub version: i64,
    /// When it was issued.
    pub issued_at_ms: i64,
    /// Time of its last event.
    pub updated_at_ms: i64,
    /// The clue it escalated to.
    pub case_id: Option<String>,
    /// The notice as JSON.
    pub body: String,
}

/// One event of a notice, as stored (append-only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeEventRow {
    /// The notice.
    pub notice_id: String,
    /// 1, 2, 3…
    pub seq: i64,
    /// Actor's account id.
    pub actor: String,
    /// Actor's role.
    pub role: String,
    /// Action name.
    pub action: String,
    /// State before (none for the issuing event).
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

/// Outcome of [`NoticeStore::issue_notice`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueOutcome {
    /// The notice and its first event are stored.
    Issued,
    /// No such alert, or it already became a clue.
    NoOpenAlert,
    /// The alert already has an open notice.
    AlreadyOpen {
        /// That notice.
        notice_id: String,
    },
}

/// Outcome of [`NoticeStore::apply_notice_step`] and [`NoticeStore::escalate_notice`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeStepOutcome {
    /// Stored.
    Applied,
    /// Someone else moved the notice first: nothing was written.
    Conflict {
        /// The state now stored.
        state: String,
        /// The version now stored.
        version: i64,
    },
    /// No such notice.
    NoNotice,
    /// (Escalation) the alert already has a clue: nothing was written.
    AlertTaken {
        /// Its clue or case, when known.
        case_id: Option<String>,
    },
}

/// Which notices a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoticeFilter {
    /// Only this platform's (a platform account is always limited to its own).
    pub platform: Option<String>,
    /// Only this department's.
    pub department: Option<String>,
    /// Only this region's.
    pub region: Option<String>,
    /// Only unanswered ones whose last day is before this date (`YYYY-MM-DD`).
    pub overdue_on: Option<String>,
    /// Only open ones whose last day could not be computed.
    pub due_unknown: bool,
    /// Include accepted and escalated ones.
    pub include_finished: bool,
}

/// The notices area of the store.
#[async_trait]
pub trait NoticeStore: Send + Sync {
    /// Stores a new notice and its first event, in one transaction, if its alert is open (not a
    /// clue) and has no open notice.
    async fn issue_notice(
        &self,
        notice: &NoticeRow,
        event: &NoticeEventRow,
    ) -> Result<IssueOutcome, StoreError>;

    /// Stores a step (reply, acceptance): the notice's new row and its event, in one
    /// transaction, only if the stored notice still has `expected_state` at `expected_version`.
    async fn apply_notice_step(
        &self,
        expected_state: &str,
        expected_version: i64,
        notice: &NoticeRow,
        event: &NoticeEventRow,
    ) -> Result<NoticeStepOutcome, StoreError>;

    /// Escalates: the notice's step as in [`NoticeStore::apply_notice_step`] and the clue as in
    /// `CaseStore::create_clue` (alert linked, case row, opening event), all in one transaction.
    async fn escalate_notice(
        &self,
        expected_state: &str,
        expected_version: i64,
        notice: &NoticeRow,
        event: &NoticeEventRow,
        clue: &CaseRow,
        opening: &CaseEventRow,
    ) -> Result<NoticeStepOutcome, StoreError>;

    /// One notice.
    async fn notice(&self, notice_id: &str) -> Result<Option<NoticeRow>, StoreError>;

    /// Notices: earliest due first, unknown due dates last, then by id.
    async fn notices(&self, filter: &NoticeFilter) -> Result<Vec<NoticeRow>, StoreError>;

    /// A notice's events in order.
    async fn notice_events(&self, notice_id: &str) -> Result<Vec<NoticeEventRow>, StoreError>;
}

/// The `CaseRecord` entry a notice event is logged as (the notice id in `case_id`), referenced
/// as `notice:<id>`.
pub fn notice_leaf(event: &NoticeEventRow) -> Result<NewLeaf, StoreError> {
    let entry = Entry::CaseRecord {
        case_id: event.notice_id.clone(),
        seq: u64::try_from(event.seq)
            .map_err(|_| StoreError::Decode(format!("notice event seq {}", event.seq)))?,
        actor: event.actor.clone(),
        role: event.role.clone(),
        action: event.action.clone(),
        from_state: event.from_state.clone().unwrap_or_default(),
        to_state: event.to_state.clone(),
        reason: event.reason.clone(),
        at_ms: event.at_ms,
        event_sha256: HashAlg::Sha256.digest(event.body.as_bytes()),
    };
    NewLeaf::from_entry(format!("notice:{}", event.notice_id), &entry)
}
