//! `ApiJson` (and `ApiQuery`): axum's `Json` (and `Query`) whose rejections answer in the API's error format — a body
//! over the limit is 413 `too_large`, broken JSON 400 `invalid_json`, a wrong or unknown
//! field 422 `invalid_field` naming it, a missing content type 415.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use super::error::ApiError;

/// A JSON request body.
pub struct ApiJson<T>(pub T);

/// A query string; one that does not fit is 422 `invalid_query` (field `query`), with
/// serde's reason.
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(ApiQuery(value)),
            Err(rejection) => Err(ApiError::from(mimi_domain::Error::invalid(
                "query",
                "invalid_query",
                rejection
                    .body_text()
                    .replace("Failed to deserialize query string: ", ""),
            ))),
        }
    }
}

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(reject(rejection)),
        }
    }
}

fn reject(rejection: JsonRejection) -> ApiError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return too_large();
    }
    match rejection {
        JsonRejection::MissingJsonContentType(_) => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the body as JSON with `Content-Type: application/json`",
        ),
        JsonRejection::JsonSyntaxError(e) => ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            format!(
                "the body is not valid JSON: {}",
                e.body_text()
                    .trim_start_matches("Failed to parse the request body as JSON: ")
            ),
        ),
        JsonRejection::JsonDataError(e) => data_error(&e.body_text()),
        other => ApiError::new(other.status(), "invalid_body", other.body_text()),
    }
}

/// 413 in the API's format.
pub fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
        "the request body is larger than this endpoint accepts",
    )
}

/// Names the field of a deserialisation error: serde reports `path: problem`, or
/// `unknown field `x``/`missing field `x`` at the top level.
fn data_error(text: &str) -> ApiError {
    let text = text
        .trim_start_matches("Failed to deserialize the JSON body into the target type: ")
        .trim();
    let quoted = |s: &str| s.split('`').nth(1).map(str::to_owned);
    let (path, problem) = match text.split_once(": ") {
        Some((path, problem)) if !path.contains(' ') && path != "." => {
            (Some(path.to_owned()), problem)
        }
        _ => (None, text),
    };
    let (code, field) = if problem.starts_with("unknown field") {
        ("unknown_field", quoted(problem).or(path))
    } else if problem.starts_with("missing field") {
        ("field_required", quoted(problem).or(path))
    } else {
        ("invalid_field", path)
    };
    let error = ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, code, problem.to_owned());
    match field {
        Some(field) => error.with_field(field),
        None => error,
    }
}

/// Path parameters; a malformed id is 404 like an unknown one (ids are not guessable
/// input to validate, and absence must look the same as denial).
pub struct ApiPath<T>(pub T);

impl<S, T> axum::extract::FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(value)| ApiPath(value))
            .map_err(|_| ApiError::from(mimi_domain::Error::NotFound))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_errors_name_their_field() {
        let e = data_error(
            "Failed to deserialize the JSON body into the target type: unknown field `nmae`, expected one of `name`, `email`",
        );
        assert_eq!((e.code(), e.field()), ("unknown_field", Some("nmae")));
        let e = data_error(
            "Failed to deserialize the JSON body into the target type: missing field `email` at line 1 column 2",
        );
        assert_eq!((e.code(), e.field()), ("field_required", Some("email")));
        let e = data_error(
            "Failed to deserialize the JSON body into the target type: age_confirmed: invalid type: string \"yes\", expected a boolean at line 1 column 20",
        );
        assert_eq!(
            (e.code(), e.field()),
            ("invalid_field", Some("age_confirmed"))
        );
    }
}
