//! Rectification notices (责令整改通知): the minor tier of the two-tier disposal.
//!
//! ```text
//!            issue                reply (platform)            accept
//!   (none) ───────► issued ─────────────────────► replied ─────────► accepted
//!                     │ escalate (overdue:                │ escalate (reply rejected)
//!                     │  deadline passed, no reply)       ▼
//!                     └─────────────────────────────► escalated ──► a clue (案件线索)
//! ```
//!
//! A notice is issued from a minor alert by a named officer (or approver) with a reason, to the
//! merchant through its platform, with a deadline of `rectification` working days (data:
//! `rules.toml`) counted from the day of issue on the working-day calendar. The platform answers
//! (整改反馈): `done` (已整改) or `disputed` (有异议), with a text and the SHA-256 of each
//! attachment (the files stay with the platform; their digests are what the log attests). An
//! officer accepts the reply, or rejects it, which escalates the notice to a clue; a notice whose
//! deadline passed unanswered escalates too. Escalation for lateness needs a known due date: when
//! the calendar did not cover the period the deadline is unknown and the notice sits in its own
//! queue until the year's calendar is added (never a weekend-only guess).
//!
//! Like [`crate::case`], every step needs a named actor in an allowed role and a non-empty reason,
//! happens no earlier than the last step, and returns the [`NoticeEvent`] recording it;
//! [`Notice::replay`] turns the events back into the same notice.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::case::Ctx;
use crate::deadline::{Deadline, beijing_date};
use crate::rules::{DeadlineKind, RulesError};

/// Longest reply text, in characters.
pub const MAX_REPLY_CHARS: usize = 8_000;
/// Most attachments on one reply.
pub const MAX_ATTACHMENTS: usize = 50;

/// Where a notice stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeState {
    /// 已下发: waiting for the platform's reply.
    Issued,
    /// 已反馈: the platform replied; an officer reviews it.
    Replied,
    /// 整改通过 (terminal).
    Accepted,
    /// 转为线索 (terminal): overdue or the reply was rejected.
    Escalated,
}

impl NoticeState {
    /// All states.
    pub const ALL: [NoticeState; 4] = [
        NoticeState::Issued,
        NoticeState::Replied,
        NoticeState::Accepted,
        NoticeState::Escalated,
    ];

    /// Name used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeState::Issued => "issued",
            NoticeState::Replied => "replied",
            NoticeState::Accepted => "accepted",
            NoticeState::Escalated => "escalated",
        }
    }

    /// Parses a stored name.
    pub fn parse(text: &str) -> Option<NoticeState> {
        NoticeState::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            NoticeState::Issued => "已下发待反馈",
            NoticeState::Replied => "已反馈待审核",
            NoticeState::Accepted => "整改通过",
            NoticeState::Escalated => "已转线索",
        }
    }

    /// Whether no step leaves it.
    pub fn is_terminal(self) -> bool {
        matches!(self, NoticeState::Accepted | NoticeState::Escalated)
    }
}

impl fmt::Display for NoticeState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}（{}）", self.name_zh(), self.as_str())
    }
}

/// Who acts on a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeRole {
    /// 办案人员: issues notices and reviews replies.
    Officer,
    /// 部门负责人: may do what an officer does, and escalate.
    Approver,
    /// 交办人员: escalates (opens the clue).
    Dispatcher,
    /// The platform the notice goes through: replies for its merchant.
    Platform,
}

impl NoticeRole {
    /// Name used in storage and events.
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeRole::Officer => "officer",
            NoticeRole::Approver => "approver",
            NoticeRole::Dispatcher => "dispatcher",
            NoticeRole::Platform => "platform",
        }
    }

    /// Parses a name.
    pub fn parse(text: &str) -> Option<NoticeRole> {
        [
            NoticeRole::Officer,
            NoticeRole::Approver,
            NoticeRole::Dispatcher,
            NoticeRole::Platform,
        ]
        .into_iter()
        .find(|r| r.as_str() == text)
    }
}

/// A named user (or a platform's account) acting in a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeActor {
    /// Account id (pseudonymous; for a platform, the platform's account).
    pub id: String,
    /// Role.
    pub role: NoticeRole,
}

/// The platform's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyKind {
    /// 已整改: the merchant corrected it.
    Done,
    /// 有异议: the merchant disputes the finding.
    Disputed,
}

