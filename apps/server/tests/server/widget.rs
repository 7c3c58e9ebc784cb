//! The visitor widget: the embedded script's size budget and how it is served, and the
//! widget itself in real headless Chromium (`widget/tests/e2e.mjs`, driven by Node.js
//! and playwright-core) against a real server, with host pages on two other origins.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use mimi_llm::fake::Reply as FakeReply;
use mimi_server::http::widget::{WIDGET_JS, hash, hashed_path};
use mimi_testkit::TestApp;
use serde_json::{Value, json};

use crate::api::support::{Api, Owner, with_fake_openai};

/// The issue's budget for the whole widget, gzipped.
const BUDGET: usize = 12 * 1024;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn the_whole_widget_is_at_most_12_kb_gzipped() {
    let size = gzip(WIDGET_JS).len();
    println!(
        "widget.js: {size} bytes gzipped, {} bytes minified",
        WIDGET_JS.len()
    );
    assert!(
        size <= BUDGET,
        "widget.js is {size} bytes gzipped, over the {BUDGET}-byte budget"
    );
    // The embedded file is the real build, not a placeholder.
    assert!(WIDGET_JS.len() > 4_000, "{} bytes", WIDGET_JS.len());
}

#[tokio::test]
async fn the_script_is_served_under_a_short_cache_and_under_its_content_hash_for_good() {
    let db = mimi_testkit::TestDb::new().await;
    let app = crate::api::support::serve(&db).await;
    let client = reqwest::Client::new();
    let get = |path: String, headers: &[(&'static str, String)]| {
        let mut request = client.get(app.url(&path));
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        async move {
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            (status, headers, response.bytes().await.unwrap().to_vec())
        }
    };

    let (status, headers, body) = get("/widget.js".into(), &[]).await;
    assert_eq!(status, 200);
    assert_eq!(body, WIDGET_JS);
    assert_eq!(headers["content-type"], "text/javascript; charset=utf-8");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["cache-control"], "public, max-age=300");
    assert_eq!(headers["access-control-allow-origin"], "*");
    assert!(headers.get("set-cookie").is_none());
    let etag = headers["etag"].to_str().unwrap().to_owned();
    assert_eq!(etag, format!("\"{}\"", hash()));
    assert_eq!(headers["content-location"], hashed_path().as_str());

    // Revalidation: unchanged, so 304 without a body.
    let (status, headers, body) = get("/widget.js".into(), &[("if-none-match", etag)]).await;
    assert_eq!((status, body.len()), (304, 0));
    assert_eq!(headers["cache-control"], "public, max-age=300");

    // Gzip for browsers that take it: the size the budget counts is what travels.
    let accept = [("accept-encoding", "gzip, deflate, br".to_owned())];
    let (status, headers, body) = get("/widget.js".into(), &accept).await;
    assert_eq!(status, 200);
    assert_eq!(headers["content-encoding"], "gzip");
    assert_eq!(headers["vary"], "accept-encoding");
    assert!(body.len() <= BUDGET, "{} bytes on the wire", body.len());
    let mut plain = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&body[..]), &mut plain).unwrap();
    assert_eq!(plain, WIDGET_JS);

    // The content-hashed URL: the same bytes, cached for a year; other hashes are 404.
    let path = hashed_path();
    assert!(
        path.starts_with("/widget/") && path.ends_with(".js"),
        "{path}"
    );
    let (status, headers, body) = get(path, &[]).await;
    assert_eq!(status, 200);
    assert_eq!(body, WIDGET_JS);
    assert_eq!(
        headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(headers["content-type"], "text/javascript; charset=utf-8");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(get("/widget/0123456789abcdef.js".into(), &[]).await.0, 404);
    assert_eq!(get(format!("/widget/{}", hash()), &[]).await.0, 404);
}

/// The pages a site owner would serve: the snippet (with the command-queue stub and a
/// listener registered before the widget loads), their own stylesheet, and the CSP
/// that docs/widget.md tells owners to send.
#[derive(Clone)]
struct HostPages {
    mimi: String,
}

fn host_router(mimi: String) -> axum::Router {
    axum::Router::new()
        .route("/", get(host_page))
        .route("/stub.js", get(stub_js))
        .route("/host.css", get(host_css))
        .with_state(HostPages { mimi })
}

