//! Rules as data: each rule's legal basis and numeric parameters, with the period they apply to.
//!
//! Legal rules change (the 2025 反不正当竞争法 renumbered articles and added new ones); a detection as
//! of a date uses the version in force on that date. Parameters have a default, a unit, bounds and
//! the source of the number; configuration may override them, and is validated before any detector
//! runs.

use std::collections::BTreeMap;

use serde::Serialize;

/// One numeric parameter of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ParamDef {
    /// Name, unique within the rule.
    pub name: &'static str,
    /// Default value.
    pub default: f64,
    /// Unit (`days`, `fen`, `ratio`, `minutes`, …).
    pub unit: &'static str,
    /// Inclusive bounds a configured value must respect.
    pub min: f64,
    /// See `min`.
    pub max: f64,
    /// Where the number comes from (a provision, or "ours" with the reason).
    pub source: &'static str,
    /// What it means, in Chinese.
    pub meaning_zh: &'static str,
}

/// One version of a rule: what applies in a period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RuleVersion {
    /// `<detector>.<rule>`.
    pub rule: &'static str,
    /// First day in force (`YYYY-MM-DD`, China time).
    pub effective_from: &'static str,
    /// Last day in force, if superseded.
    pub effective_to: Option<&'static str>,
    /// The provisions, as they are cited in findings.
    pub legal_basis: &'static [&'static str],
    /// Parameters.
    pub params: &'static [ParamDef],
}

impl RuleVersion {
    /// Whether this version is in force on `date` (`YYYY-MM-DD`).
    pub fn in_force(&self, date: &str) -> bool {
        date >= self.effective_from && self.effective_to.is_none_or(|to| date <= to)
    }
}

/// Parameter overrides from configuration: rule → name → value.
pub type Overrides = BTreeMap<String, BTreeMap<String, f64>>;

/// Lists from configuration (allow-lists and the like): rule → name → entries.
pub type Lists = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// A list a rule accepts from configuration (e.g. addresses that may host many registrations).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ListDef {
    /// `<detector>.<rule>`.
    pub rule: &'static str,
    /// Name, unique within the rule.
    pub name: &'static str,
    /// What it means, in Chinese.
    pub meaning_zh: &'static str,
}

/// Why a configuration was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfigError {
    /// A rule that no detector has.
    #[error("配置中的规则 {0:?} 不存在 / unknown rule {0:?} in configuration")]
    UnknownRule(String),
    /// A parameter the rule does not have.
    #[error("规则 {rule} 没有参数 {name:?} / rule {rule}: unknown parameter {name:?}")]
    UnknownParam {
        /// Rule.
        rule: String,
        /// Parameter.
        name: String,
    },
    /// A value outside the parameter's bounds.
    #[error(
        "规则 {rule} 的参数 {name} = {value} 超出允许范围 {min}..={max} / rule {rule}: parameter {name} = {value} is outside {min}..={max}"
    )]
    OutOfBounds {
        /// Rule.
        rule: String,
        /// Parameter.
        name: String,
        /// Value given.
        value: f64,
        /// Lower bound.
        min: f64,
        /// Upper bound.
        max: f64,
    },
    /// A list no rule declares.
    #[error("规则 {rule} 没有名单 {name:?} / rule {rule}: unknown list {name:?}")]
    UnknownList {
        /// Rule.
        rule: String,
        /// List.
        name: String,
    },
    /// The TOML does not parse.
    #[error("配置无法解析：{0} / configuration: {0}")]
    Syntax(String),
    /// A value that is not a finite number.
    #[error(
        "规则 {rule} 的参数 {name} = {value:?} 不是数值 / rule {rule}: parameter {name} = {value:?} is not a number"
    )]
    NotANumber {
        /// Rule.
        rule: String,
        /// Parameter.
        name: String,
        /// Value given, as text.
        value: String,
    },
    /// An effective date that is not a calendar date `YYYY-MM-DD`.
    #[error(
        "规则 {rule} 的参数 {name} 的生效日期 {value:?} 不是 YYYY-MM-DD 格式的日期 / rule {rule}: parameter {name}: effective_from {value:?} is not a date YYYY-MM-DD"
    )]
    BadDate {
        /// Rule.
        rule: String,
        /// Parameter.
        name: String,
        /// Date given.
        value: String,
    },
    /// A stored setting that no longer validates (the code's rules changed after it was set).
    #[error("{}", setting_text(*id, source))]
    Setting {
        /// The setting id.
        id: i64,
        /// Why.
        source: Box<ConfigError>,
    },
}

