//! Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), the cryptographic second factor
//! every staff login needs (等保 2.0 身份鉴别 d).
//!
//! Authenticator apps use HMAC-SHA-1, 6 digits and 30-second steps ([`Totp::for_app`]); SHA-256
//! and SHA-512 are supported for the RFC's test vectors and stricter tokens. A code is accepted in
//! the current step or one step either side (clock drift), and never twice: the caller stores the
//! step of the last accepted code and passes it back.

use hmac::{Hmac, Mac};
use subtle::ConstantTimeEq;

/// HMAC of `message` under `key` with the given hash (HMAC takes keys of any length, so
/// `new_from_slice` cannot fail; an empty digest would only give a wrong code, never a panic).
macro_rules! hmac_with {
    ($hash:ty, $key:expr, $message:expr) => {
        match <Hmac<$hash> as Mac>::new_from_slice($key) {
            Ok(mut mac) => {
                mac.update($message);
                mac.finalize().into_bytes().to_vec()
            }
            Err(_) => Vec::new(),
        }
    };
}

/// The hash under the HMAC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotpAlgorithm {
    /// HMAC-SHA-1 (what authenticator apps implement).
    Sha1,
    /// HMAC-SHA-256.
    Sha256,
    /// HMAC-SHA-512.
    Sha512,
}

impl TotpAlgorithm {
    fn uri_name(self) -> &'static str {
        match self {
            TotpAlgorithm::Sha1 => "SHA1",
            TotpAlgorithm::Sha256 => "SHA256",
            TotpAlgorithm::Sha512 => "SHA512",
        }
    }
}

/// Why a code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TotpError {
    /// Not exactly the expected number of ASCII digits.
    #[error("动态口令格式错误 / the one-time code is malformed")]
    Malformed,
    /// No step in the window gives this code.
    #[error("动态口令错误 / the one-time code is wrong")]
    Wrong,
    /// The code of a step already used.
    #[error("动态口令已使用 / the one-time code was already used")]
    Reused,
    /// The time is before 1970 (a caller bug).
    #[error("time before the Unix epoch")]
    BadTime,
}

/// Errors of building a TOTP.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TotpSetupError {
    /// The secret is shorter than 128 bits (RFC 4226 §4 R6).
    #[error("TOTP secret has {0} bytes; at least 16 are required")]
    SecretTooShort(usize),
    /// Digits outside 6..=8.
    #[error("TOTP digits must be 6 to 8, not {0}")]
    Digits(u32),
    /// A stored base32 secret cannot be decoded.
    #[error("stored TOTP secret is not base32")]
    NotBase32,
}

/// A TOTP generator and verifier for one secret.
#[derive(Clone, PartialEq, Eq)]
pub struct Totp {
    secret: Vec<u8>,
    algorithm: TotpAlgorithm,
    digits: u32,
    step_seconds: u64,
}

impl std::fmt::Debug for Totp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the secret.
        f.debug_struct("Totp")
            .field("algorithm", &self.algorithm)
            .field("digits", &self.digits)
            .finish_non_exhaustive()
    }
}

impl Totp {
    /// A TOTP with any algorithm, 6–8 digits, 30-second steps.
    pub fn new(
        secret: &[u8],
        algorithm: TotpAlgorithm,
        digits: u32,
    ) -> Result<Totp, TotpSetupError> {
        if secret.len() < 16 {
            return Err(TotpSetupError::SecretTooShort(secret.len()));
        }
        if !(6..=8).contains(&digits) {
            return Err(TotpSetupError::Digits(digits));
        }
        Ok(Totp {
            secret: secret.to_vec(),
            algorithm,
            digits,
            step_seconds: 30,
        })
    }

    /// What authenticator apps expect: a 160-bit secret, SHA-1, 6 digits, 30 s.
    pub fn for_app(secret: [u8; 20]) -> Totp {
        Totp {
            secret: secret.to_vec(),
            algorithm: TotpAlgorithm::Sha1,
            digits: 6,
            step_seconds: 30,
        }
    }

