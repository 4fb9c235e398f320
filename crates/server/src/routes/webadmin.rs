//! The system administrator's actions the administration page needs beyond `routes::admin`:
//! enabling a disabled account, issuing a new second factor (TOTP) — shown once, the account's
//! sessions ended — and listing platform API keys (public fields only, never the key or its
//! hash). Changes are privileged (re-authentication within 5 minutes), need a stated reason, and
//! are audited with who and why before they are made: an action whose audit record cannot be
//! written does not happen.

use axum::Json;
use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};
use tianping_auth::{Operation, Resource};
use utoipa::{IntoParams, ToSchema};

use crate::access::{Caller, audit, guard};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiQuery};
use crate::routes::data::Page;
use crate::routes::session::{Enrolment, new_totp};
use crate::state::AppState;

/// Why an administrative action is taken (recorded in the audit log).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminReason {
    /// Why, 2–500 characters, no control characters.
    #[schema(
        min_length = 2,
        max_length = 500,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    pub reason: String,
}

/// Checks a stated reason: 2–500 characters, no control characters.
pub fn check_reason(reason: &str) -> Result<(), ApiError> {
    let n = reason.chars().count();
    if !(2..=500).contains(&n) || reason.chars().any(char::is_control) {
        return Err(ApiError::bad_request(
            "字段 reason 须为 2–500 个字符（不含控制字符）",
            "field reason must be 2–500 characters without control characters",
        ));
    }
    Ok(())
}

/// The reason of an optional JSON body `{"reason": "…"}` (empty body or JSON `null`: none),
/// checked.
pub fn optional_reason(body: &[u8]) -> Result<Option<String>, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) || body.trim_ascii() == b"null" {
        return Ok(None);
    }
    let req: AdminReason = serde_json::from_slice(body).map_err(|e| {
        ApiError::bad_request(
            format!("请求体应为 {{\"reason\": \"…\"}}：{e}"),
            format!("the body must be {{\"reason\": \"…\"}}: {e}"),
        )
    })?;
    check_reason(&req.reason)?;
    Ok(Some(req.reason))
}

fn not_self(caller: &Caller, user_id: &str) -> Result<(), ApiError> {
    if caller.actor == user_id {
        Err(ApiError::new(
            axum::http::StatusCode::FORBIDDEN,
            "own_account",
            "不能对自己的账号执行此操作",
            "this cannot be done to one's own account",
        ))
    } else {
        Ok(())
    }
}

/// Enables a disabled account and clears its failed-login lock.
#[utoipa::path(post, path = "/api/v1/users/{user_id}/enable", operation_id = "enable_user", tag = "admin",
    params(("user_id" = String, Path, description = "Account id")),
    request_body = AdminReason,
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 204, description = "Enabled"),
        (status = 400, description = "Invalid reason", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted, own account, or re-authentication needed", body = ErrorBody),
        (status = 404, description = "No such account", body = ErrorBody)))]
pub async fn enable_user(
    State(state): State<AppState>,
    caller: Caller,
    Path(user_id): Path<String>,
    ApiJson(req): ApiJson<AdminReason>,
) -> Result<axum::http::StatusCode, ApiError> {
    let target = format!("account:{user_id}");
    guard(
        &state,
        &caller,
        Operation::EnableUser,
        Resource::System,
        &target,
    )
    .await?;
    not_self(&caller, &user_id)?;
    check_reason(&req.reason)?;
    let before = state
        .store
        .account_by_id(&user_id)
        .await?
        .ok_or_else(|| ApiError::not_found("账号 / account"))?;
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::EnableUser.id(),
        &target,
        "success",
        serde_json::json!({ "reason": req.reason, "was_disabled": before.disabled }),
    )
    .await?;
    if !state.store.enable_account(&user_id).await? {
        return Err(ApiError::not_found("账号 / account"));
    }
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// Issues a new second factor (TOTP secret) to an account: the old one stops working, the
/// account's sessions end, and the new secret is shown once.
#[utoipa::path(post, path = "/api/v1/users/{user_id}/totp", operation_id = "reset_totp", tag = "admin",
    params(("user_id" = String, Path, description = "Account id")),
    request_body = AdminReason,
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The new enrolment; the secret is shown once", body = Enrolment),
        (status = 400, description = "Invalid reason", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted, own account, or re-authentication needed", body = ErrorBody),
        (status = 404, description = "No such account", body = ErrorBody)))]
pub async fn reset_totp(
    State(state): State<AppState>,
    caller: Caller,
    Path(user_id): Path<String>,
    ApiJson(req): ApiJson<AdminReason>,
) -> Result<Json<Enrolment>, ApiError> {
    let target = format!("account:{user_id}");
    guard(
        &state,
        &caller,
        Operation::ResetTotp,
        Resource::System,
        &target,
    )
    .await?;
    not_self(&caller, &user_id)?;
    check_reason(&req.reason)?;
    let account = state
        .store
        .account_by_id(&user_id)
        .await?
        .ok_or_else(|| ApiError::not_found("账号 / account"))?;
    let (totp, otpauth_uri) = new_totp(&account.login)?;
    let sealed = state.totp_key.seal(&user_id, &totp.secret_base32())?;
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::ResetTotp.id(),
        &target,
        "success",
        serde_json::json!({ "reason": req.reason, "login": account.login }),
    )
    .await?;
    if !state.store.reset_totp(&user_id, &sealed).await? {
        return Err(ApiError::not_found("账号 / account"));
    }
    Ok(Json(Enrolment {
        user_id,
        login: account.login,
        totp_secret: totp.secret_base32(),
        otpauth_uri,
    }))
}

/// Paging of the key list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct KeyQuery {
    /// Most keys returned, 1–1000 (default 200).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<u32>,
}

/// A platform API key as listed: never the key or its hash.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKeyView {
    /// Public id (for revocation).
    pub key_id: String,
    /// The supplier it acts for.
    pub supplier: String,
    /// Label.
    pub label: String,
    /// When issued (UTC).
    pub created_at: String,
    /// Who issued it.
    pub created_by: String,
    /// Revoked.
    pub revoked: bool,
}

/// Platform API keys, oldest first (public fields only).
#[utoipa::path(get, path = "/api/v1/api-keys", operation_id = "list_api_keys", tag = "admin",
    params(KeyQuery),
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "Keys (no secrets)", body = Page),
        (status = 400, description = "Invalid parameter", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn list_api_keys(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<KeyQuery>,
) -> Result<Json<Page>, ApiError> {
    let limit = q.limit.unwrap_or(200);
    if !(1..=1000).contains(&limit) {
        return Err(ApiError::bad_request(
            format!("参数 limit 的值 {limit} 无效：应为 1–1000"),
            format!("parameter limit = {limit} is invalid: 1–1000"),
        ));
    }
    guard(
        &state,
        &caller,
        Operation::ListApiKeys,
        Resource::Collection,
        "api_keys",
    )
    .await?;
    let items = state
        .store
        .list_api_keys(limit)
        .await?
        .into_iter()
        .map(|k| {
            serde_json::to_value(ApiKeyView {
                key_id: k.key_id,
                supplier: k.supplier,
                label: k.label,
                created_at: k.created_at,
                created_by: k.created_by,
                revoked: k.revoked,
            })
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(ApiError::internal)?;
    Ok(Json(Page { items }))
}
