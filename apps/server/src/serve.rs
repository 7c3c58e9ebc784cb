//! `mimi serve`: bind, open the database, serve until SIGINT/SIGTERM, then shut down in
//! order — stop accepting, let in-flight requests finish (up to the timeout), close the
//! database connections, stop the embedded PostgreSQL.

use std::future::{Future, IntoFuture};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::Router;
use axum::serve::ListenerExt;
use tokio::net::TcpListener;
use tokio::sync::Notify;

use crate::database::{Database, Lock};
use crate::http::{AppState, Knowledge, StateConfig, router};
use crate::keys::ServerKeys;
use crate::settings::Settings;
use mimi_notify::Mailer;

/// Runs the server until a shutdown signal; with `demo`, seeds the demo owner and app.
pub async fn run(settings: Settings, demo: bool) -> anyhow::Result<()> {
    let listener = TcpListener::bind(settings.listen).await.with_context(|| {
        format!(
            "cannot listen on {}; set `listen` (MIMI_LISTEN) to a free address such as 127.0.0.1:8081",
            settings.listen
        )
    })?;
    let bound = listener.local_addr().context("reading the bound address")?;
    let keys = ServerKeys::load(settings.secret_keys.as_ref(), &settings.data_dir)?;
    let mail_dir = settings.data_dir.join("mail");
    let mailer = Mailer::from_settings(&settings.mail, &mail_dir)?;
    let embedding = Arc::new(embedding(&settings)?);
    let knowledge = Arc::new(Knowledge {
        embedding: embedding.clone(),
        fetching: Arc::new(mimi_knowledge::Fetching::new(
            settings.knowledge.fetch_private_addresses,
        )),
        limits: settings.knowledge.limits,
        floors: settings.knowledge.floors,
    });
    let providers = Arc::new(
        mimi_chat::Providers::new(
            settings.chat.anthropic.clone(),
            settings.chat.openai.clone(),
        )
        .map_err(|e| anyhow::anyhow!("[chat] settings: {e}"))?,
    );
    let database = Database::open(&settings, Lock::Exclusive).await?;
    let state = AppState::new(
        database.pool.clone(),
        StateConfig {
            public_url: settings.base_url(bound),
            trust_proxy_headers: settings.trust_proxy_headers,
            keys,
            files_dir: settings.data_dir.join("files"),
            knowledge: knowledge.clone(),
            providers,
            chat_limits: settings.chat.limits,
            dashboard_assets: crate::http::dashboard::load_assets(
                settings.dashboard_assets.as_deref(),
            ),
        },
    );

    let demo = match demo {
        false => None,
        true => match crate::demo::seed(&state, &settings.data_dir).await {
            Ok(demo) => Some(demo),
            Err(e) => {
                // Stop the embedded database this process started before giving up.
                database.close().await;
                return Err(e);
            }
        },
    };

    // The mail worker stops with the server; unsent mail stays queued for the next start.
    let (stop_worker, worker_stopped) = tokio::sync::oneshot::channel::<()>();
    let worker = tokio::spawn(mimi_notify::run_worker(
        database.pool.clone(),
        mailer,
        Duration::from_secs(settings.mail.poll_interval_seconds),
        async move {
            let _ = worker_stopped.await;
        },
    ));
    let (stop_maintenance, maintenance_stopped) = tokio::sync::oneshot::channel::<()>();
    let maintenance = tokio::spawn(crate::maintenance::run(
        state.accounts.clone(),
        Duration::from_secs(3600),
        async move {
            let _ = maintenance_stopped.await;
        },
    ));
    // The indexer loads the embedding model on its first job (downloading it once).
    let (stop_indexer, indexer_stopped) = tokio::sync::watch::channel(false);
    let indexer = tokio::spawn(
        mimi_knowledge::Indexer::new(
            database.pool.clone(),
            embedding,
            knowledge.fetching.clone(),
            knowledge.limits,
        )
        .run(indexer_stopped),
    );
    print_ready(&settings, bound);
    if let Some(demo) = demo {
        println!(
            "  demo:      sign in as {} with password {}",
            demo.email, demo.password
        );
        println!(
            "             at {}/dashboard/sign-in; its app is @{}",
            settings.base_url(bound),
            demo.handle
        );
        println!("  page:      {}/@{}", settings.base_url(bound), demo.handle);
    }
    if settings.mail.smtp_host.is_none() {
        println!(
            "  mail:      written to {} (no SMTP relay configured)",
            mail_dir.display()
        );
    }

    let grace = Duration::from_secs(settings.shutdown_timeout_seconds);
    let served = serve(listener, router(state), shutdown_signal(), grace).await;
    let _ = stop_worker.send(());
    let _ = stop_maintenance.send(());
    let _ = stop_indexer.send(true);
    let _ = worker.await;
    let _ = indexer.await;
    let _ = maintenance.await;
    database.close().await;
    tracing::info!("mimi stopped");
    served.context("serving HTTP")
}

/// The embedding model the settings name, loaded on first need from `data_dir/models`.
/// Errors at once when the `[embedding]` settings are inconsistent.
pub fn embedding(settings: &Settings) -> anyhow::Result<mimi_knowledge::Embedding> {
    settings
        .embedding
        .validate()
        .map_err(|e| anyhow::anyhow!("[embedding] settings: {e}"))?;
    let config = settings.embedding.clone();
    let cache = settings.data_dir.join("models");
    Ok(mimi_knowledge::Embedding::lazy(move || {
        mimi_embed::from_settings(&config, &cache)
    }))
}

fn print_ready(settings: &Settings, bound: SocketAddr) {
    let base = settings.base_url(bound);
    println!("Mimi is ready at {base}/");
    println!("  dashboard: {base}/dashboard");
    println!("  health:    {base}/healthz");
    println!("  readiness: {base}/readyz");
    println!("  metrics:   {base}/metrics");
    println!("  owner API: {base}/api/v1/openapi.json");
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
    // Without TCP_NODELAY the last small write of a streamed reply waits for the
    // client's delayed ACK (about 40 ms on Linux) before it leaves.
    let listener = listener.tap_io(|tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!(error = %e, "could not set TCP_NODELAY");
        }
    });
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
