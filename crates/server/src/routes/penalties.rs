//! Penalties (行政处罚) on a merchant's profile: the `penalties` rows (data standard §3.17,
//! supplier `regulator`, keyed by USCC) as the profile shows them — kind in Chinese and English,
//! amounts in yuan from fen (exact), newest decision first — each with whether it is still on
//! public display on the day asked about (`tianping_cases::publicity`: a warning alone is not
//! published; 3 months for a small fine, 3 years otherwise; the reading of "small fine" is in its
//! data file). The day is
//! an argument (the handler passes today's Beijing date by the server clock).
//!
//! Rows come from the lake, where ingest validated them; a row that still cannot be read (an
//! unknown kind, a bad date) is shown with `problem` naming the field and value, never dropped.

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;
use tianping_cases::publicity::{PenaltyKind, Publicity, yuan};
use utoipa::ToSchema;

use crate::error::ApiError;

/// Whether a penalty is on public display (行政处罚信息公示) on the day asked about.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PenaltyDisplay {
    /// Published at all (a warning alone is not: 公示规定 第二条第二款).
    pub published: bool,
    /// On display on `as_of`.
    pub on_display: bool,
    /// The first day it is no longer on display (`YYYY-MM-DD`).
    pub ends_on: String,
    /// The display period applied, in months (3 or 36).
    pub months: u32,
    /// The short period applied (a warning or a small fine).
    pub short: bool,
    /// A suspension or revocation: a longer ban would extend the display (its length is not in
    /// the data).
    pub ban_may_extend: bool,
    /// The display-period rule version applied.
    pub rule_version: u32,
}

/// One penalty decision as the profile shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PenaltyView {
    /// Penalty id.
    pub penalty_id: String,
    /// Decision date (`YYYY-MM-DD`).
    pub decided_on: String,
    /// Deciding authority.
    pub authority: String,
    /// Legal basis cited.
    pub legal_basis: String,
    /// Kind (`warning`, `fine`, `confiscation`, `suspension`, `license_revocation`, `other`).
    pub kind: String,
    /// Kind in Chinese.
    pub kind_zh: String,
    /// Kind in English.
    pub kind_en: String,
    /// Fine in fen.
    pub fine_fen: i64,
    /// Fine in yuan, two decimals.
    pub fine_yuan: String,
    /// Confiscation in fen.
    pub confiscated_fen: i64,
    /// Confiscation in yuan, two decimals.
    pub confiscated_yuan: String,
    /// Public display on the day asked about; absent when `problem` is set.
    pub display: Option<PenaltyDisplay>,
    /// Why the row could not be read whole (field and value), if so.
    pub problem: Option<String>,
}

fn publicity() -> Result<&'static Publicity, ApiError> {
    static PUBLICITY: OnceLock<Result<Publicity, String>> = OnceLock::new();
    PUBLICITY
        .get_or_init(|| Publicity::embedded().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| ApiError::internal(e.clone()))
}

fn text(row: &Value, field: &str) -> String {
    row.get(field)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// The penalties of `rows` (lake rows of one USCC) as shown on `as_of`, newest decision first
/// (then by id).
pub fn penalty_views(rows: &[Value], as_of: NaiveDate) -> Result<Vec<PenaltyView>, ApiError> {
    let rules = publicity()?;
    let mut out: Vec<PenaltyView> = rows
        .iter()
        .map(|row| {
            let fine_fen = row.get("fine_fen").and_then(Value::as_i64).unwrap_or(0);
            let confiscated_fen = row
                .get("confiscated_fen")
                .and_then(Value::as_i64)
                .unwrap_or(0);
            let kind_text = text(row, "kind");
            let decided_text = text(row, "decided_on");
            let kind = PenaltyKind::parse(&kind_text);
            let decided = decided_text.parse::<NaiveDate>().ok();
            let (display, problem) = match (kind, decided) {
                (None, _) => (None, Some(format!("kind = {kind_text:?}"))),
                (_, None) => (None, Some(format!("decided_on = {decided_text:?}"))),
                (Some(k), Some(d)) => match rules.display(k, d, fine_fen, confiscated_fen, as_of) {
                    Ok(s) => (
                        Some(PenaltyDisplay {
                            published: s.published,
                            on_display: s.on_display,
                            ends_on: s.ends_on.to_string(),
                            months: s.months,
                            short: s.short,
                            ban_may_extend: s.ban_may_extend,
                            rule_version: s.rule_version,
                        }),
                        None,
                    ),
                    Err(e) => (None, Some(e.to_string())),
                },
            };
            PenaltyView {
                penalty_id: text(row, "penalty_id"),
                decided_on: decided_text,
                authority: text(row, "authority"),
                legal_basis: text(row, "legal_basis"),
                kind_zh: kind.map_or("", PenaltyKind::name_zh).to_string(),
                kind_en: kind.map_or("", PenaltyKind::name_en).to_string(),
                kind: kind_text,
                fine_fen,
                fine_yuan: yuan(fine_fen),
                confiscated_fen,
                confiscated_yuan: yuan(confiscated_fen),
                display,
                problem,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.decided_on
            .cmp(&a.decided_on)
            .then_with(|| a.penalty_id.cmp(&b.penalty_id))
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sorted_newest_first_with_display_and_problems_named() {
        let rows = vec![
            json!({"penalty_id": "p-old", "uscc": "U", "decided_on": "2024-01-10", "authority": "A",
                   "legal_basis": "B", "fine_fen": 200_000, "confiscated_fen": 0, "kind": "fine"}),
            json!({"penalty_id": "p-new", "uscc": "U", "decided_on": "2026-10-01", "authority": "A",
                   "legal_basis": "B", "fine_fen": 5_000_000, "confiscated_fen": 12_345, "kind": "confiscation"}),
            json!({"penalty_id": "p-bad", "uscc": "U", "decided_on": "2025-01-01", "authority": "A",
                   "legal_basis": "B", "fine_fen": 0, "confiscated_fen": 0, "kind": "scolding"}),
        ];
        let as_of: NaiveDate = "2026-11-30".parse().unwrap();
        let v = penalty_views(&rows, as_of).unwrap();
        let ids: Vec<&str> = v.iter().map(|p| p.penalty_id.as_str()).collect();
        assert_eq!(ids, ["p-new", "p-bad", "p-old"]);
        assert_eq!(
            (v[0].fine_yuan.as_str(), v[0].confiscated_yuan.as_str()),
            ("50000.00", "123.45")
        );
        assert_eq!(
            (v[0].kind_zh.as_str(), v[0].kind_en.as_str()),
            ("没收违法所得、非法财物", "Confiscation")
        );
        let d = v[0].display.as_ref().unwrap();
        assert!(d.on_display && d.months == 36 && d.ends_on == "2029-10-01");
        assert!(v[1].display.is_none());
        assert_eq!(v[1].problem.as_deref(), Some("kind = \"scolding\""));
        // A small fine of 2024: its 3 months ended long ago.
        let old = v[2].display.as_ref().unwrap();
        assert!(!old.on_display && old.short && old.ends_on == "2024-04-10");
    }
}
