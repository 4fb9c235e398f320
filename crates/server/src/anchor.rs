//! The audit anchoring schedule of a server process (helper `loop`): one task started by
//! `serve_on` that anchors the audit chain's head in the evidence log
//! (`tianping_service::audit_anchor::anchor_audit`) when it starts and then every
//! `audit_anchor_interval` of the server's clock (`AppState::clock`: tests advance a
//! `ManualClock`). The task looks at the clock every `POLL`; the decision is
//! `AnchorSchedule::due`, which reads no clock. A chain that no longer verifies is not anchored
//! (that would attest the tampering): the refusal is logged as an error and retried an interval
//! later.

use std::time::Duration;

use tianping_service::audit_anchor::{AnchorSchedule, anchor_audit};

use crate::state::AppState;

/// How often the task looks at the server's clock.
const POLL: Duration = Duration::from_millis(250);
/// The actor recorded with scheduled anchors.
pub const ACTOR: &str = "system:audit-anchor";

/// Starts the task; abort the handle to stop it.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    let interval_ms =
        i64::try_from(state.config.audit_anchor_interval.as_millis()).unwrap_or(i64::MAX);
    tokio::spawn(async move {
        let mut schedule = AnchorSchedule::every(interval_ms);
        loop {
            let now_ms = state.clock.now().timestamp_millis();
            if schedule.due(now_ms) {
                match anchor_audit(state.store.as_ref(), ACTOR, now_ms).await {
                    Ok(a) => {
                        if let Some(leaf) = a.leaf {
                            tracing::info!(seq = a.seq, leaf, "audit head anchored");
                        }
                    }
                    Err(e) => {
                        tracing::error!(error = %crate::reqlog::safe(&e), "audit head not anchored")
                    }
                }
                schedule.done(now_ms);
            }
            tokio::time::sleep(POLL).await;
        }
    })
}
