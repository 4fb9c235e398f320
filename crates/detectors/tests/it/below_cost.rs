use serde_json::{Value, json};
use tianping_detect::{Finding, Severity};
use tianping_detectors::below_cost::BelowCost;

use crate::support::*;

const AS_OF: &str = "2026-04-01T00:00:00+08:00";

fn listing(id: &str, merchant: &str, category: &str, created: &str) -> Value {
    json!({"platform_id": "p", "listing_id": id, "merchant_id": merchant, "title": format!("商品{id}"),
           "category": category, "product_class": "general", "created_at": created})
}

fn cost(id: &str, fen: i64, basis: &str) -> Value {
    json!({"platform_id": "p", "listing_id": id, "valid_from": "2026-01-01", "unit_cost_fen": fen, "basis": basis})
}

/// One order a day for `days` days from March `first`, at `price`.
fn orders(id: &str, merchant: &str, first: u32, days: u32, price: i64) -> Vec<Value> {
    (first..first + days)
        .map(|d| json!({"platform_id": "p", "listing_id": id, "merchant_id": merchant, "unit_price_fen": price,
                        "paid_fen": price, "ordered_at": format!("2026-03-{d:02}T12:00:00+08:00"), "status": "completed"}))
        .collect()
}

fn detect(tables: Vec<(&str, Vec<Value>)>, as_of: &str) -> Vec<Finding> {
    run(&BelowCost, as_of, &data(&tables, 4))
}

fn sustained(f: &[Finding]) -> Vec<&Finding> {
    f.iter()
        .filter(|f| f.rule == "below_cost.sustained")
        .collect()
}

#[test]
fn seven_days_below_audited_cost_with_a_dominant_share() {
    let f = detect(
        vec![
            (
                "listings",
                vec![
                    listing("l1", "m1", "食品/茶叶", "2025-01-01T00:00:00+08:00"),
                    listing("l2", "m2", "食品/坚果", "2025-01-01T00:00:00+08:00"),
                ],
            ),
            ("costs", vec![cost("l1", 10_000, "audited")]),
            (
                "orders",
                [
                    orders("l1", "m1", 1, 7, 8_000),
                    orders("l2", "m2", 1, 7, 100_000),
                ]
                .concat(),
            ),
        ],
        AS_OF,
    );
    let f = sustained(&f);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["days_below_cost"], 7);
    // Both listings are in 食品: l1 has 56,000 of 756,000 fen of GMV, far from any presumption.
    assert_eq!(f[0].evidence["market"]["seller_share"], 0.0741);
    assert!(f[0].evidence["market"]["dominance_presumption"].is_null());
    assert_eq!(f[0].severity, Severity::Medium);
    assert!(f[0].summary.contains("经核实的成本"), "{}", f[0].summary);
}

#[test]
fn threshold_days_and_equal_prices() {
    let base = |days: u32, price: i64| {
        detect(
            vec![
                (
                    "listings",
                    vec![listing("l1", "m1", "家居", "2025-01-01T00:00:00+08:00")],
                ),
                ("costs", vec![cost("l1", 10_000, "declared")]),
                ("orders", orders("l1", "m1", 1, days, price)),
            ],
            AS_OF,
        )
    };
    assert!(
        sustained(&base(6, 9_999)).is_empty(),
        "6 days is under the 7-day threshold"
    );
    assert_eq!(sustained(&base(7, 9_999)).len(), 1, "7 days is sustained");
    assert!(
        sustained(&base(10, 10_000)).is_empty(),
        "selling at cost is not below cost"
    );
}

#[test]
fn market_context_and_presumption() {
    // Category 家居: m1 70%, m2 20%, m3 10% of GMV: m1 alone reaches one half.
    let f = detect(
        vec![
            (
                "listings",
                vec![
                    listing("l1", "m1", "家居", "2025-01-01T00:00:00+08:00"),
                    listing("l2", "m2", "家居", "2025-01-01T00:00:00+08:00"),
                    listing("l3", "m3", "家居", "2025-01-01T00:00:00+08:00"),
                ],
            ),
            ("costs", vec![cost("l1", 10_000, "audited")]),
            (
                "orders",
                [
                    orders("l1", "m1", 1, 10, 7_000),
                    orders("l2", "m2", 1, 10, 2_000),
                    orders("l3", "m3", 1, 10, 1_000),
                ]
                .concat(),
            ),
        ],
        AS_OF,
    );
    let f = sustained(&f);
    assert_eq!(f.len(), 1);
    let m = &f[0].evidence["market"];
    assert_eq!(m["seller_share"], 0.7);
    assert_eq!(m["cr4"], 1.0);
    assert_eq!(m["hhi"], 5400.0, "70² + 20² + 10²");
    assert!(
        m["dominance_presumption"]
            .as_str()
            .unwrap()
            .contains("二分之一")
    );
    assert_eq!(f[0].severity, Severity::High);
}

#[test]
fn justifications_lower_severity_and_are_stated() {
    let f = detect(
        vec![
            (
                "listings",
                vec![listing("l1", "m1", "家居", "2026-02-20T00:00:00+08:00")],
            ),
            ("costs", vec![cost("l1", 10_000, "declared")]),
            ("orders", orders("l1", "m1", 1, 8, 9_000)),
        ],
        AS_OF,
    );
    let f = sustained(&f);
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].severity,
        Severity::Medium,
        "dominant by share, but a new product"
    );
    assert!(f[0].summary.contains("新商品上市"), "{}", f[0].summary);
}

