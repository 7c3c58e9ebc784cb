//! The visitor API and the chat turn end to end: a real server, the real database and
//! local model, the extractive responder and a local fake OpenAI-compatible server that
//! speaks the real streaming protocol.

use mimi_llm::fake::{FakeAnthropic, Reply as FakeReply};
use serde_json::{Value, json};

use super::support::{Api, app_with, with_fake_openai};

/// A visitor's browser on `origin` (or none): no cookie store.
struct Browser<'a> {
    api: &'a Api,
    client: reqwest::Client,
    origin: Option<&'a str>,
}

/// One SSE event: its name and JSON data.
#[derive(Debug, Clone)]
struct SseEvent {
    name: String,
    data: Value,
}

impl<'a> Browser<'a> {
    fn new(api: &'a Api, origin: Option<&'a str>) -> Browser<'a> {
        Browser {
            api,
            client: reqwest::Client::new(),
            origin,
        }
    }

    fn with_origin(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match self.origin {
            Some(origin) => request.header("origin", origin),
            None => request,
        }
    }

    async fn start(&self, handle: &str) -> (u16, Value, reqwest::header::HeaderMap) {
        let request = self
            .client
            .post(self.api.url(&format!("/apps/{handle}/conversations")));
        let response = self.with_origin(request).send().await.unwrap();
        let (status, headers) = (response.status().as_u16(), response.headers().clone());
        (
            status,
            response.json().await.unwrap_or(Value::Null),
            headers,
        )
    }

    /// Sends `text`; the status and the stream's events (or the JSON error body).
    async fn ask(&self, conversation: &Value, text: &str) -> (u16, Vec<SseEvent>, Value) {
        let id = conversation["conversation_id"].as_str().unwrap();
        let token = conversation["visitor_token"].as_str().unwrap();
        let request = self
            .client
            .post(self.api.url(&format!("/conversations/{id}/messages")))
            .bearer_auth(token)
            .json(&json!({ "text": text }));
        let response = self.with_origin(request).send().await.unwrap();
        let status = response.status().as_u16();
        let is_stream = response
            .headers()
            .get("content-type")
            .is_some_and(|v| v.to_str().unwrap().starts_with("text/event-stream"));
        if !is_stream {
            return (
                status,
                Vec::new(),
                response.json().await.unwrap_or(Value::Null),
            );
        }
        assert_eq!(response.headers()["x-accel-buffering"], "no");
        assert!(response.headers().get("set-cookie").is_none());
        let body = response.text().await.unwrap();
        (status, parse_sse(&body), Value::Null)
    }

    async fn history(&self, conversation: &Value, token: &str) -> (u16, Value) {
        let id = conversation["conversation_id"].as_str().unwrap();
        let request = self
            .client
            .get(self.api.url(&format!("/conversations/{id}/messages")))
            .bearer_auth(token);
        let response = self.with_origin(request).send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }
}

fn parse_sse(body: &str) -> Vec<SseEvent> {
    body.split("\n\n")
        .filter_map(|block| {
            let mut name = None;
            let mut data = String::new();
            for line in block.lines() {
                if let Some(n) = line.strip_prefix("event:") {
                    name = Some(n.trim().to_owned());
                } else if let Some(d) = line.strip_prefix("data:") {
                    data.push_str(d.strip_prefix(' ').unwrap_or(d));
                }
            }
            Some(SseEvent {
                name: name?,
                data: serde_json::from_str(&data).unwrap(),
            })
        })
        .collect()
}

/// The reply text of a stream's `delta` events.
fn text(events: &[SseEvent]) -> String {
    events
        .iter()
        .filter(|e| e.name == "delta")
        .map(|e| e.data["text"].as_str().unwrap())
        .collect()
}

fn names(events: &[SseEvent]) -> Vec<&str> {
    let mut names: Vec<&str> = events.iter().map(|e| e.name.as_str()).collect();
    names.dedup();
    names
}

const HOURS_Q: &str = "When are you open?";
const HOURS_A: &str =
    "We are open from nine in the morning until six in the evening, Tuesday to Sunday.";

