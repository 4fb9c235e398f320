//! The staff side of rectification notices over HTTP (the command line's `notices issue |
//! accept | escalate | escalate-overdue`): issuing a notice from a minor alert, accepting the
//! platform's reply, escalating a notice to a clue, and sweeping the overdue ones of the caller's
//! reach. Every step goes through [`guard`] (a POLICY operation), is taken by the signed-in
//! account with the reason it gives, at the server clock's time, through
//! `tianping_service::notices` (state machine, optimistic check, event and evidence-log leaf in
//! one transaction), and is audited.
//!
//! Also here: [`unit_scope`], the caller's list filter as the store's SQL scope, used by the
//! clue/case and notice lists so foreign rows are never fetched.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tianping_auth::policy::{ListFilter, Staff, list_filter};
use tianping_auth::{Operation, Principal, Resource, Role};
use tianping_cases::notice::{EscalationCause, NoticeActor, NoticeRole};
use tianping_service::cases::Desk;
use tianping_service::notices;
use tianping_store::departments::UnitScope;
use utoipa::ToSchema;

use crate::access::{Caller, alert_unit, audit, guard};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::mask::mask_json;
use crate::routes::notices::{guarded, service_error};
use crate::state::AppState;

/// The store scope of a list the caller was allowed (regions by their cover prefix).
pub fn unit_scope(filter: &ListFilter) -> UnitScope {
    match filter {
        ListFilter::All => UnitScope::All,
        ListFilter::Unit { department, region } => UnitScope::Unit {
            department: department.clone(),
            region_prefix: region.cover_prefix().to_string(),
        },
        ListFilter::Region(region) => UnitScope::Region {
            region_prefix: region.cover_prefix().to_string(),
        },
        ListFilter::Supplier(s) => UnitScope::Platform(s.clone()),
        ListFilter::Nothing => UnitScope::Nothing,
    }
}

/// A step's reason: 2–500 characters, no control characters.
fn check_reason(reason: &str) -> Result<(), ApiError> {
    let n = reason.chars().count();
    if !(2..=500).contains(&n) || reason.chars().any(char::is_control) {
        return Err(ApiError::bad_request(
            "字段 reason 须为 2–500 个字符",
            "field reason must be 2–500 characters",
        ));
    }
    Ok(())
}

/// The signed-in staff member acting, in the notice role `pick` chooses from their roles.
fn actor(
    caller: &Caller,
    pick: impl Fn(&tianping_auth::Roles) -> Option<NoticeRole>,
) -> Result<(NoticeActor, &Staff), ApiError> {
    let Principal::Staff(staff) = &caller.principal else {
        return Err(ApiError::internal(
            "a notice step allowed a non-staff caller",
        ));
    };
    let role = pick(&staff.roles).ok_or_else(|| {
        ApiError::internal("a notice step allowed a caller without a notice role")
    })?;
    Ok((
        NoticeActor {
            id: caller.actor.clone(),
            role,
        },
        staff,
    ))
}

/// Officers (inspectors, case officers) act as 办案人员, leaders as 部门负责人.
fn officer_or_approver(roles: &tianping_auth::Roles) -> Option<NoticeRole> {
    if roles.contains(Role::CaseOfficer) || roles.contains(Role::Inspector) {
        Some(NoticeRole::Officer)
    } else if roles.contains(Role::Leader) {
        Some(NoticeRole::Approver)
    } else {
        None
    }
}

/// Case officers escalate as 交办人员 (they open the clue), leaders as 部门负责人.
fn dispatcher_or_approver(roles: &tianping_auth::Roles) -> Option<NoticeRole> {
    if roles.contains(Role::CaseOfficer) {
        Some(NoticeRole::Dispatcher)
    } else if roles.contains(Role::Leader) {
        Some(NoticeRole::Approver)
    } else {
        None
    }
}

/// A step that needs only a reason.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeStepRequest {
    /// Why, 2–500 characters (recorded in the notice's event).
    #[schema(min_length = 2, max_length = 500)]
    pub reason: String,
}

/// Escalating a notice.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalateRequest {
    /// `overdue` (deadline passed without a reply) or `reply_rejected` (the reply is not accepted).
    #[schema(pattern = "^(overdue|reply_rejected)$")]
    pub cause: String,
    /// Why, 2–500 characters.
    #[schema(min_length = 2, max_length = 500)]
    pub reason: String,
}

