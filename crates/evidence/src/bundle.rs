//! Evidence bundles: a directory a court, a merchant or another region's installation can verify
//! offline, with no database and no network.
//!
//! ```text
//! BUNDLE/
//!   manifest.json        entries (leaf data, readable entry, inclusion proof), the signed head,
//!                        the public key, consistency proofs from earlier sizes, and the
//!                        signature over the contents list
//!   files/NNNNNNNN-NAME  content of file and finding entries, byte for byte
//! ```
//!
//! [`verify_bundle`] re-hashes every content file, re-derives every leaf hash from its leaf data,
//! checks every inclusion proof against the signed head, both signatures and (given earlier heads)
//! consistency, and explains every failure in Chinese and English: which entry, which file,
//! expected and found. It never panics on any input and never stops at the first failure.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::codec::Writer;
use crate::entry::Entry;
use crate::hash::{Hash, HashAlg};
use crate::head::{PublicKey, SigAlg, SignedTreeHead, SigningKey, TreeHead};
use crate::log::{Log, LogError};
use crate::proof::{self, ConsistencyProof, InclusionProof};
use crate::store::LeafStore;

/// The value of the manifest's `format` field.
pub const FORMAT: &str = "tianping-evidence-bundle";
/// The manifest format version this crate writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// The manifest's file name inside a bundle.
pub const MANIFEST: &str = "manifest.json";
/// The directory of content files inside a bundle.
pub const FILES_DIR: &str = "files";
/// Largest manifest read, in bytes.
pub const MAX_MANIFEST_BYTES: u64 = 256 * 1024 * 1024;
const CONTENTS_MAGIC: &[u8; 8] = b"TPBUNDLE";

/// The manifest, as JSON. Hashes and signatures are lowercase hex.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`FORMAT_VERSION`].
    pub format_version: u32,
    /// What the bundle is (a case id and title).
    pub title: String,
    /// When it was exported (ms since the Unix epoch, UTC).
    pub exported_at_ms: i64,
    /// The log's hash algorithm: `sha256` or `sm3`.
    pub hash_alg: String,
    /// The key that signed the head and the contents.
    pub public_key: KeyJson,
    /// The signed tree head every inclusion proof leads to.
    pub signed_head: HeadJson,
    /// The logged entries in the bundle.
    pub entries: Vec<EntryJson>,
    /// Consistency proofs from earlier tree sizes to the signed head.
    pub consistency: Vec<ConsistencyJson>,
    /// Signature over the contents list (see `docs/evidence.md`).
    pub contents_signature: String,
}

/// A public key in a manifest.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyJson {
    /// `ed25519`.
    pub alg: String,
    /// The key bytes.
    pub key: String,
    /// SHA-256 of the key bytes.
    pub key_id: String,
}

/// A signed tree head in a manifest (or on its own, as published).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadJson {
    /// The log id.
    pub log_id: String,
    /// `sha256` or `sm3`.
    pub hash_alg: String,
    /// Number of leaves.
    pub tree_size: u64,
    /// Root hash.
    pub root: String,
    /// Head time (ms since the Unix epoch, UTC).
    pub timestamp_ms: i64,
    /// `ed25519`.
    pub sig_alg: String,
    /// SHA-256 of the signing key.
    pub key_id: String,
    /// Signature over the head encoding.
    pub signature: String,
}

/// One entry in a manifest.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryJson {
    /// Leaf index in the log.
    pub index: u64,
    /// The canonical leaf data (hex): what is hashed.
    pub leaf_data: String,
    /// `HASH(0x00 || leaf_data)`.
    pub leaf_hash: String,
    /// The leaf data, decoded, for reading; must equal the decoding of `leaf_data`.
    pub entry: Entry,
    /// Path of the content file inside the bundle, for file and finding entries.
    pub content: Option<String>,
    /// Audit path to the signed head's root, leaf upwards.
    pub inclusion_proof: Vec<String>,
}

/// A consistency proof in a manifest.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsistencyJson {
    /// The earlier size.
    pub size1: u64,
    /// The log's root at that size.
    pub root1: String,
    /// The proof to the signed head.
    pub proof: Vec<String>,
}

impl HeadJson {
    /// The manifest form of a signed head.
    pub fn from_signed(signed: &SignedTreeHead) -> HeadJson {
        HeadJson {
            log_id: signed.head.log_id.clone(),
            hash_alg: signed.head.alg.name().to_string(),
            tree_size: signed.head.size,
            root: signed.head.root.to_hex(),
            timestamp_ms: signed.head.timestamp_ms,
            sig_alg: signed.sig_alg.name().to_string(),
            key_id: signed.key_id.to_hex(),
            signature: hex::encode(&signed.signature),
        }
    }

