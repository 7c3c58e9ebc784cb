//! Names found earlier in the text, so that a part of one standing alone later names
//! the same person ("Olivia Grant | CEO" … "Olivia founded the agency in 2015";
//! "社会保険労務士の長谷川 智子" … "長谷川は一橋大学を卒業後").
//!
//! The driver adds the parts of every name it finds, in order, as it consumes the text.
//! Batch and stream consume the same pieces in the same order, so they agree. The state
//! is bounded: the last [`SLOTS`] parts, each at most [`PART_MAX`] bytes.

/// Parts kept.
const SLOTS: usize = 16;
/// Longest part kept, in bytes (a longer one is not kept).
const PART_MAX: usize = 30;

/// The parts of the names found so far: the words of an English name of three letters
/// or more ("Olivia", "Grant"), the parts of a Japanese one of two characters or more
/// ("長谷川", "智子", "マリア").
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Known {
    parts: [[u8; PART_MAX]; SLOTS],
    lens: [u8; SLOTS],
    /// Where the next part goes: the oldest is replaced once all slots are used.
    next: usize,
    /// Each part's [`head`]: one comparison settles most words asked about.
    heads: [u64; SLOTS],
    /// A bit for the third byte and one for the last byte of each part kept (their
    /// low six bits), and perhaps of a few given way to: a word whose bits are not both
    /// set is none of the parts, which settles most words asked about at once.
    thirds: u64,
    lasts: u64,
}

/// The bits of [`Known::thirds`] and [`Known::lasts`] a word sets.
fn bits(w: &[u8]) -> (u64, u64) {
    let third = w.get(2).copied().unwrap_or(0);
    let last = w.last().copied().unwrap_or(0);
    (1 << (third & 63), 1 << (last & 63))
}

/// A word's length and its first seven bytes, as one number: two words with different
/// heads differ.
fn head(w: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    let n = w.len().min(7);
    b[..n].copy_from_slice(&w[..n]);
    b[7] = w.len() as u8;
    u64::from_le_bytes(b)
}

impl Known {
    /// Takes in the parts of `name`, a span found as a person.
    pub fn add(&mut self, name: &str) {
        for part in name.split([' ', '\u{3000}', '・', '-', '‐']) {
            let part = part.trim_matches(|c: char| c.is_ascii_punctuation());
            if keeps(part) && !self.contains(part) {
                let slot = self.next % SLOTS;
                self.parts[slot][..part.len()].copy_from_slice(part.as_bytes());
                self.lens[slot] = part.len() as u8;
                self.heads[slot] = head(part.as_bytes());
                self.next = self.next.wrapping_add(1);
                let (t, l) = bits(part.as_bytes());
                (self.thirds, self.lasts) = (self.thirds | t, self.lasts | l);
                // The bits of parts given way to only cost a comparison more; they are
                // cleared once every round of the slots.
                if self.next.is_multiple_of(SLOTS) {
                    (self.thirds, self.lasts) = (0, 0);
                    for k in 0..SLOTS {
                        let (t, l) = bits(&self.parts[k][..usize::from(self.lens[k])]);
                        (self.thirds, self.lasts) = (self.thirds | t, self.lasts | l);
                    }
                }
            }
        }
    }

    /// Whether `word` is a part of a name found so far.
    pub fn contains(&self, word: &str) -> bool {
        let w = word.as_bytes();
        let (t, l) = bits(w);
        if self.thirds & t == 0 || self.lasts & l == 0 || w.len() > PART_MAX {
            return false;
        }
        let h = head(w);
        let used = self.next.min(SLOTS);
        (0..used).any(|k| self.heads[k] == h && &self.parts[k][..w.len()] == w)
    }
}

/// Whether a part is worth keeping: a capitalised Latin word of three letters or more,
/// or two Japanese characters or more (kanji or katakana), that fits a slot.
fn keeps(part: &str) -> bool {
    if part.is_empty() || part.len() > PART_MAX {
        return false;
    }
    if part.is_ascii() {
        part.len() >= 3
            && part.starts_with(|c: char| c.is_ascii_uppercase())
            && part.bytes().all(|b| b.is_ascii_alphabetic() || b == b'\'')
    } else {
        part.chars().count() >= 2
            && part
                .chars()
                .all(|c| crate::text::is_han(c) || crate::text::is_katakana(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_names_are_kept_and_found() {
        let mut k = Known::default();
        assert!(!k.contains("Olivia"));
        k.add("Olivia Grant");
        k.add("長谷川 智子");
        k.add("マリア・ゴンザレス");
        k.add("Sun-Hee Park");
        for part in [
            "Olivia",
            "Grant",
            "長谷川",
            "智子",
            "マリア",
            "ゴンザレス",
            "Sun",
            "Hee",
            "Park",
        ] {
            assert!(k.contains(part), "{part}");
        }
        // Not a part, only a piece of one; too short; not capitalised.
        for other in ["Oliv", "Olivia Grant", "長谷", "Al", "grant"] {
            assert!(!k.contains(other), "{other}");
        }
    }

    #[test]
    fn short_and_mixed_parts_are_not_kept() {
        let mut k = Known::default();
        k.add("Al Li");
        k.add("森 あかり");
        k.add("J. Whitfield");
        assert!(!k.contains("Al") && !k.contains("Li"));
        assert!(!k.contains("森") && !k.contains("あかり"));
        assert!(k.contains("Whitfield") && !k.contains("J."));
    }

    #[test]
    fn the_oldest_part_gives_way_when_all_slots_are_used() {
        let mut k = Known::default();
        let names: Vec<String> = (0..SLOTS + 1)
            .map(|i| format!("Name{}", "x".repeat(i)))
            .collect();
        for n in &names {
            k.add(n);
        }
        assert!(!k.contains(&names[0]));
        assert!(names[1..].iter().all(|n| k.contains(n)));
        // A part already kept takes no second slot.
        k.add(&names[SLOTS]);
        assert!(k.contains(&names[1]));
    }
}
