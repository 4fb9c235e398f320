//! Administration, split between the three administrators (三权分立): the system administrator
//! creates and disables accounts and issues platform keys; the security administrator assigns
//! roles; the audit administrator reads and verifies the audit log. All changes are privileged
//! (re-authentication within 5 minutes) and audited. No one changes their own roles or disables
//! themselves, and administrator roles are given only by the security administrator.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use tianping_auth::policy::{ListFilter, list_filter};
use tianping_auth::session::{Token, TokenKind};
use tianping_auth::{Operation, Resource, Role};
use tianping_store::accounts::{
    AccountFilter, AccountRecord, ApiKeyRecord, AuditChainReport, NewAccount,
};
use utoipa::{IntoParams, ToSchema};

use crate::access::{Caller, audit, guard};
use crate::clock::{parse_stored, random_bytes, stored};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiQuery};
use crate::routes::data::{Page, PageQuery, page};
use crate::routes::session::{
    Enrolment, check_display_name, check_login, check_password, hash_blocking, new_totp,
    parse_roles, registered_scope,
};
use crate::routes::webadmin::{check_reason, optional_reason};
use crate::state::AppState;

/// A role name (for the document; requests are checked by `tianping_auth::Roles`).
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum RoleName {
    /// 数据分析员.
    Analyst,
    /// 检查员.
    Inspector,
    /// 办案人员.
    CaseOfficer,
    /// 投诉处理员.
    ComplaintHandler,
    /// 领导.
    Leader,
    /// 平台 (API keys only).
    Platform,
    /// 系统管理员.
    SystemAdmin,
    /// 安全管理员.
    SecurityAdmin,
    /// 审计管理员.
    AuditAdmin,
}

/// A business role name, what a new account may be given.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum BusinessRoleName {
    /// 数据分析员.
    Analyst,
    /// 检查员.
    Inspector,
    /// 办案人员.
    CaseOfficer,
    /// 投诉处理员.
    ComplaintHandler,
    /// 领导.
    Leader,
}

/// An account as listed (no secrets).
#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    /// Account id.
    pub user_id: String,
    /// Login name.
    pub login: String,
    /// Display name.
    pub display_name: String,
    /// Roles.
    pub roles: Vec<String>,
    /// Department.
    pub department: String,
    /// Region.
    pub region: String,
    /// Disabled.
    pub disabled: bool,
    /// Locked now after failed logins.
    pub locked: bool,
}

fn view(state: &AppState, a: AccountRecord) -> UserView {
    let now = state.clock.now();
    UserView {
        locked: a
            .locked_until
            .as_deref()
            .and_then(parse_stored)
            .is_some_and(|t| now < t),
        roles: a.roles.split(',').map(str::to_string).collect(),
        user_id: a.user_id,
        login: a.login,
        display_name: a.display_name,
        department: a.department,
        region: a.region,
        disabled: a.disabled,
    }
}

/// Accounts.
#[utoipa::path(get, path = "/api/v1/users", operation_id = "list_users", tag = "admin",
    params(PageQuery),
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "Accounts", body = Page),
        (status = 400, description = "Invalid parameter", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn list_users(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> Result<Json<Page>, ApiError> {
    let (limit, offset) = page(q.limit, q.offset)?;
    let rule = guard(
        &state,
        &caller,
        Operation::ListUsers,
        Resource::Collection,
        "accounts",
    )
    .await?;
    // The caller's scope becomes the store query's filter.
    let filter = match list_filter(&caller.principal, rule) {
        ListFilter::All => AccountFilter::default(),
        ListFilter::Unit { department, region } => AccountFilter {
            department: Some(department),
            region_prefix: Some(region.cover_prefix().to_string()),
        },
        ListFilter::Region(region) => AccountFilter {
            department: None,
            region_prefix: Some(region.cover_prefix().to_string()),
        },
        ListFilter::Supplier(_) | ListFilter::Nothing => {
            return Ok(Json(Page { items: Vec::new() }));
        }
    };
    let rows = state.store.list_accounts(&filter, limit, offset).await?;
    let items = rows
        .into_iter()
        .map(|a| serde_json::to_value(view(&state, a)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(ApiError::internal)?;
    Ok(Json(Page { items }))
}

/// A new staff account.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUserRequest {
    /// Login name: 3–64 of a-z, 0-9, `.`, `_`, `-`.
    #[schema(pattern = "^[a-z0-9._-]{3,64}$")]
    pub login: String,
    /// Display name.
    #[schema(
        min_length = 1,
        max_length = 64,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    pub display_name: String,
    /// Initial password (12–128 characters, 3 of 4 character classes).
    #[schema(min_length = 12, max_length = 128)]
    pub password: String,
    /// Business roles (administrator roles are given by the security administrator).
    #[schema(value_type = Vec<BusinessRoleName>, min_items = 1)]
    pub roles: Vec<String>,
    /// Department id.
    #[schema(pattern = "^[a-z0-9_-]{1,64}$")]
    pub department: String,
    /// Region: a 6-digit division code.
    #[schema(pattern = "^[1-9][0-9]{5}$")]
    pub region: String,
    /// Why (recorded in the audit log), 2–500 characters, no control characters.
    #[schema(
        min_length = 2,
        max_length = 500,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    pub reason: Option<String>,
}

/// Creates a staff account.
#[utoipa::path(post, path = "/api/v1/users", operation_id = "create_user", tag = "admin",
    request_body = CreateUserRequest,
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 201, description = "Created; the TOTP secret is shown once", body = Enrolment),
        (status = 400, description = "Invalid field", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or re-authentication needed", body = ErrorBody),
        (status = 409, description = "Login taken", body = ErrorBody)))]
