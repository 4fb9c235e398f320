//! The streaming side of `fake_orders`: the account–merchant graph kept up to date as orders
//! arrive, and a finding (rule `fake_orders.dense_block`) for each merchant of a dense block as
//! soon as the block crosses the density threshold.
//!
//! Pure, like every detector: the caller feeds it the `orders` rows of acknowledged batches
//! ([`BrushingStream::add_orders`]) and asks for new findings as of a time it passes in
//! ([`BrushingStream::evaluate`]); it reads no clock, no file and no store. Where the rows come
//! from, and that a restart rebuilds this state from the stored orders, is the service's
//! concern (`tianping_service::stream`).
//!
//! Graph: rows = accounts (`platform_id` + `buyer_pid`), columns = merchants (`platform_id` +
//! `merchant_id`), one edge of weight 1 per distinct pair with at least one order that is not
//! cancelled **or at least one review** (`reviews`: `reviewer_pid` at `merchant_id`,
//! [`BrushingStream::add_reviews`]): a review is the account's statement that it bought there, and
//! rings leave five-star reviews for orders a feed may not carry (another platform's checkout,
//! an order batch that arrives later). The batch detector (`fake_orders.brushing_ring`) reads
//! reviews only as behavioural evidence, not as graph edges; the stream's edge rule is its own. Weights are 0/1 on purpose: an honest heavy buyer who orders fifty times from one
//! shop is one edge, not a block of weight 50, and a ring shows up by its breadth (many accounts
//! × several merchants), which repeat purchases cannot imitate. The engine is
//! `tianping_dense::Incremental` with FRAUDAR's logarithmic column weights, re-peeled after each
//! batch, keeping the `max_blocks` densest blocks by repeated peeling.
//!
//! Alert: a block whose score is at least `density_threshold` and whose fill (its edges ÷ rows ×
//! columns) is at least `min_fill` raises one finding per merchant of the block at which at least
//! `min_accounts` of the block's accounts ordered. The fill condition is needed because FRAUDAR's
//! score is not scale-free: in ordinary traffic the best block is often a large, sparse core of
//! hundreds of accounts and merchants (fill ≈ 0.01) whose score rivals a ring's. Subject = the
//! merchant, related = those accounts, window = the first and last order time over those
//! account–merchant pairs, evidence = the block's figures. **At most one streamed finding per
//! merchant**: a merchant already alerted (in this process, or stored before — see
//! [`BrushingStream::mark_alerted`]) is never alerted again by the stream; the batch detector
//! (`fake_orders.brushing_ring`, with the behavioural evidence) follows it up.
//!
//! Severity is `medium`: density alone is a lead for the case officer, not proof (loyal
//! customers of several related shops can be dense too).

use std::collections::BTreeSet;

use arrow::record_batch::RecordBatch;
use rustc_hash::FxHashMap;
use serde_json::json;
use tianping_dense::{Bipartite, Block, GraphBuilder, Incremental, Metric, Options};
use tianping_detect::columns::{Columns, china_time};
use tianping_detect::{DetectCtx, Draft, Finding, FindingSink, Ref, Severity, Window};

use super::RULES;

/// The rule the stream raises.
pub const RULE: &str = "fake_orders.dense_block";

/// Names interned in arrival order (ids are dense `u32`s).
#[derive(Default)]
struct Names {
    ids: FxHashMap<String, u32>,
    names: Vec<String>,
}

impl Names {
    fn id(&mut self, key: String) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(key.clone());
        self.ids.insert(key, id);
        id
    }
}

/// `platform_id` and an id, joined by a unit separator (never in a valid id).
fn key(platform: &str, id: &str) -> String {
    format!("{platform}\u{1f}{id}")
}

fn split(key: &str) -> (&str, &str) {
    key.split_once('\u{1f}').unwrap_or(("", key))
}

/// What [`BrushingStream::add_orders`] took from one record batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Added {
    /// Rows read.
    pub rows: u64,
    /// Rows skipped: cancelled, or without platform, merchant, buyer or order time.
    pub skipped: u64,
    /// Account–merchant pairs seen for the first time (new edges).
    pub new_edges: u64,
}

/// The incremental dense-block state of the order stream.
pub struct BrushingStream {
    accounts: Names,
    merchants: Names,
    /// First and last order time (ns) per account–merchant pair: the graph's edges.
    edges: FxHashMap<(u32, u32), (i64, i64)>,
    engine: Incremental,
    /// Merchant keys already alerted (`platform\u{1f}merchant`).
    alerted: BTreeSet<String>,
    density_threshold: f64,
    min_fill: f64,
    min_accounts: usize,
}

