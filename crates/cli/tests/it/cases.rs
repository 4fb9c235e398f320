use crate::support::{examples, load_departments, tianping};

/// Findings → alerts → a clue → a case, with a refused action, a transfer as JSON to another
/// installation (its own home and key) that verifies, logs and opens the package (its transfer
/// letter naming the sending unit, printed on both sides), its case file
/// coming back as feedback, the case closed, and the final case file verifying offline.
#[test]
fn alerts_clue_case_queue_history_and_case_file() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    load_departments(h);
    // Two batches before detection: tmall's (listings, orders, price observations: read by
    // price_fraud) and the registry's (a table price_fraud does not read).
    for name in ["tmall-2026-03-01-0001", "registry-2026-03-01"] {
        let batch = examples().join(name);
        assert_eq!(
            tianping(h, &["ingest", batch.to_str().unwrap()])
                .status
                .code(),
            Some(0),
            "{name}"
        );
    }
    let detect = [
        "detect",
        "--detector",
        "price_fraud",
        "--as-of",
        "2026-03-05T00:00:00+08:00",
    ];
    assert_eq!(tianping(h, &detect).status.code(), Some(0));
    let out = tianping(h, &["--json", "alerts", "--as-of", "2026-03-05"]);
    assert_eq!(out.status.code(), Some(0));
    let alerts: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!alerts.is_empty());
    let alert = alerts[0]["alert_id"].as_str().unwrap();
    let case = format!("clue-{}", alert.trim_start_matches("alert-"));
    let who = |actor: &'static str, role: &'static str, at: &'static str| {
        vec![
            "--actor",
            actor,
            "--role",
            role,
            "--reason",
            "依职权处理",
            "--at",
            at,
        ]
    };
    let run = |args: Vec<&str>| tianping(h, &args);
    // A department the registry does not hold is refused, naming the valid ones.
    let mut unknown = vec![
        "cases",
        "open",
        alert,
        "--department",
        "价监处",
        "--region",
        "330106",
    ];
    unknown.extend(who("u-d1", "dispatcher", "2026-03-05T09:00:00+08:00"));
    let out = run(unknown);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_ne!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("价监处") && err.contains("jiage（价格监督检查和反不正当竞争处）"),
        "{err}"
    );
    // The Chinese name is resolved to the id.
    let mut open = vec![
        "cases",
        "open",
        alert,
        "--department",
        "价格监督检查和反不正当竞争处",
        "--region",
        "330106",
    ];
    open.extend(who("u-d1", "dispatcher", "2026-03-05T09:00:00+08:00"));
    let out = run(open.clone());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The same alert cannot become a second clue.
    assert_eq!(run(open).status.code(), Some(1));
    let act = |action: &'static str, actor: &'static str, role: &'static str, at: &'static str| {
        let mut args = vec!["cases", "act", case.as_str(), action];
        args.extend(who(actor, role, at));
        tianping(h, &args)
    };
    assert_eq!(
        act(
            "start_verification",
            "u-o1",
            "officer",
            "2026-03-05T10:00:00+08:00"
        )
        .status
        .code(),
        Some(0)
    );
    // An officer may not file; an approver may.
    let refused = act("file", "u-o1", "officer", "2026-03-06T10:00:00+08:00");
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("无权"));
    assert_eq!(
        act("file", "u-a1", "approver", "2026-03-06T10:00:00+08:00")
            .status
            .code(),
        Some(0)
    );
    let transfer = r#"{"action":"transfer","to_department":"网监处","to_region":"330100"}"#;
    assert_eq!(
        act(transfer, "u-a1", "approver", "2026-03-09T10:00:00+08:00")
            .status
            .code(),
        Some(0)
    );
    // Bad input is a usage error naming it.
    let bad = act("fly", "u-a1", "approver", "2026-03-09T11:00:00+08:00");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("fly"));

    let out = tianping(h, &["cases", "queue"]);
    let queue = String::from_utf8(out.stdout).unwrap();
    assert!(
        queue.contains(&case) && queue.contains("transferred"),
        "{queue}"
    );
    let out = tianping(h, &["cases", "show", &case]);
    let shown = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        shown.lines().count(),
        5,
        "the case and four events: {shown}"
    );

    let bundle = h.join("case-file");
    let out = tianping(
        h,
        &["cases", "export", &case, "--out", bundle.to_str().unwrap()],
    );
    let exported = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(0), "{exported}");
    // A transferred case exports as a transfer package with the letter naming both units from
    // the registry (the receiver here is named as recorded: no registry department is "网监处").
    assert!(
        exported.contains("移送单位 from: 价格监督检查和反不正当竞争处（jiage，330106）")
            && exported.contains("接收单位 to:   网监处（330100）"),
        "{exported}"
    );
    let out = tianping(h, &["evidence", "verify", bundle.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // The other region's installation receives it with the sender's published key.
    let key_of = |home: &std::path::Path| {
        let out = tianping(home, &["evidence", "head"]);
        String::from_utf8_lossy(&out.stderr)
            .split_whitespace()
            .last()
            .unwrap()
            .to_string()
    };
    let key_a = key_of(h);
    let other = tempfile::tempdir().unwrap();
    let b = other.path();
    let key_b = key_of(b);
    load_departments(b);
    let mut receive = vec![
        "cases",
        "receive",
        bundle.to_str().unwrap(),
        "--department",
        "网络交易监督管理处",
        "--region",
        "330100",
    ];
    receive.extend(who("u-b-d1", "dispatcher", "2026-03-10T09:00:00+08:00"));
    // The wrong key is refused, and nothing is opened.
    let mut wrong = receive.clone();
    wrong.extend(["--key", key_b.as_str()]);
    assert_eq!(tianping(b, &wrong).status.code(), Some(1));
    receive.extend(["--key", key_a.as_str()]);
    let out = tianping(b, &receive);
    let received = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(0), "{received}");
    // The receiver reads the sender's names from the package, not from its own registry.
    assert!(
        received.contains("移送单位 from: 价格监督检查和反不正当竞争处（jiage，330106）"),
        "{received}"
    );
    let out = tianping(b, &["cases", "queue"]);
    let queue_b = String::from_utf8(out.stdout).unwrap();
    let case_b = queue_b.split('\t').next().unwrap().to_string();
    assert!(queue_b.contains("\twangjian\t"), "{queue_b}");
    let mut act_b = vec!["cases", "act", case_b.as_str(), "start_verification"];
    act_b.extend(who("u-b-o1", "officer", "2026-03-10T10:00:00+08:00"));
    assert_eq!(tianping(b, &act_b).status.code(), Some(0));
    let reply = b.join("reply");
    // A plain case file is not feedback: the sender refuses it naming the missing letter.
    let bare = b.join("bare-reply");
    let out = tianping(
        b,
        &["cases", "export", &case_b, "--out", bare.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0));
    let mut bare_feedback = vec![
        "cases",
        "feedback",
        case.as_str(),
        "--from",
        bare.to_str().unwrap(),
        "--key",
        key_b.as_str(),
    ];
    bare_feedback.extend(who("u-o1", "officer", "2026-03-11T10:00:00+08:00"));
    let out = tianping(h, &bare_feedback);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("no feedback letter"), "{err}");
    let out = tianping(
        b,
        &[
            "cases",
            "export",
            &case_b,
            "--reply-to",
            &case,
            "--actor",
            "u-b-o1",
            "--out",
            reply.to_str().unwrap(),
        ],
    );
    let exported = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(0), "{exported}");
    assert!(
        exported.contains("反馈单位 from: 网络交易监督管理处（wangjian，330100）"),
        "{exported}"
    );
    // Back home: the reply is feedback; then the case can close.
    assert_eq!(
        act("close", "u-a1", "approver", "2026-03-11T09:00:00+08:00")
            .status
            .code(),
        Some(1),
        "a transferred case closes only after feedback"
    );
    let mut feedback = vec![
        "cases",
        "feedback",
        case.as_str(),
        "--from",
        reply.to_str().unwrap(),
        "--key",
        key_b.as_str(),
    ];
    feedback.extend(who("u-o1", "officer", "2026-03-11T10:00:00+08:00"));
    let out = tianping(h, &feedback);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The recorded feedback names the replying unit from its letter, and what the transfer
    // named when that differs.
    let out = tianping(h, &["--json", "cases", "show", &case]);
    let shown = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        shown.contains("网络交易监督管理处（wangjian，330100）")
            && shown.contains("移送时写明的接收单位为 网监处（330100）"),
        "{shown}"
    );
    assert_eq!(
        act("close", "u-a1", "approver", "2026-03-11T11:00:00+08:00")
            .status
            .code(),
        Some(0)
    );
    let bundle = h.join("case-file-closed");
    let out = tianping(
        h,
        &["cases", "export", &case, "--out", bundle.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0));
    let out = tianping(
        h,
        &[
            "evidence",
            "verify",
            bundle.to_str().unwrap(),
            "--key",
            &key_a,
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // Both logs hold everything, and both check.
    for home in [h, b] {
        let out = tianping(home, &["evidence", "check"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(bundle.join("manifest.json")).unwrap()).unwrap();
    let kinds: Vec<&str> = manifest["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["entry"]["kind"].as_str().unwrap())
        .collect();
    // open, start_verification, file, transfer, record_feedback, close.
    assert_eq!(kinds.iter().filter(|k| **k == "case_record").count(), 6);
    assert!(kinds.contains(&"finding"), "{kinds:?}");
    // The case file carries the receipt of the batch its price_fraud findings rest on (supplier,
    // digest over the delivered bytes, received_at, counts) and not the registry's.
    let entries = manifest["entries"].as_array().unwrap();
    let receipts: Vec<&serde_json::Value> = entries
        .iter()
        .filter(|e| e["entry"]["kind"] == "batch_receipt")
        .collect();
    assert_eq!(receipts.len(), 1, "{kinds:?}");
    let receipt = &receipts[0]["entry"];
    assert_eq!(receipt["supplier"], "tmall");
    assert_eq!(receipt["batch_id"], "tmall-2026-03-01-0001");
    assert_eq!(receipt["batch_sha256"].as_str().unwrap().len(), 64);
    assert!(receipt["received_at_ms"].as_i64().unwrap() > 0);
    assert!(receipt["rows_accepted"].as_u64().unwrap() > 0);
    // It verified above like every leaf; one byte changed in it fails, naming its entry.
    let index = receipts[0]["index"].as_u64().unwrap();
    let mut edited: serde_json::Value = manifest.clone();
    let at = entries
        .iter()
        .position(|e| e["entry"]["kind"] == "batch_receipt")
        .unwrap();
    let mut data = hex::decode(edited["entries"][at]["leaf_data"].as_str().unwrap()).unwrap();
    let last = data.len() - 1;
    data[last] ^= 1;
    edited["entries"][at]["leaf_data"] = hex::encode(&data).into();
    std::fs::write(
        bundle.join("manifest.json"),
        serde_json::to_vec_pretty(&edited).unwrap(),
    )
    .unwrap();
    let out = tianping(
        h,
        &[
            "evidence",
            "verify",
            bundle.to_str().unwrap(),
            "--key",
            &key_a,
        ],
    );
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains(&format!("条目 {index}")) && said.contains(&format!("entry {index}")),
        "{said}"
    );
}
