//! What can go wrong turning a file or a page into text, worded for the owner who sees it
//! as the failure reason of a knowledge item.

use url::Url;

/// Why a file or page could not be turned into text. [`Error::code`] is stable for APIs and
/// logs; `Display` is a sentence for the owner that says what to do.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file is larger than [`crate::MAX_FILE_BYTES`].
    #[error("The file is larger than {} MB. Split it into smaller files and upload those.", limit / 1_000_000)]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The bytes are not one of the supported formats (PDF, text, Markdown, HTML, CSV).
    #[error("This file type is not supported{}. Upload a PDF, text, Markdown, HTML or CSV file.", detected.map(|d| format!(" (it looks like {d})")).unwrap_or_default())]
    Unsupported {
        /// What the bytes look like, when recognised (for example "a PNG image").
        detected: Option<&'static str>,
    },
    /// The PDF is encrypted or password-protected.
    #[error(
        "This PDF is encrypted or password-protected. Remove the protection (or print it to a new PDF) and upload it again."
    )]
    Encrypted,
    /// The file is damaged or not what it claims to be.
    #[error(
        "This file is damaged and cannot be read ({reason}). Export or save it again and upload the new copy."
    )]
    Corrupt {
        /// What the reader stumbled on.
        reason: String,
    },
    /// Reading the file would take too long or expand to too much data (a decompression bomb
    /// looks like this too).
    #[error(
        "This file is too complex to read in reasonable time and memory. Split it into smaller files or export it again."
    )]
    TooComplex,
    /// No text was found (an empty file, or a scanned PDF holding only images).
    #[error(
        "No text was found in this document. If it is a scanned PDF, upload a version with selectable text."
    )]
    Empty,
    /// A line of an FAQ CSV file is wrong.
    #[error(
        "The CSV file has a problem on line {line}: {reason}. Each row needs a question and an answer (and optionally a link)."
    )]
    InvalidCsv {
        /// 1-based line number in the file.
        line: u64,
        /// What is wrong with it.
        reason: String,
    },
    /// The URL may not be fetched: not http/https, credentials in it, or a loopback, private,
    /// link-local or otherwise non-public address.
    #[error(
        "This address cannot be imported ({reason}). Use a public http:// or https:// address of your site."
    )]
    UrlNotAllowed {
        /// Which rule refused it.
        reason: String,
    },
    /// The site's robots.txt forbids MimiBot to read this URL.
    #[error(
        "The site's robots.txt does not allow MimiBot to read {url}. Allow the user agent MimiBot in robots.txt, or add the content by hand."
    )]
    RobotsDisallowed {
        /// The refused URL.
        url: Url,
    },
    /// The page could not be fetched (network error, timeout, error status, too many redirects).
    #[error(
        "{url} could not be fetched ({reason}). Check that the address opens in a browser and try again."
    )]
    FetchFailed {
        /// The URL that failed.
        url: Url,
        /// What went wrong.
        reason: String,
    },
    /// The page is larger than the policy's `max_page_bytes`.
    #[error("{url} is larger than {} KB. Upload its content as a file instead.", limit / 1_000)]
    PageTooLarge {
        /// The page.
        url: Url,
        /// The limit in bytes.
        limit: usize,
    },
    /// The page is not HTML, plain text or PDF.
    #[error("{url} is not a web page, text or PDF (its type is {content_type}).")]
    UnsupportedContent {
        /// The page.
        url: Url,
        /// The Content-Type the server sent.
        content_type: String,
    },
    /// The sitemap is not a valid sitemap XML document.
    #[error("{url} is not a valid sitemap ({reason}). Give the address of your sitemap.xml.")]
    InvalidSitemap {
        /// The sitemap URL.
        url: Url,
        /// What is wrong with it.
        reason: String,
    },
    /// Something failed on Mimi's side (the HTTP client could not start, a worker thread
    /// died); not the owner's doing.
    #[error(
        "Something went wrong on our side while reading this ({reason}). Please try again later."
    )]
    Internal {
        /// What failed.
        reason: String,
    },
}

impl Error {
    /// A stable snake_case code for APIs, logs and translations.
    pub fn code(&self) -> &'static str {
        match self {
            Error::TooLarge { .. } => "file_too_large",
            Error::Unsupported { .. } => "unsupported_file_type",
            Error::Encrypted => "file_encrypted",
            Error::Corrupt { .. } => "file_corrupt",
            Error::TooComplex => "file_too_complex",
            Error::Empty => "empty_document",
            Error::InvalidCsv { .. } => "invalid_csv",
            Error::UrlNotAllowed { .. } => "url_not_allowed",
            Error::RobotsDisallowed { .. } => "robots_disallowed",
            Error::FetchFailed { .. } => "fetch_failed",
            Error::PageTooLarge { .. } => "page_too_large",
            Error::UnsupportedContent { .. } => "unsupported_content_type",
            Error::InvalidSitemap { .. } => "invalid_sitemap",
            Error::Internal { .. } => "internal_error",
        }
    }

    pub(crate) fn corrupt(reason: impl Into<String>) -> Self {
        Error::Corrupt {
            reason: reason.into(),
        }
    }

    pub(crate) fn not_allowed(reason: impl Into<String>) -> Self {
        Error::UrlNotAllowed {
            reason: reason.into(),
        }
    }

    pub(crate) fn fetch(url: &Url, reason: impl Into<String>) -> Self {
        Error::FetchFailed {
            url: url.clone(),
            reason: reason.into(),
        }
    }
}
