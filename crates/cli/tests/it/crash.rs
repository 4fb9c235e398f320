//! Crash safety of ingest (reliability target D1): `tianping ingest` is killed with SIGKILL at a
//! random point, 100 times. After each kill the batch is either fully visible with its receipt or
//! absent; the database passes `PRAGMA integrity_check`; and delivering the batch again gives
//! exactly the right rows, never counted twice.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tianping_store::Store;

use crate::support::*;

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn ingest(home: &Path, batch: &Path) -> std::process::Child {
    Command::new(bin())
        .arg("--home")
        .arg(home)
        .args(["--json", "ingest"])
        .arg(batch)
        .env_remove("TIANPING_DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn tianping")
}

fn parquet_rows(path: &Path) -> u64 {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    reader.metadata().file_metadata().num_rows() as u64
}

/// Parquet files on disk under the lake.
fn parts_on_disk(home: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(root, &p, out)
                } else {
                    out.push(p.strip_prefix(root).unwrap().to_string_lossy().into_owned());
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(&home.join("lake"), &home.join("lake"), &mut out);
    out.sort();
    out
}

/// What is visible in a home: (batch status, orders rows in listed parts, reviews rows, quarantine rows).
fn visible(home: &Path, batch_id: &str) -> Option<(String, u64, u64, u64)> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let store = tianping_store_sqlite::SqliteStore::open(&home.join("tianping.db"))
            .await
            .unwrap();
        assert_eq!(store.integrity_check().await.unwrap(), "ok");
        let batch = store.find_batch("shop", batch_id).await.unwrap();
        let files: Vec<_> = store
            .lake_files(None)
            .await
            .unwrap()
            .into_iter()
            .filter(|f| f.batch_id == batch_id)
            .collect();
        let mut rows = [0u64; 2];
        for f in &files {
            let n = parquet_rows(&home.join("lake").join(&f.path));
            assert_eq!(n, f.rows, "listed row count matches the part");
            rows[usize::from(f.table == "reviews")] += n;
        }
        let quarantined = store
            .quarantine("shop", batch_id, 100_000, 0)
            .await
            .unwrap()
            .len() as u64;
        let result = match batch {
            None => {
                assert!(
                    files.is_empty() && quarantined == 0,
                    "nothing of an absent batch is visible"
                );
                None
            }
            Some(b) => {
                let status = b.receipt.status.as_str().to_string();
                assert_eq!(
                    b.receipt.accepted,
                    rows[0] + rows[1],
                    "receipt matches the lake"
                );
                assert_eq!(
                    b.receipt.quarantined, quarantined,
                    "receipt matches the quarantine"
                );
                Some((status, rows[0], rows[1], quarantined))
            }
        };
        store.close().await;
        result
    })
}

#[test]
fn sigkill_during_ingest_never_leaves_a_partial_batch() {
    let trials: u64 = std::env::var("TIANPING_CRASH_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let seed: u64 = std::env::var("TIANPING_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_261_130);
    eprintln!("crash trials: {trials}, seed {seed} (TIANPING_CRASH_SEED to reproduce)");
    let work = tempfile::tempdir().unwrap();
    let (batch, orders_ok, orders_bad) = write_batch(work.path(), "crash-1", 12_000);
    let reviews = 3_000;

    // Calibrate: how long a whole ingest takes here.
    let home = work.path().join("calibrate");
    let started = Instant::now();
    let status = ingest(&home, &batch).wait().unwrap();
    let full = started.elapsed();
    assert!(status.success());
    assert_eq!(
        visible(&home, "crash-1"),
        Some(("accepted".into(), orders_ok, reviews, orders_bad))
    );

    let mut rng = XorShift(seed | 1);
    let (mut absent, mut present) = (0, 0);
    for trial in 0..trials {
        let home = work.path().join(format!("t{trial}"));
        // Half the trials have a batch already committed in the home, so recovery runs beside data.
        if trial % 2 == 1 {
            let (other, _, _) = write_batch(&work.path().join(format!("o{trial}")), "other", 200);
            assert!(ingest(&home, &other).wait().unwrap().success());
        }
        let delay = Duration::from_micros(rng.next() % (full.as_micros() as u64 * 11 / 10 + 1));
        let mut child = ingest(&home, &batch);
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let before = if home.join("tianping.db").exists() {
            visible(&home, "crash-1")
        } else {
            None
        };
        match &before {
            None => absent += 1,
            Some(state) => {
                present += 1;
                assert_eq!(
                    state,
                    &("accepted".to_string(), orders_ok, reviews, orders_bad),
                    "trial {trial}: whole or nothing"
                );
            }
        }
        // Deliver again: the outcome is complete and nothing is counted twice.
        let out = Command::new(bin())
            .arg("--home")
            .arg(&home)
            .args(["--json", "ingest"])
            .arg(&batch)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "trial {trial}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let receipt: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let expected_status = if before.is_some() {
            "duplicate"
        } else {
            "accepted"
        };
        assert_eq!(receipt["status"], expected_status, "trial {trial}");
        let after = visible(&home, "crash-1").unwrap();
        assert_eq!(
            after,
            ("accepted".to_string(), orders_ok, reviews, orders_bad),
            "trial {trial}: exactly once"
        );
        // Orphans of the killed delivery are gone after the next ingest's recovery.
        let listed = {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                let store = tianping_store_sqlite::SqliteStore::open(&home.join("tianping.db"))
                    .await
                    .unwrap();
                let mut paths: Vec<String> = store
                    .lake_files(None)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|f| f.path)
                    .collect();
                paths.sort();
                store.close().await;
                paths
            })
        };
        assert_eq!(
            parts_on_disk(&home),
            listed,
            "trial {trial}: no orphan parts remain"
        );
    }
    eprintln!("crash trials done: batch absent after {absent} kills, whole after {present}");
    assert_eq!(absent + present, trials);
}
