use serde_json::{Value, json};
use tianping_detect::{Finding, Severity};
use tianping_detectors::price_fraud::PriceFraud;

use crate::support::*;

const AS_OF: &str = "2026-04-01T00:00:00+08:00";

fn at(day: u32, hh: u32, mm: u32) -> String {
    format!("2026-03-{day:02}T{hh:02}:{mm:02}:00+08:00")
}

fn order(id: &str, day: u32, price: i64, status: &str) -> Value {
    json!({"platform_id": "p", "listing_id": "l1", "order_id": id, "unit_price_fen": price,
           "ordered_at": at(day, 12, 0), "status": status})
}

fn obs(
    time: String,
    page: &str,
    displayed: i64,
    reference: Option<i64>,
    kind: Option<&str>,
) -> Value {
    json!({"platform_id": "p", "listing_id": "l1", "observed_at": time, "page": page,
           "displayed_price_fen": displayed, "reference_price_fen": reference, "reference_kind": kind,
           "promo_kind": if reference.is_some() { "discount" } else { "none" }, "source": "platform_log"})
}

fn listing() -> Value {
    json!({"platform_id": "p", "listing_id": "l1", "merchant_id": "m1", "title": "西湖龙井"})
}

fn findings(observations: Vec<Value>, orders: Vec<Value>) -> Vec<Finding> {
    let data = data(
        &[
            ("price_observations", observations),
            ("orders", orders),
            ("listings", vec![listing()]),
        ],
        3,
    );
    run(&PriceFraud, AS_OF, &data)
}

fn of_rule<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings
        .iter()
        .filter(|f| f.rule == format!("price_fraud.{rule}"))
        .collect()
}

// 第十六条: the compared price must not exceed the lowest transaction price in the 7 days before.
fn week_of_sales() -> Vec<Value> {
    vec![
        order("o1", 2, 10_000, "completed"),
        order("o2", 4, 9_000, "completed"),
        order("o3", 6, 9_500, "paid"),
        // Not transactions at this price: cancelled, or after the observation.
        order("o4", 5, 5_000, "cancelled"),
        order("o5", 9, 1_000, "completed"),
    ]
}

#[test]
fn reference_price_above_the_seven_day_low_is_a_finding() {
    let f = findings(
        vec![obs(
            at(8, 10, 0),
            "detail",
            8_500,
            Some(12_000),
            Some("unspecified"),
        )],
        week_of_sales(),
    );
    let f = of_rule(&f, "reference_price");
    assert_eq!(f.len(), 1, "{f:#?}");
    let v = &f[0].evidence["violations"][0];
    assert_eq!(v["base_price_fen"], 9_000);
    assert_eq!(v["basis"], "seven_day_lowest_transaction");
    assert_eq!(
        v["transactions_in_window"], 3,
        "the cancelled order and the later one are not counted"
    );
    assert_eq!(f[0].severity, Severity::Medium, "33% above the base");
    assert!(
        f[0].summary.contains("120.00") && f[0].summary.contains("90.00"),
        "{}",
        f[0].summary
    );
    assert_eq!(f[0].related[0].id, "m1");
    assert_eq!(f[0].legal_basis[0], "明码标价和禁止价格欺诈规定 第十六条");
}

#[test]
fn reference_price_equal_to_the_seven_day_low_is_lawful() {
    for kind in [Some("unspecified"), Some("previous_price"), None] {
        let f = findings(
            vec![obs(at(8, 10, 0), "detail", 8_500, Some(9_000), kind)],
            week_of_sales(),
        );
        assert!(
            of_rule(&f, "reference_price").is_empty(),
            "{kind:?}: 不高于 is lawful"
        );
        let f = findings(
            vec![obs(at(8, 10, 0), "detail", 8_500, Some(9_001), kind)],
            week_of_sales(),
        );
        assert_eq!(
            of_rule(&f, "reference_price").len(),
            1,
            "{kind:?}: one fen above is not"
        );
    }
}

#[test]
fn disclosed_bases_are_not_judged_by_the_seven_day_rule() {
    for kind in ["rrp", "other_disclosed"] {
        let f = findings(
            vec![obs(at(8, 10, 0), "detail", 8_500, Some(20_000), Some(kind))],
            week_of_sales(),
        );
        assert!(of_rule(&f, "reference_price").is_empty(), "{kind}");
    }
}

#[test]
fn with_no_sale_in_seven_days_the_last_sale_is_the_base() {
    let sales = vec![order("o1", 1, 8_000, "completed")];
    // Day 1 noon is more than 7 days before day 9 afternoon.
    let f = findings(
        vec![obs(
            at(9, 13, 0),
            "detail",
            7_000,
            Some(8_500),
            Some("previous_price"),
        )],
        sales.clone(),
    );
    let f = of_rule(&f, "reference_price");
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].evidence["violations"][0]["basis"],
        "last_transaction_before"
    );
    let f = findings(
        vec![obs(
            at(9, 13, 0),
            "detail",
            7_000,
            Some(8_000),
            Some("previous_price"),
        )],
        sales,
    );
    assert!(of_rule(&f, "reference_price").is_empty());
    // No sale at all: nothing to compare with, no finding.
    let f = findings(
        vec![obs(at(9, 13, 0), "detail", 7_000, Some(99_999), None)],
        vec![],
    );
    assert!(of_rule(&f, "reference_price").is_empty());
}

#[test]
fn the_seven_day_window_is_seven_whole_days_before_the_day() {
    // 前七日 counted in whole days (民法典 第二百零一条): for an observation on day 9 the window is
    // days 2–8 from their first minute, whatever the hour of the observation, and day 9 up to it.
    let observed = at(9, 8, 0);
    let mut first_minute = order("o1", 2, 9_000, "completed");
    first_minute["ordered_at"] = json!(at(2, 0, 0));
    let f = findings(
        vec![obs(observed.clone(), "detail", 8_000, Some(9_400), None)],
        vec![first_minute, order("o2", 8, 9_500, "completed")],
    );
    assert_eq!(
        of_rule(&f, "reference_price").len(),
        1,
        "day 2 00:00 is the 7th day before day 9: base 9,000"
    );
    // The evening of the 7th day counts too (a rolling 168 hours would have dropped it).
    let mut evening = order("o1", 2, 9_000, "completed");
    evening["ordered_at"] = json!(at(2, 23, 0));
    let f = findings(
        vec![obs(observed.clone(), "detail", 8_000, Some(9_400), None)],
        vec![evening, order("o2", 8, 9_500, "completed")],
    );
    assert_eq!(of_rule(&f, "reference_price").len(), 1);
    // The 8th day does not count, to the minute.
    let mut last_minute = order("o1", 1, 9_000, "completed");
    last_minute["ordered_at"] = json!(at(1, 23, 59));
    let f = findings(
        vec![obs(observed.clone(), "detail", 8_000, Some(9_400), None)],
        vec![last_minute, order("o2", 8, 9_500, "completed")],
    );
    assert!(
        of_rule(&f, "reference_price").is_empty(),
        "base is then 9,500"
    );
    // A sale earlier on the day of the comparison is a transaction before it and counts; one
    // after the observation does not.
    let mut same_day = order("o3", 9, 9_000, "completed");
    same_day["ordered_at"] = json!(at(9, 7, 59));
    let f = findings(
        vec![obs(observed.clone(), "detail", 8_000, Some(9_400), None)],
        vec![order("o2", 8, 9_500, "completed"), same_day.clone()],
    );
    assert_eq!(of_rule(&f, "reference_price").len(), 1, "base 9,000");
    same_day["ordered_at"] = json!(at(9, 8, 1));
    let f = findings(
        vec![obs(observed, "detail", 8_000, Some(9_400), None)],
        vec![order("o2", 8, 9_500, "completed"), same_day],
    );
    assert!(of_rule(&f, "reference_price").is_empty(), "base 9,500");
}

