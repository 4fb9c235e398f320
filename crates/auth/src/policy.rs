//! The access policy as data: [`POLICY`] lists, for each operation, the roles allowed and the
//! scope rule that limits them; a pair not listed is denied. [`authorize`] is the one function
//! every handler calls, and the access-matrix test reads the same table.
//!
//! Records belong to a department and region ([`Scope`]); data a platform delivered also names
//! its supplier. Staff see records of their own department inside their region ([`ScopeRule::Own`]),
//! leaders any department inside their region ([`ScopeRule::Region`]), platforms only what they
//! supplied ([`ScopeRule::Supplier`]). The three administrators act system-wide on accounts,
//! roles and the audit log, and on nothing else. Operations marked privileged need an
//! authentication (password + TOTP) in the last five minutes.

use crate::role::{Role, Roles};
use crate::scope::{Adcode, Scope};

/// Every operation of the API. The server maps each route to exactly one of these, and the
/// OpenAPI `operationId` of a route is [`Operation::id`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Operation {
    /// `GET /healthz`.
    Health,
    /// `GET /readyz`.
    Ready,
    /// `GET /metrics`.
    Metrics,
    /// `GET /api/openapi.json`.
    OpenApi,
    /// First-run setup: creates the first system administrator when there are no accounts.
    Setup,
    /// Staff login (password + TOTP).
    Login,
    /// Ends the caller's session.
    Logout,
    /// The caller's own account.
    Me,
    /// Password + TOTP again, opening the privileged window.
    Reauthenticate,
    /// Lists batches.
    ListBatches,
    /// One batch's receipt.
    GetBatch,
    /// Lists deliveries.
    ListDeliveries,
    /// A batch's quarantined rows, personal fields masked.
    ListQuarantine,
    /// A batch's quarantined rows with raw values (audited).
    UnmaskQuarantine,
    /// Lists findings.
    ListFindings,
    /// One finding.
    GetFinding,
    /// Lists detection runs.
    ListRuns,
    /// A platform pushes a batch.
    PushBatch,
    /// Lists accounts.
    ListUsers,
    /// Creates a staff account.
    CreateUser,
    /// Replaces an account's roles.
    SetUserRoles,
    /// Disables an account (and ends its sessions).
    DisableUser,
    /// Issues an API key to a platform.
    CreateApiKey,
    /// Revokes a platform's API key.
    RevokeApiKey,
    /// Reads the audit log.
    ListAudit,
    /// Verifies the audit log's hash chain.
    VerifyAudit,
    // --- web (helper): the interface's reads and the case desk.
    /// The cockpit's aggregates (findings, alerts, cases, ingest health) in the caller's scope.
    Cockpit,
    /// Lists alerts.
    ListAlerts,
    /// A merchant's profile: registry facts, shops, findings, alerts, cases, relations.
    GetMerchant,
    /// Lists clues and cases.
    ListCases,
    /// One clue or case with its events.
    GetCase,
    /// Opens a clue from an alert.
    OpenClue,
    /// Exports a case file as an evidence bundle (audited).
    ExportCase,
    /// The current signed tree head of the evidence log.
    EvidenceHead,
    /// Verifies an uploaded evidence bundle (anyone; nothing stored is trusted).
    VerifyBundle,
    /// The detector catalogue: rules, parameters, legal basis, periods in force.
    ListRules,
    /// Takes an action on a clue or case (verification, filing, transfer, 协查, closing…).
    ActCase,
    // --- rectification notices (issue #8, helper loop)
    /// Lists rectification notices (a platform: those it forwards).
    ListNotices,
    /// One rectification notice.
    GetNotice,
    /// A platform's reply (整改反馈) to a notice it forwards.
    ReplyNotice,
    // --- departments (helper): staff act on rectification notices.
    /// Issues a rectification notice from a minor alert.
    IssueNotice,
    /// Accepts a platform's reply to a notice.
    AcceptNotice,
    /// Escalates a notice to a clue (overdue, or the reply rejected).
    EscalateNotice,
    /// Escalates every overdue notice in the caller's reach.
    EscalateOverdueNotices,
    // --- web (helper, issue 10): proof status and the administrators' actions.
    /// A finding's proof status: its evidence-log leaf, inclusion in the current signed head.
    FindingProof,
    /// Enables a disabled account (and clears its lock).
    EnableUser,
    /// Issues a new second factor (TOTP secret) to an account, ending its sessions.
    ResetTotp,
    /// Lists platform API keys (public fields only).
    ListApiKeys,
    /// A scheme finding's referral tree from the lake's `referrals` rows.
    FindingReferrals,
    // --- web11 (issue 10): the 双随机、一公开 draws (made by `tianping inspect draw`, CLI only).
    /// Lists 双随机 draws (plans and their digests).
    ListDraws,
    /// One draw's record: plan, drawn entities with their class, inspectors, recusals, digests.
    GetDraw,
    /// Re-runs a stored draw from its record and compares the digests.
    VerifyDraw,
    /// The published draws (一公开: no class), for anyone, once their check period has ended.
    ListPublicDraws,
    /// One published draw (一公开: no class), for anyone, once its check period has ended.
    GetPublicDraw,
    // --- params (issue 9): rule parameter settings, versioned and audited.
    /// A rule's parameter settings: every value set, its first day, reason, who and when.
    ListRuleSettings,
    /// Records a parameter setting (system administrator, re-authenticated, audited).
    CreateRuleSetting,
    // --- issue 10: dispatch (交办) to a chosen unit and naming investigators.
    /// The installation's departments (reference data), each marked with whether the caller may
    /// open a clue there.
    ListUnits,
    /// Staff who may be named investigators (enabled accounts with an inspector or case-officer
    /// role) in the caller's scope: id, display name, unit, business roles.
    ListStaff,
}

