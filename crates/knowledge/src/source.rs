//! Where an item's text comes from: what the owner typed, an uploaded file (extracted
//! once, then kept as Markdown in the item's body), or a page of their site (fetched
//! again whenever it is re-indexed).

use mimi_ingest::{BlockKind, Document, FetchPolicy, Fetcher};
use url::Url;

use crate::chunk::Passage;
use crate::model::ItemKind;

/// How site pages are fetched: the policy every import and indexing job uses (a fetcher
/// is made per job, so robots.txt is read fresh).
#[derive(Debug, Clone, Default)]
pub struct Fetching {
    policy: FetchPolicy,
}

impl Fetching {
    /// Public addresses only, unless `allow_private` (tests and local development).
    pub fn new(allow_private: bool) -> Fetching {
        Fetching {
            policy: FetchPolicy {
                allow_private,
                ..FetchPolicy::default()
            },
        }
    }

    /// Whether `url` may be fetched (see [`Fetcher::check`]).
    pub(crate) async fn check(&self, url: &Url) -> Result<(), mimi_ingest::Error> {
        self.fetcher(1)?.check(url).await
    }

    /// A fetcher for one import or job, listing at most `max_pages` pages.
    pub(crate) fn fetcher(&self, max_pages: usize) -> Result<Fetcher, mimi_ingest::Error> {
        Fetcher::new(FetchPolicy {
            max_pages,
            ..self.policy.clone()
        })
    }
}

/// An item's text, ready to be cut.
pub(crate) struct Extracted {
    /// The item's title (a site page's own title once fetched).
    pub title: String,
    /// Its text, in Markdown.
    pub body: String,
    /// Its passages (filled in by the caller).
    pub passages: Vec<Passage>,
}

/// Why an item's text could not be had.
#[derive(Debug, thiserror::Error)]
pub(crate) enum SourceError {
    /// Trying again will not help (an encrypted PDF, a page robots.txt disallows).
    #[error("{message}")]
    Permanent { code: &'static str, message: String },
    /// It may work later (a site that timed out).
    #[error("{message}")]
    Transient { code: &'static str, message: String },
}

impl From<mimi_ingest::Error> for SourceError {
    fn from(e: mimi_ingest::Error) -> SourceError {
        let (code, message) = (e.code(), e.to_string());
        match e {
            mimi_ingest::Error::FetchFailed { .. } | mimi_ingest::Error::Internal { .. } => {
                SourceError::Transient { code, message }
            }
            _ => SourceError::Permanent { code, message },
        }
    }
}

/// The text of an item.
pub(crate) async fn extract(
    fetching: &Fetching,
    kind: ItemKind,
    title: &str,
    body: &str,
    link: Option<&str>,
    upload: Option<&[u8]>,
) -> Result<Extracted, SourceError> {
    let done = |title: &str, body: String| Extracted {
        title: title.to_owned(),
        body,
        passages: Vec::new(),
    };
    match (kind, upload, link) {
        (ItemKind::File, Some(bytes), _) => {
            let bytes = bytes.to_vec();
            let name = title.to_owned();
            let document = tokio::task::spawn_blocking(move || {
                let format = mimi_ingest::sniff(&bytes, Some(&name))?;
                mimi_ingest::extract(format, &bytes)
            })
            .await
            .map_err(|e| SourceError::Transient {
                code: "extraction_failed",
                message: e.to_string(),
            })??;
            Ok(done(title, to_markdown(&document)))
        }
        (ItemKind::SitePage, _, Some(link)) => {
            let url = Url::parse(link).map_err(|e| SourceError::Permanent {
                code: "url_not_allowed",
                message: format!("{link} is not a valid address ({e})"),
            })?;
            let page = fetching.fetcher(1)?.page(&url).await?;
            let title = page
                .document
                .title
                .clone()
                .filter(|t| !t.trim().is_empty())
                .map(|t| {
                    t.chars()
                        .take(crate::input::MAX_TITLE_CHARS)
                        .collect::<String>()
                })
                .unwrap_or_else(|| title.to_owned());
            Ok(done(&title, to_markdown(&page.document)))
        }
        _ => Ok(done(title, body.to_owned())),
    }
}

/// A document written out as Markdown, the form item bodies are kept in.
pub(crate) fn to_markdown(document: &Document) -> String {
    let mut out = String::new();
    for block in &document.blocks {
        let text = block.text.trim();
        if text.is_empty() {
            continue;
        }
        match block.kind {
            BlockKind::Heading(level) => {
                out.push_str(&"#".repeat(usize::from(level.clamp(1, 6))));
                out.push(' ');
                out.push_str(&text.replace('\n', " "));
            }
            BlockKind::ListItem => {
                out.push_str("- ");
                out.push_str(text);
            }
            _ => out.push_str(text),
        }
        out.push_str("\n\n");
    }
    out.trim_end().to_owned()
}
