//! Detection inside one active piece: one scan of the piece (`marks`) tells which
//! detectors can fire and where their work starts; each detector then proposes
//! candidates on the width-folded piece (with its left and right context) from those
//! starting points, and overlaps are resolved left to right, longest first.

mod address;
mod context;
mod email;
mod famous;
mod marks;
mod person_en;
mod person_ja;
mod phone;
mod places;
mod postal;
mod tokens;

use std::sync::OnceLock;

use regex::Regex;

use crate::Label;
use crate::known::Known;
use crate::table::LazyTable;
use crate::text::Folded;
use marks::Marks;

/// A proposed span, in folded-text offsets until [`Detectors::detect`] maps it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cand {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// What was found.
    pub label: Label,
}

impl Cand {
    /// A candidate span.
    pub fn new(start: usize, end: usize, label: Label) -> Self {
        Cand { start, end, label }
    }

    /// When two candidates of the same extent compete, the more specific label wins.
    fn rank(&self) -> u8 {
        match self.label {
            Label::Email => 0,
            Label::PostalCode => 1,
            Label::Address => 2,
            Label::Phone => 3,
            Label::Person => 4,
        }
    }
}

fn regex_err(e: regex::Error) -> String {
    e.to_string()
}

/// All detectors, compiled once per process.
pub(crate) struct Detectors {
    phone: phone::Phone,
    postal: postal::Postal,
    address: address::Address,
    person_en: person_en::PersonEn,
}

impl Detectors {
    fn build() -> Result<Self, String> {
        Ok(Detectors {
            phone: phone::Phone::new()?,
            postal: postal::Postal::new()?,
            address: address::Address::new()?,
            person_en: person_en::PersonEn::new()?,
        })
    }

