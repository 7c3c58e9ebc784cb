use mimi_accounts::links;
use mimi_domain::{Error, Role};
use uuid::Uuid;

use crate::support::Env;

/// An owner with a workspace and a second verified account invited into it as `role`.
async fn team(env: &Env, role: &str) -> (Uuid, Uuid, Uuid) {
    let (owner, ws) = env.owner("Owner", "owner@example.com").await;
    let (mate, _) = env.owner("Mate", "mate@example.com").await;
    let scope = env.accounts.scope(owner, ws).await.unwrap();
    env.accounts
        .invite(&scope, "Mate@Example.com", role)
        .await
        .unwrap();
    let token = env.token("mate@example.com", links::ACCEPT_INVITE).await;
    env.accounts.accept_invite(mate, &token).await.unwrap();
    (owner, mate, ws)
}

#[tokio::test]
async fn an_invite_by_email_brings_a_member_in_once() {
    let env = Env::new().await;
    let (owner, ws) = env.owner("Owner", "owner@example.com").await;
    let (mate, _) = env.owner("Mate", "mate@example.com").await;
    let scope = env.accounts.scope(owner, ws).await.unwrap();
    let invite = env
        .accounts
        .invite(&scope, "mate@example.com", "admin")
        .await
        .unwrap();
    assert_eq!(env.accounts.invites(&scope).await.unwrap().len(), 1);
    let token = env.token("mate@example.com", links::ACCEPT_INVITE).await;
    assert!(token.starts_with(&ws.simple().to_string()));
    let joined = env.accounts.accept_invite(mate, &token).await.unwrap();
    assert_eq!((joined.id, joined.role), (ws, Role::Admin));
    assert_eq!(
        env.accounts
            .accept_invite(mate, &token)
            .await
            .unwrap_err()
            .code(),
        "token_used"
    );
    assert!(env.accounts.invites(&scope).await.unwrap().is_empty());
    let members = env.accounts.members(&scope).await.unwrap();
    assert_eq!(
        members.iter().map(|m| m.role).collect::<Vec<_>>(),
        vec![Role::Owner, Role::Admin]
    );
    // Inviting someone already in is a conflict.
    let e = env
        .accounts
        .invite(&scope, "MATE@example.com", "member")
        .await
        .unwrap_err();
    assert_eq!((e.code(), e.field()), ("already_member", Some("email")));
    let _ = invite;
}

#[tokio::test]
async fn an_invite_is_for_its_address_and_expires_and_can_be_withdrawn() {
    let env = Env::new().await;
    let (owner, ws) = env.owner("Owner", "owner@example.com").await;
    let (stranger, _) = env.owner("Stranger", "stranger@example.com").await;
    let scope = env.accounts.scope(owner, ws).await.unwrap();
    env.accounts
        .invite(&scope, "friend@example.com", "member")
        .await
        .unwrap();
    let token = env.token("friend@example.com", links::ACCEPT_INVITE).await;
    let e = env
        .accounts
        .accept_invite(stranger, &token)
        .await
        .unwrap_err();
    assert_eq!(e.code(), "invite_email_mismatch");

    sqlx::query("update workspace_invites set expires_at = now() - interval '1 second'")
        .execute(&env.db.pool)
        .await
        .unwrap();
    let (friend, _) = env.owner("Friend", "friend@example.com").await;
    assert_eq!(
        env.accounts
            .accept_invite(friend, &token)
            .await
            .unwrap_err()
            .code(),
        "token_expired"
    );

    // Inviting again replaces the dead link with a live one; withdrawing kills it.
    let invite = env
        .accounts
        .invite(&scope, "friend@example.com", "member")
        .await
        .unwrap();
    let token = env.token("friend@example.com", links::ACCEPT_INVITE).await;
    env.accounts.revoke_invite(&scope, invite.id).await.unwrap();
    assert_eq!(
        env.accounts
            .accept_invite(friend, &token)
            .await
            .unwrap_err()
            .code(),
        "token_invalid"
    );
    assert_eq!(
        env.accounts
            .accept_invite(friend, "garbage")
            .await
            .unwrap_err()
            .code(),
        "token_invalid"
    );
    // An invite token naming another workspace finds nothing there.
    let forged = format!(
        "{}.{}",
        Uuid::new_v4().simple(),
        token.split_once('.').unwrap().1
    );
    assert_eq!(
        env.accounts
            .accept_invite(friend, &forged)
            .await
            .unwrap_err()
            .code(),
        "token_invalid"
    );
}

