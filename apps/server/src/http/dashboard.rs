//! The owner dashboard (`apps/dashboard`) mounted at `/dashboard`: this server gives it
//! the capability crates' handles, the session cookie and the client address, and puts
//! the CSRF check in front of its server functions, as in front of the API.

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use mimi_dashboard::backend::{Assets, Host, Services};

use super::AppState;
use super::session::SessionCookies;

struct ServerHost {
    cookies: Arc<SessionCookies>,
    trust_proxy_headers: bool,
}

impl Host for ServerHost {
    fn open_session(&self, headers: &HeaderMap) -> Option<String> {
        self.cookies.open(headers)
    }

    fn seal_session(&self, token: &str, lifetime: Duration) -> Option<HeaderValue> {
        self.cookies.seal(token, lifetime)
    }

    fn clear_session(&self) -> HeaderValue {
        self.cookies.clear()
    }

    fn client_ip(&self, parts: &Parts) -> Option<IpAddr> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        super::request_log::client_ip(peer, &parts.headers, self.trust_proxy_headers)
    }
}

/// The dashboard's routes over `state`.
pub(super) fn router(state: &AppState) -> Router<AppState> {
    let services = Services {
        pool: state.pool.clone(),
        accounts: state.accounts.clone(),
        chat: state.chat.clone(),
        storage: state.storage.clone(),
        limits: state.knowledge.limits,
        embedding: state.knowledge.embedding.clone(),
        floors: state.knowledge.floors,
        fetching: state.knowledge.fetching.clone(),
        public_url: state.accounts.config().public_url.clone(),
        host: Arc::new(ServerHost {
            cookies: state.cookies.clone(),
            trust_proxy_headers: state.trust_proxy_headers,
        }),
    };
    mimi_dashboard::backend::router(services, state.dashboard_assets.as_deref().cloned())
}

/// Where scripts/build-dashboard put the browser half, when `dashboard_assets` is not
/// set: `dashboard/` in the cargo target directory this binary was built in (found by
/// walking up from the executable), if it holds a build.
pub fn find_assets() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    exe.ancestors()
        .skip(1)
        .take(4)
        .map(|dir| dir.join("dashboard"))
        .find(|dir| dir.join("dashboard_bg.wasm").is_file())
}

/// Loads the browser half from `dir`; `None` (the dashboard then works as plain HTML
/// forms) with a warning when it is missing or unreadable.
pub fn load_assets(dir: Option<&Path>) -> Option<Arc<Assets>> {
    let found = dir.map(Path::to_path_buf).or_else(find_assets);
    let Some(dir) = found else {
        tracing::warn!(
            "the dashboard's wasm is not built (run scripts/build-dashboard); pages work without JavaScript"
        );
        return None;
    };
    match Assets::load(&dir) {
        Ok(assets) => {
            tracing::info!(
                dir = %dir.display(),
                gzipped_bytes = assets.gzipped_size(),
                "dashboard wasm loaded"
            );
            Some(Arc::new(assets))
        }
        Err(e) => {
            tracing::warn!(dir = %dir.display(), error = %e, "cannot read the dashboard's wasm; pages work without JavaScript");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    /// The dashboard refuses files over these sizes before sending them; the API's limits
    /// are the ones that count, so the two must agree.
    #[test]
    fn the_dashboard_knows_the_apis_upload_limits() {
        assert_eq!(
            mimi_dashboard::upload::MAX_FILE_BYTES as usize,
            mimi_ingest::MAX_FILE_BYTES
        );
        assert_eq!(
            mimi_dashboard::upload::MAX_IMAGE_BYTES as usize,
            mimi_apps::MAX_IMAGE_BYTES
        );
    }
}
