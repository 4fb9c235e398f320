//! How far the working-day calendar reaches from the server's date: for the start-up log and the
//! cockpit. The calendar is data in the binary, one year per State Council notice; after its last
//! covered day deadlines show as unknown until the next year's notice is entered (see
//! `tianping calendar` and docs/cases.md §5).

use chrono::NaiveDate;
use serde_json::{Value, json};
use tianping_cases::Calendar;
use tianping_cases::rules::Rules;

/// How many days ahead the server warns that deadlines will become unknown.
pub use tianping_cases::rules::CALENDAR_WARNING_DAYS as WARNING_DAYS;

/// The calendar's reach as of `today`: its last day, per working-day deadline in force the last
/// day a period can start and still be computed, and `warning` when a period starting within
/// [`WARNING_DAYS`] could not be computed (`unknown_from`: the first such start day).
pub fn reach(today: NaiveDate) -> Value {
    let (Ok(calendar), Ok(rules)) = (Calendar::embedded(), Rules::embedded()) else {
        return json!({"error": "the embedded calendar or deadline rules do not load"});
    };
    let reach = rules.calendar_reach(&calendar, today);
    let unknown_from = tianping_cases::rules::calendar_unknown_from(&reach, today);
    let (first, last) = calendar.range();
    json!({
        "first_year": first,
        "last_year": last,
        "last_day": calendar.last_day().to_string(),
        "warning": unknown_from.is_some(),
        "unknown_from": unknown_from.map(|d| d.to_string()),
        "deadlines": reach.iter().map(|r| json!({
            "kind": r.rule.kind.as_str(), "name_zh": r.rule.name, "name_en": r.rule.name_en,
            "working_days": r.rule.days,
            "last_start": r.last_start.map(|d| d.to_string()),
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn warns_a_month_before_a_deadline_can_no_longer_be_computed() {
        let calendar = Calendar::embedded().unwrap();
        let (first, last) = calendar.range();
        // Early in the first year: no warning.
        let quiet = reach(day(&format!("{first}-01-05")));
        assert_eq!(quiet["warning"], false, "{quiet}");
        assert!(quiet["unknown_from"].is_null());
        // On the last day: a warning, and the first unknown start is no later than it.
        let loud = reach(calendar.last_day());
        assert_eq!(loud["warning"], true, "{loud}");
        assert!(loud["unknown_from"].as_str().unwrap() <= loud["last_day"].as_str().unwrap());
        if last == 2026 {
            // The 20-working-day publication period can start on 2026-12-03 at the latest: from
            // 11-02 (31 days before 12-03) on, the horizon passes it.
            assert_eq!(reach(day("2026-11-01"))["warning"], false);
            let w = reach(day("2026-11-03"));
            assert_eq!(w["warning"], true, "{w}");
            assert_eq!(w["unknown_from"], "2026-12-04", "{w}");
        }
    }
}
