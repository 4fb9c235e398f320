//! Lexicons: versioned TOML files of terms, each with the provision it enforces, loaded into one
//! leftmost-longest Aho–Corasick automaton over normalised text.
//!
//! The file format is described in `lexicons/README.md`. Loading validates everything and names the
//! file, line and term of the first problem: unknown category, kind, severity, exemption kind, cue
//! list or product class; empty terms or provisions; malformed dates; two terms (in any files) with
//! the same normalised form; an exemption pattern that contains no term of the lexicon.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use toml::Spanned;

use crate::normalize::normalize;

/// What an entry is evidence of; each category belongs to one detector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// 广告法 art. 9(3): "国家级"、"最高级"、"最佳" and the like.
    AbsoluteTerm,
    /// 广告法 art. 17 (art. 18(2) for health food): disease treatment or medical terms.
    MedicalClaim,
    /// 广告法 arts. 16(1)–(2), 18(1): efficacy or safety guarantees, cure or effectiveness rates.
    EfficacyGuarantee,
    /// 化妆品监督管理条例: special-cosmetic efficacy claimed by an ordinary cosmetic.
    CosmeticSpecialEfficacy,
    /// 化妆品监督管理条例: a cosmetic claiming a medical effect ("药妆").
    CosmeticMedicalClaim,
    /// 广告法 art. 28 / 反不正当竞争法 art. 8: cues of unverifiable proof or endorsement.
    FalseAdvertising,
    /// 反不正当竞争法 art. 11: 商业诋毁 cues (a competitor pointed at, or a negative statement).
    Disparagement,
    /// 商标法 art. 57, 反不正当竞争法 art. 6: counterfeit cues (高仿, 原单, A货 …).
    Counterfeit,
    /// 电子商务法 arts. 34–35, 消费者权益保护法 art. 26: unfair platform or merchant terms.
    UnfairTerm,
    /// 公平竞争审查条例 (2024) arts. 8–12: clauses of policy drafts to review.
    FairCompetition,
}

impl Category {
    /// Every category, in order.
    pub const ALL: [Category; 10] = [
        Category::AbsoluteTerm,
        Category::MedicalClaim,
        Category::EfficacyGuarantee,
        Category::CosmeticSpecialEfficacy,
        Category::CosmeticMedicalClaim,
        Category::FalseAdvertising,
        Category::Disparagement,
        Category::Counterfeit,
        Category::UnfairTerm,
        Category::FairCompetition,
    ];

    /// The snake_case name used in lexicon files and findings.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::AbsoluteTerm => "absolute_term",
            Category::MedicalClaim => "medical_claim",
            Category::EfficacyGuarantee => "efficacy_guarantee",
            Category::CosmeticSpecialEfficacy => "cosmetic_special_efficacy",
            Category::CosmeticMedicalClaim => "cosmetic_medical_claim",
            Category::FalseAdvertising => "false_advertising",
            Category::Disparagement => "disparagement",
            Category::Counterfeit => "counterfeit",
            Category::UnfairTerm => "unfair_term",
            Category::FairCompetition => "fair_competition",
        }
    }

    /// Parses a snake_case name.
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// The role of a term within its category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TermKind {
    /// Absolute: a superlative ("最佳"); may be a true self-comparison within a brand.
    Superlative,
    /// Absolute: a rank or first ("第一", "首家"); may be a time/order statement with a source.
    Rank,
    /// Absolute: market-wide by its words ("国家级", "全网最低"); never a self-comparison.
    Scope,
    /// Absolute: also a grade of a national, industry or local standard ("特级").
    Grade,
    /// Disparagement: points at a competitor ("某宝", "同行").
    Target,
    /// Disparagement: a negative statement ("假货", "智商税").
    Negative,
    /// Fair competition: invokes the art. 12 exception path.
    Exception,
    /// Anything else: the term is evidence by itself.
    Plain,
}

impl TermKind {
    const ALL: [TermKind; 8] = [
        TermKind::Superlative,
        TermKind::Rank,
        TermKind::Scope,
        TermKind::Grade,
        TermKind::Target,
        TermKind::Negative,
        TermKind::Exception,
        TermKind::Plain,
    ];

