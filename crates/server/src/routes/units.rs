//! Dispatch (交办) to a chosen unit and naming investigators (issue 10): the installation's
//! departments, each marked with whether the caller may open a clue there (the access policy's
//! `open_clue` rule against the department's own scope), and the staff who may be named
//! investigators of a case — enabled accounts with an inspector or case-officer role, in the
//! caller's scope. Neither carries personal data beyond a colleague's display name.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use tianping_auth::policy::{ListFilter, list_filter};
use tianping_auth::{Operation, Principal, Resource, Role, Roles, Scope, authorize};
use tianping_store::accounts::AccountFilter;
use utoipa::ToSchema;

use crate::access::{Caller, guard};
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

/// One department of the registry.
#[derive(Debug, Serialize, ToSchema)]
pub struct Unit {
    /// Id (what records store).
    pub department: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// The division it serves.
    pub region: String,
    /// The department above it.
    pub parent: Option<String>,
    /// Whether the caller may open a clue in this unit (交办 to it).
    pub open_clue: bool,
}

/// The installation's departments.
#[derive(Debug, Serialize, ToSchema)]
pub struct Units {
    /// Active departments, by id.
    pub items: Vec<Unit>,
}

/// The installation's active departments (the registry), each with whether the caller may open
/// a clue there — the choices of the alert queue's 交办 to a unit.
#[utoipa::path(get, path = "/api/v1/units", operation_id = "list_units", tag = "web",
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "Active departments", body = Units),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn list_units(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Units>, ApiError> {
    guard(
        &state,
        &caller,
        Operation::ListUnits,
        Resource::System,
        "units",
    )
    .await?;
    let registry = tianping_service::departments::load(state.store.as_ref())
        .await
        .map_err(ApiError::internal)?;
    let items = registry
        .iter()
        .filter(|d| d.active)
        .map(|d| {
            let scope = Scope {
                department: d.id.clone(),
                region: d.region.clone(),
            };
            let open_clue = authorize(
                &caller.principal,
                Operation::OpenClue,
                Resource::Record {
                    scope: &scope,
                    supplier: None,
                },
            )
            .is_allowed();
            Unit {
                department: d.id.as_str().to_string(),
                name_zh: d.name_zh.clone(),
                name_en: d.name_en.clone(),
                region: d.region.as_str().to_string(),
                parent: d.parent.as_ref().map(|p| p.as_str().to_string()),
                open_clue,
            }
        })
        .collect();
    Ok(Json(Units { items }))
}

/// A colleague who may be named an investigator.
#[derive(Debug, Serialize, ToSchema)]
pub struct Colleague {
    /// Account id (what a case's `investigators` name).
    pub user_id: String,
    /// Display name.
    pub display_name: String,
    /// Department.
    pub department: String,
    /// Region.
    pub region: String,
    /// Business roles (`inspector`, `case_officer`).
    pub roles: Vec<String>,
}

/// Staff who may be named investigators.
#[derive(Debug, Serialize, ToSchema)]
pub struct Colleagues {
    /// Enabled inspectors and case officers in the caller's scope, by display name.
    pub items: Vec<Colleague>,
}

/// Whether an account may be named an investigator: enabled, with an inspector or case-officer
/// role (办案人员).
pub fn investigator_roles(roles: &str) -> Option<Vec<String>> {
    let roles = Roles::parse(roles.split(',')).ok()?;
    let named: Vec<String> = [Role::Inspector, Role::CaseOfficer]
        .into_iter()
        .filter(|r| roles.contains(*r))
        .map(|r| r.as_str().to_string())
        .collect();
    (!named.is_empty()).then_some(named)
}

/// The enabled inspectors and case officers in the caller's scope (own unit; a leader's
/// region) — the choices when naming a case's investigators (at least two, 程序规定 第十九条).
#[utoipa::path(get, path = "/api/v1/staff", operation_id = "list_staff", tag = "web",
    security(("session" = []), ("bearer" = [])),
    responses(
        (status = 200, description = "Staff who may be named investigators", body = Colleagues),
        (status = 401, description = "Not authenticated", body = ErrorBody),
        (status = 403, description = "Not permitted", body = ErrorBody)))]
pub async fn list_staff(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Colleagues>, ApiError> {
    let rule = guard(
        &state,
        &caller,
        Operation::ListStaff,
        Resource::Collection,
        "staff",
    )
    .await?;
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
            return Ok(Json(Colleagues { items: Vec::new() }));
        }
    };
    if !matches!(caller.principal, Principal::Staff(_)) {
        return Ok(Json(Colleagues { items: Vec::new() }));
    }
    let mut items = Vec::new();
    let mut offset: u64 = 0;
    loop {
        let rows = state.store.list_accounts(&filter, 500, offset).await?;
        let n = rows.len();
        for a in rows {
            if a.disabled {
                continue;
            }
            if let Some(roles) = investigator_roles(&a.roles) {
                items.push(Colleague {
                    user_id: a.user_id,
                    display_name: a.display_name,
                    department: a.department,
                    region: a.region,
                    roles,
                });
            }
        }
        if n < 500 {
            break;
        }
        offset += 500;
    }
    items.sort_by(|a, b| {
        (&a.department, &a.region, &a.display_name, &a.user_id).cmp(&(
            &b.department,
            &b.region,
            &b.display_name,
            &b.user_id,
        ))
    });
    Ok(Json(Colleagues { items }))
}