impl ReplyKind {
    /// Name used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            ReplyKind::Done => "done",
            ReplyKind::Disputed => "disputed",
        }
    }
}

/// An attachment of a reply: its name and the SHA-256 of its bytes (lowercase hex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// File name as the platform gave it.
    pub name: String,
    /// SHA-256 of the content, 64 lowercase hex digits.
    pub sha256: String,
}

/// Why a notice escalates to a clue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EscalationCause {
    /// The deadline passed without a reply.
    Overdue,
    /// An officer rejected the reply.
    ReplyRejected,
}

impl EscalationCause {
    /// Name used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            EscalationCause::Overdue => "overdue",
            EscalationCause::ReplyRejected => "reply_rejected",
        }
    }
}

/// What an actor does to a notice. The action and its data are part of the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum NoticeAction {
    /// Issues the notice from a minor alert.
    Issue {
        /// The alert.
        alert_id: String,
        /// The merchant (`kind|platform|id`).
        merchant_key: String,
        /// The practice (detector id).
        practice: String,
        /// The platform that forwards it to the merchant.
        platform: String,
        /// Issuing department.
        department: String,
        /// Issuing region.
        region: String,
        /// What is to be corrected (the alert's summary).
        summary: String,
        /// The provisions it rests on.
        basis: Vec<String>,
        /// The findings it answers (the alert's at issue): later findings of the same merchant and
        /// practice, after the notice was accepted, make a repeat violation.
        #[serde(default)]
        finding_ids: Vec<String>,
    },
    /// The platform's reply for its merchant.
    Reply {
        /// Done or disputed.
        kind: ReplyKind,
        /// The reply text.
        text: String,
        /// Attachments by digest.
        attachments: Vec<Attachment>,
    },
    /// An officer accepts the reply.
    Accept,
    /// Escalates to a clue (the clue is opened in the same transaction).
    Escalate {
        /// Why.
        cause: EscalationCause,
        /// The clue opened.
        case_id: String,
    },
}

impl NoticeAction {
    /// Name used in events and errors.
    pub fn name(&self) -> &'static str {
        match self {
            NoticeAction::Issue { .. } => "issue",
            NoticeAction::Reply { .. } => "reply",
            NoticeAction::Accept => "accept",
            NoticeAction::Escalate { .. } => "escalate",
        }
    }

    /// The roles allowed to take this action.
    pub fn allowed_roles(&self) -> &'static [NoticeRole] {
        match self {
            NoticeAction::Issue { .. } | NoticeAction::Accept => {
                &[NoticeRole::Officer, NoticeRole::Approver]
            }
            NoticeAction::Reply { .. } => &[NoticeRole::Platform],
            NoticeAction::Escalate { .. } => &[NoticeRole::Dispatcher, NoticeRole::Approver],
        }
    }
}

/// The platform's reply as kept on the notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    /// Done or disputed.
    pub kind: ReplyKind,
    /// Text.
    pub text: String,
    /// Attachments by digest.
    pub attachments: Vec<Attachment>,
    /// When (ms since the epoch).
    pub at_ms: i64,
    /// Whether it came after the deadline's last day.
    pub late: bool,
}

/// One step of a notice, as recorded (the evidence log's `CaseRecord` with the notice id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeEvent {
    /// The notice.
    pub notice_id: String,
    /// 1, 2, 3…
    pub seq: u64,
    /// Who.
    pub actor: String,
    /// In which role.
    pub role: NoticeRole,
    /// What, with its data.
    pub action: NoticeAction,
    /// State before (`None` for the issuing event).
    pub from: Option<NoticeState>,
    /// State after.
    pub to: NoticeState,
    /// Why, in the actor's words.
    pub reason: String,
    /// When: ms since the epoch, UTC.
    pub at_ms: i64,
}

