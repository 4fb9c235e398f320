//! Review standards as data: the 公平竞争审查条例's articles 8–11, each item with the clause
//! patterns that point at it, and the article 12 exception's conditions.
//!
//! The data is `standards/fair_competition_review.toml` (compiled in, validated on first use; an
//! unknown field, an unknown `@list`, an empty word or group names the file, line and the
//! article/item/pattern). A **pattern** is a conjunction of word groups read in one sentence of
//! the normalised text ([`crate::normalize()`]): every group must have a word in the sentence
//! (`ordered`: in order, `max_gap`: at most that many chars between consecutive groups), no
//! `unless` word may be in the sentence and no `unless_between` word between consecutive groups.
//! A sentence that is itself a prohibition or a promise of equal treatment (`[negation]`,
//! "不得以注册地设置限制") has no pattern.
//!
//! The article 12 exception is recognised only when all three conditions are written: a ground
//! ([`ReviewStandards::grounds_in`]), a statement that no less restrictive alternative exists
//! ([`ReviewStandards::states_no_alternative`]: an alternative word with an absence word in the
//! same sentence — "经评估，没有对公平竞争影响更小的替代方案"), and a term or end condition
//! ([`ReviewStandards::states_term`]: a term word followed within [`TERM_REACH`] chars by a number
//! and a time unit — "实施期限至2027年3月31日", "期限为两年" — or an end condition, "自应急响应解除之日
//! 起自动终止").
//!
//! Matching is linear in the sentence times the number of words: an ordered pattern without a gap
//! tries the first occurrence of its first group, one with a gap at most [`MAX_STARTS`]
//! occurrences, each searching a window of `max_gap` plus a few chars; any `&str` gives a result.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::normalize;
use crate::scan::sentences;

/// The built-in standards file.
pub const BUILTIN_STANDARDS: (&str, &str) = (
    "fair_competition_review.toml",
    include_str!("../standards/fair_competition_review.toml"),
);

/// Chars after a term word within which a number and a time unit make a stated term.
pub const TERM_REACH: usize = 12;

/// Occurrences of a pattern's first group tried per sentence (ordered patterns with a gap).
pub const MAX_STARTS: usize = 256;

/// Chars past `max_gap` searched for the next group's word (longer than any word).
const WINDOW_SLACK: usize = 24;

