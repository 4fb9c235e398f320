//! The case desk and the evidence log for the interface: clue and case queues, one case with its
//! timeline, opening a clue from an alert (`tianping_service::cases::Desk`), exporting a case file
//! as a signed evidence bundle (a zip of the bundle directory, audited), the current signed tree
//! head, and verifying an uploaded bundle against the installation's public key only — nothing
//! stored is consulted, so a bundle verifies or fails on its own bytes.
//!
//! Clues and cases carry their own department and region: one record is guarded with its scope,
//! lists keep only rows the caller's filter admits.

use std::io::{Read, Write};
use std::path::Path as FsPath;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use tianping_auth::policy::Staff;
use tianping_auth::{Operation, Principal, Resource, Role, Scope};
use tianping_evidence::HashAlg;
use tianping_evidence::bundle::{HeadJson, VerifyOptions, verify_bundle_with};
use tianping_service::cases::{CaseServiceError, Desk};
use tianping_service::evidence::{self, EvidenceKey};
use tianping_store::cases::{CaseRow, QueueFilter};
use utoipa::{IntoParams, ToSchema};

use crate::access::{Caller, alert_unit, audit, guard};
use crate::error::{ApiError, ErrorBody, bilingual};
use crate::extract::{ApiJson, ApiQuery};
use crate::mask::mask_json;
use crate::routes::cockpit::{beijing_today, list_guard};
use crate::routes::data::{CursorPage, cursor, page};
use crate::routes::notice_desk::unit_scope;
use crate::state::AppState;

/// Largest uploaded bundle (zip), bytes.
pub const MAX_BUNDLE_BYTES: usize = 64 * 1024 * 1024;
/// Most files in an uploaded bundle.
const MAX_BUNDLE_FILES: usize = 20_000;
/// Most bytes unpacked from an uploaded bundle.
const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// Uploaded bundles verified at once (the endpoint is public); more are answered 503.
static VERIFYING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

fn case_error(e: CaseServiceError) -> ApiError {
    match &e {
        CaseServiceError::NotFound(_) => ApiError::not_found("线索或案件 / clue or case"),
        CaseServiceError::AlreadyClue { .. } | CaseServiceError::Conflict { .. } => {
            let text = e.to_string();
            let (zh, en) = bilingual(&text);
            ApiError::conflict(zh, en)
        }
        CaseServiceError::Refused(_) => {
            let text = e.to_string();
            let (zh, en) = bilingual(&text);
            ApiError::bad_request(zh, en)
        }
        _ => ApiError::internal(e),
    }
}

fn case_scope(row: &CaseRow) -> Result<Scope, ApiError> {
    Scope::parse(&row.department, &row.region)
        .map_err(|e| ApiError::internal(format!("stored case scope: {e}")))
}

/// Filters of the case queue.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CaseQuery {
    /// Rows per page, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page (absent: the first page).
    #[param(max_length = 2048, pattern = "^[0-9a-f]+$")]
    pub cursor: Option<String>,
    /// `open` (default), `overdue`, `due_unknown` or `all` (finished ones too).
    #[param(pattern = "^(open|overdue|due_unknown|all)$")]
    pub queue: Option<String>,
}

fn row_json(c: &CaseRow) -> Value {
    json!({
        "case_id": c.case_id, "alert_id": c.alert_id, "state": c.state,
        "department": c.department, "region": c.region, "deadline_kind": c.deadline_kind,
        "due_date": c.due_date, "due_unknown": c.due_unknown, "dispute_due": c.dispute_due,
        "version": c.version, "opened_at_ms": c.opened_at_ms, "updated_at_ms": c.updated_at_ms,
    })
}