/// A rectification notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// Id.
    pub notice_id: String,
    /// The alert it comes from.
    pub alert_id: String,
    /// The merchant (`kind|platform|id`).
    pub merchant_key: String,
    /// The practice.
    pub practice: String,
    /// The platform that forwards it.
    pub platform: String,
    /// Issuing department.
    pub department: String,
    /// Issuing region.
    pub region: String,
    /// What is to be corrected.
    pub summary: String,
    /// The provisions.
    pub basis: Vec<String>,
    /// The findings it answers.
    pub finding_ids: Vec<String>,
    /// Current state.
    pub state: NoticeState,
    /// Sequence number of the last event.
    pub seq: u64,
    /// When it was issued.
    pub issued_at_ms: i64,
    /// Time of the last event.
    pub last_at_ms: i64,
    /// The rectification deadline (its `due` may be unknown).
    pub deadline: Deadline,
    /// The platform's reply.
    pub reply: Option<Reply>,
    /// The clue it escalated to, and why.
    pub escalated: Option<(EscalationCause, String)>,
}

/// Why a step on a notice was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoticeError {
    /// Not possible in this state.
    #[error("整改通知当前状态 {state} 不能执行操作 {action} / action {action} is not allowed on a notice in state {}", state.as_str())]
    IllegalTransition {
        /// Current state.
        state: NoticeState,
        /// Attempted action.
        action: &'static str,
    },
    /// The role may not take this action.
    #[error("角色 {} 无权对整改通知执行 {action} / role {} may not {action} a notice", role.as_str(), role.as_str())]
    RoleNotAllowed {
        /// The role.
        role: NoticeRole,
        /// The action.
        action: &'static str,
    },
    /// No actor named.
    #[error("必须署名操作人 / an actor must be named")]
    NoActor,
    /// The reason is empty.
    #[error("操作 {action} 必须填写理由 / action {action} needs a reason")]
    NoReason {
        /// The action.
        action: &'static str,
    },
    /// A field is empty or too long.
    #[error("操作 {action} 的字段 {field} 无效：{problem} / field {field} of {action}: {problem}")]
    BadField {
        /// The action.
        action: &'static str,
        /// The field.
        field: String,
        /// What is wrong.
        problem: String,
    },
    /// The time is before the last step, or not a representable instant.
    #[error(
        "操作时间 {at_ms} 早于上一步 {last_ms} 或无效 / time {at_ms} is before the last step ({last_ms}) or invalid"
    )]
    BadTime {
        /// Given time.
        at_ms: i64,
        /// Last step's time.
        last_ms: i64,
    },
    /// Escalation for lateness before the deadline has passed.
    #[error(
        "整改期限 {due} 尚未届满（今日 {on}），不能以逾期为由转线索 / the deadline {due} has not passed on {on}"
    )]
    NotOverdue {
        /// Last day.
        due: NaiveDate,
        /// The day of the attempt.
        on: NaiveDate,
    },
    /// Escalation for lateness while the due date is unknown.
    #[error("整改期限无法计算，不能以逾期为由转线索：{reason} / the due date is unknown: {reason}")]
    DueUnknown {
        /// Why it is unknown.
        reason: String,
    },
    /// The escalation cause does not fit the state.
    #[error("转线索原因 {cause} 与状态 {} 不符 / cause {cause} does not fit state {}", state.as_str(), state.as_str())]
    CauseMismatch {
        /// Cause given.
        cause: &'static str,
        /// Current state.
        state: NoticeState,
    },
    /// Replay found an event that does not follow.
    #[error(
        "整改通知事件 {seq} 无法重放：{problem} / notice event {seq} does not replay: {problem}"
    )]
    Replay {
        /// Sequence number.
        seq: u64,
        /// What.
        problem: String,
    },
    /// A rule needed is not in force.
    #[error(transparent)]
    Rules(#[from] RulesError),
}

fn field(action: &'static str, name: &str, problem: &str) -> NoticeError {
    NoticeError::BadField {
        action,
        field: name.to_string(),
        problem: problem.to_string(),
    }
}

fn nonempty(action: &'static str, name: &str, text: &str) -> Result<(), NoticeError> {
    if text.trim().is_empty() {
        Err(field(action, name, "为空 empty"))
    } else {
        Ok(())
    }
}

fn check_actor(
    actor: &NoticeActor,
    action: &NoticeAction,
    reason: &str,
) -> Result<(), NoticeError> {
    if actor.id.trim().is_empty() {
        return Err(NoticeError::NoActor);
    }
    if !action.allowed_roles().contains(&actor.role) {
        return Err(NoticeError::RoleNotAllowed {
            role: actor.role,
            action: action.name(),
        });
    }
    if reason.trim().is_empty() {
        return Err(NoticeError::NoReason {
            action: action.name(),
        });
    }
    Ok(())
}

