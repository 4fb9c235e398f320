//! Scans a text file line by line and reports how many lines have a standing match, by term —
//! a quick false-positive check on ordinary text.
//!
//! ```text
//! cargo run --release -p tianping-text --example scan_file -- PATH [--show N]
//! ```

use std::collections::BTreeMap;

use tianping_text::{Lexicon, scan};

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
    for line in text.lines() {
        lines += 1;
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
}
