//! Rectification notices over the store: issued from a minor alert by a named officer, fetched
//! and answered by the platform they go through (a platform sees only its own), accepted by an
//! officer, or escalated to a clue — on a rejected reply, or once the deadline has passed
//! unanswered (`escalate_overdue` sweeps those). Every step is computed by
//! `tianping_cases::notice` and stored with its event and evidence-log leaf in one transaction
//! under an optimistic check; an escalation opens the clue in that same transaction.

use tianping_cases::alert::{Alert, Tier};
use tianping_cases::case::{Action, Actor, Case, CaseError, Ctx, Role};
use tianping_cases::deadline::beijing_date;
use tianping_cases::notice::{
    Attachment, EscalationCause, Notice, NoticeAction, NoticeActor, NoticeError, NoticeEvent,
    NoticeRole, ReplyKind, notice_id,
};
use tianping_store::departments::UnitScope;
use tianping_store::notices::{
    IssueOutcome, NoticeEventRow, NoticeFilter, NoticeRow, NoticeStepOutcome,
};
use tianping_store::pages::Cursor;
use tianping_store::{Store, StoreError};

use crate::cases::{Desk, case_row, event_row};

/// Errors of the notice desk: the user's (refusals, unknown ids, conflicts) and ours.
#[derive(Debug, thiserror::Error)]
pub enum NoticeServiceError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The step is not allowed (state, role, reason, fields, deadline).
    #[error(transparent)]
    Refused(#[from] NoticeError),
    /// The clue an escalation opens is refused.
    #[error(transparent)]
    ClueRefused(#[from] CaseError),
    /// No such alert or notice (or not the caller's platform's).
    #[error("{0}")]
    NotFound(String),
    /// The alert is not in the minor tier.
    #[error(
        "预警 {alert_id} 的处置层级为 {tier}，不适用责令整改 / alert {alert_id} is in tier {tier}, not rectification"
    )]
    NotMinor {
        /// The alert.
        alert_id: String,
        /// Its tier.
        tier: String,
    },
    /// The alert names no platform to send the notice through.
    #[error("预警 {0} 没有可转达的平台 / alert {0} names no platform to forward the notice")]
    NoPlatform(String),
    /// The alert already has an open notice.
    #[error(
        "预警 {alert_id} 已有未结整改通知 {notice_id} / alert {alert_id} already has open notice {notice_id}"
    )]
    AlreadyOpen {
        /// The alert.
        alert_id: String,
        /// The open notice.
        notice_id: String,
    },
    /// The alert already became a clue.
    #[error("预警 {alert_id} 已转为线索 {case_id} / alert {alert_id} is already clue {case_id}")]
    AlertTaken {
        /// The alert.
        alert_id: String,
        /// Its clue, when known.
        case_id: String,
    },
    /// Someone else moved the notice first; nothing was written.
    #[error(
        "整改通知 {notice_id} 已被他人更新（现为 {state}，第 {version} 步），请刷新后重试 / notice {notice_id} was changed meanwhile (now {state}, version {version})"
    )]
    Conflict {
        /// The notice.
        notice_id: String,
        /// Its stored state.
        state: String,
        /// Its stored version.
        version: i64,
    },
    /// The department or region to assign is not in the registry (or not a division code).
    #[error(transparent)]
    Unit(#[from] crate::departments::DepartmentError),
    /// A stored value that does not decode.
    #[error("stored {what} does not decode: {reason}")]
    Decode {
        /// What.
        what: String,
        /// Why.
        reason: String,
    },
}

impl NoticeServiceError {
    /// Whether the caller can fix it, as opposed to our fault.
    pub fn is_user_error(&self) -> bool {
        match self {
            NoticeServiceError::Store(_) | NoticeServiceError::Decode { .. } => false,
            NoticeServiceError::Unit(e) => e.is_user_error(),
            _ => true,
        }
    }
}

fn decode<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, NoticeServiceError> {
    serde_json::from_str(text).map_err(|e| NoticeServiceError::Decode {
        what: what.to_string(),
        reason: e.to_string(),
    })
}

fn encode<T: serde::Serialize>(value: &T, what: &str) -> Result<String, NoticeServiceError> {
    serde_json::to_string(value).map_err(|e| NoticeServiceError::Decode {
        what: what.to_string(),
        reason: e.to_string(),
    })
}

