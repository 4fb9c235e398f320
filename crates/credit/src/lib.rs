//! tianping-credit: credit risk classes (企业信用风险分类 A–D) and the 双随机、一公开 draw.
//!
//! - [`class`]: the four classes of 国市监信发〔2022〕6号 with their names.
//! - [`model`]: the classification model as data (`data/model.toml`, versioned with dates in
//!   force): indicators with thresholds, points, unit and source; hard triggers; class bands.
//! - [`facts`]: what the classification reads about one entity (registry row, penalties,
//!   complaints, findings, cases, shops), typed; the caller gathers them.
//! - [`classify`]: facts + model + `as_of` → a class that explains itself (each indicator's
//!   value and points, each trigger that fired).
//! - [`rates`]: sampling rates per class as data (`data/sampling.toml`, the 大庆 table).
//! - [`plan`]: a draw plan (task, item type, scope, rates, annual cap, inspectors per object)
//!   and the inspector register with declared conflicts, parsed and checked.
//! - [`draw`]: the reproducible, verifiable draw: ChaCha20 seeded from SHA-256 of the canonical
//!   inputs and the public seed; recusal, the annual cap and ≥ 2 inspectors enforced; the
//!   publication deadline on the working-day calendar.
//! - [`recusal`]: the inspector pool of a plan and who recused from each drawn entity.
//! - [`canonical`]: canonical JSON (keys sorted, no spaces) and its SHA-256.
//!
//! No IO, no clock: `as_of` is an argument; the same inputs give the same output, byte for byte.
//! The class is internal to the regulator: nothing here is meant for a public output except
//! [`draw::PublicDraw`], which carries no class.

pub mod canonical;
pub mod class;
pub mod classify;
pub mod draw;
pub mod facts;
pub mod model;
pub mod plan;
pub mod rates;
pub mod recusal;

pub use class::CreditClass;
pub use classify::{Classification, classify};
pub use model::{Model, ModelError};
