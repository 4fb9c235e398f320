//! `tianping notices …`: rectification notices (责令整改通知) from the command line — issue one
//! from a minor alert, list them (per platform, department, region; overdue; due unknown), record
//! the platform's reply with its attachments' SHA-256, accept it, escalate one to a clue, sweep the
//! overdue ones, and show a notice with its history.
//!
//! Like `tianping cases`, the actor is named by flags: the operator's tool on the installation.
//! Platforms answer through the server, which takes the platform from its API key.

use std::path::PathBuf;
use std::process::ExitCode;

use tianping_cases::notice::{
    Attachment, EscalationCause, Notice, NoticeActor, NoticeRole, ReplyKind,
};
use tianping_evidence::HashAlg;
use tianping_service::cases::Desk;
use tianping_service::notices::{self, NoticeServiceError};
use tianping_store::Store;
use tianping_store::notices::NoticeFilter;

use crate::cases::usage;

/// Who acts, and when.
pub struct Who {
    /// Account id.
    pub actor: String,
    /// `officer`, `approver`, `dispatcher` or `platform`.
    pub role: String,
    /// The reason.
    pub reason: String,
    /// RFC 3339 time (default now).
    pub at: Option<String>,
}

impl Who {
    fn resolve(&self) -> Result<(NoticeActor, i64), String> {
        let role = NoticeRole::parse(&self.role).ok_or_else(|| {
            format!(
                "--role {:?}: officer, approver, dispatcher or platform",
                self.role
            )
        })?;
        let at = crate::cases::at_ms(self.at.as_deref())?;
        Ok((
            NoticeActor {
                id: self.actor.clone(),
                role,
            },
            at,
        ))
    }
}

fn line(n: &Notice) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}",
        n.notice_id,
        n.state.as_str(),
        n.platform,
        n.merchant_key,
        n.practice,
        match n.deadline.due {
            Some(due) => due.to_string(),
            None => "期限未知 due unknown".into(),
        }
    )
}

