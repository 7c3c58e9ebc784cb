//! What goes into a model (a [`ChatRequest`]) and what comes out ([`Event`]s).

use serde::{Deserialize, Serialize};

/// One turn's request to a chat model. The caller builds the whole prompt: persona,
/// rules and the retrieved passages go into `system`; providers add nothing of their own.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChatRequest {
    /// The system prompt; omitted from the request when empty.
    pub system: String,
    /// The conversation so far, oldest first, ending with the visitor's message (or with
    /// the tool results the model asked for).
    pub messages: Vec<Message>,
    /// Functions the model may call; empty for none.
    pub tools: Vec<ToolSpec>,
    /// The most tokens the reply may have.
    pub max_tokens: u32,
    /// Sampling temperature; `None` leaves the provider's default.
    pub temperature: Option<f32>,
    /// The retrieved passages, best first. Only [`Extractive`](crate::Extractive) reads
    /// them; language-model providers never send them (the caller has already put them
    /// into `system`).
    pub passages: Vec<SourcePassage>,
}

/// Who wrote a [`Message`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The visitor; also the carrier of tool results, as in Anthropic's format.
    User,
    /// The model: its text and its tool calls.
    Assistant,
}

/// One message of the conversation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// Who wrote it.
    pub role: Role,
    /// Its parts, in order.
    pub content: Vec<Part>,
}

impl Message {
    /// A visitor's message of plain text.
    pub fn user(text: impl Into<String>) -> Self {
        Message {
            role: Role::User,
            content: vec![Part::Text(text.into())],
        }
    }

    /// A model's earlier reply of plain text.
    pub fn assistant(text: impl Into<String>) -> Self {
        Message {
            role: Role::Assistant,
            content: vec![Part::Text(text.into())],
        }
    }

    /// The text parts joined by blank lines (tool calls and results left out).
    pub fn text(&self) -> String {
        let texts: Vec<&str> = self
            .content
            .iter()
            .filter_map(|p| match p {
                Part::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        texts.join("\n\n")
    }
}

/// A piece of a [`Message`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Text.
    Text(String),
    /// A call the model made (in an [`Role::Assistant`] message).
    ToolCall {
        /// The provider's id of the call, echoed by the matching [`Part::ToolResult`].
        id: String,
        /// The tool's name, one of [`ChatRequest::tools`].
        name: String,
        /// The arguments, a JSON object.
        arguments: serde_json::Value,
    },
    /// What a tool returned (in a [`Role::User`] message, after the call).
    ToolResult {
        /// The id of the [`Part::ToolCall`] this answers.
        id: String,
        /// The tool's output as text (JSON or prose).
        content: String,
        /// Whether the tool failed; the model is told so.
        is_error: bool,
    },
}

/// A function the model may call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ToolSpec {
    /// The name the model calls it by (`^[a-zA-Z0-9_-]{1,64}$` for both providers).
    pub name: String,
    /// What it does and when to call it, for the model.
    pub description: String,
    /// The arguments as a JSON Schema object.
    pub parameters: serde_json::Value,
}

/// A passage retrieved from the owner's knowledge base.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourcePassage {
    /// The id the caller cites it by.
    pub id: String,
    /// Its item's title and section.
    pub title: String,
    /// Its text.
    pub content: String,
}

/// One thing a model's stream produced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// The next piece of the reply's text.
    TextDelta(String),
    /// A tool call, emitted once its arguments are complete.
    ToolCall {
        /// The provider's id of the call (generated as `call_<n>` by servers that send
        /// none).
        id: String,
        /// The tool's name.
        name: String,
        /// The parsed arguments (`{}` when the model sent none).
        arguments: serde_json::Value,
    },
    /// The reply is drawn from this passage: only [`Extractive`](crate::Extractive)
    /// emits it, once, before its text. Language models cite through the prompt's
    /// conventions instead, which the caller defines.
    Cite {
        /// A [`SourcePassage::id`] of the request.
        passage_id: String,
    },
    /// The reply is complete; always the last event of a successful stream.
    Done {
        /// Why the model stopped.
        stop: StopReason,
        /// Tokens counted by the provider (zeros when it reports none).
        usage: Usage,
    },
}

/// Why a model stopped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StopReason {
    /// It finished its answer.
    EndTurn,
    /// It reached [`ChatRequest::max_tokens`]: the text is cut short.
    MaxTokens,
    /// It wants the [`Event::ToolCall`]s it emitted to be run and answered.
    ToolUse,
    /// Another reason, as the provider named it (`stop_sequence`, `refusal`,
    /// `content_filter`…).
    Other(String),
}

/// Token counts of one request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    /// Tokens of the prompt.
    pub input_tokens: u32,
    /// Tokens of the reply.
    pub output_tokens: u32,
}
