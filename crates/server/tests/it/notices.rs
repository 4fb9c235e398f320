//! Rectification notices over HTTP: the platform lists the notices it forwards (another platform
//! sees none of them and cannot read or answer one), replies once with an attachment's digest (a
//! malformed digest is a 400 naming the field; a second reply is refused), and the step is in the
//! store's history and the evidence log; staff of the issuing unit read it.

use axum::http::{Method, StatusCode};
use serde_json::json;
use tianping_auth::Role;

use crate::support::{Auth, Harness, OWNER_DEPT, OWNER_REGION};

#[tokio::test(flavor = "multi_thread")]
async fn a_platform_fetches_and_answers_its_notices_only() {
    let h = Harness::new().await;
    let notice = h.notice().await;
    let tmall = Auth::ApiKey(h.platform_key("tmall").await);
    let jd = Auth::ApiKey(h.platform_key("jd").await);

    let list = h.get("/api/v1/notices", &tmall).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.text());
    let items = list.json()["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["notice_id"], notice);
    assert_eq!(items[0]["platform"], "tmall");
    assert_eq!(items[0]["deadline"]["due"], "2026-03-16");
    let other = h.get("/api/v1/notices", &jd).await;
    assert_eq!(other.json()["items"].as_array().unwrap().len(), 0);
    let path = format!("/api/v1/notices/{notice}");
    assert_eq!(h.get(&path, &jd).await.status, StatusCode::FORBIDDEN);

    let reply = |sha: &str| {
        json!({"kind": "done", "text": "已删除绝对化用语", "attachments": [{"name": "after.png", "sha256": sha}], "reason": "转达商户整改结果"})
            .to_string()
            .into_bytes()
    };
    let reply_path = format!("{path}/reply");
    let bad = h
        .call(
            Method::POST,
            &reply_path,
            &tmall,
            Some(("application/json", reply("ABC"))),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.text());
    assert!(
        bad.text().contains("attachments[0].sha256"),
        "{}",
        bad.text()
    );
    let denied = h
        .call(
            Method::POST,
            &reply_path,
            &jd,
            Some(("application/json", reply(&"ab".repeat(32)))),
        )
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let ok = h
        .call(
            Method::POST,
            &reply_path,
            &tmall,
            Some(("application/json", reply(&"ab".repeat(32)))),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
    assert_eq!(ok.json()["state"], "replied");
    assert_eq!(ok.json()["late"], false);
    let again = h
        .call(
            Method::POST,
            &reply_path,
            &tmall,
            Some(("application/json", reply(&"ab".repeat(32)))),
        )
        .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "{}", again.text());

    // The step is stored with the platform as its actor, and logged.
    let events = h.store().notice_events(&notice).await.unwrap();
    assert_eq!(
        events
            .iter()
            .map(|e| (e.action.as_str(), e.actor.as_str()))
            .collect::<Vec<_>>(),
        [("issue", "u-fixture-officer"), ("reply", "platform:tmall")]
    );
    assert_eq!(
        h.store()
            .evidence_by_reference(&format!("notice:{notice}"))
            .await
            .unwrap()
            .len(),
        2
    );

    // Staff of the issuing unit read it, with the reply.
    let (_, token) = h
        .staff("officer-n", &[Role::CaseOfficer], OWNER_DEPT, OWNER_REGION)
        .await;
    let read = h.get(&path, &Auth::Bearer(token)).await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.text());
    assert_eq!(read.json()["state"], "replied");
    assert_eq!(
        read.json()["reply"]["attachments"][0]["sha256"],
        "ab".repeat(32)
    );
}
