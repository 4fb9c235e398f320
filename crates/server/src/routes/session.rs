//! First-run setup, staff login (password + TOTP), re-authentication, logout and "who am I".
//!
//! Login answers the same 401 for an unknown account, a wrong password, a wrong or reused code,
//! a disabled or a locked account (no enumeration); the audit log records which it was. Hashing
//! runs on blocking threads behind a semaphore, and attempts are limited per client address.

use std::sync::OnceLock;
use std::time::Instant;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use tianping_auth::lockout::LockState;
use tianping_auth::password::{PasswordPolicy, hash_password, needs_rehash, verify_password};
use tianping_auth::session::{SessionTimes, Token, TokenKind};
use tianping_auth::totp::Totp;
use tianping_auth::{Operation, Principal, Resource, Role, Roles, Scope};
use tianping_store::accounts::{AccountRecord, NewAccount, SessionRecord};
use utoipa::ToSchema;

use crate::access::{Caller, SESSION_COOKIE, audit, guard};
use crate::clock::{parse_stored, random_bytes, stored};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ClientAddr};
use crate::metrics::Event;
use crate::state::AppState;

/// First-run setup: the first system administrator.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetupRequest {
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
    /// Password (12–128 characters, 3 of 4 character classes).
    #[schema(min_length = 12, max_length = 128)]
    pub password: String,
    /// Department id.
    #[schema(pattern = "^[a-z0-9_-]{1,64}$")]
    pub department: String,
    /// Region: a 6-digit division code.
    #[schema(pattern = "^[1-9][0-9]{5}$")]
    pub region: String,
}

/// A new account's second factor, shown once.
#[derive(Debug, Serialize, ToSchema)]
pub struct Enrolment {
    /// Account id.
    pub user_id: String,
    /// Login name.
    pub login: String,
    /// TOTP secret (base32) for an authenticator app.
    pub totp_secret: String,
    /// `otpauth://` URI (QR code).
    pub otpauth_uri: String,
}

/// Staff login.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// Login name.
    pub login: String,
    /// Password.
    pub password: String,
    /// The current 6-digit code of the authenticator app.
    pub totp: String,
}

/// Re-authentication (opens the 5-minute window for privileged actions).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReauthRequest {
    /// Password.
    pub password: String,
    /// The current code.
    pub totp: String,
}

/// A new session.
#[derive(Debug, Serialize, ToSchema)]
pub struct LoginResponse {
    /// The session token (also set as an HttpOnly cookie); send as `Authorization: Bearer`.
    pub token: String,
    /// Idle timeout, minutes.
    pub idle_timeout_minutes: i64,
    /// The account.
    pub me: Me,
}

/// The caller.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    /// `staff` or `platform`.
    pub kind: String,
    /// Account id (staff).
    pub user_id: Option<String>,
    /// Login name (staff).
    pub login: Option<String>,
    /// Display name (staff).
    pub display_name: Option<String>,
    /// Roles.
    pub roles: Vec<String>,
    /// Department (staff).
    pub department: Option<String>,
    /// Region (staff).
    pub region: Option<String>,
    /// Supplier (platform).
    pub supplier: Option<String>,
    /// Whether privileged actions are allowed now without re-authenticating.
    pub fresh: bool,
}

/// Re-authenticated.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReauthResponse {
    /// Privileged actions are allowed for this many minutes.
    pub privileged_minutes: i64,
}

/// Checks a login name.
pub fn check_login(login: &str) -> Result<(), ApiError> {
    let ok = (3..=64).contains(&login.len())
        && login.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        });
    if ok {
        Ok(())
    } else {
        Err(ApiError::bad_request(
            format!(
                "字段 login 的值 {:?} 无效：须为 3–64 个小写字母、数字、.、_ 或 -",
                login.chars().take(64).collect::<String>()
            ),
            format!(
                "field login {:?} is invalid: 3–64 of a-z, 0-9, '.', '_' and '-'",
                login.chars().take(64).collect::<String>()
            ),
        ))
    }
}

