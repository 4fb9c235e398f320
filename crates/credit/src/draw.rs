//! The 双随机 draw: reproducible and verifiable.
//!
//! Inputs ([`DrawInput`]): the checked plan, the day the classes were computed (`as_of`), the
//! object register (entities in scope with their class, sorted by USCC), the inspector register
//! (sorted by id), the checks each entity already had this year, and the public seed (published
//! before the draw: e.g. a lottery number or a newspaper's date line).
//!
//! Algorithm (version `tianping.draw.v1`; anyone can re-implement it from this text):
//! 1. `input_sha256` = SHA-256 of the canonical JSON ([`crate::canonical`]) of the input without
//!    the public seed; `rng_key` = SHA-256(`input_sha256` as 32 bytes ‖ public seed as UTF-8).
//!    The RNG is ChaCha20 (`rand_chacha::ChaCha20Rng::from_seed(rng_key)`), read as a stream of
//!    little-endian u64 (`next_u64`).
//! 2. `uniform(m)` for m ≥ 1: read u64 values x until x < 2^64 − (2^64 mod m); return x mod m.
//! 3. Classes in order A, B, C, D: the eligible entities are the register's entries of that class
//!    whose checks this year are below `annual_cap`, in USCC order (n of them);
//!    k = ⌊(n × rate_bp + 5,000) / 10,000⌋ (the rate applied to n, rounded half up). Partial
//!    Fisher–Yates: for i in 0..k, swap position i with i + uniform(n − i); the first k are drawn,
//!    in that order.
//! 4. For every drawn entity in draw order (class A first): the candidates are the active
//!    inspectors (of `inspector_departments`, if the plan names any) who declared no conflict with
//!    the entity, in id order; with fewer than `inspectors_per_object` the draw fails naming the
//!    entity; else a partial Fisher–Yates picks `inspectors_per_object` of them; the team is
//!    listed in id order.
//! 5. `result_sha256` = SHA-256 of the canonical JSON of the result; the publication deadline is
//!    20 working days after `check_end` on the calendar (unknown, with the reason, when the
//!    calendar does not cover it).
//!
//! Verification ([`verify`]) re-runs 1–5 from a record and compares every digest and every
//! drawn entity and inspector, naming the first difference.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rand_chacha::ChaCha20Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tianping_cases::Calendar;

use crate::canonical;
use crate::class::CreditClass;
use crate::plan::{Inspector, Plan, RegisterEntry};
use crate::rates::BasisPoints;

/// The algorithm's name, part of every record.
pub const FORMAT: &str = "tianping.draw.v1";

/// Working days after the check ends within which results are published.
pub const PUBLISH_WITHIN_WORKING_DAYS: u32 = 20;

/// Everything a draw depends on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawInput {
    /// The plan.
    pub plan: Plan,
    /// The day the classes were computed.
    pub as_of: NaiveDate,
    /// The object register (in scope), sorted by USCC, each USCC once.
    pub register: Vec<RegisterEntry>,
    /// The inspector register, sorted by id.
    pub inspectors: Vec<Inspector>,
    /// Checks each entity already had in the plan's year (absent = 0).
    pub prior_checks: BTreeMap<String, u32>,
    /// The public seed.
    pub public_seed: String,
}

/// The part of the input the digest covers (all but the public seed).
#[derive(Serialize)]
struct Committed<'a> {
    format: &'static str,
    plan: &'a Plan,
    as_of: NaiveDate,
    register: &'a [RegisterEntry],
    inspectors: &'a [Inspector],
    prior_checks: &'a BTreeMap<String, u32>,
}

/// One drawn entity and its team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drawn {
    /// 统一社会信用代码.
    pub uscc: String,
    /// Its class (internal).
    pub class: CreditClass,
    /// Position in draw order (0-based over the whole draw).
    pub order: u32,
    /// Inspector ids, sorted.
    pub inspectors: Vec<String>,
}

/// Per class: how many were eligible and drawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassTally {
    /// The class.
    pub class: CreditClass,
    /// Entries of the class in the register.
    pub in_register: u32,
    /// Left out because they reached the annual cap.
    pub at_cap: u32,
    /// Eligible (n).
    pub eligible: u32,
    /// The rate.
    pub rate_bp: BasisPoints,
    /// Drawn (k).
    pub drawn: u32,
}

/// What the draw produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawResult {
    /// Drawn entities in draw order.
    pub objects: Vec<Drawn>,
    /// Per class, A first.
    pub tallies: Vec<ClassTally>,
    /// Entities left out at the annual cap, by USCC.
    pub at_cap: Vec<String>,
    /// Last day to publish the results (20 working days after `check_end`).
    pub publish_by: Option<NaiveDate>,
    /// Why `publish_by` is unknown.
    pub publish_by_unknown: Option<String>,
}