pub async fn create_user(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(req): ApiJson<CreateUserRequest>,
) -> Result<Response, ApiError> {
    guard(
        &state,
        &caller,
        Operation::CreateUser,
        Resource::System,
        "accounts",
    )
    .await?;
    check_login(&req.login)?;
    check_display_name(&req.display_name)?;
    let roles = parse_roles(&req.roles)?;
    if roles.iter().any(|r| r.is_admin() || r == Role::Platform) {
        return Err(ApiError::bad_request(
            "字段 roles：新账号只能授予业务角色；管理员角色由安全管理员授予，平台使用接口密钥",
            "field roles: new accounts get business roles only; administrator roles are given by the security administrator, platforms use API keys",
        ));
    }
    let scope = registered_scope(&state, &req.department, &req.region).await?;
    if let Some(reason) = &req.reason {
        check_reason(reason)?;
    }
    check_password(&req.password, &req.login)?;
    let password_hash = hash_blocking(&state, req.password).await?;
    let (totp, otpauth_uri) = new_totp(&req.login)?;
    let user_id = uuid::Uuid::new_v4().to_string();
    let created = state
        .store
        .create_account(&NewAccount {
            user_id: user_id.clone(),
            login: req.login.clone(),
            display_name: req.display_name,
            password_hash,
            totp_secret: state.totp_key.seal(&user_id, &totp.secret_base32())?,
            roles: roles.to_csv(),
            department: scope.department.as_str().into(),
            region: scope.region.as_str().into(),
            created_at: stored(state.clock.now()),
        })
        .await?;
    if !created {
        return Err(ApiError::conflict(
            format!("登录名 {} 已被使用", req.login),
            format!("login {} is taken", req.login),
        ));
    }
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::CreateUser.id(),
        &format!("account:{user_id}"),
        "success",
        serde_json::json!({ "login": req.login, "roles": roles.to_csv(), "department": scope.department.as_str(), "region": scope.region.as_str(), "reason": req.reason }),
    )
    .await?;
    let body = Enrolment {
        user_id,
        login: req.login,
        totp_secret: totp.secret_base32(),
        otpauth_uri,
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// New roles for an account.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetRolesRequest {
    /// The roles (no two administrator roles; administrators and platforms hold nothing else).
    #[schema(value_type = Vec<RoleName>, min_items = 1)]
    pub roles: Vec<String>,
}

fn not_self(caller: &Caller, user_id: &str) -> Result<(), ApiError> {
    if caller.actor == user_id {
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "own_account",
            "不能对自己的账号执行此操作",
            "this cannot be done to one's own account",
        ))
    } else {
        Ok(())
    }
}

/// Replaces an account's roles.
#[utoipa::path(put, path = "/api/v1/users/{user_id}/roles", operation_id = "set_user_roles", tag = "admin",
    params(("user_id" = String, Path, description = "Account id")),
    request_body = SetRolesRequest,
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The account", body = UserView),
        (status = 400, description = "Invalid roles", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted, own account, or re-authentication needed", body = ErrorBody),
        (status = 404, description = "No such account", body = ErrorBody)))]
