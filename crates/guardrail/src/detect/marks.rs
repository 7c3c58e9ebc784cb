//! One pass over an active piece that every detector reads instead of walking the
//! piece itself: which detectors can fire (the triggers), where each one's work can
//! start (`@` signs, the starts of phone-like runs, kanji and katakana runs, the first
//! capital) and the digit shapes that gate the postal and address patterns.
//!
//! Each fact is defined exactly as the detector used to compute it by its own scan,
//! so reading it here changes no result; only the number of walks over the text does.

use super::phone;
use crate::text::{is_any_digit, is_han, is_katakana};

/// Byte classes for the scan: most bytes of chat text (lower-case letters, spaces,
/// punctuation) are in none and cost one table look-up.
const DIGIT: u8 = 1;
const UPPER: u8 = 2;
const AT: u8 = 4;
/// `+` and `(`, which may open a phone number.
const OPENER: u8 = 8;
const NON_ASCII: u8 = 16;
/// `|`, which separates the cells of a Markdown table.
const BAR: u8 = 32;

static CLASS: [u8; 256] = classes();

const fn classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c == b'@' {
            AT
        } else if c == b'+' || c == b'(' {
            OPENER
        } else if c == b'|' {
            BAR
        } else if c >= 0x80 {
            NON_ASCII
        } else {
            0
        };
        b += 1;
    }
    t
}

/// An accented capital of the Latin scripts ("É", "Ø", "Ş", "Ł"): a name's first
/// letter as much as an ASCII capital.
fn latin_capital(c: char) -> bool {
    (('\u{c0}'..='\u{24f}').contains(&c) || ('\u{1e00}'..='\u{1eff}').contains(&c))
        && c.is_uppercase()
}

/// What a piece contains, to skip detectors that cannot fire.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Triggers {
    /// An ASCII or full-width digit, or 〒.
    pub digit: bool,
    /// `@` or `＠`.
    pub at: bool,
    /// An ASCII or full-width capital.
    pub upper: bool,
    /// A kanji or katakana character.
    pub cjk: bool,
}

impl Triggers {
    /// Whether any detector can fire.
    pub fn any(self) -> bool {
        self.digit || self.at || self.upper || self.cjk
    }
}

/// A run of kanji (`han`) or of katakana that the Japanese name rules look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Run {
    /// Start offset.
    pub s: usize,
    /// End offset (exclusive).
    pub e: usize,
    /// Kanji (else katakana, with `・` inside).
    pub han: bool,
}

/// The facts of one piece, `t[lo..hi]`, in offsets of `t`. Reused from piece to piece.
#[derive(Debug, Default)]
pub(crate) struct Marks {
    /// What the piece contains.
    pub trig: Triggers,
    /// Offsets of `@`.
    pub ats: Vec<usize>,
    /// Offsets where a phone-like run may start (see `phone::run_starts`), ascending.
    pub phone_starts: Vec<usize>,
    /// Kanji and katakana runs, as the Japanese name rules walk the piece.
    pub runs: Vec<Run>,
    /// Offset of the first ASCII capital, or `hi`.
    pub first_upper: usize,
    /// Longest run of ASCII digits.
    pub max_digits: usize,
    /// NNN-NNNN or seven digits in a row: what every Japanese postal code holds.
    pub ja_postal: bool,
    /// A capital right before a digit: what every UK postcode holds.
    pub uk_postal: bool,
    /// A number, a space, then a capital or a digit ("12 Main", "12B Main", "12 3rd"):
    /// what every numbered English address holds.
    pub numbered: bool,
    /// `Box ` (a post-office box).
    pub boxed: bool,
    /// Offsets of the honorifics a hiragana given name may stand before
    /// ([`KANA_NAME_HONORIFICS`]) where a hiragana character precedes them.
    pub kana_honorifics: Vec<usize>,
    /// 丁 or 番: a Japanese block address may be written in kanji numerals alone.
    pub kanji_block: bool,
    /// `|`: a Markdown table's cell may lie in the piece.
    pub bar: bool,
}

/// The honorifics a given name in hiragana is found before ("ゆうこ先生", "さくらちゃん").
pub(crate) const KANA_NAME_HONORIFICS: &[&str] =
    &["さん", "さま", "くん", "ちゃん", "せんせい", "先生", "様"];

/// Whether the character before `b[i]` is a hiragana (U+3041–U+3096: E3 81 81 to
/// E3 82 96).
fn hiragana_before(b: &[u8], i: usize) -> bool {
    i >= 3
        && b[i - 3] == 0xE3
        && match b[i - 2] {
            0x81 => b[i - 1] >= 0x81,
            0x82 => b[i - 1] <= 0x96,
            _ => false,
        }
}