impl BrushingStream {
    /// An empty stream with the parameters of the `fake_orders.dense_block` version in force on
    /// `ctx`'s date (with `ctx`'s overrides). `None` if no version is in force then.
    pub fn new(ctx: &DetectCtx) -> Option<BrushingStream> {
        let rule = ctx.rule_in_force(&RULES, RULE)?;
        let p = |name| ctx.param(rule, name);
        let opts = Options {
            metric: Metric::Log,
            ..Options::default()
        };
        let empty = GraphBuilder::new().build();
        let engine = Incremental::new(&empty, opts, f64::INFINITY, usize::MAX)
            .with_top_k(p("max_blocks") as usize);
        Some(BrushingStream {
            accounts: Names::default(),
            merchants: Names::default(),
            edges: FxHashMap::default(),
            engine,
            alerted: BTreeSet::new(),
            density_threshold: p("density_threshold"),
            min_fill: p("min_fill"),
            min_accounts: p("min_accounts") as usize,
        })
    }

    /// Records that `merchant` of `platform` already has a streamed finding (e.g. one stored
    /// before a restart), so the stream never raises a second one.
    pub fn mark_alerted(&mut self, platform: &str, merchant: &str) {
        self.alerted.insert(key(platform, merchant));
    }

    /// Adds the rows of an `orders` record batch (columns `platform_id`, `merchant_id`,
    /// `buyer_pid`, `ordered_at`, `status`; others are ignored). Rows of a cancelled order or
    /// without those fields are skipped and counted. The edges wait in the engine until the next
    /// [`evaluate`](Self::evaluate).
    pub fn add_orders(&mut self, batch: &RecordBatch) -> Added {
        let c = Columns::new(batch);
        let (platform, merchant, buyer, status) = (
            c.text("platform_id"),
            c.text("merchant_id"),
            c.text("buyer_pid"),
            c.text("status"),
        );
        let at = c.time("ordered_at");
        let mut added = Added::default();
        for row in 0..c.len() {
            added.rows += 1;
            let (Some(pl), Some(m), Some(b), Some(t)) = (
                platform.get(row),
                merchant.get(row),
                buyer.get(row),
                at.get(row),
            ) else {
                added.skipped += 1;
                continue;
            };
            if status.get(row) == Some("cancelled") {
                added.skipped += 1;
                continue;
            }
            if self.add_pair(pl, b, m, t) {
                added.new_edges += 1;
            }
        }
        added
    }

    /// Adds the rows of a `reviews` record batch (columns `platform_id`, `merchant_id`,
    /// `reviewer_pid`, `created_at`; others are ignored): each review's account–merchant pair
    /// is an edge like an order's (weight 1 the first time the pair is seen, by order or review;
    /// the pair's window widened to the review's time). Rows without those fields are skipped
    /// and counted.
    pub fn add_reviews(&mut self, batch: &RecordBatch) -> Added {
        let c = Columns::new(batch);
        let (platform, merchant, reviewer) = (
            c.text("platform_id"),
            c.text("merchant_id"),
            c.text("reviewer_pid"),
        );
        let at = c.time("created_at");
        let mut added = Added::default();
        for row in 0..c.len() {
            added.rows += 1;
            let (Some(pl), Some(m), Some(b), Some(t)) = (
                platform.get(row),
                merchant.get(row),
                reviewer.get(row),
                at.get(row),
            ) else {
                added.skipped += 1;
                continue;
            };
            if self.add_pair(pl, b, m, t) {
                added.new_edges += 1;
            }
        }
        added
    }

    /// Records an order or review of account `buyer` at `merchant` at time `t` (ns); whether
    /// the pair is new (an edge added to the engine).
    fn add_pair(&mut self, platform: &str, buyer: &str, merchant: &str, t: i64) -> bool {
        let a = self.accounts.id(key(platform, buyer));
        let m = self.merchants.id(key(platform, merchant));
        match self.edges.get_mut(&(a, m)) {
            Some((first, last)) => {
                *first = (*first).min(t);
                *last = (*last).max(t);
                false
            }
            None => {
                self.edges.insert((a, m), (t, t));
                // Weight 1 is finite and positive: the engine cannot refuse it.
                let _ = self.engine.insert(a, m, 1.0);
                true
            }
        }
    }

    /// Accounts, merchants and edges in the graph.
    pub fn size(&self) -> (usize, usize, usize) {
        (
            self.accounts.names.len(),
            self.merchants.names.len(),
            self.edges.len(),
        )
    }

