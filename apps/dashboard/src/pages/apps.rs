//! The workspace's apps, and an app's settings: public page, images, links, widget,
//! answers, the embed snippet and a preview of the public page that reloads on save.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::i18n::t;
use crate::model::{AppView, Problem};
use crate::ui::{
    Confirm, FieldError, FormError, Layout, LoadError, PageTitle, failure, use_lang, uuid_param,
};
use crate::upload::{MAX_IMAGE_BYTES, Target, Upload};

/// The settings page's preview of `/@handle`: every successful save points it at the
/// saved handle and reloads it.
#[derive(Clone, Copy)]
struct Preview {
    handle: RwSignal<String>,
    version: RwSignal<u32>,
}

impl Preview {
    /// Shows `app` as just saved.
    fn saved(self, app: &AppView) {
        self.handle.set(app.handle.clone());
        self.version.update(|v| *v += 1);
    }

    /// Follows `action`: each answer that saved the app reloads the preview.
    fn follow<A>(action: ServerAction<A>)
    where
        A: leptos::server_fn::ServerFn<Output = AppView, Error = Problem>
            + Clone
            + Send
            + Sync
            + 'static,
        ServerAction<A>: Copy,
    {
        let preview = use_context::<Preview>();
        Effect::new(move |_| {
            if let (Some(Ok(app)), Some(preview)) = (action.value().get(), preview) {
                preview.saved(&app);
            }
        });
    }
}

/// `/dashboard/w/{ws}`: the apps, and a form for a new one.
#[component]
pub fn AppList() -> impl IntoView {
    view! { <Layout><AppListBody/></Layout> }
}

