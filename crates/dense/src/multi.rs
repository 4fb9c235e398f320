//! Top-k blocks by repeated peeling, re-peeling only the connected components a block touched.
//!
//! # Why the result is the whole-graph peel's, exactly
//! A node's key changes only when a neighbour is removed, so each connected component evolves
//! on its own: the whole graph's greedy peel, restricted to one component, is that component's
//! own peel (run to the last node), with the same keys at each removal. And the whole peel's
//! next removal is always the *head* (next removal) of some component, namely the head that is
//! least by (key, rows before columns, id): if the whole peel removes row `r` (the least row by
//! key then id, and its key `<=` every column key), `r` is its component's least row and that
//! component's columns are no lower, so `r` is its head, and no other head is less; if it removes
//! column `c` (key `<` every row key), `c` is likewise its component's head and the least head.
//! So the whole peel is the merge of the components' peels by that order, and its running
//! `f` (`total` minus the removed keys, in merge order) and scores are the same numbers, computed
//! by the same operations in the same order: the same blocks, to the bit, ties included.
//!
//! Nothing here assumes the densest block lies in one component (under the greedy peel it need
//! not: two equal bicliques in two components come out as one block, since the peel keeps the
//! first maximum); the merge reproduces the whole peel, whichever component its block lies in.
//!
//! # What a round costs
//! Removing a block's edges changes only the components that lost an edge (their edges, column
//! weights and keys); every other component keeps its peel. Each round re-peels the touched
//! components (split anew into components of what is left), then merges all heads with a heap:
//! `O(|E_touched| log |V_touched| + |V| log C + |E|)` (the `|E|` for the whole graph's `f`,
//! summed in the reference's order, and for the graph left after the block), instead of
//! `O(|E| log |V|)` for a whole re-peel. A graph that is one giant component gains nothing.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::graph::Bipartite;
use crate::peel::{
    Block, Node, Options, col_key, column_weights, full_sequence, prior, prior_total, row_key,
    weighted_total,
};

/// Marks a node whose component is not (yet) known.
const UNSET: u32 = u32::MAX;

/// Up to `k` blocks: find the densest by FRAUDAR's greedy peel, remove its edges (all edges
/// between its rows and columns), peel again, as the reference's `detectMultiple`. Stops early
/// when no edge is left. Returns exactly what
/// [`detect_multiple_repeeling`](crate::detect_multiple_repeeling) returns (same blocks, same
/// order, same scores to the bit) but keeps the peels of the connected components a removed block
/// did not touch (see the module documentation).
pub fn detect_multiple(g: &Bipartite, opts: &Options, k: usize) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(k.min(64));
    if k == 0 || g.n_edges() == 0 {
        return blocks;
    }
    let mut cache = Components::new(g, opts);
    let mut cur: Option<Bipartite> = None;
    for i in 0..k {
        let graph = cur.as_ref().unwrap_or(g);
        if graph.n_edges() == 0 {
            break;
        }
        let block = cache.best_block(graph);
        if i + 1 < k {
            let next = graph.without_block(&block.rows, &block.cols);
            cache.update(graph, &next, &block);
            cur = Some(next);
        }
        blocks.push(block);
    }
    blocks
}

/// The current graph's components, each with its whole peel.
struct Components {
    metric: crate::peel::Metric,
    row_prior: Option<Vec<f64>>,
    col_prior: Option<Vec<f64>>,
    /// The priors' part of the whole graph's `f`, if there are priors.
    prior_total: Option<f64>,
    comp_row: Vec<u32>,
    comp_col: Vec<u32>,
    /// Each component's peel (empty once the component is gone).
    seqs: Vec<Vec<(Node, f64)>>,
    /// All components' peels merged: the whole graph's peel, run to the last node.
    merged: Vec<(Node, f64)>,
}

impl Components {
    fn new(g: &Bipartite, opts: &Options) -> Components {
        let row_prior = prior(opts.row_prior.as_ref(), g.n_rows());
        let col_prior = prior(opts.col_prior.as_ref(), g.n_cols());
        let prior_total = (row_prior.is_some() || col_prior.is_some())
            .then(|| prior_total(row_prior.as_deref(), col_prior.as_deref()));
        let mut c = Components {
            metric: opts.metric,
            row_prior,
            col_prior,
            prior_total,
            comp_row: vec![UNSET; g.n_rows()],
            comp_col: vec![UNSET; g.n_cols()],
            seqs: Vec::new(),
            merged: Vec::new(),
        };
        let rows: Vec<u32> = (0..g.n_rows() as u32).collect();
        let cols: Vec<u32> = (0..g.n_cols() as u32).collect();
        c.split(g, &rows, &cols);
        c.merged = merge_heads(&c.seqs);
        c
    }

    /// The component `node` belongs to.
    fn comp(&self, node: Node) -> u32 {
        match node {
            Node::Row(r) => self.comp_row[r as usize],
            Node::Col(c) => self.comp_col[c as usize],
        }
    }

