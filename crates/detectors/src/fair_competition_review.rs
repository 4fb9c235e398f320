//! Detector: fair_competition_review — clauses of draft policy measures that fall under the
//! review standards of the 公平竞争审查条例.
//!
//! Practice: a draft measure designates suppliers ("指定使用本地某品牌设备"), favours local firms
//! ("本地企业优先"), returns taxes or pays subsidies to named firms, sets entry conditions or fixes
//! prices. Such a measure must be reviewed and, if it fails, may not be issued (条例 第十八条).
//!
//! Legal basis: 公平竞争审查条例 (State Council order 783, in force 2024-08-01) 第八条 (market entry
//! and exit), 第九条 (free movement of goods and factors), 第十条 (production costs), 第十一条
//! (business conduct), each with its items, and 第十二条 (exceptions). The regulation's text is not
//! in `cn-law-texts`; articles and items follow mission-anchors §5.8 (marked verified there), and
//! the item each lexicon term enforces is in `tianping-text`'s `fair_competition.toml`.
//!
//! Rule `fair_competition_review.clause`: documents of kind `policy_draft`. A sentence is a clause
//! to review when it holds a high-severity term of the `fair_competition` lexicon or at least
//! `min_weak_cues` weaker ones; a measure stated with its legal basis ("依法享受税收优惠") is not
//! (the lexicon's `legal_basis` exemptions). The finding cites article and item per clause.
//!
//! The 第十二条 exception path: when the draft invokes an exception ground (national security,
//! energy saving, environment, disaster relief, public interest…), states that no less
//! restrictive alternative exists ("替代方案", "影响更小") and sets an implementation period
//! ("实施期限", "有效期"), the measure may be issued: no finding. A draft that invokes a ground but
//! lacks the alternatives or the period is a finding that says which elements are missing.
//!
//! Version 2 (2026-11-30, after held-out set 2's misses were seen): clause patterns by the
//! structure of a sentence (`clause_patterns`, cue lists in `fair_competition.toml`): a required
//! local branch or subsidiary (第九条第（二）项), a floor or cap on a market-regulated price or fee
//! (第十一条第（三）项; a cap on a subsidy is not a price), a reward computed from tax paid
//! (第十条第（一）项, a tax rebate in disguise; a benefit "依法享受" is not). A sentence that is
//! itself a prohibition or a promise of equal treatment ("不得以注册地设置限制") has none.
//!
//! Known false positives: measures that the State Council approved (条例 第十条 allows them "经国务院
//! 批准"; the draft should say so, and the officer checks). Known false negatives: standards
//! worded in ways the lexicon lacks; the 2025 implementing measures' 66 situations are not all
//! covered.
//!
//! Parameters: `min_weak_cues`.

use std::collections::BTreeSet;

use serde_json::json;
use tianping_detect::{
    DetectCtx, Detector, Draft, FindingSink, Input, InputData, ParamDef, Ref, RefKind, RuleVersion,
    Severity,
};
use tianping_text::{Category, Hit, Lexicon, TermKind, normalize, scan, sentences};

use crate::disparagement::load_documents;
use crate::false_advertising::quote;

static RULES: [RuleVersion; 1] = [RuleVersion {
    rule: "fair_competition_review.clause",
    effective_from: "2024-08-01",
    effective_to: None,
    legal_basis: &[
        "公平竞争审查条例 第八条",
        "公平竞争审查条例 第九条",
        "公平竞争审查条例 第十条",
        "公平竞争审查条例 第十一条",
    ],
    params: &[ParamDef {
        name: "min_weak_cues",
        default: 2.0,
        unit: "terms",
        min: 1.0,
        max: 20.0,
        source: "ours: one weak cue (本地产品, 优惠价格) alone is often a lawful encouragement",
        meaning_zh: "同一句中须同时出现的弱线索个数",
    }],
}];

static INPUTS: [Input; 1] = [Input {
    table: "documents",
    columns: &["doc_id", "kind", "issuer", "title", "text"],
    time_column: Some("submitted_at"),
}];

/// Statements that no less restrictive alternative exists (第十二条).
const ALTERNATIVES: &[&str] = &["替代方案", "影响更小", "限制更少", "更小的替代"];
/// Statements of an implementation period or end condition (第十二条).
const PERIODS: &[&str] = &["实施期限", "有效期", "期限为", "届满", "终止条件"];

