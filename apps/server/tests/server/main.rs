//! The `mimi` server: HTTP surface in-process, and the binary as an operator runs it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod api;
mod cli;
mod dashboard;
mod embedded;
mod health;
mod metrics;
mod owners;
mod shutdown;
mod support;
mod widget;
