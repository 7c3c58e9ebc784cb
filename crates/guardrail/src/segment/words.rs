//! The word lists and byte classes behind the segmenter's word test: which English
//! words are quiet, settled where possible by a table look-up before hashing.

use crate::wordset::WordSet;

/// Lower-case words that can sit inside an address or a name, so they never cut
/// (sorted).
#[rustfmt::skip]
const MATCH_WORDS: &[&str] = &[
    "al", "ap", "apt", "ave", "bin", "box", "chan", "da", "das", "de", "del", "della", "den", "der",
    "des", "di", "dos", "du", "el", "fl", "flat", "floor", "ibn", "kun", "la", "le", "po", "rd", "rue",
    "sama",
    "san", "st", "ste", "suite", "ten", "ter", "unit", "van", "von",
];

/// Length of the longest word in [`MATCH_WORDS`].
const MATCH_WORD_MAX: usize = 5;

/// Capitalised function words that never start or continue a name (sorted).
#[rustfmt::skip]
const QUIET_CAPS: &[&str] = &[
    "Absolutely", "After", "All", "Also", "And", "Any", "Are", "As", "At", "Before", "But",
    "Can", "Certainly", "Could", "Did", "Do", "Does", "Feel", "For", "From", "Glad", "Great",
    "Happy", "Here", "How", "If", "In", "Is", "It", "Its", "Just", "Let", "My", "No", "Note",
    "Of", "On", "Once", "Or", "Our", "Please", "Should", "Some", "Sorry", "Sure", "Thank",
    "Thanks", "That", "The", "There", "These", "This", "Those", "To", "Unfortunately", "We",
    "What", "When", "Where", "Which", "Who", "Why", "With", "Would", "Yes", "You", "Your",
];

static MATCH_SET: WordSet<128> = WordSet::new(MATCH_WORDS);

/// For each length (1 to [`MATCH_WORD_MAX`]) and first letter, the set of last letters
/// of the [`MATCH_WORDS`] with that length and first letter, as bits: a lower-case word
/// whose bit is clear is in no such word, which settles most words without hashing.
static MATCH_ENDS: [[u32; 26]; MATCH_WORD_MAX + 1] = match_ends();

const fn match_ends() -> [[u32; 26]; MATCH_WORD_MAX + 1] {
    let mut t = [[0u32; 26]; MATCH_WORD_MAX + 1];
    let mut i = 0;
    while i < MATCH_WORDS.len() {
        let w = MATCH_WORDS[i].as_bytes();
        let (first, last) = ((w[0] - b'a') as usize, (w[w.len() - 1] - b'a') as u32);
        t[w.len()][first] |= 1 << last;
        i += 1;
    }
    t
}

/// Whether the lower-case ASCII word `w` is in [`MATCH_WORDS`].
fn is_match_word(w: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return false;
    };
    let (first, last) = (first.wrapping_sub(b'a'), last.wrapping_sub(b'a'));
    let ends = match MATCH_ENDS.get(w.len()) {
        Some(row) if first < 26 && last < 26 => row[first as usize],
        _ => return false,
    };
    ends & (1 << last) != 0 && std::str::from_utf8(w).is_ok_and(|w| MATCH_SET.contains(w))
}
static QUIET_SET: WordSet<256> = WordSet::new(QUIET_CAPS);

/// Length of the longest word in [`QUIET_CAPS`].
const QUIET_CAP_MAX: usize = 13;

/// As [`MATCH_ENDS`], for [`QUIET_CAPS`] (capital first letter, lower-case last): most
/// capitalised words, names among them, are settled without hashing.
static QUIET_ENDS: [[u32; 26]; QUIET_CAP_MAX + 1] = quiet_ends();

const fn quiet_ends() -> [[u32; 26]; QUIET_CAP_MAX + 1] {
    let mut t = [[0u32; 26]; QUIET_CAP_MAX + 1];
    let mut i = 0;
    while i < QUIET_CAPS.len() {
        let w = QUIET_CAPS[i].as_bytes();
        let (first, last) = ((w[0] - b'A') as usize, (w[w.len() - 1] - b'a') as u32);
        t[w.len()][first] |= 1 << last;
        i += 1;
    }
    t
}

/// Whether the ASCII word `w` is in [`QUIET_CAPS`].
fn is_quiet_cap(w: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return false;
    };
    let (first, last) = (first.wrapping_sub(b'A'), last.wrapping_sub(b'a'));
    let ends = match QUIET_ENDS.get(w.len()) {
        Some(row) if first < 26 && last < 26 => row[first as usize],
        _ => return false,
    };
    ends & (1 << last) != 0 && std::str::from_utf8(w).is_ok_and(|w| QUIET_SET.contains(w))
}

/// Byte classes of the characters a word is made of.
const LOWER: u8 = 1;
pub(super) const UPPER: u8 = 2;
pub(super) const DIGIT: u8 = 4;

pub(super) static WORD_CLASS: [u8; 256] = word_classes();

const fn word_classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        b += 1;
    }
    t
}

/// Whether `word` (letters and apostrophes; `upper` if it has a capital) is quiet.
#[inline]
pub(super) fn is_quiet_word(word: &[u8], upper: bool) -> bool {
    if !upper {
        return !is_match_word(word);
    }
    is_quiet_cap(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_lists_are_sorted_for_binary_search() {
        assert!(MATCH_WORDS.is_sorted() && QUIET_CAPS.is_sorted());
        assert_eq!(
            MATCH_WORDS.iter().map(|w| w.len()).max(),
            Some(MATCH_WORD_MAX)
        );
    }

    #[test]
    fn the_letter_filter_agrees_with_the_match_word_set() {
        let mut words: Vec<String> = MATCH_WORDS.iter().map(|w| w.to_string()).collect();
        // Every lower-case word of up to three letters, and the list's words changed
        // in one letter.
        let letters = || (b'a'..=b'z').map(char::from);
        for a in letters() {
            words.push(a.to_string());
            for b in letters() {
                words.push(format!("{a}{b}"));
                for c in letters() {
                    words.push(format!("{a}{b}{c}"));
                }
            }
        }
        for w in MATCH_WORDS {
            for i in 0..w.len() {
                for c in letters() {
                    let mut v = w.to_string();
                    v.replace_range(i..=i, &c.to_string());
                    words.push(v);
                }
            }
        }
        words.extend(["don't", "isn't", "de'l", "suites", ""].map(String::from));
        for w in &words {
            assert_eq!(is_match_word(w.as_bytes()), MATCH_SET.contains(w), "{w}");
        }
        // The same for the capitalised quiet words: each capitalised, changed in one
        // letter, and with a letter more or less.
        let mut caps: Vec<String> = words.iter().map(|w| capitalise(w)).collect();
        for w in QUIET_CAPS {
            caps.extend([
                w.to_string(),
                w.to_uppercase(),
                format!("{w}s"),
                w[1..].to_string(),
            ]);
            for i in 0..w.len() {
                for c in letters().chain(letters().map(|c| c.to_ascii_uppercase())) {
                    let mut v = w.to_string();
                    v.replace_range(i..=i, &c.to_string());
                    caps.push(v);
                }
            }
        }
        for w in &caps {
            assert_eq!(is_quiet_cap(w.as_bytes()), QUIET_SET.contains(w), "{w}");
        }
        assert_eq!(
            QUIET_CAPS.iter().map(|w| w.len()).max(),
            Some(QUIET_CAP_MAX)
        );
    }

    fn capitalise(w: &str) -> String {
        let mut c = w.chars();
        c.next().map_or(String::new(), |f| {
            f.to_ascii_uppercase().to_string() + c.as_str()
        })
    }
}
