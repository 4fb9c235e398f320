//! The peel against a naive reference peel, planted-block recovery, and incremental == full peel.

use proptest::prelude::*;
use tianping_dense::{
    Bipartite, Crossing, GraphBuilder, Incremental, Metric, Options, detect_multiple, fraudar,
};

/// O(V·E) greedy peel straight from the paper: at each step compute every remaining node's
/// contribution to f from scratch, remove the smallest (rows win ties, then the lowest id), keep
/// the set with the best f/|S|. Exact keys (no running subtraction), so compare scores to 1e-9.
fn naive(g: &Bipartite, metric: Metric) -> (Vec<u32>, Vec<u32>, f64) {
    let (m, n) = (g.n_rows(), g.n_cols());
    let h: Vec<f64> = (0..n as u32)
        .map(|c| metric.column_weight(g.col(c).1.iter().sum()))
        .collect();
    let (mut rin, mut cin) = (vec![true; m], vec![true; n]);
    let f = |rin: &[bool], cin: &[bool]| -> f64 {
        g.edges()
            .filter(|&(r, c, _)| rin[r as usize] && cin[c as usize])
            .map(|(_, c, w)| w * h[c as usize])
            .sum()
    };
    let size = |rin: &[bool], cin: &[bool]| {
        rin.iter().filter(|x| **x).count() + cin.iter().filter(|x| **x).count()
    };
    let mut best = (
        rin.clone(),
        cin.clone(),
        f(&rin, &cin) / (m + n).max(1) as f64,
    );
    while rin.iter().any(|x| *x) && cin.iter().any(|x| *x) {
        let rkey = |r: usize| -> f64 {
            let (cs, ws) = g.row(r as u32);
            cs.iter()
                .zip(ws)
                .filter(|(c, _)| cin[**c as usize])
                .map(|(c, w)| w * h[*c as usize])
                .sum()
        };
        let ckey = |c: usize| -> f64 {
            let (rs, ws) = g.col(c as u32);
            rs.iter()
                .zip(ws)
                .filter(|(r, _)| rin[**r as usize])
                .map(|(_, w)| w * h[c])
                .sum()
        };
        let argmin = |keys: Vec<(usize, f64)>| {
            keys.into_iter()
                .fold(None, |b: Option<(usize, f64)>, (i, k)| match b {
                    Some((_, bk)) if bk <= k => b,
                    _ => Some((i, k)),
                })
        };
        let r = argmin((0..m).filter(|&r| rin[r]).map(|r| (r, rkey(r))).collect()).unwrap();
        let c = argmin((0..n).filter(|&c| cin[c]).map(|c| (c, ckey(c))).collect()).unwrap();
        if r.1 <= c.1 {
            rin[r.0] = false;
        } else {
            cin[c.0] = false;
        }
        let s = f(&rin, &cin) / size(&rin, &cin) as f64;
        if s > best.2 + 1e-12 {
            best = (rin.clone(), cin.clone(), s);
        }
    }
    let ids = |v: &[bool]| (0..v.len() as u32).filter(|&i| v[i as usize]).collect();
    (ids(&best.0), ids(&best.1), best.2)
}

