//! The 双随机、一公开 draws (`tianping inspect draw` stores them; there is no route that makes one —
//! a draw classifies every registered entity from the lake, which only the CLI gathers).
//!
//! Staff (the roles that read merchant profiles) list draws, read one record — drawn entities
//! with their credit class, inspectors, recusals, seed and digests — and verify one: the draw is
//! re-run from its recorded inputs (`tianping_credit::draw::verify`), its digests compared with
//! the record's, with the store's columns and with the evidence leaf logged over the record's
//! bytes. A draw belongs to its plan's department inside the installation's region (the data
//! owner's): the list's scope is applied in the store query (`CreditStore::draws_in`), one
//! record is guarded with its own department.
//!
//! The public face (一公开) is open without credentials: the published form
//! (`DrawRecord::public`: task, items, dates, seed, digests, drawn entities and their
//! inspectors — no class), served from the day after the check ends (Beijing date of the server
//! clock), so the list is no advance notice of the checks. Before that a draw is not found.

use axum::Json;
use axum::extract::{Path, State};
use serde_json::Value;
use tianping_auth::policy::ListFilter;
use tianping_auth::{Operation, Resource, Scope};
use tianping_credit::draw::{self, DrawRecord};
use tianping_evidence::Entry;
use tianping_store::credit::{DrawRow, DrawScope};

use crate::access::{Caller, guard};
use crate::error::{ApiError, ErrorBody};
use crate::mask::mask_json;
use crate::routes::cockpit::{beijing_today, list_guard};
use crate::routes::data::Page;
use crate::routes::draw_views::{
    Bilingual, Digests, DrawDetail, DrawSummary, DrawVerification, bilingual, detail, parse_record,
    record_sha256, summary,
};
use crate::state::AppState;

/// The draws a list filter admits, as a store scope: draws are the installation's (its region is
/// the data owner's), each of its plan's department.
fn draw_scope(state: &AppState, filter: &ListFilter) -> DrawScope {
    let ours = &state.config.data_owner.region;
    match filter {
        ListFilter::All => DrawScope::All,
        ListFilter::Unit { department, region } if region.covers(ours) => {
            DrawScope::Department(department.clone())
        }
        ListFilter::Region(region) if region.covers(ours) => DrawScope::All,
        _ => DrawScope::Nothing,
    }
}

/// The task id of a path, checked (an id: 1–64 of A–Z a–z 0–9 . _ : -).
fn task_param(task_id: &str) -> Result<(), ApiError> {
    tianping_domain::value::check_id(task_id).map_err(|_| {
        ApiError::bad_request(
            format!("参数 task_id 的值 {task_id:?} 无效：应为 1–64 个字母、数字或 . _ : -"),
            format!(
                "parameter task_id = {task_id:?} is invalid: expected 1–64 of A–Z a–z 0–9 . _ : -"
            ),
        )
    })
}

async fn stored(state: &AppState, task_id: &str) -> Result<Option<DrawRow>, ApiError> {
    Ok(state.store.draws(Some(task_id)).await?.into_iter().next())
}

fn names(state: &AppState, department: &str) -> Option<(String, String)> {
    state
        .config
        .departments
        .get(department)
        .map(|d| (d.name_zh.clone(), d.name_en.clone()))
}

fn summary_of(state: &AppState, row: &DrawRow, record: &DrawRecord) -> DrawSummary {
    let names = names(state, &row.department);
    summary(
        row,
        record,
        names.as_ref().map(|(zh, en)| (zh.as_str(), en.as_str())),
        beijing_today(state),
    )
}

/// One draw for staff: the role check first (an unpermitted caller learns nothing about which
/// tasks exist), then the record's own department inside the installation's region.
async fn guarded(
    state: &AppState,
    caller: &Caller,
    op: Operation,
    task_id: &str,
) -> Result<(DrawRow, DrawRecord), ApiError> {
    let target = format!("draw:{task_id}");
    guard(state, caller, op, Resource::Collection, &target).await?;
    task_param(task_id)?;
    let Some(row) = stored(state, task_id).await? else {
        return Err(ApiError::not_found("抽查任务 / draw"));
    };
    let scope =
        Scope::parse(&row.department, state.config.data_owner.region.as_str()).map_err(|e| {
            ApiError::internal(format!(
                "stored draw {task_id}: department {:?}: {e}",
                row.department
            ))
        })?;
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
    let record = parse_record(&row)?;
    Ok((row, record))
}