/// Clues and cases in the caller's scope: earliest due first, unknown due dates last.
#[utoipa::path(get, path = "/api/v1/cases", operation_id = "list_cases", tag = "web",
    params(CaseQuery),
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "Clues and cases in the caller's scope, by keyset page", body = CursorPage),
        (status = 400, description = "Invalid parameter", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn list_cases(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<CaseQuery>,
) -> Result<Json<CursorPage>, ApiError> {
    let (limit, _) = page(q.limit, None)?;
    let after = cursor(q.cursor.as_deref(), 2)?;
    let mut queue = QueueFilter::default();
    match q.queue.as_deref().unwrap_or("open") {
        "open" => {}
        "overdue" => queue.overdue_on = Some(beijing_today(&state).to_string()),
        "due_unknown" => queue.due_unknown = true,
        "all" => queue.include_finished = true,
        other => {
            return Err(ApiError::bad_request(
                format!("参数 queue 的值 {other:?} 无效：应为 open、overdue、due_unknown 或 all"),
                format!(
                    "parameter queue = {other:?} is invalid: open, overdue, due_unknown or all"
                ),
            ));
        }
    }
    let filter = list_guard(&state, &caller, Operation::ListCases, "cases").await?;
    // The caller's reach is part of the store query: no foreign row is fetched.
    let rows = state
        .store
        .cases_page(&unit_scope(&filter), &queue, after.as_ref(), limit)
        .await?;
    let mut items: Vec<Value> = rows.items.iter().map(row_json).collect();
    items.iter_mut().for_each(mask_json);
    Ok(Json(CursorPage {
        items,
        next_cursor: rows.next,
    }))
}

async fn guarded_case(
    state: &AppState,
    caller: &Caller,
    op: Operation,
    case_id: &str,
) -> Result<CaseRow, ApiError> {
    let target = format!("case:{case_id}");
    // The role check first, so an unpermitted caller learns nothing about which ids exist.
    guard(state, caller, op, Resource::Collection, &target).await?;
    let row = state
        .store
        .case(case_id)
        .await?
        .ok_or_else(|| ApiError::not_found("线索或案件 / clue or case"))?;
    let scope = case_scope(&row)?;
    guard(
        state,
        caller,
        op,
        Resource::Record {
            scope: &scope,
            supplier: None,
        },
        &target,
    )
    .await?;
    Ok(row)
}

/// One clue or case: its stored row, the case (state, deadlines, parties) and every event.
#[utoipa::path(get, path = "/api/v1/cases/{case_id}", operation_id = "get_case", tag = "web",
    params(("case_id" = String, Path, description = "Clue or case id")),
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The case with its events", body = Object),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or out of scope", body = ErrorBody),
        (status = 404, description = "No such clue or case", body = ErrorBody)))]
pub async fn get_case(
    State(state): State<AppState>,
    caller: Caller,
    Path(case_id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let row = guarded_case(&state, &caller, Operation::GetCase, &case_id).await?;
    let case: Value = serde_json::from_str(&row.body).map_err(ApiError::internal)?;
    let stored = state.store.case_events(&case_id).await?;
    // Each actor's display name, when the actor is a staff account (a colleague's name is what
    // the timeline reads; system actors and unknown ids have none).
    let mut names: std::collections::BTreeMap<&str, Option<String>> = Default::default();
    for e in &stored {
        if !names.contains_key(e.actor.as_str()) {
            let name = state
                .store
                .account_by_id(&e.actor)
                .await?
                .map(|a| a.display_name);
            names.insert(e.actor.as_str(), name);
        }
    }
    let events: Vec<Value> = stored
        .iter()
        .map(|e| {
            let actor_name = names.get(e.actor.as_str()).cloned().flatten();
            json!({"seq": e.seq, "actor": e.actor, "actor_name": actor_name, "role": e.role,
                   "action": e.action, "from_state": e.from_state, "to_state": e.to_state,
                   "reason": e.reason, "at_ms": e.at_ms})
        })
        .collect();
    let mut body = json!({"row": row_json(&row), "case": case, "events": events});
    mask_json(&mut body);
    Ok(Json(body))
}

/// Opening a clue from an alert.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenClueRequest {
    /// Why (recorded in the case's first event), 2–500 characters.
    #[schema(min_length = 2, max_length = 500)]
    pub reason: String,
    /// 交办: the receiving department (id or Chinese name, from `GET /api/v1/units`); default the
    /// caller's own. It must be active and in the caller's reach (`open_clue` of its scope).
    #[schema(max_length = 64)]
    pub department: Option<String>,
    /// The receiving region (6-digit division code inside the department's); default the
    /// department's own region (the caller's, when no department is given).
    #[schema(pattern = "^[1-9][0-9]{5}$")]
    pub region: Option<String>,
}

