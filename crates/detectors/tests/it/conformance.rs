//! The conformance harness: every registered detector, on empty input and on a mixed dataset in
//! two row orders and batchings, must give no findings on empty input, the same findings every
//! time, only references that resolve to the input, and findings that validate against the spec.

use std::collections::BTreeSet;

use serde_json::{Value, json};
use tianping_detect::{RefKind, finding};
use tianping_detectors::{CATALOGUE, all};

use crate::support::*;

const AS_OF: &str = "2026-04-01T00:00:00+08:00";

/// A small mixed dataset with honest and dishonest listings.
fn dataset() -> Vec<(&'static str, Vec<Value>)> {
    let mut observations = Vec::new();
    let mut orders = Vec::new();
    let mut listings = Vec::new();
    for l in 0..6 {
        let listing = format!("l{l}");
        listings.push(json!({"platform_id": "p", "listing_id": listing, "merchant_id": format!("m{}", l % 3), "title": format!("商品{l}")}));
        for d in 1..=20u32 {
            let price = 10_000 + (l as i64) * 100;
            orders.push(json!({"platform_id": "p", "listing_id": listing, "order_id": format!("o{l}-{d}"), "merchant_id": format!("m{}", l % 3),
                "unit_price_fen": price - (d as i64 % 3) * 50, "ordered_at": format!("2026-03-{d:02}T11:00:00+08:00"), "status": "completed"}));
            let reference = if l % 2 == 0 {
                Some(price + 2_000)
            } else {
                None
            };
            observations.push(json!({"platform_id": "p", "listing_id": listing,
                "observed_at": format!("2026-03-{d:02}T20:00:00+08:00"), "page": if d % 2 == 0 { "search" } else { "checkout" },
                "displayed_price_fen": price, "reference_price_fen": reference, "reference_kind": reference.map(|_| "unspecified"),
                "promo_kind": if reference.is_some() { "discount" } else { "none" },
                "promo_label": if l == 4 { Some("限时 仅限今日") } else { None },
                "payable_price_fen": if d % 2 == 1 && l == 5 { Some(price + 500) } else { None },
                "viewer_pid": format!("v{}", d / 2), "source": "platform_log"}));
        }
    }
    // A listing where returning viewers pay 8% more than others in the same hour, region and device.
    listings.push(
        json!({"platform_id": "p", "listing_id": "l9", "merchant_id": "m0", "title": "商品9"}),
    );
    for i in 0..120u32 {
        let loyal = i % 2 == 0;
        let coupon = [0, 200, 500][(i as usize * 7) % 3];
        observations.push(json!({"platform_id": "p", "listing_id": "l9",
            "observed_at": format!("2026-03-21T{:02}:{:02}:00+08:00", 8 + (i / 2) % 6, i / 12), "page": "checkout",
            "displayed_price_fen": 10_000, "payable_price_fen": (10_000 - coupon) * if loyal { 108 } else { 100 } / 100,
            "promo_kind": "coupon", "viewer_pid": format!("w{i}"), "viewer_segment": if loyal { "member" } else { "new" },
            "viewer_orders_90d": if loyal { 20 } else { 0 }, "device": "android", "viewer_adcode": "330106",
            "source": "platform_log"}));
    }
    // Listing l0 sells below an audited cost every day.
    let costs = vec![
        json!({"platform_id": "p", "listing_id": "l0", "valid_from": "2026-01-01",
        "unit_cost_fen": 10_500, "basis": "audited"}),
    ];
    // Merchant m1 refuses no-reason returns its other orders never see.
    for i in 0..6 {
        orders.push(json!({"platform_id": "p", "listing_id": "l1", "order_id": format!("r{i}"), "merchant_id": "m1",
            "unit_price_fen": 10_000, "ordered_at": "2026-03-02T11:00:00+08:00", "status": "completed",
            "signed_at": "2026-03-03T11:00:00+08:00", "return_requested_at": "2026-03-05T11:00:00+08:00",
            "return_reason": "no_reason", "return_outcome": "rejected", "invoice_requested": true, "invoice_issued": false}));
    }
    // A brushing ring at merchant m2: twelve accounts on three phones, empty parcels.
    for a in 0..12 {
        for k in 0..3 {
            orders.push(json!({"platform_id": "p", "listing_id": "l2", "order_id": format!("ring{a}-{k}"), "merchant_id": "m2",
                "buyer_pid": format!("acct{a}"), "device_pid": format!("phone{}", a % 3), "parcel_weight_g": 15,
                "unit_price_fen": 10_200, "ordered_at": format!("2026-03-{:02}T10:00:00+08:00", 10 + k), "status": "completed"}));
        }
    }
    for h in 0..8 {
        orders.push(json!({"platform_id": "p", "listing_id": "l5", "order_id": format!("shop{h}"), "merchant_id": "m2",
            "buyer_pid": format!("shopper{h}"), "device_pid": format!("own{h}"), "parcel_weight_g": 900,
            "unit_price_fen": 10_500, "ordered_at": format!("2026-03-{:02}T15:00:00+08:00", 1 + h), "status": "completed"}));
    }
    // A claimant: eight template complaints against eight shops in March, demanding ten-fold damages.
    let complaints: Vec<Value> = (0..8)
        .map(|i| json!({"complaint_id": format!("c{i}"), "received_at": format!("2026-03-{:02}T10:00:00+08:00", 10 + i),
            "complainant_pid": "claimer", "platform_id": "p", "merchant_id": format!("m{}", i % 3), "respondent_uscc": format!("u{i}"),
            "respondent_name": "某店", "text": "购买的饼干无中文标签，要求退一赔十。", "demand": "punitive_compensation"}))
        .collect();
    // 二选一: platform p demotes eight of ten operators also on q; seven close their q shop.
    let mut daily = Vec::new();
    let mut sanctions = Vec::new();
    for k in 0..10 {
        for (platform, exit) in [("p", None), ("q", (k < 7).then_some(12))] {
            for d in 1..=28u32 {
                let closed = exit.is_some_and(|e| d >= e);
                daily.push(json!({"platform_id": platform, "merchant_id": format!("d{k}"), "uscc": format!("U{k}"),
                    "date": format!("2026-03-{d:02}"), "status": if closed { "closed" } else { "open" }}));
            }
        }
        if k < 8 {
            sanctions.push(json!({"platform_id": "p", "merchant_id": format!("d{k}"), "at": "2026-03-05T10:00:00+08:00",
                "action": "search_demotion", "reason_text": "独家合作"}));
        }
    }
    // A single-homed operator (on p only) and a row missing its USCC: never compared, so the
    // declared reduction drops them.
    for d in 1..=28u32 {
        daily.push(
            json!({"platform_id": "p", "merchant_id": "solo", "uscc": "U-solo",
            "date": format!("2026-03-{d:02}"), "status": "open"}),
        );
    }
    daily.push(
        json!({"platform_id": "q", "merchant_id": "d0", "uscc": null,
        "date": "2026-03-01", "status": "open"}),
    );
    listings.push(
        json!({"platform_id": "q", "listing_id": "q1", "merchant_id": "d0", "title": "商品"}),
    );
    // Ten companies registered in one room, written two ways.
    let registry: Vec<Value> = (0..10)
        .map(|k| json!({"uscc": format!("91330106MA{k:08}"), "name": format!("某{k}公司"), "legal_rep_pid": "rep",
            "address": if k % 2 == 0 { "杭州市西湖区文三路90号3幢501室" } else { "浙江杭州西湖文三路90号3号楼501" },
            "established_on": "2026-02-01", "status": "active"}))
        .collect();
    // Merchants: one natural person over the registration exemption.
    let merchants = vec![
        json!({"platform_id": "p", "merchant_id": "m0", "merchant_type": "natural_person", "name": "张某",
        "license_displayed": false, "annual_turnover_fen": 25_000_000}),
    ];
    // A three-level scheme paying for recruits.
    let mut referrals = vec![
        json!({"platform_id": "p", "scheme_id": "s1", "member_pid": "u0", "referrer_pid": null,
        "joined_at": "2026-03-01T10:00:00+08:00", "entry_fee_fen": 0, "recruitment_rewards_fen": 9_000, "sales_rewards_fen": 0}),
    ];
    for i in 1..12 {
        referrals.push(json!({"platform_id": "p", "scheme_id": "s1", "member_pid": format!("u{i}"),
            "referrer_pid": format!("u{}", (i - 1) / 3), "joined_at": format!("2026-03-{:02}T10:00:00+08:00", 1 + i),
            "entry_fee_fen": 39_900, "recruitment_rewards_fen": 3_000, "sales_rewards_fen": 0}));
    }
    // Texts: an absolute term and a disparaging remark, a look-alike mark, a live stream claiming
    // to treat disease, an exclusive-dealing agreement and campaign, a policy draft designating
    // suppliers.
    listings.push(json!({"platform_id": "p", "listing_id": "t1", "merchant_id": "m1", "title": "全网最低价 收纳篮",
        "description": "隔壁家卖的都是假货。", "product_class": "general", "list_price_fen": 1_000}));
    listings.push(json!({"platform_id": "p", "listing_id": "t2", "merchant_id": "m2", "title": "雷溪 挂耳咖啡",
        "brand": "雷溪", "product_class": "food", "list_price_fen": 1_000}));
    let trademarks = vec![
        json!({"reg_no": "42000001", "mark": "雪溪", "owner_uscc": "91330106MA00000009", "owner_name": "杭州雪溪公司", "valid_to": "2034-01-01"}),
    ];
    let sessions = vec![
        json!({"platform_id": "p", "session_id": "s1", "merchant_id": "m1", "started_at": "2026-03-20T20:00:00+08:00",
        "ended_at": "2026-03-20T22:00:00+08:00", "transcript": "这款茶天天喝能降血压。"}),
    ];
    let documents = vec![
        json!({"doc_id": "d1", "kind": "platform_agreement", "issuer": "p", "title": "协议", "text": "经营者不得入驻其他平台。"}),
        json!({"doc_id": "d2", "kind": "policy_draft", "issuer": "某局", "title": "草案", "text": "政府项目应当指定使用本地企业的设备。"}),
    ];
    let campaigns = vec![
        json!({"platform_id": "p", "campaign_id": "c1", "name": "大促", "terms_text": "报名商家不得参加其他平台同类活动。"}),
    ];
    vec![
        ("trademarks", trademarks),
        ("live_sessions", sessions),
        ("documents", documents),
        ("campaigns", campaigns),
        ("price_observations", observations),
        ("orders", orders),
        ("listings", listings),
        ("costs", costs),
        ("referrals", referrals),
        ("merchants", merchants),
        ("complaints", complaints),
        ("merchant_daily", daily),
        ("merchant_sanctions", sanctions),
        ("registry", registry),
    ]
}

