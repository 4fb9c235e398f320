use serde_json::{Value, json};
use tianping_detect::Severity;
use tianping_detectors::price_discrimination::PriceDiscrimination;

use crate::support::*;

const AS_OF: &str = "2026-04-01T00:00:00+08:00";

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// `per_arm` loyal and `per_arm` other viewers of one listing over 10 hourly cells; loyal viewers
/// pay `surcharge` more; everyone draws a coupon of 0, 2 or 5 %. `promo` for the other viewers.
fn listing_rows(
    listing: &str,
    per_arm: usize,
    surcharge: f64,
    seed: u64,
    other_promo: &str,
    source: &str,
) -> Vec<Value> {
    let mut rng = Rng(seed | 1);
    let mut rows = Vec::new();
    for i in 0..per_arm * 2 {
        let loyal = i % 2 == 0;
        let coupon = [0.0, 0.02, 0.05][(rng.next() % 3) as usize];
        let price = 10_000.0 * (1.0 - coupon) * if loyal { 1.0 + surcharge } else { 1.0 };
        let hour = (i / 2) % 10;
        rows.push(json!({
            "platform_id": "p", "listing_id": listing,
            "observed_at": format!("2026-03-10T{:02}:{:02}:00+08:00", 8 + hour, (i / 10) % 60),
            "displayed_price_fen": 10_000, "payable_price_fen": price.round() as i64,
            "promo_kind": if loyal { "coupon" } else { other_promo },
            "viewer_pid": format!("viewer-{listing}-{i}"),
            "viewer_segment": if loyal { "returning" } else { "new" },
            "viewer_orders_90d": if loyal { 12 } else { 0 },
            "device": "ios", "viewer_adcode": "330106", "source": source,
        }));
    }
    rows
}

fn detect(rows: Vec<Value>) -> Vec<tianping_detect::Finding> {
    run(
        &PriceDiscrimination,
        AS_OF,
        &data(&[("price_observations", rows), ("listings", vec![])], 97),
    )
}

#[test]
fn finds_a_three_percent_loyalty_surcharge_with_200_per_arm() {
    let f = detect(listing_rows("l1", 200, 0.03, 7, "coupon", "platform_log"));
    assert_eq!(f.len(), 1, "{f:#?}");
    let ev = &f[0].evidence;
    let gap = ev["gap_ratio"].as_f64().unwrap();
    assert!((0.02..0.04).contains(&gap), "gap {gap}");
    let ci = ev["ci95"].as_array().unwrap();
    assert!(
        ci[0].as_f64().unwrap() > 0.0
            && ci[0].as_f64().unwrap() < gap
            && gap < ci[1].as_f64().unwrap()
    );
    assert!(ev["p_value"].as_f64().unwrap() <= 0.01);
    assert_eq!(ev["loyal_observations"], 200);
    assert!(f[0].summary.contains("老客"));
}

#[test]
fn false_positive_rate_on_data_without_discrimination() {
    let mut rows = Vec::new();
    for l in 0..60u64 {
        rows.extend(listing_rows(
            &format!("l{l}"),
            200,
            0.0,
            1000 + l,
            "coupon",
            "platform_log",
        ));
    }
    let f = detect(rows);
    eprintln!("honest listings flagged: {} of 60", f.len());
    assert!(
        f.len() * 20 <= 60,
        "at most 5% of 60 honest listings flagged, got {}",
        f.len()
    );
}

#[test]
fn new_user_offers_and_random_draws_are_exempt() {
    // Others get a 10% new-user or random-draw price: lawful, so the loyal "surcharge" it creates is not a finding.
    for promo in ["new_user", "random_draw"] {
        let mut rows = listing_rows("l1", 200, 0.0, 3, promo, "platform_log");
        for r in rows.iter_mut().filter(|r| r["promo_kind"] == promo) {
            let p = r["payable_price_fen"].as_i64().unwrap();
            r["payable_price_fen"] = json!(p * 9 / 10);
        }
        assert!(detect(rows).is_empty(), "{promo}");
    }
}

