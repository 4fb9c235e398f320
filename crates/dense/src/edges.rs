//! Edge-list front end: `src,dst[,weight]` lines in, blocks with their labels out.

use std::collections::HashMap;
use std::io::BufRead;

use crate::graph::{Bipartite, Duplicates, GraphBuilder};
use crate::multi::detect_multiple;
use crate::peel::{Metric, Options};

/// Why an edge list was refused. Lines are numbered from 1, fields from 1.
#[derive(Debug, thiserror::Error)]
pub enum EdgeError {
    /// The reader failed.
    #[error("line {line}: read error: {source}")]
    Io {
        /// Line being read.
        line: u64,
        /// The error.
        source: std::io::Error,
    },
    /// The line is not UTF-8.
    #[error("line {line}: not UTF-8")]
    NotUtf8 {
        /// Line number.
        line: u64,
    },
    /// Wrong number of comma-separated fields.
    #[error("line {line}: expected {expected} fields, found {found}")]
    FieldCount {
        /// Line number.
        line: u64,
        /// What was expected (`2 or 3`, `3`).
        expected: &'static str,
        /// How many there were.
        found: usize,
    },
    /// A label is empty (after trimming spaces).
    #[error("line {line}, field {field}: empty label")]
    EmptyLabel {
        /// Line number.
        line: u64,
        /// 1 (`src`) or 2 (`dst`).
        field: usize,
    },
    /// The weight is not a finite number ≥ 0.
    #[error("line {line}, field 3: weight {value:?} is not a finite number >= 0")]
    BadWeight {
        /// Line number.
        line: u64,
        /// The field as written.
        value: String,
    },
    /// More than `u32::MAX` distinct labels on one side.
    #[error("line {line}, field {field}: more than 4294967295 distinct labels")]
    TooManyLabels {
        /// Line number.
        line: u64,
        /// 1 or 2.
        field: usize,
    },
}

#[derive(Default)]
struct Labels {
    ids: HashMap<String, u32>,
    names: Vec<String>,
}

impl Labels {
    fn id(&mut self, label: &str) -> Option<u32> {
        if let Some(&id) = self.ids.get(label) {
            return Some(id);
        }
        let id = u32::try_from(self.names.len()).ok()?;
        self.ids.insert(label.to_owned(), id);
        self.names.push(label.to_owned());
        Some(id)
    }
}

/// Reads an edge list: one edge per line, `src,dst` or `src,dst,weight`, comma-separated, no
/// quoting; spaces around fields are trimmed; blank lines and lines starting with `#` are
/// skipped. Labels are arbitrary strings, given dense ids in first-seen order (rows for `src`,
/// columns for `dst`).
///
/// Unweighted (`weighted == false`): a third field is allowed and ignored; every distinct pair is
/// one edge of weight 1 (duplicates collapse, the 0/1 matrix of the reference FRAUDAR).
/// Weighted: the third field is required, a finite number ≥ 0; duplicate pairs' weights are
/// summed; weight-0 edges still name their nodes but add no edge.
///
/// Never panics; the error names the line, the field and the value.
pub fn read_edges(
    mut reader: impl BufRead,
    weighted: bool,
) -> Result<(Bipartite, Vec<String>, Vec<String>), EdgeError> {
    let mut rows = Labels::default();
    let mut cols = Labels::default();
    let dup = if weighted {
        Duplicates::Sum
    } else {
        Duplicates::Max
    };
    let mut builder = GraphBuilder::new().duplicates(dup);
    let mut buf = Vec::new();
    let mut line: u64 = 0;
    loop {
        buf.clear();
        line += 1;
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|source| EdgeError::Io { line, source })?;
        if n == 0 {
            break;
        }
        let text = std::str::from_utf8(&buf).map_err(|_| EdgeError::NotUtf8 { line })?;
        let text = text.trim_end_matches(['\n', '\r']);
        if text.trim().is_empty() || text.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = text.split(',').map(str::trim).collect();
        let ok = if weighted {
            fields.len() == 3
        } else {
            matches!(fields.len(), 2 | 3)
        };
        if !ok {
            let expected = if weighted { "3" } else { "2 or 3" };
            return Err(EdgeError::FieldCount {
                line,
                expected,
                found: fields.len(),
            });
        }
        for (i, f) in fields[..2].iter().enumerate() {
            if f.is_empty() {
                return Err(EdgeError::EmptyLabel { line, field: i + 1 });
            }
        }
        let weight = if weighted {
            let value = fields[2];
            match value.parse::<f64>() {
                Ok(w) if w.is_finite() && w >= 0.0 => w,
                _ => {
                    return Err(EdgeError::BadWeight {
                        line,
                        value: value.to_owned(),
                    });
                }
            }
        } else {
            1.0
        };
        let r = rows
            .id(fields[0])
            .ok_or(EdgeError::TooManyLabels { line, field: 1 })?;
        let c = cols
            .id(fields[1])
            .ok_or(EdgeError::TooManyLabels { line, field: 2 })?;
        builder.reserve_nodes(r.saturating_add(1), c.saturating_add(1));
        // The weight was checked above, so this cannot fail.
        builder
            .try_add_edge(r, c, weight)
            .map_err(|_| EdgeError::BadWeight {
                line,
                value: weight.to_string(),
            })?;
    }
    Ok((builder.build(), rows.names, cols.names))
}

/// One block with labels, for JSON output.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct BlockReport {
    /// 1 for the densest block, then in the order found.
    pub rank: usize,
    /// `g` = f / (rows + cols).
    pub score: f64,
    /// Number of rows.
    pub n_rows: usize,
    /// Number of columns.
    pub n_cols: usize,
    /// Row labels, in id (first-seen) order.
    pub rows: Vec<String>,
    /// Column labels, in id (first-seen) order.
    pub cols: Vec<String>,
}

