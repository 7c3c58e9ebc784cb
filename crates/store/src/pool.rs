use std::str::FromStr;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{ConnectOptions, Connection, PgConnection, PgPool};

use crate::StoreError;

/// Pool sizing and timeouts.
#[derive(Clone, Copy, Debug)]
pub struct PoolOptions {
    /// Upper bound on open connections.
    pub max_connections: u32,
    /// How long a request waits for a connection before failing.
    pub acquire_timeout: Duration,
}

impl Default for PoolOptions {
    fn default() -> Self {
        PoolOptions {
            max_connections: 10,
            acquire_timeout: Duration::from_secs(5),
        }
    }
}

pub(crate) fn connect_options(url: &SecretString) -> Result<PgConnectOptions, StoreError> {
    let options = PgConnectOptions::from_str(url.expose_secret()).map_err(StoreError::Connect)?;
    // Statement logging would put parameters (chat text, tokens) in the logs.
    Ok(options.disable_statement_logging().application_name("mimi"))
}

/// Opens a pool and checks one connection, so a wrong URL fails at start-up.
pub async fn connect(url: &SecretString, options: PoolOptions) -> Result<PgPool, StoreError> {
    PgPoolOptions::new()
        .max_connections(options.max_connections)
        .acquire_timeout(options.acquire_timeout)
        .connect_with(connect_options(url)?)
        .await
        .map_err(StoreError::Connect)
}

/// Creates `database` on the server reached through `admin_url` unless it exists.
pub async fn ensure_database(admin_url: &SecretString, database: &str) -> Result<(), StoreError> {
    let mut conn = PgConnection::connect_with(&connect_options(admin_url)?)
        .await
        .map_err(StoreError::Connect)?;
    let exists: bool =
        sqlx::query_scalar("select exists(select 1 from pg_database where datname = $1)")
            .bind(database)
            .fetch_one(&mut conn)
            .await?;
    if !exists {
        let quoted = database.replace('"', "\"\"");
        sqlx::raw_sql(&format!("create database \"{quoted}\""))
            .execute(&mut conn)
            .await?;
    }
    conn.close().await?;
    Ok(())
}

/// Checks what Mimi requires of a server: PostgreSQL ≥ 15 with `vector` available.
pub async fn check_server(pool: &PgPool) -> Result<(), StoreError> {
    let (num, version): (i32, String) = sqlx::query_as(
        "select current_setting('server_version_num')::int, current_setting('server_version')",
    )
    .fetch_one(pool)
    .await?;
    if num < 150_000 {
        return Err(StoreError::ServerTooOld { found: version });
    }
    let vector: bool = sqlx::query_scalar(
        "select exists(select 1 from pg_available_extensions where name = 'vector')",
    )
    .fetch_one(pool)
    .await?;
    if !vector {
        return Err(StoreError::VectorMissing);
    }
    Ok(())
}
