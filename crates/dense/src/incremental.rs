//! Incremental mode: edges arrive one by one (or in batches); the densest block is kept up to
//! date and threshold crossings are reported as events.

use crate::graph::{BadWeight, Bipartite};
use crate::multi::detect_multiple;
use crate::peel::{Block, Options, fraudar};

/// Which way the block's score crossed the threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Crossing {
    /// From below the threshold to at or above it.
    Up,
    /// From at or above the threshold to below it.
    Down,
}

/// Reported when the current block's score crosses the threshold.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Event {
    /// Up or down.
    pub crossing: Crossing,
    /// The threshold crossed.
    pub threshold: f64,
    /// The block (its score is the live score at the crossing).
    pub block: Block,
    /// Edges inserted so far (counting the initial graph's), when it happened.
    pub edges_seen: u64,
}

/// The dense-block engine fed by a stream of edges.
///
/// **Guarantee.** Two levels, both exact for the metric:
/// 1. After every re-peel — every `repeel_every` insertions, and on [`flush`](Self::flush) —
///    [`block`](Self::block) is *identical* (rows, columns, score to the bit) to
///    [`fraudar`] on the graph of all edges inserted so far (duplicates summed in insertion
///    order), because it is a full peel of that graph (merging the buffered edges is linear).
/// 2. Between re-peels, each insertion costs `O(1)`: it updates the column's weighted degree and,
///    if the edge touches the current block, the block's `f` (including the change of the
///    column's weight `h(d)`), so [`live_score`](Self::live_score) is the block's score on the
///    *current* graph (to rounding) and a crossing of the threshold by that block is reported at
///    the insertion that causes it. A *new* block elsewhere is found at the next re-peel.
///
/// This is a batched scheme, not SPADE's local reordering of the peeling sequence: the order is
/// refreshed by a full peel per batch (`O(|E| log |V|)`), so the worst single insertion costs one
/// peel of the whole graph; see `docs/dense.md` for measured latencies.
#[derive(Clone, Debug)]
pub struct Incremental {
    opts: Options,
    threshold: f64,
    repeel_every: usize,
    /// Blocks kept at each re-peel (top-k by repeated peeling; 1 = FRAUDAR's best block).
    top_k: usize,
    /// The `top_k` blocks of the last re-peel, densest first (`blocks[0]` is `block`).
    blocks: Vec<Block>,
    n_rows: u32,
    n_cols: u32,
    /// The graph as of the last re-peel: edges sorted by (row, col), duplicates merged.
    edges: Vec<(u32, u32, f64)>,
    /// Inserted since the last re-peel, in insertion order.
    pending: Vec<(u32, u32, f64)>,
    edges_seen: u64,
    colsum: Vec<f64>,
    block: Block,
    in_rows: Vec<bool>,
    in_cols: Vec<bool>,
    /// Weight of the block's rows' edges into each column (0 outside the block).
    block_colsum: Vec<f64>,
    /// `f` of the block on the current graph.
    block_f: f64,
    above: bool,
    /// Something was inserted since the last re-peel (possibly only new nodes).
    dirty: bool,
}

impl Incremental {
    /// An engine over `initial` (peeled once now) reporting crossings of `threshold`, re-peeling
    /// after every `repeel_every` insertions (at least 1).
    pub fn new(initial: &Bipartite, opts: Options, threshold: f64, repeel_every: usize) -> Self {
        let edges: Vec<(u32, u32, f64)> = initial.edges().collect();
        let mut s = Incremental {
            opts,
            threshold,
            repeel_every: repeel_every.max(1),
            top_k: 1,
            blocks: Vec::new(),
            n_rows: initial.n_rows() as u32,
            n_cols: initial.n_cols() as u32,
            edges_seen: edges.len() as u64,
            edges,
            pending: Vec::new(),
            colsum: Vec::new(),
            block: Block {
                rows: vec![],
                cols: vec![],
                score: 0.0,
            },
            in_rows: Vec::new(),
            in_cols: Vec::new(),
            block_colsum: Vec::new(),
            block_f: 0.0,
            above: false,
            dirty: false,
        };
        s.colsum = (0..initial.n_cols() as u32)
            .map(|c| initial.col(c).1.iter().fold(0.0, |a, &w| a + w))
            .collect();
        let mut events = Vec::new();
        s.repeel(&mut events);
        s
    }

    /// Keeps the `k` densest blocks (by repeated peeling, as [`detect_multiple`]) at every re-peel
    /// instead of only the best one; re-peels now. Threshold events still follow the best block.
    pub fn with_top_k(mut self, k: usize) -> Self {
        self.top_k = k.max(1);
        let mut events = Vec::new();
        self.repeel(&mut events);
        self
    }

    /// The blocks of the last re-peel, densest first: at most `k` of
    /// [`with_top_k`](Self::with_top_k) (1 by default), each exactly as [`detect_multiple`]
    /// returns it on the graph as of that re-peel (call [`flush`](Self::flush) first to include
    /// pending edges).
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The current block (see the guarantee above for when it is the exact peel result).
    pub fn block(&self) -> &Block {
        &self.block
    }

    /// The current block's score on the current graph, including edges not yet re-peeled.
    pub fn live_score(&self) -> f64 {
        self.block_f / (self.block.rows.len() + self.block.cols.len()).max(1) as f64
    }

    /// Edges inserted but not yet re-peeled.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// The current graph, with the pending edges merged (`O(|E|)`).
    pub fn graph(&self) -> Bipartite {
        Bipartite::from_sorted(self.n_rows, self.n_cols, &merge(&self.edges, &self.pending))
    }

