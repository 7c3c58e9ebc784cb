//! Signing up, in and out, confirming the address and resetting the password. These
//! pages are signed-out: their language is `?lang=ja` or English.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api;
use crate::i18n::{Lang, t};
use crate::ui::{FieldError, FormError, failure, query, query_lang};

fn other_language(l: Lang, path: &'static str) -> impl IntoView {
    let (href, label) = match l {
        Lang::En => (format!("{path}?lang=ja"), "日本語"),
        Lang::Ja => (format!("{path}?lang=en"), "English"),
    };
    view! { <a class="lang" href=href>{label}</a> }
}

fn with_lang(l: Lang, path: &str) -> String {
    match l {
        Lang::En => path.to_owned(),
        Lang::Ja => format!("{path}?lang=ja"),
    }
}

/// `/dashboard/sign-up`.
#[component]
pub fn SignUp() -> impl IntoView {
    let l = query_lang();
    let action = ServerAction::<api::SignUp>::new();
    let problem = failure(action);
    let done = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <Title text=format!("{} · Mimi", t(l, "sign_up"))/>
        <main class="auth">
            {other_language(l, "/dashboard/sign-up")}
            <h1>{t(l, "sign_up")}</h1>
            <Show
                when=done
                fallback=move || view! {
                    <ActionForm action=action attr:novalidate=true>
                        <FormError problem fields=&["name", "email", "password", "workspace_name", "age_confirmed"]/>
                        <label>{t(l, "name")}<input name="name" autocomplete="name" required/></label>
                        <FieldError problem field="name"/>
                        <label>{t(l, "email")}<input name="email" type="email" autocomplete="email" required/></label>
                        <FieldError problem field="email"/>
                        <label>{t(l, "password")}<input name="password" type="password" autocomplete="new-password" minlength="10" required/></label>
                        <p class="hint">{t(l, "password_hint")}</p>
                        <FieldError problem field="password"/>
                        <label>{t(l, "workspace_name")}<input name="workspace_name" required/></label>
                        <FieldError problem field="workspace_name"/>
                        <input type="hidden" name="language" value=l.code()/>
                        <label class="check"><input type="checkbox" name="age_confirmed" value="yes"/>{t(l, "age_confirm")}</label>
                        <FieldError problem field="age_confirmed"/>
                        <button type="submit" disabled=move || action.pending().get()>{t(l, "sign_up_button")}</button>
                    </ActionForm>
                    <p><a href=with_lang(l, "/dashboard/sign-in")>{t(l, "have_account")}</a></p>
                }
            >
                <p class="notice" role="status">{t(l, "check_inbox")}</p>
            </Show>
        </main>
    }
}

/// `/dashboard/sign-in`.
#[component]
pub fn SignIn() -> impl IntoView {
    let l = query_lang();
    let next = query("next");
    let action = ServerAction::<api::SignIn>::new();
    let problem = failure(action);
    view! {
        <Title text=format!("{} · Mimi", t(l, "sign_in"))/>
        <main class="auth">
            {other_language(l, "/dashboard/sign-in")}
            <h1>{t(l, "sign_in")}</h1>
            <ActionForm action=action attr:novalidate=true>
                <FormError problem fields=&["email", "password"]/>
                <input type="hidden" name="next" value=move || next.get()/>
                <label>{t(l, "email")}<input name="email" type="email" autocomplete="email" required/></label>
                <FieldError problem field="email"/>
                <label>{t(l, "password")}<input name="password" type="password" autocomplete="current-password" required/></label>
                <FieldError problem field="password"/>
                <button type="submit" disabled=move || action.pending().get()>{t(l, "sign_in")}</button>
            </ActionForm>
            <p><a href=with_lang(l, "/dashboard/forgot-password")>{t(l, "forgot")}</a></p>
            <p><a href=with_lang(l, "/dashboard/sign-up")>{t(l, "no_account")}</a></p>
        </main>
    }
}