/// A raise before a discount under the 第十六条 rule: a compared price equal to the raised
/// price is above the week's low when the raise came within the week.
#[test]
fn a_raise_inside_the_week_leaves_the_old_price_as_the_seven_day_low() {
    // Sold at 89 on day 2 (the 7th day before day 9), raised to 119 from day 3, "原价119" on day 9.
    let mut sales = vec![order("o0", 2, 8_900, "completed")];
    sales.extend((3..9).map(|d| order(&format!("o{d}"), d, 11_900, "completed")));
    let f = findings(
        vec![obs(
            at(9, 10, 0),
            "detail",
            8_925,
            Some(11_900),
            Some("previous_price"),
        )],
        sales.clone(),
    );
    let f = of_rule(&f, "reference_price");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["violations"][0]["base_price_fen"], 8_900);
    // Raised a day earlier (the 89 sale on day 1, the 8th day): 119 is the week's low.
    let mut sales: Vec<Value> = vec![order("o0", 1, 8_900, "completed")];
    sales.extend((2..9).map(|d| order(&format!("o{d}"), d, 11_900, "completed")));
    let f = findings(
        vec![obs(
            at(9, 10, 0),
            "detail",
            8_925,
            Some(11_900),
            Some("previous_price"),
        )],
        sales,
    );
    assert!(of_rule(&f, "reference_price").is_empty());
}

/// Sold at 120 once a day on days 1–9, then at the compared-down 100 on days 10–20.
fn sales_then_discount() -> Vec<Value> {
    (1..=20)
        .map(|d| {
            let price = if d < 10 { 12_000 } else { 10_000 };
            order(&format!("o{d}"), d, price, "completed")
        })
        .collect()
}

/// "原价120 现100" on the detail page at 10:00 on each of `days`.
fn compared_on(days: &[u32]) -> Vec<Value> {
    days.iter()
        .map(|&d| {
            obs(
                at(d, 10, 0),
                "detail",
                10_000,
                Some(12_000),
                Some("previous_price"),
            )
        })
        .collect()
}

/// Version 9: 进行价格比较前七日 — a comparison shown on and on is judged against the days before
/// it began; its own sales at the compared-down price are its result, not its base
/// (明码标价和禁止价格欺诈规定 第十六条第二款).
#[test]
fn a_comparison_shown_on_is_judged_from_its_beginning() {
    // Shown daily on days 10–14: on day 10 the week's low is 120, the compared price; the sales
    // at 100 from day 10 on are the comparison's own.
    let f = findings(compared_on(&[10, 11, 12, 13, 14]), sales_then_discount());
    assert!(of_rule(&f, "reference_price").is_empty(), "{f:#?}");
    // The same showing seen again 7 days later is the same comparison (at the threshold) …
    let f = findings(compared_on(&[10, 17]), sales_then_discount());
    assert!(of_rule(&f, "reference_price").is_empty(), "{f:#?}");
    // … 8 days later it is not known to be: a new comparison, judged against the week before it.
    let f = findings(compared_on(&[10, 18]), sales_then_discount());
    let f = of_rule(&f, "reference_price");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["violations"][0]["base_price_fen"], 10_000);
    // A sighting of the page without the compared price ends the comparison: shown again on day
    // 13, it is a new one, and the week before it sold at 100.
    let mut shown = compared_on(&[10, 11]);
    shown.push(obs(at(12, 10, 0), "detail", 12_000, None, None));
    shown.extend(compared_on(&[13, 14]));
    let f = findings(shown, sales_then_discount());
    let f = of_rule(&f, "reference_price");
    assert_eq!(f.len(), 2, "days 13 and 14: {f:#?}");
    // Day 14's showing is judged from day 13's beginning, and says so.
    let continued: Vec<&Value> = f
        .iter()
        .map(|f| &f.evidence["violations"][0]["comparison_started_at"])
        .filter(|v| !v.is_null())
        .collect();
    assert_eq!(continued, [&json!("2026-03-13T10:00:00+08:00")]);
    // Another compared price is another comparison.
    let mut shown = compared_on(&[10, 11]);
    shown.push(obs(
        at(12, 10, 0),
        "detail",
        10_000,
        Some(12_500),
        Some("previous_price"),
    ));
    let f = findings(shown, sales_then_discount());
    let f = of_rule(&f, "reference_price");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["violations"][0]["base_price_fen"], 10_000);
    // A comparison begun with no transaction at all before it is judged, as before version 9,
    // against the sales before each showing: days 11 and 12 against day 10's 100.
    let only_discount: Vec<Value> = (10..=20)
        .map(|d| order(&format!("o{d}"), d, 10_000, "completed"))
        .collect();
    let f = findings(compared_on(&[10, 11, 12]), only_discount);
    assert_eq!(of_rule(&f, "reference_price").len(), 2, "{f:#?}");
}

#[test]
fn rules_not_in_force_before_2022_07_01() {
    let observations = vec![obs(
        at(8, 10, 0),
        "detail",
        8_500,
        Some(12_000),
        Some("unspecified"),
    )];
    let data = data(
        &[
            ("price_observations", observations),
            ("orders", week_of_sales()),
        ],
        10,
    );
    assert!(run(&PriceFraud, "2022-06-30T23:59:59+08:00", &data).is_empty());
}

// 第十九条第二项、第二十条第一项: a lower price on the home/search page than at checkout.
fn viewed(
    time: String,
    page: &str,
    displayed: i64,
    payable: Option<i64>,
    viewer: &str,
    source: &str,
) -> Value {
    json!({"platform_id": "p", "listing_id": "l1", "observed_at": time, "page": page, "displayed_price_fen": displayed,
           "payable_price_fen": payable, "promo_kind": "none", "viewer_pid": viewer, "source": source})
}

#[test]
fn bait_price_positive_negative_and_safe_harbour() {
    let f = findings(
        vec![
            viewed(at(3, 10, 0), "search", 10_000, None, "v1", "platform_log"),
            viewed(
                at(3, 10, 10),
                "checkout",
                10_000,
                Some(12_000),
                "v1",
                "platform_log",
            ),
        ],
        vec![],
    );
    let f = of_rule(&f, "bait_price");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::High);
    assert_eq!(f[0].evidence["pairs"][0]["later_payable_price_fen"], 12_000);
    // 第二十一条第二项: paying less, or the same, than first shown is no bait.
    for payable in [9_500, 10_000] {
        let f = findings(
            vec![
                viewed(at(3, 10, 0), "search", 10_000, None, "v1", "platform_log"),
                viewed(
                    at(3, 10, 10),
                    "checkout",
                    12_000,
                    Some(payable),
                    "v1",
                    "platform_log",
                ),
            ],
            vec![],
        );
        assert!(of_rule(&f, "bait_price").is_empty(), "payable {payable}");
    }
    // Another viewer's checkout is not the same viewer's experience.
    let f = findings(
        vec![
            viewed(at(3, 10, 0), "home", 10_000, None, "v1", "platform_log"),
            viewed(at(3, 10, 5), "detail", 12_000, None, "v2", "platform_log"),
        ],
        vec![],
    );
    assert!(of_rule(&f, "bait_price").is_empty());
}

#[test]
fn bait_price_window_and_probe() {
    // Exactly 30 minutes later is the same session; 31 is not.
    let pair = |minutes: u32| {
        vec![
            viewed(at(3, 10, 0), "live", 10_000, None, "v1", "regulator_probe"),
            viewed(
                at(3, 10, minutes),
                "detail",
                10_500,
                None,
                "v1",
                "regulator_probe",
            ),
        ]
    };
    let f = findings(pair(30), vec![]);
    let f = of_rule(&f, "bait_price");
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].severity,
        Severity::High,
        "5% gap, seen by a regulator probe"
    );
    assert!(f[0].summary.contains("神秘买家"));
    assert!(of_rule(&findings(pair(31), vec![]), "bait_price").is_empty());
}

// 第十七条: raising the price just before a discount and discounting from the raised price.
fn regular(day: u32, price: i64) -> Value {
    obs(at(day, 9, 0), "detail", price, None, None)
}

#[test]
fn raise_then_discount_positive_and_threshold() {
    let history = |raised: i64| {
        vec![
            regular(1, 10_000),
            regular(5, 10_000),
            regular(10, 10_000),
            regular(24, raised),
        ]
    };
    let mut list = history(13_000);
    list.push(obs(
        at(27, 9, 0),
        "detail",
        11_000,
        Some(13_000),
        Some("previous_price"),
    ));
    let f = findings(list, vec![]);
    let f = of_rule(&f, "raise_then_discount");
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].severity,
        Severity::High,
        "the discounted price is above the usual price"
    );
    assert_eq!(f[0].evidence["finding"]["usual_price_fen"], 10_000);
    // At the threshold: a 5% raise is a raise; 4.99% is not.
    let mut list = history(10_500);
    list.push(obs(at(27, 9, 0), "detail", 9_500, Some(10_500), None));
    assert_eq!(
        of_rule(&findings(list, vec![]), "raise_then_discount").len(),
        1
    );
    let mut list = history(10_499);
    list.push(obs(at(27, 9, 0), "detail", 9_500, Some(10_499), None));
    assert!(of_rule(&findings(list, vec![]), "raise_then_discount").is_empty());
}

