//! Transfers (移送) and assistance between installations as signed packages: the sender exports
//! the case file (its events and its findings, with proofs under a signed head) as an evidence
//! bundle; the receiver verifies it against the sender's published key, logs the package itself
//! in its own evidence log at receipt, and opens a clue from the findings; the receiver's case file
//! travels back the same way and the sender records it as feedback on the transferred case.
//!
//! Nothing is taken from a package before it verifies, and what is used after verification is
//! checked again against the verified digests (the manifest byte for byte, each finding against
//! its logged SHA-256), so a package changed between the check and its use is refused.

use std::path::{Path, PathBuf};

use tianping_cases::alert::{History, build_views};
use tianping_cases::case::{Action, Actor, Case};
use tianping_cases::finding::parse_finding;
use tianping_evidence::bundle::{MANIFEST, Manifest};
use tianping_evidence::{Entry, HashAlg, PublicKey, VerifyOptions};
use tianping_store::{NewLeaf, Store};

use crate::cases::{CaseServiceError, Desk, alert_row};

/// Largest manifest read from a package, in bytes.
const MAX_MANIFEST: u64 = 64 * 1024 * 1024;

/// Why a package is refused.
#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    /// The bundle does not verify (every failure, in Chinese and English).
    #[error("证据包校验失败 the package does not verify:\n{0}")]
    NotVerified(String),
    /// The package verified but does not contain what a transfer needs.
    #[error("{0}")]
    Unusable(String),
    /// Reading or keeping the package failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        #[source]
        source: std::io::Error,
    },
    /// The case desk refused or failed.
    #[error(transparent)]
    Case(#[from] CaseServiceError),
}

