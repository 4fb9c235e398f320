//! Findings → alerts → one view per merchant, with the two-tier disposal decision.
//!
//! - An **alert** is one subject and one practice (detector): every finding of that detector about
//!   that subject (any rule, any window) is deduplicated into it. Its severity and score are the
//!   highest of its findings; its id is stable (a hash of subject and practice).
//! - A **merchant view** gathers the alerts of one merchant across detectors: a merchant subject is
//!   its own merchant; a listing or live session goes to the merchant named in `related` when the
//!   finding names one, else stands alone.
//! - **Ranking**: severity, then score (both descending), then id, so equal inputs always give the
//!   same order whatever order the findings came in. Scores are comparable within one rule only
//!   (findings.md §1), so across practices the score only breaks ties of severity.
//! - **Disposal** (data: [`DisposalPolicy`]): serious (severity at or above the threshold, a
//!   practice that is never minor, or a repeat after an earlier rectification notice) → a clue
//!   for a case officer; minor → a rectification notice to the merchant through its platform with
//!   a deadline in working days; subjects that are not merchants → an officer's review.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tianping_detect::{Finding, Ref, RefKind, Severity, Window};

use crate::calendar::Calendar;
use crate::practice;
use crate::rules::{DeadlineKind, DisposalPolicy, Rules, RulesError};

/// The way an alert is disposed of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// 责令整改: a notice to the merchant through its platform, with a deadline.
    Rectification,
    /// 人工研判: an officer looks at it (the subject is not a merchant to notify).
    Review,
    /// 线索: a clue for a case officer.
    Clue,
}

impl Tier {
    /// Name used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Rectification => "rectification",
            Tier::Review => "review",
            Tier::Clue => "clue",
        }
    }
}

/// Why an alert goes the way it goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disposal {
    /// The tier.
    pub tier: Tier,
    /// Why, in Chinese.
    pub reason: String,
    /// Why, in English.
    pub reason_en: String,
    /// The provisions the decision rests on.
    pub basis: Vec<String>,
    /// For a rectification notice: the platform that forwards it.
    pub via_platform: Option<String>,
    /// For a rectification notice: its last day, when the calendar covers it.
    pub rectification_due: Option<NaiveDate>,
    /// For a rectification notice whose last day cannot be computed (the calendar does not cover
    /// the period yet): why. The notice must then state its deadline by hand.
    pub due_unknown: Option<String>,
    /// The disposal policy version applied.
    pub policy_version: u32,
}

/// One subject and one practice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    /// `alert-` and 24 hex digits of SHA-256 over subject and practice.
    pub alert_id: String,
    /// What it is about.
    pub subject: Ref,
    /// The merchant view it belongs to.
    pub merchant: Ref,
    /// The practice: a detector id.
    pub practice: String,
    /// Highest severity of its findings.
    pub severity: Severity,
    /// Highest score of its findings.
    pub score: f64,
    /// The rules that fired, sorted.
    pub rules: Vec<String>,
    /// Its findings, sorted.
    pub finding_ids: Vec<String>,
    /// Provisions, sorted and unique.
    pub legal_basis: Vec<String>,
    /// Earliest start and latest end of its findings' windows.
    pub window: Option<Window>,
    /// The summary of its most serious finding.
    pub summary: String,
    /// How it is disposed of.
    pub disposal: Disposal,
}

/// All alerts of one merchant (or of one subject without a merchant).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MerchantView {
    /// The merchant (or the subject itself).
    pub merchant: Ref,
    /// Its alerts, ranked.
    pub alerts: Vec<Alert>,
    /// The most serious tier among its alerts.
    pub tier: Tier,
}

/// Earlier rectification notices per (merchant, practice): the repeat rule's input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    notices: BTreeMap<(String, String), u32>,
}

impl History {
    /// Records `count` earlier notices to `merchant` for `practice`.
    pub fn add_notices(&mut self, merchant: &Ref, practice: &str, count: u32) {
        *self
            .notices
            .entry((ref_key(merchant), practice.to_string()))
            .or_insert(0) += count;
    }

    /// Earlier notices to `merchant` for `practice`.
    pub fn notices(&self, merchant: &Ref, practice: &str) -> u32 {
        self.notices
            .get(&(ref_key(merchant), practice.to_string()))
            .copied()
            .unwrap_or(0)
    }
}