#[test]
fn the_minimum_per_arm_is_a_threshold() {
    assert!(
        detect(listing_rows("l1", 29, 0.10, 5, "coupon", "platform_log")).is_empty(),
        "29 per arm is too few"
    );
    assert_eq!(
        detect(listing_rows("l1", 30, 0.10, 5, "coupon", "platform_log")).len(),
        1,
        "30 per arm is tested"
    );
}

#[test]
fn regulator_probes_raise_severity() {
    let f = detect(listing_rows(
        "l1",
        200,
        0.06,
        11,
        "coupon",
        "regulator_probe",
    ));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Critical);
    assert!(f[0].summary.contains("监管测试账号"));
}

#[test]
fn history_decides_loyalty_when_the_platform_reports_it() {
    // Every viewer is a member; those with many orders in 90 days pay 8 % more.
    let rows: Vec<Value> = listing_rows("l1", 200, 0.08, 11, "coupon", "platform_log")
        .into_iter()
        .map(|mut r| {
            r["viewer_segment"] = json!("member");
            r
        })
        .collect();
    assert_eq!(
        detect(rows).len(),
        1,
        "members with a long history against members without"
    );
}

/// Two matched test accounts shown the listing side by side on `days` days (same hour, region
/// and device): the one with 40 orders is asked 129, the one with 1 order 115.
fn probe_pairs(days: u32) -> Vec<Value> {
    probe_pairs_with(days, [("heavy", 40, 12_900), ("light", 1, 11_500)])
}

/// As [`probe_pairs`], with the two accounts' (viewer, orders in 90 days, price).
fn probe_pairs_with(days: u32, accounts: [(&str, i64, i64); 2]) -> Vec<Value> {
    let mut rows = Vec::new();
    for d in 1..=days {
        for (viewer, orders, price) in accounts {
            rows.push(json!({
                "platform_id": "p", "listing_id": "chair", "observed_at": format!("2026-03-{d:02}T12:00:00+08:00"),
                "displayed_price_fen": price, "payable_price_fen": price, "promo_kind": "none",
                "viewer_pid": viewer, "viewer_segment": "returning", "viewer_orders_90d": orders,
                "device": "android", "viewer_adcode": "330108", "source": "regulator_probe",
            }));
        }
    }
    rows
}

#[test]
fn matched_probe_pairs_are_a_sign_test() {
    // 20 of 20 pairs: p = 2^-20; 6 pairs (min_probe_pairs, version 6) suffice; 5 do not.
    let f = detect(probe_pairs(20));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].evidence["regulator_probe_cells"], 20);
    assert_eq!(detect(probe_pairs(6)).len(), 1);
    assert!(detect(probe_pairs(5)).is_empty());
}

/// Version 6: six matched pairs of the regulator's test accounts — a 12-order and a 0-order
/// account on the same device and district within a minute — all asking the heavier account 10%
/// more are a finding (浙江省电子商务条例 第十四条); six pairs asked the same, or the heavier
/// account asked less, are none.
#[test]
fn six_matched_probe_pairs_that_all_agree_are_enough() {
    let f = detect(probe_pairs_with(
        6,
        [("heavy", 12, 328_000), ("fresh", 0, 298_000)],
    ));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["regulator_probe_cells"], 6);
    assert_eq!(f[0].evidence["regulator_probe_cells_loyal_higher"], 6);
    assert!(
        detect(probe_pairs_with(
            6,
            [("heavy", 12, 129_900), ("fresh", 0, 129_900)]
        ))
        .is_empty()
    );
    assert!(
        detect(probe_pairs_with(
            6,
            [("heavy", 12, 298_000), ("fresh", 0, 328_000)]
        ))
        .is_empty()
    );
    // Five pairs are under the threshold.
    assert!(
        detect(probe_pairs_with(
            5,
            [("heavy", 12, 328_000), ("fresh", 0, 298_000)]
        ))
        .is_empty()
    );
}

