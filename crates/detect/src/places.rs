//! Where a finding's subject is, for 属地管辖 (jurisdiction by place): the 6-digit division code
//! (adcode) recorded with a stored finding, so that the service can give a district branch the
//! findings about its own district.
//!
//! Not part of any detector (detectors stay pure and know nothing of places): the engine and the
//! streaming path build a [`Places`] from the lake's reference tables, the rows delivered by the
//! run's `as_of`, fed in delivery order so that the latest row of a key wins, and ask
//! [`Places::place_of`] for each finding's subject before storing it. The place is fixed when the
//! finding is first stored.
//!
//! The rule (市场监督管理投诉举报处理暂行办法 arts. 12–13 and 25–28, as summarised in the
//! project's mission anchors: in-platform merchants at their actual place of business, platforms
//! at their domicile):
//! - a merchant, or a listing of a merchant: the merchant's declared business address adcode
//!   (`merchants.adcode`), else the registered adcode of its credit code (`registry.adcode`);
//! - a platform: its `domicile_adcode`;
//! - an address (`adcode|road|…`, as `registration_cluster` keys it): its leading adcode;
//! - anything else, or nothing known: no place (the finding stays with the data owner).
//!
//! Whether the place is inside the data owner's region is decided where the owner is known (the
//! service): a place outside it also leaves the finding with the owner.

use std::collections::{BTreeMap, BTreeSet};

use arrow::record_batch::RecordBatch;

use crate::columns::Columns;
use crate::finding::{Ref, RefKind};

/// The tables a [`Places`] reads, and the columns of each, in the order to feed them (listings
/// before merchants before the registry, so that [`Places::for_subjects`] knows which rows it
/// needs).
pub const PLACE_INPUTS: [(&str, &[&str]); 4] = [
    ("listings", &["platform_id", "listing_id", "merchant_id"]),
    (
        "merchants",
        &["platform_id", "merchant_id", "uscc", "adcode"],
    ),
    ("platforms", &["platform_id", "domicile_adcode"]),
    ("registry", &["uscc", "adcode"]),
];

/// A merchant as far as its place goes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct MerchantPlace {
    adcode: Option<String>,
    uscc: Option<String>,
}

/// Lookups from the reference tables (see the module doc).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Places {
    merchants: BTreeMap<(String, String), MerchantPlace>,
    listings: BTreeMap<(String, String), String>,
    platforms: BTreeMap<String, String>,
    registry: BTreeMap<String, String>,
    /// When set, only the rows these subjects need are kept.
    wanted: Option<Wanted>,
}

/// The keys a [`Places`] built for some subjects keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Wanted {
    listings: BTreeSet<(String, String)>,
    merchants: BTreeSet<(String, String)>,
    usccs: BTreeSet<String>,
}

/// A 6-digit division code (not starting with 0), or nothing.
fn adcode(s: Option<&str>) -> Option<String> {
    let s = s?;
    let b = s.as_bytes();
    (b.len() == 6 && b.iter().all(u8::is_ascii_digit) && b[0] != b'0').then(|| s.to_string())
}

/// A merchant's place (the module doc's rule): its declared business address code
/// (`merchants.adcode`) when that is a division code, else its credit code's registered one
/// (`registry.adcode`). The one rule for findings' regions and for whoever else places a merchant
/// (the service's merchant profile).
pub fn merchant_place(declared: Option<&str>, registered: Option<&str>) -> Option<String> {
    adcode(declared).or_else(|| adcode(registered))
}

