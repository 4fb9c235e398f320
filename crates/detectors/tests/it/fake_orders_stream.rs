//! fake_orders' streaming alert (`fake_orders.dense_block`): a ring spread over several
//! merchants is alerted at the batch that makes it cross the threshold and not before; honest
//! heavy buyers, a small shop's loyal customers and random background traffic are not; one
//! finding per merchant, also across a rebuild.

use serde_json::{Value, json};
use tianping_detect::DetectCtx;
use tianping_detectors::fake_orders::stream::{BrushingStream, RULE};

use crate::support::*;

const AS_OF: &str = "2026-03-10T12:00:00+08:00";

fn order(n: usize, merchant: &str, buyer: &str, status: &str) -> Value {
    json!({
        "platform_id": "shop", "order_id": format!("o{n}"), "merchant_id": merchant,
        "buyer_pid": pid(buyer), "status": status,
        "ordered_at": format!("2026-03-0{}T10:{:02}:00+08:00", 1 + n % 9, n % 60),
    })
}

fn pid(label: &str) -> String {
    // A 64-hex pseudonym, as platforms send (never a raw number).
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in label.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}").repeat(4)
}

/// Background traffic: `n` orders of 2,000 buyers over 300 merchants, a fifth of them at ten
/// best sellers, plus ten heavy buyers who each order 40 times from one shop and once from
/// each of 30 others, plus a small shop with 30 loyal customers.
fn background(n: usize, seed: u64) -> Vec<Value> {
    let mut x = seed | 1;
    let mut next = move |m: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % m
    };
    let mut rows = Vec::new();
    for i in 0..n {
        let m = if next(5) == 0 { next(10) } else { next(300) };
        rows.push(order(
            i,
            &format!("m{m}"),
            &format!("b{}", next(2_000)),
            "paid",
        ));
    }
    for h in 0..10 {
        for k in 0..40 {
            rows.push(order(
                n + h * 100 + k,
                &format!("m{}", 100 + h),
                &format!("heavy{h}"),
                "paid",
            ));
        }
        for k in 0..30 {
            rows.push(order(
                n + h * 100 + 40 + k,
                &format!("m{}", next(300)),
                &format!("heavy{h}"),
                "paid",
            ));
        }
    }
    for c in 0..30 {
        rows.push(order(
            n + 5_000 + c,
            "small-shop",
            &format!("loyal{c}"),
            "paid",
        ));
    }
    rows
}

/// The ring: `accounts` accounts each ordering from each of `merchants` merchants.
fn ring(accounts: usize, merchants: usize, first: usize) -> Vec<Value> {
    let mut rows = Vec::new();
    for a in 0..accounts {
        for m in 0..merchants {
            rows.push(order(
                first + a * merchants + m,
                &format!("ring-m{m}"),
                &format!("ring{a}"),
                "paid",
            ));
        }
    }
    rows
}

fn stream() -> (BrushingStream, DetectCtx) {
    let ctx = DetectCtx::new(AS_OF).unwrap();
    (BrushingStream::new(&ctx).unwrap(), ctx)
}

#[test]
fn background_and_honest_heavy_buyers_raise_nothing() {
    let (mut s, ctx) = stream();
    for chunk in background(20_000, 7).chunks(3_000) {
        s.add_orders(&batch("orders", chunk));
        let found = s.evaluate(&ctx, 1);
        assert!(found.is_empty(), "{found:#?}");
    }
    // The densest honest block is a large sparse core: above the density threshold, which is why
    // the fill condition exists (the test would be vacuous if no block reached the threshold).
    let best = &s.blocks()[0];
    eprintln!(
        "densest honest block: {} × {}, g = {}",
        best.rows.len(),
        best.cols.len(),
        best.score
    );
    assert!(best.score >= 0.5 && best.rows.len() > 100, "{best:?}");
}

#[test]
fn a_ring_is_alerted_at_the_batch_that_makes_it_cross_and_only_once() {
    let (mut s, ctx) = stream();
    s.add_orders(&batch("orders", &background(20_000, 11)));
    assert!(s.evaluate(&ctx, 1).is_empty());
    // The ring arrives in four parts: 5, 10, 15, 20 accounts × 4 merchants.
    let rows = ring(20, 4, 100_000);
    let mut alerted_at = None;
    for (part, chunk) in rows.chunks(5 * 4).enumerate() {
        s.add_orders(&batch("orders", chunk));
        let found = s.evaluate(&ctx, 1);
        if found.is_empty() {
            continue;
        }
        assert!(alerted_at.is_none(), "alerted twice: {found:#?}");
        alerted_at = Some(part);
        let mut merchants: Vec<&str> = found.iter().map(|f| f.subject.id.as_str()).collect();
        merchants.sort_unstable();
        assert_eq!(merchants, ["ring-m0", "ring-m1", "ring-m2", "ring-m3"]);
        for f in &found {
            assert_eq!(f.rule, RULE);
            assert_eq!(f.detector, "fake_orders");
            assert_eq!(f.subject.platform_id.as_deref(), Some("shop"));
            let e = &f.evidence;
            assert_eq!(e["source"], "stream");
            assert!(
                e["block"]["density"].as_f64().unwrap() >= e["density_threshold"].as_f64().unwrap()
            );
            assert_eq!(
                e["ring_accounts_at_merchant"].as_u64().unwrap() as usize,
                f.related.len()
            );
            assert!(f.related.len() >= 10);
            assert!(f.related.iter().all(|r| r.id.len() == 64));
            assert!(f.window.is_some());
            assert_eq!(e["edges_window"]["from"], f.window.as_ref().unwrap().from);
            assert_eq!(f.legal_basis[0], "反不正当竞争法（2025）第九条");
        }
    }
    // 5 accounts are below min_accounts (10); 10 accounts × 4 merchants is dense enough.
    assert_eq!(alerted_at, Some(1));
    // More of the ring's orders later: no second finding for the same merchants.
    s.add_orders(&batch("orders", &ring(25, 4, 200_000)));
    assert!(s.evaluate(&ctx, 1).is_empty());
}