#[test]
fn matched_probes_compare_the_longer_history_with_the_shorter() {
    // Both accounts pass loyal_min_orders (3): 40 against 5 orders is still the contrast the
    // matched pair was set up to test; the heavier account pays 6% more on 12 days.
    let f = detect(probe_pairs_with(
        12,
        [("heavy", 40, 9_434), ("light", 5, 8_900)],
    ));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["regulator_probe_cells"], 12);
    // The lighter account paying more is not a loyalty surcharge.
    assert!(
        detect(probe_pairs_with(
            12,
            [("heavy", 40, 8_900), ("light", 5, 9_434)]
        ))
        .is_empty()
    );
    // Equal histories: no contrast, no finding.
    assert!(detect(probe_pairs_with(12, [("a", 5, 9_434), ("b", 5, 8_900)])).is_empty());
    // At min_probe_pairs (6) a finding, below it (5) none.
    assert_eq!(
        detect(probe_pairs_with(
            6,
            [("heavy", 40, 9_434), ("light", 5, 8_900)]
        ))
        .len(),
        1
    );
    assert!(
        detect(probe_pairs_with(
            5,
            [("heavy", 40, 9_434), ("light", 5, 8_900)]
        ))
        .is_empty()
    );
}

/// `n` viewers of one listing over 12 hourly cells, with 0–39 orders in 90 days; each pays
/// `step` fen more per order (a gradient, not two groups), plus `noise` fen of plain-price
/// scatter (no promotion). `promo(orders)` gives a promotion for some viewers.
fn gradient_rows(
    listing: &str,
    n: usize,
    step: f64,
    noise: f64,
    seed: u64,
    promo: impl Fn(i64) -> Option<f64>,
) -> Vec<Value> {
    let mut rng = Rng(seed | 1);
    (0..n)
        .map(|i| {
            let orders = (i % 40) as i64;
            let scatter = (rng.next() % 2001) as f64 / 1000.0 - 1.0;
            let mut price = 10_000.0 + step * orders as f64 + noise * scatter;
            let kind = match promo(orders) {
                Some(share) => {
                    price *= share;
                    "discount"
                }
                None => "none",
            };
            json!({
                "platform_id": "p", "listing_id": listing,
                "observed_at": format!("2026-03-{:02}T{:02}:{:02}:00+08:00", 10 + i / 120, 8 + i % 12, (i / 12) % 10),
                "displayed_price_fen": price.round() as i64, "payable_price_fen": price.round() as i64,
                "promo_kind": kind, "viewer_pid": format!("viewer-{listing}-{i}"),
                "viewer_segment": if orders == 0 { "new" } else { "returning" },
                "viewer_orders_90d": orders, "device": "android", "viewer_adcode": "330105",
                "source": "platform_log",
            })
        })
        .collect()
}

#[test]
fn a_price_climbing_with_the_order_count_is_found_by_the_gradient_test() {
    // 20 fen more per order (¥7.80 between 0 and 39 orders on ¥100), with ±¥0.50 of scatter;
    // the two-group test has too few viewers under `loyal_min_orders` to run.
    let f = detect(gradient_rows("g1", 240, 20.0, 50.0, 3, |_| None));
    assert_eq!(f.len(), 1, "{f:#?}");
    let ev = &f[0].evidence;
    let slope = ev["slope_fen_per_order"].as_f64().unwrap();
    assert!((17.0..23.0).contains(&slope), "slope {slope}");
    let ci = ev["ci95_fen_per_order"].as_array().unwrap();
    assert!(ci[0].as_f64().unwrap() > 0.0 && ci[0].as_f64().unwrap() < slope);
    assert!(ev["p_value"].as_f64().unwrap() <= 0.01);
    assert!(f[0].summary.contains("逐级升高"), "{}", f[0].summary);
}

