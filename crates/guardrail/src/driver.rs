//! The one piece loop that both [`crate::Guardrail::redact`] and
//! [`crate::StreamRedactor`] run, so that batch and stream cannot disagree.

use crate::detect::{Cand, Scratch};
use crate::guardrail::Inner;
use crate::redaction::Span;
use crate::segment::{Piece, Scan, resume};
use crate::text::ceil_boundary;

/// Bytes of already-consumed text the detectors see as left context.
pub(crate) const LEFT_CONTEXT: usize = 64;

/// State carried from one piece to the next.
#[derive(Debug, Default)]
pub(crate) struct Driver {
    /// Bytes consumed so far: the offset of the next piece in the whole text.
    consumed: usize,
    /// Where the scan of the unconsumed input stopped for lack of text.
    scan: Scan,
    cands: Vec<Cand>,
    /// Buffers the detectors reuse from piece to piece.
    scratch: Scratch,
}

impl Driver {
    /// Consumes every piece of `buf[start..]` that can be decided (all of it when
    /// `eof`), writing the redacted text to `out` and the spans to `spans`. `buf[..start]`
    /// is text consumed earlier: it must hold the last [`LEFT_CONTEXT`] bytes consumed
    /// (or everything consumed, if less), rounded up to a character boundary. Returns
    /// the offset in `buf` up to which the text is consumed.
    pub fn run(
        &mut self,
        g: &Inner,
        buf: &str,
        start: usize,
        eof: bool,
        out: &mut String,
        spans: &mut Vec<Span>,
    ) -> usize {
        let mut pos = start;
        loop {
            let piece = match resume(&buf[pos..], self.scan, eof) {
                Ok(piece) => piece,
                Err(scan) => {
                    self.scan = scan;
                    return pos;
                }
            };
            let Piece { active, quiet } = piece;
            let (a_end, q_end) = (pos + active, pos + active + quiet);
            if active > 0 {
                let left = ceil_boundary(buf, pos.saturating_sub(LEFT_CONTEXT));
                self.emit(g, &buf[left..q_end], pos - left, a_end - left, out, spans);
            }
            out.push_str(&buf[a_end..q_end]);
            self.consumed += active + quiet;
            self.scan = Scan::start(buf[pos..q_end].chars().next_back());
            pos = q_end;
        }
    }

    /// The bytes consumed so far.
    pub fn consumed(&self) -> usize {
        self.consumed
    }

    /// Redacts the active piece `window[lo..hi]`; the window holds its left context
    /// before it and the following quiet unit after it.
    fn emit(
        &mut self,
        g: &Inner,
        window: &str,
        lo: usize,
        hi: usize,
        out: &mut String,
        spans: &mut Vec<Span>,
    ) {
        let active = &window[lo..hi];
        g.detectors()
            .detect(window, lo, hi, &mut self.scratch, &mut self.cands);
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
}
