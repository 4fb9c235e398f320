//! The rules a delivered row can break, with stable codes.
//!
//! A code is part of the receipt contract: suppliers match on it to fix their exports, so codes are
//! never renamed. Messages are rendered in Chinese first, English on request.

/// A rule of the data standard (§2–§4) that a row or a value can break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// A required field is absent from the row.
    MissingField,
    /// A required field is null or empty.
    NullRequired,
    /// The value has the wrong JSON type for the field (e.g. a string where an integer belongs).
    TypeMismatch,
    /// Not 1–64 characters of `[A-Za-z0-9._:-]`.
    IdFormat,
    /// Not 64 lowercase hex characters.
    PidFormat,
    /// A raw mobile or landline number where a pseudonymous id belongs.
    RawPhoneNumber,
    /// A raw resident ID number where a pseudonymous id belongs.
    RawIdNumber,
    /// Not 18 characters of the GB 32100 character set.
    UsccFormat,
    /// The GB 32100 check character does not match (a warning, never a rejection).
    UsccChecksum,
    /// Not a 6-digit division code.
    AdcodeFormat,
    /// Not a decimal integer (or out of the 64-bit range).
    IntFormat,
    /// An integer below the field's minimum (e.g. negative money, quantity 0).
    BelowMinimum,
    /// An integer above the field's maximum (e.g. rating 6).
    AboveMaximum,
    /// Not an RFC 3339 time with `T` and an offset.
    TimeFormat,
    /// A valid time outside the range the lake can hold (years 1678–2261).
    TimeOutOfRange,
    /// Not a `YYYY-MM-DD` calendar date.
    DateFormat,
    /// Not `true`/`false` (CSV also `1`/`0`).
    BoolFormat,
    /// A value outside a closed enumeration.
    EnumUnknown,
    /// Text longer than the field's limit.
    TextTooLong,
    /// Bytes that are not valid UTF-8.
    InvalidUtf8,
    /// A JSON line that does not parse.
    JsonSyntax,
    /// A JSON line that is not an object.
    JsonNotObject,
    /// A CSV record whose number of fields differs from the header's.
    FieldCount,
    /// A row whose `platform_id` is not the supplying platform.
    PlatformMismatch,
    /// A second row with the same key in one batch.
    DuplicateKey,
    /// `uscc` missing on a merchant that is not a natural person.
    UsccRequired,
    /// An interval whose end is before its start (a warning).
    IntervalInverted,
}

