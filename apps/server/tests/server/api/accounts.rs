use serde_json::json;

use super::support::{Api, PASSWORD, sign_up_form};

#[tokio::test]
async fn the_verification_link_arrives_by_smtp_signs_in_once_and_then_fails_clearly() {
    let api = Api::start().await;
    let browser = api.browser();
    let reply = api
        .post(
            &browser,
            "/auth/sign-up",
            sign_up_form("Hanako", "hanako@example.com"),
        )
        .await;
    assert_eq!(reply.status, 202);
    assert_eq!(reply.body["status"], "mail_sent");
    assert!(
        reply.headers.get("set-cookie").is_none(),
        "no session before verification"
    );

    let token = api
        .link("hanako@example.com", "/dashboard/verify-email")
        .await;
    let reply = api
        .post(&browser, "/auth/verify-email", json!({ "token": token }))
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    assert_eq!(reply.body["email"], "hanako@example.com");
    assert_eq!(reply.body["email_verified"], true);
    let cookie = reply.headers["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("cc_uid=")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains(&token));
    assert!(
        !cookie.contains("Secure"),
        "http:// deployments cannot use Secure cookies"
    );

    let me = api.get(&browser, "/account").await;
    assert_eq!((me.status, me.body["name"].as_str()), (200, Some("Hanako")));
    let again = api
        .post(
            &api.browser(),
            "/auth/verify-email",
            json!({ "token": token }),
        )
        .await;
    assert_eq!((again.status, again.error()), (410, ("token_used", None)));
    assert!(
        again.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("already used")
    );
}

#[tokio::test]
async fn sign_in_sign_out_and_sign_out_everywhere_revoke_the_server_side_session() {
    let api = Api::start().await;
    let owner = api.owner("Ken", "ken@example.com").await;
    let laptop = api.browser();
    let phone = api.browser();
    for client in [&laptop, &phone] {
        let reply = api
            .post(
                client,
                "/auth/sign-in",
                json!({ "email": "KEN@example.com", "password": PASSWORD }),
            )
            .await;
        assert_eq!(reply.status, 200, "{reply:?}");
    }
    let out = api.post(&laptop, "/auth/sign-out", json!({})).await;
    assert_eq!(out.status, 204);
    assert!(
        out.headers["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    assert_eq!(api.get(&laptop, "/account").await.status, 401);
    assert_eq!(api.get(&phone, "/account").await.status, 200);

    // A copied cookie dies with its session, even if the client never deletes it.
    let stolen = reqwest::Client::new();
    let everywhere = api
        .post(&owner.client, "/auth/sign-out-everywhere", json!({}))
        .await;
    assert_eq!(everywhere.status, 204);
    assert_eq!(api.get(&phone, "/account").await.status, 401);
    assert_eq!(api.get(&owner.client, "/account").await.status, 401);
    assert_eq!(
        api.get(&stolen, "/account").await.error(),
        ("unauthenticated", None)
    );
}

#[tokio::test]
async fn a_forged_or_foreign_cookie_is_no_session() {
    let api = Api::start().await;
    api.owner("Mio", "mio@example.com").await;
    let client = reqwest::Client::new();
    for cookie in ["cc_uid=garbage", "cc_uid=", "other=1"] {
        let reply = api
            .send(client.get(api.url("/account")).header("cookie", cookie))
            .await;
        assert_eq!(
            (reply.status, reply.error().0),
            (401, "unauthenticated"),
            "{cookie}"
        );
    }
}

#[tokio::test]
async fn wrong_credentials_are_401_and_the_sixth_try_from_one_address_is_429() {
    let api = Api::start().await;
    api.owner("Sora", "sora@example.com").await;
    let browser = api.browser();
    let unknown = api
        .post(
            &browser,
            "/auth/sign-in",
            json!({ "email": "nobody@example.com", "password": PASSWORD }),
        )
        .await;
    let wrong = api
        .post(
            &browser,
            "/auth/sign-in",
            json!({ "email": "sora@example.com", "password": "wrong wrong" }),
        )
        .await;
    assert_eq!(unknown.status, 401);
    assert_eq!(
        unknown.body, wrong.body,
        "the answer must not tell which was wrong"
    );
    for _ in 0..3 {
        api.post(
            &browser,
            "/auth/sign-in",
            json!({ "email": "sora@example.com", "password": "wrong wrong" }),
        )
        .await;
    }
    let limited = api
        .post(
            &browser,
            "/auth/sign-in",
            json!({ "email": "sora@example.com", "password": PASSWORD }),
        )
        .await;
    assert_eq!(
        (limited.status, limited.error().0),
        (429, "too_many_attempts")
    );
    let retry: u64 = limited.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=300).contains(&retry));
    assert!(limited.headers.get("set-cookie").is_none());
}

#[tokio::test]
async fn a_reset_link_arrives_by_smtp_works_once_within_the_hour_and_ends_other_sessions() {
    let api = Api::start().await;
    let owner = api.owner("Aoi", "aoi@example.com").await;
    let stranger = api.browser();
    let reply = api
        .post(
            &stranger,
            "/auth/password-reset",
            json!({ "email": "aoi@example.com" }),
        )
        .await;
    assert_eq!(reply.status, 202);
    let unknown = api
        .post(
            &stranger,
            "/auth/password-reset",
            json!({ "email": "ghost@example.com" }),
        )
        .await;
    assert_eq!(
        unknown.body, reply.body,
        "the same answer for unknown addresses"
    );

    let token = api
        .link("aoi@example.com", "/dashboard/reset-password")
        .await;
    let reset = api
        .post(
            &stranger,
            "/auth/password-reset/confirm",
            json!({ "token": token, "password": "brand new password" }),
        )
        .await;
    assert_eq!(reset.status, 200, "{reset:?}");
    assert_eq!(api.get(&stranger, "/account").await.status, 200);
    assert_eq!(
        api.get(&owner.client, "/account").await.status,
        401,
        "the old session ended"
    );
    let again = api
        .post(
            &stranger,
            "/auth/password-reset/confirm",
            json!({ "token": token, "password": "another new one!" }),
        )
        .await;
    assert_eq!((again.status, again.error().0), (410, "token_used"));
    let signin = api
        .post(
            &api.browser(),
            "/auth/sign-in",
            json!({ "email": "aoi@example.com", "password": "brand new password" }),
        )
        .await;
    assert_eq!(signin.status, 200);
    // The owner is told their password changed.
    let notice = api
        .smtp
        .wait_for_mail("aoi@example.com", std::time::Duration::from_secs(20))
        .await;
    assert!(!notice.subject.is_empty());
}

#[tokio::test]
async fn changing_email_and_password_over_http() {
    let api = Api::start().await;
    let owner = api.owner("Sara", "sara@example.com").await;
    let reply = api
        .post(
            &owner.client,
            "/account/email",
            json!({ "current_password": PASSWORD, "new_email": "sara@new.example" }),
        )
        .await;
    assert_eq!(reply.status, 202, "{reply:?}");
    let token = api
        .link("sara@new.example", "/dashboard/confirm-email")
        .await;
    let notice = api
        .smtp
        .wait_for_mail("sara@example.com", std::time::Duration::from_secs(20))
        .await;
    assert!(notice.text.contains("sara@new.example"));
    let done = api
        .post(
            &owner.client,
            "/account/email/confirm",
            json!({ "token": token }),
        )
        .await;
    assert_eq!(
        (done.status, done.body["email"].as_str()),
        (200, Some("sara@new.example"))
    );

    let bad = api
        .post(
            &owner.client,
            "/account/password",
            json!({ "current_password": "nope nope", "new_password": "new password 1" }),
        )
        .await;
    assert_eq!(
        (bad.status, bad.error()),
        (422, ("password_incorrect", Some("current_password")))
    );
    let ok = api
        .post(
            &owner.client,
            "/account/password",
            json!({ "current_password": PASSWORD, "new_password": "new password 1" }),
        )
        .await;
    assert_eq!(ok.status, 204);
    let profile = api
        .patch(
            &owner.client,
            "/account",
            json!({ "name": "佐良", "language": "ja" }),
        )
        .await;
    assert_eq!(
        (
            profile.body["name"].as_str(),
            profile.body["language"].as_str()
        ),
        (Some("佐良"), Some("ja"))
    );
    let signin = api
        .post(
            &api.browser(),
            "/auth/sign-in",
            json!({ "email": "sara@new.example", "password": "new password 1" }),
        )
        .await;
    assert_eq!(signin.status, 200);
}

#[tokio::test]
async fn a_cross_site_request_with_the_session_cookie_is_refused() {
    let api = Api::start().await;
    let owner = api.owner("Rin", "rin@example.com").await;
    let evil = api
        .send(
            owner
                .client
                .post(api.url("/workspaces"))
                .header("origin", "https://evil.example")
                .json(&json!({ "name": "pwned" })),
        )
        .await;
    assert_eq!((evil.status, evil.error().0), (403, "csrf_rejected"));
    let fetch_cross_site = api
        .send(
            reqwest::Client::new()
                .post(api.url("/workspaces"))
                .header("cookie", "cc_uid=whatever")
                .header("sec-fetch-site", "cross-site")
                .json(&json!({ "name": "pwned" })),
        )
        .await;
    assert_eq!(fetch_cross_site.status, 403);
    assert_eq!(
        api.get(&owner.client, "/workspaces")
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // Reading is not state-changing: a GET from anywhere is answered (CORS keeps the
    // answer from other origins' scripts).
    let read = api
        .send(
            owner
                .client
                .get(api.url("/workspaces"))
                .header("origin", "https://evil.example"),
        )
        .await;
    assert_eq!(read.status, 200);
}

#[tokio::test]
async fn the_only_cookie_any_response_sets_is_cc_uid() {
    let api = Api::start().await;
    let owner = api.owner("Yui", "yui@example.com").await;
    let browser = api.browser();
    let mut set_cookies = Vec::new();
    let replies = [
        api.post(
            &browser,
            "/auth/sign-up",
            sign_up_form("Yui", "yui2@example.com"),
        )
        .await,
        api.post(
            &browser,
            "/auth/sign-in",
            json!({ "email": "yui@example.com", "password": PASSWORD }),
        )
        .await,
        api.get(&browser, "/account").await,
        api.get(&browser, "/workspaces").await,
        api.post(
            &browser,
            "/auth/sign-in",
            json!({ "email": "yui@example.com", "password": "wrong!!!!!" }),
        )
        .await,
        api.post(&browser, "/auth/sign-out", json!({})).await,
        api.get(
            &owner.client,
            &format!("/workspaces/{}/members", owner.workspace_id),
        )
        .await,
        api.send(browser.get(api.app.url("/healthz"))).await,
        api.send(browser.get(api.app.url("/api/v1/openapi.json")))
            .await,
    ];
    for reply in &replies {
        for value in reply.headers.get_all("set-cookie") {
            set_cookies.push(value.to_str().unwrap().to_owned());
        }
    }
    assert!(
        set_cookies.len() >= 2,
        "sign-in and sign-out set the cookie: {set_cookies:?}"
    );
    for cookie in &set_cookies {
        assert!(cookie.starts_with("cc_uid="), "{cookie}");
    }
}
