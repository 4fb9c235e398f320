//! The stream worker: one task per server process that brings the streamed `fake_orders` state
//! (`tianping_service::stream`) up to date — first at start (a rebuild from the stored orders),
//! then each time a push is acknowledged (`routes::push` wakes it). Pushes that arrive during an
//! update are caught by the next one (a wake-up is kept while the worker is busy), so the
//! worker never falls behind by more than one update, and a push is answered without waiting
//! for the peel.
//!
//! The clock is read here, at the edge: the update's `as_of` is the server's time when it runs
//! (at or after the acknowledgement of the batches it reads).

use std::time::Duration;

use chrono::SecondsFormat;

use crate::state::AppState;

/// How long the worker waits before retrying a failed update when no push wakes it.
const RETRY: Duration = Duration::from_secs(5);

/// Starts the worker; it runs until aborted.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let now = state.clock.now();
            let as_of = now
                .with_timezone(&tianping_service::clock::china_standard_time())
                .to_rfc3339_opts(SecondsFormat::Millis, false);
            let started_at = crate::clock::stored(now);
            let failed = match state.stream.update(&as_of, &started_at).await {
                Ok(u) => {
                    if !u.findings.is_empty() {
                        tracing::info!(
                            findings = u.findings.len(),
                            new = u.summary.new,
                            run_id = u.run_id.as_deref().unwrap_or(""),
                            "streamed fake_orders findings stored"
                        );
                    }
                    tracing::debug!(
                        rebuilt = u.rebuilt,
                        parts = u.parts,
                        rows = u.rows,
                        edges = u.edges,
                        "stream updated"
                    );
                    false
                }
                Err(e) => {
                    tracing::error!(error = %crate::reqlog::safe(&e), "stream update failed; rebuilt from the lake next time");
                    true
                }
            };
            if failed {
                tokio::select! {
                    _ = state.stream_wake.notified() => {}
                    _ = tokio::time::sleep(RETRY) => {}
                }
            } else {
                state.stream_wake.notified().await;
            }
        }
    })
}
