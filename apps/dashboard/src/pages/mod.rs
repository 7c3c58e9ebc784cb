//! The pages, one module per part of the dashboard.

pub mod apps;
pub mod auth;
pub mod inbox;
pub mod knowledge;
pub mod team;

use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::api;
use crate::ui::{LoadError, use_lang};

/// `/dashboard`: the first workspace, or the sign-in page.
#[component]
pub fn Home() -> impl IntoView {
    let me = Resource::new(|| (), |()| api::current_owner());
    let lang = use_lang();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{crate::i18n::t(lang.get_untracked(), "loading")}</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(me)) => match me.workspaces.first() {
                        Some(w) => view! { <Redirect path=format!("/dashboard/w/{}", w.id)/> }.into_any(),
                        None => view! { <LoadError problem=crate::model::Problem::new("not_found", "no workspace")/> }.into_any(),
                    },
                    Ok(None) => view! { <Redirect path="/dashboard/sign-in"/> }.into_any(),
                    Err(p) => view! { <LoadError problem=p/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Any other path under `/dashboard`.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    let lang = use_lang();
    view! {
        <main class="page narrow">
            <h1>{move || crate::i18n::t(lang.get(), "not_found")}</h1>
            <p><a href="/dashboard">{move || crate::i18n::t(lang.get(), "dashboard")}</a></p>
        </main>
    }
}