/// The unit a clue is assigned to: the caller's own, or the chosen department (resolved through
/// the registry: unknown or inactive refused with the choices) in a region inside its own.
async fn clue_unit(
    state: &AppState,
    own: &Scope,
    department: Option<&str>,
    region: Option<&str>,
) -> Result<Scope, ApiError> {
    let Some(department) = department else {
        return match region {
            None => Ok(own.clone()),
            Some(_) => Err(ApiError::bad_request(
                "给出 region 时须同时给出 department",
                "field region needs field department",
            )),
        };
    };
    let registry = tianping_service::departments::load(state.store.as_ref())
        .await
        .map_err(ApiError::internal)?;
    let d = registry.assignable(department.trim()).map_err(|e| {
        let text = e.to_string();
        let (zh, en) = bilingual(&text);
        ApiError::bad_request(
            format!("字段 department：{zh}"),
            format!("field department: {en}"),
        )
    })?;
    let region = match region {
        None => d.region.clone(),
        Some(r) => {
            let r = tianping_auth::Adcode::parse(r.trim()).map_err(|e| {
                let text = e.to_string();
                let (zh, en) = bilingual(&text);
                ApiError::bad_request(format!("字段 region：{zh}"), format!("field region: {en}"))
            })?;
            if !d.region.covers(&r) {
                return Err(ApiError::bad_request(
                    format!(
                        "字段 region = {} 不在部门 {}（{}）的辖区 {} 内",
                        r.as_str(),
                        d.id.as_str(),
                        d.name_zh,
                        d.region.as_str()
                    ),
                    format!(
                        "field region = {} is outside department {}'s region {}",
                        r.as_str(),
                        d.id.as_str(),
                        d.region.as_str()
                    ),
                ));
            }
            r
        }
    };
    Ok(Scope {
        department: d.id.clone(),
        region,
    })
}

/// Opens a clue from an open alert, assigned to the caller's own department and region or, when
/// `department` is given, dispatched (交办) to that unit — a case officer inside their own
/// department's reach, a leader anywhere in their region (case officers act as 交办人员, leaders
/// as 审批人).
#[utoipa::path(post, path = "/api/v1/alerts/{alert_id}/clue", operation_id = "open_clue", tag = "web",
    params(("alert_id" = String, Path, description = "Alert id")),
    request_body = OpenClueRequest,
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 201, description = "The clue", body = Object),
        (status = 400, description = "Invalid body or refused by the case rules", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or out of scope", body = ErrorBody),
        (status = 404, description = "No such alert", body = ErrorBody),
        (status = 409, description = "The alert already has a clue", body = ErrorBody)))]