fn version(seq: u64) -> Result<i64, NoticeServiceError> {
    i64::try_from(seq).map_err(|_| NoticeServiceError::Decode {
        what: "notice version".into(),
        reason: format!("{seq} is out of range"),
    })
}

fn ctx(desk: &Desk) -> Ctx<'_> {
    Ctx {
        calendar: desk.calendar(),
        rules: desk.rules(),
    }
}

/// The stored row of a notice.
pub fn notice_row(n: &Notice) -> Result<NoticeRow, NoticeServiceError> {
    Ok(NoticeRow {
        notice_id: n.notice_id.clone(),
        alert_id: n.alert_id.clone(),
        merchant_key: n.merchant_key.clone(),
        practice: n.practice.clone(),
        platform: n.platform.clone(),
        department: n.department.clone(),
        region: n.region.clone(),
        state: n.state.as_str().into(),
        due_date: n.deadline.due.map(|d| d.to_string()),
        due_unknown: n.deadline.due.is_none(),
        version: version(n.seq)?,
        issued_at_ms: n.issued_at_ms,
        updated_at_ms: n.last_at_ms,
        case_id: n.escalated.as_ref().map(|(_, id)| id.clone()),
        body: encode(n, "notice")?,
    })
}

/// The stored row of a notice event.
pub fn notice_event_row(e: &NoticeEvent) -> Result<NoticeEventRow, NoticeServiceError> {
    Ok(NoticeEventRow {
        notice_id: e.notice_id.clone(),
        seq: version(e.seq)?,
        actor: e.actor.clone(),
        role: e.role.as_str().into(),
        action: e.action.name().into(),
        from_state: e.from.map(|s| s.as_str().to_string()),
        to_state: e.to.as_str().into(),
        reason: e.reason.clone(),
        at_ms: e.at_ms,
        body: encode(e, "notice event")?,
    })
}

fn not_found(notice_id: &str) -> NoticeServiceError {
    NoticeServiceError::NotFound(format!("没有整改通知 {notice_id} / no notice {notice_id}"))
}

/// Issues a rectification notice from the minor alert `alert_id`, through the platform the alert
/// names, with the deadline of the `rectification` rule from the day of issue, for `department`
/// (a registry id or Chinese name, stored as the id; it must be active) in `region`.
#[allow(clippy::too_many_arguments)]
pub async fn issue(
    desk: &Desk,
    store: &dyn Store,
    alert_id: &str,
    actor: &NoticeActor,
    department: &str,
    region: &str,
    reason: &str,
    at_ms: i64,
) -> Result<Notice, NoticeServiceError> {
    let unit = crate::departments::assignable(store, department, region).await?;
    let row = store
        .alerts(None)
        .await?
        .into_iter()
        .find(|a| a.alert_id == alert_id)
        .ok_or_else(|| {
            NoticeServiceError::NotFound(format!("没有预警 {alert_id} / no alert {alert_id}"))
        })?;
    let alert: Alert = decode(&row.body, "alert")?;
    if alert.disposal.tier != Tier::Rectification {
        return Err(NoticeServiceError::NotMinor {
            alert_id: alert_id.to_string(),
            tier: alert.disposal.tier.as_str().to_string(),
        });
    }
    let platform = alert
        .disposal
        .via_platform
        .clone()
        .filter(|p| !p.trim().is_empty())
        .ok_or_else(|| NoticeServiceError::NoPlatform(alert_id.to_string()))?;
    let mut basis = alert.disposal.basis.clone();
    basis.extend(alert.legal_basis.iter().cloned());
    let id = notice_id(alert_id, at_ms);
    let (notice, event) = Notice::issue(
        &id,
        actor,
        NoticeAction::Issue {
            alert_id: alert_id.to_string(),
            merchant_key: row.merchant_key.clone(),
            practice: alert.practice.clone(),
            platform,
            department: unit.department.id.as_str().to_string(),
            region: unit.region.as_str().to_string(),
            summary: alert.summary.clone(),
            basis,
            finding_ids: alert.finding_ids.clone(),
        },
        reason,
        at_ms,
        ctx(desk),
    )?;
    match store
        .issue_notice(&notice_row(&notice)?, &notice_event_row(&event)?)
        .await?
    {
        IssueOutcome::Issued => Ok(notice),
        IssueOutcome::NoOpenAlert => match row.case_id {
            Some(case_id) => Err(NoticeServiceError::AlertTaken {
                alert_id: alert_id.to_string(),
                case_id,
            }),
            None => Err(NoticeServiceError::NotFound(format!(
                "预警 {alert_id} 不是未处置状态 / alert {alert_id} is not open"
            ))),
        },
        IssueOutcome::AlreadyOpen { notice_id } => Err(NoticeServiceError::AlreadyOpen {
            alert_id: alert_id.to_string(),
            notice_id,
        }),
    }
}