fn outcome(result: Result<Notice, NoticeServiceError>, json: bool) -> anyhow::Result<ExitCode> {
    match result {
        Ok(n) => {
            if json {
                println!("{}", serde_json::to_string(&n)?);
            }
            eprintln!(
                "{} → {}；{}",
                n.notice_id,
                n.state,
                match (n.deadline.due, &n.deadline.due_unknown) {
                    (Some(due), _) => format!("整改期限 due {due}"),
                    (None, reason) => format!(
                        "整改期限无法计算，须在通知中手工载明 due date unknown: {}",
                        reason.as_deref().unwrap_or("")
                    ),
                }
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

/// `notices issue ALERT`.
pub async fn issue(
    store: &dyn Store,
    alert_id: &str,
    department: &str,
    region: &str,
    who: &Who,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let (actor, at) = match who.resolve() {
        Ok(r) => r,
        Err(e) => return usage(&e),
    };
    let desk = Desk::embedded()?;
    outcome(
        notices::issue(
            &desk,
            store,
            alert_id,
            &actor,
            department,
            region,
            &who.reason,
            at,
        )
        .await,
        json,
    )
}

/// `notices list`.
pub async fn list(
    store: &dyn Store,
    filter: &NoticeFilter,
    json: bool,
) -> anyhow::Result<ExitCode> {
    for n in notices::list(store, filter).await? {
        if json {
            println!("{}", serde_json::to_string(&n)?);
        } else {
            println!("{}", line(&n));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads an attachment: `PATH` (hashed here) or `NAME=SHA256`.
fn attachment(spec: &str) -> Result<Attachment, String> {
    if let Some((name, sha)) = spec.split_once('=')
        && sha.len() == 64
    {
        return Ok(Attachment {
            name: name.to_string(),
            sha256: sha.to_ascii_lowercase(),
        });
    }
    let path = PathBuf::from(spec);
    let bytes = std::fs::read(&path).map_err(|e| format!("--attach {spec:?}: {e}"))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| spec.to_string());
    Ok(Attachment {
        name,
        sha256: HashAlg::Sha256.digest(&bytes).to_hex(),
    })
}

/// `notices reply NOTICE`: the platform's answer.
#[allow(clippy::too_many_arguments)]
pub async fn reply(
    store: &dyn Store,
    notice_id: &str,
    platform: &str,
    kind: &str,
    text: &str,
    attach: &[String],
    who: &Who,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let (actor, at) = match who.resolve() {
        Ok(r) => r,
        Err(e) => return usage(&e),
    };
    let kind = match kind {
        "done" => ReplyKind::Done,
        "disputed" => ReplyKind::Disputed,
        other => return usage(&format!("--kind {other:?}: done or disputed")),
    };
    let mut attachments = Vec::new();
    for spec in attach {
        match attachment(spec) {
            Ok(a) => attachments.push(a),
            Err(e) => return usage(&e),
        }
    }
    outcome(
        notices::reply(
            store,
            notice_id,
            platform,
            &actor,
            kind,
            text,
            attachments,
            &who.reason,
            at,
        )
        .await,
        json,
    )
}

/// `notices accept NOTICE`.
pub async fn accept(
    store: &dyn Store,
    notice_id: &str,
    who: &Who,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let (actor, at) = match who.resolve() {
        Ok(r) => r,
        Err(e) => return usage(&e),
    };
    outcome(
        notices::accept(store, notice_id, &actor, &who.reason, at).await,
        json,
    )
}

/// `notices escalate NOTICE --cause overdue|reply_rejected`.
pub async fn escalate(
    store: &dyn Store,
    notice_id: &str,
    cause: &str,
    who: &Who,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let (actor, at) = match who.resolve() {
        Ok(r) => r,
        Err(e) => return usage(&e),
    };
    let cause = match cause {
        "overdue" => EscalationCause::Overdue,
        "reply_rejected" => EscalationCause::ReplyRejected,
        other => return usage(&format!("--cause {other:?}: overdue or reply_rejected")),
    };
    let desk = Desk::embedded()?;
    let result = notices::escalate(&desk, store, notice_id, &actor, cause, &who.reason, at).await;
    match result {
        Ok((n, case)) => {
            eprintln!("线索 clue {} ← {}", case.case_id, n.notice_id);
            outcome(Ok(n), json)
        }
        Err(e) => outcome(Err(e), json),
    }
}

/// `notices escalate-overdue`: every notice past its deadline unanswered becomes a clue.
pub async fn escalate_overdue(
    store: &dyn Store,
    department: Option<&str>,
    who: &Who,
) -> anyhow::Result<ExitCode> {
    let (actor, at) = match who.resolve() {
        Ok(r) => r,
        Err(e) => return usage(&e),
    };
    let desk = Desk::embedded()?;
    let sweep =
        match notices::escalate_overdue(&desk, store, &actor, department, &who.reason, at).await {
            Ok(s) => s,
            Err(e) if e.is_user_error() => {
                eprintln!("拒绝 refused: {e}");
                return Ok(ExitCode::from(1));
            }
            Err(e) => return Err(e.into()),
        };
    for (notice, clue) in &sweep.escalated {
        println!("{notice}\t{clue}");
    }
    for (notice, why) in &sweep.refused {
        eprintln!("未转 not escalated {notice}: {why}");
    }
    eprintln!(
        "逾期转线索 {} 件，未转 {} 件 / {} escalated, {} not",
        sweep.escalated.len(),
        sweep.refused.len(),
        sweep.escalated.len(),
        sweep.refused.len()
    );
    Ok(if sweep.refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `notices show NOTICE`: the notice and its events.
pub async fn show(store: &dyn Store, notice_id: &str, json: bool) -> anyhow::Result<ExitCode> {
    let Some(row) = store.notice(notice_id).await? else {
        eprintln!("错误 error: 没有整改通知 no notice {notice_id}");
        return Ok(ExitCode::from(1));
    };
    let events = store.notice_events(notice_id).await?;
    if json {
        println!("{}", row.body);
        for e in &events {
            println!("{}", e.body);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let n: Notice = serde_json::from_str(&row.body)?;
    println!("{}", line(&n));
    println!("  {}", n.summary);
    println!("  依据 basis: {}", n.basis.join("；"));
    if let Some(reason) = &n.deadline.due_unknown {
        println!("  期限未知 due unknown: {reason}");
    }
    if let Some(r) = &n.reply {
        println!(
            "  反馈 reply: {}{}：{}",
            r.kind.as_str(),
            if r.late { "（逾期 late）" } else { "" },
            r.text
        );
        for a in &r.attachments {
            println!("    附件 {}\tsha256 {}", a.name, a.sha256);
        }
    }
    if let Some((cause, case_id)) = &n.escalated {
        println!("  转线索 escalated ({}) → {case_id}", cause.as_str());
    }
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
    Ok(ExitCode::SUCCESS)
}
