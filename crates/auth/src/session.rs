//! Sessions and bearer credentials: opaque random tokens (256 bits from the caller's CSPRNG),
//! stored only as their SHA-256; a 30-minute idle timeout, a 12-hour absolute limit, and a
//! 5-minute window after (re-)authentication in which privileged actions are allowed.
//!
//! Tokens carry a prefix that says what they are: `tps_` staff sessions, `tpk_` platform API keys.

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

/// Idle timeout (等保 身份鉴别 b; N2: ≤ 30 minutes).
pub const IDLE_MINUTES: i64 = 30;
/// Absolute session lifetime.
pub const ABSOLUTE_HOURS: i64 = 12;
/// How recent the last authentication must be for a privileged action.
pub const REAUTH_MINUTES: i64 = 5;

/// What a token is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A staff session (`tps_`).
    Session,
    /// A platform API key (`tpk_`).
    ApiKey,
}

impl TokenKind {
    fn prefix(self) -> &'static str {
        match self {
            TokenKind::Session => "tps_",
            TokenKind::ApiKey => "tpk_",
        }
    }
}

/// A bearer token as presented by a client, checked for shape only.
#[derive(Clone, PartialEq, Eq)]
pub struct Token {
    kind: TokenKind,
    text: String,
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

impl Token {
    /// A new token from 32 random bytes.
    pub fn new(kind: TokenKind, random: &[u8; 32]) -> Token {
        Token {
            kind,
            text: format!("{}{}", kind.prefix(), hex::encode(random)),
        }
    }

    /// Parses a presented token: the prefix of `kind` and 64 lower-case hex digits.
    pub fn parse(kind: TokenKind, text: &str) -> Option<Token> {
        let rest = text.strip_prefix(kind.prefix())?;
        (rest.len() == 64 && rest.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))).then(
            || Token {
                kind,
                text: text.to_string(),
            },
        )
    }

    /// The token text, to give to the client once.
    pub fn reveal(&self) -> &str {
        &self.text
    }

    /// What is stored and looked up: SHA-256 of the token text, hex.
    pub fn storage_hash(&self) -> String {
        hex::encode(Sha256::digest(self.text.as_bytes()))
    }
}

/// The times of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionTimes {
    /// When it was created (login).
    pub created_at: DateTime<Utc>,
    /// Last request.
    pub last_seen: DateTime<Utc>,
    /// Last password + TOTP check (login or re-authentication).
    pub authenticated_at: DateTime<Utc>,
}

/// Why a session is no longer valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SessionExpired {
    /// Idle for more than [`IDLE_MINUTES`].
    #[error("会话因空闲超时已失效 / session expired after inactivity")]
    Idle,
    /// Older than [`ABSOLUTE_HOURS`].
    #[error("会话已超过最长时限 / session reached its maximum lifetime")]
    Absolute,
}

impl SessionTimes {
    /// A session created by a login at `now`.
    pub fn new(now: DateTime<Utc>) -> SessionTimes {
        SessionTimes {
            created_at: now,
            last_seen: now,
            authenticated_at: now,
        }
    }

    /// Whether the session is still valid at `now`.
    pub fn check(&self, now: DateTime<Utc>) -> Result<(), SessionExpired> {
        if now - self.created_at >= Duration::hours(ABSOLUTE_HOURS) {
            return Err(SessionExpired::Absolute);
        }
        if now - self.last_seen >= Duration::minutes(IDLE_MINUTES) {
            return Err(SessionExpired::Idle);
        }
        Ok(())
    }

    /// Whether a privileged action is allowed at `now` without re-authenticating.
    pub fn is_fresh(&self, now: DateTime<Utc>) -> bool {
        now - self.authenticated_at <= Duration::minutes(REAUTH_MINUTES)
            && now >= self.authenticated_at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + s, 0).unwrap()
    }

    #[test]
    fn tokens_round_trip_and_are_stored_hashed() {
        let token = Token::new(TokenKind::Session, &[0xab; 32]);
        assert!(token.reveal().starts_with("tps_abab"));
        assert_eq!(token.reveal().len(), 68);
        let parsed = Token::parse(TokenKind::Session, token.reveal()).unwrap();
        assert_eq!(parsed, token);
        assert_ne!(token.storage_hash(), token.reveal());
        assert_eq!(token.storage_hash().len(), 64);
        assert!(Token::parse(TokenKind::ApiKey, token.reveal()).is_none());
        assert!(Token::parse(TokenKind::Session, "tps_xyz").is_none());
        assert!(Token::parse(TokenKind::Session, &token.reveal().to_uppercase()).is_none());
        assert!(!format!("{token:?}").contains("abab"));
    }

    #[test]
    fn idle_and_absolute_timeouts() {
        let mut s = SessionTimes::new(t(0));
        assert_eq!(s.check(t(29 * 60 + 59)), Ok(()));
        assert_eq!(s.check(t(30 * 60)), Err(SessionExpired::Idle));
        // Kept alive by activity, it still ends after 12 hours.
        for minute in (0..12 * 60).step_by(20) {
            s.last_seen = t(minute * 60);
        }
        assert_eq!(s.check(t(12 * 3600 - 1)), Ok(()));
        assert_eq!(s.check(t(12 * 3600)), Err(SessionExpired::Absolute));
    }

    #[test]
    fn privileged_window_is_five_minutes() {
        let mut s = SessionTimes::new(t(0));
        assert!(s.is_fresh(t(300)));
        assert!(!s.is_fresh(t(301)));
        s.authenticated_at = t(1000);
        assert!(s.is_fresh(t(1200)));
        assert!(!s.is_fresh(t(999)));
    }
}
