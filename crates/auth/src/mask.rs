//! Masking rules: who may see personal fields unmasked. The right follows the policy table (the
//! roles granted [`Operation::UnmaskQuarantine`]); each unmask also needs a fresh authentication
//! and is audited by the server. Everyone else gets masked values.

use crate::policy::{Operation, Principal, grant};

/// Fields of a quarantined row that can hold personal data.
pub const QUARANTINE_PERSONAL_FIELDS: &[&str] = &["value", "raw"];

/// Whether the principal's roles include one that may unmask (freshness aside).
pub fn may_unmask(principal: &Principal) -> bool {
    match principal {
        Principal::Staff(s) => s
            .roles
            .iter()
            .any(|r| grant(Operation::UnmaskQuarantine, r).is_some()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Staff;
    use crate::role::{Role, Roles};
    use crate::scope::Scope;

    #[test]
    fn only_inspectors_and_case_officers_unmask() {
        for role in Role::ALL {
            let p = if role == Role::Platform {
                Principal::Platform {
                    supplier: "s".into(),
                }
            } else {
                Principal::Staff(Staff {
                    user_id: "u".into(),
                    roles: Roles::new([role]).unwrap(),
                    scope: Scope::parse("d", "330100").unwrap(),
                    fresh: true,
                })
            };
            assert_eq!(
                may_unmask(&p),
                matches!(role, Role::Inspector | Role::CaseOfficer),
                "{role:?}"
            );
        }
        assert!(!may_unmask(&Principal::Anonymous));
    }
}