impl Operation {
    /// Every operation.
    pub const ALL: [Operation; 58] = [
        Operation::Health,
        Operation::Ready,
        Operation::Metrics,
        Operation::OpenApi,
        Operation::Setup,
        Operation::Login,
        Operation::Logout,
        Operation::Me,
        Operation::Reauthenticate,
        Operation::ListBatches,
        Operation::GetBatch,
        Operation::ListDeliveries,
        Operation::ListQuarantine,
        Operation::UnmaskQuarantine,
        Operation::ListFindings,
        Operation::GetFinding,
        Operation::ListRuns,
        Operation::PushBatch,
        Operation::ListUsers,
        Operation::CreateUser,
        Operation::SetUserRoles,
        Operation::DisableUser,
        Operation::CreateApiKey,
        Operation::RevokeApiKey,
        Operation::ListAudit,
        Operation::VerifyAudit,
        // --- web
        Operation::Cockpit,
        Operation::ListAlerts,
        Operation::GetMerchant,
        Operation::ListCases,
        Operation::GetCase,
        Operation::OpenClue,
        Operation::ExportCase,
        Operation::EvidenceHead,
        Operation::VerifyBundle,
        Operation::ListRules,
        Operation::ActCase,
        // --- rectification notices (issue #8, helper loop)
        Operation::ListNotices,
        Operation::GetNotice,
        Operation::ReplyNotice,
        // --- departments
        Operation::IssueNotice,
        Operation::AcceptNotice,
        Operation::EscalateNotice,
        Operation::EscalateOverdueNotices,
        // --- web (issue 10)
        Operation::FindingProof,
        Operation::EnableUser,
        Operation::ResetTotp,
        Operation::ListApiKeys,
        Operation::FindingReferrals,
        // --- web11
        Operation::ListDraws,
        Operation::GetDraw,
        Operation::VerifyDraw,
        Operation::ListPublicDraws,
        Operation::GetPublicDraw,
        // --- params
        Operation::ListRuleSettings,
        Operation::CreateRuleSetting,
        // --- issue 10
        Operation::ListUnits,
        Operation::ListStaff,
    ];