    /// The whole graph's greedy-peel block, by merging the components' peels.
    fn best_block(&self, g: &Bipartite) -> Block {
        let (m, n) = (g.n_rows(), g.n_cols());
        let cw = column_weights(g, self.metric);
        let mut total = weighted_total(g, &cw);
        if let Some(p) = self.prior_total {
            total += p;
        }
        let (mut rows_left, mut cols_left) = (m, n);
        let first = if m + n == 0 {
            0.0
        } else {
            total / (m + n) as f64
        };
        let (mut best, mut best_removed) = (first, 0);
        let mut removed = 0;
        for &(node, key) in &self.merged {
            if rows_left == 0 || cols_left == 0 {
                break;
            }
            total -= key;
            match node {
                Node::Row(_) => rows_left -= 1,
                Node::Col(_) => cols_left -= 1,
            }
            removed += 1;
            let score = total / (rows_left + cols_left) as f64;
            if score > best {
                best = score;
                best_removed = removed;
            }
        }
        let mut row_in = vec![true; m];
        let mut col_in = vec![true; n];
        for &(node, _) in &self.merged[..best_removed] {
            match node {
                Node::Row(r) => row_in[r as usize] = false,
                Node::Col(c) => col_in[c as usize] = false,
            }
        }
        let ids = |v: Vec<bool>| (0..v.len() as u32).filter(|&i| v[i as usize]).collect();
        Block {
            rows: ids(row_in),
            cols: ids(col_in),
            score: best,
        }
    }

    /// After `block`'s edges were removed from `old` (giving `new`): re-peels the components that
    /// lost an edge, split into the components of what is left.
    fn update(&mut self, old: &Bipartite, new: &Bipartite, block: &Block) {
        let mut in_block = vec![false; old.n_cols()];
        for &c in &block.cols {
            in_block[c as usize] = true;
        }
        let mut dirty: Vec<u32> = block
            .rows
            .iter()
            .filter(|&&r| old.row(r).0.iter().any(|&c| in_block[c as usize]))
            .map(|&r| self.comp_row[r as usize])
            .collect();
        dirty.sort_unstable();
        dirty.dedup();
        let (mut rows, mut cols) = (Vec::new(), Vec::new());
        for &d in &dirty {
            for &(node, _) in &std::mem::take(&mut self.seqs[d as usize]) {
                match node {
                    Node::Row(r) => {
                        self.comp_row[r as usize] = UNSET;
                        rows.push(r);
                    }
                    Node::Col(c) => {
                        self.comp_col[c as usize] = UNSET;
                        cols.push(c);
                    }
                }
            }
        }
        rows.sort_unstable();
        cols.sort_unstable();
        let kept = self.seqs.len() as u32;
        self.split(new, &rows, &cols);
        // The untouched components' merge is the old merge without the touched nodes; merging
        // it with the new components' merge, head against head, is the merge of all (a merge
        // restricted to any subset of components is that subset's merge).
        let fresh = merge_heads(&self.seqs[kept as usize..]);
        let old = std::mem::take(&mut self.merged);
        let untouched = old.into_iter().filter(|&(node, _)| self.comp(node) < kept);
        self.merged = merge_two(untouched, fresh);
    }

    /// Finds the components of `g` that hold the given nodes (all of whose components are
    /// unset, and which no other node reaches) and peels each.
    fn split(&mut self, g: &Bipartite, rows: &[u32], cols: &[u32]) {
        let mut stack = Vec::new();
        let (mut crow, mut ccol) = (Vec::new(), Vec::new());
        let starts = rows
            .iter()
            .map(|&r| Node::Row(r))
            .chain(cols.iter().map(|&c| Node::Col(c)));
        for start in starts {
            let unset = match start {
                Node::Row(r) => self.comp_row[r as usize] == UNSET,
                Node::Col(c) => self.comp_col[c as usize] == UNSET,
            };
            if !unset {
                continue;
            }
            let id = self.seqs.len() as u32;
            crow.clear();
            ccol.clear();
            self.mark(start, id, &mut crow, &mut ccol);
            stack.push(start);
            while let Some(node) = stack.pop() {
                match node {
                    Node::Row(r) => {
                        for &c in g.row(r).0 {
                            if self.comp_col[c as usize] == UNSET {
                                self.mark(Node::Col(c), id, &mut crow, &mut ccol);
                                stack.push(Node::Col(c));
                            }
                        }
                    }
                    Node::Col(c) => {
                        for &r in g.col(c).0 {
                            if self.comp_row[r as usize] == UNSET {
                                self.mark(Node::Row(r), id, &mut crow, &mut ccol);
                                stack.push(Node::Row(r));
                            }
                        }
                    }
                }
            }
            crow.sort_unstable();
            ccol.sort_unstable();
            let seq = self.peel_component(g, &crow, &ccol);
            self.seqs.push(seq);
        }
    }

    fn mark(&mut self, node: Node, id: u32, crow: &mut Vec<u32>, ccol: &mut Vec<u32>) {
        match node {
            Node::Row(r) => {
                self.comp_row[r as usize] = id;
                crow.push(r);
            }
            Node::Col(c) => {
                self.comp_col[c as usize] = id;
                ccol.push(c);
            }
        }
    }

