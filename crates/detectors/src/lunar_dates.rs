//! Lunar-calendar days named in promotion wording — "九月初九", "农历八月十五", "腊月廿三", "正月
//! 初八", "农历9月9日" — and the festivals a merchant names by their day (春节, 元宵, 端午, 七夕,
//! 中秋, 重阳, 腊八, 除夕), resolved to China days with the `lunardate` crate (its tables cover
//! lunar years 1900–2099; outside them a mention resolves to nothing).
//!
//! The year is not in the wording: it comes from the day the label was seen — the first
//! occurrence of that lunar day on or after it, as a solar "10月18日" is read in the year seen or
//! the next (`price_fraud`'s stated deadlines). Pure: no clock, no IO; every input is total.
//!
//! A month in hanzi followed by a day is lunar when the day is written the lunar way (初一…初十,
//! 廿一…, 卅), the month is one only the lunar calendar names (正月, 冬月, 腊月), 农历/阴历 stands
//! before it, or no 日/号 follows the day ("八月十五"); "十月十八日" is a solar date written in hanzi
//! and is read as one (in the year seen, or the next if it has passed), so a deadline written
//! out in numerals is not lost either.

use chrono::Datelike;

/// A lunar day a text names: one mention, as char positions of the text and the China day
/// (days since 1970-01-01) it resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateMention {
    /// First char of the mention (a 农历 prefix included).
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// The China day it names.
    pub day: i64,
}

/// Which lunar day a festival falls on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Festival {
    /// Month and day of the lunar year.
    On(u32, u32),
    /// The last day of the twelfth month (29th or 30th): the eve of the next year's 正月初一.
    Eve,
}

/// Festivals by the names merchants use, longest first where one contains another.
const FESTIVALS: &[(&str, Festival)] = &[
    ("大年初一", Festival::On(1, 1)),
    ("大年三十", Festival::Eve),
    ("年三十", Festival::Eve),
    ("除夕", Festival::Eve),
    ("春节", Festival::On(1, 1)),
    ("元宵", Festival::On(1, 15)),
    ("端午", Festival::On(5, 5)),
    ("端阳", Festival::On(5, 5)),
    ("七夕", Festival::On(7, 7)),
    ("中秋", Festival::On(8, 15)),
    ("重阳", Festival::On(9, 9)),
    ("重九", Festival::On(9, 9)),
    ("腊八", Festival::On(12, 8)),
];

/// Whether `text` names a lunar festival (a cheap gate before [`mentions`]).
pub(crate) fn names_festival(text: &str) -> bool {
    FESTIVALS.iter().any(|(name, _)| text.contains(name))
}

/// Every lunar day `chars` names, in text order, resolved against `today` (a China day).
pub(crate) fn mentions(chars: &[char], today: i64) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some((len, festival)) = festival_at(chars, i) {
            if let Some(day) = resolve(festival, today) {
                out.push(DateMention {
                    start: i,
                    end: i + len,
                    day,
                });
            }
            i += len;
            continue;
        }
        if let Some((len, leap, month, day, lunar)) = date_at(chars, i)
            && let Some(resolved) = if lunar {
                resolve_date(month, day, leap, today)
            } else {
                resolve_solar(month, day, today)
            }
        {
            out.push(DateMention {
                start: i,
                end: i + len,
                day: resolved,
            });
            i += len;
            continue;
        }
        i += 1;
    }
    out
}

fn festival_at(chars: &[char], i: usize) -> Option<(usize, Festival)> {
    FESTIVALS.iter().find_map(|(name, f)| {
        let n = name.chars().count();
        // "重阳节", "元宵节": the 节 belongs to the name, so an end word after it ("元宵节前")
        // stands right after the mention.
        let with_jie = usize::from(chars.get(i + n) == Some(&'节'));
        (chars.len() >= i + n && chars[i..i + n].iter().copied().eq(name.chars()))
            .then_some((n + with_jie, *f))
    })
}

/// A date in hanzi starting at `i`: (chars taken, leap month, month, day, lunar).
fn date_at(chars: &[char], i: usize) -> Option<(usize, bool, u32, u32, bool)> {
    let mut j = i;
    let prefixed = starts(chars, j, "农历") || starts(chars, j, "阴历");
    if prefixed {
        j += 2;
    }
    let leap = chars.get(j) == Some(&'闰');
    if leap {
        j += 1;
    }
    // 农历 with digits: "农历9月9日".
    if prefixed && chars.get(j).is_some_and(char::is_ascii_digit) {
        let (month, k) = digits(chars, j)?;
        if chars.get(k) != Some(&'月') {
            return None;
        }
        let (day, mut k) = digits(chars, k + 1)?;
        if matches!(chars.get(k), Some('日' | '号')) {
            k += 1;
        }
        return ((1..=12).contains(&month) && (1..=30).contains(&day)).then_some((
            k - i,
            leap,
            month,
            day,
            true,
        ));
    }
    let (month, lunar_only, k) = month_at(chars, j)?;
    let (day, lunar_day, k) = day_at(chars, k)?;
    let solar_suffix = matches!(chars.get(k), Some('日' | '号'));
    if prefixed || leap || lunar_only || lunar_day || !solar_suffix {
        return Some((k - i, leap, month, day, true));
    }
    // "十月十八日": a solar date in hanzi, its 日 included.
    Some((k + 1 - i, false, month, day, false))
}

