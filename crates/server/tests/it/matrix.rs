//! The access matrix (reliability-security.md A1–A3): every operation in the served OpenAPI
//! document × every role × {own unit, other department, other region, both} (platforms: own supplier,
//! other supplier; and anonymous), against the policy table read directly — not through
//! `authorize` — with these checks:
//! - each answer is a denial exactly when the table says so (zero unexpected allows or denials);
//! - allowed calls that should succeed do (2xx);
//! - list answers hold no row outside the caller's reach, and are not vacuously empty; the
//!   cockpit's alert and case counts equal the rows the caller's list filter admits (an oracle
//!   over the whole tables), with a foreign clue (another department in another region) present;
//! - every denial is in the audit log, and every answered read of a finding, a finding's proof,
//!   the signed head and every findings page is one audit row naming who read which;
//! - no body a non-unmasking role receives holds a raw phone or ID number.

use std::collections::{BTreeMap, BTreeSet};

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use tianping_auth::policy::{ListFilter, POLICY, ScopeRule, grant};
use tianping_auth::{Adcode, Operation, Role, Scope};
use tianping_store::cases::QueueFilter;

use crate::support::{
    Answer, Auth, Harness, OWNER_DEPT, OWNER_REGION, example_zip, personal_numbers,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    Own,
    OtherDept,
    OtherRegion,
    /// Another department in another region.
    Both,
}

#[derive(Debug, Clone)]
enum Who {
    Anonymous,
    Staff {
        role: Role,
        cell: Cell,
        user_id: String,
    },
    Platform {
        supplier: &'static str,
        own: bool,
    },
}

struct Principal {
    who: Who,
    auth: Auth,
}

/// Lists: allowed for a granted role in any cell, rows filtered to its reach.
fn is_list(op: Operation) -> bool {
    matches!(
        op,
        Operation::ListBatches
            | Operation::ListDeliveries
            | Operation::ListFindings
            | Operation::ListRuns
            | Operation::ListUsers
            // --- web
            | Operation::Cockpit
            | Operation::ListAlerts
            | Operation::ListCases
            | Operation::EvidenceHead
            | Operation::ListNotices
            // --- departments: a sweep acts on the caller's reach, like a list.
            | Operation::EscalateOverdueNotices
            // --- web11: draws, each of its plan's department in the data owner's region.
            | Operation::ListDraws
            // --- issue 10: staff who may be named investigators, each of their own unit.
            | Operation::ListStaff
    )
}

/// The reads audited one by one (a list: one row per page).
const READS: [Operation; 4] = [
    Operation::GetFinding,
    Operation::FindingProof,
    Operation::EvidenceHead,
    Operation::ListFindings,
];

/// The audit target of an audited read in the matrix (which finding, the head, the list).
fn audited_read(op: Operation, finding_id: &str) -> Option<String> {
    match op {
        Operation::GetFinding | Operation::FindingProof => Some(format!("finding:{finding_id}")),
        Operation::EvidenceHead => Some("evidence:head".into()),
        Operation::ListFindings => Some("findings".into()),
        _ => None,
    }
}

/// The actor the audit log names for a principal.
fn actor_of(who: &Who) -> String {
    match who {
        Who::Anonymous => "anonymous".into(),
        Who::Staff { user_id, .. } => user_id.clone(),
        Who::Platform { supplier, .. } => format!("platform:{supplier}"),
    }
}

fn reaches(rule: ScopeRule, cell: Cell) -> bool {
    match rule {
        ScopeRule::Anywhere | ScopeRule::Itself => true,
        ScopeRule::Own => cell == Cell::Own,
        ScopeRule::Region => matches!(cell, Cell::Own | Cell::OtherDept),
        ScopeRule::Supplier => false,
    }
}

/// What the policy table says about one call.
fn expected_allowed(op: Operation, who: &Who) -> bool {
    if op.is_public() {
        return true;
    }
    match who {
        Who::Anonymous => false,
        Who::Staff { role, cell, .. } => {
            grant(op, *role).is_some_and(|rule| is_list(op) || reaches(rule, *cell))
        }
        Who::Platform { own, .. } => grant(op, Role::Platform).is_some_and(|rule| match rule {
            ScopeRule::Supplier => *own || is_list(op),
            ScopeRule::Itself | ScopeRule::Anywhere => true,
            _ => false,
        }),
    }
}

/// Whether the caller's list rows are visible at all (staff: the data owner is in reach).
fn rows_visible(op: Operation, who: &Who) -> bool {
    match who {
        Who::Staff { role, cell, .. } => grant(op, *role).is_some_and(|r| reaches(r, *cell)),
        Who::Platform { .. } => true,
        Who::Anonymous => false,
    }
}

fn denial(a: &Answer) -> bool {
    matches!(a.status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN)
        && matches!(
            a.code().as_deref(),
            Some("unauthenticated" | "forbidden" | "out_of_scope" | "reauthentication_required")
        )
}

fn row_supplier(op: Operation, row: &Value) -> Option<String> {
    match op {
        // --- web
        Operation::ListAlerts => row
            .get("subject_platform")
            .and_then(Value::as_str)
            .map(str::to_string),
        Operation::ListFindings => row
            .pointer("/subject/platform_id")
            .and_then(Value::as_str)
            .map(str::to_string),
        Operation::ListNotices => row
            .get("platform")
            .and_then(Value::as_str)
            .map(str::to_string),
        _ => row
            .get("supplier")
            .and_then(Value::as_str)
            .map(str::to_string),
    }
}