impl Places {
    /// Lookups that keep only what the places of `subjects` need (the reference tables can be
    /// large; a run's findings name few of their rows).
    pub fn for_subjects<'a>(subjects: impl IntoIterator<Item = &'a Ref>) -> Places {
        let mut wanted = Wanted::default();
        for s in subjects {
            let Some(p) = s.platform_id.as_deref() else {
                continue;
            };
            match s.kind {
                RefKind::Merchant => {
                    wanted.merchants.insert((p.to_string(), s.id.clone()));
                    wanted.usccs.extend(s.uscc.clone());
                }
                RefKind::Listing => {
                    wanted.listings.insert((p.to_string(), s.id.clone()));
                }
                _ => {}
            }
        }
        Places {
            wanted: Some(wanted),
            ..Places::default()
        }
    }

    /// Adds the rows of one record batch of `table` (one of [`PLACE_INPUTS`]; other tables are
    /// ignored). Feed batches in delivery order: a later row of the same key replaces an earlier.
    pub fn add(&mut self, table: &str, batch: &RecordBatch) {
        let c = Columns::new(batch);
        for row in 0..c.len() {
            match table {
                "merchants" => {
                    if let (Some(p), Some(m)) =
                        (c.str("platform_id", row), c.str("merchant_id", row))
                    {
                        let key = (p.to_string(), m.to_string());
                        let uscc = c.str("uscc", row).map(str::to_string);
                        if let Some(w) = &mut self.wanted {
                            if !w.merchants.contains(&key) {
                                continue;
                            }
                            w.usccs.extend(uscc.clone());
                        }
                        let place = MerchantPlace {
                            adcode: adcode(c.str("adcode", row)),
                            uscc,
                        };
                        self.merchants.insert(key, place);
                    }
                }
                "listings" => {
                    if let (Some(p), Some(l), Some(m)) = (
                        c.str("platform_id", row),
                        c.str("listing_id", row),
                        c.str("merchant_id", row),
                    ) {
                        let key = (p.to_string(), l.to_string());
                        if let Some(w) = &mut self.wanted {
                            if !w.listings.contains(&key) {
                                continue;
                            }
                            w.merchants.insert((p.to_string(), m.to_string()));
                        }
                        self.listings.insert(key, m.to_string());
                    }
                }
                // A later row without a (valid) code replaces the earlier code with none, as a
                // merchant's does: the latest delivery is what is known.
                "platforms" => {
                    if let Some(p) = c.str("platform_id", row) {
                        match adcode(c.str("domicile_adcode", row)) {
                            Some(a) => self.platforms.insert(p.to_string(), a),
                            None => self.platforms.remove(p),
                        };
                    }
                }
                "registry" => {
                    if let Some(u) = c.str("uscc", row) {
                        if self.wanted.as_ref().is_some_and(|w| !w.usccs.contains(u)) {
                            continue;
                        }
                        match adcode(c.str("adcode", row)) {
                            Some(a) => self.registry.insert(u.to_string(), a),
                            None => self.registry.remove(u),
                        };
                    }
                }
                _ => {}
            }
        }
    }

    /// A merchant's place ([`merchant_place`] of its latest rows).
    fn merchant(&self, platform: &str, merchant: &str, uscc: Option<&str>) -> Option<String> {
        let m = self
            .merchants
            .get(&(platform.to_string(), merchant.to_string()));
        let uscc = m.and_then(|m| m.uscc.as_deref()).or(uscc);
        merchant_place(
            m.and_then(|m| m.adcode.as_deref()),
            uscc.and_then(|u| self.registry.get(u)).map(String::as_str),
        )
    }

    /// Where `subject` is (see the module doc), or `None`.
    pub fn place_of(&self, subject: &Ref) -> Option<String> {
        match subject.kind {
            RefKind::Merchant => self.merchant(
                subject.platform_id.as_deref()?,
                &subject.id,
                subject.uscc.as_deref(),
            ),
            RefKind::Listing => {
                let platform = subject.platform_id.as_deref()?;
                let merchant = self
                    .listings
                    .get(&(platform.to_string(), subject.id.clone()))?;
                self.merchant(platform, merchant, None)
            }
            RefKind::Platform => self.platforms.get(&subject.id).cloned(),
            RefKind::Address => adcode(subject.id.split('|').next()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow::array::{ArrayRef, StringArray};
    use arrow::datatypes::{DataType, Field, Schema};

    use super::*;

    fn batch(cols: &[(&str, Vec<Option<&str>>)]) -> RecordBatch {
        let fields: Vec<Field> = cols
            .iter()
            .map(|(n, _)| Field::new(*n, DataType::Utf8, true))
            .collect();
        let arrays: Vec<ArrayRef> = cols
            .iter()
            .map(|(_, v)| Arc::new(StringArray::from(v.clone())) as ArrayRef)
            .collect();
        RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).unwrap()
    }

    fn subject(kind: RefKind, platform: Option<&str>, id: &str) -> Ref {
        Ref {
            kind,
            id: id.into(),
            platform_id: platform.map(str::to_string),
            uscc: None,
        }
    }

    #[test]
    fn places_of_merchants_listings_platforms_and_addresses() {
        let mut p = Places::default();
        p.add(
            "merchants",
            &batch(&[
                (
                    "platform_id",
                    vec![Some("tmall"), Some("tmall"), Some("jd"), Some("jd")],
                ),
                (
                    "merchant_id",
                    vec![Some("m1"), Some("m2"), Some("m3"), Some("m4")],
                ),
                ("uscc", vec![None, None, Some("91330106MA2XXXXX1A"), None]),
                (
                    "adcode",
                    vec![Some("330106"), Some("330203"), None, Some("bad")],
                ),
            ]),
        );
        p.add(
            "listings",
            &batch(&[
                ("platform_id", vec![Some("tmall")]),
                ("listing_id", vec![Some("l1")]),
                ("merchant_id", vec![Some("m1")]),
            ]),
        );
        p.add(
            "platforms",
            &batch(&[
                ("platform_id", vec![Some("tmall")]),
                ("domicile_adcode", vec![Some("330110")]),
            ]),
        );
        p.add(
            "registry",
            &batch(&[
                ("uscc", vec![Some("91330106MA2XXXXX1A")]),
                ("adcode", vec![Some("330108")]),
            ]),
        );
        let m = |pl, id| p.place_of(&subject(RefKind::Merchant, Some(pl), id));
        assert_eq!(
            m("tmall", "m1").as_deref(),
            Some("330106"),
            "declared adcode"
        );
        assert_eq!(
            m("tmall", "m2").as_deref(),
            Some("330203"),
            "another city: kept as is"
        );
        assert_eq!(
            m("jd", "m3").as_deref(),
            Some("330108"),
            "registry fallback"
        );
        assert_eq!(m("jd", "m4"), None, "an invalid adcode is no place");
        assert_eq!(m("jd", "nobody"), None, "unknown merchant");
        assert_eq!(
            p.place_of(&subject(RefKind::Listing, Some("tmall"), "l1"))
                .as_deref(),
            Some("330106"),
            "a listing is where its merchant is"
        );
        assert_eq!(
            p.place_of(&subject(RefKind::Listing, Some("tmall"), "l9")),
            None
        );
        assert_eq!(
            p.place_of(&subject(RefKind::Platform, None, "tmall"))
                .as_deref(),
            Some("330110"),
            "a platform by its domicile"
        );
        assert_eq!(p.place_of(&subject(RefKind::Platform, None, "jd")), None);
        assert_eq!(
            p.place_of(&subject(RefKind::Address, None, "330105|莫干山路|100|||"))
                .as_deref(),
            Some("330105")
        );
        assert_eq!(
            p.place_of(&subject(RefKind::Address, None, "no-code")),
            None
        );
        assert_eq!(p.place_of(&subject(RefKind::Scheme, None, "s1")), None);
    }

    #[test]
    fn built_for_subjects_it_keeps_only_what_they_need() {
        let listing = subject(RefKind::Listing, Some("tmall"), "l1");
        let mut p = Places::for_subjects([&listing]);
        p.add(
            "listings",
            &batch(&[
                ("platform_id", vec![Some("tmall"), Some("tmall")]),
                ("listing_id", vec![Some("l1"), Some("l2")]),
                ("merchant_id", vec![Some("m1"), Some("m2")]),
            ]),
        );
        p.add(
            "merchants",
            &batch(&[
                ("platform_id", vec![Some("tmall"), Some("tmall")]),
                ("merchant_id", vec![Some("m1"), Some("m2")]),
                ("uscc", vec![Some("U1"), Some("U2")]),
                ("adcode", vec![None, Some("330102")]),
            ]),
        );
        p.add(
            "registry",
            &batch(&[
                ("uscc", vec![Some("U1"), Some("U2")]),
                ("adcode", vec![Some("330109"), Some("330110")]),
            ]),
        );
        assert_eq!(p.place_of(&listing).as_deref(), Some("330109"));
        assert_eq!(
            (p.listings.len(), p.merchants.len(), p.registry.len()),
            (1, 1, 1)
        );
    }

    #[test]
    fn a_later_row_replaces_an_earlier_one() {
        let mut p = Places::default();
        let row = |a: &'static str| {
            batch(&[
                ("platform_id", vec![Some("tmall")]),
                ("merchant_id", vec![Some("m1")]),
                ("uscc", vec![None]),
                ("adcode", vec![Some(a)]),
            ])
        };
        p.add("merchants", &row("330106"));
        p.add("merchants", &row("330102"));
        assert_eq!(
            p.place_of(&subject(RefKind::Merchant, Some("tmall"), "m1"))
                .as_deref(),
            Some("330102")
        );
    }

    /// Every table alike: a later row without a code leaves the key with none (the merchant's
    /// always did; the platform's and the registry's kept the older code before).
    #[test]
    fn a_later_row_without_a_code_leaves_none() {
        let mut p = Places::default();
        let merchant = |a: Option<&'static str>| {
            batch(&[
                ("platform_id", vec![Some("tmall")]),
                ("merchant_id", vec![Some("m1")]),
                ("uscc", vec![Some("U1")]),
                ("adcode", vec![a]),
            ])
        };
        let platform = |a: Option<&'static str>| {
            batch(&[
                ("platform_id", vec![Some("tmall")]),
                ("domicile_adcode", vec![a]),
            ])
        };
        let registry =
            |a: Option<&'static str>| batch(&[("uscc", vec![Some("U1")]), ("adcode", vec![a])]);
        p.add("merchants", &merchant(Some("330106")));
        p.add("platforms", &platform(Some("330110")));
        p.add("registry", &registry(Some("330108")));
        let m = subject(RefKind::Merchant, Some("tmall"), "m1");
        let tmall = subject(RefKind::Platform, None, "tmall");
        assert_eq!(p.place_of(&m).as_deref(), Some("330106"));
        assert_eq!(p.place_of(&tmall).as_deref(), Some("330110"));
        p.add("merchants", &merchant(None));
        assert_eq!(p.place_of(&m).as_deref(), Some("330108"), "registry now");
        p.add("platforms", &platform(None));
        p.add("registry", &registry(Some("bad")));
        assert_eq!(p.place_of(&m), None);
        assert_eq!(p.place_of(&tmall), None);
    }

    #[test]
    fn a_merchant_place_is_its_declared_code_else_its_registered_one() {
        assert_eq!(
            merchant_place(Some("330106"), Some("330108")).as_deref(),
            Some("330106")
        );
        assert_eq!(
            merchant_place(Some("33010"), Some("330108")).as_deref(),
            Some("330108"),
            "a declared code that is no division code"
        );
        assert_eq!(
            merchant_place(None, Some("330108")).as_deref(),
            Some("330108")
        );
        assert_eq!(merchant_place(None, Some("030108")), None);
        assert_eq!(merchant_place(None, None), None);
    }
}
