//! The `audit_archive` story over both stores: the audit rows of a period exported with their
//! chain hashes (`tianping_service::audit_archive`), verified offline; adjacent periods chain
//! together; the archive ends in the live log's stored hash; every edit, removal, reordering or
//! truncation of an archive is found, naming the line; a period whose rows are not consecutive
//! (the clock went back) is refused; and the application's own connection can remove no audit row
//! at all — no pruning, whatever the retention.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use tianping_service::audit_archive::{ArchiveError, ArchiveHeader, export, verify};
use tianping_service::audit_retention::AuditRetention;
use tianping_store::accounts::AuditEvent;
use tianping_store::{AccountStore, Store};
use tianping_store_tests::{assert_refused, fresh_postgres};

fn event(i: usize, at: &str) -> AuditEvent {
    AuditEvent {
        at: at.into(),
        actor: format!("u-{}", i % 3),
        action: if i.is_multiple_of(4) {
            "unmask_quarantine"
        } else {
            "login"
        }
        .into(),
        target: format!("batch:tmall/b{i}"),
        outcome: "success".into(),
        detail: serde_json::json!({ "i": i }).to_string(),
        source: "127.0.0.1".into(),
    }
}

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

async fn archive(store: &dyn Store, from: &str, to: &str) -> (ArchiveHeader, Vec<u8>) {
    let mut out = Vec::new();
    let header = export(
        store,
        utc(from),
        utc(to),
        AuditRetention::default(),
        &mut out,
    )
    .await
    .unwrap();
    (header, out)
}

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8(bytes.to_vec())
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

fn joined(lines: &[String]) -> Vec<u8> {
    lines
        .iter()
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        .into_bytes()
}

/// The line an archive fails at.
fn failing_line(bytes: &[u8]) -> u64 {
    match verify(&mut &bytes[..]) {
        Err(ArchiveError::Invalid { line, .. }) => line,
        other => panic!("expected a failing line, got {other:?}"),
    }
}

async fn story(store: Arc<dyn Store>) {
    // 60 rows: 20 each in January, February and March 2026 (UTC).
    for i in 0..60 {
        let at = format!("2026-{:02}-{:02}T02:00:00.000000Z", 1 + i / 20, 1 + i % 20);
        store.append_audit(&event(i, &at)).await.unwrap();
    }
    let (jan, jan_bytes) = archive(
        store.as_ref(),
        "2026-01-01T00:00:00Z",
        "2026-02-01T00:00:00Z",
    )
    .await;
    assert_eq!(
        (jan.rows, jan.first_seq, jan.last_seq),
        (20, Some(1), Some(20))
    );
    assert_eq!(
        jan.prev_hash.as_deref(),
        Some(tianping_store::accounts::GENESIS_HASH)
    );
    assert_eq!(verify(&mut &jan_bytes[..]).unwrap(), jan);
    // Kept until the period's end plus the longest retention (3 years for personal records).
    assert_eq!(jan.kept_until, "2029-02-01");
    let (feb_mar, fm_bytes) = archive(
        store.as_ref(),
        "2026-02-01T00:00:00Z",
        "2026-04-01T00:00:00Z",
    )
    .await;
    assert_eq!(
        (feb_mar.rows, feb_mar.first_seq, feb_mar.last_seq),
        (40, Some(21), Some(60))
    );
    verify(&mut &fm_bytes[..]).unwrap();
    // Adjacent archives chain: February's first row links to January's last.
    assert_eq!(feb_mar.prev_hash, jan.last_row_hash);
    // The archive ends in the live log's stored hash of its last row (which anchors cover).
    let live = store.audit_events(1, Some(61)).await.unwrap();
    assert_eq!(Some(live[0].row_hash.clone()), feb_mar.last_row_hash);
    // A bound mid-month and an empty period.
    let (mid, _) = archive(
        store.as_ref(),
        "2026-01-05T02:00:00Z",
        "2026-01-07T02:00:00Z",
    )
    .await;
    assert_eq!(
        (mid.rows, mid.first_seq, mid.last_seq),
        (2, Some(5), Some(6))
    );
    let (empty, empty_bytes) = archive(
        store.as_ref(),
        "2025-01-01T00:00:00Z",
        "2025-06-01T00:00:00Z",
    )
    .await;
    assert_eq!(
        (empty.rows, empty.first_seq, empty.last_row_hash),
        (0, None, None)
    );
    verify(&mut &empty_bytes[..]).unwrap();
    // A period that ends before it starts is the caller's error.
    let mut sink = Vec::new();
    let e = export(
        store.as_ref(),
        utc("2026-02-01T00:00:00Z"),
        utc("2026-01-01T00:00:00Z"),
        AuditRetention::default(),
        &mut sink,
    )
    .await
    .unwrap_err();
    assert!(matches!(e, ArchiveError::Period(..)), "{e}");

    // Tampering with the archive: each found, at the line named.
    let good = lines(&jan_bytes);
    assert_eq!(good.len(), 21);
    let mut edited = good.clone();
    edited[5] = edited[5].replace("\"outcome\":\"success\"", "\"outcome\":\"failure\"");
    assert_ne!(edited[5], good[5]);
    assert_eq!(failing_line(&joined(&edited)), 6, "an edited row");
    let mut removed = good.clone();
    removed.remove(10);
    assert_eq!(failing_line(&joined(&removed)), 11, "a removed row");
    let mut swapped = good.clone();
    swapped.swap(3, 4);
    assert_eq!(failing_line(&joined(&swapped)), 4, "reordered rows");
    let truncated = good[..good.len() - 1].to_vec();
    assert_eq!(
        failing_line(&joined(&truncated)),
        21,
        "the last row cut off"
    );
    let mut relinked = good.clone();
    // An edited row whose own hash is recomputed no longer links to the next one.
    let mut row: tianping_store::accounts::AuditRecord =
        serde_json::from_str(&relinked[7]).unwrap();
    row.event.actor = "someone-else".into();
    row.row_hash = row.event.chain_hash(row.seq, &row.prev_hash);
    relinked[7] = serde_json::to_string(&row).unwrap();
    assert_eq!(failing_line(&joined(&relinked)), 9, "a re-hashed row");
    let mut moved = good.clone();
    moved[0] = moved[0].replace("2026-02-01T00:00:00", "2026-01-10T00:00:00");
    assert_eq!(failing_line(&joined(&moved)), 11, "a narrowed period");
}

