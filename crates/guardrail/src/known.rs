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
}

impl Known {
    /// Takes in the parts of `name`, a span found as a person.
    pub fn add(&mut self, name: &str) {
        for part in name.split([' ', '\u{3000}', '・', '-', '‐']) {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            if keeps(part) && !self.contains(part) {
                let slot = self.next % SLOTS;
                self.parts[slot][..part.len()].copy_from_slice(part.as_bytes());
                self.lens[slot] = part.len() as u8;
                self.next = self.next.wrapping_add(1);
            }
        }
    }

    /// Whether `word` is a part of a name found so far.
    pub fn contains(&self, word: &str) -> bool {
        let w = word.as_bytes();
        let used = self.next.min(SLOTS);
        (0..used).any(|k| &self.parts[k][..usize::from(self.lens[k])] == w)
    }

    /// Whether no name has been found yet.
    pub fn is_empty(&self) -> bool {
        self.next == 0
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
        assert!(k.is_empty() && !k.contains("Olivia"));
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
