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
