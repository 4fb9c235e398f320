use std::io::Write;
use std::sync::Arc;

use arrow::array::{
    ArrayRef, BooleanArray, ListBuilder, StringArray, StringBuilder, TimestampMillisecondArray,
};
use arrow::datatypes::{DataType, Field, Schema, TimeUnit};
use arrow::record_batch::RecordBatch;
use tianping_ingest::BatchStatus;

use crate::support::*;

fn orders(n: usize) -> Vec<u8> {
    csv_text(ORDER_HEADER, &(0..n).map(order_row).collect::<Vec<_>>())
}

fn review_jsonl(n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..n {
        let v = serde_json::json!({"platform_id": "tmall", "review_id": format!("r{i}"), "listing_id": "l1",
            "merchant_id": "m1", "reviewer_pid": pid("x"), "rating": 4, "text": "不错", "has_media": true,
            "created_at": "2026-03-01T10:00:00Z"});
        out.extend(serde_json::to_vec(&v).unwrap());
        out.push(b'\n');
    }
    out
}

fn spec() -> BatchSpec {
    BatchSpec::new("tmall", "b1")
        .file("orders", "orders.csv.gz", "csv", gzip(&orders(5)), 5)
        .file("reviews", "data/reviews.jsonl", "jsonl", review_jsonl(3), 3)
}

