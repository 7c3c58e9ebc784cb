//! Cutting text into pieces that detection treats independently.
//!
//! The text is cut at *quiet units*: stretches that can never be part of a match —
//! a lower-case English word standing between spaces or sentence punctuation (but not
//! "and"/"or" before a capital), a few capitalised function words (but not "The"
//! or "Great" before a capital, nor "No" before a number), Japanese sentence
//! punctuation, and a run of three or more hiragana that holds no honorific near its start,
//! does not follow or precede a space (a given or a family name may) and does not lead
//! into a name or address.
//! Everything between two quiet units is an *active* piece, which the detectors see
//! together with bounded left and right context.
//!
//! [`next_piece`] decides the next cut from a prefix of the remaining text and says
//! `None` when the decision needs text it has not seen yet. A decision, once made, is
//! the same for every continuation of that prefix: that is what makes the streaming
//! redactor's output equal the batch output. An active piece is at most
//! [`MAX_ACTIVE`] bytes; a longer one is cut at a line break, a soft boundary (or a
//! character boundary) no later than that, so a decision never needs more than
//! [`DECISION_WINDOW`] bytes.

mod words;

use crate::text::{char_at, is_any_digit, is_han, is_hiragana, is_ja_break, is_katakana};
use words::{DIGIT, UPPER, WORD_CLASS, is_quiet_word};

/// Longest active piece, in bytes.
pub(crate) const MAX_ACTIVE: usize = 192;
/// Longest English word that may be quiet, in bytes.
const MAX_WORD: usize = 24;
/// Longest hiragana quiet unit, in characters (a longer run is cut into units).
const MAX_KANA: usize = 8;
/// Most bytes a cut decision can need: an active piece, one quiet unit and two
/// characters of look-ahead (a word of at most [`MAX_WORD`] bytes waiting for what
/// follows its apostrophe is within this too). The stream never holds back more than
/// this.
pub(crate) const DECISION_WINDOW: usize = MAX_ACTIVE + 40;

/// The next piece: `active` bytes for the detectors, then `quiet` bytes passed through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    /// Length of the active part at the start of the buffer.
    pub active: usize,
    /// Length of the quiet unit after it (0 when the piece was cut for length or by the end).
    pub quiet: usize,
    /// Where the scan of the text after the piece stands, when deciding the piece's
    /// end already scanned into it (the word that ended a run of quiet units); else
    /// the scan starts afresh after the piece's last character.
    pub next: Option<Scan>,
}

impl Piece {
    fn new(active: usize, quiet: usize) -> Self {
        Piece {
            active,
            quiet,
            next: None,
        }
    }
}

enum Quiet {
    Yes(usize),
    No(usize),
    NeedMore,
}

/// Where a scan that needed more text stopped, so the next attempt can resume there.
/// Every position before `i` is known not to start a quiet unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Scan {
    i: usize,
    prev: Option<char>,
    soft: Soft,
}

/// Where an active piece longer than [`MAX_ACTIVE`] may be cut: after its last soft
/// break, and after its last line break, within the first [`MAX_ACTIVE`] bytes (0:
/// none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Soft {
    any: usize,
    line: usize,
}

impl Soft {
    /// Where to cut. A line break first: a Markdown table or list runs on for hundreds
    /// of bytes without a quiet unit, and a row or an item is never cut inside
    /// ("| (503) 555-0166 |"). Else the last soft break in the second half, so that
    /// pieces are not small; else a character boundary.
    fn cut(self, buf: &str) -> usize {
        if self.line > 0 {
            self.line
        } else if self.any > MAX_ACTIVE / 2 {
            self.any
        } else {
            hard_cut(buf)
        }
    }

    /// After a soft break (a line break when `line`) that ends at `next`.
    fn after(self, next: usize, line: bool) -> Soft {
        if next > MAX_ACTIVE {
            return self;
        }
        Soft {
            any: next,
            line: if line { next } else { self.line },
        }
    }
}

impl Scan {
    /// A scan from the start of a buffer whose preceding character is `prev`.
    pub fn start(prev: Option<char>) -> Self {
        Scan {
            i: 0,
            prev,
            soft: Soft::default(),
        }
    }
}

