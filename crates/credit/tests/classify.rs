//! The classification against the shipped model: every indicator and trigger positive, negative
//! and at its threshold; class bands at their edges; windows at their edges; the model's data
//! checks naming the place.

use chrono::{Months, NaiveDate};
use proptest::prelude::*;
use tianping_credit::classify::Classification;
use tianping_credit::facts::{
    CaseFact, CaseStanding, ComplaintFact, EntityFacts, FindingFact, FindingSeverity,
    FindingStanding, PenaltyFact, PenaltyKind, RegistryFacts, RegistryStatus,
};
use tianping_credit::model::ModelError;
use tianping_credit::{CreditClass, Model, classify};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const AS_OF: &str = "2026-06-15";

fn as_of() -> NaiveDate {
    d(AS_OF)
}

fn clean() -> EntityFacts {
    EntityFacts {
        uscc: "91330106MA2XXXXX0X".into(),
        registry: RegistryFacts {
            status: RegistryStatus::Active,
            established_on: d("2020-03-01"),
            annual_report_filed: true,
        },
        open_shops: 1,
        penalties: vec![],
        complaints: vec![],
        findings: vec![],
        cases: vec![],
    }
}

fn run(f: &EntityFacts) -> Classification {
    classify(&Model::embedded().unwrap(), f, as_of()).unwrap()
}

fn points(c: &Classification, id: &str) -> u32 {
    c.indicators
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
        .points
}

fn penalty(on: NaiveDate, fine_fen: u64, kind: PenaltyKind) -> PenaltyFact {
    PenaltyFact {
        penalty_id: format!("p-{on}-{fine_fen}"),
        decided_on: on,
        fine_fen,
        confiscated_fen: 0,
        kind,
    }
}

fn finding(
    id: usize,
    severity: FindingSeverity,
    on: Option<NaiveDate>,
    standing: FindingStanding,
) -> FindingFact {
    FindingFact {
        finding_id: format!("f{id}"),
        severity,
        on,
        standing,
    }
}

fn months_before(n: u32) -> NaiveDate {
    as_of().checked_sub_months(Months::new(n)).unwrap()
}

#[test]
fn a_clean_entity_is_a_with_zero_points_and_explains_every_indicator() {
    let c = run(&clean());
    assert_eq!(c.class, CreditClass::A);
    assert_eq!(c.points, 0);
    assert!(c.triggers.is_empty());
    let model = Model::embedded().unwrap();
    let v = model.in_force(as_of()).unwrap();
    assert_eq!(c.indicators.len(), v.indicators.len());
    assert_eq!(c.model_version, v.version);
}

#[test]
fn points_are_the_sum_of_indicator_points() {
    let mut f = clean();
    f.registry.status = RegistryStatus::Abnormal;
    f.registry.annual_report_filed = false;
    f.penalties
        .push(penalty(d("2026-01-10"), 100, PenaltyKind::Fine));
    let c = run(&f);
    assert_eq!(c.points, c.indicators.iter().map(|r| r.points).sum::<u32>());
    assert_eq!(c.points, 25 + 10 + 10);
    assert_eq!(c.class, CreditClass::C);
}

#[test]
fn registry_abnormal() {
    let mut f = clean();
    assert_eq!(points(&run(&f), "registry_abnormal"), 0);
    f.registry.status = RegistryStatus::Abnormal; // value 1 = threshold 1
    let c = run(&f);
    assert_eq!(points(&c, "registry_abnormal"), 25);
    assert_eq!(c.class, CreditClass::B);
}

#[test]
fn annual_report_missing() {
    let mut f = clean();
    assert_eq!(points(&run(&f), "annual_report_missing"), 0);
    f.registry.annual_report_filed = false;
    let c = run(&f);
    assert_eq!(points(&c, "annual_report_missing"), 10);
    assert_eq!(c.class, CreditClass::B, "10 points is B's lower edge");
}

#[test]
fn entity_age_below_thresholds() {
    let mut f = clean();
    f.registry.established_on = months_before(12); // exactly 12 months: not below 12
    assert_eq!(points(&run(&f), "entity_age"), 0);
    f.registry.established_on = months_before(12).succ_opt().unwrap(); // 11 whole months
    assert_eq!(points(&run(&f), "entity_age"), 5);
    f.registry.established_on = months_before(6); // exactly 6: below 12, not below 6
    assert_eq!(points(&run(&f), "entity_age"), 5);
    f.registry.established_on = months_before(6).succ_opt().unwrap();
    assert_eq!(points(&run(&f), "entity_age"), 10);
    f.registry.established_on = d("2027-01-01"); // after as_of: age 0
    let c = run(&f);
    assert_eq!(points(&c, "entity_age"), 10);
    assert_eq!(
        c.indicators
            .iter()
            .find(|r| r.id == "entity_age")
            .unwrap()
            .value,
        0.0
    );
}

