//! PII guardrail: finds and redacts people's names, email addresses, phone numbers,
//! postal addresses and postal codes in English and Japanese chatbot replies, for
//! whole texts and for streams of token deltas.
//!
//! It owns detection and redaction only. It depends on `regex`, `aho-corasick`,
//! `memchr` (the SIMD byte search those two are built on, which finds the line ends a
//! Markdown table's state needs) and `unicode-normalization`; it must not depend on the
//! store, the server or any network, and it reads no files at run time: its name lists
//! are compiled in (see `DATA.md` for their sources and licences).
//!
//! ```
//! use mimi_guardrail::{Guardrail, GuardrailConfig, Language};
//!
//! let guardrail = Guardrail::new(GuardrailConfig::for_language(Language::En)).unwrap();
//! let out = guardrail.redact("Ask for Maria at maria@example.com.");
//! assert_eq!(out.text, "Ask for [NAME] at [EMAIL].");
//!
//! let mut stream = guardrail.stream();
//! let mut text = String::new();
//! for delta in ["Ask for Ma", "ria at maria@exa", "mple.com."] {
//!     text += &stream.push(delta);
//! }
//! text += &stream.finish().tail;
//! assert_eq!(text, out.text);
//! ```
//!
//! # How batch and stream agree
//!
//! Text is cut into pieces at *quiet units* (see `segment.rs`): stretches no match can
//! contain. The cut decision needs only a bounded prefix of the remaining text and
//! never changes when more text arrives; each piece is then detected on its own with
//! at most 64 bytes of left context and, as right context, the following quiet unit
//! and (for a piece with a capital or a Japanese character, which the name rules read
//! on from) up to 48 more bytes (24 after the longest pieces, so that the stream's
//! hold-back stays within its bound), cut at the end of the sentence (a full stop before a
//! letter or a digit, as in "brian.o@…", ends none, so one at the end of the text so
//! far waits for the next byte). Batch redaction runs that loop over the whole text;
//! the stream runs the same loop over what it has received and stops where a decision
//! or a right context needs more text. Both make the same decisions on the same
//! windows in the same order, so their outputs are equal. The only state carried from
//! piece to piece is where the last name ended (the items of a Japanese list,
//! "佐藤、鈴木、ケンジ", are pieces of their own; a first name found again alone, "Dr
//! Emily Hartmann or just Emily"), the parts of the last names found (`known.rs`: a
//! part alone later in the text names the same person, "Olivia Grant" … "Olivia
//! founded", at most 16 parts of 30 bytes) and which columns of the Markdown table the
//! text is in hold people (`table.rs`: "| 10:00 | Beatriz |" under "| Time | Host |"),
//! and it too is the same in both. A name in kana may end in, or lie in, the quiet unit of
//! hiragana after its piece ("加藤めぐみ、", "スタイリスト：あやの、"): that unit is
//! in the window and passed through unchanged, so a stretch of it can be replaced.
//! The stream holds back at most [`MAX_HOLD_BACK`] bytes.

mod config;
mod detect;
mod driver;
mod error;
mod gazetteer;
mod guardrail;
mod known;
mod label;
mod nameset;
mod redaction;
mod segment;
mod stream;
mod table;
mod text;
mod wordset;

pub use config::{GuardrailConfig, Language, Placeholders};
pub use error::GuardrailError;
pub use guardrail::{GazetteerStats, Guardrail, gazetteer_stats};
pub use label::Label;
pub use redaction::{Redaction, Span, StreamEnd};
pub use stream::{MAX_HOLD_BACK, StreamRedactor, chunks};
