//! Postal codes: Japanese 〒NNN-NNNN (or with 郵便番号 context), US ZIP / ZIP+4 after
//! a state, UK postcodes, Irish Eircodes after an Irish place.

use regex::Regex;

use super::context::Keywords;
use super::marks::Marks;
use super::places::{
    AU_STATES, CA_PROVINCES, PREFECTURES, PREFECTURES_ROMAJI, UK_AREAS, US_STATE_NAMES, US_STATES,
};
use super::{Cand, matches_from, regex_err, run_start, run_start_ascii};
use crate::Label;
use crate::table::{Table, postal_cell};

/// The postal-code detector.
pub(crate) struct Postal {
    ja: Regex,
    zip: Regex,
    uk: Regex,
    eircode: Regex,
    us_before: Regex,
    keywords: Keywords,
}

impl Postal {
    /// Compiles the patterns.
    pub fn new() -> Result<Self, String> {
        let states = US_STATES.join("|");
        let names = US_STATE_NAMES.join("|");
        Ok(Postal {
            ja: Regex::new(r"(〒 ?)?[0-9]{3}-?[0-9]{4}").map_err(regex_err)?,
            zip: Regex::new(r"[0-9]{5}(?:-[0-9]{4})?").map_err(regex_err)?,
            uk: Regex::new(r"([A-Z]{1,2})[0-9][A-Z0-9]? ?[0-9][A-Z]{2}").map_err(regex_err)?,
            // A routing key and a unique identifier from the Eircode alphabet.
            eircode: Regex::new(r"(?:[ACDEFHKNPRTVWXY][0-9]{2}|D6W) ?[0-9ACDEFHKNPRTVWXY]{4}")
                .map_err(regex_err)?,
            us_before: Regex::new(&format!(
                // A CSV field ends the state's in quotes: "…, Dayton, OH",45419.
                r#"(?:(?-u:\b)(?:{states})|(?-u:\b)(?:{names}))"?,? ?$"#
            ))
            .map_err(regex_err)?,
            keywords: Keywords::new(&[
                "zip",
                "zip code",
                "zipcode",
                "postcode",
                "post code",
                "postal code",
                // Keys of structured data: "postal_code: \"530-0001\"".
                "postal_code",
                "zip_code",
                "郵便番号",
                "〒",
            ])?,
        })
    }

