//! The 双随机 draw: plans and inspector files checked with the field named; the drawn number per
//! class is the rate applied to the eligible; each eligible entity equally likely (over many
//! seeds); ≥ 2 inspectors, recusal and the annual cap never violated (proptest); same inputs →
//! same draw; any changed input or tampered record detected; the publication deadline on the
//! working-day calendar; the public form carries no class.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use proptest::prelude::*;
use tianping_cases::Calendar;
use tianping_credit::CreditClass;
use tianping_credit::draw::{
    DrawError, DrawInput, DrawRecord, VerifyError, draw, prior_checks, sample_size, verify,
};
use tianping_credit::facts::RegistryStatus;
use tianping_credit::plan::{
    Inspector, ItemType, Plan, PlanError, RegisterEntry, inspectors_from_toml,
};
use tianping_credit::rates::Rates;
use tianping_credit::recusal::{Recusal, recusals};

const PLAN: &str = r#"
task_id = "hz-2026-wj-03"
task_name = "2026年第三批网络交易经营者双随机抽查"
department = "wangjian"
item_type = "general"
items = ["亮照亮证", "明码标价"]
check_start = "2026-06-01"
check_end = "2026-06-30"
annual_cap = 2
inspectors_per_object = 2
[scope]
adcode_prefixes = ["3301"]
[rates]
A = 5
B = 20
C = 60
D = 100
"#;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn rates() -> Rates {
    Rates::embedded().unwrap()
}

fn plan() -> Plan {
    Plan::from_toml(PLAN, &rates()).unwrap()
}

fn calendar() -> Calendar {
    Calendar::embedded().unwrap()
}

fn uscc(i: usize) -> String {
    format!("91330106MA{i:07}X")
}

fn register(per_class: [usize; 4]) -> Vec<RegisterEntry> {
    let mut out = Vec::new();
    let mut i = 0;
    for (c, n) in CreditClass::ALL.into_iter().zip(per_class) {
        for _ in 0..n {
            out.push(RegisterEntry {
                uscc: uscc(i),
                class: c,
                adcode: "330106".into(),
                entity_type: "company".into(),
                status: RegistryStatus::Active,
            });
            i += 1;
        }
    }
    out.sort();
    out
}

fn inspectors(n: usize) -> Vec<Inspector> {
    let mut v: Vec<Inspector> = (0..n)
        .map(|i| Inspector {
            id: format!("insp-{i:03}"),
            department: "wangjian".into(),
            active: true,
            conflicts: BTreeSet::new(),
        })
        .collect();
    v.sort();
    v
}

fn input(seed: &str) -> DrawInput {
    DrawInput {
        plan: plan(),
        as_of: d("2026-05-31"),
        register: register([40, 30, 20, 10]),
        inspectors: inspectors(8),
        prior_checks: BTreeMap::new(),
        public_seed: seed.into(),
    }
}

fn plan_field(text: &str) -> String {
    match Plan::from_toml(text, &rates()).unwrap_err() {
        PlanError::Field { field, .. } => field,
        other => panic!("{other:?}"),
    }
}

#[test]
fn plan_checks_name_the_field() {
    let p = plan();
    assert_eq!(p.item_type, ItemType::General);
    assert_eq!(p.rates_bp[&CreditClass::A], 500);
    assert_eq!(p.rates_bp[&CreditClass::D], 10_000);
    assert_eq!(
        plan_field(&PLAN.replace("inspectors_per_object = 2", "inspectors_per_object = 1")),
        "inspectors_per_object"
    );
    assert_eq!(
        plan_field(&PLAN.replace("A = 5", "A = 6")),
        "rates.A",
        "above A's band"
    );
    assert_eq!(
        plan_field(&PLAN.replace("C = 60", "C = 20")),
        "rates.C",
        "below C's band"
    );
    assert_eq!(plan_field(&PLAN.replace("B = 20", "B = 10.005")), "rates.B");
    assert_eq!(plan_field(&PLAN.replace("D = 100", "E = 100")), "rates.E");
    assert_eq!(
        plan_field(&PLAN.replace("\"general\"", "\"urgent\"")),
        "item_type"
    );
    assert_eq!(
        plan_field(&PLAN.replace("2026-06-30", "2026-13-30")),
        "check_end"
    );
    assert_eq!(
        plan_field(&PLAN.replace("2026-06-30", "2026-05-30")),
        "check_end"
    );
    assert_eq!(
        plan_field(&PLAN.replace("annual_cap = 2", "annual_cap = 0")),
        "annual_cap"
    );
    assert_eq!(
        plan_field(&PLAN.replace("[\"3301\"]", "[\"33x\"]")),
        "scope.adcode_prefixes[0]"
    );
    assert_eq!(
        plan_field(&PLAN.replace("hz-2026-wj-03", "hz 03")),
        "task_id"
    );
    assert_eq!(
        plan_field(
            &PLAN
                .replace("2026-06-01", "2024-06-01")
                .replace("2026-06-30", "2024-06-30")
        ),
        "check_start",
        "no rate table in force"
    );
    // A key item (重点检查事项) has no upper limit, only the lower one.
    let key = PLAN
        .replace("\"general\"", "\"key\"")
        .replace("A = 5", "A = 50");
    assert_eq!(
        Plan::from_toml(&key, &rates()).unwrap().rates_bp[&CreditClass::A],
        5_000
    );
    assert_eq!(plan_field(&key.replace("C = 60", "C = 20")), "rates.C");
    // Rates left out take the table's defaults.
    let defaults = PLAN.split("[rates]").next().unwrap();
    let p = Plan::from_toml(defaults, &rates()).unwrap();
    assert_eq!(p.rates_bp[&CreditClass::B], 1_000);
    assert!(matches!(
        Plan::from_toml("task_id = ", &rates()),
        Err(PlanError::Parse { .. })
    ));
}

