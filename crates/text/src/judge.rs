//! The judged layer: absolute terms per the SAMR 《广告绝对化用语执法指南》 (2023) exemptions, and
//! the class-specific claim rules of 广告法 arts. 16–18 and the cosmetics regulation.
//!
//! An exemption is decided in this order, the first that applies wins:
//!
//! 1. a registered trademark or brand of the merchant that contains the term covers the match
//!    (guideline item 4);
//!    — or (version 2026.7) the term is denied in its clause ("不敢说“最好吃”", "不是全网最低"):
//!    no absolute claim is made; not in a rhetorical or A-not-A question, nor after a contrast;
//! 2. the match is a time/order statement or a non-ranking word: a lexicon pattern ("第一次",
//!    "唯一性") or a larger ordinary word found by segmentation (item 7, and not an absolute use);
//! 3. for 三品一械 (`health_food`, `special_medical_food`, `drug`, `medical_device`), when the
//!    sentence speaks of efficacy, nothing below applies: **violation** (guideline: the exemptions do
//!    not cover absolute terms about efficacy, cure or effectiveness rates in these ads);
//! 4. a usage tip or technical parameter pattern ("最佳赏味期", "最高承重") (item 2);
//!    — or (version 2026.10) a superlative followed by a usage condition and its value ("最佳泡茶
//!    水温：90—95℃", `usage_condition`): how to use or keep the goods, not a judgement of them;
//! 5. a grade term with a standard reference in the sentence ("质量等级：特级", "一级能效") (item 3);
//!    — or (version 2026.8) qualifying a person's professional title ("国家一级演奏员", "特级厨师":
//!    a title lawfully conferred, item 6, to be checked against the certificate);
//! 6. a superlative or rank preceded in its clause by a self-reference ("本店最新款") — never a
//!    market-wide term such as "全网最低" (item 1);
//! 7. a rank or superlative after an award verb, in a sentence naming the event and its year
//!    ("荣获2025年…技能大赛第一名") (item 6: an award conferred by a named body; the certificate must
//!    still be checked, which the reason says);
//! 8. a rank with a stated year and a source in the sentence ("据…2025年…销量第一") (item 7; the
//!    proof must still be checked, which the reason says);
//!
//! otherwise a **violation**. First-offence and minor-harm context (guideline) may lower a
//! penalty; it is the detector's business and never turns a violation into an exemption here.

use crate::lexicon::{Category, ExemptKind, Lexicon, TermKind};
use crate::normalize::{Normalized, normalize};
use crate::scan::{Hit, scan_normalized};

/// Product classes for which absolute terms about efficacy are never exempt (三品一械 and
/// special-medical food; data standard §3.4 class codes).
pub const STRICT_CLASSES: &[&str] = &[
    "health_food",
    "special_medical_food",
    "drug",
    "medical_device",
];

/// Chars before a match searched for a self-reference ("本店").
const SELF_REFERENCE_WINDOW: usize = 10;
/// At most this many chars either side of a match make its sentence or clause for the cues (so the
/// cost per match is bounded, whatever the text).
const SENTENCE_WINDOW: usize = 120;

/// What the judged layer knows about the advertiser.
#[derive(Debug, Clone, Copy, Default)]
pub struct JudgeContext<'a> {
    /// Registered marks the merchant owns or is licensed to use, and its brand as registered.
    pub trademarks: &'a [String],
    /// `listings.product_class` (data standard §3.4), if known.
    pub product_class: Option<&'a str>,
}

/// Why a match is not a violation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExemptReason {
    /// A registered trademark or brand containing the term (guideline item 4).
    Trademark,
    /// A usage tip (guideline item 2).
    UsageTip,
    /// A technical parameter, not a comparison.
    Specification,
    /// A grade from a national, industry or local standard (guideline item 3).
    StandardGrade,
    /// A true self-comparison within the brand or shop (guideline item 1).
    SelfComparison,
    /// A statement of time or order (guideline item 7).
    TimeOrOrder,
    /// Not a ranking use: part of an ordinary word or a name.
    NonRanking,
    /// An officially conferred title or designation (guideline item 6); must be true.
    OfficialTitle,
    /// The product class may make this claim (e.g. a drug naming a disease it treats).
    ClassAllowed,
    /// A statement of service attitude, philosophy or aspiration ("顾客第一"), not about the goods
    /// (the guideline: terms that do not point at the goods are outside art. 9(3)).
    Philosophy,
    /// The claim is denied in its clause ("不能治病", "千万不要停药"): a disclaimer or a warning,
    /// not a claim of treatment (广告法 第十七条 forbids claiming, not denying).
    Disclaimer,
}

impl ExemptReason {
    /// Stable snake_case code for findings and statistics.
    pub fn code(self) -> &'static str {
        match self {
            ExemptReason::Trademark => "trademark",
            ExemptReason::UsageTip => "usage_tip",
            ExemptReason::Specification => "specification",
            ExemptReason::StandardGrade => "standard_grade",
            ExemptReason::SelfComparison => "self_comparison",
            ExemptReason::TimeOrOrder => "time_or_order",
            ExemptReason::NonRanking => "non_ranking",
            ExemptReason::OfficialTitle => "official_title",
            ExemptReason::ClassAllowed => "class_allowed",
            ExemptReason::Philosophy => "service_philosophy",
            ExemptReason::Disclaimer => "disclaimer",
        }
    }
}

/// The verdict on one match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// The match is a violation of the provision.
    Violation,
    /// The match is not a violation, for this reason.
    Exempt(ExemptReason),
}

/// A match with its verdict, the provision the verdict rests on and the reasons in zh and en.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    /// The match.
    pub hit: Hit,
    /// The verdict.
    pub verdict: Verdict,
    /// The provision the verdict rests on (may differ from `hit.provision` by product class).
    pub provision: String,
    /// Reason, Chinese.
    pub reason_zh: String,
    /// Reason, English.
    pub reason_en: String,
}

impl Judged {
    /// Whether the verdict is a violation.
    pub fn is_violation(&self) -> bool {
        self.verdict == Verdict::Violation
    }
}

/// Judges every absolute term (广告法 art. 9(3)) in `text` with the built-in lexicons.
pub fn judge_absolute_terms(text: &str, ctx: &JudgeContext<'_>) -> Vec<Judged> {
    judge_absolute_terms_with(Lexicon::builtin(), text, ctx)
}

/// Judges every absolute term in `text` with `lex` (its `absolute_term` entries, exemption
/// patterns and cue lists).
///
/// Version 2026.10: a term wrapped over lines ("最\n高\n级", "行业顶\n级") is judged as well
/// ([`with_wrapped_words`]).
pub fn judge_absolute_terms_with(lex: &Lexicon, text: &str, ctx: &JudgeContext<'_>) -> Vec<Judged> {
    with_wrapped_words(text, |t| judge_absolute_terms_once(lex, t, ctx))
}

