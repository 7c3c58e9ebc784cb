//! The chat turn, the path a visitor's question takes (see DESIGN.md, "The chat turn"):
//! the message is stored first; the app's knowledge is searched; a prompt is built from
//! the owner's persona and instructions, the passages and the last few turns; the app's
//! responder (a language model, or the extractive default) streams a reply; every byte
//! of it passes the streaming PII guardrail before it is sent; the redacted reply is
//! stored with its citations, model, token counts and latency; and the [`TurnHook`]
//! hears of it.
//!
//! Visitors have no accounts: [`Chat::start`] hands out a random token, of which only a
//! hash is kept, and [`authorise`] turns a conversation id and token into a [`Visitor`]
//! (tenant, app, conversation) or [`Error::NotFound`](mimi_domain::Error::NotFound).
//! Everything afterwards runs in that tenant's transactions, under Row-Level Security.
//! Visitors are rate-limited ([`VisitorLimits`]); owners reply in person ([`reply`]);
//! every change is announced to the visitor's and the owner's live streams
//! ([`Chat::subscribe`], over `LISTEN`/`NOTIFY`).
//!
//! Logs never hold chat text: failures are logged with their kind and ids only.

mod conversation;
mod events;
mod limits;
mod owner;
mod prompt;
mod providers;
mod turn;

pub use conversation::{
    MAX_MESSAGE_CHARS, Role, Started, StoredMessage, Visitor, authorise, message, messages,
};
pub use events::{CHANNEL, Change, ChangeKind, Heard, Subscriber};
pub use limits::VisitorLimits;
pub use owner::{
    InboxFilter, MAX_LIST, Summary, Thread, ThreadMessage, delete, inbox, reply, set_handled,
    thread,
};
pub use prompt::{HISTORY_TURNS, answer_language};
pub use providers::Providers;
pub use turn::{Chat, HandOffEvent, Source, TurnEvent, TurnHook, TurnUpdate};