pub async fn set_user_roles(
    State(state): State<AppState>,
    caller: Caller,
    Path(user_id): Path<String>,
    ApiJson(req): ApiJson<SetRolesRequest>,
) -> Result<Json<UserView>, ApiError> {
    let target = format!("account:{user_id}");
    guard(
        &state,
        &caller,
        Operation::SetUserRoles,
        Resource::System,
        &target,
    )
    .await?;
    not_self(&caller, &user_id)?;
    let roles = parse_roles(&req.roles)?;
    if roles.contains(Role::Platform) {
        return Err(ApiError::bad_request(
            "字段 roles：平台使用接口密钥，不使用工作人员账号",
            "field roles: platforms use API keys, not staff accounts",
        ));
    }
    let before = state
        .store
        .account_by_id(&user_id)
        .await?
        .ok_or_else(|| ApiError::not_found("账号 / account"))?;
    if !state.store.set_roles(&user_id, &roles.to_csv()).await? {
        return Err(ApiError::not_found("账号 / account"));
    }
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::SetUserRoles.id(),
        &target,
        "success",
        serde_json::json!({ "before": before.roles, "after": roles.to_csv() }),
    )
    .await?;
    let after = state
        .store
        .account_by_id(&user_id)
        .await?
        .ok_or_else(|| ApiError::not_found("账号 / account"))?;
    Ok(Json(view(&state, after)))
}

/// Disables an account and ends its sessions. An optional JSON body `{"reason": "…"}` states
/// why (recorded in the audit log).
#[utoipa::path(post, path = "/api/v1/users/{user_id}/disable", operation_id = "disable_user", tag = "admin",
    params(("user_id" = String, Path, description = "Account id")),
    request_body = Option<crate::routes::webadmin::AdminReason>,
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 204, description = "Disabled"),
        (status = 400, description = "Invalid reason", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted, own account, or re-authentication needed", body = ErrorBody),
        (status = 404, description = "No such account", body = ErrorBody)))]
pub async fn disable_user(
    State(state): State<AppState>,
    caller: Caller,
    Path(user_id): Path<String>,
    body: axum::body::Bytes,
) -> Result<StatusCode, ApiError> {
    let target = format!("account:{user_id}");
    guard(
        &state,
        &caller,
        Operation::DisableUser,
        Resource::System,
        &target,
    )
    .await?;
    not_self(&caller, &user_id)?;
    let reason = optional_reason(&body)?;
    if !state.store.disable_account(&user_id).await? {
        return Err(ApiError::not_found("账号 / account"));
    }
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::DisableUser.id(),
        &target,
        "success",
        serde_json::json!({ "reason": reason }),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A new platform API key.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKeyRequest {
    /// The supplier id the key acts for.
    #[schema(pattern = "^[A-Za-z0-9._:-]{1,64}$")]
    pub supplier: String,
    /// A label, 1–64 characters.
    #[schema(
        min_length = 1,
        max_length = 64,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    pub label: String,
    /// Why (recorded in the audit log), 2–500 characters, no control characters.
    #[schema(
        min_length = 2,
        max_length = 500,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    pub reason: Option<String>,
}

/// A new API key, shown once.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKeyCreated {
    /// Public id of the key.
    pub key_id: String,
    /// Supplier.
    pub supplier: String,
    /// The key: send as `X-Api-Key`. Stored only hashed; not shown again.
    pub api_key: String,
}

