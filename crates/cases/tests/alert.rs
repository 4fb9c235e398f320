//! Findings in, alerts out: typed parsing with field-naming errors, deduplication per (subject,
//! practice), one view per merchant across detectors, deterministic ranking, and the two-tier
//! disposal decision with its basis and rectification deadline.

use chrono::NaiveDate;
use serde_json::{Value, json};
use tianping_cases::alert::{History, Tier, alert_id, build_views};
use tianping_cases::finding::parse_finding;
use tianping_cases::rules::Rules;
use tianping_cases::{Calendar, finding::FindingError};
use tianping_detect::finding::{evidence_sha256, finding_id};
use tianping_detect::{Finding, Ref, Severity, Window};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn merchant(id: &str) -> Ref {
    Ref {
        kind: tianping_detect::RefKind::Merchant,
        id: id.into(),
        platform_id: Some("tmall".into()),
        uscc: None,
    }
}

fn listing(id: &str) -> Ref {
    Ref {
        kind: tianping_detect::RefKind::Listing,
        id: id.into(),
        platform_id: Some("tmall".into()),
        uscc: None,
    }
}

fn finding(
    detector: &str,
    rule: &str,
    subject: Ref,
    related: Vec<Ref>,
    severity: Severity,
    score: f64,
    month: u32,
) -> Finding {
    let window = Window {
        from: format!("2026-{month:02}-01T00:00:00+08:00"),
        to: format!("2026-{month:02}-28T00:00:00+08:00"),
    };
    let rule = format!("{detector}.{rule}");
    let evidence = json!({"n": score, "rule": rule});
    Finding {
        finding_id: finding_id(detector, &rule, &subject, Some(&window)),
        detector: detector.into(),
        rule,
        detector_version: 1,
        severity,
        score,
        subject,
        related,
        window: Some(window),
        legal_basis: vec![format!("{detector} 依据")],
        summary: format!("{detector} 发现可疑行为"),
        evidence_sha256: evidence_sha256(&evidence),
        evidence,
    }
}

fn json_of(f: &Finding) -> Value {
    serde_json::to_value(f).unwrap()
}

fn reject(mut v: Value, edit: impl FnOnce(&mut Value)) -> FindingError {
    edit(&mut v);
    parse_finding(&v.to_string()).unwrap_err()
}

#[test]
fn a_good_finding_parses_and_bad_ones_name_their_field() {
    let f = finding(
        "price_fraud",
        "reference_price",
        listing("L1"),
        vec![],
        Severity::Medium,
        0.5,
        3,
    );
    let v = json_of(&f);
    assert_eq!(parse_finding(&v.to_string()).unwrap(), f);

    let e = reject(v.clone(), |v| v["severity"] = json!("urgent"));
    assert_eq!(
        (e.field.as_str(), e.value.as_str()),
        ("severity", "\"urgent\"")
    );
    assert!(e.to_string().contains("severity"));
    let e = reject(v.clone(), |v| {
        v.as_object_mut().unwrap().remove("score");
    });
    assert_eq!((e.field.as_str(), e.value.as_str()), ("score", "<missing>"));
    assert_eq!(
        reject(v.clone(), |v| v["score"] = json!(1.5)).field,
        "score"
    );
    assert_eq!(
        reject(v.clone(), |v| v["detector"] = json!("nope")).field,
        "detector"
    );
    assert_eq!(
        reject(v.clone(), |v| v["rule"] = json!("fake_orders.x")).field,
        "rule"
    );
    assert_eq!(
        reject(v.clone(), |v| v["subject"]["kind"] = json!("shop")).field,
        "subject.kind"
    );
    assert_eq!(
        reject(v.clone(), |v| v["subject"]["id"] = json!("")).field,
        "subject.id"
    );
    assert_eq!(
        reject(v.clone(), |v| v["related"] = json!([{"kind": "merchant"}])).field,
        "related[0].id"
    );
    assert_eq!(
        reject(v.clone(), |v| v["window"]["from"] = json!("March")).field,
        "window.from"
    );
    assert_eq!(
        reject(v.clone(), |v| v["legal_basis"] = json!([])).field,
        "legal_basis"
    );
    assert_eq!(
        reject(v.clone(), |v| v["evidence"]["n"] = json!(0.9)).field,
        "evidence_sha256"
    );
    assert_eq!(
        reject(v.clone(), |v| v["finding_id"] = json!("price_fraud-000")).field,
        "finding_id"
    );
    assert_eq!(parse_finding("{not json").unwrap_err().field, "(json)");
    assert_eq!(parse_finding("[1]").unwrap_err().field, "(finding)");
}

