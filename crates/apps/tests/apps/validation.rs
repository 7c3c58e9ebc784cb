//! Every rule of every field: the code and field a user sees, through both `create` and
//! `update`, and that a refused request writes nothing.

use mimi_apps::{AppPatch, NewApp};
use mimi_domain::Error;
use serde_json::{Value, json};

use crate::{Env, new_app};

/// One bad input: its name, the fields as sent, the expected code and field.
struct Case {
    name: &'static str,
    input: Value,
    code: &'static str,
    field: &'static str,
}

fn case(name: &'static str, input: Value, code: &'static str, field: &'static str) -> Case {
    Case {
        name,
        input,
        code,
        field,
    }
}

fn n(count: usize, f: impl Fn(usize) -> Value) -> Value {
    Value::Array((0..count).map(f).collect())
}

fn link(title: &str, url: &str) -> Value {
    json!([{"title": "Shop", "url": "https://shop.example"}, {"title": title, "url": url}])
}

fn theme(key: &str, value: Value) -> Value {
    json!({ key: value })
}

fn cases() -> Vec<Case> {
    let long_url = format!("https://example.com/{}", "a".repeat(2048));
    vec![
        case(
            "handle too short",
            json!({"handle": "ab"}),
            "handle_too_short",
            "handle",
        ),
        case(
            "handle too long",
            json!({"handle": "a".repeat(31)}),
            "handle_too_long",
            "handle",
        ),
        case(
            "handle with a space",
            json!({"handle": "my shop"}),
            "handle_invalid",
            "handle",
        ),
        case(
            "handle with a dot",
            json!({"handle": "my.shop"}),
            "handle_invalid",
            "handle",
        ),
        case(
            "handle reserved",
            json!({"handle": "Admin"}),
            "handle_reserved",
            "handle",
        ),
        case("name empty", json!({"name": "  "}), "name_required", "name"),
        case(
            "name too long",
            json!({"name": "名".repeat(81)}),
            "name_too_long",
            "name",
        ),
        case(
            "name with a control character",
            json!({"name": "a\u{0}b"}),
            "name_invalid",
            "name",
        ),
        case(
            "site not a URL",
            json!({"site_url": "my shop"}),
            "site_url_invalid",
            "site_url",
        ),
        case(
            "site relative",
            json!({"site_url": "/about"}),
            "site_url_invalid",
            "site_url",
        ),
        case(
            "site with credentials",
            json!({"site_url": "https://a@b.example"}),
            "site_url_invalid",
            "site_url",
        ),
        case(
            "site javascript",
            json!({"site_url": "javascript:alert(1)"}),
            "site_url_scheme_unsupported",
            "site_url",
        ),
        case(
            "site ftp",
            json!({"site_url": "ftp://files.example"}),
            "site_url_scheme_unsupported",
            "site_url",
        ),
        case(
            "site too long",
            json!({"site_url": long_url}),
            "site_url_too_long",
            "site_url",
        ),
        case(
            "bio too long",
            json!({"bio": "x".repeat(1001)}),
            "bio_too_long",
            "bio",
        ),
        case(
            "bio with an escape sequence",
            json!({"bio": "\u{1b}[31mred"}),
            "bio_invalid",
            "bio",
        ),
        case(
            "links too many",
            json!({"links": n(21, |i| json!({"title": format!("L{i}"), "url": "https://a.example"}))}),
            "links_too_many",
            "links",
        ),
        case(
            "link title empty",
            json!({"links": link(" ", "https://a.example")}),
            "links_title_required",
            "links",
        ),
        case(
            "link title too long",
            json!({"links": link(&"t".repeat(81), "https://a.example")}),
            "links_title_too_long",
            "links",
        ),
        case(
            "link title with a line break",
            json!({"links": link("a\nb", "https://a.example")}),
            "links_title_invalid",
            "links",
        ),
        case(
            "link url not a URL",
            json!({"links": link("Shop", "shop")}),
            "links_url_invalid",
            "links",
        ),
        case(
            "link url javascript",
            json!({"links": link("Shop", "javascript:alert(1)")}),
            "links_url_scheme_unsupported",
            "links",
        ),
        case(
            "link url too long",
            json!({"links": link("Shop", &long_url)}),
            "links_url_too_long",
            "links",
        ),
        case(
            "theme colour a name",
            json!({"theme": theme("primary_color", json!("blue"))}),
            "theme_primary_color_invalid",
            "theme.primary_color",
        ),
        case(
            "theme colour short form",
            json!({"theme": theme("primary_color", json!("#fff"))}),
            "theme_primary_color_invalid",
            "theme.primary_color",
        ),
        case(
            "theme launcher on top",
            json!({"theme": theme("launcher_position", json!("top"))}),
            "theme_launcher_position_invalid",
            "theme.launcher_position",
        ),
        case(
            "theme greeting too long",
            json!({"theme": theme("greeting", json!("g".repeat(281)))}),
            "theme_greeting_too_long",
            "theme.greeting",
        ),
        case(
            "theme greeting with a control character",
            json!({"theme": theme("greeting", json!("hi\u{7}"))}),
            "theme_greeting_invalid",
            "theme.greeting",
        ),
        case(
            "theme questions too many",
            json!({"theme": theme("suggested_questions", n(7, |i| json!(format!("Q{i}?"))))}),
            "theme_suggested_questions_too_many",
            "theme.suggested_questions",
        ),
        case(
            "theme question empty",
            json!({"theme": theme("suggested_questions", json!(["Open?", ""]))}),
            "theme_suggested_questions_required",
            "theme.suggested_questions",
        ),
        case(
            "theme question too long",
            json!({"theme": theme("suggested_questions", json!(["q".repeat(121)]))}),
            "theme_suggested_questions_too_long",
            "theme.suggested_questions",
        ),
        case(
            "theme question with a control character",
            json!({"theme": theme("suggested_questions", json!(["a\u{8}"]))}),
            "theme_suggested_questions_invalid",
            "theme.suggested_questions",
        ),
        case(
            "language French",
            json!({"language": "fr"}),
            "language_unsupported",
            "language",
        ),
        case(
            "origins too many",
            json!({"allowed_origins": n(21, |i| json!(format!("https://s{i}.example")))}),
            "allowed_origins_too_many",
            "allowed_origins",
        ),
        case(
            "origin wildcard",
            json!({"allowed_origins": ["*"]}),
            "allowed_origins_invalid",
            "allowed_origins",
        ),
        case(
            "origin wildcard subdomain",
            json!({"allowed_origins": ["https://*.shop.example"]}),
            "allowed_origins_invalid",
            "allowed_origins",
        ),
        case(
            "origin with a path",
            json!({"allowed_origins": ["https://shop.example/widget"]}),
            "allowed_origins_invalid",
            "allowed_origins",
        ),
        case(
            "origin with a query",
            json!({"allowed_origins": ["https://shop.example?x=1"]}),
            "allowed_origins_invalid",
            "allowed_origins",
        ),
        case(
            "origin with credentials",
            json!({"allowed_origins": ["https://u:p@shop.example"]}),
            "allowed_origins_invalid",
            "allowed_origins",
        ),
        case(
            "origin without a scheme",
            json!({"allowed_origins": ["shop.example"]}),
            "allowed_origins_invalid",
            "allowed_origins",
        ),
        case(
            "origin not http",
            json!({"allowed_origins": ["file:///etc"]}),
            "allowed_origins_invalid",
            "allowed_origins",
        ),
        case(
            "contacts too many",
            json!({"public_contacts": n(21, |i| json!(format!("c{i}@shop.example")))}),
            "public_contacts_too_many",
            "public_contacts",
        ),
        case(
            "contact empty",
            json!({"public_contacts": [""]}),
            "public_contacts_required",
            "public_contacts",
        ),
        case(
            "contact too long",
            json!({"public_contacts": ["c".repeat(201)]}),
            "public_contacts_too_long",
            "public_contacts",
        ),
        case(
            "contact with a line break",
            json!({"public_contacts": ["03-1234\n5678"]}),
            "public_contacts_invalid",
            "public_contacts",
        ),
    ]
}

