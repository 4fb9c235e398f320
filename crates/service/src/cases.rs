//! The closed loop over the store: stored findings → alerts (one per subject and practice, merged
//! per merchant, with the two-tier disposal) → clues → cases, every transition computed by
//! `tianping-cases` and stored with its event (and its evidence-log leaf) in one transaction under
//! an optimistic check, so two officers cannot both move a case.
//!
//! The actor is given by the caller: the server takes it from the authenticated session; the
//! command line from its flags (an operator's tool on the installation itself).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use tianping_cases::alert::{Alert, History, build_views, ref_key};
use tianping_cases::case::{Action, Actor, Case, CaseError, CaseEvent, Ctx};
use tianping_cases::finding::parse_finding;
use tianping_cases::notice::{Notice, NoticeState};
use tianping_cases::rules::{Rules, RulesError};
use tianping_cases::{Calendar, CalendarError};
use tianping_store::cases::{
    AlertRow, AlertSummary, CaseEventRow, CaseRow, ClueOutcome, TransitionOutcome,
};
use tianping_store::{Store, StoreError};

/// Errors of the case desk: the user's (refused transitions, unknown ids, conflicts) and ours.
#[derive(Debug, thiserror::Error)]
pub enum CaseServiceError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The transition is not allowed (state, role, reason, deadline rules).
    #[error(transparent)]
    Refused(#[from] CaseError),
    /// The embedded calendar could not be read.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// The embedded rules could not be read, or none is in force.
    #[error(transparent)]
    Rules(#[from] RulesError),
    /// No such alert, clue or case.
    #[error("{0}")]
    NotFound(String),
    /// The department or region to assign is not in the registry (or not a division code).
    #[error(transparent)]
    Unit(#[from] crate::departments::DepartmentError),
    /// The alert already has a clue.
    #[error("预警 {alert_id} 已转为线索 {case_id} / alert {alert_id} already has clue {case_id}")]
    AlreadyClue {
        /// The alert.
        alert_id: String,
        /// Its clue or case.
        case_id: String,
    },
    /// Someone else moved the case first; nothing was written.
    #[error(
        "案件 {case_id} 已被他人更新（现为 {state}，第 {version} 步），请刷新后重试 / case {case_id} was changed meanwhile (now {state}, version {version}); reload and retry"
    )]
    Conflict {
        /// The case.
        case_id: String,
        /// Its stored state.
        state: String,
        /// Its stored version.
        version: i64,
    },
    /// A stored value that does not decode (corruption or a newer version).
    #[error("stored {what} does not decode: {reason}")]
    Decode {
        /// What.
        what: String,
        /// Why.
        reason: String,
    },
}

impl CaseServiceError {
    /// Whether the caller can fix it (a refused or conflicting request), as opposed to our fault.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            CaseServiceError::Refused(_)
                | CaseServiceError::NotFound(_)
                | CaseServiceError::AlreadyClue { .. }
                | CaseServiceError::Conflict { .. }
        ) || matches!(self, CaseServiceError::Unit(e) if e.is_user_error())
    }
}

/// What refreshing alerts did.
#[derive(Debug, Clone, Default)]
pub struct Refresh {
    /// Alerts stored.
    pub summary: AlertSummary,
    /// Alerts now, ranked.
    pub alerts: u64,
    /// Stored findings that could not be read as findings: (finding id or position, reason).
    pub refused: Vec<(String, String)>,
}

/// The case desk: the calendar and the rules, both embedded and validated when it is built.
#[derive(Debug, Clone)]
pub struct Desk {
    calendar: Calendar,
    rules: Rules,
}

impl Desk {
    /// The desk with the embedded calendar and rules.
    pub fn embedded() -> Result<Desk, CaseServiceError> {
        Ok(Desk {
            calendar: Calendar::embedded()?,
            rules: Rules::embedded()?,
        })
    }

