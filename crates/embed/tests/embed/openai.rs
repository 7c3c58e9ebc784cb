use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use mimi_embed::{Embedder, Error, OpenAiEmbedder, OpenAiOptions};
use secrecy::SecretString;
use serde_json::{Value, json};

use crate::strings;

/// What the fake endpoint answers.
#[derive(Clone)]
enum Reply {
    /// Embeddings of `[chars, 1, 0, …]` padded to `dimensions`, in reverse index order.
    Vectors { dimensions: usize },
    /// A fixed status and body.
    Fixed(StatusCode, Value),
    /// One embedding fewer than asked for.
    Short,
}

/// Each request's `Authorization` header and JSON body.
type Log = Arc<Mutex<Vec<(Option<String>, Value)>>>;

#[derive(Clone)]
struct Fake {
    reply: Reply,
    requests: Log,
}

async fn embeddings(
    State(fake): State<Fake>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> (StatusCode, Json<Value>) {
    let auth = headers
        .get("authorization")
        .map(|h| h.to_str().unwrap().to_owned());
    fake.requests.lock().unwrap().push((auth, body.clone()));
    let inputs: Vec<String> = serde_json::from_value(body["input"].clone()).unwrap();
    let data = |dimensions: usize, skip: usize| -> Vec<Value> {
        let mut data: Vec<Value> = inputs
            .iter()
            .enumerate()
            .skip(skip)
            .map(|(i, text)| {
                let mut v = vec![0f32; dimensions];
                v[0] = text.chars().count() as f32;
                v[1] = 1.0;
                json!({"object": "embedding", "index": i, "embedding": v})
            })
            .collect();
        data.reverse();
        data
    };
    let list = |data: Vec<Value>| {
        json!({"object": "list", "data": data, "model": body["model"],
               "usage": {"prompt_tokens": 3, "total_tokens": 3}})
    };
    match fake.reply {
        Reply::Vectors { dimensions } => (StatusCode::OK, Json(list(data(dimensions, 0)))),
        Reply::Short => (StatusCode::OK, Json(list(data(4, 1)))),
        Reply::Fixed(status, ref body) => (status, Json(body.clone())),
    }
}

/// Serves the fake on 127.0.0.1:0 and returns its base URL and request log.
async fn serve(reply: Reply) -> (String, Log) {
    let requests = Arc::new(Mutex::new(Vec::new()));
    let app = axum::Router::new()
        .route("/v1/embeddings", post(embeddings))
        .with_state(Fake {
            reply,
            requests: requests.clone(),
        });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/v1", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (base, requests)
}

fn options(base: &str) -> OpenAiOptions {
    let mut options = OpenAiOptions::new("nomic-embed-text");
    options.base_url = base.to_owned();
    options
}

fn error_body(message: &str) -> Value {
    json!({"error": {"message": message, "type": "invalid_request_error", "param": null, "code": null}})
}

#[tokio::test]
async fn vectors_come_back_in_input_order_normalised_and_batched() {
    let (base, requests) = serve(Reply::Vectors { dimensions: 4 }).await;
    let mut options = options(&base);
    options.batch_size = 2;
    let embedder = OpenAiEmbedder::new(options).unwrap();
    assert_eq!(
        embedder.dimensions(),
        0,
        "unknown before the first response"
    );
    let texts = strings(&["a", "bbb", "cccccc", "", "ee"]);
    let vectors = embedder.embed(&texts).await.unwrap();

    assert_eq!(embedder.dimensions(), 4);
    for (text, v) in texts.iter().zip(&vectors) {
        let n = text.chars().count() as f32;
        let norm = (n * n + 1.0).sqrt();
        assert_eq!(v, &vec![n / norm, 1.0 / norm, 0.0, 0.0], "{text:?}");
    }
    let requests = requests.lock().unwrap();
    assert_eq!(requests.len(), 3);
    assert_eq!(
        requests[0].1,
        json!({"model": "nomic-embed-text", "input": ["a", "bbb"], "encoding_format": "float"})
    );
    assert_eq!(requests[1].1["input"], json!(["cccccc", ""]));
    assert_eq!(requests[2].1["input"], json!(["ee"]));
    assert_eq!(requests[0].0, None, "no key, no authorization header");
}

#[tokio::test]
async fn the_api_key_is_sent_as_a_bearer_token() {
    let (base, requests) = serve(Reply::Vectors { dimensions: 3 }).await;
    let mut options = options(&base);
    options.api_key = Some(SecretString::from("sk-test-123"));
    let embedder = OpenAiEmbedder::new(options).unwrap();
    embedder.embed(&strings(&["hello"])).await.unwrap();
    let auth = requests.lock().unwrap()[0].0.clone();
    assert_eq!(auth.as_deref(), Some("Bearer sk-test-123"));
    assert!(!format!("{embedder:?}").contains("sk-test-123"));
}

#[tokio::test]
async fn configured_dimensions_are_requested_and_enforced() {
    let (base, requests) = serve(Reply::Vectors { dimensions: 8 }).await;
    let mut opts = options(&base);
    opts.dimensions = Some(8);
    let embedder = OpenAiEmbedder::new(opts.clone()).unwrap();
    assert_eq!(embedder.dimensions(), 8);
    embedder.embed(&strings(&["x"])).await.unwrap();
    assert_eq!(requests.lock().unwrap()[0].1["dimensions"], json!(8));

    opts.dimensions = Some(16);
    let wrong = OpenAiEmbedder::new(opts).unwrap();
    let err = wrong.embed(&strings(&["x"])).await.unwrap_err();
    assert!(matches!(err, Error::Response(_)), "{err}");
    assert!(err.to_string().contains("8 dimensions where 16"), "{err}");
}

#[tokio::test]
async fn dimensions_can_be_detected_before_the_first_embedding() {
    let (base, _) = serve(Reply::Vectors { dimensions: 5 }).await;
    let embedder = OpenAiEmbedder::new(options(&base)).unwrap();
    assert_eq!(embedder.detect_dimensions().await.unwrap(), 5);
    assert_eq!(embedder.dimensions(), 5);
}

#[tokio::test]
async fn a_refused_key_is_an_auth_error_with_the_servers_message() {
    for status in [StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN] {
        let (base, _) = serve(Reply::Fixed(
            status,
            error_body("Incorrect API key provided"),
        ))
        .await;
        let mut opts = options(&base);
        opts.api_key = Some(SecretString::from("sk-secret-value"));
        let err = OpenAiEmbedder::new(opts)
            .unwrap()
            .embed(&strings(&["x"]))
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Auth { .. }), "{err}");
        assert!(!err.is_retryable());
        assert!(
            err.to_string().contains("Incorrect API key provided"),
            "{err}"
        );
        assert!(!err.to_string().contains("sk-secret-value"), "{err}");
    }
}

