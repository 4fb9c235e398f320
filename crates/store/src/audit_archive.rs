//! The `audit_archive` area of the store: the audit rows of a period, in chain order, for the
//! archive export (`tianping audit export`). The audit log itself is append-only in the database
//! (see [`crate::accounts`]); nothing here changes or removes a row.
//!
//! A period is `[from, to)` over the rows' `at` (UTC text in the log's one fixed format, so text
//! order is time order); rows come in `seq` order, `after_seq` being the last `seq` of the
//! previous page.

use async_trait::async_trait;

use crate::StoreError;
use crate::accounts::AuditRecord;

/// Reads the audit log by period.
#[async_trait]
pub trait AuditArchiveStore: Send + Sync {
    /// Audit rows with `from <= at < to` and `seq > after_seq`, by `seq`, at most `limit`.
    async fn audit_period(
        &self,
        from: &str,
        to: &str,
        after_seq: u64,
        limit: u32,
    ) -> Result<Vec<AuditRecord>, StoreError>;
}