/// `参数设置 #id …：中文 / setting id …: English` from a bilingual cause.
fn setting_text(id: i64, source: &ConfigError) -> String {
    let why = source.to_string();
    let (zh, en) = why
        .split_once("/ ")
        .map_or((why.as_str(), why.as_str()), |(zh, en)| (zh.trim_end(), en));
    format!("参数设置 #{id} 不再符合当前规则：{zh} / setting {id} no longer validates: {en}")
}

/// Parses `[params."<rule>"] name = value` TOML into overrides.
pub fn parse_overrides(toml_text: &str) -> Result<Overrides, ConfigError> {
    parse_config(toml_text).map(|(params, _)| params)
}

/// Parses a whole configuration: `[params."<rule>"] name = value` and
/// `[lists."<rule>"] name = ["…", …]`.
pub fn parse_config(toml_text: &str) -> Result<(Overrides, Lists), ConfigError> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        #[serde(default)]
        params: Overrides,
        #[serde(default)]
        lists: Lists,
    }
    let file: File = toml::from_str(toml_text).map_err(|e| ConfigError::Syntax(e.to_string()))?;
    Ok((file.params, file.lists))
}

/// Checks that every configured list is one a rule declares.
pub fn validate_lists(lists: &Lists, defs: &[&ListDef]) -> Result<(), ConfigError> {
    for (rule, named) in lists {
        for name in named.keys() {
            if !defs.iter().any(|d| d.rule == rule && d.name == name) {
                return Err(ConfigError::UnknownList {
                    rule: rule.clone(),
                    name: name.clone(),
                });
            }
        }
    }
    Ok(())
}

/// Checks overrides against every rule version (a parameter must exist in some version of the
/// rule and respect its bounds in every version that has it).
pub fn validate_overrides(
    overrides: &Overrides,
    versions: &[&RuleVersion],
) -> Result<(), ConfigError> {
    for (rule, params) in overrides {
        let of_rule: Vec<&&RuleVersion> = versions.iter().filter(|v| v.rule == rule).collect();
        if of_rule.is_empty() {
            return Err(ConfigError::UnknownRule(rule.clone()));
        }
        for (name, value) in params {
            let defs: Vec<&ParamDef> = of_rule
                .iter()
                .flat_map(|v| v.params.iter())
                .filter(|p| p.name == name)
                .collect();
            if defs.is_empty() {
                return Err(ConfigError::UnknownParam {
                    rule: rule.clone(),
                    name: name.clone(),
                });
            }
            for def in defs {
                if !(def.min..=def.max).contains(value) {
                    return Err(ConfigError::OutOfBounds {
                        rule: rule.clone(),
                        name: name.clone(),
                        value: *value,
                        min: def.min,
                        max: def.max,
                    });
                }
            }
        }
    }
    Ok(())
}

/// A stored parameter setting (the store's `param_settings` row, as far as resolution needs it):
/// `value` applies to `rule`'s `param` from `effective_from` (`YYYY-MM-DD`, China time) on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Setting {
    /// Setting id (ties on the same effective date are won by the higher id: the later record).
    pub id: i64,
    /// `<detector>.<rule>`.
    pub rule: String,
    /// Parameter name.
    pub param: String,
    /// Value.
    pub value: f64,
    /// First day it applies.
    pub effective_from: String,
}

/// Where a resolved parameter value comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum Source {
    /// The code's default of the rule version in force.
    Default,
    /// A stored setting in force on the date.
    Setting {
        /// Its id.
        setting_id: i64,
        /// Its first day.
        effective_from: String,
    },
    /// The configuration file given for this run (highest precedence).
    Config,
}