fn reversed(tables: &[(&'static str, Vec<Value>)]) -> Vec<(&'static str, Vec<Value>)> {
    tables
        .iter()
        .map(|(t, rows)| (*t, rows.iter().rev().cloned().collect()))
        .collect()
}

#[test]
fn detector_ids_are_in_the_catalogue_and_unique() {
    let ids: Vec<&str> = all().iter().map(|d| d.id()).collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len());
    for id in ids {
        assert!(CATALOGUE.contains(&id), "{id}");
    }
}

#[test]
fn converted_detectors_declare_reductions_that_drop_rows() {
    let tables = dataset();
    let raw = data(&tables, 5);
    for (id, table) in [
        ("return_refusal", "orders"),
        ("return_refusal", "listings"),
        ("invoice_refusal", "orders"),
        ("serial_complainant", "orders"),
        ("exclusive_dealing", "merchant_daily"),
        ("price_fraud", "listings"),
        ("price_discrimination", "listings"),
    ] {
        let detector = all().into_iter().find(|d| d.id() == id).unwrap();
        let restricted = tianping_detect::reduce::restrict(detector.reductions(), &raw);
        let rows = |d: &tianping_detect::InputData| -> usize {
            d.batches(table).iter().map(|b| b.num_rows()).sum()
        };
        assert!(
            rows(&restricted) < rows(&raw),
            "{id}: {table} {} of {}",
            rows(&restricted),
            rows(&raw)
        );
    }
}

#[test]
fn reduction_declarations_are_checked_and_name_the_place() {
    use tianping_detect::reduce::{
        Aggregate, GroupBy, GroupHaving, Literal, Predicate, Reduction, validate,
    };
    let schema_of = |t: &str| tianping_domain::schema::table(t).map(tianping_lake::arrow_schema);
    let inputs = [tianping_detect::Input {
        table: "orders",
        columns: &["merchant_id", "status"],
        time_column: Some("ordered_at"),
    }];
    let check = |r: Reduction| {
        validate("demo", &inputs, &[r], &schema_of)
            .map_err(|e| (e.table.clone(), e.column.clone(), e.to_string()))
    };
    let plain = Reduction {
        table: "orders",
        filter: &[],
        semi_join: None,
        having: None,
        group_by: None,
    };
    assert!(check(plain).is_ok());
    let e = check(Reduction {
        filter: &[Predicate::NotNull("no_such")],
        ..plain
    })
    .unwrap_err();
    assert_eq!((e.0.as_str(), e.1.as_str()), ("orders", "no_such"));
    assert!(
        e.2.contains("demo") && e.2.contains("表中无此列"),
        "{}",
        e.2
    );
    let e = check(Reduction {
        filter: &[Predicate::Eq("status", Literal::Bool(true))],
        ..plain
    })
    .unwrap_err();
    assert_eq!(e.1, "status");
    let e = check(Reduction {
        group_by: Some(GroupBy {
            keys: &["merchant_id"],
            aggregates: &[Aggregate::Sum {
                name: "s",
                column: "status",
            }],
        }),
        ..plain
    })
    .unwrap_err();
    assert_eq!(e.1, "status");
    assert!(e.2.contains("sum needs an Int64 column"), "{}", e.2);
    let e = check(Reduction {
        table: "listings",
        ..plain
    })
    .unwrap_err();
    assert_eq!(e.0, "listings");
    // A grouped restriction: its columns must be declared (the detector re-checks it), its least
    // count at least 1.
    let e = check(Reduction {
        having: Some(GroupHaving {
            keys: &["merchant_id"],
            column: "buyer_pid",
            at_least: 2,
        }),
        ..plain
    })
    .unwrap_err();
    assert_eq!(e.1, "buyer_pid");
    assert!(e.2.contains("must be declared columns"), "{}", e.2);
    let e = check(Reduction {
        having: Some(GroupHaving {
            keys: &["merchant_id"],
            column: "status",
            at_least: 0,
        }),
        ..plain
    })
    .unwrap_err();
    assert!(e.2.contains("at least 1"), "{}", e.2);
    assert!(
        check(Reduction {
            having: Some(GroupHaving {
                keys: &["merchant_id"],
                column: "status",
                at_least: 2,
            }),
            ..plain
        })
        .is_ok()
    );
}

#[test]
fn every_detector_conforms() {
    let tables = dataset();
    for detector in all() {
        let id = detector.id();
        // Rules are named <detector>.<rule>, have a legal basis, and their parameters' defaults respect their bounds.
        for rule in detector.rules() {
            assert!(rule.rule.starts_with(&format!("{id}.")), "{}", rule.rule);
            assert!(!rule.legal_basis.is_empty(), "{}", rule.rule);
            for p in rule.params {
                assert!(
                    (p.min..=p.max).contains(&p.default),
                    "{}.{}",
                    rule.rule,
                    p.name
                );
            }
        }
        // Every declared input is a table and columns of the standard (or lineage).
        for input in detector.inputs() {
            let table = tianping_domain::schema::table(input.table)
                .unwrap_or_else(|| panic!("{id}: {}", input.table));
            for column in input.columns {
                assert!(
                    table.field_index(column).is_some() || column.starts_with('_'),
                    "{id}: {}.{column}",
                    input.table
                );
            }
        }
        // Reductions are valid against the lake's schemas, and restricting the rows as they
        // declare (what the engine's plans return) does not change the findings.
        let schema_of =
            |t: &str| tianping_domain::schema::table(t).map(tianping_lake::arrow_schema);
        tianping_detect::reduce::validate(id, detector.inputs(), detector.reductions(), &schema_of)
            .unwrap_or_else(|e| panic!("{e}"));
        for chunk in [7, 2] {
            let raw = data(&tables, chunk);
            let restricted = tianping_detect::reduce::restrict(detector.reductions(), &raw);
            assert_eq!(
                run(detector.as_ref(), AS_OF, &raw),
                run(detector.as_ref(), AS_OF, &restricted),
                "{id}: findings independent of the declared row restrictions"
            );
        }

        // Empty input: no findings, no panic.
        assert!(
            run(detector.as_ref(), AS_OF, &Default::default()).is_empty(),
            "{id}"
        );
        let empty = data(
            &tables.iter().map(|(t, _)| (*t, vec![])).collect::<Vec<_>>(),
            10,
        );
        assert!(run(detector.as_ref(), AS_OF, &empty).is_empty(), "{id}");

        // Same findings across runs, row orders and batchings.
        let a = run(detector.as_ref(), AS_OF, &data(&tables, 7));
        let b = run(detector.as_ref(), AS_OF, &data(&tables, 7));
        let c = run(detector.as_ref(), AS_OF, &data(&reversed(&tables), 3));
        assert!(
            !a.is_empty(),
            "{id}: the conformance dataset should give findings"
        );
        assert_eq!(a, b, "{id}: deterministic");
        assert_eq!(a, c, "{id}: independent of row order and batching");

        // Sorted by id, valid per the spec, and every reference resolves to the input.
        let ids: Vec<&str> = a.iter().map(|f| f.finding_id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted);
        let listings: BTreeSet<(String, String)> = tables
            .iter()
            .flat_map(|(_, rows)| rows.iter())
            .filter_map(|r| {
                Some((
                    r["platform_id"].as_str()?.to_string(),
                    r["listing_id"].as_str()?.to_string(),
                ))
            })
            .collect();
        let merchants: BTreeSet<(String, String)> = tables
            .iter()
            .flat_map(|(_, rows)| rows.iter())
            .filter_map(|r| {
                Some((
                    r["platform_id"].as_str()?.to_string(),
                    r["merchant_id"].as_str()?.to_string(),
                ))
            })
            .collect();
        for f in &a {
            finding::check_finding(f, CATALOGUE).unwrap_or_else(|e| panic!("{id}: {e}: {f:#?}"));
            for r in std::iter::once(&f.subject).chain(&f.related) {
                let key = (r.platform_id.clone().unwrap_or_default(), r.id.clone());
                match r.kind {
                    RefKind::Listing => {
                        assert!(listings.contains(&key), "{id}: listing {key:?} resolves")
                    }
                    RefKind::Merchant => {
                        assert!(merchants.contains(&key), "{id}: merchant {key:?} resolves")
                    }
                    RefKind::Scheme | RefKind::Person => {
                        let ids: BTreeSet<String> = tables
                            .iter()
                            .flat_map(|(_, rows)| rows.iter())
                            .flat_map(|r| {
                                [
                                    r["scheme_id"].as_str(),
                                    r["member_pid"].as_str(),
                                    r["buyer_pid"].as_str(),
                                    r["complainant_pid"].as_str(),
                                ]
                            })
                            .flatten()
                            .map(str::to_string)
                            .collect();
                        assert!(ids.contains(&r.id), "{id}: {:?} {} resolves", r.kind, r.id)
                    }
                    RefKind::Platform => assert!(
                        listings.iter().any(|(p, _)| *p == r.id),
                        "{id}: platform {} resolves",
                        r.id
                    ),
                    RefKind::Address => {
                        let keys: BTreeSet<String> = tables
                            .iter()
                            .flat_map(|(_, rows)| rows.iter())
                            .filter_map(|r| r["address"].as_str())
                            .map(|a| {
                                tianping_address::Normalizer::hangzhou()
                                    .parse(a)
                                    .key(tianping_address::KeyLevel::Room)
                            })
                            .collect();
                        assert!(keys.contains(&r.id), "{id}: address {} resolves", r.id)
                    }
                    RefKind::LiveSession | RefKind::Campaign => {
                        let field = if r.kind == RefKind::LiveSession {
                            "session_id"
                        } else {
                            "campaign_id"
                        };
                        let found = tables.iter().flat_map(|(_, rows)| rows.iter()).any(|row| {
                            row[field].as_str() == Some(r.id.as_str())
                                && row["platform_id"].as_str() == r.platform_id.as_deref()
                        });
                        assert!(found, "{id}: {:?} {key:?} resolves", r.kind)
                    }
                    RefKind::Document => {
                        let found = tables
                            .iter()
                            .flat_map(|(_, rows)| rows.iter())
                            .any(|row| row["doc_id"].as_str() == Some(r.id.as_str()));
                        assert!(
                            found && r.platform_id.is_none(),
                            "{id}: document {} resolves",
                            r.id
                        )
                    }
                    other => {
                        panic!("{id}: reference kind {other:?}: add its resolution check here")
                    }
                }
            }
            let line = serde_json::to_string(f).unwrap();
            let back: tianping_detect::Finding = serde_json::from_str(&line).unwrap();
            assert_eq!(&back, f, "{id}: findings round-trip through JSON");
        }
    }
}
