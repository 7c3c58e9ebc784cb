//! The visitor API under `/api/v1/`: public and cookieless, used by the widget and the
//! `/@handle` page. An app is reached by its handle (`/apps/{handle}/…`) or by the host
//! the request came to (`/app/…` on `{handle}.{Mimi's host}` or the app's custom
//! domain); a conversation by its id and the visitor token handed out when it began
//! (`Authorization: Bearer …`).
//!
//! A browser request from an origin that is neither Mimi's own nor among the app's
//! allowed origins gets 403 `origin_not_allowed` before anything is stored; allowed
//! origins get CORS headers. Preflights are answered for any origin, since they carry
//! no token to find the app by, and the request that follows is checked.

use std::convert::Infallible;
use std::net::IpAddr;

use axum::Json;
use axum::Router;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use futures_util::Stream;
use mimi_apps::VisitorApp;
use mimi_chat::{ChangeKind, Heard, Role, Source, StoredMessage, TurnUpdate, Visitor};
use mimi_domain::Error;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::AppState;
use super::auth::ClientIp;
use super::error::{ApiError, ApiResult};
use super::json::ApiJson;

/// The visitor routes, to nest under `/api/v1`.
pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/apps/{handle}/widget", get(widget))
        .route("/apps/{handle}/conversations", post(start))
        .route("/app/widget", get(widget_by_host))
        .route("/app/conversations", post(start_by_host))
        .route(
            "/conversations/{conversation_id}/messages",
            get(messages).post(send),
        )
        .route("/conversations/{conversation_id}/handoff", post(hand_off))
        .route("/conversations/{conversation_id}/events", get(events))
        .layer(axum::middleware::from_fn(cors))
}

/// What the widget shows before the first question.
#[derive(Debug, Serialize)]
struct Widget {
    handle: String,
    name: String,
    avatar_url: Option<String>,
    language: mimi_domain::Language,
    theme: mimi_apps::Theme,
}

async fn widget(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(handle): Path<String>,
) -> ApiResult<Json<Widget>> {
    widget_of(&state, &headers, app_by_handle(&state, &handle).await?)
}

/// The widget of the app whose subdomain or custom domain the request came to.
async fn widget_by_host(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> ApiResult<Json<Widget>> {
    let app = app_by_host(&state, &headers).await?;
    widget_of(&state, &headers, app)
}

fn widget_of(state: &AppState, headers: &HeaderMap, app: VisitorApp) -> ApiResult<Json<Widget>> {
    check_origin(state, headers, &app)?;
    let p = app.profile;
    Ok(Json(Widget {
        handle: p.handle,
        name: p.name,
        avatar_url: p.avatar_url,
        language: p.language,
        theme: p.theme,
    }))
}

async fn start(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    headers: HeaderMap,
    Path(handle): Path<String>,
) -> ApiResult<(StatusCode, Json<mimi_chat::Started>)> {
    let app = app_by_handle(&state, &handle).await?;
    start_with(&state, &headers, app, client).await
}

/// A conversation with the app whose subdomain or custom domain the request came to.
async fn start_by_host(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    headers: HeaderMap,
) -> ApiResult<(StatusCode, Json<mimi_chat::Started>)> {
    let app = app_by_host(&state, &headers).await?;
    start_with(&state, &headers, app, client).await
}

async fn start_with(
    state: &AppState,
    headers: &HeaderMap,
    app: VisitorApp,
    client: IpAddr,
) -> ApiResult<(StatusCode, Json<mimi_chat::Started>)> {
    check_origin(state, headers, &app)?;
    let started = state.chat.start(&app, Some(client)).await?;
    Ok((StatusCode::CREATED, Json(started)))
}

#[derive(Debug, Serialize)]
struct Messages {
    messages: Vec<StoredMessage>,
}

async fn messages(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(conversation_id): Path<Uuid>,
) -> ApiResult<Json<Messages>> {
    let (visitor, _) = visitor(&state, &headers, conversation_id).await?;
    Ok(Json(Messages {
        messages: mimi_chat::messages(&state.pool, &visitor).await?,
    }))
}

/// A visitor's message.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NewMessage {
    text: String,
}

