//! The load: concurrent visitors, each on its own keep-alive connection, each sending a
//! message, reading the whole SSE reply, and sending the next one at once.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::task::JoinHandle;
use uuid::Uuid;

use crate::baseline::Recorded;

/// The questions visitors ask, in turn.
pub const QUESTIONS: &[&str] = &[
    "When are you open?",
    "Do you have vegan options?",
    "Can I bring my dog?",
    "Is there somewhere to park nearby?",
];

/// One visitor: a conversation, its token, and the address it poses as.
pub struct Visitor {
    client: reqwest::Client,
    messages_url: String,
    token: String,
    forwarded_for: String,
}

fn client() -> reqwest::Client {
    // One client (so one connection) per visitor; reqwest sets TCP_NODELAY by default.
    reqwest::Client::builder().no_proxy().build().unwrap()
}

/// A made-up client address for visitor `i` (10.x.y.z).
fn address(i: usize) -> String {
    format!(
        "10.{}.{}.{}",
        (i >> 16) & 0xff,
        (i >> 8) & 0xff,
        (i & 0xff) + 1
    )
}

/// `count` conversations started on the server at `base`, spread over the apps.
pub async fn start_conversations(base: &str, handles: &[String], count: usize) -> Vec<Visitor> {
    let mut visitors = Vec::with_capacity(count);
    for i in 0..count {
        let client = client();
        let handle = &handles[i % handles.len()];
        let forwarded_for = address(i);
        let response = client
            .post(format!("{base}/api/v1/apps/{handle}/conversations"))
            .header("x-forwarded-for", &forwarded_for)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 201, "starting a conversation");
        let started: Value = response.json().await.unwrap();
        visitors.push(Visitor {
            client,
            messages_url: format!(
                "{base}/api/v1/conversations/{}/messages",
                started["conversation_id"].as_str().unwrap()
            ),
            token: started["visitor_token"].as_str().unwrap().to_owned(),
            forwarded_for,
        });
    }
    visitors
}

/// `count` visitors of the bare endpoint at `base`, with made-up conversations.
pub fn bare_visitors(base: &str, count: usize) -> Vec<Visitor> {
    (0..count)
        .map(|i| Visitor {
            client: client(),
            messages_url: format!("{base}/api/v1/conversations/{}/messages", Uuid::new_v4()),
            token: Uuid::new_v4().simple().to_string(),
            forwarded_for: address(i),
        })
        .collect()
}

/// What one turn took, and what came back.
struct Turn {
    finished: Instant,
    first_byte: Duration,
    whole: Duration,
    events: usize,
    bytes: usize,
}

impl Visitor {
    /// Sends `text` and reads the reply to its end; the reply's raw SSE text.
    async fn send(&self, text: &str) -> Result<(Turn, String), String> {
        let started = Instant::now();
        let mut response = self
            .client
            .post(&self.messages_url)
            .bearer_auth(&self.token)
            .header("x-forwarded-for", &self.forwarded_for)
            .json(&json!({ "text": text }))
            .send()
            .await
            .map_err(|e| format!("request: {e}"))?;
        let status = response.status().as_u16();
        if status != 200 {
            let body = response.text().await.unwrap_or_default();
            return Err(format!("status {status}: {body}"));
        }
        let mut body = Vec::new();
        let mut first_byte = None;
        while let Some(chunk) = response.chunk().await.map_err(|e| format!("body: {e}"))? {
            first_byte.get_or_insert_with(|| started.elapsed());
            body.extend_from_slice(&chunk);
        }
        let whole = started.elapsed();
        let first_byte = first_byte.ok_or("an empty reply")?;
        let body = String::from_utf8(body).map_err(|_| "a reply that is not UTF-8")?;
        let events = events(&body);
        match events.last() {
            Some((name, _)) if name == "done" => {}
            _ => return Err(format!("a reply that does not end with `done`: {body}")),
        }
        let turn = Turn {
            finished: Instant::now(),
            first_byte,
            whole,
            events: events.len(),
            bytes: body.len(),
        };
        Ok((turn, body))
    }
}