/// The graph's size and its blocks, for JSON output.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct BlocksReport {
    /// Column weighting used.
    pub metric: Metric,
    /// Whether the third field was read as a weight.
    pub weighted: bool,
    /// Distinct `src` labels.
    pub n_rows: usize,
    /// Distinct `dst` labels.
    pub n_cols: usize,
    /// Distinct edges.
    pub n_edges: usize,
    /// Up to `k` blocks.
    pub blocks: Vec<BlockReport>,
}

/// Reads an edge list ([`read_edges`]) and finds up to `k` blocks ([`detect_multiple`]).
pub fn blocks_report(
    reader: impl BufRead,
    weighted: bool,
    metric: Metric,
    k: usize,
) -> Result<BlocksReport, EdgeError> {
    let (g, row_labels, col_labels) = read_edges(reader, weighted)?;
    let opts = Options {
        metric,
        ..Options::default()
    };
    let blocks = detect_multiple(&g, &opts, k)
        .into_iter()
        .enumerate()
        .map(|(i, b)| BlockReport {
            rank: i + 1,
            score: b.score,
            n_rows: b.rows.len(),
            n_cols: b.cols.len(),
            rows: b
                .rows
                .iter()
                .map(|&r| row_labels[r as usize].clone())
                .collect(),
            cols: b
                .cols
                .iter()
                .map(|&c| col_labels[c as usize].clone())
                .collect(),
        })
        .collect();
    Ok(BlocksReport {
        metric,
        weighted,
        n_rows: g.n_rows(),
        n_cols: g.n_cols(),
        n_edges: g.n_edges(),
        blocks,
    })
}

/// [`blocks_report`] as pretty JSON (what `tianping blocks` prints).
pub fn blocks_json(
    reader: impl BufRead,
    weighted: bool,
    metric: Metric,
    k: usize,
) -> Result<String, EdgeError> {
    let report = blocks_report(reader, weighted, metric, k)?;
    // Serialising plain strings and finite numbers cannot fail; a NaN would become `null`.
    Ok(serde_json::to_string_pretty(&report).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(input: &str, weighted: bool) -> String {
        read_edges(input.as_bytes(), weighted)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn labels_get_first_seen_ids() {
        let (g, rows, cols) = read_edges(
            "# comment\nalice, shop-b\n\nbob,shop-a,9\nalice,shop-a\nalice,shop-b\n".as_bytes(),
            false,
        )
        .unwrap();
        assert_eq!(rows, ["alice", "bob"]);
        assert_eq!(cols, ["shop-b", "shop-a"]);
        assert_eq!(g.n_edges(), 3, "the duplicate collapses");
        assert_eq!(g.row(0), (&[0u32, 1][..], &[1.0, 1.0][..]));
    }

    #[test]
    fn weights_are_summed() {
        let (g, _, _) = read_edges("a,x,2.5\r\na,x,1\nb,x,0\n".as_bytes(), true).unwrap();
        assert_eq!((g.n_rows(), g.n_edges()), (2, 1));
        assert_eq!(g.row(0).1, &[3.5]);
    }

    #[test]
    fn errors_name_line_field_and_value() {
        assert_eq!(
            err("a,b\nc\n", false),
            "line 2: expected 2 or 3 fields, found 1"
        );
        assert_eq!(err("a,b\n", true), "line 1: expected 3 fields, found 2");
        assert_eq!(
            err("a,b,1\na,b,-1\n", true),
            "line 2, field 3: weight \"-1\" is not a finite number >= 0"
        );
        assert_eq!(
            err("a,b,NaN\n", true),
            "line 1, field 3: weight \"NaN\" is not a finite number >= 0"
        );
        assert_eq!(
            err("a,b,inf\n", true),
            "line 1, field 3: weight \"inf\" is not a finite number >= 0"
        );
        assert_eq!(
            err("a,b,x\n", true),
            "line 1, field 3: weight \"x\" is not a finite number >= 0"
        );
        assert_eq!(err("a, \n", false), "line 1, field 2: empty label");
        assert_eq!(
            err("a,b\n\u{0},b,c,d\n", false),
            "line 2: expected 2 or 3 fields, found 4"
        );
        let bad = read_edges(&b"a,b\n\xff,b\n"[..], false).unwrap_err();
        assert_eq!(bad.to_string(), "line 2: not UTF-8");
    }

    #[test]
    fn json_has_labels_and_sizes() {
        let mut input = String::new();
        for u in ["u1", "u2", "u3"] {
            for p in ["p1", "p2", "p3"] {
                input.push_str(&format!("{u},{p}\n"));
            }
        }
        input.push_str("u4,p4\n");
        let json = blocks_json(input.as_bytes(), false, Metric::AvgDegree, 1).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["n_edges"], 10);
        assert_eq!(v["metric"], "avg_degree");
        assert_eq!(
            v["blocks"][0]["rows"],
            serde_json::json!(["u1", "u2", "u3"])
        );
        assert_eq!(v["blocks"][0]["score"], 1.5);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300), weighted: bool) {
            let _ = read_edges(&bytes[..], weighted);
        }

        #[test]
        fn never_panics_on_csv_like_text(s in "[a-c0-9,. \n\r#eE+-]{0,200}", weighted: bool) {
            if let Ok((g, rows, cols)) = read_edges(s.as_bytes(), weighted) {
                proptest::prop_assert_eq!(g.n_rows(), rows.len());
                proptest::prop_assert_eq!(g.n_cols(), cols.len());
            }
        }
    }
}
