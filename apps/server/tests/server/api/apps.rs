use serde_json::json;

use super::support::Api;

pub(super) fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(width, height, image::Rgb([200, 80, 120]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[tokio::test]
async fn an_owner_creates_edits_and_deletes_an_app() {
    let api = Api::start().await;
    let owner = api.owner("Sakura", "sakura@example.com").await;
    let ws = owner.workspace_id;
    let created = api
        .post(
            &owner.client,
            &format!("/workspaces/{ws}/apps"),
            json!({
                "handle": "Sakura-Cafe",
                "name": "さくらカフェ",
                "site_url": "https://sakura.example",
                "links": [{ "title": "Menu", "url": "https://sakura.example/menu" }],
                "theme": { "primary_color": "#FF6699", "suggested_questions": ["営業時間は？"] },
                "language": "ja",
                "allowed_origins": ["https://Sakura.example:443/"],
                "public_contacts": ["03-1234-5678"],
            }),
        )
        .await;
    assert_eq!(created.status, 201, "{created:?}");
    assert_eq!(created.body["handle"], "sakura-cafe");
    assert_eq!(created.body["theme"]["primary_color"], "#ff6699");
    assert_eq!(created.body["allowed_origins"][0], "https://sakura.example");
    let id = created.body["id"].as_str().unwrap();
    let path = format!("/workspaces/{ws}/apps/{id}");

    let patched = api
        .patch(
            &owner.client,
            &path,
            json!({ "bio": "駅前のカフェです", "site_url": null }),
        )
        .await;
    assert_eq!(patched.status, 200, "{patched:?}");
    assert_eq!(patched.body["bio"], "駅前のカフェです");
    assert!(patched.body["site_url"].is_null());
    assert_eq!(patched.body["name"], "さくらカフェ");
    let listed = api
        .get(&owner.client, &format!("/workspaces/{ws}/apps"))
        .await;
    assert_eq!(listed.body.as_array().unwrap().len(), 1);
    assert_eq!(api.delete(&owner.client, &path).await.status, 204);
    assert_eq!(api.get(&owner.client, &path).await.status, 404);
}

#[tokio::test]
async fn a_taken_handle_is_409_whatever_its_case_and_bad_fields_are_named() {
    let api = Api::start().await;
    let a = api.owner("A", "a@example.com").await;
    let b = api.owner("B", "b@example.com").await;
    let first = api
        .post(
            &a.client,
            &format!("/workspaces/{}/apps", a.workspace_id),
            json!({ "handle": "ramen", "name": "Ramen" }),
        )
        .await;
    assert_eq!(first.status, 201);
    let taken = api
        .post(
            &b.client,
            &format!("/workspaces/{}/apps", b.workspace_id),
            json!({ "handle": "RAMEN", "name": "Mine" }),
        )
        .await;
    assert_eq!(
        (taken.status, taken.error()),
        (409, ("handle_taken", Some("handle")))
    );
    let ws = b.workspace_id;
    let cases = [
        (
            json!({ "handle": "admin", "name": "x" }),
            "handle_reserved",
            "handle",
        ),
        (
            json!({ "handle": "no way", "name": "x" }),
            "handle_invalid",
            "handle",
        ),
        (
            json!({ "handle": "ok-handle", "name": "" }),
            "name_required",
            "name",
        ),
        (
            json!({ "handle": "ok-handle", "name": "x", "site_url": "javascript:alert(1)" }),
            "site_url_scheme_unsupported",
            "site_url",
        ),
        (
            json!({ "handle": "ok-handle", "name": "x", "links": [{ "title": "t", "url": "ftp://x.example" }] }),
            "links_url_scheme_unsupported",
            "links",
        ),
        (
            json!({ "handle": "ok-handle", "name": "x", "theme": { "primary_color": "red" } }),
            "theme_primary_color_invalid",
            "theme.primary_color",
        ),
        (
            json!({ "handle": "ok-handle", "name": "x", "allowed_origins": ["*"] }),
            "allowed_origins_invalid",
            "allowed_origins",
        ),
        (
            json!({ "handle": "ok-handle", "name": "x", "chat": { "temperature": 3 } }),
            "chat_temperature_out_of_range",
            "chat.temperature",
        ),
        (
            json!({ "handle": "ok-handle", "name": "x", "custom_domain": "https://help.shop.example" }),
            "custom_domain_invalid",
            "custom_domain",
        ),
        (
            json!({ "handle": "ok-handle", "name": "x", "chat": { "provider": "gpt" } }),
            "chat_provider_invalid",
            "chat.provider",
        ),
    ];
    for (body, code, field) in cases {
        let reply = api
            .post(&b.client, &format!("/workspaces/{ws}/apps"), body.clone())
            .await;
        assert_eq!(
            (reply.status, reply.error()),
            (422, (code, Some(field))),
            "{body}"
        );
    }
    assert_eq!(api.count("apps").await, 1, "failed requests leave no rows");
}

#[tokio::test]
async fn an_avatar_is_served_publicly_and_a_script_posing_as_an_image_is_refused() {
    let api = Api::start().await;
    let owner = api.owner("Pic", "pic@example.com").await;
    let ws = owner.workspace_id;
    let app = api
        .post(
            &owner.client,
            &format!("/workspaces/{ws}/apps"),
            json!({ "handle": "pic-shop", "name": "Pic" }),
        )
        .await;
    let avatar = api.url(&format!(
        "/workspaces/{ws}/apps/{}/avatar",
        app.body["id"].as_str().unwrap()
    ));

    let script = api
        .send(
            owner
                .client
                .put(&avatar)
                .header("content-type", "image/png")
                .body("<script>alert(1)</script>"),
        )
        .await;
    assert_eq!(
        (script.status, script.error()),
        (422, ("image_type_unsupported", Some("image")))
    );
    let huge = api
        .send(owner.client.put(&avatar).body(vec![0u8; 3 * 1024 * 1024]))
        .await;
    assert_eq!(
        (huge.status, huge.error()),
        (413, ("too_large", Some("image")))
    );
    assert_eq!(api.count("files").await, 0);

    let ok = api
        .send(
            owner
                .client
                .put(&avatar)
                .header("content-type", "text/plain")
                .body(png(64, 48)),
        )
        .await;
    assert_eq!(ok.status, 200, "{ok:?}");
    let url = ok.body["avatar_url"].as_str().unwrap().to_owned();
    let public = reqwest::get(api.app.url(&url)).await.unwrap();
    assert_eq!(public.status(), 200);
    assert_eq!(public.headers()["content-type"], "image/png");
    assert_eq!(public.headers()["x-content-type-options"], "nosniff");
    assert!(public.headers().get("set-cookie").is_none());
    let served = image::load_from_memory(&public.bytes().await.unwrap()).unwrap();
    assert_eq!((served.width(), served.height()), (64, 48));

    let removed = api.send(owner.client.delete(&avatar)).await;
    assert!(removed.body["avatar_url"].is_null());
    assert_eq!(reqwest::get(api.app.url(&url)).await.unwrap().status(), 404);
}
