//! The server anchors the audit chain's head in the evidence log on a schedule of its own clock
//! (helper `loop`): once when it starts, then every `audit_anchor_minutes` (here 15) of the
//! `ManualClock` — not before — with the clock's time recorded in the anchor.

use std::time::Duration;

use tianping_evidence::Entry;
use tianping_store::accounts::AuditEvent;

use crate::support::{Harness, NowUtc};

/// The anchors in the evidence log: (row covered, captured at ms).
async fn anchors(h: &Harness) -> Vec<(u64, i64)> {
    let store = h.store();
    let size = store.evidence_size().await.unwrap();
    store
        .evidence_leaves(0, size)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|l| {
            let seq = l.reference.strip_prefix("audit-head:")?.parse().ok()?;
            match Entry::decode(&l.data).ok()? {
                Entry::File {
                    captured_at_ms,
                    captured_by,
                    ..
                } => {
                    assert_eq!(captured_by, tianping_server::anchor::ACTOR);
                    Some((seq, captured_at_ms))
                }
                _ => None,
            }
        })
        .collect()
}

async fn wait_for(h: &Harness, n: usize) -> Vec<(u64, i64)> {
    for _ in 0..80 {
        let a = anchors(h).await;
        if a.len() >= n {
            return a;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    anchors(h).await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_audit_head_is_anchored_on_the_servers_clock() {
    let h = Harness::new().await;
    assert_eq!(
        h.state.config.audit_anchor_interval,
        Duration::from_secs(15 * 60)
    );
    let row = |n: u32| AuditEvent {
        at: format!("2026-03-02T02:0{n}:00Z"),
        actor: "u-admin".into(),
        action: "create_user".into(),
        target: format!("user:{n}"),
        outcome: "success".into(),
        detail: "{}".into(),
        source: "127.0.0.1".into(),
    };
    h.store().append_audit(&row(1)).await.unwrap();
    let rows = h.store().verify_audit_chain().await.unwrap().rows;
    assert!(rows > 0, "the audit log holds rows");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(tianping_server::serve_on(
        listener,
        h.state.clone(),
        async {
            let _ = stopped.await;
        },
    ));

    // At start: the head as it is.
    let start = h.clock.now_utc().timestamp_millis();
    let first = wait_for(&h, 1).await;
    assert_eq!(first, vec![(rows, start)]);

    // A new audit row; 14 minutes later nothing new is anchored, at 15 it is.
    h.store().append_audit(&row(5)).await.unwrap();
    h.clock.advance(chrono::Duration::minutes(14));
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(anchors(&h).await.len(), 1, "not due before the interval");
    h.clock.advance(chrono::Duration::minutes(1));
    let later = h.clock.now_utc().timestamp_millis();
    let second = wait_for(&h, 2).await;
    assert_eq!(second, vec![(rows, start), (rows + 1, later)]);

    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    // The anchors check against the rows as stored.
    let (ok, failures) = tianping_service::audit_anchor::verify_anchors(h.store().as_ref())
        .await
        .unwrap();
    assert_eq!((ok, failures.len()), (2, 0));
}
