//! The fetcher against a local test site on 127.0.0.1.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use mimi_ingest::{BlockKind, FetchPolicy, Fetcher};
use url::Url;

use crate::pdfs::{Options, build, run};

#[derive(Default)]
struct Hits {
    robots: AtomicUsize,
    all: AtomicUsize,
}

struct Site {
    base: Url,
    hits: Arc<Hits>,
}

impl Site {
    fn url(&self, path: &str) -> Url {
        self.base.join(path).unwrap()
    }
}

fn html(body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

fn xml(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/xml")], body).into_response()
}

fn urlset(base: &str, paths: &[&str]) -> String {
    let urls: String = paths
        .iter()
        .map(|p| format!("<url><loc>{base}{p}</loc></url>"))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>"#
    )
}

/// Starts the test site; `robots` is the status robots.txt answers with (200 serves rules).
async fn serve(robots: StatusCode) -> Site {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let hits = Arc::new(Hits::default());
    let b = base.clone();
    let index = format!(
        r#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{b}/sitemaps/a.xml</loc></sitemap><sitemap><loc>{b}/sitemaps/b.xml</loc></sitemap><sitemap><loc>{b}/sitemaps/missing.xml</loc></sitemap><sitemap><loc>https://elsewhere.example/sitemap.xml</loc></sitemap></sitemapindex>"#
    );
    let a = urlset(&base, &["/", "/about", "/private/secret", "/about"]);
    let a = a.replace(
        "</urlset>",
        "<url><loc>https://elsewhere.example/x</loc></url></urlset>",
    );
    let sb = urlset(&base, &["/guide.pdf", "/notes.txt"]);
    let pdf = build(
        &[vec![
            run(18.0, 700.0, "Guide"),
            run(12.0, 660.0, "Read me."),
        ]],
        Options::default(),
    );
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("<html><head><meta charset=\"Shift_JIS\"><title>会社概要</title></head><body><main><h1>会社概要</h1><p>東京都にあります。</p></main></body></html>");
    let sjis = sjis.into_owned();
    let app = Router::new()
        .route(
            "/robots.txt",
            get(move |State(h): State<Arc<Hits>>| async move {
                h.robots.fetch_add(1, Ordering::SeqCst);
                (robots, "User-agent: *\nDisallow: /private\n\nUser-agent: OtherBot\nDisallow: /\n")
            }),
        )
        .route("/sitemap.xml", get(move || async move { xml(index) }))
        .route("/sitemaps/a.xml", get(move || async move { xml(a) }))
        .route("/sitemaps/b.xml", get(move || async move { xml(sb) }))
        .route("/", get(|| async { html("<html><head><title>Home</title></head><body><nav>Menu</nav><main><h1>Welcome</h1><p>We bake bread.</p></main><footer>©</footer></body></html>") }))
        .route("/about", get(move || async move { ([(header::CONTENT_TYPE, "text/html")], sjis).into_response() }))
        .route("/private/secret", get(|| async { html("<p>secret</p>") }))
        .route("/guide.pdf", get(move || async move { ([(header::CONTENT_TYPE, "application/pdf")], pdf).into_response() }))
        .route("/notes.txt", get(|| async { ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], "first\n\nsecond").into_response() }))
        .route("/image.png", get(|| async { ([(header::CONTENT_TYPE, "image/png")], b"\x89PNG\r\n\x1a\n".to_vec()).into_response() }))
        .route("/empty", get(|| async { html("<html><body><script>1</script></body></html>") }))
        .route("/huge", get(|| async { html_bytes(vec![b'a'; 3 * 1024 * 1024]) }))
        .route("/huge-stream", get(huge_stream))
        .route("/gone", get(|| async { StatusCode::NOT_FOUND }))
        .route("/to-about", get(|| async { Redirect::temporary("/about") }))
        .route("/to-private", get(|| async { Redirect::temporary("http://10.0.0.1/") }))
        .route("/to-metadata", get(|| async { Redirect::temporary("http://169.254.169.254/latest/meta-data/") }))
        .route("/to-file", get(|| async { Redirect::temporary("file:///etc/passwd") }))
        .route("/to-secret", get(|| async { Redirect::temporary("/private/secret") }))
        .route("/loop", get(|| async { Redirect::temporary("/loop") }))
        .layer(axum::middleware::from_fn_with_state(hits.clone(), count))
        .with_state(hits.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Site {
        base: Url::parse(&base).unwrap(),
        hits,
    }
}

