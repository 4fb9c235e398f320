//! Cases written from 《广告法》 arts. 9(3), 16–18 and the SAMR 《广告绝对化用语执法指南》 (2023)
//! as summarised in mission-anchors §5.4: for each exemption, one text it lifts and one it does not.

use tianping_text::{
    ExemptReason, JudgeContext, Verdict, judge_absolute_terms, judge_claims, missing_statements,
};

/// (term, verdict) for every absolute term in `text`.
fn verdicts(text: &str, ctx: &JudgeContext<'_>) -> Vec<(String, Verdict)> {
    judge_absolute_terms(text, ctx)
        .into_iter()
        .map(|j| (j.hit.term, j.verdict))
        .collect()
}

fn one(text: &str, ctx: &JudgeContext<'_>) -> Verdict {
    let v = verdicts(text, ctx);
    assert_eq!(v.len(), 1, "{text}: {v:?}");
    v[0].1
}

const NONE: JudgeContext<'static> = JudgeContext {
    trademarks: &[],
    product_class: None,
};

fn class(c: &'static str) -> JudgeContext<'static> {
    JudgeContext {
        trademarks: &[],
        product_class: Some(c),
    }
}

const V: Verdict = Verdict::Violation;
fn ex(r: ExemptReason) -> Verdict {
    Verdict::Exempt(r)
}

#[test]
fn plain_absolute_terms_are_violations() {
    assert_eq!(one("最优秀炒货店，欢迎品尝", &NONE), V);
    assert_eq!(one("国家级产品，值得信赖", &NONE), V);
    assert_eq!(one("口感最佳的龙井", &NONE), V);
    assert_eq!(one("全网最低价，错过再等一年", &NONE), V);
    let j = &judge_absolute_terms("西湖龙井，品质第一！限时特惠。", &NONE)[0];
    assert_eq!(j.provision, "广告法 第九条第（三）项");
    assert_eq!(j.hit.sentence, "西湖龙井，品质第一！");
    assert!(j.reason_zh.contains("第一") && j.reason_en.contains("breaches"));
}

#[test]
fn trademark_containing_the_term() {
    let marks = ["最佳拍档".to_string()];
    let ctx = JudgeContext {
        trademarks: &marks,
        product_class: Some("food"),
    };
    assert_eq!(
        one("最佳拍档牌速冻水饺 1kg", &ctx),
        ex(ExemptReason::Trademark)
    );
    // The mark does not cover a bare use of the term …
    assert_eq!(one("最佳速冻水饺 1kg", &ctx), V);
    // … and without the merchant's mark the same text is a violation.
    assert_eq!(one("最佳拍档牌速冻水饺 1kg", &class("food")), V);
}

#[test]
fn usage_tip() {
    assert_eq!(
        one("开封后最佳赏味期为7天", &NONE),
        ex(ExemptReason::UsageTip)
    );
    assert_eq!(
        one("最 佳 使用温度：18-25℃", &NONE),
        ex(ExemptReason::UsageTip)
    );
    assert_eq!(one("开封后口感最佳", &NONE), V);
}

#[test]
fn technical_parameter() {
    assert_eq!(one("最高承重150kg", &NONE), ex(ExemptReason::Specification));
    assert_eq!(one("性价比最高", &NONE), V);
}

#[test]
fn standard_grade() {
    assert_eq!(
        one("质量等级：特级，执行标准GB/T 18650", &NONE),
        ex(ExemptReason::StandardGrade)
    );
    assert_eq!(
        one("特级初榨橄榄油 500ml", &NONE),
        ex(ExemptReason::StandardGrade)
    );
    assert_eq!(
        one("国家一级能效变频空调", &NONE),
        ex(ExemptReason::StandardGrade)
    );
    assert_eq!(one("特级享受，尊贵体验", &NONE), V);
    assert_eq!(one("国家一级品质，放心选购", &NONE), V);
}

#[test]
fn self_comparison_within_the_brand() {
    assert_eq!(
        one("本店最新款连衣裙", &NONE),
        ex(ExemptReason::SelfComparison)
    );
    assert_eq!(
        one("这是本品牌最畅销的一款", &NONE),
        ex(ExemptReason::SelfComparison)
    );
    assert_eq!(one("最新款连衣裙", &NONE), V);
    assert_eq!(one("最畅销的空气炸锅", &NONE), V);
    // A market-wide term is never a self-comparison.
    assert_eq!(one("本店全网最低价", &NONE), V);
    // The self-reference must be in the same clause.
    assert_eq!(one("本店上新，最畅销的空气炸锅", &NONE), V);
}

#[test]
fn time_and_order_statements() {
    assert_eq!(
        one("第一次购买享九折", &NONE),
        ex(ExemptReason::TimeOrOrder)
    );
    assert_eq!(one("第一季新品上线", &NONE), ex(ExemptReason::TimeOrOrder));
    assert_eq!(
        one("第一条 本协议由平台与平台内经营者订立", &NONE),
        ex(ExemptReason::TimeOrOrder)
    );
    assert_eq!(
        one("据某平台2025年度统计，该型号销量第一", &NONE),
        ex(ExemptReason::TimeOrOrder)
    );
    assert_eq!(one("品质第一，服务至上", &NONE), V);
    assert_eq!(one("该型号销量第一", &NONE), V);
    // A year without a source is not enough.
    assert_eq!(one("2025年销量第一", &NONE), V);
}

#[test]
fn non_ranking_uses() {
    assert_eq!(
        one("每件商品有唯一性编码", &NONE),
        ex(ExemptReason::NonRanking)
    );
    assert_eq!(
        one("依据最高人民法院司法解释", &NONE),
        ex(ExemptReason::NonRanking)
    );
    assert_eq!(one("本市唯一认证门店", &NONE), V);
}

#[test]
fn disguised_terms_are_still_judged() {
    for text in [
        "zui佳口感",
        "最*佳口感",
        "最\u{200b}佳口感",
        "最🔥佳口感",
        "醉佳口感",
        "NO.1 的口感",
        "ｔｏｐ１口感",
    ] {
        let v = verdicts(text, &NONE);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        assert_eq!(v[0].1, V, "{text}");
    }
    assert_eq!(one("品质第①", &NONE), V);
}

#[test]
fn strict_classes_lose_the_exemptions_for_efficacy() {
    let text = "最佳使用时间为睡前，改善睡眠效果更好";
    assert_eq!(one(text, &class("food")), ex(ExemptReason::UsageTip));
    assert_eq!(one(text, &class("health_food")), V);
    assert!(
        judge_absolute_terms(text, &class("health_food"))[0]
            .reason_zh
            .contains("三品一械")
    );
    // Without an efficacy cue the usage tip stands, also for health food.
    assert_eq!(
        one("最佳使用时间为早餐后", &class("health_food")),
        ex(ExemptReason::UsageTip)
    );
    // Time/order statements are not absolute uses at all.
    assert_eq!(
        one("第一次服用后改善明显", &class("health_food")),
        ex(ExemptReason::TimeOrOrder)
    );
}

#[test]
fn offsets_point_into_the_original() {
    let text = "【限时】本款 ＺＵＩ 佳！全网第①，國家級品質";
    let judged = judge_absolute_terms(text, &NONE);
    let quoted: Vec<&str> = judged
        .iter()
        .map(|j| j.hit.matched_original.as_str())
        .collect();
    assert_eq!(quoted, ["ＺＵＩ 佳", "全网第①", "國家級"]);
    for j in &judged {
        assert_eq!(
            &text[j.hit.start_byte..j.hit.end_byte],
            j.hit.matched_original
        );
        let chars: Vec<char> = text.chars().collect();
        let by_char: String = chars[j.hit.start_char..j.hit.end_char].iter().collect();
        assert_eq!(by_char, j.hit.matched_original);
    }
}

fn claim_verdicts(text: &str, c: &'static str) -> Vec<(String, Verdict, String)> {
    judge_claims(text, &class(c))
        .into_iter()
        .map(|j| (j.hit.term, j.verdict, j.provision))
        .collect()
}

#[test]
fn medical_claims_by_class() {
    assert_eq!(
        claim_verdicts("山楂茶，降血压", "food"),
        [("降血压".into(), V, "广告法 第十七条".into())]
    );
    assert_eq!(
        claim_verdicts("鱼油软胶囊，降血压", "health_food"),
        [("降血压".into(), V, "广告法 第十八条第（二）项".into())]
    );
    assert_eq!(
        claim_verdicts("用于治疗原发性高血压", "drug"),
        [(
            "治疗".into(),
            ex(ExemptReason::ClassAllowed),
            "广告法 第十七条".into()
        )]
    );
}

#[test]
fn efficacy_guarantees_by_class() {
    assert_eq!(
        claim_verdicts("无效退款", "health_food"),
        [("无效退款".into(), V, "广告法 第十八条第（一）项".into())]
    );
    assert_eq!(
        claim_verdicts("治愈率高达98%", "medical_device"),
        [("治愈率".into(), V, "广告法 第十六条第（二）项".into())]
    );
}

#[test]
fn cosmetic_special_efficacy() {
    let v = claim_verdicts("补水美白面霜", "ordinary_cosmetic");
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].1, V);
    let v = claim_verdicts("补水美白面霜", "special_cosmetic");
    assert_eq!(v[0].1, ex(ExemptReason::ClassAllowed));
    assert!(claim_verdicts("补水保湿面霜", "ordinary_cosmetic").is_empty());
    assert_eq!(claim_verdicts("医学护肤品", "special_cosmetic")[0].1, V);
}

