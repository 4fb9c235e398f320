//! The engine over a real home: ingest the example batches, detect, detect again (skipped, nothing
//! duplicated), deliver more data (the detector runs again, findings are not duplicated).

use tianping_engine::{DetectRequest, run};
use tianping_service::{Home, Ingestor, SilentProgress, open_store};

const AS_OF: &str = "2026-03-05T00:00:00+08:00";

fn examples() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/batches")
}

#[tokio::test(flavor = "multi_thread")]
async fn detect_is_incremental_and_never_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let home = Home::open(dir.path()).unwrap();
    let store = open_store(&home, None).await.unwrap();
    let ingestor = Ingestor::new(
        home.clone(),
        store.clone(),
        tianping_ingest::Limits::standard(),
    );
    ingestor
        .ingest(
            &examples().join("tmall-2026-03-01-0001"),
            "2026-03-02T02:00:00+08:00",
            &SilentProgress,
        )
        .await
        .unwrap();

    let request = DetectRequest {
        as_of: AS_OF.into(),
        detectors: vec!["price_fraud".into()],
        ..Default::default()
    };
    let first = run(
        &home.lake(),
        store.as_ref(),
        &request,
        "2026-03-05T01:00:00+08:00",
    )
    .await
    .unwrap();
    assert!(!first.detectors[0].skipped);
    assert_eq!(first.detectors[0].rows_read["price_observations"], 4);
    let ids: Vec<&str> = first
        .findings
        .iter()
        .map(|f| f.finding_id.as_str())
        .collect();
    assert_eq!(
        first.findings.len(),
        1,
        "the example's home-page reference price of 98 yuan vs sales at 68: {ids:?}"
    );
    assert_eq!(first.findings[0].rule, "price_fraud.reference_price");
    assert_eq!(first.summary.new, 1);
    // 属地: the finding is stored with its listing's merchant's declared adcode (the example's
    // merchants.csv), not in its body.
    let subject = &first.findings[0].subject;
    assert_eq!(subject.kind.as_str(), "listing");
    let dir = examples().join("tmall-2026-03-01-0001");
    let listings = std::fs::read_to_string(dir.join("listings.jsonl")).unwrap();
    let merchant = listings
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|l| l["listing_id"] == subject.id.as_str())
        .unwrap()["merchant_id"]
        .as_str()
        .unwrap()
        .to_string();
    let merchants = std::fs::read_to_string(dir.join("merchants.csv")).unwrap();
    let adcode = merchants
        .lines()
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|c| c[1] == merchant)
        .unwrap()[8]
        .to_string();
    let (body, region) = store
        .finding_with_region(&first.findings[0].finding_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        region.as_deref(),
        Some(adcode.as_str()),
        "merchant {merchant}"
    );
    assert!(!body.contains("\"region\""));

    // Nothing changed: skipped, and the stored findings are the same.
    let second = run(
        &home.lake(),
        store.as_ref(),
        &request,
        "2026-03-05T02:00:00+08:00",
    )
    .await
    .unwrap();
    assert!(second.detectors[0].skipped);
    assert_eq!(store.findings(&[]).await.unwrap().len(), 1);

    // A later as_of that changes nothing the data holds is still unchanged input.
    let later = DetectRequest {
        as_of: "2026-03-20T00:00:00+08:00".into(),
        detectors: vec!["price_fraud".into()],
        ..Default::default()
    };
    assert!(
        run(
            &home.lake(),
            store.as_ref(),
            &later,
            "2026-03-20T01:00:00+08:00"
        )
        .await
        .unwrap()
        .detectors[0]
            .skipped
    );

    // Forced: runs, finds the same finding, stores it once.
    let forced = DetectRequest {
        force: true,
        ..request.clone()
    };
    let third = run(
        &home.lake(),
        store.as_ref(),
        &forced,
        "2026-03-05T03:00:00+08:00",
    )
    .await
    .unwrap();
    assert!(!third.detectors[0].skipped);
    assert_eq!((third.summary.new, third.summary.unchanged), (0, 1));
    let stored = store.findings(&[]).await.unwrap();
    assert_eq!(stored.len(), 1);
    let back: tianping_detect::Finding = serde_json::from_str(&stored[0]).unwrap();
    assert_eq!(back, first.findings[0], "stored exactly as produced");

    // As of a time before the data: the rows after as_of are not read.
    let early = DetectRequest {
        as_of: "2026-03-01T10:30:00+08:00".into(),
        detectors: vec!["price_fraud".into()],
        ..Default::default()
    };
    let report = run(
        &home.lake(),
        store.as_ref(),
        &early,
        "2026-03-05T04:00:00+08:00",
    )
    .await
    .unwrap();
    assert_eq!(
        report.detectors[0].rows_read["price_observations"], 1,
        "only the 10:00 observation"
    );
    assert_eq!(store.detection_runs(10).await.unwrap().len(), 5);
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_requests_are_the_users_error() {
    let dir = tempfile::tempdir().unwrap();
    let home = Home::open(dir.path()).unwrap();
    let store = open_store(&home, None).await.unwrap();
    let bad = DetectRequest {
        as_of: "yesterday".into(),
        ..Default::default()
    };
    assert!(matches!(
        run(&home.lake(), store.as_ref(), &bad, "x").await,
        Err(tianping_engine::EngineError::BadAsOf(_))
    ));
    let bad = DetectRequest {
        as_of: AS_OF.into(),
        detectors: vec!["nope".into()],
        ..Default::default()
    };
    assert!(matches!(
        run(&home.lake(), store.as_ref(), &bad, "x").await,
        Err(tianping_engine::EngineError::UnknownDetector(..))
    ));
    let overrides = tianping_detect::rules::parse_overrides(
        "[params.\"price_fraud.bait_price\"]\nwindow_minutes = 0\n",
    )
    .unwrap();
    let bad = DetectRequest {
        as_of: AS_OF.into(),
        overrides,
        ..Default::default()
    };
    assert!(matches!(
        run(&home.lake(), store.as_ref(), &bad, "x").await,
        Err(tianping_engine::EngineError::Config(_))
    ));
}
