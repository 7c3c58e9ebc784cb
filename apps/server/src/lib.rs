//! The `mimi` server as a library, so tests drive the same code the binary runs:
//! settings, telemetry, the database start-up, the router and the serve loop.
//!
//! `main.rs` only parses the command line and calls in here. Capability crates never
//! depend on this crate.

pub mod database;
pub mod demo;
pub mod eval;
pub mod http;
pub mod keys;
pub mod maintenance;
pub mod serve;
pub mod settings;
pub mod telemetry;
