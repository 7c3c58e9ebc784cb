//! Live updates in the browser: the workspace's change stream
//! (`GET /api/v1/workspaces/{id}/events`, Server-Sent Events fed by `LISTEN/NOTIFY`),
//! followed while a page that shows conversations is open. Nothing happens on the server
//! side of the render.

use leptos::prelude::*;
use uuid::Uuid;

/// Calls `on_change` whenever a conversation of `workspace` changes (or changes may have
/// been missed); `connected` tells whether the stream is open. The browser reconnects by
/// itself after a drop; the stream closes when the page's owner is cleaned up.
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
pub fn follow_workspace(
    workspace: Uuid,
    on_change: impl Fn() + 'static,
    connected: RwSignal<bool>,
) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;

        let Ok(source) =
            web_sys::EventSource::new(&format!("/api/v1/workspaces/{workspace}/events"))
        else {
            return;
        };
        let changed = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| on_change());
        for event in ["change", "resync"] {
            let _ =
                source.add_event_listener_with_callback(event, changed.as_ref().unchecked_ref());
        }
        let opened = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
            connected.set(true);
        });
        source.set_onopen(Some(opened.as_ref().unchecked_ref()));
        let failed = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
            connected.set(false);
        });
        source.set_onerror(Some(failed.as_ref().unchecked_ref()));
        let kept = send_wrapper::SendWrapper::new((source, changed, opened, failed));
        on_cleanup(move || kept.0.close());
    }
}

/// Copies `text` to the clipboard (the embed snippet's button).
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
pub fn copy_to_clipboard(text: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}