    /// The stable id (the OpenAPI `operationId`).
    pub fn id(self) -> &'static str {
        match self {
            Operation::Health => "health",
            Operation::Ready => "ready",
            Operation::Metrics => "metrics",
            Operation::OpenApi => "openapi",
            Operation::Setup => "setup",
            Operation::Login => "login",
            Operation::Logout => "logout",
            Operation::Me => "me",
            Operation::Reauthenticate => "reauthenticate",
            Operation::ListBatches => "list_batches",
            Operation::GetBatch => "get_batch",
            Operation::ListDeliveries => "list_deliveries",
            Operation::ListQuarantine => "list_quarantine",
            Operation::UnmaskQuarantine => "unmask_quarantine",
            Operation::ListFindings => "list_findings",
            Operation::GetFinding => "get_finding",
            Operation::ListRuns => "list_runs",
            Operation::PushBatch => "push_batch",
            Operation::ListUsers => "list_users",
            Operation::CreateUser => "create_user",
            Operation::SetUserRoles => "set_user_roles",
            Operation::DisableUser => "disable_user",
            Operation::CreateApiKey => "create_api_key",
            Operation::RevokeApiKey => "revoke_api_key",
            Operation::ListAudit => "list_audit",
            Operation::VerifyAudit => "verify_audit",
            // --- web
            Operation::Cockpit => "cockpit",
            Operation::ListAlerts => "list_alerts",
            Operation::GetMerchant => "get_merchant",
            Operation::ListCases => "list_cases",
            Operation::GetCase => "get_case",
            Operation::OpenClue => "open_clue",
            Operation::ExportCase => "export_case",
            Operation::EvidenceHead => "evidence_head",
            Operation::VerifyBundle => "verify_bundle",
            Operation::ListRules => "list_rules",
            Operation::ActCase => "act_case",
            // --- rectification notices (issue #8, helper loop)
            Operation::ListNotices => "list_notices",
            Operation::GetNotice => "get_notice",
            Operation::ReplyNotice => "reply_notice",
            // --- departments
            Operation::IssueNotice => "issue_notice",
            Operation::AcceptNotice => "accept_notice",
            Operation::EscalateNotice => "escalate_notice",
            Operation::EscalateOverdueNotices => "escalate_overdue_notices",
            // --- web (issue 10)
            Operation::FindingProof => "finding_proof",
            Operation::EnableUser => "enable_user",
            Operation::ResetTotp => "reset_totp",
            Operation::ListApiKeys => "list_api_keys",
            Operation::FindingReferrals => "finding_referrals",
            // --- web11
            Operation::ListDraws => "list_draws",
            Operation::GetDraw => "get_draw",
            Operation::VerifyDraw => "verify_draw",
            Operation::ListPublicDraws => "list_public_draws",
            Operation::GetPublicDraw => "get_public_draw",
            // --- params
            Operation::ListRuleSettings => "list_rule_settings",
            Operation::CreateRuleSetting => "create_rule_setting",
            Operation::ListUnits => "list_units",
            Operation::ListStaff => "list_staff",
        }
    }

    /// The operation of an id.
    pub fn from_id(id: &str) -> Option<Operation> {
        Operation::ALL.into_iter().find(|o| o.id() == id)
    }

    /// Open without credentials (setup and login check their own preconditions).
    pub fn is_public(self) -> bool {
        matches!(
            self,
            Operation::Health
                | Operation::Ready
                | Operation::Metrics
                | Operation::OpenApi
                | Operation::Setup
                | Operation::Login
                // --- web
                | Operation::VerifyBundle
                // --- web11: 一公开, the published form carries no class
                | Operation::ListPublicDraws
                | Operation::GetPublicDraw
        )
    }

    /// Needs an authentication within the last five minutes.
    pub fn is_privileged(self) -> bool {
        matches!(
            self,
            Operation::UnmaskQuarantine
                | Operation::CreateUser
                | Operation::SetUserRoles
                | Operation::DisableUser
                | Operation::CreateApiKey
                | Operation::RevokeApiKey
                // --- web (issue 10)
                | Operation::EnableUser
                | Operation::ResetTotp
                // --- params: a threshold changes what every detection finds
                | Operation::CreateRuleSetting
        )
    }
}

/// How far an allowed role reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ScopeRule {
    /// Only the caller's own session or account.
    Itself,
    /// Records of the caller's department inside the caller's region.
    Own,
    /// Records of any department inside the caller's region.
    Region,
    /// What the caller's supplier delivered (platforms).
    Supplier,
    /// System-wide (administrators, on accounts and the audit log).
    Anywhere,
}

/// One row of the policy table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grant {
    /// Operation.
    pub op: Operation,
    /// Role.
    pub role: Role,
    /// Its reach.
    pub rule: ScopeRule,
}

const fn g(op: Operation, role: Role, rule: ScopeRule) -> Grant {
    Grant { op, role, rule }
}

use Operation as O;
use Role as R;
use ScopeRule as S;

