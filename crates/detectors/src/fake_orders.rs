//! Detector: fake_orders — 刷单炒信: brushing rings that buy fake orders and leave fake reviews.
//!
//! Practice: a merchant pays a ring of accounts to place orders and leave five-star reviews, to
//! fake its sales volume and reputation (反不正当竞争法 2019 第八条, 2025 第九条 which names 虚假评价;
//! 电子商务法 第十七条).
//!
//! Method: the buyer–merchant graph of all orders (weight = orders between them) is peeled with
//! FRAUDAR (`tianping-dense`, logarithmic column weights, which resist camouflage: ring accounts
//! that also buy from best sellers do not hide the ring, and the best sellers do not join it);
//! the `max_blocks` densest blocks are taken in turn. For each merchant of a block, the block's
//! accounts that bought from it are the suspected ring, and their orders there are compared with
//! the merchant's other orders on behaviour that density alone does not show:
//!
//! - `shared_devices`: the share of ring accounts that ordered from a device another ring account
//!   also used (a phone farm);
//! - `empty_parcels` (空包): the share of ring orders whose parcel weighs less than `parcel_ratio`
//!   of the median of the merchant's other parcels;
//! - `instant_signing`: ring orders signed for within `sign_minutes` of payment while the
//!   merchant's other orders take at least four times as long (median);
//! - `instant_reviews`: ring reviews written within `review_minutes` of signing (or payment);
//! - `templated_reviews`: ring reviews whose text (punctuation and emoji removed) another ring
//!   review repeats; the platforms' default texts for buyers who wrote nothing do not count.
//!
//! Merchants no dense block reaches are also looked at from the logistics side: the accounts that
//! received an empty parcel from them (a parcel under `parcel_ratio` of the same listing's median)
//! are taken as the candidate ring and judged the same way. Parcels are compared within a listing
//! (at least five other parcels), else with the merchant's other parcels, so a light product is
//! not an empty parcel; and only where those parcels are consistent (10th percentile at least
//! half the median), as parcels of one product are. Merchants neither way reaches are looked at
//! once more for a phone farm (`farm.rs`): the accounts that ordered there from a device at least
//! `farm_accounts` of them used — a ring of fresh accounts ordering once each at one shop, for
//! goods without a parcel, is a star that no dense block ranks and that has nothing to weigh.
//! The evidence names which way the candidate was found.
//!
//! Shared delivery addresses and networks, and the share of orders in the busiest three days,
//! are reported as evidence but not counted: colleagues share an office address and network.
//! A finding needs `min_signals` behaviours — or empty parcels on at least `empty_parcels_alone`
//! of the ring's orders, which prove fake shipments on their own — at least `min_accounts`
//! accounts and at least `min_share` of the merchant's orders; severity rises with the number of
//! behaviours.
//!
//! Version 3 (2026-12-02, fixed after seeing the tenth held-out set's false alarm; not an unseen
//! figure): a merchant's own counter device is not a shared phone (`terminal.rs`). A device used
//! at one merchant only, most of whose accounts there (`terminal_elsewhere_share`) also buy at
//! other merchants — from their own phones, the device being used nowhere else — is where the
//! merchant's customers order in its premises (an in-store tablet, a kiosk), not where a ring's
//! accounts live: it does not count toward `shared_devices` and the phone-farm candidate is not
//! drawn from it. Holdout10's pottery studio, whose 60 customers scanned and paid on its tablet,
//! was flagged on the tablet and on its customers' few reviews repeating short plain texts.
//!
//! Known false positives: loyal customers of a small shop are dense but behave normally (no
//! finding); a family ordering on one phone for a few members shows `shared_devices` alone.
//! Known false negatives: a careful ring that shows at most one behaviour; rings smaller than
//! `min_accounts`; since version 3, a ring whose phones serve one client only while its accounts
//! buy elsewhere from other phones (its phones read as the merchant's terminal: two other
//! behaviours are needed).
//!
//! Parameters: `max_blocks`, `min_accounts`, `min_share`, `min_signals`, `device_share`,
//! `parcel_ratio`, `empty_parcels_alone`, `sign_minutes`, `review_minutes`, `signal_share`,
//! `farm_accounts` (since detector version 2), `terminal_elsewhere_share` (since version 3).
//!
//! The streaming alert (rule `fake_orders.dense_block`, parameters `density_threshold`,
//! `min_fill`, `min_accounts`, `max_blocks`) is [`stream`]: the same graph kept up to date batch by batch as
//! platforms push orders, raising a density-only finding per merchant as soon as a ring crosses
//! the threshold; this batch run never emits that rule.

mod farm;
pub mod stream;
mod terminal;

use std::collections::{BTreeMap, BTreeSet};

use arrow::record_batch::RecordBatch;
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::json;

