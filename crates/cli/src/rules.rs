//! `tianping rules [--as-of DATE]`: every rule version of the registered detectors (legal basis,
//! period in force) and, for the versions in force on the day, each parameter's value and where it
//! comes from (the code's default, or a stored setting with its id, first day and reason);
//! `tianping rules history [RULE]`: every stored setting; `tianping rules set RULE PARAM VALUE
//! --from DATE --reason TEXT`: records a setting as the local operator (`local:<user>`), audited.
//!
//! Staff change parameters through the API (`POST /api/v1/rules/{rule}/settings`: system
//! administrator, re-authenticated, audited under their account); this command is for the
//! operator of the installation's machine, who already holds the database. Settings are never
//! changed or removed: a new value is a new setting.

use std::collections::BTreeMap;
use std::process::ExitCode;

use serde_json::json;
use tianping_detect::rules::{ResolvedRule, Source, parse_value, resolve, validate_date};
use tianping_store::Store;
use tianping_store::accounts::AuditEvent;
use tianping_store::params::{NewParamSetting, ParamSetting};

use crate::output::Lang;

fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The day given, or today in China.
fn day(as_of: Option<&str>) -> Result<String, String> {
    match as_of {
        Some(d) => validate_date("", "", d)
            .map(|()| d.to_string())
            .map_err(|_| format!("--as-of {d:?}: 应为 YYYY-MM-DD / expected YYYY-MM-DD")),
        None => Ok(tianping_service::clock::china_today().to_string()),
    }
}

