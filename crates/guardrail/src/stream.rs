//! Streaming redaction of a reply that arrives in chunks (model token deltas).

use crate::Guardrail;
use crate::driver::{Driver, LEFT_CONTEXT, RIGHT_CONTEXT};
use crate::redaction::{Span, StreamEnd};
use crate::segment::DECISION_WINDOW;
use crate::text::ceil_boundary;

/// The most bytes a [`StreamRedactor`] holds back between calls: the longest active
/// piece (192 bytes) plus one quiet unit and look-ahead (232 bytes in all), and the
/// 24 bytes of right context after it (a shorter piece has up to 48 bytes of right
/// context, never passing this bound either). Held-back text is zero when the input so
/// far ends in text that cannot start a match (a finished lower-case word, Japanese
/// punctuation), unless a piece with a capital or a Japanese character (a name) ended
/// less than 48 bytes before, in the same sentence.
pub const MAX_HOLD_BACK: usize = DECISION_WINDOW + RIGHT_CONTEXT;

/// `text` cut into pieces of `size` bytes (at least 1), each rounded up to a character
/// boundary: how `mimi-pii --stream-chunk` and the benchmarks feed the stream.
pub fn chunks(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = ceil_boundary(rest, size.max(1).min(rest.len()));
        let (piece, after) = rest.split_at(cut);
        rest = after;
        Some(piece)
    })
}

/// Redacts one reply chunk by chunk. For every input and every way of cutting it into
/// chunks, the concatenation of everything [`push`](Self::push) returned and the
/// [`finish`](Self::finish) tail equals [`Guardrail::redact`] of the whole input, and
/// the spans are the same.
#[derive(Debug)]
pub struct StreamRedactor {
    guardrail: Guardrail,
    driver: Driver,
    /// The last consumed bytes the detectors need as left context (the first
    /// `context` bytes), then the input not yet consumed.
    pending: String,
    context: usize,
    spans: Vec<Span>,
}

impl StreamRedactor {
    pub(crate) fn new(guardrail: Guardrail) -> Self {
        StreamRedactor {
            guardrail,
            driver: Driver::default(),
            pending: String::new(),
            context: 0,
            spans: Vec::new(),
        }
    }

    /// Adds a chunk and returns the redacted text that is now safe to emit: text that
    /// no later input can turn into part of a match.
    pub fn push(&mut self, chunk: &str) -> String {
        let mut out = String::new();
        self.push_into(chunk, &mut out);
        out
    }

    /// Like [`push`](Self::push), appending to `out` instead of allocating.
    pub fn push_into(&mut self, chunk: &str, out: &mut String) {
        self.pending.push_str(chunk);
        let used = self.driver.run(
            self.guardrail.inner(),
            &self.pending,
            self.context,
            false,
            out,
            &mut self.spans,
        );
        // Keep the left context the next piece needs; drop what lies before it.
        let keep = ceil_boundary(&self.pending, used.saturating_sub(LEFT_CONTEXT));
        self.pending.drain(..keep);
        self.context = used - keep;
    }

    /// Flushes what was held back and returns it with every span of the stream.
    pub fn finish(mut self) -> StreamEnd {
        let mut tail = String::new();
        self.driver.run(
            self.guardrail.inner(),
            &self.pending,
            self.context,
            true,
            &mut tail,
            &mut self.spans,
        );
        StreamEnd {
            tail,
            spans: self.spans,
        }
    }

    /// Spans found so far (offsets into the concatenated input).
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// Bytes of input received but not yet emitted.
    pub fn held_back(&self) -> usize {
        self.pending.len() - self.context
    }

    /// Bytes of input received so far.
    pub fn received(&self) -> usize {
        self.driver.consumed() + self.held_back()
    }
}
