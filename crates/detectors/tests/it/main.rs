//! Detector tests. One binary:
mod support;

/// below_cost: thresholds, market context, justifications, the platform rule.
mod below_cost;
/// Every registered detector through the spec checks.
mod conformance;
/// counterfeit: look-alike marks, owners and licensees, the price threshold, compatibility.
mod counterfeit;
/// disparagement: pointer plus negative statement, negations, own names, the gap threshold.
mod disparagement;
/// exclusive_dealing: exits after punitive measures against the base rate, window and count thresholds.
mod exclusive_dealing;
/// fair_competition_review: articles and items, the 第十二条 exception path, weak cues.
mod fair_competition_review;
/// fake_orders: rings found by density plus behaviour; loyal, office and camouflage negatives; thresholds.
mod fake_orders;
/// fake_orders' streaming alert: crossing at the right batch, honest traffic silent, once per merchant.
mod fake_orders_stream;
/// false_advertising: absolute terms and every guideline exemption, class claims, statements, approvals.
mod false_advertising;
/// invoice_refusal: count and rate thresholds.
mod invoice_refusal;
/// merchant_identity: checksum, unknown code, deregistered selling, licence, the ¥100,000 line.
mod merchant_identity;
/// price_discrimination: power, false-positive rate, exemptions, thresholds.
mod price_discrimination;
/// price_fraud: each rule positive, negative and at its threshold, written from the legal text.
mod price_fraud;
/// pyramid_scheme: the three forms, criminal and serious thresholds.
mod pyramid_scheme;
/// registration_cluster: variants of one room, thresholds, office towers, allow-list, the 2021 reform.
mod registration_cluster;
/// return_refusal: eligibility, the 7-day window, excluded classes, thresholds.
mod return_refusal;
/// A review of the version-5 text detectors with new wordings (issue 6).
mod review_v5;
/// serial_complainant: volume windows, the other signals, triage-only wording, the negatives.
mod serial_complainant;
/// unfair_terms: exclusivity, unilateral change, notice days, prohibitions and weak cues.
mod unfair_terms;
