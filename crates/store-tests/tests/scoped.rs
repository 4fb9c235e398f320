//! The `scoped` store area on both backends (SQLite always; PostgreSQL when
//! `TIANPING_TEST_PG_URL` is set, required under CI): the alert list and the overview's counts
//! take the caller's reach in the SQL.
//! - alerts of another platform are never returned or counted for a platform's scope; an alert
//!   about a platform itself belongs to that platform; `Nothing` and an empty supplier yield
//!   nothing;
//! - the ranked alert list pages by keyset (severity, score, id) without loss or repetition,
//!   ties on score included, and its filters apply in SQL;
//! - clue/case counts by state, overdue and undated, count only the caller's unit or region
//!   cover: a foreign department's or region's case is never counted;
//! - a merchant's cases are those of its alerts, in scope;
//! - ingest health per supplier is aggregated in SQL and a supplier scope counts its own
//!   batches only (a foreign platform's batches are never counted).

use std::sync::Arc;

use tianping_ingest::{BatchStatus, Receipt};
use tianping_store::cases::{AlertRow, CaseEventRow, CaseRow, ClueOutcome};
use tianping_store::departments::UnitScope;
use tianping_store::pages::{Cursor, DataScope};
use tianping_store::scoped::{AlertFilter, alert_cursor_key};
use tianping_store::{CommitOutcome, NewDelivery, Store};
use tianping_store_tests::fresh_postgres;

const SEVERITIES: [&str; 4] = ["low", "medium", "high", "critical"];

fn alert(n: u32, platform: &str, rank: i64, score: f64) -> AlertRow {
    AlertRow {
        alert_id: format!("alert-{platform}-{n:03}"),
        merchant_key: format!("merchant|{platform}|m-{}", n % 3),
        subject_kind: "merchant".into(),
        subject_platform: Some(platform.into()),
        subject_id: format!("m-{}", n % 3),
        practice: if n.is_multiple_of(2) {
            "fake_orders"
        } else {
            "price_fraud"
        }
        .into(),
        severity: SEVERITIES[rank as usize].into(),
        severity_rank: rank,
        score,
        tier: if rank >= 2 { "clue" } else { "rectification" }.into(),
        finding_ids: "[]".into(),
        body: "{}".into(),
        status: "open".into(),
        case_id: None,
        first_seen_ms: 1,
        updated_at_ms: 1,
        region: None,
    }
}

async fn clue(
    s: &dyn Store,
    alert_id: &str,
    n: u32,
    unit: (&str, &str),
    state: &str,
    due: Option<&str>,
    due_unknown: bool,
) {
    let case = CaseRow {
        case_id: format!("clue-{n:03}"),
        alert_id: alert_id.into(),
        state: state.into(),
        department: unit.0.into(),
        region: unit.1.into(),
        deadline_kind: due.map(|_| "clue_verification".into()),
        due_date: due.map(String::from),
        due_unknown,
        dispute_due: None,
        version: 1,
        opened_at_ms: 1,
        updated_at_ms: 1,
        body: "{}".into(),
    };
    let event = CaseEventRow {
        case_id: case.case_id.clone(),
        seq: 1,
        actor: "u-dispatch".into(),
        role: "dispatcher".into(),
        action: "open".into(),
        from_state: None,
        to_state: state.into(),
        reason: "测试".into(),
        at_ms: 1,
        body: "{}".into(),
    };
    assert_eq!(
        s.create_clue(&case, &event).await.unwrap(),
        ClueOutcome::Created
    );
}

/// Every page of the alert list, in order.
async fn all_alerts(
    s: &dyn Store,
    scope: &DataScope,
    filter: &AlertFilter,
    limit: u32,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut after: Option<Cursor> = None;
    for _ in 0..1000 {
        let page = s
            .alerts_page(scope, filter, after.as_ref(), limit)
            .await
            .unwrap();
        assert!(page.items.len() <= limit as usize);
        out.extend(page.items.iter().map(|a| a.alert_id.clone()));
        let Some(next) = page.next else {
            return out;
        };
        let cursor = Cursor::parse(&next, 3).expect("a cursor the store issued parses");
        assert!(alert_cursor_key(&cursor).is_some());
        after = Some(cursor);
    }
    panic!("the alert list did not end");
}

