//! Adding knowledge from files and from the owner's site. A document file becomes one
//! item whose bytes wait in `knowledge_uploads` until the worker extracts them; a CSV of
//! question/answer rows becomes one FAQ per row at once. A URL becomes a site-page item
//! the worker fetches; a sitemap is read now (bounded by the fetch policy) and becomes
//! one item per listed page not already imported.

use mimi_domain::rules::{self, UrlCodes};
use mimi_domain::{Error, Result, Role, Scope};
use mimi_ingest::Format;
use mimi_store::{PgPool, tenant};
use url::Url;
use uuid::Uuid;

use crate::input::{Fields, NewFaq};
use crate::items::{NewItem, add, add_faqs};
use crate::limits::Limits;
use crate::model::{Item, ItemKind};
use crate::source::Fetching;

/// Adds an uploaded file named `name`. Returns the one item it became, or the FAQs of a
/// CSV file. Errors: `too_large` over the plan's file size; the `file` field's
/// `unsupported_file_type`, `invalid_csv` and the like when the bytes are not a file Mimi
/// reads; nothing is written then.
pub async fn add_file(
    pool: &PgPool,
    scope: &Scope,
    app_id: Uuid,
    name: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Vec<Item>> {
    scope.require(Role::Member)?;
    let name = file_name(name)?;
    if bytes.len() > limits.file_bytes.min(mimi_ingest::MAX_FILE_BYTES) {
        return Err(Error::TooLarge {
            field: Some("file"),
            message: format!(
                "the file is {} bytes; files may be at most {} MB",
                bytes.len(),
                limits.file_bytes.min(mimi_ingest::MAX_FILE_BYTES) / 1_000_000
            )
            .into(),
        });
    }
    if bytes.trim_ascii().is_empty() {
        return Err(file_error(mimi_ingest::Error::Empty));
    }
    let format = mimi_ingest::sniff(bytes, Some(&name)).map_err(file_error)?;
    if format == Format::Csv {
        let rows = mimi_ingest::faq_csv(bytes).map_err(file_error)?;
        let faqs: Vec<NewFaq> = rows
            .into_iter()
            .map(|r| NewFaq {
                question: r.question,
                answer: r.answer,
                link: r.link,
            })
            .collect();
        return add_faqs(pool, scope, app_id, &faqs, limits).await;
    }
    let item = NewItem {
        kind: ItemKind::File,
        fields: Fields {
            title: name,
            body: String::new(),
            link: None,
        },
        format: Some(format_name(format)),
        byte_size: Some(i32::try_from(bytes.len()).unwrap_or(i32::MAX)),
    };
    add(pool, scope, app_id, vec![item], limits, Some(bytes)).await
}

fn file_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid(
            "name",
            "file_name_required",
            "name (the file's name) is required",
        ));
    }
    if name.chars().count() > crate::input::MAX_TITLE_CHARS || name.chars().any(char::is_control) {
        return Err(Error::invalid(
            "name",
            "file_name_invalid",
            format!(
                "name must be a file name of at most {} characters",
                crate::input::MAX_TITLE_CHARS
            ),
        ));
    }
    Ok(name.to_owned())
}

fn file_error(e: mimi_ingest::Error) -> Error {
    Error::invalid("file", e.code(), e.to_string())
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Pdf => "pdf",
        Format::Text => "text",
        Format::Markdown => "markdown",
        Format::Html => "html",
        Format::Csv => "csv",
    }
}

/// Imports a page of the owner's site, or with `sitemap` every page its sitemap lists
/// (at most the plan's pages per import; pages already imported are skipped). Returns
/// the new items. Errors on the `url` field: not an http(s) URL, an address that may not
/// be fetched, a sitemap that cannot be read; 409 `url_already_imported` for a page the
/// app has.
pub async fn import(
    pool: &PgPool,
    scope: &Scope,
    app_id: Uuid,
    fetching: &Fetching,
    url: &str,
    sitemap: bool,
    limits: &Limits,
) -> Result<Vec<Item>> {
    scope.require(Role::Member)?;
    let codes = UrlCodes {
        invalid: "url_invalid",
        scheme: "url_scheme",
        too_long: "url_too_long",
    };
    let url = rules::web_url(url, "url", None, &codes)?;
    let url = Url::parse(&url)
        .map_err(|_| Error::invalid("url", "url_invalid", "url is not a valid address"))?;
    // Absent or another workspace's app: 404 before fetching anything.
    let mut tx = tenant::begin(pool, scope).await?;
    let existing: Vec<String> = sqlx::query_scalar(
        "select link from knowledge_items where app_id = $1 and kind = 'site_page' and link is not null",
    )
    .bind(app_id)
    .fetch_all(&mut *tx)
    .await?;
    crate::items::require_app(&mut tx, app_id, "").await?;
    tx.commit().await?;
    let fetcher = fetching
        .fetcher(limits.pages_per_import)
        .map_err(url_error)?;
    let urls = if sitemap {
        let map = fetcher.sitemap(&url).await.map_err(url_error)?;
        if map.urls.is_empty() {
            return Err(Error::invalid(
                "url",
                "sitemap_empty",
                "the sitemap lists no pages this import may read",
            ));
        }
        map.urls
    } else {
        if existing.iter().any(|l| l == url.as_str()) {
            return Err(Error::conflict(
                "url",
                "url_already_imported",
                format!("{url} is already in this app's knowledge"),
            ));
        }
        fetching.check(&url).await.map_err(url_error)?;
        vec![url]
    };
    let new: Vec<NewItem> = urls
        .into_iter()
        .filter(|u| !existing.iter().any(|l| l == u.as_str()))
        .map(|u| NewItem {
            kind: ItemKind::SitePage,
            fields: Fields {
                title: u
                    .to_string()
                    .chars()
                    .take(crate::input::MAX_TITLE_CHARS)
                    .collect(),
                body: String::new(),
                link: Some(u.to_string()),
            },
            format: Some("html"),
            byte_size: None,
        })
        .collect();
    add(pool, scope, app_id, new, limits, None).await
}

fn url_error(e: mimi_ingest::Error) -> Error {
    Error::invalid("url", e.code(), e.to_string())
}
