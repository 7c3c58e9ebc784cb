//! English words for the name rules: runs of Latin letters (ASCII and the accented
//! letters of Latin-1 and Latin Extended-A/B: "Ramírez", "Siobhán") with inner
//! apostrophes (`'`, `’`) and hyphens, leaving out words glued to digits, `@`, `_`, `/`
//! or a dotted name.

/// A word of the text: Latin letters, with inner apostrophes and hyphens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    /// Start offset.
    pub s: usize,
    /// End offset (exclusive).
    pub e: usize,
}

/// Longest gap between two tokens that a rule looks across backwards (" and ").
const MAX_GAP: usize = 8;

/// The right single quotation mark, the apostrophe of typeset text ("O’Brien").
const RSQUO: &[u8] = "\u{2019}".as_bytes();

/// Whether `c` is a letter of a name: an ASCII letter or an accented Latin letter
/// (U+00C0–U+024F but the signs × and ÷).
pub(crate) fn is_name_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (('\u{c0}'..='\u{24f}').contains(&c) && c != '\u{d7}' && c != '\u{f7}')
        || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

/// Length of the letter starting at `b[i]` (1 to 3 bytes), or 0 if none does.
fn letter_at(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(x) if x.is_ascii_alphabetic() => 1,
        // The two-byte encodings of U+00C0–U+024F start with 0xC3–0xC9.
        Some(0xc3..=0xc9) => match b.get(i + 1) {
            Some(&y) if (0x80..0xc0).contains(&y) => {
                let c = (u32::from(b[i] & 0x1f) << 6) | u32::from(y & 0x3f);
                usize::from(char::from_u32(c).is_some_and(is_name_letter)) * 2
            }
            _ => 0,
        },
        // Latin Extended Additional (Vietnamese: "Nguyễn Thị"): E1 B8 80 to E1 BB BF.
        Some(0xe1) => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0xb8..=0xbb), Some(0x80..=0xbf)) => 3,
            _ => 0,
        },
        _ => 0,
    }
}

/// Length of the letter ending at `b[..i]` (1 to 3 bytes), or 0 if none does.
fn letter_before(b: &[u8], i: usize) -> usize {
    match i {
        0 => 0,
        1 => letter_at(b, 0),
        _ if b[i - 1].is_ascii() => letter_at(b, i - 1),
        _ if i >= 3 && letter_at(b, i - 3) == 3 => 3,
        _ => letter_at(b, i - 2) & 2,
    }
}

/// Length of the apostrophe or hyphen at `b[i]` (1 or 3 bytes), or 0.
fn joiner_at(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'\'' | b'-') => 1,
        Some(0xe2) if b[i..].starts_with(RSQUO) => 3,
        _ => 0,
    }
}

/// Length of the apostrophe or hyphen ending at `b[..i]` (1 or 3 bytes), or 0.
fn joiner_before(b: &[u8], i: usize) -> usize {
    match i.checked_sub(1).map(|k| b[k]) {
        Some(b'\'' | b'-') => 1,
        Some(0x99) if b[..i].ends_with(RSQUO) => 3,
        _ => 0,
    }
}

/// The letters (with inner apostrophes and hyphens) that end `t`.
pub(crate) fn word_before(t: &str) -> &str {
    let b = t.as_bytes();
    let mut p = b.len();
    while let n @ 1.. = letter_before(b, p).max(joiner_before(b, p)) {
        p -= n;
    }
    &t[p..]
}

/// A position at or before `lo` where tokenising yields the same tokens as tokenising
/// the whole text, with one token to spare before `lo` unless more than [`MAX_GAP`]
/// bytes that are not letters stand before it.
pub(crate) fn token_start_before(b: &[u8], lo: usize) -> usize {
    let mut p = lo.min(b.len());
    let inside = |p: usize| letter_before(b, p).max(joiner_before(b, p));
    loop {
        match inside(p) {
            0 => break,
            n => p -= n,
        }
    }
    // The token before is looked at only through the gap to the next token (" and ",
    // " or "): past a longer gap of other bytes there is no token the rules can use,
    // and the tokens from here on are those of the whole text.
    let gap_start = p;
    while p > 0 && letter_before(b, p) == 0 {
        if gap_start - p >= MAX_GAP {
            return p;
        }
        p -= 1;
    }
    loop {
        match inside(p) {
            0 => break,
            n => p -= n,
        }
    }
    p
}

/// Tokens the name rules look at past the end of a piece: the one after a name (an
/// organisation word?) and an "and" with the name after it.
const TOKENS_AFTER: usize = 3;

