//! PDF text through `pdf-extract` on `lopdf`, isolated from its panics and its worst cases.
//!
//! Both crates are pure Rust and maintained; `pdf-extract` reads fonts' ToUnicode maps, CID
//! fonts (Japanese) and simple encodings, and reports every glyph with its position and size,
//! from which [`layout`] rebuilds lines, paragraphs, headings and list items. Neither crate
//! was written for hostile input, so extraction:
//! - refuses encrypted files before parsing ([`guard::is_encrypted`]);
//! - measures every compressed stream with a bounded inflate while loading, empties image
//!   and exotic-filter streams, and gives up past [`guard::INFLATE_BUDGET`] bytes in total;
//! - runs on its own thread under `catch_unwind`, with a deadline checked glyph by glyph and
//!   a watchdog that stops waiting for a stuck parse after [`TIME_LIMIT`].

mod guard;
mod layout;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use lopdf::{Document as Pdf, LoadOptions, Object};

use crate::{Document, Error};

/// Extraction of one PDF gives up after this long ([`Error::TooComplex`]).
pub const TIME_LIMIT: Duration = Duration::from_secs(30);

/// Extracts the text of a PDF. See the module documentation for the safeguards.
pub(crate) fn extract(bytes: &[u8]) -> Result<Document, Error> {
    if guard::is_encrypted(bytes) {
        return Err(Error::Encrypted);
    }
    let owned = bytes.to_vec();
    let (sender, receiver) = mpsc::sync_channel(1);
    let spawned = std::thread::Builder::new()
        .name("pdf-extract".into())
        .spawn(move || {
            let deadline = Instant::now() + TIME_LIMIT;
            let result = catch_unwind(AssertUnwindSafe(|| extract_here(&owned, deadline)))
                .unwrap_or_else(|_| Err(Error::corrupt("the PDF reader failed on its structure")));
            // The receiver may have stopped waiting; nothing to do then.
            let _ = sender.send(result);
        });
    if let Err(e) = spawned {
        tracing::error!(error = %e, "could not start the PDF extraction thread");
        return Err(Error::TooComplex);
    }
    match receiver.recv_timeout(TIME_LIMIT + Duration::from_secs(5)) {
        Ok(result) => result,
        // The thread is left to finish on its own: Rust cannot stop it, and waiting would
        // block the ingestion worker for good.
        Err(mpsc::RecvTimeoutError::Timeout) => Err(Error::TooComplex),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(Error::corrupt("the PDF reader stopped")),
    }
}

fn extract_here(bytes: &[u8], deadline: Instant) -> Result<Document, Error> {
    guard::reset_budget();
    let options = LoadOptions {
        filter: Some(guard::filter),
        ..LoadOptions::default()
    };
    let loaded = Pdf::load_mem_with_options(bytes, options);
    if guard::budget_exceeded() {
        return Err(Error::TooComplex);
    }
    let pdf = loaded.map_err(|e| Error::corrupt(describe(&e)))?;
    if pdf.is_encrypted() || pdf.was_encrypted() {
        return Err(Error::Encrypted);
    }
    if pdf.get_pages().is_empty() {
        return Err(Error::corrupt("it has no pages"));
    }
    let mut output = layout::Collector::new(deadline);
    let outcome = pdf_extract::output_doc(&pdf, &mut output);
    match output.stop() {
        Some(layout::Stop::Deadline) => return Err(Error::TooComplex),
        Some(layout::Stop::Full) => {}
        None => {
            if let Err(e) = outcome {
                // Text from the pages read so far is still worth keeping.
                if output.is_empty() {
                    return Err(Error::corrupt(e.to_string()));
                }
                tracing::warn!(error = %e, "PDF extraction stopped early");
            }
        }
    }
    let mut doc = output.finish();
    if let Some(title) = info_title(&pdf) {
        doc.title = Some(title);
    } else if doc.title.is_none() {
        doc.title = doc
            .blocks
            .iter()
            .find(|b| matches!(b.kind, crate::BlockKind::Heading(_)))
            .map(|b| b.text.clone());
    }
    Ok(doc)
}

fn describe(error: &lopdf::Error) -> String {
    match error {
        lopdf::Error::Parse(_) | lopdf::Error::Xref(_) | lopdf::Error::InvalidOffset(_) => {
            "its structure is broken or the file is cut short".into()
        }
        other => other.to_string(),
    }
}

/// The document information dictionary's /Title, when it holds text.
fn info_title(pdf: &Pdf) -> Option<String> {
    let info = pdf.trailer.get(b"Info").ok()?;
    let info = match info {
        Object::Reference(id) => pdf.get_dictionary(*id).ok()?,
        Object::Dictionary(d) => d,
        _ => return None,
    };
    let raw = match info.get(b"Title").ok()? {
        Object::String(bytes, _) => bytes,
        _ => return None,
    };
    let title = if let Some(utf16) = raw.strip_prefix(b"\xfe\xff") {
        encoding_rs::UTF_16BE
            .decode_without_bom_handling(utf16)
            .0
            .into_owned()
    } else if let Some(utf8) = raw.strip_prefix(b"\xef\xbb\xbf") {
        String::from_utf8_lossy(utf8).into_owned()
    } else {
        // PDFDocEncoding agrees with Latin-1 on printable characters.
        raw.iter().map(|b| char::from(*b)).collect()
    };
    let title = crate::document::normalise(&title);
    (!title.is_empty() && !is_placeholder(&title)).then_some(title)
}

/// Office tools fill /Title with the file name or "Untitled"; a heading says more.
fn is_placeholder(title: &str) -> bool {
    let lower = title.to_lowercase();
    let file_name = [
        ".doc", ".docx", ".ppt", ".pptx", ".xls", ".xlsx", ".pdf", ".txt", ".odt",
    ]
    .iter()
    .any(|ext| lower.ends_with(ext));
    file_name || lower.starts_with("microsoft ") || lower == "untitled" || lower == "無題"
}
