//! The app's public page, `/@handle` (and `/` on its subdomain or custom domain):
//! server-rendered HTML that is complete without JavaScript (avatar, cover, name, bio,
//! links, theme colour, OpenGraph tags), with the widget loaded from Mimi itself and
//! opened on the page.
//!
//! No cookies, no third-party requests, a strict Content Security Policy. A `GET` by a
//! person adds one to the app's anonymous view count of the day; prefetches, `HEAD`s and
//! crawlers do not, and nothing about the viewer is kept.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use mimi_apps::PublicProfile;
use mimi_domain::Language;

use super::AppState;

/// The page's policy: its own scripts and images only, styles inline (the page's and
/// the widget's shadow root), API calls to Mimi, framed only by Mimi itself (the
/// dashboard's preview), no forms, no base URL.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
     base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/// `GET /@{handle}`.
pub(super) async fn by_handle(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    Path(handle): Path<String>,
) -> Response {
    match mimi_apps::public_profile_by_handle(&state.pool, &handle).await {
        Ok(Some(profile)) => page(&state, &method, &headers, profile).await,
        Ok(None) => not_found(),
        Err(e) => unavailable(&e),
    }
}

/// `GET /` on an app's subdomain of Mimi or its custom domain.
pub(super) async fn by_host(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
) -> Response {
    match super::visitor::app_by_host(&state, &headers).await {
        Ok(app) => page(&state, &method, &headers, app.profile).await,
        Err(_) => not_found(),
    }
}

async fn page(
    state: &AppState,
    method: &Method,
    headers: &HeaderMap,
    profile: PublicProfile,
) -> Response {
    if method == Method::GET && is_a_person(headers) {
        // A lost count must not cost the visitor the page.
        if let Err(e) =
            mimi_apps::count_page_view(&state.pool, profile.workspace_id, profile.app_id).await
        {
            tracing::warn!(app = %profile.app_id, error = %e, "counting a page view failed");
        }
    }
    let markup = render(&state.public_origin, &profile);
    html_response(StatusCode::OK, markup)
}

/// Whether a request is a person opening the page: not a prefetch, not a crawler or a
/// link preview (by the `User-Agent` words they announce themselves with), and not the
/// owner's own preview in the dashboard (a frame of Mimi's own origin).
fn is_a_person(headers: &HeaderMap) -> bool {
    let fetch = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if fetch("sec-fetch-dest") == Some("iframe") && fetch("sec-fetch-site") == Some("same-origin") {
        return false;
    }
    let prefetch = ["sec-purpose", "purpose", "x-moz", "x-purpose"]
        .iter()
        .filter_map(|name| headers.get(*name))
        .any(|v| {
            v.to_str()
                .is_ok_and(|v| v.to_ascii_lowercase().contains("prefetch"))
        });
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let robot = [
        "bot",
        "crawl",
        "spider",
        "slurp",
        "preview",
        "facebookexternalhit",
        "embedly",
        "curl/",
        "wget/",
    ]
    .iter()
    .any(|word| agent.contains(word));
    !prefetch && !robot
}

/// The words of the page, in the app's language.
struct Words {
    chat_needs_js: &'static str,
    links: &'static str,
    powered_by: &'static str,
    og_locale: &'static str,
}

fn words(language: Language) -> Words {
    match language {
        Language::Ja => Words {
            chat_needs_js: "チャットを使うには JavaScript を有効にしてください。",
            links: "リンク",
            powered_by: "Mimi で作成 · Cookie は使いません",
            og_locale: "ja_JP",
        },
        Language::En => Words {
            chat_needs_js: "Turn on JavaScript to chat.",
            links: "Links",
            powered_by: "Made with Mimi · no cookies",
            og_locale: "en_US",
        },
    }
}

/// The page of `profile`; `origin` is Mimi's public origin, for absolute OpenGraph URLs.
fn render(origin: &str, profile: &PublicProfile) -> Markup {
    let w = words(profile.language);
    let url = format!("{origin}/@{}", profile.handle);
    let description = summary(&profile.bio, 200);
    let image = profile
        .cover_url
        .as_ref()
        .or(profile.avatar_url.as_ref())
        .map(|path| format!("{origin}{path}"));
    let card = if profile.cover_url.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    // Stored colours are validated `#rrggbb`; anything else falls back rather than
    // reaching the style sheet.
    let color = Some(profile.theme.primary_color.as_str())
        .filter(|c| {
            c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit())
        })
        .unwrap_or(mimi_apps::DEFAULT_PRIMARY_COLOR);
    html! {
        (DOCTYPE)
        html lang=(profile.language.as_str()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (profile.name) }
                @if !description.is_empty() {
                    meta name="description" content=(description);
                }
                link rel="canonical" href=(url);
                meta name="theme-color" content=(color);
                meta property="og:type" content="profile";
                meta property="og:site_name" content="Mimi";
                meta property="og:title" content=(profile.name);
                meta property="og:url" content=(url);
                meta property="og:locale" content=(w.og_locale);
                @if !description.is_empty() {
                    meta property="og:description" content=(description);
                }
                @if let Some(image) = &image {
                    meta property="og:image" content=(image);
                }
                meta name="twitter:card" content=(card);
                style { (PreEscaped(format!(":root{{--primary:{color}}}"))) (PreEscaped(STYLE)) }
                script src="/widget.js" data-app=(profile.handle) data-open async {}
            }
            body {
                main {
                    @if let Some(cover) = &profile.cover_url {
                        img.cover src=(cover) alt="" width="1200" height="400";
                    }
                    header {
                        @if let Some(avatar) = &profile.avatar_url {
                            img.avatar src=(avatar) alt="" width="96" height="96";
                        }
                        h1 { (profile.name) }
                        p.handle { "@" (profile.handle) }
                    }
                    @if !profile.bio.is_empty() {
                        @for paragraph in profile.bio.split("\n\n").filter(|p| !p.trim().is_empty()) {
                            p.bio {
                                @for (i, line) in paragraph.lines().enumerate() {
                                    @if i > 0 { br; }
                                    (line)
                                }
                            }
                        }
                    }
                    @if profile.site_url.is_some() || !profile.links.is_empty() {
                        nav aria-label=(w.links) {
                            ul.links {
                                @if let Some(site) = &profile.site_url {
                                    li { a href=(site) rel="me noopener" { (host_of(site)) } }
                                }
                                @for link in &profile.links {
                                    li { a href=(link.url) rel="noopener" { (link.title) } }
                                }
                            }
                        }
                    }
                    noscript { p.noscript { (w.chat_needs_js) } }
                }
                footer { (w.powered_by) }
            }
        }
    }
}

