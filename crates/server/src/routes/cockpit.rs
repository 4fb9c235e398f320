//! The interface's overview reads: the cockpit (驾驶舱) aggregates, the alert queue and a
//! merchant's profile (主体画像).
//!
//! Findings and alerts are delivered data: owned by the configured unit and scoped per supplier
//! (the subject's platform) exactly as `routes::data` does, and placed in their subject's region
//! (属地管辖: a district branch of the owner's department reaches those of its district); a
//! merchant's profile is placed where the merchant is. Clues and cases carry their own
//! department and region. Every scope is applied in the store query (`PageStore::findings_page`,
//! `ScopedStore`: the alert list by keyset, the alert and case counts and the per-supplier
//! ingest health as SQL aggregates), never
//! by filtering rows after it. Every answer goes through the personal-number masker. "Today" (for overdue cases) is the Beijing date of the server clock.

use std::collections::{BTreeMap, HashMap};

use axum::Json;
use axum::extract::{Path, State};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tianping_auth::policy::{ListFilter, list_filter};
use tianping_auth::{Operation, Resource};
use tianping_store::cases::{AlertRow, QueueFilter};
use tianping_store::pages::{Cursor, DataScope, FindingFilter};
use tianping_store::scoped::{AlertFilter, alert_cursor_key};
use utoipa::{IntoParams, ToSchema};

use crate::access::{Caller, guard, merchant_unit};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiQuery;
use crate::mask::mask_json;
use crate::routes::data::{CursorPage, cursor, data_scope, finding_platform, page};
use crate::routes::lakeview;
use crate::routes::merchant_credit;
use crate::routes::notice_desk::unit_scope;
use crate::routes::penalties;
use crate::routes::ring_devices;
use crate::state::AppState;

/// The severities, lowest first.
const SEVERITIES: [&str; 4] = ["low", "medium", "high", "critical"];

/// Most findings a merchant's profile lists (by finding id); `findings_truncated` says when more
/// exist, which the findings list (`subject` filter) pages through.
pub const MERCHANT_FINDINGS_MAX: u32 = 500;

pub(crate) async fn list_guard(
    state: &AppState,
    caller: &Caller,
    op: Operation,
    target: &str,
) -> Result<ListFilter, ApiError> {
    let rule = guard(state, caller, op, Resource::Collection, target).await?;
    Ok(list_filter(&caller.principal, rule))
}

/// Every stored finding the filter admits (the scope applied in the store query, page by page).
pub(crate) async fn scoped_findings(
    state: &AppState,
    filter: &ListFilter,
) -> Result<Vec<Value>, ApiError> {
    let scope = data_scope(state, filter);
    let mut out = Vec::new();
    let mut after: Option<Cursor> = None;
    loop {
        let page = state
            .store
            .findings_page(&scope, &FindingFilter::default(), after.as_ref(), 1000)
            .await?;
        for body in &page.items {
            out.push(serde_json::from_str(body).map_err(ApiError::internal)?);
        }
        match page.next.as_deref().and_then(|c| Cursor::parse(c, 1)) {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    Ok(out)
}

/// Today's date in Beijing (UTC+8) by the server clock.
pub(crate) fn beijing_today(state: &AppState) -> NaiveDate {
    (state.clock.now() + chrono::Duration::hours(8)).date_naive()
}

/// The Beijing day a finding belongs to: the end of its window (RFC 3339 with +08:00), else
/// its start.
fn finding_day(f: &Value) -> Option<NaiveDate> {
    let text = f
        .pointer("/window/to")
        .or_else(|| f.pointer("/window/from"))?
        .as_str()?;
    let t = chrono::DateTime::parse_from_rfc3339(text).ok()?;
    Some((t.to_utc() + chrono::Duration::hours(8)).date_naive())
}

fn severity_of(f: &Value) -> &str {
    f.get("severity").and_then(Value::as_str).unwrap_or("low")
}

fn str_at<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer).and_then(Value::as_str).unwrap_or("")
}