/// Checks a display name.
pub fn check_display_name(name: &str) -> Result<(), ApiError> {
    let n = name.chars().count();
    if (1..=64).contains(&n) && !name.chars().any(char::is_control) {
        Ok(())
    } else {
        Err(ApiError::bad_request(
            "字段 display_name 须为 1–64 个字符，不含控制字符",
            "field display_name must be 1–64 characters without control characters",
        ))
    }
}

/// Checks a new password against the policy.
pub fn check_password(password: &str, login: &str) -> Result<(), ApiError> {
    PasswordPolicy::default()
        .check(password, login)
        .map_err(|e| {
            let text = e.to_string();
            let (zh, en) = crate::error::bilingual(&text);
            ApiError::bad_request(
                format!("字段 password：{zh}"),
                format!("field password: {en}"),
            )
        })
}

/// Parses department and region.
pub fn parse_scope(department: &str, region: &str) -> Result<Scope, ApiError> {
    Scope::parse(department, region).map_err(|e| {
        let text = e.to_string();
        let (zh, en) = crate::error::bilingual(&text);
        ApiError::bad_request(zh, en)
    })
}

/// The scope of a new account: a department of the registry (active) and a division code;
/// an unknown department is refused listing the valid ones.
pub async fn registered_scope(
    state: &AppState,
    department: &str,
    region: &str,
) -> Result<Scope, ApiError> {
    let scope = parse_scope(department, region)?;
    match tianping_service::departments::assignable(state.store.as_ref(), department, region).await
    {
        Ok(_) => Ok(scope),
        Err(e) if e.is_user_error() => {
            let text = e.to_string();
            let (zh, en) = crate::error::bilingual(&text);
            Err(ApiError::bad_request(
                format!("字段 department：{zh}"),
                format!("field department: {en}"),
            ))
        }
        Err(e) => Err(ApiError::internal(e)),
    }
}

/// Hashes a password on a blocking thread, behind the hashing semaphore.
pub async fn hash_blocking(state: &AppState, password: String) -> Result<String, ApiError> {
    let salt: [u8; 16] = random_bytes().map_err(ApiError::internal)?;
    let _permit = state.hashing.acquire().await.map_err(ApiError::internal)?;
    tokio::task::spawn_blocking(move || hash_password(&password, &salt))
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::internal)
}

async fn verify_blocking(
    state: &AppState,
    hash: String,
    password: String,
) -> Result<bool, ApiError> {
    let _permit = state.hashing.acquire().await.map_err(ApiError::internal)?;
    tokio::task::spawn_blocking(move || verify_password(&hash, &password))
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::internal)
}

/// A hash to verify against when the account does not exist, so that answering takes as long.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_password("not-a-real-password-0", &[0x5a; 16]).unwrap_or_default())
}

/// A new TOTP secret and its enrolment.
pub fn new_totp(login: &str) -> Result<(Totp, String), ApiError> {
    let secret: [u8; 20] = random_bytes().map_err(ApiError::internal)?;
    let totp = Totp::for_app(secret);
    let uri = totp.otpauth_uri("Tianping 天平", login);
    Ok((totp, uri))
}

fn setup_done() -> ApiError {
    ApiError::conflict(
        "系统已完成初始化：请由系统管理员创建账号",
        "setup was already done: accounts are created by the system administrator",
    )
}

/// First-run setup.
#[utoipa::path(post, path = "/api/setup", operation_id = "setup", tag = "session",
    request_body = SetupRequest,
    responses(
        (status = 201, description = "The first system administrator", body = Enrolment),
        (status = 400, description = "Invalid field", body = ErrorBody),
        (status = 409, description = "Already set up", body = ErrorBody),
        (status = 429, description = "Too many attempts", body = ErrorBody)))]
