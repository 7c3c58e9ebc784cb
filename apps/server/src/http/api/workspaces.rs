//! `/api/v1/workspaces…`: workspaces, members, invitations and API keys.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use mimi_accounts::api_keys::{ApiKey, CreatedApiKey};
use mimi_accounts::invites::Invite;
use mimi_accounts::members::Member;
use mimi_accounts::workspaces::Workspace;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::auth::TokenRequest;
use crate::http::AppState;
use crate::http::auth::{InWorkspace, SignedIn};
use crate::http::error::{ApiResult, ErrorBody};
use crate::http::json::{ApiJson, ApiPath};

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_workspaces, create_workspace))
        .routes(routes!(get_workspace, rename_workspace))
        .routes(routes!(list_members))
        .routes(routes!(set_member_role, remove_member))
        .routes(routes!(transfer_ownership))
        .routes(routes!(list_invites, create_invite))
        .routes(routes!(revoke_invite))
        .routes(routes!(accept_invite))
        .routes(routes!(list_api_keys, create_api_key))
        .routes(routes!(revoke_api_key))
}

/// A name.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct NameRequest {
    name: String,
}

/// The signed-in account's workspaces.
#[utoipa::path(get, path = "/workspaces", tag = "workspaces",
    responses((status = 200, body = Vec<Workspace>), (status = 401, body = ErrorBody)))]
async fn list_workspaces(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
) -> ApiResult<Json<Vec<Workspace>>> {
    Ok(Json(state.accounts.workspaces(session.account_id).await?))
}

/// Creates a workspace owned by the signed-in account.
#[utoipa::path(post, path = "/workspaces", tag = "workspaces", request_body = NameRequest,
    responses((status = 201, body = Workspace), (status = 422, body = ErrorBody)))]
async fn create_workspace(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    ApiJson(body): ApiJson<NameRequest>,
) -> ApiResult<(StatusCode, Json<Workspace>)> {
    let workspace = state
        .accounts
        .create_workspace(session.account_id, &body.name)
        .await?;
    Ok((StatusCode::CREATED, Json(workspace)))
}

/// One workspace.
#[utoipa::path(get, path = "/workspaces/{workspace_id}", tag = "workspaces",
    params(("workspace_id" = Uuid, Path)),
    responses((status = 200, body = Workspace), (status = 404, body = ErrorBody)))]
async fn get_workspace(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
) -> ApiResult<Json<Workspace>> {
    Ok(Json(state.accounts.workspace(&scope).await?))
}

/// Renames a workspace (admins).
#[utoipa::path(patch, path = "/workspaces/{workspace_id}", tag = "workspaces",
    params(("workspace_id" = Uuid, Path)), request_body = NameRequest,
    responses((status = 200, body = Workspace), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn rename_workspace(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiJson(body): ApiJson<NameRequest>,
) -> ApiResult<Json<Workspace>> {
    Ok(Json(
        state.accounts.rename_workspace(&scope, &body.name).await?,
    ))
}

/// Members, owner first.
#[utoipa::path(get, path = "/workspaces/{workspace_id}/members", tag = "members",
    params(("workspace_id" = Uuid, Path)),
    responses((status = 200, body = Vec<Member>), (status = 404, body = ErrorBody)))]
async fn list_members(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
) -> ApiResult<Json<Vec<Member>>> {
    Ok(Json(state.accounts.members(&scope).await?))
}

/// A role to give.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RoleRequest {
    /// `admin` or `member`.
    role: String,
}

