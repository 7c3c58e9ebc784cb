//! `/api/v1/workspaces/{workspace_id}/apps/{app_id}/knowledge…` and
//! `/api/v1/workspaces/{workspace_id}/knowledge/{item_id}…`: an app's knowledge items,
//! and the "test retrieval" search the dashboard shows.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use mimi_domain::Error;
use mimi_knowledge::{
    Item, ItemKind, ItemPatch, ListFilter, NewFaq, NewPage, Passage, Status, TestSearch,
};
use serde::{Deserialize, Serialize};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::http::AppState;
use crate::http::auth::InWorkspace;
use crate::http::error::{ApiError, ApiResult, ErrorBody};
use crate::http::json::{ApiJson, ApiPath, ApiQuery, too_large};

/// Largest upload read from the wire: a little over the 15 MB files may have, so a file
/// just over the limit gets the precise `file` error.
const FILE_BODY_LIMIT: usize = mimi_ingest::MAX_FILE_BYTES + 64 * 1024;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_items))
        .routes(routes!(add_faq))
        .routes(routes!(add_page))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(add_file))
                .layer(axum::extract::DefaultBodyLimit::max(FILE_BODY_LIMIT)),
        )
        .routes(routes!(import))
        .routes(routes!(search))
        .routes(routes!(get_item, update_item, delete_item))
        .routes(routes!(reindex_item))
}

/// Filters of the item list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
struct ListParams {
    /// Only items of this kind.
    kind: Option<ItemKind>,
    /// Only items in this state.
    status: Option<Status>,
}

/// The app's items, newest first, without their text.
#[utoipa::path(get, path = "/workspaces/{workspace_id}/apps/{app_id}/knowledge", tag = "knowledge",
    params(("workspace_id" = Uuid, Path), ("app_id" = Uuid, Path), ListParams),
    responses((status = 200, body = Vec<Item>), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn list_items(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, app_id)): ApiPath<(Uuid, Uuid)>,
    ApiQuery(params): ApiQuery<ListParams>,
) -> ApiResult<Json<Vec<Item>>> {
    let filter = ListFilter {
        kind: params.kind,
        status: params.status,
    };
    Ok(Json(
        mimi_knowledge::list(&state.pool, &scope, app_id, filter).await?,
    ))
}

/// Adds an FAQ; it is indexed in the background (`status` goes `queued` → `ready`).
#[utoipa::path(post, path = "/workspaces/{workspace_id}/apps/{app_id}/knowledge/faqs", tag = "knowledge",
    params(("workspace_id" = Uuid, Path), ("app_id" = Uuid, Path)), request_body = NewFaq,
    responses((status = 201, body = Item), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_faq(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, app_id)): ApiPath<(Uuid, Uuid)>,
    ApiJson(body): ApiJson<NewFaq>,
) -> ApiResult<(StatusCode, Json<Item>)> {
    let item = mimi_knowledge::add_faq(&state.pool, &scope, app_id, &body, &state.knowledge.limits)
        .await?;
    Ok((StatusCode::CREATED, Json(item)))
}

/// Adds a reference page (Markdown or plain text), indexed in the background.
#[utoipa::path(post, path = "/workspaces/{workspace_id}/apps/{app_id}/knowledge/pages", tag = "knowledge",
    params(("workspace_id" = Uuid, Path), ("app_id" = Uuid, Path)), request_body = NewPage,
    responses((status = 201, body = Item), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_page(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, app_id)): ApiPath<(Uuid, Uuid)>,
    ApiJson(body): ApiJson<NewPage>,
) -> ApiResult<(StatusCode, Json<Item>)> {
    let item =
        mimi_knowledge::add_page(&state.pool, &scope, app_id, &body, &state.knowledge.limits)
            .await?;
    Ok((StatusCode::CREATED, Json(item)))
}

/// Names the uploaded file.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
struct FileParams {
    /// The file's name (`guide.pdf`), shown as the item's title.
    name: String,
}

/// Items an upload or import added.
#[derive(Debug, Serialize, utoipa::ToSchema)]
struct Added {
    /// The new items: one per document, one per CSV row, one per imported page.
    items: Vec<Item>,
}

/// Uploads a file: the body is the file itself (PDF, plain text, Markdown or HTML,
/// indexed in the background; or a CSV of question/answer rows, which become FAQs at
/// once). At most 15 MB; the type is read from the bytes.
#[utoipa::path(post, path = "/workspaces/{workspace_id}/apps/{app_id}/knowledge/files", tag = "knowledge",
    params(("workspace_id" = Uuid, Path), ("app_id" = Uuid, Path), FileParams),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = Added), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_file(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, app_id)): ApiPath<(Uuid, Uuid)>,
    params: Result<Query<FileParams>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<(StatusCode, Json<Added>)> {
    let Query(params) = params.map_err(|_| {
        ApiError::from(Error::invalid(
            "name",
            "file_name_required",
            "give the file's name as ?name=guide.pdf",
        ))
    })?;
    let bytes = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large().with_field("file")
        } else {
            ApiError::new(rejection.status(), "invalid_body", rejection.body_text())
        }
    })?;
    let items = mimi_knowledge::add_file(
        &state.pool,
        &scope,
        app_id,
        &params.name,
        &bytes,
        &state.knowledge.limits,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(Added { items })))
}

