//! Hash algorithms and the RFC 6962 §2.1 domain-separated leaf and node hashes.
//!
//! Both algorithms give 32 bytes, so one [`Hash`] type serves both; the algorithm travels beside
//! the hash (in every tree head, bundle and file header), never inside it.

use std::fmt;

use sha2::Digest as _;

/// Length in bytes of every hash this crate produces.
pub const HASH_LEN: usize = 32;

/// The hash function of a log. Recorded in every tree head and bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HashAlg {
    /// SHA-256 (FIPS 180-4), the hash of RFC 6962 and RFC 9162.
    Sha256,
    /// SM3 (GB/T 32905-2016, GM/T 0004-2012), the 商用密码 hash.
    Sm3,
}

impl HashAlg {
    /// Every algorithm, in code order.
    pub const ALL: [HashAlg; 2] = [HashAlg::Sha256, HashAlg::Sm3];

    /// The name used in manifests and reports: `sha256` or `sm3`.
    pub fn name(self) -> &'static str {
        match self {
            HashAlg::Sha256 => "sha256",
            HashAlg::Sm3 => "sm3",
        }
    }

    /// Parses [`HashAlg::name`].
    pub fn from_name(name: &str) -> Option<HashAlg> {
        HashAlg::ALL.into_iter().find(|alg| alg.name() == name)
    }

    /// The one-byte code used in binary encodings (heads, the file store header).
    pub fn code(self) -> u8 {
        match self {
            HashAlg::Sha256 => 1,
            HashAlg::Sm3 => 2,
        }
    }

    /// Parses [`HashAlg::code`].
    pub fn from_code(code: u8) -> Option<HashAlg> {
        HashAlg::ALL.into_iter().find(|alg| alg.code() == code)
    }

    /// The hash of the concatenation of `parts`.
    pub fn digest_parts(self, parts: &[&[u8]]) -> Hash {
        match self {
            HashAlg::Sha256 => {
                let mut hasher = sha2::Sha256::new();
                for part in parts {
                    hasher.update(part);
                }
                Hash(hasher.finalize().into())
            }
            HashAlg::Sm3 => {
                let mut hasher = <sm3::Sm3 as sm3::Digest>::new();
                for part in parts {
                    sm3::Digest::update(&mut hasher, part);
                }
                Hash(sm3::Digest::finalize(hasher).into())
            }
        }
    }

    /// The plain hash of `data`.
    pub fn digest(self, data: &[u8]) -> Hash {
        self.digest_parts(&[data])
    }

    /// A streaming hasher, for files.
    pub fn hasher(self) -> Hasher {
        match self {
            HashAlg::Sha256 => Hasher::Sha256(sha2::Sha256::new()),
            HashAlg::Sm3 => Hasher::Sm3(<sm3::Sm3 as sm3::Digest>::new()),
        }
    }

    /// RFC 6962 §2.1: `MTH({d}) = HASH(0x00 || d)`.
    pub fn leaf_hash(self, leaf_data: &[u8]) -> Hash {
        self.digest_parts(&[&[0x00], leaf_data])
    }

    /// RFC 6962 §2.1: `HASH(0x01 || left || right)`.
    pub fn node_hash(self, left: &Hash, right: &Hash) -> Hash {
        self.digest_parts(&[&[0x01], &left.0, &right.0])
    }

    /// RFC 6962 §2.1: the root of the empty tree is the hash of the empty string.
    pub fn empty_root(self) -> Hash {
        self.digest(&[])
    }
}

impl fmt::Display for HashAlg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A streaming hasher over one of the [`HashAlg`]s.
#[derive(Clone)]
pub enum Hasher {
    /// SHA-256 state.
    Sha256(sha2::Sha256),
    /// SM3 state.
    Sm3(sm3::Sm3),
}

impl Hasher {
    /// Feeds bytes.
    pub fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Sha256(h) => h.update(data),
            Hasher::Sm3(h) => sm3::Digest::update(h, data),
        }
    }

    /// The hash of everything fed.
    pub fn finish(self) -> Hash {
        match self {
            Hasher::Sha256(h) => Hash(h.finalize().into()),
            Hasher::Sm3(h) => Hash(sm3::Digest::finalize(h).into()),
        }
    }
}

/// A 32-byte hash (SHA-256 or SM3; which one is said by the context).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Hash(pub [u8; HASH_LEN]);

impl Hash {
    /// The bytes.
    pub fn as_bytes(&self) -> &[u8; HASH_LEN] {
        &self.0
    }

    /// Lowercase hex, 64 characters.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// Parses exactly 64 hex digits (either case).
    pub fn from_hex(text: &str) -> Option<Hash> {
        let mut out = [0u8; HASH_LEN];
        hex::decode_to_slice(text, &mut out).ok()?;
        Some(Hash(out))
    }

    /// Exactly 32 bytes, or `None`.
    pub fn from_slice(bytes: &[u8]) -> Option<Hash> {
        <[u8; HASH_LEN]>::try_from(bytes).ok().map(Hash)
    }
}

impl fmt::Debug for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash({})", self.to_hex())
    }
}

impl fmt::Display for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_round_trip() {
        for alg in HashAlg::ALL {
            assert_eq!(HashAlg::from_name(alg.name()), Some(alg));
            assert_eq!(HashAlg::from_code(alg.code()), Some(alg));
        }
        assert_eq!(HashAlg::from_name("md5"), None);
        assert_eq!(HashAlg::from_code(0), None);
    }

    #[test]
    fn streaming_equals_one_shot() {
        for alg in HashAlg::ALL {
            let mut h = alg.hasher();
            h.update(b"hello ");
            h.update(b"world");
            assert_eq!(h.finish(), alg.digest(b"hello world"));
        }
    }

    #[test]
    fn hex_parsing_is_strict() {
        let h = HashAlg::Sha256.digest(b"x");
        assert_eq!(Hash::from_hex(&h.to_hex()), Some(h));
        assert_eq!(Hash::from_hex(&h.to_hex()[..62]), None);
        assert_eq!(Hash::from_hex("zz"), None);
        assert_eq!(Hash::from_slice(&[0; 31]), None);
    }
}
