use serde_json::{Value, json};
use tianping_detectors::fake_orders::FakeOrders;

use crate::support::*;

const AS_OF: &str = "2026-04-30T00:00:00+08:00";

/// How a group of accounts behaves at merchant `m`.
#[derive(Clone, Copy)]
struct Group {
    accounts: usize,
    orders_each: usize,
    shared_devices: bool,
    empty_parcels: bool,
    instant: bool,
    templated: bool,
    shared_address: bool,
}

const RING: Group = Group {
    accounts: 20,
    orders_each: 3,
    shared_devices: true,
    empty_parcels: true,
    instant: false,
    templated: false,
    shared_address: true,
};

fn time(day: usize, minute: usize) -> String {
    format!(
        "2026-03-{:02}T{:02}:{:02}:00+08:00",
        1 + day % 28,
        8 + minute / 60,
        minute % 60
    )
}

/// Orders and reviews of a group at merchant `m`, plus `honest` ordinary customers of `m`.
fn merchant(m: &str, g: Group, honest: usize) -> (Vec<Value>, Vec<Value>) {
    let (mut orders, mut reviews) = (Vec::new(), Vec::new());
    let mut n = 0;
    let mut push = |buyer: String,
                    device: String,
                    address: String,
                    weight: i64,
                    day: usize,
                    instant: bool,
                    text: String| {
        n += 1;
        let id = format!("{m}-o{n}");
        let sign_minute = if instant { 20 } else { 600 };
        let signed = if instant {
            time(day, sign_minute)
        } else {
            time(day + 2, 60)
        };
        let reviewed = if instant {
            time(day, sign_minute + 10)
        } else {
            time(day + 4, 300)
        };
        orders.push(json!({"platform_id": "p", "order_id": id, "merchant_id": m, "buyer_pid": buyer,
            "ordered_at": time(day, 0), "paid_at": time(day, 1), "signed_at": signed, "ship_address_pid": address,
            "device_pid": device, "ip_pid": format!("ip-{buyer}"), "parcel_weight_g": weight, "status": "completed"}));
        reviews.push(
            json!({"platform_id": "p", "order_id": id, "merchant_id": m, "reviewer_pid": buyer,
            "text": text, "created_at": reviewed}),
        );
    };
    for a in 0..g.accounts {
        for k in 0..g.orders_each {
            let buyer = format!("{m}-ring{a}");
            push(
                buyer.clone(),
                if g.shared_devices {
                    format!("{m}-farm{}", a % 4)
                } else {
                    format!("dev-{buyer}")
                },
                if g.shared_address {
                    format!("{m}-drop{}", a % 3)
                } else {
                    format!("addr-{buyer}")
                },
                if g.empty_parcels { 20 } else { 800 },
                3 + (a + k) % 3,
                g.instant,
                if g.templated {
                    "质量超级好，五星好评！".to_string()
                } else {
                    format!("第{a}位顾客第{k}次购买的感受")
                },
            );
        }
    }
    for h in 0..honest {
        let buyer = format!("{m}-shopper{h}");
        push(
            buyer.clone(),
            format!("dev-{buyer}"),
            format!("addr-{buyer}"),
            700 + (h as i64 % 5) * 100,
            h % 28,
            false,
            format!("顾客{h}的评价"),
        );
    }
    (orders, reviews)
}

fn detect(
    parts: Vec<(Vec<Value>, Vec<Value>)>,
    overrides: &[(&str, f64)],
) -> Vec<tianping_detect::Finding> {
    detect_at(AS_OF, parts, overrides)
}

fn detect_at(
    as_of: &str,
    parts: Vec<(Vec<Value>, Vec<Value>)>,
    overrides: &[(&str, f64)],
) -> Vec<tianping_detect::Finding> {
    let (mut orders, mut reviews) = (Vec::new(), Vec::new());
    for (o, r) in parts {
        orders.extend(o);
        reviews.extend(r);
    }
    let mut ctx = tianping_detect::DetectCtx::new(as_of).unwrap();
    for (name, value) in overrides {
        ctx.overrides
            .entry("fake_orders.brushing_ring".into())
            .or_default()
            .insert((*name).into(), *value);
    }
    let mut sink = tianping_detect::FindingSink::new("fake_orders", 1);
    tianping_detect::Detector::detect(
        &FakeOrders,
        &ctx,
        &data(&[("orders", orders), ("reviews", reviews)], 50),
        &mut sink,
    );
    sink.into_findings()
}

