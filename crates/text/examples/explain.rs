//! Shows how the pipeline reads a text: its normalised form, the segmenter's words, every match
//! with its span, word and exemption, and the absolute-term verdicts — for lexicon authors.
//!
//! ```text
//! cargo run -p tianping-text --example explain -- "本店zui佳口感，第一次购买享九折" [product_class]
//! ```

use tianping_text::{JudgeContext, Lexicon, judge_absolute_terms, normalize, scan_all, segment};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(text) = args.first() else {
        eprintln!("usage: explain TEXT [product_class]");
        std::process::exit(2);
    };
    let norm = normalize(text);
    let n = norm.as_str();
    let words: Vec<&str> = segment(n).into_iter().map(|r| &n[r]).collect();
    println!("normalised: {n}");
    println!("words:      {}", words.join("|"));
    for h in scan_all(Lexicon::builtin(), text) {
        println!(
            "match {:?} as {} [{}] chars {}..{} bytes {}..{} — {}{}{}",
            h.matched_original,
            h.term,
            h.category.as_str(),
            h.start_char,
            h.end_char,
            h.start_byte,
            h.end_byte,
            h.provision,
            h.word
                .as_ref()
                .map(|w| format!("; inside word {w:?}"))
                .unwrap_or_default(),
            h.exemption
                .as_ref()
                .map(|(p, k)| format!("; exemption {p:?} ({})", k.as_str()))
                .unwrap_or_default(),
        );
    }
    let ctx = JudgeContext {
        trademarks: &[],
        product_class: args.get(1).map(String::as_str),
    };
    for j in judge_absolute_terms(text, &ctx) {
        println!("judged {}: {:?} — {}", j.hit.term, j.verdict, j.reason_zh);
    }
}
