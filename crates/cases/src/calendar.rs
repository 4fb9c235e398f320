//! The Chinese working-day calendar: statutory holidays and 调休 make-up working days per year, as
//! data (`data/holidays.toml`, embedded), each year citing the State Council notice it comes from.
//!
//! Legal deadlines in this crate are counted in working days (工作日) the way 《民法典》 第二百零一条
//! counts periods: the day the period starts is not counted; day 1 is the first working day after
//! it. So `add_working_days(d, 15)` is the last day of "自 d 起十五个工作日内".
//!
//! A date in a year the data does not cover is an error ([`CalendarError::NotCovered`]): a
//! deadline is never computed from weekends alone.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

/// The calendar data shipped with the crate.
pub const EMBEDDED: &str = include_str!("../data/holidays.toml");

/// What can go wrong with the calendar or a computation on it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The data file does not parse or is inconsistent; names the year and field.
    #[error("工作日历数据有误（{place}）：{problem} / calendar data invalid at {place}: {problem}")]
    BadData {
        /// Where: `year 2026, make_up_workdays[1]`.
        place: String,
        /// What.
        problem: String,
    },
    /// The date lies in a year the calendar does not cover.
    #[error(
        "日期 {date} 不在工作日历覆盖范围（{first}–{last} 年）内，请先补充该年度国务院办公厅节假日安排 / date {date} is outside the working-day calendar ({first}–{last}); add that year's State Council holiday notice"
    )]
    NotCovered {
        /// The date asked about.
        date: NaiveDate,
        /// First covered year.
        first: i32,
        /// Last covered year.
        last: i32,
    },
    /// `working_days_between(a, b)` with `b` before `a`.
    #[error("区间终点 {to} 早于起点 {from} / interval end {to} is before its start {from}")]
    Reversed {
        /// Start.
        from: NaiveDate,
        /// End.
        to: NaiveDate,
    },
}

/// One year's schedule, as published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearSchedule {
    /// The year.
    pub year: i32,
    /// Title of the notice.
    pub notice: String,
    /// Its document number, when the sources showed it.
    pub document_number: Option<String>,
    /// Date of issue.
    pub issued: NaiveDate,
    /// Whether the dates were checked against the notice's text.
    pub verified: bool,
    /// Where the text was read.
    pub sources: Vec<String>,
    /// Rest days by date, with the holiday's name.
    pub holidays: BTreeMap<NaiveDate, String>,
    /// Weekend days that are working days.
    pub make_up_workdays: BTreeSet<NaiveDate>,
}

/// The calendar: contiguous covered years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    years: BTreeMap<i32, YearSchedule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    year: Vec<RawYear>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    year: i32,
    notice: String,
    document_number: Option<String>,
    issued: String,
    verified: bool,
    sources: Vec<String>,
    #[serde(default)]
    note: Option<String>,
    holidays: Vec<RawHoliday>,
    make_up_workdays: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    name: String,
    from: String,
    to: String,
}

fn bad(place: impl Into<String>, problem: impl Into<String>) -> CalendarError {
    CalendarError::BadData {
        place: place.into(),
        problem: problem.into(),
    }
}

fn parse_date(place: &str, text: &str) -> Result<NaiveDate, CalendarError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| bad(place, format!("{text:?} is not a YYYY-MM-DD date ({e})")))
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

impl Calendar {
    /// The calendar shipped with the crate.
    pub fn embedded() -> Result<Calendar, CalendarError> {
        Calendar::from_toml(EMBEDDED)
    }

    /// Parses and checks calendar data (see `data/holidays.toml` for the format).
    pub fn from_toml(text: &str) -> Result<Calendar, CalendarError> {
        let raw: RawFile = toml::from_str(text).map_err(|e| bad("holidays.toml", e.to_string()))?;
        let mut years = BTreeMap::new();
        for y in raw.year {
            let schedule = Self::check_year(y)?;
            let year = schedule.year;
            if years.insert(year, schedule).is_some() {
                return Err(bad(format!("year {year}"), "listed twice"));
            }
        }
        let (Some(first), Some(last)) = (years.keys().next(), years.keys().next_back()) else {
            return Err(bad("holidays.toml", "no year listed"));
        };
        if usize::try_from(last - first + 1).ok() != Some(years.len()) {
            return Err(bad(
                "holidays.toml",
                format!("years {first}–{last} are not contiguous"),
            ));
        }
        Ok(Calendar { years })
    }

