//! `GET /healthz` (the process answers) and `GET /readyz` (the database is usable).

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use mimi_store::Readiness;
use serde_json::{Value, json};

use super::AppState;

/// How long readiness waits for the database before calling it unreachable.
const READY_TIMEOUT: Duration = Duration::from_secs(2);

pub(super) async fn healthz() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

pub(super) async fn readyz(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    match mimi_store::readiness(&state.pool, READY_TIMEOUT).await {
        Readiness::Ready => (StatusCode::OK, Json(json!({ "status": "ready" }))),
        Readiness::NotReady(reason) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "status": "not_ready", "reason": reason })),
        ),
    }
}
