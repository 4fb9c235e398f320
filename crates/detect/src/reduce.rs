//! Reductions a detector declares on its inputs, so that only what its analysis needs comes back
//! from the query engine (issue 11): row restrictions (typed predicates on declared columns, a
//! semi-join to another declared input, and a restriction to keys whose group in the same table
//! holds enough distinct values — a grouped subquery with `HAVING`) and group-by aggregates with
//! exact integer results.
//!
//! A reduction is data, not SQL: the engine turns it into a DataFusion plan (the same plan
//! embedded and on a cluster), and [`restrict`] applies its row restrictions in memory for tests.
//! A detector that declares a row restriction still checks the same conditions itself, so its
//! findings are the same on restricted and on unrestricted rows (the conformance harness checks
//! that for every detector). Declarations are checked at start-up by [`validate`], like
//! parameters: an unknown column or an aggregate on a column of the wrong type is an error
//! naming the detector, table and column.

use std::collections::BTreeSet;

use arrow::array::{Array, BooleanArray};
use arrow::datatypes::{DataType, SchemaRef};
use arrow::record_batch::RecordBatch;

use crate::columns::Columns;
use crate::{Input, InputData};

/// A literal a predicate compares a column with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Literal {
    /// Text (a `Utf8` column).
    Text(&'static str),
    /// A boolean (a `Boolean` column).
    Bool(bool),
    /// An integer (an `Int64` column).
    Int(i64),
}

/// A typed condition on one column; a null never satisfies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Predicate {
    /// `column = literal`.
    Eq(&'static str, Literal),
    /// The text column is one of the values.
    In(&'static str, &'static [&'static str]),
    /// The column is not null.
    NotNull(&'static str),
}

impl Predicate {
    /// The column it reads.
    pub fn column(&self) -> &'static str {
        match *self {
            Predicate::Eq(c, _) | Predicate::In(c, _) | Predicate::NotNull(c) => c,
        }
    }

    /// Whether row `row` of `batch` satisfies it (a missing column never does).
    pub fn holds(&self, batch: &RecordBatch, row: usize) -> bool {
        let c = Columns::new(batch);
        match *self {
            Predicate::Eq(col, Literal::Text(v)) => c.str(col, row) == Some(v),
            Predicate::Eq(col, Literal::Bool(v)) => c.bool(col, row) == Some(v),
            Predicate::Eq(col, Literal::Int(v)) => c.i64(col, row) == Some(v),
            Predicate::In(col, values) => c.str(col, row).is_some_and(|v| values.contains(&v)),
            Predicate::NotNull(col) => batch.column_by_name(col).is_some_and(|a| a.is_valid(row)),
        }
    }
}

/// Rows whose key appears among another declared input's rows (after that input's time cut-off
/// and its own declared filter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SemiJoin {
    /// Key columns of this table.
    pub columns: &'static [&'static str],
    /// The other declared input's table.
    pub table: &'static str,
    /// Its key columns, in the same order and of the same types.
    pub other_columns: &'static [&'static str],
}

/// Rows whose key's group — over this table's rows after its time cut-off and its own declared
/// filter — holds at least `at_least` distinct non-null values of `column`: a semi-join against
/// `SELECT keys FROM table GROUP BY keys HAVING COUNT(DISTINCT column) >= at_least`. For example,
/// daily shop rows of operators (by USCC) present on two platforms or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupHaving {
    /// Key columns (text) of this table.
    pub keys: &'static [&'static str],
    /// The column whose distinct values are counted per key.
    pub column: &'static str,
    /// The least count kept (at least 1).
    pub at_least: i64,
}

/// An aggregate over a group; every result is exact (integers, or a column's own minimum or
/// maximum), so it does not depend on partitioning or row order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregate {
    /// Rows in the group (`Int64`).
    Count {
        /// Output column.
        name: &'static str,
    },
    /// Rows in the group satisfying a predicate (`Int64`).
    CountWhere {
        /// Output column.
        name: &'static str,
        /// The condition.
        predicate: Predicate,
    },
    /// Smallest non-null value (the column's type; integer, time, date or text).
    Min {
        /// Output column.
        name: &'static str,
        /// Input column.
        column: &'static str,
    },
    /// Largest non-null value (the column's type; integer, time, date or text).
    Max {
        /// Output column.
        name: &'static str,
        /// Input column.
        column: &'static str,
    },
    /// Sum of an `Int64` column (`Int64`; amounts are integer 分 in the standard).
    Sum {
        /// Output column.
        name: &'static str,
        /// Input column.
        column: &'static str,
    },
    /// Distinct non-null values (`Int64`).
    CountDistinct {
        /// Output column.
        name: &'static str,
        /// Input column.
        column: &'static str,
    },
}