/// The kanji or katakana run being walked.
#[derive(Clone, Copy)]
enum Open {
    None,
    Han(usize),
    Kata(usize),
}

impl Marks {
    /// The marks of `t[lo..hi]`.
    #[cfg(test)]
    pub fn of(t: &str, lo: usize, hi: usize) -> Self {
        let mut m = Marks::default();
        m.scan(t, lo, hi);
        m
    }

    /// Scans `t[lo..hi]` (character boundaries) into `self`.
    pub fn scan(&mut self, t: &str, lo: usize, hi: usize) {
        let b = t.as_bytes();
        self.trig = Triggers::default();
        self.ats.clear();
        self.phone_starts.clear();
        self.runs.clear();
        self.kana_honorifics.clear();
        self.kanji_block = false;
        self.bar = false;
        self.first_upper = hi;
        (self.max_digits, self.ja_postal, self.uk_postal) = (0, false, false);
        (self.numbered, self.boxed) = (false, false);
        let mut open = Open::None;
        // Length of the run of ASCII digits that ends at `i`.
        let mut run = 0;
        let mut i = lo;
        while i < hi {
            // Bytes in no class (lower-case letters, spaces, most punctuation) only end
            // a run of digits or of kanji/katakana: step over them in one go.
            if CLASS[b[i] as usize] == 0 {
                (open, run) = (self.close(open, i), 0);
                i += 1;
                while i < hi && CLASS[b[i] as usize] == 0 {
                    i += 1;
                }
                continue;
            }
            let c = b[i];
            let class = CLASS[c as usize];
            if class != NON_ASCII {
                open = self.close(open, i);
            }
            if class != DIGIT {
                run = 0;
            }
            match class {
                DIGIT => {
                    self.trig.digit = true;
                    run += 1;
                    self.digit_at(b, i, lo, hi, run);
                }
                UPPER => {
                    self.trig.upper = true;
                    self.first_upper = self.first_upper.min(i);
                    self.boxed |= c == b'B' && b.get(i..i + 4) == Some(&b"Box "[..]) && i + 4 <= hi;
                }
                AT => {
                    self.trig.at = true;
                    self.ats.push(i);
                }
                OPENER => {
                    if phone::run_starts(b, i, hi) {
                        self.phone_starts.push(i);
                    }
                }
                BAR => self.bar = true,
                // U+5000–U+9FFF: kanji, known without decoding.
                _ if (0xE5..=0xE9).contains(&c) && i + 3 <= hi => {
                    self.trig.cjk = true;
                    // 先 (E5 85 88) and 様 (E6 A7 98) open the kanji honorifics.
                    if matches!(b[i..i + 3], [0xE5, 0x85, 0x88] | [0xE6, 0xA7, 0x98]) {
                        self.honorific_at(t, i, hi);
                    }
                    // 番 (E7 95 AA); 丁 (E4 B8 81) is below this range.
                    self.kanji_block |= b[i..i + 3] == [0xE7, 0x95, 0xAA];
                    open = self.wide(i, true, false, open);
                    i += 3;
                    continue;
                }
                _ => {
                    let Some(ch) = t[i..].chars().next() else {
                        break;
                    };
                    open = self.non_ascii(ch, i, open);
                    if matches!(ch, 'さ' | 'く' | 'ち' | 'せ') {
                        self.honorific_at(t, i, hi);
                    }
                    i += ch.len_utf8();
                    continue;
                }
            }
            i += 1;
        }
        self.close(open, hi);
        // A given name in kana before a honorific needs the Japanese name rules even in
        // a piece without kanji or katakana ("ひろみさん、").
        self.trig.cjk |= !self.kana_honorifics.is_empty();
    }

    /// Notes a honorific of [`KANA_NAME_HONORIFICS`] at `i` after a hiragana.
    fn honorific_at(&mut self, t: &str, i: usize, hi: usize) {
        let rest = &t[i..hi];
        if hiragana_before(t.as_bytes(), i)
            && KANA_NAME_HONORIFICS.iter().any(|h| rest.starts_with(h))
        {
            self.kana_honorifics.push(i);
        }
    }

