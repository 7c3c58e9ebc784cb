//! Character classes and width folding shared by the segmenter and the detectors.

/// True for hiragana (ぁ–ゟ).
pub(crate) fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309F}').contains(&c)
}

/// True for katakana, including the prolonged sound mark and half-width katakana.
pub(crate) fn is_katakana(c: char) -> bool {
    ('\u{30A0}'..='\u{30FF}').contains(&c) || ('\u{FF66}'..='\u{FF9F}').contains(&c)
}

/// True for CJK ideographs and the iteration mark 々.
pub(crate) fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c) || c == '々'
}

/// True for ASCII or full-width decimal digits.
pub(crate) fn is_any_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Japanese punctuation that never appears inside a match.
pub(crate) fn is_ja_break(c: char) -> bool {
    matches!(
        c,
        '。' | '、' | '！' | '？' | '「' | '」' | '『' | '』' | '【' | '】' | '…' | '‥'
    )
}

/// Folds one character to the form the detectors read: full-width ASCII to ASCII, the
/// ideographic space to a space, the many hyphen look-alikes to a hyphen, and half-width
/// katakana and punctuation to full-width (`ﾀﾅｶ` to `タナカ`). `prev` is the character
/// folded before it (`None` at the start or after a dropped emphasis mark). A voiced
/// mark after a kana that takes it is joined to that kana by [`Folded::fold_at`], not
/// here.
fn fold_char(c: char, prev: Option<char>) -> char {
    let prev_is_digit = prev.is_some_and(|p| p.is_ascii_digit());
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        // The half-width prolonged sound mark is one after katakana ("ﾊﾟｰｸ") and a
        // hyphen elsewhere ("090ｰ1234").
        '\u{FF70}' if prev.is_some_and(is_katakana) => 'ー',
        '\u{FF70}' => '-',
        '\u{FF61}'..='\u{FF9F}' => HALF_WIDTH_KANA[c as usize - 0xFF61],
        // The katakana prolonged sound mark stands in for a hyphen only between digits.
        'ー' if prev_is_digit => '-',
        _ => c,
    }
}

/// The full-width forms of U+FF61 to U+FF9F (half-width punctuation, katakana and
/// sound marks), as Unicode's compatibility decomposition gives them; the sound marks
/// as the spacing ones (゛, ゜). U+FF70 is folded by [`fold_char`] itself.
#[rustfmt::skip]
const HALF_WIDTH_KANA: [char; 63] = [
    '。', '「', '」', '、', '・', 'ヲ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ', 'ッ',
    'ー', 'ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ',
    'ソ', 'タ', 'チ', 'ツ', 'テ', 'ト', 'ナ', 'ニ', 'ヌ', 'ネ', 'ノ', 'ハ', 'ヒ', 'フ', 'ヘ',
    'ホ', 'マ', 'ミ', 'ム', 'メ', 'モ', 'ヤ', 'ユ', 'ヨ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ワ',
    'ン', '゛', '゜',
];

/// The katakana `kana` with the half-width voiced (`ﾞ`) or semi-voiced (`ﾟ`) `mark`
/// joined to it (`ﾀﾞ` to `ダ`, `ﾊﾟ` to `パ`), if there is such a character.
fn join_mark(kana: char, mark: char) -> Option<char> {
    let k = kana as u32;
    let voiced = match mark {
        '\u{FF9E}' => match k {
            // カ to ト, where every other character is the voiced one before it; ハ to ホ
            // in threes (ハ バ パ).
            0x30AB..=0x30C2 if !k.is_multiple_of(2) => k + 1,
            0x30C4..=0x30C8 if k.is_multiple_of(2) => k + 1,
            0x30CF..=0x30DB if (k - 0x30CF).is_multiple_of(3) => k + 1,
            0x30A6 => 0x30F4, // ヴ
            _ => return None,
        },
        '\u{FF9F}' => match k {
            0x30CF..=0x30DB if (k - 0x30CF).is_multiple_of(3) => k + 2,
            _ => return None,
        },
        _ => return None,
    };
    char::from_u32(voiced)
}

/// Markdown's emphasis mark (`**Gareth**`, `*My Requests*`, a list's `* `): folding
/// drops it, so that the detectors read "is **Gareth**." as "is Gareth." and
/// "**ゆうき**さん" as "ゆうきさん". (`_` is left: it is part of e-mail addresses.)
const EMPHASIS: u8 = b'*';

