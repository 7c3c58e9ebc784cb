//! The streamed chunks of a chat completion, into [`Event`]s.

use std::collections::{BTreeMap, VecDeque};

use serde_json::{Value, json};

use crate::error::{Secrets, from_error_object};
use crate::http::Decoder;
use crate::sse::SseEvent;
use crate::{Event, LlmError, StopReason, Usage};

/// A tool call whose fragments are still arriving.
#[derive(Default)]
struct PartialCall {
    id: String,
    name: String,
    arguments: String,
}

/// `chat.completion.chunk`s, the usage-only chunk, then `[DONE]`.
pub(super) struct OpenAiDecoder {
    calls: BTreeMap<u64, PartialCall>,
    finish: Option<String>,
    usage: Usage,
    secrets: Secrets,
}

impl OpenAiDecoder {
    pub(super) fn new(secrets: Secrets) -> OpenAiDecoder {
        OpenAiDecoder {
            calls: BTreeMap::new(),
            finish: None,
            usage: Usage::default(),
            secrets,
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    fn decoder() -> OpenAiDecoder {
        OpenAiDecoder::new(Secrets::default())
    }

    fn feed(d: &mut OpenAiDecoder, data: Value) -> Vec<Result<Event, LlmError>> {
        let mut out = VecDeque::new();
        let event = SseEvent {
            event: "message".into(),
            data: data.to_string(),
        };
        d.decode(event, &mut out);
        out.into_iter().collect()
    }

    #[test]
    fn tool_calls_finished_with_stop_are_still_tool_use() {
        let mut d = decoder();
        let call = json!({"index": 0, "function": {"name": "f", "arguments": {"a": 1}}});
        feed(
            &mut d,
            json!({"choices": [{"delta": {"tool_calls": [call]}}]}),
        );
        let out = feed(
            &mut d,
            json!({"choices": [{"delta": {}, "finish_reason": "stop"}]}),
        );
        assert_eq!(
            out[0].as_ref().unwrap(),
            &Event::ToolCall {
                id: "call_0".into(),
                name: "f".into(),
                arguments: json!({"a": 1}),
            }
        );
        let done = d.end().unwrap();
        assert!(
            matches!(
                done,
                Event::Done {
                    stop: StopReason::ToolUse,
                    ..
                }
            ),
            "{done:?}"
        );
    }

    #[test]
    fn a_body_ending_after_the_finish_reason_without_done_is_complete() {
        let mut d = decoder();
        feed(
            &mut d,
            json!({"choices": [{"delta": {"content": "hi"}, "finish_reason": "stop"}]}),
        );
        assert!(matches!(
            d.end(),
            Ok(Event::Done {
                stop: StopReason::EndTurn,
                ..
            })
        ));
        assert!(matches!(decoder().end(), Err(LlmError::Stream { .. })));
    }
}