/// What a sweep of overdue notices did.
#[derive(Debug, Serialize, ToSchema)]
pub struct SweepResult {
    /// Notices escalated, each with the clue it opened: `[notice_id, case_id]`.
    pub escalated: Vec<[String; 2]>,
    /// Notices that could not be escalated, with why: `[notice_id, reason]`.
    pub refused: Vec<[String; 2]>,
}

fn notice_body(notice: &tianping_cases::notice::Notice) -> Result<Value, ApiError> {
    let mut value = serde_json::to_value(notice).map_err(ApiError::internal)?;
    mask_json(&mut value);
    Ok(value)
}

/// Issues a rectification notice (责令整改通知) from a minor alert, through the platform the
/// alert names, for the caller's department and region, with the statutory deadline.
#[utoipa::path(post, path = "/api/v1/alerts/{alert_id}/notice", operation_id = "issue_notice", tag = "notices",
    params(("alert_id" = String, Path, description = "Alert id")),
    request_body = NoticeStepRequest,
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 201, description = "The notice", body = Object),
        (status = 400, description = "Invalid body, the alert is not minor or names no platform", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or out of scope", body = ErrorBody),
        (status = 404, description = "No such alert", body = ErrorBody),
        (status = 409, description = "The alert already has an open notice or a clue", body = ErrorBody)))]
pub async fn issue_notice(
    State(state): State<AppState>,
    caller: Caller,
    Path(alert_id): Path<String>,
    ApiJson(req): ApiJson<NoticeStepRequest>,
) -> Result<Response, ApiError> {
    let target = format!("alert:{alert_id}");
    guard(
        &state,
        &caller,
        Operation::IssueNotice,
        Resource::Collection,
        &target,
    )
    .await?;
    check_reason(&req.reason)?;
    let alert = state
        .store
        .alerts(None)
        .await?
        .into_iter()
        .find(|a| a.alert_id == alert_id)
        .ok_or_else(|| ApiError::not_found("预警 / alert"))?;
    let (unit, platform) = alert_unit(&state, &alert);
    // An alert is delivered data: the caller must reach it like a finding.
    guard(
        &state,
        &caller,
        Operation::IssueNotice,
        Resource::Record {
            scope: &unit,
            supplier: platform.as_deref(),
        },
        &target,
    )
    .await?;
    let (actor, staff) = actor(&caller, officer_or_approver)?;
    let desk = Desk::embedded().map_err(ApiError::internal)?;
    let notice = notices::issue(
        &desk,
        state.store.as_ref(),
        &alert_id,
        &actor,
        staff.scope.department.as_str(),
        staff.scope.region.as_str(),
        &req.reason,
        state.clock.now().timestamp_millis(),
    )
    .await
    .map_err(service_error)?;
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::IssueNotice.id(),
        &format!("notice:{}", notice.notice_id),
        "success",
        json!({ "alert_id": alert_id, "department": notice.department, "region": notice.region }),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(notice_body(&notice)?)).into_response())
}

/// Accepts the platform's reply (整改通过): the notice is done.
#[utoipa::path(post, path = "/api/v1/notices/{notice_id}/accept", operation_id = "accept_notice", tag = "notices",
    params(("notice_id" = String, Path, description = "Notice id")),
    request_body = NoticeStepRequest,
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The notice after the step", body = Object),
        (status = 400, description = "Invalid body, or the notice has no reply to accept", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or out of scope", body = ErrorBody),
        (status = 404, description = "No such notice", body = ErrorBody),
        (status = 409, description = "Changed meanwhile; reload", body = ErrorBody)))]
pub async fn accept_notice(
    State(state): State<AppState>,
    caller: Caller,
    Path(notice_id): Path<String>,
    ApiJson(req): ApiJson<NoticeStepRequest>,
) -> Result<Json<Value>, ApiError> {
    guarded(&state, &caller, Operation::AcceptNotice, &notice_id).await?;
    check_reason(&req.reason)?;
    let (actor, _) = actor(&caller, officer_or_approver)?;
    let notice = notices::accept(
        state.store.as_ref(),
        &notice_id,
        &actor,
        &req.reason,
        state.clock.now().timestamp_millis(),
    )
    .await
    .map_err(service_error)?;
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::AcceptNotice.id(),
        &format!("notice:{notice_id}"),
        "success",
        json!({ "state": notice.state.as_str() }),
    )
    .await?;
    Ok(Json(notice_body(&notice)?))
}

