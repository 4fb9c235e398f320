//! Planted cases with known answers, each with hard negatives a careless detector would flag.
//!
//! Pricing (明码标价和禁止价格欺诈规定; 指南 第十七条; 价格法 第十四条), on the marketplace platform:
//! three positives and three hard negatives per rule.

use serde_json::json;

use crate::city::{City, at, order, plant_listing};
use crate::rng::Rng;
use crate::truth::Label;

const P: &str = "huishang";

/// One price observation of the marketplace; the fields a case does not set keep the defaults of
/// an ordinary logged view (no compared price, no promotion, a new viewer on iOS).
struct Obs<'a> {
    listing: &'a str,
    day: i64,
    second: i64,
    page: &'a str,
    shown: i64,
    reference: Option<i64>,
    kind: Option<&'a str>,
    promo: &'a str,
    label: Option<&'a str>,
    payable: Option<i64>,
    viewer: &'a str,
    segment: &'a str,
    orders_90d: i64,
    source: &'a str,
}

impl Default for Obs<'_> {
    fn default() -> Self {
        Obs {
            listing: "",
            day: 0,
            second: 0,
            page: "detail",
            shown: 0,
            reference: None,
            kind: None,
            promo: "none",
            label: None,
            payable: None,
            viewer: "",
            segment: "new",
            orders_90d: 0,
            source: "platform_log",
        }
    }
}

impl Obs<'_> {
    fn row(&self) -> serde_json::Value {
        json!({
            "platform_id": P, "listing_id": self.listing, "observed_at": at(self.day, self.second), "page": self.page,
            "displayed_price_fen": self.shown, "reference_price_fen": self.reference, "reference_kind": self.kind,
            "promo_kind": self.promo, "promo_label": self.label, "payable_price_fen": self.payable,
            "viewer_pid": self.viewer, "viewer_segment": self.segment, "viewer_orders_90d": self.orders_90d,
            "device": "ios", "viewer_adcode": "330106", "source": self.source,
        })
    }
}

