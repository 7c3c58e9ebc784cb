//! The one piece loop that both [`crate::Guardrail::redact`] and
//! [`crate::StreamRedactor`] run, so that batch and stream cannot disagree.

use crate::detect::{Cand, Scratch};
use crate::guardrail::Inner;
use crate::redaction::Span;
use crate::segment::{Piece, Scan, resume};
use crate::text::{ceil_boundary, next_foldable};

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
        // Text passes through unchanged except where a span is replaced, so it is copied
        // to `out` in long runs: `copied` is how far it has been.
        let mut copied = start;
        let mut fold = NextFold::default();
        loop {
            let piece = match resume(&buf[pos..], self.scan, eof) {
                Ok(piece) => piece,
                Err(scan) => {
                    self.scan = scan;
                    out.push_str(&buf[copied..pos]);
                    return pos;
                }
            };
            let Piece {
                active,
                quiet,
                next,
            } = piece;
            let (a_end, q_end) = (pos + active, pos + active + quiet);
            if active > 0 {
                let left = ceil_boundary(buf, pos.saturating_sub(LEFT_CONTEXT));
                let fold_from = fold
                    .within(buf.as_bytes(), left, q_end)
                    .then(|| fold.at - left);
                g.detectors().detect(
                    &buf[left..q_end],
                    pos - left,
                    a_end - left,
                    fold_from,
                    &mut self.scratch,
                    &mut self.cands,
                );
                for c in &self.cands {
                    let (s, e) = (pos + c.start, pos + c.end);
                    if g.allowed(&buf[s..e]) {
                        continue;
                    }
                    out.push_str(&buf[copied..s]);
                    let placeholder = g.placeholders().get(c.label);
                    out.push_str(placeholder);
                    spans.push(Span {
                        start: self.consumed + c.start,
                        end: self.consumed + c.end,
                        label: c.label,
                        placeholder: placeholder.to_owned(),
                    });
                    copied = e;
                }
            }
            self.consumed += active + quiet;
            self.scan = next.unwrap_or_else(|| Scan::start(buf[pos..q_end].chars().next_back()));
            pos = q_end;
        }
    }

    /// The bytes consumed so far.
    pub fn consumed(&self) -> usize {
        self.consumed
    }
}

/// Where the next character that width folding may change lies, found by a scan that
/// only moves forward: each byte is looked at about once, not once per window.
#[derive(Debug)]
struct NextFold {
    from: usize,
    at: usize,
}

impl Default for NextFold {
    fn default() -> Self {
        NextFold {
            from: usize::MAX,
            at: 0,
        }
    }
}

impl NextFold {
    /// Whether `b[l..r]` may need folding; `l` never decreases between calls. When it
    /// does, `self.at` is the first position at or after `l` that may.
    fn within(&mut self, b: &[u8], l: usize, r: usize) -> bool {
        if l < self.from || self.at < l {
            self.at = next_foldable(b, l);
            self.from = l;
        }
        self.at < r
    }
}
