//! The parser over every real address we hold: all 18,367 lines of cpca's addr.csv
//! (`shared/data/cpca-adcodes-and-addresses`, MIT) and every labelled file in `tests/data`, with
//! and without the Hangzhou context. Stands in for the fuzz target where `cargo fuzz` is not run:
//! no panic, and the invariants of a parse hold on each line.
//!
//! The shared data directory is `../shared/data` beside the repository, or `TIANPING_SHARED_DATA`.

use std::path::PathBuf;

use tianping_address::{Address, KeyLevel, Normalizer};

fn shared_data() -> PathBuf {
    std::env::var_os("TIANPING_SHARED_DATA").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
        PathBuf::from,
    )
}

fn read(path: &PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}); set TIANPING_SHARED_DATA to the shared data directory",
            path.display()
        )
    })
}

/// The longest run of ASCII digits in `s`.
fn longest_digit_run(s: &str) -> usize {
    s.split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0)
}

/// Invariants of one parse; returns a description of the first one broken.
fn check(text: &str, a: &Address, again: &Address) -> Result<(), String> {
    if a != again {
        return Err("two parses differ".into());
    }
    if let Some(code) = &a.adcode
        && (code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(format!("adcode {code} is not 6 digits"));
    }
    if let Some(code) = &a.street_code {
        if code.len() != 9 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("street code {code} is not 9 digits"));
        }
        if !a.ambiguous && a.adcode.as_deref() != Some(&code[..6]) {
            return Err(format!(
                "street code {code} is not inside adcode {:?}",
                a.adcode
            ));
        }
    }
    if a.ambiguous != (a.candidates.len() >= 2) {
        return Err(format!(
            "ambiguous = {} with {} candidates",
            a.ambiguous,
            a.candidates.len()
        ));
    }
    if let Some(n) = &a.number
        && !n.chars().any(|c| c.is_ascii_digit())
    {
        return Err(format!("number {n} has no digit"));
    }
    if let Some(r) = &a.road
        && !["路", "街", "巷", "道", "胡同"]
            .iter()
            .any(|s| r.ends_with(s))
    {
        return Err(format!("road {r} has no road suffix"));
    }
    // no phone number (≥ 10 digits in a row: mobiles, landlines with area code) survives into
    // the output, where the input had one
    let json = serde_json::to_string(a).map_err(|e| e.to_string())?;
    if longest_digit_run(&json) >= 10 && longest_digit_run(text) >= 10 {
        return Err(format!("a phone-like digit run is in the output: {json}"));
    }
    let _ = (a.canonical_key(), a.key(KeyLevel::Room));
    Ok(())
}

fn run_all(lines: &[String]) -> usize {
    let nationwide = Normalizer::new();
    let hangzhou = Normalizer::hangzhou();
    let mut failures = Vec::new();
    for line in lines {
        for n in [nationwide, hangzhou] {
            let a = n.parse(line);
            if let Err(e) = check(line, &a, &n.parse(line)) {
                failures.push(format!("{line}: {e}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} lines break an invariant, e.g. {:?}",
        failures.len(),
        lines.len(),
        &failures[..failures.len().min(5)]
    );
    lines.len()
}

#[test]
fn every_line_of_cpca_addr_csv() {
    let text = read(&shared_data().join("cpca-adcodes-and-addresses/addr.csv"));
    // first field of each CSV row (the addresses hold no quotes or commas of their own in this file
    // except where quoted; a quoted field is taken whole)
    let lines: Vec<String> = text
        .lines()
        .skip(1)
        .map(|l| match l.strip_prefix('"') {
            Some(rest) => rest.split('"').next().unwrap_or_default().to_string(),
            None => l.split(',').next().unwrap_or_default().to_string(),
        })
        .collect();
    assert_eq!(lines.len(), 18_367, "addr.csv should have 18,367 rows");
    assert_eq!(run_all(&lines), 18_367);
    // the parse is not trivially empty: 14,585 lines (79 %) resolved to a division when this was
    // written (many lines name only a building); a fall below 75 % is a regression
    let resolved = lines
        .iter()
        .filter(|l| Normalizer::new().parse(l).adcode.is_some())
        .count();
    assert!(
        resolved > lines.len() * 3 / 4,
        "only {resolved} lines resolved"
    );
}

#[test]
fn every_labelled_address_in_tests_data() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut total = 0;
    for name in [
        "cpca_addr_sample.tsv",
        "tool_cases.tsv",
        "hangzhou_heldout.tsv",
        "unseen_sample.tsv",
        "unseen_sample2.tsv",
    ] {
        let text = read(&dir.join(name));
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
        let col = header
            .iter()
            .position(|h| *h == "address")
            .unwrap_or_else(|| panic!("{name}: no address column"));
        let addrs: Vec<String> = lines
            .filter_map(|l| l.split('\t').nth(col).map(str::to_string))
            .collect();
        assert!(!addrs.is_empty(), "{name} is empty");
        total += run_all(&addrs);
    }
    assert_eq!(total, 276 + 42 + 50 + 200 + 150);
}