    /// Inserts one edge (weight finite and ≥ 0; 0 only counts the edge as seen). Returns the
    /// threshold crossings it caused (usually none).
    pub fn insert(&mut self, row: u32, col: u32, weight: f64) -> Result<Vec<Event>, BadWeight> {
        let mut events = Vec::new();
        self.insert_into(row, col, weight, &mut events)?;
        Ok(events)
    }

    /// Inserts a batch; stops at the first bad weight (edges before it are kept).
    pub fn insert_batch(
        &mut self,
        edges: impl IntoIterator<Item = (u32, u32, f64)>,
    ) -> Result<Vec<Event>, BadWeight> {
        let mut events = Vec::new();
        for (r, c, w) in edges {
            self.insert_into(r, c, w, &mut events)?;
        }
        Ok(events)
    }

    /// Re-peels now if anything is pending; returns the crossings this causes.
    pub fn flush(&mut self) -> Vec<Event> {
        let mut events = Vec::new();
        if self.dirty {
            self.repeel(&mut events);
        }
        events
    }

    fn insert_into(
        &mut self,
        row: u32,
        col: u32,
        weight: f64,
        events: &mut Vec<Event>,
    ) -> Result<(), BadWeight> {
        if !(weight.is_finite() && weight >= 0.0) {
            return Err(BadWeight(weight));
        }
        self.edges_seen += 1;
        self.dirty = true;
        // As `GraphBuilder`: a weight-0 edge adds no edge but its nodes exist.
        self.n_rows = self.n_rows.max(row.saturating_add(1));
        self.n_cols = self.n_cols.max(col.saturating_add(1));
        if weight == 0.0 {
            return Ok(());
        }
        let c = col as usize;
        if c >= self.colsum.len() {
            self.colsum.resize(c + 1, 0.0);
        }
        let old = self.colsum[c];
        self.colsum[c] = old + weight;
        if self.in_cols.get(c).copied().unwrap_or(false) {
            let h = |d| self.opts.metric.column_weight(d);
            let (h_old, h_new) = (h(old), h(old + weight));
            let inside = self.block_colsum[c];
            self.block_f += inside * (h_new - h_old);
            if self.in_rows.get(row as usize).copied().unwrap_or(false) {
                self.block_colsum[c] = inside + weight;
                self.block_f += weight * h_new;
            }
        }
        self.pending.push((row, col, weight));
        if self.pending.len() >= self.repeel_every {
            self.repeel(events);
        } else {
            self.check(events);
        }
        Ok(())
    }

    fn repeel(&mut self, events: &mut Vec<Event>) {
        self.edges = merge(&self.edges, &self.pending);
        self.pending.clear();
        self.dirty = false;
        let g = Bipartite::from_sorted(self.n_rows, self.n_cols, &self.edges);
        // `detect_multiple`'s first block is `fraudar`'s; with no edge it returns none, while the
        // best block of an edgeless graph is still `fraudar`'s (so `block` never changes meaning).
        self.blocks = if self.top_k > 1 && g.n_edges() > 0 {
            detect_multiple(&g, &self.opts, self.top_k)
        } else {
            vec![fraudar(&g, &self.opts)]
        };
        self.block = self.blocks[0].clone();
        self.in_rows = vec![false; g.n_rows()];
        self.in_cols = vec![false; g.n_cols()];
        for &r in &self.block.rows {
            self.in_rows[r as usize] = true;
        }
        for &c in &self.block.cols {
            self.in_cols[c as usize] = true;
        }
        self.block_colsum = vec![0.0; g.n_cols()];
        for &c in &self.block.cols {
            let (rows, ws) = g.col(c);
            self.block_colsum[c as usize] = rows
                .iter()
                .zip(ws)
                .filter(|(r, _)| self.in_rows[**r as usize])
                .fold(0.0, |a, (_, &w)| a + w);
        }
        self.block_f = self.block.score * (self.block.rows.len() + self.block.cols.len()) as f64;
        self.check(events);
    }

    fn check(&mut self, events: &mut Vec<Event>) {
        let score = self.live_score();
        let above = score >= self.threshold;
        if above != self.above {
            self.above = above;
            let mut block = self.block.clone();
            block.score = score;
            events.push(Event {
                crossing: if above { Crossing::Up } else { Crossing::Down },
                threshold: self.threshold,
                block,
                edges_seen: self.edges_seen,
            });
        }
    }
}

/// Merges `new` (insertion order, may repeat pairs) into `sorted` (sorted, unique), summing
/// duplicate weights in insertion order. `O(|sorted| + |new| log |new|)`.
fn merge(sorted: &[(u32, u32, f64)], new: &[(u32, u32, f64)]) -> Vec<(u32, u32, f64)> {
    let mut batch = new.to_vec();
    batch.sort_by_key(|&(r, c, _)| (r, c)); // stable: insertion order within a pair
    let mut out: Vec<(u32, u32, f64)> = Vec::with_capacity(sorted.len() + batch.len());
    let (mut i, mut j) = (0, 0);
    while i < sorted.len() || j < batch.len() {
        let take_old = j == batch.len()
            || (i < sorted.len() && (sorted[i].0, sorted[i].1) <= (batch[j].0, batch[j].1));
        let e = if take_old {
            i += 1;
            sorted[i - 1]
        } else {
            j += 1;
            batch[j - 1]
        };
        match out.last_mut() {
            Some(last) if (last.0, last.1) == (e.0, e.1) => last.2 += e.2,
            _ => out.push(e),
        }
    }
    out
}