/// The cockpit: findings by practice and severity, by day, ISO week and district; alerts by
/// practice and tier; top merchants (ranked by their highest severity, then findings, then
/// score; each with its latest credit class, internal, shown beside and not ranked by) and
/// platforms; open, overdue and undated cases; ingest
/// health per supplier.
#[utoipa::path(get, path = "/api/v1/cockpit", operation_id = "cockpit", tag = "web",
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "Aggregates over the caller's scope", body = Object),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn cockpit(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Value>, ApiError> {
    let filter = list_guard(&state, &caller, Operation::Cockpit, "cockpit").await?;
    let findings = scoped_findings(&state, &filter).await?;
    let districts = if findings.is_empty() {
        std::sync::Arc::new(HashMap::new())
    } else {
        lakeview::merchant_districts(&state).await?
    };

    let mut by_practice: BTreeMap<String, [u64; 4]> = BTreeMap::new();
    let mut by_day: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    let mut by_week: BTreeMap<(i32, u32), u64> = BTreeMap::new();
    let mut by_district: BTreeMap<String, u64> = BTreeMap::new();
    let mut merchants: BTreeMap<String, (u64, usize, f64, String)> = BTreeMap::new();
    let mut platforms: BTreeMap<String, u64> = BTreeMap::new();
    for f in &findings {
        let sev = SEVERITIES
            .iter()
            .position(|s| *s == severity_of(f))
            .unwrap_or(0);
        by_practice
            .entry(str_at(f, "/detector").to_string())
            .or_default()[sev] += 1;
        if let Some(day) = finding_day(f) {
            *by_day.entry(day).or_default() += 1;
            let w = day.iso_week();
            *by_week.entry((w.year(), w.week())).or_default() += 1;
        }
        if let Some(p) = finding_platform(f) {
            *platforms.entry(p).or_default() += 1;
        }
        if str_at(f, "/subject/kind") == "merchant" {
            let platform = str_at(f, "/subject/platform_id").to_string();
            let id = str_at(f, "/subject/id").to_string();
            let district = districts
                .get(&(platform.clone(), id.clone()))
                .cloned()
                .unwrap_or_else(|| "unknown".into());
            *by_district.entry(district).or_default() += 1;
            let key = format!("merchant|{platform}|{id}");
            let score = f.get("score").and_then(Value::as_f64).unwrap_or(0.0);
            let e = merchants
                .entry(key)
                .or_insert((0, 0, 0.0, str_at(f, "/summary").to_string()));
            e.0 += 1;
            if sev > e.1 || (sev == e.1 && score > e.2) {
                e.3 = str_at(f, "/summary").to_string();
            }
            e.1 = e.1.max(sev);
            e.2 = e.2.max(score);
        }
    }
    let mut top_merchants: Vec<_> = merchants.into_iter().collect();
    top_merchants.sort_by(|a, b| {
        (b.1.1, b.1.0)
            .cmp(&(a.1.1, a.1.0))
            .then(b.1.2.total_cmp(&a.1.2))
            .then(a.0.cmp(&b.0))
    });
    top_merchants.truncate(10);
    // --- web11: each one's latest credit class beside its rank (the ranking is unchanged).
    let keys: Vec<(String, String)> = top_merchants
        .iter()
        .map(|(key, _)| {
            let mut parts = key.splitn(3, '|').skip(1);
            let platform = parts.next().unwrap_or_default().to_string();
            (platform, parts.next().unwrap_or_default().to_string())
        })
        .collect();
    // A credit class is shown only to a caller who may read that merchant's profile (the same
    // decision as `get_merchant`, asked without an audit entry): a district branch's staff see
    // the classes of their district's merchants and `null` for any other.
    let credits: Vec<Value> = merchant_credit::latest_classes(&state, &caller, &keys).await?;
    let top_merchants: Vec<Value> = top_merchants
        .into_iter()
        .zip(credits)
        .map(|((key, (n, sev, score, summary)), credit)| {
            json!({"merchant_key": key, "findings": n, "max_severity": SEVERITIES[sev],
                   "max_score": score, "summary": summary, "credit": credit})
        })
        .collect();
    let mut top_platforms: Vec<(String, u64)> = platforms.into_iter().collect();
    top_platforms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));

    // Alerts and cases are counted in the store, inside the caller's reach.
    let alert_counts = state
        .store
        .alert_counts(&data_scope(&state, &filter))
        .await?;
    let mut alert_tiers: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut alert_status: BTreeMap<String, u64> = BTreeMap::new();
    let mut alerts_total = 0u64;
    for a in &alert_counts {
        *alert_tiers
            .entry((a.practice.clone(), a.tier.clone()))
            .or_default() += a.count;
        *alert_status.entry(a.status.clone()).or_default() += a.count;
        alerts_total += a.count;
    }

    let today = beijing_today(&state);
    let units = unit_scope(&filter);
    let case_counts = state.store.case_counts(&units, &today.to_string()).await?;
    let open: u64 = case_counts.iter().map(|c| c.open).sum();
    let overdue: u64 = case_counts.iter().map(|c| c.overdue).sum();
    let undated: u64 = case_counts.iter().map(|c| c.due_unknown).sum();
    let by_state: BTreeMap<String, u64> = case_counts
        .iter()
        .map(|c| (c.state.clone(), c.open))
        .collect();
    let overdue_list = state
        .store
        .cases_page(
            &units,
            &QueueFilter {
                overdue_on: Some(today.to_string()),
                ..QueueFilter::default()
            },
            None,
            20,
        )
        .await?
        .items;

    // Ingest health is aggregated in the store, inside the caller's reach (a platform sees its
    // own batches only).
    let ingest: Vec<Value> = state
        .store
        .ingest_health(&data_scope(&state, &filter))
        .await?
        .into_iter()
        .map(|h| {
            json!({"supplier": h.supplier, "batches": h.batches, "rejected": h.rejected,
                   "accepted": h.accepted, "quarantined": h.quarantined, "warnings": h.warnings,
                   "last_received_at": h.last_received_at})
        })
        .collect();

    let practices: BTreeMap<&str, Value> = tianping_cases::practice::CATALOGUE
        .iter()
        .map(|(id, zh, en)| (*id, json!({"zh": zh, "en": en})))
        .collect();
    let mut body = json!({
        "today": today.to_string(),
        "practices": practices,
        "findings": {
            "total": findings.len(),
            "by_practice": by_practice.iter().map(|(p, c)| json!({
                "practice": p, "low": c[0], "medium": c[1], "high": c[2], "critical": c[3],
                "total": c.iter().sum::<u64>()})).collect::<Vec<_>>(),
            "by_severity": SEVERITIES.iter().enumerate().map(|(i, s)| json!({
                "severity": s,
                "count": by_practice.values().map(|c| c[i]).sum::<u64>()})).collect::<Vec<_>>(),
            "by_day": by_day.iter().map(|(d, n)| json!({"date": d.to_string(), "count": n})).collect::<Vec<_>>(),
            "by_week": by_week.iter().map(|((y, w), n)| json!({"week": format!("{y}-W{w:02}"), "count": n})).collect::<Vec<_>>(),
            "by_district": by_district.iter().map(|(a, n)| json!({"adcode": a, "count": n})).collect::<Vec<_>>(),
        },
        "top_merchants": top_merchants,
        "top_platforms": top_platforms.iter().take(10).map(|(p, n)| json!({"platform": p, "findings": n})).collect::<Vec<_>>(),
        "alerts": {
            "total": alerts_total,
            "by_status": alert_status,
            "by_practice_tier": alert_tiers.iter().map(|((p, t), n)| json!({"practice": p, "tier": t, "count": n})).collect::<Vec<_>>(),
        },
        "cases": {
            "open": open,
            "overdue": overdue,
            "due_unknown": undated,
            "by_state": by_state,
            "overdue_list": overdue_list.iter().map(|c| json!({
                "case_id": c.case_id, "state": c.state, "due_date": c.due_date,
                "deadline_kind": c.deadline_kind})).collect::<Vec<_>>(),
        },
        "ingest": ingest,
        "calendar": crate::calendar::reach(today),
    });
    mask_json(&mut body);
    Ok(Json(body))
}

