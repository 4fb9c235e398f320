use crate::support::*;

#[test]
fn blocks_finds_a_planted_ring_in_an_edge_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::new();
    // A 6 × 4 biclique (the ring) in a sparse background.
    for u in 0..6 {
        for p in 0..4 {
            csv.push_str(&format!("acct{u},shop{p}\n"));
        }
    }
    for u in 0..200 {
        csv.push_str(&format!("user{u},item{}\n", u % 50));
    }
    let edges = dir.path().join("edges.csv");
    std::fs::write(&edges, csv).unwrap();
    let out = tianping(
        dir.path(),
        &["blocks", "--edges", edges.to_str().unwrap(), "-k", "1"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = json.to_string();
    for u in 0..6 {
        assert!(text.contains(&format!("\"acct{u}\"")), "{text}");
    }
    assert!(!text.contains("\"user"), "{text}");
    // A bad weight names the line and the value; an unknown metric is a usage error.
    std::fs::write(&edges, "a,b,1\nc,d,x\n").unwrap();
    let out = tianping(
        dir.path(),
        &["blocks", "--weights", "--edges", edges.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains('2') && err.contains('x'), "{err}");
    let out = tianping(
        dir.path(),
        &[
            "blocks",
            "--metric",
            "nope",
            "--edges",
            edges.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn address_normalize_writes_one_json_object_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("addresses.txt");
    std::fs::write(
        &input,
        "杭州市下城区莫干山路88号3单元602室\n浙江杭州拱墅莫干山路八十八号\n\n",
    )
    .unwrap();
    let out = tianping(
        dir.path(),
        &["address", "normalize", input.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines.len(),
        3,
        "one object per input line, blank lines included"
    );
    assert_eq!(
        lines[0]["district"], "拱墅区",
        "下城区 was merged into 拱墅区 in 2021"
    );
    assert_eq!(
        lines[0]["key"], lines[1]["key"],
        "variants of one place share a key"
    );
    assert_eq!(lines[0]["input"], "杭州市下城区莫干山路88号3单元602室");
}

#[test]
fn evidence_verify_checks_a_bundle_offline_and_names_what_was_changed() {
    use tianping_evidence::{
        Entry, ExportItem, ExportRequest, HashAlg, Log, MemoryStore, SigningKey,
    };
    let dir = tempfile::tempdir().unwrap();
    let finding = br#"{"finding_id":"f1","rule":"price_fraud.reference_price"}"#.to_vec();
    let src = dir.path().join("finding.json");
    std::fs::write(&src, &finding).unwrap();
    let key = SigningKey::from_seed(&[7; 32]);
    let mut log = Log::open(HashAlg::Sm3, MemoryStore::new()).unwrap();
    log.append(&Entry::Finding {
        finding_id: "f1".into(),
        rule: "price_fraud.reference_price".into(),
        evidence_sha256: HashAlg::Sha256.digest(b"{}"),
        finding_sha256: HashAlg::Sha256.digest(&finding),
        finding_sm3: HashAlg::Sm3.digest(&finding),
    })
    .unwrap();
    let head = key.sign_head(&log.head("hz/evidence/test", 1_764_000_000_000));
    let request = ExportRequest {
        title: "测试卷宗".into(),
        exported_at_ms: 1_764_000_000_001,
        items: vec![ExportItem {
            index: 0,
            content: Some(src),
        }],
        consistency_from: vec![],
    };
    let bundle = dir.path().join("bundle");
    tianping_evidence::export_bundle(&log, &key, &head, &request, &bundle).unwrap();
    let public = hex::encode(key.public_key().to_bytes());
    let out = tianping(
        dir.path(),
        &[
            "evidence",
            "verify",
            bundle.to_str().unwrap(),
            "--key",
            &public,
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // One byte of the finding changed: exit 1, and the report names the file.
    let file = std::fs::read_dir(bundle.join("files"))
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    let mut bytes = std::fs::read(&file).unwrap();
    bytes[5] ^= 1;
    std::fs::write(&file, bytes).unwrap();
    let out = tianping(
        dir.path(),
        &[
            "evidence",
            "verify",
            bundle.to_str().unwrap(),
            "--key",
            &public,
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(report.contains(&name), "{report}");
    // A bad key is a usage error.
    let out = tianping(
        dir.path(),
        &[
            "evidence",
            "verify",
            bundle.to_str().unwrap(),
            "--key",
            "zz",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn calendar_says_from_which_day_deadlines_cannot_be_computed() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let json = |as_of: &str| {
        let out = tianping(&home, &["--json", "calendar", "--as-of", as_of]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
        (out.status.code(), v)
    };
    // Early in the first covered year every deadline in force is computable: exit 0.
    let (code, v) = json("2025-01-10");
    assert_eq!(code, Some(0), "{v}");
    assert!(v["unknown_from"].is_null(), "{v}");
    assert_eq!(v["warning_days"], 31, "{v}");
    let last_day = v["last_day"].as_str().unwrap().to_string();
    let deadlines = v["deadlines"].as_array().unwrap();
    assert!(!deadlines.is_empty(), "{v}");
    for d in deadlines {
        assert_eq!(d["computable_for_a_start_on_as_of"], true, "{d}");
        assert!(d["last_start"].as_str().unwrap() < last_day.as_str(), "{d}");
    }
    // On the calendar's last day no working-day period can start and be computed: exit 1, and
    // the flag is false for every deadline.
    let (code, v) = json(&last_day);
    assert_eq!(code, Some(1), "{v}");
    assert_eq!(v["days_left"], 0, "{v}");
    for d in v["deadlines"].as_array().unwrap() {
        assert_eq!(d["computable_for_a_start_on_as_of"], false, "{d}");
    }
    // With 2026 the last year: the 20-working-day publication period can start on 2026-12-03 at
    // the latest (December has no holiday; 12-04 is the 20th working day back from 12-31).
    if v["last_year"] == 2026 {
        let (code, v) = json("2026-12-03");
        let twenty: Vec<_> = v["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["working_days"] == 20)
            .collect();
        assert!(!twenty.is_empty(), "{v}");
        for d in &twenty {
            assert_eq!(d["last_start"], "2026-12-03", "{d}");
            assert_eq!(d["computable_for_a_start_on_as_of"], true, "{d}");
        }
        // The same warning as the server's: from 11-03 the 31-day horizon passes 12-03.
        let (_, early) = json("2026-11-02");
        assert!(early["unknown_from"].is_null(), "{early}");
        let (warned_code, warned) = json("2026-11-03");
        assert_eq!(warned_code, Some(0), "{warned}");
        assert_eq!(warned["unknown_from"], "2026-12-04", "{warned}");
        // Every base period is at most 20 working days: still exit 0 on 12-03.
        assert_eq!(code, Some(0), "{v}");
        // On 12-04 the 20-day period is past, the 15-day verification (last start 12-10) not.
        let (code, v) = json("2026-12-04");
        assert_eq!(code, Some(1), "{v}");
        for d in v["deadlines"].as_array().unwrap() {
            let days = d["working_days"].as_u64().unwrap();
            assert_eq!(d["computable_for_a_start_on_as_of"], days < 20, "{d}");
            if days == 15 {
                assert_eq!(d["last_start"], "2026-12-10", "{d}");
            }
        }
    }
    // A bad date is a usage error naming the value; no home is created by reading the calendar.
    let out = tianping(&home, &["calendar", "--as-of", "12/03"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("12/03"));
    assert!(!home.exists(), "calendar created {}", home.display());
}