use crate::common::round4;
use tianping_dense::{GraphBuilder, Metric, Options, detect_multiple};
use tianping_detect::columns::{Columns, IntColumn, TextColumn, TimeColumn, china_time};
use tianping_detect::{
    DetectCtx, Detector, Draft, FindingSink, Input, InputData, ParamDef, Ref, RuleVersion,
    Severity, Window,
};

const PARAMS: &[ParamDef] = &[
    ParamDef {
        name: "max_blocks",
        default: 50.0,
        unit: "blocks",
        min: 1.0,
        max: 10_000.0,
        source: "ours: dense blocks peeled in turn (each peel is O(|E| log |V|))",
        meaning_zh: "依次提取的稠密子图个数上限",
    },
    ParamDef {
        name: "min_accounts",
        default: 10.0,
        unit: "accounts",
        min: 2.0,
        max: 100_000.0,
        source: "ours: a ring, not a family",
        meaning_zh: "团伙最少账号数",
    },
    ParamDef {
        name: "min_share",
        default: 0.15,
        unit: "ratio",
        min: 0.0,
        max: 1.0,
        source: "ours: the ring's orders are a material share of the merchant's sales",
        meaning_zh: "团伙订单占该经营者订单的最低比例",
    },
    ParamDef {
        name: "min_signals",
        default: 2.0,
        unit: "behaviours",
        min: 1.0,
        max: 5.0,
        source: "ours: density alone is never enough (loyal customers are dense too)",
        meaning_zh: "除稠密度外须同时具备的异常行为个数",
    },
    ParamDef {
        name: "signal_share",
        default: 0.5,
        unit: "ratio",
        min: 0.0,
        max: 1.0,
        source: "ours",
        meaning_zh: "行为成立所需的团伙订单（账号、评价）占比",
    },
    ParamDef {
        name: "device_share",
        default: 0.5,
        unit: "ratio",
        min: 0.0,
        max: 1.0,
        source: "ours",
        meaning_zh: "与团伙其他账号共用设备的账号占比",
    },
    ParamDef {
        name: "parcel_ratio",
        default: 0.2,
        unit: "ratio",
        min: 0.0,
        max: 1.0,
        source: "ours: an empty parcel weighs a fraction of the goods",
        meaning_zh: "空包：包裹重量低于该经营者其他包裹中位数的比例",
    },
    ParamDef {
        name: "empty_parcels_alone",
        default: 0.8,
        unit: "ratio",
        min: 0.0,
        max: 1.0,
        source: "ours: parcels that weigh nothing are proof of a fake shipment on their own",
        meaning_zh: "空包占比达到该值时，单凭空包即可成立",
    },
    ParamDef {
        name: "sign_minutes",
        default: 120.0,
        unit: "minutes",
        min: 1.0,
        max: 10_080.0,
        source: "ours",
        meaning_zh: "付款后多少分钟内签收视为即时签收",
    },
    ParamDef {
        name: "review_minutes",
        default: 60.0,
        unit: "minutes",
        min: 1.0,
        max: 10_080.0,
        source: "ours",
        meaning_zh: "签收后多少分钟内评价视为即时评价",
    },
    ParamDef {
        name: "farm_accounts",
        default: 4.0,
        unit: "accounts per device",
        min: 2.0,
        max: 1_000.0,
        source: "ours (detector version 2): a family shares a phone among two or three members; \
                 the farms of the simulated rings put 5–12 accounts on a phone",
        meaning_zh: "同一设备上在该经营者处下单的账号数达到该值时，视为“手机农场”候选团伙",
    },
    ParamDef {
        name: "terminal_elsewhere_share",
        default: 0.5,
        unit: "ratio",
        min: 0.0,
        max: 1.0,
        source: "ours (detector version 3): a device used at one merchant only, most of whose \
                 accounts there also buy at other merchants (from their own phones), is the \
                 merchant's counter device, not a farm; the simulated farms' accounts buy \
                 elsewhere only from the farm phones or not at all",
        meaning_zh: "仅在一家经营者处使用的设备上，在别家也下过单的账号占比达到该值时，视为该经营者的店内下单设备（非“手机农场”）",
    },
];

