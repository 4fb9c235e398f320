//! The platform data exchange standard v1 (`shared/spec/data-standard.md` §3) as data.
//!
//! Every table, field, type, enumeration and key is written here once; ingest, the lake's Arrow
//! schemas and the SQL catalogue are all derived from these definitions. Changing anything here
//! changes an external contract: do it only with a new version of the standard.

/// Maximum bytes of an ordinary text field (§2: "≤ 64 KiB per field").
pub const TEXT_MAX_BYTES: usize = 64 * 1024;
/// Maximum bytes of a transcript or document text (§2: "transcripts and documents ≤ 4 MiB").
pub const LONG_TEXT_MAX_BYTES: usize = 4 * 1024 * 1024;

/// The value kind of a field (§2 value conventions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// 1–64 chars of `[A-Za-z0-9._:-]`.
    Id,
    /// Pseudonymous person id: 64 lowercase hex characters.
    Pid,
    /// 统一社会信用代码, 18 characters (GB 32100-2015); a bad check character is a warning.
    Uscc,
    /// 6-digit administrative division code (GB/T 2260).
    Adcode,
    /// Money in 分, an integer ≥ 0.
    Fen,
    /// An integer, with optional bounds from [`Field::min`] / [`Field::max`].
    Int,
    /// RFC 3339 timestamp with `T` and an offset.
    Time,
    /// `YYYY-MM-DD`.
    Date,
    /// `true`/`false` (CSV also `1`/`0`).
    Bool,
    /// UTF-8 text of at most this many bytes.
    Text(usize),
    /// One value of a closed enumeration.
    Enum(&'static [&'static str]),
    /// A list of values of a closed enumeration.
    EnumList(&'static [&'static str]),
    /// A list of integers (bounded by [`Field::min`] / [`Field::max`]).
    IntList,
}

impl FieldType {
    /// Short name used in error messages and documentation.
    pub fn name(self) -> &'static str {
        match self {
            FieldType::Id => "id",
            FieldType::Pid => "pid",
            FieldType::Uscc => "uscc",
            FieldType::Adcode => "adcode",
            FieldType::Fen => "fen",
            FieldType::Int => "int",
            FieldType::Time => "time",
            FieldType::Date => "date",
            FieldType::Bool => "bool",
            FieldType::Text(_) => "text",
            FieldType::Enum(_) => "enum",
            FieldType::EnumList(_) => "list of enum",
            FieldType::IntList => "list of int",
        }
    }

    /// Whether values of this type are lists.
    pub fn is_list(self) -> bool {
        matches!(self, FieldType::EnumList(_) | FieldType::IntList)
    }
}

/// One field of a table.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Field name exactly as in the standard.
    pub name: &'static str,
    /// Value kind.
    pub ty: FieldType,
    /// `?` in the standard: may be null or absent.
    pub optional: bool,
    /// Inclusive lower bound for integer types (and list elements).
    pub min: Option<i64>,
    /// Inclusive upper bound for integer types (and list elements).
    pub max: Option<i64>,
}

const fn f(name: &'static str, ty: FieldType) -> Field {
    let min = match ty {
        FieldType::Fen => Some(0),
        _ => None,
    };
    Field {
        name,
        ty,
        optional: false,
        min,
        max: None,
    }
}

const fn opt(name: &'static str, ty: FieldType) -> Field {
    let field = f(name, ty);
    Field {
        optional: true,
        ..field
    }
}

const fn count(name: &'static str) -> Field {
    Field {
        name,
        ty: FieldType::Int,
        optional: false,
        min: Some(0),
        max: None,
    }
}

const fn bounded(name: &'static str, min: i64, max: i64) -> Field {
    Field {
        name,
        ty: FieldType::Int,
        optional: false,
        min: Some(min),
        max: Some(max),
    }
}

const TEXT: FieldType = FieldType::Text(TEXT_MAX_BYTES);
const LONG_TEXT: FieldType = FieldType::Text(LONG_TEXT_MAX_BYTES);

