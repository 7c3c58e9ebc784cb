//! Name lists compiled into the binary (see `DATA.md` for their sources) and the
//! sets built from them once per process.

use std::borrow::Cow;
use std::hash::Hasher;
use std::sync::OnceLock;

use crate::nameset::{Draft, NameSet};

/// FNV-1a: the keys are short names, where SipHash's set-up cost dominates.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Every gazetteer the detectors use.
pub(crate) struct Gazetteers {
    /// English first names (1990 US Census), title case.
    pub en_first: NameSet,
    /// English last names (1990 US Census), title case.
    pub en_last: NameSet,
    /// Japanese family names in kanji (IPADIC).
    pub ja_family: NameSet,
    /// Japanese given names in kanji (IPADIC, SudachiDict); the value is true for one
    /// that is also a common noun ("結果", "光").
    pub ja_given: NameSet,
    /// Japanese given names as written in kana, in hiragana ("さくら", "えみ")
    /// (IPADIC, SudachiDict).
    pub ja_given_kana: NameSet,
    /// Japanese family names as written in hiragana ("たなか", "ひらの"): the readings
    /// of the kanji family names (IPADIC).
    pub ja_family_kana: NameSet,
    /// Katakana names of any origin ("ケンジ", "アンナ") and katakana common nouns,
    /// which are flagged as words ("ケーキ", "スタッフ") (IPADIC).
    pub ja_katakana: NameSet,
    /// Places written in katakana that are no name entry ("アメリカ", "シアトル")
    /// (IPADIC).
    pub ja_kata_places: NameSet,
    /// Romanised Japanese family names, folded (see [`fold_romaji`]).
    pub romaji_family: NameSet,
    /// Romanised Japanese given names, folded (see [`fold_romaji`]).
    pub romaji_given: NameSet,
    /// Common lower-case English words (SCOWL), to reject "Johnson Controls".
    pub en_words: NameSet,
    /// Place names (GeoNames: countries, US states, cities), as written in ASCII.
    pub en_places: NameSet,
    /// Byte length of the longest key of `ja_family`: longer text is no family name
    /// and needs no hashing.
    pub ja_family_max: usize,
    /// Byte length of the longest key of `ja_given`.
    pub ja_given_max: usize,
}

fn max_key_len(set: &NameSet) -> usize {
    set.keys().map(str::len).max().unwrap_or(0)
}

fn parse(data: &'static str) -> NameSet {
    NameSet::new(&draft(&[data]))
}

