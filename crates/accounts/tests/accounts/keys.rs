use mimi_domain::{Error, Role};

use crate::support::Env;

#[tokio::test]
async fn an_api_key_is_shown_once_stored_hashed_used_and_revoked() {
    let env = Env::new().await;
    let (owner, ws) = env.owner("Dev", "dev@example.com").await;
    let scope = env.accounts.scope(owner, ws).await.unwrap();
    let created = env
        .accounts
        .create_api_key(&scope, " Zapier ")
        .await
        .unwrap();
    assert!(
        created
            .secret
            .starts_with(&format!("mimi_{}_", ws.simple()))
    );
    assert_eq!(created.key.name, "Zapier");
    assert!(
        created
            .secret
            .ends_with(created.key.prefix.trim_start_matches("mimi_…"))
    );
    let stored: Vec<u8> = sqlx::query_scalar("select secret_hash from api_keys")
        .fetch_one(&env.db.pool)
        .await
        .unwrap();
    assert_eq!(stored.len(), 32);
    assert!(created.key.last_used_at.is_none());

    let key_scope = env
        .accounts
        .authenticate_api_key(&created.secret)
        .await
        .unwrap();
    assert_eq!(
        (key_scope.workspace_id, key_scope.account_id, key_scope.role),
        (ws, None, Role::Admin)
    );
    let listed = env.accounts.api_keys(&scope).await.unwrap();
    assert!(listed[0].last_used_at.is_some());
    // A key cannot mint keys.
    assert_eq!(
        env.accounts
            .create_api_key(&key_scope, "more")
            .await
            .unwrap_err()
            .code(),
        "account_required"
    );

    env.accounts
        .revoke_api_key(&scope, created.key.id)
        .await
        .unwrap();
    let e = env
        .accounts
        .authenticate_api_key(&created.secret)
        .await
        .unwrap_err();
    assert_eq!(e.code(), "invalid_api_key");
    assert!(env.accounts.api_keys(&scope).await.unwrap().is_empty());
    assert!(matches!(
        env.accounts
            .revoke_api_key(&scope, created.key.id)
            .await
            .unwrap_err(),
        Error::NotFound
    ));
}

#[tokio::test]
async fn malformed_and_forged_keys_are_refused() {
    let env = Env::new().await;
    let (owner, ws) = env.owner("Dev", "dev@example.com").await;
    let (_, other_ws) = env.owner("Eve", "eve@example.com").await;
    let scope = env.accounts.scope(owner, ws).await.unwrap();
    let created = env.accounts.create_api_key(&scope, "ci").await.unwrap();
    let secret_part = created.secret.rsplit_once('_').unwrap().1;
    for bad in [
        "".to_owned(),
        "mimi_".to_owned(),
        "sk_live_123".to_owned(),
        format!("mimi_{}_{}", other_ws.simple(), secret_part),
        format!("{}x", created.secret),
    ] {
        let e = env.accounts.authenticate_api_key(&bad).await.unwrap_err();
        assert_eq!(e.code(), "invalid_api_key", "{bad}");
    }
    let e = env.accounts.create_api_key(&scope, "").await.unwrap_err();
    assert_eq!((e.code(), e.field()), ("name_invalid", Some("name")));
}