    /// The process-wide detectors, compiled on first use.
    pub fn get() -> Result<&'static Detectors, String> {
        static DETECTORS: OnceLock<Result<Detectors, String>> = OnceLock::new();
        DETECTORS
            .get_or_init(Detectors::build)
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Finds the spans of the active piece of `w` (see [`Window`]); `hits` are the
    /// offsets in the window of the characters width folding may change (as
    /// [`next_foldable`] finds them on the window, ascending; none when folding changes
    /// nothing). Offsets in `out` are relative to the piece, non-overlapping and sorted.
    ///
    /// [`next_foldable`]: crate::text::next_foldable
    pub fn detect(&self, w: &Window, hits: &[usize], s: &mut Scratch, out: &mut Vec<Cand>) {
        let Window {
            text: window,
            lo,
            hi,
            qhi,
            prev_person,
            table,
            known,
        } = *w;
        out.clear();
        // Measuring the cost of everything but detection (the `bench-floor` feature).
        if cfg!(feature = "bench-floor") {
            return;
        }
        let Scratch {
            folded,
            cands,
            words,
            marks,
        } = s;
        let is_folded = folded.fold_at(window, hits);
        let (t, flo, fhi, fqhi) = if is_folded {
            let f = |i| folded.folded(i);
            (folded.text.as_str(), f(lo), f(hi), f(qhi))
        } else {
            (window, lo, hi, qhi)
        };
        // One pass over the piece as the detectors read it (folded) tells which
        // detectors can fire and where their work starts; they read it instead of
        // walking the piece themselves.
        marks.scan(t, flo, fhi);
        let mut trig = marks.trig;
        // The triggers are those of the text as written. Folding keeps all of them but
        // one: a prolonged sound mark (ー after a digit, ｰ not after katakana) is
        // katakana as written and a hyphen once folded.
        if is_folded && !trig.cjk {
            trig.cjk = window[lo..hi].contains(['ー', 'ｰ']);
        }
        if !trig.any() {
            return;
        }
        let m = &*marks;
        cands.clear();
        if trig.at {
            email::find(t, flo, fhi, &m.ats, cands);
        }
        // A name or a postal code alone in a table's cell stands between bars, the one
        // before it in the piece: without a bar there, the table is not asked.
        let table = m.bar.then(|| table.get());
        let table = table.as_ref();
        if trig.digit {
            self.phone.find(t, fhi, &m.phone_starts, cands);
            self.postal.find(t, flo, fhi, m, table, cands);
        }
        // "一丁目十三番七号": a Japanese block address needs no digit.
        if trig.digit || m.kanji_block {
            self.address.find(t, flo, fhi, trig, m, cands);
        }
        let prev = prev_person.map(|p| if is_folded { folded.folded(p) } else { p });
        if trig.upper {
            let carried = person_en::Carried { prev, table, known };
            self.person_en
                .find(t, flo..fhi, m.first_upper, carried, words, cands);
        }
        if trig.cjk {
            person_ja::find(t, flo, &m.runs, table, known, cands);
            person_ja::kana_names(t, &m.kana_honorifics, cands);
            if let Some(tb) = table {
                person_ja::kana_cells(t, flo, fhi, tb, cands);
            }
            person_ja::kana_spaced(t, flo, fhi, cands);
            person_ja::kana_spaced_honorifics(t, flo, fhi, cands);
            person_ja::message_senders(t, &m.runs, cands);
            person_ja::lists(t, &m.runs, prev, cands);
            person_ja::readings(t, cands);
            person_ja::join_katakana_given(t, fhi, cands);
            person_ja::join_unlisted_family(t, flo, cands);
            person_ja::join_no_family(t, flo, cands);
        }
        // A UK postcode (or a Canadian one: same first letter) after address parts without
        // a house number.
        for k in 0..cands.len() {
            let c = cands[k];
            let uk = c.label == Label::PostalCode && t.as_bytes()[c.start].is_ascii_uppercase();
            if let Some((s, e)) = uk
                .then(|| address::before_postcode(t, flo, c.start))
                .flatten()
            {
                cands.push(Cand::new(s, e, Label::Address));
            }
        }
        resolve(cands);
        // A span starts after and ends before the emphasis marks folding dropped there.
        let start = |i: usize| if is_folded { folded.orig_start(i) } else { i };
        let end = |i: usize| if is_folded { folded.orig_end(i) } else { i };
        // Whether the window holds a year or an age long past or a word of renown: read
        // once, for the first name in Japanese that needs it.
        let past = std::cell::OnceCell::new();
        out.extend(
            cands
                .iter()
                .filter(|c| {
                    // A name in kana may end inside the quiet unit of hiragana after the
                    // piece, or lie in it ("スタイリスト：あやの、"): the unit is
                    // passed through as it is, so the stretch can still be replaced.
                    let in_kana = || {
                        c.label == Label::Person
                            && c.end <= fqhi
                            && t[fhi..c.end].chars().all(crate::text::is_hiragana)
                    };
                    // A name across emphasis marks joins what the reply set apart
                    // ("**April** and **May** Cherry Blossom tours").
                    let across = || {
                        is_folded
                            && c.label == Label::Person
                            && window[start(c.start)..end(c.end)].contains('*')
                    };
                    // "*Dear Evan Hansen*": a name in a title in italics, which only the
                    // text as written shows.
                    let italic = || {
                        is_folded
                            && c.label == Label::Person
                            && (person_en::in_italic_title(window, start(c.start), end(c.end))
                                || person_en::alone_in_italics(window, start(c.start), end(c.end))
                                || person_en::maker_of_italic_work(
                                    window,
                                    start(c.start),
                                    end(c.end),
                                ))
                    };
                    // "Ridgeway Fruit Growers Ltd": a firm's name opens with it.
                    let firm = || c.label == Label::Person && person_en::firm_ahead(&t[c.end..]);
                    // "an Agatha Christie evening", 「夏目漱石と英文学」: a public
                    // figure's name names a thing, unless a cue sends the reader to
                    // someone who bears it ("Ask for Ada Lovelace").
                    let famous = || {
                        c.label == Label::Person
                            && famous::is_famous(t, c.start, c.end)
                            && !self.person_en.strongly_cued(t, c.start)
                            && !person_ja::cue_before(t, c.start)
                    };
                    // "| Cecchetti | Enrico Cecchetti (1850–1928) |" under "| Method | Named
                    // after |", "| Bella | 14.2hh |" under "| Horse | Height |": a column
                    // of namesakes or of things.
                    let no_one_column = || {
                        c.label == Label::Person
                            && table
                                .is_some_and(|tb| crate::table::no_one_cell(tb, t, flo, c.start))
                    };
                    // "named after Henry F. Phillips", "千宗旦が好んだ意匠", "室町時代：…
                    // 池坊専慶", "冒険家・植村直己", "(e.g. Harry Clarke, …)": a namesake,
                    // a historical or a public figure, or an example.
                    let namesake = || {
                        c.label == Label::Person
                            && (person_en::namesake(t, c.start)
                                || in_examples(t, c.start)
                                || person_en::bracket_namesake(t, c.start, c.end)
                                || trig.cjk
                                    && (person_ja::is_historical(t, c.start, c.end)
                                        || person_ja::known_by_calling(t, c.start, c.end)
                                        || *past.get_or_init(|| person_ja::past_in(t))
                                            && person_ja::told_in_history(t, c.start, c.end)))
                    };
                    // "柴犬の小太郎くん", "ココちゃんのお散歩": a pet;
                    // "チーム桜", "品川 300 ね 81-02": a team's name or a plate's place;
                    // "株式会社ブライトウェル様": a company; "着付け": a word;
                    // "AIアシスタントのミライです": the assistant's own name.
                    let no_one_ja = || {
                        c.label == Label::Person
                            && trig.cjk
                            && (person_ja::is_pet(t, c.start, c.end)
                                || person_ja::is_team_or_plate(t, c.start, c.end)
                                || person_ja::in_quoted_list(t, c.start, c.end)
                                || person_ja::quoted_thing(t, c.start, c.end)
                                || person_ja::temperature_scale(t, c.start, c.end)
                                || person_ja::is_firm(t, c.start)
                                || person_ja::okurigana_after(t, c.start, c.end)
                                || person_ja::okurigana_before(t, c.start, c.end)
                                || person_ja::place_part(t, c.start, c.end)
                                || person_ja::assistants_own(t, c.start, c.end))
                    };
                    c.start >= flo
                        && c.start < c.end
                        && (c.end <= fhi || in_kana())
                        && !across()
                        && !italic()
                        && !firm()
                        && !famous()
                        && !namesake()
                        && !no_one_column()
                        && !no_one_ja()
                })
                .map(|c| Cand::new(start(c.start) - lo, end(c.end) - lo, c.label)),
        );
    }
}

