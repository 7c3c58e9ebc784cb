//! `/api/v1/account…`: the signed-in owner's own account.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use mimi_accounts::{Account, EmailChange};
use mimi_domain::Language;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{Accepted, TokenRequest};
use crate::http::AppState;
use crate::http::auth::SignedIn;
use crate::http::error::{ApiResult, ErrorBody};
use crate::http::json::ApiJson;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_account, update_account))
        .routes(routes!(change_password))
        .routes(routes!(change_email))
        .routes(routes!(confirm_email_change))
}

/// The signed-in account.
#[utoipa::path(get, path = "/account", tag = "account",
    responses((status = 200, body = Account), (status = 401, body = ErrorBody)))]
async fn get_account(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
) -> ApiResult<Json<Account>> {
    Ok(Json(state.accounts.account(session.account_id).await?))
}

/// Profile fields to change.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct AccountPatch {
    name: Option<String>,
    /// `en` or `ja`.
    #[schema(value_type = Option<String>)]
    language: Option<Language>,
}

/// Changes the name or language.
#[utoipa::path(patch, path = "/account", tag = "account", request_body = AccountPatch,
    responses((status = 200, body = Account), (status = 422, body = ErrorBody)))]
async fn update_account(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    ApiJson(body): ApiJson<AccountPatch>,
) -> ApiResult<Json<Account>> {
    Ok(Json(
        state
            .accounts
            .update_profile(session.account_id, body.name.as_deref(), body.language)
            .await?,
    ))
}

/// Current and new password.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct PasswordChange {
    current_password: String,
    new_password: String,
}

/// Changes the password; every other session ends.
#[utoipa::path(post, path = "/account/password", tag = "account", request_body = PasswordChange,
    responses((status = 204), (status = 422, body = ErrorBody)))]
async fn change_password(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    ApiJson(body): ApiJson<PasswordChange>,
) -> ApiResult<StatusCode> {
    state
        .accounts
        .change_password(session, &body.current_password, &body.new_password)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The new sign-in address, with the current password.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct EmailChangeRequest {
    current_password: String,
    new_email: String,
}

/// Starts an email change: the new address gets a link, the old one a notice.
#[utoipa::path(post, path = "/account/email", tag = "account", request_body = EmailChangeRequest,
    responses((status = 202, body = Accepted), (status = 422, body = ErrorBody)))]
async fn change_email(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    ApiJson(body): ApiJson<EmailChangeRequest>,
) -> ApiResult<impl IntoResponse> {
    state
        .accounts
        .request_email_change(
            session.account_id,
            EmailChange {
                current_password: body.current_password,
                new_email: body.new_email,
            },
        )
        .await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(Accepted {
            status: "mail_sent",
            message: "open the link we sent to the new address to finish the change",
        }),
    ))
}

/// Completes an email change with the token of its link.
#[utoipa::path(post, path = "/account/email/confirm", tag = "account", request_body = TokenRequest,
    responses((status = 200, body = Account), (status = 409, body = ErrorBody), (status = 410, body = ErrorBody)))]
async fn confirm_email_change(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<TokenRequest>,
) -> ApiResult<Json<Account>> {
    Ok(Json(
        state.accounts.confirm_email_change(&body.token).await?,
    ))
}