#[test]
fn findings_dedupe_per_subject_and_practice_and_merge_per_merchant() {
    let cal = Calendar::embedded().unwrap();
    let rules = Rules::embedded().unwrap();
    let m1 = merchant("M1");
    let findings = vec![
        // Two rules of one detector on listing L1 of M1 → one alert.
        finding(
            "price_fraud",
            "reference_price",
            listing("L1"),
            vec![m1.clone()],
            Severity::Medium,
            0.4,
            3,
        ),
        finding(
            "price_fraud",
            "raise_then_discount",
            listing("L1"),
            vec![m1.clone()],
            Severity::Low,
            0.9,
            4,
        ),
        // Another detector on the merchant itself → another alert in the same view.
        finding(
            "fake_orders",
            "ring",
            m1.clone(),
            vec![],
            Severity::High,
            0.7,
            3,
        ),
        // A listing with no merchant named stands alone.
        finding(
            "false_advertising",
            "absolute_terms",
            listing("L9"),
            vec![],
            Severity::Low,
            0.2,
            3,
        ),
    ];
    let as_of = day("2026-03-02");
    let views = build_views(&findings, &History::default(), &rules, &cal, as_of).unwrap();
    assert_eq!(views.len(), 2);
    let v = &views[0];
    assert_eq!(v.merchant, m1);
    assert_eq!(v.tier, Tier::Clue);
    assert_eq!(v.alerts.len(), 2);
    // Ranked: the high fake_orders alert first.
    assert_eq!(v.alerts[0].practice, "fake_orders");
    let pf = &v.alerts[1];
    assert_eq!(pf.alert_id, alert_id(&listing("L1"), "price_fraud"));
    assert_eq!(pf.finding_ids.len(), 2);
    assert_eq!(
        pf.rules,
        [
            "price_fraud.raise_then_discount",
            "price_fraud.reference_price"
        ]
    );
    assert_eq!((pf.severity, pf.score), (Severity::Medium, 0.9));
    let w = pf.window.as_ref().unwrap();
    assert_eq!(
        (w.from.as_str(), w.to.as_str()),
        ("2026-03-01T00:00:00+08:00", "2026-04-28T00:00:00+08:00")
    );
    // Minor and first: a rectification notice through tmall, 10 working days from 2026-03-02.
    assert_eq!(pf.disposal.tier, Tier::Rectification);
    assert_eq!(pf.disposal.via_platform.as_deref(), Some("tmall"));
    assert_eq!(pf.disposal.rectification_due, Some(day("2026-03-16")));
    assert!(pf.disposal.basis[0].contains("第二十条"));
    // Serious: a clue, with the filing articles as basis.
    let fo = &v.alerts[0];
    assert_eq!(fo.disposal.tier, Tier::Clue);
    assert!(fo.disposal.basis[0].contains("第十八条"));
    assert_eq!(fo.disposal.rectification_due, None);
    assert_eq!(views[1].merchant, listing("L9"));

    // Same input in another order, with a duplicate: the same views.
    let mut shuffled = findings.clone();
    shuffled.reverse();
    shuffled.push(findings[0].clone());
    assert_eq!(
        build_views(&shuffled, &History::default(), &rules, &cal, as_of).unwrap(),
        views
    );
}

