//! The `runs` area of the store: detection runs, newest first, keyset-paged with the caller's
//! scope applied in the store (issue 9: "every query is filtered by the caller's scope in the
//! store layer"). Replaces the server's former read of up to 10,000 runs filtered and paged by
//! offset in the handler, which also hid every run past the 10,000th.
//!
//! A run reads every supplier's data, so it belongs to the unit that owns delivered data and to
//! no supplier: [`DataScope::All`] lists every run, a supplier's scope and
//! [`DataScope::Nothing`] list none (the query is not sent). The cursor is the last row's
//! (`started_at`, `run_id`).

use async_trait::async_trait;

use crate::pages::{Cursor, DataScope, Paged};
use crate::{DetectionRun, StoreError};

/// Paged, scoped detection runs.
#[async_trait]
pub trait RunStore: Send + Sync {
    /// Detection runs in `scope`, newest first (`started_at` descending, then `run_id`), after
    /// the cursor (arity 2), at most `limit`.
    async fn runs_page(
        &self,
        scope: &DataScope,
        after: Option<&Cursor>,
        limit: u32,
    ) -> Result<Paged<DetectionRun>, StoreError>;
}

/// The cursor of a run in [`RunStore::runs_page`].
pub fn run_cursor(run: &DetectionRun) -> Cursor {
    Cursor::of(&[&run.started_at, &run.run_id])
}