/// Decides the next piece of `buf`. `prev` is the character before `buf`; `eof` says
/// that nothing follows `buf`.
#[cfg(test)]
pub(crate) fn next_piece(buf: &str, prev: Option<char>, eof: bool) -> Option<Piece> {
    resume(buf, Scan::start(prev), eof).ok()
}

/// Continues `scan` over `buf` (which only grew since the scan stopped). Returns the
/// next piece, or the scan state to resume from once more text arrives.
pub(crate) fn resume(buf: &str, scan: Scan, eof: bool) -> Result<Piece, Scan> {
    let Scan {
        mut i,
        prev: mut prev_c,
        mut soft,
    } = scan;
    let b = buf.as_bytes();
    loop {
        if i > MAX_ACTIVE {
            return Ok(Piece::new(soft.cut(buf), 0));
        }
        let q = match b.get(i) {
            // ASCII, most of the text: only a word can start a quiet unit here.
            Some(&x) if x.is_ascii() => {
                if i == 0 && is_ascii_space(x) {
                    return Ok(quiet_run(buf, 1, eof));
                }
                if x.is_ascii_alphanumeric() {
                    word_unit(buf, i, prev_c, eof)
                } else if !eof
                    && x == b'\''
                    && i > 0
                    && prev_c.is_some_and(|p| p.is_ascii_alphanumeric())
                {
                    // An apostrophe after a word that was decided (not quiet) before
                    // the apostrophe arrived. When a letter follows, one scan of the
                    // whole text would have taken the apostrophe and what follows into
                    // that word: step over the apostrophe keeping the letter before it,
                    // so the rest is scanned as the same word. With the text complete
                    // (`eof`: batch, and the stream's finish, which adds no text) the
                    // word before took in any apostrophe a letter follows.
                    match b.get(i + 1) {
                        None => Quiet::NeedMore,
                        Some(n) if n.is_ascii_alphabetic() => {
                            i += 1;
                            continue;
                        }
                        _ => Quiet::No(1),
                    }
                } else {
                    Quiet::No(1)
                }
            }
            _ => {
                let Some(c) = char_at(buf, i) else {
                    return match (eof, i > 0) {
                        (true, true) => Ok(Piece::new(i, 0)),
                        _ => Err(Scan {
                            i,
                            prev: prev_c,
                            soft,
                        }),
                    };
                };
                // Whitespace that opens a piece cannot start a match: pass it through at once.
                if i == 0 && c.is_whitespace() {
                    return Ok(quiet_run(buf, c.len_utf8(), eof));
                }
                // A run of kanji, katakana and other characters that neither start a
                // quiet unit nor are soft breaks is stepped over at once: one character
                // at a time, each would give `Quiet::No` and leave `soft` as it is.
                if is_plain(c) {
                    let (next, last) = plain_run(buf, i + c.len_utf8(), c);
                    prev_c = Some(last);
                    i = next;
                    continue;
                }
                quiet_at(buf, i, c, prev_c, eof)
            }
        };
        match q {
            Quiet::Yes(len) if i == 0 => return Ok(quiet_run(buf, len, eof)),
            Quiet::Yes(len) => return Ok(Piece::new(i, len)),
            Quiet::NeedMore => {
                return Err(Scan {
                    i,
                    prev: prev_c,
                    soft,
                });
            }
            Quiet::No(len) => {
                (i, prev_c, soft) = step(buf, i + len, soft);
            }
        }
    }
}

/// The scan state after a unit that is not quiet and ends at `next`.
fn step(buf: &str, next: usize, soft: Soft) -> (usize, Option<char>, Soft) {
    let prev = match buf.as_bytes().get(next.wrapping_sub(1)) {
        Some(&b) if b.is_ascii() => {
            // The ASCII soft breaks: whitespace and `, ; ! ?`.
            let soft_break = is_ascii_space(b) || matches!(b, b',' | b';' | b'!' | b'?');
            let soft = if soft_break {
                soft.after(next, b == b'\n')
            } else {
                soft
            };
            return (next, Some(char::from(b)), soft);
        }
        _ => buf[..next].chars().next_back(),
    };
    let soft = if prev.is_some_and(is_soft_break) {
        soft.after(next, false)
    } else {
        soft
    };
    (next, prev, soft)
}