async fn host_page(State(pages): State<HostPages>, RawQuery(query): RawQuery) -> Response {
    let query = query.unwrap_or_default();
    let params: Vec<(&str, &str)> = query
        .split('&')
        .map(|p| p.split_once('=').unwrap_or((p, "")))
        .collect();
    let has = |name: &str| params.iter().any(|(n, _)| *n == name);
    let app = params
        .iter()
        .find(|(n, _)| *n == "app")
        .map_or("", |(_, v)| *v);
    let open = if has("open") { " data-open" } else { "" };
    let mimi = &pages.mimi;
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Ann's Cafe</title><link rel=\"stylesheet\" href=\"/host.css\">\
         <script src=\"/stub.js\"></script>\
         <script src=\"{mimi}/widget.js\" data-app=\"{app}\"{open} async></script>\
         </head><body><main><h1>Ann's Cafe</h1><p>Fresh coffee every day.</p>\
         <button type=\"button\">Order</button></main></body></html>"
    );
    let mut response = Html(html).into_response();
    if !has("nocsp") {
        // The owner's own policy plus exactly the lines docs/widget.md gives.
        let csp = format!(
            "default-src 'none'; style-src 'self'; script-src 'self' {mimi}; \
             connect-src {mimi}; img-src {mimi}"
        );
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, csp.parse().unwrap());
    }
    response
}

async fn stub_js() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript")],
        "window.mimi = window.mimi || function () { (mimi.q = mimi.q || []).push(arguments); };\n\
         window.__messages = [];\n\
         mimi('on', 'message', function (m) { window.__messages.push(m); });\n",
    )
}

async fn host_css() -> impl IntoResponse {
    // Rules that would restyle the widget if its styles were not isolated.
    (
        [(header::CONTENT_TYPE, "text/css")],
        "p { color: rgb(255, 0, 0); font-size: 30px; } \
         button { border-radius: 3px; background: rgb(255, 0, 0); } \
         input { font-size: 10px; }",
    )
}

