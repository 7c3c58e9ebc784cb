//! The server functions: the dashboard's only way to the data. Each one resolves the
//! caller (the session cookie) and calls the same capability-crate function as the
//! matching JSON API route, with the form's fields in the API's JSON shape; nothing is
//! implemented twice. They answer under `/dashboard/fn/…` and take URL-encoded forms,
//! so every `ActionForm` also works without JavaScript.

use leptos::prelude::*;
use uuid::Uuid;

#[cfg(feature = "ssr")]
use crate::backend::{input, problem, scope, services, session, set_cookie, view};
use crate::model::{AppView, Item, Me, Passage, Problem, Summary, Thread};

/// The signed-in owner, or `None`.
#[server(prefix = "/dashboard/fn", endpoint = "current-owner")]
pub async fn current_owner() -> Result<Option<Me>, Problem> {
    let (services, session) = match session().await {
        Ok(found) => found,
        Err(p) if p.is_unauthenticated() => return Ok(None),
        Err(p) => return Err(p),
    };
    let account = services
        .accounts
        .account(session.account_id)
        .await
        .map_err(problem)?;
    let workspaces = services
        .accounts
        .workspaces(session.account_id)
        .await
        .map_err(problem)?;
    Ok(Some(Me {
        id: session.account_id,
        name: account.name.clone(),
        email: account.email.clone(),
        language: account.language.0.as_str().to_owned(),
        workspaces: view(workspaces)?,
    }))
}

/// Signs up (the age confirmation is a checkbox: present means confirmed).
#[server(prefix = "/dashboard/fn", endpoint = "sign-up")]
pub async fn sign_up(
    name: String,
    email: String,
    password: String,
    workspace_name: String,
    language: String,
    age_confirmed: Option<String>,
) -> Result<(), Problem> {
    let services = services()?;
    let ip = services
        .host
        .client_ip(&crate::backend::parts()?)
        .ok_or_else(|| Problem::new("internal", "no client address"))?;
    services
        .accounts
        .sign_up(
            mimi_accounts::SignUp {
                name,
                email,
                password,
                workspace_name,
                language: mimi_domain::Language::from_tag(&language).unwrap_or_default(),
                age_confirmed: age_confirmed.is_some(),
            },
            ip,
        )
        .await
        .map_err(problem)
}

#[cfg(feature = "ssr")]
async fn begin_session(
    services: &crate::backend::Services,
    signed_in: mimi_accounts::SignedIn,
    next: Option<&str>,
) -> Result<(), Problem> {
    set_cookie(services.host.seal_session(
        &signed_in.session_token,
        services.accounts.config().session_ttl,
    ));
    leptos_axum::redirect(next.and_then(next_page).unwrap_or("/dashboard"));
    Ok(())
}

/// Where to go after signing in: only a path of the dashboard itself (never another
/// site, `//host` or `/\host`), else the start page.
pub fn next_page(next: &str) -> Option<&str> {
    let rest = next.strip_prefix("/dashboard/")?;
    (!rest.starts_with('/') && !next.contains('\\') && !next.chars().any(char::is_control))
        .then_some(next)
}

/// Confirms the address of a new account from the mailed link, and signs in.
#[server(prefix = "/dashboard/fn", endpoint = "verify-email")]
pub async fn verify_email(token: String) -> Result<(), Problem> {
    let services = services()?;
    let signed_in = services
        .accounts
        .verify_email(&token)
        .await
        .map_err(problem)?;
    begin_session(&services, signed_in, None).await
}

/// Signs in, then opens `next` (a dashboard path, such as an invitation's page).
#[server(prefix = "/dashboard/fn", endpoint = "sign-in")]
pub async fn sign_in(email: String, password: String, next: Option<String>) -> Result<(), Problem> {
    let services = services()?;
    let ip = services
        .host
        .client_ip(&crate::backend::parts()?)
        .ok_or_else(|| Problem::new("internal", "no client address"))?;
    let signed_in = services
        .accounts
        .sign_in(&email, &password, ip)
        .await
        .map_err(problem)?;
    begin_session(&services, signed_in, next.as_deref()).await
}

/// Signs out of this browser.
#[server(prefix = "/dashboard/fn", endpoint = "sign-out")]
pub async fn sign_out() -> Result<(), Problem> {
    let (services, session) = session().await?;
    services.accounts.sign_out(session).await.map_err(problem)?;
    set_cookie(Some(services.host.clear_session()));
    leptos_axum::redirect("/dashboard/sign-in");
    Ok(())
}

