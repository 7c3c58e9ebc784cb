/// What can go wrong talking to the database, in terms a caller can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The server could not be reached or refused the connection.
    #[error("cannot connect to the database: {0}")]
    Connect(#[source] sqlx::Error),
    /// The server is older than PostgreSQL 15.
    #[error("the database server runs PostgreSQL {found}; Mimi needs 15 or newer")]
    ServerTooOld {
        /// `server_version` as reported.
        found: String,
    },
    /// The `vector` extension is not installed on the server.
    #[error(
        "the database server has no `vector` extension available; install pgvector (https://github.com/pgvector/pgvector) on it, or leave the database URL unset to use the embedded PostgreSQL"
    )]
    VectorMissing,
    /// The database has migrations applied that this binary does not know.
    #[error(
        "the database schema is at version {database}, newer than this mimi binary knows ({binary}); run a newer mimi against it"
    )]
    SchemaNewer {
        /// Highest applied version.
        database: i64,
        /// Highest version embedded in this binary.
        binary: i64,
    },
    /// Applying migrations failed.
    #[error("applying migrations failed: {0}")]
    Migrate(#[source] sqlx::migrate::MigrateError),
    /// The serving pool's role is a superuser or bypasses Row-Level Security.
    #[error(
        "the database role Mimi serves as (mimi_app) is a superuser or bypasses row-level security; remove SUPERUSER and BYPASSRLS from it"
    )]
    RoleBypassesRls,
    /// Any other database error.
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
}
