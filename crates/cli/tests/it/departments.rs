//! `tianping departments load | list`: a configuration with a bad entry is refused naming the
//! entry and field and stores nothing; the Hangzhou registry loads and lists; a case queue filter
//! given as a Chinese name resolves, an unknown one is refused with the valid ids.

use crate::support::{load_departments, tianping};

#[test]
fn load_list_and_refuse() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let bad = h.join("bad.toml");
    std::fs::write(
        &bad,
        "bind = \"127.0.0.1:9\"\n\n[[departments]]\nid = \"hz\"\nname_zh = \"杭州\"\nname_en = \"Hangzhou\"\nregion = \"330100\"\n\n[[departments]]\nid = \"x\"\nname_zh = \"某处\"\nname_en = \"X\"\nregion = \"330100\"\nparent = \"nowhere\"\n",
    )
    .unwrap();
    let out = tianping(
        h,
        &["departments", "load", "--config", bad.to_str().unwrap()],
    );
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("departments[1].parent") && err.contains("nowhere"),
        "{err}"
    );
    let out = tianping(h, &["departments", "list"]);
    assert!(out.stdout.is_empty(), "nothing stored");

    load_departments(h);
    let out = tianping(h, &["--json", "departments", "list"]);
    assert_eq!(out.status.code(), Some(0));
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let wangjian = rows.iter().find(|r| r["id"] == "wangjian").unwrap();
    assert_eq!(wangjian["name_zh"], "网络交易监督管理处");
    assert_eq!(wangjian["parent"], "hzscjg");
    assert!(rows.iter().all(|r| r["active"] == true) && rows.len() > 10);

    let out = tianping(h, &["cases", "queue", "--department", "网络交易监督管理处"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = tianping(h, &["cases", "queue", "--department", "网监处"]);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("wangjian（网络交易监督管理处）"), "{err}");
}
