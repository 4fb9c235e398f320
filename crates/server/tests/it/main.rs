//! Integration tests of the HTTP service over a temporary home and SQLite store, driven with
//! `tower::ServiceExt::oneshot` and a manual clock.

mod anchor;
mod dispatch;
mod draws;
mod flow;
mod load;
mod matrix;
mod notice_desk;
mod notices;
mod penalties;
mod push;
mod rate;
mod ring_devices;
mod rules;
mod serve;
mod support;
mod web;
mod webproof;