    /// Parses the manifest form; `None` names the first bad field.
    pub fn to_signed(&self) -> Result<SignedTreeHead, &'static str> {
        Ok(SignedTreeHead {
            head: TreeHead {
                log_id: self.log_id.clone(),
                alg: HashAlg::from_name(&self.hash_alg).ok_or("hash_alg")?,
                size: self.tree_size,
                root: Hash::from_hex(&self.root).ok_or("root")?,
                timestamp_ms: self.timestamp_ms,
            },
            sig_alg: SigAlg::from_name(&self.sig_alg).ok_or("sig_alg")?,
            key_id: Hash::from_hex(&self.key_id).ok_or("key_id")?,
            signature: hex::decode(&self.signature).map_err(|_| "signature")?,
        })
    }
}

/// One entry to export.
#[derive(Clone, Debug)]
pub struct ExportItem {
    /// Leaf index.
    pub index: u64,
    /// The content of a file or finding entry, to copy into the bundle.
    pub content: Option<PathBuf>,
}

/// What to export.
#[derive(Clone, Debug)]
pub struct ExportRequest {
    /// What the bundle is (a case id and title).
    pub title: String,
    /// When (ms since the Unix epoch, UTC), given by the caller.
    pub exported_at_ms: i64,
    /// The entries.
    pub items: Vec<ExportItem>,
    /// Earlier tree sizes to include consistency proofs from (e.g. the sizes of published heads).
    pub consistency_from: Vec<u64>,
}

/// Why a bundle cannot be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The log failed.
    #[error(transparent)]
    Log(#[from] LogError),
    /// Writing the bundle failed.
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The error.
        #[source]
        source: io::Error,
    },
    /// The request is inconsistent with the log, the head or the content.
    #[error("{0}")]
    Invalid(String),
}

fn io_err(context: impl Into<String>) -> impl FnOnce(io::Error) -> ExportError {
    let context = context.into();
    move |source| ExportError::Io { context, source }
}

/// Writes the bundle for `request` into the new or empty directory `dir`.
///
/// `signed_head` must be a head of `log` signed by `key`; every item must be below its size. The
/// content of each file or finding entry is checked against the entry's digests before it is
/// copied.
pub fn export_bundle<S: LeafStore>(
    log: &Log<S>,
    key: &SigningKey,
    signed_head: &SignedTreeHead,
    request: &ExportRequest,
    dir: &Path,
) -> Result<Manifest, ExportError> {
    let public = key.public_key();
    let head = &signed_head.head;
    if public.verify_head(signed_head).is_err() {
        return Err(ExportError::Invalid(
            "the signed head does not verify with this key".into(),
        ));
    }
    if head.alg != log.alg() || head.size > log.size() || log.root_at(head.size)? != head.root {
        return Err(ExportError::Invalid(
            "the signed head is not a head of this log".into(),
        ));
    }
    if dir.join(MANIFEST).exists() {
        return Err(ExportError::Invalid(format!(
            "{} already holds a bundle",
            dir.display()
        )));
    }
    let files_dir = dir.join(FILES_DIR);
    std::fs::create_dir_all(&files_dir)
        .map_err(io_err(format!("create {}", files_dir.display())))?;

    let mut entries = Vec::new();
    let mut seen = BTreeSet::new();
    for item in &request.items {
        if !seen.insert(item.index) {
            return Err(ExportError::Invalid(format!(
                "entry {} is listed twice",
                item.index
            )));
        }
        if item.index >= head.size {
            return Err(ExportError::Invalid(format!(
                "entry {} is not under the signed head of size {}",
                item.index, head.size
            )));
        }
        let leaf_data = log
            .store()
            .leaf_data_at(item.index)
            .map_err(LogError::from)?;
        let leaf_hash = log.alg().leaf_hash(&leaf_data);
        let entry = Entry::decode(&leaf_data).map_err(|e| {
            ExportError::Invalid(format!("entry {}: stored leaf data: {e}", item.index))
        })?;
        let content = match &item.content {
            None => None,
            Some(source) => {
                let name = content_name(item.index, &entry).ok_or_else(|| {
                    ExportError::Invalid(format!(
                        "entry {} ({}) has no content",
                        item.index,
                        entry.kind()
                    ))
                })?;
                let digest =
                    digest_file(source).map_err(io_err(format!("read {}", source.display())))?;
                if let Some(mismatch) = content_mismatches(&entry, &digest).first() {
                    return Err(ExportError::Invalid(format!(
                        "entry {}: {} does not match the logged entry ({})",
                        item.index,
                        source.display(),
                        mismatch.en
                    )));
                }
                let target = files_dir.join(&name);
                copy_synced(source, &target)?;
                Some(format!("{FILES_DIR}/{name}"))
            }
        };
        let proof = log.inclusion_proof(item.index, head.size)?;
        entries.push(EntryJson {
            index: item.index,
            leaf_data: hex::encode(&leaf_data),
            leaf_hash: leaf_hash.to_hex(),
            entry,
            content,
            inclusion_proof: proof.path.iter().map(Hash::to_hex).collect(),
        });
    }
    let mut consistency = Vec::new();
    for &size1 in &request.consistency_from {
        let proof = log.consistency_proof(size1, head.size)?;
        consistency.push(ConsistencyJson {
            size1,
            root1: log.root_at(size1)?.to_hex(),
            proof: proof.path.iter().map(Hash::to_hex).collect(),
        });
    }
    let mut manifest = Manifest {
        format: FORMAT.to_string(),
        format_version: FORMAT_VERSION,
        title: request.title.clone(),
        exported_at_ms: request.exported_at_ms,
        hash_alg: log.alg().name().to_string(),
        public_key: KeyJson {
            alg: public.alg().name().to_string(),
            key: hex::encode(public.to_bytes()),
            key_id: public.key_id().to_hex(),
        },
        signed_head: HeadJson::from_signed(signed_head),
        entries,
        consistency,
        contents_signature: String::new(),
    };
    manifest.contents_signature = hex::encode(key.sign_raw(&contents_message(&manifest)));
    let json = serde_json::to_vec_pretty(&manifest)
        .map_err(|e| ExportError::Invalid(format!("manifest serialisation: {e}")))?;
    let path = dir.join(MANIFEST);
    let mut file = File::create_new(&path).map_err(io_err(format!("create {}", path.display())))?;
    file.write_all(&json)
        .map_err(io_err(format!("write {}", path.display())))?;
    file.sync_all()
        .map_err(io_err(format!("fsync {}", path.display())))?;
    Ok(manifest)
}