/// The application cannot prune: its own connection's DELETE and TRUNCATE on `audit_log` fail.
async fn no_pruning_sqlite(path: &std::path::Path) {
    assert_refused(
        &format!("sqlite:{}", path.display()),
        &[
            "DELETE FROM audit_log WHERE at < '2026-02-01T00:00:00.000000Z'",
            "DELETE FROM audit_log",
        ],
        "append-only",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn audit_archive_story_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let store = tianping_store_sqlite::SqliteStore::open(&path)
        .await
        .unwrap();
    story(Arc::new(store.clone())).await;
    store.close().await;
    no_pruning_sqlite(&path).await;
    let store = tianping_store_sqlite::SqliteStore::open(&path)
        .await
        .unwrap();
    assert_eq!(store.verify_audit_chain().await.unwrap().rows, 60);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_period_whose_rows_are_not_consecutive_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = tianping_store_sqlite::SqliteStore::open(&dir.path().join("t.db"))
        .await
        .unwrap();
    // The clock went back between rows 2 and 3.
    for (i, at) in [
        "2026-01-01T00:00:00.000000Z",
        "2026-03-01T00:00:00.000000Z",
        "2026-01-02T00:00:00.000000Z",
    ]
    .into_iter()
    .enumerate()
    {
        store.append_audit(&event(i, at)).await.unwrap();
    }
    let mut out = Vec::new();
    let e = export(
        &store,
        utc("2026-01-01T00:00:00Z"),
        utc("2026-02-01T00:00:00Z"),
        AuditRetention::default(),
        &mut out,
    )
    .await
    .unwrap_err();
    assert!(matches!(e, ArchiveError::NotConsecutive(1, 3)), "{e}");
    // Widened to cover row 2, the period exports.
    export(
        &store,
        utc("2026-01-01T00:00:00Z"),
        utc("2026-04-01T00:00:00Z"),
        AuditRetention::default(),
        &mut out,
    )
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn audit_archive_story_on_postgres() {
    let Some(url) = fresh_postgres().await else {
        return;
    };
    let store = tianping_store_postgres::PostgresStore::open(&url)
        .await
        .unwrap();
    story(Arc::new(store.clone())).await;
    store.close().await;
    assert_refused(
        &url,
        &[
            "DELETE FROM audit_log WHERE at < '2026-02-01T00:00:00.000000Z'",
            "DELETE FROM audit_log",
            "TRUNCATE audit_log",
        ],
        "append-only",
    )
    .await;
}