#[test]
fn a_ring_with_shared_phones_and_empty_parcels_is_found() {
    let f = detect(
        vec![
            merchant("bad", RING, 30),
            merchant(
                "ok",
                Group {
                    accounts: 0,
                    ..RING
                },
                40,
            ),
        ],
        &[],
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].subject.id, "bad");
    assert_eq!(f[0].rule, "fake_orders.brushing_ring");
    let signals = f[0].evidence["signals"].as_array().unwrap();
    assert_eq!(signals.len(), 2, "{signals:?}");
    assert_eq!(f[0].evidence["ring_accounts"], 20);
    assert_eq!(f[0].related.len(), 20, "the ring's accounts are related");
    assert!(f[0].related.iter().all(|r| r.id.starts_with("bad-ring")));
    assert!(f[0].summary.contains("空包") && f[0].summary.contains("共用设备"));
    assert_eq!(f[0].legal_basis[0], "反不正当竞争法（2025）第九条");
}

#[test]
fn the_2019_law_applies_before_2025_10_15() {
    // The same ring a year earlier, detected as of 2025-10-14, cites the 2019 article.
    let (orders, reviews) = merchant("bad", RING, 30);
    let earlier = |rows: Vec<Value>| -> Vec<Value> {
        rows.into_iter()
            .map(|r| serde_json::from_str(&r.to_string().replace("2026-03-", "2025-03-")).unwrap())
            .collect()
    };
    let f = detect_at(
        "2025-10-14T23:00:00+08:00",
        vec![(earlier(orders), earlier(reviews))],
        &[],
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].legal_basis[0], "反不正当竞争法（2019）第八条");
}

#[test]
fn density_alone_is_not_a_finding() {
    // Loyal regulars: as dense as the ring, but their own phones, addresses and normal parcels.
    let loyal = Group {
        shared_devices: false,
        empty_parcels: false,
        shared_address: false,
        ..RING
    };
    assert!(detect(vec![merchant("loyal", loyal, 30)], &[]).is_empty());
}

#[test]
fn one_behaviour_is_below_the_threshold_and_two_meet_it() {
    let one = Group {
        empty_parcels: false,
        ..RING
    };
    assert!(
        detect(vec![merchant("m", one, 30)], &[]).is_empty(),
        "shared phones alone"
    );
    assert_eq!(
        detect(vec![merchant("m", one, 30)], &[("min_signals", 1.0)]).len(),
        1
    );
    let instant_templated = Group {
        shared_devices: false,
        empty_parcels: false,
        instant: true,
        templated: true,
        ..RING
    };
    let f = detect(vec![merchant("m", instant_templated, 30)], &[]);
    assert_eq!(f.len(), 1);
    let signals: Vec<&str> = f[0].evidence["signals"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s.as_str())
        .collect();
    assert_eq!(
        signals,
        ["instant_signing", "instant_reviews", "templated_reviews"]
    );
}

#[test]
fn shared_office_address_and_network_do_not_count() {
    // Colleagues: one address, one network, their own phones: no behaviour counts.
    let office = Group {
        shared_devices: false,
        empty_parcels: false,
        shared_address: true,
        ..RING
    };
    assert!(detect(vec![merchant("canteen", office, 30)], &[]).is_empty());
}

#[test]
fn ring_size_at_the_threshold() {
    let small = Group {
        accounts: 10,
        ..RING
    };
    assert_eq!(
        detect(vec![merchant("m", small, 10)], &[]).len(),
        1,
        "10 accounts meet min_accounts = 10"
    );
    let smaller = Group {
        accounts: 9,
        ..RING
    };
    assert!(
        detect(vec![merchant("m", smaller, 10)], &[]).is_empty(),
        "9 accounts do not"
    );
}

#[test]
fn default_review_texts_are_not_templates() {
    let (orders, mut reviews) = merchant(
        "quiet",
        Group {
            shared_devices: false,
            empty_parcels: false,
            shared_address: false,
            instant: true,
            ..RING
        },
        30,
    );
    for r in &mut reviews {
        r["text"] = json!("此用户没有填写评价。");
    }
    // Instant signing and reviewing remain, templated texts do not count.
    let f = detect(vec![(orders, reviews)], &[]);
    assert_eq!(f.len(), 1);
    let signals: Vec<&str> = f[0].evidence["signals"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s.as_str())
        .collect();
    assert!(!signals.contains(&"templated_reviews"), "{signals:?}");
}

