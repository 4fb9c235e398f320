//! The routes: one handler per operation of `tianping_auth::Operation`.

pub mod admin;
pub mod casework;
pub mod cockpit;
pub mod data;
// --- web11: the 双随机、一公开 draws
pub mod draw_views;
pub mod draws;
pub mod lakeview;
pub mod merchant_credit;
pub mod notice_desk;
pub mod notices;
// --- loop2
pub mod ops;
pub mod penalties;
pub mod profile_index;
pub mod proof;
pub mod push;
pub mod referrals;
pub mod ring_devices;
pub mod rule_settings;
pub mod session;
pub mod ui;
pub mod units;
pub mod webadmin;

use axum::Router;
use axum::routing::{get, post, put};

use crate::state::AppState;

/// Operations routes (outside rate limits, so health checks answer under load).
pub fn ops_routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(ops::health))
        .route("/readyz", get(ops::ready))
        .route("/metrics", get(ops::metrics))
}

/// The API.
pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(ops::openapi))
        .route("/api/setup", post(session::setup))
        .route("/api/session", post(session::login))
        .route("/api/v1/session", axum::routing::delete(session::logout))
        .route("/api/v1/session/reauth", post(session::reauthenticate))
        .route("/api/v1/me", get(session::me))
        .route(
            "/api/v1/batches",
            get(data::list_batches).post(push::push_batch),
        )
        .route(
            "/api/v1/batches/{supplier}/{batch_id}",
            get(data::get_batch),
        )
        .route(
            "/api/v1/batches/{supplier}/{batch_id}/quarantine",
            get(data::list_quarantine),
        )
        .route(
            "/api/v1/batches/{supplier}/{batch_id}/quarantine/unmask",
            post(data::unmask_quarantine),
        )
        .route("/api/v1/deliveries", get(data::list_deliveries))
        .route("/api/v1/findings", get(data::list_findings))
        .route("/api/v1/findings/{finding_id}", get(data::get_finding))
        .route("/api/v1/runs", get(data::list_runs))
        .route(
            "/api/v1/users",
            get(admin::list_users).post(admin::create_user),
        )
        .route("/api/v1/users/{user_id}/roles", put(admin::set_user_roles))
        .route("/api/v1/users/{user_id}/disable", post(admin::disable_user))
        .route("/api/v1/api-keys", post(admin::create_api_key))
        .route(
            "/api/v1/api-keys/{key_id}",
            axum::routing::delete(admin::revoke_api_key),
        )
        .route("/api/v1/audit", get(admin::list_audit))
        .route("/api/v1/audit/verify", get(admin::verify_audit))
        // --- rectification notices (issue #8, helper loop)
        .route("/api/v1/notices", get(notices::list_notices))
        .route("/api/v1/notices/{notice_id}", get(notices::get_notice))
        .route(
            "/api/v1/notices/{notice_id}/reply",
            post(notices::reply_notice),
        )
        // --- web
        .merge(web_routes())
        // --- departments
        .route(
            "/api/v1/alerts/{alert_id}/notice",
            post(notice_desk::issue_notice),
        )
        .route(
            "/api/v1/notices/{notice_id}/accept",
            post(notice_desk::accept_notice),
        )
        .route(
            "/api/v1/notices/{notice_id}/escalate",
            post(notice_desk::escalate_notice),
        )
        .route(
            "/api/v1/notices/escalate-overdue",
            post(notice_desk::escalate_overdue_notices),
        )
}

/// The web interface's reads and the case desk (helper `web`).
fn web_routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/cockpit", get(cockpit::cockpit))
        .route("/api/v1/alerts", get(cockpit::list_alerts))
        .route("/api/v1/alerts/{alert_id}/clue", post(casework::open_clue))
        .route(
            "/api/v1/merchants/{merchant_key}",
            get(cockpit::get_merchant),
        )
        .route("/api/v1/units", get(units::list_units))
        .route("/api/v1/staff", get(units::list_staff))
        .route("/api/v1/cases", get(casework::list_cases))
        .route("/api/v1/cases/{case_id}", get(casework::get_case))
        .route("/api/v1/cases/{case_id}/bundle", get(casework::export_case))
        .route("/api/v1/cases/{case_id}/actions", post(casework::act_case))
        .route("/api/v1/evidence/head", get(casework::evidence_head))
        .route("/api/v1/rules", get(rule_settings::list_rules))
        // --- params (issue 9)
        .route(
            "/api/v1/rules/{rule_id}/settings",
            get(rule_settings::list_rule_settings).post(rule_settings::create_rule_setting),
        )
        .route(
            "/api/v1/evidence/verify",
            post(casework::verify_bundle).layer(axum::extract::DefaultBodyLimit::max(
                casework::MAX_BUNDLE_BYTES,
            )),
        )
        // --- web (issue 10): proof status, the administrators' actions.
        .route(
            "/api/v1/findings/{finding_id}/proof",
            get(proof::finding_proof),
        )
        .route(
            "/api/v1/users/{user_id}/enable",
            post(webadmin::enable_user),
        )
        .route("/api/v1/users/{user_id}/totp", post(webadmin::reset_totp))
        .route("/api/v1/api-keys", get(webadmin::list_api_keys))
        .route(
            "/api/v1/findings/{finding_id}/referrals",
            get(referrals::finding_referrals),
        )
        // --- web11: the 双随机、一公开 draws (staff) and their public face (anyone).
        .route("/api/v1/draws", get(draws::list_draws))
        .route("/api/v1/draws/{task_id}", get(draws::get_draw))
        .route("/api/v1/draws/{task_id}/verify", get(draws::verify_draw))
        .route("/api/v1/public/draws", get(draws::list_public_draws))
        .route(
            "/api/v1/public/draws/{task_id}",
            get(draws::get_public_draw),
        )
}

/// The web interface's files (not API operations; outside `/api`).
pub fn ui_routes() -> Router<AppState> {
    Router::new()
        .route("/", get(ui::index))
        .route("/ui/{*path}", get(ui::file))
}
