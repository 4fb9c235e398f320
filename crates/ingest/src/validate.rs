//! Row validation: raw values in, typed [`Cell`]s out, or the first rule the row breaks.
//!
//! Parse, don't validate: the only way to obtain cells for the lake is through
//! [`Validator::validate`], which checks every field rule of the standard (§2–§3), the
//! supplier's right to the row, and key uniqueness within the batch.

use crate::keys::Duplicates;

use serde_json::Value;
use tianping_domain::Rule;
use tianping_domain::schema::{Field, FieldType, SupplierKind, TableDef};
use tianping_domain::value::{
    self, UsccCheck, check_adcode, check_bounds, check_enum, check_id, check_pid, check_uscc,
    mask_personal, parse_bool_text, parse_date, parse_int, parse_time,
};

/// A field's value as delivered, before typing.
#[derive(Debug, Clone, Copy)]
pub enum RawValue<'a> {
    /// The field is not in the row (JSON key absent, or CSV column not in the header).
    Absent,
    /// JSON `null` or an empty CSV cell.
    Null,
    /// A CSV cell (every type arrives as text).
    Text(&'a str),
    /// A JSON value (typed).
    Json(&'a Value),
}

/// A typed value ready for the lake.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Null (only in optional fields).
    Null,
    /// Text, ids, pids, codes, enums.
    Str(&'a str),
    /// Integers and money in 分.
    Int(i64),
    /// Booleans.
    Bool(bool),
    /// Nanoseconds since the epoch, UTC.
    Time(i64),
    /// Days since the epoch.
    Date(i32),
    /// A list of strings (enumerations).
    StrList(Vec<&'a str>),
    /// A list of integers.
    IntList(Vec<i64>),
}

/// Why a row was refused: the rule, the field and the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowIssue {
    /// The rule broken.
    pub rule: Rule,
    /// The field concerned, if one field is to blame.
    pub field: Option<String>,
    /// The value (masked if personal, at most 256 characters).
    pub value: Option<String>,
    /// Extra detail in English (e.g. the allowed values).
    pub detail_en: Option<String>,
    /// Extra detail in Chinese.
    pub detail_zh: Option<String>,
}

impl RowIssue {
    /// A row-level issue not tied to a field.
    pub fn row(rule: Rule, detail_en: impl Into<String>, detail_zh: impl Into<String>) -> RowIssue {
        RowIssue {
            rule,
            field: None,
            value: None,
            detail_en: Some(detail_en.into()),
            detail_zh: Some(detail_zh.into()),
        }
    }

    /// The message in Chinese.
    pub fn message_zh(&self) -> String {
        let mut out = String::new();
        if let Some(field) = &self.field {
            out.push_str(&format!("字段 {field}："));
        }
        out.push_str(self.rule.describe_zh());
        if let Some(value) = &self.value {
            out.push_str(&format!("（值 {value:?}）"));
        }
        if let Some(detail) = &self.detail_zh {
            out.push('；');
            out.push_str(detail);
        }
        out
    }

    /// The message in English.
    pub fn message_en(&self) -> String {
        let mut out = String::new();
        if let Some(field) = &self.field {
            out.push_str(&format!("field {field}: "));
        }
        out.push_str(self.rule.describe_en());
        if let Some(value) = &self.value {
            out.push_str(&format!(" (value {value:?})"));
        }
        if let Some(detail) = &self.detail_en {
            out.push_str("; ");
            out.push_str(detail);
        }
        out
    }
}

/// A warning on an accepted row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldWarning {
    /// The rule (one for which `Rule::is_warning` holds).
    pub rule: Rule,
    /// Field concerned.
    pub field: &'static str,
    /// The value.
    pub value: String,
    /// Detail in English.
    pub detail_en: String,
    /// Detail in Chinese.
    pub detail_zh: String,
}

