//! Reads over delivered data and detection output: batches and receipts, deliveries, quarantine
//! (masked, and unmasked for the roles allowed, audited), findings and detection runs.
//!
//! Each handler asks [`guard`] first. Lists get the caller's [`ListFilter`] from the policy. Batches,
//! deliveries, findings and detection runs are paged by cursor in the store, which also applies
//! the caller's scope ([`data_scope`]: every row of delivered data is owned by the configured unit,
//! `data_owner`, and names its supplier; a run belongs to the owner alone), so no request reads a
//! whole table and no handler filters rows. Quarantine is one batch's rows, guarded by that
//! batch's supplier before the read, and pages by offset. Responses to callers who may not unmask
//! are passed through the personal-number masker.

use axum::Json;
use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tianping_auth::policy::{ListFilter, list_filter};
use tianping_auth::{Operation, Resource};
use tianping_store::pages::{Cursor, DataScope, FindingFilter};
use utoipa::{IntoParams, ToSchema};

use crate::access::{Caller, audit, delivered, finding_unit, guard};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiQuery};
use crate::mask::mask_json;
use crate::masked::{cursor_page_response, finding_id_of};
use crate::state::AppState;

/// Largest page.
pub const MAX_LIMIT: u32 = 200;
/// Largest offset.
pub const MAX_OFFSET: u64 = 1_000_000_000;

/// Paging.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Rows per page, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// Rows to skip.
    #[param(minimum = 0, maximum = 1_000_000_000)]
    pub offset: Option<u64>,
}

/// Keyset paging: a page size and the `next_cursor` of the previous page.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CursorQuery {
    /// Rows per page, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page (absent: the first page).
    #[param(max_length = 2048, pattern = "^[0-9a-f]+$")]
    pub cursor: Option<String>,
}

/// Paging of findings (keyset, by finding id), with filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct FindingQuery {
    /// Rows per page, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page (absent: the first page).
    #[param(max_length = 2048, pattern = "^[0-9a-f]+$")]
    pub cursor: Option<String>,
    /// Only this detector.
    pub detector: Option<String>,
    /// Only this severity (`low`, `medium`, `high`, `critical`).
    pub severity: Option<String>,
    /// Only findings about this subject id.
    pub subject: Option<String>,
}

/// Checks a page request.
pub fn page(limit: Option<u32>, offset: Option<u64>) -> Result<(u32, u64), ApiError> {
    let limit = limit.unwrap_or(50);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::bad_request(
            format!("参数 limit 的值 {limit} 无效：应在 1 到 {MAX_LIMIT} 之间"),
            format!("parameter limit = {limit} is invalid: must be 1 to {MAX_LIMIT}"),
        ));
    }
    let offset = offset.unwrap_or(0);
    if offset > MAX_OFFSET {
        return Err(ApiError::bad_request(
            format!("参数 offset 的值 {offset} 无效：应在 0 到 {MAX_OFFSET} 之间"),
            format!("parameter offset = {offset} is invalid: must be 0 to {MAX_OFFSET}"),
        ));
    }
    Ok((limit, offset))
}

/// A page of rows.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page {
    /// The rows.
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<Value>,
}

/// A page of rows and the cursor of the next page (`null` on the last page).
#[derive(Debug, Serialize, ToSchema)]
pub struct CursorPage {
    /// The rows.
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<Value>,
    /// Give as `cursor` to get the next page; `null` when this is the last.
    pub next_cursor: Option<String>,
}

/// Reads a cursor the caller sent (400 naming the parameter if it is not one we issued).
pub(crate) fn cursor(text: Option<&str>, arity: usize) -> Result<Option<Cursor>, ApiError> {
    text.map(|t| {
        Cursor::parse(t, arity).ok_or_else(|| {
            let shown: String = t.chars().take(80).collect();
            ApiError::bad_request(
                format!("参数 cursor 的值 {shown:?} 无效：应为上一页返回的 next_cursor"),
                format!(
                    "parameter cursor = {shown:?} is invalid: give the next_cursor of the previous page"
                ),
            )
        })
    })
    .transpose()
}

