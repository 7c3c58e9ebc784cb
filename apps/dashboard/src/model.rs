//! What the pages show and send: the JSON shapes of the owner API, shared by the server
//! and the browser. The server builds them from the capability crates' own types by
//! their serde representation ([`crate::backend::view`]), so a field means the same in
//! the API and here.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// An error a page can show: the API's stable `code`, the `field` at fault (for an
/// inline message next to it) and a message in English.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// Stable reason (`handle_taken`, `unauthenticated`, …).
    pub code: String,
    /// The input field at fault, in the API's naming (`handle`, `theme.greeting`).
    pub field: Option<String>,
    /// For people, in English; pages show [`crate::i18n::problem`] instead when the code
    /// has a translation.
    pub message: String,
}

impl Problem {
    /// A problem with no field.
    pub fn new(code: &str, message: impl Into<String>) -> Problem {
        Problem {
            code: code.to_owned(),
            field: None,
            message: message.into(),
        }
    }

    /// Whether the caller must sign in (again).
    pub fn is_unauthenticated(&self) -> bool {
        self.code == "unauthenticated"
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for Problem {}

impl leptos::server_fn::error::FromServerFnError for Problem {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Problem {
        use leptos::server_fn::error::ServerFnErrorErr as E;
        let code = match &value {
            E::Request(_) => "network",
            E::Args(_) | E::MissingArg(_) => "invalid_form",
            _ => "internal",
        };
        Problem::new(code, value.to_string())
    }
}

/// The signed-in owner and the workspaces they belong to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Me {
    /// Account id.
    pub id: Uuid,
    /// Display name.
    pub name: String,
    /// Sign-in address.
    pub email: String,
    /// `en` or `ja`: the dashboard's language.
    pub language: String,
    /// Memberships, oldest first.
    pub workspaces: Vec<Workspace>,
}

/// A workspace the owner belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// Id.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// `owner`, `admin` or `member`.
    pub role: String,
}

/// An app's theme.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// `#rrggbb`.
    pub primary_color: String,
    /// `right` or `left`.
    pub launcher_position: String,
    /// The widget's first message.
    pub greeting: String,
    /// One-tap questions.
    pub suggested_questions: Vec<String>,
}

/// A link on the public page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Label.
    pub title: String,
    /// Address.
    pub url: String,
}

/// An app, as the settings pages show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AppView {
    /// Id.
    pub id: Uuid,
    /// `/@handle`.
    pub handle: String,
    /// Display name.
    pub name: String,
    /// The owner's site.
    pub site_url: Option<String>,
    /// Public page text.
    pub bio: String,
    /// Public page links.
    pub links: Vec<Link>,
    /// Colours and greeting.
    pub theme: Theme,
    /// `en` or `ja`: the widget's default language.
    pub language: String,
    /// Sites allowed to embed the widget.
    pub allowed_origins: Vec<String>,
    /// Contact details the guardrail lets through.
    pub public_contacts: Vec<String>,
    /// The avatar's address, if any.
    pub avatar_url: Option<String>,
    /// The cover image's address, if any.
    pub cover_url: Option<String>,
    /// How it answers.
    pub chat: ChatSettings,
}

/// An app's answering settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChatSettings {
    /// `extractive`, `anthropic` or `openai`.
    pub provider: String,
    /// The model; empty means the server's default for the provider.
    pub model: String,
    /// Sampling temperature; `None` is the provider's default.
    pub temperature: Option<f32>,
    /// Who the assistant is.
    pub persona: String,
    /// The owner's own rules.
    pub instructions: String,
    /// `auto`, `en` or `ja`.
    pub answer_language: String,
}

/// Why an item failed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    /// Stable reason.
    pub code: String,
    /// For people.
    pub message: String,
}

/// A knowledge item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Id.
    pub id: Uuid,
    /// `faq`, `page`, `file` or `site_page`.
    pub kind: String,
    /// Question, title, file name or page title.
    pub title: String,
    /// Answer or page text.
    pub body: Option<String>,
    /// Source address.
    pub link: Option<String>,
    /// `queued`, `indexing`, `ready` or `failed`.
    pub status: String,
    /// Why it failed.
    pub failure: Option<Failure>,
    /// Passages retrieval can return.
    pub passages: i64,
    /// RFC 3339.
    pub updated_at: String,
}

/// A passage found by the test-retrieval box.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Item title.
    pub title: String,
    /// Section path.
    pub section: String,
    /// Text.
    pub content: String,
    /// Fused score.
    pub score: f32,
}

/// A conversation in the inbox.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Id.
    pub id: Uuid,
    /// App.
    pub app_id: Uuid,
    /// RFC 3339.
    pub last_message_at: String,
    /// When handled.
    pub handled_at: Option<String>,
    /// When the visitor asked for a person.
    pub handed_off_at: Option<String>,
    /// What the visitor left to be reached at.
    pub visitor_contact: Option<String>,
    /// The last message is the visitor's.
    pub unanswered: bool,
    /// Message count.
    pub messages: i64,
}

/// A cited source of a reply.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Item title.
    pub title: String,
    /// Section.
    #[serde(default)]
    pub section: String,
    /// Address.
    #[serde(default)]
    pub link: Option<String>,
}

/// A message of a thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// Id.
    pub id: Uuid,
    /// `visitor`, `assistant` or `owner`.
    pub role: String,
    /// Text (assistant replies as redacted).
    pub text: String,
    /// Cited passages.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// `complete`, `failed`, …
    pub status: String,
    /// RFC 3339.
    pub created_at: String,
}

/// A conversation with its messages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Thread {
    /// The conversation.
    pub conversation: Summary,
    /// Oldest first.
    pub messages: Vec<Message>,
}

/// A member of a workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// Account id.
    pub account_id: Uuid,
    /// Name.
    pub name: String,
    /// Address.
    pub email: String,
    /// `owner`, `admin` or `member`.
    pub role: String,
}

/// A pending invitation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Invite {
    /// Id.
    pub id: Uuid,
    /// Invited address.
    pub email: String,
    /// Role on joining.
    pub role: String,
    /// RFC 3339.
    pub expires_at: String,
}

/// An API key (its secret is shown once, at creation).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApiKey {
    /// Id.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// The first characters, to recognise it.
    pub prefix: String,
    /// RFC 3339.
    pub last_used_at: Option<String>,
}

/// A workspace's people and keys.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Team {
    /// Members.
    pub members: Vec<Member>,
    /// Pending invitations (admins only; empty otherwise).
    pub invites: Vec<Invite>,
    /// API keys (admins only; empty otherwise).
    pub api_keys: Vec<ApiKey>,
}