/// Shown value: truncated to 256 characters, masked if personal.
fn shown(raw: &RawValue<'_>, rule: Rule) -> Option<String> {
    let text = match raw {
        RawValue::Absent | RawValue::Null => return None,
        RawValue::Text(s) => (*s).to_string(),
        RawValue::Json(Value::String(s)) => s.clone(),
        RawValue::Json(v) => v.to_string(),
    };
    let text = if rule.value_is_personal() {
        mask_personal(&text)
    } else {
        text
    };
    if text.chars().count() > 256 {
        Some(format!("{}…", text.chars().take(256).collect::<String>()))
    } else {
        Some(text)
    }
}

/// Pairs of fields that form an interval; an inverted one is a warning.
const INTERVALS: &[(&str, &str, &str)] = &[
    ("merchants", "opened_on", "closed_on"),
    ("campaigns", "starts_at", "ends_at"),
    ("live_sessions", "started_at", "ended_at"),
    ("costs", "valid_from", "valid_to"),
];

/// Validates the rows of one table from one supplier within one batch.
pub struct Validator {
    table: &'static TableDef,
    supplier: String,
    supplier_is_platform: bool,
    platform_idx: Option<usize>,
    key_idx: Vec<usize>,
    duplicates: Duplicates,
    intervals: Vec<(usize, usize)>,
    merchant_type_idx: Option<usize>,
    uscc_idx: Option<usize>,
}

impl Validator {
    /// A validator for `table` rows delivered by `supplier`; `duplicates` names the records whose
    /// key repeats an earlier record's (see `crate::keys`).
    pub fn new(table: &'static TableDef, supplier: &str, duplicates: Duplicates) -> Validator {
        let intervals = INTERVALS
            .iter()
            .filter(|(t, _, _)| *t == table.name)
            .filter_map(|(_, a, b)| Some((table.field_index(a)?, table.field_index(b)?)))
            .collect();
        let is_merchants = table.name == "merchants";
        Validator {
            table,
            supplier: supplier.to_string(),
            supplier_is_platform: SupplierKind::of(supplier) == SupplierKind::Platform,
            platform_idx: table.platform_field(),
            key_idx: table.key_indices(),
            duplicates,
            intervals,
            merchant_type_idx: if is_merchants {
                table.field_index("merchant_type")
            } else {
                None
            },
            uscc_idx: if is_merchants {
                table.field_index("uscc")
            } else {
                None
            },
        }
    }