fn check_attachments(attachments: &[Attachment]) -> Result<(), NoticeError> {
    if attachments.len() > MAX_ATTACHMENTS {
        return Err(field(
            "reply",
            "attachments",
            &format!(
                "{} 个，最多 {MAX_ATTACHMENTS} / at most {MAX_ATTACHMENTS}",
                attachments.len()
            ),
        ));
    }
    for (i, a) in attachments.iter().enumerate() {
        let place = format!("attachments[{i}]");
        if a.name.trim().is_empty() || a.name.chars().count() > 255 {
            return Err(field(
                "reply",
                &format!("{place}.name"),
                "为空或超过 255 字 empty or over 255 characters",
            ));
        }
        let hex_ok = a.sha256.len() == 64
            && a.sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !hex_ok {
            return Err(field(
                "reply",
                &format!("{place}.sha256"),
                &format!(
                    "{:?} 不是 64 位小写十六进制 SHA-256 / not 64 lowercase hex digits",
                    a.sha256.chars().take(80).collect::<String>()
                ),
            ));
        }
    }
    Ok(())
}

/// The id of the notice issued for `alert_id` at `at_ms`: `notice-` and 24 hex digits.
pub fn notice_id(alert_id: &str, at_ms: i64) -> String {
    let mut hasher = Sha256::new();
    hasher.update(alert_id.as_bytes());
    hasher.update([0u8]);
    hasher.update(at_ms.to_be_bytes());
    format!("notice-{}", &hex::encode(hasher.finalize())[..24])
}

impl Notice {
    /// Issues a notice: state `issued`, deadline from the day of issue.
    pub fn issue(
        notice_id: &str,
        actor: &NoticeActor,
        action: NoticeAction,
        reason: &str,
        at_ms: i64,
        ctx: Ctx<'_>,
    ) -> Result<(Notice, NoticeEvent), NoticeError> {
        let NoticeAction::Issue {
            alert_id,
            merchant_key,
            practice,
            platform,
            department,
            region,
            summary,
            basis,
            finding_ids,
        } = &action
        else {
            return Err(NoticeError::IllegalTransition {
                state: NoticeState::Issued,
                action: action.name(),
            });
        };
        for (name, value) in [
            ("notice_id", notice_id),
            ("alert_id", alert_id.as_str()),
            ("merchant_key", merchant_key.as_str()),
            ("practice", practice.as_str()),
            ("platform", platform.as_str()),
            ("department", department.as_str()),
            ("region", region.as_str()),
            ("summary", summary.as_str()),
        ] {
            nonempty("issue", name, value)?;
        }
        if basis.iter().all(|b| b.trim().is_empty()) {
            return Err(field("issue", "basis", "没有法律依据 no legal basis"));
        }
        check_actor(actor, &action, reason)?;
        let day = beijing_date(at_ms).ok_or(NoticeError::BadTime {
            at_ms,
            last_ms: at_ms,
        })?;
        let deadline =
            Deadline::compute(DeadlineKind::Rectification, day, ctx.rules, ctx.calendar)?;
        let notice = Notice {
            notice_id: notice_id.to_string(),
            alert_id: alert_id.clone(),
            merchant_key: merchant_key.clone(),
            practice: practice.clone(),
            platform: platform.clone(),
            department: department.clone(),
            region: region.clone(),
            summary: summary.clone(),
            basis: basis.clone(),
            finding_ids: finding_ids.clone(),
            state: NoticeState::Issued,
            seq: 1,
            issued_at_ms: at_ms,
            last_at_ms: at_ms,
            deadline,
            reply: None,
            escalated: None,
        };
        let event = NoticeEvent {
            notice_id: notice_id.to_string(),
            seq: 1,
            actor: actor.id.clone(),
            role: actor.role,
            action,
            from: None,
            to: NoticeState::Issued,
            reason: reason.to_string(),
            at_ms,
        };
        Ok((notice, event))
    }

    /// Whether the deadline has passed unanswered on `as_of` (known due date before `as_of`).
    pub fn is_overdue(&self, as_of: NaiveDate) -> bool {
        self.state == NoticeState::Issued && self.deadline.is_overdue(as_of)
    }