pub async fn setup(
    State(state): State<AppState>,
    ClientAddr(source): ClientAddr,
    ApiJson(req): ApiJson<SetupRequest>,
) -> Result<Response, ApiError> {
    if !state.logins.try_take(&source, Instant::now()) {
        state.metrics.count(Event::ShedRate);
        return Err(ApiError::too_many_requests());
    }
    if state.store.count_accounts().await? > 0 {
        return Err(setup_done());
    }
    check_login(&req.login)?;
    check_display_name(&req.display_name)?;
    check_password(&req.password, &req.login)?;
    // With a department registry, the first administrator belongs to one of its departments
    // (so a later seed can never find an account it cannot place); without one (nothing
    // configured yet), only the form of the id is checked.
    let registry = tianping_service::departments::load(state.store.as_ref())
        .await
        .map_err(ApiError::internal)?;
    let scope = if registry.is_empty() {
        parse_scope(&req.department, &req.region)?
    } else {
        registered_scope(&state, &req.department, &req.region).await?
    };
    let password_hash = hash_blocking(&state, req.password).await?;
    let (totp, otpauth_uri) = new_totp(&req.login)?;
    let user_id = uuid::Uuid::new_v4().to_string();
    let account = NewAccount {
        user_id: user_id.clone(),
        login: req.login.clone(),
        display_name: req.display_name,
        password_hash,
        totp_secret: state.totp_key.seal(&user_id, &totp.secret_base32())?,
        roles: Role::SystemAdmin.as_str().into(),
        department: scope.department.as_str().into(),
        region: scope.region.as_str().into(),
        created_at: stored(state.clock.now()),
    };
    if !state.store.create_first_account(&account).await? {
        return Err(setup_done());
    }
    audit(
        &state,
        &user_id,
        &source,
        Operation::Setup.id(),
        &format!("account:{user_id}"),
        "success",
        serde_json::json!({ "roles": ["system_admin"] }),
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

/// Why credentials were refused (recorded in the audit log, never told to the client).
#[derive(Debug, Clone, Copy)]
enum Refusal {
    UnknownAccount,
    Disabled,
    Locked,
    NotStaff,
    WrongPassword,
    WrongCode,
    ReusedCode,
}

/// Checks password and TOTP for an account, updating lock state and the used TOTP step.
async fn check_credentials(
    state: &AppState,
    account: Option<&AccountRecord>,
    password: &str,
    code: &str,
) -> Result<Result<(), Refusal>, ApiError> {
    let now = state.clock.now();
    let Some(account) = account else {
        verify_blocking(state, dummy_hash().to_string(), password.to_string()).await?;
        return Ok(Err(Refusal::UnknownAccount));
    };
    // Refusals that need no hash still take as long as one (no timing oracle).
    let refuse = |refusal: Refusal| async move {
        verify_blocking(state, dummy_hash().to_string(), password.to_string()).await?;
        Ok::<_, ApiError>(Err(refusal))
    };
    if account.disabled {
        return refuse(Refusal::Disabled).await;
    }
    let lock = LockState {
        failures: account.failures,
        locked_until: account.locked_until.as_deref().and_then(parse_stored),
    };
    if lock.is_locked(now) {
        return Ok(Err(Refusal::Locked));
    }
    if account
        .roles
        .split(',')
        .any(|r| r == Role::Platform.as_str())
    {
        return Ok(Err(Refusal::NotStaff));
    }
    let fail = |refusal: Refusal| async move {
        let next = lock.after_failure(now);
        state
            .store
            .set_lock_state(
                &account.user_id,
                next.failures,
                next.locked_until.map(stored).as_deref(),
            )
            .await?;
        Ok::<_, ApiError>(Err(refusal))
    };
    if !verify_blocking(state, account.password_hash.clone(), password.to_string()).await? {
        return fail(Refusal::WrongPassword).await;
    }
    let secret = state
        .totp_key
        .open(&account.user_id, &account.totp_secret)?;
    let totp = Totp::from_base32(&secret).map_err(ApiError::internal)?;
    let step = match totp.verify(code, now.timestamp(), account.totp_last_step) {
        Ok(step) => step,
        Err(tianping_auth::totp::TotpError::Reused) => return fail(Refusal::ReusedCode).await,
        Err(_) => return fail(Refusal::WrongCode).await,
    };
    if !state
        .store
        .record_login_success(&account.user_id, step)
        .await?
    {
        return fail(Refusal::ReusedCode).await;
    }
    if needs_rehash(&account.password_hash).unwrap_or(false) {
        let hash = hash_blocking(state, password.to_string()).await?;
        state
            .store
            .set_password_hash(&account.user_id, &hash)
            .await?;
    }
    Ok(Ok(()))
}

fn me_of(account: &AccountRecord, fresh: bool) -> Me {
    Me {
        kind: "staff".into(),
        user_id: Some(account.user_id.clone()),
        login: Some(account.login.clone()),
        display_name: Some(account.display_name.clone()),
        roles: account.roles.split(',').map(str::to_string).collect(),
        department: Some(account.department.clone()),
        region: Some(account.region.clone()),
        supplier: None,
        fresh,
    }
}

fn session_cookie(state: &AppState, token: &str, max_age: i64) -> Result<HeaderValue, ApiError> {
    let secure = if state.config.cookie_secure {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age}{secure}"
    ))
    .map_err(ApiError::internal)
}