#[test]
fn health_food_must_say_it_is_no_substitute_for_drugs() {
    let ctx = class("health_food");
    let missing = missing_statements("鱼油软胶囊，辅助降血脂", &ctx);
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].statement, "本品不能代替药物");
    assert_eq!(missing[0].provision, "广告法 第十八条第二款");
    assert!(missing_statements("鱼油软胶囊。本品不能 代替药物", &ctx).is_empty());
    assert!(missing_statements("鱼油软胶囊", &class("food")).is_empty());
}

#[test]
fn ranking_words_of_the_segmenter_dictionary_stay_violations() {
    // Words the segmenter knows that end with a term, or that the lexicon lists as terms.
    for text in [
        "天下第一的好茶",
        "信誉第一",
        "名列第一",
        "荣获最佳口碑",
        "达到最佳状态",
        "呼声最高的一款",
        "最新款连衣裙",
        "至尊版礼盒",
        "独家生产工艺",
        "唯一一家授权店",
        "送礼最佳人选",
        "高价回收，最高价收购",
    ] {
        let v = verdicts(text, &NONE);
        assert!(!v.is_empty() && v.iter().all(|x| x.1 == V), "{text}: {v:?}");
    }
    // Ordinary words that start with a term are not absolute uses.
    for text in ["第一个到店的顾客", "算法最优化", "依据最高人民法院的解释"]
    {
        let v = verdicts(text, &NONE);
        assert!(
            v.iter().all(|x| x.1 == ex(ExemptReason::NonRanking)),
            "{text}: {v:?}"
        );
    }
}

