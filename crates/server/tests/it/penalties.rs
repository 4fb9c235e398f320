//! Penalties on the merchant profile (issue 10): the `penalties` rows of the merchant's USCC
//! (delivered by the `regulator` supplier, data standard §3.17), newest first, with kind in
//! zh/en, amounts in yuan from fen, and whether each is on public display on the server's date
//! (a warning alone not published; 3 months for a small fine, 3 years otherwise); another USCC's penalties never
//! show; our own cases on the merchant that reached a decision are listed apart.

use std::io::Write;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use sha2::Digest;
use tianping_auth::Role;
use tianping_cases::case::{Action, Actor, Outcome, Role as CaseRole};

use crate::support::{Auth, Harness, OWNER_DEPT, OWNER_REGION, example_zip, t0};

const USCC: &str = "91330106MA2B00001Y";

/// A `regulator` batch with one `penalties.csv`.
fn penalties_zip(rows: &[&str]) -> Vec<u8> {
    let mut csv = String::from(
        "penalty_id,uscc,decided_on,authority,legal_basis,fine_fen,confiscated_fen,kind\n",
    );
    for r in rows {
        csv.push_str(r);
        csv.push('\n');
    }
    let manifest = json!({
        "standard": "1",
        "batch_id": "regulator-2026-03-01",
        "supplier": "regulator",
        "generated_at": "2026-03-02T01:00:00+08:00",
        "period": {"from": "2026-03-01T00:00:00+08:00", "to": "2026-03-02T00:00:00+08:00"},
        "files": [{"table": "penalties", "path": "penalties.csv", "format": "csv",
                   "rows": rows.len(), "sha256": hex::encode(sha2::Sha256::digest(csv.as_bytes()))}],
    });
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("manifest.json", options).unwrap();
        zip.write_all(manifest.to_string().as_bytes()).unwrap();
        zip.start_file("penalties.csv", options).unwrap();
        zip.write_all(csv.as_bytes()).unwrap();
        zip.finish().unwrap();
    }
    buf.into_inner()
}

