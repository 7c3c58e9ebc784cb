//! Placeholder for the ingestion crate being written on the `ingest` branch: the
//! document shape only, so `mimi-knowledge` compiles meanwhile. Replaced by that branch.

/// Structured text.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The title, if the source has one.
    pub title: Option<String>,
    /// The blocks in reading order.
    pub blocks: Vec<Block>,
}

/// One block of text.
#[derive(Debug, Clone)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Its text.
    pub text: String,
}

/// Kinds of block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of this level.
    Heading(u8),
    /// A paragraph.
    Paragraph,
    /// A list item.
    ListItem,
    /// Code.
    Code,
}

/// Markdown into blocks (placeholder: headings and paragraphs).
pub fn markdown(text: &str) -> Document {
    let mut blocks = Vec::new();
    for para in text.split("\n\n") {
        let para = para.trim();
        if para.is_empty() {
            continue;
        }
        let level = para.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&level) && para[level..].starts_with(' ') && !para.contains('\n') {
            blocks.push(Block {
                kind: BlockKind::Heading(level as u8),
                text: para[level..].trim().to_owned(),
            });
        } else {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                text: para.to_owned(),
            });
        }
    }
    Document {
        title: None,
        blocks,
    }
}
