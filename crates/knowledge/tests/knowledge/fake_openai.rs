//! A local server speaking OpenAI's `/v1/embeddings` wire format, standing in for a second
//! embedding model: it embeds each text as a hashed bag of its words, so texts sharing
//! words are close.

use std::sync::Arc;

use axum::Json;
use axum::routing::post;
use mimi_embed::{Embedder, OpenAiEmbedder, OpenAiOptions};
use serde_json::{Value, json};

/// Length of its vectors.
pub const DIMENSIONS: usize = 32;

pub struct FakeOpenAi {
    base: String,
    _server: tokio::task::JoinHandle<()>,
}

impl FakeOpenAi {
    pub fn embedder(&self) -> Arc<dyn Embedder> {
        let mut options = OpenAiOptions::new("fake-embedding");
        options.base_url = format!("{}/v1", self.base);
        options.dimensions = Some(DIMENSIONS);
        Arc::new(OpenAiEmbedder::new(options).unwrap())
    }
}

pub async fn start() -> FakeOpenAi {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let router = axum::Router::new().route("/v1/embeddings", post(embeddings));
    let server = tokio::spawn(async move {
        axum::serve(listener, router).await.unwrap();
    });
    FakeOpenAi {
        base,
        _server: server,
    }
}

async fn embeddings(Json(request): Json<Value>) -> Json<Value> {
    let inputs: Vec<String> = match &request["input"] {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_owned())
            .collect(),
        _ => Vec::new(),
    };
    let data: Vec<Value> = inputs
        .iter()
        .enumerate()
        .rev() // OpenAI does not promise the order; the client must sort by index.
        .map(|(index, text)| json!({ "object": "embedding", "index": index, "embedding": bag_of_words(text) }))
        .collect();
    Json(json!({
        "object": "list",
        "data": data,
        "model": request["model"],
        "usage": { "prompt_tokens": 1, "total_tokens": 1 },
    }))
}

fn bag_of_words(text: &str) -> Vec<f32> {
    let mut v = [0.0f32; DIMENSIONS];
    for word in text
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let hash = word.bytes().fold(2166136261u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(16777619)
        });
        v[hash as usize % DIMENSIONS] += 1.0;
    }
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
    v.iter().map(|x| x / norm).collect()
}
