//! The cross-tenant suite: for every owner endpoint, a member of workspace B using
//! workspace A's ids gets 404 — through A's workspace path (not a member) and through
//! B's own path with A's resource ids (Row-Level Security hides them) — and A's data is
//! untouched afterwards.

use serde_json::{Value, json};

use super::support::{Api, Owner};

/// A's resources, by placeholder.
struct Ids {
    ws: String,
    account: String,
    invite: String,
    key: String,
    app: String,
    item: String,
    conversation: String,
}

fn fill(template: &str, ws: &str, ids: &Ids) -> String {
    template
        .replace("{ws}", ws)
        .replace("{account}", &ids.account)
        .replace("{invite}", &ids.invite)
        .replace("{key}", &ids.key)
        .replace("{app}", &ids.app)
        .replace("{item}", &ids.item)
        .replace("{conversation}", &ids.conversation)
}

/// Every workspace-scoped endpoint: method, path, body.
fn endpoints() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        ("GET", "/workspaces/{ws}", Value::Null),
        ("PATCH", "/workspaces/{ws}", json!({ "name": "pwned" })),
        ("GET", "/workspaces/{ws}/members", Value::Null),
        (
            "PATCH",
            "/workspaces/{ws}/members/{account}",
            json!({ "role": "member" }),
        ),
        ("DELETE", "/workspaces/{ws}/members/{account}", Value::Null),
        (
            "POST",
            "/workspaces/{ws}/transfer-ownership",
            json!({ "account_id": "{account}" }),
        ),
        ("GET", "/workspaces/{ws}/invites", Value::Null),
        (
            "POST",
            "/workspaces/{ws}/invites",
            json!({ "email": "spy@example.com", "role": "admin" }),
        ),
        ("DELETE", "/workspaces/{ws}/invites/{invite}", Value::Null),
        ("GET", "/workspaces/{ws}/api-keys", Value::Null),
        (
            "POST",
            "/workspaces/{ws}/api-keys",
            json!({ "name": "spy" }),
        ),
        ("DELETE", "/workspaces/{ws}/api-keys/{key}", Value::Null),
        ("GET", "/workspaces/{ws}/apps", Value::Null),
        (
            "POST",
            "/workspaces/{ws}/apps",
            json!({ "handle": "spy-app", "name": "spy" }),
        ),
        ("GET", "/workspaces/{ws}/apps/{app}", Value::Null),
        (
            "PATCH",
            "/workspaces/{ws}/apps/{app}",
            json!({ "name": "pwned" }),
        ),
        ("DELETE", "/workspaces/{ws}/apps/{app}", Value::Null),
        ("DELETE", "/workspaces/{ws}/apps/{app}/avatar", Value::Null),
        ("DELETE", "/workspaces/{ws}/apps/{app}/cover", Value::Null),
        ("GET", "/workspaces/{ws}/apps/{app}/knowledge", Value::Null),
        (
            "POST",
            "/workspaces/{ws}/apps/{app}/knowledge/faqs",
            json!({ "question": "spy?", "answer": "spy" }),
        ),
        (
            "POST",
            "/workspaces/{ws}/apps/{app}/knowledge/pages",
            json!({ "title": "spy", "body": "spy" }),
        ),
        (
            "POST",
            "/workspaces/{ws}/apps/{app}/knowledge/files?name=spy.txt",
            json!("a text file"),
        ),
        (
            "POST",
            "/workspaces/{ws}/apps/{app}/knowledge/imports",
            json!({ "url": "https://example.com/" }),
        ),
        (
            "POST",
            "/workspaces/{ws}/apps/{app}/knowledge/search",
            json!({ "query": "opening hours" }),
        ),
        ("GET", "/workspaces/{ws}/knowledge/{item}", Value::Null),
        (
            "PATCH",
            "/workspaces/{ws}/knowledge/{item}",
            json!({ "answer": "pwned" }),
        ),
        (
            "POST",
            "/workspaces/{ws}/knowledge/{item}/reindex",
            Value::Null,
        ),
        ("DELETE", "/workspaces/{ws}/knowledge/{item}", Value::Null),
        ("GET", "/workspaces/{ws}/apps/{app}/page-views", Value::Null),
        ("GET", "/workspaces/{ws}/conversations", Value::Null),
        (
            "GET",
            "/workspaces/{ws}/conversations/{conversation}",
            Value::Null,
        ),
        (
            "PATCH",
            "/workspaces/{ws}/conversations/{conversation}",
            json!({ "handled": true }),
        ),
        (
            "POST",
            "/workspaces/{ws}/conversations/{conversation}/messages",
            json!({ "text": "pwned" }),
        ),
        ("GET", "/workspaces/{ws}/events", Value::Null),
        (
            "DELETE",
            "/workspaces/{ws}/conversations/{conversation}",
            Value::Null,
        ),
    ]
}

