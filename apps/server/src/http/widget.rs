//! The visitor widget's script, built from `widget/` and embedded at compile time (the
//! committed `widget/dist/widget.js`, so building the server never needs Node.js).
//!
//! - `GET /widget.js`: the current widget, cached briefly and revalidated by its ETag,
//!   so sites that paste the snippet pick up a new release within minutes.
//! - `GET /widget/{hash}.js`: the same bytes under their content hash, cached for good
//!   (`immutable`); any other hash is 404. `/widget.js` names it in `Content-Location`.
//!
//! Both answer gzip to clients that accept it (compressed once, on first use), and are
//! readable from any origin: a script carries no visitor data, and this lets sites use
//! Subresource Integrity or `Cross-Origin-Embedder-Policy`.

use std::io::Write;
use std::sync::LazyLock;

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sha2::{Digest, Sha256};

use super::AppState;

/// The widget as built by `npm run build` in `widget/`.
pub const WIDGET_JS: &[u8] = include_bytes!("../../../../widget/dist/widget.js");

/// `/widget.js` is cached this long before the browser revalidates it.
const SHORT_CACHE: &str = "public, max-age=300";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

struct Script {
    /// The first 16 hex digits of the SHA-256 of [`WIDGET_JS`].
    hash: String,
    /// [`WIDGET_JS`] gzipped at the best level.
    gzip: Vec<u8>,
}

static SCRIPT: LazyLock<Script> = LazyLock::new(|| {
    let digest = Sha256::digest(WIDGET_JS);
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail; without gzip the plain bytes are still served.
    let gzip = encoder
        .write_all(WIDGET_JS)
        .and_then(|()| encoder.finish())
        .unwrap_or_default();
    Script {
        hash: hex::encode(&digest[..8]),
        gzip,
    }
});

/// The content hash in the widget's immutable URL.
pub fn hash() -> &'static str {
    &SCRIPT.hash
}

/// The widget's immutable, content-hashed path: `/widget/{hash}.js`.
pub fn hashed_path() -> String {
    format!("/widget/{}.js", hash())
}

/// The widget's routes.
pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/widget.js", get(latest))
        .route("/widget/{file}", get(pinned))
}

async fn latest(headers: HeaderMap) -> Response {
    script(&headers, SHORT_CACHE)
}

async fn pinned(Path(file): Path<String>, headers: HeaderMap) -> Response {
    if file.strip_suffix(".js") == Some(hash()) {
        script(&headers, IMMUTABLE)
    } else {
        StatusCode::NOT_FOUND.into_response()
    }
}

fn script(request: &HeaderMap, cache: &'static str) -> Response {
    let gzip = !SCRIPT.gzip.is_empty() && accepts_gzip(request);
    // One ETag per representation, as a strong validator must be.
    let etag = format!("\"{}{}\"", hash(), if gzip { "-gz" } else { "" });
    let fresh = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else if gzip {
        SCRIPT.gzip.clone().into_response()
    } else {
        WIDGET_JS.into_response()
    };
    let h = response.headers_mut();
    if gzip && !fresh {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(etag) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, etag);
    }
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    // Where these exact bytes live for good, for sites that pin a version (with SRI).
    if let Ok(pinned) = HeaderValue::from_str(&hashed_path()) {
        h.insert(header::CONTENT_LOCATION, pinned);
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("cross-origin"),
    );
    response
}

/// Whether `Accept-Encoding` takes gzip (and does not refuse it with `q=0`).
fn accepts_gzip(request: &HeaderMap) -> bool {
    request
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',').any(|coding| {
                let mut parts = coding.split(';').map(str::trim);
                let name = parts.next().unwrap_or_default();
                let refused = parts.any(|p| {
                    p.strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                        .is_some_and(|q| q == 0.0)
                });
                (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(name: header::HeaderName, value: &'static str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(name, HeaderValue::from_static(value));
        h
    }

    #[test]
    fn gzip_is_served_only_to_clients_that_take_it() {
        let accepts = |v| accepts_gzip(&with(header::ACCEPT_ENCODING, v));
        assert!(accepts("gzip, deflate, br, zstd"));
        assert!(accepts("br;q=1.0, GZIP;q=0.5"));
        assert!(accepts("*"));
        assert!(!accepts("br, zstd"));
        assert!(!accepts("gzip;q=0, br"));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn the_embedded_gzip_inflates_to_the_widget() {
        let mut plain = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(&SCRIPT.gzip[..]),
            &mut plain,
        )
        .unwrap();
        assert_eq!(plain, WIDGET_JS);
        assert_eq!(hash().len(), 16);
    }
}
