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
    #[error("unknown rule {0:?} in configuration")]
    UnknownRule(String),
    /// A parameter the rule does not have.
    #[error("rule {rule}: unknown parameter {name:?}")]
    UnknownParam {
        /// Rule.
        rule: String,
        /// Parameter.
        name: String,
    },
    /// A value outside the parameter's bounds.
    #[error("rule {rule}: parameter {name} = {value} is outside {min}..={max}")]
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
    #[error("rule {rule}: unknown list {name:?}")]
    UnknownList {
        /// Rule.
        rule: String,
        /// List.
        name: String,
    },
    /// The TOML does not parse.
    #[error("configuration: {0}")]
    Syntax(String),
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
}