/// A problem in a standards file; names the file and line, and the place when it is a value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StandardsError {
    /// Not valid TOML, or a field missing, mistyped or unknown.
    #[error("{file}:{line}: {message}")]
    Syntax {
        /// File name.
        file: String,
        /// 1-based line.
        line: usize,
        /// What the parser said.
        message: String,
    },
    /// A value that breaks a rule of the format.
    #[error("{file}: {place}: {message}")]
    Invalid {
        /// File name.
        file: String,
        /// Article, item and pattern (or list) concerned.
        place: String,
        /// What is wrong.
        message: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    standard: String,
    source: String,
    version: String,
    effective: String,
    lists: BTreeMap<String, Vec<String>>,
    negation: RawNegation,
    article: Vec<RawArticle>,
    exception: RawException,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNegation {
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArticle {
    no: String,
    title: String,
    item: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    no: String,
    summary: String,
    #[serde(default)]
    pattern: Vec<RawPattern>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPattern {
    name: String,
    all: Vec<Vec<String>>,
    #[serde(default)]
    ordered: bool,
    max_gap: Option<usize>,
    #[serde(default)]
    unless: Vec<String>,
    #[serde(default)]
    unless_between: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawException {
    article: String,
    grounds: Vec<String>,
    alternative: Vec<String>,
    absence: Vec<String>,
    term_words: Vec<String>,
    end_conditions: Vec<String>,
}

/// The review standards of one regulation.
#[derive(Debug, Clone)]
pub struct ReviewStandards {
    /// The regulation ("公平竞争审查条例").
    pub standard: String,
    /// Where the articles and items were taken from.
    pub source: String,
    /// Data version.
    pub version: String,
    /// First day the standards apply.
    pub effective: String,
    /// Articles in file order.
    pub articles: Vec<Article>,
    /// The exception article's conditions.
    pub exception: Exception,
    negation: Vec<String>,
}

/// One article of review standards.
#[derive(Debug, Clone)]
pub struct Article {
    /// "第八条".
    pub no: String,
    /// "市场准入和退出".
    pub title: String,
    /// Its items.
    pub items: Vec<Item>,
}

/// One item of an article.
#[derive(Debug, Clone)]
pub struct Item {
    /// "（三）".
    pub no: String,
    /// What the item forbids, in brief.
    pub summary: String,
    /// The clause patterns that point at it (none for the catch-all "other" items).
    pub patterns: Vec<Pattern>,
}

/// A clause pattern (see the module doc).
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Name, zh-CN.
    pub name: String,
    groups: Vec<Vec<String>>,
    ordered: bool,
    max_gap: Option<usize>,
    unless: Vec<String>,
    unless_between: Vec<String>,
}

/// The exception article's conditions (normalised words).
#[derive(Debug, Clone)]
pub struct Exception {
    /// "第十二条".
    pub article: String,
    grounds: Vec<String>,
    alternative: Vec<String>,
    absence: Vec<String>,
    term_words: Vec<String>,
    end_conditions: Vec<String>,
}

/// A pattern found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternHit {
    /// "第八条".
    pub article: String,
    /// "（三）".
    pub item: String,
    /// The full citation: "公平竞争审查条例 第八条第（三）项".
    pub provision: String,
    /// The item's summary.
    pub item_summary: String,
    /// The pattern's name.
    pub pattern: String,
    /// The words that made it, one per group, in the order found (normalised).
    pub words: Vec<String>,
}

static BUILTIN: LazyLock<Result<ReviewStandards, StandardsError>> =
    LazyLock::new(|| ReviewStandards::from_str(BUILTIN_STANDARDS.0, BUILTIN_STANDARDS.1));

fn line_of(text: &str, byte: usize) -> usize {
    let end = byte.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

impl ReviewStandards {
    /// The built-in standards, or the error naming the bad place (ruled out for every build by
    /// the test `builtin_standards_load`).
    pub fn builtin() -> Result<&'static ReviewStandards, &'static StandardsError> {
        BUILTIN.as_ref()
    }

    /// Parses and validates a standards file called `name`.
    pub fn from_str(name: &str, text: &str) -> Result<ReviewStandards, StandardsError> {
        let raw: RawFile = toml::from_str(text).map_err(|e| StandardsError::Syntax {
            file: name.to_string(),
            line: e.span().map_or(1, |s| line_of(text, s.start)),
            message: e.message().to_string(),
        })?;
        let bad = |place: &str, message: &str| StandardsError::Invalid {
            file: name.to_string(),
            place: place.to_string(),
            message: message.to_string(),
        };
        let norm = |place: &str, w: &str| -> Result<String, StandardsError> {
            let n = normalize(w).as_str().to_string();
            if n.is_empty() {
                return Err(bad(place, &format!("word {w:?} normalises to nothing")));
            }
            Ok(n)
        };
        let mut lists: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (list, words) in &raw.lists {
            let place = format!("[lists] {list}");
            if words.is_empty() {
                return Err(bad(&place, "empty list"));
            }
            let mut out = Vec::new();
            for w in words {
                if w.starts_with('@') {
                    return Err(bad(&place, "a list may not refer to another list"));
                }
                out.push(norm(&place, w)?);
            }
            lists.insert(list.clone(), out);
        }
        // Words of a group, `@name` expanded.
        let expand = |place: &str, words: &[String]| -> Result<Vec<String>, StandardsError> {
            let mut out = Vec::new();
            for w in words {
                match w.strip_prefix('@') {
                    Some(list) => match lists.get(list) {
                        Some(ws) => out.extend(ws.iter().cloned()),
                        None => {
                            return Err(bad(
                                place,
                                &format!(
                                    "unknown list @{list} (known: {})",
                                    lists.keys().cloned().collect::<Vec<_>>().join(", ")
                                ),
                            ));
                        }
                    },
                    None => out.push(norm(place, w)?),
                }
            }
            out.sort();
            out.dedup();
            Ok(out)
        };
        let mut articles = Vec::new();
        for a in &raw.article {
            if a.no.trim().is_empty() || a.item.is_empty() {
                return Err(bad(
                    &a.no,
                    "an article needs a number and at least one item",
                ));
            }
            let mut items = Vec::new();
            for i in &a.item {
                let mut patterns = Vec::new();
                for p in &i.pattern {
                    let place = format!("{}第{}项 pattern {:?}", a.no, i.no, p.name);
                    if p.all.is_empty() {
                        return Err(bad(&place, "a pattern needs at least one group in `all`"));
                    }
                    if p.max_gap.is_some() && !p.ordered {
                        return Err(bad(&place, "max_gap needs ordered = true"));
                    }
                    if !p.unless_between.is_empty() && !p.ordered {
                        return Err(bad(&place, "unless_between needs ordered = true"));
                    }
                    let mut groups = Vec::new();
                    for g in &p.all {
                        let words = expand(&place, g)?;
                        if words.is_empty() {
                            return Err(bad(&place, "empty group"));
                        }
                        groups.push(words);
                    }
                    patterns.push(Pattern {
                        name: p.name.clone(),
                        groups,
                        ordered: p.ordered,
                        max_gap: p.max_gap,
                        unless: expand(&place, &p.unless)?,
                        unless_between: expand(&place, &p.unless_between)?,
                    });
                }
                items.push(Item {
                    no: i.no.clone(),
                    summary: i.summary.clone(),
                    patterns,
                });
            }
            articles.push(Article {
                no: a.no.clone(),
                title: a.title.clone(),
                items,
            });
        }
        let e = &raw.exception;
        let place = format!("[exception] {}", e.article);
        let nonempty = |field: &str, v: Vec<String>| -> Result<Vec<String>, StandardsError> {
            if v.is_empty() {
                return Err(bad(&place, &format!("{field} is empty")));
            }
            Ok(v)
        };
        let exception = Exception {
            article: e.article.clone(),
            grounds: nonempty("grounds", expand(&place, &e.grounds)?)?,
            alternative: nonempty("alternative", expand(&place, &e.alternative)?)?,
            absence: nonempty("absence", expand(&place, &e.absence)?)?,
            term_words: nonempty("term_words", expand(&place, &e.term_words)?)?,
            end_conditions: nonempty("end_conditions", expand(&place, &e.end_conditions)?)?,
        };
        Ok(ReviewStandards {
            standard: raw.standard,
            source: raw.source,
            version: raw.version,
            effective: raw.effective,
            articles,
            exception,
            negation: expand("[negation]", &raw.negation.words)?,
        })
    }

    /// Whether `sentence` is itself a prohibition or a promise of equal treatment
    /// ("不得以注册地设置限制", "一视同仁"): it names a standard without breaking it.
    pub fn is_prohibition(&self, sentence: &str) -> bool {
        let norm = normalize(sentence);
        self.negation
            .iter()
            .any(|w| norm.as_str().contains(w.as_str()))
    }

    /// The patterns that hold in `sentence` (one sentence of a draft), in article and item order;
    /// none when it [is a prohibition](Self::is_prohibition).
    pub fn clause_hits(&self, sentence: &str) -> Vec<PatternHit> {
        let mut out = Vec::new();
        if self.is_prohibition(sentence) {
            return out;
        }
        let norm = normalize(sentence);
        let n = norm.as_str();
        for a in &self.articles {
            for i in &a.items {
                for p in &i.patterns {
                    if let Some(words) = p.find(n) {
                        out.push(PatternHit {
                            article: a.no.clone(),
                            item: i.no.clone(),
                            provision: format!("{} {}第{}项", self.standard, a.no, i.no),
                            item_summary: i.summary.clone(),
                            pattern: p.name.clone(),
                            words,
                        });
                    }
                }
            }
        }
        out
    }

    /// The exception grounds `text` invokes (normalised words, sorted, without duplicates).
    pub fn grounds_in(&self, text: &str) -> Vec<String> {
        let norm = normalize(text);
        let n = norm.as_str();
        self.exception
            .grounds
            .iter()
            .filter(|g| n.contains(g.as_str()))
            .cloned()
            .collect()
    }

    /// Whether `text` states, in one sentence, that no less restrictive alternative exists.
    pub fn states_no_alternative(&self, text: &str) -> bool {
        let e = &self.exception;
        sentences(text).into_iter().any(|r| {
            let norm = normalize(&text[r]);
            let n = norm.as_str();
            e.alternative.iter().any(|w| n.contains(w.as_str()))
                && e.absence.iter().any(|w| n.contains(w.as_str()))
        })
    }

    /// The term or end condition `text` states, as written (normalised), if any.
    pub fn states_term(&self, text: &str) -> Option<String> {
        let norm = normalize(text);
        let n = norm.as_str();
        let e = &self.exception;
        if let Some(c) = e.end_conditions.iter().find(|c| n.contains(c.as_str())) {
            return Some(c.clone());
        }
        for w in &e.term_words {
            for (i, _) in n.match_indices(w.as_str()) {
                let after: String = n[i + w.len()..].chars().take(TERM_REACH).collect();
                if has_duration_or_date(&after) {
                    return Some(format!("{w}{after}"));
                }
            }
        }
        None
    }
}

/// Whether `s` holds a number (digits or 一…十, 两, 百, 半) directly followed by a time unit.
fn has_duration_or_date(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(2).any(|w| {
        let number = w[0].is_ascii_digit() || "一二三四五六七八九十两百半".contains(w[0]);
        number && matches!(w[1], '年' | '月' | '日' | '天' | '个' | '周')
    })
}

impl Pattern {
    /// The words that make the pattern hold in `n` (normalised), one per group, or `None`.
    fn find(&self, n: &str) -> Option<Vec<String>> {
        if self.unless.iter().any(|w| n.contains(w.as_str())) {
            return None;
        }
        if !self.ordered {
            return self
                .groups
                .iter()
                .map(|g| g.iter().find(|w| n.contains(w.as_str())).cloned())
                .collect();
        }
        // Ordered: try each occurrence of the first group (capped), then the earliest
        // admissible occurrence of every next group.
        let mut starts: Vec<(usize, &String)> = self.groups[0]
            .iter()
            .flat_map(|w| n.match_indices(w.as_str()).map(move |(i, _)| (i, w)))
            .collect();
        starts.sort();
        // Without a gap the earliest start leaves the most room for the next groups; with one,
        // each start is tried, and each next group is looked for in a window after it.
        starts.truncate(if self.max_gap.is_some() {
            MAX_STARTS
        } else {
            1
        });
        'start: for (i, w) in starts {
            let mut words = vec![w.clone()];
            let mut end = i + w.len();
            for g in &self.groups[1..] {
                let rest = &n[end..];
                let rest = match self.max_gap {
                    Some(gap) => rest
                        .char_indices()
                        .nth(gap + WINDOW_SLACK)
                        .map_or(rest, |(b, _)| &rest[..b]),
                    None => rest,
                };
                let next = g
                    .iter()
                    .filter_map(|w| rest.find(w.as_str()).map(|at| (at, w)))
                    .min();
                let Some((at, w)) = next else {
                    continue 'start;
                };
                let between = &rest[..at];
                if self
                    .max_gap
                    .is_some_and(|gap| between.chars().count() > gap)
                    || self
                        .unless_between
                        .iter()
                        .any(|u| between.contains(u.as_str()))
                {
                    continue 'start;
                }
                words.push(w.clone());
                end += at + w.len();
            }
            return Some(words);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn std() -> &'static ReviewStandards {
        match ReviewStandards::builtin() {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn builtin_standards_load_with_every_article_and_item() {
        let s = std();
        let nos: Vec<&str> = s.articles.iter().map(|a| a.no.as_str()).collect();
        assert_eq!(nos, ["第八条", "第九条", "第十条", "第十一条"]);
        let items: Vec<usize> = s.articles.iter().map(|a| a.items.len()).collect();
        // 条例: art. 8 has five items, art. 9 six, arts. 10 and 11 four each.
        assert_eq!(items, [5, 6, 4, 4]);
        for a in &s.articles {
            // Every item but the last (the catch-all "其他") has at least one pattern.
            for i in &a.items[..a.items.len() - 1] {
                assert!(!i.patterns.is_empty(), "{}{} has no pattern", a.no, i.no);
            }
        }
    }

    #[test]
    fn bad_files_name_the_place() {
        let base = BUILTIN_STANDARDS.1;
        let e = ReviewStandards::from_str("x.toml", &base.replace("@obligation", "@nosuch"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("unknown list @nosuch"), "{e}");
        assert!(e.contains("第八条第（三）项"), "{e}");
        let e = ReviewStandards::from_str("x.toml", "standard = 1\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("x.toml:1:"), "{e}");
        let e = ReviewStandards::from_str(
            "x.toml",
            &base.replace("ordered = true\nmax_gap = 12", "max_gap = 12"),
        )
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
        assert!(e.contains("max_gap needs ordered"), "{e}");
    }

    #[test]
    fn ordered_patterns_respect_gap_and_between() {
        let s = std();
        let cites = |t: &str| -> Vec<String> {
            s.clause_hits(t).into_iter().map(|h| h.provision).collect()
        };
        let floor = "公平竞争审查条例 第十一条第（三）项".to_string();
        assert!(cites("快递派送服务费每件不低于2元。").contains(&floor));
        // 12 chars between the price word and the bound: still one bound; 13: not.
        assert!(cites("价格一二三四五六七八九十一二不低于三元。").contains(&floor));
        assert!(!cites("价格一二三四五六七八九十一二三不低于三元。").contains(&floor));
        // A cap on a subsidy is not a price bound.
        assert!(!cites("收费补贴不超过两万元。").contains(&floor));
    }

    #[test]
    fn the_exception_conditions() {
        let s = std();
        assert_eq!(
            s.grounds_in("为保护环境、维护市容，统一由一家运营。"),
            ["保护环境"]
        );
        assert!(s.grounds_in("统一由一家运营。").is_empty());
        assert!(s.states_no_alternative("经评估，没有对公平竞争影响更小的替代方案。"));
        assert!(!s.states_no_alternative("已研究替代方案。"));
        assert!(s.states_term("本措施实施期限至2027年3月31日。").is_some());
        assert!(s.states_term("实施期限为两年。").is_some());
        assert!(s.states_term("自应急响应解除之日起自动终止。").is_some());
        // A term word without a duration or date is no term.
        assert!(s.states_term("实施期限另行通知。").is_none());
        assert!(s.states_term("办公场地租金全额减免。").is_none());
    }

    #[test]
    fn matching_is_total_on_odd_input() {
        let s = std();
        for t in [
            "",
            "。",
            "价格",
            &"价格不低于".repeat(2_000),
            "\u{0}\u{200b}💥",
        ] {
            let _ = s.clause_hits(t);
            let _ = s.grounds_in(t);
            let _ = s.states_no_alternative(t);
            let _ = s.states_term(t);
        }
    }
}