/// The bytes the contents signature covers: magic, version, title, export time, the signed
/// head's encoding and signature, then per entry its index, leaf hash and content path, then per
/// consistency proof its earlier size and root. Fields the proofs and the head already bind (leaf
/// data via the leaf hash, proof hashes via the root) are not repeated. Returns the bytes even for
/// a malformed manifest: unparsable hashes are written as given, so the signature simply fails.
fn contents_message(m: &Manifest) -> Vec<u8> {
    let mut w = Writer::default();
    w.bytes(CONTENTS_MAGIC)
        .u32(m.format_version)
        .str(&m.title)
        .i64(m.exported_at_ms);
    w.str(&m.hash_alg).str(&m.public_key.key);
    let h = &m.signed_head;
    w.str(&h.log_id)
        .str(&h.hash_alg)
        .u64(h.tree_size)
        .str(&h.root)
        .i64(h.timestamp_ms)
        .str(&h.sig_alg)
        .str(&h.key_id)
        .str(&h.signature);
    w.u64(m.entries.len() as u64);
    for e in &m.entries {
        w.u64(e.index)
            .str(&e.leaf_hash)
            .str(e.content.as_deref().unwrap_or(""));
    }
    w.u64(m.consistency.len() as u64);
    for c in &m.consistency {
        w.u64(c.size1).str(&c.root1);
    }
    w.buf
}

/// File name of an entry's content inside `files/`, or `None` for kinds that have none.
fn content_name(index: u64, entry: &Entry) -> Option<String> {
    match entry {
        Entry::File { name, .. } => {
            let safe: String = name
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                        c
                    } else {
                        '_'
                    }
                })
                .take(100)
                .collect();
            let safe = safe.trim_start_matches('.');
            Some(format!(
                "{index:08}-{}",
                if safe.is_empty() { "file" } else { safe }
            ))
        }
        Entry::Finding { .. } => Some(format!("{index:08}-finding.json")),
        _ => None,
    }
}

struct FileDigest {
    size: u64,
    sha256: Hash,
    sm3: Hash,
}

fn digest_file(path: &Path) -> io::Result<FileDigest> {
    let mut file = File::open(path)?;
    let mut sha256 = HashAlg::Sha256.hasher();
    let mut sm3 = HashAlg::Sm3.hasher();
    let mut size = 0u64;
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf)?;
        let Some(chunk) = buf.get(..n) else { break };
        if chunk.is_empty() {
            break;
        }
        sha256.update(chunk);
        sm3.update(chunk);
        size += n as u64;
    }
    Ok(FileDigest {
        size,
        sha256: sha256.finish(),
        sm3: sm3.finish(),
    })
}

fn copy_synced(source: &Path, target: &Path) -> Result<(), ExportError> {
    let mut from = File::open(source).map_err(io_err(format!("open {}", source.display())))?;
    let mut to =
        File::create_new(target).map_err(io_err(format!("create {}", target.display())))?;
    io::copy(&mut from, &mut to).map_err(io_err(format!("copy to {}", target.display())))?;
    to.sync_all()
        .map_err(io_err(format!("fsync {}", target.display())))
}

/// A content check that failed: which kind, expected, found, and an English summary.
struct Mismatch {
    kind: FailureKind,
    expected: String,
    found: String,
    en: String,
}