/// The names of several lists; a name in more than one keeps the first list's flag.
fn draft(lists: &[&'static str]) -> Draft {
    let size = lists.iter().map(|d| d.len() / 8).sum();
    let mut set = Draft::with_capacity_and_hasher(size, Default::default());
    for line in lists.iter().flat_map(|d| d.lines()) {
        let (name, ambiguous) = match line.split_once('\t') {
            Some((name, flag)) => (name, flag == "w"),
            None => (line, false),
        };
        if !name.is_empty() {
            set.entry(Cow::Borrowed(name)).or_insert(ambiguous);
        }
    }
    set
}

/// Old and variant forms of kanji common in names, with the common forms the lists
/// use: names are often written "髙橋", "渡邉", "廣瀨", "齋藤".
const OLD_FORMS: &[(char, char)] = &[
    ('髙', '高'),
    ('邉', '辺'),
    ('邊', '辺'),
    ('廣', '広'),
    ('瀨', '瀬'),
    ('齋', '斎'),
    ('齊', '斉'),
    ('﨑', '崎'),
    ('嵜', '崎'),
    ('濵', '浜'),
    ('濱', '浜'),
    ('德', '徳'),
    ('澤', '沢'),
    ('櫻', '桜'),
    ('嶋', '島'),
    ('嶌', '島'),
    ('國', '国'),
    ('冨', '富'),
    ('槇', '槙'),
    ('眞', '真'),
    ('惠', '恵'),
    ('實', '実'),
    ('榮', '栄'),
    ('龍', '竜'),
    ('瀧', '滝'),
    ('藏', '蔵'),
    ('埜', '野'),
    ('峯', '峰'),
];

/// Adds to `set` each name written with the old forms of its kanji (every combination
/// of them, for names with at most two such kanji), so that a look-up needs no folding.
fn add_old_forms(set: &mut Draft) {
    let olds = |c: char| {
        OLD_FORMS
            .iter()
            .filter(move |&&(_, n)| n == c)
            .map(|&(o, _)| o)
    };
    let mut more = Vec::new();
    for name in set.keys() {
        let mut forms = vec![String::new()];
        let mut changed = 0;
        for c in name.chars() {
            let alts: Vec<char> = olds(c).collect();
            if !alts.is_empty() && changed < 2 {
                changed += 1;
                forms = forms
                    .iter()
                    .flat_map(|f| {
                        std::iter::once(c)
                            .chain(alts.iter().copied())
                            .map(move |a| format!("{f}{a}"))
                    })
                    .collect();
            } else {
                forms.iter_mut().for_each(|f| f.push(c));
            }
        }
        more.extend(forms.into_iter().filter(|f| f.as_str() != &**name));
    }
    for m in more {
        set.entry(Cow::Owned(m)).or_insert(false);
    }
}

impl Gazetteers {
    fn load() -> Self {
        let mut ja_family = draft(&[include_str!("../data/ja_family.txt")]);
        // IPADIC's names, then the more recent ones SudachiDict adds ("陽菜", "ひまり").
        let mut ja_given = draft(&[
            include_str!("../data/ja_given.txt"),
            include_str!("../data/ja_given_sudachi.txt"),
        ]);
        add_old_forms(&mut ja_family);
        add_old_forms(&mut ja_given);
        let (ja_family, ja_given) = (NameSet::new(&ja_family), NameSet::new(&ja_given));
        Gazetteers {
            en_first: parse(include_str!("../data/en_first.txt")),
            en_last: parse(include_str!("../data/en_last.txt")),
            ja_family_max: max_key_len(&ja_family),
            ja_given_max: max_key_len(&ja_given),
            ja_family,
            ja_given,
            ja_given_kana: NameSet::new(&draft(&[
                include_str!("../data/ja_given_kana.txt"),
                include_str!("../data/ja_given_kana_sudachi.txt"),
            ])),
            ja_family_kana: parse(include_str!("../data/ja_family_kana.txt")),
            // IPADIC's katakana names and words, then the loanwords SudachiDict adds
            // ("アールグレイ", "ハラール", "インプラント").
            ja_katakana: NameSet::new(&draft(&[
                include_str!("../data/ja_katakana.txt"),
                include_str!("../data/ja_katakana_sudachi.txt"),
            ])),
            ja_kata_places: parse(include_str!("../data/ja_kata_places.txt")),
            romaji_family: parse(include_str!("../data/ja_romaji_family.txt")),
            romaji_given: parse(include_str!("../data/ja_romaji_given.txt")),
            en_words: parse(include_str!("../data/en_words.txt")),
            en_places: parse(include_str!("../data/en_places.txt")),
        }
    }

    /// The process-wide gazetteers, built on first use.
    pub fn get() -> &'static Gazetteers {
        static GAZ: OnceLock<Gazetteers> = OnceLock::new();
        GAZ.get_or_init(Gazetteers::load)
    }

    /// Heap bytes held by the sets: their names' text and their table slots.
    pub fn heap_bytes(&self) -> usize {
        [
            &self.en_first,
            &self.en_last,
            &self.ja_family,
            &self.ja_given,
            &self.ja_given_kana,
            &self.ja_family_kana,
            &self.ja_katakana,
            &self.ja_kata_places,
            &self.romaji_family,
            &self.romaji_given,
            &self.en_words,
            &self.en_places,
        ]
        .iter()
        .map(|s| s.heap_bytes())
        .sum()
    }

    /// Number of entries across all sets.
    pub fn len(&self) -> usize {
        self.en_first.len()
            + self.en_last.len()
            + self.ja_family.len()
            + self.ja_given.len()
            + self.ja_given_kana.len()
            + self.ja_family_kana.len()
            + self.ja_katakana.len()
            + self.ja_kata_places.len()
            + self.romaji_family.len()
            + self.romaji_given.len()
            + self.en_words.len()
            + self.en_places.len()
    }

    /// Whether the katakana word `w` is listed: `Some(false)` for a name ("ケンジ",
    /// "アンナ"), `Some(true)` for a common word ("ケーキ", "カウンター").
    pub fn katakana(&self, w: &str) -> Option<bool> {
        self.ja_katakana.get(w)
    }

    /// Whether the katakana word `w` is a listed place ("アメリカ").
    pub fn is_kata_place(&self, w: &str) -> bool {
        self.ja_kata_places.contains_key(w)
    }

    /// Whether `w` is an English first name, and if so whether it is ambiguous (also a
    /// word or a place). A hyphenated name counts by its first part ("Jean-Baptiste").
    pub fn first(&self, w: &str, key: &mut String) -> Option<bool> {
        let found = self.en_first.get(name_key(w, key));
        found.or_else(|| {
            let hyphen = w.bytes().position(|b| b == b'-')?;
            self.en_first.get(name_key(&w[..hyphen], key))
        })
    }

    /// Whether `w` is a surname of the census list, and if so whether it is also a
    /// common word. A double-barrelled name counts by its last part, else its first
    /// ("Hughes-Whitby", "Eze-Williams").
    pub fn last(&self, w: &str, key: &mut String) -> Option<bool> {
        let found = self.en_last.get(name_key(w, key));
        found.or_else(|| {
            let hyphen = w.bytes().rposition(|b| b == b'-')?;
            let (head, tail) = (&w[..hyphen], &w[hyphen + 1..]);
            let tail = self.en_last.get(name_key(tail, key));
            tail.or_else(|| self.en_last.get(name_key(head, key)))
        })
    }

    /// Whether the kana `w` (hiragana or katakana) is a Japanese given name.
    pub fn kana_given(&self, w: &str) -> bool {
        let mut buf = [0u8; KANA_KEY];
        as_hiragana(w, &mut buf).is_some_and(|k| self.ja_given_kana.contains_key(k))
    }

    /// Whether the kana `w` (hiragana or katakana) is a Japanese family name as read
    /// ("たなか", "スズキ").
    pub fn kana_family(&self, w: &str) -> bool {
        let mut buf = [0u8; KANA_KEY];
        as_hiragana(w, &mut buf).is_some_and(|k| self.ja_family_kana.contains_key(k))
    }

    /// Whether `w` is a common English word (in any case).
    pub fn is_word(&self, w: &str, key: &mut String) -> bool {
        key.clear();
        key.push_str(w);
        key.make_ascii_lowercase();
        self.en_words.contains_key(key.as_str())
    }

    /// Whether `w` is a listed place name.
    pub fn is_place(&self, w: &str, key: &mut String) -> bool {
        // The list is ASCII: an accented word is looked up without its accents.
        self.en_places.contains_key(w)
            || (!w.is_ascii() && self.en_places.contains_key(name_key(w, key)))
    }
}