/// Mails a reset link (answers alike for unknown addresses).
#[server(prefix = "/dashboard/fn", endpoint = "forgot-password")]
pub async fn forgot_password(email: String) -> Result<(), Problem> {
    services()?
        .accounts
        .request_password_reset(&email)
        .await
        .map_err(problem)
}

/// Sets a new password from a reset link, and signs in.
#[server(prefix = "/dashboard/fn", endpoint = "reset-password")]
pub async fn reset_password(token: String, password: String) -> Result<(), Problem> {
    let services = services()?;
    let signed_in = services
        .accounts
        .reset_password(&token, &password)
        .await
        .map_err(problem)?;
    begin_session(&services, signed_in, None).await
}

/// The workspace's apps.
#[server(prefix = "/dashboard/fn", endpoint = "list-apps")]
pub async fn list_apps(workspace: Uuid) -> Result<Vec<AppView>, Problem> {
    let (s, scope) = scope(workspace).await?;
    view(mimi_apps::list(&s.pool, &scope).await.map_err(problem)?)
}

/// Creates an app and opens its knowledge page.
#[server(prefix = "/dashboard/fn", endpoint = "create-app")]
pub async fn create_app(workspace: Uuid, handle: String, name: String) -> Result<(), Problem> {
    let (s, scope) = scope(workspace).await?;
    let new: mimi_apps::NewApp = input(serde_json::json!({ "handle": handle, "name": name }))?;
    let app = mimi_apps::create(&s.pool, &scope, &new)
        .await
        .map_err(problem)?;
    leptos_axum::redirect(&format!(
        "/dashboard/w/{workspace}/apps/{}/knowledge",
        app.id
    ));
    Ok(())
}

/// One app.
#[server(prefix = "/dashboard/fn", endpoint = "load-app")]
pub async fn load_app(workspace: Uuid, app: Uuid) -> Result<AppView, Problem> {
    let (s, scope) = scope(workspace).await?;
    view(
        mimi_apps::get(&s.pool, &scope, app)
            .await
            .map_err(problem)?,
    )
}

/// Applies `patch` (the API's `AppPatch` JSON) to the app and answers the saved app:
/// what `PATCH /api/v1/workspaces/{id}/apps/{id}` does, provider check included.
#[cfg(feature = "ssr")]
async fn patch_app(
    s: &crate::backend::Services,
    scope: &mimi_domain::Scope,
    app: Uuid,
    patch: serde_json::Value,
) -> Result<AppView, Problem> {
    let patch: mimi_apps::AppPatch = input(patch)?;
    s.chat
        .providers()
        .check(patch.chat.as_ref())
        .map_err(problem)?;
    view(
        mimi_apps::update(&s.pool, scope, app, &patch)
            .await
            .map_err(problem)?,
    )
}

/// Lines of a textarea, trimmed, without blank ones.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Saves the public page: name, handle, site, bio.
#[server(prefix = "/dashboard/fn", endpoint = "save-profile")]
pub async fn save_profile(
    workspace: Uuid,
    app: Uuid,
    name: String,
    handle: String,
    site_url: String,
    bio: String,
) -> Result<AppView, Problem> {
    let (s, scope) = scope(workspace).await?;
    let site_url = Some(site_url.trim().to_owned()).filter(|u| !u.is_empty());
    let patch = serde_json::json!({
        "name": name, "handle": handle, "site_url": site_url, "bio": bio,
    });
    patch_app(&s, &scope, app, patch).await
}

/// Saves the widget: colour, launcher side (`right` or `left`), greeting, suggested
/// questions, allowed origins and public contact details (textareas, one per line).
#[server(prefix = "/dashboard/fn", endpoint = "save-widget")]
pub async fn save_widget(
    workspace: Uuid,
    app: Uuid,
    primary_color: String,
    launcher_position: Option<String>,
    greeting: String,
    suggested_questions: String,
    allowed_origins: String,
    public_contacts: String,
) -> Result<AppView, Problem> {
    let (s, scope) = scope(workspace).await?;
    let patch = serde_json::json!({
        "theme": {
            "primary_color": primary_color,
            "launcher_position": launcher_position,
            "greeting": greeting,
            "suggested_questions": lines(&suggested_questions),
        },
        "allowed_origins": lines(&allowed_origins),
        "public_contacts": lines(&public_contacts),
    });
    patch_app(&s, &scope, app, patch).await
}

/// The providers this server offers apps (`extractive` always).
#[server(prefix = "/dashboard/fn", endpoint = "providers")]
pub async fn providers() -> Result<Vec<String>, Problem> {
    let s = services()?;
    let providers = s.chat.providers();
    Ok([
        mimi_apps::Provider::Extractive,
        mimi_apps::Provider::Anthropic,
        mimi_apps::Provider::Openai,
    ]
    .into_iter()
    .filter(|p| providers.offers(*p))
    .filter_map(|p| view::<_, String>(p).ok())
    .collect())
}