/// A site import.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct ImportRequest {
    /// A page of the owner's site, or its sitemap.
    url: String,
    /// Whether `url` is a sitemap whose pages are all imported.
    #[serde(default)]
    sitemap: bool,
}

/// Imports a page of the owner's site by URL, or every page of a sitemap (robots.txt is
/// honoured; only public http(s) addresses). Pages are fetched in the background.
#[utoipa::path(post, path = "/workspaces/{workspace_id}/apps/{app_id}/knowledge/imports", tag = "knowledge",
    params(("workspace_id" = Uuid, Path), ("app_id" = Uuid, Path)), request_body = ImportRequest,
    responses((status = 201, body = Added), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn import(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, app_id)): ApiPath<(Uuid, Uuid)>,
    ApiJson(body): ApiJson<ImportRequest>,
) -> ApiResult<(StatusCode, Json<Added>)> {
    let k = &state.knowledge;
    let items = mimi_knowledge::import(
        &state.pool,
        &scope,
        app_id,
        &k.fetching,
        &body.url,
        body.sitemap,
        &k.limits,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(Added { items })))
}

/// What a test search found.
#[derive(Debug, Serialize, utoipa::ToSchema)]
struct SearchResponse {
    /// The passages, best first; empty when nothing is relevant enough.
    passages: Vec<Passage>,
}

/// Runs the retrieval the chat uses and shows what it found, with scores and which
/// search (vector, keyword or both) found each passage.
#[utoipa::path(post, path = "/workspaces/{workspace_id}/apps/{app_id}/knowledge/search", tag = "knowledge",
    params(("workspace_id" = Uuid, Path), ("app_id" = Uuid, Path)), request_body = TestSearch,
    responses((status = 200, body = SearchResponse), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn search(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, app_id)): ApiPath<(Uuid, Uuid)>,
    ApiJson(body): ApiJson<TestSearch>,
) -> ApiResult<Json<SearchResponse>> {
    let k = &state.knowledge;
    let passages =
        mimi_knowledge::test_search(&state.pool, &scope, app_id, &k.embedding, k.floors, &body)
            .await?;
    Ok(Json(SearchResponse { passages }))
}

/// One item, with its text.
#[utoipa::path(get, path = "/workspaces/{workspace_id}/knowledge/{item_id}", tag = "knowledge",
    params(("workspace_id" = Uuid, Path), ("item_id" = Uuid, Path)),
    responses((status = 200, body = Item), (status = 404, body = ErrorBody)))]
async fn get_item(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, item_id)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult<Json<Item>> {
    Ok(Json(
        mimi_knowledge::get(&state.pool, &scope, item_id).await?,
    ))
}

/// Changes an item (FAQs: `question`, `answer`, `link`; pages: `title`, `body`; files
/// and site pages: `title`) and re-indexes it; it stays searchable as it was meanwhile.
#[utoipa::path(patch, path = "/workspaces/{workspace_id}/knowledge/{item_id}", tag = "knowledge",
    params(("workspace_id" = Uuid, Path), ("item_id" = Uuid, Path)), request_body = ItemPatch,
    responses((status = 200, body = Item), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_item(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, item_id)): ApiPath<(Uuid, Uuid)>,
    ApiJson(body): ApiJson<ItemPatch>,
) -> ApiResult<Json<Item>> {
    Ok(Json(
        mimi_knowledge::update(&state.pool, &scope, item_id, &body, &state.knowledge.limits)
            .await?,
    ))
}

/// Deletes an item; its passages and vectors go at once.
#[utoipa::path(delete, path = "/workspaces/{workspace_id}/knowledge/{item_id}", tag = "knowledge",
    params(("workspace_id" = Uuid, Path), ("item_id" = Uuid, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)))]
async fn delete_item(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, item_id)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult<StatusCode> {
    mimi_knowledge::delete(&state.pool, &scope, item_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Indexes an item again (a site page is fetched again).
#[utoipa::path(post, path = "/workspaces/{workspace_id}/knowledge/{item_id}/reindex", tag = "knowledge",
    params(("workspace_id" = Uuid, Path), ("item_id" = Uuid, Path)),
    responses((status = 200, body = Item), (status = 404, body = ErrorBody)))]
async fn reindex_item(
    State(state): State<AppState>,
    InWorkspace(scope): InWorkspace,
    ApiPath((_, item_id)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult<Json<Item>> {
    Ok(Json(
        mimi_knowledge::reindex(&state.pool, &scope, item_id).await?,
    ))
}
