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

/// A listing titled `title` below cost (7,000 against 10,000) on March `first` … `first + days - 1`.
fn titled_run(title: &str, description: &str, first: u32, days: u32) -> Vec<Finding> {
    let mut l = listing("l1", "m1", "家居/凉席", "2025-01-01T00:00:00+08:00");
    l["title"] = json!(title);
    l["description"] = json!(description);
    detect(
        vec![
            ("listings", vec![l]),
            ("costs", vec![cost("l1", 10_000, "audited")]),
            ("orders", orders("l1", "m1", first, days, 7_000)),
        ],
        AS_OF,
    )
}

#[test]
fn a_declared_clearance_is_the_statutes_exception_within_its_period() {
    // 价格法 第十四条第二项: 依法降价处理 seasonal and overstocked goods (and, with the 1993 AUCL
    // 第十一条, goods near expiry and closing down) is not dumping. The listing's own words declare
    // the case, in any script or spacing.
    for (title, description) in [
        ("冰丝凉席 换季清仓", ""),
        ("月饼礼盒", "中秋节后处理"),
        ("进口饼干", "临近保质期，介意慎拍"),
        ("实木餐桌", "门店停业，全场处理"),
        ("冰絲涼席 換季清倉", ""),
        ("床品四件套 尾 货", ""),
    ] {
        assert!(
            sustained(&titled_run(title, description, 1, 15)).is_empty(),
            "{title} {description}"
        );
    }
    // Denied or absent: a finding like any other.
    for title in ["冰丝凉席 非清仓 正品新款", "冰丝凉席 夏季新款"] {
        assert_eq!(sustained(&titled_run(title, "", 1, 15)).len(), 1, "{title}");
    }
}

