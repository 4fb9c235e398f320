//! One story over both stores: deliveries, quarantine, commit, duplicate, interrupted delivery,
//! garbage collection, rejection, and durability settings.

use std::sync::Arc;

use tianping_ingest::{BatchStatus, FileReceipt, FileStatus, QuarantinedRow, Receipt, RowWarning};
use tianping_store::{CommitOutcome, LakeFile, NewDelivery, Store};
use tianping_store_tests::fresh_postgres;

/// A batch digest (64 hex digits, as ingest writes them) derived from the batch id.
fn digest(batch: &str) -> String {
    let hex: String = batch.bytes().map(|b| format!("{b:02x}")).collect();
    format!("{hex:0<64}")[..64].to_string()
}

fn delivery(id: &str, batch: &str) -> NewDelivery {
    NewDelivery {
        delivery_id: id.into(),
        supplier: Some("tmall".into()),
        batch_id: Some(batch.into()),
        batch_digest: Some(digest(batch)),
        delivery_sha256: None,
        received_at: format!("2026-03-02T0{}:00:00.000+08:00", id.len() % 10),
    }
}

fn receipt(batch: &str, status: BatchStatus, accepted: u64, quarantined: u64) -> Receipt {
    Receipt {
        batch_id: Some(batch.into()),
        supplier: Some("tmall".into()),
        status,
        accepted,
        quarantined,
        warnings: 1,
        received_at: "2026-03-02T02:00:00.000+08:00".into(),
        files: vec![FileReceipt {
            table: "orders".into(),
            path: "orders.csv".into(),
            status: if status == BatchStatus::Accepted {
                FileStatus::Accepted
            } else {
                FileStatus::Rejected
            },
            rows: accepted + quarantined,
            accepted,
            quarantined,
            warnings: 1,
            reason: None,
            reason_en: None,
            ignored_columns: vec![],
        }],
        reason: None,
        reason_en: None,
        batch_digest: Some(digest(batch)),
        original_received_at: None,
    }
}

fn bad_row(record: u64) -> QuarantinedRow {
    QuarantinedRow {
        file: "orders.csv".into(),
        table: "orders".into(),
        record,
        line: Some(record + 1),
        field: Some("quantity".into()),
        value: Some("0".into()),
        rule: "below_minimum".into(),
        message: "字段 quantity：数值低于下限".into(),
        message_en: "field quantity: value below the minimum".into(),
        raw: vec![b'a', 0xff, b'\n', record as u8],
        personal: false,
    }
}

fn warning(record: u64) -> RowWarning {
    RowWarning {
        file: "orders.csv".into(),
        table: "orders".into(),
        record,
        line: None,
        field: "uscc".into(),
        value: "91350203M0001QAY9B".into(),
        rule: "uscc_checksum".into(),
        message: "校验位".into(),
        message_en: "check".into(),
    }
}

