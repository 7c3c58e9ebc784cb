//! The knowledge endpoints end to end: items added over HTTP, indexed by the real worker
//! with the real local model, found by the test search; bad input answered with its code
//! and field, and nothing written.

use serde_json::{Value, json};

use super::support::{Api, Owner};

async fn app(api: &Api, owner: &Owner, handle: &str) -> String {
    let reply = api
        .post(
            &owner.client,
            &format!("/workspaces/{}/apps", owner.workspace_id),
            json!({ "handle": handle, "name": handle }),
        )
        .await;
    assert_eq!(reply.status, 201, "{reply:?}");
    reply.body["id"].as_str().unwrap().to_owned()
}

fn base(owner: &Owner, app: &str) -> String {
    format!("/workspaces/{}/apps/{app}/knowledge", owner.workspace_id)
}

async fn search(api: &Api, owner: &Owner, app: &str, query: &str) -> Vec<Value> {
    let reply = api
        .post(
            &owner.client,
            &format!("{}/search", base(owner, app)),
            json!({ "query": query }),
        )
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    reply.body["passages"].as_array().unwrap().clone()
}

#[tokio::test]
async fn an_faq_and_a_file_are_indexed_found_edited_and_deleted() {
    let api = Api::start().await;
    let owner = api.owner("Ann", "ann@example.com").await;
    let app = app(&api, &owner, "ann-bikes").await;
    let faq = api
        .post(
            &owner.client,
            &format!("{}/faqs", base(&owner, &app)),
            json!({ "question": "Do you repair e-bikes?", "answer": "Yes, our workshop services electric bikes of every brand.", "link": "https://bikes.example/repairs" }),
        )
        .await;
    assert_eq!(faq.status, 201, "{faq:?}");
    assert_eq!(faq.body["status"], "queued");
    let file = api
        .send(
            owner
                .client
                .post(api.url(&format!("{}/files?name=parking.md", base(&owner, &app))))
                .body("# Parking\n\nCustomers park free of charge behind the shop, in the courtyard off Mill Lane."),
        )
        .await;
    assert_eq!(file.status, 201, "{file:?}");
    assert_eq!(file.body["items"][0]["kind"], "file");
    assert_eq!(file.body["items"][0]["format"], "markdown");

    assert_eq!(api.index().await, 2);
    let items = api.get(&owner.client, &base(&owner, &app)).await;
    let statuses: Vec<&str> = items
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["ready", "ready"], "{items:?}");

    let found = search(&api, &owner, &app, "where can I leave my car?").await;
    assert_eq!(
        found[0]["item_id"], file.body["items"][0]["id"],
        "{found:#?}"
    );
    let found = search(&api, &owner, &app, "can you fix my electric bicycle").await;
    assert_eq!(found[0]["item_id"], faq.body["id"]);
    assert_eq!(found[0]["link"], "https://bikes.example/repairs");
    assert!(
        found[0]["vector"]["score"].as_f64().unwrap() > 0.35,
        "{found:#?}"
    );
    // Nothing in this knowledge answers this: nothing comes back.
    assert!(
        search(&api, &owner, &app, "quantum chromodynamics lecture notes")
            .await
            .is_empty()
    );

    let item = format!(
        "/workspaces/{}/knowledge/{}",
        owner.workspace_id,
        faq.body["id"].as_str().unwrap()
    );
    let edited = api
        .patch(
            &owner.client,
            &item,
            json!({ "answer": "No, only road bikes." }),
        )
        .await;
    assert_eq!(
        (edited.status, edited.body["status"].as_str()),
        (200, Some("queued"))
    );
    api.index().await;
    let found = search(&api, &owner, &app, "can you fix my electric bicycle").await;
    assert!(
        found
            .iter()
            .any(|p| p["content"].as_str().unwrap().contains("only road bikes")),
        "{found:#?}"
    );

    assert_eq!(api.delete(&owner.client, &item).await.status, 204);
    assert_eq!(api.get(&owner.client, &item).await.status, 404);
    let found = search(&api, &owner, &app, "can you fix my electric bicycle").await;
    assert!(found.iter().all(|p| p["item_id"] != faq.body["id"]));
    let chunks: i64 =
        sqlx::query_scalar("select count(*) from knowledge_chunks where item_id = $1::uuid")
            .bind(faq.body["id"].as_str().unwrap())
            .fetch_one(&api.db.pool)
            .await
            .unwrap();
    assert_eq!(chunks, 0, "passages and vectors go with the item");
}

