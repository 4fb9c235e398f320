//! Assistance requests (协查) between installations, as packages of their own kinds.
//!
//! 1. The sender records the request on its case (`request_assistance`, an event in its log),
//!    writes the request letter (`assistance-request.json`, media type
//!    [`REQUEST_MEDIA`]) and logs it as a `File` entry, then exports the case file plus the letter
//!    as a signed bundle ([`export_request`]).
//! 2. The receiver (the platform's or merchant's home region) verifies the package against the
//!    sender's published key, keeps it and logs it at receipt ([`receive_request`]); it answers
//!    with a reply letter ([`REPLY_MEDIA`]) logged in its own log and exported as a signed bundle
//!    ([`export_reply`]).
//! 3. The sender verifies the reply against the receiver's key, keeps and logs it, and records it
//!    on the case (`record_assistance_reply`, an event in its log) ([`receive_reply`]).
//!
//! The kinds are not interchangeable: a transfer or its feedback carrying another kind of letter
//! is refused, an assistance package without the expected letter is refused, and a reply must
//! name the case and the open request it answers. As for transfers, nothing is used before the package verifies,
//! and the letter used is the one whose bytes match its logged digest.

use std::path::Path;

use serde::{Deserialize, Serialize};
use tianping_cases::case::{Action, Actor, Case};
use tianping_evidence::bundle::Manifest;
use tianping_evidence::{Entry, HashAlg};
use tianping_store::{NewLeaf, Store};

use crate::cases::{CaseServiceError, Desk};
use crate::evidence::{self, BundleItem, EvidenceError, EvidenceKey};
use crate::transfer::{Package, TransferError, keep_copy};

/// Media type of a request letter.
pub const REQUEST_MEDIA: &str = "application/vnd.tianping.letter.assistance-request+json";
/// Media type of a reply letter.
pub const REPLY_MEDIA: &str = "application/vnd.tianping.letter.assistance-reply+json";
/// Longest request or reply text, in characters.
pub const MAX_TEXT_CHARS: usize = 8_000;

/// Errors of the assistance exchange.
#[derive(Debug, thiserror::Error)]
pub enum AssistError {
    /// A package was refused (does not verify, wrong kind, does not match).
    #[error(transparent)]
    Package(#[from] TransferError),
    /// The case desk refused or failed.
    #[error(transparent)]
    Case(#[from] CaseServiceError),
    /// Logging or exporting failed.
    #[error(transparent)]
    Evidence(#[from] EvidenceError),
    /// The request or reply is not usable (names no open request, empty text, …).
    #[error("{0}")]
    Refused(String),
}

impl AssistError {
    /// Whether the caller can fix it, as opposed to our fault.
    pub fn is_user_error(&self) -> bool {
        match self {
            AssistError::Package(e) => e.is_user_error(),
            AssistError::Case(e) => e.is_user_error(),
            AssistError::Evidence(EvidenceError::NotFound(_)) | AssistError::Refused(_) => true,
            AssistError::Evidence(_) => false,
        }
    }
}

/// A department's names as its registry holds them, so the receiving installation (which has
/// its own registry) can read who wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentNames {
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
}

/// The registry id and names of `department` (an id or a Chinese name), when the registry
/// holds it.
pub(crate) async fn registry_names(
    store: &dyn Store,
    department: &str,
) -> Result<Option<(String, DepartmentNames)>, AssistError> {
    let registry = crate::departments::load(store)
        .await
        .map_err(|e| AssistError::Case(e.into()))?;
    Ok(registry.resolve(department).ok().map(|d| {
        (
            d.id.as_str().to_string(),
            DepartmentNames {
                zh: d.name_zh.clone(),
                en: d.name_en.clone(),
            },
        )
    }))
}

/// The request letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestLetter {
    /// Always `assistance_request`.
    pub kind: String,
    /// The sender's log id.
    pub from_log_id: String,
    /// The sender's case.
    pub case_id: String,
    /// The sequence number of the `request_assistance` event.
    pub request_seq: u64,
    /// The sender's department and region.
    pub from_department: String,
    /// The sender's region.
    pub from_region: String,
    /// The sender department's names (absent in letters written before the registry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_department_names: Option<DepartmentNames>,
    /// The department asked.
    pub to_department: String,
    /// The region asked.
    pub to_region: String,
    /// What is asked.
    pub request: String,
    /// Who asked (account id).
    pub requested_by: String,
    /// When (ms since the epoch).
    pub requested_at_ms: i64,
}

/// The reply letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyLetter {
    /// Always `assistance_reply`.
    pub kind: String,
    /// The replier's log id.
    pub from_log_id: String,
    /// The requester's log id.
    pub to_log_id: String,
    /// The requester's case.
    pub case_id: String,
    /// The request's event sequence number.
    pub request_seq: u64,
    /// SHA-256 of the request package's manifest, as received.
    pub request_package_sha256: String,
    /// The answer.
    pub reply: String,
    /// The replying department.
    pub from_department: String,
    /// The replying region.
    pub from_region: String,
    /// The replying department's names (absent in letters written before the registry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_department_names: Option<DepartmentNames>,
    /// Who answered (account id).
    pub answered_by: String,
    /// When (ms since the epoch).
    pub answered_at_ms: i64,
}