#[test]
fn penalties_count_with_its_window() {
    let mut f = clean();
    // Exactly 24 months before as_of lies outside (window is (as_of − 24 months, as_of]).
    f.penalties
        .push(penalty(months_before(24), 100, PenaltyKind::Fine));
    assert_eq!(points(&run(&f), "penalties_count"), 0);
    // After as_of: not counted.
    f.penalties
        .push(penalty(d("2026-07-01"), 100, PenaltyKind::Fine));
    assert_eq!(points(&run(&f), "penalties_count"), 0);
    f.penalties.push(penalty(
        months_before(24).succ_opt().unwrap(),
        100,
        PenaltyKind::Fine,
    ));
    assert_eq!(points(&run(&f), "penalties_count"), 10);
    f.penalties.push(penalty(as_of(), 100, PenaltyKind::Fine));
    assert_eq!(points(&run(&f), "penalties_count"), 20);
    f.penalties
        .push(penalty(d("2026-01-01"), 100, PenaltyKind::Warning));
    assert_eq!(points(&run(&f), "penalties_count"), 30);
    f.penalties
        .push(penalty(d("2026-01-02"), 100, PenaltyKind::Warning));
    assert_eq!(
        points(&run(&f), "penalties_count"),
        30,
        "the highest band caps it"
    );
}

#[test]
fn penalty_amount_at_threshold() {
    let mut f = clean();
    f.penalties
        .push(penalty(d("2026-01-10"), 9_999_999, PenaltyKind::Fine));
    assert_eq!(points(&run(&f), "penalty_amount"), 0);
    f.penalties[0].confiscated_fen = 1; // 10万元 exactly
    assert_eq!(points(&run(&f), "penalty_amount"), 10);
    f.penalties[0].fine_fen = 100_000_000;
    assert_eq!(points(&run(&f), "penalty_amount"), 20);
    f.penalties[0].decided_on = months_before(24);
    assert_eq!(points(&run(&f), "penalty_amount"), 0, "outside the window");
}

#[test]
fn penalties_severe_by_kind() {
    let mut f = clean();
    f.penalties
        .push(penalty(d("2026-01-10"), 100, PenaltyKind::Fine));
    f.penalties
        .push(penalty(d("2026-01-11"), 0, PenaltyKind::Warning));
    f.penalties
        .push(penalty(d("2026-01-12"), 0, PenaltyKind::Other));
    assert_eq!(points(&run(&f), "penalties_severe"), 0);
    for kind in [
        PenaltyKind::Confiscation,
        PenaltyKind::Suspension,
        PenaltyKind::LicenseRevocation,
    ] {
        let mut g = clean();
        g.penalties.push(penalty(d("2025-01-10"), 0, kind)); // 17 months ago
        assert_eq!(points(&run(&g), "penalties_severe"), 20, "{kind:?}");
    }
}

fn complaints(n: usize, on: NaiveDate) -> Vec<ComplaintFact> {
    (0..n)
        .map(|i| ComplaintFact {
            complaint_id: format!("c{i}"),
            received_on: on,
        })
        .collect()
}

#[test]
fn complaints_per_month_at_thresholds() {
    let mut f = clean();
    f.complaints = complaints(11, d("2026-03-01")); // 11/12 a month
    assert_eq!(points(&run(&f), "complaints_rate"), 0);
    f.complaints = complaints(12, d("2026-03-01")); // exactly 1 a month
    let c = run(&f);
    assert_eq!(points(&c, "complaints_rate"), 5);
    assert_eq!(
        c.indicators
            .iter()
            .find(|r| r.id == "complaints_rate")
            .unwrap()
            .value,
        1.0
    );
    f.complaints = complaints(36, d("2026-03-01"));
    assert_eq!(points(&run(&f), "complaints_rate"), 10);
    f.complaints = complaints(120, d("2026-03-01"));
    assert_eq!(points(&run(&f), "complaints_rate"), 20);
    f.complaints = complaints(120, months_before(12));
    assert_eq!(points(&run(&f), "complaints_rate"), 0, "outside the window");
}

