//! Matching: lexicon terms found in normalised text, reported as spans of the original with the
//! sentence and a context window; exemption patterns and word boundaries (jieba) decide which
//! matches stand.

use std::ops::Range;
use std::sync::LazyLock;

use jieba_rs::Jieba;

use crate::lexicon::{Category, ExemptKind, Lexicon, Severity, TermKind};
use crate::normalize::{Normalized, normalize};

/// Chars of original text quoted either side of a match in [`Hit::context`].
pub const CONTEXT_CHARS: usize = 20;
/// At most this many chars of a sentence are quoted either side of a match in [`Hit::sentence`].
pub const SENTENCE_MAX_CHARS: usize = 120;
/// Chars of normalised text either side of a match that are segmented to judge word boundaries.
const SEGMENT_WINDOW: usize = 12;
/// Only matches of at most this many chars are judged by the words they run into: a longer term
/// is specific enough, and the segmenter cuts compounds such as "年销量|第一" oddly.
const STRADDLE_MAX_CHARS: usize = 2;

static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// One match of a lexicon term in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The term matched (canonical spelling, even when a variant or a disguised form matched).
    pub term: String,
    /// Its category.
    pub category: Category,
    /// Its kind within the category.
    pub kind: TermKind,
    /// The provision it enforces.
    pub provision: String,
    /// Severity hint.
    pub severity: Severity,
    /// Lexicon file and entry version, for the finding's evidence.
    pub lexicon: String,
    /// Version of the entry.
    pub version: String,
    /// Span in the original text, in chars (Unicode scalar values), end exclusive.
    pub start_char: usize,
    /// End char, exclusive.
    pub end_char: usize,
    /// Span in the original text, in bytes.
    pub start_byte: usize,
    /// End byte, exclusive.
    pub end_byte: usize,
    /// The original text of the span (`&text[start_byte..end_byte]`), disguise and all.
    pub matched_original: String,
    /// The original sentence containing the match (at most [`SENTENCE_MAX_CHARS`] either side).
    pub sentence: String,
    /// [`CONTEXT_CHARS`] chars of original text either side of the match, and the match.
    pub context: String,
    /// The larger word (by jieba segmentation of the normalised text) that the match sits strictly
    /// inside, if any — e.g. "唯一性" for a match of "唯一".
    pub word: Option<String>,
    /// The exemption pattern of the lexicon that covers the match, if any, and its kind.
    pub exemption: Option<(String, ExemptKind)>,
}

impl Hit {
    /// Whether the match is a term in its own right: not covered by an exemption pattern and not
    /// part of a larger word.
    pub fn stands(&self) -> bool {
        self.exemption.is_none() && self.word.is_none()
    }
}

/// The matches of `lex` in `text` that stand ([`Hit::stands`]), in text order.
pub fn scan(lex: &Lexicon, text: &str) -> Vec<Hit> {
    let mut hits = scan_all(lex, text);
    hits.retain(Hit::stands);
    hits
}

/// Every match of `lex` in `text`, in text order, including those an exemption pattern covers or
/// that sit inside a larger word (see [`Hit::exemption`] and [`Hit::word`]).
pub fn scan_all(lex: &Lexicon, text: &str) -> Vec<Hit> {
    let norm = normalize(text);
    scan_normalized(lex, text, &norm)
        .into_iter()
        .map(|(hit, _)| hit)
        .collect()
}

