//! `tianping migrate`: apply the store's migrations and report each version and the durability
//! settings (human table on stderr, or one JSON object on stdout with `--json`).

use std::process::ExitCode;

use tianping_service::Home;

use crate::output::Lang;

/// Runs the migrations of the configured store and reports; exit 1 if the database is not at
/// this binary's versions afterwards (an applied script changed, or a newer binary migrated it).
pub async fn run(
    home: &Home,
    database_url: Option<&str>,
    json: bool,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let report = match tianping_service::migrate::migrate(home, database_url).await {
        Ok(r) => r,
        Err(e @ tianping_store::StoreError::BadUrl(_)) => {
            eprintln!("错误 error: --database-url {e}");
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Err(e.into()),
    };
    let zh = lang == Lang::Zh;
    if json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        eprintln!(
            "{} {}",
            if zh { "存储后端" } else { "store backend" },
            report.backend
        );
        for m in &report.migrations {
            let state = match (m.applied, m.checksum_matches, m.description.is_empty()) {
                (true, true, _) => {
                    if zh {
                        "已应用"
                    } else {
                        "applied"
                    }
                }
                (true, false, true) => {
                    if zh {
                        "数据库较新（本程序不认识此版本）"
                    } else {
                        "unknown to this binary (a newer one migrated the database)"
                    }
                }
                (true, false, false) => {
                    if zh {
                        "校验和不符（脚本已改动）"
                    } else {
                        "checksum differs (the script changed)"
                    }
                }
                (false, ..) => {
                    if zh {
                        "未应用"
                    } else {
                        "not applied"
                    }
                }
            };
            eprintln!("  {:04} {:<12} {state}", m.version, m.description);
        }
        for (name, value) in &report.durability {
            eprintln!("  {name} = {value}");
        }
    }
    Ok(if report.is_current() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
