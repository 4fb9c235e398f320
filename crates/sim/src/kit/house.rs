//! A held-out set's house rows beyond its [`Kit`]: the platforms it founds and their operators,
//! its listings with the return policy the law allows, its documents, its reviews of its own
//! orders, and dated labels.
//!
//! Each set written as a module (`holdout4/` …) declares one [`House`] constant next to its
//! `Kit`. As with the kit, the values are part of the set's output: changing one changes that
//! set's rows.

use serde_json::{Value, json};

use super::{Item, Kit, Shop, code, registry};
use crate::city::{City, Listing, at};
use crate::rng::Rng;

/// The operator behind each platform a set founds: where it sits and what it is called.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Operator {
    /// District adcode of the operator and the platform's domicile.
    pub(crate) adcode: &'static str,
    /// Range of the platform's annual active users.
    pub(crate) users: (i64, i64),
    /// District and road of the operator's address (`余杭区五常大道`).
    pub(crate) street: &'static str,
    /// Range of its house numbers.
    pub(crate) numbers: (i64, i64),
    /// The trade in the operator's name (`杭州<platform>科技有限公司`).
    pub(crate) trade: &'static str,
    /// The day the operator was established.
    pub(crate) established: i64,
}

/// A set's kit and the house style of the rows the kit does not write.
#[derive(Debug, Clone, Copy)]
pub(crate) struct House {
    pub(crate) kit: Kit,
    /// Who runs the platforms the set founds.
    pub(crate) operator: Operator,
    /// Product classes sold without the no-reason return (the law's exclusions, and whatever else
    /// the set excludes).
    pub(crate) no_returns: &'static [&'static str],
    /// Second of day documents are submitted at.
    pub(crate) submitted_second: i64,
}

impl House {
    /// A new platform (`category` as the standard names it), its operator registered.
    pub(crate) fn platform_row(
        &self,
        city: &mut City,
        rng: &mut Rng,
        platform: &str,
        name: &str,
        category: &str,
    ) {
        let op = &self.operator;
        let operator = code(rng, "91", op.adcode, true);
        city.add(platform, "platforms", json!({
            "platform_id": platform, "name": name, "operator_uscc": operator, "categories": [category],
            "annual_active_users": rng.range(op.users.0, op.users.1), "market_value_cny": null,
            "domicile_adcode": op.adcode,
        }));
        let address = format!(
            "杭州市{}{}号",
            op.street,
            rng.range(op.numbers.0, op.numbers.1)
        );
        registry(
            city,
            rng,
            &operator,
            &format!("杭州{name}{}有限公司", op.trade),
            "company",
            &address,
            op.adcode,
            "active",
            op.established,
            None,
        );
    }

    /// A listing of `shop` with a title, category, product class and price; returns without
    /// reason are offered unless the class is one of [`House::no_returns`].
    pub(crate) fn goods(
        &self,
        city: &mut City,
        shop: &mut Shop,
        title: &str,
        category: &str,
        class: &str,
        price: i64,
    ) -> Listing {
        self.kit.listing(
            city,
            shop,
            &Item {
                title,
                category,
                class,
                price,
                returns: !self.no_returns.contains(&class),
                ..Item::default()
            },
        )
    }

    /// A document row (`supplier` is the platform, or `regulator` for policy drafts).
    pub(crate) fn document(
        &self,
        city: &mut City,
        supplier: &str,
        (id, kind, issuer): (&str, &str, &str),
        title: &str,
        text: &str,
        day: i64,
    ) {
        city.add(
            supplier,
            "documents",
            json!({
                "doc_id": id, "kind": kind, "issuer": issuer, "title": title, "text": text,
                "submitted_at": at(day, self.submitted_second),
            }),
        );
    }

    /// A review of an order row (`<tag>-rv<n>` for order `<tag>-o<n>`).
    pub(crate) fn review(
        &self,
        city: &mut City,
        l: &Listing,
        row: &Value,
        rating: i64,
        text: &str,
        at_time: String,
    ) {
        let tag = self.kit.tag;
        let id = row["order_id"].as_str().unwrap_or("").replacen(
            &format!("{tag}-o"),
            &format!("{tag}-rv"),
            1,
        );
        city.add(l.platform, "reviews", json!({
            "platform_id": l.platform, "review_id": id, "order_id": row["order_id"], "listing_id": l.id,
            "merchant_id": l.merchant, "reviewer_pid": row["buyer_pid"], "rating": rating, "text": text,
            "has_media": false, "created_at": at_time,
        }));
    }
}

/// A simulation day as the Chinese month and day (`12月5日`), for dated labels.
pub(crate) fn month_day(day: i64) -> String {
    let d = crate::city::date(day);
    let month: u32 = d.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
    let dom: u32 = d.get(8..10).and_then(|m| m.parse().ok()).unwrap_or(0);
    format!("{month}月{dom}日")
}
