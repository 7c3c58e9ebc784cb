//! The fake Chat Completions API.

use std::collections::HashSet;

use serde_json::{Map, Value, json};

use super::{Ending, Protocol, Recorded, Refusal, Reply, Script, Server, Shared};

/// A local server speaking OpenAI's Chat Completions at `{base_url}/chat/completions`.
#[derive(Debug)]
pub struct FakeOpenAi {
    server: Server,
}

impl FakeOpenAi {
    /// Starts a fake that wants `Authorization: Bearer <api_key>`, or, with `None`, no
    /// authentication at all (like Ollama).
    pub async fn start(api_key: Option<&str>) -> FakeOpenAi {
        FakeOpenAi {
            server: Server::start(Completions, api_key).await,
        }
    }

    /// The base URL to configure, including `/v1`.
    pub fn base_url(&self) -> String {
        format!("http://{}/v1", self.server.addr)
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

struct Completions;

const FIELDS: &[&str] = &[
    "model",
    "messages",
    "max_tokens",
    "max_completion_tokens",
    "temperature",
    "top_p",
    "stream",
    "stream_options",
    "tools",
    "tool_choice",
    "parallel_tool_calls",
    "stop",
    "n",
    "seed",
    "user",
    "response_format",
    "presence_penalty",
    "frequency_penalty",
];

fn refuse(status: u16, message: &str, code: Option<&str>) -> Refusal {
    let mut body = Completions.status(status, message);
    body["error"]["code"] = json!(code);
    Refusal(status, body)
}

fn invalid(message: impl AsRef<str>) -> Result<(), Refusal> {
    Err(refuse(400, message.as_ref(), None))
}

impl Protocol for Completions {
    fn check(&self, shared: &Shared, req: &Recorded) -> Result<(), Refusal> {
        if req.path != "/v1/chat/completions" {
            let message = format!("Invalid URL (POST {})", req.path);
            return Err(refuse(404, &message, None));
        }
        if let Some(key) = &shared.key {
            let given = req
                .headers
                .get("authorization")
                .and_then(|a| a.strip_prefix("Bearer "));
            match given {
                None => {
                    return Err(refuse(
                        401,
                        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                        None,
                    ));
                }
                // The real API masks the middle of the key; echoing all of it is the
                // worst case a client's errors must hide.
                Some(given) if given != key => {
                    let message = format!(
                        "Incorrect API key provided: {given}. You can find your API key at https://platform.openai.com/account/api-keys."
                    );
                    return Err(refuse(401, &message, Some("invalid_api_key")));
                }
                Some(_) => {}
            }
        }
        let Some(body) = req.body.as_object() else {
            return invalid("We could not parse the JSON body of your request.");
        };
        check_body(body)
    }

    fn status(&self, status: u16, message: &str) -> Value {
        let (kind, code) = match status {
            429 => ("requests", Some("rate_limit_exceeded")),
            500.. => ("server_error", None),
            _ => ("invalid_request_error", None),
        };
        json!({"error": {"message": message, "type": kind, "param": null, "code": code}})
    }

    fn render(&self, script: &Script, req: &Value) -> Vec<String> {
        let usage_wanted = req["stream_options"]["include_usage"] == json!(true) && !script.bare;
        let chunk = |choices: Value, usage: Value| {
            let mut chunk = json!({"object": "chat.completion.chunk", "created": 1_700_000_000,
                "model": req["model"], "choices": choices});
            if !script.bare {
                chunk["id"] = json!("chatcmpl-fake");
            }
            if usage_wanted {
                chunk["usage"] = usage;
            }
            format!("data: {chunk}\n\n")
        };
        let delta = |delta: Value, finish: Value| {
            let choice =
                json!({"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish});
            chunk(json!([choice]), Value::Null)
        };
        let mut events = vec![delta(
            json!({"role": "assistant", "content": ""}),
            Value::Null,
        )];
        for piece in &script.text {
            events.push(delta(json!({"content": piece}), Value::Null));
        }
        if let Some((id, name, pieces)) = &script.tool {
            let mut first = json!({"index": 0, "type": "function", "function": {"name": name, "arguments": ""}});
            if !script.bare {
                first["id"] = json!(id);
            }
            events.push(delta(json!({"tool_calls": [first]}), Value::Null));
            for piece in pieces {
                let fragment = json!({"index": 0, "function": {"arguments": piece}});
                events.push(delta(json!({"tool_calls": [fragment]}), Value::Null));
            }
        }
        match &script.ending {
            Ending::Complete => {}
            Ending::Error(kind, message) => {
                let error = json!({"error": {"message": message, "type": kind, "param": null, "code": null}});
                events.push(format!("data: {error}\n\n"));
                return events;
            }
            Ending::Drop | Ending::Close | Ending::Hang => return events,
        }
        let default_stop = if script.tool.is_some() {
            "tool_calls"
        } else {
            "stop"
        };
        let stop = script.stop.as_deref().unwrap_or(default_stop);
        events.push(delta(json!({}), json!(stop)));
        if usage_wanted {
            let (input, output) = script.usage;
            let usage = json!({"prompt_tokens": input, "completion_tokens": output,
                "total_tokens": input + output});
            events.push(chunk(json!([]), usage));
        }
        events.push("data: [DONE]\n\n".to_owned());
        events
    }
}

fn check_body(body: &Map<String, Value>) -> Result<(), Refusal> {
    if let Some(extra) = body.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return invalid(format!("Unrecognized request argument supplied: {extra}"));
    }
    if !body.get("model").is_some_and(Value::is_string) {
        return invalid("you must provide a model parameter");
    }
    if body.get("stream") != Some(&Value::Bool(true)) {
        if body.contains_key("stream_options") {
            return invalid(
                "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
            );
        }
        return invalid("stream: this fake server only streams");
    }
    let temperature = body.get("temperature").map(Value::as_f64);
    if temperature.is_some_and(|t| !t.is_some_and(|t| (0.0..=2.0).contains(&t))) {
        return invalid("Invalid 'temperature': expected a number between 0 and 2.");
    }
    for (i, tool) in body
        .get("tools")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let ok = tool["type"] == json!("function")
            && tool["function"]["name"].is_string()
            && tool["function"]
                .get("parameters")
                .is_none_or(Value::is_object);
        if !ok {
            return invalid(format!(
                "Invalid 'tools[{i}]': expected {{\"type\": \"function\", \"function\": {{\"name\", \"parameters\"}}}}."
            ));
        }
    }
    match body.get("messages").and_then(Value::as_array) {
        None => invalid("Missing required parameter: 'messages'."),
        Some(m) if m.is_empty() => invalid(
            "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
        ),
        Some(messages) => check_messages(messages),
    }
}

fn check_messages(messages: &[Value]) -> Result<(), Refusal> {
    let mut pending: HashSet<String> = HashSet::new();
    for (i, message) in messages.iter().enumerate() {
        let role = message["role"].as_str().unwrap_or_default();
        if role != "tool" && !pending.is_empty() {
            let ids: Vec<&String> = pending.iter().collect();
            return invalid(format!(
                "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: {ids:?}"
            ));
        }
        match role {
            "system" | "developer" | "user" => {
                if !(message["content"].is_string() || message["content"].is_array()) {
                    return invalid(format!(
                        "Invalid type for 'messages[{i}].content': expected a string or an array"
                    ));
                }
            }
            "assistant" => {
                let calls = message["tool_calls"].as_array();
                if message["content"].is_null() && calls.is_none() {
                    return invalid(format!(
                        "Invalid value for 'messages[{i}].content': expected a string, got null."
                    ));
                }
                for call in calls.into_iter().flatten() {
                    let ok = call["id"].is_string()
                        && call["type"] == json!("function")
                        && call["function"]["name"].is_string()
                        && call["function"]["arguments"].is_string();
                    if !ok {
                        return invalid(format!(
                            "Invalid 'messages[{i}].tool_calls': each needs id, type \"function\", function.name and function.arguments (a string)."
                        ));
                    }
                    pending.insert(call["id"].as_str().unwrap_or_default().to_owned());
                }
            }
            "tool" => {
                let id = message["tool_call_id"].as_str().unwrap_or_default();
                if !pending.remove(id) || !message["content"].is_string() {
                    return invalid(format!(
                        "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'. (messages[{i}])"
                    ));
                }
            }
            other => {
                return invalid(format!(
                    "Invalid value: '{other}'. Supported values are: 'system', 'assistant', 'user', 'tool', and 'developer'."
                ));
            }
        }
    }
    Ok(())
}
