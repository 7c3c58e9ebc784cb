//! Cutting an item's text into passages that follow its structure. Headings start new
//! passages and name the section each one belongs to; paragraphs and list items are
//! kept whole while they fit; a block too long for one passage is cut at sentence ends
//! (`.`, `!`, `?` and Japanese `。！？`), and a sentence too long still at word or
//! character boundaries. Consecutive passages of one section overlap by a few sentences
//! so that a fact on a boundary is whole in at least one of them.

use mimi_ingest::{BlockKind, Document};

/// How big passages are, in (estimated) model tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkSize {
    /// The most tokens in one passage.
    pub max_tokens: usize,
    /// About how many tokens of a passage are repeated at the start of the next.
    pub overlap_tokens: usize,
}

impl ChunkSize {
    /// About 500 tokens with about 50 of overlap, or less when the embedding model sees
    /// fewer tokens than that: a passage longer than the model's window would be embedded
    /// by its beginning alone.
    pub fn for_model(model_max_tokens: usize) -> ChunkSize {
        let max_tokens = model_max_tokens.clamp(64, 500);
        ChunkSize {
            max_tokens,
            overlap_tokens: (max_tokens / 10).max(16),
        }
    }
}

/// One passage of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The headings above it, outermost first, joined by ` › `.
    pub section: String,
    /// Its text.
    pub content: String,
}

/// Estimated tokens of `text` for a WordPiece-style tokenizer: each CJK character is
/// one, a Latin word about one and a half, each punctuation mark one. Errs long, so a
/// passage stays inside the model's window.
pub fn estimate_tokens(text: &str) -> usize {
    let mut tokens = 0.0f32;
    let mut in_word = false;
    for c in text.chars() {
        if crate::text::is_cjk(c) {
            tokens += 1.0;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                tokens += 1.5;
            }
            in_word = true;
        } else {
            if !c.is_whitespace() {
                tokens += 1.0;
            }
            in_word = false;
        }
    }
    tokens.ceil() as usize
}

/// The passages of a document.
pub fn chunk(document: &Document, size: ChunkSize) -> Vec<Passage> {
    let mut builder = Builder {
        size,
        headings: Vec::new(),
        current: Vec::new(),
        current_tokens: 0,
        carried: 0,
        out: Vec::new(),
    };
    for block in &document.blocks {
        let text = block.text.trim();
        if text.is_empty() {
            continue;
        }
        match block.kind {
            BlockKind::Heading(level) => builder.heading(level, text),
            BlockKind::ListItem => builder.block(&format!("- {text}")),
            _ => builder.block(text),
        }
    }
    builder.flush(false);
    builder.out
}

struct Builder {
    size: ChunkSize,
    headings: Vec<(u8, String)>,
    /// Pieces (sentences or whole blocks) of the passage being built; each piece ends
    /// with the separator that followed it.
    current: Vec<(String, usize)>,
    current_tokens: usize,
    /// How many leading pieces of `current` were carried over from the last passage.
    carried: usize,
    out: Vec<Passage>,
}

impl Builder {
    fn heading(&mut self, level: u8, text: &str) {
        self.flush(false);
        self.headings.retain(|(l, _)| *l < level);
        self.headings.push((level, text.to_owned()));
    }

    fn block(&mut self, text: &str) {
        let tokens = estimate_tokens(text);
        if tokens <= self.size.max_tokens {
            self.push(format!("{text}\n\n"), tokens);
            return;
        }
        for sentence in sentences(text) {
            for piece in split_long(sentence, self.size.max_tokens) {
                let tokens = estimate_tokens(&piece);
                self.push(piece, tokens);
            }
        }
        if let Some(last) = self.current.last_mut() {
            last.0.push_str("\n\n");
        }
    }

    fn push(&mut self, piece: String, tokens: usize) {
        if self.current_tokens + tokens > self.size.max_tokens {
            if self.current.len() > self.carried {
                self.flush(true);
            }
            if self.current_tokens + tokens > self.size.max_tokens {
                // The carried overlap and this piece don't fit together: drop the overlap.
                self.current.clear();
                self.current_tokens = 0;
                self.carried = 0;
            }
        }
        self.current_tokens += tokens;
        self.current.push((piece, tokens));
    }

    /// Ends the passage being built; with `overlap`, its last pieces start the next one.
    fn flush(&mut self, overlap: bool) {
        if self.current.len() <= self.carried {
            // Nothing new since the last passage.
            self.current.clear();
            self.current_tokens = 0;
            self.carried = 0;
            return;
        }
        let content: String = self.current.iter().map(|(p, _)| p.as_str()).collect();
        let section = self
            .headings
            .iter()
            .map(|(_, h)| h.as_str())
            .collect::<Vec<_>>()
            .join(" › ");
        self.out.push(Passage {
            section,
            content: content.trim().to_owned(),
        });
        let mut kept = Vec::new();
        let mut kept_tokens = 0;
        if overlap {
            for (piece, tokens) in self.current.iter().rev() {
                if kept_tokens + tokens > self.size.overlap_tokens
                    || kept.len() + 1 >= self.current.len()
                {
                    break;
                }
                kept_tokens += tokens;
                kept.push((piece.clone(), *tokens));
            }
            kept.reverse();
        }
        self.carried = kept.len();
        self.current = kept;
        self.current_tokens = kept_tokens;
    }
}

