//! The proof status of one finding (存证状态): its leaf in the evidence log and the checks a court
//! would ask for, each recomputed from what is stored rather than read from a stored flag.
//!
//! 1. the finding's latest leaf (reference `finding:<id>`) exists;
//! 2. the leaf's bytes decode to an `Entry::Finding` naming this finding;
//! 3. the stored finding's canonical JSON hashes (SHA-256 and SM3) to the digests in the leaf, and
//!    its evidence hashes to the `evidence_sha256` the leaf records;
//! 4. the current signed tree head's signature verifies with the installation's public key;
//! 5. the leaf hash, recomputed from the leaf's bytes, with its audit path leads to the signed
//!    root (RFC 9162 §2.1.3.2);
//! 6. the first recorded head that covered the leaf verifies too and is consistent with the
//!    current head (the leaf was in the log then and nothing before it changed since).
//!
//! Every check is reported with its figures; `verified` is their conjunction.

use serde::Serialize;
use tianping_evidence::proof::{root_from_inclusion, verify_consistency};
use tianping_evidence::{Entry, Hash, HashAlg, SignedTreeHead};
use tianping_store::Store;

use crate::evidence::{EvidenceError, EvidenceKey, current_head, decode_head, load_log};

/// One check and its outcome.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ProofCheck {
    /// Stable name: `leaf`, `entry`, `content`, `signature`, `inclusion`, `consistency`.
    pub check: &'static str,
    /// Whether it held.
    pub ok: bool,
    /// 中文说明.
    pub zh: String,
    /// English.
    pub en: String,
}

/// A signed head as shown.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct HeadView {
    /// Leaves covered.
    pub tree_size: u64,
    /// Root, hex.
    pub root: String,
    /// Signing time, ms since the Unix epoch (UTC).
    pub timestamp_ms: i64,
    /// SHA-256 of the signing key.
    pub key_id: String,
    /// The signature verified with the installation's public key.
    pub signature_ok: bool,
}

/// The proof status of a finding.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FindingProof {
    /// The finding.
    pub finding_id: String,
    /// Every check held.
    pub verified: bool,
    /// The leaf's index, if the log holds one.
    pub leaf_index: Option<u64>,
    /// The SHA-256 leaf hash recomputed from the leaf's bytes (RFC 6962 `0x00 ‖ data`), hex.
    pub leaf_hash: Option<String>,
    /// SHA-256 of the stored finding's canonical JSON, recomputed, hex.
    pub finding_sha256: Option<String>,
    /// The current signed head.
    pub head: Option<HeadView>,
    /// The first recorded head that covered the leaf.
    pub first_head: Option<HeadView>,
    /// The audit path from the leaf to the current root, hex, leaf upwards.
    pub path: Vec<String>,
    /// The root the path leads to, hex.
    pub computed_root: Option<String>,
    /// The checks, in order.
    pub checks: Vec<ProofCheck>,
}

fn check(check: &'static str, ok: bool, zh: String, en: String) -> ProofCheck {
    ProofCheck { check, ok, zh, en }
}

fn head_view(signed: &SignedTreeHead, key: &EvidenceKey) -> HeadView {
    HeadView {
        tree_size: signed.head.size,
        root: signed.head.root.to_hex(),
        timestamp_ms: signed.head.timestamp_ms,
        key_id: signed.key_id.to_hex(),
        signature_ok: key.public_key().verify_head(signed).is_ok(),
    }
}