#[test]
fn official_titles_and_names() {
    assert_eq!(
        one("产自国家级非物质文化遗产传承基地", &NONE),
        ex(ExemptReason::OfficialTitle)
    );
    assert_eq!(one("国家级手艺，匠心之作", &NONE), V);
    assert_eq!(
        one("深圳市宝安区第一工业区B栋", &NONE),
        ex(ExemptReason::NonRanking)
    );
    assert_eq!(one("工艺第一，品质保证", &NONE), V);
}

/// 执法指南第 6 项: an award conferred by a named event, with its year, is not an absolute term
/// (the certificate is still to be checked); the same rank without the event, the year or the verb
/// of conferral stays a violation.
#[test]
fn awards_conferred_by_a_named_event_with_its_year() {
    assert_eq!(
        one("该款茶具荣获2024年全国陶瓷设计大赛金奖第一名", &NONE),
        ex(ExemptReason::OfficialTitle)
    );
    assert_eq!(
        one("被评为2023年度杭州市食品评比最佳", &NONE),
        ex(ExemptReason::OfficialTitle)
    );
    // At the threshold: each element missing in turn.
    assert_eq!(one("荣获全国陶瓷设计大赛第一名", &NONE), V, "no year");
    assert_eq!(one("荣获2024年行业第一", &NONE), V, "no event");
    assert_eq!(
        one("2024年全国陶瓷设计大赛我们是第一", &NONE),
        V,
        "no verb of conferral"
    );
    // The verb must come before the term: a rank claimed first and an award mentioned after it.
    assert_eq!(one("品质第一，荣获2024年设计大赛银奖", &NONE), V);
}

