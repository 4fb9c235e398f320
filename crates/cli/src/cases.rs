//! `tianping alerts` and `tianping cases …`: the closed loop from the command line — alerts from
//! the stored findings, clues opened from alerts, transitions by a named actor with a reason,
//! queues with deadlines on the working-day calendar, a case's history, and its file (卷宗) as an
//! evidence bundle.
//!
//! The actor is named by flags: this is the operator's tool on the installation itself; staff
//! act through the server, which takes the actor from the authenticated session.

use std::process::ExitCode;

use chrono::NaiveDate;
use tianping_cases::case::{Action, Actor, Case, Role};
use tianping_service::cases::{CaseServiceError, Desk};
use tianping_service::evidence::{self, EvidenceKey};
use tianping_service::{Home, clock};
use tianping_store::Store;
use tianping_store::cases::QueueFilter;

use crate::output::Lang;

/// Who acts, and when.
pub struct Who {
    /// Account id.
    pub actor: String,
    /// `dispatcher`, `officer` or `approver`.
    pub role: String,
    /// The reason, in the actor's words.
    pub reason: String,
    /// RFC 3339 time of the act (default: now).
    pub at: Option<String>,
}

impl Who {
    /// The acting user and the time of the act, or a usage message naming the bad flag.
    pub(crate) fn resolve(&self) -> Result<(Actor, i64), String> {
        let role = parse_role(&self.role)
            .ok_or_else(|| format!("--role {:?}: dispatcher, officer or approver", self.role))?;
        let at = at_ms(self.at.as_deref())?;
        Ok((
            Actor {
                id: self.actor.clone(),
                role,
            },
            at,
        ))
    }
}

/// A usage error (exit 2) naming the bad flag.
pub(crate) fn usage(message: &str) -> anyhow::Result<ExitCode> {
    eprintln!("错误 error: {message}");
    Ok(ExitCode::from(2))
}

fn parse_role(text: &str) -> Option<Role> {
    match text {
        "dispatcher" => Some(Role::Dispatcher),
        "officer" => Some(Role::Officer),
        "approver" => Some(Role::Approver),
        _ => None,
    }
}

/// The time of an act: `--at` (RFC 3339) or now; a bad value is a message naming the flag.
pub(crate) fn at_ms(at: Option<&str>) -> Result<i64, String> {
    match at {
        None => Ok(clock::now_ms()),
        Some(text) => chrono::DateTime::parse_from_rfc3339(text)
            .map(|t| t.timestamp_millis())
            .map_err(|e| format!("--at {text:?}: {e} (RFC 3339, e.g. 2026-12-01T09:30:00+08:00)")),
    }
}