/// The tokens of `t[from..]` into `toks`, up to the [`TOKENS_AFTER`]th starting at or
/// after `until`; `from` must not lie inside a token.
pub(crate) fn tokenize(t: &str, from: usize, until: usize, toks: &mut Vec<Tok>) {
    let b = t.as_bytes();
    let n = b.len();
    toks.clear();
    let mut i = from;
    while i < n {
        let first = letter_at(b, i);
        if first == 0 {
            i += 1;
            continue;
        }
        let s = i;
        i += first;
        loop {
            while i < n && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let l = letter_at(b, i);
            if l > 0 {
                i += l;
                continue;
            }
            // An apostrophe or hyphen joins two letters, except the possessive `'s`.
            let j = joiner_at(b, i);
            let apostrophe = j == RSQUO.len() || b.get(i) == Some(&b'\'');
            let joins = j > 0 && letter_at(b, i + j) > 0 && !(apostrophe && b[i + j] == b's');
            if !joins {
                break;
            }
            i += j;
        }
        let glued = s > 0
            && (b[s - 1].is_ascii_digit()
                || matches!(b[s - 1], b'@' | b'.' | b'/')
                || (b[s - 1] == b'_' && !emphasis_opens(b, s - 1)));
        let glued_after = b.get(i).is_some_and(|&c| {
            c.is_ascii_digit() || matches!(c, b'@' | b'/') || (c == b'_' && !emphasis_closes(b, i))
        }) || (b.get(i) == Some(&b'.')
            && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric));
        if !glued && !glued_after {
            toks.push(Tok { s, e: i });
            if s >= until && toks.iter().rev().take_while(|k| k.s >= until).count() == TOKENS_AFTER
            {
                break;
            }
        }
    }
}

/// Whether the `_` at `b[k]` opens emphasis ("to _Marcus_, who"): it starts the text
/// or follows a space or an opening mark. Else it joins a word to what is before it,
/// as in an e-mail address or an identifier ("first_Last@", "user_Name").
fn emphasis_opens(b: &[u8], k: usize) -> bool {
    k == 0 || b[k - 1].is_ascii_whitespace() || b"([\"*".contains(&b[k - 1])
}

/// Whether the `_` at `b[k]` closes emphasis: it ends the text or comes before a space
/// or punctuation.
fn emphasis_closes(b: &[u8], k: usize) -> bool {
    b.get(k + 1)
        .is_none_or(|&d| d.is_ascii_whitespace() || b",.;:!?)]\"*".contains(&d))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokeniser's definition, one character at a time.
    fn charwise(t: &str, from: usize) -> Vec<(usize, usize)> {
        let chars: Vec<(usize, char)> = t[from..]
            .char_indices()
            .map(|(i, c)| (i + from, c))
            .collect();
        let at = |k: usize| chars.get(k).map(|&(_, c)| c);
        let end = |k: usize| chars.get(k).map_or(t.len(), |&(i, _)| i);
        let mut out = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            if !at(k).is_some_and(is_name_letter) {
                k += 1;
                continue;
            }
            let s = k;
            while let Some(c) = at(k) {
                let joiner = matches!(c, '\'' | '-' | '\u{2019}')
                    && at(k + 1).is_some_and(is_name_letter)
                    && !(c != '-' && at(k + 1) == Some('s'));
                if is_name_letter(c) || joiner {
                    k += 1;
                } else {
                    break;
                }
            }
            let (bs, be) = (end(s), end(k));
            let b = t.as_bytes();
            let glued = bs > 0
                && (b[bs - 1].is_ascii_digit()
                    || matches!(b[bs - 1], b'@' | b'.' | b'/')
                    || (b[bs - 1] == b'_' && !emphasis_opens(b, bs - 1)));
            let glued_after = b.get(be).is_some_and(|&c| {
                c.is_ascii_digit()
                    || matches!(c, b'@' | b'/')
                    || (c == b'_' && !emphasis_closes(b, be))
            }) || (b.get(be) == Some(&b'.')
                && b.get(be + 1).is_some_and(u8::is_ascii_alphanumeric));
            if !glued && !glued_after {
                out.push((bs, be));
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
                    "Siobhán O’Sullivan, Ramírez-Ortega’s ×a÷ Ó Ceallaigh ’s é",
                    "Łukasz Żółć ŋ ə ɐ ǅ",
                    "Nguyễn Thị Lan ḁ ỿ Ḁ",
                    "_Marcus_, _Nurse Patel_ first_Last@x.jp user_Name _a_b_ __Bold__ _",
                ]
                .map(String::from),
            );
        for t in texts {
            tokenize(&t, 0, usize::MAX, &mut toks);
            let got: Vec<(usize, usize)> = toks.iter().map(|k| (k.s, k.e)).collect();
            assert_eq!(got, charwise(&t, 0), "{t}");
        }
    }

    #[test]
    fn tokenising_from_the_start_before_gives_the_whole_texts_tokens() {
        let mut all = Vec::new();
        let mut part = Vec::new();
        for t in [
            "Ask for Siobhán O’Sullivan or Tomás and Seán Ó Ceallaigh.",
            "担当はLucía Fernández-Ortegaです、x Ñ-ñ’é—a  b",
            "ask for Nguyễn Thị Lan, ỹ-ỹ",
        ] {
            tokenize(t, 0, usize::MAX, &mut all);
            let spans = |v: &[Tok]| v.iter().map(|k| (k.s, k.e)).collect::<Vec<_>>();
            for lo in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                let p = token_start_before(t.as_bytes(), lo);
                assert!(p <= lo, "{t:?} at {lo}");
                tokenize(t, p, usize::MAX, &mut part);
                let whole: Vec<_> = spans(&all).into_iter().filter(|&(s, _)| s >= p).collect();
                assert_eq!(spans(&part), whole, "{t:?} at {lo}");
            }
        }
    }
}
