//! A 双随机 draw plan and the inspector register (一单两库一细则: the item list, the object
//! register, the inspector register), parsed from TOML and checked. Errors name the file's field
//! and the value.
//!
//! Plan (TOML):
//! ```toml
//! task_id = "hz-2026-wj-03"            # an id
//! task_name = "2026年第三批网络交易经营者双随机抽查"
//! department = "wangjian"              # the department running it
//! item_type = "general"                # general 一般检查事项 | key 重点检查事项
//! items = ["亮照亮证", "明码标价"]        # 检查事项清单
//! check_start = "2026-06-01"
//! check_end = "2026-06-30"
//! annual_cap = 2                       # checks per enterprise per year (国办发〔2024〕54号)
//! inspectors_per_object = 2            # ≥ 2 (行政处罚法 第四十二条)
//! inspector_departments = ["wangjian"] # optional: only inspectors of these departments
//! [scope]                              # optional filters of the object register
//! adcode_prefixes = ["3301"]
//! entity_types = ["company", "individual_business"]
//! statuses = ["active", "abnormal"]
//! [rates]                              # optional, percent per class; default: the table's
//! A = 3
//! ```
//! Inspectors (TOML): `[[inspector]] id = "…", department = "…", active = true,
//! conflicts = ["<USCC>", …]` — the entities each must recuse from (declared interests).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::class::CreditClass;
use crate::facts::RegistryStatus;
use crate::rates::{BasisPoints, Rates, percent_to_bp};

/// The fewest inspectors per object (行政处罚法 第四十二条: 执法人员不得少于两人).
pub const MIN_INSPECTORS: u32 = 2;

/// A plan or inspector file that is not acceptable; names the field and value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// A field is wrong.
    #[error("{file} 的 {field} 有误（{value}）：{problem} / {file}: {field} = {value}: {problem}")]
    Field {
        /// Which file.
        file: &'static str,
        /// Which field.
        field: String,
        /// The value (as given).
        value: String,
        /// What is wrong.
        problem: String,
    },
    /// The file does not parse.
    #[error("{file} 无法解析：{problem} / {file} does not parse: {problem}")]
    Parse {
        /// Which file.
        file: &'static str,
        /// The parser's message.
        problem: String,
    },
}

fn field(
    file: &'static str,
    field: impl Into<String>,
    value: impl Into<String>,
    problem: impl Into<String>,
) -> PlanError {
    PlanError::Field {
        file,
        field: field.into(),
        value: value.into(),
        problem: problem.into(),
    }
}

/// 检查事项类型.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemType {
    /// 一般检查事项: the rate must lie within its class's band.
    General,
    /// 重点检查事项: no upper limit on the rate.
    Key,
}

/// Filters of the object register; an empty list admits everything.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    /// Division code prefixes (`3301` = 杭州市).
    #[serde(default)]
    pub adcode_prefixes: Vec<String>,
    /// Entity types (`company`, `individual_business`, `cooperative`, `other`).
    #[serde(default)]
    pub entity_types: Vec<String>,
    /// Registry statuses.
    #[serde(default)]
    pub statuses: Vec<RegistryStatus>,
}

/// One entry of the object register (检查对象名录库).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RegisterEntry {
    /// 统一社会信用代码.
    pub uscc: String,
    /// Its credit class on the plan's `as_of`.
    pub class: CreditClass,
    /// Division code.
    pub adcode: String,
    /// Entity type.
    pub entity_type: String,
    /// Registry status.
    pub status: RegistryStatus,
}

impl Scope {
    /// Whether the scope admits `entry`.
    pub fn admits(&self, entry: &RegisterEntry) -> bool {
        (self.adcode_prefixes.is_empty()
            || self
                .adcode_prefixes
                .iter()
                .any(|p| entry.adcode.starts_with(p.as_str())))
            && (self.entity_types.is_empty() || self.entity_types.contains(&entry.entity_type))
            && (self.statuses.is_empty() || self.statuses.contains(&entry.status))
    }
}

