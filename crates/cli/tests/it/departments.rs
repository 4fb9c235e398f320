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

/// `tianping departments check` names every record whose department is no registry id (table,
/// row, value, what it maps to) and exits 1 while one maps to none; `load` then fails naming it.
#[tokio::test(flavor = "multi_thread")]
async fn check_names_unmappable_rows() {
    use tianping_store::accounts::AccountStore;
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    // Accounts stored before any registry, one by a Chinese name the registry holds, one by a
    // name it does not.
    {
        let store = tianping_store_sqlite::SqliteStore::open(&h.join("tianping.db"))
            .await
            .unwrap();
        for (id, department) in [("u-old", "网络交易监督管理处"), ("u-lost", "失踪处")]
        {
            let account = tianping_store::accounts::NewAccount {
                user_id: id.into(),
                login: id.into(),
                display_name: id.into(),
                password_hash: "x".into(),
                totp_secret: "x".into(),
                roles: "analyst".into(),
                department: department.into(),
                region: "330100".into(),
                created_at: "2026-11-30T00:00:00Z".into(),
            };
            assert!(store.create_account(&account).await.unwrap());
        }
    }
    let out = tianping(h, &["departments", "check"]);
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("accounts\tuser_id=u-lost\t\"失踪处\"\t无法对应任何部门"),
        "{stdout}"
    );
    assert!(stdout.contains("user_id=u-old"), "{stdout}");
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../config/departments-hangzhou.toml");
    let out = tianping(
        h,
        &["departments", "load", "--config", config.to_str().unwrap()],
    );
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("u-lost") && err.contains("失踪处") && !err.contains("u-old"),
        "{err}"
    );
    // The failed load stored nothing: both rows are still listed, mapping to nothing.
    let out = tianping(h, &["--json", "--lang", "en", "departments", "check"]);
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["row"], "u-lost");
    assert!(rows[0]["maps_to"].is_null());
}
