//! Rectification notices (责令整改通知) over HTTP: the platform fetches the notices it forwards to
//! its merchants and records their replies (整改反馈); staff read the notices of their scope.
//!
//! Access goes through [`guard`] like every route: a notice is a record of its issuing department
//! and region, forwarded by its platform (the `supplier` of the policy), so a platform's key
//! reaches only its own notices and a list is filtered to the caller's reach. The reply's actor is
//! the caller (`platform:<supplier>`), its time the server clock; the step itself is
//! `tianping_service::notices::reply` (state machine, optimistic check, event and evidence-log
//! leaf in one transaction), and it is audited.

use axum::Json;
use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tianping_auth::policy::list_filter;
use tianping_auth::{Operation, Resource, Scope};
use tianping_cases::notice::{Attachment, Notice, NoticeActor, NoticeRole, ReplyKind};
use tianping_service::notices::{self, NoticeServiceError};
use tianping_store::notices::NoticeFilter;
use utoipa::{IntoParams, ToSchema};

use crate::access::{Caller, audit, guard};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiQuery};
use crate::mask::mask_json;
use crate::routes::data::{CursorPage, cursor, page};
use crate::routes::notice_desk::unit_scope;
use crate::state::AppState;

/// Paging of notices.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct NoticeQuery {
    /// Rows per page, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page (absent: the first page).
    #[param(max_length = 2048, pattern = "^[0-9a-f]+$")]
    pub cursor: Option<String>,
    /// Include accepted and escalated notices (default: open ones only).
    pub all: Option<bool>,
}

/// An attachment of a reply: the file stays with the platform; its SHA-256 is recorded.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttachmentRef {
    /// File name.
    #[schema(min_length = 1, max_length = 255)]
    pub name: String,
    /// SHA-256 of the content, 64 lowercase hex digits.
    #[schema(pattern = "^[0-9a-f]{64}$")]
    pub sha256: String,
}

/// The platform's reply to a notice.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplyRequest {
    /// `done` (已整改) or `disputed` (有异议).
    #[schema(pattern = "^(done|disputed)$")]
    pub kind: String,
    /// The reply, at most 8,000 characters.
    #[schema(min_length = 1, max_length = 8000)]
    pub text: String,
    /// Attachments by digest, at most 50.
    #[serde(default)]
    pub attachments: Vec<AttachmentRef>,
    /// Why (e.g. "转达商户整改结果"); recorded with the step.
    #[schema(min_length = 1, max_length = 500)]
    pub reason: String,
}

/// Where a notice stands after a step.
#[derive(Debug, Serialize, ToSchema)]
pub struct NoticeStatus {
    /// The notice.
    pub notice_id: String,
    /// Its state.
    pub state: String,
    /// Its last day, when known.
    pub due: Option<String>,
    /// Whether the reply came after the last day.
    pub late: bool,
}

/// The policy's record for a notice: its department and region (registry ids).
fn scope_of(row_department: &str, row_region: &str) -> Option<Scope> {
    Scope::parse(row_department, row_region).ok()
}

pub(crate) fn service_error(e: NoticeServiceError) -> ApiError {
    match e {
        NoticeServiceError::Store(e) => e.into(),
        NoticeServiceError::Decode { .. } => ApiError::internal(e),
        NoticeServiceError::NotFound(_) => ApiError::not_found("整改通知 / notice"),
        NoticeServiceError::Conflict { .. }
        | NoticeServiceError::AlreadyOpen { .. }
        | NoticeServiceError::AlertTaken { .. } => {
            let text = e.to_string();
            let (zh, en) = crate::error::bilingual(&text);
            ApiError::conflict(zh.to_string(), en.to_string())
        }
        other => {
            let text = other.to_string();
            let (zh, en) = crate::error::bilingual(&text);
            ApiError::bad_request(zh.to_string(), en.to_string())
        }
    }
}

/// Loads a notice and checks the caller may do `op` on it.
pub(crate) async fn guarded(
    state: &AppState,
    caller: &Caller,
    op: Operation,
    notice_id: &str,
) -> Result<Notice, ApiError> {
    let target = format!("notice:{notice_id}");
    let row = state.store.notice(notice_id).await?;
    let Some(row) = row else {
        // Ask the policy about the operation first, so a caller without the grant is denied (and
        // audited) the same whether or not the notice exists.
        guard(state, caller, op, Resource::Collection, &target).await?;
        return Err(ApiError::not_found("整改通知 / notice"));
    };
    // A notice whose department or region is not a scope id (the command line lets an operator
    // write `网监处`) stands under a placeholder unit no real region covers (999999 is no
    // division), so only its platform and system-wide grants reach it.
    let fallback = Scope::parse("unscoped", "999999").ok();
    let scope = scope_of(&row.department, &row.region).or(fallback);
    let Some(scope) = scope.as_ref() else {
        return Err(ApiError::internal("no fallback scope"));
    };
    guard(
        state,
        caller,
        op,
        Resource::Record {
            scope,
            supplier: Some(&row.platform),
        },
        &target,
    )
    .await?;
    serde_json::from_str(&row.body).map_err(ApiError::internal)
}