    /// The snake_case name used in lexicon files.
    pub fn as_str(self) -> &'static str {
        match self {
            TermKind::Superlative => "superlative",
            TermKind::Rank => "rank",
            TermKind::Scope => "scope",
            TermKind::Grade => "grade",
            TermKind::Target => "target",
            TermKind::Negative => "negative",
            TermKind::Exception => "exception",
            TermKind::Plain => "plain",
        }
    }

    fn parse(s: &str) -> Option<TermKind> {
        TermKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    fn allowed_in(self, category: Category) -> bool {
        match self {
            TermKind::Superlative | TermKind::Rank | TermKind::Scope | TermKind::Grade => {
                category == Category::AbsoluteTerm
            }
            TermKind::Target | TermKind::Negative => category == Category::Disparagement,
            TermKind::Exception => category == Category::FairCompetition,
            TermKind::Plain => category != Category::AbsoluteTerm,
        }
    }
}

/// A hint for the finding's severity; the detector decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Weak cue: needs other evidence.
    Low,
    /// A violation in most contexts.
    Medium,
    /// A violation by itself, or a high-penalty provision.
    High,
}

impl Severity {
    /// The name used in lexicon files.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }

    fn parse(s: &str) -> Option<Severity> {
        [Severity::Low, Severity::Medium, Severity::High]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// Why an exemption pattern lifts the terms it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExemptKind {
    /// A usage tip ("最佳赏味期", "最佳使用温度"); SAMR guideline item 2.
    UsageTip,
    /// A technical parameter ("最高承重", "最大功率"): true product information, not a comparison.
    Specification,
    /// A grade from a national, industry or local standard ("一级能效"); guideline item 3.
    StandardGrade,
    /// A statement of time or order ("第一次", "第一季", "第一条"); guideline item 7.
    TimeOrder,
    /// The term is part of an ordinary, non-ranking word ("唯一性", "最高人民法院").
    NonRanking,
    /// The cue is part of an innocent word ("高仿真", "原单位").
    NotATerm,
    /// An officially conferred title or designation ("国家级经济技术开发区"); guideline item 6.
    OfficialTitle,
    /// The text cites a legal basis for the measure ("依法享受…税收优惠").
    LegalBasis,
}

impl ExemptKind {
    const ALL: [ExemptKind; 8] = [
        ExemptKind::UsageTip,
        ExemptKind::Specification,
        ExemptKind::StandardGrade,
        ExemptKind::TimeOrder,
        ExemptKind::NonRanking,
        ExemptKind::NotATerm,
        ExemptKind::OfficialTitle,
        ExemptKind::LegalBasis,
    ];

    /// The snake_case name used in lexicon files.
    pub fn as_str(self) -> &'static str {
        match self {
            ExemptKind::UsageTip => "usage_tip",
            ExemptKind::Specification => "specification",
            ExemptKind::StandardGrade => "standard_grade",
            ExemptKind::TimeOrder => "time_order",
            ExemptKind::NonRanking => "non_ranking",
            ExemptKind::NotATerm => "not_a_term",
            ExemptKind::OfficialTitle => "official_title",
            ExemptKind::LegalBasis => "legal_basis",
        }
    }

