use std::time::Duration;

use mimi_llm::fake::{FakeAnthropic, Reply};
use mimi_llm::{ChatModel, ChatRequest, Event, LlmError, Message, Part, Role, StopReason, Usage};
use serde_json::json;

use crate::{Expect, KEY, QUESTION, TIMEOUT, anthropic, assert_clean, hours_tool, question, run};

#[tokio::test]
async fn streamed_text_assembles_exactly_with_usage_and_the_stop_reason() {
    let fake = FakeAnthropic::start(KEY).await;
    fake.push(
        Reply::text(["Yes, ", "we open at ", "8 — 日曜日も", "営業しています。"]).usage(31, 7),
    );
    let model = anthropic(&fake, KEY, TIMEOUT);
    let out = run(&model, &question()).await.unwrap();
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(out.text, "Yes, we open at 8 — 日曜日も営業しています。");
    assert_eq!(
        out.events.len(),
        5,
        "four deltas and Done: {:?}",
        out.events
    );
    assert_eq!(
        out.events.last(),
        Some(&Event::Done {
            stop: StopReason::EndTurn,
            usage: Usage {
                input_tokens: 31,
                output_tokens: 7
            }
        })
    );
    assert_eq!(model.name(), "anthropic:claude-test");
}

#[tokio::test]
async fn events_split_mid_line_with_crlf_line_ends_assemble_the_same() {
    let fake = FakeAnthropic::start(KEY).await;
    fake.push(
        Reply::text(["営業時間は", "9時から", "です。"])
            .crlf()
            .split_writes(5),
    );
    let out = run(&anthropic(&fake, KEY, TIMEOUT), &question())
        .await
        .unwrap();
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(out.text, "営業時間は9時からです。");
}

#[tokio::test]
async fn a_reply_cut_by_max_tokens_says_so() {
    let fake = FakeAnthropic::start(KEY).await;
    fake.push(Reply::text(["We open"]).stop("max_tokens"));
    let out = run(&anthropic(&fake, KEY, TIMEOUT), &question())
        .await
        .unwrap();
    let Some(Event::Done { stop, .. }) = out.done() else {
        panic!("{out:?}")
    };
    assert_eq!(stop, &StopReason::MaxTokens);
}

#[tokio::test]
async fn the_request_carries_exactly_the_prompt_tools_and_settings() {
    let fake = FakeAnthropic::start(KEY).await;
    fake.push(Reply::text(["ok"]));
    let req = ChatRequest {
        tools: vec![hours_tool()],
        temperature: Some(0.2),
        ..question()
    };
    run(&anthropic(&fake, KEY, TIMEOUT), &req).await.unwrap();
    let sent = fake.requests().pop().unwrap();
    assert_eq!(sent.path, "/v1/messages");
    assert_eq!(sent.headers["x-api-key"], KEY);
    assert_eq!(sent.headers["anthropic-version"], "2023-06-01");
    assert_eq!(sent.headers["content-type"], "application/json");
    assert_eq!(
        sent.body,
        json!({
            "model": "claude-test",
            "max_tokens": 256,
            "stream": true,
            "system": "You are Mimi. Answer from the passages.",
            "temperature": 0.2,
            "messages": [{"role": "user", "content": [{"type": "text", "text": QUESTION}]}],
            "tools": [{"name": "get_hours", "description": "Opening hours for a day",
                "input_schema": hours_tool().parameters}],
        })
    );
}

#[tokio::test]
async fn a_tool_call_with_arguments_split_across_deltas_is_parsed() {
    let fake = FakeAnthropic::start(KEY).await;
    fake.push(
        Reply::text(["Let me check."])
            .with_tool_call(
                "toolu_01",
                "get_hours",
                [r#"{"da"#, r#"y": "sun"#, r#"day"}"#],
            )
            .split_writes(7),
    );
    let req = ChatRequest {
        tools: vec![hours_tool()],
        ..question()
    };
    let out = run(&anthropic(&fake, KEY, TIMEOUT), &req).await.unwrap();
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(
        out.events[..2],
        [
            Event::TextDelta("Let me check.".into()),
            Event::ToolCall {
                id: "toolu_01".into(),
                name: "get_hours".into(),
                arguments: json!({"day": "sunday"}),
            },
        ]
    );
    let Some(Event::Done { stop, .. }) = out.done() else {
        panic!("{out:?}")
    };
    assert_eq!(stop, &StopReason::ToolUse);
}

/// The conversation after a tool call: the call, its result, and an error result.
pub(crate) fn tool_round_trip() -> ChatRequest {
    ChatRequest {
        tools: vec![hours_tool()],
        messages: vec![
            Message::user(QUESTION),
            Message {
                role: Role::Assistant,
                content: vec![
                    Part::Text("Let me check.".into()),
                    Part::ToolCall {
                        id: "call_1".into(),
                        name: "get_hours".into(),
                        arguments: json!({"day": "sunday"}),
                    },
                    Part::ToolCall {
                        id: "call_2".into(),
                        name: "get_hours".into(),
                        arguments: json!({"day": "monday"}),
                    },
                ],
            },
            Message {
                role: Role::User,
                content: vec![
                    Part::ToolResult {
                        id: "call_1".into(),
                        content: "8:00-12:00".into(),
                        is_error: false,
                    },
                    Part::ToolResult {
                        id: "call_2".into(),
                        content: "timeout".into(),
                        is_error: true,
                    },
                ],
            },
        ],
        ..question()
    }
}

#[tokio::test]
async fn tool_results_are_sent_back_as_tool_result_blocks() {
    let fake = FakeAnthropic::start(KEY).await;
    fake.push(Reply::text(["Sundays 8 to 12."]));
    let out = run(&anthropic(&fake, KEY, TIMEOUT), &tool_round_trip())
        .await
        .unwrap();
    assert!(out.error.is_none(), "the fake refused it: {:?}", out.error);
    let sent = fake.requests().pop().unwrap();
    assert_eq!(
        sent.body["messages"],
        json!([
            {"role": "user", "content": [{"type": "text", "text": QUESTION}]},
            {"role": "assistant", "content": [
                {"type": "text", "text": "Let me check."},
                {"type": "tool_use", "id": "call_1", "name": "get_hours", "input": {"day": "sunday"}},
                {"type": "tool_use", "id": "call_2", "name": "get_hours", "input": {"day": "monday"}},
            ]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "call_1", "content": "8:00-12:00"},
                {"type": "tool_result", "tool_use_id": "call_2", "content": "timeout", "is_error": true},
            ]},
        ])
    );
}