/// Chars after a `price_subject` word within which a `price_bound` makes a price floor or cap.
const PRICE_BOUND_GAP: usize = 15;

/// The clause patterns of one sentence of a draft, each as (pattern, the words that made it,
/// provision). They read the structure of the clause, not a fixed wording; a sentence that is
/// itself a prohibition or a promise of equal treatment (`review_negation`: "不得以注册地设置限制",
/// "不区分所有制形式和注册地") has none:
///
/// - **forces a local branch** (第九条第（二）项): a `locality` ("本区"), `establish` ("设立"),
///   `branch` ("子公司", "分支机构") and an `obligation` ("应当", "须") in one sentence;
/// - **sets a price floor or cap** (第十一条第（三）项): a `price_subject` ("配送费", "售价") followed
///   within [`PRICE_BOUND_GAP`] chars by a `price_bound` ("不得低于", "上限"), with no `reward` word
///   between (a cap on a subsidy is not a price);
/// - **rewards by tax paid** (第十条第（一）项, a tax rebate in disguise): a `tax_base` ("增值税",
///   "地方留成") and a `reward` ("奖励", "返还") in one sentence.
fn clause_patterns(lex: &Lexicon, sentence: &str) -> Vec<(String, String, String)> {
    let norm = normalize(sentence);
    let n = norm.as_str();
    let has = |list: &str| -> Option<String> {
        lex.cue(list)
            .iter()
            .find(|c| n.contains(c.as_str()))
            .cloned()
    };
    let mut out = Vec::new();
    if has("review_negation").is_some() {
        return out;
    }
    if let (Some(place), Some(est), Some(branch), Some(_)) = (
        has("locality"),
        has("establish"),
        has("branch"),
        has("obligation"),
    ) {
        out.push((
            "强制在本地设立分支机构".to_string(),
            format!("{place}…{est}…{branch}"),
            "公平竞争审查条例 第九条第（二）项".to_string(),
        ));
    }
    let bound = lex.cue("price_subject").iter().find_map(|subject| {
        n.match_indices(subject.as_str()).find_map(|(i, _)| {
            let after: String = n[i + subject.len()..]
                .chars()
                .take(PRICE_BOUND_GAP)
                .collect();
            let b = lex
                .cue("price_bound")
                .iter()
                .filter_map(|b| after.find(b.as_str()).map(|at| (at, b)))
                .min()?;
            let between = &after[..b.0];
            (!lex
                .cue("reward")
                .iter()
                .any(|r| between.contains(r.as_str())))
            .then(|| format!("{subject}…{}", b.1))
        })
    });
    if let Some(words) = bound {
        out.push((
            "干预市场调节价".to_string(),
            words,
            "公平竞争审查条例 第十一条第（三）项".to_string(),
        ));
    }
    // A benefit the law itself grants ("依法享受", "按照国家规定") is not the drafter's own.
    let lawful = ["依法享受", "国家规定"].iter().any(|w| n.contains(w));
    if let (Some(tax), Some(reward), false) = (has("tax_base"), has("reward"), lawful) {
        out.push((
            "按纳税额给予奖励".to_string(),
            format!("{tax}…{reward}"),
            "公平竞争审查条例 第十条第（一）项".to_string(),
        ));
    }
    out
}

/// A clause to review: the sentence, its terms (term, as written, provision), whether one is strong.
type Clause = (String, Vec<(String, String, String)>, bool);

/// The fair_competition_review detector.
pub struct FairCompetitionReview;