/// The policy table. Anything not listed is denied.
pub const POLICY: &[Grant] = &[
    // Own session: every account with a session.
    g(O::Logout, R::Analyst, S::Itself),
    g(O::Logout, R::Inspector, S::Itself),
    g(O::Logout, R::CaseOfficer, S::Itself),
    g(O::Logout, R::ComplaintHandler, S::Itself),
    g(O::Logout, R::Leader, S::Itself),
    g(O::Logout, R::SystemAdmin, S::Itself),
    g(O::Logout, R::SecurityAdmin, S::Itself),
    g(O::Logout, R::AuditAdmin, S::Itself),
    g(O::Me, R::Analyst, S::Itself),
    g(O::Me, R::Inspector, S::Itself),
    g(O::Me, R::CaseOfficer, S::Itself),
    g(O::Me, R::ComplaintHandler, S::Itself),
    g(O::Me, R::Leader, S::Itself),
    g(O::Me, R::Platform, S::Itself),
    g(O::Me, R::SystemAdmin, S::Itself),
    g(O::Me, R::SecurityAdmin, S::Itself),
    g(O::Me, R::AuditAdmin, S::Itself),
    g(O::Reauthenticate, R::Analyst, S::Itself),
    g(O::Reauthenticate, R::Inspector, S::Itself),
    g(O::Reauthenticate, R::CaseOfficer, S::Itself),
    g(O::Reauthenticate, R::ComplaintHandler, S::Itself),
    g(O::Reauthenticate, R::Leader, S::Itself),
    g(O::Reauthenticate, R::SystemAdmin, S::Itself),
    g(O::Reauthenticate, R::SecurityAdmin, S::Itself),
    g(O::Reauthenticate, R::AuditAdmin, S::Itself),
    // Delivered data.
    g(O::ListBatches, R::Analyst, S::Own),
    g(O::ListBatches, R::Inspector, S::Own),
    g(O::ListBatches, R::CaseOfficer, S::Own),
    g(O::ListBatches, R::Leader, S::Region),
    g(O::ListBatches, R::Platform, S::Supplier),
    g(O::GetBatch, R::Analyst, S::Own),
    g(O::GetBatch, R::Inspector, S::Own),
    g(O::GetBatch, R::CaseOfficer, S::Own),
    g(O::GetBatch, R::Leader, S::Region),
    g(O::GetBatch, R::Platform, S::Supplier),
    g(O::ListDeliveries, R::Analyst, S::Own),
    g(O::ListDeliveries, R::Leader, S::Region),
    g(O::ListDeliveries, R::Platform, S::Supplier),
    g(O::ListQuarantine, R::Analyst, S::Own),
    g(O::ListQuarantine, R::Inspector, S::Own),
    g(O::ListQuarantine, R::CaseOfficer, S::Own),
    g(O::ListQuarantine, R::Leader, S::Region),
    g(O::ListQuarantine, R::Platform, S::Supplier),
    g(O::UnmaskQuarantine, R::Inspector, S::Own),
    g(O::UnmaskQuarantine, R::CaseOfficer, S::Own),
    g(O::PushBatch, R::Platform, S::Supplier),
    // Findings and runs.
    g(O::ListFindings, R::Analyst, S::Own),
    g(O::ListFindings, R::Inspector, S::Own),
    g(O::ListFindings, R::CaseOfficer, S::Own),
    g(O::ListFindings, R::ComplaintHandler, S::Own),
    g(O::ListFindings, R::Leader, S::Region),
    g(O::ListFindings, R::Platform, S::Supplier),
    g(O::GetFinding, R::Analyst, S::Own),
    g(O::GetFinding, R::Inspector, S::Own),
    g(O::GetFinding, R::CaseOfficer, S::Own),
    g(O::GetFinding, R::ComplaintHandler, S::Own),
    g(O::GetFinding, R::Leader, S::Region),
    g(O::GetFinding, R::Platform, S::Supplier),
    g(O::ListRuns, R::Analyst, S::Own),
    g(O::ListRuns, R::Leader, S::Region),
    // 系统管理员: accounts and platform keys.
    g(O::ListUsers, R::SystemAdmin, S::Anywhere),
    g(O::CreateUser, R::SystemAdmin, S::Anywhere),
    g(O::DisableUser, R::SystemAdmin, S::Anywhere),
    g(O::CreateApiKey, R::SystemAdmin, S::Anywhere),
    g(O::RevokeApiKey, R::SystemAdmin, S::Anywhere),
    // 安全管理员: roles.
    g(O::ListUsers, R::SecurityAdmin, S::Anywhere),
    g(O::SetUserRoles, R::SecurityAdmin, S::Anywhere),
    // 审计管理员: the audit log.
    g(O::ListAudit, R::AuditAdmin, S::Anywhere),
    g(O::VerifyAudit, R::AuditAdmin, S::Anywhere),
    // --- web: the cockpit, alerts and merchant profiles are delivered data (owned by the
    // configured unit); clues and cases carry their own department and region.
    g(O::Cockpit, R::Analyst, S::Own),
    g(O::Cockpit, R::Inspector, S::Own),
    g(O::Cockpit, R::CaseOfficer, S::Own),
    g(O::Cockpit, R::ComplaintHandler, S::Own),
    g(O::Cockpit, R::Leader, S::Region),
    g(O::ListAlerts, R::Analyst, S::Own),
    g(O::ListAlerts, R::Inspector, S::Own),
    g(O::ListAlerts, R::CaseOfficer, S::Own),
    g(O::ListAlerts, R::Leader, S::Region),
    g(O::GetMerchant, R::Analyst, S::Own),
    g(O::GetMerchant, R::Inspector, S::Own),
    g(O::GetMerchant, R::CaseOfficer, S::Own),
    g(O::GetMerchant, R::Leader, S::Region),
    g(O::ListCases, R::Analyst, S::Own),
    g(O::ListCases, R::Inspector, S::Own),
    g(O::ListCases, R::CaseOfficer, S::Own),
    g(O::ListCases, R::Leader, S::Region),
    g(O::GetCase, R::Analyst, S::Own),
    g(O::GetCase, R::Inspector, S::Own),
    g(O::GetCase, R::CaseOfficer, S::Own),
    g(O::GetCase, R::Leader, S::Region),
    g(O::OpenClue, R::CaseOfficer, S::Own),
    g(O::OpenClue, R::Leader, S::Region),
    g(O::ExportCase, R::Inspector, S::Own),
    g(O::ExportCase, R::CaseOfficer, S::Own),
    g(O::ExportCase, R::Leader, S::Region),
    g(O::EvidenceHead, R::Analyst, S::Own),
    g(O::EvidenceHead, R::Inspector, S::Own),
    g(O::EvidenceHead, R::CaseOfficer, S::Own),
    g(O::EvidenceHead, R::ComplaintHandler, S::Own),
    g(O::EvidenceHead, R::Leader, S::Region),
    // The detector catalogue is reference data of no unit (legal basis, parameters).
    g(O::ListRules, R::Analyst, S::Anywhere),
    g(O::ListRules, R::Inspector, S::Anywhere),
    g(O::ListRules, R::CaseOfficer, S::Anywhere),
    g(O::ListRules, R::ComplaintHandler, S::Anywhere),
    g(O::ListRules, R::Leader, S::Anywhere),
    g(O::ActCase, R::Inspector, S::Own),
    g(O::ActCase, R::CaseOfficer, S::Own),
    g(O::ActCase, R::Leader, S::Region),
    // --- rectification notices (issue #8, helper loop): staff read them in their scope; the
    // platform reads and answers only those it forwards.
    g(O::ListNotices, R::Inspector, S::Own),
    g(O::ListNotices, R::CaseOfficer, S::Own),
    g(O::ListNotices, R::Leader, S::Region),
    g(O::ListNotices, R::Platform, S::Supplier),
    g(O::GetNotice, R::Inspector, S::Own),
    g(O::GetNotice, R::CaseOfficer, S::Own),
    g(O::GetNotice, R::Leader, S::Region),
    g(O::GetNotice, R::Platform, S::Supplier),
    g(O::ReplyNotice, R::Platform, S::Supplier),
    // --- departments (helper): officers issue and accept in their unit, leaders in their region;
    // escalation opens a clue, so it is the dispatcher's (case officer's) or the leader's.
    g(O::IssueNotice, R::Inspector, S::Own),
    g(O::IssueNotice, R::CaseOfficer, S::Own),
    g(O::IssueNotice, R::Leader, S::Region),
    g(O::AcceptNotice, R::Inspector, S::Own),
    g(O::AcceptNotice, R::CaseOfficer, S::Own),
    g(O::AcceptNotice, R::Leader, S::Region),
    g(O::EscalateNotice, R::CaseOfficer, S::Own),
    g(O::EscalateNotice, R::Leader, S::Region),
    g(O::EscalateOverdueNotices, R::CaseOfficer, S::Own),
    g(O::EscalateOverdueNotices, R::Leader, S::Region),
    // --- web (helper, issue 10): a finding's proof status is read like the finding (staff); the
    // system administrator enables accounts, resets second factors and lists platform keys.
    g(O::FindingProof, R::Analyst, S::Own),
    g(O::FindingProof, R::Inspector, S::Own),
    g(O::FindingProof, R::CaseOfficer, S::Own),
    g(O::FindingProof, R::ComplaintHandler, S::Own),
    g(O::FindingProof, R::Leader, S::Region),
    g(O::EnableUser, R::SystemAdmin, S::Anywhere),
    g(O::ResetTotp, R::SystemAdmin, S::Anywhere),
    g(O::ListApiKeys, R::SystemAdmin, S::Anywhere),
    g(O::FindingReferrals, R::Analyst, S::Own),
    g(O::FindingReferrals, R::Inspector, S::Own),
    g(O::FindingReferrals, R::CaseOfficer, S::Own),
    g(O::FindingReferrals, R::ComplaintHandler, S::Own),
    g(O::FindingReferrals, R::Leader, S::Region),
    // --- web11 (issue 10): a draw record holds the credit classes (internal), so it is read by
    // the regulator's business staff who read merchant profiles (which show the class): a draw
    // belongs to its plan's department inside the installation's region.
    g(O::ListDraws, R::Analyst, S::Own),
    g(O::ListDraws, R::Inspector, S::Own),
    g(O::ListDraws, R::CaseOfficer, S::Own),
    g(O::ListDraws, R::Leader, S::Region),
    g(O::GetDraw, R::Analyst, S::Own),
    g(O::GetDraw, R::Inspector, S::Own),
    g(O::GetDraw, R::CaseOfficer, S::Own),
    g(O::GetDraw, R::Leader, S::Region),
    g(O::VerifyDraw, R::Analyst, S::Own),
    g(O::VerifyDraw, R::Inspector, S::Own),
    g(O::VerifyDraw, R::CaseOfficer, S::Own),
    g(O::VerifyDraw, R::Leader, S::Region),
    // --- params (issue 9): the business staff read the rules and their settings; the system
    // administrator, who configures the system, reads them and alone records a setting (the
    // security and audit administrators do not: three-administrator separation).
    g(O::ListRules, R::SystemAdmin, S::Anywhere),
    g(O::ListRuleSettings, R::Analyst, S::Anywhere),
    g(O::ListRuleSettings, R::Inspector, S::Anywhere),
    g(O::ListRuleSettings, R::CaseOfficer, S::Anywhere),
    g(O::ListRuleSettings, R::ComplaintHandler, S::Anywhere),
    g(O::ListRuleSettings, R::Leader, S::Anywhere),
    g(O::ListRuleSettings, R::SystemAdmin, S::Anywhere),
    g(O::CreateRuleSetting, R::SystemAdmin, S::Anywhere),
    // --- issue 10: the department registry is reference data of no unit; the staff list is
    // read where cases are acted on (own unit; a leader's region).
    g(O::ListUnits, R::Analyst, S::Anywhere),
    g(O::ListUnits, R::Inspector, S::Anywhere),
    g(O::ListUnits, R::CaseOfficer, S::Anywhere),
    g(O::ListUnits, R::ComplaintHandler, S::Anywhere),
    g(O::ListUnits, R::Leader, S::Anywhere),
    g(O::ListStaff, R::Inspector, S::Own),
    g(O::ListStaff, R::CaseOfficer, S::Own),
    g(O::ListStaff, R::Leader, S::Region),
];

