//! Another workspace's app is absent: every operation answers NotFound, writes nothing
//! and touches nothing of the app's owner.

use mimi_apps::{AppPatch, ImageKind};
use mimi_domain::Error;

use crate::{Env, fixtures, new_app};

fn not_found<T: std::fmt::Debug>(what: &str, result: Result<T, Error>) {
    assert!(matches!(result, Err(Error::NotFound)), "{what}: {result:?}");
}

#[tokio::test]
async fn another_workspaces_app_is_not_found_for_every_operation() {
    let env = Env::new().await;
    let alice = env.workspace("alice").await;
    let bob = env.workspace("bob").await;
    let app = mimi_apps::create(&env.pool, &alice, &new_app("sakura"))
        .await
        .unwrap();
    let app = mimi_apps::set_image(
        &env.pool,
        &env.storage,
        &alice,
        app.id,
        ImageKind::Avatar,
        &fixtures::png(4, 4),
    )
    .await
    .unwrap();
    let alice_files = env.stored(alice.workspace_id);
    let bobs = mimi_apps::create(&env.pool, &bob, &new_app("momiji"))
        .await
        .unwrap();

    not_found("get", mimi_apps::get(&env.pool, &bob, app.id).await);
    let patch = AppPatch {
        name: Some("Stolen".into()),
        ..AppPatch::default()
    };
    not_found(
        "update",
        mimi_apps::update(&env.pool, &bob, app.id, &patch).await,
    );
    not_found(
        "set_image",
        mimi_apps::set_image(
            &env.pool,
            &env.storage,
            &bob,
            app.id,
            ImageKind::Cover,
            &fixtures::png(4, 4),
        )
        .await,
    );
    not_found(
        "remove_image",
        mimi_apps::remove_image(&env.pool, &env.storage, &bob, app.id, ImageKind::Avatar).await,
    );
    not_found(
        "delete",
        mimi_apps::delete(&env.pool, &env.storage, &bob, app.id).await,
    );

    let listed = mimi_apps::list(&env.pool, &bob).await.unwrap();
    assert_eq!(listed, [bobs]);
    // Alice's app, its image row and its file are as they were; Bob stored nothing.
    assert_eq!(
        mimi_apps::get(&env.pool, &alice, app.id).await.unwrap(),
        app
    );
    assert_eq!(env.count("files").await, 1);
    assert_eq!(env.stored(alice.workspace_id), alice_files);
    assert!(env.stored(bob.workspace_id).is_empty());
}

#[tokio::test]
async fn an_image_is_served_only_under_its_own_workspace() {
    let env = Env::new().await;
    let alice = env.workspace("alice").await;
    let bob = env.workspace("bob").await;
    let app = mimi_apps::create(&env.pool, &alice, &new_app("sakura"))
        .await
        .unwrap();
    let app = mimi_apps::set_image(
        &env.pool,
        &env.storage,
        &alice,
        app.id,
        ImageKind::Avatar,
        &fixtures::png(4, 4),
    )
    .await
    .unwrap();
    let path = app.avatar_url.unwrap();
    let file: uuid::Uuid = path.rsplit('/').next().unwrap().parse().unwrap();
    assert_eq!(path, format!("/media/{}/{file}", alice.workspace_id));

    let (content_type, _) =
        mimi_apps::read_image(&env.pool, &env.storage, alice.workspace_id, file)
            .await
            .unwrap();
    assert_eq!(content_type, "image/png");
    not_found(
        "read under another workspace",
        mimi_apps::read_image(&env.pool, &env.storage, bob.workspace_id, file).await,
    );
    not_found(
        "read an unknown file",
        mimi_apps::read_image(
            &env.pool,
            &env.storage,
            alice.workspace_id,
            uuid::Uuid::new_v4(),
        )
        .await,
    );
}

