//! Row-Level Security in practice: the serving pool, whose connections act as the
//! `mimi_app` role that cannot bypass RLS, and the transactions that tell the policies
//! who is asking.

use secrecy::SecretString;
use sqlx::postgres::PgPoolOptions;
use sqlx::{Executor, PgPool, Postgres, Transaction};
use uuid::Uuid;

use crate::{PoolOptions, StoreError};

/// The role every serving connection switches to (see the `app_role` migration).
pub const SERVING_ROLE: &str = "mimi_app";

/// A transaction on the serving pool.
pub type Tx = Transaction<'static, Postgres>;

/// Opens the pool that serves requests: every connection runs `set role mimi_app`
/// before first use, so Row-Level Security applies to everything it does, whatever user
/// the URL names. Checks that the role is in force and can bypass nothing.
pub async fn connect_serving(
    url: &SecretString,
    options: PoolOptions,
) -> Result<PgPool, StoreError> {
    let connect = crate::pool::connect_options(url)?;
    let pool = PgPoolOptions::new()
        .max_connections(options.max_connections)
        .acquire_timeout(options.acquire_timeout)
        .after_connect(|conn, _meta| {
            Box::pin(async move {
                conn.execute("set role mimi_app").await?;
                Ok(())
            })
        })
        .connect_with(connect)
        .await
        .map_err(StoreError::Connect)?;
    let (superuser, bypass): (bool, bool) =
        sqlx::query_as("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")
            .fetch_one(&pool)
            .await?;
    if superuser || bypass {
        pool.close().await;
        return Err(StoreError::RoleBypassesRls);
    }
    Ok(pool)
}

/// Begins a transaction in which the policies see `workspace` as the tenant and
/// `account` (if any) as the signed-in account. Every tenant-owned query runs in one.
pub async fn tenant(pool: &PgPool, workspace: Uuid, account: Option<Uuid>) -> sqlx::Result<Tx> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "select set_config('mimi.workspace_id', $1, true), set_config('mimi.account_id', $2, true)",
    )
    .bind(workspace.to_string())
    .bind(account.map(|a| a.to_string()).unwrap_or_default())
    .execute(&mut *tx)
    .await?;
    Ok(tx)
}

/// [`tenant`] for an authorised caller.
pub async fn begin(pool: &PgPool, scope: &mimi_domain::Scope) -> sqlx::Result<Tx> {
    tenant(pool, scope.workspace_id, scope.account_id).await
}

/// Begins a transaction with no tenant, in which the policies let `account` see its own
/// memberships and the workspaces they lead to (to list them, or pick one).
pub async fn account(pool: &PgPool, account: Uuid) -> sqlx::Result<Tx> {
    let mut tx = pool.begin().await?;
    sqlx::query("select set_config('mimi.account_id', $1, true)")
        .bind(account.to_string())
        .execute(&mut *tx)
        .await?;
    Ok(tx)
}

/// Makes `workspace` the tenant for the rest of `tx` (after creating it, say).
pub async fn set_tenant(tx: &mut Tx, workspace: Uuid) -> sqlx::Result<()> {
    sqlx::query("select set_config('mimi.workspace_id', $1, true)")
        .bind(workspace.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The constraint a unique violation broke, if `e` is one: callers map constraint names
/// to domain conflicts instead of parsing messages.
pub fn unique_violation(e: &sqlx::Error) -> Option<&str> {
    match e {
        sqlx::Error::Database(db) if db.is_unique_violation() => db.constraint(),
        _ => None,
    }
}
