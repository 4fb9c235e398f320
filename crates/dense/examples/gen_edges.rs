//! Deterministic planted-block edge lists for tests and benchmarks.
//!
//! `gen_edges EDGES SEED OUT [TRUTH]` writes about EDGES distinct `user,product` lines: users
//! uniform, products Zipf(0.9)-popular, plus a planted block of `side × side` (side = √EDGES / 2,
//! between 10 and 200) at density 0.2 whose users add as many camouflage edges to products drawn by
//! popularity (FRAUDAR's biased camouflage). Labels are `u<id>` and `p<id>`; block ids are spread
//! over the id range. TRUTH, if given, gets the block's users and products.

use std::collections::HashSet;
use std::io::{BufWriter, Write};

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

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: gen_edges EDGES SEED OUT [TRUTH]");
        std::process::exit(2);
    }
    let target: u64 = args[1].parse().expect("EDGES");
    let seed: u64 = args[2].parse().expect("SEED");
    let mut rng = Rng(seed);
    let users = (target / 10).max(1000);
    let products = (target / 50).max(500);
    let side = (((target as f64).sqrt() / 2.0) as u64).clamp(10, 200);
    // Zipf(0.9) over products, as a cumulative table.
    let mut cdf = Vec::with_capacity(products as usize);
    let mut acc = 0.0;
    for k in 1..=products {
        acc += 1.0 / (k as f64).powf(0.9);
        cdf.push(acc);
    }
    let zipf = |rng: &mut Rng| -> u64 {
        let x = rng.unit() * acc;
        cdf.partition_point(|&c| c < x).min(products as usize - 1) as u64
    };
    // Block members spread over the id ranges (stride), not a prefix.
    let block_users: Vec<u64> = (0..side).map(|i| i * (users / side)).collect();
    let block_products: Vec<u64> = (0..side)
        .map(|i| products - 1 - i * (products / side / 2))
        .collect();
    let mut seen: HashSet<(u64, u64)> = HashSet::with_capacity(target as usize);
    let mut edges: Vec<(u64, u64)> = Vec::with_capacity(target as usize);
    for &u in &block_users {
        let mut planted = 0;
        for &p in &block_products {
            if rng.unit() < 0.2 && seen.insert((u, p)) {
                edges.push((u, p));
                planted += 1;
            }
        }
        let mut camo = 0;
        while camo < planted {
            let p = zipf(&mut rng);
            if seen.insert((u, p)) {
                edges.push((u, p));
                camo += 1;
            }
        }
    }
    while (edges.len() as u64) < target {
        let (u, p) = (rng.below(users), zipf(&mut rng));
        if seen.insert((u, p)) {
            edges.push((u, p));
        }
    }
    // Shuffle so first-seen ids do not follow the construction order.
    for i in (1..edges.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        edges.swap(i, j);
    }
    let mut out = BufWriter::new(std::fs::File::create(&args[3])?);
    for (u, p) in &edges {
        writeln!(out, "u{u},p{p}")?;
    }
    out.flush()?;
    if let Some(path) = args.get(4) {
        let mut t = BufWriter::new(std::fs::File::create(path)?);
        let us: Vec<String> = block_users.iter().map(|u| format!("u{u}")).collect();
        let ps: Vec<String> = block_products.iter().map(|p| format!("p{p}")).collect();
        writeln!(t, "{}", us.join(","))?;
        writeln!(t, "{}", ps.join(","))?;
    }
    Ok(())
}