    /// Applies an action: the new notice and the event, or why not. `self` is unchanged.
    pub fn apply(
        &self,
        actor: &NoticeActor,
        action: NoticeAction,
        reason: &str,
        at_ms: i64,
    ) -> Result<(Notice, NoticeEvent), NoticeError> {
        use NoticeState as S;
        let name = action.name();
        let illegal = NoticeError::IllegalTransition {
            state: self.state,
            action: name,
        };
        if self.state.is_terminal() {
            return Err(illegal);
        }
        check_actor(actor, &action, reason)?;
        let day = match beijing_date(at_ms) {
            Some(day) if at_ms >= self.last_at_ms => day,
            _ => {
                return Err(NoticeError::BadTime {
                    at_ms,
                    last_ms: self.last_at_ms,
                });
            }
        };
        let mut next = self.clone();
        next.seq = self.seq + 1;
        next.last_at_ms = at_ms;
        match (&action, self.state) {
            (NoticeAction::Issue { .. }, _) => return Err(illegal),
            (
                NoticeAction::Reply {
                    kind,
                    text,
                    attachments,
                },
                S::Issued,
            ) => {
                nonempty(name, "text", text)?;
                if text.chars().count() > MAX_REPLY_CHARS {
                    return Err(field(
                        name,
                        "text",
                        &format!("超过 {MAX_REPLY_CHARS} 字 / over {MAX_REPLY_CHARS} characters"),
                    ));
                }
                check_attachments(attachments)?;
                next.state = S::Replied;
                next.reply = Some(Reply {
                    kind: *kind,
                    text: text.clone(),
                    attachments: attachments.clone(),
                    at_ms,
                    late: self.deadline.is_overdue(day),
                });
            }
            (NoticeAction::Accept, S::Replied) => next.state = S::Accepted,
            (NoticeAction::Escalate { cause, case_id }, state) => {
                nonempty(name, "case_id", case_id)?;
                match (cause, state) {
                    (EscalationCause::Overdue, S::Issued) => match self.deadline.due {
                        None => {
                            return Err(NoticeError::DueUnknown {
                                reason: self.deadline.due_unknown.clone().unwrap_or_default(),
                            });
                        }
                        Some(due) if due >= day => {
                            return Err(NoticeError::NotOverdue { due, on: day });
                        }
                        Some(_) => {}
                    },
                    (EscalationCause::ReplyRejected, S::Replied) => {}
                    _ => {
                        return Err(NoticeError::CauseMismatch {
                            cause: cause.as_str(),
                            state,
                        });
                    }
                }
                next.state = S::Escalated;
                next.escalated = Some((*cause, case_id.clone()));
            }
            _ => return Err(illegal),
        }
        let event = NoticeEvent {
            notice_id: self.notice_id.clone(),
            seq: next.seq,
            actor: actor.id.clone(),
            role: actor.role,
            action,
            from: Some(self.state),
            to: next.state,
            reason: reason.to_string(),
            at_ms,
        };
        Ok((next, event))
    }

    /// Rebuilds a notice from its events (in order), checking each step again.
    pub fn replay(events: &[NoticeEvent], ctx: Ctx<'_>) -> Result<Notice, NoticeError> {
        let Some(first) = events.first() else {
            return Err(NoticeError::Replay {
                seq: 0,
                problem: "no events".into(),
            });
        };
        let actor = |e: &NoticeEvent| NoticeActor {
            id: e.actor.clone(),
            role: e.role,
        };
        let (mut notice, issued) = Notice::issue(
            &first.notice_id,
            &actor(first),
            first.action.clone(),
            &first.reason,
            first.at_ms,
            ctx,
        )?;
        if &issued != first {
            return Err(NoticeError::Replay {
                seq: first.seq,
                problem: "the issuing event differs from its recomputation".into(),
            });
        }
        for e in &events[1..] {
            let (next, again) = notice.apply(&actor(e), e.action.clone(), &e.reason, e.at_ms)?;
            if &again != e {
                return Err(NoticeError::Replay {
                    seq: e.seq,
                    problem: format!(
                        "recorded {:?}→{}, recomputed {:?}→{}",
                        e.from, e.to, again.from, again.to
                    ),
                });
            }
            notice = next;
        }
        Ok(notice)
    }
}
