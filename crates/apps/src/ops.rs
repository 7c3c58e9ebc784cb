//! Creating, reading, changing and deleting apps, each in its own tenant transaction.

use mimi_domain::{Error, Result, Role, Scope};
use mimi_store::{PgPool, Tx, tenant, unique_violation};
use sqlx::types::Json;
use uuid::Uuid;

use crate::input::{AppPatch, Fields, NewApp};
use crate::model::{App, AppRow, COLUMNS, PublicProfile, VisitorApp};
use crate::storage::LocalStorage;

/// Creates an app in the caller's workspace. Any member may. Errors: the first rule
/// `new` breaks ([`Error::Invalid`]); `handle_taken` (409) when any workspace has the
/// handle, whatever its case.
pub async fn create(pool: &PgPool, scope: &Scope, new: &NewApp) -> Result<App> {
    scope.require(Role::Member)?;
    let fields = new.check()?;
    let mut tx = tenant::begin(pool, scope).await?;
    let sql = format!(
        "insert into apps (id, workspace_id, handle, name, site_url, bio, links, theme, language, \
         allowed_origins, public_contacts, chat, custom_domain) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
         returning {COLUMNS}"
    );
    let row: AppRow = bind_fields(
        sqlx::query_as(&sql)
            .bind(Uuid::now_v7())
            .bind(scope.workspace_id),
        &fields,
    )
    .fetch_one(&mut *tx)
    .await
    .map_err(write_error)?;
    tx.commit().await?;
    Ok(row.into_app())
}

/// The workspace's apps, oldest first.
pub async fn list(pool: &PgPool, scope: &Scope) -> Result<Vec<App>> {
    let mut tx = tenant::begin(pool, scope).await?;
    let rows: Vec<AppRow> = sqlx::query_as(&format!(
        "select {COLUMNS} from apps order by created_at, id"
    ))
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(rows.into_iter().map(AppRow::into_app).collect())
}

/// One app; [`Error::NotFound`] if it is not the workspace's.
pub async fn get(pool: &PgPool, scope: &Scope, app_id: Uuid) -> Result<App> {
    let mut tx = tenant::begin(pool, scope).await?;
    let row = fetch(&mut tx, app_id, false).await?;
    tx.commit().await?;
    Ok(row.into_app())
}

/// Changes the fields `patch` gives. Any member may. Errors as [`create`], and
/// [`Error::NotFound`] for another workspace's app; on any error nothing changes.
pub async fn update(pool: &PgPool, scope: &Scope, app_id: Uuid, patch: &AppPatch) -> Result<App> {
    scope.require(Role::Member)?;
    let mut tx = tenant::begin(pool, scope).await?;
    let current = fetch(&mut tx, app_id, true).await?;
    let fields = patch.apply(current.fields())?;
    let sql = format!(
        "update apps set handle = $3, name = $4, site_url = $5, bio = $6, links = $7, theme = $8, \
         language = $9, allowed_origins = $10, public_contacts = $11, chat = $12, custom_domain = $13, updated_at = now() \
         where id = $1 and workspace_id = $2 returning {COLUMNS}"
    );
    let row: AppRow = bind_fields(
        sqlx::query_as(&sql).bind(app_id).bind(scope.workspace_id),
        &fields,
    )
    .fetch_one(&mut *tx)
    .await
    .map_err(write_error)?;
    tx.commit().await?;
    Ok(row.into_app())
}

