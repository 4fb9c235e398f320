//! How hanzi sound, for comparing names: a counterfeiter writes a registered mark with a
//! character that sounds the same ("麓鸣" for "鹿鸣", both lù míng) or spells it in pinyin
//! ("luming", "Lu Ming").
//!
//! Readings come from the maintained `pinyin` crate (mozillazg's rust-pinyin, built from the
//! pinyin-data dictionary), toneless and in lower case, every reading of a heteronym included.
//! Like [`crate::variants`], this is a projection for comparing two texts, never a rewrite.

use pinyin::ToPinyinMulti;

/// The toneless readings of `c` ("lu" for '鹿' and '麓'); empty for a char that is not a hanzi
/// the dictionary knows.
pub fn readings(c: char) -> Vec<&'static str> {
    match c.to_pinyin_multi() {
        Some(multi) => {
            let mut out: Vec<&'static str> = multi.into_iter().map(|p| p.plain()).collect();
            out.sort_unstable();
            out.dedup();
            out
        }
        None => Vec::new(),
    }
}

/// Whether two chars share a toneless reading (the same char always does).
pub fn sounds_alike(a: char, b: char) -> bool {
    if a == b {
        return true;
    }
    let ra = readings(a);
    !ra.is_empty() && readings(b).iter().any(|r| ra.contains(r))
}

/// The pinyin spelling of a hanzi name (first reading of each char, no spaces: "luming"), or
/// `None` when a char has no reading.
pub fn spelling(name: &str) -> Option<String> {
    name.chars()
        .map(|c| {
            c.to_pinyin_multi()
                .and_then(|m| m.into_iter().next())
                .map(|p| p.plain())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn homophones_and_spellings() {
        assert!(sounds_alike('鹿', '麓'));
        assert!(sounds_alike('鸣', '明'));
        assert!(!sounds_alike('鹿', '明'));
        assert!(!sounds_alike('a', 'b'));
        assert!(sounds_alike('x', 'x'));
        assert_eq!(spelling("鹿鸣").as_deref(), Some("luming"));
        assert_eq!(spelling("鹿a"), None);
        // A heteronym has every reading: 行 is xing and hang.
        let r = readings('行');
        assert!(r.contains(&"xing") && r.contains(&"hang"), "{r:?}");
        assert!(readings('!').is_empty());
    }
}
