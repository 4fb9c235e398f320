//! Planted brushing rings (刷单炒信, 反不正当竞争法 2019 第八条 / 2025 第九条) and the dense but lawful
//! trading that a density-only detector would confuse with them.
//!
//! A ring is a set of accounts, run from a few phones, networks and drop addresses, that buys
//! again and again from its client merchants in bursts and leaves five-star reviews from a few
//! templates; each ring shows two or more of the behaviours the detector checks (shared devices,
//! empty parcels 空包, signing and reviewing within minutes, templated texts), never all of them.
//! Ring accounts also buy from the city's best sellers (camouflage), so those merchants sit next
//! to the ring in the graph and must not be flagged.
//!
//! Hard negatives: merchants with loyal regulars who reorder every few days (as dense as a ring,
//! normal behaviour), an office canteen whose orders share one address and one network, and a
//! merchant most of whose reviews are the platform's default text.

use serde_json::json;

use crate::city::{City, Listing, PLATFORMS, at, order, plant_listing};
use crate::rng::Rng;
use crate::truth::Label;

/// Review templates a ring's operator hands out (with small variations).
const RING_TEMPLATES: &[&str] = &[
    "宝贝收到了，质量超级好，物流很快，五星好评！",
    "非常满意的一次购物，和描述完全一致，强烈推荐！",
    "包装精美，做工细致，性价比超高，会回购的！",
];

/// The text a platform fills in when a buyer leaves no review.
pub const DEFAULT_REVIEW: &str = "此用户没有填写评价。";

/// The behaviours a ring shows.
#[derive(Clone, Copy)]
struct Traits {
    shared_devices: bool,
    empty_parcels: bool,
    instant: bool,
    templated: bool,
}

