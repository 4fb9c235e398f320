//! Clues and cases as an explicit state machine.
//!
//! ```text
//!            open          start_verification        file             assign_investigators
//!   (none) ───────► assigned ────────────► verifying ─────► filed ──────────────────► investigating
//!                                              │ not_file                                   │ decide
//!                                              ▼                                            ▼
//!                                          not_filed                 closed ◄── published ◄── decided
//!                                                                       ▲   close   publish   │
//!                                                                       └──────────────────────┘ close
//!   transfer (移送) from assigned / verifying / filed / investigating ──► transferred ──► closed
//!                                                       (record_feedback first; close needs feedback)
//! ```
//!
//! Besides the edges above, some actions keep the state and only add to the record: extending the
//! verification or decision period (once each, by an approver), assistance requests (协查) and their replies, and
//! jurisdiction disputes (opened and settled; while one is open the case can be neither filed nor
//! transferred).
//!
//! Every transition needs a named actor whose role may make it and a non-empty reason, happens at
//! a time no earlier than the last event, and returns the [`CaseEvent`] recording it (case id,
//! actor, from and to state, reason, time): the evidence log's `CaseEvent` entry. Replaying a
//! case's events with the same calendar and rules gives the same case ([`Case::replay`]).
//! Illegal transitions are typed errors naming the state and the attempted action.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::deadline::{Deadline, QueueItem, beijing_date};
use crate::rules::{DeadlineKind, Rules, RulesError};

/// Where a clue or case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseState {
    /// 交办: a clue assigned to a department, not yet being verified.
    Assigned,
    /// 核查: being verified.
    Verifying,
    /// 不予立案 (terminal).
    NotFiled,
    /// 立案: a case, investigators not yet named.
    Filed,
    /// 调查: under investigation.
    Investigating,
    /// 作出处理决定.
    Decided,
    /// 行政处罚信息已公示.
    Published,
    /// 移送: handed to another department or region, waiting for feedback.
    Transferred,
    /// 结案 (terminal).
    Closed,
}

impl CaseState {
    /// All states.
    pub const ALL: [CaseState; 9] = [
        CaseState::Assigned,
        CaseState::Verifying,
        CaseState::NotFiled,
        CaseState::Filed,
        CaseState::Investigating,
        CaseState::Decided,
        CaseState::Published,
        CaseState::Transferred,
        CaseState::Closed,
    ];

    /// Name used in storage and events.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseState::Assigned => "assigned",
            CaseState::Verifying => "verifying",
            CaseState::NotFiled => "not_filed",
            CaseState::Filed => "filed",
            CaseState::Investigating => "investigating",
            CaseState::Decided => "decided",
            CaseState::Published => "published",
            CaseState::Transferred => "transferred",
            CaseState::Closed => "closed",
        }
    }

    /// Parses a stored name.
    pub fn parse(text: &str) -> Option<CaseState> {
        CaseState::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            CaseState::Assigned => "已交办",
            CaseState::Verifying => "核查中",
            CaseState::NotFiled => "不予立案",
            CaseState::Filed => "已立案",
            CaseState::Investigating => "调查中",
            CaseState::Decided => "已作出处理决定",
            CaseState::Published => "已公示",
            CaseState::Transferred => "已移送",
            CaseState::Closed => "已结案",
        }
    }

    /// Whether nothing can follow.
    pub fn is_terminal(self) -> bool {
        matches!(self, CaseState::NotFiled | CaseState::Closed)
    }

    /// Whether it is still a clue (before filing).
    pub fn is_clue(self) -> bool {
        matches!(
            self,
            CaseState::Assigned | CaseState::Verifying | CaseState::NotFiled
        )
    }
}

impl fmt::Display for CaseState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}（{}）", self.name_zh(), self.as_str())
    }
}

/// Who may do what.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 交办人员: assigns clues to departments.
    Dispatcher,
    /// 办案人员: verifies, investigates, publishes, asks for assistance.
    Officer,
    /// 部门负责人: decides filing, extensions, decisions, transfers and closing.
    Approver,
}

impl Role {
    /// Name used in storage and events.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Dispatcher => "dispatcher",
            Role::Officer => "officer",
            Role::Approver => "approver",
        }
    }
}

/// A named user acting in a role (a pseudonymous account id, never a phone or ID number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Account id.
    pub id: String,
    /// Role.
    pub role: Role,
}