/// Saves how the app answers: provider, model, temperature (empty: the provider's
/// default), persona, instructions and answer language. A provider this server does not
/// offer is refused, as by the API.
#[server(prefix = "/dashboard/fn", endpoint = "save-chat")]
pub async fn save_chat(
    workspace: Uuid,
    app: Uuid,
    provider: String,
    model: String,
    temperature: String,
    persona: String,
    instructions: String,
    answer_language: String,
) -> Result<AppView, Problem> {
    let (s, scope) = scope(workspace).await?;
    let temperature = match temperature.trim() {
        "" => serde_json::Value::Null,
        t => match t.parse::<f64>() {
            Ok(value) => serde_json::json!(value),
            Err(_) => {
                return Err(problem(mimi_domain::Error::invalid(
                    "chat.temperature",
                    "chat_temperature_invalid",
                    "the temperature is a number from 0 to 1",
                )));
            }
        },
    };
    let patch = serde_json::json!({
        "chat": {
            "provider": provider, "model": model, "temperature": temperature,
            "persona": persona, "instructions": instructions, "answer_language": answer_language,
        },
    });
    patch_app(&s, &scope, app, patch).await
}

/// Saves the public page's links (one per line: `Title | https://…`).
#[server(prefix = "/dashboard/fn", endpoint = "save-links")]
pub async fn save_links(workspace: Uuid, app: Uuid, links: String) -> Result<AppView, Problem> {
    let (s, scope) = scope(workspace).await?;
    let links: Vec<serde_json::Value> = lines(&links)
        .iter()
        .map(|line| {
            let (title, url) = line.rsplit_once('|').unwrap_or(("", line.as_str()));
            serde_json::json!({ "title": title.trim(), "url": url.trim() })
        })
        .collect();
    patch_app(&s, &scope, app, serde_json::json!({ "links": links })).await
}

/// Removes the app's `avatar` or `cover` image. (Images are set by the owner API's
/// `PUT …/avatar` and `PUT …/cover`, which the page calls with the file as the body.)
#[server(prefix = "/dashboard/fn", endpoint = "remove-image")]
pub async fn remove_image(workspace: Uuid, app: Uuid, kind: String) -> Result<AppView, Problem> {
    let (s, scope) = scope(workspace).await?;
    let kind = match kind.as_str() {
        "avatar" => mimi_apps::ImageKind::Avatar,
        "cover" => mimi_apps::ImageKind::Cover,
        _ => {
            return Err(problem(mimi_domain::Error::invalid(
                "kind",
                "image_kind_invalid",
                "the image is `avatar` or `cover`",
            )));
        }
    };
    view(
        mimi_apps::remove_image(&s.pool, &s.storage, &scope, app, kind)
            .await
            .map_err(problem)?,
    )
}

/// The app's knowledge items, newest first.
#[server(prefix = "/dashboard/fn", endpoint = "list-items")]
pub async fn list_items(workspace: Uuid, app: Uuid) -> Result<Vec<Item>, Problem> {
    let (s, scope) = scope(workspace).await?;
    view(
        mimi_knowledge::list(&s.pool, &scope, app, Default::default())
            .await
            .map_err(problem)?,
    )
}

/// Adds an FAQ.
#[server(prefix = "/dashboard/fn", endpoint = "add-faq")]
pub async fn add_faq(
    workspace: Uuid,
    app: Uuid,
    question: String,
    answer: String,
    link: String,
) -> Result<Item, Problem> {
    let (s, scope) = scope(workspace).await?;
    let link = Some(link.trim().to_owned()).filter(|l| !l.is_empty());
    let faq: mimi_knowledge::NewFaq = input(serde_json::json!({
        "question": question, "answer": answer, "link": link,
    }))?;
    view(
        mimi_knowledge::add_faq(&s.pool, &scope, app, &faq, &s.limits)
            .await
            .map_err(problem)?,
    )
}

/// Adds a reference page.
#[server(prefix = "/dashboard/fn", endpoint = "add-page")]
pub async fn add_page(
    workspace: Uuid,
    app: Uuid,
    title: String,
    body: String,
) -> Result<Item, Problem> {
    let (s, scope) = scope(workspace).await?;
    let page: mimi_knowledge::NewPage = input(serde_json::json!({ "title": title, "body": body }))?;
    view(
        mimi_knowledge::add_page(&s.pool, &scope, app, &page, &s.limits)
            .await
            .map_err(problem)?,
    )
}

