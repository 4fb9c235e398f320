//! Masking personal data in responses: every string in a JSON value is scanned for digit runs
//! that look like a phone or resident ID number (`tianping_domain`'s detectors) and those runs
//! are masked (`138****5678`). Applied to every response a caller who may not unmask receives,
//! whatever the data claims about itself.

use std::borrow::Cow;

use serde_json::Value;
use tianping_domain::value::{looks_like_id_number, looks_like_phone_number, mask_personal};

/// Fewest ASCII digits a phone number (10: a landline with its area code; mobiles have 11) or a
/// resident ID number (15 or 17) holds: a text or word with fewer holds nothing to mask.
const MIN_DIGITS: usize = 10;

fn few_digits(text: &str) -> bool {
    text.bytes()
        .filter(u8::is_ascii_digit)
        .take(MIN_DIGITS)
        .count()
        < MIN_DIGITS
}

/// Masks phone and ID numbers inside a text. Identifiers — words of at least 32 hex digits
/// (SHA-256 hashes, UUIDs, tokens) — are left alone: a digit run inside a hash is not a phone.
pub fn mask_text(text: &str) -> String {
    mask_cow(text).into_owned()
}

/// [`mask_text`] without a copy when nothing is masked (most texts: the response path).
fn mask_cow(text: &str) -> Cow<'_, str> {
    if few_digits(text) {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !is_word(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_word(bytes[i]) {
            i += 1;
        }
        let word = &text[start..i];
        if few_digits(word) || is_identifier(word) {
            continue;
        }
        let masked = if looks_like_phone_number(word) || looks_like_id_number(word) {
            mask_personal(word)
        } else {
            mask_digit_runs(word)
        };
        if masked != word {
            out.push_str(&text[copied..start]);
            out.push_str(&masked);
            copied = i;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// A hash, UUID or token: at least 32 hex digits and nothing but hex digits and dashes (after
/// a `tps_` / `tpk_` prefix).
fn is_identifier(word: &str) -> bool {
    let w = word
        .strip_prefix("tps_")
        .or_else(|| word.strip_prefix("tpk_"))
        .unwrap_or(word);
    w.bytes().filter(u8::is_ascii_hexdigit).count() >= 32
        && w.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
}

/// Masks the digit runs of a word that look like phone or ID numbers.
fn mask_digit_runs(word: &str) -> String {
    let bytes = word.as_bytes();
    let mut out = String::with_capacity(word.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        // An ID number may end in X.
        if i < bytes.len() && (bytes[i] == b'X' || bytes[i] == b'x') && i - start == 17 {
            i += 1;
        }
        let run = &word[start..i];
        if looks_like_phone_number(run) || looks_like_id_number(run) {
            out.push_str(&word[copied..start]);
            out.push_str(&mask_personal(run));
            copied = i;
        }
    }
    out.push_str(&word[copied..]);
    out
}

/// Masks every string (and object key) in a JSON value, in place; an object is rebuilt (in its
/// order) only when one of its keys is masked.
pub fn mask_json(value: &mut Value) {
    match value {
        Value::String(s) => {
            if let Cow::Owned(masked) = mask_cow(s) {
                *s = masked;
            }
        }
        Value::Number(n) => {
            // Integers of fewer than ten digits cannot hold one.
            let small = n.as_i64().is_some_and(|i| i.unsigned_abs() < 1_000_000_000);
            if !small {
                let text = n.to_string();
                if let Cow::Owned(masked) = mask_cow(&text) {
                    *value = Value::String(masked);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(mask_json),
        Value::Object(map) => {
            if !map.keys().any(|k| holds_personal_number(k)) {
                map.values_mut().for_each(mask_json);
            } else {
                let entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
                for (k, mut v) in entries {
                    mask_json(&mut v);
                    map.insert(mask_text(&k), v);
                }
            }
        }
        _ => {}
    }
}

/// Whether a text still holds something that looks like a phone or ID number (for tests and
/// the response scan).
pub fn holds_personal_number(text: &str) -> bool {
    matches!(mask_cow(text), Cow::Owned(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_numbers_inside_text() {
        assert_eq!(mask_text("电话13812345678。"), "电话138****5678。");
        assert_eq!(
            mask_text("id=11010519491231002X,x"),
            "id=110***********002X,x"
        );
        assert_eq!(mask_text("order 2026030100012"), "order 2026030100012");
        assert_eq!(mask_text("count 12"), "count 12");
        assert!(holds_personal_number("a 13912345678"));
        assert_eq!(mask_text("phone13812345678"), "phone138****5678");
        assert_eq!(mask_text("tel 138-1234-5678;"), "tel 138******5678;");
        // Hashes, UUIDs and tokens are identifiers, not phone numbers.
        let hash = "ab13812345678cd".to_string() + &"0".repeat(50);
        assert_eq!(mask_text(&hash), hash);
        let uuid = "0f3c1a2b-4d5e-4f60-8a9b-a13812345678";
        assert_eq!(mask_text(uuid), uuid);
        let token = format!("tps_{}13812345678", "a".repeat(53));
        assert_eq!(mask_text(&token), token);
        assert!(!holds_personal_number("a 139****5678"));
    }

    #[test]
    fn masks_nested_json() {
        let mut v =
            serde_json::json!({"a": ["x 13812345678"], "13912345678": 1, "n": 13812345678u64});
        mask_json(&mut v);
        let text = v.to_string();
        assert!(!text.contains("13812345678") && !text.contains("13912345678"));
        assert_eq!(
            v["n"], "138****5678",
            "a number that is a phone becomes masked text"
        );
        // Nothing to mask: the value is unchanged, order of keys included.
        let plain = serde_json::json!({"z": 1, "a": [123456789, -987654321, 1.5, "订单 2026030100012"],
            "m": {"y": "13 812 345", "b": null}});
        let mut same = plain.clone();
        mask_json(&mut same);
        assert_eq!(same.to_string(), plain.to_string());
        // A masked key keeps its place among the others.
        let mut keyed = serde_json::json!({"a": 1, "tel13812345678": 2, "c": 3});
        mask_json(&mut keyed);
        assert_eq!(keyed.to_string(), r#"{"a":1,"tel138****5678":2,"c":3}"#);
    }

    #[test]
    fn texts_with_fewer_than_ten_digits_are_never_masked() {
        // The fast path must agree with the word rules: 9 digits in any shape stay.
        for t in [
            "138123456",
            "1-3-8-1-2-3-4-5-6",
            "a138123456b",
            "0571-12345",
        ] {
            assert_eq!(mask_text(t), t);
        }
        // 10 digits may be a landline.
        assert!(holds_personal_number("0571123456"));
    }
}