#[component]
fn AppListBody() -> impl IntoView {
    let lang = use_lang();
    let ws = uuid_param("ws");
    let apps = Resource::new(
        move || ws.get(),
        |ws| async move {
            match ws {
                Some(ws) => api::list_apps(ws).await,
                None => Err(Problem::new("not_found", "not found")),
            }
        },
    );
    let create = ServerAction::<api::CreateApp>::new();
    let problem = failure(create);
    let l = lang.get_untracked();
    view! {
        <PageTitle key="apps"/>
        <h1>{t(l, "apps")}</h1>
        <Suspense fallback=move || view! { <p class="loading">{t(l, "loading")}</p> }>
            {move || Suspend::new(async move {
                match apps.await {
                    Ok(list) if list.is_empty() => view! { <p class="empty">{t(l, "no_apps")}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="cards">
                            {list.into_iter().map(|app| app_card(ws.get_untracked(), app)).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(p) => view! { <LoadError problem=p/> }.into_any(),
                }
            })}
        </Suspense>
        <section class="panel">
            <h2>{t(l, "new_app")}</h2>
            <ActionForm action=create attr:novalidate=true>
                <FormError problem fields=&["handle", "name"]/>
                <input type="hidden" name="workspace" value=move || ws.get().map(|w| w.to_string())/>
                <label>{t(l, "app_name")}<input name="name" required/></label>
                <FieldError problem field="name"/>
                <label>{t(l, "handle")}<input name="handle" required pattern="[a-z0-9-]{3,30}" autocapitalize="off"/></label>
                <p class="hint">{t(l, "handle_hint")}</p>
                <FieldError problem field="handle"/>
                <button type="submit" disabled=move || create.pending().get()>{t(l, "create_app")}</button>
            </ActionForm>
        </section>
    }
}

fn app_card(ws: Option<uuid::Uuid>, app: AppView) -> impl IntoView {
    let lang = use_lang();
    let l = lang.get_untracked();
    let ws = ws.map(|w| w.to_string()).unwrap_or_default();
    view! {
        <li class="card">
            <h3><A href=format!("/dashboard/w/{ws}/apps/{}", app.id)>{app.name.clone()}</A></h3>
            <p class="muted">"/@"{app.handle.clone()}</p>
            <p class="actions">
                <A href=format!("/dashboard/w/{ws}/apps/{}/knowledge", app.id)>{t(l, "knowledge")}</A>
                <A href=format!("/dashboard/w/{ws}/apps/{}", app.id)>{t(l, "settings")}</A>
                <a href=format!("/@{}", app.handle) target="_blank" rel="noopener">{t(l, "open_page")}</a>
            </p>
        </li>
    }
}

/// The tabs of an app's pages.
#[component]
pub fn AppTabs(app: AppView) -> impl IntoView {
    let l = use_lang().get_untracked();
    let ws = uuid_param("ws")
        .get_untracked()
        .map(|w| w.to_string())
        .unwrap_or_default();
    view! {
        <nav class="tabs" aria-label=app.name.clone()>
            <A href=format!("/dashboard/w/{ws}/apps/{}/knowledge", app.id)>{t(l, "knowledge")}</A>
            <A href=format!("/dashboard/w/{ws}/apps/{}", app.id) exact=true>{t(l, "settings")}</A>
            <a href=format!("/@{}", app.handle) target="_blank" rel="noopener">"/@"{app.handle.clone()}</a>
        </nav>
    }
}

/// The app of the route, loaded.
pub fn app_resource() -> Resource<Result<AppView, Problem>> {
    let ws = uuid_param("ws");
    let app = uuid_param("app");
    Resource::new(
        move || (ws.get(), app.get()),
        |ids| async move {
            match ids {
                (Some(ws), Some(app)) => api::load_app(ws, app).await,
                _ => Err(Problem::new("not_found", "not found")),
            }
        },
    )
}

/// `/dashboard/w/{ws}/apps/{app}`: public page, widget and embed snippet.
#[component]
pub fn AppSettings() -> impl IntoView {
    view! { <Layout><AppSettingsBody/></Layout> }
}

#[component]
fn AppSettingsBody() -> impl IntoView {
    let l = use_lang().get_untracked();
    let app = app_resource();
    view! {
        <PageTitle key="settings"/>
        <Suspense fallback=move || view! { <p class="loading">{t(l, "loading")}</p> }>
            {move || Suspend::new(async move {
                match app.await {
                    Ok(found) => view! { <SettingsForms app=found/> }.into_any(),
                    Err(p) => view! { <LoadError problem=p/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SettingsForms(app: AppView) -> impl IntoView {
    let l = use_lang().get_untracked();
    let public_url = app_public_origin();
    let snippet = format!(
        "<script src=\"{public_url}/widget.js\" data-app=\"{}\" async></script>",
        app.handle
    );
    let copied = RwSignal::new(false);
    let snippet_for_copy = snippet.clone();
    let preview = Preview {
        handle: RwSignal::new(app.handle.clone()),
        version: RwSignal::new(0),
    };
    provide_context(preview);
    // A query the page ignores, so that the same handle loads again.
    let preview_src = move || match preview.version.get() {
        0 => format!("/@{}", preview.handle.get()),
        v => format!("/@{}?saved={v}", preview.handle.get()),
    };
    view! {
        <h1>{app.name.clone()}</h1>
        <AppTabs app=app.clone()/>
        <div class="columns">
            <div>
                <ProfileForm app=app.clone()/>
                <ImagesForm app=app.clone()/>
                <LinksForm app=app.clone()/>
            </div>
            <div>
                <WidgetForm app=app.clone()/>
                <ChatForm app/>
            </div>
        </div>
        <section class="panel">
            <h2>{t(l, "embed")}</h2>
            <p class="hint">{t(l, "embed_hint")}</p>
            <pre class="snippet"><code>{snippet}</code></pre>
            <button type="button" class="secondary" on:click=move |_| {
                crate::live::copy_to_clipboard(&snippet_for_copy);
                copied.set(true);
            }>{move || if copied.get() { t(l, "copied") } else { t(l, "copy") }}</button>
            <h3>{t(l, "preview")}</h3>
            <iframe class="preview" title=t(l, "preview") src=preview_src></iframe>
        </section>
    }
}

fn saved(answer: Option<Result<AppView, Problem>>) -> bool {
    matches!(answer, Some(Ok(_)))
}

/// The workspace and the app a settings form saves to.
fn app_fields(app: uuid::Uuid) -> impl IntoView {
    let ws = uuid_param("ws").get_untracked().map(|w| w.to_string());
    view! {
        <input type="hidden" name="workspace" value=ws.unwrap_or_default()/>
        <input type="hidden" name="app" value=app.to_string()/>
    }
}

/// A settings form's button, and "Saved." once its last save succeeded.
#[component]
fn SaveRow(pending: Signal<bool>, saved: Signal<bool>) -> impl IntoView {
    let l = use_lang().get_untracked();
    view! {
        <button type="submit" disabled=pending>{t(l, "save")}</button>
        <Show when=move || saved.get()>
            <span class="saved" role="status">{t(l, "saved")}</span>
        </Show>
    }
}

#[component]
fn ProfileForm(app: AppView) -> impl IntoView {
    let l = use_lang().get_untracked();
    let profile = ServerAction::<api::SaveProfile>::new();
    Preview::follow(profile);
    let problem = failure(profile);
    view! {
        <section class="panel">
            <h2>{t(l, "profile")}</h2>
            <ActionForm action=profile attr:novalidate=true>
                <FormError problem fields=&["name", "handle", "site_url", "bio"]/>
                {app_fields(app.id)}
                <label>{t(l, "app_name")}<input name="name" value=app.name required/></label>
                <FieldError problem field="name"/>
                <label>{t(l, "handle")}<input name="handle" value=app.handle required autocapitalize="off"/></label>
                <FieldError problem field="handle"/>
                <label>{t(l, "site_url")}<input name="site_url" type="url" value=app.site_url.unwrap_or_default()/></label>
                <FieldError problem field="site_url"/>
                <label>{t(l, "bio")}<textarea name="bio" rows="4">{app.bio}</textarea></label>
                <FieldError problem field="bio"/>
                <SaveRow pending=Signal::from(profile.pending()) saved=Signal::derive(move || saved(profile.value().get()))/>
            </ActionForm>
        </section>
    }
}

/// The avatar (beside the name, on the widget's launcher) and the cover (the public
/// page's banner): uploaded with progress to the owner API, removed after a confirmation.
#[component]
fn ImagesForm(app: AppView) -> impl IntoView {
    let l = use_lang().get_untracked();
    let ws = uuid_param("ws")
        .get_untracked()
        .map(|w| w.to_string())
        .unwrap_or_default();
    let base = Signal::stored(format!("/api/v1/workspaces/{ws}/apps/{}", app.id));
    let avatar = RwSignal::new(app.avatar_url.clone());
    let cover = RwSignal::new(app.cover_url.clone());
    let preview = use_context::<Preview>();
    let show = move |app: &AppView| {
        avatar.set(app.avatar_url.clone());
        cover.set(app.cover_url.clone());
        if let Some(preview) = preview {
            preview.saved(app);
        }
    };
    let remove = ServerAction::<api::RemoveImage>::new();
    Effect::new(move |_| {
        if let Some(Ok(app)) = remove.value().get() {
            show(&app);
        }
    });
    let problem = failure(remove);
    let on_sent = Callback::new(move |body: String| {
        if let Ok(app) = serde_json::from_str::<AppView>(&body) {
            show(&app);
        }
    });
    let image = |url: fn(&str, &str) -> String| Target {
        method: "PUT",
        url,
        base,
        field: "image",
        max_bytes: MAX_IMAGE_BYTES,
        too_large_code: "too_large",
    };
    let accept = "image/png,image/jpeg,image/webp";
    let kinds = [
        ("avatar", avatar, image(|base, _| format!("{base}/avatar"))),
        ("cover", cover, image(|base, _| format!("{base}/cover"))),
    ];
    view! {
        <section class="panel">
            <h2>{t(l, "images")}</h2>
            <p class="hint">{t(l, "images_hint")}</p>
            <FormError problem fields=&[]/>
            {kinds.into_iter().map(|(kind, current, target)| {
                let (ws, app_id) = (ws.clone(), app.id.to_string());
                let label = if kind == "avatar" { t(l, "avatar") } else { t(l, "cover") };
                view! {
                    <div class=format!("image-slot {kind}")>
                        {move || current.get().map(|src| view! { <img src=src alt=label class=kind/> })}
                        <Upload target accept label button=t(l, "upload") on_sent/>
                        {move || current.get().is_some().then(|| remove_image_form(remove, ws.clone(), app_id.clone(), kind))}
                    </div>
                }
            }).collect_view()}
        </section>
    }
}

/// The confirmed removal of one image.
fn remove_image_form(
    remove: ServerAction<api::RemoveImage>,
    ws: String,
    app: String,
    kind: &'static str,
) -> impl IntoView {
    let l = use_lang().get_untracked();
    view! {
        <Confirm label=t(l, "remove") question=t(l, "confirm_remove_image")>
            <ActionForm action=remove>
                <input type="hidden" name="workspace" value=ws/>
                <input type="hidden" name="app" value=app/>
                <input type="hidden" name="kind" value=kind/>
                <button type="submit" class="danger">{t(l, "remove")}</button>
            </ActionForm>
        </Confirm>
    }
}

#[component]
fn WidgetForm(app: AppView) -> impl IntoView {
    let l = use_lang().get_untracked();
    let widget = ServerAction::<api::SaveWidget>::new();
    Preview::follow(widget);
    let problem = failure(widget);
    view! {
        <section class="panel">
            <h2>{t(l, "widget")}</h2>
            <ActionForm action=widget attr:novalidate=true>
                <FormError problem fields=&["theme.primary_color", "theme.launcher_position", "theme.greeting", "theme.suggested_questions", "allowed_origins", "public_contacts"]/>
                {app_fields(app.id)}
                <label>{t(l, "primary_color")}<input name="primary_color" type="color" value=app.theme.primary_color/></label>
                <FieldError problem field="theme.primary_color"/>
                <label>{t(l, "launcher_position")}
                    <select name="launcher_position">
                        <option value="right" selected=app.theme.launcher_position == "right">{t(l, "launcher_right")}</option>
                        <option value="left" selected=app.theme.launcher_position == "left">{t(l, "launcher_left")}</option>
                    </select>
                </label>
                <FieldError problem field="theme.launcher_position"/>
                <label>{t(l, "greeting")}<textarea name="greeting" rows="2">{app.theme.greeting}</textarea></label>
                <FieldError problem field="theme.greeting"/>
                <label>{t(l, "suggested")}<textarea name="suggested_questions" rows="3">{app.theme.suggested_questions.join("\n")}</textarea></label>
                <FieldError problem field="theme.suggested_questions"/>
                <label>{t(l, "origins")}<textarea name="allowed_origins" rows="3" placeholder="https://example.jp">{app.allowed_origins.join("\n")}</textarea></label>
                <FieldError problem field="allowed_origins"/>
                <label>{t(l, "contacts")}<textarea name="public_contacts" rows="2">{app.public_contacts.join("\n")}</textarea></label>
                <FieldError problem field="public_contacts"/>
                <SaveRow pending=Signal::from(widget.pending()) saved=Signal::derive(move || saved(widget.value().get()))/>
            </ActionForm>
        </section>
    }
}

#[component]
fn LinksForm(app: AppView) -> impl IntoView {
    let l = use_lang().get_untracked();
    let save = ServerAction::<api::SaveLinks>::new();
    Preview::follow(save);
    let problem = failure(save);
    let text = app
        .links
        .iter()
        .map(|link| format!("{} | {}", link.title, link.url))
        .collect::<Vec<_>>()
        .join("\n");
    view! {
        <section class="panel">
            <h2>{t(l, "links")}</h2>
            <ActionForm action=save attr:novalidate=true>
                <FormError problem fields=&["links"]/>
                {app_fields(app.id)}
                <label>{t(l, "links_hint")}<textarea name="links" rows="3" placeholder="Menu | https://example.jp/menu">{text}</textarea></label>
                <FieldError problem field="links"/>
                <SaveRow pending=Signal::from(save.pending()) saved=Signal::derive(move || saved(save.value().get()))/>
            </ActionForm>
        </section>
    }
}

#[component]
fn ChatForm(app: AppView) -> impl IntoView {
    let l = use_lang().get_untracked();
    let save = ServerAction::<api::SaveChat>::new();
    Preview::follow(save);
    let problem = failure(save);
    let offered = Resource::new(|| (), |()| api::providers());
    let chat = app.chat.clone();
    let current = chat.provider.clone();
    view! {
        <section class="panel">
            <h2>{t(l, "model_settings")}</h2>
            <ActionForm action=save attr:novalidate=true>
                <FormError problem fields=&["chat.provider", "chat.model", "chat.temperature", "chat.persona", "chat.instructions", "chat.answer_language"]/>
                {app_fields(app.id)}
                <Suspense fallback=|| ()>
                    {move || {
                        let current = current.clone();
                        Suspend::new(async move {
                            let options = offered.await.unwrap_or_default().into_iter().map(|p| {
                                let selected = p == current;
                                let label = p.clone();
                                view! { <option value=p selected=selected>{label}</option> }
                            }).collect_view();
                            view! { <label>{t(l, "provider")}<select name="provider">{options}</select></label> }
                        })
                    }}
                </Suspense>
                <p class="hint">{t(l, "provider_hint")}</p>
                <FieldError problem field="chat.provider"/>
                <label>{t(l, "model")}<input name="model" value=chat.model/></label>
                <FieldError problem field="chat.model"/>
                <label>{t(l, "temperature")}<input name="temperature" inputmode="decimal" value=chat.temperature.map(|t| t.to_string()).unwrap_or_default()/></label>
                <FieldError problem field="chat.temperature"/>
                <label>{t(l, "persona")}<textarea name="persona" rows="2">{chat.persona}</textarea></label>
                <FieldError problem field="chat.persona"/>
                <label>{t(l, "instructions")}<textarea name="instructions" rows="3">{chat.instructions}</textarea></label>
                <FieldError problem field="chat.instructions"/>
                <label>{t(l, "answer_language")}
                    <select name="answer_language">
                        <option value="auto" selected=chat.answer_language == "auto">{t(l, "answer_auto")}</option>
                        <option value="en" selected=chat.answer_language == "en">"English"</option>
                        <option value="ja" selected=chat.answer_language == "ja">"日本語"</option>
                    </select>
                </label>
                <FieldError problem field="chat.answer_language"/>
                <SaveRow pending=Signal::from(save.pending()) saved=Signal::derive(move || saved(save.value().get()))/>
            </ActionForm>
        </section>
    }
}

/// Where the embed snippet points: the server's public URL.
fn app_public_origin() -> String {
    #[cfg(feature = "ssr")]
    {
        crate::backend::services()
            .map(|s| s.public_url.clone())
            .unwrap_or_default()
    }
    #[cfg(all(not(feature = "ssr"), feature = "hydrate"))]
    {
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        String::new()
    }
}