/// Filters of the alert queue.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AlertQuery {
    /// Rows per page, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page (absent: the first page).
    #[param(max_length = 2048, pattern = "^[0-9a-f]+$")]
    pub cursor: Option<String>,
    /// Only this practice (detector id).
    pub practice: Option<String>,
    /// Only this severity.
    pub severity: Option<String>,
    /// Only `open` alerts or those already a `clue`.
    pub status: Option<String>,
    /// Only this merchant's (`merchant|PLATFORM|ID`).
    pub merchant: Option<String>,
}

fn alert_json(a: &AlertRow) -> Result<Value, ApiError> {
    let body: Value = serde_json::from_str(&a.body).map_err(ApiError::internal)?;
    Ok(json!({
        "alert_id": a.alert_id, "merchant_key": a.merchant_key, "subject_kind": a.subject_kind,
        "subject_platform": a.subject_platform, "subject_id": a.subject_id,
        "practice": a.practice,
        "practice_zh": tianping_cases::practice::name_zh(&a.practice),
        "practice_en": tianping_cases::practice::name_en(&a.practice),
        "severity": a.severity, "score": a.score, "tier": a.tier,
        "status": a.status, "case_id": a.case_id, "summary": body.get("summary"),
        "rules": body.get("rules"),
        "finding_ids": body.get("finding_ids"), "legal_basis": body.get("legal_basis"),
        "window": body.get("window"), "disposal": body.get("disposal"),
    }))
}