pub async fn open_clue(
    State(state): State<AppState>,
    caller: Caller,
    Path(alert_id): Path<String>,
    ApiJson(req): ApiJson<OpenClueRequest>,
) -> Result<Response, ApiError> {
    let target = format!("alert:{alert_id}");
    guard(
        &state,
        &caller,
        Operation::OpenClue,
        Resource::Collection,
        &target,
    )
    .await?;
    let n = req.reason.chars().count();
    if !(2..=500).contains(&n) || req.reason.chars().any(char::is_control) {
        return Err(ApiError::bad_request(
            "字段 reason 须为 2–500 个字符",
            "field reason must be 2–500 characters",
        ));
    }
    let alert = state
        .store
        .alerts(None)
        .await?
        .into_iter()
        .find(|a| a.alert_id == alert_id)
        .ok_or_else(|| ApiError::not_found("预警 / alert"))?;
    let (reach, platform) = alert_unit(&state, &alert);
    guard(
        &state,
        &caller,
        Operation::OpenClue,
        Resource::Record {
            scope: &reach,
            supplier: platform.as_deref(),
        },
        &target,
    )
    .await?;
    let Principal::Staff(Staff { roles, scope, .. }) = &caller.principal else {
        return Err(ApiError::internal("open_clue allowed a non-staff caller"));
    };
    let unit = clue_unit(
        &state,
        scope,
        req.department.as_deref(),
        req.region.as_deref(),
    )
    .await?;
    if &unit != scope {
        let target = format!(
            "alert:{alert_id} → {}/{}",
            unit.department.as_str(),
            unit.region.as_str()
        );
        guard(
            &state,
            &caller,
            Operation::OpenClue,
            Resource::Record {
                scope: &unit,
                supplier: None,
            },
            &target,
        )
        .await?;
    }
    let role = if roles.contains(Role::CaseOfficer) {
        tianping_cases::case::Role::Dispatcher
    } else {
        tianping_cases::case::Role::Approver
    };
    let actor = tianping_cases::case::Actor {
        id: caller.actor.clone(),
        role,
    };
    let desk = Desk::embedded().map_err(ApiError::internal)?;
    let case = desk
        .open_clue(
            state.store.as_ref(),
            &alert_id,
            &actor,
            unit.department.as_str(),
            unit.region.as_str(),
            &req.reason,
            state.clock.now().timestamp_millis(),
        )
        .await
        .map_err(case_error)?;
    let mut body = serde_json::to_value(&case).map_err(ApiError::internal)?;
    mask_json(&mut body);
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// An action on a clue or case.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActRequest {
    /// The action: a name (`start_verification`, `file`, `close`, …) or an object with its data,
    /// e.g. `{"action":"transfer","to_department":"jiage","to_region":"330106"}`.
    #[schema(value_type = Object)]
    pub action: Value,
    /// Why, 2–500 characters (recorded in the event).
    #[schema(min_length = 2, max_length = 500)]
    pub reason: String,
}

/// Takes an action on a clue or case through the case state machine: stored with its event only
/// if nobody moved the case meanwhile (409 otherwise). Inspectors act as 办案人员, case officers
/// as 办案人员 or 交办人员, leaders as 审批人.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/actions", operation_id = "act_case", tag = "web",
    params(("case_id" = String, Path, description = "Clue or case id")),
    request_body = ActRequest,
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The case after the action", body = Object),
        (status = 400, description = "Invalid body, or refused by the case rules (state, role, deadline)", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or out of scope", body = ErrorBody),
        (status = 404, description = "No such clue or case", body = ErrorBody),
        (status = 409, description = "The case was changed meanwhile", body = ErrorBody)))]
pub async fn act_case(
    State(state): State<AppState>,
    caller: Caller,
    Path(case_id): Path<String>,
    ApiJson(req): ApiJson<ActRequest>,
) -> Result<Json<Value>, ApiError> {
    let row = guarded_case(&state, &caller, Operation::ActCase, &case_id).await?;
    let n = req.reason.chars().count();
    if !(2..=500).contains(&n) || req.reason.chars().any(char::is_control) {
        return Err(ApiError::bad_request(
            "字段 reason 须为 2–500 个字符",
            "field reason must be 2–500 characters",
        ));
    }
    let action_json = match req.action {
        Value::String(name) => json!({ "action": name }),
        other => other,
    };
    let action: tianping_cases::case::Action = serde_json::from_value(action_json.clone())
        .map_err(|e| {
            ApiError::bad_request(
                format!("字段 action 的值 {action_json} 无效：{e}"),
                format!("field action = {action_json} is invalid: {e}"),
            )
        })?;
    if let tianping_cases::case::Action::AssignInvestigators { investigators } = &action {
        check_investigators(&state, &case_scope(&row)?, investigators).await?;
    }
    let Principal::Staff(Staff { roles, .. }) = &caller.principal else {
        return Err(ApiError::internal("act_case allowed a non-staff caller"));
    };
    use tianping_cases::case::Role as CaseRole;
    let mut candidates = Vec::new();
    if roles.contains(Role::CaseOfficer) {
        candidates.extend([CaseRole::Officer, CaseRole::Dispatcher]);
    }
    if roles.contains(Role::Inspector) {
        candidates.push(CaseRole::Officer);
    }
    if roles.contains(Role::Leader) {
        candidates.push(CaseRole::Approver);
    }
    let allowed = action.allowed_roles();
    let role = candidates
        .iter()
        .copied()
        .find(|r| allowed.contains(r))
        .or(candidates.first().copied())
        .ok_or_else(|| ApiError::internal("act_case allowed a caller without a case role"))?;
    let actor = tianping_cases::case::Actor {
        id: caller.actor.clone(),
        role,
    };
    let desk = Desk::embedded().map_err(ApiError::internal)?;
    let case = desk
        .act(
            state.store.as_ref(),
            &case_id,
            &actor,
            action,
            &req.reason,
            state.clock.now().timestamp_millis(),
        )
        .await
        .map_err(case_error)?;
    let mut body = serde_json::to_value(&case).map_err(ApiError::internal)?;
    mask_json(&mut body);
    Ok(Json(body))
}