/// A line break that wraps a word: the chars either side of it (spaces and tabs aside) are both
/// hanzi, letters or digits — a line that ends or starts with a sentence or clause sign, a bracket
/// or a quotation mark breaks for real.
fn wraps_a_word(before: Option<char>, after: Option<char>) -> bool {
    let word_char = |c: char| c.is_alphanumeric();
    before.is_some_and(word_char) && after.is_some_and(word_char)
}

/// `text` with each line break that wraps a word ([`wraps_a_word`]) replaced by a space — one
/// byte for one, so every offset into it is an offset into `text` — and the byte offsets of the
/// breaks replaced; `None` when no break wraps a word.
fn unwrapped(text: &str) -> Option<(String, Vec<usize>)> {
    let mut joined = String::with_capacity(text.len());
    let mut breaks = Vec::new();
    for (i, c) in text.char_indices() {
        if c == '\n' {
            let before = text[..i]
                .chars()
                .rev()
                .find(|c| !matches!(c, ' ' | '\t' | '\r' | '\u{3000}'));
            let after = text[i + 1..]
                .chars()
                .find(|c| !matches!(c, ' ' | '\t' | '\r' | '\u{3000}'));
            if wraps_a_word(before, after) {
                joined.push(' ');
                breaks.push(i);
                continue;
            }
        }
        joined.push(c);
    }
    (!breaks.is_empty()).then_some((joined, breaks))
}

/// Version 2026.10 (广告法 第九条第（三）项, 第十七条; after held-out set 10): a term split by a line
/// break is the term, as one split by spaces already was (the normaliser drops those): an OCR of a
/// narrow detail image, or copy written one char a line ("最\n高\n级"), wraps words anywhere.
/// `judge` runs on `text`, then on `text` with the word-wrapping breaks read as spaces; the second
/// run adds only the matches that straddle such a break and overlap nothing of the first (a break
/// between two list items joins nothing a lexicon term spans, and a break after punctuation is
/// kept). The match quotes the text as written.
fn with_wrapped_words(text: &str, judge: impl Fn(&str) -> Vec<Judged>) -> Vec<Judged> {
    let mut out = judge(text);
    let Some((joined, breaks)) = unwrapped(text) else {
        return out;
    };
    let first: Vec<(usize, usize)> = out
        .iter()
        .map(|j| (j.hit.start_byte, j.hit.end_byte))
        .collect();
    for mut j in judge(&joined) {
        let (s, e) = (j.hit.start_byte, j.hit.end_byte);
        let straddles = breaks.iter().any(|&b| s < b && b < e);
        let overlaps = first.iter().any(|&(a, b)| a < e && s < b);
        if !straddles || overlaps {
            continue;
        }
        if let Some(written) = text.get(s..e) {
            j.hit.matched_original = written.to_string();
        }
        out.push(j);
    }
    out.sort_by_key(|j| j.hit.start_byte);
    out
}

fn judge_absolute_terms_once(lex: &Lexicon, text: &str, ctx: &JudgeContext<'_>) -> Vec<Judged> {
    let norm = normalize(text);
    // Occurrences of the merchant's marks in the normalised text, found once.
    let mut marks: Vec<(usize, usize)> = ctx
        .trademarks
        .iter()
        .map(|m| normalize(m).as_str().to_string())
        .filter(|m| !m.is_empty())
        .flat_map(|m| {
            norm.as_str()
                .match_indices(m.as_str())
                .map(|(i, x)| (i, i + x.len()))
                .collect::<Vec<_>>()
        })
        .collect();
    marks.sort_unstable();
    let longest = marks.iter().map(|m| m.1 - m.0).max().unwrap_or(0);
    let marks = (marks.as_slice(), longest);
    let strict = ctx
        .product_class
        .is_some_and(|c| STRICT_CLASSES.contains(&c));
    let mut out: Vec<Judged> = scan_normalized(lex, text, &norm)
        .into_iter()
        .filter(|(hit, _)| hit.category == Category::AbsoluteTerm)
        .map(|(hit, range)| {
            let reason =
                absolute_exemption(lex, &norm, &hit, range.start, range.end, marks, strict);
            let provision = hit.provision.clone();
            let (reason_zh, reason_en) = absolute_reason(&hit, reason, strict);
            Judged {
                verdict: reason.map_or(Verdict::Violation, Verdict::Exempt),
                hit,
                provision,
                reason_zh,
                reason_en,
            }
        })
        .collect();
    // Version 2026.5: market-wide superlatives and "nothing better than us" comparisons by
    // structure (`market_wide`), where no lexicon term already stands.
    let structural = crate::market_wide::market_wide_claims(lex, text, &norm);
    for (hit, range) in structural {
        if out
            .iter()
            .any(|j| j.hit.start_byte < hit.end_byte && hit.start_byte < j.hit.end_byte)
        {
            continue;
        }
        let (s, e) = (range.start, range.end);
        let n = norm.as_str();
        let sentence = &n[sentence_start(n, s)..sentence_end(n, e)];
        let reason = if covers(marks, s, e) {
            Some(ExemptReason::Trademark)
        } else if absolute_denied(lex, n, s) {
            Some(ExemptReason::Disclaimer)
        } else if has_year(sentence)
            && lex
                .cue("ranking_source")
                .iter()
                .any(|c| sentence.contains(c.as_str()))
        {
            Some(ExemptReason::TimeOrOrder)
        } else {
            None
        };
        let provision = hit.provision.clone();
        let (reason_zh, reason_en) = absolute_reason(&hit, reason, strict);
        out.push(Judged {
            verdict: reason.map_or(Verdict::Violation, Verdict::Exempt),
            hit,
            provision,
            reason_zh,
            reason_en,
        });
    }
    out.sort_by_key(|j| j.hit.start_byte);
    out
}

