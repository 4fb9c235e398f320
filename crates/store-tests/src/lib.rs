//! The store story test (in `tests/story.rs`) runs one story against every backend: SQLite in a
//! temporary directory always, PostgreSQL when `TIANPING_TEST_PG_URL` names a server (required
//! when `CI` is set, so CI cannot silently skip it). The helpers every story shares live here.

use chrono::TimeZone;
use serde_json::json;
use tianping_detect::finding::{evidence_sha256, finding_id};
use tianping_detect::{Finding, Ref, Severity, Window};

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