#[test]
fn repeat_violations_and_special_practices_escalate_or_go_to_review() {
    let cal = Calendar::embedded().unwrap();
    let rules = Rules::embedded().unwrap();
    let m2 = merchant("M2");
    let minor = finding(
        "return_refusal",
        "refused",
        m2.clone(),
        vec![],
        Severity::Low,
        0.3,
        5,
    );
    let as_of = day("2026-05-06");
    let first = build_views(
        std::slice::from_ref(&minor),
        &History::default(),
        &rules,
        &cal,
        as_of,
    )
    .unwrap();
    assert_eq!(first[0].alerts[0].disposal.tier, Tier::Rectification);
    let mut history = History::default();
    history.add_notices(&m2, "return_refusal", 1);
    let again = build_views(std::slice::from_ref(&minor), &history, &rules, &cal, as_of).unwrap();
    let d = &again[0].alerts[0].disposal;
    assert_eq!(d.tier, Tier::Clue);
    assert!(d.reason.contains("此前已责令整改 1 次"));
    // A notice for another practice does not count.
    let mut other = History::default();
    other.add_notices(&m2, "price_fraud", 3);
    assert_eq!(
        build_views(std::slice::from_ref(&minor), &other, &rules, &cal, as_of).unwrap()[0].alerts
            [0]
        .disposal
        .tier,
        Tier::Rectification
    );

    let scheme = Ref {
        kind: tianping_detect::RefKind::Scheme,
        id: "S1".into(),
        platform_id: None,
        uscc: None,
    };
    let pyramid = finding(
        "pyramid_scheme",
        "depth",
        scheme,
        vec![],
        Severity::Low,
        0.1,
        5,
    );
    let person = Ref {
        kind: tianping_detect::RefKind::Person,
        id: "p-0001".into(),
        platform_id: None,
        uscc: None,
    };
    let serial = finding(
        "serial_complainant",
        "volume",
        person,
        vec![],
        Severity::Critical,
        0.99,
        5,
    );
    let views = build_views(&[pyramid, serial], &History::default(), &rules, &cal, as_of).unwrap();
    let tiers: Vec<(String, Tier)> = views
        .iter()
        .map(|v| (v.alerts[0].practice.clone(), v.alerts[0].disposal.tier))
        .collect();
    assert_eq!(
        tiers,
        [
            ("serial_complainant".to_string(), Tier::Review),
            ("pyramid_scheme".to_string(), Tier::Clue)
        ]
    );
}

#[test]
fn a_rectification_deadline_past_the_calendar_is_unknown_not_guessed() {
    let cal = Calendar::embedded().unwrap();
    let rules = Rules::embedded().unwrap();
    let f = finding(
        "invoice_refusal",
        "refused",
        merchant("M3"),
        vec![],
        Severity::Low,
        0.3,
        12,
    );
    let views = build_views(&[f], &History::default(), &rules, &cal, day("2026-12-24")).unwrap();
    let d = &views[0].alerts[0].disposal;
    assert_eq!((d.tier, d.rectification_due), (Tier::Rectification, None));
    assert!(d.due_unknown.as_deref().unwrap().contains("2027"), "{d:?}");
}

#[test]
fn a_json_lines_export_keeps_good_lines_and_names_bad_ones() {
    let good = finding(
        "fake_orders",
        "ring",
        merchant("M7"),
        vec![],
        Severity::High,
        0.7,
        2,
    );
    let text = format!(
        "{}\n\n{}\n{{\"finding_id\": 1}}\n",
        json_of(&good),
        json_of(&good).to_string().replace("\"high\"", "\"severe\"")
    );
    let (ok, bad) = tianping_cases::finding::parse_findings_jsonl(&text);
    assert_eq!(ok, vec![good]);
    let lines: Vec<(usize, &str)> = bad
        .iter()
        .map(|r| (r.line, r.error.field.as_str()))
        .collect();
    assert_eq!(lines, [(3, "severity"), (4, "finding_id")]);
}
