//! Local reordering of the peeling sequence: the incremental engine whose insert costs work in
//! proportion to the part of the peeling order it changes, not a re-peel of the graph.
//!
//! # The idea (SPADE, RUSH)
//! Jiang, Li, He, Hooi, Chen, Kang, *Spade: A Real-Time Fraud Detection Framework on Evolving
//! Graphs*, PVLDB 16(3), 2023, and its successor RUSH (Xtra-Computing): keep the greedy peeling
//! sequence and each vertex's *peeling weight* (its weight towards the vertices peeled after it);
//! when an edge arrives, the sequence before the earliest affected position is still a greedy
//! peel, so only the suffix from there is reordered, and only as far as vertices actually move.
//! Every suffix of a valid greedy sequence is a candidate block, and the densest is at least half
//! as dense as the optimum (the greedy-peeling bound, FRAUDAR Theorem 1). Implemented here from
//! that idea; no code of either project was used.
//!
//! # What is maintained, exactly
//! A sequence `v_0, v_1, …` of all nodes with weights `Δ(v_k)` such that each `v_k` is the
//! minimum of `key_k(x) = prior(x) + Σ c(x, y)` over the nodes `x` not yet peeled (the sum over
//! `x`'s edges to nodes not yet peeled), ties broken rows first, then by id — the same choice as
//! [`crate::peel`]. The sequence is therefore a greedy peel of the current graph, and when keys are
//! compared exactly (integer weights with [`Metric::AvgDegree`]) it **is** the static peel's
//! sequence (property-tested).
//!
//! Edge suspiciousness `c(r, j) = w · h(b(d_j))`, where `d_j` is column `j`'s weighted degree and
//! `b(d)` rounds it down to a power of two (`b(d) = 0` below 1). FRAUDAR uses `h(d_j)` itself; the
//! rounding makes a column's weight change only when its degree doubles, so an ordinary insert
//! changes one edge and a column's weights are refreshed O(log d) times in its life. (`h` changes
//! by at most 19 % within one power of two for the log metric at degree ≥ 8: `ln(2d+5)/ln(d+5)`.)
//! The objective is a function of the current graph only — not of the order edges came in — so
//! the same edges give the same blocks whatever the order or restart history.
//!
//! # Repair
//! An insert that leaves the column's weight unchanged raises two keys: only the endpoint peeled
//! first can now be out of place, so the repair starts at its position. A column whose weight
//! falls lowers the keys of the column and all its neighbours; each of them is looked up in a
//! segment tree over the sequence for the earliest position whose vertex it would now undercut,
//! and the repair starts at the earliest of those. The repair walks the old sequence from the
//! start: a vertex whose key is unchanged and below every *pending* (displaced) vertex keeps its
//! turn; otherwise it, or the smallest pending vertex, is placed next, exactly as a greedy peel of
//! that suffix would. Because the old order was greedy, every vertex not yet reached has a key at
//! least the current head's old key, which is what lets the walk decide without looking ahead. It
//! stops once nothing is pending and every changed vertex is placed: the rest of the sequence is
//! unchanged. Cost: the positions walked plus the edges of the vertices that moved.
//!
//! # Densest block and threshold
//! The same segment tree keeps, for a threshold `θ`, the largest `Σ (Δ − θ)` over suffixes of
//! the sequence, so whether *some* suffix has density ≥ θ is known after every insert in
//! `O(log n)`; [`LocalPeel::block`] finds the densest suffix in `O(n)` on demand. Any block of
//! density ≥ θ contains one of density ≥ θ within the suffix that starts at the first vertex whose
//! weight is ≥ θ (a block none of whose nodes can be dropped to raise its density has every
//! node's weight inside it ≥ its density, and the first of its nodes to be peeled had at least
//! that weight) — [`LocalPeel::top_blocks`] peels only that suffix.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use crate::graph::{BadWeight, Bipartite, GraphBuilder};
use crate::incremental::{Crossing, Event};
use crate::multi::detect_multiple;
use crate::peel::{Block, Metric, Options};
use crate::tree::MinTree;

/// Node number: rows even, columns odd.
fn row_node(r: u32) -> u32 {
    r * 2
}
fn col_node(c: u32) -> u32 {
    c * 2 + 1
}
fn is_col(v: u32) -> bool {
    v & 1 == 1
}
fn id_of(v: u32) -> u32 {
    v >> 1
}
/// Tie-break: rows before columns, then by id (as the static peel).
fn tie(v: u32) -> u64 {
    (u64::from(v & 1) << 32) | u64::from(v >> 1)
}

/// A peel key: weight, then the tie-break.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Key(f64, u64);

