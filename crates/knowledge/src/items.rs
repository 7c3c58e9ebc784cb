//! Adding, reading, changing and deleting knowledge items, each in its own tenant
//! transaction. Adding or changing an item queues it for indexing in that same
//! transaction; deleting it removes its passages and vectors at once (cascade).

use mimi_domain::{Error, Result, Role, Scope};
use mimi_store::{PgPool, Tx, tenant};
use uuid::Uuid;

use crate::input::{Fields, ItemPatch, NewFaq, NewPage};
use crate::limits::Limits;
use crate::model::{COLUMNS, Item, ItemKind, ItemRow, Status};

/// The channel workers listen on for new jobs.
pub(crate) const CHANNEL: &str = "mimi_knowledge";

/// What [`list`] returns.
#[derive(Debug, Clone, Copy, Default)]
pub struct ListFilter {
    /// Only items of this kind.
    pub kind: Option<ItemKind>,
    /// Only items in this state.
    pub status: Option<Status>,
}

/// A new item's row, before it is written.
pub(crate) struct NewItem {
    pub kind: ItemKind,
    pub fields: Fields,
    pub format: Option<&'static str>,
    pub byte_size: Option<i32>,
}

/// Adds an FAQ to an app. Any member may.
pub async fn add_faq(
    pool: &PgPool,
    scope: &Scope,
    app_id: Uuid,
    faq: &NewFaq,
    limits: &Limits,
) -> Result<Item> {
    add_typed(pool, scope, app_id, ItemKind::Faq, faq.check()?, limits).await
}

/// Adds a reference page to an app. Any member may.
pub async fn add_page(
    pool: &PgPool,
    scope: &Scope,
    app_id: Uuid,
    page: &NewPage,
    limits: &Limits,
) -> Result<Item> {
    add_typed(pool, scope, app_id, ItemKind::Page, page.check()?, limits).await
}

/// Adds one item whose text the owner typed.
async fn add_typed(
    pool: &PgPool,
    scope: &Scope,
    app_id: Uuid,
    kind: ItemKind,
    fields: Fields,
    limits: &Limits,
) -> Result<Item> {
    let new = NewItem {
        kind,
        fields,
        format: None,
        byte_size: None,
    };
    let mut items = add(pool, scope, app_id, vec![new], limits, None).await?;
    items.pop().ok_or(Error::NotFound)
}

/// Adds several FAQs at once (a CSV import): all of them, or none when one breaks a
/// rule (the error names its row, counted from 1) or the app's limits.
pub async fn add_faqs(
    pool: &PgPool,
    scope: &Scope,
    app_id: Uuid,
    faqs: &[NewFaq],
    limits: &Limits,
) -> Result<Vec<Item>> {
    let mut new = Vec::with_capacity(faqs.len());
    for (i, faq) in faqs.iter().enumerate() {
        let fields = faq.check().map_err(|e| in_row(e, i + 1))?;
        new.push(NewItem {
            kind: ItemKind::Faq,
            fields,
            format: None,
            byte_size: None,
        });
    }
    add(pool, scope, app_id, new, limits, None).await
}

fn in_row(e: Error, row: usize) -> Error {
    match e {
        Error::Invalid {
            code,
            field,
            message,
        } => Error::Invalid {
            code,
            field,
            message: format!("row {row}: {message}").into(),
        },
        e => e,
    }
}