#[test]
fn findings_serious_and_minor_by_severity_and_standing() {
    let on = Some(d("2026-05-01"));
    let mut f = clean();
    f.findings.push(finding(
        0,
        FindingSeverity::Medium,
        on,
        FindingStanding::Open,
    ));
    let c = run(&f);
    assert_eq!(points(&c, "findings_serious"), 0);
    assert_eq!(points(&c, "findings_minor"), 5);
    f.findings.push(finding(
        1,
        FindingSeverity::High,
        on,
        FindingStanding::Dismissed,
    ));
    assert_eq!(
        points(&run(&f), "findings_serious"),
        0,
        "dismissed findings do not count"
    );
    f.findings
        .push(finding(2, FindingSeverity::High, on, FindingStanding::Open));
    assert_eq!(points(&run(&f), "findings_serious"), 15);
    f.findings.push(finding(
        3,
        FindingSeverity::Critical,
        None,
        FindingStanding::Open,
    ));
    assert_eq!(points(&run(&f), "findings_serious"), 15, "2 < 3");
    f.findings.push(finding(
        4,
        FindingSeverity::Critical,
        on,
        FindingStanding::Open,
    ));
    assert_eq!(points(&run(&f), "findings_serious"), 30, "3 = threshold");
    let mut g = clean();
    g.findings.push(finding(
        0,
        FindingSeverity::High,
        Some(months_before(12)),
        FindingStanding::Open,
    ));
    assert_eq!(
        points(&run(&g), "findings_serious"),
        0,
        "outside the window"
    );
    let mut h = clean();
    for i in 0..4 {
        h.findings
            .push(finding(i, FindingSeverity::Low, on, FindingStanding::Open));
    }
    assert_eq!(points(&run(&h), "findings_minor"), 5);
    h.findings.push(finding(
        9,
        FindingSeverity::Medium,
        on,
        FindingStanding::Open,
    ));
    assert_eq!(points(&run(&h), "findings_minor"), 10);
}

#[test]
fn findings_confirmed() {
    let mut f = clean();
    f.findings.push(finding(
        0,
        FindingSeverity::Low,
        Some(d("2026-05-01")),
        FindingStanding::Open,
    ));
    assert_eq!(points(&run(&f), "findings_confirmed"), 0);
    f.findings[0].standing = FindingStanding::Confirmed;
    let c = run(&f);
    assert_eq!(points(&c, "findings_confirmed"), 20);
    assert_eq!(
        points(&c, "findings_minor"),
        5,
        "a confirmed finding still counts by severity"
    );
    assert_eq!(c.class, CreditClass::B);
}

#[test]
fn cases_in_progress() {
    let mut f = clean();
    f.cases.push(CaseFact {
        case_id: "c1".into(),
        standing: CaseStanding::Finished,
    });
    f.cases.push(CaseFact {
        case_id: "c2".into(),
        standing: CaseStanding::Penalised,
    });
    assert_eq!(points(&run(&f), "cases_in_progress"), 0);
    f.cases.push(CaseFact {
        case_id: "c3".into(),
        standing: CaseStanding::InProgress,
    });
    assert_eq!(points(&run(&f), "cases_in_progress"), 10);
}

#[test]
fn class_bands_at_their_edges() {
    let model = Model::embedded().unwrap();
    let bands = model.in_force(as_of()).unwrap().classes;
    assert_eq!(bands.class_of(0), CreditClass::A);
    assert_eq!(bands.class_of(bands.b - 1), CreditClass::A);
    assert_eq!(bands.class_of(bands.b), CreditClass::B);
    assert_eq!(bands.class_of(bands.c - 1), CreditClass::B);
    assert_eq!(bands.class_of(bands.c), CreditClass::C);
    assert_eq!(bands.class_of(bands.d - 1), CreditClass::C);
    assert_eq!(bands.class_of(bands.d), CreditClass::D);
    // 60 points from indicators alone: D without any trigger.
    let mut f = clean();
    f.registry.status = RegistryStatus::Abnormal; // 25
    f.registry.annual_report_filed = false; // 10
    f.findings.push(finding(
        0,
        FindingSeverity::High,
        None,
        FindingStanding::Open,
    )); // 15
    f.cases.push(CaseFact {
        case_id: "c".into(),
        standing: CaseStanding::InProgress,
    }); // 10
    let c = run(&f);
    assert_eq!(c.points, 60);
    assert!(c.triggers.is_empty());
    assert_eq!(c.class, CreditClass::D);
}

