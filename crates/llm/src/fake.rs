//! Local fake Anthropic and OpenAI servers on 127.0.0.1:0 (the `fake` feature), for
//! tests here and in the crates that call this one.
//!
//! Each checks a request as the real API does (credentials, `anthropic-version`,
//! required and unknown fields, message shapes) and answers a bad one with the real
//! status and error body, consuming no script. A valid request gets the next scripted
//! [`Reply`], rendered in the provider's real wire format: streamed text in the given
//! pieces, tool calls with their arguments split across deltas, error statuses with
//! `retry-after`, an error event mid-stream, pauses, a connection dropped or left silent
//! mid-way, CRLF line ends, writes split mid-line. Every request is recorded.
//!
//! ```no_run
//! # async fn demo() {
//! use mimi_llm::fake::{FakeAnthropic, Reply};
//! let fake = FakeAnthropic::start("test-key").await;
//! fake.push(Reply::text(["Hello", ", world"]));
//! // point `AnthropicOptions::base_url` at `fake.base_url()`
//! # }
//! ```

mod anthropic;
mod openai;

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::Response;
use serde_json::Value;

pub use anthropic::FakeAnthropic;
pub use openai::FakeOpenAi;

/// A request the fake received (valid or not).
#[derive(Clone, Debug)]
pub struct Recorded {
    /// The request path, e.g. `/v1/messages`.
    pub path: String,
    /// Header names (lower case) and values.
    pub headers: BTreeMap<String, String>,
    /// The body as JSON (`Null` if it was not JSON).
    pub body: Value,
}

/// What the fake answers to the next valid request.
#[derive(Clone, Debug)]
pub struct Reply {
    pub(crate) kind: Kind,
    pub(crate) delay: Duration,
    pub(crate) split: Option<usize>,
    pub(crate) crlf: bool,
}

#[derive(Clone, Debug)]
pub(crate) enum Kind {
    Stream(Script),
    Status {
        status: u16,
        message: String,
        retry_after: Option<String>,
    },
}

/// A streamed reply: text, then perhaps a tool call, then how it ends.
#[derive(Clone, Debug, Default)]
pub(crate) struct Script {
    pub text: Vec<String>,
    pub tool: Option<(String, String, Vec<String>)>,
    pub stop: Option<String>,
    pub usage: (u32, u32),
    pub ending: Ending,
    pub bare: bool,
}

/// What follows the last content delta.
#[derive(Clone, Debug, Default)]
pub(crate) enum Ending {
    /// The rest of a normal reply.
    #[default]
    Complete,
    /// An error event of this type and message, then the end of the body.
    Error(String, String),
    /// The connection is cut (no terminating chunk).
    Drop,
    /// The body ends cleanly, but before the message does.
    Close,
    /// Nothing more is written; the connection stays open.
    Hang,
}

impl Reply {
    fn stream(script: Script) -> Reply {
        Reply {
            kind: Kind::Stream(script),
            delay: Duration::ZERO,
            split: None,
            crlf: false,
        }
    }

    /// A text reply streamed in these pieces, one delta each; usage 25 in, 10 out.
    pub fn text<S: Into<String>>(pieces: impl IntoIterator<Item = S>) -> Reply {
        Reply::stream(Script {
            text: pieces.into_iter().map(Into::into).collect(),
            usage: (25, 10),
            ..Script::default()
        })
    }

    /// A tool call whose JSON arguments arrive in these pieces, after any text of the
    /// reply; the stop reason becomes the provider's tool-use reason.
    pub fn with_tool_call<S: Into<String>>(
        mut self,
        id: &str,
        name: &str,
        argument_pieces: impl IntoIterator<Item = S>,
    ) -> Reply {
        if let Kind::Stream(script) = &mut self.kind {
            let pieces = argument_pieces.into_iter().map(Into::into).collect();
            script.tool = Some((id.to_owned(), name.to_owned(), pieces));
        }
        self
    }

