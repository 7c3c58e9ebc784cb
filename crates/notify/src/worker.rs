//! The long-running worker: deliver due mail, then sleep until new mail is queued, the
//! poll interval passes, or shutdown.

use std::future::Future;
use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::{PgListener, PgNotification};
use time::OffsetDateTime;

use crate::deliver::{BATCH_SIZE, deliver_due};
use crate::outbox::CHANNEL;
use crate::{Error, Mailer};

/// The longest wait after repeated database failures.
const MAX_ERROR_BACKOFF: Duration = Duration::from_secs(5 * 60);

/// Delivers mail until `shutdown` completes.
///
/// Each round delivers everything due, then waits for a `NOTIFY mimi_mail` (sent by
/// [`enqueue`](crate::enqueue) at commit), for `poll_interval` (which also picks up
/// retries as they fall due, and mail queued while the listening connection was
/// being re-established), or for shutdown. Holds one pooled connection for `LISTEN`.
/// Database failures are logged and waited out with a growing pause (from
/// `poll_interval` up to 5 minutes); the loop ends only at shutdown or when the pool
/// is closed. A pass in progress is finished before shutdown is noticed, so no
/// message is left sent but unrecorded.
pub async fn run_worker(
    pool: PgPool,
    mailer: Mailer,
    poll_interval: Duration,
    shutdown: impl Future<Output = ()>,
) {
    let mut shutdown = std::pin::pin!(shutdown);
    let mut listener: Option<PgListener> = None;
    let mut failures: u32 = 0;
    tracing::info!("mail worker started");
    loop {
        // Listen before delivering, so mail queued during the pass still wakes us.
        if listener.is_none() && !pool.is_closed() {
            listener = listen(&pool).await;
        }
        let wait = match deliver_all_due(&pool, &mailer).await {
            Ok(()) => {
                failures = 0;
                poll_interval
            }
            Err(_) if pool.is_closed() => break,
            Err(error) => {
                failures = failures.saturating_add(1);
                let wait = error_backoff(poll_interval, failures);
                tracing::warn!(%error, retry_in = ?wait, "mail delivery pass failed");
                wait
            }
        };
        tokio::select! {
            () = &mut shutdown => break,
            () = tokio::time::sleep(wait) => {}
            notified = next_notification(&mut listener), if failures == 0 => {
                match notified {
                    Ok(_) => {
                        // Many commits may have notified; one pass serves them all.
                        while listener.as_mut().and_then(PgListener::next_buffered).is_some() {}
                    }
                    Err(error) => {
                        tracing::warn!(%error, "lost the mail notification connection; polling until it is back");
                        listener = None;
                    }
                }
            }
        }
    }
    tracing::info!("mail worker stopped");
}

/// Delivers until a pass finds less than a full batch, or makes no progress.
async fn deliver_all_due(pool: &PgPool, mailer: &Mailer) -> Result<(), Error> {
    loop {
        let report = deliver_due(pool, mailer, OffsetDateTime::now_utc()).await?;
        let full = i64::try_from(report.claimed).unwrap_or(i64::MAX) >= BATCH_SIZE;
        if !full || report.sent + report.failed == 0 {
            return Ok(());
        }
    }
}

async fn listen(pool: &PgPool) -> Option<PgListener> {
    let result = async {
        let mut listener = PgListener::connect_with(pool).await?;
        listener.listen(CHANNEL).await?;
        Ok::<_, sqlx::Error>(listener)
    }
    .await;
    match result {
        Ok(listener) => Some(listener),
        Err(error) => {
            tracing::warn!(%error, "cannot listen for new mail; polling only");
            None
        }
    }
}

async fn next_notification(
    listener: &mut Option<PgListener>,
) -> Result<PgNotification, sqlx::Error> {
    match listener {
        Some(listener) => listener.recv().await,
        None => std::future::pending().await,
    }
}

fn error_backoff(poll_interval: Duration, failures: u32) -> Duration {
    let doublings = failures.clamp(1, 16) - 1;
    poll_interval
        .saturating_mul(1 << doublings)
        .min(MAX_ERROR_BACKOFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_failures_back_off_from_the_poll_interval_to_five_minutes() {
        let poll = Duration::from_secs(5);
        assert_eq!(error_backoff(poll, 1), poll);
        assert_eq!(error_backoff(poll, 2), Duration::from_secs(10));
        assert_eq!(error_backoff(poll, 7), Duration::from_secs(300));
        assert_eq!(error_backoff(poll, u32::MAX), Duration::from_secs(300));
    }
}
