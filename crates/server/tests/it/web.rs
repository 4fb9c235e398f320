//! The web interface's endpoints beyond the access matrix: the cockpit's aggregates and the
//! alert queue count what is stored; a clue opened and moved through the desk shows in the
//! queue and its timeline; the exported case file verifies on the public endpoint, and the same
//! bundle with one content byte changed, or signed by another key, does not; the interface's
//! files are served with their policy and no path leaves the web root.

use std::io::{Read, Write};

use axum::http::{Method, StatusCode, header};
use serde_json::{Value, json};
use tianping_auth::Role;

use crate::support::{Auth, Harness, OWNER_DEPT, OWNER_REGION};

/// The zip `bytes` with `edit` applied to the entry whose name ends in `suffix`.
fn rezip(bytes: &[u8], suffix: &str, edit: impl Fn(&mut Vec<u8>)) -> (Vec<u8>, bool) {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut edited = false;
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        if !edited && name.ends_with(suffix) {
            edit(&mut data);
            edited = true;
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    (out.finish().unwrap().into_inner(), edited)
}

#[tokio::test(flavor = "multi_thread")]
async fn cockpit_queue_case_and_bundle() {
    let h = Harness::new().await;
    let finding_ids = h.findings().await;
    let (case_id, open_alert) = h.alerts_and_clue().await;
    let (_, officer) = h
        .staff("officer", &[Role::CaseOfficer], OWNER_DEPT, OWNER_REGION)
        .await;
    let officer = Auth::Bearer(officer);

    let c = h.get("/api/v1/cockpit", &officer).await;
    assert_eq!(c.status, StatusCode::OK, "{}", c.text());
    let c = c.json();
    assert_eq!(c["findings"]["total"], json!(finding_ids.len()));
    assert_eq!(c["findings"]["by_practice"][0]["practice"], "price_fraud");
    assert_eq!(c["findings"]["by_practice"][0]["high"], json!(2));
    assert_eq!(c["alerts"]["total"], json!(2));
    assert_eq!(c["cases"]["open"], json!(1));
    assert_eq!(c["top_merchants"].as_array().unwrap().len(), 2);
    // Another region's leader sees nothing of this unit.
    let (_, far) = h.staff("far", &[Role::Leader], OWNER_DEPT, "330200").await;
    let c = h.get("/api/v1/cockpit", &Auth::Bearer(far)).await.json();
    assert_eq!(c["findings"]["total"], json!(0));
    assert_eq!(c["cases"]["open"], json!(0));

    let q = h.get("/api/v1/alerts?status=open", &officer).await.json();
    let items = q["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["alert_id"], json!(open_alert));
    let bad = h.get("/api/v1/alerts?limit=0", &officer).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);

    // Open a clue from the other alert, start verification, ask for assistance.
    let r = h
        .post_json(
            &format!("/api/v1/alerts/{open_alert}/clue"),
            &officer,
            json!({"reason": "转本部门核查"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let clue = r.json()["case_id"].as_str().unwrap().to_string();
    let again = h
        .post_json(
            &format!("/api/v1/alerts/{open_alert}/clue"),
            &officer,
            json!({"reason": "再次登记"}),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let act_uri = format!("/api/v1/cases/{clue}/actions");
    let act = |action: Value| {
        h.post_json(
            &act_uri,
            &officer,
            json!({"action": action, "reason": "核查"}),
        )
    };
    assert_eq!(
        act(json!("start_verification")).await.status,
        StatusCode::OK
    );
    let refused = act(json!("start_verification")).await;
    assert_eq!(
        refused.status,
        StatusCode::BAD_REQUEST,
        "{}",
        refused.text()
    );
    let unknown = act(json!("teleport")).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert!(unknown.text().contains("action"), "{}", unknown.text());
    let assist = act(
        json!({"action": "request_assistance", "to_department": "wangjian",
        "to_region": "330106", "request": "调取成交记录"}),
    )
    .await;
    assert_eq!(assist.status, StatusCode::OK, "{}", assist.text());
    let case = h
        .get(&format!("/api/v1/cases/{clue}"), &officer)
        .await
        .json();
    assert_eq!(case["row"]["state"], "verifying");
    let actions: Vec<&str> = case["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        ["open", "start_verification", "request_assistance"]
    );
    let queue = h.get("/api/v1/cases?queue=all", &officer).await.json();
    assert_eq!(queue["items"].as_array().unwrap().len(), 2);

    // The case file verifies on its own bytes; a changed byte or another key does not.
    let zip = h
        .get(&format!("/api/v1/cases/{case_id}/bundle"), &officer)
        .await;
    assert_eq!(zip.status, StatusCode::OK, "{}", zip.text());
    assert_eq!(zip.headers[header::CONTENT_TYPE], "application/zip");
    let verify = |bytes: Vec<u8>| {
        h.call(
            Method::POST,
            "/api/v1/evidence/verify",
            &Auth::None,
            Some(("application/zip", bytes)),
        )
    };
    let report = verify(zip.body.clone()).await;
    assert_eq!(report.status, StatusCode::OK, "{}", report.text());
    let report = report.json();
    assert_eq!(report["ok"], json!(true), "{report}");
    assert!(
        report["entries_verified"].as_u64().unwrap() >= 2,
        "{report}"
    );
    let (tampered, edited) = rezip(&zip.body, "-finding.json", |d| {
        if let Some(b) = d.iter_mut().rev().find(|b| b.is_ascii_digit()) {
            *b = if *b == b'9' { b'8' } else { *b + 1 };
        }
    });
    assert!(edited);
    let report = verify(tampered).await.json();
    assert_eq!(report["ok"], json!(false), "{report}");
    assert!(!report["failures"].as_array().unwrap().is_empty());
    let not_zip = verify(b"not a zip".to_vec()).await;
    assert_eq!(not_zip.status, StatusCode::BAD_REQUEST);
    // A bundle signed by another installation's key fails against this one's.
    let other = Harness::new().await;
    other.findings().await;
    let (other_case, _) = other.alerts_and_clue().await;
    let (_, other_officer) = other
        .staff("officer", &[Role::CaseOfficer], OWNER_DEPT, OWNER_REGION)
        .await;
    let foreign = other
        .get(
            &format!("/api/v1/cases/{other_case}/bundle"),
            &Auth::Bearer(other_officer),
        )
        .await;
    assert_eq!(foreign.status, StatusCode::OK);
    let report = verify(foreign.body).await.json();
    assert_eq!(report["ok"], json!(false), "{report}");

    // The export is in the audit log.
    let audit = h.store().audit_events(200, None).await.unwrap();
    assert!(audit.iter().any(|r| r.event.action == "export_case"
        && r.event.target == format!("case:{case_id}")
        && r.event.outcome == "success"));

    let head = h.get("/api/v1/evidence/head", &officer).await.json();
    assert!(head["head"]["tree_size"].as_u64().unwrap() > 0, "{head}");
    let rules = h.get("/api/v1/rules", &officer).await.json();
    assert!(rules["items"].as_array().unwrap().len() >= 16);
}

#[tokio::test(flavor = "multi_thread")]
async fn merchant_profile_and_bad_keys() {
    let h = Harness::new().await;
    h.findings().await;
    h.alerts_and_clue().await;
    let (_, officer) = h
        .staff("officer", &[Role::CaseOfficer], OWNER_DEPT, OWNER_REGION)
        .await;
    let officer = Auth::Bearer(officer);
    let m = h
        .get("/api/v1/merchants/merchant%7Ctmall%7Cm-tmall", &officer)
        .await;
    assert_eq!(m.status, StatusCode::OK, "{}", m.text());
    let m = m.json();
    assert_eq!(m["findings"].as_array().unwrap().len(), 1);
    assert_eq!(m["alerts"].as_array().unwrap().len(), 1);
    assert_eq!(m["cases"].as_array().unwrap().len(), 1);
    assert!(!m.to_string().contains("13812345678"), "masked: {m}");
    for bad in [
        "merchant%7Ctmall%7Cm'%20OR%201=1--",
        "shop%7Ctmall%7Cx",
        "merchant%7Ctmall",
    ] {
        let r = h.get(&format!("/api/v1/merchants/{bad}"), &officer).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}: {}", r.text());
        assert!(r.text().contains("merchant_key"), "{}", r.text());
    }
    let none = h
        .get("/api/v1/merchants/merchant%7Ctmall%7Cnobody", &officer)
        .await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread")]
async fn interface_files() {
    let root = tempfile::tempdir().unwrap();
    std::fs::write(
        root.path().join("index.html"),
        "<!doctype html><title>天平</title>",
    )
    .unwrap();
    std::fs::create_dir(root.path().join("lib")).unwrap();
    std::fs::write(root.path().join("lib/app.js"), "export {};").unwrap();
    std::fs::write(root.path().join("secret.toml"), "x").unwrap();
    let dir = root.path().display().to_string();
    let h = Harness::with(&[("TIANPING_WEB_ROOT", dir.as_str())]).await;
    let index = h.get("/", &Auth::None).await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(index.text().contains("天平"));
    let csp = index.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(csp.contains("default-src 'self'") && csp.contains("script-src 'self'"));
    let js = h.get("/ui/lib/app.js", &Auth::None).await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(
        js.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    for bad in [
        "/ui/secret.toml",
        "/ui/../Cargo.toml",
        "/ui/%2e%2e/x.js",
        "/ui/.hidden.js",
        "/ui/nothere.js",
    ] {
        assert_eq!(
            h.get(bad, &Auth::None).await.status,
            StatusCode::NOT_FOUND,
            "{bad}"
        );
    }
    // Without a web root: a clear 404, and a web root without index.html is refused at start.
    let plain = Harness::new().await;
    assert_eq!(
        plain.get("/", &Auth::None).await.status,
        StatusCode::NOT_FOUND
    );
    let empty = tempfile::tempdir().unwrap();
    let e = tianping_server::ServerConfig::load(
        "home = \"/x\"\ndata_owner_department = \"w\"\ndata_owner_region = \"330100\"\n",
        [(
            "TIANPING_WEB_ROOT".to_string(),
            empty.path().display().to_string(),
        )],
    )
    .unwrap_err();
    assert_eq!(e.key, "web_root");
}
