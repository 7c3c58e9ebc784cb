//! Handles, patches, roles and the public profile.

use mimi_apps::{AppPatch, ImageKind, NewApp};
use mimi_domain::{Error, Role};
use serde_json::json;

use crate::fixtures;
use crate::{Env, new_app};

#[tokio::test]
async fn a_handle_is_taken_across_workspaces_whatever_its_case() {
    let env = Env::new().await;
    let alice = env.workspace("alice").await;
    let bob = env.workspace("bob").await;
    let app = mimi_apps::create(&env.pool, &alice, &new_app("Sakura"))
        .await
        .unwrap();
    assert_eq!(app.handle, "sakura");

    let err = mimi_apps::create(&env.pool, &bob, &new_app("SAKURA"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Conflict { .. }), "{err:?}");
    assert_eq!((err.code(), err.field()), ("handle_taken", Some("handle")));
    assert!(mimi_apps::list(&env.pool, &bob).await.unwrap().is_empty());

    // Renaming into a taken handle is refused too, and changes nothing.
    let other = mimi_apps::create(&env.pool, &bob, &new_app("momiji"))
        .await
        .unwrap();
    let patch = AppPatch {
        handle: Some("SaKuRa".into()),
        name: Some("Renamed".into()),
        ..AppPatch::default()
    };
    let err = mimi_apps::update(&env.pool, &bob, other.id, &patch)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "handle_taken");
    assert_eq!(
        mimi_apps::get(&env.pool, &bob, other.id).await.unwrap(),
        other
    );
    assert_eq!(env.count("apps").await, 2);
}

#[tokio::test]
async fn a_handle_freed_by_a_rename_can_be_taken_at_once() {
    let env = Env::new().await;
    let alice = env.workspace("alice").await;
    let app = mimi_apps::create(&env.pool, &alice, &new_app("sakura"))
        .await
        .unwrap();
    let patch = AppPatch {
        handle: Some("sakura-2".into()),
        ..AppPatch::default()
    };
    mimi_apps::update(&env.pool, &alice, app.id, &patch)
        .await
        .unwrap();
    mimi_apps::create(&env.pool, &alice, &new_app("sakura"))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_patch_changes_only_what_it_names_and_null_clears_the_site() {
    let env = Env::new().await;
    let alice = env.workspace("alice").await;
    let new: NewApp = serde_json::from_value(json!({
        "handle": "sakura", "name": "Sakura", "site_url": "https://sakura.example",
        "theme": {"primary_color": "#112233", "greeting": "Hello"},
        "public_contacts": ["info@sakura.example"],
    }))
    .unwrap();
    let app = mimi_apps::create(&env.pool, &alice, &new).await.unwrap();

    let patch: AppPatch =
        serde_json::from_value(json!({"theme": {"launcher_position": "left"}, "bio": "New"}))
            .unwrap();
    let changed = mimi_apps::update(&env.pool, &alice, app.id, &patch)
        .await
        .unwrap();
    assert_eq!(changed.bio, "New");
    assert_eq!(changed.theme.primary_color, "#112233");
    assert_eq!(changed.theme.greeting, "Hello");
    assert_eq!(
        changed.theme.launcher_position,
        mimi_apps::LauncherPosition::Left
    );
    assert_eq!(changed.site_url.as_deref(), Some("https://sakura.example/"));
    assert_eq!(changed.public_contacts, ["info@sakura.example"]);
    assert!(changed.updated_at > app.updated_at);
    assert_eq!(changed.created_at, app.created_at);

    let patch: AppPatch = serde_json::from_value(json!({"site_url": null})).unwrap();
    let cleared = mimi_apps::update(&env.pool, &alice, app.id, &patch)
        .await
        .unwrap();
    assert_eq!(cleared.site_url, None);
    assert_eq!(cleared.bio, "New");
}

#[tokio::test]
async fn a_member_may_create_and_edit_but_only_an_admin_may_delete() {
    let env = Env::new().await;
    let owner = env.workspace("alice").await;
    let member = env.join(&owner, "mika", Role::Member).await;
    let admin = env.join(&owner, "aki", Role::Admin).await;

    let app = mimi_apps::create(&env.pool, &member, &new_app("sakura"))
        .await
        .unwrap();
    let patch = AppPatch {
        name: Some("Sakura by Mika".into()),
        ..AppPatch::default()
    };
    mimi_apps::update(&env.pool, &member, app.id, &patch)
        .await
        .unwrap();
    mimi_apps::set_image(
        &env.pool,
        &env.storage,
        &member,
        app.id,
        ImageKind::Avatar,
        &fixtures::png(8, 8),
    )
    .await
    .unwrap();

    let err = mimi_apps::delete(&env.pool, &env.storage, &member, app.id)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden { .. }), "{err:?}");
    assert_eq!(err.code(), "role_required");
    assert_eq!(env.count("apps").await, 1);
    assert_eq!(env.stored(owner.workspace_id).len(), 1);

    mimi_apps::delete(&env.pool, &env.storage, &admin, app.id)
        .await
        .unwrap();
    assert!(matches!(
        mimi_apps::get(&env.pool, &owner, app.id).await,
        Err(Error::NotFound)
    ));
    // A second delete finds nothing.
    assert!(matches!(
        mimi_apps::delete(&env.pool, &env.storage, &owner, app.id).await,
        Err(Error::NotFound)
    ));
}

