//! Tree heads, their canonical encoding, and Ed25519 signatures over it.
//!
//! # Head encoding, version 1 (frozen)
//!
//! ```text
//! "TPSTH"        5 bytes, magic (distinct from every other signed message of this crate)
//! 0x01           1 byte, encoding version
//! log_id         str: u32 big-endian byte length, then UTF-8 (≤ 64 KiB)
//! hash_alg       1 byte: 1 SHA-256, 2 SM3
//! tree_size      u64 big-endian
//! root           32 bytes
//! timestamp      i64 big-endian, milliseconds since 1970-01-01T00:00:00Z (given by the caller)
//! ```
//!
//! The signature is Ed25519 (RFC 8032, pure, no pre-hash) over exactly these bytes.
//!
//! SM2 is not offered yet: the RustCrypto `sm2` crate (0.14) says of itself that its curve
//! arithmetic "has never been independently audited", and a 密评 assessment scores software keys
//! poorly on key management anyway (`reliability-security.md` §1.5–1.6); SM2 signing belongs
//! behind a hardware-module provider. The encoding names the signature algorithm in
//! [`SignedTreeHead::sig_alg`], so SM2 heads can be added without changing it.

use ed25519_dalek::{Signer as _, Verifier as _};

use crate::codec::{DecodeError, MAX_STRING_BYTES, Reader, Writer};
use crate::hash::{Hash, HashAlg};

const MAGIC: &[u8; 5] = b"TPSTH";
const VERSION: u8 = 1;

/// The state of a log at one size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeHead {
    /// Which log (e.g. `hangzhou-amr/evidence/1`).
    pub log_id: String,
    /// The log's hash algorithm.
    pub alg: HashAlg,
    /// Number of leaves.
    pub size: u64,
    /// Root hash of those leaves.
    pub root: Hash,
    /// When the head was made (ms since the Unix epoch, UTC), given by the caller.
    pub timestamp_ms: i64,
}

impl TreeHead {
    /// The canonical bytes that are signed. A `log_id` over 64 KiB is cut to a length prefix of
    /// `u32::MAX` and so never decodes; callers keep ids short.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.bytes(MAGIC)
            .u8(VERSION)
            .str(&self.log_id)
            .u8(self.alg.code())
            .u64(self.size)
            .hash(&self.root)
            .i64(self.timestamp_ms);
        w.buf
    }

    /// Decodes [`TreeHead::encode`]'s output, and nothing else.
    pub fn decode(bytes: &[u8]) -> Result<TreeHead, DecodeError> {
        let mut r = Reader::new(bytes);
        if r.take(5, "magic")? != MAGIC || r.u8("version")? != VERSION {
            return Err(DecodeError::BadMagic);
        }
        let log_id = r.str("log_id")?;
        let code = r.u8("hash_alg")?;
        let alg = HashAlg::from_code(code).ok_or(DecodeError::UnknownCode {
            field: "hash_alg",
            code,
        })?;
        let head = TreeHead {
            log_id,
            alg,
            size: r.u64("tree_size")?,
            root: r.hash("root")?,
            timestamp_ms: r.i64("timestamp")?,
        };
        r.finish()?;
        Ok(head)
    }
}

/// A signature algorithm for heads and bundles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SigAlg {
    /// Ed25519 (RFC 8032).
    Ed25519,
}

impl SigAlg {
    /// The name used in manifests: `ed25519`.
    pub fn name(self) -> &'static str {
        match self {
            SigAlg::Ed25519 => "ed25519",
        }
    }

    /// Parses [`SigAlg::name`].
    pub fn from_name(name: &str) -> Option<SigAlg> {
        (name == "ed25519").then_some(SigAlg::Ed25519)
    }
}

/// A head with its signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedTreeHead {
    /// The head.
    pub head: TreeHead,
    /// The signature algorithm.
    pub sig_alg: SigAlg,
    /// SHA-256 of the public key bytes, naming the key.
    pub key_id: Hash,
    /// The signature over [`TreeHead::encode`].
    pub signature: Vec<u8>,
}

/// Why a signature does not verify.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// The signature was made with another key.
    #[error("signed by key {found}, expected key {expected}")]
    WrongKey {
        /// The key id expected.
        expected: String,
        /// The key id in the signed object.
        found: String,
    },
    /// The signature bytes are malformed or do not verify.
    #[error("the signature does not verify")]
    Invalid,
    /// The public key bytes are not a valid key.
    #[error("the public key is not a valid {0} key")]
    BadKey(&'static str),
}

/// A signing key (Ed25519). Its secret never leaves this type except through
/// [`SigningKey::seed`].
pub struct SigningKey(ed25519_dalek::SigningKey);

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SigningKey({})", self.public_key().key_id())
    }
}

impl SigningKey {
    /// The key whose RFC 8032 secret is `seed`. Fill the seed from the operating system's CSPRNG
    /// (or a hardware module), never from a seeded test generator, in production.
    pub fn from_seed(seed: &[u8; 32]) -> Self {
        SigningKey(ed25519_dalek::SigningKey::from_bytes(seed))
    }

    /// A key generated by `fill`, which must write 32 random bytes (e.g. `getrandom::fill`).
    pub fn generate(fill: impl FnOnce(&mut [u8; 32])) -> Self {
        let mut seed = [0u8; 32];
        fill(&mut seed);
        Self::from_seed(&seed)
    }