    fn parse(s: &str) -> Option<ExemptKind> {
        ExemptKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The cue lists a lexicon file may define (`[cues]`), used by the judged layer.
pub const CUE_LISTS: &[&str] = &[
    "self_reference",
    "standard_reference",
    "efficacy",
    "ranking_source",
    // 执法指南第 6 项: an award conferred by a named event or body.
    "award_verb",
    "award_event",
    // 广告法 第十八条第二款: words that make a text an ad for a health food whatever the class.
    "health_food_marker",
    // 广告法 第十八条: an approved health function's wording ("辅助降血脂") in a health-food ad.
    "health_function_prefix",
    // 执法指南: the modal adverb "最好" (had better) giving advice, not ranking the goods.
    // 2026.4 (执法指南): service philosophy is not about the goods; a market-wide scope undoes a
    // self-comparison.
    "philosophy_marker",
    "philosophy_subject",
    "market_scope",
    // 2026.4 (广告法 第十七、十八条): a disease and an outcome said of it.
    "disease",
    "cure_outcome",
    "cure_verb",
    "modal_terms",
    "advice_subject",
    "advice_next",
    "adjective_next",
    // 电子商务法 第三十四、三十五条 (unfair_terms' clause patterns).
    "other_party",
    "restriction",
    "permission",
    "punitive",
    "price_control",
    "rule_change",
    "takes_effect",
    "price_setting",
    "price_word",
    "immediate_effect",
    // 2026.4: other sales channels; blanket refusals of a consumer's remedy (消费者权益保护法
    // 第二十六条); compulsory campaigns (明码标价和禁止价格欺诈规定 第四条).
    "other_venue",
    "blanket",
    "consumer_remedy",
    "lawful_exclusion",
    "compulsory",
    // 反不正当竞争法 第十一条 (disparagement): an opinion, and a stated source, in the sentence of a
    // negative statement.
    "opinion",
    "substantiation",
    // 2026.4: operators identified by structure (a name before an operator suffix), and denials of
    // a qualification as factual claims.
    // 2026.4: words that present other goods by a registered mark ("栖云同款", "平替栖云").
    "framing",
    "operator_suffix",
    "pointer_lead",
    "generic_operator",
    "claim_negation",
    "qualification",
    // 2026.5 (广告法 第九条第（三）项): a whole-market scope before "最", and "nothing better than
    // us" comparisons (`market_wide`); (第十七条) a medical term denied in its clause.
    "scope_whole",
    "absence",
    "self_compared",
    "comparative",
    "disclaimer",
    "disclaimer_word",
    // 2026.5 (电子商务法 第三十五条): sanctions by structure, fee penalties and a locked price.
    "sanction_verb",
    "sanction_object",
    "fee_multiplier",
    "fee_word",
    "price_lock",
    "counterparty",
    "platform_party",
    // 2026.5 (商标法 第五十七条): a claim of the mark owner's production source anywhere in a listing.
    "source_claim",
    // 2026.5 (反不正当竞争法 商业诋毁): a rival said never to honour a duty ("押金从来不退").
    "habitual_never",
    "business_duty",
    // 2026.6 (issue 6 review): official measures named with "最" (最低工资, 最高限价, 最高气温).
    "official_measure",
    // 2026.6: a production-source claim denied before it ("非代工产品") is no claim.
    "source_denial",
    // 2026.6: words that start with a duty's char but are no duty ("从来不退缩").
    "duty_not",
    // 2026.7 (广告法 第九条第（三）项): a superlative inside a denial ("不敢说最好").
    "absolute_denial",
    // 2026.7 (广告法 第十七条): a patient group after a treatment verb, a physiological index and
    // its regulation, a medication reduced, a comparison with a medicine.
    "patient_group",
    "physio_index",
    "index_regulator",
    "index_device",
    "medication",
    "medication_reduction",
    "medicine_word",
    "medicine_not",
    "effect_word",
    // 2026.7 (商标法 第五十七条第（一）项): a merchant presenting itself as the producer.
    "producer_name",
    "self_produced",
    // 2026.8 (电子商务法 第三十五条): the merchant barred from changing its own price.
    "price_bar",
    "price_change",
    // 2026.8 (反不正当竞争法 商业诋毁, after held-out set 7): organisation forms that allow a longer
    // name before them, a call not to deal with a rival, and a quantified claim that it fakes.
    "organisation_form",
    "dissuade",
    "dissuade_filler",
    "deal_verb",
    // 2026.13 (after held-out set 9): calls to shun a rival ("远离该品牌").
    "avoid",
    "avoid_object",
    "quantifier",
    "fake",
    "fake_not",
    // 2026.14 (反不正当竞争法 商业诋毁, after held-out set 10): a rival reported sanctioned by a named
    // authority ("被卫健委查封") or struck by an incident of harm ("发生新生儿感染").
    "enforcement_action",
    "incident_verb",
    "incident_harm",
    "incident_guard",
    // 2026.8 (电子商务法 第三十五条; 消费者权益保护法 第二十六条, after held-out set 7): a sanction clause
    // conditioned on refusing or leaving; a bar on the user's right to object.
    "noncompliance",
    "right_bar",
    "user_right",
    // 2026.11 (电子商务法 第三十五条): a sanction worded object first ("搜索排名下调至末位").
    "demoted_object",
    "demotion_verb",
    // 2026.12 (电子商务法 第三十五条, after held-out set 11): the platform's system repricing
    // automatically ("系统自动将商品售价调整为…"), and a counterparty the platform designates
    // ("商家须使用平台指定的物流服务商").
    "automatic",
    "mandate",
    "designated",
    "designated_service",
    // 2026.15 (反不正当竞争法 商业诋毁, after held-out set 11): a name after a call not to buy, before
    // "的" and the goods ("千万别买Q洁的扫地机"), that is no generic description.
    "goods_owner_not",
    // 2026.16 (反不正当竞争法 商业诋毁, after held-out set 12): a call not to buy for someone else
    // ("千万别给爸妈买": a dissuading word, "给"/"帮"/"替", the beneficiary, a deal verb).
    "dissuade_for",
    // 2026.8 (广告法 第九条; 执法指南第 6 项): a person's title after a grade term ("国家一级演奏员").
    "title_suffix",
    // 2026.9 (广告法 第九条; 执法指南第 3 项, after held-out set 8): goods whose national standard
    // grades them "特级" (GB/T 18650 龙井茶…), next to the grade term.
    "graded_goods",
    // 2026.10 (广告法 第九条; 执法指南第 2 项, after held-out set 12): a usage condition with its
    // value after a superlative ("最佳泡茶水温：90—95℃") is a usage tip.
    "usage_condition",
    // fair_competition_review's clause patterns are in `standards/fair_competition_review.toml`
    // (`crate::standards`), with the article and item each one points at.
];

/// `product_class` values of the data standard (§3.4 `listings`).
pub const PRODUCT_CLASSES: &[&str] = &[
    "general",
    "food",
    "health_food",
    "special_medical_food",
    "infant_formula",
    "ordinary_cosmetic",
    "special_cosmetic",
    "drug",
    "medical_device",
    "fresh",
    "custom_made",
    "digital",
    "periodical",
];

/// One term of a lexicon, with everything resolved (file defaults applied).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The term as written in the file (its canonical form).
    pub term: String,
    /// Other spellings that report as this term (homophones, look-alikes).
    pub variants: Vec<String>,
    /// What the term is evidence of.
    pub category: Category,
    /// Its role within the category.
    pub kind: TermKind,
    /// The provision it enforces, e.g. "广告法 第九条第（三）项".
    pub provision: String,
    /// Severity hint.
    pub severity: Severity,
    /// Version of the entry.
    pub version: String,
    /// Date (`YYYY-MM-DD`) from which the entry applies.
    pub effective: String,
    /// Free note (source, caveat).
    pub note: String,
    /// Lexicon (file) it comes from.
    pub lexicon: String,
    /// Line of its `term = …` in that file.
    pub line: usize,
}

/// An exemption pattern: a longer expression in which a term is not a violation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exemption {
    /// The pattern as written.
    pub pattern: String,
    /// Why it lifts the terms it covers.
    pub kind: ExemptKind,
    /// Lexicon (file) it comes from.
    pub lexicon: String,
    /// Line in that file.
    pub line: usize,
}