#[tokio::test]
async fn rate_limits_and_server_errors_are_retryable_with_the_servers_message() {
    for status in [
        StatusCode::TOO_MANY_REQUESTS,
        StatusCode::SERVICE_UNAVAILABLE,
    ] {
        let (base, _) = serve(Reply::Fixed(status, error_body("Rate limit reached"))).await;
        let err = OpenAiEmbedder::new(options(&base))
            .unwrap()
            .embed(&strings(&["x"]))
            .await
            .unwrap_err();
        assert!(
            matches!(err, Error::Unavailable { status: Some(s), .. } if s == status.as_u16()),
            "{err}"
        );
        assert!(err.is_retryable());
        assert!(err.to_string().contains("Rate limit reached"), "{err}");
    }
}

#[tokio::test]
async fn a_rejected_request_is_not_retryable_and_a_plain_error_string_is_read_too() {
    // Text Embeddings Inference's error shape: the message is the `error` string itself.
    let body = json!({"error": "Input validation error: inputs must have less than 512 tokens", "error_type": "Validation"});
    let (base, _) = serve(Reply::Fixed(StatusCode::UNPROCESSABLE_ENTITY, body)).await;
    let err = OpenAiEmbedder::new(options(&base))
        .unwrap()
        .embed(&strings(&["x"]))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Rejected { status: 422, .. }), "{err}");
    assert!(!err.is_retryable());
    assert!(err.to_string().contains("less than 512 tokens"), "{err}");
}

#[tokio::test]
async fn a_response_with_missing_embeddings_is_invalid() {
    let (base, _) = serve(Reply::Short).await;
    let err = OpenAiEmbedder::new(options(&base))
        .unwrap()
        .embed(&strings(&["x", "y", "z"]))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Response(_)), "{err}");
    assert!(
        err.to_string().contains("2 embeddings for 3 inputs"),
        "{err}"
    );
}

#[tokio::test]
async fn an_unreachable_endpoint_is_retryable() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/v1", listener.local_addr().unwrap());
    drop(listener);
    let err = OpenAiEmbedder::new(options(&base))
        .unwrap()
        .embed(&strings(&["x"]))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Unavailable { status: None, .. }),
        "{err}"
    );
    assert!(err.is_retryable());
}

#[test]
fn the_model_id_names_the_host_except_for_openai_itself() {
    let openai = OpenAiEmbedder::new(OpenAiOptions::new("text-embedding-3-small")).unwrap();
    assert_eq!(openai.model(), "openai:text-embedding-3-small");
    let ollama = OpenAiEmbedder::new(options("http://localhost:11434/v1/")).unwrap();
    assert_eq!(ollama.model(), "openai:localhost:11434/nomic-embed-text");
    let bad = OpenAiEmbedder::new(options("localhost:11434")).unwrap_err();
    assert!(
        matches!(
            bad,
            Error::Config {
                field: "base_url",
                ..
            }
        ),
        "{bad}"
    );
}
