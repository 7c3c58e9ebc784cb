//! The HTTP surface: [`router`] assembles every route over an [`AppState`].

mod health;
mod metrics;
mod request_log;

use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use mimi_store::PgPool;

pub use metrics::Metrics;
pub use request_log::anonymise;

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The database pool.
    pub pool: PgPool,
    /// Prometheus metrics of this process.
    pub metrics: Arc<Metrics>,
    /// Whether `X-Forwarded-For` carries the client address.
    pub trust_proxy_headers: bool,
}

impl AppState {
    /// State over `pool` with fresh metrics.
    pub fn new(pool: PgPool, trust_proxy_headers: bool) -> AppState {
        AppState {
            pool,
            metrics: Arc::new(Metrics::new()),
            trust_proxy_headers,
        }
    }
}

/// Every route of the server.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics::render))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            request_log::log_request,
        ))
        .with_state(state)
}