/// The grant of a role for an operation, if any.
pub fn grant(op: Operation, role: Role) -> Option<ScopeRule> {
    POLICY
        .iter()
        .find(|g| g.op == op && g.role == role)
        .map(|g| g.rule)
}

/// A signed-in staff member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    /// Account id.
    pub user_id: String,
    /// Roles.
    pub roles: Roles,
    /// Department and region.
    pub scope: Scope,
    /// Authenticated (password + TOTP) within the privileged window.
    pub fresh: bool,
}

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// No (valid) credentials.
    Anonymous,
    /// Staff with a session.
    Staff(Staff),
    /// A platform with an API key.
    Platform {
        /// The supplier id the key is bound to.
        supplier: String,
    },
}

impl Principal {
    fn roles(&self) -> Vec<Role> {
        match self {
            Principal::Anonymous => Vec::new(),
            Principal::Staff(s) => s.roles.iter().collect(),
            Principal::Platform { .. } => vec![Role::Platform],
        }
    }
}

/// What is being acted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource<'a> {
    /// A list: allowed means "allowed, filtered by [`list_filter`]".
    Collection,
    /// One record.
    Record {
        /// Its department and region.
        scope: &'a Scope,
        /// The supplier that delivered it, for delivered data.
        supplier: Option<&'a str>,
    },
    /// The caller's own session or account.
    Itself,
    /// System-wide objects (accounts, keys, the audit log).
    System,
}