impl Key {
    fn less(self, o: Key) -> bool {
        self.0 < o.0 || (self.0 == o.0 && self.1 < o.1)
    }
    const LOW: Key = Key(f64::NEG_INFINITY, 0);
}

impl Eq for Key {}
impl PartialOrd for Key {
    fn partial_cmp(&self, o: &Key) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Key {
    fn cmp(&self, o: &Key) -> Ordering {
        self.0.total_cmp(&o.0).then(self.1.cmp(&o.1))
    }
}

/// `b(d)`: the column degree rounded down to a power of two (0 below 1).
fn bucket(d: f64) -> f64 {
    if d >= 1.0 {
        let k = (d.min(9.0e18) as u64).ilog2();
        (1u64 << k) as f64
    } else {
        0.0
    }
}

/// Segment tree over sequence slots (slot 0 = the node peeled **last**): sums and the largest
/// prefix sum of `Δ − θ`, and the largest key.
#[derive(Clone, Debug)]
struct SlotTree {
    cap: usize,
    sum: Vec<f64>,
    pref: Vec<f64>,
    kmax: Vec<Key>,
    /// The largest certificate (see [`LocalPeel::with_slack`]).
    mmax: Vec<Key>,
}

impl SlotTree {
    fn new(cap: usize) -> SlotTree {
        let cap = cap.next_power_of_two().max(2);
        SlotTree {
            cap,
            sum: vec![0.0; 2 * cap],
            pref: vec![f64::NEG_INFINITY; 2 * cap],
            kmax: vec![Key::LOW; 2 * cap],
            mmax: vec![Key::LOW; 2 * cap],
        }
    }

    fn pull(&mut self, i: usize) {
        let (l, r) = (2 * i, 2 * i + 1);
        self.sum[i] = self.sum[l] + self.sum[r];
        self.pref[i] = self.pref[l].max(self.sum[l] + self.pref[r]);
        self.kmax[i] = self.kmax[l].max(self.kmax[r]);
        self.mmax[i] = self.mmax[l].max(self.mmax[r]);
    }

    fn set_leaf(&mut self, slot: usize, excess: f64, key: Key, cert: Key) {
        let i = self.cap + slot;
        self.sum[i] = excess;
        self.pref[i] = excess;
        self.kmax[i] = key;
        self.mmax[i] = cert;
    }

    fn set(&mut self, slot: usize, excess: f64, key: Key, cert: Key) {
        self.set_leaf(slot, excess, key, cert);
        let mut i = (self.cap + slot) / 2;
        while i >= 1 {
            self.pull(i);
            i /= 2;
        }
    }

    fn rebuild(&mut self) {
        for i in (1..self.cap).rev() {
            self.pull(i);
        }
    }

    /// The largest slot in `lo..=hi` whose key (`certs`: certificate) is greater than `t`.
    fn last_above(&self, lo: usize, hi: usize, t: Key, certs: bool) -> Option<usize> {
        if lo > hi {
            return None;
        }
        let arr = if certs { &self.mmax } else { &self.kmax };
        Self::last_above_in(arr, 1, 0, self.cap - 1, lo, hi, t)
    }

    fn last_above_in(
        arr: &[Key],
        i: usize,
        nl: usize,
        nr: usize,
        lo: usize,
        hi: usize,
        t: Key,
    ) -> Option<usize> {
        if nr < lo || nl > hi || arr[i] <= t {
            return None;
        }
        if nl == nr {
            return Some(nl);
        }
        let mid = (nl + nr) / 2;
        Self::last_above_in(arr, 2 * i + 1, mid + 1, nr, lo, hi, t)
            .or_else(|| Self::last_above_in(arr, 2 * i, nl, mid, lo, hi, t))
    }
}

/// Work done by the last insert (for benchmarks and tests).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Work {
    /// Sequence positions the repair covered (0 if nothing moved).
    pub positions: usize,
    /// Adjacency entries read.
    pub edges: usize,
    /// Whether a column's weight changed (its degree reached a power of two).
    pub column_refresh: bool,
}