#[test]
fn no_gradient_a_falling_gradient_or_a_conditioned_discount_is_not_a_finding() {
    // Sixty listings without any gradient: no gradient finding (the family is held at 1%).
    let mut rows = Vec::new();
    for l in 0..60u64 {
        rows.extend(gradient_rows(
            &format!("n{l}"),
            240,
            0.0,
            200.0,
            l * 7 + 1,
            |_| None,
        ));
    }
    let f = detect(rows);
    assert!(f.len() <= 1, "{} of 60 listings flagged: {f:#?}", f.len());
    // Frequent buyers paying less (a published volume discount) is not a surcharge.
    assert!(detect(gradient_rows("v", 240, -20.0, 50.0, 5, |_| None)).is_empty());
    // A discount the viewer qualifies for (students, mostly new users) is a trading condition:
    // the gradient test compares plain offers only.
    let student = |orders: i64| (orders < 4).then_some(0.5);
    assert!(detect(gradient_rows("s", 240, 0.0, 50.0, 9, student)).is_empty());
}

#[test]
fn the_gradient_must_be_material_and_observed_often_enough() {
    // min_gap_ratio (1%) on the difference between the 10th and 90th percentile of history
    // (4 and 36 orders): 3 fen per order is 0.96% of ¥100, under it; 4 fen is 1.27%, over it.
    assert!(detect(gradient_rows("t", 240, 3.0, 0.0, 1, |_| None)).is_empty());
    assert_eq!(
        detect(gradient_rows("t", 240, 4.0, 0.0, 1, |_| None)).len(),
        1
    );
    // min_trend_obs (60): 59 observations are not tested, 60 are.
    assert!(detect(gradient_rows("o", 59, 50.0, 0.0, 1, |_| None)).is_empty());
    assert_eq!(
        detect(gradient_rows("o", 60, 50.0, 0.0, 1, |_| None)).len(),
        1
    );
}

const REGIONS: [&str; 13] = [
    "330102", "330105", "330106", "330108", "330109", "330110", "330111", "330112", "330113",
    "330114", "330122", "330127", "330182",
];

/// Thirty viewers a day on four days, 18 minutes apart from 10:00, each in a region of its own
/// that hour (so every hour × region × device cell holds one viewer); orders 0–39.
/// `price(orders, region)` gives the payable price and the promotion.
fn sparse_rows(
    listing: &str,
    seed: u64,
    price: impl Fn(i64, usize) -> (i64, &'static str),
) -> Vec<Value> {
    let mut rng = Rng(seed | 1);
    let mut rows = Vec::new();
    for day in [10u32, 17, 24, 31] {
        for k in 0..30u32 {
            let orders = (rng.next() % 40) as i64;
            let region = (rng.next() % 13) as usize;
            let (payable, promo) = price(orders, region);
            let minute = 18 * k;
            rows.push(json!({
                "platform_id": "p", "listing_id": listing,
                "observed_at": format!("2026-03-{day:02}T{:02}:{:02}:00+08:00", 10 + minute / 60, minute % 60),
                "displayed_price_fen": payable, "payable_price_fen": payable, "promo_kind": promo,
                "viewer_pid": format!("viewer-{listing}-{day}-{k}"),
                "viewer_segment": if orders == 0 { "new" } else { "returning" },
                "viewer_orders_90d": orders, "device": if k % 2 == 0 { "android" } else { "ios" },
                "viewer_adcode": REGIONS[region], "source": "platform_log",
            }));
        }
    }
    rows
}

#[test]
fn a_surcharge_on_regulars_seen_thinly_is_compared_within_the_day() {
    // Version 4: +¥3 on ¥25 from 20 orders, one viewer per hour cell: the day cells find it.
    let f = detect(sparse_rows("ferry", 3, |n, _| {
        (if n >= 20 { 2_800 } else { 2_500 }, "none")
    }));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        f[0].evidence["cell"].as_str().unwrap().contains("day"),
        "{}",
        f[0].evidence
    );
    assert!(f[0].summary.contains("同一天"), "{}", f[0].summary);
    // The same layout with one price for all, or a disclosed fee by region: nothing.
    assert!(detect(sparse_rows("flat", 5, |_, _| (2_500, "none"))).is_empty());
    let far = |_: i64, r: usize| (if r >= 11 { 3_300 } else { 2_500 }, "none");
    assert!(detect(sparse_rows("far", 7, far)).is_empty());
}

