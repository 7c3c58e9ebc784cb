//! How much visitors may send: messages and new conversations per client address,
//! messages per conversation and per app. Counted in Postgres (`throttle_events`), so
//! every `mimi` process counts the same; addresses only as keyed hashes. A refusal is
//! 429 with `Retry-After` and stores nothing.

use std::net::IpAddr;
use std::time::Duration;

use mimi_domain::{Error, Result};
use mimi_store::PgPool;
use mimi_store::throttle::{self, Limit};
use serde::{Deserialize, Serialize};

use crate::conversation::Visitor;

/// The operator's limits (`[chat.limits]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct VisitorLimits {
    /// Messages one client address may send in 10 minutes, to any app.
    pub messages_per_address_per_10_minutes: i64,
    /// Conversations one client address may start in 10 minutes.
    pub conversations_per_address_per_10_minutes: i64,
    /// Messages one conversation may take in a minute.
    pub messages_per_conversation_per_minute: i64,
    /// Messages one app may take in an hour, from all its visitors: a ceiling on what
    /// a flood can cost its owner in model tokens.
    pub messages_per_app_per_hour: i64,
}

impl Default for VisitorLimits {
    fn default() -> VisitorLimits {
        VisitorLimits {
            messages_per_address_per_10_minutes: 60,
            conversations_per_address_per_10_minutes: 20,
            messages_per_conversation_per_minute: 10,
            messages_per_app_per_hour: 1_000,
        }
    }
}

const MINUTE: Duration = Duration::from_secs(60);
const TEN_MINUTES: Duration = Duration::from_secs(600);
const HOUR: Duration = Duration::from_secs(3600);

/// The limits and the key addresses are hashed with.
#[derive(Clone)]
pub(crate) struct Limiter {
    pub limits: VisitorLimits,
    pub key: [u8; 32],
}

impl std::fmt::Debug for Limiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Limiter")
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl Limiter {
    /// Counts a new conversation from `client`, or refuses it.
    pub async fn start(&self, pool: &PgPool, client: Option<IpAddr>) -> Result<()> {
        let Some(ip) = client else {
            return Ok(());
        };
        let address = throttle::address_key(&self.key, "visitor", ip);
        let limits = [Limit {
            scope: "visitor_start",
            key: &address,
            limit: self.limits.conversations_per_address_per_10_minutes,
            window: TEN_MINUTES,
        }];
        take(pool, &limits).await
    }

    /// Counts a message of `visitor` from `client`, or refuses it.
    pub async fn message(
        &self,
        pool: &PgPool,
        visitor: &Visitor,
        client: Option<IpAddr>,
    ) -> Result<()> {
        let conversation = visitor.conversation_id.as_bytes().to_vec();
        let app = visitor.app_id.as_bytes().to_vec();
        let address = client.map(|ip| throttle::address_key(&self.key, "visitor", ip));
        let mut limits = vec![
            Limit {
                scope: "conversation_message",
                key: &conversation,
                limit: self.limits.messages_per_conversation_per_minute,
                window: MINUTE,
            },
            Limit {
                scope: "app_message",
                key: &app,
                limit: self.limits.messages_per_app_per_hour,
                window: HOUR,
            },
        ];
        if let Some(address) = &address {
            limits.push(Limit {
                scope: "visitor_message",
                key: address,
                limit: self.limits.messages_per_address_per_10_minutes,
                window: TEN_MINUTES,
            });
        }
        take(pool, &limits).await
    }
}

async fn take(pool: &PgPool, limits: &[Limit<'_>]) -> Result<()> {
    let mut conn = pool.acquire().await?;
    match throttle::take(&mut conn, limits).await? {
        0 => Ok(()),
        seconds => Err(Error::RateLimited {
            retry_after_seconds: seconds,
        }),
    }
}