/// Matches over an already normalised text, each with its byte range in the normalised text.
pub(crate) fn scan_normalized(
    lex: &Lexicon,
    text: &str,
    norm: &Normalized,
) -> Vec<(Hit, Range<usize>)> {
    let n = norm.as_str();
    let mut exempt: Vec<(usize, usize, usize)> = lex
        .exempt_matcher
        .find_overlapping_iter(n)
        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
        .collect();
    exempt.sort_unstable();
    let mut hits = Vec::new();
    for m in lex.matcher.find_iter(n) {
        let (s, e) = (m.start(), m.end());
        if !ascii_boundaries_ok(n, s, e) {
            continue;
        }
        let Some(entry) = lex
            .pattern_entry
            .get(m.pattern().as_usize())
            .and_then(|&i| lex.entries().get(i))
        else {
            continue;
        };
        let Some(span) = norm.original_span(s, e) else {
            continue;
        };
        let exemption = covering_exemption(&exempt, lex.exempt_max_len, s, e)
            .and_then(|i| lex.exemptions().get(i).map(|x| (x.pattern.clone(), x.kind)));
        // Latin and digit terms are bounded by `ascii_boundaries_ok`; the segmenter would only
        // glue them to neighbouring letters and digits ("spf50").
        let word = if exemption.is_none() && !n[s..e].is_ascii() {
            containing_word(lex, norm, s, e)
        } else {
            None
        };
        let hit = Hit {
            term: entry.term.clone(),
            category: entry.category,
            kind: entry.kind,
            provision: entry.provision.clone(),
            severity: entry.severity,
            lexicon: entry.lexicon.clone(),
            version: entry.version.clone(),
            start_char: span.start_char,
            end_char: span.end_char,
            start_byte: span.start_byte,
            end_byte: span.end_byte,
            matched_original: text
                .get(span.start_byte..span.end_byte)
                .unwrap_or_default()
                .to_string(),
            sentence: sentence_around(text, span.start_byte, span.end_byte),
            context: window(text, span.start_byte, span.end_byte, CONTEXT_CHARS),
            word,
            exemption,
        };
        hits.push((hit, s..e));
    }
    hits
}

/// What a structural match (a pattern of the judge, not a lexicon entry) reports as its term.
pub(crate) struct StructuralTerm<'a> {
    pub term: &'a str,
    pub category: Category,
    pub kind: TermKind,
    pub provision: &'a str,
    pub lexicon: &'a str,
    pub version: &'a str,
}

/// A [`Hit`] for a structural match over `range` of the normalised text: span, sentence and
/// context in the original text, like a lexicon match.
pub(crate) fn structural_hit(
    text: &str,
    norm: &Normalized,
    range: Range<usize>,
    t: StructuralTerm<'_>,
) -> Option<Hit> {
    let span = norm.original_span(range.start, range.end)?;
    Some(Hit {
        term: t.term.to_string(),
        category: t.category,
        kind: t.kind,
        provision: t.provision.to_string(),
        severity: Severity::High,
        lexicon: t.lexicon.to_string(),
        version: t.version.to_string(),
        start_char: span.start_char,
        end_char: span.end_char,
        start_byte: span.start_byte,
        end_byte: span.end_byte,
        matched_original: text
            .get(span.start_byte..span.end_byte)
            .unwrap_or_default()
            .to_string(),
        sentence: sentence_around(text, span.start_byte, span.end_byte),
        context: window(text, span.start_byte, span.end_byte, CONTEXT_CHARS),
        word: None,
        exemption: None,
    })
}

/// A term that begins or ends with an ASCII letter or digit must not continue a latin word or
/// number ("a货" is not in "panda货", "1:1" not in "11:1", "top1" not in "top10").
fn ascii_boundaries_ok(n: &str, s: usize, e: usize) -> bool {
    let first = n[s..e].chars().next();
    let last = n[s..e].chars().next_back();
    let before = n[..s].chars().next_back();
    let after = n[e..].chars().next();
    // A letter next to a letter, or a digit next to a digit, continues the word ("spf50" is fine).
    let clash = |inner: Option<char>, outer: Option<char>| match (inner, outer) {
        (Some(a), Some(b)) => {
            (a.is_ascii_alphabetic() && b.is_ascii_alphabetic())
                || (a.is_ascii_digit() && b.is_ascii_digit())
        }
        _ => false,
    };
    !(clash(first, before) || clash(last, after))
}

