//! `/api/v1/workspaces/{workspace_id}/apps…`: an owner's apps, their images.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use mimi_apps::{App, AppPatch, DailyViews, ImageKind, NewApp};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::http::AppState;
use crate::http::auth::InWorkspace;
use crate::http::error::{ApiError, ApiResult, ErrorBody};
use crate::http::json::{ApiJson, ApiPath, ApiQuery, too_large};

/// Largest image upload read from the wire: a little over the 2 MiB the rules allow, so
/// a file just over the limit gets the precise `image` error.
const IMAGE_BODY_LIMIT: usize = mimi_apps::MAX_IMAGE_BYTES + 64 * 1024;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    let images = OpenApiRouter::new()
        .routes(routes!(put_avatar, delete_avatar))
        .routes(routes!(put_cover, delete_cover))
        .layer(axum::extract::DefaultBodyLimit::max(IMAGE_BODY_LIMIT));
    OpenApiRouter::new()
        .routes(routes!(list_apps, create_app))
        .routes(routes!(get_app, update_app, delete_app))
        .routes(routes!(page_views))
        .merge(images)
}

/// The workspace's apps, oldest first.
#[utoipa::path(get, path = "/workspaces/{workspace_id}/apps", tag = "apps",
    params(("workspace_id" = Uuid, Path)),
    responses((status = 200, body = Vec<App>), (status = 404, body = ErrorBody)))]
async fn list_apps(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
) -> ApiResult<Json<Vec<App>>> {
    Ok(Json(mimi_apps::list(&state.pool, &scope).await?))
}

/// Creates an app. A taken handle is 409 `handle_taken`.
#[utoipa::path(post, path = "/workspaces/{workspace_id}/apps", tag = "apps",
    params(("workspace_id" = Uuid, Path)), request_body = NewApp,
    responses((status = 201, body = App), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_app(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiJson(body): ApiJson<NewApp>,
) -> ApiResult<(StatusCode, Json<App>)> {
    state.chat.providers().check(body.chat.as_ref())?;
    let app = mimi_apps::create(&state.pool, &scope, &body).await?;
    Ok((StatusCode::CREATED, Json(app)))
}

/// One app.
#[utoipa::path(get, path = "/workspaces/{workspace_id}/apps/{app_id}", tag = "apps",
    params(("workspace_id" = Uuid, Path), ("app_id" = Uuid, Path)),
    responses((status = 200, body = App), (status = 404, body = ErrorBody)))]
async fn get_app(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, app_id)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult<Json<App>> {
    Ok(Json(mimi_apps::get(&state.pool, &scope, app_id).await?))
}

/// Changes the settings given; the others stay.
#[utoipa::path(patch, path = "/workspaces/{workspace_id}/apps/{app_id}", tag = "apps",
    params(("workspace_id" = Uuid, Path), ("app_id" = Uuid, Path)), request_body = AppPatch,
    responses((status = 200, body = App), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_app(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, app_id)): ApiPath<(Uuid, Uuid)>,
    ApiJson(body): ApiJson<AppPatch>,
) -> ApiResult<Json<App>> {
    state.chat.providers().check(body.chat.as_ref())?;
    Ok(Json(
        mimi_apps::update(&state.pool, &scope, app_id, &body).await?,
    ))
}

/// Which days of views to read.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct ViewsQuery {
    /// How many days back, today included: 1–366, default 30.
    days: Option<u32>,
}

/// Anonymous views of the app's public page per UTC day, oldest first, today last;
/// days without views are 0.
#[utoipa::path(get, path = "/workspaces/{workspace_id}/apps/{app_id}/page-views", tag = "apps",
    params(("workspace_id" = Uuid, Path), ("app_id" = Uuid, Path), ViewsQuery),
    responses((status = 200, body = Vec<DailyViews>), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn page_views(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, app_id)): ApiPath<(Uuid, Uuid)>,
    ApiQuery(query): ApiQuery<ViewsQuery>,
) -> ApiResult<Json<Vec<DailyViews>>> {
    let days = query.days.unwrap_or(30);
    Ok(Json(
        mimi_apps::page_views(&state.pool, &scope, app_id, days).await?,
    ))
}

/// Deletes an app and its images (admins).
#[utoipa::path(delete, path = "/workspaces/{workspace_id}/apps/{app_id}", tag = "apps",
    params(("workspace_id" = Uuid, Path), ("app_id" = Uuid, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_app(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, app_id)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult<StatusCode> {
    mimi_apps::delete(&state.pool, &state.storage, &scope, app_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn put_image(
    state: &AppState,
    scope: &mimi_domain::Scope,
    app_id: Uuid,
    kind: ImageKind,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Json<App>> {
    let bytes = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large().with_field("image")
        } else {
            ApiError::new(rejection.status(), "invalid_body", rejection.body_text())
        }
    })?;
    Ok(Json(
        mimi_apps::set_image(&state.pool, &state.storage, scope, app_id, kind, &bytes).await?,
    ))
}

/// Sets the avatar: the body is the image itself (PNG, JPEG or WebP, at most 2 MiB; the
/// type is read from the bytes, metadata is removed).
#[utoipa::path(put, path = "/workspaces/{workspace_id}/apps/{app_id}/avatar", tag = "apps",
    params(("workspace_id" = Uuid, Path), ("app_id" = Uuid, Path)),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 200, body = App), (status = 404, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn put_avatar(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, app_id)): ApiPath<(Uuid, Uuid)>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Json<App>> {
    put_image(&state, &scope, app_id, ImageKind::Avatar, body).await
}

/// Removes the avatar.
#[utoipa::path(delete, path = "/workspaces/{workspace_id}/apps/{app_id}/avatar", tag = "apps",
    params(("workspace_id" = Uuid, Path), ("app_id" = Uuid, Path)),
    responses((status = 200, body = App), (status = 404, body = ErrorBody)))]
async fn delete_avatar(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, app_id)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult<Json<App>> {
    Ok(Json(
        mimi_apps::remove_image(
            &state.pool,
            &state.storage,
            &scope,
            app_id,
            ImageKind::Avatar,
        )
        .await?,
    ))
}

/// Sets the cover image (as the avatar).
#[utoipa::path(put, path = "/workspaces/{workspace_id}/apps/{app_id}/cover", tag = "apps",
    params(("workspace_id" = Uuid, Path), ("app_id" = Uuid, Path)),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 200, body = App), (status = 404, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn put_cover(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, app_id)): ApiPath<(Uuid, Uuid)>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Json<App>> {
    put_image(&state, &scope, app_id, ImageKind::Cover, body).await
}

/// Removes the cover image.
#[utoipa::path(delete, path = "/workspaces/{workspace_id}/apps/{app_id}/cover", tag = "apps",
    params(("workspace_id" = Uuid, Path), ("app_id" = Uuid, Path)),
    responses((status = 200, body = App), (status = 404, body = ErrorBody)))]
async fn delete_cover(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, app_id)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult<Json<App>> {
    Ok(Json(
        mimi_apps::remove_image(
            &state.pool,
            &state.storage,
            &scope,
            app_id,
            ImageKind::Cover,
        )
        .await?,
    ))
}