#[tokio::test]
async fn the_extractive_responder_answers_with_its_source_and_says_when_it_does_not_know() {
    let api = Api::start().await;
    let owner = api.owner("Ann", "ann@example.com").await;
    app_with(&api, &owner, "ann-cafe", &[(HOURS_Q, HOURS_A)], json!({})).await;
    let visitor = Browser::new(&api, None);
    let (status, conversation, headers) = visitor.start("ann-cafe").await;
    assert_eq!(status, 201, "{conversation}");
    assert!(
        headers.get("set-cookie").is_none(),
        "visitors get no cookie"
    );

    let (status, events, _) = visitor.ask(&conversation, "what time do you open?").await;
    assert_eq!(status, 200);
    assert_eq!(names(&events), ["delta", "sources", "done"], "{events:#?}");
    assert!(text(&events).contains("nine in the morning"), "{events:#?}");
    let sources = &events.iter().find(|e| e.name == "sources").unwrap().data["sources"];
    assert_eq!(sources.as_array().unwrap().len(), 1);
    assert_eq!(sources[0]["title"], HOURS_Q);

    let (_, events, _) = visitor.ask(&conversation, "Do you sell bicycles?").await;
    assert_eq!(text(&events), mimi_llm::NO_ANSWER_EN);
    let sources = &events.iter().find(|e| e.name == "sources").unwrap().data["sources"];
    assert_eq!(sources, &json!([]));

    // The conversation reads back in order, replies with their sources.
    let token = conversation["visitor_token"].as_str().unwrap();
    let (status, history) = visitor.history(&conversation, token).await;
    assert_eq!(status, 200);
    let roles: Vec<&str> = history["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["visitor", "assistant", "visitor", "assistant"]);
    assert_eq!(history["messages"][0]["text"], "what time do you open?");
    assert_eq!(history["messages"][1]["sources"][0]["title"], HOURS_Q);
}

#[tokio::test]
async fn pii_split_into_single_characters_never_reaches_the_visitor_or_the_database() {
    let (fake, api) = with_fake_openai(Some("sk-test")).await;
    let owner = api.owner("Ann", "ann@example.com").await;
    app_with(
        &api,
        &owner,
        "ann-cafe",
        &[(HOURS_Q, HOURS_A)],
        json!({
            "public_contacts": ["03-1234-5678"],
            "chat": { "provider": "openai", "persona": "Hana" },
        }),
    )
    .await;
    let secret = "Please ask Taro Yamada at taro.yamada@example.com or 090-1234-5678, \
                  or visit 東京都渋谷区神南1-2-3. The shop line is 03-1234-5678.";
    fake.push(FakeReply::text(secret.chars().map(String::from)));

    let visitor = Browser::new(&api, None);
    let (_, conversation, _) = visitor.start("ann-cafe").await;
    let (status, events, _) = visitor
        .ask(&conversation, "When are you open, and who can I talk to?")
        .await;
    assert_eq!(status, 200);
    assert_eq!(names(&events), ["delta", "sources", "done"], "{events:#?}");
    let shown = text(&events);
    for leaked in [
        "Taro",
        "Yamada",
        "taro.yamada",
        "090-1234-5678",
        "神南",
        "1-2-3",
    ] {
        assert!(
            !shown.contains(leaked),
            "{leaked} reached the visitor: {shown}"
        );
    }
    assert!(
        shown.contains("03-1234-5678"),
        "the public number passes: {shown}"
    );
    let stored: Vec<String> =
        sqlx::query_scalar("select content from messages where role = 'assistant'")
            .fetch_all(&api.db.pool)
            .await
            .unwrap();
    assert_eq!(stored, std::slice::from_ref(&shown));
    // The model was told the persona, given the passage, and no account data.
    let request = &fake.requests()[0].body;
    let system = request["messages"][0]["content"].as_str().unwrap();
    assert!(system.starts_with("You are Hana"), "{system}");
    assert!(system.contains(HOURS_A));
    assert!(!request.to_string().contains("ann@example.com"));
}

/// A fake Anthropic Messages API (wanting `key`) and a server offering it to apps as
/// their `anthropic` provider.
async fn with_fake_anthropic(key: &str) -> (FakeAnthropic, Api) {
    let fake = FakeAnthropic::start(key).await;
    let providers = mimi_chat::Providers::new(
        Some(mimi_llm::Settings {
            provider: mimi_llm::Provider::Anthropic,
            base_url: Some(fake.base_url()),
            model: Some("claude-fake".into()),
            api_key: Some(secrecy::SecretString::from(key)),
            timeout_secs: Some(5),
        }),
        None,
    )
    .unwrap();
    (fake, Api::start_with_providers(providers).await)
}

#[tokio::test]
async fn an_anthropic_app_streams_a_redacted_japanese_reply_and_stores_model_and_usage() {
    let (fake, api) = with_fake_anthropic("sk-ant-test").await;
    let owner = api.owner("Ann", "ann@example.com").await;
    app_with(
        &api,
        &owner,
        "hana-salon",
        &[("営業時間は？", "火曜日から日曜日の午前10時から午後7時まで営業しています。")],
        json!({ "chat": { "provider": "anthropic", "model": "claude-owner-pick", "persona": "はな" } }),
    )
    .await;
    // Text split one character per event, then a tool call the turn offered no tool
    // for: it is ignored and the reply still ends cleanly.
    let reply = "営業時間は午前10時から午後7時です。担当の山田花子様（090-8765-4321）までどうぞ。";
    fake.push(
        FakeReply::text(reply.chars().map(String::from))
            .with_tool_call("toolu_1", "book_visit", ["{\"day\":", "\"tue\"}"])
            .usage(321, 45),
    );

    let visitor = Browser::new(&api, None);
    let (_, conversation, _) = visitor.start("hana-salon").await;
    let (status, events, _) = visitor.ask(&conversation, "何時から開いていますか？").await;
    assert_eq!(status, 200);
    assert_eq!(names(&events), ["delta", "sources", "done"], "{events:#?}");
    let shown = text(&events);
    assert!(
        shown.starts_with("営業時間は午前10時から午後7時です。"),
        "{shown}"
    );
    for leaked in ["山田", "花子", "090-8765-4321", "8765"] {
        assert!(
            !shown.contains(leaked),
            "{leaked} reached the visitor: {shown}"
        );
    }

    // The request spoke the Messages API: the key in x-api-key, the app's model, the
    // persona and the passage in `system`, the question as the last user turn.
    let recorded = &fake.requests()[0];
    assert_eq!(recorded.path, "/v1/messages");
    assert_eq!(recorded.headers["x-api-key"], "sk-ant-test");
    assert_eq!(recorded.body["model"], "claude-owner-pick");
    assert_eq!(recorded.body["stream"], true);
    let system = recorded.body["system"].to_string();
    assert!(system.contains("はな"), "{system}");
    assert!(system.contains("午前10時から午後7時"), "{system}");
    let messages = recorded.body["messages"].as_array().unwrap();
    assert_eq!(messages.last().unwrap()["role"], "user");
    assert!(!recorded.body.to_string().contains("ann@example.com"));

    let (content, model, input, output): (String, String, i32, i32) = sqlx::query_as(
        "select content, model, input_tokens, output_tokens from messages where role = 'assistant'",
    )
    .fetch_one(&api.db.pool)
    .await
    .unwrap();
    assert_eq!(content, shown);
    assert!(model.contains("claude-owner-pick"), "{model}");
    assert_eq!((input, output), (321, 45));
}

#[tokio::test]
async fn a_provider_the_server_does_not_offer_is_refused_and_the_app_is_unchanged() {
    let api = Api::start().await;
    let owner = api.owner("Ann", "ann@example.com").await;
    let apps = format!("/workspaces/{}/apps", owner.workspace_id);
    let reply = api
        .post(
            &owner.client,
            &apps,
            json!({ "handle": "ann-cafe", "name": "Ann", "chat": { "provider": "anthropic" } }),
        )
        .await;
    assert_eq!(reply.status, 422, "{reply:?}");
    assert_eq!(
        reply.error(),
        ("chat_provider_unavailable", Some("chat.provider"))
    );
    assert_eq!(api.count("apps").await, 0, "nothing half-created");

    let app = app_with(
        &api,
        &owner,
        "ann-cafe",
        &[],
        json!({ "chat": { "persona": "Hana" } }),
    )
    .await;
    let reply = api
        .patch(
            &owner.client,
            &format!("{apps}/{app}"),
            json!({ "name": "Renamed", "chat": { "provider": "openai", "persona": "Other" } }),
        )
        .await;
    assert_eq!(reply.status, 422, "{reply:?}");
    assert_eq!(
        reply.error(),
        ("chat_provider_unavailable", Some("chat.provider"))
    );
    let reply = api.get(&owner.client, &format!("{apps}/{app}")).await;
    assert_eq!(reply.body["name"], "ann-cafe");
    assert_eq!(reply.body["chat"]["provider"], "extractive");
    assert_eq!(reply.body["chat"]["persona"], "Hana");
}

/// Remembers what the notifications would hear.
#[derive(Debug, Default)]
struct Recorder {
    turns: std::sync::Mutex<Vec<mimi_chat::TurnEvent>>,
    hand_offs: std::sync::Mutex<Vec<mimi_chat::HandOffEvent>>,
}

impl mimi_chat::TurnHook for Recorder {
    fn turn_finished(&self, event: mimi_chat::TurnEvent) {
        self.turns.lock().unwrap().push(event);
    }
    fn handed_off(&self, event: mimi_chat::HandOffEvent) {
        self.hand_offs.lock().unwrap().push(event);
    }
}

#[tokio::test]
async fn the_hook_hears_of_every_turn_and_every_hand_off() {
    let recorder = std::sync::Arc::new(Recorder::default());
    let api = Api::start_with_hook(recorder.clone()).await;
    let owner = api.owner("Ann", "ann@example.com").await;
    let app = app_with(&api, &owner, "ann-cafe", &[(HOURS_Q, HOURS_A)], json!({})).await;
    let visitor = Browser::new(&api, None);
    let (_, conversation, _) = visitor.start("ann-cafe").await;
    let conversation_id = conversation["conversation_id"].as_str().unwrap().to_owned();
    visitor.ask(&conversation, "what time do you open?").await;
    visitor.ask(&conversation, "Do you sell bicycles?").await;
    // The hook is told after the stream's last event; give the turn's task a moment.
    for _ in 0..100 {
        if recorder.turns.lock().unwrap().len() == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let turns = recorder.turns.lock().unwrap().clone();
    assert_eq!(turns.len(), 2, "{turns:#?}");
    assert_eq!(turns[0].app_id.to_string(), app);
    assert_eq!(turns[0].conversation_id.to_string(), conversation_id);
    assert_eq!(
        turns
            .iter()
            .map(|t| (t.unanswered, t.failed))
            .collect::<Vec<_>>(),
        [(false, false), (true, false)]
    );
    assert!(recorder.hand_offs.lock().unwrap().is_empty());

    let token = conversation["visitor_token"].as_str().unwrap();
    let url = api.url(&format!("/conversations/{conversation_id}/handoff"));
    let client = reqwest::Client::new();
    for (body, left_contact) in [
        (json!({}), false),
        (json!({ "contact": "ken@example.com" }), true),
    ] {
        let response = client
            .post(&url)
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 204);
        let hand_offs = recorder.hand_offs.lock().unwrap().clone();
        let last = hand_offs.last().unwrap();
        assert_eq!(last.conversation_id.to_string(), conversation_id);
        assert_eq!(last.left_contact, left_contact);
    }
    // A refused hand-off (a contact too long) is not heard.
    let response = client
        .post(&url)
        .bearer_auth(token)
        .json(&json!({ "contact": "x".repeat(201) }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert_eq!(recorder.hand_offs.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn visitors_are_limited_per_conversation_app_and_address_and_a_refusal_stores_nothing() {
    let limits = mimi_chat::VisitorLimits {
        messages_per_address_per_10_minutes: 5,
        conversations_per_address_per_10_minutes: 4,
        messages_per_conversation_per_minute: 2,
        messages_per_app_per_hour: 4,
    };
    let api = Api::start_with_chat(move |chat| chat.with_limits(limits, [7; 32])).await;
    let owner = api.owner("Ann", "ann@example.com").await;
    app_with(&api, &owner, "ann-cafe", &[(HOURS_Q, HOURS_A)], json!({})).await;
    app_with(&api, &owner, "ann-bakery", &[(HOURS_Q, HOURS_A)], json!({})).await;
    let visitor = Browser::new(&api, None);
    let client = reqwest::Client::new();
    // A refused message: 429 `too_many_attempts`, and how long to wait.
    let refused = |conversation: &Value| {
        let id = conversation["conversation_id"].as_str().unwrap();
        let request = client
            .post(api.url(&format!("/conversations/{id}/messages")))
            .bearer_auth(conversation["visitor_token"].as_str().unwrap())
            .json(&json!({ "text": "what time do you open?" }));
        async move {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 429);
            let wait: u64 = response.headers()["retry-after"]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["error"]["code"], "too_many_attempts", "{body}");
            wait
        }
    };
    let ok = |status: u16, events: &[SseEvent]| {
        assert_eq!(status, 200);
        assert_eq!(names(events), ["delta", "sources", "done"], "{events:#?}");
    };

    // Two messages a minute per conversation.
    let (_, first, _) = visitor.start("ann-cafe").await;
    for _ in 0..2 {
        let (status, events, _) = visitor.ask(&first, "what time do you open?").await;
        ok(status, &events);
    }
    let wait = refused(&first).await;
    assert!((1..=60).contains(&wait), "{wait}");

    // Four an hour per app, from all its conversations.
    let (_, second, _) = visitor.start("ann-cafe").await;
    for _ in 0..2 {
        let (status, events, _) = visitor.ask(&second, "what time do you open?").await;
        ok(status, &events);
    }
    let (_, third, _) = visitor.start("ann-cafe").await;
    let wait = refused(&third).await;
    assert!((601..=3600).contains(&wait), "{wait}");

    // Five in ten minutes per address, to any app; refusals did not count.
    let (_, fourth, _) = visitor.start("ann-bakery").await;
    let (status, events, _) = visitor.ask(&fourth, "what time do you open?").await;
    ok(status, &events);
    let wait = refused(&fourth).await;
    assert!((61..=600).contains(&wait), "{wait}");

    // Four new conversations in ten minutes per address.
    let (status, body, _) = visitor.start("ann-bakery").await;
    assert_eq!(status, 429, "{body}");
    assert_eq!(body["error"]["code"], "too_many_attempts");

    // Nothing of the refused requests was stored.
    assert_eq!(api.count("conversations").await, 4);
    let visitor_messages: i64 =
        sqlx::query_scalar("select count(*) from messages where role = 'visitor'")
            .fetch_one(&api.db.pool)
            .await
            .unwrap();
    assert_eq!(visitor_messages, 5);
    // The address is kept only as a keyed hash.
    let stored: Vec<Vec<u8>> = sqlx::query_scalar(
        "select key_hash from throttle_events where scope in ('visitor_message', 'visitor_start')",
    )
    .fetch_all(&api.db.pool)
    .await
    .unwrap();
    assert_eq!(stored.len(), 5 + 4);
    assert!(
        stored
            .iter()
            .all(|k| k.len() == 32 && !k.windows(4).any(|w| w == [127, 0, 0, 1]))
    );
}

/// A Server-Sent Events stream being read.
struct Stream {
    response: reqwest::Response,
    buffer: String,
}

impl Stream {
    async fn open(request: reqwest::RequestBuilder) -> Stream {
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/event-stream")
        );
        assert!(response.headers().get("set-cookie").is_none());
        Stream {
            response,
            buffer: String::new(),
        }
    }

    /// The next named event, or `None` once the stream has ended; fails after 10 s.
    async fn next(&mut self) -> Option<SseEvent> {
        tokio::time::timeout(std::time::Duration::from_secs(10), async {
            loop {
                if let Some(end) = self.buffer.find("\n\n") {
                    let block: String = self.buffer.drain(..end + 2).collect();
                    if let Some(event) = parse_sse(&block).pop() {
                        return Some(event);
                    }
                    continue;
                }
                let chunk = self.response.chunk().await.unwrap()?;
                self.buffer.push_str(std::str::from_utf8(&chunk).unwrap());
            }
        })
        .await
        .expect("an event within 10 s")
    }
}

#[tokio::test]
async fn the_owner_replies_and_the_widget_and_the_dashboard_hear_it_live() {
    let api = Api::start().await;
    let owner = api.owner("Ann", "ann@example.com").await;
    let ws = owner.workspace_id;
    app_with(&api, &owner, "ann-cafe", &[(HOURS_Q, HOURS_A)], json!({})).await;
    let mut dashboard = Stream::open(
        owner
            .client
            .get(api.url(&format!("/workspaces/{ws}/events"))),
    )
    .await;
    let visitor = Browser::new(&api, None);
    let (_, conversation, _) = visitor.start("ann-cafe").await;
    let id = conversation["conversation_id"].as_str().unwrap();
    let token = conversation["visitor_token"].as_str().unwrap();
    let mut widget = Stream::open(
        reqwest::Client::new()
            .get(api.url(&format!("/conversations/{id}/events")))
            .bearer_auth(token),
    )
    .await;

    // The dashboard hears the question and the reply: ids, never text.
    visitor.ask(&conversation, "what time do you open?").await;
    for role in ["visitor", "assistant"] {
        let event = dashboard.next().await.unwrap();
        assert_eq!(event.name, "change");
        assert_eq!(event.data["conversation_id"], id);
        assert_eq!(
            (event.data["kind"].as_str(), event.data["role"].as_str()),
            (Some("message"), Some(role))
        );
        assert!(!event.data.to_string().contains("open"), "{}", event.data);
    }

    // Bad replies are refused and store nothing.
    let replies = format!("/workspaces/{ws}/conversations/{id}/messages");
    for (text, code) in [
        ("  ", "text_required"),
        (&*"x".repeat(2_001), "text_too_long"),
    ] {
        let reply = api
            .post(&owner.client, &replies, json!({ "text": text }))
            .await;
        assert_eq!(reply.status, 422, "{reply:?}");
        assert_eq!(reply.error(), (code, Some("text")));
    }
    assert_eq!(api.count("messages").await, 2);

    // The owner's reply reaches the widget as written: the guardrail is for the bot.
    let text = "Hi, Ann here. Call me on 090-1111-2222 and I will book you in.";
    let reply = api
        .post(&owner.client, &replies, json!({ "text": text }))
        .await;
    assert_eq!(reply.status, 201, "{reply:?}");
    assert_eq!(reply.body["role"], "owner");
    let event = widget.next().await.unwrap();
    assert_eq!(event.name, "message", "{event:?}");
    assert_eq!(event.data["id"], reply.body["id"]);
    assert_eq!(event.data["role"], "owner");
    assert_eq!(event.data["text"], text);
    let event = dashboard.next().await.unwrap();
    assert_eq!(
        (event.data["role"].as_str(), &event.data["message_id"]),
        (Some("owner"), &reply.body["id"])
    );
    let (_, history) = visitor.history(&conversation, token).await;
    assert_eq!(history["messages"][2]["text"], text);

    // Another visitor's stream hears nothing of this conversation; its own token only.
    let (_, other, _) = visitor.start("ann-cafe").await;
    let status = reqwest::Client::new()
        .get(api.url(&format!("/conversations/{id}/events")))
        .bearer_auth(other["visitor_token"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 404);

    // Deleting the conversation ends the widget's stream.
    let reply = api
        .delete(
            &owner.client,
            &format!("/workspaces/{ws}/conversations/{id}"),
        )
        .await;
    assert_eq!(reply.status, 204);
    assert_eq!(widget.next().await.unwrap().name, "deleted");
    assert!(widget.next().await.is_none(), "the stream ends");
    let event = dashboard.next().await.unwrap();
    assert_eq!(event.data["kind"], "deleted");
}

#[tokio::test]
async fn a_failing_provider_gets_one_retry_then_a_polite_error_and_the_question_is_kept() {
    let (fake, api) = with_fake_openai(None).await;
    let owner = api.owner("Ann", "ann@example.com").await;
    let chat = json!({ "chat": { "provider": "openai" } });
    app_with(&api, &owner, "ann-cafe", &[], chat).await;
    fake.push(FakeReply::status(500, "boom"));
    fake.push(FakeReply::status(503, "still down"));

    let visitor = Browser::new(&api, None);
    let (_, conversation, _) = visitor.start("ann-cafe").await;
    let (status, events, _) = visitor.ask(&conversation, "営業時間は？").await;
    assert_eq!(status, 200);
    assert_eq!(names(&events), ["error"], "{events:#?}");
    assert_eq!(events[0].data["code"], "responder_unavailable");
    assert!(
        events[0].data["message"]
            .as_str()
            .unwrap()
            .starts_with("申し訳ありません")
    );
    assert_eq!(fake.requests().len(), 2, "one retry");
    let token = conversation["visitor_token"].as_str().unwrap();
    let (_, history) = visitor.history(&conversation, token).await;
    assert_eq!(history["messages"][0]["text"], "営業時間は？");
    let status: String = sqlx::query_scalar("select status from messages where role = 'assistant'")
        .fetch_one(&api.db.pool)
        .await
        .unwrap();
    assert_eq!(status, "failed");
}

#[tokio::test]
async fn origins_tokens_apps_and_bad_messages_are_refused_and_nothing_is_written() {
    let api = Api::start().await;
    let owner = api.owner("Ann", "ann@example.com").await;
    app_with(
        &api,
        &owner,
        "ann-cafe",
        &[(HOURS_Q, HOURS_A)],
        json!({ "allowed_origins": ["https://cafe.example"] }),
    )
    .await;
    let eve = api.owner("Eve", "eve@example.com").await;
    app_with(
        &api,
        &eve,
        "eve-bikes",
        &[(
            "Do you repair bikes?",
            "Yes, we repair every kind of bicycle within two days.",
        )],
        json!({}),
    )
    .await;

    // An origin the app does not allow: 403 with a reason the widget can read.
    let stranger = Browser::new(&api, Some("https://evil.example"));
    let (status, body, headers) = stranger.start("ann-cafe").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("origin_not_allowed"))
    );
    assert_eq!(
        headers["access-control-allow-origin"],
        "https://evil.example"
    );
    let count = || async {
        sqlx::query_scalar::<_, i64>("select count(*) from conversations")
            .fetch_one(&api.db.pool)
            .await
            .unwrap()
    };
    assert_eq!(count().await, 0);

    // The allowed origin and a preflight from it.
    let site = Browser::new(&api, Some("https://cafe.example"));
    let preflight = site
        .client
        .request(
            reqwest::Method::OPTIONS,
            api.url("/apps/ann-cafe/conversations"),
        )
        .header("origin", "https://cafe.example")
        .header("access-control-request-method", "POST")
        .send()
        .await
        .unwrap();
    assert_eq!(preflight.status(), 204);
    assert!(
        preflight.headers()["access-control-allow-headers"]
            .to_str()
            .unwrap()
            .contains("authorization")
    );
    let (status, first, headers) = site.start("ann-cafe").await;
    assert_eq!(status, 201);
    assert_eq!(
        headers["access-control-allow-origin"],
        "https://cafe.example"
    );
    let (_, second, _) = site.start("ann-cafe").await;
    assert_eq!(Browser::new(&api, None).start("nobody-here").await.0, 404);

    // One conversation's token does not open another.
    let second_token = second["visitor_token"].as_str().unwrap();
    assert_eq!(site.history(&first, second_token).await.0, 404);
    let (status, _) = site.history(&first, "not-a-token").await;
    assert_eq!(status, 404);
    // The token from a page on another origin is refused too.
    let first_token = first["visitor_token"].as_str().unwrap();
    assert_eq!(stranger.history(&first, first_token).await.0, 403);

    // Bad messages: their code, and no message stored.
    for (text, code) in [
        ("   ", "text_required"),
        (&*"x".repeat(2_001), "text_too_long"),
    ] {
        let (status, _, body) = site.ask(&first, text).await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (422, Some(code)),
            "{body}"
        );
        assert_eq!(body["error"]["field"], "text");
    }
    let messages: i64 = sqlx::query_scalar("select count(*) from messages")
        .fetch_one(&api.db.pool)
        .await
        .unwrap();
    assert_eq!(messages, 0);

    // Ann's visitor asking Eve's question gets Ann's knowledge only: nothing.
    let (_, events, _) = site.ask(&first, "Do you repair bikes?").await;
    assert_eq!(text(&events), mimi_llm::NO_ANSWER_EN);
}

