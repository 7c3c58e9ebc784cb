//! The result types of redaction.

use crate::Label;

/// One piece of personal data that was replaced.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    /// UTF-8 byte offset of the first byte in the original text.
    pub start: usize,
    /// UTF-8 byte offset just past the last byte in the original text.
    pub end: usize,
    /// What kind of data it was.
    pub label: Label,
    /// The text that replaced it.
    pub placeholder: String,
}

/// A whole text after redaction.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Redaction {
    /// The text with every span replaced by its placeholder.
    pub text: String,
    /// The replaced spans, in order, with offsets into the original text.
    pub spans: Vec<Span>,
}

/// What a stream still had to say when it was finished.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StreamEnd {
    /// The redacted text that had been held back; emit it after everything `push` returned.
    pub tail: String,
    /// Every span found over the whole stream, with offsets into the concatenated input.
    pub spans: Vec<Span>,
}