/// Every named investigator must be an enabled account with an inspector or case-officer role
/// that could act on the case itself (its unit, or a region covering it): a 400 names the first
/// that is not. The count (at least two) is the case rules' to refuse.
async fn check_investigators(
    state: &AppState,
    case: &Scope,
    investigators: &[String],
) -> Result<(), ApiError> {
    for id in investigators
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
    {
        let why = match state.store.account_by_id(id).await? {
            None => Some(("没有此账号", "no such account")),
            Some(a) if a.disabled => Some(("账号已停用", "the account is disabled")),
            Some(a) => match (
                crate::routes::units::investigator_roles(&a.roles),
                Scope::parse(&a.department, &a.region),
                tianping_auth::Roles::parse(a.roles.split(',')),
            ) {
                (None, _, _) => Some((
                    "不是执法检查人员或办案人员",
                    "neither an inspector nor a case officer",
                )),
                (Some(_), Ok(scope), Ok(roles)) => {
                    let principal = Principal::Staff(Staff {
                        user_id: a.user_id.clone(),
                        roles,
                        scope,
                        fresh: false,
                    });
                    let reach = tianping_auth::authorize(
                        &principal,
                        Operation::ActCase,
                        Resource::Record {
                            scope: case,
                            supplier: None,
                        },
                    );
                    (!reach.is_allowed()).then_some((
                        "不属于本案的部门和辖区",
                        "outside the case's department and region",
                    ))
                }
                (Some(_), _, _) => {
                    Some(("账号的角色或部门无法读取", "the account does not decode"))
                }
            },
        };
        if let Some((zh, en)) = why {
            let shown: String = id.chars().take(64).collect();
            return Err(ApiError::bad_request(
                format!("字段 action.investigators 中的 {shown:?} 不能作为本案办案人员：{zh}"),
                format!("field action.investigators: {shown:?} cannot investigate this case: {en}"),
            ));
        }
    }
    Ok(())
}

/// Adds every file under `dir` to the zip, with paths relative to `root`.
fn zip_dir<W: Write + std::io::Seek>(
    zip: &mut zip::ZipWriter<W>,
    root: &FsPath,
    dir: &FsPath,
) -> Result<(), ApiError> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(ApiError::internal)?
        .collect::<Result<_, _>>()
        .map_err(ApiError::internal)?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            zip_dir(zip, root, &path)?;
        } else {
            let rel = path
                .strip_prefix(root)
                .map_err(ApiError::internal)?
                .to_string_lossy()
                .replace('\\', "/");
            zip.start_file(rel, zip::write::SimpleFileOptions::default())
                .map_err(ApiError::internal)?;
            let bytes = std::fs::read(&path).map_err(ApiError::internal)?;
            zip.write_all(&bytes).map_err(ApiError::internal)?;
        }
    }
    Ok(())
}

