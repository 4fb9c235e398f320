//! The `departments` area of the store: the installation's department registry (seeded from the
//! configuration, `tianping_auth::department`), the migration of records that still name a
//! department by its Chinese name, and the clue/case and notice lists paged by keyset with the
//! caller's department and region applied in SQL, so no foreign row is fetched.
//!
//! Seeding ([`DepartmentStore::seed_departments`]) is one transaction: the configured departments
//! are inserted or updated (a department stored before and no longer configured is kept, marked
//! inactive — records may still point to it), then every `department` column of accounts, cases
//! and notices holding a Chinese name is rewritten to its id. A value that is neither an id nor a
//! name of the registry fails the whole seed with a message naming every such row (table, row,
//! value); nothing is dropped or guessed. [`DepartmentStore::department_orphans`] lists the same
//! rows without changing anything (`tianping departments check`). Migration 0011 checks the
//! reference on every write once a registry exists (triggers on both backends; see the
//! migration's header for why not a declared foreign key). Case and notice bodies and their events are history
//! (append-only, in the evidence log) and keep what was recorded.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::StoreError;
use crate::cases::{CaseRow, QueueFilter};
use crate::notices::{NoticeFilter, NoticeRow};
use crate::pages::{Cursor, Paged};

/// A department as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentRow {
    /// Id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Division code.
    pub region: String,
    /// Parent id.
    pub parent: Option<String>,
    /// Takes new records.
    pub active: bool,
}

/// What a seed did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeedReport {
    /// Departments inserted.
    pub inserted: u64,
    /// Departments updated (names, region, parent, active).
    pub updated: u64,
    /// Stored departments no longer configured, now inactive.
    pub deactivated: Vec<String>,
    /// Rows rewritten from a Chinese name to the id: (table, rows).
    pub migrated: Vec<(String, u64)>,
}

/// A record whose `department` column holds no id of the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentOrphan {
    /// `accounts`, `cases` (clues too) or `notices`.
    pub table: String,
    /// The row's key column (`user_id`, `case_id`, `notice_id`).
    pub key: String,
    /// The row's key.
    pub row: String,
    /// The `department` value it holds.
    pub value: String,
    /// The department whose Chinese name the value is (a seed rewrites it to this id); `None`:
    /// the value maps to no department (a seed fails naming this row).
    pub maps_to: Option<String>,
}

/// Which rows of unit-owned records (clues, cases, notices) a caller may list, for SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitScope {
    /// Every row.
    All,
    /// This department, in regions whose code starts with this prefix.
    Unit {
        /// Department id.
        department: String,
        /// Region cover prefix (`33`, `3301` or a whole code).
        region_prefix: String,
    },
    /// Any department, in regions whose code starts with this prefix.
    Region {
        /// Region cover prefix.
        region_prefix: String,
    },
    /// Notices this platform forwards (cases: none).
    Platform(String),
    /// No row.
    Nothing,
}

/// The department registry and the unit-scoped lists.
#[async_trait]
pub trait DepartmentStore: Send + Sync {
    /// Every stored department, by id.
    async fn departments(&self) -> Result<Vec<DepartmentRow>, StoreError>;

    /// Stores the configured registry and migrates name-valued department columns to ids, in one
    /// transaction (see the module doc). `rows` must be a validated registry.
    async fn seed_departments(&self, rows: &[DepartmentRow]) -> Result<SeedReport, StoreError>;

    /// Every record (accounts, cases, notices) whose `department` is no id of the stored
    /// registry, by table and key, each with the id its value names if it is a department's
    /// Chinese name. Empty when every reference holds.
    async fn department_orphans(&self) -> Result<Vec<DepartmentOrphan>, StoreError>;

    /// Clues and cases in `scope` selected by `filter`: earliest due first, unknown due dates
    /// last, then by id; after the cursor (2 parts).
    async fn cases_page(
        &self,
        scope: &UnitScope,
        filter: &QueueFilter,
        after: Option<&Cursor>,
        limit: u32,
    ) -> Result<Paged<CaseRow>, StoreError>;

    /// Notices in `scope` selected by `filter`, in the same order; after the cursor (2 parts).
    async fn notices_page(
        &self,
        scope: &UnitScope,
        filter: &NoticeFilter,
        after: Option<&Cursor>,
        limit: u32,
    ) -> Result<Paged<NoticeRow>, StoreError>;
}

/// The sort key of a row with an optional last day: unknown days sort last.
pub fn due_key(due: Option<&str>) -> &str {
    due.unwrap_or("9999-99-99")
}
