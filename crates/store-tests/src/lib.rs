//! The store story test (in `tests/story.rs`) runs one story against every backend: SQLite in a
//! temporary directory always, PostgreSQL when `TIANPING_TEST_PG_URL` names a server (required
//! when `CI` is set, so CI cannot silently skip it). The helpers every story shares live here.

use chrono::TimeZone;
use serde_json::json;
use tianping_detect::finding::{evidence_sha256, finding_id};
use tianping_detect::{Finding, Ref, Severity, Window};
use tianping_evidence::{Entry, HashAlg};
use tianping_store::{DetectionRun, NewLeaf, Store, StoredFinding};

/// ms since the epoch of a Beijing wall-clock time.
pub fn at(y: i32, m: u32, d: u32, h: u32) -> i64 {
    chrono::FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, 0, 0)
        .unwrap()
        .timestamp_millis()
}

/// A finding per `shared/spec/findings.md` §1 as JSON, with a stable id and its evidence hash.
pub fn finding_json(
    detector: &str,
    rule: &str,
    subject: Ref,
    related: Vec<Ref>,
    severity: Severity,
    score: f64,
) -> String {
    let window = Window {
        from: "2026-01-01T00:00:00+08:00".into(),
        to: "2026-01-31T00:00:00+08:00".into(),
    };
    let rule = format!("{detector}.{rule}");
    let evidence = json!({"observed": score});
    let f = Finding {
        finding_id: finding_id(detector, &rule, &subject, Some(&window)),
        detector: detector.into(),
        rule,
        detector_version: 1,
        severity,
        score,
        subject,
        related,
        window: Some(window),
        legal_basis: vec!["反不正当竞争法 第九条".into()],
        summary: "商户存在可疑行为".into(),
        evidence_sha256: evidence_sha256(&evidence),
        evidence,
    };
    serde_json::to_string(&f).unwrap()
}

/// A fresh database on the PostgreSQL server named by `TIANPING_TEST_PG_URL` (a copy of
/// `template` when one is given): its URL and its name. `None` when the variable is unset, which
/// CI (`CI` set) refuses, so the PostgreSQL stories cannot be skipped there.
pub async fn fresh_postgres_database(template: Option<&str>) -> Option<(String, String)> {
    let Ok(url) = std::env::var("TIANPING_TEST_PG_URL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must set TIANPING_TEST_PG_URL: the PostgreSQL stories may not be skipped"
        );
        eprintln!("TIANPING_TEST_PG_URL not set: PostgreSQL story skipped (set it to run)");
        return None;
    };
    let admin = sqlx::PgPool::connect(&url).await.unwrap();
    if let Some(t) = template {
        // A template may have no other sessions.
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{t}' AND pid <> pg_backend_pid()"
        )))
        .execute(&admin)
        .await
        .unwrap();
    }
    let name = format!("tianping_test_{}", uuid::Uuid::new_v4().simple());
    let sql = match template {
        Some(t) => format!("CREATE DATABASE {name} TEMPLATE {t}"),
        None => format!("CREATE DATABASE {name}"),
    };
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .execute(&admin)
        .await
        .unwrap();
    admin.close().await;
    let base = url
        .rsplit_once('/')
        .map_or(url.as_str(), |(base, _)| base)
        .to_string();
    Some((format!("{base}/{name}"), name))
}

/// The URL of a fresh, empty database (see [`fresh_postgres_database`]).
pub async fn fresh_postgres() -> Option<String> {
    fresh_postgres_database(None).await.map(|(url, _)| url)
}