/// The kind of decision taken on a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A penalty beyond a warning: published (公示规定 第二条).
    Penalty,
    /// A warning only: not published (公示规定 第二条第二款).
    WarningOnly,
    /// No penalty (不予行政处罚).
    NoPenalty,
}

impl Outcome {
    /// Whether the decision must be published.
    pub fn requires_publication(self) -> bool {
        self == Outcome::Penalty
    }
}

/// What an actor does. The action and its data are part of the event, so replay is exact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// Creates a clue from an alert, assigned to a department and region.
    Open {
        /// The alert it comes from.
        alert_id: String,
        /// Department (e.g. 网监处, 价监处).
        department: String,
        /// Region (an adcode or a named installation: district, city, another province).
        region: String,
    },
    /// Starts verification.
    StartVerification,
    /// Extends the verification period once (needs an approver).
    ExtendVerification,
    /// Extends the decision period once (needs an approver).
    ExtendDecision,
    /// 立案.
    File,
    /// 不予立案.
    NotFile,
    /// Names the investigators (at least two, 程序规定 第十九条).
    AssignInvestigators {
        /// Their account ids.
        investigators: Vec<String>,
    },
    /// 作出处理决定.
    Decide {
        /// The decision.
        outcome: Outcome,
        /// Whether decider and party are registered in the same province (公示规定 第九、十条).
        party_same_province: bool,
    },
    /// Publishes the penalty information.
    Publish,
    /// 结案.
    Close,
    /// 移送 to another department or region.
    Transfer {
        /// Receiving department.
        to_department: String,
        /// Receiving region.
        to_region: String,
    },
    /// The receiver's feedback on a transfer.
    RecordFeedback {
        /// What it reported.
        summary: String,
    },
    /// 协查: asks another region (e.g. the platform's or merchant's home) for assistance.
    RequestAssistance {
        /// Department asked.
        to_department: String,
        /// Region asked.
        to_region: String,
        /// What is asked.
        request: String,
    },
    /// The reply to an assistance request.
    RecordAssistanceReply {
        /// The event sequence number of the request.
        request_seq: u64,
        /// What it replied.
        summary: String,
    },
    /// Another department or region claims (or refuses) jurisdiction.
    DisputeJurisdiction {
        /// The other department.
        with_department: String,
        /// The other region.
        with_region: String,
    },
    /// The dispute is settled: by agreement or designation by the common superior.
    SettleJurisdiction {
        /// Whether this department keeps the case (if not, transfer it next).
        kept: bool,
    },
}

impl Action {
    /// Name used in events and errors.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Open { .. } => "open",
            Action::StartVerification => "start_verification",
            Action::ExtendVerification => "extend_verification",
            Action::ExtendDecision => "extend_decision",
            Action::File => "file",
            Action::NotFile => "not_file",
            Action::AssignInvestigators { .. } => "assign_investigators",
            Action::Decide { .. } => "decide",
            Action::Publish => "publish",
            Action::Close => "close",
            Action::Transfer { .. } => "transfer",
            Action::RecordFeedback { .. } => "record_feedback",
            Action::RequestAssistance { .. } => "request_assistance",
            Action::RecordAssistanceReply { .. } => "record_assistance_reply",
            Action::DisputeJurisdiction { .. } => "dispute_jurisdiction",
            Action::SettleJurisdiction { .. } => "settle_jurisdiction",
        }
    }

    /// The roles allowed to take this action.
    pub fn allowed_roles(&self) -> &'static [Role] {
        match self {
            Action::Open { .. } => &[Role::Dispatcher, Role::Approver],
            Action::StartVerification
            | Action::Publish
            | Action::RecordFeedback { .. }
            | Action::RequestAssistance { .. }
            | Action::RecordAssistanceReply { .. } => &[Role::Officer],
            Action::ExtendVerification
            | Action::ExtendDecision
            | Action::File
            | Action::NotFile
            | Action::AssignInvestigators { .. }
            | Action::Decide { .. }
            | Action::Close
            | Action::Transfer { .. }
            | Action::DisputeJurisdiction { .. }
            | Action::SettleJurisdiction { .. } => &[Role::Approver],
        }
    }
}

