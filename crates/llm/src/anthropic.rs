//! Anthropic's Messages API (`POST {base}/v1/messages`), streamed.

use std::collections::{HashMap, VecDeque};
use std::time::Duration;

use futures_util::future::BoxFuture;
use secrecy::{ExposeSecret, SecretString};
use serde_json::{Value, json};

use crate::error::{Secrets, from_error_object};
use crate::http::{Decoder, Transport};
use crate::sse::SseEvent;
use crate::{ChatModel, ChatRequest, Event, EventStream, LlmError, Part, Role, StopReason, Usage};

/// The API version this client speaks (sent as `anthropic-version`).
pub const API_VERSION: &str = "2023-06-01";

/// Anthropic's API base, without `/v1` (as its SDKs take it).
pub const ANTHROPIC_BASE: &str = "https://api.anthropic.com";

/// How to reach Anthropic.
#[derive(Clone, Debug)]
pub struct AnthropicOptions {
    /// API base without `/v1`; `/v1/messages` is appended.
    pub base_url: String,
    /// The model, e.g. `claude-sonnet-4-5`.
    pub model: String,
    /// Sent as `x-api-key`. Never logged, never in an error.
    pub api_key: SecretString,
    /// Limit on connecting, on the response headers and on every silence of the stream.
    pub timeout: Duration,
}

impl AnthropicOptions {
    /// Options for `model` on api.anthropic.com with a 30 s timeout.
    pub fn new(model: impl Into<String>, api_key: SecretString) -> Self {
        AnthropicOptions {
            base_url: ANTHROPIC_BASE.to_owned(),
            model: model.into(),
            api_key,
            timeout: Duration::from_secs(30),
        }
    }
}

/// A Claude model through the Messages API.
#[derive(Debug)]
pub struct Anthropic {
    name: String,
    endpoint: String,
    options: AnthropicOptions,
    transport: Transport,
}

impl Anthropic {
    /// Checks the options and builds the HTTP client; sends nothing yet.
    pub fn new(options: AnthropicOptions) -> Result<Self, LlmError> {
        let base = crate::settings::check_base_url(&options.base_url)?;
        if options.model.trim().is_empty() {
            return Err(LlmError::config("model", "must not be empty"));
        }
        if options.api_key.expose_secret().is_empty() {
            return Err(LlmError::config("api_key", "must not be empty"));
        }
        Ok(Anthropic {
            name: format!("anthropic:{}", options.model),
            endpoint: format!("{base}/v1/messages"),
            transport: Transport::new(options.timeout)?,
            options,
        })
    }

    async fn open(&self, req: &ChatRequest) -> Result<EventStream, LlmError> {
        let key = self.options.api_key.expose_secret();
        let secrets = Secrets::new(Some(key), req);
        let request = self
            .transport
            .post(&self.endpoint)
            .header("x-api-key", key)
            .header("anthropic-version", API_VERSION)
            .json(&request_body(&self.options.model, req));
        let decoder = AnthropicDecoder {
            tools: HashMap::new(),
            usage: Usage::default(),
            stop: None,
            secrets: secrets.clone(),
        };
        self.transport.stream(request, secrets, decoder).await
    }
}

impl ChatModel for Anthropic {
    fn name(&self) -> &str {
        &self.name
    }

    fn stream<'a>(&'a self, req: &'a ChatRequest) -> BoxFuture<'a, Result<EventStream, LlmError>> {
        Box::pin(self.open(req))
    }
}

/// The JSON body of a streamed Messages request.
pub(crate) fn request_body(model: &str, req: &ChatRequest) -> Value {
    let messages: Vec<Value> = req
        .messages
        .iter()
        .map(|m| {
            let role = match m.role {
                Role::User => "user",
                Role::Assistant => "assistant",
            };
            let content: Vec<Value> = m.content.iter().filter_map(content_block).collect();
            json!({"role": role, "content": content})
        })
        .collect();
    let mut body = json!({
        "model": model,
        "max_tokens": req.max_tokens,
        "messages": messages,
        "stream": true,
    });
    if !req.system.is_empty() {
        body["system"] = json!(req.system);
    }
    if !req.tools.is_empty() {
        let tools: Vec<Value> = req
            .tools
            .iter()
            .map(|t| json!({"name": t.name, "description": t.description, "input_schema": t.parameters}))
            .collect();
        body["tools"] = json!(tools);
    }
    if let Some(t) = req.temperature {
        body["temperature"] = crate::settings::decimal(t);
    }
    body
}

/// One content block; `None` for empty text, which the API refuses.
fn content_block(part: &Part) -> Option<Value> {
    Some(match part {
        Part::Text(text) if text.is_empty() => return None,
        Part::Text(text) => json!({"type": "text", "text": text}),
        Part::ToolCall {
            id,
            name,
            arguments,
        } => json!({"type": "tool_use", "id": id, "name": name, "input": arguments}),
        Part::ToolResult {
            id,
            content,
            is_error,
        } => {
            let mut block = json!({"type": "tool_result", "tool_use_id": id, "content": content});
            if *is_error {
                block["is_error"] = json!(true);
            }
            block
        }
    })
}

