//! Who may be matched to a drawn entity, and who recused: the inspector pool of a plan (active,
//! of the plan's inspector departments when it names any) and, per drawn entity, the pool's
//! inspectors who declared a conflict with it (回避) and so were not candidates for its team.
//! [`crate::draw::draw`] matches teams from the same [`pool`], so what is shown as recused is
//! exactly who the draw left out.

use serde::{Deserialize, Serialize};

use crate::draw::DrawRecord;
use crate::plan::{Inspector, Plan};

/// The inspectors a plan draws teams from, in register (id) order.
pub fn pool<'a>(plan: &Plan, inspectors: &'a [Inspector]) -> Vec<&'a Inspector> {
    inspectors
        .iter()
        .filter(|i| {
            i.active
                && (plan.inspector_departments.is_empty()
                    || plan.inspector_departments.contains(&i.department))
        })
        .collect()
}

/// One recusal: an inspector of the pool left out of a drawn entity's team by a declared conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recusal {
    /// The drawn entity (统一社会信用代码).
    pub uscc: String,
    /// The inspector who recused.
    pub inspector: String,
}

/// Every recusal of a recorded draw, in draw order, then by inspector id.
pub fn recusals(record: &DrawRecord) -> Vec<Recusal> {
    let pool = pool(&record.input.plan, &record.input.inspectors);
    record
        .result
        .objects
        .iter()
        .flat_map(|o| {
            pool.iter()
                .filter(|i| i.conflicts.contains(&o.uscc))
                .map(|i| Recusal {
                    uscc: o.uscc.clone(),
                    inspector: i.id.clone(),
                })
        })
        .collect()
}