fn inspector_field(text: &str) -> (String, String) {
    match inspectors_from_toml(text).unwrap_err() {
        PlanError::Field { field, value, .. } => (field, value),
        other => panic!("{other:?}"),
    }
}

#[test]
fn inspector_file_checks() {
    let good = r#"
[[inspector]]
id = "wang-01"
department = "wangjian"
conflicts = ["91330106MA0000001X"]
[[inspector]]
id = "li-02"
department = "wangjian"
active = false
"#;
    let v = inspectors_from_toml(good).unwrap();
    assert_eq!(v[0].id, "li-02", "sorted by id");
    assert!(!v[0].active);
    assert!(v[1].conflicts.contains("91330106MA0000001X"));
    let (f, _) = inspector_field(&good.replace("91330106MA0000001X", "1234"));
    assert_eq!(f, "inspector[0].conflicts[0]");
    let (f, value) = inspector_field(&good.replace("wang-01", "13812345678"));
    assert_eq!(f, "inspector[0].id");
    assert!(
        !value.contains("13812345678"),
        "a phone-like id is shown masked: {value}"
    );
    let (f, _) = inspector_field(&good.replace("li-02", "wang-01"));
    assert_eq!(f, "inspector[1].id");
    assert!(matches!(
        inspectors_from_toml("inspector = []"),
        Err(PlanError::Field { .. })
    ));
}

#[test]
fn drawn_number_per_class_is_the_rate_applied_to_the_eligible() {
    let r = draw(input("2026-06-01 福彩3D 123"), &calendar()).unwrap();
    let want = [
        (40, 500, 2),
        (30, 2_000, 6),
        (20, 6_000, 12),
        (10, 10_000, 10),
    ];
    for (t, (n, bp, k)) in r.result.tallies.iter().zip(want) {
        assert_eq!(
            (t.eligible, t.rate_bp, t.drawn),
            (n, bp, k),
            "{:?}",
            t.class
        );
        let drawn = r
            .result
            .objects
            .iter()
            .filter(|o| o.class == t.class)
            .count();
        assert_eq!(drawn as u32, k);
        // Within half an entity of the rate.
        assert!((f64::from(k) - f64::from(n) * f64::from(bp) / 1e4).abs() <= 0.5);
    }
    assert_eq!(sample_size(0, 10_000), 0);
    assert_eq!(sample_size(10, 250), 0, "2.5% of 10 = 0.25 rounds to 0");
    assert_eq!(sample_size(10, 500), 1, "0.5 rounds up");
    assert_eq!(sample_size(7, 10_000), 7);
}

