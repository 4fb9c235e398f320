//! What the classification reads about one registered entity, typed. The caller (the CLI) gathers
//! these from the lake (registry, penalties, complaints, merchants) and the store (findings,
//! alerts, cases) and links them to the entity's USCC; this crate only judges them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Registry status (data standard §3.3), a closed set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistryStatus {
    /// 存续.
    Active,
    /// 经营异常名录.
    Abnormal,
    /// 严重违法失信名单.
    SeriousViolation,
    /// 吊销.
    Revoked,
    /// 注销.
    Cancelled,
}

impl RegistryStatus {
    /// Parses the data standard's value.
    pub fn parse(text: &str) -> Option<RegistryStatus> {
        match text {
            "active" => Some(RegistryStatus::Active),
            "abnormal" => Some(RegistryStatus::Abnormal),
            "serious_violation" => Some(RegistryStatus::SeriousViolation),
            "revoked" => Some(RegistryStatus::Revoked),
            "cancelled" => Some(RegistryStatus::Cancelled),
            _ => None,
        }
    }

    /// The data standard's value.
    pub fn as_str(self) -> &'static str {
        match self {
            RegistryStatus::Active => "active",
            RegistryStatus::Abnormal => "abnormal",
            RegistryStatus::SeriousViolation => "serious_violation",
            RegistryStatus::Revoked => "revoked",
            RegistryStatus::Cancelled => "cancelled",
        }
    }
}

/// Penalty kind (data standard §3.17).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PenaltyKind {
    /// 警告.
    Warning,
    /// 罚款.
    Fine,
    /// 没收.
    Confiscation,
    /// 责令停产停业.
    Suspension,
    /// 吊销许可证照.
    LicenseRevocation,
    /// 其他.
    Other,
}

impl PenaltyKind {
    /// Parses the data standard's value.
    pub fn parse(text: &str) -> Option<PenaltyKind> {
        match text {
            "warning" => Some(PenaltyKind::Warning),
            "fine" => Some(PenaltyKind::Fine),
            "confiscation" => Some(PenaltyKind::Confiscation),
            "suspension" => Some(PenaltyKind::Suspension),
            "license_revocation" => Some(PenaltyKind::LicenseRevocation),
            "other" => Some(PenaltyKind::Other),
            _ => None,
        }
    }
}

/// The entity's registry row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryFacts {
    /// Status.
    pub status: RegistryStatus,
    /// Date of establishment.
    pub established_on: NaiveDate,
    /// Whether the previous year's annual report was filed.
    pub annual_report_filed: bool,
}

/// One penalty decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PenaltyFact {
    /// Its id.
    pub penalty_id: String,
    /// Decision date.
    pub decided_on: NaiveDate,
    /// Fine, fen.
    pub fine_fen: u64,
    /// Confiscated, fen.
    pub confiscated_fen: u64,
    /// Kind.
    pub kind: PenaltyKind,
}

/// One complaint or report against the entity (its date in Beijing time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintFact {
    /// Its id (supplier/complaint_id).
    pub complaint_id: String,
    /// Day received.
    pub received_on: NaiveDate,
}

/// Finding severity (findings.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingSeverity {
    /// low.
    Low,
    /// medium.
    Medium,
    /// high.
    High,
    /// critical.
    Critical,
}

/// Where a finding stands after our own handling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingStanding {
    /// No decision yet (no clue, or its case is still open).
    Open,
    /// Our case was decided with a penalty.
    Confirmed,
    /// Our case was not filed, or decided without a penalty: not counted.
    Dismissed,
}

/// One finding on one of the entity's shops (or on the entity itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingFact {
    /// Its id.
    pub finding_id: String,
    /// Severity.
    pub severity: FindingSeverity,
    /// The last day its evidence covers (window end, Beijing date); none when the finding has
    /// no window (counted as current).
    pub on: Option<NaiveDate>,
    /// Where it stands.
    pub standing: FindingStanding,
}

/// Where one of our clues or cases on the entity stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStanding {
    /// assigned, verifying, filed, investigating or transferred.
    InProgress,
    /// decided, published or closed with a penalty.
    Penalised,
    /// not filed, or finished without a penalty.
    Finished,
}

/// One of our clues or cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFact {
    /// Its id.
    pub case_id: String,
    /// Where it stands.
    pub standing: CaseStanding,
}

/// Everything the classification reads about one entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityFacts {
    /// 统一社会信用代码.
    pub uscc: String,
    /// The registry row.
    pub registry: RegistryFacts,
    /// Its shops still selling on `as_of` (opened, not closed), across platforms.
    pub open_shops: u32,
    /// Its penalties (one per id).
    pub penalties: Vec<PenaltyFact>,
    /// Complaints and reports against it.
    pub complaints: Vec<ComplaintFact>,
    /// Findings on it or its shops.
    pub findings: Vec<FindingFact>,
    /// Our clues and cases on it or its shops.
    pub cases: Vec<CaseFact>,
}
