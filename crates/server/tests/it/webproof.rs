//! Issue 10's endpoints: a finding's proof status (verified from the stored finding, its leaf and
//! the signed head; a finding whose stored body no longer matches its logged digest is not
//! verified), the administrators' actions (enable, second-factor reset, key list, reasons in the
//! audit log), and the cockpit's district cache per lake version.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use tianping_auth::Role;
use tianping_store::{DetectionRun, StoredFinding};

use crate::support::{Auth, Harness, OWNER_DEPT, OWNER_REGION, example_zip};

fn check<'a>(proof: &'a Value, name: &str) -> &'a Value {
    proof["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == name)
        .unwrap_or_else(|| panic!("no check {name}: {proof}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn finding_proof_recomputes_and_detects_a_changed_body() {
    let h = Harness::new().await;
    let ids = h.findings().await;
    let (_, officer) = h
        .staff("officer", &[Role::CaseOfficer], OWNER_DEPT, OWNER_REGION)
        .await;
    let officer = Auth::Bearer(officer);

    let r = h
        .get(&format!("/api/v1/findings/{}/proof", ids[0]), &officer)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let p = r.json();
    assert_eq!(p["verified"], json!(true), "{p}");
    for name in ["leaf", "entry", "content", "signature", "inclusion"] {
        assert_eq!(check(&p, name)["ok"], json!(true), "{name}: {p}");
    }
    let size = p["head"]["tree_size"].as_u64().unwrap();
    assert!(p["leaf_index"].as_u64().unwrap() < size);
    assert_eq!(p["computed_root"], p["head"]["root"]);
    assert_eq!(p["head"]["signature_ok"], json!(true));
    assert_eq!(p["leaf_hash"].as_str().unwrap().len(), 64);

    // The stored body changes (a second run stores another body under the old digest): the
    // content check fails and the finding is not verified, though the log itself is intact.
    let body: Value =
        serde_json::from_str(&h.store().finding_body(&ids[0]).await.unwrap().unwrap()).unwrap();
    let mut changed = body.clone();
    changed["summary"] = json!("摘要被改动");
    let old_leaf = h
        .store()
        .evidence_by_reference(&format!("finding:{}", ids[0]))
        .await
        .unwrap()
        .pop()
        .unwrap();
    let entry = tianping_evidence::Entry::decode(&old_leaf.data).unwrap();
    let run = DetectionRun {
        run_id: "run-2".into(),
        as_of: "2026-03-03T00:00:00+08:00".into(),
        started_at: "2026-03-03T02:00:00.000+08:00".into(),
        detectors: "[]".into(),
        params: "{}".into(),
        params_sha256: "0".repeat(64),
        data_sha256: "0".repeat(64),
        findings: 1,
        new_findings: 0,
    };
    let stored = StoredFinding {
        finding_id: ids[0].clone(),
        detector: "price_fraud".into(),
        rule: "price_fraud.reference_price".into(),
        severity: "high".into(),
        subject_kind: "merchant".into(),
        subject_platform: Some("tmall".into()),
        subject_id: "m-tmall".into(),
        body: changed.to_string(),
        evidence_sha256: body["evidence_sha256"].as_str().unwrap().into(),
        region: None,
        leaf: tianping_store::NewLeaf::from_entry(format!("finding:{}", ids[0]), &entry).unwrap(),
    };
    h.store()
        .save_detection(&run, &[stored], &[], &[])
        .await
        .unwrap();
    let p = h
        .get(&format!("/api/v1/findings/{}/proof", ids[0]), &officer)
        .await
        .json();
    assert_eq!(p["verified"], json!(false), "{p}");
    assert_eq!(check(&p, "content")["ok"], json!(false), "{p}");
    assert_eq!(check(&p, "inclusion")["ok"], json!(true), "{p}");
    assert!(
        check(&p, "content")["zh"]
            .as_str()
            .unwrap()
            .contains("不符")
    );

    // A price finding has no referral tree: an empty one, not an error.
    let r = h
        .get(&format!("/api/v1/findings/{}/referrals", ids[0]), &officer)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["members"], json!([]));

    // Unknown finding: 404; a platform may not ask.
    let r = h.get("/api/v1/findings/nope/proof", &officer).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let tmall = Auth::ApiKey(h.platform_key("tmall").await);
    let r = h
        .get(&format!("/api/v1/findings/{}/proof", ids[0]), &tmall)
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test(flavor = "multi_thread")]
async fn administrators_actions_are_audited_with_reasons() {
    let h = Harness::new().await;
    let (_, admin) = h
        .staff("sysadmin", &[Role::SystemAdmin], OWNER_DEPT, OWNER_REGION)
        .await;
    let admin = Auth::Bearer(admin);
    let (user, _) = h
        .staff("clerk", &[Role::Analyst], OWNER_DEPT, OWNER_REGION)
        .await;

    // Disable with a reason, then enable with one.
    let r = h
        .post_json(
            &format!("/api/v1/users/{user}/disable"),
            &admin,
            json!({"reason": "调离岗位"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    assert!(
        h.store()
            .account_by_id(&user)
            .await
            .unwrap()
            .unwrap()
            .disabled
    );
    let r = h
        .post_json(
            &format!("/api/v1/users/{user}/enable"),
            &admin,
            json!({"reason": "x"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "a one-character reason");
    let r = h
        .post_json(
            &format!("/api/v1/users/{user}/enable"),
            &admin,
            json!({"reason": "返回原岗位"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    assert!(
        !h.store()
            .account_by_id(&user)
            .await
            .unwrap()
            .unwrap()
            .disabled
    );

    // A new second factor: another secret, the account's sessions ended.
    let session = Auth::Bearer(h.session_for(&user).await);
    assert_eq!(h.get("/api/v1/me", &session).await.status, StatusCode::OK);
    let before = h
        .store()
        .account_by_id(&user)
        .await
        .unwrap()
        .unwrap()
        .totp_secret;
    let r = h
        .post_json(
            &format!("/api/v1/users/{user}/totp"),
            &admin,
            json!({"reason": "手机遗失"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let e = r.json();
    assert_eq!(e["login"], "clerk");
    assert_eq!(e["totp_secret"].as_str().unwrap().len(), 32);
    let after = h
        .store()
        .account_by_id(&user)
        .await
        .unwrap()
        .unwrap()
        .totp_secret;
    assert_ne!(before, after);
    assert_eq!(
        h.get("/api/v1/me", &session).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Not on one's own account.
    let me = h.get("/api/v1/me", &admin).await.json();
    let own = me["user_id"].as_str().unwrap().to_string();
    let r = h
        .post_json(
            &format!("/api/v1/users/{own}/totp"),
            &admin,
            json!({"reason": "自己"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // Keys: issued with a reason, listed without secrets, revoked with a reason.
    let r = h
        .post_json(
            "/api/v1/api-keys",
            &admin,
            json!({"supplier": "tmall", "label": "报送", "reason": "平台接入"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let key = r.json();
    let list = h.get("/api/v1/api-keys", &admin).await;
    assert_eq!(list.status, StatusCode::OK);
    let text = list.text();
    assert!(!text.contains(key["api_key"].as_str().unwrap()));
    assert!(!text.contains("key_hash"));
    let items = list.json()["items"].as_array().unwrap().clone();
    assert!(
        items
            .iter()
            .any(|k| k["key_id"] == key["key_id"] && k["revoked"] == json!(false))
    );
    let r = h
        .call(
            Method::DELETE,
            &format!("/api/v1/api-keys/{}", key["key_id"].as_str().unwrap()),
            &admin,
            Some((
                "application/json",
                json!({"reason": "平台退出"}).to_string().into_bytes(),
            )),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let items = h.get("/api/v1/api-keys", &admin).await.json()["items"]
        .as_array()
        .unwrap()
        .clone();
    assert!(
        items
            .iter()
            .any(|k| k["key_id"] == key["key_id"] && k["revoked"] == json!(true))
    );

    // Every action is in the audit log with who and why.
    let rows = h.store().audit_events(200, None).await.unwrap();
    for (action, reason) in [
        ("disable_user", "调离岗位"),
        ("enable_user", "返回原岗位"),
        ("reset_totp", "手机遗失"),
        ("create_api_key", "平台接入"),
        ("revoke_api_key", "平台退出"),
    ] {
        let row = rows
            .iter()
            .find(|r| r.event.action == action && r.event.outcome == "success")
            .unwrap_or_else(|| panic!("{action} not audited"));
        assert!(
            row.event.detail.contains(reason),
            "{action}: {}",
            row.event.detail
        );
        assert!(!row.event.actor.is_empty());
    }
    // The one-character reason was refused before anything was recorded as done.
    assert_eq!(
        rows.iter()
            .filter(|r| r.event.action == "enable_user" && r.event.outcome == "success")
            .count(),
        1
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn cockpit_districts_are_cached_per_lake_version() {
    let h = Harness::new().await;
    let tmall = Auth::ApiKey(h.platform_key("tmall").await);
    let r = h
        .call(
            Method::POST,
            "/api/v1/batches",
            &tmall,
            Some(("application/zip", example_zip("tmall-2026-03-01-0001"))),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    h.findings().await;
    let (_, officer) = h
        .staff("officer", &[Role::CaseOfficer], OWNER_DEPT, OWNER_REGION)
        .await;
    let officer = Auth::Bearer(officer);
    use tianping_server::routes::lakeview::districts_cached;
    assert!(!districts_cached(&h.state).await.unwrap());
    assert_eq!(
        h.get("/api/v1/cockpit", &officer).await.status,
        StatusCode::OK
    );
    assert!(districts_cached(&h.state).await.unwrap());
    let first = h.get("/api/v1/cockpit", &officer).await.json();
    // A new batch is a new lake version: the next cockpit reads the lake again.
    let registry = Auth::ApiKey(h.platform_key("registry").await);
    let r = h
        .call(
            Method::POST,
            "/api/v1/batches",
            &registry,
            Some(("application/zip", example_zip("registry-2026-03-01"))),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(!districts_cached(&h.state).await.unwrap());
    let second = h.get("/api/v1/cockpit", &officer).await.json();
    assert!(districts_cached(&h.state).await.unwrap());
    assert_eq!(first["findings"]["total"], second["findings"]["total"]);
}
