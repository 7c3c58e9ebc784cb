//! Transactional email: verification, password-reset, sign-in-change and invite
//! messages in English and Japanese, queued in the `mail_outbox` table and delivered
//! over SMTP by a worker that retries with backoff, so an SMTP outage delays mail but
//! loses none.
//!
//! - [`Message`] renders to subject, text and HTML in a [`Language`](mimi_domain::Language).
//! - [`enqueue`] inserts a rendered message on the caller's connection, inside the
//!   caller's transaction, and notifies the worker at commit.
//! - [`deliver_due`] is one delivery pass; [`run_worker`] loops over it, woken by
//!   `LISTEN mimi_mail` or a poll interval. Several `mimi` processes may run workers
//!   against one database: each message is claimed by one of them.
//! - [`Mailer`] sends through lettre: SMTP (STARTTLS or TLS on rustls) per
//!   [`MailSettings`], or `.eml` files when no relay is configured.
//! - [`purge_sent`] is for the retention job.
//!
//! Logs name messages by their outbox id and failures by kind (`connection`,
//! `smtp_451`, …). They never carry addresses, subjects, bodies, links or the relay's
//! reply text, which may quote the address. Bodies are dropped from the table once a
//! message is sent or given up.
//!
//! Depends on `domain` only among Mimi crates; queries are runtime-checked `sqlx`
//! calls covered by the tests in `tests/notify`.

mod deliver;
mod error;
mod mailer;
mod message;
mod outbox;
mod settings;
mod worker;

pub use deliver::{BATCH_SIZE, DeliveryReport, MAX_ATTEMPTS, deliver_due};
pub use error::Error;
pub use mailer::Mailer;
pub use message::{Message, Rendered};
pub use outbox::{CHANNEL, enqueue, purge_sent};
pub use settings::{MailSettings, SmtpSecurity};
pub use worker::run_worker;