    /// Notes an ASCII digit at `i` that ends a run of `run` digits.
    fn digit_at(&mut self, b: &[u8], i: usize, lo: usize, hi: usize, run: usize) {
        self.max_digits = self.max_digits.max(run);
        if run == 1 && phone::run_starts(b, i, hi) {
            self.phone_starts.push(i);
        }
        let at = |k: usize| if i + k < hi { b[i + k] } else { 0 };
        if !self.ja_postal && run >= 3 {
            let dashed = at(1) == b'-' && (2..6).all(|k| at(k).is_ascii_digit());
            self.ja_postal = run >= 7 || dashed;
        }
        self.uk_postal |= i > lo && b[i - 1].is_ascii_uppercase();
        if !self.numbered {
            let word = |k: usize| at(k).is_ascii_uppercase() || at(k).is_ascii_digit();
            self.numbered = (at(1) == b' ' && word(2))
                || (at(1).is_ascii_uppercase() && at(2) == b' ' && word(3));
        }
    }

    /// Notes the non-ASCII character `c` at `i`: triggers and kanji/katakana runs.
    fn non_ascii(&mut self, c: char, i: usize, open: Open) -> Open {
        let (han, kata) = (is_han(c), is_katakana(c));
        self.kanji_block |= c == '丁';
        if han || kata {
            self.trig.cjk = true;
        } else {
            if c == '＠' {
                self.trig.at = true;
            } else if is_any_digit(c) || c == '〒' {
                self.trig.digit = true;
            } else if ('Ａ'..='Ｚ').contains(&c) {
                self.trig.upper = true;
            } else if latin_capital(c) {
                // "Ask for Élodie": a name may open with an accented capital.
                self.trig.upper = true;
                self.first_upper = self.first_upper.min(i);
            }
        }
        // `ー` and `・` continue a katakana run but cannot start one.
        let mark = c == 'ー' || c == '・';
        match open {
            Open::Kata(_) if kata || c == '・' => open,
            _ => self.wide(i, han, kata && !mark, open),
        }
    }

    /// Notes a kanji (`han`), a katakana character that may start a run (`kata`), or
    /// another non-ASCII character at `i`, with no katakana run continuing through it.
    fn wide(&mut self, i: usize, han: bool, kata: bool, open: Open) -> Open {
        if let Open::Han(_) = open
            && han
        {
            return open;
        }
        self.close(open, i);
        if han {
            Open::Han(i)
        } else if kata {
            Open::Kata(i)
        } else {
            Open::None
        }
    }