async fn send(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    headers: HeaderMap,
    Path(conversation_id): Path<Uuid>,
    ApiJson(body): ApiJson<NewMessage>,
) -> ApiResult<Response> {
    let (visitor, app) = visitor(&state, &headers, conversation_id).await?;
    let updates = state
        .chat
        .turn(visitor, app, &body.text, Some(client))
        .await?;
    let stream = futures_util::stream::unfold(updates, |mut updates| async move {
        let update = updates.recv().await?;
        Some((Ok::<Event, Infallible>(event(update)), updates))
    });
    Ok(sse(stream))
}

/// The visitor's request for a person.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct HandOff {
    /// How to reach them, in their words; optional.
    #[serde(default)]
    contact: Option<String>,
}

async fn hand_off(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(conversation_id): Path<Uuid>,
    ApiJson(body): ApiJson<HandOff>,
) -> ApiResult<StatusCode> {
    let (visitor, _) = visitor(&state, &headers, conversation_id).await?;
    state
        .chat
        .hand_off(&visitor, body.contact.as_deref())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The visitor's live stream: the owner's replies as they are stored (`message`, the
/// message as `GET …/messages` shows it), `resync` when some may have been missed (read
/// the messages again), and `deleted`, ending the stream, when the owner deletes the
/// conversation.
async fn events(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(conversation_id): Path<Uuid>,
) -> ApiResult<Response> {
    let (visitor, _) = visitor(&state, &headers, conversation_id).await?;
    let subscriber = state.chat.subscribe().await?;
    let start = (subscriber, state.pool.clone(), visitor, false);
    let stream = futures_util::stream::unfold(
        start,
        |(mut heard, pool, visitor, ended)| async move {
            if ended {
                return None;
            }
            loop {
                let event = match heard.next().await? {
                    Heard::Resync => Event::default().event("resync").data("{}"),
                    Heard::Change(change) if change.conversation_id != visitor.conversation_id => {
                        continue;
                    }
                    Heard::Change(change) => match (change.kind, change.role, change.message_id) {
                        (ChangeKind::Deleted, _, _) => {
                            let event = Event::default().event("deleted").data("{}");
                            return Some((Ok(event), (heard, pool, visitor, true)));
                        }
                        (ChangeKind::Message, Some(Role::Owner), Some(id)) => {
                            match mimi_chat::message(&pool, &visitor, id).await {
                                Ok(Some(message)) => Event::default()
                                    .event("message")
                                    .data(serde_json::to_string(&message).unwrap_or_default()),
                                Ok(None) => continue,
                                Err(e) => {
                                    tracing::warn!(conversation = %visitor.conversation_id, error = %e, "reading an owner's reply failed");
                                    Event::default().event("resync").data("{}")
                                }
                            }
                        }
                        _ => continue,
                    },
                };
                return Some((
                    Ok::<Event, Infallible>(event),
                    (heard, pool, visitor, false),
                ));
            }
        },
    );
    Ok(sse(stream))
}

/// An SSE response that proxies pass through unbuffered.
pub(super) fn sse(
    stream: impl Stream<Item = Result<Event, Infallible>> + Send + 'static,
) -> Response {
    let mut response = Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
    response
}

#[derive(Serialize)]
struct Delta<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Sources<'a> {
    sources: &'a [Source],
}

#[derive(Serialize)]
struct Done {
    message_id: Uuid,
}

#[derive(Serialize)]
struct Failed<'a> {
    code: &'a str,
    message: &'a str,
}

/// The SSE event of an update: `delta`, `sources`, `done` or `error`, with JSON data.
fn event(update: TurnUpdate) -> Event {
    let (name, data) = match &update {
        TurnUpdate::Delta(text) => ("delta", serde_json::to_string(&Delta { text })),
        TurnUpdate::Sources(sources) => ("sources", serde_json::to_string(&Sources { sources })),
        TurnUpdate::Done { message_id } => (
            "done",
            serde_json::to_string(&Done {
                message_id: *message_id,
            }),
        ),
        TurnUpdate::Error { code, message } => {
            ("error", serde_json::to_string(&Failed { code, message }))
        }
    };
    Event::default()
        .event(name)
        .data(data.unwrap_or_else(|_| "{}".to_owned()))
}

