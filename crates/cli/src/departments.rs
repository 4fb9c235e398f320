//! `tianping departments load|list|check`: the department registry. `load` reads the `[[departments]]`
//! section of an installation configuration file (other keys of the file are the server's and are
//! ignored here), validates it whole — an error names the entry and field, e.g.
//! `departments[2].parent` — and stores it, rewriting department names in existing accounts, cases
//! and notices to ids in the same transaction (a value that maps to no department fails it,
//! naming every such row). `list` prints the stored registry. `check` names every record whose
//! department is no registry id (table, row, value), with the id a `load` would rewrite a
//! Chinese name to, and exits 1 if any maps to none.

use std::path::Path;
use std::process::ExitCode;

use serde::Deserialize;
use tianping_auth::department::{RawDepartment, Registry};
use tianping_service::departments;
use tianping_store::Store;

use crate::output::Lang;

/// The part of the installation configuration this command reads.
#[derive(Debug, Deserialize)]
struct Installation {
    #[serde(default)]
    departments: Vec<RawDepartment>,
}

/// Loads the registry from `config` into the store.
pub async fn load(
    store: &dyn Store,
    config: &Path,
    json: bool,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(config)
        .map_err(|e| anyhow::anyhow!("{}: {e}", config.display()))?;
    let installation: Installation = match toml::from_str(&text) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("错误 error: {}: {}", config.display(), e.message());
            return Ok(ExitCode::from(2));
        }
    };
    let registry = match Registry::from_raw(&installation.departments) {
        Ok(r) if r.is_empty() => {
            eprintln!(
                "错误 error: {}: 没有 [[departments]] / no [[departments]] section",
                config.display()
            );
            return Ok(ExitCode::from(2));
        }
        Ok(r) => r,
        Err(e) => {
            eprintln!("错误 error: {}: {e}", config.display());
            return Ok(ExitCode::from(2));
        }
    };
    let report = match departments::seed(store, &registry).await {
        Ok(report) => report,
        Err(e) => {
            eprintln!("错误 error: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    if json {
        println!(
            "{}",
            serde_json::json!({
                "inserted": report.inserted, "updated": report.updated,
                "deactivated": report.deactivated, "migrated": report.migrated,
            })
        );
    } else {
        let (ins, upd, deact, moved) = match lang {
            Lang::Zh => ("新增", "更新", "停用", "迁移"),
            Lang::En => ("inserted", "updated", "deactivated", "migrated"),
        };
        eprintln!(
            "{ins} {}  {upd} {}  {deact} {:?}  {moved} {:?}",
            report.inserted, report.updated, report.deactivated, report.migrated
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the stored registry.
pub async fn list(store: &dyn Store, json: bool) -> anyhow::Result<ExitCode> {
    for row in store.departments().await? {
        if json {
            println!("{}", serde_json::to_string(&row)?);
        } else {
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}",
                row.id,
                row.name_zh,
                row.name_en,
                row.region,
                row.parent.as_deref().unwrap_or("-"),
                if row.active { "active" } else { "inactive" }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Names every record whose department is no id of the registry; exit 1 if any is unmappable.
pub async fn check(store: &dyn Store, json: bool, lang: Lang) -> anyhow::Result<ExitCode> {
    let orphans = store.department_orphans().await?;
    for o in &orphans {
        if json {
            println!("{}", serde_json::to_string(o)?);
        } else {
            let verdict = match (&o.maps_to, lang) {
                (Some(id), Lang::Zh) => format!("可迁移为 {id}"),
                (Some(id), Lang::En) => format!("maps to {id}"),
                (None, Lang::Zh) => "无法对应任何部门".to_string(),
                (None, Lang::En) => "maps to no department".to_string(),
            };
            println!("{}\t{}={}\t{:?}\t{verdict}", o.table, o.key, o.row, o.value);
        }
    }
    let unmappable = orphans.iter().filter(|o| o.maps_to.is_none()).count();
    let summary = match lang {
        Lang::Zh => format!(
            "部门引用检查：{} 行不是部门编号，其中 {unmappable} 行无法对应",
            orphans.len()
        ),
        Lang::En => format!(
            "department check: {} rows hold no department id, {unmappable} of them map to none",
            orphans.len()
        ),
    };
    eprintln!("{summary}");
    Ok(if unmappable > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A department filter as typed (id or Chinese name) → the id; `Err` is the message to print.
pub async fn filter_id(
    store: &dyn Store,
    given: Option<String>,
) -> anyhow::Result<Result<Option<String>, String>> {
    let Some(given) = given else {
        return Ok(Ok(None));
    };
    let registry = departments::load(store).await?;
    Ok(registry
        .resolve(&given)
        .map(|d| Some(d.id.as_str().to_string()))
        .map_err(|e| format!("--department: {e}")))
}
