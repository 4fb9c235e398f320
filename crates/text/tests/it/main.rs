//! Integration tests of `tianping-text`: the SAMR guideline's examples, class rules, and
//! properties over arbitrary text.

mod guideline;
mod lexicons;
mod props;
/// A review of the 2026.5 fixes with new wordings: rephrased positives and hard negatives.
mod review_v5;