#[tokio::test]
async fn bad_invites_are_refused_with_their_field() {
    let env = Env::new().await;
    let (owner, ws) = env.owner("Owner", "owner@example.com").await;
    let scope = env.accounts.scope(owner, ws).await.unwrap();
    let e = env
        .accounts
        .invite(&scope, "nope", "member")
        .await
        .unwrap_err();
    assert_eq!((e.code(), e.field()), ("email_invalid", Some("email")));
    let e = env
        .accounts
        .invite(&scope, "a@example.com", "owner")
        .await
        .unwrap_err();
    assert_eq!((e.code(), e.field()), ("role_invalid", Some("role")));
    let e = env
        .accounts
        .invite(&scope, "a@example.com", "king")
        .await
        .unwrap_err();
    assert_eq!((e.code(), e.field()), ("role_invalid", Some("role")));
    assert_eq!(env.count("workspace_invites").await, 0);
}

#[tokio::test]
async fn members_cannot_manage_people_and_admins_cannot_touch_the_owner() {
    let env = Env::new().await;
    let (owner, mate, ws) = team(&env, "member").await;
    let member = env.accounts.scope(mate, ws).await.unwrap();
    assert_eq!(member.role, Role::Member);
    for e in [
        env.accounts
            .invite(&member, "x@example.com", "member")
            .await
            .unwrap_err(),
        env.accounts
            .set_role(&member, owner, "member")
            .await
            .unwrap_err(),
        env.accounts
            .remove_member(&member, owner)
            .await
            .unwrap_err(),
        env.accounts
            .rename_workspace(&member, "Mine now")
            .await
            .unwrap_err(),
        env.accounts.create_api_key(&member, "k").await.unwrap_err(),
    ] {
        assert_eq!(e.code(), "role_required");
    }
    let owner_scope = env.accounts.scope(owner, ws).await.unwrap();
    env.accounts
        .set_role(&owner_scope, mate, "admin")
        .await
        .unwrap();
    let admin = env.accounts.scope(mate, ws).await.unwrap();
    let e = env
        .accounts
        .set_role(&admin, owner, "member")
        .await
        .unwrap_err();
    assert_eq!(e.code(), "owner_role_fixed");
    let e = env.accounts.remove_member(&admin, owner).await.unwrap_err();
    assert_eq!(e.code(), "owner_cannot_leave");
    let e = env
        .accounts
        .transfer_ownership(&admin, mate)
        .await
        .unwrap_err();
    assert_eq!(e.code(), "role_required");
    env.accounts
        .rename_workspace(&admin, "Renamed")
        .await
        .unwrap();
}

#[tokio::test]
async fn ownership_moves_whole_and_the_old_owner_stays_as_admin() {
    let env = Env::new().await;
    let (owner, mate, ws) = team(&env, "member").await;
    let scope = env.accounts.scope(owner, ws).await.unwrap();
    let e = env
        .accounts
        .transfer_ownership(&scope, Uuid::new_v4())
        .await
        .unwrap_err();
    assert!(matches!(e, Error::NotFound));
    env.accounts.transfer_ownership(&scope, mate).await.unwrap();
    assert_eq!(
        env.accounts.scope(mate, ws).await.unwrap().role,
        Role::Owner
    );
    assert_eq!(
        env.accounts.scope(owner, ws).await.unwrap().role,
        Role::Admin
    );
    // The old owner can leave now; the new one cannot.
    let old = env.accounts.scope(owner, ws).await.unwrap();
    env.accounts.remove_member(&old, owner).await.unwrap();
    let new = env.accounts.scope(mate, ws).await.unwrap();
    assert_eq!(
        env.accounts
            .remove_member(&new, mate)
            .await
            .unwrap_err()
            .code(),
        "owner_cannot_leave"
    );
    assert!(matches!(
        env.accounts.scope(owner, ws).await.unwrap_err(),
        Error::NotFound
    ));
}

#[tokio::test]
async fn a_member_may_leave_and_an_admin_may_remove_a_member() {
    let env = Env::new().await;
    let (owner, mate, ws) = team(&env, "member").await;
    let member = env.accounts.scope(mate, ws).await.unwrap();
    env.accounts.remove_member(&member, mate).await.unwrap();
    assert!(
        env.accounts
            .workspaces(mate)
            .await
            .unwrap()
            .iter()
            .all(|w| w.id != ws)
    );
    let owner_scope = env.accounts.scope(owner, ws).await.unwrap();
    assert!(matches!(
        env.accounts
            .remove_member(&owner_scope, mate)
            .await
            .unwrap_err(),
        Error::NotFound
    ));
}

