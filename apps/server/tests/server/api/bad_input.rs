use serde_json::{Value, json};

use super::support::{Api, sign_up_form};

#[tokio::test]
async fn each_bad_sign_up_field_answers_its_code_and_field_and_stores_nothing() {
    let api = Api::start().await;
    let browser = api.browser();
    let with = |key: &str, value: Value| {
        let mut form = sign_up_form("Aiko", "aiko@example.com");
        form[key] = value;
        form
    };
    let without = |key: &str| {
        let mut form = sign_up_form("Aiko", "aiko@example.com");
        form.as_object_mut().unwrap().remove(key);
        form
    };
    let cases = [
        (with("name", json!("")), 422, "name_required", "name"),
        (
            with("name", json!("n".repeat(101))),
            422,
            "name_too_long",
            "name",
        ),
        (
            with("email", json!("aiko.example.com")),
            422,
            "email_invalid",
            "email",
        ),
        (
            with("password", json!("123456789")),
            422,
            "password_too_short",
            "password",
        ),
        (
            with("password", json!("p".repeat(257))),
            422,
            "password_too_long",
            "password",
        ),
        (
            with("workspace_name", json!(" ")),
            422,
            "workspace_name_required",
            "workspace_name",
        ),
        (
            with("age_confirmed", json!(false)),
            422,
            "age_confirmation_required",
            "age_confirmed",
        ),
        (
            without("age_confirmed"),
            422,
            "age_confirmation_required",
            "age_confirmed",
        ),
        (
            with("age_confirmed", json!("yes")),
            422,
            "invalid_field",
            "age_confirmed",
        ),
        (
            with("language", json!("fr")),
            422,
            "invalid_field",
            "language",
        ),
        (without("email"), 422, "field_required", "email"),
        (
            with("nickname", json!("x")),
            422,
            "unknown_field",
            "nickname",
        ),
    ];
    for (body, status, code, field) in cases {
        let reply = api.post(&browser, "/auth/sign-up", body.clone()).await;
        assert_eq!(
            (reply.status, reply.error()),
            (status, (code, Some(field))),
            "{body}"
        );
        assert!(!reply.body["error"]["message"].as_str().unwrap().is_empty());
    }
    let under_13 = api
        .post(
            &browser,
            "/auth/sign-up",
            with("age_confirmed", json!(false)),
        )
        .await;
    assert!(
        under_13.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("13 or older")
    );
    for table in [
        "accounts",
        "workspaces",
        "workspace_members",
        "account_tokens",
        "mail_outbox",
        "sessions",
    ] {
        assert_eq!(api.count(table).await, 0, "{table}");
    }
}

#[tokio::test]
async fn broken_json_wrong_type_and_oversized_bodies_get_clear_errors() {
    let api = Api::start().await;
    let browser = api.browser();
    let url = api.url("/auth/sign-up");
    let broken = api
        .send(
            browser
                .post(&url)
                .header("content-type", "application/json")
                .body("{\"name\": "),
        )
        .await;
    assert_eq!((broken.status, broken.error().0), (400, "invalid_json"));
    let form = api
        .send(
            browser
                .post(&url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body("name=x"),
        )
        .await;
    assert_eq!(
        (form.status, form.error().0),
        (415, "unsupported_media_type")
    );
    let mut huge = sign_up_form("Big", "big@example.com");
    huge["name"] = json!("x".repeat(70 * 1024));
    let too_large = api.post(&browser, "/auth/sign-up", huge).await;
    assert_eq!((too_large.status, too_large.error().0), (413, "too_large"));
    assert_eq!(api.count("accounts").await, 0);
}

#[tokio::test]
async fn malformed_ids_in_paths_are_404_in_the_api_format() {
    let api = Api::start().await;
    let owner = api.owner("Ids", "ids@example.com").await;
    for path in [
        "/workspaces/not-a-uuid".to_owned(),
        format!("/workspaces/{}/members/xyz", owner.workspace_id),
    ] {
        let reply = api.get(&owner.client, &path).await;
        if reply.status == 405 {
            continue;
        }
        assert_eq!(
            (reply.status, reply.error().0),
            (404, "not_found"),
            "{path}"
        );
    }
    let reply = api
        .delete(
            &owner.client,
            &format!("/workspaces/{}/members/xyz", owner.workspace_id),
        )
        .await;
    assert_eq!((reply.status, reply.error().0), (404, "not_found"));
}
