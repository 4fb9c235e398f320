//! How long the audit log is kept, and the legal floors a setting may not go below (issue 9;
//! `../shared/research/reliability-security.md` T3 and §1.2). The floors are data — each with its
//! legal basis and the date it is in force from — and a setting below one is refused naming the
//! law. The log itself cannot be shortened by the application at all: the database refuses
//! UPDATE, DELETE and TRUNCATE on it (migration `0005_accounts`). Retention here says how long
//! rows must stay before an archived period (`tianping audit export`) could be pruned by a
//! separate, audited procedure; nothing in Tianping deletes audit rows.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A legal minimum retention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RetentionFloor {
    /// The record class it applies to (configuration key of its setting).
    pub key: &'static str,
    /// Minimum days.
    pub min_days: u32,
    /// The law, in Chinese.
    pub basis_zh: &'static str,
    /// The law, in English.
    pub basis_en: &'static str,
    /// In force from (the law's effective date).
    pub in_force_from: &'static str,
}

/// Network (security) logs: at least six months; 183 days covers any six calendar months.
pub const SECURITY_LOG_FLOOR: RetentionFloor = RetentionFloor {
    key: "audit_retention_days",
    min_days: 183,
    basis_zh: "《中华人民共和国网络安全法》第二十一条第（三）项：网络日志留存不少于六个月",
    basis_en: "Cybersecurity Law of the PRC, Art. 21(3): network logs kept for no less than six months",
    in_force_from: "2017-06-01",
};

/// Personal-information processing records: at least three years; 1,096 days covers any three
/// calendar years (one leap day).
pub const PERSONAL_RECORD_FLOOR: RetentionFloor = RetentionFloor {
    key: "personal_audit_retention_days",
    min_days: 1096,
    basis_zh: "《中华人民共和国个人信息保护法》第五十六条：个人信息保护影响评估报告和处理情况记录应当至少保存三年",
    basis_en: "Personal Information Protection Law of the PRC, Art. 56: impact assessment reports and processing records kept for at least three years",
    in_force_from: "2021-11-01",
};

/// Largest setting accepted (100 years): beyond it a value is a typo, not a policy.
pub const MAX_DAYS: u32 = 36_525;

/// A retention setting below its legal floor, or out of range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("配置项 {key} 的值 {value} 无效：{zh} / configuration {key} = {value} is invalid: {en}")]
pub struct RetentionError {
    /// The configuration key.
    pub key: String,
    /// The value given.
    pub value: u64,
    /// Why, in Chinese (names the law).
    pub zh: String,
    /// Why, in English (names the law).
    pub en: String,
}

/// The audit log's retention in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRetention {
    /// Days every audit row (security log) is kept at least.
    pub security_days: u32,
    /// Days personal-information processing records (views, unmasks, exports of personal data)
    /// are kept at least.
    pub personal_days: u32,
}

impl Default for AuditRetention {
    /// The legal floors themselves.
    fn default() -> Self {
        AuditRetention {
            security_days: SECURITY_LOG_FLOOR.min_days,
            personal_days: PERSONAL_RECORD_FLOOR.min_days,
        }
    }
}

fn checked(floor: &RetentionFloor, value: u64) -> Result<u32, RetentionError> {
    if value < u64::from(floor.min_days) {
        return Err(RetentionError {
            key: floor.key.into(),
            value,
            zh: format!(
                "不得少于 {} 天，依据{}（{} 起施行）",
                floor.min_days, floor.basis_zh, floor.in_force_from
            ),
            en: format!(
                "must be at least {} days under the {} (in force from {})",
                floor.min_days, floor.basis_en, floor.in_force_from
            ),
        });
    }
    if value > u64::from(MAX_DAYS) {
        return Err(RetentionError {
            key: floor.key.into(),
            value,
            zh: format!("不得超过 {MAX_DAYS} 天"),
            en: format!("must be at most {MAX_DAYS} days"),
        });
    }
    Ok(value as u32)
}

impl AuditRetention {
    /// Validates the settings (absent: the floor). The personal-record period may not be shorter
    /// than the security-log period, since those records are audit rows too.
    pub fn new(
        security_days: Option<u64>,
        personal_days: Option<u64>,
    ) -> Result<Self, RetentionError> {
        let security_days = checked(
            &SECURITY_LOG_FLOOR,
            security_days.unwrap_or(u64::from(SECURITY_LOG_FLOOR.min_days)),
        )?;
        let personal_days = checked(
            &PERSONAL_RECORD_FLOOR,
            personal_days.unwrap_or(u64::from(PERSONAL_RECORD_FLOOR.min_days)),
        )?;
        if personal_days < security_days {
            return Err(RetentionError {
                key: PERSONAL_RECORD_FLOOR.key.into(),
                value: u64::from(personal_days),
                zh: format!("不得少于 audit_retention_days（{security_days} 天）"),
                en: format!("must be at least audit_retention_days ({security_days} days)"),
            });
        }
        Ok(AuditRetention {
            security_days,
            personal_days,
        })
    }

    /// The longest period any audit row must be kept (the log mixes both classes).
    pub fn longest_days(&self) -> u32 {
        self.security_days.max(self.personal_days)
    }

    /// The first day on which rows written before `period_end` have all passed their retention:
    /// the earliest an archived period could be pruned.
    pub fn kept_until(&self, period_end: DateTime<Utc>) -> NaiveDate {
        (period_end + Duration::days(i64::from(self.longest_days()))).date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floors_are_the_law_and_values_below_are_refused_naming_it() {
        assert_eq!(
            AuditRetention::default(),
            AuditRetention::new(None, None).unwrap()
        );
        let e = AuditRetention::new(Some(182), None).unwrap_err();
        assert_eq!((e.key.as_str(), e.value), ("audit_retention_days", 182));
        assert!(e.to_string().contains("网络安全法"), "{e}");
        assert!(e.to_string().contains("Cybersecurity Law"), "{e}");
        let e = AuditRetention::new(None, Some(1095)).unwrap_err();
        assert_eq!(e.key, "personal_audit_retention_days");
        assert!(e.to_string().contains("个人信息保护法"), "{e}");
        assert!(e.to_string().contains("Art. 56"), "{e}");
        let e = AuditRetention::new(Some(2000), Some(1096)).unwrap_err();
        assert_eq!(
            (e.key.as_str(), e.value),
            ("personal_audit_retention_days", 1096)
        );
        assert!(AuditRetention::new(Some(u64::MAX), None).is_err());
        let r = AuditRetention::new(Some(183), Some(1096)).unwrap();
        assert_eq!(r.longest_days(), 1096);
        let r = AuditRetention::new(Some(400), Some(2000)).unwrap();
        assert_eq!((r.security_days, r.personal_days), (400, 2000));
    }

    #[test]
    fn a_period_is_kept_for_the_longest_retention_after_its_end() {
        let end = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let r = AuditRetention::default();
        assert_eq!(r.kept_until(end).to_string(), "2029-01-01");
    }
}