/// A draw with its inputs and digests: what is kept and what an auditor re-runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawRecord {
    /// [`FORMAT`].
    pub format: String,
    /// The inputs.
    pub input: DrawInput,
    /// SHA-256 of the canonical inputs without the seed.
    pub input_sha256: String,
    /// The ChaCha20 key (hex).
    pub rng_key: String,
    /// The result.
    pub result: DrawResult,
    /// SHA-256 of the canonical result.
    pub result_sha256: String,
}

/// A draw that cannot be made; names the place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DrawError {
    /// The inputs are inconsistent.
    #[error("抽查输入有误（{place}）：{problem} / draw input invalid at {place}: {problem}")]
    Input {
        /// Where.
        place: String,
        /// What.
        problem: String,
    },
    /// Too few inspectors without a conflict for a drawn entity.
    #[error(
        "检查对象 {uscc} 可匹配的无利害关系执法人员只有 {available} 名，需要 {needed} 名 / object {uscc}: only {available} inspectors without a conflict, {needed} needed"
    )]
    TooFewInspectors {
        /// The entity.
        uscc: String,
        /// Candidates left after recusal.
        available: u32,
        /// Needed.
        needed: u32,
    },
    /// Serialisation failed (internal).
    #[error("内部错误：序列化失败 / internal: serialisation failed: {0}")]
    Internal(String),
}

fn input_error(place: impl Into<String>, problem: impl Into<String>) -> DrawError {
    DrawError::Input {
        place: place.into(),
        problem: problem.into(),
    }
}

/// Checks the input's own consistency (sorted, unique, in scope, the class's year).
fn check(input: &DrawInput) -> Result<(), DrawError> {
    for (i, pair) in input.register.windows(2).enumerate() {
        if pair[0].uscc >= pair[1].uscc {
            return Err(input_error(
                format!("register[{}]", i + 1),
                format!(
                    "{} is not after {} (sorted by USCC, each once)",
                    pair[1].uscc, pair[0].uscc
                ),
            ));
        }
    }
    for (i, e) in input.register.iter().enumerate() {
        if !input.plan.scope.admits(e) {
            return Err(input_error(
                format!("register[{i}]"),
                format!("{} is outside the plan's scope", e.uscc),
            ));
        }
    }
    for (i, pair) in input.inspectors.windows(2).enumerate() {
        if pair[0].id >= pair[1].id {
            return Err(input_error(
                format!("inspectors[{}]", i + 1),
                format!(
                    "{} is not after {} (sorted by id, each once)",
                    pair[1].id, pair[0].id
                ),
            ));
        }
    }
    // A record read back from a file did not pass `Plan::from_toml`: the plan's own rules again.
    let plan = &input.plan;
    if plan.inspectors_per_object < crate::plan::MIN_INSPECTORS {
        return Err(input_error(
            "plan.inspectors_per_object",
            format!(
                "{} is fewer than {} (行政处罚法 第四十二条)",
                plan.inspectors_per_object,
                crate::plan::MIN_INSPECTORS
            ),
        ));
    }
    if let Some((class, bp)) = plan.rates_bp.iter().find(|(_, bp)| **bp > 10_000) {
        return Err(input_error(
            format!("plan.rates_bp.{}", class.as_str()),
            format!("{bp} is above 10,000 (100 %)"),
        ));
    }
    if plan.check_end < plan.check_start {
        return Err(input_error("plan.check_end", "before check_start"));
    }
    if input.public_seed.trim().is_empty() {
        return Err(input_error(
            "public_seed",
            "empty: publish a seed before the draw",
        ));
    }
    if input.as_of > input.plan.check_start {
        return Err(input_error(
            "as_of",
            format!(
                "classes as of {} are after the check starts ({})",
                input.as_of, input.plan.check_start
            ),
        ));
    }
    Ok(())
}

/// `uniform(m)` of the module docs.
fn uniform(rng: &mut ChaCha20Rng, m: u64) -> u64 {
    debug_assert!(m >= 1);
    // 2^64 mod m, computed without overflow.
    let rem = (u64::MAX % m + 1) % m;
    let zone = u64::MAX - rem; // values 0..=zone are accepted: zone + 1 = 2^64 − rem.
    loop {
        let x = rng.next_u64();
        if x <= zone {
            return x % m;
        }
    }
}

/// Partial Fisher–Yates: the first `k` of `items` after the swaps, in that order.
fn pick<T: Clone>(rng: &mut ChaCha20Rng, items: &[T], k: usize) -> Vec<T> {
    let mut v = items.to_vec();
    let n = v.len();
    for i in 0..k.min(n) {
        let j = i + uniform(rng, (n - i) as u64) as usize;
        v.swap(i, j);
    }
    v.truncate(k.min(n));
    v
}