/// The source of each non-default value: rule → parameter → source.
pub type Sources = BTreeMap<String, BTreeMap<String, Source>>;

/// One parameter's value as of a date, with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolvedParam {
    /// The parameter's definition in the version in force.
    pub def: ParamDef,
    /// The value in force.
    pub value: f64,
    /// Where it comes from.
    #[serde(flatten)]
    pub source: Source,
}

/// One rule's version in force on a date and its parameters' values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolvedRule {
    /// The version in force.
    pub version: RuleVersion,
    /// Its parameters, in declaration order.
    pub params: Vec<ResolvedParam>,
}

/// Checks one value for `rule`'s `param` as configuration is checked ([`validate_overrides`]).
pub fn validate_value(
    rule: &str,
    param: &str,
    value: f64,
    versions: &[&RuleVersion],
) -> Result<(), ConfigError> {
    if !value.is_finite() {
        return Err(ConfigError::NotANumber {
            rule: rule.into(),
            name: param.into(),
            value: value.to_string(),
        });
    }
    let one: Overrides = [(rule.to_string(), [(param.to_string(), value)].into())].into();
    validate_overrides(&one, versions)
}

/// Parses a value given as text (command line) and checks it; the error names rule, parameter
/// and value.
pub fn parse_value(
    rule: &str,
    param: &str,
    text: &str,
    versions: &[&RuleVersion],
) -> Result<f64, ConfigError> {
    let value: f64 = text
        .trim()
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| ConfigError::NotANumber {
            rule: rule.into(),
            name: param.into(),
            value: text.into(),
        })?;
    validate_value(rule, param, value, versions)?;
    Ok(value)
}

/// Checks an effective date: a real calendar day written `YYYY-MM-DD`.
pub fn validate_date(rule: &str, param: &str, date: &str) -> Result<(), ConfigError> {
    let ok = date.len() == 10
        && tianping_domain::value::parse_date(date)
            .is_ok_and(|d| tianping_domain::value::format_date(i64::from(d)) == date);
    if ok {
        Ok(())
    } else {
        Err(ConfigError::BadDate {
            rule: rule.into(),
            name: param.into(),
            value: date.into(),
        })
    }
}

/// The stored settings in force on `date`: per rule and parameter, the setting with the latest
/// `effective_from` ≤ `date` (ties: the highest id). Each is validated against `versions`; one
/// that no longer validates is an error naming its id.
pub fn settings_in_force<'s>(
    settings: &'s [Setting],
    date: &str,
    versions: &[&RuleVersion],
) -> Result<BTreeMap<(String, String), &'s Setting>, ConfigError> {
    let mut out: BTreeMap<(String, String), &Setting> = BTreeMap::new();
    for s in settings {
        if s.effective_from.as_str() > date {
            continue;
        }
        let key = (s.rule.clone(), s.param.clone());
        let wins = out.get(&key).is_none_or(|held| {
            (s.effective_from.as_str(), s.id) > (held.effective_from.as_str(), held.id)
        });
        if wins {
            out.insert(key, s);
        }
    }
    for s in out.values() {
        validate_value(&s.rule, &s.param, s.value, versions).map_err(|e| ConfigError::Setting {
            id: s.id,
            source: Box::new(e),
        })?;
    }
    Ok(out)
}

/// The overrides a run applies on `date` and the source of each: stored settings in force, then
/// the run's configuration file over them. Only non-default sources appear.
pub fn effective_overrides(
    settings: &[Setting],
    config: &Overrides,
    date: &str,
    versions: &[&RuleVersion],
) -> Result<(Overrides, Sources), ConfigError> {
    validate_overrides(config, versions)?;
    let mut values = Overrides::new();
    let mut sources = Sources::new();
    for ((rule, param), s) in settings_in_force(settings, date, versions)? {
        values
            .entry(rule.clone())
            .or_default()
            .insert(param.clone(), s.value);
        sources.entry(rule).or_default().insert(
            param,
            Source::Setting {
                setting_id: s.id,
                effective_from: s.effective_from.clone(),
            },
        );
    }
    for (rule, params) in config {
        for (param, value) in params {
            values
                .entry(rule.clone())
                .or_default()
                .insert(param.clone(), *value);
            sources
                .entry(rule.clone())
                .or_default()
                .insert(param.clone(), Source::Config);
        }
    }
    Ok((values, sources))
}