/// 广告法 第十七条: "治好" a disease, or comparing the goods with taking medicine, in an ad for
/// anything but medical services, drugs and devices.
#[test]
fn cure_claims_and_comparisons_with_medicine() {
    assert_eq!(
        claim_verdicts("这款枕头睡一周颈椎病就能治好", "general"),
        [("治好".into(), V, "广告法 第十七条".into())]
    );
    assert_eq!(
        claim_verdicts("每天一杯，比吃药还管用", "food"),
        [("比吃药".into(), V, "广告法 第十七条".into())]
    );
    // A drug may state its indication; ordinary wording without a cure claim is not one.
    assert_eq!(
        claim_verdicts("本品能治好风寒感冒引起的头痛", "drug"),
        [(
            "治好".into(),
            ex(ExemptReason::ClassAllowed),
            "广告法 第十七条".into()
        )]
    );
    assert!(claim_verdicts("睡前喝一杯，帮助放松", "food").is_empty());
}

/// 广告法 第九条第（三）项 "等用语": firsts claimed over the world, the country or the trade, comparisons
/// with all of history, and "beyond compare" are absolute terms; a first of one's own series is a
/// time/order statement of the shop.
#[test]
fn market_wide_firsts_history_and_beyond_compare() {
    for (text, term) in [
        ("全球首创磁吸设计", "全球首款"),
        ("史上最舒适的枕头", "史上最"),
        ("口感无与伦比", "无可替代"),
    ] {
        let v = verdicts(text, &NONE);
        assert_eq!(v, [(term.to_string(), V)], "{text}");
    }
    assert!(verdicts("本系列第二代产品，续航提升30%", &NONE).is_empty());
}

/// 2026.4, 执法指南: a superlative over a whole market ("全世界最…", "全网最…"), "没有之一" and an
/// unsourced "销量冠军" point at the goods; a motto of service attitude ("顾客第一") does not; a
/// comparison within one's own live room is a self-comparison unless the clause also claims the
/// whole market.
#[test]
fn market_scope_philosophy_and_own_range() {
    for (text, term) in [
        ("这件羽绒服全世界最保暖", "全网最"),
        ("国内最耐用的锅", "全网最"),
        ("这款就是好用，没有之一", "没有之一"),
        ("全网销量冠军，专业选手都在用", "销量冠军"),
    ] {
        let v = verdicts(text, &NONE);
        assert!(v.contains(&(term.to_string(), V)), "{text}: {v:?}");
    }
    assert_eq!(
        one("我们的宗旨：顾客第一，服务至上。", &NONE),
        ex(ExemptReason::Philosophy)
    );
    assert_eq!(
        one("坚持安全第一，规范施工", &NONE),
        ex(ExemptReason::Philosophy)
    );
    // Not a motto: "第一" ranks the goods ("销量第一" is its own term) or does not end its clause.
    assert_eq!(one("顾客第一选择的品牌", &NONE), V);
    assert_eq!(
        one("这是我们直播间今年卖得最好的一款，三个月卖了两万件", &NONE),
        ex(ExemptReason::SelfComparison)
    );
    // Boundary: the same self-reference with a market-wide scope in the clause.
    let v = verdicts("我们直播间这款是全网卖得最好的", &NONE);
    assert!(v.iter().all(|(_, x)| *x == V), "{v:?}");
}

/// 2026.4, 广告法 第十七条 / 第十八条第（二）项: saying a named disease improves or goes away is a
/// treatment claim whatever the words; a drug or device may state its indication; a disease
/// named with no outcome, or an outcome too far from it, is not.
#[test]
fn disease_outcomes_are_treatment_claims() {
    let v = claim_verdicts("清肝明目，喝一个月近视度数降低，视力恢复", "food");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!((v[0].1, v[0].2.as_str()), (V, "广告法 第十七条"));
    let v = claim_verdicts("每天两片，吃三个月糖尿病就好了", "health_food");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].2, "广告法 第十八条第（二）项");
    let v = claim_verdicts("坚持泡脚，根治鼻炎", "general");
    assert_eq!(v.len(), 1, "{v:?}");
    let v = claim_verdicts("用于高血压引起的头痛缓解", "drug");
    assert!(
        v.iter().all(|x| x.1 == ex(ExemptReason::ClassAllowed)),
        "{v:?}"
    );
    for text in [
        "防蓝光近视眼镜，度数可选",
        "三高人群可咨询医生后食用",
        // Boundary: the outcome five chars after the disease.
        "近视的学生用眼过度降低了效率",
    ] {
        assert!(claim_verdicts(text, "food").is_empty(), "{text}");
    }
}

