use serde_json::json;

use super::support::Api;

#[tokio::test]
async fn an_invite_travels_by_smtp_and_brings_the_invitee_in_with_their_role() {
    let api = Api::start().await;
    let owner = api.owner("Owner", "owner@example.com").await;
    let ws = owner.workspace_id;
    let mate = api.owner("Mate", "mate@example.com").await;
    let invite = api
        .post(
            &owner.client,
            &format!("/workspaces/{ws}/invites"),
            json!({ "email": "mate@example.com", "role": "admin" }),
        )
        .await;
    assert_eq!(invite.status, 201, "{invite:?}");
    let token = api
        .link("mate@example.com", "/dashboard/accept-invite")
        .await;
    let joined = api
        .post(&mate.client, "/invites/accept", json!({ "token": token }))
        .await;
    assert_eq!(
        (joined.status, joined.body["role"].as_str()),
        (200, Some("admin"))
    );
    let again = api
        .post(&mate.client, "/invites/accept", json!({ "token": token }))
        .await;
    assert_eq!((again.status, again.error().0), (410, "token_used"));
    let members = api
        .get(&mate.client, &format!("/workspaces/{ws}/members"))
        .await;
    let roles: Vec<&str> = members
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["owner", "admin"]);

    let transfer = api
        .post(
            &owner.client,
            &format!("/workspaces/{ws}/transfer-ownership"),
            json!({ "account_id": mate.account_id }),
        )
        .await;
    assert_eq!(transfer.status, 204, "{transfer:?}");
    let leave = api
        .delete(
            &mate.client,
            &format!("/workspaces/{ws}/members/{}", mate.account_id),
        )
        .await;
    assert_eq!((leave.status, leave.error().0), (409, "owner_cannot_leave"));
    let demote = api
        .patch(
            &owner.client,
            &format!("/workspaces/{ws}/members/{}", mate.account_id),
            json!({ "role": "member" }),
        )
        .await;
    assert_eq!((demote.status, demote.error().0), (409, "owner_role_fixed"));
}

#[tokio::test]
async fn an_api_key_is_shown_once_works_as_bearer_and_stops_when_revoked() {
    let api = Api::start().await;
    let owner = api.owner("Dev", "dev@example.com").await;
    let ws = owner.workspace_id;
    let created = api
        .post(
            &owner.client,
            &format!("/workspaces/{ws}/api-keys"),
            json!({ "name": "Zapier" }),
        )
        .await;
    assert_eq!(created.status, 201);
    let secret = created.body["secret"].as_str().unwrap().to_owned();
    let listed = api
        .get(&owner.client, &format!("/workspaces/{ws}/api-keys"))
        .await;
    assert!(
        listed.body[0].get("secret").is_none(),
        "the secret is shown once"
    );
    assert!(!listed.body.to_string().contains(&secret));

    let integrator = reqwest::Client::new();
    let reply = api
        .send(
            integrator
                .get(api.url(&format!("/workspaces/{ws}")))
                .bearer_auth(&secret),
        )
        .await;
    assert_eq!(
        (reply.status, reply.body["name"].as_str()),
        (200, Some("Dev's shop"))
    );
    let renamed = api
        .send(
            integrator
                .patch(api.url(&format!("/workspaces/{ws}")))
                .bearer_auth(&secret)
                .json(&json!({ "name": "Renamed by CI" })),
        )
        .await;
    assert_eq!(
        renamed.status, 200,
        "keys need no CSRF defence: they are not ambient"
    );
    // Account routes are personal: a key is not a session.
    let account = api
        .send(integrator.get(api.url("/account")).bearer_auth(&secret))
        .await;
    assert_eq!(account.status, 401);
    let key_id = created.body["id"].as_str().unwrap();
    assert_eq!(
        api.delete(
            &owner.client,
            &format!("/workspaces/{ws}/api-keys/{key_id}")
        )
        .await
        .status,
        204
    );
    let after = api
        .send(
            integrator
                .get(api.url(&format!("/workspaces/{ws}")))
                .bearer_auth(&secret),
        )
        .await;
    assert_eq!((after.status, after.error().0), (401, "invalid_api_key"));
}

#[tokio::test]
async fn a_member_is_refused_admin_actions_with_403() {
    let api = Api::start().await;
    let owner = api.owner("Owner", "owner@example.com").await;
    let ws = owner.workspace_id;
    let mate = api.owner("Mate", "mate@example.com").await;
    api.post(
        &owner.client,
        &format!("/workspaces/{ws}/invites"),
        json!({ "email": "mate@example.com", "role": "member" }),
    )
    .await;
    let token = api
        .link("mate@example.com", "/dashboard/accept-invite")
        .await;
    api.post(&mate.client, "/invites/accept", json!({ "token": token }))
        .await;
    let invite = api
        .post(
            &mate.client,
            &format!("/workspaces/{ws}/invites"),
            json!({ "email": "x@example.com", "role": "member" }),
        )
        .await;
    assert_eq!((invite.status, invite.error().0), (403, "role_required"));
    let key = api
        .post(
            &mate.client,
            &format!("/workspaces/{ws}/api-keys"),
            json!({ "name": "mine" }),
        )
        .await;
    assert_eq!(key.status, 403);
    let rename = api
        .patch(
            &mate.client,
            &format!("/workspaces/{ws}"),
            json!({ "name": "mine" }),
        )
        .await;
    assert_eq!(rename.status, 403);
    let get = api.get(&mate.client, &format!("/workspaces/{ws}")).await;
    assert_eq!(
        (get.status, get.body["role"].as_str()),
        (200, Some("member"))
    );
}