#[test]
fn a_discount_from_the_usual_price_is_not_raise_then_discount() {
    let mut list = vec![
        regular(1, 10_000),
        regular(5, 10_000),
        regular(10, 10_000),
        regular(24, 10_000),
    ];
    list.push(obs(
        at(27, 9, 0),
        "detail",
        8_000,
        Some(10_000),
        Some("previous_price"),
    ));
    assert!(of_rule(&findings(list, vec![]), "raise_then_discount").is_empty());
}

// 第十九条第四项: a time limit that is not real.
fn labelled(day: u32, price: i64, label: Option<&str>) -> Value {
    json!({"platform_id": "p", "listing_id": "l1", "observed_at": at(day, 20, 0), "page": "detail",
           "displayed_price_fen": price, "promo_kind": if label.is_some() { "flash_sale" } else { "none" },
           "promo_label": label, "source": "platform_log"})
}

#[test]
fn fake_time_limit_positive_negative_and_threshold() {
    let f = findings(
        vec![
            labelled(10, 8_000, Some("限时折扣 仅限今日")),
            labelled(11, 8_000, Some("限时折扣 仅限今日")),
            labelled(12, 7_900, None),
        ],
        vec![],
    );
    let f = of_rule(&f, "fake_time_limit");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].evidence["finding"]["days_offered_after_deadline"], 2);
    assert_eq!(
        f[0].evidence["finding"]["claimed_deadline"],
        "2026-03-11T00:00:00+08:00"
    );
    // The price really went back up: no finding.
    let f = findings(
        vec![
            labelled(10, 8_000, Some("仅限今日")),
            labelled(11, 10_000, None),
            labelled(12, 10_000, None),
        ],
        vec![],
    );
    assert!(of_rule(&f, "fake_time_limit").is_empty());
    // One later day is below the threshold of two.
    let f = findings(
        vec![
            labelled(10, 8_000, Some("最后一天")),
            labelled(11, 8_000, None),
            labelled(12, 10_000, None),
        ],
        vec![],
    );
    assert!(of_rule(&f, "fake_time_limit").is_empty());
    // No urgency wording: nothing to judge.
    let f = findings(
        vec![
            labelled(10, 8_000, Some("会员价")),
            labelled(11, 8_000, None),
            labelled(12, 8_000, None),
        ],
        vec![],
    );
    assert!(of_rule(&f, "fake_time_limit").is_empty());
}

#[test]
fn a_limit_that_ends_and_comes_back_each_week_is_real() {
    // "仅限今日" at 79 every Wednesday (March 4, 11, 18, 25), 99 on the other days.
    let rows: Vec<Value> = (1..=28)
        .map(|d| {
            if d % 7 == 4 {
                labelled(d, 7_900, Some("周三会员日 仅限今日"))
            } else {
                labelled(d, 9_900, None)
            }
        })
        .collect();
    assert!(of_rule(&findings(rows, vec![]), "fake_time_limit").is_empty());
    // A gap with no observation right after the deadline ends the run (unknown is not proof).
    let f = findings(
        vec![
            labelled(10, 8_000, Some("仅限今日")),
            labelled(12, 8_000, None),
            labelled(13, 8_000, None),
        ],
        vec![],
    );
    assert!(of_rule(&f, "fake_time_limit").is_empty());
}

#[test]
fn a_flash_sale_that_ended_at_midnight_is_not_bait() {
    let mut first = viewed(at(10, 23, 50), "search", 8_900, None, "v1", "platform_log");
    first["promo_kind"] = json!("flash_sale");
    first["promo_label"] = json!("限时秒杀 今晚24点结束");
    let later = viewed(
        at(11, 0, 20),
        "checkout",
        10_900,
        Some(10_900),
        "v1",
        "platform_log",
    );
    assert!(of_rule(&findings(vec![first.clone(), later], vec![]), "bait_price").is_empty());
    // The same pair within the day is bait: the offer had not ended.
    let later = viewed(
        at(10, 23, 55),
        "checkout",
        10_900,
        Some(10_900),
        "v1",
        "platform_log",
    );
    assert_eq!(
        of_rule(&findings(vec![first, later], vec![]), "bait_price").len(),
        1
    );
}

#[test]
fn a_deadline_the_label_states_is_the_deadline() {
    // "限时特价 至3月12日" from the 10th: the offer runs to the 12th, then the price goes back up.
    let label = Some("限时特价 至3月12日");
    let honest = vec![
        labelled(10, 8_000, label),
        labelled(11, 8_000, label),
        labelled(12, 8_000, label),
        labelled(13, 10_000, None),
        labelled(14, 10_000, None),
    ];
    assert!(of_rule(&findings(honest, vec![]), "fake_time_limit").is_empty());
    // The same label, and the price stays on the 13th and 14th: two days past the stated deadline.
    let fake = vec![
        labelled(10, 8_000, label),
        labelled(12, 8_000, label),
        labelled(13, 8_000, None),
        labelled(14, 8_000, None),
    ];
    let f = findings(fake, vec![]);
    let f = of_rule(&f, "fake_time_limit");
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].evidence["finding"]["claimed_deadline"],
        "2026-03-13T00:00:00+08:00"
    );
    // "仅限本周五至周日" seen on Friday March 13 ends with Sunday the 15th.
    let weekend = vec![
        labelled(13, 8_000, Some("周末特惠 仅限本周五至周日")),
        labelled(14, 8_000, Some("周末特惠 仅限本周五至周日")),
        labelled(15, 8_000, Some("周末特惠 仅限本周五至周日")),
        labelled(16, 10_000, None),
        labelled(17, 10_000, None),
    ];
    assert!(of_rule(&findings(weekend, vec![]), "fake_time_limit").is_empty());
}

#[test]
fn tonight_at_midnight_is_a_stated_deadline() {
    let label = Some("今晚24点恢复原价199");
    // Still 149 on the 11th and 12th: the offer outlived the night it was said to end.
    let f = findings(
        vec![
            labelled(10, 14_900, label),
            labelled(11, 14_900, None),
            labelled(12, 14_900, None),
        ],
        vec![],
    );
    let f = of_rule(&f, "fake_time_limit");
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].evidence["finding"]["claimed_deadline"],
        "2026-03-11T00:00:00+08:00"
    );
    // Back to 199 on the 11th: the limit was real.
    let f = findings(
        vec![
            labelled(10, 14_900, label),
            labelled(11, 19_900, None),
            labelled(12, 19_900, None),
        ],
        vec![],
    );
    assert!(of_rule(&f, "fake_time_limit").is_empty());
}

#[test]
fn a_bare_time_limited_discount_is_not_a_fake_time_limit() {
    // "限时8折" names a kind of offer and states no end: the same price on the following days
    // contradicts no claim (第十九条第四项 needs a time limit that misleads).
    for label in ["限时8折", "限时折扣", "限时特价"] {
        let f = findings(
            vec![
                labelled(10, 8_000, Some(label)),
                labelled(11, 8_000, Some(label)),
                labelled(12, 8_000, None),
                labelled(13, 8_000, None),
            ],
            vec![],
        );
        assert!(
            of_rule(&f, "fake_time_limit").is_empty(),
            "{label}: {:?}",
            of_rule(&f, "fake_time_limit")
        );
    }
    // The same offer with an end it states, or other urgency wording, is judged as before.
    for (label, deadline) in [
        ("限时8折 至3月10日", "2026-03-11T00:00:00+08:00"),
        // Version 4: the time left is the claim's own end, 3 hours after 20:00.
        ("限时8折 倒计时3小时", "2026-03-10T23:00:00+08:00"),
        ("限时8折 仅限今日", "2026-03-11T00:00:00+08:00"),
    ] {
        let f = findings(
            vec![
                labelled(10, 8_000, Some(label)),
                labelled(11, 8_000, None),
                labelled(12, 8_000, None),
                labelled(13, 8_000, None),
            ],
            vec![],
        );
        let f = of_rule(&f, "fake_time_limit");
        assert_eq!(f.len(), 1, "{label}");
        assert_eq!(
            f[0].evidence["finding"]["claimed_deadline"], deadline,
            "{label}"
        );
    }
}