/// Parameters of the streamed alert (`fake_orders.dense_block`, see [`stream`]).
const STREAM_PARAMS: &[ParamDef] = &[
    ParamDef {
        name: "density_threshold",
        default: 0.5,
        unit: "log-weighted average degree",
        min: 0.05,
        max: 100.0,
        source: "ours: FRAUDAR's g on the 0/1 account–merchant graph; a one-merchant star of \
                 n ≥ 10 accounts stays below 1/ln(15) ≈ 0.37, so only rings spread over several \
                 merchants reach it; chosen on the test graphs (docs/dense.md), not yet \
                 calibrated on the simulated city",
        meaning_zh: "实时流告警的稠密度阈值（FRAUDAR 对数加权平均度）",
    },
    ParamDef {
        name: "min_accounts",
        default: 10.0,
        unit: "accounts",
        min: 2.0,
        max: 100_000.0,
        source: "ours: a ring, not a family (as fake_orders.brushing_ring)",
        meaning_zh: "实时流告警所需的团伙最少账号数（在该经营者处下单的）",
    },
    ParamDef {
        name: "min_fill",
        default: 0.5,
        unit: "ratio",
        min: 0.0,
        max: 1.0,
        source: "ours: a ring is nearly a biclique (each account orders at most of the ring's \
                 merchants); the densest honest blocks are large sparse cores of ordinary \
                 traffic (fill under 0.01 on the test background), which g alone can rank high",
        meaning_zh: "稠密子图的填充率下限（子图内边数 ÷ 账号数 × 经营者数）",
    },
    ParamDef {
        name: "max_blocks",
        default: 5.0,
        unit: "blocks",
        min: 1.0,
        max: 100.0,
        source: "ours: each block is one more peel of the whole graph per pushed batch",
        meaning_zh: "每批次后依次提取的稠密子图个数上限",
    },
];

static RULES: [RuleVersion; 4] = [
    RuleVersion {
        rule: "fake_orders.brushing_ring",
        effective_from: "2019-04-23",
        effective_to: Some("2025-10-14"),
        legal_basis: &["反不正当竞争法（2019）第八条", "电子商务法 第十七条"],
        params: PARAMS,
    },
    RuleVersion {
        rule: "fake_orders.brushing_ring",
        effective_from: "2025-10-15",
        effective_to: None,
        legal_basis: &["反不正当竞争法（2025）第九条", "电子商务法 第十七条"],
        params: PARAMS,
    },
    RuleVersion {
        rule: "fake_orders.dense_block",
        effective_from: "2019-04-23",
        effective_to: Some("2025-10-14"),
        legal_basis: &["反不正当竞争法（2019）第八条", "电子商务法 第十七条"],
        params: STREAM_PARAMS,
    },
    RuleVersion {
        rule: "fake_orders.dense_block",
        effective_from: "2025-10-15",
        effective_to: None,
        legal_basis: &["反不正当竞争法（2025）第九条", "电子商务法 第十七条"],
        params: STREAM_PARAMS,
    },
];

static INPUTS: [Input; 2] = [
    Input {
        table: "orders",
        columns: &[
            "platform_id",
            "order_id",
            "merchant_id",
            "listing_id",
            "buyer_pid",
            "ordered_at",
            "paid_at",
            "signed_at",
            "ship_address_pid",
            "device_pid",
            "ip_pid",
            "parcel_weight_g",
            "status",
        ],
        time_column: Some("ordered_at"),
    },
    Input {
        table: "reviews",
        columns: &[
            "platform_id",
            "order_id",
            "merchant_id",
            "reviewer_pid",
            "text",
            "created_at",
        ],
        time_column: Some("created_at"),
    },
];

/// Texts platforms fill in when a buyer leaves no review (not a template of the merchant's).
const DEFAULT_TEXTS: &[&str] = &[
    "此用户没有填写评价",
    "该用户未填写评价",
    "系统默认好评",
    "用户未及时评价系统默认好评",
    "此用户未填写文字评价",
];

const MINUTE_NS: i64 = 60_000_000_000;

/// The fake_orders detector.
pub struct FakeOrders;

/// One order, with its strings interned.
struct Order {
    account: u32,
    merchant: u32,
    listing: u32,
    id: u32,
    paid: i64,
    signed: Option<i64>,
    weight: Option<i64>,
    device: Option<u32>,
    ip: Option<u32>,
    address: Option<u32>,
}

/// Interns strings and numbers them in sorted order, so ids do not depend on row order. Collected
/// in a hash map (a city holds ~10 M order keys: a sorted tree of owned strings cost most of the
/// detector's time and memory), sorted once when numbered.
#[derive(Default)]
struct Interner(FxHashMap<String, u32>);

impl Interner {
    fn add(&mut self, s: &str) {
        if !self.0.contains_key(s) {
            self.0.insert(s.to_string(), 0);
        }
    }
    /// Numbers the strings in sorted order and returns them by number.
    fn number(&mut self) -> Vec<String> {
        let names = self.sorted();
        self.0 = names
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), i as u32))
            .collect();
        names
    }
    /// Numbers the strings in sorted order without keeping a second copy of them.
    fn seal(&mut self) {
        self.0 = self
            .sorted()
            .into_iter()
            .enumerate()
            .map(|(i, k)| (k, i as u32))
            .collect();
    }
    fn sorted(&mut self) -> Vec<String> {
        let mut names: Vec<String> = std::mem::take(&mut self.0).into_keys().collect();
        names.sort_unstable();
        names
    }
    fn id(&self, s: &str) -> Option<u32> {
        self.0.get(s).copied()
    }
}

