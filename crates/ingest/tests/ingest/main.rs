//! Integration tests of mimi-ingest: generated PDFs, files through sniff and extract, and a
//! local test site for the fetcher.

// Helpers outside #[test] functions panic on failure too: they are test code.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod files;
mod pdf;
mod pdfs;
mod site;