#[test]
fn urgency_wording_is_read_whatever_its_script_width_or_spacing() {
    // 第十九条第四项 judges what the buyer reads: traditional characters, full-width punctuation
    // and digits, spacing inside the words and a count written in hanzi or digits are the same
    // claim as the plain wording.
    for label in [
        "限時搶購 僅剩最後1天",
        "活動僅限今天！",
        "仅 限 今 天",
        "最后１天",
        "最后 一 天",
        "仅此一日",
    ] {
        let f = findings(
            vec![
                labelled(10, 8_000, Some(label)),
                labelled(11, 8_000, Some(label)),
                labelled(12, 8_000, None),
            ],
            vec![],
        );
        let f = of_rule(&f, "fake_time_limit");
        assert_eq!(f.len(), 1, "{label}");
        assert_eq!(
            f[0].evidence["finding"]["promo_label"], label,
            "the evidence keeps the label as shown"
        );
        // At the threshold: one later day at the price is not enough, whatever the script.
        let f = findings(
            vec![
                labelled(10, 8_000, Some(label)),
                labelled(11, 8_000, None),
                labelled(12, 10_000, None),
            ],
            vec![],
        );
        assert!(of_rule(&f, "fake_time_limit").is_empty(), "{label}");
    }
    // Normalising does not invent urgency: "最后1公里", "仅剩10件", "一天一杯" claim no end.
    for label in ["最后1公里 送货上门", "仅剩10件", "一天一杯 健康生活"] {
        let f = findings(
            vec![
                labelled(10, 8_000, Some(label)),
                labelled(11, 8_000, Some(label)),
                labelled(12, 8_000, None),
                labelled(13, 8_000, None),
            ],
            vec![],
        );
        assert!(of_rule(&f, "fake_time_limit").is_empty(), "{label}");
    }
}

#[test]
fn a_stated_period_ends_on_its_last_date() {
    // "3月1日-3月11日" and "3月1日至11日" promise the price until the 11th: back to 100 on the 12th is
    // the limit kept, whatever the first date says.
    for label in [
        "限时特惠 3月1日-3月11日",
        "限时特惠 3月1日至11日",
        "限時特惠 ３月１日～３月１１日",
    ] {
        let honest: Vec<Value> = (5..=11)
            .map(|d| labelled(d, 8_000, Some(label)))
            .chain((12..=14).map(|d| labelled(d, 10_000, None)))
            .collect();
        assert!(
            of_rule(&findings(honest, vec![]), "fake_time_limit").is_empty(),
            "{label}"
        );
        // Still 80 on the 12th and 13th: two days past the period's end (the threshold).
        let fake: Vec<Value> = (5..=11)
            .map(|d| labelled(d, 8_000, Some(label)))
            .chain((12..=13).map(|d| labelled(d, 8_000, None)))
            .chain([labelled(14, 10_000, None)])
            .collect();
        let f = findings(fake, vec![]);
        let f = of_rule(&f, "fake_time_limit");
        assert_eq!(f.len(), 1, "{label}");
        assert_eq!(
            f[0].evidence["finding"]["claimed_deadline"], "2026-03-12T00:00:00+08:00",
            "{label}"
        );
        assert_eq!(f[0].evidence["finding"]["days_offered_after_deadline"], 2);
        // One day past it is under the threshold.
        let once: Vec<Value> = (5..=11)
            .map(|d| labelled(d, 8_000, Some(label)))
            .chain([labelled(12, 8_000, None), labelled(13, 10_000, None)])
            .collect();
        assert!(
            of_rule(&findings(once, vec![]), "fake_time_limit").is_empty(),
            "{label}"
        );
    }
}

#[test]
fn a_date_written_as_an_end_is_a_time_limit_claim() {
    // "截止3月11日24点" claims the price ends on the 11th even with no 限时-style word; still the
    // same price on the 12th and 13th (the threshold of two days) makes the claim false.
    for label in [
        "双11特惠 截止3月11日24点",
        "3月11日前下单享特惠",
        "特惠至３月１１日",
        "特惠截至三月十一日",
        "仅限三月十一日当天",
    ] {
        let fake = vec![
            labelled(10, 8_000, Some(label)),
            labelled(11, 8_000, Some(label)),
            labelled(12, 8_000, None),
            labelled(13, 8_000, None),
        ];
        let f = findings(fake, vec![]);
        let f = of_rule(&f, "fake_time_limit");
        assert_eq!(f.len(), 1, "{label}");
        assert_eq!(
            f[0].evidence["finding"]["claimed_deadline"], "2026-03-12T00:00:00+08:00",
            "{label}"
        );
        // Only the 12th at the price: under the threshold.
        let once = vec![
            labelled(10, 8_000, Some(label)),
            labelled(12, 8_000, None),
            labelled(13, 10_000, None),
        ];
        assert!(
            of_rule(&findings(once, vec![]), "fake_time_limit").is_empty(),
            "{label}"
        );
    }
    // A date that is not written as an end claims nothing about when the price ends.
    for label in ["3月11日发货", "新品 3月11日上市"] {
        let f = findings(
            vec![
                labelled(10, 8_000, Some(label)),
                labelled(11, 8_000, Some(label)),
                labelled(12, 8_000, None),
                labelled(13, 8_000, None),
            ],
            vec![],
        );
        assert!(of_rule(&f, "fake_time_limit").is_empty(), "{label}");
    }
}

/// The claim seen at 20:00 on `from..=to` with the same price, the usual price after.
fn repeated(label: &str, from: u32, to: u32, last: u32) -> Vec<Value> {
    (from..=last)
        .map(|d| {
            if d <= to {
                labelled(d, 8_000, Some(label))
            } else {
                labelled(d, 10_000, None)
            }
        })
        .collect()
}

#[test]
fn an_end_implied_without_a_date_is_read_as_the_deadline() {
    // 第十九条第四项: "仅剩3小时", "明日下架", "明天恢复", "最后一场" each claim the offer ends
    // soon; the same claim at the same price on the following days shows it did not.
    for (label, deadline, kind) in [
        (
            "距活动结束仅剩3小时",
            "2026-03-10T23:00:00+08:00",
            "剩余时间",
        ),
        ("还剩2天", "2026-03-12T00:00:00+08:00", "剩余时间"),
        ("倒计时30分钟", "2026-03-10T20:30:00+08:00", "剩余时间"),
        (
            "本期团购明日下架",
            "2026-03-11T00:00:00+08:00",
            "次日变价或下架",
        ),
        (
            "最后一场 明天恢复299",
            "2026-03-11T00:00:00+08:00",
            "次日变价或下架",
        ),
        ("明天起涨价", "2026-03-11T00:00:00+08:00", "次日变价或下架"),
        (
            "最后一波福利",
            "2026-03-11T00:00:00+08:00",
            "当日结束或最后一场",
        ),
        (
            "今天截止",
            "2026-03-11T00:00:00+08:00",
            "当日结束或最后一场",
        ),
    ] {
        let f = findings(repeated(label, 10, 16, 18), vec![]);
        let f = of_rule(&f, "fake_time_limit");
        assert_eq!(f.len(), 1, "{label}");
        let ev = &f[0].evidence["finding"];
        assert_eq!(ev["claimed_deadline"], deadline, "{label}");
        assert_eq!(ev["implied_end"], kind, "{label}");
    }
}