/// The `orders` columns this detector reads, resolved once per batch (not by name per row).
struct OrderColumns<'a> {
    len: usize,
    status: TextColumn<'a>,
    platform: TextColumn<'a>,
    order: TextColumn<'a>,
    merchant: TextColumn<'a>,
    buyer: TextColumn<'a>,
    listing: TextColumn<'a>,
    device: TextColumn<'a>,
    ip: TextColumn<'a>,
    address: TextColumn<'a>,
    paid: TimeColumn<'a>,
    ordered: TimeColumn<'a>,
    signed: TimeColumn<'a>,
    weight: IntColumn<'a>,
}

impl<'a> OrderColumns<'a> {
    fn new(batch: &'a RecordBatch) -> OrderColumns<'a> {
        let c = Columns::new(batch);
        OrderColumns {
            len: c.len(),
            status: c.text("status"),
            platform: c.text("platform_id"),
            order: c.text("order_id"),
            merchant: c.text("merchant_id"),
            buyer: c.text("buyer_pid"),
            listing: c.text("listing_id"),
            device: c.text("device_pid"),
            ip: c.text("ip_pid"),
            address: c.text("ship_address_pid"),
            paid: c.time("paid_at"),
            ordered: c.time("ordered_at"),
            signed: c.time("signed_at"),
            weight: c.int("parcel_weight_g"),
        }
    }
}

/// `platform` and `id` joined by U+001F in a reused buffer (no allocation per row).
fn joined<'a>(buf: &'a mut String, platform: &str, id: &str) -> &'a str {
    buf.clear();
    buf.push_str(platform);
    buf.push('\u{1f}');
    buf.push_str(id);
    buf
}