async fn call(
    api: &Api,
    client: &reqwest::Client,
    bearer: Option<&str>,
    method: &str,
    path: &str,
    body: &Value,
) -> super::support::Reply {
    let url = api.url(path);
    let mut request = match method {
        "GET" => client.get(url),
        "POST" => client.post(url),
        "PATCH" => client.patch(url),
        "DELETE" => client.delete(url),
        other => panic!("{other}"),
    };
    if let Some(key) = bearer {
        request = request.bearer_auth(key);
    }
    if !body.is_null() {
        request = request.json(body);
    }
    api.send(request).await
}

async fn setup(api: &Api) -> (Owner, Owner, Ids, String) {
    let a = api.owner("Alice", "alice@example.com").await;
    let b = api.owner("Bob", "bob@example.com").await;
    let ws = a.workspace_id;
    let invite = api
        .post(
            &a.client,
            &format!("/workspaces/{ws}/invites"),
            json!({ "email": "carol@example.com", "role": "member" }),
        )
        .await;
    let key = api
        .post(
            &a.client,
            &format!("/workspaces/{ws}/api-keys"),
            json!({ "name": "a's key" }),
        )
        .await;
    let app = api
        .post(
            &a.client,
            &format!("/workspaces/{ws}/apps"),
            json!({ "handle": "alices-app", "name": "Alice's app" }),
        )
        .await;
    let item = api
        .post(
            &a.client,
            &format!(
                "/workspaces/{ws}/apps/{}/knowledge/faqs",
                app.body["id"].as_str().unwrap()
            ),
            json!({ "question": "When are you open?", "answer": "Nine to five." }),
        )
        .await;
    // A visitor starts a conversation with A's app.
    let conversation = api
        .post(
            &reqwest::Client::new(),
            "/apps/alices-app/conversations",
            Value::Null,
        )
        .await;
    assert_eq!(conversation.status, 201, "{conversation:?}");
    let b_key = api
        .post(
            &b.client,
            &format!("/workspaces/{}/api-keys", b.workspace_id),
            json!({ "name": "b's key" }),
        )
        .await;
    let ids = Ids {
        ws: ws.to_string(),
        account: a.account_id.to_string(),
        invite: invite.body["id"].as_str().unwrap().to_owned(),
        key: key.body["id"].as_str().unwrap().to_owned(),
        app: app.body["id"].as_str().unwrap().to_owned(),
        item: item.body["id"].as_str().unwrap().to_owned(),
        conversation: conversation.body["conversation_id"]
            .as_str()
            .unwrap()
            .to_owned(),
    };
    (a, b, ids, b_key.body["secret"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn workspace_b_gets_404_for_every_endpoint_of_workspace_a() {
    let api = Api::start().await;
    let (a, b, ids, b_key) = setup(&api).await;
    let b_ws = b.workspace_id.to_string();
    for (method, template, body) in endpoints() {
        let body: Value = serde_json::from_str(&fill(&body.to_string(), &ids.ws, &ids)).unwrap();
        // A's workspace, by B's session and by B's API key.
        let path = fill(template, &ids.ws, &ids);
        let reply = call(&api, &b.client, None, method, &path, &body).await;
        assert_eq!(
            (reply.status, reply.error().0),
            (404, "not_found"),
            "B session: {method} {path}"
        );
        let reply = call(
            &api,
            &reqwest::Client::new(),
            Some(&b_key),
            method,
            &path,
            &body,
        )
        .await;
        assert_eq!(reply.status, 404, "B key: {method} {path}");
        // A's resource ids under B's own workspace: invisible there too.
        if [
            "{account}",
            "{invite}",
            "{key}",
            "{app}",
            "{item}",
            "{conversation}",
        ]
        .iter()
        .any(|p| template.contains(p))
        {
            let path = fill(template, &b_ws, &ids);
            let reply = call(&api, &b.client, None, method, &path, &body).await;
            assert_eq!(reply.status, 404, "B's workspace, A's id: {method} {path}");
        }
    }
    // Nothing of A's changed, and A still sees all of it.
    let ws = &ids.ws;
    let workspace = api.get(&a.client, &format!("/workspaces/{ws}")).await;
    assert_eq!(workspace.body["name"], "Alice's shop");
    assert_eq!(
        api.get(&a.client, &format!("/workspaces/{ws}/members"))
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        api.get(&a.client, &format!("/workspaces/{ws}/invites"))
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        api.get(&a.client, &format!("/workspaces/{ws}/api-keys"))
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let knowledge = api
        .get(
            &a.client,
            &format!("/workspaces/{ws}/knowledge/{}", ids.item),
        )
        .await;
    assert_eq!(knowledge.body["body"], "Nine to five.");
    let items = api
        .get(
            &a.client,
            &format!("/workspaces/{ws}/apps/{}/knowledge", ids.app),
        )
        .await;
    assert_eq!(items.body.as_array().unwrap().len(), 1);
    let conversation = api
        .get(
            &a.client,
            &format!("/workspaces/{ws}/conversations/{}", ids.conversation),
        )
        .await;
    assert_eq!(conversation.status, 200);
    assert!(conversation.body["conversation"]["handled_at"].is_null());
    // B's own lists hold nothing of A's.
    let b_lists = [
        api.get(&b.client, "/workspaces").await,
        api.get(&b.client, &format!("/workspaces/{b_ws}/members"))
            .await,
        api.get(&b.client, &format!("/workspaces/{b_ws}/invites"))
            .await,
        api.get(&b.client, &format!("/workspaces/{b_ws}/api-keys"))
            .await,
        api.get(&b.client, &format!("/workspaces/{b_ws}/conversations"))
            .await,
    ];
    for list in b_lists {
        let text = list.body.to_string();
        assert!(
            !text.contains(&ids.ws)
                && !text.contains(&ids.account)
                && !text.contains("carol@")
                && !text.contains(&ids.conversation),
            "{text}"
        );
    }
}

#[tokio::test]
async fn without_a_session_every_workspace_endpoint_is_401() {
    let api = Api::start().await;
    let (_, _, ids, _) = setup(&api).await;
    let anonymous = reqwest::Client::new();
    for (method, template, body) in endpoints() {
        let path = fill(template, &ids.ws, &ids);
        let reply = call(&api, &anonymous, None, method, &path, &body).await;
        assert_eq!(reply.status, 401, "{method} {path}");
    }
}

#[tokio::test]
async fn an_image_upload_to_another_workspaces_app_is_404_and_stores_no_file() {
    let api = Api::start().await;
    let (_, b, ids, _) = setup(&api).await;
    for ws in [ids.ws.clone(), b.workspace_id.to_string()] {
        for kind in ["avatar", "cover"] {
            let url = api.url(&format!("/workspaces/{ws}/apps/{}/{kind}", ids.app));
            let reply = api
                .send(b.client.put(url).body(super::apps::png(8, 8)))
                .await;
            assert_eq!(reply.status, 404, "{ws} {kind}");
        }
    }
    assert_eq!(api.count("files").await, 0);
    assert_eq!(std::fs::read_dir(api.files.path()).unwrap().count(), 0);
}
