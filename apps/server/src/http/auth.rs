//! Who is calling: a signed-in owner (the `cc_uid` session) or an integrator (an API
//! key in `Authorization: Bearer`), and in which workspace.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts, Path};
use axum::http::header;
use axum::http::request::Parts;
use mimi_accounts::SessionInfo;
use mimi_domain::{Error, Scope};
use uuid::Uuid;

use super::AppState;
use super::error::ApiError;

/// A signed-in owner (API keys are not accepted: account routes are personal).
pub struct SignedIn(pub SessionInfo);

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = state
            .cookies
            .open(&parts.headers)
            .ok_or_else(ApiError::unauthenticated)?;
        let session = state
            .accounts
            .authenticate(&token)
            .await?
            .ok_or_else(ApiError::unauthenticated)?;
        Ok(SignedIn(session))
    }
}

/// The caller's scope in the `{workspace_id}` of the path: a member's session, or one of
/// the workspace's API keys. Anything else, including a malformed id, is 404.
pub struct InWorkspace(pub Scope);

impl FromRequestParts<AppState> for InWorkspace {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::from(Error::NotFound))?;
        let workspace_id = params
            .get("workspace_id")
            .and_then(|s| Uuid::try_parse(s).ok())
            .ok_or(Error::NotFound)?;
        if let Some(key) = bearer(parts) {
            let scope = state.accounts.authenticate_api_key(key).await?;
            if scope.workspace_id != workspace_id {
                return Err(Error::NotFound.into());
            }
            return Ok(InWorkspace(scope));
        }
        let SignedIn(session) = SignedIn::from_request_parts(parts, state).await?;
        Ok(InWorkspace(
            state
                .accounts
                .scope(session.account_id, workspace_id)
                .await?,
        ))
    }
}

fn bearer(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// The client's address, for throttling (the proxy's `X-Forwarded-For` entry when
/// trusted). Never stored: throttling keeps a keyed hash.
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        super::request_log::client_ip(peer, &parts.headers, state.trust_proxy_headers)
            .map(ClientIp)
            .ok_or_else(|| ApiError::from(Error::internal("no client address on the connection")))
    }
}