    /// An error response: this status with the provider's error body around `message`.
    pub fn status(status: u16, message: &str) -> Reply {
        Reply {
            kind: Kind::Status {
                status,
                message: message.to_owned(),
                retry_after: None,
            },
            ..Reply::text(Vec::<String>::new())
        }
    }

    /// Adds a `retry-after` header (to a [`Reply::status`]).
    pub fn retry_after(mut self, value: &str) -> Reply {
        if let Kind::Status { retry_after, .. } = &mut self.kind {
            *retry_after = Some(value.to_owned());
        }
        self
    }

    /// The stop reason sent, in the provider's words (`max_tokens`, `length`…).
    pub fn stop(self, reason: &str) -> Reply {
        self.script(|s| s.stop = Some(reason.to_owned()))
    }

    /// The token counts reported.
    pub fn usage(self, input: u32, output: u32) -> Reply {
        self.script(|s| s.usage = (input, output))
    }

    /// After the content, an error event of this type (`overloaded_error`,
    /// `server_error`…) instead of the end of the message.
    pub fn error_after_text(self, kind: &str, message: &str) -> Reply {
        self.script(|s| s.ending = Ending::Error(kind.to_owned(), message.to_owned()))
    }

    /// After the content, the connection is cut.
    pub fn drop_after_text(self) -> Reply {
        self.script(|s| s.ending = Ending::Drop)
    }

    /// After the content, the body ends cleanly without the rest of the message (no
    /// `message_stop`, no `finish_reason` or `[DONE]`).
    pub fn close_after_text(self) -> Reply {
        self.script(|s| s.ending = Ending::Close)
    }

    /// After the content, the server says nothing more and keeps the connection open.
    pub fn hang_after_text(self) -> Reply {
        self.script(|s| s.ending = Ending::Hang)
    }

    /// OpenAI format only: chunks without `id`s and no usage chunk, like some
    /// compatible servers.
    pub fn bare(self) -> Reply {
        self.script(|s| s.bare = true)
    }

    /// A pause before every event after the first.
    pub fn delay(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }

    /// Every event written in pieces of at most `bytes` bytes, a millisecond apart, so
    /// that lines (and UTF-8 characters) arrive split.
    pub fn split_writes(mut self, bytes: usize) -> Reply {
        self.split = Some(bytes.max(1));
        self
    }

    /// Lines end with CRLF instead of LF.
    pub fn crlf(mut self) -> Reply {
        self.crlf = true;
        self
    }

    fn script(mut self, change: impl FnOnce(&mut Script)) -> Reply {
        if let Kind::Stream(script) = &mut self.kind {
            change(script);
        }
        self
    }
}

/// What one fake server shares with its handler.
#[derive(Debug)]
pub(crate) struct Shared {
    pub key: Option<String>,
    replies: Mutex<VecDeque<Reply>>,
    requests: Mutex<Vec<Recorded>>,
}

/// A running fake: its address and state; stops when dropped.
#[derive(Debug)]
pub(crate) struct Server {
    pub addr: std::net::SocketAddr,
    pub shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The status and JSON body refusing a request.
pub(crate) struct Refusal(pub u16, pub Value);

/// A protocol: validates a request, renders replies.
pub(crate) trait Protocol: Send + Sync + 'static {
    /// The error response for a request the real API would refuse.
    fn check(&self, shared: &Shared, req: &Recorded) -> Result<(), Refusal>;
    /// The error response of [`Reply::status`].
    fn status(&self, status: u16, message: &str) -> Value;
    /// The events of a streamed reply (each ending with a blank line) up to the
    /// ending, and the ending's own events.
    fn render(&self, script: &Script, req: &Value) -> Vec<String>;
}

