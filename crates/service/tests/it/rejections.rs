use tianping_ingest::{BatchStatus, FileStatus, Receipt};

use crate::support::*;

fn good_orders(n: usize) -> Vec<u8> {
    csv_text(ORDER_HEADER, &(0..n).map(order_row).collect::<Vec<_>>())
}

fn reason_en(receipt: &Receipt, path: &str) -> String {
    receipt
        .files
        .iter()
        .find(|f| f.path == path)
        .and_then(|f| f.reason_en.clone())
        .unwrap_or_default()
}

/// Checks the common shape of a batch rejected whole because of `culprit`.
async fn assert_rejected(world: &World, receipt: &Receipt, culprit: &str, reason_part: &str) {
    assert_eq!(receipt.status, BatchStatus::Rejected, "{receipt:#?}");
    let reason = reason_en(receipt, culprit);
    assert!(
        reason.contains(reason_part),
        "reason {reason:?} should contain {reason_part:?}"
    );
    assert!(
        receipt
            .files
            .iter()
            .all(|f| f.status == FileStatus::Rejected)
    );
    assert_eq!(receipt.accepted, 0);
    assert!(
        world.parts_on_disk().is_empty(),
        "nothing of a rejected batch stays in the lake"
    );
    assert!(world.store.lake_files(None).await.unwrap().is_empty());
    let stored = world
        .store
        .find_batch("tmall", "b1")
        .await
        .unwrap()
        .expect("receipt kept");
    assert_eq!(stored.status, BatchStatus::Rejected);
}