    /// The working-day calendar.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The deadline and disposal rules.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    fn ctx(&self) -> Ctx<'_> {
        Ctx {
            calendar: &self.calendar,
            rules: &self.rules,
        }
    }

    /// Rebuilds the alerts from every stored finding as of `as_of` (notice deadlines count from
    /// it) and stores them; `now_ms` stamps them.
    pub async fn refresh_alerts(
        &self,
        store: &dyn Store,
        as_of: NaiveDate,
        now_ms: i64,
    ) -> Result<Refresh, CaseServiceError> {
        let mut refresh = Refresh::default();
        let mut findings = Vec::new();
        for (i, body) in store.findings(&[]).await?.iter().enumerate() {
            match parse_finding(body) {
                Ok(f) => findings.push(f),
                Err(e) => refresh.refused.push((format!("#{i}"), e.to_string())),
            }
        }
        let history = self.notice_history(store, &findings, as_of).await?;
        let views = build_views(&findings, &history, &self.rules, &self.calendar, as_of)?;
        let regions: BTreeMap<String, String> =
            store.finding_regions().await?.into_iter().collect();
        let rows: Vec<AlertRow> = views
            .iter()
            .flat_map(|v| v.alerts.iter())
            .map(|a| alert_row(a, now_ms, alert_region(a, &regions)))
            .collect();
        refresh.alerts = rows.len() as u64;
        refresh.summary = store.upsert_alerts(&rows).await?;
        Ok(refresh)
    }

    /// The repeat rule's input: for each merchant and practice, the accepted rectification
    /// notices — counted only when the alert now holds a finding none of them answered (a
    /// violation after the notice), so the findings a notice already dealt with never make their
    /// own alert a repeat.
    async fn notice_history(
        &self,
        store: &dyn Store,
        findings: &[tianping_detect::Finding],
        as_of: NaiveDate,
    ) -> Result<History, CaseServiceError> {
        use std::collections::{BTreeMap, BTreeSet};
        let all = tianping_store::notices::NoticeFilter {
            include_finished: true,
            ..Default::default()
        };
        let mut accepted: BTreeMap<(String, String), (u32, BTreeSet<String>)> = BTreeMap::new();
        for row in store.notices(&all).await? {
            if row.state != NoticeState::Accepted.as_str() {
                continue;
            }
            let notice: Notice =
                serde_json::from_str(&row.body).map_err(|e| CaseServiceError::Decode {
                    what: format!("notice {}", row.notice_id),
                    reason: e.to_string(),
                })?;
            let entry = accepted
                .entry((notice.merchant_key, notice.practice))
                .or_default();
            entry.0 += 1;
            entry.1.extend(notice.finding_ids);
        }
        let mut history = History::default();
        if accepted.is_empty() {
            return Ok(history);
        }
        let first = build_views(
            findings,
            &History::default(),
            &self.rules,
            &self.calendar,
            as_of,
        )?;
        for alert in first.iter().flat_map(|v| v.alerts.iter()) {
            if let Some((count, answered)) =
                accepted.get(&(ref_key(&alert.merchant), alert.practice.clone()))
                && alert.finding_ids.iter().any(|f| !answered.contains(f))
            {
                history.add_notices(&alert.merchant, &alert.practice, *count);
            }
        }
        Ok(history)
    }

    /// Opens a clue from an open alert, assigned to `department` (a registry id or Chinese name,
    /// stored as the id; it must be active) in `region` (a division code).
    #[allow(clippy::too_many_arguments)]
    pub async fn open_clue(
        &self,
        store: &dyn Store,
        alert_id: &str,
        actor: &Actor,
        department: &str,
        region: &str,
        reason: &str,
        at_ms: i64,
    ) -> Result<Case, CaseServiceError> {
        let unit = crate::departments::assignable(store, department, region).await?;
        let case_id = format!("clue-{}", alert_id.trim_start_matches("alert-"));
        let (case, event) = Case::open(
            &case_id,
            actor,
            Action::Open {
                alert_id: alert_id.to_string(),
                department: unit.department.id.as_str().to_string(),
                region: unit.region.as_str().to_string(),
            },
            reason,
            at_ms,
            self.ctx(),
        )?;
        match store
            .create_clue(&case_row(&case, at_ms)?, &event_row(&event)?)
            .await?
        {
            ClueOutcome::Created => Ok(case),
            ClueOutcome::NoAlert => Err(CaseServiceError::NotFound(format!(
                "没有预警 {alert_id} / no alert {alert_id}"
            ))),
            ClueOutcome::AlreadyClue { case_id } => Err(CaseServiceError::AlreadyClue {
                alert_id: alert_id.to_string(),
                case_id,
            }),
        }
    }

    /// Loads a clue or case.
    pub async fn load(&self, store: &dyn Store, case_id: &str) -> Result<Case, CaseServiceError> {
        let row = store.case(case_id).await?.ok_or_else(|| {
            CaseServiceError::NotFound(format!(
                "没有线索或案件 {case_id} / no clue or case {case_id}"
            ))
        })?;
        serde_json::from_str(&row.body).map_err(|e| CaseServiceError::Decode {
            what: format!("case {case_id}"),
            reason: e.to_string(),
        })
    }

    /// Takes `action` on a clue or case: computed by the state machine, stored with its event
    /// only if nobody moved the case meanwhile.
    pub async fn act(
        &self,
        store: &dyn Store,
        case_id: &str,
        actor: &Actor,
        action: Action,
        reason: &str,
        at_ms: i64,
    ) -> Result<Case, CaseServiceError> {
        let case = self.load(store, case_id).await?;
        let stored = store.case(case_id).await?;
        let opened_at_ms = stored.as_ref().map_or(at_ms, |row| row.opened_at_ms);
        let (next, event) = case.apply(actor, action, reason, at_ms, self.ctx())?;
        let mut row = case_row(&next, opened_at_ms)?;
        // A case recorded before the registry names its department in its history; the stored
        // column holds the id the seed migrated it to, and keeps it while the unit is unchanged.
        if let Some(stored) = stored
            && (next.department.as_str(), next.region.as_str())
                == (case.department.as_str(), case.region.as_str())
        {
            row.department = stored.department;
            row.region = stored.region;
        }
        match store
            .apply_transition(
                case.state.as_str(),
                version(case.seq)?,
                &row,
                &event_row(&event)?,
            )
            .await?
        {
            TransitionOutcome::Applied => Ok(next),
            TransitionOutcome::NoCase => Err(CaseServiceError::NotFound(format!(
                "没有线索或案件 {case_id} / no clue or case {case_id}"
            ))),
            TransitionOutcome::Conflict { state, version } => Err(CaseServiceError::Conflict {
                case_id: case_id.to_string(),
                state,
                version,
            }),
        }
    }
}

