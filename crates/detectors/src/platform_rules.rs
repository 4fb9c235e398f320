//! Platform-to-merchant coercion read by the structure of a clause — shared by `unfair_terms`
//! (a restrictive clause in an agreement, rule or campaign's terms) and `below_cost` (a
//! campaign that compels merchants to sell below cost), so that both detectors read 电子商务法
//! 第三十五条's coercion the same way.
//!
//! - [`sanction`]: a punitive measure (平台经济领域反垄断指南 第十五条's list: 降低搜索排名, 限制流量,
//!   取消资格, 提高收费…) — a sanction verb with what it takes away, or a multiplied fee;
//! - [`platform_sets_price`]: the platform setting the merchant's price ("按平台核定价销售");
//! - [`price_locked`]: the price locked against the merchant ("价格商家不可修改");
//! - [`platform_sets_price_passive`] and [`merchant_barred_from_pricing`] (`unfair_terms` version
//!   8 only; `below_cost` keeps its own reading until its owner adopts them): the price set "由平台"
//!   in a passive sentence ("价格由平台…统一核定"), and the merchant forbidden to change its own price
//!   ("机构不得自行调价").
//!
//! The cue lists are data in `tianping-text`'s `unfair_terms.toml`; these functions take the
//! sentence already normalised.

use tianping_text::Lexicon;

/// Chars after a `sanction_verb` within which a `sanction_object` makes it a sanction.
const SANCTION_GAP: usize = 8;
/// Chars after a `fee_multiplier` within which a `fee_word` makes it a fee penalty.
const FEE_GAP: usize = 10;

/// A punitive measure by structure (version 5; 平台经济反垄断指南 第十五条's list: 降低搜索排名,
/// 限制流量, 取消资格, 提高收费…): a `sanction_verb` followed in its clause within
/// [`SANCTION_GAP`] chars by a `sanction_object` ("取消首页资源位", "降低搜索排序", "不予首页推荐",
/// "取消其本平台全部活动资格"), not itself denied ("不会降低曝光"); or a `fee_multiplier` followed
/// within [`FEE_GAP`] chars by a `fee_word`, or the other way round ("按双倍标准收取技术服务费",
/// "佣金按三倍收取"). The words, joined.
pub(crate) fn sanction(lex: &Lexicon, n: &str) -> Option<String> {
    let follows = |first: &str, list: &str, gap: usize| -> Option<String> {
        for (i, _) in n.match_indices(first).take(32) {
            let before: Vec<char> = n[..i].chars().rev().take(2).collect();
            if before
                .iter()
                .any(|c| matches!(c, '不' | '无' | '未' | '非'))
            {
                continue;
            }
            let after = &n[i + first.len()..];
            let clause_end = after
                .char_indices()
                .find(|(_, c)| matches!(c, '，' | ',' | '；' | ';' | '。' | '：' | ':'))
                .map_or(after.len(), |(b, _)| b);
            let reach = &after[..clause_end];
            if let Some(object) = lex
                .cue(list)
                .iter()
                .filter_map(|o| reach.find(o.as_str()).map(|at| (at, o)))
                .filter(|(at, _)| reach[..*at].chars().count() <= gap)
                .min()
            {
                return Some(format!("{first}…{}", object.1));
            }
        }
        None
    };
    lex.cue("sanction_verb")
        .iter()
        .find_map(|v| follows(v, "sanction_object", SANCTION_GAP))
        .or_else(|| {
            lex.cue("fee_multiplier")
                .iter()
                .find_map(|m| follows(m, "fee_word", FEE_GAP))
        })
        // The fee first ("次月佣金按三倍收取").
        .or_else(|| {
            lex.cue("fee_word")
                .iter()
                .find_map(|f| follows(f, "fee_multiplier", FEE_GAP))
        })
}

