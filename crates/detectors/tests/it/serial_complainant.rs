use serde_json::{Value, json};
use tianping_detectors::serial_complainant::SerialComplainant;

use crate::support::*;

const AS_OF: &str = "2026-05-01T00:00:00+08:00";

/// `n` complaints by `person`, one every `every` days back from April 30, against `respondents`
/// shops in turn.
fn complaints(
    person: &str,
    n: usize,
    every: usize,
    respondents: usize,
    text: &dyn Fn(usize) -> String,
    demand: &str,
) -> Vec<Value> {
    (0..n)
        .map(|i| {
            let day = 119 - (i * every) as i64; // days after 2026-01-01: April 30 back
            let date = tianping_domain::value::format_date(
                i64::from(tianping_domain::value::days_from_civil(2026, 1, 1).unwrap()) + day,
            );
            json!({"complaint_id": format!("{person}-{i}"), "received_at": format!("{date}T10:00:00+08:00"),
                "complainant_pid": person, "platform_id": "p", "merchant_id": format!("shop{}", i % respondents),
                "respondent_name": "某店", "text": text(i), "demand": demand})
        })
        .collect()
}

fn template(_: usize) -> String {
    "本人在贵店购买的进口饼干外包装无中文标签，违反食品安全法相关规定，要求退一赔十。".into()
}

fn varied(i: usize) -> String {
    [
        "电水壶漏水商家不给换。",
        "外卖洒了拒绝退款。",
        "健身房关门联系不上。",
        "羽绒服含绒量不符。",
        "快递丢件无人负责。",
        "话费多扣客服推脱。",
        "发错颜色不给换货。",
        "耳机一只没声音。",
    ][i % 8]
        .into()
}

fn detect(complaints: Vec<Value>, orders: Vec<Value>) -> Vec<tianping_detect::Finding> {
    run(
        &SerialComplainant,
        AS_OF,
        &data(&[("complaints", complaints), ("orders", orders)], 9),
    )
}

#[test]
fn a_template_claimant_demanding_punitive_damages_is_flagged_for_triage_only() {
    let f = detect(
        complaints("claimer", 20, 3, 10, &template, "punitive_compensation"),
        vec![],
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].subject.id, "claimer");
    assert_eq!(f[0].severity, tianping_detect::Severity::Low);
    assert_eq!(f[0].evidence["triage_only"], true);
    assert!(
        f[0].summary.contains("不得据此自动不予受理"),
        "{}",
        f[0].summary
    );
    let signals: Vec<&str> = f[0].evidence["signals"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s.as_str())
        .collect();
    assert_eq!(
        signals,
        ["many_respondents", "punitive_demands", "templated_texts"]
    );
}

#[test]
fn many_genuine_complaints_alone_are_not_flagged() {
    // Eight complaints in a month, eight shops, varied texts, refunds: one signal only.
    assert!(detect(complaints("unlucky", 8, 3, 8, &varied, "refund"), vec![]).is_empty());
}

#[test]
fn one_dispute_followed_up_is_not_flagged() {
    let followups = complaints(
        "persistent",
        15,
        5,
        1,
        &|i| format!("第{}次反映：储值卡余额商家不认账，要求退还余额。", i + 1),
        "refund",
    );
    assert!(detect(followups, vec![]).is_empty());
}

#[test]
fn volume_thresholds_at_the_line() {
    // 6 complaints within 30 days meet min_30d = 6; 5 do not (and 5 are under 90/365 too).
    let at = detect(
        complaints("c", 6, 4, 6, &template, "punitive_compensation"),
        vec![],
    );
    assert_eq!(at.len(), 1);
    assert_eq!(at[0].evidence["complaints_30d"], 6);
    assert!(
        detect(
            complaints("c", 5, 4, 5, &template, "punitive_compensation"),
            vec![]
        )
        .is_empty()
    );
    // 12 in 90 days (one a week) meet min_90d = 12; 11 do not.
    assert_eq!(
        detect(
            complaints("c", 12, 7, 6, &template, "punitive_compensation"),
            vec![]
        )
        .len(),
        1
    );
    assert!(
        detect(
            complaints("c", 11, 8, 6, &template, "punitive_compensation"),
            vec![]
        )
        .is_empty()
    );
}

#[test]
fn repeated_purchases_of_one_item_are_a_signal() {
    // One shop only, varied texts: punitive demands are one signal; three orders of one listing make two.
    let orders: Vec<Value> = (0..3)
        .map(|i| json!({"platform_id": "p", "listing_id": "biscuits", "buyer_pid": "c", "quantity": 10, "order_id": format!("o{i}")}))
        .collect();
    let cs = complaints("c", 10, 2, 1, &varied, "punitive_compensation");
    let f = detect(cs.clone(), orders.clone());
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].evidence["most_bought_listing"]["units"], 30);
    assert!(
        detect(cs, orders[..2].to_vec()).is_empty(),
        "two orders are under repeat_purchases = 3"
    );
}

#[test]
fn complaints_older_than_a_year_do_not_count() {
    let old: Vec<Value> = complaints("c", 40, 10, 10, &template, "punitive_compensation")
        .into_iter()
        .map(|mut c| {
            c["received_at"] = json!(c["received_at"].as_str().unwrap().replace("2026-", "2024-"));
            c
        })
        .collect();
    assert!(detect(old, vec![]).is_empty());
}

#[test]
fn reports_asking_only_for_investigation_seek_no_gain() {
    // Thirty real-name reports against thirty shops, one text: volume, respondents and a template,
    // but nothing demanded for the reporter.
    assert!(
        detect(
            complaints("reporter", 30, 2, 30, &template, "investigate"),
            vec![]
        )
        .is_empty()
    );
    // Refunds are what a wronged consumer asks for, not gain.
    assert!(
        detect(
            complaints("refunds", 30, 2, 30, &template, "refund"),
            vec![]
        )
        .is_empty()
    );
}

