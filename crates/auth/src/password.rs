//! Password hashing (argon2id, OWASP parameters m = 19 MiB, t = 2, p = 1) and the password policy
//! (government profile: ≥ 12 characters, 3 of 4 character classes, ≤ 128, not the user name,
//! not on the block list).
//!
//! Hashes are PHC strings (`$argon2id$v=19$m=19456,t=2,p=1$…`). A stored hash with weaker
//! parameters still verifies, and [`needs_rehash`] tells the caller to replace it.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

/// Memory cost in KiB (OWASP Password Storage Cheat Sheet: 19 MiB).
pub const MEMORY_KIB: u32 = 19_456;
/// Iterations.
pub const ITERATIONS: u32 = 2;
/// Parallelism.
pub const PARALLELISM: u32 = 1;
/// Shortest password accepted.
pub const MIN_LENGTH: usize = 12;
/// Longest password accepted (ASVS 6.2.9 asks that at least 64 be allowed).
pub const MAX_LENGTH: usize = 128;

/// Passwords refused whatever their shape (lower-cased comparison). A seed list; deployments
/// extend it through [`PasswordPolicy::with_blocklist`].
const BLOCKLIST: &[&str] = &[
    "password1234",
    "password@123",
    "passw0rd1234",
    "admin1234567",
    "admin@123456",
    "qwerty123456",
    "1qaz2wsx3edc",
    "1qaz@wsx3edc",
    "abc123456789",
    "p@ssw0rd1234",
    "welcome12345",
    "tianping1234",
    "tianping@123",
    "hangzhou@123",
];

/// Why a password was refused. Messages are zh-CN first with English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyViolation {
    /// Shorter than [`MIN_LENGTH`].
    #[error("密码至少 {min} 个字符 / password must have at least {min} characters")]
    TooShort {
        /// The minimum.
        min: usize,
    },
    /// Longer than [`MAX_LENGTH`].
    #[error("密码至多 {max} 个字符 / password must have at most {max} characters")]
    TooLong {
        /// The maximum.
        max: usize,
    },
    /// Fewer than 3 of: lower case, upper case, digit, other.
    #[error(
        "密码须包含大写字母、小写字母、数字、其他字符中的至少三类 / password must mix at least 3 of upper case, lower case, digits and other characters"
    )]
    TooFewClasses,
    /// Contains the user name.
    #[error("密码不得包含用户名 / password must not contain the user name")]
    ContainsUserName,
    /// On the block list.
    #[error("密码过于常见 / password is too common")]
    Blocked,
}

/// Errors of hashing and verifying (our side, not the user's).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HashError {
    /// The stored hash is not a PHC string we can read.
    #[error("stored password hash cannot be read: {0}")]
    BadStoredHash(String),
    /// argon2 refused the parameters or input.
    #[error("password hashing failed: {0}")]
    Hashing(String),
}

/// The password policy.
#[derive(Debug, Clone, Default)]
pub struct PasswordPolicy {
    extra_blocklist: Vec<String>,
}

impl PasswordPolicy {
    /// The default policy plus more blocked passwords.
    pub fn with_blocklist(extra: impl IntoIterator<Item = String>) -> PasswordPolicy {
        PasswordPolicy {
            extra_blocklist: extra.into_iter().map(|s| s.to_lowercase()).collect(),
        }
    }

    /// Checks a new password for a user.
    pub fn check(&self, password: &str, user_name: &str) -> Result<(), PolicyViolation> {
        let n = password.chars().count();
        if n < MIN_LENGTH {
            return Err(PolicyViolation::TooShort { min: MIN_LENGTH });
        }
        if n > MAX_LENGTH {
            return Err(PolicyViolation::TooLong { max: MAX_LENGTH });
        }
        let classes = [
            password.chars().any(|c| c.is_ascii_lowercase()),
            password.chars().any(|c| c.is_ascii_uppercase()),
            password.chars().any(|c| c.is_ascii_digit()),
            password.chars().any(|c| !c.is_ascii_alphanumeric()),
        ]
        .into_iter()
        .filter(|&b| b)
        .count();
        if classes < 3 {
            return Err(PolicyViolation::TooFewClasses);
        }
        let lower = password.to_lowercase();
        let user = user_name.trim().to_lowercase();
        if user.chars().count() >= 3 && lower.contains(&user) {
            return Err(PolicyViolation::ContainsUserName);
        }
        if BLOCKLIST.contains(&lower.as_str()) || self.extra_blocklist.contains(&lower) {
            return Err(PolicyViolation::Blocked);
        }
        Ok(())
    }
}