#[test]
fn an_implied_end_that_holds_is_lawful_and_the_threshold_is_two_days() {
    // The offer really ends: shown once, the usual price from the next day.
    for label in [
        "距活动结束仅剩3小时",
        "本期团购明日下架",
        "最后一场 明天恢复299",
    ] {
        let f = findings(repeated(label, 10, 10, 14), vec![]);
        assert!(of_rule(&f, "fake_time_limit").is_empty(), "{label}");
        // One more day at the same price (min_days_after = 2): still not a finding.
        let f = findings(repeated(label, 10, 11, 14), vec![]);
        assert!(of_rule(&f, "fake_time_limit").is_empty(), "{label}");
        // Two more days: exactly at the threshold, a finding.
        let f = findings(repeated(label, 10, 12, 14), vec![]);
        let f = of_rule(&f, "fake_time_limit");
        assert_eq!(f.len(), 1, "{label}");
        assert_eq!(f[0].evidence["finding"]["days_offered_after_deadline"], 2);
    }
    // "还剩2天" seen on the 10th ends with the 11th: the 11th is inside the claim, the 12th and 13th
    // are the two days after it.
    let f = findings(repeated("还剩2天", 10, 12, 15), vec![]);
    assert!(of_rule(&f, "fake_time_limit").is_empty());
    let f = findings(repeated("还剩2天", 10, 13, 15), vec![]);
    assert_eq!(of_rule(&f, "fake_time_limit").len(), 1);
}

#[test]
fn a_length_or_a_date_that_is_not_an_end_is_not_an_implied_deadline() {
    // "限时3天" is a length with no start; "明天发货" names no end or change; "今日149" names none
    // either; "还有10件" counts stock, not time.
    for label in [
        "限时3天",
        "明天发货",
        "原价169 今日149",
        "还有10件",
        "每月8号家庭日特价",
    ] {
        let f = findings(repeated(label, 10, 16, 18), vec![]);
        assert!(
            of_rule(&f, "fake_time_limit").is_empty(),
            "{label}: {:?}",
            of_rule(&f, "fake_time_limit")
        );
    }
}

fn findings_with_costs(observations: Vec<Value>, costs: Vec<Value>) -> Vec<Finding> {
    let data = data(
        &[
            ("price_observations", observations),
            ("orders", vec![]),
            ("listings", vec![listing()]),
            ("costs", costs),
        ],
        3,
    );
    run(&PriceFraud, AS_OF, &data)
}

fn unit_cost(from: &str, to: Option<&str>, fen: i64, basis: &str) -> Value {
    json!({"platform_id": "p", "listing_id": "l1", "valid_from": from, "valid_to": to,
           "unit_cost_fen": fen, "basis": basis})
}

#[test]
fn a_raise_that_passes_on_an_audited_cost_rise_is_not_raise_then_discount() {
    // Usual 100 → 130 on day 24 (+30%), "原价130" discounted on day 27.
    let displays = || {
        vec![
            regular(1, 10_000),
            regular(5, 10_000),
            regular(10, 10_000),
            regular(24, 13_000),
            obs(
                at(27, 9, 0),
                "detail",
                11_000,
                Some(13_000),
                Some("previous_price"),
            ),
        ]
    };
    let costs = |after: i64, basis: &str| {
        vec![
            unit_cost("2026-01-01", Some("2026-03-23"), 7_000, basis),
            unit_cost("2026-03-24", None, after, basis),
        ]
    };
    let raised = |f: &[Finding]| of_rule(f, "raise_then_discount").len();
    // The audited cost rose 35.7% (70 → 95): a reasonable ground (第十七条), no finding.
    assert_eq!(
        raised(&findings_with_costs(displays(), costs(9_500, "audited"))),
        0
    );
    // At the tolerance (2%): a cost rise of 28.6% (70 → 90) × 1.02 covers the 30% raise …
    assert_eq!(
        raised(&findings_with_costs(displays(), costs(9_000, "audited"))),
        0
    );
    // … one of 27.1% (70 → 89) does not: the raise is larger than the cost passed on.
    let f = findings_with_costs(displays(), costs(8_900, "audited"));
    let f = of_rule(&f, "raise_then_discount");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].evidence["finding"]["audited_cost_before_fen"], 7_000);
    assert_eq!(f[0].evidence["finding"]["audited_cost_at_raise_fen"], 8_900);
    // A merchant's own declared cost is not an audit: the finding stands.
    assert_eq!(
        raised(&findings_with_costs(displays(), costs(9_500, "declared"))),
        1
    );
    // A cost that rose long before the usual price was set explains nothing about the raise.
    let old_rise = vec![unit_cost("2026-01-01", None, 9_500, "audited")];
    assert_eq!(raised(&findings_with_costs(displays(), old_rise)), 1);
}

/// `label` on days `from..=to` at 8,000, then `after` days at `price_after` with no label.
fn weekly(labels: &[(u32, u32, &str)], after: u32, price_after: i64) -> Vec<Value> {
    let mut rows = Vec::new();
    let mut last = 0;
    for (from, to, label) in labels {
        rows.extend((*from..=*to).map(|d| labelled(d, 8_000, Some(label))));
        last = *to;
    }
    rows.extend((last + 1..=last + after).map(|d| labelled(d, price_after, None)));
    rows
}

#[test]
fn a_relative_weekly_deadline_renewed_every_week_is_a_fake_time_limit() {
    // March 2026: the 1st, 8th and 15th are Sundays. "至本周日（3月8日）止", then the next
    // Sunday's, then the next's, the price never ending.
    let f = findings(
        weekly(
            &[
                (2, 8, "本期特价至本周日（3月8日）止"),
                (9, 15, "本期特价至本周日（3月15日）止"),
                (16, 22, "本期特价至本周日（3月22日）止"),
            ],
            0,
            10_000,
        ),
        vec![],
    );
    let f = of_rule(&f, "fake_time_limit");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        f[0].evidence["finding"]["days_offered_after_deadline"]
            .as_i64()
            .unwrap()
            >= 7
    );
    // Without a date, on another weekday: "至本周五止" read against the day it is shown (Friday
    // the 6th, the 13th …), renewed each week.
    let f = findings(
        weekly(
            &[
                (2, 6, "会员价至本周五止"),
                (7, 13, "会员价至本周五止"),
                (14, 20, "会员价至本周五止"),
            ],
            0,
            10_000,
        ),
        vec![],
    );
    let f = of_rule(&f, "fake_time_limit");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        f[0].evidence["finding"]["claimed_deadline"],
        "2026-03-07T00:00:00+08:00"
    );
    // "月底前恢复原价" seen in March: the end of March 31, offered on into April.
    let rows: Vec<Value> = (25..=31)
        .map(|d| labelled(d, 8_000, Some("月底前恢复原价")))
        .chain((1..=3).map(|d| {
            let mut r = labelled(1, 8_000, Some("月底前恢复原价"));
            r["observed_at"] = json!(format!("2026-04-{d:02}T20:00:00+08:00"));
            r
        }))
        .collect();
    let data = data(
        &[
            ("price_observations", rows),
            ("orders", vec![]),
            ("listings", vec![listing()]),
        ],
        3,
    );
    let f = run(&PriceFraud, "2026-04-10T00:00:00+08:00", &data);
    assert_eq!(of_rule(&f, "fake_time_limit").len(), 1, "{f:#?}");
}

#[test]
fn a_relative_deadline_that_holds_or_is_not_an_end_is_lawful() {
    // A real weekly offer: "至本周日止" for one week, then the full price.
    let f = findings(weekly(&[(2, 8, "本周特惠至本周日止")], 5, 10_000), vec![]);
    assert!(of_rule(&f, "fake_time_limit").is_empty(), "{f:#?}");
    // A weekday that is not an end ("周一发货") claims nothing about the price.
    let f = findings(weekly(&[(2, 20, "特价 周一发货")], 0, 10_000), vec![]);
    assert!(of_rule(&f, "fake_time_limit").is_empty(), "{f:#?}");
    // "一周" is a length, not a weekday.
    let f = findings(weekly(&[(2, 20, "特价一周发完")], 0, 10_000), vec![]);
    assert!(of_rule(&f, "fake_time_limit").is_empty(), "{f:#?}");
}

#[test]
fn a_relative_deadline_needs_two_days_after_it_at_the_threshold() {
    // "至本周五止" seen Wednesday the 4th (deadline the close of Friday the 6th): the same price
    // on Saturday only, then the full price — one day, under `min_days_after` (2).
    let mut rows: Vec<Value> = (4..=6)
        .map(|d| labelled(d, 8_000, Some("本周五止")))
        .collect();
    rows.push(labelled(7, 8_000, None));
    rows.push(labelled(8, 10_000, None));
    assert!(of_rule(&findings(rows.clone(), vec![]), "fake_time_limit").is_empty());
    // Saturday and Sunday: two days after the deadline.
    rows[4] = labelled(8, 8_000, None);
    rows.push(labelled(9, 10_000, None));
    let f = findings(rows, vec![]);
    let f = of_rule(&f, "fake_time_limit");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["finding"]["days_offered_after_deadline"], 2);
}

