//! The detection contract: the [`Detector`] trait, what a detector reads ([`Input`]), the context
//! it runs in ([`DetectCtx`]: `as_of` and the rules in force), and the [`FindingSink`] that turns
//! its drafts into spec-conformant [`Finding`]s.
//!
//! A detector's analysis is pure: no IO, no clock, no randomness without a seed; the engine runs
//! its declared queries and hands it Arrow record batches. Output order never depends on input
//! order: the sink sorts findings by id.
#![deny(missing_docs)]

pub mod columns;
pub mod finding;
pub mod places;
pub mod reduce;
pub mod rules;

use std::collections::BTreeMap;

use arrow::record_batch::RecordBatch;
use serde_json::Value;

pub use finding::{Finding, Ref, RefKind, Severity, Window};
pub use reduce::{Aggregate, GroupBy, GroupHaving, Literal, Predicate, Reduction, SemiJoin};
pub use rules::{ListDef, Lists, Overrides, ParamDef, RuleVersion};

/// A table and the columns a detector reads from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Input {
    /// Table of the data standard.
    pub table: &'static str,
    /// Columns (names as in the standard, or the lineage columns).
    pub columns: &'static [&'static str],
    /// A time column: the engine passes only rows with this column at or before `as_of`.
    pub time_column: Option<&'static str>,
}

/// The query results handed to a detector, by table.
#[derive(Debug, Clone, Default)]
pub struct InputData {
    /// Table → record batches (in no particular order).
    pub tables: BTreeMap<String, Vec<RecordBatch>>,
}

impl InputData {
    /// The batches of a table (empty if none).
    pub fn batches(&self, table: &str) -> &[RecordBatch] {
        self.tables.get(table).map_or(&[], Vec::as_slice)
    }
}

/// What a detection run knows besides its data.
#[derive(Debug, Clone)]
pub struct DetectCtx {
    /// The moment the detection is as of: RFC 3339.
    pub as_of: String,
    /// `as_of` in nanoseconds since the epoch.
    pub as_of_ns: i64,
    /// `as_of`'s calendar date in China time (`YYYY-MM-DD`), which selects the rule versions.
    pub as_of_date: String,
    /// Parameter overrides from configuration (validated).
    pub overrides: Overrides,
    /// Lists from configuration (validated).
    pub lists: Lists,
}

impl DetectCtx {
    /// A context as of `as_of` (RFC 3339) with no overrides; `None` if `as_of` is not a time.
    pub fn new(as_of: &str) -> Option<DetectCtx> {
        let ns = tianping_domain::value::parse_time(as_of).ok()?;
        let china = ns + 8 * 3600 * 1_000_000_000;
        let date = tianping_domain::value::format_date(china.div_euclid(86_400 * 1_000_000_000));
        Some(DetectCtx {
            as_of: as_of.to_string(),
            as_of_ns: ns,
            as_of_date: date,
            overrides: Overrides::new(),
            lists: Lists::new(),
        })
    }

    /// The version of `rule` in force at `as_of`, among `versions`.
    pub fn rule_in_force<'v>(
        &self,
        versions: &'v [RuleVersion],
        rule: &str,
    ) -> Option<&'v RuleVersion> {
        versions
            .iter()
            .find(|v| v.rule == rule && v.in_force(&self.as_of_date))
    }

    /// A configured list of a rule (empty when not configured).
    pub fn list(&self, rule: &str, name: &str) -> &[String] {
        self.lists
            .get(rule)
            .and_then(|l| l.get(name))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// A parameter of a rule version: the configured override, else the default.
    pub fn param(&self, version: &RuleVersion, name: &str) -> f64 {
        let configured = self
            .overrides
            .get(version.rule)
            .and_then(|p| p.get(name))
            .copied();
        configured
            .or_else(|| {
                version
                    .params
                    .iter()
                    .find(|p| p.name == name)
                    .map(|p| p.default)
            })
            .unwrap_or(f64::NAN)
    }
}

/// Everything a detector says about one finding; the sink adds ids, hashes and legal basis.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The rule version the finding applies (its legal basis is cited).
    pub rule: &'static RuleVersion,
    /// Severity.
    pub severity: Severity,
    /// 0–1.
    pub score: f64,
    /// Subject.
    pub subject: Ref,
    /// Related parties.
    pub related: Vec<Ref>,
    /// Period of the evidence.
    pub window: Option<Window>,
    /// One Chinese sentence.
    pub summary: String,
    /// The figures.
    pub evidence: Value,
}

/// Collects a detector's findings.
#[derive(Debug)]
pub struct FindingSink {
    detector: &'static str,
    version: u32,
    findings: BTreeMap<String, Finding>,
}

impl FindingSink {
    /// A sink for one detector.
    pub fn new(detector: &'static str, version: u32) -> FindingSink {
        FindingSink {
            detector,
            version,
            findings: BTreeMap::new(),
        }
    }

    /// Adds a finding. A second draft with the same id (same rule, subject and window) keeps the
    /// one with the higher score, so output does not depend on input order.
    pub fn push(&mut self, draft: Draft) {
        let rule = draft.rule.rule.to_string();
        let id = finding::finding_id(self.detector, &rule, &draft.subject, draft.window.as_ref());
        let mut related = draft.related;
        related.sort();
        related.dedup();
        let finding = Finding {
            finding_id: id.clone(),
            detector: self.detector.to_string(),
            rule,
            detector_version: self.version,
            severity: draft.severity,
            score: finding::score(draft.score),
            subject: draft.subject,
            related,
            window: draft.window,
            legal_basis: draft
                .rule
                .legal_basis
                .iter()
                .map(|s| (*s).to_string())
                .collect(),
            summary: draft.summary,
            evidence_sha256: finding::evidence_sha256(&draft.evidence),
            evidence: draft.evidence,
        };
        let keep_existing = self.findings.get(&id).is_some_and(|old| {
            (old.score, finding::canonical_json(&old.evidence))
                >= (finding.score, finding::canonical_json(&finding.evidence))
        });
        if !keep_existing {
            self.findings.insert(id, finding);
        }
    }

    /// The findings, sorted by id.
    pub fn into_findings(self) -> Vec<Finding> {
        self.findings.into_values().collect()
    }
}

/// A detector (see `docs/specs/detector.md`).
pub trait Detector: Send + Sync {
    /// Stable id from the catalogue (spec §2).
    fn id(&self) -> &'static str;
    /// Bumped whenever the logic or the meaning of a parameter changes.
    fn version(&self) -> u32;
    /// Every version of every rule it applies.
    fn rules(&self) -> &'static [RuleVersion];
    /// What it reads.
    fn inputs(&self) -> &'static [Input];
    /// The analysis: pure and deterministic.
    fn detect(&self, ctx: &DetectCtx, data: &InputData, sink: &mut FindingSink);
    /// Whether findings depend on `as_of` beyond which rows exist (e.g. a deadline that passes):
    /// then the engine re-runs the detector whenever `as_of` changes.
    fn as_of_sensitive(&self) -> bool {
        false
    }

    /// The lists its rules accept from configuration.
    fn lists(&self) -> &'static [ListDef] {
        &[]
    }

    /// How the engine reduces its inputs before they come back (at most one per declared table;
    /// a table without one comes back as its declared columns). Row restrictions must not change
    /// the findings: the detector re-checks their conditions itself.
    fn reductions(&self) -> &'static [Reduction] {
        &[]
    }
}