impl Detector for FakeOrders {
    fn id(&self) -> &'static str {
        "fake_orders"
    }

    fn version(&self) -> u32 {
        3
    }

    fn rules(&self) -> &'static [RuleVersion] {
        &RULES
    }

    fn inputs(&self) -> &'static [Input] {
        &INPUTS
    }

    fn detect(&self, ctx: &DetectCtx, data: &InputData, sink: &mut FindingSink) {
        let Some(rule) = ctx.rule_in_force(&RULES, "fake_orders.brushing_ring") else {
            return;
        };
        let p = |name| ctx.param(rule, name);
        let (max_blocks, min_accounts, min_share) = (
            p("max_blocks") as usize,
            p("min_accounts") as usize,
            p("min_share"),
        );
        let (min_signals, signal_share, device_share) = (
            p("min_signals") as usize,
            p("signal_share"),
            p("device_share"),
        );
        let parcel_ratio = p("parcel_ratio");
        let empty_alone = p("empty_parcels_alone");
        let sign_ns = (p("sign_minutes") * MINUTE_NS as f64) as i64;
        let review_ns = (p("review_minutes") * MINUTE_NS as f64) as i64;
        let farm_min = p("farm_accounts") as usize;
        let terminal_share = p("terminal_elsewhere_share");

        // Pass 1: intern accounts, merchants, orders and pseudonymised attributes, sorted.
        let (mut accounts, mut merchants, mut order_ids, mut attrs, mut listings) = (
            Interner::default(),
            Interner::default(),
            Interner::default(),
            Interner::default(),
            Interner::default(),
        );
        let mut buf = String::new();
        for batch in data.batches("orders") {
            let c = OrderColumns::new(batch);
            for row in 0..c.len {
                if c.status.get(row) == Some("cancelled") {
                    continue;
                }
                let (Some(pl), Some(o), Some(m), Some(b)) = (
                    c.platform.get(row),
                    c.order.get(row),
                    c.merchant.get(row),
                    c.buyer.get(row),
                ) else {
                    continue;
                };
                accounts.add(joined(&mut buf, pl, b));
                merchants.add(joined(&mut buf, pl, m));
                listings.add(joined(&mut buf, pl, c.listing.get(row).unwrap_or("")));
                order_ids.add(joined(&mut buf, pl, o));
                for col in [c.device, c.ip, c.address] {
                    if let Some(v) = col.get(row) {
                        attrs.add(v);
                    }
                }
            }
        }
        let account_names = accounts.number();
        let merchant_names = merchants.number();
        order_ids.seal();
        attrs.seal();
        listings.seal();
        if merchant_names.is_empty() {
            return;
        }
        // Pass 2: the orders.
        let mut orders: Vec<Order> = Vec::new();
        for batch in data.batches("orders") {
            let c = OrderColumns::new(batch);
            for row in 0..c.len {
                if c.status.get(row) == Some("cancelled") {
                    continue;
                }
                let (Some(pl), Some(o), Some(m), Some(b)) = (
                    c.platform.get(row),
                    c.order.get(row),
                    c.merchant.get(row),
                    c.buyer.get(row),
                ) else {
                    continue;
                };
                let (Some(account), Some(merchant), Some(id)) = (
                    accounts.id(joined(&mut buf, pl, b)),
                    merchants.id(joined(&mut buf, pl, m)),
                    order_ids.id(joined(&mut buf, pl, o)),
                ) else {
                    continue;
                };
                let Some(paid) = c.paid.get(row).or(c.ordered.get(row)) else {
                    continue;
                };
                let listing = listings
                    .id(joined(&mut buf, pl, c.listing.get(row).unwrap_or("")))
                    .unwrap_or(0);
                orders.push(Order {
                    account,
                    merchant,
                    listing,
                    id,
                    paid,
                    signed: c.signed.get(row),
                    weight: c.weight.get(row),
                    device: c.device.get(row).and_then(|v| attrs.id(v)),
                    ip: c.ip.get(row).and_then(|v| attrs.id(v)),
                    address: c.address.get(row).and_then(|v| attrs.id(v)),
                });
            }
        }
        orders.sort_by_key(|o| o.id);
        orders.dedup_by_key(|o| o.id);
        // Reviews by order: (text, created).
        let mut reviews: BTreeMap<u32, (String, i64)> = BTreeMap::new();
        for batch in data.batches("reviews") {
            let c = Columns::new(batch);
            for row in 0..c.len() {
                let (Some(pl), Some(o), Some(text), Some(at)) = (
                    c.str("platform_id", row),
                    c.str("order_id", row),
                    c.str("text", row),
                    c.time_ns("created_at", row),
                ) else {
                    continue;
                };
                if let Some(id) = order_ids.id(joined(&mut buf, pl, o)) {
                    // The first review of an order, by time then text (row-order independent).
                    let candidate = (normalise(text), at);
                    reviews
                        .entry(id)
                        .and_modify(|r| {
                            if (candidate.1, &candidate.0) < (r.1, &r.0) {
                                *r = candidate.clone();
                            }
                        })
                        .or_insert(candidate);
                }
            }
        }

        // The graph and its dense blocks.
        let mut graph = GraphBuilder::new();
        for o in &orders {
            graph.add_edge(o.account, o.merchant, 1.0);
        }
        let graph = graph.build();
        let blocks = detect_multiple(
            &graph,
            &Options {
                metric: Metric::Log,
                ..Options::default()
            },
            max_blocks,
        );
        let mut by_merchant: Vec<Vec<usize>> = vec![Vec::new(); merchant_names.len()];
        for (i, o) in orders.iter().enumerate() {
            by_merchant[o.merchant as usize].push(i);
        }
        // Merchants' own counter devices (version 3, `terminal.rs`): not shared phones.
        let terminals =
            terminal::terminal_devices(&orders, &by_merchant, account_names.len(), terminal_share);

        // Candidates: each dense block's accounts at each of its merchants, in block order; then,
        // for merchants no block reported, the accounts that received empty parcels there.
        let mut reported: BTreeSet<u32> = BTreeSet::new();
        let assess = |merchant: u32,
                      members: &BTreeSet<u32>,
                      origin: serde_json::Value,
                      sink: &mut FindingSink|
         -> bool {
            let all = &by_merchant[merchant as usize];
            let (ring, other): (Vec<&Order>, Vec<&Order>) = all
                .iter()
                .map(|&i| &orders[i])
                .partition(|o| members.contains(&o.account));
            let ring_accounts: BTreeSet<u32> = ring.iter().map(|o| o.account).collect();
            let share = ring.len() as f64 / all.len().max(1) as f64;
            if ring_accounts.len() < min_accounts || share < min_share {
                return false;
            }
            let e = evidence(
                &ring,
                &other,
                &reviews,
                (review_ns, sign_ns, parcel_ratio),
                &terminals,
            );
            let signals: Vec<&'static str> = [
                ("shared_devices", e.device_sharing >= device_share),
                (
                    "empty_parcels",
                    e.empty_parcels.is_some_and(|s| s >= signal_share),
                ),
                (
                    "instant_signing",
                    e.instant_signing.is_some_and(|s| s >= signal_share)
                        && e.sign_median_ratio.is_some_and(|r| r <= 0.25),
                ),
                (
                    "instant_reviews",
                    e.instant_reviews.is_some_and(|s| s >= signal_share),
                ),
                (
                    "templated_reviews",
                    e.templated_reviews.is_some_and(|s| s >= signal_share),
                ),
            ]
            .into_iter()
            .filter_map(|(name, on)| on.then_some(name))
            .collect();
            let conclusive = e.empty_parcels.is_some_and(|s| s >= empty_alone);
            if signals.len() < min_signals && !conclusive {
                return false;
            }
            let (platform, merchant_id) = split(&merchant_names[merchant as usize]);
            let from = ring.iter().map(|o| o.paid).min().unwrap_or(0);
            let to = ring.iter().map(|o| o.paid).max().unwrap_or(0);
            let mut related: Vec<Ref> = ring_accounts
                .iter()
                .map(|&a| Ref::person(split(&account_names[a as usize]).1))
                .collect();
            related.sort();
            let severity = match signals.len() {
                0..=2 => Severity::Medium,
                3 => Severity::High,
                _ => Severity::Critical,
            };
            let names_zh: Vec<&str> = signals.iter().map(|s| signal_zh(s)).collect();
            sink.push(Draft {
                    rule,
                    severity,
                    score: (0.4 + 0.12 * signals.len() as f64 + 0.1 * share).min(1.0),
                    subject: Ref::merchant(platform, merchant_id),
                    related,
                    window: Some(Window {
                        from: china_time(from),
                        to: china_time(to),
                    }),
                    summary: format!(
                        "平台 {platform} 的经营者 {merchant_id} 有 {} 个账号（{}）下单 {} 笔（占其订单 {:.0}%），并存在{}等 {} 项异常行为，疑似刷单炒信。",
                        ring_accounts.len(),
                        match origin["method"].as_str() {
                            Some("dense_block") => "交易关系稠密的团伙",
                            Some("shared_devices") => "集中在少数设备上下单",
                            _ => "均收到过空包",
                        },
                        ring.len(),
                        share * 100.0,
                        names_zh.join("、"),
                        signals.len()
                    ),
                    evidence: json!({
                        "candidate": origin,
                        "ring_accounts": ring_accounts.len(),
                        "ring_orders": ring.len(),
                        "merchant_orders": all.len(),
                        "ring_share_of_orders": round4(share),
                        "signals": signals,
                        "shared_devices_share_of_accounts": round4(e.device_sharing),
                        "distinct_devices": e.devices,
                        "merchant_terminal_devices": e.terminals,
                        "empty_parcels_share": e.empty_parcels.map(round4),
                        "median_parcel_g_ring": e.ring_weight,
                        "median_parcel_g_other": e.other_weight,
                        "instant_signing_share": e.instant_signing.map(round4),
                        "median_minutes_to_sign_ring": e.ring_sign_minutes,
                        "median_minutes_to_sign_other": e.other_sign_minutes,
                        "instant_reviews_share": e.instant_reviews.map(round4),
                        "templated_reviews_share": e.templated_reviews.map(round4),
                        "ring_reviews": e.reviews,
                        "shared_addresses_share_of_orders": round4(e.address_sharing),
                        "distinct_addresses": e.addresses,
                        "shared_networks_share_of_orders": round4(e.ip_sharing),
                        "busiest_3_days_share": round4(e.burst),
                        "thresholds": {
                            "min_accounts": min_accounts, "min_share": min_share, "min_signals": min_signals,
                            "signal_share": signal_share, "device_share": device_share, "parcel_ratio": parcel_ratio,
                            "empty_parcels_alone": empty_alone,
                            "sign_minutes": p("sign_minutes"), "review_minutes": p("review_minutes"),
                            "farm_accounts": farm_min,
                        },
                    }),
                });
            true
        };
        for (block_no, block) in blocks.iter().enumerate() {
            if block.rows.len() < min_accounts {
                continue;
            }
            let members: BTreeSet<u32> = block.rows.iter().copied().collect();
            for &merchant in &block.cols {
                if reported.contains(&merchant) {
                    continue;
                }
                let origin = json!({
                    "method": "dense_block",
                    "rank": block_no + 1,
                    "accounts": block.rows.len(),
                    "merchants": block.cols.len(),
                    "density": round4(block.score),
                    "metric": "fraudar_log_weighted_average_degree",
                });
                if assess(merchant, &members, origin, sink) {
                    reported.insert(merchant);
                }
            }
        }
        for (merchant, all) in by_merchant.iter().enumerate() {
            let merchant = merchant as u32;
            if reported.contains(&merchant) {
                continue;
            }
            let mut by_listing: BTreeMap<u32, Vec<i64>> = BTreeMap::new();
            for &i in all {
                if let Some(w) = orders[i].weight {
                    by_listing.entry(orders[i].listing).or_default().push(w);
                }
            }
            // Here the light parcels are among the listing's own: judge the consistency of the
            // others — those not light against the upper quartile of all, which stands for the
            // product even when most parcels are empty.
            let medians: BTreeMap<u32, i64> = by_listing
                .into_iter()
                .filter_map(|(l, mut w)| {
                    w.sort_unstable();
                    let q75 = w[w.len() * 3 / 4] as f64;
                    let real: Vec<i64> = w
                        .into_iter()
                        .filter(|x| *x as f64 >= parcel_ratio * q75)
                        .collect();
                    typical_weight(&real).map(|t| (l, t))
                })
                .collect();
            let members: BTreeSet<u32> = all
                .iter()
                .map(|&i| &orders[i])
                .filter(|o| {
                    o.weight.is_some_and(|w| {
                        medians
                            .get(&o.listing)
                            .is_some_and(|m| (w as f64) < parcel_ratio * *m as f64)
                    })
                })
                .map(|o| o.account)
                .collect();
            if members.len() >= min_accounts {
                let origin = json!({"method": "empty_parcels", "accounts_with_empty_parcels": members.len()});
                if assess(merchant, &members, origin, sink) {
                    continue;
                }
            }
            // Neither way found a ring here: a phone farm (`farm.rs`).
            let (members, devices) = farm::farm_accounts(
                all.iter()
                    .map(|&i| &orders[i])
                    .filter(|o| o.device.is_none_or(|d| !terminals.contains(&d))),
                farm_min,
            );
            if members.len() >= min_accounts {
                let origin = json!({
                    "method": "shared_devices",
                    "farm_devices": devices,
                    "accounts_on_farm_devices": members.len(),
                    "farm_accounts": farm_min,
                });
                assess(merchant, &members, origin, sink);
            }
        }
    }
}