#[test]
fn a_small_share_of_a_best_sellers_orders_is_not_a_finding() {
    // The ring's accounts also buy from a best seller (camouflage), on their shared phones.
    let (mut orders, reviews) = merchant("bad", RING, 30);
    for a in 0..20 {
        orders.push(json!({"platform_id": "p", "order_id": format!("camo{a}"), "merchant_id": "star", "buyer_pid": format!("bad-ring{a}"),
            "ordered_at": time(a, 0), "paid_at": time(a, 1), "device_pid": format!("bad-farm{}", a % 4), "parcel_weight_g": 20, "status": "completed"}));
    }
    let (star_orders, star_reviews) = merchant(
        "star",
        Group {
            accounts: 0,
            ..RING
        },
        400,
    );
    orders.extend(star_orders);
    let mut all_reviews = reviews;
    all_reviews.extend(star_reviews);
    let f = detect(vec![(orders, all_reviews)], &[]);
    let subjects: Vec<&str> = f.iter().map(|f| f.subject.id.as_str()).collect();
    assert_eq!(subjects, ["bad"]);
}

#[test]
fn empty_parcels_on_most_orders_are_enough_alone() {
    // Own phones, own addresses, normal reviews: but every parcel is empty (空包).
    let empty_only = Group {
        shared_devices: false,
        shared_address: false,
        ..RING
    };
    let f = detect(vec![merchant("m", empty_only, 30)], &[]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].evidence["signals"], json!(["empty_parcels"]));
    // With a quarter of the ring's parcels real (75% empty, under 0.8) one behaviour is not enough.
    let (mut orders, reviews) = merchant("m", empty_only, 30);
    let ring: Vec<usize> = (0..orders.len())
        .filter(|&i| orders[i]["buyer_pid"].as_str().unwrap().contains("ring"))
        .collect();
    for &i in ring.iter().step_by(4) {
        orders[i]["parcel_weight_g"] = json!(800); // a quarter of the ring's parcels are real
    }
    assert!(
        detect(vec![(orders, reviews)], &[]).is_empty(),
        "75% empty is under 0.8 and one behaviour only"
    );
}

/// One completed order of `listing` at merchant `m` by `buyer` with a parcel of `grams`.
fn parcel(m: &str, n: usize, listing: &str, buyer: &str, grams: i64, day: usize) -> Value {
    json!({"platform_id": "p", "order_id": format!("{m}-{listing}-{n}"), "merchant_id": m, "listing_id": listing,
        "buyer_pid": buyer, "ordered_at": time(day, 0), "paid_at": time(day, 1), "signed_at": time(day + 2, 60),
        "device_pid": format!("dev-{buyer}"), "ship_address_pid": format!("addr-{buyer}"), "parcel_weight_g": grams,
        "status": "completed"})
}

#[test]
fn empty_parcels_find_a_ring_no_dense_block_reaches() {
    // Twelve hired accounts, each buying the 2.5 kg quilt once on its own phone, get 15 g parcels;
    // forty ordinary buyers get 2.5 kg. One purchase each: nothing dense about it.
    let mut orders: Vec<Value> = (0..12)
        .map(|a| parcel("q", a, "quilt", &format!("hired{a}"), 15, 3 + a % 3))
        .collect();
    orders.extend(
        (0..40).map(|h| parcel("q", 100 + h, "quilt", &format!("buyer{h}"), 2_500, h % 28)),
    );
    let f = detect(vec![(orders, vec![])], &[]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["candidate"]["method"], "empty_parcels");
    assert_eq!(f[0].evidence["ring_accounts"], 12);
    // A shop selling 10 g stickers beside 2 kg kettles: light parcels of a light listing are not empty.
    let mut honest: Vec<Value> = (0..30)
        .map(|h| parcel("s", h, "stickers", &format!("kid{h}"), 10, h % 28))
        .collect();
    honest.extend(
        (0..30).map(|h| parcel("s", 100 + h, "kettle", &format!("cook{h}"), 2_000, h % 28)),
    );
    assert!(detect(vec![(honest, vec![])], &[]).is_empty());
}

#[test]
fn parcels_that_vary_widely_say_nothing_about_emptiness() {
    // One listing shipped in anything from 120 g to 3 kg (a made-to-order gift box): a fifth of
    // its parcels weigh under a fifth of the median, yet none is an empty one.
    const GRAMS: [i64; 10] = [120, 150, 400, 900, 1_500, 2_000, 2_600, 3_000, 180, 700];
    let orders: Vec<Value> = (0..300)
        .map(|h| {
            parcel(
                "g",
                h,
                "giftbox",
                &format!("buyer{h}"),
                GRAMS[h % 10],
                h % 28,
            )
        })
        .collect();
    assert!(detect(vec![(orders, vec![])], &[]).is_empty());
}

