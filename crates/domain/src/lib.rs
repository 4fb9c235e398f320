//! The vocabulary of Tianping: the platform data exchange standard as data, the rules a delivered
//! value can break, and total parsers for the standard's value conventions.
//!
//! No IO, no clock, no serialisation framework: everything here is pure and deterministic.
#![deny(missing_docs)]

pub mod rule;
pub mod schema;
pub mod value;

pub use rule::Rule;
pub use schema::{Field, FieldType, SupplierKind, Suppliers, TABLES, TableDef};