/// Bytes of the longest kana name looked up: five characters of three bytes.
const KANA_KEY: usize = 15;

/// The kana `w` in hiragana, built in `buf`; `None` if it is too long to be a listed
/// name. Hiragana and katakana are three bytes each.
fn as_hiragana<'b>(w: &str, buf: &'b mut [u8; KANA_KEY]) -> Option<&'b str> {
    if w.len() > buf.len() {
        return None;
    }
    let mut n = 0;
    for c in w.chars() {
        let c = match c {
            'ァ'..='ヶ' => char::from_u32(u32::from(c) - 0x60).unwrap_or(c),
            c => c,
        };
        n += c.encode_utf8(&mut buf[n..]).len();
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// ASCII letters for U+00C0–U+017F without their accents, `?` for the two signs.
const UNACCENTED: &[u8; 192] = b"AAAAAAACEEEEIIIIDNOOOOO?OUUUUYTsaaaaaaaceeeeiiiidnooooo?ouuuuyty\
      AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlL\
      lLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/// `w` as the census and SSA lists spell names: ASCII, capitalised, the rest in lower
/// case, without apostrophes ("O’Sullivan" → "Osullivan", "Ramírez" → "Ramirez",
/// "McGuinness" → "Mcguinness"). Returns `w` itself when it already is.
pub(crate) fn name_key<'a>(w: &'a str, key: &'a mut String) -> &'a str {
    let b = w.as_bytes();
    let plain =
        b.first().is_some_and(u8::is_ascii_uppercase) && b[1..].iter().all(u8::is_ascii_lowercase);
    if plain {
        return w;
    }
    key.clear();
    for c in w.chars() {
        let ascii = match c {
            '\'' | '\u{2019}' => continue,
            c if c.is_ascii() => c,
            c => match u32::from(c)
                .checked_sub(0xc0)
                .and_then(|i| UNACCENTED.get(i as usize))
            {
                Some(&a) => char::from(a),
                None => c,
            },
        };
        key.push(if key.is_empty() {
            ascii.to_ascii_uppercase()
        } else {
            ascii.to_ascii_lowercase()
        });
    }
    key.as_str()
}

/// Folds a romanised Japanese name the way `data/build_data.py` does, so that
/// Satou, Satoh and Sato meet: lower case, long vowels collapsed.
pub(crate) fn fold_romaji(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
    } else {
        // "Ōkubo", "Itō": long vowels written with a macron or a circumflex.
        out.extend(word.chars().map(|c| match c {
            'ā' | 'â' | 'Ā' | 'Â' => 'a',
            'ī' | 'î' | 'Ī' | 'Î' => 'i',
            'ū' | 'û' | 'Ū' | 'Û' => 'u',
            'ē' | 'ê' | 'Ē' | 'Ê' => 'e',
            'ō' | 'ô' | 'Ō' | 'Ô' => 'o',
            c => c,
        }));
    }
    out.make_ascii_lowercase();
    if out.ends_with("oh") {
        out.pop();
    }
    // Every pattern below holds an `o` or a `u`.
    if !out.bytes().any(|b| b == b'o' || b == b'u') {
        return;
    }
    for (from, to) in [("ou", "o"), ("oo", "o"), ("uu", "u")] {
        collapse(out, from, to);
    }
}

