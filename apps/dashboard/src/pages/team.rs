//! `/dashboard/w/{ws}/team`: the owner's own account (name, language), the workspace's
//! members (roles, removal, leaving, handing over ownership), invitations, and API keys.

use leptos::prelude::*;
use uuid::Uuid;

use crate::api;
use crate::i18n::{Lang, t};
use crate::model::{Member, Problem};
use crate::ui::{
    Confirm, FieldError, FormError, Layout, LoadError, PageTitle, failure, use_lang, uuid_param,
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
    let revoke = ServerAction::<api::Revoke>::new();
    let create_key = ServerAction::<api::CreateApiKey>::new();
    let change = ServerAction::<api::ChangeMember>::new();
    Effect::new(move |_| {
        invite.version().get();
        create_key.version().get();
        revoke.version().get();
        team.refetch();
    });
    // A transfer changes the owner's own role too.
    Effect::new(move |previous: Option<usize>| {
        let version = change.version().get();
        if previous.is_some_and(|p| p != version) {
            me.refetch();
            team.refetch();
        }
        version
    });
    let member_problem =
        Signal::derive(move || failure(change).get().or_else(|| failure(revoke).get()));
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
                <FormError problem=member_problem fields=&[]/>
                <Transition fallback=move || view! { <p class="loading">{t(l, "loading")}</p> }>
                    {move || Suspend::new(async move {
                        let (me, team) = (me.await, team.await);
                        let me = match me {
                            Ok(Some(me)) => me,
                            Ok(None) => return view! { <LoadError problem=Problem::new("unauthenticated", "sign in")/> }.into_any(),
                            Err(p) => return view! { <LoadError problem=p/> }.into_any(),
                        };
                        let my_role = me.workspaces.iter().find(|w| Some(w.id) == ws.get_untracked()).map(|w| w.role.clone()).unwrap_or_default();
                        match team {
                            Ok(team) => view! {
                                <ul class="items">
                                    {team.members.into_iter().map(|member| view! {
                                        <MemberRow member me=me.id my_role=my_role.clone() change/>
                                    }).collect_view()}
                                </ul>
                                {(!team.invites.is_empty()).then(|| view! {
                                    <h3>{t(l, "invites")}</h3>
                                    <ul class="items">
                                        {team.invites.into_iter().map(|i| view! {
                                            <li class="item"><div><p class="title">{i.email}</p><p class="muted">{role_label(l, &i.role)}</p></div>
                                                {revocable(revoke, ws.get_untracked(), "invite", i.id, t(l, "revoke"), t(l, "confirm_revoke_invite"))}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                })}
                                <h3>{t(l, "api_keys")}</h3>
                                <ul class="items">
                                    {team.api_keys.into_iter().map(|k| view! {
                                        <li class="item"><div><p class="title">{k.name}</p><p class="muted"><code>{k.prefix}"…"</code></p></div>
                                            {revocable(revoke, ws.get_untracked(), "api_key", k.id, t(l, "revoke"), t(l, "confirm_revoke_key"))}
                                        </li>
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
                        <select name="role">
                            <option value="member">{t(l, "role_member")}</option>
                            <option value="admin">{t(l, "role_admin")}</option>
                        </select>
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

/// The label of a workspace role.
fn role_label(l: Lang, role: &str) -> &'static str {
    match role {
        "owner" => t(l, "owner_role"),
        "admin" => t(l, "role_admin"),
        _ => t(l, "role_member"),
    }
}

/// A member, with what the signed-in person may do to them: admins change the roles of
/// others and remove them, the owner hands ownership over, anyone but the owner leaves.
/// The API decides in the end; the page only hides what would be refused.
#[component]
fn MemberRow(
    member: Member,
    me: Uuid,
    my_role: String,
    change: ServerAction<api::ChangeMember>,
) -> impl IntoView {
    let l = use_lang().get_untracked();
    let ws_id = uuid_param("ws").get_untracked();
    let myself = member.account_id == me;
    let admin = my_role == "owner" || my_role == "admin";
    let manageable = admin && !myself && member.role != "owner";
    let can_transfer = my_role == "owner" && !myself;
    let can_leave = myself && member.role != "owner";
    let role = member.role.clone();
    view! {
        <li class="item member" data-role=member.role.clone()>
            <div>
                <p class="title">{member.name}{myself.then(|| view! { " "<span class="muted">{t(l, "you")}</span> })}</p>
                <p class="muted">{member.email}</p>
            </div>
            <div class="member-actions">
                {if manageable {
                    view! {
                        <ActionForm action=change attr:class="inline">
                            {member_fields(ws_id, member.account_id)}
                            <select name="change" aria-label=t(l, "role")>
                                <option value="member" selected=role == "member">{t(l, "role_member")}</option>
                                <option value="admin" selected=role == "admin">{t(l, "role_admin")}</option>
                            </select>
                            <button type="submit" class="secondary">{t(l, "change_role")}</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! { <span class="badge">{role_label(l, &role)}</span> }.into_any()
                }}
                {manageable.then(|| confirmed(change, ws_id, member.account_id, "remove", t(l, "remove"), t(l, "confirm_remove_member")))}
                {can_transfer.then(|| confirmed(change, ws_id, member.account_id, "owner", t(l, "make_owner"), t(l, "confirm_transfer")))}
                {can_leave.then(|| confirmed(change, ws_id, member.account_id, "remove", t(l, "leave"), t(l, "confirm_leave")))}
            </div>
        </li>
    }
}

/// A member change behind a confirmation (`remove`, `owner`): the disclosure, its
/// question and the form with the real button.
fn confirmed(
    action: ServerAction<api::ChangeMember>,
    ws: Option<Uuid>,
    account: Uuid,
    change: &'static str,
    label: &'static str,
    question: &'static str,
) -> impl IntoView {
    view! {
        <Confirm label question>
            <ActionForm action>
                {member_fields(ws, account)}
                <input type="hidden" name="change" value=change/>
                <button type="submit" class="danger">{label}</button>
            </ActionForm>
        </Confirm>
    }
}

/// The confirmed withdrawal of an invitation or an API key (`what`).
fn revocable(
    action: ServerAction<api::Revoke>,
    ws: Option<Uuid>,
    what: &'static str,
    id: Uuid,
    label: &'static str,
    question: &'static str,
) -> impl IntoView {
    view! {
        <Confirm label question>
            <ActionForm action>
                <input type="hidden" name="workspace" value=ws.map(|w| w.to_string()).unwrap_or_default()/>
                <input type="hidden" name="what" value=what/>
                <input type="hidden" name="id" value=id.to_string()/>
                <button type="submit" class="danger">{label}</button>
            </ActionForm>
        </Confirm>
    }
}

/// The fields that name the workspace and the member in each member form.
fn member_fields(ws: Option<Uuid>, account: Uuid) -> impl IntoView {
    view! {
        <input type="hidden" name="workspace" value=ws.map(|w| w.to_string()).unwrap_or_default()/>
        <input type="hidden" name="account" value=account.to_string()/>
    }
}