/// Changes a member's role (admins).
#[utoipa::path(patch, path = "/workspaces/{workspace_id}/members/{account_id}", tag = "members",
    params(("workspace_id" = Uuid, Path), ("account_id" = Uuid, Path)), request_body = RoleRequest,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn set_member_role(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, account_id)): ApiPath<(Uuid, Uuid)>,
    ApiJson(body): ApiJson<RoleRequest>,
) -> ApiResult<StatusCode> {
    state
        .accounts
        .set_role(&scope, account_id, &body.role)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a member (admins), or leaves (anyone, with their own id).
#[utoipa::path(delete, path = "/workspaces/{workspace_id}/members/{account_id}", tag = "members",
    params(("workspace_id" = Uuid, Path), ("account_id" = Uuid, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn remove_member(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, account_id)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult<StatusCode> {
    state.accounts.remove_member(&scope, account_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The member to hand ownership to.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct TransferRequest {
    account_id: Uuid,
}

/// Hands ownership to another member (the owner); the old owner becomes an admin.
#[utoipa::path(post, path = "/workspaces/{workspace_id}/transfer-ownership", tag = "members",
    params(("workspace_id" = Uuid, Path)), request_body = TransferRequest,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn transfer_ownership(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiJson(body): ApiJson<TransferRequest>,
) -> ApiResult<StatusCode> {
    state
        .accounts
        .transfer_ownership(&scope, body.account_id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Open invitations (admins).
#[utoipa::path(get, path = "/workspaces/{workspace_id}/invites", tag = "members",
    params(("workspace_id" = Uuid, Path)),
    responses((status = 200, body = Vec<Invite>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_invites(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
) -> ApiResult<Json<Vec<Invite>>> {
    Ok(Json(state.accounts.invites(&scope).await?))
}

/// Whom to invite, as what.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct InviteRequest {
    email: String,
    /// `admin` or `member`.
    role: String,
}

/// Invites someone by email (admins); the link works for seven days.
#[utoipa::path(post, path = "/workspaces/{workspace_id}/invites", tag = "members",
    params(("workspace_id" = Uuid, Path)), request_body = InviteRequest,
    responses((status = 201, body = Invite), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_invite(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiJson(body): ApiJson<InviteRequest>,
) -> ApiResult<(StatusCode, Json<Invite>)> {
    let invite = state
        .accounts
        .invite(&scope, &body.email, &body.role)
        .await?;
    Ok((StatusCode::CREATED, Json(invite)))
}

/// Withdraws an invitation (admins).
#[utoipa::path(delete, path = "/workspaces/{workspace_id}/invites/{invite_id}", tag = "members",
    params(("workspace_id" = Uuid, Path), ("invite_id" = Uuid, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)))]
async fn revoke_invite(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, invite_id)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult<StatusCode> {
    state.accounts.revoke_invite(&scope, invite_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Joins a workspace with the token of an invitation link; the signed-in account's
/// email must be the invited one.
#[utoipa::path(post, path = "/invites/accept", tag = "members", request_body = TokenRequest,
    responses((status = 200, body = Workspace), (status = 403, body = ErrorBody), (status = 410, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn accept_invite(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    ApiJson(body): ApiJson<TokenRequest>,
) -> ApiResult<Json<Workspace>> {
    Ok(Json(
        state
            .accounts
            .accept_invite(session.account_id, &body.token)
            .await?,
    ))
}

/// Live API keys (admins).
#[utoipa::path(get, path = "/workspaces/{workspace_id}/api-keys", tag = "api keys",
    params(("workspace_id" = Uuid, Path)),
    responses((status = 200, body = Vec<ApiKey>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_api_keys(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
) -> ApiResult<Json<Vec<ApiKey>>> {
    Ok(Json(state.accounts.api_keys(&scope).await?))
}

/// Creates an API key (signed-in admins). The `secret` is in this answer only.
#[utoipa::path(post, path = "/workspaces/{workspace_id}/api-keys", tag = "api keys",
    params(("workspace_id" = Uuid, Path)), request_body = NameRequest,
    responses((status = 201, body = CreatedApiKey), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_api_key(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiJson(body): ApiJson<NameRequest>,
) -> ApiResult<(StatusCode, Json<CreatedApiKey>)> {
    let key = state.accounts.create_api_key(&scope, &body.name).await?;
    Ok((StatusCode::CREATED, Json(key)))
}

/// Revokes an API key at once (admins).
#[utoipa::path(delete, path = "/workspaces/{workspace_id}/api-keys/{key_id}", tag = "api keys",
    params(("workspace_id" = Uuid, Path), ("key_id" = Uuid, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)))]
async fn revoke_api_key(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, key_id)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult<StatusCode> {
    state.accounts.revoke_api_key(&scope, key_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
