//! The structured text every format becomes, and the builder that normalises whitespace
//! and enforces the character cap.

/// At most this many characters are kept from one document; the rest is cut and
/// [`Document::truncated`] set, so a huge file cannot flood the knowledge base.
pub const MAX_EXTRACTED_CHARS: usize = 2_000_000;

/// A document as a title and a sequence of text blocks in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The document's own title when it has one (`<title>`, first `# heading`, PDF metadata).
    pub title: Option<String>,
    /// The text, block by block, whitespace-normalised and never empty.
    pub blocks: Vec<Block>,
    /// True when text was cut at [`MAX_EXTRACTED_CHARS`].
    pub truncated: bool,
}

impl Document {
    /// Whether the document holds no text at all.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The number of characters in all blocks.
    pub fn char_count(&self) -> usize {
        self.blocks.iter().map(|b| b.text.chars().count()).sum()
    }
}

/// One unit of text with its structural role, used by chunking to cut at boundaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the text is.
    pub kind: BlockKind,
    /// The text; single-spaced except in [`BlockKind::Code`], which keeps its lines.
    pub text: String,
}

/// The structural role of a [`Block`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of level 1 (largest) to 6.
    Heading(u8),
    /// A paragraph of running text.
    Paragraph,
    /// One item of a bulleted or numbered list.
    ListItem,
    /// Preformatted text or code, lines kept.
    Code,
    /// One table row, cells joined by `" | "`.
    TableRow,
}

/// Collects blocks, normalising their text and stopping at [`MAX_EXTRACTED_CHARS`].
#[derive(Debug, Default)]
pub(crate) struct Builder {
    doc: Document,
    chars: usize,
}

impl Builder {
    pub(crate) fn set_title(&mut self, title: &str) {
        let title = normalise(title);
        if self.doc.title.is_none() && !title.is_empty() {
            self.doc.title = Some(title);
        }
    }

    pub(crate) fn has_title(&self) -> bool {
        self.doc.title.is_some()
    }

    /// Whether the cap was hit; callers may stop walking their input.
    pub(crate) fn is_full(&self) -> bool {
        self.doc.truncated
    }

    pub(crate) fn push(&mut self, kind: BlockKind, raw: &str) {
        if self.doc.truncated {
            return;
        }
        let mut text = match kind {
            BlockKind::Code => normalise_code(raw),
            _ => normalise(raw),
        };
        if text.is_empty() {
            return;
        }
        let len = text.chars().count();
        if self.chars + len > MAX_EXTRACTED_CHARS {
            let keep = MAX_EXTRACTED_CHARS - self.chars;
            text = text.chars().take(keep).collect();
            self.doc.truncated = true;
            if text.is_empty() {
                return;
            }
        }
        self.chars += text.chars().count();
        self.doc.blocks.push(Block { kind, text });
    }

    pub(crate) fn finish(self) -> Document {
        self.doc
    }
}

/// Collapses whitespace runs to one space and trims. A line break between two CJK characters
/// is dropped instead (it is a wrapping artefact: Japanese has no spaces between words);
/// ideographic spaces (U+3000) inside text are kept. Invisible characters are removed.
pub(crate) fn normalise(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut gap: Option<bool> = None; // Some(contains_newline) while inside a run of whitespace
    for c in raw.chars() {
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() && c != '\u{3000}' {
            let newline = c == '\n' || c == '\r';
            gap = Some(gap.unwrap_or(false) || newline);
            continue;
        }
        if let Some(newline) = gap.take() {
            let prev = out.chars().next_back();
            match prev {
                None => {}
                Some(p) if newline && is_cjk(p) && is_cjk(c) => {}
                Some(_) => out.push(' '),
            }
        }
        out.push(c);
    }
    let trimmed = out.trim();
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    }
}

/// Code keeps its lines and indentation; only trailing spaces and blank edges go.
fn normalise_code(raw: &str) -> String {
    let lines: Vec<&str> = raw
        .lines()
        .map(|l| l.trim_end())
        .skip_while(|l| l.is_empty())
        .collect();
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    lines[..end]
        .join("\n")
        .chars()
        .filter(|c| !is_invisible(*c))
        .collect()
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{FEFF}' | '\u{2060}')
        || (c.is_control() && !c.is_whitespace())
}

/// Hiragana, katakana, CJK ideographs and punctuation, and full-width forms.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF | 0x20000..=0x2FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_to_single_spaces() {
        assert_eq!(normalise("  a \t b\n\n c  "), "a b c");
    }

    #[test]
    fn a_line_break_between_japanese_characters_disappears() {
        assert_eq!(
            normalise("営業時間は\n午前九時です。"),
            "営業時間は午前九時です。"
        );
        assert_eq!(normalise("営業 時間"), "営業 時間");
        assert_eq!(normalise("Mimi\nです"), "Mimi です");
    }

    #[test]
    fn ideographic_spaces_inside_text_are_kept_and_invisible_characters_go() {
        assert_eq!(
            normalise("\u{3000}山田\u{3000}太郎\u{200B}"),
            "山田\u{3000}太郎"
        );
    }

    #[test]
    fn code_keeps_its_indentation() {
        assert_eq!(
            normalise_code("\n\nfn a() {\n    b();  \n}\n\n"),
            "fn a() {\n    b();\n}"
        );
    }

    #[test]
    fn the_builder_cuts_at_the_character_cap_and_says_so() {
        let mut b = Builder::default();
        let big = "あ".repeat(MAX_EXTRACTED_CHARS - 2);
        b.push(BlockKind::Paragraph, &big);
        b.push(BlockKind::Paragraph, "abcdef");
        b.push(BlockKind::Paragraph, "more");
        let doc = b.finish();
        assert!(doc.truncated);
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.blocks[1].text, "ab");
        assert_eq!(doc.char_count(), MAX_EXTRACTED_CHARS);
    }
}
