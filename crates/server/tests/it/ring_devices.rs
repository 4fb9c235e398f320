//! Relations by a brushing ring's devices on the merchant profile (issue 10, `via:
//! "ring_device"`): merchants whose `fake_orders` rings ordered from the same devices list each
//! other, with the number of shared devices and the finding ids, never a device id; a merchant
//! the ring's devices reached without a finding of its own, or whose ring used other devices, is
//! not listed.

use std::io::Write;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use sha2::Digest;
use tianping_auth::Role;
use tianping_store::{DetectionRun, StoredFinding};

use crate::support::{Auth, Harness, OWNER_DEPT, OWNER_REGION, example_zip};

/// A 64-hex pseudonym made of one repeated byte (`pid('a')` = "aaaa…").
fn pid(c: char) -> String {
    c.to_string().repeat(64)
}

const HEADER: &str = "platform_id,order_id,merchant_id,listing_id,buyer_pid,quantity,unit_price_fen,paid_fen,ordered_at,paid_at,ship_address_pid,ship_adcode,device_pid,ip_pid,logistics_no,parcel_weight_g,signed_at,status,return_requested_at,return_reason,return_outcome,refunded_at,invoice_requested,invoice_issued";

/// A tmall batch of orders `(order, merchant, listing, buyer, device, status)`.
fn orders_zip(orders: &[(&str, &str, &str, String, String, &str)]) -> Vec<u8> {
    orders_batch("tmall-2026-03-01-0002", orders)
}

fn orders_batch(batch_id: &str, orders: &[(&str, &str, &str, String, String, &str)]) -> Vec<u8> {
    let mut csv = format!("{HEADER}\n");
    for (o, m, l, buyer, device, status) in orders {
        csv.push_str(&format!(
            "tmall,{o},{m},{l},{buyer},1,6800,6800,2026-03-01T15:00:00+08:00,2026-03-01T15:01:00+08:00,,,{device},,,,,{status},,,,,false,false\n"
        ));
    }
    let manifest = json!({
        "standard": "1",
        "batch_id": batch_id,
        "supplier": "tmall",
        "generated_at": "2026-03-02T01:30:00+08:00",
        "period": {"from": "2026-03-01T00:00:00+08:00", "to": "2026-03-02T00:00:00+08:00"},
        "files": [{"table": "orders", "path": "orders.csv", "format": "csv",
                   "rows": orders.len(), "sha256": hex::encode(sha2::Sha256::digest(csv.as_bytes()))}],
    });
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("manifest.json", options).unwrap();
        zip.write_all(manifest.to_string().as_bytes()).unwrap();
        zip.start_file("orders.csv", options).unwrap();
        zip.write_all(csv.as_bytes()).unwrap();
        zip.finish().unwrap();
    }
    buf.into_inner()
}