/// Violations among `text`'s absolute terms, by term.
fn violations(text: &str) -> Vec<String> {
    verdicts(text, &NONE)
        .into_iter()
        .filter(|v| v.1 == V)
        .map(|v| v.0)
        .collect()
}

/// 2026.5, 广告法 第九条第（三）项 and the guideline's item 7 (a ranking needs its time, scope and
/// basis): a whole-market scope — "全" before a place name, or 全市/全国… — then "最" a few chars on
/// is a superlative over the market, whatever adjective follows; a "最" of time or order is not.
#[test]
fn a_scope_over_a_whole_market_before_zui() {
    for text in [
        "全宁波配送费最便宜的鲜花店",
        "全浙江口碑最好的搬家公司",
        "全市上门速度最快，半小时到",
        "我们是全西湖区价格最实惠的",
    ] {
        assert_eq!(
            violations(text).len(),
            1,
            "{text}: {:?}",
            verdicts(text, &NONE)
        );
    }
    for text in [
        // Time or order, not a superlative.
        "全市最后一批名额，周五截止",
        // No whole scope: 完全 and 安全 are words of their own.
        "完全按需定制，安全放心",
        // The scope and "最" in different clauses.
        "全杭州都能送，我们的价格最近调整过",
        // Boundary: "最" seven chars after the scope.
        "全杭州的门店今天起营业时间最长到十点",
    ] {
        assert!(
            violations(text).is_empty(),
            "{text}: {:?}",
            verdicts(text, &NONE)
        );
    }
}

/// 2026.5: "nothing is cheaper/better than us" is a superlative by comparison (第九条第（三）项);
/// an aphorism that does not compare the advertiser, or a plain comparison with a named product,
/// is not.
#[test]
fn nothing_better_than_us_is_a_superlative() {
    for text in [
        "全城再也找不到比我家更划算的了",
        "没有哪家比我们还便宜，放心下单",
        "同等品质，你找不出比这款更实惠的",
    ] {
        assert_eq!(
            violations(text).len(),
            1,
            "{text}: {:?}",
            verdicts(text, &NONE)
        );
    }
    // The term quotes the comparison up to its adjective.
    assert_eq!(violations("找不到比我们更便宜的了"), ["找不到比我们更便宜"]);
    assert_eq!(violations("全宁波口碑最靠谱的鲜花店"), ["全宁波口碑最靠谱"]);
    for text in [
        "没有比健康更重要的事",
        "这款比上一代更轻，续航多两小时",
        "找不到合适尺码？比对尺码表更准确",
    ] {
        assert!(
            violations(text).is_empty(),
            "{text}: {:?}",
            verdicts(text, &NONE)
        );
    }
}

/// 2026.5, 广告法 第十七条 forbids *claiming* treatment: a medical term denied in its clause
/// ("不能治病", "不要停药", "并非药品，不能用于治疗") is a disclaimer, not a claim; the same term
/// claimed in another clause still is; "不再" and "无需" are not denials.
#[test]
fn a_denied_medical_term_is_a_disclaimer() {
    for text in [
        "这款花草茶是普通饮品，不可以代替药物治疗",
        "糖尿病患者请遵医嘱，切勿擅自停药",
        "本品并非药品，不具有治疗作用",
    ] {
        let v = claim_verdicts(text, "food");
        assert!(!v.is_empty(), "{text}");
        assert!(
            v.iter().all(|x| x.1 == ex(ExemptReason::Disclaimer)),
            "{text}: {v:?}"
        );
    }
    for text in [
        // Denied in one clause, claimed in the next.
        "不要再乱花钱了，喝它就能治病",
        // "无需" is a claim that drugs are not needed, not a denial.
        "坚持喝三个月，无需打针就能治愈",
        // Boundary: the denial five chars before the term.
        "不能错过的养生方法治疗颈椎",
        // Not denials: a word holding 别, a double negative, a contrast.
        "别人喝了都说治病",
        "喝过的没有不治好的",
        "它不是药却能治病",
    ] {
        let v = claim_verdicts(text, "food");
        assert!(v.iter().any(|x| x.1 == V), "{text}: {v:?}");
    }
}