/// Who may deliver a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suppliers {
    /// A platform (its own rows only) or the regulator.
    PlatformOrRegulator,
    /// Only the business registration system or the regulator's own imports.
    RegistryOrRegulator,
    /// Only the trademark office or the regulator's own imports.
    IpOfficeOrRegulator,
    /// 12315, a platform's own complaint channel, or the regulator.
    ComplaintSources,
    /// Only the regulator.
    Regulator,
    /// Anyone (documents to review come from platforms and from government departments).
    Any,
}

/// The kind of a batch supplier (§1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SupplierKind {
    /// A platform, identified by its `platform_id`.
    Platform,
    /// `registry`: the business registration system.
    Registry,
    /// `ip_office`: the trademark office.
    IpOffice,
    /// `12315`: the complaints and reports system.
    Complaints12315,
    /// `regulator`: the regulator's own probes and imports.
    Regulator,
}

impl SupplierKind {
    /// Classifies a supplier name from a manifest.
    pub fn of(supplier: &str) -> SupplierKind {
        match supplier {
            "registry" => SupplierKind::Registry,
            "ip_office" => SupplierKind::IpOffice,
            "12315" => SupplierKind::Complaints12315,
            "regulator" => SupplierKind::Regulator,
            _ => SupplierKind::Platform,
        }
    }
}

impl Suppliers {
    /// Whether a supplier of this kind may deliver the table.
    pub fn allows(self, kind: &SupplierKind) -> bool {
        use SupplierKind as K;
        match self {
            Suppliers::Any => true,
            Suppliers::PlatformOrRegulator => matches!(kind, K::Platform | K::Regulator),
            Suppliers::RegistryOrRegulator => matches!(kind, K::Registry | K::Regulator),
            Suppliers::IpOfficeOrRegulator => matches!(kind, K::IpOffice | K::Regulator),
            Suppliers::ComplaintSources => {
                matches!(kind, K::Platform | K::Complaints12315 | K::Regulator)
            }
            Suppliers::Regulator => matches!(kind, K::Regulator),
        }
    }

    /// Human-readable list of allowed suppliers.
    pub fn describe(self) -> &'static str {
        match self {
            Suppliers::Any => "any supplier",
            Suppliers::PlatformOrRegulator => "a platform or regulator",
            Suppliers::RegistryOrRegulator => "registry or regulator",
            Suppliers::IpOfficeOrRegulator => "ip_office or regulator",
            Suppliers::ComplaintSources => "12315, a platform or regulator",
            Suppliers::Regulator => "regulator",
        }
    }
}

/// One table of the standard.
#[derive(Debug)]
pub struct TableDef {
    /// Table name exactly as in the standard.
    pub name: &'static str,
    /// Chinese name for user-facing messages.
    pub name_zh: &'static str,
    /// Fields in the standard's order.
    pub fields: &'static [Field],
    /// Fields that identify a row uniquely within one batch (empty: no key).
    pub key: &'static [&'static str],
    /// Who may deliver it.
    pub suppliers: Suppliers,
}

impl TableDef {
    /// Index of a field by name.
    pub fn field_index(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|field| field.name == name)
    }

    /// Index of the `platform_id` field, if the table has one.
    pub fn platform_field(&self) -> Option<usize> {
        self.field_index("platform_id")
    }

    /// Indices of the key fields.
    pub fn key_indices(&self) -> Vec<usize> {
        self.key
            .iter()
            .filter_map(|name| self.field_index(name))
            .collect()
    }
}

