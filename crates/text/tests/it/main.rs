//! Integration tests of `tianping-text`: the SAMR guideline's examples, class rules, and
//! properties over arbitrary text.

/// The 2026.10 classes (fixed after seeing held-out set 10), with wordings of our own.
mod classes_v10;
/// The classes fixed after seeing held-out set 12 (absolute_terms 2026.10, disparagement 2026.16,
/// standards 2026.11), with wordings of our own.
mod classes_v12;
/// The 2026.7 classes (fixed after seeing held-out set 6), with wordings of our own.
mod classes_v7;
/// The 2026.8/2026.9 classes (fixed after seeing held-out set 8), with wordings of our own.
mod classes_v8;
mod guideline;
mod lexicons;
mod props;
/// A review of the 2026.5 fixes with new wordings: rephrased positives and hard negatives.
mod review_v5;