fn text_ok(what: &str, text: &str) -> Result<(), AssistError> {
    if text.trim().is_empty() {
        return Err(AssistError::Refused(format!(
            "{what} 为空 / {what} is empty"
        )));
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(AssistError::Refused(format!(
            "{what} 超过 {MAX_TEXT_CHARS} 字 / {what} is over {MAX_TEXT_CHARS} characters"
        )));
    }
    Ok(())
}

/// Logs `bytes` as a `File` entry in one transaction; its index.
pub(crate) async fn log_letter(
    store: &dyn Store,
    name: &str,
    media_type: &str,
    bytes: &[u8],
    captured_by: &str,
    at_ms: i64,
    source: String,
) -> Result<u64, AssistError> {
    let sha256 = HashAlg::Sha256.digest(bytes);
    let entry = Entry::File {
        name: name.to_string(),
        media_type: media_type.to_string(),
        size: bytes.len() as u64,
        sha256,
        sm3: HashAlg::Sm3.digest(bytes),
        captured_by: captured_by.to_string(),
        captured_at_ms: at_ms,
        source,
    };
    let leaf = NewLeaf::from_entry(format!("file:{}", sha256.to_hex()), &entry)
        .map_err(|e| AssistError::Case(e.into()))?;
    store
        .append_evidence(&[leaf])
        .await
        .map_err(|e| AssistError::Case(e.into()))
}

pub(crate) fn letter_json<T: Serialize>(letter: &T) -> Result<Vec<u8>, AssistError> {
    serde_json::to_vec_pretty(letter).map_err(|e| AssistError::Refused(format!("letter: {e}")))
}