/// A punitive measure worded **object first** (`unfair_terms` version 11 only; `below_cost` keeps
/// [`sanction`] until its owner adopts this): a `demoted_object` (排名, 流量, 曝光…) followed in its
/// clause within [`SANCTION_GAP`] chars by a `demotion_verb` not denied in the two chars before it
/// — "搜索排名下调至末位", "每日流量配额由5万降至5千" (平台经济反垄断指南 第十五条: 降低搜索排名, 限制
/// 流量). "排名不会下调" and "不影响排名和流量" are none; a lower deposit or fee is no object.
/// The words, joined.
pub(crate) fn sanction_object_first(lex: &Lexicon, n: &str) -> Option<String> {
    for object in lex.cue("demoted_object") {
        for (i, _) in n.match_indices(object.as_str()).take(32) {
            let after = &n[i + object.len()..];
            let clause_end = after
                .char_indices()
                .find(|(_, c)| matches!(c, '，' | ',' | '；' | ';' | '。' | '：' | ':'))
                .map_or(after.len(), |(b, _)| b);
            let reach = &after[..clause_end];
            let found = lex
                .cue("demotion_verb")
                .iter()
                .flat_map(|v| reach.match_indices(v.as_str()).map(move |(at, _)| (at, v)))
                .filter(|(at, _)| reach[..*at].chars().count() <= SANCTION_GAP)
                .filter(|(at, _)| {
                    !reach[..*at]
                        .chars()
                        .rev()
                        .take(2)
                        .any(|c| matches!(c, '不' | '无' | '未' | '非'))
                })
                .min();
            if let Some((_, verb)) = found {
                return Some(format!("{object}…{verb}"));
            }
        }
    }
    None
}

/// A price locked against the merchant (version 5): a `price_lock` word ("不可修改", "锁定") after
/// a `price_word` in the sentence ("团长端价格商家不可修改"). The words, joined.
pub(crate) fn price_locked(lex: &Lexicon, n: &str) -> Option<String> {
    lex.cue("price_lock").iter().find_map(|w| {
        let at = n.find(w.as_str())?;
        lex.cue("price_word")
            .iter()
            .find(|p| n[..at].contains(p.as_str()) || (w == "锁定" && n[at..].contains(p.as_str())))
            .map(|p| format!("{p}…{w}"))
    })
}

/// Chars after "平台" within which a `price_setting` verb makes the platform the price setter.
const SETTER_GAP: usize = 16;
/// Chars after that verb within which a `price_word` names what it sets.
const PRICE_WORD_GAP: usize = 8;

/// "平台" followed within [`SETTER_GAP`] chars by a `price_setting` verb not negated ("不设",
/// "不得调整" are not setting), then within [`PRICE_WORD_GAP`] chars by a `price_word`:
/// "按平台核定价销售", "平台比价系统将自动调整报名商品售价". The words, joined.
pub(crate) fn platform_sets_price(lex: &Lexicon, n: &str) -> Option<String> {
    let window = |s: &str, chars: usize| -> usize {
        s.char_indices().nth(chars).map_or(s.len(), |(b, _)| b)
    };
    for (i, _) in n.match_indices("平台").take(64) {
        let after = &n[i + "平台".len()..];
        let reach = &after[..window(after, SETTER_GAP)];
        for verb in lex.cue("price_setting") {
            let Some(at) = reach.find(verb.as_str()) else {
                continue;
            };
            if reach[..at]
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, '不' | '无' | '未' | '得'))
            {
                continue;
            }
            // Version 5: the merchant setting its own price ("由商家自行调价") is no platform price.
            let lead: String = {
                let v: Vec<char> = reach[..at].chars().rev().take(4).collect();
                v.into_iter().rev().collect()
            };
            if lead.contains("自行")
                || lead.contains("自主")
                || lex
                    .cue("counterparty")
                    .iter()
                    .any(|c| lead.contains(c.as_str()))
            {
                continue;
            }
            // A verb that names the price itself ("跟价", "调价") needs no price word after it.
            if verb.ends_with('价') {
                return Some(format!("平台…{verb}"));
            }
            let rest = &after[at + verb.len()..];
            let rest = &rest[..window(rest, PRICE_WORD_GAP)];
            if let Some(word) = lex
                .cue("price_word")
                .iter()
                .find(|w| rest.contains(w.as_str()))
            {
                return Some(format!("平台…{verb}…{word}"));
            }
        }
    }
    None
}

