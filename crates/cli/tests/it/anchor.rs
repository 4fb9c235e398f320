//! Every `tianping detect` anchors the audit chain's head in the evidence log with its run
//! record, so a rewrite of audit rows — even one that recomputes every later hash, as someone
//! with database access could — made before a detection run is caught by `tianping evidence
//! check`, which names the row; and a chain that does not verify is never anchored (`detect`
//! fails with exit code 3 naming the row).

use std::path::Path;

use tianping_store::accounts::{AuditEvent, GENESIS_HASH};
use tianping_store::{AccountStore, EvidenceStore};
use tianping_store_sqlite::SqliteStore;

use crate::support::tianping;

fn event(n: u64) -> AuditEvent {
    AuditEvent {
        at: format!("2026-11-30T0{n}:00:00Z"),
        actor: "u-admin".into(),
        action: "create_user".into(),
        target: format!("user:{n}"),
        outcome: "success".into(),
        detail: "{}".into(),
        source: "127.0.0.1".into(),
    }
}

async fn store(home: &Path) -> SqliteStore {
    SqliteStore::open(&home.join("tianping.db")).await.unwrap()
}

async fn append(home: &Path, n: u64) {
    let s = store(home).await;
    assert_eq!(s.append_audit(&event(n)).await.unwrap().seq, n);
}

/// The audit rows each anchor in the log covers, in log order.
async fn anchored(home: &Path) -> Vec<u64> {
    let s = store(home).await;
    let size = s.evidence_size().await.unwrap();
    s.evidence_leaves(0, size)
        .await
        .unwrap()
        .iter()
        .filter_map(|l| l.reference.strip_prefix("audit-head:")?.parse().ok())
        .collect()
}

/// Rewrites audit row `seq`'s target with the triggers dropped; with `rechain`, recomputes its
/// hash and every later one and the head, so the chain itself verifies again.
async fn rewrite(home: &Path, seq: u64, rechain: bool) {
    let mut rows = store(home).await.audit_events(1000, None).await.unwrap();
    rows.reverse();
    let pool = sqlx::SqlitePool::connect(&format!("sqlite:{}", home.join("tianping.db").display()))
        .await
        .unwrap();
    sqlx::query("DROP TRIGGER IF EXISTS audit_log_no_update")
        .execute(&pool)
        .await
        .unwrap();
    let mut prev = GENESIS_HASH.to_string();
    for mut r in rows {
        if r.seq == seq {
            r.event.target = "user:forged".into();
        }
        let hash = r.event.chain_hash(r.seq, &prev);
        if r.seq == seq || (rechain && r.seq > seq) {
            let (p, h) = if rechain {
                (prev.clone(), hash.clone())
            } else {
                (r.prev_hash.clone(), r.row_hash.clone())
            };
            sqlx::query(
                "UPDATE audit_log SET target = ?1, prev_hash = ?2, row_hash = ?3 WHERE seq = ?4",
            )
            .bind(&r.event.target)
            .bind(p)
            .bind(h)
            .bind(r.seq as i64)
            .execute(&pool)
            .await
            .unwrap();
        }
        prev = hash;
    }
    if rechain {
        sqlx::query("UPDATE audit_head SET hash = ?1 WHERE id = 1")
            .bind(&prev)
            .execute(&pool)
            .await
            .unwrap();
    }
    pool.close().await;
}

fn detect(home: &Path) -> std::process::Output {
    tianping(
        home,
        &[
            "detect",
            "--detector",
            "price_fraud",
            "--as-of",
            "2026-03-05T00:00:00+08:00",
        ],
    )
}

#[test]
fn a_rechained_audit_rewrite_before_a_detection_run_is_caught_naming_the_row() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    // The store exists once a command ran.
    assert_eq!(tianping(h, &["evidence", "check"]).status.code(), Some(0));
    rt.block_on(async {
        for n in 1..=3 {
            append(h, n).await;
        }
    });
    let out = detect(h);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        rt.block_on(anchored(h)),
        vec![3],
        "the run anchored rows 1–3"
    );
    rt.block_on(append(h, 4));
    assert_eq!(detect(h).status.code(), Some(0));
    assert_eq!(rt.block_on(anchored(h)), vec![3, 4], "every run anchors");
    assert_eq!(detect(h).status.code(), Some(0));
    assert_eq!(
        rt.block_on(anchored(h)),
        vec![3, 4],
        "an unchanged head is not anchored twice"
    );
    let out = tianping(h, &["evidence", "check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // Row 4 rewritten and the chain recomputed, then more activity and a detection run: the run
    // anchors the rewritten chain (it verifies), but the earlier anchor of row 4 no longer holds.
    rt.block_on(async {
        rewrite(h, 4, true).await;
        assert!(
            store(h)
                .await
                .verify_audit_chain()
                .await
                .unwrap()
                .is_intact()
        );
        append(h, 5).await;
    });
    let out = detect(h);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(rt.block_on(anchored(h)), vec![3, 4, 5]);
    for (lang, row) in [("zh", "第 4 行"), ("en", "audit row 4 changed")] {
        let out = tianping(h, &["--lang", lang, "evidence", "check"]);
        let said = String::from_utf8_lossy(&out.stdout).to_string();
        assert_eq!(out.status.code(), Some(1), "{said}");
        assert!(said.contains(row), "{said}");
        assert!(
            !said.contains("row 3 ") && !said.contains("第 3 行"),
            "row 3 is intact: {said}"
        );
    }

    // A chain that does not verify (row 2 edited, nothing recomputed) is never anchored: the
    // run is recorded, and `detect` fails naming the row.
    rt.block_on(async {
        rewrite(h, 2, false).await;
        append(h, 6).await;
    });
    let out = detect(h);
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(3), "{said}");
    assert!(said.contains("audit row 2 does not verify"), "{said}");
    assert_eq!(rt.block_on(anchored(h)), vec![3, 4, 5], "nothing anchored");
}
