//! The embedded calendar against the published State Council schedules for 2025 and 2026: the
//! days around 春节 and 国庆 with their 调休 Saturdays and Sundays, deadlines across them, and the
//! error outside the covered years.

use chrono::NaiveDate;
use tianping_cases::{Calendar, CalendarError};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn cal() -> Calendar {
    Calendar::embedded().unwrap()
}

#[test]
fn covers_2025_and_2026_verified_with_sources() {
    let cal = cal();
    assert_eq!(cal.range(), (2025, 2026));
    for y in cal.years() {
        assert!(y.verified, "{} not verified", y.year);
        assert!(y.notice.contains(&y.year.to_string()));
        assert!(!y.sources.is_empty());
    }
    let y2025 = cal.years().next().unwrap();
    assert_eq!(
        y2025.document_number.as_deref(),
        Some("国办发明电〔2024〕12号")
    );
    // 2025: 1 + 8 + 3 + 5 + 3 + 8 = 28 listed rest days; 5 make-up days.
    assert_eq!(y2025.holidays.len(), 28);
    assert_eq!(y2025.make_up_workdays.len(), 5);
    let y2026 = cal.years().nth(1).unwrap();
    // 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 = 33; 6 make-up days.
    assert_eq!(y2026.holidays.len(), 33);
    assert_eq!(y2026.make_up_workdays.len(), 6);
}

#[test]
fn spring_festival_2026_with_its_make_up_saturdays() {
    let cal = cal();
    // 2月14日(周六) 上班; 2月15日–23日 放假; 2月24日 (Tue) back; 2月28日(周六) 上班.
    let expect = [
        ("2026-02-13", true),
        ("2026-02-14", true),
        ("2026-02-15", false),
        ("2026-02-16", false),
        ("2026-02-20", false),
        ("2026-02-23", false),
        ("2026-02-24", true),
        ("2026-02-27", true),
        ("2026-02-28", true),
        ("2026-03-01", false),
    ];
    for (d, working) in expect {
        assert_eq!(cal.is_working_day(day(d)).unwrap(), working, "{d}");
    }
    assert_eq!(cal.holiday_name(day("2026-02-17")).unwrap(), Some("春节"));
    // 15 working days from Friday 2026-02-13: 14(Sat, make-up)=1, 24..27=2..5, 28(Sat)=6,
    // 3/2..3/6=7..11, 3/9..3/12=12..15.
    assert_eq!(
        cal.add_working_days(day("2026-02-13"), 15).unwrap(),
        day("2026-03-12")
    );
    assert_eq!(
        cal.working_days_between(day("2026-02-13"), day("2026-03-12"))
            .unwrap(),
        15
    );
}

#[test]
fn spring_festival_2025_with_its_make_up_sunday_and_saturday() {
    let cal = cal();
    // 1月26日(周日) 上班; 1月28日(除夕)–2月4日 放假; 2月8日(周六) 上班.
    for (d, working) in [
        ("2025-01-25", false),
        ("2025-01-26", true),
        ("2025-01-27", true),
        ("2025-01-28", false),
        ("2025-02-04", false),
        ("2025-02-05", true),
        ("2025-02-08", true),
        ("2025-02-09", false),
    ] {
        assert_eq!(cal.is_working_day(day(d)).unwrap(), working, "{d}");
    }
    // 1/27=1, 2/5..2/7=2..4, 2/8(Sat)=5.
    assert_eq!(
        cal.add_working_days(day("2025-01-26"), 5).unwrap(),
        day("2025-02-08")
    );
}

