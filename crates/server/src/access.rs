//! Who is calling, and the two things every handler does with it: [`guard`] asks
//! `tianping_auth::authorize` (and audits a denial), [`audit`] appends to the audit log and fails
//! closed — if the record cannot be written, the audited action does not happen.
//!
//! Credentials: staff send the session token as the `tianping_session` cookie or as
//! `Authorization: Bearer tps_…`; platforms send `X-Api-Key: tpk_…` (or `Authorization: Bearer
//! tpk_…`). Invalid, expired or revoked credentials make the caller anonymous.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use tianping_auth::policy::Staff;
use tianping_auth::session::{SessionTimes, Token, TokenKind};
use tianping_auth::{
    Adcode, Decision, Operation, Principal, Resource, Roles, Scope, ScopeRule, authorize,
};
use tianping_store::accounts::AuditEvent;
use tianping_store::cases::AlertRow;

use crate::clock::{parse_stored, stored};
use crate::error::ApiError;
use crate::metrics::Event;
use crate::state::AppState;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "tianping_session";

/// The caller of a request.
#[derive(Debug, Clone)]
pub struct Caller {
    /// Who, for the policy.
    pub principal: Principal,
    /// Who, for the audit log: an account id, `platform:<supplier>` or `anonymous`.
    pub actor: String,
    /// The session's token hash, for staff.
    pub session: Option<String>,
    /// Client address.
    pub source: String,
}

/// A credential header as presented: absent, readable, or present but unreadable.
enum Presented<'a> {
    Absent,
    Text(&'a str),
    Unreadable,
}

/// The `Authorization` header: a bearer token (scheme name in any case, RFC 9110 §11.1), or
/// unreadable (another scheme, no token, not text).
fn bearer(headers: &HeaderMap) -> Presented<'_> {
    let Some(value) = headers.get("authorization") else {
        return Presented::Absent;
    };
    match value.to_str().ok().and_then(|v| v.split_once(' ')) {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") && !token.is_empty() => {
            Presented::Text(token)
        }
        _ => Presented::Unreadable,
    }
}

/// The `X-Api-Key` header.
fn api_key_header(headers: &HeaderMap) -> Presented<'_> {
    match headers.get("x-api-key").map(|v| v.to_str()) {
        None => Presented::Absent,
        Some(Ok(text)) => Presented::Text(text),
        Some(Err(_)) => Presented::Unreadable,
    }
}

/// The storage hash of the platform API key a request presents (`X-Api-Key`, or a `Bearer
/// tpk_…` token), without consulting the store: what [`crate::limit::PlatformLimiter`] charges.
pub fn presented_key_hash(headers: &HeaderMap) -> Option<String> {
    let text = match (api_key_header(headers), bearer(headers)) {
        (Presented::Text(key), _) => key,
        (_, Presented::Text(token)) if token.starts_with("tpk_") => token,
        _ => return None,
    };
    Token::parse(TokenKind::ApiKey, text).map(|t| t.storage_hash())
}

fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all("cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The client address, when the server was started with connect info.
fn source_of(parts: &Parts) -> String {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

impl Caller {
    fn anonymous(source: String) -> Caller {
        Caller {
            principal: Principal::Anonymous,
            actor: "anonymous".into(),
            session: None,
            source,
        }
    }

    async fn resolve(state: &AppState, parts: &Parts) -> Result<Caller, ApiError> {
        let source = source_of(parts);
        let headers = &parts.headers;
        // Every credential presented must agree: an API key with a session, a bearer token of
        // unknown kind, an `Authorization` or `X-Api-Key` header that cannot be read, or a
        // cookie that differs from the bearer token make the caller anonymous (fail closed
        // rather than pick one).
        let bearer = match bearer(headers) {
            Presented::Absent => None,
            Presented::Text(token) => Some(token),
            Presented::Unreadable => return Ok(Caller::anonymous(source)),
        };
        let header_key = match api_key_header(headers) {
            Presented::Absent => None,
            Presented::Text(key) => Some(key),
            Presented::Unreadable => return Ok(Caller::anonymous(source)),
        };
        let cookie = cookie(headers, SESSION_COOKIE);
        let bearer_key = bearer.filter(|b| b.starts_with("tpk_"));
        let bearer_session = bearer.filter(|b| b.starts_with("tps_"));
        if bearer.is_some() && bearer_key.is_none() && bearer_session.is_none() {
            return Ok(Caller::anonymous(source));
        }
        let key_text = match (header_key, bearer_key) {
            (Some(a), Some(b)) if a != b => return Ok(Caller::anonymous(source)),
            (a, b) => a.or(b),
        };
        let session_text = match (bearer_session, cookie) {
            (Some(a), Some(b)) if a != b => return Ok(Caller::anonymous(source)),
            (a, b) => a.or(b),
        };
        if key_text.is_some() && session_text.is_some() {
            return Ok(Caller::anonymous(source));
        }
        if let Some(text) = key_text {
            let Some(token) = Token::parse(TokenKind::ApiKey, text) else {
                return Ok(Caller::anonymous(source));
            };
            let hash = token.storage_hash();
            return Ok(match state.store.api_key(&hash).await? {
                Some(key) if !key.revoked => {
                    state.platform_rate.learn(&hash, &key.supplier);
                    Caller {
                        actor: format!("platform:{}", key.supplier),
                        principal: Principal::Platform {
                            supplier: key.supplier,
                        },
                        session: None,
                        source,
                    }
                }
                _ => Caller::anonymous(source),
            });
        }
        let Some(token) = session_text.and_then(|t| Token::parse(TokenKind::Session, t)) else {
            return Ok(Caller::anonymous(source));
        };
        let hash = token.storage_hash();
        let Some(session) = state.store.session(&hash).await? else {
            return Ok(Caller::anonymous(source));
        };
        let now = state.clock.now();
        let times = match (
            parse_stored(&session.created_at),
            parse_stored(&session.last_seen),
            parse_stored(&session.authenticated_at),
        ) {
            (Some(created_at), Some(last_seen), Some(authenticated_at)) => SessionTimes {
                created_at,
                last_seen,
                authenticated_at,
            },
            _ => return Err(ApiError::internal("stored session times unreadable")),
        };
        if times.check(now).is_err() {
            state.store.delete_session(&hash).await?;
            return Ok(Caller::anonymous(source));
        }
        let Some(account) = state.store.account_by_id(&session.user_id).await? else {
            return Ok(Caller::anonymous(source));
        };
        if account.disabled {
            return Ok(Caller::anonymous(source));
        }
        let roles = Roles::parse(account.roles.split(','))
            .map_err(|e| ApiError::internal(format!("stored roles: {e}")))?;
        let scope = Scope::parse(&account.department, &account.region)
            .map_err(|e| ApiError::internal(format!("stored scope: {e}")))?;
        state.store.touch_session(&hash, &stored(now)).await?;
        Ok(Caller {
            actor: account.user_id.clone(),
            principal: Principal::Staff(Staff {
                user_id: account.user_id,
                roles,
                scope,
                fresh: times.is_fresh(now),
            }),
            session: Some(hash),
            source,
        })
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Caller, ApiError> {
        let caller = Caller::resolve(state, parts).await?;
        // The access log's `actor`: an account id, `platform:<supplier>` or `anonymous`.
        tracing::Span::current().record("actor", tracing::field::display(&caller.actor));
        Ok(caller)
    }
}

/// Appends an audit event, phone and ID numbers in its target and detail masked; an error means
/// the action must not happen (fail closed).
pub async fn audit(
    state: &AppState,
    actor: &str,
    source: &str,
    action: &str,
    target: &str,
    outcome: &str,
    mut detail: serde_json::Value,
) -> Result<(), ApiError> {
    // Targets and details hold what callers sent (a path id, a reason, a login name): phone and
    // ID numbers in them are recorded masked.
    crate::mask::mask_json(&mut detail);
    let event = AuditEvent {
        at: stored(state.clock.now()),
        actor: actor.to_string(),
        action: action.to_string(),
        target: crate::mask::mask_text(target),
        outcome: outcome.to_string(),
        detail: detail.to_string(),
        source: source.to_string(),
    };
    state.store.append_audit(&event).await.map_err(|e| {
        tracing::error!(error = %crate::reqlog::safe(&e), "audit write failed: refusing the action");
        ApiError::unavailable(
            "审计日志无法写入，操作未执行",
            "the audit log cannot be written; the action was not done",
        )
    })?;
    Ok(())
}

/// Asks the policy; a denial is counted, audited and returned as the error to answer.
pub async fn guard(
    state: &AppState,
    caller: &Caller,
    op: Operation,
    resource: Resource<'_>,
    target: &str,
) -> Result<ScopeRule, ApiError> {
    match authorize(&caller.principal, op, resource) {
        Decision::Allow(rule) => Ok(rule),
        Decision::Deny(reason) => {
            state.metrics.count(Event::Denied);
            tracing::info!(op = op.id(), actor = %caller.actor, ?reason, "access denied");
            audit(
                state,
                &caller.actor,
                &caller.source,
                op.id(),
                target,
                "denied",
                serde_json::json!({ "reason": format!("{reason:?}") }),
            )
            .await?;
            Err(ApiError::denied(reason))
        }
    }
}

/// A record of delivered data: owned by the configured unit, delivered by `supplier`.
pub fn delivered<'a>(state: &'a AppState, supplier: Option<&'a str>) -> Resource<'a> {
    Resource::Record {
        scope: &state.config.data_owner,
        supplier,
    }
}

/// What a caller acting on an alert must reach: the data owner's department in the alert's
/// region (as for a finding, [`finding_unit`]) and the platform whose data it comes from (its
/// subject's platform, or the platform it is about).
pub fn alert_unit(state: &AppState, alert: &AlertRow) -> (Scope, Option<String>) {
    let platform = alert
        .subject_platform
        .clone()
        .or_else(|| (alert.subject_kind == "platform").then(|| alert.subject_id.clone()));
    (
        finding_unit(&state.config.data_owner, alert.region.as_deref()),
        platform,
    )
}

/// What a caller reading the profile of a merchant of `platform` placed in `place` (its
/// `ProfileIndex::place`) must reach: the data owner's department in that place, as for a
/// finding ([`finding_unit`]), and the platform's delivered data. Give it as the `scope` of
/// [`Resource::Record`] with `supplier: Some(platform)`.
pub fn merchant_unit(state: &AppState, place: Option<&str>) -> Scope {
    finding_unit(&state.config.data_owner, place)
}

/// Whether `caller` may read the profile of a merchant of `platform` placed in `place` (the
/// decision `get_merchant` makes), asked without an audit entry: for what a response shows
/// beside other rows, not for a request.
pub fn may_read_merchant(
    state: &AppState,
    caller: &Caller,
    platform: &str,
    place: Option<&str>,
) -> bool {
    let unit = merchant_unit(state, place);
    matches!(
        authorize(
            &caller.principal,
            Operation::GetMerchant,
            Resource::Record {
                scope: &unit,
                supplier: Some(platform),
            },
        ),
        Decision::Allow(_)
    )
}

/// The unit a finding belongs to (属地管辖): the data owner's department, in the finding's stored
/// region when that is a division code inside the owner's region, else in the owner's region (no
/// region stored, or a subject outside the owner's region: the finding stays with the owner).
/// Give it as the `scope` of the finding's [`Resource::Record`].
pub fn finding_unit(owner: &Scope, region: Option<&str>) -> Scope {
    let region = region
        .and_then(|r| Adcode::parse(r).ok())
        .filter(|r| owner.region.covers(r))
        .unwrap_or_else(|| owner.region.clone());
    Scope {
        department: owner.department.clone(),
        region,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_is_the_owners_in_its_region_inside_the_owners() {
        let owner = Scope::parse("wangjian", "330100").unwrap();
        let unit = |r: Option<&str>| finding_unit(&owner, r).region.as_str().to_string();
        assert_eq!(
            unit(Some("330106")),
            "330106",
            "a district of the owner's city"
        );
        assert_eq!(unit(Some("330100")), "330100");
        assert_eq!(unit(None), "330100", "unknown: the owner's");
        assert_eq!(
            unit(Some("330203")),
            "330100",
            "another city: stays with the owner"
        );
        assert_eq!(
            unit(Some("330000")),
            "330100",
            "wider than the owner: the owner's"
        );
        assert_eq!(unit(Some("bad")), "330100");
        assert_eq!(
            finding_unit(&owner, Some("330106")).department,
            owner.department
        );
    }
}
