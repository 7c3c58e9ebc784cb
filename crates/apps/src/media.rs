//! An app's avatar and cover: cleaned, stored, recorded, served and removed.
//!
//! Ordering keeps the disk and the database in step: the bytes are written first, then
//! the row in the tenant transaction; if the transaction fails the new file is deleted,
//! so a failed request leaves neither rows nor files. Replaced or removed files are
//! deleted only after the commit that stops anyone being served them.

use mimi_domain::{Error, Result, Role, Scope};
use mimi_store::{PgPool, tenant};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::image::{self, Clean};
use crate::model::{App, AppRow, COLUMNS, ImageKind};
use crate::ops::fetch;
use crate::storage::LocalStorage;

/// Sets the app's avatar or cover from uploaded `bytes` (see the `image` module for what
/// is accepted and how it is cleaned), replacing any previous one. Any member may.
/// [`Error::NotFound`] for another workspace's app, and then nothing is written.
pub async fn set_image(
    pool: &PgPool,
    storage: &LocalStorage,
    scope: &Scope,
    app_id: Uuid,
    kind: ImageKind,
    bytes: &[u8],
) -> Result<App> {
    scope.require(Role::Member)?;
    let clean = clean_off_runtime(bytes).await?;
    let mut tx = tenant::begin(pool, scope).await?;
    let previous = fetch(&mut tx, app_id, true).await?.image(kind);
    let file_id = Uuid::now_v7();
    let key = LocalStorage::new_key(clean.format.extension());
    storage
        .put(scope.workspace_id, &key, &clean.bytes)
        .await
        .map_err(Error::internal)?;
    let recorded = async {
        sqlx::query(
            "insert into files (id, workspace_id, app_id, purpose, content_type, byte_size, \
             sha256, width, height, storage_key) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(file_id)
        .bind(scope.workspace_id)
        .bind(app_id)
        .bind(kind.purpose())
        .bind(clean.format.content_type())
        .bind(i32::try_from(clean.bytes.len()).map_err(Error::internal)?)
        .bind(Sha256::digest(&clean.bytes).to_vec())
        .bind(i32::try_from(clean.width).map_err(Error::internal)?)
        .bind(i32::try_from(clean.height).map_err(Error::internal)?)
        .bind(&key)
        .execute(&mut *tx)
        .await?;
        let changed = point_to(&mut tx, app_id, kind, Some(file_id), previous).await?;
        tx.commit().await?;
        Ok::<_, Error>(changed)
    }
    .await;
    match recorded {
        Ok((row, old_key)) => {
            if let Some(old) = old_key {
                discard(storage, scope.workspace_id, &old).await;
            }
            Ok(row.into_app())
        }
        Err(e) => {
            discard(storage, scope.workspace_id, &key).await;
            Err(e)
        }
    }
}

/// Removes the app's avatar or cover, if it has one. Any member may.
/// [`Error::NotFound`] for another workspace's app.
pub async fn remove_image(
    pool: &PgPool,
    storage: &LocalStorage,
    scope: &Scope,
    app_id: Uuid,
    kind: ImageKind,
) -> Result<App> {
    scope.require(Role::Member)?;
    let mut tx = tenant::begin(pool, scope).await?;
    let previous = fetch(&mut tx, app_id, true).await?.image(kind);
    let (row, old_key) = point_to(&mut tx, app_id, kind, None, previous).await?;
    tx.commit().await?;
    if let Some(old) = old_key {
        discard(storage, scope.workspace_id, &old).await;
    }
    Ok(row.into_app())
}

/// A stored image's content type and bytes, for `/media/{workspace_id}/{file_id}`.
/// Public: anyone with the path may fetch it, as anyone may see the page it is on.
/// [`Error::NotFound`] when the workspace has no such file.
pub async fn read_image(
    pool: &PgPool,
    storage: &LocalStorage,
    workspace_id: Uuid,
    file_id: Uuid,
) -> Result<(String, Vec<u8>)> {
    let mut tx = tenant::tenant(pool, workspace_id, None).await?;
    let found: Option<(String, String)> =
        sqlx::query_as("select content_type, storage_key from files where id = $1")
            .bind(file_id)
            .fetch_optional(&mut *tx)
            .await?;
    tx.commit().await?;
    let (content_type, key) = found.ok_or(Error::NotFound)?;
    match storage.get(workspace_id, &key).await {
        Ok(bytes) => Ok((content_type, bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            tracing::warn!(%workspace_id, %file_id, "a file row has no stored bytes");
            Err(Error::NotFound)
        }
        Err(e) => Err(Error::internal(e)),
    }
}

/// Points the app's `kind` image at `file` (or none) and deletes the row of the file it
/// pointed at before. Returns the app as changed and the old file's storage key, whose
/// bytes the caller deletes after commit.
async fn point_to(
    tx: &mut mimi_store::Tx,
    app_id: Uuid,
    kind: ImageKind,
    file: Option<Uuid>,
    previous: Option<Uuid>,
) -> Result<(AppRow, Option<String>)> {
    let column = match kind {
        ImageKind::Avatar => "avatar_file_id",
        ImageKind::Cover => "cover_file_id",
    };
    let row: AppRow = sqlx::query_as(&format!(
        "update apps set {column} = $2, updated_at = now() where id = $1 returning {COLUMNS}"
    ))
    .bind(app_id)
    .bind(file)
    .fetch_one(&mut **tx)
    .await?;
    let old_key = match previous {
        None => None,
        Some(previous) => {
            sqlx::query_scalar("delete from files where id = $1 returning storage_key")
                .bind(previous)
                .fetch_optional(&mut **tx)
                .await?
        }
    };
    Ok((row, old_key))
}

/// Decodes and re-encodes on the blocking pool: it is CPU work that would stall the
/// requests sharing this runtime thread.
async fn clean_off_runtime(bytes: &[u8]) -> Result<Clean> {
    if bytes.len() > image::MAX_IMAGE_BYTES {
        // Refuse before copying a large body.
        return image::clean(bytes);
    }
    let owned = bytes.to_vec();
    tokio::task::spawn_blocking(move || image::clean(&owned))
        .await
        .map_err(Error::internal)?
}

/// Deletes stored bytes nobody is served any more. A failure leaves an orphan file,
/// which is logged rather than failing a request whose data is already consistent.
pub(crate) async fn discard(storage: &LocalStorage, workspace_id: Uuid, key: &str) {
    if let Err(error) = storage.delete(workspace_id, key).await {
        tracing::warn!(%workspace_id, key, %error, "could not delete a stored file");
    }
}
