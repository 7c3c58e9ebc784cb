//! The test harness (a dev-dependency only).
//!
//! - [`TestDb::new`] gives each test its own freshly migrated database, copied from a
//!   template that is built once per set of migrations. The server is `DATABASE_URL`
//!   when set (a role allowed to create databases), otherwise a shared embedded
//!   PostgreSQL under the system temp directory, started by the first test that needs
//!   it and reused by every later test process (`scripts/test` stops it at the end).
//! - [`TestApp::spawn`] serves a router on 127.0.0.1:0 with a cookie-aware client.
//! - [`SmtpServer::start`] runs a real SMTP server (STARTTLS, AUTH PLAIN) on
//!   127.0.0.1:0 that keeps what it receives, for tests of outgoing mail.
//!
//! Nothing is shared between tests but the server process; nothing waits by sleeping.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod app;
mod db;
mod smtp;

pub use app::{TestApp, client};
pub use db::{TestDb, admin_url, embedded_root};
pub use smtp::{ReceivedMail, SmtpOptions, SmtpServer};