/// Whether `word` names a person's role, as the name rules' cues do, in either
/// language ("Therapist", "店長").
pub(crate) fn is_role(word: &str) -> bool {
    person_en::is_role(word) || person_ja::is_role(word)
}

/// Whether the name at `t[s..]` stands in brackets of examples, in either language:
/// "(e.g. Harry Clarke, Christopher Whall, John Piper)", "（例：小川三知、ハリー・クラーク）",
/// "(such as …)". No gold person in the read sets stands so; the names in such brackets
/// are designers, artists, cultivars and products to search by.
fn in_examples(t: &str, s: usize) -> bool {
    let near = &t[crate::text::ceil_boundary(t, s.saturating_sub(80))..s];
    // The last bracket opened before the name, still open; the window is folded, so
    // "（例：" reads "(例:".
    let Some(k) = memchr::memrchr(b'(', near.as_bytes()) else {
        return false;
    };
    let inside = &near[k..];
    !inside.contains([')', '\n'])
        && [
            "(e.g. ",
            "(e.g ",
            "(eg ",
            "(for example ",
            "(such as ",
            "(例:",
            "(例えば",
        ]
        .iter()
        .any(|o| inside.starts_with(o))
}

/// Whether `t[s..e]` is all an item of a list says before a dash and what follows the
/// dash names a role ("- **Dev** — owner and head mechanic", "3. **Yolanda** — Office
/// manager", "- **近藤** — 介護福祉士。"): the item introduces that person. A thing so
/// listed has no role after it ("- **Monet Room** — Impressionist prints").
pub(crate) fn list_item_role(t: &str, s: usize, e: usize) -> bool {
    // The list marker opens the line: "- ", "* ", "+ ", "3. ", "3) ".
    let line = crate::text::line_before(t, s);
    let marker = line.trim_matches(' ');
    let numbered = marker.len() <= 3
        && marker.ends_with(['.', ')'])
        && marker[..marker.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_digit());
    if !(matches!(marker, "-" | "*" | "+") || numbered && marker.len() > 1) {
        return false;
    }
    let rest = t[e..].trim_start_matches([' ', '\u{3000}']);
    // Or a colon and words: "- Dwayne: security manager" (not "- Crew: 3 puppeteers",
    // "- Instagram: @our_cleaners", nor "- **Note:** …", no role).
    let Some(rest) = rest.strip_prefix(['—', '–', '―', '-']).or_else(|| {
        rest.strip_prefix(':')
            .filter(|r| r.trim_start().starts_with(char::is_alphabetic))
    }) else {
        return false;
    };
    // The role comes first in what the item says of the person: its first clause.
    let clause = rest
        .split(['\n', ',', '.', ';', '。', '、', '（', '('])
        .next()
        .unwrap_or("");
    // The role heads its phrase: it ends the clause or comes before "and", "at"…
    // ("Office manager and notary"; not "our tour guide team").
    let mut words = clause
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(6)
        .peekable();
    std::iter::from_fn(|| words.next().map(|w| (w, words.peek().copied()))).any(|(w, next)| {
        let heads = next.is_none_or(|n| {
            matches!(
                n,
                "and" | "or" | "at" | "for" | "with" | "in" | "of" | "since" | "on" | "from"
            )
        });
        if w.is_ascii() {
            heads && person_en::is_role(w)
        } else {
            // A Japanese role ends the word ("介護福祉士", "アシュタンガ担当").
            person_ja::is_role(w.trim_end_matches(crate::text::is_hiragana))
        }
    })
}