fn unit(department: &str, prefix: &str) -> UnitScope {
    UnitScope::Unit {
        department: department.into(),
        region_prefix: prefix.into(),
    }
}

async fn story(store: Arc<dyn Store>) {
    let s = store.as_ref();
    let label = s.backend();

    // 20 alerts about tmall's merchants, 12 about jd's, one about the platform jd itself; scores
    // repeat so the id breaks ties.
    let mut rows = Vec::new();
    // Regions (migration 0016): a third of tmall's in 西湖区, a third in 上城区, the rest the
    // owner's (NULL); half of jd's in 西湖区.
    for n in 0..20 {
        let mut a = alert(n, "tmall", i64::from(n % 4), f64::from(n % 5) / 4.0);
        a.region = match n % 3 {
            0 => Some("330106".to_string()),
            1 => Some("330102".to_string()),
            _ => None,
        };
        rows.push(a);
    }
    for n in 0..12 {
        let mut a = alert(n, "jd", i64::from(n % 3), 0.5);
        a.region = n.is_multiple_of(2).then(|| "330106".to_string());
        rows.push(a);
    }
    let mut platform = alert(99, "jd", 3, 0.25);
    platform.alert_id = "alert-platform-jd".into();
    platform.merchant_key = "platform|jd|jd".into();
    platform.subject_kind = "platform".into();
    platform.subject_platform = None;
    platform.subject_id = "jd".into();
    rows.push(platform);
    s.upsert_alerts(&rows).await.unwrap();

    let mut ranked = rows.clone();
    ranked.sort_by(|a, b| {
        b.severity_rank
            .cmp(&a.severity_rank)
            .then(b.score.total_cmp(&a.score))
            .then(a.alert_id.cmp(&b.alert_id))
    });
    let ids = |pred: &dyn Fn(&AlertRow) -> bool| -> Vec<String> {
        ranked
            .iter()
            .filter(|a| pred(a))
            .map(|a| a.alert_id.clone())
            .collect()
    };
    let none = AlertFilter::default();
    for limit in [1, 4, 7, 50] {
        assert_eq!(
            all_alerts(s, &DataScope::All, &none, limit).await,
            ids(&|_| true),
            "{label}: every alert once, ranked, pages of {limit}"
        );
    }
    let tmall = all_alerts(s, &DataScope::Supplier("tmall".into()), &none, 5).await;
    assert_eq!(
        tmall,
        ids(&|a| a.subject_platform.as_deref() == Some("tmall"))
    );
    assert_eq!(tmall.len(), 20, "{label}");
    let jd = all_alerts(s, &DataScope::Supplier("jd".into()), &none, 5).await;
    assert_eq!(jd.len(), 13, "{label}: jd's merchants and jd itself");
    assert!(jd.contains(&"alert-platform-jd".to_string()));
    assert!(
        jd.iter().all(|id| !id.contains("tmall")),
        "{label}: no foreign alert"
    );
    for nothing in [DataScope::Nothing, DataScope::Supplier(String::new())] {
        assert!(
            all_alerts(s, &nothing, &none, 5).await.is_empty(),
            "{label}: {nothing:?}"
        );
        assert!(s.alert_counts(&nothing).await.unwrap().is_empty());
    }
    // Filters in SQL.
    let filter = AlertFilter {
        practice: Some("fake_orders".into()),
        severity: Some("high".into()),
        ..AlertFilter::default()
    };
    assert_eq!(
        all_alerts(s, &DataScope::Supplier("tmall".into()), &filter, 2).await,
        ids(&|a| a.subject_platform.as_deref() == Some("tmall")
            && a.practice == "fake_orders"
            && a.severity == "high"),
        "{label}"
    );
    let merchant = AlertFilter {
        merchant_key: Some("merchant|jd|m-1".into()),
        ..AlertFilter::default()
    };
    assert_eq!(
        all_alerts(s, &DataScope::All, &merchant, 3).await,
        ids(&|a| a.merchant_key == "merchant|jd|m-1")
    );

    // Counts: the totals per scope match the rows the list gives.
    let count_of = |counts: &[tianping_store::scoped::AlertCount]| -> u64 {
        counts.iter().map(|c| c.count).sum()
    };
    let all_counts = s.alert_counts(&DataScope::All).await.unwrap();
    assert_eq!(count_of(&all_counts), 33, "{label}");
    let jd_counts = s
        .alert_counts(&DataScope::Supplier("jd".into()))
        .await
        .unwrap();
    assert_eq!(
        count_of(&jd_counts),
        13,
        "{label}: a foreign alert is never counted"
    );
    let tmall_fake = s
        .alert_counts(&DataScope::Supplier("tmall".into()))
        .await
        .unwrap()
        .into_iter()
        .filter(|c| c.practice == "fake_orders")
        .map(|c| c.count)
        .sum::<u64>();
    assert_eq!(tmall_fake, 10, "{label}");

    // A district's prefix lists and counts only the alerts placed in it, page by page, across
    // platforms; a city prefix every placed alert; an unplaced alert (the owner's) none of them.
    let in_region = |p: &str| ids(&|a| a.region.as_deref().is_some_and(|r| r.starts_with(p)));
    for (prefix, expected) in [("330106", 7 + 6), ("330102", 7), ("3301", 20)] {
        let scope = DataScope::OwnerRegion(prefix.into());
        let listed = all_alerts(s, &scope, &none, 3).await;
        assert_eq!(listed, in_region(prefix), "{label}: {prefix}");
        assert_eq!(listed.len(), expected, "{label}: {prefix}");
        assert_eq!(
            count_of(&s.alert_counts(&scope).await.unwrap()),
            expected as u64,
            "{label}: counts of {prefix}"
        );
    }
    let empty = DataScope::OwnerRegion(String::new());
    assert!(all_alerts(s, &empty, &none, 5).await.is_empty(), "{label}");
    assert!(s.alert_counts(&empty).await.unwrap().is_empty(), "{label}");
    // A refresh moves an alert (its findings now disagree: the owner's).
    let mut moved = rows[0].clone();
    assert_eq!(moved.region.as_deref(), Some("330106"));
    moved.region = None;
    s.upsert_alerts(&[moved]).await.unwrap();
    let xihu = all_alerts(s, &DataScope::OwnerRegion("330106".into()), &none, 50).await;
    assert_eq!(xihu.len(), 12, "{label}");
    assert!(!xihu.contains(&rows[0].alert_id), "{label}");
    s.upsert_alerts(&rows[..1]).await.unwrap();

    // Clues and cases of three units: own (wangjian, 330106), another department in the same
    // region, the same department in another region.
    let own = ("wangjian", "330106");
    let other_dept = ("jiage", "330106");
    let other_region = ("wangjian", "330205");
    let a = |n: u32| format!("alert-tmall-{n:03}");
    clue(s, &a(0), 1, own, "assigned", Some("2026-03-01"), false).await; // overdue
    clue(s, &a(1), 2, own, "verifying", Some("2026-12-01"), false).await;
    clue(s, &a(2), 3, own, "verifying", None, true).await; // due unknown
    clue(s, &a(3), 4, own, "closed", Some("2026-01-01"), false).await; // finished
    clue(
        s,
        &a(4),
        5,
        other_dept,
        "assigned",
        Some("2026-03-01"),
        false,
    )
    .await;
    clue(
        s,
        &a(5),
        6,
        other_region,
        "assigned",
        Some("2026-03-01"),
        false,
    )
    .await;
    clue(s, &a(6), 7, other_region, "assigned", None, true).await;

    let totals = |counts: &[tianping_store::scoped::CaseStateCount]| {
        (
            counts.iter().map(|c| c.open).sum::<u64>(),
            counts.iter().map(|c| c.overdue).sum::<u64>(),
            counts.iter().map(|c| c.due_unknown).sum::<u64>(),
        )
    };
    let day = "2026-06-01";
    let mine = s
        .case_counts(&unit("wangjian", "330106"), day)
        .await
        .unwrap();
    assert_eq!(totals(&mine), (3, 1, 1), "{label}: own unit only: {mine:?}");
    assert_eq!(
        mine.iter()
            .map(|c| (c.state.as_str(), c.open))
            .collect::<Vec<_>>(),
        vec![("assigned", 1), ("verifying", 2)],
        "{label}"
    );
    let region = s
        .case_counts(
            &UnitScope::Region {
                region_prefix: "3301".into(),
            },
            day,
        )
        .await
        .unwrap();
    assert_eq!(
        totals(&region),
        (4, 2, 1),
        "{label}: 3301 covers both departments"
    );
    let ningbo = s
        .case_counts(
            &UnitScope::Region {
                region_prefix: "3302".into(),
            },
            day,
        )
        .await
        .unwrap();
    assert_eq!(
        totals(&ningbo),
        (2, 1, 1),
        "{label}: the other region's only"
    );
    assert_eq!(
        totals(&s.case_counts(&UnitScope::All, day).await.unwrap()),
        (6, 3, 2)
    );
    for nothing in [
        unit("", "330106"),
        unit("wangjian", ""),
        UnitScope::Region {
            region_prefix: String::new(),
        },
        UnitScope::Platform("tmall".into()),
        UnitScope::Nothing,
    ] {
        assert!(
            s.case_counts(&nothing, day).await.unwrap().is_empty(),
            "{label}: {nothing:?}"
        );
    }
    // A day before every due date: nothing overdue.
    assert_eq!(
        totals(&s.case_counts(&UnitScope::All, "2026-01-01").await.unwrap()).1,
        0
    );

    // A merchant's cases: m-0 has alerts 0, 3, 6 (clues 1, 4, 7), m-1 alerts 1, 4 (clues 2, 5).
    let cases_of = |scope: UnitScope, key: &'static str| {
        let store = store.clone();
        async move {
            store
                .merchant_cases(&scope, key, 50)
                .await
                .unwrap()
                .items
                .into_iter()
                .map(|c| c.case_id)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        cases_of(unit("wangjian", "330106"), "merchant|tmall|m-0").await,
        vec!["clue-001", "clue-004"],
        "{label}: own unit, finished ones too"
    );
    assert_eq!(
        cases_of(UnitScope::All, "merchant|tmall|m-0").await,
        vec!["clue-001", "clue-004", "clue-007"]
    );
    assert_eq!(
        cases_of(unit("jiage", "330106"), "merchant|tmall|m-1").await,
        vec!["clue-005"],
        "{label}: the other department sees only its own"
    );
    assert!(
        cases_of(UnitScope::Platform("tmall".into()), "merchant|tmall|m-0")
            .await
            .is_empty()
    );
    let page = s
        .merchant_cases(&UnitScope::All, "merchant|tmall|m-0", 2)
        .await
        .unwrap();
    assert_eq!(page.items.len(), 2);
    assert!(page.next.is_some(), "{label}: more than the limit is said");

    // A cursor that is not (rank, score, id) is refused, naming no rows.
    let forged = Cursor::of(&["x", "0.5", "a"]);
    assert!(alert_cursor_key(&forged).is_none());
    assert!(
        s.alerts_page(&DataScope::All, &none, Some(&forged), 5)
            .await
            .is_err()
    );
}