/// One transition, as recorded (maps 1:1 to the evidence log's `CaseEvent`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseEvent {
    /// The clue or case.
    pub case_id: String,
    /// 1, 2, 3… per case.
    pub seq: u64,
    /// Who.
    pub actor: String,
    /// In which role.
    pub role: Role,
    /// What, with its data.
    pub action: Action,
    /// State before (`None` for the opening event).
    pub from: Option<CaseState>,
    /// State after.
    pub to: CaseState,
    /// Why, in the actor's words.
    pub reason: String,
    /// When: ms since the epoch, UTC.
    pub at_ms: i64,
}

impl CaseEvent {
    /// The state before as a name, empty for the opening event (the evidence log's
    /// `CaseEvent.from_state` is a plain string).
    pub fn from_state_str(&self) -> &'static str {
        self.from.map_or("", CaseState::as_str)
    }
}

/// An assistance request and its reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assistance {
    /// Sequence number of the requesting event.
    pub seq: u64,
    /// Department asked.
    pub to_department: String,
    /// Region asked.
    pub to_region: String,
    /// What was asked.
    pub request: String,
    /// The reply, once recorded.
    pub reply: Option<String>,
}

/// An open or settled jurisdiction dispute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dispute {
    /// The other department.
    pub with_department: String,
    /// The other region.
    pub with_region: String,
    /// The 7-working-day deadline.
    pub deadline: Deadline,
    /// `Some(kept)` once settled.
    pub settled: Option<bool>,
}

/// A clue or case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// Id.
    pub case_id: String,
    /// The alert it came from.
    pub alert_id: String,
    /// Department in charge.
    pub department: String,
    /// Region in charge.
    pub region: String,
    /// Current state.
    pub state: CaseState,
    /// Sequence number of the last event.
    pub seq: u64,
    /// Time of the last event (ms since the epoch).
    pub last_at_ms: i64,
    /// The deadline of the current phase, if it has one.
    pub deadline: Option<Deadline>,
    /// Named investigators.
    pub investigators: Vec<String>,
    /// The decision, once taken.
    pub outcome: Option<Outcome>,
    /// Whether decider and party are in the same province.
    pub party_same_province: bool,
    /// Where it was transferred.
    pub transferred_to: Option<(String, String)>,
    /// Feedback received on the transfer.
    pub feedback: Vec<String>,
    /// Assistance requests.
    pub assistance: Vec<Assistance>,
    /// Jurisdiction disputes (the last may be open).
    pub disputes: Vec<Dispute>,
}

/// Why a transition was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseError {
    /// The action is not possible in this state.
    #[error("当前状态 {state} 不能执行操作 {action} / action {action} is not allowed in state {}", state.as_str())]
    IllegalTransition {
        /// Current state.
        state: CaseState,
        /// Attempted action.
        action: &'static str,
    },
    /// The actor's role may not take this action.
    #[error("角色 {} 无权执行操作 {action} / role {} may not {action}", role.as_str(), role.as_str())]
    RoleNotAllowed {
        /// The role.
        role: Role,
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
    /// A field of the action is empty.
    #[error("操作 {action} 的字段 {field} 不能为空 / field {field} of {action} is empty")]
    EmptyField {
        /// The action.
        action: &'static str,
        /// The field.
        field: &'static str,
    },
    /// The time is before the last event, or not a representable instant.
    #[error(
        "操作时间 {at_ms} 早于上一事件 {last_ms} 或无效 / time {at_ms} is before the last event ({last_ms}) or invalid"
    )]
    BadTime {
        /// Given time.
        at_ms: i64,
        /// Last event's time.
        last_ms: i64,
    },
    /// The deadline was already extended as often as its rule allows.
    #[error("该期限已无可用的延长次数 / no extension of this deadline is left")]
    ExtensionUsed,
    /// Fewer than two investigators.
    #[error(
        "应当指定两名以上办案人员，实际 {given} 名 / at least two investigators are required, {given} given"
    )]
    TooFewInvestigators {
        /// How many were named.
        given: usize,
    },
    /// Publication is or is not required by the decision.
    #[error(
        "处理决定 {outcome:?} 与操作 {action} 不符 / the decision {outcome:?} does not allow {action}"
    )]
    DecisionMismatch {
        /// The decision.
        outcome: Option<Outcome>,
        /// The action.
        action: &'static str,
    },
    /// A transferred case is closed only after the receiver's feedback.
    #[error("移送案件须收到反馈后方可结案 / a transferred case closes only after feedback")]
    NoFeedback,
    /// No open assistance request with that sequence number.
    #[error("没有序号为 {0} 的未答复协查请求 / no open assistance request with seq {0}")]
    NoOpenAssistance(u64),
    /// A jurisdiction dispute is open (or none is, for settling).
    #[error(
        "管辖争议状态不允许操作 {action}（存在未决争议：{open}）/ {action} not allowed (dispute open: {open})"
    )]
    Dispute {
        /// The action.
        action: &'static str,
        /// Whether a dispute is open.
        open: bool,
    },
    /// Replay found an event that does not follow.
    #[error("事件 {seq} 无法重放：{problem} / event {seq} does not replay: {problem}")]
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