/// Notices in the caller's reach, earliest deadline first.
#[utoipa::path(get, path = "/api/v1/notices", operation_id = "list_notices", tag = "notices",
    params(NoticeQuery),
    security(("session" = []), ("bearer" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "Notices in the caller's reach (a platform: those it forwards), by keyset page", body = CursorPage),
        (status = 400, description = "Invalid parameter", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn list_notices(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<NoticeQuery>,
) -> Result<Json<CursorPage>, ApiError> {
    let (limit, _) = page(q.limit, None)?;
    let after = cursor(q.cursor.as_deref(), 2)?;
    let rule = guard(
        &state,
        &caller,
        Operation::ListNotices,
        Resource::Collection,
        "notices",
    )
    .await?;
    // The caller's reach is part of the store query: no foreign row is fetched.
    let scope = unit_scope(&list_filter(&caller.principal, rule));
    let store_filter = NoticeFilter {
        include_finished: q.all.unwrap_or(false),
        ..NoticeFilter::default()
    };
    let rows = state
        .store
        .notices_page(&scope, &store_filter, after.as_ref(), limit)
        .await?;
    let mut items = Vec::new();
    for row in rows.items {
        let mut value: Value = serde_json::from_str(&row.body).map_err(ApiError::internal)?;
        // The unit as stored (a registry id, also for notices recorded before the registry).
        value["department"] = Value::String(row.department);
        value["region"] = Value::String(row.region);
        mask_json(&mut value);
        items.push(value);
    }
    Ok(Json(CursorPage {
        items,
        next_cursor: rows.next,
    }))
}

/// One notice.
#[utoipa::path(get, path = "/api/v1/notices/{notice_id}", operation_id = "get_notice", tag = "notices",
    params(("notice_id" = String, Path, description = "Notice id")),
    security(("session" = []), ("bearer" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "The notice with its deadline and reply", body = Object),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or out of scope", body = ErrorBody),
        (status = 404, description = "No such notice", body = ErrorBody)))]
pub async fn get_notice(
    State(state): State<AppState>,
    caller: Caller,
    Path(notice_id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let notice = guarded(&state, &caller, Operation::GetNotice, &notice_id).await?;
    let mut value = serde_json::to_value(&notice).map_err(ApiError::internal)?;
    mask_json(&mut value);
    Ok(Json(value))
}

/// The platform's reply (整改反馈) for its merchant.
#[utoipa::path(post, path = "/api/v1/notices/{notice_id}/reply", operation_id = "reply_notice", tag = "notices",
    params(("notice_id" = String, Path, description = "Notice id")),
    request_body = ReplyRequest,
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Recorded", body = NoticeStatus),
        (status = 400, description = "Invalid reply, or the notice is not waiting for one", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or not this platform's notice", body = ErrorBody),
        (status = 404, description = "No such notice", body = ErrorBody),
        (status = 409, description = "Changed meanwhile; reload", body = ErrorBody)))]
pub async fn reply_notice(
    State(state): State<AppState>,
    caller: Caller,
    Path(notice_id): Path<String>,
    ApiJson(body): ApiJson<ReplyRequest>,
) -> Result<Json<NoticeStatus>, ApiError> {
    let notice = guarded(&state, &caller, Operation::ReplyNotice, &notice_id).await?;
    let kind = match body.kind.as_str() {
        "done" => ReplyKind::Done,
        "disputed" => ReplyKind::Disputed,
        other => {
            return Err(ApiError::bad_request(
                format!("字段 kind 的值 {other:?} 无效：应为 done 或 disputed"),
                format!("field kind = {other:?} is invalid: done or disputed"),
            ));
        }
    };
    let attachments: Vec<Attachment> = body
        .attachments
        .into_iter()
        .map(|a| Attachment {
            name: a.name,
            sha256: a.sha256,
        })
        .collect();
    let actor = NoticeActor {
        id: caller.actor.clone(),
        role: NoticeRole::Platform,
    };
    let at_ms = state.clock.now().timestamp_millis();
    let replied = notices::reply(
        state.store.as_ref(),
        &notice_id,
        &notice.platform,
        &actor,
        kind,
        &body.text,
        attachments,
        &body.reason,
        at_ms,
    )
    .await
    .map_err(service_error)?;
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::ReplyNotice.id(),
        &format!("notice:{notice_id}"),
        "success",
        serde_json::json!({ "kind": kind.as_str(), "state": replied.state.as_str() }),
    )
    .await?;
    Ok(Json(NoticeStatus {
        notice_id: replied.notice_id,
        state: replied.state.as_str().to_string(),
        due: replied.deadline.due.map(|d| d.to_string()),
        late: replied.reply.as_ref().is_some_and(|r| r.late),
    }))
}