/// Imports a page of the owner's site, or every page of a sitemap (`sitemap` ticked).
#[server(prefix = "/dashboard/fn", endpoint = "import")]
pub async fn import(
    workspace: Uuid,
    app: Uuid,
    url: String,
    sitemap: Option<String>,
) -> Result<Vec<Item>, Problem> {
    let (s, scope) = scope(workspace).await?;
    view(
        mimi_knowledge::import(
            &s.pool,
            &scope,
            app,
            &s.fetching,
            &url,
            sitemap.is_some(),
            &s.limits,
        )
        .await
        .map_err(problem)?,
    )
}

/// Deletes an item and its passages.
#[server(prefix = "/dashboard/fn", endpoint = "delete-item")]
pub async fn delete_item(workspace: Uuid, item: Uuid) -> Result<(), Problem> {
    let (s, scope) = scope(workspace).await?;
    mimi_knowledge::delete(&s.pool, &scope, item)
        .await
        .map_err(problem)
}

/// What retrieval finds for `query` in the app, with scores.
#[server(prefix = "/dashboard/fn", endpoint = "test-retrieval")]
pub async fn test_retrieval(
    workspace: Uuid,
    app: Uuid,
    query: String,
) -> Result<Vec<Passage>, Problem> {
    let (s, scope) = scope(workspace).await?;
    let search: mimi_knowledge::TestSearch = input(serde_json::json!({ "query": query }))?;
    view(
        mimi_knowledge::test_search(&s.pool, &scope, app, &s.embedding, s.floors, &search)
            .await
            .map_err(problem)?,
    )
}

/// The inbox: `status` is `all`, `unanswered`, `handed_off`, `open` or `handled`;
/// `app` is an app's id, or empty for every app.
#[server(prefix = "/dashboard/fn", endpoint = "load-inbox")]
pub async fn load_inbox(
    workspace: Uuid,
    status: String,
    app: Option<String>,
) -> Result<Vec<Summary>, Problem> {
    let (s, scope) = scope(workspace).await?;
    let mut filter = match status.as_str() {
        "unanswered" => serde_json::json!({ "unanswered": true }),
        "handed_off" => serde_json::json!({ "handed_off": true }),
        "open" => serde_json::json!({ "handled": false }),
        "handled" => serde_json::json!({ "handled": true }),
        _ => serde_json::json!({}),
    };
    if let Some(app) = app.filter(|a| !a.is_empty()) {
        filter["app_id"] = serde_json::json!(app);
    }
    let filter: mimi_chat::InboxFilter = input(filter)?;
    view(
        mimi_chat::inbox(&s.pool, &scope, &filter)
            .await
            .map_err(problem)?,
    )
}

/// A conversation with its messages and citations.
#[server(prefix = "/dashboard/fn", endpoint = "load-thread")]
pub async fn load_thread(workspace: Uuid, conversation: Uuid) -> Result<Thread, Problem> {
    let (s, scope) = scope(workspace).await?;
    view(
        mimi_chat::thread(&s.pool, &scope, conversation)
            .await
            .map_err(problem)?,
    )
}

/// The owner's reply, which reaches the visitor's open widget.
#[server(prefix = "/dashboard/fn", endpoint = "reply")]
pub async fn reply(workspace: Uuid, conversation: Uuid, text: String) -> Result<(), Problem> {
    let (s, scope) = scope(workspace).await?;
    mimi_chat::reply(&s.pool, &scope, conversation, &text)
        .await
        .map_err(problem)?;
    Ok(())
}

/// Marks a conversation handled (`handled` = `true`) or open again.
#[server(prefix = "/dashboard/fn", endpoint = "set-handled")]
pub async fn set_handled(
    workspace: Uuid,
    conversation: Uuid,
    handled: bool,
) -> Result<(), Problem> {
    let (s, scope) = scope(workspace).await?;
    mimi_chat::set_handled(&s.pool, &scope, conversation, handled)
        .await
        .map_err(problem)?;
    Ok(())
}

/// Saves the owner's name and the language of the dashboard and mail.
#[server(prefix = "/dashboard/fn", endpoint = "save-account")]
pub async fn save_account(name: String, language: String) -> Result<(), Problem> {
    let (s, session) = session().await?;
    let language = mimi_domain::Language::from_tag(&language).ok_or_else(|| {
        problem(mimi_domain::Error::invalid(
            "language",
            "language_unsupported",
            "choose en or ja",
        ))
    })?;
    s.accounts
        .update_profile(session.account_id, Some(&name), Some(language))
        .await
        .map_err(problem)?;
    leptos_axum::redirect("/dashboard");
    Ok(())
}

