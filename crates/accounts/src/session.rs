//! Server-side sessions. The browser holds a random token (inside the encrypted
//! `cc_uid` cookie, which the HTTP layer seals); the table holds only its hash, so
//! signing out, or a password reset, revokes it for good.

use mimi_domain::Error;
use sqlx::PgConnection;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{Accounts, token};

/// A new session, to put in the cookie.
#[derive(Debug)]
pub struct SignedIn {
    /// The secret for the cookie. Never logged, never stored.
    pub session_token: String,
    /// Who signed in.
    pub account_id: Uuid,
    /// When the session ends.
    pub expires_at: OffsetDateTime,
}

/// A valid session found from its token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionInfo {
    /// The session row.
    pub session_id: Uuid,
    /// Its account.
    pub account_id: Uuid,
}

/// Opens a session for `account_id` inside the caller's transaction.
pub(crate) async fn open(
    conn: &mut PgConnection,
    account_id: Uuid,
    ttl: std::time::Duration,
) -> Result<SignedIn, Error> {
    let session_token = token::generate();
    let expires_at: OffsetDateTime = sqlx::query_scalar(
        "insert into sessions (id, account_id, token_hash, expires_at) \
         values ($1, $2, $3, now() + make_interval(secs => $4)) returning expires_at",
    )
    .bind(Uuid::now_v7())
    .bind(account_id)
    .bind(token::hash(&session_token))
    .bind(ttl.as_secs_f64())
    .fetch_one(conn)
    .await?;
    Ok(SignedIn {
        session_token,
        account_id,
        expires_at,
    })
}

impl Accounts {
    /// The live session behind `session_token`, if any. Marks it seen (at most once a
    /// minute, to spare writes).
    pub async fn authenticate(&self, session_token: &str) -> Result<Option<SessionInfo>, Error> {
        let found: Option<(Uuid, Uuid)> = sqlx::query_as(
            "update sessions set last_seen_at = case \
                 when last_seen_at < now() - interval '1 minute' then now() else last_seen_at end \
             where token_hash = $1 and expires_at > now() \
             returning id, account_id",
        )
        .bind(token::hash(session_token))
        .fetch_optional(self.pool())
        .await?;
        Ok(found.map(|(session_id, account_id)| SessionInfo {
            session_id,
            account_id,
        }))
    }

    /// Ends one session.
    pub async fn sign_out(&self, session: SessionInfo) -> Result<(), Error> {
        sqlx::query("delete from sessions where id = $1")
            .bind(session.session_id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Ends every session of the account, this one included.
    pub async fn sign_out_everywhere(&self, account_id: Uuid) -> Result<u64, Error> {
        let done = sqlx::query("delete from sessions where account_id = $1")
            .bind(account_id)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }

    /// Deletes expired sessions (for the schedule).
    pub async fn purge_expired_sessions(&self) -> Result<u64, Error> {
        let done = sqlx::query("delete from sessions where expires_at <= now()")
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }
}
