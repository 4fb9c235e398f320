//! Rule parameters over HTTP (issue 9): the system administrator records a setting
//! (re-authenticated, audited); invalid values are refused with a 400 naming the field and the
//! value; other roles and a stale session are refused; `GET /api/v1/rules?as_of=` shows the
//! default before the first day and the setting (with its reason) from it; the history lists
//! every setting and nothing is overwritten.

use axum::http::StatusCode;
use serde_json::{Value, json};
use tianping_auth::Role;

use crate::support::{Auth, Harness, OWNER_DEPT, OWNER_REGION};

const RULE: &str = "fake_orders.dense_block";

fn density(page: &Value) -> (f64, String, Option<i64>) {
    let item = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["rule"]["rule"] == RULE && i["in_force"] == true)
        .expect("the rule in force");
    let p = item["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["def"]["name"] == "density_threshold")
        .unwrap();
    (
        p["value"].as_f64().unwrap(),
        p["source"].as_str().unwrap().to_string(),
        p["setting_id"].as_i64(),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn rule_settings_are_recorded_shown_and_refused() {
    let h = Harness::new().await;
    let (admin_id, admin) = h
        .staff("sys", &[Role::SystemAdmin], OWNER_DEPT, OWNER_REGION)
        .await;
    let admin = Auth::Bearer(admin);
    let (_, analyst) = h
        .staff("ana", &[Role::Analyst], OWNER_DEPT, OWNER_REGION)
        .await;
    let analyst = Auth::Bearer(analyst);
    let (_, security) = h
        .staff("sec", &[Role::SecurityAdmin], OWNER_DEPT, OWNER_REGION)
        .await;
    let security = Auth::Bearer(security);
    let uri = format!("/api/v1/rules/{RULE}/settings");
    let good = json!({"param": "density_threshold", "value": 0.8, "effective_from": "2026-03-10",
                      "reason": "杭市监〔2026〕3号：专项整治期间提高阈值"});

    // Before any setting: the code's default, from every reader.
    let before = h.get("/api/v1/rules?as_of=2026-03-10", &analyst).await;
    assert_eq!(before.status, StatusCode::OK, "{}", before.text());
    assert_eq!(density(&before.json()), (0.5, "default".into(), None));

    // Only the system administrator records; others are refused, and a stale session too.
    for (who, auth) in [("analyst", &analyst), ("security admin", &security)] {
        let a = h.post_json(&uri, auth, good.clone()).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{who}: {}", a.text());
    }
    // Invalid values: a 400 naming the field and the value; nothing stored.
    for (body, field, value) in [
        (
            json!({"param": "density_threshold", "value": 500.0, "effective_from": "2026-03-10", "reason": "过大"}),
            "value",
            "500",
        ),
        (
            json!({"param": "density", "value": 0.8, "effective_from": "2026-03-10", "reason": "拼错"}),
            "param",
            "density",
        ),
        (
            json!({"param": "density_threshold", "value": 0.8, "effective_from": "2026-02-30", "reason": "无此日"}),
            "effective_from",
            "2026-02-30",
        ),
        (
            json!({"param": "density_threshold", "value": 0.8, "effective_from": "2026-03-01", "reason": "追溯"}),
            "effective_from",
            "2026-03-01",
        ),
        (
            json!({"param": "density_threshold", "value": "0.8", "effective_from": "2026-03-10", "reason": "文本"}),
            "value",
            "0.8",
        ),
    ] {
        let a = h.post_json(&uri, &admin, body).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.text());
        let text = a.text();
        assert!(
            text.contains(field) && text.contains(value),
            "{field} {value}: {text}"
        );
    }
    let bad_rule = h
        .post_json("/api/v1/rules/nope.nope/settings", &admin, good.clone())
        .await;
    assert_eq!(bad_rule.status, StatusCode::NOT_FOUND);
    assert!(h.store().param_settings(None).await.unwrap().is_empty());

    // Recorded, with its author and audit row.
    let a = h.post_json(&uri, &admin, good.clone()).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text());
    let created = a.json();
    let id = created["setting_id"].as_i64().unwrap();
    assert_eq!(created["set_by"], admin_id.as_str());
    let audit = h.store().audit_events(50, None).await.unwrap();
    assert!(
        audit.iter().any(|r| r.event.action == "create_rule_setting"
            && r.event.actor == admin_id
            && r.event.outcome == "success"
            && r.event.detail.contains("专项整治")),
        "audited"
    );

    // The day before its first day: the default; from it: the setting with its reason.
    let day_before = h
        .get("/api/v1/rules?as_of=2026-03-09", &analyst)
        .await
        .json();
    assert_eq!(density(&day_before), (0.5, "default".into(), None));
    let on = h
        .get("/api/v1/rules?as_of=2026-03-10", &analyst)
        .await
        .json();
    assert_eq!(density(&on), (0.8, "setting".into(), Some(id)));
    assert!(on.to_string().contains("杭市监〔2026〕3号"));
    let bad_day = h.get("/api/v1/rules?as_of=2026-13-01", &analyst).await;
    assert_eq!(bad_day.status, StatusCode::BAD_REQUEST);

    // A second value later: the history holds both, nothing overwritten.
    let later = json!({"param": "density_threshold", "value": 0.6, "effective_from": "2026-04-01",
                       "reason": "整治结束，恢复"});
    assert_eq!(
        h.post_json(&uri, &admin, later).await.status,
        StatusCode::CREATED
    );
    let history = h.get(&uri, &analyst).await;
    assert_eq!(history.status, StatusCode::OK);
    let values: Vec<f64> = history.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, vec![0.8, 0.6]);
    let mid = h
        .get("/api/v1/rules?as_of=2026-03-31", &analyst)
        .await
        .json();
    assert_eq!(density(&mid).0, 0.8);
    let after = h
        .get("/api/v1/rules?as_of=2026-04-01", &analyst)
        .await
        .json();
    assert_eq!(density(&after).0, 0.6);

    // A session authenticated more than five minutes ago must re-authenticate.
    h.clock.advance(chrono::Duration::minutes(6));
    let stale = h.post_json(&uri, &admin, good).await;
    assert_eq!(stale.status, StatusCode::FORBIDDEN);
    assert_eq!(stale.code().as_deref(), Some("reauthentication_required"));
    assert_eq!(h.store().param_settings(None).await.unwrap().len(), 2);
}