    /// The table being validated.
    pub fn table(&self) -> &'static TableDef {
        self.table
    }

    /// Validates one row. `raw(i)` gives the delivered value of field `i` of the table; `cells`
    /// receives one cell per field on success; `warnings` receives the row's warnings.
    pub fn validate<'a>(
        &mut self,
        record: u64,
        raw: impl Fn(usize) -> RawValue<'a>,
        cells: &mut Vec<Cell<'a>>,
        warnings: &mut Vec<FieldWarning>,
    ) -> Result<(), RowIssue> {
        cells.clear();
        warnings.clear();
        for (i, field) in self.table.fields.iter().enumerate() {
            let value = raw(i);
            match typed(field, value, warnings) {
                Ok(cell) => cells.push(cell),
                Err((rule, detail)) => {
                    warnings.clear();
                    return Err(RowIssue {
                        rule,
                        field: Some(field.name.to_string()),
                        value: shown(&value, rule),
                        detail_en: detail.as_ref().map(|d| d.0.clone()),
                        detail_zh: detail.map(|d| d.1),
                    });
                }
            }
        }
        if let (true, Some(idx)) = (self.supplier_is_platform, self.platform_idx)
            && let Some(Cell::Str(platform)) = cells.get(idx)
            && *platform != self.supplier
        {
            warnings.clear();
            return Err(RowIssue {
                rule: Rule::PlatformMismatch,
                field: Some("platform_id".to_string()),
                value: Some((*platform).to_string()),
                detail_en: Some(format!("supplier is {:?}", self.supplier)),
                detail_zh: Some(format!("报送方为 {:?}", self.supplier)),
            });
        }
        if let (Some(type_idx), Some(uscc_idx)) = (self.merchant_type_idx, self.uscc_idx) {
            let natural = matches!(cells.get(type_idx), Some(Cell::Str("natural_person")));
            if !natural && matches!(cells.get(uscc_idx), Some(Cell::Null)) {
                warnings.clear();
                return Err(RowIssue {
                    rule: Rule::UsccRequired,
                    field: Some("uscc".to_string()),
                    value: None,
                    detail_en: None,
                    detail_zh: None,
                });
            }
        }
        for &(start_idx, end_idx) in &self.intervals {
            let order = match (cells.get(start_idx), cells.get(end_idx)) {
                (Some(Cell::Time(a)), Some(Cell::Time(b))) => b < a,
                (Some(Cell::Date(a)), Some(Cell::Date(b))) => b < a,
                _ => false,
            };
            if order {
                let start = self.table.fields[start_idx].name;
                let end = self.table.fields[end_idx].name;
                warnings.push(FieldWarning {
                    rule: Rule::IntervalInverted,
                    field: end,
                    value: shown(&raw(end_idx), Rule::IntervalInverted).unwrap_or_default(),
                    detail_en: format!("{end} is before {start}"),
                    detail_zh: format!("{end} 早于 {start}"),
                });
            }
        }
        if !self.key_idx.is_empty() && self.duplicates.contains(record) {
            warnings.clear();
            let key: Vec<String> = self
                .key_idx
                .iter()
                .map(|&idx| shown(&raw(idx), Rule::DuplicateKey).unwrap_or_default())
                .collect();
            return Err(RowIssue {
                rule: Rule::DuplicateKey,
                field: Some(self.table.key.join(",")),
                value: Some(key.join(",")),
                detail_en: Some("an earlier row of this batch has the same key".to_string()),
                detail_zh: Some("本批次此前已有相同主键的行".to_string()),
            });
        }
        Ok(())
    }
}

type Detail = Option<(String, String)>;

fn detail(en: String, zh: String) -> Detail {
    Some((en, zh))
}

fn allowed_detail(allowed: &[&str]) -> Detail {
    let list = allowed.join(", ");
    detail(format!("allowed: {list}"), format!("允许的值：{list}"))
}

fn bounds_detail(field: &Field) -> Detail {
    let range = match (field.min, field.max) {
        (Some(min), Some(max)) => format!("{min}..={max}"),
        (Some(min), None) => format!(">= {min}"),
        (None, Some(max)) => format!("<= {max}"),
        (None, None) => String::new(),
    };
    detail(
        format!("allowed range {range}"),
        format!("允许范围 {range}"),
    )
}

