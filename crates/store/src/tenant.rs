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
    tenant_with(pool, workspace, account, &[]).await
}

/// [`tenant`], also setting each `(name, value)` of `local` for the transaction only
/// (`hnsw.ef_search`, say). The names and values are the caller's constants, never
/// input: they must be plain words (letters, digits, `_` and `.`).
///
/// `begin` and the settings travel as one simple query, so a tenant transaction costs
/// one round trip to start instead of two. The ids are inlined, which is safe: a
/// formatted [`Uuid`] is hexadecimal digits and hyphens.
pub async fn tenant_with(
    pool: &PgPool,
    workspace: Uuid,
    account: Option<Uuid>,
    local: &[(&'static str, &'static str)],
) -> sqlx::Result<Tx> {
    let account = account.map(|a| a.to_string()).unwrap_or_default();
    let mut begin = format!(
        "begin; select set_config('mimi.workspace_id', '{workspace}', true), \
         set_config('mimi.account_id', '{account}', true)"
    );
    for (name, value) in local {
        let plain = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        };
        if !plain(name) || !plain(value) {
            return Err(sqlx::Error::Protocol(format!(
                "transaction setting {name:?} = {value:?} is not a plain word"
            )));
        }
        begin.push_str(&format!(", set_config('{name}', '{value}', true)"));
    }
    pool.begin_with(begin).await
}

/// [`tenant`] for an authorised caller.
pub async fn begin(pool: &PgPool, scope: &mimi_domain::Scope) -> sqlx::Result<Tx> {
    tenant(pool, scope.workspace_id, scope.account_id).await
}

/// Begins a transaction with no tenant, in which the policies let `account` see its own
/// memberships and the workspaces they lead to (to list them, or pick one).
pub async fn account(pool: &PgPool, account: Uuid) -> sqlx::Result<Tx> {
    // One round trip, as in `tenant_with`.
    pool.begin_with(format!(
        "begin; select set_config('mimi.account_id', '{account}', true)"
    ))
    .await
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