/// What can stop alerts from being built: no rule in force on `as_of`.
pub type AlertError = RulesError;

/// A stable text key of a ref: `kind|platform|id`.
pub fn ref_key(r: &Ref) -> String {
    format!(
        "{}|{}|{}",
        r.kind.as_str(),
        r.platform_id.as_deref().unwrap_or(""),
        r.id
    )
}

/// The stable id of the alert for `subject` and `practice`.
pub fn alert_id(subject: &Ref, practice: &str) -> String {
    let mut hasher = Sha256::new();
    for part in [
        subject.kind.as_str(),
        subject.platform_id.as_deref().unwrap_or(""),
        subject.id.as_str(),
        practice,
    ] {
        hasher.update(part.as_bytes());
        hasher.update([0u8]);
    }
    format!("alert-{}", &hex::encode(hasher.finalize())[..24])
}

fn merchant_of(f: &Finding) -> Ref {
    match f.subject.kind {
        RefKind::Merchant => f.subject.clone(),
        RefKind::Listing | RefKind::LiveSession => f
            .related
            .iter()
            .filter(|r| r.kind == RefKind::Merchant)
            .min_by_key(|r| ref_key(r))
            .cloned()
            .unwrap_or_else(|| f.subject.clone()),
        _ => f.subject.clone(),
    }
}

fn widen(window: &mut Option<Window>, other: Option<&Window>) {
    let Some(other) = other else { return };
    let instant = |t: &str| DateTime::parse_from_rfc3339(t).ok();
    match window {
        None => *window = Some(other.clone()),
        Some(w) => {
            if instant(&other.from) < instant(&w.from) {
                w.from.clone_from(&other.from);
            }
            if instant(&other.to) > instant(&w.to) {
                w.to.clone_from(&other.to);
            }
        }
    }
}

/// Ranking: severity, then score (descending), then id.
fn rank(a: &Alert, b: &Alert) -> std::cmp::Ordering {
    b.severity
        .cmp(&a.severity)
        .then(b.score.total_cmp(&a.score))
        .then_with(|| a.alert_id.cmp(&b.alert_id))
}

/// Decides the tier of one alert (before its deadline is computed).
fn decide(
    alert: &Alert,
    history: &History,
    policy: &DisposalPolicy,
) -> (Tier, String, String, Vec<String>) {
    let zh = practice::name_zh(&alert.practice).unwrap_or("未知行为");
    if policy.review_only.contains(&alert.practice) {
        return (
            Tier::Review,
            format!("{zh}：对象不是可责令整改的商户，转人工研判"),
            format!(
                "{}: the subject is not a merchant to notify; an officer reviews it",
                alert.practice
            ),
            vec![policy.review_only_basis.clone()],
        );
    }
    if policy.never_minor.contains(&alert.practice) {
        return (
            Tier::Clue,
            format!("{zh}：不适用责令整改，作为线索交办案人员核查"),
            format!(
                "{}: never disposed of by a notice; a clue for a case officer",
                alert.practice
            ),
            vec![policy.never_minor_basis.clone()],
        );
    }
    if alert.severity >= policy.clue_min_severity {
        return (
            Tier::Clue,
            format!(
                "严重程度 {} 达到线索门槛 {}，交办案人员核查",
                alert.severity.as_str(),
                policy.clue_min_severity.as_str()
            ),
            format!(
                "severity {} reaches the clue threshold {}: a clue for a case officer",
                alert.severity.as_str(),
                policy.clue_min_severity.as_str()
            ),
            policy.serious_basis.clone(),
        );
    }
    let earlier = history.notices(&alert.merchant, &alert.practice);
    if earlier >= policy.repeat_escalation_after {
        return (
            Tier::Clue,
            format!("同一商户同类行为此前已责令整改 {earlier} 次，非初次违法，交办案人员核查"),
            format!(
                "{earlier} earlier rectification notice(s) for this practice: not a first violation, a clue"
            ),
            policy.serious_basis.clone(),
        );
    }
    (
        Tier::Rectification,
        format!("{zh}：情节轻微且为初次，经平台向商户发送责令整改通知"),
        format!(
            "{}: minor and first: a rectification notice through the platform",
            alert.practice
        ),
        policy.minor_basis.clone(),
    )
}