// Version 6: a deadline given as a lunar-calendar day or a festival (第十九条第四项 judges the
// claim, whatever calendar it is written in). 2026's 正月十五 (元宵) is 3 March.
#[test]
fn a_lunar_or_festival_deadline_that_does_not_end_is_a_fake_time_limit() {
    for label in [
        "元宵特价 仅限正月十五当天",
        "仅限正月十五（3月3日）当天",
        "正月十五截止",
        "元宵节前下单享特惠",
        "农历1月15日止",
        "元宵節當天特價 僅限正月十五",
    ] {
        let fake = vec![
            labelled(2, 8_000, Some(label)),
            labelled(3, 8_000, Some(label)),
            labelled(4, 8_000, Some(label)),
            labelled(5, 8_000, None),
            labelled(6, 10_000, None),
        ];
        let f = findings(fake, vec![]);
        let f = of_rule(&f, "fake_time_limit");
        assert_eq!(f.len(), 1, "{label}");
        let claimed = &f[0].evidence["finding"]["claimed_deadline"];
        // "元宵节前" ends before the day itself is over only in the wording; the offer is read
        // as ending with that day, like "3月3日前".
        assert_eq!(claimed, "2026-03-04T00:00:00+08:00", "{label}");
        assert_eq!(
            f[0].evidence["finding"]["days_offered_after_deadline"], 2,
            "{label}"
        );
        // At the threshold: one later day at the price is not enough.
        let once = vec![
            labelled(3, 8_000, Some(label)),
            labelled(4, 8_000, None),
            labelled(5, 10_000, None),
        ];
        assert!(
            of_rule(&findings(once, vec![]), "fake_time_limit").is_empty(),
            "{label}"
        );
        // The offer that ends on the lunar day is lawful.
        let real = vec![
            labelled(2, 8_000, Some(label)),
            labelled(3, 8_000, Some(label)),
            labelled(4, 10_000, None),
            labelled(5, 10_000, None),
        ];
        assert!(
            of_rule(&findings(real, vec![]), "fake_time_limit").is_empty(),
            "{label}"
        );
    }
    // A festival or lunar day named as a theme, not as an end, claims nothing.
    for label in ["元宵礼盒", "正月十五团圆宴 预订中"] {
        let f = findings(
            (1..=10).map(|d| labelled(d, 8_000, Some(label))).collect(),
            vec![],
        );
        assert!(of_rule(&f, "fake_time_limit").is_empty(), "{label}");
    }
}

fn shown_with(
    time: String,
    page: &str,
    displayed: i64,
    payable: i64,
    label: Option<&str>,
) -> Value {
    json!({"platform_id": "p", "listing_id": "l1", "observed_at": time, "page": page, "displayed_price_fen": displayed,
           "payable_price_fen": payable, "promo_kind": "none", "promo_label": label, "viewer_pid": "v1",
           "source": "platform_log"})
}

// Version 6: a per-period instalment figure shown with its term states the total; paying that
// total is not 低价招徕 (第十九条第二项、第六项). Without a term it is judged as shown.
#[test]
fn an_instalment_figure_with_its_term_is_not_bait() {
    let pair = |label: Option<&str>, charged: i64| {
        findings(
            vec![
                shown_with(at(3, 10, 0), "home", 19_900, 19_900, label),
                shown_with(at(3, 10, 7), "checkout", charged, charged, None),
            ],
            vec![],
        )
    };
    for label in [
        "月付199元×12期 总价2388元 免息",
        "每月¥199 共12期",
        "199元/月 × 12个月",
        "分12期，每期199元",
        "月供199（共2388元）",
    ] {
        assert!(
            of_rule(&pair(Some(label), 238_800), "bait_price").is_empty(),
            "{label}"
        );
        // One fen over the total the label states is a higher price at checkout.
        let f = pair(Some(label), 238_801);
        let f = of_rule(&f, "bait_price");
        assert_eq!(f.len(), 1, "{label}");
        assert_eq!(
            f[0].evidence["pairs"][0]["instalment_total_fen"], 238_800,
            "{label}"
        );
    }
    // A per-period figure without its term, or no instalment wording: the shown price is 199.
    for label in [
        Some("月付199元"),
        Some("低至每月199"),
        Some("特价199"),
        None,
    ] {
        assert_eq!(
            of_rule(&pair(label, 238_800), "bait_price").len(),
            1,
            "{label:?}"
        );
    }
}

// Version 10: a charge stated with its amount next to the price first shown is a condition shown,
// not hidden (第十九条第二项、第六项): paying the price plus it is not 低价招徕、高价结算; one fen more
// is. A charge without an amount, a rate, a denied one or none is judged as shown.
#[test]
fn a_charge_stated_with_its_amount_next_to_the_price_is_not_bait() {
    let pair = |label: Option<&str>, charged: i64| {
        findings(
            vec![
                shown_with(at(3, 10, 0), "search", 129_900, 129_900, label),
                shown_with(at(3, 10, 3), "checkout", charged, charged, None),
            ],
            vec![],
        )
    };
    for label in [
        "1299（另付安装费50元，页面明示）",
        "1299 不含运费50元",
        "1299，另收上门安装费¥50",
        "1299 另付：安装费30元 + 调试费20元",
    ] {
        assert!(
            of_rule(&pair(Some(label), 134_900), "bait_price").is_empty(),
            "{label}"
        );
        let f = pair(Some(label), 134_901);
        let f = of_rule(&f, "bait_price");
        assert_eq!(f.len(), 1, "{label}: one fen over");
        assert_eq!(
            f[0].evidence["pairs"][0]["disclosed_charges_fen"], 5_000,
            "{label}"
        );
    }
    for label in [
        Some("1299（另付安装费）"),
        Some("1299（安装费50元）"),
        Some("1299 无需另付安装费50元"),
        Some("1299（上门安装费另付50元/次）"),
        Some("1299 含安装费"),
        None,
    ] {
        assert_eq!(
            of_rule(&pair(label, 134_900), "bait_price").len(),
            1,
            "{label:?}"
        );
    }
}

// Version 7: the viewer's whole path within the window, the settlement deciding. A fee added only
// at checkout after a detail page that repeated the low price is bait (第十九条第二项); a dearer
// detail page followed by a checkout that honours the price first shown is not (第二十一条第二项);
// with no settlement page the detail page decides (第二十条第一项).
#[test]
fn bait_price_follows_the_path_to_the_settlement() {
    let path = |detail: i64, checkout: Option<i64>| {
        let mut rows = vec![
            viewed(at(3, 10, 0), "search", 3_000, None, "v1", "platform_log"),
            viewed(
                at(3, 10, 2),
                "detail",
                detail,
                Some(detail),
                "v1",
                "platform_log",
            ),
        ];
        if let Some(c) = checkout {
            rows.push(viewed(
                at(3, 10, 4),
                "checkout",
                c,
                Some(c),
                "v1",
                "platform_log",
            ));
        }
        findings(rows, vec![])
    };
    // Detail repeats 30, checkout 110: found, with the checkout as the later page.
    let f = path(3_000, Some(11_000));
    let f = of_rule(&f, "bait_price");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["pairs"][0]["later_page"], "checkout");
    assert_eq!(f[0].evidence["pairs"][0]["later_payable_price_fen"], 11_000);
    // One fen over at checkout is bait; exactly the price first shown is not.
    assert_eq!(of_rule(&path(3_000, Some(3_001)), "bait_price").len(), 1);
    assert!(of_rule(&path(3_000, Some(3_000)), "bait_price").is_empty());
    // Detail dearer (a la carte), checkout honours the first price: no finding.
    assert!(of_rule(&path(7_500, Some(3_000)), "bait_price").is_empty());
    // Detail dearer and no settlement reached: the detail page decides.
    assert_eq!(of_rule(&path(7_500, None), "bait_price").len(), 1);
    // A cart without a checkout is the settlement when it is the last of the kind.
    let f = findings(
        vec![
            viewed(at(3, 10, 0), "home", 3_000, None, "v1", "platform_log"),
            viewed(
                at(3, 10, 1),
                "detail",
                7_500,
                Some(7_500),
                "v1",
                "platform_log",
            ),
            viewed(
                at(3, 10, 3),
                "cart",
                3_000,
                Some(3_000),
                "v1",
                "platform_log",
            ),
        ],
        vec![],
    );
    assert!(of_rule(&f, "bait_price").is_empty());
}