/// Index of an exemption pattern whose occurrence covers `s..e` (sorted by start).
fn covering_exemption(
    exempt: &[(usize, usize, usize)],
    max_len: usize,
    s: usize,
    e: usize,
) -> Option<usize> {
    let from = exempt.partition_point(|x| x.0 < s.saturating_sub(max_len));
    exempt
        .get(from..)?
        .iter()
        .take_while(|x| x.0 <= s)
        .find(|x| x.1 >= e)
        .map(|x| x.2)
}

/// The word (by jieba, over a window of normalised text) that shows the match is not a term in
/// its own right, if any:
///
/// - a word that strictly contains the match and goes on past its end ("唯一性" for "唯一"),
///   unless that word is itself a term of the lexicon. A word that *ends* with the term ("天下第一",
///   "获得最佳", "呼声最高") is a ranking statement, not an ordinary word, so it does not count;
///   ranking words that go on past the term ("最新款", "至尊版") are terms of the lexicon;
/// - for a match of at most [`STRADDLE_MAX_CHARS`] chars, a word the match runs into: the
///   match ends inside a word that starts inside the match
///   ("友|商业广场" for "友商"), or starts inside a word that ends inside the match.
fn containing_word(lex: &Lexicon, norm: &Normalized, s: usize, e: usize) -> Option<String> {
    let n = norm.as_str();
    let (cs, ce) = (norm.char_at_byte(s), norm.char_at_byte(e));
    let ws = norm.byte_of_char(cs.saturating_sub(SEGMENT_WINDOW));
    let we = norm.byte_of_char(ce.saturating_add(SEGMENT_WINDOW).min(norm.char_len()));
    let win = n.get(ws..we)?;
    let (rs, re) = (s - ws, e - ws);
    let tokens = JIEBA.cut(win, false);
    let inside = tokens
        .iter()
        .find(|t| t.byte_start <= rs && t.byte_end > re)
        .map(|t| t.word.to_string())
        .filter(|w| !is_whole_term(lex, w));
    if inside.is_some() || norm.char_at_byte(e) - norm.char_at_byte(s) > STRADDLE_MAX_CHARS {
        return inside;
    }
    // Ends inside a word that starts inside the match, or starts inside a word that ends inside it.
    let tail = tokens
        .iter()
        .find(|t| rs < t.byte_start && t.byte_start < re && re < t.byte_end);
    let head = tokens
        .iter()
        .find(|t| t.byte_start < rs && rs < t.byte_end && t.byte_end < re);
    match (head, tail) {
        (None, None) => None,
        (h, t) => {
            let from = h.map_or(rs, |h| h.byte_start);
            let to = t.map_or(re, |t| t.byte_end);
            win.get(from..to).map(str::to_string)
        }
    }
}

fn is_whole_term(lex: &Lexicon, w: &str) -> bool {
    lex.matcher
        .find(w)
        .is_some_and(|m| m.start() == 0 && m.end() == w.len())
}

/// Chars that end a sentence (or a line) for quoting.
fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '；' | ';' | '\n' | '\r' | '…'
    )
}

/// The original sentence containing `start..end`, trimmed, at most [`SENTENCE_MAX_CHARS`] chars
/// either side of the match.
pub fn sentence_around(text: &str, start: usize, end: usize) -> String {
    let before = text.get(..start).unwrap_or_default();
    let mut s = start;
    for (count, (i, c)) in before.char_indices().rev().enumerate() {
        if is_sentence_end(c) || count >= SENTENCE_MAX_CHARS {
            break;
        }
        s = i;
    }
    let after = text.get(end..).unwrap_or_default();
    let mut e = end;
    for (count, (i, c)) in after.char_indices().enumerate() {
        if count >= SENTENCE_MAX_CHARS {
            break;
        }
        e = end + i + c.len_utf8();
        if is_sentence_end(c) {
            break;
        }
    }
    text.get(s..e).unwrap_or_default().trim().to_string()
}

