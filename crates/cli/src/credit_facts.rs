//! Gathering what the credit classification reads, from the lake (registry, merchants,
//! penalties, complaints) and the store (findings, alerts, clues and cases), linked to each
//! registered entity's USCC. `tianping-credit` judges; this file only reads and links.
//!
//! Links: a finding belongs to the USCC of its merchant — the subject when it is a merchant, else
//! the first related merchant (by platform and id, as alerts merge them), looked up in
//! `merchants`, or the ref's own `uscc`; a complaint to its `respondent_uscc`, else its shop's
//! USCC; a case to its alert's merchant. Several registry rows of one USCC: the row of the batch
//! received last wins (then the later batch id and record), so a re-delivered registry replaces
//! the old state. Every query is ordered, so the result does not depend on scan order.

use std::collections::{BTreeMap, HashMap};

use anyhow::Context;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::Value;
use tianping_credit::facts::{
    CaseFact, CaseStanding, ComplaintFact, EntityFacts, FindingFact, FindingSeverity,
    FindingStanding, PenaltyFact, PenaltyKind, RegistryFacts, RegistryStatus,
};
use tianping_detect::{Ref, RefKind, Severity};
use tianping_store::Store;

/// One registered entity's facts plus the registry fields the draw's scope filters on.
pub struct Entity {
    /// The facts.
    pub facts: EntityFacts,
    /// Division code.
    pub adcode: String,
    /// Entity type.
    pub entity_type: String,
}

/// What was gathered: entities by USCC, and rows that could not be used (named).
pub struct Gathered {
    /// By USCC.
    pub entities: BTreeMap<String, Entity>,
    /// `table row: field = value: problem`.
    pub problems: Vec<String>,
    /// Findings that could not be linked to a registered entity.
    pub unlinked_findings: usize,
}

fn text(v: &Value, field: &str) -> Option<String> {
    v.get(field).and_then(Value::as_str).map(str::to_string)
}