/// The sender's side, step 1: the request letter for the open assistance request `request_seq`
/// of `case_id`, logged, and exported with the case file into the new directory `dir` under a
/// fresh signed head of `alg`.
#[allow(clippy::too_many_arguments)]
pub async fn export_request(
    desk: &Desk,
    store: &dyn Store,
    key: &EvidenceKey,
    alg: HashAlg,
    case_id: &str,
    request_seq: u64,
    at_ms: i64,
    dir: &Path,
) -> Result<(RequestLetter, Manifest), AssistError> {
    let case = desk.load(store, case_id).await?;
    let ask = case
        .assistance
        .iter()
        .find(|a| a.seq == request_seq && a.reply.is_none())
        .ok_or_else(|| {
            AssistError::Refused(format!(
                "案件 {case_id} 没有序号为 {request_seq} 的未答复协查请求 / case {case_id} has no open assistance request #{request_seq}"
            ))
        })?;
    let event = store
        .case_events(case_id)
        .await
        .map_err(|e| AssistError::Case(e.into()))?
        .into_iter()
        .find(|e| e.seq == i64::try_from(request_seq).unwrap_or(-1))
        .ok_or_else(|| {
            AssistError::Refused(format!("event #{request_seq} of {case_id} is not stored"))
        })?;
    // The sender's unit by registry id, with its names (a case recorded before the registry
    // names its department in Chinese: resolved here).
    let (from_department, from_department_names) =
        match registry_names(store, &case.department).await? {
            Some((id, names)) => (id, Some(names)),
            None => (case.department.clone(), None),
        };
    let letter = RequestLetter {
        kind: "assistance_request".into(),
        from_log_id: key.log_id().to_string(),
        case_id: case_id.to_string(),
        request_seq,
        from_department,
        from_region: case.region.clone(),
        from_department_names,
        to_department: ask.to_department.clone(),
        to_region: ask.to_region.clone(),
        request: ask.request.clone(),
        requested_by: event.actor.clone(),
        requested_at_ms: event.at_ms,
    };
    let bytes = letter_json(&letter)?;
    let index = log_letter(
        store,
        "assistance-request.json",
        REQUEST_MEDIA,
        &bytes,
        &event.actor,
        at_ms,
        format!("case:{case_id}#{request_seq}"),
    )
    .await?;
    let (mut items, _missing) = evidence::case_file_items(store, case_id).await?;
    items.push(BundleItem {
        index,
        content: Some(bytes),
    });
    items.sort_by_key(|i| i.index);
    let manifest = evidence::export(
        store,
        key,
        alg,
        &format!("协查请求 assistance request {case_id}#{request_seq}"),
        &items,
        at_ms,
        dir,
    )
    .await?;
    Ok((letter, manifest))
}

/// The request letter of a verified package, or why it is not an assistance request.
pub fn request_letter(package: &Package) -> Result<RequestLetter, AssistError> {
    let bytes = package.letter(REQUEST_MEDIA).ok_or_else(|| {
        AssistError::Refused(
            "证据包不是协查请求（无协查函）/ the package is not an assistance request (no request letter)"
                .into(),
        )
    })?;
    let letter: RequestLetter = serde_json::from_slice(bytes)
        .map_err(|e| AssistError::Refused(format!("assistance-request.json: {e}")))?;
    if letter.kind != "assistance_request" || package.case_id() != Some(letter.case_id.as_str()) {
        return Err(AssistError::Refused(format!(
            "协查函与证据包中的案件不符 / the letter ({}, case {}) does not match the package's case {:?}",
            letter.kind,
            letter.case_id,
            package.case_id()
        )));
    }
    Ok(letter)
}

/// The receiver's side, step 2a: keeps the verified request package under
/// `keep_root/<manifest sha256>/` and logs it at receipt; the request it carries.
pub async fn receive_request(
    store: &dyn Store,
    package: &Package,
    keep_root: &Path,
    actor_id: &str,
    at_ms: i64,
) -> Result<RequestLetter, AssistError> {
    let letter = request_letter(package)?;
    let sha = HashAlg::Sha256.digest(&package.manifest_bytes).to_hex();
    keep_copy(package, &keep_root.join(&sha))?;
    store
        .append_evidence(&[package.receipt_leaf(actor_id, at_ms)?])
        .await
        .map_err(|e| AssistError::Case(e.into()))?;
    Ok(letter)
}