/// The department and region of a staff cell.
fn cell_unit(cell: Cell) -> (&'static str, &'static str) {
    match cell {
        Cell::Own => (OWNER_DEPT, OWNER_REGION),
        Cell::OtherDept => ("jiage", OWNER_REGION),
        Cell::OtherRegion => (OWNER_DEPT, "330200"),
        Cell::Both => ("jiage", "330200"),
    }
}

/// The caller's list filter for `op` as the policy table gives it (read directly, not through
/// the server): the oracle the store's SQL scoping is checked against.
fn oracle(op: Operation, who: &Who) -> ListFilter {
    match who {
        Who::Staff { role, cell, .. } => {
            let (dept, region) = cell_unit(*cell);
            let region = Adcode::parse(region).unwrap();
            match grant(op, *role) {
                Some(ScopeRule::Anywhere) => ListFilter::All,
                Some(ScopeRule::Own) => ListFilter::Unit {
                    department: dept.into(),
                    region,
                },
                Some(ScopeRule::Region) => ListFilter::Region(region),
                _ => ListFilter::Nothing,
            }
        }
        Who::Platform { supplier, .. } => match grant(op, Role::Platform) {
            Some(_) => ListFilter::Supplier((*supplier).into()),
            None => ListFilter::Nothing,
        },
        Who::Anonymous => ListFilter::Nothing,
    }
}

/// Batches per supplier the filter admits, counted over the whole table (the cockpit's ingest
/// health oracle: a platform reaches its own batches only).
async fn expected_ingest(h: &Harness, filter: &ListFilter) -> BTreeMap<String, u64> {
    let owner = Scope::parse(OWNER_DEPT, OWNER_REGION).unwrap();
    let mut out = BTreeMap::new();
    for b in h.store().batches(u32::MAX).await.unwrap() {
        if filter.admits(&owner, Some(&b.supplier)) {
            *out.entry(b.supplier.clone()).or_default() += 1;
        }
    }
    out
}

/// (alerts, open clues and cases) the filter admits, counted over the whole tables.
async fn expected_counts(h: &Harness, filter: &ListFilter) -> (u64, u64) {
    let owner = Scope::parse(OWNER_DEPT, OWNER_REGION).unwrap();
    let alerts = h
        .store()
        .alerts(None)
        .await
        .unwrap()
        .iter()
        .filter(|a| {
            let platform = a
                .subject_platform
                .clone()
                .or_else(|| (a.subject_kind == "platform").then(|| a.subject_id.clone()));
            filter.admits(&owner, platform.as_deref())
        })
        .count() as u64;
    let cases = h
        .store()
        .case_queue(&QueueFilter::default())
        .await
        .unwrap()
        .iter()
        .filter(|c| {
            Scope::parse(&c.department, &c.region).is_ok_and(|scope| filter.admits(&scope, None))
        })
        .count() as u64;
    (alerts, cases)
}

/// A throwaway API key's public id, for operations on a key.
async fn throwaway_key(h: &Harness, path: &str) -> String {
    if !path.contains("{key_id}") {
        return String::new();
    }
    h.platform_key_id("throwaway").await
}