async fn count(
    State(hits): State<Arc<Hits>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    hits.all.fetch_add(1, Ordering::SeqCst);
    next.run(request).await
}

fn html_bytes(body: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, "text/html")], body).into_response()
}

/// A body without Content-Length, so only the streamed cap can stop it.
async fn huge_stream(_: HeaderMap) -> Response {
    let chunks = (0..64).map(|_| Ok::<_, std::io::Error>(vec![b'x'; 64 * 1024]));
    let mut response = Body::from_stream(futures_util::stream::iter(chunks)).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, "text/html".parse().unwrap());
    response
}

fn test_policy() -> FetchPolicy {
    FetchPolicy {
        allow_private: true,
        max_page_bytes: 1024 * 1024,
        ..FetchPolicy::default()
    }
}

#[tokio::test]
async fn a_sitemap_index_yields_the_sites_allowed_pages_once() {
    let site = serve(StatusCode::OK).await;
    let fetcher = Fetcher::new(test_policy()).unwrap();
    let sitemap = fetcher.sitemap(&site.url("/sitemap.xml")).await.unwrap();
    let paths: Vec<&str> = sitemap.urls.iter().map(Url::path).collect();
    assert_eq!(paths, ["/", "/about", "/guide.pdf", "/notes.txt"]);
    assert!(!sitemap.truncated);
    assert_eq!(sitemap.failed_sitemaps, [site.url("/sitemaps/missing.xml")]);
    assert_eq!(
        site.hits.robots.load(Ordering::SeqCst),
        1,
        "robots.txt is fetched once per fetcher"
    );
}

#[tokio::test]
async fn the_page_cap_truncates_a_sitemap_and_says_so() {
    let site = serve(StatusCode::OK).await;
    let fetcher = Fetcher::new(FetchPolicy {
        max_pages: 2,
        ..test_policy()
    })
    .unwrap();
    let sitemap = fetcher.sitemap(&site.url("/sitemap.xml")).await.unwrap();
    assert_eq!(sitemap.urls.len(), 2);
    assert!(sitemap.truncated);
}

#[tokio::test]
async fn pages_are_read_by_their_content_type() {
    let site = serve(StatusCode::OK).await;
    let fetcher = Fetcher::new(test_policy()).unwrap();
    let home = fetcher.page(&site.url("/")).await.unwrap();
    assert_eq!(home.document.title.as_deref(), Some("Home"));
    let texts: Vec<&str> = home
        .document
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(texts, ["Welcome", "We bake bread."]);
    let about = fetcher.page(&site.url("/about")).await.unwrap();
    assert_eq!(
        about.document.blocks[1].text, "東京都にあります。",
        "Shift_JIS by <meta charset>"
    );
    let guide = fetcher.page(&site.url("/guide.pdf")).await.unwrap();
    assert_eq!(
        guide.document.blocks[0].kind,
        BlockKind::Heading(2),
        "18 pt over 12 pt body text"
    );
    assert_eq!(guide.document.blocks[1].text, "Read me.");
    let notes = fetcher.page(&site.url("/notes.txt")).await.unwrap();
    assert_eq!(notes.document.blocks.len(), 2);
}