/// The receiver's side, step 2b: the reply letter to `request` (received in `package`), logged
/// in the receiver's log and exported into the new directory `dir`.
#[allow(clippy::too_many_arguments)]
pub async fn export_reply(
    store: &dyn Store,
    key: &EvidenceKey,
    alg: HashAlg,
    package: &Package,
    department: &str,
    region: &str,
    reply: &str,
    actor_id: &str,
    at_ms: i64,
    dir: &Path,
) -> Result<(ReplyLetter, Manifest), AssistError> {
    let request = request_letter(package)?;
    text_ok("答复 reply", reply)?;
    if actor_id.trim().is_empty() {
        return Err(AssistError::Refused(
            "必须署名答复人 / the replier must be named".into(),
        ));
    }
    // The replying unit must be one of this installation's departments.
    let unit = crate::departments::assignable(store, department, region)
        .await
        .map_err(|e| AssistError::Case(e.into()))?;
    let letter = ReplyLetter {
        kind: "assistance_reply".into(),
        from_log_id: key.log_id().to_string(),
        to_log_id: request.from_log_id.clone(),
        case_id: request.case_id.clone(),
        request_seq: request.request_seq,
        request_package_sha256: HashAlg::Sha256.digest(&package.manifest_bytes).to_hex(),
        reply: reply.to_string(),
        from_department: unit.department.id.as_str().to_string(),
        from_region: unit.region.as_str().to_string(),
        from_department_names: Some(DepartmentNames {
            zh: unit.department.name_zh.clone(),
            en: unit.department.name_en.clone(),
        }),
        answered_by: actor_id.to_string(),
        answered_at_ms: at_ms,
    };
    let bytes = letter_json(&letter)?;
    let index = log_letter(
        store,
        "assistance-reply.json",
        REPLY_MEDIA,
        &bytes,
        actor_id,
        at_ms,
        format!(
            "assistance:{}/{}#{}",
            request.from_log_id, request.case_id, request.request_seq
        ),
    )
    .await?;
    let manifest = evidence::export(
        store,
        key,
        alg,
        &format!(
            "协查答复 assistance reply {}#{}",
            request.case_id, request.request_seq
        ),
        &[BundleItem {
            index,
            content: Some(bytes),
        }],
        at_ms,
        dir,
    )
    .await?;
    Ok((letter, manifest))
}

/// The sender's side, step 3: the verified reply package to a request of `case_id`, kept, logged
/// at receipt and recorded on the case as `record_assistance_reply` by `actor`.
#[allow(clippy::too_many_arguments)]
pub async fn receive_reply(
    desk: &Desk,
    store: &dyn Store,
    case_id: &str,
    package: &Package,
    keep_root: &Path,
    actor: &Actor,
    reason: &str,
    at_ms: i64,
) -> Result<Case, AssistError> {
    let bytes = package.letter(REPLY_MEDIA).ok_or_else(|| {
        AssistError::Refused(
            "证据包不是协查答复（无答复函）/ the package is not an assistance reply (no reply letter)"
                .into(),
        )
    })?;
    let letter: ReplyLetter = serde_json::from_slice(bytes)
        .map_err(|e| AssistError::Refused(format!("assistance-reply.json: {e}")))?;
    if letter.kind != "assistance_reply" || letter.case_id != case_id {
        return Err(AssistError::Refused(format!(
            "答复函针对案件 {}，不是 {case_id} / the reply answers case {}, not {case_id}",
            letter.case_id, letter.case_id
        )));
    }
    if letter.from_log_id != package.manifest.signed_head.log_id {
        return Err(AssistError::Refused(format!(
            "答复函署名的日志 {} 与签名日志 {} 不符 / the letter names log {}, the package is signed by {}",
            letter.from_log_id,
            package.manifest.signed_head.log_id,
            letter.from_log_id,
            package.manifest.signed_head.log_id
        )));
    }
    text_ok("答复 reply", &letter.reply)?;
    let case = desk.load(store, case_id).await?;
    if !case
        .assistance
        .iter()
        .any(|a| a.seq == letter.request_seq && a.reply.is_none())
    {
        return Err(AssistError::Refused(format!(
            "案件 {case_id} 没有序号为 {} 的未答复协查请求 / case {case_id} has no open assistance request #{}",
            letter.request_seq, letter.request_seq
        )));
    }
    let sha = HashAlg::Sha256.digest(&package.manifest_bytes).to_hex();
    keep_copy(package, &keep_root.join(&sha))?;
    store
        .append_evidence(&[package.receipt_leaf(&actor.id, at_ms)?])
        .await
        .map_err(|e| AssistError::Case(e.into()))?;
    let summary = format!(
        "{}（{} {}）答复：{}（证据包 {sha}）",
        letter.from_log_id, letter.from_department, letter.from_region, letter.reply
    );
    Ok(desk
        .act(
            store,
            case_id,
            actor,
            Action::RecordAssistanceReply {
                request_seq: letter.request_seq,
                summary,
            },
            reason,
            at_ms,
        )
        .await?)
}