#[test]
fn a_crew_sharing_one_phone_is_judged_together() {
    // Three people, four complaints each in three weeks (under min_30d = 6 alone, 12 together),
    // one phone for all their orders, one text, punitive demands.
    let mut cs = Vec::new();
    let mut orders = Vec::new();
    for person in ["c1", "c2", "c3"] {
        cs.extend(complaints(
            person,
            4,
            5,
            4,
            &template,
            "punitive_compensation",
        ));
        orders.push(json!({"platform_id": "p", "listing_id": format!("l-{person}"), "buyer_pid": person, "quantity": 10,
            "order_id": format!("o-{person}"), "device_pid": "one-phone", "ship_address_pid": format!("home-{person}")}));
    }
    let f = detect(cs.clone(), orders.clone());
    assert_eq!(f.len(), 3, "{f:#?}");
    assert!(
        f.iter()
            .all(|f| f.evidence["group_size"] == 3 && f.evidence["group_complaints"] == 12)
    );
    assert!(
        f[0].evidence["signals"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "shared_identity")
    );
    // Each on their own phone: four complaints each is under every volume threshold.
    for (i, o) in orders.iter_mut().enumerate() {
        o["device_pid"] = json!(format!("phone{i}"));
    }
    assert!(detect(cs, orders).is_empty());
}

/// `complaints` moved `days` earlier.
fn earlier(cs: Vec<Value>, days: i64) -> Vec<Value> {
    cs.into_iter()
        .map(|mut c| {
            let at = c["received_at"].as_str().unwrap();
            let d = tianping_domain::value::parse_date(&at[..10]).unwrap();
            let moved = tianping_domain::value::format_date(i64::from(d) - days);
            c["received_at"] = json!(format!("{moved}{}", &at[10..]));
            c
        })
        .collect()
}

#[test]
fn a_burst_months_before_as_of_counts_in_its_own_30_days() {
    // Version 2: eleven templated punitive claims on eleven days, ending 60 days before as_of —
    // none in the trailing 30 days, 11 in the trailing 90 (under min_90d = 12) — are 11 in one
    // 30-day window.
    let burst = earlier(
        complaints("c", 11, 1, 11, &template, "punitive_compensation"),
        60,
    );
    let f = detect(burst, vec![]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["complaints_30d"], 0);
    assert_eq!(f[0].evidence["most_in_any_30d"], 11);
    // At the line: six in one 30-day window two months back meet min_30d = 6, five do not.
    let six = earlier(
        complaints("c", 6, 5, 6, &template, "punitive_compensation"),
        60,
    );
    assert_eq!(detect(six, vec![]).len(), 1);
    let five = earlier(
        complaints("c", 5, 5, 5, &template, "punitive_compensation"),
        60,
    );
    assert!(detect(five, vec![]).is_empty());
    // Six spread so that no 30 days hold more than five (every 7 days: days 0..35) do not either.
    let spread = earlier(
        complaints("c", 6, 7, 6, &template, "punitive_compensation"),
        60,
    );
    assert!(detect(spread, vec![]).is_empty());
}

#[test]
fn a_burst_of_refund_requests_still_seeks_no_gain() {
    let burst = earlier(complaints("c", 11, 1, 11, &template, "refund"), 60);
    assert!(detect(burst, vec![]).is_empty());
}

/// Version 3: texts offering silence for money — a withheld report or complaint with a private
/// payment or a sum — against `min_threats` (2) traders are a finding without the volume; one
/// trader so threatened, or a consumer asking for a refund "否则投诉" of many traders, is not.
#[test]
fn threatening_to_report_unless_paid_needs_no_volume() {
    use tianping_detectors::serial_complainant::offers_silence_for_money as threat;
    for yes in [
        "你们的面膜宣传“七天美白”违法，私下给我1000元就不去举报",
        "转账５００元私了，我就撤回投诉",
        "给两千块钱，不再投诉",
    ] {
        assert!(threat(yes), "{yes}");
    }
    for no in [
        "收到的面膜过期，要求退款，否则向12315投诉",
        "商家私下联系我协商退款",
        "请依法查处，本人不要求赔偿",
        "不去举报也行，请把漏发的赠品补上",
    ] {
        assert!(!threat(no), "{no}");
    }
    let extortion = |i: usize| format!("店铺{i}宣传“根治失眠”违反广告法，私下给800元就不去举报");
    // Two reports against two shops: a finding, signal named, though under every volume threshold.
    let f = detect(
        complaints("threat", 2, 5, 2, &extortion, "compensation"),
        vec![],
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, tianping_detect::Severity::Low);
    assert_eq!(f[0].evidence["triage_only"], true);
    assert_eq!(f[0].evidence["threatened_respondents"], 2);
    assert!(
        f[0].evidence["signals"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "threatened_report")
    );
    // Even when the form says only "investigate".
    assert_eq!(
        detect(
            complaints("threat", 3, 5, 3, &extortion, "investigate"),
            vec![]
        )
        .len(),
        1
    );
    // Two such texts against one shop: one dispute, no finding.
    assert!(
        detect(
            complaints("threat", 2, 5, 1, &extortion, "compensation"),
            vec![]
        )
        .is_empty()
    );
    // Refund requests "否则投诉" against five shops, five times: no threat, under the volume.
    let refund = |i: usize| format!("店铺{i}发错货，要求退款，否则向12315投诉");
    assert!(detect(complaints("refund", 5, 3, 5, &refund, "refund"), vec![]).is_empty());
}
