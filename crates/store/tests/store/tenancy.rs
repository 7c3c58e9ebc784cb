//! Row-Level Security, proven on the real tables: the serving role bypasses nothing and
//! a query that forgets its tenant filter still sees one tenant.

use mimi_store::tenant;
use mimi_testkit::TestDb;
use uuid::Uuid;

/// Creates a workspace with an owner account, as the administrator.
async fn workspace(db: &TestDb, name: &str) -> (Uuid, Uuid) {
    let (ws, account) = (Uuid::new_v4(), Uuid::new_v4());
    let mut tx = db.pool.begin().await.unwrap();
    sqlx::query("insert into accounts (id, name, email, password_hash) values ($1, $2, $3, 'x')")
        .bind(account)
        .bind(name)
        .bind(format!("{name}@example.com"))
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query("insert into workspaces (id, name) values ($1, $2)")
        .bind(ws)
        .bind(name)
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query(
        "insert into workspace_members (workspace_id, account_id, role) values ($1, $2, 'owner')",
    )
    .bind(ws)
    .bind(account)
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    (ws, account)
}

#[tokio::test]
async fn the_serving_pool_is_no_superuser_owns_no_table_and_cannot_bypass_rls() {
    let db = TestDb::new().await;
    let pool = db.serving_pool().await;
    let (user, superuser, bypass): (String, bool, bool) = sqlx::query_as(
        "select current_user::text, rolsuper, rolbypassrls from pg_roles where rolname = current_user",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(user, "mimi_app");
    assert!(!superuser && !bypass);
    let owned: i64 = sqlx::query_scalar(
        "select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(owned, 0);
}

#[tokio::test]
async fn every_table_with_a_workspace_id_has_forced_row_level_security() {
    let db = TestDb::new().await;
    let unprotected: Vec<String> = sqlx::query_scalar(
        "select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace \
         where n.nspname = 'public' and c.relkind = 'r' \
           and (exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped) \
                or c.relname = 'workspaces') \
           and not (c.relrowsecurity and c.relforcerowsecurity and exists (select 1 from pg_policy p where p.polrelid = c.oid)) \
         order by 1",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert!(
        unprotected.is_empty(),
        "tables without forced RLS: {unprotected:?}"
    );
    let tenant_tables: i64 = sqlx::query_scalar(
        "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace \
         where n.nspname = 'public' and c.relkind = 'r' and c.relforcerowsecurity",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert!(tenant_tables >= 4, "the check must have tables to look at");
}

#[tokio::test]
async fn a_query_that_forgets_its_tenant_filter_sees_only_its_tenant() {
    let db = TestDb::new().await;
    let (a, account_a) = workspace(&db, "alice").await;
    let (b, _) = workspace(&db, "bob").await;
    let pool = db.serving_pool().await;

    let mut tx = tenant::tenant(&pool, a, Some(account_a)).await.unwrap();
    // No `where workspace_id = …`: the bug RLS is there to contain.
    let seen: Vec<Uuid> = sqlx::query_scalar("select workspace_id from workspace_members")
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    assert_eq!(seen, vec![a]);
    let names: Vec<String> = sqlx::query_scalar("select name from workspaces order by name")
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    assert_eq!(names, vec!["alice"]);
    // Writes into another tenant are refused, not silently redirected.
    let err = sqlx::query("update workspaces set name = 'pwned' where id = $1")
        .bind(b)
        .execute(&mut *tx)
        .await
        .unwrap();
    assert_eq!(err.rows_affected(), 0);
    let insert = sqlx::query("insert into api_keys (id, workspace_id, name, prefix, secret_hash) values ($1, $2, 'k', 'p', '\\x01')")
        .bind(Uuid::new_v4())
        .bind(b)
        .execute(&mut *tx)
        .await;
    assert!(insert.is_err(), "inserting into another tenant must fail");
    tx.rollback().await.unwrap();

    // Without any tenant, nothing at all.
    let none: i64 = sqlx::query_scalar("select count(*) from workspaces")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(none, 0);
    let bob: String = sqlx::query_scalar("select name from workspaces where id = $1")
        .bind(b)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(bob, "bob");
}

#[tokio::test]
async fn an_account_sees_its_own_workspaces_and_no_others() {
    let db = TestDb::new().await;
    let (a, account_a) = workspace(&db, "alice").await;
    workspace(&db, "bob").await;
    let pool = db.serving_pool().await;
    let mut tx = tenant::account(&pool, account_a).await.unwrap();
    let ids: Vec<Uuid> = sqlx::query_scalar("select id from workspaces")
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    assert_eq!(ids, vec![a]);
    // Reading is all the account-level policy allows.
    let renamed = sqlx::query("update workspaces set name = 'x'")
        .execute(&mut *tx)
        .await
        .unwrap();
    assert_eq!(renamed.rows_affected(), 0);
}

#[tokio::test]
async fn a_workspace_cannot_be_left_without_an_owner() {
    let db = TestDb::new().await;
    let (a, account_a) = workspace(&db, "alice").await;
    let pool = db.serving_pool().await;
    let mut tx = tenant::tenant(&pool, a, Some(account_a)).await.unwrap();
    sqlx::query("update workspace_members set role = 'admin' where account_id = $1")
        .bind(account_a)
        .execute(&mut *tx)
        .await
        .unwrap();
    let err = tx.commit().await.unwrap_err();
    let db_err = err.as_database_error().expect("a database error");
    assert_eq!(db_err.constraint(), Some("workspace_has_owner"));
    let role: String =
        sqlx::query_scalar("select role from workspace_members where account_id = $1")
            .bind(account_a)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(role, "owner");
}

#[tokio::test]
async fn inside_a_tenant_an_account_sees_that_tenant_only_not_all_its_memberships() {
    let db = TestDb::new().await;
    let (a, alice) = workspace(&db, "alice").await;
    let (b, _) = workspace(&db, "bob").await;
    // Alice is also a member of Bob's workspace.
    sqlx::query(
        "insert into workspace_members (workspace_id, account_id, role) values ($1, $2, 'member')",
    )
    .bind(b)
    .bind(alice)
    .execute(&db.pool)
    .await
    .unwrap();
    let pool = db.serving_pool().await;
    let mut tx = tenant::tenant(&pool, a, Some(alice)).await.unwrap();
    let seen: Vec<Uuid> = sqlx::query_scalar("select workspace_id from workspace_members")
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    assert_eq!(seen, vec![a]);
    let workspaces: Vec<Uuid> = sqlx::query_scalar("select id from workspaces")
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    assert_eq!(workspaces, vec![a]);
    tx.rollback().await.unwrap();
    // Outside a tenant, she lists both.
    let mut tx = tenant::account(&pool, alice).await.unwrap();
    let mut all: Vec<Uuid> = sqlx::query_scalar("select id from workspaces")
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    all.sort();
    let mut expected = vec![a, b];
    expected.sort();
    assert_eq!(all, expected);
}

#[tokio::test]
async fn tenant_settings_last_for_their_transaction_only() {
    let db = TestDb::new().await;
    let (a, account_a) = workspace(&db, "alice").await;
    // One connection, so the second transaction reuses the first one's session.
    let pool = mimi_store::connect_serving(
        &db.url(),
        mimi_store::PoolOptions {
            max_connections: 1,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let setting = "select current_setting('hnsw.ef_search', true), \
                   current_setting('mimi.workspace_id', true), current_setting('mimi.account_id', true)";

    let mut tx = tenant::tenant_with(&pool, a, Some(account_a), &[("hnsw.ef_search", "77")])
        .await
        .unwrap();
    let inside: (Option<String>, Option<String>, Option<String>) =
        sqlx::query_as(setting).fetch_one(&mut *tx).await.unwrap();
    assert_eq!(
        inside,
        (
            Some("77".to_owned()),
            Some(a.to_string()),
            Some(account_a.to_string())
        )
    );
    tx.commit().await.unwrap();

    let mut tx = tenant::account(&pool, account_a).await.unwrap();
    let (ef, ws, account): (Option<String>, Option<String>, Option<String>) =
        sqlx::query_as(setting).fetch_one(&mut *tx).await.unwrap();
    assert_ne!(
        ef.as_deref(),
        Some("77"),
        "a local setting leaked past commit"
    );
    assert!(
        ws.unwrap_or_default().is_empty(),
        "the tenant leaked past commit"
    );
    assert_eq!(account, Some(account_a.to_string()));
    tx.rollback().await.unwrap();

    // A setting that is not a plain word is refused before anything is sent.
    let err = tenant::tenant_with(
        &pool,
        a,
        None,
        &[("hnsw.ef_search", "1'); drop table x; --")],
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("not a plain word"), "{err}");
}
