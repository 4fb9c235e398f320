//! Rule ids (as `findings.md` names them) that several held-out sets label cases under, written
//! once, and the shape of a case's labels.

use crate::truth::Label;

pub(crate) const ABS: &str = "false_advertising.absolute_terms";
pub(crate) const HEALTH: &str = "false_advertising.health_claims";
pub(crate) const STATEMENT: &str = "false_advertising.missing_statement";
pub(crate) const APPROVAL: &str = "false_advertising.missing_approval";

pub(crate) const CHECKSUM: &str = "merchant_identity.uscc_checksum";
pub(crate) const UNKNOWN: &str = "merchant_identity.unknown_uscc";
pub(crate) const DEREGISTERED: &str = "merchant_identity.deregistered_selling";
pub(crate) const LISTED: &str = "merchant_identity.listed_operator_selling";
pub(crate) const LICENCE: &str = "merchant_identity.license_not_displayed";
pub(crate) const NATURAL: &str = "merchant_identity.unregistered_natural_person";

pub(crate) const REFERENCE: &str = "price_fraud.reference_price";

/// The rules a case is labelled under, each with its label and why.
pub(crate) type Labels = &'static [(&'static str, Label, &'static str)];
