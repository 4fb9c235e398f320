//! Findings per `shared/spec/findings.md` §1: the format other departments, regions and courts
//! consume. Stable ids, canonical evidence JSON and its SHA-256.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look.
    Low,
    /// A rectification notice.
    Medium,
    /// A clue for a case officer.
    High,
    /// Urgent.
    Critical,
}

impl Severity {
    /// Name as in the spec.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

/// The kinds of thing a finding can be about (spec §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefKind {
    /// A platform.
    Platform,
    /// A merchant on a platform.
    Merchant,
    /// A listing.
    Listing,
    /// A person (pid).
    Person,
    /// A referral scheme.
    Scheme,
    /// A live-stream session.
    LiveSession,
    /// A document.
    Document,
    /// A complaint.
    Complaint,
    /// A normalised address.
    Address,
    /// A campaign.
    Campaign,
}

impl RefKind {
    /// Name as in the spec.
    pub fn as_str(self) -> &'static str {
        match self {
            RefKind::Platform => "platform",
            RefKind::Merchant => "merchant",
            RefKind::Listing => "listing",
            RefKind::Person => "person",
            RefKind::Scheme => "scheme",
            RefKind::LiveSession => "live_session",
            RefKind::Document => "document",
            RefKind::Complaint => "complaint",
            RefKind::Address => "address",
            RefKind::Campaign => "campaign",
        }
    }
}

/// A reference to something a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Ref {
    /// What kind of thing.
    pub kind: RefKind,
    /// Its id.
    pub id: String,
    /// Its platform, where ids are per platform.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub platform_id: Option<String>,
    /// Its credit code, when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub uscc: Option<String>,
}

impl Ref {
    /// A listing of a platform.
    pub fn listing(platform_id: &str, listing_id: &str) -> Ref {
        Ref {
            kind: RefKind::Listing,
            id: listing_id.into(),
            platform_id: Some(platform_id.into()),
            uscc: None,
        }
    }

    /// A merchant of a platform.
    pub fn merchant(platform_id: &str, merchant_id: &str) -> Ref {
        Ref {
            kind: RefKind::Merchant,
            id: merchant_id.into(),
            platform_id: Some(platform_id.into()),
            uscc: None,
        }
    }

    /// A platform.
    pub fn platform(platform_id: &str) -> Ref {
        Ref {
            kind: RefKind::Platform,
            id: platform_id.into(),
            platform_id: None,
            uscc: None,
        }
    }

    /// A person by pid.
    pub fn person(pid: &str) -> Ref {
        Ref {
            kind: RefKind::Person,
            id: pid.into(),
            platform_id: None,
            uscc: None,
        }
    }
}

/// The period the evidence covers (RFC 3339).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Window {
    /// Start.
    pub from: String,
    /// End.
    pub to: String,
}

/// One finding (spec §1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable: the same detector, rule, subject and window give the same id on every run.
    pub finding_id: String,
    /// Detector id (spec §2).
    pub detector: String,
    /// `<detector>.<rule>`.
    pub rule: String,
    /// Bumped whenever the logic or the meaning of a parameter changes.
    pub detector_version: u32,
    /// Severity.
    pub severity: Severity,
    /// 0–1, higher is more suspicious; comparable within one rule.
    pub score: f64,
    /// What the finding is about.
    pub subject: Ref,
    /// Other parties involved.
    pub related: Vec<Ref>,
    /// The period the evidence covers.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub window: Option<Window>,
    /// The provisions.
    pub legal_basis: Vec<String>,
    /// One sentence in Chinese a case officer can read out.
    pub summary: String,
    /// The detector's own figures that justify the finding.
    pub evidence: Value,
    /// Hex SHA-256 of the canonical JSON of `evidence`.
    pub evidence_sha256: String,
}

