//! `tianping simulate`: a synthetic city's platform economy written as batches per the data
//! standard, with planted violations and a ground-truth file; and the evaluator behind
//! `tianping eval`.
//!
//! Deterministic: the same scale and seed give byte-identical output. What is modelled and every
//! planted pattern: `docs/simulator.md`.

mod background;
pub mod city;
mod clusters;
mod complainants;
mod exits;
mod holdout;
mod holdout10;
mod holdout11;
mod holdout12;
mod holdout2;
mod holdout3;
mod holdout4;
mod holdout5;
mod holdout6;
mod holdout7;
mod holdout8;
mod holdout9;
mod kit;
mod plant;
mod rings;
pub mod rng;
#[cfg(test)]
mod settests;
mod texts;
pub mod truth;
pub mod write;

use std::path::Path;

use write::{Batches, Format};

/// What `simulate` wrote.
#[derive(Debug, Clone)]
pub struct Written {
    /// Batch directories, one per supplier.
    pub batches: Vec<std::path::PathBuf>,
    /// The truth file.
    pub truth: std::path::PathBuf,
    /// The city regulator's detection configuration (`tianping detect --config`).
    pub config: std::path::PathBuf,
    /// Rows per table, over all suppliers.
    pub rows: std::collections::BTreeMap<String, usize>,
    /// Bytes of the batch files as delivered, over all suppliers (manifests not counted).
    pub bytes: u64,
}

/// The format each table is delivered in (a mix, so every reader is exercised), and whether it is
/// gzip-compressed.
fn format_of(supplier: &str, table: &str) -> (Format, bool) {
    match (supplier, table) {
        (_, "price_observations") => (Format::Parquet, false),
        ("huishang", "orders") => (Format::Csv, true),
        (_, "orders") => (Format::Jsonl, true),
        (_, "listings" | "platforms" | "documents" | "live_sessions") => (Format::Jsonl, false),
        (_, "reviews") => (Format::Jsonl, true),
        ("kanbo", "merchant_daily") => (Format::Parquet, false),
        _ => (Format::Csv, false),
    }
}

/// Generates a city and writes it under `out` (with the held-out scenarios when `holdout`).
///
/// Rows are written as they are generated (see `city::generate`), so memory does not grow with the
/// size of the tables.
pub fn simulate(
    out: &Path,
    scale: city::Scale,
    seed: u64,
    holdout: bool,
) -> std::io::Result<Written> {
    std::fs::create_dir_all(out)?;
    let mut files = Batches::new(out, format_of);
    let truth_rows = city::generate(scale, seed, holdout, &mut files)?;
    let period = (city::at(0, 0), city::at(scale.days(), 0));
    let mut batches = Vec::new();
    let mut rows = std::collections::BTreeMap::new();
    let mut bytes = 0;
    for batch in files.finish(seed, (&period.0, &period.1))? {
        for f in &batch.files {
            *rows.entry(f.table.to_string()).or_insert(0) += f.rows as usize;
            bytes += f.bytes;
        }
        batches.push(batch.dir);
    }
    let truth = out.join("truth.jsonl");
    std::fs::write(&truth, truth_rows.to_jsonl())?;
    // The city regulator's detection configuration: its approved cluster-registration hosts.
    let config = out.join("detect.toml");
    std::fs::write(
        &config,
        format!(
            "# 模拟城市的检测配置：经核准的集群注册托管地址\n[lists.\"registration_cluster.one_address\"]\nallowed_addresses = [\"{}\"]\n",
            clusters::HOST_ADDRESS
        ),
    )?;
    Ok(Written {
        batches,
        truth,
        config,
        rows,
        bytes,
    })
}