/// The events of an SSE body, in order.
pub fn events(body: &str) -> Vec<Recorded> {
    body.split("\n\n")
        .filter_map(|block| {
            let mut name = None;
            let mut data = Vec::new();
            for line in block.lines() {
                if let Some(n) = line.strip_prefix("event:") {
                    name = Some(n.trim().to_owned());
                } else if let Some(d) = line.strip_prefix("data:") {
                    data.push(d.strip_prefix(' ').unwrap_or(d));
                }
            }
            Some((name?, data.join("\n")))
        })
        .collect()
}

/// One turn of a new conversation on the server at `base`: its events, to replay.
pub async fn record_turn(base: &str, handle: &str) -> Vec<Recorded> {
    let visitors = start_conversations(base, &[handle.to_owned()], 1).await;
    let (_, body) = visitors[0].send(QUESTIONS[0]).await.unwrap();
    events(&body)
}

/// How long a run lasts.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    /// Turns finished before this are not counted.
    pub warm_up: Duration,
    /// Turns finished within this after the warm-up are counted.
    pub measure: Duration,
    /// Each visitor stops after this many turns, if given (the quick check).
    pub turns_per_visitor: Option<usize>,
}

/// A run in progress.
pub struct Load {
    started: Instant,
    plan: Plan,
    visitors: Vec<JoinHandle<(Vec<Turn>, Vec<String>)>>,
}

/// What a run measured: counted turns only.
#[derive(Debug, Default)]
pub struct Outcome {
    pub turns: usize,
    pub errors: Vec<String>,
    pub first_byte: Vec<Duration>,
    pub whole: Vec<Duration>,
    pub events: usize,
    pub bytes: usize,
}

impl Load {
    /// Every visitor starts sending at once.
    pub fn start(visitors: Vec<Visitor>, plan: Plan) -> Load {
        let started = Instant::now();
        let end = started + plan.warm_up + plan.measure;
        let visitors = visitors
            .into_iter()
            .enumerate()
            .map(|(i, visitor)| {
                tokio::spawn(async move {
                    let mut turns = Vec::new();
                    let mut errors = Vec::new();
                    let mut n = i;
                    while Instant::now() < end
                        && plan.turns_per_visitor.is_none_or(|most| turns.len() < most)
                    {
                        match visitor.send(QUESTIONS[n % QUESTIONS.len()]).await {
                            Ok((turn, _)) => turns.push(turn),
                            Err(e) => errors.push(e),
                        }
                        n += 1;
                    }
                    (turns, errors)
                })
            })
            .collect();
        Load {
            started,
            plan,
            visitors,
        }
    }

    /// When counting starts.
    pub fn counting_from(&self) -> Instant {
        self.started + self.plan.warm_up
    }

    /// When counting ends.
    pub fn counting_until(&self) -> Instant {
        self.counting_from() + self.plan.measure
    }

    /// Waits for every visitor to stop; the turns finished in the counted window.
    pub async fn finish(self) -> Outcome {
        let (from, until) = (self.counting_from(), self.counting_until());
        let mut outcome = Outcome::default();
        for visitor in self.visitors {
            let (turns, errors) = visitor.await.unwrap();
            outcome.errors.extend(errors);
            for turn in turns {
                if turn.finished < from || turn.finished > until {
                    continue;
                }
                outcome.turns += 1;
                outcome.first_byte.push(turn.first_byte);
                outcome.whole.push(turn.whole);
                outcome.events += turn.events;
                outcome.bytes += turn.bytes;
            }
        }
        outcome.first_byte.sort();
        outcome.whole.sort();
        outcome
    }
}

/// The `q` quantile (0–1) of sorted `values`, nearest rank.
pub fn quantile(values: &[Duration], q: f64) -> Duration {
    if values.is_empty() {
        return Duration::ZERO;
    }
    let rank = (q * values.len() as f64).ceil() as usize;
    values[rank.clamp(1, values.len()) - 1]
}
