//! `tianping audit export | verify`: a period's archive written by the binary verifies offline,
//! an edited archive fails naming the line (exit 1), a retention below the legal minimum is
//! refused naming the law, and a bad period bound is named. Every `tianping serve` start records
//! its configuration (digest and settings, no secrets) in the log, so a changed setting between
//! two starts is in the archive.

use tianping_store::AccountStore;
use tianping_store::accounts::AuditEvent;

use crate::serve_crash::start_server_with;
use crate::support::*;

fn event(i: usize, at: &str) -> AuditEvent {
    AuditEvent {
        at: at.into(),
        actor: "u-1".into(),
        action: "login".into(),
        target: format!("account:u-{i}"),
        outcome: "success".into(),
        detail: "{}".into(),
        source: "127.0.0.1".into(),
    }
}

#[test]
fn audit_export_writes_an_archive_that_verifies_and_edits_are_named() {
    let work = tempfile::tempdir().unwrap();
    let home = work.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            let store = tianping_store_sqlite::SqliteStore::open(&home.join("tianping.db"))
                .await
                .unwrap();
            // Ten rows on 1–10 March 2026 at 10:00 Beijing time.
            for i in 0..10 {
                let at = format!("2026-03-{:02}T02:00:00.000000Z", i + 1);
                store.append_audit(&event(i, &at)).await.unwrap();
            }
            store.close().await;
        });
    let out = work.path().join("audit-march.jsonl");
    let out_text = out.to_str().unwrap();
    // 3 March to 6 March, Beijing dates: rows 3, 4 and 5.
    let r = tianping(
        &home,
        &[
            "--json",
            "audit",
            "export",
            "--from",
            "2026-03-03",
            "--to",
            "2026-03-06",
            "--out",
            out_text,
        ],
    );
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let header: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(header["rows"], 3);
    assert_eq!(
        (header["first_seq"].as_u64(), header["last_seq"].as_u64()),
        (Some(3), Some(5))
    );
    assert_eq!(header["retention"]["personal_days"], 1096);
    let r = tianping(&home, &["audit", "verify", out_text]);
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );

    // An edited row: exit 1, naming the line.
    let text = std::fs::read_to_string(&out).unwrap();
    let edited = text.replacen("account:u-3", "account:u-9", 1);
    assert_ne!(edited, text);
    let bad = work.path().join("edited.jsonl");
    std::fs::write(&bad, edited).unwrap();
    let r = tianping(
        &home,
        &["--lang", "en", "audit", "verify", bad.to_str().unwrap()],
    );
    assert_eq!(r.status.code(), Some(1));
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(err.contains("line 3"), "{err}");

    // A retention below the legal minimum is refused naming the law; nothing is written.
    let other = work.path().join("short.jsonl");
    let r = tianping(
        &home,
        &[
            "audit",
            "export",
            "--from",
            "2026-03-01",
            "--to",
            "2026-04-01",
            "--out",
            other.to_str().unwrap(),
            "--personal-audit-retention-days",
            "365",
        ],
    );
    assert_eq!(r.status.code(), Some(3));
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(
        err.contains("personal_audit_retention_days") && err.contains("个人信息保护法"),
        "{err}"
    );
    assert!(!other.exists());
    // Two server starts, the second under a longer retention: two `server_start` rows whose
    // configuration digests differ, exported with the rest.
    let log = work.path().join("server.log");
    for days in ["183", "400"] {
        let mut server = start_server_with(&home, &log, &[("TIANPING_AUDIT_RETENTION_DAYS", days)]);
        server.kill().unwrap();
        server.wait().unwrap();
    }
    let all = work.path().join("all.jsonl");
    let r = tianping(
        &home,
        &[
            "audit",
            "export",
            "--from",
            "2026-01-01",
            "--to",
            "2100-01-01",
            "--out",
            all.to_str().unwrap(),
        ],
    );
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let starts: Vec<serde_json::Value> = std::fs::read_to_string(&all)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|row| row["action"] == "server_start")
        .map(|row| serde_json::from_str(row["detail"].as_str().unwrap()).unwrap())
        .collect();
    assert_eq!(starts.len(), 2, "{starts:?}");
    assert_eq!(starts[0]["config"]["audit_retention"]["security_days"], 183);
    assert_eq!(starts[1]["config"]["audit_retention"]["security_days"], 400);
    assert_ne!(starts[0]["config_sha256"], starts[1]["config_sha256"]);
    let r = tianping(&home, &["audit", "verify", all.to_str().unwrap()]);
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );

    // A bound that is no time is named.
    let r = tianping(
        &home,
        &[
            "audit",
            "export",
            "--from",
            "March",
            "--to",
            "2026-04-01",
            "--out",
            other.to_str().unwrap(),
        ],
    );
    assert_eq!(r.status.code(), Some(3));
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(err.contains("--from") && err.contains("March"), "{err}");
    assert!(!other.exists());
}