/// Writes new items and their jobs in one transaction, within the app's limits; an
/// `upload` is the bytes of the (one) new file item.
pub(crate) async fn add(
    pool: &PgPool,
    scope: &Scope,
    app_id: Uuid,
    new: Vec<NewItem>,
    limits: &Limits,
    upload: Option<&[u8]>,
) -> Result<Vec<Item>> {
    scope.require(Role::Member)?;
    let mut tx = tenant::begin(pool, scope).await?;
    let (count, used) = lock_app(&mut tx, app_id).await?;
    let chars: usize = new.iter().map(|n| n.fields.chars()).sum();
    limits.check(count, used, new.len(), chars)?;
    let mut ids = Vec::with_capacity(new.len());
    for item in new {
        let id = Uuid::now_v7();
        sqlx::query(
            "insert into knowledge_items (id, workspace_id, app_id, kind, title, body, link, format, byte_size, char_count) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(id)
        .bind(scope.workspace_id)
        .bind(app_id)
        .bind(item.kind.as_str())
        .bind(&item.fields.title)
        .bind(&item.fields.body)
        .bind(&item.fields.link)
        .bind(item.format)
        .bind(item.byte_size)
        .bind(i32::try_from(item.fields.chars()).unwrap_or(i32::MAX))
        .execute(&mut *tx)
        .await?;
        if let Some(bytes) = upload {
            sqlx::query(
                "insert into knowledge_uploads (item_id, workspace_id, bytes) values ($1, $2, $3)",
            )
            .bind(id)
            .bind(scope.workspace_id)
            .bind(bytes)
            .execute(&mut *tx)
            .await?;
        }
        enqueue(&mut tx, scope.workspace_id, id, 1).await?;
        ids.push(id);
    }
    let items = fetch_many(&mut tx, &ids).await?;
    tx.commit().await?;
    Ok(items)
}

/// Locks the app against concurrent additions and returns how many items and characters
/// it holds; [`Error::NotFound`] if it is not the tenant's.
pub(crate) async fn lock_app(tx: &mut Tx, app_id: Uuid) -> Result<(usize, usize)> {
    require_app(tx, app_id, " for update").await?;
    let (count, chars): (i64, i64) = sqlx::query_as(
        "select count(*), coalesce(sum(char_count), 0)::bigint from knowledge_items where app_id = $1",
    )
    .bind(app_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok((
        usize::try_from(count).unwrap_or(0),
        usize::try_from(chars).unwrap_or(0),
    ))
}

/// [`Error::NotFound`] unless `app_id` is the tenant's app; `lock` is `""` or a locking
/// clause (` for update`).
pub(crate) async fn require_app(tx: &mut Tx, app_id: Uuid, lock: &'static str) -> Result<()> {
    sqlx::query(&format!("select 1 from apps where id = $1{lock}"))
        .bind(app_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(())
}

/// Queues `item` (at `revision`) for indexing, replacing any job it had, and wakes the
/// workers when the transaction commits.
pub(crate) async fn enqueue(
    tx: &mut Tx,
    workspace_id: Uuid,
    item: Uuid,
    revision: i32,
) -> Result<()> {
    sqlx::query(
        "insert into knowledge_jobs (item_id, workspace_id, revision) values ($1, $2, $3) \
         on conflict (item_id) do update set revision = excluded.revision, run_after = now(), \
         lease_until = null, attempts = 0",
    )
    .bind(item)
    .bind(workspace_id)
    .bind(revision)
    .execute(&mut **tx)
    .await?;
    sqlx::query("select pg_notify($1, '')")
        .bind(CHANNEL)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn fetch_many(tx: &mut Tx, ids: &[Uuid]) -> Result<Vec<Item>> {
    let rows: Vec<ItemRow> = sqlx::query_as(&format!(
        "select {COLUMNS} from knowledge_items i where i.id = any($1) order by i.id"
    ))
    .bind(ids)
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows.into_iter().map(|r| r.into_item(false)).collect())
}

/// An app's items, newest first, without their text; [`Error::NotFound`] for another
/// workspace's app.
pub async fn list(
    pool: &PgPool,
    scope: &Scope,
    app_id: Uuid,
    filter: ListFilter,
) -> Result<Vec<Item>> {
    let mut tx = tenant::begin(pool, scope).await?;
    require_app(&mut tx, app_id, "").await?;
    let rows: Vec<ItemRow> = sqlx::query_as(&format!(
        "select {COLUMNS} from knowledge_items i where i.app_id = $1 \
         and ($2::text is null or i.kind = $2) and ($3::text is null or i.status = $3) \
         order by i.created_at desc, i.id desc"
    ))
    .bind(app_id)
    .bind(filter.kind.map(ItemKind::as_str))
    .bind(filter.status.map(Status::as_str))
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(rows.into_iter().map(|r| r.into_item(false)).collect())
}

/// One item with its text.
pub async fn get(pool: &PgPool, scope: &Scope, item_id: Uuid) -> Result<Item> {
    let mut tx = tenant::begin(pool, scope).await?;
    let item = fetch(&mut tx, item_id, false).await?;
    tx.commit().await?;
    Ok(item)
}

pub(crate) async fn fetch(tx: &mut Tx, item_id: Uuid, lock: bool) -> Result<Item> {
    let row: ItemRow = sqlx::query_as(&format!(
        "select {COLUMNS} from knowledge_items i where i.id = $1{}",
        if lock { " for update of i" } else { "" }
    ))
    .bind(item_id)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(Error::NotFound)?;
    Ok(row.into_item(true))
}

/// Changes an item and queues it for re-indexing; it stays searchable as it was until
/// the new version is ready. Any member may.
pub async fn update(
    pool: &PgPool,
    scope: &Scope,
    item_id: Uuid,
    patch: &ItemPatch,
    limits: &Limits,
) -> Result<Item> {
    scope.require(Role::Member)?;
    let mut tx = tenant::begin(pool, scope).await?;
    let current = fetch(&mut tx, item_id, true).await?;
    let before = Fields {
        title: current.title.clone(),
        body: current.body.clone().unwrap_or_default(),
        link: current.link.clone(),
    };
    let after = patch.apply(current.kind, before.clone())?;
    if patch.is_empty() || after == before {
        tx.commit().await?;
        return Ok(current);
    }
    let (_, used) = lock_app(&mut tx, current.app_id).await?;
    let old = usize::try_from(current.char_count).unwrap_or(0);
    if after.chars() > old {
        limits.check_chars(used, after.chars() - old)?;
    }
    let (revision,): (i32,) = sqlx::query_as(
        "update knowledge_items set title = $2, body = $3, link = $4, char_count = $5, \
         revision = revision + 1, status = 'queued', failure_code = null, failure_message = null, \
         updated_at = now() where id = $1 returning revision",
    )
    .bind(item_id)
    .bind(&after.title)
    .bind(&after.body)
    .bind(&after.link)
    .bind(i32::try_from(after.chars()).unwrap_or(i32::MAX))
    .fetch_one(&mut *tx)
    .await?;
    enqueue(&mut tx, scope.workspace_id, item_id, revision).await?;
    let item = fetch(&mut tx, item_id, false).await?;
    tx.commit().await?;
    Ok(item)
}

/// Indexes an item again: a site page is fetched again, anything else re-cut and
/// re-embedded. Any member may.
pub async fn reindex(pool: &PgPool, scope: &Scope, item_id: Uuid) -> Result<Item> {
    scope.require(Role::Member)?;
    let mut tx = tenant::begin(pool, scope).await?;
    fetch(&mut tx, item_id, true).await?;
    let (revision,): (i32,) = sqlx::query_as(
        "update knowledge_items set revision = revision + 1, status = 'queued', failure_code = null, \
         failure_message = null, updated_at = now() where id = $1 returning revision",
    )
    .bind(item_id)
    .fetch_one(&mut *tx)
    .await?;
    enqueue(&mut tx, scope.workspace_id, item_id, revision).await?;
    let item = fetch(&mut tx, item_id, false).await?;
    tx.commit().await?;
    Ok(item)
}

/// Deletes an item with its passages, vectors, upload and job. Any member may.
pub async fn delete(pool: &PgPool, scope: &Scope, item_id: Uuid) -> Result<()> {
    scope.require(Role::Member)?;
    let mut tx = tenant::begin(pool, scope).await?;
    let deleted = sqlx::query("delete from knowledge_items where id = $1")
        .bind(item_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if deleted == 0 {
        return Err(Error::NotFound);
    }
    tx.commit().await?;
    Ok(())
}