fn build(edges: &[(u32, u32, u8)]) -> Bipartite {
    let mut b = GraphBuilder::new();
    for &(r, c, w) in edges {
        b.add_edge(r, c, f64::from(w));
    }
    b.build()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Integer weights under the average-degree metric: every key is exact, so the fast peel and
    /// the naive one must agree on the sets and the score.
    #[test]
    fn peel_equals_naive_peel_avg(edges in prop::collection::vec((0u32..12, 0u32..12, 1u8..4), 0..70)) {
        let g = build(&edges);
        let b = fraudar(&g, &Options { metric: Metric::AvgDegree, ..Options::default() });
        let (rows, cols, score) = naive(&g, Metric::AvgDegree);
        prop_assert_eq!((&b.rows, &b.cols), (&rows, &cols));
        prop_assert!((b.score - score).abs() < 1e-9);
    }

    /// Log and sqrt weights: keys are floats, so the naive peel keeps them the way the reference
    /// does (initial sums in its order, then subtraction edge by edge) and only replaces the
    /// tournament trees by linear scans; sets and score must then be identical.
    #[test]
    fn peel_equals_scanning_peel_log(edges in prop::collection::vec((0u32..12, 0u32..12, Just(1u8)), 0..70)) {
        let g = build(&edges);
        for metric in [Metric::Log, Metric::Sqrt] {
            let b = fraudar(&g, &Options { metric, ..Options::default() });
            let (rows, cols, score) = scanning(&g, metric);
            prop_assert_eq!((&b.rows, &b.cols, b.score), (&rows, &cols, score), "{:?}", metric);
        }
    }

    /// The incremental engine, after each flush, equals a full peel of everything inserted.
    #[test]
    fn incremental_equals_full_repeel(
        initial in prop::collection::vec((0u32..15, 0u32..15, 1u8..3), 0..40),
        stream in prop::collection::vec((0u32..18, 0u32..18, 0u8..3), 1..60),
        every in 1usize..8,
    ) {
        let g0 = build(&initial);
        let mut inc = Incremental::new(&g0, Options::default(), f64::INFINITY, every);
        let mut all = GraphBuilder::new();
        for &(r, c, w) in &initial {
            all.add_edge(r, c, f64::from(w));
        }
        for (i, &(r, c, w)) in stream.iter().enumerate() {
            inc.insert(r, c, f64::from(w)).unwrap();
            all.add_edge(r, c, f64::from(w));
            let full = all.clone().build();
            // The live score is the block's score on the current graph.
            let block = inc.block().clone();
            let f = block_f(&full, &block.rows, &block.cols);
            let live = f / (block.rows.len() + block.cols.len()).max(1) as f64;
            prop_assert!((inc.live_score() - live).abs() < 1e-9, "live {} vs {}", inc.live_score(), live);
            if i % 3 == 2 {
                inc.flush();
                prop_assert_eq!(inc.block(), &fraudar(&full, &Options::default()));
            }
        }
        inc.flush();
        prop_assert_eq!(inc.block(), &fraudar(&all.build(), &Options::default()));
    }
}

/// NumPy's pairwise sum (the reference's summation order, restated from its definition).
fn pairwise(a: &[f64]) -> f64 {
    if a.len() < 8 {
        a.iter().fold(-0.0, |s, x| s + x)
    } else if a.len() <= 128 {
        let mut r: Vec<f64> = a[..8].to_vec();
        let full = a.len() - a.len() % 8;
        for chunk in a[8..full].chunks(8) {
            for (x, y) in r.iter_mut().zip(chunk) {
                *x += y;
            }
        }
        let s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        a[full..].iter().fold(s, |s, x| s + x)
    } else {
        let half = a.len() / 2 - (a.len() / 2) % 8;
        pairwise(&a[..half]) + pairwise(&a[half..])
    }
}

