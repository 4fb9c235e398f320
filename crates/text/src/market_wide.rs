//! Absolute claims over a whole market by structure (广告法 第九条第（三）项 with the SAMR 2023
//! 《广告绝对化用语执法指南》): superlatives and comparisons that no lexicon term spells.
//!
//! Two forms, both claiming that nothing in a market beats the advertiser, without the time,
//! scope and basis the guideline asks of a ranking (item 7):
//!
//! - **a whole-market scope, then "最"** in the same clause, a few chars apart: "全杭州收费最低",
//!   "全市服务最专业", "全网口碑最好". The scope is "全" before a place name (jieba tags it `ns`:
//!   杭州, 浙江, 西湖区) or a `scope_whole` word (全网, 全国, 全城…). A "最" of time or order
//!   ("最后", "最初", "最近") is not a superlative.
//! - **nothing better than us**: an `absence` word ("没有", "找不到", "再也没有") shortly before "比",
//!   a `self_compared` word ("我们", "这款") right after it and a `comparative` ("更", "还") after
//!   that: "找不到比我们更便宜的", "没有哪家比我家还低". An aphorism ("没有比健康更重要的") does not
//!   compare the advertiser and is not a claim.
//!
//! Each match is reported as a [`Hit`] of category `absolute_term` like a lexicon match; the judge
//! exempts it only for the advertiser's mark or a ranking stated with its year and source.

use std::ops::Range;

use crate::lexicon::{Category, Lexicon, TermKind};
use crate::normalize::Normalized;
use crate::scan::{Hit, StructuralTerm, structural_hit, tag_words};

/// Chars allowed between the scope and "最" ("全杭州|收费|最低").
const SCOPE_GAP: usize = 6;
/// Chars allowed between the absence word and "比" ("找不到|哪家|比", "没有|任何一家能|比";
/// six since 2026.6).
const ABSENCE_GAP: usize = 6;
/// Chars allowed between "比" and the comparative ("比|我们家|更").
const COMPARED_GAP: usize = 5;
/// At most this many matches are reported for one text.
const MAX_CLAUSES: usize = 4096;
/// "最" followed by these is time or order, not a superlative.
/// At most this many chars of the adjective after "最" or "更" are quoted in the term.
const ADJECTIVE_CHARS: usize = 2;
/// Particles that end the adjective.
const PARTICLES: &[char] = &['的', '了', '之', '啊', '呢', '吧', '地', '得'];
pub(crate) const TIME_OR_ORDER: &[char] = &['后', '初', '终', '近', '末'];

/// The version of these structures (lexicon files' versioning).
const VERSION: &str = "2026.5";
const PROVISION: &str = "广告法 第九条第（三）项";

/// Market-wide superlatives and "nothing better than us" comparisons in `text` (normalised as
/// `norm`), as hits of the original text with their byte range in the normalised one.
pub(crate) fn market_wide_claims(
    lex: &Lexicon,
    text: &str,
    norm: &Normalized,
) -> Vec<(Hit, Range<usize>)> {
    let n = norm.as_str();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, c) in n.char_indices().chain(std::iter::once((n.len(), '。'))) {
        if !is_clause_end(c) {
            continue;
        }
        if spans.len() >= MAX_CLAUSES {
            break;
        }
        let clause = &n[start..i];
        if !clause.is_empty() {
            if let Some((s, e)) = scoped_superlative(lex, clause) {
                spans.push((start + s, start + e));
            }
            if let Some((s, e)) = nothing_better(lex, clause) {
                spans.push((start + s, start + e));
            }
        }
        start = i + c.len_utf8();
    }
    spans
        .into_iter()
        .filter_map(|(s, e)| {
            structural_hit(
                text,
                norm,
                s..e,
                StructuralTerm {
                    term: &n[s..e],
                    category: Category::AbsoluteTerm,
                    kind: TermKind::Superlative,
                    provision: PROVISION,
                    lexicon: "absolute_terms",
                    version: VERSION,
                },
            )
            .map(|hit| (hit, s..e))
        })
        .collect()
}

fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        ',' | '，' | '、' | '。' | '!' | '！' | '?' | '？' | ';' | '；' | ':' | '：' | '\n'
    )
}

/// Byte offset `chars` chars into `s` (or its end).
fn after_chars(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(b, _)| b)
}

