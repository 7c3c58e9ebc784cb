//! File uploads with a progress bar: knowledge files and the public page's images go
//! straight to the owner API (`POST …/knowledge/files?name=…`, `PUT …/avatar`), the
//! file itself as the request body, sent with `XMLHttpRequest` because `fetch` cannot
//! report upload progress. The session cookie and the browser's `Origin` header are
//! what the API's session and CSRF checks read, as for every other dashboard request.
//!
//! A file input needs JavaScript: Leptos's `ActionForm` sends URL-encoded forms only.
//! The button stays disabled until the page is hydrated, and until then a hint says so.

use leptos::prelude::*;

use crate::i18n::t;
use crate::model::Problem;
use crate::ui::{FieldError, FormError, use_lang};

/// The largest knowledge file the API accepts (`mimi_ingest::MAX_FILE_BYTES`; a server
/// test checks they agree): bigger ones are refused before a byte is sent.
pub const MAX_FILE_BYTES: f64 = 15_000_000.0;
/// The largest avatar or cover image (`mimi_apps::MAX_IMAGE_BYTES`).
pub const MAX_IMAGE_BYTES: f64 = 2_097_152.0;

/// `text` percent-encoded for a URL's query (every byte but unreserved ASCII).
pub fn query_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// What an upload form sends where.
#[derive(Clone, Copy)]
pub struct Target {
    /// `POST` or `PUT`.
    pub method: &'static str,
    /// The address for a file of the given name.
    pub url: fn(&str, &str) -> String,
    /// The base the address is built on (`/api/v1/workspaces/{ws}/apps/{app}`).
    pub base: Signal<String>,
    /// The API's field name for errors about the file (`file`, `image`).
    pub field: &'static str,
    /// Files larger than this are refused in the browser.
    pub max_bytes: f64,
    /// The code of that refusal (the API's own for the same case).
    pub too_large_code: &'static str,
}

/// A file input with a send button and a progress bar. Chosen files are sent one after
/// another; `on_sent` runs after each one the API accepted, with its answer's body.
#[component]
pub fn Upload(
    /// Where files go.
    target: Target,
    /// `accept` of the input.
    accept: &'static str,
    /// Whether several files may be chosen.
    #[prop(optional)]
    multiple: bool,
    /// The input's label.
    label: &'static str,
    /// The button's text.
    button: &'static str,
    /// After each accepted file.
    on_sent: Callback<String>,
) -> impl IntoView {
    let l = use_lang().get_untracked();
    let input = NodeRef::<leptos::html::Input>::new();
    // (file name, share sent 0–1) while sending.
    let progress = RwSignal::new(None::<(String, f64)>);
    let problem = RwSignal::new(None::<Problem>);
    let sent = RwSignal::new(0usize);
    // Effects run only in the browser: the button works once the page is hydrated.
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let problem_signal = Signal::from(problem);
    let field = target.field;
    let finished = move || progress.get().is_none() && sent.get() > 0;
    view! {
        <form class="upload" novalidate on:submit=move |ev| {
            ev.prevent_default();
            problem.set(None);
            sent.set(0);
            start(target, input, progress, problem, sent, on_sent);
        }>
            <FormError problem=problem_signal fields=&["file", "image"]/>
            <label>{label}
                <input type="file" name=field accept=accept multiple=multiple node_ref=input required/>
            </label>
            <FieldError problem=problem_signal field=field/>
            <p class="hint" hidden=move || ready.get()>{t(l, "upload_needs_js")}</p>
            {move || progress.get().map(|(name, share)| view! {
                <div class="progress" role="status">
                    <progress max="100" value=format!("{:.0}", share * 100.0)></progress>
                    <span>{name}" "{format!("{:.0}%", share * 100.0)}</span>
                </div>
            })}
            <Show when=finished>
                <span class="saved" role="status">{t(l, "uploaded")}</span>
            </Show>
            <button type="submit" disabled=move || !ready.get() || progress.get().is_some()>{button}</button>
        </form>
    }
}

/// Sends the chosen files, one after another.
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
fn start(
    target: Target,
    input: NodeRef<leptos::html::Input>,
    progress: RwSignal<Option<(String, f64)>>,
    problem: RwSignal<Option<Problem>>,
    sent: RwSignal<usize>,
    on_sent: Callback<String>,
) {
    #[cfg(feature = "hydrate")]
    {
        let Some(list) = input.get_untracked().and_then(|i| i.files()) else {
            return;
        };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        if files.is_empty() {
            problem.set(Some(Problem {
                code: "file_required".to_owned(),
                field: Some(target.field.to_owned()),
                message: "choose a file".to_owned(),
            }));
            return;
        }
        if let Some(big) = files.iter().find(|f| f.size() > target.max_bytes) {
            problem.set(Some(Problem {
                code: target.too_large_code.to_owned(),
                field: Some(target.field.to_owned()),
                message: format!(
                    "{} is {:.1} MB; the largest accepted is {:.1} MB",
                    big.name(),
                    big.size() / 1e6,
                    target.max_bytes / 1e6
                ),
            }));
            return;
        }
        let element = input.get_untracked();
        send_next(
            target,
            files.into(),
            progress,
            problem,
            sent,
            on_sent,
            element,
        );
    }
}