/// The calendar and rules deadlines are computed with.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// Working days.
    pub calendar: &'a Calendar,
    /// Deadlines and thresholds.
    pub rules: &'a Rules,
}

fn nonempty(action: &'static str, field: &'static str, text: &str) -> Result<(), CaseError> {
    if text.trim().is_empty() {
        Err(CaseError::EmptyField { action, field })
    } else {
        Ok(())
    }
}

impl Case {
    /// Opens a clue from an alert: state `assigned`, verification deadline from that day.
    pub fn open(
        case_id: &str,
        actor: &Actor,
        action: Action,
        reason: &str,
        at_ms: i64,
        ctx: Ctx<'_>,
    ) -> Result<(Case, CaseEvent), CaseError> {
        let Action::Open {
            alert_id,
            department,
            region,
        } = &action
        else {
            return Err(CaseError::IllegalTransition {
                state: CaseState::Assigned,
                action: action.name(),
            });
        };
        nonempty("open", "case_id", case_id)?;
        nonempty("open", "alert_id", alert_id)?;
        nonempty("open", "department", department)?;
        nonempty("open", "region", region)?;
        check_actor(actor, &action, reason)?;
        let day = beijing_date(at_ms).ok_or(CaseError::BadTime {
            at_ms,
            last_ms: at_ms,
        })?;
        let case = Case {
            case_id: case_id.to_string(),
            alert_id: alert_id.clone(),
            department: department.clone(),
            region: region.clone(),
            state: CaseState::Assigned,
            seq: 1,
            last_at_ms: at_ms,
            deadline: Some(Deadline::compute(
                DeadlineKind::ClueVerification,
                day,
                ctx.rules,
                ctx.calendar,
            )?),
            investigators: Vec::new(),
            outcome: None,
            party_same_province: true,
            transferred_to: None,
            feedback: Vec::new(),
            assistance: Vec::new(),
            disputes: Vec::new(),
        };
        let event = CaseEvent {
            case_id: case_id.to_string(),
            seq: 1,
            actor: actor.id.clone(),
            role: actor.role,
            action,
            from: None,
            to: CaseState::Assigned,
            reason: reason.to_string(),
            at_ms,
        };
        Ok((case, event))
    }

    fn dispute_open(&self) -> bool {
        self.disputes.last().is_some_and(|d| d.settled.is_none())
    }