    fn check_year(y: RawYear) -> Result<YearSchedule, CalendarError> {
        let at = |field: &str| format!("year {}, {field}", y.year);
        if y.notice.trim().is_empty() || !y.notice.contains(&y.year.to_string()) {
            return Err(bad(at("notice"), "must name the notice for this year"));
        }
        if y.sources.iter().all(|s| s.trim().is_empty()) {
            return Err(bad(at("sources"), "at least one source is required"));
        }
        if let Some(n) = &y.document_number
            && n.trim().is_empty()
        {
            return Err(bad(
                at("document_number"),
                "empty; leave it out when unknown",
            ));
        }
        let _ = &y.note;
        let issued = parse_date(&at("issued"), &y.issued)?;
        let mut holidays = BTreeMap::new();
        for (i, h) in y.holidays.iter().enumerate() {
            let place = at(&format!("holidays[{i}]"));
            if h.name.trim().is_empty() {
                return Err(bad(&place, "name is empty"));
            }
            let from = parse_date(&place, &h.from)?;
            let to = parse_date(&place, &h.to)?;
            if to < from || to.signed_duration_since(from).num_days() > 15 {
                return Err(bad(&place, format!("{from}..{to} is not a holiday period")));
            }
            let mut d = from;
            while d <= to {
                if d.year() != y.year {
                    return Err(bad(&place, format!("{d} is not in {}", y.year)));
                }
                if holidays.insert(d, h.name.clone()).is_some() {
                    return Err(bad(&place, format!("{d} is listed twice")));
                }
                d = d.succ_opt().ok_or_else(|| bad(&place, "date overflow"))?;
            }
        }
        let mut make_up = BTreeSet::new();
        for (i, text) in y.make_up_workdays.iter().enumerate() {
            let place = at(&format!("make_up_workdays[{i}]"));
            let d = parse_date(&place, text)?;
            if d.year() != y.year {
                return Err(bad(&place, format!("{d} is not in {}", y.year)));
            }
            if !is_weekend(d) {
                return Err(bad(&place, format!("{d} is a weekday, not a make-up day")));
            }
            if holidays.contains_key(&d) {
                return Err(bad(&place, format!("{d} is also a holiday")));
            }
            if !make_up.insert(d) {
                return Err(bad(&place, format!("{d} is listed twice")));
            }
        }
        Ok(YearSchedule {
            year: y.year,
            notice: y.notice,
            document_number: y.document_number,
            issued,
            verified: y.verified,
            sources: y.sources,
            holidays,
            make_up_workdays: make_up,
        })
    }

    /// The covered years, in order.
    pub fn years(&self) -> impl Iterator<Item = &YearSchedule> {
        self.years.values()
    }

    /// First and last covered year.
    pub fn range(&self) -> (i32, i32) {
        let first = self.years.keys().next().copied().unwrap_or(0);
        let last = self.years.keys().next_back().copied().unwrap_or(0);
        (first, last)
    }

    /// The last day the calendar covers: 31 December of its last year.
    pub fn last_day(&self) -> NaiveDate {
        let (_, last) = self.range();
        NaiveDate::from_ymd_opt(last, 12, 31).unwrap_or(NaiveDate::MIN)
    }

    /// The latest day from which a period of `n` working days still ends inside the calendar:
    /// `add_working_days(d, n)` is defined for every covered `d` up to it, and for none after
    /// it. `None` when the calendar holds fewer than `n` working days. For an administrator to
    /// see when deadlines started today will become unknown until the next year is entered.
    pub fn last_start_for(&self, n: u32) -> Option<NaiveDate> {
        let (first, _) = self.range();
        let mut d = self.last_day();
        if n == 0 {
            return Some(d);
        }
        let mut seen = 0u32;
        while d.year() >= first {
            if self.is_working_day(d).ok()? {
                seen += 1;
                if seen == n {
                    // `d` is the n-th working day counted back from the end: a period started
                    // on the day before it ends on the last covered working day or earlier.
                    return d.pred_opt().filter(|p| p.year() >= first);
                }
            }
            d = d.pred_opt()?;
        }
        None
    }

    fn year_of(&self, date: NaiveDate) -> Result<&YearSchedule, CalendarError> {
        self.years.get(&date.year()).ok_or_else(|| {
            let (first, last) = self.range();
            CalendarError::NotCovered { date, first, last }
        })
    }