#[test]
fn empty_parcels_are_found_even_when_they_are_most_of_a_listings_parcels() {
    // Thirty hired accounts and twenty real buyers: the median parcel is an empty one.
    let mut orders: Vec<Value> = (0..30)
        .map(|a| parcel("q", a, "quilt", &format!("hired{a}"), 12, 3 + a % 3))
        .collect();
    orders.extend(
        (0..20).map(|h| parcel("q", 100 + h, "quilt", &format!("buyer{h}"), 2_500, h % 28)),
    );
    let f = detect(vec![(orders, vec![])], &[]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["ring_accounts"], 30);
}

/// A membership ring: `accounts` fresh accounts ordering once each at one shop (no parcel to
/// weigh: every parcel is a normal 800 g), signed and reviewed at once with a few texts, on
/// `phones` phones; beside 40 ordinary customers of the shop.
fn membership_ring(accounts: usize, phones: usize) -> (Vec<Value>, Vec<Value>) {
    let star = Group {
        accounts,
        orders_each: 1,
        shared_devices: false,
        empty_parcels: false,
        instant: true,
        templated: true,
        shared_address: false,
    };
    let (mut orders, reviews) = merchant("vip", star, 40);
    for o in &mut orders {
        let buyer = o["buyer_pid"].as_str().unwrap().to_string();
        if let Some(a) = buyer.strip_prefix("vip-ring") {
            let a: usize = a.parse().unwrap();
            o["device_pid"] = json!(format!("vip-phone{}", a % phones));
        }
    }
    (orders, reviews)
}

fn signals(f: &tianping_detect::Finding) -> Vec<&str> {
    f.evidence["signals"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s.as_str())
        .collect()
}

#[test]
fn a_phone_farm_ordering_once_each_at_one_shop_is_found() {
    // 24 accounts on 2 phones, one order each: a star no dense block ranks, with nothing to weigh.
    let f = detect(vec![membership_ring(24, 2)], &[]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].subject.id, "vip");
    let origin = &f[0].evidence["candidate"];
    assert_eq!(origin["method"], "shared_devices", "{origin}");
    assert_eq!(origin["farm_devices"], 2);
    assert_eq!(origin["accounts_on_farm_devices"], 24);
    assert_eq!(f[0].evidence["ring_accounts"], 24);
    assert_eq!(f[0].evidence["thresholds"]["farm_accounts"], 4.0);
    assert!(f[0].related.iter().all(|r| r.id.starts_with("vip-ring")));
    assert_eq!(
        signals(&f[0]),
        [
            "shared_devices",
            "instant_signing",
            "instant_reviews",
            "templated_reviews"
        ]
    );
    assert!(
        f[0].summary.contains("集中在少数设备上下单"),
        "{}",
        f[0].summary
    );
    // The dense-block way alone does not reach it: with a farm needing more accounts per phone
    // than the ring puts on one, nothing is found.
    assert!(detect(vec![membership_ring(24, 2)], &[("farm_accounts", 13.0)]).is_empty());
}

#[test]
fn a_farm_is_at_least_farm_accounts_accounts_on_one_phone() {
    // 20 accounts on 5 phones: 4 a phone, exactly farm_accounts = 4.
    let f = detect(vec![membership_ring(20, 5)], &[]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["candidate"]["farm_devices"], 5);
    // On 7 phones (3 or 2 a phone, as families share one) there is no farm.
    assert!(detect(vec![membership_ring(20, 7)], &[]).is_empty());
    // … unless the threshold says three accounts on a phone are one.
    let f = detect(vec![membership_ring(20, 7)], &[("farm_accounts", 3.0)]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].evidence["candidate"]["farm_devices"], 6);
    assert_eq!(f[0].evidence["ring_accounts"], 18);
}