/// Computes the proof status of `finding_id` whose stored body (spec §1 JSON) is `body`, against
/// the current signed head (signed at `now_ms` if the log grew since the last one).
pub async fn finding_proof(
    store: &dyn Store,
    key: &EvidenceKey,
    finding_id: &str,
    body: &str,
    now_ms: i64,
) -> Result<FindingProof, EvidenceError> {
    let alg = HashAlg::Sha256;
    let mut out = FindingProof {
        finding_id: finding_id.to_string(),
        verified: false,
        leaf_index: None,
        leaf_hash: None,
        finding_sha256: None,
        head: None,
        first_head: None,
        path: Vec::new(),
        computed_root: None,
        checks: Vec::new(),
    };
    let leaves = store
        .evidence_by_reference(&format!("finding:{finding_id}"))
        .await?;
    let Some(leaf) = leaves.last() else {
        out.checks.push(check(
            "leaf",
            false,
            "证据日志中没有该发现的记录".into(),
            "the evidence log holds no leaf for this finding".into(),
        ));
        return Ok(out);
    };
    out.leaf_index = Some(leaf.index);
    let leaf_hash = alg.leaf_hash(&leaf.data);
    out.leaf_hash = Some(leaf_hash.to_hex());
    out.checks.push(check(
        "leaf",
        true,
        format!("证据日志第 {} 号记录", leaf.index),
        format!("evidence log leaf {}", leaf.index),
    ));

    // The leaf's bytes against the stored finding.
    let value: serde_json::Value = serde_json::from_str(body).map_err(|e| {
        EvidenceError::NotFound(format!("stored finding {finding_id} is not JSON: {e}"))
    })?;
    let canonical = tianping_detect::finding::canonical_json(&value).into_bytes();
    let sha = alg.digest(&canonical);
    let sm3 = HashAlg::Sm3.digest(&canonical);
    out.finding_sha256 = Some(sha.to_hex());
    let evidence_sha = value
        .get("evidence")
        .map(tianping_detect::finding::evidence_sha256);
    match Entry::decode(&leaf.data) {
        Ok(Entry::Finding {
            finding_id: logged_id,
            evidence_sha256,
            finding_sha256,
            finding_sm3,
            ..
        }) if logged_id == finding_id => {
            out.checks.push(check(
                "entry",
                true,
                "记录内容为该发现的存证条目".into(),
                "the leaf is this finding's entry".into(),
            ));
            let evidence_ok = evidence_sha.as_deref() == Some(evidence_sha256.to_hex().as_str());
            let ok = finding_sha256 == sha && finding_sm3 == sm3 && evidence_ok;
            out.checks.push(if ok {
                check(
                    "content",
                    true,
                    format!(
                        "现存发现内容的 SHA-256 {} 与 SM3 摘要、证据摘要均与存证一致",
                        sha.to_hex()
                    ),
                    format!(
                        "the stored finding's SHA-256 {}, SM3 and evidence digest match the leaf",
                        sha.to_hex()
                    ),
                )
            } else {
                check(
                    "content",
                    false,
                    format!(
                        "现存发现内容的摘要 {} 与存证记录的 {} 不符（内容已被改动）",
                        sha.to_hex(),
                        finding_sha256.to_hex()
                    ),
                    format!(
                        "the stored finding hashes to {}, the leaf records {} (content changed)",
                        sha.to_hex(),
                        finding_sha256.to_hex()
                    ),
                )
            });
        }
        Ok(_) => out.checks.push(check(
            "entry",
            false,
            "记录内容不是该发现的存证条目".into(),
            "the leaf is not this finding's entry".into(),
        )),
        Err(e) => out.checks.push(check(
            "entry",
            false,
            format!("记录内容无法解码：{e}"),
            format!("the leaf does not decode: {e}"),
        )),
    }

    // The current signed head and the leaf's inclusion in it.
    let log = load_log(store, alg).await?;
    let head = current_head(store, key, alg, now_ms).await?;
    let view = head_view(&head, key);
    out.checks.push(check(
        "signature",
        view.signature_ok,
        if view.signature_ok {
            format!("树头（{} 条记录）签名经本机公钥验证有效", head.head.size)
        } else {
            format!("树头（{} 条记录）签名未通过本机公钥验证", head.head.size)
        },
        if view.signature_ok {
            format!("the head's signature ({} leaves) verifies with this installation's public key", head.head.size)
        } else {
            format!("the head's signature ({} leaves) does not verify with this installation's public key", head.head.size)
        },
    ));
    out.head = Some(view);
    let inclusion = if leaf.index < head.head.size && head.head.size <= log.size() {
        log.inclusion_proof(leaf.index, head.head.size)
            .ok()
            .map(|p| {
                let root =
                    root_from_inclusion(alg, leaf.index, head.head.size, &leaf_hash, &p.path).ok();
                (p.path, root)
            })
    } else {
        None
    };
    let included = match inclusion {
        Some((path, root)) => {
            out.path = path.iter().map(Hash::to_hex).collect();
            out.computed_root = root.map(|r| r.to_hex());
            root == Some(head.head.root)
        }
        None => false,
    };
    out.checks.push(if included {
        check(
            "inclusion",
            true,
            format!("包含证明（{} 个节点）由记录重算得出签名树根 {}", out.path.len(), head.head.root.to_hex()),
            format!("the inclusion proof ({} hashes) from the recomputed leaf hash gives the signed root {}", out.path.len(), head.head.root.to_hex()),
        )
    } else {
        check(
            "inclusion",
            false,
            format!("由记录重算的树根 {} 与签名树根 {} 不符", out.computed_root.clone().unwrap_or_default(), head.head.root.to_hex()),
            format!("the root recomputed from the leaf, {}, is not the signed root {}", out.computed_root.clone().unwrap_or_default(), head.head.root.to_hex()),
        )
    });

    // The first recorded head that covered the leaf, and its consistency with the current one.
    let first = store
        .heads(alg.name())
        .await?
        .iter()
        .filter(|h| h.tree_size > leaf.index)
        .find_map(decode_head);
    if let Some(first) = first
        && first.head.size < head.head.size
    {
        let view = head_view(&first, key);
        let consistent = view.signature_ok
            && log
                .consistency_proof(first.head.size, head.head.size)
                .ok()
                .is_some_and(|p| {
                    verify_consistency(alg, &p, &first.head.root, &head.head.root).is_ok()
                });
        out.checks.push(if consistent {
            check(
                "consistency",
                true,
                format!("最早覆盖该记录的已签树头（{} 条记录）与当前树头一致", first.head.size),
                format!("the first signed head covering the leaf ({} leaves) is consistent with the current head", first.head.size),
            )
        } else {
            check(
                "consistency",
                false,
                format!("最早覆盖该记录的已签树头（{} 条记录）与当前树头不一致或签名无效", first.head.size),
                format!("the first signed head covering the leaf ({} leaves) is inconsistent with the current head or its signature fails", first.head.size),
            )
        });
        out.first_head = Some(view);
    }
    out.verified = out.checks.iter().all(|c| c.ok);
    Ok(out)
}
