//! Markdown through pulldown-cmark: headings, paragraphs, list items, code and table rows.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::Document;
use crate::document::{BlockKind, Builder};

/// Reads Markdown (CommonMark with tables) into blocks. The first level-1 heading is the
/// title. Links keep their text, images their alt text; raw HTML is dropped.
pub fn markdown(text: &str) -> Document {
    let mut state = State::default();
    for event in Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        state.event(event);
        if state.builder.is_full() {
            break;
        }
    }
    state.flush();
    state.builder.finish()
}

#[derive(Default)]
struct State {
    builder: Builder,
    text: String,
    /// The kind of block the text in `text` belongs to; None outside any block.
    kind: Option<BlockKind>,
    list_depth: usize,
    cells: Vec<String>,
}

impl State {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) => {
                self.text.push_str(&t);
                if self.kind.is_none() {
                    self.kind = Some(BlockKind::Paragraph);
                }
            }
            Event::SoftBreak => self.text.push('\n'),
            Event::HardBreak => self.text.push(' '),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => self.begin(BlockKind::Heading(level_number(level))),
            Tag::Paragraph if self.list_depth == 0 => self.begin(BlockKind::Paragraph),
            // A paragraph inside a list item continues the item.
            Tag::Paragraph => self.text.push('\n'),
            Tag::Item => self.begin(BlockKind::ListItem),
            Tag::List(_) => {
                self.flush();
                self.list_depth += 1;
            }
            Tag::CodeBlock(_) => self.begin(BlockKind::Code),
            Tag::TableRow | Tag::TableHead => {
                self.flush();
                self.cells.clear();
            }
            Tag::TableCell => self.text.clear(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(level) => {
                if level == HeadingLevel::H1 && !self.builder.has_title() {
                    self.builder.set_title(&self.text);
                }
                self.flush();
            }
            TagEnd::Paragraph if self.list_depth == 0 => self.flush(),
            TagEnd::Item | TagEnd::CodeBlock => self.flush(),
            TagEnd::List(_) => {
                self.flush();
                self.list_depth = self.list_depth.saturating_sub(1);
            }
            TagEnd::TableCell => self
                .cells
                .push(std::mem::take(&mut self.text).trim().to_string()),
            TagEnd::TableRow | TagEnd::TableHead => {
                let row = self.cells.join(" | ");
                self.builder.push(BlockKind::TableRow, &row);
                self.cells.clear();
            }
            _ => {}
        }
    }

    fn begin(&mut self, kind: BlockKind) {
        self.flush();
        self.kind = Some(kind);
    }

    fn flush(&mut self) {
        if let Some(kind) = self.kind.take() {
            self.builder.push(kind, &self.text);
        }
        self.text.clear();
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(doc: &Document) -> Vec<(BlockKind, &str)> {
        doc.blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect()
    }

    #[test]
    fn headings_paragraphs_lists_and_code_become_blocks() {
        let doc = markdown(
            "# 営業案内\n\nWe open at\n*nine*.\n\n## Hours\n\n- Mon–Fri\n- Sat\n  1. morning\n\n```\nlet a = 1;\n  b\n```\n",
        );
        assert_eq!(doc.title.as_deref(), Some("営業案内"));
        assert_eq!(
            blocks(&doc),
            [
                (BlockKind::Heading(1), "営業案内"),
                (BlockKind::Paragraph, "We open at nine."),
                (BlockKind::Heading(2), "Hours"),
                (BlockKind::ListItem, "Mon–Fri"),
                (BlockKind::ListItem, "Sat"),
                (BlockKind::ListItem, "morning"),
                (BlockKind::Code, "let a = 1;\n  b"),
            ]
        );
    }

    #[test]
    fn tables_become_rows_and_links_keep_their_text() {
        let doc = markdown(
            "| Plan | Price |\n|---|---|\n| Free | 0 |\n\nSee [the docs](https://x.test).\n",
        );
        assert_eq!(
            blocks(&doc),
            [
                (BlockKind::TableRow, "Plan | Price"),
                (BlockKind::TableRow, "Free | 0"),
                (BlockKind::Paragraph, "See the docs."),
            ]
        );
    }
}