fn int(v: &Value, field: &str) -> Option<i64> {
    v.get(field).and_then(Value::as_i64)
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// The Beijing date of an RFC 3339 time.
fn beijing_date(rfc3339: &str) -> Option<NaiveDate> {
    let east8 = FixedOffset::east_opt(8 * 3600)?;
    DateTime::parse_from_rfc3339(rfc3339)
        .ok()
        .map(|t| t.with_timezone(&east8).date_naive())
}

/// The Beijing date of nanoseconds since the epoch (UTC).
fn beijing_date_ns(ns: i64) -> Option<NaiveDate> {
    let east8 = FixedOffset::east_opt(8 * 3600)?;
    Some(
        DateTime::from_timestamp_nanos(ns)
            .with_timezone(&east8)
            .date_naive(),
    )
}

async fn rows(lake: &tianping_query::Lake, sql: &str) -> anyhow::Result<Vec<Value>> {
    use tianping_query::datafusion::arrow;
    let batches = lake.collect(sql).await.with_context(|| sql.to_string())?;
    let mut writer = arrow::json::ArrayWriter::new(Vec::new());
    let refs: Vec<&arrow::record_batch::RecordBatch> = batches.iter().collect();
    writer.write_batches(&refs)?;
    writer.finish()?;
    let bytes = writer.into_inner();
    if bytes.is_empty() {
        return Ok(Vec::new());
    }
    Ok(serde_json::from_slice(&bytes)?)
}

/// Reads and links everything as of `as_of` (events after it are kept; the classification
/// ignores them).
pub async fn gather(
    home: &tianping_service::Home,
    store: &dyn Store,
    as_of: NaiveDate,
) -> anyhow::Result<Gathered> {
    let files = store.lake_files(None).await?;
    let parts: Vec<_> = files
        .into_iter()
        .map(|f| tianping_query::LakePart {
            table: f.table,
            path: f.path,
        })
        .collect();
    let lake = tianping_query::Lake::open(&home.lake(), &parts).await?;
    let mut problems = Vec::new();

    // Registry: the row of the latest received batch per USCC.
    let received: HashMap<(String, String), String> = store
        .batches(u32::MAX)
        .await?
        .into_iter()
        .map(|b| ((b.supplier, b.batch_id), b.received_at))
        .collect();
    let registry = rows(
        &lake,
        "SELECT uscc, entity_type, adcode, CAST(established_on AS VARCHAR) AS established_on, \
         status, annual_report_filed, _supplier, _batch_id, _record FROM registry \
         ORDER BY uscc, _supplier, _batch_id, _record",
    )
    .await?;
    let mut latest: BTreeMap<String, ((String, String, i64), &Value)> = BTreeMap::new();
    for row in &registry {
        let Some(uscc) = text(row, "uscc") else {
            continue;
        };
        let supplier = text(row, "_supplier").unwrap_or_default();
        let batch = text(row, "_batch_id").unwrap_or_default();
        let at = received
            .get(&(supplier, batch.clone()))
            .cloned()
            .unwrap_or_default();
        let key = (at, batch, int(row, "_record").unwrap_or(0));
        if latest.get(&uscc).is_none_or(|(k, _)| key > *k) {
            latest.insert(uscc, (key, row));
        }
    }
    let mut entities: BTreeMap<String, Entity> = BTreeMap::new();
    for (uscc, (_, row)) in latest {
        let place = |field: &str, value: &str, problem: &str| {
            format!("registry {uscc}: {field} = {value:?}: {problem}")
        };
        let status_text = text(row, "status").unwrap_or_default();
        let Some(status) = RegistryStatus::parse(&status_text) else {
            problems.push(place("status", &status_text, "not a registry status"));
            continue;
        };
        let est_text = text(row, "established_on").unwrap_or_default();
        let Some(established_on) = date(&est_text) else {
            problems.push(place("established_on", &est_text, "not a date"));
            continue;
        };
        let annual_report_filed = row
            .get("annual_report_filed")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        entities.insert(
            uscc.clone(),
            Entity {
                facts: EntityFacts {
                    uscc: uscc.clone(),
                    registry: RegistryFacts {
                        status,
                        established_on,
                        annual_report_filed,
                    },
                    open_shops: 0,
                    penalties: Vec::new(),
                    complaints: Vec::new(),
                    findings: Vec::new(),
                    cases: Vec::new(),
                },
                adcode: text(row, "adcode").unwrap_or_default(),
                entity_type: text(row, "entity_type").unwrap_or_default(),
            },
        );
    }

    // Shops: (platform, merchant) → USCC; shops selling on as_of per USCC.
    let merchants = rows(
        &lake,
        "SELECT platform_id, merchant_id, uscc, CAST(opened_on AS VARCHAR) AS opened_on, \
         CAST(closed_on AS VARCHAR) AS closed_on FROM merchants \
         ORDER BY platform_id, merchant_id, _supplier, _batch_id, _record",
    )
    .await?;
    let mut shop_uscc: HashMap<(String, String), String> = HashMap::new();
    for row in &merchants {
        let (Some(p), Some(m)) = (text(row, "platform_id"), text(row, "merchant_id")) else {
            continue;
        };
        let Some(uscc) = text(row, "uscc") else {
            continue;
        };
        if shop_uscc.contains_key(&(p.clone(), m.clone())) {
            continue;
        }
        let opened = text(row, "opened_on").as_deref().and_then(date);
        let closed = text(row, "closed_on").as_deref().and_then(date);
        let selling = opened.is_some_and(|o| o <= as_of) && closed.is_none_or(|c| c > as_of);
        if selling && let Some(e) = entities.get_mut(&uscc) {
            e.facts.open_shops += 1;
        }
        shop_uscc.insert((p, m), uscc);
    }

    // Penalties, one per id.
    let penalties = rows(
        &lake,
        "SELECT penalty_id, uscc, CAST(decided_on AS VARCHAR) AS decided_on, fine_fen, \
         confiscated_fen, kind FROM penalties ORDER BY penalty_id, _supplier, _batch_id, _record",
    )
    .await?;
    let mut seen = std::collections::HashSet::new();
    for row in &penalties {
        let (Some(id), Some(uscc)) = (text(row, "penalty_id"), text(row, "uscc")) else {
            continue;
        };
        if !seen.insert(id.clone()) {
            continue;
        }
        let Some(e) = entities.get_mut(&uscc) else {
            continue;
        };
        let kind_text = text(row, "kind").unwrap_or_default();
        let decided_text = text(row, "decided_on").unwrap_or_default();
        let (Some(kind), Some(decided_on)) = (PenaltyKind::parse(&kind_text), date(&decided_text))
        else {
            problems.push(format!(
                "penalties {id}: kind = {kind_text:?}, decided_on = {decided_text:?}: not usable"
            ));
            continue;
        };
        let fen = |f: &str| u64::try_from(int(row, f).unwrap_or(0)).unwrap_or(0);
        e.facts.penalties.push(PenaltyFact {
            penalty_id: id,
            decided_on,
            fine_fen: fen("fine_fen"),
            confiscated_fen: fen("confiscated_fen"),
            kind,
        });
    }

    // Complaints, by respondent USCC or the shop's.
    let complaints = rows(
        &lake,
        "SELECT _supplier, complaint_id, CAST(received_at AS BIGINT) AS received_ns, platform_id, \
         merchant_id, respondent_uscc FROM complaints \
         ORDER BY _supplier, complaint_id, _batch_id, _record",
    )
    .await?;
    let mut seen = std::collections::HashSet::new();
    for row in &complaints {
        let id = format!(
            "{}/{}",
            text(row, "_supplier").unwrap_or_default(),
            text(row, "complaint_id").unwrap_or_default()
        );
        if !seen.insert(id.clone()) {
            continue;
        }
        let uscc = text(row, "respondent_uscc").or_else(|| {
            let p = text(row, "platform_id")?;
            let m = text(row, "merchant_id")?;
            shop_uscc.get(&(p, m)).cloned()
        });
        let Some(e) = uscc.and_then(|u| entities.get_mut(&u)) else {
            continue;
        };
        let Some(received_on) = int(row, "received_ns").and_then(beijing_date_ns) else {
            problems.push(format!("complaints {id}: received_at unreadable"));
            continue;
        };
        e.facts.complaints.push(ComplaintFact {
            complaint_id: id,
            received_on,
        });
    }

    // Cases: standing per case; alerts link findings and cases to merchants.
    let mut case_standing: HashMap<String, (CaseStanding, Option<FindingStanding>)> =
        HashMap::new();
    let all = tianping_store::cases::QueueFilter {
        include_finished: true,
        ..Default::default()
    };
    for row in store.case_queue(&all).await? {
        let case: tianping_cases::case::Case = serde_json::from_str(&row.body)
            .with_context(|| format!("stored case {} does not parse", row.case_id))?;
        case_standing.insert(row.case_id.clone(), standing_of(&case));
    }
    let mut finding_case: HashMap<String, String> = HashMap::new();
    for alert in store.alerts(None).await? {
        let Some(case_id) = alert.case_id.clone() else {
            continue;
        };
        if let Ok(ids) = serde_json::from_str::<Vec<String>>(&alert.finding_ids) {
            for id in ids {
                finding_case.insert(id, case_id.clone());
            }
        }
        let Some((standing, _)) = case_standing.get(&case_id) else {
            continue;
        };
        let mut key = alert.merchant_key.splitn(3, '|');
        let (kind, platform, id) = (key.next(), key.next(), key.next());
        let uscc = match (kind, platform, id) {
            (Some("merchant"), Some(p), Some(m)) => {
                shop_uscc.get(&(p.to_string(), m.to_string())).cloned()
            }
            _ => None,
        };
        if let Some(e) = uscc.and_then(|u| entities.get_mut(&u)) {
            e.facts.cases.push(CaseFact {
                case_id: case_id.clone(),
                standing: *standing,
            });
        }
    }

    // Findings.
    let mut unlinked_findings = 0;
    for line in store.findings(&[]).await? {
        let finding = match tianping_cases::finding::parse_finding(&line) {
            Ok(f) => f,
            Err(e) => {
                problems.push(format!("stored finding: {e}"));
                continue;
            }
        };
        let Some(e) = uscc_of(&finding, &shop_uscc).and_then(|u| entities.get_mut(&u)) else {
            unlinked_findings += 1;
            continue;
        };
        let standing = finding_case
            .get(&finding.finding_id)
            .and_then(|c| case_standing.get(c))
            .and_then(|(_, f)| *f)
            .unwrap_or(FindingStanding::Open);
        e.facts.findings.push(FindingFact {
            finding_id: finding.finding_id.clone(),
            severity: match finding.severity {
                Severity::Low => FindingSeverity::Low,
                Severity::Medium => FindingSeverity::Medium,
                Severity::High => FindingSeverity::High,
                Severity::Critical => FindingSeverity::Critical,
            },
            on: finding.window.as_ref().and_then(|w| beijing_date(&w.to)),
            standing,
        });
    }
    for e in entities.values_mut() {
        e.facts
            .findings
            .sort_by(|a, b| a.finding_id.cmp(&b.finding_id));
        e.facts.cases.sort_by(|a, b| a.case_id.cmp(&b.case_id));
        e.facts.cases.dedup_by(|a, b| a.case_id == b.case_id);
    }
    Ok(Gathered {
        entities,
        problems,
        unlinked_findings,
    })
}

/// A case's standing, and what it says about its alert's findings (none while undecided).
fn standing_of(case: &tianping_cases::case::Case) -> (CaseStanding, Option<FindingStanding>) {
    use tianping_cases::case::{CaseState as S, Outcome};
    match (case.state, case.outcome) {
        (S::NotFiled, _) => (CaseStanding::Finished, Some(FindingStanding::Dismissed)),
        (S::Decided | S::Published | S::Closed, Some(Outcome::Penalty | Outcome::WarningOnly)) => {
            (CaseStanding::Penalised, Some(FindingStanding::Confirmed))
        }
        (S::Decided | S::Published | S::Closed, Some(Outcome::NoPenalty)) => {
            (CaseStanding::Finished, Some(FindingStanding::Dismissed))
        }
        // Closed after a transfer: the other installation decides; nothing known here.
        (S::Closed, None) => (CaseStanding::Finished, None),
        _ => (CaseStanding::InProgress, None),
    }
}

fn merchant_ref(f: &tianping_detect::Finding) -> Option<&Ref> {
    match f.subject.kind {
        RefKind::Merchant => Some(&f.subject),
        _ => f
            .related
            .iter()
            .filter(|r| r.kind == RefKind::Merchant)
            .min_by(|a, b| (&a.platform_id, &a.id).cmp(&(&b.platform_id, &b.id))),
    }
}

fn uscc_of(
    f: &tianping_detect::Finding,
    shops: &HashMap<(String, String), String>,
) -> Option<String> {
    if let Some(m) = merchant_ref(f) {
        if let Some(u) = &m.uscc {
            return Some(u.clone());
        }
        if let Some(p) = &m.platform_id
            && let Some(u) = shops.get(&(p.clone(), m.id.clone()))
        {
            return Some(u.clone());
        }
    }
    f.subject.uscc.clone()
}
