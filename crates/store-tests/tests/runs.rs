//! The `runs` story over both stores: detection runs listed newest first by keyset pages with the
//! scope applied in the store — every run exactly once across pages (ties on `started_at` broken
//! by id), nothing for a supplier's or an empty scope, more runs than the server's former
//! 10,000-row read still reachable, and a page that does not shift when newer runs are added.

use std::sync::Arc;

use tianping_store::pages::{Cursor, DataScope};
use tianping_store::{DetectionRun, Store};
use tianping_store_tests::fresh_postgres;

fn run(id: &str, started_at: &str) -> DetectionRun {
    DetectionRun {
        run_id: id.into(),
        as_of: "2026-03-02T00:00:00+08:00".into(),
        started_at: started_at.into(),
        detectors: "[]".into(),
        params: "{}".into(),
        params_sha256: "0".repeat(64),
        data_sha256: "0".repeat(64),
        findings: 0,
        new_findings: 0,
    }
}

/// Every run id in `scope`, page by page.
async fn all_pages(store: &dyn Store, scope: &DataScope, limit: u32) -> Vec<String> {
    let mut out = Vec::new();
    let mut after: Option<Cursor> = None;
    for _ in 0..100_000 {
        let page = store.runs_page(scope, after.as_ref(), limit).await.unwrap();
        assert!(page.items.len() <= limit as usize);
        out.extend(page.items.iter().map(|r| r.run_id.clone()));
        match page.next {
            Some(next) => after = Some(Cursor::parse(&next, 2).expect("a cursor we issued")),
            None => return out,
        }
    }
    panic!("paging did not end");
}

async fn story(store: Arc<dyn Store>) {
    // Seven runs; three share a start time (ties are ordered by run id).
    let starts = [
        ("r-a", "2026-03-01T01:00:00.000+08:00"),
        ("r-b", "2026-03-03T01:00:00.000+08:00"),
        ("r-c", "2026-03-02T01:00:00.000+08:00"),
        ("r-e", "2026-03-02T01:00:00.000+08:00"),
        ("r-d", "2026-03-02T01:00:00.000+08:00"),
        ("r-f", "2026-02-28T01:00:00.000+08:00"),
        ("r-g", "2026-03-04T01:00:00.000+08:00"),
    ];
    for (id, at) in starts {
        store
            .save_detection(&run(id, at), &[], &[], &[])
            .await
            .unwrap();
    }
    let expected = ["r-g", "r-b", "r-c", "r-d", "r-e", "r-a", "r-f"];
    for limit in [1, 2, 3, 7, 200] {
        assert_eq!(
            all_pages(store.as_ref(), &DataScope::All, limit).await,
            expected,
            "limit {limit}"
        );
    }
    // The order is the store's other list's order too.
    let plain: Vec<String> = store
        .detection_runs(100)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.run_id)
        .collect();
    assert_eq!(plain, expected);
    // A run reads every supplier's data: no supplier, and no empty scope, lists any.
    for scope in [DataScope::Supplier("tmall".into()), DataScope::Nothing] {
        let page = store.runs_page(&scope, None, 200).await.unwrap();
        assert!(page.items.is_empty() && page.next.is_none(), "{scope:?}");
    }
    // A page taken after a cursor is the same after newer runs are added.
    let first = store.runs_page(&DataScope::All, None, 3).await.unwrap();
    let cursor = Cursor::parse(first.next.as_deref().unwrap(), 2).unwrap();
    let before: Vec<String> = store
        .runs_page(&DataScope::All, Some(&cursor), 3)
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|r| r.run_id)
        .collect();
    assert_eq!(before, ["r-d", "r-e", "r-a"]);
    store
        .save_detection(&run("r-h", "2026-03-05T01:00:00.000+08:00"), &[], &[], &[])
        .await
        .unwrap();
    let after: Vec<String> = store
        .runs_page(&DataScope::All, Some(&cursor), 3)
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|r| r.run_id)
        .collect();
    assert_eq!(after, before);
    // The whole row comes back as stored.
    let newest = &store
        .runs_page(&DataScope::All, None, 1)
        .await
        .unwrap()
        .items[0];
    assert_eq!(newest, &run("r-h", "2026-03-05T01:00:00.000+08:00"));
}

/// More runs than the handler used to read (10,000) are all reachable by paging (inserted in one
/// transaction straight into the SQLite file, for speed).
async fn many(path: &std::path::Path, n: usize) {
    let pool = sqlx::SqlitePool::connect(&format!("sqlite:{}", path.display()))
        .await
        .unwrap();
    let mut tx = pool.begin().await.unwrap();
    for i in 0..n {
        sqlx::query(
            "INSERT INTO detection_runs (run_id, as_of, started_at, detectors, params, params_sha256, data_sha256, findings, new_findings)
             VALUES ($1, '2026-01-01T00:00:00+08:00', $2, '[]', '{}', '', '', 0, 0)",
        )
        .bind(format!("m{i:06}"))
        .bind(format!("2026-01-01T00:00:00.{i:06}+08:00"))
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    pool.close().await;
    let store = tianping_store_sqlite::SqliteStore::open(path)
        .await
        .unwrap();
    let all = all_pages(&store, &DataScope::All, 200).await;
    assert_eq!(all.len(), n);
    assert_eq!(all.first().cloned(), Some(format!("m{:06}", n - 1)));
    assert_eq!(all.last().map(String::as_str), Some("m000000"));
}

#[tokio::test(flavor = "multi_thread")]
async fn runs_story_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let store = tianping_store_sqlite::SqliteStore::open(&dir.path().join("t.db"))
        .await
        .unwrap();
    story(Arc::new(store)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn more_runs_than_the_former_scan_cap_are_reachable_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let store = tianping_store_sqlite::SqliteStore::open(&dir.path().join("t.db"))
        .await
        .unwrap();
    store.close().await;
    many(&dir.path().join("t.db"), 10_050).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn runs_story_on_postgres() {
    let Some(url) = fresh_postgres().await else {
        return;
    };
    let store = tianping_store_postgres::PostgresStore::open(&url)
        .await
        .unwrap();
    story(Arc::new(store.clone())).await;
    store.close().await;
}
