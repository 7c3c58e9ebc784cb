//! Search terms for Postgres full-text search, made in Rust so that English and
//! Japanese are both searchable: NFKC-normalised and lower-cased; Latin-script words
//! stemmed (Snowball English) with common function words dropped; runs of kanji, kana
//! and other CJK characters cut into overlapping character bigrams (a lone character
//! stays a unigram), the approach that needs no dictionary and finds compounds
//! (`駐車場` is found by `駐車`). Documents and queries go through the same code.
//!
//! The terms reach Postgres as a `tsvector` / `tsquery` *literal* with the `simple`
//! configuration never involved, so Postgres's own parser cannot split them again.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// Postgres keeps at most this many positions per lexeme.
const MAX_POSITIONS: usize = 256;
/// And no position above this.
const MAX_POSITION: usize = 16_383;

/// English words too common to tell passages apart.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "do", "does",
    "for", "from", "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me",
    "my", "of", "on", "or", "our", "so", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "to", "us", "was", "we", "were", "what", "when", "where", "which", "who",
    "why", "will", "with", "would", "you", "your",
];

/// One search term and where it occurred (0-based, in terms).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The lexeme as stored.
    pub text: String,
    /// Its position in the text.
    pub position: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Latin,
    Cjk,
    Other,
}

fn class(c: char) -> Class {
    if is_cjk(c) {
        Class::Cjk
    } else if c.is_alphanumeric() {
        Class::Latin
    } else {
        Class::Other
    }
}

/// Kana, kanji (with the iteration mark and the prolonged-sound mark), and Hangul: the
/// scripts written without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3006}' | '\u{3007}' | '\u{30FC}'
        | '\u{3040}'..='\u{309F}'   // hiragana
        | '\u{30A0}'..='\u{30FF}'   // katakana
        | '\u{31F0}'..='\u{31FF}'   // katakana extensions
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // compatibility ideographs
        | '\u{AC00}'..='\u{D7AF}'   // Hangul syllables
        | '\u{20000}'..='\u{2FA1F}')
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{309F}' | '\u{30FC}')
}

/// The terms of `text`, in order.
pub fn terms(text: &str) -> Vec<Term> {
    let stemmer = Stemmer::create(Algorithm::English);
    let normalised: String = text.nfkc().flat_map(char::to_lowercase).collect();
    let mut out = Vec::new();
    let mut run = String::new();
    let mut run_class = Class::Other;
    let mut position = 0;
    for c in normalised.chars().chain(std::iter::once(' ')) {
        let k = class(c);
        if k != run_class && !run.is_empty() {
            match run_class {
                Class::Latin => latin_word(&stemmer, &run, &mut position, &mut out),
                Class::Cjk => cjk_run(&run, &mut position, &mut out),
                Class::Other => {}
            }
            run.clear();
        }
        run_class = k;
        if k != Class::Other {
            run.push(c);
        }
    }
    out
}

fn latin_word(stemmer: &Stemmer, word: &str, position: &mut usize, out: &mut Vec<Term>) {
    if STOPWORDS.contains(&word) {
        return;
    }
    let text = if word.chars().all(|c| c.is_ascii_alphabetic()) {
        stemmer.stem(word).into_owned()
    } else {
        word.to_owned()
    };
    out.push(Term {
        text,
        position: *position,
    });
    *position += 1;
}

fn cjk_run(run: &str, position: &mut usize, out: &mut Vec<Term>) {
    let chars: Vec<char> = run.chars().collect();
    if chars.len() == 1 {
        out.push(Term {
            text: run.to_owned(),
            position: *position,
        });
        *position += 1;
        return;
    }
    for pair in chars.windows(2) {
        out.push(Term {
            text: pair.iter().collect(),
            position: *position,
        });
        *position += 1;
    }
}

/// Hiragana particles: a bigram holding one (`場は`, `を教`) straddles a word boundary.
const PARTICLES: &[char] = &[
    'は', 'が', 'を', 'に', 'で', 'と', 'の', 'も', 'へ', 'や', 'か', 'よ', 'ね',
];