/// The rows of delivered data a list filter admits, as a store scope: a platform's own supplier;
/// everything for staff whose scope covers the data owner; for staff who would reach the owner's
/// department in a region strictly inside the owner's (a district branch's unit of the owner's
/// department, or a district leader), the findings of that region ([`DataScope::OwnerRegion`]:
/// each finding is the owner department's, in its stored region, see
/// [`crate::access::finding_unit`]); else nothing.
pub fn data_scope(state: &AppState, filter: &ListFilter) -> DataScope {
    let owner = &state.config.data_owner;
    match filter {
        ListFilter::Supplier(s) => DataScope::Supplier(s.clone()),
        f if f.admits(owner, None) => DataScope::All,
        ListFilter::Unit { department, region }
            if department == owner.department.as_str() && owner.region.covers(region) =>
        {
            DataScope::OwnerRegion(region.cover_prefix().to_string())
        }
        ListFilter::Region(region) if owner.region.covers(region) => {
            DataScope::OwnerRegion(region.cover_prefix().to_string())
        }
        _ => DataScope::Nothing,
    }
}

fn cursor_page_of<T: Serialize>(
    items: Vec<T>,
    next_cursor: Option<String>,
) -> Result<Json<CursorPage>, ApiError> {
    let mut items = items
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<Vec<_>, _>>()
        .map_err(ApiError::internal)?;
    items.iter_mut().for_each(mask_json);
    Ok(Json(CursorPage { items, next_cursor }))
}

fn page_of<T: Serialize>(items: Vec<T>, masked: bool) -> Result<Json<Page>, ApiError> {
    let mut items = items
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<Vec<_>, _>>()
        .map_err(ApiError::internal)?;
    if masked {
        items.iter_mut().for_each(mask_json);
    }
    Ok(Json(Page { items }))
}

/// A batch in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct BatchSummary {
    /// Supplier.
    pub supplier: String,
    /// Batch id.
    pub batch_id: String,
    /// `accepted` or `rejected`.
    pub status: String,
    /// When the current delivery was received.
    pub received_at: String,
    /// Rows accepted.
    pub accepted: u64,
    /// Rows quarantined.
    pub quarantined: u64,
    /// Row warnings.
    pub warnings: u64,
}

async fn list_guard(
    state: &AppState,
    caller: &Caller,
    op: Operation,
    target: &str,
) -> Result<ListFilter, ApiError> {
    let rule = guard(state, caller, op, Resource::Collection, target).await?;
    Ok(list_filter(&caller.principal, rule))
}

/// Batches, newest first, paged by cursor and filtered by the caller's scope in the store.
#[utoipa::path(get, path = "/api/v1/batches", operation_id = "list_batches", tag = "data",
    params(CursorQuery),
    security(("session" = []), ("bearer" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "Batches in the caller's scope", body = CursorPage),
        (status = 400, description = "Invalid parameter", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn list_batches(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<CursorQuery>,
) -> Result<Json<CursorPage>, ApiError> {
    let (limit, _) = page(q.limit, None)?;
    let after = cursor(q.cursor.as_deref(), 3)?;
    let filter = list_guard(&state, &caller, Operation::ListBatches, "batches").await?;
    let scope = data_scope(&state, &filter);
    let rows = state
        .store
        .batches_page(&scope, after.as_ref(), limit)
        .await?;
    let items: Vec<BatchSummary> = rows
        .items
        .into_iter()
        .map(|b| BatchSummary {
            status: b.status.as_str().to_string(),
            accepted: b.receipt.accepted,
            quarantined: b.receipt.quarantined,
            warnings: b.receipt.warnings,
            supplier: b.supplier,
            batch_id: b.batch_id,
            received_at: b.received_at,
        })
        .collect();
    cursor_page_of(items, rows.next)
}

/// One batch's receipt.
#[utoipa::path(get, path = "/api/v1/batches/{supplier}/{batch_id}", operation_id = "get_batch", tag = "data",
    params(("supplier" = String, Path, description = "Supplier id"), ("batch_id" = String, Path, description = "Batch id")),
    security(("session" = []), ("bearer" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "The receipt (data standard)", body = Object),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or out of scope", body = ErrorBody),
        (status = 404, description = "No such batch", body = ErrorBody)))]
