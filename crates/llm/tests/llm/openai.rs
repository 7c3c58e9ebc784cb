use std::time::Duration;

use mimi_llm::fake::{FakeOpenAi, Reply};
use mimi_llm::{ChatModel, ChatRequest, Event, LlmError, StopReason, Usage};
use serde_json::json;

use crate::anthropic::tool_round_trip;
use crate::{Expect, KEY, QUESTION, TIMEOUT, assert_clean, hours_tool, openai, question, run};

#[tokio::test]
async fn streamed_text_assembles_exactly_with_usage_and_the_stop_reason() {
    let fake = FakeOpenAi::start(Some(KEY)).await;
    fake.push(
        Reply::text(["Yes, ", "we open at ", "8 — 日曜日も", "営業しています。"]).usage(31, 7),
    );
    let model = openai(&fake, Some(KEY), TIMEOUT);
    let out = run(&model, &question()).await.unwrap();
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(out.text, "Yes, we open at 8 — 日曜日も営業しています。");
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
    assert_eq!(
        model.name(),
        format!("openai:127.0.0.1:{}/gpt-test", port(&fake))
    );
}

fn port(fake: &FakeOpenAi) -> String {
    let base = fake.base_url();
    base.trim_end_matches("/v1")
        .rsplit(':')
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn chunks_split_mid_line_with_crlf_line_ends_assemble_the_same() {
    let fake = FakeOpenAi::start(Some(KEY)).await;
    fake.push(
        Reply::text(["営業時間は", "9時から", "です。"])
            .crlf()
            .split_writes(5),
    );
    let out = run(&openai(&fake, Some(KEY), TIMEOUT), &question())
        .await
        .unwrap();
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(out.text, "営業時間は9時からです。");
}

#[tokio::test]
async fn a_length_finish_is_reported_as_max_tokens() {
    let fake = FakeOpenAi::start(Some(KEY)).await;
    fake.push(Reply::text(["We open"]).stop("length"));
    let out = run(&openai(&fake, Some(KEY), TIMEOUT), &question())
        .await
        .unwrap();
    let Some(Event::Done { stop, .. }) = out.done() else {
        panic!("{out:?}")
    };
    assert_eq!(stop, &StopReason::MaxTokens);
}

#[tokio::test]
async fn the_request_carries_exactly_the_prompt_tools_and_settings() {
    let fake = FakeOpenAi::start(Some(KEY)).await;
    fake.push(Reply::text(["ok"]));
    let req = ChatRequest {
        tools: vec![hours_tool()],
        temperature: Some(0.2),
        ..question()
    };
    run(&openai(&fake, Some(KEY), TIMEOUT), &req).await.unwrap();
    let sent = fake.requests().pop().unwrap();
    assert_eq!(sent.path, "/v1/chat/completions");
    assert_eq!(sent.headers["authorization"], format!("Bearer {KEY}"));
    assert_eq!(
        sent.body,
        json!({
            "model": "gpt-test",
            "max_tokens": 256,
            "stream": true,
            "stream_options": {"include_usage": true},
            "temperature": 0.2,
            "messages": [
                {"role": "system", "content": "You are Mimi. Answer from the passages."},
                {"role": "user", "content": QUESTION},
            ],
            "tools": [{"type": "function", "function": {"name": "get_hours",
                "description": "Opening hours for a day", "parameters": hours_tool().parameters}}],
        })
    );
}

#[tokio::test]
async fn a_tool_call_with_arguments_split_across_deltas_is_parsed() {
    let fake = FakeOpenAi::start(Some(KEY)).await;
    fake.push(
        Reply::text(["Let me check."])
            .with_tool_call(
                "call_abc",
                "get_hours",
                [r#"{"da"#, r#"y": "sun"#, r#"day"}"#],
            )
            .split_writes(7),
    );
    let req = ChatRequest {
        tools: vec![hours_tool()],
        ..question()
    };
    let out = run(&openai(&fake, Some(KEY), TIMEOUT), &req).await.unwrap();
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(
        out.events[..2],
        [
            Event::TextDelta("Let me check.".into()),
            Event::ToolCall {
                id: "call_abc".into(),
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

#[tokio::test]
async fn tool_results_are_sent_back_as_tool_messages_after_the_calls() {
    let fake = FakeOpenAi::start(Some(KEY)).await;
    fake.push(Reply::text(["Sundays 8 to 12."]));
    let out = run(&openai(&fake, Some(KEY), TIMEOUT), &tool_round_trip())
        .await
        .unwrap();
    assert!(out.error.is_none(), "the fake refused it: {:?}", out.error);
    let sent = fake.requests().pop().unwrap();
    assert_eq!(
        sent.body["messages"],
        json!([
            {"role": "system", "content": "You are Mimi. Answer from the passages."},
            {"role": "user", "content": QUESTION},
            {"role": "assistant", "content": "Let me check.", "tool_calls": [
                {"id": "call_1", "type": "function",
                 "function": {"name": "get_hours", "arguments": "{\"day\":\"sunday\"}"}},
                {"id": "call_2", "type": "function",
                 "function": {"name": "get_hours", "arguments": "{\"day\":\"monday\"}"}},
            ]},
            {"role": "tool", "tool_call_id": "call_1", "content": "8:00-12:00"},
            {"role": "tool", "tool_call_id": "call_2", "content": "Error: timeout"},
        ])
    );
}

#[tokio::test]
async fn a_server_without_keys_ids_or_usage_is_understood() {
    let fake = FakeOpenAi::start(None).await;
    fake.push(
        Reply::text(["Checking."])
            .with_tool_call("ignored", "get_hours", [r#"{"day":"sunday"}"#])
            .bare(),
    );
    let out = run(&openai(&fake, None, TIMEOUT), &question())
        .await
        .unwrap();
    assert!(out.error.is_none(), "{:?}", out.error);
    assert!(!fake.requests()[0].headers.contains_key("authorization"));
    assert_eq!(
        out.events,
        [
            Event::TextDelta("Checking.".into()),
            Event::ToolCall {
                id: "call_0".into(),
                name: "get_hours".into(),
                arguments: json!({"day": "sunday"}),
            },
            Event::Done {
                stop: StopReason::ToolUse,
                usage: Usage::default()
            },
        ]
    );
}

#[tokio::test]
async fn each_error_status_maps_to_its_error_with_the_providers_message() {
    let fake = FakeOpenAi::start(Some(KEY)).await;
    let model = openai(&fake, Some(KEY), TIMEOUT);
    let cases: [(u16, Expect); 7] = [
        (400, |e| {
            matches!(e, LlmError::BadRequest { status: 400, .. })
        }),
        (401, |e| matches!(e, LlmError::Auth { status: 401, .. })),
        (404, |e| {
            matches!(e, LlmError::BadRequest { status: 404, .. })
        }),
        (422, |e| {
            matches!(e, LlmError::BadRequest { status: 422, .. })
        }),
        (
            429,
            |e| matches!(e, LlmError::RateLimited { retry_after: Some(d), .. } if *d == Duration::from_secs(7)),
        ),
        (500, |e| matches!(e, LlmError::Server { status: 500, .. })),
        (503, |e| matches!(e, LlmError::Server { status: 503, .. })),
    ];
    for (status, expected) in cases {
        fake.push(Reply::status(status, &format!("scripted {status}")).retry_after("7"));
        let error = run(&model, &question()).await.unwrap_err();
        assert!(expected(&error), "{status} became {error:?}");
        assert!(
            error.to_string().ends_with(&format!(": scripted {status}")),
            "{error}"
        );
        assert_eq!(error.retryable(), status >= 429, "{status}");
        assert_clean(&error);
    }
}

#[tokio::test]
async fn a_wrong_key_is_an_auth_error_that_does_not_show_the_key() {
    let fake = FakeOpenAi::start(Some("the-right-key")).await;
    let error = run(&openai(&fake, Some(KEY), TIMEOUT), &question())
        .await
        .unwrap_err();
    assert!(
        matches!(error, LlmError::Auth { status: 401, .. }),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .contains("Incorrect API key provided: [redacted]"),
        "{error}"
    );
    assert_clean(&error);
}

#[tokio::test]
async fn an_error_chunk_mid_stream_ends_it_with_the_typed_error() {
    let fake = FakeOpenAi::start(Some(KEY)).await;
    fake.push(
        Reply::text(["Partial "]).error_after_text("server_error", "The server had an error"),
    );
    let out = run(&openai(&fake, Some(KEY), TIMEOUT), &question())
        .await
        .unwrap();
    assert_eq!(out.text, "Partial ");
    assert!(out.done().is_none(), "{out:?}");
    let error = out.error.unwrap();
    assert!(
        matches!(error, LlmError::Server { status: 500, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("The server had an error"));
}

#[tokio::test]
async fn a_dropped_or_closed_stream_is_a_stream_error_not_a_clean_end() {
    for reply in [
        Reply::text(["We open ", "at"]).drop_after_text(),
        Reply::text(["We open ", "at"]).close_after_text(),
    ] {
        let fake = FakeOpenAi::start(Some(KEY)).await;
        fake.push(reply);
        let out = run(&openai(&fake, Some(KEY), TIMEOUT), &question())
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
    let fake = FakeOpenAi::start(Some(KEY)).await;
    fake.push(Reply::text(["Hello"]).hang_after_text());
    let timeout = Duration::from_millis(300);
    let out = run(&openai(&fake, Some(KEY), timeout), &question())
        .await
        .unwrap();
    assert_eq!(out.text, "Hello");
    let error = out.error.unwrap();
    assert!(
        matches!(error, LlmError::Timeout { after } if after == timeout),
        "{error:?}"
    );
}

#[tokio::test]
async fn an_unreachable_server_is_a_retryable_http_error() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let mut options = mimi_llm::OpenAiOptions::new("gpt-test");
    options.base_url = format!("http://127.0.0.1:{port}/v1");
    let model = mimi_llm::OpenAi::new(options).unwrap();
    let error = run(&model, &question()).await.unwrap_err();
    assert!(matches!(error, LlmError::Http { .. }), "{error:?}");
    assert!(error.retryable());
}
