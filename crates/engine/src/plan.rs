//! The declared queries as DataFusion plans: a detector's [`Input`] (its columns, rows at or
//! before `as_of`) and, when it declares one, its [`Reduction`] (typed filters, a semi-join to
//! another declared input, a semi-join to the keys of a grouped subquery of the same table with
//! `HAVING COUNT(DISTINCT …) >= n`, a group-by with exact aggregates), built with the `DataFrame` API so
//! the same logical plan runs embedded and, serialised, on a Ballista cluster. No SQL text is
//! assembled from names.

use tianping_detect::{Aggregate, Input, Literal, Predicate, Reduction};
use tianping_query::datafusion::arrow::datatypes::DataType;
use tianping_query::datafusion::dataframe::DataFrame;
use tianping_query::datafusion::error::Result;
use tianping_query::datafusion::functions_aggregate::expr_fn::{
    count, count_distinct, max, min, sum,
};
use tianping_query::datafusion::logical_expr::{Expr, JoinType, cast, ident, lit, when};
use tianping_query::datafusion::prelude::SessionContext;

/// A table's rows at or before `as_of` (by the input's time column), with `filter` applied.
async fn base(
    ctx: &SessionContext,
    input: &Input,
    filter: &[Predicate],
    as_of_ns: i64,
) -> Result<DataFrame> {
    let mut df = ctx.table(input.table).await?;
    if let Some(time) = input.time_column {
        df = df.filter(cast(ident(time), DataType::Int64).lt_eq(lit(as_of_ns)))?;
    }
    for p in filter {
        df = df.filter(predicate(p))?;
    }
    Ok(df)
}

fn literal(l: &Literal) -> Expr {
    match *l {
        Literal::Text(v) => lit(v),
        Literal::Bool(v) => lit(v),
        Literal::Int(v) => lit(v),
    }
}

/// A predicate as an expression (null compares as not true, so a null row is dropped).
fn predicate(p: &Predicate) -> Expr {
    match p {
        Predicate::Eq(c, l) => ident(*c).eq(literal(l)),
        Predicate::In(c, values) => {
            ident(*c).in_list(values.iter().map(|v| lit(*v)).collect(), false)
        }
        Predicate::NotNull(c) => ident(*c).is_not_null(),
    }
}

fn aggregate(a: &Aggregate) -> Result<Expr> {
    Ok(match *a {
        Aggregate::Count { name } => count(lit(1i64)).alias(name),
        Aggregate::CountWhere { name, predicate: p } => {
            // Counts the non-null values of CASE WHEN p THEN 1 END: the rows where p holds.
            count(when(predicate(&p), lit(1i64)).end()?).alias(name)
        }
        Aggregate::Min { name, column } => min(ident(column)).alias(name),
        Aggregate::Max { name, column } => max(ident(column)).alias(name),
        Aggregate::Sum { name, column } => sum(ident(column)).alias(name),
        Aggregate::CountDistinct { name, column } => count_distinct(ident(column)).alias(name),
    })
}