/// A stored setting that the code's bounds no longer admit (written straight to the store, as a
/// release that tightened a bound would leave it) does not crash the catalogue: the days it is in
/// force answer 409 naming the setting, in Chinese and English; earlier days still answer; a new
/// setting from a later day supersedes it from that day on.
#[tokio::test(flavor = "multi_thread")]
async fn a_stale_setting_is_a_conflict_naming_it_not_a_crash() {
    let h = Harness::new().await;
    let (_, admin) = h
        .staff("sys", &[Role::SystemAdmin], OWNER_DEPT, OWNER_REGION)
        .await;
    let admin = Auth::Bearer(admin);
    let stale = h
        .store()
        .add_param_setting(&tianping_store::params::NewParamSetting {
            rule: RULE.into(),
            param: "density_threshold".into(),
            value: 1e9,
            effective_from: "2026-03-05".into(),
            reason: "旧版本允许的取值".into(),
            set_by: "local:ops".into(),
            recorded_at: "2026-03-01T00:00:00.000000Z".into(),
        })
        .await
        .unwrap();
    let before = h.get("/api/v1/rules?as_of=2026-03-04", &admin).await;
    assert_eq!(before.status, StatusCode::OK, "{}", before.text());
    let on = h.get("/api/v1/rules?as_of=2026-03-05", &admin).await;
    assert_eq!(on.status, StatusCode::CONFLICT, "{}", on.text());
    let err = on.json();
    let (zh, en) = (
        err["error"]["message"].as_str().unwrap(),
        err["error"]["message_en"].as_str().unwrap(),
    );
    let id = format!("#{}", stale.setting_id);
    assert!(zh.contains(&id) && zh.contains("超出允许范围"), "{zh}");
    assert!(en.contains(&id) && en.contains("is outside"), "{en}");
    assert!(!en.contains("超出"), "{en}");
    // A new setting from a later day supersedes it.
    let fix = json!({"param": "density_threshold", "value": 0.7, "effective_from": "2026-03-02",
                     "reason": "取代不再有效的设置"});
    let r = h
        .post_json(&format!("/api/v1/rules/{RULE}/settings"), &admin, fix)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let today = h.get("/api/v1/rules?as_of=2026-03-05", &admin).await;
    assert_eq!(
        today.status,
        StatusCode::CONFLICT,
        "the stale one still wins from its own day"
    );
    let later = json!({"param": "density_threshold", "value": 0.7, "effective_from": "2026-03-06",
                       "reason": "取代不再有效的设置"});
    let r = h
        .post_json(&format!("/api/v1/rules/{RULE}/settings"), &admin, later)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let after = h.get("/api/v1/rules?as_of=2026-03-06", &admin).await;
    assert_eq!(after.status, StatusCode::OK, "{}", after.text());
    assert_eq!(density(&after.json()).0, 0.7);
}
