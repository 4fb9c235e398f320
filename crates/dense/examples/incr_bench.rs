//! `incr_bench EDGES_CSV [INITIAL_FRACTION] [REPEEL_EVERY|local]`: streams an edge list (as written
//! by `gen_edges`: `u<id>,p<id>`) into an incremental engine: the first INITIAL_FRACTION (default
//! 0.9) as the initial graph, the rest inserted one by one, each timed. `local` runs
//! [`LocalPeel`] (local reordering); a number runs the batched [`Incremental`] re-peeling after
//! that many inserts. Prints latency percentiles (and, for `local`, the positions reordered and
//! the time of one densest-block query). A fifth argument sets `LocalPeel`'s slack (default 0).

use std::io::{BufRead, BufReader};
use std::time::Instant;

use tianping_dense::{GraphBuilder, Incremental, LocalPeel, Options};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .expect("usage: incr_bench EDGES_CSV [INITIAL_FRACTION] [REPEEL_EVERY|local]");
    let frac: f64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(0.9);
    let mode = args.get(3).map(String::as_str).unwrap_or("local");
    let slack: f64 = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(0.0);
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
    let mut lat = Vec::with_capacity(edges.len() - split);
    let mut moved: Vec<usize> = Vec::new();
    let mut refreshes = 0usize;
    let total;
    if mode == "local" {
        let mut inc = LocalPeel::new(&g, &Options::default(), None).with_slack(slack);
        drop(g);
        eprintln!(
            "initial graph of {split} edges built and peeled in {:.2} s (local reordering, slack {slack})",
            t.elapsed().as_secs_f64()
        );
        let t = Instant::now();
        for &(r, c) in &edges[split..] {
            let t0 = Instant::now();
            let _ = inc.insert(r, c, 1.0);
            lat.push(t0.elapsed().as_nanos() as u64);
            let w = inc.last_work();
            moved.push(w.positions);
            refreshes += usize::from(w.column_refresh);
        }
        total = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let b = inc.block();
        println!(
            "final block {} x {} score {:.6}; densest-block query {:.1} ms over {} nodes",
            b.rows.len(),
            b.cols.len(),
            b.score,
            t.elapsed().as_secs_f64() * 1e3,
            inc.n_rows() + inc.n_cols()
        );
    } else {
        let every: usize = mode.parse().expect("REPEEL_EVERY or local");
        let mut inc = Incremental::new(&g, Options::default(), f64::INFINITY, every);
        drop(g);
        eprintln!(
            "initial graph of {split} edges built and peeled in {:.2} s (batched, re-peel every {every})",
            t.elapsed().as_secs_f64()
        );
        let t = Instant::now();
        for &(r, c) in &edges[split..] {
            let t0 = Instant::now();
            let _ = inc.insert(r, c, 1.0);
            lat.push(t0.elapsed().as_nanos() as u64);
        }
        total = t.elapsed().as_secs_f64();
        let b = inc.block();
        println!(
            "final block {} x {} score {:.6}",
            b.rows.len(),
            b.cols.len(),
            b.score
        );
    }
    lat.sort_unstable();
    let q = |p: f64| lat[((lat.len() as f64 - 1.0) * p) as usize] as f64 / 1000.0;
    println!(
        "{mode}: inserts {}: median {:.3} us, p99 {:.3} us, p99.9 {:.1} us, max {:.0} us, mean {:.2} us/edge, total {total:.2} s",
        lat.len(),
        q(0.5),
        q(0.99),
        q(0.999),
        q(1.0),
        total * 1e6 / lat.len().max(1) as f64
    );
    if !moved.is_empty() {
        moved.sort_unstable();
        let m = |p: f64| moved[((moved.len() as f64 - 1.0) * p) as usize];
        println!(
            "positions reordered per insert: median {}, p99 {}, p99.9 {}, max {}; column refreshes {refreshes}",
            m(0.5),
            m(0.99),
            m(0.999),
            m(1.0)
        );
    }
}
