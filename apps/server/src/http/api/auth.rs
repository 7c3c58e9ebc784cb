//! `/api/v1/auth/…`: sign-up, email verification, sign-in and out, password reset.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use mimi_accounts::{Account, SignUp, SignedIn as NewSession};
use mimi_domain::Language;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::AppState;
use crate::http::auth::{ClientIp, SignedIn};
use crate::http::error::{ApiResult, ErrorBody};
use crate::http::json::ApiJson;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(sign_up))
        .routes(routes!(verify_email))
        .routes(routes!(resend_verification))
        .routes(routes!(sign_in))
        .routes(routes!(sign_out))
        .routes(routes!(sign_out_everywhere))
        .routes(routes!(request_password_reset))
        .routes(routes!(reset_password))
}

/// Sign-up form.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct SignUpRequest {
    name: String,
    email: String,
    /// 10 to 256 characters.
    password: String,
    workspace_name: String,
    /// `en` (default) or `ja`: the language of mail and the dashboard.
    #[serde(default)]
    #[schema(value_type = Option<String>, example = "ja")]
    language: Option<Language>,
    /// Must be `true`: Mimi is for people aged 13 or older.
    #[serde(default)]
    age_confirmed: bool,
}

/// An accepted request whose outcome arrives by mail.
#[derive(Serialize, ToSchema)]
pub(super) struct Accepted {
    /// `mail_sent`.
    pub(super) status: &'static str,
    /// What to do next.
    pub(super) message: &'static str,
}

fn accepted(message: &'static str) -> (StatusCode, Json<Accepted>) {
    (
        StatusCode::ACCEPTED,
        Json(Accepted {
            status: "mail_sent",
            message,
        }),
    )
}

/// Signs up. Always answers 202 for a valid form, registered address or not (the
/// address gets a mail either way), so the answer never tells who is registered. At most
/// 10 sign-ups an hour per client address (429).
#[utoipa::path(post, path = "/auth/sign-up", tag = "auth", request_body = SignUpRequest,
    responses((status = 202, body = Accepted), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
async fn sign_up(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<SignUpRequest>,
) -> ApiResult<impl IntoResponse> {
    state
        .accounts
        .sign_up(
            SignUp {
                name: body.name,
                email: body.email,
                password: body.password,
                workspace_name: body.workspace_name,
                language: body.language.unwrap_or_default(),
                age_confirmed: body.age_confirmed,
            },
            ip,
        )
        .await?;
    Ok(accepted(
        "check your inbox: we sent a link to confirm your email address",
    ))
}

/// A token from a mailed link.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct TokenRequest {
    pub(super) token: String,
}

/// Sets the session cookie and answers with the account.
pub(super) async fn signed_in(state: &AppState, session: NewSession) -> ApiResult<Response> {
    let account = state.accounts.account(session.account_id).await?;
    let mut response = Json(account).into_response();
    if let Some(cookie) = state
        .cookies
        .seal(&session.session_token, state.accounts.config().session_ttl)
    {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

/// Confirms the email address of a new account (the link's token) and signs in.
#[utoipa::path(post, path = "/auth/verify-email", tag = "auth", request_body = TokenRequest,
    responses((status = 200, body = Account), (status = 410, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn verify_email(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<TokenRequest>,
) -> ApiResult<Response> {
    let session = state.accounts.verify_email(&body.token).await?;
    signed_in(&state, session).await
}

/// An email address.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct EmailRequest {
    email: String,
}

/// Mails a new verification link if the address has an unconfirmed account.
#[utoipa::path(post, path = "/auth/resend-verification", tag = "auth", request_body = EmailRequest,
    responses((status = 202, body = Accepted), (status = 422, body = ErrorBody)))]
async fn resend_verification(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<EmailRequest>,
) -> ApiResult<impl IntoResponse> {
    state.accounts.resend_verification(&body.email).await?;
    Ok(accepted(
        "if this address has an account waiting for confirmation, a new link is on its way",
    ))
}

/// Sign-in form.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct SignInRequest {
    email: String,
    password: String,
}

/// Signs in and sets the `cc_uid` cookie. Throttled per client address and per email
/// (429 with `Retry-After`); a wrong email and a wrong password answer alike.
#[utoipa::path(post, path = "/auth/sign-in", tag = "auth", request_body = SignInRequest,
    responses((status = 200, body = Account), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 429, body = ErrorBody)))]
async fn sign_in(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<SignInRequest>,
) -> ApiResult<Response> {
    let session = state
        .accounts
        .sign_in(&body.email, &body.password, ip)
        .await?;
    signed_in(&state, session).await
}

fn cleared(state: &AppState) -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, state.cookies.clear());
    response
}

/// Ends this session and deletes the cookie.
#[utoipa::path(post, path = "/auth/sign-out", tag = "auth",
    responses((status = 204), (status = 401, body = ErrorBody)))]
async fn sign_out(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
) -> ApiResult<Response> {
    state.accounts.sign_out(session).await?;
    Ok(cleared(&state))
}

/// Ends every session of the account, on every device.
#[utoipa::path(post, path = "/auth/sign-out-everywhere", tag = "auth",
    responses((status = 204), (status = 401, body = ErrorBody)))]
async fn sign_out_everywhere(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
) -> ApiResult<Response> {
    state
        .accounts
        .sign_out_everywhere(session.account_id)
        .await?;
    Ok(cleared(&state))
}

/// Mails a password-reset link (valid one hour) if the address has an account; answers
/// the same either way.
#[utoipa::path(post, path = "/auth/password-reset", tag = "auth", request_body = EmailRequest,
    responses((status = 202, body = Accepted), (status = 422, body = ErrorBody)))]
async fn request_password_reset(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<EmailRequest>,
) -> ApiResult<impl IntoResponse> {
    state.accounts.request_password_reset(&body.email).await?;
    Ok(accepted(
        "if this address has an account, a link to choose a new password is on its way",
    ))
}

/// A new password with the token of a reset link.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct ResetRequest {
    token: String,
    password: String,
}

/// Sets a new password from a reset link: other sessions end, this one begins.
#[utoipa::path(post, path = "/auth/password-reset/confirm", tag = "auth", request_body = ResetRequest,
    responses((status = 200, body = Account), (status = 410, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn reset_password(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<ResetRequest>,
) -> ApiResult<Response> {
    let session = state
        .accounts
        .reset_password(&body.token, &body.password)
        .await?;
    signed_in(&state, session).await
}