#[tokio::test]
async fn each_error_status_maps_to_its_error_with_the_providers_message() {
    let fake = FakeAnthropic::start(KEY).await;
    let model = anthropic(&fake, KEY, TIMEOUT);
    let cases: [(u16, Expect); 7] = [
        (400, |e| {
            matches!(e, LlmError::BadRequest { status: 400, .. })
        }),
        (401, |e| matches!(e, LlmError::Auth { status: 401, .. })),
        (403, |e| matches!(e, LlmError::Auth { status: 403, .. })),
        (404, |e| {
            matches!(e, LlmError::BadRequest { status: 404, .. })
        }),
        (
            429,
            |e| matches!(e, LlmError::RateLimited { retry_after: Some(d), .. } if *d == Duration::from_secs(7)),
        ),
        (500, |e| matches!(e, LlmError::Server { status: 500, .. })),
        (529, |e| {
            matches!(e, LlmError::Overloaded { status: 529, .. })
        }),
    ];
    for (status, expected) in cases {
        fake.push(Reply::status(status, &format!("scripted {status}")).retry_after("7"));
        let error = run(&model, &question()).await.unwrap_err();
        assert!(expected(&error), "{status} became {error:?}");
        assert!(
            error.to_string().ends_with(&format!(": scripted {status}")),
            "{error}"
        );
        assert_eq!(
            error.retryable(),
            matches!(status, 429 | 500 | 529),
            "{status}"
        );
        assert_clean(&error);
    }
}

#[tokio::test]
async fn a_wrong_key_is_an_auth_error_that_does_not_show_the_key() {
    let fake = FakeAnthropic::start("the-right-key").await;
    let error = run(&anthropic(&fake, KEY, TIMEOUT), &question())
        .await
        .unwrap_err();
    assert!(
        matches!(error, LlmError::Auth { status: 401, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("invalid x-api-key"), "{error}");
    assert_clean(&error);
}

#[tokio::test]
async fn an_error_message_quoting_the_question_is_withheld() {
    let fake = FakeAnthropic::start(KEY).await;
    fake.push(Reply::status(
        400,
        &format!("messages.0: cannot process {QUESTION:?}"),
    ));
    let error = run(&anthropic(&fake, KEY, TIMEOUT), &question())
        .await
        .unwrap_err();
    assert!(matches!(error, LlmError::BadRequest { .. }), "{error:?}");
    assert!(error.to_string().contains("withheld"), "{error}");
    assert_clean(&error);
}

#[tokio::test]
async fn an_error_event_mid_stream_ends_it_with_the_typed_error() {
    let fake = FakeAnthropic::start(KEY).await;
    fake.push(Reply::text(["Partial "]).error_after_text("overloaded_error", "Overloaded"));
    let out = run(&anthropic(&fake, KEY, TIMEOUT), &question())
        .await
        .unwrap();
    assert_eq!(out.text, "Partial ");
    assert!(out.done().is_none(), "{out:?}");
    let error = out.error.unwrap();
    assert!(
        matches!(error, LlmError::Overloaded { status: 529, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("Overloaded"));
}

#[tokio::test]
async fn a_dropped_or_closed_stream_is_a_stream_error_not_a_clean_end() {
    for reply in [
        Reply::text(["We open ", "at"]).drop_after_text(),
        Reply::text(["We open ", "at"]).close_after_text(),
    ] {
        let fake = FakeAnthropic::start(KEY).await;
        fake.push(reply);
        let out = run(&anthropic(&fake, KEY, TIMEOUT), &question())
            .await
            .unwrap();
        assert_eq!(out.text, "We open at");
        assert!(out.done().is_none(), "{out:?}");
        assert!(
            matches!(out.error, Some(LlmError::Stream { .. })),
            "{:?}",
            out.error
        );
    }
}

#[tokio::test]
async fn a_silent_stream_times_out_after_the_configured_idle_time() {
    let fake = FakeAnthropic::start(KEY).await;
    fake.push(Reply::text(["Hello"]).hang_after_text());
    let timeout = Duration::from_millis(300);
    let out = run(&anthropic(&fake, KEY, timeout), &question())
        .await
        .unwrap();
    assert_eq!(out.text, "Hello");
    assert!(out.done().is_none(), "{out:?}");
    let error = out.error.unwrap();
    assert!(
        matches!(error, LlmError::Timeout { after } if after == timeout),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_slow_stream_that_keeps_talking_completes() {
    let fake = FakeAnthropic::start(KEY).await;
    fake.push(Reply::text(["a", "b", "c"]).delay(Duration::from_millis(50)));
    let out = run(&anthropic(&fake, KEY, Duration::from_secs(5)), &question())
        .await
        .unwrap();
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(out.text, "abc");
}
