//! Roles, and the role sets an account may hold.
//!
//! 三权分立 (等保 2.0 访问控制 d, 安全管理中心): the system, security and audit administrators are
//! separate people. A role set holding an administrator role holds nothing else, so no account
//! holds two of them and no administrator does business work. A platform account (a supplier's)
//! holds only `platform`.

use serde::{Deserialize, Serialize};

/// A role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 数据分析员: reads data and findings of their department.
    Analyst,
    /// 检查员: field inspection; may unmask personal fields.
    Inspector,
    /// 办案人员: case officer; may unmask personal fields.
    CaseOfficer,
    /// 投诉处理员: complaint handler.
    ComplaintHandler,
    /// 领导: reads across their region.
    Leader,
    /// A platform's (supplier's) account.
    Platform,
    /// 系统管理员: accounts and configuration.
    SystemAdmin,
    /// 安全管理员: roles and security policy.
    SecurityAdmin,
    /// 审计管理员: the audit log.
    AuditAdmin,
}

impl Role {
    /// Every role, in a fixed order.
    pub const ALL: [Role; 9] = [
        Role::Analyst,
        Role::Inspector,
        Role::CaseOfficer,
        Role::ComplaintHandler,
        Role::Leader,
        Role::Platform,
        Role::SystemAdmin,
        Role::SecurityAdmin,
        Role::AuditAdmin,
    ];

    /// The stable name (snake case).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Analyst => "analyst",
            Role::Inspector => "inspector",
            Role::CaseOfficer => "case_officer",
            Role::ComplaintHandler => "complaint_handler",
            Role::Leader => "leader",
            Role::Platform => "platform",
            Role::SystemAdmin => "system_admin",
            Role::SecurityAdmin => "security_admin",
            Role::AuditAdmin => "audit_admin",
        }
    }

    /// The Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            Role::Analyst => "数据分析员",
            Role::Inspector => "检查员",
            Role::CaseOfficer => "办案人员",
            Role::ComplaintHandler => "投诉处理员",
            Role::Leader => "领导",
            Role::Platform => "平台",
            Role::SystemAdmin => "系统管理员",
            Role::SecurityAdmin => "安全管理员",
            Role::AuditAdmin => "审计管理员",
        }
    }

    /// Parses a stable name.
    pub fn parse(name: &str) -> Result<Role, RoleError> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == name)
            .ok_or_else(|| RoleError::Unknown(name.chars().take(64).collect()))
    }

    /// One of the three separated administrators.
    pub fn is_admin(self) -> bool {
        matches!(
            self,
            Role::SystemAdmin | Role::SecurityAdmin | Role::AuditAdmin
        )
    }
}

/// Why a role set is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoleError {
    /// Not a role name.
    #[error("未知角色 {0:?} / unknown role {0:?}")]
    Unknown(String),
    /// No role at all.
    #[error("账号至少需要一个角色 / an account needs at least one role")]
    Empty,
    /// Two administrator roles (三权分立).
    #[error(
        "三权分立：一个账号不得同时担任 {0} 和 {1} / separation of duties: one account cannot be both {0} and {1}"
    )]
    TwoAdministrators(&'static str, &'static str),
    /// An administrator role with a business role.
    #[error(
        "管理员账号不得兼任业务角色 {1}（{0}）/ an administrator ({0}) cannot also hold the business role {1}"
    )]
    AdministratorWithBusiness(&'static str, &'static str),
    /// `platform` with a staff role.
    #[error("平台账号不得兼任工作人员角色 / a platform account cannot hold staff roles")]
    PlatformWithStaff,
}

/// A valid, sorted, duplicate-free set of roles.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Roles(Vec<Role>);

impl Roles {
    /// Validates a role set.
    pub fn new(roles: impl IntoIterator<Item = Role>) -> Result<Roles, RoleError> {
        let mut roles: Vec<Role> = roles.into_iter().collect();
        roles.sort();
        roles.dedup();
        if roles.is_empty() {
            return Err(RoleError::Empty);
        }
        let admins: Vec<Role> = roles.iter().copied().filter(|r| r.is_admin()).collect();
        if let [a, b, ..] = admins.as_slice() {
            return Err(RoleError::TwoAdministrators(a.as_str(), b.as_str()));
        }
        if let Some(admin) = admins.first()
            && let Some(other) = roles.iter().find(|r| !r.is_admin())
        {
            return Err(RoleError::AdministratorWithBusiness(
                admin.as_str(),
                other.as_str(),
            ));
        }
        if roles.contains(&Role::Platform) && roles.len() > 1 {
            return Err(RoleError::PlatformWithStaff);
        }
        Ok(Roles(roles))
    }

    /// Parses role names.
    pub fn parse<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Roles, RoleError> {
        let roles = names
            .into_iter()
            .map(Role::parse)
            .collect::<Result<Vec<_>, _>>()?;
        Roles::new(roles)
    }

    /// The roles.
    pub fn iter(&self) -> impl Iterator<Item = Role> + '_ {
        self.0.iter().copied()
    }

    /// Whether the set holds a role.
    pub fn contains(&self, role: Role) -> bool {
        self.0.contains(&role)
    }

    /// Names, comma separated (how the store keeps them).
    pub fn to_csv(&self) -> String {
        self.0
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
        assert!(matches!(Role::parse("root"), Err(RoleError::Unknown(_))));
    }

    #[test]
    fn no_account_holds_two_administrator_roles() {
        let admins = [Role::SystemAdmin, Role::SecurityAdmin, Role::AuditAdmin];
        for a in admins {
            for b in admins {
                let result = Roles::new([a, b]);
                if a == b {
                    assert!(result.is_ok());
                } else {
                    assert!(
                        matches!(result, Err(RoleError::TwoAdministrators(..))),
                        "{a:?}+{b:?}"
                    );
                }
            }
        }
        assert!(matches!(
            Roles::new(admins),
            Err(RoleError::TwoAdministrators(..))
        ));
    }

    #[test]
    fn administrators_and_platforms_hold_nothing_else() {
        assert!(matches!(
            Roles::new([Role::AuditAdmin, Role::Analyst]),
            Err(RoleError::AdministratorWithBusiness(
                "audit_admin",
                "analyst"
            ))
        ));
        assert_eq!(
            Roles::new([Role::Platform, Role::Analyst]),
            Err(RoleError::PlatformWithStaff)
        );
        assert_eq!(Roles::new([]), Err(RoleError::Empty));
        let ok = Roles::parse(["leader", "analyst", "analyst"]).unwrap();
        assert_eq!(ok.to_csv(), "analyst,leader");
    }
}
