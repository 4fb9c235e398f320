//! 地址规范化：从标准输入逐行读地址，每行输出一个 JSON 对象（含 `input` 与 `key`）。
//!
//! Reads addresses from stdin, one per line, and writes one JSON object per line to stdout: the
//! parsed [`tianping_address::Address`] plus `input` and `key` (the canonical key).
//!
//! `cargo run --release -p tianping-address --example normalize [-- --context none|hangzhou|CODE]`
//! (default `hangzhou`, the same as `tianping_address::parse`).

use std::io::{self, BufRead, BufWriter, Write};

use tianping_address::Normalizer;

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut normalizer = Normalizer::hangzhou();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--context" => {
                let v = args.get(i + 1).map(String::as_str).unwrap_or("");
                normalizer = match v {
                    "none" => Normalizer::new(),
                    "hangzhou" => Normalizer::hangzhou(),
                    code => match Normalizer::with_context(code) {
                        Some(n) => n,
                        None => {
                            eprintln!("未知的区划代码：{code}（unknown division code）");
                            std::process::exit(2);
                        }
                    },
                };
                i += 2;
            }
            other => {
                eprintln!(
                    "未知参数：{other}；用法：normalize [--context none|hangzhou|CODE] < 地址.txt"
                );
                std::process::exit(2);
            }
        }
    }
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let line = line?;
        let addr = normalizer.parse(&line);
        let mut v = serde_json::to_value(&addr).map_err(io::Error::other)?;
        if let Some(obj) = v.as_object_mut() {
            obj.insert("key".into(), addr.canonical_key().into());
            obj.insert("input".into(), line.into());
        }
        serde_json::to_writer(&mut out, &v).map_err(io::Error::other)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
