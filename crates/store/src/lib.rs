//! The database: the sqlx pool, the migrations in `migrations/`, the checks a server
//! must pass before Mimi uses it, and readiness.
//!
//! Capability crates get the serving pool and the tenant-scoped transaction from here
//! ([`tenant`]) and keep their own queries. Queries are runtime-checked `sqlx::query` calls covered by tests
//! against a real PostgreSQL (see docs/architecture.md). Depends on no other Mimi crate.

mod error;
mod migrate;
mod pool;
mod ready;
pub mod tenant;
pub mod throttle;
pub mod token;

pub use error::StoreError;
pub use migrate::{MIGRATOR, SchemaState, binary_version, migrate, schema_state};
pub use pool::{PoolOptions, check_server, connect, ensure_database};
pub use ready::{Readiness, readiness};
pub use sqlx::PgPool;
pub use tenant::{Tx, connect_serving, unique_violation};