    /// Rebuilds an app TOTP from its stored base32 secret.
    pub fn from_base32(secret: &str) -> Result<Totp, TotpSetupError> {
        let bytes = data_encoding::BASE32_NOPAD
            .decode(secret.as_bytes())
            .map_err(|_| TotpSetupError::NotBase32)?;
        Totp::new(&bytes, TotpAlgorithm::Sha1, 6)
    }

    /// The secret in base32 without padding (what apps and the store keep).
    pub fn secret_base32(&self) -> String {
        data_encoding::BASE32_NOPAD.encode(&self.secret)
    }

    /// The `otpauth://` URI to show as a QR code at enrolment.
    pub fn otpauth_uri(&self, issuer: &str, account: &str) -> String {
        let issuer = percent(issuer);
        format!(
            "otpauth://totp/{issuer}:{account}?secret={secret}&issuer={issuer}&algorithm={alg}&digits={digits}&period={period}",
            account = percent(account),
            secret = self.secret_base32(),
            alg = self.algorithm.uri_name(),
            digits = self.digits,
            period = self.step_seconds,
        )
    }

    /// The step number of a Unix time.
    pub fn step_of(&self, unix_seconds: i64) -> Result<u64, TotpError> {
        let t = u64::try_from(unix_seconds).map_err(|_| TotpError::BadTime)?;
        Ok(t / self.step_seconds)
    }

    /// The code of a step (RFC 4226 §5.3 dynamic truncation).
    pub fn code_for_step(&self, step: u64) -> String {
        let message = step.to_be_bytes();
        let digest = match self.algorithm {
            TotpAlgorithm::Sha1 => hmac_with!(sha1::Sha1, &self.secret, &message),
            TotpAlgorithm::Sha256 => hmac_with!(sha2::Sha256, &self.secret, &message),
            TotpAlgorithm::Sha512 => hmac_with!(sha2::Sha512, &self.secret, &message),
        };
        let offset = usize::from(digest.last().copied().unwrap_or(0) & 0x0f);
        let word = digest
            .get(offset..offset + 4)
            .map(|b| u32::from_be_bytes([b[0] & 0x7f, b[1], b[2], b[3]]))
            .unwrap_or(0);
        let modulus = 10u32.pow(self.digits);
        format!("{:0width$}", word % modulus, width = self.digits as usize)
    }

    /// The code at a Unix time.
    pub fn code_at(&self, unix_seconds: i64) -> Result<String, TotpError> {
        Ok(self.code_for_step(self.step_of(unix_seconds)?))
    }

    /// Checks a code at `now` (Unix seconds) against the current step ± 1. `last_used_step` is
    /// the step of the last code accepted for this secret; a code of that step or earlier is
    /// refused. Returns the step to store.
    pub fn verify(
        &self,
        code: &str,
        now_unix_seconds: i64,
        last_used_step: Option<u64>,
    ) -> Result<u64, TotpError> {
        if code.len() != self.digits as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(TotpError::Malformed);
        }
        let now = self.step_of(now_unix_seconds)?;
        let mut matched = None;
        for step in [now.saturating_sub(1), now, now + 1] {
            let expected = self.code_for_step(step);
            if bool::from(expected.as_bytes().ct_eq(code.as_bytes())) && matched.is_none() {
                matched = Some(step);
            }
        }
        let step = matched.ok_or(TotpError::Wrong)?;
        if last_used_step.is_some_and(|last| step <= last) {
            return Err(TotpError::Reused);
        }
        Ok(step)
    }
}

