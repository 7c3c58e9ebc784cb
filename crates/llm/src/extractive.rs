//! The offline responder: quotes the sentences of the best passage that share the most
//! terms with the visitor's question. It never writes a word of its own beyond the two
//! fixed no-answer messages.

use std::collections::HashSet;

use futures_util::future::BoxFuture;

use crate::{ChatModel, ChatRequest, Event, EventStream, LlmError, Role, StopReason, Usage};

/// The answer when no passage was retrieved, to an English (or other non-Japanese)
/// question.
pub const NO_ANSWER_EN: &str = "I'm sorry, I couldn't find anything about that in what I know. Would you like me to pass your question on to the owner?";

/// The answer when no passage was retrieved, to a question written with kana or kanji.
pub const NO_ANSWER_JA: &str = "申し訳ありません。その件についての情報が見つかりませんでした。ご質問をオーナーにお伝えしましょうか？";

/// The longest answer quoted from a passage, in characters.
pub const MAX_ANSWER_CHARS: usize = 600;

/// Answers without a language model, from `ChatRequest::passages[0]` (the caller passes
/// them best first).
///
/// The stream is [`Event::Cite`] with the passage's id, the chosen sentences as
/// [`Event::TextDelta`]s (one per sentence, in the passage's order, at most
/// [`MAX_ANSWER_CHARS`] characters in all), then [`Event::Done`] with `EndTurn` and zero
/// usage. Sentences end at `。！？`, at `.!?` followed by a space, and at line breaks;
/// each scores the question's terms it holds (English words without function words,
/// Japanese character pairs). With no passage the stream is [`NO_ANSWER_JA`] if the
/// question contains kana or kanji, else [`NO_ANSWER_EN`], and no `Cite`. Tools are
/// ignored; it never fails.
#[derive(Clone, Copy, Debug, Default)]
pub struct Extractive;

impl ChatModel for Extractive {
    fn name(&self) -> &str {
        "extractive"
    }

    fn stream<'a>(&'a self, req: &'a ChatRequest) -> BoxFuture<'a, Result<EventStream, LlmError>> {
        let events: Vec<Result<Event, LlmError>> = answer(req).into_iter().map(Ok).collect();
        Box::pin(async move {
            let stream: EventStream = Box::pin(futures_util::stream::iter(events));
            Ok(stream)
        })
    }
}

/// Every event of the extractive answer to `req`.
fn answer(req: &ChatRequest) -> Vec<Event> {
    let question = req
        .messages
        .iter()
        .rev()
        .find(|m| m.role == Role::User)
        .map(|m| m.text())
        .unwrap_or_default();
    let mut events = Vec::new();
    let quoted = req
        .passages
        .first()
        .map(|p| (p, extract(&p.content, &question)))
        .filter(|(_, pieces)| !pieces.is_empty());
    match quoted {
        Some((passage, pieces)) => {
            events.push(Event::Cite {
                passage_id: passage.id.clone(),
            });
            events.extend(pieces.into_iter().map(Event::TextDelta));
        }
        None => {
            let message = if is_japanese(&question) {
                NO_ANSWER_JA
            } else {
                NO_ANSWER_EN
            };
            events.push(Event::TextDelta(message.to_owned()));
        }
    }
    events.push(Event::Done {
        stop: StopReason::EndTurn,
        usage: Usage::default(),
    });
    events
}

/// The sentences of `passage` to quote for `question`, in order, trimmed at both ends of
/// the answer; empty for a blank passage.
fn extract(passage: &str, question: &str) -> Vec<String> {
    let sentences = sentences(passage);
    let wanted = terms(question);
    let scores: Vec<usize> = sentences
        .iter()
        .map(|s| terms(s).intersection(&wanted).count())
        .collect();
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    // Best first; without any overlap, the passage's opening.
    order.sort_by_key(|&i| (std::cmp::Reverse(scores[i]), i));
    let relevant = scores.iter().any(|&s| s > 0);
    let mut chosen = Vec::new();
    let mut total = 0;
    for i in order {
        if relevant && scores[i] == 0 {
            break;
        }
        // Counted with its trailing space, which joins it to the next one.
        let len = sentences[i].trim_start().chars().count();
        if total + len > MAX_ANSWER_CHARS {
            if chosen.is_empty() {
                return vec![cut(sentences[i].trim(), MAX_ANSWER_CHARS)];
            }
            if relevant {
                continue; // a shorter relevant sentence may still fit
            }
            break;
        }
        total += len;
        chosen.push(i);
    }
    chosen.sort_unstable();
    let mut pieces: Vec<String> = chosen.iter().map(|&i| sentences[i].to_owned()).collect();
    if let Some(first) = pieces.first_mut() {
        *first = first.trim_start().to_owned();
    }
    if let Some(last) = pieces.last_mut() {
        *last = last.trim_end().to_owned();
    }
    pieces.retain(|p| !p.is_empty());
    pieces
}