/// Alerts, ranked (severity, score, id), in the caller's scope (applied in the store query),
/// paged by keyset cursor.
#[utoipa::path(get, path = "/api/v1/alerts", operation_id = "list_alerts", tag = "web",
    params(AlertQuery),
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "Alerts in the caller's scope", body = CursorPage),
        (status = 400, description = "Invalid parameter", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn list_alerts(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<AlertQuery>,
) -> Result<Json<CursorPage>, ApiError> {
    let (limit, _) = page(q.limit, None)?;
    let after = cursor(q.cursor.as_deref(), 3)?;
    if let Some(c) = &after
        && alert_cursor_key(c).is_none()
    {
        return Err(ApiError::bad_request(
            "参数 cursor 不是本服务给出的游标",
            "parameter cursor is not a cursor this service issued",
        ));
    }
    let filter = list_guard(&state, &caller, Operation::ListAlerts, "alerts").await?;
    let alerts = AlertFilter {
        practice: q.practice,
        severity: q.severity,
        status: q.status,
        merchant_key: q.merchant,
    };
    let rows = state
        .store
        .alerts_page(&data_scope(&state, &filter), &alerts, after.as_ref(), limit)
        .await?;
    let mut items = Vec::with_capacity(rows.items.len());
    for a in &rows.items {
        let mut v = alert_json(a)?;
        mask_json(&mut v);
        items.push(v);
    }
    Ok(Json(CursorPage {
        items,
        next_cursor: rows.next,
    }))
}

/// Most penalties a profile lists (newest first); `penalties_truncated` says when more exist.
pub const MERCHANT_PENALTIES_MAX: usize = 200;

/// A merchant's profile (主体画像). Lake rows and findings are passed through as stored (their
/// fields are the data standard's); the penalties are typed.
#[derive(Debug, Serialize, ToSchema)]
pub struct MerchantProfile {
    /// `merchant|PLATFORM|ID`.
    pub merchant_key: String,
    /// Platform id.
    pub platform_id: String,
    /// Merchant id on the platform.
    pub merchant_id: String,
    /// Its `merchants` row, if the lake holds one.
    pub shop: Option<Value>,
    /// Shops on every platform under the same USCC.
    pub shops: Vec<Value>,
    /// Its `registry` row, if any.
    pub registry: Option<Value>,
    /// Registered entities sharing its legal representative or address (`via`: `legal_rep`,
    /// `address`), then merchants brushed from the same ring devices (`via: ring_device`: the
    /// other merchant, the number of shared devices and the `fake_orders` finding ids; never a
    /// device id).
    pub related: Vec<Value>,
    /// Its findings (the first [`MERCHANT_FINDINGS_MAX`] by id).
    pub findings: Vec<Value>,
    /// More findings exist than listed.
    pub findings_truncated: bool,
    /// Its alerts.
    pub alerts: Vec<Value>,
    /// Clues and cases from its alerts within the caller's reach.
    pub cases: Vec<Value>,
    /// The day the penalties' public display is judged on (today in Beijing).
    pub penalties_as_of: String,
    /// Penalty decisions on its USCC (`penalties`, §3.17), newest first.
    pub penalties: Vec<penalties::PenaltyView>,
    /// More penalties exist than listed.
    pub penalties_truncated: bool,
    /// Of `cases`, ours that reached a decision (`decided`, `published`, `closed`).
    pub decided_cases: Vec<Value>,
    /// Its latest credit risk class (企业信用风险分类, internal: for allocating supervision, never
    /// published), when `tianping credit classify` has classified its USCC.
    pub credit: Option<CreditView>,
}

/// A credit risk class as the profile shows it (the full explanation is in `tianping credit
/// classify --out`).
#[derive(Debug, Serialize, ToSchema)]
pub struct CreditView {
    /// `A` 信用风险低, `B` 一般, `C` 较高, `D` 高.
    pub class: String,
    /// The day it was classified as of (`YYYY-MM-DD`).
    pub as_of: String,
    /// Total points of the model.
    pub points: i64,
    /// The model version that produced it.
    pub model_version: i64,
}

/// Splits a merchant key `merchant|PLATFORM|ID` into plain ids, or says what is wrong.
fn merchant_parts(key: &str) -> Result<(String, String), ApiError> {
    let parts: Vec<&str> = key.split('|').collect();
    match parts.as_slice() {
        ["merchant", p, m] if lakeview::is_plain_id(p) && lakeview::is_plain_id(m) => {
            Ok((p.to_string(), m.to_string()))
        }
        _ => Err(ApiError::bad_request(
            format!("参数 merchant_key 的值 {key:?} 无效：应为 merchant|平台编号|经营者编号"),
            format!("parameter merchant_key = {key:?} is invalid: expected merchant|PLATFORM|ID"),
        )),
    }
}

/// A merchant's profile: its shop rows on every platform (by the same USCC), registry facts,
/// findings (the first [`MERCHANT_FINDINGS_MAX`] by id), alerts, clues and cases, relations
/// (other registered entities sharing its legal representative or address, and shops sharing its
/// holder) as a graph, and penalties on its USCC with their public display as of today.
#[utoipa::path(get, path = "/api/v1/merchants/{merchant_key}", operation_id = "get_merchant", tag = "web",
    params(("merchant_key" = String, Path, description = "`merchant|PLATFORM|ID` (URL-encoded)",
        pattern = r"^merchant\|[A-Za-z0-9_.:-]{1,64}\|[A-Za-z0-9_.:-]{1,64}$")),
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "The profile", body = MerchantProfile),
        (status = 400, description = "Invalid key", body = ErrorBody),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted or out of scope", body = ErrorBody),
        (status = 404, description = "No such merchant", body = ErrorBody)))]
