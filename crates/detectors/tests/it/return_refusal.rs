use serde_json::{Value, json};
use tianping_detectors::return_refusal::ReturnRefusal;

use crate::support::*;

const AS_OF: &str = "2026-04-30T00:00:00+08:00";

/// A returned order of merchant `m`: signed on March `signed`, return requested `after` days later.
fn ret(m: &str, n: usize, listing: &str, signed: u32, after: u32, outcome: &str) -> Value {
    json!({"platform_id": "p", "order_id": format!("{m}-{n}"), "merchant_id": m, "listing_id": listing,
           "ordered_at": format!("2026-03-{:02}T09:00:00+08:00", signed - 1),
           "signed_at": format!("2026-03-{signed:02}T18:00:00+08:00"),
           "return_requested_at": format!("2026-03-{:02}T10:00:00+08:00", signed + after),
           "return_reason": "no_reason", "return_outcome": outcome})
}

fn listings() -> Vec<Value> {
    vec![
        json!({"platform_id": "p", "listing_id": "general", "product_class": "general"}),
        json!({"platform_id": "p", "listing_id": "fresh", "product_class": "fresh"}),
    ]
}

/// Merchant `bad` refuses `refused` of 10 requests; an honest merchant approves 20 of 20.
fn detect(bad: Vec<Value>) -> Vec<tianping_detect::Finding> {
    let mut orders = bad;
    for n in 0..20 {
        orders.push(ret("honest", n, "general", 2, 3, "approved"));
    }
    run(
        &ReturnRefusal,
        AS_OF,
        &data(&[("orders", orders), ("listings", listings())], 7),
    )
}

fn merchant(refused: usize, listing: &str, after: u32) -> Vec<Value> {
    (0..10)
        .map(|n| {
            ret(
                "m",
                n,
                listing,
                5,
                after,
                if n < refused { "rejected" } else { "approved" },
            )
        })
        .collect()
}

#[test]
fn refusing_most_eligible_requests_is_a_finding() {
    let f = detect(merchant(8, "general", 3));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].subject.id, "m");
    assert_eq!(f[0].evidence["refused_or_unanswered"], 8);
    assert!(f[0].summary.contains("七日无理由"));
}

#[test]
fn day_seven_is_in_and_day_eight_is_out() {
    assert_eq!(
        detect(merchant(8, "general", 7)).len(),
        1,
        "requested on day 7 after signing"
    );
    assert!(
        detect(merchant(8, "general", 8)).is_empty(),
        "day 8 is outside the 7 days"
    );
}

#[test]
fn excluded_classes_are_not_counted() {
    assert!(
        detect(merchant(10, "fresh", 2)).is_empty(),
        "fresh goods are excluded by 第二十五条"
    );
}

#[test]
fn unanswered_requests_count_after_the_answer_period() {
    let pending: Vec<Value> = (0..10)
        .map(|n| ret("m", n, "general", 5, 2, "pending"))
        .collect();
    assert_eq!(
        detect(pending.clone()).len(),
        1,
        "pending for weeks as of 04-30: never answered"
    );
    let early = run(
        &ReturnRefusal,
        "2026-03-10T00:00:00+08:00",
        &data(&[("orders", pending), ("listings", listings())], 7),
    );
    assert!(
        early.is_empty(),
        "as of 03-10 the requests of 03-07 are still within the answer period"
    );
}

#[test]
fn thresholds() {
    assert!(
        detect(merchant(2, "general", 3)).is_empty(),
        "2 of 10 is 20%: under the rate threshold of 30%"
    );
    assert!(
        detect(merchant(3, "general", 3)).len() == 1,
        "3 of 10 is 30%: at the rate threshold"
    );
}

/// Version 2: one refused eligible request is the offence (消费者权益保护法 第五十六条第一款第（八）项).
#[test]
fn a_single_refusal_of_a_single_request_is_a_finding() {
    let f = detect(vec![ret("one", 0, "general", 5, 7, "rejected")]);
    assert_eq!(f.len(), 1, "refused on day 7, the last day");
    assert_eq!(f[0].subject.id, "one");
    assert_eq!(f[0].evidence["refused_or_unanswered"], 1);
    assert_eq!(f[0].severity, tianping_detect::Severity::Low);
}

#[test]
fn a_single_refusal_among_many_approvals_is_a_dispute() {
    assert!(
        detect(merchant(1, "general", 3)).is_empty(),
        "1 of 10 is 10%: under the rate threshold"
    );
    assert!(
        detect(vec![ret("one", 0, "general", 5, 8, "rejected")]).is_empty(),
        "a single refusal on day 8 is lawful"
    );
    assert!(
        detect(vec![ret("one", 0, "fresh", 5, 2, "rejected")]).is_empty(),
        "a single refusal of an excluded class is lawful"
    );
}

#[test]
fn severity_grows_with_the_refusals() {
    let f = detect(merchant(8, "general", 3));
    assert_eq!(f[0].severity, tianping_detect::Severity::High);
    let f = detect(merchant(3, "general", 3));
    assert_eq!(f[0].severity, tianping_detect::Severity::Medium);
}
