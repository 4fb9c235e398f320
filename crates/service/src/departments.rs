//! The department registry over the store: seeding it from the installation's configuration
//! (with the migration of name-valued department columns, `DepartmentStore::seed_departments`),
//! reading it back, and resolving what a person typed — an id (`wangjian`) or a Chinese name
//! (`网监处`) — to the id records store. An unknown or inactive department is refused with the
//! valid choices; nothing is assigned to a department the registry does not hold.

use tianping_auth::department::{AssignError, Department, Registry};
use tianping_auth::{Adcode, DepartmentId, ScopeError};
use tianping_store::departments::{DepartmentRow, SeedReport};
use tianping_store::{Store, StoreError};

/// Errors resolving a department or region.
#[derive(Debug, thiserror::Error)]
pub enum DepartmentError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Unknown or inactive department.
    #[error(transparent)]
    Assign(#[from] AssignError),
    /// Not a division code.
    #[error(transparent)]
    Region(#[from] ScopeError),
    /// A stored department that does not parse (corruption).
    #[error("stored department {0:?} does not decode")]
    Decode(String),
}

impl DepartmentError {
    /// Whether the caller can fix it.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            DepartmentError::Assign(_) | DepartmentError::Region(_)
        )
    }
}

/// The stored rows of a validated registry.
pub fn rows(registry: &Registry) -> Vec<DepartmentRow> {
    registry
        .iter()
        .map(|d| DepartmentRow {
            id: d.id.as_str().to_string(),
            name_zh: d.name_zh.clone(),
            name_en: d.name_en.clone(),
            region: d.region.as_str().to_string(),
            parent: d.parent.as_ref().map(|p| p.as_str().to_string()),
            active: d.active,
        })
        .collect()
}

/// Stores the configured registry and migrates department names to ids (one transaction).
pub async fn seed(store: &dyn Store, registry: &Registry) -> Result<SeedReport, StoreError> {
    store.seed_departments(&rows(registry)).await
}

/// The registry as stored.
pub async fn load(store: &dyn Store) -> Result<Registry, DepartmentError> {
    let mut list = Vec::new();
    for row in store.departments().await? {
        let bad = || DepartmentError::Decode(row.id.clone());
        list.push(Department {
            id: DepartmentId::parse(&row.id).map_err(|_| bad())?,
            name_zh: row.name_zh.clone(),
            name_en: row.name_en.clone(),
            region: Adcode::parse(&row.region).map_err(|_| bad())?,
            parent: match &row.parent {
                Some(p) => Some(DepartmentId::parse(p).map_err(|_| bad())?),
                None => None,
            },
            active: row.active,
        });
    }
    Ok(Registry::from_departments(list))
}

/// A unit new records may be assigned to: an active registry department (by id or Chinese name)
/// and a division code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The department.
    pub department: Department,
    /// The region.
    pub region: Adcode,
}

/// Resolves a department (id or Chinese name) and a region for a new assignment.
pub async fn assignable(
    store: &dyn Store,
    department: &str,
    region: &str,
) -> Result<Unit, DepartmentError> {
    let registry = load(store).await?;
    let department = registry.assignable(department)?.clone();
    let region = Adcode::parse(region.trim())?;
    Ok(Unit { department, region })
}