/// An app with `faqs` (question, answer, link), indexed; its id.
async fn app_with(
    api: &Api,
    owner: &Owner,
    body: Value,
    faqs: &[(&str, &str, Option<&str>)],
) -> String {
    let ws = owner.workspace_id;
    let reply = api
        .post(&owner.client, &format!("/workspaces/{ws}/apps"), body)
        .await;
    assert_eq!(reply.status, 201, "{reply:?}");
    let app = reply.body["id"].as_str().unwrap().to_owned();
    for (question, answer, link) in faqs {
        let reply = api
            .post(
                &owner.client,
                &format!("/workspaces/{ws}/apps/{app}/knowledge/faqs"),
                json!({ "question": question, "answer": answer, "link": link }),
            )
            .await;
        assert_eq!(reply.status, 201, "{reply:?}");
    }
    api.index().await;
    app
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Fails with what to do when the browser test's tools are missing: never skips.
pub(crate) fn browser_tools() -> PathBuf {
    let chromium = std::env::var_os("CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    assert!(
        chromium.exists(),
        "no Chromium at {}: install Debian's chromium (`apt-get install chromium`; scripts/test does)",
        chromium.display()
    );
    let modules = repo().join("widget/node_modules");
    for package in ["playwright-core", "axe-core"] {
        assert!(
            modules.join(package).exists(),
            "{} is missing: run `npm ci` in widget/ (scripts/test does)",
            modules.join(package).display()
        );
    }
    chromium
}

#[tokio::test]
async fn the_widget_works_in_a_real_browser_on_an_allowed_site_and_refuses_another() {
    let chromium = browser_tools();
    let (fake, api) = with_fake_openai(None).await;
    let mimi = api.app.url("");
    let host = TestApp::spawn(host_router(mimi.clone())).await;
    let other = TestApp::spawn(host_router(mimi.clone())).await;
    let host_origin = host.url("");

    let owner = api.owner("Ann", "ann@example.com").await;
    // The "dashboard" of the test: the owner replies with a workspace API key.
    let key = api
        .post(
            &owner.client,
            &format!("/workspaces/{}/api-keys", owner.workspace_id),
            json!({ "name": "widget test" }),
        )
        .await;
    assert_eq!(key.status, 201, "{key:?}");
    let owner_key = key.body["secret"].as_str().unwrap().to_owned();
    let theme = json!({
        "primary_color": "#0f766e",
        "greeting": "Welcome to Ann's Cafe!",
        "suggested_questions": ["When are you open?"],
    });
    app_with(
        &api,
        &owner,
        json!({
            "handle": "ann-cafe", "name": "Ann's Cafe",
            "allowed_origins": [host_origin], "theme": theme,
        }),
        &[
            (
                "How can I reach the manager?",
                "You can reach the manager by phone on 090-1234-5678, any day.",
                Some("https://cafe.example/contact"),
            ),
            (
                "When are you open?",
                "We are open from nine in the morning until six in the evening.",
                None,
            ),
        ],
    )
    .await;
    app_with(
        &api,
        &owner,
        json!({
            "handle": "markup-cafe", "name": "Markup Cafe",
            "allowed_origins": [host_origin], "chat": { "provider": "openai" },
        }),
        &[],
    )
    .await;
    // Streamed a few characters at a time, with pauses, so the browser sees it grow.
    let markup = "Today: **Coffee** and <img src=x onerror=window.__pwned=1> \
                  and [x](javascript:alert(1))\n- espresso\n- latte\n\
                  Menu: https://cafe.example/menu";
    let pieces: Vec<String> = markup
        .chars()
        .collect::<Vec<_>>()
        .chunks(6)
        .map(|c| c.iter().collect())
        .collect();
    fake.push(FakeReply::text(pieces).delay(Duration::from_millis(15)));

    let screenshot = std::env::temp_dir().join(format!("mimi-widget-{}.png", uuid::Uuid::new_v4()));
    let script = repo().join("widget/tests/e2e.mjs");
    let run = tokio::process::Command::new("node")
        .arg(&script)
        .env("MIMI_URL", &mimi)
        .env("OWNER_KEY", &owner_key)
        .env("WORKSPACE_ID", owner.workspace_id.to_string())
        .env("HOST_URL", &host_origin)
        .env("OTHER_URL", other.url(""))
        .env("SCREENSHOT", &screenshot)
        .env("CHROMIUM", &chromium)
        .kill_on_drop(true)
        .output();
    let output = tokio::time::timeout(Duration::from_secs(180), run)
        .await
        .expect("the browser test finished within 3 minutes")
        .expect("node runs (install Node.js 20 or later)");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "widget/tests/e2e.mjs failed ({}):\n{stderr}\n{stdout}",
        output.status
    );
    let report: Value = serde_json::from_str(stdout.trim().lines().last().unwrap_or(""))
        .unwrap_or_else(|e| panic!("no JSON report ({e}):\n{stdout}\n{stderr}"));

    // Every conversation in the database is one the allowed pages (and the app's own
    // page) started: the refused origin created none.
    let mut seen: Vec<String> = report["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    seen.sort();
    let mut stored: Vec<String> =
        sqlx::query_scalar("select id::text from conversations order by id")
            .fetch_all(&api.db.pool)
            .await
            .unwrap();
    stored.sort();
    assert_eq!(seen.len(), 4, "{report}");
    assert_eq!(stored, seen);
    // The browser's one visit to the public page was counted, and nothing else.
    let views: Vec<i64> = sqlx::query_scalar("select views from page_views")
        .fetch_all(&api.db.pool)
        .await
        .unwrap();
    assert_eq!(views, [1]);

    // The contact left through "talk to a person" reached the owner's inbox.
    let contact: Option<String> = sqlx::query_scalar(
        "select visitor_contact from conversations where id = $1::uuid and handed_off_at is not null",
    )
    .bind(report["handed_off"].as_str().unwrap())
    .fetch_one(&api.db.pool)
    .await
    .unwrap();
    assert_eq!(contact.as_deref(), Some("ken@example.com"));
    // The owner's reply, which the open widget showed as it was written, is stored once.
    let owner_replies: i64 =
        sqlx::query_scalar("select count(*) from messages where role = 'owner'")
            .fetch_one(&api.db.pool)
            .await
            .unwrap();
    assert_eq!(owner_replies, 1);

    // The mobile screenshot is a real PNG (docs/widget-mobile.png is one of these).
    let png = std::fs::read(&screenshot).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "{}", screenshot.display());
    println!("mobile screenshot: {}", screenshot.display());
}
