//! Why a chat model gave no (complete) answer, and what to do about it.

use std::time::Duration;

/// Why a request to a chat model failed, or its stream broke off.
///
/// No message carries the API key or any text of the request: a provider's own message
/// is cut to [`MAX_MESSAGE_CHARS`] characters and withheld if it quotes the request
/// (some servers echo the request body in validation errors), so these errors can be
/// logged. [`LlmError::retryable`] says whether sending the same request again may work.
#[derive(Debug, thiserror::Error)]
pub enum LlmError {
    /// The `[llm]` settings are inconsistent; `field` names the offending key.
    #[error("chat model setting `{field}`: {message}")]
    Config {
        /// The settings key, e.g. `model`.
        field: &'static str,
        /// What is wrong and what would be accepted.
        message: String,
    },
    /// No connection, no response headers, or no stream data within the configured
    /// timeout.
    #[error("the chat model did not answer within {after:?}")]
    Timeout {
        /// The timeout that ran out.
        after: Duration,
    },
    /// Too many requests or tokens (HTTP 429): wait, then try again.
    #[error("the chat model provider is rate-limiting requests{}: {message}", retry_after.map(|d| format!(" (retry after {d:?})")).unwrap_or_default())]
    RateLimited {
        /// The server's `retry-after`, if it sent one.
        retry_after: Option<Duration>,
        /// The provider's message.
        message: String,
    },
    /// The provider is overloaded (Anthropic's 529 `overloaded_error`).
    #[error("the chat model provider is overloaded (HTTP {status}): {message}")]
    Overloaded {
        /// 529, or the status an `error` event implies.
        status: u16,
        /// The provider's message.
        message: String,
    },
    /// The provider failed (HTTP 5xx, or an `api_error` event mid-stream).
    #[error("the chat model provider failed (HTTP {status}): {message}")]
    Server {
        /// The status (500 for an error event without one).
        status: u16,
        /// The provider's message.
        message: String,
    },
    /// The provider refused the key or the account (401, 402, 403, OpenAI's
    /// `insufficient_quota`): an operator must act; retrying will not help.
    #[error(
        "the chat model provider refused the credentials or the account (HTTP {status}): {message}"
    )]
    Auth {
        /// The status.
        status: u16,
        /// The provider's message.
        message: String,
    },
    /// The provider rejected the request (400, 404 unknown model, 413, 422): retrying
    /// the same request fails again.
    #[error("the chat model provider rejected the request (HTTP {status}): {message}")]
    BadRequest {
        /// The status.
        status: u16,
        /// The provider's message.
        message: String,
    },
    /// The stream was malformed or ended before the reply was complete.
    #[error("the chat model's stream broke off: {message}")]
    Stream {
        /// What was wrong with it.
        message: String,
    },
    /// The provider could not be reached (DNS, connection refused, TLS).
    #[error("could not reach the chat model provider: {message}")]
    Http {
        /// The HTTP client's description, without the URL.
        message: String,
    },
}

/// The most characters of a provider's own error message an [`LlmError`] keeps.
pub const MAX_MESSAGE_CHARS: usize = 300;

/// Shown instead of a provider message that quoted the request.
const WITHHELD: &str = "(the provider's message quoted the request; withheld)";

impl LlmError {
    /// Whether the same request may succeed if sent again (rate limit, overload, server
    /// error, timeout, lost connection). Only a retry before any text was shown to the
    /// visitor is harmless: see [`stream_with_retry`](crate::stream_with_retry).
    pub fn retryable(&self) -> bool {
        match self {
            LlmError::Timeout { .. }
            | LlmError::RateLimited { .. }
            | LlmError::Overloaded { .. }
            | LlmError::Server { .. }
            | LlmError::Stream { .. }
            | LlmError::Http { .. } => true,
            LlmError::Config { .. } | LlmError::Auth { .. } | LlmError::BadRequest { .. } => false,
        }
    }

    /// The error for an HTTP status, given the provider's already scrubbed message and
    /// its `retry-after`.
    pub(crate) fn from_status(
        status: u16,
        message: String,
        retry_after: Option<Duration>,
    ) -> LlmError {
        match status {
            401..=403 => LlmError::Auth { status, message },
            429 => LlmError::RateLimited {
                retry_after,
                message,
            },
            529 => LlmError::Overloaded { status, message },
            500..=599 | 408 | 409 => LlmError::Server { status, message },
            _ => LlmError::BadRequest { status, message },
        }
    }

    /// A transport error of the HTTP client, without its URL.
    pub(crate) fn http(error: reqwest::Error) -> LlmError {
        LlmError::Http {
            message: error.without_url().to_string(),
        }
    }

    /// A broken stream.
    pub(crate) fn stream(message: impl Into<String>) -> LlmError {
        LlmError::Stream {
            message: message.into(),
        }
    }

    pub(crate) fn config(field: &'static str, message: impl Into<String>) -> LlmError {
        LlmError::Config {
            field,
            message: message.into(),
        }
    }
}

