//! The lake facts of a merchant's profile, indexed once per data version (helper `load`).
//!
//! The profile needs, per request, one shop row, the shops sharing its USCC, one registry row,
//! the registered entities sharing its legal representative or address, and the penalties of its
//! USCC (the `penalties` table is read once too, one row per penalty id). Asked of DataFusion,
//! that is four planned queries and Parquet scans per request; here the `merchants` and
//! `registry` tables are read once (two scans, rows kept as the JSON text the query path would
//! give: Arrow's JSON writer, nulls left out) and looked up in hash maps. The answers are the
//! SQL's: `shop` is the first row in scan order, `shops` sorted by platform and merchant id and
//! `related` by USCC, each at most [`MAX_ROWS`]; SQL's NULL never equals anything.
//!
//! Memory: the two tables' rows as JSON text plus four maps of keys — for the `city` scale
//! (about 50,000 shops and as many registered entities) tens of MB, held for one data version.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::error::ApiError;
use crate::routes::lakeview;

/// Most rows `shops` and `related` hold (the `LIMIT` of the queries this replaces).
pub const MAX_ROWS: usize = 50;

/// One table's rows as JSON objects (text) and the fields the profile looks rows up by.
#[derive(Debug, Default)]
struct Rows {
    json: Vec<Box<str>>,
}

impl Rows {
    fn get(&self, i: usize) -> Result<Value, ApiError> {
        serde_json::from_str(&self.json[i]).map_err(ApiError::internal)
    }
}

/// The `merchants` and `registry` tables of one data version, indexed.
#[derive(Debug, Default)]
pub struct ProfileIndex {
    merchants: Rows,
    /// `(platform_id, merchant_id)` → first row.
    shop: HashMap<(String, String), usize>,
    /// `uscc` → rows sorted by `(platform_id, merchant_id)`.
    shops_by_uscc: HashMap<String, Vec<usize>>,
    registry: Rows,
    /// Per registry row: `uscc`, `legal_rep_pid`, `address`, `name`, `status` (None when null).
    facts: Vec<[Option<String>; 5]>,
    /// `uscc` → registry rows, in scan order.
    registry_by_uscc: HashMap<String, Vec<usize>>,
    by_legal_rep: HashMap<String, Vec<usize>>,
    by_address: HashMap<String, Vec<usize>>,
    // --- loop2: penalties (§3.17) by USCC, one row per penalty id (the first in scan order).
    penalties: Rows,
    penalties_by_uscc: HashMap<String, Vec<usize>>,
}

fn text(v: &Value, field: &str) -> Option<String> {
    v.get(field).and_then(Value::as_str).map(str::to_string)
}

impl ProfileIndex {
    /// Reads both tables from `lake` (one scan each) and indexes them.
    pub async fn build(lake: &tianping_query::Lake) -> Result<ProfileIndex, ApiError> {
        let mut index = ProfileIndex::default();
        let merchants = lakeview::rows(lake, "SELECT * FROM merchants").await?;
        let mut keyed: Vec<(String, String, usize)> = Vec::new();
        for (i, row) in merchants.iter().enumerate() {
            let p = text(row, "platform_id").unwrap_or_default();
            let m = text(row, "merchant_id").unwrap_or_default();
            index.shop.entry((p.clone(), m.clone())).or_insert(i);
            if let Some(u) = text(row, "uscc") {
                index.shops_by_uscc.entry(u).or_default().push(i);
            }
            keyed.push((p, m, i));
            index.merchants.json.push(row.to_string().into_boxed_str());
        }
        for rows in index.shops_by_uscc.values_mut() {
            rows.sort_by(|a, b| (&keyed[*a].0, &keyed[*a].1).cmp(&(&keyed[*b].0, &keyed[*b].1)));
        }
        let registry = lakeview::rows(lake, "SELECT * FROM registry").await?;
        for (i, row) in registry.iter().enumerate() {
            let facts = [
                text(row, "uscc"),
                text(row, "legal_rep_pid"),
                text(row, "address"),
                text(row, "name"),
                text(row, "status"),
            ];
            if let Some(u) = &facts[0] {
                index.registry_by_uscc.entry(u.clone()).or_default().push(i);
            }
            if let Some(l) = &facts[1] {
                index.by_legal_rep.entry(l.clone()).or_default().push(i);
            }
            if let Some(a) = &facts[2] {
                index.by_address.entry(a.clone()).or_default().push(i);
            }
            index.facts.push(facts);
            index.registry.json.push(row.to_string().into_boxed_str());
        }
        // --- loop2: the penalties table (small: the regulator's own decisions).
        let penalties = lakeview::rows(lake, "SELECT * FROM penalties").await?;
        let mut seen = std::collections::HashSet::new();
        for row in &penalties {
            let (Some(id), Some(u)) = (text(row, "penalty_id"), text(row, "uscc")) else {
                continue;
            };
            if !seen.insert(id) {
                continue;
            }
            index
                .penalties_by_uscc
                .entry(u)
                .or_default()
                .push(index.penalties.json.len());
            index.penalties.json.push(row.to_string().into_boxed_str());
        }
        Ok(index)
    }

