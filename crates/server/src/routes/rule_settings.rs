//! Rule parameters over HTTP (issue 9): each rule version's parameters with the value in force on
//! a day and its source (`GET /api/v1/rules?as_of=`), a rule's settings history, and recording a
//! setting — system administrator only, re-authenticated, audited as a configuration change.
//!
//! Settings are append-only (the store's `param_settings`, guarded by the database): a new value
//! is a new setting from a first day on; a setting may not start before the day it is recorded,
//! so the value shown for a past day never changes after the fact. Values are validated as a
//! `--config` file's are (`tianping_detect::rules`): an unknown parameter, a value that is not a
//! number or is outside the declared bounds is a 400 naming the field and the value.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tianping_auth::{Operation, Resource};
use tianping_detect::rules::{ConfigError, resolve, validate_date, validate_value};
use tianping_store::params::{NewParamSetting, ParamSetting};
use utoipa::{IntoParams, ToSchema};

use crate::access::{Caller, audit, guard};
use crate::clock::stored;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiQuery};
use crate::routes::cockpit::beijing_today;
use crate::routes::data::Page;
use crate::routes::webadmin::check_reason;
use crate::state::AppState;

/// A configuration error as a 400 naming the field and the value.
fn bad_value(field: &str, e: &ConfigError) -> ApiError {
    let text = e.to_string();
    let (zh, en) = crate::error::bilingual(&text);
    ApiError::bad_request(
        format!("字段 {field} 无效：{zh}"),
        format!("field {field} is invalid: {en}"),
    )
}

/// A stored setting in force on `as_of` that the code's rules refuse: 409, naming it.
fn stale_setting(as_of: &str, e: &ConfigError) -> ApiError {
    tracing::warn!(as_of, error = %e, "a stored parameter setting no longer validates");
    let (id, why) = match e {
        ConfigError::Setting { id, source } => (Some(*id), source.to_string()),
        other => (None, other.to_string()),
    };
    let (zh, en) = crate::error::bilingual(&why);
    let id = id.map_or_else(String::new, |id| format!(" #{id}"));
    ApiError::conflict(
        format!(
            "{as_of} 在用的参数设置{id}不再符合当前规则：{zh}；请由系统管理员记录新的设置取代它"
        ),
        format!(
            "the setting{id} in force on {as_of} no longer validates: {en}; the system administrator records a new setting to supersede it"
        ),
    )
}

/// The day of the values (`as_of`, default today in Beijing by the server clock).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RulesQuery {
    /// The day whose values are shown (`YYYY-MM-DD`, Beijing); default today.
    #[param(value_type = Option<String>, format = Date)]
    pub as_of: Option<String>,
}

/// The rules of every detector: each version with its legal basis and period in force; for the
/// versions in force on `as_of`, each parameter's value that day and its source (`default`, a
/// stored `setting` with its id, first day, reason and author).
#[utoipa::path(get, path = "/api/v1/rules", operation_id = "list_rules", tag = "web",
    params(RulesQuery),
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "Rules of every detector, with the values on the day", body = Page),
        (status = 400, description = "Invalid parameter", body = ErrorBody),
        (status = 409, description = "A stored setting in force that day no longer validates", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn list_rules(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<RulesQuery>,
) -> Result<Json<Page>, ApiError> {
    guard(
        &state,
        &caller,
        Operation::ListRules,
        Resource::System,
        "rules",
    )
    .await?;
    let as_of = match q.as_of {
        Some(d) => {
            validate_date("", "", &d).map_err(|_| {
                ApiError::bad_request(
                    format!("参数 as_of 应为日期 YYYY-MM-DD：{d:?}"),
                    format!("parameter as_of must be a date YYYY-MM-DD: {d:?}"),
                )
            })?;
            d
        }
        None => beijing_today(&state).to_string(),
    };
    let rows = state.store.param_settings(None).await?;
    let all = tianping_detectors::rule_versions();
    // A stored setting in force that no longer validates (the code's bounds changed after it was
    // set) is neither the caller's fault nor a crash: a 409 naming the setting and the way out
    // (a new setting from a later day supersedes it), and a warning in the log.
    let resolved = resolve(
        &all,
        &tianping_service::params::as_settings(&rows),
        &Default::default(),
        &as_of,
    )
    .map_err(|e| stale_setting(&as_of, &e))?;
    let mut items = Vec::new();
    for d in tianping_detectors::all() {
        for rule in d.rules() {
            let now = resolved.iter().find(|r| {
                r.version.rule == rule.rule && r.version.effective_from == rule.effective_from
            });
            let values: Option<Vec<Value>> = now.map(|r| {
                r.params
                    .iter()
                    .map(|p| {
                        let mut v = json!(p);
                        if let Some(id) = v.get("setting_id").and_then(Value::as_i64)
                            && let Some(s) = rows.iter().find(|s| s.setting_id == id)
                        {
                            v["reason"] = json!(s.setting.reason);
                            v["set_by"] = json!(s.setting.set_by);
                            v["recorded_at"] = json!(s.setting.recorded_at);
                        }
                        v
                    })
                    .collect()
            });
            items.push(json!({
                "detector": d.id(),
                "detector_version": d.version(),
                "practice_zh": tianping_cases::practice::name_zh(d.id()),
                "practice_en": tianping_cases::practice::name_en(d.id()),
                "rule": rule,
                "as_of": as_of,
                "in_force": now.is_some(),
                "values": values,
            }));
        }
    }
    Ok(Json(Page { items }))
}

/// A stored parameter setting.
#[derive(Debug, Serialize, ToSchema)]
pub struct RuleSettingView {
    /// Assigned by the store, increasing.
    pub setting_id: i64,
    /// `<detector>.<rule>`.
    pub rule: String,
    /// Parameter name.
    pub param: String,
    /// Value.
    pub value: f64,
    /// First day it applies (Beijing).
    #[schema(format = Date)]
    pub effective_from: String,
    /// Why: the legal or policy basis.
    pub reason: String,
    /// Who recorded it (an account id, or `local:<user>` for the CLI's local operator).
    pub set_by: String,
    /// When it was recorded.
    pub recorded_at: String,
}

impl From<ParamSetting> for RuleSettingView {
    fn from(r: ParamSetting) -> RuleSettingView {
        RuleSettingView {
            setting_id: r.setting_id,
            rule: r.setting.rule,
            param: r.setting.param,
            value: r.setting.value,
            effective_from: r.setting.effective_from,
            reason: r.setting.reason,
            set_by: r.setting.set_by,
            recorded_at: r.setting.recorded_at,
        }
    }
}

/// A rule's settings.
#[derive(Debug, Serialize, ToSchema)]
pub struct RuleSettings {
    /// The settings, by parameter, first day and id.
    pub items: Vec<RuleSettingView>,
}

fn known_rule(rule_id: &str) -> Result<(), ApiError> {
    if tianping_detectors::rule_versions()
        .iter()
        .any(|v| v.rule == rule_id)
    {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("没有规则 {rule_id}"),
            format!("no rule {rule_id}"),
        ))
    }
}

