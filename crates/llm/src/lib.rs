//! Chat-model providers for Mimi's chat turn: one [`ChatModel`] trait, three
//! implementations, all streamed as [`Event`]s.
//!
//! - [`Anthropic`]: the Messages API (`POST {base}/v1/messages`, base without `/v1` as
//!   Anthropic's SDKs take it).
//! - [`OpenAi`]: Chat Completions (`POST {base}/chat/completions`, base *including*
//!   `/v1` as OpenAI's SDKs, Ollama's docs and `mimi-embed` take it), for OpenAI and
//!   compatible servers (Ollama, vLLM, llama.cpp): the key is optional and missing
//!   `id`/`usage` fields are tolerated.
//! - [`Extractive`]: no model at all, the default; it quotes the best retrieved passage
//!   and tells the caller which one with [`Event::Cite`].
//!
//! The caller (the chat pipeline) owns the prompt: persona, rules and retrieved passages
//! go into [`ChatRequest::system`]; providers add nothing and send nothing else. A stream
//! yields text deltas and complete tool calls, and ends with [`Event::Done`] (stop reason
//! and token usage) or with one error: a stream that is cut off, malformed or silent for
//! longer than the timeout ends with [`LlmError::Stream`] or [`LlmError::Timeout`], never
//! with a `Done`. Dropping the stream closes the connection.
//!
//! [`LlmError`] says what a caller can do (retry, tell the operator, fix the request);
//! its messages never hold the API key or the conversation, because logs must not hold
//! chat text. [`stream_with_retry`] retries once, and only before anything was shown.
//!
//! With the `fake` feature, [`fake`] serves local Anthropic and OpenAI look-alikes that
//! check requests as the real APIs do and replay scripted streams, for tests here and in
//! the crates that call this one.
//!
//! Depends on nothing of Mimi's: it knows requests and replies, not tenants or
//! conversations.

mod anthropic;
mod error;
mod extractive;
#[cfg(feature = "fake")]
pub mod fake;
mod http;
mod openai;
mod retry;
mod settings;
mod sse;
mod types;

use std::pin::Pin;

use futures_util::Stream;
use futures_util::future::BoxFuture;

pub use anthropic::{ANTHROPIC_BASE, API_VERSION, Anthropic, AnthropicOptions};
pub use error::{LlmError, MAX_MESSAGE_CHARS};
pub use extractive::{Extractive, MAX_ANSWER_CHARS, NO_ANSWER_EN, NO_ANSWER_JA};
pub use openai::{OPENAI_BASE, OpenAi, OpenAiOptions};
pub use retry::{RETRY_AFTER_CAP, stream_with_retry};
pub use settings::{Provider, Settings, from_settings};
pub use types::{
    ChatRequest, Event, Message, Part, Role, SourcePassage, StopReason, ToolSpec, Usage,
};

/// A model's reply as it arrives: events, then either [`Event::Done`] or one error.
pub type EventStream = Pin<Box<dyn Stream<Item = Result<Event, LlmError>> + Send>>;

/// A chat model that streams its reply.
pub trait ChatModel: Send + Sync + std::fmt::Debug {
    /// Which model this is, for logs and the stored reply: `anthropic:<model>`,
    /// `openai:<model>` (or `openai:<host[:port]>/<model>` off api.openai.com), or
    /// `extractive`.
    fn name(&self) -> &str;

    /// Sends `req` and resolves once the response has started: to its event stream, or
    /// to the error that refused it (status, timeout, connection).
    fn stream<'a>(&'a self, req: &'a ChatRequest) -> BoxFuture<'a, Result<EventStream, LlmError>>;
}
