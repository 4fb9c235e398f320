//! `incr_bench EDGES_CSV [INITIAL_FRACTION] [REPEEL_EVERY]`: streams an edge list (as written by
//! `gen_edges`: `u<id>,p<id>`) into [`Incremental`]: the first INITIAL_FRACTION (default 0.9) as
//! the initial graph, the rest inserted one by one, each timed. Prints latency percentiles.

use std::io::{BufRead, BufReader};
use std::time::Instant;

use tianping_dense::{GraphBuilder, Incremental, Options};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .expect("usage: incr_bench EDGES_CSV [INITIAL_FRACTION] [REPEEL_EVERY]");
    let frac: f64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(0.9);
    let every: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let file = std::fs::File::open(path).expect("open");
    let mut edges: Vec<(u32, u32)> = Vec::new();
    for line in BufReader::new(file).lines() {
        let line = line.expect("read");
        let (u, p) = line.split_once(',').expect("u,p");
        edges.push((
            u[1..].parse().expect("u<id>"),
            p[1..].parse().expect("p<id>"),
        ));
    }
    let split = (edges.len() as f64 * frac) as usize;
    let t = Instant::now();
    let mut b = GraphBuilder::new();
    for &(r, c) in &edges[..split] {
        b.add_edge(r, c, 1.0);
    }
    let g = b.build();
    let mut inc = Incremental::new(&g, Options::default(), f64::INFINITY, every);
    drop(g);
    eprintln!(
        "initial graph of {split} edges built and peeled in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    let mut lat = Vec::with_capacity(edges.len() - split);
    let t = Instant::now();
    for &(r, c) in &edges[split..] {
        let t0 = Instant::now();
        let _ = inc.insert(r, c, 1.0);
        lat.push(t0.elapsed().as_nanos() as u64);
    }
    let total = t.elapsed().as_secs_f64();
    lat.sort_unstable();
    let q = |p: f64| lat[((lat.len() as f64 - 1.0) * p) as usize] as f64 / 1000.0;
    println!(
        "inserts {} (re-peel every {every}): median {:.3} us, p99 {:.3} us, p99.9 {:.1} us, max {:.0} us, mean {:.2} us/edge, total {total:.2} s",
        lat.len(),
        q(0.5),
        q(0.99),
        q(0.999),
        q(1.0),
        total * 1e6 / lat.len().max(1) as f64
    );
    let b = inc.block();
    println!(
        "final block {} x {} score {:.6} (live {:.6})",
        b.rows.len(),
        b.cols.len(),
        b.score,
        inc.live_score()
    );
}
