//! A compact, read-only set of names, each with a flag.
//!
//! The gazetteers hold about 400,000 names. In a `HashMap<Box<str>, bool>` each name
//! took a heap allocation of its own and a 24-byte slot: 34 MiB resident for them all
//! (`mimi-pii mem`). Here the names share one string and each takes an eight-byte slot
//! of an open-addressing table (linear probing) at most half full, about 24 heap bytes
//! a name. The slot also keeps the name's length and a tag of its hash, so a probe reads
//! the names' text only when both match.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::gazetteer::Fnv;

/// The names while a set is built, most of them borrowed from the compiled-in lists:
/// a name's flag is true when it is also a common word.
pub(crate) type Draft = HashMap<Cow<'static, str>, bool, BuildHasherDefault<Fnv>>;

/// A set of names; a name's flag is true when it is also a common word.
pub(crate) struct NameSet {
    /// Every name, one after another.
    text: Box<str>,
    /// Zero for an empty slot; else the name's offset in `text` (bits 0–31), its length
    /// (bits 32–39), its flag (bit 40) and its hash's [`tag`] (bits 41–63).
    slots: Box<[u64]>,
    len: usize,
}

const LEN_SHIFT: u32 = 32;
const FLAG: u64 = 1 << 40;
const TAG_SHIFT: u32 = 41;

/// The tag a slot keeps of a name's hash: its low 23 bits. The slot is picked by the high
/// ones, so names that probe the same run of slots seldom share a tag.
fn tag(h: u64) -> u64 {
    h & ((1 << (64 - TAG_SHIFT)) - 1)
}

/// Eight bytes at a time, each word folded in by a multiply, then mixed so that the
/// high bits, which pick the slot, depend on every byte (short keys that share their
/// leading bytes, as kanji in UTF-8 do, would otherwise cluster, and linear probing
/// punishes clusters). FNV-1a, a byte at a time, took more instructions for the same
/// spread.
fn hash(name: &str) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes = name.as_bytes();
    let mut h = bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().unwrap_or([0; 8]));
        h = (h.rotate_left(23) ^ w).wrapping_mul(K);
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let h = (h ^ (h >> 32)).wrapping_mul(K);
    h ^ (h >> 29)
}

impl NameSet {
    /// Freezes `draft`. Names longer than 255 bytes are no names and are dropped.
    pub(crate) fn new(draft: &Draft) -> NameSet {
        let names: Vec<(&str, bool)> = draft
            .iter()
            .filter(|(n, _)| !n.is_empty() && n.len() <= 255)
            .map(|(n, &f)| (&**n, f))
            .collect();
        // At most half full: a look-up that misses then probes two or three slots.
        let size = names.len() * 2 + 1;
        let mut slots = vec![0u64; size].into_boxed_slice();
        let mut text = String::with_capacity(names.iter().map(|(n, _)| n.len()).sum());
        for &(name, flag) in &names {
            let h = hash(name);
            let offset = text.len() as u64;
            // The compiled-in lists hold a few MiB of names.
            assert!(offset < 1 << LEN_SHIFT, "names fit in 4 GiB");
            text.push_str(name);
            let slot = offset
                | (name.len() as u64) << LEN_SHIFT
                | if flag { FLAG } else { 0 }
                | tag(h) << TAG_SHIFT;
            let mut i = Self::home(h, size);
            while slots[i] != 0 {
                i = if i + 1 == size { 0 } else { i + 1 };
            }
            slots[i] = slot;
        }
        NameSet {
            text: text.into_boxed_str(),
            slots,
            len: names.len(),
        }
    }

    /// The slot a hash starts its probe at.
    fn home(h: u64, size: usize) -> usize {
        ((u128::from(h) * size as u128) >> 64) as usize
    }

    /// The name a slot holds.
    fn name(&self, slot: u64) -> &str {
        let start = (slot & 0xFFFF_FFFF) as usize;
        let len = ((slot >> LEN_SHIFT) & 0xFF) as usize;
        &self.text[start..start + len]
    }

    /// Whether `name` is in the set, and if so its flag.
    pub(crate) fn get(&self, name: &str) -> Option<bool> {
        if name.is_empty() || name.len() > 255 {
            return None;
        }
        let h = hash(name);
        let want = (name.len() as u64) | tag(h) << (TAG_SHIFT - LEN_SHIFT);
        let size = self.slots.len();
        let mut i = Self::home(h, size);
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return None;
            }
            // The length and the tag first: most probes stop there.
            if (slot >> LEN_SHIFT) & !(FLAG >> LEN_SHIFT) == want && self.name(slot) == name {
                return Some(slot & FLAG != 0);
            }
            i = if i + 1 == size { 0 } else { i + 1 };
        }
    }

    /// Whether `name` is in the set.
    pub(crate) fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The names, in no order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.slots
            .iter()
            .filter(|&&s| s != 0)
            .map(|&s| self.name(s))
    }

    /// Number of names.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Heap bytes held: the names' text and the slots.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.text.len() + self.slots.len() * std::mem::size_of::<u64>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frozen_set_finds_what_its_draft_held_and_nothing_else() {
        let mut draft = Draft::default();
        let names: Vec<String> = (0..5000).map(|i| format!("名{i}")).collect();
        for (i, n) in names.iter().enumerate() {
            draft.insert(n.clone().into(), i % 3 == 0);
        }
        draft.insert("Hope".into(), true);
        draft.insert("Sarah".into(), false);
        let set = NameSet::new(&draft);
        assert_eq!(set.len(), draft.len());
        for (i, n) in names.iter().enumerate() {
            assert_eq!(set.get(n), Some(i % 3 == 0), "{n}");
        }
        assert_eq!(set.get("Hope"), Some(true));
        assert_eq!(set.get("Sarah"), Some(false));
        for miss in ["", "Sara", "Sarahs", "名5000", "名-1", "hope"] {
            assert_eq!(set.get(miss), None, "{miss}");
        }
        let mut keys: Vec<&str> = set.keys().collect();
        keys.sort_unstable();
        let mut want: Vec<&str> = draft.keys().map(|k| &**k).collect();
        want.sort_unstable();
        assert_eq!(keys, want);
        let empty = NameSet::new(&Draft::default());
        assert_eq!((empty.get("a"), empty.len()), (None, 0));
    }
}
