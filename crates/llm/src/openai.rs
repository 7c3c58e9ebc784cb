//! OpenAI's Chat Completions API (`POST {base}/chat/completions`, base including `/v1`),
//! streamed; also what Ollama, vLLM and llama.cpp's server speak.

use std::time::Duration;

mod decode;

use futures_util::future::BoxFuture;
use secrecy::{ExposeSecret, SecretString};
use serde_json::{Value, json};

use crate::error::Secrets;
use crate::http::Transport;
use crate::{ChatModel, ChatRequest, EventStream, LlmError, Part, Role};

/// OpenAI's API base, including `/v1` (as its SDKs and Ollama's docs give it).
pub const OPENAI_BASE: &str = "https://api.openai.com/v1";

/// How to reach an OpenAI-compatible server.
#[derive(Clone, Debug)]
pub struct OpenAiOptions {
    /// API base including `/v1`; `/chat/completions` is appended.
    pub base_url: String,
    /// The model, e.g. `gpt-4o-mini` or `llama3.2`.
    pub model: String,
    /// Sent as `Authorization: Bearer …`; `None` for servers without authentication.
    pub api_key: Option<SecretString>,
    /// Limit on connecting, on the response headers and on every silence of the stream.
    pub timeout: Duration,
}

impl OpenAiOptions {
    /// Options for `model` on api.openai.com, without a key, with a 30 s timeout.
    pub fn new(model: impl Into<String>) -> Self {
        OpenAiOptions {
            base_url: OPENAI_BASE.to_owned(),
            model: model.into(),
            api_key: None,
            timeout: Duration::from_secs(30),
        }
    }
}

/// A model behind an OpenAI-compatible `/chat/completions` endpoint.
#[derive(Debug)]
pub struct OpenAi {
    name: String,
    endpoint: String,
    /// api.openai.com wants `max_completion_tokens` (its reasoning models refuse
    /// `max_tokens`); compatible servers know `max_tokens`.
    max_tokens_field: &'static str,
    options: OpenAiOptions,
    transport: Transport,
}

impl OpenAi {
    /// Checks the options and builds the HTTP client; sends nothing yet. The name is
    /// `openai:<model>` on api.openai.com and `openai:<host[:port]>/<model>` elsewhere.
    pub fn new(options: OpenAiOptions) -> Result<Self, LlmError> {
        let base = crate::settings::check_base_url(&options.base_url)?;
        if options.model.trim().is_empty() {
            return Err(LlmError::config("model", "must not be empty"));
        }
        let url =
            url::Url::parse(&base).map_err(|e| LlmError::config("base_url", e.to_string()))?;
        let official = url.host_str() == Some("api.openai.com");
        let name = match (official, url.host_str(), url.port()) {
            (false, Some(host), Some(port)) => format!("openai:{host}:{port}/{}", options.model),
            (false, Some(host), None) => format!("openai:{host}/{}", options.model),
            _ => format!("openai:{}", options.model),
        };
        Ok(OpenAi {
            name,
            endpoint: format!("{base}/chat/completions"),
            max_tokens_field: if official {
                "max_completion_tokens"
            } else {
                "max_tokens"
            },
            transport: Transport::new(options.timeout)?,
            options,
        })
    }

    async fn open(&self, req: &ChatRequest) -> Result<EventStream, LlmError> {
        let key = self.options.api_key.as_ref().map(|k| k.expose_secret());
        let secrets = Secrets::new(key, req);
        let body = request_body(&self.options.model, self.max_tokens_field, req);
        let mut request = self.transport.post(&self.endpoint).json(&body);
        if let Some(key) = key {
            request = request.bearer_auth(key);
        }
        let decoder = decode::OpenAiDecoder::new(secrets.clone());
        self.transport.stream(request, secrets, decoder).await
    }
}

impl ChatModel for OpenAi {
    fn name(&self) -> &str {
        &self.name
    }

    fn stream<'a>(&'a self, req: &'a ChatRequest) -> BoxFuture<'a, Result<EventStream, LlmError>> {
        Box::pin(self.open(req))
    }
}

/// The JSON body of a streamed chat completion request.
pub(crate) fn request_body(model: &str, max_tokens_field: &str, req: &ChatRequest) -> Value {
    let mut messages = Vec::new();
    if !req.system.is_empty() {
        messages.push(json!({"role": "system", "content": req.system}));
    }
    for message in &req.messages {
        match message.role {
            Role::User => user_messages(&message.content, &mut messages),
            Role::Assistant => messages.push(assistant_message(&message.content)),
        }
    }
    let mut body = json!({
        "model": model,
        "messages": messages,
        "stream": true,
        "stream_options": {"include_usage": true},
    });
    body[max_tokens_field] = json!(req.max_tokens);
    if !req.tools.is_empty() {
        let tools: Vec<Value> = req
            .tools
            .iter()
            .map(|t| {
                json!({"type": "function", "function": {
                    "name": t.name, "description": t.description, "parameters": t.parameters,
                }})
            })
            .collect();
        body["tools"] = json!(tools);
    }
    if let Some(t) = req.temperature {
        body["temperature"] = crate::settings::decimal(t);
    }
    body
}

/// Tool results become `tool` messages (first: they must follow the assistant's calls),
/// then the text a `user` message. The format has no error flag, so a failed tool's
/// output is prefixed with `Error: `.
fn user_messages(content: &[Part], messages: &mut Vec<Value>) {
    let mut texts = Vec::new();
    for part in content {
        match part {
            Part::Text(text) => texts.push(text.as_str()),
            Part::ToolResult {
                id,
                content,
                is_error,
            } => {
                let content = match is_error {
                    true => format!("Error: {content}"),
                    false => content.clone(),
                };
                messages.push(json!({"role": "tool", "tool_call_id": id, "content": content}));
            }
            Part::ToolCall { .. } => {} // a visitor makes no tool calls
        }
    }
    if !texts.is_empty() {
        messages.push(json!({"role": "user", "content": texts.join("\n\n")}));
    }
}

fn assistant_message(content: &[Part]) -> Value {
    let mut texts = Vec::new();
    let mut calls = Vec::new();
    for part in content {
        match part {
            Part::Text(text) => texts.push(text.as_str()),
            Part::ToolCall {
                id,
                name,
                arguments,
            } => calls.push(json!({"id": id, "type": "function", "function": {
                "name": name, "arguments": arguments.to_string(),
            }})),
            Part::ToolResult { .. } => {}
        }
    }
    if calls.is_empty() {
        return json!({"role": "assistant", "content": texts.join("\n\n")});
    }
    let text = (!texts.is_empty()).then(|| texts.join("\n\n"));
    json!({"role": "assistant", "content": text, "tool_calls": calls})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_openai_gets_max_completion_tokens_and_others_max_tokens() {
        let official = OpenAi::new(OpenAiOptions::new("gpt-4o-mini")).unwrap();
        assert_eq!(official.max_tokens_field, "max_completion_tokens");
        let mut options = OpenAiOptions::new("llama3.2");
        options.base_url = "http://localhost:11434/v1".into();
        assert_eq!(OpenAi::new(options).unwrap().max_tokens_field, "max_tokens");
    }
}