/// A `tool_use` block whose input is still arriving.
struct ToolBlock {
    id: String,
    name: String,
    /// The block's `input` at its start: `{}`, the deltas then carry it all.
    start: Value,
    json: String,
}

/// The Messages stream: `message_start`, content blocks, `message_delta`, `message_stop`.
struct AnthropicDecoder {
    tools: HashMap<u64, ToolBlock>,
    usage: Usage,
    stop: Option<StopReason>,
    secrets: Secrets,
}

fn tokens(value: &Value) -> Option<u32> {
    value.as_u64().map(|n| u32::try_from(n).unwrap_or(u32::MAX))
}

impl Decoder for AnthropicDecoder {
    fn decode(&mut self, event: SseEvent, out: &mut VecDeque<Result<Event, LlmError>>) -> bool {
        let Ok(data) = serde_json::from_str::<Value>(&event.data) else {
            out.push_back(Err(LlmError::stream(format!(
                "a `{}` event whose data is not JSON",
                event.event
            ))));
            return true;
        };
        let kind = data["type"].as_str().unwrap_or(&event.event);
        let index = data["index"].as_u64().unwrap_or_default();
        match kind {
            "message_start" => {
                let usage = &data["message"]["usage"];
                self.usage.input_tokens = tokens(&usage["input_tokens"]).unwrap_or_default();
                self.usage.output_tokens = tokens(&usage["output_tokens"]).unwrap_or_default();
            }
            "content_block_start" => {
                let block = &data["content_block"];
                match block["type"].as_str() {
                    Some("tool_use") => {
                        let tool = ToolBlock {
                            id: block["id"].as_str().unwrap_or_default().to_owned(),
                            name: block["name"].as_str().unwrap_or_default().to_owned(),
                            start: block["input"].clone(),
                            json: String::new(),
                        };
                        self.tools.insert(index, tool);
                    }
                    Some("text") => text(out, &block["text"]),
                    _ => {} // thinking and server-tool blocks are not part of the reply
                }
            }
            "content_block_delta" => {
                let delta = &data["delta"];
                match delta["type"].as_str() {
                    Some("text_delta") => text(out, &delta["text"]),
                    Some("input_json_delta") => match self.tools.get_mut(&index) {
                        Some(tool) => tool
                            .json
                            .push_str(delta["partial_json"].as_str().unwrap_or("")),
                        None => {
                            out.push_back(Err(LlmError::stream(
                                "tool input for a block never started",
                            )));
                            return true;
                        }
                    },
                    _ => {}
                }
            }
            "content_block_stop" => {
                if let Some(tool) = self.tools.remove(&index) {
                    out.push_back(tool_call(tool));
                }
            }
            "message_delta" => {
                if let Some(reason) = data["delta"]["stop_reason"].as_str() {
                    self.stop = Some(stop_reason(reason));
                }
                let usage = &data["usage"];
                if let Some(n) = tokens(&usage["output_tokens"]) {
                    self.usage.output_tokens = n;
                }
                if let Some(n) = tokens(&usage["input_tokens"]) {
                    self.usage.input_tokens = n;
                }
            }
            "message_stop" => {
                let stop = self
                    .stop
                    .take()
                    .unwrap_or(StopReason::Other("unknown".into()));
                out.push_back(Ok(Event::Done {
                    stop,
                    usage: self.usage,
                }));
                return true;
            }
            "error" => {
                let error = data.get("error");
                let err = from_error_object(None, error, "an error event", &self.secrets, None);
                out.push_back(Err(err));
                return true;
            }
            _ => {} // `ping`, and event types added after this client was written
        }
        false
    }

    fn end(&mut self) -> Result<Event, LlmError> {
        Err(LlmError::stream("the stream ended before `message_stop`"))
    }
}

fn text(out: &mut VecDeque<Result<Event, LlmError>>, text: &Value) {
    if let Some(text) = text.as_str().filter(|t| !t.is_empty()) {
        out.push_back(Ok(Event::TextDelta(text.to_owned())));
    }
}

fn tool_call(tool: ToolBlock) -> Result<Event, LlmError> {
    let arguments = match tool.json.trim() {
        "" if tool.start.is_object() => tool.start,
        "" => json!({}),
        json => serde_json::from_str(json)
            .map_err(|_| LlmError::stream("a tool call's input is not valid JSON"))?,
    };
    Ok(Event::ToolCall {
        id: tool.id,
        name: tool.name,
        arguments,
    })
}

fn stop_reason(reason: &str) -> StopReason {
    match reason {
        "end_turn" => StopReason::EndTurn,
        "max_tokens" => StopReason::MaxTokens,
        "tool_use" => StopReason::ToolUse,
        other => StopReason::Other(other.to_owned()),
    }
}