    /// Finds postal codes in `t[lo..hi]`, whose digit shapes are in `m`.
    pub fn find(
        &self,
        t: &str,
        lo: usize,
        hi: usize,
        m: &Marks,
        table: Option<&Table>,
        out: &mut Vec<Cand>,
    ) {
        let b = t.as_bytes();
        let bounded = |s: usize, e: usize| {
            let before = s == 0 || !(b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'-');
            let after = e >= b.len() || !(b[e].is_ascii_alphanumeric() || b[e] == b'-');
            s >= lo && e <= hi && before && after
        };
        // A kept code lies inside the piece: skip patterns whose digits are not there.
        let (digits, ja_shape, uk_shape) = (m.max_digits, m.ja_postal, m.uk_postal);
        let ja = if ja_shape { Some(&self.ja) } else { None };
        // Codes are made of few characters: a search may start where the run of such
        // characters reaching the piece starts, skipping the rest of the left context.
        let ja_from = || {
            run_start(t, lo, |c| {
                c.is_ascii_digit() || matches!(c, '-' | ' ' | '〒')
            })
        };
        for m in ja
            .into_iter()
            .flat_map(|re| matches_from(re, &t[..hi], ja_from()))
        {
            let (s, e) = (m.start(), m.end());
            let marked = m.as_str().starts_with('〒');
            let has_dash = m.as_str().contains('-');
            // "郵便番号は0600042": seven digits right after a keyword, also as a key of
            // structured data ("\"zip\": \"0600042\"").
            let labelled = || {
                self.keywords.last_before(t, s, 16).is_some_and(|k| {
                    t[k..s]
                        .trim_matches([' ', 'は', 'が', ':', '：', '"'])
                        .is_empty()
                })
            };
            // "| 札幌店 | 060-0042 |" under "| 店舗 | 郵便番号 |": a cell of a column of
            // postal codes.
            let cell = || table.is_some_and(|tb| postal_cell(tb, t, lo, s, e));
            if bounded(s, e)
                && (marked
                    || (has_dash && (self.ja_context(t, s, e) || cell()))
                    || (!has_dash && labelled()))
            {
                out.push(Cand::new(s, e, Label::PostalCode));
            }
        }
        let zip = if digits >= 5 { Some(&self.zip) } else { None };
        let zip_from = || run_start_ascii(t, lo, |c| c.is_ascii_digit() || c == b'-');
        for m in zip
            .into_iter()
            .flat_map(|re| matches_from(re, &t[..hi], zip_from()))
        {
            let (s, e) = (m.start(), m.end());
            let near = || self.keywords.last_before(t, s, 40).is_some();
            let before = &t[crate::text::ceil_boundary(t, s.saturating_sub(24))..s];
            // A state's abbreviation after a lower-case word is a label ("event ID
            // 40021", "order ID"), not a state after its town ("Boise, ID 83702").
            let state = || {
                self.us_before.find(before).is_some_and(|m| {
                    let head = before[..m.start()].trim_end_matches(' ');
                    let word = head
                        .rsplit(' ')
                        .next()
                        .unwrap_or(head)
                        .trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
                    let abbreviated = m.as_str().trim_end_matches([' ', ',']).len() == 2;
                    !abbreviated
                        || head.ends_with(',')
                        || !word.starts_with(|c: char| c.is_ascii_lowercase())
                })
            };
            let cell = || table.is_some_and(|tb| postal_cell(tb, t, lo, s, e));
            if bounded(s, e) && (near() || state() || cell()) {
                out.push(Cand::new(s, e, Label::PostalCode));
            }
        }
        let uk = if uk_shape { Some(&self.uk) } else { None };
        let uk_from = || {
            run_start_ascii(t, lo, |c| {
                c.is_ascii_uppercase() || c.is_ascii_digit() || c == b' '
            })
        };
        let hay = &t[..hi];
        for all in uk
            .into_iter()
            .flat_map(|re| matches_from(re, hay, uk_from()))
        {
            // The area is the pattern's group 1: the capitals before the first digit,
            // read off the match without the costlier capture search.
            let code = all.as_str();
            let area = &code[..code.bytes().take_while(u8::is_ascii_uppercase).count()];
            let spaced = code.contains(' ');
            let near = self.keywords.last_before(t, all.start(), 16).is_some();
            let known = UK_AREAS.contains(&area) && (spaced || near);
            if bounded(all.start(), all.end())
                // A code of an area no list holds (an invented one, "MB4 7QT") after
                // the parts of an address, on its line or the line above.
                && (known
                    || (spaced && super::address::before_postcode(t, lo, all.start()).is_some()))
            {
                out.push(Cand::new(all.start(), all.end(), Label::PostalCode));
            }
        }
        let eircodes = if uk_shape { Some(&self.eircode) } else { None };
        for code in eircodes
            .into_iter()
            .flat_map(|re| matches_from(re, hay, uk_from()))
        {
            let (s, e) = (code.start(), code.end());
            let id = &code.as_str()[code.as_str().len() - 4..];
            let mixed = id.bytes().any(|c| c.is_ascii_digit())
                && id.bytes().any(|c| c.is_ascii_uppercase());
            if bounded(s, e) && mixed && irish_before(t, s) {
                out.push(Cand::new(s, e, Label::PostalCode));
            }
        }
        // Canadian and Australian codes count only right after a province or state:
        // find those, a few bytes of capitals, by hand rather than by a search.
        if uk_shape || digits >= 4 {
            for (i, &c) in b.iter().enumerate().take(hi).skip(lo) {
                if !c.is_ascii_digit() && !c.is_ascii_uppercase() {
                    continue;
                }
                let region = region_before(b, i);
                let code = match region {
                    Some(Region::Canada) if uk_shape => canadian_code(b, i),
                    Some(Region::Australia) if digits >= 4 => australian_code(b, i),
                    _ => None,
                };
                if let Some(e) = code.filter(|&e| bounded(i, e)) {
                    out.push(Cand::new(i, e, Label::PostalCode));
                }
            }
        }
    }

    /// A bare NNN-NNNN is a Japanese postal code after 郵便番号/〒 or before a prefecture.
    fn ja_context(&self, t: &str, s: usize, e: usize) -> bool {
        // The next field of a CSV row: `812-0011,"福岡県…"`.
        let after = t[e..].trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == '"');
        // "…, Kanagawa 250-0311": a prefecture in romaji right before.
        let before = t[..s].trim_end_matches([' ', ',']);
        let romaji = |p: &&str| {
            before.ends_with(*p)
                && !before[..before.len() - p.len()].ends_with(|c: char| c.is_ascii_alphabetic())
        };
        // "150-0002 渋谷区渋谷…": a municipality right after.
        let municipality = || {
            after
                .chars()
                .take_while(|&c| crate::text::is_han(c))
                .take(7)
                .enumerate()
                .any(|(k, c)| k > 0 && matches!(c, '市' | '区' | '郡'))
        };
        // "3-5-8 Nishiki, Naka-ku, Nagoya 460-0003": a ward, city or county in romaji
        // before the town ("-ku", "-shi", "-gun"), or right before.
        let ward = || {
            let mut parts = before.rsplit(", ").take(2);
            let (last, prev) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let marked = |p: &str| {
                ["-ku", "-shi", "-gun", "-ken"]
                    .iter()
                    .any(|m| p.ends_with(m))
            };
            marked(last) || (marked(prev) && last.bytes().all(|b| b.is_ascii_alphabetic()))
        };
        // "The postal code for deliveries is 111-0032": the word a sentence before.
        self.keywords.last_before(t, s, 32).is_some()
            || ward()
            || PREFECTURES
                .iter()
                .any(|p| crate::text::starts_with(after, p))
            || PREFECTURES_ROMAJI.iter().any(romaji)
            || municipality()
    }
}

