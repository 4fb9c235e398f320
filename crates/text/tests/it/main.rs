//! Integration tests of `tianping-text`: the SAMR guideline's examples, class rules, and
//! properties over arbitrary text.

mod guideline;
mod lexicons;
mod props;
