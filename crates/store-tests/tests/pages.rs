//! The `pages` story over both stores: findings listed by keyset pages, filtered in SQL by the
//! caller's scope (a platform sees findings about its merchants and about itself, nothing else),
//! by detector, severity and subject; every row exactly once across pages, none foreign, and
//! pages that do not shift when rows are added before the cursor.

use std::sync::Arc;

use tianping_store::pages::{Cursor, DataScope, FindingFilter};
use tianping_store::{DetectionRun, NewLeaf, Store, StoredFinding};
use tianping_store_tests::fresh_postgres;

/// A finding about a merchant of `platform` (or about the platform itself when `merchant` is
/// `None`).
fn finding(i: usize, platform: &str, merchant: Option<&str>, severity: &str) -> StoredFinding {
    let id = format!("f{i:03}{}", "0".repeat(28));
    let (kind, subject_id, subject_platform) = match merchant {
        Some(m) => ("merchant", m.to_string(), Some(platform.to_string())),
        None => ("platform", platform.to_string(), None),
    };
    let detector = if i.is_multiple_of(2) {
        "price_fraud"
    } else {
        "fake_orders"
    };
    let body = serde_json::json!({
        "finding_id": id, "detector": detector, "severity": severity,
        "subject": {"kind": kind, "id": subject_id, "platform_id": subject_platform},
    })
    .to_string();
    StoredFinding {
        finding_id: id.clone(),
        detector: detector.into(),
        rule: format!("{detector}.r"),
        severity: severity.into(),
        subject_kind: kind.into(),
        subject_platform,
        subject_id,
        region: None,
        leaf: NewLeaf::from_data(
            format!("finding:{id}"),
            "finding",
            body.clone().into_bytes(),
        ),
        body,
        evidence_sha256: "0".repeat(64),
    }
}

fn run(id: &str) -> DetectionRun {
    DetectionRun {
        run_id: id.into(),
        as_of: "2026-03-02T00:00:00+08:00".into(),
        started_at: "2026-03-02T02:00:00.000+08:00".into(),
        detectors: "[]".into(),
        params: "{}".into(),
        params_sha256: "0".repeat(64),
        data_sha256: "0".repeat(64),
        findings: 0,
        new_findings: 0,
    }
}

/// Every finding id in `scope` matching `filter`, page by page.
async fn all_pages(
    store: &dyn Store,
    scope: &DataScope,
    filter: &FindingFilter,
    limit: u32,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut after: Option<Cursor> = None;
    for _ in 0..1000 {
        let page = store
            .findings_page(scope, filter, after.as_ref(), limit)
            .await
            .unwrap();
        assert!(page.items.len() <= limit as usize);
        for body in &page.items {
            let v: serde_json::Value = serde_json::from_str(body).unwrap();
            out.push(v["finding_id"].as_str().unwrap().to_string());
        }
        match page.next {
            Some(next) => after = Some(Cursor::parse(&next, 1).expect("a cursor we issued")),
            None => return out,
        }
    }
    panic!("paging did not end");
}

