//! The department registry and the unit-scoped lists, on both backends (SQLite always;
//! PostgreSQL when `TIANPING_TEST_PG_URL` is set, required under CI):
//! - seeding stores the registry; a department no longer configured is kept, inactive;
//! - records written before the registry (accounts, clues, notices naming `网监处`) are
//!   migrated to ids by the seed; a value that maps to nothing fails the whole seed naming the
//!   table, the row and the value — every such row, not the first — and nothing changes;
//!   `department_orphans` lists the same rows (with the id a name maps to) without changing
//!   anything, and is empty after the seed;
//! - once a registry exists, writing a department that is no registry id is refused by the
//!   store (migration 0011's triggers) for accounts, clues/cases and notices;
//! - the service resolves a typed Chinese name to the id and refuses an unknown one listing the
//!   valid ids;
//! - clue/case and notice lists are scoped in SQL (unit, region cover, platform, nothing) and
//!   paged by keyset without loss or repetition;
//! - the audit log anchored in the evidence log: after anchoring, a rewrite of an audit row —
//!   even with every later hash recomputed — makes `evidence::check` fail naming the row.

use std::sync::Arc;

use tianping_cases::case::{Actor, Role};
use tianping_evidence::SigningKey;
use tianping_service::cases::{CaseServiceError, Desk};
use tianping_service::evidence::{self, EvidenceKey};
use tianping_store::Store;
use tianping_store::accounts::{AuditEvent, NewAccount};
use tianping_store::cases::{AlertRow, CaseEventRow, CaseRow, ClueOutcome, QueueFilter};
use tianping_store::departments::{DepartmentRow, UnitScope};
use tianping_store::notices::{IssueOutcome, NoticeEventRow, NoticeFilter, NoticeRow};
use tianping_store::pages::Cursor;
use tianping_store_tests::{assert_refused, at, fresh_postgres, raw_sql, test_departments};

fn alert(id: &str) -> AlertRow {
    AlertRow {
        alert_id: id.into(),
        merchant_key: format!("merchant|tmall|{id}"),
        subject_kind: "merchant".into(),
        subject_platform: Some("tmall".into()),
        subject_id: id.into(),
        practice: "false_advertising".into(),
        severity: "low".into(),
        severity_rank: 0,
        score: 0.5,
        tier: "rectification".into(),
        finding_ids: "[]".into(),
        body: "{}".into(),
        status: "open".into(),
        case_id: None,
        first_seen_ms: 1,
        updated_at_ms: 1,
        region: None,
    }
}

