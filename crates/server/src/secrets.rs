//! The key that seals TOTP secrets at rest: 32 random bytes in `<home>/keys/totp.key` (mode 0600),
//! created on first use, never in the database — a copy of the database alone does not give the
//! second factor away. Sealing itself is `tianping_auth::seal` (bound to the account id).

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::sync::Mutex;

use tianping_auth::seal;

use crate::clock::random_bytes;
use crate::error::ApiError;

/// The TOTP sealing key of a home, loaded (or created) on first use.
#[derive(Debug)]
pub struct TotpKey {
    path: PathBuf,
    key: Mutex<Option<[u8; 32]>>,
}

impl TotpKey {
    /// The key at `<home>/keys/totp.key`.
    pub fn new(home: &std::path::Path) -> TotpKey {
        TotpKey {
            path: home.join("keys").join("totp.key"),
            key: Mutex::new(None),
        }
    }

    fn load_or_create(&self) -> io::Result<[u8; 32]> {
        let mut held = self
            .key
            .lock()
            .map_err(|_| io::Error::other("totp key lock poisoned"))?;
        if let Some(k) = *held {
            return Ok(k);
        }
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let key = match options.open(&self.path) {
            Ok(mut f) => {
                let k: [u8; 32] = random_bytes().map_err(|e| io::Error::other(e.to_string()))?;
                f.write_all(&k)?;
                f.sync_all()?;
                k
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let mut bytes = Vec::new();
                std::fs::File::open(&self.path)?.read_to_end(&mut bytes)?;
                <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
                    io::Error::other(format!(
                        "{} holds {} bytes, not a 32-byte key",
                        self.path.display(),
                        bytes.len()
                    ))
                })?
            }
            Err(e) => return Err(e),
        };
        *held = Some(key);
        Ok(key)
    }

    /// Seals a TOTP secret (base32 text) for the account `user_id`.
    pub fn seal(&self, user_id: &str, secret_base32: &str) -> Result<String, ApiError> {
        let key = self.load_or_create().map_err(ApiError::internal)?;
        let nonce: [u8; 24] = random_bytes().map_err(ApiError::internal)?;
        Ok(seal::seal(&key, &nonce, user_id, secret_base32.as_bytes()))
    }

    /// Opens the stored TOTP secret of the account `user_id` (an internal error if it does not
    /// open: a wrong key, a secret moved between accounts, or one stored in the clear).
    pub fn open(&self, user_id: &str, stored: &str) -> Result<String, ApiError> {
        let key = self.load_or_create().map_err(ApiError::internal)?;
        let bytes = seal::open(&key, user_id, stored).map_err(ApiError::internal)?;
        String::from_utf8(bytes).map_err(ApiError::internal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_created_once_private_and_reused() {
        let home = tempfile::tempdir().unwrap();
        let a = TotpKey::new(home.path());
        let sealed = a.seal("u-1", "GEZDGNBVGY3TQOJQ").unwrap();
        let path = home.path().join("keys/totp.key");
        assert_eq!(std::fs::read(&path).unwrap().len(), 32);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // Another process (a new TotpKey) reads the same key.
        let b = TotpKey::new(home.path());
        assert_eq!(b.open("u-1", &sealed).unwrap(), "GEZDGNBVGY3TQOJQ");
        assert!(b.open("u-2", &sealed).is_err());
        assert!(
            b.open("u-1", "GEZDGNBVGY3TQOJQ").is_err(),
            "clear text refused"
        );
        // A damaged key file is an error, not a new key.
        std::fs::write(&path, b"short").unwrap();
        assert!(TotpKey::new(home.path()).open("u-1", &sealed).is_err());
    }
}