fn percent(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED20: &[u8] = b"12345678901234567890";
    const SEED32: &[u8] = b"12345678901234567890123456789012";
    const SEED64: &[u8] = b"1234567890123456789012345678901234567890123456789012345678901234";

    /// RFC 6238 Appendix B: (time, SHA-1, SHA-256, SHA-512), 8 digits.
    const VECTORS: &[(i64, &str, &str, &str)] = &[
        (59, "94287082", "46119246", "90693936"),
        (1111111109, "07081804", "68084774", "25091201"),
        (1111111111, "14050471", "67062674", "99943326"),
        (1234567890, "89005924", "91819424", "93441116"),
        (2000000000, "69279037", "90698825", "38618901"),
        (20000000000, "65353130", "77737706", "47863826"),
    ];

    #[test]
    fn rfc6238_appendix_b_vectors() {
        let sha1 = Totp::new(SEED20, TotpAlgorithm::Sha1, 8).unwrap();
        let sha256 = Totp::new(SEED32, TotpAlgorithm::Sha256, 8).unwrap();
        let sha512 = Totp::new(SEED64, TotpAlgorithm::Sha512, 8).unwrap();
        for &(t, c1, c256, c512) in VECTORS {
            assert_eq!(sha1.code_at(t).unwrap(), c1, "SHA-1 at {t}");
            assert_eq!(sha256.code_at(t).unwrap(), c256, "SHA-256 at {t}");
            assert_eq!(sha512.code_at(t).unwrap(), c512, "SHA-512 at {t}");
        }
    }

    #[test]
    fn accepts_one_step_either_side_and_no_further() {
        let totp = Totp::for_app(*b"12345678901234567890");
        let now = 1_700_000_000;
        let step = totp.step_of(now).unwrap();
        for delta in [-1i64, 0, 1] {
            let code = totp.code_for_step(step.wrapping_add_signed(delta));
            assert_eq!(
                totp.verify(&code, now, None),
                Ok(step.wrapping_add_signed(delta))
            );
        }
        for delta in [-2i64, 2] {
            let code = totp.code_for_step(step.wrapping_add_signed(delta));
            // A far step's code could equal a near one's by chance; these do not.
            assert_ne!(code, totp.code_for_step(step));
            assert_eq!(totp.verify(&code, now, None), Err(TotpError::Wrong));
        }
    }

    #[test]
    fn a_code_is_not_accepted_twice() {
        let totp = Totp::for_app(*b"abcdefghijabcdefghij");
        let now = 1_700_000_015;
        let code = totp.code_at(now).unwrap();
        let used = totp.verify(&code, now, None).unwrap();
        assert_eq!(
            totp.verify(&code, now + 5, Some(used)),
            Err(TotpError::Reused)
        );
        // The previous step's code is also refused once a later one was used.
        let previous = totp.code_for_step(used - 1);
        assert_eq!(
            totp.verify(&previous, now, Some(used)),
            Err(TotpError::Reused)
        );
        // The next step's code is still fine.
        let next = totp.code_for_step(used + 1);
        assert_eq!(totp.verify(&next, now + 30, Some(used)), Ok(used + 1));
    }

    #[test]
    fn malformed_codes_and_times() {
        let totp = Totp::for_app([9; 20]);
        for code in ["", "12345", "1234567", "12a456", "１２３４５６", "123 45"] {
            assert_eq!(
                totp.verify(code, 1_700_000_000, None),
                Err(TotpError::Malformed),
                "{code:?}"
            );
        }
        assert_eq!(totp.code_at(-1), Err(TotpError::BadTime));
    }

    #[test]
    fn base32_round_trip_and_uri() {
        let totp = Totp::for_app(*b"12345678901234567890");
        let b32 = totp.secret_base32();
        assert_eq!(b32, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(Totp::from_base32(&b32).unwrap(), totp);
        assert_eq!(
            Totp::from_base32("not base32!"),
            Err(TotpSetupError::NotBase32)
        );
        let uri = totp.otpauth_uri("天平", "li.ming");
        assert!(uri.starts_with("otpauth://totp/%E5%A4%A9%E5%B9%B3:li.ming?secret=GEZDG"));
        assert!(uri.contains("algorithm=SHA1&digits=6&period=30"));
        assert!(!format!("{totp:?}").contains("GEZDG"));
    }

    #[test]
    fn short_secrets_are_refused() {
        assert_eq!(
            Totp::new(&[1; 10], TotpAlgorithm::Sha1, 6),
            Err(TotpSetupError::SecretTooShort(10))
        );
        assert_eq!(
            Totp::new(&[1; 20], TotpAlgorithm::Sha1, 9),
            Err(TotpSetupError::Digits(9))
        );
    }
}
