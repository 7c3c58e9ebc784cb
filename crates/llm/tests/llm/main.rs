//! The providers against local fake servers speaking the real wire protocols, the retry
//! helper, the extractive responder and the settings.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod anthropic;
mod extractive;
mod fakes;
mod openai;
mod retry;
mod settings;

use std::time::Duration;

use futures_util::StreamExt;
use mimi_llm::fake::{FakeAnthropic, FakeOpenAi};
use mimi_llm::{
    Anthropic, AnthropicOptions, ChatModel, ChatRequest, Event, EventStream, LlmError, Message,
    OpenAi, OpenAiOptions, SourcePassage, ToolSpec,
};
use secrecy::SecretString;
use serde_json::json;

/// The key the fakes accept.
const KEY: &str = "sk-test-0123456789abcdef";

/// Everything a stream produced: its text, its events, and the error it ended with.
#[derive(Debug)]
struct Outcome {
    text: String,
    events: Vec<Event>,
    error: Option<LlmError>,
}

impl Outcome {
    fn done(&self) -> Option<&Event> {
        self.events.iter().find(|e| matches!(e, Event::Done { .. }))
    }
}

/// Reads `stream` to its end.
async fn drain(mut stream: EventStream) -> Outcome {
    let mut outcome = Outcome {
        text: String::new(),
        events: Vec::new(),
        error: None,
    };
    while let Some(item) = stream.next().await {
        match item {
            Ok(event) => {
                if let Event::TextDelta(t) = &event {
                    outcome.text.push_str(t);
                }
                outcome.events.push(event);
            }
            Err(e) => {
                assert!(
                    outcome.error.is_none(),
                    "a second error after {:?}",
                    outcome.error
                );
                outcome.error = Some(e);
            }
        }
    }
    outcome
}

/// Sends `req` and reads the whole stream.
async fn run(model: &dyn ChatModel, req: &ChatRequest) -> Result<Outcome, LlmError> {
    Ok(drain(model.stream(req).await?).await)
}

fn anthropic(fake: &FakeAnthropic, key: &str, timeout: Duration) -> Anthropic {
    let mut options = AnthropicOptions::new("claude-test", SecretString::from(key));
    options.base_url = fake.base_url();
    options.timeout = timeout;
    Anthropic::new(options).unwrap()
}

fn openai(fake: &FakeOpenAi, key: Option<&str>, timeout: Duration) -> OpenAi {
    let mut options = OpenAiOptions::new("gpt-test");
    options.base_url = fake.base_url();
    options.api_key = key.map(SecretString::from);
    options.timeout = timeout;
    OpenAi::new(options).unwrap()
}

const TIMEOUT: Duration = Duration::from_secs(10);

/// The visitor's question, which must never appear in an error.
const QUESTION: &str = "Is the bakery open on Sunday mornings?";

/// A one-question request with a system prompt and no tools.
fn question() -> ChatRequest {
    ChatRequest {
        system: "You are Mimi. Answer from the passages.".into(),
        messages: vec![Message::user(QUESTION)],
        max_tokens: 256,
        passages: vec![SourcePassage {
            id: "p1".into(),
            title: "Hours".into(),
            content: "Open daily from 8.".into(),
        }],
        ..ChatRequest::default()
    }
}

fn hours_tool() -> ToolSpec {
    ToolSpec {
        name: "get_hours".into(),
        description: "Opening hours for a day".into(),
        parameters: json!({"type": "object", "properties": {"day": {"type": "string"}},
            "required": ["day"]}),
    }
}

/// A check of an error's variant, in tables of cases.
type Expect = fn(&LlmError) -> bool;

/// Asserts that neither the key nor the visitor's question leaks into the error.
fn assert_clean(error: &LlmError) {
    for shown in [error.to_string(), format!("{error:?}")] {
        assert!(!shown.contains(KEY), "the key leaked: {shown}");
        assert!(
            !shown.contains("Sunday mornings"),
            "the question leaked: {shown}"
        );
    }
}
