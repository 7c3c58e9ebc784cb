//! mimi-store against a real PostgreSQL with pgvector.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use mimi_store::{Readiness, SchemaState, StoreError};
use mimi_testkit::TestDb;

#[tokio::test]
async fn a_migrated_database_is_current_and_migrating_again_applies_nothing() {
    let db = TestDb::new().await;
    assert_eq!(
        mimi_store::schema_state(&db.pool).await.unwrap(),
        SchemaState::Current
    );
    assert_eq!(mimi_store::migrate(&db.pool).await.unwrap(), 0);
    assert_eq!(
        mimi_store::readiness(&db.pool, Duration::from_secs(2)).await,
        Readiness::Ready
    );
}

#[tokio::test]
async fn an_empty_database_is_behind_then_migrated_with_pgvector() {
    let db = TestDb::new().await;
    sqlx::raw_sql("drop schema public cascade; create schema public")
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(
        mimi_store::schema_state(&db.pool).await.unwrap(),
        SchemaState::Behind { database: 0 }
    );
    let applied = mimi_store::migrate(&db.pool).await.unwrap();
    assert_eq!(applied, mimi_store::MIGRATOR.iter().count());
    let distance: f64 = sqlx::query_scalar("select '[1,0]'::vector <=> '[0,1]'::vector")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert!(
        (distance - 1.0).abs() < 1e-9,
        "pgvector works: cosine distance {distance}"
    );
}

#[tokio::test]
async fn a_schema_newer_than_the_binary_is_refused_and_not_touched() {
    let db = TestDb::new().await;
    db.apply_future_migration(99991231000000).await;
    let err = mimi_store::migrate(&db.pool).await.unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::SchemaNewer {
                database: 99991231000000,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("run a newer mimi"), "{err}");
    let Readiness::NotReady(reason) = mimi_store::readiness(&db.pool, Duration::from_secs(2)).await
    else {
        panic!("a newer schema is not ready");
    };
    assert!(reason.contains("newer than this binary"), "{reason}");
}

#[tokio::test]
async fn the_test_server_passes_the_server_checks() {
    let db = TestDb::new().await;
    mimi_store::check_server(&db.pool).await.unwrap();
}

#[tokio::test]
async fn ensure_database_creates_once_and_is_idempotent() {
    let db = TestDb::new().await;
    let name = format!("{}_extra", db.name);
    let admin = mimi_testkit::admin_url("postgres");
    mimi_store::ensure_database(&admin, &name).await.unwrap();
    mimi_store::ensure_database(&admin, &name).await.unwrap();
    let mut conn = db.admin().await;
    let count: i64 = sqlx::query_scalar("select count(*) from pg_database where datname = $1")
        .bind(&name)
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(count, 1);
    sqlx::raw_sql(&format!("drop database {name}"))
        .execute(&mut conn)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_wrong_password_is_a_connect_error_that_does_not_echo_it() {
    let url = mimi_testkit::admin_url("postgres");
    let bad = secrecy::SecretString::from(secrecy::ExposeSecret::expose_secret(&url).replacen(
        "postgres:",
        "postgres:not-the-PASSWORD-",
        1,
    ));
    let err = mimi_store::connect(&bad, mimi_store::PoolOptions::default())
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Connect(_)), "{err}");
    assert!(!err.to_string().contains("not-the-PASSWORD"), "{err}");
}

mod tenancy;
mod throttle;
