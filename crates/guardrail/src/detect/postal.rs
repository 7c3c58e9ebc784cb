//! Postal codes: Japanese 〒NNN-NNNN (or with 郵便番号 context), US ZIP / ZIP+4 after
//! a state, UK postcodes.

use regex::Regex;

use super::context::Keywords;
use super::marks::Marks;
use super::places::{PREFECTURES, UK_AREAS, US_STATE_NAMES, US_STATES};
use super::{Cand, matches_from, regex_err, run_start, run_start_ascii};
use crate::Label;

/// The postal-code detector.
pub(crate) struct Postal {
    ja: Regex,
    zip: Regex,
    uk: Regex,
    us_before: Regex,
    /// A Canadian postal code ("M5V 1Z9").
    ca: Regex,
    ca_before: Regex,
    /// An Australian postcode: four digits after a state ("QLD 4006").
    au: Regex,
    au_before: Regex,
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
            us_before: Regex::new(&format!(r"(?:\b(?:{states})|\b(?:{names})),? ?$"))
                .map_err(regex_err)?,
            ca: Regex::new(r"[ABCEGHJ-NPRSTVXY][0-9][A-Z] [0-9][A-Z][0-9]").map_err(regex_err)?,
            ca_before: Regex::new(r"\b(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT),? $")
                .map_err(regex_err)?,
            au: Regex::new(r"[0-9]{4}").map_err(regex_err)?,
            au_before: Regex::new(r"\b(?:NSW|VIC|QLD|SA|WA|TAS|ACT|NT),? $").map_err(regex_err)?,
            keywords: Keywords::new(&[
                "zip",
                "zip code",
                "zipcode",
                "postcode",
                "post code",
                "postal code",
                "郵便番号",
                "〒",
            ])?,
        })
    }

    /// Finds postal codes in `t[lo..hi]`, whose digit shapes are in `m`.
    pub fn find(&self, t: &str, lo: usize, hi: usize, m: &Marks, out: &mut Vec<Cand>) {
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
            if bounded(s, e) && (marked || (has_dash && self.ja_context(t, s, e))) {
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
            if bounded(s, e) && (near() || self.us_before.is_match(before)) {
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
            if bounded(all.start(), all.end()) && UK_AREAS.contains(&area) && (spaced || near) {
                out.push(Cand::new(all.start(), all.end(), Label::PostalCode));
            }
        }
        // Canadian and Australian codes count only right after a province or state.
        let before = |s: usize| &t[crate::text::ceil_boundary(t, s.saturating_sub(8))..s];
        let ca = uk_shape.then_some(&self.ca);
        for m in ca
            .into_iter()
            .flat_map(|re| matches_from(re, hay, uk_from()))
        {
            let (s, e) = (m.start(), m.end());
            if bounded(s, e) && self.ca_before.is_match(before(s)) {
                out.push(Cand::new(s, e, Label::PostalCode));
            }
        }
        let au = (digits >= 4).then_some(&self.au);
        let au_from = || run_start_ascii(t, lo, |c| c.is_ascii_digit());
        for m in au
            .into_iter()
            .flat_map(|re| matches_from(re, hay, au_from()))
        {
            let (s, e) = (m.start(), m.end());
            if bounded(s, e) && self.au_before.is_match(before(s)) {
                out.push(Cand::new(s, e, Label::PostalCode));
            }
        }
    }

    /// A bare NNN-NNNN is a Japanese postal code after 郵便番号/〒 or before a prefecture.
    fn ja_context(&self, t: &str, s: usize, e: usize) -> bool {
        let after = t[e..].trim_start();
        self.keywords.last_before(t, s, 20).is_some()
            || PREFECTURES
                .iter()
                .any(|p| crate::text::starts_with(after, p))
    }
}