fn content_mismatches(entry: &Entry, digest: &FileDigest) -> Vec<Mismatch> {
    let checks: Vec<(FailureKind, String, String)> = match entry {
        Entry::File {
            size, sha256, sm3, ..
        } => vec![
            (
                FailureKind::ContentSize,
                size.to_string(),
                digest.size.to_string(),
            ),
            (
                FailureKind::ContentSha256,
                sha256.to_hex(),
                digest.sha256.to_hex(),
            ),
            (FailureKind::ContentSm3, sm3.to_hex(), digest.sm3.to_hex()),
        ],
        Entry::Finding {
            finding_sha256,
            finding_sm3,
            ..
        } => vec![
            (
                FailureKind::ContentSha256,
                finding_sha256.to_hex(),
                digest.sha256.to_hex(),
            ),
            (
                FailureKind::ContentSm3,
                finding_sm3.to_hex(),
                digest.sm3.to_hex(),
            ),
        ],
        _ => Vec::new(),
    };
    checks
        .into_iter()
        .filter(|(_, expected, found)| expected != found)
        .map(|(kind, expected, found)| {
            let en = format!("{}: expected {expected}, found {found}", kind.en());
            Mismatch {
                kind,
                expected,
                found,
                en,
            }
        })
        .collect()
}

/// What can be wrong with a bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureKind {
    /// `manifest.json` is missing or unreadable.
    ManifestMissing,
    /// `manifest.json` is not a valid manifest.
    ManifestInvalid,
    /// Unknown format or version.
    UnsupportedFormat,
    /// Unknown hash algorithm, or the head's differs from the manifest's.
    HashAlg,
    /// The public key is malformed or its key id does not match it.
    PublicKey,
    /// The bundle's key is not the key the verifier trusts.
    UntrustedKey,
    /// The signed head is malformed.
    HeadInvalid,
    /// The head's signature does not verify.
    HeadSignature,
    /// The contents signature does not verify: entries were added, dropped or changed.
    ContentsSignature,
    /// An entry index appears twice.
    DuplicateEntry,
    /// An entry's index is not below the head's size.
    EntryOutsideHead,
    /// An entry's leaf data is not hex or does not decode.
    LeafDataInvalid,
    /// The readable entry differs from the decoded leaf data.
    EntryDescriptionMismatch,
    /// The stated leaf hash differs from the hash of the leaf data.
    LeafHashMismatch,
    /// The inclusion proof does not lead to the signed root.
    InclusionProof,
    /// A content path is absolute, escapes the bundle, or is not a regular file.
    ContentUnsafePath,
    /// A content file is missing or unreadable.
    ContentMissing,
    /// A content file's size differs from the entry's.
    ContentSize,
    /// A content file's SHA-256 differs from the entry's.
    ContentSha256,
    /// A content file's SM3 differs from the entry's.
    ContentSm3,
    /// Content given for an entry kind that has none.
    ContentNotExpected,
    /// A file in `files/` that no entry lists.
    UnlistedFile,
    /// A consistency proof does not verify.
    Consistency,
    /// An earlier head given to the verifier is not signed by the key.
    EarlierHeadSignature,
    /// An earlier head given to the verifier is not covered by a consistency proof.
    EarlierHeadNotCovered,
}

