//! 交办 to a chosen unit and naming investigators (issue 10): the unit list says where the caller
//! may open a clue; a case officer dispatches inside their own department only, a leader to any
//! department of their region (by id or Chinese name); a bad department, region or a region
//! outside the department's is a 400 naming the field. The staff list offers enabled inspectors
//! and case officers of the caller's reach; naming investigators refuses anyone else by name.

use axum::http::StatusCode;
use serde_json::{Value, json};
use tianping_auth::Role;

use crate::support::{Auth, Harness, OWNER_DEPT, OWNER_REGION};

fn ids(v: &Value) -> Vec<String> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["user_id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn dispatch_to_a_unit_and_name_investigators() {
    let h = Harness::new().await;
    h.findings().await;
    let (case_id, open_alert) = h.alerts_and_clue().await;
    let staff = |login: &'static str, roles: &'static [Role], dept: &'static str, region| {
        let h = &h;
        async move {
            let (id, token) = h.staff(login, roles, dept, region).await;
            (id, Auth::Bearer(token))
        }
    };
    let (officer_id, officer) =
        staff("officer", &[Role::CaseOfficer], OWNER_DEPT, OWNER_REGION).await;
    let (inspector_id, _) = staff("inspector", &[Role::Inspector], OWNER_DEPT, OWNER_REGION).await;
    let (leader_id, leader) = staff("leader", &[Role::Leader], OWNER_DEPT, OWNER_REGION).await;
    let (analyst_id, _) = staff("analyst", &[Role::Analyst], OWNER_DEPT, OWNER_REGION).await;
    let (retired_id, _) = staff("retired", &[Role::Inspector], OWNER_DEPT, OWNER_REGION).await;
    assert!(h.store().disable_account(&retired_id).await.unwrap());
    let (foreign_id, _) = staff("foreign", &[Role::Inspector], "jiage", "330200").await;

    // Units: every active department; open_clue says where each caller may dispatch.
    let units = |auth: &Auth| {
        let auth = auth.clone();
        let h = &h;
        async move {
            let r = h.get("/api/v1/units", &auth).await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.text());
            r.json()["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| {
                    (
                        u["department"].as_str().unwrap().to_string(),
                        u["open_clue"].as_bool().unwrap(),
                    )
                })
                .collect::<Vec<_>>()
        }
    };
    let of_officer = units(&officer).await;
    let of_leader = units(&leader).await;
    assert!(of_officer.len() >= 10, "{of_officer:?}");
    let open = |list: &[(String, bool)]| {
        list.iter()
            .filter(|(_, o)| *o)
            .map(|(d, _)| d.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(open(&of_officer), [OWNER_DEPT]);
    assert!(
        open(&of_leader).contains(&"xihu".to_string()),
        "{of_leader:?}"
    );
    assert!(
        open(&of_leader).contains(&"jiage".to_string()),
        "{of_leader:?}"
    );
    assert_eq!(open(&of_leader).len(), of_leader.len(), "{of_leader:?}");

    // A case officer may not dispatch to another department (denied, audited); bad fields are
    // 400s naming the field.
    let clue = |auth: &Auth, body: Value| {
        let auth = auth.clone();
        let h = &h;
        let uri = format!("/api/v1/alerts/{open_alert}/clue");
        async move { h.post_json(&uri, &auth, body).await }
    };
    let r = clue(
        &officer,
        json!({"reason": "交办西湖区", "department": "xihu"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let r = clue(&leader, json!({"reason": "交办", "department": "nosuch"})).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    assert!(
        r.text().contains("department") && r.text().contains("xihu"),
        "{}",
        r.text()
    );
    let r = clue(
        &leader,
        json!({"reason": "交办", "department": "xihu", "region": "330102"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    assert!(
        r.text().contains("330102") && r.text().contains("330106"),
        "{}",
        r.text()
    );
    let r = clue(&leader, json!({"reason": "交办", "region": "330106"})).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    let r = clue(
        &leader,
        json!({"reason": "交办", "department": "xihu", "region": "33010x"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    assert!(r.text().contains("region"), "{}", r.text());
    // The leader dispatches by the Chinese name: the clue is the 西湖区 bureau's.
    let r = clue(
        &leader,
        json!({"reason": "经营地在西湖区，交办核查", "department": "西湖区市场监督管理局"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let dispatched = r.json();
    assert_eq!(dispatched["department"], "xihu", "{dispatched}");
    assert_eq!(dispatched["region"], "330106", "{dispatched}");
    let row = h
        .get(
            &format!("/api/v1/cases/{}", dispatched["case_id"].as_str().unwrap()),
            &leader,
        )
        .await;
    assert_eq!(row.status, StatusCode::OK, "{}", row.text());
    assert_eq!(row.json()["row"]["department"], "xihu");
    // The officer of 网监处 no longer reaches it.
    let r = h
        .get(
            &format!("/api/v1/cases/{}", dispatched["case_id"].as_str().unwrap()),
            &officer,
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());

    // Staff: enabled inspectors and case officers of the reach, not analysts, leaders, disabled
    // accounts or another unit's.
    let r = h.get("/api/v1/staff", &leader).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let listed = ids(&r.json());
    assert!(
        listed.contains(&officer_id) && listed.contains(&inspector_id),
        "{listed:?}"
    );
    for absent in [&leader_id, &analyst_id, &retired_id, &foreign_id] {
        assert!(!listed.contains(absent), "{absent} listed: {listed:?}");
    }
    assert_eq!(ids(&h.get("/api/v1/staff", &officer).await.json()), listed);

    // Naming investigators on the filed case: anyone who could not investigate it is refused by
    // name; two colleagues move it to investigating.
    let act = |auth: &Auth, action: Value| {
        let auth = auth.clone();
        let h = &h;
        let uri = format!("/api/v1/cases/{case_id}/actions");
        async move {
            h.post_json(&uri, &auth, json!({"action": action, "reason": "办理"}))
                .await
        }
    };
    assert_eq!(
        act(&officer, json!("start_verification")).await.status,
        StatusCode::OK
    );
    assert_eq!(act(&leader, json!("file")).await.status, StatusCode::OK);
    for (bad, why) in [
        (
            analyst_id.as_str(),
            "neither an inspector nor a case officer",
        ),
        (retired_id.as_str(), "disabled"),
        (foreign_id.as_str(), "outside the case"),
        ("no-such-account", "no such account"),
    ] {
        let r = act(
            &leader,
            json!({"action": "assign_investigators", "investigators": [officer_id, bad]}),
        )
        .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}: {}", r.text());
        let err = r.json();
        let en = err["error"]["message_en"].as_str().unwrap_or_default();
        assert!(en.contains(bad) && en.contains(why), "{bad}: {err}");
    }
    let one = act(
        &leader,
        json!({"action": "assign_investigators", "investigators": [officer_id]}),
    )
    .await;
    assert_eq!(one.status, StatusCode::BAD_REQUEST, "{}", one.text());
    let two = act(
        &leader,
        json!({"action": "assign_investigators", "investigators": [officer_id, inspector_id]}),
    )
    .await;
    assert_eq!(two.status, StatusCode::OK, "{}", two.text());
    let case = h
        .get(&format!("/api/v1/cases/{case_id}"), &leader)
        .await
        .json();
    assert_eq!(case["row"]["state"], "investigating");
    let mut want = vec![officer_id.clone(), inspector_id.clone()];
    want.sort();
    assert_eq!(case["case"]["investigators"], json!(want));
    // The timeline names the colleague who acted (display name), and keeps the account id.
    let last = case["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["actor"], json!(leader_id), "{last}");
    assert_eq!(last["actor_name"], "leader", "{last}");
}
