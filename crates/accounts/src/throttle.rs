//! Throttling, kept in Postgres so every `mimi` process behind a load balancer counts
//! the same events: failed sign-ins per client address and per email, sign-ups per
//! client address. Only keyed hashes of addresses and emails are stored.

use std::net::IpAddr;
use std::time::Duration;

use hmac::{Hmac, Mac};
use mimi_domain::Error;
use sha2::Sha256;
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
        let ip_text = match ip {
            IpAddr::V4(v4) => v4.to_string(),
            // One subscriber usually holds a whole /64: count it as one address.
            IpAddr::V6(v6) => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        };
        Keys {
            ip: keyed(key, "ip", &ip_text),
            email: keyed(key, "email", email_normalized),
        }
    }
}

fn keyed(key: &[u8; 32], scope: &str, value: &str) -> Vec<u8> {
    // HMAC accepts keys of any length; this cannot fail for a 32-byte key.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return Vec::new();
    };
    mac.update(scope.as_bytes());
    mac.update(b"\0");
    mac.update(value.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// Refuses with 429 when either key has used up its failures.
pub(crate) async fn check(
    conn: &mut PgConnection,
    limits: &ThrottleLimits,
    keys: &Keys,
) -> Result<(), Error> {
    let ip = wait(conn, "ip", &keys.ip, limits.per_ip, limits.ip_window).await?;
    let email = wait(
        conn,
        "email",
        &keys.email,
        limits.per_email,
        limits.email_window,
    )
    .await?;
    match ip.max(email) {
        0 => Ok(()),
        seconds => Err(Error::RateLimited {
            retry_after_seconds: seconds,
        }),
    }
}

/// Seconds until `key` may try again (0: now).
async fn wait(
    conn: &mut PgConnection,
    scope: &str,
    key: &[u8],
    limit: i64,
    window: Duration,
) -> Result<u64, Error> {
    // The limit-th most recent failure in the window: once it leaves the window, fewer
    // than `limit` remain.
    let seconds: Option<f64> = sqlx::query_scalar(
        "select extract(epoch from (min(at) + make_interval(secs => $4) - now()))::float8 \
         from (select at from throttle_events \
               where scope = $1 and key_hash = $2 and at > now() - make_interval(secs => $4) \
               order by at desc limit $3) recent \
         having count(*) >= $3",
    )
    .bind(scope)
    .bind(key)
    .bind(limit)
    .bind(window.as_secs_f64())
    .fetch_optional(&mut *conn)
    .await?
    .flatten();
    Ok(seconds.map_or(0, |s| s.ceil().max(1.0) as u64))
}

/// Counts a sign-up from the address of `keys`, refusing with 429 once the address has
/// used up its sign-ups.
pub(crate) async fn sign_up(
    conn: &mut PgConnection,
    limits: &ThrottleLimits,
    keys: &Keys,
) -> Result<(), Error> {
    let seconds = wait(
        conn,
        "sign_up",
        &keys.ip,
        limits.sign_ups_per_ip,
        limits.sign_up_window,
    )
    .await?;
    if seconds > 0 {
        return Err(Error::RateLimited {
            retry_after_seconds: seconds,
        });
    }
    sqlx::query("insert into throttle_events (scope, key_hash) values ('sign_up', $1)")
        .bind(&keys.ip)
        .execute(conn)
        .await?;
    Ok(())
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
    let done = sqlx::query("delete from throttle_events where at < now() - interval '1 day'")
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}