/// "全" + a place or a `scope_whole` word, then within [`SCOPE_GAP`] chars "最" and one char that is
/// not time or order: the span from the scope to that char.
fn scoped_superlative(lex: &Lexicon, clause: &str) -> Option<(usize, usize)> {
    if !clause.contains('最') || !clause.contains('全') {
        return None;
    }
    let scope_end = scope_words(lex, clause)?;
    let (s, scope_end) = scope_end;
    let rest = &clause[scope_end..];
    let reach = &rest[..after_chars(rest, SCOPE_GAP + 1)];
    let at = reach.find('最')?;
    let from = scope_end + at + '最'.len_utf8();
    let next = clause[from..].chars().next()?;
    if TIME_OR_ORDER.contains(&next) || !is_hanzi(next) {
        return None;
    }
    // An official measure ("全市最低工资标准", "全市最高气温"), not a ranking (version 2026.6).
    let zui = scope_end + at;
    if lex
        .cue("official_measure")
        .iter()
        .any(|w| clause[zui..].starts_with(w.as_str()))
    {
        return None;
    }
    Some((s, from + adjective_len(&clause[from..])))
}

/// Bytes of the adjective at the start of `s`: up to [`ADJECTIVE_CHARS`] hanzi, stopping before a
/// particle ("最低的" → "低", "更便宜的" → "便宜").
fn adjective_len(s: &str) -> usize {
    s.chars()
        .take(ADJECTIVE_CHARS)
        .take_while(|&c| is_hanzi(c) && !PARTICLES.contains(&c))
        .map(char::len_utf8)
        .sum()
}

/// The first whole-market scope in the clause: (start, end) bytes. A `scope_whole` word, or "全"
/// as its own word followed by a word jieba tags as a place name (`ns`).
pub(crate) fn scope_words(lex: &Lexicon, clause: &str) -> Option<(usize, usize)> {
    let listed = lex
        .cue("scope_whole")
        .iter()
        .filter_map(|w| clause.find(w.as_str()).map(|at| (at, at + w.len())))
        .min();
    let tagged = tag_words(clause);
    let mut place = None;
    for pair in tagged.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.2 == "全" && b.1.starts_with("ns") {
            place = Some((a.0.start, b.0.end));
            break;
        }
        // jieba may keep "全" with the place ("全杭州" is not in its dictionary, but be safe).
        if a.2.starts_with('全') && a.1.starts_with("ns") && a.2.chars().count() > 2 {
            place = Some((a.0.start, a.0.end));
            break;
        }
    }
    match (listed, place) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// An `absence` word, within [`ABSENCE_GAP`] chars "比", right after it (within [`COMPARED_GAP`]
/// chars) a `self_compared` word and then a `comparative` with one more char: the span from the
/// absence word to that char.
fn nothing_better(lex: &Lexicon, clause: &str) -> Option<(usize, usize)> {
    if !clause.contains('比') {
        return None;
    }
    for (b, _) in clause.match_indices('比').take(16) {
        let before = &clause[..b];
        let Some(a) = lex
            .cue("absence")
            .iter()
            .filter_map(|w| before.rfind(w.as_str()).map(|at| (at, at + w.len())))
            .filter(|&(_, end)| before[end..].chars().count() <= ABSENCE_GAP)
            .min()
        else {
            continue;
        };
        let after = &clause[b + '比'.len_utf8()..];
        let reach = &after[..after_chars(after, COMPARED_GAP + 1)];
        let Some(self_at) = lex
            .cue("self_compared")
            .iter()
            .filter_map(|w| reach.find(w.as_str()).map(|at| (at, at + w.len())))
            .min()
        else {
            continue;
        };
        let tail = &reach[self_at.1..];
        let Some((c_at, c)) = lex
            .cue("comparative")
            .iter()
            .filter_map(|w| tail.find(w.as_str()).map(|at| (at, w)))
            .min()
        else {
            // Version 2026.6: without "更/还", an adjective right after the self-reference that
            // ends the phrase ("找不到第二家比我们便宜的").
            let from = b + '比'.len_utf8() + self_at.1;
            let adj = adjective_len(&clause[from..]);
            let rest = &clause[from + adj..];
            if adj > 0 && (rest.is_empty() || rest.starts_with('的')) {
                return Some((a.0, from + adj));
            }
            continue;
        };
        let adj_from = b + '比'.len_utf8() + self_at.1 + c_at + c.len();
        let adj = adjective_len(&clause[adj_from..]);
        if adj == 0 {
            continue;
        }
        return Some((a.0, adj_from + adj));
    }
    None
}

fn is_hanzi(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}
