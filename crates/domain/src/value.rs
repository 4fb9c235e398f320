//! Parsers for the value conventions of the standard (§2), from text to typed values.
//!
//! Every parser is total: any input gives `Ok` or a [`Rule`]; none panics (fuzzed through the
//! ingest row parsers).

use crate::rule::Rule;

/// Nanoseconds since the Unix epoch, UTC.
pub type TimestampNs = i64;
/// Days since the Unix epoch.
pub type DaysSinceEpoch = i32;

/// `id`: 1–64 characters of `[A-Za-z0-9._:-]`.
pub fn check_id(value: &str) -> Result<(), Rule> {
    let ok = !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'));
    if ok { Ok(()) } else { Err(Rule::IdFormat) }
}

/// `pid`: 64 lowercase hex characters. A raw phone or ID number is named as such.
pub fn check_pid(value: &str) -> Result<(), Rule> {
    if value.len() == 64
        && value
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    {
        return Ok(());
    }
    if looks_like_id_number(value) {
        return Err(Rule::RawIdNumber);
    }
    if looks_like_phone_number(value) {
        return Err(Rule::RawPhoneNumber);
    }
    Err(Rule::PidFormat)
}

fn digits_without_separators(value: &str) -> Option<String> {
    let mut digits = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '(' | ')' | '+' | '\u{3000}' | '.' => {}
            _ => return None,
        }
    }
    Some(digits)
}

/// Whether a value looks like a Chinese mobile or landline number (separators allowed).
pub fn looks_like_phone_number(value: &str) -> bool {
    let Some(digits) = digits_without_separators(value) else {
        return false;
    };
    let digits = digits
        .strip_prefix("0086")
        .or_else(|| digits.strip_prefix("86"))
        .map_or(digits.as_str(), |rest| {
            if rest.len() == 11 && rest.starts_with('1') {
                rest
            } else {
                digits.as_str()
            }
        });
    let bytes = digits.as_bytes();
    let mobile = bytes.len() == 11 && bytes[0] == b'1' && (b'3'..=b'9').contains(&bytes[1]);
    // Landline with area code: 0 + 2–3 digit area + 7–8 digit number.
    let landline = (10..=12).contains(&bytes.len()) && bytes[0] == b'0' && bytes[1] != b'0';
    mobile || landline
}

/// Whether a value looks like a resident ID number (GB 11643: 18 characters, or the old 15 digits),
/// whether or not its check character is right.
pub fn looks_like_id_number(value: &str) -> bool {
    let bytes = value.trim().as_bytes();
    match bytes.len() {
        18 => {
            bytes[..17].iter().all(u8::is_ascii_digit)
                && (bytes[17].is_ascii_digit() || bytes[17] == b'X' || bytes[17] == b'x')
                && bytes[0] != b'0'
        }
        15 => bytes.iter().all(u8::is_ascii_digit) && bytes[0] != b'0',
        _ => false,
    }
}