/// A rule's parameter settings: every value recorded, its first day, reason, author and time.
#[utoipa::path(get, path = "/api/v1/rules/{rule_id}/settings", operation_id = "list_rule_settings", tag = "web",
    params(("rule_id" = String, Path, description = "`<detector>.<rule>`")),
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The rule's settings", body = RuleSettings),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody),
        (status = 404, description = "No such rule", body = ErrorBody)))]
pub async fn list_rule_settings(
    State(state): State<AppState>,
    caller: Caller,
    Path(rule_id): Path<String>,
) -> Result<Json<RuleSettings>, ApiError> {
    guard(
        &state,
        &caller,
        Operation::ListRuleSettings,
        Resource::System,
        "rules",
    )
    .await?;
    known_rule(&rule_id)?;
    let rows = state.store.param_settings(Some(&rule_id)).await?;
    Ok(Json(RuleSettings {
        items: rows.into_iter().map(RuleSettingView::from).collect(),
    }))
}

/// A new parameter setting.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateRuleSettingRequest {
    /// Parameter name (one the rule declares).
    #[schema(min_length = 1, max_length = 100)]
    pub param: String,
    /// Value, within the parameter's declared bounds.
    pub value: f64,
    /// First day it applies (`YYYY-MM-DD`, Beijing), not before today.
    #[schema(format = Date)]
    pub effective_from: String,
    /// Why: the legal or policy basis, 2–500 characters, no control characters.
    #[schema(
        min_length = 2,
        max_length = 500,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    pub reason: String,
}

/// Records a parameter setting (system administrator; re-authentication within five minutes;
/// audited as a configuration change). Detection applies it from its first day on.
#[utoipa::path(post, path = "/api/v1/rules/{rule_id}/settings", operation_id = "create_rule_setting", tag = "admin",
    params(("rule_id" = String, Path, description = "`<detector>.<rule>`")),
    request_body = CreateRuleSettingRequest,
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 201, description = "Recorded", body = RuleSettingView),
        (status = 400, description = "Invalid field", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or re-authentication needed", body = ErrorBody),
        (status = 404, description = "No such rule", body = ErrorBody)))]
pub async fn create_rule_setting(
    State(state): State<AppState>,
    caller: Caller,
    Path(rule_id): Path<String>,
    ApiJson(req): ApiJson<CreateRuleSettingRequest>,
) -> Result<Response, ApiError> {
    guard(
        &state,
        &caller,
        Operation::CreateRuleSetting,
        Resource::System,
        "rules",
    )
    .await?;
    known_rule(&rule_id)?;
    let all = tianping_detectors::rule_versions();
    validate_value(&rule_id, &req.param, req.value, &all).map_err(|e| {
        let field = match e {
            ConfigError::UnknownParam { .. } => "param",
            _ => "value",
        };
        bad_value(field, &e)
    })?;
    validate_date(&rule_id, &req.param, &req.effective_from)
        .map_err(|e| bad_value("effective_from", &e))?;
    let today = beijing_today(&state).to_string();
    if req.effective_from < today {
        return Err(ApiError::bad_request(
            format!(
                "字段 effective_from 无效：{} 早于今天 {today}；设定不能改变过去的取值",
                req.effective_from
            ),
            format!(
                "field effective_from is invalid: {} is before today {today}; a setting cannot change past values",
                req.effective_from
            ),
        ));
    }
    check_reason(&req.reason)?;
    let setting = state
        .store
        .add_param_setting(&NewParamSetting {
            rule: rule_id.clone(),
            param: req.param.clone(),
            value: req.value,
            effective_from: req.effective_from.clone(),
            reason: req.reason.clone(),
            set_by: caller.actor.clone(),
            recorded_at: stored(state.clock.now()),
        })
        .await?;
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::CreateRuleSetting.id(),
        &format!("rule:{rule_id}/{}", req.param),
        "success",
        json!({
            "setting_id": setting.setting_id, "rule": rule_id, "param": req.param,
            "value": req.value, "effective_from": req.effective_from, "reason": req.reason,
        }),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(RuleSettingView::from(setting))).into_response())
}