#[tokio::test]
async fn a_redirect_is_followed_and_the_final_url_reported() {
    let site = serve(StatusCode::OK).await;
    let fetcher = Fetcher::new(test_policy()).unwrap();
    let page = fetcher.page(&site.url("/to-about")).await.unwrap();
    assert_eq!(page.url, site.url("/about"));
}

#[tokio::test]
async fn robots_txt_is_honoured_on_every_hop() {
    let site = serve(StatusCode::OK).await;
    let fetcher = Fetcher::new(test_policy()).unwrap();
    for path in ["/private/secret", "/to-secret"] {
        let err = fetcher.page(&site.url(path)).await.unwrap_err();
        assert_eq!(err.code(), "robots_disallowed", "{path}: {err}");
    }
}

#[tokio::test]
async fn a_robots_txt_server_error_disallows_the_site_and_a_missing_one_allows_it() {
    let failing = serve(StatusCode::SERVICE_UNAVAILABLE).await;
    let fetcher = Fetcher::new(test_policy()).unwrap();
    assert_eq!(
        fetcher.page(&failing.url("/")).await.unwrap_err().code(),
        "robots_disallowed"
    );
    let missing = serve(StatusCode::NOT_FOUND).await;
    assert!(fetcher.page(&missing.url("/private/secret")).await.is_ok());
}

#[tokio::test]
async fn bad_pages_fail_with_their_own_codes() {
    let site = serve(StatusCode::OK).await;
    let fetcher = Fetcher::new(test_policy()).unwrap();
    let cases = [
        ("/huge", "page_too_large"),
        ("/huge-stream", "page_too_large"),
        ("/image.png", "unsupported_content_type"),
        ("/empty", "empty_document"),
        ("/gone", "fetch_failed"),
        ("/loop", "fetch_failed"),
        ("/to-file", "url_not_allowed"),
        ("/sitemaps/a.xml", "unsupported_content_type"),
    ];
    for (path, code) in cases {
        let err = fetcher.page(&site.url(path)).await.unwrap_err();
        assert_eq!(err.code(), code, "{path}: {err}");
    }
    let err = fetcher.sitemap(&site.url("/")).await.unwrap_err();
    assert_eq!(err.code(), "invalid_sitemap");
}

#[tokio::test]
async fn redirects_to_private_addresses_are_refused_even_from_an_allowed_host() {
    let site = serve(StatusCode::OK).await;
    let policy = FetchPolicy {
        allow_loopback: true,
        ..FetchPolicy::default()
    };
    let fetcher = Fetcher::new(policy).unwrap();
    assert!(
        fetcher.page(&site.url("/")).await.is_ok(),
        "loopback itself is allowed here"
    );
    for path in ["/to-private", "/to-metadata"] {
        let err = fetcher.page(&site.url(path)).await.unwrap_err();
        assert_eq!(err.code(), "url_not_allowed", "{path}: {err}");
    }
}

#[tokio::test]
async fn the_default_policy_refuses_local_and_private_targets_without_connecting() {
    let site = serve(StatusCode::OK).await;
    let port = site.base.port().unwrap();
    let fetcher = Fetcher::new(FetchPolicy::default()).unwrap();
    let targets = [
        format!("http://127.0.0.1:{port}/"),
        format!("http://localhost:{port}/"),
        format!("http://[::1]:{port}/"),
        "http://10.0.0.1/".to_string(),
        "http://169.254.169.254/latest/meta-data/".to_string(),
        "http://[::ffff:127.0.0.1]/".to_string(),
    ];
    for target in targets {
        let url = Url::parse(&target).unwrap();
        let err = fetcher.page(&url).await.unwrap_err();
        assert_eq!(err.code(), "url_not_allowed", "{target}: {err}");
        let err = fetcher.sitemap(&url).await.unwrap_err();
        assert_eq!(err.code(), "url_not_allowed", "{target}: {err}");
    }
    assert_eq!(
        site.hits.all.load(Ordering::SeqCst),
        0,
        "nothing reached the local server"
    );
}