/// Irish places an Eircode follows in an address.
#[rustfmt::skip]
const IRISH_PLACES: &[&str] = &[
    "Eircode", "Ireland", "Dublin", "Cork", "Galway", "Limerick", "Sligo", "Waterford", "Kilkenny",
    "Wexford", "Athlone", "Drogheda", "Dundalk", "Ennis", "Tralee", "Killarney", "Letterkenny",
    "Navan", "Naas", "Carlow", "Wicklow", "Bray", "Mullingar", "Castlebar", "Westport", "Clonmel",
    "Tullamore", "Portlaoise", "Longford", "Cavan", "Monaghan", "Kinsale", "Dingle", "Clifden",
];

/// Whether an Irish place, a county ("Co. Kerry") or the word "Eircode" ends within the
/// 24 bytes before `s`, perhaps with a district number and a comma ("Dublin 2, ").
fn irish_before(t: &str, s: usize) -> bool {
    let before = &t[crate::text::ceil_boundary(t, s.saturating_sub(24))..s];
    let before = before
        .trim_end_matches([' ', ',', ':'])
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches([' ', 'W']);
    let last = before.rsplit([' ', ',']).next().unwrap_or("");
    IRISH_PLACES.contains(&last)
        || before
            .rsplit_once(' ')
            .is_some_and(|(b, _)| b.ends_with("Co.") || b.ends_with("County"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    Canada,
    Australia,
}

/// The region whose abbreviation ends right before `b[i]`, after a space (and perhaps
/// a comma): "ON M5V", "QLD 4006", "NSW, 2000". `NT` is taken for Australia.
fn region_before(b: &[u8], i: usize) -> Option<Region> {
    let mut e = i.checked_sub(1).filter(|&k| b[k] == b' ')?;
    if e > 0 && b[e - 1] == b',' {
        e -= 1;
    }
    let s = b[..e]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    let word = &b[e - s..e];
    let alone = e - s == 0 || !b[e - s - 1].is_ascii_alphanumeric();
    if !alone {
        None
    } else if AU_STATES.iter().any(|s| s.as_bytes() == word) {
        Some(Region::Australia)
    } else if CA_PROVINCES.iter().any(|p| p.as_bytes() == word) {
        Some(Region::Canada)
    } else {
        None
    }
}

/// End of a Canadian postal code ("M5V 1Z9") at `b[i]`.
fn canadian_code(b: &[u8], i: usize) -> Option<usize> {
    let c = b.get(i..i + 7)?;
    let first = c[0].is_ascii_uppercase() && !b"DFIOQUWZ".contains(&c[0]);
    let shape = c[1].is_ascii_digit()
        && c[2].is_ascii_uppercase()
        && c[3] == b' '
        && c[4].is_ascii_digit()
        && c[5].is_ascii_uppercase()
        && c[6].is_ascii_digit();
    (first && shape).then_some(i + 7)
}

/// End of an Australian postcode (four digits) at `b[i]`.
fn australian_code(b: &[u8], i: usize) -> Option<usize> {
    let c = b.get(i..i + 4)?;
    c.iter().all(u8::is_ascii_digit).then_some(i + 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_read_off_the_bytes_before_a_code() {
        // Each text ends with the code whose region is read.
        for (text, code, want) in [
            ("Toronto, ON M5V 1Z9", "M5V 1Z9", Some(Region::Canada)),
            ("Valley QLD 4006", "4006", Some(Region::Australia)),
            ("Sydney NSW, 2000", "2000", Some(Region::Australia)),
            ("Darwin NT 0800", "0800", Some(Region::Australia)),
            ("BOON 4006", "4006", None),
            ("ON4006", "4006", None),
            ("4006", "4006", None),
        ] {
            let at = text.len() - code.len();
            assert_eq!(region_before(text.as_bytes(), at), want, "{text}");
        }
        assert_eq!(canadian_code(b"M5V 1Z9", 0), Some(7));
        assert_eq!(canadian_code(b"D5V 1Z9", 0), None);
        assert_eq!(australian_code(b"4006", 0), Some(4));
        assert_eq!(australian_code(b"400", 0), None);
    }
}