impl Detector for FairCompetitionReview {
    fn id(&self) -> &'static str {
        "fair_competition_review"
    }

    fn version(&self) -> u32 {
        2
    }

    fn rules(&self) -> &'static [RuleVersion] {
        &RULES
    }

    fn inputs(&self) -> &'static [Input] {
        &INPUTS
    }

    fn detect(&self, ctx: &DetectCtx, data: &InputData, sink: &mut FindingSink) {
        let Some(rule) = ctx.rule_in_force(&RULES, "fair_competition_review.clause") else {
            return;
        };
        let Ok(lex) = Lexicon::try_builtin() else {
            return;
        };
        let min_weak = ctx.param(rule, "min_weak_cues").max(1.0) as usize;
        for (doc, (kind, issuer, title, text)) in load_documents(data) {
            if kind != "policy_draft" {
                continue;
            }
            let hits: Vec<Hit> = scan(lex, &text)
                .into_iter()
                .filter(|h| h.category == Category::FairCompetition)
                .collect();
            let grounds: BTreeSet<&str> = hits
                .iter()
                .filter(|h| h.kind == TermKind::Exception && h.term != "实施期限")
                .map(|h| h.term.as_str())
                .collect();
            let period = PERIODS.iter().any(|p| text.contains(p));
            let alternative = ALTERNATIVES.iter().any(|p| text.contains(p));
            // (sentence, terms (term, written, provision), strong)
            let mut clauses: Vec<Clause> = Vec::new();
            for range in sentences(&text) {
                let own: Vec<&Hit> = hits
                    .iter()
                    .filter(|h| h.kind != TermKind::Exception)
                    .filter(|h| h.start_byte >= range.start && h.end_byte <= range.end)
                    .collect();
                let patterns = clause_patterns(lex, &text[range.clone()]);
                if own.is_empty() && patterns.is_empty() {
                    continue;
                }
                let strong = !patterns.is_empty()
                    || own
                        .iter()
                        .any(|h| h.severity == tianping_text::Severity::High);
                if !strong && own.len() < min_weak {
                    continue;
                }
                let mut terms: Vec<(String, String, String)> = own
                    .iter()
                    .map(|h| {
                        (
                            h.term.clone(),
                            h.matched_original.clone(),
                            h.provision.clone(),
                        )
                    })
                    .collect();
                terms.extend(patterns);
                clauses.push((text[range].trim().to_string(), terms, strong));
            }
            if clauses.is_empty() {
                continue;
            }
            let invoked = !grounds.is_empty();
            if invoked && period && alternative {
                continue; // 第十二条: the exception path is complete; the measure may be issued.
            }
            let mut missing = Vec::new();
            if invoked && !alternative {
                missing.push("没有对公平竞争影响更小的替代方案的说明");
            }
            if invoked && !period {
                missing.push("实施期限或终止条件");
            }
            let first = &clauses[0];
            let provisions: BTreeSet<&str> = clauses
                .iter()
                .flat_map(|c| c.1.iter().map(|t| t.2.as_str()))
                .collect();
            let strong = clauses.iter().any(|c| c.2);
            let exception_note = if invoked {
                format!(
                    "；文件援引第十二条例外（{}），但缺少{}",
                    grounds.iter().copied().collect::<Vec<_>>().join("、"),
                    missing.join("、")
                )
            } else {
                String::new()
            };
            sink.push(Draft {
                rule,
                severity: if strong && !invoked {
                    Severity::High
                } else {
                    Severity::Medium
                },
                score: (0.5 + 0.1 * clauses.len() as f64 + if strong { 0.1 } else { 0.0 }).min(1.0),
                subject: Ref {
                    kind: RefKind::Document,
                    id: doc.clone(),
                    platform_id: None,
                    uscc: None,
                },
                related: Vec::new(),
                window: None,
                summary: format!(
                    "{issuer} 起草的《{title}》（{doc}）有 {} 处条款涉及{}审查标准，如“{}”（“{}”）{}，应当进行公平竞争审查。",
                    clauses.len(),
                    provisions.iter().copied().collect::<Vec<_>>().join("、"),
                    first.1[0].0,
                    quote(&first.0),
                    exception_note
                ),
                evidence: json!({
                    "document_kind": kind,
                    "clauses": clauses.iter().take(30).map(|(s, t, strong)| json!({
                        "clause": s,
                        "terms": t.iter().map(|(term, written, provision)| json!({
                            "term": term, "written": written, "provision": provision,
                        })).collect::<Vec<_>>(),
                        "strong": strong,
                    })).collect::<Vec<_>>(),
                    "clause_count": clauses.len(),
                    "article_12": {
                        "grounds_invoked": grounds,
                        "alternatives_stated": alternative,
                        "period_stated": period,
                        "missing": missing,
                        "provision": "公平竞争审查条例 第十二条",
                    },
                    "min_weak_cues": min_weak,
                }),
            });
        }
    }
}
