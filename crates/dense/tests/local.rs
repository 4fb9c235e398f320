//! `LocalPeel` (local reordering of the peeling sequence) against the static peel: the sequence
//! stays a greedy peel after any inserts, equals the static peel where keys compare exactly, and
//! its block keeps the half-the-optimum guarantee.

use proptest::prelude::*;
use tianping_dense::{
    Bipartite, Crossing, GraphBuilder, LocalPeel, Metric, Node, Options, detect_multiple, fraudar,
    peel,
};

fn build(m: u32, n: u32, edges: &[(u32, u32, f64)]) -> Bipartite {
    let mut b = GraphBuilder::new();
    b.reserve_nodes(m, n);
    for &(r, c, w) in edges {
        b.add_edge(r, c, w);
    }
    b.build()
}

fn avg() -> Options {
    Options {
        metric: Metric::AvgDegree,
        ..Options::default()
    }
}

/// Checks from scratch that `seq` is a greedy peel of `g` (edge weights as given, no column
/// weighting): each node's weight equals its key among the nodes not yet peeled, and no remaining
/// node has a smaller key (rows first, then lower id, on ties), up to `tol`.
fn assert_greedy(g: &Bipartite, seq: &[(Node, f64)], tol: f64) {
    let (m, n) = (g.n_rows(), g.n_cols());
    assert_eq!(seq.len(), m + n, "every node is in the sequence once");
    let (mut rin, mut cin) = (vec![true; m], vec![true; n]);
    let key = |v: Node, rin: &[bool], cin: &[bool]| -> f64 {
        match v {
            Node::Row(r) => {
                let (cs, ws) = g.row(r);
                cs.iter()
                    .zip(ws)
                    .filter(|(c, _)| cin[**c as usize])
                    .map(|(_, w)| w)
                    .sum()
            }
            Node::Col(c) => {
                let (rs, ws) = g.col(c);
                rs.iter()
                    .zip(ws)
                    .filter(|(r, _)| rin[**r as usize])
                    .map(|(_, w)| w)
                    .sum()
            }
        }
    };
    let rank = |v: Node| match v {
        Node::Row(r) => (0u8, r),
        Node::Col(c) => (1u8, c),
    };
    for (k, &(v, d)) in seq.iter().enumerate() {
        let kv = key(v, &rin, &cin);
        assert!(
            (kv - d).abs() <= tol,
            "step {k}: {v:?} weight {d} but key {kv}"
        );
        let others = (0..m as u32)
            .filter(|&r| rin[r as usize])
            .map(Node::Row)
            .chain((0..n as u32).filter(|&c| cin[c as usize]).map(Node::Col));
        for o in others {
            if o == v {
                continue;
            }
            let ko = key(o, &rin, &cin);
            let ok = kv < ko - tol
                || (kv <= ko + tol && (kv < ko || rank(v) < rank(o)))
                || (ko - kv).abs() <= tol;
            assert!(
                ok,
                "step {k}: {v:?} (key {kv}) peeled before {o:?} (key {ko})"
            );
        }
        match v {
            Node::Row(r) => rin[r as usize] = false,
            Node::Col(c) => cin[c as usize] = false,
        }
    }
}

/// `seq`'s weights are the keys among the nodes left, each ≤ (1 + ε) × the smallest key then.
fn assert_relaxed(g: &Bipartite, seq: &[(Node, f64)], slack: f64) {
    let (m, n) = (g.n_rows(), g.n_cols());
    assert_eq!(seq.len(), m + n);
    let (mut rin, mut cin) = (vec![true; m], vec![true; n]);
    for (k, &(v, d)) in seq.iter().enumerate() {
        let key = |v: Node, rin: &[bool], cin: &[bool]| -> f64 {
            match v {
                Node::Row(r) => {
                    let (cs, ws) = g.row(r);
                    cs.iter()
                        .zip(ws)
                        .filter(|(c, _)| cin[**c as usize])
                        .map(|(_, w)| w)
                        .sum()
                }
                Node::Col(c) => {
                    let (rs, ws) = g.col(c);
                    rs.iter()
                        .zip(ws)
                        .filter(|(r, _)| rin[**r as usize])
                        .map(|(_, w)| w)
                        .sum()
                }
            }
        };
        assert!(
            (key(v, &rin, &cin) - d).abs() < 1e-9,
            "step {k}: weight {d}"
        );
        let min = (0..m as u32)
            .filter(|&r| rin[r as usize])
            .map(Node::Row)
            .chain((0..n as u32).filter(|&c| cin[c as usize]).map(Node::Col))
            .map(|o| key(o, &rin, &cin))
            .fold(f64::INFINITY, f64::min);
        assert!(
            d <= (1.0 + slack) * min + 1e-9,
            "step {k}: {v:?} weight {d} > (1+{slack}) × {min}"
        );
        match v {
            Node::Row(r) => rin[r as usize] = false,
            Node::Col(c) => cin[c as usize] = false,
        }
    }
}