fn hasher() -> Result<Argon2<'static>, HashError> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None)
        .map_err(|e| HashError::Hashing(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password with a 16-byte random salt the caller drew from a CSPRNG.
pub fn hash_password(password: &str, salt: &[u8; 16]) -> Result<String, HashError> {
    let salt = SaltString::encode_b64(salt).map_err(|e| HashError::Hashing(e.to_string()))?;
    hasher()?
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| HashError::Hashing(e.to_string()))
}

/// Whether `candidate` matches a stored PHC hash (constant time in the hash comparison).
pub fn verify_password(stored: &str, candidate: &str) -> Result<bool, HashError> {
    let parsed = PasswordHash::new(stored).map_err(|e| HashError::BadStoredHash(e.to_string()))?;
    if parsed.algorithm.as_str() != "argon2id" {
        return Err(HashError::BadStoredHash(format!(
            "algorithm {} is not argon2id",
            parsed.algorithm
        )));
    }
    match hasher()?.verify_password(candidate.as_bytes(), &parsed) {
        Ok(()) => Ok(true),
        Err(argon2::password_hash::Error::Password) => Ok(false),
        Err(e) => Err(HashError::BadStoredHash(e.to_string())),
    }
}

/// Whether a stored hash uses weaker parameters than the current ones.
pub fn needs_rehash(stored: &str) -> Result<bool, HashError> {
    let parsed = PasswordHash::new(stored).map_err(|e| HashError::BadStoredHash(e.to_string()))?;
    let params = Params::try_from(&parsed).map_err(|e| HashError::BadStoredHash(e.to_string()))?;
    Ok(parsed.algorithm.as_str() != "argon2id"
        || params.m_cost() < MEMORY_KIB
        || params.t_cost() < ITERATIONS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_uses_owasp_parameters_and_verifies() {
        let hash = hash_password("Correct-Horse-42", &[7; 16]).unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_password(&hash, "Correct-Horse-42").unwrap());
        assert!(!verify_password(&hash, "Correct-Horse-43").unwrap());
        assert!(!needs_rehash(&hash).unwrap());
    }

    #[test]
    fn different_salts_give_different_hashes() {
        let a = hash_password("Correct-Horse-42", &[1; 16]).unwrap();
        let b = hash_password("Correct-Horse-42", &[2; 16]).unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn weak_stored_hash_verifies_but_needs_rehash() {
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8, 1, 1, None).unwrap(),
        );
        let salt = SaltString::encode_b64(&[3; 16]).unwrap();
        let hash = weak
            .hash_password(b"Correct-Horse-42", &salt)
            .unwrap()
            .to_string();
        assert!(verify_password(&hash, "Correct-Horse-42").unwrap());
        assert!(needs_rehash(&hash).unwrap());
    }

    #[test]
    fn garbage_stored_hash_is_an_error_not_a_panic() {
        assert!(matches!(
            verify_password("not a hash", "x"),
            Err(HashError::BadStoredHash(_))
        ));
        assert!(verify_password("", "").is_err());
    }

    #[test]
    fn policy_refuses_each_weakness() {
        let p = PasswordPolicy::default();
        assert_eq!(
            p.check("Ab1!", "li"),
            Err(PolicyViolation::TooShort { min: 12 })
        );
        assert_eq!(
            p.check(&"Ab1!".repeat(40), "li"),
            Err(PolicyViolation::TooLong { max: 128 })
        );
        assert_eq!(
            p.check("abcdefghijkl1", "li"),
            Err(PolicyViolation::TooFewClasses)
        );
        assert_eq!(
            p.check("Xx-zhangwei-2024", "zhangwei"),
            Err(PolicyViolation::ContainsUserName)
        );
        assert_eq!(p.check("P@ssw0rd1234", "li"), Err(PolicyViolation::Blocked));
        assert_eq!(p.check("Correct-Horse-42", "zhangwei"), Ok(()));
        let custom = PasswordPolicy::with_blocklist(["Correct-Horse-42".to_string()]);
        assert_eq!(
            custom.check("correct-horse-42".to_uppercase().as_str(), "x"),
            Err(PolicyViolation::Blocked)
        );
    }

    #[test]
    fn chinese_passwords_count_characters_not_bytes() {
        // 6 CJK characters are 18 bytes but only 6 characters: too short.
        assert!(matches!(
            PasswordPolicy::default().check("天平天平天平", "x"),
            Err(PolicyViolation::TooShort { .. })
        ));
    }
}