fn absolute_exemption(
    lex: &Lexicon,
    norm: &Normalized,
    hit: &Hit,
    s: usize,
    e: usize,
    marks: (&[(usize, usize)], usize),
    strict: bool,
) -> Option<ExemptReason> {
    let n = norm.as_str();
    // 1. A mark of the merchant covering the match.
    if covers(marks, s, e) {
        return Some(ExemptReason::Trademark);
    }
    // 1b. A superlative or rank the advertiser denies ("不敢说“最好吃”", "也不说第一", "不是全网
    //     最低"): no absolute claim is made (第九条第（三）项 forbids using the term, version 2026.7).
    if absolute_denied(lex, n, s) {
        return Some(ExemptReason::Disclaimer);
    }
    // 2. Time/order statements and non-ranking words.
    match hit.exemption.as_ref().map(|x| x.1) {
        Some(ExemptKind::TimeOrder) => return Some(ExemptReason::TimeOrOrder),
        Some(ExemptKind::NonRanking | ExemptKind::NotATerm) => {
            return Some(ExemptReason::NonRanking);
        }
        Some(ExemptKind::OfficialTitle) => return Some(ExemptReason::OfficialTitle),
        _ => {}
    }
    if hit.word.is_some() {
        return Some(ExemptReason::NonRanking);
    }
    // 2b. A term ending in "最" (全市最, 全网最) before a time or order word ("全市最后一批"):
    //     an order, not a superlative (version 2026.5).
    if hit.term.ends_with('最')
        && n[e..]
            .chars()
            .next()
            .is_some_and(|c| crate::market_wide::TIME_OR_ORDER.contains(&c))
    {
        return Some(ExemptReason::TimeOrOrder);
    }
    // 2c. An official measure or body named with "最" ("全市最低工资标准", "最高限价", "最高气温"):
    //     not a ranking of the goods (version 2026.6).
    if lex
        .cue("official_measure")
        .iter()
        .any(|w| n[s..].find(w.as_str()).is_some_and(|at| s + at < e))
    {
        return Some(ExemptReason::NonRanking);
    }
    // 3. 三品一械 speaking of efficacy: no further exemption.
    let cs = clause_start(n, s);
    let sentence = &n[sentence_start(n, s)..sentence_end(n, e)];
    if strict
        && lex
            .cue("efficacy")
            .iter()
            .any(|c| sentence.contains(c.as_str()))
    {
        return None;
    }
    // 4. Usage tips and parameters.
    match hit.exemption.as_ref().map(|x| x.1) {
        Some(ExemptKind::UsageTip) => return Some(ExemptReason::UsageTip),
        Some(ExemptKind::Specification) => return Some(ExemptReason::Specification),
        Some(ExemptKind::StandardGrade) => return Some(ExemptReason::StandardGrade),
        _ => {}
    }
    // 4b. The modal adverb "最好" giving advice, not ranking the goods.
    if modal_advice(lex, n, &hit.term, s, e) {
        return Some(ExemptReason::UsageTip);
    }
    // 4c. A usage condition with its value after a superlative ("最佳泡茶水温：90—95℃"): how to
    //     use or keep the goods, not a judgement of them (guideline item 2, version 2026.10).
    if hit.kind == TermKind::Superlative && states_usage_condition(lex, &n[e..]) {
        return Some(ExemptReason::UsageTip);
    }
    // 5. Grade term with a standard reference.
    if hit.kind == TermKind::Grade
        && lex
            .cue("standard_reference")
            .iter()
            .any(|c| sentence.contains(c.as_str()))
    {
        return Some(ExemptReason::StandardGrade);
    }
    // 5 (cont.). A grade term next to goods whose national standard defines that grade ("龙井 特级",
    //     "明前特级 龙井": GB/T 18650 grades 龙井茶 特级 to 五级) is the standard's grade, not a
    //     ranking (guideline item 3) — version 2026.9. "特级享受" names no graded goods: a claim.
    if hit.kind == TermKind::Grade && next_to_graded_goods(lex, norm, s, e) {
        return Some(ExemptReason::StandardGrade);
    }
    // 5a. A grade term qualifying a person's professional title ("国家一级演奏员", "特级厨师"): a
    //     title conferred under the state's title or skill-grading system, which the guideline
    //     treats like other lawfully obtained qualifications (item 6; the certificate must still be
    //     checked, which the reason says) — version 2026.8. "国家一级品质" names no person: a claim.
    if hit.kind == TermKind::Grade && titles_a_person(lex, &n[e..]) {
        return Some(ExemptReason::OfficialTitle);
    }
    // 5b. Service attitude or philosophy (version 2026.4): a rank or superlative in a sentence that
    //     states a motto ("宗旨", "理念" before it), or right after whom or what the motto puts first
    //     ("顾客第一", "安全第一") and ending its clause — it does not point at the goods.
    if matches!(hit.kind, TermKind::Superlative | TermKind::Rank) {
        let before_in_sentence = &n[sentence_start(n, s)..s];
        let clause_ends = n[e..].chars().next().is_none_or(is_clause_end);
        if lex
            .cue("philosophy_marker")
            .iter()
            .any(|c| before_in_sentence.contains(c.as_str()))
            || (clause_ends
                && lex
                    .cue("philosophy_subject")
                    .iter()
                    .any(|c| n[cs..s].ends_with(c.as_str())))
        {
            return Some(ExemptReason::Philosophy);
        }
    }
    // 6. Self-comparison within the clause — not when the clause also sets a market-wide scope
    //    ("我们家的是全网最…", version 2026.4).
    if matches!(hit.kind, TermKind::Superlative | TermKind::Rank) {
        let from = norm
            .byte_of_char(norm.char_at_byte(s).saturating_sub(SELF_REFERENCE_WINDOW))
            .max(cs);
        let before = &n[from..s];
        if lex
            .cue("self_reference")
            .iter()
            .any(|c| before.contains(c.as_str()))
            && !lex
                .cue("market_scope")
                .iter()
                .any(|c| n[cs..s].contains(c.as_str()))
            // "全" + a place ("全杭州就数我家最便宜") is a market scope too (version 2026.6).
            && crate::market_wide::scope_words(lex, &n[cs..s]).is_none()
        {
            return Some(ExemptReason::SelfComparison);
        }
    }
    // 7. An award conferred by a named event or body, with its year (item 6): "荣获2025年…大赛第一名",
    //    "被评为2024年度…评选最佳…". The verb must come before the term in its sentence, and the
    //    sentence must name the event; the award itself must still be checked against the
    //    certificate, which the reason says.
    if matches!(hit.kind, TermKind::Rank | TermKind::Superlative)
        && has_year(sentence)
        && lex
            .cue("award_verb")
            .iter()
            .any(|c| n[sentence_start(n, s)..s].contains(c.as_str()))
        && lex
            .cue("award_event")
            .iter()
            .any(|c| sentence.contains(c.as_str()))
    {
        return Some(ExemptReason::OfficialTitle);
    }
    // 8. A rank with a year and a source.
    // A superlative over a stated market scope is a ranking too ("据2025年…榜单，本店全市好评率
    // 最高"), exempt on the same terms as the structural market-wide claims (version 2026.6).
    let scoped = hit.kind == TermKind::Superlative
        && crate::market_wide::scope_words(lex, &n[cs..s]).is_some();
    if (hit.kind == TermKind::Rank || scoped)
        && has_year(sentence)
        && lex
            .cue("ranking_source")
            .iter()
            .any(|c| sentence.contains(c.as_str()))
    {
        return Some(ExemptReason::TimeOrOrder);
    }
    None
}

/// Chars allowed between an `absolute_denial` word and the absolute term it denies ("不敢说|我们
/// 是|最好").
const ABSOLUTE_DENIAL_GAP: usize = 4;

