//! HTML: the page's main content as blocks, without navigation, scripts and forms.

use scraper::{ElementRef, Html, Node, Selector};

use crate::Document;
use crate::document::{BlockKind, Builder};

/// Elements whose content is never part of the text.
const SKIP: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "aside", "form", "svg", "iframe",
    "button", "select", "textarea", "input", "dialog", "object", "embed", "canvas", "video",
    "audio", "map", "math",
];

/// Elements that start a new block when they appear in running text.
const CONTAINERS: &[&str] = &[
    "html",
    "body",
    "main",
    "article",
    "section",
    "div",
    "ul",
    "ol",
    "dl",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "blockquote",
    "figure",
    "details",
    "header",
    "footer",
    "hr",
    "center",
];

/// Reads the main content of an HTML page: `<main>`, else a lone `<article>`, else
/// `[role=main]`, else `<body>`. Scripts, styles, navigation, asides, forms and hidden
/// elements are dropped everywhere; `<header>` and `<footer>` too when reading the whole body
/// (inside `<main>` or `<article>` they hold the article's own heading). The title is
/// `og:title`, else `<title>`, else the first `<h1>`.
pub fn html(text: &str) -> Document {
    let page = Html::parse_document(text);
    let mut walker = Walker {
        builder: Builder::default(),
        inline: String::new(),
        kinds: Vec::new(),
        keep_header: false,
    };
    if let Some(title) = title(&page) {
        walker.builder.set_title(&title);
    }
    let root = main_content(&page);
    walker.keep_header = !matches!(root.value().name(), "body" | "html");
    walker.walk(root);
    walker.flush();
    walker.builder.finish()
}

fn select<'a>(page: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    match Selector::parse(selector) {
        Ok(s) => page.select(&s).collect(),
        Err(_) => Vec::new(),
    }
}

fn main_content(page: &Html) -> ElementRef<'_> {
    if let Some(main) = select(page, "main").into_iter().next() {
        return main;
    }
    let articles = select(page, "article");
    if articles.len() == 1 {
        return articles[0];
    }
    select(page, "[role=main]")
        .into_iter()
        .chain(select(page, "body"))
        .next()
        .unwrap_or_else(|| page.root_element())
}