#[test]
fn a_member_price_above_the_plain_price_is_a_surcharge() {
    // Version 4: "会员专享价" ¥42.90 for those with 10 orders or more, ¥39.90 for the others.
    let dearer = |n: i64, _| {
        if n >= 10 {
            (4_290, "member")
        } else {
            (3_990, "none")
        }
    };
    assert_eq!(detect(sparse_rows("fish", 11, dearer)).len(), 1);
    // A member price below the plain price is a condition the member qualifies for.
    let cheaper = |n: i64, _| {
        if n >= 10 {
            (3_690, "member")
        } else {
            (3_990, "none")
        }
    };
    assert!(detect(sparse_rows("fish", 11, cheaper)).is_empty());
    // At the edge: a member price equal to the plain price compares nothing new.
    let equal = |n: i64, _| {
        if n >= 10 {
            (3_990, "member")
        } else {
            (3_990, "none")
        }
    };
    assert!(detect(sparse_rows("fish", 11, equal)).is_empty());
}

/// Version 5's layout: twelve viewers a day, 40 minutes apart from 10:00 (one or two to an hour),
/// in one region on phones; viewers 0–2 and 6–8 of a day are regulars (12 orders), 3–5 and 9–11
/// newcomers, so no hour holds both groups and only the day compares them. `days` days, the last
/// one with `drop_last` regulars left out; regulars pay `surcharge` more on ¥199 (plain offers,
/// two order counts: the gradient test does not run).
fn separated_rows(listing: &str, days: u32, drop_last: u32, surcharge: f64) -> Vec<Value> {
    let mut rows = Vec::new();
    for day in 0..days {
        let mut dropped = 0;
        for k in 0..12u32 {
            let loyal = k % 6 < 3;
            if loyal && day + 1 == days && dropped < drop_last {
                dropped += 1;
                continue;
            }
            let minute = 40 * k;
            let price = (19_900.0 * if loyal { 1.0 + surcharge } else { 1.0 }).round() as i64;
            rows.push(json!({
                "platform_id": "p", "listing_id": listing,
                "observed_at": format!("2026-03-{:02}T{:02}:{:02}:00+08:00", 10 + day, 10 + minute / 60, minute % 60),
                "displayed_price_fen": price, "payable_price_fen": price, "promo_kind": "none",
                "viewer_pid": format!("viewer-{listing}-{day}-{k}"),
                "viewer_segment": if loyal { "returning" } else { "new" },
                "viewer_orders_90d": if loyal { 12 } else { 0 },
                "device": if k % 2 == 0 { "ios" } else { "android" },
                "viewer_adcode": "330106", "source": "platform_log",
            }));
        }
    }
    rows
}

#[test]
fn regulars_and_newcomers_in_different_hours_are_compared_within_the_day() {
    // Version 5: +7.5% for regulars over 12 days (72 viewers per group, none sharing an hour).
    let f = detect(separated_rows("rent", 12, 0, 0.075));
    assert_eq!(f.len(), 1, "{f:#?}");
    let ev = &f[0].evidence;
    assert!(ev["cell"].as_str().unwrap().contains("day"), "{ev}");
    assert_eq!(
        (
            ev["loyal_observations"].as_u64(),
            ev["other_observations"].as_u64()
        ),
        (Some(72), Some(72))
    );
    let gap = ev["gap_ratio"].as_f64().unwrap();
    assert!((0.07..0.08).contains(&gap), "gap {gap}");
    assert!(f[0].summary.contains("同一天"), "{}", f[0].summary);
    // One price for everyone: nothing.
    assert!(detect(separated_rows("flat", 12, 0, 0.0)).is_empty());
}

#[test]
fn day_cells_need_the_minimum_per_arm_too() {
    // Five days: 30 regulars and 30 newcomers compared within the day — tested and found; one
    // regular fewer (29) — not tested, however large the surcharge.
    let f = detect(separated_rows("rent", 5, 0, 0.075));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["loyal_observations"], 30);
    assert!(detect(separated_rows("rent", 5, 1, 0.30)).is_empty());
}