#[test]
fn every_eligible_entity_equally_likely_over_many_seeds() {
    // Class B: 30 entities at 20 % → 6 drawn each time; each entity's frequency ≈ 0.2.
    let runs = 1_500;
    let mut hits: BTreeMap<String, u32> = BTreeMap::new();
    let mut inspector_hits: BTreeMap<String, u32> = BTreeMap::new();
    let mut base = input("");
    base.register = register([0, 30, 0, 0]);
    for s in 0..runs {
        let mut inp = base.clone();
        inp.public_seed = format!("seed-{s}");
        let r = draw(inp, &calendar()).unwrap();
        for o in &r.result.objects {
            *hits.entry(o.uscc.clone()).or_default() += 1;
            for i in &o.inspectors {
                *inspector_hits.entry(i.clone()).or_default() += 1;
            }
        }
    }
    assert_eq!(hits.len(), 30, "every entity drawn at some point");
    // Binomial(1500, 0.2): sd ≈ 15.5; 5 sd ≈ 78.
    for (u, h) in &hits {
        assert!(
            (f64::from(*h) - 300.0).abs() < 78.0,
            "{u} drawn {h} times of {runs}"
        );
    }
    // Inspectors: 2 of 8 per object, 6 objects a run → each expected 1500·6·2/8 = 2250.
    assert_eq!(inspector_hits.len(), 8);
    for (i, h) in &inspector_hits {
        assert!(
            (f64::from(*h) - 2250.0).abs() < 250.0,
            "{i} picked {h} times"
        );
    }
}

#[test]
fn same_inputs_same_draw_and_it_verifies() {
    let a = draw(input("seed"), &calendar()).unwrap();
    let b = draw(input("seed"), &calendar()).unwrap();
    assert_eq!(a, b);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
    verify(&a, &calendar()).unwrap();
    // And through JSON, as a record is kept.
    let back: DrawRecord = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
    verify(&back, &calendar()).unwrap();
}

#[test]
fn any_changed_input_changes_the_digest() {
    let base = draw(input("seed"), &calendar()).unwrap();
    let other_seed = draw(input("seed2"), &calendar()).unwrap();
    assert_eq!(
        other_seed.input_sha256, base.input_sha256,
        "the seed is not in the input digest"
    );
    assert_ne!(other_seed.rng_key, base.rng_key);
    assert_ne!(other_seed.result_sha256, base.result_sha256);
    let mut changes: Vec<DrawInput> = Vec::new();
    let mut i = input("seed");
    i.register[3].class = CreditClass::D;
    changes.push(i);
    let mut i = input("seed");
    i.inspectors[0].conflicts.insert(uscc(0));
    changes.push(i);
    let mut i = input("seed");
    i.prior_checks.insert(uscc(5), 1);
    changes.push(i);
    let mut i = input("seed");
    i.plan.items.push("广告".into());
    changes.push(i);
    let mut i = input("seed");
    i.as_of = d("2026-05-30");
    changes.push(i);
    for (n, c) in changes.into_iter().enumerate() {
        let r = draw(c, &calendar()).unwrap();
        assert_ne!(r.input_sha256, base.input_sha256, "change {n}");
        assert_ne!(r.rng_key, base.rng_key, "change {n}");
    }
}

#[test]
fn tampered_records_do_not_verify() {
    let r = draw(input("seed"), &calendar()).unwrap();
    let place = |rec: &DrawRecord| match verify(rec, &calendar()).unwrap_err() {
        VerifyError::Differs { place, .. } => place,
        VerifyError::Rerun(e) => format!("rerun: {e}"),
    };
    let mut t = r.clone();
    t.result.objects[3].inspectors[0] = "insp-999".into();
    assert!(place(&t).starts_with("result.objects[3].inspectors"));
    let mut t = r.clone();
    t.result.objects.swap(0, 1);
    assert_eq!(place(&t), "result.objects[0]");
    let mut t = r.clone();
    t.input.public_seed = "another".into();
    assert_eq!(place(&t), "rng_key");
    let mut t = r.clone();
    t.input.register[0].class = CreditClass::D;
    assert_eq!(place(&t), "input_sha256");
    let mut t = r.clone();
    t.result_sha256 = "00".repeat(32);
    assert_eq!(place(&t), "result_sha256");
    let mut t = r.clone();
    t.result.publish_by = None;
    assert_eq!(place(&t), "result");
    let mut t = r.clone();
    t.input.register.swap(0, 1);
    assert!(
        place(&t).starts_with("rerun"),
        "an unsorted register is refused"
    );
}

#[test]
fn publication_deadline_is_20_working_days_after_the_check() {
    let r = draw(input("seed"), &calendar()).unwrap();
    // 2026-06-30 is a Tuesday; July 2026 has no holiday: 1–3, 6–10, 13–17, 20–24, 27, 28.
    assert_eq!(r.result.publish_by, Some(d("2026-07-28")));
    assert_eq!(r.result.publish_by_unknown, None);
    // The calendar does not cover 2027: unknown, with the reason, never a weekend-only guess.
    let mut i = input("seed");
    i.plan.check_start = d("2027-03-01");
    i.plan.check_end = d("2027-03-31");
    let r = draw(i, &calendar()).unwrap();
    assert_eq!(r.result.publish_by, None);
    assert!(r.result.publish_by_unknown.unwrap().contains("2027"));
}