/// `text` cut into sentences, each with its closing punctuation and following space.
fn sentences(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |j: usize| chars.get(j).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < chars.len() {
        let next_is_space = chars.get(i + 1).is_none_or(|&(_, c)| c.is_whitespace());
        let ends = match chars[i].1 {
            '。' | '！' | '？' | '\n' => true,
            '.' | '!' | '?' => next_is_space,
            _ => false,
        };
        i += 1;
        if ends {
            while i < chars.len() && matches!(chars[i].1, '」' | '』' | '）' | ')' | '"' | '\'')
            {
                i += 1;
            }
            while i < chars.len() && chars[i].1.is_whitespace() {
                i += 1;
            }
            out.push(&text[start..byte_at(i)]);
            start = byte_at(i);
        }
    }
    out.push(&text[start..]);
    out.retain(|s| !s.trim().is_empty());
    out
}

const STOP_WORDS: &[&str] = &[
    "a", "about", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from",
    "have", "how", "i", "in", "is", "it", "me", "my", "of", "on", "or", "that", "the", "there",
    "this", "to", "we", "what", "when", "where", "which", "who", "why", "with", "you", "your",
];

/// English words (lower case, a plural `s` dropped, function words left out) and pairs
/// of adjacent Japanese characters, except pairs of hiragana only (particles, endings).
fn terms(text: &str) -> HashSet<String> {
    let mut terms = HashSet::new();
    let lower = text.to_lowercase();
    for word in lower.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() || STOP_WORDS.contains(&word) {
            continue;
        }
        let word = match word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
            true => &word[..word.len() - 1],
            false => word,
        };
        terms.insert(word.to_owned());
    }
    let japanese: Vec<char> = lower.chars().collect();
    for run in japanese.split(|&c| !is_japanese_char(c)) {
        if let [single] = run {
            terms.insert(single.to_string());
        }
        for pair in run.windows(2) {
            if !pair.iter().all(|&c| is_hiragana(c)) {
                terms.insert(pair.iter().collect());
            }
        }
    }
    terms
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{309f}')
}

fn is_japanese_char(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'     // hiragana, katakana
        | '\u{3400}'..='\u{4dbf}'   // CJK extension A
        | '\u{4e00}'..='\u{9fff}'   // CJK unified ideographs
        | '\u{ff66}'..='\u{ff9f}') // half-width katakana
}

/// Whether the question is written in Japanese: any kana or kanji.
fn is_japanese(text: &str) -> bool {
    text.chars().any(is_japanese_char)
}

/// At most `max` characters of `text`, cut after a word when one ends near the limit,
/// with `…` to show the cut.
fn cut(text: &str, max: usize) -> String {
    let mut kept: String = text.chars().take(max.saturating_sub(1)).collect();
    if let Some(space) = kept
        .rfind(char::is_whitespace)
        .filter(|&s| kept.len() - s < 60)
    {
        kept.truncate(space);
    }
    kept.push('…');
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_japanese_and_english_punctuation() {
        let text =
            "営業時間は9時からです。日曜日は休みです！Open at 9. Version 2.5 is out? Yes\nNext";
        assert_eq!(
            sentences(text),
            vec![
                "営業時間は9時からです。",
                "日曜日は休みです！",
                "Open at 9. ",
                "Version 2.5 is out? ",
                "Yes\n",
                "Next"
            ]
        );
    }

    #[test]
    fn japanese_terms_are_pairs_without_hiragana_only_ones() {
        let t = terms("駐車場はありますか");
        assert!(t.contains("駐車") && t.contains("車場") && t.contains("場は"));
        assert!(!t.contains("ます"));
    }

    #[test]
    fn a_long_sentence_is_cut_at_a_word_with_an_ellipsis() {
        let long = "word ".repeat(200);
        let out = cut(long.trim(), MAX_ANSWER_CHARS);
        assert!(out.chars().count() <= MAX_ANSWER_CHARS);
        assert!(out.ends_with("word…"), "{out}");
    }
}
