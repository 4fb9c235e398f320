//! `tianping credit classify` and `tianping inspect draw | verify` on the small simulated city:
//! every registry entity gets a class with its explanation, the registry's listed-serious
//! entities are D, a draw's record verifies (also with the register re-classified from the
//! data), a tampered record does not, and the public form carries no class.

use std::path::Path;

use crate::support::tianping;

fn ok(out: &std::process::Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn sql_count(home: &Path, query: &str) -> u64 {
    let out = ok(&tianping(home, &["sql", query, "--format", "csv"]));
    out.lines().nth(1).unwrap().trim().parse().unwrap()
}

const PLAN: &str = r#"
task_id = "hz-2026-wj-12"
task_name = "2026年第十二批网络交易经营者双随机抽查"
department = "wangjian"
item_type = "general"
items = ["亮照亮证", "明码标价"]
check_start = "2026-12-01"
check_end = "2026-12-18"
annual_cap = 1
inspectors_per_object = 2
[scope]
adcode_prefixes = ["3301"]
"#;

#[test]
fn classes_for_every_registry_entity_and_a_draw_that_verifies() {
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    let city = w.join("city");
    let home = w.join("home");
    ok(&tianping(
        w,
        &[
            "simulate",
            "--out",
            city.to_str().unwrap(),
            "--scale",
            "small",
        ],
    ));
    let mut suppliers: Vec<_> = std::fs::read_dir(&city)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.path())
        .collect();
    suppliers.sort();
    for s in &suppliers {
        ok(&tianping(&home, &["ingest", s.to_str().unwrap()]));
    }
    ok(&tianping(
        &home,
        &[
            "detect",
            "--detector",
            "merchant_identity",
            "--as-of",
            "2026-12-01T00:00:00+08:00",
        ],
    ));

    // Classification: one line per registry USCC, each explained.
    let classes = w.join("classes.jsonl");
    let summary: serde_json::Value = serde_json::from_str(&ok(&tianping(
        &home,
        &[
            "--json",
            "credit",
            "classify",
            "--as-of",
            "2026-11-30",
            "--out",
            classes.to_str().unwrap(),
        ],
    )))
    .unwrap();
    let registry = sql_count(&home, "SELECT COUNT(DISTINCT uscc) FROM registry");
    assert!(registry > 100, "{registry}");
    assert_eq!(summary["entities"], registry);
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&classes)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len() as u64, registry);
    let mut by_class = [0u64; 4];
    for l in &lines {
        let class = l["class"].as_str().unwrap();
        let i = ["A", "B", "C", "D"]
            .iter()
            .position(|c| *c == class)
            .unwrap();
        by_class[i] += 1;
        let indicators = l["indicators"].as_array().unwrap();
        assert!(indicators.len() >= 10);
        let sum: u64 = indicators
            .iter()
            .map(|r| r["points"].as_u64().unwrap())
            .sum();
        assert_eq!(l["points"].as_u64().unwrap(), sum, "{}", l["uscc"]);
    }
    for (i, c) in ["A", "B", "C", "D"].iter().enumerate() {
        assert_eq!(summary["classes"][c], by_class[i]);
    }
    // The registry's 严重违法失信名单 entities are D, by the trigger.
    let serious = sql_count(
        &home,
        "SELECT COUNT(DISTINCT uscc) FROM registry WHERE status = 'serious_violation'",
    );
    assert!(serious >= 1);
    let d_by_list = lines
        .iter()
        .filter(|l| {
            l["class"] == "D"
                && l["triggers"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|t| t["id"] == "serious_violation_list")
        })
        .count() as u64;
    assert_eq!(d_by_list, serious);
    // The indicators read the data: penalties in the 24-month window, exactly; complaints and
    // findings linked to some entities.
    let value = |l: &serde_json::Value, id: &str| {
        l["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()["value"]
            .as_f64()
            .unwrap()
    };
    let penalised = sql_count(
        &home,
        "SELECT COUNT(DISTINCT p.uscc) FROM penalties p JOIN registry r ON p.uscc = r.uscc \
         WHERE p.decided_on > DATE '2024-11-30' AND p.decided_on <= DATE '2026-11-30'",
    );
    assert!(penalised > 0);
    assert_eq!(
        lines
            .iter()
            .filter(|l| value(l, "penalties_count") >= 1.0)
            .count() as u64,
        penalised
    );
    assert!(lines.iter().any(|l| value(l, "complaints_rate") > 0.0));
    assert!(
        lines
            .iter()
            .any(|l| value(l, "findings_serious") + value(l, "findings_minor") > 0.0)
    );
    // Classes differ: the simulated city is not all A.
    assert!(by_class[0] > 0 && by_class[0] < registry);

    // The draw.
    std::fs::write(w.join("plan.toml"), PLAN).unwrap();
    let mut inspectors = String::new();
    for i in 0..12 {
        inspectors.push_str(&format!(
            "[[inspector]]\nid = \"insp-{i:02}\"\ndepartment = \"wangjian\"\n"
        ));
        if i == 0 {
            let first = lines[0]["uscc"].as_str().unwrap();
            inspectors.push_str(&format!("conflicts = [\"{first}\"]\n"));
        }
        inspectors.push('\n');
    }
    std::fs::write(w.join("inspectors.toml"), inspectors).unwrap();
    let record = w.join("draw.json");
    let public = w.join("public.json");
    let plan_path = w.join("plan.toml");
    let inspectors_path = w.join("inspectors.toml");
    let draw = |seed: &str, out: &Path, extra: &[&str]| {
        let mut args = vec![
            "--json",
            "inspect",
            "draw",
            "--plan",
            plan_path.to_str().unwrap(),
            "--inspectors",
            inspectors_path.to_str().unwrap(),
            "--seed",
            seed,
            "--as-of",
            "2026-11-30",
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        tianping(&home, &args)
    };
    let made: serde_json::Value = serde_json::from_str(&ok(&draw(
        "2026-11-30 福彩3D 123",
        &record,
        &["--public", public.to_str().unwrap()],
    )))
    .unwrap();
    assert!(made["drawn"].as_u64().unwrap() > 0);
    assert!(
        made["leaf_index"].as_i64().is_some(),
        "the draw is in the evidence log"
    );
    let rec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    assert_eq!(
        rec["input"]["register"].as_array().unwrap().len() as u64,
        registry
    );
    for o in rec["result"]["objects"].as_array().unwrap() {
        let team = o["inspectors"].as_array().unwrap();
        assert_eq!(team.len(), 2);
        if o["uscc"] == lines[0]["uscc"] {
            assert!(!team.iter().any(|i| i == "insp-00"), "recusal");
        }
    }
    // The same inputs give the same draw.
    let again = w.join("again.json");
    ok(&draw("2026-11-30 福彩3D 123", &again, &[]));
    assert_eq!(
        std::fs::read(&record).unwrap(),
        std::fs::read(&again).unwrap()
    );
    // The public form has no class.
    let public_text = std::fs::read_to_string(&public).unwrap();
    assert!(!public_text.contains("\"class\""));
    assert!(public_text.contains(made["result_sha256"].as_str().unwrap()));

    // Verify: from the record alone, and with the register re-classified from the data.
    let v: serde_json::Value = serde_json::from_str(&ok(&tianping(
        &home,
        &[
            "--json",
            "inspect",
            "verify",
            record.to_str().unwrap(),
            "--recompute-register",
        ],
    )))
    .unwrap();
    assert_eq!(v["verified"], true);
    let out = tianping(
        &home,
        &[
            "--lang",
            "en",
            "inspect",
            "verify",
            record.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("verified"));
    // A tampered record (one inspector swapped) fails, naming the object.
    let mut tampered = rec.clone();
    let first_team = &mut tampered["result"]["objects"][0]["inspectors"][0];
    *first_team = serde_json::json!("insp-99");
    let bad = w.join("tampered.json");
    std::fs::write(&bad, serde_json::to_string(&tampered).unwrap()).unwrap();
    let out = tianping(&home, &["inspect", "verify", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let msg = String::from_utf8_lossy(&out.stderr);
    assert!(
        msg.contains("验证失败") && msg.contains("result.objects[0].inspectors"),
        "{msg}"
    );

    // The same task drawn again with another seed: refused (a task is drawn once).
    let redraw = draw("another seed", &w.join("redraw.json"), &[]);
    assert_eq!(redraw.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&redraw.stderr).contains("拒绝"));
    assert!(
        !w.join("redraw.json").exists(),
        "a refused draw writes no record"
    );
    // The annual cap: another task of the year, cap 1; the first draw (stored, and given as a
    // file too) counts, so nobody is drawn twice.
    std::fs::write(&plan_path, PLAN.replace("hz-2026-wj-12", "hz-2026-wj-13")).unwrap();
    let second = w.join("second.json");
    ok(&draw(
        "another seed",
        &second,
        &["--prior", record.to_str().unwrap()],
    ));
    let rec2: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&second).unwrap()).unwrap();
    let first: std::collections::BTreeSet<&str> = rec["result"]["objects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["uscc"].as_str().unwrap())
        .collect();
    for o in rec2["result"]["objects"].as_array().unwrap() {
        assert!(!first.contains(o["uscc"].as_str().unwrap()), "cap exceeded");
    }
    assert!(!rec2["result"]["objects"].as_array().unwrap().is_empty());

    // Usage errors name the field.
    std::fs::write(
        w.join("bad-plan.toml"),
        PLAN.replace("inspectors_per_object = 2", "inspectors_per_object = 1"),
    )
    .unwrap();
    let out = tianping(
        &home,
        &[
            "inspect",
            "draw",
            "--plan",
            w.join("bad-plan.toml").to_str().unwrap(),
            "--inspectors",
            w.join("inspectors.toml").to_str().unwrap(),
            "--seed",
            "s",
            "--as-of",
            "2026-11-30",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("inspectors_per_object"));
    let out = tianping(&home, &["credit", "classify", "--as-of", "2026-13-01"]);
    assert_eq!(out.status.code(), Some(2));
}