/// `platforms.categories` (§3.1).
pub const PLATFORM_CATEGORIES: &[&str] = &[
    "sales",
    "services",
    "social",
    "information",
    "finance",
    "computing",
];
/// `merchants.merchant_type` (§3.2).
pub const MERCHANT_TYPES: &[&str] = &["company", "individual_business", "natural_person"];
/// `registry.entity_type` (§3.3).
pub const ENTITY_TYPES: &[&str] = &["company", "individual_business", "cooperative", "other"];
/// `registry.status` (§3.3).
pub const REGISTRY_STATUSES: &[&str] = &[
    "active",
    "abnormal",
    "serious_violation",
    "revoked",
    "cancelled",
];
/// `listings.product_class` (§3.4).
pub const PRODUCT_CLASSES: &[&str] = &[
    "general",
    "food",
    "health_food",
    "special_medical_food",
    "infant_formula",
    "ordinary_cosmetic",
    "special_cosmetic",
    "drug",
    "medical_device",
    "fresh",
    "custom_made",
    "digital",
    "periodical",
];
/// `price_observations.page` (§3.5).
pub const PAGES: &[&str] = &["home", "search", "detail", "cart", "checkout", "live"];
/// `price_observations.reference_kind` (§3.5).
pub const REFERENCE_KINDS: &[&str] = &["unspecified", "previous_price", "rrp", "other_disclosed"];
/// `price_observations.promo_kind` (§3.5).
pub const PROMO_KINDS: &[&str] = &[
    "none",
    "discount",
    "coupon",
    "new_user",
    "member",
    "random_draw",
    "bundle",
    "flash_sale",
];
/// `price_observations.viewer_segment` (§3.5).
pub const VIEWER_SEGMENTS: &[&str] = &["new", "returning", "member", "unknown"];
/// `price_observations.device` (§3.5).
pub const DEVICES: &[&str] = &[
    "ios",
    "android",
    "pc_web",
    "mobile_web",
    "mini_program",
    "other",
];
/// `price_observations.source` (§3.5).
pub const OBSERVATION_SOURCES: &[&str] = &["platform_log", "regulator_probe"];
/// `orders.status` (§3.6).
pub const ORDER_STATUSES: &[&str] = &[
    "paid",
    "shipped",
    "signed",
    "completed",
    "cancelled",
    "refunded",
];
/// `orders.return_reason` (§3.6).
pub const RETURN_REASONS: &[&str] = &["no_reason", "quality", "not_as_described", "other"];
/// `orders.return_outcome` (§3.6).
pub const RETURN_OUTCOMES: &[&str] = &["approved", "rejected", "pending"];
/// `merchant_daily.status` (§3.8).
pub const MERCHANT_DAY_STATUSES: &[&str] = &["open", "suspended", "closed"];
/// `merchant_sanctions.action` (§3.9).
pub const SANCTION_ACTIONS: &[&str] = &[
    "search_demotion",
    "traffic_limit",
    "shop_block",
    "listing_removal",
    "deposit_deduction",
    "fee_increase",
    "warning",
    "other",
];
/// `costs.basis` (§3.11).
pub const COST_BASES: &[&str] = &["declared", "audited"];
/// `complaints.channel` (§3.14).
pub const COMPLAINT_CHANNELS: &[&str] = &[
    "12315_web",
    "12315_app",
    "hotline",
    "platform",
    "letter",
    "visit",
];
/// `complaints.kind` (§3.14).
pub const COMPLAINT_KINDS: &[&str] = &["complaint", "report"];
/// `complaints.demand` (§3.14).
pub const COMPLAINT_DEMANDS: &[&str] = &[
    "refund",
    "exchange",
    "repair",
    "compensation",
    "punitive_compensation",
    "apology",
    "investigate",
    "other",
];
/// `documents.kind` (§3.16).
pub const DOCUMENT_KINDS: &[&str] = &[
    "platform_agreement",
    "platform_rule",
    "merchant_notice",
    "policy_draft",
    "contract",
];
/// `penalties.kind` (§3.17).
pub const PENALTY_KINDS: &[&str] = &[
    "warning",
    "fine",
    "confiscation",
    "suspension",
    "license_revocation",
    "other",
];

use FieldType as T;

