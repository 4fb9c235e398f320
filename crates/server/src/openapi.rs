//! The OpenAPI 3.1 document, generated from the handlers' annotations. Every operation's
//! `operationId` is the id of its `tianping_auth::Operation` (a test checks both lists match).

use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};

use crate::routes::{admin, data, notices, ops, push, session};
// --- web
use crate::routes::{casework, cockpit};
// --- departments
use crate::routes::notice_desk;
// --- web (issue 10)
use crate::routes::{proof, referrals, webadmin};
// --- web11
use crate::routes::{draw_views, draws};
// --- params (issue 9)
use crate::routes::rule_settings;
use crate::routes::units;

/// The API document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Tianping 天平 API",
        description = "平台经济监管系统接口 / platform-economy supervision API. Every /api/v1/ route needs credentials.",
        version = "1"
    ),
    paths(
        ops::health, ops::ready, ops::metrics, ops::openapi,
        session::setup, session::login, session::logout, session::me, session::reauthenticate,
        data::list_batches, data::get_batch, data::list_deliveries, data::list_quarantine,
        data::unmask_quarantine, data::list_findings, data::get_finding, data::list_runs,
        push::push_batch,
        admin::list_users, admin::create_user, admin::set_user_roles, admin::disable_user,
        admin::create_api_key, admin::revoke_api_key, admin::list_audit, admin::verify_audit,
        // --- web
        cockpit::cockpit, cockpit::list_alerts, cockpit::get_merchant,
        casework::list_cases, casework::get_case, casework::open_clue, casework::export_case,
        casework::evidence_head, casework::verify_bundle, rule_settings::list_rules, casework::act_case,
        // --- rectification notices (issue #8, helper loop)
        notices::list_notices, notices::get_notice, notices::reply_notice,
        // --- departments
        notice_desk::issue_notice, notice_desk::accept_notice, notice_desk::escalate_notice,
        notice_desk::escalate_overdue_notices,
        // --- web (issue 10)
        proof::finding_proof, webadmin::enable_user, webadmin::reset_totp, webadmin::list_api_keys,
        referrals::finding_referrals,
        // --- web11
        draws::list_draws, draws::get_draw, draws::verify_draw, draws::list_public_draws,
        draws::get_public_draw,
        // --- params (issue 9)
        rule_settings::list_rule_settings, rule_settings::create_rule_setting,
        // --- issue 10: 交办 to a unit, naming investigators
        units::list_units, units::list_staff,
    ),
    components(schemas(
        crate::error::ErrorBody, crate::error::ErrorDetail, ops::Status,
        session::SetupRequest, session::Enrolment, session::LoginRequest, session::LoginResponse,
        session::ReauthRequest, session::ReauthResponse, session::Me,
        data::Page, data::BatchSummary, data::QuarantineView, data::QuarantineRaw, data::UnmaskRequest,
        admin::RoleName, admin::BusinessRoleName, admin::UserView, admin::CreateUserRequest, admin::SetRolesRequest,
        admin::CreateApiKeyRequest, admin::ApiKeyCreated, admin::AuditVerification,
        // --- web
        casework::OpenClueRequest, casework::ActRequest,
        // --- service hardening
        data::CursorPage, push::Archive,
        // --- rectification notices (issue #8, helper loop)
        notices::AttachmentRef, notices::ReplyRequest, notices::NoticeStatus,
        // --- departments
        notice_desk::NoticeStepRequest, notice_desk::EscalateRequest, notice_desk::SweepResult,
        // --- web (issue 10)
        webadmin::AdminReason, webadmin::ApiKeyView,
        // --- loop2: penalties on the merchant profile
        cockpit::MerchantProfile, cockpit::CreditView, crate::routes::penalties::PenaltyView,
        crate::routes::penalties::PenaltyDisplay,
        // --- issue 10: 交办 to a unit, naming investigators
        units::Unit, units::Units, units::Colleague, units::Colleagues,
        // --- web11
        draw_views::DrawSummary, draw_views::ClassRate, draw_views::DrawDetail,
        draw_views::DrawnView, draw_views::InspectorView, draw_views::RecusalView,
        draw_views::DrawVerification, draw_views::Digests, draw_views::Bilingual,
        // --- params (issue 9)
        rule_settings::RuleSettingView, rule_settings::RuleSettings,
        rule_settings::CreateRuleSettingRequest,
    )),
    modifiers(&Security),
    tags(
        (name = "ops", description = "Health, readiness, metrics"),
        (name = "session", description = "Setup, login, logout"),
        (name = "data", description = "Batches, deliveries, quarantine, platform push"),
        (name = "findings", description = "Findings and detection runs"),
        (name = "admin", description = "Accounts, roles, API keys"),
        (name = "audit", description = "The audit log"),
        // --- web
        (name = "web", description = "Cockpit, alerts, merchants, cases, evidence (the web interface)"),
        (name = "notices", description = "Rectification notices: platforms fetch and answer theirs"),
    )
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        // Answers any operation can give: shedding, and the body checks of JSON operations.
        for item in openapi.paths.paths.values_mut() {
            let ops = [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.delete,
            ];
            for op in ops.into_iter().flatten() {
                let has_body = op.request_body.is_some();
                let responses = &mut op.responses.responses;
                let mut add = |code: &str, text: &str| {
                    responses.entry(code.to_string()).or_insert_with(|| {
                        RefOr::T(
                            ResponseBuilder::new()
                                .description(text)
                                .content(
                                    "application/json",
                                    Content::new(Some(Ref::from_schema_name("ErrorBody"))),
                                )
                                .build(),
                        )
                    });
                };
                if has_body {
                    add("413", "Body too large");
                    add("415", "Wrong Content-Type");
                }
                add("429", "Over the request rate; retry later");
                add("503", "Busy or the store is unavailable; retry later");
            }
        }
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(
                crate::access::SESSION_COOKIE,
            ))),
        );
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-Api-Key"))),
        );
    }
}