/// The draws in the caller's reach, newest check first.
#[utoipa::path(get, path = "/api/v1/draws", operation_id = "list_draws", tag = "web",
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "Draws (items: DrawSummary), newest check first", body = Page),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn list_draws(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Page>, ApiError> {
    let filter = list_guard(&state, &caller, Operation::ListDraws, "draws").await?;
    let rows = state.store.draws_in(&draw_scope(&state, &filter)).await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        let record = parse_record(row)?;
        let mut v =
            serde_json::to_value(summary_of(&state, row, &record)).map_err(ApiError::internal)?;
        mask_json(&mut v);
        items.push(v);
    }
    Ok(Json(Page { items }))
}

/// One draw's record: drawn entities with their class (internal), inspectors, recusals, seed and
/// digests.
#[utoipa::path(get, path = "/api/v1/draws/{task_id}", operation_id = "get_draw", tag = "web",
    params(("task_id" = String, Path, description = "Task id", pattern = r"^[A-Za-z0-9_.:-]{1,64}$")),
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The draw", body = DrawDetail),
        (status = 400, description = "Invalid task id", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or out of scope", body = ErrorBody),
        (status = 404, description = "No such draw", body = ErrorBody)))]
pub async fn get_draw(
    State(state): State<AppState>,
    caller: Caller,
    Path(task_id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let (row, record) = guarded(&state, &caller, Operation::GetDraw, &task_id).await?;
    let view = detail(summary_of(&state, &row, &record), &record);
    let mut body = serde_json::to_value(view).map_err(ApiError::internal)?;
    mask_json(&mut body);
    Ok(Json(body))
}

fn digests(r: &DrawRecord) -> Digests {
    Digests {
        input_sha256: r.input_sha256.clone(),
        rng_key: r.rng_key.clone(),
        result_sha256: r.result_sha256.clone(),
    }
}

/// The file digest of the evidence leaf logged for this draw, if any.
async fn logged_sha256(state: &AppState, row: &DrawRow) -> Result<Option<String>, ApiError> {
    let leaves = state
        .store
        .evidence_by_reference(&format!("draw:{}", row.rng_key))
        .await?;
    for leaf in &leaves {
        if let Ok(Entry::File { sha256, .. }) = Entry::decode(&leaf.data) {
            return Ok(Some(sha256.to_hex()));
        }
    }
    Ok(None)
}

fn differs(what_zh: &str, what_en: &str, stored: &str, recorded: &str) -> Bilingual {
    Bilingual {
        zh: format!("{what_zh}不一致：存储为 {stored}，记录为 {recorded}"),
        en: format!("{what_en} differs: stored {stored}, recorded {recorded}"),
    }
}

/// Re-runs a stored draw from its record and compares: the re-run with the record (digests,
/// every drawn entity and team), the store's digest columns with the record's, and the evidence
/// leaf's file digest with the record's bytes. The first difference is named.
#[utoipa::path(get, path = "/api/v1/draws/{task_id}/verify", operation_id = "verify_draw", tag = "web",
    params(("task_id" = String, Path, description = "Task id", pattern = r"^[A-Za-z0-9_.:-]{1,64}$")),
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "Whether the draw re-runs to its record", body = DrawVerification),
        (status = 400, description = "Invalid task id", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or out of scope", body = ErrorBody),
        (status = 404, description = "No such draw", body = ErrorBody)))]
