//! The 2026.8/2026.9 lexicon and judge classes fixed after seeing held-out set 8, with wordings of
//! our own: a lesion said to shrink or subside is a treatment claim (广告法 第十七条), and a grade
//! term next to goods whose national standard defines the grade is that grade (广告法 第九条第（三）项,
//! 执法指南第 3 项), and a required statement an OCR wraps over lines is still stated (第十八条第二款)
//! — each with positives, negatives and the boundary of its window.

use tianping_text::{
    ExemptReason, JudgeContext, Verdict, judge_absolute_terms, judge_claims, missing_statements,
};

fn ctx(class: &'static str) -> JudgeContext<'static> {
    JudgeContext {
        trademarks: &[],
        product_class: Some(class),
    }
}

/// The claim violations of `text` for `class`, by term.
fn claims(text: &str, class: &'static str) -> Vec<String> {
    judge_claims(text, &ctx(class))
        .into_iter()
        .filter(|j| j.is_violation())
        .map(|j| j.hit.term)
        .collect()
}

/// The absolute-term violations of `text` (class `food`), by term.
fn absolutes(text: &str) -> Vec<String> {
    judge_absolute_terms(text, &ctx("food"))
        .into_iter()
        .filter(|j| j.is_violation())
        .map(|j| j.hit.term)
        .collect()
}

#[test]
fn a_lesion_that_shrinks_or_subsides_is_a_treatment_claim() {
    for text in [
        "喝了半年，结节慢慢缩小",
        "坚持吃，肿瘤也会缩小的",
        "结节吃三个月消退",
        "每天一勺，结节就消掉了",
    ] {
        assert!(!claims(text, "food").is_empty(), "{text}");
    }
    // Not a disease: a size, a package.
    for text in [
        "包装缩小，更方便携带",
        "泡发后体积缩小一半",
        "红肿消退后再使用本品敷料",
    ] {
        assert!(
            claims(text, "food").is_empty(),
            "{text}: {:?}",
            claims(text, "food")
        );
    }
    // The gap: four chars between the disease and the outcome is a claim, five is not.
    assert!(!claims("肿瘤吃三个月缩小", "food").is_empty());
    assert!(claims("肿瘤吃了三个月缩小", "food").is_empty());
    // Denied: a disclaimer.
    assert!(claims("本品不能使肿瘤缩小", "food").is_empty());
}

#[test]
fn a_grade_next_to_graded_goods_is_the_standards_grade() {
    for text in [
        "青山 龙井 特级 礼盒",
        "龙井 明前特级 试饮装 50g",
        "特级 工夫红茶 100g",
    ] {
        assert!(absolutes(text).is_empty(), "{text}: {:?}", absolutes(text));
        let exempt = judge_absolute_terms(text, &ctx("food"))
            .into_iter()
            .any(|j| j.verdict == Verdict::Exempt(ExemptReason::StandardGrade));
        assert!(exempt, "{text}");
    }
    // No graded goods, or the goods in another clause: still a claim.
    for text in [
        "特级享受，尊贵体验",
        "龙井礼盒，特级享受",
        "特级品质 蜂蜜 500g",
    ] {
        assert!(!absolutes(text).is_empty(), "{text}");
    }
    // The window: the goods six chars before the grade are next to it, seven are not.
    assert!(absolutes("龙井茶园直供特级").is_empty());
    assert!(!absolutes("龙井茶园直供的特级").is_empty());
}

#[test]
fn a_required_statement_wrapped_over_lines_is_stated() {
    let ctx = ctx("health_food");
    for text in [
        "有助于 调节 血脂\n本品不能\n代替药物\n适宜人群：血脂偏高者",
        "辅助降血脂｜本品\r\n不能代替\t药物",
    ] {
        assert!(missing_statements(text, &ctx).is_empty(), "{text:?}");
    }
    // Sentence punctuation between its words, half of it, or a paraphrase: missing.
    for text in [
        "有助于调节血脂\n本品不能，代替药物",
        "有助于调节血脂\n本品不能",
        "非药品｜有助于调节血脂",
    ] {
        assert_eq!(missing_statements(text, &ctx).len(), 1, "{text:?}");
    }
}
