//! The document shell and the routes.

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos_meta::MetaTags;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::i18n::Lang;
use crate::pages;

/// The whole document, rendered by the server around [`App`]. The page loads its script
/// (when the wasm is built) as an external module, so the dashboard runs under a CSP
/// without `unsafe-inline` scripts of its own.
#[cfg(feature = "ssr")]
pub fn shell(_options: LeptosOptions) -> impl IntoView {
    let scripts = use_context::<Option<crate::backend::Scripts>>().flatten();
    crate::backend::security_headers();
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="referrer" content="same-origin"/>
                <link rel="stylesheet" href=crate::backend::STYLE_PATH/>
                {scripts.map(|s| view! {
                    <link rel="modulepreload" href=s.loader/>
                    <script type="module" src=s.boot></script>
                })}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The dashboard. Every route renders once its data is loaded (`SsrMode::Async`), so a
/// signed-out visit answers with a redirect and a missing resource with 404.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(RwSignal::new(Lang::En));
    view! {
        <Router>
            <Routes fallback=|| view! { <pages::NotFound/> }>
                <Route path=path!("/dashboard") view=pages::Home ssr=SsrMode::Async/>
                <Route path=path!("/dashboard/sign-up") view=pages::auth::SignUp ssr=SsrMode::Async/>
                <Route path=path!("/dashboard/sign-in") view=pages::auth::SignIn ssr=SsrMode::Async/>
                <Route path=path!("/dashboard/verify-email") view=pages::auth::VerifyEmail ssr=SsrMode::Async/>
                <Route path=path!("/dashboard/forgot-password") view=pages::auth::ForgotPassword ssr=SsrMode::Async/>
                <Route path=path!("/dashboard/reset-password") view=pages::auth::ResetPassword ssr=SsrMode::Async/>
                <Route path=path!("/dashboard/accept-invite") view=pages::auth::AcceptInvite ssr=SsrMode::Async/>
                <Route path=path!("/dashboard/w/:ws") view=pages::apps::AppList ssr=SsrMode::Async/>
                <Route path=path!("/dashboard/w/:ws/apps/:app") view=pages::apps::AppSettings ssr=SsrMode::Async/>
                <Route path=path!("/dashboard/w/:ws/apps/:app/knowledge") view=pages::knowledge::Knowledge ssr=SsrMode::Async/>
                <Route path=path!("/dashboard/w/:ws/team") view=pages::team::Team ssr=SsrMode::Async/>
                <Route path=path!("/dashboard/w/:ws/inbox") view=pages::inbox::Inbox ssr=SsrMode::Async/>
                <Route path=path!("/dashboard/w/:ws/inbox/:conversation") view=pages::inbox::Inbox ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}
