//! The server's half (`ssr`): what the server functions reach, the session cookie through
//! the host, and the axum router that serves the pages, the server functions and the
//! compiled wasm.

use std::net::IpAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::Path as UrlPath;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use mimi_accounts::{Accounts, SessionInfo};
use mimi_domain::{Error, Scope};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::model::Problem;

/// What the host server does for the dashboard: the session cookie and the client's
/// address are the server's business (one cookie, one rule for proxies), so the
/// dashboard asks instead of knowing.
pub trait Host: Send + Sync + 'static {
    /// The session token in the request's cookie, if one opens.
    fn open_session(&self, headers: &HeaderMap) -> Option<String>;
    /// A `Set-Cookie` value holding `token`.
    fn seal_session(&self, token: &str, lifetime: Duration) -> Option<HeaderValue>;
    /// A `Set-Cookie` value that deletes the cookie.
    fn clear_session(&self) -> HeaderValue;
    /// The client's address (throttling only; never stored).
    fn client_ip(&self, parts: &Parts) -> Option<IpAddr>;
}

/// Everything a server function reaches: the capability crates' handles, the same ones
/// the JSON API uses.
#[derive(Clone)]
pub struct Services {
    /// The serving pool (role `mimi_app`, under Row-Level Security).
    pub pool: mimi_store::PgPool,
    /// Accounts, sessions, workspaces.
    pub accounts: Accounts,
    /// The chat pipeline (providers offered by this server).
    pub chat: mimi_chat::Chat,
    /// Where app images are stored.
    pub storage: Arc<mimi_apps::LocalStorage>,
    /// Knowledge limits.
    pub limits: mimi_knowledge::Limits,
    /// The embedding model, for test retrieval.
    pub embedding: Arc<mimi_knowledge::Embedding>,
    /// Retrieval's floors.
    pub floors: mimi_knowledge::Floors,
    /// How site pages are fetched.
    pub fetching: Arc<mimi_knowledge::Fetching>,
    /// `https://mimi.example`: the embed snippet and public page links.
    pub public_url: String,
    /// Cookie and client address.
    pub host: Arc<dyn Host>,
}

/// The built browser half: `dashboard.js` (wasm-bindgen's loader) and
/// `dashboard_bg.wasm`, read once at start-up and gzipped once, served under a path
/// named by their content hash.
#[derive(Clone, Debug)]
pub struct Assets {
    hash: String,
    js: Asset,
    wasm: Asset,
    boot: Asset,
}

#[derive(Clone, Debug)]
struct Asset {
    content_type: &'static str,
    plain: Arc<[u8]>,
    gzipped: Arc<[u8]>,
}

impl Asset {
    fn new(content_type: &'static str, plain: Vec<u8>) -> Asset {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let gzipped = match encoder.write_all(&plain).and_then(|()| encoder.finish()) {
            Ok(bytes) => bytes,
            Err(_) => plain.clone(),
        };
        Asset {
            content_type,
            plain: plain.into(),
            gzipped: gzipped.into(),
        }
    }

    fn respond(&self, headers: &HeaderMap) -> Response {
        let gzip = headers
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|e| e.trim().starts_with("gzip")));
        let body = if gzip { &self.gzipped } else { &self.plain };
        let mut response = Response::new(Body::from(body.to_vec()));
        let h = response.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type),
        );
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        );
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        h.insert(
            "x-content-type-options",
            HeaderValue::from_static("nosniff"),
        );
        if gzip {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        }
        response
    }
}

impl Assets {
    /// The files in `dir` (the output of scripts/build-dashboard).
    pub fn load(dir: &Path) -> std::io::Result<Assets> {
        use sha2::Digest;
        let js = std::fs::read(dir.join("dashboard.js"))?;
        let wasm = std::fs::read(dir.join("dashboard_bg.wasm"))?;
        let mut digest = sha2::Sha256::new();
        digest.update(&js);
        digest.update(&wasm);
        let hash = hex::encode(&digest.finalize()[..8]);
        let boot = "import init, { hydrate } from './dashboard.js';\n\
                    await init({ module_or_path: new URL('./dashboard_bg.wasm', import.meta.url) });\n\
                    hydrate();\n";
        Ok(Assets {
            hash,
            js: Asset::new("text/javascript; charset=utf-8", js),
            wasm: Asset::new("application/wasm", wasm),
            boot: Asset::new("text/javascript; charset=utf-8", boot.as_bytes().to_vec()),
        })
    }