/// The peel with linear scans instead of trees: O(V·E).
fn scanning(g: &Bipartite, metric: Metric) -> (Vec<u32>, Vec<u32>, f64) {
    let (m, n) = (g.n_rows(), g.n_cols());
    let h: Vec<f64> = (0..n as u32)
        .map(|c| metric.column_weight(g.col(c).1.iter().fold(0.0, |s, w| s + w)))
        .collect();
    let mut rk: Vec<f64> = (0..m as u32)
        .map(|r| {
            let (cs, ws) = g.row(r);
            let v: Vec<f64> = cs
                .iter()
                .zip(ws)
                .rev()
                .map(|(c, w)| w * h[*c as usize])
                .collect();
            v.split_first().map_or(0.0, |(a, rest)| a + pairwise(rest))
        })
        .collect();
    let mut ck: Vec<f64> = (0..n as u32)
        .map(|c| g.col(c).1.iter().fold(0.0, |s, w| s + w * h[c as usize]))
        .collect();
    let all: Vec<f64> = g.edges().map(|(_, c, w)| w * h[c as usize]).collect();
    let mut total = if all.is_empty() { 0.0 } else { pairwise(&all) };
    let (mut rin, mut cin) = (vec![true; m], vec![true; n]);
    let mut removed = Vec::new();
    let mut best = (
        0,
        if m + n == 0 {
            0.0
        } else {
            total / (m + n) as f64
        },
    );
    let argmin = |keys: &[f64], alive: &[bool]| {
        (0..keys.len())
            .filter(|&i| alive[i])
            .fold(None, |b: Option<usize>, i| match b {
                Some(j) if keys[j] <= keys[i] => Some(j),
                _ => Some(i),
            })
    };
    while let (Some(r), Some(c)) = (argmin(&rk, &rin), argmin(&ck, &cin)) {
        if rk[r] <= ck[c] {
            total -= rk[r];
            rin[r] = false;
            let (cs, ws) = g.row(r as u32);
            for (&j, &w) in cs.iter().zip(ws) {
                ck[j as usize] += -(w * h[j as usize]);
            }
            removed.push((true, r));
        } else {
            total -= ck[c];
            cin[c] = false;
            let (rs, ws) = g.col(c as u32);
            for (&i, &w) in rs.iter().zip(ws) {
                rk[i as usize] += -(w * h[c]);
            }
            removed.push((false, c));
        }
        let left = rin.iter().filter(|x| **x).count() + cin.iter().filter(|x| **x).count();
        let s = total / left as f64;
        if s > best.1 {
            best = (removed.len(), s);
        }
    }
    let (mut rin, mut cin) = (vec![true; m], vec![true; n]);
    for &(is_row, i) in &removed[..best.0] {
        if is_row {
            rin[i] = false
        } else {
            cin[i] = false
        }
    }
    let ids = |v: &[bool]| (0..v.len() as u32).filter(|&i| v[i as usize]).collect();
    (ids(&rin), ids(&cin), best.1)
}

/// f of a block under log weights, from scratch.
fn block_f(g: &Bipartite, rows: &[u32], cols: &[u32]) -> f64 {
    let mut f = 0.0;
    for &c in cols {
        if c as usize >= g.n_cols() {
            continue;
        }
        let (rs, ws) = g.col(c);
        let h = Metric::Log.column_weight(ws.iter().sum());
        for (r, w) in rs.iter().zip(ws) {
            if rows.binary_search(r).is_ok() {
                f += w * h;
            }
        }
    }
    f
}

/// SplitMix64 for deterministic test graphs.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u32 {
        (self.next() % n) as u32
    }
}

/// A 2,000 × 500 background with a few very popular columns, a 30 × 30 block at density 0.5,
/// and random camouflage: each block row also links to as many random columns as block columns.
fn planted(seed: u64) -> (Bipartite, Vec<u32>, Vec<u32>) {
    let mut rng = Rng(seed);
    let mut b = GraphBuilder::new().duplicates(tianping_dense::Duplicates::Max);
    for _ in 0..8_000 {
        let r = rng.below(2_000);
        // Popular columns: a quarter of the edges go to columns 0..10.
        let c = if rng.below(4) == 0 {
            rng.below(10)
        } else {
            rng.below(500)
        };
        b.add_edge(r, c, 1.0);
    }
    let rows: Vec<u32> = (0..30).map(|i| 100 + i * 37).collect();
    let cols: Vec<u32> = (0..30).map(|i| 20 + i * 13).collect();
    for &r in &rows {
        for &c in &cols {
            if rng.below(2) == 0 {
                b.add_edge(r, c, 1.0);
                b.add_edge(r, rng.below(500), 1.0);
            }
        }
    }
    let mut rows = rows;
    rows.sort_unstable();
    (b.build(), rows, cols)
}