fn version(seq: u64) -> Result<i64, CaseServiceError> {
    i64::try_from(seq).map_err(|_| CaseServiceError::Decode {
        what: "case version".into(),
        reason: format!("{seq} is out of range"),
    })
}

fn json<T: serde::Serialize>(value: &T, what: &str) -> Result<String, CaseServiceError> {
    serde_json::to_string(value).map_err(|e| CaseServiceError::Decode {
        what: what.to_string(),
        reason: e.to_string(),
    })
}

/// Where an alert is (属地管辖): the region every one of its findings was placed in
/// (`regions`: finding id → region, for the findings that have one), or `None` — the data
/// owner's — when one of them has none or they differ.
pub fn alert_region(a: &Alert, regions: &BTreeMap<String, String>) -> Option<String> {
    let mut placed = a.finding_ids.iter().map(|id| regions.get(id));
    let first = placed.next()??;
    placed.all(|r| r == Some(first)).then(|| first.clone())
}

/// The stored row of an alert (status `open` until a clue is created from it), placed in
/// `region` (see [`alert_region`]).
pub fn alert_row(a: &Alert, now_ms: i64, region: Option<String>) -> AlertRow {
    AlertRow {
        alert_id: a.alert_id.clone(),
        merchant_key: ref_key(&a.merchant),
        subject_kind: a.subject.kind.as_str().into(),
        subject_platform: a.subject.platform_id.clone(),
        subject_id: a.subject.id.clone(),
        practice: a.practice.clone(),
        severity: a.severity.as_str().into(),
        severity_rank: a.severity as i64,
        score: a.score,
        tier: a.disposal.tier.as_str().into(),
        finding_ids: serde_json::to_string(&a.finding_ids).unwrap_or_else(|_| "[]".into()),
        body: serde_json::to_string(a).unwrap_or_default(),
        status: "open".into(),
        case_id: None,
        first_seen_ms: now_ms,
        updated_at_ms: now_ms,
        region,
    }
}

/// The stored row of a clue or case, with the columns its queues filter on.
pub fn case_row(c: &Case, opened_at_ms: i64) -> Result<CaseRow, CaseServiceError> {
    let dispute = c.disputes.last().filter(|d| d.settled.is_none());
    Ok(CaseRow {
        case_id: c.case_id.clone(),
        alert_id: c.alert_id.clone(),
        state: c.state.as_str().into(),
        department: c.department.clone(),
        region: c.region.clone(),
        deadline_kind: c.deadline.as_ref().map(|d| d.kind.as_str().to_string()),
        due_date: c
            .deadline
            .as_ref()
            .and_then(|d| d.due)
            .map(|d| d.to_string()),
        due_unknown: c.deadline.as_ref().is_some_and(|d| d.due.is_none()),
        dispute_due: dispute.and_then(|d| d.deadline.due).map(|d| d.to_string()),
        version: version(c.seq)?,
        opened_at_ms,
        updated_at_ms: c.last_at_ms,
        body: json(c, "case")?,
    })
}

/// The stored row of an event.
pub fn event_row(e: &CaseEvent) -> Result<CaseEventRow, CaseServiceError> {
    Ok(CaseEventRow {
        case_id: e.case_id.clone(),
        seq: version(e.seq)?,
        actor: e.actor.clone(),
        role: e.role.as_str().into(),
        action: e.action.name().into(),
        from_state: e.from.map(|s| s.as_str().to_string()),
        to_state: e.to.as_str().into(),
        reason: e.reason.clone(),
        at_ms: e.at_ms,
        body: json(e, "case event")?,
    })
}