/// A statement an ad for some product classes must carry (e.g. "本品不能代替药物").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Required {
    /// The statement as written.
    pub statement: String,
    /// Product classes it applies to.
    pub product_classes: Vec<String>,
    /// The provision that requires it.
    pub provision: String,
    /// Lexicon (file) it comes from.
    pub lexicon: String,
}

/// A lexicon file's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconFile {
    /// The name given when loading (file name).
    pub file: String,
    /// `lexicon = …`: its id.
    pub lexicon: String,
    /// `version = …`.
    pub version: String,
    /// `effective = …`.
    pub effective: String,
}

/// A problem in a lexicon file; always names the file and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LexiconError {
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
    #[error("{file}:{line}: {term:?}: {message}")]
    Invalid {
        /// File name.
        file: String,
        /// 1-based line.
        line: usize,
        /// The term, pattern or statement concerned.
        term: String,
        /// What is wrong.
        message: String,
    },
    /// Two terms with the same normalised form.
    #[error(
        "{}:{}: duplicate term {:?}: same normalised form {:?} as {:?} at {}:{}",
        .0.file, .0.line, .0.term, .0.normalized, .0.first_term, .0.first_file, .0.first_line
    )]
    Duplicate(Box<Duplicate>),
}

/// The two occurrences of a duplicate term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// File of the second occurrence.
    pub file: String,
    /// Its line.
    pub line: usize,
    /// The second term.
    pub term: String,
    /// Their common normalised form.
    pub normalized: String,
    /// File of the first occurrence.
    pub first_file: String,
    /// Its line.
    pub first_line: usize,
    /// The first term.
    pub first_term: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    lexicon: String,
    version: String,
    effective: String,
    defaults: RawDefaults,
    #[serde(default)]
    term: Vec<RawTerm>,
    #[serde(default)]
    exempt: Vec<RawExempt>,
    #[serde(default)]
    cues: BTreeMap<String, Spanned<Vec<String>>>,
    #[serde(default)]
    required: Vec<RawRequired>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDefaults {
    category: Option<String>,
    provision: Option<String>,
    severity: Option<String>,
    kind: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    term: Spanned<String>,
    #[serde(default)]
    variants: Vec<String>,
    category: Option<String>,
    kind: Option<String>,
    provision: Option<String>,
    severity: Option<String>,
    version: Option<String>,
    effective: Option<String>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExempt {
    pattern: Spanned<String>,
    kind: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequired {
    statement: Spanned<String>,
    product_classes: Vec<String>,
    provision: String,
}

/// A set of lexicon files, validated and compiled for matching.
#[derive(Debug, Clone)]
pub struct Lexicon {
    files: Vec<LexiconFile>,
    entries: Vec<Entry>,
    exemptions: Vec<Exemption>,
    cues: BTreeMap<String, Vec<String>>,
    required: Vec<Required>,
    /// Leftmost-longest over the normalised terms and variants.
    pub(crate) matcher: AhoCorasick,
    /// Pattern id → entry index.
    pub(crate) pattern_entry: Vec<usize>,
    /// Overlapping (standard) over the normalised exemption patterns.
    pub(crate) exempt_matcher: AhoCorasick,
    /// Longest normalised exemption pattern, in bytes.
    pub(crate) exempt_max_len: usize,
}

/// The lexicon files shipped with the crate, in load order: (file name, text).
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "absolute_terms.toml",
        include_str!("../lexicons/absolute_terms.toml"),
    ),
    ("ad_claims.toml", include_str!("../lexicons/ad_claims.toml")),
    (
        "disparagement.toml",
        include_str!("../lexicons/disparagement.toml"),
    ),
    (
        "counterfeit.toml",
        include_str!("../lexicons/counterfeit.toml"),
    ),
    (
        "unfair_terms.toml",
        include_str!("../lexicons/unfair_terms.toml"),
    ),
    (
        "fair_competition.toml",
        include_str!("../lexicons/fair_competition.toml"),
    ),
];