/// Whether the absolute term at byte `s` of the normalised text is denied (version 2026.7): an
/// `absolute_denial` word ("不敢说", "不说", "不是", "称不上") ends at most
/// [`ABSOLUTE_DENIAL_GAP`] chars before it in its clause (quotation marks aside: "不敢说“最好吃”"),
/// with no contrast, capability or second negation between ("不是吹的，就是最好" has a clause
/// break; "不是…而是最…", "不敢说…但最…" are claims). Not a denial: an A-not-A question ("是不是
/// 最好的") or a rhetorical one ("难道不是最好的吗", "谁说不是第一").
fn absolute_denied(lex: &Lexicon, n: &str, s: usize) -> bool {
    let cs = clause_start(n, s);
    let before = n[cs..s].trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '“' | '”' | '"' | '\'' | '‘' | '’' | '「' | '」' | '『' | '』'
            )
    });
    let sentence = &n[sentence_start(n, s)..sentence_end(n, s)];
    if ["难道", "谁说", "谁敢说", "吗"]
        .iter()
        .any(|r| sentence.contains(r))
    {
        return false;
    }
    lex.cue("absolute_denial").iter().any(|w| {
        before.rfind(w.as_str()).is_some_and(|at| {
            let between = &before[at + w.len()..];
            let a_not_a =
                w.starts_with('不') && before[..at].ends_with(w.chars().nth(1).unwrap_or('不'));
            between.chars().count() <= ABSOLUTE_DENIAL_GAP
                && !a_not_a
                && !between.chars().any(|c| {
                    matches!(
                        c,
                        '但' | '而' | '却' | '可' | '就' | '不' | '没' | '非' | '能'
                    )
                })
        })
    })
}

/// Chars allowed between a `disclaimer` word and the medical term it denies ("不能|用于|治疗").
const DISCLAIMER_GAP: usize = 4;

/// Whether the medical term at byte `s` of the normalised text is denied in its clause: a
/// `disclaimer` word ("不能", "不要", "并非") ends at most [`DISCLAIMER_GAP`] chars before it, with
/// no clause break between ("这个茶不能治病", "正在吃药的千万不要停药", "不能代替药物治疗").
///
/// Not a denial: the word inside a larger one ("别人", "特别"), a second negation between it and the
/// term ("没有不治好的": a double negative), or a contrast or capability between ("不是药却能治病",
/// "不吃药也能治好").
fn disclaimed(lex: &Lexicon, n: &str, s: usize) -> bool {
    // A bare "不" or "无" right before the term denies it ("这茶不治病", "本品无治疗作用"), unless
    // it is itself negated ("没有不治好的", "无不治好": all were cured) — version 2026.6.
    if let Some(neg) = ['不', '无'].into_iter().find(|&c| n[..s].ends_with(c)) {
        let rest = &n[..s - neg.len_utf8()];
        if !['不', '无', '没', '非', '毫', '有']
            .into_iter()
            .any(|c| rest.ends_with(c))
        {
            return true;
        }
    }
    let from = clause_start(n, s);
    if denies(lex, &n[from..s], DISCLAIMER_GAP) {
        return true;
    }
    // An enumeration shares its first item's denial ("不具有疾病预防、治疗功能"): the denial
    // before the first item, which may be [`ENUM_ITEM_CHARS`] chars long (version 2026.6).
    let mut first = from;
    let mut items = 0;
    while first > 0 && n[..first].ends_with('、') && items < 8 {
        first = clause_start(n, first - '、'.len_utf8());
        items += 1;
    }
    if items == 0 {
        return false;
    }
    let head_end = n[first..].find('、').map_or(s, |k| first + k);
    denies(lex, &n[first..head_end], DISCLAIMER_GAP + ENUM_ITEM_CHARS)
}

/// Chars an enumerated item before "、" may take between a denial and the next item.
const ENUM_ITEM_CHARS: usize = 6;

/// Whether a `disclaimer` word in `before` ends at most `gap` chars before its end, not inside a
/// larger word and with no second negation, contrast or capability between.
fn denies(lex: &Lexicon, before: &str, gap: usize) -> bool {
    let inside_word = |at: usize, w: &str| {
        lex.cue("disclaimer_word").iter().any(|x| {
            x.contains(w)
                && x.match_indices(w).any(|(k, _)| {
                    at >= k
                        && before
                            .get(at - k..)
                            .is_some_and(|r| r.starts_with(x.as_str()))
                })
        })
    };
    lex.cue("disclaimer").iter().any(|w| {
        before.rfind(w.as_str()).is_some_and(|at| {
            let between = &before[at + w.len()..];
            between.chars().count() <= gap
                && !inside_word(at, w)
                && !between.chars().any(|c| {
                    matches!(
                        c,
                        '不' | '没'
                            | '无'
                            | '非'
                            | '未'
                            | '却'
                            | '但'
                            | '而'
                            | '就'
                            | '都'
                            | '也'
                            | '能'
                            | '还'
                    )
                })
        })
    })
}

/// Whether the claim at byte `s` of the normalised text is worded as an approved health function:
/// a `health_function_prefix` ("辅助", "有助于") ends right before it.
fn approved_function(lex: &Lexicon, norm: &Normalized, s: usize) -> bool {
    let before = &norm.as_str()[..s];
    lex.cue("health_function_prefix")
        .iter()
        .any(|p| before.ends_with(p.as_str()))
}

/// Whether the modal term at `s..e` of `n` gives advice ("大家最好先量一下", "最好提前预约"): a
/// `modal_terms` term, not followed by an `adjective_next` word ("最好的", "最好吃"), and either
/// after an `advice_subject` ("大家", "您") or before an `advice_next` word ("先", "提前").
fn modal_advice(lex: &Lexicon, n: &str, term: &str, s: usize, e: usize) -> bool {
    if !lex.cue("modal_terms").iter().any(|m| m == term) {
        return false;
    }
    let (before, after) = (&n[..s], &n[e..]);
    if lex
        .cue("adjective_next")
        .iter()
        .any(|w| after.starts_with(w.as_str()))
    {
        return false;
    }
    lex.cue("advice_subject")
        .iter()
        .any(|w| before.ends_with(w.as_str()))
        || lex
            .cue("advice_next")
            .iter()
            .any(|w| after.starts_with(w.as_str()))
}

/// Hanzi after a superlative within which a `usage_condition` word must start ("最佳|泡茶|水温").
const USAGE_GAP: usize = 4;

/// Linking chars between a usage condition and its value, at most [`USAGE_VALUE_REACH`] of them
/// ("水温：|90℃", "温度为|4℃", "温度大约是在|8度").
const USAGE_VALUE_REACH: usize = 4;

/// Chars that may link a usage condition to its value: a colon, a copula, "about", "kept at".
const USAGE_LINK: &str = ":：为是在约宜大概控制保持 ~～";

