//! What the draw routes answer, typed for the OpenAPI document: a draw's summary (the list), its
//! record as staff read it (drawn entities with their class, inspectors, recusals) and the result
//! of re-running it. Built from the stored record (`tianping_credit::draw::DrawRecord`) and its
//! store row; nothing here reads a clock.

use serde::Serialize;
use sha2::{Digest, Sha256};
use tianping_credit::draw::DrawRecord;
use tianping_credit::recusal::{pool, recusals};
use tianping_store::credit::DrawRow;
use utoipa::ToSchema;

use crate::error::ApiError;

/// One class's part of a draw: its sampling rate and how many were in the register, left out at
/// the annual cap, eligible and drawn.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClassRate {
    /// `A` … `D`.
    pub class: String,
    /// Sampling rate in basis points (1 % = 100).
    pub rate_bp: u32,
    /// Entries of the class in the object register.
    pub in_register: u32,
    /// Left out because they reached the annual cap.
    pub at_cap: u32,
    /// Eligible (n).
    pub eligible: u32,
    /// Drawn (k = n × rate, rounded half up).
    pub drawn: u32,
}

/// A draw as listed: the plan, its figures and its digests.
#[derive(Debug, Serialize, ToSchema)]
pub struct DrawSummary {
    /// Task id.
    pub task_id: String,
    /// Task name.
    pub task_name: String,
    /// The department that ran it.
    pub department: String,
    /// The department's Chinese name, when the registry holds it.
    pub department_zh: Option<String>,
    /// The department's English name, when the registry holds it.
    pub department_en: Option<String>,
    /// `general` (一般检查事项) or `key` (重点检查事项).
    pub item_type: String,
    /// 检查事项.
    pub items: Vec<String>,
    /// First day of the check.
    pub check_start: String,
    /// Last day of the check.
    pub check_end: String,
    /// The day the classes were computed for.
    pub as_of: String,
    /// Per class A–D: rate, register, cap, eligible, drawn.
    pub rates: Vec<ClassRate>,
    /// Entities in the object register (in the plan's scope).
    pub register_size: usize,
    /// Inspectors in the register given to the draw.
    pub inspectors: usize,
    /// Inspectors matched to each entity.
    pub inspectors_per_object: u32,
    /// Entities drawn.
    pub objects: usize,
    /// The public seed.
    pub public_seed: String,
    /// SHA-256 of the canonical inputs without the seed.
    pub input_sha256: String,
    /// The ChaCha20 key (SHA-256 of the input digest and the seed).
    pub rng_key: String,
    /// SHA-256 of the canonical result.
    pub result_sha256: String,
    /// SHA-256 of the stored record's bytes (the evidence-log leaf's file digest).
    pub record_sha256: String,
    /// The record's leaf in the evidence log.
    pub leaf_index: i64,
    /// When it was stored (ms since the epoch).
    pub saved_at_ms: i64,
    /// Last day to publish the results (20 working days after the check).
    pub publish_by: Option<String>,
    /// Why `publish_by` is unknown.
    pub publish_by_unknown: Option<String>,
    /// The first day the draw is public (the day after the check ends).
    pub public_from: Option<String>,
    /// Whether it is public today (Beijing date of the server clock).
    pub published: bool,
}

/// A drawn entity as staff see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct DrawnView {
    /// Position in draw order (0-based).
    pub order: u32,
    /// 统一社会信用代码.
    pub uscc: String,
    /// Its credit class on `as_of` (internal: never published).
    pub class: String,
    /// The inspectors matched to it.
    pub inspectors: Vec<String>,
}

/// An inspector of the register given to the draw.
#[derive(Debug, Serialize, ToSchema)]
pub struct InspectorView {
    /// Staff id.
    pub id: String,
    /// Department.
    pub department: String,
    /// Active.
    pub active: bool,
    /// In the plan's pool (active, of the plan's inspector departments).
    pub in_pool: bool,
    /// Entities drawn and matched to this inspector.
    pub assigned: usize,
    /// Entities this inspector declared a conflict with.
    pub declared_conflicts: usize,
}

/// An inspector of the pool left out of a drawn entity's team by a declared conflict (回避).
#[derive(Debug, Serialize, ToSchema)]
pub struct RecusalView {
    /// The drawn entity.
    pub uscc: String,
    /// The inspector who recused.
    pub inspector: String,
}

/// A draw's record as staff read it.
#[derive(Debug, Serialize, ToSchema)]
pub struct DrawDetail {
    /// The summary.
    #[serde(flatten)]
    pub summary: DrawSummary,
    /// Checks per enterprise per year.
    pub annual_cap: u32,
    /// Inspector departments the plan draws from (all when empty).
    pub inspector_departments: Vec<String>,
    /// Division code prefixes of the register's scope (all when empty).
    pub scope_adcode_prefixes: Vec<String>,
    /// Drawn entities in draw order.
    pub drawn: Vec<DrawnView>,
    /// The inspector register.
    pub inspector_register: Vec<InspectorView>,
    /// Recusals, in draw order.
    pub recusals: Vec<RecusalView>,
    /// Entities left out at the annual cap.
    pub at_cap: Vec<String>,
}