/// The incremental dense-block engine with local reordering (see the module documentation).
#[derive(Clone, Debug)]
pub struct LocalPeel {
    metric: Metric,
    row_prior: Vec<f64>,
    col_prior: Vec<f64>,
    threshold: Option<f64>,
    n_rows: u32,
    n_cols: u32,
    /// Per node: (neighbour node, raw weight).
    adj: Vec<Vec<(u32, f64)>>,
    colsum: Vec<f64>,
    /// `h(b(d_j))` per column.
    cw: Vec<f64>,
    /// Slot → node; slot 0 is peeled last.
    seq: Vec<u32>,
    /// Node → slot (`u32::MAX`: no such node).
    pos: Vec<u32>,
    /// Node → peeling weight `Δ`.
    delta: Vec<f64>,
    /// Node → certificate: a lower bound on every key among the nodes not yet peeled when this
    /// node is (equal to `Δ` while the slack is 0).
    cert: Vec<f64>,
    /// Slack `ε` (see [`LocalPeel::with_slack`]).
    slack: f64,
    tree: SlotTree,
    n_edges: usize,
    edges_seen: u64,
    above: bool,
    work: Work,
    // Scratch of a repair, reset after each.
    state: Vec<u8>,
    extra: Vec<f64>,
    npend: Vec<u32>,
    pkey: Vec<f64>,
    touched: Vec<u32>,
    heap: BinaryHeap<Reverse<(Key, u32)>>,
    /// Highest slot of the region being repaired.
    region: usize,
    /// Pending nodes the walk has not reached.
    ahead: usize,
    /// The walk ends below this slot (and with nothing pending).
    stop_below: usize,
}

const FREE: u8 = 0;
/// Pending, and already passed by the walk.
const PENDING: u8 = 1;
const PLACED: u8 = 2;
/// Pending, at a slot the walk has not reached.
const AHEAD: u8 = 3;