/// True if [`Folded::fold`] would change `s`: a byte scan for the emphasis mark and the
/// lead bytes of the characters `fold_char` rewrites, so unfolded text (most text) is
/// never copied.
#[cfg(test)]
pub(crate) fn needs_fold(s: &str) -> bool {
    next_foldable(s.as_bytes(), 0) < s.len()
}

/// The offset of the first character at or after `from` that folding may change, or
/// `b.len()`.
pub(crate) fn next_foldable(b: &[u8], from: usize) -> usize {
    // Every character folding changes is the emphasis mark, or three bytes long and
    // starting with E2, E3 or EF, bytes that occur in UTF-8 only as lead bytes, so any
    // byte position may be tested. Blocks of 16 positions are tested at once without
    // branches (the compiler turns that into vector compares); only a block with a
    // candidate is looked at closely.
    const BLOCK: usize = 16;
    const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
    const ONES: u128 = HIGH >> 7;
    let hit = |i: usize| {
        let at = |k: usize| b.get(k).copied().unwrap_or(0);
        b[i] == EMPHASIS
            || (may_fold(at(i), at(i + 1), at(i + 2))
                && !(b[i] == 0xE3 && at(i + 1) == 0x83 && !(i > 0 && b[i - 1].is_ascii_digit())))
    };
    let mut i = from;
    while let Some(w) = b.get(i..i + BLOCK + 2) {
        let mut word = [0u8; BLOCK];
        word.copy_from_slice(&w[..BLOCK]);
        let word = u128::from_le_bytes(word);
        // A block of ASCII (most English text) without the emphasis mark: one test. A
        // byte equal to the mark is a zero byte of `word ^ MARKS`, which the classic
        // test `(x - 1) & !x & 0x80` finds (it may flag a byte after a borrow too, which
        // only means the block is looked at closely).
        let x = word ^ (ONES * u128::from(EMPHASIS));
        let star = x.wrapping_sub(ONES) & !x & HIGH;
        if (word & HIGH) | star == 0 {
            i += BLOCK;
            continue;
        }
        let any = (0..BLOCK).fold(false, |any, k| {
            any | may_fold(w[k], w[k + 1], w[k + 2]) | (w[k] == EMPHASIS)
        });
        if any && let Some(k) = (i..i + BLOCK).find(|&k| hit(k)) {
            return k;
        }
        i += BLOCK;
    }
    (i..b.len()).find(|&k| hit(k)).unwrap_or(b.len())
}

/// Whether the bytes `b0 b1 b2` encode a character folding changes, counting the
/// prolonged sound mark `ー`, which is changed only after a digit. `&` and `|` rather
/// than `&&` and `||`, so the test has no branches.
#[inline(always)]
fn may_fold(b0: u8, b1: u8, b2: u8) -> bool {
    // U+2010–U+2015, U+2212
    let e2 = (b0 == 0xE2)
        & (((b1 == 0x80) & (b2.wrapping_sub(0x90) < 6)) | ((b1 == 0x88) & (b2 == 0x92)));
    // U+3000, U+30FC
    let e3 = (b0 == 0xE3) & (((b1 == 0x80) & (b2 == 0x80)) | ((b1 == 0x83) & (b2 == 0xBC)));
    // U+FF01–U+FF5E, U+FF61–U+FF9F
    let ef = (b0 == 0xEF)
        & (((b1 == 0xBC) & (b2 >= 0x81))
            | ((b1 == 0xBD) & ((b2 <= 0x9E) | (b2 >= 0xA1)))
            | ((b1 == 0xBE) & (b2 <= 0x9F)));
    e2 | e3 | ef
}

/// A width-folded copy of a text with a map back to the original byte offsets.
/// Folding turns a character into one that is as long or shorter (a full-width ASCII
/// character becomes one byte, two shorter; a half-width kana and the voiced mark after
/// it become one full-width kana, three shorter), or drops it (the emphasis mark), so
/// every folded character boundary corresponds to an original one and the map needs
/// only the changes of length. Reused from piece to piece to avoid allocation.
#[derive(Debug, Default)]
pub(crate) struct Folded {
    /// The folded text.
    pub text: String,
    /// The changes, by folded offset, ascending (see [`Change`]).
    changes: Vec<Change>,
}

