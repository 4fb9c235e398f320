//! The four credit risk classes of 市场监管总局《关于推进企业信用风险分类管理进一步提升监管效能的
//! 意见》(国市监信发〔2022〕6号), ordered from lowest to highest risk.

use serde::{Deserialize, Serialize};

/// A credit risk class. `A < B < C < D` in risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CreditClass {
    /// 信用风险低.
    A,
    /// 信用风险一般.
    B,
    /// 信用风险较高.
    C,
    /// 信用风险高.
    D,
}

impl CreditClass {
    /// All classes, lowest risk first.
    pub const ALL: [CreditClass; 4] = [
        CreditClass::A,
        CreditClass::B,
        CreditClass::C,
        CreditClass::D,
    ];

    /// `"A"` … `"D"`.
    pub fn as_str(self) -> &'static str {
        match self {
            CreditClass::A => "A",
            CreditClass::B => "B",
            CreditClass::C => "C",
            CreditClass::D => "D",
        }
    }

    /// Parses `"A"` … `"D"`.
    pub fn parse(text: &str) -> Option<CreditClass> {
        match text {
            "A" => Some(CreditClass::A),
            "B" => Some(CreditClass::B),
            "C" => Some(CreditClass::C),
            "D" => Some(CreditClass::D),
            _ => None,
        }
    }

    /// Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            CreditClass::A => "信用风险低",
            CreditClass::B => "信用风险一般",
            CreditClass::C => "信用风险较高",
            CreditClass::D => "信用风险高",
        }
    }

    /// English name.
    pub fn name_en(self) -> &'static str {
        match self {
            CreditClass::A => "low credit risk",
            CreditClass::B => "ordinary credit risk",
            CreditClass::C => "elevated credit risk",
            CreditClass::D => "high credit risk",
        }
    }

    /// Position 0…3.
    pub fn index(self) -> usize {
        self as usize
    }
}