async fn app_by_handle(state: &AppState, handle: &str) -> ApiResult<VisitorApp> {
    Ok(mimi_apps::visitor_app_by_handle(&state.pool, handle)
        .await?
        .ok_or(Error::NotFound)?)
}

/// The app reached at the request's host: `{handle}.{Mimi's host}` or a custom domain
/// (`X-Forwarded-Host` instead of `Host` behind a trusted proxy).
pub(super) async fn app_by_host(state: &AppState, headers: &HeaderMap) -> ApiResult<VisitorApp> {
    let forwarded = state
        .trust_proxy_headers
        .then(|| headers.get("x-forwarded-host"))
        .flatten();
    let host = forwarded
        .or_else(|| headers.get(header::HOST))
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    Ok(
        mimi_apps::visitor_app_by_host(&state.pool, host, public_host(state))
            .await?
            .ok_or(Error::NotFound)?,
    )
}

/// Mimi's own host name, from its public URL.
fn public_host(state: &AppState) -> &str {
    let origin = &state.public_origin;
    origin
        .find("://")
        .map_or(origin.as_str(), |i| &origin[i + 3..])
}

/// The visitor whose token `headers` carry for `conversation_id`, from an allowed
/// origin, and their app. A wrong token and an unknown conversation are both 404.
async fn visitor(
    state: &AppState,
    headers: &HeaderMap,
    conversation_id: Uuid,
) -> ApiResult<(Visitor, VisitorApp)> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "visitor_token_required",
                "send the conversation's visitor token as Authorization: Bearer <token>",
            )
        })?;
    let visitor = mimi_chat::authorise(&state.pool, conversation_id, token).await?;
    let mut tx = mimi_store::tenant::tenant(&state.pool, visitor.workspace_id, None).await?;
    let app = mimi_apps::visitor_app(&mut tx, visitor.app_id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await.map_err(Error::from)?;
    check_origin(state, headers, &app)?;
    Ok((visitor, app))
}

/// 403 unless the request has no `Origin` (not a browser) or comes from Mimi itself,
/// one of the app's allowed origins, its subdomain of Mimi or its custom domain.
fn check_origin(state: &AppState, headers: &HeaderMap, app: &VisitorApp) -> ApiResult<()> {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return Ok(());
    };
    let origin = origin.to_str().unwrap_or_default().trim_end_matches('/');
    let origin_host = mimi_apps::host_name(origin.find("://").map_or("", |i| &origin[i + 3..]));
    let own_host = format!(
        "{}.{}",
        app.profile.handle,
        mimi_apps::host_name(public_host(state))
    );
    let allowed = origin.eq_ignore_ascii_case(&state.public_origin)
        || app
            .allowed_origins
            .iter()
            .any(|o| o.eq_ignore_ascii_case(origin))
        || origin_host == own_host
        || app.custom_domain.as_deref() == Some(origin_host.as_str());
    if allowed {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "origin_not_allowed",
            "this site is not allowed to use this chat; its owner can add it to the app's allowed origins",
        ))
    }
}

/// Answers preflights, and names the requesting origin in every reply's CORS headers:
/// the handlers have already refused origins the app does not allow, and visitors
/// carry no cookies, so nothing is exposed that the origin check did not permit.
async fn cors(request: Request, next: Next) -> Response {
    let origin = request.headers().get(header::ORIGIN).cloned();
    if request.method() == Method::OPTIONS {
        let mut response = StatusCode::NO_CONTENT.into_response();
        if let Some(origin) = origin {
            let h = response.headers_mut();
            h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            h.insert(
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static("GET, POST"),
            );
            h.insert(
                header::ACCESS_CONTROL_ALLOW_HEADERS,
                HeaderValue::from_static("authorization, content-type"),
            );
            h.insert(
                header::ACCESS_CONTROL_MAX_AGE,
                HeaderValue::from_static("600"),
            );
            h.insert(header::VARY, HeaderValue::from_static("origin"));
        }
        return response;
    }
    let mut response = next.run(request).await;
    // Refusals are readable too, so the widget can say why it cannot chat there.
    if let Some(origin) = origin {
        let h = response.headers_mut();
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        h.insert(header::VARY, HeaderValue::from_static("origin"));
    }
    response
}