impl FailureKind {
    /// The failure in Chinese.
    pub fn zh(self) -> &'static str {
        match self {
            FailureKind::ManifestMissing => "清单文件 manifest.json 缺失或无法读取",
            FailureKind::ManifestInvalid => "清单文件格式不正确",
            FailureKind::UnsupportedFormat => "不支持的证据包格式或版本",
            FailureKind::HashAlg => "哈希算法未知或前后不一致",
            FailureKind::PublicKey => "公钥格式错误或公钥标识与公钥不符",
            FailureKind::UntrustedKey => "证据包的公钥不是核验方信任的公钥",
            FailureKind::HeadInvalid => "签名树头格式错误",
            FailureKind::HeadSignature => "树头签名验证失败",
            FailureKind::ContentsSignature => "内容清单签名验证失败：条目被增加、删除或改动",
            FailureKind::DuplicateEntry => "条目重复",
            FailureKind::EntryOutsideHead => "条目序号不在签名树头覆盖的范围内",
            FailureKind::LeafDataInvalid => "叶子数据无法解码",
            FailureKind::EntryDescriptionMismatch => "条目的可读描述与叶子数据不一致",
            FailureKind::LeafHashMismatch => "叶子哈希与叶子数据不符",
            FailureKind::InclusionProof => "包含性证明无法推出签名树根",
            FailureKind::ContentUnsafePath => {
                "内容文件路径不安全（绝对路径、越出证据包或非普通文件）"
            }
            FailureKind::ContentMissing => "内容文件缺失或无法读取",
            FailureKind::ContentSize => "内容文件大小与记录不符",
            FailureKind::ContentSha256 => "内容文件 SHA-256 与记录不符",
            FailureKind::ContentSm3 => "内容文件 SM3 与记录不符",
            FailureKind::ContentNotExpected => "此类条目不应附带内容文件",
            FailureKind::UnlistedFile => "证据包中有未列入清单的文件",
            FailureKind::Consistency => "一致性证明验证失败",
            FailureKind::EarlierHeadSignature => "所给的早期树头签名验证失败",
            FailureKind::EarlierHeadNotCovered => "所给的早期树头没有对应的一致性证明",
        }
    }

    /// The failure in English.
    pub fn en(self) -> &'static str {
        match self {
            FailureKind::ManifestMissing => "manifest.json is missing or unreadable",
            FailureKind::ManifestInvalid => "the manifest is malformed",
            FailureKind::UnsupportedFormat => "unsupported bundle format or version",
            FailureKind::HashAlg => "unknown or inconsistent hash algorithm",
            FailureKind::PublicKey => "malformed public key, or key id does not match the key",
            FailureKind::UntrustedKey => "the bundle's key is not the key the verifier trusts",
            FailureKind::HeadInvalid => "malformed signed tree head",
            FailureKind::HeadSignature => "the tree head signature does not verify",
            FailureKind::ContentsSignature => {
                "the contents signature does not verify: entries were added, dropped or changed"
            }
            FailureKind::DuplicateEntry => "duplicate entry",
            FailureKind::EntryOutsideHead => "entry index is not covered by the signed tree head",
            FailureKind::LeafDataInvalid => "leaf data does not decode",
            FailureKind::EntryDescriptionMismatch => {
                "the readable entry differs from the leaf data"
            }
            FailureKind::LeafHashMismatch => "leaf hash does not match the leaf data",
            FailureKind::InclusionProof => "the inclusion proof does not lead to the signed root",
            FailureKind::ContentUnsafePath => {
                "unsafe content path (absolute, escaping the bundle, or not a regular file)"
            }
            FailureKind::ContentMissing => "content file missing or unreadable",
            FailureKind::ContentSize => "content file size differs from the entry",
            FailureKind::ContentSha256 => "content file SHA-256 differs from the entry",
            FailureKind::ContentSm3 => "content file SM3 differs from the entry",
            FailureKind::ContentNotExpected => "this kind of entry has no content file",
            FailureKind::UnlistedFile => "a file in the bundle is not listed in the manifest",
            FailureKind::Consistency => "a consistency proof does not verify",
            FailureKind::EarlierHeadSignature => "the earlier tree head given does not verify",
            FailureKind::EarlierHeadNotCovered => {
                "no consistency proof covers the earlier tree head given"
            }
        }
    }
}

/// One failed check, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// What failed.
    pub kind: FailureKind,
    /// Which entry (leaf index), if any.
    pub entry: Option<u64>,
    /// Which file (relative to the bundle), if any.
    pub file: Option<String>,
    /// What was expected.
    pub expected: Option<String>,
    /// What was found.
    pub found: Option<String>,
}

impl Failure {
    fn new(kind: FailureKind) -> Self {
        Failure {
            kind,
            entry: None,
            file: None,
            expected: None,
            found: None,
        }
    }

    fn entry(mut self, index: u64) -> Self {
        self.entry = Some(index);
        self
    }

    fn file(mut self, file: &str) -> Self {
        self.file = Some(file.to_string());
        self
    }

    fn values(mut self, expected: impl Into<String>, found: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self.found = Some(found.into());
        self
    }

    fn found(mut self, found: impl Into<String>) -> Self {
        self.found = Some(found.into());
        self
    }

    /// The failure in Chinese, with its location and values.
    pub fn zh(&self) -> String {
        let mut out = self.kind.zh().to_string();
        if let Some(entry) = self.entry {
            out.push_str(&format!("；条目 {entry}"));
        }
        if let Some(file) = &self.file {
            out.push_str(&format!("；文件 {file}"));
        }
        if let Some(expected) = &self.expected {
            out.push_str(&format!("；应为 {expected}"));
        }
        if let Some(found) = &self.found {
            out.push_str(&format!("；实为 {found}"));
        }
        out
    }

    /// The failure in English, with its location and values.
    pub fn en(&self) -> String {
        let mut out = self.kind.en().to_string();
        if let Some(entry) = self.entry {
            out.push_str(&format!("; entry {entry}"));
        }
        if let Some(file) = &self.file {
            out.push_str(&format!("; file {file}"));
        }
        if let Some(expected) = &self.expected {
            out.push_str(&format!("; expected {expected}"));
        }
        if let Some(found) = &self.found {
            out.push_str(&format!("; found {found}"));
        }
        out
    }
}

/// The outcome of verifying a bundle.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// The bundle verified.
    pub bundle: PathBuf,
    /// The bundle's title.
    pub title: Option<String>,
    /// The signed head, once parsed.
    pub head: Option<TreeHead>,
    /// The fingerprint of the key that verified the signatures.
    pub key_id: Option<Hash>,
    /// Entries whose leaf hash and inclusion proof verified.
    pub entries_verified: usize,
    /// Content files whose size and both digests matched.
    pub files_verified: usize,
    /// Earlier `(size, root)` pairs proven to be prefixes of the signed head.
    pub consistent_with: Vec<(u64, Hash)>,
    /// Entries that log a file whose content the bundle does not include (not a failure).
    pub content_not_included: Vec<u64>,
    /// Every failed check.
    pub failures: Vec<Failure>,
}