#[tokio::test(flavor = "multi_thread")]
async fn access_matrix_over_every_openapi_operation() {
    matrix(Harness::new().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn access_matrix_on_postgres() {
    if let Some(h) = Harness::postgres().await {
        matrix(h).await;
    }
}

async fn matrix(h: Harness) {
    // Fixtures: two suppliers' batches (tmall's quarantine holds a raw phone number), findings
    // about two platforms, a detection run.
    let tmall = h.platform_key("tmall").await;
    let registry = h.platform_key("registry").await;
    for (key, name) in [
        (&tmall, "tmall-2026-03-01-0001"),
        (&registry, "registry-2026-03-01"),
    ] {
        let r = h
            .call(
                Method::POST,
                "/api/v1/batches",
                &Auth::ApiKey(key.clone()),
                Some(("application/zip", example_zip(name))),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    }
    let finding_ids = h.findings().await;
    // --- web: alerts from those findings, and a clue of the own unit from tmall's alert; the
    // matrix opens clues from jd's alert.
    let (case_id, open_alert) = h.alerts_and_clue().await;
    let notice_id = h.notice().await;
    // --- departments: a minor alert to issue from, a replied notice to accept and one to reject.
    let issue_alert = h.minor_alert("m-issue").await;
    let accept_notice = h.replied_notice("m-accept").await;
    let reject_notice = h.replied_notice("m-reject").await;
    let registry = h.state.config.departments.clone();
    assert!(registry.get(OWNER_DEPT).is_some() && registry.get("jiage").is_some());
    // A foreign clue: another department in another region (the `Both` cell's unit), opened from
    // a copy of jd's alert. No own-unit or own-region caller may see or count it.
    let foreign_case = h.foreign_clue("jiage", "330200").await;
    // --- web11: the owner department's draw (its check over before t0, so public too) and
    // another department's, which only callers reaching that department may list.
    let draw_task = crate::draws::owner_draw(&h).await;
    crate::draws::store_draw(
        &h,
        &crate::draws::record("hz-2026-jg-01", "jiage", "2026-02-02", "2026-02-06"),
    )
    .await;

    // Principals.
    let mut principals = vec![Principal {
        who: Who::Anonymous,
        auth: Auth::None,
    }];
    for role in Role::ALL {
        if role == Role::Platform {
            continue;
        }
        for (cell, dept, region) in [
            (Cell::Own, OWNER_DEPT, OWNER_REGION),
            (Cell::OtherDept, "jiage", OWNER_REGION),
            (Cell::OtherRegion, OWNER_DEPT, "330200"),
            (Cell::Both, "jiage", "330200"),
        ] {
            let login = format!("{}-{cell:?}", role.as_str())
                .to_lowercase()
                .replace('_', "-");
            let (user_id, token) = h.staff(&login, &[role], dept, region).await;
            principals.push(Principal {
                who: Who::Staff {
                    role,
                    cell,
                    user_id,
                },
                auth: Auth::Bearer(token),
            });
        }
    }
    principals.push(Principal {
        who: Who::Platform {
            supplier: "tmall",
            own: true,
        },
        auth: Auth::ApiKey(tmall.clone()),
    });
    let jd = h.platform_key("jd").await;
    principals.push(Principal {
        who: Who::Platform {
            supplier: "jd",
            own: false,
        },
        auth: Auth::ApiKey(jd),
    });

    // Operations, from the served document.
    let doc = h.get("/api/openapi.json", &Auth::None).await.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let mut operations = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap();
            let operation = Operation::from_id(id).unwrap_or_else(|| {
                panic!("{method} {path}: operationId {id} is not in the policy")
            });
            operations.push((method.to_uppercase(), path.clone(), operation));
        }
    }
    let covered: BTreeSet<&str> = operations.iter().map(|(_, _, o)| o.id()).collect();
    let all: BTreeSet<&str> = Operation::ALL.iter().map(|o| o.id()).collect();
    assert_eq!(
        covered, all,
        "every operation is in the document exactly as in the policy"
    );
    assert_eq!(operations.len(), Operation::ALL.len());
    // Logout last, so a principal's other calls run with a live session.
    operations.sort_by_key(|(_, _, o)| *o == Operation::Logout);

    let mut mismatches = Vec::new();
    let mut denials = 0usize;
    let mut counter = 0usize;
    let mut visible_rows = 0usize;
    let mut runs_listed = 0usize;
    let mut foreign_seen = 0usize;
    let mut foreign_draw_seen = 0usize;
    let mut cockpit_counts: BTreeSet<(u64, u64)> = BTreeSet::new();
    // --- loop2: the distinct ingest-health answers (supplier → batches) the cockpit gave.
    let mut cockpit_ingest: BTreeSet<Vec<(String, u64)>> = BTreeSet::new();
    // --- web: the clue and the case action succeeded for someone (the exemptions below are not
    // vacuous).
    let mut web_successes: BTreeSet<&str> = BTreeSet::new();
    // --- service10: every answered read of a finding, its proof, the signed head and every
    // findings page: (actor, operation, target) → calls; each must be one audit row.
    let mut reads: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    for p in &principals {
        for (method, path, op) in &operations {
            counter += 1;
            // A throwaway account for operations on an account.
            let target = if path.contains("{user_id}") {
                h.staff(
                    &format!("target-{counter}"),
                    &[Role::Analyst],
                    OWNER_DEPT,
                    OWNER_REGION,
                )
                .await
                .0
            } else {
                String::new()
            };
            let uri = path
                .replace("{supplier}", "tmall")
                .replace("{batch_id}", "tmall-2026-03-01-0001")
                .replace("{finding_id}", &finding_ids[0])
                .replace("{user_id}", &target)
                .replace("{key_id}", &throwaway_key(&h, path).await)
                // --- web
                .replace("{merchant_key}", "merchant%7Ctmall%7Cm-tmall")
                .replace("{case_id}", &case_id)
                // --- web11
                .replace("{task_id}", &draw_task)
                // --- params
                .replace("{rule_id}", "fake_orders.dense_block")
                .replace(
                    "{alert_id}",
                    if *op == Operation::IssueNotice {
                        &issue_alert
                    } else {
                        &open_alert
                    },
                )
                .replace(
                    "{notice_id}",
                    match op {
                        Operation::AcceptNotice => &accept_notice,
                        Operation::EscalateNotice => &reject_notice,
                        _ => &notice_id,
                    },
                );
            let body: Option<(&str, Vec<u8>)> = match op {
                Operation::PushBatch => Some(("application/zip", example_zip("tmall-2026-03-01-0001"))),
                Operation::Setup => Some(("application/json", json!({"login": "late", "display_name": "x", "password": "Correct-Horse-42", "department": "x", "region": "330100"}).to_string().into_bytes())),
                Operation::Login => Some(("application/json", json!({"login": "nobody", "password": "Wrong-Horse-42", "totp": "000000"}).to_string().into_bytes())),
                Operation::Reauthenticate => Some(("application/json", json!({"password": "Wrong-Horse-42", "totp": "000000"}).to_string().into_bytes())),
                Operation::UnmaskQuarantine => Some(("application/json", json!({"reason": "访问矩阵测试"}).to_string().into_bytes())),
                Operation::CreateUser => Some(("application/json", json!({"login": format!("new-{counter}"), "display_name": "新", "password": "Correct-Horse-42", "roles": ["analyst"], "department": OWNER_DEPT, "region": OWNER_REGION}).to_string().into_bytes())),
                Operation::SetUserRoles => Some(("application/json", json!({"roles": ["inspector"]}).to_string().into_bytes())),
                Operation::CreateApiKey => Some(("application/json", json!({"supplier": "tmall", "label": "矩阵"}).to_string().into_bytes())),
                // --- web
                Operation::OpenClue => Some(("application/json", json!({"reason": "访问矩阵测试"}).to_string().into_bytes())),
                Operation::ActCase => Some(("application/json", json!({"action": "start_verification", "reason": "访问矩阵测试"}).to_string().into_bytes())),
                Operation::VerifyBundle => Some(("application/zip", example_zip("tmall-2026-03-01-0001"))),
                // --- web (issue 10)
                Operation::EnableUser | Operation::ResetTotp => Some(("application/json", json!({"reason": "访问矩阵测试"}).to_string().into_bytes())),
                Operation::ReplyNotice => Some(("application/json", json!({"kind": "done", "text": "商户已整改", "attachments": [{"name": "after.png", "sha256": "ab".repeat(32)}], "reason": "转达商户整改结果"}).to_string().into_bytes())),
                // --- departments
                Operation::IssueNotice | Operation::AcceptNotice | Operation::EscalateOverdueNotices => Some(("application/json", json!({"reason": "访问矩阵测试"}).to_string().into_bytes())),
                Operation::EscalateNotice => Some(("application/json", json!({"cause": "reply_rejected", "reason": "访问矩阵测试：整改反馈不属实"}).to_string().into_bytes())),
                // --- params: the default value again, from a later day (changes no finding).
                Operation::CreateRuleSetting => Some(("application/json", json!({"param": "density_threshold", "value": 0.5, "effective_from": "2026-04-01", "reason": "访问矩阵测试"}).to_string().into_bytes())),
                _ => None,
            };
            // Logout ends the session it is called with: use a second one.
            let auth = match (&p.who, op) {
                (Who::Staff { user_id, .. }, Operation::Logout) => {
                    Auth::Bearer(h.session_for(user_id).await)
                }
                _ => p.auth.clone(),
            };
            let method = Method::from_bytes(method.as_bytes()).unwrap();
            let a = h.call(method.clone(), &uri, &auth, body).await;
            let denied = denial(&a);
            if let (true, Some(target)) =
                (a.status.is_success(), audited_read(*op, &finding_ids[0]))
            {
                *reads
                    .entry((actor_of(&p.who), op.id().to_string(), target))
                    .or_default() += 1;
            }
            let expected = expected_allowed(*op, &p.who);
            let label = format!(
                "{:?} {} {uri} → {} {}",
                p.who,
                method,
                a.status,
                a.text().chars().take(160).collect::<String>()
            );
            if denied {
                denials += 1;
                assert!(
                    a.json().get("items").is_none(),
                    "a denial carries no data: {label}"
                );
            }
            if denied == expected {
                mismatches.push(format!(
                    "expected {}: {label}",
                    if expected { "allow" } else { "deny" }
                ));
                continue;
            }
            assert!(a.status.as_u16() < 500, "no 5xx: {label}");
            let must_succeed = !matches!(
                op,
                Operation::Login | Operation::Setup | Operation::Reauthenticate
            );
            if expected && must_succeed {
                // --- web: the first allowed caller opens the clue, the others find it opened.
                // Likewise the first allowed officer starts verification; after that the case
                // rules refuse it (no longer `assigned`, or not the role's action): a 400
                // naming the state, never a denial.
                if a.status.is_success() {
                    web_successes.insert(op.id());
                }
                let clue_exists = *op == Operation::OpenClue && a.status == StatusCode::CONFLICT;
                let case_moved = *op == Operation::ActCase
                    && a.status == StatusCode::BAD_REQUEST
                    && a.code().as_deref() == Some("bad_request");
                // --- departments: likewise the first allowed caller issues, accepts or
                // escalates; after that the notice rules refuse it (an open notice exists: 409;
                // the notice is no longer waiting for that step: 400), never a denial.
                let notice_moved = matches!(
                    op,
                    Operation::IssueNotice | Operation::AcceptNotice | Operation::EscalateNotice
                ) && matches!(
                    a.status,
                    StatusCode::BAD_REQUEST | StatusCode::CONFLICT
                );
                assert!(
                    a.status.is_success() || clue_exists || case_moved || notice_moved,
                    "allowed and should succeed: {label}"
                );
            }
            // Lists: no row outside the caller's reach.
            if let Some(items) = a.json().get("items").and_then(Value::as_array) {
                // Delivered data is the data owner's: out of reach, nothing. Unit-owned rows
                // (clues, cases, notices) are checked row by row against the oracle below.
                let unit_owned = matches!(
                    op,
                    Operation::ListCases
                        | Operation::ListNotices
                        | Operation::ListDraws
                        | Operation::ListStaff
                );
                if is_list(*op) && !rows_visible(*op, &p.who) && !unit_owned {
                    assert!(items.is_empty(), "foreign rows: {label}");
                }
                if let (Who::Platform { supplier, .. }, true) = (&p.who, is_list(*op)) {
                    for row in items {
                        assert_eq!(
                            row_supplier(*op, row).as_deref(),
                            Some(*supplier),
                            "foreign row: {label}"
                        );
                    }
                }
                if matches!(
                    &p.who,
                    Who::Staff {
                        cell: Cell::Own,
                        ..
                    }
                ) {
                    visible_rows += items.len();
                    // --- service9: detection runs are listed by the store's scoped page.
                    if *op == Operation::ListRuns {
                        runs_listed += items.len();
                    }
                }
                // Unit-owned rows are inside the caller's reach (the oracle), the foreign clue
                // only for those whose reach covers it.
                if matches!(
                    op,
                    Operation::ListCases | Operation::ListNotices | Operation::ListStaff
                ) && matches!(p.who, Who::Staff { .. })
                {
                    let filter = oracle(*op, &p.who);
                    for row in items {
                        let scope = Scope::parse(
                            row.get("department").and_then(Value::as_str).unwrap_or(""),
                            row.get("region").and_then(Value::as_str).unwrap_or(""),
                        )
                        .unwrap();
                        assert!(filter.admits(&scope, None), "foreign row {row}: {label}");
                        if row.get("case_id").and_then(Value::as_str) == Some(foreign_case.as_str())
                        {
                            foreign_seen += 1;
                        }
                    }
                }
                // --- web11: a draw is its plan's department's, in the data owner's region.
                if *op == Operation::ListDraws && matches!(p.who, Who::Staff { .. }) {
                    let filter = oracle(*op, &p.who);
                    for row in items {
                        let dept = row.get("department").and_then(Value::as_str).unwrap_or("");
                        let scope = Scope::parse(dept, OWNER_REGION).unwrap();
                        assert!(filter.admits(&scope, None), "foreign draw {row}: {label}");
                        if dept == "jiage" {
                            foreign_draw_seen += 1;
                        }
                    }
                }
                // --- departments: unit-owned rows name a department of the registry.
                if matches!(op, Operation::ListCases | Operation::ListNotices) {
                    for row in items {
                        let dept = row.get("department").and_then(Value::as_str).unwrap_or("");
                        assert!(
                            registry.get(dept).is_some(),
                            "not a registry id {dept:?}: {label}"
                        );
                    }
                }
            }
            // The cockpit counts exactly what the caller's filter admits, no foreign alert or case.
            if *op == Operation::Cockpit && a.status.is_success() {
                let body = a.json();
                let (alerts, cases) = expected_counts(&h, &oracle(*op, &p.who)).await;
                assert_eq!(
                    body.pointer("/alerts/total").and_then(Value::as_u64),
                    Some(alerts),
                    "alert count: {label}"
                );
                assert_eq!(
                    body.pointer("/cases/open").and_then(Value::as_u64),
                    Some(cases),
                    "case count: {label}"
                );
                cockpit_counts.insert((alerts, cases));
                // --- loop2: ingest health counts only the batches the caller reaches.
                let ingest: Vec<(String, u64)> = body["ingest"]
                    .as_array()
                    .expect("ingest is a list")
                    .iter()
                    .map(|e| {
                        (
                            e["supplier"].as_str().unwrap_or("").to_string(),
                            e["batches"].as_u64().unwrap_or(0),
                        )
                    })
                    .collect();
                let expected: Vec<(String, u64)> = expected_ingest(&h, &oracle(*op, &p.who))
                    .await
                    .into_iter()
                    .collect();
                assert_eq!(ingest, expected, "ingest health: {label}");
                cockpit_ingest.insert(ingest);
            }
            // Personal numbers: only the unmask answer to a role allowed to unmask may hold one.
            let unmasking = *op == Operation::UnmaskQuarantine
                && matches!(&p.who, Who::Staff { role, .. } if grant(Operation::UnmaskQuarantine, *role).is_some());
            if !unmasking {
                let found = personal_numbers(&a.text());
                assert!(
                    found.is_empty(),
                    "unmasked personal numbers {found:?}: {label}"
                );
            }
        }
    }
    eprintln!(
        "access matrix: {} operations × {} principals = {counter} calls, {denials} denied, {} mismatches",
        operations.len(),
        principals.len(),
        mismatches.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    assert!(
        visible_rows > 0,
        "the own-unit lists returned rows (the check is not vacuous)"
    );
    assert!(denials > 100, "the matrix denied {denials} calls");
    assert!(
        runs_listed > 0,
        "own-unit callers granted list_runs saw the detection run (not vacuous)"
    );
    // Not vacuous: the cockpit was answered with different counts to different reaches, and the
    // foreign clue was listed to some caller whose reach covers it.
    assert!(
        cockpit_counts.len() >= 3,
        "cockpit counts {cockpit_counts:?}"
    );
    assert!(foreign_seen > 0, "the foreign clue was listed to no one");
    assert!(
        foreign_draw_seen > 0,
        "the other department's draw was listed to no one"
    );
    // --- loop2: ingest health differed by reach: both suppliers to the owner's staff, nothing
    // to staff outside the data owner (platforms are not granted the cockpit; the supplier
    // scope of `ingest_health` is checked in crates/store-tests/tests/scoped.rs).
    assert!(
        cockpit_ingest
            .iter()
            .any(|i| i.len() >= 2 && i.iter().any(|(s, _)| s == "tmall")),
        "some caller saw every supplier's health: {cockpit_ingest:?}"
    );
    assert!(
        cockpit_ingest.iter().any(Vec::is_empty),
        "some caller outside the data owner saw no batch: {cockpit_ingest:?}"
    );
    for op in [
        Operation::OpenClue,
        Operation::ActCase,
        // --- departments
        Operation::IssueNotice,
        Operation::AcceptNotice,
        Operation::EscalateNotice,
    ] {
        assert!(web_successes.contains(op.id()), "{op:?} never succeeded");
    }
    let mut denied_rows = 0usize;
    let mut read_rows: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    let mut before = None;
    loop {
        let page = h.store().audit_events(200, before).await.unwrap();
        if page.is_empty() {
            break;
        }
        denied_rows += page.iter().filter(|r| r.event.outcome == "denied").count();
        for r in &page {
            let e = &r.event;
            if e.outcome == "success" && READS.iter().any(|op| op.id() == e.action) {
                assert!(
                    !e.at.is_empty() && !e.actor.is_empty(),
                    "who and when: {e:?}"
                );
                let detail: Value = serde_json::from_str(&e.detail).unwrap();
                if e.action == "list_findings" {
                    assert!(
                        detail.get("filter").is_some() && detail.get("rows").is_some(),
                        "{e:?}"
                    );
                }
                *read_rows
                    .entry((e.actor.clone(), e.action.clone(), e.target.clone()))
                    .or_default() += 1;
            }
        }
        before = page.last().map(|r| r.seq);
    }
    assert_eq!(denied_rows, denials, "every denial is audited");
    // --- service10: each answered read is one audit row (who, which, outcome), no more.
    for op in READS {
        assert!(
            reads.keys().any(|(_, action, _)| action == op.id()),
            "{op:?} was answered to no one (the audit check is vacuous)"
        );
    }
    assert_eq!(
        read_rows, reads,
        "every read of findings, proofs and the head is audited"
    );
    assert!(h.store().verify_audit_chain().await.unwrap().is_intact());
    // The policy table itself is exercised: every grant was met by some principal.
    assert!(POLICY.iter().all(|g| Operation::ALL.contains(&g.op)));
}

// --- region (issue 9, 属地管辖): findings carry their subject's region; a district branch of
// the data owner's department sees exactly its district's findings, in the list and one by one.

/// The stable id of the `price_fraud.reference_price` finding about tmall's `merchant`.
fn placed_id(merchant: &str) -> String {
    let subject = tianping_detect::Ref {
        kind: tianping_detect::RefKind::Merchant,
        id: merchant.into(),
        platform_id: Some("tmall".into()),
        uscc: None,
    };
    tianping_detect::finding::finding_id(
        "price_fraud",
        "price_fraud.reference_price",
        &subject,
        None,
    )
}

/// A `price_fraud.reference_price` finding about tmall's `merchant` (a valid finding: alerts are
/// built from it), stored with `region`.
fn placed_finding_about(merchant: &str, region: Option<&str>) -> tianping_store::StoredFinding {
    let id = placed_id(merchant);
    let id = id.as_str();
    let evidence = json!({"compared_price_fen": 19900});
    let sha = tianping_detect::finding::evidence_sha256(&evidence);
    let body = json!({
        "finding_id": id, "detector": "price_fraud", "rule": "price_fraud.reference_price",
        "detector_version": 1, "severity": "high", "score": 0.9,
        "subject": {"kind": "merchant", "id": merchant, "platform_id": "tmall"},
        "related": [], "legal_basis": ["明码标价和禁止价格欺诈规定 第十六条"], "summary": "被比较价格高于前七日最低成交价。",
        "evidence": evidence, "evidence_sha256": sha,
    })
    .to_string();
    tianping_store::StoredFinding {
        finding_id: id.into(),
        detector: "price_fraud".into(),
        rule: "price_fraud.reference_price".into(),
        severity: "high".into(),
        subject_kind: "merchant".into(),
        subject_platform: Some("tmall".into()),
        subject_id: merchant.to_string(),
        evidence_sha256: sha,
        region: region.map(str::to_string),
        leaf: tianping_store::NewLeaf::from_data(
            format!("finding:{id}"),
            "finding",
            body.clone().into_bytes(),
        ),
        body,
    }
}

async fn district_findings(h: Harness) {
    // (merchant, region): one finding each, its id the stable one of that merchant's.
    let merchants: [(&str, Option<&str>); 6] = [
        ("m-xihu-1", Some("330106")),
        ("m-xihu-2", Some("330106")),
        ("m-shangcheng", Some("330102")),
        ("m-city", Some("330100")),
        ("m-unknown", None),
        ("m-ningbo", Some("330203")),
    ];
    let ids: BTreeMap<&str, String> = merchants.iter().map(|(m, _)| (*m, placed_id(m))).collect();
    let placed: Vec<(&str, Option<&str>)> = merchants
        .iter()
        .map(|(m, r)| (ids[m].as_str(), *r))
        .collect();
    let stored: Vec<_> = merchants
        .iter()
        .map(|(m, r)| placed_finding_about(m, *r))
        .collect();
    let run = tianping_store::DetectionRun {
        run_id: "run-placed".into(),
        as_of: "2026-03-02T00:00:00+08:00".into(),
        started_at: "2026-03-02T02:00:00.000+08:00".into(),
        detectors: "[]".into(),
        params: "{}".into(),
        params_sha256: "0".repeat(64),
        data_sha256: "0".repeat(64),
        findings: stored.len() as u64,
        new_findings: 0,
    };
    h.store()
        .save_detection(&run, &stored, &[], &[])
        .await
        .unwrap();
    let all: BTreeSet<&str> = placed.iter().map(|(id, _)| *id).collect();
    let of = |region: &str| -> BTreeSet<&str> {
        placed
            .iter()
            .filter(|(_, r)| *r == Some(region))
            .map(|(id, _)| *id)
            .collect()
    };
    let nothing = BTreeSet::new();
    // (login, role, department, region) → the findings it may list and read.
    let cases: [(&str, Role, &str, &str, BTreeSet<&str>); 7] = [
        (
            "xihu-analyst",
            Role::Analyst,
            OWNER_DEPT,
            "330106",
            of("330106"),
        ),
        (
            "shangcheng-analyst",
            Role::Analyst,
            OWNER_DEPT,
            "330102",
            of("330102"),
        ),
        ("xihu-leader", Role::Leader, "jiage", "330106", of("330106")),
        (
            "xihu-other-dept",
            Role::Analyst,
            "jiage",
            "330106",
            nothing.clone(),
        ),
        (
            "city-analyst",
            Role::Analyst,
            OWNER_DEPT,
            OWNER_REGION,
            all.clone(),
        ),
        (
            "ningbo-analyst",
            Role::Analyst,
            OWNER_DEPT,
            "330200",
            nothing.clone(),
        ),
        (
            "ningbo-district",
            Role::Analyst,
            OWNER_DEPT,
            "330203",
            nothing.clone(),
        ),
    ];
    // Alerts (migration 0016): each finding is its own merchant's alert, placed where it is.
    let desk = tianping_service::cases::Desk::embedded().unwrap();
    let refresh = desk
        .refresh_alerts(
            h.store().as_ref(),
            chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            1,
        )
        .await
        .unwrap();
    assert!(refresh.refused.is_empty(), "{:?}", refresh.refused);
    let alert_of: BTreeMap<String, String> = h
        .store()
        .alerts(None)
        .await
        .unwrap()
        .into_iter()
        .map(|a| {
            let ids: Vec<String> = serde_json::from_str(&a.finding_ids).unwrap();
            assert_eq!(ids.len(), 1);
            let placed_in = placed.iter().find(|(id, _)| *id == ids[0]).unwrap().1;
            assert_eq!(
                a.region.as_deref(),
                placed_in,
                "{}: its finding's region",
                ids[0]
            );
            (ids[0].clone(), a.alert_id)
        })
        .collect();
    assert_eq!(alert_of.len(), placed.len());
    let mut district_rows = 0;
    let mut district_alerts = 0;
    for (login, role, dept, region, want) in cases {
        let (_, token) = h.staff(login, &[role], dept, region).await;
        let auth = Auth::Bearer(token);
        // The alert list, page by page, and the cockpit's counts of it: the same rule as the
        // findings'.
        let mut alerted = BTreeSet::new();
        let mut cursor: Option<String> = None;
        loop {
            let uri = match &cursor {
                Some(c) => format!("/api/v1/alerts?limit=1&cursor={c}"),
                None => "/api/v1/alerts?limit=1".into(),
            };
            let a = h.get(&uri, &auth).await;
            assert_eq!(a.status, StatusCode::OK, "{login}: {}", a.text());
            let page = a.json();
            for item in page["items"].as_array().unwrap() {
                for id in item["finding_ids"].as_array().unwrap() {
                    alerted.insert(id.as_str().unwrap().to_string());
                }
            }
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_string()),
                None => break,
            }
        }
        let want_alerted: BTreeSet<String> = want.iter().map(|id| id.to_string()).collect();
        if want == all {
            assert!(want_alerted.is_subset(&alerted), "{login}: alerts");
        } else {
            assert_eq!(alerted, want_alerted, "{login}: alerts, no foreign one");
            district_alerts += alerted.len();
        }
        // The list, page by page (limit 1, so paging is exercised too).
        let mut listed = BTreeSet::new();
        let mut cursor: Option<String> = None;
        loop {
            let uri = match &cursor {
                Some(c) => format!("/api/v1/findings?limit=1&cursor={c}"),
                None => "/api/v1/findings?limit=1".into(),
            };
            let a = h.get(&uri, &auth).await;
            assert_eq!(a.status, StatusCode::OK, "{login}: {}", a.text());
            let page = a.json();
            for item in page["items"].as_array().unwrap() {
                assert!(
                    item.get("region").is_none(),
                    "region is not a field of a finding"
                );
                listed.insert(item["finding_id"].as_str().unwrap().to_string());
            }
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_string()),
                None => break,
            }
        }
        let listed_placed: BTreeSet<&str> = listed
            .iter()
            .map(String::as_str)
            .filter(|id| all.contains(id))
            .collect();
        assert_eq!(listed_placed, want, "{login}: listed");
        if want != all {
            // Below the city: not one foreign row (neither the placed ones of elsewhere nor the
            // owner's unplaced findings).
            assert_eq!(listed.len(), want.len(), "{login}: foreign rows {listed:?}");
            district_rows += listed.len();
        }
        // One by one: the same rule as the list.
        for (id, _) in &placed {
            let a = h.get(&format!("/api/v1/findings/{id}"), &auth).await;
            if want.contains(id) {
                assert_eq!(a.status, StatusCode::OK, "{login} {id}: {}", a.text());
                assert_eq!(a.json()["finding_id"], *id);
                assert!(a.json().get("region").is_none());
            } else {
                assert_eq!(
                    a.status,
                    StatusCode::FORBIDDEN,
                    "{login} {id}: {}",
                    a.text()
                );
            }
            let proof = h.get(&format!("/api/v1/findings/{id}/proof"), &auth).await;
            if !want.contains(id) {
                assert_eq!(proof.status, StatusCode::FORBIDDEN, "{login} {id} proof");
            }
        }
        // A district reaches no other delivered data (batches, runs carry no region).
        if want != all {
            for uri in ["/api/v1/batches", "/api/v1/runs", "/api/v1/deliveries"] {
                let a = h.get(uri, &auth).await;
                if a.status == StatusCode::OK {
                    assert!(
                        a.json()["items"].as_array().unwrap().is_empty(),
                        "{login} {uri}"
                    );
                }
            }
        }
    }
    assert_eq!(district_rows, 5, "the district cases are not vacuous");
    assert_eq!(
        district_alerts, 5,
        "the district alert cases are not vacuous"
    );

    // Acting on an alert: a district's case officer opens a clue from its district's alert, not
    // from another district's or from one that stays with the city (unplaced).
    let (_, token) = h
        .staff("xihu-officer", &[Role::CaseOfficer], OWNER_DEPT, "330106")
        .await;
    let officer = Auth::Bearer(token);
    for (merchant, expected) in [
        ("m-shangcheng", StatusCode::FORBIDDEN),
        ("m-unknown", StatusCode::FORBIDDEN),
        ("m-city", StatusCode::FORBIDDEN),
        ("m-xihu-1", StatusCode::CREATED),
    ] {
        let r = h
            .post_json(
                &format!("/api/v1/alerts/{}/clue", alert_of[&ids[merchant]]),
                &officer,
                json!({"reason": "属地核查"}),
            )
            .await;
        assert_eq!(r.status, expected, "{merchant}: {}", r.text());
        if expected == StatusCode::CREATED {
            assert_eq!(r.json()["region"], "330106", "{}", r.text());
        }
    }
}