    /// Where the page loads the boot module from.
    pub fn boot_path(&self) -> String {
        format!("/dashboard/pkg/{}/boot.js", self.hash)
    }

    /// Where the loader lives (preloaded by the page).
    pub fn js_path(&self) -> String {
        format!("/dashboard/pkg/{}/dashboard.js", self.hash)
    }

    /// Gzipped bytes of the loader and the wasm: what a first visit downloads.
    pub fn gzipped_size(&self) -> usize {
        self.js.gzipped.len() + self.wasm.gzipped.len() + self.boot.gzipped.len()
    }
}

/// Where the page finds its scripts; absent when the wasm was not built (the pages then
/// work as plain HTML forms).
#[derive(Clone, Debug)]
pub struct Scripts {
    /// The boot module.
    pub boot: String,
    /// The loader, preloaded.
    pub loader: String,
}

/// The dashboard's routes, for `mimi` to merge: the pages, the server functions (under
/// `/dashboard/fn/`) and the wasm (under `/dashboard/pkg/{hash}/`).
pub fn router<S>(services: Services, assets: Option<Assets>) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let options = LeptosOptions::builder()
        .output_name("dashboard")
        .site_pkg_dir("dashboard/pkg")
        .build();
    let routes = generate_route_list(crate::App);
    let scripts = assets.as_ref().map(|a| Scripts {
        boot: a.boot_path(),
        loader: a.js_path(),
    });
    let context = move || {
        provide_context(services.clone());
        provide_context(scripts.clone());
    };
    let shell_options = options.clone();
    let pages: Router<LeptosOptions> =
        Router::new().leptos_routes_with_context(&options, routes, context, move || {
            crate::shell(shell_options.clone())
        });
    let mut router = pages.with_state::<S>(options).route(
        "/dashboard/style.css",
        get(|| async {
            (
                [
                    (header::CONTENT_TYPE, "text/css; charset=utf-8"),
                    (header::CACHE_CONTROL, "public, max-age=300"),
                ],
                STYLE,
            )
        }),
    );
    router = router.layer(axum::middleware::from_fn(arguments_are_the_callers_error));
    if let Some(assets) = assets {
        let assets = Arc::new(assets);
        router = router.route(
            "/dashboard/pkg/{hash}/{file}",
            get(
                move |UrlPath((hash, file)): UrlPath<(String, String)>, headers: HeaderMap| {
                    let assets = assets.clone();
                    async move {
                        if hash != assets.hash {
                            return StatusCode::NOT_FOUND.into_response();
                        }
                        match file.as_str() {
                            "dashboard.js" => assets.js.respond(&headers),
                            "dashboard_bg.wasm" => assets.wasm.respond(&headers),
                            "boot.js" => assets.boot.respond(&headers),
                            _ => StatusCode::NOT_FOUND.into_response(),
                        }
                    }
                },
            ),
        );
    }
    router
}

