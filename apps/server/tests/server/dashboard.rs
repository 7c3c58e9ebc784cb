//! The owner dashboard (`apps/dashboard`) as `mimi` serves it: pages rendered on the
//! server, server functions (the same capability-crate calls as the JSON API) with
//! their error codes, tenancy and CSRF, the wasm's size budget, and the whole owner
//! journey in real headless Chromium (`apps/dashboard/tests/e2e.mjs`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::routing::get;
use mimi_knowledge::Indexer;
use mimi_testkit::TestApp;
use serde_json::{Value, json};

use crate::api::support::{Api, app_with};

/// The issue's budget for the dashboard's wasm and JavaScript, gzipped.
const BUDGET: usize = 600 * 1024;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The built browser half; fails (never skips) with what to do when it is missing.
fn assets() -> Arc<mimi_dashboard::backend::Assets> {
    mimi_server::http::dashboard::load_assets(None).unwrap_or_else(|| {
        panic!("the dashboard's wasm is not built: run scripts/build-dashboard (scripts/test does)")
    })
}

/// A form's fields.
type Form<'a> = Vec<(&'a str, &'a str)>;

/// A server function's answer: status and JSON body.
async fn call(
    api: &Api,
    client: &reqwest::Client,
    name: &str,
    form: &[(&str, &str)],
) -> (u16, Value) {
    let response = client
        .post(api.app.url(&format!("/dashboard/fn/{name}")))
        .header("accept", "application/json")
        .form(form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

fn code(body: &Value) -> &str {
    body["code"].as_str().unwrap_or_default()
}

#[test]
fn the_wasm_and_its_javascript_are_under_600_kb_gzipped() {
    let size = assets().gzipped_size();
    println!("dashboard wasm + js: {size} bytes gzipped");
    assert!(
        size <= BUDGET,
        "{size} bytes gzipped, over the {BUDGET}-byte budget"
    );
    // The real build, not a placeholder.
    assert!(size > 50_000, "{size} bytes");
}

#[tokio::test]
async fn pages_render_on_the_server_and_a_signed_out_owner_is_sent_to_sign_in() {
    let api = Api::start().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    // As a browser navigates: the redirects of signed-out pages are real 302s.
    let get = |path: &'static str| {
        client
            .get(api.app.url(path))
            .header("accept", "text/html")
            .send()
    };

    let response = get("/dashboard").await.unwrap();
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(response.headers()["location"], "/dashboard/sign-in");

    let response = get("/dashboard/sign-in").await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.headers().get("set-cookie").is_none());
    assert_eq!(response.headers()["cache-control"], "no-store");
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("script-src 'self' 'nonce-"), "{csp}");
    assert!(
        csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    let html = response.text().await.unwrap();
    assert!(html.contains("<title>Sign in · Mimi</title>"), "{html}");
    // A plain form that works without JavaScript, and the module that hydrates it.
    assert!(html.contains(r#"action="/dashboard/fn/sign-in""#), "{html}");
    assert!(
        html.contains(r#"<script type="module" src="/dashboard/pkg/"#),
        "{html}"
    );

    let html = get("/dashboard/sign-up?lang=ja")
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("アカウント作成"), "{html}");
    assert!(html.contains("13歳以上です。"), "{html}");

    let response = get("/dashboard/no-such-page").await.unwrap();
    assert_eq!(response.status().as_u16(), 404);

    // Signed-in pages need a session.
    let response = get("/dashboard/w/00000000-0000-0000-0000-000000000000/inbox")
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(response.headers()["location"], "/dashboard/sign-in");
}

#[tokio::test]
async fn the_wasm_is_served_under_its_content_hash_gzipped_and_immutable() {
    let api = Api::start().await;
    let client = reqwest::Client::new();
    let html = client
        .get(api.app.url("/dashboard/sign-in"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let end = html.find("/boot.js\"").unwrap() + "/boot.js".len();
    let boot = &html[html[..end].rfind('"').unwrap() + 1..end];
    assert!(boot.starts_with("/dashboard/pkg/"), "{boot}");
    let wasm = boot.replace("boot.js", "dashboard_bg.wasm");
    let response = client
        .get(api.app.url(&wasm))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-type"], "application/wasm");
    assert_eq!(response.headers()["content-encoding"], "gzip");
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    // Another hash is not served.
    let other = "/dashboard/pkg/0000000000000000/dashboard_bg.wasm";
    let response = client.get(api.app.url(other)).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 404);
}

#[tokio::test]
async fn server_functions_refuse_bad_input_with_the_apis_codes_and_store_nothing() {
    let api = Api::start().await;
    let stranger = api.browser();

    // Sign-up without the age confirmation: nothing is created.
    let (status, body) = call(
        &api,
        &stranger,
        "sign-up",
        &[
            ("name", "Kenji"),
            ("email", "kenji@example.com"),
            ("password", "a long enough password"),
            ("workspace_name", "Kenji's"),
            ("language", "ja"),
        ],
    )
    .await;
    assert_eq!(
        (status, code(&body)),
        (422, "age_confirmation_required"),
        "{body}"
    );
    assert_eq!(body["field"], "age_confirmed");
    assert_eq!(api.count("accounts").await, 0);

    // Wrong password.
    let (status, body) = call(
        &api,
        &stranger,
        "sign-in",
        &[
            ("email", "nobody@example.com"),
            ("password", "wrong password!"),
        ],
    )
    .await;
    assert_eq!(
        (status, code(&body)),
        (401, "invalid_credentials"),
        "{body}"
    );

    let owner = api.owner("Ann", "ann@example.com").await;
    let ws = owner.workspace_id.to_string();
    // A malformed handle: no app.
    let (status, body) = call(
        &api,
        &owner.client,
        "create-app",
        &[("workspace", &ws), ("handle", "x"), ("name", "Ann's")],
    )
    .await;
    assert_eq!((status, code(&body)), (422, "handle_too_short"), "{body}");
    assert_eq!(body["field"], "handle");
    assert_eq!(api.count("apps").await, 0);

    let app = app_with(&api, &owner, "ann-cafe", &[], json!({})).await;
    let app = app.to_string();
    // An empty question: no item.
    let (_, body) = call(
        &api,
        &owner.client,
        "add-faq",
        &[
            ("workspace", &ws),
            ("app", &app),
            ("question", " "),
            ("answer", "Yes."),
            ("link", ""),
        ],
    )
    .await;
    assert_eq!(code(&body), "question_required", "{body}");
    assert_eq!(body["field"], "question");
    assert_eq!(api.count("knowledge_items").await, 0);

    // A bad origin, or a launcher on a side the widget does not have: nothing of the
    // form is saved (not its greeting either).
    for (field, value, expected, at) in [
        (
            "allowed_origins",
            "not an origin",
            "allowed_origins_invalid",
            "allowed_origins",
        ),
        (
            "launcher_position",
            "top",
            "theme_launcher_position_invalid",
            "theme.launcher_position",
        ),
    ] {
        let mut form = vec![
            ("workspace", ws.as_str()),
            ("app", &app),
            ("primary_color", "#112233"),
            ("launcher_position", "left"),
            ("greeting", "Hi!"),
            ("suggested_questions", ""),
            ("allowed_origins", ""),
            ("public_contacts", ""),
        ];
        form.retain(|(name, _)| *name != field);
        form.push((field, value));
        let (status, body) = call(&api, &owner.client, "save-widget", &form).await;
        assert_eq!((status, code(&body)), (422, expected), "{body}");
        assert_eq!(body["field"], at);
        let (greeting, side): (Option<String>, Option<String>) =
            sqlx::query_as("select theme->>'greeting', theme->>'launcher_position' from apps")
                .fetch_one(&api.db.pool)
                .await
                .unwrap();
        assert_eq!(greeting.unwrap_or_default(), "", "{field}");
        assert_ne!(side.as_deref(), Some(value), "{field}");
        assert_ne!(side.as_deref(), Some("left"), "{field}");
    }
    // The inbox filtered by something that is not an app id.
    let (status, body) = call(
        &api,
        &owner.client,
        "load-inbox",
        &[("workspace", &ws), ("status", "all"), ("app", "not-an-id")],
    )
    .await;
    assert_eq!((status, code(&body)), (422, "invalid_form"), "{body}");

    // Answer settings: a provider this server does not offer, a temperature that is no
    // number or out of range, a link that is no URL: nothing of the form is saved.
    let chat = |provider: &'static str, temperature: &'static str| {
        vec![
            ("workspace", ws.clone()),
            ("app", app.clone()),
            ("provider", provider.to_owned()),
            ("model", String::new()),
            ("temperature", temperature.to_owned()),
            ("persona", "A cheerful baker".to_owned()),
            ("instructions", String::new()),
            ("answer_language", "auto".to_owned()),
        ]
    };
    for (form, expected) in [
        (chat("anthropic", ""), "chat_provider_unavailable"),
        (chat("extractive", "hot"), "chat_temperature_invalid"),
        (chat("extractive", "3"), "chat_temperature_out_of_range"),
    ] {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, body) = call(&api, &owner.client, "save-chat", &form).await;
        assert_eq!((status, code(&body)), (422, expected), "{body}");
    }
    let (status, body) = call(
        &api,
        &owner.client,
        "save-links",
        &[
            ("workspace", &ws),
            ("app", &app),
            ("links", "Menu | not a url"),
        ],
    )
    .await;
    assert_eq!((status, code(&body)), (422, "links_url_invalid"), "{body}");
    let (persona, links): (String, serde_json::Value) =
        sqlx::query_as("select coalesce(chat->>'persona', ''), links from apps")
            .fetch_one(&api.db.pool)
            .await
            .unwrap();
    assert_eq!((persona.as_str(), links), ("", json!([])));
    // The same form, valid, is saved.
    let form = chat("extractive", "0.4");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body) = call(&api, &owner.client, "save-chat", &form).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["chat"]["persona"], "A cheerful baker");

    // An unsupported language, a malformed invitation: nothing changes.
    let (status, body) = call(
        &api,
        &owner.client,
        "save-account",
        &[("name", "Ann B."), ("language", "fr")],
    )
    .await;
    assert_eq!(
        (status, code(&body)),
        (422, "language_unsupported"),
        "{body}"
    );
    let name: String = sqlx::query_scalar("select name from accounts")
        .fetch_one(&api.db.pool)
        .await
        .unwrap();
    assert_eq!(name, "Ann");
    let (status, body) = call(
        &api,
        &owner.client,
        "invite",
        &[
            ("workspace", &ws),
            ("email", "not an address"),
            ("role", "member"),
        ],
    )
    .await;
    assert_eq!((status, code(&body)), (422, "email_invalid"), "{body}");
    assert_eq!(api.count("workspace_invites").await, 0);

    // The other forms of the dashboard, each with its code and nothing stored.
    let cases: Vec<(&str, Form, &str)> = vec![
        (
            "verify-email",
            vec![("token", "not-a-token")],
            "token_invalid",
        ),
        (
            "reset-password",
            vec![
                ("token", "not-a-token"),
                ("password", "a long enough password"),
            ],
            "token_invalid",
        ),
        (
            "forgot-password",
            vec![("email", "not an address")],
            "email_invalid",
        ),
        (
            "save-profile",
            vec![
                ("workspace", &ws),
                ("app", &app),
                ("name", "Ann's"),
                ("handle", "ann-cafe"),
                ("site_url", "not a url"),
                ("bio", "Coffee."),
            ],
            "site_url_invalid",
        ),
        (
            "add-page",
            vec![
                ("workspace", &ws),
                ("app", &app),
                ("title", " "),
                ("body", "Text."),
            ],
            "title_required",
        ),
        (
            "import",
            vec![("workspace", &ws), ("app", &app), ("url", "not a url")],
            "url_invalid",
        ),
        (
            "test-retrieval",
            vec![("workspace", &ws), ("app", &app), ("query", " ")],
            "query_required",
        ),
        (
            "create-api-key",
            vec![("workspace", &ws), ("name", " ")],
            "name_invalid",
        ),
        // A form field missing altogether, or one that is no id: the caller's error,
        // as the API's 422, never the server's 500.
        (
            "add-faq",
            vec![("workspace", &ws), ("app", &app)],
            "invalid_form",
        ),
        (
            "add-faq",
            vec![
                ("workspace", "not-an-id"),
                ("app", &app),
                ("question", "Q?"),
                ("answer", "A."),
            ],
            "invalid_form",
        ),
    ];
    for (name, form, expected) in cases {
        let (status, body) = call(&api, &owner.client, name, &form).await;
        assert_eq!((status, code(&body)), (422, expected), "{name}: {body}");
    }
    assert_eq!(api.count("knowledge_items").await, 0);
    assert_eq!(api.count("api_keys").await, 0);
    let bio: String = sqlx::query_scalar("select bio from apps")
        .fetch_one(&api.db.pool)
        .await
        .unwrap();
    assert_eq!(bio, "");
}

