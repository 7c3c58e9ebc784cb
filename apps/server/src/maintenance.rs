//! Housekeeping that `mimi serve` runs every hour until the jobs crate takes over the
//! schedule: expired sessions, day-old throttling records and month-old sent mail go.
//! Every query is idempotent, so several replicas running it at once do no harm.

use std::future::Future;
use std::time::Duration;

use mimi_accounts::Accounts;

/// How long sent (or given-up) mail stays in the outbox, for support questions.
const SENT_MAIL_KEPT: Duration = Duration::from_secs(30 * 24 * 3600);

/// Runs one round now and then every `every`, until `shutdown`.
pub async fn run(accounts: Accounts, every: Duration, shutdown: impl Future<Output = ()>) {
    let mut shutdown = std::pin::pin!(shutdown);
    let mut ticker = tokio::time::interval(every);
    loop {
        tokio::select! {
            _ = &mut shutdown => return,
            _ = ticker.tick() => round(&accounts).await,
        }
    }
}

/// One round; failures are logged and retried next round.
pub async fn round(accounts: &Accounts) {
    match accounts.purge_expired_sessions().await {
        Ok(n) if n > 0 => tracing::info!(sessions = n, "expired sessions deleted"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "deleting expired sessions failed"),
    }
    match mimi_accounts::throttle::purge_expired(accounts.pool()).await {
        Ok(n) if n > 0 => tracing::info!(records = n, "old sign-in failures deleted"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "deleting old sign-in failures failed"),
    }
    match mimi_notify::purge_sent(accounts.pool(), SENT_MAIL_KEPT).await {
        Ok(n) if n > 0 => tracing::info!(messages = n, "old sent mail deleted"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "deleting old sent mail failed"),
    }
}