async fn story(store: Arc<dyn Store>) {
    let platforms = ["tmall", "jd", "pdd"];
    let mut findings = Vec::new();
    for i in 0..40 {
        let p = platforms[i % 3];
        let merchant = (i % 10 != 9).then(|| format!("m-{p}-{}", i % 4));
        let severity = if i.is_multiple_of(5) {
            "critical"
        } else {
            "high"
        };
        let mut f = finding(i, p, merchant.as_deref(), severity);
        // 属地: two districts of the city, the city itself, no place (the owner's), another city.
        f.region = match i % 5 {
            0 => Some("330106".into()),
            1 => Some("330102".into()),
            2 => None,
            3 => Some("330100".into()),
            _ => Some("330203".into()),
        };
        findings.push(f);
    }
    store
        .save_detection(&run("r1"), &findings, &[], &[])
        .await
        .unwrap();
    let ids = |pred: &dyn Fn(&StoredFinding) -> bool| -> Vec<String> {
        let mut v: Vec<String> = findings
            .iter()
            .filter(|f| pred(f))
            .map(|f| f.finding_id.clone())
            .collect();
        v.sort();
        v
    };
    let none = FindingFilter::default();

    // Everything, in id order, each once, for several page sizes.
    for limit in [1, 3, 7, 40, 200] {
        assert_eq!(
            all_pages(store.as_ref(), &DataScope::All, &none, limit).await,
            ids(&|_| true),
            "limit {limit}"
        );
    }
    // A platform: its merchants' findings and findings about itself; no foreign row.
    for p in platforms {
        let got = all_pages(store.as_ref(), &DataScope::Supplier(p.into()), &none, 4).await;
        let want = ids(&|f| {
            f.subject_platform.as_deref() == Some(p)
                || (f.subject_kind == "platform" && f.subject_id == p)
        });
        assert!(!want.is_empty());
        assert_eq!(got, want, "{p}");
    }
    assert!(
        all_pages(
            store.as_ref(),
            &DataScope::Supplier("nobody".into()),
            &none,
            5
        )
        .await
        .is_empty()
    );
    assert!(
        all_pages(store.as_ref(), &DataScope::Nothing, &none, 5)
            .await
            .is_empty()
    );
    // Filters, with the scope.
    let filter = FindingFilter {
        detector: Some("price_fraud".into()),
        severity: Some("critical".into()),
        subject: None,
    };
    assert_eq!(
        all_pages(
            store.as_ref(),
            &DataScope::Supplier("tmall".into()),
            &filter,
            2
        )
        .await,
        ids(&|f| f.detector == "price_fraud"
            && f.severity == "critical"
            && f.subject_platform.as_deref() == Some("tmall"))
    );
    let filter = FindingFilter {
        subject: Some("m-jd-1".into()),
        ..FindingFilter::default()
    };
    assert_eq!(
        all_pages(store.as_ref(), &DataScope::All, &filter, 2).await,
        ids(&|f| f.subject_id == "m-jd-1")
    );

    // One subject's findings: exactly those whose subject is that id on that platform (not the
    // same merchant id on another platform, not the platform's own findings), in id order,
    // bounded with a `next` when more follow.
    for p in platforms {
        for m in 0..4 {
            let merchant = format!("m-{p}-{m}");
            let want =
                ids(&|f| f.subject_platform.as_deref() == Some(p) && f.subject_id == merchant);
            let got = store.subject_findings(p, &merchant, 200).await.unwrap();
            let got_ids: Vec<String> = got
                .items
                .iter()
                .map(|b| serde_json::from_str::<serde_json::Value>(b).unwrap())
                .map(|v| v["finding_id"].as_str().unwrap().to_string())
                .collect();
            assert_eq!(got_ids, want, "{p} {merchant}");
            assert_eq!(got.next, None);
            if want.len() > 1 {
                let first = store.subject_findings(p, &merchant, 1).await.unwrap();
                assert_eq!(first.items.len(), 1);
                assert!(first.next.is_some(), "a bounded answer says more follow");
            }
        }
    }
    assert!(
        store
            .subject_findings("tmall", "m-jd-1", 200)
            .await
            .unwrap()
            .items
            .is_empty(),
        "a merchant id of another platform"
    );
    assert!(
        store
            .subject_findings("tmall", "tmall", 200)
            .await
            .unwrap()
            .items
            .is_empty(),
        "a platform's own findings have no subject platform"
    );

    // The subjects of one detector's findings: each (platform, merchant) once, sorted; not the
    // platforms' own findings (no subject platform), not another detector's subjects.
    let mut detectors: Vec<&str> = findings.iter().map(|f| f.detector.as_str()).collect();
    detectors.sort();
    detectors.dedup();
    assert!(detectors.len() > 1);
    for d in &detectors {
        let mut want: Vec<(String, String)> = findings
            .iter()
            .filter(|f| f.detector == *d)
            .filter_map(|f| Some((f.subject_platform.clone()?, f.subject_id.clone())))
            .collect();
        want.sort();
        want.dedup();
        assert!(!want.is_empty());
        assert_eq!(store.finding_subjects(d).await.unwrap(), want, "{d}");
    }
    assert!(store.finding_subjects("no_such").await.unwrap().is_empty());

    // Keyset: a finding added before the cursor does not shift the next page.
    let first = store
        .findings_page(&DataScope::All, &none, None, 10)
        .await
        .unwrap();
    let cursor = Cursor::parse(first.next.as_deref().unwrap(), 1).unwrap();
    let before = store
        .findings_page(&DataScope::All, &none, Some(&cursor), 10)
        .await
        .unwrap();
    let mut early = finding(0, "jd", Some("m-new"), "high");
    early.finding_id = format!("f000a{}", "0".repeat(27));
    early.leaf = NewLeaf::from_data(
        format!("finding:{}", early.finding_id),
        "finding",
        b"x".to_vec(),
    );
    store
        .save_detection(&run("r2"), &[early], &[], &[])
        .await
        .unwrap();
    let after = store
        .findings_page(&DataScope::All, &none, Some(&cursor), 10)
        .await
        .unwrap();
    assert_eq!(before.items, after.items);

    // Regions (migration 0015): a district's prefix lists only its findings, page by page; a
    // city's prefix covers its districts and the city code, never a NULL region (the owner's)
    // nor another city; an empty prefix is no row.
    let in_region = |prefix: &str| {
        ids(&|f: &StoredFinding| f.region.as_deref().is_some_and(|r| r.starts_with(prefix)))
    };
    for limit in [1, 4, 200] {
        let xihu = all_pages(
            store.as_ref(),
            &DataScope::OwnerRegion("330106".into()),
            &none,
            limit,
        )
        .await;
        assert_eq!(xihu, in_region("330106"), "limit {limit}");
        assert_eq!(xihu.len(), 8);
    }
    let city = all_pages(
        store.as_ref(),
        &DataScope::OwnerRegion("3301".into()),
        &none,
        3,
    )
    .await;
    assert_eq!(city, in_region("3301"));
    assert_eq!(
        city.len(),
        24,
        "330106, 330102 and 330100; not NULL, not 330203"
    );
    assert!(
        all_pages(
            store.as_ref(),
            &DataScope::OwnerRegion(String::new()),
            &none,
            5
        )
        .await
        .is_empty()
    );
    // Filters apply within the region.
    let crit = FindingFilter {
        severity: Some("critical".into()),
        ..FindingFilter::default()
    };
    assert_eq!(
        all_pages(
            store.as_ref(),
            &DataScope::OwnerRegion("330106".into()),
            &crit,
            2
        )
        .await,
        ids(&|f: &StoredFinding| f.region.as_deref() == Some("330106") && f.severity == "critical")
    );
    // The other delivered data carries no region: a regional scope reaches none of it.
    assert!(
        store
            .batches_page(&DataScope::OwnerRegion("330106".into()), None, 10)
            .await
            .unwrap()
            .items
            .is_empty()
    );
    // A finding's region is read with it, and fixed when it is first stored: a later run that
    // gives another place (the merchant moved) does not move the finding.
    assert_eq!(
        store
            .finding_with_region(&findings[0].finding_id)
            .await
            .unwrap(),
        Some((findings[0].body.clone(), Some("330106".into())))
    );
    assert_eq!(
        store
            .finding_with_region(&findings[2].finding_id)
            .await
            .unwrap(),
        Some((findings[2].body.clone(), None))
    );
    let mut moved = findings[0].clone();
    moved.region = Some("330102".into());
    store
        .save_detection(&run("r3"), &[moved], &[], &[])
        .await
        .unwrap();
    assert_eq!(
        store
            .finding_with_region(&findings[0].finding_id)
            .await
            .unwrap()
            .unwrap()
            .1
            .as_deref(),
        Some("330106")
    );
    assert_eq!(store.finding_with_region("nope").await.unwrap(), None);

    // One finding by id.
    let body = store
        .finding_body(&findings[5].finding_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(body, findings[5].body);
    assert_eq!(store.finding_body("nope").await.unwrap(), None);
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_story_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let store = tianping_store_sqlite::SqliteStore::open(&dir.path().join("t.db"))
        .await
        .unwrap();
    story(Arc::new(store)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_story_on_postgres() {
    let Some(url) = fresh_postgres().await else {
        return;
    };
    let store = tianping_store_postgres::PostgresStore::open(&url)
        .await
        .unwrap();
    story(Arc::new(store.clone())).await;
    store.close().await;
}