impl Aggregate {
    /// The output column's name.
    pub fn name(&self) -> &'static str {
        match *self {
            Aggregate::Count { name }
            | Aggregate::CountWhere { name, .. }
            | Aggregate::Min { name, .. }
            | Aggregate::Max { name, .. }
            | Aggregate::Sum { name, .. }
            | Aggregate::CountDistinct { name, .. } => name,
        }
    }
}

/// Group-by columns and the aggregates computed per group; the result has the key columns and
/// then one column per aggregate, one row per group, in no particular order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupBy {
    /// Key columns.
    pub keys: &'static [&'static str],
    /// Aggregates.
    pub aggregates: &'static [Aggregate],
}

/// What the engine does to one declared input before its rows come back: all `filter`
/// predicates (AND), then the semi-join, then the grouped restriction (`having`), then the
/// group-by (or, without one, the declared columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reduction {
    /// The declared input's table.
    pub table: &'static str,
    /// Conditions every returned row satisfies, on declared columns.
    pub filter: &'static [Predicate],
    /// Restriction to keys present in another declared input.
    pub semi_join: Option<SemiJoin>,
    /// Restriction to keys whose group holds enough distinct values of a column.
    pub having: Option<GroupHaving>,
    /// Aggregation, if the analysis needs only aggregates.
    pub group_by: Option<GroupBy>,
}

/// A declaration that cannot run: names the detector, table and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "检测器 {detector} 的归约声明无效：表 {table} 列 {column}：{problem_zh} (detector {detector}: reduction on table {table}, column {column}: {problem_en})"
)]
pub struct ReduceError {
    /// Detector id.
    pub detector: String,
    /// Table.
    pub table: String,
    /// Column (empty when the problem is the table).
    pub column: String,
    /// The problem, in Chinese.
    pub problem_zh: &'static str,
    /// The problem, in English.
    pub problem_en: &'static str,
}

fn is_text(t: &DataType) -> bool {
    matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View)
}