impl Rule {
    /// All rules, for documentation and tests.
    pub const ALL: &'static [Rule] = &[
        Rule::MissingField,
        Rule::NullRequired,
        Rule::TypeMismatch,
        Rule::IdFormat,
        Rule::PidFormat,
        Rule::RawPhoneNumber,
        Rule::RawIdNumber,
        Rule::UsccFormat,
        Rule::UsccChecksum,
        Rule::AdcodeFormat,
        Rule::IntFormat,
        Rule::BelowMinimum,
        Rule::AboveMaximum,
        Rule::TimeFormat,
        Rule::TimeOutOfRange,
        Rule::DateFormat,
        Rule::BoolFormat,
        Rule::EnumUnknown,
        Rule::TextTooLong,
        Rule::InvalidUtf8,
        Rule::JsonSyntax,
        Rule::JsonNotObject,
        Rule::FieldCount,
        Rule::PlatformMismatch,
        Rule::DuplicateKey,
        Rule::UsccRequired,
        Rule::IntervalInverted,
    ];

    /// Stable machine code, as it appears in receipts and the quarantine.
    pub fn code(self) -> &'static str {
        match self {
            Rule::MissingField => "missing_field",
            Rule::NullRequired => "null_required",
            Rule::TypeMismatch => "type_mismatch",
            Rule::IdFormat => "id_format",
            Rule::PidFormat => "pid_format",
            Rule::RawPhoneNumber => "raw_phone_number",
            Rule::RawIdNumber => "raw_id_number",
            Rule::UsccFormat => "uscc_format",
            Rule::UsccChecksum => "uscc_checksum",
            Rule::AdcodeFormat => "adcode_format",
            Rule::IntFormat => "int_format",
            Rule::BelowMinimum => "below_minimum",
            Rule::AboveMaximum => "above_maximum",
            Rule::TimeFormat => "time_format",
            Rule::TimeOutOfRange => "time_out_of_range",
            Rule::DateFormat => "date_format",
            Rule::BoolFormat => "bool_format",
            Rule::EnumUnknown => "enum_unknown",
            Rule::TextTooLong => "text_too_long",
            Rule::InvalidUtf8 => "invalid_utf8",
            Rule::JsonSyntax => "json_syntax",
            Rule::JsonNotObject => "json_not_object",
            Rule::FieldCount => "field_count",
            Rule::PlatformMismatch => "platform_mismatch",
            Rule::DuplicateKey => "duplicate_key",
            Rule::UsccRequired => "uscc_required",
            Rule::IntervalInverted => "interval_inverted",
        }
    }

    /// Looks a rule up by its code.
    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|rule| rule.code() == code)
    }

    /// Whether breaking this rule only warns (the row is accepted).
    pub fn is_warning(self) -> bool {
        matches!(self, Rule::UsccChecksum | Rule::IntervalInverted)
    }

    /// Whether the offending value is personal data that must be masked wherever it is shown.
    pub fn value_is_personal(self) -> bool {
        matches!(self, Rule::RawPhoneNumber | Rule::RawIdNumber)
    }

    /// One-line description in Chinese.
    pub fn describe_zh(self) -> &'static str {
        match self {
            Rule::MissingField => "缺少必填字段",
            Rule::NullRequired => "必填字段为空",
            Rule::TypeMismatch => "字段类型不符",
            Rule::IdFormat => "标识符须为 1–64 位字母、数字或 ._:-",
            Rule::PidFormat => "个人假名标识须为 64 位小写十六进制",
            Rule::RawPhoneNumber => "个人标识字段出现原始电话号码（须先假名化）",
            Rule::RawIdNumber => "个人标识字段出现原始身份证号（须先假名化）",
            Rule::UsccFormat => "统一社会信用代码须为 18 位 GB 32100 字符",
            Rule::UsccChecksum => "统一社会信用代码校验位不符（警告）",
            Rule::AdcodeFormat => "行政区划代码须为 6 位数字",
            Rule::IntFormat => "不是整数",
            Rule::BelowMinimum => "数值低于下限",
            Rule::AboveMaximum => "数值高于上限",
            Rule::TimeFormat => "时间须为带 T 和时区偏移的 RFC 3339 格式",
            Rule::TimeOutOfRange => "时间超出可存储范围（1678–2261 年）",
            Rule::DateFormat => "日期须为 YYYY-MM-DD",
            Rule::BoolFormat => "布尔值须为 true/false（CSV 也可 1/0）",
            Rule::EnumUnknown => "枚举值不在标准列表内",
            Rule::TextTooLong => "文本超过长度上限",
            Rule::InvalidUtf8 => "不是有效的 UTF-8",
            Rule::JsonSyntax => "JSON 行无法解析",
            Rule::JsonNotObject => "JSON 行不是对象",
            Rule::FieldCount => "CSV 记录字段数与表头不一致",
            Rule::PlatformMismatch => "行的 platform_id 不是报送平台本身",
            Rule::DuplicateKey => "同一批次内主键重复",
            Rule::UsccRequired => "非自然人经营者须填写统一社会信用代码",
            Rule::IntervalInverted => "结束时间早于开始时间（警告）",
        }
    }

    /// One-line description in English.
    pub fn describe_en(self) -> &'static str {
        match self {
            Rule::MissingField => "required field is missing",
            Rule::NullRequired => "required field is null",
            Rule::TypeMismatch => "value has the wrong type",
            Rule::IdFormat => "id must be 1-64 characters of [A-Za-z0-9._:-]",
            Rule::PidFormat => "pid must be 64 lowercase hex characters",
            Rule::RawPhoneNumber => "raw phone number where a pseudonymous id belongs",
            Rule::RawIdNumber => "raw resident ID number where a pseudonymous id belongs",
            Rule::UsccFormat => "uscc must be 18 characters of the GB 32100 set",
            Rule::UsccChecksum => "uscc check character does not match (warning)",
            Rule::AdcodeFormat => "adcode must be 6 digits",
            Rule::IntFormat => "not an integer",
            Rule::BelowMinimum => "value below the minimum",
            Rule::AboveMaximum => "value above the maximum",
            Rule::TimeFormat => "time must be RFC 3339 with T and an offset",
            Rule::TimeOutOfRange => "time outside the storable range (years 1678-2261)",
            Rule::DateFormat => "date must be YYYY-MM-DD",
            Rule::BoolFormat => "bool must be true/false (CSV also 1/0)",
            Rule::EnumUnknown => "value not in the closed enumeration",
            Rule::TextTooLong => "text longer than the limit",
            Rule::InvalidUtf8 => "not valid UTF-8",
            Rule::JsonSyntax => "JSON line does not parse",
            Rule::JsonNotObject => "JSON line is not an object",
            Rule::FieldCount => "CSV record has a different number of fields than the header",
            Rule::PlatformMismatch => "row's platform_id is not the supplying platform",
            Rule::DuplicateKey => "duplicate key within the batch",
            Rule::UsccRequired => "uscc is required unless merchant_type is natural_person",
            Rule::IntervalInverted => "interval ends before it starts (warning)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip() {
        let mut codes: Vec<_> = Rule::ALL.iter().map(|rule| rule.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Rule::ALL.len());
        for rule in Rule::ALL {
            assert_eq!(Rule::from_code(rule.code()), Some(*rule));
        }
    }
}