fn block_score(g: &Bipartite, h: impl Fn(f64) -> f64, rows: &[u32], cols: &[u32]) -> f64 {
    let f: f64 = g
        .edges()
        .filter(|(r, c, _)| rows.binary_search(r).is_ok() && cols.binary_search(c).is_ok())
        .map(|(_, c, w)| w * h(g.col(c).1.iter().sum()))
        .sum();
    f / (rows.len() + cols.len()).max(1) as f64
}

/// Rows, columns, initial edges and inserted edges (row, column, integer weight).
type Case = (u32, u32, Vec<(u32, u32, u32)>, Vec<(u32, u32, u32)>);

fn graph_edges() -> impl Strategy<Value = Case> {
    (2u32..9, 2u32..9).prop_flat_map(|(m, n)| {
        let e = (0..m, 0..n, 1u32..4);
        (
            Just(m),
            Just(n),
            prop::collection::vec(e.clone(), 0..30),
            prop::collection::vec((0..m + 3, 0..n + 3, 1u32..4), 1..40),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Integer weights, average degree: keys compare exactly, so the maintained sequence is the
    /// static peel's, and the block is `fraudar`'s, bit for bit, after every insert.
    #[test]
    fn equals_the_static_peel_when_keys_are_exact((m, n, init, ins) in graph_edges()) {
        let w = |x: &[(u32, u32, u32)]| -> Vec<(u32, u32, f64)> {
            x.iter().map(|&(r, c, w)| (r, c, f64::from(w))).collect()
        };
        let mut all = w(&init);
        let mut eng = LocalPeel::new(&build(m, n, &all), &avg(), None);
        for &(r, c, x) in &ins {
            eng.insert(r, c, f64::from(x)).unwrap();
            all.push((r, c, f64::from(x)));
            let g = build(eng.n_rows() as u32, eng.n_cols() as u32, &all);
            let stat = peel(&g, &avg());
            let ours: Vec<Node> = eng.sequence().map(|(v, _)| v).collect();
            prop_assert_eq!(&ours[..stat.order.len()], &stat.order[..]);
            prop_assert_eq!(eng.block(), fraudar(&g, &avg()));
        }
        assert_greedy(&eng.weighted_graph(), &eng.sequence().collect::<Vec<_>>(), 0.0);
    }

    /// Log weights (FRAUDAR's metric, column weights from the degree rounded down to a power of
    /// two): after any inserts the sequence is a greedy peel of the engine's weighted graph, its
    /// block is at least half the static peel's on that graph (so at least half the optimum's
    /// lower bound), and on FRAUDAR's own objective at least half the static FRAUDAR block.
    #[test]
    fn log_weights_keep_a_greedy_sequence_and_the_half_bound(
        (m, n, init, ins) in graph_edges(),
        weights in prop::collection::vec(1u32..5, 40),
    ) {
        let init: Vec<(u32, u32, f64)> =
            init.iter().map(|&(r, c, w)| (r, c, f64::from(w) * 0.5)).collect();
        let mut eng = LocalPeel::new(&build(m, n, &init), &Options::default(), None);
        for (i, &(r, c, _)) in ins.iter().enumerate() {
            eng.insert(r, c, f64::from(weights[i % weights.len()])).unwrap();
        }
        let wg = eng.weighted_graph();
        assert_greedy(&wg, &eng.sequence().collect::<Vec<_>>(), 1e-9);
        let ours = eng.block();
        let stat = fraudar(&wg, &avg());
        prop_assert!(ours.score >= stat.score / 2.0 - 1e-12, "{} vs static {}", ours.score, stat.score);
        // FRAUDAR's objective (exact column degrees) on the raw graph.
        let g = eng.graph();
        let h = |d: f64| Metric::Log.column_weight(d);
        let ours_true = block_score(&g, h, &ours.rows, &ours.cols);
        let stat_true = fraudar(&g, &Options::default()).score;
        prop_assert!(ours_true >= stat_true / 2.0 - 1e-12, "{ours_true} vs FRAUDAR {stat_true}");
    }

    /// With slack ε, every node's weight is its key among the nodes left and at most (1 + ε) times
    /// the smallest of their keys, and the block keeps 1 / (2 (1 + ε)) of the static peel's.
    #[test]
    fn slack_keeps_its_relaxed_bound(
        (m, n, init, ins) in graph_edges(),
        slack in prop::sample::select(vec![0.1, 0.25, 0.5]),
        metric in prop::sample::select(vec![Metric::Log, Metric::AvgDegree]),
    ) {
        let init: Vec<(u32, u32, f64)> = init.iter().map(|&(r, c, w)| (r, c, f64::from(w))).collect();
        let opts = Options { metric, ..Options::default() };
        let mut eng = LocalPeel::new(&build(m, n, &init), &opts, None).with_slack(slack);
        for &(r, c, w) in &ins {
            eng.insert(r, c, f64::from(w)).unwrap();
        }
        let wg = eng.weighted_graph();
        let seq: Vec<(Node, f64)> = eng.sequence().collect();
        assert_relaxed(&wg, &seq, slack);
        let ours = eng.block();
        let stat = fraudar(&wg, &avg());
        prop_assert!(ours.score >= stat.score / (2.0 * (1.0 + slack)) - 1e-12);
    }

    /// The threshold flag after each insert says whether some suffix of the sequence has density
    /// ≥ θ (checked against the densest suffix).
    #[test]
    fn the_threshold_flag_follows_the_densest_suffix((m, n, init, ins) in graph_edges()) {
        let init: Vec<(u32, u32, f64)> = init.iter().map(|&(r, c, w)| (r, c, f64::from(w))).collect();
        let theta = 1.25;
        let mut eng = LocalPeel::new(&build(m, n, &init), &avg(), Some(theta));
        let mut above = eng.above_threshold();
        for &(r, c, w) in &ins {
            let ev = eng.insert(r, c, f64::from(w)).unwrap();
            let now = eng.block().score >= theta;
            prop_assert_eq!(eng.above_threshold(), now);
            match ev {
                Some(e) => {
                    prop_assert_eq!(e.crossing == Crossing::Up, now);
                    prop_assert!(above != now);
                }
                None => prop_assert_eq!(above, now),
            }
            above = now;
        }
    }
}

#[test]
fn zero_weight_and_bad_weights() {
    let mut eng = LocalPeel::new(&GraphBuilder::new().build(), &avg(), None);
    assert!(eng.insert(0, 0, f64::NAN).is_err());
    assert!(eng.insert(0, 0, -1.0).is_err());
    assert!(eng.insert(0, 0, f64::INFINITY).is_err());
    eng.insert(2, 1, 0.0).unwrap();
    assert_eq!((eng.n_rows(), eng.n_cols(), eng.n_edges()), (3, 2, 0));
    let b = eng.block();
    assert_eq!(b, fraudar(&build(3, 2, &[]), &avg()));
}

/// A ring of 12 accounts × 6 shops arriving edge by edge among 3,000 random background edges is
/// reported by an upward crossing at the insert that takes it over the threshold, and the
/// blocks above the threshold are the ring.
#[test]
fn a_ring_crosses_the_threshold_and_is_the_top_block() {
    let mut x: u64 = 42;
    let mut next = |k: u32| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % u64::from(k)) as u32
    };
    let bg: Vec<(u32, u32, f64)> = (0..3000).map(|_| (next(1500), next(400), 1.0)).collect();
    let g = build(1500, 400, &bg);
    let theta = 1.2;
    let mut eng = LocalPeel::new(&g, &Options::default(), Some(theta));
    assert!(
        !eng.above_threshold(),
        "background alone: {}",
        eng.block().score
    );
    let mut crossed = None;
    for r in 0..12 {
        for c in 0..6 {
            if let Some(e) = eng.insert(1500 + r, 400 + c, 1.0).unwrap() {
                assert_eq!(e.crossing, Crossing::Up);
                crossed.get_or_insert((r, c, e.block));
            }
        }
    }
    let (r, c, block) = crossed.expect("the ring crosses");
    assert!(
        r * 6 + c < 71,
        "crossed before the last ring edge ({r}, {c})"
    );
    // It crosses as soon as part of the ring (measured: 5 accounts × 6 shops) is dense enough;
    // that block is the ring's.
    assert!(
        block.rows.len() >= 5 && block.rows.iter().all(|&r| r >= 1500),
        "{block:?}"
    );
    assert!(block.cols.iter().all(|&c| c >= 400), "{block:?}");
    let top = eng.top_blocks(theta, 3);
    assert_eq!(top[0].rows, (1500..1512).collect::<Vec<_>>());
    assert_eq!(top[0].cols, (400..406).collect::<Vec<_>>());
}

/// `top_blocks` equals `detect_multiple` on the engine's weighted graph for the blocks above the
/// density (two separate rings in sparse background).
#[test]
fn top_blocks_find_two_rings() {
    let mut e: Vec<(u32, u32, f64)> = (0..300).map(|i| (i % 150, (i * 7) % 90, 1.0)).collect();
    for r in 0..10 {
        for c in 0..5 {
            e.push((200 + r, 100 + c, 1.0));
        }
    }
    for r in 0..8 {
        for c in 0..4 {
            e.push((220 + r, 110 + c, 1.0));
        }
    }
    let mut eng = LocalPeel::new(&GraphBuilder::new().build(), &Options::default(), None);
    for &(r, c, w) in &e {
        eng.insert(r, c, w).unwrap();
    }
    let top = eng.top_blocks(1.0, 5);
    let full = detect_multiple(&eng.weighted_graph(), &avg(), 5);
    let full: Vec<_> = full.into_iter().filter(|b| b.score >= 1.0).collect();
    assert_eq!(top.len(), 2);
    for (a, b) in top.iter().zip(&full) {
        assert_eq!((&a.rows, &a.cols), (&b.rows, &b.cols));
        assert!((a.score - b.score).abs() < 1e-9);
    }
    assert_eq!(top[0].rows, (200..210).collect::<Vec<_>>());
    assert_eq!(top[1].rows, (220..228).collect::<Vec<_>>());
}

/// Locality where it matters: an edge inside a dense ring (peeled last) reorders only the ring's
/// part of the sequence, not the 10,000 nodes of background before it. (An edge between light
/// nodes moves them among the many light nodes: measured in `docs/dense.md`.)
#[test]
fn an_insert_inside_the_ring_reorders_only_the_ring() {
    let mut x: u64 = 7;
    let mut next = |k: u32| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % u64::from(k)) as u32
    };
    let mut e: Vec<(u32, u32, f64)> = (0..20_000).map(|_| (next(8000), next(2000), 1.0)).collect();
    for r in 0..12 {
        for c in 0..6 {
            if (r, c) != (11, 5) {
                e.push((8000 + r, 2000 + c, 1.0));
            }
        }
    }
    let mut eng = LocalPeel::new(&build(8012, 2006, &e), &avg(), None);
    let before = eng.block();
    assert_eq!(before.rows, (8000..8012).collect::<Vec<_>>());
    eng.insert(8011, 2005, 1.0).unwrap();
    let w = eng.last_work();
    assert!(w.positions <= 18, "{w:?}");
    assert_eq!(eng.block().rows, before.rows);
    assert_eq!(eng.block().score, 72.0 / 18.0);
}