/// `/dashboard/verify-email?token=…`: the mailed link. Confirming takes a click, so a
/// mail scanner that opens links cannot use the token up.
#[component]
pub fn VerifyEmail() -> impl IntoView {
    let l = query_lang();
    let token = query("token");
    let action = ServerAction::<api::VerifyEmail>::new();
    let problem = failure(action);
    view! {
        <Title text=format!("{} · Mimi", t(l, "verify_button"))/>
        <main class="auth">
            <h1>{t(l, "verify_button")}</h1>
            <ActionForm action=action>
                <FormError problem fields=&[]/>
                <input type="hidden" name="token" value=move || token.get()/>
                <button type="submit" disabled=move || action.pending().get()>{t(l, "verify_button")}</button>
            </ActionForm>
        </main>
    }
}

/// `/dashboard/forgot-password`.
#[component]
pub fn ForgotPassword() -> impl IntoView {
    let l = query_lang();
    let action = ServerAction::<api::ForgotPassword>::new();
    let problem = failure(action);
    let done = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <Title text=format!("{} · Mimi", t(l, "reset_request"))/>
        <main class="auth">
            <h1>{t(l, "reset_request")}</h1>
            <Show
                when=done
                fallback=move || view! {
                    <ActionForm action=action attr:novalidate=true>
                        <FormError problem fields=&["email"]/>
                        <label>{t(l, "email")}<input name="email" type="email" autocomplete="email" required/></label>
                        <FieldError problem field="email"/>
                        <button type="submit" disabled=move || action.pending().get()>{t(l, "reset_send")}</button>
                    </ActionForm>
                }
            >
                <p class="notice" role="status">{t(l, "reset_sent")}</p>
            </Show>
            <p><a href=with_lang(l, "/dashboard/sign-in")>{t(l, "sign_in")}</a></p>
        </main>
    }
}

/// `/dashboard/reset-password?token=…`.
#[component]
pub fn ResetPassword() -> impl IntoView {
    let l = query_lang();
    let token = query("token");
    let action = ServerAction::<api::ResetPassword>::new();
    let problem = failure(action);
    view! {
        <Title text=format!("{} · Mimi", t(l, "new_password"))/>
        <main class="auth">
            <h1>{t(l, "new_password")}</h1>
            <ActionForm action=action attr:novalidate=true>
                <FormError problem fields=&["password"]/>
                <input type="hidden" name="token" value=move || token.get()/>
                <label>{t(l, "new_password")}<input name="password" type="password" autocomplete="new-password" minlength="10" required/></label>
                <p class="hint">{t(l, "password_hint")}</p>
                <FieldError problem field="password"/>
                <button type="submit" disabled=move || action.pending().get()>{t(l, "set_password")}</button>
            </ActionForm>
        </main>
    }
}

/// `/dashboard/accept-invite?token=…`: the mailed invitation. Joining takes a click (a
/// mail scanner cannot use the invitation up) and a session with the invited address;
/// signed out, the answer says so and the links sign in and come back here, or create
/// an account with that address.
#[component]
pub fn AcceptInvite() -> impl IntoView {
    let l = query_lang();
    let token = query("token");
    let action = ServerAction::<api::AcceptInvite>::new();
    let problem = failure(action);
    let sign_in = move || {
        let back = format!("/dashboard/accept-invite?token={}", token.get());
        format!(
            "/dashboard/sign-in?lang={}&next={}",
            l.code(),
            crate::upload::query_value(&back)
        )
    };
    view! {
        <Title text=format!("{} · Mimi", t(l, "join_title"))/>
        <main class="auth">
            <h1>{t(l, "join_title")}</h1>
            <p>{t(l, "join_hint")}</p>
            <ActionForm action=action>
                <FormError problem fields=&[]/>
                <input type="hidden" name="token" value=move || token.get()/>
                <button type="submit" disabled=move || action.pending().get()>{t(l, "join_button")}</button>
            </ActionForm>
            <p class="hint">{t(l, "join_signed_out")}</p>
            <p class="actions">
                <a href=sign_in>{t(l, "sign_in")}</a>
                <a href=with_lang(l, "/dashboard/sign-up")>{t(l, "no_account")}</a>
            </p>
        </main>
    }
}
