//! Keyword look-ups in the text just before a candidate (the left context).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::text::ceil_boundary;

/// A set of context keywords, matched ASCII-case-insensitively. ASCII keywords must
/// stand as whole words; Japanese ones may touch anything.
pub(crate) struct Keywords {
    ac: AhoCorasick,
}

impl Keywords {
    /// Builds the automaton for `words`.
    pub fn new(words: &[&str]) -> Result<Self, String> {
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(words)
            .map_err(|e| e.to_string())?;
        Ok(Keywords { ac })
    }

    /// End offset (in `t`) of the last keyword that ends within the `window` bytes
    /// before `pos`.
    pub fn last_before(&self, t: &str, pos: usize, window: usize) -> Option<usize> {
        let from = ceil_boundary(t, pos.saturating_sub(window));
        let hay = &t[from..pos];
        let mut last = None;
        for m in self.ac.find_iter(hay) {
            if whole_word(hay, m.start(), m.end()) {
                last = Some(from + m.end());
            }
        }
        last
    }
}

fn whole_word(hay: &str, start: usize, end: usize) -> bool {
    let b = hay.as_bytes();
    let is_word = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    let starts_ascii = b.get(start).is_some_and(u8::is_ascii_alphanumeric);
    let ends_ascii = end > 0 && b[end - 1].is_ascii_alphanumeric();
    let left_ok = !starts_ascii || start == 0 || !is_word(start - 1);
    let right_ok = !ends_ascii || !is_word(end);
    left_ok && right_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_keywords_match_only_whole_words() {
        let k = Keywords::new(&["id", "電話"]).unwrap();
        assert_eq!(k.last_before("valid paid", 10, 40), None);
        assert_eq!(k.last_before("your ID 1234", 8, 40), Some(7));
        assert_eq!(k.last_before("お電話は", 12, 40), Some(9));
    }
}