/// k = round-half-up(n × rate).
pub fn sample_size(n: u32, rate_bp: BasisPoints) -> u32 {
    let k = (u64::from(n) * u64::from(rate_bp) + 5_000) / 10_000;
    u32::try_from(k).unwrap_or(n).min(n)
}

fn digests(input: &DrawInput) -> Result<(String, [u8; 32]), DrawError> {
    let committed = Committed {
        format: FORMAT,
        plan: &input.plan,
        as_of: input.as_of,
        register: &input.register,
        inspectors: &input.inspectors,
        prior_checks: &input.prior_checks,
    };
    let text = canonical::to_string(&committed).map_err(|e| DrawError::Internal(e.to_string()))?;
    let input_digest = Sha256::digest(text.as_bytes());
    let mut h = Sha256::new();
    h.update(input_digest);
    h.update(input.public_seed.as_bytes());
    Ok((hex::encode(input_digest), h.finalize().into()))
}

/// Makes the draw.
pub fn draw(input: DrawInput, calendar: &Calendar) -> Result<DrawRecord, DrawError> {
    check(&input)?;
    let (input_sha256, key) = digests(&input)?;
    let mut rng = ChaCha20Rng::from_seed(key);
    let plan = &input.plan;
    let mut objects: Vec<Drawn> = Vec::new();
    let mut tallies = Vec::new();
    let mut at_cap = Vec::new();
    for class in CreditClass::ALL {
        let members: Vec<&RegisterEntry> =
            input.register.iter().filter(|e| e.class == class).collect();
        let mut eligible: Vec<&RegisterEntry> = Vec::new();
        let mut capped = 0u32;
        for e in &members {
            if input.prior_checks.get(&e.uscc).copied().unwrap_or(0) >= plan.annual_cap {
                capped += 1;
                at_cap.push(e.uscc.clone());
            } else {
                eligible.push(e);
            }
        }
        let rate_bp = plan.rates_bp.get(&class).copied().unwrap_or(0);
        let n = u32::try_from(eligible.len()).unwrap_or(u32::MAX);
        let k = sample_size(n, rate_bp);
        for e in pick(&mut rng, &eligible, k as usize) {
            objects.push(Drawn {
                uscc: e.uscc.clone(),
                class,
                order: u32::try_from(objects.len()).unwrap_or(u32::MAX),
                inspectors: Vec::new(),
            });
        }
        tallies.push(ClassTally {
            class,
            in_register: u32::try_from(members.len()).unwrap_or(u32::MAX),
            at_cap: capped,
            eligible: n,
            rate_bp,
            drawn: k,
        });
    }
    let pool = crate::recusal::pool(plan, &input.inspectors);
    for object in &mut objects {
        let candidates: Vec<&str> = pool
            .iter()
            .filter(|i| !i.conflicts.contains(&object.uscc))
            .map(|i| i.id.as_str())
            .collect();
        let needed = plan.inspectors_per_object;
        if candidates.len() < needed as usize {
            return Err(DrawError::TooFewInspectors {
                uscc: object.uscc.clone(),
                available: u32::try_from(candidates.len()).unwrap_or(u32::MAX),
                needed,
            });
        }
        let mut team: Vec<String> = pick(&mut rng, &candidates, needed as usize)
            .into_iter()
            .map(str::to_string)
            .collect();
        team.sort();
        object.inspectors = team;
    }
    at_cap.sort();
    let (publish_by, publish_by_unknown) =
        match calendar.add_working_days(plan.check_end, PUBLISH_WITHIN_WORKING_DAYS) {
            Ok(d) => (Some(d), None),
            Err(e) => (None, Some(e.to_string())),
        };
    let result = DrawResult {
        objects,
        tallies,
        at_cap,
        publish_by,
        publish_by_unknown,
    };
    let result_sha256 =
        canonical::sha256(&result).map_err(|e| DrawError::Internal(e.to_string()))?;
    Ok(DrawRecord {
        format: FORMAT.to_string(),
        input,
        input_sha256,
        rng_key: hex::encode(key),
        result,
        result_sha256,
    })
}

/// Why a recorded draw does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    /// The record cannot be re-run.
    #[error("记录无法重新抽取：{0} / the record cannot be re-run: {0}")]
    Rerun(DrawError),
    /// A value differs.
    #[error(
        "{place} 不一致：记录为 {recorded}，重新计算为 {recomputed} / {place} differs: recorded {recorded}, recomputed {recomputed}"
    )]
    Differs {
        /// Which value.
        place: String,
        /// As recorded.
        recorded: String,
        /// As recomputed.
        recomputed: String,
    },
}

fn differs(
    place: impl Into<String>,
    recorded: impl ToString,
    recomputed: impl ToString,
) -> VerifyError {
    VerifyError::Differs {
        place: place.into(),
        recorded: recorded.to_string(),
        recomputed: recomputed.to_string(),
    }
}