pub async fn verify_draw(
    State(state): State<AppState>,
    caller: Caller,
    Path(task_id): Path<String>,
) -> Result<Json<DrawVerification>, ApiError> {
    let (row, record) = guarded(&state, &caller, Operation::VerifyDraw, &task_id).await?;
    let calendar = tianping_cases::Calendar::embedded().map_err(ApiError::internal)?;
    let again = draw::draw(record.input.clone(), &calendar);
    let mut problem = draw::verify(&record, &calendar)
        .err()
        .map(|e| bilingual(&e.to_string()));
    let record_sha = record_sha256(&row);
    let logged = logged_sha256(&state, &row).await?;
    if problem.is_none() && row.input_sha256 != record.input_sha256 {
        problem = Some(differs(
            "输入摘要",
            "input_sha256",
            &row.input_sha256,
            &record.input_sha256,
        ));
    }
    if problem.is_none() && row.result_sha256 != record.result_sha256 {
        problem = Some(differs(
            "结果摘要",
            "result_sha256",
            &row.result_sha256,
            &record.result_sha256,
        ));
    }
    if problem.is_none() {
        problem = match &logged {
            None => Some(Bilingual {
                zh: format!("证据日志中没有此抽取的记录（draw:{}）", row.rng_key),
                en: format!(
                    "no evidence-log leaf names this draw (draw:{})",
                    row.rng_key
                ),
            }),
            Some(l) if *l != record_sha => Some(differs(
                "证据日志中的记录摘要",
                "the logged record digest",
                l,
                &record_sha,
            )),
            Some(_) => None,
        };
    }
    Ok(Json(DrawVerification {
        task_id,
        matches: problem.is_none(),
        recorded: digests(&record),
        recomputed: again.as_ref().ok().map(digests),
        stored_result_sha256: row.result_sha256.clone(),
        record_sha256: record_sha,
        logged_sha256: logged,
        leaf_index: row.leaf_index,
        problem,
        register_recomputed: false,
    }))
}

/// The published form of a draw with its publication figures.
fn public_json(state: &AppState, record: &DrawRecord) -> Result<Value, ApiError> {
    let mut v = serde_json::to_value(record.public()).map_err(ApiError::internal)?;
    if let Some(map) = v.as_object_mut() {
        let names = names(state, &record.input.plan.department);
        map.insert(
            "department_zh".into(),
            names.as_ref().map(|n| n.0.clone()).into(),
        );
        map.insert("department_en".into(), names.map(|n| n.1).into());
        map.insert(
            "public_from".into(),
            record.public_from().map(|d| d.to_string()).into(),
        );
    }
    mask_json(&mut v);
    Ok(v)
}

fn is_published(state: &AppState, record: &DrawRecord) -> bool {
    record
        .public_from()
        .is_some_and(|d| d <= beijing_today(state))
}

/// The published draws (一公开), newest check first: each one's task, items, dates, seed,
/// digests and drawn entities with their inspectors — never a class. Open to anyone; a draw is
/// listed from the day after its check ends.
#[utoipa::path(get, path = "/api/v1/public/draws", operation_id = "list_public_draws", tag = "web",
    responses(
        (status = 200, description = "Published draws (items: the public form)", body = Page)))]
pub async fn list_public_draws(State(state): State<AppState>) -> Result<Json<Page>, ApiError> {
    let mut items = Vec::new();
    for row in state.store.draws_in(&DrawScope::All).await? {
        let record = parse_record(&row)?;
        if is_published(&state, &record) {
            items.push(public_json(&state, &record)?);
        }
    }
    Ok(Json(Page { items }))
}

/// One published draw (一公开), without any class. Not found before the day after its check ends.
#[utoipa::path(get, path = "/api/v1/public/draws/{task_id}", operation_id = "get_public_draw", tag = "web",
    params(("task_id" = String, Path, description = "Task id", pattern = r"^[A-Za-z0-9_.:-]{1,64}$")),
    responses(
        (status = 200, description = "The published form", body = Object),
        (status = 400, description = "Invalid task id", body = ErrorBody),
        (status = 404, description = "No such published draw", body = ErrorBody)))]
pub async fn get_public_draw(
    State(state): State<AppState>,
    Path(task_id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    task_param(&task_id)?;
    let record = match stored(&state, &task_id).await? {
        Some(row) => parse_record(&row)?,
        None => return Err(ApiError::not_found("已公开的抽查任务 / published draw")),
    };
    if !is_published(&state, &record) {
        return Err(ApiError::not_found("已公开的抽查任务 / published draw"));
    }
    Ok(Json(public_json(&state, &record)?))
}