/// Issues an API key to a platform.
#[utoipa::path(post, path = "/api/v1/api-keys", operation_id = "create_api_key", tag = "admin",
    request_body = CreateApiKeyRequest,
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 201, description = "The key, shown once", body = ApiKeyCreated),
        (status = 400, description = "Invalid field", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or re-authentication needed", body = ErrorBody)))]
pub async fn create_api_key(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(req): ApiJson<CreateApiKeyRequest>,
) -> Result<Response, ApiError> {
    guard(
        &state,
        &caller,
        Operation::CreateApiKey,
        Resource::System,
        "api_keys",
    )
    .await?;
    if tianping_domain::value::check_id(&req.supplier).is_err() {
        return Err(ApiError::bad_request(
            format!(
                "字段 supplier 的值 {:?} 不是有效的编号",
                req.supplier.chars().take(64).collect::<String>()
            ),
            format!(
                "field supplier {:?} is not a valid id",
                req.supplier.chars().take(64).collect::<String>()
            ),
        ));
    }
    let n = req.label.chars().count();
    if !(1..=64).contains(&n) || req.label.chars().any(char::is_control) {
        return Err(ApiError::bad_request(
            "字段 label 须为 1–64 个字符",
            "field label must be 1–64 characters",
        ));
    }
    if let Some(reason) = &req.reason {
        check_reason(reason)?;
    }
    let token = Token::new(
        TokenKind::ApiKey,
        &random_bytes().map_err(ApiError::internal)?,
    );
    let key_id = uuid::Uuid::new_v4().to_string();
    state
        .store
        .create_api_key(&ApiKeyRecord {
            key_hash: token.storage_hash(),
            key_id: key_id.clone(),
            supplier: req.supplier.clone(),
            label: req.label,
            created_at: stored(state.clock.now()),
            created_by: caller.actor.clone(),
            revoked: false,
        })
        .await?;
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::CreateApiKey.id(),
        &format!("api_key:{key_id}"),
        "success",
        serde_json::json!({ "supplier": req.supplier, "reason": req.reason }),
    )
    .await?;
    let body = ApiKeyCreated {
        key_id,
        supplier: req.supplier,
        api_key: token.reveal().to_string(),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// Revokes a platform's API key: it authenticates nothing from now on. An optional JSON body
/// `{"reason": "…"}` states why (recorded in the audit log).
#[utoipa::path(delete, path = "/api/v1/api-keys/{key_id}", operation_id = "revoke_api_key", tag = "admin",
    params(("key_id" = String, Path, description = "Public id of the key")),
    request_body = Option<crate::routes::webadmin::AdminReason>,
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 204, description = "Revoked"),
        (status = 400, description = "Invalid reason", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or re-authentication needed", body = ErrorBody),
        (status = 404, description = "No such key", body = ErrorBody)))]
pub async fn revoke_api_key(
    State(state): State<AppState>,
    caller: Caller,
    Path(key_id): Path<String>,
    body: axum::body::Bytes,
) -> Result<StatusCode, ApiError> {
    let target = format!("api_key:{key_id}");
    guard(
        &state,
        &caller,
        Operation::RevokeApiKey,
        Resource::System,
        &target,
    )
    .await?;
    let reason = optional_reason(&body)?;
    if !state.store.revoke_api_key(&key_id).await? {
        return Err(ApiError::not_found("接口密钥 / API key"));
    }
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::RevokeApiKey.id(),
        &target,
        "success",
        serde_json::json!({ "reason": reason }),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Paging of the audit log.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Rows, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// Only rows numbered below this.
    #[param(minimum = 0, maximum = 9_000_000_000_000_000_000u64)]
    pub before: Option<u64>,
}

/// The audit log, newest first.
#[utoipa::path(get, path = "/api/v1/audit", operation_id = "list_audit", tag = "audit",
    params(AuditQuery),
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "Audit rows", body = Page),
        (status = 400, description = "Invalid parameter", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn list_audit(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> Result<Json<Page>, ApiError> {
    let (limit, _) = page(q.limit, None)?;
    guard(
        &state,
        &caller,
        Operation::ListAudit,
        Resource::System,
        "audit_log",
    )
    .await?;
    let rows = state.store.audit_events(limit, q.before).await?;
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::ListAudit.id(),
        "audit_log",
        "success",
        serde_json::json!({ "rows": rows.len(), "before": q.before }),
    )
    .await?;
    let mut items = rows
        .into_iter()
        .map(serde_json::to_value)
        .collect::<Result<Vec<_>, _>>()
        .map_err(ApiError::internal)?;
    items.iter_mut().for_each(crate::mask::mask_json);
    Ok(Json(Page { items }))
}

/// The audit chain's verification.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditVerification {
    /// Rows that verify.
    pub rows: u64,
    /// Hash of the last verified row.
    pub head: String,
    /// Whether the whole chain verifies.
    pub intact: bool,
    /// The first row that does not, if any.
    pub first_bad_seq: Option<u64>,
}

/// Verifies the audit log's hash chain.
#[utoipa::path(get, path = "/api/v1/audit/verify", operation_id = "verify_audit", tag = "audit",
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The verification", body = AuditVerification),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn verify_audit(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<AuditVerification>, ApiError> {
    guard(
        &state,
        &caller,
        Operation::VerifyAudit,
        Resource::System,
        "audit_log",
    )
    .await?;
    let report: AuditChainReport = state.store.verify_audit_chain().await?;
    Ok(Json(AuditVerification {
        rows: report.rows,
        intact: report.is_intact(),
        head: report.head,
        first_bad_seq: report.first_bad_seq,
    }))
}
