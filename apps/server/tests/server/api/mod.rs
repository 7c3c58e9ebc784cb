//! The owner API over HTTP, against the real database and a real SMTP server on
//! loopback: mail links are read from what the SMTP server received.

mod accounts;
mod apps;
mod bad_input;
mod chat;
mod knowledge;
mod openapi;
mod public_page;
pub mod support;
mod tenancy;
mod workspaces;