pub async fn get_merchant(
    State(state): State<AppState>,
    caller: Caller,
    Path(merchant_key): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let target = format!("merchant:{merchant_key}");
    guard(
        &state,
        &caller,
        Operation::GetMerchant,
        Resource::Collection,
        &target,
    )
    .await?;
    let (platform, merchant) = merchant_parts(&merchant_key)?;
    // The lake facts from the current data version's index (helper `load`: these were four
    // DataFusion queries per request; `profile_index` gives the same rows).
    let snap = lakeview::snapshot(&state).await?;
    let index = snap.profile_index().await?;
    let shop = index.shop(&platform, &merchant)?;
    let uscc = shop
        .as_ref()
        .and_then(|s| s.get("uscc"))
        .and_then(Value::as_str)
        .filter(|u| lakeview::is_plain_id(u))
        .map(str::to_string);
    let registry = match &uscc {
        Some(u) => index.registry(u)?,
        None => None,
    };
    // 属地管辖: the merchant is the data owner's department's in its place (the rule that places
    // its findings), so a district branch reads the profiles of its district's merchants and no
    // other. Nothing is answered before this.
    let unit = merchant_unit(&state, index.place(&platform, &merchant)?.as_deref());
    guard(
        &state,
        &caller,
        Operation::GetMerchant,
        Resource::Record {
            scope: &unit,
            supplier: Some(&platform),
        },
        &target,
    )
    .await?;
    // Only this merchant's findings, from the store's index (helper `load`: this was every
    // finding, read and parsed per request).
    let page = state
        .store
        .subject_findings(&platform, &merchant, MERCHANT_FINDINGS_MAX)
        .await?;
    let findings_truncated = page.next.is_some();
    let findings: Vec<Value> = page
        .items
        .iter()
        .map(|body| serde_json::from_str(body).map_err(ApiError::internal))
        .collect::<Result<_, _>>()?;
    // The guard above admitted this platform's data in the merchant's place; its alerts are
    // this platform's (the merchant key names it) whatever region each was placed in.
    let alerts = state
        .store
        .alerts_page(
            &DataScope::Supplier(platform.clone()),
            &AlertFilter {
                merchant_key: Some(merchant_key.clone()),
                ..AlertFilter::default()
            },
            None,
            MERCHANT_FINDINGS_MAX,
        )
        .await?
        .items;
    if shop.is_none() && findings.is_empty() && alerts.is_empty() {
        return Err(ApiError::not_found("经营者 / merchant"));
    }
    let (shops, mut related) = match &uscc {
        Some(u) => (index.shops(u)?, index.related(u)),
        None => (shop.iter().cloned().collect(), Vec::new()),
    };
    // Merchants brushed by the same ring's devices (`via: ring_device`, derived from
    // `fake_orders` findings: see `ring_devices`).
    related.extend(
        ring_devices::relations(
            &state, &caller, &snap, &index, &platform, &merchant, &findings,
        )
        .await?,
    );
    // The cases shown are those the caller could list anyway (asked without auditing: this is
    // not a request of its own).
    let filter = match tianping_auth::authorize(
        &caller.principal,
        Operation::ListCases,
        Resource::Collection,
    ) {
        tianping_auth::Decision::Allow(rule) => list_filter(&caller.principal, rule),
        tianping_auth::Decision::Deny(_) => ListFilter::Nothing,
    };
    let case_rows = state
        .store
        .merchant_cases(&unit_scope(&filter), &merchant_key, MERCHANT_FINDINGS_MAX)
        .await?
        .items;
    let cases: Vec<Value> = case_rows
        .iter()
        .map(|c| json!({"case_id": c.case_id, "state": c.state, "due_date": c.due_date, "alert_id": c.alert_id}))
        .collect();
    // --- loop2: penalties on its USCC (public display as of today in Beijing), and our own
    // cases on it that reached a decision.
    let as_of = beijing_today(&state);
    let mut penalties = match &uscc {
        Some(u) => penalties::penalty_views(&index.penalties(u)?, as_of)?,
        None => Vec::new(),
    };
    let penalties_truncated = penalties.len() > MERCHANT_PENALTIES_MAX;
    penalties.truncate(MERCHANT_PENALTIES_MAX);
    let decided_cases: Vec<Value> = case_rows
        .iter()
        .filter(|c| matches!(c.state.as_str(), "decided" | "published" | "closed"))
        .map(|c| {
            json!({"case_id": c.case_id, "state": c.state, "department": c.department,
                        "region": c.region, "alert_id": c.alert_id})
        })
        .collect();
    let credit = match &uscc {
        Some(u) => state.store.latest_class(u).await?.map(|c| CreditView {
            class: c.class,
            as_of: c.as_of,
            points: c.points,
            model_version: c.model_version,
        }),
        None => None,
    };
    let profile = MerchantProfile {
        merchant_key: merchant_key.clone(),
        platform_id: platform,
        merchant_id: merchant,
        shop,
        shops,
        registry,
        related,
        findings: findings
            .iter()
            .map(|f| {
                json!({
            "finding_id": f.get("finding_id"), "detector": f.get("detector"), "rule": f.get("rule"),
            "severity": f.get("severity"), "score": f.get("score"), "summary": f.get("summary"),
            "window": f.get("window")})
            })
            .collect::<Vec<_>>(),
        findings_truncated,
        alerts: alerts
            .iter()
            .map(alert_json)
            .collect::<Result<Vec<_>, _>>()?,
        cases,
        penalties_as_of: as_of.to_string(),
        penalties,
        penalties_truncated,
        decided_cases,
        credit,
    };
    let mut body = serde_json::to_value(&profile).map_err(ApiError::internal)?;
    mask_json(&mut body);
    Ok(Json(body))
}
