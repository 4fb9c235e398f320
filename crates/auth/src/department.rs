//! The department registry: the one list of an installation's departments (id, Chinese and
//! English names, region, parent, active), from which accounts, clues, cases and notices take
//! their department. Records store the id ([`DepartmentId`]); people may type the Chinese name
//! (`网监处`), which [`Registry::resolve`] turns into the id or refuses with the valid choices.
//!
//! The registry comes from the installation's configuration (a `[[departments]]` section) and is
//! validated whole before it is used: a bad id, a bad division code, a duplicate id or Chinese
//! name, an unknown parent or a cycle of parents is an error naming the entry and field
//! (`departments[2].parent`). Pure: no IO.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::scope::{Adcode, DepartmentId};

/// One department, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    /// Stable id (`wangjian`), what records store.
    pub id: DepartmentId,
    /// Chinese name (`网络交易监督管理处`), unique in the registry.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// The division it serves (GB/T 2260 code).
    pub region: Adcode,
    /// The department above it, if any.
    pub parent: Option<DepartmentId>,
    /// Whether new records may be assigned to it (inactive ones stay resolvable for history).
    pub active: bool,
}

/// A department as written in the configuration (`[[departments]]`), before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDepartment {
    /// Id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// 6-digit division code.
    pub region: String,
    /// Parent id.
    #[serde(default)]
    pub parent: Option<String>,
    /// Active (default true).
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

/// Why a registry is refused; `place` is `departments[i].field`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "部门配置 {place} 的值 {value:?} 无效：{zh} / department configuration {place} = {value:?} is invalid: {en}"
)]
pub struct RegistryError {
    /// Where (`departments[2].parent`).
    pub place: String,
    /// The value given (clipped).
    pub value: String,
    /// Why, in Chinese.
    pub zh: String,
    /// Why, in English.
    pub en: String,
}

fn reg_err(i: usize, field: &str, value: &str, zh: &str, en: &str) -> RegistryError {
    RegistryError {
        place: format!("departments[{i}].{field}"),
        value: value.chars().take(64).collect(),
        zh: zh.to_string(),
        en: en.to_string(),
    }
}

/// A department name or id that is not in the registry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("未知部门 {given:?}，可选：{valid} / unknown department {given:?}; valid: {valid}")]
pub struct UnknownDepartment {
    /// What was given (clipped).
    pub given: String,
    /// The valid choices, `id（中文名）` comma separated.
    pub valid: String,
}

/// A department that exists but takes no new records.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssignError {
    /// Not in the registry.
    #[error(transparent)]
    Unknown(#[from] UnknownDepartment),
    /// In the registry but inactive.
    #[error(
        "部门 {0} 已停用，不能接收新的记录 / department {0} is inactive and takes no new records"
    )]
    Inactive(String),
}

/// The validated registry, in id order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Registry {
    by_id: BTreeMap<DepartmentId, Department>,
}

impl Registry {
    /// Validates a configured list.
    pub fn from_raw(raw: &[RawDepartment]) -> Result<Registry, RegistryError> {
        let mut by_id: BTreeMap<DepartmentId, Department> = BTreeMap::new();
        let mut names: BTreeSet<&str> = BTreeSet::new();
        for (i, r) in raw.iter().enumerate() {
            let id = DepartmentId::parse(&r.id).map_err(|_| {
                reg_err(
                    i,
                    "id",
                    &r.id,
                    "应为 1–64 个小写字母、数字、- 或 _",
                    "expected 1–64 of a-z, 0-9, - and _",
                )
            })?;
            if by_id.contains_key(&id) {
                return Err(reg_err(i, "id", &r.id, "部门编号重复", "duplicate id"));
            }
            for (field, value) in [("name_zh", &r.name_zh), ("name_en", &r.name_en)] {
                let n = value.trim().chars().count();
                if n == 0 || n > 100 || value.chars().any(char::is_control) {
                    return Err(reg_err(
                        i,
                        field,
                        value,
                        "名称须为 1–100 个字符",
                        "a name must be 1–100 characters",
                    ));
                }
            }
            if !names.insert(r.name_zh.trim()) {
                return Err(reg_err(
                    i,
                    "name_zh",
                    &r.name_zh,
                    "中文名称重复",
                    "duplicate Chinese name",
                ));
            }
            if DepartmentId::parse(&r.name_zh).is_ok() {
                return Err(reg_err(
                    i,
                    "name_zh",
                    &r.name_zh,
                    "中文名称不能与部门编号同形",
                    "the Chinese name must not look like an id",
                ));
            }
            let region = Adcode::parse(&r.region).map_err(|_| {
                reg_err(
                    i,
                    "region",
                    &r.region,
                    "应为 6 位行政区划代码",
                    "expected a 6-digit division code",
                )
            })?;
            let parent =
                match &r.parent {
                    None => None,
                    Some(p) => Some(DepartmentId::parse(p).map_err(|_| {
                        reg_err(i, "parent", p, "不是部门编号", "not a department id")
                    })?),
                };
            by_id.insert(
                id.clone(),
                Department {
                    id,
                    name_zh: r.name_zh.trim().to_string(),
                    name_en: r.name_en.trim().to_string(),
                    region,
                    parent,
                    active: r.active,
                },
            );
        }
        // Parents exist, and following parents never comes back.
        for (i, r) in raw.iter().enumerate() {
            let Some(parent) = &r.parent else { continue };
            let mut seen = BTreeSet::from([r.id.as_str()]);
            let mut next = Some(parent.as_str());
            while let Some(p) = next {
                let Some(d) = DepartmentId::parse(p).ok().and_then(|id| by_id.get(&id)) else {
                    return Err(reg_err(
                        i,
                        "parent",
                        parent,
                        "上级部门不在部门列表中",
                        "the parent is not a listed department",
                    ));
                };
                if !seen.insert(d.id.as_str()) {
                    return Err(reg_err(
                        i,
                        "parent",
                        parent,
                        "上级部门形成循环",
                        "the parents form a cycle",
                    ));
                }
                next = d.parent.as_ref().map(DepartmentId::as_str);
            }
        }
        Ok(Registry { by_id })
    }

