use sqlx::PgPool;
use sqlx::migrate::Migrator;

use crate::StoreError;

/// The migrations in `migrations/`, embedded in the binary.
pub static MIGRATOR: Migrator = sqlx::migrate!("../../migrations");

/// The highest migration version this binary knows.
pub fn binary_version() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// How the database's schema compares with this binary's migrations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaState {
    /// Every migration of this binary is applied, and nothing newer.
    Current,
    /// Some migrations of this binary are not applied yet.
    Behind {
        /// Highest applied version (0 for an empty database).
        database: i64,
    },
    /// The database has migrations this binary does not know.
    Newer {
        /// Highest applied version.
        database: i64,
    },
}

/// Compares the applied migrations with this binary's.
pub async fn schema_state(pool: &PgPool) -> Result<SchemaState, StoreError> {
    let table: Option<String> = sqlx::query_scalar("select to_regclass('_sqlx_migrations')::text")
        .fetch_one(pool)
        .await?;
    if table.is_none() {
        return Ok(SchemaState::Behind { database: 0 });
    }
    let applied: Vec<i64> =
        sqlx::query_scalar("select version from _sqlx_migrations where success order by version")
            .fetch_all(pool)
            .await?;
    let database = applied.last().copied().unwrap_or(0);
    if applied
        .iter()
        .any(|v| MIGRATOR.iter().all(|m| m.version != *v))
    {
        return Ok(SchemaState::Newer { database });
    }
    let all_applied = MIGRATOR.iter().all(|m| applied.contains(&m.version));
    Ok(if all_applied {
        SchemaState::Current
    } else {
        SchemaState::Behind { database }
    })
}

/// Applies pending migrations. Refuses a database that is ahead of this binary.
/// Safe to run from several processes at once: sqlx serialises them with an advisory lock.
pub async fn migrate(pool: &PgPool) -> Result<usize, StoreError> {
    let before = match schema_state(pool).await? {
        SchemaState::Newer { database } => {
            return Err(StoreError::SchemaNewer {
                database,
                binary: binary_version(),
            });
        }
        SchemaState::Current => return Ok(0),
        SchemaState::Behind { database } => database,
    };
    MIGRATOR.run(pool).await.map_err(StoreError::Migrate)?;
    let applied = MIGRATOR.iter().filter(|m| m.version > before).count();
    tracing::info!(applied, version = binary_version(), "database migrated");
    Ok(applied)
}