#[test]
fn the_public_form_has_no_class() {
    let r = draw(input("seed"), &calendar()).unwrap();
    let p = r.public();
    let text = serde_json::to_string(&p).unwrap();
    assert!(!text.contains("\"class\""), "{text}");
    assert_eq!(p.objects.len(), r.result.objects.len());
    assert!(p.objects.windows(2).all(|w| w[0].uscc < w[1].uscc));
}

#[test]
fn published_the_day_after_the_check_and_recusals_named() {
    let mut i = input("seed");
    // Every inspector but two declares a conflict with every entity of class D: each drawn D
    // entity is matched to the two free ones and lists the other six as recused.
    let d_class: Vec<String> = i
        .register
        .iter()
        .filter(|e| e.class == CreditClass::D)
        .map(|e| e.uscc.clone())
        .collect();
    for insp in i.inspectors.iter_mut().skip(2) {
        insp.conflicts.extend(d_class.iter().cloned());
    }
    let r = draw(i, &calendar()).unwrap();
    assert_eq!(r.public_from(), Some(d("2026-07-01")));
    let drawn_d: Vec<&str> = r
        .result
        .objects
        .iter()
        .filter(|o| o.class == CreditClass::D)
        .map(|o| o.uscc.as_str())
        .collect();
    assert_eq!(drawn_d.len(), 10, "rate 100 % of 10");
    let rec = recusals(&r);
    assert_eq!(rec.len(), 10 * 6);
    assert_eq!(
        rec[0],
        Recusal {
            uscc: drawn_d[0].to_string(),
            inspector: "insp-002".into()
        }
    );
    for o in r
        .result
        .objects
        .iter()
        .filter(|o| o.class == CreditClass::D)
    {
        assert_eq!(o.inspectors, ["insp-000", "insp-001"]);
    }
}