impl Server {
    /// Binds 127.0.0.1:0 and serves `protocol` on every path.
    pub(crate) async fn start<P: Protocol>(protocol: P, key: Option<&str>) -> Server {
        let shared = Arc::new(Shared {
            key: key.map(str::to_owned),
            replies: Mutex::new(VecDeque::new()),
            requests: Mutex::new(Vec::new()),
        });
        let state = (Arc::new(protocol), shared.clone());
        let app = axum::Router::new().fallback(handle::<P>).with_state(state);
        let bind = tokio::net::TcpListener::bind("127.0.0.1:0").await;
        let listener = bind.unwrap_or_else(|e| panic!("binding the fake server: {e}"));
        let addr = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("the fake server's address: {e}"));
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Server { addr, shared, task }
    }

    pub(crate) fn push(&self, reply: Reply) {
        lock(&self.shared.replies).push_back(reply);
    }

    pub(crate) fn requests(&self) -> Vec<Recorded> {
        lock(&self.shared.requests).clone()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

async fn handle<P: Protocol>(
    State((protocol, shared)): State<(Arc<P>, Arc<Shared>)>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let recorded = Recorded {
        path: uri.path().to_owned(),
        headers: headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: serde_json::from_slice(&body).unwrap_or(Value::Null),
    };
    lock(&shared.requests).push(recorded.clone());
    if method != Method::POST {
        return json(405, &protocol.status(405, "Method not allowed"));
    }
    if let Err(Refusal(status, body)) = protocol.check(&shared, &recorded) {
        return json(status, &body);
    }
    let Some(reply) = lock(&shared.replies).pop_front() else {
        return json(
            500,
            &protocol.status(500, "the fake server has no scripted reply left"),
        );
    };
    match &reply.kind {
        Kind::Status {
            status,
            message,
            retry_after,
        } => {
            let mut response = json(*status, &protocol.status(*status, message));
            if let Some(value) = retry_after.as_deref().and_then(|v| v.parse().ok()) {
                response.headers_mut().insert("retry-after", value);
            }
            response
        }
        Kind::Stream(script) => {
            let events = protocol.render(script, &recorded.body);
            event_stream(&reply, events, &script.ending)
        }
    }
}

/// A JSON response.
pub(crate) fn json(status: u16, body: &Value) -> Response {
    let mut response = Response::new(Body::from(body.to_string()));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/json"),
    );
    response
}

/// One write of the body, or how it stops.
enum Write {
    Data(Vec<u8>, Duration),
    Cut,
    Hang,
}

fn event_stream(reply: &Reply, events: Vec<String>, ending: &Ending) -> Response {
    let mut writes = Vec::new();
    for (i, event) in events.into_iter().enumerate() {
        let event = if reply.crlf {
            event.replace('\n', "\r\n")
        } else {
            event
        };
        let pause = if i == 0 { Duration::ZERO } else { reply.delay };
        match reply.split {
            None => writes.push(Write::Data(event.into_bytes(), pause)),
            Some(size) => {
                for (j, piece) in event.as_bytes().chunks(size).enumerate() {
                    let pause = if j == 0 {
                        pause
                    } else {
                        Duration::from_millis(1)
                    };
                    // Raw bytes: a piece may end mid-character.
                    writes.push(Write::Data(piece.to_vec(), pause));
                }
            }
        }
    }
    match ending {
        Ending::Drop => writes.push(Write::Cut),
        Ending::Hang => writes.push(Write::Hang),
        Ending::Complete | Ending::Error(..) | Ending::Close => {}
    }
    let stream = futures_util::stream::unfold(writes.into_iter(), |mut writes| async move {
        match writes.next()? {
            Write::Data(data, pause) => {
                if !pause.is_zero() {
                    tokio::time::sleep(pause).await;
                }
                Some((Ok(data), writes))
            }
            Write::Cut => {
                // Let the server flush the headers and events first: cut before them,
                // the client would see no response at all rather than a broken one.
                tokio::time::sleep(Duration::from_millis(20)).await;
                Some((Err(std::io::Error::other("cut by the script")), writes))
            }
            Write::Hang => {
                std::future::pending::<()>().await;
                None
            }
        }
    });
    let mut response = Response::new(Body::from_stream(stream));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("text/event-stream; charset=utf-8"),
    );
    response
}