    /// A registry of already validated departments (e.g. read back from the store).
    pub fn from_departments(list: Vec<Department>) -> Registry {
        Registry {
            by_id: list.into_iter().map(|d| (d.id.clone(), d)).collect(),
        }
    }

    /// Every department, in id order.
    pub fn iter(&self) -> impl Iterator<Item = &Department> {
        self.by_id.values()
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// The department of an id.
    pub fn get(&self, id: &str) -> Option<&Department> {
        DepartmentId::parse(id)
            .ok()
            .and_then(|id| self.by_id.get(&id))
    }

    /// The department an id or a Chinese name (exact, trimmed) stands for.
    pub fn resolve(&self, given: &str) -> Result<&Department, UnknownDepartment> {
        let text = given.trim();
        self.get(text)
            .or_else(|| self.by_id.values().find(|d| d.name_zh == text))
            .ok_or_else(|| UnknownDepartment {
                given: text.chars().take(64).collect(),
                valid: self.choices(),
            })
    }

    /// Like [`Registry::resolve`], and the department must be active (for new assignments).
    pub fn assignable(&self, given: &str) -> Result<&Department, AssignError> {
        let d = self.resolve(given)?;
        if d.active {
            Ok(d)
        } else {
            Err(AssignError::Inactive(d.id.as_str().to_string()))
        }
    }

    /// The valid choices, `id（中文名）` comma separated (`(none configured)` when empty).
    pub fn choices(&self) -> String {
        if self.by_id.is_empty() {
            return "（未配置部门 none configured）".into();
        }
        self.by_id
            .values()
            .map(|d| format!("{}（{}）", d.id.as_str(), d.name_zh))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(id: &str, zh: &str, region: &str, parent: Option<&str>) -> RawDepartment {
        RawDepartment {
            id: id.into(),
            name_zh: zh.into(),
            name_en: format!("{id} en"),
            region: region.into(),
            parent: parent.map(String::from),
            active: true,
        }
    }

    fn city() -> Vec<RawDepartment> {
        vec![
            raw("hz", "杭州市市场监督管理局", "330100", None),
            raw("wangjian", "网监处", "330100", Some("hz")),
            raw("xihu", "西湖区市场监督管理局", "330106", Some("hz")),
        ]
    }

    #[test]
    fn resolves_ids_and_chinese_names() {
        let r = Registry::from_raw(&city()).unwrap();
        assert_eq!(r.len(), 3);
        assert_eq!(r.resolve("网监处").unwrap().id.as_str(), "wangjian");
        assert_eq!(r.resolve(" wangjian ").unwrap().name_zh, "网监处");
        let e = r.resolve("价监处").unwrap_err();
        assert_eq!(e.given, "价监处");
        let text = e.to_string();
        assert!(
            text.contains("wangjian（网监处）") && text.contains("xihu"),
            "{text}"
        );
        assert!(text.contains("未知部门") && text.contains("unknown department"));
    }

    #[test]
    fn inactive_departments_resolve_but_take_nothing_new() {
        let mut list = city();
        list[2].active = false;
        let r = Registry::from_raw(&list).unwrap();
        assert!(r.resolve("xihu").is_ok());
        assert_eq!(
            r.assignable("西湖区市场监督管理局"),
            Err(AssignError::Inactive("xihu".into()))
        );
    }

    #[test]
    fn errors_name_the_entry_and_field() {
        let mut list = city();
        list[1].parent = Some("nowhere".into());
        let e = Registry::from_raw(&list).unwrap_err();
        assert_eq!(
            (e.place.as_str(), e.value.as_str()),
            ("departments[1].parent", "nowhere")
        );

        let mut list = city();
        list.push(raw("wangjian", "另一个", "330100", None));
        assert_eq!(
            Registry::from_raw(&list).unwrap_err().place,
            "departments[3].id"
        );

        let mut list = city();
        list[2].region = "33010".into();
        let e = Registry::from_raw(&list).unwrap_err();
        assert_eq!(e.place, "departments[2].region");
        assert!(e.to_string().contains("division code"), "{e}");

        let mut list = city();
        list[0].parent = Some("xihu".into());
        assert_eq!(
            Registry::from_raw(&list).unwrap_err().place,
            "departments[0].parent"
        );

        let mut list = city();
        list[2].name_zh = "网监处".into();
        assert_eq!(
            Registry::from_raw(&list).unwrap_err().place,
            "departments[2].name_zh"
        );

        let mut list = city();
        list[0].id = "Hang Zhou".into();
        assert_eq!(
            Registry::from_raw(&list).unwrap_err().place,
            "departments[0].id"
        );
        assert!(Registry::from_raw(&[]).unwrap().is_empty());
    }
}