/// ASCII whitespace, as `char::is_whitespace` has it.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// A piece with no active part whose first unit ends at `end`, extended by
/// [`more_quiet`].
fn quiet_run(buf: &str, end: usize, eof: bool) -> Piece {
    let (quiet, next) = more_quiet(buf, end, eof);
    Piece {
        active: 0,
        quiet,
        next,
    }
}

/// Extends a piece with no active part that ends at `end` over the pieces with no
/// active part that follow it and can be decided now: whitespace and quiet units. Each
/// is what the scan would return next, tested exactly as that scan would test it (on
/// the rest of `buf`, after the same character), so taking them in one piece changes
/// no decision; it saves a round through the piece loop for every lower-case word.
///
/// When it stops at a word that is not quiet, it also returns the state the next scan
/// would reach after that word, so that the word is not scanned twice.
fn more_quiet(buf: &str, mut end: usize, eof: bool) -> (usize, Option<Scan>) {
    let b = buf.as_bytes();
    loop {
        let Some(&x) = b.get(end) else {
            return (end, None);
        };
        if is_ascii_space(x) {
            end += 1;
            continue;
        }
        let prev = match b[end - 1] {
            p if p.is_ascii() => Some(char::from(p)),
            _ => buf[..end].chars().next_back(),
        };
        if x.is_ascii() {
            if !x.is_ascii_alphanumeric() {
                return (end, None);
            }
            // What the next scan would do first, at its start: the same word test on
            // the same text after the same character.
            match word_unit(&buf[end..], 0, prev, eof) {
                Quiet::Yes(len) => end += len,
                Quiet::NeedMore => return (end, None),
                Quiet::No(len) => {
                    let (i, prev, soft) = step(&buf[end..], len, Soft::default());
                    return (end, Some(Scan { i, prev, soft }));
                }
            }
            continue;
        }
        let rest = &buf[end..];
        let Some(c) = rest.chars().next() else {
            return (end, None);
        };
        if c.is_whitespace() {
            end += c.len_utf8();
            continue;
        }
        match quiet_at(rest, 0, c, prev, eof) {
            Quiet::Yes(len) => end += len,
            Quiet::No(_) | Quiet::NeedMore => return (end, None),
        }
    }
}

/// A non-ASCII character that cannot start a quiet unit and is no soft break (see
/// [`quiet_at`] and [`is_soft_break`]): kanji, katakana, full-width forms, symbols.
#[inline]
fn is_plain(c: char) -> bool {
    if c > '\u{3000}' {
        !is_hiragana(c) && !is_ja_break(c)
    } else {
        !c.is_ascii() && !c.is_whitespace()
    }
}

/// The end of the run of plain characters from `i` on (`prev` is the character before
/// `i`, itself plain) and the run's last character.
fn plain_run(buf: &str, mut i: usize, mut prev: char) -> (usize, char) {
    let b = buf.as_bytes();
    while b.get(i).is_some_and(|&x| x >= 0x80) {
        match char_at(buf, i) {
            Some(c) if is_plain(c) => {
                prev = c;
                i += c.len_utf8();
            }
            _ => break,
        }
    }
    (i, prev)
}

fn is_soft_break(c: char) -> bool {
    c.is_whitespace() || is_ja_break(c) || is_hiragana(c) || matches!(c, ',' | ';' | '!' | '?')
}

/// A cut at a character boundary no later than [`MAX_ACTIVE`], but not between a
/// half-width kana and the voiced or semi-voiced mark after it: folding joins the two
/// into one character ("ｽﾞ" to "ズ"), and a span found across such a cut would end
/// past the piece. `buf` holds more than [`MAX_ACTIVE`] bytes.
fn hard_cut(buf: &str) -> usize {
    let cut = crate::text::floor_boundary(buf, MAX_ACTIVE);
    let half_width_kana = |c: char| ('\u{FF66}'..='\u{FF9D}').contains(&c);
    if buf[cut..].starts_with(['\u{FF9E}', '\u{FF9F}'])
        && buf[..cut].chars().next_back().is_some_and(half_width_kana)
    {
        // Half-width kana are three bytes long.
        cut - 3
    } else {
        cut
    }
}

fn quiet_at(buf: &str, i: usize, c: char, prev: Option<char>, eof: bool) -> Quiet {
    if is_ja_break(c) {
        return Quiet::Yes(c.len_utf8());
    }
    if is_hiragana(c) {
        return kana_unit(buf, i, prev, eof);
    }
    if c.is_ascii_alphanumeric() {
        return word_unit(buf, i, prev, eof);
    }
    Quiet::No(c.len_utf8())
}

