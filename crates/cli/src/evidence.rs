//! `tianping evidence head | check | export`: the installation's evidence log (电子存证) —
//! publishing signed tree heads, checking the stored log against them, and exporting bundles that
//! `tianping evidence verify` (or anyone with the format in `docs/evidence.md`) checks offline.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tianping_evidence::HashAlg;
use tianping_evidence::bundle::HeadJson;
use tianping_service::evidence::{self, BundleItem, EvidenceKey};
use tianping_service::{Home, clock};
use tianping_store::Store;

use crate::output::Lang;

fn algs(name: &str) -> anyhow::Result<Vec<HashAlg>> {
    Ok(match name {
        "both" => vec![HashAlg::Sha256, HashAlg::Sm3],
        other => vec![
            HashAlg::from_name(other)
                .ok_or_else(|| anyhow::anyhow!("--alg {other:?}: expected sha256, sm3 or both"))?,
        ],
    })
}

/// `evidence head`: signs (if the log grew) and prints the current head of each algorithm as one
/// JSON object a line — the form to publish — and the public key on stderr.
pub async fn head(home: &Home, store: &dyn Store, alg: &str) -> anyhow::Result<ExitCode> {
    let key = EvidenceKey::load_or_create(home)?;
    let now = clock::now_ms();
    let algs = algs(alg)?;
    // The audit log's head goes into the log first, so the printed head covers it.
    match tianping_service::audit_anchor::anchor_audit(store, "tianping evidence head", now).await {
        Ok(anchor) if anchor.seq == 0 => {
            eprintln!("审计日志为空，无需锚定 / the audit log is empty: nothing to anchor")
        }
        Ok(anchor) => eprintln!(
            "审计日志已锚定至第 {} 行 / audit log anchored at row {}{}",
            anchor.seq,
            anchor.seq,
            anchor
                .leaf
                .map(|l| format!(" (leaf {l})"))
                .unwrap_or_else(|| " (already anchored)".into())
        ),
        Err(tianping_service::audit_anchor::AnchorError::Broken(row)) => {
            eprintln!(
                "错误 error: {}",
                tianping_service::audit_anchor::AnchorError::Broken(row)
            );
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e.into()),
    }
    for alg in algs {
        let signed = evidence::current_head(store, &key, alg, now).await?;
        println!(
            "{}",
            serde_json::to_string(&HeadJson::from_signed(&signed))?
        );
    }
    eprintln!(
        "公钥 public key (ed25519): {}",
        hex::encode(key.public_key().to_bytes())
    );
    Ok(ExitCode::SUCCESS)
}

/// Reads published heads: files of JSON heads, one a line (what `evidence head` prints); errors
/// name the file and line.
pub fn read_heads(paths: &[PathBuf]) -> anyhow::Result<Vec<tianping_evidence::SignedTreeHead>> {
    let mut heads = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let json: HeadJson = serde_json::from_str(line).map_err(|e| {
                anyhow::anyhow!(
                    "{}:{}: 不是签名树头 (not a signed head): {e}",
                    path.display(),
                    n + 1
                )
            })?;
            heads.push(json.to_signed().map_err(|e| {
                anyhow::anyhow!(
                    "{}:{}: 不是签名树头 (not a signed head): {e}",
                    path.display(),
                    n + 1
                )
            })?);
        }
    }
    Ok(heads)
}

/// `evidence check`: re-hashes every stored leaf with both algorithms and checks every recorded
/// head and every given (published) head against the stored leaves; exit 0 when all hold.
pub async fn check(
    home: &Home,
    store: &dyn Store,
    heads: &[PathBuf],
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let key = EvidenceKey::load_or_create(home)?;
    let earlier = match read_heads(heads) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("错误 error: {e:#}");
            return Ok(ExitCode::from(2));
        }
    };
    let report = evidence::check(store, &key.public_key(), &earlier).await?;
    let zh = lang == Lang::Zh;
    for f in &report.failures {
        println!(
            "✗ {}",
            if zh {
                f.message.as_str()
            } else {
                f.message_en.as_str()
            }
        );
    }
    if zh {
        println!(
            "存证日志共 {} 条记录：{} 条核验通过；{} 个签名树头与记录一致；{} 处问题。",
            report.size,
            report.leaves_ok,
            report.heads_ok,
            report.failures.len()
        );
    } else {
        println!(
            "evidence log of {} leaves: {} verified; {} signed heads reproduced; {} problems.",
            report.size,
            report.leaves_ok,
            report.heads_ok,
            report.failures.len()
        );
    }
    Ok(if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// What to export.
pub struct ExportArgs {
    /// Finding ids.
    pub findings: Vec<String>,
    /// Batches as `SUPPLIER/BATCH_ID`.
    pub batches: Vec<String>,
    /// Detection run ids.
    pub runs: Vec<String>,
    /// The bundle title.
    pub title: Option<String>,
    /// `sha256` or `sm3`.
    pub alg: String,
    /// The new bundle directory.
    pub out: PathBuf,
}

/// `evidence export`: a bundle of the latest leaf of each named finding (with the finding's
/// canonical JSON as its content), each named batch's receipt leaves and each named run's leaves.
pub async fn export(home: &Home, store: &dyn Store, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let key = EvidenceKey::load_or_create(home)?;
    let [alg] = algs(&args.alg)?[..] else {
        anyhow::bail!("--alg must be sha256 or sm3 for a bundle");
    };
    let mut items = Vec::new();
    let mut missing = Vec::new();
    let (found, not_found) = evidence::finding_items(store, &args.findings).await?;
    items.extend(found);
    missing.extend(not_found.into_iter().map(|id| format!("finding {id}")));
    for (prefix, names) in [("batch", &args.batches), ("run", &args.runs)] {
        for name in names {
            let reference = format!("{prefix}:{name}");
            let leaves = if prefix == "run" {
                let mut all = Vec::new();
                // A run has one leaf per detector that ran: `run:<id>/<detector>`.
                for d in tianping_detectors::all() {
                    all.extend(
                        store
                            .evidence_by_reference(&format!("{reference}/{}", d.id()))
                            .await?,
                    );
                }
                all
            } else {
                store.evidence_by_reference(&reference).await?
            };
            if leaves.is_empty() {
                missing.push(format!("{prefix} {name}"));
            }
            items.extend(leaves.into_iter().map(|l| BundleItem {
                index: l.index,
                content: None,
            }));
        }
    }
    if !missing.is_empty() {
        eprintln!(
            "错误 error: 存证日志中没有 not in the evidence log: {}",
            missing.join(", ")
        );
        return Ok(ExitCode::from(2));
    }
    if items.is_empty() {
        eprintln!("错误 error: 请指定 --finding、--batch 或 --run (name what to export)");
        return Ok(ExitCode::from(2));
    }
    items.sort_by_key(|i| i.index);
    items.dedup_by_key(|i| i.index);
    let title = args
        .title
        .clone()
        .unwrap_or_else(|| format!("电子证据包 evidence bundle ({} entries)", items.len()));
    let manifest = evidence::export(
        store,
        &key,
        alg,
        &title,
        &items,
        clock::now_ms(),
        Path::new(&args.out),
    )
    .await?;
    eprintln!(
        "已导出 exported {} entries under head size {} ({}) to {}",
        manifest.entries.len(),
        manifest.signed_head.tree_size,
        manifest.hash_alg,
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
