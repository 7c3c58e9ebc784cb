//! `/api/v1/workspaces/{workspace_id}/conversations…`: the owner's inbox, threads with
//! their citations, marking handled, deleting.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use mimi_chat::{InboxFilter, Summary, Thread};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::http::AppState;
use crate::http::auth::InWorkspace;
use crate::http::error::{ApiResult, ErrorBody};
use crate::http::json::{ApiJson, ApiPath, ApiQuery};

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(inbox))
        .routes(routes!(thread, update, delete))
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
