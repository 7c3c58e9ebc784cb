//! Importing pages of an owner's site by URL or sitemap.

mod address;
mod fetch;
mod robots;
mod sitemap;

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use url::Url;

use crate::{Document, Error, Format};
use address::{Allowance, GuardedResolver};

/// The robots.txt user-agent token Mimi's fetcher obeys (along with `*`).
pub const ROBOTS_AGENT: &str = "MimiBot";

/// At most this many redirects are followed per request, each checked like the first URL.
const MAX_REDIRECTS: usize = 5;
/// Sitemap indexes are followed this many levels deep.
const MAX_SITEMAP_DEPTH: usize = 2;
/// At most this many sitemap documents are read for one import.
const MAX_SITEMAPS: usize = 50;
/// A (decompressed) sitemap may hold at most this many bytes (the sitemaps.org limit).
const MAX_SITEMAP_BYTES: usize = 50 * 1024 * 1024;

/// What a [`Fetcher`] may fetch, and how much.
#[derive(Debug, Clone)]
pub struct FetchPolicy {
    /// Test-only: permits loopback, private and other non-public targets. Never set it in
    /// production: it opens the server's own network to whoever can import a URL.
    pub allow_private: bool,
    /// Test-only: permits loopback targets (127.0.0.0/8, ::1) but no other non-public ones,
    /// so tests on a local server can prove redirects to private networks are refused.
    pub allow_loopback: bool,
    /// A sitemap import lists at most this many pages (see [`Sitemap::truncated`]).
    pub max_pages: usize,
    /// A page (or sitemap, or robots.txt) larger than this fails with
    /// [`Error::PageTooLarge`].
    pub max_page_bytes: usize,
    /// Time limit for each request, body included.
    pub timeout: Duration,
    /// The User-Agent header sent.
    pub user_agent: String,
}

impl Default for FetchPolicy {
    /// Public addresses only, 500 pages, 5 MB per page, 20 s per request.
    fn default() -> Self {
        FetchPolicy {
            allow_private: false,
            allow_loopback: false,
            max_pages: 500,
            max_page_bytes: 5 * 1024 * 1024,
            timeout: Duration::from_secs(20),
            user_agent: format!(
                "{ROBOTS_AGENT}/{} (+https://mimi.chat/bot)",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }
}

/// One fetched page.
#[derive(Debug, Clone)]
pub struct Page {
    /// The URL the content came from, after redirects: cite this one.
    pub url: Url,
    /// The page's text.
    pub document: Document,
}

/// The pages a sitemap lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sitemap {
    /// Same-site page URLs that robots.txt allows, deduplicated, in listing order, at most
    /// [`FetchPolicy::max_pages`].
    pub urls: Vec<Url>,
    /// True when more pages were listed than `max_pages`; the first ones are kept, so the
    /// owner can import those and be told the rest were left out.
    pub truncated: bool,
    /// Nested sitemaps that could not be read (the others were still used).
    pub failed_sitemaps: Vec<Url>,
}

/// Fetches pages and sitemaps under a [`FetchPolicy`]. Cheap to share (`Arc`); robots.txt is
/// cached per origin for the fetcher's lifetime, so make one per import.
#[derive(Debug)]
pub struct Fetcher {
    client: reqwest::Client,
    policy: FetchPolicy,
    allowance: Allowance,
    robots: Mutex<HashMap<String, Arc<robots::Rules>>>,
}

impl Fetcher {
    /// A fetcher with its own HTTP client: no proxy (a proxy would resolve names beyond the
    /// address guard), no automatic redirects (each hop is checked here), no cookies.
    pub fn new(policy: FetchPolicy) -> Result<Fetcher, Error> {
        let allowance = Allowance {
            private: policy.allow_private,
            loopback: policy.allow_loopback,
        };
        let client = reqwest::Client::builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .dns_resolver(Arc::new(GuardedResolver { allowance }))
            .timeout(policy.timeout)
            .connect_timeout(policy.timeout.min(Duration::from_secs(10)))
            .user_agent(policy.user_agent.clone())
            .build()
            .map_err(|e| Error::Internal {
                reason: e.to_string(),
            })?;
        Ok(Fetcher {
            client,
            policy,
            allowance,
            robots: Mutex::new(HashMap::new()),
        })
    }

    /// Checks, without fetching, that `url` may be fetched: http(s), no credentials, and
    /// every address its host resolves to allowed by the policy. The fetch checks again
    /// on the addresses it connects to; this lets an import be refused while the owner
    /// waits instead of failing later in the background.
    pub async fn check(&self, url: &Url) -> Result<(), Error> {
        address::check_url(url, self.allowance)?;
        let Some(url::Host::Domain(host)) = url.host() else {
            return Ok(());
        };
        let port = url.port_or_known_default().unwrap_or(80);
        let addresses = tokio::net::lookup_host((host, port))
            .await
            .map_err(|e| Error::fetch(url, format!("its host name does not resolve: {e}")))?;
        for address in addresses {
            if !self.allowance.permits(address.ip()) {
                return Err(Error::not_allowed(format!(
                    "{host} resolves to {}, a local, private or reserved address",
                    address.ip()
                )));
            }
        }
        Ok(())
    }