#[tokio::test]
async fn the_owner_reads_filters_marks_handled_and_deletes_conversations() {
    let api = Api::start().await;
    let owner = api.owner("Ann", "ann@example.com").await;
    let app = app_with(&api, &owner, "ann-cafe", &[(HOURS_Q, HOURS_A)], json!({})).await;
    let ws = owner.workspace_id;
    let visitor = Browser::new(&api, None);
    let (_, answered, _) = visitor.start("ann-cafe").await;
    visitor.ask(&answered, "When are you open?").await;
    let (_, unanswered, _) = visitor.start("ann-cafe").await;
    visitor.ask(&unanswered, "Can I bring my dog?").await;
    let id = |c: &Value| c["conversation_id"].as_str().unwrap().to_owned();

    let inbox = api
        .get(&owner.client, &format!("/workspaces/{ws}/conversations"))
        .await;
    assert_eq!(inbox.status, 200, "{inbox:?}");
    let listed: Vec<&str> = inbox
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(listed, [id(&unanswered), id(&answered)], "latest first");
    assert_eq!(inbox.body[0]["preview"], mimi_llm::NO_ANSWER_EN);
    let filtered = api
        .get(
            &owner.client,
            &format!("/workspaces/{ws}/conversations?unanswered=true&app_id={app}&from=2020-01-01"),
        )
        .await;
    assert_eq!(filtered.body.as_array().unwrap().len(), 1);
    assert_eq!(filtered.body[0]["id"], id(&unanswered));
    let future = api
        .get(
            &owner.client,
            &format!("/workspaces/{ws}/conversations?from=2999-01-01T00:00:00Z"),
        )
        .await;
    assert_eq!(future.body, json!([]));
    for (query, code, field) in [
        ("from=yesterday", "from_invalid", "from"),
        ("to=2026-13-01", "to_invalid", "to"),
        ("handled=maybe", "invalid_query", "query"),
    ] {
        let reply = api
            .get(
                &owner.client,
                &format!("/workspaces/{ws}/conversations?{query}"),
            )
            .await;
        assert_eq!(
            (reply.status, reply.error()),
            (422, (code, Some(field))),
            "{query}"
        );
    }

    // The visitor asks for a person, leaving a contact; bad contacts change nothing.
    let handoff = |c: &Value, body: Value| {
        let url = api.url(&format!("/conversations/{}/handoff", id(c)));
        let token = c["visitor_token"].as_str().unwrap().to_owned();
        let client = visitor.client.clone();
        async move {
            let response = client
                .post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            (
                status,
                response.json::<Value>().await.unwrap_or(Value::Null),
            )
        }
    };
    for (contact, code) in [
        ("a\nb", "contact_invalid"),
        (&*"x".repeat(201), "contact_too_long"),
    ] {
        let (status, body) = handoff(&unanswered, json!({ "contact": contact })).await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (422, Some(code)),
            "{body}"
        );
    }
    let none = api
        .get(
            &owner.client,
            &format!("/workspaces/{ws}/conversations?handed_off=true"),
        )
        .await;
    assert_eq!(none.body, json!([]));
    let (status, _) = handoff(&unanswered, json!({ "contact": "ken@example.com" })).await;
    assert_eq!(status, 204);
    let handed = api
        .get(
            &owner.client,
            &format!("/workspaces/{ws}/conversations?handed_off=true"),
        )
        .await;
    assert_eq!(handed.body.as_array().unwrap().len(), 1);
    assert_eq!(handed.body[0]["visitor_contact"], "ken@example.com");
    assert!(handed.body[0]["handed_off_at"].is_string());

    // The thread, with the reply's citation and what produced it.
    let thread = api
        .get(
            &owner.client,
            &format!("/workspaces/{ws}/conversations/{}", id(&answered)),
        )
        .await;
    assert_eq!(thread.status, 200);
    let reply = &thread.body["messages"][1];
    assert_eq!(
        (reply["role"].as_str(), reply["model"].as_str()),
        (Some("assistant"), Some("extractive"))
    );
    assert_eq!(reply["sources"][0]["title"], HOURS_Q);
    assert_eq!(reply["status"], "complete");

    // Handled, until the visitor writes again.
    let path = format!("/workspaces/{ws}/conversations/{}", id(&answered));
    let handled = api
        .patch(&owner.client, &path, json!({ "handled": true }))
        .await;
    assert!(handled.body["handled_at"].is_string(), "{handled:?}");
    let open = api
        .get(
            &owner.client,
            &format!("/workspaces/{ws}/conversations?handled=false"),
        )
        .await;
    assert_eq!(open.body.as_array().unwrap().len(), 1);
    let bad = api
        .patch(&owner.client, &path, json!({ "handled": "yes" }))
        .await;
    assert_eq!(bad.status, 422, "{bad:?}");
    visitor.ask(&answered, "Thanks! And on Mondays?").await;
    let again = api.get(&owner.client, &path).await;
    assert!(again.body["conversation"]["handled_at"].is_null());

    // Deleted at once, messages and all.
    assert_eq!(api.delete(&owner.client, &path).await.status, 204);
    assert_eq!(api.get(&owner.client, &path).await.status, 404);
    let token = answered["visitor_token"].as_str().unwrap();
    assert_eq!(visitor.history(&answered, token).await.0, 404);
    let left: i64 =
        sqlx::query_scalar("select count(*) from messages where conversation_id = $1::uuid")
            .bind(id(&answered))
            .fetch_one(&api.db.pool)
            .await
            .unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn an_app_is_reached_by_its_subdomain_or_its_custom_domain() {
    let api = Api::start().await;
    let owner = api.owner("Ann", "ann@example.com").await;
    app_with(
        &api,
        &owner,
        "ann-cafe",
        &[],
        json!({ "custom_domain": "Help.Cafe.Example" }),
    )
    .await;
    let base = api.url("/");
    let port = base
        .rsplit(':')
        .next()
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    let client = reqwest::Client::new();
    let get = |host: String| {
        let request = client.get(api.url("/app/widget")).header("host", host);
        async move {
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            (
                status,
                response.json::<Value>().await.unwrap_or(Value::Null),
            )
        }
    };
    let (status, widget) = get("help.cafe.example".to_owned()).await;
    assert_eq!(
        (status, widget["handle"].as_str()),
        (200, Some("ann-cafe")),
        "{widget}"
    );
    let (status, widget) = get(format!("ann-cafe.127.0.0.1:{port}")).await;
    assert_eq!(
        (status, widget["handle"].as_str()),
        (200, Some("ann-cafe")),
        "{widget}"
    );
    assert_eq!(get("elsewhere.example".to_owned()).await.0, 404);
    assert_eq!(get(format!("nobody.127.0.0.1:{port}")).await.0, 404);

    // The app's own domain is an allowed origin without being listed.
    let start = |origin: &'static str| {
        let request = client
            .post(api.url("/app/conversations"))
            .header("host", "help.cafe.example")
            .header("origin", origin);
        async move { request.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(start("https://help.cafe.example").await, 201);
    assert_eq!(start("https://evil.example").await, 403);

    // One domain, one app.
    let eve = api.owner("Eve", "eve@example.com").await;
    let taken = api
        .post(
            &eve.client,
            &format!("/workspaces/{}/apps", eve.workspace_id),
            json!({ "handle": "eve-shop", "name": "Eve", "custom_domain": "help.cafe.example" }),
        )
        .await;
    assert_eq!(
        (taken.status, taken.error()),
        (409, ("custom_domain_taken", Some("custom_domain")))
    );
}