fn word_unit(buf: &str, i: usize, prev: Option<char>, eof: bool) -> Quiet {
    // Bytes only: the word is ASCII (with perhaps a `’`), and what follows is decoded
    // only when it is not.
    let bytes = &buf.as_bytes()[i..];
    let (mut end, mut seen) = (0, 0u8);
    // One pass over the word notes what the checks below need.
    loop {
        while let Some(&b) = bytes.get(end) {
            let class = WORD_CLASS[b as usize];
            if class == 0 {
                break;
            }
            seen |= class;
            end += 1;
        }
        let next_alpha = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_alphabetic);
        match bytes.get(end) {
            Some(b'\'') if end > 0 && next_alpha(end + 1) => end += 1,
            Some(0xE2)
                if end > 0 && bytes[end..].starts_with("’".as_bytes()) && next_alpha(end + 3) =>
            {
                end += 3
            }
            _ => break,
        }
    }
    // Markdown's emphasis marks (`*My Requests*`) stand where a space would.
    let starts_ok = prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«' | '*')
    });
    // Not quiet, however the word goes on. When it goes on past the text received,
    // the next scan resumes inside it, after a letter (or at an apostrophe, which
    // [`resume`] then steps over without forgetting the letter before it).
    if !starts_ok || end > MAX_WORD || seen & DIGIT != 0 {
        return Quiet::No(end);
    }
    // The word may go on past the text received: it ends the text, or only an
    // apostrophe follows it, and a letter after that would join it.
    if !eof && matches!(&bytes[end..], [] | [b'\''] | [0xE2, 0x80, 0x99]) {
        return Quiet::NeedMore;
    }
    if !is_quiet_word(&bytes[..end], seen & UPPER != 0) {
        return Quiet::No(end);
    }
    // "and" or "or" before a capital may join two names ("Bridget and Declan"): the
    // name rules must see both, so it is not quiet there. "The" and "Great" before a
    // capital may open the name of a building or a place in an address ("The Old
    // Forge, 3 Mill Lane", "Great Missenden"); "upon" joins a town's words ("Newcastle
    // upon Tyne").
    if matches!(&bytes[..end], b"and" | b"or" | b"The" | b"Great" | b"upon") {
        match &bytes[end..] {
            [b' '] | [] if !eof => return Quiet::NeedMore,
            [b' ', c, ..] if c.is_ascii_uppercase() => return Quiet::No(end),
            _ => {}
        }
    }
    // "No. 12 Ashgrove Terrace": "No" before a number opens a house number.
    if &bytes[..end] == b"No" {
        match &bytes[end..] {
            [] | [b'.'] | [b'.', b' '] | [b' '] if !eof => return Quiet::NeedMore,
            [b'.', b' ', d, ..] | [b' ', d, ..] if d.is_ascii_digit() => return Quiet::No(end),
            _ => {}
        }
    }
    match after_word(buf, i + end, eof) {
        Some(true) => Quiet::Yes(end),
        Some(false) => Quiet::No(end),
        None => Quiet::NeedMore,
    }
}

/// Whether what follows a word ending at `at` lets it be quiet; `None` when more
/// text is needed.
fn after_word(buf: &str, at: usize, eof: bool) -> Option<bool> {
    // Most words are followed by a space: settle that without decoding.
    match buf.as_bytes().get(at) {
        Some(b' ' | b'\n' | b',') => return Some(true),
        Some(b) if b.is_ascii_alphanumeric() => return Some(false),
        _ => {}
    }
    let mut chars = buf[at..].chars();
    let Some(n) = chars.next() else {
        return eof.then_some(true);
    };
    if n.is_whitespace()
        || matches!(
            n,
            ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '"' | '\'' | '”' | '’' | '*'
        )
    {
        return Some(true);
    }
    if n != '.' {
        return Some(false);
    }
    match chars.next() {
        None => eof.then_some(true),
        Some(n2) => Some(n2.is_whitespace() || matches!(n2, ')' | ']' | '"' | '\'' | '”' | '’')),
    }
}