/// A clue stored as it would have been before the registry: whatever department text is given.
async fn raw_clue(
    s: &dyn Store,
    n: u32,
    department: &str,
    region: &str,
    due: Option<&str>,
) -> String {
    let alert_id = format!("a-{n:03}");
    let case_id = format!("clue-{n:03}");
    s.upsert_alerts(&[alert(&alert_id)]).await.unwrap();
    let case = CaseRow {
        case_id: case_id.clone(),
        alert_id,
        state: "assigned".into(),
        department: department.into(),
        region: region.into(),
        deadline_kind: due.map(|_| "verify".into()),
        due_date: due.map(String::from),
        due_unknown: false,
        dispute_due: None,
        version: 1,
        opened_at_ms: 1,
        updated_at_ms: 1,
        body: format!(r#"{{"department":"{department}"}}"#),
    };
    let event = CaseEventRow {
        case_id: case_id.clone(),
        seq: 1,
        actor: "u-dispatch".into(),
        role: "dispatcher".into(),
        action: "open".into(),
        from_state: None,
        to_state: "assigned".into(),
        reason: "测试".into(),
        at_ms: 1,
        body: "{}".into(),
    };
    assert_eq!(
        s.create_clue(&case, &event).await.unwrap(),
        ClueOutcome::Created
    );
    case_id
}

async fn raw_notice(
    s: &dyn Store,
    n: u32,
    department: &str,
    region: &str,
    platform: &str,
) -> String {
    let alert_id = format!("na-{n:03}");
    let notice_id = format!("notice-{n:03}");
    s.upsert_alerts(&[alert(&alert_id)]).await.unwrap();
    let notice = NoticeRow {
        notice_id: notice_id.clone(),
        alert_id,
        merchant_key: "merchant|tmall|m".into(),
        practice: "false_advertising".into(),
        platform: platform.into(),
        department: department.into(),
        region: region.into(),
        state: "issued".into(),
        due_date: Some(format!("2026-12-{:02}", 1 + n % 28)),
        due_unknown: false,
        version: 1,
        issued_at_ms: 1,
        updated_at_ms: 1,
        case_id: None,
        body: "{}".into(),
    };
    let event = NoticeEventRow {
        notice_id: notice_id.clone(),
        seq: 1,
        actor: "u-officer".into(),
        role: "officer".into(),
        action: "issue".into(),
        from_state: None,
        to_state: "issued".into(),
        reason: "测试".into(),
        at_ms: 1,
        body: "{}".into(),
    };
    assert_eq!(
        s.issue_notice(&notice, &event).await.unwrap(),
        IssueOutcome::Issued
    );
    notice_id
}

fn account(id: &str, department: &str) -> NewAccount {
    NewAccount {
        user_id: id.into(),
        login: id.into(),
        display_name: id.into(),
        password_hash: "x".into(),
        totp_secret: "x".into(),
        roles: "analyst".into(),
        department: department.into(),
        region: "330100".into(),
        created_at: "2026-11-30T00:00:00Z".into(),
    }
}

/// Every page of a scoped case list, `limit` rows at a time.
async fn all_cases(s: &dyn Store, scope: &UnitScope, limit: u32) -> Vec<String> {
    let mut out = Vec::new();
    let mut after: Option<Cursor> = None;
    loop {
        let page = s
            .cases_page(scope, &QueueFilter::default(), after.as_ref(), limit)
            .await
            .unwrap();
        assert!(page.items.len() <= limit as usize);
        out.extend(page.items.iter().map(|c| c.case_id.clone()));
        match page.next {
            Some(next) => after = Some(Cursor::parse(&next, 2).unwrap()),
            None => break,
        }
    }
    out
}

async fn all_notices(s: &dyn Store, scope: &UnitScope, limit: u32) -> Vec<String> {
    let mut out = Vec::new();
    let mut after: Option<Cursor> = None;
    loop {
        let page = s
            .notices_page(scope, &NoticeFilter::default(), after.as_ref(), limit)
            .await
            .unwrap();
        out.extend(page.items.iter().map(|n| n.notice_id.clone()));
        match page.next {
            Some(next) => after = Some(Cursor::parse(&next, 2).unwrap()),
            None => break,
        }
    }
    out
}

fn unit(department: &str, prefix: &str) -> UnitScope {
    UnitScope::Unit {
        department: department.into(),
        region_prefix: prefix.into(),
    }
}

/// Rows that map to no department: listed, each named, without a change; a seed fails naming
/// every one; after a seed that maps the rest, only they remain listed; and once a registry
/// exists, no write may name a department outside it.
async fn orphans_story(store: Arc<dyn Store>) {
    let s = store.as_ref();
    let label = s.backend();
    assert!(s.department_orphans().await.unwrap().is_empty(), "{label}");
    assert!(s.create_account(&account("u-old", "网监处")).await.unwrap());
    let old_case = raw_clue(s, 1, "网监处", "330106", Some("2026-12-10")).await;
    let old_notice = raw_notice(s, 1, "价监处", "330100", "tmall").await;
    let lost_case = raw_clue(s, 2, "失踪处", "330106", None).await;

    // Before any seed, every row is listed, each with what its value maps to (nothing yet:
    // there is no registry).
    let orphans = s.department_orphans().await.unwrap();
    let named: Vec<(&str, &str, &str)> = orphans
        .iter()
        .map(|o| (o.table.as_str(), o.row.as_str(), o.value.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            ("accounts", "u-old", "网监处"),
            ("cases", old_case.as_str(), "网监处"),
            ("cases", lost_case.as_str(), "失踪处"),
            ("notices", old_notice.as_str(), "价监处"),
        ],
        "{label}"
    );
    assert!(orphans.iter().all(|o| o.maps_to.is_none()), "{label}");

    // A registry that cannot place 失踪处 at all: the seed fails naming that row, nothing
    // changes.
    let e = s
        .seed_departments(&test_departments())
        .await
        .unwrap_err()
        .to_string();
    assert!(
        e.contains(&lost_case) && e.contains("失踪处") && e.contains("1 rows"),
        "{label}: {e}"
    );
    assert!(s.departments().await.unwrap().is_empty(), "{label}");
    assert!(
        e.contains(&lost_case) && e.contains("失踪处") && !e.contains(&old_case),
        "{label}: {e}"
    );
    let lost_notice = raw_notice(s, 2, "外星处", "330100", "tmall").await;
    let e = s
        .seed_departments(&test_departments())
        .await
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("2 rows") && e.contains(&lost_case) && e.contains(&lost_notice),
        "{label}: every unmappable row is named: {e}"
    );
    assert_eq!(s.department_orphans().await.unwrap().len(), 5, "{label}");
}