/// Canonical JSON (spec §1): object keys sorted, no spaces, serde_json's number formatting.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String((*key).clone()).to_string());
                out.push(':');
                if let Some(v) = map.get(*key) {
                    write_canonical(v, out);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Hex SHA-256 of the canonical JSON of `evidence`.
pub fn evidence_sha256(evidence: &Value) -> String {
    hex::encode(Sha256::digest(canonical_json(evidence).as_bytes()))
}

/// The stable id of a finding: a hash of detector, rule, subject and window.
pub fn finding_id(detector: &str, rule: &str, subject: &Ref, window: Option<&Window>) -> String {
    let mut hasher = Sha256::new();
    for part in [
        detector,
        rule,
        subject.kind.as_str(),
        subject.platform_id.as_deref().unwrap_or(""),
        subject.id.as_str(),
        window.map_or("", |w| w.from.as_str()),
        window.map_or("", |w| w.to.as_str()),
    ] {
        hasher.update(part.as_bytes());
        hasher.update([0u8]);
    }
    let digest = hex::encode(hasher.finalize());
    format!("{detector}-{}", &digest[..24])
}

/// Rounds a score to 6 decimals and clamps it to 0–1, so that it prints the same everywhere.
pub fn score(value: f64) -> f64 {
    if value.is_nan() {
        return 0.0;
    }
    (value.clamp(0.0, 1.0) * 1e6).round() / 1e6
}

/// What a finding must satisfy to conform to the spec; `Err` names the first problem.
pub fn check_finding(f: &Finding, known_detectors: &[&str]) -> Result<(), String> {
    if !known_detectors.contains(&f.detector.as_str()) {
        return Err(format!("unknown detector {:?}", f.detector));
    }
    if !f.rule.starts_with(&format!("{}.", f.detector)) || f.rule.len() <= f.detector.len() + 1 {
        return Err(format!("rule {:?} is not <detector>.<rule>", f.rule));
    }
    if !(0.0..=1.0).contains(&f.score) {
        return Err(format!("score {} outside 0–1", f.score));
    }
    if f.summary.trim().is_empty()
        || !f
            .summary
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    {
        return Err("summary must be a Chinese sentence".into());
    }
    if f.legal_basis.is_empty() {
        return Err("legal_basis is empty".into());
    }
    if !f.evidence.is_object() || f.evidence.as_object().is_some_and(|o| o.is_empty()) {
        return Err("evidence must be a non-empty object".into());
    }
    if f.evidence_sha256 != evidence_sha256(&f.evidence) {
        return Err("evidence_sha256 does not match the evidence".into());
    }
    if f.finding_id != finding_id(&f.detector, &f.rule, &f.subject, f.window.as_ref()) {
        return Err("finding_id is not the stable id of detector, rule, subject and window".into());
    }
    if f.subject.id.is_empty() {
        return Err("subject id is empty".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_sorts_keys_without_spaces() {
        let v: Value =
            serde_json::from_str(r#"{"b": [1, {"z": 1, "a": "价"}], "a": null}"#).unwrap();
        assert_eq!(canonical_json(&v), r#"{"a":null,"b":[1,{"a":"价","z":1}]}"#);
        assert_eq!(evidence_sha256(&v).len(), 64);
    }

    #[test]
    fn ids_are_stable_and_distinguish_subjects() {
        let a = finding_id(
            "price_fraud",
            "price_fraud.reference_price",
            &Ref::listing("p", "l1"),
            None,
        );
        assert_eq!(
            a,
            finding_id(
                "price_fraud",
                "price_fraud.reference_price",
                &Ref::listing("p", "l1"),
                None
            )
        );
        assert_ne!(
            a,
            finding_id(
                "price_fraud",
                "price_fraud.reference_price",
                &Ref::listing("p", "l2"),
                None
            )
        );
        assert!(a.starts_with("price_fraud-"));
    }

    #[test]
    fn scores_are_clamped_and_rounded() {
        assert_eq!(score(1.5), 1.0);
        assert_eq!(score(-1.0), 0.0);
        assert_eq!(score(0.123_456_789), 0.123_457);
        assert_eq!(score(f64::NAN), 0.0);
    }
}