/// Replaces each occurrence of `from` with `to`, left to right and without overlaps
/// (what `str::replace` does), in place.
fn collapse(s: &mut String, from: &str, to: &str) {
    let from = from.as_bytes();
    let mut i = 0;
    while let Some(k) = s.as_bytes()[i..]
        .windows(from.len())
        .position(|w| w == from)
    {
        s.replace_range(i + k..i + k + from.len(), to);
        i += k + to.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_lists_hold_the_expected_names() {
        let g = Gazetteers::get();
        assert_eq!(g.en_first.get("Sarah"), Some(false));
        assert_eq!(g.en_first.get("Hope"), Some(true));
        assert!(g.en_last.contains_key("Johnson"));
        let mut key = String::new();
        assert_eq!(g.first("Siobhán", &mut key), Some(false));
        assert_eq!(g.first("Jean-Baptiste", &mut key), Some(false));
        assert_eq!(g.last("O’Sullivan", &mut key), Some(false));
        assert_eq!(g.last("McGuinness", &mut key), Some(false));
        assert_eq!(
            g.last("Hughes-Whitby", &mut key),
            g.last("Whitby", &mut key)
        );
        assert!(g.is_place("Toronto", &mut key) && !g.is_place("Priya", &mut key));
        assert!(g.ja_family.contains_key("佐藤") && g.ja_given.contains_key("花子"));
        let mut key = String::new();
        fold_romaji("Satou", &mut key);
        assert!(g.romaji_family.contains_key(key.as_str()));
    }

    #[test]
    fn name_keys_are_spelt_as_the_lists_spell_names() {
        let mut key = String::new();
        for (w, want) in [
            ("Sarah", "Sarah"),
            ("O'Brien", "Obrien"),
            ("O’Sullivan", "Osullivan"),
            ("Ramírez", "Ramirez"),
            ("ŁUKASZ", "Lukasz"),
            ("McDONALD", "Mcdonald"),
            ("Ngozi", "Ngozi"),
        ] {
            assert_eq!(name_key(w, &mut key), want, "{w}");
        }
        let table = (0xc0..0x180u32).filter_map(char::from_u32);
        for (c, &a) in table.zip(UNACCENTED.iter()) {
            assert!(a.is_ascii_alphabetic() || matches!(c, '×' | '÷'), "{c}");
        }
    }

    #[test]
    fn romaji_folding_collapses_long_vowels_like_str_replace() {
        let mut key = String::new();
        for w in ["Satou", "Satoh", "Ooooka", "Yuuuki", "Kouou", "OUou", "Oh"] {
            fold_romaji(w, &mut key);
            let mut want = w.to_ascii_lowercase();
            if want.ends_with("oh") {
                want.pop();
            }
            for (from, to) in [("ou", "o"), ("oo", "o"), ("uu", "u")] {
                want = want.replace(from, to);
            }
            assert_eq!(key, want, "{w}");
        }
    }
}