/// The case file (卷宗) of a clue or case as a signed evidence bundle (zip): every event of the
/// case and every finding of its alert, under a freshly recorded head. Audited.
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/bundle", operation_id = "export_case", tag = "web",
    params(("case_id" = String, Path, description = "Clue or case id")),
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The bundle as a zip", content_type = "application/zip", body = Vec<u8>),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or out of scope", body = ErrorBody),
        (status = 404, description = "No such clue or case", body = ErrorBody)))]
pub async fn export_case(
    State(state): State<AppState>,
    caller: Caller,
    Path(case_id): Path<String>,
) -> Result<Response, ApiError> {
    guarded_case(&state, &caller, Operation::ExportCase, &case_id).await?;
    let store = state.store.as_ref();
    let (items, missing) = evidence::case_file_items(store, &case_id)
        .await
        .map_err(ApiError::internal)?;
    let key = EvidenceKey::load_or_create(&state.home).map_err(ApiError::internal)?;
    let now_ms = state.clock.now().timestamp_millis();
    // Evidence access is audited before anything leaves (fail closed).
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::ExportCase.id(),
        &format!("case:{case_id}"),
        "success",
        json!({ "entries": items.len(), "not_in_log": missing.len() }),
    )
    .await?;
    let tmp = tempfile::tempdir().map_err(ApiError::internal)?;
    let dir = tmp.path().join("bundle");
    evidence::export(
        store,
        &key,
        HashAlg::Sha256,
        &format!("卷宗 case file {case_id}"),
        &items,
        now_ms,
        &dir,
    )
    .await
    .map_err(ApiError::internal)?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip_dir(&mut zip, &dir, &dir)?;
    let bytes = zip.finish().map_err(ApiError::internal)?.into_inner();
    let mut response = (StatusCode::OK, bytes).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/zip"),
    );
    let safe: String = case_id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .take(80)
        .collect();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"case-{safe}.zip\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}

/// The current signed tree head of the SHA-256 log and the key that signs it.
#[utoipa::path(get, path = "/api/v1/evidence/head", operation_id = "evidence_head", tag = "web",
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The signed head (bundle format) and the public key", body = Object),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn evidence_head(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Value>, ApiError> {
    guard(
        &state,
        &caller,
        Operation::EvidenceHead,
        Resource::Collection,
        "evidence:head",
    )
    .await?;
    let key = EvidenceKey::load_or_create(&state.home).map_err(ApiError::internal)?;
    let signed = evidence::current_head(
        state.store.as_ref(),
        &key,
        HashAlg::Sha256,
        state.clock.now().timestamp_millis(),
    )
    .await
    .map_err(ApiError::internal)?;
    let public = key.public_key();
    let head = HeadJson::from_signed(&signed);
    // Who saw which signed head: the one they may later hold the log to.
    crate::routes::data::audit_read(
        &state,
        &caller,
        Operation::EvidenceHead,
        "evidence:head",
        "success",
        json!({ "tree_size": head.tree_size, "root": head.root, "timestamp_ms": head.timestamp_ms }),
    )
    .await?;
    Ok(Json(json!({
        "head": head,
        "public_key": hex_of(&public.to_bytes()),
        "key_id": public.key_id().to_hex(),
        "time": tianping_evidence::bundle::format_ms(signed.head.timestamp_ms),
    })))
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Unpacks a zip into `dir` within the limits; the bundle root is where `manifest.json` is (the
/// top or a single folder).
fn unpack(bytes: &[u8], dir: &FsPath) -> Result<std::path::PathBuf, ApiError> {
    let bad = |zh: &str, en: &str| ApiError::bad_request(zh.to_string(), en.to_string());
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| bad("上传内容不是 zip 文件", "the upload is not a zip file"))?;
    if archive.len() > MAX_BUNDLE_FILES {
        return Err(bad("证据包文件过多", "the bundle holds too many files"));
    }
    let mut total = 0u64;
    let mut manifest_dirs = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive
            .by_index(i)
            .map_err(|_| bad("zip 文件已损坏", "the zip file is damaged"))?;
        let Some(rel) = file.enclosed_name() else {
            return Err(bad(
                "zip 中有越出目录的路径",
                "the zip holds a path leaving its folder",
            ));
        };
        let out = dir.join(&rel);
        if file.is_dir() {
            std::fs::create_dir_all(&out).map_err(ApiError::internal)?;
            continue;
        }
        if let Some(parent) = out.parent() {
            std::fs::create_dir_all(parent).map_err(ApiError::internal)?;
        }
        let mut buf = Vec::new();
        let remaining = MAX_UNPACKED_BYTES.saturating_sub(total);
        (&mut file)
            .take(remaining + 1)
            .read_to_end(&mut buf)
            .map_err(|_| bad("zip 文件已损坏", "the zip file is damaged"))?;
        total += buf.len() as u64;
        if total > MAX_UNPACKED_BYTES {
            return Err(bad("证据包解压后过大", "the bundle is too large unpacked"));
        }
        std::fs::write(&out, &buf).map_err(ApiError::internal)?;
        if rel.file_name().and_then(|n| n.to_str()) == Some(tianping_evidence::bundle::MANIFEST) {
            manifest_dirs.push(
                rel.parent()
                    .map(|p| dir.join(p))
                    .unwrap_or(dir.to_path_buf()),
            );
        }
    }
    manifest_dirs.sort_by_key(|p| p.components().count());
    Ok(manifest_dirs
        .into_iter()
        .next()
        .unwrap_or_else(|| dir.to_path_buf()))
}

