//! `tianping credit classify` and `tianping inspect draw|verify`: credit risk classes (A–D) for
//! every registered entity, and the reproducible 双随机 draw over them.
//!
//! The class is internal to the regulator: `classify --out` and the draw record carry it and
//! are for staff; `inspect draw --public FILE` writes the form to publish, without classes.
//! Human output goes to stderr (zh-CN, or English with `--lang en`); `--json` prints one JSON
//! summary on stdout.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::{Datelike, NaiveDate};
use tianping_cases::Calendar;
use tianping_credit::draw::{self, DrawInput, DrawRecord};
use tianping_credit::plan::{Plan, RegisterEntry, inspectors_from_toml};
use tianping_credit::rates::Rates;
use tianping_credit::{Classification, CreditClass, Model};
use tianping_service::Home;
use tianping_store::Store;
use tianping_store::credit::DrawSaved;

use crate::credit_facts::{Gathered, gather};
use crate::output::Lang;

fn say(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

/// Parses `--as-of`, or prints the usage error.
fn parse_as_of(text: &str, lang: Lang) -> Result<NaiveDate, ExitCode> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        eprintln!(
            "{}",
            say(
                lang,
                &format!("错误：--as-of {text:?} 不是 YYYY-MM-DD 日期"),
                &format!("error: --as-of {text:?} is not a YYYY-MM-DD date"),
            )
        );
        ExitCode::from(2)
    })
}

/// Classifies every gathered entity, sorted by USCC.
fn classify_all(
    gathered: &Gathered,
    model: &Model,
    as_of: NaiveDate,
) -> Result<Vec<Classification>, tianping_credit::ModelError> {
    let version = model.in_force(as_of)?;
    Ok(gathered
        .entities
        .values()
        .map(|e| tianping_credit::classify::classify_with(version, &e.facts, as_of))
        .collect())
}

fn distribution(results: &[Classification]) -> [usize; 4] {
    let mut n = [0usize; 4];
    for r in results {
        n[r.class.index()] += 1;
    }
    n
}

fn report_problems(g: &Gathered, lang: Lang) {
    for p in &g.problems {
        eprintln!("{}{p}", say(lang, "无法使用的数据：", "unusable row: "));
    }
}