/// `chars` chars of `text` either side of `start..end`, and the span itself.
pub fn window(text: &str, start: usize, end: usize, chars: usize) -> String {
    let s = text
        .get(..start)
        .unwrap_or_default()
        .char_indices()
        .rev()
        .take(chars)
        .last()
        .map_or(start, |(i, _)| i);
    let e = text
        .get(end..)
        .unwrap_or_default()
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| end + i);
    text.get(s..e).unwrap_or_default().to_string()
}

/// Splits `text` into sentences (byte ranges of the original, terminator included, whitespace
/// trimmed, empty ones skipped).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |a: usize, b: usize| {
        let piece = &text[a..b];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if a + lead < b - trail {
            out.push(a + lead..b - trail);
        }
    };
    for (i, c) in text.char_indices() {
        if is_sentence_end(c) {
            push(start, i + c.len_utf8());
            start = i + c.len_utf8();
        }
    }
    push(start, text.len());
    out
}

/// Jieba segmentation of `text` (dictionary only, no HMM): the words as byte ranges of `text`.
pub fn segment(text: &str) -> Vec<Range<usize>> {
    JIEBA
        .cut(text, false)
        .into_iter()
        .map(|t| t.byte_start..t.byte_end)
        .collect()
}

/// Jieba part-of-speech tagging of `text` (dictionary only, no HMM): each word as (byte range of
/// `text`, tag, word), in order. Used to tell a place name (`ns`) after "全" (market-wide scope).
pub(crate) fn tag_words(text: &str) -> Vec<(Range<usize>, &'static str, &str)> {
    let mut at = 0;
    JIEBA
        .tag(text, false)
        .into_iter()
        .map(|t| {
            let range = at..at + t.word.len();
            at = range.end;
            let tag: &'static str = match t.tag {
                tag if tag.starts_with("ns") => "ns",
                _ => "",
            };
            (range, tag, t.word)
        })
        .filter(|(range, _, _)| text.get(range.clone()).is_some())
        .map(|(range, tag, _)| {
            let word = &text[range.clone()];
            (range, tag, word)
        })
        .collect()
}

