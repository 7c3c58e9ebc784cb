use super::support::Api;

#[tokio::test]
async fn the_openapi_document_is_3_1_and_lists_every_owner_route() {
    let api = Api::start().await;
    let reply = api.get(&reqwest::Client::new(), "/openapi.json").await;
    assert_eq!(reply.status, 200);
    let doc = &reply.body;
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/auth/sign-up", "post"),
        ("/auth/verify-email", "post"),
        ("/auth/sign-in", "post"),
        ("/auth/sign-out", "post"),
        ("/auth/sign-out-everywhere", "post"),
        ("/auth/password-reset", "post"),
        ("/auth/password-reset/confirm", "post"),
        ("/account", "get"),
        ("/account", "patch"),
        ("/account/password", "post"),
        ("/account/email", "post"),
        ("/account/email/confirm", "post"),
        ("/workspaces", "get"),
        ("/workspaces", "post"),
        ("/workspaces/{workspace_id}", "patch"),
        ("/workspaces/{workspace_id}/members/{account_id}", "delete"),
        ("/workspaces/{workspace_id}/transfer-ownership", "post"),
        ("/workspaces/{workspace_id}/invites", "post"),
        ("/invites/accept", "post"),
        ("/workspaces/{workspace_id}/api-keys", "post"),
        ("/workspaces/{workspace_id}/api-keys/{key_id}", "delete"),
        (
            "/workspaces/{workspace_id}/apps/{app_id}/knowledge/search",
            "post",
        ),
        ("/workspaces/{workspace_id}/conversations", "get"),
        (
            "/workspaces/{workspace_id}/conversations/{conversation_id}",
            "patch",
        ),
        (
            "/workspaces/{workspace_id}/conversations/{conversation_id}",
            "delete",
        ),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} missing"
        );
    }
    // Every documented error body is the one error schema.
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
    assert!(doc["components"]["securitySchemes"]["session"].is_object());
}
