//! Analysts' tools that need no home: `tianping blocks` (dense blocks in any edge list) and
//! `tianping address normalize` (the unified address base, line by line).

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

/// `tianping blocks`: reads `src,dst[,weight]` lines, prints the blocks as JSON.
pub fn blocks(
    edges: &Path,
    weighted: bool,
    metric: &str,
    k: usize,
    out: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let Some(metric) = tianping_dense::Metric::parse(metric) else {
        eprintln!(
            "错误 error: --metric 须为 fraudar、avg 或 sqrt (must be fraudar, avg or sqrt): {metric}"
        );
        return Ok(ExitCode::from(2));
    };
    let file =
        std::fs::File::open(edges).map_err(|e| anyhow::anyhow!("{}: {e}", edges.display()))?;
    let json = match tianping_dense::blocks_json(BufReader::new(file), weighted, metric, k) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("输入错误 input error: {}: {e}", edges.display());
            return Ok(ExitCode::from(1));
        }
    };
    write_out(out, json.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// `tianping address normalize`: one address a line in, one JSON object a line out (the parsed
/// address, its canonical key and the input).
pub fn normalize_addresses(
    input: Option<&Path>,
    context: &str,
    out: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let normalizer = match context {
        "none" => tianping_address::Normalizer::new(),
        "hangzhou" => tianping_address::Normalizer::hangzhou(),
        code => match tianping_address::Normalizer::with_context(code) {
            Some(n) => n,
            None => {
                eprintln!("错误 error: 未知的区划代码 unknown division code: {code}");
                return Ok(ExitCode::from(2));
            }
        },
    };
    let reader: Box<dyn BufRead> = match input {
        None => Box::new(BufReader::new(std::io::stdin())),
        Some(p) if p.as_os_str() == "-" => Box::new(BufReader::new(std::io::stdin())),
        Some(p) => Box::new(BufReader::new(
            std::fs::File::open(p).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?,
        )),
    };
    let mut buffer = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| anyhow::anyhow!("第 {} 行 line {}: {e}", n + 1, n + 1))?;
        let address = normalizer.parse(&line);
        let mut value = serde_json::to_value(&address)?;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("key".into(), address.canonical_key().into());
            obj.insert("input".into(), line.into());
        }
        serde_json::to_writer(&mut buffer, &value)?;
        buffer.push(b'\n');
    }
    write_out(out, &buffer)?;
    Ok(ExitCode::SUCCESS)
}

fn write_out(out: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    match out {
        Some(p) if p.as_os_str() != "-" => {
            std::fs::write(p, bytes).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?
        }
        _ => {
            let mut w = BufWriter::new(std::io::stdout().lock());
            w.write_all(bytes)?;
            w.flush()?;
        }
    }
    Ok(())
}

/// `tianping evidence verify BUNDLE [--key HEX]`: checks an evidence bundle offline — every file
/// re-hashed, every inclusion proof against the signed tree head, the head's signature (against
/// the given public key when one is given) — and prints the report in Chinese and English.
pub fn verify_evidence(
    bundle: &Path,
    key: Option<&str>,
    earlier: &[std::path::PathBuf],
) -> anyhow::Result<ExitCode> {
    let mut options = tianping_evidence::VerifyOptions::default();
    // Published heads come in pairs (SHA-256 and SM3); only those of the bundle's algorithm apply.
    let bundle_alg = std::fs::read(bundle.join(tianping_evidence::bundle::MANIFEST))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .and_then(|v| v.get("hash_alg")?.as_str().map(str::to_string));
    let mut other_alg = 0;
    let heads = match crate::evidence::read_heads(earlier) {
        Ok(heads) => heads,
        Err(e) => {
            eprintln!("错误 error: {e:#}");
            return Ok(ExitCode::from(2));
        }
    };
    for head in heads {
        if bundle_alg
            .as_deref()
            .is_some_and(|alg| alg != head.head.alg.name())
        {
            other_alg += 1;
            continue;
        }
        options.earlier_heads.push(head);
    }
    if other_alg > 0 {
        eprintln!(
            "注意 note: {other_alg} 个早期树头属于另一哈希算法，不适用于本证据包 (heads of the other hash algorithm do not apply to this bundle)"
        );
    }
    if let Some(key) = key {
        let parsed = hex::decode(key).ok().and_then(|bytes| {
            tianping_evidence::PublicKey::from_bytes(tianping_evidence::SigAlg::Ed25519, &bytes)
                .ok()
        });
        let Some(parsed) = parsed else {
            eprintln!(
                "错误 error: --key 须为 32 字节 Ed25519 公钥的十六进制 (a 32-byte Ed25519 public key in hex)"
            );
            return Ok(ExitCode::from(2));
        };
        options.trusted_key = Some(parsed);
    }
    let report = tianping_evidence::verify_bundle_with(bundle, &options);
    print!("{report}");
    Ok(if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
