//! Findings in (`shared/spec/findings.md` §1): JSON parsed into the typed
//! [`tianping_detect::Finding`], or rejected with the field at fault, its value and the problem.
//! A finding that passes is consistent: known detector, `<detector>.<rule>`, score in 0–1, RFC
//! 3339 window, evidence hash and stable id recomputed.

use serde_json::{Map, Value};
use tianping_detect::Finding;

use crate::practice;

/// Why a finding was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "线索数据字段 {field} 有误（值 {value}）：{problem} / finding field {field} (value {value}): {problem}"
)]
pub struct FindingError {
    /// The field, as a JSON path (`subject.kind`, `window.from`).
    pub field: String,
    /// The value found, shortened (`<missing>` when absent).
    pub value: String,
    /// What is wrong, in English.
    pub problem: String,
}

fn err(field: &str, value: Option<&Value>, problem: impl Into<String>) -> FindingError {
    let value = match value {
        None => "<missing>".to_string(),
        Some(v) => {
            let text = v.to_string();
            if text.chars().count() > 80 {
                format!("{}…", text.chars().take(80).collect::<String>())
            } else {
                text
            }
        }
    };
    FindingError {
        field: field.into(),
        value,
        problem: problem.into(),
    }
}

fn string<'a>(obj: &'a Map<String, Value>, path: &str, key: &str) -> Result<&'a str, FindingError> {
    let field = if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    };
    match obj.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s),
        Some(Value::String(_)) => Err(err(&field, obj.get(key), "is empty")),
        other => Err(err(&field, other, "must be a string")),
    }
}

fn check_ref(value: Option<&Value>, field: &str) -> Result<(), FindingError> {
    let Some(Value::Object(obj)) = value else {
        return Err(err(field, value, "must be an object {kind, id, …}"));
    };
    let kind = string(obj, field, "kind")?;
    const KINDS: [&str; 10] = [
        "platform",
        "merchant",
        "listing",
        "person",
        "scheme",
        "live_session",
        "document",
        "complaint",
        "address",
        "campaign",
    ];
    if !KINDS.contains(&kind) {
        return Err(err(
            &format!("{field}.kind"),
            obj.get("kind"),
            format!("must be one of {}", KINDS.join(", ")),
        ));
    }
    string(obj, field, "id")?;
    for key in ["platform_id", "uscc"] {
        if let Some(v) = obj.get(key)
            && !v.is_null()
            && !v.is_string()
        {
            return Err(err(&format!("{field}.{key}"), Some(v), "must be a string"));
        }
    }
    Ok(())
}

/// Parses one finding (a JSON object, e.g. one line of a findings export).
pub fn parse_finding(text: &str) -> Result<Finding, FindingError> {
    let value: Value = serde_json::from_str(text).map_err(|e| FindingError {
        field: "(json)".into(),
        value: format!("line {} column {}", e.line(), e.column()),
        problem: format!("not JSON: {e}"),
    })?;
    finding_from_value(value)
}

/// Checks and converts a parsed JSON value.
pub fn finding_from_value(value: Value) -> Result<Finding, FindingError> {
    let Value::Object(obj) = &value else {
        return Err(err("(finding)", Some(&value), "must be a JSON object"));
    };
    string(obj, "", "finding_id")?;
    let detector = string(obj, "", "detector")?;
    if practice::name_zh(detector).is_none() {
        return Err(err(
            "detector",
            obj.get("detector"),
            "not a detector of the catalogue (findings.md §2)",
        ));
    }
    let rule = string(obj, "", "rule")?;
    if !rule.starts_with(&format!("{detector}.")) || rule.len() <= detector.len() + 1 {
        return Err(err("rule", obj.get("rule"), "must be <detector>.<rule>"));
    }
    match obj.get("detector_version") {
        Some(Value::Number(n)) if n.as_u64().is_some_and(|v| v <= u64::from(u32::MAX)) => {}
        other => return Err(err("detector_version", other, "must be a whole number")),
    }
    let severity = string(obj, "", "severity")?;
    if !["low", "medium", "high", "critical"].contains(&severity) {
        return Err(err(
            "severity",
            obj.get("severity"),
            "must be low, medium, high or critical",
        ));
    }
    match obj.get("score").and_then(Value::as_f64) {
        Some(s) if (0.0..=1.0).contains(&s) => {}
        _ => {
            return Err(err(
                "score",
                obj.get("score"),
                "must be a number from 0 to 1",
            ));
        }
    }
    check_ref(obj.get("subject"), "subject")?;
    match obj.get("related") {
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                check_ref(Some(item), &format!("related[{i}]"))?;
            }
        }
        other => return Err(err("related", other, "must be a list of refs")),
    }
    match obj.get("window") {
        None | Some(Value::Null) => {}
        Some(Value::Object(w)) => {
            let from = string(w, "window", "from")?;
            let to = string(w, "window", "to")?;
            let parse = |field: &str, text: &str| {
                chrono::DateTime::parse_from_rfc3339(text).map_err(|e| {
                    err(
                        field,
                        Some(&Value::String(text.into())),
                        format!("not RFC 3339: {e}"),
                    )
                })
            };
            let (a, b) = (parse("window.from", from)?, parse("window.to", to)?);
            if b < a {
                return Err(err("window.to", w.get("to"), "is before window.from"));
            }
        }
        other => return Err(err("window", other, "must be {from, to} or absent")),
    }
    match obj.get("legal_basis") {
        Some(Value::Array(items)) if !items.is_empty() && items.iter().all(Value::is_string) => {}
        other => {
            return Err(err(
                "legal_basis",
                other,
                "must be a non-empty list of strings",
            ));
        }
    }
    string(obj, "", "summary")?;
    match obj.get("evidence") {
        Some(Value::Object(m)) if !m.is_empty() => {}
        other => return Err(err("evidence", other, "must be a non-empty object")),
    }
    let hash = string(obj, "", "evidence_sha256")?;
    if hash.len() != 64
        || !hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return Err(err(
            "evidence_sha256",
            obj.get("evidence_sha256"),
            "must be 64 lowercase hex digits",
        ));
    }
    let finding: Finding =
        serde_json::from_value(value.clone()).map_err(|e| err("(finding)", None, e.to_string()))?;
    tianping_detect::finding::check_finding(&finding, &practice::detector_ids()).map_err(
        |problem| {
            let field = if problem.starts_with("evidence_sha256") {
                "evidence_sha256"
            } else if problem.starts_with("finding_id") {
                "finding_id"
            } else if problem.starts_with("summary") {
                "summary"
            } else {
                "(finding)"
            };
            err(field, obj.get(field), problem)
        },
    )?;
    Ok(finding)
}

/// A refused line of a JSON Lines export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedLine {
    /// 1-based line number.
    pub line: usize,
    /// Why.
    pub error: FindingError,
}

/// Parses a JSON Lines export of findings (spec §1): the accepted findings, and each refused line
/// with its number and reason. Blank lines are skipped.
pub fn parse_findings_jsonl(text: &str) -> (Vec<Finding>, Vec<RefusedLine>) {
    let mut accepted = Vec::new();
    let mut refused = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match parse_finding(line) {
            Ok(f) => accepted.push(f),
            Err(error) => refused.push(RefusedLine { line: i + 1, error }),
        }
    }
    (accepted, refused)
}
