//! The cached reads (helper `load`): a merchant's profile is answered from one lake session and
//! index per data version, and a batch committed since is seen by the next request.

use axum::http::{Method, StatusCode};
use tianping_auth::Role;

use crate::support::{Auth, Harness, OWNER_DEPT, OWNER_REGION, example_zip};

async fn push(h: &Harness, supplier: &str, example: &str) {
    let key = h.platform_key(supplier).await;
    let r = h
        .call(
            Method::POST,
            "/api/v1/batches",
            &Auth::ApiKey(key),
            Some(("application/zip", example_zip(example))),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["status"], "accepted", "{}", r.text());
}

#[tokio::test(flavor = "multi_thread")]
async fn merchant_profile_follows_the_data_version() {
    let h = Harness::new().await;
    let (_, officer) = h
        .staff("officer", &[Role::CaseOfficer], OWNER_DEPT, OWNER_REGION)
        .await;
    let officer = Auth::Bearer(officer);
    let path = "/api/v1/merchants/merchant%7Ctmall%7Cm1";
    assert_eq!(h.get(path, &officer).await.status, StatusCode::NOT_FOUND);

    push(&h, "tmall", "tmall-2026-03-01-0001").await;
    let first = h.get(path, &officer).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    let m = first.json();
    assert_eq!(m["shop"]["name"], "杭州西湖好物电子商务有限公司");
    assert_eq!(m["shop"]["uscc"], "91330106MA2B00001Y");
    let shops: Vec<&str> = m["shops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["merchant_id"].as_str().unwrap())
        .collect();
    assert_eq!(shops, ["m1"]);
    assert!(m["registry"].is_null(), "no registry delivered yet: {m}");
    assert_eq!(m["findings_truncated"], false);
    let opened = h.state.lake.opened();
    // The same data version: the same session, the same answer.
    let again = h.get(path, &officer).await;
    assert_eq!(again.text(), first.text());
    assert_eq!(
        h.state.lake.opened(),
        opened,
        "no new session for the same parts"
    );

    // A new batch is a new version: seen by the next request.
    push(&h, "registry", "registry-2026-03-01").await;
    let m = h.get(path, &officer).await.json();
    assert_eq!(h.state.lake.opened(), opened + 1);
    assert_eq!(m["registry"]["status"], "active", "{m}");
    assert_eq!(m["registry"]["name"], "杭州西湖好物电子商务有限公司");
    let m2 = h
        .get("/api/v1/merchants/merchant%7Ctmall%7Cm2", &officer)
        .await
        .json();
    assert_eq!(m2["registry"]["status"], "abnormal", "{m2}");
    assert_eq!(h.state.lake.opened(), opened + 1, "one session per version");
}
