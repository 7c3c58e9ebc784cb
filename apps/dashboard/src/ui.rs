//! Pieces every page uses: the signed-in layout, route parameters, the language and the
//! error messages next to fields.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Redirect};
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

use crate::api;
use crate::i18n::{Lang, problem as problem_text, t};
use crate::model::Problem;

/// The page's language, set by [`Layout`] from the owner's setting.
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<RwSignal<Lang>>().unwrap_or_else(|| RwSignal::new(Lang::En))
}

/// The language of a signed-out page: `?lang=ja`, English otherwise.
pub fn query_lang() -> Lang {
    let query = use_query_map();
    let lang = Lang::from_code(&query.read_untracked().get("lang").unwrap_or_default());
    use_lang().set(lang);
    lang
}

/// A query parameter of the current URL.
pub fn query(name: &'static str) -> Signal<String> {
    let query = use_query_map();
    Signal::derive(move || query.read().get(name).unwrap_or_default())
}

/// A uuid route parameter (`None` when absent or malformed: the page is then 404).
pub fn uuid_param(name: &'static str) -> Signal<Option<Uuid>> {
    let params = use_params_map();
    Signal::derive(move || {
        params
            .read()
            .get(name)
            .and_then(|s| Uuid::try_parse(&s).ok())
    })
}

/// The problem an action's last run answered, if it failed.
pub fn failure<T, A>(action: ServerAction<A>) -> Signal<Option<Problem>>
where
    A: leptos::server_fn::ServerFn<Output = T, Error = Problem> + Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
    ServerAction<A>: Copy,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// The message under a field when the last answer named it.
#[component]
pub fn FieldError(problem: Signal<Option<Problem>>, field: &'static str) -> impl IntoView {
    let lang = use_lang();
    move || {
        problem
            .get()
            .filter(|p| p.field.as_deref() == Some(field))
            .map(|p| {
                view! {
                    <p class="field-error" role="alert" data-code=p.code.clone()>
                        {problem_text(lang.get(), &p)}
                    </p>
                }
            })
    }
}

/// The message above a form for a problem that names none of its `fields`.
#[component]
pub fn FormError(
    problem: Signal<Option<Problem>>,
    fields: &'static [&'static str],
) -> impl IntoView {
    let lang = use_lang();
    move || {
        problem
            .get()
            .filter(|p| p.field.as_deref().is_none_or(|f| !fields.contains(&f)))
            .map(|p| {
                view! {
                    <p class="form-error" role="alert" data-code=p.code.clone()>
                        {problem_text(lang.get(), &p)}
                    </p>
                }
            })
    }
}

/// A problem loading a page's data, or 404.
#[component]
pub fn LoadError(problem: Problem) -> impl IntoView {
    let lang = use_lang();
    if problem.is_unauthenticated() {
        return view! { <Redirect path="/dashboard/sign-in"/> }.into_any();
    }
    #[cfg(feature = "ssr")]
    if problem.code == "not_found"
        && let Some(response) = use_context::<leptos_axum::ResponseOptions>()
    {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <div class="panel error" role="alert" data-code=problem.code.clone()>
            {problem_text(lang.get_untracked(), &problem)}
        </div>
    }
    .into_any()
}

/// A destructive action behind a second click that works without JavaScript: `label`
/// opens a disclosure with `question` and the real button (`children`: an `ActionForm`
/// with its own submit button).
#[component]
pub fn Confirm(label: &'static str, question: &'static str, children: Children) -> impl IntoView {
    view! {
        <details class="confirm">
            <summary class="danger link">{label}</summary>
            <div class="confirm-box">
                <p>{question}</p>
                {children()}
            </div>
        </details>
    }
}

/// A page title: "{page} · Mimi".
#[component]
pub fn PageTitle(key: &'static str) -> impl IntoView {
    let lang = use_lang();
    view! { <Title text=move || format!("{} · Mimi", t(lang.get(), key))/> }
}

/// The frame of every signed-in page: the owner is loaded first (signed out →
/// the sign-in page), the language set from their setting, then the header with the
/// workspace switcher and the page.
#[component]
pub fn Layout(children: ChildrenFn) -> impl IntoView {
    let lang = use_lang();
    let ws = uuid_param("ws");
    let me = Resource::new(|| (), |()| api::current_owner());
    let sign_out = ServerAction::<api::SignOut>::new();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t(lang.get_untracked(), "loading")}</p> }>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    let me = match me.await {
                        Ok(Some(me)) => me,
                        Ok(None) => return view! { <Redirect path="/dashboard/sign-in"/> }.into_any(),
                        Err(p) => return view! { <LoadError problem=p/> }.into_any(),
                    };
                    lang.set(Lang::from_code(&me.language));
                    let l = lang.get_untracked();
                    let current = ws.get_untracked();
                    let Some(workspace) = me.workspaces.iter().find(|w| Some(w.id) == current).cloned() else {
                        return view! { <LoadError problem=Problem::new("not_found", "not found")/> }.into_any();
                    };
                    let others: Vec<_> = me.workspaces.iter().filter(|w| w.id != workspace.id).cloned().collect();
                    view! {
                        <header class="top">
                            <a class="brand" href=format!("/dashboard/w/{}", workspace.id)>"Mimi"</a>
                            <nav aria-label=t(l, "dashboard")>
                                <A href=format!("/dashboard/w/{}", workspace.id) exact=true>{t(l, "apps")}</A>
                                <A href=format!("/dashboard/w/{}/inbox", workspace.id)>{t(l, "inbox")}</A>
                                <A href=format!("/dashboard/w/{}/team", workspace.id)>{t(l, "team")}</A>
                            </nav>
                            <details class="switcher">
                                <summary>{workspace.name.clone()}</summary>
                                <ul>
                                    {others.into_iter().map(|w| view! {
                                        <li><a href=format!("/dashboard/w/{}", w.id)>{w.name}</a></li>
                                    }).collect_view()}
                                    <li class="who">{me.name.clone()}" · "{me.email.clone()}</li>
                                    <li>
                                        <ActionForm action=sign_out>
                                            <button type="submit" class="link">{t(l, "sign_out")}</button>
                                        </ActionForm>
                                    </li>
                                </ul>
                            </details>
                        </header>
                        <main class="page">{children()}</main>
                    }
                    .into_any()
                })
            }}
        </Suspense>
    }
}

/// The label of a knowledge item's status.
pub fn status_label(lang: Lang, status: &str) -> &'static str {
    match status {
        "queued" => t(lang, "status_queued"),
        "indexing" => t(lang, "status_indexing"),
        "ready" => t(lang, "status_ready"),
        _ => t(lang, "status_failed"),
    }
}