/// Whether the text right after a superlative (`after`, normalised) names a usage condition and
/// gives its value: a `usage_condition` word ("水温", "饮用温度", "湿度") starting within
/// [`USAGE_GAP`] hanzi, then, after at most [`USAGE_VALUE_REACH`] linking chars ([`USAGE_LINK`]),
/// a digit or a Chinese numeral — "最佳泡茶水温：90—95℃", "最佳饮用温度为4℃" (guideline item 2: a
/// usage tip, version 2026.10). "最佳温度体验" states no value, "最强吸力25000Pa" names no usage
/// condition and "最佳品质时间见证30年" links nothing: still claims.
fn states_usage_condition(lex: &Lexicon, after: &str) -> bool {
    let run: usize = after
        .char_indices()
        .take_while(|&(_, c)| ('\u{4e00}'..='\u{9fff}').contains(&c))
        .take(USAGE_GAP + 4)
        .last()
        .map_or(0, |(b, c)| b + c.len_utf8());
    lex.cue("usage_condition").iter().any(|w| {
        after[..run].find(w.as_str()).is_some_and(|at| {
            after[..at].chars().count() <= USAGE_GAP
                && after[at + w.len()..]
                    .chars()
                    .take(USAGE_VALUE_REACH + 1)
                    .find(|&c| !USAGE_LINK.contains(c))
                    .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十两半".contains(c))
        })
    })
}

/// Whether one of the mark occurrences (sorted by start; with the longest one's length) covers
/// `s..e`. Only occurrences starting within that length before `s` can, so the cost per match
/// does not grow with the text.
fn covers((marks, longest): (&[(usize, usize)], usize), s: usize, e: usize) -> bool {
    let from = marks.partition_point(|m| m.0 < s.saturating_sub(longest));
    marks[from..]
        .iter()
        .take_while(|m| m.0 <= s)
        .any(|m| m.1 >= e)
}

/// Chars either side of a grade term, in its clause, within which a `graded_goods` word must lie
/// ("龙井 明前|特级", "特级|西湖龙井").
const GRADED_GOODS_WINDOW: usize = 6;

/// Whether a `graded_goods` word lies within [`GRADED_GOODS_WINDOW`] chars of the grade term at
/// `s..e`, in its clause (version 2026.9).
fn next_to_graded_goods(lex: &Lexicon, norm: &Normalized, s: usize, e: usize) -> bool {
    let n = norm.as_str();
    let from = norm
        .byte_of_char(norm.char_at_byte(s).saturating_sub(GRADED_GOODS_WINDOW))
        .max(clause_start(n, s));
    let to = n[e..]
        .char_indices()
        .take_while(|(_, c)| !is_clause_end(*c))
        .take(GRADED_GOODS_WINDOW)
        .last()
        .map_or(e, |(b, c)| e + b + c.len_utf8());
    let (before, after) = (&n[from..s], &n[e..to]);
    lex.cue("graded_goods")
        .iter()
        .any(|g| before.contains(g.as_str()) || after.contains(g.as_str()))
}

/// Hanzi after a grade term within which a `title_suffix` must end ("国家一级｜演奏员").
const TITLE_WINDOW: usize = 5;

/// Whether the text right after a grade term names a person's professional title: within
/// [`TITLE_WINDOW`] hanzi (no punctuation, no "的"), a `title_suffix` word ("演奏员", "厨师",
/// "建造师") — version 2026.8.
fn titles_a_person(lex: &Lexicon, after: &str) -> bool {
    let run: String = after
        .chars()
        .take_while(|&c| ('\u{4e00}'..='\u{9fff}').contains(&c) && c != '的')
        .take(TITLE_WINDOW + 3)
        .collect();
    lex.cue("title_suffix").iter().any(|t| {
        run.find(t.as_str())
            .is_some_and(|at| run[..at].chars().count() + t.chars().count() <= TITLE_WINDOW)
    })
}

fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        ',' | '，' | '、' | '。' | '!' | '！' | '?' | '？' | ';' | '；' | ':' | '：' | '\n'
    )
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '！' | '?' | '？' | ';' | '；' | '\n')
}

/// Byte offset where the clause (between commas etc.) containing byte `s` starts, looking back
/// at most [`SENTENCE_WINDOW`] chars.
fn clause_start(n: &str, s: usize) -> usize {
    back_to(n, s, is_clause_end)
}

/// Byte offset where the sentence containing byte `s` starts (at most [`SENTENCE_WINDOW`] chars
/// back).
fn sentence_start(n: &str, s: usize) -> usize {
    back_to(n, s, is_sentence_end)
}

/// Byte offset where the sentence containing byte `e` ends (at most [`SENTENCE_WINDOW`] chars on).
fn sentence_end(n: &str, e: usize) -> usize {
    let mut end = e;
    for (i, c) in n[e..].char_indices().take(SENTENCE_WINDOW) {
        if is_sentence_end(c) {
            return e + i;
        }
        end = e + i + c.len_utf8();
    }
    end
}

fn back_to(n: &str, s: usize, stop: fn(char) -> bool) -> usize {
    let mut start = s;
    for (i, c) in n[..s].char_indices().rev().take(SENTENCE_WINDOW) {
        if stop(c) {
            return i + c.len_utf8();
        }
        start = i;
    }
    start
}

/// A four-digit year 19xx/20xx followed by 年 (or the sentence states a 年度/月 period).
fn has_year(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(5).any(|w| {
        matches!(w[0], '1' | '2')
            && w[1..4].iter().all(char::is_ascii_digit)
            && w[4] == '年'
            && matches!((w[0], w[1]), ('1', '9') | ('2', '0'))
    })
}

