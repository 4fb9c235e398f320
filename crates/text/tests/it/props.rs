//! Properties over arbitrary text: no panics, offsets always point into the original, and
//! disguised terms are found whatever filler is put inside them.

use proptest::prelude::*;
use tianping_text::{
    JudgeContext, Lexicon, judge_absolute_terms, judge_claims, normalize, scan_all,
};

fn check_offsets(text: &str) {
    for h in scan_all(Lexicon::builtin(), text) {
        assert!(h.start_byte < h.end_byte && h.end_byte <= text.len());
        assert_eq!(&text[h.start_byte..h.end_byte], h.matched_original);
        assert_eq!(text[..h.start_byte].chars().count(), h.start_char);
        assert_eq!(text[..h.end_byte].chars().count(), h.end_char);
        assert!(h.sentence.contains(h.matched_original.trim()));
        assert!(h.context.contains(&h.matched_original));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_arbitrary_strings(text in any::<String>()) {
        let norm = normalize(&text);
        prop_assert!(norm.char_len() <= text.chars().count() * 2 + 1);
        check_offsets(&text);
        let marks = vec![text.chars().take(3).collect::<String>()];
        let ctx = JudgeContext { trademarks: &marks, product_class: Some("health_food") };
        let _ = judge_absolute_terms(&text, &ctx);
        let _ = judge_claims(&text, &ctx);
    }

    #[test]
    fn never_panics_on_chinese_like_text(
        text in "[最佳第一唯顶级国家全网低价高仿原单位性次 ，。！?*·\u{200b}🔥①１zuidiaA:0-9\n]{0,80}"
    ) {
        check_offsets(&text);
        let _ = judge_absolute_terms(&text, &JudgeContext::default());
    }

    /// 2026.5: the structural forms (whole-market scope before "最", "nothing better than us",
    /// a denied medical term) over text made of their own words: no panic, and every hit's span
    /// is the original text it reports.
    #[test]
    fn structural_forms_never_panic_and_point_into_the_original(
        text in "[全杭州市网最低比我们家更还没有找不到不能要别人治病停药疗高血压 ，。！?*\u{200b}🔥a0-9\n]{0,120}"
    ) {
        for j in judge_absolute_terms(&text, &JudgeContext::default())
            .into_iter()
            .chain(judge_claims(&text, &JudgeContext::default()))
        {
            prop_assert!(j.hit.start_byte < j.hit.end_byte && j.hit.end_byte <= text.len());
            prop_assert_eq!(&text[j.hit.start_byte..j.hit.end_byte], j.hit.matched_original.as_str());
            prop_assert_eq!(text[..j.hit.start_byte].chars().count(), j.hit.start_char);
        }
    }

    #[test]
    fn filler_inside_a_term_is_seen_through(
        prefix in "[天地人，。a-z0-9]{0,10}",
        fill in prop::sample::select(vec![" ", "*", "-", "\u{200b}", "🔥", "·", "~", "  ", "\u{3000}", "\u{FE0F}", "_"]),
        suffix in "[天地人，。0-9]{0,10}",
    ) {
        let text = format!("{prefix}最{fill}佳{suffix}");
        let hits = scan_all(Lexicon::builtin(), &text);
        let start = prefix.len();
        let end = start + "最".len() + fill.len() + "佳".len();
        prop_assert!(
            hits.iter().any(|h| h.term == "最佳" && h.start_byte == start && h.end_byte == end),
            "{text:?}: {hits:?}"
        );
    }
}
