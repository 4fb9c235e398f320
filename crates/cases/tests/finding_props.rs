//! No input makes the finding parser panic: arbitrary text, and valid findings with one field
//! replaced by an arbitrary JSON value, are either accepted or refused with a named field.

use proptest::prelude::*;
use serde_json::{Value, json};
use tianping_cases::finding::parse_finding;
use tianping_detect::finding::{evidence_sha256, finding_id};
use tianping_detect::{Finding, Ref, RefKind, Severity};

fn valid() -> Value {
    let subject = Ref {
        kind: RefKind::Merchant,
        id: "M1".into(),
        platform_id: Some("jd".into()),
        uscc: None,
    };
    let evidence = json!({"orders": 12});
    let rule = "fake_orders.ring".to_string();
    serde_json::to_value(Finding {
        finding_id: finding_id("fake_orders", &rule, &subject, None),
        detector: "fake_orders".into(),
        rule,
        detector_version: 2,
        severity: Severity::High,
        score: 0.75,
        subject,
        related: vec![],
        window: None,
        legal_basis: vec!["电子商务法 第十七条".into()],
        summary: "商户疑似组织刷单".into(),
        evidence_sha256: evidence_sha256(&evidence),
        evidence,
    })
    .unwrap()
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map(".{0,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const FIELDS: [&str; 14] = [
    "finding_id",
    "detector",
    "rule",
    "detector_version",
    "severity",
    "score",
    "subject",
    "related",
    "window",
    "legal_basis",
    "summary",
    "evidence",
    "evidence_sha256",
    "extra",
];

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,300}") {
        let _ = parse_finding(&text);
    }

    #[test]
    fn one_field_replaced_is_accepted_or_refused_by_name(field in 0usize..FIELDS.len(), value in arb_json()) {
        let mut v = valid();
        v[FIELDS[field]] = value;
        match parse_finding(&v.to_string()) {
            Ok(f) => prop_assert_eq!(f.detector, "fake_orders"),
            Err(e) => prop_assert!(!e.field.is_empty() && e.to_string().contains(&e.field)),
        }
    }
}

#[test]
fn the_valid_base_parses() {
    assert!(parse_finding(&valid().to_string()).is_ok());
}