/// Where folding shortened the text: a character (or a kana and its voiced mark) folded
/// to a shorter one, which ends at folded offset `at`, or emphasis marks dropped just
/// before folded offset `at`. At the same offset, the first comes first.
#[derive(Debug, Clone, Copy)]
struct Change {
    at: u32,
    /// Marks dropped (else a character shortened).
    dropped: bool,
    /// Bytes the text has lost up to and including this change.
    lost: u32,
}

impl Folded {
    /// Folds `s` into this buffer if folding may change it; returns whether it did. When
    /// it returns false the buffer is stale and offsets in `s` are already folded ones.
    /// Folding must change nothing in `s[..from]` (the caller's scan said so): the
    /// search for the first character to fold starts at `from`.
    #[cfg(test)]
    pub fn fold(&mut self, s: &str, from: usize) -> bool {
        let b = s.as_bytes();
        let mut hits = Vec::new();
        let mut at = next_foldable(b, from.min(b.len()));
        while at < b.len() {
            hits.push(at);
            at = next_foldable(b, at + 1);
        }
        self.fold_at(s, &hits)
    }

    /// Folds `s`, whose characters folding may change start at `hits` (ascending: the
    /// positions [`next_foldable`] on `s` gives one after the other); returns false,
    /// leaving the buffer stale, if there are none.
    pub fn fold_at(&mut self, s: &str, hits: &[usize]) -> bool {
        let b = s.as_bytes();
        let mut hits = hits.iter().copied().peekable();
        let Some(mut stop) = hits.next() else {
            return false;
        };
        self.text.clear();
        self.changes.clear();
        // `prev`: the last character folded or copied, none after a dropped mark.
        let (mut o, mut prev, mut lost) = (0, None, 0);
        loop {
            // Text up to the next foldable character is copied as it is.
            self.text.push_str(&s[o..stop]);
            if stop > o {
                prev = s[..stop].chars().next_back();
            }
            o = stop;
            if b[o] == EMPHASIS {
                // Dropped; marks in a row make one change.
                lost += 1;
                let at = self.text.len() as u32;
                match self.changes.last_mut() {
                    Some(c) if c.dropped && c.at == at => c.lost = lost,
                    _ => self.changes.push(Change {
                        at,
                        dropped: true,
                        lost,
                    }),
                }
                o += 1;
                prev = None;
            }
            // Fold one character, and a prolonged sound mark right after a digit.
            while let Some(c) = s[o..].chars().next().filter(|_| b[stop] != EMPHASIS) {
                let mut f = fold_char(c, prev);
                let mut len = c.len_utf8();
                // A half-width kana takes the voiced mark after it ("ﾀﾞ" to "ダ").
                if c != f
                    && let Some(m) = s[o + len..].chars().next()
                    && let Some(v) = join_mark(f, m)
                {
                    f = v;
                    len += m.len_utf8();
                }
                prev = Some(f);
                self.text.push(f);
                o += len;
                if len > f.len_utf8() {
                    lost += (len - f.len_utf8()) as u32;
                    self.changes.push(Change {
                        at: self.text.len() as u32,
                        dropped: false,
                        lost,
                    });
                }
                if !(f.is_ascii_digit() && s[o..].starts_with('ー')) {
                    break;
                }
            }
            // The next character to fold at or after `o`.
            match hits.find(|&h| h >= o) {
                Some(h) => stop = h,
                None => {
                    self.text.push_str(&s[o..]);
                    break;
                }
            }
        }
        true
    }

    /// Bytes lost before the first `k` changes.
    fn lost(&self, k: usize) -> usize {
        k.checked_sub(1)
            .map_or(0, |k| self.changes[k].lost as usize)
    }

    /// The original byte offset of folded offset `i` (a character boundary or the end)
    /// where a span starts: after any marks dropped there ("**Gareth" starts at "G").
    pub fn orig_start(&self, i: usize) -> usize {
        i + self.lost(self.changes.partition_point(|c| c.at as usize <= i))
    }

    /// The original byte offset of folded offset `i` where a span ends: before any
    /// marks dropped there ("Gareth**" ends after "h").
    pub fn orig_end(&self, i: usize) -> usize {
        let k = self
            .changes
            .partition_point(|c| (c.at as usize) < i || (c.at as usize == i && !c.dropped));
        i + self.lost(k)
    }

