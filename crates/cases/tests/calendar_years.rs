//! Adding a year to the calendar: what the data needs and what changes once it is there. The
//! 2027 block below is a test fixture, NOT the State Council's 2027 arrangement (which was not
//! published in the sources when this was written): it has no holidays, so only weekends rest.

use chrono::NaiveDate;
use tianping_cases::calendar::EMBEDDED;
use tianping_cases::deadline::Deadline;
use tianping_cases::rules::{DeadlineKind, Rules};
use tianping_cases::{Calendar, CalendarError};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

const FIXTURE_2027: &str = r#"
[[year]]
year = 2027
notice = "TEST FIXTURE standing in for 国务院办公厅关于2027年部分节假日安排的通知"
issued = "2026-11-01"
verified = false
sources = ["test fixture: no source"]
holidays = [
  { name = "元旦", from = "2027-01-01", to = "2027-01-01" },
]
make_up_workdays = []
"#;

#[test]
fn a_deadline_into_an_uncovered_year_is_unknown_until_the_year_is_added() {
    let rules = Rules::embedded().unwrap();
    let embedded = Calendar::embedded().unwrap();
    let (_, last) = embedded.range();
    if last >= 2027 {
        // The real 2027 notice has been added; nothing to show with the fixture.
        return;
    }
    // Ten working days from Sunday 2026-12-20 run into 2027.
    let start = day("2026-12-20");
    let unknown = Deadline::compute(DeadlineKind::Rectification, start, &rules, &embedded).unwrap();
    assert_eq!(unknown.due, None);
    assert!(unknown.due_unknown.as_deref().unwrap().contains("2027"));
    assert!(
        !unknown.is_overdue(day("2027-06-30")),
        "unknown is never overdue"
    );
    assert_eq!(
        embedded.is_working_day(day("2027-01-04")),
        Err(CalendarError::NotCovered {
            date: day("2027-01-04"),
            first: 2025,
            last: 2026
        })
    );

    let extended = Calendar::from_toml(&format!("{EMBEDDED}\n{FIXTURE_2027}")).unwrap();
    assert_eq!(extended.range(), (2025, 2027));
    let known = Deadline::compute(DeadlineKind::Rectification, start, &rules, &extended).unwrap();
    // 21–25 Dec (5), 28–31 Dec (9), 1 Jan a holiday in the fixture, Mon 4 Jan (10).
    assert_eq!(known.due, Some(day("2027-01-04")));
    assert_eq!(known.due_unknown, None);
}

#[test]
fn a_year_with_a_gap_or_a_weekday_make_up_day_is_refused() {
    let gap = FIXTURE_2027.replace("2027", "2028");
    assert!(matches!(
        Calendar::from_toml(&format!("{EMBEDDED}\n{gap}")),
        Err(CalendarError::BadData { problem, .. }) if problem.contains("not contiguous")
    ));
    // 2027-01-05 is a Tuesday.
    let weekday = FIXTURE_2027.replace(
        "make_up_workdays = []",
        "make_up_workdays = [\"2027-01-05\"]",
    );
    assert!(matches!(
        Calendar::from_toml(&format!("{EMBEDDED}\n{weekday}")),
        Err(CalendarError::BadData { place, .. }) if place == "year 2027, make_up_workdays[0]"
    ));
}
