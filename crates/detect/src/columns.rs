//! Typed access to the columns of the lake's record batches, for detectors.
//!
//! A missing column or a column of an unexpected type reads as null: the engine always passes the
//! declared columns with the lake's types, and the conformance test checks every detector on
//! empty input.

use arrow::array::{
    Array, AsArray, GenericStringArray, Int64Array, RecordBatch, StringViewArray,
    TimestampNanosecondArray,
};
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

    /// A text column resolved once, for loops over every row: `get(row)` reads as [`Columns::str`].
    pub fn text(&self, name: &str) -> TextColumn<'a> {
        let Some(col) = self.column(name) else {
            return TextColumn::Missing;
        };
        match col.data_type() {
            DataType::Utf8 => TextColumn::Utf8(col.as_string::<i32>()),
            DataType::LargeUtf8 => TextColumn::LargeUtf8(col.as_string::<i64>()),
            DataType::Utf8View => TextColumn::View(col.as_string_view()),
            _ => TextColumn::Missing,
        }
    }

    /// An integer column resolved once: `get(row)` reads as [`Columns::i64`].
    pub fn int(&self, name: &str) -> IntColumn<'a> {
        IntColumn(
            self.column(name)
                .filter(|c| c.data_type() == &DataType::Int64)
                .map(|c| c.as_primitive::<Int64Type>()),
        )
    }

    /// A timestamp column resolved once: `get(row)` reads as [`Columns::time_ns`].
    pub fn time(&self, name: &str) -> TimeColumn<'a> {
        TimeColumn(
            self.column(name)
                .filter(|c| matches!(c.data_type(), DataType::Timestamp(TimeUnit::Nanosecond, _)))
                .map(|c| c.as_primitive::<TimestampNanosecondType>()),
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

/// A text column of one batch, its type resolved once (a missing or non-text column reads as null).
#[derive(Clone, Copy)]
pub enum TextColumn<'a> {
    /// `Utf8`.
    Utf8(&'a GenericStringArray<i32>),
    /// `LargeUtf8`.
    LargeUtf8(&'a GenericStringArray<i64>),
    /// `Utf8View`.
    View(&'a StringViewArray),
    /// Absent or of another type.
    Missing,
}

impl<'a> TextColumn<'a> {
    /// The value at `row`, `None` when null (or `row` is out of range).
    pub fn get(&self, row: usize) -> Option<&'a str> {
        match *self {
            TextColumn::Utf8(a) => (row < a.len() && a.is_valid(row)).then(|| a.value(row)),
            TextColumn::LargeUtf8(a) => (row < a.len() && a.is_valid(row)).then(|| a.value(row)),
            TextColumn::View(a) => (row < a.len() && a.is_valid(row)).then(|| a.value(row)),
            TextColumn::Missing => None,
        }
    }
}

/// An `Int64` column of one batch (a missing or differently typed column reads as null).
#[derive(Clone, Copy)]
pub struct IntColumn<'a>(Option<&'a Int64Array>);

impl IntColumn<'_> {
    /// The value at `row`, `None` when null (or `row` is out of range).
    pub fn get(&self, row: usize) -> Option<i64> {
        self.0
            .filter(|a| row < a.len() && a.is_valid(row))
            .map(|a| a.value(row))
    }
}

/// A nanosecond timestamp column of one batch (a missing or differently typed column reads as null).
#[derive(Clone, Copy)]
pub struct TimeColumn<'a>(Option<&'a TimestampNanosecondArray>);

impl TimeColumn<'_> {
    /// Nanoseconds since the epoch at `row`, `None` when null (or `row` is out of range).
    pub fn get(&self, row: usize) -> Option<i64> {
        self.0
            .filter(|a| row < a.len() && a.is_valid(row))
            .map(|a| a.value(row))
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

    #[test]
    fn resolved_columns_read_as_the_row_accessors() {
        use arrow::array::{ArrayRef, Int32Array, StringArray};
        use std::sync::Arc;
        let batch = RecordBatch::try_from_iter([
            (
                "s",
                Arc::new(StringArray::from(vec![Some("a"), None])) as ArrayRef,
            ),
            (
                "i",
                Arc::new(Int64Array::from(vec![None, Some(7)])) as ArrayRef,
            ),
            (
                "t",
                Arc::new(TimestampNanosecondArray::from(vec![Some(5), None])) as ArrayRef,
            ),
            ("n", Arc::new(Int32Array::from(vec![1, 2])) as ArrayRef),
            (
                "v",
                Arc::new(StringViewArray::from(vec![Some("a long view value"), None])) as ArrayRef,
            ),
        ])
        .unwrap();
        let c = Columns::new(&batch);
        for row in 0..3 {
            let row_in = row < c.len();
            let via = |name: &str| {
                if row_in {
                    c.str(name, row.min(1))
                } else {
                    None
                }
            };
            assert_eq!(c.text("s").get(row), via("s"));
            assert_eq!(c.text("v").get(row), via("v"));
            assert_eq!(
                c.int("i").get(row),
                c.i64("i", row.min(1)).filter(|_| row_in)
            );
            assert_eq!(
                c.time("t").get(row),
                c.time_ns("t", row.min(1)).filter(|_| row_in)
            );
            // Wrong type or missing: null, like the row accessors.
            assert_eq!(c.text("n").get(row), None);
            assert_eq!(c.int("n").get(row), None);
            assert_eq!(c.int("s").get(row), None);
            assert_eq!(c.time("missing").get(row), None);
        }
        assert_eq!(c.text("s").get(0), Some("a"));
        assert_eq!(c.text("v").get(0), Some("a long view value"));
        assert_eq!(c.int("i").get(1), Some(7));
        assert_eq!(c.time("t").get(0), Some(5));
    }
}