fn kana_unit(buf: &str, i: usize, prev: Option<char>, eof: bool) -> Quiet {
    let rest = &buf[i..];
    let mut count = 0;
    let mut end = 0;
    for c in rest.chars() {
        if !is_hiragana(c) {
            break;
        }
        count += 1;
        end += c.len_utf8();
    }
    let complete = end < rest.len() || eof;
    // The rest of a run cut before, and a run after a space (a given name after its
    // family name: "石井 まゆみまで") or in emphasis marks ("**ゆうき**さん", which the
    // detectors drop), are not quiet: the name rules must see them. The whole run is
    // one unit, and its end is a soft break, so its length must not depend on how
    // much of it has come: wait for its end, unless the run already reaches past
    // the longest piece, which is then cut where it would be anyway.
    let after_hiragana = i > 0 && prev.is_some_and(is_hiragana);
    if after_hiragana || prev.is_some_and(|p| p == ' ' || p == '\u{3000}' || p == '*') {
        return if complete || i + end > MAX_ACTIVE {
            Quiet::No(end.max(1))
        } else {
            Quiet::NeedMore
        };
    }
    // A honorific near the start of the run shows a given name in kana before it
    // ("ひろみさん、", "あおいちゃんとゆいちゃんの"): the name rules must see it. The
    // test reads at most `MAX_KANA + 2` characters, so a long run is decided as soon
    // as those have come.
    if count <= MAX_KANA + 2 && !complete {
        return Quiet::NeedMore;
    }
    // Hiragana are three bytes each.
    let head = &rest.as_bytes()[..end.min(3 * (MAX_KANA + 2))];
    if has_kana_honorific(head) {
        return Quiet::No(head.len());
    }
    if count > MAX_KANA {
        let cut = rest.char_indices().nth(MAX_KANA).map_or(end, |(p, _)| p);
        return Quiet::Yes(cut);
    }
    let Some(next) = rest[end..].chars().next() else {
        return if eof {
            kana_tail(&rest[..end], count)
        } else {
            Quiet::NeedMore
        };
    };
    // Before a space, a hiragana run may be a family name before its given name
    // ("たなか ゆみ様"): the name rules must see both.
    if count < 3
        || is_han(next)
        || is_katakana(next)
        || is_any_digit(next)
        || next == ' '
        || next == '\u{3000}'
        || next == '*'
    {
        return Quiet::No(end);
    }
    kana_tail(&rest[..end], count)
}

/// Whether the hiragana `run` (UTF-8, three bytes a character) holds a honorific a
/// given name in kana stands before: さん, さま, くん or ちゃん.
fn has_kana_honorific(run: &[u8]) -> bool {
    // さ, く and ち are E3 81 95, E3 81 8F and E3 81 A1; ん, ま and ゃ end in B3, BE
    // and 83 (ん is E3 82 93).
    let at = |i: usize| run.get(i + 1..i + 3);
    (0..run.len()).step_by(3).any(|i| match at(i) {
        Some([0x81, 0x95]) => matches!(at(i + 3), Some([0x82, 0x93] | [0x81, 0xBE])),
        Some([0x81, 0x8F]) => at(i + 3) == Some(&[0x82, 0x93]),
        Some([0x81, 0xA1]) => at(i + 3) == Some(&[0x82, 0x83]) && at(i + 6) == Some(&[0x82, 0x93]),
        _ => false,
    })
}

