//! Staff notice steps over HTTP: a case officer issues a notice from a minor alert (in the
//! officer's registry unit; a second one is refused), the notice list is keyset-paged and scoped
//! (another department's officer sees nothing), a sweep by another department escalates nothing,
//! the officer's own sweep escalates every overdue notice of the unit to a clue, a bad body names
//! its field, and every step is audited under the acting account.

use axum::http::StatusCode;
use chrono::Duration;
use serde_json::{Value, json};
use tianping_auth::Role;

use crate::support::{Auth, Harness, OWNER_DEPT, OWNER_REGION};

/// Every notice the caller lists, following `next_cursor`, `limit` at a time.
async fn all_notices(h: &Harness, auth: &Auth, limit: u32) -> Vec<Value> {
    let mut out = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let uri = match &cursor {
            Some(c) => format!("/api/v1/notices?all=true&limit={limit}&cursor={c}"),
            None => format!("/api/v1/notices?all=true&limit={limit}"),
        };
        let page = h.get(&uri, auth).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text());
        let body = page.json();
        let items = body["items"].as_array().unwrap().clone();
        assert!(items.len() <= limit as usize);
        out.extend(items);
        match body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn officers_issue_list_and_sweep_notices_of_their_unit() {
    let h = Harness::new().await;
    let (officer_id, officer) = h
        .staff("officer", &[Role::CaseOfficer], OWNER_DEPT, OWNER_REGION)
        .await;
    let officer = Auth::Bearer(officer);
    let (other_id, other) = h
        .staff("other-dept", &[Role::CaseOfficer], "jiage", OWNER_REGION)
        .await;
    let other = Auth::Bearer(other);

    // Issue from a minor alert: the notice is the officer's unit, by registry id.
    let alert = h.minor_alert("m-desk").await;
    let issued = h
        .post_json(
            &format!("/api/v1/alerts/{alert}/notice"),
            &officer,
            json!({"reason": "首次轻微违法，责令整改"}),
        )
        .await;
    assert_eq!(issued.status, StatusCode::CREATED, "{}", issued.text());
    let notice = issued.json();
    assert_eq!(notice["department"], OWNER_DEPT);
    assert_eq!(notice["region"], OWNER_REGION);
    let again = h
        .post_json(
            &format!("/api/v1/alerts/{alert}/notice"),
            &officer,
            json!({"reason": "重复下发"}),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.text());
    // A body without a usable reason names the field.
    let bad = h
        .post_json(
            &format!("/api/v1/alerts/{alert}/notice"),
            &officer,
            json!({"reason": "x"}),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.text().contains("reason"), "{}", bad.text());

    // A second notice of the unit (issued by the fixture); lists page by keyset, in reach only.
    let second = h.notice_about("m-desk-2").await;
    let mine = all_notices(&h, &officer, 1).await;
    let mut ids: Vec<&str> = mine
        .iter()
        .map(|n| n["notice_id"].as_str().unwrap())
        .collect();
    ids.sort();
    let mut expected = vec![notice["notice_id"].as_str().unwrap(), second.as_str()];
    expected.sort();
    assert_eq!(ids, expected, "each notice once, over pages of one");
    assert!(
        all_notices(&h, &other, 5).await.is_empty(),
        "another department sees none"
    );

    // Past every deadline: another department's sweep reaches nothing; the unit's escalates both.
    h.clock.advance(Duration::days(60));
    // Sessions do not last that long: sign in again.
    let officer = Auth::Bearer(h.session_for(&officer_id).await);
    let other = Auth::Bearer(h.session_for(&other_id).await);
    let sweep = h
        .post_json(
            "/api/v1/notices/escalate-overdue",
            &other,
            json!({"reason": "逾期未反馈，转线索"}),
        )
        .await;
    assert_eq!(sweep.status, StatusCode::OK, "{}", sweep.text());
    assert_eq!(sweep.json()["escalated"], json!([]), "{}", sweep.text());
    let sweep = h
        .post_json(
            "/api/v1/notices/escalate-overdue",
            &officer,
            json!({"reason": "逾期未反馈，转线索"}),
        )
        .await;
    assert_eq!(sweep.status, StatusCode::OK, "{}", sweep.text());
    let escalated = sweep.json()["escalated"].as_array().unwrap().clone();
    assert_eq!(escalated.len(), 2, "{}", sweep.text());
    for pair in &escalated {
        let case_id = pair[1].as_str().unwrap();
        let case = h.get(&format!("/api/v1/cases/{case_id}"), &officer).await;
        assert_eq!(case.status, StatusCode::OK, "{}", case.text());
        assert_eq!(case.json()["row"]["department"], OWNER_DEPT);
        assert_eq!(case.json()["events"][0]["actor"], officer_id.as_str());
    }
    let states: Vec<String> = all_notices(&h, &officer, 10)
        .await
        .iter()
        .map(|n| n["state"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(states, ["escalated", "escalated"]);

    // Each step is in the audit log under the acting account.
    let audit = h.store().audit_events(100, None).await.unwrap();
    let actions: Vec<(&str, &str, &str)> = audit
        .iter()
        .filter(|r| r.event.actor == officer_id)
        .map(|r| {
            (
                r.event.action.as_str(),
                r.event.outcome.as_str(),
                r.event.target.as_str(),
            )
        })
        .collect();
    assert!(
        actions
            .iter()
            .any(|(a, o, _)| *a == "issue_notice" && *o == "success"),
        "{actions:?}"
    );
    assert!(
        actions
            .iter()
            .any(|(a, o, _)| *a == "escalate_overdue_notices" && *o == "success"),
        "{actions:?}"
    );
}