#[test]
fn national_day_2025_and_2026() {
    let cal = cal();
    // 2025: 9月28日(周日) 上班, 10月1日–8日 放假, 10月11日(周六) 上班.
    for (d, working) in [
        ("2025-09-27", false),
        ("2025-09-28", true),
        ("2025-09-30", true),
        ("2025-10-01", false),
        ("2025-10-08", false),
        ("2025-10-09", true),
        ("2025-10-11", true),
        ("2025-10-12", false),
    ] {
        assert_eq!(cal.is_working_day(day(d)).unwrap(), working, "{d}");
    }
    // 2026: 9月20日(周日) 上班, 中秋 9月25–27日, 国庆 10月1–7日, 10月10日(周六) 上班.
    for (d, working) in [
        ("2026-09-20", true),
        ("2026-09-25", false),
        ("2026-09-28", true),
        ("2026-10-01", false),
        ("2026-10-07", false),
        ("2026-10-08", true),
        ("2026-10-10", true),
        ("2026-10-11", false),
    ] {
        assert_eq!(cal.is_working_day(day(d)).unwrap(), working, "{d}");
    }
    // 7 working days from 2026-09-29 (Tue): 9/30=1, 10/8=2, 10/9=3, 10/10(Sat)=4, 10/12..14=5..7.
    assert_eq!(
        cal.add_working_days(day("2026-09-29"), 7).unwrap(),
        day("2026-10-14")
    );
    // 20 working days from the 2025 National Day eve: 9/30 → the period skips 10/1–8.
    // 10/9,10/10,10/11(Sat),13..17,20..24,27..31 = 3+5+5+5 = 18; 11/3, 11/4 → 20.
    assert_eq!(
        cal.add_working_days(day("2025-09-30"), 20).unwrap(),
        day("2025-11-04")
    );
}

#[test]
fn new_year_2026_sunday_is_a_working_day_and_years_join() {
    let cal = cal();
    assert!(!cal.is_working_day(day("2026-01-01")).unwrap());
    assert!(!cal.is_working_day(day("2026-01-03")).unwrap());
    assert!(cal.is_working_day(day("2026-01-04")).unwrap());
    // 2025-12-31 (Wed) + 1 working day crosses the year and the 3-day holiday: 2026-01-04 (Sun).
    assert_eq!(
        cal.add_working_days(day("2025-12-31"), 1).unwrap(),
        day("2026-01-04")
    );
    // A start on a rest day: day 1 is the first working day after it.
    assert_eq!(
        cal.add_working_days(day("2026-02-15"), 1).unwrap(),
        day("2026-02-24")
    );
    assert_eq!(
        cal.add_working_days(day("2026-02-15"), 0).unwrap(),
        day("2026-02-15")
    );
}

#[test]
fn outside_the_covered_years_is_an_error_not_a_weekend_guess() {
    let cal = cal();
    let err = cal.is_working_day(day("2027-01-05")).unwrap_err();
    assert_eq!(
        err,
        CalendarError::NotCovered {
            date: day("2027-01-05"),
            first: 2025,
            last: 2026
        }
    );
    assert!(err.to_string().contains("不在工作日历覆盖范围"));
    // A deadline running past 2026-12-31 cannot be computed.
    assert!(matches!(
        cal.add_working_days(day("2026-12-20"), 15),
        Err(CalendarError::NotCovered { .. })
    ));
    assert!(cal.add_working_days(day("2024-12-31"), 1).is_err());
    assert!(
        cal.working_days_between(day("2026-12-01"), day("2027-01-10"))
            .is_err()
    );
}

#[test]
fn working_days_in_2026_match_a_count_from_the_notice() {
    let cal = cal();
    // 365 days, 104 weekend days (2026 starts on a Thursday: 52 Sat + 52 Sun).
    // Weekday holidays: 元旦 1/1,1/2; 春节 2/16–2/20, 2/23; 清明 4/6; 劳动 5/1, 5/4, 5/5;
    // 端午 6/19; 中秋 9/25; 国庆 10/1, 10/2, 10/5, 10/6, 10/7 → 19.
    // Make-up days: 6. Working days = 365 − 104 − 19 + 6 = 248.
    let n = cal
        .working_days_between(day("2025-12-31"), day("2026-12-31"))
        .unwrap();
    assert_eq!(n, 248);
}