#[test]
fn a_shared_shop_tablet_alone_is_not_a_finding() {
    // Thirty customers order on the shop's own tablet, but sign days later and write their own
    // reviews: shared phones are one behaviour, and a farm needs another.
    let kiosk = Group {
        accounts: 30,
        orders_each: 1,
        shared_devices: false,
        empty_parcels: false,
        instant: false,
        templated: false,
        shared_address: false,
    };
    let (mut orders, reviews) = merchant("tea", kiosk, 40);
    for o in &mut orders {
        if o["buyer_pid"].as_str().unwrap().starts_with("tea-ring") {
            o["device_pid"] = json!("tea-tablet");
        }
    }
    assert!(detect(vec![(orders.clone(), reviews.clone())], &[]).is_empty());
    let f = detect(vec![(orders, reviews)], &[("min_signals", 1.0)]);
    assert_eq!(f.len(), 1, "found as a farm, judged on one behaviour only");
    assert_eq!(signals(&f[0]), ["shared_devices"]);
}

/// Thirty customers order once each on the tea shop's own tablet (reviews repeating one short
/// text, so two behaviours when the tablet counts), beside 40 ordinary customers; the first
/// `away` of the thirty also buy once at another shop from their own phones, and if `tablet_away`
/// one order at that other shop comes from the tablet itself.
fn counter_tablet(away: usize, tablet_away: bool) -> (Vec<Value>, Vec<Value>) {
    let counter = Group {
        accounts: 30,
        orders_each: 1,
        shared_devices: false,
        empty_parcels: false,
        instant: false,
        templated: true,
        shared_address: false,
    };
    let (mut orders, reviews) = merchant("tea", counter, 40);
    for o in &mut orders {
        if o["buyer_pid"].as_str().unwrap().starts_with("tea-ring") {
            o["device_pid"] = json!("tea-tablet");
        }
    }
    for a in 0..away {
        let buyer = format!("tea-ring{a}");
        let mut o = parcel("mall", a, "towel", &buyer, 300, 10 + a % 5);
        o["device_pid"] = json!(format!("own-phone-{buyer}"));
        orders.push(o);
    }
    if tablet_away {
        let mut o = parcel("mall", 99, "towel", "mall-walkin", 300, 12);
        o["device_pid"] = json!("tea-tablet");
        orders.push(o);
    }
    (orders, reviews)
}

/// Version 3: a device used at one merchant only, at least half of whose accounts there
/// (`terminal_elsewhere_share` = 0.5) also buy at other merchants, is the merchant's own
/// terminal, not a farm: it does not count as a shared device and no farm is drawn from it.
#[test]
fn a_merchants_own_terminal_is_not_a_shared_phone() {
    // Nobody buys elsewhere: the tablet reads as a farm, with the templated reviews two behaviours.
    let f = detect(vec![counter_tablet(0, false)], &[]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(signals(&f[0]), ["shared_devices", "templated_reviews"]);
    assert_eq!(f[0].evidence["merchant_terminal_devices"], 0);
    // All thirty buy elsewhere from their own phones: the tablet is the shop's terminal.
    assert!(detect(vec![counter_tablet(30, false)], &[]).is_empty());
    // At the threshold: 15 of 30 (exactly half) make it a terminal, 14 do not.
    assert!(detect(vec![counter_tablet(15, false)], &[]).is_empty());
    let f = detect(vec![counter_tablet(14, false)], &[]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(signals(&f[0]).contains(&"shared_devices"));
    // A device that also ordered at another merchant is no merchant's terminal.
    let f = detect(vec![counter_tablet(30, true)], &[]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(signals(&f[0]).contains(&"shared_devices"));
    // With the share raised to 1.0, 15 of 30 no longer make a terminal.
    let f = detect(
        vec![counter_tablet(15, false)],
        &[("terminal_elsewhere_share", 1.0)],
    );
    assert_eq!(f.len(), 1, "{f:#?}");
}

/// Version 3: a farm whose accounts also buy elsewhere from the farm phones is still a farm (its
/// phones are used at another merchant), and a terminal's evidence is named when a ring found
/// another way shares it.
#[test]
fn farm_phones_used_elsewhere_are_not_a_terminal() {
    let (mut orders, reviews) = membership_ring(24, 2);
    for a in 0..24 {
        let buyer = format!("vip-ring{a}");
        let mut o = parcel("mall", a, "towel", &buyer, 300, 10 + a % 5);
        o["device_pid"] = json!(format!("vip-phone{}", a % 2));
        orders.push(o);
    }
    let f: Vec<_> = detect(vec![(orders, reviews)], &[])
        .into_iter()
        .filter(|f| f.subject.id == "vip")
        .collect();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(signals(&f[0]).contains(&"shared_devices"));
    assert_eq!(f[0].evidence["merchant_terminal_devices"], 0);
}
