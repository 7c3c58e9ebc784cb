use mimi_testkit::{TestApp, TestDb};
use serde_json::Value;
use sqlx::Connection;

async fn app(db: &TestDb) -> TestApp {
    crate::api::support::serve(db).await
}

async fn get_json(app: &TestApp, path: &str) -> (u16, Value) {
    let response = app.client.get(app.url(path)).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn healthz_answers_while_the_process_is_alive() {
    let db = TestDb::new().await;
    let app = app(&db).await;
    let (status, body) = get_json(&app, "/healthz").await;
    assert_eq!((status, body["status"].as_str()), (200, Some("ok")));
}

#[tokio::test]
async fn readyz_is_ready_on_a_migrated_database() {
    let db = TestDb::new().await;
    let app = app(&db).await;
    let (status, body) = get_json(&app, "/readyz").await;
    assert_eq!((status, body["status"].as_str()), (200, Some("ready")));
}

#[tokio::test]
async fn readyz_is_503_with_a_reason_when_migrations_are_missing() {
    let db = TestDb::new().await;
    sqlx::query("delete from _sqlx_migrations")
        .execute(&db.pool)
        .await
        .unwrap();
    let app = app(&db).await;
    let (status, body) = get_json(&app, "/readyz").await;
    assert_eq!(status, 503);
    assert_eq!(body["status"], "not_ready");
    assert!(
        body["reason"].as_str().unwrap().contains("not migrated"),
        "{body}"
    );
}

#[tokio::test]
async fn readyz_turns_503_when_the_database_goes_away_and_ready_when_it_returns() {
    let db = TestDb::new().await;
    let app = app(&db).await;
    assert_eq!(get_json(&app, "/readyz").await.0, 200);

    // The database goes away: no new connections, existing ones cut.
    let mut admin = db.admin().await;
    sqlx::raw_sql(&format!(
        "alter database {0} allow_connections false; \
         select pg_terminate_backend(pid) from pg_stat_activity where datname = '{0}'",
        db.name
    ))
    .execute(&mut admin)
    .await
    .unwrap();
    let (status, body) = get_json(&app, "/readyz").await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["status"], "not_ready");
    let reason = body["reason"].as_str().unwrap();
    assert!(
        reason.contains("unreachable") || reason.contains("did not answer"),
        "{reason}"
    );

    // It comes back: the same process is ready again, without a restart.
    sqlx::raw_sql(&format!(
        "alter database {} allow_connections true",
        db.name
    ))
    .execute(&mut admin)
    .await
    .unwrap();
    admin.close().await.unwrap();
    let (status, body) = get_json(&app, "/readyz").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (200, Some("ready")),
        "{body}"
    );
}

#[tokio::test]
async fn two_tests_databases_never_see_each_others_rows() {
    let (a, b) = tokio::join!(TestDb::new(), TestDb::new());
    assert_ne!(a.name, b.name);
    for db in [&a, &b] {
        sqlx::query("create table notes (body text not null)")
            .execute(&db.pool)
            .await
            .unwrap();
    }
    sqlx::query("insert into notes values ('written by a')")
        .execute(&a.pool)
        .await
        .unwrap();
    let seen_by_b: i64 = sqlx::query_scalar("select count(*) from notes")
        .fetch_one(&b.pool)
        .await
        .unwrap();
    let seen_by_a: i64 = sqlx::query_scalar("select count(*) from notes")
        .fetch_one(&a.pool)
        .await
        .unwrap();
    assert_eq!((seen_by_a, seen_by_b), (1, 0));
}
