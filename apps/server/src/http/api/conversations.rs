//! `/api/v1/workspaces/{workspace_id}/conversations…`: the owner's inbox, threads with
//! their citations, replying in person, marking handled, deleting; and
//! `/workspaces/{workspace_id}/events`, the live stream the dashboard follows.

use std::convert::Infallible;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::response::sse::Event;
use mimi_chat::{Change, Heard, InboxFilter, Summary, Thread, ThreadMessage};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::http::AppState;
use crate::http::auth::InWorkspace;
use crate::http::error::{ApiResult, ErrorBody};
use crate::http::json::{ApiJson, ApiPath, ApiQuery};
use crate::http::visitor::sse;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(inbox))
        .routes(routes!(thread, update, delete))
        .routes(routes!(reply))
        .routes(routes!(events))
}

/// The owner's reply.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct NewReply {
    /// 1–2,000 characters; shown to the visitor as written.
    text: String,
}

/// Replies to the visitor in person: stored in the conversation and pushed to the
/// visitor's widget if it is open. The conversation counts as answered.
#[utoipa::path(post, path = "/workspaces/{workspace_id}/conversations/{conversation_id}/messages", tag = "conversations",
    params(("workspace_id" = Uuid, Path), ("conversation_id" = Uuid, Path)), request_body = NewReply,
    responses((status = 201, body = ThreadMessage), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn reply(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, id)): ApiPath<(Uuid, Uuid)>,
    ApiJson(body): ApiJson<NewReply>,
) -> ApiResult<(StatusCode, Json<ThreadMessage>)> {
    let message = mimi_chat::reply(&state.pool, &scope, id, &body.text).await?;
    Ok((StatusCode::CREATED, Json(message)))
}

/// Live changes to the workspace's conversations as Server-Sent Events: `change`
/// (ids and what happened: a message stored, a hand-off, handled, deleted; read the
/// conversation for the rest) and `resync` (changes may have been missed: read the
/// inbox again). No chat text travels in the stream.
#[utoipa::path(get, path = "/workspaces/{workspace_id}/events", tag = "conversations",
    params(("workspace_id" = Uuid, Path)),
    responses((status = 200, content_type = "text/event-stream", body = Change), (status = 404, body = ErrorBody)))]
async fn events(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
) -> ApiResult<Response> {
    let subscriber = state.chat.subscribe().await?;
    let workspace_id = scope.workspace_id;
    let stream = futures_util::stream::unfold(subscriber, move |mut heard| async move {
        loop {
            let event = match heard.next().await? {
                Heard::Resync => Event::default().event("resync").data("{}"),
                Heard::Change(change) if change.workspace_id == workspace_id => Event::default()
                    .event("change")
                    .data(serde_json::to_string(&change).unwrap_or_default()),
                Heard::Change(_) => continue,
            };
            return Some((Ok::<Event, Infallible>(event), heard));
        }
    });
    Ok(sse(stream))
}

/// The workspace's conversations, latest activity first (at most 200), filtered by app,
/// time of last activity, unanswered, handed off and handled.
#[utoipa::path(get, path = "/workspaces/{workspace_id}/conversations", tag = "conversations",
    params(("workspace_id" = Uuid, Path), InboxFilter),
    responses((status = 200, body = Vec<Summary>), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn inbox(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiQuery(filter): ApiQuery<InboxFilter>,
) -> ApiResult<Json<Vec<Summary>>> {
    Ok(Json(mimi_chat::inbox(&state.pool, &scope, &filter).await?))
}

/// One conversation with every message, its citations, model, tokens and latency.
#[utoipa::path(get, path = "/workspaces/{workspace_id}/conversations/{conversation_id}", tag = "conversations",
    params(("workspace_id" = Uuid, Path), ("conversation_id" = Uuid, Path)),
    responses((status = 200, body = Thread), (status = 404, body = ErrorBody)))]
async fn thread(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, id)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult<Json<Thread>> {
    Ok(Json(mimi_chat::thread(&state.pool, &scope, id).await?))
}

/// A change to a conversation.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct ConversationPatch {
    /// Mark handled (`true`) or open again (`false`); the visitor's next message opens
    /// it again anyway.
    handled: bool,
}

/// Marks a conversation handled, or open again.
#[utoipa::path(patch, path = "/workspaces/{workspace_id}/conversations/{conversation_id}", tag = "conversations",
    params(("workspace_id" = Uuid, Path), ("conversation_id" = Uuid, Path)), request_body = ConversationPatch,
    responses((status = 200, body = Summary), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, id)): ApiPath<(Uuid, Uuid)>,
    ApiJson(body): ApiJson<ConversationPatch>,
) -> ApiResult<Json<Summary>> {
    Ok(Json(
        mimi_chat::set_handled(&state.pool, &scope, id, body.handled).await?,
    ))
}

/// Deletes a conversation and its messages at once.
#[utoipa::path(delete, path = "/workspaces/{workspace_id}/conversations/{conversation_id}", tag = "conversations",
    params(("workspace_id" = Uuid, Path), ("conversation_id" = Uuid, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)))]
async fn delete(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, id)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult<StatusCode> {
    mimi_chat::delete(&state.pool, &scope, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