/// Types one delivered value according to its field.
fn typed<'a>(
    field: &'static Field,
    raw: RawValue<'a>,
    warnings: &mut Vec<FieldWarning>,
) -> Result<Cell<'a>, (Rule, Detail)> {
    match raw {
        RawValue::Absent if field.optional => return Ok(Cell::Null),
        RawValue::Absent => return Err((Rule::MissingField, None)),
        RawValue::Null | RawValue::Json(Value::Null) if field.optional => return Ok(Cell::Null),
        RawValue::Null | RawValue::Json(Value::Null) => return Err((Rule::NullRequired, None)),
        _ => {}
    }
    match field.ty {
        FieldType::Id
        | FieldType::Pid
        | FieldType::Uscc
        | FieldType::Adcode
        | FieldType::Time
        | FieldType::Date
        | FieldType::Text(_)
        | FieldType::Enum(_) => {
            let s = match raw {
                RawValue::Text(s) => s,
                RawValue::Json(Value::String(s)) => s.as_str(),
                _ => {
                    return Err((
                        Rule::TypeMismatch,
                        detail("expected a JSON string".into(), "应为 JSON 字符串".into()),
                    ));
                }
            };
            typed_str(field, s, warnings)
        }
        FieldType::Int | FieldType::Fen => {
            let n = match raw {
                RawValue::Text(s) => parse_int(s).map_err(|r| (r, None))?,
                RawValue::Json(Value::Number(n)) => n.as_i64().ok_or((
                    Rule::IntFormat,
                    detail("expected an integer".into(), "应为整数".into()),
                ))?,
                _ => {
                    return Err((
                        Rule::TypeMismatch,
                        detail("expected a JSON integer".into(), "应为 JSON 整数".into()),
                    ));
                }
            };
            check_bounds(n, field.min, field.max).map_err(|r| (r, bounds_detail(field)))?;
            Ok(Cell::Int(n))
        }
        FieldType::Bool => match raw {
            RawValue::Text(s) => parse_bool_text(s).map(Cell::Bool).map_err(|r| (r, None)),
            RawValue::Json(Value::Bool(b)) => Ok(Cell::Bool(*b)),
            _ => Err((
                Rule::TypeMismatch,
                detail("expected a JSON boolean".into(), "应为 JSON 布尔值".into()),
            )),
        },
        FieldType::EnumList(allowed) => {
            let mut out = Vec::new();
            match raw {
                RawValue::Text(s) => {
                    for item in s.split(';') {
                        check_enum(item, allowed).map_err(|r| (r, allowed_detail(allowed)))?;
                        out.push(item);
                    }
                }
                RawValue::Json(Value::Array(items)) => {
                    for item in items {
                        let Value::String(item) = item else {
                            return Err((
                                Rule::TypeMismatch,
                                detail(
                                    "expected an array of strings".into(),
                                    "应为字符串数组".into(),
                                ),
                            ));
                        };
                        check_enum(item, allowed).map_err(|r| (r, allowed_detail(allowed)))?;
                        out.push(item.as_str());
                    }
                }
                _ => {
                    return Err((
                        Rule::TypeMismatch,
                        detail("expected a JSON array".into(), "应为 JSON 数组".into()),
                    ));
                }
            }
            Ok(Cell::StrList(out))
        }
        FieldType::IntList => {
            let mut out = Vec::new();
            match raw {
                RawValue::Text(s) => {
                    for item in s.split(';') {
                        let n = parse_int(item).map_err(|r| (r, None))?;
                        out.push(
                            check_bounds(n, field.min, field.max)
                                .map_err(|r| (r, bounds_detail(field)))?,
                        );
                    }
                }
                RawValue::Json(Value::Array(items)) => {
                    for item in items {
                        let n = item.as_i64().ok_or((
                            Rule::TypeMismatch,
                            detail(
                                "expected an array of integers".into(),
                                "应为整数数组".into(),
                            ),
                        ))?;
                        out.push(
                            check_bounds(n, field.min, field.max)
                                .map_err(|r| (r, bounds_detail(field)))?,
                        );
                    }
                }
                _ => {
                    return Err((
                        Rule::TypeMismatch,
                        detail("expected a JSON array".into(), "应为 JSON 数组".into()),
                    ));
                }
            }
            Ok(Cell::IntList(out))
        }
    }
}

fn typed_str<'a>(
    field: &'static Field,
    s: &'a str,
    warnings: &mut Vec<FieldWarning>,
) -> Result<Cell<'a>, (Rule, Detail)> {
    match field.ty {
        FieldType::Id => check_id(s).map(|()| Cell::Str(s)).map_err(|r| (r, None)),
        FieldType::Pid => check_pid(s).map(|()| Cell::Str(s)).map_err(|r| (r, None)),
        FieldType::Adcode => check_adcode(s)
            .map(|()| Cell::Str(s))
            .map_err(|r| (r, None)),
        FieldType::Uscc => match check_uscc(s).map_err(|r| (r, None))? {
            UsccCheck::Valid => Ok(Cell::Str(s)),
            UsccCheck::BadCheckCharacter { expected } => {
                warnings.push(FieldWarning {
                    rule: Rule::UsccChecksum,
                    field: field.name,
                    value: s.to_string(),
                    detail_en: format!("GB 32100 computes check character {expected}"),
                    detail_zh: format!("按 GB 32100 计算校验位应为 {expected}"),
                });
                Ok(Cell::Str(s))
            }
        },
        FieldType::Time => parse_time(s).map(Cell::Time).map_err(|r| (r, None)),
        FieldType::Date => parse_date(s).map(Cell::Date).map_err(|r| (r, None)),
        FieldType::Text(max) => {
            if s.len() > max {
                Err((
                    Rule::TextTooLong,
                    detail(
                        format!("{} bytes, limit {max}", s.len()),
                        format!("{} 字节，上限 {max}", s.len()),
                    ),
                ))
            } else {
                Ok(Cell::Str(s))
            }
        }
        FieldType::Enum(allowed) => check_enum(s, allowed)
            .map(|()| Cell::Str(s))
            .map_err(|r| (r, allowed_detail(allowed))),
        _ => Err((Rule::TypeMismatch, None)),
    }
}