    /// Whether `date` is a working day (weekday not a holiday, or a make-up day).
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        let year = self.year_of(date)?;
        if year.holidays.contains_key(&date) {
            return Ok(false);
        }
        if year.make_up_workdays.contains(&date) {
            return Ok(true);
        }
        Ok(!is_weekend(date))
    }

    /// The holiday `date` falls in, if any.
    pub fn holiday_name(&self, date: NaiveDate) -> Result<Option<&str>, CalendarError> {
        Ok(self.year_of(date)?.holidays.get(&date).map(String::as_str))
    }

    /// The `n`-th working day after `date` (`date` itself not counted; `n = 0` gives `date`).
    /// This is the last day of a period of `n` working days that starts on `date`.
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        self.year_of(date)?;
        let mut d = date;
        let mut left = n;
        while left > 0 {
            d = d.succ_opt().ok_or_else(|| {
                let (first, last) = self.range();
                CalendarError::NotCovered { date, first, last }
            })?;
            if self.is_working_day(d)? {
                left -= 1;
            }
        }
        Ok(d)
    }

    /// The number of working days `d` with `from < d <= to`; so
    /// `working_days_between(a, add_working_days(a, n)?) == n`.
    pub fn working_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<u32, CalendarError> {
        if to < from {
            return Err(CalendarError::Reversed { from, to });
        }
        self.year_of(from)?;
        self.year_of(to)?;
        let mut count = 0u32;
        let mut d = from;
        while d < to {
            d = match d.succ_opt() {
                Some(next) => next,
                None => break,
            };
            if self.is_working_day(d)? {
                count += 1;
            }
        }
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn last_start_is_the_latest_day_a_period_still_ends_inside_the_calendar() {
        let cal = Calendar::embedded().unwrap();
        let (_, last) = cal.range();
        assert_eq!(
            cal.last_day(),
            NaiveDate::from_ymd_opt(last, 12, 31).unwrap()
        );
        for n in [0u32, 1, 7, 15, 20, 30] {
            let start = cal.last_start_for(n).unwrap();
            // From `start` the period ends inside; from the next day on it cannot be computed.
            let due = cal.add_working_days(start, n).unwrap();
            assert!(due <= cal.last_day(), "n={n}: {start} -> {due}");
            let next = start.succ_opt().unwrap();
            if n > 0 {
                assert!(
                    matches!(
                        cal.add_working_days(next, n),
                        Err(CalendarError::NotCovered { .. })
                    ),
                    "n={n}: from {next} the period should leave the calendar"
                );
            }
        }
        // 2026: 12-31 is a Thursday, a working day; the 20th working day counted back is
        // 2026-12-04 (Friday), so a 20-working-day period can start on 12-03 at the latest.
        if last == 2026 {
            assert_eq!(cal.last_start_for(1), Some(day("2026-12-30")));
            assert_eq!(cal.last_start_for(20), Some(day("2026-12-03")));
        }
        // More working days than the calendar holds.
        assert_eq!(cal.last_start_for(10_000), None);
    }

    #[test]
    fn bad_data_names_the_year_and_field() {
        let text = r#"
[[year]]
year = 2026
notice = "国务院办公厅关于2026年部分节假日安排的通知"
issued = "2025-11-04"
verified = true
sources = ["x"]
holidays = []
make_up_workdays = ["2026-02-16"]
"#;
        let err = Calendar::from_toml(text).unwrap_err();
        assert_eq!(
            err,
            CalendarError::BadData {
                place: "year 2026, make_up_workdays[0]".into(),
                problem: "2026-02-16 is a weekday, not a make-up day".into(),
            }
        );
        let gap = format!(
            "{}\n[[year]]\nyear = 2028\nnotice = \"2028\"\nissued = \"2027-11-01\"\nverified = false\nsources = [\"y\"]\nholidays = []\nmake_up_workdays = []\n",
            text.replace("\"2026-02-16\"", "")
        );
        assert!(matches!(
            Calendar::from_toml(&gap),
            Err(CalendarError::BadData { problem, .. }) if problem.contains("not contiguous")
        ));
    }

    #[test]
    fn reversed_interval_is_an_error() {
        let cal = Calendar::embedded().unwrap();
        assert_eq!(
            cal.working_days_between(day("2026-03-10"), day("2026-03-09")),
            Err(CalendarError::Reversed {
                from: day("2026-03-10"),
                to: day("2026-03-09")
            })
        );
    }
}