fn expect(case: &Case, result: Result<mimi_apps::App, Error>) {
    let err = result
        .err()
        .unwrap_or_else(|| panic!("{}: accepted", case.name));
    assert!(
        matches!(err, Error::Invalid { .. }),
        "{}: {err:?}",
        case.name
    );
    assert_eq!(
        (err.code(), err.field()),
        (case.code, Some(case.field)),
        "{}: {err}",
        case.name
    );
}

#[tokio::test]
async fn every_bad_field_on_create_names_its_code_and_field_and_writes_nothing() {
    let env = Env::new().await;
    let owner = env.workspace("alice").await;
    for case in cases() {
        let mut body = json!({"handle": "sakura", "name": "Sakura"});
        for (key, value) in case.input.as_object().unwrap() {
            body[key] = value.clone();
        }
        let new: NewApp = serde_json::from_value(body).unwrap();
        expect(&case, mimi_apps::create(&env.pool, &owner, &new).await);
    }
    assert_eq!(env.count("apps").await, 0);
}

#[tokio::test]
async fn every_bad_field_in_a_patch_names_its_code_and_field_and_changes_nothing() {
    let env = Env::new().await;
    let owner = env.workspace("alice").await;
    let app = mimi_apps::create(&env.pool, &owner, &new_app("sakura"))
        .await
        .unwrap();
    for case in cases() {
        // A good change beside the bad one must not be half-applied either.
        let mut body = case.input.clone();
        body["bio"] = body.get("bio").cloned().unwrap_or(json!("changed"));
        let patch: AppPatch = serde_json::from_value(body).unwrap();
        expect(
            &case,
            mimi_apps::update(&env.pool, &owner, app.id, &patch).await,
        );
        assert_eq!(
            mimi_apps::get(&env.pool, &owner, app.id).await.unwrap(),
            app,
            "{}",
            case.name
        );
    }
    assert_eq!(env.count("apps").await, 1);
}

