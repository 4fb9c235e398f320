//! `blocks --edges FILE [--weights] [--metric fraudar|avg|sqrt] [-k N]`: the blocks of an edge
//! list as JSON on stdout (what `tianping blocks` does), with read and peel times on stderr.

use std::io::BufReader;
use std::time::Instant;

use tianping_dense::{BlockReport, BlocksReport, Metric, Options, detect_multiple, read_edges};

fn usage() -> ! {
    eprintln!("usage: blocks --edges FILE [--weights] [--metric fraudar|avg|sqrt] [-k N]");
    std::process::exit(2)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut edges, mut weighted, mut metric, mut k) = (None, false, Metric::Log, 1usize);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--edges" => edges = args.next(),
            "--weights" => weighted = true,
            "--metric" => {
                metric = args
                    .next()
                    .and_then(|m| Metric::parse(&m))
                    .unwrap_or_else(|| usage())
            }
            "-k" => {
                k = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or_else(|| usage())
            }
            _ => usage(),
        }
    }
    let path = edges.unwrap_or_else(|| usage());
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    let t0 = Instant::now();
    let (g, rows, cols) = read_edges(BufReader::new(file), weighted).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    let t1 = Instant::now();
    let blocks = detect_multiple(
        &g,
        &Options {
            metric,
            ..Options::default()
        },
        k,
    );
    let t2 = Instant::now();
    eprintln!(
        "read {:.3} s, peel {:.3} s ({} rows, {} cols, {} edges, {} blocks)",
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        g.n_rows(),
        g.n_cols(),
        g.n_edges(),
        blocks.len()
    );
    let report = BlocksReport {
        metric,
        weighted,
        n_rows: g.n_rows(),
        n_cols: g.n_cols(),
        n_edges: g.n_edges(),
        blocks: blocks
            .into_iter()
            .enumerate()
            .map(|(i, b)| BlockReport {
                rank: i + 1,
                score: b.score,
                n_rows: b.rows.len(),
                n_cols: b.cols.len(),
                rows: b.rows.iter().map(|&r| rows[r as usize].clone()).collect(),
                cols: b.cols.iter().map(|&c| cols[c as usize].clone()).collect(),
            })
            .collect(),
    };
    println!("{}", serde_json::to_string(&report).unwrap_or_default());
}
