//! Cross-site request forgery: a browser request that changes state must come from
//! Mimi's own origin. `SameSite=Lax` already keeps the cookie off cross-site POSTs in
//! current browsers; this checks `Origin` (or, without it, `Sec-Fetch-Site`) as well,
//! so older browsers and same-site-but-cross-origin pages are covered too. Requests with
//! neither header and no cookie are not from a browser (API keys, curl): they pass.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::error::ApiError;

pub(super) async fn check(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if is_safe(request.method()) || allowed(request.headers(), &state.public_origin) {
        return next.run(request).await;
    }
    ApiError::new(
        StatusCode::FORBIDDEN,
        "csrf_rejected",
        "this request came from another site; reload the page and try again",
    )
    .into_response()
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn allowed(headers: &HeaderMap, public_origin: &str) -> bool {
    if let Some(origin) = headers.get("origin") {
        return origin
            .to_str()
            .is_ok_and(|o| o.eq_ignore_ascii_case(public_origin));
    }
    match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        Some(site) => matches!(site, "same-origin" | "none"),
        // Not a browser fetch; only a cookie would make it dangerous.
        None => super::session::present(headers).is_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn only_our_origin_may_change_state_from_a_browser() {
        let ours = "https://mimi.example";
        assert!(allowed(
            &headers(&[("origin", "https://mimi.example")]),
            ours
        ));
        assert!(!allowed(
            &headers(&[("origin", "https://evil.example")]),
            ours
        ));
        assert!(!allowed(&headers(&[("origin", "null")]), ours));
        assert!(allowed(
            &headers(&[("sec-fetch-site", "same-origin")]),
            ours
        ));
        assert!(!allowed(
            &headers(&[("sec-fetch-site", "cross-site")]),
            ours
        ));
        assert!(!allowed(
            &headers(&[("sec-fetch-site", "same-site"), ("cookie", "cc_uid=x")]),
            ours
        ));
        assert!(
            allowed(&headers(&[]), ours),
            "API clients send neither header"
        );
        assert!(
            !allowed(&headers(&[("cookie", "cc_uid=x")]), ours),
            "a cookie without provenance is refused"
        );
    }
}