/// Once a registry exists, a write naming a department outside it is refused by the store; a
/// department that records point to can be neither deleted nor renamed, even in SQL, while one
/// nothing points to can be deleted.
async fn reference_story(store: Arc<dyn Store>, url: &str) {
    let s = store.as_ref();
    let label = s.backend();
    // Without a registry (a fresh database, before the first seed) writes are not checked.
    assert!(
        s.create_account(&account("u-early", "wangjian"))
            .await
            .unwrap()
    );
    tianping_store_tests::seed_departments(s).await;
    assert!(s.department_orphans().await.unwrap().is_empty(), "{label}");
    let e = s
        .create_account(&account("u-stray", "nowhere"))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("department_ref") && e.contains("accounts"),
        "{label}: {e}"
    );
    assert!(
        s.account_by_id("u-stray").await.unwrap().is_none(),
        "{label}"
    );
    assert!(s.create_account(&account("u-ok", "jiage")).await.unwrap());

    assert_refused(
        url,
        &[
            "DELETE FROM departments WHERE id = 'jiage'",
            "UPDATE departments SET id = 'jiage2' WHERE id = 'jiage'",
        ],
        "department_ref",
    )
    .await;
    let ids: Vec<String> = s
        .departments()
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert!(ids.iter().any(|d| d == "jiage"), "{label}: {ids:?}");
    // `xihu`: no account, case or notice points to it.
    assert_eq!(
        raw_sql(url, "DELETE FROM departments WHERE id = 'xihu'").await,
        Ok(1),
        "{label}"
    );
    assert!(
        !s.departments()
            .await
            .unwrap()
            .iter()
            .any(|d| d.id == "xihu"),
        "{label}"
    );
}