/// A checked plan, rates resolved to basis points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Task id.
    pub task_id: String,
    /// Task name.
    pub task_name: String,
    /// Department running the task.
    pub department: String,
    /// Item type.
    pub item_type: ItemType,
    /// 检查事项.
    pub items: Vec<String>,
    /// First day of the check.
    pub check_start: NaiveDate,
    /// Last day of the check (results published within 20 working days after it).
    pub check_end: NaiveDate,
    /// Checks per enterprise per year, this one included.
    pub annual_cap: u32,
    /// Inspectors per object.
    pub inspectors_per_object: u32,
    /// Only inspectors of these departments (all when empty).
    pub inspector_departments: Vec<String>,
    /// Object register filters.
    pub scope: Scope,
    /// Rate per class.
    pub rates_bp: BTreeMap<CreditClass, BasisPoints>,
    /// Version of the rate table the rates were checked against.
    pub rates_version: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    task_id: String,
    task_name: String,
    department: String,
    item_type: String,
    items: Vec<String>,
    check_start: String,
    check_end: String,
    annual_cap: i64,
    inspectors_per_object: i64,
    #[serde(default)]
    inspector_departments: Vec<String>,
    #[serde(default)]
    scope: Option<Scope>,
    #[serde(default)]
    rates: BTreeMap<String, f64>,
}

const PLAN: &str = "plan";
const INSPECTORS: &str = "inspectors";

fn check_text(file: &'static str, name: &str, value: &str) -> Result<(), PlanError> {
    if value.trim().is_empty() {
        return Err(field(file, name, value, "empty"));
    }
    Ok(())
}

fn check_id(file: &'static str, name: &str, value: &str) -> Result<(), PlanError> {
    if tianping_domain::value::check_id(value).is_err() {
        return Err(field(
            file,
            name,
            value,
            "not an id (1–64 of A–Z a–z 0–9 . _ : -)",
        ));
    }
    if tianping_domain::value::looks_like_phone_number(value)
        || tianping_domain::value::looks_like_id_number(value)
    {
        return Err(field(
            file,
            name,
            tianping_domain::value::mask_personal(value),
            "looks like a phone or ID number; use a staff id",
        ));
    }
    Ok(())
}

fn date(file: &'static str, name: &str, text: &str) -> Result<NaiveDate, PlanError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| field(file, name, text, "not a YYYY-MM-DD date"))
}

impl Plan {
    /// Parses and checks a plan; rates come from the plan or the table in force on
    /// `check_start`, and are checked against that table's bands for the item type.
    pub fn from_toml(text: &str, rates: &Rates) -> Result<Plan, PlanError> {
        let raw: RawPlan = toml::from_str(text).map_err(|e| PlanError::Parse {
            file: PLAN,
            problem: e.to_string(),
        })?;
        check_id(PLAN, "task_id", &raw.task_id)?;
        check_text(PLAN, "task_name", &raw.task_name)?;
        check_text(PLAN, "department", &raw.department)?;
        let item_type = match raw.item_type.as_str() {
            "general" => ItemType::General,
            "key" => ItemType::Key,
            other => {
                return Err(field(
                    PLAN,
                    "item_type",
                    other,
                    "must be general (一般) or key (重点)",
                ));
            }
        };
        if raw.items.is_empty() {
            return Err(field(PLAN, "items", "[]", "list at least one 检查事项"));
        }
        for (i, item) in raw.items.iter().enumerate() {
            check_text(PLAN, &format!("items[{i}]"), item)?;
        }
        let check_start = date(PLAN, "check_start", &raw.check_start)?;
        let check_end = date(PLAN, "check_end", &raw.check_end)?;
        if check_end < check_start {
            return Err(field(
                PLAN,
                "check_end",
                &raw.check_end,
                "before check_start",
            ));
        }
        if check_end.year() != check_start.year() {
            return Err(field(
                PLAN,
                "check_end",
                &raw.check_end,
                "a task lies within one year (the annual cap counts per year)",
            ));
        }
        let annual_cap = u32::try_from(raw.annual_cap)
            .ok()
            .filter(|c| (1..=52).contains(c))
            .ok_or_else(|| {
                field(
                    PLAN,
                    "annual_cap",
                    raw.annual_cap.to_string(),
                    "must be 1–52",
                )
            })?;
        let inspectors_per_object = u32::try_from(raw.inspectors_per_object)
            .ok()
            .filter(|n| (MIN_INSPECTORS..=10).contains(n))
            .ok_or_else(|| {
                field(
                    PLAN,
                    "inspectors_per_object",
                    raw.inspectors_per_object.to_string(),
                    "must be 2–10 (行政处罚法 第四十二条: at least two)",
                )
            })?;
        let scope = raw.scope.unwrap_or_default();
        for (i, p) in scope.adcode_prefixes.iter().enumerate() {
            if p.is_empty() || p.len() > 6 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(field(
                    PLAN,
                    format!("scope.adcode_prefixes[{i}]"),
                    p,
                    "1–6 digits",
                ));
            }
        }
        for (i, t) in scope.entity_types.iter().enumerate() {
            if !["company", "individual_business", "cooperative", "other"].contains(&t.as_str()) {
                return Err(field(
                    PLAN,
                    format!("scope.entity_types[{i}]"),
                    t,
                    "not company, individual_business, cooperative or other",
                ));
            }
        }
        let table = rates
            .in_force(check_start)
            .map_err(|e| field(PLAN, "check_start", &raw.check_start, e.to_string()))?;
        let mut rates_bp = BTreeMap::new();
        for (name, percent) in &raw.rates {
            let place = format!("rates.{name}");
            let class = CreditClass::parse(name)
                .ok_or_else(|| field(PLAN, &place, name, "not one of A, B, C, D"))?;
            let bp = percent_to_bp(*percent).ok_or_else(|| {
                field(
                    PLAN,
                    &place,
                    percent.to_string(),
                    "a percentage 0–100 with ≤ 2 decimals",
                )
            })?;
            let band = table.classes[&class];
            if bp < band.min_bp || (item_type == ItemType::General && bp > band.max_bp) {
                let allowed = match item_type {
                    ItemType::General => format!(
                        "{}%–{}% for a general item",
                        f64::from(band.min_bp) / 100.0,
                        f64::from(band.max_bp) / 100.0
                    ),
                    ItemType::Key => format!(
                        "at least {}% (a key item has no upper limit)",
                        f64::from(band.min_bp) / 100.0
                    ),
                };
                return Err(field(
                    PLAN,
                    &place,
                    percent.to_string(),
                    format!("outside class {name}'s band: {allowed} ({})", table.name),
                ));
            }
            rates_bp.insert(class, bp);
        }
        for class in CreditClass::ALL {
            rates_bp
                .entry(class)
                .or_insert(table.classes[&class].default_bp);
        }
        let mut inspector_departments = raw.inspector_departments;
        inspector_departments.sort();
        inspector_departments.dedup();
        Ok(Plan {
            task_id: raw.task_id,
            task_name: raw.task_name,
            department: raw.department,
            item_type,
            items: raw.items,
            check_start,
            check_end,
            annual_cap,
            inspectors_per_object,
            inspector_departments,
            scope,
            rates_bp,
            rates_version: table.version,
        })
    }
}

