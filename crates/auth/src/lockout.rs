//! Account lockout: 5 consecutive failed logins lock the account for 15 minutes (等保 2.0
//! 身份鉴别 b; reliability-security.md N2). While locked, attempts are refused without checking
//! credentials and do not extend the lock.

use chrono::{DateTime, Duration, Utc};

/// Failures that lock an account.
pub const MAX_FAILURES: u32 = 5;
/// How long a lock lasts.
pub const LOCK_MINUTES: i64 = 15;

/// The lock state of an account as stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LockState {
    /// Consecutive failures since the last success or lock.
    pub failures: u32,
    /// Locked until this time, if locked.
    pub locked_until: Option<DateTime<Utc>>,
}

impl LockState {
    /// Whether the account is locked at `now`.
    pub fn is_locked(&self, now: DateTime<Utc>) -> bool {
        self.locked_until.is_some_and(|until| now < until)
    }

    /// The state after a failed attempt at `now`. The fifth consecutive failure locks.
    pub fn after_failure(&self, now: DateTime<Utc>) -> LockState {
        if self.is_locked(now) {
            return *self;
        }
        // A lock that has run out starts a fresh count.
        let failures = if self.locked_until.is_some() {
            1
        } else {
            self.failures.saturating_add(1)
        };
        if failures >= MAX_FAILURES {
            LockState {
                failures: 0,
                locked_until: Some(now + Duration::minutes(LOCK_MINUTES)),
            }
        } else {
            LockState {
                failures,
                locked_until: None,
            }
        }
    }

    /// The state after a successful login.
    pub fn after_success(&self) -> LockState {
        LockState::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + s, 0).unwrap()
    }

    #[test]
    fn five_failures_lock_for_fifteen_minutes() {
        let mut s = LockState::default();
        for i in 1..=4 {
            s = s.after_failure(t(i));
            assert!(!s.is_locked(t(i)), "after {i} failures");
        }
        s = s.after_failure(t(5));
        assert!(s.is_locked(t(5)));
        assert!(s.is_locked(t(5 + 15 * 60 - 1)));
        assert!(!s.is_locked(t(5 + 15 * 60)));
    }

    #[test]
    fn attempts_while_locked_do_not_extend_the_lock() {
        let mut s = LockState::default();
        for i in 0..5 {
            s = s.after_failure(t(i));
        }
        let until = s.locked_until;
        s = s.after_failure(t(600));
        assert_eq!(s.locked_until, until);
    }

    #[test]
    fn success_resets_and_expired_lock_starts_over() {
        let mut s = LockState::default();
        for i in 0..4 {
            s = s.after_failure(t(i));
        }
        s = s.after_success();
        assert_eq!(s, LockState::default());
        for i in 0..5 {
            s = s.after_failure(t(i));
        }
        let later = t(4 + 15 * 60);
        assert!(!s.is_locked(later));
        s = s.after_failure(later);
        assert_eq!(s.failures, 1);
        assert!(!s.is_locked(later));
    }
}