    /// The shop row of `merchant_id` on `platform_id` (the first in scan order).
    pub fn shop(&self, platform_id: &str, merchant_id: &str) -> Result<Option<Value>, ApiError> {
        self.shop
            .get(&(platform_id.to_string(), merchant_id.to_string()))
            .map(|i| self.merchants.get(*i))
            .transpose()
    }

    /// The shops registered under `uscc`, by platform and merchant id, at most [`MAX_ROWS`].
    pub fn shops(&self, uscc: &str) -> Result<Vec<Value>, ApiError> {
        self.shops_by_uscc
            .get(uscc)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .take(MAX_ROWS)
            .map(|i| self.merchants.get(*i))
            .collect()
    }

    /// The penalty rows of `uscc` (one per penalty id), in scan order, all of them (the caller
    /// sorts and bounds).
    pub fn penalties(&self, uscc: &str) -> Result<Vec<Value>, ApiError> {
        self.penalties_by_uscc
            .get(uscc)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|i| self.penalties.get(*i))
            .collect()
    }

    /// The registry row of `uscc` (the first in scan order).
    pub fn registry(&self, uscc: &str) -> Result<Option<Value>, ApiError> {
        self.registry_by_uscc
            .get(uscc)
            .and_then(|rows| rows.first())
            .map(|i| self.registry.get(*i))
            .transpose()
    }

    /// Where the merchant `(platform_id, merchant_id)` is (属地管辖), by the rule that places its
    /// findings (`tianping_detect::places::merchant_place`): its shop row's declared `adcode`,
    /// else the `adcode` of its USCC's registry row; `None` when neither is a division code or it
    /// has no row.
    pub fn place(&self, platform_id: &str, merchant_id: &str) -> Result<Option<String>, ApiError> {
        let field = |row: &Option<Value>, name: &str| {
            row.as_ref()
                .and_then(|r| r.get(name))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        let shop = self.shop(platform_id, merchant_id)?;
        let registry = match field(&shop, "uscc").filter(|u| lakeview::is_plain_id(u)) {
            Some(u) => self.registry(&u)?,
            None => None,
        };
        Ok(tianping_detect::places::merchant_place(
            field(&shop, "adcode").as_deref(),
            field(&registry, "adcode").as_deref(),
        ))
    }

    /// Other registered entities sharing the legal representative (`via: legal_rep`) or the
    /// address (`via: address`) of `uscc`'s registry rows, by USCC, at most [`MAX_ROWS`]: as
    /// `{uscc, name, status, via}` with null fields left out.
    pub fn related(&self, uscc: &str) -> Vec<Value> {
        let mut out: Vec<(&str, Value)> = Vec::new();
        for r in self
            .registry_by_uscc
            .get(uscc)
            .map_or(&[][..], Vec::as_slice)
        {
            let [_, rep, address, _, _] = &self.facts[*r];
            let by_rep = rep.as_ref().and_then(|l| self.by_legal_rep.get(l));
            let by_address = address.as_ref().and_then(|a| self.by_address.get(a));
            let mut others: Vec<usize> = by_rep
                .into_iter()
                .chain(by_address)
                .flatten()
                .copied()
                .collect();
            others.sort_unstable();
            others.dedup();
            for o in others {
                let [o_uscc, o_rep, _, o_name, o_status] = &self.facts[o];
                let Some(o_uscc) = o_uscc.as_deref() else {
                    continue;
                };
                if o_uscc == uscc {
                    continue;
                }
                let via = if rep.is_some() && o_rep == rep {
                    "legal_rep"
                } else {
                    "address"
                };
                let mut row = Map::new();
                row.insert("uscc".into(), o_uscc.into());
                if let Some(n) = o_name {
                    row.insert("name".into(), n.as_str().into());
                }
                if let Some(s) = o_status {
                    row.insert("status".into(), s.as_str().into());
                }
                row.insert("via".into(), via.into());
                out.push((o_uscc, Value::Object(row)));
            }
        }
        out.sort_by(|a, b| a.0.cmp(b.0));
        out.into_iter().take(MAX_ROWS).map(|(_, v)| v).collect()
    }
}
