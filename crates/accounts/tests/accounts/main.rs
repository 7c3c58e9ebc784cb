//! mimi-accounts against a real PostgreSQL, as the serving role under Row-Level
//! Security. Mail is read back from the outbox (delivery over SMTP is tested in
//! mimi-notify and, end to end, in the server's tests).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod keys;
mod signin;
mod signup;
mod support;
mod workspaces;