/// Stores findings as detection run `run_id` on `day` (`YYYY-MM-DD`, Beijing) does, each with its
/// evidence-log leaf.
pub async fn store_findings(store: &dyn Store, run_id: &str, day: &str, bodies: &[String]) {
    let mut stored = Vec::new();
    for body in bodies {
        let value: serde_json::Value = serde_json::from_str(body).unwrap();
        let canonical = tianping_detect::finding::canonical_json(&value);
        let id = value["finding_id"].as_str().unwrap().to_string();
        let evidence_sha256 = value["evidence_sha256"].as_str().unwrap().to_string();
        let entry = Entry::Finding {
            finding_id: id.clone(),
            rule: value["rule"].as_str().unwrap().into(),
            evidence_sha256: tianping_evidence::Hash::from_hex(&evidence_sha256).unwrap(),
            finding_sha256: HashAlg::Sha256.digest(canonical.as_bytes()),
            finding_sm3: HashAlg::Sm3.digest(canonical.as_bytes()),
        };
        stored.push(StoredFinding {
            finding_id: id.clone(),
            detector: value["detector"].as_str().unwrap().into(),
            rule: value["rule"].as_str().unwrap().into(),
            severity: value["severity"].as_str().unwrap().into(),
            subject_kind: value["subject"]["kind"].as_str().unwrap().into(),
            subject_platform: value["subject"]["platform_id"].as_str().map(String::from),
            subject_id: value["subject"]["id"].as_str().unwrap().into(),
            body: body.clone(),
            evidence_sha256,
            region: None,
            leaf: NewLeaf::from_entry(format!("finding:{id}"), &entry).unwrap(),
        });
    }
    let run = DetectionRun {
        run_id: run_id.into(),
        as_of: format!("{day}T00:00:00+08:00"),
        started_at: format!("{day}T01:00:00+08:00"),
        detectors: "[]".into(),
        params: "{}".into(),
        params_sha256: "0".repeat(64),
        data_sha256: "0".repeat(64),
        findings: stored.len() as u64,
        new_findings: 0,
    };
    store.save_detection(&run, &stored, &[], &[]).await.unwrap();
}

/// The department registry the stories run under (ids with the Chinese names people type):
/// `wangjian` 网监处 and `jiage` 价监处 of Hangzhou, `xihu` of 西湖区.
pub fn test_departments() -> Vec<tianping_store::departments::DepartmentRow> {
    let row = |id: &str, zh: &str, en: &str, region: &str, parent: Option<&str>| {
        tianping_store::departments::DepartmentRow {
            id: id.into(),
            name_zh: zh.into(),
            name_en: en.into(),
            region: region.into(),
            parent: parent.map(String::from),
            active: true,
        }
    };
    vec![
        row("hz", "杭州市市场监督管理局", "Hangzhou AMR", "330100", None),
        row(
            "wangjian",
            "网监处",
            "Online Trading Division",
            "330100",
            Some("hz"),
        ),
        row("jiage", "价监处", "Price Division", "330100", Some("hz")),
        row(
            "xihu",
            "西湖区市场监督管理局",
            "Xihu District AMR",
            "330106",
            Some("hz"),
        ),
    ]
}

/// Seeds [`test_departments`] into a store.
pub async fn seed_departments(store: &dyn Store) {
    store
        .seed_departments(&test_departments())
        .await
        .expect("seeding the test departments");
}

/// Runs one statement on the database behind `url` (`sqlite:PATH` or a PostgreSQL URL) over a
/// connection of its own, as an operator with SQL access would — past the store's API, so what
/// answers is the database's own guard (triggers, constraints).
pub async fn raw_sql(url: &str, sql: &'static str) -> Result<u64, String> {
    if let Some(path) = url.strip_prefix("sqlite:") {
        let pool = sqlx::SqlitePool::connect(&format!("sqlite:{path}"))
            .await
            .expect("connecting to the SQLite file");
        let r = sqlx::query(sql).execute(&pool).await;
        pool.close().await;
        r.map(|done| done.rows_affected())
            .map_err(|e| e.to_string())
    } else {
        let pool = sqlx::PgPool::connect(url)
            .await
            .expect("connecting to PostgreSQL");
        let r = sqlx::query(sql).execute(&pool).await;
        pool.close().await;
        r.map(|done| done.rows_affected())
            .map_err(|e| e.to_string())
    }
}

/// Asserts that the database behind `url` refuses every statement with an error containing
/// `needle` (see [`raw_sql`]).
pub async fn assert_refused(url: &str, statements: &[&'static str], needle: &str) {
    for sql in statements {
        let e = raw_sql(url, sql)
            .await
            .expect_err(&format!("{sql} was not refused"));
        assert!(e.contains(needle), "{sql}: {e}");
    }
}