/// Re-exported for callers that need the personal-data mask.
pub use value::mask_personal as mask;

#[cfg(test)]
mod tests {
    use super::*;
    use tianping_domain::schema::table;

    fn run(
        table_name: &str,
        supplier: &str,
        values: &[(&str, &str)],
    ) -> Result<Vec<String>, RowIssue> {
        let table = table(table_name).unwrap();
        let mut v = Validator::new(table, supplier, Duplicates::none());
        let mut cells = Vec::new();
        let mut warnings = Vec::new();
        let lookup = |i: usize| {
            let name = table.fields[i].name;
            match values.iter().find(|(k, _)| *k == name) {
                None => RawValue::Absent,
                Some((_, "")) => RawValue::Null,
                Some((_, v)) => RawValue::Text(v),
            }
        };
        v.validate(1, lookup, &mut cells, &mut warnings)?;
        Ok(warnings.iter().map(|w| w.rule.code().to_string()).collect())
    }

    const PID: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    fn review() -> Vec<(&'static str, &'static str)> {
        vec![
            ("platform_id", "tmall"),
            ("review_id", "r1"),
            ("order_id", ""),
            ("listing_id", "l1"),
            ("merchant_id", "m1"),
            ("reviewer_pid", PID),
            ("rating", "5"),
            ("text", "很好"),
            ("has_media", "0"),
            ("created_at", "2026-03-01T20:15:00+08:00"),
        ]
    }

    fn with(
        mut row: Vec<(&'static str, &'static str)>,
        k: &'static str,
        v: &'static str,
    ) -> Vec<(&'static str, &'static str)> {
        for pair in &mut row {
            if pair.0 == k {
                pair.1 = v;
            }
        }
        row
    }

    #[test]
    fn good_row_passes() {
        assert_eq!(run("reviews", "tmall", &review()), Ok(vec![]));
    }

    #[test]
    fn each_field_rule_names_field_and_rule() {
        let cases: &[(&str, &str, Rule)] = &[
            ("rating", "6", Rule::AboveMaximum),
            ("rating", "0", Rule::BelowMinimum),
            ("rating", "4.5", Rule::IntFormat),
            ("reviewer_pid", "13812345678", Rule::RawPhoneNumber),
            ("reviewer_pid", "11010519491231002X", Rule::RawIdNumber),
            ("reviewer_pid", "abc", Rule::PidFormat),
            ("created_at", "2026-03-01 20:15:00", Rule::TimeFormat),
            ("has_media", "yes", Rule::BoolFormat),
            ("review_id", "r 1", Rule::IdFormat),
            ("text", "", Rule::NullRequired),
        ];
        for (field, value, rule) in cases {
            let issue = run("reviews", "tmall", &with(review(), field, value)).unwrap_err();
            assert_eq!(
                (issue.rule, issue.field.as_deref()),
                (*rule, Some(*field)),
                "{field}={value}"
            );
        }
        let issue = run(
            "reviews",
            "tmall",
            &with(review(), "reviewer_pid", "13812345678"),
        )
        .unwrap_err();
        assert_eq!(
            issue.value.as_deref(),
            Some("138****5678"),
            "personal values are masked"
        );
    }