    /// Fetches one page over http(s), honouring robots.txt and following at most five
    /// redirects, each re-checked (scheme, address, robots). HTML is read for its main
    /// content, plain text as paragraphs, a PDF (by Content-Type or by its bytes) as a PDF.
    pub async fn page(&self, url: &Url) -> Result<Page, Error> {
        let fetched = self.fetch(url, fetch::ACCEPT_PAGE).await?;
        let format = match fetched.content_type.as_str() {
            _ if fetched.body.starts_with(b"%PDF-") => Format::Pdf,
            "application/pdf" => Format::Pdf,
            "text/html" | "application/xhtml+xml" => Format::Html,
            "text/plain" => Format::Text,
            "text/markdown" => Format::Markdown,
            "" | "application/octet-stream" => {
                match crate::sniff(&fetched.body, Some(fetched.url.path())) {
                    Ok(Format::Csv) | Err(_) => return Err(unsupported(&fetched)),
                    Ok(format) => format,
                }
            }
            _ => return Err(unsupported(&fetched)),
        };
        let charset = fetched.charset.clone();
        let body = fetched.body;
        let document = tokio::task::spawn_blocking(move || match format {
            Format::Html => Ok(crate::html(&crate::charset::decode(
                &body,
                charset.as_deref(),
                true,
            ))),
            Format::Text => Ok(crate::plain_text(&crate::charset::decode(
                &body,
                charset.as_deref(),
                false,
            ))),
            Format::Markdown => Ok(crate::markdown(&crate::charset::decode(
                &body,
                charset.as_deref(),
                false,
            ))),
            other => crate::extract(other, &body),
        })
        .await
        .map_err(|e| Error::Internal {
            reason: e.to_string(),
        })??;
        if document.is_empty() {
            return Err(Error::Empty);
        }
        Ok(Page {
            url: fetched.url,
            document,
        })
    }

    /// The pages a sitemap lists: `<urlset>` entries, `<sitemapindex>` entries followed up to
    /// two levels deep (at most 50 sitemap documents), plain-text and gzip sitemaps too. Only
    /// http(s) URLs on the sitemap's own site (same host, ignoring `www.`, and port) that
    /// robots.txt allows are kept, deduplicated, at most `max_pages` of them. A failing first
    /// sitemap is an error; a failing nested one is skipped and reported.
    pub async fn sitemap(&self, url: &Url) -> Result<Sitemap, Error> {
        let mut result = Sitemap::default();
        let mut queue = VecDeque::from([(url.clone(), 0)]);
        let mut visited = HashSet::new();
        let mut seen = HashSet::new();
        while let Some((current, depth)) = queue.pop_front() {
            if !visited.insert(current.clone()) || visited.len() > MAX_SITEMAPS {
                continue;
            }
            let listing = match self.read_sitemap(&current).await {
                Ok(listing) => listing,
                Err(e) if depth == 0 => return Err(e),
                Err(e) => {
                    tracing::warn!(sitemap = %current, error = %e, "nested sitemap skipped");
                    result.failed_sitemaps.push(current);
                    continue;
                }
            };
            match listing {
                sitemap::Listing::Sitemaps(children) if depth < MAX_SITEMAP_DEPTH => {
                    let children = children.iter().filter_map(|c| same_site(url, c));
                    queue.extend(children.map(|c| (c, depth + 1)));
                }
                sitemap::Listing::Sitemaps(_) => {}
                sitemap::Listing::Pages(pages) => {
                    for page in pages.iter().filter_map(|p| same_site(url, p)) {
                        if seen.contains(&page) || !self.robots_allow(&page).await.unwrap_or(false)
                        {
                            continue;
                        }
                        if result.urls.len() == self.policy.max_pages {
                            result.truncated = true;
                            return Ok(result);
                        }
                        seen.insert(page.clone());
                        result.urls.push(page);
                    }
                }
            }
        }
        Ok(result)
    }

    async fn read_sitemap(&self, url: &Url) -> Result<sitemap::Listing, Error> {
        let fetched = self.fetch(url, fetch::ACCEPT_SITEMAP).await?;
        sitemap::parse(&fetched.body, MAX_SITEMAP_BYTES).map_err(|reason| Error::InvalidSitemap {
            url: fetched.url,
            reason,
        })
    }
}

fn unsupported(fetched: &fetch::Fetched) -> Error {
    let content_type = if fetched.content_type.is_empty() {
        "unknown".into()
    } else {
        fetched.content_type.clone()
    };
    Error::UnsupportedContent {
        url: fetched.url.clone(),
        content_type,
    }
}

/// `candidate` as a URL when it is http(s) on the same host (ignoring a `www.` prefix) and
/// port as `base`.
fn same_site(base: &Url, candidate: &str) -> Option<Url> {
    let url = Url::parse(candidate).ok()?;
    let host = |u: &Url| {
        u.host_str()
            .map(|h| h.trim_start_matches("www.").to_ascii_lowercase())
    };
    let ok = matches!(url.scheme(), "http" | "https")
        && host(&url) == host(base)
        && url.port() == base.port();
    ok.then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_site_ignores_www_and_scheme_but_not_host_or_port() {
        let base = Url::parse("https://www.shop.test/sitemap.xml").unwrap();
        assert!(same_site(&base, "http://shop.test/a").is_some());
        assert!(same_site(&base, "https://other.test/a").is_none());
        assert!(same_site(&base, "https://shop.test:8443/a").is_none());
        assert!(same_site(&base, "javascript:alert(1)").is_none());
    }
}