/// Whether an 18-character resident ID number has a correct ISO 7064 MOD 11-2 check character.
pub fn id_number_checksum_ok(value: &str) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let bytes = value.as_bytes();
    if bytes.len() != 18 || !bytes[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = bytes[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    CHECK[(sum % 11) as usize] == bytes[17].to_ascii_uppercase()
}

/// Masks a personal value for display and logs: keeps at most the first 3 and last 4 characters
/// of values of 11 characters or more, and fewer of shorter ones.
pub fn mask_personal(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    let n = chars.len();
    let (head, tail) = match n {
        0..=4 => (0, 0),
        5..=10 => (1, 1),
        _ => (3, 4),
    };
    let mut out = String::with_capacity(value.len());
    for (i, c) in chars.iter().enumerate() {
        if i < head || i >= n - tail {
            out.push(*c)
        } else {
            out.push('*')
        }
    }
    out
}

/// The 31 characters of GB 32100 (no I, O, S, V, Z) in value order.
pub const USCC_CHARSET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Result of checking a well-formed USCC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsccCheck {
    /// The check character matches.
    Valid,
    /// The check character does not match (some live codes do: warn, don't reject).
    BadCheckCharacter {
        /// The check character GB 32100 computes.
        expected: char,
    },
}

fn uscc_value(b: u8) -> Option<u32> {
    USCC_CHARSET.iter().position(|&c| c == b).map(|i| i as u32)
}

/// `uscc`: 18 characters of the GB 32100 set; the check character is verified separately.
pub fn check_uscc(value: &str) -> Result<UsccCheck, Rule> {
    let bytes = value.as_bytes();
    if bytes.len() != 18 || uscc_value(bytes[17]).is_none() {
        return Err(Rule::UsccFormat);
    }
    let expected =
        uscc_check_character(value.get(..17).ok_or(Rule::UsccFormat)?).ok_or(Rule::UsccFormat)?;
    if char::from(bytes[17]) == expected {
        Ok(UsccCheck::Valid)
    } else {
        Ok(UsccCheck::BadCheckCharacter { expected })
    }
}

/// The GB 32100 check character of the first 17 characters of a USCC, or `None` if they are not
/// 17 characters of the set.
pub fn uscc_check_character(first17: &str) -> Option<char> {
    let bytes = first17.as_bytes();
    if bytes.len() != 17 {
        return None;
    }
    let mut sum = 0u32;
    for (&b, w) in bytes.iter().zip(USCC_WEIGHTS) {
        sum += uscc_value(b)? * w;
    }
    Some(char::from(USCC_CHARSET[((31 - sum % 31) % 31) as usize]))
}

/// `adcode`: 6 digits, the first not zero.
pub fn check_adcode(value: &str) -> Result<(), Rule> {
    let bytes = value.as_bytes();
    if bytes.len() == 6 && bytes.iter().all(u8::is_ascii_digit) && bytes[0] != b'0' {
        Ok(())
    } else {
        Err(Rule::AdcodeFormat)
    }
}

/// A decimal integer: optional `-`, digits, no spaces, no `+`, no fraction.
pub fn parse_int(value: &str) -> Result<i64, Rule> {
    let digits = value.strip_prefix('-').unwrap_or(value);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Rule::IntFormat);
    }
    value.parse::<i64>().map_err(|_| Rule::IntFormat)
}

/// Checks an integer against a field's bounds.
pub fn check_bounds(value: i64, min: Option<i64>, max: Option<i64>) -> Result<i64, Rule> {
    if min.is_some_and(|min| value < min) {
        return Err(Rule::BelowMinimum);
    }
    if max.is_some_and(|max| value > max) {
        return Err(Rule::AboveMaximum);
    }
    Ok(value)
}

fn fixed_digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        bytes
            .iter()
            .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0')),
    )
}

/// `date`: `YYYY-MM-DD`, a real calendar date; days since 1970-01-01.
pub fn parse_date(value: &str) -> Result<DaysSinceEpoch, Rule> {
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(Rule::DateFormat);
    }
    let year = fixed_digits(&b[0..4]).ok_or(Rule::DateFormat)?;
    let month = fixed_digits(&b[5..7]).ok_or(Rule::DateFormat)?;
    let day = fixed_digits(&b[8..10]).ok_or(Rule::DateFormat)?;
    days_from_civil(year as i32, month, day).ok_or(Rule::DateFormat)
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days since 1970-01-01 of a proleptic Gregorian date, or `None` if the date does not exist.
pub fn days_from_civil(year: i32, month: u32, day: u32) -> Option<i32> {
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days_in_month {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// `time`: RFC 3339 with an upper-case `T`, seconds, optional fraction (≤ 9 digits) and an offset
/// (`Z` or `±HH:MM`); nanoseconds since the epoch in UTC.
pub fn parse_time(value: &str) -> Result<TimestampNs, Rule> {
    let b = value.as_bytes();
    if b.len() < 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return Err(Rule::TimeFormat);
    }
    let days =
        parse_date(value.get(0..10).ok_or(Rule::TimeFormat)?).map_err(|_| Rule::TimeFormat)?;
    let hour = fixed_digits(&b[11..13]).ok_or(Rule::TimeFormat)?;
    let minute = fixed_digits(&b[14..16]).ok_or(Rule::TimeFormat)?;
    let second = fixed_digits(&b[17..19]).ok_or(Rule::TimeFormat)?;
    if hour > 23 || minute > 59 || second > 59 {
        return Err(Rule::TimeFormat);
    }
    let mut rest = &b[19..];
    let mut nanos: i64 = 0;
    if let Some((&b'.', frac)) = rest.split_first() {
        let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 9 {
            return Err(Rule::TimeFormat);
        }
        let digits = fixed_digits(&frac[..n]).ok_or(Rule::TimeFormat)?;
        nanos = i64::from(digits) * 10i64.pow(9 - n as u32);
        rest = &frac[n..];
    }
    let offset_seconds: i64 = match rest {
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let oh = fixed_digits(&[*h1, *h2]).ok_or(Rule::TimeFormat)?;
            let om = fixed_digits(&[*m1, *m2]).ok_or(Rule::TimeFormat)?;
            if oh > 23 || om > 59 {
                return Err(Rule::TimeFormat);
            }
            let s = i64::from(oh * 3600 + om * 60);
            if *sign == b'-' { -s } else { s }
        }
        _ => return Err(Rule::TimeFormat),
    };
    let seconds =
        i64::from(days) * 86_400 + i64::from(hour * 3600 + minute * 60 + second) - offset_seconds;
    seconds
        .checked_mul(1_000_000_000)
        .and_then(|ns| ns.checked_add(nanos))
        .ok_or(Rule::TimeOutOfRange)
}