async fn story(store: Arc<dyn Store>) {
    let s = store.as_ref();
    let label = s.backend();

    // Records from before the registry name their department in Chinese.
    assert!(s.create_account(&account("u-old", "网监处")).await.unwrap());
    let old_case = raw_clue(s, 1, "网监处", "330106", Some("2026-12-10")).await;
    let old_notice = raw_notice(s, 1, "价监处", "330100", "tmall").await;

    // A registry that cannot place 价监处: the seed fails naming the row, nothing changes.
    let partial: Vec<DepartmentRow> = test_departments()
        .into_iter()
        .filter(|d| d.id != "jiage")
        .collect();
    let e = s.seed_departments(&partial).await.unwrap_err().to_string();
    assert!(
        e.contains("notices")
            && e.contains(&old_notice)
            && e.contains("价监处")
            && e.contains("wangjian（网监处）"),
        "{label}: {e}"
    );
    assert!(
        s.departments().await.unwrap().is_empty(),
        "{label}: rolled back"
    );
    assert_eq!(
        s.case(&old_case).await.unwrap().unwrap().department,
        "网监处"
    );

    // The full registry: everything maps; rows now hold ids, bodies keep their history.
    let report = s.seed_departments(&test_departments()).await.unwrap();
    assert_eq!((report.inserted, report.updated), (4, 0), "{label}");
    let mut migrated = report.migrated.clone();
    migrated.sort();
    assert_eq!(
        migrated,
        [
            ("accounts".to_string(), 1),
            ("cases".to_string(), 1),
            ("notices".to_string(), 1)
        ],
        "{label}"
    );
    let case = s.case(&old_case).await.unwrap().unwrap();
    assert_eq!(
        (case.department.as_str(), case.body.contains("网监处")),
        ("wangjian", true)
    );
    assert_eq!(
        s.notice(&old_notice).await.unwrap().unwrap().department,
        "jiage"
    );
    assert_eq!(
        s.account_by_id("u-old").await.unwrap().unwrap().department,
        "wangjian"
    );

    // Seeding again changes nothing; a department dropped from the configuration is kept,
    // inactive (records may point to it).
    let again = s.seed_departments(&test_departments()).await.unwrap();
    assert_eq!(
        (again.inserted, again.updated, again.migrated.len()),
        (0, 4, 0)
    );
    let dropped = s.seed_departments(&partial).await.unwrap();
    assert_eq!(dropped.deactivated, ["jiage"], "{label}");
    let stored = s.departments().await.unwrap();
    assert_eq!(stored.len(), 4);
    assert!(!stored.iter().find(|d| d.id == "jiage").unwrap().active);
    s.seed_departments(&test_departments()).await.unwrap();

    // The service resolves what people type, and refuses what the registry does not hold.
    let desk = Desk::embedded().unwrap();
    let actor = Actor {
        id: "u-dispatch".into(),
        role: Role::Dispatcher,
    };
    s.upsert_alerts(&[alert("a-typed")]).await.unwrap();
    let e = desk
        .open_clue(
            s,
            "a-typed",
            &actor,
            "稽查处",
            "330106",
            "交办",
            at(2026, 11, 30, 9),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(e, CaseServiceError::Unit(_)) && e.is_user_error(),
        "{e}"
    );
    let text = e.to_string();
    assert!(
        text.contains("稽查处")
            && text.contains("wangjian（网监处）")
            && text.contains("jiage（价监处）"),
        "{text}"
    );
    let e = desk
        .open_clue(
            s,
            "a-typed",
            &actor,
            "网监处",
            "33010",
            "交办",
            at(2026, 11, 30, 9),
        )
        .await
        .unwrap_err();
    assert!(e.to_string().contains("33010"), "{e}");
    let typed = desk
        .open_clue(
            s,
            "a-typed",
            &actor,
            "网监处",
            "330106",
            "交办",
            at(2026, 11, 30, 9),
        )
        .await
        .unwrap();
    assert_eq!(typed.department, "wangjian");
    assert_eq!(
        s.case(&typed.case_id).await.unwrap().unwrap().department,
        "wangjian"
    );

    // Scoped lists: clues of several units; each scope fetches only its own rows, page by page.
    raw_clue(s, 2, "wangjian", "330102", Some("2026-12-03")).await;
    raw_clue(s, 3, "jiage", "330106", Some("2026-12-01")).await;
    raw_clue(s, 4, "wangjian", "440300", None).await;
    raw_clue(s, 5, "wangjian", "330106", None).await;
    raw_clue(s, 6, "wangjian", "330106", Some("2026-12-10")).await;
    let hz_wangjian = all_cases(s, &unit("wangjian", "3301"), 1).await;
    // Earliest due first, unknown last, then by id: the typed clue (no due date known here? it
    // has its verification deadline) is placed by its own due date.
    let mut expected = vec![
        "clue-002",
        "clue-001",
        "clue-006",
        "clue-005",
        typed.case_id.as_str(),
    ];
    let typed_due = s.case(&typed.case_id).await.unwrap().unwrap().due_date;
    let mut with_keys: Vec<(String, String)> = Vec::new();
    for id in &expected {
        let c = s.case(id).await.unwrap().unwrap();
        with_keys.push((
            c.due_date.unwrap_or_else(|| "9999-99-99".into()),
            id.to_string(),
        ));
    }
    with_keys.sort();
    expected = with_keys.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(
        hz_wangjian, expected,
        "{label}: unit scope, typed due {typed_due:?}"
    );
    assert_eq!(
        all_cases(s, &unit("wangjian", "3301"), 50).await,
        expected,
        "{label}: one page"
    );
    let xihu = all_cases(
        s,
        &UnitScope::Region {
            region_prefix: "330106".into(),
        },
        2,
    )
    .await;
    assert_eq!(
        xihu.len(),
        5,
        "{label}: 001, 003, 005, 006, typed: {xihu:?}"
    );
    assert!(!xihu.contains(&"clue-002".to_string()) && !xihu.contains(&"clue-004".to_string()));
    assert_eq!(
        all_cases(s, &unit("wangjian", "440300"), 3).await,
        ["clue-004"]
    );
    assert_eq!(all_cases(s, &UnitScope::All, 2).await.len(), 7);
    assert!(all_cases(s, &UnitScope::Nothing, 5).await.is_empty());
    assert!(
        all_cases(s, &UnitScope::Platform("tmall".into()), 5)
            .await
            .is_empty()
    );
    // An empty department or prefix never widens a scope.
    assert!(all_cases(s, &unit("", "3301"), 5).await.is_empty());
    assert!(all_cases(s, &unit("wangjian", ""), 5).await.is_empty());

    raw_notice(s, 2, "wangjian", "330106", "tmall").await;
    raw_notice(s, 3, "wangjian", "330200", "jd").await;
    raw_notice(s, 4, "jiage", "330106", "jd").await;
    assert_eq!(
        all_notices(s, &unit("wangjian", "3301"), 1).await,
        ["notice-002"],
        "{label}"
    );
    let mut jd = all_notices(s, &UnitScope::Platform("jd".into()), 1).await;
    jd.sort();
    assert_eq!(jd, ["notice-003", "notice-004"]);
    assert_eq!(
        all_notices(
            s,
            &UnitScope::Region {
                region_prefix: "3301".into()
            },
            2
        )
        .await
        .len(),
        3
    );

    // The audit log anchored in the evidence log.
    audit_anchoring(store.clone()).await;
}

