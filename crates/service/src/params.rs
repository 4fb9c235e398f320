//! Stored parameter settings (the store's `param_settings`) as rule resolution takes them
//! (`tianping_detect::rules::Setting`): one conversion for the engine, the streaming state, the
//! CLI and the API.

use tianping_detect::rules::Setting;
use tianping_store::params::ParamSetting;
use tianping_store::{Store, StoreError};

/// `rows` as resolution takes them.
pub fn as_settings(rows: &[ParamSetting]) -> Vec<Setting> {
    rows.iter()
        .map(|r| Setting {
            id: r.setting_id,
            rule: r.setting.rule.clone(),
            param: r.setting.param.clone(),
            value: r.setting.value,
            effective_from: r.setting.effective_from.clone(),
        })
        .collect()
}

/// Every stored setting, as resolution takes them.
pub async fn stored_settings(store: &dyn Store) -> Result<Vec<Setting>, StoreError> {
    Ok(as_settings(&store.param_settings(None).await?))
}