/// `tianping rules [--as-of DATE]`.
pub async fn show(
    store: &dyn Store,
    as_of: Option<&str>,
    json_out: bool,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let date = match day(as_of) {
        Ok(d) => d,
        Err(msg) => {
            eprintln!("错误 error: {msg}");
            return Ok(ExitCode::from(2));
        }
    };
    let rows = store.param_settings(None).await?;
    let by_id: BTreeMap<i64, &ParamSetting> = rows.iter().map(|r| (r.setting_id, r)).collect();
    let all = tianping_detectors::rule_versions();
    let resolved = match resolve(
        &all,
        &tianping_service::params::as_settings(&rows),
        &Default::default(),
        &date,
    ) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("错误 error: {e}");
            return Ok(ExitCode::from(3));
        }
    };
    let in_force = |rule: &str, from: &str| -> Option<&ResolvedRule> {
        resolved
            .iter()
            .find(|r| r.version.rule == rule && r.version.effective_from == from)
    };
    let mut table = crate::output::new_table();
    table.set_header(vec![
        t(lang, "规则", "rule"),
        t(lang, "施行期间", "in force"),
        t(lang, "法律依据", "legal basis"),
        t(
            lang,
            "参数（当日取值 单位；来源）",
            "parameters (value on the day, unit; source)",
        ),
    ]);
    for d in tianping_detectors::all() {
        for rule in d.rules() {
            let now = in_force(rule.rule, rule.effective_from);
            if json_out {
                println!(
                    "{}",
                    serde_json::to_string(&json!({
                        "detector": d.id(),
                        "detector_version": d.version(),
                        "rule": rule,
                        "as_of": date,
                        "in_force": now.is_some(),
                        "values": now.map(|r| &r.params),
                    }))?
                );
                continue;
            }
            let params: Vec<String> = match now {
                Some(r) => r
                    .params
                    .iter()
                    .map(|p| {
                        let source = match &p.source {
                            Source::Default => {
                                format!("{} {}", t(lang, "默认", "default"), p.def.source)
                            }
                            Source::Setting {
                                setting_id,
                                effective_from,
                            } => format!(
                                "{} #{setting_id} {} {effective_from}：{}",
                                t(lang, "设定", "setting"),
                                t(lang, "自", "from"),
                                by_id
                                    .get(setting_id)
                                    .map_or("", |s| s.setting.reason.as_str())
                            ),
                            Source::Config => t(lang, "配置文件", "config file").to_string(),
                        };
                        format!("{} = {} {}（{source}）", p.def.name, p.value, p.def.unit)
                    })
                    .collect(),
                None => vec![t(lang, "（当日不施行）", "(not in force on the day)").to_string()],
            };
            table.add_row(vec![
                format!("{} (v{})", rule.rule, d.version()),
                format!(
                    "{} – {}",
                    rule.effective_from,
                    rule.effective_to.unwrap_or("")
                ),
                rule.legal_basis.join("；"),
                params.join("\n"),
            ]);
        }
    }
    if !json_out {
        eprintln!("{} {date}", t(lang, "取值日期", "values as of"));
        eprintln!("{table}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `tianping rules history [RULE]`.
pub async fn history(
    store: &dyn Store,
    rule: Option<&str>,
    json_out: bool,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let rows = store.param_settings(rule).await?;
    if json_out {
        for r in &rows {
            println!("{}", serde_json::to_string(r)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = crate::output::new_table();
    table.set_header(vec![
        "#",
        t(lang, "规则", "rule"),
        t(lang, "参数", "parameter"),
        t(lang, "取值", "value"),
        t(lang, "生效日", "from"),
        t(lang, "理由", "reason"),
        t(lang, "设定人", "set by"),
        t(lang, "记录时间", "recorded at"),
    ]);
    for r in &rows {
        let s = &r.setting;
        table.add_row(vec![
            r.setting_id.to_string(),
            s.rule.clone(),
            s.param.clone(),
            s.value.to_string(),
            s.effective_from.clone(),
            s.reason.clone(),
            s.set_by.clone(),
            s.recorded_at.clone(),
        ]);
    }
    eprintln!("{table}");
    Ok(ExitCode::SUCCESS)
}

/// The arguments of `tianping rules set`.
pub struct SetArgs<'a> {
    /// Rule.
    pub rule: &'a str,
    /// Parameter.
    pub param: &'a str,
    /// Value as typed.
    pub value: &'a str,
    /// First day.
    pub from: &'a str,
    /// Reason.
    pub reason: &'a str,
}

/// `tianping rules set RULE PARAM VALUE --from DATE --reason TEXT`.
pub async fn set(
    store: &dyn Store,
    args: SetArgs<'_>,
    json_out: bool,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let SetArgs {
        rule,
        param,
        value,
        from,
        reason,
    } = args;
    let all = tianping_detectors::rule_versions();
    let checked = parse_value(rule, param, value, &all)
        .and_then(|v| validate_date(rule, param, from).map(|()| v));
    let value = match checked {
        Ok(v) => v,
        Err(e) => {
            eprintln!("错误 error: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    // A setting never changes the past: the value shown for a day already begun stays.
    let today = tianping_service::clock::china_today().to_string();
    if from < today.as_str() {
        eprintln!(
            "错误 error: rule {rule}: parameter {param}: --from {from} 早于今天 is before today {today}；设定不能改变过去的取值 / a setting cannot change past values"
        );
        return Ok(ExitCode::from(2));
    }
    if reason.trim().is_empty() {
        eprintln!("错误 error: --reason 不能为空 / --reason must not be empty");
        return Ok(ExitCode::from(2));
    }
    let user = std::env::var("USER").unwrap_or_else(|_| "operator".into());
    let recorded_at = tianping_service::clock::now_rfc3339();
    let stored = store
        .add_param_setting(&NewParamSetting {
            rule: rule.into(),
            param: param.into(),
            value,
            effective_from: from.into(),
            reason: reason.into(),
            set_by: format!("local:{user}"),
            recorded_at: recorded_at.clone(),
        })
        .await?;
    // The audit log's time form: UTC, microseconds, `Z` (its text order is time order).
    let at = chrono::DateTime::from_timestamp_millis(tianping_service::clock::now_ms())
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    store
        .append_audit(&AuditEvent {
            at,
            actor: stored.setting.set_by.clone(),
            action: "create_rule_setting".into(),
            target: format!("{rule}/{param}"),
            outcome: "success".into(),
            detail: serde_json::to_string(&stored)?,
            source: "cli".into(),
        })
        .await?;
    if json_out {
        println!("{}", serde_json::to_string(&stored)?);
    } else {
        eprintln!(
            "{} #{}: {rule} {param} = {value} {} {from}",
            t(lang, "已记录设定", "setting recorded"),
            stored.setting_id,
            t(lang, "生效自", "from"),
        );
    }
    Ok(ExitCode::SUCCESS)
}