async fn audit_anchoring(store: Arc<dyn Store>) {
    let s = store.as_ref();
    let label = s.backend();
    let key = EvidenceKey::from_key(SigningKey::from_seed(&[9; 32]));
    let event = |n: u32| AuditEvent {
        at: format!("2026-11-30T0{n}:00:00Z"),
        actor: "u-admin".into(),
        action: "create_user".into(),
        target: format!("user:{n}"),
        outcome: "success".into(),
        detail: "{}".into(),
        source: "127.0.0.1".into(),
    };
    use tianping_service::audit_anchor::anchor_audit;
    // One anchor per row here, so a failure names exactly one row.
    for n in 1..=3 {
        s.append_audit(&event(n)).await.unwrap();
        let anchor = anchor_audit(s, "test", 1_000 + i64::from(n)).await.unwrap();
        assert_eq!(anchor.seq, u64::from(n));
        assert!(anchor.leaf.is_some());
    }
    // The same head is not anchored twice in a row.
    assert_eq!(anchor_audit(s, "test", 2_000).await.unwrap().leaf, None);
    let report = evidence::check(s, &key.public_key(), &[]).await.unwrap();
    assert!(report.ok(), "{label}: {:?}", report.failures);

    // Rewrite row 2 with an attacker's access (triggers off) and recompute every later hash,
    // so the chain itself verifies again.
    rewrite_audit_row(s, 2).await;
    let chain = s.verify_audit_chain().await.unwrap();
    assert!(chain.is_intact(), "{label}: the attacker fixed the chain");
    let report = evidence::check(s, &key.public_key(), &[]).await.unwrap();
    let failures: Vec<String> = report
        .failures
        .iter()
        .map(|f| format!("{} {}", f.message, f.message_en))
        .collect();
    assert!(!report.ok(), "{label}: the rewrite is detected");
    assert!(
        failures[0].contains("audit row 2 changed") && failures[0].contains("第 2 行"),
        "{label}: {failures:?}"
    );
    assert!(
        failures.iter().all(|f| !f.contains("row 1 ")),
        "{label}: row 1 is intact: {failures:?}"
    );
    // Anchoring now refuses nothing (the chain verifies) but the old anchors still fail.
    anchor_audit(s, "test", 3_000).await.unwrap();
    assert!(
        !evidence::check(s, &key.public_key(), &[])
            .await
            .unwrap()
            .ok()
    );
}

