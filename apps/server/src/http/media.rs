//! `GET /media/{workspace_id}/{file_id}`: an app's public images (avatar, cover). File
//! ids change with every upload, so answers are cached for good.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use uuid::Uuid;

use super::AppState;
use super::error::ApiResult;
use super::json::ApiPath;

pub(super) async fn image(
    State(state): State<AppState>,
    ApiPath((workspace_id, file_id)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult<Response> {
    let (content_type, bytes) =
        mimi_apps::read_image(&state.pool, &state.storage, workspace_id, file_id).await?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    Ok(response)
}
