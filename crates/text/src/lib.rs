//! Chinese text pipeline: normalisation, segmentation and lexicon matching with provenance.
//!
//! # Design
//!
//! Five detectors (`false_advertising`, `disparagement`, `counterfeit`, `unfair_terms`,
//! `fair_competition_review`) read words: listing titles and descriptions, live-stream
//! transcripts, platform agreements and notices, policy drafts. They share this pipeline:
//!
//! 1. **Normalise** ([`normalize()`]): fold width, case, enclosed numerals, 大写数字, the traditional
//!    characters our lexicons use, pinyin written for hanzi ("zui佳"), and drop the fillers that
//!    merchants put inside terms to dodge filters ("最 佳", "最*佳", zero-width chars, emoji). Every
//!    normalised char keeps the span of the original it came from, so matches are reported as
//!    spans (chars and bytes) of the **original** text, and quoted from it.
//! 2. **Match** ([`scan()`]): one leftmost-longest Aho–Corasick automaton over every term and
//!    variant of the lexicons (`lexicons/*.toml`: versioned data, each term with the provision it
//!    enforces), plus an overlapping automaton over exemption patterns ("最佳赏味期", "第一次",
//!    "高仿真"). Terms starting or ending in latin letters or digits must sit on a latin word
//!    boundary ("a货" not in "panda货").
//! 3. **Segment** (jieba-rs, dictionary only): a match that lies strictly inside a larger word
//!    that is not itself a term ("唯一" in "唯一性") does not stand. Only a window of a dozen chars
//!    around each match is segmented, so the cost is per match, not per text.
//! 4. **Judge** ([`judge_absolute_terms`], [`judge_claims`], [`missing_statements`]): the SAMR
//!    guideline's exemptions for absolute terms (trademark, usage tip, standard grade,
//!    self-comparison, time/order, non-ranking), the class rules of 广告法 arts. 16–18 by
//!    `product_class`, and required statements ("本品不能代替药物"). Every verdict carries the
//!    provision and a reason in zh and en.
//!
//! Scanning, judging and normalising are total: any `&str` gives a result, never a panic
//! (property-tested), in time linear in the text plus a bounded cost per match.
//!
//! No IO, no clock: the lexicons are compiled in ([`BUILTIN_FILES`]) and validated on first use;
//! [`Lexicon::from_sources`] loads others (an unknown category or a duplicate term is an error that
//! names the file, line and term).
//!
//! Throughput: see `lexicons/README.md` (measured with `examples/scan_bench.rs`).

pub mod judge;
pub mod lexicon;
mod market_wide;
pub mod normalize;
pub mod scan;
pub mod sound;
pub mod standards;
pub mod variants;

pub use judge::{
    ExemptReason, JudgeContext, Judged, Missing, STRICT_CLASSES, Verdict, judge_absolute_terms,
    judge_absolute_terms_with, judge_claims, judge_claims_with, missing_statements,
    missing_statements_with,
};
pub use lexicon::{
    BUILTIN_FILES, Category, Duplicate, Entry, ExemptKind, Exemption, Lexicon, LexiconError,
    LexiconFile, Required, Severity, TermKind,
};
pub use normalize::{Normalized, Span, normalize};
pub use scan::{Hit, coined_name, scan, scan_all, segment, sentences};
pub use standards::{PatternHit, ReviewStandards, StandardsError};
