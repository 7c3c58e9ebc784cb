//! The bare axum SSE endpoint the pipeline is compared with: the same route shape and
//! request body, no database, no model, no guardrail; it answers every message with the
//! events one real turn produced, from memory.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Json, Path, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::post;
use axum::serve::ListenerExt;
use futures_util::Stream;
use serde::Deserialize;
use tokio::net::TcpListener;
use uuid::Uuid;

use crate::Running;

/// One SSE event as it went over the wire: its name and data.
pub type Recorded = (String, String);

#[derive(Deserialize)]
struct Message {
    text: String,
}

async fn send(
    State(events): State<Arc<Vec<Recorded>>>,
    Path(_conversation): Path<Uuid>,
    Json(message): Json<Message>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, StatusCode> {
    if message.text.trim().is_empty() {
        return Err(StatusCode::UNPROCESSABLE_ENTITY);
    }
    let events: Vec<Result<Event, Infallible>> = events
        .iter()
        .map(|(name, data)| Ok(Event::default().event(name).data(data)))
        .collect();
    Ok(Sse::new(futures_util::stream::iter(events)).keep_alive(KeepAlive::default()))
}

/// Serves `events` for every message on a free loopback port; with `nodelay`, each
/// accepted socket gets TCP_NODELAY as `mimi serve` sets it, without it the kernel's
/// default (Nagle's algorithm on).
pub async fn serve(events: Vec<Recorded>, nodelay: bool) -> Running {
    let app = Router::new()
        .route(
            "/api/v1/conversations/{conversation_id}/messages",
            post(send),
        )
        .with_state(Arc::new(events));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr: SocketAddr = listener.local_addr().unwrap();
    if nodelay {
        Running::spawn(addr, |stop| async move {
            mimi_server::serve::serve(listener, app, stop, std::time::Duration::from_secs(5)).await
        })
    } else {
        Running::spawn(addr, |stop| async move {
            let listener = listener.tap_io(|tcp| {
                // Explicitly off, whatever the platform's default.
                let _ = tcp.set_nodelay(false);
            });
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(stop)
            .await
        })
    }
}
