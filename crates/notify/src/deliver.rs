//! One delivery pass: claim due mail, send it, record the outcome of each message.

use std::time::Duration;

use sqlx::PgPool;
use time::OffsetDateTime;

use crate::mailer::{Failure, Outgoing};
use crate::outbox::{self, Claimed};
use crate::{Error, Mailer};

/// How many messages one pass claims.
pub const BATCH_SIZE: i64 = 20;

/// After this many failed attempts a message is given up (`failed_at`). With the
/// backoff below that is about 42 hours of trying.
pub const MAX_ATTEMPTS: i32 = 48;

/// How long claimed mail stays reserved for the worker that claimed it.
const LEASE: Duration = Duration::from_secs(10 * 60);

/// The first retry waits this long; each further one twice as long as the last.
const FIRST_RETRY: Duration = Duration::from_secs(30);

/// No retry waits longer than this (before jitter).
const MAX_RETRY: Duration = Duration::from_secs(60 * 60);

/// What one pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    /// Messages that were due and claimed.
    pub claimed: usize,
    /// Messages the relay accepted.
    pub sent: usize,
    /// Messages that failed this time and will be tried again.
    pub retrying: usize,
    /// Messages given up: rejected for good, or out of attempts.
    pub failed: usize,
}

/// Delivers up to [`BATCH_SIZE`] messages due at `now` (the worker passes the current
/// time; a later time makes mail that is waiting for a retry due).
///
/// Safe to run from several processes at once: each message is claimed by one pass.
/// A message that fails is tried again after 30 s, 1 min, 2 min, … up to 1 h between
/// attempts, plus up to 10 % jitter so queued mail does not hit a recovering relay all
/// at once, and is given up after [`MAX_ATTEMPTS`] attempts, or at once when the relay
/// rejects the recipient for good (550–553; see `classify` in `mailer.rs` for why
/// other 5xx replies are retried). When the relay cannot be used at all (unreachable,
/// TLS or authentication failing), the rest of the batch is not tried: it records the
/// same failure, so one pass makes one connection attempt. A message whose relay
/// accepted it but whose row could not be updated (the database failing at that
/// moment) is sent again when its lease ends: delivery is at least once.
pub async fn deliver_due(
    pool: &PgPool,
    mailer: &Mailer,
    now: OffsetDateTime,
) -> Result<DeliveryReport, Error> {
    let batch = outbox::claim(pool, now, now + LEASE, BATCH_SIZE).await?;
    let mut report = DeliveryReport {
        claimed: batch.len(),
        ..DeliveryReport::default()
    };
    let mut relay_down: Option<Failure> = None;
    for mail in &batch {
        let result = match &relay_down {
            Some(failure) => Err(failure.clone()),
            None => mailer.send(outgoing(mail)).await,
        };
        match result {
            Ok(()) => {
                outbox::mark_sent(pool, mail.id, now).await?;
                tracing::info!(message_id = %mail.id, "mail sent");
                report.sent += 1;
            }
            Err(failure) => {
                let gave_up = record_failure(pool, mail, &failure, now).await?;
                if gave_up {
                    report.failed += 1;
                } else {
                    report.retrying += 1;
                }
                if failure.relay_down && relay_down.is_none() {
                    tracing::warn!(
                        message_id = %mail.id,
                        kind = %failure.kind,
                        batch = batch.len(),
                        "the mail relay cannot be used now; the batch will be retried"
                    );
                    relay_down = Some(failure);
                }
            }
        }
    }
    Ok(report)
}

fn outgoing(mail: &Claimed) -> Outgoing<'_> {
    Outgoing {
        id: mail.id,
        to: &mail.to_address,
        subject: &mail.subject,
        text: &mail.body_text,
        html: mail.body_html.as_deref(),
    }
}

/// Returns whether the message was given up.
async fn record_failure(
    pool: &PgPool,
    mail: &Claimed,
    failure: &Failure,
    now: OffsetDateTime,
) -> Result<bool, Error> {
    let attempts = mail.attempts.saturating_add(1);
    if failure.permanent || attempts >= MAX_ATTEMPTS {
        outbox::give_up(pool, mail.id, attempts, &failure.kind, now).await?;
        tracing::error!(
            message_id = %mail.id,
            kind = %failure.kind,
            attempts,
            "mail could not be delivered and is given up"
        );
        return Ok(true);
    }
    let next = now + retry_delay(attempts, rand::random::<f64>());
    outbox::retry_later(pool, mail.id, attempts, &failure.kind, next).await?;
    if !failure.relay_down {
        tracing::warn!(
            message_id = %mail.id,
            kind = %failure.kind,
            attempts,
            "mail delivery failed; will retry"
        );
    }
    Ok(false)
}

/// The wait after the `attempts`-th failure: 30 s × 2^(attempts − 1), at most 1 h,
/// stretched by `jitter` × 10 % (`jitter` in 0..1).
fn retry_delay(attempts: i32, jitter: f64) -> Duration {
    let doublings = attempts.clamp(1, 16) - 1;
    let base = FIRST_RETRY.saturating_mul(1 << doublings).min(MAX_RETRY);
    base.mul_f64(1.0 + 0.1 * jitter.clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_double_from_thirty_seconds_up_to_an_hour() {
        let secs = |n| retry_delay(n, 0.0).as_secs();
        assert_eq!(secs(1), 30);
        assert_eq!(secs(2), 60);
        assert_eq!(secs(3), 120);
        assert_eq!(secs(7), 1920);
        assert_eq!(secs(8), 3600);
        assert_eq!(secs(47), 3600);
        assert_eq!(secs(i32::MAX), 3600);
    }

    #[test]
    fn jitter_adds_at_most_a_tenth() {
        assert_eq!(retry_delay(1, 1.0), Duration::from_secs(33));
        assert_eq!(retry_delay(8, 0.5), Duration::from_secs(3780));
        assert_eq!(retry_delay(1, 7.0), Duration::from_secs(33));
    }

    #[test]
    fn giving_up_takes_about_two_days() {
        let total: Duration = (1..MAX_ATTEMPTS).map(|n| retry_delay(n, 0.0)).sum();
        let hours = total.as_secs() / 3600;
        assert!((40..=48).contains(&hours), "{hours} h");
    }
}