/// Checks a detector's reductions against its inputs and the lake's schemas (`schema_of`
/// returns a table's Arrow schema).
pub fn validate(
    detector: &str,
    inputs: &[Input],
    reductions: &[Reduction],
    schema_of: &dyn Fn(&str) -> Option<SchemaRef>,
) -> Result<(), ReduceError> {
    let mut seen = BTreeSet::new();
    for r in reductions {
        let err = |column: &str, problem_zh: &'static str, problem_en: &'static str| ReduceError {
            detector: detector.to_string(),
            table: r.table.to_string(),
            column: column.to_string(),
            problem_zh,
            problem_en,
        };
        let Some(input) = inputs.iter().find(|i| i.table == r.table) else {
            return Err(err("", "不是该检测器声明的输入表", "not a declared input"));
        };
        if !seen.insert(r.table) {
            return Err(err(
                "",
                "同一表声明了两个归约",
                "two reductions on one table",
            ));
        }
        let Some(schema) = schema_of(r.table) else {
            return Err(err("", "湖中无此表", "no such table in the lake"));
        };
        let type_of = |column: &str| -> Result<DataType, ReduceError> {
            schema
                .field_with_name(column)
                .map(|f| f.data_type().clone())
                .map_err(|_| err(column, "表中无此列", "no such column"))
        };
        let check_predicate = |p: &Predicate| -> Result<(), ReduceError> {
            let t = type_of(p.column())?;
            let ok = match p {
                Predicate::Eq(_, Literal::Text(_)) | Predicate::In(..) => is_text(&t),
                Predicate::Eq(_, Literal::Bool(_)) => t == DataType::Boolean,
                Predicate::Eq(_, Literal::Int(_)) => t == DataType::Int64,
                Predicate::NotNull(_) => true,
            };
            if ok {
                Ok(())
            } else {
                Err(err(
                    p.column(),
                    "条件的值与列类型不符",
                    "the predicate's value does not match the column's type",
                ))
            }
        };
        for p in r.filter {
            check_predicate(p)?;
            if !input.columns.contains(&p.column()) {
                return Err(err(
                    p.column(),
                    "过滤列须是声明读取的列（检测器自己也要复核该条件）",
                    "a filter column must be a declared column (the detector re-checks it)",
                ));
            }
        }
        if let Some(j) = &r.semi_join {
            let Some(other) = inputs.iter().find(|i| i.table == j.table) else {
                return Err(err(
                    "",
                    "半连接的另一表不是声明的输入",
                    "the semi-join's other table is not a declared input",
                ));
            };
            let other_schema = (j.table != r.table)
                .then(|| schema_of(j.table))
                .flatten()
                .ok_or_else(|| {
                    err(
                        "",
                        "半连接须连接另一张湖中的表",
                        "a semi-join needs another table of the lake",
                    )
                })?;
            if j.columns.is_empty() || j.columns.len() != j.other_columns.len() {
                return Err(err(
                    "",
                    "半连接两侧键列数须相等且非零",
                    "a semi-join needs as many key columns on each side, at least one",
                ));
            }
            for (a, b) in j.columns.iter().zip(j.other_columns) {
                let ta = type_of(a)?;
                if !is_text(&ta) {
                    return Err(err(
                        a,
                        "半连接键须是文本列",
                        "a semi-join key must be a text column",
                    ));
                }
                if !input.columns.contains(a) {
                    return Err(err(
                        a,
                        "半连接键须是声明读取的列",
                        "a semi-join key must be a declared column",
                    ));
                }
                let tb = other_schema
                    .field_with_name(b)
                    .map(|f| f.data_type().clone())
                    .map_err(|_| err(b, "另一表中无此列", "no such column in the other table"))?;
                if ta != tb || !other.columns.contains(b) {
                    return Err(err(
                        b,
                        "半连接键类型不符或未在另一输入中声明",
                        "the semi-join key's type differs or it is not declared by the other input",
                    ));
                }
            }
        }
        if let Some(h) = &r.having {
            if h.keys.is_empty() || h.at_least < 1 {
                return Err(err(
                    h.column,
                    "分组限制须有键列且下限至少为 1",
                    "a grouped restriction needs key columns and a least count of at least 1",
                ));
            }
            for k in h.keys {
                if !is_text(&type_of(k)?) {
                    return Err(err(
                        k,
                        "分组键须是文本列",
                        "a group key must be a text column",
                    ));
                }
            }
            type_of(h.column)?;
            if let Some(c) = h
                .keys
                .iter()
                .chain([&h.column])
                .find(|c| !input.columns.contains(c))
            {
                return Err(err(
                    c,
                    "分组限制的列须是声明读取的列（检测器自己也要复核该条件）",
                    "a grouped restriction's columns must be declared columns (the detector re-checks it)",
                ));
            }
        }
        if let Some(g) = &r.group_by {
            let mut names: BTreeSet<&str> = BTreeSet::new();
            for k in g.keys {
                type_of(k)?;
                if !names.insert(k) {
                    return Err(err(k, "输出列重名", "duplicate output column"));
                }
            }
            for a in g.aggregates {
                if !names.insert(a.name()) {
                    return Err(err(a.name(), "输出列重名", "duplicate output column"));
                }
                match *a {
                    Aggregate::Count { .. } => {}
                    Aggregate::CountWhere { predicate, .. } => check_predicate(&predicate)?,
                    Aggregate::CountDistinct { column, .. } => {
                        type_of(column)?;
                    }
                    Aggregate::Sum { column, .. } => {
                        if type_of(column)? != DataType::Int64 {
                            return Err(err(
                                column,
                                "只能对整数列求和（金额为整数分）",
                                "sum needs an Int64 column (amounts are integer fen)",
                            ));
                        }
                    }
                    Aggregate::Min { column, .. } | Aggregate::Max { column, .. } => {
                        let t = type_of(column)?;
                        if !(is_text(&t)
                            || matches!(
                                t,
                                DataType::Int64 | DataType::Date32 | DataType::Timestamp(..)
                            ))
                        {
                            return Err(err(
                                column,
                                "最小/最大值只能取整数、时间、日期或文本列",
                                "min/max needs an integer, time, date or text column",
                            ));
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

/// Applies the row restrictions (filter, semi-join and grouped restriction, not the group-by) of `reductions` to
/// `data` in memory, as the engine's plans do: for tests, and for checking that a detector's
/// findings do not change when its rows are restricted.
pub fn restrict(reductions: &[Reduction], data: &InputData) -> InputData {
    let mut out = data.clone();
    for r in reductions {
        let keys: Option<BTreeSet<Vec<String>>> = r.semi_join.map(|j| {
            let other_filter = reductions
                .iter()
                .find(|o| o.table == j.table)
                .map_or(&[][..], |o| o.filter);
            let mut keys = BTreeSet::new();
            for batch in data.batches(j.table) {
                for row in 0..batch.num_rows() {
                    if other_filter.iter().all(|p| p.holds(batch, row))
                        && let Some(k) = key(batch, row, j.other_columns)
                    {
                        keys.insert(k);
                    }
                }
            }
            keys
        });
        // Keys whose group, over this table's rows passing its filter, holds enough values.
        let grouped: Option<BTreeSet<Vec<String>>> = r.having.map(|h| {
            let mut values: std::collections::BTreeMap<Vec<String>, BTreeSet<String>> =
                Default::default();
            for batch in data.batches(r.table) {
                for row in 0..batch.num_rows() {
                    if r.filter.iter().all(|p| p.holds(batch, row))
                        && let Some(k) = key(batch, row, h.keys)
                        && let Some(v) = value(batch, row, h.column)
                    {
                        values.entry(k).or_default().insert(v);
                    }
                }
            }
            values
                .into_iter()
                .filter(|(_, v)| i64::try_from(v.len()).unwrap_or(i64::MAX) >= h.at_least)
                .map(|(k, _)| k)
                .collect()
        });
        let batches =
            data.batches(r.table)
                .iter()
                .map(|batch| {
                    let mask: BooleanArray = (0..batch.num_rows())
                        .map(|row| {
                            let kept = r.filter.iter().all(|p| p.holds(batch, row))
                                && match (&keys, r.semi_join) {
                                    (Some(keys), Some(j)) => key(batch, row, j.columns)
                                        .is_some_and(|k| keys.contains(&k)),
                                    _ => true,
                                }
                                && match (&grouped, r.having) {
                                    (Some(groups), Some(h)) => {
                                        key(batch, row, h.keys).is_some_and(|k| groups.contains(&k))
                                    }
                                    _ => true,
                                };
                            Some(kept)
                        })
                        .collect();
                    arrow::compute::filter_record_batch(batch, &mask)
                        .unwrap_or_else(|_| batch.slice(0, 0))
                })
                .collect();
        out.tables.insert(r.table.to_string(), batches);
    }
    out
}

/// A row's key as text (every join key in the standard is text); `None` if any part is null.
fn key(batch: &RecordBatch, row: usize, columns: &[&str]) -> Option<Vec<String>> {
    let c = Columns::new(batch);
    columns
        .iter()
        .map(|col| c.str(col, row).map(str::to_string))
        .collect()
}

/// A non-null cell of any type as text (for counting distinct values); `None` if null or missing.
fn value(batch: &RecordBatch, row: usize, column: &str) -> Option<String> {
    let array = batch.column_by_name(column)?;
    if !array.is_valid(row) {
        return None;
    }
    arrow::util::display::array_value_to_string(array, row).ok()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow::array::{ArrayRef, BooleanArray, StringArray};

    use super::*;

    fn table(cols: Vec<(&str, ArrayRef)>) -> RecordBatch {
        RecordBatch::try_from_iter(cols).unwrap()
    }

    fn text(v: Vec<Option<&str>>) -> ArrayRef {
        Arc::new(StringArray::from(v))
    }

    #[test]
    fn restrict_keeps_rows_that_pass_the_filter_and_whose_key_the_other_input_holds() {
        let mut data = InputData::default();
        data.tables.insert(
            "orders".into(),
            vec![table(vec![
                (
                    "buyer",
                    text(vec![Some("a"), Some("b"), None, Some("c"), Some("a")]),
                ),
                (
                    "status",
                    text(vec![
                        Some("done"),
                        Some("done"),
                        Some("done"),
                        Some("done"),
                        None,
                    ]),
                ),
                (
                    "flag",
                    Arc::new(BooleanArray::from(vec![
                        Some(true),
                        Some(true),
                        Some(true),
                        Some(false),
                        Some(true),
                    ])),
                ),
            ])],
        );
        data.tables.insert(
            "complaints".into(),
            vec![table(vec![
                ("who", text(vec![Some("a"), Some("c"), Some("b"), None])),
                (
                    "kind",
                    text(vec![Some("x"), Some("x"), Some("y"), Some("x")]),
                ),
            ])],
        );
        static R: [Reduction; 2] = [
            Reduction {
                table: "orders",
                filter: &[
                    Predicate::In("status", &["done"]),
                    Predicate::Eq("flag", Literal::Bool(true)),
                ],
                semi_join: Some(SemiJoin {
                    columns: &["buyer"],
                    table: "complaints",
                    other_columns: &["who"],
                }),
                having: None,
                group_by: None,
            },
            // The other side's own filter applies: b complained only of kind y.
            Reduction {
                table: "complaints",
                filter: &[Predicate::Eq("kind", Literal::Text("x"))],
                semi_join: None,
                having: None,
                group_by: None,
            },
        ];
        let out = restrict(&R, &data);
        let buyers: Vec<Option<&str>> = out
            .batches("orders")
            .iter()
            .flat_map(|b| (0..b.num_rows()).map(move |r| Columns::new(b).str("buyer", r)))
            .collect();
        // Row 1 (a, done, true) only: b's complaint is filtered out, the null buyer never
        // matches, c's order fails the flag, the second a has no status.
        assert_eq!(buyers, vec![Some("a")]);
        assert_eq!(out.batches("complaints")[0].num_rows(), 3);
        // No reductions: the data unchanged.
        assert_eq!(restrict(&[], &data).batches("orders")[0].num_rows(), 5);
    }

    #[test]
    fn restrict_keeps_rows_of_keys_whose_group_holds_enough_distinct_values() {
        let mut data = InputData::default();
        data.tables.insert(
            "daily".into(),
            vec![table(vec![
                (
                    "uscc",
                    text(vec![
                        Some("u1"),
                        Some("u1"),
                        Some("u2"),
                        Some("u2"),
                        None,
                        Some("u3"),
                    ]),
                ),
                (
                    "platform",
                    text(vec![
                        Some("p"),
                        Some("q"),
                        Some("p"),
                        Some("p"),
                        Some("q"),
                        None,
                    ]),
                ),
                (
                    "status",
                    text(vec![
                        Some("open"),
                        Some("open"),
                        Some("open"),
                        Some("open"),
                        Some("open"),
                        Some("open"),
                    ]),
                ),
            ])],
        );
        static R: [Reduction; 1] = [Reduction {
            table: "daily",
            filter: &[],
            semi_join: None,
            having: Some(GroupHaving {
                keys: &["uscc"],
                column: "platform",
                at_least: 2,
            }),
            group_by: None,
        }];
        let uscc_of = |d: &InputData| -> Vec<Option<String>> {
            d.batches("daily")
                .iter()
                .flat_map(|b| {
                    (0..b.num_rows()).map(move |r| Columns::new(b).str("uscc", r).map(String::from))
                })
                .collect()
        };
        // u1 is on p and q; u2 twice on p; the null USCC and u3's null platform never count.
        assert_eq!(
            uscc_of(&restrict(&R, &data)),
            vec![Some("u1".to_string()), Some("u1".to_string())]
        );
        // A filter applies before counting: without u1's q row it has one platform.
        static F: [Reduction; 1] = [Reduction {
            filter: &[Predicate::Eq("platform", Literal::Text("p"))],
            ..R[0]
        }];
        assert!(uscc_of(&restrict(&F, &data)).is_empty());
    }
}
