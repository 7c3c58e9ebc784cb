//! English words for the name rules: runs of ASCII letters with inner apostrophes and
//! hyphens, leaving out words glued to digits, `@`, `_`, `/` or a dotted name.

/// A word of the text: ASCII letters, with inner apostrophes and hyphens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    /// Start offset.
    pub s: usize,
    /// End offset (exclusive).
    pub e: usize,
}

/// Longest gap between two tokens that a rule looks across backwards (" and ").
const MAX_GAP: usize = 8;

/// A position at or before `lo` where tokenising yields the same tokens as tokenising
/// the whole text, with one token to spare before `lo` unless more than [`MAX_GAP`]
/// bytes that are not letters stand before it.
pub(crate) fn token_start_before(b: &[u8], lo: usize) -> usize {
    let inside = |c: u8| c.is_ascii_alphabetic() || c == b'\'' || c == b'-';
    let mut p = lo.min(b.len());
    while p > 0 && inside(b[p - 1]) {
        p -= 1;
    }
    // The token before is looked at only through the gap to the next token (" and ",
    // " or "): past a longer gap of other bytes there is no token the rules can use,
    // and the tokens from here on are those of the whole text.
    let gap_start = p;
    while p > 0 && !b[p - 1].is_ascii_alphabetic() {
        if gap_start - p == MAX_GAP {
            return p;
        }
        p -= 1;
    }
    while p > 0 && inside(b[p - 1]) {
        p -= 1;
    }
    p
}

/// The tokens of `t[from..]` into `toks`; `from` must not lie inside a token.
pub(crate) fn tokenize(t: &str, from: usize, toks: &mut Vec<Tok>) {
    let b = t.as_bytes();
    let n = b.len();
    toks.clear();
    let mut i = from;
    while i < n {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let s = i;
        loop {
            while i < n && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            // An apostrophe or hyphen joins two letters, except the possessive `'s`.
            let joins = i + 1 < n
                && b[i + 1].is_ascii_alphabetic()
                && (b[i] == b'-' || (b[i] == b'\'' && b[i + 1] != b's'));
            if !joins {
                break;
            }
            i += 1;
        }
        let glued =
            s > 0 && (b[s - 1].is_ascii_digit() || matches!(b[s - 1], b'@' | b'.' | b'_' | b'/'));
        let glued_after = b
            .get(i)
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'@' | b'_' | b'/'))
            || (b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric));
        if !glued && !glued_after {
            toks.push(Tok { s, e: i });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokeniser as first written: one byte at a time.
    fn bytewise(t: &str, from: usize) -> Vec<(usize, usize)> {
        let b = t.as_bytes();
        let mut out = Vec::new();
        let mut i = from;
        while i < b.len() {
            if !b[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let s = i;
            while i < b.len() {
                let joiner = matches!(b[i], b'\'' | b'-')
                    && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
                if b[i].is_ascii_alphabetic() || (joiner && !t[i..].starts_with("'s")) {
                    i += 1;
                } else {
                    break;
                }
            }
            let glued = s > 0
                && (b[s - 1].is_ascii_digit() || matches!(b[s - 1], b'@' | b'.' | b'_' | b'/'));
            let glued_after = b
                .get(i)
                .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'@' | b'_' | b'/'))
                || (b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric));
            if !glued && !glued_after {
                out.push((s, i));
            }
        }
        out
    }

    #[test]
    fn tokens_agree_with_the_bytewise_tokeniser() {
        let mut toks = Vec::new();
        let texts = include_str!("../../eval/dev.jsonl")
            .lines()
            .chain(include_str!("../../eval/check.jsonl").lines())
            .map(str::to_owned)
            .chain(
                [
                    "O'Brien's x-ray -a a- 's 'S Tom's'sa",
                    "a'",
                    "a-",
                    "'",
                    "x'sy a--b a''b",
                ]
                .map(String::from),
            );
        for t in texts {
            tokenize(&t, 0, &mut toks);
            let got: Vec<(usize, usize)> = toks.iter().map(|k| (k.s, k.e)).collect();
            assert_eq!(got, bytewise(&t, 0), "{t}");
        }
    }
}