/// Whether `t[s..e]` is all a line says after a label that names a person's role
/// ("- **Electrician:** Halvorsen", "Roofer: Paddy", emphasis gone), or all a table's
/// cell says after a row's first cell that does ("| Engineer | Halvorsen |", "|
/// Customer | Sun-hee Park |"): the role's holder. The label's last word is the role
/// ("Site electrician:"); after the name the line ends, or a bracket or a dash goes on
/// ("Roofer: Paddy (Tuesdays)").
pub(crate) fn role_label(t: &str, s: usize, e: usize) -> bool {
    let line = crate::text::line_before(t, s).trim_end();
    let rest = t[e..].split('\n').next().unwrap_or("").trim_start();
    let (label, ends) = if let Some(label) = crate::table::row_label(t, s) {
        // The name's cell closes after it; not the header row ("| Therapist |
        // Modalities |" above "|---|---|").
        let header = t[e..].split_once('\n').is_some_and(|(_, next)| {
            next.starts_with("|-") || next.starts_with("| -") || next.starts_with("|:")
        });
        (label, rest.starts_with('|') && !header)
    } else if let Some(label) = line.strip_suffix(':') {
        let ends = rest.is_empty()
            || rest.starts_with(['(', '—', '–', '|'])
            || rest.starts_with("- ")
            || rest.starts_with("& team");
        (label, ends)
    } else {
        return false;
    };
    let role = label
        .rsplit(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
        .next()
        .unwrap_or("");
    // Roles firms fill as often ("Courier: Parcelforce", "Salvage partner: Copart").
    let firms = [
        "courier",
        "couriers",
        "contractor",
        "partner",
        "agent",
        "broker",
        "installer",
        "developer",
        "operator",
        "builder",
    ];
    // "**Inspected by:** Fairbairn", "Signed by: Lucjan & team": a deed's doer.
    ends && !role.is_empty()
        && !firms.iter().any(|f| role.eq_ignore_ascii_case(f))
        && (person_en::is_role(role)
            || (role == "by" && label.len() > 3)
            || [
                "Name",
                "Customer",
                "Client",
                "Guest",
                "Tenant",
                "Resident",
                "Applicant",
            ]
            .iter()
            .any(|w| role.eq_ignore_ascii_case(w)))
}

/// An active piece and what the detectors see around it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Window<'a> {
    /// The piece with its left context before it and its quiet unit and right context
    /// after it.
    pub text: &'a str,
    /// Where the piece starts in `text`.
    pub lo: usize,
    /// Where the piece ends in `text`.
    pub hi: usize,
    /// Where the quiet unit after the piece ends. A name may end inside a quiet unit of
    /// hiragana, or lie in it ("加藤めぐみ、", "はるかが", "スタイリスト：あやの、"):
    /// the unit is passed through unchanged, so a stretch of it can still be replaced.
    pub qhi: usize,
    /// Where the last name found before the piece ends, if in `text`: the items of a
    /// list ("佐藤、鈴木、ケンジ") are pieces of their own.
    pub prev_person: Option<usize>,
    /// The Markdown table the text before the piece ends in.
    pub table: &'a LazyTable<'a>,
    /// The parts of the names found before the piece.
    pub known: &'a Known,
}