#[test]
fn too_few_inspectors_names_the_object() {
    let mut i = input("seed");
    i.register = register([0, 0, 0, 1]);
    i.inspectors = inspectors(3);
    i.inspectors[0].conflicts.insert(uscc(0));
    i.inspectors[1].active = false;
    match draw(i, &calendar()).unwrap_err() {
        DrawError::TooFewInspectors {
            uscc: u,
            available,
            needed,
        } => {
            assert_eq!((u, available, needed), (uscc(0), 1, 2));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn input_outside_scope_or_unsorted_is_refused() {
    let mut i = input("seed");
    i.register[0].adcode = "110101".into();
    assert!(
        matches!(draw(i, &calendar()), Err(DrawError::Input { place, .. }) if place == "register[0]")
    );
    let mut i = input("seed");
    i.public_seed = " ".into();
    assert!(
        matches!(draw(i, &calendar()), Err(DrawError::Input { place, .. }) if place == "public_seed")
    );
    // A record edited to one inspector per object is refused on re-run.
    let mut i = input("seed");
    i.plan.inspectors_per_object = 1;
    assert!(
        matches!(draw(i, &calendar()), Err(DrawError::Input { place, .. }) if place == "plan.inspectors_per_object")
    );
    let mut i = input("seed");
    i.plan.rates_bp.insert(CreditClass::B, 10_001);
    assert!(
        matches!(draw(i, &calendar()), Err(DrawError::Input { place, .. }) if place == "plan.rates_bp.B")
    );
    let mut i = input("seed");
    i.as_of = d("2026-06-02");
    assert!(
        matches!(draw(i, &calendar()), Err(DrawError::Input { place, .. }) if place == "as_of")
    );
}

#[test]
fn prior_checks_from_earlier_records() {
    let a = draw(input("a"), &calendar()).unwrap();
    let b = draw(input("b"), &calendar()).unwrap();
    let counts = prior_checks(&[a.clone(), b.clone(), a.clone()], 2026);
    let expect: u32 = a.result.objects.iter().chain(&b.result.objects).count() as u32;
    assert_eq!(
        counts.values().sum::<u32>(),
        expect,
        "a record given twice counts once"
    );
    assert!(prior_checks(&[a], 2025).is_empty());
}

fn arb_input() -> impl Strategy<Value = DrawInput> {
    (
        prop::collection::vec((0usize..4, 0u32..3), 0..60),
        prop::collection::vec(
            (
                any::<bool>(),
                prop::collection::vec(0usize..60, 0..6),
                any::<bool>(),
            ),
            2..9,
        ),
        1u32..3,
        2u32..4,
        prop::array::uniform4(0u32..=10_000),
        "[a-z0-9]{1,12}",
    )
        .prop_map(|(entities, insp, cap, per_object, rates, seed)| {
            let mut register = Vec::new();
            let mut prior = BTreeMap::new();
            for (i, (c, p)) in entities.iter().enumerate() {
                register.push(RegisterEntry {
                    uscc: uscc(i),
                    class: CreditClass::ALL[*c],
                    adcode: "330106".into(),
                    entity_type: "company".into(),
                    status: RegistryStatus::Active,
                });
                if *p > 0 {
                    prior.insert(uscc(i), *p);
                }
            }
            let mut inspectors: Vec<Inspector> = insp
                .iter()
                .enumerate()
                .map(|(k, (active, conflicts, other_dept))| Inspector {
                    id: format!("i{k:02}"),
                    department: if *other_dept {
                        "jiage".into()
                    } else {
                        "wangjian".into()
                    },
                    active: *active || k < 2,
                    conflicts: conflicts.iter().map(|c| uscc(*c)).collect(),
                })
                .collect();
            inspectors.sort();
            let mut plan = plan();
            plan.annual_cap = cap;
            plan.inspectors_per_object = per_object;
            plan.inspector_departments = vec!["wangjian".into()];
            for (c, r) in CreditClass::ALL.into_iter().zip(rates) {
                plan.rates_bp.insert(c, r);
            }
            DrawInput {
                plan,
                as_of: d("2026-05-31"),
                register,
                inspectors,
                prior_checks: prior,
                public_seed: seed,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn draw_invariants(inp in arb_input()) {
        let cal = calendar();
        match draw(inp.clone(), &cal) {
            Ok(r) => {
                let plan = &inp.plan;
                let by_uscc: BTreeMap<&str, &RegisterEntry> =
                    inp.register.iter().map(|e| (e.uscc.as_str(), e)).collect();
                let mut seen = BTreeSet::new();
                for o in &r.result.objects {
                    prop_assert!(seen.insert(o.uscc.clone()), "drawn twice: {}", o.uscc);
                    prop_assert_eq!(by_uscc[o.uscc.as_str()].class, o.class);
                    // The cap: this check included, never more than annual_cap a year.
                    let before = inp.prior_checks.get(&o.uscc).copied().unwrap_or(0);
                    prop_assert!(before < plan.annual_cap);
                    // ≥ 2 distinct inspectors, as many as the plan says.
                    prop_assert!(o.inspectors.len() >= 2);
                    prop_assert_eq!(o.inspectors.len() as u32, plan.inspectors_per_object);
                    let distinct: BTreeSet<&String> = o.inspectors.iter().collect();
                    prop_assert_eq!(distinct.len(), o.inspectors.len());
                    for id in &o.inspectors {
                        let i = inp.inspectors.iter().find(|i| &i.id == id).unwrap();
                        // Recusal never violated; only active inspectors of the plan's departments.
                        prop_assert!(!i.conflicts.contains(&o.uscc), "{} has a conflict with {}", id, o.uscc);
                        prop_assert!(i.active);
                        prop_assert_eq!(i.department.as_str(), "wangjian");
                    }
                }
                // Recusals: exactly the pool's inspectors with a conflict on a drawn entity,
                // none of them on its team.
                let recused = recusals(&r);
                let mut expected = 0usize;
                for o in &r.result.objects {
                    for i in &inp.inspectors {
                        let in_pool = i.active && i.department == "wangjian";
                        if in_pool && i.conflicts.contains(&o.uscc) {
                            expected += 1;
                            prop_assert!(recused.iter().any(|x| x.uscc == o.uscc && x.inspector == i.id));
                            prop_assert!(!o.inspectors.contains(&i.id));
                        }
                    }
                }
                prop_assert_eq!(recused.len(), expected);
                for t in &r.result.tallies {
                    prop_assert_eq!(t.drawn, sample_size(t.eligible, t.rate_bp));
                    prop_assert_eq!(t.in_register, t.eligible + t.at_cap);
                }
                let again = draw(inp.clone(), &cal).unwrap();
                prop_assert_eq!(&again, &r);
                prop_assert!(verify(&r, &cal).is_ok());
            }
            Err(DrawError::TooFewInspectors { uscc: u, available, needed }) => {
                // Only when there really are too few.
                let free = inp.inspectors.iter().filter(|i| {
                    i.active && i.department == "wangjian" && !i.conflicts.contains(&u)
                }).count() as u32;
                prop_assert_eq!(free, available);
                prop_assert!(available < needed);
            }
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }
}
