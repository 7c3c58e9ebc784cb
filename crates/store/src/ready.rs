use std::time::Duration;

use sqlx::PgPool;

use crate::{SchemaState, schema_state};

/// Whether the database can serve requests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Readiness {
    /// Reachable and migrated to this binary's version.
    Ready,
    /// Not usable now; the reason is safe to show to an operator.
    NotReady(String),
}

/// Checks that the database answers within `timeout` and its schema is current.
pub async fn readiness(pool: &PgPool, timeout: Duration) -> Readiness {
    match tokio::time::timeout(timeout, schema_state(pool)).await {
        Err(_) => Readiness::NotReady(format!("database did not answer within {timeout:?}")),
        Ok(Err(e)) => Readiness::NotReady(format!("database unreachable: {e}")),
        Ok(Ok(SchemaState::Current)) => Readiness::Ready,
        Ok(Ok(SchemaState::Behind { database })) => Readiness::NotReady(format!(
            "database schema at version {database} is not migrated yet"
        )),
        Ok(Ok(SchemaState::Newer { database })) => Readiness::NotReady(format!(
            "database schema at version {database} is newer than this binary"
        )),
    }
}
