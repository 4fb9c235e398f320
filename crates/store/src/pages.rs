//! The `pages` area of the store: the lists the service shows, paged with a cursor and filtered by
//! the caller's scope in SQL, so no request reads a whole table and no foreign row leaves the
//! database.
//!
//! Delivered data (batches, deliveries, findings) is scoped by supplier: a platform sees what it
//! delivered, or findings about its merchants or about itself. Which staff see delivered data at
//! all is decided by the policy before the query ([`DataScope::All`] or [`DataScope::Nothing`]),
//! except that findings also carry a region (属地管辖: where their subject is, migration 0015), so
//! staff of the data owner's department whose region lies inside the owner's see the findings of
//! their region ([`DataScope::OwnerRegion`]) and no other delivered data.
//!
//! A cursor is opaque to callers: the sort key of the last row of the previous page, as hex of a
//! JSON array ([`Cursor`]). A page asks for `limit + 1` rows to know whether another page follows.
//! Keyset paging: a page is the same however many rows were added before the cursor since.

use async_trait::async_trait;

use crate::{BatchRecord, DeliveryRecord, StoreError};

/// Which rows of delivered data a caller may list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataScope {
    /// Every row.
    All,
    /// Rows this supplier delivered (findings: about its merchants, or about it).
    Supplier(String),
    /// Delivered data of the owner's department within a region: the findings whose `region`
    /// starts with this cover prefix (`Adcode::cover_prefix` of a region strictly inside the data
    /// owner's: `330106` for 西湖区, `3301` for a city under a province-level owner), and the
    /// alerts likewise (their findings' region, migration 0016). Findings and alerts with no
    /// region (the owner's) and every other kind of delivered data (batches, deliveries, runs,
    /// ingest health) are outside it. An empty prefix is no row.
    OwnerRegion(String),
    /// No row.
    Nothing,
}

/// Filters on findings, applied in SQL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindingFilter {
    /// Only this detector.
    pub detector: Option<String>,
    /// Only this severity.
    pub severity: Option<String>,
    /// Only findings about this subject id.
    pub subject: Option<String>,
}

/// One page and the cursor of the next, if there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paged<T> {
    /// The rows.
    pub items: Vec<T>,
    /// Give this as `after` for the next page.
    pub next: Option<String>,
}

/// The sort key of the last row of a page (see the module doc). Parsed by the service from what
/// the caller sent; a cursor that does not parse is the caller's error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor(Vec<String>);

impl Cursor {
    /// The cursor of a sort key.
    pub fn of(key: &[&str]) -> Cursor {
        Cursor(key.iter().map(|k| (*k).to_string()).collect())
    }

    /// Reads a cursor of `arity` key parts; `None` if it is not one this service issued.
    pub fn parse(text: &str, arity: usize) -> Option<Cursor> {
        let bytes = hex::decode(text).ok()?;
        let parts: Vec<String> = serde_json::from_slice(&bytes).ok()?;
        (parts.len() == arity).then_some(Cursor(parts))
    }

    /// The text given to callers.
    pub fn encode(&self) -> String {
        hex::encode(serde_json::to_vec(&self.0).unwrap_or_default())
    }

    /// Key part `i` (an error if the cursor is shorter: the service parsed it with the wrong arity).
    pub fn part(&self, i: usize) -> Result<&str, StoreError> {
        self.0
            .get(i)
            .map(String::as_str)
            .ok_or_else(|| StoreError::Decode(format!("cursor has no key part {i}")))
    }
}

/// Splits `limit + 1` fetched rows into a page and its next cursor.
pub fn into_page<T>(mut rows: Vec<T>, limit: u32, key: impl Fn(&T) -> Cursor) -> Paged<T> {
    let limit = limit as usize;
    if rows.len() > limit {
        rows.truncate(limit);
        let next = rows.last().map(|row| key(row).encode());
        Paged { items: rows, next }
    } else {
        Paged {
            items: rows,
            next: None,
        }
    }
}

/// Paged, scoped lists.
#[async_trait]
pub trait PageStore: Send + Sync {
    /// Findings (JSON bodies) in `scope` matching `filter`, by finding id, after the cursor.
    async fn findings_page(
        &self,
        scope: &DataScope,
        filter: &FindingFilter,
        after: Option<&Cursor>,
        limit: u32,
    ) -> Result<Paged<String>, StoreError>;

    /// One finding's JSON body.
    async fn finding_body(&self, finding_id: &str) -> Result<Option<String>, StoreError>;

    /// One finding's JSON body and its stored region (`None`: the data owner's), for deciding
    /// who may read it.
    async fn finding_with_region(
        &self,
        finding_id: &str,
    ) -> Result<Option<(String, Option<String>)>, StoreError>;

    /// Every finding that has a region, as `(finding_id, region)` by finding id (for placing
    /// the alerts built from them).
    async fn finding_regions(&self) -> Result<Vec<(String, String)>, StoreError>;

    /// The subjects `(platform_id, id)` of `detector`'s findings, each once, sorted (no bodies:
    /// for narrowing many candidates to those with a finding before reading any).
    async fn finding_subjects(&self, detector: &str) -> Result<Vec<(String, String)>, StoreError>;

    /// The findings (JSON bodies) whose subject is `subject_id` on `platform_id` (the subject's
    /// `platform_id` and `id`, whatever its kind), by finding id, at most `limit` (with `next` set
    /// when more follow). Served by the `findings_subject_of` index (migration 0009).
    async fn subject_findings(
        &self,
        platform_id: &str,
        subject_id: &str,
        limit: u32,
    ) -> Result<Paged<String>, StoreError>;

    /// Batches in `scope`, newest first, after the cursor.
    async fn batches_page(
        &self,
        scope: &DataScope,
        after: Option<&Cursor>,
        limit: u32,
    ) -> Result<Paged<BatchRecord>, StoreError>;

    /// Deliveries in `scope`, newest first, after the cursor.
    async fn deliveries_page(
        &self,
        scope: &DataScope,
        after: Option<&Cursor>,
        limit: u32,
    ) -> Result<Paged<DeliveryRecord>, StoreError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_foreign_ones_do_not_parse() {
        let c = Cursor::of(&["2026-03-01T10:00:00+08:00", "tmall", "b|1"]);
        let text = c.encode();
        assert_eq!(Cursor::parse(&text, 3), Some(c.clone()));
        assert_eq!(c.part(2).unwrap(), "b|1");
        assert!(c.part(3).is_err());
        assert_eq!(Cursor::parse(&text, 1), None, "wrong arity");
        assert_eq!(Cursor::parse("zz", 1), None);
        assert_eq!(Cursor::parse(&hex::encode(b"{}"), 1), None);
    }

    #[test]
    fn a_page_knows_whether_another_follows() {
        let key = |n: &i32| Cursor::of(&[&n.to_string()]);
        let p = into_page(vec![1, 2, 3], 2, key);
        assert_eq!(
            p,
            Paged {
                items: vec![1, 2],
                next: Some(Cursor::of(&["2"]).encode())
            }
        );
        let p = into_page(vec![1, 2], 2, key);
        assert_eq!(p.next, None);
    }
}
