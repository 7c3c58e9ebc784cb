//! Rebuilding lines, paragraphs, headings and list items from positioned glyphs.

use std::time::Instant;

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use crate::Document;
use crate::document::{BlockKind, Builder, MAX_EXTRACTED_CHARS, is_cjk};

/// Why glyph collection stopped before the end of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stop {
    /// The time limit passed.
    Deadline,
    /// Enough characters were collected.
    Full,
}

/// One line of glyphs on a page.
#[derive(Debug)]
struct Line {
    text: String,
    /// Baseline height in page space (grows upwards).
    y: f64,
    size: f64,
    /// Where the last glyph ended, for word gaps.
    end: f64,
    /// Starts a new page (a paragraph break however close it sits).
    page_start: bool,
}

/// A `pdf_extract` output device that collects lines and then groups them.
pub(super) struct Collector {
    lines: Vec<Line>,
    chars: usize,
    deadline: Instant,
    stop: Option<Stop>,
    page_start: bool,
}

impl Collector {
    pub(super) fn new(deadline: Instant) -> Self {
        Collector {
            lines: Vec::new(),
            chars: 0,
            deadline,
            stop: None,
            page_start: true,
        }
    }

    pub(super) fn stop(&self) -> Option<Stop> {
        self.stop
    }

    pub(super) fn is_empty(&self) -> bool {
        self.lines.iter().all(|l| l.text.trim().is_empty())
    }

    fn halt(&mut self, why: Stop) -> Result<(), OutputError> {
        self.stop = Some(why);
        Err(OutputError::FormatError(std::fmt::Error))
    }

    /// Groups the lines into blocks: a paragraph ends at a page break, a vertical gap wider
    /// than 1.5 lines, a jump upwards (next column) or a change of font size; a paragraph set
    /// clearly larger than the body text and short is a heading; a line starting with a
    /// bullet or number starts a list item.
    pub(super) fn finish(self) -> Document {
        let body = body_size(&self.lines);
        let mut builder = Builder::default();
        let mut text = String::new();
        let mut kind = BlockKind::Paragraph;
        let mut prev: Option<&Line> = None;
        for line in self.lines.iter().filter(|l| !l.text.trim().is_empty()) {
            let bullet = list_marker(line.text.trim_start());
            let breaks = match prev {
                None => true,
                Some(p) => {
                    let gap = p.y - line.y;
                    let size = p.size.max(line.size);
                    line.page_start
                        || gap > 1.5 * size
                        || gap < -0.5 * size
                        || (p.size - line.size).abs() > 0.15 * size
                        || bullet
                }
            };
            if breaks {
                push(
                    &mut builder,
                    kind,
                    &text,
                    prev.map_or(body, |p| p.size),
                    body,
                );
                text.clear();
                kind = if bullet {
                    BlockKind::ListItem
                } else {
                    BlockKind::Paragraph
                };
            }
            join_line(&mut text, line.text.trim());
            prev = Some(line);
        }
        push(
            &mut builder,
            kind,
            &text,
            prev.map_or(body, |p| p.size),
            body,
        );
        let mut doc = builder.finish();
        doc.truncated |= self.stop == Some(Stop::Full);
        doc
    }
}

fn push(builder: &mut Builder, kind: BlockKind, text: &str, size: f64, body: f64) {
    let kind = match kind {
        BlockKind::Paragraph if size >= 1.2 * body && text.chars().count() <= 150 => {
            BlockKind::Heading(if size >= 1.6 * body {
                1
            } else if size >= 1.35 * body {
                2
            } else {
                3
            })
        }
        other => other,
    };
    builder.push(kind, text);
}

/// Appends a line to a paragraph: words split by a hyphen at the line end are rejoined;
/// otherwise a newline marks the join, which normalisation turns into a space (or nothing
/// between Japanese characters).
fn join_line(paragraph: &mut String, line: &str) {
    let hyphenated = paragraph.ends_with('-')
        && paragraph
            .chars()
            .rev()
            .nth(1)
            .is_some_and(char::is_alphabetic)
        && line.chars().next().is_some_and(char::is_lowercase);
    if hyphenated {
        paragraph.pop();
    } else if !paragraph.is_empty() {
        paragraph.push('\n');
    }
    paragraph.push_str(line);
}

fn list_marker(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next();
    if matches!(
        first,
        Some('•' | '・' | '●' | '○' | '■' | '□' | '◆' | '▪' | '‣' | '–' | '-' | '*' | '※')
    ) {
        return first != Some('-') && first != Some('*') || chars.next() == Some(' ');
    }
    if first.is_some_and(|c| ('①'..='⑳').contains(&c)) {
        return true;
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && digits <= 2 && {
        let rest = &line[digits..];
        rest.starts_with(". ")
            || rest.starts_with(") ")
            || rest.starts_with('.') && rest[1..].starts_with(|c: char| is_cjk(c))
    }
}

/// The most common font size, weighted by characters.
fn body_size(lines: &[Line]) -> f64 {
    let mut counts: Vec<(i64, usize)> = Vec::new();
    for line in lines {
        let key = (line.size * 2.0).round() as i64;
        let n = line.text.chars().count();
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, c)) => *c += n,
            None => counts.push((key, n)),
        }
    }
    counts
        .iter()
        .max_by_key(|(_, c)| *c)
        .map_or(12.0, |(k, _)| *k as f64 / 2.0)
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _: u32,
        _: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page_start = true;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        self.chars += text.chars().count();
        // Reading the clock costs far less than a glyph's trip through the font machinery.
        if Instant::now() > self.deadline {
            return self.halt(Stop::Deadline);
        }
        if self.chars > MAX_EXTRACTED_CHARS {
            return self.halt(Stop::Full);
        }
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = (font_size * scale).abs().max(0.1);
        let (x, y) = (trm.m31, trm.m32);
        let same_line = !self.page_start
            && self
                .lines
                .last()
                .is_some_and(|l| (l.y - y).abs() <= 0.5 * size.min(l.size) && x >= l.end - size);
        if !same_line {
            self.lines.push(Line {
                text: String::new(),
                y,
                size,
                end: x,
                page_start: self.page_start,
            });
            self.page_start = false;
        }
        if let Some(line) = self.lines.last_mut() {
            if x > line.end + 0.15 * size && !line.text.ends_with(' ') && !line.text.is_empty() {
                line.text.push(' ');
            }
            line.text.push_str(text);
            line.size = line.size.max(size);
            line.end = x + width * size;
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_markers_are_recognised() {
        for item in [
            "• item",
            "・項目",
            "- item",
            "1. first",
            "12) twelve",
            "① 一",
            "1.まず",
        ] {
            assert!(list_marker(item), "{item}");
        }
        for text in ["-5 degrees", "2025 was", "3.14 is pi", "*emphasis*"] {
            assert!(!list_marker(text), "{text}");
        }
    }

    #[test]
    fn hyphenated_words_are_rejoined_across_lines() {
        let mut p = String::from("infor-");
        join_line(&mut p, "mation here");
        assert_eq!(p, "information here");
        let mut p = String::from("Mimi-");
        join_line(&mut p, "Bot");
        assert_eq!(p, "Mimi-\nBot");
    }
}