/// The distinct terms of a query, for matching. Bigrams of hiragana only (`です`,
/// `ますか`, `までに`) are grammar rather than content, and a bigram holding a particle
/// (`場は`, `を教`) straddles two words: both are dropped unless nothing else is left.
pub fn query_terms(text: &str) -> Vec<String> {
    let all: Vec<String> = terms(text).into_iter().map(|t| t.text).collect();
    let grammar = |t: &String| {
        let cjk_pair = t.chars().count() == 2 && t.chars().all(is_cjk);
        t.chars().all(is_hiragana) || (cjk_pair && t.chars().any(|c| PARTICLES.contains(&c)))
    };
    let content: Vec<&String> = all.iter().filter(|t| !grammar(t)).collect();
    let chosen: Vec<&String> = if content.is_empty() {
        all.iter().collect()
    } else {
        content
    };
    let mut distinct: Vec<String> = Vec::new();
    for t in chosen {
        if !distinct.contains(t) {
            distinct.push(t.clone());
        }
    }
    distinct
}

/// A `tsvector` literal of a passage: the title's terms weighted `A`, the body's `D`.
pub fn tsvector(title: &str, body: &str) -> String {
    let mut lexemes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let title_terms = terms(title);
    let offset = title_terms.len();
    let weighted = title_terms
        .into_iter()
        .map(|t| (t, "A"))
        .chain(terms(body).into_iter().map(|t| {
            let position = t.position + offset;
            (Term { position, ..t }, "")
        }));
    for (term, weight) in weighted {
        let positions = lexemes.entry(term.text).or_default();
        if positions.len() < MAX_POSITIONS {
            positions.push(format!("{}{weight}", (term.position + 1).min(MAX_POSITION)));
        }
    }
    let mut out = String::new();
    for (lexeme, positions) in lexemes {
        if !out.is_empty() {
            out.push(' ');
        }
        let _ = write!(out, "{}:{}", quote(&lexeme), positions.join(","));
    }
    out
}

/// A `tsquery` literal matching any of `terms`, or `None` when there are none.
pub fn tsquery(terms: &[String]) -> Option<String> {
    if terms.is_empty() {
        return None;
    }
    Some(
        terms
            .iter()
            .map(|t| quote(t))
            .collect::<Vec<_>>()
            .join(" | "),
    )
}

/// A lexeme quoted for a `tsvector`/`tsquery` literal.
fn quote(lexeme: &str) -> String {
    let mut out = String::with_capacity(lexeme.len() + 2);
    out.push('\'');
    for c in lexeme.chars() {
        if c == '\'' || c == '\\' {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        terms(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn english_words_are_stemmed_and_function_words_dropped() {
        assert_eq!(
            texts("Do you ship parcels to Canada?"),
            ["ship", "parcel", "canada"]
        );
        assert_eq!(texts("Shipping"), texts("shipped"));
    }

    #[test]
    fn japanese_runs_become_bigrams_and_full_width_forms_are_normalised() {
        assert_eq!(texts("駐車場"), ["駐車", "車場"]);
        assert_eq!(texts("ＡＢＣ１２３"), ["abc123"]);
        assert_eq!(
            texts("駐車場はparkingです"),
            ["駐車", "車場", "場は", "park", "です"]
        );
    }

    #[test]
    fn a_lone_kanji_is_kept_as_a_unigram() {
        assert_eq!(texts("森 と 光"), ["森", "と", "光"]);
    }

    #[test]
    fn query_terms_drop_hiragana_grammar_but_never_everything() {
        assert_eq!(query_terms("駐車場はありますか"), ["駐車", "車場"]);
        assert_eq!(
            query_terms("営業時間は何時までですか"),
            ["営業", "業時", "時間", "何時", "時ま"]
        );
        assert_eq!(query_terms("ありがとう"), ["あり", "りが", "がと", "とう"]);
    }

    #[test]
    fn literals_quote_apostrophes_and_backslashes_and_weight_titles() {
        assert_eq!(quote("it's"), "'it''s'");
        assert_eq!(quote("a\\b"), "'a\\\\b'");
        assert_eq!(
            tsvector("Refunds", "refund policy"),
            "'polici':3 'refund':1A,2"
        );
        assert_eq!(
            tsquery(&["x".into(), "y".into()]).as_deref(),
            Some("'x' | 'y'")
        );
        assert_eq!(tsquery(&[]), None);
    }
}