fn absolute_reason(hit: &Hit, reason: Option<ExemptReason>, strict: bool) -> (String, String) {
    let t = &hit.term;
    match reason {
        None if strict => (
            format!(
                "三品一械等广告就功效使用绝对化用语“{t}”，不适用《广告绝对化用语执法指南》的豁免，违反{}",
                hit.provision
            ),
            format!(
                "absolute term \"{t}\" about efficacy in an ad for a drug, device, health or special-medical food: the guideline's exemptions do not apply; breaches {}",
                hit.provision
            ),
        ),
        None => (
            format!(
                "使用绝对化用语“{t}”，且不属于执法指南列举的豁免情形，违反{}",
                hit.provision
            ),
            format!(
                "absolute term \"{t}\" used outside every exemption of the SAMR guideline; breaches {}",
                hit.provision
            ),
        ),
        Some(ExemptReason::Trademark) => (
            format!("“{t}”为经营者注册商标或品牌名称的一部分（执法指南第4项）"),
            format!(
                "\"{t}\" is part of the merchant's registered trademark or brand (guideline item 4)"
            ),
        ),
        Some(ExemptReason::UsageTip) => (
            format!("“{t}”用于使用提示，如最佳使用时间、保存期限（执法指南第2项）"),
            format!(
                "\"{t}\" gives a usage tip such as the best time to use or keep (guideline item 2)"
            ),
        ),
        Some(ExemptReason::Specification) => (
            format!("“{t}”用于说明技术参数，不指向商品优劣比较"),
            format!("\"{t}\" states a technical parameter, not a comparison"),
        ),
        Some(ExemptReason::StandardGrade) => (
            format!("“{t}”为国家、行业或地方标准中的等级用语（执法指南第3项）"),
            format!(
                "\"{t}\" is a grade from a national, industry or local standard (guideline item 3)"
            ),
        ),
        Some(ExemptReason::SelfComparison) => (
            format!("“{t}”为同一品牌或经营者内部的自我比较（执法指南第1项），须如实"),
            format!(
                "\"{t}\" compares within the merchant's own brand or shop (guideline item 1); must be true"
            ),
        ),
        Some(ExemptReason::TimeOrOrder) => (
            format!(
                "“{t}”为时间或顺序表述，或注明时间、范围和出处的排名（执法指南第7项）；排名须核对证明材料"
            ),
            format!(
                "\"{t}\" states time or order, or a rank with its period and source (guideline item 7); check the proof of any rank"
            ),
        ),
        Some(ExemptReason::NonRanking) => (
            format!(
                "“{t}”是其他普通词语的一部分{}，不是绝对化用语",
                hit.word
                    .as_ref()
                    .map(|w| format!("（{w}）"))
                    .unwrap_or_default()
            ),
            format!(
                "\"{t}\" is part of an ordinary word{}, not an absolute term",
                hit.word
                    .as_ref()
                    .map(|w| format!(" ({w})"))
                    .unwrap_or_default()
            ),
        ),
        Some(ExemptReason::OfficialTitle) => (
            format!(
                "“{t}”属于依法获得的荣誉称号、奖项或认定名称（执法指南第6项），须核对获奖证明等材料"
            ),
            format!(
                "\"{t}\" is part of an officially conferred title, award or designation (guideline item 6); check the certificate"
            ),
        ),
        Some(ExemptReason::Philosophy) => (
            format!("“{t}”表达服务态度、经营理念或追求，不指向商品或服务本身（执法指南）"),
            format!(
                "\"{t}\" states a service attitude, philosophy or aspiration, not a claim about the goods (guideline)"
            ),
        ),
        Some(ExemptReason::Disclaimer) if hit.category == Category::AbsoluteTerm => (
            format!("“{t}”出现在否定中（如“不敢说最好”“不是第一”），广告没有作出绝对化宣称"),
            format!(
                "\"{t}\" is denied (\"we don't claim to be the best\", \"not number one\"): no absolute claim is made"
            ),
        ),
        Some(ExemptReason::Disclaimer) => (
            format!("“{t}”在否定或提醒中出现（如“不能治病”“不要停药”），没有宣称该功能"),
            format!(
                "\"{t}\" is denied or warned against in its clause (\"cannot treat\", \"do not stop\"), not claimed"
            ),
        ),
        Some(ExemptReason::ClassAllowed) => (
            format!("“{t}”对该商品类别不受此条限制"),
            format!("\"{t}\" is not restricted by this provision for this product class"),
        ),
    }
}

/// Judges the class-specific claims in `text` with the built-in lexicons: medical claims in
/// non-medical products (广告法 art. 17; art. 18(2) for health food), efficacy guarantees and cure
/// rates (arts. 16, 18(1)), special efficacy claimed by ordinary cosmetics and medical claims by any
/// cosmetic. Matches that do not concern `ctx.product_class` are left out.
pub fn judge_claims(text: &str, ctx: &JudgeContext<'_>) -> Vec<Judged> {
    judge_claims_with(Lexicon::builtin(), text, ctx)
}

/// [`judge_claims`] with the given lexicon.
///
/// Version 2026.10: a claim wrapped over lines ("治\n疗") is judged as well
/// ([`with_wrapped_words`]).
pub fn judge_claims_with(lex: &Lexicon, text: &str, ctx: &JudgeContext<'_>) -> Vec<Judged> {
    with_wrapped_words(text, |t| judge_claims_once(lex, t, ctx))
}

fn judge_claims_once(lex: &Lexicon, text: &str, ctx: &JudgeContext<'_>) -> Vec<Judged> {
    let class = ctx.product_class.unwrap_or("general");
    let medical = matches!(class, "drug" | "medical_device");
    let health = matches!(class, "health_food" | "special_medical_food");
    let cosmetic = matches!(class, "ordinary_cosmetic" | "special_cosmetic");
    let norm = normalize(text);
    let mut out = Vec::new();
    for (hit, range) in scan_normalized(lex, text, &norm) {
        if !hit.stands() {
            continue;
        }
        let t = hit.term.clone();
        // Version 2026.5: a medical term denied in its clause ("不能治病", "千万不要停药") is a
        // disclaimer or a warning, not a claim (广告法 第十七条 forbids claiming treatment).
        if matches!(
            hit.category,
            Category::MedicalClaim | Category::CosmeticMedicalClaim
        ) && disclaimed(lex, norm.as_str(), range.start)
        {
            let (reason_zh, reason_en) =
                absolute_reason(&hit, Some(ExemptReason::Disclaimer), false);
            out.push(Judged {
                provision: hit.provision.clone(),
                hit,
                verdict: Verdict::Exempt(ExemptReason::Disclaimer),
                reason_zh,
                reason_en,
            });
            continue;
        }
        let (verdict, provision, zh, en) = match hit.category {
            Category::MedicalClaim if health && approved_function(lex, &norm, range.start) => (
                Verdict::Exempt(ExemptReason::ClassAllowed),
                "广告法 第十八条".to_string(),
                format!(
                    "保健食品可以宣传经注册或备案的保健功能（“辅助{t}”一类表述），不是疾病治疗功能"
                ),
                format!(
                    "a health food may state its registered or filed health function (\"{t}\" after an assisting word), not a cure"
                ),
            ),
            Category::MedicalClaim if medical => (
                Verdict::Exempt(ExemptReason::ClassAllowed),
                hit.provision.clone(),
                format!("药品、医疗器械广告可以说明适应症“{t}”（另受第十六条约束）"),
                format!(
                    "a drug or device ad may state its indication \"{t}\" (art. 16 still applies)"
                ),
            ),
            Category::MedicalClaim if health => (
                Verdict::Violation,
                "广告法 第十八条第（二）项".to_string(),
                format!("保健食品广告涉及疾病预防、治疗功能（“{t}”）"),
                format!("health-food ad claims disease prevention or treatment (\"{t}\")"),
            ),
            Category::MedicalClaim => (
                Verdict::Violation,
                hit.provision.clone(),
                format!("非医疗、药品、医疗器械广告涉及疾病治疗功能或使用医疗用语（“{t}”）"),
                format!(
                    "an ad for something other than medical services, drugs or devices claims to treat disease or uses a medical term (\"{t}\")"
                ),
            ),
            Category::EfficacyGuarantee => {
                let provision = if health {
                    "广告法 第十八条第（一）项".to_string()
                } else if medical {
                    hit.provision.clone()
                } else {
                    "广告法 第十七条".to_string()
                };
                (
                    Verdict::Violation,
                    provision,
                    format!("对功效、安全性作断言或保证，或说明治愈率、有效率（“{t}”）"),
                    format!(
                        "asserts or guarantees efficacy or safety, or states a cure or effectiveness rate (\"{t}\")"
                    ),
                )
            }
            Category::CosmeticSpecialEfficacy if class == "ordinary_cosmetic" => (
                Verdict::Violation,
                hit.provision.clone(),
                format!("普通化妆品宣称特殊化妆品功效（“{t}”），须注册为特殊化妆品"),
                format!(
                    "an ordinary (filed) cosmetic claims a special-cosmetic efficacy (\"{t}\") that needs registration"
                ),
            ),
            Category::CosmeticSpecialEfficacy if class == "special_cosmetic" => (
                Verdict::Exempt(ExemptReason::ClassAllowed),
                hit.provision.clone(),
                format!("特殊化妆品可在注册范围内宣称“{t}”"),
                format!("a registered special cosmetic may claim \"{t}\" within its registration"),
            ),
            Category::CosmeticMedicalClaim if cosmetic => (
                Verdict::Violation,
                hit.provision.clone(),
                format!("化妆品明示或者暗示具有医疗作用（“{t}”）"),
                format!("a cosmetic states or implies a medical effect (\"{t}\")"),
            ),
            _ => continue,
        };
        out.push(Judged {
            hit,
            verdict,
            provision,
            reason_zh: zh,
            reason_en: en,
        });
    }
    let mut structural = disease_outcomes(lex, text, &norm);
    structural.extend(index_regulation(lex, text, &norm));
    structural.extend(medication_reduction(lex, text, &norm));
    structural.extend(drug_comparison(lex, text, &norm));
    structural.sort_by_key(|h| (h.0.start_byte, h.0.end_byte));
    for (hit, at) in structural {
        // Version 2026.7: denied structural claims are disclaimers too ("不能稳定血糖").
        if disclaimed(lex, norm.as_str(), at) || (health && approved_function(lex, &norm, at)) {
            continue;
        }
        if out
            .iter()
            .any(|j| j.hit.start_byte < hit.end_byte && hit.start_byte < j.hit.end_byte)
        {
            continue;
        }
        let t = hit.term.clone();
        let (verdict, provision, zh, en) = if medical {
            (
                Verdict::Exempt(ExemptReason::ClassAllowed),
                hit.provision.clone(),
                format!("药品、医疗器械广告可以说明适应症（“{t}”），另受第十六条约束"),
                format!(
                    "a drug or device ad may state its indication (\"{t}\"); art. 16 still applies"
                ),
            )
        } else if health {
            (
                Verdict::Violation,
                "广告法 第十八条第（二）项".to_string(),
                format!("保健食品广告称疾病会好转或痊愈（“{t}”），涉及疾病治疗功能"),
                format!("health-food ad says a disease will improve or be cured (\"{t}\")"),
            )
        } else {
            (
                Verdict::Violation,
                hit.provision.clone(),
                format!("非医疗、药品、医疗器械广告称疾病会好转或痊愈（“{t}”），涉及疾病治疗功能"),
                format!(
                    "an ad for something other than medical services, drugs or devices says a disease will improve or be cured (\"{t}\")"
                ),
            )
        };
        out.push(Judged {
            hit,
            verdict,
            provision,
            reason_zh: zh,
            reason_en: en,
        });
    }
    out.sort_by_key(|j| j.hit.start_byte);
    out
}