/// Re-runs a recorded draw from its inputs and compares everything, naming the first difference.
pub fn verify(record: &DrawRecord, calendar: &Calendar) -> Result<(), VerifyError> {
    if record.format != FORMAT {
        return Err(differs("format", &record.format, FORMAT));
    }
    let again = draw(record.input.clone(), calendar).map_err(VerifyError::Rerun)?;
    if again.input_sha256 != record.input_sha256 {
        return Err(differs(
            "input_sha256",
            &record.input_sha256,
            &again.input_sha256,
        ));
    }
    if again.rng_key != record.rng_key {
        return Err(differs("rng_key", &record.rng_key, &again.rng_key));
    }
    let (a, b) = (&record.result, &again.result);
    if a.objects.len() != b.objects.len() {
        return Err(differs(
            "result.objects (count)",
            a.objects.len(),
            b.objects.len(),
        ));
    }
    for (i, (x, y)) in a.objects.iter().zip(&b.objects).enumerate() {
        if x.uscc != y.uscc || x.class != y.class || x.order != y.order {
            return Err(differs(format!("result.objects[{i}]"), &x.uscc, &y.uscc));
        }
        if x.inspectors != y.inspectors {
            return Err(differs(
                format!("result.objects[{i}].inspectors ({})", x.uscc),
                x.inspectors.join(","),
                y.inspectors.join(","),
            ));
        }
    }
    if a != b {
        let show = |r: &DrawResult| canonical::to_string(r).unwrap_or_default();
        return Err(differs("result", show(a), show(b)));
    }
    let recorded_digest = canonical::sha256(&record.result)
        .map_err(|e| VerifyError::Rerun(DrawError::Internal(e.to_string())))?;
    if record.result_sha256 != recorded_digest {
        return Err(differs(
            "result_sha256",
            &record.result_sha256,
            &recorded_digest,
        ));
    }
    Ok(())
}

/// The published form of a draw (一公开): task, items, dates, the seed, the digests and the drawn
/// entities with their inspectors. No credit class: the class is internal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicDraw {
    /// [`FORMAT`].
    pub format: String,
    /// Task id.
    pub task_id: String,
    /// Task name.
    pub task_name: String,
    /// Department.
    pub department: String,
    /// 检查事项.
    pub items: Vec<String>,
    /// Check period.
    pub check_start: NaiveDate,
    /// Check period end.
    pub check_end: NaiveDate,
    /// The public seed.
    pub public_seed: String,
    /// Input digest (commits to the register and classes without revealing them).
    pub input_sha256: String,
    /// Result digest.
    pub result_sha256: String,
    /// Drawn entities, by USCC, with their inspectors.
    pub objects: Vec<PublicObject>,
    /// Publication deadline.
    pub publish_by: Option<NaiveDate>,
}

/// One published object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicObject {
    /// 统一社会信用代码.
    pub uscc: String,
    /// Inspector ids.
    pub inspectors: Vec<String>,
}

impl DrawRecord {
    /// The first day the draw is published (一公开): the day after its check period ends, so the
    /// list of drawn entities is no notice before the checks (检查不预先告知); results are due by
    /// `result.publish_by`.
    pub fn public_from(&self) -> Option<NaiveDate> {
        self.input.plan.check_end.succ_opt()
    }

    /// The published form.
    pub fn public(&self) -> PublicDraw {
        let mut objects: Vec<PublicObject> = self
            .result
            .objects
            .iter()
            .map(|o| PublicObject {
                uscc: o.uscc.clone(),
                inspectors: o.inspectors.clone(),
            })
            .collect();
        objects.sort_by(|a, b| a.uscc.cmp(&b.uscc));
        let p = &self.input.plan;
        PublicDraw {
            format: self.format.clone(),
            task_id: p.task_id.clone(),
            task_name: p.task_name.clone(),
            department: p.department.clone(),
            items: p.items.clone(),
            check_start: p.check_start,
            check_end: p.check_end,
            public_seed: self.input.public_seed.clone(),
            input_sha256: self.input_sha256.clone(),
            result_sha256: self.result_sha256.clone(),
            objects,
            publish_by: self.result.publish_by,
        }
    }
}

/// The prior checks of a new draw from earlier records: per USCC, how many times it was drawn in
/// records whose check starts in `year`. A record given twice (same `input_sha256` and seed)
/// counts once.
pub fn prior_checks(records: &[DrawRecord], year: i32) -> BTreeMap<String, u32> {
    use chrono::Datelike;
    let mut out: BTreeMap<String, u32> = BTreeMap::new();
    let mut seen = std::collections::BTreeSet::new();
    for r in records {
        if r.input.plan.check_start.year() != year || !seen.insert(&r.rng_key) {
            continue;
        }
        for o in &r.result.objects {
            *out.entry(o.uscc.clone()).or_insert(0) += 1;
        }
    }
    out
}
