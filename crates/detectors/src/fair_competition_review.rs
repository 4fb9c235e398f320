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
use tianping_text::{Category, Hit, Lexicon, TermKind, scan, sentences};

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

/// A clause to review: the sentence, its terms (term, as written, provision), whether one is strong.
type Clause = (String, Vec<(String, String, String)>, bool);

/// The fair_competition_review detector.
pub struct FairCompetitionReview;

impl Detector for FairCompetitionReview {
    fn id(&self) -> &'static str {
        "fair_competition_review"
    }

    fn version(&self) -> u32 {
        1
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
                if own.is_empty() {
                    continue;
                }
                let strong = own
                    .iter()
                    .any(|h| h.severity == tianping_text::Severity::High);
                if !strong && own.len() < min_weak {
                    continue;
                }
                clauses.push((
                    text[range].trim().to_string(),
                    own.iter()
                        .map(|h| {
                            (
                                h.term.clone(),
                                h.matched_original.clone(),
                                h.provision.clone(),
                            )
                        })
                        .collect(),
                    strong,
                ));
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
