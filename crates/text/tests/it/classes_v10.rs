//! The 2026.10 classes fixed after seeing held-out set 10, with wordings of our own: a term split
//! by a line break is the term (广告法 第九条第（三）项, 第十七条), as one split by spaces already was,
//! while a break after punctuation or between list items joins nothing; and "治愈" as an adjective
//! of mood ("治愈系", "很治愈") is no disease-treatment claim (第十七条 forbids claiming to treat a
//! disease), while "治愈了失眠" still is.

use tianping_text::{JudgeContext, judge_absolute_terms, judge_claims};

fn ctx(class: &'static str) -> JudgeContext<'static> {
    JudgeContext {
        trademarks: &[],
        product_class: Some(class),
    }
}

/// The absolute-term violations of `text` (class `general`): (term, as written).
fn absolutes(text: &str) -> Vec<(String, String)> {
    judge_absolute_terms(text, &ctx("general"))
        .into_iter()
        .filter(|j| j.is_violation())
        .map(|j| (j.hit.term, j.hit.matched_original))
        .collect()
}

/// The claim violations of `text` for `class`, by term.
fn claims(text: &str, class: &'static str) -> Vec<String> {
    judge_claims(text, &ctx(class))
        .into_iter()
        .filter(|j| j.is_violation())
        .map(|j| j.hit.term)
        .collect()
}

#[test]
fn a_term_wrapped_over_lines_is_the_term() {
    // One char a line, a word wrapped mid-line, CRLF and spaces around the break.
    for (text, term, written) in [
        ("保温效果：最\n好\n的\n一款", "最好", "最\n好"),
        ("本款背包\n全球首\n发，限量", "全球首发", "全球首\n发"),
        ("品质\r\n顶 \n级 面料", "顶级", "顶 \n级"),
        ("咖啡机 国家\n级工艺", "国家级", "国家\n级"),
    ] {
        let found = absolutes(text);
        assert!(
            found.iter().any(|(t, w)| t == term && w == written),
            "{text:?}: {found:?}"
        );
    }
    // A break after punctuation or a bracket, list items that join no term, and a denial across
    // the break: nothing.
    for text in [
        "产地：最\n。高山茶园",
        "颜色：黑色\n（高级灰另售）",
        "材质：棉\n第二件半价",
        "我们不敢说最\n好，只说实在",
        "容量500ml\n重量300g\n适用：户外",
    ] {
        assert!(
            absolutes(text).is_empty(),
            "{text:?}: {:?}",
            absolutes(text)
        );
    }
    // Found once: a term on one line is not found again through the joined text.
    assert_eq!(absolutes("最好的\n一款").len(), 1);
}

#[test]
fn a_claim_wrapped_over_lines_is_the_claim() {
    assert!(!claims("每天一杯\n治\n疗失眠", "food").is_empty());
    assert!(!claims("坚持饮用，根\n治鼻炎", "food").is_empty());
    // A denial wrapped with it is still a denial.
    assert!(claims("本品不能治\n疗任何疾病", "food").is_empty());
}

#[test]
fn healing_as_a_mood_is_no_treatment_claim() {
    for text in [
        "治愈系手作陶艺 周末班",
        "这首歌好听又很治愈",
        "超治愈的森林露营，满满治愈感",
        "太治愈了，看完心情变好",
    ] {
        assert!(
            claims(text, "general").is_empty(),
            "{text}: {:?}",
            claims(text, "general")
        );
    }
    // Curing a disease, a cure rate, a treatment claim next to the mood word: claims.
    for text in [
        "喝了一个月，治愈了多年失眠",
        "治愈系花草茶，专治失眠",
        "治愈率高达95%",
        "三个疗程即可治愈",
    ] {
        assert!(!claims(text, "food").is_empty(), "{text}");
    }
}
