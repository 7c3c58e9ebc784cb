//! The owner HTTP API under `/api/v1/`, and its OpenAPI 3.1 document at
//! `/api/v1/openapi.json`, generated from the handlers' annotations (utoipa), so the
//! document and the routes cannot drift apart.

mod account;
mod apps;
mod auth;
mod conversations;
mod knowledge;
mod workspaces;

use axum::Json;
use axum::Router;
use axum::routing::get;
use utoipa::OpenApi;
use utoipa::openapi::security::{
    ApiKey as ApiKeyScheme, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme,
};
use utoipa_axum::router::OpenApiRouter;

use super::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Mimi owner API",
        description = "Accounts, workspaces, members, API keys, apps, their knowledge and their conversations. Errors are `{\"error\": {\"code\", \"message\", \"field\"}}` with a stable `code`. Browsers authenticate with the `cc_uid` session cookie; integrators send a workspace API key as `Authorization: Bearer mimi_…`.",
    ),
    servers((url = "/api/v1")),
    modifiers(&Security),
)]
struct ApiDoc;

struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKeyScheme::Cookie(ApiKeyValue::new("cc_uid"))),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The API's routes (to nest under `/api/v1`) and its OpenAPI document.
pub(super) fn router() -> Router<AppState> {
    let (router, openapi) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(auth::routes())
        .merge(account::routes())
        .merge(workspaces::routes())
        .merge(apps::routes())
        .merge(knowledge::routes())
        .merge(conversations::routes())
        .split_for_parts();
    let document = std::sync::Arc::new(openapi);
    router.route(
        "/openapi.json",
        get(move || {
            let document = document.clone();
            async move { Json((*document).clone()) }
        }),
    )
}