#[tokio::test]
async fn list_shows_each_workspace_only_its_own_apps_oldest_first() {
    let env = Env::new().await;
    let alice = env.workspace("alice").await;
    let bob = env.workspace("bob").await;
    for handle in ["first", "second"] {
        mimi_apps::create(&env.pool, &alice, &new_app(handle))
            .await
            .unwrap();
    }
    mimi_apps::create(&env.pool, &bob, &new_app("bobs"))
        .await
        .unwrap();
    let handles: Vec<String> = mimi_apps::list(&env.pool, &alice)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.handle)
        .collect();
    assert_eq!(handles, ["first", "second"]);
    assert_eq!(mimi_apps::list(&env.pool, &bob).await.unwrap().len(), 1);
}

/// Managed PostgreSQL services migrate as a non-superuser that owns the tables, and
/// forced RLS binds owners: `app_by_handle` (run as that owner) must still route. Tests
/// otherwise migrate as a superuser, which bypasses RLS and would hide the difference.
#[tokio::test]
async fn handles_route_when_the_migrating_role_is_no_superuser() {
    use secrecy::{ExposeSecret, SecretString};

    let server = mimi_testkit::TestDb::new().await;
    let role = format!("mimi_owner_{}", uuid::Uuid::new_v4().simple());
    let password = uuid::Uuid::new_v4().simple().to_string();
    let database = format!("{role}_db");
    let mut admin = server.admin().await;
    for sql in [
        format!("create role {role} login password '{password}' nosuperuser nobypassrls"),
        format!("grant mimi_app to {role} with admin option"),
        format!("create database {database} owner {role}"),
    ] {
        sqlx::raw_sql(&sql).execute(&mut admin).await.unwrap();
    }
    // pgvector is not a trusted extension: a superuser installs it, as on managed hosts.
    let superuser = mimi_store::connect(
        &mimi_testkit::admin_url(&database),
        mimi_store::PoolOptions::default(),
    )
    .await
    .unwrap();
    sqlx::raw_sql("create extension vector")
        .execute(&superuser)
        .await
        .unwrap();
    superuser.close().await;

    let mut url = url::Url::parse(mimi_testkit::admin_url(&database).expose_secret()).unwrap();
    url.set_username(&role).unwrap();
    url.set_password(Some(&password)).unwrap();
    let url = SecretString::from(url.to_string());
    let owner = mimi_store::connect(&url, mimi_store::PoolOptions::default())
        .await
        .unwrap();
    mimi_store::migrate(&owner).await.unwrap();
    let serving = mimi_store::connect_serving(&url, mimi_store::PoolOptions::default())
        .await
        .unwrap();

    let (ws, account) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
    sqlx::query("insert into accounts (id, name, email, password_hash) values ($1, 'a', 'a@example.com', 'x')")
        .bind(account)
        .execute(&serving)
        .await
        .unwrap();
    let mut tx = mimi_store::tenant::tenant(&serving, ws, Some(account))
        .await
        .unwrap();
    sqlx::query("insert into workspaces (id, name) values ($1, 'w')")
        .bind(ws)
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
    let scope = mimi_domain::Scope {
        workspace_id: ws,
        account_id: Some(account),
        role: mimi_domain::Role::Owner,
    };
    let app = mimi_apps::create(&serving, &scope, &new_app("managed"))
        .await
        .unwrap();
    let routed = mimi_apps::public_profile_by_handle(&serving, "managed").await;
    // Without the owner's policy, forced RLS hides every app from the function.
    sqlx::raw_sql("drop policy owner_routes on apps")
        .execute(&owner)
        .await
        .unwrap();
    let unrouted = mimi_apps::public_profile_by_handle(&serving, "managed").await;

    serving.close().await;
    owner.close().await;
    for sql in [
        format!("drop database {database} with (force)"),
        format!("drop role {role}"),
    ] {
        sqlx::raw_sql(&sql).execute(&mut admin).await.unwrap();
    }
    assert_eq!(routed.unwrap().map(|p| p.app_id), Some(app.id));
    assert_eq!(unrouted.unwrap(), None);
}