/// Verifies an uploaded bundle (a zip of the bundle directory) against this installation's
/// public key: signatures, inclusion and consistency proofs and content digests are checked on
/// the uploaded bytes alone; the stored log is not consulted.
#[utoipa::path(post, path = "/api/v1/evidence/verify", operation_id = "verify_bundle", tag = "web",
    request_body(content((crate::routes::push::Archive = "application/zip")), description = "The bundle as a zip"),
    responses(
        (status = 200, description = "The verification report (ok or the failed checks)", body = Object),
        (status = 400, description = "Not a readable zip", body = ErrorBody),
        (status = 413, description = "Too large", body = ErrorBody)))]
pub async fn verify_bundle(
    State(state): State<AppState>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let Ok(_slot) = VERIFYING.try_acquire() else {
        return Err(ApiError::unavailable(
            "正在核验其他证据包，请稍后重试",
            "other bundles are being verified; retry later",
        ));
    };
    let key = EvidenceKey::load_or_create(&state.home).map_err(ApiError::internal)?;
    let tmp = tempfile::tempdir().map_err(ApiError::internal)?;
    let root = tmp.path().to_path_buf();
    let report = tokio::task::spawn_blocking(move || {
        let bundle = unpack(&body, &root)?;
        let options = VerifyOptions {
            trusted_key: Some(key.public_key()),
            earlier_heads: Vec::new(),
        };
        Ok::<_, ApiError>(verify_bundle_with(&bundle, &options))
    })
    .await
    .map_err(ApiError::internal)??;
    drop(tmp);
    let head = report.head.as_ref().map(|h| {
        json!({"log_id": h.log_id, "hash_alg": h.alg.to_string(), "tree_size": h.size,
               "root": h.root.to_hex(), "time": tianping_evidence::bundle::format_ms(h.timestamp_ms)})
    });
    let mut body = json!({
        "ok": report.ok(),
        "title": report.title,
        "head": head,
        "key_id": report.key_id.map(|k| k.to_hex()),
        "entries_verified": report.entries_verified,
        "files_verified": report.files_verified,
        "consistent_with": report.consistent_with.iter().map(|(s, r)| json!({"size": s, "root": r.to_hex()})).collect::<Vec<_>>(),
        "content_not_included": report.content_not_included,
        "failures": report.failures.iter().map(|f| json!({"zh": f.zh(), "en": f.en()})).collect::<Vec<_>>(),
    });
    mask_json(&mut body);
    Ok(Json(body))
}
