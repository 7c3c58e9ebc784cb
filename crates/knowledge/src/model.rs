//! What a knowledge item looks like to its owner, and how it is read from the database.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// What an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A question and its answer; always one passage.
    Faq,
    /// A reference page the owner wrote (Markdown or plain text).
    Page,
    /// An uploaded PDF, text, Markdown or HTML file.
    File,
    /// A page of the owner's site, imported by URL or sitemap.
    SitePage,
}

impl ItemKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ItemKind::Faq => "faq",
            ItemKind::Page => "page",
            ItemKind::File => "file",
            ItemKind::SitePage => "site_page",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<ItemKind> {
        Some(match s {
            "faq" => ItemKind::Faq,
            "page" => ItemKind::Page,
            "file" => ItemKind::File,
            "site_page" => ItemKind::SitePage,
            _ => return None,
        })
    }
}

/// Where an item is on its way to being searchable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Waiting for a worker.
    Queued,
    /// Being extracted, cut into passages and embedded.
    Indexing,
    /// Searchable.
    Ready,
    /// Could not be indexed; `failure` says why.
    Failed,
}

impl Status {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Status::Queued => "queued",
            Status::Indexing => "indexing",
            Status::Ready => "ready",
            Status::Failed => "failed",
        }
    }

    fn parse(s: &str) -> Status {
        match s {
            "indexing" => Status::Indexing,
            "ready" => Status::Ready,
            "failed" => Status::Failed,
            _ => Status::Queued,
        }
    }
}

/// Why an item failed, for its owner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Failure {
    /// Stable reason (`file_encrypted`, `robots_disallowed`, …).
    pub code: String,
    /// What happened and what to do, for people.
    pub message: String,
}

/// A knowledge item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Item {
    /// Its id.
    pub id: Uuid,
    /// The app whose knowledge it is.
    pub app_id: Uuid,
    /// What it is.
    pub kind: ItemKind,
    /// The FAQ's question, the page's title, the file's name, or the site page's title
    /// (its URL until fetched).
    pub title: String,
    /// The FAQ's answer or the page's text; for files and site pages, the text
    /// extracted from them. Left out of lists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Where citations of it point: the FAQ's link or the site page's URL.
    pub link: Option<String>,
    /// A file's format as sniffed from its bytes (`pdf`, `markdown`, `html`, `text`).
    pub format: Option<String>,
    /// A file's size as uploaded.
    pub byte_size: Option<i32>,
    /// Where it is on its way to being searchable.
    pub status: Status,
    /// Why it failed, when it did.
    pub failure: Option<Failure>,
    /// Characters of text it holds (its share of the app's limit).
    pub char_count: i32,
    /// How many passages retrieval can return from it.
    pub passages: i64,
    /// When it was added.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// When it was last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// When it last became searchable.
    #[serde(with = "time::serde::rfc3339::option")]
    pub indexed_at: Option<OffsetDateTime>,
}

/// The columns [`ItemRow`] reads, from `knowledge_items i`.
pub(crate) const COLUMNS: &str = "i.id, i.app_id, i.kind, i.title, i.body, i.link, i.format, \
    i.byte_size, i.status, i.failure_code, i.failure_message, i.char_count, \
    (select count(*) from knowledge_chunks c where c.item_id = i.id) as passages, \
    i.created_at, i.updated_at, i.indexed_at";

#[derive(sqlx::FromRow)]
pub(crate) struct ItemRow {
    id: Uuid,
    app_id: Uuid,
    kind: String,
    title: String,
    body: String,
    link: Option<String>,
    format: Option<String>,
    byte_size: Option<i32>,
    status: String,
    failure_code: Option<String>,
    failure_message: Option<String>,
    char_count: i32,
    passages: i64,
    created_at: OffsetDateTime,
    updated_at: OffsetDateTime,
    indexed_at: Option<OffsetDateTime>,
}

impl ItemRow {
    pub(crate) fn into_item(self, with_body: bool) -> Item {
        Item {
            id: self.id,
            app_id: self.app_id,
            kind: ItemKind::parse(&self.kind).unwrap_or(ItemKind::Page),
            title: self.title,
            body: with_body.then_some(self.body),
            link: self.link,
            format: self.format,
            byte_size: self.byte_size,
            status: Status::parse(&self.status),
            failure: self.failure_code.map(|code| Failure {
                code,
                message: self.failure_message.unwrap_or_default(),
            }),
            char_count: self.char_count,
            passages: self.passages,
            created_at: self.created_at,
            updated_at: self.updated_at,
            indexed_at: self.indexed_at,
        }
    }
}
