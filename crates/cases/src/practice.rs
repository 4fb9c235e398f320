//! The practices of the detector catalogue (`shared/spec/findings.md` §2): one per detector id,
//! with the Chinese term a case officer uses. An alert is about one subject and one practice.

/// `(detector id, 中文名称, English)` in catalogue order.
pub const CATALOGUE: [(&str, &str, &str); 16] = [
    ("fake_orders", "刷单炒信", "fake orders and reviews"),
    ("price_discrimination", "大数据杀熟", "price discrimination"),
    ("price_fraud", "价格欺诈", "price fraud"),
    ("below_cost", "低价倾销", "below-cost selling"),
    ("exclusive_dealing", "二选一", "exclusive dealing"),
    ("false_advertising", "虚假宣传", "false advertising"),
    ("disparagement", "商业诋毁", "commercial disparagement"),
    ("counterfeit", "假冒仿冒", "counterfeiting"),
    ("pyramid_scheme", "传销", "pyramid selling"),
    ("merchant_identity", "经营者信息核验", "merchant identity"),
    ("registration_cluster", "集群注册", "registration cluster"),
    ("return_refusal", "拒绝七日无理由退货", "refused returns"),
    ("invoice_refusal", "拒开发票", "refused invoices"),
    ("unfair_terms", "不公平格式条款", "unfair terms"),
    (
        "fair_competition_review",
        "公平竞争审查",
        "fair-competition review",
    ),
    (
        "serial_complainant",
        "恶意牟利性投诉举报",
        "serial complainant",
    ),
];

/// The detector ids, in catalogue order.
pub fn detector_ids() -> Vec<&'static str> {
    CATALOGUE.iter().map(|(id, _, _)| *id).collect()
}

/// The Chinese term of a practice (detector id), if known.
pub fn name_zh(detector: &str) -> Option<&'static str> {
    CATALOGUE
        .iter()
        .find(|(id, _, _)| *id == detector)
        .map(|(_, zh, _)| *zh)
}

/// The English name of a practice (detector id), if known.
pub fn name_en(detector: &str) -> Option<&'static str> {
    CATALOGUE
        .iter()
        .find(|(id, _, _)| *id == detector)
        .map(|(_, _, en)| *en)
}
