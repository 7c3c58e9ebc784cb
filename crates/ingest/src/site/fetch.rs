//! One guarded GET: URL checks, robots.txt, manual redirects, status, capped body.

use std::sync::Arc;

use reqwest::header::{ACCEPT, CONTENT_TYPE, LOCATION};
use url::Url;

use super::address::{blocked_in, check_url};
use super::robots::{Rules, robots_url};
use super::{Fetcher, MAX_REDIRECTS, ROBOTS_AGENT};
use crate::Error;

pub(super) const ACCEPT_PAGE: &str =
    "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.9,*/*;q=0.1";
pub(super) const ACCEPT_SITEMAP: &str = "application/xml,text/xml;q=0.9,*/*;q=0.1";
const ACCEPT_ROBOTS: &str = "text/plain,*/*;q=0.1";

/// A successful response, read whole.
pub(super) struct Fetched {
    /// The URL after redirects.
    pub(super) url: Url,
    /// The MIME type without parameters, lower-case; empty when the server sent none.
    pub(super) content_type: String,
    /// The `charset` parameter, if any.
    pub(super) charset: Option<String>,
    pub(super) body: Vec<u8>,
}

/// How a response that is not a success ended.
enum Outcome {
    Ok(Fetched),
    Status(Url, reqwest::StatusCode),
}

impl Fetcher {
    /// GETs `url` for content: robots.txt must allow every hop, and the final status must be
    /// a success.
    pub(super) async fn fetch(&self, url: &Url, accept: &str) -> Result<Fetched, Error> {
        match self.get(url, accept, true).await? {
            Outcome::Ok(fetched) => Ok(fetched),
            Outcome::Status(url, status) => {
                Err(Error::fetch(&url, format!("the server answered {status}")))
            }
        }
    }

    async fn get(&self, url: &Url, accept: &str, obey_robots: bool) -> Result<Outcome, Error> {
        let mut current = url.clone();
        for _ in 0..=MAX_REDIRECTS {
            check_url(&current, self.allowance)?;
            if obey_robots && !self.robots_allow(&current).await? {
                return Err(Error::RobotsDisallowed { url: current });
            }
            let response = self
                .client
                .get(current.clone())
                .header(ACCEPT, accept)
                .send()
                .await
                .map_err(|e| self.send_error(&current, &e))?;
            let status = response.status();
            if status.is_redirection() {
                let location = response
                    .headers()
                    .get(LOCATION)
                    .and_then(|l| l.to_str().ok());
                let Some(next) = location.and_then(|l| current.join(l).ok()) else {
                    return Err(Error::fetch(
                        &current,
                        format!("the server answered {status} without a valid Location"),
                    ));
                };
                current = next;
                continue;
            }
            if !status.is_success() {
                return Ok(Outcome::Status(current, status));
            }
            return self.read(current, response).await.map(Outcome::Ok);
        }
        Err(Error::fetch(
            url,
            format!("more than {MAX_REDIRECTS} redirects"),
        ))
    }

    fn send_error(&self, url: &Url, error: &reqwest::Error) -> Error {
        if let Some(blocked) = blocked_in(error) {
            return blocked;
        }
        let reason = if error.is_timeout() {
            format!(
                "no answer within {} seconds",
                self.policy.timeout.as_secs_f32()
            )
        } else if error.is_connect() {
            "the server could not be reached".to_string()
        } else {
            error.to_string()
        };
        Error::fetch(url, reason)
    }

    async fn read(&self, url: Url, mut response: reqwest::Response) -> Result<Fetched, Error> {
        let limit = self.policy.max_page_bytes;
        let too_large = |url: &Url| Error::PageTooLarge {
            url: url.clone(),
            limit,
        };
        if response.content_length().is_some_and(|n| n > limit as u64) {
            return Err(too_large(&url));
        }
        let header = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let mut parts = header.split(';');
        let content_type = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let charset = parts
            .filter_map(|p| p.trim().split_once('='))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
            .map(|(_, v)| v.trim().trim_matches('"').to_string());
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| self.send_error(&url, &e))?
        {
            if body.len() + chunk.len() > limit {
                return Err(too_large(&url));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Fetched {
            url,
            content_type,
            charset,
            body,
        })
    }

    /// Whether robots.txt of the URL's origin lets MimiBot fetch it; the rules are fetched
    /// once per origin and cached. Fails only when the origin itself may not be reached.
    pub(super) async fn robots_allow(&self, url: &Url) -> Result<bool, Error> {
        let origin = url.origin().ascii_serialization();
        let cached = self
            .robots
            .lock()
            .ok()
            .and_then(|cache| cache.get(&origin).cloned());
        let rules = match cached {
            Some(rules) => rules,
            None => {
                let rules = Arc::new(self.robots_rules(url).await?);
                if let Ok(mut cache) = self.robots.lock() {
                    cache.insert(origin, rules.clone());
                }
                rules
            }
        };
        Ok(rules.allows(url))
    }

    async fn robots_rules(&self, url: &Url) -> Result<Rules, Error> {
        // Boxed: `get` reaches this function again, though never with robots obeyed.
        Ok(
            match Box::pin(self.get(&robots_url(url), ACCEPT_ROBOTS, false)).await {
                Ok(Outcome::Ok(fetched)) => Rules::parse(ROBOTS_AGENT, &fetched.body),
                Ok(Outcome::Status(_, status)) if status.is_client_error() => Rules::AllowAll,
                Ok(Outcome::Status(_, status)) => {
                    tracing::info!(%url, %status, "robots.txt unavailable, treating the site as disallowed");
                    Rules::DisallowAll
                }
                Err(e @ Error::UrlNotAllowed { .. }) => return Err(e),
                Err(e) => {
                    tracing::info!(%url, error = %e, "robots.txt unreachable, treating the site as disallowed");
                    Rules::DisallowAll
                }
            },
        )
    }
}