#[tokio::test]
async fn another_workspace_is_not_found_through_every_server_function() {
    let api = Api::start().await;
    let ann = api.owner("Ann", "ann@example.com").await;
    let bob = api.owner("Bob", "bob@example.com").await;
    let app = app_with(
        &api,
        &ann,
        "ann-cafe",
        &[("When are you open?", "From nine.")],
        json!({}),
    )
    .await
    .to_string();
    let (status, started) = {
        let r = reqwest::Client::new()
            .post(api.url("/apps/ann-cafe/conversations"))
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.json::<Value>().await.unwrap())
    };
    assert_eq!(status, 201);
    let conversation = started["conversation_id"].as_str().unwrap().to_owned();
    let item: String = sqlx::query_scalar("select id::text from knowledge_items")
        .fetch_one(&api.db.pool)
        .await
        .unwrap();
    let ann_ws = ann.workspace_id.to_string();
    let bob_ws = bob.workspace_id.to_string();
    let (ann_id, bob_id) = (ann.account_id.to_string(), bob.account_id.to_string());
    // Ann's own invitation and API key, which Bob must not reach.
    let (status, body) = call(
        &api,
        &ann.client,
        "invite",
        &[
            ("workspace", &ann_ws),
            ("email", "mia@example.com"),
            ("role", "member"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = call(
        &api,
        &ann.client,
        "create-api-key",
        &[("workspace", &ann_ws), ("name", "till")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let invite_id: String = sqlx::query_scalar("select id::text from workspace_invites")
        .fetch_one(&api.db.pool)
        .await
        .unwrap();
    let key_id: String = sqlx::query_scalar("select id::text from api_keys")
        .fetch_one(&api.db.pool)
        .await
        .unwrap();

    // Bob, naming Ann's workspace or Ann's resources under his own.
    let cases: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("list-apps", vec![("workspace", &ann_ws)]),
        ("load-app", vec![("workspace", &ann_ws), ("app", &app)]),
        ("load-app", vec![("workspace", &bob_ws), ("app", &app)]),
        ("list-items", vec![("workspace", &bob_ws), ("app", &app)]),
        (
            "add-faq",
            vec![
                ("workspace", &bob_ws),
                ("app", &app),
                ("question", "Q?"),
                ("answer", "A."),
                ("link", ""),
            ],
        ),
        (
            "test-retrieval",
            vec![("workspace", &bob_ws), ("app", &app), ("query", "open")],
        ),
        (
            "load-inbox",
            vec![("workspace", &ann_ws), ("status", "all")],
        ),
        (
            "load-thread",
            vec![("workspace", &bob_ws), ("conversation", &conversation)],
        ),
        (
            "reply",
            vec![
                ("workspace", &bob_ws),
                ("conversation", &conversation),
                ("text", "Hello"),
            ],
        ),
        (
            "set-handled",
            vec![
                ("workspace", &bob_ws),
                ("conversation", &conversation),
                ("handled", "true"),
            ],
        ),
        (
            "save-profile",
            vec![
                ("workspace", &bob_ws),
                ("app", &app),
                ("name", "Bob's"),
                ("handle", "bobs"),
                ("site_url", ""),
                ("bio", ""),
            ],
        ),
        (
            "save-widget",
            vec![
                ("workspace", &bob_ws),
                ("app", &app),
                ("primary_color", "#000000"),
                ("greeting", "Hi"),
                ("suggested_questions", ""),
                ("allowed_origins", ""),
                ("public_contacts", ""),
            ],
        ),
        (
            "save-chat",
            vec![
                ("workspace", &bob_ws),
                ("app", &app),
                ("provider", "extractive"),
                ("model", ""),
                ("temperature", ""),
                ("persona", "Bob"),
                ("instructions", ""),
                ("answer_language", "auto"),
            ],
        ),
        (
            "save-links",
            vec![("workspace", &bob_ws), ("app", &app), ("links", "")],
        ),
        (
            "add-page",
            vec![
                ("workspace", &bob_ws),
                ("app", &app),
                ("title", "T"),
                ("body", "B"),
            ],
        ),
        (
            "import",
            vec![
                ("workspace", &bob_ws),
                ("app", &app),
                ("url", "https://example.com/"),
            ],
        ),
        ("delete-item", vec![("workspace", &bob_ws), ("item", &item)]),
        ("load-team", vec![("workspace", &ann_ws)]),
        (
            "invite",
            vec![
                ("workspace", &ann_ws),
                ("email", "eve@example.com"),
                ("role", "admin"),
            ],
        ),
        (
            "create-api-key",
            vec![("workspace", &ann_ws), ("name", "stolen")],
        ),
        (
            "remove-image",
            vec![("workspace", &bob_ws), ("app", &app), ("kind", "avatar")],
        ),
        (
            "change-member",
            vec![
                ("workspace", &ann_ws),
                ("account", &ann_id),
                ("change", "member"),
            ],
        ),
        (
            "change-member",
            vec![
                ("workspace", &ann_ws),
                ("account", &ann_id),
                ("change", "remove"),
            ],
        ),
        (
            "change-member",
            vec![
                ("workspace", &ann_ws),
                ("account", &bob_id),
                ("change", "owner"),
            ],
        ),
        (
            "revoke",
            vec![
                ("workspace", &ann_ws),
                ("what", "invite"),
                ("id", &invite_id),
            ],
        ),
        (
            "revoke",
            vec![
                ("workspace", &bob_ws),
                ("what", "invite"),
                ("id", &invite_id),
            ],
        ),
        (
            "revoke",
            vec![("workspace", &bob_ws), ("what", "api_key"), ("id", &key_id)],
        ),
    ];
    for (name, form) in cases {
        let (status, body) = call(&api, &bob.client, name, &form).await;
        assert_eq!((status, code(&body)), (404, "not_found"), "{name}: {body}");
    }
    assert_eq!(api.count("knowledge_items").await, 1);
    assert_eq!(api.count("messages where role = 'owner'").await, 0);
    // Only Ann's own invitation and key exist, both still valid.
    assert_eq!(api.count("workspace_invites").await, 1);
    assert_eq!(api.count("api_keys where revoked_at is null").await, 1);
    let (name, bio): (String, String) = sqlx::query_as("select name, bio from apps")
        .fetch_one(&api.db.pool)
        .await
        .unwrap();
    assert_eq!((name.as_str(), bio.as_str()), ("ann-cafe", ""));
    assert_eq!(
        api.count("workspace_members where role = 'owner'").await,
        2,
        "both owners kept their workspaces"
    );
    // Ann's app as a filter of Bob's inbox finds nothing of hers.
    let (status, body) = call(
        &api,
        &bob.client,
        "load-inbox",
        &[("workspace", &bob_ws), ("status", "all"), ("app", &app)],
    )
    .await;
    assert_eq!((status, body.clone()), (200, json!([])), "{body}");

    // Ann sees her own.
    let (status, body) = call(
        &api,
        &ann.client,
        "load-app",
        &[("workspace", &ann_ws), ("app", &app)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["handle"], "ann-cafe");
    // And revokes her own: an unknown kind is refused, then the invitation is withdrawn
    // and the key stops working.
    let (status, body) = call(
        &api,
        &ann.client,
        "revoke",
        &[("workspace", &ann_ws), ("what", "session"), ("id", &key_id)],
    )
    .await;
    assert_eq!((status, code(&body)), (422, "revoke_invalid"), "{body}");
    assert_eq!(api.count("api_keys where revoked_at is null").await, 1);
    for (what, id) in [("invite", &invite_id), ("api_key", &key_id)] {
        let (status, body) = call(
            &api,
            &ann.client,
            "revoke",
            &[("workspace", &ann_ws), ("what", what), ("id", id)],
        )
        .await;
        assert_eq!(status, 200, "{what}: {body}");
    }
    assert_eq!(api.count("workspace_invites").await, 0);
    assert_eq!(api.count("api_keys where revoked_at is null").await, 0);
}

#[tokio::test]
async fn the_dashboard_speaks_the_language_the_owner_chose() {
    let api = Api::start().await;
    let owner = api.owner("Ann", "ann@example.com").await;
    let ws = owner.workspace_id;
    let url = api.app.url(&format!("/dashboard/w/{ws}/inbox"));
    let inbox = |client: reqwest::Client| {
        let url = url.clone();
        async move {
            let response = client
                .get(url)
                .header("accept", "text/html")
                .send()
                .await
                .unwrap();
            response.text().await.unwrap()
        }
    };
    let html = inbox(owner.client.clone()).await;
    assert!(
        html.contains("<title>Inbox · Mimi</title>") && html.contains("No conversations here yet"),
        "{html}"
    );

    let (status, body) = call(
        &api,
        &owner.client,
        "save-account",
        &[("name", "Ann"), ("language", "ja")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let html = inbox(owner.client.clone()).await;
    assert!(html.contains("<title>受信箱 · Mimi</title>"), "{html}");
    assert!(html.contains("まだ会話はありません"), "{html}");
    // Mail follows the same setting.
    let language: String = sqlx::query_scalar("select language from accounts")
        .fetch_one(&api.db.pool)
        .await
        .unwrap();
    assert_eq!(language, "ja");
}

#[tokio::test]
async fn server_functions_refuse_another_sites_origin() {
    let api = Api::start().await;
    let owner = api.owner("Ann", "ann@example.com").await;
    let ws = owner.workspace_id.to_string();
    let response = owner
        .client
        .post(api.app.url("/dashboard/fn/create-app"))
        .header("origin", "https://evil.example")
        .form(&[
            ("workspace", ws.as_str()),
            ("handle", "evil-app"),
            ("name", "Evil"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "csrf_rejected");
    assert_eq!(api.count("apps").await, 0);
}

#[tokio::test]
async fn signing_in_without_javascript_redirects_with_the_session_cookie() {
    let api = Api::start().await;
    let _ = api.owner("Ann", "ann@example.com").await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    // The form a browser without JavaScript posts, with its `next` if any.
    let sign_in = |next: Option<&'static str>| {
        let mut form = vec![
            ("email", "ann@example.com"),
            ("password", crate::api::support::PASSWORD),
        ];
        form.extend(next.map(|n| ("next", n)));
        client
            .post(api.app.url("/dashboard/fn/sign-in"))
            .header("origin", api.app.url(""))
            .header("accept", "text/html")
            .form(&form)
            .send()
    };
    let response = sign_in(None).await.unwrap();
    assert_eq!(response.status().as_u16(), 302, "{response:?}");
    assert_eq!(response.headers()["location"], "/dashboard");
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("cc_uid=") && cookie.contains("HttpOnly"),
        "{cookie}"
    );

    // From an invitation's page, sign-in goes back to it; anywhere else is refused.
    for (next, expected) in [
        (
            "/dashboard/accept-invite?token=abc",
            "/dashboard/accept-invite?token=abc",
        ),
        ("//evil.example/dashboard/", "/dashboard"),
        ("https://evil.example/", "/dashboard"),
    ] {
        let response = sign_in(Some(next)).await.unwrap();
        assert_eq!(response.status().as_u16(), 302, "{next}");
        assert_eq!(response.headers()["location"], expected, "{next}");
    }
}

/// The test's mail reader for the browser script: the link of the next mail to `to`.
async fn mailbox(
    State(api): State<Arc<Api>>,
    Query(q): Query<std::collections::HashMap<String, String>>,
) -> String {
    let page = q.get("page").cloned().unwrap_or_default();
    let token = api
        .link(q.get("to").map(String::as_str).unwrap_or_default(), &page)
        .await;
    format!("{}?token={token}", api.app.url(&page))
}

#[tokio::test]
async fn an_owner_signs_up_builds_an_app_and_answers_a_visitor_live_in_a_real_browser() {
    let chromium = crate::widget::browser_tools();
    assets();
    let api = Arc::new(Api::start().await);
    // The server's background indexer, as `mimi serve` runs it.
    let (stop_indexer, stopped) = tokio::sync::watch::channel(false);
    let k = &api.knowledge;
    let indexer = Indexer::new(
        api.db.serving_pool().await,
        k.embedding.clone(),
        k.fetching.clone(),
        k.limits,
    );
    let indexing = tokio::spawn(indexer.run(stopped));
    let mail = TestApp::spawn(
        axum::Router::new()
            .route("/link", get(mailbox))
            .with_state(api.clone()),
    )
    .await;
    let shots = repo().join("docs");

    let run = tokio::process::Command::new("node")
        .arg(repo().join("apps/dashboard/tests/e2e.mjs"))
        .env("MIMI_URL", api.app.url(""))
        .env("MAILBOX_URL", mail.url(""))
        .env("SHOTS", &shots)
        .env("CHROMIUM", &chromium)
        .kill_on_drop(true)
        .output()
        .await
        .expect("node runs (install Node.js 20 or later)");
    let _ = stop_indexer.send(true);
    let _ = indexing.await;
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        run.status.success(),
        "apps/dashboard/tests/e2e.mjs failed ({}):\n{stderr}\n{stdout}",
        run.status
    );
    let report: Value = serde_json::from_str(stdout.lines().last().unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}: {stdout}"));
    println!("dashboard e2e: {report}");

    // What the browser did is in the database: one owner reply, the conversation handled.
    let owner_replies: i64 = sqlx::query_scalar(
        "select count(*) from messages where role = 'owner' and content like 'Hi, Hana here.%'",
    )
    .fetch_one(&api.db.pool)
    .await
    .unwrap();
    assert_eq!(owner_replies, 1);
    let handled: i64 =
        sqlx::query_scalar("select count(*) from conversations where handled_at is not null")
            .fetch_one(&api.db.pool)
            .await
            .unwrap();
    assert_eq!(handled, 1);
    // The refused upload left nothing; the accepted file was deleted in the browser, so
    // only the FAQ is left; the avatar was set and removed.
    assert_eq!(report["uploadProgressSeen"], true, "{report}");
    assert_eq!(api.count("knowledge_items").await, 1);
    assert_eq!(api.count("knowledge_items where kind = 'faq'").await, 1);
    assert_eq!(api.count("apps where avatar_file_id is not null").await, 0);
    assert_eq!(
        api.count("apps where theme->>'launcher_position' = 'left'")
            .await,
        1
    );
    assert_eq!(
        api.count("workspace_invites").await,
        0,
        "withdrawn in the browser"
    );
    for shot in [
        "dashboard-knowledge.png",
        "dashboard-settings.png",
        "dashboard-inbox.png",
        "dashboard-inbox-mobile.png",
    ] {
        let bytes = shots.join(shot).metadata().unwrap().len();
        assert!(bytes > 10_000, "{shot}: {bytes} bytes, {report}");
    }
}

/// `who` changes `account` in `workspace` through the team page's server function.
async fn change(
    api: &Api,
    who: &crate::api::support::Owner,
    workspace: uuid::Uuid,
    account: uuid::Uuid,
    what: &str,
) -> (u16, Value) {
    let (ws, account) = (workspace.to_string(), account.to_string());
    call(
        api,
        &who.client,
        "change-member",
        &[("workspace", &ws), ("account", &account), ("change", what)],
    )
    .await
}

async fn role_of(api: &Api, workspace: uuid::Uuid, account: uuid::Uuid) -> Option<String> {
    sqlx::query_scalar(
        "select role from workspace_members where workspace_id = $1 and account_id = $2",
    )
    .bind(workspace)
    .bind(account)
    .fetch_optional(&api.db.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn members_join_change_roles_take_over_and_leave_under_the_apis_rules() {
    let api = Api::start().await;
    let ann = api.owner("Ann", "ann@example.com").await;
    let mia = api.owner("Mia", "mia@example.com").await;
    let eve = api.owner("Eve", "eve@example.com").await;
    let ws = ann.workspace_id;
    let ws_text = ws.to_string();

    // An invitation is for its address only, and a made-up token is nobody's.
    let (status, body) = call(
        &api,
        &ann.client,
        "invite",
        &[
            ("workspace", &ws_text),
            ("email", "mia@example.com"),
            ("role", "member"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let token = api
        .link("mia@example.com", "/dashboard/accept-invite")
        .await;
    let (status, body) = call(&api, &eve.client, "accept-invite", &[("token", &token)]).await;
    assert_eq!(
        (status, code(&body)),
        (403, "invite_email_mismatch"),
        "{body}"
    );
    assert_eq!(role_of(&api, ws, eve.account_id).await, None);
    let (_, body) = call(&api, &mia.client, "accept-invite", &[("token", "nonsense")]).await;
    assert_eq!(code(&body), "token_invalid", "{body}");
    // The real one, from a browser: joined, and the workspace opens.
    let response = mia
        .client
        .post(api.app.url("/dashboard/fn/accept-invite"))
        .header("accept", "text/html")
        .header("referer", api.app.url("/dashboard/accept-invite"))
        .form(&[("token", token.as_str())])
        .send()
        .await
        .unwrap();
    // (The client follows the 302 as a browser does.)
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.url().path(), format!("/dashboard/w/{ws}"));
    assert_eq!(
        role_of(&api, ws, mia.account_id).await.as_deref(),
        Some("member")
    );

    // A member changes nobody's role, removes nobody and hands nothing over.
    for what in ["member", "remove", "owner"] {
        let (status, body) = change(&api, &mia, ws, ann.account_id, what).await;
        assert_eq!(
            (status, code(&body)),
            (403, "role_required"),
            "{what}: {body}"
        );
    }
    assert_eq!(
        role_of(&api, ws, ann.account_id).await.as_deref(),
        Some("owner")
    );

    // Roles are admin or member; the owner's role changes only by transfer.
    for what in ["boss", ""] {
        let (status, body) = change(&api, &ann, ws, mia.account_id, what).await;
        assert_eq!(
            (status, code(&body)),
            (422, "role_invalid"),
            "{what:?}: {body}"
        );
        assert_eq!(body["field"], "role");
    }
    let (status, body) = change(&api, &ann, ws, ann.account_id, "member").await;
    assert_eq!((status, code(&body)), (409, "owner_role_fixed"), "{body}");
    assert_eq!(
        role_of(&api, ws, mia.account_id).await.as_deref(),
        Some("member")
    );
    let (status, body) = change(&api, &ann, ws, mia.account_id, "admin").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        role_of(&api, ws, mia.account_id).await.as_deref(),
        Some("admin")
    );

    // The owner cannot leave before handing over.
    let (status, body) = change(&api, &ann, ws, ann.account_id, "remove").await;
    assert_eq!((status, code(&body)), (409, "owner_cannot_leave"), "{body}");
    assert_eq!(
        role_of(&api, ws, ann.account_id).await.as_deref(),
        Some("owner")
    );

    // Handing over: Mia owns it, Ann stays as an admin, then leaves.
    let (status, body) = change(&api, &ann, ws, mia.account_id, "owner").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        role_of(&api, ws, mia.account_id).await.as_deref(),
        Some("owner")
    );
    assert_eq!(
        role_of(&api, ws, ann.account_id).await.as_deref(),
        Some("admin")
    );
    let (status, body) = change(&api, &ann, ws, ann.account_id, "remove").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(role_of(&api, ws, ann.account_id).await, None);
    // Gone is gone: the workspace is now not found for her.
    let (status, body) = call(&api, &ann.client, "load-team", &[("workspace", &ws_text)]).await;
    assert_eq!((status, code(&body)), (404, "not_found"), "{body}");
}

#[tokio::test]
async fn images_are_removed_by_kind_and_the_inbox_filters_by_app() {
    let api = Api::start().await;
    let ann = api.owner("Ann", "ann@example.com").await;
    let ws = ann.workspace_id.to_string();
    let cafe = app_with(&api, &ann, "ann-cafe", &[], json!({}))
        .await
        .to_string();
    let shop = app_with(&api, &ann, "ann-shop", &[], json!({}))
        .await
        .to_string();

    // An unknown kind of image: nothing happens.
    let (status, body) = call(
        &api,
        &ann.client,
        "remove-image",
        &[("workspace", &ws), ("app", &cafe), ("kind", "banner")],
    )
    .await;
    assert_eq!((status, code(&body)), (422, "image_kind_invalid"), "{body}");
    assert_eq!(body["field"], "kind");
    // Removing an image that is not there is no error: the app comes back without one.
    let (status, body) = call(
        &api,
        &ann.client,
        "remove-image",
        &[("workspace", &ws), ("app", &cafe), ("kind", "cover")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["cover_url"], Value::Null);

    // One conversation on each app; each app's filter finds its own.
    let mut ids = Vec::new();
    for handle in ["ann-cafe", "ann-shop"] {
        let started: Value = reqwest::Client::new()
            .post(api.url(&format!("/apps/{handle}/conversations")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        ids.push(started["conversation_id"].as_str().unwrap().to_owned());
    }
    for (app, id) in [(&cafe, &ids[0]), (&shop, &ids[1])] {
        let (status, body) = call(
            &api,
            &ann.client,
            "load-inbox",
            &[("workspace", &ws), ("status", "all"), ("app", app)],
        )
        .await;
        assert_eq!(status, 200, "{body}");
        let found: Vec<&str> = body
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert_eq!(found, vec![id.as_str()]);
    }
    let (_, body) = call(
        &api,
        &ann.client,
        "load-inbox",
        &[("workspace", &ws), ("status", "all"), ("app", "")],
    )
    .await;
    assert_eq!(body.as_array().map(Vec::len), Some(2), "{body}");
}