/// Loads a notice; with `platform`, only if it goes through that platform (else "not found",
/// so a platform learns nothing of others' notices).
pub async fn load(
    store: &dyn Store,
    notice_id: &str,
    platform: Option<&str>,
) -> Result<Notice, NoticeServiceError> {
    let row = store
        .notice(notice_id)
        .await?
        .filter(|r| platform.is_none_or(|p| r.platform == p))
        .ok_or_else(|| not_found(notice_id))?;
    decode(&row.body, &format!("notice {notice_id}"))
}

/// The notices a filter selects (for a platform: pass its id in `filter.platform`).
pub async fn list(
    store: &dyn Store,
    filter: &NoticeFilter,
) -> Result<Vec<Notice>, NoticeServiceError> {
    let mut out = Vec::new();
    for row in store.notices(filter).await? {
        out.push(decode(&row.body, &format!("notice {}", row.notice_id))?);
    }
    Ok(out)
}

async fn step(
    store: &dyn Store,
    notice: &Notice,
    actor: &NoticeActor,
    action: NoticeAction,
    reason: &str,
    at_ms: i64,
) -> Result<Notice, NoticeServiceError> {
    let (next, event) = notice.apply(actor, action, reason, at_ms)?;
    match store
        .apply_notice_step(
            notice.state.as_str(),
            version(notice.seq)?,
            &notice_row(&next)?,
            &notice_event_row(&event)?,
        )
        .await?
    {
        NoticeStepOutcome::Applied => Ok(next),
        NoticeStepOutcome::NoNotice => Err(not_found(&notice.notice_id)),
        NoticeStepOutcome::Conflict { state, version } => Err(NoticeServiceError::Conflict {
            notice_id: notice.notice_id.clone(),
            state,
            version,
        }),
        NoticeStepOutcome::AlertTaken { case_id } => Err(NoticeServiceError::AlertTaken {
            alert_id: notice.alert_id.clone(),
            case_id: case_id.unwrap_or_default(),
        }),
    }
}

/// The platform's reply (整改反馈) for its merchant. `actor.role` must be `platform`, and the
/// notice must go through `platform`.
#[allow(clippy::too_many_arguments)]
pub async fn reply(
    store: &dyn Store,
    notice_id: &str,
    platform: &str,
    actor: &NoticeActor,
    kind: ReplyKind,
    text: &str,
    attachments: Vec<Attachment>,
    reason: &str,
    at_ms: i64,
) -> Result<Notice, NoticeServiceError> {
    let notice = load(store, notice_id, Some(platform)).await?;
    step(
        store,
        &notice,
        actor,
        NoticeAction::Reply {
            kind,
            text: text.to_string(),
            attachments,
        },
        reason,
        at_ms,
    )
    .await
}

/// An officer accepts the reply: the notice is done.
pub async fn accept(
    store: &dyn Store,
    notice_id: &str,
    actor: &NoticeActor,
    reason: &str,
    at_ms: i64,
) -> Result<Notice, NoticeServiceError> {
    let notice = load(store, notice_id, None).await?;
    step(store, &notice, actor, NoticeAction::Accept, reason, at_ms).await
}