/// Staff login.
#[utoipa::path(post, path = "/api/session", operation_id = "login", tag = "session",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in; the token is also set as an HttpOnly, SameSite=Strict cookie", body = LoginResponse),
        (status = 400, description = "Invalid body", body = ErrorBody),
        (status = 401, description = "Refused (same answer for every cause)", body = ErrorBody),
        (status = 429, description = "Too many attempts", body = ErrorBody)))]
pub async fn login(
    State(state): State<AppState>,
    ClientAddr(source): ClientAddr,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Result<Response, ApiError> {
    if !state.logins.try_take(&source, Instant::now()) {
        state.metrics.count(Event::ShedRate);
        return Err(ApiError::too_many_requests());
    }
    let login: String = req.login.chars().take(64).collect();
    let account = if check_login(&login).is_ok() {
        state.store.account_by_login(&login).await?
    } else {
        None
    };
    let password: String = req.password.chars().take(1024).collect();
    let outcome = check_credentials(&state, account.as_ref(), &password, &req.totp).await?;
    let (Ok(()), Some(account)) = (outcome, account) else {
        state.metrics.count(Event::LoginFailed);
        let reason = outcome.err().map(|r| format!("{r:?}")).unwrap_or_default();
        audit(
            &state,
            "anonymous",
            &source,
            Operation::Login.id(),
            &format!("login:{login}"),
            "failure",
            serde_json::json!({ "reason": reason }),
        )
        .await?;
        return Err(ApiError::login_failed());
    };
    let now = state.clock.now();
    let token = Token::new(
        TokenKind::Session,
        &random_bytes().map_err(ApiError::internal)?,
    );
    let times = SessionTimes::new(now);
    state
        .store
        .create_session(&SessionRecord {
            token_hash: token.storage_hash(),
            user_id: account.user_id.clone(),
            created_at: stored(times.created_at),
            last_seen: stored(times.last_seen),
            authenticated_at: stored(times.authenticated_at),
        })
        .await?;
    state.metrics.count(Event::LoginOk);
    // The access log's actor: the account now logged in.
    tracing::Span::current().record("actor", tracing::field::display(&account.user_id));
    audit(
        &state,
        &account.user_id,
        &source,
        Operation::Login.id(),
        &format!("login:{login}"),
        "success",
        serde_json::json!({}),
    )
    .await?;
    let body = LoginResponse {
        token: token.reveal().to_string(),
        idle_timeout_minutes: tianping_auth::session::IDLE_MINUTES,
        me: me_of(&account, true),
    };
    let cookie = session_cookie(
        &state,
        token.reveal(),
        tianping_auth::session::ABSOLUTE_HOURS * 3600,
    )?;
    let mut response = Json(body).into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie);
    Ok(response)
}

/// Re-authentication.
#[utoipa::path(post, path = "/api/v1/session/reauth", operation_id = "reauthenticate", tag = "session",
    request_body = ReauthRequest,
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "Privileged actions allowed for 5 minutes", body = ReauthResponse),
        (status = 400, description = "Invalid body", body = ErrorBody),
        (status = 401, description = "Not authenticated, or refused", body = ErrorBody),
        (status = 403, description = "Not a staff session", body = ErrorBody),
        (status = 429, description = "Too many attempts", body = ErrorBody)))]