static BUILTIN: LazyLock<Result<Lexicon, LexiconError>> =
    LazyLock::new(|| Lexicon::from_sources(BUILTIN_FILES));

impl Lexicon {
    /// The built-in lexicons ([`BUILTIN_FILES`]), loaded once.
    ///
    /// # Panics
    /// If the built-in files are invalid — which the test `builtin_lexicons_load` rules out for
    /// every build; use [`Lexicon::try_builtin`] to get the error instead.
    pub fn builtin() -> &'static Lexicon {
        match Lexicon::try_builtin() {
            Ok(lex) => lex,
            Err(e) => panic!("built-in lexicon invalid: {e}"),
        }
    }

    /// The built-in lexicons, or the error that names the bad file, line and term.
    pub fn try_builtin() -> Result<&'static Lexicon, &'static LexiconError> {
        BUILTIN.as_ref()
    }

    /// Loads one lexicon file; `name` (usually the file name) is used in errors.
    pub fn from_str(name: &str, text: &str) -> Result<Lexicon, LexiconError> {
        Lexicon::from_sources(&[(name, text)])
    }

    /// Loads several lexicon files as one lexicon: (name, text) each. Terms must be unique (by
    /// normalised form) across all of them.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Lexicon, LexiconError> {
        let mut files = Vec::new();
        let mut entries: Vec<Entry> = Vec::new();
        let mut exemptions = Vec::new();
        let mut cues: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut required = Vec::new();
        for (name, text) in sources {
            let raw: RawFile = toml::from_str(text).map_err(|e| LexiconError::Syntax {
                file: (*name).to_string(),
                line: e.span().map_or(1, |s| line_of(text, s.start)),
                message: e.message().to_string(),
            })?;
            load_file(
                name,
                text,
                raw,
                &mut files,
                &mut entries,
                &mut exemptions,
                &mut cues,
                &mut required,
            )?;
        }
        // Patterns: normalised term and variants; duplicates (by normalised form) are errors.
        let mut seen: BTreeMap<String, (usize, String)> = BTreeMap::new();
        let mut patterns = Vec::new();
        let mut pattern_entry = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for spelling in std::iter::once(&e.term).chain(&e.variants) {
                let normalized = normalize(spelling).as_str().to_string();
                if normalized.is_empty() {
                    return Err(invalid(
                        &e.lexicon,
                        e.line,
                        spelling,
                        "normalises to nothing",
                    ));
                }
                if let Some((first, first_spelling)) = seen.get(&normalized) {
                    let f = &entries[*first];
                    return Err(LexiconError::Duplicate(Box::new(Duplicate {
                        file: e.lexicon.clone(),
                        line: e.line,
                        term: spelling.clone(),
                        normalized,
                        first_file: f.lexicon.clone(),
                        first_line: f.line,
                        first_term: first_spelling.clone(),
                    })));
                }
                seen.insert(normalized.clone(), (i, spelling.clone()));
                patterns.push(normalized);
                pattern_entry.push(i);
            }
        }
        // Exemption patterns must cover at least one term.
        let term_finder = build(&patterns, MatchKind::Standard)?;
        let mut exempt_patterns = Vec::new();
        for x in &exemptions {
            let normalized = normalize(&x.pattern).as_str().to_string();
            if term_finder
                .find_overlapping_iter(&normalized)
                .next()
                .is_none()
            {
                return Err(invalid(
                    &x.lexicon,
                    x.line,
                    &x.pattern,
                    "exemption pattern contains no term of the lexicon",
                ));
            }
            exempt_patterns.push(normalized);
        }
        let exempt_max_len = exempt_patterns.iter().map(String::len).max().unwrap_or(0);
        Ok(Lexicon {
            files,
            entries,
            exemptions,
            cues,
            required,
            matcher: build(&patterns, MatchKind::LeftmostLongest)?,
            pattern_entry,
            exempt_matcher: build(&exempt_patterns, MatchKind::Standard)?,
            exempt_max_len,
        })
    }

    /// The files loaded, in order.
    pub fn files(&self) -> &[LexiconFile] {
        &self.files
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every exemption pattern, in file order.
    pub fn exemptions(&self) -> &[Exemption] {
        &self.exemptions
    }

    /// A cue list ([`CUE_LISTS`]), normalised; empty if no file defines it.
    pub fn cue(&self, name: &str) -> &[String] {
        self.cues.get(name).map_or(&[], Vec::as_slice)
    }

    /// Statements some product classes must carry.
    pub fn required(&self) -> &[Required] {
        &self.required
    }

    /// The entry with this term (canonical spelling), if any.
    pub fn entry(&self, term: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.term == term)
    }
}

