//! The one piece loop that both [`crate::Guardrail::redact`] and
//! [`crate::StreamRedactor`] run, so that batch and stream cannot disagree.

use crate::detect::Cand;
use crate::guardrail::Inner;
use crate::redaction::Span;
use crate::segment::{Piece, Scan, resume};

/// Bytes of already-consumed text the detectors see as left context.
pub(crate) const LEFT_CONTEXT: usize = 64;

/// State carried from one piece to the next.
#[derive(Debug, Default)]
pub(crate) struct Driver {
    /// Original text just before the unconsumed input (at most [`LEFT_CONTEXT`] bytes).
    tail: String,
    /// Bytes consumed so far: the offset of the next piece in the whole text.
    consumed: usize,
    /// Where the scan of the unconsumed input stopped for lack of text.
    scan: Scan,
    cands: Vec<Cand>,
}

impl Driver {
    /// Consumes every piece of `buf` that can be decided (all of it when `eof`), writing
    /// the redacted text to `out` and the spans to `spans`. Returns the bytes consumed.
    pub fn run(
        &mut self,
        g: &Inner,
        buf: &str,
        eof: bool,
        out: &mut String,
        spans: &mut Vec<Span>,
    ) -> usize {
        let mut pos = 0;
        loop {
            let piece = match resume(&buf[pos..], self.scan, eof) {
                Ok(piece) => piece,
                Err(scan) => {
                    self.scan = scan;
                    return pos;
                }
            };
            let Piece { active, quiet } = piece;
            let (a, q) = (
                &buf[pos..pos + active],
                &buf[pos + active..pos + active + quiet],
            );
            self.emit(g, a, q, out, spans);
            out.push_str(q);
            self.advance(&buf[pos..pos + active + quiet]);
            pos += active + quiet;
        }
    }

    /// The bytes consumed so far.
    pub fn consumed(&self) -> usize {
        self.consumed
    }

    fn emit(
        &mut self,
        g: &Inner,
        active: &str,
        right: &str,
        out: &mut String,
        spans: &mut Vec<Span>,
    ) {
        if active.is_empty() {
            return;
        }
        g.detectors()
            .detect(&self.tail, active, right, &mut self.cands);
        let mut at = 0;
        for c in &self.cands {
            let value = &active[c.start..c.end];
            if g.allowed(value) {
                continue;
            }
            out.push_str(&active[at..c.start]);
            let placeholder = g.placeholders().get(c.label);
            out.push_str(placeholder);
            spans.push(Span {
                start: self.consumed + c.start,
                end: self.consumed + c.end,
                label: c.label,
                placeholder: placeholder.to_owned(),
            });
            at = c.end;
        }
        out.push_str(&active[at..]);
    }

    fn advance(&mut self, text: &str) {
        self.consumed += text.len();
        self.scan = Scan::start(text.chars().next_back());
        if text.len() >= LEFT_CONTEXT {
            let from = ceil(text, text.len() - LEFT_CONTEXT);
            self.tail.clear();
            self.tail.push_str(&text[from..]);
        } else {
            self.tail.push_str(text);
            if self.tail.len() > LEFT_CONTEXT {
                let from = ceil(&self.tail, self.tail.len() - LEFT_CONTEXT);
                self.tail.drain(..from);
            }
        }
    }
}

fn ceil(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}