/// All tables of the standard, in the standard's order.
pub static TABLES: &[TableDef] = &[
    TableDef {
        name: "platforms",
        name_zh: "平台",
        fields: &[
            f("platform_id", T::Id),
            f("name", TEXT),
            f("operator_uscc", T::Uscc),
            f("categories", T::EnumList(PLATFORM_CATEGORIES)),
            count("annual_active_users"),
            Field {
                min: Some(0),
                ..opt("market_value_cny", T::Int)
            },
            f("domicile_adcode", T::Adcode),
        ],
        key: &["platform_id"],
        suppliers: Suppliers::PlatformOrRegulator,
    },
    TableDef {
        name: "merchants",
        name_zh: "平台内经营者",
        fields: &[
            f("platform_id", T::Id),
            f("merchant_id", T::Id),
            f("merchant_type", T::Enum(MERCHANT_TYPES)),
            opt("uscc", T::Uscc),
            opt("holder_pid", T::Pid),
            f("name", TEXT),
            f("shop_name", TEXT),
            f("address", TEXT),
            opt("adcode", T::Adcode),
            opt("contact_pid", T::Pid),
            f("license_displayed", T::Bool),
            f("opened_on", T::Date),
            opt("closed_on", T::Date),
            opt("annual_turnover_fen", T::Fen),
        ],
        key: &["platform_id", "merchant_id"],
        suppliers: Suppliers::PlatformOrRegulator,
    },
    TableDef {
        name: "registry",
        name_zh: "登记注册",
        fields: &[
            f("uscc", T::Uscc),
            f("name", TEXT),
            f("entity_type", T::Enum(ENTITY_TYPES)),
            opt("legal_rep_pid", T::Pid),
            f("address", TEXT),
            f("adcode", T::Adcode),
            f("established_on", T::Date),
            f("status", T::Enum(REGISTRY_STATUSES)),
            f("business_scope", TEXT),
            opt("registered_capital_fen", T::Fen),
            f("annual_report_filed", T::Bool),
        ],
        key: &["uscc"],
        suppliers: Suppliers::RegistryOrRegulator,
    },
    TableDef {
        name: "listings",
        name_zh: "商品/服务",
        fields: &[
            f("platform_id", T::Id),
            f("listing_id", T::Id),
            f("merchant_id", T::Id),
            f("title", TEXT),
            opt("description", TEXT),
            f("category", TEXT),
            f("product_class", T::Enum(PRODUCT_CLASSES)),
            opt("brand", TEXT),
            opt("trademark_reg_no", TEXT),
            opt("ad_approval_no", TEXT),
            f("list_price_fen", T::Fen),
            f("no_reason_return", T::Bool),
            f("created_at", T::Time),
            opt("delisted_at", T::Time),
        ],
        key: &["platform_id", "listing_id"],
        suppliers: Suppliers::PlatformOrRegulator,
    },
    TableDef {
        name: "price_observations",
        name_zh: "价格展示记录",
        fields: &[
            f("platform_id", T::Id),
            f("listing_id", T::Id),
            f("observed_at", T::Time),
            f("page", T::Enum(PAGES)),
            f("displayed_price_fen", T::Fen),
            opt("reference_price_fen", T::Fen),
            opt("reference_kind", T::Enum(REFERENCE_KINDS)),
            f("promo_kind", T::Enum(PROMO_KINDS)),
            opt("promo_label", TEXT),
            opt("payable_price_fen", T::Fen),
            opt("viewer_pid", T::Pid),
            f("viewer_segment", T::Enum(VIEWER_SEGMENTS)),
            Field {
                min: Some(0),
                ..opt("viewer_orders_90d", T::Int)
            },
            f("device", T::Enum(DEVICES)),
            opt("viewer_adcode", T::Adcode),
            f("source", T::Enum(OBSERVATION_SOURCES)),
        ],
        key: &[],
        suppliers: Suppliers::PlatformOrRegulator,
    },
    TableDef {
        name: "orders",
        name_zh: "订单",
        fields: &[
            f("platform_id", T::Id),
            f("order_id", T::Id),
            f("merchant_id", T::Id),
            f("listing_id", T::Id),
            f("buyer_pid", T::Pid),
            Field {
                min: Some(1),
                ..f("quantity", T::Int)
            },
            f("unit_price_fen", T::Fen),
            f("paid_fen", T::Fen),
            f("ordered_at", T::Time),
            opt("paid_at", T::Time),
            opt("ship_address_pid", T::Pid),
            opt("ship_adcode", T::Adcode),
            opt("device_pid", T::Pid),
            opt("ip_pid", T::Pid),
            opt("logistics_no", TEXT),
            Field {
                min: Some(0),
                ..opt("parcel_weight_g", T::Int)
            },
            opt("signed_at", T::Time),
            f("status", T::Enum(ORDER_STATUSES)),
            opt("return_requested_at", T::Time),
            opt("return_reason", T::Enum(RETURN_REASONS)),
            opt("return_outcome", T::Enum(RETURN_OUTCOMES)),
            opt("refunded_at", T::Time),
            f("invoice_requested", T::Bool),
            f("invoice_issued", T::Bool),
        ],
        key: &["platform_id", "order_id"],
        suppliers: Suppliers::PlatformOrRegulator,
    },
    TableDef {
        name: "reviews",
        name_zh: "评价",
        fields: &[
            f("platform_id", T::Id),
            f("review_id", T::Id),
            opt("order_id", T::Id),
            f("listing_id", T::Id),
            f("merchant_id", T::Id),
            f("reviewer_pid", T::Pid),
            bounded("rating", 1, 5),
            f("text", TEXT),
            f("has_media", T::Bool),
            f("created_at", T::Time),
        ],
        key: &["platform_id", "review_id"],
        suppliers: Suppliers::PlatformOrRegulator,
    },
    TableDef {
        name: "merchant_daily",
        name_zh: "经营者日度数据",
        fields: &[
            f("platform_id", T::Id),
            f("merchant_id", T::Id),
            opt("uscc", T::Uscc),
            f("date", T::Date),
            f("status", T::Enum(MERCHANT_DAY_STATUSES)),
            count("active_listings"),
            count("orders"),
            f("gmv_fen", T::Fen),
        ],
        key: &["platform_id", "merchant_id", "date"],
        suppliers: Suppliers::PlatformOrRegulator,
    },
    TableDef {
        name: "merchant_sanctions",
        name_zh: "平台处置措施",
        fields: &[
            f("platform_id", T::Id),
            f("merchant_id", T::Id),
            f("at", T::Time),
            f("action", T::Enum(SANCTION_ACTIONS)),
            opt("reason_text", TEXT),
        ],
        key: &[],
        suppliers: Suppliers::PlatformOrRegulator,
    },
    TableDef {
        name: "campaigns",
        name_zh: "促销活动",
        fields: &[
            f("platform_id", T::Id),
            f("campaign_id", T::Id),
            f("name", TEXT),
            f("starts_at", T::Time),
            f("ends_at", T::Time),
            f("terms_text", TEXT),
        ],
        key: &["platform_id", "campaign_id"],
        suppliers: Suppliers::PlatformOrRegulator,
    },
    TableDef {
        name: "campaign_participants",
        name_zh: "活动参与经营者",
        fields: &[
            f("platform_id", T::Id),
            f("campaign_id", T::Id),
            f("merchant_id", T::Id),
            f("joined_at", T::Time),
        ],
        key: &[],
        suppliers: Suppliers::PlatformOrRegulator,
    },
    TableDef {
        name: "costs",
        name_zh: "成本",
        fields: &[
            f("platform_id", T::Id),
            f("listing_id", T::Id),
            f("valid_from", T::Date),
            opt("valid_to", T::Date),
            f("unit_cost_fen", T::Fen),
            f("basis", T::Enum(COST_BASES)),
        ],
        key: &[],
        suppliers: Suppliers::PlatformOrRegulator,
    },
    TableDef {
        name: "referrals",
        name_zh: "会员/分销/返利",
        fields: &[
            f("platform_id", T::Id),
            f("scheme_id", T::Id),
            f("member_pid", T::Pid),
            opt("referrer_pid", T::Pid),
            f("joined_at", T::Time),
            f("entry_fee_fen", T::Fen),
            f("recruitment_rewards_fen", T::Fen),
            f("sales_rewards_fen", T::Fen),
        ],
        key: &[],
        suppliers: Suppliers::PlatformOrRegulator,
    },
    TableDef {
        name: "live_sessions",
        name_zh: "直播场次",
        fields: &[
            f("platform_id", T::Id),
            f("session_id", T::Id),
            f("room_id", T::Id),
            f("host_pid", T::Pid),
            opt("mcn_uscc", T::Uscc),
            opt("merchant_id", T::Id),
            f("started_at", T::Time),
            f("ended_at", T::Time),
            count("peak_viewers"),
            f("gmv_fen", T::Fen),
            f("transcript", LONG_TEXT),
        ],
        key: &["platform_id", "session_id"],
        suppliers: Suppliers::PlatformOrRegulator,
    },
    TableDef {
        name: "complaints",
        name_zh: "投诉举报",
        fields: &[
            f("complaint_id", T::Id),
            f("channel", T::Enum(COMPLAINT_CHANNELS)),
            f("received_at", T::Time),
            f("complainant_pid", T::Pid),
            f("kind", T::Enum(COMPLAINT_KINDS)),
            opt("platform_id", T::Id),
            opt("merchant_id", T::Id),
            opt("respondent_uscc", T::Uscc),
            f("respondent_name", TEXT),
            opt("order_id", T::Id),
            f("text", TEXT),
            opt("amount_fen", T::Fen),
            f("demand", T::Enum(COMPLAINT_DEMANDS)),
            f("real_name", T::Bool),
        ],
        key: &["complaint_id"],
        suppliers: Suppliers::ComplaintSources,
    },
    TableDef {
        name: "trademarks",
        name_zh: "注册商标",
        fields: &[
            f("reg_no", TEXT),
            f("mark", TEXT),
            opt("owner_uscc", T::Uscc),
            f("owner_name", TEXT),
            Field {
                name: "nice_classes",
                ty: T::IntList,
                optional: false,
                min: Some(1),
                max: Some(45),
            },
            f("valid_to", T::Date),
        ],
        key: &["reg_no"],
        suppliers: Suppliers::IpOfficeOrRegulator,
    },
    TableDef {
        name: "trademark_licenses",
        name_zh: "商标许可",
        fields: &[
            f("reg_no", TEXT),
            f("licensee_uscc", T::Uscc),
            opt("valid_to", T::Date),
        ],
        key: &[],
        suppliers: Suppliers::IpOfficeOrRegulator,
    },
    TableDef {
        name: "documents",
        name_zh: "待审文本",
        fields: &[
            f("doc_id", T::Id),
            f("kind", T::Enum(DOCUMENT_KINDS)),
            f("issuer", TEXT),
            f("title", TEXT),
            f("text", LONG_TEXT),
            f("submitted_at", T::Time),
        ],
        key: &["doc_id"],
        suppliers: Suppliers::Any,
    },
    TableDef {
        name: "penalties",
        name_zh: "行政处罚",
        fields: &[
            f("penalty_id", T::Id),
            f("uscc", T::Uscc),
            f("decided_on", T::Date),
            f("authority", TEXT),
            f("legal_basis", TEXT),
            f("fine_fen", T::Fen),
            f("confiscated_fen", T::Fen),
            f("kind", T::Enum(PENALTY_KINDS)),
        ],
        key: &["penalty_id"],
        suppliers: Suppliers::Regulator,
    },
];