impl TransferError {
    /// Whether the sender or the operator can fix it (a bad package, a refused action).
    pub fn is_user_error(&self) -> bool {
        match self {
            TransferError::NotVerified(_) | TransferError::Unusable(_) => true,
            TransferError::Case(e) => e.is_user_error(),
            TransferError::Io { .. } => false,
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> TransferError + '_ {
    move |source| TransferError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn read_limited(path: &Path) -> Result<Vec<u8>, TransferError> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(io(path))?;
    let mut bytes = Vec::new();
    file.take(MAX_MANIFEST + 1)
        .read_to_end(&mut bytes)
        .map_err(io(path))?;
    if bytes.len() as u64 > MAX_MANIFEST {
        return Err(TransferError::Unusable(format!(
            "{}: 清单超过 {MAX_MANIFEST} 字节 / manifest over {MAX_MANIFEST} bytes",
            path.display()
        )));
    }
    Ok(bytes)
}

/// A verified package.
#[derive(Debug)]
pub struct Package {
    /// Where it is.
    pub dir: PathBuf,
    /// Its manifest.
    pub manifest: Manifest,
    /// The manifest's bytes.
    pub manifest_bytes: Vec<u8>,
    /// The findings it carries, each checked against its logged SHA-256.
    pub findings: Vec<String>,
    /// Its case records, in log order.
    pub case_records: Vec<Entry>,
    /// Its letters (logged `File` entries of an `application/vnd.tianping.letter.…` media type, such as
    /// an assistance request or reply): media type and content, each checked against its logged
    /// SHA-256. A transfer carries none.
    pub letters: Vec<(String, Vec<u8>)>,
}

impl Package {
    /// The case the package is about (the case id of its case records).
    pub fn case_id(&self) -> Option<&str> {
        self.case_records.iter().find_map(|e| match e {
            Entry::CaseRecord { case_id, .. } => Some(case_id.as_str()),
            _ => None,
        })
    }

    /// The state the sender's case reached (its last case record).
    pub fn last_state(&self) -> Option<&str> {
        self.case_records.iter().rev().find_map(|e| match e {
            Entry::CaseRecord { to_state, .. } => Some(to_state.as_str()),
            _ => None,
        })
    }

    /// The content of the first letter of `media_type`.
    pub fn letter(&self, media_type: &str) -> Option<&[u8]> {
        self.letters
            .iter()
            .find(|(m, _)| m == media_type)
            .map(|(_, bytes)| bytes.as_slice())
    }

    /// The `File` entry that logs this package at receipt.
    pub(crate) fn receipt_leaf(
        &self,
        captured_by: &str,
        at_ms: i64,
    ) -> Result<NewLeaf, TransferError> {
        let sha256 = HashAlg::Sha256.digest(&self.manifest_bytes);
        let entry = Entry::File {
            name: MANIFEST.to_string(),
            media_type: "application/vnd.tianping.evidence-bundle+json".into(),
            size: self.manifest_bytes.len() as u64,
            sha256,
            sm3: HashAlg::Sm3.digest(&self.manifest_bytes),
            captured_by: captured_by.to_string(),
            captured_at_ms: at_ms,
            source: format!(
                "package:{} head {} {}",
                self.manifest.signed_head.log_id,
                self.manifest.signed_head.tree_size,
                self.manifest.signed_head.root
            ),
        };
        NewLeaf::from_entry(format!("file:{}", sha256.to_hex()), &entry)
            .map_err(|e| TransferError::Case(e.into()))
    }
}

/// Verifies the package at `dir` against the sender's published `key` and reads it.
pub fn read_package(dir: &Path, key: &PublicKey) -> Result<Package, TransferError> {
    let manifest_path = dir.join(MANIFEST);
    let before = read_limited(&manifest_path)?;
    let report = tianping_evidence::verify_bundle_with(
        dir,
        &VerifyOptions {
            trusted_key: Some(key.clone()),
            earlier_heads: Vec::new(),
        },
    );
    if !report.ok() {
        return Err(TransferError::NotVerified(report.to_string()));
    }
    let manifest_bytes = read_limited(&manifest_path)?;
    if manifest_bytes != before {
        return Err(TransferError::Unusable(
            "清单在校验期间被改动 / the manifest changed while it was verified".into(),
        ));
    }
    let manifest: Manifest = serde_json::from_slice(&manifest_bytes)
        .map_err(|e| TransferError::Unusable(format!("manifest: {e}")))?;
    let mut findings = Vec::new();
    let mut case_records = Vec::new();
    let mut letters = Vec::new();
    for item in &manifest.entries {
        match &item.entry {
            Entry::Finding { finding_sha256, .. } => {
                let Some(content) = &item.content else {
                    return Err(TransferError::Unusable(format!(
                        "entry {}: 线索内容未随包提供 / the finding's content is not in the package",
                        item.index
                    )));
                };
                // `content` was checked by the verifier to stay inside the bundle.
                let path = dir.join(content);
                let bytes = read_limited(&path)?;
                if HashAlg::Sha256.digest(&bytes) != *finding_sha256 {
                    return Err(TransferError::Unusable(format!(
                        "{content}: 内容在校验后被改动 / changed after verification"
                    )));
                }
                findings.push(
                    String::from_utf8(bytes)
                        .map_err(|_| TransferError::Unusable(format!("{content}: not UTF-8")))?,
                );
            }
            record @ Entry::CaseRecord { .. } => case_records.push(record.clone()),
            Entry::File {
                media_type, sha256, ..
            } if media_type.starts_with(LETTER_PREFIX) => {
                let Some(content) = &item.content else {
                    return Err(TransferError::Unusable(format!(
                        "entry {}: 公函内容未随包提供 / the letter's content is not in the package",
                        item.index
                    )));
                };
                let bytes = read_limited(&dir.join(content))?;
                if HashAlg::Sha256.digest(&bytes) != *sha256 {
                    return Err(TransferError::Unusable(format!(
                        "{content}: 内容在校验后被改动 / changed after verification"
                    )));
                }
                letters.push((media_type.clone(), bytes));
            }
            _ => {}
        }
    }
    Ok(Package {
        dir: dir.to_path_buf(),
        manifest,
        manifest_bytes,
        findings,
        case_records,
        letters,
    })
}

/// The media-type prefix of letters carried in packages.
pub const LETTER_PREFIX: &str = "application/vnd.tianping.letter.";

/// Copies the package's manifest and files under `keep` (the receiver keeps what it received).
pub(crate) fn keep_copy(package: &Package, keep: &Path) -> Result<(), TransferError> {
    let files = keep.join(tianping_evidence::bundle::FILES_DIR);
    std::fs::create_dir_all(&files).map_err(io(&files))?;
    let manifest = keep.join(MANIFEST);
    std::fs::write(&manifest, &package.manifest_bytes).map_err(io(&manifest))?;
    for item in &package.manifest.entries {
        if let Some(content) = &item.content {
            let from = package.dir.join(content);
            let to = keep.join(content);
            std::fs::copy(&from, &to).map_err(io(&to))?;
        }
    }
    Ok(())
}

/// The receiver's side of a transfer: checks its transfer letter
/// ([`crate::transfer_letter::transfer_letter`]: a package without one, or carrying another
/// kind of letter, is refused), logs the verified package at receipt, keeps a copy under
/// `keep_root/<manifest sha256>/`, builds the alerts of the findings it carries and opens a clue
/// for the first (highest-ranked) one, assigned to `department` in `region`.
#[allow(clippy::too_many_arguments)]
pub async fn receive_transfer(
    desk: &Desk,
    store: &dyn Store,
    package: &Package,
    keep_root: &Path,
    actor: &Actor,
    department: &str,
    region: &str,
    at_ms: i64,
) -> Result<Case, TransferError> {
    // Who sends it and to whom, by name, checked against what the package proves.
    let letter = crate::transfer_letter::transfer_letter(package)?;
    let source = package.case_id().ok_or_else(|| {
        TransferError::Unusable("包中没有案件记录 / the package holds no case records".into())
    })?;
    let mut findings = Vec::new();
    for text in &package.findings {
        findings.push(
            parse_finding(text).map_err(|e| TransferError::Unusable(format!("finding: {e}")))?,
        );
    }
    if findings.is_empty() {
        return Err(TransferError::Unusable(
            "包中没有线索发现 / the package carries no findings".into(),
        ));
    }
    let sha = HashAlg::Sha256.digest(&package.manifest_bytes).to_hex();
    keep_copy(package, &keep_root.join(&sha))?;
    store
        .append_evidence(&[package.receipt_leaf(&actor.id, at_ms)?])
        .await
        .map_err(CaseServiceError::from)?;
    let day = tianping_cases::deadline::beijing_date(at_ms).ok_or_else(|| {
        TransferError::Unusable(format!("time {at_ms} is not a representable instant"))
    })?;
    let views = build_views(
        &findings,
        &History::default(),
        desk.rules(),
        desk.calendar(),
        day,
    )
    .map_err(CaseServiceError::from)?;
    let alerts: Vec<_> = views.iter().flat_map(|v| v.alerts.iter()).collect();
    // A received case's alerts are the receiving unit's, in its region.
    let rows: Vec<_> = alerts
        .iter()
        .map(|a| alert_row(a, at_ms, Some(region.to_string())))
        .collect();
    store
        .upsert_alerts(&rows)
        .await
        .map_err(CaseServiceError::from)?;
    let first = alerts.first().ok_or_else(|| {
        TransferError::Unusable("包中的发现没有形成预警 / no alert from the findings".into())
    })?;
    let names = letter.from.names.as_ref();
    let reason = format!(
        "接收移送：来自 {}（{}，{}；日志 {}）的案件 {source}（证据包 {sha}）/ transfer received: case {source} from {} ({}, {}; log {})",
        names.map_or("", |n| n.zh.as_str()),
        letter.from.department,
        letter.from.region,
        package.manifest.signed_head.log_id,
        names.map_or("", |n| n.en.as_str()),
        letter.from.department,
        letter.from.region,
        package.manifest.signed_head.log_id
    );
    Ok(desk
        .open_clue(
            store,
            &first.alert_id,
            actor,
            department,
            region,
            &reason,
            at_ms,
        )
        .await?)
}

/// The sender's side: the receiver's case file comes back with its feedback letter
/// ([`crate::feedback_letter`]); the sender checks the letter (it answers `case_id` and comes from
/// the unit the transfer named), logs the package at receipt and records it, with the replying
/// unit's names, as feedback on its transferred case `case_id`.
#[allow(clippy::too_many_arguments)]
pub async fn receive_feedback(
    desk: &Desk,
    store: &dyn Store,
    case_id: &str,
    package: &Package,
    keep_root: &Path,
    actor: &Actor,
    reason: &str,
    at_ms: i64,
) -> Result<Case, TransferError> {
    let (Some(their_case), Some(state)) = (package.case_id(), package.last_state()) else {
        return Err(TransferError::Unusable(
            "包中没有案件记录 / the package holds no case records".into(),
        ));
    };
    let checked = crate::feedback_letter::feedback_letter(store, case_id, package).await?;
    let letter = &checked.letter;
    let names = letter.from.names.as_ref();
    let as_transferred = if checked.same_department {
        String::new()
    } else {
        format!(
            "；移送时写明的接收单位为 {}（{}）/ the transfer named {} ({})",
            checked.transferred_to,
            checked.transferred_to_region,
            checked.transferred_to,
            checked.transferred_to_region
        )
    };
    let sha = HashAlg::Sha256.digest(&package.manifest_bytes).to_hex();
    keep_copy(package, &keep_root.join(&sha))?;
    store
        .append_evidence(&[package.receipt_leaf(&actor.id, at_ms)?])
        .await
        .map_err(CaseServiceError::from)?;
    let summary = format!(
        "{}（{}，{}）/ {}：{} 的案件 {their_case} 现为 {state}（证据包 {sha}，树头 {} {}）{as_transferred}",
        names.map_or("", |n| n.zh.as_str()),
        letter.from.department,
        letter.from.region,
        names.map_or("", |n| n.en.as_str()),
        package.manifest.signed_head.log_id,
        package.manifest.signed_head.tree_size,
        package.manifest.signed_head.root
    );
    Ok(desk
        .act(
            store,
            case_id,
            actor,
            Action::RecordFeedback { summary },
            reason,
            at_ms,
        )
        .await?)
}
