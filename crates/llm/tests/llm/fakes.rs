//! The fakes refuse what the real APIs refuse, with the real error shapes.

use mimi_llm::fake::{FakeAnthropic, FakeOpenAi, Reply};
use serde_json::{Value, json};

use crate::KEY;

/// Request headers of a case.
type Headers<'a> = &'a [(&'a str, &'a str)];

async fn post(url: &str, headers: &[(&str, &str)], body: &Value) -> (u16, Value) {
    let mut request = reqwest::Client::new().post(url).json(body);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

fn messages_body() -> Value {
    json!({"model": "claude-test", "max_tokens": 10, "stream": true,
        "messages": [{"role": "user", "content": "hi"}]})
}

#[tokio::test]
async fn the_fake_anthropic_refuses_what_the_messages_api_refuses() {
    let fake = FakeAnthropic::start(KEY).await;
    fake.push(Reply::text(["unused"]));
    let url = format!("{}/v1/messages", fake.base_url());
    let auth = [("x-api-key", KEY), ("anthropic-version", "2023-06-01")];
    let without = |field: &str| {
        let mut body = messages_body();
        body.as_object_mut().unwrap().remove(field);
        body
    };
    let mut extra = messages_body();
    extra["passages"] = json!([]);
    let mut orphan = messages_body();
    orphan["messages"] = json!([{"role": "user", "content": [
        {"type": "tool_result", "tool_use_id": "toolu_x", "content": "8"}]}]);
    let cases: Vec<(Headers, Value, u16, &str)> = vec![
        (
            &[("anthropic-version", "2023-06-01")],
            messages_body(),
            401,
            "authentication_error",
        ),
        (
            &[("x-api-key", "wrong"), ("anthropic-version", "2023-06-01")],
            messages_body(),
            401,
            "authentication_error",
        ),
        (
            &[("x-api-key", KEY)],
            messages_body(),
            400,
            "invalid_request_error",
        ),
        (&auth, without("max_tokens"), 400, "invalid_request_error"),
        (&auth, without("model"), 400, "invalid_request_error"),
        (&auth, without("messages"), 400, "invalid_request_error"),
        (&auth, extra, 400, "invalid_request_error"),
        (&auth, orphan, 400, "invalid_request_error"),
    ];
    for (i, (headers, body, status, kind)) in cases.into_iter().enumerate() {
        let (got, answer) = post(&url, headers, &body).await;
        assert_eq!(got, status, "case {i}: {answer}");
        assert_eq!(answer["type"], "error", "case {i}");
        assert_eq!(answer["error"]["type"], kind, "case {i}");
        assert!(answer["error"]["message"].is_string(), "case {i}");
    }
    let (got, _) = post(
        &format!("{}/v1/complete", fake.base_url()),
        &auth,
        &messages_body(),
    )
    .await;
    assert_eq!(got, 404);
    assert_eq!(fake.requests().len(), 9, "every request is recorded");
}

#[tokio::test]
async fn the_fake_openai_refuses_what_chat_completions_refuses() {
    let fake = FakeOpenAi::start(Some(KEY)).await;
    fake.push(Reply::text(["unused"]));
    let url = format!("{}/chat/completions", fake.base_url());
    let bearer = format!("Bearer {KEY}");
    let auth = [("authorization", bearer.as_str())];
    let body =
        json!({"model": "m", "stream": true, "messages": [{"role": "user", "content": "hi"}]});
    let mut no_model = body.clone();
    no_model.as_object_mut().unwrap().remove("model");
    let mut extra = body.clone();
    extra["passages"] = json!([]);
    let mut unanswered = body.clone();
    unanswered["messages"] = json!([
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function",
            "function": {"name": "f", "arguments": "{}"}}]},
        {"role": "user", "content": "well?"},
    ]);
    let cases: Vec<(Headers, Value, u16)> = vec![
        (&[], body.clone(), 401),
        (&[("authorization", "Bearer wrong")], body, 401),
        (&auth, no_model, 400),
        (&auth, extra, 400),
        (&auth, unanswered, 400),
    ];
    for (i, (headers, body, status)) in cases.into_iter().enumerate() {
        let (got, answer) = post(&url, headers, &body).await;
        assert_eq!(got, status, "case {i}: {answer}");
        assert!(answer["error"]["message"].is_string(), "case {i}: {answer}");
        assert!(answer["error"]["type"].is_string(), "case {i}: {answer}");
    }
}