    /// The whole peel of one component (ids ascending), in global ids. The component is
    /// renumbered in id order, which keeps every tie-break and every summation order.
    fn peel_component(&self, g: &Bipartite, rows: &[u32], cols: &[u32]) -> Vec<(Node, f64)> {
        let rp = |r: u32| self.row_prior.as_ref().map(|p| p[r as usize]);
        let cp = |c: u32| self.col_prior.as_ref().map(|p| p[c as usize]);
        match (rows, cols) {
            // An isolated node: its key is its prior (and its empty edge sum).
            (&[r], &[]) => {
                let key = row_key(&[], &[], &[], self.metric, rp(r), &mut Vec::new());
                return vec![(Node::Row(r), key)];
            }
            (&[], &[c]) => return vec![(Node::Col(c), col_key(&[], 1.0, cp(c)))],
            _ => {}
        }
        if rows.len() == g.n_rows() && cols.len() == g.n_cols() {
            return full_sequence(
                g,
                self.metric,
                self.row_prior.as_deref(),
                self.col_prior.as_deref(),
            );
        }
        // Local column ids by binary search in `cols` (a component's columns are few next to
        // the graph's, so no array over all columns).
        let local = |c: u32| cols.binary_search(&c).unwrap_or_default() as u32;
        let mut edges = Vec::new();
        for (i, &r) in rows.iter().enumerate() {
            let (cs, ws) = g.row(r);
            edges.extend(cs.iter().zip(ws).map(|(&c, &w)| (i as u32, local(c), w)));
        }
        let sub = Bipartite::from_sorted(rows.len() as u32, cols.len() as u32, &edges);
        let sub_rp: Option<Vec<f64>> = self
            .row_prior
            .as_ref()
            .map(|p| rows.iter().map(|&r| p[r as usize]).collect());
        let sub_cp: Option<Vec<f64>> = self
            .col_prior
            .as_ref()
            .map(|p| cols.iter().map(|&c| p[c as usize]).collect());
        full_sequence(&sub, self.metric, sub_rp.as_deref(), sub_cp.as_deref())
            .into_iter()
            .map(|(node, key)| {
                let node = match node {
                    Node::Row(i) => Node::Row(rows[i as usize]),
                    Node::Col(i) => Node::Col(cols[i as usize]),
                };
                (node, key)
            })
            .collect()
    }
}

/// The components' peels merged by always taking the least head.
fn merge_heads(seqs: &[Vec<(Node, f64)>]) -> Vec<(Node, f64)> {
    let mut heap: BinaryHeap<Head> = seqs
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.first().map(|&(node, key)| Head::new(node, key, i, 0)))
        .collect();
    let mut out = Vec::with_capacity(seqs.iter().map(Vec::len).sum());
    while let Some(h) = heap.pop() {
        out.push((h.node, h.key));
        if let Some(&(node, key)) = seqs[h.comp].get(h.pos + 1) {
            heap.push(Head::new(node, key, h.comp, h.pos + 1));
        }
    }
    out
}

/// Two merges of disjoint sets of components merged by taking the lesser head.
fn merge_two(a: impl Iterator<Item = (Node, f64)>, b: Vec<(Node, f64)>) -> Vec<(Node, f64)> {
    let mut out = Vec::with_capacity(a.size_hint().0 + b.len());
    let mut b = b.into_iter().peekable();
    for x in a {
        while let Some(&y) = b.peek() {
            // `Head`'s order is reversed (for the heap): `y` first when it is the greater.
            if Head::new(y.0, y.1, 0, 0) > Head::new(x.0, x.1, 0, 0) {
                out.push(y);
                b.next();
            } else {
                break;
            }
        }
        out.push(x);
    }
    out.extend(b);
    out
}

/// A component's next removal, ordered for a min-heap by (key, rows first, id).
#[derive(Clone, Copy, Debug)]
struct Head {
    node: Node,
    key: f64,
    comp: usize,
    pos: usize,
}

impl Head {
    fn new(node: Node, key: f64, comp: usize, pos: usize) -> Head {
        Head {
            node,
            key,
            comp,
            pos,
        }
    }

    fn rank(&self) -> (u8, u32) {
        match self.node {
            Node::Row(r) => (0, r),
            Node::Col(c) => (1, c),
        }
    }
}

impl PartialEq for Head {
    fn eq(&self, other: &Head) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Head {}

impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Head) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Head {
    /// Reversed, so that `BinaryHeap` pops the least head. Keys compare as the peel's tree
    /// compares them (`<`, `==`: `-0.0 == 0.0`); keys are finite (weights and priors are).
    fn cmp(&self, other: &Head) -> Ordering {
        let by_key = self.key.partial_cmp(&other.key).unwrap_or(Ordering::Equal);
        by_key.then(self.rank().cmp(&other.rank())).reverse()
    }
}