/// What the ring's orders at one merchant show.
struct Evidence {
    device_sharing: f64,
    devices: usize,
    /// Devices the ring's accounts shared that are the merchant's own terminal (version 3).
    terminals: usize,
    empty_parcels: Option<f64>,
    ring_weight: Option<i64>,
    other_weight: Option<i64>,
    instant_signing: Option<f64>,
    sign_median_ratio: Option<f64>,
    ring_sign_minutes: Option<i64>,
    other_sign_minutes: Option<i64>,
    instant_reviews: Option<f64>,
    templated_reviews: Option<f64>,
    reviews: usize,
    address_sharing: f64,
    addresses: usize,
    ip_sharing: f64,
    burst: f64,
}

fn evidence(
    ring: &[&Order],
    other: &[&Order],
    reviews: &BTreeMap<u32, (String, i64)>,
    (review_ns, sign_ns, parcel_ratio): (i64, i64, f64),
    terminals: &FxHashSet<u32>,
) -> Evidence {
    // Devices: accounts per device among the ring's orders.
    let mut device_accounts: BTreeMap<u32, BTreeSet<u32>> = BTreeMap::new();
    let mut address_accounts: BTreeMap<u32, BTreeSet<u32>> = BTreeMap::new();
    let mut ip_accounts: BTreeMap<u32, BTreeSet<u32>> = BTreeMap::new();
    for o in ring {
        if let Some(d) = o.device {
            device_accounts.entry(d).or_default().insert(o.account);
        }
        if let Some(a) = o.address {
            address_accounts.entry(a).or_default().insert(o.account);
        }
        if let Some(i) = o.ip {
            ip_accounts.entry(i).or_default().insert(o.account);
        }
    }
    let accounts: BTreeSet<u32> = ring.iter().map(|o| o.account).collect();
    // A merchant's own terminal is not a shared phone (version 3).
    let sharing_devices: BTreeSet<u32> = device_accounts
        .iter()
        .filter(|(d, a)| a.len() >= 2 && !terminals.contains(*d))
        .flat_map(|(_, a)| a.iter().copied())
        .collect();
    let terminal_count = device_accounts
        .iter()
        .filter(|(d, a)| a.len() >= 2 && terminals.contains(*d))
        .count();
    let shared_orders = |map: &BTreeMap<u32, BTreeSet<u32>>, pick: fn(&Order) -> Option<u32>| {
        ring.iter()
            .filter(|o| pick(o).is_some_and(|v| map.get(&v).is_some_and(|a| a.len() >= 2)))
            .count() as f64
            / ring.len().max(1) as f64
    };
    // Parcels against the merchant's other parcels.
    let other_weights: Vec<i64> = other.iter().filter_map(|o| o.weight).collect();
    let ring_weights: Vec<i64> = ring.iter().filter_map(|o| o.weight).collect();
    let other_weight = (other_weights.len() >= 5).then(|| median(&other_weights));
    let merchant_reference = typical_weight(&other_weights);
    // Each ring parcel against the same listing's other parcels (at least five), else against
    // the merchant's other parcels: a light listing is not an empty parcel.
    let mut by_listing: BTreeMap<u32, Vec<i64>> = BTreeMap::new();
    for o in other {
        if let Some(w) = o.weight {
            by_listing.entry(o.listing).or_default().push(w);
        }
    }
    let listing_median: BTreeMap<u32, i64> = by_listing
        .into_iter()
        .filter_map(|(l, w)| typical_weight(&w).map(|m| (l, m)))
        .collect();
    let judged: Vec<bool> = ring
        .iter()
        .filter_map(|o| {
            let w = o.weight?;
            let reference = listing_median
                .get(&o.listing)
                .copied()
                .or(merchant_reference)?;
            Some((w as f64) < parcel_ratio * reference as f64)
        })
        .collect();
    let empty_parcels = (!judged.is_empty())
        .then(|| judged.iter().filter(|e| **e).count() as f64 / judged.len() as f64);
    // Signing.
    let delays = |orders: &[&Order]| -> Vec<i64> {
        orders
            .iter()
            .filter_map(|o| o.signed.map(|s| s - o.paid))
            .filter(|d| *d >= 0)
            .collect()
    };
    let (ring_delays, other_delays) = (delays(ring), delays(other));
    let ring_sign = (!ring_delays.is_empty()).then(|| median(&ring_delays));
    let other_sign = (other_delays.len() >= 5).then(|| median(&other_delays));
    let instant_signing = ring_sign.map(|_| {
        ring_delays.iter().filter(|&&d| d <= sign_ns).count() as f64 / ring_delays.len() as f64
    });
    let sign_median_ratio = match (ring_sign, other_sign) {
        (Some(r), Some(o)) if o > 0 => Some(r as f64 / o as f64),
        _ => None,
    };
    // Reviews.
    let ring_reviews: Vec<(&Order, &(String, i64))> = ring
        .iter()
        .filter_map(|o| reviews.get(&o.id).map(|r| (*o, r)))
        .collect();
    let instant_reviews = (ring_reviews.len() >= 5).then(|| {
        ring_reviews
            .iter()
            .filter(|(o, (_, at))| *at - o.signed.unwrap_or(o.paid) <= review_ns)
            .count() as f64
            / ring_reviews.len() as f64
    });
    let written: Vec<&str> = ring_reviews
        .iter()
        .map(|(_, (t, _))| t.as_str())
        .filter(|t| !t.is_empty() && !DEFAULT_TEXTS.iter().any(|d| normalise(d) == *t))
        .collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for t in &written {
        *counts.entry(t).or_default() += 1;
    }
    let templated_reviews = (written.len() >= 5)
        .then(|| written.iter().filter(|t| counts[*t] >= 2).count() as f64 / written.len() as f64);
    // Burst: the busiest three consecutive days.
    let mut days: Vec<i64> = ring
        .iter()
        .map(|o| o.paid.div_euclid(86_400_000_000_000))
        .collect();
    days.sort_unstable();
    let mut best = 0usize;
    let mut lo = 0usize;
    for hi in 0..days.len() {
        while days[hi] - days[lo] > 2 {
            lo += 1;
        }
        best = best.max(hi - lo + 1);
    }
    Evidence {
        device_sharing: sharing_devices.len() as f64 / accounts.len().max(1) as f64,
        devices: device_accounts.len(),
        terminals: terminal_count,
        empty_parcels,
        ring_weight: (!ring_weights.is_empty()).then(|| median(&ring_weights)),
        other_weight,
        instant_signing,
        sign_median_ratio,
        ring_sign_minutes: ring_sign.map(|d| d / MINUTE_NS),
        other_sign_minutes: other_sign.map(|d| d / MINUTE_NS),
        instant_reviews,
        templated_reviews,
        reviews: ring_reviews.len(),
        address_sharing: shared_orders(&address_accounts, |o| o.address),
        addresses: address_accounts.len(),
        ip_sharing: shared_orders(&ip_accounts, |o| o.ip),
        burst: best as f64 / days.len().max(1) as f64,
    }
}

/// Review text without spaces, punctuation, symbols or emoji, for comparing templates.
fn normalise(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The typical parcel weight of a group of parcels: their median, when there are at least five and
/// they are consistent (the 10th percentile at least half the median, as parcels of one product
/// are). Otherwise `None`: light parcels cannot be told from light products.
fn typical_weight(weights: &[i64]) -> Option<i64> {
    if weights.len() < 5 {
        return None;
    }
    let mut v = weights.to_vec();
    v.sort_unstable();
    let (p10, m) = (v[v.len() / 10], v[v.len() / 2]);
    (m > 0 && p10 * 2 >= m).then_some(m)
}

fn median(values: &[i64]) -> i64 {
    let mut v = values.to_vec();
    v.sort_unstable();
    v[v.len() / 2]
}

fn split(key: &str) -> (&str, &str) {
    key.split_once('\u{1f}').unwrap_or(("", key))
}

fn signal_zh(name: &str) -> &'static str {
    match name {
        "shared_devices" => "多账号共用设备",
        "empty_parcels" => "空包",
        "instant_signing" => "付款后即时签收",
        "instant_reviews" => "签收后即时评价",
        "templated_reviews" => "模板化评价",
        _ => "其他",
    }
}