/// Why access was denied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DenyReason {
    /// No valid credentials.
    #[error("未登录 / not authenticated")]
    NotAuthenticated,
    /// No role of the caller may do this.
    #[error("无此操作权限 / not permitted for your roles")]
    RoleNotPermitted,
    /// The record is outside the caller's scope.
    #[error("超出数据范围 / outside your scope")]
    OutOfScope,
    /// Privileged: authenticate again first.
    #[error("此操作需重新验证身份 / re-authenticate to do this")]
    ReauthenticationRequired,
}

/// The answer of [`authorize`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Allowed, under this rule (for collections: the filter to apply).
    Allow(ScopeRule),
    /// Denied.
    Deny(DenyReason),
}

impl Decision {
    /// Whether allowed.
    pub fn is_allowed(self) -> bool {
        matches!(self, Decision::Allow(_))
    }
}

fn rule_reaches(rule: ScopeRule, principal: &Principal, resource: Resource<'_>) -> bool {
    match (rule, resource) {
        (ScopeRule::Anywhere, _) => true,
        (ScopeRule::Itself, Resource::Itself) => true,
        (ScopeRule::Itself, _) => false,
        (_, Resource::Itself | Resource::System) => false,
        (_, Resource::Collection) => true,
        (ScopeRule::Own, Resource::Record { scope, .. }) => match principal {
            Principal::Staff(s) => {
                s.scope.department == scope.department && s.scope.region.covers(&scope.region)
            }
            _ => false,
        },
        (ScopeRule::Region, Resource::Record { scope, .. }) => match principal {
            Principal::Staff(s) => s.scope.region.covers(&scope.region),
            _ => false,
        },
        (ScopeRule::Supplier, Resource::Record { supplier, .. }) => match principal {
            Principal::Platform { supplier: mine } => supplier == Some(mine.as_str()),
            _ => false,
        },
    }
}

