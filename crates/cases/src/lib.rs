//! tianping-cases: from findings to closed cases.
//!
//! - [`calendar`]: the Chinese working-day calendar (statutory holidays and 调休 make-up days per
//!   year, as data with its sources) on which every legal deadline is counted.
//! - [`rules`]: the deadlines and the disposal thresholds as data, each with its legal basis,
//!   period in force and how far it was verified.
//! - [`finding`]: findings (`shared/spec/findings.md` §1) parsed into a typed value, or rejected
//!   with the field at fault.
//! - [`alert`]: findings → alerts deduplicated per (subject, practice), merged into one view per
//!   merchant, ranked, with the two-tier disposal decision.
//! - [`case`]: clues and cases as an explicit state machine; every transition is made by a named
//!   actor in an allowed role, with a reason, and returns the event that records it.
//! - [`notice`]: rectification notices (责令整改通知), the minor tier: issued through the
//!   platform with a working-day deadline, replied to, accepted or escalated to a clue.
//! - [`deadline`]: deadlines computed from the rules on the calendar, and the queue items.
//! - [`practice`]: the detector catalogue's practices with their Chinese names.
//!
//! No IO, no clock: time comes in as arguments (`at_ms`, `as_of`); outputs are deterministic.

pub mod alert;
pub mod calendar;
pub mod case;
pub mod deadline;
pub mod finding;
pub mod notice;
pub mod practice;
pub mod publicity;
pub mod rules;

pub use calendar::{Calendar, CalendarError};
