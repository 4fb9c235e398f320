//! The credit area on both backends (SQLite always; PostgreSQL when `TIANPING_TEST_PG_URL` is
//! set, required under CI): a day's classes stored whole, replaced whole, the latest per entity;
//! a 双随机 draw record stored with its evidence leaf in the same transaction (the leaf's SHA-256
//! and SM3 are the stored record's bytes'), re-saving the same draw changes nothing, a different
//! record under the same key and a second draw of the same task are refused, the stored record
//! still verifies, and the database
//! refuses to rewrite or delete a draw.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::NaiveDate;
use tianping_credit::draw::{self, DrawInput, DrawRecord};
use tianping_credit::facts::{EntityFacts, RegistryFacts, RegistryStatus};
use tianping_credit::plan::{Inspector, Plan, RegisterEntry};
use tianping_credit::rates::Rates;
use tianping_credit::{Model, classify};
use tianping_evidence::{Entry, HashAlg};
use tianping_store::Store;
use tianping_store::credit::{ClassRow, DrawRow, DrawSaved, DrawScope, record_department};
use tianping_store_tests::{at, fresh_postgres};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn uscc(i: usize) -> String {
    format!("91330106MA{i:07}X")
}

fn classes(as_of: &str, abnormal_every: usize) -> Vec<ClassRow> {
    let model = Model::embedded().unwrap();
    (0..20)
        .map(|i| {
            let facts = EntityFacts {
                uscc: uscc(i),
                registry: RegistryFacts {
                    status: if i % abnormal_every == 0 {
                        RegistryStatus::Abnormal
                    } else {
                        RegistryStatus::Active
                    },
                    established_on: d("2020-01-01"),
                    annual_report_filed: true,
                },
                open_shops: 1,
                penalties: vec![],
                complaints: vec![],
                findings: vec![],
                cases: vec![],
            };
            let c = classify(&model, &facts, d(as_of)).unwrap();
            ClassRow {
                as_of: as_of.into(),
                uscc: c.uscc.clone(),
                class: c.class.as_str().into(),
                points: i64::from(c.points),
                model_version: i64::from(c.model_version),
                body: serde_json::to_string(&c).unwrap(),
            }
        })
        .collect()
}

const PLAN: &str = r#"
task_id = "hz-2026-wj-12"
task_name = "2026年第十二批网络交易经营者双随机抽查"
department = "wangjian"
item_type = "key"
items = ["亮照亮证"]
check_start = "2026-12-01"
check_end = "2026-12-18"
annual_cap = 2
inspectors_per_object = 2
[rates]
A = 50
B = 50
"#;

fn record(rows: &[ClassRow], task: &str, seed: &str) -> DrawRecord {
    record_of(rows, task, "wangjian", seed)
}

fn record_of(rows: &[ClassRow], task: &str, department: &str, seed: &str) -> DrawRecord {
    let text = PLAN.replace("hz-2026-wj-12", task).replace(
        "department = \"wangjian\"",
        &format!("department = \"{department}\""),
    );
    let plan = Plan::from_toml(&text, &Rates::embedded().unwrap()).unwrap();
    let register: Vec<RegisterEntry> = rows
        .iter()
        .map(|r| RegisterEntry {
            uscc: r.uscc.clone(),
            class: tianping_credit::CreditClass::parse(&r.class).unwrap(),
            adcode: "330106".into(),
            entity_type: "company".into(),
            status: RegistryStatus::Active,
        })
        .collect();
    let inspectors: Vec<Inspector> = (0..4)
        .map(|i| Inspector {
            id: format!("insp-{i}"),
            department: "wangjian".into(),
            active: true,
            conflicts: BTreeSet::new(),
        })
        .collect();
    let input = DrawInput {
        plan,
        as_of: d("2026-11-30"),
        register,
        inspectors,
        prior_checks: BTreeMap::new(),
        public_seed: seed.into(),
    };
    draw::draw(input, &tianping_cases::Calendar::embedded().unwrap()).unwrap()
}