#[cfg(feature = "hydrate")]
fn send_next(
    target: Target,
    mut files: std::collections::VecDeque<web_sys::File>,
    progress: RwSignal<Option<(String, f64)>>,
    problem: RwSignal<Option<Problem>>,
    sent: RwSignal<usize>,
    on_sent: Callback<String>,
    input: Option<web_sys::HtmlInputElement>,
) {
    let Some(file) = files.pop_front() else {
        progress.set(None);
        if let Some(input) = input {
            input.set_value("");
        }
        return;
    };
    let name = file.name();
    progress.set(Some((name.clone(), 0.0)));
    let url = (target.url)(&target.base.get_untracked(), &name);
    let shown = name.clone();
    send(
        target.method,
        &url,
        &file,
        move |share| progress.set(Some((shown.clone(), share))),
        move |answer| match answer {
            Ok(body) => {
                sent.update(|n| *n += 1);
                on_sent.run(body);
                send_next(target, files, progress, problem, sent, on_sent, input);
            }
            Err(mut p) => {
                progress.set(None);
                if p.field.is_none() {
                    p.field = Some(target.field.to_owned());
                }
                p.message = format!("{name}: {}", p.message);
                problem.set(Some(p));
            }
        },
    );
}

/// One request with `file` as its body; `on_progress` gets the share sent, `on_done` the
/// answer's body (2xx) or the API's error.
#[cfg(feature = "hydrate")]
fn send(
    method: &str,
    url: &str,
    file: &web_sys::File,
    on_progress: impl Fn(f64) + 'static,
    on_done: impl FnOnce(Result<String, Problem>) + 'static,
) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let network = || Problem::new("network", "the upload did not reach the server; try again");
    let Ok(request) = web_sys::XmlHttpRequest::new() else {
        on_done(Err(network()));
        return;
    };
    if request.open(method, url).is_err() {
        on_done(Err(network()));
        return;
    }
    let _ = request.set_request_header("Accept", "application/json");
    let progress =
        Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                on_progress(e.loaded() / e.total());
            }
        });
    if let Ok(upload) = request.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    let answered = request.clone();
    // Runs once when the request ends, however it ends; drops the progress closure then.
    let finished = Closure::once_into_js(move || {
        drop(progress);
        let status = answered.status().unwrap_or(0);
        let body = answered.response_text().ok().flatten().unwrap_or_default();
        on_done(match status {
            200..=299 => Ok(body),
            0 => Err(network()),
            _ => Err(api_problem(status, &body)),
        });
    });
    request.set_onloadend(Some(finished.unchecked_ref()));
    if request.send_with_opt_blob(Some(file)).is_err() {
        request.set_onloadend(None);
    }
}

/// The API's error body (`{"error": {"code", "message", "field"}}`) as a problem.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn api_problem(status: u16, body: &str) -> Problem {
    #[derive(serde::Deserialize)]
    struct Body {
        error: Problem,
    }
    serde_json::from_str::<Body>(body)
        .map(|b| b.error)
        .unwrap_or_else(|_| Problem::new("internal", format!("the server answered {status}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_encoded_for_the_query() {
        assert_eq!(query_value("guide.pdf"), "guide.pdf");
        assert_eq!(
            query_value("メニュー 2026&v=1.pdf"),
            "%E3%83%A1%E3%83%8B%E3%83%A5%E3%83%BC%202026%26v%3D1.pdf"
        );
    }

    #[test]
    fn the_api_error_body_becomes_a_problem_with_its_field() {
        let p = api_problem(
            422,
            r#"{"error":{"code":"unsupported_file_type","message":"not a document","field":"file"}}"#,
        );
        assert_eq!(p.code, "unsupported_file_type");
        assert_eq!(p.field.as_deref(), Some("file"));
        assert_eq!(p.message, "not a document");
        let p = api_problem(413, r#"{"error":{"code":"too_large","message":"big"}}"#);
        assert_eq!((p.code.as_str(), p.field), ("too_large", None));
        let p = api_problem(502, "<html>Bad Gateway</html>");
        assert_eq!(p.code, "internal");
        assert!(p.message.contains("502"), "{}", p.message);
    }
}