impl Report {
    /// True when the manifest was read and every check passed.
    pub fn ok(&self) -> bool {
        self.head.is_some() && self.failures.is_empty()
    }

    /// Whether any failure is of `kind`.
    pub fn has(&self, kind: FailureKind) -> bool {
        self.failures.iter().any(|f| f.kind == kind)
    }

    fn fail(&mut self, failure: Failure) {
        self.failures.push(failure);
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "证据包 / bundle: {}", self.bundle.display())?;
        if let Some(title) = &self.title {
            writeln!(f, "标题 / title: {title}")?;
        }
        if let Some(head) = &self.head {
            writeln!(
                f,
                "签名树头 / signed tree head: log {}, hash {}, size {}, root {}, time {}",
                head.log_id,
                head.alg,
                head.size,
                head.root,
                format_ms(head.timestamp_ms)
            )?;
        }
        if let Some(key_id) = &self.key_id {
            writeln!(
                f,
                "公钥标识 / key id (SHA-256): {key_id}\n  请与公布的公钥标识核对 / compare with the published key id"
            )?;
        }
        writeln!(
            f,
            "已核验条目 / entries verified: {}; 已核验文件 / files verified: {}",
            self.entries_verified, self.files_verified
        )?;
        for (size, root) in &self.consistent_with {
            writeln!(
                f,
                "与早期树头一致 / consistent with earlier head: size {size}, root {root}"
            )?;
        }
        for index in &self.content_not_included {
            writeln!(
                f,
                "注意：条目 {index} 的文件内容未随包提供 / note: entry {index}'s file content is not included"
            )?;
        }
        if self.ok() {
            writeln!(f, "结论：全部校验通过 / result: every check passed")
        } else {
            writeln!(
                f,
                "结论：校验失败 {} 项 / result: {} checks failed",
                self.failures.len(),
                self.failures.len()
            )?;
            for (n, failure) in self.failures.iter().enumerate() {
                writeln!(f, "{}. {}\n   {}", n + 1, failure.zh(), failure.en())?;
            }
            Ok(())
        }
    }
}

/// RFC 3339 in China Standard Time, or the raw number when out of range.
pub fn format_ms(ms: i64) -> String {
    let offset = chrono::FixedOffset::east_opt(8 * 3600);
    match (chrono::DateTime::from_timestamp_millis(ms), offset) {
        (Some(t), Some(offset)) => t
            .with_timezone(&offset)
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, false),
        _ => format!("{ms} ms"),
    }
}

/// What the verifier trusts beyond the bundle itself.
#[derive(Clone, Debug, Default)]
pub struct VerifyOptions {
    /// The log's public key as published; without it the bundle's own key is used and the report
    /// shows its fingerprint for comparison.
    pub trusted_key: Option<PublicKey>,
    /// Signed heads obtained earlier (published, witnessed): each must be proven a prefix of the
    /// bundle's head by one of its consistency proofs (or be the same head).
    pub earlier_heads: Vec<SignedTreeHead>,
}

/// Verifies the bundle directory at `path` with no trust beyond the bundle.
pub fn verify_bundle(path: &Path) -> Report {
    verify_bundle_with(path, &VerifyOptions::default())
}