/// `bool`: `true`/`false`, and in CSV also `1`/`0`.
pub fn parse_bool_text(value: &str) -> Result<bool, Rule> {
    match value {
        "true" | "1" => Ok(true),
        "false" | "0" => Ok(false),
        _ => Err(Rule::BoolFormat),
    }
}

/// Checks a value against a closed enumeration.
pub fn check_enum(value: &str, allowed: &[&str]) -> Result<(), Rule> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(Rule::EnumUnknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(check_id("tmall-2026-03-01-0001").is_ok());
        assert!(check_id("a:b.c_d-e").is_ok());
        assert_eq!(check_id(""), Err(Rule::IdFormat));
        assert_eq!(check_id(&"x".repeat(65)), Err(Rule::IdFormat));
        assert!(check_id(&"x".repeat(64)).is_ok());
        assert_eq!(check_id("店铺1"), Err(Rule::IdFormat));
        assert_eq!(check_id("a b"), Err(Rule::IdFormat));
    }

    #[test]
    fn pids_and_raw_identifiers() {
        let pid = "0123456789abcdef".repeat(4);
        assert!(check_pid(&pid).is_ok());
        assert_eq!(check_pid(&pid.to_uppercase()), Err(Rule::PidFormat));
        assert_eq!(check_pid("13812345678"), Err(Rule::RawPhoneNumber));
        assert_eq!(check_pid("+86 138-1234-5678"), Err(Rule::RawPhoneNumber));
        assert_eq!(check_pid("0571-87654321"), Err(Rule::RawPhoneNumber));
        assert_eq!(check_pid("11010519491231002X"), Err(Rule::RawIdNumber));
        assert_eq!(check_pid("110105194912310029"), Err(Rule::RawIdNumber));
        assert_eq!(check_pid("110105491231002"), Err(Rule::RawIdNumber));
        assert_eq!(check_pid("abc"), Err(Rule::PidFormat));
        assert_eq!(
            check_pid("12812345678"),
            Err(Rule::PidFormat),
            "12x is not a mobile prefix"
        );
    }

    #[test]
    fn id_number_checksums() {
        assert!(id_number_checksum_ok("11010519491231002X"));
        assert!(id_number_checksum_ok("440524188001010014"));
        assert!(!id_number_checksum_ok("110105194912310029"));
    }

    #[test]
    fn masking_hides_the_middle() {
        assert_eq!(mask_personal("13812345678"), "138****5678");
        assert_eq!(mask_personal("11010519491231002X"), "110***********002X");
        assert_eq!(mask_personal("abc"), "***");
    }

    #[test]
    fn uscc_vectors_from_gb32100() {
        for code in [
            "91350200MA2YJ1XR9G",
            "91110000100017643K",
            "913502000728319549",
            "91330100799655058B",
        ] {
            assert_eq!(check_uscc(code), Ok(UsccCheck::Valid), "{code}");
        }
        // A live code that fails its own check (computed check is 9).
        assert_eq!(
            check_uscc("91350203M0001QAY9B"),
            Ok(UsccCheck::BadCheckCharacter { expected: '9' })
        );
        assert_eq!(check_uscc("91350200MA2YJ1XR9"), Err(Rule::UsccFormat));
        assert_eq!(
            check_uscc("91350200MA2YJ1XRIG"),
            Err(Rule::UsccFormat),
            "I is not in the set"
        );
        assert_eq!(check_uscc("91350200ma2yj1xr9g"), Err(Rule::UsccFormat));
    }

    #[test]
    fn adcodes() {
        assert!(check_adcode("330106").is_ok());
        assert_eq!(check_adcode("33010"), Err(Rule::AdcodeFormat));
        assert_eq!(check_adcode("033010"), Err(Rule::AdcodeFormat));
        assert_eq!(check_adcode("33010a"), Err(Rule::AdcodeFormat));
    }

    #[test]
    fn ints() {
        assert_eq!(parse_int("0"), Ok(0));
        assert_eq!(parse_int("-12"), Ok(-12));
        assert_eq!(parse_int("9223372036854775807"), Ok(i64::MAX));
        assert_eq!(parse_int("9223372036854775808"), Err(Rule::IntFormat));
        for bad in ["", "-", "+1", "1.0", " 1", "1e3", "０"] {
            assert_eq!(parse_int(bad), Err(Rule::IntFormat), "{bad:?}");
        }
        assert_eq!(check_bounds(0, Some(1), None), Err(Rule::BelowMinimum));
        assert_eq!(check_bounds(1, Some(1), None), Ok(1));
        assert_eq!(check_bounds(5, Some(1), Some(5)), Ok(5));
        assert_eq!(check_bounds(6, Some(1), Some(5)), Err(Rule::AboveMaximum));
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("1970-01-01"), Ok(0));
        assert_eq!(parse_date("2026-03-01"), Ok(20_513));
        assert_eq!(parse_date("2024-02-29"), Ok(19_782));
        assert_eq!(parse_date("2023-02-29"), Err(Rule::DateFormat));
        assert_eq!(parse_date("2026-3-1"), Err(Rule::DateFormat));
        assert_eq!(parse_date("2026/03/01"), Err(Rule::DateFormat));
        assert_eq!(parse_date("2026-13-01"), Err(Rule::DateFormat));
    }

    #[test]
    fn times() {
        let t = parse_time("2026-03-01T20:15:00+08:00").unwrap();
        assert_eq!(t, parse_time("2026-03-01T12:15:00Z").unwrap());
        assert_eq!(t, (20_513 * 86_400 + 12 * 3600 + 15 * 60) * 1_000_000_000);
        assert_eq!(
            parse_time("2026-03-01T12:15:00.5Z").unwrap() - t,
            500_000_000
        );
        assert_eq!(
            parse_time("2026-03-01T12:15:00.123456789Z").unwrap() - t,
            123_456_789
        );
        for bad in [
            "2026-03-01 20:15:00+08:00",
            "2026-03-01T20:15:00",
            "2026-03-01T20:15+08:00",
            "2026-03-01T24:00:00Z",
            "2026-03-01T20:15:00.Z",
            "2026-03-01T20:15:00.1234567891Z",
            "2026-03-01T20:15:00+0800",
            "2026-03-01t20:15:00Z",
            "2026-02-30T20:15:00Z",
        ] {
            assert_eq!(parse_time(bad), Err(Rule::TimeFormat), "{bad}");
        }
        assert_eq!(
            parse_time("1500-01-01T00:00:00Z"),
            Err(Rule::TimeOutOfRange)
        );
        assert_eq!(
            parse_time("9999-12-31T23:59:59Z"),
            Err(Rule::TimeOutOfRange)
        );
    }

    #[test]
    fn bools_and_enums() {
        assert_eq!(parse_bool_text("1"), Ok(true));
        assert_eq!(parse_bool_text("false"), Ok(false));
        assert_eq!(parse_bool_text("TRUE"), Err(Rule::BoolFormat));
        assert!(check_enum("paid", &["paid", "shipped"]).is_ok());
        assert_eq!(check_enum("Paid", &["paid"]), Err(Rule::EnumUnknown));
    }
}