fn build(patterns: &[String], kind: MatchKind) -> Result<AhoCorasick, LexiconError> {
    AhoCorasickBuilder::new()
        .match_kind(kind)
        .build(patterns)
        .map_err(|e| LexiconError::Syntax {
            file: "<all>".to_string(),
            line: 0,
            message: format!("automaton: {e}"),
        })
}

fn line_of(text: &str, byte: usize) -> usize {
    let end = byte.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn invalid(file: &str, line: usize, term: &str, message: &str) -> LexiconError {
    LexiconError::Invalid {
        file: file.to_string(),
        line,
        term: term.to_string(),
        message: message.to_string(),
    }
}

fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    matches!((num(0..4), num(5..7), num(8..10)), (Some(y), Some(m), Some(d)) if y >= 1900 && (1..=12).contains(&m) && (1..=31).contains(&d))
}

#[allow(clippy::too_many_arguments)]
fn load_file(
    name: &str,
    text: &str,
    raw: RawFile,
    files: &mut Vec<LexiconFile>,
    entries: &mut Vec<Entry>,
    exemptions: &mut Vec<Exemption>,
    cues: &mut BTreeMap<String, Vec<String>>,
    required: &mut Vec<Required>,
) -> Result<(), LexiconError> {
    let file = name.to_string();
    if raw.lexicon.trim().is_empty() || raw.version.trim().is_empty() {
        return Err(invalid(
            name,
            1,
            &raw.lexicon,
            "lexicon and version must not be empty",
        ));
    }
    if !valid_date(&raw.effective) {
        return Err(invalid(
            name,
            1,
            &raw.effective,
            "effective must be YYYY-MM-DD",
        ));
    }
    for t in raw.term {
        let line = line_of(text, t.term.span().start);
        let term = t.term.into_inner();
        let bad = |message: String| invalid(name, line, &term, &message);
        if term.trim().is_empty() {
            return Err(bad("empty term".into()));
        }
        let category_name = t
            .category
            .or_else(|| raw.defaults.category.clone())
            .ok_or_else(|| bad("no category (and no default)".into()))?;
        let category = Category::parse(&category_name).ok_or_else(|| {
            bad(format!(
                "unknown category {category_name:?} (known: {})",
                Category::ALL.map(Category::as_str).join(", ")
            ))
        })?;
        let kind_name = t
            .kind
            .or_else(|| raw.defaults.kind.clone())
            .unwrap_or_else(|| "plain".into());
        let kind = TermKind::parse(&kind_name)
            .ok_or_else(|| bad(format!("unknown kind {kind_name:?}")))?;
        if !kind.allowed_in(category) {
            return Err(bad(format!(
                "kind {kind_name:?} not allowed in category {category_name:?}"
            )));
        }
        let provision = t
            .provision
            .or_else(|| raw.defaults.provision.clone())
            .unwrap_or_default();
        if provision.trim().is_empty() {
            return Err(bad("no provision (and no default)".into()));
        }
        let severity_name = t
            .severity
            .or_else(|| raw.defaults.severity.clone())
            .unwrap_or_default();
        let severity = Severity::parse(&severity_name).ok_or_else(|| {
            bad(format!(
                "unknown severity {severity_name:?} (low, medium, high)"
            ))
        })?;
        let effective = t.effective.unwrap_or_else(|| raw.effective.clone());
        if !valid_date(&effective) {
            return Err(bad(format!("effective {effective:?} is not YYYY-MM-DD")));
        }
        entries.push(Entry {
            term,
            variants: t.variants,
            category,
            kind,
            provision,
            severity,
            version: t.version.unwrap_or_else(|| raw.version.clone()),
            effective,
            note: t.note,
            lexicon: file.clone(),
            line,
        });
    }
    for x in raw.exempt {
        let line = line_of(text, x.pattern.span().start);
        let pattern = x.pattern.into_inner();
        let kind = ExemptKind::parse(&x.kind).ok_or_else(|| {
            invalid(
                name,
                line,
                &pattern,
                &format!("unknown exemption kind {:?}", x.kind),
            )
        })?;
        exemptions.push(Exemption {
            pattern,
            kind,
            lexicon: file.clone(),
            line,
        });
    }
    for (cue, list) in raw.cues {
        let line = line_of(text, list.span().start);
        if !CUE_LISTS.contains(&cue.as_str()) {
            return Err(invalid(
                name,
                line,
                &cue,
                &format!("unknown cue list (known: {})", CUE_LISTS.join(", ")),
            ));
        }
        let target = cues.entry(cue.clone()).or_default();
        for c in list.into_inner() {
            let n = normalize(&c).as_str().to_string();
            if n.is_empty() {
                return Err(invalid(name, line, &c, "cue normalises to nothing"));
            }
            target.push(n);
        }
    }
    for r in raw.required {
        let line = line_of(text, r.statement.span().start);
        let statement = r.statement.into_inner();
        if let Some(pc) = r
            .product_classes
            .iter()
            .find(|pc| !PRODUCT_CLASSES.contains(&pc.as_str()))
        {
            return Err(invalid(
                name,
                line,
                &statement,
                &format!("unknown product class {pc:?}"),
            ));
        }
        required.push(Required {
            statement,
            product_classes: r.product_classes,
            provision: r.provision,
            lexicon: file.clone(),
        });
    }
    files.push(LexiconFile {
        file,
        lexicon: raw.lexicon,
        version: raw.version,
        effective: raw.effective,
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "lexicon = \"t\"\nversion = \"1\"\neffective = \"2024-01-01\"\n[defaults]\ncategory = \"counterfeit\"\nprovision = \"商标法 第五十七条\"\nseverity = \"high\"\n";

    #[test]
    fn builtin_lexicons_load() {
        let lex = Lexicon::try_builtin().unwrap();
        assert_eq!(lex.files().len(), BUILTIN_FILES.len());
        for c in Category::ALL {
            assert!(
                lex.entries().iter().any(|e| e.category == c),
                "no entry of category {}",
                c.as_str()
            );
        }
        for cue in CUE_LISTS {
            assert!(!lex.cue(cue).is_empty(), "cue list {cue} empty");
        }
        assert!(lex.entries().iter().all(|e| !e.provision.is_empty()));
    }

    #[test]
    fn duplicate_term_names_file_line_and_term() {
        let text = format!("{HEADER}[[term]]\nterm = \"高仿\"\n[[term]]\nterm = \"高 仿\"\n");
        let err = Lexicon::from_str("x.toml", &text).unwrap_err();
        assert_eq!(
            err,
            LexiconError::Duplicate(Box::new(Duplicate {
                file: "x.toml".into(),
                line: 11,
                term: "高 仿".into(),
                normalized: "高仿".into(),
                first_file: "x.toml".into(),
                first_line: 9,
                first_term: "高仿".into(),
            }))
        );
        assert!(err.to_string().starts_with("x.toml:11:"), "{err}");
    }

    #[test]
    fn duplicate_across_files_is_an_error() {
        let a = format!("{HEADER}[[term]]\nterm = \"原单\"\n");
        let b = format!("{HEADER}[[term]]\nterm = \"原單\"\n");
        let err = Lexicon::from_sources(&[("a.toml", &a), ("b.toml", &b)]).unwrap_err();
        assert!(
            matches!(err, LexiconError::Duplicate(ref d) if d.file == "b.toml" && d.first_file == "a.toml"),
            "{err}"
        );
    }

    #[test]
    fn unknown_category_names_file_line_and_term() {
        let text = format!("{HEADER}[[term]]\nterm = \"高仿\"\ncategory = \"fake\"\n");
        let err = Lexicon::from_str("y.toml", &text).unwrap_err();
        match err {
            LexiconError::Invalid {
                file,
                line,
                term,
                message,
            } => {
                assert_eq!((file.as_str(), line, term.as_str()), ("y.toml", 9, "高仿"));
                assert!(message.contains("unknown category \"fake\""), "{message}");
            }
            other => panic!("{other}"),
        }
    }

    #[test]
    fn other_format_errors_are_caught() {
        let cases = [
            (
                "[[term]]\nterm = \"高仿\"\nseverity = \"huge\"\n",
                "unknown severity",
            ),
            (
                "[[term]]\nterm = \"高仿\"\nkind = \"rank\"\n",
                "not allowed",
            ),
            (
                "[[term]]\nterm = \"高仿\"\neffective = \"2024-13-01\"\n",
                "YYYY-MM-DD",
            ),
            ("[[term]]\nterm = \"  \"\n", "empty term"),
            (
                "[[term]]\nterm = \"高仿\"\n[[exempt]]\npattern = \"仿真\"\nkind = \"not_a_term\"\n",
                "contains no term",
            ),
            (
                "[[term]]\nterm = \"高仿\"\n[[exempt]]\npattern = \"高仿真\"\nkind = \"nope\"\n",
                "unknown exemption kind",
            ),
            (
                "[[term]]\nterm = \"高仿\"\n[cues]\nmood = [\"x\"]\n",
                "unknown cue list",
            ),
            (
                "[[term]]\nterm = \"高仿\"\n[[required]]\nstatement = \"x\"\nproduct_classes = [\"pets\"]\nprovision = \"p\"\n",
                "unknown product class",
            ),
        ];
        for (body, expected) in cases {
            let err = Lexicon::from_str("z.toml", &format!("{HEADER}{body}")).unwrap_err();
            assert!(err.to_string().contains(expected), "{body}: {err}");
            assert!(err.to_string().starts_with("z.toml:"), "{err}");
        }
    }

    #[test]
    fn syntax_errors_and_unknown_fields_name_the_line() {
        let err = Lexicon::from_str(
            "s.toml",
            &format!("{HEADER}[[term]]\nterm = \"高仿\"\ncolour = \"red\"\n"),
        )
        .unwrap_err();
        assert!(
            matches!(err, LexiconError::Syntax { line: 8..=10, .. }),
            "{err}"
        );
        let err = Lexicon::from_str("s.toml", "lexicon = ").unwrap_err();
        assert!(matches!(err, LexiconError::Syntax { line: 1, .. }), "{err}");
    }

    #[test]
    fn defaults_apply_and_entries_keep_their_line() {
        let lex = Lexicon::from_str(
            "d.toml",
            &format!("{HEADER}[[term]]\nterm = \"高仿\"\nseverity = \"low\"\nversion = \"2\"\n"),
        )
        .unwrap();
        let e = lex.entry("高仿").unwrap();
        assert_eq!(e.category, Category::Counterfeit);
        assert_eq!(e.provision, "商标法 第五十七条");
        assert_eq!(e.severity, Severity::Low);
        assert_eq!(e.version, "2");
        assert_eq!(e.effective, "2024-01-01");
        assert_eq!(e.line, 9);
    }
}