/// A district branch reads the profiles of its district's merchants (属地管辖: where the merchant
/// declares it is) and sees a merchant's credit class in the cockpit only where it may read the
/// profile (the class is internal); the city's staff see every one.
#[tokio::test(flavor = "multi_thread")]
async fn district_merchant_profiles_and_credit_classes_by_place() {
    let h = Harness::new().await;
    // The lake: the example batch, whose tmall m1 is 91330106MA2B00001Y in 西湖区 (330106).
    let key = h.platform_key("tmall").await;
    let r = h
        .call(
            Method::POST,
            "/api/v1/batches",
            &Auth::ApiKey(key),
            Some(("application/zip", example_zip("tmall-2026-03-01-0001"))),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let run = tianping_store::DetectionRun {
        run_id: "run-credit".into(),
        as_of: "2026-03-02T00:00:00+08:00".into(),
        started_at: "2026-03-02T02:00:00.000+08:00".into(),
        detectors: "[]".into(),
        params: "{}".into(),
        params_sha256: "0".repeat(64),
        data_sha256: "0".repeat(64),
        findings: 2,
        new_findings: 0,
    };
    // m2 declares 余杭区, but its finding was placed in 西湖区 (where it was when first found):
    // 西湖区 sees the finding in its cockpit, not m2's class.
    let stored = [
        placed_finding_about("m1", Some("330106")),
        placed_finding_about("m2", Some("330106")),
    ];
    h.store()
        .save_detection(&run, &stored, &[], &[])
        .await
        .unwrap();
    h.store()
        .save_classes(
            "2026-03-01",
            &[
                tianping_store::credit::ClassRow {
                    as_of: "2026-03-01".into(),
                    uscc: "91330106MA2B00001Y".into(),
                    class: "C".into(),
                    points: 640,
                    model_version: 1,
                    body: "{}".into(),
                },
                tianping_store::credit::ClassRow {
                    as_of: "2026-03-01".into(),
                    uscc: "91330110MA2B00002T".into(),
                    class: "B".into(),
                    points: 760,
                    model_version: 1,
                    body: "{}".into(),
                },
            ],
        )
        .await
        .unwrap();
    let credit_of = |cockpit: &Value, m: &str| -> Value {
        let top = cockpit["top_merchants"].as_array().unwrap();
        let them: Vec<&Value> = top
            .iter()
            .filter(|t| {
                t["merchant_key"]
                    .as_str()
                    .unwrap_or("")
                    .ends_with(&format!("|tmall|{m}"))
            })
            .collect();
        assert_eq!(them.len(), 1, "{m} among the top merchants: {cockpit}");
        them[0]["credit"].clone()
    };
    let (_, city) = h
        .staff("city-analyst", &[Role::Analyst], OWNER_DEPT, OWNER_REGION)
        .await;
    let c = h.get("/api/v1/cockpit", &Auth::Bearer(city.clone())).await;
    assert_eq!(c.status, StatusCode::OK, "{}", c.text());
    assert_eq!(credit_of(&c.json(), "m1")["class"], "C");
    assert_eq!(credit_of(&c.json(), "m2")["class"], "B");
    let (_, xihu) = h
        .staff("xihu-analyst", &[Role::Analyst], OWNER_DEPT, "330106")
        .await;
    let c = h.get("/api/v1/cockpit", &Auth::Bearer(xihu.clone())).await;
    assert_eq!(c.status, StatusCode::OK, "{}", c.text());
    assert_eq!(
        credit_of(&c.json(), "m1")["class"],
        "C",
        "its own merchant's"
    );
    assert_eq!(credit_of(&c.json(), "m2"), Value::Null, "m2 is 余杭区's");

    // Merchant profiles by place (属地管辖): m1 declares 西湖区 (330106), m2 余杭区 (330110).
    // 西湖区's analyst reads m1's and not m2's; 余杭区's the reverse; the city both; another
    // department's district staff neither.
    let (_, yuhang) = h
        .staff("yuhang-analyst", &[Role::Analyst], OWNER_DEPT, "330110")
        .await;
    let (_, jiage) = h
        .staff("xihu-jiage", &[Role::Analyst], "jiage", "330106")
        .await;
    let profile = |token: &str, m: &str| {
        let uri = format!("/api/v1/merchants/merchant%7Ctmall%7C{m}");
        let auth = Auth::Bearer(token.to_string());
        let h = &h;
        async move { h.get(&uri, &auth).await }
    };
    for (who, token, m, expected) in [
        ("xihu", &xihu, "m1", StatusCode::OK),
        ("xihu", &xihu, "m2", StatusCode::FORBIDDEN),
        ("yuhang", &yuhang, "m1", StatusCode::FORBIDDEN),
        ("yuhang", &yuhang, "m2", StatusCode::OK),
        ("city", &city, "m1", StatusCode::OK),
        ("city", &city, "m2", StatusCode::OK),
        ("jiage", &jiage, "m1", StatusCode::FORBIDDEN),
    ] {
        let r = profile(token, m).await;
        assert_eq!(r.status, expected, "{who} {m}: {}", r.text());
        if expected == StatusCode::OK {
            assert_eq!(r.json()["merchant_id"], m);
        }
    }
    let r = profile(&xihu, "m1").await.json();
    assert_eq!(r["findings"][0]["finding_id"], placed_id("m1"), "{r}");
    let c = h
        .get("/api/v1/cockpit", &Auth::Bearer(yuhang.clone()))
        .await;
    assert!(
        c.json()["top_merchants"].as_array().unwrap().is_empty(),
        "m2's finding is 西湖区's: {}",
        c.text()
    );
    assert_eq!(
        r["credit"]["class"], "C",
        "a profile reader sees the class: {r}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn district_findings_by_region() {
    district_findings(Harness::new().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn district_findings_by_region_on_postgres() {
    if let Some(h) = Harness::postgres().await {
        district_findings(h).await;
    }
}