/// Buffers reused from one piece to the next.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    folded: Folded,
    cands: Vec<Cand>,
    words: person_en::Buffers,
    marks: Marks,
}

/// Keeps non-overlapping candidates: earliest start first, then the longest, then the
/// most specific label.
fn resolve(cands: &mut Vec<Cand>) {
    // Equal keys mean equal candidates, so an unstable sort gives the same order.
    cands.sort_unstable_by_key(|c| (c.start, std::cmp::Reverse(c.end), c.rank()));
    let mut kept = 0;
    for i in 0..cands.len() {
        if kept == 0 || cands[i].start >= cands[kept - 1].end {
            cands[kept] = cands[i];
            kept += 1;
        }
    }
    cands.truncate(kept);
}

/// Start of the run of characters satisfying `part` that ends at `lo`. A match made only
/// of such characters cannot contain the character before it.
pub(crate) fn run_start(t: &str, lo: usize, part: impl Fn(char) -> bool) -> usize {
    t[..lo]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| part(c))
        .last()
        .map_or(lo, |(k, _)| k)
}

/// [`run_start`] for a run of ASCII bytes satisfying `part`: the same answer for a
/// predicate that holds for no other character, without decoding backwards.
pub(crate) fn run_start_ascii(t: &str, lo: usize, part: impl Fn(u8) -> bool) -> usize {
    let b = t.as_bytes();
    let mut k = lo;
    while k > 0 && b[k - 1].is_ascii() && part(b[k - 1]) {
        k -= 1;
    }
    k
}

/// The matches of `re` in `hay` from `from` on: the same as those of `find_iter` over
/// all of `hay` that start there, when no match can cross `from`. The patterns here
/// never match the empty string.
pub(crate) fn matches_from<'h>(
    re: &'h Regex,
    hay: &'h str,
    from: usize,
) -> impl Iterator<Item = regex::Match<'h>> {
    let mut at = from;
    std::iter::from_fn(move || {
        let m = re.find_at(hay, at)?;
        at = m.end();
        Some(m)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_run_start_agrees_with_the_char_run_start() {
        let part = |c: char| c.is_ascii_alphanumeric() || matches!(c, ' ' | ',' | '-');
        for t in ["", "ab", "東京 12-3, Main", "é1 2", "x,東y-z 9", "  ,-"] {
            for lo in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                let ascii = run_start_ascii(t, lo, |b| part(char::from(b)));
                assert_eq!(ascii, run_start(t, lo, part), "{t:?} at {lo}");
            }
        }
    }

    #[test]
    fn overlaps_keep_the_earliest_then_longest_candidate() {
        let mut c = vec![
            Cand::new(5, 9, Label::Phone),
            Cand::new(0, 4, Label::Person),
            Cand::new(5, 12, Label::Address),
            Cand::new(10, 14, Label::PostalCode),
        ];
        resolve(&mut c);
        assert_eq!(
            c,
            vec![
                Cand::new(0, 4, Label::Person),
                Cand::new(5, 12, Label::Address)
            ]
        );
    }
}
