//! The store area of rule parameter settings: an administrator's value for one parameter of one
//! rule from an effective date on, with the reason (legal or policy basis), who set it and when.
//! Append-only in the database (triggers refuse UPDATE and DELETE, and TRUNCATE on PostgreSQL):
//! nothing is overwritten, so the value in force on any past day can be shown with its reason.
//! Which setting is in force is resolved by `tianping_detect::rules` (pure); values are validated
//! there before they are stored.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::StoreError;

/// A setting to record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewParamSetting {
    /// `<detector>.<rule>`.
    pub rule: String,
    /// Parameter name.
    pub param: String,
    /// Value (validated against the rule's bounds by the caller).
    pub value: f64,
    /// First day it applies (`YYYY-MM-DD`, China time).
    pub effective_from: String,
    /// Why: the legal or policy basis, free text.
    pub reason: String,
    /// Who set it: an account's login, or `local:<user>` for the CLI's local operator.
    pub set_by: String,
    /// When it was recorded (RFC 3339).
    pub recorded_at: String,
}

/// A setting as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParamSetting {
    /// Assigned by the store, increasing.
    pub setting_id: i64,
    /// The rest, as recorded.
    #[serde(flatten)]
    pub setting: NewParamSetting,
}

/// The parameter-settings area of the store.
#[async_trait]
pub trait ParamStore: Send + Sync {
    /// Appends a setting; returns it with its id.
    async fn add_param_setting(&self, s: &NewParamSetting) -> Result<ParamSetting, StoreError>;

    /// Settings, of one rule when given, by rule, parameter, effective date and id.
    async fn param_settings(&self, rule: Option<&str>) -> Result<Vec<ParamSetting>, StoreError>;
}