    #[test]
    fn missing_field_and_other_platform() {
        let row: Vec<_> = review()
            .into_iter()
            .filter(|(k, _)| *k != "rating")
            .collect();
        assert_eq!(
            run("reviews", "tmall", &row).unwrap_err().rule,
            Rule::MissingField
        );
        assert_eq!(
            run("reviews", "jd", &review()).unwrap_err().rule,
            Rule::PlatformMismatch
        );
        assert!(
            run("reviews", "regulator", &review()).is_ok(),
            "the regulator imports any platform"
        );
    }

    #[test]
    fn enum_lists_and_uscc_warning() {
        let platform = vec![
            ("platform_id", "tmall"),
            ("name", "天猫"),
            ("operator_uscc", "91350203M0001QAY9B"),
            ("categories", "sales;services"),
            ("annual_active_users", "100"),
            ("market_value_cny", ""),
            ("domicile_adcode", "330106"),
        ];
        assert_eq!(
            run("platforms", "tmall", &platform),
            Ok(vec!["uscc_checksum".to_string()])
        );
        let bad = with(platform.clone(), "categories", "sales;shopping");
        let issue = run("platforms", "tmall", &bad).unwrap_err();
        assert_eq!(issue.rule, Rule::EnumUnknown);
        assert!(
            issue.message_en().contains("allowed: sales"),
            "{}",
            issue.message_en()
        );
    }

    #[test]
    fn merchants_need_uscc_unless_natural_person() {
        let merchant = vec![
            ("platform_id", "tmall"),
            ("merchant_id", "m1"),
            ("merchant_type", "company"),
            ("uscc", ""),
            ("name", "某某公司"),
            ("shop_name", "某某旗舰店"),
            ("address", "杭州市西湖区文三路 1 号"),
            ("license_displayed", "true"),
            ("opened_on", "2020-01-01"),
        ];
        assert_eq!(
            run("merchants", "tmall", &merchant).unwrap_err().rule,
            Rule::UsccRequired
        );
        let natural = with(merchant, "merchant_type", "natural_person");
        assert!(run("merchants", "tmall", &natural).is_ok());
    }

    #[test]
    fn duplicate_keys_in_one_batch() {
        let table = table("reviews").unwrap();
        // Record 2 repeats record 1's key (the pre-pass in `crate::keys` found it).
        let mut v = Validator::new(table, "tmall", Duplicates::from_records(vec![2]));
        let row = review();
        let lookup = |i: usize| {
            let name = table.fields[i].name;
            match row.iter().find(|(k, _)| *k == name) {
                None => RawValue::Absent,
                Some((_, "")) => RawValue::Null,
                Some((_, v)) => RawValue::Text(v),
            }
        };
        let (mut cells, mut warnings) = (Vec::new(), Vec::new());
        assert!(v.validate(1, lookup, &mut cells, &mut warnings).is_ok());
        let issue = v
            .validate(2, lookup, &mut cells, &mut warnings)
            .unwrap_err();
        assert_eq!(issue.rule, Rule::DuplicateKey);
        assert_eq!(issue.value.as_deref(), Some("tmall,r1"));
    }

    #[test]
    fn json_types_are_strict() {
        let table = table("reviews").unwrap();
        let mut v = Validator::new(table, "tmall", Duplicates::none());
        let obj: Value = serde_json::json!({
            "platform_id": "tmall", "review_id": "r1", "listing_id": "l1", "merchant_id": "m1",
            "reviewer_pid": PID, "rating": "5", "text": "好", "has_media": false,
            "created_at": "2026-03-01T20:15:00+08:00"
        });
        let map = obj.as_object().unwrap();
        let lookup = |i: usize| {
            map.get(table.fields[i].name)
                .map_or(RawValue::Absent, RawValue::Json)
        };
        let (mut cells, mut warnings) = (Vec::new(), Vec::new());
        let issue = v
            .validate(1, lookup, &mut cells, &mut warnings)
            .unwrap_err();
        assert_eq!(
            (issue.rule, issue.field.as_deref()),
            (Rule::TypeMismatch, Some("rating"))
        );
    }
}
