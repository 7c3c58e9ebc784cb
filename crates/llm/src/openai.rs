//! OpenAI's Chat Completions API (`POST {base}/chat/completions`, base including `/v1`),
//! streamed; also what Ollama, vLLM and llama.cpp's server speak.

use std::collections::{BTreeMap, VecDeque};
use std::time::Duration;

use futures_util::future::BoxFuture;
use secrecy::{ExposeSecret, SecretString};
use serde_json::{Value, json};

use crate::error::{Secrets, from_error_object};
use crate::http::{Decoder, Transport};
use crate::sse::SseEvent;
use crate::{ChatModel, ChatRequest, Event, EventStream, LlmError, Part, Role, StopReason, Usage};

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
        let decoder = OpenAiDecoder {
            calls: BTreeMap::new(),
            finish: None,
            usage: Usage::default(),
            secrets: secrets.clone(),
        };
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

/// A tool call whose fragments are still arriving.
#[derive(Default)]
struct PartialCall {
    id: String,
    name: String,
    arguments: String,
}

/// `chat.completion.chunk`s, the usage-only chunk, then `[DONE]`.
struct OpenAiDecoder {
    calls: BTreeMap<u64, PartialCall>,
    finish: Option<String>,
    usage: Usage,
    secrets: Secrets,
}

impl OpenAiDecoder {
    fn chunk(&mut self, data: &Value, out: &mut VecDeque<Result<Event, LlmError>>) {
        if let Some(usage) = data.get("usage").filter(|u| u.is_object()) {
            let tokens = |name| {
                usage[name]
                    .as_u64()
                    .map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX))
            };
            self.usage = Usage {
                input_tokens: tokens("prompt_tokens"),
                output_tokens: tokens("completion_tokens"),
            };
        }
        let Some(choice) = data["choices"].as_array().and_then(|c| c.first()) else {
            return;
        };
        let delta = &choice["delta"];
        if let Some(text) = delta["content"].as_str().filter(|t| !t.is_empty()) {
            out.push_back(Ok(Event::TextDelta(text.to_owned())));
        }
        for (position, fragment) in delta["tool_calls"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            let index = fragment["index"].as_u64().unwrap_or(position as u64);
            let call = self.calls.entry(index).or_default();
            if let Some(id) = fragment["id"].as_str().filter(|s| !s.is_empty()) {
                id.clone_into(&mut call.id);
            }
            let function = &fragment["function"];
            if let Some(name) = function["name"].as_str().filter(|s| !s.is_empty()) {
                name.clone_into(&mut call.name);
            }
            match &function["arguments"] {
                Value::String(piece) => call.arguments.push_str(piece),
                Value::Null => {}
                whole => call.arguments.push_str(&whole.to_string()),
            }
        }
        if let Some(reason) = choice["finish_reason"].as_str() {
            self.finish = Some(reason.to_owned());
            let calls = std::mem::take(&mut self.calls);
            let had_calls = !calls.is_empty();
            for (index, call) in calls {
                out.push_back(tool_call(index, call));
            }
            if had_calls && reason == "stop" {
                // Some servers (older Ollama) say `stop` after tool calls.
                self.finish = Some("tool_calls".to_owned());
            }
        }
    }

    fn done(&mut self) -> Event {
        let stop = match self.finish.as_deref() {
            Some("stop") => StopReason::EndTurn,
            Some("length") => StopReason::MaxTokens,
            Some("tool_calls" | "function_call") => StopReason::ToolUse,
            Some(other) => StopReason::Other(other.to_owned()),
            None => StopReason::Other("unknown".to_owned()),
        };
        Event::Done {
            stop,
            usage: self.usage,
        }
    }
}

impl Decoder for OpenAiDecoder {
    fn decode(&mut self, event: SseEvent, out: &mut VecDeque<Result<Event, LlmError>>) -> bool {
        if event.data.trim() == "[DONE]" {
            out.push_back(Ok(self.done()));
            return true;
        }
        let Ok(data) = serde_json::from_str::<Value>(&event.data) else {
            out.push_back(Err(LlmError::stream("a chunk that is not JSON")));
            return true;
        };
        if let Some(error) = data.get("error").filter(|e| !e.is_null()) {
            let err = from_error_object(None, Some(error), "an error chunk", &self.secrets, None);
            out.push_back(Err(err));
            return true;
        }
        self.chunk(&data, out);
        false
    }

    /// A body that ends after `finish_reason` but without `[DONE]` still holds the whole
    /// reply; before it, the reply was cut off.
    fn end(&mut self) -> Result<Event, LlmError> {
        match self.finish {
            Some(_) => Ok(self.done()),
            None => Err(LlmError::stream(
                "the stream ended before a `finish_reason`",
            )),
        }
    }
}

fn tool_call(index: u64, call: PartialCall) -> Result<Event, LlmError> {
    let arguments = match call.arguments.trim() {
        "" => json!({}),
        json => serde_json::from_str(json)
            .map_err(|_| LlmError::stream("a tool call's arguments are not valid JSON"))?,
    };
    let id = match call.id.is_empty() {
        true => format!("call_{index}"),
        false => call.id,
    };
    Ok(Event::ToolCall {
        id,
        name: call.name,
        arguments,
    })
}
