//! The inbox: conversations with filters (status, app), the thread with citations, the
//! owner's reply and "handled"; both follow the workspace's live change stream.

use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use crate::api;
use crate::i18n::{Lang, t};
use crate::model::{AppView, Problem, Summary, Thread};
use crate::ui::{
    FieldError, FormError, Layout, LoadError, PageTitle, failure, query, use_lang, uuid_param,
};

const FILTERS: &[(&str, &str)] = &[
    ("all", "all"),
    ("unanswered", "unanswered"),
    ("handed_off", "handed_off"),
    ("open", "open"),
    ("handled", "handled"),
];

/// The query that keeps the filters: `?status=…&app=…`.
fn filter_query(status: &str, app: &str) -> String {
    let mut query = format!("?status={}", if status.is_empty() { "all" } else { status });
    if !app.is_empty() {
        query.push_str("&app=");
        query.push_str(app);
    }
    query
}

/// `/dashboard/w/{ws}/inbox[/{conversation}]?status=…&app=…`.
#[component]
pub fn Inbox() -> impl IntoView {
    view! { <Layout><InboxBody/></Layout> }
}

#[component]
fn InboxBody() -> impl IntoView {
    let l = use_lang().get_untracked();
    let ws = uuid_param("ws");
    let conversation = uuid_param("conversation");
    let status = query("status");
    let app_filter = query("app");
    let inbox = Resource::new(
        move || (ws.get(), status.get(), app_filter.get()),
        |(ws, status, app)| async move {
            match ws {
                Some(ws) => api::load_inbox(ws, status, Some(app)).await,
                None => Err(Problem::new("not_found", "not found")),
            }
        },
    );
    let apps = Resource::new(
        move || ws.get(),
        |ws| async move {
            match ws {
                Some(ws) => api::list_apps(ws).await,
                None => Ok(Vec::new()),
            }
        },
    );
    let thread = Resource::new(
        move || (ws.get(), conversation.get()),
        |ids| async move {
            match ids {
                (Some(ws), Some(c)) => api::load_thread(ws, c).await.map(Some),
                _ => Ok(None),
            }
        },
    );
    let connected = RwSignal::new(false);
    if let Some(workspace) = ws.get_untracked() {
        crate::live::follow_workspace(
            workspace,
            move || {
                inbox.refetch();
                thread.refetch();
            },
            connected,
        );
    }
    let current_status = move || {
        let s = status.get();
        if s.is_empty() { "all".to_owned() } else { s }
    };
    let ws_text = move || ws.get().map(|w| w.to_string()).unwrap_or_default();
    view! {
        <PageTitle key="inbox"/>
        <div class="inbox-head">
            <h1>{t(l, "inbox")}</h1>
            <span class=move || if connected.get() { "live on" } else { "live" } role="status">
                {move || if connected.get() { t(l, "live") } else { "" }}
            </span>
        </div>
        <nav class="filters" aria-label=t(l, "filter_status")>
            {FILTERS.iter().map(|(value, key)| {
                let value = *value;
                view! {
                    <a href=move || format!("/dashboard/w/{}/inbox{}", ws_text(), filter_query(value, &app_filter.get()))
                       aria-current=move || (current_status() == value).then_some("page")>{t(l, key)}</a>
                }
            }).collect_view()}
        </nav>
        <div class="inbox">
            <section class="list" aria-label=t(l, "inbox")>
                <Transition fallback=move || view! { <p class="loading">{t(l, "loading")}</p> }>
                    {move || Suspend::new(async move {
                        let (found, names) = (inbox.await, apps.await.unwrap_or_default());
                        let query = filter_query(&status.get_untracked(), &app_filter.get_untracked());
                        let by_app = (names.len() > 1).then(|| view! {
                            <nav class="filters apps" aria-label=t(l, "filter_app")>
                                <a href=format!("/dashboard/w/{}/inbox{}", ws_text(), filter_query(&status.get_untracked(), ""))
                                   aria-current=app_filter.get_untracked().is_empty().then_some("page")>{t(l, "all_apps")}</a>
                                {names.iter().map(|app| {
                                    let id = app.id.to_string();
                                    view! {
                                        <a href=format!("/dashboard/w/{}/inbox{}", ws_text(), filter_query(&status.get_untracked(), &id))
                                           aria-current=(app_filter.get_untracked() == id).then_some("page")>{app.name.clone()}</a>
                                    }
                                }).collect_view()}
                            </nav>
                        });
                        // The app's name on each row, when there is more than one app.
                        let name_of = move |c: &Summary| (names.len() > 1)
                            .then(|| names.iter().find(|a: &&AppView| a.id == c.app_id).map(|a| a.name.clone()))
                            .flatten();
                        let list = match found {
                            Ok(list) if list.is_empty() => view! { <p class="empty">{t(l, "no_conversations")}</p> }.into_any(),
                            Ok(list) => view! {
                                <ul class="conversations">
                                    {list.into_iter().map(|c| {
                                        let app_name = name_of(&c);
                                        conversation_row(l, ws_text(), &query, c, app_name, conversation.get_untracked())
                                    }).collect_view()}
                                </ul>
                            }.into_any(),
                            Err(p) => view! { <LoadError problem=p/> }.into_any(),
                        };
                        view! { {by_app}{list} }
                    })}
                </Transition>
            </section>
            <section class="thread" aria-live="polite">
                <Transition fallback=move || view! { <p class="loading">{t(l, "loading")}</p> }>
                    {move || Suspend::new(async move {
                        match thread.await {
                            Ok(Some(found)) => view! { <ThreadView thread=found on_change=move || { inbox.refetch(); thread.refetch(); }/> }.into_any(),
                            Ok(None) => view! { <p class="empty">{t(l, "select_conversation")}</p> }.into_any(),
                            Err(p) => view! { <LoadError problem=p/> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </div>
    }
}

fn short_time(rfc3339: &str) -> String {
    // "2026-12-02T01:23:45.123Z" → "12-02 01:23" (UTC)
    rfc3339
        .get(5..16)
        .map(|s| s.replace('T', " "))
        .unwrap_or_default()
}

fn conversation_row(
    l: Lang,
    ws: String,
    query: &str,
    c: Summary,
    app_name: Option<String>,
    open: Option<Uuid>,
) -> impl IntoView {
    let mut badges = Vec::new();
    if c.unanswered {
        badges.push(("unanswered", t(l, "unanswered")));
    }
    if c.handed_off_at.is_some() {
        badges.push(("handed_off", t(l, "handed_off")));
    }
    if c.handled_at.is_some() {
        badges.push(("handled", t(l, "handled")));
    }
    view! {
        <li class:current=open == Some(c.id) data-id=c.id.to_string()>
            <A href=format!("/dashboard/w/{ws}/inbox/{}{query}", c.id)>
                <span class="when">{short_time(&c.last_message_at)}</span>
                {app_name.map(|name| view! { <span class="app">{name}</span> })}
                <span class="count">{c.messages}" "{t(l, "messages")}</span>
                {badges.into_iter().map(|(class, label)| view! { <span class=format!("badge {class}")>{label}</span> }).collect_view()}
                {c.visitor_contact.clone().map(|contact| view! { <span class="contact">{contact}</span> })}
            </A>
        </li>
    }
}

#[component]
fn ThreadView(
    thread: Thread,
    on_change: impl Fn() + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let l = use_lang().get_untracked();
    let ws = uuid_param("ws")
        .get_untracked()
        .map(|w| w.to_string())
        .unwrap_or_default();
    let id = thread.conversation.id.to_string();
    let reply = ServerAction::<api::Reply>::new();
    let handled = ServerAction::<api::SetHandled>::new();
    let problem = failure(reply);
    let text = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |previous: Option<usize>| {
        let version = reply.version().get();
        if previous.is_some_and(|p| p != version)
            && matches!(reply.value().get_untracked(), Some(Ok(())))
        {
            if let Some(area) = text.get_untracked() {
                area.set_value("");
            }
            on_change();
        }
        version
    });
    Effect::new(move |previous: Option<usize>| {
        let version = handled.version().get();
        if previous.is_some_and(|p| p != version) {
            on_change();
        }
        version
    });
    let is_handled = thread.conversation.handled_at.is_some();
    let (ws_reply, id_reply) = (ws.clone(), id.clone());
    view! {
        <header class="thread-head">
            {thread.conversation.visitor_contact.clone().map(|c| view! { <p><strong>{t(l, "contact")}": "</strong>{c}</p> })}
            <ActionForm action=handled>
                <input type="hidden" name="workspace" value=ws.clone()/>
                <input type="hidden" name="conversation" value=id.clone()/>
                <input type="hidden" name="handled" value=if is_handled { "false" } else { "true" }/>
                <button type="submit" class="secondary">{if is_handled { t(l, "reopen") } else { t(l, "mark_handled") }}</button>
            </ActionForm>
        </header>
        <ol class="messages">
            {thread.messages.into_iter().map(|m| {
                let who = match m.role.as_str() {
                    "visitor" => t(l, "role_visitor"),
                    "owner" => t(l, "role_owner"),
                    _ => t(l, "role_assistant"),
                };
                view! {
                    <li class=format!("message {}", m.role) data-status=m.status.clone()>
                        <p class="who">{who}" · "<span class="muted">{short_time(&m.created_at)}</span></p>
                        <p class="text">{m.text}</p>
                        {(!m.sources.is_empty()).then(|| view! {
                            <p class="sources">{t(l, "sources")}": "
                                {m.sources.into_iter().map(|s| match s.link {
                                    Some(link) => view! { <a href=link target="_blank" rel="noopener noreferrer">{s.title}</a>" " }.into_any(),
                                    None => view! { <span class="source">{s.title}</span>" " }.into_any(),
                                }).collect_view()}
                            </p>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
        <ActionForm action=reply attr:class="reply" attr:novalidate=true>
            <FormError problem fields=&["text"]/>
            <input type="hidden" name="workspace" value=ws_reply/>
            <input type="hidden" name="conversation" value=id_reply/>
            <label class="sr-only" for="reply-text">{t(l, "reply")}</label>
            <textarea id="reply-text" name="text" rows="3" placeholder=t(l, "reply_placeholder") node_ref=text required></textarea>
            <FieldError problem field="text"/>
            <button type="submit" disabled=move || reply.pending().get()>{t(l, "send")}</button>
        </ActionForm>
    }
}
