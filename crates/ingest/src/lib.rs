//! Turns what owners give Mimi — uploaded files and pages of their own site — into
//! structured text ([`Document`]: a title and headings, paragraphs, list items, code and
//! table rows) that the `knowledge` crate chunks, embeds and indexes.
//!
//! - Files: [`sniff`] recognises the format from the bytes; [`extract`] reads PDF, plain
//!   text, Markdown and HTML; [`faq_csv`] reads question/answer rows for bulk FAQ import.
//!   Input is capped at [`MAX_FILE_BYTES`] and output at [`MAX_EXTRACTED_CHARS`]; PDFs are
//!   read with guards against panics, decompression bombs and pathological slowness (see the
//!   `pdf` module).
//! - Site pages: [`Fetcher`] fetches pages and sitemaps over http(s) to public addresses only
//!   (checked on the addresses actually connected to), honouring robots.txt for `MimiBot`.
//!
//! Every failure is an [`Error`] with a stable [`Error::code`] and a message that tells the
//! owner what to do, since it becomes the failure reason of their knowledge item.
//!
//! No database and no other Mimi crate: this crate is pure input handling.

mod charset;
mod document;
mod error;
mod faq;
mod html;
mod markdown;
mod pdf;
mod site;
mod sniff;
mod text;

pub use document::{Block, BlockKind, Document, MAX_EXTRACTED_CHARS};
pub use error::Error;
pub use faq::{FaqRow, faq_csv};
pub use html::html;
pub use markdown::markdown;
pub use pdf::TIME_LIMIT as PDF_TIME_LIMIT;
pub use site::{FetchPolicy, Fetcher, Page, ROBOTS_AGENT, Sitemap};
pub use sniff::sniff;
pub use text::plain_text;

/// Uploaded files may be at most 15 MB.
pub const MAX_FILE_BYTES: usize = 15 * 1_000_000;

/// The file formats Mimi reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Portable Document Format.
    Pdf,
    /// Plain text.
    Text,
    /// Markdown (CommonMark with tables).
    Markdown,
    /// An HTML page.
    Html,
    /// Comma- or tab-separated question/answer rows, read with [`faq_csv`].
    Csv,
}

impl Format {
    /// The MIME type to store with the file.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Text => "text/plain",
            Format::Markdown => "text/markdown",
            Format::Html => "text/html",
            Format::Csv => "text/csv",
        }
    }
}

/// Extracts the text of a file of the given format (from [`sniff`]). Text formats may be
/// UTF-8, UTF-16 with a BOM, or Shift_JIS. CSV files are FAQ rows, not documents: use
/// [`faq_csv`]; passing [`Format::Csv`] here is refused. A document without any text is
/// [`Error::Empty`]. PDF extraction blocks for up to [`PDF_TIME_LIMIT`]; call it from
/// `spawn_blocking` in async code.
pub fn extract(format: Format, bytes: &[u8]) -> Result<Document, Error> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            limit: MAX_FILE_BYTES,
        });
    }
    let doc = match format {
        Format::Pdf => pdf::extract(bytes)?,
        Format::Text => plain_text(&sniff::decode_text(bytes)?),
        Format::Markdown => markdown(&sniff::decode_text(bytes)?),
        Format::Html => html(&charset::decode(bytes, None, true)),
        Format::Csv => {
            return Err(Error::Unsupported {
                detected: Some("an FAQ CSV file; import it as FAQs"),
            });
        }
    };
    if doc.is_empty() {
        return Err(Error::Empty);
    }
    Ok(doc)
}