/// Every rule's version in force on `date` with each parameter's value and source: the code's
/// default → the stored setting in force → the configuration (highest). Rules with no version in
/// force on `date` are left out.
pub fn resolve(
    versions: &[&RuleVersion],
    settings: &[Setting],
    config: &Overrides,
    date: &str,
) -> Result<Vec<ResolvedRule>, ConfigError> {
    let (values, sources) = effective_overrides(settings, config, date, versions)?;
    Ok(versions
        .iter()
        .filter(|v| v.in_force(date))
        .map(|v| ResolvedRule {
            version: **v,
            params: v
                .params
                .iter()
                .map(|p| {
                    let set = values.get(v.rule).and_then(|m| m.get(p.name)).copied();
                    let source = sources
                        .get(v.rule)
                        .and_then(|m| m.get(p.name))
                        .cloned()
                        .unwrap_or(Source::Default);
                    ResolvedParam {
                        def: *p,
                        value: set.unwrap_or(p.default),
                        source,
                    }
                })
                .collect(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: RuleVersion = RuleVersion {
        rule: "x.y",
        effective_from: "2022-07-01",
        effective_to: Some("2025-10-14"),
        legal_basis: &["A 第一条"],
        params: &[ParamDef {
            name: "window_days",
            default: 7.0,
            unit: "days",
            min: 1.0,
            max: 90.0,
            source: "A 第一条",
            meaning_zh: "窗口",
        }],
    };

    #[test]
    fn versions_apply_to_their_period() {
        assert!(!V1.in_force("2022-06-30"));
        assert!(V1.in_force("2022-07-01"));
        assert!(V1.in_force("2025-10-14"));
        assert!(!V1.in_force("2025-10-15"));
    }

    #[test]
    fn overrides_are_validated() {
        let ok = parse_overrides("[params.\"x.y\"]\nwindow_days = 30\n").unwrap();
        assert!(validate_overrides(&ok, &[&V1]).is_ok());
        let bad = parse_overrides("[params.\"x.y\"]\nwindow_days = 0\n").unwrap();
        assert!(matches!(
            validate_overrides(&bad, &[&V1]),
            Err(ConfigError::OutOfBounds { .. })
        ));
        let bad = parse_overrides("[params.\"x.y\"]\nwindow = 3\n").unwrap();
        assert!(matches!(
            validate_overrides(&bad, &[&V1]),
            Err(ConfigError::UnknownParam { .. })
        ));
        let bad = parse_overrides("[params.\"x.z\"]\nwindow_days = 3\n").unwrap();
        assert!(matches!(
            validate_overrides(&bad, &[&V1]),
            Err(ConfigError::UnknownRule(_))
        ));
        assert!(matches!(
            parse_overrides("[nonsense]\n"),
            Err(ConfigError::Syntax(_))
        ));
    }

    fn setting(id: i64, value: f64, from: &str) -> Setting {
        Setting {
            id,
            rule: "x.y".into(),
            param: "window_days".into(),
            value,
            effective_from: from.into(),
        }
    }

    fn window(rules: &[ResolvedRule]) -> (f64, Source) {
        let p = &rules[0].params[0];
        (p.value, p.source.clone())
    }

    #[test]
    fn resolution_default_setting_config() {
        let settings = vec![
            setting(1, 14.0, "2024-01-01"),
            setting(2, 21.0, "2024-06-01"),
            setting(3, 28.0, "2024-06-01"),
        ];
        let none = Overrides::new();
        // Before any setting: the code's default.
        let r = resolve(&[&V1], &settings, &none, "2023-12-31").unwrap();
        assert_eq!(window(&r), (7.0, Source::Default));
        // On the first effective day, the setting.
        let r = resolve(&[&V1], &settings, &none, "2024-01-01").unwrap();
        let setting_1 = Source::Setting {
            setting_id: 1,
            effective_from: "2024-01-01".into(),
        };
        assert_eq!(window(&r), (14.0, setting_1));
        // The day before the next one: still the first.
        let r = resolve(&[&V1], &settings, &none, "2024-05-31").unwrap();
        assert_eq!(r[0].params[0].value, 14.0);
        // Two settings from the same day: the later record (higher id) wins, in either order.
        for order in [settings.clone(), settings.iter().rev().cloned().collect()] {
            let r = resolve(&[&V1], &order, &none, "2024-06-01").unwrap();
            let setting_3 = Source::Setting {
                setting_id: 3,
                effective_from: "2024-06-01".into(),
            };
            assert_eq!(window(&r), (28.0, setting_3));
        }
        // The run's configuration beats the setting.
        let config = parse_overrides("[params.\"x.y\"]\nwindow_days = 30\n").unwrap();
        let r = resolve(&[&V1], &settings, &config, "2024-06-01").unwrap();
        assert_eq!(window(&r), (30.0, Source::Config));
        // After the version's period nothing is in force.
        assert!(
            resolve(&[&V1], &settings, &none, "2025-10-15")
                .unwrap()
                .is_empty()
        );
        let (values, sources) =
            effective_overrides(&settings, &none, "2024-06-01", &[&V1]).unwrap();
        assert_eq!(values["x.y"]["window_days"], 28.0);
        assert!(matches!(
            sources["x.y"]["window_days"],
            Source::Setting { setting_id: 3, .. }
        ));
    }

    #[test]
    fn invalid_values_are_named() {
        let e = parse_value("x.y", "window_days", "abc", &[&V1]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "规则 x.y 的参数 window_days = \"abc\" 不是数值 / rule x.y: parameter window_days = \"abc\" is not a number"
        );
        let e = parse_value("x.y", "window_days", "91", &[&V1]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "规则 x.y 的参数 window_days = 91 超出允许范围 1..=90 / rule x.y: parameter window_days = 91 is outside 1..=90"
        );
        assert!(matches!(
            validate_value("x.y", "window_days", f64::NAN, &[&V1]),
            Err(ConfigError::NotANumber { .. })
        ));
        assert!(matches!(
            validate_value("x.y", "width", 3.0, &[&V1]),
            Err(ConfigError::UnknownParam { .. })
        ));
        assert!(matches!(
            validate_value("x.z", "window_days", 3.0, &[&V1]),
            Err(ConfigError::UnknownRule(_))
        ));
        assert_eq!(parse_value("x.y", "window_days", " 90 ", &[&V1]), Ok(90.0));
        assert!(validate_date("x.y", "window_days", "2024-02-29").is_ok());
        for bad in ["2023-02-29", "2024-2-1", "20240201", "", "2024-13-01"] {
            assert!(
                matches!(
                    validate_date("x.y", "window_days", bad),
                    Err(ConfigError::BadDate { .. })
                ),
                "{bad}"
            );
        }
        // A stored setting that no longer validates names its id.
        let e = resolve(
            &[&V1],
            &[setting(9, 500.0, "2024-01-01")],
            &Overrides::new(),
            "2024-02-01",
        )
        .unwrap_err();
        assert!(
            e.to_string().starts_with(
                "参数设置 #9 不再符合当前规则：规则 x.y 的参数 window_days = 500 超出允许范围 1..=90 / setting 9 no longer validates: rule x.y: parameter window_days = 500"
            ),
            "{e}"
        );
        // One not yet in force is not checked (nor applied).
        assert!(
            resolve(
                &[&V1],
                &[setting(9, 500.0, "2024-03-01")],
                &Overrides::new(),
                "2024-02-01"
            )
            .is_ok()
        );
    }
}
