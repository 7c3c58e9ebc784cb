//! An owner's apps: each workspace has one or more, each with a handle (`/@handle`),
//! a name, site, bio, links, widget theme, language, the origins the widget may be
//! embedded on, the contact details the PII guardrail may let through, how it answers
//! (chat settings), avatar and cover images, and anonymous daily views of its public
//! page.
//!
//! Every operation takes the serving pool and the caller's [`Scope`](mimi_domain::Scope)
//! and runs in its own tenant transaction, so Row-Level Security hides other workspaces'
//! apps: they answer [`Error::NotFound`](mimi_domain::Error::NotFound). Members create
//! and edit apps; deleting one needs an admin. Uploaded images are sniffed, decoded under
//! limits and re-encoded without metadata (see [`MAX_IMAGE_BYTES`] and the `image`
//! module), and their bytes kept in [`LocalStorage`].
//!
//! Depends on `domain` and `store` only; no HTTP. The server maps errors to statuses and
//! serves `/media/{workspace_id}/{file_id}` with [`read_image`].

mod chat;
mod image;
mod input;
mod media;
mod model;
mod ops;
mod page_views;
mod storage;
mod theme;

pub use crate::image::{MAX_IMAGE_BYTES, MAX_IMAGE_SIDE};
pub use chat::{AnswerLanguage, ChatInput, ChatSettings, Provider};
pub use input::{AppPatch, Link, MAX_ALLOWED_ORIGINS, MAX_LINKS, MAX_PUBLIC_CONTACTS, NewApp};
pub use media::{read_image, remove_image, set_image};
pub use model::{App, ImageKind, PublicProfile, VisitorApp};
pub use ops::{
    create, delete, get, host_name, list, public_profile_by_handle, update, visitor_app,
    visitor_app_by_handle, visitor_app_by_host,
};
pub use page_views::{DailyViews, MAX_PAGE_VIEW_DAYS, count_page_view, page_views};
pub use storage::LocalStorage;
pub use theme::{
    DEFAULT_PRIMARY_COLOR, LauncherPosition, MAX_SUGGESTED_QUESTIONS, Theme, ThemeInput,
};