/// Looks up a table by its name in the standard.
pub fn table(name: &str) -> Option<&'static TableDef> {
    TABLES.iter().find(|table| table.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_has_seventeen_numbered_sections_and_nineteen_tables() {
        // §3.10 and §3.15 each define two tables.
        assert_eq!(TABLES.len(), 19);
        let mut names: Vec<_> = TABLES.iter().map(|t| t.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 19, "table names are unique");
    }

    #[test]
    fn keys_name_existing_fields() {
        for table in TABLES {
            assert_eq!(table.key_indices().len(), table.key.len(), "{}", table.name);
            for (i, field) in table.fields.iter().enumerate() {
                assert_eq!(
                    table.field_index(field.name),
                    Some(i),
                    "{}.{}",
                    table.name,
                    field.name
                );
            }
        }
    }

    #[test]
    fn supplier_rules() {
        let platform = SupplierKind::of("tmall");
        assert!(table("orders").unwrap().suppliers.allows(&platform));
        assert!(!table("registry").unwrap().suppliers.allows(&platform));
        assert!(
            !table("penalties")
                .unwrap()
                .suppliers
                .allows(&SupplierKind::of("registry"))
        );
        assert!(
            table("complaints")
                .unwrap()
                .suppliers
                .allows(&SupplierKind::of("12315"))
        );
        assert!(
            table("documents")
                .unwrap()
                .suppliers
                .allows(&SupplierKind::of("ip_office"))
        );
    }
}
