//! 地址解析准确率：在带标注的地址表上逐级打分（省、市、区县、道路、门牌号）。
//!
//! Scores the parser against a labelled TSV (default: `tests/data/unseen_sample.tsv`, the unseen
//! sample of cpca's addr.csv) and prints one Markdown table.
//!
//! `cargo run -p tianping-address --example accuracy [-- --context none|hangzhou] [--errors] [FILE]`
//!
//! Columns are found by header name: `address` (required), `province`, `city`, `district`, `road`,
//! `number` (each optional). Scoring, the same as `bench/address.py`:
//! - a division level is scored over the rows whose label is not empty; a prediction is right when
//!   it equals the label or one of its `/` alternatives after removing the administrative suffix
//!   (杭州 = 杭州市); a label ending in `?` (江干区?) is right when the level is left empty;
//! - road and number are scored over the rows whose label is neither empty nor `?` (undecidable), by
//!   exact match (Chinese digits folded to ASCII in roads on both sides); a road or number output
//!   where the label is empty is counted separately as spurious.
//!
//! `--errors` lists the misses after the table (for reading after a measurement, not for tuning).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use tianping_address::{Address, Normalizer};

const SUFFIXES: &[&str] = &[
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "自治州",
    "地区",
    "新区",
    "省",
    "市",
    "区",
    "县",
    "盟",
    "旗",
    "州",
];

/// A division name without its administrative suffix (kept when the stem would be one character).
fn norm(name: &str) -> &str {
    for s in SUFFIXES {
        if let Some(stem) = name.strip_suffix(s)
            && stem.chars().count() >= 2
        {
            return stem;
        }
    }
    name
}

fn division_right(pred: Option<&str>, gold: &str) -> bool {
    pred.is_some_and(|p| gold.split('/').any(|g| norm(g) == norm(p)))
}

/// Chinese digits to ASCII so 科园一路 and 科园1路 compare equal.
fn fold_digits(s: &str) -> String {
    s.chars()
        .map(
            |c| match "〇一二三四五六七八九".chars().position(|d| d == c) {
                Some(i) => char::from_digit(i as u32, 10).unwrap_or(c),
                None => c,
            },
        )
        .collect()
}

#[derive(Default)]
struct Tally {
    right: usize,
    scored: usize,
    /// Output where the label is empty (road and number only).
    spurious: usize,
    unlabelled: usize,
}

impl Tally {
    fn cell(&self, with_spurious: bool) -> String {
        if self.scored == 0 {
            return "—".into();
        }
        let pct = 100.0 * self.right as f64 / self.scored as f64;
        let mut s = format!("{pct:.1}% ({}/{})", self.right, self.scored);
        if with_spurious {
            let _ = write!(s, "; spurious {}/{}", self.spurious, self.unlabelled);
        }
        s
    }
}

struct Args {
    context: Normalizer,
    context_name: String,
    errors: bool,
    file: PathBuf,
}

fn args() -> Result<Args, String> {
    let mut out = Args {
        context: Normalizer::new(),
        context_name: "none".into(),
        errors: false,
        file: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/unseen_sample.tsv"),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--context" => {
                let v = it.next().unwrap_or_default();
                out.context = match v.as_str() {
                    "none" => Normalizer::new(),
                    "hangzhou" => Normalizer::hangzhou(),
                    code => Normalizer::with_context(code).ok_or_else(|| {
                        format!("未知的区划代码：{code}（unknown division code）")
                    })?,
                };
                out.context_name = v;
            }
            "--errors" => out.errors = true,
            f if !f.starts_with('-') => out.file = PathBuf::from(f),
            other => {
                return Err(format!(
                    "未知参数：{other}；用法：accuracy [--context none|hangzhou|CODE] [--errors] [文件.tsv]"
                ));
            }
        }
    }
    Ok(out)
}

fn field<'a>(a: &'a Address, name: &str) -> Option<&'a str> {
    match name {
        "province" => a.province.as_deref(),
        "city" => a.city.as_deref(),
        "district" => a.district.as_deref(),
        "road" => a.road.as_deref(),
        "number" => a.number.as_deref(),
        _ => None,
    }
}

fn main() -> ExitCode {
    let args = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(&args.file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("无法读取 {}：{e}", args.file.display());
            return ExitCode::from(2);
        }
    };
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let Some(addr_col) = header.iter().position(|h| *h == "address") else {
        eprintln!(
            "{}：表头缺少 address 列（no `address` column）",
            args.file.display()
        );
        return ExitCode::from(2);
    };
    let levels: Vec<(&str, usize)> = ["province", "city", "district", "road", "number"]
        .iter()
        .filter_map(|l| header.iter().position(|h| h == l).map(|i| (*l, i)))
        .collect();
    let mut tallies: Vec<Tally> = levels.iter().map(|_| Tally::default()).collect();
    let mut misses = Vec::new();
    let mut rows = 0;
    for (n, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let Some(address) = cols.get(addr_col) else {
            eprintln!(
                "第 {} 行：缺少 address 列（line {} has no address）",
                n + 2,
                n + 2
            );
            return ExitCode::from(2);
        };
        rows += 1;
        let parsed = args.context.parse(address);
        for ((level, col), t) in levels.iter().zip(tallies.iter_mut()) {
            let gold = cols.get(*col).copied().unwrap_or("").trim();
            let pred = field(&parsed, level);
            let detail = matches!(*level, "road" | "number");
            if gold == "?" {
                continue;
            }
            if gold.is_empty() {
                if detail {
                    t.unlabelled += 1;
                    t.spurious += usize::from(pred.is_some());
                }
                continue;
            }
            t.scored += 1;
            let ok = if *level == "road" {
                pred.is_some_and(|p| fold_digits(p) == fold_digits(gold))
            } else if detail {
                pred == Some(gold)
            } else if gold.ends_with('?') {
                // "江干区?": the text cannot decide; right is not to claim one division
                pred.is_none()
            } else {
                division_right(pred, gold)
            };
            if ok {
                t.right += 1;
            } else {
                misses.push(format!("{level}\t{address}\t期望 {gold}\t得到 {pred:?}"));
            }
        }
    }
    println!(
        "{}: {rows} addresses, context {}\n",
        args.file.display(),
        args.context_name
    );
    println!(
        "| tool | {} |",
        levels.iter().map(|l| l.0).collect::<Vec<_>>().join(" | ")
    );
    println!("|---|{}", "---|".repeat(levels.len()));
    let cells: Vec<String> = levels
        .iter()
        .zip(&tallies)
        .map(|((l, _), t)| t.cell(matches!(*l, "road" | "number")))
        .collect();
    println!("| tianping-address | {} |", cells.join(" | "));
    if args.errors {
        println!();
        for m in &misses {
            println!("{m}");
        }
    }
    ExitCode::SUCCESS
}
