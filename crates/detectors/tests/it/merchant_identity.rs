use serde_json::{Value, json};
use tianping_detect::{Finding, Severity};
use tianping_detectors::merchant_identity::MerchantIdentity;

use crate::support::*;

const AS_OF: &str = "2026-04-30T00:00:00+08:00";
const GOOD: &str = "91330100799655058B";
const BAD_CHECK: &str = "91350203M0001QAY9B";

fn merchant(id: &str, kind: &str, uscc: Option<&str>, license: bool, turnover: i64) -> Value {
    json!({"platform_id": "p", "merchant_id": id, "merchant_type": kind, "uscc": uscc, "name": format!("{id} 公司"),
           "license_displayed": license, "annual_turnover_fen": turnover})
}

fn registry(uscc: &str, status: &str) -> Value {
    json!({"uscc": uscc, "name": "某公司", "status": status})
}

fn sold(id: &str) -> Value {
    json!({"platform_id": "p", "merchant_id": id, "ordered_at": "2026-04-01T10:00:00+08:00"})
}

fn detect(merchants: Vec<Value>, reg: Vec<Value>, orders: Vec<Value>) -> Vec<Finding> {
    run(
        &MerchantIdentity,
        AS_OF,
        &data(
            &[
                ("merchants", merchants),
                ("registry", reg),
                ("orders", orders),
            ],
            5,
        ),
    )
}

fn rules(f: &[Finding]) -> Vec<&str> {
    f.iter().map(|f| f.rule.as_str()).collect()
}

#[test]
fn a_clean_merchant_gives_nothing() {
    assert!(
        detect(
            vec![merchant("m", "company", Some(GOOD), true, 0)],
            vec![registry(GOOD, "active")],
            vec![sold("m")]
        )
        .is_empty()
    );
}

#[test]
fn bad_check_character_is_a_low_severity_warning() {
    let f = detect(
        vec![merchant("m", "company", Some(BAD_CHECK), true, 0)],
        vec![registry(GOOD, "active")],
        vec![],
    );
    assert_eq!(
        rules(&f),
        vec!["merchant_identity.uscc_checksum"],
        "and not also unknown"
    );
    assert_eq!(f[0].severity, Severity::Low);
    assert_eq!(f[0].evidence["expected_check_character"], "9");
}

#[test]
fn unknown_codes_only_once_a_registry_exists() {
    let other = "91110000100017643K";
    let f = detect(
        vec![merchant("m", "company", Some(other), true, 0)],
        vec![registry(GOOD, "active")],
        vec![],
    );
    assert_eq!(rules(&f), vec!["merchant_identity.unknown_uscc"]);
    assert!(
        detect(
            vec![merchant("m", "company", Some(other), true, 0)],
            vec![],
            vec![]
        )
        .is_empty()
    );
}

#[test]
fn deregistered_operators_still_selling() {
    for (status, severity) in [
        ("cancelled", Severity::High),
        ("revoked", Severity::High),
        ("abnormal", Severity::Medium),
    ] {
        let f = detect(
            vec![merchant("m", "company", Some(GOOD), true, 0)],
            vec![registry(GOOD, status)],
            vec![sold("m")],
        );
        assert_eq!(
            rules(&f),
            vec!["merchant_identity.deregistered_selling"],
            "{status}"
        );
        assert_eq!(f[0].severity, severity);
    }
    // Cancelled but no longer selling: nothing to stop.
    assert!(
        detect(
            vec![merchant("m", "company", Some(GOOD), true, 0)],
            vec![registry(GOOD, "cancelled")],
            vec![]
        )
        .is_empty()
    );
}

#[test]
fn licence_display_applies_to_registered_operators() {
    let f = detect(
        vec![merchant("m", "company", Some(GOOD), false, 0)],
        vec![registry(GOOD, "active")],
        vec![],
    );
    assert_eq!(rules(&f), vec!["merchant_identity.license_not_displayed"]);
    assert!(
        detect(
            vec![merchant("m", "natural_person", None, false, 100)],
            vec![],
            vec![]
        )
        .is_empty()
    );
}

#[test]
fn the_100000_yuan_line() {
    let at_line = detect(
        vec![merchant("m", "natural_person", None, true, 10_000_000)],
        vec![],
        vec![],
    );
    assert!(
        at_line.is_empty(),
        "exactly ¥100,000 is within the exemption"
    );
    let over = detect(
        vec![merchant("m", "natural_person", None, true, 10_000_001)],
        vec![],
        vec![],
    );
    assert_eq!(
        rules(&over),
        vec!["merchant_identity.unregistered_natural_person"]
    );
}