#[test]
fn trigger_serious_violation_list() {
    let mut f = clean();
    f.registry.status = RegistryStatus::SeriousViolation;
    let c = run(&f);
    assert_eq!(c.points, 0);
    assert_eq!(c.points_class, CreditClass::A);
    assert_eq!(c.class, CreditClass::D);
    assert_eq!(c.triggers.len(), 1);
    assert_eq!(c.triggers[0].id, "serious_violation_list");
    f.registry.status = RegistryStatus::Active;
    assert!(run(&f).triggers.is_empty());
}

#[test]
fn trigger_revoked_still_selling() {
    for status in [RegistryStatus::Revoked, RegistryStatus::Cancelled] {
        let mut f = clean();
        f.registry.status = status;
        f.open_shops = 0;
        let c = run(&f);
        assert!(c.triggers.is_empty(), "{status:?} with no shop selling");
        assert_eq!(c.class, CreditClass::A);
        f.open_shops = 1; // at the threshold
        let c = run(&f);
        assert_eq!(c.class, CreditClass::D, "{status:?} with a shop selling");
        assert_eq!(c.triggers[0].id, "revoked_still_selling");
    }
    let mut f = clean();
    f.open_shops = 5; // selling but active: nothing
    assert!(run(&f).triggers.is_empty());
}

#[test]
fn trigger_recent_revocation_or_suspension() {
    let fired = |f: &EntityFacts| {
        run(f)
            .triggers
            .iter()
            .any(|t| t.id == "recent_revocation_or_suspension")
    };
    let mut f = clean();
    f.penalties.push(penalty(
        months_before(12),
        0,
        PenaltyKind::LicenseRevocation,
    ));
    assert!(!fired(&f), "exactly 12 months ago is outside");
    f.penalties[0].decided_on = months_before(12).succ_opt().unwrap();
    assert!(fired(&f));
    assert!(run(&f).class >= CreditClass::C);
    f.penalties[0].kind = PenaltyKind::Suspension;
    assert!(fired(&f));
    f.penalties[0].kind = PenaltyKind::Confiscation;
    assert!(!fired(&f), "confiscation is not in the trigger's kinds");
}

#[test]
fn trigger_floor_raises_only() {
    // A trigger's floor never lowers a class the points give.
    let mut f = clean();
    f.registry.status = RegistryStatus::Abnormal;
    f.registry.annual_report_filed = false;
    f.findings.push(finding(
        0,
        FindingSeverity::High,
        None,
        FindingStanding::Open,
    ));
    f.cases.push(CaseFact {
        case_id: "c".into(),
        standing: CaseStanding::InProgress,
    });
    f.penalties
        .push(penalty(d("2026-06-01"), 0, PenaltyKind::Suspension));
    let c = run(&f);
    assert!(c.triggers.iter().any(|t| t.class == CreditClass::C));
    assert_eq!(c.class, CreditClass::D);
}

#[test]
fn no_version_in_force_is_an_error() {
    let e = classify(&Model::embedded().unwrap(), &clean(), d("2024-12-31")).unwrap_err();
    assert_eq!(
        e,
        ModelError::NotInForce {
            date: d("2024-12-31")
        }
    );
}

#[test]
fn same_input_same_output() {
    let mut f = clean();
    f.registry.status = RegistryStatus::Abnormal;
    f.complaints = complaints(40, d("2026-02-01"));
    let a = serde_json::to_string(&run(&f)).unwrap();
    let b = serde_json::to_string(&run(&f)).unwrap();
    assert_eq!(a, b);
}

fn bad_place(text: &str) -> String {
    match Model::from_toml(text).unwrap_err() {
        ModelError::BadData { place, .. } => place,
        other => panic!("{other:?}"),
    }
}

#[test]
fn model_data_errors_name_the_place() {
    let good = tianping_credit::model::EMBEDDED;
    assert!(bad_place(&good.replace("B = 10", "B = 40")).contains("classes"));
    assert!(
        bad_place(&good.replace("threshold = 10000000,", "threshold = -1,"))
            .contains("penalty_amount")
    );
    assert!(
        bad_place(&good.replace("window_months = 12\ndirection", "direction"))
            .contains("window_months")
    );
    assert!(
        bad_place(&good.replace("verification = \"policy\"", "verification = \"maybe\""))
            .contains("verification")
    );
    assert!(bad_place(&good.replace("class = \"C\"", "class = \"A\"")).contains("trigger[2]"));
    assert!(
        bad_place(&good.replace("measure = \"cases_in_progress\"", "measure = \"vibes\""))
            .contains("model.toml")
    );
    let twice = format!("{good}\n{}", &good[good.find("[[version]]").unwrap()..]);
    assert!(bad_place(&twice).contains("version 1"));
}