/// `text` cut after each sentence end, the separator kept with its sentence.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '。' | '！' | '？' | '!' | '?' | '.' => {
                let next = chars.peek().map(|(_, n)| *n);
                let latin = matches!(c, '!' | '?' | '.');
                if latin && !next.is_none_or(char::is_whitespace) {
                    continue;
                }
                i + c.len_utf8()
            }
            '\n' => i + 1,
            _ => continue,
        };
        // Take the whitespace after the end along with the sentence.
        let mut stop = end;
        while let Some((j, n)) = chars.peek().copied() {
            if !n.is_whitespace() {
                break;
            }
            stop = j + n.len_utf8();
            chars.next();
        }
        if !text[start..stop].trim().is_empty() {
            out.push(&text[start..stop]);
        }
        start = stop;
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(&text[start..]);
    }
    out
}

/// A sentence cut into pieces of at most `max_tokens`, at spaces when it has them and
/// between characters otherwise.
fn split_long(sentence: &str, max_tokens: usize) -> Vec<String> {
    if estimate_tokens(sentence) <= max_tokens {
        return vec![sentence.to_owned()];
    }
    let mut out = Vec::new();
    let mut piece = String::new();
    for c in sentence.chars() {
        piece.push(c);
        let at_boundary = c.is_whitespace() || crate::text::is_cjk(c);
        if at_boundary && estimate_tokens(&piece) >= max_tokens.saturating_sub(2) {
            out.push(std::mem::take(&mut piece));
        }
    }
    if !piece.trim().is_empty() {
        out.push(piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use mimi_ingest::{Block, BlockKind, Document};

    use super::*;

    fn doc(blocks: &[(BlockKind, &str)]) -> Document {
        Document {
            title: None,
            truncated: false,
            blocks: blocks
                .iter()
                .map(|(kind, text)| Block {
                    kind: *kind,
                    text: (*text).to_owned(),
                })
                .collect(),
        }
    }

    const SMALL: ChunkSize = ChunkSize {
        max_tokens: 40,
        overlap_tokens: 12,
    };

    #[test]
    fn headings_start_passages_and_name_their_section() {
        let d = doc(&[
            (BlockKind::Heading(1), "Shipping"),
            (BlockKind::Paragraph, "We ship within two days."),
            (BlockKind::Heading(2), "Abroad"),
            (BlockKind::Paragraph, "Abroad takes a week."),
            (BlockKind::Heading(1), "Returns"),
            (BlockKind::ListItem, "Keep the receipt."),
        ]);
        let passages = chunk(&d, SMALL);
        let got: Vec<(&str, &str)> = passages
            .iter()
            .map(|p| (p.section.as_str(), p.content.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Shipping", "We ship within two days."),
                ("Shipping › Abroad", "Abroad takes a week."),
                ("Returns", "- Keep the receipt."),
            ]
        );
    }

    #[test]
    fn a_long_block_is_cut_at_sentence_ends_with_overlap_and_every_passage_fits() {
        let text = (1..=30)
            .map(|i| format!("Sentence number {i} is here."))
            .collect::<Vec<_>>()
            .join(" ");
        let passages = chunk(&doc(&[(BlockKind::Paragraph, &text)]), SMALL);
        assert!(passages.len() > 3, "{passages:#?}");
        for p in &passages {
            assert!(estimate_tokens(&p.content) <= SMALL.max_tokens, "{p:?}");
            assert!(p.content.ends_with("here."), "cut mid-sentence: {p:?}");
        }
        // The last sentence of one passage opens the next.
        let last_of_first = passages[0].content.rsplit(". ").next().unwrap_or_default();
        assert!(
            passages[1]
                .content
                .starts_with(last_of_first.trim_end_matches('.'))
        );
        // Nothing is lost.
        for i in 1..=30 {
            let s = format!("Sentence number {i} is here.");
            assert!(passages.iter().any(|p| p.content.contains(&s)), "lost {s}");
        }
    }

    #[test]
    fn japanese_is_cut_after_its_sentence_marks() {
        let text =
            "当店は駅から徒歩五分です。駐車場は三台分あります！ご予約はお電話でどうぞ？".repeat(4);
        let passages = chunk(&doc(&[(BlockKind::Paragraph, &text)]), SMALL);
        assert!(passages.len() > 1);
        for p in &passages {
            assert!(estimate_tokens(&p.content) <= SMALL.max_tokens);
            assert!(p.content.ends_with(['。', '！', '？']), "{p:?}");
        }
    }

    #[test]
    fn a_sentence_longer_than_a_passage_is_cut_between_words() {
        let text = "word ".repeat(100);
        let passages = chunk(&doc(&[(BlockKind::Paragraph, &text)]), SMALL);
        assert!(passages.len() >= 4);
        assert!(
            passages
                .iter()
                .all(|p| estimate_tokens(&p.content) <= SMALL.max_tokens)
        );
    }

    #[test]
    fn chunk_size_follows_the_models_window_up_to_five_hundred() {
        assert_eq!(ChunkSize::for_model(256).max_tokens, 256);
        assert_eq!(
            ChunkSize::for_model(8192),
            ChunkSize {
                max_tokens: 500,
                overlap_tokens: 50
            }
        );
    }

    #[test]
    fn token_estimates_count_cjk_characters_and_latin_words() {
        assert_eq!(estimate_tokens("営業時間"), 4);
        assert_eq!(estimate_tokens("open hours"), 3);
        assert_eq!(estimate_tokens("hi, you"), 4);
    }
}
