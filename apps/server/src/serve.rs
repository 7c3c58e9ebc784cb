//! `mimi serve`: bind, open the database, serve until SIGINT/SIGTERM, then shut down in
//! order — stop accepting, let in-flight requests finish (up to the timeout), close the
//! database connections, stop the embedded PostgreSQL.

use std::future::{Future, IntoFuture};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::Notify;

use crate::database::{Database, Lock};
use crate::http::{AppState, router};
use crate::settings::Settings;

/// Runs the server until a shutdown signal.
pub async fn run(settings: Settings) -> anyhow::Result<()> {
    let listener = TcpListener::bind(settings.listen).await.with_context(|| {
        format!(
            "cannot listen on {}; set `listen` (MIMI_LISTEN) to a free address such as 127.0.0.1:8081",
            settings.listen
        )
    })?;
    let database = Database::open(&settings, Lock::Exclusive).await?;
    let state = AppState::new(database.pool.clone(), settings.trust_proxy_headers);
    let bound = listener.local_addr().context("reading the bound address")?;
    print_ready(&settings, bound);

    let grace = Duration::from_secs(settings.shutdown_timeout_seconds);
    let served = serve(listener, router(state), shutdown_signal(), grace).await;
    database.close().await;
    tracing::info!("mimi stopped");
    served.context("serving HTTP")
}

fn print_ready(settings: &Settings, bound: SocketAddr) {
    let base = settings.base_url(bound);
    println!("Mimi is ready at {base}/");
    println!("  health:    {base}/healthz");
    println!("  readiness: {base}/readyz");
    println!("  metrics:   {base}/metrics");
}

/// Serves `router` until `shutdown` completes, then waits for in-flight requests for at
/// most `grace`. Connection info (the client address) is available to handlers.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
    grace: Duration,
) -> std::io::Result<()> {
    let started = Arc::new(Notify::new());
    let signal = {
        let started = started.clone();
        async move {
            shutdown.await;
            tracing::info!("shutting down: finishing in-flight requests");
            // `notify_one` keeps a permit, so the deadline below starts even if it is
            // polled after this point.
            started.notify_one();
        }
    };
    let server = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(signal)
    .into_future();
    let deadline = async {
        started.notified().await;
        tokio::time::sleep(grace).await;
    };
    tokio::select! {
        result = server => result,
        () = deadline => {
            tracing::warn!(seconds = grace.as_secs(), "shutdown timeout reached; cutting the remaining requests");
            Ok(())
        }
    }
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::error!("cannot listen for SIGTERM: {e}");
                std::future::pending::<()>().await;
            }
        }
    };
    tokio::select! {
        _ = interrupt => {},
        () = terminate => {},
    }
}
