//! `/dashboard/w/{ws}/team`: the owner's own account (name, language), the workspace's
//! members and invitations, and its API keys.

use leptos::prelude::*;

use crate::api;
use crate::i18n::t;
use crate::model::Problem;
use crate::ui::{
    FieldError, FormError, Layout, LoadError, PageTitle, failure, use_lang, uuid_param,
};

/// The team page.
#[component]
pub fn Team() -> impl IntoView {
    view! { <Layout><TeamBody/></Layout> }
}

#[component]
fn TeamBody() -> impl IntoView {
    let lang = use_lang();
    let l = lang.get_untracked();
    let ws = uuid_param("ws");
    let ws_text = move || ws.get().map(|w| w.to_string()).unwrap_or_default();
    let me = Resource::new(|| (), |()| api::current_owner());
    let team = Resource::new(
        move || ws.get(),
        |ws| async move {
            match ws {
                Some(ws) => api::load_team(ws).await,
                None => Err(Problem::new("not_found", "not found")),
            }
        },
    );
    let account = ServerAction::<api::SaveAccount>::new();
    let invite = ServerAction::<api::Invite>::new();
    let revoke_invite = ServerAction::<api::RevokeInvite>::new();
    let create_key = ServerAction::<api::CreateApiKey>::new();
    let revoke_key = ServerAction::<api::RevokeApiKey>::new();
    Effect::new(move |_| {
        invite.version().get();
        revoke_invite.version().get();
        create_key.version().get();
        revoke_key.version().get();
        team.refetch();
    });
    let account_problem = failure(account);
    let invite_problem = failure(invite);
    let key_problem = failure(create_key);
    view! {
        <PageTitle key="team"/>
        <h1>{t(l, "team")}</h1>
        <div class="columns">
            <section class="panel">
                <h2>{t(l, "account")}</h2>
                <Suspense fallback=move || view! { <p class="loading">{t(l, "loading")}</p> }>
                    {move || Suspend::new(async move {
                        match me.await {
                            Ok(Some(me)) => view! {
                                <ActionForm action=account attr:novalidate=true>
                                    <FormError problem=account_problem fields=&["name", "language"]/>
                                    <label>{t(l, "name")}<input name="name" value=me.name required/></label>
                                    <FieldError problem=account_problem field="name"/>
                                    <label>{t(l, "language")}
                                        <select name="language">
                                            <option value="en" selected=me.language == "en">"English"</option>
                                            <option value="ja" selected=me.language == "ja">"日本語"</option>
                                        </select>
                                    </label>
                                    <FieldError problem=account_problem field="language"/>
                                    <button type="submit" disabled=move || account.pending().get()>{t(l, "save")}</button>
                                </ActionForm>
                            }.into_any(),
                            Ok(None) => view! { <LoadError problem=Problem::new("unauthenticated", "sign in")/> }.into_any(),
                            Err(p) => view! { <LoadError problem=p/> }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
            <section class="panel">
                <h2>{t(l, "members")}</h2>
                <Transition fallback=move || view! { <p class="loading">{t(l, "loading")}</p> }>
                    {move || Suspend::new(async move {
                        match team.await {
                            Ok(team) => view! {
                                <ul class="items">
                                    {team.members.into_iter().map(|m| view! {
                                        <li class="item"><div><p class="title">{m.name}</p><p class="muted">{m.email}</p></div><span class="badge">{m.role}</span></li>
                                    }).collect_view()}
                                </ul>
                                {(!team.invites.is_empty()).then(|| view! {
                                    <h3>{t(l, "invites")}</h3>
                                    <ul class="items">
                                        {team.invites.into_iter().map(|i| {
                                            let id = i.id;
                                            view! {
                                                <li class="item"><div><p class="title">{i.email}</p><p class="muted">{i.role}</p></div>
                                                <button type="button" class="danger link" on:click=move |_| {
                                                    if crate::live::confirm(t(l, "confirm_delete"))
                                                        && let Some(workspace) = ws.get_untracked()
                                                    {
                                                        revoke_invite.dispatch(api::RevokeInvite { workspace, invite: id });
                                                    }
                                                }>{t(l, "revoke")}</button></li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                })}
                                <h3>{t(l, "api_keys")}</h3>
                                <ul class="items">
                                    {team.api_keys.into_iter().map(|k| {
                                        let id = k.id;
                                        view! {
                                            <li class="item"><div><p class="title">{k.name}</p><p class="muted"><code>{k.prefix}"…"</code></p></div>
                                            <button type="button" class="danger link" on:click=move |_| {
                                                if crate::live::confirm(t(l, "confirm_delete"))
                                                    && let Some(workspace) = ws.get_untracked()
                                                {
                                                    revoke_key.dispatch(api::RevokeApiKey { workspace, key: id });
                                                }
                                            }>{t(l, "revoke")}</button></li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any(),
                            Err(p) => view! { <LoadError problem=p/> }.into_any(),
                        }
                    })}
                </Transition>
                <h3>{t(l, "invite")}</h3>
                <ActionForm action=invite attr:novalidate=true>
                    <FormError problem=invite_problem fields=&["email", "role"]/>
                    <input type="hidden" name="workspace" value=ws_text/>
                    <label>{t(l, "email")}<input name="email" type="email" required/></label>
                    <FieldError problem=invite_problem field="email"/>
                    <label>{t(l, "role")}
                        <select name="role"><option value="member">"member"</option><option value="admin">"admin"</option></select>
                    </label>
                    <FieldError problem=invite_problem field="role"/>
                    <button type="submit" disabled=move || invite.pending().get()>{t(l, "invite")}</button>
                    <Show when=move || matches!(invite.value().get(), Some(Ok(())))>
                        <span class="saved" role="status">{t(l, "invite_sent")}</span>
                    </Show>
                </ActionForm>
                <h3>{t(l, "new_api_key")}</h3>
                <ActionForm action=create_key attr:novalidate=true>
                    <FormError problem=key_problem fields=&["name"]/>
                    <input type="hidden" name="workspace" value=ws_text/>
                    <label>{t(l, "key_name")}<input name="name" required/></label>
                    <FieldError problem=key_problem field="name"/>
                    <button type="submit" disabled=move || create_key.pending().get()>{t(l, "create")}</button>
                </ActionForm>
                {move || create_key.value().get().and_then(Result::ok).map(|secret| view! {
                    <div class="notice" role="status">
                        <p>{t(l, "key_once")}</p>
                        <pre class="snippet"><code>{secret}</code></pre>
                    </div>
                })}
            </section>
        </div>
    }
}