#[tokio::test]
async fn a_bad_list_item_is_named_by_its_position() {
    let env = Env::new().await;
    let owner = env.workspace("alice").await;
    let new: NewApp = serde_json::from_value(json!({
        "handle": "sakura", "name": "Sakura",
        "links": link("Menu", "ftp://menu.example"),
    }))
    .unwrap();
    let err = mimi_apps::create(&env.pool, &owner, &new)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("link 2"), "{err}");
    let new: NewApp = serde_json::from_value(json!({
        "handle": "sakura", "name": "Sakura",
        "allowed_origins": ["https://shop.example", "https://shop.example/x"],
    }))
    .unwrap();
    let err = mimi_apps::create(&env.pool, &owner, &new)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("origin 2"), "{err}");
}

#[tokio::test]
async fn good_input_is_trimmed_and_normalised() {
    let env = Env::new().await;
    let owner = env.workspace("alice").await;
    let new: NewApp = serde_json::from_value(json!({
        "handle": " Sakura-Cafe ",
        "name": "  Sakura Café ",
        "site_url": " https://Sakura.example ",
        "bio": "Coffee.\r\nCake.",
        "links": [{"title": " Menu ", "url": "https://sakura.example/menu"}],
        "theme": {"primary_color": "#AABBCC", "launcher_position": "left",
                  "greeting": "いらっしゃいませ", "suggested_questions": [" Open today? "]},
        "language": "ja",
        "allowed_origins": ["https://Sakura.example:443/", "http://localhost:8080"],
        "public_contacts": [" info@sakura.example ", "03-1234-5678"],
    }))
    .unwrap();
    let app = mimi_apps::create(&env.pool, &owner, &new).await.unwrap();
    let json = serde_json::to_value(&app).unwrap();
    assert_eq!(json["handle"], "sakura-cafe");
    assert_eq!(json["name"], "Sakura Café");
    assert_eq!(json["site_url"], "https://sakura.example/");
    assert_eq!(json["bio"], "Coffee.\nCake.");
    assert_eq!(
        json["links"],
        json!([{"title": "Menu", "url": "https://sakura.example/menu"}])
    );
    assert_eq!(
        json["theme"],
        json!({"primary_color": "#aabbcc", "launcher_position": "left",
               "greeting": "いらっしゃいませ", "suggested_questions": ["Open today?"]})
    );
    assert_eq!(json["language"], "ja");
    assert_eq!(
        json["allowed_origins"],
        json!(["https://sakura.example", "http://localhost:8080"])
    );
    assert_eq!(
        json["public_contacts"],
        json!(["info@sakura.example", "03-1234-5678"])
    );
    assert_eq!(json["avatar_url"], Value::Null);
    // What was returned is what was stored.
    assert_eq!(
        mimi_apps::get(&env.pool, &owner, app.id).await.unwrap(),
        app
    );
}

#[tokio::test]
async fn a_new_app_without_settings_takes_the_defaults() {
    let env = Env::new().await;
    let owner = env.workspace("alice").await;
    let app = mimi_apps::create(&env.pool, &owner, &new_app("plain"))
        .await
        .unwrap();
    assert_eq!(app.theme, mimi_apps::Theme::default());
    assert_eq!(app.theme.primary_color, mimi_apps::DEFAULT_PRIMARY_COLOR);
    assert_eq!(app.language, mimi_domain::Language::En);
    assert_eq!((app.site_url, app.bio.as_str()), (None, ""));
    assert!(
        app.links.is_empty() && app.allowed_origins.is_empty() && app.public_contacts.is_empty()
    );
}