#[test]
fn a_clearance_claim_is_bounded_by_clearance_max_days() {
    // Below cost from March 1 to March 30: 30 days, the bound itself, is a clearance.
    assert!(sustained(&titled_run("凉席 换季清仓", "", 1, 30)).is_empty());
    // March 1 to 31: 31 days under a clearance label is not taken at its word; the claim is
    // stated and does not lower the severity.
    let f = titled_run("凉席 换季清仓", "", 1, 31);
    let f = sustained(&f);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].evidence["declared_exception"]["case"], "seasonal");
    assert_eq!(f[0].evidence["declared_exception"]["cue"], "换季");
    assert!(f[0].summary.contains("未予采信"), "{}", f[0].summary);
    assert!(
        f[0].evidence["justifications"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // The only seller of its category (a share of one half or more) with no justification.
    assert_eq!(f[0].severity, Severity::High);
}

/// Six merchants in campaign c1 (March 10–20) with `terms`; merchants `0..below` sell below cost
/// (9,000 against 10,000) during it and above cost (12,000) from March 1 to 9, except those in
/// `before_too`, below cost from March 1.
fn forced_tables(
    below: usize,
    before_too: &[usize],
    terms: &str,
    sanctions: Vec<Value>,
) -> Vec<(&'static str, Vec<Value>)> {
    let mut listings = Vec::new();
    let mut costs = Vec::new();
    let mut all_orders = Vec::new();
    let mut participants = Vec::new();
    for i in 0..6 {
        let (l, m) = (format!("l{i}"), format!("m{i}"));
        listings.push(listing(&l, &m, "家居", "2025-01-01T00:00:00+08:00"));
        costs.push(cost(&l, 10_000, "declared"));
        participants.push(json!({"platform_id": "p", "campaign_id": "c1", "merchant_id": m}));
        let before = if before_too.contains(&i) {
            9_000
        } else {
            12_000
        };
        all_orders.extend(orders(&l, &m, 1, 9, before));
        all_orders.extend(orders(
            &l,
            &m,
            10,
            11,
            if i < below { 9_000 } else { 12_000 },
        ));
    }
    vec![
        ("listings", listings),
        ("costs", costs),
        ("orders", all_orders),
        (
            "campaigns",
            vec![
                json!({"platform_id": "p", "campaign_id": "c1", "name": "年终冲量节",
                "starts_at": "2026-03-10T00:00:00+08:00", "ends_at": "2026-03-20T23:00:00+08:00",
                "terms_text": terms}),
            ],
        ),
        ("campaign_participants", participants),
        ("merchant_sanctions", sanctions),
    ]
}

const FORCING: &str = "参加活动的商品须按平台核定价销售，商家不得高于平台核定价；未按核定价销售的，平台将下架商品并扣除保证金。";
const PRICE_RULE_ONLY: &str = "报名商品须按平台核定的活动价销售，活动价由平台统一设定。";
const VOLUNTARY: &str =
    "报名自愿，活动价由商家自主申报，平台不设价格要求；虚假发货的，平台将下架商品。";

fn forced_of(f: &[Finding]) -> Vec<&Finding> {
    f.iter()
        .filter(|f| f.rule == "below_cost.platform_forced")
        .collect()
}

#[test]
fn merchants_pushed_below_cost_by_their_platform_are_not_dumping() {
    // Five of six go below cost for the 11 days of the campaign and not before: the platform's
    // finding (反不正当竞争法（2025）第十四条); their days are its conduct, not their dumping.
    let f = detect(forced_tables(5, &[], PRICE_RULE_ONLY, vec![]), AS_OF);
    assert_eq!(forced_of(&f).len(), 1, "{f:#?}");
    assert!(sustained(&f).is_empty(), "{:#?}", sustained(&f));
    // Without the campaign the same prices are five sellers' own sustained runs.
    let mut tables = forced_tables(5, &[], PRICE_RULE_ONLY, vec![]);
    tables.retain(|(t, _)| *t != "campaign_participants");
    assert_eq!(sustained(&detect(tables, AS_OF)).len(), 5);
    // A merchant already below cost before the campaign is not among those it pushed: its run is
    // its own and stays a finding, with nothing attributed to the platform.
    let f = detect(forced_tables(6, &[5], PRICE_RULE_ONLY, vec![]), AS_OF);
    assert_eq!(forced_of(&f).len(), 1);
    let s = sustained(&f);
    assert_eq!(s.len(), 1, "{s:#?}");
    assert_eq!(s[0].subject.id, "l5");
    assert!(s[0].evidence.get("days_attributed_to_platform").is_none());
    // Before 2025-10-15 the platform rule is not in force, and still the merchants' days are not
    // their own dumping.
    let f = detect(
        forced_tables(5, &[], PRICE_RULE_ONLY, vec![]),
        "2025-10-14T12:00:00+08:00",
    );
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn documented_compulsion_needs_fewer_merchants() {
    // The terms set the price and punish who does not follow it: two merchants (the threshold)
    // going below cost together are the platform's finding, one is not.
    let f = detect(forced_tables(2, &[], FORCING, vec![]), AS_OF);
    let forced = forced_of(&f);
    assert_eq!(forced.len(), 1, "{f:#?}");
    assert_eq!(forced[0].evidence["min_merchants"], 2);
    assert_eq!(
        forced[0].evidence["compulsion"]["penalty_clauses"][0],
        "未按核定价销售的,平台将下架商品并扣除保证金"
    );
    assert_eq!(forced[0].severity, Severity::High);
    assert!(
        forced[0].summary.contains("对不执行者采取处罚措施"),
        "{}",
        forced[0].summary
    );
    assert!(sustained(&f).is_empty());
    // One of six: under both the count and the share.
    assert!(forced_of(&detect(forced_tables(1, &[], FORCING, vec![]), AS_OF)).is_empty());
    // Traffic withdrawn from who refuses an automatic repricing is 变相强制.
    let repricing = "活动期间，平台比价系统将自动调整报名商品售价，商家不得拒绝；拒绝调价的，取消该店铺全部流量扶持。";
    assert_eq!(
        forced_of(&detect(forced_tables(4, &[], repricing, vec![]), AS_OF)).len(),
        1
    );
    // A price rule without enforcement needs the undocumented path's five merchants.
    assert!(
        forced_of(&detect(
            forced_tables(4, &[], PRICE_RULE_ONLY, vec![]),
            AS_OF
        ))
        .is_empty()
    );
    // A sanction on a participant during the campaign is the enforcement.
    let sanction = json!({"platform_id": "p", "merchant_id": "m4", "at": "2026-03-12T10:00:00+08:00",
        "action": "listing_removal", "reason_text": "未按活动价销售"});
    let f = detect(
        forced_tables(4, &[], PRICE_RULE_ONLY, vec![sanction.clone()]),
        AS_OF,
    );
    let forced = forced_of(&f);
    assert_eq!(forced.len(), 1);
    assert_eq!(
        forced[0].evidence["compulsion"]["sanctions_during_campaign"][0]["action"],
        "listing_removal"
    );
    assert!(
        forced[0].summary.contains("受到处罚措施"),
        "{}",
        forced[0].summary
    );
    // The same sanction a day before the campaign, or a warning, enforces nothing.
    let mut early = sanction.clone();
    early["at"] = json!("2026-03-09T10:00:00+08:00");
    let mut warning = sanction;
    warning["action"] = json!("warning");
    for s in [early, warning] {
        assert!(
            forced_of(&detect(
                forced_tables(4, &[], PRICE_RULE_ONLY, vec![s]),
                AS_OF
            ))
            .is_empty()
        );
    }
    // Self-declared prices with a penalty for something else: no price rule, no compulsion.
    assert!(forced_of(&detect(forced_tables(4, &[], VOLUNTARY, vec![]), AS_OF)).is_empty());
}

/// A listing in `category` titled `title`, below cost (7,000 against 10,000) on the given dates.
fn dated_run(title: &str, category: &str, dates: &[String]) -> Vec<Finding> {
    let mut l = listing("l1", "m1", category, "2025-01-01T00:00:00+08:00");
    l["title"] = json!(title);
    let rows = dates
        .iter()
        .map(|d| json!({"platform_id": "p", "listing_id": "l1", "merchant_id": "m1", "unit_price_fen": 7_000,
                        "paid_fen": 7_000, "ordered_at": format!("{d}T12:00:00+08:00"), "status": "completed"}))
        .collect();
    detect(
        vec![
            ("listings", vec![l]),
            (
                "costs",
                vec![
                    json!({"platform_id": "p", "listing_id": "l1", "valid_from": "2025-06-01",
                                  "unit_cost_fen": 10_000, "basis": "audited"}),
                ],
            ),
            ("orders", rows),
        ],
        AS_OF,
    )
}

fn march(from: u32, to: u32) -> Vec<String> {
    (from..=to).map(|d| format!("2026-03-{d:02}")).collect()
}

#[test]
fn a_clearance_channel_in_the_category_path_is_not_a_declaration() {
    // 31 days below cost in a "低价/清仓" category with no clearance words of its own: a finding
    // (version 3; version 2 read the channel as the item's claim).
    let f = dated_run("行车记录仪 4K", "低价/清仓", &march(1, 31));
    assert_eq!(sustained(&f).len(), 1);
    // 30 days (the clearance bound) in that channel: still a finding — the channel claims nothing.
    let f = dated_run("行车记录仪 4K", "低价/清仓", &march(1, 30));
    assert_eq!(sustained(&f).len(), 1);
    // The item's own words still declare it, within the bound.
    assert!(sustained(&dated_run("行车记录仪 清仓", "低价/清仓", &march(1, 30))).is_empty());
}

#[test]
fn a_seasonal_good_after_its_season_is_the_statutes_exception() {
    // 价格法 第十四条第二项 季节性商品: a winter item in March (after its season), for the whole
    // month — longer than the declared-clearance bound — is not dumping.
    assert!(sustained(&dated_run("羽绒服 冬款", "服饰/外套", &march(1, 31))).is_empty());
    // A summer item in March is before its season, not after: a finding.
    assert_eq!(
        sustained(&dated_run("凉席 夏款", "家居/凉席", &march(1, 31))).len(),
        1
    );
    // New stock of the season is not a clearance.
    assert_eq!(
        sustained(&dated_run("羽绒服 冬季新款", "服饰/外套", &march(1, 31))).len(),
        1
    );
    // A run that starts in February (still winter) is not wholly after the season: a finding.
    let mut dates: Vec<String> = (20..=28).map(|d| format!("2026-02-{d:02}")).collect();
    dates.extend(march(1, 10));
    assert_eq!(
        sustained(&dated_run("羽绒服 冬款", "服饰/外套", &dates)).len(),
        1
    );
    // From March 1 exactly: wholly after it.
    assert!(sustained(&dated_run("羽绒服 冬款", "服饰/外套", &march(1, 19))).is_empty());
    // A summer item in December (the fourth held-out set's case) is after its season.
    let dec: Vec<String> = (1..=31).map(|d| format!("2025-12-{d:02}")).collect();
    assert!(sustained(&dated_run("防晒衣 夏款", "服饰/防晒", &dec)).is_empty());
}

const FUNDED: &str =
    "年终补贴由平台全额出资，消费者领取的补贴券由平台承担，商家按原价结算货款；报名自愿。";

#[test]
fn a_platform_funded_subsidy_pushes_no_merchant_below_cost() {
    // The buyers pay below cost but the merchants are settled at their own price: no
    // platform-level finding, and the days are not the merchants' dumping either.
    let f = detect(forced_tables(6, &[], FUNDED, vec![]), AS_OF);
    assert!(forced_of(&f).is_empty(), "{:#?}", forced_of(&f));
    assert!(sustained(&f).is_empty(), "{:#?}", sustained(&f));
    // The same campaign with the settlement clause denied is judged as before.
    let denied = "年终补贴由平台出资，商家不按原价结算；报名商品须按平台核定的活动价销售，活动价由平台统一设定。";
    assert_eq!(
        forced_of(&detect(forced_tables(6, &[], denied, vec![]), AS_OF)).len(),
        1
    );
}

/// Version 10: the merchant's settlement at its own price read by structure — the settlement
/// defined as its own price, or the whole difference paid by the platform — not only from the
/// cue list (价格法 第十四条第二项 judges the seller's own price; the orders carry only the
/// buyer's). Holdout10's 平台补贴周 wording (seen) and rephrasings of it.
#[test]
fn a_settlement_at_the_merchants_own_price_is_read_by_structure() {
    // Four merchants below cost for the buyer, the price set by the platform, no penalty: under
    // the undocumented path's five, so before version 10 each was a `sustained` finding.
    for terms in [
        "「平台补贴周」活动价由平台设定，差价由平台全额补贴：商家结算价=商家申报的原供货价，补贴随订单结算到账。商家可随时退出。",
        "活动价由平台统一设定；商家结算价=商家申报的原供货价。",
        "活动价由平台统一设定；商家按原供货价结算。",
        "活动价由平台统一设定，差价由平台承担。",
        // The own price at exactly 12 chars after 结算.
        "活动价由平台统一设定；结算款项于每月十五日统一转入原供货价账户。",
    ] {
        let f = detect(forced_tables(4, &[], terms, vec![]), AS_OF);
        assert!(forced_of(&f).is_empty(), "{terms}: {f:#?}");
        assert!(sustained(&f).is_empty(), "{terms}: {:#?}", sustained(&f));
    }
    // Not a settlement at the merchant's own price: judged as before (four runs of their own).
    for terms in [
        "活动价由平台统一设定；商家结算价为原价的九成。",
        "活动价由平台统一设定；部分差价由平台补贴。",
        "活动价由平台统一设定；差价的50%由平台补贴。",
        "活动价由平台统一设定；差价不由平台承担。",
        "活动价由平台统一设定；商家按平台售价结算。",
        "活动价由平台统一设定；商家结算价不是原供货价。",
        "活动价由平台统一设定；结算价低于原价。",
        // 13 chars: beyond the reach.
        "活动价由平台统一设定；结算款项于每月十五日统一转入其原供货价账户。",
    ] {
        let f = detect(forced_tables(4, &[], terms, vec![]), AS_OF);
        assert_eq!(sustained(&f).len(), 4, "{terms}: {f:#?}");
    }
}

#[test]
fn a_voluntary_campaign_at_the_merchants_own_price_forces_nobody() {
    // 反不正当竞争法（2025）第十四条 forbids forcing: own price and free entry and exit, no
    // sanction — six merchants below cost together are their own choice, not the platform's.
    let free = "冬季团购节商户自愿参加，活动价格由商户自行设定，活动期间可随时退出。";
    let f = detect(forced_tables(6, &[], free, vec![]), AS_OF);
    assert!(forced_of(&f).is_empty(), "{:#?}", forced_of(&f));
    // … and a short campaign the merchants chose is not their sustained dumping either.
    assert!(sustained(&f).is_empty(), "{:#?}", sustained(&f));
    // Own price alone (joining is compulsory and leaving is not mentioned): judged as before.
    let own_price_only = "全体商户参加冬季团购节，活动价格由商户自行设定。";
    assert_eq!(
        forced_of(&detect(
            forced_tables(5, &[], own_price_only, vec![]),
            AS_OF
        ))
        .len(),
        1
    );
    // Denied freedom is no freedom: "不得自行设定" with "随时退出" is not voluntary.
    let denied = "商户自愿参加，活动价格不得自行设定，须按平台核定价销售；可随时退出。";
    assert_eq!(
        forced_of(&detect(forced_tables(5, &[], denied, vec![]), AS_OF)).len(),
        1
    );
    // Voluntary on paper, but the platform's price rule is enforced by a sanction during the
    // campaign: compulsion is documented and wins over the words.
    let paper = "商户自愿参加，可随时退出；活动价由商户自行设定，未达到平台核定价的商品降权。";
    let sanction = json!({"platform_id": "p", "merchant_id": "m5", "at": "2026-03-12T10:00:00+08:00",
                          "action": "search_demotion", "reason_text": "活动价未达核定价"});
    assert_eq!(
        forced_of(&detect(forced_tables(5, &[], paper, vec![sanction]), AS_OF)).len(),
        1
    );
}

#[test]
fn coercion_read_by_structure_like_unfair_terms() {
    // Version 5: the price set by the platform and the sanction are read by structure, as
    // `unfair_terms` reads them (电子商务法 第三十五条), not only from the literal cue lists.
    let locked_and_hidden = "节日专场：参加商品的价格由平台按同城均价统一确定，商家不可修改价格；拒不执行的店铺暂停展示。";
    let f = detect(forced_tables(2, &[], locked_and_hidden, vec![]), AS_OF);
    let forced = forced_of(&f);
    assert_eq!(forced.len(), 1, "{f:#?}");
    assert!(sustained(&f).is_empty(), "{f:#?}");
    // A live-stream price set by the platform, enforced by cutting the room's push traffic.
    let live = "直播节：平台根据比价结果设定直播间价格，商家须按此价格开播，不执行的限制直播推流。";
    assert_eq!(
        forced_of(&detect(forced_tables(2, &[], live, vec![]), AS_OF)).len(),
        1
    );
    // At the documented threshold and one under it.
    assert!(forced_of(&detect(forced_tables(1, &[], live, vec![]), AS_OF)).is_empty());
    // Negative: the merchant sets its own price; hiding is for fake shipping, not for the price.
    let own = "直播节：直播间价格由商家自行设定，平台不作要求；虚假发货的店铺暂停展示。";
    assert!(forced_of(&detect(forced_tables(2, &[], own, vec![]), AS_OF)).is_empty());
    // Negative: the platform sets a price but threatens nothing (two merchants are under the
    // undocumented path's five).
    let no_sanction = "直播节：平台根据比价结果设定直播间价格，商家可自愿报名。";
    assert!(forced_of(&detect(forced_tables(2, &[], no_sanction, vec![]), AS_OF)).is_empty());
}

/// Version 6: the platform fixing the merchant's selling price however worded — an amount it
/// charges the merchant's buyers, a price decided by it, a sale at its price, a settlement cut
/// from its price (反不正当竞争法（2025）第十四条; 电子商务法 第三十五条). Holdout6's driving-school
/// wording (seen) and rephrasings of it.
#[test]
fn a_price_the_platform_charges_buyers_is_its_price_rule() {
    for terms in [
        "驾考季：平台统一按1999元向学员收费，驾校结算价为平台收费的九成；不参加的驾校扣除保证金2000元。",
        "暑期班：学费由平台统一向学员收取，每人2580元；拒绝参加的机构下架课程。",
        "活动期间所有课程按平台统一价99元销售；不执行的店铺降权。",
        "消费者支付的价格由平台确定；机构按平台售价的八成结算，未参加的机构扣除保证金。",
        "平台向顾客统一收取¥199，商家按平台收费的85%结算；拒绝者限流。",
    ] {
        let f = detect(forced_tables(2, &[], terms, vec![]), AS_OF);
        let forced = forced_of(&f);
        assert_eq!(forced.len(), 1, "{terms}: {f:#?}");
        assert!(
            !forced[0].evidence["compulsion"]["price_rule_clauses"]
                .as_array()
                .unwrap()
                .is_empty(),
            "{terms}"
        );
        // Their campaign days are the platform's, not the two merchants' dumping.
        assert!(sustained(&f).is_empty(), "{terms}: {:#?}", sustained(&f));
        // At the documented threshold: one merchant is not a platform-level finding …
        let one = detect(forced_tables(1, &[], terms, vec![]), AS_OF);
        assert!(forced_of(&one).is_empty(), "{terms}");
        // … and its days under the platform's enforced price are still not its own dumping.
        assert!(
            sustained(&one).is_empty(),
            "{terms}: {:#?}",
            sustained(&one)
        );
    }
    // Not the merchant's price: the platform's own fee, a denied charge, the merchant's own
    // price. With a penalty in the terms and two merchants below cost, no price rule means the
    // undocumented path's five merchants — none here.
    for terms in [
        "平台按成交额向商家收取5%技术服务费；虚假发货的店铺扣除保证金。",
        "平台不向学员收取任何费用，学费2580元由驾校自行定价收取；违规的驾校扣除保证金。",
        "活动价由商家自主设置，平台向消费者收取的配送费统一为5元；违规者下架。",
        "价格不由平台确定；违规者下架。",
    ] {
        let f = detect(forced_tables(2, &[], terms, vec![]), AS_OF);
        assert!(forced_of(&f).is_empty(), "{terms}: {f:#?}");
        // With no documented compulsion the two merchants' runs are their own.
        assert_eq!(sustained(&f).len(), 2, "{terms}");
    }
    // Undocumented compulsion (a price rule, no penalty): one merchant below cost alone keeps its
    // own run — only documented compulsion takes a lone merchant's days.
    let f = detect(forced_tables(1, &[], PRICE_RULE_ONLY, vec![]), AS_OF);
    assert!(forced_of(&f).is_empty());
    assert_eq!(sustained(&f).len(), 1);
}

/// Version 6: a merchant that stayed out of the campaign and was punished for it during the
/// campaign ("未参加…活动") documents the compulsion like a sanction on a participant; a
/// sanction on an outsider for something else does not.
#[test]
fn punishing_who_stays_out_is_the_enforcement() {
    let refuser = json!({"platform_id": "p", "merchant_id": "m9", "at": "2026-03-11T10:00:00+08:00",
        "action": "deposit_deduction", "reason_text": "未参加年终冲量节，扣除保证金"});
    let f = detect(
        forced_tables(2, &[], PRICE_RULE_ONLY, vec![refuser.clone()]),
        AS_OF,
    );
    let forced = forced_of(&f);
    assert_eq!(forced.len(), 1, "{f:#?}");
    let s = &forced[0].evidence["compulsion"]["sanctions_during_campaign"][0];
    assert_eq!(s["merchant_id"], "m9");
    assert_eq!(s["participant"], false);
    assert!(sustained(&f).is_empty());
    // Named by the campaign's name instead of a refusal word.
    let mut named = refuser.clone();
    named["reason_text"] = json!("年终冲量节期间违规，降低搜索排序");
    named["action"] = json!("search_demotion");
    assert_eq!(
        forced_of(&detect(
            forced_tables(2, &[], PRICE_RULE_ONLY, vec![named]),
            AS_OF
        ))
        .len(),
        1
    );
    // An outsider punished for fake shipping, or a refuser punished the day before the campaign,
    // documents nothing: two merchants are under the undocumented path's five.
    let mut other = refuser.clone();
    other["reason_text"] = json!("虚假发货");
    let mut early = refuser;
    early["at"] = json!("2026-03-09T10:00:00+08:00");
    for s in [other, early] {
        let f = detect(forced_tables(2, &[], PRICE_RULE_ONLY, vec![s]), AS_OF);
        assert!(forced_of(&f).is_empty(), "{f:#?}");
        assert_eq!(sustained(&f).len(), 2);
    }
}

/// A listing titled `title` below cost (7,000 against an audited 10,000) on `early` and on
/// March 1–15, 2026: the below-cost history spans from `early` to March 15.
fn superseded_run(title: &str, early: &str) -> Vec<Finding> {
    let mut l = listing("l1", "m1", "乐器/钢琴", "2024-01-01T00:00:00+08:00");
    l["title"] = json!(title);
    let mut c = cost("l1", 10_000, "audited");
    c["valid_from"] = json!("2024-01-01");
    let mut o = orders("l1", "m1", 1, 15, 7_000);
    o.push(json!({"platform_id": "p", "listing_id": "l1", "merchant_id": "m1", "unit_price_fen": 7_000,
                  "paid_fen": 7_000, "ordered_at": format!("{early}T12:00:00+08:00"), "status": "completed"}));
    detect(
        vec![("listings", vec![l]), ("costs", vec![c]), ("orders", o)],
        AS_OF,
    )
}

// Version 7: an older model declared as overstock after its successor is the statute's 积压商品
// (价格法 第十四条第二项) for up to `superseded_clearance_max_days` (90), not the 30 of an
// ordinary clearance claim.
#[test]
fn an_older_models_overstock_clearance_has_the_longer_bound() {
    // 2026-01-15 to 03-15: 60 days.
    for title in [
        "数码钢琴 88键 2024款 库存清仓",
        "数码钢琴 24款 清仓",
        "数码钢琴 2025年款 尾货",
        "数码钢琴 旧款 清仓处理",
        "数码钢琴 积压库存 新款已上市",
    ] {
        assert!(
            sustained(&superseded_run(title, "2026-01-15")).is_empty(),
            "{title}"
        );
    }
    // The same 60 days: a clearance without a superseded model, this year's model, or an old
    // model without a clearance claim is judged on the ordinary bound (30 days).
    for title in [
        "数码钢琴 库存清仓",
        "数码钢琴 2026款 清仓",
        "数码钢琴 2024款",
        "数码钢琴 新款 首发",
    ] {
        assert_eq!(
            sustained(&superseded_run(title, "2026-01-15")).len(),
            1,
            "{title}"
        );
    }
    // At the bound: 2025-12-16 to 2026-03-15 is 90 days (the model year compared with 2025's
    // first below-cost day); 2025-12-15 is 91.
    let title = "数码钢琴 2024款 库存清仓";
    assert!(sustained(&superseded_run(title, "2025-12-16")).is_empty());
    assert_eq!(sustained(&superseded_run(title, "2025-12-15")).len(), 1);
    // A 2025 model cleared from 2025: not superseded in the year it is cleared.
    assert_eq!(
        sustained(&superseded_run("数码钢琴 2025款 清仓", "2025-12-16")).len(),
        1
    );
}

#[test]
fn a_voluntary_campaign_takes_its_days_however_few_went_below_cost() {
    // Version 8: two of six merchants price a voluntary campaign (own price, free to leave)
    // under cost for its 11 days — too few for a platform-level finding, and still a promotion
    // they chose for the stated days, not their sustained dumping.
    let free = "报名自愿，活动价由商家自行设定，可随时退出活动。";
    let f = detect(forced_tables(2, &[], free, vec![]), AS_OF);
    assert!(forced_of(&f).is_empty(), "{:#?}", forced_of(&f));
    assert!(sustained(&f).is_empty(), "{:#?}", sustained(&f));
    // At the edge: a single merchant below cost in it.
    let f = detect(forced_tables(1, &[], free, vec![]), AS_OF);
    assert!(sustained(&f).is_empty(), "{:#?}", sustained(&f));
    // A merchant already below cost before the campaign is not one it took below cost: its
    // run is its own (the 9 days before) and stays a finding.
    let f = detect(forced_tables(2, &[1], free, vec![]), AS_OF);
    let s = sustained(&f);
    assert_eq!(s.len(), 1, "{s:#?}");
    assert_eq!(s[0].subject.id, "l1");
    // Terms that state neither freedom nor compulsion: the two runs are the merchants' own.
    let silent = "年终冲量节活动说明：活动期间流量扶持。";
    assert_eq!(
        sustained(&detect(forced_tables(2, &[], silent, vec![]), AS_OF)).len(),
        2
    );
}

/// The market context reads the orders by runs of one listing's rows: interleaved listings, a
/// listing's rows split over batches, runs that start with rows that do not count (cancelled,
/// refunded, no listing id) and a listing with no record of its own give the same figures in
/// every row order and batching.
#[test]
fn market_context_is_the_same_however_the_orders_are_arranged() {
    let l1 = orders("l1", "m1", 1, 10, 7_000);
    let l2 = orders("l2", "m2", 1, 10, 2_000);
    let mut rows: Vec<Value> = Vec::new();
    // A run of l2 opening with rows that do not count: they must not add to its GMV.
    for status in ["cancelled", "refunded"] {
        rows.push(json!({"platform_id": "p", "listing_id": "l2", "merchant_id": "m2", "unit_price_fen": 1_000_000,
                         "paid_fen": 1_000_000, "ordered_at": "2026-03-03T12:00:00+08:00", "status": status}));
    }
    for (a, b) in l1.iter().zip(&l2) {
        rows.push(b.clone());
        rows.push(a.clone());
        // A row without a listing splits nothing it should not.
        rows.push(json!({"platform_id": "p", "merchant_id": "m9", "unit_price_fen": 500_000, "paid_fen": 500_000,
                         "ordered_at": "2026-03-05T12:00:00+08:00", "status": "completed"}));
    }
    // Another category, and a listing with no record (no category): neither is in 家居's market.
    rows.extend(orders("l4", "m4", 1, 10, 900_000));
    rows.extend(orders("l5", "m5", 1, 10, 800_000));
    let tables = |rows: Vec<Value>| {
        vec![
            (
                "listings",
                vec![
                    listing("l1", "m1", "家居/收纳", "2025-01-01T00:00:00+08:00"),
                    listing("l2", "m2", "家居/杯具", "2025-01-01T00:00:00+08:00"),
                    listing("l4", "m4", "数码/耳机", "2025-01-01T00:00:00+08:00"),
                ],
            ),
            ("costs", vec![cost("l1", 10_000, "audited")]),
            ("orders", rows),
        ]
    };
    let first = run(&BelowCost, AS_OF, &data(&tables(rows.clone()), 4));
    let found = sustained(&first);
    assert_eq!(found.len(), 1, "{found:#?}");
    let m = &found[0].evidence["market"];
    // 家居: m1 70,000 and m2 20,000 fen (the cancelled and refunded rows left out).
    assert_eq!(m["category_gmv_fen"], 90_000);
    assert_eq!(m["seller_share"], 0.7778);
    assert_eq!(m["sellers"], 2);
    assert_eq!(m["hhi"], 6543.2, "(7/9)² + (2/9)², in percent points");
    let mut reversed = rows.clone();
    reversed.reverse();
    for (order, arranged) in [("input", &rows), ("reversed", &reversed)] {
        for chunk in [1, 2, 3, 7, 1000] {
            let again = run(&BelowCost, AS_OF, &data(&tables(arranged.clone()), chunk));
            assert_eq!(again, first, "{order} order, batches of {chunk}");
        }
    }
}

#[test]
fn a_decision_left_to_the_merchant_is_stated_by_verb_and_object() {
    // Version 9 (反不正当竞争法（2025）第十四条 forbids 强制或者变相强制; terms leaving both joining
    // and the price to the merchant force nothing): "自行决定是否参加及价格" states both freedoms.
    let free = "「护眼月」平台给出建议活动价，商家可自行决定是否参加及价格，未参加者不受任何影响。";
    let f = detect(forced_tables(2, &[], free, vec![]), AS_OF);
    assert!(sustained(&f).is_empty(), "{:#?}", sustained(&f));
    assert!(forced_of(&f).is_empty(), "{:#?}", forced_of(&f));
    // At the edge: only joining is the merchant's, the price is the platform's — not voluntary,
    // the two runs stay the merchants' own.
    let join_only = "商家可自行决定是否参加，活动价由平台统一设定。";
    assert_eq!(
        sustained(&detect(forced_tables(2, &[], join_only, vec![]), AS_OF)).len(),
        2
    );
    // Denied: "不得自行决定价格" is no freedom.
    let denied = "商家可自行决定是否参加，但不得自行决定价格。";
    assert_eq!(
        sustained(&detect(forced_tables(2, &[], denied, vec![]), AS_OF)).len(),
        2
    );
}

#[test]
fn a_merchant_funded_platform_coupon_is_the_platforms_price_rule() {
    // 反不正当竞争法（2025）第十四条 按照其定价规则: a cut the platform gives the buyers at the
    // merchants' expense sets what they take, enforced by the deposit — the platform's rule.
    let coupon = "平台统一发放满100减30券，优惠金额由商家全额承担；全部店铺默认参加，不得退出，拒绝承担的从保证金中扣除。";
    let f = detect(forced_tables(2, &[], coupon, vec![]), AS_OF);
    let forced = forced_of(&f);
    assert_eq!(forced.len(), 1, "{f:#?}");
    assert_eq!(forced[0].evidence["min_merchants"], 2);
    assert_eq!(
        forced[0].evidence["compulsion"]["price_rule_clauses"][0],
        "平台统一发放满100减30券,优惠金额由商家全额承担"
    );
    assert_eq!(
        forced[0].evidence["compulsion"]["penalty_clauses"][0],
        "全部店铺默认参加,不得退出,拒绝承担的从保证金中扣除"
    );
    // Their campaign days are the platform's conduct, not their own dumping.
    assert!(sustained(&f).is_empty(), "{:#?}", sustained(&f));
    // The same coupon with the cost the platform's, or the merchant's own choice to issue it:
    // no pricing rule of the platform — four merchants are under the undocumented five.
    for terms in [
        "平台统一发放满100减30券，优惠金额由平台承担，商家不承担；拒绝参加的从保证金中扣除。",
        "平台提供满减券工具，商家自愿设置，优惠金额由商家承担；虚假发货的从保证金中扣除。",
    ] {
        assert!(
            forced_of(&detect(forced_tables(4, &[], terms, vec![]), AS_OF)).is_empty(),
            "{terms}"
        );
    }
}

/// A near-expiry listing titled `title`, below cost (7,000 against 10,000) on the given dates.
fn near_expiry(title: &str, dates: &[String]) -> Vec<Finding> {
    dated_run(title, "食品/油", dates)
}

#[test]
fn a_near_expiry_clearance_is_bounded_by_its_stated_date() {
    // 价格法 第十四条第二项 with 反不正当竞争法（1993）第十一条第二款 (处理有效期限即将到期的商品):
    // 31 days below cost, longer than the 30-day clearance bound, all before the expiry the
    // listing states, the first 60 days (the bound) before it: the statute's exception.
    let mut dates = march(1, 31);
    assert!(sustained(&near_expiry("山茶油 临期 保质期至2026-04-30", &dates)).is_empty());
    assert!(sustained(&near_expiry("山茶油 临期 有效期至2026年4月30日", &dates)).is_empty());
    // 61 days before the date is not near expiry: the run is judged like any other.
    assert_eq!(
        sustained(&near_expiry("山茶油 临期 保质期至2026-05-01", &dates)).len(),
        1
    );
    // Sold below cost past the stated date: not the clearance of goods about to expire.
    dates.push("2026-04-01".into());
    assert_eq!(
        sustained(&near_expiry("山茶油 临期 保质期至2026-03-31", &dates)).len(),
        1
    );
    // A date with no near-expiry claim, or a claim with no date, keeps the 30-day bound.
    let dates = march(1, 31);
    assert_eq!(
        sustained(&near_expiry("山茶油 保质期至2026-04-30", &dates)).len(),
        1
    );
    assert_eq!(sustained(&near_expiry("山茶油 临期", &dates)).len(), 1);
}
