//! Scans a text file line by line and reports how many lines have a standing match, by term —
//! a quick false-positive check on ordinary text. It then judges every line as ad copy of a
//! general product (absolute terms with the guideline's exemptions and the structural, market-wide
//! forms; medical claims) and reports the lines with a violation: the judged figure.
//!
//! ```text
//! cargo run --release -p tianping-text --example scan_file -- PATH [--show N]
//! ```

use std::collections::BTreeMap;

use tianping_text::{JudgeContext, Lexicon, judge_absolute_terms, judge_claims, scan};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: scan_file PATH [--show N]");
        std::process::exit(2);
    };
    let show: usize = match args.get(2).map(String::as_str) {
        Some("--show") => args.get(3).and_then(|n| n.parse().ok()).unwrap_or(10),
        _ => 0,
    };
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let lex = Lexicon::builtin();
    let (mut lines, mut flagged) = (0usize, 0usize);
    let mut by_term: BTreeMap<String, usize> = BTreeMap::new();
    let mut shown = 0;
    let ctx = JudgeContext {
        trademarks: &[],
        product_class: Some("general"),
    };
    let mut judged = 0usize;
    let mut by_violation: BTreeMap<String, usize> = BTreeMap::new();
    for line in text.lines() {
        lines += 1;
        let violations: Vec<String> = judge_absolute_terms(line, &ctx)
            .into_iter()
            .chain(judge_claims(line, &ctx))
            .filter(|j| j.is_violation())
            .map(|j| j.hit.term)
            .collect();
        if !violations.is_empty() {
            judged += 1;
            for t in violations {
                *by_violation.entry(t).or_default() += 1;
            }
        }
        let hits = scan(lex, line);
        if hits.is_empty() {
            continue;
        }
        flagged += 1;
        for h in &hits {
            *by_term
                .entry(format!("{} ({})", h.term, h.category.as_str()))
                .or_default() += 1;
        }
        if shown < show {
            shown += 1;
            println!("{line}");
        }
    }
    let rate = if lines == 0 {
        0.0
    } else {
        flagged as f64 / lines as f64
    };
    println!(
        "{path}: {flagged} of {lines} lines have a standing match ({:.3}%)",
        rate * 100.0
    );
    for (term, n) in by_term {
        println!("  {n:>6}  {term}");
    }
    println!(
        "{path}: {judged} of {lines} lines judged a violation as general-product ad copy ({:.3}%)",
        if lines == 0 {
            0.0
        } else {
            judged as f64 * 100.0 / lines as f64
        }
    );
    for (term, n) in by_violation {
        println!("  {n:>6}  {term}");
    }
}