fn campaign_tables(below_merchants: usize, before_too: bool) -> Vec<(&'static str, Vec<Value>)> {
    let mut listings = Vec::new();
    let mut costs = Vec::new();
    let mut all_orders = Vec::new();
    let mut participants = Vec::new();
    for i in 0..6 {
        let (l, m) = (format!("l{i}"), format!("m{i}"));
        listings.push(listing(&l, &m, "家居", "2025-01-01T00:00:00+08:00"));
        costs.push(cost(&l, 10_000, "declared"));
        participants.push(json!({"platform_id": "p", "campaign_id": "c1", "merchant_id": m}));
        let goes_below = i < below_merchants;
        all_orders.extend(orders(
            &l,
            &m,
            10,
            5,
            if before_too && goes_below {
                9_000
            } else {
                12_000
            },
        ));
        all_orders.extend(orders(
            &l,
            &m,
            15,
            5,
            if goes_below { 9_000 } else { 12_000 },
        ));
    }
    vec![
        ("listings", listings),
        ("costs", costs),
        ("orders", all_orders),
        (
            "campaigns",
            vec![
                json!({"platform_id": "p", "campaign_id": "c1", "name": "春季大促",
            "starts_at": "2026-03-15T00:00:00+08:00", "ends_at": "2026-03-19T23:59:59+08:00"}),
            ],
        ),
        ("campaign_participants", participants),
    ]
}

#[test]
fn platform_forced_below_cost_during_a_campaign() {
    let f = detect(campaign_tables(5, false), AS_OF);
    let forced: Vec<&Finding> = f
        .iter()
        .filter(|f| f.rule == "below_cost.platform_forced")
        .collect();
    assert_eq!(forced.len(), 1, "{f:#?}");
    assert_eq!(forced[0].subject.id, "p");
    assert_eq!(
        forced[0].evidence["newly_below_cost"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    assert_eq!(
        forced[0].legal_basis,
        vec!["反不正当竞争法（2025） 第十四条".to_string()]
    );
    // Four merchants is under the threshold; merchants already below cost before do not count.
    assert!(
        detect(campaign_tables(4, false), AS_OF)
            .iter()
            .all(|f| f.rule != "below_cost.platform_forced")
    );
    assert!(
        detect(campaign_tables(5, true), AS_OF)
            .iter()
            .all(|f| f.rule != "below_cost.platform_forced")
    );
    // Not in force before 2025-10-15.
    assert!(
        detect(campaign_tables(5, false), "2025-10-14T12:00:00+08:00")
            .iter()
            .all(|f| f.rule != "below_cost.platform_forced")
    );
}

#[test]
fn the_legal_basis_follows_the_date() {
    let tables = vec![
        ("listings", vec![listing("l1", "m1", "家居", "2020-01-01T00:00:00+08:00")]),
        ("costs", vec![json!({"platform_id": "p", "listing_id": "l1", "valid_from": "2020-01-01", "unit_cost_fen": 10_000, "basis": "audited"})]),
        ("orders", (1..=9).map(|d| json!({"platform_id": "p", "listing_id": "l1", "merchant_id": "m1", "unit_price_fen": 5_000,
            "paid_fen": 5_000, "ordered_at": format!("2022-03-{d:02}T12:00:00+08:00"), "status": "completed"})).collect()),
    ];
    let old = detect(tables.clone(), "2022-04-01T00:00:00+08:00");
    assert_eq!(
        old[0].legal_basis[1],
        "反垄断法（2008） 第十七条第一款第二项"
    );
    let new = detect(tables, "2022-09-01T00:00:00+08:00");
    assert_eq!(new[0].legal_basis[1], "反垄断法 第二十二条第一款第二项");
}

#[test]
fn fresh_goods_and_clearance_are_the_statutes_own_exceptions() {
    // 价格法 第十四条第二项: 依法降价处理鲜活商品、季节性商品、积压商品 is excepted.
    let run_with = |listing: Value| {
        let f = detect(
            vec![
                ("listings", vec![listing]),
                ("costs", vec![cost("l1", 10_000, "declared")]),
                ("orders", orders("l1", "m1", 1, 10, 7_000)),
            ],
            AS_OF,
        );
        sustained(&f).len()
    };
    let mut fresh = listing("l1", "m1", "生鲜", "2025-01-01T00:00:00+08:00");
    fresh["product_class"] = json!("fresh");
    assert_eq!(run_with(fresh), 0, "fresh goods");
    // Delisted 7 days after the last below-cost day (March 10): clearance. 8 days: not clearance.
    let mut cleared = listing("l1", "m1", "月饼", "2025-01-01T00:00:00+08:00");
    cleared["delisted_at"] = json!("2026-03-17T10:00:00+08:00");
    assert_eq!(run_with(cleared.clone()), 0, "cleared within 7 days");
    cleared["delisted_at"] = json!("2026-03-18T10:00:00+08:00");
    assert_eq!(
        run_with(cleared),
        1,
        "delisted 8 days later is not clearance"
    );
    assert_eq!(
        run_with(listing("l1", "m1", "家居", "2025-01-01T00:00:00+08:00")),
        1
    );
}
