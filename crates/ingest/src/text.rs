//! Plain text: paragraphs separated by blank lines.

use crate::Document;
use crate::document::{BlockKind, Builder};

/// Splits plain text into paragraphs at blank lines (lines holding only whitespace count as
/// blank); line breaks inside a paragraph become spaces, or nothing between Japanese
/// characters.
pub fn plain_text(text: &str) -> Document {
    let mut builder = Builder::default();
    let mut paragraph = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            builder.push(BlockKind::Paragraph, &paragraph);
            paragraph.clear();
            if builder.is_full() {
                break;
            }
        } else {
            paragraph.push_str(line);
            paragraph.push('\n');
        }
    }
    builder.push(BlockKind::Paragraph, &paragraph);
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_separate_paragraphs() {
        let doc = plain_text("First line\nsame paragraph.\n \n\n第二段落は\n続きます。\r\n");
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            ["First line same paragraph.", "第二段落は続きます。"]
        );
        assert!(doc.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
        assert_eq!(doc.title, None);
    }

    #[test]
    fn whitespace_only_text_has_no_blocks() {
        assert!(plain_text(" \n\t\n").is_empty());
    }
}
