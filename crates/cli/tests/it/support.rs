//! Running the binary and writing test batches.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sha2::{Digest, Sha256};

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_tianping"))
}

pub fn tianping(home: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .arg("--home")
        .arg(home)
        .args(args)
        .env_remove("TIANPING_DATABASE_URL")
        .output()
        .expect("run tianping")
}

/// Loads the Hangzhou department registry shipped in `config/` into the home's store.
pub fn load_departments(home: &Path) {
    let config =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../config/departments-hangzhou.toml");
    let out = tianping(
        home,
        &["departments", "load", "--config", config.to_str().unwrap()],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/batches")
}

pub fn pid(label: &str) -> String {
    hex::encode(Sha256::digest(label.as_bytes()))
}

/// Writes a batch directory with an `orders` CSV of `n` rows (every 50th row bad) and a
/// `reviews` JSON Lines file of `n / 4` rows; returns (dir, accepted orders, quarantined orders).
pub fn write_batch(parent: &Path, batch_id: &str, n: usize) -> (PathBuf, u64, u64) {
    let dir = parent.join(batch_id);
    std::fs::create_dir_all(&dir).unwrap();
    let mut orders = String::from(
        "platform_id,order_id,merchant_id,listing_id,buyer_pid,quantity,unit_price_fen,paid_fen,ordered_at,status,invoice_requested,invoice_issued\n",
    );
    let mut bad = 0;
    for i in 0..n {
        let quantity = if i % 50 == 49 {
            bad += 1;
            0
        } else {
            1 + i % 3
        };
        orders.push_str(&format!(
            "shop,o{i},m{},l{},{},{quantity},1990,{},2026-03-01T10:{:02}:00+08:00,paid,false,false\n",
            i % 97,
            i % 1013,
            pid(&format!("buyer{}", i % 5000)),
            1990 * quantity,
            i % 60
        ));
    }
    let mut reviews = String::new();
    for i in 0..n / 4 {
        reviews.push_str(&format!(
            "{{\"platform_id\":\"shop\",\"review_id\":\"r{i}\",\"listing_id\":\"l1\",\"merchant_id\":\"m1\",\"reviewer_pid\":\"{}\",\"rating\":5,\"text\":\"好\",\"has_media\":false,\"created_at\":\"2026-03-01T10:00:00Z\"}}\n",
            pid("r")
        ));
    }
    std::fs::write(dir.join("orders.csv"), &orders).unwrap();
    std::fs::write(dir.join("reviews.jsonl"), &reviews).unwrap();
    let manifest = serde_json::json!({
        "standard": "1", "batch_id": batch_id, "supplier": "shop",
        "generated_at": "2026-03-02T01:00:00+08:00",
        "period": {"from": "2026-03-01T00:00:00+08:00", "to": "2026-03-02T00:00:00+08:00"},
        "files": [
            {"table": "orders", "path": "orders.csv", "format": "csv", "rows": n, "sha256": hex::encode(Sha256::digest(orders.as_bytes()))},
            {"table": "reviews", "path": "reviews.jsonl", "format": "jsonl", "rows": n / 4, "sha256": hex::encode(Sha256::digest(reviews.as_bytes()))},
        ]
    });
    std::fs::write(
        dir.join("manifest.json"),
        serde_json::to_vec_pretty(&manifest).unwrap(),
    )
    .unwrap();
    (dir, (n - bad) as u64, bad as u64)
}