#[tokio::test]
async fn deleting_an_app_deletes_its_image_rows_and_files() {
    let env = Env::new().await;
    let owner = env.workspace("alice").await;
    let app = mimi_apps::create(&env.pool, &owner, &new_app("sakura"))
        .await
        .unwrap();
    let keep = mimi_apps::create(&env.pool, &owner, &new_app("momiji"))
        .await
        .unwrap();
    for (id, kind) in [
        (app.id, ImageKind::Avatar),
        (app.id, ImageKind::Cover),
        (keep.id, ImageKind::Avatar),
    ] {
        mimi_apps::set_image(
            &env.pool,
            &env.storage,
            &owner,
            id,
            kind,
            &fixtures::png(4, 4),
        )
        .await
        .unwrap();
    }
    assert_eq!(env.stored(owner.workspace_id).len(), 3);

    mimi_apps::delete(&env.pool, &env.storage, &owner, app.id)
        .await
        .unwrap();
    assert_eq!(env.count("files").await, 1);
    assert_eq!(env.stored(owner.workspace_id).len(), 1);
    let kept = mimi_apps::get(&env.pool, &owner, keep.id).await.unwrap();
    assert!(kept.avatar_url.is_some());
}

#[tokio::test]
async fn a_public_profile_shows_public_fields_only_and_is_found_by_any_case() {
    let env = Env::new().await;
    let alice = env.workspace("alice").await;
    let new: NewApp = serde_json::from_value(json!({
        "handle": "sakura", "name": "Sakura", "bio": "Coffee",
        "links": [{"title": "Menu", "url": "https://sakura.example/menu"}],
        "language": "ja",
        "allowed_origins": ["https://private-origin.example"],
        "public_contacts": ["secret-contact@sakura.example"],
    }))
    .unwrap();
    let app = mimi_apps::create(&env.pool, &alice, &new).await.unwrap();
    let app = mimi_apps::set_image(
        &env.pool,
        &env.storage,
        &alice,
        app.id,
        ImageKind::Cover,
        &fixtures::png(16, 4),
    )
    .await
    .unwrap();

    let profile = mimi_apps::public_profile_by_handle(&env.pool, " SAKURA ")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (profile.app_id, profile.workspace_id),
        (app.id, alice.workspace_id)
    );
    assert_eq!(profile.cover_url, app.cover_url);
    assert_eq!(profile.avatar_url, None);
    let json = serde_json::to_value(&profile).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "avatar_url",
            "bio",
            "cover_url",
            "handle",
            "language",
            "links",
            "name",
            "site_url",
            "theme"
        ]
    );
    let text = json.to_string();
    assert!(
        !text.contains("private-origin") && !text.contains("secret-contact"),
        "{text}"
    );
    assert_eq!(json["language"], "ja");

    assert!(
        mimi_apps::public_profile_by_handle(&env.pool, "nobody")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        mimi_apps::public_profile_by_handle(&env.pool, "'; drop table apps; --")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn the_serving_role_can_route_by_handle_but_not_read_apps_without_a_tenant() {
    let env = Env::new().await;
    let alice = env.workspace("alice").await;
    let app = mimi_apps::create(&env.pool, &alice, &new_app("sakura"))
        .await
        .unwrap();
    let routed: (uuid::Uuid, uuid::Uuid) =
        sqlx::query_as("select app_id, workspace_id from app_by_handle('Sakura')")
            .fetch_one(&env.pool)
            .await
            .unwrap();
    assert_eq!(routed, (app.id, alice.workspace_id));
    let seen: i64 = sqlx::query_scalar("select count(*) from apps")
        .fetch_one(&env.pool)
        .await
        .unwrap();
    assert_eq!(seen, 0);
}
