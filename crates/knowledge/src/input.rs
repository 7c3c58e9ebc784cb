//! What owners send to add or change items, and the rules it must follow.

use mimi_domain::Error;
use mimi_domain::rules::{self, TextCodes, TextRule, UrlCodes};
use serde::Deserialize;

/// Longest FAQ question, in characters.
pub const MAX_QUESTION_CHARS: usize = 1_000;
/// Longest FAQ answer, in characters.
pub const MAX_ANSWER_CHARS: usize = 20_000;
/// Longest title of a page or file, in characters.
pub const MAX_TITLE_CHARS: usize = 300;
/// Longest reference page, in characters.
pub const MAX_PAGE_CHARS: usize = 500_000;

/// A new FAQ.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewFaq {
    /// The question, as a visitor might ask it.
    pub question: String,
    /// The answer.
    pub answer: String,
    /// A page to cite with the answer.
    #[serde(default)]
    pub link: Option<String>,
}

/// A new reference page.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPage {
    /// Its title.
    pub title: String,
    /// Its text, in Markdown or plain text.
    pub body: String,
}

/// Changes to an item. FAQs take `question`, `answer` and `link`; pages `title` and
/// `body`; files and site pages only `title`. A field the item does not have is
/// refused (`field_not_applicable`); an absent one stays as it is.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemPatch {
    /// An FAQ's new question.
    pub question: Option<String>,
    /// An FAQ's new answer.
    pub answer: Option<String>,
    /// An FAQ's new link; `null` removes it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub link: Option<Option<String>>,
    /// A page's, file's or site page's new title.
    pub title: Option<String>,
    /// A page's new text.
    pub body: Option<String>,
}

fn double_option<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// The cleaned fields of an item: title, body, link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fields {
    pub title: String,
    pub body: String,
    pub link: Option<String>,
}

impl Fields {
    pub fn chars(&self) -> usize {
        self.title.chars().count() + self.body.chars().count()
    }
}

fn text(field: &'static str, max: usize, multiline: bool) -> TextRule {
    let codes = match field {
        "question" => ("question_required", "question_too_long", "question_invalid"),
        "answer" => ("answer_required", "answer_too_long", "answer_invalid"),
        "title" => ("title_required", "title_too_long", "title_invalid"),
        _ => ("body_required", "body_too_long", "body_invalid"),
    };
    TextRule {
        field,
        optional: false,
        max,
        multiline,
        codes: TextCodes {
            required: codes.0,
            too_long: codes.1,
            invalid: codes.2,
        },
    }
}

pub(crate) fn question(s: &str) -> Result<String, Error> {
    text("question", MAX_QUESTION_CHARS, false).check(s, None)
}

pub(crate) fn answer(s: &str) -> Result<String, Error> {
    text("answer", MAX_ANSWER_CHARS, true).check(s, None)
}

pub(crate) fn title(s: &str) -> Result<String, Error> {
    text("title", MAX_TITLE_CHARS, false).check(s, None)
}

pub(crate) fn page_body(s: &str) -> Result<String, Error> {
    text("body", MAX_PAGE_CHARS, true).check(s, None)
}

pub(crate) fn link(s: &str) -> Result<String, Error> {
    let codes = UrlCodes {
        invalid: "link_invalid",
        scheme: "link_scheme",
        too_long: "link_too_long",
    };
    rules::web_url(s, "link", None, &codes)
}

impl NewFaq {
    pub(crate) fn check(&self) -> Result<Fields, Error> {
        Ok(Fields {
            title: question(&self.question)?,
            body: answer(&self.answer)?,
            link: self
                .link
                .as_deref()
                .filter(|l| !l.trim().is_empty())
                .map(link)
                .transpose()?,
        })
    }
}

impl NewPage {
    pub(crate) fn check(&self) -> Result<Fields, Error> {
        Ok(Fields {
            title: title(&self.title)?,
            body: page_body(&self.body)?,
            link: None,
        })
    }
}

fn not_applicable(field: &'static str, kind: &str) -> Error {
    Error::invalid(
        field,
        "field_not_applicable",
        format!("{field} cannot be set on a {kind}"),
    )
}

impl ItemPatch {
    /// `current` with the patch applied, for an item of `kind`.
    pub(crate) fn apply(
        &self,
        kind: crate::ItemKind,
        mut current: Fields,
    ) -> Result<Fields, Error> {
        use crate::ItemKind::*;
        let k = kind.as_str();
        let faq = kind == Faq;
        if !faq {
            if self.question.is_some() {
                return Err(not_applicable("question", k));
            }
            if self.answer.is_some() {
                return Err(not_applicable("answer", k));
            }
            if self.link.is_some() {
                return Err(not_applicable("link", k));
            }
        }
        if faq && self.title.is_some() {
            return Err(not_applicable("title", k));
        }
        if kind != Page && self.body.is_some() {
            return Err(not_applicable("body", k));
        }
        if let Some(q) = &self.question {
            current.title = question(q)?;
        }
        if let Some(a) = &self.answer {
            current.body = answer(a)?;
        }
        if let Some(l) = &self.link {
            current.link = l
                .as_deref()
                .filter(|l| !l.trim().is_empty())
                .map(link)
                .transpose()?;
        }
        if let Some(t) = &self.title {
            current.title = title(t)?;
        }
        if let Some(b) = &self.body {
            current.body = page_body(b)?;
        }
        Ok(current)
    }

    /// Whether the patch changes what is searched (anything but nothing).
    pub(crate) fn is_empty(&self) -> bool {
        self.question.is_none()
            && self.answer.is_none()
            && self.link.is_none()
            && self.title.is_none()
            && self.body.is_none()
    }
}