/// Chars at most between the end of a `price_word` and the "由平台" that sets it ("价格|由平台").
const PASSIVE_PRICE_GAP: usize = 6;

/// The price set by the platform in a passive sentence (version 8 of `unfair_terms`): a
/// `price_word`, then within [`PASSIVE_PRICE_GAP`] chars "由" + a `platform_party` ("由平台",
/// "由本平台"), then within [`SETTER_GAP`] chars a `price_setting` verb not negated ("参加项目的价格
/// 由平台按同城最低价统一核定"). The words, joined.
pub(crate) fn platform_sets_price_passive(lex: &Lexicon, n: &str) -> Option<String> {
    let window = |s: &str, chars: usize| -> usize {
        s.char_indices().nth(chars).map_or(s.len(), |(b, _)| b)
    };
    for (i, _) in n.match_indices('由').take(32) {
        let after = &n[i + '由'.len_utf8()..];
        // "由平台", "由本平台", "由该平台".
        let after = after
            .strip_prefix('本')
            .or_else(|| after.strip_prefix('该'))
            .unwrap_or(after);
        let Some(party) = lex
            .cue("platform_party")
            .iter()
            .find(|p| after.starts_with(p.as_str()))
        else {
            continue;
        };
        let lead: String = {
            let v: Vec<char> = n[..i].chars().rev().take(PASSIVE_PRICE_GAP + 2).collect();
            v.into_iter().rev().collect()
        };
        let Some(word) = lex.cue("price_word").iter().find(|w| {
            lead.rfind(w.as_str())
                .is_some_and(|at| lead[at + w.len()..].chars().count() <= PASSIVE_PRICE_GAP)
        }) else {
            continue;
        };
        let after = &after[party.len()..];
        let reach = &after[..window(after, SETTER_GAP)];
        for verb in lex.cue("price_setting") {
            let Some(at) = reach.find(verb.as_str()) else {
                continue;
            };
            if reach[..at]
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, '不' | '无' | '未' | '得'))
            {
                continue;
            }
            return Some(format!("{word}…由{party}…{verb}"));
        }
    }
    None
}

/// Chars between a `price_bar` word and the `price_change` it forbids ("不得|自行|调价").
const PRICE_BAR_GAP: usize = 4;

/// The merchant forbidden to change its own price (version 8 of `unfair_terms`): a `price_bar`
/// ("不得", "不能") followed within [`PRICE_BAR_GAP`] chars of its clause by a `price_change`
/// ("调价", "改价", "调整价格"): "机构不得自行调价". Not when the nearest party before it in its
/// clause is the platform ("平台不得擅自调价" binds the platform). The words, joined.
pub(crate) fn merchant_barred_from_pricing(lex: &Lexicon, n: &str) -> Option<String> {
    for bar in lex.cue("price_bar") {
        for (i, _) in n.match_indices(bar.as_str()).take(32) {
            let after = &n[i + bar.len()..];
            let clause_end = after
                .char_indices()
                .find(|(_, c)| matches!(c, '，' | ',' | '；' | ';' | '。' | '：' | ':'))
                .map_or(after.len(), |(b, _)| b);
            let reach = &after[..clause_end];
            let Some((_, change)) = lex
                .cue("price_change")
                .iter()
                .filter_map(|c| reach.find(c.as_str()).map(|at| (at, c)))
                .filter(|(at, _)| reach[..*at].chars().count() <= PRICE_BAR_GAP)
                .min()
            else {
                continue;
            };
            let before = &n[..i];
            let clause = before
                .rsplit(['，', ',', '；', ';', '。', '：', ':'])
                .next()
                .unwrap_or(before);
            let last = |list: &str| {
                lex.cue(list)
                    .iter()
                    .filter_map(|w| clause.rfind(w.as_str()))
                    .max()
            };
            let platform_bound = match (last("platform_party"), last("counterparty")) {
                (Some(p), Some(c)) => p > c,
                (Some(_), None) => true,
                _ => false,
            };
            if !platform_bound {
                return Some(format!("{bar}…{change}"));
            }
        }
    }
    None
}