/// Verifies the bundle directory at `path`, trusting what `options` gives.
pub fn verify_bundle_with(path: &Path, options: &VerifyOptions) -> Report {
    let mut report = Report {
        bundle: path.to_path_buf(),
        ..Report::default()
    };
    let Some(manifest) = read_manifest(path, &mut report) else {
        return report;
    };
    report.title = Some(manifest.title.clone());
    if manifest.format != FORMAT || manifest.format_version != FORMAT_VERSION {
        report.fail(Failure::new(FailureKind::UnsupportedFormat).values(
            format!("{FORMAT} {FORMAT_VERSION}"),
            format!("{} {}", manifest.format, manifest.format_version),
        ));
        return report;
    }
    let Some(alg) = HashAlg::from_name(&manifest.hash_alg) else {
        report.fail(
            Failure::new(FailureKind::HashAlg).values("sha256 | sm3", manifest.hash_alg.clone()),
        );
        return report;
    };

    // The key: the bundle's own, checked against its id and against the trusted key.
    let bundle_key = SigAlg::from_name(&manifest.public_key.alg)
        .zip(hex::decode(&manifest.public_key.key).ok())
        .and_then(|(sig_alg, bytes)| PublicKey::from_bytes(sig_alg, &bytes).ok());
    match &bundle_key {
        Some(key) if key.key_id().to_hex() == manifest.public_key.key_id => {}
        Some(key) => report.fail(
            Failure::new(FailureKind::PublicKey)
                .values(key.key_id().to_hex(), manifest.public_key.key_id.clone()),
        ),
        None => {
            report.fail(Failure::new(FailureKind::PublicKey).found(manifest.public_key.key.clone()))
        }
    }
    if let (Some(trusted), Some(key)) = (&options.trusted_key, &bundle_key)
        && trusted != key
    {
        report.fail(
            Failure::new(FailureKind::UntrustedKey)
                .values(trusted.key_id().to_hex(), key.key_id().to_hex()),
        );
    }
    let Some(key) = options.trusted_key.clone().or(bundle_key) else {
        return report;
    };
    report.key_id = Some(key.key_id());

    // The head.
    let signed = match manifest.signed_head.to_signed() {
        Ok(signed) => signed,
        Err(field) => {
            report.fail(Failure::new(FailureKind::HeadInvalid).found(format!("field {field}")));
            return report;
        }
    };
    if signed.head.alg != alg {
        report.fail(Failure::new(FailureKind::HashAlg).values(alg.name(), signed.head.alg.name()));
    }
    if let Err(e) = key.verify_head(&signed) {
        report.fail(Failure::new(FailureKind::HeadSignature).found(e.to_string()));
    }
    let head = signed.head.clone();
    report.head = Some(head.clone());

    // The contents list.
    let contents_ok = hex::decode(&manifest.contents_signature)
        .ok()
        .is_some_and(|sig| key.verify_raw(&contents_message(&manifest), &sig).is_ok());
    if !contents_ok {
        report.fail(Failure::new(FailureKind::ContentsSignature));
    }

    // Every entry.
    let mut listed = BTreeSet::new();
    let mut indexes = BTreeMap::new();
    for e in &manifest.entries {
        if indexes.insert(e.index, ()).is_some() {
            report.fail(Failure::new(FailureKind::DuplicateEntry).entry(e.index));
            continue;
        }
        if let Some(content) = &e.content {
            listed.insert(content.clone());
        }
        verify_entry(path, alg, &head, e, &mut report);
    }

    // Nothing unlisted in files/.
    for file in list_files(&path.join(FILES_DIR)) {
        let relative = format!("{FILES_DIR}/{file}");
        if !listed.contains(&relative) {
            report.fail(Failure::new(FailureKind::UnlistedFile).file(&relative));
        }
    }

    // Consistency with earlier sizes, and with the heads the verifier holds.
    let mut proven: BTreeMap<u64, Hash> = BTreeMap::new();
    for c in &manifest.consistency {
        let proof = c
            .proof
            .iter()
            .map(|h| Hash::from_hex(h))
            .collect::<Option<Vec<_>>>();
        let root1 = Hash::from_hex(&c.root1);
        let res = match (proof, root1) {
            (Some(path), Some(root1)) => proof::verify_consistency(
                alg,
                &ConsistencyProof {
                    size1: c.size1,
                    size2: head.size,
                    path,
                },
                &root1,
                &head.root,
            )
            .map(|()| root1)
            .map_err(|e| e.to_string()),
            _ => Err("a hash is not 64 hex digits".to_string()),
        };
        match res {
            Ok(root1) => {
                proven.insert(c.size1, root1);
                report.consistent_with.push((c.size1, root1));
            }
            Err(e) => report.fail(
                Failure::new(FailureKind::Consistency)
                    .values(format!("size {} → size {}", c.size1, head.size), e),
            ),
        }
    }
    for earlier in &options.earlier_heads {
        if let Err(e) = key.verify_head(earlier) {
            report.fail(Failure::new(FailureKind::EarlierHeadSignature).found(e.to_string()));
            continue;
        }
        let covered = if earlier.head.size == head.size {
            earlier.head.root == head.root
        } else {
            proven.get(&earlier.head.size) == Some(&earlier.head.root)
        };
        if !covered || earlier.head.log_id != head.log_id || earlier.head.alg != head.alg {
            report.fail(
                Failure::new(FailureKind::EarlierHeadNotCovered).values(
                    format!("size {} root {}", earlier.head.size, earlier.head.root),
                    proven
                        .get(&earlier.head.size)
                        .map_or("no proof for this size".to_string(), Hash::to_hex),
                ),
            );
        }
    }
    report
}

fn read_manifest(path: &Path, report: &mut Report) -> Option<Manifest> {
    let manifest_path = path.join(MANIFEST);
    let bytes = match regular_file(&manifest_path).and_then(|()| read_limited(&manifest_path)) {
        Ok(bytes) => bytes,
        Err(e) => {
            report.fail(
                Failure::new(FailureKind::ManifestMissing)
                    .file(MANIFEST)
                    .found(e.to_string()),
            );
            return None;
        }
    };
    match serde_json::from_slice::<Manifest>(&bytes) {
        Ok(manifest) => Some(manifest),
        Err(e) => {
            report.fail(
                Failure::new(FailureKind::ManifestInvalid)
                    .file(MANIFEST)
                    .found(e.to_string()),
            );
            None
        }
    }
}

