//! The 双随机、一公开 draws over HTTP (issue 10): staff list the draws of their department (the
//! scope applied in the store query; a leader of the region sees every department's), read one
//! record with classes, inspectors and recusals, and verify it (re-run, digests compared, the
//! evidence leaf checked); a record altered before it was stored does not verify and the first
//! difference is named. The public face needs no credentials, carries no class, and shows a
//! draw only from the day after its check ends (server clock).

use std::collections::{BTreeMap, BTreeSet};

use axum::http::StatusCode;
use chrono::NaiveDate;
use serde_json::Value;
use sha2::Digest;
use tianping_auth::Role;
use tianping_credit::CreditClass;
use tianping_credit::draw::{DrawInput, DrawRecord};
use tianping_credit::facts::RegistryStatus;
use tianping_credit::plan::{Inspector, Plan, RegisterEntry};
use tianping_credit::rates::Rates;
use tianping_store::credit::{DrawRow, DrawSaved};

use crate::support::{Auth, Harness, OWNER_DEPT, OWNER_REGION, t0};

fn uscc(i: usize) -> String {
    format!("91330106MA{i:07}X")
}

/// A key-item plan drawing every entity (rates 100 %), checked `check_start..=check_end`.
fn plan(task: &str, department: &str, check_start: &str, check_end: &str) -> Plan {
    let text = format!(
        "task_id = \"{task}\"\ntask_name = \"矩阵测试抽查\"\ndepartment = \"{department}\"\n\
         item_type = \"key\"\nitems = [\"亮照亮证\"]\ncheck_start = \"{check_start}\"\n\
         check_end = \"{check_end}\"\nannual_cap = 2\ninspectors_per_object = 2\n\
         [rates]\nA = 100\nB = 100\nC = 100\nD = 100\n"
    );
    Plan::from_toml(&text, &Rates::embedded().unwrap()).unwrap()
}

/// A draw of six entities (one per class and two more) by four inspectors, `insp-0` declaring a
/// conflict with the first entity.
pub fn record(task: &str, department: &str, check_start: &str, check_end: &str) -> DrawRecord {
    let classes = [
        CreditClass::A,
        CreditClass::B,
        CreditClass::C,
        CreditClass::D,
        CreditClass::A,
        CreditClass::C,
    ];
    let mut register: Vec<RegisterEntry> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| RegisterEntry {
            uscc: uscc(i),
            class: *c,
            adcode: "330106".into(),
            entity_type: "company".into(),
            status: RegistryStatus::Active,
        })
        .collect();
    register.sort();
    let inspectors = (0..4)
        .map(|i| Inspector {
            id: format!("insp-{i}"),
            department: department.into(),
            active: true,
            conflicts: if i == 0 {
                BTreeSet::from([uscc(0)])
            } else {
                BTreeSet::new()
            },
        })
        .collect();
    let input = DrawInput {
        plan: plan(task, department, check_start, check_end),
        as_of: NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
        register,
        inspectors,
        prior_checks: BTreeMap::new(),
        public_seed: "2026-02-01 福彩3D 456".into(),
    };
    tianping_credit::draw::draw(input, &tianping_cases::Calendar::embedded().unwrap()).unwrap()
}

/// Stores `record` as `tianping inspect draw` does (with its evidence leaf).
pub async fn store_draw(h: &Harness, record: &DrawRecord) {
    let row = DrawRow {
        rng_key: record.rng_key.clone(),
        task_id: record.input.plan.task_id.clone(),
        department: record.input.plan.department.clone(),
        check_start: record.input.plan.check_start.to_string(),
        input_sha256: record.input_sha256.clone(),
        result_sha256: record.result_sha256.clone(),
        record: serde_json::to_string(record).unwrap(),
        leaf_index: 0,
        saved_at_ms: t0().timestamp_millis(),
    };
    let saved = h.store().save_draw(&row, "u-officer").await.unwrap();
    assert!(matches!(saved, DrawSaved::Stored { .. }), "{saved:?}");
}