#[test]
fn a_dated_claim_still_shown_after_its_date_bridges_unobserved_days() {
    // Version 8: "优惠截至3月11日" seen every other day, the same label and price on the 13th and
    // 15th: the claim outlived its date; the unobserved 12th and 14th do not end the run.
    let label = "优惠截至3月11日";
    let every_other = |days: &[u32], price: i64, l: Option<&str>| -> Vec<Value> {
        days.iter().map(|d| labelled(*d, price, l)).collect()
    };
    let mut rows = every_other(&[7, 9, 11], 8_000, Some(label));
    rows.extend(every_other(&[13, 15], 8_000, Some(label)));
    let f = findings(rows, vec![]);
    let f = of_rule(&f, "fake_time_limit");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["finding"]["days_offered_after_deadline"], 2);
    // At the threshold: only the 13th seen after the date — one day, under two.
    let mut rows = every_other(&[7, 9, 11], 8_000, Some(label));
    rows.extend(every_other(&[13], 8_000, Some(label)));
    rows.extend(every_other(&[15], 10_000, None));
    assert!(of_rule(&findings(rows, vec![]), "fake_time_limit").is_empty());
    // After a gap the plain price (no stale claim) is not proof: the offer may have ended and
    // come back.
    let mut rows = every_other(&[7, 9, 11], 8_000, Some(label));
    rows.extend(every_other(&[13, 15], 8_000, None));
    assert!(of_rule(&findings(rows, vec![]), "fake_time_limit").is_empty());
    // A relative deadline ("仅限今日") re-read each day is not a stale claim: a gap still ends it.
    let mut rows = every_other(&[9, 11], 8_000, Some("仅限今日"));
    rows.extend(every_other(&[13, 15], 8_000, Some("仅限今日")));
    assert!(of_rule(&findings(rows, vec![]), "fake_time_limit").is_empty());
}

fn order_at(id: &str, time: String, price: i64) -> Value {
    json!({"platform_id": "p", "listing_id": "l1", "order_id": id, "unit_price_fen": price,
           "ordered_at": time, "status": "completed"})
}

/// Version 11: sales at 999 on days 1–7, the page seen at 1199 at noon on day 8 (and sold at 1199
/// that afternoon), then "原价999 今日899" from 12:21 on day 9 (and sold at 899 after it); `early`
/// is a sale on day 9 before the first sighting.
fn compared_after_an_early_sale(early: (String, i64), extra: Vec<Value>) -> Vec<Finding> {
    let mut orders: Vec<Value> = (1..=7)
        .map(|d| order(&format!("o{d}"), d, 99_900, "completed"))
        .collect();
    orders.push(order_at("o8", at(8, 15, 0), 119_900));
    orders.push(order_at("early", early.0, early.1));
    orders.push(order_at("o9", at(9, 15, 0), 89_900));
    orders.push(order_at("o10", at(10, 15, 0), 89_900));
    let mut shown = vec![obs(at(8, 12, 0), "detail", 119_900, None, None)];
    shown.extend(extra);
    for d in [9, 10] {
        shown.push(obs(
            at(d, 12, 21),
            "detail",
            89_900,
            Some(99_900),
            Some("previous_price"),
        ));
    }
    shown.sort_by_key(|o| o["observed_at"].as_str().unwrap_or_default().to_string());
    findings(shown, orders)
}

/// Version 11: a comparison begins at an unseen moment before its first sighting; a sale on that
/// day, after the last sighting of the page without it, at exactly its compared-down price is its
/// own result, not its base (第十六条第二款 前七日; 民法典 第二百零一条). Holdout11's 游泳卡: "原价999
/// （调价前） 今日899" first seen at 12:21, a sale at 899 at 10:09 the same morning.
#[test]
fn a_sale_at_the_compared_down_price_earlier_that_day_is_not_the_base() {
    let f = compared_after_an_early_sale((at(9, 10, 9), 89_900), vec![]);
    assert!(of_rule(&f, "reference_price").is_empty(), "{f:#?}");
    // One fen under the price the comparison shows is another price: it is the base.
    let f = compared_after_an_early_sale((at(9, 10, 9), 89_899), vec![]);
    let f = of_rule(&f, "reference_price");
    assert_eq!(f.len(), 2, "{f:#?}");
    assert_eq!(f[0].evidence["violations"][0]["base_price_fen"], 89_899);
    // The day before (after the page was last seen without it) is before the day of the
    // comparison: counted.
    let f = compared_after_an_early_sale((at(8, 23, 59), 89_900), vec![]);
    assert_eq!(of_rule(&f, "reference_price").len(), 2, "{f:#?}");
    // The page seen without the comparison after the sale: the comparison began later; counted.
    let f = compared_after_an_early_sale(
        (at(9, 10, 9), 89_900),
        vec![obs(at(9, 11, 0), "detail", 89_900, None, None)],
    );
    let f = of_rule(&f, "reference_price");
    assert_eq!(f.len(), 2, "{f:#?}");
    assert!(f[0].evidence["violations"][0]["own_sales_not_counted"].is_null());
    // Another page seen without it says nothing of this page's comparison.
    let f = compared_after_an_early_sale(
        (at(9, 10, 9), 89_900),
        vec![obs(at(9, 11, 0), "home", 89_900, None, None)],
    );
    assert!(of_rule(&f, "reference_price").is_empty(), "{f:#?}");
    // The page last seen before the comparison at the compared-down price itself: the price did
    // not drop when the comparison began, the morning's sale is the price as it was; counted.
    let f = compared_after_an_early_sale(
        (at(9, 10, 9), 89_900),
        vec![obs(at(9, 8, 0), "detail", 89_900, None, None)],
    );
    assert_eq!(of_rule(&f, "reference_price").len(), 2, "{f:#?}");
    // The page never seen before the comparison: nothing says when it began; the morning's sale
    // at its price counts (the example batch's 山核桃: 原价98, sold at 68 that morning).
    let mut orders: Vec<Value> = (1..=7)
        .map(|d| order(&format!("o{d}"), d, 99_900, "completed"))
        .collect();
    orders.push(order_at("early", at(9, 10, 9), 89_900));
    let shown = vec![obs(
        at(9, 12, 21),
        "detail",
        89_900,
        Some(99_900),
        Some("previous_price"),
    )];
    let f = findings(shown, orders);
    let f = of_rule(&f, "reference_price");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["violations"][0]["base_price_fen"], 89_900);
}

fn seen_by(time: String, page: &str, price: i64, label: Option<&str>, viewer: &str) -> Value {
    json!({"platform_id": "p", "listing_id": "l1", "observed_at": time, "page": page, "displayed_price_fen": price,
           "payable_price_fen": price, "promo_kind": if label.is_some() { "discount" } else { "none" },
           "promo_label": label, "viewer_pid": viewer, "source": "platform_log"})
}

/// Version 11: a starting price ("¥6999起（48cm车架）") is the lowest option's price. A viewer who
/// settles dearer chose a dearer option — no bait when another viewer is seen settling at the
/// starting price within `from_price_days` (7) of the page (第十九条第二项 is a low price not
/// honoured); a starting price nobody pays, or a price not written as one, is judged as shown.
#[test]
fn a_starting_price_some_viewer_settles_at_is_not_bait() {
    let from = "¥6999起（48cm车架）";
    let paths = |label: &str, other_day: u32, other_paid: i64| {
        findings(
            vec![
                seen_by(at(3, 10, 0), "search", 699_900, Some(label), "v1"),
                seen_by(at(3, 10, 1), "detail", 749_900, None, "v1"),
                seen_by(at(3, 10, 3), "checkout", 749_900, None, "v1"),
                seen_by(at(other_day, 11, 0), "search", 699_900, Some(label), "v2"),
                seen_by(at(other_day, 11, 3), "checkout", other_paid, None, "v2"),
            ],
            vec![],
        )
    };
    for label in [from, "6999元起", "起价¥6999 多尺寸可选"] {
        assert!(
            of_rule(&paths(label, 5, 699_900), "bait_price").is_empty(),
            "{label}"
        );
    }
    // At the threshold: 7 days after is within reach, 8 is not.
    assert!(of_rule(&paths(from, 10, 699_900), "bait_price").is_empty());
    let f = paths(from, 11, 699_900);
    let f = of_rule(&f, "bait_price");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["pairs"][0]["viewer_pid"], "v1");
    // Nobody settles at 6999 (the other viewer pays one fen more): the starting price is bait.
    assert_eq!(
        of_rule(&paths(from, 5, 699_901), "bait_price").len(),
        2,
        "both viewers"
    );
    // A price not written as a starting price ("6999（48cm车架）"), or another amount before 起.
    for label in ["¥6999（48cm车架）", "¥6899起"] {
        assert_eq!(
            of_rule(&paths(label, 5, 699_900), "bait_price").len(),
            1,
            "{label}"
        );
    }
}

