//! The one place where Tianping reads the clock. Domain logic receives time as an argument.

use chrono::{FixedOffset, SecondsFormat, Utc};

/// China Standard Time, the offset receipts are written in.
pub fn china_standard_time() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("+08:00 is a valid offset")
}

/// Now, as RFC 3339 in China Standard Time with millisecond precision.
pub fn now_rfc3339() -> String {
    Utc::now()
        .with_timezone(&china_standard_time())
        .to_rfc3339_opts(SecondsFormat::Millis, false)
}

/// Now, in milliseconds since the Unix epoch (UTC).
pub fn now_ms() -> i64 {
    Utc::now().timestamp_millis()
}

/// Today's date in China Standard Time.
pub fn china_today() -> chrono::NaiveDate {
    Utc::now()
        .with_timezone(&china_standard_time())
        .date_naive()
}