#[test]
fn a_rebuild_that_knows_the_stored_findings_raises_no_duplicate() {
    let mut rows = background(5_000, 3);
    rows.extend(ring(15, 3, 50_000));
    let (mut first, ctx) = stream();
    first.add_orders(&batch("orders", &rows));
    let found = first.evaluate(&ctx, 1);
    assert_eq!(found.len(), 3);
    // Rebuilt from the same rows (as after a restart), told what is stored: nothing new.
    let (mut again, _) = stream();
    for f in &found {
        again.mark_alerted(f.subject.platform_id.as_deref().unwrap(), &f.subject.id);
    }
    again.add_orders(&batch("orders", &rows));
    assert!(again.evaluate(&ctx, 1).is_empty());
    // Not told: the same findings, to the byte (the evaluation is a function of the rows).
    let (mut fresh, _) = stream();
    fresh.add_orders(&batch("orders", &rows));
    assert_eq!(fresh.evaluate(&ctx, 1), found);
}

#[test]
fn cancelled_orders_and_incomplete_rows_add_no_edge() {
    let (mut s, ctx) = stream();
    let mut rows = ring(15, 3, 0);
    for r in rows.iter_mut() {
        r["status"] = json!("cancelled");
    }
    rows.push(
        json!({"platform_id": "shop", "order_id": "x", "merchant_id": "m", "status": "paid",
        "ordered_at": "2026-03-01T10:00:00+08:00"}),
    );
    let added = s.add_orders(&batch("orders", &rows));
    assert_eq!((added.rows, added.skipped, added.new_edges), (46, 46, 0));
    assert!(s.evaluate(&ctx, 1).is_empty());
    assert_eq!(s.size(), (0, 0, 0));
}

#[test]
fn the_threshold_is_a_parameter() {
    let mut rows = background(5_000, 5);
    rows.extend(ring(15, 3, 50_000));
    let mut ctx = DetectCtx::new(AS_OF).unwrap();
    ctx.overrides
        .entry(RULE.to_string())
        .or_default()
        .insert("density_threshold".into(), 50.0);
    let mut s = BrushingStream::new(&ctx).unwrap();
    s.add_orders(&batch("orders", &rows));
    assert!(s.evaluate(&ctx, 1).is_empty());
    let before_2025 = DetectCtx::new("2025-01-01T00:00:00+08:00").unwrap();
    let mut s = BrushingStream::new(&before_2025).unwrap();
    s.add_orders(&batch("orders", &rows));
    let found = s.evaluate(&before_2025, 1);
    assert_eq!(found.len(), 3);
    assert_eq!(found[0].legal_basis[0], "反不正当竞争法（2019）第八条");
}

fn review(n: usize, merchant: &str, reviewer: &str) -> Value {
    json!({
        "platform_id": "shop", "review_id": format!("r{n}"), "merchant_id": merchant,
        "listing_id": "l1", "reviewer_pid": pid(reviewer), "rating": 5, "text": "好评",
        "has_media": false, "created_at": format!("2026-03-0{}T11:{:02}:00+08:00", 1 + n % 9, n % 60),
    })
}

/// Reviews are edges too: a ring whose orders reach only one of its four shops (a 12 × 1 block is
/// below the threshold) is alerted once its reviews of all four arrive; reviews of pairs already ordered
/// add no edge; rows without a reviewer are skipped.
#[test]
fn reviews_complete_a_ring_the_orders_alone_do_not_show() {
    let (mut s, ctx) = stream();
    s.add_orders(&batch("orders", &background(20_000, 5)));
    let orders: Vec<Value> = ring(12, 4, 300_000)
        .into_iter()
        .filter(|o| o["merchant_id"] == "ring-m0")
        .collect();
    s.add_orders(&batch("orders", &orders));
    assert!(
        s.evaluate(&ctx, 1).is_empty(),
        "12 accounts × 2 shops alone"
    );
    let mut reviews = Vec::new();
    for a in 0..12 {
        for m in 0..4 {
            reviews.push(review(
                a * 4 + m,
                &format!("ring-m{m}"),
                &format!("ring{a}"),
            ));
        }
    }
    let mut bad = review(999, "ring-m0", "x");
    bad.as_object_mut().unwrap().remove("reviewer_pid");
    reviews.push(bad);
    let added = s.add_reviews(&batch("reviews", &reviews));
    assert_eq!((added.rows, added.skipped, added.new_edges), (49, 1, 36));
    let found = s.evaluate(&ctx, 1);
    let mut merchants: Vec<&str> = found.iter().map(|f| f.subject.id.as_str()).collect();
    merchants.sort_unstable();
    assert_eq!(merchants, ["ring-m0", "ring-m1", "ring-m2", "ring-m3"]);
    assert!(found.iter().all(|f| f.related.len() == 12));
}
