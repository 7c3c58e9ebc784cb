//! Throttling, kept in Postgres so every `mimi` process behind a load balancer counts
//! the same events: failed sign-ins per client address and per email, sign-ups per
//! client address. Only keyed hashes of addresses and emails are stored.

use std::net::IpAddr;
use std::time::Duration;

use mimi_domain::Error;
use mimi_store::throttle::{self, Limit};
use sqlx::PgConnection;

/// How many failed sign-ins are allowed in which window.
#[derive(Clone, Copy, Debug)]
pub struct ThrottleLimits {
    /// Failures allowed per client address (an IPv6 /64 counts as one address)…
    pub per_ip: i64,
    /// …within this window.
    pub ip_window: Duration,
    /// Failures allowed per email, from any address…
    pub per_email: i64,
    /// …within this window.
    pub email_window: Duration,
    /// Sign-ups allowed per client address…
    pub sign_ups_per_ip: i64,
    /// …within this window.
    pub sign_up_window: Duration,
}

impl Default for ThrottleLimits {
    /// Failed sign-ins: 5 per 5 minutes per address, 10 per 15 minutes per email.
    /// Sign-ups: 10 an hour per address.
    fn default() -> Self {
        ThrottleLimits {
            per_ip: 5,
            ip_window: Duration::from_secs(5 * 60),
            per_email: 10,
            email_window: Duration::from_secs(15 * 60),
            sign_ups_per_ip: 10,
            sign_up_window: Duration::from_secs(3600),
        }
    }
}

/// The keyed hashes one sign-in attempt is counted under.
pub(crate) struct Keys {
    ip: Vec<u8>,
    email: Vec<u8>,
}

impl Keys {
    pub(crate) fn new(key: &[u8; 32], ip: IpAddr, email_normalized: &str) -> Keys {
        Keys {
            ip: throttle::address_key(key, "ip", ip),
            email: throttle::keyed(key, "email", email_normalized),
        }
    }
}

/// Refuses with 429 when either key has used up its failures.
pub(crate) async fn check(
    conn: &mut PgConnection,
    limits: &ThrottleLimits,
    keys: &Keys,
) -> Result<(), Error> {
    let ip = throttle::wait(
        conn,
        &Limit {
            scope: "ip",
            key: &keys.ip,
            limit: limits.per_ip,
            window: limits.ip_window,
        },
    )
    .await?;
    let email = throttle::wait(
        conn,
        &Limit {
            scope: "email",
            key: &keys.email,
            limit: limits.per_email,
            window: limits.email_window,
        },
    )
    .await?;
    match ip.max(email) {
        0 => Ok(()),
        seconds => Err(Error::RateLimited {
            retry_after_seconds: seconds,
        }),
    }
}

/// Counts a sign-up from the address of `keys`, refusing with 429 once the address has
/// used up its sign-ups.
pub(crate) async fn sign_up(
    conn: &mut PgConnection,
    limits: &ThrottleLimits,
    keys: &Keys,
) -> Result<(), Error> {
    let limit = Limit {
        scope: "sign_up",
        key: &keys.ip,
        limit: limits.sign_ups_per_ip,
        window: limits.sign_up_window,
    };
    match throttle::take(conn, &[limit]).await? {
        0 => Ok(()),
        seconds => Err(Error::RateLimited {
            retry_after_seconds: seconds,
        }),
    }
}

/// Counts a failed attempt against both keys, and forgets this key's day-old failures.
pub(crate) async fn record_failure(conn: &mut PgConnection, keys: &Keys) -> Result<(), Error> {
    sqlx::query(
        "with purged as (delete from throttle_events \
                          where ((scope = 'ip' and key_hash = $1) or (scope = 'email' and key_hash = $2)) \
                            and at < now() - interval '1 day') \
         insert into throttle_events (scope, key_hash) values ('ip', $1), ('email', $2)",
    )
    .bind(&keys.ip)
    .bind(&keys.email)
    .execute(conn)
    .await?;
    Ok(())
}

/// A successful sign-in clears its email's failures (not its address's: one address may
/// be guessing many accounts).
pub(crate) async fn clear_email(conn: &mut PgConnection, keys: &Keys) -> Result<(), Error> {
    sqlx::query("delete from throttle_events where scope = 'email' and key_hash = $1")
        .bind(&keys.email)
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes failures older than a day (the schedule calls it; sign-ins also purge their
/// own keys as they go).
pub async fn purge_expired(pool: &sqlx::PgPool) -> Result<u64, Error> {
    Ok(throttle::purge_expired(pool).await?)
}