/// Plants the pricing cases.
pub fn pricing(city: &mut City, root: &Rng, buyers: &[String], days: i64, order_no: &mut u64) {
    let mut rng = root.fork("plant-pricing");
    let next_order = |n: &mut u64| {
        *n += 1;
        *n
    };
    let last = days - 1;
    for i in 0..3 {
        // reference_price +: "原价" 30% above every sale of the week before.
        let l = plant_listing(
            city,
            &mut rng,
            P,
            &format!("refprice-pos{i}"),
            10_000,
            "general",
            -200,
        );
        for d in last - 9..last - 1 {
            let n = next_order(order_no);
            city.order_for(
                &l,
                n,
                d,
                40_000,
                10_000,
                rng.pick(buyers).as_str(),
                &mut rng,
            );
        }
        city.add(
            P,
            "price_observations",
            Obs {
                listing: &l.id,
                day: last - 1,
                second: 50_000,
                page: "detail",
                shown: 9_900,
                reference: Some(13_000),
                kind: Some("previous_price"),
                promo: "discount",
                label: Some("限时折扣"),
                payable: Some(9_900),
                viewer: rng.pick(buyers).as_str(),
                segment: "returning",
                orders_90d: 2,
                ..Obs::default()
            }
            .row(),
        );
        city.truth.add(
            "price_fraud",
            "price_fraud.reference_price",
            P,
            &l.id,
            Label::Positive,
            "被比较价格 130 元高于前七日最低成交价 100 元",
        );
        // reference_price −: the compared price equals the 7-day low (不高于 is lawful).
        let l = plant_listing(
            city,
            &mut rng,
            P,
            &format!("refprice-neg{i}"),
            10_000,
            "general",
            -200,
        );
        for d in last - 9..last - 1 {
            let n = next_order(order_no);
            city.order_for(
                &l,
                n,
                d,
                40_000,
                10_000,
                rng.pick(buyers).as_str(),
                &mut rng,
            );
        }
        city.add(
            P,
            "price_observations",
            Obs {
                listing: &l.id,
                day: last - 1,
                second: 50_000,
                page: "detail",
                shown: 9_000,
                reference: Some(10_000),
                kind: Some("previous_price"),
                promo: "discount",
                payable: Some(9_000),
                viewer: rng.pick(buyers).as_str(),
                segment: "returning",
                orders_90d: 2,
                ..Obs::default()
            }
            .row(),
        );
        city.truth.add(
            "price_fraud",
            "price_fraud.reference_price",
            P,
            &l.id,
            Label::Negative,
            "被比较价格恰等于前七日最低成交价：不高于即合法",
        );
        // reference_price −: a manufacturer's RRP, labelled as such, is judged by its own rule.
        let l = plant_listing(
            city,
            &mut rng,
            P,
            &format!("refprice-rrp{i}"),
            10_000,
            "general",
            -200,
        );
        for d in last - 9..last - 1 {
            let n = next_order(order_no);
            city.order_for(&l, n, d, 40_000, 8_000, rng.pick(buyers).as_str(), &mut rng);
        }
        city.add(
            P,
            "price_observations",
            Obs {
                listing: &l.id,
                day: last - 1,
                second: 50_000,
                page: "detail",
                shown: 8_000,
                reference: Some(12_000),
                kind: Some("rrp"),
                payable: Some(8_000),
                viewer: rng.pick(buyers).as_str(),
                ..Obs::default()
            }
            .row(),
        );
        city.truth.add(
            "price_fraud",
            "price_fraud.reference_price",
            P,
            &l.id,
            Label::Negative,
            "标明为厂商建议零售价，不适用七日最低成交价规则",
        );

        // raise_then_discount +: 100 for weeks, raised to 130 four days before a "discount" to 115.
        let l = plant_listing(
            city,
            &mut rng,
            P,
            &format!("raise-pos{i}"),
            10_000,
            "general",
            -200,
        );
        for d in [last - 25, last - 20, last - 15, last - 12] {
            city.add(
                P,
                "price_observations",
                Obs {
                    listing: &l.id,
                    day: d,
                    second: 30_000,
                    page: "detail",
                    shown: 10_000,
                    payable: Some(10_000),
                    viewer: rng.pick(buyers).as_str(),
                    ..Obs::default()
                }
                .row(),
            );
        }
        city.add(
            P,
            "price_observations",
            Obs {
                listing: &l.id,
                day: last - 4,
                second: 30_000,
                page: "detail",
                shown: 13_000,
                payable: Some(13_000),
                viewer: rng.pick(buyers).as_str(),
                ..Obs::default()
            }
            .row(),
        );
        city.add(
            P,
            "price_observations",
            Obs {
                listing: &l.id,
                day: last - 1,
                second: 30_000,
                page: "detail",
                shown: 11_500,
                reference: Some(13_000),
                kind: Some("other_disclosed"),
                promo: "discount",
                label: Some("大促折扣"),
                payable: Some(11_500),
                viewer: rng.pick(buyers).as_str(),
                ..Obs::default()
            }
            .row(),
        );
        city.truth.add(
            "price_fraud",
            "price_fraud.raise_then_discount",
            P,
            &l.id,
            Label::Positive,
            "折扣前四天将 100 元提至 130 元，再以 130 元为基准打折至 115 元",
        );
        // raise_then_discount −: a real discount from the usual price.
        let l = plant_listing(
            city,
            &mut rng,
            P,
            &format!("raise-neg{i}"),
            10_000,
            "general",
            -200,
        );
        for d in [last - 25, last - 20, last - 15, last - 12, last - 4] {
            city.add(
                P,
                "price_observations",
                Obs {
                    listing: &l.id,
                    day: d,
                    second: 30_000,
                    page: "detail",
                    shown: 10_000,
                    payable: Some(10_000),
                    viewer: rng.pick(buyers).as_str(),
                    ..Obs::default()
                }
                .row(),
            );
        }
        city.add(
            P,
            "price_observations",
            Obs {
                listing: &l.id,
                day: last - 1,
                second: 30_000,
                page: "detail",
                shown: 8_500,
                reference: Some(10_000),
                kind: Some("other_disclosed"),
                promo: "discount",
                label: Some("大促折扣"),
                payable: Some(8_500),
                viewer: rng.pick(buyers).as_str(),
                ..Obs::default()
            }
            .row(),
        );
        city.truth.add(
            "price_fraud",
            "price_fraud.raise_then_discount",
            P,
            &l.id,
            Label::Negative,
            "以一贯的常态价为基准的真实折扣",
        );

        // bait_price +: 89 on the search page, 109 at checkout for the same viewer minutes later.
        let l = plant_listing(
            city,
            &mut rng,
            P,
            &format!("bait-pos{i}"),
            10_900,
            "general",
            -200,
        );
        let viewer = rng.hex64();
        city.add(
            P,
            "price_observations",
            Obs {
                listing: &l.id,
                day: last - 2,
                second: 40_000,
                page: "search",
                shown: 8_900,
                viewer: &viewer,
                ..Obs::default()
            }
            .row(),
        );
        city.add(
            P,
            "price_observations",
            Obs {
                listing: &l.id,
                day: last - 2,
                second: 40_600,
                page: "checkout",
                shown: 10_900,
                payable: Some(10_900),
                viewer: &viewer,
                ..Obs::default()
            }
            .row(),
        );
        city.truth.add(
            "price_fraud",
            "price_fraud.bait_price",
            P,
            &l.id,
            Label::Positive,
            "搜索页 89 元，同一浏览者十分钟后结算须付 109 元",
        );
        // bait_price −: the checkout price is higher but the payable price after coupons is lower (第二十一条第二项).
        let l = plant_listing(
            city,
            &mut rng,
            P,
            &format!("bait-neg{i}"),
            10_900,
            "general",
            -200,
        );
        let viewer = rng.hex64();
        city.add(
            P,
            "price_observations",
            Obs {
                listing: &l.id,
                day: last - 2,
                second: 40_000,
                page: "search",
                shown: 8_900,
                viewer: &viewer,
                ..Obs::default()
            }
            .row(),
        );
        city.add(
            P,
            "price_observations",
            Obs {
                listing: &l.id,
                day: last - 2,
                second: 40_600,
                page: "checkout",
                shown: 10_900,
                promo: "coupon",
                payable: Some(8_700),
                viewer: &viewer,
                ..Obs::default()
            }
            .row(),
        );
        city.truth.add(
            "price_fraud",
            "price_fraud.bait_price",
            P,
            &l.id,
            Label::Negative,
            "结算页标价高，但用券后实付低于搜索页价格：实际优惠更大，属安全港",
        );

        // fake_time_limit +: "仅限今日" at 79, still 79 on the next three days.
        let l = plant_listing(
            city,
            &mut rng,
            P,
            &format!("timer-pos{i}"),
            9_900,
            "general",
            -200,
        );
        for (k, d) in (last - 5..last - 1).enumerate() {
            let label = if k == 0 {
                Some("限时特价 仅限今日")
            } else {
                None
            };
            city.add(
                P,
                "price_observations",
                Obs {
                    listing: &l.id,
                    day: d,
                    second: 70_000,
                    page: "detail",
                    shown: 7_900,
                    promo: if k == 0 { "flash_sale" } else { "none" },
                    label,
                    payable: Some(7_900),
                    viewer: rng.pick(buyers).as_str(),
                    ..Obs::default()
                }
                .row(),
            );
        }
        city.truth.add(
            "price_fraud",
            "price_fraud.fake_time_limit",
            P,
            &l.id,
            Label::Positive,
            "宣称仅限今日，其后三天仍以同价销售",
        );
        // fake_time_limit −: the price really returns to 99 after the day.
        let l = plant_listing(
            city,
            &mut rng,
            P,
            &format!("timer-neg{i}"),
            9_900,
            "general",
            -200,
        );
        for (k, d) in (last - 5..last - 1).enumerate() {
            let (price, label) = if k == 0 {
                (7_900, Some("限时特价 仅限今日"))
            } else {
                (9_900, None)
            };
            city.add(
                P,
                "price_observations",
                Obs {
                    listing: &l.id,
                    day: d,
                    second: 70_000,
                    page: "detail",
                    shown: price,
                    promo: if k == 0 { "flash_sale" } else { "none" },
                    label,
                    payable: Some(price),
                    viewer: rng.pick(buyers).as_str(),
                    ..Obs::default()
                }
                .row(),
            );
        }
        city.truth.add(
            "price_fraud",
            "price_fraud.fake_time_limit",
            P,
            &l.id,
            Label::Negative,
            "限时价到期后确实恢复原价",
        );

        // price_discrimination +: returning customers pay 5% more in the same hour, region and device.
        for (tag, label) in [("kill-pos", Label::Positive), ("kill-neg", Label::Negative)] {
            let l = plant_listing(
                city,
                &mut rng,
                P,
                &format!("{tag}{i}"),
                10_000,
                "general",
                -200,
            );
            for k in 0..500i64 {
                let loyal = k % 2 == 0;
                let coupon = *rng.pick(&[0i64, 200, 500]);
                let (promo, payable) = match (tag, loyal) {
                    ("kill-pos", true) => ("coupon", (10_000 - coupon) * 105 / 100),
                    ("kill-neg", false) => ("new_user", (10_000 - coupon) * 90 / 100),
                    _ => ("coupon", 10_000 - coupon),
                };
                let day = last - 10 + (k / 2) % 8;
                let viewer = rng.hex64();
                city.add(
                    P,
                    "price_observations",
                    Obs {
                        listing: &l.id,
                        day,
                        second: 36_000 + (k % 20) * 60,
                        page: "checkout",
                        shown: 10_000,
                        promo,
                        payable: Some(payable),
                        viewer: &viewer,
                        segment: if loyal { "returning" } else { "new" },
                        orders_90d: if loyal { 15 } else { 0 },
                        ..Obs::default()
                    }
                    .row(),
                );
            }
            let why = if label == Label::Positive {
                "同时段同地区同设备，老客实付高 5%"
            } else {
                "新客享新人价（合法的新用户优惠），老客未被加价"
            };
            city.truth.add(
                "price_discrimination",
                "price_discrimination.loyalty_surcharge",
                P,
                &l.id,
                label,
                why,
            );
        }

        // below_cost +: sells at 80 against an audited unit cost of 100 for ten days.
        for (tag, price, label) in [
            ("dump-pos", 8_000, Label::Positive),
            ("dump-neg", 10_000, Label::Negative),
        ] {
            let l = plant_listing(
                city,
                &mut rng,
                P,
                &format!("{tag}{i}"),
                12_000,
                "general",
                -300,
            );
            city.add(P, "costs", json!({"platform_id": P, "listing_id": l.id, "valid_from": &crate::city::at(-300, 0)[..10], "valid_to": null, "unit_cost_fen": 10_000, "basis": "audited"}));
            for d in last - 12..last - 2 {
                let n = next_order(order_no);
                city.order_for(&l, n, d, 45_000, price, rng.pick(buyers).as_str(), &mut rng);
            }
            let why = if label == Label::Positive {
                "十天成交价 80 元，低于经核实的成本 100 元"
            } else {
                "成交价恰等于成本：不低于成本"
            };
            city.truth
                .add("below_cost", "below_cost.sustained", P, &l.id, label, why);
        }
    }
}

