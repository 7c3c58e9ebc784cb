//! An app's knowledge: FAQ editor, reference pages, file upload with progress, import
//! from the owner's site, the status of every item (followed until it is ready), and the
//! test-retrieval box.

use leptos::prelude::*;

use crate::api;
use crate::i18n::t;
use crate::model::{Item, Problem};
use crate::pages::apps::{AppTabs, app_resource};
use crate::ui::{
    Confirm, FieldError, FormError, Layout, LoadError, PageTitle, failure, status_label, use_lang,
    uuid_param,
};
use crate::upload::{MAX_FILE_BYTES, Target, Upload, query_value};

/// The files the API reads (it sniffs the type from the bytes; this only guides the
/// browser's file picker).
const FILE_TYPES: &str = ".pdf,.txt,.md,.markdown,.html,.htm,.csv,.tsv,application/pdf,text/plain,text/markdown,text/html,text/csv";

/// `/dashboard/w/{ws}/apps/{app}/knowledge`.
#[component]
pub fn Knowledge() -> impl IntoView {
    view! { <Layout><KnowledgeBody/></Layout> }
}

#[component]
fn KnowledgeBody() -> impl IntoView {
    let l = use_lang().get_untracked();
    let ws = uuid_param("ws");
    let app_id = uuid_param("app");
    let app = app_resource();
    let items = Resource::new(
        move || (ws.get(), app_id.get()),
        |ids| async move {
            match ids {
                (Some(ws), Some(app)) => api::list_items(ws, app).await,
                _ => Err(Problem::new("not_found", "not found")),
            }
        },
    );
    let add_faq = ServerAction::<api::AddFaq>::new();
    let add_page = ServerAction::<api::AddPage>::new();
    let import = ServerAction::<api::Import>::new();
    let delete = ServerAction::<api::DeleteItem>::new();
    let search = ServerAction::<api::TestRetrieval>::new();
    // Any change reloads the list.
    Effect::new(move |_| {
        add_faq.version().get();
        add_page.version().get();
        import.version().get();
        delete.version().get();
        items.refetch();
    });
    // While something is on its way to ready, look again every 1.5 s.
    Effect::new(move |_| {
        let pending = items.get().and_then(Result::ok).is_some_and(|list| {
            list.iter()
                .any(|i| i.status == "queued" || i.status == "indexing")
        });
        if pending {
            set_timeout(
                move || items.refetch(),
                std::time::Duration::from_millis(1500),
            );
        }
    });
    // A form whose item was added is emptied for the next one.
    let faq_form = NodeRef::<leptos::html::Form>::new();
    let page_form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if matches!(add_faq.value().get(), Some(Ok(_)))
            && let Some(form) = faq_form.get_untracked()
        {
            form.reset();
        }
    });
    Effect::new(move |_| {
        if matches!(add_page.value().get(), Some(Ok(_)))
            && let Some(form) = page_form.get_untracked()
        {
            form.reset();
        }
    });
    let faq_problem = failure(add_faq);
    let page_problem = failure(add_page);
    let import_problem = failure(import);
    let search_problem = failure(search);
    let ids = move || {
        (
            ws.get().map(|w| w.to_string()).unwrap_or_default(),
            app_id.get().map(|a| a.to_string()).unwrap_or_default(),
        )
    };
    let files = Target {
        method: "POST",
        url: |base, name| format!("{base}/knowledge/files?name={}", query_value(name)),
        base: Signal::derive(move || {
            let (ws, app) = ids();
            format!("/api/v1/workspaces/{ws}/apps/{app}")
        }),
        field: "file",
        max_bytes: MAX_FILE_BYTES,
        too_large_code: "file_too_large",
    };
    view! {
        <PageTitle key="knowledge"/>
        <Suspense fallback=move || view! { <p class="loading">{t(l, "loading")}</p> }>
            {move || Suspend::new(async move {
                match app.await {
                    Ok(found) => view! { <h1>{found.name.clone()}</h1><AppTabs app=found/> }.into_any(),
                    Err(p) => view! { <LoadError problem=p/> }.into_any(),
                }
            })}
        </Suspense>
        <div class="columns">
            <div>
                <section class="panel">
                    <h2>{t(l, "faq_add")}</h2>
                    <ActionForm action=add_faq node_ref=faq_form attr:novalidate=true>
                        <FormError problem=faq_problem fields=&["question", "answer", "link"]/>
                        <input type="hidden" name="workspace" value=move || ids().0/>
                        <input type="hidden" name="app" value=move || ids().1/>
                        <label>{t(l, "question")}<input name="question" required/></label>
                        <FieldError problem=faq_problem field="question"/>
                        <label>{t(l, "answer")}<textarea name="answer" rows="4" required></textarea></label>
                        <FieldError problem=faq_problem field="answer"/>
                        <label>{t(l, "link")}<input name="link" type="url"/></label>
                        <FieldError problem=faq_problem field="link"/>
                        <button type="submit" disabled=move || add_faq.pending().get()>{t(l, "add")}</button>
                    </ActionForm>
                </section>
                <details class="panel">
                    <summary>{t(l, "page_add")}</summary>
                    <ActionForm action=add_page node_ref=page_form attr:novalidate=true>
                        <FormError problem=page_problem fields=&["title", "body"]/>
                        <input type="hidden" name="workspace" value=move || ids().0/>
                        <input type="hidden" name="app" value=move || ids().1/>
                        <label>{t(l, "title")}<input name="title" required/></label>
                        <FieldError problem=page_problem field="title"/>
                        <label>{t(l, "body")}<textarea name="body" rows="8" required></textarea></label>
                        <FieldError problem=page_problem field="body"/>
                        <button type="submit" disabled=move || add_page.pending().get()>{t(l, "add")}</button>
                    </ActionForm>
                </details>
                <details class="panel">
                    <summary>{t(l, "file_add")}</summary>
                    <p class="hint">{t(l, "file_hint")}</p>
                    <Upload target=files accept=FILE_TYPES multiple=true
                        label=t(l, "file_choose") button=t(l, "upload")
                        on_sent=Callback::new(move |_: String| items.refetch())/>
                </details>
                <details class="panel">
                    <summary>{t(l, "import_add")}</summary>
                    <ActionForm action=import attr:novalidate=true>
                        <FormError problem=import_problem fields=&["url"]/>
                        <input type="hidden" name="workspace" value=move || ids().0/>
                        <input type="hidden" name="app" value=move || ids().1/>
                        <label>{t(l, "import_url")}<input name="url" type="url" required placeholder="https://example.jp/sitemap.xml"/></label>
                        <label class="check"><input type="checkbox" name="sitemap" value="yes"/>"sitemap.xml"</label>
                        <FieldError problem=import_problem field="url"/>
                        <button type="submit" disabled=move || import.pending().get()>{t(l, "import_button")}</button>
                    </ActionForm>
                </details>
                <section class="panel">
                    <h2>{t(l, "test_retrieval")}</h2>
                    <p class="hint">{t(l, "test_hint")}</p>
                    <ActionForm action=search attr:class="inline">
                        <input type="hidden" name="workspace" value=move || ids().0/>
                        <input type="hidden" name="app" value=move || ids().1/>
                        <input name="query" aria-label=t(l, "question") required/>
                        <button type="submit" disabled=move || search.pending().get()>{t(l, "search")}</button>
                    </ActionForm>
                    <FormError problem=search_problem fields=&[]/>
                    {move || search.value().get().and_then(Result::ok).map(|found| {
                        if found.is_empty() {
                            view! { <p class="empty">{t(l, "no_passages")}</p> }.into_any()
                        } else {
                            view! {
                                <ol class="passages">
                                    {found.into_iter().map(|p| view! {
                                        <li>
                                            <p><strong>{p.title}</strong>" "<span class="muted">{p.section}</span>
                                               " "<span class="score">{t(l, "score")}" "{format!("{:.3}", p.score)}</span></p>
                                            <p class="excerpt">{p.content}</p>
                                        </li>
                                    }).collect_view()}
                                </ol>
                            }.into_any()
                        }
                    })}
                </section>
            </div>
            <section class="panel">
                <h2>{t(l, "items")}</h2>
                <Transition fallback=move || view! { <p class="loading">{t(l, "loading")}</p> }>
                    {move || Suspend::new(async move {
                        match items.await {
                            Ok(list) if list.is_empty() => view! { <p class="empty">{t(l, "no_items")}</p> }.into_any(),
                            Ok(list) => view! {
                                <ul class="items">
                                    {list.into_iter().map(|item| view! { <ItemRow item delete/> }).collect_view()}
                                </ul>
                            }.into_any(),
                            Err(p) => view! { <LoadError problem=p/> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </div>
    }
}

fn kind_label(l: crate::i18n::Lang, kind: &str) -> &'static str {
    match kind {
        "faq" => t(l, "kind_faq"),
        "page" => t(l, "kind_page"),
        "file" => t(l, "kind_file"),
        _ => t(l, "kind_site_page"),
    }
}

#[component]
fn ItemRow(item: Item, delete: ServerAction<api::DeleteItem>) -> impl IntoView {
    let l = use_lang().get_untracked();
    let ws = uuid_param("ws")
        .get_untracked()
        .map(|w| w.to_string())
        .unwrap_or_default();
    let id = item.id;
    let status = item.status.clone();
    view! {
        <li class="item" data-status=status.clone()>
            <div>
                <span class=format!("badge {status}")>{status_label(l, &status)}</span>
                " "<span class="kind">{kind_label(l, &item.kind)}</span>
                <p class="title">{item.title.clone()}</p>
                {item.failure.clone().map(|f| view! { <p class="field-error" data-code=f.code>{f.message}</p> })}
                <Show when=move || item.status == "ready">
                    <p class="muted">{item.passages}" "{t(l, "passages")}</p>
                </Show>
            </div>
            <Confirm label=t(l, "delete") question=t(l, "confirm_delete")>
                <ActionForm action=delete>
                    <input type="hidden" name="workspace" value=ws/>
                    <input type="hidden" name="item" value=id.to_string()/>
                    <button type="submit" class="danger">{t(l, "delete")}</button>
                </ActionForm>
            </Confirm>
        </li>
    }
}