/// A server function whose arguments do not parse (a field missing, an id that is no
/// id) fails before its body runs, and `leptos` answers that 500. It is the caller's
/// error: the answer becomes 422, as the API's is for the same input, with the same
/// `invalid_form` body.
async fn arguments_are_the_callers_error(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let server_fn = request.uri().path().starts_with("/dashboard/fn/");
    let response = next.run(request).await;
    if !server_fn || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // A problem's JSON is a few hundred bytes.
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let problem = serde_json::from_slice::<Problem>(&bytes);
    if problem.is_ok_and(|p| p.code == "invalid_form") {
        parts.status = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Headers of every page: a CSP that allows only this origin's scripts and the page's
/// own inline data scripts (by their per-response nonce), WebAssembly compilation,
/// framing of nothing but this origin's public pages (the widget preview), and no
/// framing of the dashboard itself; pages are private, so nothing is cached.
pub(crate) fn security_headers() {
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    let scripts = match leptos::nonce::use_nonce() {
        Some(nonce) => format!("'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
        None => "'self' 'wasm-unsafe-eval'".to_owned(),
    };
    let policy = format!(
        "default-src 'none'; script-src {scripts}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; \
         form-action 'self'"
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
    response.insert_header(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response.insert_header(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    response.insert_header(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
}

/// The services of this request.
pub(crate) fn services() -> Result<Services, Problem> {
    use_context::<Services>().ok_or_else(|| Problem::new("internal", "no services in context"))
}

/// The request's head.
pub(crate) fn parts() -> Result<Parts, Problem> {
    use_context::<Parts>().ok_or_else(|| Problem::new("internal", "no request in context"))
}

/// An error as a page shows it. Internal errors are logged here and shown without their
/// cause.
pub(crate) fn problem(e: Error) -> Problem {
    let message = match &e {
        Error::NotFound => "not found".to_owned(),
        Error::Internal(cause) => {
            tracing::error!(error = %cause, "dashboard request failed");
            "something went wrong on our side; please try again".to_owned()
        }
        other => other.to_string(),
    };
    // The API's status, so a server function's answer means what the API's would.
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        response.set_status(status);
        if let Error::RateLimited {
            retry_after_seconds,
        } = &e
        {
            response.insert_header(header::RETRY_AFTER, HeaderValue::from(*retry_after_seconds));
        }
    }
    Problem {
        code: e.code().to_owned(),
        field: e.field().map(str::to_owned),
        message,
    }
}

fn unauthenticated() -> Problem {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(StatusCode::UNAUTHORIZED);
    }
    Problem::new("unauthenticated", "sign in to continue")
}

/// The signed-in owner of this request.
pub(crate) async fn session() -> Result<(Services, SessionInfo), Problem> {
    let services = services()?;
    let token = services
        .host
        .open_session(&parts()?.headers)
        .ok_or_else(unauthenticated)?;
    let session = services
        .accounts
        .authenticate(&token)
        .await
        .map_err(problem)?
        .ok_or_else(unauthenticated)?;
    Ok((services, session))
}

/// The signed-in owner's scope in `workspace_id` (404 when not a member).
pub(crate) async fn scope(workspace_id: Uuid) -> Result<(Services, Scope), Problem> {
    let (services, session) = session().await?;
    let scope = services
        .accounts
        .scope(session.account_id, workspace_id)
        .await
        .map_err(problem)?;
    Ok((services, scope))
}

/// Signs this browser in: the cookie goes out with the server function's answer.
pub(crate) fn set_cookie(value: Option<HeaderValue>) {
    if let (Some(value), Some(response)) = (value, use_context::<leptos_axum::ResponseOptions>()) {
        response.insert_header(header::SET_COOKIE, value);
    }
}

/// A capability crate's value in its API shape, read as the dashboard's view of it.
pub(crate) fn view<T: Serialize, V: DeserializeOwned>(value: T) -> Result<V, Problem> {
    serde_json::to_value(value)
        .and_then(serde_json::from_value)
        .map_err(|e| problem(Error::internal(e)))
}

/// A form's fields in the API's JSON shape, read as a capability crate's input type, so
/// the form and the API are checked by the same rules.
pub(crate) fn input<I: DeserializeOwned>(json: serde_json::Value) -> Result<I, Problem> {
    serde_json::from_value(json).map_err(|e| {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(StatusCode::UNPROCESSABLE_ENTITY);
        }
        Problem::new("invalid_form", e.to_string())
    })
}

/// The dashboard's stylesheet, named by a hash of its content.
pub const STYLE_PATH: &str = concat!("/dashboard/style.css?v=", env!("CARGO_PKG_VERSION"));

/// The stylesheet.
pub const STYLE: &str = include_str!("../style.css");
