//! Where an item's text comes from: what the owner typed, an uploaded file, or a page
//! of their site.

use mimi_ingest::{BlockKind, Document};

use crate::chunk::Passage;
use crate::model::ItemKind;

/// How the worker fetches site pages.
#[derive(Debug, Default)]
pub struct Fetching {}

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

/// The text of an item.
pub(crate) async fn extract(
    _fetching: &Fetching,
    _kind: ItemKind,
    title: &str,
    body: &str,
    _link: Option<&str>,
    _upload: Option<&[u8]>,
) -> Result<Extracted, SourceError> {
    Ok(Extracted {
        title: title.to_owned(),
        body: body.to_owned(),
        passages: Vec::new(),
    })
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