/// `tianping credit classify`.
pub async fn classify(
    home: &Home,
    store: &dyn Store,
    as_of: &str,
    out: Option<&Path>,
    json: bool,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let as_of = match parse_as_of(as_of, lang) {
        Ok(d) => d,
        Err(code) => return Ok(code),
    };
    let model = Model::embedded()?;
    let version = match model.in_force(as_of) {
        Ok(v) => v.clone(),
        Err(e) => {
            eprintln!("{}{e}", say(lang, "错误：", "error: "));
            return Ok(ExitCode::from(2));
        }
    };
    let gathered = gather(home, store, as_of).await?;
    report_problems(&gathered, lang);
    let results = classify_all(&gathered, &model, as_of)?;
    let rows = results
        .iter()
        .map(|r| {
            Ok(tianping_store::credit::ClassRow {
                as_of: as_of.to_string(),
                uscc: r.uscc.clone(),
                class: r.class.as_str().to_string(),
                points: i64::from(r.points),
                model_version: i64::from(r.model_version),
                body: serde_json::to_string(r)?,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    store.save_classes(&as_of.to_string(), &rows).await?;
    if let Some(path) = out {
        let mut text = String::new();
        for r in &results {
            text.push_str(&serde_json::to_string(r)?);
            text.push('\n');
        }
        std::fs::write(path, text).with_context(|| path.display().to_string())?;
    }
    let n = distribution(&results);
    if json {
        println!(
            "{}",
            serde_json::json!({
                "as_of": as_of,
                "model_version": version.version,
                "entities": results.len(),
                "classes": {"A": n[0], "B": n[1], "C": n[2], "D": n[3]},
                "unlinked_findings": gathered.unlinked_findings,
                "problems": gathered.problems.len(),
            })
        );
    } else {
        eprintln!(
            "{}",
            say(
                lang,
                &format!(
                    "企业信用风险分类（内部参考，不公开）截至 {as_of}，模型第 {} 版：{} 户",
                    version.version,
                    results.len()
                ),
                &format!(
                    "Credit risk classes (internal, not public) as of {as_of}, model v{}: {} entities",
                    version.version,
                    results.len()
                ),
            )
        );
        for c in CreditClass::ALL {
            let name = match lang {
                Lang::Zh => c.name_zh(),
                Lang::En => c.name_en(),
            };
            eprintln!("  {} {:>8}  {name}", c.as_str(), n[c.index()]);
        }
        if gathered.unlinked_findings > 0 {
            eprintln!(
                "{}",
                say(
                    lang,
                    &format!(
                        "{} 条发现无法关联到登记主体（未计入）",
                        gathered.unlinked_findings
                    ),
                    &format!(
                        "{} findings could not be linked to a registered entity (not counted)",
                        gathered.unlinked_findings
                    ),
                )
            );
        }
        if let Some(path) = out {
            eprintln!(
                "{}{}",
                say(
                    lang,
                    "逐户结果与依据已写入 ",
                    "per-entity results written to "
                ),
                path.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `tianping inspect draw`.
pub struct DrawArgs {
    /// The plan (TOML).
    pub plan: PathBuf,
    /// The inspector register (TOML).
    pub inspectors: PathBuf,
    /// The public seed.
    pub seed: String,
    /// The day the classes are computed for.
    pub as_of: String,
    /// Earlier draw records (their drawn entities count towards the annual cap).
    pub prior: Vec<PathBuf>,
    /// Where to write the record.
    pub out: Option<PathBuf>,
    /// Where to write the public form.
    pub public: Option<PathBuf>,
    /// Who makes the draw (recorded with its evidence leaf).
    pub actor: String,
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| path.display().to_string())
}

fn usage(lang: Lang, path: &Path, e: impl std::fmt::Display) -> ExitCode {
    eprintln!("{}{}: {e}", say(lang, "错误：", "error: "), path.display());
    ExitCode::from(2)
}

fn read_record(path: &Path) -> anyhow::Result<Result<DrawRecord, String>> {
    let text = read(path)?;
    Ok(serde_json::from_str(&text).map_err(|e| e.to_string()))
}

/// `tianping inspect draw`.
pub async fn draw(
    home: &Home,
    store: &dyn Store,
    args: &DrawArgs,
    json: bool,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let as_of = match parse_as_of(&args.as_of, lang) {
        Ok(d) => d,
        Err(code) => return Ok(code),
    };
    let rates = Rates::embedded()?;
    let plan = match Plan::from_toml(&read(&args.plan)?, &rates) {
        Ok(p) => p,
        Err(e) => return Ok(usage(lang, &args.plan, e)),
    };
    let inspectors = match inspectors_from_toml(&read(&args.inspectors)?) {
        Ok(i) => i,
        Err(e) => return Ok(usage(lang, &args.inspectors, e)),
    };
    let mut prior_records = Vec::new();
    for path in &args.prior {
        match read_record(path)? {
            Ok(r) => prior_records.push(r),
            Err(e) => return Ok(usage(lang, path, e)),
        }
    }
    let model = Model::embedded()?;
    if let Err(e) = model.in_force(as_of) {
        eprintln!("{}{e}", say(lang, "错误：", "error: "));
        return Ok(ExitCode::from(2));
    }
    let gathered = gather(home, store, as_of).await?;
    report_problems(&gathered, lang);
    let register = register(&gathered, &model, &plan, as_of)?;
    // Earlier draws of the year: those of other tasks stored here and those given as files (a
    // record given both ways counts once). The task's own stored draw is not prior: drawing it
    // again with the same inputs and seed gives the same draw.
    for row in store.draws(None).await? {
        if row.task_id == plan.task_id {
            continue;
        }
        match serde_json::from_str::<DrawRecord>(&row.record) {
            Ok(r) => prior_records.push(r),
            Err(e) => anyhow::bail!("stored draw {} does not parse: {e}", row.rng_key),
        }
    }
    let input = DrawInput {
        prior_checks: draw::prior_checks(&prior_records, plan.check_start.year()),
        plan,
        as_of,
        register,
        inspectors,
        public_seed: args.seed.clone(),
    };
    let calendar = Calendar::embedded()?;
    let record = match draw::draw(input, &calendar) {
        Ok(r) => r,
        Err(e @ draw::DrawError::Internal(_)) => return Err(e.into()),
        Err(e) => {
            eprintln!("{}{e}", say(lang, "抽取失败：", "draw failed: "));
            return Ok(ExitCode::from(1));
        }
    };
    let out = args.out.clone().unwrap_or_else(|| {
        home.root().join("draws").join(format!(
            "{}.{}.json",
            record.input.plan.task_id,
            &record.rng_key[..12]
        ))
    });
    let row = tianping_store::credit::DrawRow {
        rng_key: record.rng_key.clone(),
        task_id: record.input.plan.task_id.clone(),
        department: record.input.plan.department.clone(),
        check_start: record.input.plan.check_start.to_string(),
        input_sha256: record.input_sha256.clone(),
        result_sha256: record.result_sha256.clone(),
        record: serde_json::to_string(&record)?,
        leaf_index: 0,
        saved_at_ms: tianping_service::clock::now_ms(),
    };
    let leaf_index = match store.save_draw(&row, &args.actor).await? {
        DrawSaved::Stored { leaf_index } | DrawSaved::AlreadyStored { leaf_index } => leaf_index,
        DrawSaved::Conflict { result_sha256 } => anyhow::bail!(
            "a different draw under key {} is stored (result {result_sha256})",
            record.rng_key
        ),
        DrawSaved::TaskDrawn {
            rng_key,
            leaf_index,
        } => {
            eprintln!(
                "{}",
                say(
                    lang,
                    &format!(
                        "拒绝：任务 {} 已于证据日志叶 {leaf_index} 抽取（rng_key {rng_key}），同一任务只抽取一次；本次结果未保存",
                        record.input.plan.task_id
                    ),
                    &format!(
                        "refused: task {} was drawn before (rng_key {rng_key}, leaf {leaf_index}); a task is drawn once; this result is not kept",
                        record.input.plan.task_id
                    ),
                )
            );
            return Ok(ExitCode::from(1));
        }
    };
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    }
    std::fs::write(&out, serde_json::to_string_pretty(&record)?)
        .with_context(|| out.display().to_string())?;
    if let Some(path) = &args.public {
        std::fs::write(path, serde_json::to_string_pretty(&record.public())?)
            .with_context(|| path.display().to_string())?;
    }
    if json {
        println!(
            "{}",
            serde_json::json!({
                "record": out,
                "task_id": record.input.plan.task_id,
                "input_sha256": record.input_sha256,
                "rng_key": record.rng_key,
                "result_sha256": record.result_sha256,
                "drawn": record.result.objects.len(),
                "tallies": record.result.tallies,
                "publish_by": record.result.publish_by,
                "leaf_index": leaf_index,
            })
        );
    } else {
        render_draw(&record, &out, lang);
        eprintln!(
            "{}{leaf_index}",
            say(
                lang,
                "抽取记录已存证，证据日志叶序号 ",
                "draw record logged in the evidence log at leaf "
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The object register: every classified entity the plan's scope admits, sorted by USCC.
fn register(
    gathered: &Gathered,
    model: &Model,
    plan: &Plan,
    as_of: NaiveDate,
) -> anyhow::Result<Vec<RegisterEntry>> {
    let classes = classify_all(gathered, model, as_of)?;
    let mut out: Vec<RegisterEntry> = gathered
        .entities
        .values()
        .zip(&classes)
        .map(|(e, c)| RegisterEntry {
            uscc: e.facts.uscc.clone(),
            class: c.class,
            adcode: e.adcode.clone(),
            entity_type: e.entity_type.clone(),
            status: e.facts.registry.status,
        })
        .filter(|e| plan.scope.admits(e))
        .collect();
    out.sort();
    Ok(out)
}

fn render_draw(record: &DrawRecord, out: &Path, lang: Lang) {
    let p = &record.input.plan;
    eprintln!(
        "{}",
        say(
            lang,
            &format!(
                "双随机抽查 {}（{}）：抽取 {} 户",
                p.task_id,
                p.task_name,
                record.result.objects.len()
            ),
            &format!(
                "Random inspection {} ({}): {} entities drawn",
                p.task_id,
                p.task_name,
                record.result.objects.len()
            ),
        )
    );
    for t in &record.result.tallies {
        eprintln!(
            "  {} {}{:>6}  {}{:>5}  {}{:>6.2}%  {}{:>5}",
            t.class.as_str(),
            say(lang, "名录 ", "register "),
            t.in_register,
            say(lang, "达上限 ", "at cap "),
            t.at_cap,
            say(lang, "比例 ", "rate "),
            f64::from(t.rate_bp) / 100.0,
            say(lang, "抽中 ", "drawn "),
            t.drawn
        );
    }
    match (&record.result.publish_by, &record.result.publish_by_unknown) {
        (Some(d), _) => eprintln!(
            "{}{d}",
            say(
                lang,
                "结果公示截止（检查结束后 20 个工作日）：",
                "publish results by (20 working days after the check): "
            )
        ),
        (None, Some(why)) => eprintln!(
            "{}{why}",
            say(
                lang,
                "公示截止日期无法计算：",
                "publication deadline unknown: "
            )
        ),
        (None, None) => {}
    }
    eprintln!("input_sha256  {}", record.input_sha256);
    eprintln!("rng_key       {}", record.rng_key);
    eprintln!("result_sha256 {}", record.result_sha256);
    eprintln!(
        "{}{}",
        say(
            lang,
            "抽取记录（内部，含分类）：",
            "draw record (internal, with classes): "
        ),
        out.display()
    );
}

/// `tianping inspect verify RECORD [--recompute --as-of]`: re-runs the draw from the record's
/// inputs and compares; with `recompute`, also re-classifies the register from today's lake and
/// store as of the record's `as_of` and compares it entry by entry.
pub async fn verify(
    home: &Home,
    store: &dyn Store,
    record_path: &Path,
    recompute: bool,
    json: bool,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let record = match read_record(record_path)? {
        Ok(r) => r,
        Err(e) => return Ok(usage(lang, record_path, e)),
    };
    let calendar = Calendar::embedded()?;
    let mut failure = draw::verify(&record, &calendar)
        .err()
        .map(|e| e.to_string());
    if failure.is_none() && recompute {
        let model = Model::embedded()?;
        let gathered = gather(home, store, record.input.as_of).await?;
        let again = register(&gathered, &model, &record.input.plan, record.input.as_of)?;
        failure = compare_registers(&record.input.register, &again);
    }
    let stored = store
        .draws(Some(&record.input.plan.task_id))
        .await?
        .into_iter()
        .find(|r| r.rng_key == record.rng_key);
    if failure.is_none()
        && let Some(row) = &stored
        && row.result_sha256 != record.result_sha256
    {
        failure = Some(format!(
            "result_sha256: the store logged {} at leaf {}, the file says {}",
            row.result_sha256, row.leaf_index, record.result_sha256
        ));
    }
    let ok = failure.is_none();
    if json {
        println!(
            "{}",
            serde_json::json!({
                "record": record_path,
                "verified": ok,
                "register_recomputed": recompute,
                "problem": failure,
                "logged_leaf": stored.as_ref().map(|r| r.leaf_index),
                "input_sha256": record.input_sha256,
                "result_sha256": record.result_sha256,
            })
        );
    } else if let Some(why) = &failure {
        eprintln!("{}{why}", say(lang, "验证失败：", "verification FAILED: "));
    } else {
        eprintln!(
            "{}",
            say(
                lang,
                &format!(
                    "验证通过：{} 按记录的输入与公开种子重新抽取，结果一致（{} 户，result_sha256 {}）{}",
                    record.input.plan.task_id,
                    record.result.objects.len(),
                    record.result_sha256,
                    if recompute {
                        "；检查对象名录按现有数据重新分类一致"
                    } else {
                        ""
                    }
                ),
                &format!(
                    "verified: {} re-drawn from the recorded inputs and public seed gives the same result ({} entities, result_sha256 {}){}",
                    record.input.plan.task_id,
                    record.result.objects.len(),
                    record.result_sha256,
                    if recompute {
                        "; the object register re-classified from current data matches"
                    } else {
                        ""
                    }
                ),
            )
        );
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn compare_registers(recorded: &[RegisterEntry], again: &[RegisterEntry]) -> Option<String> {
    for (i, (a, b)) in recorded.iter().zip(again).enumerate() {
        if a != b {
            return Some(format!(
                "register[{i}]: recorded {} class {}, recomputed {} class {}",
                a.uscc,
                a.class.as_str(),
                b.uscc,
                b.class.as_str()
            ));
        }
    }
    (recorded.len() != again.len()).then(|| {
        format!(
            "register: recorded {} entries, recomputed {}",
            recorded.len(),
            again.len()
        )
    })
}