async fn push(h: &Harness, zip: Vec<u8>) -> Value {
    let key = h.platform_key("tmall").await;
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

/// A stored `fake_orders` finding about tmall's `merchant` whose ring is `accounts`.
fn ring_finding(merchant: &str, accounts: &[String]) -> StoredFinding {
    let subject = tianping_detect::Ref::merchant("tmall", merchant);
    let rule = "fake_orders.brushing_ring";
    let id = tianping_detect::finding::finding_id("fake_orders", rule, &subject, None);
    let evidence = json!({"ring_accounts": accounts.len()});
    let evidence_sha256 = tianping_detect::finding::evidence_sha256(&evidence);
    let related: Vec<Value> = accounts
        .iter()
        .map(|a| json!({"kind": "person", "id": a}))
        .collect();
    let body = json!({
        "finding_id": id, "detector": "fake_orders", "rule": rule, "detector_version": 2,
        "severity": "high", "score": 0.8,
        "subject": {"kind": "merchant", "id": merchant, "platform_id": "tmall"},
        "related": related, "legal_basis": ["反不正当竞争法 第九条"],
        "summary": "疑似刷单炒信", "evidence": evidence, "evidence_sha256": evidence_sha256,
    });
    let canonical = tianping_detect::finding::canonical_json(&body);
    StoredFinding {
        finding_id: id.clone(),
        detector: "fake_orders".into(),
        rule: rule.into(),
        severity: "high".into(),
        subject_kind: "merchant".into(),
        subject_platform: Some("tmall".into()),
        subject_id: merchant.into(),
        body: body.to_string(),
        evidence_sha256: evidence_sha256.clone(),
        region: None,
        leaf: tianping_store::NewLeaf::from_entry(
            format!("finding:{id}"),
            &tianping_evidence::Entry::Finding {
                finding_id: id.clone(),
                rule: rule.into(),
                evidence_sha256: tianping_evidence::Hash::from_hex(&evidence_sha256).unwrap(),
                finding_sha256: tianping_evidence::HashAlg::Sha256.digest(canonical.as_bytes()),
                finding_sm3: tianping_evidence::HashAlg::Sm3.digest(canonical.as_bytes()),
            },
        )
        .unwrap(),
    }
}

/// tmall `merchant`'s profile as text and JSON.
async fn profile(h: &Harness, auth: &Auth, merchant: &str) -> (String, Value) {
    let r = h
        .get(
            &format!("/api/v1/merchants/merchant%7Ctmall%7C{merchant}"),
            auth,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    (r.text(), r.json())
}

fn ring_rows(profile: &Value) -> Vec<Value> {
    profile["related"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["via"] == "ring_device")
        .cloned()
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn merchants_brushed_from_the_same_ring_devices_list_each_other() {
    let h = Harness::new().await;
    push(&h, example_zip("tmall-2026-03-01-0001")).await;
    // One crew (accounts a, b, c on devices 1 and 2) brushes m1 and m2; c also orders once at m3,
    // which has no finding. m4's own ring (account 9) uses device 9, which at m1 only an honest
    // buyer used. A cancelled ring order at m2 from device 3 does not count.
    let (a, b, c, honest, nine) = (pid('a'), pid('b'), pid('c'), pid('e'), pid('9'));
    let (d1, d2, d3, d9) = (pid('1'), pid('2'), pid('3'), pid('f'));
    let orders = vec![
        ("r1", "m1", "l1", a.clone(), d1.clone(), "completed"),
        ("r2", "m1", "l1", b.clone(), d2.clone(), "completed"),
        ("r3", "m1", "l1", c.clone(), d1.clone(), "completed"),
        ("r4", "m1", "l1", honest.clone(), d9.clone(), "completed"),
        ("r5", "m2", "l2", a.clone(), d1.clone(), "completed"),
        ("r6", "m2", "l2", b.clone(), d2.clone(), "completed"),
        ("r7", "m2", "l2", a.clone(), d3.clone(), "cancelled"),
        ("r8", "m3", "l3", c.clone(), d1.clone(), "completed"),
        ("r9", "m4", "l4", nine.clone(), d9.clone(), "completed"),
    ];
    let receipt = push(&h, orders_zip(&orders)).await;
    assert_eq!(receipt["accepted"], json!(9), "{receipt}");
    let findings = [
        ring_finding("m1", &[a.clone(), b.clone(), c.clone()]),
        ring_finding("m2", &[a.clone(), b.clone()]),
        ring_finding("m4", std::slice::from_ref(&nine)),
    ];
    let ids: Vec<String> = findings.iter().map(|f| f.finding_id.clone()).collect();
    let run = DetectionRun {
        run_id: "run-ring".into(),
        as_of: "2026-03-02T00:00:00+08:00".into(),
        started_at: "2026-03-02T02:00:00.000+08:00".into(),
        detectors: "[]".into(),
        params: "{}".into(),
        params_sha256: "0".repeat(64),
        data_sha256: "0".repeat(64),
        findings: 3,
        new_findings: 0,
    };
    h.store()
        .save_detection(&run, &findings, &[], &[])
        .await
        .unwrap();
    let (_, officer) = h
        .staff("officer", &[Role::CaseOfficer], OWNER_DEPT, OWNER_REGION)
        .await;
    let officer = Auth::Bearer(officer);
    let mut sorted_pair = vec![ids[0].clone(), ids[1].clone()];
    sorted_pair.sort();

    let (text1, m1) = profile(&h, &officer, "m1").await;
    assert_eq!(
        ring_rows(&m1),
        [json!({
            "via": "ring_device", "platform_id": "tmall", "merchant_id": "m2",
            "merchant_key": "merchant|tmall|m2", "name": "鲜果铺", "uscc": "91330110MA2B00002T",
            "shared_devices": 2, "finding_ids": sorted_pair,
        })],
        "m1's ring shares devices 1 and 2 with m2's; m3 (no finding) and m4 (device 9 not the ring's here) are not related"
    );
    let (text2, m2) = profile(&h, &officer, "m2").await;
    let back = ring_rows(&m2);
    assert_eq!(back.len(), 1, "{back:?}");
    assert_eq!(back[0]["merchant_id"], "m1");
    // Device 3 was used by m2's ring only in a cancelled order: two devices, not three.
    assert_eq!(back[0]["shared_devices"], 2);
    let (_, m4) = profile(&h, &officer, "m4").await;
    assert_eq!(ring_rows(&m4), Vec::<Value>::new());
    let (_, m3) = profile(&h, &officer, "m3").await;
    assert_eq!(
        ring_rows(&m3),
        Vec::<Value>::new(),
        "m3 has no ring finding"
    );
    // Counts only: no device pseudonym reaches the caller.
    for d in [&d1, &d2, &d3, &d9] {
        assert!(!text1.contains(d.as_str()) && !text2.contains(d.as_str()));
    }
    // Asked again on the same data: the same answer, and the lake is not queried again (one
    // query per ring merchant above: m1, m2, m4; m3 has no ring finding).
    let snap = tianping_server::routes::lakeview::snapshot(&h.state)
        .await
        .unwrap();
    assert_eq!(snap.queries_run(), 3);
    let (again, _) = profile(&h, &officer, "m1").await;
    assert_eq!(
        ring_rows(&serde_json::from_str(&again).unwrap()),
        ring_rows(&m1)
    );
    assert_eq!(
        snap.queries_run(),
        3,
        "the second m1 profile ran no lake query"
    );
    // New data is a new version: its first profile queries the lake again.
    let receipt = push(
        &h,
        orders_batch(
            "tmall-2026-03-01-0003",
            &[("r10", "m3", "l3", honest.clone(), d9.clone(), "completed")],
        ),
    )
    .await;
    assert_eq!(receipt["accepted"], json!(1), "{receipt}");
    let fresh = tianping_server::routes::lakeview::snapshot(&h.state)
        .await
        .unwrap();
    let (_, after) = profile(&h, &officer, "m1").await;
    assert_eq!(ring_rows(&after), ring_rows(&m1));
    assert_eq!(fresh.queries_run(), 1);
}