#[tokio::test]
async fn another_workspace_is_invisible_everywhere() {
    let env = Env::new().await;
    let (alice, ws_a) = env.owner("Alice", "alice@example.com").await;
    let (bob, ws_b) = env.owner("Bob", "bob@example.com").await;
    let a = env.accounts.scope(alice, ws_a).await.unwrap();
    let b = env.accounts.scope(bob, ws_b).await.unwrap();
    // Bob is no member of A.
    assert!(matches!(
        env.accounts.scope(bob, ws_a).await.unwrap_err(),
        Error::NotFound
    ));
    // Alice's things, addressed from Bob's workspace, do not exist.
    let invite = env
        .accounts
        .invite(&a, "carol@example.com", "member")
        .await
        .unwrap();
    let key = env.accounts.create_api_key(&a, "zapier").await.unwrap();
    assert!(matches!(
        env.accounts.revoke_invite(&b, invite.id).await.unwrap_err(),
        Error::NotFound
    ));
    assert!(matches!(
        env.accounts
            .revoke_api_key(&b, key.key.id)
            .await
            .unwrap_err(),
        Error::NotFound
    ));
    assert!(matches!(
        env.accounts.remove_member(&b, alice).await.unwrap_err(),
        Error::NotFound
    ));
    assert!(matches!(
        env.accounts.set_role(&b, alice, "admin").await.unwrap_err(),
        Error::NotFound
    ));
    assert!(matches!(
        env.accounts
            .transfer_ownership(&b, alice)
            .await
            .unwrap_err(),
        Error::NotFound
    ));
    // Lists hold only their own.
    assert!(env.accounts.invites(&b).await.unwrap().is_empty());
    assert!(env.accounts.api_keys(&b).await.unwrap().is_empty());
    let members = env.accounts.members(&b).await.unwrap();
    assert_eq!(
        members.iter().map(|m| m.account_id).collect::<Vec<_>>(),
        vec![bob]
    );
    assert_eq!(env.accounts.workspaces(bob).await.unwrap().len(), 1);
    // A forged scope (right workspace id, no membership row) sees nothing either:
    // the tenant transaction is what the policies read, membership is checked by scope().
    assert_eq!(env.accounts.invites(&a).await.unwrap().len(), 1);
}

#[tokio::test]
async fn an_account_can_own_several_workspaces() {
    let env = Env::new().await;
    let (owner, first) = env.owner("Multi", "multi@example.com").await;
    let second = env
        .accounts
        .create_workspace(owner, "Second shop")
        .await
        .unwrap();
    assert_eq!(second.role, Role::Owner);
    let all = env.accounts.workspaces(owner).await.unwrap();
    assert_eq!(
        all.iter().map(|w| w.id).collect::<Vec<_>>(),
        vec![first, second.id]
    );
    let e = env.accounts.create_workspace(owner, " ").await.unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("workspace_name_required", Some("name"))
    );
    assert_eq!(env.accounts.workspaces(owner).await.unwrap().len(), 2);
}

#[tokio::test]
async fn bad_workspace_and_member_changes_are_refused_with_their_field_and_change_nothing() {
    let env = Env::new().await;
    let (owner, mate, ws) = team(&env, "member").await;
    let scope = env.accounts.scope(owner, ws).await.unwrap();
    let e = env.accounts.rename_workspace(&scope, "").await.unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("workspace_name_required", Some("name"))
    );
    let e = env
        .accounts
        .rename_workspace(&scope, &"w".repeat(81))
        .await
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("workspace_name_too_long", Some("name"))
    );
    assert_eq!(
        env.accounts.workspace(&scope).await.unwrap().name,
        "Owner's shop"
    );
    for bad in ["owner", "superuser", ""] {
        let e = env.accounts.set_role(&scope, mate, bad).await.unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("role_invalid", Some("role")),
            "{bad}"
        );
    }
    assert_eq!(
        env.accounts.scope(mate, ws).await.unwrap().role,
        Role::Member
    );
    let e = env
        .accounts
        .transfer_ownership(&scope, owner)
        .await
        .unwrap_err();
    assert_eq!((e.code(), e.field()), ("already_owner", Some("account_id")));
    assert_eq!(
        env.accounts.scope(owner, ws).await.unwrap().role,
        Role::Owner
    );
}