fn arb_facts() -> impl Strategy<Value = EntityFacts> {
    let status = prop::sample::select(vec![
        RegistryStatus::Active,
        RegistryStatus::Abnormal,
        RegistryStatus::SeriousViolation,
        RegistryStatus::Revoked,
        RegistryStatus::Cancelled,
    ]);
    let kind = prop::sample::select(vec![
        PenaltyKind::Warning,
        PenaltyKind::Fine,
        PenaltyKind::Confiscation,
        PenaltyKind::Suspension,
        PenaltyKind::LicenseRevocation,
        PenaltyKind::Other,
    ]);
    let severity = prop::sample::select(vec![
        FindingSeverity::Low,
        FindingSeverity::Medium,
        FindingSeverity::High,
        FindingSeverity::Critical,
    ]);
    let standing = prop::sample::select(vec![
        FindingStanding::Open,
        FindingStanding::Confirmed,
        FindingStanding::Dismissed,
    ]);
    let day = (0i64..1200).prop_map(|n| d("2023-06-01") + chrono::Days::new(n as u64));
    (
        status,
        day.clone(),
        any::<bool>(),
        0u32..3,
        prop::collection::vec((day.clone(), 0u64..200_000_000, kind), 0..5),
        prop::collection::vec(day.clone(), 0..60),
        prop::collection::vec((severity, prop::option::of(day), standing), 0..8),
        prop::collection::vec(any::<bool>(), 0..3),
    )
        .prop_map(
            |(status, est, filed, shops, pens, comps, finds, cases)| EntityFacts {
                uscc: "91330106MA2XXXXX0X".into(),
                registry: RegistryFacts {
                    status,
                    established_on: est,
                    annual_report_filed: filed,
                },
                open_shops: shops,
                penalties: pens
                    .into_iter()
                    .enumerate()
                    .map(|(i, (on, fine, kind))| PenaltyFact {
                        penalty_id: format!("p{i}"),
                        decided_on: on,
                        fine_fen: fine,
                        confiscated_fen: 0,
                        kind,
                    })
                    .collect(),
                complaints: comps
                    .into_iter()
                    .enumerate()
                    .map(|(i, on)| ComplaintFact {
                        complaint_id: format!("c{i}"),
                        received_on: on,
                    })
                    .collect(),
                findings: finds
                    .into_iter()
                    .enumerate()
                    .map(|(i, (s, on, st))| finding(i, s, on, st))
                    .collect(),
                cases: cases
                    .into_iter()
                    .enumerate()
                    .map(|(i, open)| CaseFact {
                        case_id: format!("k{i}"),
                        standing: if open {
                            CaseStanding::InProgress
                        } else {
                            CaseStanding::Finished
                        },
                    })
                    .collect(),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    /// More adverse events never lower the points or the class; the points are the indicators'
    /// sum; the class is at least every fired trigger's and the points' class.
    #[test]
    fn monotone_and_self_consistent(f in arb_facts(), extra in 0usize..4, on in 0i64..1200) {
        let before = run(&f);
        prop_assert_eq!(before.points, before.indicators.iter().map(|r| r.points).sum::<u32>());
        prop_assert!(before.class >= before.points_class);
        for t in &before.triggers {
            prop_assert!(before.class >= t.class);
        }
        let day = d("2023-06-01") + chrono::Days::new(on as u64);
        let mut g = f.clone();
        match extra {
            0 => g.penalties.push(penalty(day, 1_000, PenaltyKind::Fine)),
            1 => g.complaints.push(ComplaintFact { complaint_id: "x".into(), received_on: day }),
            2 => g.findings.push(finding(99, FindingSeverity::High, Some(day), FindingStanding::Open)),
            _ => g.cases.push(CaseFact { case_id: "x".into(), standing: CaseStanding::InProgress }),
        }
        let after = run(&g);
        prop_assert!(after.points >= before.points);
        prop_assert!(after.class >= before.class);
        prop_assert_eq!(run(&f), before);
    }
}
