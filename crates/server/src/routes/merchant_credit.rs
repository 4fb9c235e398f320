//! The latest credit risk class (企业信用风险分类, internal) of merchants shown in a list — the
//! cockpit's top high-risk merchants: a merchant's USCC from its `merchants` row (the profile
//! index of the current data version), its class from `CreditStore::latest_class`. A merchant
//! without a row, a USCC or a stored class has none, and a caller who may not read the
//! merchant's profile (`access::may_read_merchant`, by the merchant's place) gets none. The class
//! is shown beside the ranking; it does not change it (see docs/credit.md).

use serde_json::{Value, json};

use crate::access::{Caller, may_read_merchant};
use crate::error::ApiError;
use crate::routes::lakeview;
use crate::state::AppState;

/// The latest class of each `(platform, merchant id)`, in order: `{class, as_of, points,
/// model_version}`, or null (none, or not for this caller).
pub async fn latest_classes(
    state: &AppState,
    caller: &Caller,
    merchants: &[(String, String)],
) -> Result<Vec<Value>, ApiError> {
    if merchants.is_empty() {
        return Ok(Vec::new());
    }
    let index = lakeview::snapshot(state).await?.profile_index().await?;
    let mut out = Vec::with_capacity(merchants.len());
    for (platform, id) in merchants {
        if !may_read_merchant(
            state,
            caller,
            platform,
            index.place(platform, id)?.as_deref(),
        ) {
            out.push(Value::Null);
            continue;
        }
        let uscc = index
            .shop(platform, id)?
            .as_ref()
            .and_then(|s| s.get("uscc"))
            .and_then(Value::as_str)
            .filter(|u| lakeview::is_plain_id(u))
            .map(str::to_string);
        let class = match &uscc {
            Some(u) => state.store.latest_class(u).await?,
            None => None,
        };
        out.push(match class {
            Some(c) => json!({"class": c.class, "as_of": c.as_of, "points": c.points,
                              "model_version": c.model_version}),
            None => Value::Null,
        });
    }
    Ok(out)
}