/// The calendar date `(year, month, day)` of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Formats days since the epoch as `YYYY-MM-DD`.
pub fn format_date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Formats nanoseconds since the epoch as RFC 3339 in UTC (`Z`), with the fraction only when
/// it is not zero.
pub fn format_time_utc(ns: i64) -> String {
    let secs = ns.div_euclid(1_000_000_000);
    let frac = ns.rem_euclid(1_000_000_000);
    let days = secs.div_euclid(86_400);
    let sod = secs.rem_euclid(86_400);
    let (h, mi, s) = (sod / 3600, (sod % 3600) / 60, sod % 60);
    let date = format_date(days);
    if frac == 0 {
        format!("{date}T{h:02}:{mi:02}:{s:02}Z")
    } else {
        format!("{date}T{h:02}:{mi:02}:{s:02}.{frac:09}Z")
    }
}

#[cfg(test)]
mod format_tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for days in [-719_468i64, -1, 0, 1, 20_513, 19_782, 100_000] {
            assert_eq!(
                parse_date(&format_date(days)).map(i64::from),
                Ok(days),
                "{days}"
            );
        }
    }

    #[test]
    fn times_round_trip() {
        for ns in [
            0i64,
            -1,
            1_772_367_300_000_000_000,
            1_772_367_300_123_456_789,
        ] {
            assert_eq!(parse_time(&format_time_utc(ns)), Ok(ns), "{ns}");
        }
    }
}