/// A solar month and day in the year of `today`, or the next year's if it has passed.
fn resolve_solar(month: u32, day: u32, today: i64) -> Option<i64> {
    let year = solar_year(today)?;
    [year, year + 1]
        .into_iter()
        .filter_map(|y| tianping_domain::value::days_from_civil(y, month, day).map(i64::from))
        .find(|d| *d >= today)
}

fn starts(chars: &[char], i: usize, word: &str) -> bool {
    let n = word.chars().count();
    chars.len() >= i + n && chars[i..i + n].iter().copied().eq(word.chars())
}

/// One or two ASCII digits at `i`: (value, one past them).
fn digits(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let mut k = i;
    while k < chars.len() && k < i + 2 && chars[k].is_ascii_digit() {
        k += 1;
    }
    if k == i || chars.get(k).is_some_and(char::is_ascii_digit) {
        return None;
    }
    let text: String = chars[i..k].iter().collect();
    text.parse().ok().map(|v| (v, k))
}

fn numeral(c: char) -> Option<u32> {
    "一二三四五六七八九".find(c).map(|b| b as u32 / 3 + 1)
}

/// A lunar month name ending in 月 at `i`: (month, whether only the lunar calendar names it,
/// one past 月).
fn month_at(chars: &[char], i: usize) -> Option<(u32, bool, usize)> {
    let (month, lunar_only, k) = match (chars.get(i), chars.get(i + 1)) {
        (Some('十'), Some('一')) => (11, false, i + 2),
        (Some('十'), Some('二')) => (12, false, i + 2),
        (Some('十'), _) => (10, false, i + 1),
        (Some('正'), _) => (1, true, i + 1),
        (Some('冬'), _) => (11, true, i + 1),
        (Some('腊' | '臘'), _) => (12, true, i + 1),
        (Some(&c), _) => (numeral(c)?, false, i + 1),
        _ => return None,
    };
    (chars.get(k) == Some(&'月')).then_some((month, lunar_only, k + 1))
}

/// A lunar day name at `i`: (day, whether written the lunar way, one past it).
fn day_at(chars: &[char], i: usize) -> Option<(u32, bool, usize)> {
    match (chars.get(i), chars.get(i + 1), chars.get(i + 2)) {
        (Some('初'), Some('十'), _) => Some((10, true, i + 2)),
        (Some('初'), Some(&c), _) => numeral(c).map(|d| (d, true, i + 2)),
        (Some('廿'), Some(&c), _) => numeral(c).map(|d| (20 + d, true, i + 2)),
        (Some('卅'), _, _) => Some((30, true, i + 1)),
        (Some('二'), Some('十'), Some(&c)) if numeral(c).is_some() => {
            numeral(c).map(|d| (20 + d, false, i + 3))
        }
        (Some('二'), Some('十'), _) => Some((20, false, i + 2)),
        (Some('三'), Some('十'), _) => Some((30, false, i + 2)),
        (Some('十'), Some(&c), _) if numeral(c).is_some() => {
            numeral(c).map(|d| (10 + d, false, i + 2))
        }
        _ => None,
    }
}

/// The solar China day of lunar `year`-`month`-`day`, if the tables have it (a 30th in a month
/// of 29 days has none).
fn solar_day(year: i32, month: u32, day: u32, leap: bool) -> Option<i64> {
    let date = lunardate::LunarDate::new(year, month, day, leap)
        .to_solar_date()
        .ok()?;
    tianping_domain::value::days_from_civil(date.year(), date.month(), date.day()).map(i64::from)
}

/// The solar year of a China day.
fn solar_year(today: i64) -> Option<i32> {
    tianping_domain::value::format_date(today)
        .get(..4)
        .and_then(|y| y.parse().ok())
}

/// The first occurrence on or after `today` of a lunar month and day.
fn resolve_date(month: u32, day: u32, leap: bool, today: i64) -> Option<i64> {
    let year = solar_year(today)?;
    (year - 1..=year + 1)
        .filter_map(|y| solar_day(y, month, day, leap))
        .filter(|d| *d >= today)
        .min()
}

