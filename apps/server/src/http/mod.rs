//! The HTTP surface: [`router`] assembles every route over an [`AppState`].

mod api;
mod auth;
mod csrf;
pub mod dashboard;
mod error;
mod health;
mod json;
mod media;
mod metrics;
mod public_page;
mod request_log;
pub mod session;
mod visitor;
pub mod widget;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use mimi_accounts::Accounts;
use mimi_apps::LocalStorage;
use mimi_store::PgPool;

use crate::keys::ServerKeys;
pub use error::{ApiError, ErrorBody};
pub use metrics::Metrics;
pub use request_log::anonymise;
use session::SessionCookies;

/// Largest JSON body the API reads.
pub const JSON_BODY_LIMIT: usize = 64 * 1024;

/// What the state is built from.
pub struct StateConfig {
    /// Where owners reach Mimi (`https://mimi.example`): links in mail, the origin that
    /// may change state, and whether cookies are `Secure`.
    pub public_url: String,
    /// Whether `X-Forwarded-For` carries the client address.
    pub trust_proxy_headers: bool,
    /// The server's secret keys.
    pub keys: ServerKeys,
    /// Where uploaded files live (`data_dir/files`).
    pub files_dir: std::path::PathBuf,
    /// The knowledge base's model, limits and fetching policy.
    pub knowledge: Arc<Knowledge>,
    /// The language models apps may answer with.
    pub providers: Arc<mimi_chat::Providers>,
    /// How much visitors may send.
    pub chat_limits: mimi_chat::VisitorLimits,
    /// The dashboard's browser half (`None`: pages work as plain HTML forms).
    pub dashboard_assets: Option<Arc<mimi_dashboard::backend::Assets>>,
}

/// What the knowledge endpoints and the indexer share.
#[derive(Debug)]
pub struct Knowledge {
    /// The embedding model, loaded on first need.
    pub embedding: Arc<mimi_knowledge::Embedding>,
    /// How site pages are fetched.
    pub fetching: Arc<mimi_knowledge::Fetching>,
    /// Plan limits.
    pub limits: mimi_knowledge::Limits,
    /// Retrieval's score floors.
    pub floors: mimi_knowledge::Floors,
}

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The serving pool (role `mimi_app`, under Row-Level Security).
    pub pool: PgPool,
    /// Prometheus metrics of this process.
    pub metrics: Arc<Metrics>,
    /// Whether `X-Forwarded-For` carries the client address.
    pub trust_proxy_headers: bool,
    /// Accounts, sessions, workspaces.
    pub accounts: Accounts,
    /// Seals and opens `cc_uid`.
    pub cookies: Arc<SessionCookies>,
    /// `scheme://host[:port]` of the public URL.
    pub public_origin: String,
    /// Uploaded files, per workspace.
    pub storage: Arc<LocalStorage>,
    /// The knowledge base's model, limits and fetching policy.
    pub knowledge: Arc<Knowledge>,
    /// The chat pipeline visitors' messages go through.
    pub chat: mimi_chat::Chat,
    /// The dashboard's browser half, when built.
    pub dashboard_assets: Option<Arc<mimi_dashboard::backend::Assets>>,
}

impl AppState {
    /// State over the serving `pool`.
    pub fn new(pool: PgPool, config: StateConfig) -> AppState {
        let public_url = config.public_url.trim_end_matches('/').to_owned();
        let public_origin = origin_of(&public_url);
        let accounts = Accounts::new(
            pool.clone(),
            mimi_accounts::Config::new(&public_url, config.keys.throttle_key()),
        );
        let cookies = SessionCookies::new(
            config.keys.cookie_keys(),
            public_url.starts_with("https://"),
        );
        let chat = mimi_chat::Chat::new(
            pool.clone(),
            config.knowledge.embedding.clone(),
            config.knowledge.floors,
            config.providers,
        )
        .with_limits(config.chat_limits, config.keys.throttle_key());
        AppState {
            pool,
            metrics: Arc::new(Metrics::new()),
            trust_proxy_headers: config.trust_proxy_headers,
            accounts,
            cookies: Arc::new(cookies),
            public_origin,
            storage: Arc::new(LocalStorage::new(config.files_dir)),
            chat,
            knowledge: config.knowledge,
            dashboard_assets: config.dashboard_assets,
        }
    }
}

/// `https://host:port/path` → `https://host:port`.
fn origin_of(url: &str) -> String {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('/') {
        Some(slash) => url[..after_scheme + slash].to_owned(),
        None => url.to_owned(),
    }
}

/// Every route of the server.
pub fn router(state: AppState) -> Router {
    let api = api::router()
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            csrf::check,
        ));
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics::render))
        .route("/media/{workspace_id}/{file_id}", get(media::image))
        .route("/@{handle}", get(public_page::by_handle))
        .route("/", get(public_page::by_host))
        .merge(widget::router())
        .merge(
            dashboard::router(&state).layer(axum::middleware::from_fn_with_state(
                state.clone(),
                csrf::check,
            )),
        )
        .nest(
            "/api/v1",
            api.merge(visitor::router().layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))),
        )
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            request_log::log_request,
        ))
        .with_state(state)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_origin_of_a_url_drops_its_path() {
        assert_eq!(
            super::origin_of("https://mimi.example/base"),
            "https://mimi.example"
        );
        assert_eq!(
            super::origin_of("http://127.0.0.1:8080"),
            "http://127.0.0.1:8080"
        );
    }
}