/// The workspace's members, invitations and API keys (the last two for admins).
#[server(prefix = "/dashboard/fn", endpoint = "load-team")]
pub async fn load_team(workspace: Uuid) -> Result<crate::model::Team, Problem> {
    let (s, scope) = scope(workspace).await?;
    let members = s.accounts.members(&scope).await.map_err(problem)?;
    let admin = scope.require(mimi_domain::Role::Admin).is_ok();
    let (invites, api_keys) = if admin {
        (
            view(s.accounts.invites(&scope).await.map_err(problem)?)?,
            view(s.accounts.api_keys(&scope).await.map_err(problem)?)?,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    Ok(crate::model::Team {
        members: view(members)?,
        invites,
        api_keys,
    })
}

/// Invites `email` as `role` (`admin` or `member`); the invitation goes by mail.
#[server(prefix = "/dashboard/fn", endpoint = "invite")]
pub async fn invite(workspace: Uuid, email: String, role: String) -> Result<(), Problem> {
    let (s, scope) = scope(workspace).await?;
    s.accounts
        .invite(&scope, &email, &role)
        .await
        .map_err(problem)?;
    Ok(())
}

/// Changes a member: `admin` or `member` sets their role (admins; the owner's role
/// changes only by transfer), `remove` removes them (admins) or, with the caller's own
/// id, leaves the workspace (then the dashboard's start page opens), `owner` hands them
/// the workspace (the owner, who stays on as an admin). One server function for the
/// member forms keeps the browser's code small.
#[server(prefix = "/dashboard/fn", endpoint = "change-member")]
pub async fn change_member(workspace: Uuid, account: Uuid, change: String) -> Result<(), Problem> {
    let (s, scope) = scope(workspace).await?;
    let accounts = &s.accounts;
    match change.as_str() {
        "remove" => {
            accounts
                .remove_member(&scope, account)
                .await
                .map_err(problem)?;
            if scope.account_id == Some(account) {
                leptos_axum::redirect("/dashboard");
            }
            Ok(())
        }
        "owner" => accounts
            .transfer_ownership(&scope, account)
            .await
            .map_err(problem),
        role => accounts
            .set_role(&scope, account, role)
            .await
            .map_err(problem),
    }
}

/// Joins a workspace by the mailed invitation (signed in with the invited address), and
/// opens it.
#[server(prefix = "/dashboard/fn", endpoint = "accept-invite")]
pub async fn accept_invite(token: String) -> Result<(), Problem> {
    let (s, session) = session().await?;
    let joined = s
        .accounts
        .accept_invite(session.account_id, &token)
        .await
        .map_err(problem)?;
    leptos_axum::redirect(&format!("/dashboard/w/{}", joined.id));
    Ok(())
}

/// Withdraws an invitation (`what` = `invite`) or revokes an API key at once
/// (`api_key`).
#[server(prefix = "/dashboard/fn", endpoint = "revoke")]
pub async fn revoke(workspace: Uuid, what: String, id: Uuid) -> Result<(), Problem> {
    let (s, scope) = scope(workspace).await?;
    match what.as_str() {
        "invite" => s.accounts.revoke_invite(&scope, id).await,
        "api_key" => s.accounts.revoke_api_key(&scope, id).await,
        _ => Err(mimi_domain::Error::invalid(
            "what",
            "revoke_invalid",
            "revoke an `invite` or an `api_key`",
        )),
    }
    .map_err(problem)
}

/// Creates an API key; its secret is in the answer, once.
#[server(prefix = "/dashboard/fn", endpoint = "create-api-key")]
pub async fn create_api_key(workspace: Uuid, name: String) -> Result<String, Problem> {
    let (s, scope) = scope(workspace).await?;
    let created = s
        .accounts
        .create_api_key(&scope, &name)
        .await
        .map_err(problem)?;
    Ok(created.secret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_sign_in_only_a_dashboard_path_may_open() {
        assert_eq!(
            next_page("/dashboard/accept-invite?token=abc"),
            Some("/dashboard/accept-invite?token=abc")
        );
        for refused in [
            "https://evil.example/",
            "//evil.example/dashboard/",
            "/dashboard//evil.example",
            "/dashboard/\\evil.example",
            "/api/v1/workspaces",
            "/dashboard/x\r\nSet-Cookie: a=b",
            "",
        ] {
            assert_eq!(next_page(refused), None, "{refused}");
        }
    }

    #[test]
    fn textarea_lines_are_trimmed_and_blank_ones_dropped() {
        assert_eq!(lines(" a \n\n b\r\n"), vec!["a", "b"]);
    }
}