#[tokio::test(flavor = "multi_thread")]
async fn zip_and_tar_gz_archives() {
    for archive in ["zip", "tar.gz"] {
        let world = World::new().await;
        let spec = spec();
        let path = if archive == "zip" {
            spec.write_zip(world.dir.path())
        } else {
            spec.write_tar_gz(world.dir.path())
        };
        let receipt = world.ingest(&path).await;
        assert_eq!(
            receipt.status,
            BatchStatus::Accepted,
            "{archive}: {receipt:#?}"
        );
        assert_eq!((receipt.accepted, receipt.quarantined), (8, 0));
        assert_eq!(world.lake_rows("orders").await, 5);
        assert_eq!(world.lake_rows("reviews").await, 3);
        assert!(
            std::fs::read_dir(world.home.staging())
                .unwrap()
                .next()
                .is_none(),
            "{archive}: extraction cleaned up"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn archives_with_escaping_paths_are_rejected() {
    let world = World::new().await;
    let path = world.dir.path().join("evil.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    zip.start_file("manifest.json", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"{}").unwrap();
    zip.start_file(
        "../../escaped.txt",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(b"x").unwrap();
    zip.finish().unwrap();
    let receipt = world.ingest(&path).await;
    assert_eq!(receipt.status, BatchStatus::Rejected);
    assert!(
        receipt
            .reason_en
            .as_deref()
            .unwrap_or_default()
            .contains("unsafe path"),
        "{receipt:#?}"
    );
    assert!(!world.dir.path().join("escaped.txt").exists());
}

#[tokio::test(flavor = "multi_thread")]
async fn redelivery_is_a_no_op_and_different_digests_conflict() {
    let world = World::new().await;
    let first = world.ingest_spec(&spec()).await;
    assert_eq!(first.status, BatchStatus::Accepted);
    let parts = world.parts_on_disk();
    let dir = world.dir.path().join("again");
    std::fs::create_dir_all(&dir).unwrap();
    let again = world.ingest(&spec().write_zip(&dir)).await;
    assert_eq!(again.status, BatchStatus::Duplicate);
    assert_eq!(
        (again.accepted, again.quarantined),
        (first.accepted, first.quarantined)
    );
    assert_eq!(again.original_received_at.as_deref(), Some(RECEIVED_AT));
    assert_eq!(world.parts_on_disk(), parts, "nothing written");
    assert_eq!(world.lake_rows("orders").await, 5, "nothing counted twice");

    let changed =
        BatchSpec::new("tmall", "b1").file("orders", "orders.csv.gz", "csv", gzip(&orders(6)), 6);
    let dir = world.dir.path().join("changed");
    std::fs::create_dir_all(&dir).unwrap();
    let conflict = world.ingest(&changed.write_dir(&dir)).await;
    assert_eq!(conflict.status, BatchStatus::Conflict);
    assert!(conflict.reason_en.unwrap().contains("was accepted at"));
    assert_eq!(world.lake_rows("orders").await, 5);
    let stored = world
        .store
        .find_batch("tmall", "b1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.receipt, first, "the accepted batch is unchanged");
    let deliveries = world.store.deliveries(10).await.unwrap();
    let states: Vec<&str> = deliveries.iter().map(|d| d.state.as_str()).collect();
    assert_eq!(states.len(), 3);
    assert!(
        states.contains(&"accepted")
            && states.contains(&"duplicate")
            && states.contains(&"conflict")
    );
}

fn parquet_bytes() -> Vec<u8> {
    // A trademarks file with int32 list items and a dictionary-free schema; one row has class 46.
    let mut classes = ListBuilder::new(arrow::array::Int32Builder::new());
    classes.values().append_value(9);
    classes.values().append_value(35);
    classes.append(true);
    classes.values().append_value(46);
    classes.append(true);
    let mut owner = StringBuilder::new();
    owner.append_value("91330100799655058B");
    owner.append_null();
    let schema = Arc::new(Schema::new(vec![
        Field::new("reg_no", DataType::Utf8, false),
        Field::new("mark", DataType::Utf8, false),
        Field::new("owner_uscc", DataType::Utf8, true),
        Field::new("owner_name", DataType::Utf8, false),
        Field::new(
            "nice_classes",
            DataType::List(Arc::new(Field::new("item", DataType::Int32, true))),
            false,
        ),
        Field::new("valid_to", DataType::Date32, false),
        Field::new("extra", DataType::Boolean, true),
        Field::new(
            "seen_at",
            DataType::Timestamp(TimeUnit::Millisecond, Some("+08:00".into())),
            true,
        ),
    ]));
    let columns: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from(vec!["123", "456"])),
        Arc::new(StringArray::from(vec!["天平", "Nlke"])),
        Arc::new(owner.finish()),
        Arc::new(StringArray::from(vec!["某公司", "某人"])),
        Arc::new(classes.finish()),
        Arc::new(arrow::array::Date32Array::from(vec![20_000, 20_001])),
        Arc::new(BooleanArray::from(vec![Some(true), None])),
        Arc::new(TimestampMillisecondArray::from(vec![Some(0), None]).with_timezone("+08:00")),
    ];
    let batch = RecordBatch::try_new(schema.clone(), columns).unwrap();
    let mut out = Vec::new();
    let mut w = parquet::arrow::ArrowWriter::try_new(&mut out, schema, None).unwrap();
    w.write(&batch).unwrap();
    w.close().unwrap();
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn parquet_input_plain_and_gzipped() {
    for gz in [false, true] {
        let world = World::new().await;
        let bytes = if gz {
            gzip(&parquet_bytes())
        } else {
            parquet_bytes()
        };
        let path = if gz { "tm.parquet.gz" } else { "tm.parquet" };
        let spec = BatchSpec::new("ip_office", "b1").file("trademarks", path, "parquet", bytes, 2);
        let receipt = world.ingest_spec(&spec).await;
        assert_eq!(
            (receipt.status, receipt.accepted, receipt.quarantined),
            (BatchStatus::Accepted, 1, 1),
            "{receipt:#?}"
        );
        assert_eq!(
            receipt.files[0].ignored_columns,
            vec!["extra".to_string(), "seen_at".to_string()]
        );
        let q = world
            .store
            .quarantine("ip_office", "b1", 10, 0)
            .await
            .unwrap();
        assert_eq!(
            (q[0].record, q[0].rule.as_str(), q[0].field.as_deref()),
            (2, "above_maximum", Some("nice_classes"))
        );
        let raw: serde_json::Value = serde_json::from_slice(&q[0].raw).unwrap();
        assert_eq!(
            raw["mark"], "Nlke",
            "a quarantined Parquet row is kept as its JSON"
        );
    }
}