impl LocalPeel {
    /// An engine over `initial` (peeled once now, `O(|E| log |V|)`), reporting crossings of
    /// `threshold` (`None`: no events).
    pub fn new(initial: &Bipartite, opts: &Options, threshold: Option<f64>) -> LocalPeel {
        let (m, n) = (initial.n_rows() as u32, initial.n_cols() as u32);
        let nodes = 2 * m.max(n) as usize;
        let finite = |p: &Option<Vec<f64>>| {
            p.as_ref()
                .map(|p| {
                    p.iter()
                        .map(|x| if x.is_finite() { *x } else { 0.0 })
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut s = LocalPeel {
            metric: opts.metric,
            row_prior: finite(&opts.row_prior),
            col_prior: finite(&opts.col_prior),
            threshold: threshold.filter(|t| t.is_finite()),
            n_rows: m,
            n_cols: n,
            adj: vec![Vec::new(); nodes],
            colsum: vec![0.0; n as usize],
            cw: vec![0.0; n as usize],
            seq: Vec::with_capacity((m + n) as usize),
            pos: vec![u32::MAX; nodes],
            delta: vec![0.0; nodes],
            cert: vec![0.0; nodes],
            slack: 0.0,
            tree: SlotTree::new((m + n) as usize),
            n_edges: initial.n_edges(),
            edges_seen: initial.n_edges() as u64,
            above: false,
            work: Work::default(),
            state: vec![FREE; nodes],
            extra: vec![0.0; nodes],
            npend: vec![0; nodes],
            pkey: vec![0.0; nodes],
            touched: Vec::new(),
            heap: BinaryHeap::new(),
            region: 0,
            ahead: 0,
            stop_below: 0,
        };
        for r in 0..m {
            let (cols, ws) = initial.row(r);
            s.adj[row_node(r) as usize] = cols
                .iter()
                .zip(ws)
                .map(|(&c, &w)| (col_node(c), w))
                .collect();
        }
        for c in 0..n {
            let (rows, ws) = initial.col(c);
            s.adj[col_node(c) as usize] = rows
                .iter()
                .zip(ws)
                .map(|(&r, &w)| (row_node(r), w))
                .collect();
            s.colsum[c as usize] = ws.iter().sum();
            s.cw[c as usize] = s.metric.column_weight(bucket(s.colsum[c as usize]));
        }
        s.initial_peel();
        s.above = s.excess_above();
        s
    }

    /// A static greedy peel of everything (both sides to the end), filling `seq`, `pos`, `delta`.
    fn initial_peel(&mut self) {
        let (m, n) = (self.n_rows, self.n_cols);
        let rk: Vec<f64> = (0..m).map(|r| self.full_key(row_node(r))).collect();
        let ck: Vec<f64> = (0..n).map(|c| self.full_key(col_node(c))).collect();
        let (mut rows, mut cols) = (MinTree::new(rk), MinTree::new(ck));
        let mut order = Vec::with_capacity((m + n) as usize);
        loop {
            let r = rows.min().filter(|(_, k)| k.is_finite());
            let c = cols.min().filter(|(_, k)| k.is_finite());
            let (v, k) = match (r, c) {
                (Some((r, rk)), Some((_, ck))) if rk <= ck => (row_node(r), rk),
                (Some(_), Some((c, ck))) | (None, Some((c, ck))) => (col_node(c), ck),
                (Some((r, rk)), None) => (row_node(r), rk),
                (None, None) => break,
            };
            if is_col(v) {
                cols.remove(id_of(v));
            } else {
                rows.remove(id_of(v));
            }
            for &(y, w) in &self.adj[v as usize] {
                let amount = self.c(v, y, w);
                if is_col(y) {
                    if cols.key(id_of(y)).is_finite() {
                        cols.decrease(id_of(y), amount);
                    }
                } else if rows.key(id_of(y)).is_finite() {
                    rows.decrease(id_of(y), amount);
                }
            }
            self.delta[v as usize] = k;
            self.cert[v as usize] = k;
            order.push(v);
        }
        self.seq = order.into_iter().rev().collect();
        for (slot, &v) in self.seq.iter().enumerate() {
            self.pos[v as usize] = slot as u32;
        }
        self.tree = SlotTree::new(self.seq.len().max(1) * 2);
        for slot in 0..self.seq.len() {
            let (e, k, m) = self.leaf(self.seq[slot]);
            self.tree.set_leaf(slot, e, k, m);
        }
        self.tree.rebuild();
    }

    /// The tree leaf of node `v`: excess over θ, key, certificate.
    fn leaf(&self, v: u32) -> (f64, Key, Key) {
        let d = self.delta[v as usize];
        (
            d - self.theta(),
            Key(d, tie(v)),
            Key(self.cert[v as usize], tie(v)),
        )
    }

    /// Allows each node's peeling weight to exceed the smallest key among the nodes left at its
    /// turn by the factor `1 + slack` (clamped to ≥ 0): an insert that raises a node's weight by
    /// less than that keeps the sequence as it is (`O(log n)`), and a repair stops moving a node
    /// as soon as it is within the factor. The densest suffix is then at least
    /// `1 / (2 (1 + slack))` of the optimum instead of ½ (the greedy bound's proof with the
    /// minimum relaxed by that factor). 0 (the default) maintains the exact greedy order.
    pub fn with_slack(mut self, slack: f64) -> LocalPeel {
        self.slack = if slack.is_finite() {
            slack.max(0.0)
        } else {
            0.0
        };
        self
    }

    fn theta(&self) -> f64 {
        self.threshold.unwrap_or(0.0)
    }

    fn prior(&self, v: u32) -> f64 {
        let p = if is_col(v) {
            &self.col_prior
        } else {
            &self.row_prior
        };
        p.get(id_of(v) as usize).copied().unwrap_or(0.0)
    }

    /// Suspiciousness of the edge between `a` and `b` of raw weight `w`.
    fn c(&self, a: u32, b: u32, w: f64) -> f64 {
        let col = if is_col(a) { a } else { b };
        w * self.cw[id_of(col) as usize]
    }

    /// Prior plus all edges: the key in the whole graph.
    fn full_key(&self, v: u32) -> f64 {
        self.adj[v as usize]
            .iter()
            .fold(self.prior(v), |s, &(y, w)| s + self.c(v, y, w))
    }

    /// Number of rows.
    pub fn n_rows(&self) -> usize {
        self.n_rows as usize
    }

    /// Number of columns.
    pub fn n_cols(&self) -> usize {
        self.n_cols as usize
    }

    /// Number of distinct edges of weight > 0.
    pub fn n_edges(&self) -> usize {
        self.n_edges
    }

    /// What the last insert cost.
    pub fn last_work(&self) -> Work {
        self.work
    }

    /// The peeling sequence (first peeled first) with each node's peeling weight.
    pub fn sequence(&self) -> impl Iterator<Item = (crate::peel::Node, f64)> + '_ {
        self.seq.iter().rev().map(|&v| {
            let node = if is_col(v) {
                crate::peel::Node::Col(id_of(v))
            } else {
                crate::peel::Node::Row(id_of(v))
            };
            (node, self.delta[v as usize])
        })
    }

    /// The current graph with raw weights (`O(|E|)`).
    pub fn graph(&self) -> Bipartite {
        let mut b = GraphBuilder::new();
        b.reserve_nodes(self.n_rows, self.n_cols);
        for r in 0..self.n_rows {
            for &(c, w) in &self.adj[row_node(r) as usize] {
                b.add_edge(r, id_of(c), w);
            }
        }
        b.build()
    }

    /// The graph the engine peels: each edge's weight is its suspiciousness `w · h(b(d_j))`, to
    /// be peeled with [`Metric::AvgDegree`] (for checks against the static peel).
    pub fn weighted_graph(&self) -> Bipartite {
        let mut b = GraphBuilder::new();
        b.reserve_nodes(self.n_rows, self.n_cols);
        for r in 0..self.n_rows {
            let v = row_node(r);
            for &(c, w) in &self.adj[v as usize] {
                b.add_edge(r, id_of(c), self.c(v, c, w));
            }
        }
        b.build()
    }

    fn excess_above(&self) -> bool {
        self.threshold.is_some() && !self.seq.is_empty() && self.tree.pref[1] >= 0.0
    }

    /// Whether some suffix of the sequence has density ≥ the threshold (`false` without one).
    pub fn above_threshold(&self) -> bool {
        self.above
    }

    /// The densest suffix of the sequence (`O(n)`): the whole graph, then after each removal,
    /// until a side is empty; the first strict maximum, as [`crate::fraudar`].
    pub fn block(&self) -> Block {
        let n = self.seq.len();
        let mut total = self
            .seq
            .iter()
            .rev()
            .fold(0.0, |s, &v| s + self.delta[v as usize]);
        let (mut rows_left, mut cols_left) = (self.n_rows as usize, self.n_cols as usize);
        let mut best = if n == 0 { 0.0 } else { total / n as f64 };
        let mut best_removed = 0;
        let mut removed = 0;
        while rows_left > 0 && cols_left > 0 {
            let v = self.seq[n - 1 - removed];
            total -= self.delta[v as usize];
            removed += 1;
            if is_col(v) {
                cols_left -= 1;
            } else {
                rows_left -= 1;
            }
            let score = total / (rows_left + cols_left) as f64;
            if score > best {
                best = score;
                best_removed = removed;
            }
        }
        let (mut rows, mut cols) = (Vec::new(), Vec::new());
        for &v in &self.seq[..n - best_removed] {
            if is_col(v) {
                cols.push(id_of(v));
            } else {
                rows.push(id_of(v));
            }
        }
        rows.sort_unstable();
        cols.sort_unstable();
        Block {
            rows,
            cols,
            score: best,
        }
    }

    /// Up to `k` blocks of density ≥ `min_density`, densest first: repeated peeling
    /// ([`detect_multiple`]) of the subgraph induced by the suffix of the sequence that starts at
    /// the first node whose peeling weight is ≥ `min_density` (see the module documentation for
    /// why every block of that density has one inside it), on the engine's edge weights.
    /// Cost: that suffix, not the graph.
    pub fn top_blocks(&self, min_density: f64, k: usize) -> Vec<Block> {
        if self.seq.is_empty() || k == 0 {
            return Vec::new();
        }
        // The first peeled node with Δ ≥ min_density: the largest slot whose key is ≥ (θ, 0)
        // (`last_above` is strict; only row 0 has the tie-break 0).
        let t = Key(min_density, 0);
        let strict = self.tree.last_above(0, self.seq.len() - 1, t, false);
        let row0 = (self.n_rows > 0 && self.delta[0] == min_density).then(|| self.pos[0] as usize);
        let Some(first) = strict.max(row0) else {
            return Vec::new();
        };
        let members = &self.seq[..=first];
        let (mut rows, mut cols): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
        for &v in members {
            if is_col(v) {
                cols.push(id_of(v));
            } else {
                rows.push(id_of(v));
            }
        }
        rows.sort_unstable();
        cols.sort_unstable();
        let mut b = GraphBuilder::new();
        b.reserve_nodes(rows.len() as u32, cols.len() as u32);
        for (i, &r) in rows.iter().enumerate() {
            let v = row_node(r);
            for &(c, w) in &self.adj[v as usize] {
                if let Ok(j) = cols.binary_search(&id_of(c)) {
                    b.add_edge(i as u32, j as u32, self.c(v, c, w));
                }
            }
        }
        let sub = b.build();
        let pick = |p: &Vec<f64>, ids: &[u32]| -> Option<Vec<f64>> {
            (!p.is_empty()).then(|| {
                ids.iter()
                    .map(|&i| p.get(i as usize).copied().unwrap_or(0.0))
                    .collect()
            })
        };
        let opts = Options {
            metric: Metric::AvgDegree,
            row_prior: pick(&self.row_prior, &rows),
            col_prior: pick(&self.col_prior, &cols),
        };
        detect_multiple(&sub, &opts, k)
            .into_iter()
            .filter(|b| b.score >= min_density)
            .map(|b| Block {
                rows: b.rows.iter().map(|&i| rows[i as usize]).collect(),
                cols: b.cols.iter().map(|&j| cols[j as usize]).collect(),
                score: b.score,
            })
            .collect()
    }

    /// Inserts one edge (weight finite and ≥ 0; 0 only makes its nodes exist; a repeated pair adds
    /// to the edge's weight). Returns the threshold crossing it caused, if any.
    pub fn insert(&mut self, row: u32, col: u32, weight: f64) -> Result<Option<Event>, BadWeight> {
        if !(weight.is_finite() && weight >= 0.0) {
            return Err(BadWeight(weight));
        }
        self.edges_seen += 1;
        self.work = Work::default();
        while self.n_rows <= row {
            self.add_node(row_node(self.n_rows));
            self.n_rows += 1;
        }
        while self.n_cols <= col {
            self.add_node(col_node(self.n_cols));
            self.colsum.push(0.0);
            self.cw.push(self.metric.column_weight(0.0));
            self.n_cols += 1;
        }
        if weight > 0.0 {
            self.add_edge(row, col, weight);
        }
        Ok(self.check())
    }

    /// Inserts edges in order; stops at the first bad weight (edges before it are kept). Returns
    /// the crossings.
    pub fn insert_batch(
        &mut self,
        edges: impl IntoIterator<Item = (u32, u32, f64)>,
    ) -> Result<Vec<Event>, BadWeight> {
        let mut events = Vec::new();
        for (r, c, w) in edges {
            events.extend(self.insert(r, c, w)?);
        }
        Ok(events)
    }

    fn check(&mut self) -> Option<Event> {
        let above = self.excess_above();
        if above == self.above {
            return None;
        }
        self.above = above;
        Some(Event {
            crossing: if above { Crossing::Up } else { Crossing::Down },
            threshold: self.threshold.unwrap_or(f64::INFINITY),
            block: self.block(),
            edges_seen: self.edges_seen,
        })
    }

    fn grow(&mut self, v: u32) {
        let need = v as usize + 1;
        if self.adj.len() < need {
            let len = need.max(self.adj.len() * 5 / 4);
            self.adj.resize_with(len, Vec::new);
            self.pos.resize(len, u32::MAX);
            self.delta.resize(len, 0.0);
            self.state.resize(len, FREE);
            self.extra.resize(len, 0.0);
            self.npend.resize(len, 0);
            self.pkey.resize(len, 0.0);
            self.cert.resize(len, 0.0);
        }
    }

    /// A new isolated node: peeled first, then moved to its place among the other light nodes.
    fn add_node(&mut self, v: u32) {
        self.grow(v);
        let slot = self.seq.len();
        if slot >= self.tree.cap {
            let mut t = SlotTree::new(self.tree.cap * 2);
            for (s, &u) in self.seq.iter().enumerate() {
                let (e, k, m) = self.leaf(u);
                t.set_leaf(s, e, k, m);
            }
            t.rebuild();
            self.tree = t;
        }
        self.seq.push(v);
        self.pos[v as usize] = slot as u32;
        let d = self.prior(v);
        self.delta[v as usize] = d;
        self.cert[v as usize] = d;
        let (e, k, m) = self.leaf(v);
        self.tree.set(slot, e, k, m);
        self.repair(slot, &[v]);
    }

    fn add_edge(&mut self, row: u32, col: u32, w: f64) {
        let (r, c) = (row_node(row), col_node(col));
        let j = col as usize;
        self.colsum[j] += w;
        let cw = self.metric.column_weight(bucket(self.colsum[j]));
        // The pair, looked up in the shorter list.
        let (short, other) = if self.adj[r as usize].len() <= self.adj[c as usize].len() {
            (r, c)
        } else {
            (c, r)
        };
        match self.adj[short as usize]
            .iter()
            .position(|&(y, _)| y == other)
        {
            Some(i) => {
                self.adj[short as usize][i].1 += w;
                if let Some(e) = self.adj[other as usize].iter_mut().find(|e| e.0 == short) {
                    e.1 += w;
                }
            }
            None => {
                self.adj[r as usize].push((c, w));
                self.adj[c as usize].push((r, w));
                self.n_edges += 1;
            }
        }
        if cw == self.cw[j] {
            // Only keys go up: the endpoint peeled first is the earliest that can be misplaced.
            let a = if self.pos[r as usize] > self.pos[c as usize] {
                r
            } else {
                c
            };
            // Within the slack, `a` keeps its turn: every key only rose, so its certificate
            // still bounds the keys left at its turn.
            let cxy = w * cw;
            let ai = a as usize;
            if self.slack > 0.0 && self.delta[ai] + cxy <= (1.0 + self.slack) * self.cert[ai] {
                self.delta[ai] += cxy;
                let slot = self.pos[ai] as usize;
                let (e, k, m) = self.leaf(a);
                self.tree.set(slot, e, k, m);
                return;
            }
            self.repair(self.pos[ai] as usize, &[a]);
        } else {
            // The column's weight changed: every edge of it changed.
            self.cw[j] = cw;
            self.work.column_refresh = true;
            let mut changed: Vec<u32> = self.adj[c as usize].iter().map(|e| e.0).collect();
            changed.push(c);
            let start = changed.iter().map(|&x| self.earliest(x)).max().unwrap_or(0);
            self.repair(start, &changed);
        }
    }

    /// The earliest position (largest slot) at which `x`, with its current edges, would undercut
    /// the node the sequence peels there; `x`'s own slot if none.
    fn earliest(&mut self, x: u32) -> usize {
        let px = self.pos[x as usize] as usize;
        let top = self.seq.len() - 1;
        // Neighbours peeled before x (slot above px), by slot ascending; K over slots (px, top]:
        // prior + edges to nodes whose slot is ≤ the slot considered.
        let mut before: Vec<(usize, f64)> = Vec::new();
        let mut k = self.prior(x);
        for &(y, w) in &self.adj[x as usize] {
            let py = self.pos[y as usize] as usize;
            let cxy = self.c(x, y, w);
            if py < px {
                k += cxy;
            } else {
                before.push((py, cxy));
            }
        }
        self.work.edges += self.adj[x as usize].len();
        before.sort_unstable_by_key(|e| e.0);
        let total: f64 = before.iter().fold(k, |s, e| s + e.1);
        // Segments from the top down; the first hit is the earliest position.
        let mut key = total;
        let mut hi = top;
        for &(py, cxy) in before.iter().rev() {
            if let Some(s) = self.tree.last_above(py, hi, Key(key, tie(x)), true) {
                return s.max(px);
            }
            key -= cxy;
            hi = py - 1;
        }
        self.tree
            .last_above(px + 1, hi, Key(key, tie(x)), true)
            .unwrap_or(px)
            .max(px)
    }

    fn touch(&mut self, v: u32) {
        if self.state[v as usize] == FREE && self.npend[v as usize] == 0 {
            self.touched.push(v);
        }
    }

    fn pending(&self, v: u32) -> bool {
        matches!(self.state[v as usize], PENDING | AHEAD)
    }

    fn make_pending(&mut self, x: u32, key: f64, state: u8) {
        self.touch(x);
        self.state[x as usize] = state;
        if state == AHEAD {
            self.ahead += 1;
        }
        // The walk must pass every node that becomes pending ahead of it.
        self.stop_below = self.stop_below.min(self.pos[x as usize] as usize);
        self.pkey[x as usize] = key;
        self.heap.push(Reverse((Key(key, tie(x)), x)));
    }

    /// Re-establishes the greedy order from slot `start` downwards (peel order forwards), given
    /// that the keys of `changed` (all at slots ≤ `start`) may have changed and every changed
    /// edge has both ends in `changed`.
    fn repair(&mut self, start: usize, changed: &[u32]) {
        self.region = start;
        self.heap.clear();
        self.ahead = 0;
        self.stop_below = start + 1;
        for &x in changed {
            if self.state[x as usize] != FREE {
                continue;
            }
            let px = self.pos[x as usize] as usize;
            let key = self.key_in_region(x);
            self.make_pending(x, key, if px < start { AHEAD } else { PENDING });
        }
        for &x in changed {
            self.announce_pending(x);
        }
        let mut out: Vec<(u32, f64, f64)> = Vec::new();
        let grow = 1.0 + self.slack;
        let mut h = start as isize;
        loop {
            while h >= 0 {
                let v = self.seq[h as usize];
                match self.state[v as usize] {
                    FREE => break,
                    AHEAD => {
                        self.state[v as usize] = PENDING;
                        self.ahead -= 1;
                    }
                    _ => {}
                }
                h -= 1;
            }
            while let Some(&Reverse((k, v))) = self.heap.peek() {
                if self.pending(v) && self.pkey[v as usize] == k.0 {
                    break;
                }
                self.heap.pop();
            }
            let pmin = self.heap.peek().map(|Reverse(e)| *e);
            if h < 0 {
                match pmin {
                    Some((k, v)) => {
                        self.heap.pop();
                        self.place(v, &mut out, k.0);
                        continue;
                    }
                    None => break,
                }
            }
            if pmin.is_none() && (h as usize) < self.stop_below {
                break;
            }
            // Every free node not reached yet has a key ≥ the head's certificate.
            let x = self.seq[h as usize];
            let bound = Key(self.cert[x as usize], tie(x));
            let dx = Key(self.delta[x as usize], tie(x));
            let fits = |k: Key, limit: Key| {
                if grow == 1.0 {
                    !limit.less(k)
                } else {
                    k.0 <= grow * limit.0
                }
            };
            match pmin {
                Some((k, v)) if k.less(bound) || (grow > 1.0 && fits(k, bound)) => {
                    self.heap.pop();
                    let c = k.0.min(bound.0);
                    self.place(v, &mut out, c);
                }
                _ if self.npend[x as usize] == 0
                    && fits(dx, pmin.map_or(bound, |(k, _)| k.min(bound))) =>
                {
                    let c = pmin.map_or(bound.0, |(k, _)| k.0.min(bound.0));
                    self.place(x, &mut out, c);
                    h -= 1;
                }
                _ => {
                    let key = self.delta[x as usize] + self.extra[x as usize];
                    self.make_pending(x, key, PENDING);
                    self.announce_pending(x);
                    h -= 1;
                }
            }
        }
        // Write back slots start, start-1, … (out is in peel order).
        debug_assert_eq!(start as isize + 1 - out.len() as isize, h + 1);
        for (k, &(v, d, m)) in out.iter().enumerate() {
            let slot = start - k;
            let same =
                self.seq[slot] == v && self.delta[v as usize] == d && self.cert[v as usize] == m;
            self.seq[slot] = v;
            self.pos[v as usize] = slot as u32;
            self.delta[v as usize] = d;
            self.cert[v as usize] = m;
            if !same {
                let (e, kk, mm) = self.leaf(v);
                self.tree.set(slot, e, kk, mm);
            }
        }
        self.work.positions = self.work.positions.max(out.len());
        for v in std::mem::take(&mut self.touched) {
            self.state[v as usize] = FREE;
            self.extra[v as usize] = 0.0;
            self.npend[v as usize] = 0;
        }
    }

    /// `x`'s key among the nodes of the repaired region (slots ≤ `region`) not placed yet.
    fn key_in_region(&mut self, x: u32) -> f64 {
        self.work.edges += self.adj[x as usize].len();
        self.adj[x as usize]
            .iter()
            .fold(self.prior(x), |s, &(y, w)| {
                let py = self.pos[y as usize] as usize;
                if py <= self.region && self.state[y as usize] != PLACED {
                    s + self.c(x, y, w)
                } else {
                    s
                }
            })
    }

    /// `x` became pending: the free nodes peeled after it now count its edge in their key.
    fn announce_pending(&mut self, x: u32) {
        let px = self.pos[x as usize];
        self.work.edges += self.adj[x as usize].len();
        for i in 0..self.adj[x as usize].len() {
            let (y, w) = self.adj[x as usize][i];
            if self.pos[y as usize] < px && self.state[y as usize] == FREE {
                let cxy = self.c(x, y, w);
                self.touch(y);
                self.extra[y as usize] += cxy;
                self.npend[y as usize] += 1;
            }
        }
    }

    /// Places `x` next. Its neighbours' keys lose the shared edge: pending ones in the heap; free
    /// ones peeled after it lose what `announce_pending` added; and if `x` was ahead of the walk
    /// (placed before its old turn), its free neighbours in the region become pending, because
    /// the old order's bound on their keys counted `x`.
    fn place(&mut self, x: u32, out: &mut Vec<(u32, f64, f64)>, cert: f64) {
        let st = self.state[x as usize];
        let was_pending = matches!(st, PENDING | AHEAD);
        if st == AHEAD {
            self.ahead -= 1;
        }
        let key = if was_pending {
            self.pkey[x as usize]
        } else {
            self.delta[x as usize]
        };
        self.touch(x);
        self.state[x as usize] = PLACED;
        out.push((x, key, cert.min(key)));
        // A node keeping its turn has no pending neighbour peeled before it; pending ones peeled
        // after it exist only while some pending node is ahead of the walk.
        if !was_pending && self.ahead == 0 {
            return;
        }
        let px = self.pos[x as usize];
        self.work.edges += self.adj[x as usize].len();
        let mut promote: Vec<u32> = Vec::new();
        for i in 0..self.adj[x as usize].len() {
            let (y, w) = self.adj[x as usize][i];
            let yi = y as usize;
            match self.state[yi] {
                PENDING | AHEAD => {
                    self.pkey[yi] -= self.c(x, y, w);
                    self.heap.push(Reverse((Key(self.pkey[yi], tie(y)), y)));
                }
                // x was ahead of the walk: every node of the region not reached yet had x in
                // its key when the old order was made, so none has a known lower bound now.
                FREE if st == AHEAD && (self.pos[yi] as usize) <= self.region => {
                    promote.push(y);
                }
                FREE if was_pending && self.pos[yi] < px => {
                    self.extra[yi] -= self.c(x, y, w);
                    self.npend[yi] -= 1;
                }
                _ => {}
            }
        }
        for y in promote {
            if self.state[y as usize] != FREE {
                continue;
            }
            let key = self.key_in_region(y);
            self.make_pending(y, key, AHEAD);
            self.announce_pending(y);
        }
    }
}