/// Escalates a notice to a clue (`cause`: overdue, or the reply rejected), opened by `actor` (a
/// dispatcher or an approver) in the notice's department and region; one transaction.
pub async fn escalate(
    desk: &Desk,
    store: &dyn Store,
    notice_id: &str,
    actor: &NoticeActor,
    cause: EscalationCause,
    reason: &str,
    at_ms: i64,
) -> Result<(Notice, Case), NoticeServiceError> {
    let notice = load(store, notice_id, None).await?;
    // The clue goes to the notice's unit as stored (a registry id, also for notices recorded
    // before the registry, whose history names the department).
    let (department, region) = match store.notice(notice_id).await? {
        Some(row) => (row.department, row.region),
        None => return Err(not_found(notice_id)),
    };
    let case_id = format!("clue-{}", notice.alert_id.trim_start_matches("alert-"));
    let (next, event) = notice.apply(
        actor,
        NoticeAction::Escalate {
            cause,
            case_id: case_id.clone(),
        },
        reason,
        at_ms,
    )?;
    let role = match actor.role {
        NoticeRole::Dispatcher => Role::Dispatcher,
        // `apply` admits only dispatchers and approvers.
        _ => Role::Approver,
    };
    let clue_reason = format!(
        "整改通知 {notice_id} 转线索（{}）：{reason}",
        match cause {
            EscalationCause::Overdue => "逾期未反馈 overdue",
            EscalationCause::ReplyRejected => "反馈未通过 reply rejected",
        }
    );
    let (case, opening) = Case::open(
        &case_id,
        &Actor {
            id: actor.id.clone(),
            role,
        },
        Action::Open {
            alert_id: notice.alert_id.clone(),
            department,
            region,
        },
        &clue_reason,
        at_ms,
        ctx(desk),
    )?;
    let case_db = case_row(&case, at_ms).map_err(|e| NoticeServiceError::Decode {
        what: "clue".into(),
        reason: e.to_string(),
    })?;
    let opening_db = event_row(&opening).map_err(|e| NoticeServiceError::Decode {
        what: "clue event".into(),
        reason: e.to_string(),
    })?;
    match store
        .escalate_notice(
            notice.state.as_str(),
            version(notice.seq)?,
            &notice_row(&next)?,
            &notice_event_row(&event)?,
            &case_db,
            &opening_db,
        )
        .await?
    {
        NoticeStepOutcome::Applied => Ok((next, case)),
        NoticeStepOutcome::NoNotice => Err(not_found(notice_id)),
        NoticeStepOutcome::Conflict { state, version } => Err(NoticeServiceError::Conflict {
            notice_id: notice_id.to_string(),
            state,
            version,
        }),
        NoticeStepOutcome::AlertTaken { case_id } => Err(NoticeServiceError::AlertTaken {
            alert_id: notice.alert_id.clone(),
            case_id: case_id.unwrap_or_default(),
        }),
    }
}

/// What a sweep of overdue notices did.
#[derive(Debug, Default)]
pub struct Sweep {
    /// Notices escalated, with their clue.
    pub escalated: Vec<(String, String)>,
    /// Notices that could not be escalated, with why (e.g. the alert is already a clue).
    pub refused: Vec<(String, String)>,
}

/// Escalates every notice whose deadline passed unanswered before the Beijing day of `at_ms`
/// (optionally one department's), each in its own transaction.
pub async fn escalate_overdue(
    desk: &Desk,
    store: &dyn Store,
    actor: &NoticeActor,
    department: Option<&str>,
    reason: &str,
    at_ms: i64,
) -> Result<Sweep, NoticeServiceError> {
    escalate_overdue_in(
        desk,
        store,
        actor,
        &UnitScope::All,
        department,
        reason,
        at_ms,
    )
    .await
}

/// Rows fetched per page by the sweep.
const SWEEP_PAGE: u32 = 200;

/// [`escalate_overdue`] over the notices of `scope` only (the caller's reach, applied in the
/// store query), page by page.
pub async fn escalate_overdue_in(
    desk: &Desk,
    store: &dyn Store,
    actor: &NoticeActor,
    scope: &UnitScope,
    department: Option<&str>,
    reason: &str,
    at_ms: i64,
) -> Result<Sweep, NoticeServiceError> {
    let today = beijing_date(at_ms).ok_or(NoticeError::BadTime {
        at_ms,
        last_ms: at_ms,
    })?;
    let filter = NoticeFilter {
        department: department.map(String::from),
        overdue_on: Some(today.to_string()),
        ..NoticeFilter::default()
    };
    let mut sweep = Sweep::default();
    let mut after: Option<Cursor> = None;
    loop {
        let page = store
            .notices_page(scope, &filter, after.as_ref(), SWEEP_PAGE)
            .await?;
        for row in &page.items {
            match escalate(
                desk,
                store,
                &row.notice_id,
                actor,
                EscalationCause::Overdue,
                reason,
                at_ms,
            )
            .await
            {
                Ok((_, case)) => sweep.escalated.push((row.notice_id.clone(), case.case_id)),
                Err(e) if e.is_user_error() => {
                    sweep.refused.push((row.notice_id.clone(), e.to_string()))
                }
                Err(e) => return Err(e),
            }
        }
        match page.next.as_deref().and_then(|c| Cursor::parse(c, 2)) {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    Ok(sweep)
}
