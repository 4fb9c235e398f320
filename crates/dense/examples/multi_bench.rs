//! `multi_bench EDGES COMPONENTS K [SEED]`: top-K blocks, the whole re-peel
//! ([`detect_multiple_repeeling`]) against [`detect_multiple`] (re-peels only the components the
//! last block touched), side by side in one run on the same graph, and checks that both return
//! the same blocks with bit-identical scores.
//!
//! The graph: about EDGES distinct edges in COMPONENTS disconnected parts of equal size, each a
//! random accounts × merchants graph (accounts uniform, merchants Zipf(0.9)-popular, three edges
//! per account on average); every part whose index is a multiple of `COMPONENTS / K` (rounded up)
//! also gets a planted ring, 40 accounts × 20 merchants at fill 0.9. COMPONENTS = 1 is one giant
//! component, where nothing is saved. Deterministic for a SEED (default 1).

use std::collections::HashSet;
use std::time::Instant;

use tianping_dense::{GraphBuilder, Options, detect_multiple, detect_multiple_repeeling};

/// SplitMix64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: multi_bench EDGES COMPONENTS K [SEED]";
    let arg = |i: usize| -> u64 {
        args.get(i)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("{usage}"))
    };
    let (target, parts, k) = (arg(1), arg(2).max(1), arg(3) as usize);
    let seed = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut rng = Rng(seed);
    let per = (target / parts).max(10);
    let (users, products) = ((per / 3).max(40), (per / 30).max(20));
    let cdf: Vec<f64> = (1..=products)
        .scan(0.0, |acc, i| {
            *acc += 1.0 / (i as f64).powf(0.9);
            Some(*acc)
        })
        .collect();
    let every = parts.div_ceil(k.max(1) as u64).max(1);
    let mut b = GraphBuilder::new();
    let mut seen = HashSet::new();
    for p in 0..parts {
        let (u0, p0) = (p * users, p * products);
        seen.clear();
        while (seen.len() as u64) < per {
            let u = rng.below(users);
            let x = rng.unit() * cdf[cdf.len() - 1];
            let v = cdf.partition_point(|&c| c < x) as u64;
            if seen.insert((u, v)) {
                b.add_edge((u0 + u) as u32, (p0 + v) as u32, 1.0);
            }
        }
        if p % every == 0 {
            for u in 0..40.min(users) {
                for v in 0..20.min(products) {
                    if rng.unit() < 0.9 {
                        b.add_edge((u0 + u) as u32, (p0 + products - 1 - v) as u32, 1.0);
                    }
                }
            }
        }
    }
    let g = b.duplicates(tianping_dense::Duplicates::Max).build();
    println!(
        "graph: {} rows × {} cols, {} edges, {} parts; k = {k}",
        g.n_rows(),
        g.n_cols(),
        g.n_edges(),
        parts
    );
    let opts = Options::default();
    let t = Instant::now();
    let old = detect_multiple_repeeling(&g, &opts, k);
    let t_old = t.elapsed();
    let t = Instant::now();
    let new = detect_multiple(&g, &opts, k);
    let t_new = t.elapsed();
    let same = old.len() == new.len()
        && old.iter().zip(&new).all(|(a, b)| {
            a.rows == b.rows && a.cols == b.cols && a.score.to_bits() == b.score.to_bits()
        });
    println!(
        "whole re-peel: {:.2} s; components: {:.2} s; speed-up {:.1}×; {} blocks, identical: {same}",
        t_old.as_secs_f64(),
        t_new.as_secs_f64(),
        t_old.as_secs_f64() / t_new.as_secs_f64(),
        new.len()
    );
    if !same {
        std::process::exit(1);
    }
}