    /// Ends the open run at `e`.
    fn close(&mut self, open: Open, e: usize) -> Open {
        match open {
            Open::None => {}
            Open::Han(s) => self.runs.push(Run { s, e, han: true }),
            Open::Kata(s) => self.runs.push(Run { s, e, han: false }),
        }
        Open::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_finds_what_each_detector_used_to_look_for() {
        let t = "Call +1 555 0100, a@b.jp, P.O. Box 12; 12 Main; SW1A 2AA; 〒150-0002";
        let m = Marks::of(t, 0, t.len());
        assert!(m.trig.digit && m.trig.at && m.trig.upper && !m.trig.cjk);
        assert_eq!(m.ats, [t.find('@').unwrap()]);
        assert_eq!(m.first_upper, 0);
        assert!(m.boxed && m.numbered && m.uk_postal && m.ja_postal);
        assert_eq!(m.max_digits, 4);
        let starts: Vec<&str> = m.phone_starts.iter().map(|&i| &t[i..i + 2]).collect();
        assert_eq!(starts, ["+1", "55", "01", "12", "12", "2A", "15"]);
    }

    #[test]
    fn kanji_and_katakana_runs_follow_the_name_rules_walk() {
        let t = "担当の田中様、ー・スミス・ジョン、カタ漢字";
        let m = Marks::of(t, 0, t.len());
        let runs: Vec<(&str, bool)> = m.runs.iter().map(|r| (&t[r.s..r.e], r.han)).collect();
        assert_eq!(
            runs,
            [
                ("担当", true),
                ("田中様", true),
                ("スミス・ジョン", false),
                ("カタ", false),
                ("漢字", true)
            ]
        );
        assert!(m.trig.cjk && !m.trig.digit);
    }

    /// The scans each detector used to run over its piece, as they were written there.
    fn reference(t: &str, lo: usize, hi: usize) -> Marks {
        let b = t.as_bytes();
        let piece = &b[lo..hi];
        let mut m = Marks {
            first_upper: t[lo..hi]
                .char_indices()
                .find(|&(_, c)| c.is_ascii_uppercase() || latin_capital(c))
                .map_or(hi, |(k, _)| lo + k),
            ats: (lo..hi).filter(|&i| b[i] == b'@').collect(),
            phone_starts: (lo..hi).filter(|&i| phone::run_starts(b, i, hi)).collect(),
            uk_postal: piece
                .windows(2)
                .any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_digit()),
            boxed: piece.windows(4).any(|w| w == b"Box "),
            ..Marks::default()
        };
        let mut run = 0;
        for (i, c) in piece.iter().enumerate() {
            run = if c.is_ascii_digit() { run + 1 } else { 0 };
            m.max_digits = m.max_digits.max(run);
            let dashed = || {
                let after = &piece[i + 1..];
                after.len() >= 5 && after[0] == b'-' && after[1..5].iter().all(u8::is_ascii_digit)
            };
            m.ja_postal |= run >= 7 || (run >= 3 && dashed());
            let next = |k: usize| piece.get(i + k).copied().unwrap_or(0);
            let word = |k: usize| next(k).is_ascii_uppercase() || next(k).is_ascii_digit();
            m.numbered |= c.is_ascii_digit()
                && ((next(1) == b' ' && word(2))
                    || (next(1).is_ascii_uppercase() && next(2) == b' ' && word(3)));
        }
        let run_end = |i: usize, class: &dyn Fn(char) -> bool| {
            t[i..hi]
                .char_indices()
                .find(|&(_, c)| !class(c))
                .map_or(hi, |(k, _)| i + k)
        };
        let mut i = lo;
        while let Some(c) = t[i..hi].chars().next() {
            let (han, kata) = (is_han(c), is_katakana(c) && c != 'ー' && c != '・');
            let e = if han {
                run_end(i, &is_han)
            } else if kata {
                run_end(i, &|c| is_katakana(c) || c == '・')
            } else {
                i + c.len_utf8()
            };
            if han || kata {
                m.runs.push(Run { s: i, e, han });
            }
            i = e;
        }
        m.kana_honorifics = t[lo..hi]
            .char_indices()
            .map(|(k, _)| lo + k)
            .filter(|&i| {
                let before = t[..i].chars().next_back();
                before.is_some_and(|c| ('\u{3041}'..='\u{3096}').contains(&c))
                    && KANA_NAME_HONORIFICS.iter().any(|h| t[i..hi].starts_with(h))
            })
            .collect();
        m.kanji_block = t[lo..hi].contains(['丁', '番']);
        for c in t[lo..hi].chars() {
            m.trig.digit |= is_any_digit(c) || c == '〒';
            m.trig.at |= c == '@' || c == '＠';
            m.trig.upper |=
                c.is_ascii_uppercase() || ('Ａ'..='Ｚ').contains(&c) || latin_capital(c);
            m.trig.cjk |= is_han(c) || is_katakana(c);
        }
        m.trig.cjk |= !m.kana_honorifics.is_empty();
        m
    }

    fn facts(m: &Marks) -> String {
        let t = m.trig;
        format!(
            "{:?} {:?} {:?} {:?} {} {} {} {} {} {} {} {:?} {:?}",
            (t.digit, t.at, t.upper, t.cjk),
            m.ats,
            m.phone_starts,
            m.runs,
            m.first_upper,
            m.max_digits,
            m.ja_postal,
            m.uk_postal,
            m.numbered,
            m.boxed,
            m.kanji_block,
            m.kana_honorifics,
            ()
        )
    }

    #[test]
    fn the_one_scan_agrees_with_each_detectors_own_scan_on_the_eval_texts() {
        let texts = include_str!("../../eval/dev.jsonl")
            .lines()
            .chain(include_str!("../../eval/check.jsonl").lines())
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .chain(["娘のさくらちゃんとゆうこ先生、みなさま。ゆいさん様せんせい".to_owned()])
            .chain(["東山一丁目十三番七号、番号".to_owned()]);
        let mut m = Marks::default();
        for t in texts {
            let bounds: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            // Every window start, with ends a few characters and the whole text away.
            for (k, &lo) in bounds.iter().enumerate() {
                for &hi in [k, k + 1, k + 3, k + 9, k + 30, bounds.len() - 1]
                    .iter()
                    .filter_map(|&j| bounds.get(j))
                {
                    m.scan(&t, lo, hi);
                    assert_eq!(facts(&m), facts(&reference(&t, lo, hi)), "{:?}", &t[lo..hi]);
                }
            }
        }
    }

    #[test]
    fn full_width_forms_trigger_like_their_ascii_forms() {
        let t = "ｉｎｆｏ＠ｓｈｏｐ．ｊｐ Ａ １";
        let m = Marks::of(t, 0, t.len());
        assert!(m.trig.at && m.trig.upper && m.trig.digit);
        assert!(m.ats.is_empty() && m.first_upper == t.len());
    }
}