/// A refused or conflicting request is the user's (exit 1, explained); anything else is ours.
fn outcome(result: Result<Case, CaseServiceError>, json: bool) -> anyhow::Result<ExitCode> {
    match result {
        Ok(case) => {
            if json {
                println!("{}", serde_json::to_string(&case)?);
            }
            eprintln!(
                "{} {} → {}（{}）{}",
                case.case_id,
                case.state.as_str(),
                case.state.name_zh(),
                case.department,
                case.deadline
                    .as_ref()
                    .map(|d| match d.due {
                        Some(due) => format!("；期限 due {due}（{}）", d.kind.as_str()),
                        None => format!("；期限无法计算 due date unknown ({})", d.kind.as_str()),
                    })
                    .unwrap_or_default()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if e.is_user_error() => {
            eprintln!("拒绝 refused: {e}");
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(e.into()),
    }
}

/// `alerts`: refreshes the alerts from the stored findings (unless `--no-refresh`) and lists
/// them ranked, optionally one merchant's.
pub async fn alerts(
    store: &dyn Store,
    as_of: Option<&str>,
    merchant: Option<&str>,
    refresh: bool,
    json: bool,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let desk = Desk::embedded()?;
    if refresh {
        let as_of = match as_of {
            Some(text) => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                Ok(d) => d,
                Err(_) => return usage(&format!("--as-of {text:?}: expected YYYY-MM-DD")),
            },
            None => clock::china_today(),
        };
        let r = desk.refresh_alerts(store, as_of, clock::now_ms()).await?;
        for (at, reason) in &r.refused {
            eprintln!("跳过 skipped finding {at}: {reason}");
        }
        eprintln!(
            "{}",
            if lang == Lang::Zh {
                format!(
                    "预警 {} 条（新增 {}，更新 {}）",
                    r.alerts, r.summary.new, r.summary.updated
                )
            } else {
                format!(
                    "{} alerts ({} new, {} updated)",
                    r.alerts, r.summary.new, r.summary.updated
                )
            }
        );
    }
    for a in store.alerts(merchant).await? {
        if json {
            println!("{}", a.body);
        } else {
            println!(
                "{}\t{}\t{}\t{:.3}\t{}\t{}\t{}",
                a.alert_id,
                a.severity,
                a.tier,
                a.score,
                a.practice,
                a.merchant_key,
                a.case_id.as_deref().unwrap_or("-")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `cases open ALERT`: a clue from an alert, assigned to a department and region.
pub async fn open(
    store: &dyn Store,
    alert_id: &str,
    department: &str,
    region: &str,
    who: &Who,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let (actor, at) = match who.resolve() {
        Ok(resolved) => resolved,
        Err(e) => return usage(&e),
    };
    let desk = Desk::embedded()?;
    outcome(
        desk.open_clue(store, alert_id, &actor, department, region, &who.reason, at)
            .await,
        json,
    )
}

/// `cases act CASE ACTION`: one transition. ACTION is a name (`start_verification`, `file`,
/// `close`, …) or, for actions with data, JSON such as
/// `{"action":"transfer","to_department":"…","to_region":"…"}`.
pub async fn act(
    store: &dyn Store,
    case_id: &str,
    action: &str,
    who: &Who,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let (actor, at) = match who.resolve() {
        Ok(resolved) => resolved,
        Err(e) => return usage(&e),
    };
    let text = if action.trim_start().starts_with('{') {
        action.to_string()
    } else {
        serde_json::json!({ "action": action }).to_string()
    };
    let action: Action = match serde_json::from_str(&text) {
        Ok(a) => a,
        Err(e) => return usage(&format!("action {action:?}: {e}")),
    };
    let desk = Desk::embedded()?;
    outcome(
        desk.act(store, case_id, &actor, action, &who.reason, at)
            .await,
        json,
    )
}

/// `cases queue`: open clues and cases, earliest deadline first.
pub async fn queue(
    store: &dyn Store,
    filter: &QueueFilter,
    json: bool,
) -> anyhow::Result<ExitCode> {
    for row in store.case_queue(filter).await? {
        if json {
            println!("{}", serde_json::to_string(&row)?);
        } else {
            let due = match (&row.due_date, row.due_unknown) {
                (Some(day), _) => day.clone(),
                (None, true) => unknown_due(&row.body),
                (None, false) => "-".into(),
            };
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}",
                row.case_id,
                row.state,
                row.department,
                row.region,
                row.deadline_kind.as_deref().unwrap_or("-"),
                due
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The due column of a deadline the calendar cannot compute: said plainly, with the reason
/// (the year whose State Council holiday notice is not in the calendar yet).
fn unknown_due(body: &str) -> String {
    let reason = serde_json::from_str::<Case>(body)
        .ok()
        .and_then(|c| c.deadline.and_then(|d| d.due_unknown));
    match reason {
        Some(reason) => format!("期限未知 due unknown: {reason}"),
        None => "期限未知 due unknown".into(),
    }
}

/// `cases show CASE`: the case and its events, oldest first.
pub async fn show(store: &dyn Store, case_id: &str, json: bool) -> anyhow::Result<ExitCode> {
    let Some(row) = store.case(case_id).await? else {
        eprintln!("错误 error: 没有线索或案件 no clue or case {case_id}");
        return Ok(ExitCode::from(1));
    };
    let events = store.case_events(case_id).await?;
    if json {
        println!("{}", row.body);
        for e in &events {
            println!("{}", e.body);
        }
    } else {
        println!(
            "{}\t{}\t{}\t{}\t{}",
            row.case_id,
            row.state,
            row.department,
            row.region,
            row.due_date.as_deref().unwrap_or("-")
        );
        for e in &events {
            println!(
                "  #{}\t{}\t{}({})\t{} → {}\t{}",
                e.seq,
                e.action,
                e.actor,
                e.role,
                e.from_state.as_deref().unwrap_or("-"),
                e.to_state,
                e.reason
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `cases export CASE --out DIR`: the case file (卷宗) as an evidence bundle — every event of the
/// case and every finding of its alert (with the finding as content), under a fresh signed head.
/// A transferred case's export is the transfer package: it also carries the transfer letter.
pub async fn export(
    home: &Home,
    store: &dyn Store,
    case_id: &str,
    alg: &str,
    out: &std::path::Path,
) -> anyhow::Result<ExitCode> {
    let Some(alg) = tianping_evidence::HashAlg::from_name(alg) else {
        return usage(&format!("--alg {alg:?}: sha256 or sm3"));
    };
    let Some(row) = store.case(case_id).await? else {
        eprintln!("错误 error: 没有线索或案件 no clue or case {case_id}");
        return Ok(ExitCode::from(1));
    };
    if row.state == "transferred" {
        return export_transfer(home, store, case_id, alg, out).await;
    }
    let (items, missing) = evidence::case_file_items(store, case_id).await?;
    if !missing.is_empty() {
        eprintln!(
            "注意 note: 不在存证日志中 not in the evidence log: {}",
            missing.join(", ")
        );
    }
    let events = store.case_events(case_id).await?.len();
    let key = EvidenceKey::load_or_create(home)?;
    let manifest = evidence::export(
        store,
        &key,
        alg,
        &format!("卷宗 case file {case_id}"),
        &items,
        clock::now_ms(),
        out,
    )
    .await?;
    let count = |kind: &str| {
        manifest
            .entries
            .iter()
            .filter(|e| e.entry.kind() == kind)
            .count()
    };
    eprintln!(
        "已导出卷宗 exported case file: {} entries ({} events, {} findings, {} batch receipts) under head size {} to {}",
        manifest.entries.len(),
        events,
        count("finding"),
        count("batch_receipt"),
        manifest.signed_head.tree_size,
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The export of a transferred case: the case file with the transfer letter naming the sending
/// and the receiving unit from the registry (the package `cases receive` takes).
async fn export_transfer(
    home: &Home,
    store: &dyn Store,
    case_id: &str,
    alg: tianping_evidence::HashAlg,
    out: &std::path::Path,
) -> anyhow::Result<ExitCode> {
    let key = EvidenceKey::load_or_create(home)?;
    let result = tianping_service::transfer_letter::export_transfer(
        &Desk::embedded()?,
        store,
        &key,
        alg,
        case_id,
        clock::now_ms(),
        out,
    )
    .await;
    let (letter, manifest) = match result {
        Ok(done) => done,
        Err(e) if e.is_user_error() => {
            eprintln!("拒绝 refused: {e}");
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e.into()),
    };
    let name = |u: &tianping_service::transfer_letter::UnitNames| match &u.names {
        Some(n) => format!("{}（{}，{}）/ {}", n.zh, u.department, u.region, n.en),
        None => format!("{}（{}）", u.department, u.region),
    };
    eprintln!(
        "已导出移送包 exported transfer package: {} entries under head size {} to {}\n  移送单位 from: {}\n  接收单位 to:   {}",
        manifest.entries.len(),
        manifest.signed_head.tree_size,
        out.display(),
        name(&letter.from),
        name(&letter.to)
    );
    Ok(ExitCode::SUCCESS)
}

/// `cases export CASE --reply-to THEIR_CASE --actor ID --out DIR`: the feedback package on a
/// transfer we received — the case file with the feedback letter naming our unit from the
/// registry (the package the sender's `cases feedback` takes).
pub async fn export_feedback(
    home: &Home,
    store: &dyn Store,
    case_id: &str,
    reply_to: &str,
    actor: &str,
    alg: &str,
    out: &std::path::Path,
) -> anyhow::Result<ExitCode> {
    let Some(alg) = tianping_evidence::HashAlg::from_name(alg) else {
        return usage(&format!("--alg {alg:?}: sha256 or sm3"));
    };
    if actor.trim().is_empty() {
        return usage("--actor: who writes the feedback (account id)");
    }
    let key = EvidenceKey::load_or_create(home)?;
    let result = tianping_service::feedback_letter::export_feedback(
        &Desk::embedded()?,
        store,
        &key,
        alg,
        case_id,
        reply_to,
        actor.trim(),
        clock::now_ms(),
        out,
    )
    .await;
    let (letter, manifest) = match result {
        Ok(done) => done,
        Err(e) if e.is_user_error() => {
            eprintln!("拒绝 refused: {e}");
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e.into()),
    };
    let unit = match &letter.from.names {
        Some(n) => format!(
            "{}（{}，{}）/ {}",
            n.zh, letter.from.department, letter.from.region, n.en
        ),
        None => format!("{}（{}）", letter.from.department, letter.from.region),
    };
    eprintln!(
        "已导出移送反馈包 exported transfer feedback: {} entries under head size {} to {}\n  反馈单位 from: {unit}\n  答复 in reply to: {}（本案状态 state {}）",
        manifest.entries.len(),
        manifest.signed_head.tree_size,
        out.display(),
        letter.in_reply_to,
        letter.state
    );
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn parse_key(hex_key: &str) -> Option<tianping_evidence::PublicKey> {
    let bytes = hex::decode(hex_key).ok()?;
    tianping_evidence::PublicKey::from_bytes(tianping_evidence::SigAlg::Ed25519, &bytes).ok()
}

fn transfer_outcome(
    result: Result<Case, tianping_service::transfer::TransferError>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    match result {
        Ok(case) => outcome(Ok(case), json),
        Err(e) if e.is_user_error() => {
            eprintln!("拒绝 refused: {e}");
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(e.into()),
    }
}

/// `cases receive PACKAGE --key SENDER_KEY`: a transfer from another installation, verified
/// against the sender's published key, logged at receipt, kept under `<home>/received/`, and
/// opened as a clue here.
#[allow(clippy::too_many_arguments)]
pub async fn receive(
    home: &Home,
    store: &dyn Store,
    package: &std::path::Path,
    key: &str,
    department: &str,
    region: &str,
    who: &Who,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let Some(key) = parse_key(key) else {
        return usage("--key: the sender's 32-byte Ed25519 public key in hex");
    };
    let (actor, at) = match who.resolve() {
        Ok(resolved) => resolved,
        Err(e) => return usage(&e),
    };
    let result = match tianping_service::transfer::read_package(package, &key) {
        Ok(p) => {
            if let Ok(letter) = tianping_service::transfer_letter::transfer_letter(&p) {
                let names = letter.from.names.unwrap_or_else(|| {
                    tianping_service::assist::DepartmentNames {
                        zh: String::new(),
                        en: String::new(),
                    }
                });
                eprintln!(
                    "移送单位 from: {}（{}，{}）/ {}; 日志 log {}",
                    names.zh,
                    letter.from.department,
                    letter.from.region,
                    names.en,
                    letter.from_log_id
                );
            }
            tianping_service::transfer::receive_transfer(
                &Desk::embedded()?,
                store,
                &p,
                &home.root().join("received"),
                &actor,
                department,
                region,
                at,
            )
            .await
        }
        Err(e) => Err(e),
    };
    transfer_outcome(result, json)
}

/// `cases feedback CASE --from PACKAGE --key RECEIVER_KEY`: the receiver's case file, verified
/// and logged, recorded as feedback on the transferred case.
#[allow(clippy::too_many_arguments)]
pub async fn feedback(
    home: &Home,
    store: &dyn Store,
    case_id: &str,
    package: &std::path::Path,
    key: &str,
    who: &Who,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let Some(key) = parse_key(key) else {
        return usage("--key: the receiver's 32-byte Ed25519 public key in hex");
    };
    let (actor, at) = match who.resolve() {
        Ok(resolved) => resolved,
        Err(e) => return usage(&e),
    };
    let result = match tianping_service::transfer::read_package(package, &key) {
        Ok(p) => {
            tianping_service::transfer::receive_feedback(
                &Desk::embedded()?,
                store,
                case_id,
                &p,
                &home.root().join("received"),
                &actor,
                &who.reason,
                at,
            )
            .await
        }
        Err(e) => Err(e),
    };
    transfer_outcome(result, json)
}