/// Deletes an app, its files' rows and then their bytes. Needs the admin role.
/// [`Error::NotFound`] for another workspace's app.
pub async fn delete(
    pool: &PgPool,
    storage: &LocalStorage,
    scope: &Scope,
    app_id: Uuid,
) -> Result<()> {
    scope.require(Role::Admin)?;
    let mut tx = tenant::begin(pool, scope).await?;
    // Locked first, so an image being set meanwhile is either in `keys` or waits and
    // then finds no app: no file is left behind.
    fetch(&mut tx, app_id, true).await?;
    let keys: Vec<String> = sqlx::query_scalar("select storage_key from files where app_id = $1")
        .bind(app_id)
        .fetch_all(&mut *tx)
        .await?;
    sqlx::query("delete from apps where id = $1")
        .bind(app_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    // The rows are gone, so no one is served these bytes any more; a failure here
    // leaves an orphan file, never a broken app.
    for key in keys {
        crate::media::discard(storage, scope.workspace_id, &key).await;
    }
    Ok(())
}

/// The public view of the app with `handle` (any case), for `/@handle` and the widget;
/// `None` if no app has it. Needs no tenant: `app_by_handle` finds it.
pub async fn public_profile_by_handle(
    pool: &PgPool,
    handle: &str,
) -> Result<Option<PublicProfile>> {
    Ok(visitor_app_by_handle(pool, handle)
        .await?
        .map(|app| app.profile))
}

/// The app with `handle` (any case) as the visitor API needs it; `None` if no app has
/// it. Needs no tenant: `app_by_handle` finds it.
pub async fn visitor_app_by_handle(pool: &PgPool, handle: &str) -> Result<Option<VisitorApp>> {
    let handle = handle.trim().to_ascii_lowercase();
    let found: Option<(Uuid, Uuid)> =
        sqlx::query_as("select app_id, workspace_id from app_by_handle($1)")
            .bind(&handle)
            .fetch_optional(pool)
            .await?;
    match found {
        Some((app_id, workspace_id)) => visitor_app_of(pool, workspace_id, app_id).await,
        None => Ok(None),
    }
}

/// The app a visitor reaches at `host` (the request's `Host`, port ignored): the handle
/// of `{handle}.{public_host}`, or an app's custom domain; `None` if neither.
pub async fn visitor_app_by_host(
    pool: &PgPool,
    host: &str,
    public_host: &str,
) -> Result<Option<VisitorApp>> {
    let host = host_name(host);
    let public_host = host_name(public_host);
    if let Some(handle) = host
        .strip_suffix(&public_host)
        .and_then(|h| h.strip_suffix('.'))
        .filter(|h| !h.is_empty() && !h.contains('.'))
    {
        return visitor_app_by_handle(pool, handle).await;
    }
    let found: Option<(Uuid, Uuid)> =
        sqlx::query_as("select app_id, workspace_id from app_by_domain($1)")
            .bind(&host)
            .fetch_optional(pool)
            .await?;
    match found {
        Some((app_id, workspace_id)) => visitor_app_of(pool, workspace_id, app_id).await,
        None => Ok(None),
    }
}

/// `Shop.Example:8080` → `shop.example`; IPv6 literals keep their brackets.
pub fn host_name(host: &str) -> String {
    let host = host.trim().trim_end_matches('.');
    let without_port = match host.rfind(':') {
        Some(i) if !host.ends_with(']') && host[i + 1..].chars().all(|c| c.is_ascii_digit()) => {
            &host[..i]
        }
        _ => host,
    };
    without_port.to_ascii_lowercase()
}

/// App `app_id` of `workspace_id`, found by a routing function, in its tenant's
/// transaction.
async fn visitor_app_of(
    pool: &PgPool,
    workspace_id: Uuid,
    app_id: Uuid,
) -> Result<Option<VisitorApp>> {
    let mut tx = tenant::tenant(pool, workspace_id, None).await?;
    let app = visitor_app(&mut tx, app_id).await?;
    tx.commit().await?;
    Ok(app)
}

/// App `app_id` as the visitor API needs it, inside a tenant transaction; `None` if
/// the tenant has no such app.
pub async fn visitor_app(tx: &mut Tx, app_id: Uuid) -> Result<Option<VisitorApp>> {
    let row: Option<AppRow> = sqlx::query_as(&format!("select {COLUMNS} from apps where id = $1"))
        .bind(app_id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(row.map(AppRow::into_visitor))
}

/// The app's row, optionally locked for a change; [`Error::NotFound`] when the tenant
/// cannot see it.
pub(crate) async fn fetch(tx: &mut Tx, app_id: Uuid, lock: bool) -> Result<AppRow> {
    let sql = format!(
        "select {COLUMNS} from apps where id = $1{}",
        if lock { " for update" } else { "" }
    );
    sqlx::query_as(&sql)
        .bind(app_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(Error::NotFound)
}

type AppQuery<'q> = sqlx::query::QueryAs<'q, sqlx::Postgres, AppRow, sqlx::postgres::PgArguments>;

/// Binds `$3`…`$13` in the column order `create` and `update` share.
fn bind_fields<'q>(query: AppQuery<'q>, f: &'q Fields) -> AppQuery<'q> {
    query
        .bind(&f.handle)
        .bind(&f.name)
        .bind(&f.site_url)
        .bind(&f.bio)
        .bind(Json(&f.links))
        .bind(Json(&f.theme))
        .bind(f.language.as_str())
        .bind(&f.allowed_origins)
        .bind(&f.public_contacts)
        .bind(Json(&f.chat))
        .bind(&f.custom_domain)
}

/// Maps the handle's unique constraint to its conflict; anything else is internal.
fn write_error(e: sqlx::Error) -> Error {
    if unique_violation(&e) == Some("apps_handle_key") {
        Error::conflict(
            "handle",
            "handle_taken",
            "this handle is taken; choose another",
        )
    } else if unique_violation(&e) == Some("apps_custom_domain_key") {
        Error::conflict(
            "custom_domain",
            "custom_domain_taken",
            "another app already uses this domain",
        )
    } else {
        e.into()
    }
}
