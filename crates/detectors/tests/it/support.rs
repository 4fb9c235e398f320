//! Input data for detectors from JSON rows, typed exactly as the lake types them.

use std::sync::Arc;

use arrow::datatypes::{Field, Schema};
use arrow::record_batch::RecordBatch;
use serde_json::Value;
use tianping_detect::{DetectCtx, Detector, Finding, FindingSink, InputData};

/// A record batch of `table` with the columns the rows use, typed as in the lake.
pub fn batch(table: &str, rows: &[Value]) -> RecordBatch {
    let def = tianping_domain::schema::table(table).expect("a table of the standard");
    let full = tianping_lake::arrow_schema(def);
    let mut names: Vec<String> = Vec::new();
    for row in rows {
        for key in row.as_object().expect("rows are objects").keys() {
            if !names.contains(key) {
                names.push(key.clone());
            }
        }
    }
    let fields: Vec<Field> = names
        .iter()
        .map(|n| {
            let f = full
                .field_with_name(n)
                .unwrap_or_else(|_| panic!("{table} has no column {n}"));
            Field::new(n, f.data_type().clone(), true)
        })
        .collect();
    let schema = Arc::new(Schema::new(fields));
    let mut decoder = arrow::json::ReaderBuilder::new(schema.clone())
        .build_decoder()
        .unwrap();
    decoder.serialize(rows).unwrap();
    decoder
        .flush()
        .unwrap()
        .unwrap_or_else(|| RecordBatch::new_empty(schema))
}

/// Input data from (table, rows) pairs; each table's rows split into batches of `chunk` rows.
pub fn data(tables: &[(&str, Vec<Value>)], chunk: usize) -> InputData {
    let mut out = InputData::default();
    for (table, rows) in tables {
        let batches = rows.chunks(chunk.max(1)).map(|c| batch(table, c)).collect();
        out.tables.insert((*table).to_string(), batches);
    }
    out
}

/// Runs a detector as of a time.
pub fn run(detector: &dyn Detector, as_of: &str, data: &InputData) -> Vec<Finding> {
    let ctx = DetectCtx::new(as_of).expect("as_of is a time");
    let mut sink = FindingSink::new(detector.id(), detector.version());
    detector.detect(&ctx, data, &mut sink);
    sink.into_findings()
}
