//! `tianping migrate`: applies the store's migrations and reports them (PostgreSQL is exercised
//! by `scripts/pg_backup_roundtrip.sh`, which migrates a fresh and a restored database).

use crate::support::tianping;

#[test]
fn migrate_reports_every_version_applied_with_its_checksum() {
    let home = tempfile::tempdir().unwrap();
    for round in 0..2 {
        // The first run creates and migrates the store; the second finds it current.
        let o = tianping(home.path(), &["--json", "migrate"]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "round {round}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(report["backend"], "sqlite");
        let migrations = report["migrations"].as_array().unwrap();
        let versions: Vec<i64> = migrations
            .iter()
            .map(|m| m["version"].as_i64().unwrap())
            .collect();
        let on_disk = std::fs::read_dir(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../store-sqlite/migrations"),
        )
        .unwrap()
        .count();
        assert_eq!(versions.len(), on_disk, "{versions:?}");
        assert!(versions.windows(2).all(|w| w[0] < w[1]));
        for m in migrations {
            assert_eq!(m["applied"], true, "{m}");
            assert_eq!(m["checksum_matches"], true, "{m}");
        }
        let durability: Vec<(String, String)> =
            serde_json::from_value(report["durability"].clone()).unwrap();
        assert!(
            durability
                .iter()
                .any(|(k, v)| k == "journal_mode" && v == "wal"),
            "{durability:?}"
        );
    }
    let o = tianping(home.path(), &["--lang", "en", "migrate"]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stderr);
    assert!(text.contains("0001") && text.contains("applied"), "{text}");
    // A URL of no supported kind is a usage error naming it (without credentials).
    let o = tianping(
        home.path(),
        &["--database-url", "mysql://u:secret@h/db", "migrate"],
    );
    assert_eq!(o.status.code(), Some(2));
    let text = String::from_utf8_lossy(&o.stderr);
    assert!(text.contains("h/db") && !text.contains("secret"), "{text}");
}