/// Version 11: a change of price the first page announces with its moment and new price
/// ("古琴体验课89（3月11日0点起99）" at 23:50): a later page after that moment charging no more
/// than the announced price is the change as announced, not bait; one fen more, a settlement
/// before the moment, or no announcement is. Holdout11's 古琴 (the later views stamped in UTC).
#[test]
fn a_price_change_announced_on_the_first_page_is_not_bait() {
    let path = |label: &str, later: &str, paid: i64| {
        findings(
            vec![
                seen_by(at(10, 23, 50), "home", 8_900, Some(label), "v1"),
                seen_by(
                    "2026-03-10T16:10:00Z".to_string(),
                    "detail",
                    9_900,
                    None,
                    "v1",
                ),
                seen_by(later.to_string(), "checkout", paid, None, "v1"),
            ],
            vec![],
        )
    };
    let after = "2026-03-10T16:11:30Z"; // 00:11:30 on the 11th in Beijing
    for label in [
        "古琴体验课89（3月11日0点起99）",
        "89 明日起恢复¥99",
        "特价89，3月11日起调整为99元",
    ] {
        assert!(
            of_rule(&path(label, after, 9_900), "bait_price").is_empty(),
            "{label}"
        );
        assert_eq!(
            of_rule(&path(label, after, 9_901), "bait_price").len(),
            1,
            "{label}: one fen over the announced price"
        );
    }
    // The announced moment is 10:00 on the 11th: a settlement at 00:11 is before it.
    assert_eq!(
        of_rule(&path("89（3月11日10点起99）", after, 9_900), "bait_price").len(),
        1
    );
    // No announcement: the home price and the dearer settlement are bait.
    assert_eq!(
        of_rule(&path("古琴体验课89", after, 9_900), "bait_price").len(),
        1
    );
}

// Version 12: a reduction computed from the shown price itself, with no compared price ("领券立减
// 200 券后599" on a page showing the raised 799): the shown price is the 减价计算基准 (第十七条).
fn coupon_off_shown(day: u32, shown: i64, payable: i64) -> Value {
    json!({"platform_id": "p", "listing_id": "l1", "observed_at": at(day, 9, 0), "page": "detail",
           "displayed_price_fen": shown, "payable_price_fen": payable, "promo_kind": "coupon",
           "promo_label": "领券立减 券后价", "source": "platform_log"})
}

#[test]
fn a_coupon_off_a_price_raised_just_before_is_raise_then_discount() {
    let history = |raised: i64| {
        vec![
            regular(1, 10_000),
            regular(5, 10_000),
            regular(10, 10_000),
            regular(24, raised),
        ]
    };
    // Raised 10,000 → 13,000 three days before; a coupon of 3,000 off the raised price.
    let mut list = history(13_000);
    list.push(coupon_off_shown(27, 13_000, 10_000));
    let f = findings(list, vec![]);
    let f = of_rule(&f, "raise_then_discount");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["finding"]["reference_price_fen"], 13_000);
    assert_eq!(f[0].evidence["finding"]["discounted_price_fen"], 10_000);
    assert_eq!(f[0].evidence["finding"]["reference_is_shown_price"], true);
    assert_eq!(f[0].severity, Severity::High);
    // At the threshold (a 5% raise) it is one; under it (4.99%) it is not.
    let mut list = history(10_500);
    list.push(coupon_off_shown(27, 10_500, 9_500));
    assert_eq!(
        of_rule(&findings(list, vec![]), "raise_then_discount").len(),
        1
    );
    let mut list = history(10_499);
    list.push(coupon_off_shown(27, 10_499, 9_500));
    assert!(of_rule(&findings(list, vec![]), "raise_then_discount").is_empty());
    // A coupon off the usual price, never raised: no finding; nor a coupon page paying the shown
    // price (no reduction).
    let mut list = history(10_000);
    list.push(coupon_off_shown(27, 10_000, 8_000));
    assert!(of_rule(&findings(list, vec![]), "raise_then_discount").is_empty());
    let mut list = history(13_000);
    list.push(coupon_off_shown(27, 13_000, 13_000));
    assert!(of_rule(&findings(list, vec![]), "raise_then_discount").is_empty());
}

// Version 12: a price the first page gives for stated hours of the day, seen inside them, and a
// later page after their end is the offer ending as announced (第十九条第二项).
#[test]
fn a_price_for_stated_hours_that_end_between_the_pages_is_not_bait() {
    let path = |label: &str, first: (u32, u32), later: (u32, u32)| {
        findings(
            vec![
                shown_with(at(10, first.0, first.1), "home", 3_900, 3_900, Some(label)),
                shown_with(at(10, later.0, later.1), "checkout", 4_900, 4_900, None),
            ],
            vec![],
        )
    };
    // Seen at 9:58, paid at 10:00 after the hour "9:00—10:00" ended: lawful.
    for label in [
        "早鸟价39 每天9:00—10:00",
        "早鸟价39 每日9点-10点",
        "早鸟价39（９：００至１０：００）",
    ] {
        let f = path(label, (9, 58), (10, 0));
        assert!(of_rule(&f, "bait_price").is_empty(), "{label}: {f:#?}");
    }
    // Paid at 9:59, inside the hours, at the dearer price: bait.
    let f = path("早鸟价39 每天9:00—10:00", (9, 50), (9, 59));
    assert_eq!(of_rule(&f, "bait_price").len(), 1, "{f:#?}");
    // Shown outside the hours it names (at 10:05): the low price lured after its hours; bait.
    let f = path("早鸟价39 每天9:00—10:00", (10, 5), (10, 20));
    assert_eq!(of_rule(&f, "bait_price").len(), 1, "{f:#?}");
    // One time alone is no range ("10:00前下单") and clears nothing.
    let f = path("早鸟价39 10:00前下单", (9, 58), (10, 0));
    assert_eq!(of_rule(&f, "bait_price").len(), 1, "{f:#?}");
}

// Version 12: a range of two bare weekdays ("周日至周四") is the days of each week a price applies
// to, not a deadline (第十九条第四项).
#[test]
fn a_weekly_range_of_weekdays_is_not_a_deadline() {
    for label in [
        "¥368起（标准间 周日至周四）",
        "工作日价 周一到周五",
        "星期一-星期五 特价",
    ] {
        let f = findings(weekly(&[(2, 20, label)], 0, 10_000), vec![]);
        assert!(of_rule(&f, "fake_time_limit").is_empty(), "{label}: {f:#?}");
    }
    // A range ending on this week's day is a one-off period that ends: renewed each week with
    // the price never ending, a finding as before.
    let f = findings(
        weekly(
            &[
                (2, 6, "特价本周一至本周五"),
                (7, 13, "特价本周一至本周五"),
                (14, 20, "特价本周一至本周五"),
            ],
            0,
            10_000,
        ),
        vec![],
    );
    assert_eq!(of_rule(&f, "fake_time_limit").len(), 1, "{f:#?}");
    // A bare weekday written as an end, alone, is still a deadline.
    let f = findings(
        weekly(
            &[
                (2, 6, "特价至周五止"),
                (7, 13, "特价至周五止"),
                (14, 20, "特价至周五止"),
            ],
            0,
            10_000,
        ),
        vec![],
    );
    assert_eq!(of_rule(&f, "fake_time_limit").len(), 1, "{f:#?}");
}
