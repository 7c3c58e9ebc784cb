//! One retry of a request that failed before the visitor saw anything.

use std::time::Duration;

use futures_util::StreamExt;

use crate::{ChatModel, ChatRequest, EventStream, LlmError};

/// The longest `retry-after` [`stream_with_retry`] waits for: a visitor is watching.
/// A rate limit asking for longer fails at once.
pub const RETRY_AFTER_CAP: Duration = Duration::from_secs(5);

/// Opens `model`'s stream for `req`, retrying once if it fails before producing any
/// event.
///
/// "Before any event" covers a refused request (429, 5xx, 529, timeout, no connection)
/// and a stream whose first item is an error (Anthropic can answer 200 and then send an
/// `overloaded_error` event). The retry waits `backoff`, or the server's `retry-after`
/// when it gave one of at most [`RETRY_AFTER_CAP`]; with a longer one there is no retry.
/// Errors that are not [`retryable`](LlmError::retryable) (400, 401…) are returned at
/// once, and so is the second failure.
///
/// It never retries once an event has been produced: by then text may already be on the
/// visitor's screen, and a second answer would be appended to the first. The first
/// event is read here, so the returned stream starts with it; errors later in the
/// stream are the caller's to handle.
pub async fn stream_with_retry(
    model: &dyn ChatModel,
    req: &ChatRequest,
    backoff: Duration,
) -> Result<EventStream, LlmError> {
    let error = match first_event(model, req).await {
        Ok(stream) => return Ok(stream),
        Err(e) => e,
    };
    let wait = match &error {
        e if !e.retryable() => return Err(error),
        LlmError::RateLimited {
            retry_after: Some(after),
            ..
        } if *after > RETRY_AFTER_CAP => return Err(error),
        LlmError::RateLimited {
            retry_after: Some(after),
            ..
        } => *after,
        _ => backoff,
    };
    tracing::info!(model = model.name(), error = %error, ?wait, "retrying the chat model once");
    tokio::time::sleep(wait).await;
    first_event(model, req).await
}

/// The stream, after checking that its first item is not an error.
async fn first_event(model: &dyn ChatModel, req: &ChatRequest) -> Result<EventStream, LlmError> {
    let mut stream = model.stream(req).await?;
    match stream.next().await {
        Some(Err(e)) => Err(e),
        Some(Ok(first)) => Ok(Box::pin(
            futures_util::stream::iter([Ok(first)]).chain(stream),
        )),
        None => Ok(stream),
    }
}