pub async fn get_batch(
    State(state): State<AppState>,
    caller: Caller,
    Path((supplier, batch_id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let target = format!("batch:{supplier}/{batch_id}");
    guard(
        &state,
        &caller,
        Operation::GetBatch,
        delivered(&state, Some(&supplier)),
        &target,
    )
    .await?;
    let batch = state
        .store
        .find_batch(&supplier, &batch_id)
        .await?
        .ok_or_else(|| ApiError::not_found("批次 / batch"))?;
    let mut receipt = serde_json::to_value(&batch.receipt).map_err(ApiError::internal)?;
    mask_json(&mut receipt);
    Ok(Json(receipt))
}

/// Deliveries, newest first, paged by cursor and filtered by the caller's scope in the store.
#[utoipa::path(get, path = "/api/v1/deliveries", operation_id = "list_deliveries", tag = "data",
    params(CursorQuery),
    security(("session" = []), ("bearer" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "Deliveries in the caller's scope", body = CursorPage),
        (status = 400, description = "Invalid parameter", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn list_deliveries(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<CursorQuery>,
) -> Result<Json<CursorPage>, ApiError> {
    let (limit, _) = page(q.limit, None)?;
    let after = cursor(q.cursor.as_deref(), 2)?;
    let filter = list_guard(&state, &caller, Operation::ListDeliveries, "deliveries").await?;
    let scope = data_scope(&state, &filter);
    let rows = state
        .store
        .deliveries_page(&scope, after.as_ref(), limit)
        .await?;
    cursor_page_of(rows.items, rows.next)
}

/// A quarantined row, personal fields masked and the raw record left out.
#[derive(Debug, Serialize, ToSchema)]
pub struct QuarantineView {
    /// File in the batch.
    pub file: String,
    /// Table.
    pub table: String,
    /// Record number in the file.
    pub record: u64,
    /// Line, for text files.
    pub line: Option<u64>,
    /// Field at fault.
    pub field: Option<String>,
    /// Value at fault (masked).
    pub value: Option<String>,
    /// Rule broken.
    pub rule: String,
    /// Chinese message.
    pub message: String,
    /// English message.
    pub message_en: String,
    /// Whether the raw row holds personal data.
    pub personal: bool,
}

/// Quarantined rows of a batch, masked.
#[utoipa::path(get, path = "/api/v1/batches/{supplier}/{batch_id}/quarantine", operation_id = "list_quarantine", tag = "data",
    params(("supplier" = String, Path, description = "Supplier id"), ("batch_id" = String, Path, description = "Batch id"), PageQuery),
    security(("session" = []), ("bearer" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "Quarantined rows, masked", body = Page),
        (status = 400, description = "Invalid parameter", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or out of scope", body = ErrorBody)))]
pub async fn list_quarantine(
    State(state): State<AppState>,
    caller: Caller,
    Path((supplier, batch_id)): Path<(String, String)>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> Result<Json<Page>, ApiError> {
    let (limit, offset) = page(q.limit, q.offset)?;
    guard(
        &state,
        &caller,
        Operation::ListQuarantine,
        delivered(&state, Some(&supplier)),
        &format!("batch:{supplier}/{batch_id}"),
    )
    .await?;
    let rows = state
        .store
        .quarantine(&supplier, &batch_id, limit, offset)
        .await?;
    let items: Vec<QuarantineView> = rows
        .into_iter()
        .map(|q| QuarantineView {
            value: q.value.as_deref().map(|v| {
                if q.personal {
                    tianping_domain::value::mask_personal(v)
                } else {
                    v.to_string()
                }
            }),
            file: q.file,
            table: q.table,
            record: q.record,
            line: q.line,
            field: q.field,
            rule: q.rule,
            message: q.message,
            message_en: q.message_en,
            personal: q.personal,
        })
        .collect();
    page_of(items, true)
}

/// Why personal data is unmasked (recorded in the audit log).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UnmaskRequest {
    /// The purpose, 4–200 characters (e.g. the case or complaint it serves).
    #[schema(
        min_length = 4,
        max_length = 200,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    pub reason: String,
    /// Rows, 1–200 (default 50).
    #[schema(minimum = 1, maximum = 200)]
    #[serde(default, deserialize_with = "crate::extract::whole_number")]
    pub limit: Option<u32>,
    /// Rows to skip.
    #[schema(minimum = 0, maximum = 1_000_000_000)]
    #[serde(default, deserialize_with = "crate::extract::whole_number")]
    pub offset: Option<u64>,
}

/// A quarantined row with its raw record.
#[derive(Debug, Serialize, ToSchema)]
pub struct QuarantineRaw {
    /// The masked view's fields.
    #[serde(flatten)]
    pub row: QuarantineView,
    /// The raw record as delivered (lossy UTF-8).
    pub raw: String,
}

/// Quarantined rows of a batch with raw values: privileged, and every call is audited.
#[utoipa::path(post, path = "/api/v1/batches/{supplier}/{batch_id}/quarantine/unmask", operation_id = "unmask_quarantine", tag = "data",
    params(("supplier" = String, Path, description = "Supplier id"), ("batch_id" = String, Path, description = "Batch id")),
    request_body = UnmaskRequest,
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "Quarantined rows, unmasked", body = Page),
        (status = 400, description = "Invalid body", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted, out of scope, or re-authentication needed", body = ErrorBody)))]
pub async fn unmask_quarantine(
    State(state): State<AppState>,
    caller: Caller,
    Path((supplier, batch_id)): Path<(String, String)>,
    ApiJson(req): ApiJson<UnmaskRequest>,
) -> Result<Json<Page>, ApiError> {
    let target = format!("batch:{supplier}/{batch_id}");
    guard(
        &state,
        &caller,
        Operation::UnmaskQuarantine,
        delivered(&state, Some(&supplier)),
        &target,
    )
    .await?;
    let n = req.reason.chars().count();
    if !(4..=200).contains(&n) || req.reason.chars().any(char::is_control) {
        return Err(ApiError::bad_request(
            "字段 reason 须为 4–200 个字符：说明查看个人信息的目的",
            "field reason must be 4–200 characters stating the purpose",
        ));
    }
    let (limit, offset) = page(req.limit, req.offset)?;
    let rows = state
        .store
        .quarantine(&supplier, &batch_id, limit, offset)
        .await?;
    // Audited before anything is shown (fail closed).
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::UnmaskQuarantine.id(),
        &target,
        "success",
        serde_json::json!({ "reason": req.reason, "rows": rows.len(), "offset": offset }),
    )
    .await?;
    let items: Vec<QuarantineRaw> = rows
        .into_iter()
        .map(|q| QuarantineRaw {
            raw: String::from_utf8_lossy(&q.raw).into_owned(),
            row: QuarantineView {
                file: q.file,
                table: q.table,
                record: q.record,
                line: q.line,
                field: q.field,
                value: q.value,
                rule: q.rule,
                message: q.message,
                message_en: q.message_en,
                personal: q.personal,
            },
        })
        .collect();
    page_of(items, false)
}

/// A filter value as recorded in the audit log: at most 200 characters, phone and ID numbers
/// masked (a subject filter may be one).
fn audited(value: &str) -> String {
    crate::mask::mask_text(&value.chars().take(200).collect::<String>())
}

/// The store scope a list read ran under, for its audit row.
fn scope_name(scope: &DataScope) -> String {
    match scope {
        DataScope::All => "all".into(),
        DataScope::Supplier(s) => format!("supplier:{s}"),
        DataScope::OwnerRegion(p) => format!("owner_region:{p}"),
        DataScope::Nothing => "nothing".into(),
    }
}

/// Audits one read of evidence-bearing data (a finding, its proof, the signed head) — who,
/// which, when (the audit row's time), the outcome — before it is answered (fail closed).
pub async fn audit_read(
    state: &AppState,
    caller: &Caller,
    op: Operation,
    target: &str,
    outcome: &str,
    detail: Value,
) -> Result<(), ApiError> {
    let detail = if detail.is_null() {
        serde_json::json!({})
    } else {
        detail
    };
    audit(
        state,
        &caller.actor,
        &caller.source,
        op.id(),
        target,
        outcome,
        detail,
    )
    .await
}

/// The platform a finding concerns: its subject's `platform_id`, or the subject itself when it
/// is a platform.
pub fn finding_platform(finding: &Value) -> Option<String> {
    let subject = finding.get("subject")?;
    if let Some(p) = subject.get("platform_id").and_then(Value::as_str) {
        return Some(p.to_string());
    }
    (subject.get("kind").and_then(Value::as_str) == Some("platform"))
        .then(|| {
            subject
                .get("id")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .flatten()
}

/// Findings (spec §1 format), by id, paged by cursor; scope and filters are applied in the store.
#[utoipa::path(get, path = "/api/v1/findings", operation_id = "list_findings", tag = "findings",
    params(FindingQuery),
    security(("session" = []), ("bearer" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "Findings in the caller's scope", body = CursorPage),
        (status = 400, description = "Invalid parameter", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn list_findings(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<FindingQuery>,
) -> Result<axum::response::Response, ApiError> {
    let (limit, _) = page(q.limit, None)?;
    let after = cursor(q.cursor.as_deref(), 1)?;
    let filter = list_guard(&state, &caller, Operation::ListFindings, "findings").await?;
    let scope = data_scope(&state, &filter);
    let wanted = FindingFilter {
        detector: q.detector,
        severity: q.severity,
        subject: q.subject,
    };
    let rows = state
        .store
        .findings_page(&scope, &wanted, after.as_ref(), limit)
        .await?;
    // One audit row per page, with the filter as asked (masked), before the page is answered.
    audit(
        &state,
        &caller.actor,
        &caller.source,
        Operation::ListFindings.id(),
        "findings",
        "success",
        serde_json::json!({
            "filter": {
                "detector": wanted.detector.as_deref().map(audited),
                "severity": wanted.severity.as_deref().map(audited),
                "subject": wanted.subject.as_deref().map(audited),
            },
            "scope": scope_name(&scope),
            "cursor": q.cursor.as_deref().map(audited),
            "limit": limit,
            "rows": rows.items.len(),
            "more": rows.next.is_some(),
        }),
    )
    .await?;
    // Each finding masked and serialised once per stored body (`crate::masked`); a page is the
    // kept texts joined: the bytes `Json(CursorPage)` wrote, without parsing per request.
    let items = rows
        .items
        .iter()
        .map(|body| state.masked.get(&finding_id_of(body)?, body))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(cursor_page_response(&items, rows.next.as_deref()))
}

/// One finding.
#[utoipa::path(get, path = "/api/v1/findings/{finding_id}", operation_id = "get_finding", tag = "findings",
    params(("finding_id" = String, Path, description = "Finding id")),
    security(("session" = []), ("bearer" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "The finding (spec §1 format)", body = Object),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or out of scope", body = ErrorBody),
        (status = 404, description = "No such finding", body = ErrorBody)))]
pub async fn get_finding(
    State(state): State<AppState>,
    caller: Caller,
    Path(finding_id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let target = format!("finding:{finding_id}");
    // The role check first, so an unpermitted caller learns nothing about which ids exist.
    guard(
        &state,
        &caller,
        Operation::GetFinding,
        Resource::Collection,
        &target,
    )
    .await?;
    let Some((body, region)) = state.store.finding_with_region(&finding_id).await? else {
        audit_read(
            &state,
            &caller,
            Operation::GetFinding,
            &target,
            "not_found",
            Value::Null,
        )
        .await?;
        return Err(ApiError::not_found("发现 / finding"));
    };
    let mut finding: Value = serde_json::from_str(&body).map_err(ApiError::internal)?;
    let platform = finding_platform(&finding);
    // The finding's unit: the owner's department in its region (as the list's scope).
    let unit = finding_unit(&state.config.data_owner, region.as_deref());
    guard(
        &state,
        &caller,
        Operation::GetFinding,
        Resource::Record {
            scope: &unit,
            supplier: platform.as_deref(),
        },
        &target,
    )
    .await?;
    audit_read(
        &state,
        &caller,
        Operation::GetFinding,
        &target,
        "success",
        Value::Null,
    )
    .await?;
    mask_json(&mut finding);
    Ok(Json(finding))
}

/// Detection runs, newest first, paged by cursor; the caller's scope is applied in the store.
#[utoipa::path(get, path = "/api/v1/runs", operation_id = "list_runs", tag = "findings",
    params(CursorQuery),
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "Detection runs in the caller's scope", body = CursorPage),
        (status = 400, description = "Invalid parameter", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn list_runs(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<CursorQuery>,
) -> Result<Json<CursorPage>, ApiError> {
    let (limit, _) = page(q.limit, None)?;
    let after = cursor(q.cursor.as_deref(), 2)?;
    let filter = list_guard(&state, &caller, Operation::ListRuns, "runs").await?;
    let scope = data_scope(&state, &filter);
    let rows = state.store.runs_page(&scope, after.as_ref(), limit).await?;
    cursor_page_of(rows.items, rows.next)
}