/// Builds the merchant views from findings, ranked. `as_of` is the day the notices go out (their
/// deadlines count from it). Findings may come in any order and repeat; the result is the same.
pub fn build_views(
    findings: &[Finding],
    history: &History,
    rules: &Rules,
    calendar: &Calendar,
    as_of: NaiveDate,
) -> Result<Vec<MerchantView>, AlertError> {
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by(|a, b| a.finding_id.cmp(&b.finding_id));
    sorted.dedup_by(|a, b| a.finding_id == b.finding_id);

    let mut alerts: BTreeMap<String, (Alert, f64)> = BTreeMap::new();
    for f in sorted {
        let id = alert_id(&f.subject, &f.detector);
        let entry = alerts.entry(id.clone()).or_insert_with(|| {
            (
                Alert {
                    alert_id: id,
                    subject: f.subject.clone(),
                    merchant: merchant_of(f),
                    practice: f.detector.clone(),
                    severity: f.severity,
                    score: f.score,
                    rules: Vec::new(),
                    finding_ids: Vec::new(),
                    legal_basis: Vec::new(),
                    window: None,
                    summary: f.summary.clone(),
                    disposal: Disposal {
                        tier: Tier::Review,
                        reason: String::new(),
                        reason_en: String::new(),
                        basis: Vec::new(),
                        via_platform: None,
                        rectification_due: None,
                        due_unknown: None,
                        policy_version: 0,
                    },
                },
                f64::NEG_INFINITY,
            )
        });
        let (alert, best) = entry;
        alert.finding_ids.push(f.finding_id.clone());
        alert.rules.push(f.rule.clone());
        alert.legal_basis.extend(f.legal_basis.iter().cloned());
        widen(&mut alert.window, f.window.as_ref());
        // The summary of the most serious finding (severity, then score; first id on a tie).
        let weight = f64::from(f.severity as u8) * 10.0 + f.score;
        if weight > *best {
            *best = weight;
            alert.summary.clone_from(&f.summary);
        }
        alert.severity = alert.severity.max(f.severity);
        alert.score = alert.score.max(f.score);
    }

    let rectification = rules.deadline(DeadlineKind::Rectification, as_of)?;
    let policy = &rules.disposal;
    let mut views: BTreeMap<String, Vec<Alert>> = BTreeMap::new();
    for (_, (mut alert, _)) in alerts {
        alert.rules.sort();
        alert.rules.dedup();
        alert.legal_basis.sort();
        alert.legal_basis.dedup();
        let (tier, reason, reason_en, basis) = decide(&alert, history, policy);
        let (via_platform, due, due_unknown) = if tier == Tier::Rectification {
            let platform = alert
                .subject
                .platform_id
                .clone()
                .or_else(|| alert.merchant.platform_id.clone());
            match rectification.due(calendar, as_of, rectification.days) {
                Ok(due) => (platform, Some(due), None),
                Err(e) => (platform, None, Some(e.to_string())),
            }
        } else {
            (None, None, None)
        };
        alert.disposal = Disposal {
            tier,
            reason,
            reason_en,
            basis,
            via_platform,
            rectification_due: due,
            due_unknown,
            policy_version: policy.version,
        };
        views
            .entry(ref_key(&alert.merchant))
            .or_default()
            .push(alert);
    }

    let mut out: Vec<MerchantView> = views
        .into_values()
        .filter_map(|mut alerts| {
            alerts.sort_by(rank);
            let tier = alerts.iter().map(|a| a.disposal.tier).max()?;
            let merchant = alerts.first()?.merchant.clone();
            Some(MerchantView {
                merchant,
                alerts,
                tier,
            })
        })
        .collect();
    out.sort_by(|a, b| match (a.alerts.first(), b.alerts.first()) {
        (Some(x), Some(y)) => {
            rank(x, y).then_with(|| ref_key(&a.merchant).cmp(&ref_key(&b.merchant)))
        }
        _ => ref_key(&a.merchant).cmp(&ref_key(&b.merchant)),
    });
    Ok(out)
}
