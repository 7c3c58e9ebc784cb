use std::time::Duration;

use mimi_domain::Language;
use mimi_notify::{MailSettings, Mailer, Message, SmtpSecurity};
use mimi_testkit::{SmtpServer, TestDb};
use secrecy::ExposeSecret;
use sqlx::postgres::PgPoolOptions;
use sqlx::{Executor, PgPool};
use time::OffsetDateTime;
use uuid::Uuid;

/// How long a test waits for mail that should arrive at once.
pub const WAIT: Duration = Duration::from_secs(10);

/// Settings for the test server on 127.0.0.1.
pub fn settings(smtp: &SmtpServer, security: SmtpSecurity) -> MailSettings {
    MailSettings {
        smtp_host: Some("127.0.0.1".into()),
        smtp_port: Some(smtp.port()),
        smtp_security: security,
        from: "Mimi <no-reply@mimi.test>".into(),
        ..MailSettings::default()
    }
}

/// A mailer that talks plain SMTP to the test server.
pub fn plain_mailer(smtp: &SmtpServer) -> Mailer {
    Mailer::from_settings(
        &settings(smtp, SmtpSecurity::None),
        std::path::Path::new("unused"),
    )
    .unwrap()
}

/// A mailer that upgrades with STARTTLS and trusts the test server's certificate.
pub fn starttls_mailer(smtp: &SmtpServer) -> Mailer {
    Mailer::smtp_with_root_cert(
        &settings(smtp, SmtpSecurity::Starttls),
        smtp.certificate_pem().as_bytes(),
    )
    .unwrap()
}

pub fn verify(name: &str) -> Message {
    Message::VerifyEmail {
        name: name.into(),
        link: format!("https://mimi.test/verify?token=tok-{name}"),
    }
}

/// Queues `message` in a committed transaction, as a caller would.
pub async fn queue(pool: &PgPool, to: &str, message: &Message, language: Language) -> Uuid {
    let mut tx = pool.begin().await.unwrap();
    let id = mimi_notify::enqueue(&mut tx, to, message, language)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

/// A pool whose connections act as the serving role, as the server's do.
pub async fn app_pool(db: &TestDb) -> PgPool {
    PgPoolOptions::new()
        .max_connections(4)
        .after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute("set role mimi_app").await?;
                Ok(())
            })
        })
        .connect(db.url().expose_secret())
        .await
        .unwrap()
}

/// A row of the outbox, as the tests look at it.
#[derive(Debug, sqlx::FromRow)]
pub struct Row {
    pub to_address: String,
    pub subject: String,
    pub body_text: Option<String>,
    pub body_html: Option<String>,
    pub language: String,
    pub attempts: i32,
    pub next_attempt_at: OffsetDateTime,
    pub last_error: Option<String>,
    pub sent_at: Option<OffsetDateTime>,
    pub failed_at: Option<OffsetDateTime>,
}

pub async fn row(pool: &PgPool, id: Uuid) -> Row {
    sqlx::query_as(
        "select to_address, subject, body_text, body_html, language, attempts, \
         next_attempt_at, last_error, sent_at, failed_at from mail_outbox where id = $1",
    )
    .bind(id)
    .fetch_one(pool)
    .await
    .unwrap()
}

pub fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}