/// The error a provider's error object stands for: the `error` member of an HTTP error
/// body or of a mid-stream `error` event, in Anthropic's shape (`type`, `message`) or
/// OpenAI's (`message`, `type`, `code`), or a bare string. `status` is the HTTP status,
/// `None` mid-stream, where the error's type implies one.
pub(crate) fn from_error_object(
    status: Option<u16>,
    error: Option<&serde_json::Value>,
    fallback: &str,
    secrets: &Secrets,
    retry_after: Option<Duration>,
) -> LlmError {
    let field = |name: &str| error.and_then(|e| e.get(name)).and_then(|v| v.as_str());
    let raw = field("message")
        .or_else(|| error.and_then(|e| e.as_str()))
        .unwrap_or(fallback);
    let message = secrets.scrub(raw);
    let kind = field("type").unwrap_or_default();
    let code = field("code").unwrap_or_default();
    if kind == "overloaded_error" {
        let status = status.unwrap_or(529);
        return LlmError::Overloaded { status, message };
    }
    if code == "insufficient_quota" || kind == "insufficient_quota" {
        let status = status.unwrap_or(429);
        return LlmError::Auth { status, message };
    }
    let implied = match kind {
        "invalid_request_error" => 400,
        "authentication_error" => 401,
        "billing_error" => 402,
        "permission_error" => 403,
        "not_found_error" => 404,
        "request_too_large" => 413,
        "rate_limit_error" | "rate_limit_exceeded" => 429,
        _ => 500,
    };
    LlmError::from_status(status.unwrap_or(implied), message, retry_after)
}

/// What must not appear in an error message: the API key and the request's texts.
/// No `Debug`: printing it would print them.
#[derive(Clone, Default)]
pub(crate) struct Secrets {
    key: Option<String>,
    texts: Vec<String>,
}

/// Runs of this many characters of a request text found in a provider message count as
/// a quotation; shorter texts count only whole.
const QUOTE_CHARS: usize = 12;

impl Secrets {
    pub(crate) fn new(key: Option<&str>, req: &crate::ChatRequest) -> Secrets {
        let mut texts = vec![req.system.clone()];
        for message in &req.messages {
            for part in &message.content {
                match part {
                    crate::Part::Text(t) => texts.push(t.clone()),
                    crate::Part::ToolCall { arguments, .. } => texts.push(arguments.to_string()),
                    crate::Part::ToolResult { content, .. } => texts.push(content.clone()),
                }
            }
        }
        texts.retain(|t| t.trim().chars().count() >= 4);
        Secrets {
            key: key.filter(|k| !k.is_empty()).map(str::to_owned),
            texts,
        }
    }

    /// The provider's message, cut short, the key replaced, and withheld entirely if it
    /// quotes any text of the request.
    pub(crate) fn scrub(&self, message: &str) -> String {
        let mut message = message.trim().to_owned();
        if let Some(key) = &self.key {
            message = message.replace(key.as_str(), "[redacted]");
        }
        if let Some((cut, _)) = message.char_indices().nth(MAX_MESSAGE_CHARS) {
            message.truncate(cut);
            message.push('…');
        }
        if self.texts.iter().any(|t| quotes(&message, t)) {
            return WITHHELD.to_owned();
        }
        if message.is_empty() {
            return "(no message)".to_owned();
        }
        message
    }
}

/// Whether `message` contains `text` whole or any `QUOTE_CHARS`-long run of it.
fn quotes(message: &str, text: &str) -> bool {
    let text = text.trim();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    if chars.len() <= QUOTE_CHARS {
        return message.contains(text);
    }
    // Runs of the text are looked up in the message, which is short (≤ 300 chars).
    (0..=chars.len() - QUOTE_CHARS).any(|i| {
        let start = chars[i].0;
        let end = chars
            .get(i + QUOTE_CHARS)
            .map_or(text.len(), |&(byte, _)| byte);
        message.contains(&text[start..end])
    })
}

/// Reads `retry-after-ms` (OpenAI) or `retry-after` in seconds; an HTTP date is ignored.
pub(crate) fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let number = |name: &str| -> Option<f64> {
        let value: f64 = headers.get(name)?.to_str().ok()?.trim().parse().ok()?;
        (value.is_finite() && value >= 0.0).then_some(value)
    };
    number("retry-after-ms")
        .map(|ms| Duration::from_secs_f64(ms / 1000.0))
        .or_else(|| number("retry-after").map(Duration::from_secs_f64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ChatRequest, Message};

    fn secrets() -> Secrets {
        let req = ChatRequest {
            system: "You are Mimi, the assistant of a bakery.".into(),
            messages: vec![Message::user("When do you open on Sundays?")],
            ..ChatRequest::default()
        };
        Secrets::new(Some("sk-secret-123"), &req)
    }

    #[test]
    fn a_message_quoting_the_request_is_withheld() {
        let scrubbed = secrets().scrub("invalid input: {'content': 'When do you open on'}");
        assert_eq!(scrubbed, WITHHELD);
    }

    #[test]
    fn a_message_echoing_the_key_has_it_redacted() {
        let scrubbed = secrets().scrub("Incorrect API key provided: sk-secret-123.");
        assert_eq!(scrubbed, "Incorrect API key provided: [redacted].");
    }

    #[test]
    fn a_long_message_is_cut() {
        let scrubbed = secrets().scrub(&"x".repeat(1000));
        assert_eq!(scrubbed.chars().count(), MAX_MESSAGE_CHARS + 1);
    }
}