/// Plants referral schemes on the social platform (禁止传销条例 第七条; 刑法 第二百二十四条之一).
pub fn pyramids(city: &mut City, root: &Rng) {
    let mut rng = root.fork("plant-pyramid");
    let platform = "kanbo";
    // (scheme, members, fan-out, entry fee, recruitment reward, sales reward, label, why)
    type Case = (
        &'static str,
        usize,
        usize,
        i64,
        i64,
        i64,
        Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            "pyr-pos0",
            31,
            5,
            39_900,
            6_000,
            0,
            Label::Positive,
            "31 人、3 层，按发展人数返利，收取 399 元入门费：达到刑事移送标准",
        ),
        (
            "pyr-pos1",
            130,
            4,
            99_900,
            12_000,
            500,
            Label::Positive,
            "130 人、4 层，拉人头奖励为主：情节严重",
        ),
        (
            "pyr-pos2",
            29,
            5,
            0,
            3_000,
            0,
            Label::Positive,
            "29 人拉人头返利：构成传销形式，但未达 30 人的移送标准",
        ),
        (
            "pyr-neg0",
            40,
            39,
            0,
            0,
            3_000,
            Label::Negative,
            "仅按本人销售返佣、两级以内的分销计划：不是传销",
        ),
        (
            "pyr-neg1",
            60,
            59,
            19_900,
            0,
            2_000,
            Label::Negative,
            "付费会员、无层级返利：不是传销",
        ),
        (
            "pyr-neg2",
            25,
            24,
            0,
            0,
            1_000,
            Label::Negative,
            "两级销售返佣",
        ),
    ];
    for (scheme, n, fanout, fee, recruit, sales, label, why) in cases {
        let pids: Vec<String> = (0..n).map(|_| rng.hex64()).collect();
        for (i, pid) in pids.iter().enumerate() {
            let referrer = if i == 0 {
                serde_json::Value::Null
            } else {
                json!(pids[(i - 1) / fanout])
            };
            city.add(platform, "referrals", json!({
                "platform_id": platform, "scheme_id": scheme, "member_pid": pid, "referrer_pid": referrer,
                "joined_at": at(1 + (i as i64 % 30), 40_000), "entry_fee_fen": fee,
                "recruitment_rewards_fen": if i < n / 2 { recruit } else { 0 }, "sales_rewards_fen": sales,
            }));
        }
        city.truth.add_subject(
            "pyramid_scheme",
            "pyramid_scheme.pyramid",
            "scheme",
            platform,
            scheme,
            label,
            why,
        );
    }
}

