//! What an app looks like to its owner ([`App`]) and to visitors ([`PublicProfile`]), and
//! how both are read from the `apps` table.

use mimi_domain::Language;
use serde::Serialize;
use sqlx::types::Json;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::chat::ChatSettings;
use crate::input::{Fields, Link};
use crate::theme::Theme;

/// An app as its workspace sees it: every setting, and image URLs.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct App {
    /// Its id.
    pub id: Uuid,
    /// The workspace that owns it.
    pub workspace_id: Uuid,
    /// Lower-case handle: `/@handle`.
    pub handle: String,
    /// Display name.
    pub name: String,
    /// The owner's site, if given.
    pub site_url: Option<String>,
    /// Short description; may hold line breaks.
    pub bio: String,
    /// Links, in display order.
    pub links: Vec<Link>,
    /// The widget's look.
    pub theme: Theme,
    /// The language the widget and page speak.
    #[schema(value_type = String, example = "ja")]
    pub language: Language,
    /// Origins the widget may be embedded on (`https://shop.example`).
    pub allowed_origins: Vec<String>,
    /// Contact details the PII guardrail lets through in answers.
    pub public_contacts: Vec<String>,
    /// How it answers visitors.
    pub chat: ChatSettings,
    /// The owner's domain that reaches this app, if any.
    pub custom_domain: Option<String>,
    /// `/media/{workspace_id}/{file_id}`, if an avatar is set.
    pub avatar_url: Option<String>,
    /// `/media/{workspace_id}/{file_id}`, if a cover is set.
    pub cover_url: Option<String>,
    /// When it was created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// When its settings or images last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

/// What anyone may see of an app: its public page and the widget's look. Nothing
/// private (allowed origins, public contacts, dates) is here; the ids are for the server
/// to route with and are not serialised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct PublicProfile {
    /// The app, for the server's own use.
    #[serde(skip)]
    #[schema(ignore)]
    pub app_id: Uuid,
    /// The tenant, for the server's own use.
    #[serde(skip)]
    #[schema(ignore)]
    pub workspace_id: Uuid,
    /// Lower-case handle.
    pub handle: String,
    /// Display name.
    pub name: String,
    /// The owner's site, if given.
    pub site_url: Option<String>,
    /// Short description.
    pub bio: String,
    /// Links, in display order.
    pub links: Vec<Link>,
    /// The widget's look.
    pub theme: Theme,
    /// The language the widget and page speak.
    #[schema(value_type = String, example = "ja")]
    pub language: Language,
    /// Avatar URL path, if set.
    pub avatar_url: Option<String>,
    /// Cover URL path, if set.
    pub cover_url: Option<String>,
}

/// An app as the visitor API serves it: the public profile, and the settings the
/// server applies to visitors but never shows them (allowed origins, the guardrail's
/// allowlist, the chat settings).
#[derive(Clone, Debug, PartialEq)]
pub struct VisitorApp {
    /// What the visitor may see.
    pub profile: PublicProfile,
    /// Origins the widget may be embedded on.
    pub allowed_origins: Vec<String>,
    /// Contact details answers may show.
    pub public_contacts: Vec<String>,
    /// How the app answers.
    pub chat: ChatSettings,
    /// The owner's domain that reaches this app, if any.
    pub custom_domain: Option<String>,
}

/// Which of an app's images.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImageKind {
    /// The round picture beside the app's name and on the widget's launcher.
    Avatar,
    /// The wide banner on the public page.
    Cover,
}

impl ImageKind {
    /// The `files.purpose` value.
    pub fn purpose(self) -> &'static str {
        match self {
            ImageKind::Avatar => "avatar",
            ImageKind::Cover => "cover",
        }
    }
}

/// The path a stored image is served at.
pub(crate) fn media_path(workspace_id: Uuid, file_id: Uuid) -> String {
    format!("/media/{workspace_id}/{file_id}")
}

/// The columns of [`AppRow`], for `select` and `returning`.
pub(crate) const COLUMNS: &str = "id, workspace_id, handle, name, site_url, bio, links, theme, \
     language, allowed_origins, public_contacts, chat, custom_domain, avatar_file_id, cover_file_id, created_at, updated_at";

/// One `apps` row.
#[derive(sqlx::FromRow)]
pub(crate) struct AppRow {
    pub id: Uuid,
    pub workspace_id: Uuid,
    pub handle: String,
    pub name: String,
    pub site_url: Option<String>,
    pub bio: String,
    pub links: Json<Vec<Link>>,
    pub theme: Json<Theme>,
    pub language: String,
    pub allowed_origins: Vec<String>,
    pub public_contacts: Vec<String>,
    pub chat: Json<ChatSettings>,
    pub custom_domain: Option<String>,
    pub avatar_file_id: Option<Uuid>,
    pub cover_file_id: Option<Uuid>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

impl AppRow {
    /// The stored settings, to lay a patch over.
    pub fn fields(&self) -> Fields {
        Fields {
            handle: self.handle.clone(),
            name: self.name.clone(),
            site_url: self.site_url.clone(),
            bio: self.bio.clone(),
            links: self.links.0.clone(),
            theme: self.theme.0.clone(),
            language: self.language(),
            allowed_origins: self.allowed_origins.clone(),
            public_contacts: self.public_contacts.clone(),
            chat: self.chat.0.clone(),
            custom_domain: self.custom_domain.clone(),
        }
    }

    /// The file id of `kind`, if set.
    pub fn image(&self, kind: ImageKind) -> Option<Uuid> {
        match kind {
            ImageKind::Avatar => self.avatar_file_id,
            ImageKind::Cover => self.cover_file_id,
        }
    }

    fn language(&self) -> Language {
        // The column's check allows only tags `from_tag` knows.
        Language::from_tag(&self.language).unwrap_or_default()
    }

    fn url(&self, file: Option<Uuid>) -> Option<String> {
        file.map(|f| media_path(self.workspace_id, f))
    }

    /// The owner's view.
    pub fn into_app(self) -> App {
        App {
            language: self.language(),
            avatar_url: self.url(self.avatar_file_id),
            cover_url: self.url(self.cover_file_id),
            id: self.id,
            workspace_id: self.workspace_id,
            handle: self.handle,
            name: self.name,
            site_url: self.site_url,
            bio: self.bio,
            links: self.links.0,
            theme: self.theme.0,
            allowed_origins: self.allowed_origins,
            public_contacts: self.public_contacts,
            chat: self.chat.0,
            custom_domain: self.custom_domain,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }

    /// What the chat turn needs: the public view and the private settings that govern
    /// a visitor's conversation.
    pub fn into_visitor(self) -> VisitorApp {
        VisitorApp {
            allowed_origins: self.allowed_origins.clone(),
            public_contacts: self.public_contacts.clone(),
            chat: self.chat.0.clone(),
            custom_domain: self.custom_domain.clone(),
            profile: self.into_public(),
        }
    }

    /// The visitors' view.
    pub fn into_public(self) -> PublicProfile {
        PublicProfile {
            language: self.language(),
            avatar_url: self.url(self.avatar_file_id),
            cover_url: self.url(self.cover_file_id),
            app_id: self.id,
            workspace_id: self.workspace_id,
            handle: self.handle,
            name: self.name,
            site_url: self.site_url,
            bio: self.bio,
            links: self.links.0,
            theme: self.theme.0,
        }
    }
}