    /// The dense blocks as of the last [`evaluate`](Self::evaluate), densest first.
    pub fn blocks(&self) -> &[Block] {
        self.engine.blocks()
    }

    /// Re-peels with the edges added since the last call and returns the findings of merchants
    /// newly in a block at or above the threshold (sorted by id), marking them alerted. `ctx`
    /// gives the time of the evaluation (the rule version in force, hence the legal basis).
    pub fn evaluate(&mut self, ctx: &DetectCtx, detector_version: u32) -> Vec<Finding> {
        self.engine.flush();
        let mut sink = FindingSink::new("fake_orders", detector_version);
        let Some(rule) = ctx.rule_in_force(&RULES, RULE) else {
            return Vec::new();
        };
        let (n_accounts, n_merchants, n_edges) = self.size();
        let blocks: Vec<Block> = self.engine.blocks().to_vec();
        for (rank, block) in blocks.iter().enumerate() {
            if block.score < self.density_threshold || block.rows.len() < self.min_accounts {
                continue;
            }
            // Counted from the rows' side: a large sparse block costs its edges, not rows × cols.
            let block_cols: BTreeSet<u32> = block.cols.iter().copied().collect();
            let block_edges = self
                .edges
                .keys()
                .filter(|(r, c)| block_cols.contains(c) && block.rows.binary_search(r).is_ok())
                .count();
            let fill = block_edges as f64 / (block.rows.len() * block.cols.len()).max(1) as f64;
            if fill < self.min_fill {
                continue;
            }
            let mut block_merchants: Vec<Ref> = block
                .cols
                .iter()
                .map(|&c| {
                    let (p, m) = split(&self.merchants.names[c as usize]);
                    Ref::merchant(p, m)
                })
                .collect();
            block_merchants.sort();
            for &merchant in &block.cols {
                let merchant_key = &self.merchants.names[merchant as usize];
                if self.alerted.contains(merchant_key) {
                    continue;
                }
                let ring: Vec<(u32, (i64, i64))> = block
                    .rows
                    .iter()
                    .filter_map(|&r| self.edges.get(&(r, merchant)).map(|&w| (r, w)))
                    .collect();
                if ring.len() < self.min_accounts {
                    continue;
                }
                let from = ring.iter().map(|(_, w)| w.0).min().unwrap_or(0);
                let to = ring.iter().map(|(_, w)| w.1).max().unwrap_or(0);
                let mut related: Vec<Ref> = ring
                    .iter()
                    .map(|&(r, _)| Ref::person(split(&self.accounts.names[r as usize]).1))
                    .collect();
                related.sort();
                let (platform, merchant_id) = split(merchant_key);
                let window = Window {
                    from: china_time(from),
                    to: china_time(to),
                };
                sink.push(Draft {
                    rule,
                    severity: Severity::Medium,
                    score: (0.5 * block.score / self.density_threshold).min(1.0),
                    subject: Ref::merchant(platform, merchant_id),
                    related,
                    window: Some(window.clone()),
                    summary: format!(
                        "实时流检测：平台 {platform} 的经营者 {merchant_id} 与 {} 个账号处于一个稠密交易子图（{} 个账号 × {} 个经营者，FRAUDAR 对数加权密度 {:.3}，阈值 {}），疑似刷单团伙，须以订单行为证据核实。",
                        ring.len(),
                        block.rows.len(),
                        block.cols.len(),
                        block.score,
                        self.density_threshold
                    ),
                    evidence: json!({
                        "source": "stream",
                        "metric": "fraudar_log_weighted_average_degree",
                        "edge_weight": "1 per distinct account–merchant pair with an order not cancelled or a review",
                        "block": {
                            "rank": rank + 1,
                            "rows": block.rows.len(),
                            "columns": block.cols.len(),
                            "edges": block_edges,
                            "fill": fill,
                            "density": block.score,
                            "merchants": block_merchants,
                        },
                        "density_threshold": self.density_threshold,
                        "min_fill": self.min_fill,
                        "min_accounts": self.min_accounts,
                        "ring_accounts_at_merchant": ring.len(),
                        "edges_window": {"from": window.from, "to": window.to},
                        "graph": {"accounts": n_accounts, "merchants": n_merchants, "edges": n_edges},
                    }),
                });
                self.alerted.insert(merchant_key.clone());
            }
        }
        sink.into_findings()
    }

    /// The current graph (for checks against a batch peel; `O(|E|)`).
    pub fn graph(&self) -> Bipartite {
        self.engine.graph()
    }
}