    /// The secret seed, for storing the key.
    pub fn seed(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The public key.
    pub fn public_key(&self) -> PublicKey {
        PublicKey::Ed25519(self.0.verifying_key())
    }

    /// Signs a head.
    pub fn sign_head(&self, head: &TreeHead) -> SignedTreeHead {
        SignedTreeHead {
            head: head.clone(),
            sig_alg: SigAlg::Ed25519,
            key_id: self.public_key().key_id(),
            signature: self.sign_raw(&head.encode()),
        }
    }

    pub(crate) fn sign_raw(&self, message: &[u8]) -> Vec<u8> {
        self.0.sign(message).to_bytes().to_vec()
    }
}

/// A public key that verifies heads and bundles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublicKey {
    /// Ed25519.
    Ed25519(ed25519_dalek::VerifyingKey),
}

impl PublicKey {
    /// Parses a key of `alg` from its bytes (Ed25519: 32 bytes).
    pub fn from_bytes(alg: SigAlg, bytes: &[u8]) -> Result<PublicKey, SignatureError> {
        match alg {
            SigAlg::Ed25519 => {
                let array =
                    <[u8; 32]>::try_from(bytes).map_err(|_| SignatureError::BadKey("ed25519"))?;
                ed25519_dalek::VerifyingKey::from_bytes(&array)
                    .map(PublicKey::Ed25519)
                    .map_err(|_| SignatureError::BadKey("ed25519"))
            }
        }
    }

    /// The algorithm.
    pub fn alg(&self) -> SigAlg {
        match self {
            PublicKey::Ed25519(_) => SigAlg::Ed25519,
        }
    }

    /// The key bytes (Ed25519: the 32-byte compressed point).
    pub fn to_bytes(&self) -> Vec<u8> {
        match self {
            PublicKey::Ed25519(key) => key.to_bytes().to_vec(),
        }
    }

    /// SHA-256 of the key bytes: the fingerprint to publish next to the key.
    pub fn key_id(&self) -> Hash {
        HashAlg::Sha256.digest(&self.to_bytes())
    }

    /// Checks a signed head: made by this key, signature valid over the head's encoding.
    pub fn verify_head(&self, signed: &SignedTreeHead) -> Result<(), SignatureError> {
        if signed.key_id != self.key_id() || signed.sig_alg != self.alg() {
            return Err(SignatureError::WrongKey {
                expected: self.key_id().to_hex(),
                found: signed.key_id.to_hex(),
            });
        }
        if signed.head.log_id.len() > MAX_STRING_BYTES {
            return Err(SignatureError::Invalid);
        }
        self.verify_raw(&signed.head.encode(), &signed.signature)
    }

    pub(crate) fn verify_raw(
        &self,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), SignatureError> {
        match self {
            PublicKey::Ed25519(key) => {
                let signature = ed25519_dalek::Signature::from_slice(signature)
                    .map_err(|_| SignatureError::Invalid)?;
                key.verify(message, &signature)
                    .map_err(|_| SignatureError::Invalid)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head() -> TreeHead {
        TreeHead {
            log_id: "hangzhou/evidence/1".into(),
            alg: HashAlg::Sm3,
            size: 42,
            root: HashAlg::Sm3.digest(b"root"),
            timestamp_ms: 1_700_000_000_123,
        }
    }

    #[test]
    fn head_encoding_round_trips_and_is_strict() {
        let bytes = head().encode();
        assert_eq!(TreeHead::decode(&bytes), Ok(head()));
        for cut in 0..bytes.len() {
            assert!(TreeHead::decode(&bytes[..cut]).is_err());
        }
        let mut longer = bytes;
        longer.push(0);
        assert_eq!(
            TreeHead::decode(&longer),
            Err(DecodeError::Trailing { count: 1 })
        );
    }

    #[test]
    fn rfc8032_test_1_public_key() {
        // RFC 8032 §7.1 TEST 1: secret key and the public key it gives.
        let seed: [u8; 32] =
            hex::decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
                .unwrap()
                .try_into()
                .unwrap();
        let key = SigningKey::from_seed(&seed);
        assert_eq!(
            hex::encode(key.public_key().to_bytes()),
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
        );
        // And its signature of the empty message.
        assert_eq!(
            hex::encode(key.sign_raw(b"")),
            concat!(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155",
                "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
            )
        );
    }

    #[test]
    fn signatures_verify_and_fail_on_any_change() {
        let key = SigningKey::from_seed(&[7; 32]);
        let other = SigningKey::from_seed(&[8; 32]);
        let signed = key.sign_head(&head());
        assert_eq!(key.public_key().verify_head(&signed), Ok(()));
        assert!(matches!(
            other.public_key().verify_head(&signed),
            Err(SignatureError::WrongKey { .. })
        ));
        let mut changed = signed.clone();
        changed.head.size += 1;
        assert_eq!(
            key.public_key().verify_head(&changed),
            Err(SignatureError::Invalid)
        );
        let mut forged = other.sign_head(&head());
        forged.key_id = key.public_key().key_id();
        assert_eq!(
            key.public_key().verify_head(&forged),
            Err(SignatureError::Invalid)
        );
        let mut short = signed;
        short.signature.pop();
        assert_eq!(
            key.public_key().verify_head(&short),
            Err(SignatureError::Invalid)
        );
    }

    #[test]
    fn public_key_parsing() {
        let key = SigningKey::from_seed(&[1; 32]).public_key();
        assert_eq!(
            PublicKey::from_bytes(SigAlg::Ed25519, &key.to_bytes()),
            Ok(key)
        );
        assert!(PublicKey::from_bytes(SigAlg::Ed25519, &[0; 31]).is_err());
    }
}