#[test]
fn planted_block_with_camouflage_is_recovered() {
    for seed in 1..4 {
        let (g, rows, cols) = planted(seed);
        let b = fraudar(&g, &Options::default());
        let hit_rows = b
            .rows
            .iter()
            .filter(|r| rows.binary_search(r).is_ok())
            .count();
        let hit_cols = b
            .cols
            .iter()
            .filter(|c| cols.binary_search(c).is_ok())
            .count();
        // All 30 rows, no honest row; the block's columns, and no popular column.
        assert_eq!((hit_rows, b.rows.len()), (30, 30), "seed {seed}: {b:?}");
        assert!(hit_cols >= 28 && b.cols.len() <= 32, "seed {seed}: {b:?}");
        assert!(
            b.cols.iter().all(|&c| c >= 10),
            "a popular column got in: {b:?}"
        );
    }
}

#[test]
fn top_k_finds_two_planted_blocks_in_turn() {
    let (g, rows, _) = planted(9);
    // Plant a second, weaker ring on other rows and columns.
    let mut b = GraphBuilder::new();
    for (r, c, w) in g.edges() {
        b.add_edge(r, c, w);
    }
    for r in 1_500..1_520 {
        for c in 400..420 {
            b.add_edge(r, c, 1.0);
        }
    }
    let g = b.build();
    let blocks = detect_multiple(&g, &Options::default(), 2);
    assert_eq!(blocks.len(), 2);
    assert_eq!(
        blocks[0].rows,
        (1_500..1_520).collect::<Vec<_>>(),
        "the complete 20 × 20 ring is densest"
    );
    assert_eq!(blocks[1].rows, rows);
    assert!(blocks[0].score > blocks[1].score);
}

#[test]
fn incremental_reports_a_ring_crossing_the_threshold() {
    let (g, _, _) = planted(5);
    let base = fraudar(&g, &Options::default());
    let threshold = base.score * 1.5;
    // Re-peel every 50 edges: the new ring is found at a re-peel, then grows in place.
    let mut inc = Incremental::new(&g, Options::default(), threshold, 50);
    assert!(inc.live_score() < threshold);
    let mut events = Vec::new();
    let mut seen = 0;
    for r in 1_900..1_940 {
        for c in 440..480 {
            events.extend(inc.insert(r, c, 1.0).unwrap());
            seen += 1;
            if !events.is_empty() {
                break;
            }
        }
        if !events.is_empty() {
            break;
        }
    }
    let e = &events[0];
    assert_eq!(e.crossing, Crossing::Up);
    assert!(e.block.score >= threshold);
    assert!(
        e.block.rows.iter().all(|r| (1_900..1_940).contains(r)),
        "{e:?}"
    );
    assert!(seen < 1_600, "reported after {seen} edges");
    // And the engine agrees with a full peel after a flush.
    inc.flush();
    assert_eq!(inc.block(), &fraudar(&inc.graph(), &Options::default()));
}

#[test]
fn incremental_top_k_equals_detect_multiple_after_flush() {
    let (g, _, _) = planted(9);
    let mut inc = Incremental::new(&g, Options::default(), f64::INFINITY, usize::MAX).with_top_k(3);
    assert_eq!(
        inc.blocks(),
        &detect_multiple(&g, &Options::default(), 3)[..]
    );
    // A second ring arrives; it is among the top blocks after the flush, exactly as a batch run.
    for r in 1_900..1_930 {
        for c in 440..460 {
            inc.insert(r, c, 1.0).unwrap();
        }
    }
    inc.flush();
    let expected = detect_multiple(&inc.graph(), &Options::default(), 3);
    assert_eq!(inc.blocks(), &expected[..]);
    assert_eq!(inc.block(), &expected[0]);
    assert!(
        expected.iter().any(|b| b
            .rows
            .iter()
            .filter(|r| (1_900..1_930).contains(*r))
            .count()
            == 30),
        "{expected:?}"
    );
}
