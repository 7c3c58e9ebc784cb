//! The one piece loop that both [`crate::Guardrail::redact`] and
//! [`crate::StreamRedactor`] run, so that batch and stream cannot disagree.

use std::collections::VecDeque;

use crate::Label;
use crate::detect::{Cand, Scratch, Window};
use crate::guardrail::Inner;
use crate::known::Known;
use crate::redaction::Span;
use crate::segment::{DECISION_WINDOW, Piece, Scan, resume};
use crate::table::{LazyTable, Table};
use crate::text::{ceil_boundary, floor_boundary, next_foldable};

/// Bytes of already-consumed text the detectors see as left context.
pub(crate) const LEFT_CONTEXT: usize = 64;

/// Bytes after an active piece's quiet unit the detectors see as right context ("Diego
/// from our quotes team", "林がご案内します"): a piece waits for them, or for the end.
/// At least this many; see [`right_reach`].
pub(crate) const RIGHT_CONTEXT: usize = 24;

/// The most bytes of right context, which every piece but the longest gets ("I'm
/// Willow, Cedarbrook's virtual assistant": a bot's name).
pub(crate) const RIGHT_CONTEXT_LONG: usize = 48;

/// The right context of an active piece whose active part and quiet unit together are
/// `len` bytes long: [`RIGHT_CONTEXT_LONG`] bytes where the piece leaves that much room
/// under [`MAX_HOLD_BACK`] (the most a stream holds back: [`DECISION_WINDOW`] plus
/// [`RIGHT_CONTEXT`]), else the room there is, and never less than [`RIGHT_CONTEXT`].
/// It depends on the piece alone, so batch and stream agree.
///
/// [`MAX_HOLD_BACK`]: crate::MAX_HOLD_BACK
fn right_reach(len: usize) -> usize {
    RIGHT_CONTEXT + (RIGHT_CONTEXT_LONG - RIGHT_CONTEXT).min(DECISION_WINDOW.saturating_sub(len))
}

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
    /// The window's characters that folding may change.
    hits: Vec<usize>,
    /// Where the last name found ends, in the whole text.
    last_person: Option<usize>,
    /// The Markdown table the consumed text ends in, if any.
    table: Table,
    /// The parts of the names found so far.
    known: Known,
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
        // The table state is brought up to date only when a detector asks for it, or
        // when this call returns: `buf[fed..pos]` is consumed text not yet fed to it.
        let mut fed = start;
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
                    self.table.feed(&buf.as_bytes()[fed..pos]);
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
                // Only the name rules read the right context, and only from a capital
                // or a Japanese character (lead bytes E3 to EF; not `’`, E2): a piece
                // without one ("," or "it’s") does not wait for it.
                let wordy = buf.as_bytes()[pos..a_end]
                    .iter()
                    .any(|&b| b.is_ascii_uppercase() || b >= 0xE3);
                let reach = if wordy { right_reach(q_end - pos) } else { 0 };
                // The right context ends at the end of the sentence, or `reach` bytes
                // on. It must be all there, or the text must be complete: else the
                // piece is decided again once more text has come.
                let b = buf.as_bytes();
                let to = (q_end + reach).min(b.len());
                let (ends, stop) = if wordy {
                    (
                        sentence_end(b, a_end, q_end, eof),
                        sentence_end(b, q_end, to, eof),
                    )
                } else {
                    (Stop::None, Stop::None)
                };
                let right = match (ends, stop) {
                    _ if !wordy => Some(q_end),
                    (Stop::At(_), _) => Some(q_end),
                    (_, Stop::At(k)) => Some(k),
                    (Stop::Undecided, _) | (_, Stop::Undecided) => None,
                    _ if !eof && q_end + reach > b.len() => None,
                    _ => Some(floor_boundary(buf, to)),
                };
                let Some(right) = right else {
                    // The next attempt decides this piece again from its start: a
                    // scan resumed where an earlier one stopped for text would read
                    // an apostrophe differently once the text is complete.
                    self.scan = Scan::start(buf[..pos].chars().next_back());
                    out.push_str(&buf[copied..pos]);
                    self.table.feed(&buf.as_bytes()[fed..pos]);
                    return pos;
                };
                let left = ceil_boundary(buf, pos.saturating_sub(LEFT_CONTEXT));
                fold.hits(buf.as_bytes(), left, right, &mut self.hits);
                let table = LazyTable::new(self.table, &buf.as_bytes()[fed..pos]);
                let window = Window {
                    text: &buf[left..right],
                    lo: pos - left,
                    hi: a_end - left,
                    qhi: q_end - left,
                    // The end of the last name, when it lies in the left context.
                    prev_person: self
                        .last_person
                        .and_then(|p| (p + pos).checked_sub(self.consumed))
                        .filter(|&p| p >= left && p <= pos)
                        .map(|p| p - left),
                    table: &table,
                    known: &self.known,
                };
                g.detectors()
                    .detect(&window, &self.hits, &mut self.scratch, &mut self.cands);
                if table.is_fed() {
                    self.table = table.get();
                    fed = pos;
                }
                for c in &self.cands {
                    let (s, e) = (pos + c.start, pos + c.end);
                    if c.label == Label::Person {
                        self.last_person = Some(self.consumed + c.end);
                        self.known.add(&buf[s..e]);
                    }
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

/// Where a sentence ends in `b[from..to]`, if it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// At this offset.
    At(usize),
    /// Not before a full stop that is the last byte of the text so far: whether it ends
    /// the sentence depends on what comes next.
    Undecided,
    /// Nowhere.
    None,
}