fn read_limited(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    File::open(path)?
        .take(MAX_MANIFEST_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_MANIFEST_BYTES {
        return Err(io::Error::other(format!(
            "larger than {MAX_MANIFEST_BYTES} bytes"
        )));
    }
    Ok(bytes)
}

/// Ok when `path` is a regular file (not a link, not a directory).
fn regular_file(path: &Path) -> io::Result<()> {
    let meta = std::fs::symlink_metadata(path)?;
    if meta.file_type().is_file() {
        Ok(())
    } else {
        Err(io::Error::other("not a regular file"))
    }
}

fn verify_entry(bundle: &Path, alg: HashAlg, head: &TreeHead, e: &EntryJson, report: &mut Report) {
    let index = e.index;
    if index >= head.size {
        report.fail(
            Failure::new(FailureKind::EntryOutsideHead)
                .entry(index)
                .values(format!("< {}", head.size), index.to_string()),
        );
        return;
    }
    let Ok(leaf_data) = hex::decode(&e.leaf_data) else {
        report.fail(
            Failure::new(FailureKind::LeafDataInvalid)
                .entry(index)
                .found("not hex"),
        );
        return;
    };
    let entry = match Entry::decode(&leaf_data) {
        Ok(entry) => entry,
        Err(err) => {
            report.fail(
                Failure::new(FailureKind::LeafDataInvalid)
                    .entry(index)
                    .found(err.to_string()),
            );
            return;
        }
    };
    if entry != e.entry {
        let as_json = |entry: &Entry| serde_json::to_string(entry).unwrap_or_default();
        report.fail(
            Failure::new(FailureKind::EntryDescriptionMismatch)
                .entry(index)
                .values(as_json(&entry), as_json(&e.entry)),
        );
    }
    let leaf_hash = alg.leaf_hash(&leaf_data);
    if leaf_hash.to_hex() != e.leaf_hash {
        report.fail(
            Failure::new(FailureKind::LeafHashMismatch)
                .entry(index)
                .values(leaf_hash.to_hex(), e.leaf_hash.clone()),
        );
    }
    match e
        .inclusion_proof
        .iter()
        .map(|h| Hash::from_hex(h))
        .collect::<Option<Vec<_>>>()
    {
        None => report.fail(
            Failure::new(FailureKind::InclusionProof)
                .entry(index)
                .found("a hash is not 64 hex digits"),
        ),
        Some(path) => {
            let proof = InclusionProof {
                leaf_index: index,
                tree_size: head.size,
                path,
            };
            match proof::verify_inclusion(alg, &proof, &leaf_hash, &head.root) {
                Ok(()) => report.entries_verified += 1,
                Err(err) => {
                    let found = match err {
                        proof::ProofError::RootMismatch { computed } => computed,
                        other => other.to_string(),
                    };
                    report.fail(
                        Failure::new(FailureKind::InclusionProof)
                            .entry(index)
                            .values(head.root.to_hex(), found),
                    )
                }
            }
        }
    }
    let Some(content) = &e.content else {
        if matches!(entry, Entry::File { .. }) {
            report.content_not_included.push(index);
        }
        return;
    };
    if !matches!(entry, Entry::File { .. } | Entry::Finding { .. }) {
        report.fail(
            Failure::new(FailureKind::ContentNotExpected)
                .entry(index)
                .file(content),
        );
        return;
    }
    let Some(file_path) = safe_content_path(bundle, content) else {
        report.fail(
            Failure::new(FailureKind::ContentUnsafePath)
                .entry(index)
                .file(content),
        );
        return;
    };
    match std::fs::symlink_metadata(&file_path) {
        Ok(meta) if !meta.file_type().is_file() => {
            report.fail(
                Failure::new(FailureKind::ContentUnsafePath)
                    .entry(index)
                    .file(content),
            );
            return;
        }
        _ => {}
    }
    match digest_file(&file_path) {
        Err(err) => report.fail(
            Failure::new(FailureKind::ContentMissing)
                .entry(index)
                .file(content)
                .found(err.to_string()),
        ),
        Ok(digest) => {
            // Report every digest that differs, not just the first.
            let mismatches = content_mismatches(&entry, &digest);
            let all_match = mismatches.is_empty();
            for m in mismatches {
                report.fail(
                    Failure::new(m.kind)
                        .entry(index)
                        .file(content)
                        .values(m.expected, m.found),
                );
            }
            if all_match {
                report.files_verified += 1;
            }
        }
    }
}

/// `bundle/relative` when `relative` is `files/NAME` with one plain component for NAME.
fn safe_content_path(bundle: &Path, relative: &str) -> Option<PathBuf> {
    let path = Path::new(relative);
    let mut components = path.components();
    let first = components.next()?;
    let name = components.next()?;
    if components.next().is_some()
        || first != Component::Normal(FILES_DIR.as_ref())
        || !matches!(name, Component::Normal(_))
        || relative.contains('\\')
    {
        return None;
    }
    Some(bundle.join(path))
}

/// Names of the entries of `dir` (empty when it does not exist).
fn list_files(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