    /// The folded offset of original offset `o` (must be a character boundary); an
    /// offset among dropped marks maps to where they were dropped.
    pub fn folded(&self, o: usize) -> usize {
        let k = self
            .changes
            .partition_point(|c| (c.at + c.lost) as usize <= o);
        let i = o - self.lost(k);
        match self.changes.get(k) {
            Some(c) if c.dropped => i.min(c.at as usize),
            _ => i,
        }
    }
}

/// `s.ends_with(w)` for short words, compared inline from the last byte.
pub(crate) fn ends_with(s: &str, w: &str) -> bool {
    let (s, w) = (s.as_bytes(), w.as_bytes());
    s.len() >= w.len() && s.iter().rev().zip(w.iter().rev()).all(|(a, b)| a == b)
}

/// `s.starts_with(w)` for short words, compared inline.
pub(crate) fn starts_with(s: &str, w: &str) -> bool {
    let (s, w) = (s.as_bytes(), w.as_bytes());
    s.len() >= w.len() && s.iter().zip(w).all(|(a, b)| a == b)
}

/// `s` after the first of `prefixes` it starts with, if any.
pub(crate) fn strip_any<'a>(s: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes.iter().find_map(|p| s.strip_prefix(p))
}

/// The year that the run of exactly four digits at `b[at..]` reads as ("1860" in
/// "in 1860"), if one starts there: the sentences of history in either language read
/// their years with it.
pub(crate) fn year_at(b: &[u8], at: usize) -> Option<u32> {
    let run = b.get(at..at + 4)?;
    let alone =
        (at == 0 || !b[at - 1].is_ascii_digit()) && !b.get(at + 4).is_some_and(u8::is_ascii_digit);
    (alone && run.iter().all(u8::is_ascii_digit))
        .then(|| run.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0')))
}

/// The text of `s`'s line before byte `i`: from the last line end before it.
#[inline]
pub(crate) fn line_before(s: &str, i: usize) -> &str {
    &s[s[..i].rfind('\n').map_or(0, |k| k + 1)..i]
}

/// The character starting at byte `i` of `s`.
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// The smallest character boundary of `s` at or above `i`.
pub(crate) fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The largest character boundary of `s` at or below `i`.
pub(crate) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_before_is_the_line_up_to_the_byte() {
        assert_eq!(line_before("a\n- **昭和2年：**x", 6), "- **");
        assert_eq!(line_before("no line end", 2), "no");
        assert_eq!(line_before("ends\n", 5), "");
    }

    #[test]
    fn strip_any_takes_off_the_first_prefix_the_text_starts_with() {
        assert_eq!(
            strip_any(", our coach", &[", your ", ", our "]),
            Some("coach")
        );
        assert_eq!(strip_any("が担当", &["が", "から"]), Some("担当"));
        assert_eq!(strip_any("coach", &[", our "]), None);
    }

    fn folded(s: &str) -> Folded {
        let mut f = Folded::default();
        assert!(f.fold(s, 0));
        f
    }

    #[test]
    fn folding_maps_full_width_characters_back_to_their_original_offsets() {
        let f = folded("電話０３－１２");
        assert_eq!(f.text, "電話03-12");
        assert_eq!(f.orig_start(f.text.find('0').unwrap()), "電話".len());
        assert_eq!(f.orig_end(f.text.len()), "電話０３－１２".len());
        assert_eq!(f.folded("電話０３".len()), "電話03".len());
    }

    #[test]
    fn folding_a_leading_full_width_character_still_maps_every_offset() {
        let f = folded("＠aｂ");
        assert_eq!(f.text, "@ab");
        assert_eq!((f.orig_start(1), f.orig_start(2), f.orig_end(3)), (3, 4, 7));
    }

    #[test]
    fn folding_drops_emphasis_marks_and_spans_keep_out_of_them() {
        let s = "is **Gareth**.";
        let f = folded(s);
        assert_eq!(f.text, "is Gareth.");
        let (i, j) = (f.text.find('G').unwrap(), f.text.find('.').unwrap());
        assert_eq!(&s[f.orig_start(i)..f.orig_end(j)], "Gareth");
        assert_eq!(f.folded(s.find('*').unwrap()), i);
        assert_eq!(folded("**ゆうき**さん").text, "ゆうきさん");
        assert_eq!(folded("*ｔｅｌ* ０３").text, "tel 03");
    }

    #[test]
    fn half_width_katakana_folds_to_full_width_with_its_voiced_marks() {
        let s = "口座名義：ﾀﾞｲｽｹ ﾊﾟｰｸ｡ 090ｰ1234";
        let f = folded(s);
        assert_eq!(f.text, "口座名義:ダイスケ パーク。 090-1234");
        // A span over the folded name maps back over the marks.
        let (i, j) = (f.text.find('ダ').unwrap(), f.text.find(" パ").unwrap());
        assert_eq!(&s[f.orig_start(i)..f.orig_end(j)], "ﾀﾞｲｽｹ");
        let k = f.text.find('。').unwrap();
        assert_eq!(&s[f.orig_start(j + 1)..f.orig_end(k)], "ﾊﾟｰｸ");
        // A mark with no kana to take it stays a mark of its own.
        assert_eq!(folded("ﾞﾝﾞ ｶﾞ").text, "゛ン゛ ガ");
    }

    #[test]
    fn the_prolonged_sound_mark_is_a_hyphen_only_after_a_digit() {
        assert_eq!(folded("090ー1234 ルーシー").text, "090-1234 ルーシー");
        assert!(!needs_fold("ルーシー 090-1234"));
    }

    #[test]
    fn folding_in_runs_matches_folding_character_by_character() {
        for s in [
            "電話０３－１２",
            "１ー２",
            "1ー2",
            "ーa",
            "aーー",
            "ａｂｃ",
            "x　y",
            "9‐9−9",
            "ﾊｰ1ｰ",
            "なし",
            "１２３ー４５６７ー",
            "Ａ1ーー",
            "**Ａ**",
            "a*ｂ**c***",
            "***",
            "１*ー２",
            "1ー*ー",
            "ｂ*",
            "ﾀﾞｲｽｹ ﾊﾟｰｸ",
            "ﾀﾞﾞ",
            "ダﾞ",
            "ﾞﾀ",
            "ｱﾞｳﾞｰ1ｰ",
            "ﾎﾟﾝﾟ",
            "*ﾟ*ｶﾞ",
            "１ｰ２",
            "ｰｰ",
        ] {
            let mut want = String::new();
            // Each original boundary and the folded one it maps to.
            let mut want_map = Vec::new();
            let mut prev = None;
            // Whether the last character was a half-width kana (which may take a mark).
            let mut half = false;
            for (o, c) in s.char_indices() {
                // A voiced mark joined to the kana before it is inside a folded
                // character: its offset is no boundary of the folded text.
                if let Some(v) = prev.filter(|_| half).and_then(|p| join_mark(p, c)) {
                    want.pop();
                    want.push(v);
                    prev = Some(v);
                    half = false;
                    continue;
                }
                want_map.push((want.len(), o));
                if c == '*' {
                    prev = None;
                    half = false;
                    continue;
                }
                let f = fold_char(c, prev);
                half = f != c;
                prev = Some(f);
                want.push(f);
            }
            want_map.push((want.len(), s.len()));
            let mut f = Folded::default();
            if f.fold(s, 0) {
                assert_eq!(f.text, want, "{s}");
                for &(i, o) in &want_map {
                    let at_i = want_map.iter().filter(|m| m.0 == i).map(|m| m.1);
                    let (first, last) = (at_i.clone().min(), at_i.max());
                    assert_eq!(f.folded(o), i, "{s} at {o}");
                    assert_eq!(Some(f.orig_end(i)), first, "{s} at {i}");
                    assert_eq!(Some(f.orig_start(i)), last, "{s} at {i}");
                }
            } else {
                assert_eq!(want, s);
            }
        }
    }

    #[test]
    fn the_byte_scan_agrees_with_folding_on_every_character() {
        for c in ('\u{0}'..='\u{FFFF}').chain(['\u{1F4DE}']) {
            for prev in ["", "1", "a", "あ"] {
                let s = format!("{prev}{c}x");
                let mut prev = None;
                let changes = s.chars().any(|c| {
                    let f = fold_char(c, prev);
                    prev = Some(f);
                    f != c || c == '*'
                });
                assert_eq!(needs_fold(&s), changes, "{s:?}");
            }
        }
    }
}