    /// Applies an action: the new case and the event, or why not. `self` is unchanged.
    pub fn apply(
        &self,
        actor: &Actor,
        action: Action,
        reason: &str,
        at_ms: i64,
        ctx: Ctx<'_>,
    ) -> Result<(Case, CaseEvent), CaseError> {
        use CaseState as S;
        let name = action.name();
        let illegal = CaseError::IllegalTransition {
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
                return Err(CaseError::BadTime {
                    at_ms,
                    last_ms: self.last_at_ms,
                });
            }
        };
        let deadline = |kind| Deadline::compute(kind, day, ctx.rules, ctx.calendar);
        let mut next = self.clone();
        next.seq = self.seq + 1;
        next.last_at_ms = at_ms;
        match (&action, self.state) {
            (Action::Open { .. }, _) => return Err(illegal),
            (Action::StartVerification, S::Assigned) => next.state = S::Verifying,
            (Action::ExtendVerification, S::Assigned | S::Verifying)
            | (Action::ExtendDecision, S::Filed | S::Investigating) => {
                let Some(d) = self.deadline.as_ref() else {
                    return Err(illegal);
                };
                next.deadline = Some(extend(d, ctx)?);
            }
            (Action::File, S::Verifying) => {
                if self.dispute_open() {
                    return Err(CaseError::Dispute {
                        action: name,
                        open: true,
                    });
                }
                next.state = S::Filed;
                next.deadline = Some(deadline(DeadlineKind::CaseDecision)?);
            }
            (Action::NotFile, S::Verifying) => {
                next.state = S::NotFiled;
                next.deadline = None;
            }
            (Action::AssignInvestigators { investigators }, S::Filed) => {
                let mut named: Vec<String> = investigators
                    .iter()
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
                named.sort();
                named.dedup();
                if named.len() < 2 {
                    return Err(CaseError::TooFewInvestigators { given: named.len() });
                }
                next.investigators = named;
                next.state = S::Investigating;
            }
            (
                Action::Decide {
                    outcome,
                    party_same_province,
                },
                S::Investigating,
            ) => {
                next.state = S::Decided;
                next.outcome = Some(*outcome);
                next.party_same_province = *party_same_province;
                next.deadline = if outcome.requires_publication() {
                    Some(deadline(if *party_same_province {
                        DeadlineKind::PenaltyPublication
                    } else {
                        DeadlineKind::PenaltyPublicationPush
                    })?)
                } else {
                    None
                };
            }
            (Action::Publish, S::Decided) => {
                if !self.outcome.is_some_and(Outcome::requires_publication) {
                    return Err(CaseError::DecisionMismatch {
                        outcome: self.outcome,
                        action: name,
                    });
                }
                next.state = S::Published;
                next.deadline = None;
            }
            (Action::Close, S::Published) => next.state = S::Closed,
            (Action::Close, S::Decided) => {
                if self.outcome.is_none_or(Outcome::requires_publication) {
                    return Err(CaseError::DecisionMismatch {
                        outcome: self.outcome,
                        action: name,
                    });
                }
                next.state = S::Closed;
            }
            (Action::Close, S::Transferred) => {
                if self.feedback.is_empty() {
                    return Err(CaseError::NoFeedback);
                }
                next.state = S::Closed;
            }
            (
                Action::Transfer {
                    to_department,
                    to_region,
                },
                S::Assigned | S::Verifying | S::Filed | S::Investigating,
            ) => {
                nonempty(name, "to_department", to_department)?;
                nonempty(name, "to_region", to_region)?;
                if (to_department, to_region) == (&self.department, &self.region) {
                    return Err(CaseError::EmptyField {
                        action: name,
                        field: "to_department/to_region (same as the current one)",
                    });
                }
                if self.dispute_open() {
                    return Err(CaseError::Dispute {
                        action: name,
                        open: true,
                    });
                }
                next.state = S::Transferred;
                next.transferred_to = Some((to_department.clone(), to_region.clone()));
                next.deadline = None;
            }
            (Action::RecordFeedback { summary }, S::Transferred) => {
                nonempty(name, "summary", summary)?;
                next.feedback.push(summary.clone());
            }
            (
                Action::RequestAssistance {
                    to_department,
                    to_region,
                    request,
                },
                S::Verifying | S::Filed | S::Investigating,
            ) => {
                nonempty(name, "to_department", to_department)?;
                nonempty(name, "to_region", to_region)?;
                nonempty(name, "request", request)?;
                next.assistance.push(Assistance {
                    seq: next.seq,
                    to_department: to_department.clone(),
                    to_region: to_region.clone(),
                    request: request.clone(),
                    reply: None,
                });
            }
            (
                Action::RecordAssistanceReply {
                    request_seq,
                    summary,
                },
                _,
            ) => {
                nonempty(name, "summary", summary)?;
                let Some(open) = next
                    .assistance
                    .iter_mut()
                    .find(|a| a.seq == *request_seq && a.reply.is_none())
                else {
                    return Err(CaseError::NoOpenAssistance(*request_seq));
                };
                open.reply = Some(summary.clone());
            }
            (
                Action::DisputeJurisdiction {
                    with_department,
                    with_region,
                },
                S::Assigned | S::Verifying | S::Filed | S::Investigating,
            ) => {
                nonempty(name, "with_department", with_department)?;
                nonempty(name, "with_region", with_region)?;
                if self.dispute_open() {
                    return Err(CaseError::Dispute {
                        action: name,
                        open: true,
                    });
                }
                next.disputes.push(Dispute {
                    with_department: with_department.clone(),
                    with_region: with_region.clone(),
                    deadline: deadline(DeadlineKind::JurisdictionDispute)?,
                    settled: None,
                });
            }
            (
                Action::SettleJurisdiction { kept },
                S::Assigned | S::Verifying | S::Filed | S::Investigating,
            ) => {
                let Some(open) = next.disputes.last_mut().filter(|d| d.settled.is_none()) else {
                    return Err(CaseError::Dispute {
                        action: name,
                        open: false,
                    });
                };
                open.settled = Some(*kept);
            }
            _ => return Err(illegal),
        }
        let event = CaseEvent {
            case_id: self.case_id.clone(),
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

    /// Rebuilds a case from its events (in order), checking each against the state machine.
    pub fn replay(events: &[CaseEvent], ctx: Ctx<'_>) -> Result<Case, CaseError> {
        let Some(first) = events.first() else {
            return Err(CaseError::Replay {
                seq: 0,
                problem: "no events".into(),
            });
        };
        let actor = |e: &CaseEvent| Actor {
            id: e.actor.clone(),
            role: e.role,
        };
        let (mut case, opened) = Case::open(
            &first.case_id,
            &actor(first),
            first.action.clone(),
            &first.reason,
            first.at_ms,
            ctx,
        )?;
        if &opened != first {
            return Err(CaseError::Replay {
                seq: first.seq,
                problem: "the opening event differs from its recomputation".into(),
            });
        }
        for e in &events[1..] {
            let (next, again) = case.apply(&actor(e), e.action.clone(), &e.reason, e.at_ms, ctx)?;
            if &again != e {
                return Err(CaseError::Replay {
                    seq: e.seq,
                    problem: format!(
                        "recorded {:?}→{}, recomputed {:?}→{} (seq {})",
                        e.from, e.to, again.from, again.to, again.seq
                    ),
                });
            }
            case = next;
        }
        Ok(case)
    }

    /// The deadlines of this case that are open: the phase deadline and an open dispute's.
    pub fn open_deadlines(&self) -> Vec<&Deadline> {
        let mut out: Vec<&Deadline> = self.deadline.iter().collect();
        if let Some(d) = self.disputes.last().filter(|d| d.settled.is_none()) {
            out.push(&d.deadline);
        }
        out
    }
}

/// The deadline extended once more by its rule's extension period, if one is left.
fn extend(d: &Deadline, ctx: Ctx<'_>) -> Result<Deadline, CaseError> {
    let rule = ctx.rules.deadline(d.kind, d.start)?;
    if d.extensions >= rule.extensions_allowed {
        return Err(CaseError::ExtensionUsed);
    }
    let mut d = d.clone();
    d.extensions += 1;
    if let Some(due) = d.due {
        match rule.due(ctx.calendar, due, rule.extension_days.unwrap_or(0)) {
            Ok(later) => d.due = Some(later),
            Err(e) => {
                d.due = None;
                d.due_unknown = Some(e.to_string());
            }
        }
    }
    Ok(d)
}

fn check_actor(actor: &Actor, action: &Action, reason: &str) -> Result<(), CaseError> {
    if actor.id.trim().is_empty() {
        return Err(CaseError::NoActor);
    }
    if !action.allowed_roles().contains(&actor.role) {
        return Err(CaseError::RoleNotAllowed {
            role: actor.role,
            action: action.name(),
        });
    }
    if reason.trim().is_empty() {
        return Err(CaseError::NoReason {
            action: action.name(),
        });
    }
    Ok(())
}

/// The overdue queue on `as_of`: open deadlines whose last day is before `as_of`, earliest first
/// (then by case id and kind).
pub fn overdue<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    as_of: chrono::NaiveDate,
) -> Vec<QueueItem> {
    queue(cases, |d| d.is_overdue(as_of))
}

/// Open deadlines whose due date could not be computed (calendar not covering the period).
pub fn undetermined<'a>(cases: impl IntoIterator<Item = &'a Case>) -> Vec<QueueItem> {
    queue(cases, |d| d.due.is_none())
}

fn queue<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    keep: impl Fn(&Deadline) -> bool,
) -> Vec<QueueItem> {
    let mut out: Vec<QueueItem> = cases
        .into_iter()
        .flat_map(|c| {
            c.open_deadlines()
                .into_iter()
                .filter(|d| keep(d))
                .map(|d| QueueItem {
                    case_id: c.case_id.clone(),
                    department: c.department.clone(),
                    region: c.region.clone(),
                    deadline: d.clone(),
                })
                .collect::<Vec<_>>()
        })
        .collect();
    out.sort_by(|a, b| {
        a.deadline
            .due
            .cmp(&b.deadline.due)
            .then_with(|| a.case_id.cmp(&b.case_id))
            .then_with(|| a.deadline.kind.cmp(&b.deadline.kind))
    });
    out
}