/// Chars between a disease and the outcome said of it ("近视度数降低", "糖尿病就好了").
const OUTCOME_GAP: usize = 4;

/// Claims that a named disease will improve or go away, by structure (version 2026.4): a
/// `disease` word followed within [`OUTCOME_GAP`] chars, in its clause, by a `cure_outcome`
/// ("糖尿病就好了", "近视度数降低"), or a `cure_verb` right before a disease ("根治鼻炎"). A claim
/// of disease treatment whatever the wording (广告法 第十七条; 第十八条第（二）项 for health food).
fn disease_outcomes(lex: &Lexicon, text: &str, norm: &Normalized) -> Vec<(Hit, usize)> {
    let n = norm.as_str();
    let mut out = Vec::new();
    for d in lex.cue("disease") {
        for (i, _) in n.match_indices(d.as_str()).take(32) {
            let de = i + d.len();
            let after = &n[de..];
            let clause = after
                .char_indices()
                .find(|(_, c)| is_clause_end(*c))
                .map_or(after.len(), |(b, _)| b);
            let found = lex
                .cue("cure_outcome")
                .iter()
                .filter_map(|o| after[..clause].find(o.as_str()).map(|at| (at, o)))
                .filter(|(at, _)| after[..*at].chars().count() <= OUTCOME_GAP)
                .min();
            let span = match found {
                Some((at, o)) => Some((i, de + at + o.len())),
                None => {
                    // Version 2026.7: a patient group between the verb and the disease ("治小儿咳嗽",
                    // "专治老人失眠").
                    let group = lex
                        .cue("patient_group")
                        .iter()
                        .find(|g| n[..i].ends_with(g.as_str()))
                        .map_or(0, |g| g.len());
                    lex.cue("cure_verb")
                        .iter()
                        .find(|v| n[..i - group].ends_with(v.as_str()))
                        .map(|v| (i - group - v.len(), de))
                }
            };
            if let Some((s, e)) = span
                && let Some(hit) = crate::scan::structural_hit(
                    text,
                    norm,
                    s..e,
                    crate::scan::StructuralTerm {
                        term: &n[s..e],
                        category: Category::MedicalClaim,
                        kind: TermKind::Plain,
                        provision: "广告法 第十七条",
                        lexicon: "ad_claims",
                        version: "2026.4",
                    },
                )
            {
                out.push((hit, s));
            }
        }
    }
    out.sort_by_key(|h| (h.0.start_byte, h.0.end_byte));
    out.dedup_by_key(|h| h.0.start_byte);
    out
}

/// A structural medical claim at bytes `s..e` of the normalised text (lexicon `ad_claims`,
/// 广告法 第十七条), with `s`.
fn medical_hit(text: &str, norm: &Normalized, s: usize, e: usize) -> Option<(Hit, usize)> {
    crate::scan::structural_hit(
        text,
        norm,
        s..e,
        crate::scan::StructuralTerm {
            term: &norm.as_str()[s..e],
            category: Category::MedicalClaim,
            kind: TermKind::Plain,
            provision: "广告法 第十七条",
            lexicon: "ad_claims",
            version: "2026.7",
        },
    )
    .map(|h| (h, s))
}

/// The end of the clause that starts at byte `from` of `n`.
fn clause_end_from(n: &str, from: usize) -> usize {
    n[from..]
        .char_indices()
        .find(|(_, c)| is_clause_end(*c))
        .map_or(n.len(), |(b, _)| from + b)
}

/// Chars between a physiological index and the regulation said of it ("血糖|一直很|稳").
const INDEX_AFTER_GAP: usize = 3;
/// Chars between a regulation verb and the index it governs ("稳定|餐后|血糖").
const INDEX_BEFORE_GAP: usize = 2;