/// `text` cut at a character boundary to at most `max` characters, with an ellipsis
/// when cut, on one line.
fn summary(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let mut cut: String = line.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

/// `https://www.example.com/path` → `www.example.com`.
fn host_of(url: &str) -> &str {
    let rest = url.find("://").map_or(url, |i| &url[i + 3..]);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

const STYLE: &str = "\
*{box-sizing:border-box}\
body{margin:0;font:16px/1.6 system-ui,-apple-system,'Hiragino Sans','Noto Sans JP',sans-serif;color:#1f2328;background:#f6f7f9}\
main{max-width:640px;margin:0 auto;padding:0 16px 96px}\
.cover{display:block;width:calc(100% + 32px);margin:0 -16px;height:auto;aspect-ratio:3/1;object-fit:cover}\
header{text-align:center;padding-top:32px}\
.avatar{border-radius:50%;border:3px solid #fff;box-shadow:0 1px 4px rgba(0,0,0,.15)}\
h1{margin:12px 0 0;font-size:1.6rem;line-height:1.3}\
.handle{margin:0;color:#57606a}\
.bio{white-space:normal;overflow-wrap:anywhere}\
.links{list-style:none;padding:0;margin:24px 0;display:grid;gap:12px}\
.links a{display:block;padding:14px 16px;border-radius:12px;background:#fff;border:2px solid var(--primary);color:#1f2328;text-align:center;text-decoration:none;font-weight:600;overflow-wrap:anywhere}\
.links a:hover,.links a:focus-visible{background:var(--primary);color:#fff}\
.noscript{text-align:center;color:#57606a}\
footer{text-align:center;color:#57606a;font-size:.85rem;padding:24px 16px}\
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}.links a{background:#161b22;color:#e6edf3}.handle,.noscript,footer{color:#8b949e}}";

fn html_response(status: StatusCode, markup: Markup) -> Response {
    let mut response = (status, markup.into_string()).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    // Counted per request, and edited by its owner at any time.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

fn not_found() -> Response {
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                title { "Not found · Mimi" }
            }
            body {
                main {
                    h1 { "Not found" }
                    p { "There is no page here. / このページは見つかりません。" }
                }
            }
        }
    };
    html_response(StatusCode::NOT_FOUND, markup)
}

fn unavailable(e: &mimi_domain::Error) -> Response {
    tracing::error!(error = %e, "reading a public page failed");
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head { meta charset="utf-8"; title { "Unavailable · Mimi" } }
            body { main { h1 { "Please try again in a moment." } p { "しばらくしてからもう一度お試しください。" } } }
        }
    };
    html_response(StatusCode::SERVICE_UNAVAILABLE, markup)
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderMap, HeaderValue};

    use super::{host_of, is_a_person, summary};

    #[test]
    fn a_summary_is_one_line_and_cut_at_a_character() {
        assert_eq!(summary("Coffee\n\nand  cake", 200), "Coffee and cake");
        assert_eq!(summary("喫茶店です。", 4), "喫茶店…");
    }

    #[test]
    fn a_site_is_shown_by_its_host() {
        assert_eq!(
            host_of("https://www.example.com/path?q=1"),
            "www.example.com"
        );
        assert_eq!(host_of("http://example.com"), "example.com");
    }

    #[test]
    fn prefetches_and_crawlers_are_not_people() {
        let with = |name: &'static str, value: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(name, HeaderValue::from_static(value));
            h
        };
        assert!(is_a_person(&with(
            "user-agent",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1"
        )));
        assert!(!is_a_person(&with("sec-purpose", "prefetch;prerender")));
        assert!(!is_a_person(&with("user-agent", "Googlebot/2.1")));
        assert!(!is_a_person(&with(
            "user-agent",
            "Slackbot-LinkExpanding 1.0"
        )));
        assert!(!is_a_person(&with("user-agent", "curl/8.5.0")));
    }

    #[test]
    fn the_dashboards_preview_is_not_a_view_but_a_frame_on_another_site_is() {
        let frame = |site: &'static str| {
            let mut h = HeaderMap::new();
            h.insert("sec-fetch-dest", HeaderValue::from_static("iframe"));
            h.insert("sec-fetch-site", HeaderValue::from_static(site));
            h
        };
        assert!(!is_a_person(&frame("same-origin")));
        assert!(is_a_person(&frame("cross-site")));
    }
}