/// Edits audit row `seq`'s target and recomputes its hash and every later one, as someone with
/// database access could.
async fn rewrite_audit_row(s: &dyn Store, seq: u64) {
    let mut rows = s.audit_events(1000, None).await.unwrap();
    rows.reverse();
    let mut prev = tianping_store::accounts::GENESIS_HASH.to_string();
    let mut updates = Vec::new();
    for mut r in rows {
        if r.seq == seq {
            r.event.target = "user:forged".into();
        }
        let hash = r.event.chain_hash(r.seq, &prev);
        updates.push((r.seq, prev.clone(), hash.clone(), r.event.target.clone()));
        prev = hash;
    }
    match s.backend() {
        "sqlite" => {
            let url = DB_PATH.with(|p| p.borrow().clone());
            let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
            sqlx::query("DROP TRIGGER audit_log_no_update")
                .execute(&pool)
                .await
                .unwrap();
            for (seq, prev_hash, row_hash, target) in &updates {
                sqlx::query("UPDATE audit_log SET target = ?1, prev_hash = ?2, row_hash = ?3 WHERE seq = ?4")
                    .bind(target)
                    .bind(prev_hash)
                    .bind(row_hash)
                    .bind(*seq as i64)
                    .execute(&pool)
                    .await
                    .unwrap();
            }
            sqlx::query("UPDATE audit_head SET hash = ?1 WHERE id = 1")
                .bind(&prev)
                .execute(&pool)
                .await
                .unwrap();
            pool.close().await;
        }
        _ => {
            let url = DB_PATH.with(|p| p.borrow().clone());
            let pool = sqlx::PgPool::connect(&url).await.unwrap();
            sqlx::query("ALTER TABLE audit_log DISABLE TRIGGER USER")
                .execute(&pool)
                .await
                .unwrap();
            for (seq, prev_hash, row_hash, target) in &updates {
                sqlx::query("UPDATE audit_log SET target = $1, prev_hash = $2, row_hash = $3 WHERE seq = $4")
                    .bind(target)
                    .bind(prev_hash)
                    .bind(row_hash)
                    .bind(*seq as i64)
                    .execute(&pool)
                    .await
                    .unwrap();
            }
            sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
                .bind(&prev)
                .execute(&pool)
                .await
                .unwrap();
            pool.close().await;
        }
    }
}

thread_local! {
    /// The database the current story runs on (for the attacker's direct connection).
    static DB_PATH: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

#[tokio::test(flavor = "current_thread")]
async fn departments_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let store: Arc<dyn Store> = Arc::new(
        tianping_store_sqlite::SqliteStore::open(&path)
            .await
            .unwrap(),
    );
    DB_PATH.with(|p| *p.borrow_mut() = format!("sqlite:{}", path.display()));
    story(store).await;
}

#[tokio::test(flavor = "current_thread")]
async fn departments_on_postgres() {
    let Some(url) = fresh_postgres().await else {
        return;
    };
    let store: Arc<dyn Store> = Arc::new(
        tianping_store_postgres::PostgresStore::open(&url)
            .await
            .unwrap(),
    );
    DB_PATH.with(|p| *p.borrow_mut() = url.clone());
    story(store).await;
}

#[tokio::test(flavor = "current_thread")]
async fn department_references_on_sqlite() {
    for n in 0..2 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let store: Arc<dyn Store> = Arc::new(
            tianping_store_sqlite::SqliteStore::open(&path)
                .await
                .unwrap(),
        );
        if n == 0 {
            orphans_story(store).await;
        } else {
            reference_story(store, &format!("sqlite:{}", path.display())).await;
        }
    }
}

#[tokio::test(flavor = "current_thread")]
async fn department_references_on_postgres() {
    for n in 0..2 {
        let Some(url) = fresh_postgres().await else {
            return;
        };
        let store: Arc<dyn Store> = Arc::new(
            tianping_store_postgres::PostgresStore::open(&url)
                .await
                .unwrap(),
        );
        if n == 0 {
            orphans_story(store).await;
        } else {
            reference_story(store, &url).await;
        }
    }
}
