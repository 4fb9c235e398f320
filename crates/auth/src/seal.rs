//! Secrets sealed at rest (TOTP seeds): XChaCha20-Poly1305 (RustCrypto `chacha20poly1305`), a
//! 256-bit key kept outside the database, a random 192-bit nonce per sealing, and the owning
//! account's id as associated data, so a sealed secret copied onto another account does not open.
//!
//! Stored form: `xc1:` + hex(nonce ‖ ciphertext ‖ tag). Pure: key and nonce are arguments.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

/// Prefix of a sealed value (scheme and version).
pub const PREFIX: &str = "xc1:";

/// A sealed value that does not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    /// Not in the sealed form (for example a secret stored in the clear).
    #[error("the stored secret is not sealed (expected the {PREFIX} form)")]
    NotSealed,
    /// Wrong key, wrong account, or altered bytes.
    #[error("the stored secret does not open with this key for this account")]
    Forged,
}

/// Seals `plaintext` for the account `owner`.
pub fn seal(key: &[u8; 32], nonce: &[u8; 24], owner: &str, plaintext: &[u8]) -> String {
    let cipher = XChaCha20Poly1305::new(key.into());
    let sealed = cipher
        .encrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: plaintext,
                aad: owner.as_bytes(),
            },
        )
        // Encryption fails only for messages longer than the cipher allows (256 GiB).
        .unwrap_or_default();
    let mut out = Vec::with_capacity(24 + sealed.len());
    out.extend_from_slice(nonce);
    out.extend_from_slice(&sealed);
    format!("{PREFIX}{}", hex::encode(out))
}

/// Opens a value sealed for `owner`.
pub fn open(key: &[u8; 32], owner: &str, stored: &str) -> Result<Vec<u8>, SealError> {
    let bytes = stored
        .strip_prefix(PREFIX)
        .and_then(|h| hex::decode(h).ok())
        .ok_or(SealError::NotSealed)?;
    if bytes.len() < 24 + 16 {
        return Err(SealError::Forged);
    }
    let (nonce, sealed) = bytes.split_at(24);
    XChaCha20Poly1305::new(key.into())
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: owner.as_bytes(),
            },
        )
        .map_err(|_| SealError::Forged)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; 32] = [7; 32];
    const NONCE: [u8; 24] = [9; 24];
    const SECRET: &[u8] = b"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn sealed_secrets_open_only_with_the_key_for_the_account() {
        let sealed = seal(&KEY, &NONCE, "u-1", SECRET);
        assert!(sealed.starts_with(PREFIX));
        assert!(!sealed.contains("GEZDGNBV"));
        assert_eq!(open(&KEY, "u-1", &sealed).unwrap(), SECRET);
        assert_eq!(open(&[8; 32], "u-1", &sealed), Err(SealError::Forged));
        assert_eq!(open(&KEY, "u-2", &sealed), Err(SealError::Forged));
        // Every single-byte change of the stored form is detected.
        let hex_part = &sealed[PREFIX.len()..];
        for i in 0..hex_part.len() {
            let mut chars: Vec<char> = hex_part.chars().collect();
            chars[i] = if chars[i] == '0' { '1' } else { '0' };
            let altered = format!("{PREFIX}{}", chars.iter().collect::<String>());
            assert!(open(&KEY, "u-1", &altered).is_err(), "position {i}");
        }
        assert_eq!(
            open(&KEY, "u-1", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
            Err(SealError::NotSealed)
        );
        assert_eq!(open(&KEY, "u-1", "xc1:00"), Err(SealError::Forged));
        assert_eq!(open(&KEY, "u-1", "xc1:zz"), Err(SealError::NotSealed));
    }

    #[test]
    fn nonces_make_each_sealing_different() {
        assert_ne!(
            seal(&KEY, &[1; 24], "u-1", SECRET),
            seal(&KEY, &[2; 24], "u-1", SECRET)
        );
    }
}