/// The one access decision: may `principal` do `op` on `resource`?
pub fn authorize(principal: &Principal, op: Operation, resource: Resource<'_>) -> Decision {
    if op.is_public() {
        return Decision::Allow(ScopeRule::Anywhere);
    }
    if matches!(principal, Principal::Anonymous) {
        return Decision::Deny(DenyReason::NotAuthenticated);
    }
    let rules: Vec<ScopeRule> = principal
        .roles()
        .into_iter()
        .filter_map(|role| grant(op, role))
        .collect();
    if rules.is_empty() {
        return Decision::Deny(DenyReason::RoleNotPermitted);
    }
    let Some(best) = rules
        .into_iter()
        .filter(|&rule| rule_reaches(rule, principal, resource))
        .max()
    else {
        return Decision::Deny(DenyReason::OutOfScope);
    };
    if op.is_privileged() {
        let fresh = matches!(principal, Principal::Staff(s) if s.fresh);
        if !fresh {
            return Decision::Deny(DenyReason::ReauthenticationRequired);
        }
    }
    Decision::Allow(best)
}

/// The rows an allowed list may return, for the store query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListFilter {
    /// Everything.
    All,
    /// Records of this department inside this region.
    Unit {
        /// Department.
        department: String,
        /// Region whose cover applies.
        region: Adcode,
    },
    /// Records inside this region.
    Region(Adcode),
    /// What this supplier delivered.
    Supplier(String),
    /// Nothing (a rule that does not apply to lists).
    Nothing,
}

impl ListFilter {
    /// Whether a record with this scope and supplier passes.
    pub fn admits(&self, scope: &Scope, supplier: Option<&str>) -> bool {
        match self {
            ListFilter::All => true,
            ListFilter::Unit { department, region } => {
                scope.department.as_str() == department && region.covers(&scope.region)
            }
            ListFilter::Region(region) => region.covers(&scope.region),
            ListFilter::Supplier(s) => supplier == Some(s.as_str()),
            ListFilter::Nothing => false,
        }
    }
}

