//! Measures the file-backed log: appends per second (one fsync per append, and one per batch of
//! 1,000), root and proof times and sizes, reopen time; then writes a demo bundle.
//!
//! ```text
//! cargo run --release -p tianping-evidence --example bench -- DIR [LEAVES]
//! ```

use std::path::PathBuf;
use std::time::Instant;

use tianping_evidence::bundle::export_bundle;
use tianping_evidence::{
    Entry, ExportItem, ExportRequest, FileStore, HashAlg, Log, SigningKey, verify_bundle,
};

fn event(i: u64) -> Entry {
    Entry::CaseEvent {
        case_id: format!("HZ-2024-{i:06}"),
        actor: "officer-7".into(),
        from_state: "verifying".into(),
        to_state: "filed".into(),
        reason: "线索核查属实，予以立案".into(),
        at_ms: 1_717_200_000_000 + i as i64,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: bench DIR [LEAVES]")?);
    let leaves: u64 = args
        .next()
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(100_000);
    std::fs::create_dir_all(&dir)?;
    let leaf_bytes = event(0).encode()?.len();
    println!("entry (case event) leaf data: {leaf_bytes} bytes");

    for alg in HashAlg::ALL {
        let path = dir.join(format!("{alg}.log"));
        let _ = std::fs::remove_file(&path);
        let (store, _) = FileStore::open(&path, alg)?;
        let mut log = Log::open(alg, store)?;

        let n_synced = 500;
        let start = Instant::now();
        for i in 0..n_synced {
            log.append(&event(i))?;
            log.sync()?;
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{alg}: fsync per append: {:.0} appends/s ({n_synced} appends)",
            n_synced as f64 / secs
        );

        let start = Instant::now();
        let mut i = n_synced;
        while i < leaves {
            let end = leaves.min(i + 1000);
            for j in i..end {
                log.append(&event(j))?;
            }
            log.sync()?;
            i = end;
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{alg}: fsync per 1,000 appends: {:.0} appends/s ({} appends)",
            (leaves - n_synced) as f64 / secs,
            leaves - n_synced
        );

        let size = log.size();
        let start = Instant::now();
        let root = log.root_at(size - 1)?;
        println!(
            "{alg}: root at size {} (not the current size): {:?}",
            size - 1,
            start.elapsed()
        );
        let start = Instant::now();
        let mut bytes = 0;
        let samples = 1000u64;
        for k in 0..samples {
            let proof = log.inclusion_proof((k * 7919) % size, size)?;
            bytes += proof.path.len() * 32;
        }
        println!(
            "{alg}: inclusion proof at size {size}: {:?} each, {} bytes avg",
            start.elapsed() / samples as u32,
            bytes as u64 / samples
        );
        let start = Instant::now();
        let proof = log.consistency_proof(size / 3, size)?;
        println!(
            "{alg}: consistency proof {} → {size}: {:?}, {} bytes",
            size / 3,
            start.elapsed(),
            proof.path.len() * 32
        );
        drop(log);
        let start = Instant::now();
        let (store, _) = FileStore::open(&path, alg)?;
        let log = Log::open(alg, store)?;
        println!(
            "{alg}: reopen (check every record, rebuild cache) of {size} leaves, {} bytes: {:?}",
            std::fs::metadata(&path)?.len(),
            start.elapsed()
        );
        assert_eq!(log.root_at(size - 1)?, root);

        let key = SigningKey::from_seed(&[7; 32]);
        let head = key.sign_head(&log.head("bench/evidence", 1_717_300_000_000));
        let bundle = dir.join(format!("{alg}-bundle"));
        let _ = std::fs::remove_dir_all(&bundle);
        let request = ExportRequest {
            title: "bench".into(),
            exported_at_ms: 1_717_300_000_000,
            items: (0..100)
                .map(|k| ExportItem {
                    index: k * (size / 100),
                    content: None,
                })
                .collect(),
            consistency_from: vec![size / 2],
        };
        export_bundle(&log, &key, &head, &request, &bundle)?;
        let start = Instant::now();
        let report = verify_bundle(&bundle);
        println!(
            "{alg}: verify bundle of 100 entries: {:?}, ok = {}",
            start.elapsed(),
            report.ok()
        );
    }
    Ok(())
}