async fn story(store: Arc<dyn Store>) {
    let backend = store.backend();
    // Durability is what we require.
    let durability = store.durability().await.unwrap();
    let get = |name: &str| {
        durability
            .settings
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    match backend {
        "sqlite" => {
            assert_eq!(get("journal_mode").as_deref(), Some("wal"));
            assert_eq!(get("synchronous").as_deref(), Some("2"));
        }
        _ => {
            assert_eq!(get("fsync").as_deref(), Some("on"));
            assert_eq!(get("synchronous_commit").as_deref(), Some("on"));
            assert_eq!(get("full_page_writes").as_deref(), Some("on"));
        }
    }

    // A delivery with quarantine written in two chunks, then committed.
    store.begin_delivery(&delivery("d1", "b1")).await.unwrap();
    store
        .add_issues("d1", &[bad_row(2), bad_row(5)], &[warning(3)])
        .await
        .unwrap();
    store.add_issues("d1", &[bad_row(9)], &[]).await.unwrap();
    assert!(
        store.find_batch("tmall", "b1").await.unwrap().is_none(),
        "not visible before commit"
    );
    assert!(
        store
            .quarantine("tmall", "b1", 10, 0)
            .await
            .unwrap()
            .is_empty()
    );
    let part = LakeFile {
        path: "orders/supplier=tmall/batch=b1/part-0000-x.parquet".into(),
        table: "orders".into(),
        supplier: "tmall".into(),
        batch_id: "b1".into(),
        rows: 7,
        bytes: 1234,
    };
    let accepted = receipt("b1", BatchStatus::Accepted, 7, 3);
    assert_eq!(
        store
            .commit_batch("d1", &accepted, std::slice::from_ref(&part))
            .await
            .unwrap(),
        CommitOutcome::Committed
    );
    let batch = store.find_batch("tmall", "b1").await.unwrap().unwrap();
    assert_eq!(
        (batch.status, batch.receipt.clone()),
        (BatchStatus::Accepted, accepted.clone())
    );
    assert_eq!(store.lake_files(None).await.unwrap(), vec![part.clone()]);
    assert_eq!(store.lake_files(Some("orders")).await.unwrap().len(), 1);
    assert!(store.lake_files(Some("reviews")).await.unwrap().is_empty());
    let q = store.quarantine("tmall", "b1", 10, 0).await.unwrap();
    assert_eq!(
        q,
        vec![bad_row(2), bad_row(5), bad_row(9)],
        "{backend}: rows back byte for byte, in order"
    );
    assert_eq!(
        store.quarantine("tmall", "b1", 1, 1).await.unwrap(),
        vec![bad_row(5)],
        "paging"
    );
    assert_eq!(
        store.warnings("tmall", "b1", 10, 0).await.unwrap(),
        vec![warning(3)]
    );

    // A concurrent second delivery of the same batch cannot replace it.
    store.begin_delivery(&delivery("d2", "b1")).await.unwrap();
    match store.commit_batch("d2", &accepted, &[]).await.unwrap() {
        CommitOutcome::AlreadyAccepted(existing) => assert_eq!(existing.delivery_id, "d1"),
        other => panic!("{backend}: expected AlreadyAccepted, got {other:?}"),
    }
    let mut dup = accepted.clone();
    dup.status = BatchStatus::Duplicate;
    store.finish_delivery("d2", &dup).await.unwrap();

    // An interrupted delivery leaves garbage that recovery removes without touching b1.
    store.begin_delivery(&delivery("d3", "b2")).await.unwrap();
    store
        .add_issues("d3", &[bad_row(1)], &[warning(1)])
        .await
        .unwrap();
    let garbage = store.collect_garbage().await.unwrap();
    assert_eq!(
        (garbage.interrupted_deliveries, garbage.issue_rows),
        (1, 2),
        "{backend}"
    );
    assert!(
        store.add_issues("d3", &[bad_row(2)], &[]).await.is_err(),
        "a closed delivery takes no more rows"
    );
    assert_eq!(
        store.quarantine("tmall", "b1", 10, 0).await.unwrap().len(),
        3
    );

    // A rejected batch leaves only its receipt, and may be delivered again.
    store.begin_delivery(&delivery("d4", "b3")).await.unwrap();
    store.add_issues("d4", &[bad_row(1)], &[]).await.unwrap();
    let rejected = receipt("b3", BatchStatus::Rejected, 0, 0);
    assert_eq!(
        store.commit_batch("d4", &rejected, &[]).await.unwrap(),
        CommitOutcome::Committed
    );
    assert_eq!(
        store
            .find_batch("tmall", "b3")
            .await
            .unwrap()
            .unwrap()
            .status,
        BatchStatus::Rejected
    );
    assert!(
        store
            .quarantine("tmall", "b3", 10, 0)
            .await
            .unwrap()
            .is_empty()
    );
    store.begin_delivery(&delivery("d5", "b3")).await.unwrap();
    let corrected = receipt("b3", BatchStatus::Accepted, 4, 0);
    assert_eq!(
        store.commit_batch("d5", &corrected, &[]).await.unwrap(),
        CommitOutcome::Committed
    );
    assert_eq!(
        store
            .find_batch("tmall", "b3")
            .await
            .unwrap()
            .unwrap()
            .receipt,
        corrected
    );

    let states: Vec<(String, String)> = store
        .deliveries(10)
        .await
        .unwrap()
        .into_iter()
        .map(|d| (d.delivery_id, d.state))
        .collect();
    for (id, state) in [
        ("d1", "accepted"),
        ("d2", "duplicate"),
        ("d3", "interrupted"),
        ("d4", "rejected"),
        ("d5", "accepted"),
    ] {
        assert!(
            states.contains(&(id.to_string(), state.to_string())),
            "{backend}: {id} {state} in {states:?}"
        );
    }
    assert_eq!(store.batches(10).await.unwrap().len(), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn story_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let store = tianping_store_sqlite::SqliteStore::open(&dir.path().join("t.db"))
        .await
        .unwrap();
    assert_eq!(store.integrity_check().await.unwrap(), "ok");
    story(Arc::new(store)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn story_on_postgres() {
    let Some(url) = fresh_postgres().await else {
        return;
    };
    let store = tianping_store_postgres::PostgresStore::open(&url)
        .await
        .unwrap();
    story(Arc::new(store)).await;
}

/// The same ingest through the service on both backends gives the same receipts and quarantine.
#[tokio::test(flavor = "multi_thread")]
async fn service_ingest_is_the_same_on_both_backends() {
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/batches");
    let mut results = Vec::new();
    let mut urls = vec![None];
    if let Some(url) = fresh_postgres().await {
        urls.push(Some(url));
    }
    for url in urls {
        let dir = tempfile::tempdir().unwrap();
        let home = tianping_service::Home::open(dir.path()).unwrap();
        let store = tianping_service::open_store(&home, url.as_deref())
            .await
            .unwrap();
        let ingestor = tianping_service::Ingestor::new(
            home,
            store.clone(),
            tianping_ingest::Limits::standard(),
        );
        let mut receipts = Vec::new();
        for name in [
            "registry-2026-03-01",
            "tmall-2026-03-01-0001",
            "tmall-2026-03-01-0001",
        ] {
            let r = ingestor
                .ingest(
                    &examples.join(name),
                    "2026-03-02T02:00:00.000+08:00",
                    &tianping_service::SilentProgress,
                )
                .await
                .unwrap();
            receipts.push(serde_json::to_value(&r).unwrap());
        }
        assert_eq!(receipts[2]["status"], "duplicate");
        let q = store
            .quarantine("tmall", "tmall-2026-03-01-0001", 100, 0)
            .await
            .unwrap();
        let rules: Vec<String> = q.iter().map(|q| q.rule.clone()).collect();
        assert_eq!(
            rules,
            [
                "raw_phone_number",
                "enum_unknown",
                "below_minimum",
                "time_format"
            ]
        );
        results.push((receipts, q));
    }
    if results.len() == 2 {
        assert_eq!(results[0], results[1], "sqlite and postgres agree");
    }
}
