//! What both HTTP providers share: sending with timeouts, reading an error response,
//! and turning an event-stream body into [`Event`]s through a provider's decoder.

use std::collections::VecDeque;
use std::pin::Pin;
use std::time::Duration;

use futures_util::{Stream, StreamExt};

use crate::error::{Secrets, from_error_object, retry_after};
use crate::sse::{SseEvent, SseParser};
use crate::{Event, EventStream, LlmError};

/// The HTTP client of one provider and its timeout.
#[derive(Debug)]
pub(crate) struct Transport {
    client: reqwest::Client,
    timeout: Duration,
}

/// A provider's wire format for the stream: turns its events into [`Event`]s.
pub(crate) trait Decoder: Send + 'static {
    /// Decodes one event, pushing what it completes onto `out`; returns whether the
    /// stream is finished (nothing more is read after).
    fn decode(&mut self, event: SseEvent, out: &mut VecDeque<Result<Event, LlmError>>) -> bool;

    /// The body ended before `decode` said the stream was finished: the final item.
    fn end(&mut self) -> Result<Event, LlmError>;
}

impl Transport {
    /// A client whose connection attempts, response headers and every wait for stream
    /// data are limited to `timeout`.
    pub(crate) fn new(timeout: Duration) -> Result<Transport, LlmError> {
        let client = reqwest::Client::builder()
            .connect_timeout(timeout)
            .build()
            .map_err(|e| LlmError::config("base_url", format!("building the HTTP client: {e}")))?;
        Ok(Transport { client, timeout })
    }

    /// A POST request to `url`.
    pub(crate) fn post(&self, url: &str) -> reqwest::RequestBuilder {
        self.client.post(url)
    }

    /// Sends `request` and, once a 2xx response has arrived, streams its events through
    /// `decoder`. A non-2xx response becomes its typed error.
    pub(crate) async fn stream<D: Decoder>(
        &self,
        request: reqwest::RequestBuilder,
        secrets: Secrets,
        decoder: D,
    ) -> Result<EventStream, LlmError> {
        let timeout = self.timeout;
        let response = tokio::time::timeout(timeout, request.send())
            .await
            .map_err(|_| LlmError::Timeout { after: timeout })?
            .map_err(|e| {
                if e.is_timeout() {
                    LlmError::Timeout { after: timeout }
                } else {
                    LlmError::http(e)
                }
            })?;
        let status = response.status().as_u16();
        if !response.status().is_success() {
            let wait = retry_after(response.headers());
            let body = tokio::time::timeout(timeout, error_body(response))
                .await
                .map_err(|_| LlmError::Timeout { after: timeout })?
                .map_err(LlmError::http)?;
            tracing::debug!(status, "the chat model provider answered with an error");
            return Err(error_response(status, &body, &secrets, wait));
        }
        let content_type = response.headers().get(reqwest::header::CONTENT_TYPE);
        let content_type = content_type.and_then(|v| v.to_str().ok()).unwrap_or("");
        if !content_type.is_empty() && !content_type.starts_with("text/event-stream") {
            // A server that ignored `stream: true`, or a proxy's page.
            let message = format!("the provider answered {content_type:?}, not an event stream");
            return Err(LlmError::stream(message));
        }
        let body = Body {
            bytes: Box::pin(response.bytes_stream()),
            parser: SseParser::default(),
            events: VecDeque::new(),
            timeout,
            ended: false,
        };
        Ok(drive(body, decoder))
    }
}

/// The most of an error body read: providers send a few hundred bytes.
const MAX_ERROR_BODY: usize = 64 * 1024;

async fn error_body(mut response: reqwest::Response) -> reqwest::Result<Vec<u8>> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        body.extend_from_slice(&chunk);
        if body.len() >= MAX_ERROR_BODY {
            body.truncate(MAX_ERROR_BODY);
            break;
        }
    }
    Ok(body)
}

/// The typed error for a non-2xx response and its body.
fn error_response(status: u16, body: &[u8], secrets: &Secrets, wait: Option<Duration>) -> LlmError {
    let json: Option<serde_json::Value> = serde_json::from_slice(body).ok();
    let text = String::from_utf8_lossy(body);
    let fallback = match text.trim() {
        "" => "(empty body)",
        text => text,
    };
    let error = json.as_ref().and_then(|j| j.get("error"));
    from_error_object(Some(status), error, fallback, secrets, wait)
}

/// The response body as events, with the idle timeout on every read.
struct Body<S> {
    bytes: Pin<Box<S>>,
    parser: SseParser,
    events: VecDeque<SseEvent>,
    timeout: Duration,
    ended: bool,
}

impl<S, B> Body<S>
where
    S: Stream<Item = reqwest::Result<B>> + Send,
    B: AsRef<[u8]>,
{
    /// The next complete event; `None` at the end of the body.
    async fn next(&mut self) -> Option<Result<SseEvent, LlmError>> {
        loop {
            if let Some(event) = self.events.pop_front() {
                return Some(Ok(event));
            }
            if self.ended {
                return None;
            }
            match tokio::time::timeout(self.timeout, self.bytes.next()).await {
                Err(_) => {
                    let after = self.timeout;
                    return Some(Err(LlmError::Timeout { after }));
                }
                Ok(None) => self.ended = true,
                Ok(Some(Err(e))) => {
                    let message = format!("the connection broke: {}", e.without_url());
                    return Some(Err(LlmError::stream(message)));
                }
                Ok(Some(Ok(bytes))) => {
                    if let Err(e) = self.parser.feed(bytes.as_ref(), &mut self.events) {
                        return Some(Err(e));
                    }
                }
            }
        }
    }
}

/// The state of one [`EventStream`] between polls.
struct Driver<S, D> {
    body: Body<S>,
    decoder: D,
    out: VecDeque<Result<Event, LlmError>>,
    finished: bool,
}

/// The events `decoder` makes of `body`, ending after the first error.
fn drive<S, B, D>(body: Body<S>, decoder: D) -> EventStream
where
    S: Stream<Item = reqwest::Result<B>> + Send + 'static,
    B: AsRef<[u8]> + Send + 'static,
    D: Decoder,
{
    let driver = Driver {
        body,
        decoder,
        out: VecDeque::new(),
        finished: false,
    };
    let stream = futures_util::stream::unfold(driver, |mut d| async move {
        loop {
            if let Some(item) = d.out.pop_front() {
                if item.is_err() {
                    d.out.clear();
                    d.finished = true;
                }
                return Some((item, d));
            }
            if d.finished {
                return None;
            }
            match d.body.next().await {
                Some(Ok(event)) => d.finished = d.decoder.decode(event, &mut d.out),
                Some(Err(e)) => d.out.push_back(Err(e)),
                None => {
                    d.finished = true;
                    let last = d.decoder.end();
                    d.out.push_back(last);
                }
            }
        }
    });
    Box::pin(stream)
}
