//! The `mail_outbox` table: queueing, claiming and recording what became of a message.

use std::time::Duration;

use mimi_domain::Language;
use sqlx::{PgConnection, PgPool};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{Error, Message};

/// The `LISTEN`/`NOTIFY` channel that wakes the worker when mail is queued.
pub const CHANNEL: &str = "mimi_mail";

/// Queues `message` to `to`, rendered in `language`, due at once.
///
/// Runs on the caller's connection, normally inside the transaction that makes the
/// change the mail is about: the row and the wake-up notification exist only if that
/// transaction commits, so a rolled-back sign-up sends nothing. Refuses a recipient
/// that is not an email address, so a bad address fails the caller now rather than
/// the worker later.
pub async fn enqueue(
    conn: &mut PgConnection,
    to: &str,
    message: &Message,
    language: Language,
) -> Result<Uuid, Error> {
    to.parse::<lettre::Address>()
        .map_err(|_| Error::Recipient)?;
    let rendered = message.render(language);
    // Version 7 ids sort by creation time, which keeps the primary key index compact.
    let id = Uuid::now_v7();
    sqlx::query(
        "insert into mail_outbox (id, to_address, subject, body_text, body_html, language) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(to)
    .bind(&rendered.subject)
    .bind(&rendered.text)
    .bind(&rendered.html)
    .bind(language.as_str())
    .execute(&mut *conn)
    .await?;
    // Delivered at commit, to every session listening; nothing on rollback.
    sqlx::query("select pg_notify($1, '')")
        .bind(CHANNEL)
        .execute(&mut *conn)
        .await?;
    tracing::debug!(message_id = %id, "mail queued");
    Ok(id)
}

/// Deletes sent and given-up mail older than `older_than`; returns how many rows went.
/// Pending mail is never deleted. The retention job calls this.
pub async fn purge_sent(pool: &PgPool, older_than: Duration) -> Result<u64, Error> {
    let deleted = sqlx::query(
        "delete from mail_outbox \
         where coalesce(sent_at, failed_at) < now() - make_interval(secs => $1)",
    )
    .bind(older_than.as_secs_f64())
    .execute(pool)
    .await?
    .rows_affected();
    Ok(deleted)
}

/// A message claimed for one delivery attempt.
#[derive(sqlx::FromRow)]
pub(crate) struct Claimed {
    pub id: Uuid,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    pub attempts: i32,
}

/// Takes up to `limit` messages due at `now` and leases them until `lease_until`.
///
/// The lease is a later `next_attempt_at`, committed at once: no transaction and no
/// pooled connection is held while the relay is talked to, other workers skip the
/// rows (`skip locked` while claiming, the lease afterwards), and the rows of a worker
/// that dies mid-batch fall due again when the lease ends.
pub(crate) async fn claim(
    pool: &PgPool,
    now: OffsetDateTime,
    lease_until: OffsetDateTime,
    limit: i64,
) -> Result<Vec<Claimed>, Error> {
    let mut claimed: Vec<Claimed> = sqlx::query_as(
        "update mail_outbox set next_attempt_at = $2 \
         where id in ( \
             select id from mail_outbox \
             where sent_at is null and failed_at is null and next_attempt_at <= $1 \
             order by next_attempt_at \
             limit $3 \
             for update skip locked) \
         returning id, to_address, subject, body_text, body_html, attempts",
    )
    .bind(now)
    .bind(lease_until)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    claimed.sort_by_key(|m| m.id);
    Ok(claimed)
}

/// Records delivery and drops the bodies, which hold single-use links; the row stays
/// for the audit trail.
pub(crate) async fn mark_sent(pool: &PgPool, id: Uuid, now: OffsetDateTime) -> Result<(), Error> {
    sqlx::query(
        "update mail_outbox \
         set sent_at = $2, body_text = null, body_html = null, last_error = null \
         where id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

/// Records a failed attempt and when to try again.
pub(crate) async fn retry_later(
    pool: &PgPool,
    id: Uuid,
    attempts: i32,
    kind: &str,
    next_attempt_at: OffsetDateTime,
) -> Result<(), Error> {
    sqlx::query(
        "update mail_outbox set attempts = $2, last_error = $3, next_attempt_at = $4 \
         where id = $1",
    )
    .bind(id)
    .bind(attempts)
    .bind(kind)
    .bind(next_attempt_at)
    .execute(pool)
    .await?;
    Ok(())
}

/// Records the last failed attempt and gives the message up. Its links will never
/// reach anyone, so the bodies go too.
pub(crate) async fn give_up(
    pool: &PgPool,
    id: Uuid,
    attempts: i32,
    kind: &str,
    now: OffsetDateTime,
) -> Result<(), Error> {
    sqlx::query(
        "update mail_outbox \
         set attempts = $2, last_error = $3, failed_at = $4, body_text = null, body_html = null \
         where id = $1",
    )
    .bind(id)
    .bind(attempts)
    .bind(kind)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}