/// Plants no-reason-return refusals on the local-services platform (消费者权益保护法 第二十五条).
pub fn returns(city: &mut City, root: &Rng) {
    let mut rng = root.fork("plant-returns");
    let platform = "xiansong";
    // (tag, class, day the request comes after signing, refusals of 10, label, why)
    type Case = (&'static str, &'static str, i64, usize, Label, &'static str);
    let cases: [Case; 6] = [
        (
            "ret-pos0",
            "general",
            3,
            8,
            Label::Positive,
            "10 件七日内无理由退货申请拒绝 8 件",
        ),
        (
            "ret-pos1",
            "general",
            7,
            9,
            Label::Positive,
            "签收后第 7 天申请（仍在期限内），拒绝 9 件",
        ),
        (
            "ret-pos2",
            "ordinary_cosmetic",
            1,
            6,
            Label::Positive,
            "普通化妆品不属除外商品，拒绝 6 件",
        ),
        (
            "ret-neg0",
            "fresh",
            2,
            10,
            Label::Negative,
            "生鲜商品依法不适用七日无理由退货",
        ),
        (
            "ret-neg1",
            "general",
            8,
            10,
            Label::Negative,
            "签收后第 8 天才申请，已过七日",
        ),
        (
            "ret-neg2",
            "general",
            3,
            2,
            Label::Negative,
            "10 件中仅拒绝 2 件，低于阈值",
        ),
    ];
    for (tag, class, after, refusals, label, why) in cases {
        let l = plant_listing(city, &mut rng, platform, tag, 5_900, class, -300);
        for n in 0..10 {
            let (signed, requested) = (10 + n as i64, 10 + n as i64 + after);
            let buyer = rng.hex64();
            let mut row = order(
                &l,
                0,
                signed - 2,
                40_000,
                5_900,
                1,
                &buyer,
                "refunded",
                &mut rng,
            );
            row["order_id"] = json!(format!("{tag}-o{n}"));
            row["signed_at"] = json!(at(signed, 64_800));
            row["return_requested_at"] = json!(at(requested, 36_000));
            row["return_reason"] = json!("no_reason");
            row["return_outcome"] = json!(if n < refusals { "rejected" } else { "approved" });
            if n >= refusals {
                row["refunded_at"] = json!(at(requested + 2, 36_000));
            }
            city.add(platform, "orders", row);
        }
        city.truth.add_subject(
            "return_refusal",
            "return_refusal.no_reason_return",
            "merchant",
            platform,
            &l.merchant,
            label,
            why,
        );
    }
}

/// Plants operator-identity cases (电子商务法 第十、十五、二十七条; 网络交易监督管理办法 第八条).
pub fn identity(city: &mut City, root: &Rng, buyers: &[String], order_no: &mut u64) {
    let mut rng = root.fork("plant-identity");
    let platform = "huishang";
    for (k, status) in ["cancelled", "revoked", "serious_violation"]
        .iter()
        .enumerate()
    {
        let l = crate::city::plant_listing_with(
            city,
            &mut rng,
            platform,
            &format!("dereg-pos{k}"),
            5_000,
            "general",
            -400,
            Some(status),
        );
        for d in 0..3 {
            *order_no += 1;
            city.order_for(
                &l,
                *order_no,
                5 + d,
                40_000,
                5_000,
                rng.pick(buyers).as_str(),
                &mut rng,
            );
        }
        let (rule, why) = if *status == "serious_violation" {
            (
                "merchant_identity.listed_operator_selling",
                "列入严重违法失信名单，仍在销售",
            )
        } else {
            (
                "merchant_identity.deregistered_selling",
                "登记已注销/吊销，仍在销售",
            )
        };
        city.truth.add_subject(
            "merchant_identity",
            rule,
            "merchant",
            platform,
            &l.merchant,
            Label::Positive,
            why,
        );
        let n = crate::city::plant_listing_with(
            city,
            &mut rng,
            platform,
            &format!("dereg-neg{k}"),
            5_000,
            "general",
            -400,
            Some("cancelled"),
        );
        city.truth.add_subject(
            "merchant_identity",
            "merchant_identity.deregistered_selling",
            "merchant",
            platform,
            &n.merchant,
            Label::Negative,
            "已注销，但再无订单",
        );
        let u = crate::city::plant_listing_with(
            city,
            &mut rng,
            platform,
            &format!("unknown-pos{k}"),
            5_000,
            "general",
            -400,
            None,
        );
        city.truth.add_subject(
            "merchant_identity",
            "merchant_identity.unknown_uscc",
            "merchant",
            platform,
            &u.merchant,
            Label::Positive,
            "统一社会信用代码在登记数据中不存在",
        );
        let r = crate::city::plant_listing(
            city,
            &mut rng,
            platform,
            &format!("known-neg{k}"),
            5_000,
            "general",
            -400,
        );
        city.truth.add_subject(
            "merchant_identity",
            "merchant_identity.unknown_uscc",
            "merchant",
            platform,
            &r.merchant,
            Label::Negative,
            "已登记的有效代码",
        );
        let merchant = format!("{platform}-np-line{k}");
        city.add(platform, "merchants", json!({
            "platform_id": platform, "merchant_id": merchant, "merchant_type": "natural_person", "uscc": null,
            "holder_pid": rng.hex64(), "name": "自然人网店", "shop_name": format!("小店{k}"), "address": "杭州市西湖区",
            "adcode": "330106", "contact_pid": rng.hex64(), "license_displayed": true, "opened_on": "2025-01-01",
            "closed_on": null, "annual_turnover_fen": 10_000_000,
        }));
        city.truth.add_subject(
            "merchant_identity",
            "merchant_identity.unregistered_natural_person",
            "merchant",
            platform,
            &merchant,
            Label::Negative,
            "年交易额恰为 10 万元：仍在免登记范围内",
        );
    }
}

/// Plants invoice refusals on the local-services platform (电子商务法 第十四条).
pub fn invoices(city: &mut City, root: &Rng) {
    let mut rng = root.fork("plant-invoices");
    let platform = "xiansong";
    // (tag, requested, not issued, status, label, why)
    type Case = (
        &'static str,
        usize,
        usize,
        &'static str,
        Label,
        &'static str,
    );
    let cases: [Case; 6] = [
        (
            "inv-pos0",
            10,
            8,
            "completed",
            Label::Positive,
            "10 笔索要发票的订单中 8 笔未开具",
        ),
        (
            "inv-pos1",
            6,
            6,
            "completed",
            Label::Positive,
            "6 笔索要发票，全部未开具",
        ),
        (
            "inv-pos2",
            12,
            6,
            "signed",
            Label::Positive,
            "12 笔中 6 笔未开具：恰为 50%",
        ),
        ("inv-neg0", 10, 0, "completed", Label::Negative, "全部开具"),
        (
            "inv-neg1",
            10,
            4,
            "completed",
            Label::Negative,
            "仅 4 笔未开具，低于 5 笔",
        ),
        (
            "inv-neg2",
            10,
            10,
            "cancelled",
            Label::Negative,
            "订单已取消，无须开票",
        ),
    ];
    for (tag, requested, unissued, status, label, why) in cases {
        let l = plant_listing(city, &mut rng, platform, tag, 3_900, "general", -300);
        for n in 0..requested {
            let buyer = rng.hex64();
            let mut row = order(
                &l,
                0,
                12 + n as i64,
                40_000,
                3_900,
                1,
                &buyer,
                status,
                &mut rng,
            );
            row["order_id"] = json!(format!("{tag}-o{n}"));
            row["invoice_requested"] = json!(true);
            row["invoice_issued"] = json!(n >= unissued);
            city.add(platform, "orders", row);
        }
        city.truth.add_subject(
            "invoice_refusal",
            "invoice_refusal.not_issued",
            "merchant",
            platform,
            &l.merchant,
            label,
            why,
        );
    }
}

/// Plants campaign-time below-cost selling forced by a platform (反不正当竞争法（2025） 第十四条).
/// The subject is the platform, so each platform carries at most one case: positives on the
/// marketplace and the services platform, a negative on the live platform (its merchants were
/// already below cost before the campaign, so the campaign did not cause it).
pub fn forced_below_cost(city: &mut City, root: &Rng, buyers: &[String], order_no: &mut u64) {
    let mut rng = root.fork("plant-forced");
    for (platform, already_before, label, why) in [
        (
            "huishang",
            false,
            Label::Positive,
            "活动期间 6 家参与经营者中 5 家开始低于成本销售，活动前并无此情形",
        ),
        (
            "xiansong",
            false,
            Label::Positive,
            "活动期间多数参与经营者开始低于成本销售",
        ),
        (
            "kanbo",
            true,
            Label::Negative,
            "参与经营者活动前即已低于成本销售：不能归因于平台活动",
        ),
    ] {
        let campaign = format!("{platform}-cost-war");
        city.add(
            platform,
            "campaigns",
            json!({
                "platform_id": platform, "campaign_id": campaign, "name": "百亿补贴冲量周",
                "starts_at": at(32, 0), "ends_at": at(36, 86_000),
                "terms_text": "报名商品须按平台核定的活动价销售，活动价由平台统一设定。",
            }),
        );
        for k in 0..6 {
            let l = plant_listing(
                city,
                &mut rng,
                platform,
                &format!("forced{k}"),
                10_000,
                "general",
                -300,
            );
            city.add(platform, "costs", json!({"platform_id": platform, "listing_id": l.id, "valid_from": &at(-300, 0)[..10], "valid_to": null, "unit_cost_fen": 9_000, "basis": "declared"}));
            city.add(platform, "campaign_participants", json!({"platform_id": platform, "campaign_id": campaign, "merchant_id": l.merchant, "joined_at": at(30, 36_000)}));
            let below = k < 5;
            for d in 27..37 {
                let in_campaign = d >= 32;
                let price = if below && (in_campaign || already_before) {
                    8_000
                } else {
                    10_000
                };
                *order_no += 1;
                city.order_for(
                    &l,
                    *order_no,
                    d,
                    45_000,
                    price,
                    rng.pick(buyers).as_str(),
                    &mut rng,
                );
            }
            if below && already_before {
                city.truth.add(
                    "below_cost",
                    "below_cost.sustained",
                    platform,
                    &l.id,
                    Label::Positive,
                    "活动前后连续 10 天低于成本销售",
                );
            }
        }
        city.truth.add_platform(
            "below_cost",
            "below_cost.platform_forced",
            platform,
            label,
            why,
        );
    }
}
