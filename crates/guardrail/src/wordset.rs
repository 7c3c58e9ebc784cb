//! Fixed sets of short words, hashed at compile time.

/// Longest word a [`WordSet`] can hold, in bytes.
pub(crate) const PACKED_MAX: usize = 16;

/// `b[from..to]` packed into an integer, zero-padded (`to - from` at most 16).
const fn pack(b: &[u8], from: usize, to: usize) -> u128 {
    let mut k = 0u128;
    let mut i = 0;
    while i < PACKED_MAX {
        k <<= 8;
        if from + i < to {
            k |= b[from + i] as u128;
        }
        i += 1;
    }
    k
}

const fn slot(key: u128, slots: usize) -> usize {
    // Short words leave the low bytes zero: use the product's top 32 bits, which every
    // input bit reaches, scaled to the table size.
    let mixed = ((key >> 64) as u64 ^ (key as u64)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (((mixed >> 32) * slots as u64) >> 32) as usize
}

/// A word packed for look-ups in any [`WordSet`], so that a word tested against
/// several sets is packed once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordKey(u128);

/// The look-up key of `w`; `None` if no set can hold it (empty or too long).
pub(crate) fn key(w: &str) -> Option<WordKey> {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > PACKED_MAX {
        return None;
    }
    // A byte loop, not a copy of variable length (which costs a `memcpy` call).
    let mut key = 0u128;
    for (i, &c) in b.iter().enumerate() {
        key |= u128::from(c) << (8 * (PACKED_MAX - 1 - i));
    }
    Some(WordKey(key))
}

/// A fixed set of short words (at most [`PACKED_MAX`] bytes, no NUL), built at compile
/// time: each word is packed into an integer and placed in an open-addressing table
/// of `S` slots, so a look-up is one hash and about one integer compare, where a
/// binary search over strings cost several `memcmp` calls.
pub(crate) struct WordSet<const S: usize> {
    slots: [u128; S],
}

impl<const S: usize> WordSet<S> {
    /// The set of `words`. Fails to compile if a word is too long or the table too small.
    pub const fn new(words: &[&str]) -> Self {
        let mut set = WordSet { slots: [0; S] };
        let mut i = 0;
        while i < words.len() {
            let b = words[i].as_bytes();
            assert!(!b.is_empty() && b.len() <= PACKED_MAX);
            set.insert(pack(b, 0, b.len()));
            i += 1;
        }
        set
    }

    const fn insert(&mut self, key: u128) {
        assert!(S >= 8);
        let mut h = slot(key, S);
        let mut probes = 0;
        while self.slots[h] != 0 && self.slots[h] != key {
            h = (h + 1) % S;
            probes += 1;
            // A table this crowded means a poor spread: fail the build.
            assert!(probes < 8);
        }
        self.slots[h] = key;
    }

    /// Whether the set holds `w`.
    pub fn contains(&self, w: &str) -> bool {
        key(w).is_some_and(|k| self.holds(k))
    }

    /// Whether the set holds the word whose [`key`] is `key`.
    pub fn holds(&self, key: WordKey) -> bool {
        let key = key.0;
        let mut h = slot(key, S);
        loop {
            match self.slots[h] {
                0 => return false,
                k if k == key => return true,
                _ => h = (h + 1) % S,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_sets_hold_exactly_their_words() {
        const WORDS: &[&str] = &["Abc", "Ab", "abc", "unfortunately", "担当者", "名前"];
        const SET: WordSet<16> = WordSet::new(WORDS);
        for w in WORDS {
            assert!(SET.contains(w));
        }
        for w in ["A", "Abcd", "abcdefghijklmnopq", "", "担当", "名"] {
            assert!(!SET.contains(w));
        }
    }
}
