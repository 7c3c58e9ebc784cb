//! Mimi's owner dashboard: Leptos pages under `/dashboard`.
//!
//! One crate, two halves. With `ssr`, `mimi` renders every page on the server and
//! answers the server functions ([`api`]), which call the same capability-crate
//! functions as the JSON API under `/api/v1`; with `hydrate`, the same components are
//! compiled to WebAssembly (scripts/build-dashboard) and take over the page in the
//! browser. The wasm half reaches only wasm-safe crates (`mimi-domain`, serde, uuid):
//! the view types in [`model`] are the JSON shapes of the API, not the server's types.

// The settings page's view type nests deeper than rustc's default limit of 128.
#![recursion_limit = "256"]

// Server functions take one argument per form field; some forms have more than seven.
#[allow(clippy::too_many_arguments)]
pub mod api;
pub mod app;
#[cfg(feature = "ssr")]
pub mod backend;
pub mod i18n;
mod live;
pub mod model;
mod pages;
mod ui;
pub mod upload;

pub use app::App;
#[cfg(feature = "ssr")]
pub use app::shell;

/// The browser's entry point: hydrate the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
    // When the page became interactive, in ms since navigation began: the browser test
    // reads it (docs/benchmarks.md, "Dashboard").
    if let Some(window) = web_sys::window() {
        let now = window.performance().map(|p| p.now()).unwrap_or_default();
        if let Some(root) = window.document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("data-hydrated", &format!("{now:.0}"));
        }
    }
}