/// The plan of one declared input of a detector whose inputs are `inputs`: `reduction` (if the
/// detector declares one for this table) applied, else the declared columns.
pub async fn input_frame(
    ctx: &SessionContext,
    input: &Input,
    inputs: &[Input],
    reductions: &[Reduction],
    as_of_ns: i64,
) -> Result<DataFrame> {
    let reduction = reductions.iter().find(|r| r.table == input.table);
    let mut df = base(ctx, input, reduction.map_or(&[], |r| r.filter), as_of_ns).await?;
    if let Some(join) = reduction.and_then(|r| r.semi_join)
        && let Some(other) = inputs.iter().find(|i| i.table == join.table)
    {
        let other_filter = reductions
            .iter()
            .find(|r| r.table == join.table)
            .map_or(&[][..], |r| r.filter);
        // The other table's distinct keys (a few per listing, not a row per observation) are
        // the build side: `keys RIGHT SEMI JOIN df` keeps df's rows and schema while the hash
        // table holds the keys, not the (usually larger) table being reduced.
        let keys = base(ctx, other, other_filter, as_of_ns)
            .await?
            .select(
                join.other_columns
                    .iter()
                    .map(|c| ident(*c))
                    .collect::<Vec<_>>(),
            )?
            .distinct()?;
        df = keys.join(
            df,
            JoinType::RightSemi,
            join.other_columns,
            join.columns,
            None,
        )?;
    }
    if let Some(having) = reduction.and_then(|r| r.having) {
        // SELECT keys AS __group_key_i FROM <table, cut and filtered> GROUP BY keys
        // HAVING COUNT(DISTINCT column) >= at_least; the keys renamed so that the self-join's
        // two sides share no column name.
        let renamed: Vec<String> = (0..having.keys.len())
            .map(|i| format!("__group_key_{i}"))
            .collect();
        let groups = base(ctx, input, reduction.map_or(&[], |r| r.filter), as_of_ns)
            .await?
            .aggregate(
                having.keys.iter().map(|k| ident(*k)).collect(),
                vec![count_distinct(ident(having.column)).alias("__distinct")],
            )?
            .filter(ident("__distinct").gt_eq(lit(having.at_least)))?
            .select(
                having
                    .keys
                    .iter()
                    .zip(&renamed)
                    .map(|(k, r)| ident(*k).alias(r))
                    .collect::<Vec<_>>(),
            )?;
        // The groups (one row per key that qualifies) are the build side, as above.
        let left: Vec<&str> = renamed.iter().map(String::as_str).collect();
        df = groups.join(df, JoinType::RightSemi, &left, having.keys, None)?;
    }
    match reduction.and_then(|r| r.group_by) {
        Some(group) => {
            let keys = group.keys.iter().map(|k| ident(*k)).collect();
            let aggs = group
                .aggregates
                .iter()
                .map(aggregate)
                .collect::<Result<Vec<_>>>()?;
            df.aggregate(keys, aggs)
        }
        None => df.select(input.columns.iter().map(|c| ident(*c)).collect::<Vec<_>>()),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use tianping_detect::columns::Columns;
    use tianping_detect::{GroupBy, GroupHaving, SemiJoin};
    use tianping_query::datafusion::arrow::array::{
        ArrayRef, BooleanArray, Int64Array, RecordBatch, StringArray, TimestampNanosecondArray,
    };
    use tianping_query::datafusion::datasource::MemTable;
    use tianping_query::datafusion::prelude::SessionConfig;

    use super::*;

    const ORDERS: Input = Input {
        table: "orders",
        columns: &[
            "merchant_id",
            "buyer_pid",
            "status",
            "amount",
            "at",
            "invoice",
        ],
        time_column: Some("at"),
    };
    const COMPLAINTS: Input = Input {
        table: "complaints",
        columns: &["complainant_pid", "received_at"],
        time_column: Some("received_at"),
    };
    const AS_OF: i64 = 100;

    type Order = (
        &'static str,
        Option<&'static str>,
        &'static str,
        Option<i64>,
        i64,
        Option<bool>,
    );

    /// Eight orders (one after `as_of`), in `parts` partitions, and three complaints.
    fn session(parts: usize, reversed: bool) -> SessionContext {
        let mut orders: Vec<Order> = vec![
            ("m1", Some("a"), "completed", Some(500), 10, Some(true)),
            ("m1", Some("b"), "completed", Some(300), 20, Some(false)),
            ("m1", Some("a"), "refunded", Some(200), 30, None),
            ("m1", None, "completed", None, 40, Some(true)),
            ("m2", Some("c"), "paid", Some(700), 15, Some(true)),
            ("m2", Some("c"), "completed", Some(100), 25, Some(true)),
            ("m2", Some("d"), "completed", Some(1_000), 200, Some(true)),
            ("m3", Some("e"), "signed", Some(50), 5, Some(true)),
        ];
        if reversed {
            orders.reverse();
        }
        let ctx =
            SessionContext::new_with_config(SessionConfig::new().with_target_partitions(parts));
        let chunk = orders.len().div_ceil(parts);
        let batches: Vec<Vec<RecordBatch>> = orders
            .chunks(chunk)
            .map(|rows| {
                vec![
                    RecordBatch::try_from_iter_with_nullable([
                        (
                            "merchant_id",
                            Arc::new(StringArray::from(
                                rows.iter().map(|r| r.0).collect::<Vec<_>>(),
                            )) as ArrayRef,
                            true,
                        ),
                        (
                            "buyer_pid",
                            Arc::new(StringArray::from(
                                rows.iter().map(|r| r.1).collect::<Vec<_>>(),
                            )) as ArrayRef,
                            true,
                        ),
                        (
                            "status",
                            Arc::new(StringArray::from(
                                rows.iter().map(|r| r.2).collect::<Vec<_>>(),
                            )) as ArrayRef,
                            true,
                        ),
                        (
                            "amount",
                            Arc::new(Int64Array::from(
                                rows.iter().map(|r| r.3).collect::<Vec<_>>(),
                            )) as ArrayRef,
                            true,
                        ),
                        (
                            "at",
                            Arc::new(TimestampNanosecondArray::from(
                                rows.iter().map(|r| r.4).collect::<Vec<_>>(),
                            )) as ArrayRef,
                            true,
                        ),
                        (
                            "invoice",
                            Arc::new(BooleanArray::from(
                                rows.iter().map(|r| r.5).collect::<Vec<_>>(),
                            )) as ArrayRef,
                            true,
                        ),
                    ])
                    .unwrap(),
                ]
            })
            .collect();
        let schema = batches[0][0].schema();
        ctx.register_table(
            "orders",
            Arc::new(MemTable::try_new(schema, batches).unwrap()),
        )
        .unwrap();
        let complaints = RecordBatch::try_from_iter_with_nullable([
            (
                "complainant_pid",
                Arc::new(StringArray::from(vec![
                    Some("a"),
                    Some("c"),
                    Some("d"),
                    None,
                ])) as ArrayRef,
                true,
            ),
            (
                "received_at",
                Arc::new(TimestampNanosecondArray::from(vec![50, 60, 300, 70])) as ArrayRef,
                true,
            ),
        ])
        .unwrap();
        ctx.register_table(
            "complaints",
            Arc::new(MemTable::try_new(complaints.schema(), vec![vec![complaints]]).unwrap()),
        )
        .unwrap();
        ctx
    }

    /// Every row as text, sorted (the result's order is not part of the contract).
    async fn rows(ctx: &SessionContext, reductions: &[Reduction]) -> Vec<String> {
        let batches = input_frame(ctx, &ORDERS, &[ORDERS, COMPLAINTS], reductions, AS_OF)
            .await
            .unwrap()
            .collect()
            .await
            .unwrap();
        let mut out = Vec::new();
        for b in &batches {
            let c = Columns::new(b);
            for row in 0..c.len() {
                let cells: Vec<String> = b
                    .schema()
                    .fields()
                    .iter()
                    .map(|f| {
                        let n = f.name();
                        c.str(n, row)
                            .map(str::to_string)
                            .or_else(|| c.i64(n, row).map(|v| v.to_string()))
                            .or_else(|| c.time_ns(n, row).map(|v| format!("t{v}")))
                            .or_else(|| c.bool(n, row).map(|v| v.to_string()))
                            .unwrap_or_else(|| "null".into())
                    })
                    .collect();
                out.push(format!(
                    "{}={}",
                    b.schema()
                        .fields()
                        .iter()
                        .map(|f| f.name().as_str())
                        .collect::<Vec<_>>()
                        .join(","),
                    cells.join(",")
                ));
            }
        }
        out.sort();
        out
    }

    static GROUPED: [Reduction; 1] = [Reduction {
        table: "orders",
        filter: &[Predicate::NotNull("status")],
        semi_join: None,
        having: None,
        group_by: Some(GroupBy {
            keys: &["merchant_id"],
            aggregates: &[
                Aggregate::Count { name: "n" },
                Aggregate::CountWhere {
                    name: "done",
                    predicate: Predicate::Eq("status", Literal::Text("completed")),
                },
                Aggregate::Min {
                    name: "first",
                    column: "at",
                },
                Aggregate::Max {
                    name: "last",
                    column: "at",
                },
                Aggregate::Sum {
                    name: "fen",
                    column: "amount",
                },
                Aggregate::CountDistinct {
                    name: "buyers",
                    column: "buyer_pid",
                },
            ],
        }),
    }];

    #[tokio::test]
    async fn group_by_aggregates_equal_the_hand_computed_result_for_any_partitioning() {
        // Hand-computed over the rows at or before as_of = 100 (m2's order at 200 is out):
        // m1: 4 orders, 3 completed, at 10..40, 500+300+200 fen (a null amount adds nothing),
        //     buyers a, b (null not counted); m2: 2, 1 completed, 15..25, 800 fen, buyer c;
        // m3: 1, 0 completed, 5..5, 50 fen, buyer e.
        let want = vec![
            "merchant_id,n,done,first,last,fen,buyers=m1,4,3,t10,t40,1000,2".to_string(),
            "merchant_id,n,done,first,last,fen,buyers=m2,2,1,t15,t25,800,1".to_string(),
            "merchant_id,n,done,first,last,fen,buyers=m3,1,0,t5,t5,50,1".to_string(),
        ];
        for parts in [1, 2, 3, 8] {
            for reversed in [false, true] {
                let got = rows(&session(parts, reversed), &GROUPED).await;
                assert_eq!(got, want, "{parts} partitions, reversed {reversed}");
            }
        }
    }

    #[tokio::test]
    async fn filters_and_semi_join_restrict_rows_to_the_declared_columns() {
        static RESTRICTED: [Reduction; 1] = [Reduction {
            table: "orders",
            filter: &[
                Predicate::Eq("invoice", Literal::Bool(true)),
                Predicate::In("status", &["completed", "signed"]),
            ],
            // Complainants by as_of: a and c (d complained later; a null complainant matches nothing).
            semi_join: Some(SemiJoin {
                columns: &["buyer_pid"],
                table: "complaints",
                other_columns: &["complainant_pid"],
            }),
            having: None,
            group_by: None,
        }];
        let head = "merchant_id,buyer_pid,status,amount,at,invoice=";
        let want = vec![
            format!("{head}m1,a,completed,500,t10,true"),
            format!("{head}m2,c,completed,100,t25,true"),
        ];
        for parts in [1, 3] {
            assert_eq!(rows(&session(parts, parts == 3), &RESTRICTED).await, want);
        }
        // No reduction: the declared columns of every row at or before as_of.
        assert_eq!(rows(&session(2, false), &[]).await.len(), 7);
        // Eq on an integer column.
        static AMOUNT: [Reduction; 1] = [Reduction {
            table: "orders",
            filter: &[Predicate::Eq("amount", Literal::Int(300))],
            semi_join: None,
            having: None,
            group_by: None,
        }];
        assert_eq!(
            rows(&session(2, false), &AMOUNT).await,
            vec![format!("{head}m1,b,completed,300,t20,false")]
        );
    }

    #[tokio::test]
    async fn grouped_restriction_keeps_rows_of_keys_with_enough_distinct_values() {
        // Merchants with at least two distinct buyers by as_of: m1 (a, b); m2 has c only by
        // as_of (d bought after it), m3 has e only. m1's four rows come back, its null buyer's
        // row too (the restriction is on the merchant, not on the row's buyer).
        static HAVING: [Reduction; 1] = [Reduction {
            table: "orders",
            filter: &[],
            semi_join: None,
            having: Some(GroupHaving {
                keys: &["merchant_id"],
                column: "buyer_pid",
                at_least: 2,
            }),
            group_by: None,
        }];
        let head = "merchant_id,buyer_pid,status,amount,at,invoice=";
        let want = vec![
            format!("{head}m1,a,completed,500,t10,true"),
            format!("{head}m1,a,refunded,200,t30,null"),
            format!("{head}m1,b,completed,300,t20,false"),
            format!("{head}m1,null,completed,null,t40,true"),
        ];
        for parts in [1, 2, 3] {
            for reversed in [false, true] {
                assert_eq!(rows(&session(parts, reversed), &HAVING).await, want);
            }
        }
        // With the filter: only completed orders count and come back; m1 still has a and b.
        static FILTERED: [Reduction; 1] = [Reduction {
            filter: &[Predicate::Eq("status", Literal::Text("completed"))],
            ..HAVING[0]
        }];
        assert_eq!(
            rows(&session(2, false), &FILTERED).await,
            vec![
                format!("{head}m1,a,completed,500,t10,true"),
                format!("{head}m1,b,completed,300,t20,false"),
                format!("{head}m1,null,completed,null,t40,true"),
            ]
        );
    }
}