#[tokio::test]
async fn a_csv_upload_adds_one_faq_per_row() {
    let api = Api::start().await;
    let owner = api.owner("Ann", "ann@example.com").await;
    let app = app(&api, &owner, "ann-cafe").await;
    let csv = "question,answer\nDo you have oat milk?,Yes.\n駐車場はありますか？,店の裏に二台分あります。\n";
    let reply = api
        .send(
            owner
                .client
                .post(api.url(&format!("{}/files?name=faq.csv", base(&owner, &app))))
                .body(csv),
        )
        .await;
    assert_eq!(reply.status, 201, "{reply:?}");
    let kinds: Vec<&str> = reply.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["faq", "faq"]);
}

#[tokio::test]
async fn bad_knowledge_input_gets_its_code_and_field_and_writes_nothing() {
    let api = Api::start().await;
    let owner = api.owner("Ann", "ann@example.com").await;
    let app = app(&api, &owner, "ann-shop").await;
    let b = base(&owner, &app);
    let cases: Vec<(String, Value, u16, &str, Option<&str>)> = vec![
        (
            format!("{b}/faqs"),
            json!({ "question": "", "answer": "a" }),
            422,
            "question_required",
            Some("question"),
        ),
        (
            format!("{b}/faqs"),
            json!({ "question": "q", "answer": "a", "link": "javascript:alert(1)" }),
            422,
            "link_scheme",
            Some("link"),
        ),
        (
            format!("{b}/faqs"),
            json!({ "question": "q", "answer": "a", "extra": 1 }),
            422,
            "unknown_field",
            Some("extra"),
        ),
        (
            format!("{b}/faqs"),
            json!({ "question": "q" }),
            422,
            "field_required",
            Some("answer"),
        ),
        (
            format!("{b}/pages"),
            json!({ "title": "t", "body": " " }),
            422,
            "body_required",
            Some("body"),
        ),
        (
            format!("{b}/imports"),
            json!({ "url": "ftp://example.com/" }),
            422,
            "url_scheme",
            Some("url"),
        ),
        (
            format!("{b}/imports"),
            json!({ "url": "not a url" }),
            422,
            "url_invalid",
            Some("url"),
        ),
        (
            format!("{b}/search"),
            json!({ "query": "  " }),
            422,
            "query_required",
            Some("query"),
        ),
        (
            format!("{b}/search"),
            json!({ "query": "q", "k": 0 }),
            422,
            "k_out_of_range",
            Some("k"),
        ),
        (
            format!("{b}/search"),
            json!({ "query": "q", "mode": "magic" }),
            422,
            "invalid_field",
            Some("mode"),
        ),
    ];
    for (path, body, status, code, field) in cases {
        let reply = api.post(&owner.client, &path, body.clone()).await;
        assert_eq!(
            (reply.status, reply.error()),
            (status, (code, field)),
            "{path} {body}"
        );
    }
    let upload = |name: &str, bytes: Vec<u8>| {
        let url = api.url(&format!("{b}/files?name={name}"));
        owner.client.post(url).body(bytes)
    };
    let png = super::apps::png(4, 4);
    let reply = api.send(upload("photo.pdf", png)).await;
    assert_eq!(
        (reply.status, reply.error()),
        (422, ("unsupported_file_type", Some("file")))
    );
    let reply = api.send(upload("empty.txt", b" \n ".to_vec())).await;
    assert_eq!(
        (reply.status, reply.error()),
        (422, ("empty_document", Some("file")))
    );
    let reply = api
        .send(upload(
            "bad.csv",
            b"question,answer\nonly a question\n".to_vec(),
        ))
        .await;
    assert_eq!(
        (reply.status, reply.error()),
        (422, ("invalid_csv", Some("file")))
    );
    let reply = api
        .send(upload(
            "huge.txt",
            vec![b'a'; mimi_ingest::MAX_FILE_BYTES + 1],
        ))
        .await;
    assert_eq!(
        (reply.status, reply.error()),
        (413, ("too_large", Some("file")))
    );
    let reply = api
        .send(
            owner
                .client
                .post(api.url(&format!("{b}/files")))
                .body("text"),
        )
        .await;
    assert_eq!(
        (reply.status, reply.error()),
        (422, ("file_name_required", Some("name")))
    );
    let reply = api.get(&owner.client, &format!("{b}?status=done")).await;
    assert_eq!((reply.status, reply.error().0), (422, "invalid_query"));
    assert_eq!(api.count("knowledge_items").await, 0);
    assert_eq!(api.count("knowledge_uploads").await, 0);
}

#[tokio::test]
async fn importing_a_private_address_is_refused_without_the_test_setting() {
    let api = Api::start_with_fetching(false).await;
    let owner = api.owner("Ann", "ann@example.com").await;
    let app = app(&api, &owner, "ann-site").await;
    for url in [
        "http://127.0.0.1:9/",
        "http://10.0.0.1/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
    ] {
        let reply = api
            .post(
                &owner.client,
                &format!("{}/imports", base(&owner, &app)),
                json!({ "url": url }),
            )
            .await;
        assert_eq!(
            (reply.status, reply.error()),
            (422, ("url_not_allowed", Some("url"))),
            "{url}"
        );
    }
    assert_eq!(api.count("knowledge_items").await, 0);
}

