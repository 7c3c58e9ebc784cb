//! mimi-notify against a real PostgreSQL and a real SMTP server on loopback.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod delivery;
mod logs;
mod outage;
mod retention;
mod support;
mod tls;
mod worker;
