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

/// Folds one character to its ASCII form where the detectors treat them alike:
/// full-width ASCII, the ideographic space and the many hyphen look-alikes.
fn fold_char(c: char, prev_is_digit: bool) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FF70}' => '-',
        // The katakana prolonged sound mark stands in for a hyphen only between digits.
        'ー' if prev_is_digit => '-',
        _ => c,
    }
}

/// A width-folded copy of a text with a map back to the original byte offsets.
/// Folding is one character to one character, so every folded character boundary
/// corresponds to an original one.
#[derive(Debug, Default)]
pub(crate) struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the original offset of the character it belongs to;
    /// one extra entry maps `text.len()` to the original length. Empty when folding
    /// changed nothing, so offsets are the same.
    map: Vec<u32>,
}

impl Folded {
    /// Folds `parts` as one text.
    pub fn new(parts: &[&str]) -> Self {
        let total: usize = parts.iter().map(|p| p.len()).sum();
        let mut text = String::with_capacity(total);
        // The map stays empty (offsets are unchanged) until a character changes width.
        let mut map: Vec<u32> = Vec::new();
        let mut orig = 0u32;
        let mut prev_is_digit = false;
        let mut mapped = false;
        for part in parts {
            for c in part.chars() {
                let f = fold_char(c, prev_is_digit);
                prev_is_digit = f.is_ascii_digit();
                if f != c && !mapped {
                    mapped = true;
                    map.extend(0..text.len() as u32);
                }
                text.push(f);
                if mapped {
                    map.resize(text.len(), orig);
                }
                orig += c.len_utf8() as u32;
            }
        }
        if mapped {
            map.push(orig);
        }
        Folded { text, map }
    }

    /// The original byte offset of folded offset `i` (a character boundary or the end).
    pub fn orig(&self, i: usize) -> usize {
        if self.map.is_empty() {
            return i;
        }
        self.map.get(i).copied().unwrap_or(0) as usize
    }

    /// The folded offset of original offset `o` (must be a character boundary).
    pub fn folded(&self, o: usize) -> usize {
        if self.map.is_empty() {
            return o;
        }
        self.map.partition_point(|&m| (m as usize) < o)
    }
}

/// The character starting at byte `i` of `s`.
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
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
    fn folding_maps_full_width_characters_back_to_their_original_offsets() {
        let f = Folded::new(&["電話", "０３－１２"]);
        assert_eq!(f.text, "電話03-12");
        assert_eq!(f.orig(f.text.find('0').unwrap()), "電話".len());
        assert_eq!(f.orig(f.text.len()), "電話０３－１２".len());
        assert_eq!(f.folded("電話０３".len()), "電話03".len());
    }

    #[test]
    fn folding_a_leading_full_width_character_still_maps_every_offset() {
        let f = Folded::new(&["＠a", "ｂ"]);
        assert_eq!(f.text, "@ab");
        assert_eq!((f.orig(1), f.orig(2), f.orig(3)), (3, 4, 7));
    }

    #[test]
    fn the_prolonged_sound_mark_is_a_hyphen_only_after_a_digit() {
        assert_eq!(
            Folded::new(&["090ー1234 ルーシー"]).text,
            "090-1234 ルーシー"
        );
    }
}