pub async fn reauthenticate(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(req): ApiJson<ReauthRequest>,
) -> Result<Json<ReauthResponse>, ApiError> {
    guard(
        &state,
        &caller,
        Operation::Reauthenticate,
        Resource::Itself,
        "session",
    )
    .await?;
    let (Principal::Staff(staff), Some(session)) = (&caller.principal, &caller.session) else {
        return Err(ApiError::denied(
            tianping_auth::DenyReason::RoleNotPermitted,
        ));
    };
    if !state.logins.try_take(&caller.source, Instant::now()) {
        state.metrics.count(Event::ShedRate);
        return Err(ApiError::too_many_requests());
    }
    let account = state.store.account_by_id(&staff.user_id).await?;
    let password: String = req.password.chars().take(1024).collect();
    let outcome = check_credentials(&state, account.as_ref(), &password, &req.totp).await?;
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::Reauthenticate.id(),
        "session",
        if outcome.is_ok() {
            "success"
        } else {
            "failure"
        },
        serde_json::json!({ "reason": outcome.err().map(|r| format!("{r:?}")) }),
    )
    .await?;
    if outcome.is_err() {
        return Err(ApiError::login_failed());
    }
    state
        .store
        .reauthenticate_session(session, &stored(state.clock.now()))
        .await?;
    Ok(Json(ReauthResponse {
        privileged_minutes: tianping_auth::session::REAUTH_MINUTES,
    }))
}

/// Logout.
#[utoipa::path(delete, path = "/api/v1/session", operation_id = "logout", tag = "session",
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 204, description = "Session ended; the cookie is cleared"),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not a staff session", body = ErrorBody)))]
pub async fn logout(State(state): State<AppState>, caller: Caller) -> Result<Response, ApiError> {
    guard(
        &state,
        &caller,
        Operation::Logout,
        Resource::Itself,
        "session",
    )
    .await?;
    let Some(session) = &caller.session else {
        return Err(ApiError::denied(
            tianping_auth::DenyReason::RoleNotPermitted,
        ));
    };
    state.store.delete_session(session).await?;
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::Logout.id(),
        "session",
        "success",
        serde_json::json!({}),
    )
    .await?;
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, session_cookie(&state, "", 0)?);
    Ok(response)
}

/// The caller.
#[utoipa::path(get, path = "/api/v1/me", operation_id = "me", tag = "session",
    security(("session" = []), ("bearer" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "The caller", body = Me),
        (status = 401, description = "Not authenticated", body = ErrorBody)))]
pub async fn me(State(state): State<AppState>, caller: Caller) -> Result<Json<Me>, ApiError> {
    guard(&state, &caller, Operation::Me, Resource::Itself, "self").await?;
    match &caller.principal {
        Principal::Staff(staff) => {
            let account = state
                .store
                .account_by_id(&staff.user_id)
                .await?
                .ok_or_else(|| ApiError::not_found("账号 / account"))?;
            Ok(Json(me_of(&account, staff.fresh)))
        }
        Principal::Platform { supplier } => Ok(Json(Me {
            kind: "platform".into(),
            user_id: None,
            login: None,
            display_name: None,
            roles: vec![Role::Platform.as_str().into()],
            department: None,
            region: None,
            supplier: Some(supplier.clone()),
            fresh: false,
        })),
        Principal::Anonymous => Err(ApiError::denied(
            tianping_auth::DenyReason::NotAuthenticated,
        )),
    }
}

/// Roles from a request, validated (三权分立 and platform rules).
pub fn parse_roles(names: &[String]) -> Result<Roles, ApiError> {
    Roles::parse(names.iter().map(String::as_str)).map_err(|e| {
        let text = e.to_string();
        let (zh, en) = crate::error::bilingual(&text);
        ApiError::bad_request(format!("字段 roles：{zh}"), format!("field roles: {en}"))
    })
}