/// A committed batch of `supplier` with the given counts.
async fn batch(s: &dyn Store, supplier: &str, n: u32, status: BatchStatus, rows: (u64, u64, u64)) {
    let delivery_id = format!("d-{supplier}-{n}");
    let received_at = format!("2026-03-0{n}T02:00:00.000+08:00");
    s.begin_delivery(&NewDelivery {
        delivery_id: delivery_id.clone(),
        supplier: Some(supplier.into()),
        batch_id: Some(format!("b{n}")),
        batch_digest: Some("ab".repeat(32)),
        delivery_sha256: None,
        received_at: received_at.clone(),
    })
    .await
    .unwrap();
    let receipt = Receipt {
        batch_id: Some(format!("b{n}")),
        supplier: Some(supplier.into()),
        status,
        accepted: rows.0,
        quarantined: rows.1,
        warnings: rows.2,
        received_at,
        files: vec![],
        reason: None,
        reason_en: None,
        batch_digest: Some("ab".repeat(32)),
        original_received_at: None,
    };
    let outcome = s.commit_batch(&delivery_id, &receipt, &[]).await.unwrap();
    assert!(matches!(outcome, CommitOutcome::Committed));
}

/// Ingest health: aggregated per supplier, inside the scope.
async fn ingest_story(s: &dyn Store) {
    let label = s.backend();
    assert!(s.ingest_health(&DataScope::All).await.unwrap().is_empty());
    batch(s, "tmall", 1, BatchStatus::Accepted, (9, 1, 2)).await;
    batch(s, "tmall", 3, BatchStatus::Rejected, (0, 0, 0)).await;
    batch(s, "tmall", 2, BatchStatus::Accepted, (5_000_000_000, 0, 1)).await;
    batch(s, "jd", 4, BatchStatus::Accepted, (7, 3, 0)).await;
    let all = s.ingest_health(&DataScope::All).await.unwrap();
    let suppliers: Vec<&str> = all.iter().map(|h| h.supplier.as_str()).collect();
    assert_eq!(suppliers, ["jd", "tmall"], "{label}");
    let tmall = &all[1];
    assert_eq!(
        (
            tmall.batches,
            tmall.rejected,
            tmall.accepted,
            tmall.quarantined,
            tmall.warnings
        ),
        (3, 1, 5_000_000_009, 1, 3),
        "{label}: sums past 2^32 stay exact"
    );
    assert_eq!(
        tmall.last_received_at, "2026-03-03T02:00:00.000+08:00",
        "{label}"
    );
    // A platform's scope counts its own batches only, never the other platform's.
    let own = s
        .ingest_health(&DataScope::Supplier("tmall".into()))
        .await
        .unwrap();
    assert_eq!(own, vec![tmall.clone()], "{label}");
    let jd = s
        .ingest_health(&DataScope::Supplier("jd".into()))
        .await
        .unwrap();
    assert_eq!(jd.len(), 1, "{label}");
    assert_eq!(
        (jd[0].supplier.as_str(), jd[0].accepted),
        ("jd", 7),
        "{label}"
    );
    for nothing in [
        DataScope::Nothing,
        DataScope::Supplier(String::new()),
        DataScope::Supplier("nobody".into()),
    ] {
        assert!(
            s.ingest_health(&nothing).await.unwrap().is_empty(),
            "{label}"
        );
    }
}

#[tokio::test(flavor = "current_thread")]
async fn scoped_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn Store> = Arc::new(
        tianping_store_sqlite::SqliteStore::open(&dir.path().join("t.db"))
            .await
            .unwrap(),
    );
    ingest_story(store.as_ref()).await;
    story(store).await;
}

#[tokio::test(flavor = "current_thread")]
async fn scoped_on_postgres() {
    let Some(url) = fresh_postgres().await else {
        return;
    };
    let store: Arc<dyn Store> = Arc::new(
        tianping_store_postgres::PostgresStore::open(&url)
            .await
            .unwrap(),
    );
    ingest_story(store.as_ref()).await;
    story(store).await;
}