/// The draw the access matrix reads: the owner department's, its check ended before `t0`.
pub async fn owner_draw(h: &Harness) -> String {
    let task = "hz-2026-wj-02";
    store_draw(h, &record(task, OWNER_DEPT, "2026-02-09", "2026-02-13")).await;
    task.to_string()
}

fn tasks(a: &Value) -> Vec<String> {
    a["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["task_id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn draws_listed_read_verified_and_published_without_class() {
    let h = Harness::new().await;
    let ours = owner_draw(&h).await;
    // Another department's draw whose check ends after t0 (2026-03-02): not yet public.
    let theirs = record("hz-2026-jg-03", "jiage", "2026-03-02", "2026-03-10");
    store_draw(&h, &theirs).await;
    let (_, analyst) = h
        .staff("analyst", &[Role::Analyst], OWNER_DEPT, OWNER_REGION)
        .await;
    let (_, other) = h
        .staff("jiage-analyst", &[Role::Analyst], "jiage", OWNER_REGION)
        .await;
    let (_, leader) = h
        .staff("leader", &[Role::Leader], "jiage", OWNER_REGION)
        .await;
    let (_, far) = h
        .staff("far-leader", &[Role::Leader], OWNER_DEPT, "330200")
        .await;
    let (analyst, other, leader, far) = (
        Auth::Bearer(analyst),
        Auth::Bearer(other),
        Auth::Bearer(leader),
        Auth::Bearer(far),
    );

    // The list: each department its own; the region's leader every one; a leader of another
    // region none.
    let a = h.get("/api/v1/draws", &analyst).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert_eq!(tasks(&a.json()), [ours.as_str()]);
    assert_eq!(
        tasks(&h.get("/api/v1/draws", &other).await.json()),
        ["hz-2026-jg-03"]
    );
    assert_eq!(
        tasks(&h.get("/api/v1/draws", &leader).await.json()),
        ["hz-2026-jg-03", ours.as_str()],
        "newest check first"
    );
    assert!(tasks(&h.get("/api/v1/draws", &far).await.json()).is_empty());
    let listed = &a.json()["items"][0];
    assert_eq!(listed["objects"], 6);
    assert_eq!(listed["register_size"], 6);
    assert_eq!(listed["inspectors"], 4);
    assert_eq!(
        listed["department_zh"].as_str().map(|s| !s.is_empty()),
        Some(true)
    );
    assert_eq!(listed["rates"].as_array().unwrap().len(), 4);
    assert_eq!(listed["rates"][0]["rate_bp"], 10_000);
    assert_eq!(listed["rates"][0]["drawn"], 2, "both A entities");
    assert_eq!(listed["published"], true);
    assert_eq!(listed["public_from"], "2026-02-14");
    let stored = h.store().draws(Some(&ours)).await.unwrap().remove(0);
    assert_eq!(
        listed["record_sha256"],
        hex::encode(sha2::Sha256::digest(stored.record.as_bytes()))
    );

    // One record: classes, teams, the recusal; another department's is out of scope.
    let d = h.get(&format!("/api/v1/draws/{ours}"), &analyst).await;
    assert_eq!(d.status, StatusCode::OK, "{}", d.text());
    let d = d.json();
    let drawn = d["drawn"].as_array().unwrap();
    assert_eq!(drawn.len(), 6);
    assert!(drawn.iter().all(|o| o["class"].as_str().is_some()));
    let first = drawn.iter().find(|o| o["uscc"] == uscc(0)).unwrap();
    assert!(
        !first["inspectors"]
            .as_array()
            .unwrap()
            .contains(&"insp-0".into())
    );
    assert_eq!(d["recusals"].as_array().unwrap().len(), 1);
    assert_eq!(d["recusals"][0]["uscc"], uscc(0));
    assert_eq!(d["recusals"][0]["inspector"], "insp-0");
    let assigned: u64 = d["inspector_register"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["assigned"].as_u64().unwrap())
        .sum();
    assert_eq!(assigned, 12, "6 entities × 2 inspectors");
    let out = h.get("/api/v1/draws/hz-2026-jg-03", &analyst).await;
    assert_eq!(out.status, StatusCode::FORBIDDEN);
    assert_eq!(out.code().as_deref(), Some("out_of_scope"));
    assert_eq!(
        h.get("/api/v1/draws/nope", &analyst).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        h.get("/api/v1/draws/bad%20id", &analyst).await.status,
        StatusCode::BAD_REQUEST
    );

    // Verification: the re-run matches the record, the columns and the logged leaf.
    let v = h
        .get(&format!("/api/v1/draws/{ours}/verify"), &analyst)
        .await;
    assert_eq!(v.status, StatusCode::OK, "{}", v.text());
    let v = v.json();
    assert_eq!(v["matches"], true, "{v}");
    assert_eq!(v["recomputed"], v["recorded"]);
    assert_eq!(v["recorded"]["result_sha256"], listed["result_sha256"]);
    assert_eq!(v["logged_sha256"], listed["record_sha256"]);
    assert_eq!(v["problem"], Value::Null);

    // A record altered before it was stored (two teams swapped): it does not verify, and the
    // first difference is named.
    let mut forged = record("hz-2026-wj-04", OWNER_DEPT, "2026-02-16", "2026-02-20");
    let objects = &mut forged.result.objects;
    let (x, y) = (objects[0].inspectors.clone(), objects[1].inspectors.clone());
    assert_ne!(x, y, "the fixture's first two teams differ");
    objects[0].inspectors = y;
    objects[1].inspectors = x;
    store_draw(&h, &forged).await;
    let v = h
        .get("/api/v1/draws/hz-2026-wj-04/verify", &analyst)
        .await
        .json();
    assert_eq!(v["matches"], false, "{v}");
    assert_ne!(v["recomputed"]["result_sha256"], Value::Null);
    let problem = v["problem"]["en"].as_str().unwrap();
    assert!(
        problem.contains("result.objects[0].inspectors"),
        "{problem}"
    );
    assert!(v["problem"]["zh"].as_str().unwrap().contains("不一致"));

    // The public face: no credentials, no class, only draws whose check has ended.
    let p = h.get("/api/v1/public/draws", &Auth::None).await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.text());
    let text = p.text();
    assert!(!text.contains("\"class\""), "{text}");
    assert_eq!(tasks(&p.json()), ["hz-2026-wj-04", ours.as_str()]);
    let one = h
        .get(&format!("/api/v1/public/draws/{ours}"), &Auth::None)
        .await;
    assert_eq!(one.status, StatusCode::OK);
    assert!(!one.text().contains("\"class\""));
    let one = one.json();
    assert_eq!(one["objects"].as_array().unwrap().len(), 6);
    assert_eq!(one["result_sha256"], listed["result_sha256"]);
    assert_eq!(one["public_seed"], "2026-02-01 福彩3D 456");
    let early = h
        .get("/api/v1/public/draws/hz-2026-jg-03", &Auth::None)
        .await;
    assert_eq!(early.status, StatusCode::NOT_FOUND, "before its check ends");
    // 2026-03-11 in Beijing: the day after the other check ended.
    h.clock.advance(chrono::Duration::days(9));
    let later = h
        .get("/api/v1/public/draws/hz-2026-jg-03", &Auth::None)
        .await;
    assert_eq!(later.status, StatusCode::OK, "{}", later.text());
    assert_eq!(
        tasks(&h.get("/api/v1/public/draws", &Auth::None).await.json()).len(),
        3
    );
    // Staff routes stay closed to anyone without credentials.
    assert_eq!(
        h.get("/api/v1/draws", &Auth::None).await.status,
        StatusCode::UNAUTHORIZED
    );
}