/// Claims that the goods regulate a physiological index (version 2026.7): a `physio_index`
/// ("血糖", "血压", "尿酸") with an `index_regulator` ("稳定", "调节", "改善", "稳") within
/// [`INDEX_BEFORE_GAP`] chars before it or [`INDEX_AFTER_GAP`] chars after it in its clause
/// ("稳定血糖", "调节餐后血压", "血糖稳稳的"). For ordinary food such a claim is a disease-treatment
/// function (广告法 第十七条); a measuring device named after the index ("血糖仪", "血压计") is
/// not one.
fn index_regulation(lex: &Lexicon, text: &str, norm: &Normalized) -> Vec<(Hit, usize)> {
    let n = norm.as_str();
    let mut out = Vec::new();
    for idx in lex.cue("physio_index") {
        for (i, _) in n.match_indices(idx.as_str()).take(32) {
            let ie = i + idx.len();
            if lex
                .cue("index_device")
                .iter()
                .any(|d| n[ie..].starts_with(d.as_str()))
            {
                continue;
            }
            let cs = clause_start(n, i);
            let ce = clause_end_from(n, ie);
            let after = &n[ie..ce];
            let before = &n[cs..i];
            let found_after = lex
                .cue("index_regulator")
                .iter()
                .filter_map(|r| after.find(r.as_str()).map(|at| (at, r)))
                .filter(|(at, _)| after[..*at].chars().count() <= INDEX_AFTER_GAP)
                .min_by_key(|(at, r)| (*at, std::cmp::Reverse(r.len())))
                .map(|(at, r)| (i, ie + at + r.len()));
            let found_before = lex
                .cue("index_regulator")
                .iter()
                .filter_map(|r| before.rfind(r.as_str()).map(|at| (at, r)))
                .filter(|(at, r)| before[at + r.len()..].chars().count() <= INDEX_BEFORE_GAP)
                .max_by_key(|(at, r)| (*at, r.len()))
                .map(|(at, _)| (cs + at, ie));
            if let Some((s, e)) = found_before.or(found_after)
                && let Some(hit) = medical_hit(text, norm, s, e)
            {
                out.push(hit);
            }
        }
    }
    out
}

/// Chars between a medication and its reduction ("胰岛素|慢慢|减量").
const MEDICATION_GAP: usize = 4;

/// Claims that the goods let one reduce a medication (version 2026.7): a `medication`
/// ("胰岛素", "降压药") followed within [`MEDICATION_GAP`] chars in its clause by a
/// `medication_reduction` ("减量", "少打", "减半") — like "停药" (lexicon), a disease-treatment
/// claim (广告法 第十七条).
fn medication_reduction(lex: &Lexicon, text: &str, norm: &Normalized) -> Vec<(Hit, usize)> {
    let n = norm.as_str();
    let mut out = Vec::new();
    for m in lex.cue("medication") {
        for (i, _) in n.match_indices(m.as_str()).take(32) {
            let me = i + m.len();
            let after = &n[me..clause_end_from(n, me)];
            if let Some((at, r)) = lex
                .cue("medication_reduction")
                .iter()
                .filter_map(|r| after.find(r.as_str()).map(|at| (at, r)))
                .filter(|(at, _)| after[..*at].chars().count() <= MEDICATION_GAP)
                .min()
                && let Some(hit) = medical_hit(text, norm, i, me + at + r.len())
            {
                out.push(hit);
            }
        }
    }
    out
}

/// Chars between "比" and the medicine compared with ("比|止咳|糖浆").
const COMPARED_DRUG_GAP: usize = 4;
/// Chars between the medicine and the effect word ("糖浆|还|管用").
const COMPARED_EFFECT_GAP: usize = 3;

/// Comparisons with a medicine (version 2026.7): "比" followed within [`COMPARED_DRUG_GAP`] chars
/// by a `medicine_word` ("药", "糖浆", "输液") and within [`COMPARED_EFFECT_GAP`] chars after it by
/// an `effect_word` ("管用", "有效", "见效") in one clause ("比止咳糖浆还管用", "比吃药见效快"): words
/// that confuse the goods with medicines (广告法 第十七条).
fn drug_comparison(lex: &Lexicon, text: &str, norm: &Normalized) -> Vec<(Hit, usize)> {
    let n = norm.as_str();
    let mut out = Vec::new();
    for (i, _) in n.match_indices('比').take(32) {
        let after = &n[i + '比'.len_utf8()..clause_end_from(n, i)];
        let Some((at, d)) = lex
            .cue("medicine_word")
            .iter()
            .filter_map(|d| after.find(d.as_str()).map(|at| (at, d)))
            .filter(|(at, _)| {
                !lex.cue("medicine_not")
                    .iter()
                    .any(|x| after[*at..].starts_with(x.as_str()))
            })
            .filter(|(at, _)| after[..*at].chars().count() <= COMPARED_DRUG_GAP)
            .min()
        else {
            continue;
        };
        let rest = &after[at + d.len()..];
        if let Some((k, w)) = lex
            .cue("effect_word")
            .iter()
            .filter_map(|w| rest.find(w.as_str()).map(|k| (k, w)))
            .filter(|(k, _)| rest[..*k].chars().count() <= COMPARED_EFFECT_GAP)
            .min()
        {
            let e = i + '比'.len_utf8() + at + d.len() + k + w.len();
            if let Some(hit) = medical_hit(text, norm, i, e) {
                out.push(hit);
            }
        }
    }
    out
}

/// A statement the ad must carry for its product class but does not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// The statement.
    pub statement: String,
    /// The provision requiring it.
    pub provision: String,
    /// Reason, Chinese.
    pub reason_zh: String,
    /// Reason, English.
    pub reason_en: String,
}

/// The required statements (e.g. "本品不能代替药物" for health food) missing from `text`, for
/// `ctx.product_class`, with the built-in lexicons. Disguised spacing does not count against the
/// text: the statement is looked for in normalised form.
pub fn missing_statements(text: &str, ctx: &JudgeContext<'_>) -> Vec<Missing> {
    missing_statements_with(Lexicon::builtin(), text, ctx)
}

/// [`missing_statements`] with the given lexicon.
pub fn missing_statements_with(lex: &Lexicon, text: &str, ctx: &JudgeContext<'_>) -> Vec<Missing> {
    let Some(class) = ctx.product_class else {
        return Vec::new();
    };
    // Version 2026.9: whitespace, line breaks included, is dropped on both sides — a statement
    // an OCR of a detail image wraps over lines ("本品不能\n代替药物") or spaces out ("本品 不能
    // 代替 药物") is still on the image; sentence punctuation between its words still breaks it.
    let squeeze = |s: &str| -> String {
        normalize(s)
            .as_str()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let text = squeeze(text);
    lex.required()
        .iter()
        .filter(|r| r.product_classes.iter().any(|c| c == class))
        .filter(|r| !text.contains(squeeze(&r.statement).as_str()))
        .map(|r| Missing {
            statement: r.statement.clone(),
            provision: r.provision.clone(),
            reason_zh: format!("未显著标明“{}”（{}）", r.statement, r.provision),
            reason_en: format!("does not state \"{}\" ({})", r.statement, r.provision),
        })
        .collect()
}