/// Plants the rings and the negatives.
pub fn brushing(
    city: &mut City,
    root: &Rng,
    buyers: &[String],
    best_sellers: &[&Listing],
    days: i64,
    order_no: &mut u64,
) {
    let mut rng = root.fork("plant-rings");
    let traits = [
        Traits {
            shared_devices: true,
            empty_parcels: true,
            instant: false,
            templated: true,
        },
        Traits {
            shared_devices: true,
            empty_parcels: false,
            instant: true,
            templated: false,
        },
        Traits {
            shared_devices: false,
            empty_parcels: true,
            instant: true,
            templated: false,
        },
        Traits {
            shared_devices: false,
            empty_parcels: false,
            instant: true,
            templated: true,
        },
        Traits {
            shared_devices: true,
            empty_parcels: true,
            instant: true,
            templated: true,
        },
        Traits {
            shared_devices: false,
            empty_parcels: true,
            instant: false,
            templated: true,
        },
    ];
    let rings = if days >= 60 { traits.len() } else { 3 };
    for (k, t) in traits.iter().take(rings).enumerate() {
        let platform = PLATFORMS[k % PLATFORMS.len()].0;
        // Ring 0 works for three client merchants, the others for one or two.
        let clients = match k {
            0 => 3,
            1 | 4 => 2,
            _ => 1,
        };
        let accounts: Vec<String> = (0..rng.range(24, 48)).map(|_| rng.hex64()).collect();
        let devices: Vec<String> = (0..accounts.len() / 8 + 1).map(|_| rng.hex64()).collect();
        let networks: Vec<String> = (0..3).map(|_| rng.hex64()).collect();
        let drops: Vec<String> = (0..accounts.len() / 10 + 1).map(|_| rng.hex64()).collect();
        for c in 0..clients {
            let tag = format!("ring{k}c{c}");
            let price = rng.range(30, 300) * 100;
            let l = plant_listing(city, &mut rng, platform, &tag, price, "general", -200);
            honest_sales(city, &mut rng, &l, buyers, days, 2.0, order_no);
            // Two or three bursts of two days each.
            let bursts: Vec<i64> = (0..rng.range(2, 3))
                .map(|_| rng.range(2, days - 4))
                .collect();
            for (a, account) in accounts.iter().enumerate() {
                for _ in 0..rng.range(2, 4) {
                    *order_no += 1;
                    let day = bursts[rng.below(bursts.len() as u64) as usize] + rng.range(0, 1);
                    let second = rng.range(28_800, 79_200);
                    let mut row = order(
                        &l,
                        *order_no,
                        day,
                        second,
                        price,
                        1,
                        account,
                        "completed",
                        &mut rng,
                    );
                    if t.shared_devices {
                        row["device_pid"] = json!(devices[a % devices.len()]);
                    }
                    row["ip_pid"] = json!(networks[rng.below(3) as usize]);
                    row["ship_address_pid"] = json!(drops[a % drops.len()]);
                    if t.empty_parcels {
                        row["parcel_weight_g"] = json!(rng.range(8, 40));
                    }
                    let paid = second + 60;
                    let signed = if t.instant {
                        paid + rng.range(300, 1_800)
                    } else {
                        paid + rng.range(86_400, 2 * 86_400)
                    };
                    row["signed_at"] = json!(at(day, signed));
                    city.add(platform, "orders", row);
                    let text = if t.templated {
                        let base = RING_TEMPLATES[rng.below(RING_TEMPLATES.len() as u64) as usize];
                        if rng.chance(0.3) {
                            format!("{base}👍")
                        } else {
                            base.to_string()
                        }
                    } else {
                        crate::background::honest_review_text(&mut rng)
                    };
                    let reviewed = if t.instant {
                        signed + rng.range(60, 1_200)
                    } else {
                        signed + rng.range(3_600, 86_400)
                    };
                    city.add(platform, "reviews", json!({
                        "platform_id": platform, "review_id": format!("rv{}", *order_no), "order_id": format!("o{}", *order_no),
                        "listing_id": l.id, "merchant_id": l.merchant, "reviewer_pid": account, "rating": 5, "text": text,
                        "has_media": rng.chance(0.5), "created_at": at(day, reviewed),
                    }));
                }
            }
            city.truth.add_subject(
                "fake_orders",
                "fake_orders.brushing_ring",
                "merchant",
                platform,
                &l.merchant,
                Label::Positive,
                &format!(
                    "刷单团伙 {k}（{} 个账号）为其反复下单并好评",
                    accounts.len()
                ),
            );
        }
        // Camouflage: every account also buys from the best sellers, on its own phone and address.
        for account in &accounts {
            for _ in 0..rng.range(1, 3) {
                let l = best_sellers[rng.below(best_sellers.len() as u64) as usize];
                *order_no += 1;
                let row = order(
                    l,
                    *order_no,
                    rng.range(0, days - 1),
                    rng.range(28_800, 79_200),
                    l.price,
                    1,
                    account,
                    "completed",
                    &mut rng,
                );
                city.add(l.platform, "orders", row);
            }
        }
    }
    // Loyal regulars: as dense as a ring, with ordinary behaviour.
    for k in 0..if days >= 60 { 2 } else { 1 } {
        let platform = PLATFORMS[(k + 1) % PLATFORMS.len()].0;
        let tag = format!("loyal{k}");
        let l = plant_listing(city, &mut rng, platform, &tag, 1_990, "general", -400);
        honest_sales(city, &mut rng, &l, buyers, days, 1.0, order_no);
        for _ in 0..30 {
            let regular = rng.hex64();
            let mut day = rng.range(0, 3);
            while day < days {
                *order_no += 1;
                let row = order(
                    &l,
                    *order_no,
                    day,
                    rng.range(28_800, 72_000),
                    l.price,
                    1,
                    &regular,
                    "completed",
                    &mut rng,
                );
                if rng.chance(0.3) {
                    review(city, &mut rng, &l, &row, false);
                }
                city.add(platform, "orders", row);
                day += rng.range(2, 5);
            }
        }
        negative(
            city,
            platform,
            &l.merchant,
            "老顾客定期复购：交易密集，但设备、地址、签收和评价均正常",
        );
    }
    // An office canteen: twelve colleagues, one delivery address, one office network.
    {
        let platform = "xiansong";
        let l = plant_listing(city, &mut rng, platform, "canteen", 2_500, "general", -400);
        let (office, network) = (rng.hex64(), rng.hex64());
        for _ in 0..12 {
            let colleague = rng.hex64();
            for day in 0..days {
                if (day + 3) % 7 >= 5 || !rng.chance(0.7) {
                    continue;
                }
                *order_no += 1;
                let mut row = order(
                    &l,
                    *order_no,
                    day,
                    rng.range(39_600, 43_200),
                    l.price,
                    1,
                    &colleague,
                    "completed",
                    &mut rng,
                );
                row["ship_address_pid"] = json!(office);
                row["ip_pid"] = json!(network);
                if rng.chance(0.2) {
                    review(city, &mut rng, &l, &row, false);
                }
                city.add(platform, "orders", row);
            }
        }
        negative(
            city,
            platform,
            &l.merchant,
            "同一写字楼同事每天订餐：共用收货地址和网络属正常",
        );
    }
    // Most buyers leave no review, and the platform fills in its default text.
    {
        let platform = "huishang";
        let l = plant_listing(city, &mut rng, platform, "quiet", 4_900, "general", -400);
        for _ in 0..25 {
            let regular = rng.hex64();
            for _ in 0..rng.range(3, 6) {
                *order_no += 1;
                let row = order(
                    &l,
                    *order_no,
                    rng.range(0, days - 1),
                    rng.range(28_800, 72_000),
                    l.price,
                    1,
                    &regular,
                    "completed",
                    &mut rng,
                );
                review(city, &mut rng, &l, &row, true);
                city.add(platform, "orders", row);
            }
        }
        negative(
            city,
            platform,
            &l.merchant,
            "评价多为平台默认好评文本，并非模板刷评",
        );
    }
}

