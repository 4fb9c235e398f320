#![no_main]
//! The text pipeline: normalisation, lexicon scan, the absolute-terms judge, the review-standard
//! clause patterns and the variant fold never panic, every hit's span lies inside the original
//! text on character boundaries, and time stays linear
//! (libFuzzer's `-timeout` catches a slow input; the one-time loads happen in `init`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: {
    // Load the lexicons and the segmenter's dictionary once, before the clock runs: their one-time
    // load (about a second under the fuzzer's instrumentation) is not a slow input.
    let lexicon = tianping_text::Lexicon::builtin();
    let warm = "全国第一的最佳产品，diyi";
    let _ = tianping_text::scan_all(lexicon, warm);
    let ctx = tianping_text::JudgeContext { trademarks: &[], product_class: Some("health_food") };
    let _ = tianping_text::judge_absolute_terms(warm, &ctx);
    let _ = tianping_text::judge_claims(warm, &ctx);
    let _ = tianping_text::ReviewStandards::builtin().map(|s| s.clause_hits(warm));
    let _ = tianping_text::variants::fold_variant('靑');
}, |data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lexicon = tianping_text::Lexicon::builtin();
    for hit in tianping_text::scan_all(lexicon, &text) {
        assert!(hit.start_byte <= hit.end_byte && hit.end_byte <= text.len());
        assert!(text.is_char_boundary(hit.start_byte) && text.is_char_boundary(hit.end_byte));
        assert_eq!(&text[hit.start_byte..hit.end_byte], hit.matched_original);
    }
    let ctx = tianping_text::JudgeContext { trademarks: &[], product_class: Some("health_food") };
    let _ = tianping_text::judge_absolute_terms(&text, &ctx);
    let _ = tianping_text::judge_claims(&text, &ctx);
    if let Ok(standards) = tianping_text::ReviewStandards::builtin() {
        let _ = standards.clause_hits(&text);
        let _ = standards.states_term(&text);
        let _ = standards.states_no_alternative(&text);
    }
    for c in text.chars() {
        let f = tianping_text::variants::fold_variant(c);
        assert_eq!(tianping_text::variants::fold_variant(f), f);
    }
});
