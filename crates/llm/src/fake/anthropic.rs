//! The fake Messages API.

use std::collections::HashSet;

use serde_json::{Map, Value, json};

use super::{Ending, Protocol, Recorded, Refusal, Reply, Script, Server, Shared};

/// A local server speaking Anthropic's Messages API at `{base_url}/v1/messages`.
#[derive(Debug)]
pub struct FakeAnthropic {
    server: Server,
}

impl FakeAnthropic {
    /// Starts a fake that accepts only `api_key` in `x-api-key`.
    pub async fn start(api_key: &str) -> FakeAnthropic {
        FakeAnthropic {
            server: Server::start(Messages, Some(api_key)).await,
        }
    }

    /// The base URL to configure, without `/v1`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.server.addr)
    }

    /// Queues the reply to the next valid request.
    pub fn push(&self, reply: Reply) {
        self.server.push(reply);
    }

    /// Every request received so far, valid or not.
    pub fn requests(&self) -> Vec<Recorded> {
        self.server.requests()
    }
}

struct Messages;

const FIELDS: &[&str] = &[
    "model",
    "max_tokens",
    "messages",
    "system",
    "tools",
    "tool_choice",
    "temperature",
    "top_p",
    "top_k",
    "stop_sequences",
    "stream",
    "metadata",
    "thinking",
    "service_tier",
];

fn error_type(status: u16) -> &'static str {
    match status {
        400 => "invalid_request_error",
        401 => "authentication_error",
        402 => "billing_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        529 => "overloaded_error",
        _ => "api_error",
    }
}

fn refuse(status: u16, message: &str) -> Refusal {
    Refusal(status, Messages.status(status, message))
}

fn invalid(message: impl AsRef<str>) -> Result<(), Refusal> {
    Err(refuse(400, message.as_ref()))
}

impl Protocol for Messages {
    fn check(&self, shared: &Shared, req: &Recorded) -> Result<(), Refusal> {
        if req.path != "/v1/messages" {
            return Err(refuse(404, "Not Found"));
        }
        match req.headers.get("x-api-key") {
            None => return Err(refuse(401, "x-api-key header is required")),
            Some(key) if Some(key) != shared.key.as_ref() => {
                return Err(refuse(401, "invalid x-api-key"));
            }
            Some(_) => {}
        }
        match req.headers.get("anthropic-version").map(String::as_str) {
            None => return invalid("anthropic-version: header is required"),
            Some("2023-06-01" | "2023-01-01") => {}
            Some(_) => return invalid("anthropic-version: invalid version"),
        }
        let content_type = req.headers.get("content-type").map_or("", String::as_str);
        if !content_type.starts_with("application/json") {
            return invalid("Content-Type must be application/json");
        }
        let Some(body) = req.body.as_object() else {
            return invalid("There was an error parsing the body of your request");
        };
        check_body(body)
    }

    fn status(&self, status: u16, message: &str) -> Value {
        json!({"type": "error", "error": {"type": error_type(status), "message": message}})
    }

    fn render(&self, script: &Script, req: &Value) -> Vec<String> {
        let event = |data: Value| {
            let name = data["type"].as_str().unwrap_or("message").to_owned();
            format!("event: {name}\ndata: {data}\n\n")
        };
        let (input, output) = script.usage;
        let mut events = vec![
            event(json!({"type": "message_start", "message": {
                "id": "msg_fake", "type": "message", "role": "assistant", "model": req["model"],
                "content": [], "stop_reason": null, "stop_sequence": null,
                "usage": {"input_tokens": input, "output_tokens": 1},
            }})),
            event(json!({"type": "ping"})),
        ];
        let mut index = 0;
        let mut open = None;
        if !script.text.is_empty() {
            events.push(event(json!({"type": "content_block_start", "index": 0,
                "content_block": {"type": "text", "text": ""}})));
            for piece in &script.text {
                events.push(event(json!({"type": "content_block_delta", "index": 0,
                    "delta": {"type": "text_delta", "text": piece}})));
            }
            open = Some(0);
            index = 1;
        }
        if let Some((id, name, pieces)) = &script.tool {
            if let Some(i) = open.take() {
                events.push(event(json!({"type": "content_block_stop", "index": i})));
            }
            events.push(event(json!({"type": "content_block_start", "index": index,
                "content_block": {"type": "tool_use", "id": id, "name": name, "input": {}}})));
            for piece in std::iter::once("").chain(pieces.iter().map(String::as_str)) {
                events.push(event(json!({"type": "content_block_delta", "index": index,
                    "delta": {"type": "input_json_delta", "partial_json": piece}})));
            }
            open = Some(index);
        }
        match &script.ending {
            Ending::Complete => {}
            Ending::Error(kind, message) => {
                events.push(event(
                    json!({"type": "error", "error": {"type": kind, "message": message}}),
                ));
                return events;
            }
            Ending::Drop | Ending::Close | Ending::Hang => return events,
        }
        if let Some(i) = open {
            events.push(event(json!({"type": "content_block_stop", "index": i})));
        }
        let default_stop = if script.tool.is_some() {
            "tool_use"
        } else {
            "end_turn"
        };
        let stop = script.stop.as_deref().unwrap_or(default_stop);
        events.push(event(json!({"type": "message_delta",
            "delta": {"stop_reason": stop, "stop_sequence": null},
            "usage": {"output_tokens": output}})));
        events.push(event(json!({"type": "message_stop"})));
        events
    }
}