fn title(page: &Html) -> Option<String> {
    let og = select(page, r#"meta[property="og:title"]"#)
        .into_iter()
        .find_map(|m| m.value().attr("content").map(str::to_string));
    let text_of = |sel: &str| {
        select(page, sel)
            .into_iter()
            .map(|e| e.text().collect::<String>())
            .find(|t| !t.trim().is_empty())
    };
    og.filter(|t| !t.trim().is_empty())
        .or_else(|| text_of("title"))
        .or_else(|| text_of("h1"))
}

struct Walker {
    builder: Builder,
    /// Running text not yet pushed as a block.
    inline: String,
    /// The kinds of the enclosing text blocks (heading, list item, …); empty means paragraph.
    kinds: Vec<BlockKind>,
    keep_header: bool,
}

impl Walker {
    fn walk(&mut self, element: ElementRef<'_>) {
        for child in element.children() {
            if self.builder.is_full() {
                return;
            }
            match child.value() {
                Node::Text(text) => self.inline.push_str(text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, element: ElementRef<'_>) {
        let name = element.value().name();
        if SKIP.contains(&name) || is_hidden(element) {
            return;
        }
        if matches!(name, "header" | "footer") && !self.keep_header {
            return;
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name.as_bytes()[1] - b'0';
                self.block(BlockKind::Heading(level), element);
            }
            "li" => self.block(BlockKind::ListItem, element),
            "p" | "dt" | "dd" | "figcaption" | "caption" | "summary" | "address" | "legend" => {
                if self.kinds.is_empty() {
                    self.block(BlockKind::Paragraph, element);
                } else {
                    // A paragraph inside a list item or heading continues it.
                    self.inline.push('\n');
                    self.walk(element);
                    self.inline.push('\n');
                }
            }
            "pre" => {
                self.flush();
                let code: String = element.text().collect();
                self.builder.push(BlockKind::Code, &code);
            }
            "tr" if is_simple_row(element) => {
                self.flush();
                let cells: Vec<String> = element
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|c| matches!(c.value().name(), "td" | "th"))
                    .map(|c| crate::document::normalise(&c.text().collect::<String>()))
                    .collect();
                self.builder.push(BlockKind::TableRow, &cells.join(" | "));
            }
            "br" => self.inline.push('\n'),
            "img" => {}
            _ if CONTAINERS.contains(&name) || name == "tr" || name == "td" || name == "th" => {
                self.flush();
                self.walk(element);
                self.flush();
            }
            _ => self.walk(element),
        }
    }

    fn block(&mut self, kind: BlockKind, element: ElementRef<'_>) {
        self.flush();
        self.kinds.push(kind);
        self.walk(element);
        self.flush();
        self.kinds.pop();
    }

    fn flush(&mut self) {
        let kind = self.kinds.last().copied().unwrap_or(BlockKind::Paragraph);
        self.builder.push(kind, &self.inline);
        self.inline.clear();
    }
}

/// A row whose cells hold only running text; layout tables with paragraphs or lists in their
/// cells are read as containers instead.
fn is_simple_row(row: ElementRef<'_>) -> bool {
    !row.descendants().filter_map(ElementRef::wrap).any(|e| {
        matches!(
            e.value().name(),
            "p" | "div" | "ul" | "ol" | "table" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "pre"
        )
    })
}

fn is_hidden(element: ElementRef<'_>) -> bool {
    let e = element.value();
    e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
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
    fn main_content_is_read_and_chrome_dropped() {
        let doc = html(
            r#"<!doctype html><html><head><title>Shop | Example</title>
            <meta property="og:title" content="営業時間のご案内"><style>p{}</style></head>
            <body><header><h1>Site name</h1></header><nav><a href="/">Home</a></nav>
            <main><article><header><h1>営業時間</h1></header>
            <p>平日は
            午前9時から<b>午後6時</b>まで。</p>
            <ul><li>土曜: 10時〜<ul><li>祝日を除く</li></ul></li><li>日曜: 休み</li></ul>
            <script>alert(1)</script><form><input value="x"><button>Send</button></form>
            <div>Loose text<p>Nested paragraph</p></div>
            <table><tr><th>Plan</th><th>Price</th></tr><tr><td>Free</td><td>0円</td></tr></table>
            <pre>  a
  b</pre><p hidden>secret</p><p style="display: none">gone</p>
            </article></main><aside>Ads</aside><footer>© 2025</footer></body></html>"#,
        );
        assert_eq!(doc.title.as_deref(), Some("営業時間のご案内"));
        assert_eq!(
            blocks(&doc),
            [
                (BlockKind::Heading(1), "営業時間"),
                (BlockKind::Paragraph, "平日は午前9時から午後6時まで。"),
                (BlockKind::ListItem, "土曜: 10時〜"),
                (BlockKind::ListItem, "祝日を除く"),
                (BlockKind::ListItem, "日曜: 休み"),
                (BlockKind::Paragraph, "Loose text"),
                (BlockKind::Paragraph, "Nested paragraph"),
                (BlockKind::TableRow, "Plan | Price"),
                (BlockKind::TableRow, "Free | 0円"),
                (BlockKind::Code, "  a\n  b"),
            ]
        );
    }

    #[test]
    fn without_main_the_body_is_read_without_header_and_footer() {
        let doc = html(
            "<html><body><header>Menu</header><h1>Welcome</h1><p>Hello</p><footer>Foot</footer></body></html>",
        );
        assert_eq!(doc.title.as_deref(), Some("Welcome"));
        assert_eq!(
            blocks(&doc),
            [
                (BlockKind::Heading(1), "Welcome"),
                (BlockKind::Paragraph, "Hello")
            ]
        );
    }

    #[test]
    fn the_title_element_is_used_without_og_title() {
        let doc = html("<title> About  us </title><p>x</p>");
        assert_eq!(doc.title.as_deref(), Some("About us"));
    }
}
