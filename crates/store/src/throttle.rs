//! Rate limits kept in Postgres (`throttle_events`), so every `mimi` process behind a
//! load balancer counts the same events. Keys are opaque bytes: keyed hashes (HMAC) of
//! client addresses and emails, never the values themselves, or ids.
//!
//! Sign-in and sign-up throttling (`mimi-accounts`) and visitors' chat limits
//! (`mimi-chat`) share these; rows older than a day are purged by [`purge_expired`].

use std::net::IpAddr;
use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::PgConnection;

/// The keyed hash of `value` under `scope`.
pub fn keyed(key: &[u8; 32], scope: &str, value: &str) -> Vec<u8> {
    // HMAC accepts keys of any length; this cannot fail for a 32-byte key.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return Vec::new();
    };
    mac.update(scope.as_bytes());
    mac.update(b"\0");
    mac.update(value.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// The keyed hash of a client address under `scope`. One subscriber usually holds a
/// whole IPv6 /64, so it counts as one address.
pub fn address_key(key: &[u8; 32], scope: &str, ip: IpAddr) -> Vec<u8> {
    let text = match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    };
    keyed(key, scope, &text)
}

/// One limit: at most `limit` events of `scope` and `key` within `window`.
#[derive(Clone, Copy, Debug)]
pub struct Limit<'a> {
    /// A `throttle_events.scope` value.
    pub scope: &'static str,
    /// The counted key.
    pub key: &'a [u8],
    /// Events allowed…
    pub limit: i64,
    /// …within this window.
    pub window: Duration,
}

/// Seconds until one more event of `limit` is allowed (0: now).
pub async fn wait(conn: &mut PgConnection, limit: &Limit<'_>) -> sqlx::Result<u64> {
    // A limit of zero or less allows nothing, for a whole window.
    if limit.limit <= 0 {
        return Ok(limit.window.as_secs().max(1));
    }
    // The limit-th most recent event in the window: once it leaves the window, fewer
    // than `limit` remain.
    let seconds: Option<f64> = sqlx::query_scalar(
        "select extract(epoch from (min(at) + make_interval(secs => $4) - now()))::float8 \
         from (select at from throttle_events \
               where scope = $1 and key_hash = $2 and at > now() - make_interval(secs => $4) \
               order by at desc limit $3) recent \
         having count(*) >= $3",
    )
    .bind(limit.scope)
    .bind(limit.key)
    .bind(limit.limit)
    .bind(limit.window.as_secs_f64())
    .fetch_optional(&mut *conn)
    .await?
    .flatten();
    Ok(seconds.map_or(0, |s| s.ceil().max(1.0) as u64))
}

/// Seconds until one more event of every limit is allowed (0: now); when it is 0, the
/// event is counted against all of them. One round trip, whatever the number of limits.
pub async fn take(conn: &mut PgConnection, limits: &[Limit<'_>]) -> sqlx::Result<u64> {
    // A limit of zero or less allows nothing, for a whole window.
    if let Some(closed) = limits
        .iter()
        .filter(|l| l.limit <= 0)
        .map(|l| l.window)
        .max()
    {
        return Ok(closed.as_secs().max(1));
    }
    if limits.is_empty() {
        return Ok(0);
    }
    let scopes: Vec<&str> = limits.iter().map(|l| l.scope).collect();
    let keys: Vec<&[u8]> = limits.iter().map(|l| l.key).collect();
    let counts: Vec<i64> = limits.iter().map(|l| l.limit).collect();
    let windows: Vec<f64> = limits.iter().map(|l| l.window.as_secs_f64()).collect();
    // For each limit, as in `wait`: the limit-th most recent event in its window.
    let seconds: Option<f64> = sqlx::query_scalar(
        "with limits (scope, key, allowed, window_secs) as ( \
             select * from unnest($1::text[], $2::bytea[], $3::int8[], $4::float8[])), \
         waits as ( \
             select (select extract(epoch from (min(at) + make_interval(secs => l.window_secs) - now()))::float8 \
                     from (select at from throttle_events t \
                           where t.scope = l.scope and t.key_hash = l.key \
                             and t.at > now() - make_interval(secs => l.window_secs) \
                           order by t.at desc limit l.allowed) recent \
                     having count(*) >= l.allowed) as wait \
             from limits l), \
         longest as (select max(wait) as wait from waits), \
         counted as ( \
             insert into throttle_events (scope, key_hash) \
             select scope, key from limits where (select wait from longest) is null \
             returning 1) \
         select wait from longest",
    )
    .bind(&scopes)
    .bind(&keys)
    .bind(&counts)
    .bind(&windows)
    .fetch_one(&mut *conn)
    .await?;
    Ok(seconds.map_or(0, |s| s.ceil().max(1.0) as u64))
}

/// Deletes events older than a day (the hourly maintenance calls it).
pub async fn purge_expired(pool: &sqlx::PgPool) -> sqlx::Result<u64> {
    let done = sqlx::query("delete from throttle_events where at < now() - interval '1 day'")
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}