/// Whether `name` (a few hanzi) reads as a coined trade name rather than common words: jieba's
/// dictionary (no HMM) holds no word of two or more of its chars — it is cut into single chars —
/// and every char is tagged as a noun or noun morpheme (`n…`, `g`). "康途" (康/nr 途/n) and "禾溪"
/// are coined; "便宜" (a), "杂牌" and "日本" (one word each), "网红" (网/n 红/a), "刚买" (d, v) and
/// "外贸货" (外贸 + 货) are not. Conservative: a coined name with a char tagged otherwise ("安盾":
/// v, q) is not recognised; a generic word jieba happens to cut into noun chars ("微商") is, and
/// the caller keeps a list of those (version 2026.16, for the disparagement detector's
/// goods-owner structure).
pub fn coined_name(name: &str) -> bool {
    if name.is_empty() || !name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        return false;
    }
    let tags = JIEBA.tag(name, false);
    tags.len() >= 2
        && tags
            .iter()
            .all(|t| t.word.chars().count() == 1 && (t.tag.starts_with('n') || t.tag == "g"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicon {
        Lexicon::builtin()
    }

    fn terms(text: &str) -> Vec<String> {
        scan(lex(), text).into_iter().map(|h| h.term).collect()
    }

    #[test]
    fn disguised_terms_map_back_to_the_original_span() {
        let text = "爆款！本品是zui 佳选择，全网第①，品质國家級。";
        let hits = scan(lex(), text);
        let got: Vec<(&str, &str)> = hits
            .iter()
            .map(|h| (h.term.as_str(), h.matched_original.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("最佳", "zui 佳"),
                ("全网第一", "全网第①"),
                ("国家级", "國家級")
            ]
        );
        for h in &hits {
            assert_eq!(&text[h.start_byte..h.end_byte], h.matched_original);
            let by_char: String = text
                .chars()
                .skip(h.start_char)
                .take(h.end_char - h.start_char)
                .collect();
            assert_eq!(by_char, h.matched_original);
        }
        assert_eq!(hits[0].sentence, "本品是zui 佳选择，全网第①，品质國家級。");
        assert_eq!((hits[0].start_char, hits[0].end_char), (6, 11));
    }

    #[test]
    fn zero_width_and_emoji_inside_a_term() {
        let text = "最\u{200b}佳 口感，顶🔥级享受";
        let hits = scan(lex(), text);
        assert_eq!(hits.len(), 2, "{hits:?}");
        assert_eq!(hits[0].matched_original, "最\u{200b}佳");
        assert_eq!(hits[1].matched_original, "顶🔥级");
        assert_eq!((hits[1].start_char, hits[1].end_char), (7, 10));
    }

    #[test]
    fn terms_inside_larger_words_do_not_stand() {
        // "唯一性" is an ordinary word; "唯一" alone is a claim.
        assert!(terms("保证数据的唯一性").is_empty());
        assert_eq!(terms("本市唯一的正宗老店"), ["唯一"]);
        let all = scan_all(lex(), "保证数据的唯一性");
        assert_eq!(all.len(), 1);
        assert!(all[0].exemption.is_some() || all[0].word.is_some());
    }

    #[test]
    fn a_match_straddling_two_words_does_not_stand() {
        assert!(terms("南门家友商业广场5号楼").is_empty());
        assert_eq!(terms("友商的产品都是假货"), ["友商", "假货"]);
    }

    #[test]
    fn latin_terms_respect_word_boundaries() {
        assert_eq!(terms("专柜正品，非A货"), ["a货"]);
        assert!(terms("熊猫panda货架").is_empty());
        assert_eq!(terms("1:1复刻"), ["1:1", "复刻"]);
        assert!(terms("11:15 发货").is_empty());
    }

    #[test]
    fn counterfeit_exemptions_cover_innocent_words() {
        assert!(terms("高仿真绿植摆件").is_empty());
        assert!(terms("请填写原单位名称").is_empty());
        assert_eq!(terms("高仿包包"), ["高仿"]);
    }

    #[test]
    fn context_and_sentence_are_bounded_and_on_char_boundaries() {
        let long = "甲".repeat(500);
        let text = format!("{long}最佳{long}");
        let hits = scan(lex(), &text);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].context.chars().count(), 2 * CONTEXT_CHARS + 2);
        assert!(hits[0].sentence.chars().count() <= 2 * SENTENCE_MAX_CHARS + 2);
    }

    #[test]
    fn a_custom_lexicon_scans_with_its_own_exemptions() {
        let text = "lexicon = \"mine\"\nversion = \"1\"\neffective = \"2026-01-01\"\n[defaults]\ncategory = \"counterfeit\"\nprovision = \"商标法 第五十七条\"\nseverity = \"high\"\n[[term]]\nterm = \"水货\"\n[[exempt]]\npattern = \"水货运输\"\nkind = \"not_a_term\"\n";
        let lex = Lexicon::from_str("mine.toml", text).unwrap();
        let hits = scan(&lex, "港版水 货，非水货运输");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].matched_original, "水 货");
        assert_eq!(hits[0].lexicon, "mine.toml");
        assert_eq!(scan_all(&lex, "港版水 货，非水货运输").len(), 2);
    }

    #[test]
    fn sentences_split_on_terminators() {
        let text = " 第一句。第二句！\n第三句";
        let parts: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(parts, ["第一句。", "第二句！", "第三句"]);
    }

    #[test]
    fn segmentation_returns_ranges_covering_the_text() {
        let text = "这是唯一性检查";
        let words: Vec<&str> = segment(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(words.concat(), text);
        assert!(words.contains(&"唯一性"), "{words:?}");
    }
}
