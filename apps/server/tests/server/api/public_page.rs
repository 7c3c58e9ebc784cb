//! The public page `/@handle`: rendered on the server, escaped, cookieless, under a
//! strict CSP, reachable by handle and by host, counting people's views anonymously.

use serde_json::json;

use super::support::{Api, app_with};

const BROWSER: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
     Chrome/140.0 Safari/537.36";

/// `GET` of `path` on the server, as a browser with no cookie jar.
async fn page(
    api: &Api,
    path: &str,
    headers: &[(&str, &str)],
) -> (u16, reqwest::header::HeaderMap, String) {
    let base = api.url("/");
    let base = base.split("/api/v1").next().unwrap();
    let mut request = reqwest::Client::new().get(format!("{base}{path}"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.text().await.unwrap())
}

#[tokio::test]
async fn the_page_shows_the_profile_escaped_without_cookies_under_a_strict_policy() {
    let api = Api::start().await;
    let owner = api.owner("Ann", "ann@example.com").await;
    app_with(
        &api,
        &owner,
        "hana-salon",
        &[],
        json!({
            "name": "Hana <Salon> & Spa",
            "bio": "髪と肌のサロンです。\n<script>alert(1)</script>\n\nSecond paragraph.",
            "language": "ja",
            "site_url": "https://hana.example/ja",
            "links": [{ "title": "Book \"now\"", "url": "https://book.example/?a=1&b=2" }],
            "theme": { "primary_color": "#AA3366" },
        }),
    )
    .await;
    let (status, headers, html) = page(&api, "/@Hana-Salon", &[("user-agent", BROWSER)]).await;
    assert_eq!(status, 200, "{html}");
    assert_eq!(headers["content-type"], "text/html; charset=utf-8");
    assert!(headers.get("set-cookie").is_none(), "no cookie");
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(!csp.contains("unsafe-eval"), "{csp}");
    assert_eq!(headers["x-content-type-options"], "nosniff");

    assert!(
        html.starts_with("<!DOCTYPE html><html lang=\"ja\">"),
        "{html}"
    );
    assert!(
        html.contains("<title>Hana &lt;Salon&gt; &amp; Spa</title>"),
        "{html}"
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(html.contains("髪と肌のサロンです。<br>"), "{html}");
    assert!(
        html.contains("<p class=\"bio\">Second paragraph.</p>"),
        "{html}"
    );
    assert!(
        html.contains("href=\"https://book.example/?a=1&amp;b=2\""),
        "{html}"
    );
    assert!(html.contains("Book &quot;now&quot;"), "{html}");
    assert!(html.contains(">hana.example</a>"), "{html}");
    assert!(html.contains(":root{--primary:#aa3366}"), "{html}");
    // OpenGraph, with absolute URLs on Mimi's public origin.
    let canonical = api.url("/").replace("/api/v1/", "/@hana-salon");
    assert!(
        html.contains(&format!(
            "<meta property=\"og:url\" content=\"{canonical}\">"
        )),
        "{html}"
    );
    assert!(html.contains("<meta property=\"og:locale\" content=\"ja_JP\">"));
    assert!(html.contains("<meta property=\"og:description\" content=\"髪と肌のサロンです。"));
    // The chat, from Mimi itself, opened on the page; no inline script anywhere.
    assert!(
        html.contains(
            "<script src=\"/widget.js\" data-app=\"hana-salon\" data-open async></script>"
        ),
        "{html}"
    );
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert!(
        html.contains("JavaScript を有効に"),
        "the noscript note is in Japanese"
    );

    let (status, headers, html) = page(&api, "/@nobody-here", &[]).await;
    assert_eq!(status, 404);
    assert_eq!(headers["content-type"], "text/html; charset=utf-8");
    assert!(html.contains("Not found"), "{html}");
}

#[tokio::test]
async fn the_page_is_reached_on_the_apps_subdomain_and_custom_domain() {
    let api = Api::start().await;
    let owner = api.owner("Ann", "ann@example.com").await;
    app_with(
        &api,
        &owner,
        "ann-cafe",
        &[],
        json!({ "name": "Ann's Café", "custom_domain": "help.cafe.example" }),
    )
    .await;
    let base = api.url("/");
    let port = base.split(':').nth(2).unwrap().split('/').next().unwrap();
    for host in [
        "help.cafe.example".to_owned(),
        format!("ann-cafe.127.0.0.1:{port}"),
    ] {
        let (status, _, html) = page(&api, "/", &[("host", &host)]).await;
        assert_eq!(status, 200, "{host}: {html}");
        assert!(html.contains("<h1>Ann's Café</h1>"), "{host}: {html}");
    }
    let (status, _, _) = page(&api, "/", &[("host", "other.example")]).await;
    assert_eq!(status, 404);
    let (status, _, _) = page(&api, "/", &[]).await;
    assert_eq!(status, 404, "Mimi's own root is no app's page");
}

#[tokio::test]
async fn people_are_counted_per_day_and_prefetches_crawlers_and_heads_are_not() {
    let api = Api::start().await;
    let owner = api.owner("Ann", "ann@example.com").await;
    let app = app_with(&api, &owner, "ann-cafe", &[], json!({})).await;
    let views = format!("/workspaces/{}/apps/{app}/page-views", owner.workspace_id);

    for _ in 0..3 {
        let (status, _, _) = page(&api, "/@ann-cafe", &[("user-agent", BROWSER)]).await;
        assert_eq!(status, 200);
    }
    for headers in [
        [
            ("user-agent", "Mozilla/5.0 (compatible; Googlebot/2.1)"),
            ("accept", "*/*"),
        ],
        [("user-agent", BROWSER), ("sec-purpose", "prefetch")],
        [("user-agent", "facebookexternalhit/1.1"), ("accept", "*/*")],
    ] {
        let (status, _, _) = page(&api, "/@ann-cafe", &headers).await;
        assert_eq!(status, 200);
    }
    let head = reqwest::Client::new()
        .head(api.url("/").replace("/api/v1/", "/@ann-cafe"))
        .header("user-agent", BROWSER)
        .send()
        .await
        .unwrap();
    assert_eq!(head.status(), 200);

    let reply = api.get(&owner.client, &format!("{views}?days=7")).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    let days = reply.body.as_array().unwrap();
    assert_eq!(days.len(), 7);
    assert_eq!(days[6]["views"], 3, "{days:?}");
    assert!(days[..6].iter().all(|d| d["views"] == 0), "{days:?}");
    let today: String =
        sqlx::query_scalar("select to_char(now() at time zone 'utc', 'YYYY-MM-DD')")
            .fetch_one(&api.db.pool)
            .await
            .unwrap();
    assert_eq!(days[6]["day"], today.as_str());
    // Nothing about the viewers is stored: one row, a count.
    let columns: Vec<String> = sqlx::query_scalar(
        "select column_name::text from information_schema.columns \
         where table_name = 'page_views' order by ordinal_position",
    )
    .fetch_all(&api.db.pool)
    .await
    .unwrap();
    assert_eq!(columns, ["workspace_id", "app_id", "day", "views"]);

    let reply = api.get(&owner.client, &views).await;
    assert_eq!(
        reply.body.as_array().unwrap().len(),
        30,
        "30 days by default"
    );
    for bad in ["?days=0", "?days=367"] {
        let reply = api.get(&owner.client, &format!("{views}{bad}")).await;
        assert_eq!(reply.status, 422, "{bad}: {reply:?}");
        assert_eq!(reply.error(), ("days_out_of_range", Some("days")), "{bad}");
    }
    for (bad, named) in [("days=many", "days"), ("since=yesterday", "since")] {
        let reply = api.get(&owner.client, &format!("{views}?{bad}")).await;
        assert_eq!(reply.status, 422, "{reply:?}");
        assert_eq!(reply.error(), ("invalid_query", Some("query")), "{bad}");
        let message = reply.body["error"]["message"].as_str().unwrap();
        assert!(message.contains(named), "{bad}: {message}");
    }
}
