//! Scopes: every staff account and every record belongs to a department and a region (an NBS
//! division code, GB/T 2260 "adcode"). A region covers its subdivisions: a province code
//! (`330000`) covers `33xxxx`, a city code (`330100`) covers `3301xx`, a district only itself.

use serde::{Deserialize, Serialize};

/// Why a scope value is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScopeError {
    /// Not a department id.
    #[error(
        "部门编号 {0:?} 无效（1–64 个小写字母、数字、- 或 _）/ department id {0:?} is invalid (1–64 of a-z, 0-9, - and _)"
    )]
    Department(String),
    /// Not a 6-digit adcode.
    #[error("行政区划代码 {0:?} 无效（6 位数字）/ region {0:?} is not a 6-digit division code")]
    Region(String),
}

fn clip(s: &str) -> String {
    s.chars().take(64).collect()
}

/// A department id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DepartmentId(String);

impl DepartmentId {
    /// Parses a department id.
    pub fn parse(s: &str) -> Result<DepartmentId, ScopeError> {
        let ok = (1..=64).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        ok.then(|| DepartmentId(s.to_string()))
            .ok_or_else(|| ScopeError::Department(clip(s)))
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for DepartmentId {
    type Error = ScopeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        DepartmentId::parse(&s)
    }
}

impl From<DepartmentId> for String {
    fn from(d: DepartmentId) -> String {
        d.0
    }
}

/// A 6-digit division code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Adcode(String);

impl Adcode {
    /// Parses an adcode: 6 ASCII digits, not starting with 0.
    pub fn parse(s: &str) -> Result<Adcode, ScopeError> {
        let b = s.as_bytes();
        let ok = b.len() == 6 && b.iter().all(u8::is_ascii_digit) && b[0] != b'0';
        ok.then(|| Adcode(s.to_string()))
            .ok_or_else(|| ScopeError::Region(clip(s)))
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The prefix shared by every code this one covers (`33`, `3301` or the whole code).
    pub fn cover_prefix(&self) -> &str {
        let s = self.0.as_str();
        if s.ends_with("0000") {
            &s[..2]
        } else if s.ends_with("00") {
            &s[..4]
        } else {
            s
        }
    }

    /// Whether this region is `other` or contains it.
    pub fn covers(&self, other: &Adcode) -> bool {
        other.0.starts_with(self.cover_prefix())
    }
}

impl TryFrom<String> for Adcode {
    type Error = ScopeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Adcode::parse(&s)
    }
}

impl From<Adcode> for String {
    fn from(a: Adcode) -> String {
        a.0
    }
}

/// Where an account or a record belongs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Scope {
    /// Department.
    pub department: DepartmentId,
    /// Region.
    pub region: Adcode,
}

impl Scope {
    /// Parses both parts.
    pub fn parse(department: &str, region: &str) -> Result<Scope, ScopeError> {
        Ok(Scope {
            department: DepartmentId::parse(department)?,
            region: Adcode::parse(region)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_cover() {
        let zj = Adcode::parse("330000").unwrap();
        let hz = Adcode::parse("330100").unwrap();
        let xihu = Adcode::parse("330106").unwrap();
        let nb = Adcode::parse("330200").unwrap();
        assert!(zj.covers(&hz) && zj.covers(&xihu) && zj.covers(&nb));
        assert!(hz.covers(&xihu) && hz.covers(&hz));
        assert!(!hz.covers(&nb) && !hz.covers(&zj));
        assert!(!xihu.covers(&hz) && xihu.covers(&xihu));
    }

    #[test]
    fn bad_values_name_themselves() {
        assert_eq!(
            Adcode::parse("33010"),
            Err(ScopeError::Region("33010".into()))
        );
        assert!(Adcode::parse("033010").is_err());
        assert!(Adcode::parse("３３０１００").is_err());
        assert_eq!(
            DepartmentId::parse("Net Supervision"),
            Err(ScopeError::Department("Net Supervision".into()))
        );
        assert!(DepartmentId::parse("").is_err());
        assert!(DepartmentId::parse("wangjian-1").is_ok());
        let err = ScopeError::Region("x".into()).to_string();
        assert!(err.contains("行政区划代码") && err.contains("division code"));
    }
}