/// Escalates a notice to a clue (转为线索) in the notice's department and region, in one
/// transaction with the notice's step.
#[utoipa::path(post, path = "/api/v1/notices/{notice_id}/escalate", operation_id = "escalate_notice", tag = "notices",
    params(("notice_id" = String, Path, description = "Notice id")),
    request_body = EscalateRequest,
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The notice and the clue it opened", body = Object),
        (status = 400, description = "Invalid body, or the cause does not hold (not overdue, no reply)", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or out of scope", body = ErrorBody),
        (status = 404, description = "No such notice", body = ErrorBody),
        (status = 409, description = "Changed meanwhile, or the alert already has a clue", body = ErrorBody)))]
pub async fn escalate_notice(
    State(state): State<AppState>,
    caller: Caller,
    Path(notice_id): Path<String>,
    ApiJson(req): ApiJson<EscalateRequest>,
) -> Result<Json<Value>, ApiError> {
    guarded(&state, &caller, Operation::EscalateNotice, &notice_id).await?;
    let cause = match req.cause.as_str() {
        "overdue" => EscalationCause::Overdue,
        "reply_rejected" => EscalationCause::ReplyRejected,
        other => {
            return Err(ApiError::bad_request(
                format!("字段 cause 的值 {other:?} 无效：应为 overdue 或 reply_rejected"),
                format!("field cause = {other:?} is invalid: overdue or reply_rejected"),
            ));
        }
    };
    check_reason(&req.reason)?;
    let (actor, _) = actor(&caller, dispatcher_or_approver)?;
    let desk = Desk::embedded().map_err(ApiError::internal)?;
    let (notice, case) = notices::escalate(
        &desk,
        state.store.as_ref(),
        &notice_id,
        &actor,
        cause,
        &req.reason,
        state.clock.now().timestamp_millis(),
    )
    .await
    .map_err(service_error)?;
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::EscalateNotice.id(),
        &format!("notice:{notice_id}"),
        "success",
        json!({ "cause": cause.as_str(), "case_id": case.case_id }),
    )
    .await?;
    let mut body = json!({ "notice": notice, "case": case });
    mask_json(&mut body);
    Ok(Json(body))
}

/// Escalates every notice of the caller's reach whose deadline passed unanswered (before today
/// in Beijing), each to a clue in its own transaction; those that cannot be escalated are
/// listed with why.
#[utoipa::path(post, path = "/api/v1/notices/escalate-overdue", operation_id = "escalate_overdue_notices", tag = "notices",
    request_body = NoticeStepRequest,
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "What the sweep did", body = SweepResult),
        (status = 400, description = "Invalid body", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn escalate_overdue_notices(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(req): ApiJson<NoticeStepRequest>,
) -> Result<Json<SweepResult>, ApiError> {
    let rule = guard(
        &state,
        &caller,
        Operation::EscalateOverdueNotices,
        Resource::Collection,
        "notices",
    )
    .await?;
    check_reason(&req.reason)?;
    let scope = unit_scope(&list_filter(&caller.principal, rule));
    let (actor, _) = actor(&caller, dispatcher_or_approver)?;
    let desk = Desk::embedded().map_err(ApiError::internal)?;
    let sweep = notices::escalate_overdue_in(
        &desk,
        state.store.as_ref(),
        &actor,
        &scope,
        None,
        &req.reason,
        state.clock.now().timestamp_millis(),
    )
    .await
    .map_err(service_error)?;
    let result = SweepResult {
        escalated: sweep.escalated.into_iter().map(|(n, c)| [n, c]).collect(),
        refused: sweep.refused.into_iter().map(|(n, r)| [n, r]).collect(),
    };
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::EscalateOverdueNotices.id(),
        "notices",
        "success",
        json!({ "escalated": result.escalated, "refused": result.refused.len() }),
    )
    .await?;
    Ok(Json(result))
}