fn row_of(r: &DrawRecord) -> DrawRow {
    DrawRow {
        rng_key: r.rng_key.clone(),
        task_id: r.input.plan.task_id.clone(),
        department: r.input.plan.department.clone(),
        check_start: r.input.plan.check_start.to_string(),
        input_sha256: r.input_sha256.clone(),
        result_sha256: r.result_sha256.clone(),
        record: serde_json::to_string(r).unwrap(),
        leaf_index: 0,
        saved_at_ms: at(2026, 11, 30, 10),
    }
}

async fn story<F>(s: Arc<dyn Store>, tamper: F, label: &str)
where
    F: AsyncFn(&str) -> Result<u64, sqlx::Error>,
{
    // Classes of a day, stored whole; the latest day wins per entity.
    let first = classes("2026-10-31", 4);
    s.save_classes("2026-10-31", &first).await.unwrap();
    assert_eq!(s.classes_on("2026-10-31").await.unwrap(), first, "{label}");
    let second = classes("2026-11-30", 5);
    s.save_classes("2026-11-30", &second).await.unwrap();
    let latest = s.latest_class(&uscc(5)).await.unwrap().unwrap();
    assert_eq!(latest, second[5], "{label}");
    assert_eq!(latest.class, "B", "{label}: abnormal → 25 points → B");
    assert_eq!(s.latest_class(&uscc(4)).await.unwrap().unwrap().class, "A");
    assert!(
        s.latest_class("91330106MA9999999X")
            .await
            .unwrap()
            .is_none()
    );
    // Re-saving a day replaces it whole.
    s.save_classes("2026-11-30", &second[..3]).await.unwrap();
    assert_eq!(
        s.classes_on("2026-11-30").await.unwrap().len(),
        3,
        "{label}"
    );
    assert_eq!(
        s.latest_class(&uscc(5)).await.unwrap().unwrap().as_of,
        "2026-10-31",
        "{label}"
    );
    // A row of another day is refused; nothing changes.
    assert!(s.save_classes("2026-11-30", &first).await.is_err());
    assert_eq!(
        s.classes_on("2026-11-30").await.unwrap().len(),
        3,
        "{label}"
    );

    // A draw: stored with its leaf, in one transaction.
    let size_before = s.evidence_size().await.unwrap();
    let rec = record(&second, "hz-2026-wj-12", "2026-11-30 福彩3D 123");
    let row = row_of(&rec);
    let DrawSaved::Stored { leaf_index } = s.save_draw(&row, "u-officer").await.unwrap() else {
        panic!("{label}: not stored");
    };
    assert_eq!(leaf_index as u64, size_before, "{label}");
    assert_eq!(s.evidence_size().await.unwrap(), size_before + 1, "{label}");
    let leaves = s
        .evidence_by_reference(&format!("draw:{}", rec.rng_key))
        .await
        .unwrap();
    assert_eq!(leaves.len(), 1, "{label}");
    let Entry::File {
        sha256, sm3, size, ..
    } = Entry::decode(&leaves[0].data).unwrap()
    else {
        panic!("{label}: not a File entry");
    };
    let stored = s.draws(Some("hz-2026-wj-12")).await.unwrap();
    assert_eq!(stored.len(), 1, "{label}");
    let bytes = stored[0].record.as_bytes();
    assert_eq!(sha256, HashAlg::Sha256.digest(bytes), "{label}");
    assert_eq!(sm3, HashAlg::Sm3.digest(bytes), "{label}");
    assert_eq!(size, bytes.len() as u64);
    assert_eq!(stored[0].leaf_index, leaf_index);
    // The stored record re-runs to the same draw.
    let back: DrawRecord = serde_json::from_str(&stored[0].record).unwrap();
    draw::verify(&back, &tianping_cases::Calendar::embedded().unwrap()).unwrap();

    // The same draw again: nothing changes.
    assert_eq!(
        s.save_draw(&row, "u-officer").await.unwrap(),
        DrawSaved::AlreadyStored { leaf_index },
        "{label}"
    );
    // Another result under the same key: refused, nothing logged.
    let mut other = row.clone();
    other.result_sha256 = "00".repeat(32);
    assert!(matches!(
        s.save_draw(&other, "u-officer").await.unwrap(),
        DrawSaved::Conflict { .. }
    ));
    assert_eq!(s.evidence_size().await.unwrap(), size_before + 1, "{label}");
    // The same task drawn again with another seed: refused, nothing logged.
    let again = record(&second, "hz-2026-wj-12", "another seed");
    assert_eq!(
        s.save_draw(&row_of(&again), "u-officer").await.unwrap(),
        DrawSaved::TaskDrawn {
            rng_key: rec.rng_key.clone(),
            leaf_index
        },
        "{label}"
    );
    assert_eq!(s.evidence_size().await.unwrap(), size_before + 1, "{label}");
    // Another task's draw; listing by task, all.
    let rec2 = record(&second, "hz-2026-wj-13", "another seed");
    assert!(matches!(
        s.save_draw(&row_of(&rec2), "u-officer").await.unwrap(),
        DrawSaved::Stored { .. }
    ));
    assert_eq!(s.draws(None).await.unwrap().len(), 2, "{label}");
    assert!(s.draws(Some("other-task")).await.unwrap().is_empty());
    // A row whose department is not its record's is refused, nothing logged.
    let rec3 = record_of(&second, "hz-2026-jg-01", "jiage", "seed 3");
    let mut lying = row_of(&rec3);
    lying.department = "wangjian".into();
    assert!(s.save_draw(&lying, "u-officer").await.is_err(), "{label}");
    assert_eq!(s.evidence_size().await.unwrap(), size_before + 2, "{label}");
    // Another department's draw; the scoped list selects by department in the query.
    assert!(matches!(
        s.save_draw(&row_of(&rec3), "u-officer").await.unwrap(),
        DrawSaved::Stored { .. }
    ));
    let tasks = |rows: Vec<DrawRow>| rows.into_iter().map(|r| r.task_id).collect::<Vec<_>>();
    assert_eq!(
        tasks(s.draws_in(&DrawScope::All).await.unwrap()),
        ["hz-2026-jg-01", "hz-2026-wj-12", "hz-2026-wj-13"],
        "{label}: all, newest check first then by task"
    );
    assert_eq!(
        tasks(
            s.draws_in(&DrawScope::Department("wangjian".into()))
                .await
                .unwrap()
        ),
        ["hz-2026-wj-12", "hz-2026-wj-13"],
        "{label}"
    );
    assert_eq!(
        tasks(
            s.draws_in(&DrawScope::Department("jiage".into()))
                .await
                .unwrap()
        ),
        ["hz-2026-jg-01"],
        "{label}"
    );
    assert!(
        s.draws_in(&DrawScope::Department(String::new()))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(s.draws_in(&DrawScope::Nothing).await.unwrap().is_empty());
    let listed = s.draws_in(&DrawScope::All).await.unwrap();
    assert!(
        listed
            .iter()
            .all(|r| r.department == record_department(&r.record).unwrap())
    );

    // The database refuses to rewrite a draw.
    assert!(
        tamper(&rec.rng_key).await.is_err(),
        "{label}: credit_draws accepted a rewrite"
    );
    assert_eq!(s.draws(None).await.unwrap().len(), 3, "{label}");
}

#[tokio::test(flavor = "multi_thread")]
async fn credit_story_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let store = tianping_store_sqlite::SqliteStore::open(&path)
        .await
        .unwrap();
    let url = format!("sqlite://{}", path.display());
    story(
        Arc::new(store),
        async |key: &str| {
            let pool = sqlx::SqlitePool::connect(&url).await?;
            let done = sqlx::query("UPDATE credit_draws SET record = '{}' WHERE rng_key = $1")
                .bind(key)
                .execute(&pool)
                .await?;
            Ok(done.rows_affected())
        },
        "sqlite",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn credit_story_on_postgres() {
    let Some(url) = fresh_postgres().await else {
        return;
    };
    let store = tianping_store_postgres::PostgresStore::open(&url)
        .await
        .unwrap();
    story(
        Arc::new(store),
        async |key: &str| {
            let pool = sqlx::PgPool::connect(&url).await?;
            let done = sqlx::query("DELETE FROM credit_draws WHERE rng_key = $1")
                .bind(key)
                .execute(&pool)
                .await?;
            Ok(done.rows_affected())
        },
        "postgres",
    )
    .await;
}