#[tokio::test(flavor = "multi_thread")]
async fn digest_mismatch_rejects_the_batch_and_keeps_the_file() {
    let world = World::new().await;
    let mut spec =
        BatchSpec::new("tmall", "b1").file("orders", "orders.csv", "csv", good_orders(2), 2);
    spec.files[0].sha256_override = Some("0".repeat(64));
    let receipt = world.ingest_spec(&spec).await;
    assert_rejected(
        &world,
        &receipt,
        "orders.csv",
        "sha256 mismatch: manifest 0000",
    )
    .await;
    let kept = world.home.rejected().join("supplier=tmall/batch=b1");
    let delivery = std::fs::read_dir(&kept)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert_eq!(
        std::fs::read(delivery.join("orders.csv")).unwrap(),
        good_orders(2),
        "kept byte for byte"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn row_count_mismatch_rejects() {
    let world = World::new().await;
    let spec = BatchSpec::new("tmall", "b1").file("orders", "orders.csv", "csv", good_orders(2), 3);
    let receipt = world.ingest_spec(&spec).await;
    assert_rejected(
        &world,
        &receipt,
        "orders.csv",
        "manifest says 3 rows, the file holds 2 records",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn broken_and_truncated_gzip_reject() {
    let world = World::new().await;
    let spec =
        BatchSpec::new("tmall", "b1").file("orders", "orders.csv.gz", "csv", good_orders(2), 2);
    let receipt = world.ingest_spec(&spec).await;
    assert_rejected(&world, &receipt, "orders.csv.gz", "cannot be read").await;

    let world = World::new().await;
    let whole = gzip(&good_orders(200));
    let truncated = whole[..whole.len() / 2].to_vec();
    let spec = BatchSpec::new("tmall", "b1").file("orders", "orders.csv.gz", "csv", truncated, 200);
    let receipt = world.ingest_spec(&spec).await;
    assert_rejected(&world, &receipt, "orders.csv.gz", "cannot be read").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn not_a_parquet_file_rejects() {
    let world = World::new().await;
    let spec = BatchSpec::new("tmall", "b1").file(
        "orders",
        "orders.parquet",
        "parquet",
        good_orders(1),
        1,
    );
    let receipt = world.ingest_spec(&spec).await;
    assert_rejected(
        &world,
        &receipt,
        "orders.parquet",
        "not a readable Parquet file",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn no_header_row_rejects() {
    let world = World::new().await;
    let spec = BatchSpec::new("tmall", "b1").file("orders", "orders.csv", "csv", Vec::new(), 0);
    let receipt = world.ingest_spec(&spec).await;
    assert_rejected(&world, &receipt, "orders.csv", "no header row").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn header_without_a_required_field_rejects() {
    let world = World::new().await;
    let header: Vec<&str> = ORDER_HEADER
        .iter()
        .copied()
        .filter(|f| *f != "buyer_pid")
        .collect();
    let rows: Vec<Vec<String>> = (0..2)
        .map(|i| {
            let mut row = order_row(i);
            row.remove(4);
            row
        })
        .collect();
    let spec = BatchSpec::new("tmall", "b1").file(
        "orders",
        "orders.csv",
        "csv",
        csv_text(&header, &rows),
        2,
    );
    let receipt = world.ingest_spec(&spec).await;
    assert_rejected(
        &world,
        &receipt,
        "orders.csv",
        "header lacks required field(s) buyer_pid of table orders",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn one_bad_file_rejects_every_file_of_the_batch() {
    let world = World::new().await;
    let mut spec = BatchSpec::new("tmall", "b1")
        .file("orders", "a.csv", "csv", good_orders(2), 2)
        .file("orders", "b.csv", "csv", good_orders(1), 1);
    spec.files[1].omit = true;
    let receipt = world.ingest_spec(&spec).await;
    assert_rejected(
        &world,
        &receipt,
        "b.csv",
        "listed in the manifest but not delivered",
    )
    .await;
    assert!(
        reason_en(&receipt, "a.csv")
            .contains("not ingested: the batch was rejected because of b.csv")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_tables_and_tables_the_supplier_may_not_deliver_reject() {
    let world = World::new().await;
    let spec = BatchSpec::new("tmall", "b1").file("shops", "shops.csv", "csv", b"a\n".to_vec(), 0);
    let receipt = world.ingest_spec(&spec).await;
    assert_rejected(&world, &receipt, "shops.csv", "unknown table \"shops\"").await;

    let world = World::new().await;
    let spec = BatchSpec::new("tmall", "b1").file(
        "penalties",
        "p.csv",
        "csv",
        b"penalty_id\n".to_vec(),
        0,
    );
    let receipt = world.ingest_spec(&spec).await;
    assert_rejected(
        &world,
        &receipt,
        "p.csv",
        "table penalties may only be delivered by regulator",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_manifest_is_a_rejected_receipt_naming_the_field() {
    let world = World::new().await;
    let mut spec =
        BatchSpec::new("tmall", "b1").file("orders", "orders.csv", "csv", good_orders(1), 1);
    let mut manifest = spec.manifest_json();
    manifest["files"][0]["format"] = "xlsx".into();
    spec.manifest_override = Some(serde_json::to_vec(&manifest).unwrap());
    let receipt = world.ingest_spec(&spec).await;
    assert_eq!(receipt.status, BatchStatus::Rejected);
    assert_eq!(receipt.batch_id.as_deref(), Some("b1"));
    let reason = receipt.reason_en.unwrap();
    assert!(
        reason.contains("files[0].format: \"xlsx\" is not one of csv, jsonl, parquet"),
        "{reason}"
    );

    spec.manifest_override = Some(b"{not json".to_vec());
    let receipt = world.ingest_spec(&spec).await;
    assert_eq!(receipt.status, BatchStatus::Rejected);
    assert!(receipt.reason_en.unwrap().contains("not valid JSON"));
    assert!(world.parts_on_disk().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn limits_reject_with_their_name() {
    let limits = tianping_ingest::Limits {
        record_bytes_max: 200,
        ..tianping_ingest::Limits::standard()
    };
    let world = World::with_limits(limits).await;
    let spec = BatchSpec::new("tmall", "b1").file("orders", "orders.csv", "csv", good_orders(2), 2);
    let receipt = world.ingest_spec(&spec).await;
    assert_rejected(
        &world,
        &receipt,
        "orders.csv",
        "exceeds the limit of 200 bytes",
    )
    .await;

    let limits = tianping_ingest::Limits {
        decompressed_bytes_max: 1000,
        ..tianping_ingest::Limits::standard()
    };
    let world = World::with_limits(limits).await;
    let spec = BatchSpec::new("tmall", "b1").file(
        "orders",
        "orders.csv.gz",
        "csv",
        gzip(&good_orders(50)),
        50,
    );
    let receipt = world.ingest_spec(&spec).await;
    assert_rejected(
        &world,
        &receipt,
        "orders.csv.gz",
        "decompressed data exceeds the limit of 1000 bytes",
    )
    .await;

    let limits = tianping_ingest::Limits {
        file_bytes_max: 100,
        ..tianping_ingest::Limits::standard()
    };
    let world = World::with_limits(limits).await;
    let spec = BatchSpec::new("tmall", "b1").file("orders", "orders.csv", "csv", good_orders(2), 2);
    let receipt = world.ingest_spec(&spec).await;
    assert_rejected(
        &world,
        &receipt,
        "orders.csv",
        "limit file_bytes_max is 100",
    )
    .await;

    let limits = tianping_ingest::Limits {
        rows_per_file_max: 1,
        ..tianping_ingest::Limits::standard()
    };
    let world = World::with_limits(limits).await;
    let spec = BatchSpec::new("tmall", "b1").file("orders", "orders.csv", "csv", good_orders(2), 2);
    let receipt = world.ingest_spec(&spec).await;
    assert_rejected(
        &world,
        &receipt,
        "orders.csv",
        "more than rows_per_file_max = 1 rows",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rejected_batch_can_be_delivered_again_corrected() {
    let world = World::new().await;
    let bad = BatchSpec::new("tmall", "b1").file("orders", "orders.csv", "csv", good_orders(2), 3);
    assert_eq!(world.ingest_spec(&bad).await.status, BatchStatus::Rejected);
    let good = BatchSpec::new("tmall", "b1").file("orders", "orders.csv", "csv", good_orders(2), 2);
    let dir = world.dir.path().join("corrected");
    std::fs::create_dir_all(&dir).unwrap();
    let receipt = world.ingest(&good.write_dir(&dir)).await;
    assert_eq!(receipt.status, BatchStatus::Accepted, "{receipt:#?}");
    assert_eq!(world.lake_rows("orders").await, 2);
}