/// A small site on loopback: robots.txt keeping MimiBot out of /private/, a sitemap
/// listing two public pages and one private one, and one listing only the private one.
async fn test_site() -> (String, tokio::task::JoinHandle<()>) {
    use axum::routing::get;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let sitemap = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{base}/access</loc></url><url><loc>{base}/menu</loc></url><url><loc>{base}/private/staff</loc></url></urlset>"#
    );
    let html = |title: &str, body: &str| {
        axum::response::Html(format!(
            "<html><head><title>{title}</title></head><body><nav>Home | Menu</nav><main><h1>{title}</h1><p>{body}</p></main></body></html>"
        ))
    };
    let private_only = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{base}/private/staff</loc></url></urlset>"#
    );
    let access = html(
        "Access",
        "The café is a three-minute walk from the north exit of Kichijoji station.",
    );
    let menu = html(
        "Menu",
        "Our seasonal menu offers hojicha lattes and matcha cheesecake.",
    );
    let private = html("Staff", "Staff rota and the alarm code.");
    let router = axum::Router::new()
        .route(
            "/robots.txt",
            get(|| async { "User-agent: *\nDisallow: /private/\n" }),
        )
        .route(
            "/sitemap.xml",
            get(move || async move { ([("content-type", "application/xml")], sitemap) }),
        )
        .route(
            "/private.xml",
            get(move || async move { ([("content-type", "application/xml")], private_only) }),
        )
        .route("/access", get(move || async move { access }))
        .route("/menu", get(move || async move { menu }))
        .route("/private/staff", get(move || async move { private }));
    let server = tokio::spawn(async move {
        axum::serve(listener, router).await.unwrap();
    });
    (base, server)
}

#[tokio::test]
async fn a_sitemap_import_fetches_the_pages_robots_allow_and_they_become_searchable() {
    let api = Api::start().await;
    let owner = api.owner("Ann", "ann@example.com").await;
    let app = app(&api, &owner, "ann-cafe").await;
    let (site, _server) = test_site().await;
    let reply = api
        .post(
            &owner.client,
            &format!("{}/imports", base(&owner, &app)),
            json!({ "url": format!("{site}/sitemap.xml"), "sitemap": true }),
        )
        .await;
    assert_eq!(reply.status, 201, "{reply:?}");
    let mut links: Vec<&str> = reply.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["link"].as_str().unwrap())
        .collect();
    links.sort_unstable();
    assert_eq!(links, [format!("{site}/access"), format!("{site}/menu")]);

    assert_eq!(api.index().await, 2);
    let items = api.get(&owner.client, &base(&owner, &app)).await;
    let mut titles: Vec<(&str, &str)> = items
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["title"].as_str().unwrap(), i["status"].as_str().unwrap()))
        .collect();
    titles.sort_unstable();
    assert_eq!(titles, [("Access", "ready"), ("Menu", "ready")]);
    let found = search(&api, &owner, &app, "how do I get there from the station?").await;
    assert_eq!(found[0]["title"], "Access", "{found:#?}");
    assert_eq!(found[0]["link"], format!("{site}/access"));

    // The same page again is a conflict; the same sitemap again adds nothing new.
    let again = api
        .post(
            &owner.client,
            &format!("{}/imports", base(&owner, &app)),
            json!({ "url": format!("{site}/menu") }),
        )
        .await;
    assert_eq!(
        (again.status, again.error()),
        (409, ("url_already_imported", Some("url")))
    );
    let again = api
        .post(
            &owner.client,
            &format!("{}/imports", base(&owner, &app)),
            json!({ "url": format!("{site}/sitemap.xml"), "sitemap": true }),
        )
        .await;
    assert_eq!(again.status, 201, "{again:?}");
    assert_eq!(again.body["items"].as_array().unwrap().len(), 0);

    // A sitemap whose every page robots.txt forbids is an error, and adds nothing.
    let private = api
        .post(
            &owner.client,
            &format!("{}/imports", base(&owner, &app)),
            json!({ "url": format!("{site}/private.xml"), "sitemap": true }),
        )
        .await;
    assert_eq!(
        (private.status, private.error()),
        (422, ("sitemap_empty", Some("url"))),
        "{private:?}"
    );
    assert_eq!(
        private.body["error"]["message"],
        "the sitemap lists no pages this import may read"
    );
    let items = api.get(&owner.client, &base(&owner, &app)).await;
    assert_eq!(items.body.as_array().unwrap().len(), 2);
}
