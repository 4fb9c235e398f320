//! Variant characters (异体字) folded to one representative, for comparing names.
//!
//! A counterfeiter writes a registered mark with a variant character ("靑禾" for "青禾") that
//! neither the traditional→simplified table nor a width fold changes. [`fold_variant`] maps a
//! char through the IRG kVariants dictionary (hfhchan's `kVariants.md`, the `irg-kvariants`
//! crate that Meilisearch's tokenizer also uses): relations `sem` (semantic variant), `old`
//! (old form), `=` (same character, different code point) and `wrong!` (a common miswriting).
//! The `simp` relation is not used: it points from a simplified character to its traditional
//! form and would undo the simplification that [`crate::normalize::to_simplified`] does first.
//!
//! The dictionary's direction is not "variant → standard mainland form": it may map a mainland
//! character to the form the IRG prefers ("青" → "靑"). So [`fold_variant`] is a *projection* to
//! compare two texts, applied to both sides — never a rewrite for display or for lexicon terms.
//! Chains are followed up to [`MAX_STEPS`] links; a cycle stops at the smallest char of the cycle,
//! so the result does not depend on where in the cycle a char starts (a test checks that the fold
//! is idempotent over the whole dictionary).

use irg_kvariants::{KVARIANTS, KVariantClass};

/// The longest chain of variant links followed.
pub const MAX_STEPS: usize = 16;

/// One link of `c` in the dictionary, when its relation is one we fold by.
fn link(c: char) -> Option<char> {
    let v = KVARIANTS.get(&c)?;
    match v.classification {
        KVariantClass::SementicVariant
        | KVariantClass::Old
        | KVariantClass::Equal
        | KVariantClass::Wrong => Some(v.destination_ideograph),
        KVariantClass::Simplified => None,
    }
}

/// The representative of `c`'s variant group (itself when it has no variant link). Only CJK
/// ideographs are looked up; any other char is returned as is.
pub fn fold_variant(c: char) -> char {
    if !is_ideograph(c) {
        return c;
    }
    let mut seen = [c; MAX_STEPS + 1];
    let mut cur = c;
    for step in 1..=MAX_STEPS {
        match link(cur) {
            Some(next) if next != cur && !seen[..step].contains(&next) => {
                seen[step] = next;
                cur = next;
            }
            Some(next) if next != cur => {
                // A cycle: the smallest char of the cycle stands for all of it.
                let from = seen[..step].iter().position(|&s| s == next).unwrap_or(0);
                return seen[from..step].iter().copied().min().unwrap_or(cur);
            }
            _ => return cur,
        }
    }
    cur
}

/// Whether `c` is a CJK unified or compatibility ideograph.
fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}

/// Whether two texts read the same once every char is variant-folded (and nothing else).
pub fn same_by_variants(a: &str, b: &str) -> bool {
    a.chars().map(fold_variant).eq(b.chars().map(fold_variant))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_variant_and_its_standard_form_fold_together() {
        // 靑 (U+9751) is the variant of 青 (U+9752); whichever the dictionary prefers, both fold
        // to the same char.
        assert_eq!(fold_variant('靑'), fold_variant('青'));
        assert!(same_by_variants("靑禾", "青禾"));
    }

    #[test]
    fn distinct_characters_stay_distinct() {
        assert!(!same_by_variants("青禾", "清禾"));
        assert!(!same_by_variants("大米", "小米"));
        assert_ne!(fold_variant('米'), fold_variant('禾'));
    }

    #[test]
    fn non_ideographs_are_untouched() {
        for c in ['a', 'Z', '1', '，', ' ', '🔥'] {
            assert_eq!(fold_variant(c), c);
        }
    }

    #[test]
    fn folding_is_idempotent_on_every_dictionary_entry() {
        for &c in KVARIANTS.keys() {
            let f = fold_variant(c);
            assert_eq!(fold_variant(f), f, "{c} → {f} → {}", fold_variant(f));
        }
    }
}