/// The first character in `b[from..to]` that ends a sentence (`.`, `!`, `?`, a line
/// break, `。`, `！`, `？`). A full stop before a letter or a digit ends none: it is
/// inside an address, a number or a name ("brian.o@…", "3.5", "www.example.com"),
/// and the right context goes on past it. `eof`: `b` is the whole text.
fn sentence_end(b: &[u8], from: usize, to: usize, eof: bool) -> Stop {
    const IDEOGRAPHIC_STOP: [u8; 3] = [0xE3, 0x80, 0x82];
    // Most bytes start no terminator: one table look-up settles them.
    static MAY_END: [bool; 256] = {
        let mut t = [false; 256];
        t[b'.' as usize] = true;
        t[b'!' as usize] = true;
        t[b'?' as usize] = true;
        t[b'\n' as usize] = true;
        t[0xE3] = true;
        t[0xEF] = true;
        t
    };
    for k in from..to {
        if !MAY_END[b[k] as usize] {
            continue;
        }
        let ends = match b[k] {
            b'.' => match b.get(k + 1) {
                Some(next) => !next.is_ascii_alphanumeric(),
                None if eof => true,
                None => return Stop::Undecided,
            },
            b'!' | b'?' | b'\n' => true,
            0xE3 => b.get(k..k + 3) == Some(&IDEOGRAPHIC_STOP[..]),
            // `！` and `？`: EF BC 81 and EF BC 9F.
            0xEF => matches!(b.get(k + 1..k + 3), Some([0xBC, 0x81 | 0x9F])),
            _ => false,
        };
        if ends {
            return Stop::At(k);
        }
    }
    Stop::None
}

/// The characters that width folding may change, found by a scan that only moves
/// forward: each byte is looked at once, however many windows it belongs to, and
/// folding a window needs no search of its own.
#[derive(Debug, Default)]
struct NextFold {
    /// Every such character from the current window's start up to `scanned`, and
    /// perhaps the first after it.
    at: VecDeque<usize>,
    /// The scan has covered `b[..scanned]`.
    scanned: usize,
}

impl NextFold {
    /// The offsets in `b[l..r]` (relative to `l`) of the characters folding may change
    /// there, as [`next_foldable`] on `b[l..r]` finds them, into `out`. `l` and `r`
    /// never decrease between calls.
    fn hits(&mut self, b: &[u8], l: usize, r: usize, out: &mut Vec<usize>) {
        while self.at.front().is_some_and(|&p| p < l) {
            self.at.pop_front();
        }
        self.scanned = self.scanned.max(l);
        while self.scanned < r {
            let p = next_foldable(b, self.scanned);
            if p < b.len() {
                self.at.push_back(p);
            }
            self.scanned = p + 1;
        }
        out.clear();
        // The scan of the whole text takes a prolonged sound mark right after a digit;
        // on the window alone, the window's first character has nothing before it.
        let first_mark = b.get(l..l + 3) == Some("ー".as_bytes());
        out.extend(
            self.at
                .iter()
                .take_while(|&&p| p < r)
                .filter(|&&p| !(p == l && first_mark))
                .map(|&p| p - l),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `next_foldable` finds on `b[l..r]` alone, one after the other.
    fn on_window(b: &[u8], l: usize, r: usize) -> Vec<usize> {
        let w = &b[l..r];
        let mut out = Vec::new();
        let mut at = next_foldable(w, 0);
        while at < w.len() {
            out.push(at);
            at = next_foldable(w, at + 1);
        }
        out
    }

    #[test]
    fn sentences_end_at_stops_and_line_breaks_in_either_script() {
        let ends = |t: &'static str| match sentence_end(t.as_bytes(), 0, t.len(), true) {
            Stop::At(k) => Some(&t[..k]),
            _ => None,
        };
        assert_eq!(
            ends("Diego from our team. Then"),
            Some("Diego from our team")
        );
        assert_eq!(ends("林がご案内します。次"), Some("林がご案内します"));
        assert_eq!(ends("ご確認ください！"), Some("ご確認ください"));
        assert_eq!(ends("よろしいですか？"), Some("よろしいですか"));
        assert_eq!(ends("line\nnext"), Some("line"));
        assert_eq!(ends("林、田中「様」ー"), None);
        // A full stop inside an address or a number ends nothing.
        assert_eq!(
            ends("Brian at brian.o@x.ie, v2.5 now. Then"),
            Some("Brian at brian.o@x.ie, v2.5 now")
        );
        assert_eq!(ends("Brian at brian.o@x.ie"), None);
        // One at the end of the text so far waits for what follows.
        let b = "to Brian at brian.".as_bytes();
        assert_eq!(sentence_end(b, 0, b.len(), false), Stop::Undecided);
        assert_eq!(sentence_end(b, 0, b.len(), true), Stop::At(b.len() - 1));
        assert_eq!(sentence_end(b, 0, b.len() - 1, false), Stop::None);
    }

    #[test]
    fn the_forward_scan_finds_what_a_scan_of_each_window_finds() {
        let text = "電話０３ー１２ー3 1ー2ー ーa　b 9‐9−9 ﾊｰ1ｰ ａｂ-ｃ x ５ーー ー1ー";
        let texts = [text.to_owned(), text.repeat(3), text.replace(' ', "")];
        for t in &texts {
            let b = t.as_bytes();
            let bounds: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            for width in [1, 2, 5, 13, 40] {
                // Windows whose starts and ends only move forward, as the driver's do.
                let mut fold = NextFold::default();
                let mut got = Vec::new();
                for (k, &l) in bounds.iter().enumerate() {
                    let r = bounds[(k + width).min(bounds.len() - 1)];
                    fold.hits(b, l, r, &mut got);
                    assert_eq!(got, on_window(b, l, r), "{:?}", &t[l..r]);
                }
            }
        }
    }
}