/// The first occurrence on or after `today` of a festival.
fn resolve(festival: Festival, today: i64) -> Option<i64> {
    match festival {
        Festival::On(month, day) => resolve_date(month, day, false, today),
        Festival::Eve => {
            let year = solar_year(today)?;
            (year - 1..=year + 1)
                .filter_map(|y| solar_day(y + 1, 1, 1, false).map(|d| d - 1))
                .filter(|d| *d >= today)
                .min()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tianping_domain::value::days_from_civil;

    fn day(y: i32, m: u32, d: u32) -> i64 {
        i64::from(days_from_civil(y, m, d).unwrap())
    }

    fn first(text: &str, today: i64) -> Option<i64> {
        let chars: Vec<char> = text.chars().collect();
        mentions(&chars, today).first().map(|m| m.day)
    }

    #[test]
    fn festivals_resolve_in_the_year_seen_or_the_next() {
        let seen = day(2026, 10, 1);
        // 2026: 重阳 10-18, 中秋 09-25 (passed on 10-01, so 2027's: 09-15), 除夕 2027-02-05,
        // 春节 2027-02-06, 元宵 2027-02-20, 腊八 2027-01-15, 端午 2027-06-09, 七夕 2027-08-08.
        assert_eq!(first("重阳敬老价", seen), Some(day(2026, 10, 18)));
        assert_eq!(first("中秋礼盒", seen), Some(day(2027, 9, 15)));
        assert_eq!(first("除夕前发货", seen), Some(day(2027, 2, 5)));
        assert_eq!(first("大年三十", seen), Some(day(2027, 2, 5)));
        assert_eq!(first("春节不打烊", seen), Some(day(2027, 2, 6)));
        assert_eq!(first("元宵特惠", seen), Some(day(2027, 2, 20)));
        assert_eq!(first("腊八粥", seen), Some(day(2027, 1, 15)));
        assert_eq!(first("端午粽子", seen), Some(day(2027, 6, 9)));
        assert_eq!(first("七夕限定", seen), Some(day(2027, 8, 8)));
        // Seen on the day itself: that day, not next year's.
        assert_eq!(first("重阳", day(2026, 10, 18)), Some(day(2026, 10, 18)));
        // Seen the day after: next year's (2027-10-08).
        assert_eq!(first("重阳", day(2026, 10, 19)), Some(day(2027, 10, 8)));
    }

    #[test]
    fn lunar_dates_in_hanzi_and_digits() {
        let seen = day(2026, 10, 1);
        assert_eq!(first("仅限九月初九当天", seen), Some(day(2026, 10, 18)));
        assert_eq!(first("农历九月初九", seen), Some(day(2026, 10, 18)));
        assert_eq!(first("农历9月9日截止", seen), Some(day(2026, 10, 18)));
        assert_eq!(first("截至腊月廿三", seen), Some(day(2027, 1, 30)));
        assert_eq!(first("正月十五前", seen), Some(day(2027, 2, 20)));
        assert_eq!(first("八月十五", day(2026, 9, 1)), Some(day(2026, 9, 25)));
        // A hanzi solar date is solar ("十月十八日" seen on 10-01 is 2026-10-18; "九月三十日"
        // has passed, so 2027's); a month without a day is no date.
        assert_eq!(first("十月十八日", seen), Some(day(2026, 10, 18)));
        assert_eq!(first("截至九月三十日", seen), Some(day(2027, 9, 30)));
        assert_eq!(first("十一月十一号前", seen), Some(day(2026, 11, 11)));
        assert_eq!(first("九月上新", seen), None);
        assert_eq!(first("二月三十日", seen), None);
        // A 30th the month does not have resolves to nothing (2026's 腊月 has 29 days: 除夕 is
        // 廿九), so the next year that has it or nothing — never a panic.
        let chars: Vec<char> = "腊月三十".chars().collect();
        let m = mentions(&chars, seen);
        assert!(m.iter().all(|m| m.day != day(2027, 2, 6)), "{m:?}");
    }

    #[test]
    fn spans_and_total_on_any_input() {
        let chars: Vec<char> = "仅限九月初九（10月18日）当天".chars().collect();
        let m = mentions(&chars, day(2026, 10, 1));
        assert_eq!(
            m,
            vec![DateMention {
                start: 2,
                end: 6,
                day: day(2026, 10, 18)
            }]
        );
        for text in [
            "",
            "月",
            "十月",
            "初",
            "农历",
            "农历13月40日",
            "闰",
            "廿",
            "腊月卅",
        ] {
            let chars: Vec<char> = text.chars().collect();
            let _ = mentions(&chars, 0);
            let _ = mentions(&chars, i64::from(i32::MAX));
        }
    }
}