/// A message in both languages.
#[derive(Debug, Serialize, ToSchema)]
pub struct Bilingual {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

/// The three digests of a draw.
#[derive(Debug, Serialize, ToSchema)]
pub struct Digests {
    /// Input digest.
    pub input_sha256: String,
    /// RNG key.
    pub rng_key: String,
    /// Result digest.
    pub result_sha256: String,
}

/// The result of re-running a stored draw.
#[derive(Debug, Serialize, ToSchema)]
pub struct DrawVerification {
    /// Task id.
    pub task_id: String,
    /// Everything matched: the re-run equals the record, the store's digest columns equal the
    /// record's, and the evidence leaf's file digest equals the record's bytes.
    pub matches: bool,
    /// As the record states them.
    pub recorded: Digests,
    /// As the re-run computed them (absent when the record cannot be re-run).
    pub recomputed: Option<Digests>,
    /// The result digest in the store's column (as logged when the draw was stored).
    pub stored_result_sha256: String,
    /// SHA-256 of the stored record's bytes.
    pub record_sha256: String,
    /// The evidence leaf's file digest (absent when no leaf names this draw).
    pub logged_sha256: Option<String>,
    /// Its leaf index.
    pub leaf_index: i64,
    /// The first difference found, if any.
    pub problem: Option<Bilingual>,
    /// Whether the register was re-classified from the data (only `tianping inspect verify
    /// --recompute-register` does that; the API re-runs the draw from its recorded register).
    pub register_recomputed: bool,
}

/// A `zh / en` message (the crates' error texts) split in two.
pub fn bilingual(text: &str) -> Bilingual {
    let (zh, en) = crate::error::bilingual(text);
    Bilingual {
        zh: zh.to_string(),
        en: en.to_string(),
    }
}

/// The stored record, parsed; a record that does not parse is an internal error naming it.
pub fn parse_record(row: &DrawRow) -> Result<DrawRecord, ApiError> {
    serde_json::from_str(&row.record).map_err(|e| {
        ApiError::internal(format!(
            "stored draw {} (rng_key {}) does not parse: {e}",
            row.task_id, row.rng_key
        ))
    })
}

/// SHA-256 of the stored record's bytes, hex.
pub fn record_sha256(row: &DrawRow) -> String {
    hex::encode(Sha256::digest(row.record.as_bytes()))
}

/// The summary of a stored draw; `published` says whether `today` is on or after `public_from`.
pub fn summary(
    row: &DrawRow,
    record: &DrawRecord,
    names: Option<(&str, &str)>,
    today: chrono::NaiveDate,
) -> DrawSummary {
    let plan = &record.input.plan;
    let public_from = record.public_from();
    DrawSummary {
        task_id: plan.task_id.clone(),
        task_name: plan.task_name.clone(),
        department: plan.department.clone(),
        department_zh: names.map(|n| n.0.to_string()),
        department_en: names.map(|n| n.1.to_string()),
        item_type: match plan.item_type {
            tianping_credit::plan::ItemType::General => "general",
            tianping_credit::plan::ItemType::Key => "key",
        }
        .to_string(),
        items: plan.items.clone(),
        check_start: plan.check_start.to_string(),
        check_end: plan.check_end.to_string(),
        as_of: record.input.as_of.to_string(),
        rates: record
            .result
            .tallies
            .iter()
            .map(|t| ClassRate {
                class: t.class.as_str().to_string(),
                rate_bp: t.rate_bp,
                in_register: t.in_register,
                at_cap: t.at_cap,
                eligible: t.eligible,
                drawn: t.drawn,
            })
            .collect(),
        register_size: record.input.register.len(),
        inspectors: record.input.inspectors.len(),
        inspectors_per_object: plan.inspectors_per_object,
        objects: record.result.objects.len(),
        public_seed: record.input.public_seed.clone(),
        input_sha256: record.input_sha256.clone(),
        rng_key: record.rng_key.clone(),
        result_sha256: record.result_sha256.clone(),
        record_sha256: record_sha256(row),
        leaf_index: row.leaf_index,
        saved_at_ms: row.saved_at_ms,
        publish_by: record.result.publish_by.map(|d| d.to_string()),
        publish_by_unknown: record.result.publish_by_unknown.clone(),
        public_from: public_from.map(|d| d.to_string()),
        published: public_from.is_some_and(|d| d <= today),
    }
}

/// The record as staff read it.
pub fn detail(summary: DrawSummary, record: &DrawRecord) -> DrawDetail {
    let plan = &record.input.plan;
    let pool = pool(plan, &record.input.inspectors);
    let objects = &record.result.objects;
    DrawDetail {
        summary,
        annual_cap: plan.annual_cap,
        inspector_departments: plan.inspector_departments.clone(),
        scope_adcode_prefixes: plan.scope.adcode_prefixes.clone(),
        drawn: objects
            .iter()
            .map(|o| DrawnView {
                order: o.order,
                uscc: o.uscc.clone(),
                class: o.class.as_str().to_string(),
                inspectors: o.inspectors.clone(),
            })
            .collect(),
        inspector_register: record
            .input
            .inspectors
            .iter()
            .map(|i| InspectorView {
                id: i.id.clone(),
                department: i.department.clone(),
                active: i.active,
                in_pool: pool.iter().any(|p| p.id == i.id),
                assigned: objects
                    .iter()
                    .filter(|o| o.inspectors.contains(&i.id))
                    .count(),
                declared_conflicts: i.conflicts.len(),
            })
            .collect(),
        recusals: recusals(record)
            .into_iter()
            .map(|r| RecusalView {
                uscc: r.uscc,
                inspector: r.inspector,
            })
            .collect(),
        at_cap: record.result.at_cap.clone(),
    }
}
