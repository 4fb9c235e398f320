//! Typed access to the columns of the lake's record batches, for detectors.
//!
//! A missing column or a column of an unexpected type reads as null: the engine always passes the
//! declared columns with the lake's types, and the conformance test checks every detector on
//! empty input.

use arrow::array::{Array, AsArray, RecordBatch};
use arrow::datatypes::{DataType, Int64Type, TimeUnit, TimestampNanosecondType};

/// One batch's columns by name.
pub struct Columns<'a> {
    batch: &'a RecordBatch,
}

impl<'a> Columns<'a> {
    /// Wraps a batch.
    pub fn new(batch: &'a RecordBatch) -> Columns<'a> {
        Columns { batch }
    }

    /// Rows in the batch.
    pub fn len(&self) -> usize {
        self.batch.num_rows()
    }

    /// Whether the batch has no rows.
    pub fn is_empty(&self) -> bool {
        self.batch.num_rows() == 0
    }

    fn column(&self, name: &str) -> Option<&'a dyn Array> {
        self.batch.column_by_name(name).map(|c| c.as_ref())
    }

    /// A text value.
    pub fn str(&self, name: &str, row: usize) -> Option<&'a str> {
        let col = self.column(name)?;
        if col.is_null(row) {
            return None;
        }
        match col.data_type() {
            DataType::Utf8 => Some(col.as_string::<i32>().value(row)),
            DataType::LargeUtf8 => Some(col.as_string::<i64>().value(row)),
            DataType::Utf8View => Some(col.as_string_view().value(row)),
            _ => None,
        }
    }

    /// An integer value.
    pub fn i64(&self, name: &str, row: usize) -> Option<i64> {
        let col = self.column(name)?;
        if col.is_null(row) || col.data_type() != &DataType::Int64 {
            return None;
        }
        Some(col.as_primitive::<Int64Type>().value(row))
    }

    /// A timestamp in nanoseconds since the epoch.
    pub fn time_ns(&self, name: &str, row: usize) -> Option<i64> {
        let col = self.column(name)?;
        if col.is_null(row) {
            return None;
        }
        match col.data_type() {
            DataType::Timestamp(TimeUnit::Nanosecond, _) => {
                Some(col.as_primitive::<TimestampNanosecondType>().value(row))
            }
            _ => None,
        }
    }

    /// A date as days since the epoch.
    pub fn date_days(&self, name: &str, row: usize) -> Option<i32> {
        let col = self.column(name)?;
        if col.is_null(row) || col.data_type() != &DataType::Date32 {
            return None;
        }
        Some(
            col.as_primitive::<arrow::datatypes::Date32Type>()
                .value(row),
        )
    }

    /// A boolean.
    pub fn bool(&self, name: &str, row: usize) -> Option<bool> {
        let col = self.column(name)?;
        if col.is_null(row) || col.data_type() != &DataType::Boolean {
            return None;
        }
        Some(col.as_boolean().value(row))
    }
}

/// Nanoseconds in a day.
pub const DAY_NS: i64 = 86_400 * 1_000_000_000;
/// Nanoseconds in a minute.
pub const MINUTE_NS: i64 = 60 * 1_000_000_000;
const CHINA_OFFSET_NS: i64 = 8 * 3600 * 1_000_000_000;

/// RFC 3339 in China time (`+08:00`) for evidence and summaries.
pub fn china_time(ns: i64) -> String {
    let local = ns + CHINA_OFFSET_NS;
    let utc = tianping_domain::value::format_time_utc(local);
    // format_time_utc ends in `Z`; the digits are already local time.
    format!("{}+08:00", utc.trim_end_matches('Z'))
}

/// The China-time calendar day (days since the epoch) of an instant.
pub fn china_day(ns: i64) -> i64 {
    (ns + CHINA_OFFSET_NS).div_euclid(DAY_NS)
}

/// Start of a China-time calendar day, in ns since the epoch.
pub fn china_day_start(day: i64) -> i64 {
    day * DAY_NS - CHINA_OFFSET_NS
}

/// Yuan with two decimals from 分, for Chinese summaries.
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    format!("{sign}{}.{:02}", fen / 100, fen % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn china_time_and_days() {
        let ns = tianping_domain::value::parse_time("2026-03-01T23:30:00+08:00").unwrap();
        assert_eq!(china_time(ns), "2026-03-01T23:30:00+08:00");
        let day = china_day(ns);
        assert_eq!(tianping_domain::value::format_date(day), "2026-03-01");
        assert_eq!(
            china_time(china_day_start(day)),
            "2026-03-01T00:00:00+08:00"
        );
        assert_eq!(yuan(35_900), "359.00");
        assert_eq!(yuan(5), "0.05");
    }
}