/// The body checks of the real API that a client could get wrong.
fn check_body(body: &Map<String, Value>) -> Result<(), Refusal> {
    if let Some(extra) = body.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return invalid(format!("{extra}: Extra inputs are not permitted"));
    }
    if !body.get("model").is_some_and(Value::is_string) {
        return invalid("model: Field required");
    }
    match body.get("max_tokens").map(Value::as_u64) {
        None => return invalid("max_tokens: Field required"),
        Some(Some(1..)) => {}
        Some(_) => return invalid("max_tokens: Input should be greater than or equal to 1"),
    }
    if body.get("stream") != Some(&Value::Bool(true)) {
        return invalid("stream: this fake server only streams");
    }
    if let Some(system) = body.get("system").filter(|s| !s.is_string()) {
        return invalid(format!(
            "system: Input should be a valid string, not {system}"
        ));
    }
    let temperature = body.get("temperature").map(Value::as_f64);
    if temperature.is_some_and(|t| !t.is_some_and(|t| (0.0..=1.0).contains(&t))) {
        return invalid("temperature: Input should be between 0 and 1");
    }
    if let Some(tools) = body.get("tools") {
        check_tools(tools)?;
    }
    let Some(messages) = body.get("messages").and_then(Value::as_array) else {
        return invalid("messages: Field required");
    };
    if messages.is_empty() {
        return invalid("messages: at least one message is required");
    }
    check_messages(messages)
}

fn check_tools(tools: &Value) -> Result<(), Refusal> {
    for (i, tool) in tools.as_array().into_iter().flatten().enumerate() {
        let Some(tool) = tool.as_object() else {
            return invalid(format!("tools.{i}: Input should be an object"));
        };
        if let Some(extra) = tool
            .keys()
            .find(|k| !["name", "description", "input_schema"].contains(&k.as_str()))
        {
            return invalid(format!("tools.{i}.{extra}: Extra inputs are not permitted"));
        }
        let name = tool.get("name").and_then(Value::as_str).unwrap_or_default();
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return invalid(format!(
                "tools.{i}.name: String should match pattern '^[a-zA-Z0-9_-]{{1,64}}$'"
            ));
        }
        if tool.get("input_schema").and_then(|s| s.get("type")) != Some(&json!("object")) {
            return invalid(format!(
                "tools.{i}.input_schema: Input schema must have type object"
            ));
        }
    }
    Ok(())
}

fn check_messages(messages: &[Value]) -> Result<(), Refusal> {
    let mut open_calls: HashSet<String> = HashSet::new();
    for (i, message) in messages.iter().enumerate() {
        let role = message["role"].as_str().unwrap_or_default();
        if !matches!(role, "user" | "assistant") {
            return invalid(format!(
                "messages.{i}.role: Input should be 'user' or 'assistant'"
            ));
        }
        let blocks = match &message["content"] {
            Value::String(_) => Vec::new(),
            Value::Array(blocks) if !blocks.is_empty() => blocks.clone(),
            _ => {
                return invalid(format!(
                    "messages.{i}: all messages must have non-empty content"
                ));
            }
        };
        let mut answered = HashSet::new();
        let mut calls = HashSet::new();
        for (j, block) in blocks.iter().enumerate() {
            let at = format!("messages.{i}.content.{j}");
            match (role, block["type"].as_str()) {
                (_, Some("text")) if block["text"].as_str().is_some_and(|t| !t.is_empty()) => {}
                (_, Some("text")) => {
                    return invalid(format!("{at}: text content blocks must be non-empty"));
                }
                ("assistant", Some("tool_use")) => {
                    let ok = block["id"].is_string()
                        && block["name"].is_string()
                        && block["input"].is_object();
                    if !ok {
                        return invalid(format!(
                            "{at}.tool_use: id, name and input (an object) are required"
                        ));
                    }
                    calls.insert(block["id"].as_str().unwrap_or_default().to_owned());
                }
                ("user", Some("tool_result")) => {
                    let id = block["tool_use_id"].as_str().unwrap_or_default();
                    if !open_calls.contains(id) {
                        return invalid(format!(
                            "{at}: unexpected `tool_use_id` found in `tool_result` blocks: {id}. Each `tool_result` block must have a corresponding `tool_use` block in the previous message."
                        ));
                    }
                    if block.get("is_error").is_some_and(|e| !e.is_boolean()) {
                        return invalid(format!("{at}.is_error: Input should be a valid boolean"));
                    }
                    answered.insert(id.to_owned());
                }
                (_, kind) => {
                    return invalid(format!(
                        "{at}: unexpected block type {kind:?} in a {role} message"
                    ));
                }
            }
        }
        if !open_calls.is_empty() && answered != open_calls {
            return invalid(format!(
                "messages.{i}: `tool_use` ids were found without `tool_result` blocks immediately after"
            ));
        }
        open_calls = calls;
    }
    Ok(())
}
