//! Platform push: a platform pushes its own batch and gets the receipt; a resend is a
//! duplicate; a platform cannot push as another supplier; bounds on size and type; quarantine
//! is masked for analysts and unmasked (audited) only for case officers after re-authentication.

use axum::http::{Method, StatusCode};
use serde_json::json;
use tianping_auth::Role;

use crate::support::{Auth, Harness, OWNER_DEPT, OWNER_REGION, example_zip, personal_numbers};

async fn push(h: &Harness, key: &str, ct: &str, body: Vec<u8>) -> crate::support::Answer {
    h.call(
        Method::POST,
        "/api/v1/batches",
        &Auth::ApiKey(key.into()),
        Some((ct, body)),
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn platform_pushes_its_own_batch_only() {
    own_batch_only(Harness::new().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn platform_pushes_its_own_batch_only_on_postgres() {
    if let Some(h) = Harness::postgres().await {
        own_batch_only(h).await;
    }
}

async fn own_batch_only(h: Harness) {
    let tmall = h.platform_key("tmall").await;
    let jd = h.platform_key("jd").await;
    let zip = example_zip("tmall-2026-03-01-0001");

    // Another platform cannot push tmall's batch: refused before anything is stored.
    let refused = push(&h, &jd, "application/zip", zip.clone()).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.code().as_deref(), Some("out_of_scope"));
    assert!(h.store().deliveries(10).await.unwrap().is_empty());

    let first = push(&h, &tmall, "application/zip", zip.clone()).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    assert_eq!(first.json()["status"], "accepted");
    assert!(first.json()["quarantined"].as_u64().unwrap() > 0);
    assert!(personal_numbers(&first.text()).is_empty());
    let again = push(&h, &tmall, "application/zip", zip.clone()).await;
    assert_eq!(again.json()["status"], "duplicate");
    assert_eq!(h.store().batches(10).await.unwrap().len(), 1);

    // A revoked key authenticates nothing.
    let (_, admin) = h
        .staff("sys", &[Role::SystemAdmin], "hzscjg", "330100")
        .await;
    let created = h
        .post_json(
            "/api/v1/api-keys",
            &Auth::Bearer(admin.clone()),
            json!({"supplier": "tmall", "label": "第二把"}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    let second = created.json()["api_key"].as_str().unwrap().to_string();
    let key_id = created.json()["key_id"].as_str().unwrap().to_string();
    let me = h.get("/api/v1/me", &Auth::ApiKey(second.clone())).await;
    assert_eq!(me.json()["supplier"], "tmall");
    let revoked = h
        .call(
            Method::DELETE,
            &format!("/api/v1/api-keys/{key_id}"),
            &Auth::Bearer(admin),
            None,
        )
        .await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT);
    let me = h.get("/api/v1/me", &Auth::ApiKey(second)).await;
    assert_eq!(me.status, StatusCode::UNAUTHORIZED);

    // Bounds: content type, empty body; staff cannot push.
    let r = push(&h, &tmall, "text/plain", zip.clone()).await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let r = push(&h, &tmall, "application/zip", Vec::new()).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let (_, analyst) = h
        .staff("li", &[Role::Analyst], OWNER_DEPT, OWNER_REGION)
        .await;
    let r = h
        .call(
            Method::POST,
            "/api/v1/batches",
            &Auth::Bearer(analyst.clone()),
            Some(("application/zip", zip.clone())),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // A platform sees its own batches only.
    let mine = h.get("/api/v1/batches", &Auth::ApiKey(tmall.clone())).await;
    assert_eq!(mine.json()["items"].as_array().unwrap().len(), 1);
    let theirs = h.get("/api/v1/batches", &Auth::ApiKey(jd.clone())).await;
    assert_eq!(theirs.json()["items"], json!([]));
    let r = h
        .get(
            "/api/v1/batches/tmall/tmall-2026-03-01-0001",
            &Auth::ApiKey(jd),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // Quarantine: the example batch has a raw phone number in a pid field.
    let q = "/api/v1/batches/tmall/tmall-2026-03-01-0001/quarantine";
    let masked = h.get(q, &Auth::Bearer(analyst.clone())).await;
    assert_eq!(masked.status, StatusCode::OK);
    assert!(!masked.json()["items"].as_array().unwrap().is_empty());
    assert!(
        personal_numbers(&masked.text()).is_empty(),
        "{}",
        masked.text()
    );
    assert!(!masked.text().contains("\"raw\""));
    let unmask = format!("{q}/unmask");
    let r = h
        .post_json(
            &unmask,
            &Auth::Bearer(analyst),
            json!({"reason": "核查数据"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let (officer_id, officer) = h
        .staff("zhou", &[Role::CaseOfficer], OWNER_DEPT, OWNER_REGION)
        .await;
    let r = h
        .post_json(
            &unmask,
            &Auth::Bearer(officer.clone()),
            json!({"reason": "x"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "a reason is required");
    let raw = h
        .post_json(
            &unmask,
            &Auth::Bearer(officer),
            json!({"reason": "案件 2026-001 核查"}),
        )
        .await;
    assert_eq!(raw.status, StatusCode::OK, "{}", raw.text());
    assert!(
        !personal_numbers(&raw.text()).is_empty(),
        "the unmasked view shows the raw value (so the scan above is not vacuous)"
    );
    let audit = h.store().audit_events(200, None).await.unwrap();
    let unmasked = audit
        .iter()
        .find(|r| r.event.action == "unmask_quarantine" && r.event.outcome == "success")
        .expect("the unmask is audited");
    assert_eq!(unmasked.event.actor, officer_id);
    assert!(unmasked.event.detail.contains("案件 2026-001"));
    assert!(personal_numbers(&unmasked.event.detail).is_empty());
    assert!(
        audit
            .iter()
            .any(|r| r.event.action == "push_batch" && r.event.outcome == "denied")
    );
    assert!(h.store().verify_audit_chain().await.unwrap().is_intact());
}

#[tokio::test(flavor = "multi_thread")]
async fn oversize_pushes_are_refused_and_leave_nothing() {
    let h = Harness::with(&[("TIANPING_MAX_PUSH_BYTES", "2048")]).await;
    let tmall = h.platform_key("tmall").await;
    let zip = example_zip("tmall-2026-03-01-0001");
    assert!(zip.len() > 2048);
    let r = push(&h, &tmall, "application/zip", zip).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(h.store().deliveries(10).await.unwrap().is_empty());
    // The process's upload directory and its lock stay while it runs; no upload is left in it.
    let dir = h.state.uploads.dir().unwrap();
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert!(left.is_empty(), "temporary upload left behind: {left:?}");
}
