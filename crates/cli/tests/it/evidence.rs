use crate::support::{examples, tianping};

/// Ingest and detect log their records; a published head is checked; a bundle of a finding and its
/// batch verifies offline against the published key and head, and fails once its content is edited.
#[test]
fn evidence_head_check_export_and_verify() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let batch = examples().join("tmall-2026-03-01-0001");
    assert_eq!(
        tianping(h, &["ingest", batch.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    let out = tianping(
        h,
        &[
            "detect",
            "--detector",
            "price_fraud",
            "--as-of",
            "2026-03-05T00:00:00+08:00",
        ],
    );
    assert_eq!(out.status.code(), Some(0));

    let out = tianping(h, &["evidence", "head"]);
    assert_eq!(out.status.code(), Some(0));
    let heads = String::from_utf8(out.stdout).unwrap();
    let parsed: Vec<serde_json::Value> = heads
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(parsed.len(), 2, "a SHA-256 and an SM3 head");
    assert_eq!(parsed[0]["hash_alg"], "sha256");
    assert_eq!(parsed[1]["hash_alg"], "sm3");
    assert_eq!(parsed[0]["tree_size"], parsed[1]["tree_size"]);
    // The batch receipt, one run leaf and every finding.
    let findings_file = h.join("f.jsonl");
    tianping(h, &["findings", "--out", findings_file.to_str().unwrap()]);
    let findings = std::fs::read_to_string(&findings_file).unwrap();
    let n = findings.lines().count() as u64;
    assert!(n > 0);
    assert_eq!(parsed[0]["tree_size"].as_u64(), Some(2 + n));
    let key = String::from_utf8_lossy(&out.stderr)
        .split_whitespace()
        .last()
        .unwrap()
        .to_string();
    let heads_file = h.join("heads.jsonl");
    std::fs::write(&heads_file, &heads).unwrap();
    let out = tianping(
        h,
        &["evidence", "check", "--head", heads_file.to_str().unwrap()],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    let first: serde_json::Value = serde_json::from_str(findings.lines().next().unwrap()).unwrap();
    let id = first["finding_id"].as_str().unwrap();
    let bundle = h.join("bundle");
    let out = tianping(
        h,
        &[
            "evidence",
            "export",
            "--finding",
            id,
            "--batch",
            "tmall/tmall-2026-03-01-0001",
            "--out",
            bundle.to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let verify = |extra: &[&str]| {
        let mut args = vec![
            "evidence",
            "verify",
            bundle.to_str().unwrap(),
            "--key",
            &key,
        ];
        args.extend_from_slice(extra);
        tianping(h, &args)
    };
    let out = verify(&["--earlier", heads_file.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // Names in the log that do not exist are a usage error, not an empty bundle.
    let out = tianping(
        h,
        &[
            "evidence",
            "export",
            "--finding",
            "nope",
            "--out",
            h.join("b2").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    // Edit the finding's content in the bundle: verification fails.
    let files = bundle.join("files");
    let content = std::fs::read_dir(&files)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut bytes = std::fs::read(&content).unwrap();
    let last = bytes.len() - 2;
    bytes[last] ^= 1;
    std::fs::write(&content, bytes).unwrap();
    let out = verify(&[]);
    assert_eq!(out.status.code(), Some(1));
}