/// Pushes a batch; returns its receipt.
async fn push(h: &Harness, supplier: &str, zip: Vec<u8>) -> Value {
    let key = h.platform_key(supplier).await;
    let r = h
        .call(
            Method::POST,
            "/api/v1/batches",
            &Auth::ApiKey(key),
            Some(("application/zip", zip)),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    r.json()
}

#[tokio::test(flavor = "multi_thread")]
async fn merchant_profile_shows_penalties_with_publicity() {
    let h = Harness::new().await;
    push(&h, "tmall", example_zip("tmall-2026-03-01-0001")).await;
    let receipt = push(
        &h,
        "regulator",
        penalties_zip(&[
            // A small fine (3 months): decided 2026-01-10, on display on 2026-03-02.
            &format!("p-small-new,{USCC},2026-01-10,杭州市西湖区市场监督管理局,价格法 第十三条,300000,0,fine"),
            // A small fine of 2025-06-30: its 3 months ended on 2025-09-30.
            &format!("p-small-old,{USCC},2025-06-30,杭州市市场监督管理局,明码标价和禁止价格欺诈规定 第十九条,200000,0,fine"),
            // A confiscation with a fine (3 years): on display until 2027-05-01.
            &format!("p-big,{USCC},2024-05-01,杭州市市场监督管理局,反不正当竞争法 第二十条,5000000,12345,confiscation"),
            // Another company's penalty never shows here (a warning with a 1-yuan fine: 3 months).
            "p-other,91330110MA2B00002T,2026-02-01,杭州市市场监督管理局,价格法 第十三条,100,0,warning",
            // A warning alone is not published at all.
            "p-warn,91330110MA2B00002T,2026-02-15,杭州市市场监督管理局,价格法 第十三条,0,0,warning",
        ]),
    )
    .await;
    assert_eq!(
        (&receipt["accepted"], &receipt["quarantined"]),
        (&json!(5), &json!(0)),
        "{receipt}"
    );
    let (_, officer) = h
        .staff("officer", &[Role::CaseOfficer], OWNER_DEPT, OWNER_REGION)
        .await;
    let officer = Auth::Bearer(officer);
    let m = h
        .get("/api/v1/merchants/merchant%7Ctmall%7Cm1", &officer)
        .await;
    assert_eq!(m.status, StatusCode::OK, "{}", m.text());
    let m = m.json();
    // The server's clock: 2026-03-02 in Beijing.
    assert_eq!(t0().to_rfc3339(), "2026-03-02T02:00:00+00:00");
    assert_eq!(m["penalties_as_of"], "2026-03-02");
    let p = m["penalties"].as_array().unwrap();
    let ids: Vec<&str> = p
        .iter()
        .map(|x| x["penalty_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["p-small-new", "p-small-old", "p-big"],
        "newest first, ours only"
    );
    let field = |i: usize, f: &str| p[i].pointer(f).cloned().unwrap_or(Value::Null);
    assert_eq!(field(0, "/fine_yuan"), json!("3000.00"));
    assert_eq!(field(0, "/kind_zh"), json!("罚款"));
    assert_eq!(field(0, "/kind_en"), json!("Fine"));
    assert_eq!(field(0, "/authority"), json!("杭州市西湖区市场监督管理局"));
    assert_eq!(field(0, "/legal_basis"), json!("价格法 第十三条"));
    assert_eq!(field(0, "/decided_on"), json!("2026-01-10"));
    assert_eq!(field(0, "/display/on_display"), json!(true));
    assert_eq!(field(0, "/display/months"), json!(3));
    assert_eq!(field(0, "/display/ends_on"), json!("2026-04-10"));
    assert_eq!(field(1, "/display/on_display"), json!(false));
    assert_eq!(field(1, "/display/ends_on"), json!("2025-09-30"));
    assert_eq!(field(2, "/display/on_display"), json!(true));
    assert_eq!(field(2, "/display/months"), json!(36));
    assert_eq!(field(2, "/fine_yuan"), json!("50000.00"));
    assert_eq!(field(2, "/confiscated_yuan"), json!("123.45"));
    assert_eq!(field(2, "/kind_zh"), json!("没收违法所得、非法财物"));
    assert_eq!(m["penalties_truncated"], json!(false));
    assert_eq!(m["decided_cases"], json!([]));
    // The other company's profile shows its own warning only.
    let m2 = h
        .get("/api/v1/merchants/merchant%7Ctmall%7Cm2", &officer)
        .await
        .json();
    let ids: Vec<&str> = m2["penalties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["penalty_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["p-warn", "p-other"]);
    assert_eq!(m2["penalties"][0]["display"]["published"], json!(false));
    assert_eq!(m2["penalties"][0]["display"]["on_display"], json!(false));
    assert_eq!(m2["penalties"][1]["display"]["published"], json!(true));
    assert_eq!(m2["penalties"][1]["display"]["months"], json!(3));
}

#[tokio::test(flavor = "multi_thread")]
async fn merchant_profile_lists_our_decided_cases() {
    let h = Harness::new().await;
    h.findings().await;
    let (case_id, _) = h.alerts_and_clue().await;
    let (_, officer) = h
        .staff("officer", &[Role::CaseOfficer], OWNER_DEPT, OWNER_REGION)
        .await;
    let officer = Auth::Bearer(officer);
    let profile = || h.get("/api/v1/merchants/merchant%7Ctmall%7Cm-tmall", &officer);
    let m = profile().await.json();
    assert_eq!(m["cases"].as_array().unwrap().len(), 1);
    assert_eq!(
        m["decided_cases"],
        json!([]),
        "an assigned clue is not decided"
    );
    assert_eq!(
        m["penalties"],
        json!([]),
        "no shop row, no USCC, no penalties"
    );
    // Take the clue to a decision.
    let desk = tianping_service::cases::Desk::embedded().unwrap();
    let who = |id: &str, role| Actor {
        id: id.into(),
        role,
    };
    let mut at = t0().timestamp_millis();
    for (actor, action) in [
        (who("o1", CaseRole::Officer), Action::StartVerification),
        (who("a1", CaseRole::Approver), Action::File),
        (
            who("a1", CaseRole::Approver),
            Action::AssignInvestigators {
                investigators: vec!["o1".into(), "o2".into()],
            },
        ),
        (
            who("a1", CaseRole::Approver),
            Action::Decide {
                outcome: Outcome::Penalty,
                party_same_province: true,
            },
        ),
    ] {
        at += 3_600_000;
        desk.act(h.store().as_ref(), &case_id, &actor, action, "测试", at)
            .await
            .unwrap();
    }
    let m = profile().await.json();
    let decided = m["decided_cases"].as_array().unwrap();
    assert_eq!(decided.len(), 1, "{m}");
    assert_eq!(decided[0]["case_id"], json!(case_id));
    assert_eq!(decided[0]["state"], json!("decided"));
    assert_eq!(decided[0]["department"], json!(OWNER_DEPT));
}
