//! The detectors, one file each, registered in one explicit list ([`all`]).
//!
//! Adding a detector: write `src/<id>.rs` with the `//! Detector: <id>` header (practice, legal
//! basis, known false positives, parameters), its rules as data and its tests (positive, negative,
//! at the threshold); add one line to [`all`]; the conformance test in `tests/it` then runs it.
//! Only detectors that work are registered: the catalogue ids not yet here come with their issues.

pub mod below_cost;
mod common;
pub mod counterfeit;
pub mod disparagement;
pub mod exclusive_dealing;
pub mod fair_competition_review;
pub mod fake_orders;
pub mod false_advertising;
mod instalment;
pub mod invoice_refusal;
mod lunar_dates;
pub mod merchant_identity;
mod platform_rules;
pub mod price_discrimination;
pub mod price_fraud;
pub mod pyramid_scheme;
pub mod registration_cluster;
pub mod return_refusal;
pub mod serial_complainant;
pub mod unfair_terms;

use tianping_detect::Detector;

/// The rule versions of every registered detector, in catalogue order (the rules are `'static`
/// data).
pub fn rule_versions() -> Vec<&'static tianping_detect::RuleVersion> {
    all().iter().flat_map(|d| d.rules().iter()).collect()
}

/// Every registered detector, in catalogue order.
pub fn all() -> Vec<Box<dyn Detector>> {
    vec![
        Box::new(fake_orders::FakeOrders),
        Box::new(price_discrimination::PriceDiscrimination),
        Box::new(price_fraud::PriceFraud),
        Box::new(below_cost::BelowCost),
        Box::new(exclusive_dealing::ExclusiveDealing),
        Box::new(false_advertising::FalseAdvertising),
        Box::new(disparagement::Disparagement),
        Box::new(counterfeit::Counterfeit),
        Box::new(pyramid_scheme::PyramidScheme),
        Box::new(merchant_identity::MerchantIdentity),
        Box::new(registration_cluster::RegistrationCluster),
        Box::new(return_refusal::ReturnRefusal),
        Box::new(invoice_refusal::InvoiceRefusal),
        Box::new(unfair_terms::UnfairTerms),
        Box::new(fair_competition_review::FairCompetitionReview),
        Box::new(serial_complainant::SerialComplainant),
    ]
}

/// The detector ids of the catalogue (`shared/spec/findings.md` §2), registered or not.
pub const CATALOGUE: &[&str] = &[
    "fake_orders",
    "price_discrimination",
    "price_fraud",
    "below_cost",
    "exclusive_dealing",
    "false_advertising",
    "disparagement",
    "counterfeit",
    "pyramid_scheme",
    "merchant_identity",
    "registration_cluster",
    "return_refusal",
    "invoice_refusal",
    "unfair_terms",
    "fair_competition_review",
    "serial_complainant",
];
