//! `detect_multiple` (re-peels only the components a block touched) against its oracle
//! `detect_multiple_repeeling` (re-peels the whole graph): the same blocks, in the same order,
//! with bit-identical scores, on random graphs with planted blocks, copies of the same block in
//! several components (exact ties), isolated nodes, weights, priors and every metric.

use proptest::prelude::*;
use tianping_dense::{
    Bipartite, Duplicates, GraphBuilder, Metric, Options, detect_multiple,
    detect_multiple_repeeling,
};

/// One component: rows, columns, edges `(row, col, weight)` (ids taken modulo the sizes).
type Part = (u32, u32, Vec<(u32, u32, u32)>);

/// A graph of `parts` components side by side (ids interleaved so components are not id ranges):
/// each a `side × side` block at the given fill plus sparse noise; every third part repeats the
/// first part's block exactly (ties between components).
fn planted(parts: &[Part], stride: u32, weighted: bool, isolated: (u32, u32)) -> Bipartite {
    let mut b = GraphBuilder::new().duplicates(if weighted {
        Duplicates::Sum
    } else {
        Duplicates::Max
    });
    for (p, (rows, cols, edges)) in parts.iter().enumerate() {
        let p = p as u32;
        // Part `p` uses ids `p, p + stride, p + 2·stride, …`: components interleave in id order.
        for &(r, c, w) in edges {
            let w = if weighted { f64::from(w) } else { 1.0 };
            b.add_edge(p + (r % rows) * stride, p + (c % cols) * stride, w);
        }
    }
    b.reserve_nodes(stride * 12 + isolated.0, stride * 12 + isolated.1);
    b.build()
}

fn part() -> impl Strategy<Value = Part> {
    (2u32..12, 2u32..12).prop_flat_map(|(rows, cols)| {
        let block = (2u32..=rows.min(6), 2u32..=cols.min(6));
        (
            Just(rows),
            Just(cols),
            block,
            prop::collection::vec((0..rows, 0..cols, 1u32..4), 1..30),
        )
            .prop_map(|(rows, cols, (br, bc), mut noise)| {
                for r in 0..br {
                    for c in 0..bc {
                        noise.push((r, c, 2));
                    }
                }
                (rows, cols, noise)
            })
    })
}

fn metric() -> impl Strategy<Value = Metric> {
    prop_oneof![
        Just(Metric::Log),
        Just(Metric::Sqrt),
        Just(Metric::AvgDegree)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn same_blocks_as_repeeling_the_whole_graph(
        mut parts in prop::collection::vec(part(), 1..7),
        weighted in any::<bool>(),
        isolated in (0u32..5, 0u32..5),
        metric in metric(),
        priors in prop::option::of(prop::collection::vec(0u32..3, 0..40)),
        k in 1usize..12,
    ) {
        // Exact copies of the first component (ties across components).
        let first = parts[0].clone();
        for i in (2..parts.len()).step_by(3) {
            parts[i] = first.clone();
        }
        let stride = parts.len() as u32;
        let g = planted(&parts, stride, weighted, isolated);
        let prior = priors.map(|p| p.into_iter().map(f64::from).collect::<Vec<_>>());
        let opts = Options {
            metric,
            row_prior: prior.clone(),
            col_prior: prior.map(|p| p.into_iter().rev().collect()),
        };
        let old = detect_multiple_repeeling(&g, &opts, k);
        let new = detect_multiple(&g, &opts, k);
        prop_assert_eq!(new.len(), old.len());
        for (a, b) in new.iter().zip(&old) {
            prop_assert_eq!(&a.rows, &b.rows);
            prop_assert_eq!(&a.cols, &b.cols);
            prop_assert_eq!(a.score.to_bits(), b.score.to_bits(), "{} vs {}", a.score, b.score);
        }
    }
}

#[test]
fn two_equal_bicliques_in_two_components_are_one_block() {
    // Under the greedy peel the block need not lie in one component: with two equal 3×3
    // bicliques the peel never strictly improves on the pair, so the pair is the first block.
    let mut b = GraphBuilder::new();
    for r in 0..3 {
        for c in 0..3 {
            b.add_edge(r, c, 1.0);
            b.add_edge(r + 3, c + 3, 1.0);
        }
    }
    let g = b.build();
    for metric in [Metric::AvgDegree, Metric::Sqrt, Metric::Log] {
        let opts = Options {
            metric,
            ..Options::default()
        };
        let new = detect_multiple(&g, &opts, 3);
        assert_eq!(new, detect_multiple_repeeling(&g, &opts, 3));
        assert_eq!(new.len(), 1, "{metric:?}");
        assert_eq!(new[0].rows, vec![0, 1, 2, 3, 4, 5]);
    }
}

#[test]
fn later_rounds_find_blocks_in_untouched_components() {
    // A 5×5, a 4×4 and a 3×3 biclique in three components, plus a path: one block each round,
    // densest first, whatever the metric; the untouched components' cached peels are reused.
    let mut b = GraphBuilder::new();
    let mut base = 0;
    for side in [5u32, 4, 3] {
        for r in 0..side {
            for c in 0..side {
                b.add_edge(base + r, base + c, 1.0);
            }
        }
        base += side;
    }
    b.add_edge(base, base, 1.0);
    b.add_edge(base + 1, base, 1.0);
    let g = b.build();
    for metric in [Metric::AvgDegree, Metric::Sqrt, Metric::Log] {
        let opts = Options {
            metric,
            ..Options::default()
        };
        let new = detect_multiple(&g, &opts, 3);
        assert_eq!(new, detect_multiple_repeeling(&g, &opts, 3));
        let rows: Vec<Vec<u32>> = new.iter().map(|b| b.rows.clone()).collect();
        assert_eq!(
            rows,
            vec![
                (0..5).collect::<Vec<_>>(),
                (5..9).collect(),
                (9..12).collect()
            ],
            "{metric:?}"
        );
    }
}