fn kana_tail(run: &str, count: usize) -> Quiet {
    if count < 3 {
        Quiet::No(run.len())
    } else {
        Quiet::Yes(run.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_test_for_kana_honorifics_agrees_with_the_strings() {
        let honorifics = ["さん", "くん", "ちゃん", "さま"];
        let kana: Vec<char> = ('\u{3041}'..='\u{3096}').collect();
        let mut runs: Vec<String> = vec![
            "ひろみさん".into(),
            "あおいちゃんと".into(),
            "ちやん".into(),
        ];
        for a in &kana {
            for b in ['ん', 'ま', 'ゃ', 'さ', 'く', 'ち'] {
                runs.push(format!("{a}{b}ん"));
                runs.push(format!("ゆ{a}{b}"));
            }
        }
        for r in runs {
            let want = honorifics.iter().any(|h| r.contains(h));
            assert_eq!(has_kana_honorific(r.as_bytes()), want, "{r}");
        }
    }

    fn pieces(text: &str) -> Vec<(&str, &str)> {
        let mut out = Vec::new();
        let mut rest = text;
        let mut prev = None;
        while let Some(p) = next_piece(rest, prev, true) {
            out.push((&rest[..p.active], &rest[p.active..p.active + p.quiet]));
            prev = rest[..p.active + p.quiet].chars().next_back();
            rest = &rest[p.active + p.quiet..];
        }
        out
    }

    /// Pieces as the driver cuts them: starting each scan from the state the last
    /// piece handed over when it has one (`fresh` false), or always afresh.
    fn driven(text: &str, fresh: bool) -> Vec<(usize, usize)> {
        let (mut out, mut pos, mut scan) = (Vec::new(), 0, Scan::start(None));
        while let Ok(p) = resume(&text[pos..], scan, true) {
            let end = pos + p.active + p.quiet;
            let prev = Scan::start(text[pos..end].chars().next_back());
            scan = if fresh { prev } else { p.next.unwrap_or(prev) };
            out.push((p.active, p.quiet));
            pos = end;
        }
        out
    }

    /// Pieces as the stream cuts them: the text arrives one character at a time, and
    /// each scan that needs more text resumes from where it stopped.
    fn grown(text: &str) -> Vec<(usize, usize)> {
        let (mut out, mut pos, mut scan) = (Vec::new(), 0, Scan::start(None));
        let ends = text
            .char_indices()
            .map(|(k, _)| k)
            .skip(1)
            .chain([text.len()]);
        for (end, eof) in ends.map(|e| (e, false)).chain([(text.len(), true)]) {
            while pos < end {
                match resume(&text[pos..end], scan, eof) {
                    Ok(p) => {
                        let next = pos + p.active + p.quiet;
                        let prev = Scan::start(text[pos..next].chars().next_back());
                        scan = p.next.unwrap_or(prev);
                        out.push((p.active, p.quiet));
                        pos = next;
                    }
                    Err(s) => {
                        scan = s;
                        break;
                    }
                }
            }
        }
        out
    }

    #[test]
    fn pieces_cut_as_the_text_arrives_are_those_cut_from_the_whole_text() {
        // Kanji hold no quiet unit: the piece runs on to the hiragana after the
        // emphasis marks, which reaches past the longest piece only once all of it
        // has come (the piece starts at "A", and "ございま" ends at byte 191).
        let kanji = "渋".repeat(50);
        let mut texts = vec![
            format!("A{kanji}メールは(415) 555-0132**ございます。"),
            format!("A{kanji}メールは(415) 555-0132 ございます。"),
            format!("A{kanji}メールは(415) 555-0132ございます。"),
        ];
        texts.extend(
            include_str!("../eval/dev.jsonl")
                .lines()
                .chain(include_str!("../eval/check.jsonl").lines())
                .map(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).unwrap();
                    v["text"].as_str().unwrap().to_owned()
                }),
        );
        // Where the active parts lie: the quiet ones in a row may come as one piece or
        // as several, as far as the text so far decides them.
        let active = |pieces: Vec<(usize, usize)>| {
            let mut at = 0;
            let mut out = Vec::new();
            for (active, quiet) in pieces {
                if active > 0 {
                    out.push((at, active));
                }
                at += active + quiet;
            }
            (out, at)
        };
        for t in texts {
            assert_eq!(active(grown(&t)), active(driven(&t, false)), "{t}");
        }
    }

    #[test]
    fn the_state_a_piece_hands_over_is_the_one_a_fresh_scan_reaches() {
        let texts = include_str!("../eval/dev.jsonl")
            .lines()
            .chain(include_str!("../eval/check.jsonl").lines())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["text"].as_str().unwrap().to_owned()
            });
        for t in texts {
            for t in [t.clone(), t.to_lowercase(), t.to_uppercase()] {
                assert_eq!(driven(&t, false), driven(&t, true), "{t}");
            }
        }
    }

    #[test]
    fn lower_case_words_between_spaces_are_quiet() {
        let p = pieces("Call John at 555-0100 today.");
        assert_eq!(p[0], ("Call John ", "at"));
        assert_eq!(p[1], ("", " "));
        assert_eq!(p[2], ("555-0100 ", "today"));
    }

    #[test]
    fn a_word_glued_to_an_at_sign_or_a_dot_is_not_quiet() {
        let p = pieces("mail bob.smith@example.com now");
        assert_eq!(p[0], ("", "mail "));
        assert_eq!(p[1], ("bob.smith@example.com ", "now"));
    }

    #[test]
    fn an_unfinished_word_waits_for_more_text() {
        assert_eq!(next_piece("hello", None, false), None);
        let p = next_piece("hello ", None, false).unwrap();
        assert_eq!((p.active, p.quiet), (0, 6));
    }

    #[test]
    fn quiet_words_and_spaces_in_a_row_make_one_piece() {
        let p = pieces("it is here\nCall 555-0100 now");
        assert_eq!(p[0], ("", "it is here\n"));
        assert_eq!(p[1], ("Call 555-0100 ", "now"));
    }

    #[test]
    fn a_word_ending_in_an_apostrophe_waits_for_the_next_character() {
        for mark in ["'", "’"] {
            assert_eq!(next_piece(&format!("There{mark}"), Some(' '), false), None);
            // `There's` is no quiet word: the piece goes on past it.
            let p = next_piece(&format!("There{mark}s a "), Some(' '), false);
            assert_eq!(p.map(|p| p.active), Some(format!("There{mark}s ").len()));
            // At the end of the input the apostrophe ends the quiet word.
            let p = next_piece(&format!("There{mark}"), Some(' '), true).unwrap();
            assert_eq!((p.active, p.quiet), (0, 5));
        }
        // A word too long to be quiet is stepped over at once; the scan then waits at
        // the apostrophe, and takes what follows it into the same word.
        let long = "y".repeat(MAX_WORD + 2) + "'";
        let Err(scan) = resume(&long, Scan::start(Some(' ')), false) else {
            panic!("decided without the character after the apostrophe");
        };
        assert_eq!((scan.i, scan.prev), (MAX_WORD + 2, Some('y')));
        let more = long.clone() + "d x ";
        assert_eq!(
            resume(&more, scan, false),
            resume(&more, Scan::start(Some(' ')), false)
        );
        assert_eq!(
            resume(&more, scan, false).map(|p| p.active),
            Ok(MAX_WORD + 5)
        );
    }

    #[test]
    fn long_active_text_is_cut_within_the_bound() {
        let text = "Abc ".repeat(100);
        let p = next_piece(&text, None, false).unwrap();
        assert!(p.active <= MAX_ACTIVE && p.active > MAX_ACTIVE / 2);
    }

    #[test]
    fn a_long_piece_is_not_cut_between_a_half_width_kana_and_its_voiced_mark() {
        // "ﾊ" ends at the bound, and its voiced or semi-voiced mark follows.
        let kanji = "渋".repeat(MAX_ACTIVE / 3 - 1);
        for mark in ["ﾞ", "ﾟ"] {
            let p = next_piece(&format!("{kanji}ﾊ{mark}ｷ"), None, false).unwrap();
            assert_eq!(p.active, kanji.len());
        }
        // A mark after anything else is no part of it.
        let p = next_piece(&format!("{kanji}渋ﾞｷ"), None, false).unwrap();
        assert_eq!(p.active, MAX_ACTIVE);
    }

    #[test]
    fn long_active_text_is_cut_after_its_last_line_break_first() {
        // A Markdown table: no quiet unit for hundreds of bytes. Cut at a space, the
        // second row's phone number would lie across two pieces.
        let row =
            |n: &str| format!("| X{n} Y | 19 Elm Rd, Gresham, OR 97030 | (503) 555-01{n} |\n");
        let table: String = ["10", "66", "77", "88"].map(row).concat();
        let p = next_piece(&table, None, false).unwrap();
        let rows = MAX_ACTIVE / row("10").len();
        assert!(rows >= 2);
        assert_eq!(p.active, rows * row("10").len());
        // Without a line break, the last soft break in the second half.
        let flat = table.replace('\n', " ");
        let p = next_piece(&flat, None, false).unwrap();
        assert!(flat[..p.active].ends_with(' ') && p.active > MAX_ACTIVE / 2);
        assert!(p.active <= MAX_ACTIVE && p.active != rows * row("10").len());
    }

    #[test]
    fn japanese_punctuation_and_long_hiragana_runs_are_quiet() {
        let p = pieces("田中様までお電話ください。");
        assert_eq!(p[0], ("田中様までお電話", "ください"));
        assert_eq!(p[1], ("", "。"));
    }
}