/// The filter for a list the caller was allowed under `rule`.
pub fn list_filter(principal: &Principal, rule: ScopeRule) -> ListFilter {
    match (rule, principal) {
        (ScopeRule::Anywhere, _) => ListFilter::All,
        (ScopeRule::Own, Principal::Staff(s)) => ListFilter::Unit {
            department: s.scope.department.as_str().to_string(),
            region: s.scope.region.clone(),
        },
        (ScopeRule::Region, Principal::Staff(s)) => ListFilter::Region(s.scope.region.clone()),
        (ScopeRule::Supplier, Principal::Platform { supplier }) => {
            ListFilter::Supplier(supplier.clone())
        }
        _ => ListFilter::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(roles: &[Role], dept: &str, region: &str, fresh: bool) -> Principal {
        Principal::Staff(Staff {
            user_id: "u1".into(),
            roles: Roles::new(roles.iter().copied()).unwrap(),
            scope: Scope::parse(dept, region).unwrap(),
            fresh,
        })
    }

    #[test]
    fn the_table_is_well_formed() {
        for (i, a) in POLICY.iter().enumerate() {
            assert!(!a.op.is_public(), "{:?} is public and needs no grant", a.op);
            for b in &POLICY[i + 1..] {
                assert!(
                    !(a.op == b.op && a.role == b.role),
                    "duplicate {:?}",
                    (a.op, a.role)
                );
            }
        }
        for op in Operation::ALL {
            assert_eq!(Operation::from_id(op.id()), Some(op));
            assert!(
                op.is_public() || POLICY.iter().any(|g| g.op == op),
                "{op:?} has no grant"
            );
        }
    }

    #[test]
    fn separation_of_the_three_administrators() {
        let business = [
            O::ListBatches,
            O::GetBatch,
            O::ListDeliveries,
            O::ListQuarantine,
            O::UnmaskQuarantine,
            O::ListFindings,
            O::GetFinding,
            O::ListRuns,
            O::PushBatch,
        ];
        for admin in [R::SystemAdmin, R::SecurityAdmin, R::AuditAdmin] {
            for op in business {
                assert_eq!(grant(op, admin), None, "{admin:?} {op:?}");
            }
        }
        // The audit admin changes nothing; the others do not read the audit log.
        for op in [
            O::CreateUser,
            O::SetUserRoles,
            O::DisableUser,
            O::CreateApiKey,
            O::RevokeApiKey,
        ] {
            assert_eq!(grant(op, R::AuditAdmin), None);
        }
        for op in [O::ListAudit, O::VerifyAudit] {
            assert_eq!(grant(op, R::SystemAdmin), None);
            assert_eq!(grant(op, R::SecurityAdmin), None);
        }
        // Only the system administrator records a rule parameter setting.
        for role in Role::ALL {
            assert_eq!(
                grant(O::CreateRuleSetting, role).is_some(),
                role == R::SystemAdmin,
                "{role:?}"
            );
        }
        assert!(O::CreateRuleSetting.is_privileged());
        // Accounts are created by one administrator and given roles by another.
        assert_eq!(grant(O::SetUserRoles, R::SystemAdmin), None);
        assert_eq!(grant(O::CreateUser, R::SecurityAdmin), None);
    }

    #[test]
    fn scope_rules_on_records() {
        let owner = Scope::parse("wangjian", "330106").unwrap();
        let rec = Resource::Record {
            scope: &owner,
            supplier: Some("taobao"),
        };
        let analyst_own = staff(&[R::Analyst], "wangjian", "330106", false);
        let analyst_city = staff(&[R::Analyst], "wangjian", "330100", false);
        let analyst_other_dept = staff(&[R::Analyst], "jiage", "330106", false);
        let analyst_other_region = staff(&[R::Analyst], "wangjian", "330200", false);
        let leader_other_dept = staff(&[R::Leader], "jiage", "330100", false);
        let leader_other_region = staff(&[R::Leader], "jiage", "330200", false);
        assert_eq!(
            authorize(&analyst_own, O::ListFindings, rec),
            Decision::Allow(S::Own)
        );
        assert!(authorize(&analyst_city, O::ListFindings, rec).is_allowed());
        assert_eq!(
            authorize(&analyst_other_dept, O::ListFindings, rec),
            Decision::Deny(DenyReason::OutOfScope)
        );
        assert_eq!(
            authorize(&analyst_other_region, O::ListFindings, rec),
            Decision::Deny(DenyReason::OutOfScope)
        );
        assert_eq!(
            authorize(&leader_other_dept, O::ListFindings, rec),
            Decision::Allow(S::Region)
        );
        assert!(!authorize(&leader_other_region, O::ListFindings, rec).is_allowed());
        let platform = Principal::Platform {
            supplier: "taobao".into(),
        };
        let other_platform = Principal::Platform {
            supplier: "jd".into(),
        };
        assert!(authorize(&platform, O::GetBatch, rec).is_allowed());
        assert_eq!(
            authorize(&other_platform, O::GetBatch, rec),
            Decision::Deny(DenyReason::OutOfScope)
        );
        assert_eq!(
            authorize(&platform, O::ListRuns, Resource::Collection),
            Decision::Deny(DenyReason::RoleNotPermitted)
        );
    }

    #[test]
    fn anonymous_and_public() {
        assert_eq!(
            authorize(&Principal::Anonymous, O::ListBatches, Resource::Collection),
            Decision::Deny(DenyReason::NotAuthenticated)
        );
        assert!(authorize(&Principal::Anonymous, O::Login, Resource::System).is_allowed());
    }

    #[test]
    fn privileged_operations_need_a_fresh_authentication() {
        let owner = Scope::parse("wangjian", "330106").unwrap();
        let rec = Resource::Record {
            scope: &owner,
            supplier: None,
        };
        let stale = staff(&[R::CaseOfficer], "wangjian", "330106", false);
        let fresh = staff(&[R::CaseOfficer], "wangjian", "330106", true);
        assert_eq!(
            authorize(&stale, O::UnmaskQuarantine, rec),
            Decision::Deny(DenyReason::ReauthenticationRequired)
        );
        assert!(authorize(&fresh, O::UnmaskQuarantine, rec).is_allowed());
        // Not allowed at all stays a role denial, fresh or not.
        let analyst = staff(&[R::Analyst], "wangjian", "330106", true);
        assert_eq!(
            authorize(&analyst, O::UnmaskQuarantine, rec),
            Decision::Deny(DenyReason::RoleNotPermitted)
        );
    }

    #[test]
    fn the_broadest_of_several_roles_applies_to_lists() {
        let both = staff(&[R::Analyst, R::Leader], "wangjian", "330100", false);
        assert_eq!(
            authorize(&both, O::ListFindings, Resource::Collection),
            Decision::Allow(S::Region)
        );
        let Principal::Staff(_) = &both else {
            unreachable!()
        };
        assert_eq!(
            list_filter(&both, S::Region),
            ListFilter::Region(Adcode::parse("330100").unwrap())
        );
        let f = list_filter(&both, S::Own);
        assert!(f.admits(&Scope::parse("wangjian", "330106").unwrap(), None));
        assert!(!f.admits(&Scope::parse("jiage", "330106").unwrap(), None));
    }
}