/// One inspector of the register (执法检查人员名录库).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Inspector {
    /// Staff id.
    pub id: String,
    /// Department.
    pub department: String,
    /// Whether available for this draw.
    pub active: bool,
    /// USCCs of the entities the inspector must recuse from (回避).
    pub conflicts: BTreeSet<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInspectors {
    inspector: Vec<RawInspector>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInspector {
    id: String,
    department: String,
    #[serde(default = "yes")]
    active: bool,
    #[serde(default)]
    conflicts: Vec<String>,
}

fn yes() -> bool {
    true
}

/// Parses and checks an inspector register; the result is sorted by id.
pub fn inspectors_from_toml(text: &str) -> Result<Vec<Inspector>, PlanError> {
    let raw: RawInspectors = toml::from_str(text).map_err(|e| PlanError::Parse {
        file: INSPECTORS,
        problem: e.to_string(),
    })?;
    let mut out: Vec<Inspector> = Vec::new();
    let mut ids = BTreeSet::new();
    for (i, r) in raw.inspector.into_iter().enumerate() {
        check_id(INSPECTORS, &format!("inspector[{i}].id"), &r.id)?;
        if !ids.insert(r.id.clone()) {
            return Err(field(
                INSPECTORS,
                format!("inspector[{i}].id"),
                &r.id,
                "listed twice",
            ));
        }
        check_text(
            INSPECTORS,
            &format!("inspector[{i}].department"),
            &r.department,
        )?;
        for (j, c) in r.conflicts.iter().enumerate() {
            if tianping_domain::value::check_uscc(c).is_err() {
                return Err(field(
                    INSPECTORS,
                    format!("inspector[{i}].conflicts[{j}]"),
                    c,
                    "not a 统一社会信用代码 (18 characters, GB 32100)",
                ));
            }
        }
        out.push(Inspector {
            id: r.id,
            department: r.department,
            active: r.active,
            conflicts: r.conflicts.into_iter().collect(),
        });
    }
    if out.is_empty() {
        return Err(field(
            INSPECTORS,
            "inspector",
            "[]",
            "the register is empty",
        ));
    }
    out.sort();
    Ok(out)
}
