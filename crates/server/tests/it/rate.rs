//! The per-platform rate: one platform's flood is refused with 429 and `Retry-After` from its
//! own bucket, before the server-wide bucket is charged, so another platform still gets through;
//! `/metrics` counts the refusals per supplier and shows no key.

use axum::http::{Method, StatusCode};

use crate::support::{Answer, Auth, Harness, example_zip};

async fn push(h: &Harness, key: &str, example: &str) -> Answer {
    h.call(
        Method::POST,
        "/api/v1/batches",
        &Auth::ApiKey(key.into()),
        Some(("application/zip", example_zip(example))),
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn one_platforms_flood_leaves_the_others_their_share() {
    // Ten requests a second server-wide (tmall's 20 reads alone would empty that bucket); each
    // platform one a minute in a burst of two.
    let h = Harness::with(&[
        ("TIANPING_MAX_REQUESTS_PER_SECOND", "10"),
        ("TIANPING_PLATFORM_REQUESTS_PER_MINUTE", "1"),
        ("TIANPING_PLATFORM_BURST", "2"),
    ])
    .await;
    let tmall = h.platform_key("tmall").await;
    let registry = h.platform_key("registry").await;

    // tmall's first push authenticates its key (a key is charged once it is known), then its
    // burst of two, then nothing: 18 of 20 reads and its next upload are refused.
    let first = push(&h, &tmall, "tmall-2026-03-01-0001").await;
    assert_eq!(first.json()["status"], "accepted", "{}", first.text());
    let mut answers = Vec::new();
    for _ in 0..20 {
        answers.push(h.get("/api/v1/batches", &Auth::ApiKey(tmall.clone())).await);
    }
    let ok = answers
        .iter()
        .filter(|a| a.status == StatusCode::OK)
        .count();
    assert_eq!(ok, 2, "the burst of two");
    for a in answers.iter().filter(|a| a.status != StatusCode::OK) {
        assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(a.code().as_deref(), Some("rate_limited"));
        let retry: u64 = a.headers["retry-after"].to_str().unwrap().parse().unwrap();
        assert!((1..=60).contains(&retry), "Retry-After {retry}");
    }
    let upload = push(&h, &tmall, "tmall-2026-03-01-0001").await;
    assert_eq!(upload.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(upload.headers.contains_key("retry-after"));

    // Another platform is served: its upload is accepted and its reads answered.
    let other = push(&h, &registry, "registry-2026-03-01").await;
    assert_eq!(other.status, StatusCode::OK, "{}", other.text());
    assert_eq!(other.json()["status"], "accepted", "{}", other.text());
    let read = h
        .get("/api/v1/batches", &Auth::ApiKey(registry.clone()))
        .await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.text());
    assert_eq!(read.json()["items"][0]["supplier"], "registry");

    // A second key of tmall shares tmall's (empty) bucket from its second request on.
    let second = h.platform_key("tmall").await;
    let learn = h.get("/api/v1/me", &Auth::ApiKey(second.clone())).await;
    assert_eq!(learn.status, StatusCode::OK);
    let again = h.get("/api/v1/me", &Auth::Bearer(second.clone())).await;
    assert_eq!(again.status, StatusCode::TOO_MANY_REQUESTS);

    // The refusals are counted per supplier, never charged to the server-wide bucket (which
    // refused nothing), and no key is shown.
    let metrics = h.get("/metrics", &Auth::None).await.text();
    for line in [
        "tianping_platform_throttled_total{supplier=\"tmall\"} 20",
        "tianping_http_shed_total{reason=\"platform_rate\"} 20",
        "tianping_http_shed_total{reason=\"rate\"} 0",
    ] {
        assert!(metrics.contains(line), "{line} in\n{metrics}");
    }
    assert!(!metrics.contains("supplier=\"registry\""), "{metrics}");
    for key in [&tmall, &registry, &second] {
        assert!(!metrics.contains(key.as_str()));
        assert!(!metrics.contains(&key[4..20]));
    }
    // The upload refused over the rate stored nothing: one batch of tmall's, one of registry's.
    assert_eq!(h.store().batches(10).await.unwrap().len(), 2);
}