/// Ordinary customers of a planted merchant: `per_day` orders a day on average.
fn honest_sales(
    city: &mut City,
    rng: &mut Rng,
    l: &Listing,
    buyers: &[String],
    days: i64,
    per_day: f64,
    order_no: &mut u64,
) {
    for day in 0..days {
        let n = per_day.floor() as i64 + i64::from(rng.chance(per_day.fract()));
        for _ in 0..n {
            *order_no += 1;
            let buyer = rng.pick(buyers).clone();
            let row = order(
                l,
                *order_no,
                day,
                rng.range(0, 86_000),
                l.price,
                1,
                &buyer,
                "completed",
                rng,
            );
            if rng.chance(0.3) {
                review(city, rng, l, &row, false);
            }
            city.add(l.platform, "orders", row);
        }
    }
}

/// A review of `row` a few days after it was signed for.
fn review(
    city: &mut City,
    rng: &mut Rng,
    l: &Listing,
    row: &serde_json::Value,
    default_text: bool,
) {
    let text = if default_text {
        DEFAULT_REVIEW.to_string()
    } else {
        crate::background::honest_review_text(rng)
    };
    let day = crate::background::day_of(row["ordered_at"].as_str().unwrap_or(""));
    city.add(l.platform, "reviews", json!({
        "platform_id": l.platform, "review_id": format!("rv-{}", row["order_id"].as_str().unwrap_or("")),
        "order_id": row["order_id"], "listing_id": l.id, "merchant_id": l.merchant, "reviewer_pid": row["buyer_pid"],
        "rating": rng.range(3, 5), "text": text, "has_media": rng.chance(0.2), "created_at": at(day + rng.range(2, 6), rng.range(0, 86_399)),
    }));
}

fn negative(city: &mut City, platform: &str, merchant: &str, why: &str) {
    city.truth.add_subject(
        "fake_orders",
        "fake_orders.brushing_ring",
        "merchant",
        platform,
        merchant,
        Label::Negative,
        why,
    );
}
