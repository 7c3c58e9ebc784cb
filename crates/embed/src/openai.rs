//! Any OpenAI-compatible `/v1/embeddings` endpoint.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde_json::json;
use url::Url;

use crate::error::Error;
use crate::{EmbedFuture, Embedder};

const OPENAI_BASE: &str = "https://api.openai.com/v1";

/// How to reach and use an OpenAI-compatible embeddings endpoint.
#[derive(Clone, Debug)]
pub struct OpenAiOptions {
    /// API base including `/v1`; `/embeddings` is appended.
    pub base_url: String,
    /// Model name sent in every request.
    pub model: String,
    /// Bearer token; `None` for servers without authentication (Ollama, TEI).
    pub api_key: Option<SecretString>,
    /// Requested and checked vector length; `None` learns it from the first response.
    pub dimensions: Option<usize>,
    /// Reported by [`Embedder::max_tokens`] as the caller's chunk budget.
    pub max_tokens: usize,
    /// Texts per request.
    pub batch_size: usize,
    /// Time limit of one request.
    pub timeout: Duration,
}

impl OpenAiOptions {
    /// Options for `model` on api.openai.com: no key, learned dimensions, 512 tokens,
    /// 64 texts per request, 60 s per request.
    pub fn new(model: impl Into<String>) -> Self {
        OpenAiOptions {
            base_url: OPENAI_BASE.to_owned(),
            model: model.into(),
            api_key: None,
            dimensions: None,
            max_tokens: 512,
            batch_size: 64,
            timeout: Duration::from_secs(60),
        }
    }

    pub(crate) fn validate(&self) -> Result<Url, Error> {
        let url = Url::parse(self.base_url.trim_end_matches('/'))
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
            .ok_or_else(|| {
                Error::config(
                    "base_url",
                    format!("{:?} is not an http(s) URL", self.base_url),
                )
            })?;
        if self.dimensions == Some(0) {
            return Err(Error::config("dimensions", "must be at least 1"));
        }
        if self.batch_size == 0 {
            return Err(Error::config("batch_size", "must be at least 1"));
        }
        if self.max_tokens == 0 {
            return Err(Error::config("max_tokens", "must be at least 1"));
        }
        Ok(url)
    }
}

/// An embedder calling `POST {base_url}/embeddings`.
#[derive(Debug)]
pub struct OpenAiEmbedder {
    id: String,
    endpoint: String,
    options: OpenAiOptions,
    client: reqwest::Client,
    dimensions: AtomicUsize,
}

impl OpenAiEmbedder {
    /// Checks the options and builds the HTTP client; sends nothing yet.
    pub fn new(options: OpenAiOptions) -> Result<Self, Error> {
        let base = options.validate()?;
        let id = match base.host_str() {
            Some("api.openai.com") => format!("openai:{}", options.model),
            Some(host) => match base.port() {
                Some(port) => format!("openai:{host}:{port}/{}", options.model),
                None => format!("openai:{host}/{}", options.model),
            },
            None => format!("openai:{}", options.model),
        };
        let client = reqwest::Client::builder()
            .timeout(options.timeout)
            .build()
            .map_err(|e| Error::config("base_url", format!("building the HTTP client: {e}")))?;
        Ok(OpenAiEmbedder {
            id,
            endpoint: format!("{}/embeddings", options.base_url.trim_end_matches('/')),
            dimensions: AtomicUsize::new(options.dimensions.unwrap_or(0)),
            options,
            client,
        })
    }

    /// The vector length, asking the endpoint with a one-word request if neither the
    /// settings nor an earlier response told it.
    pub async fn detect_dimensions(&self) -> Result<usize, Error> {
        match self.dimensions.load(Ordering::Relaxed) {
            0 => Ok(self.request(&["dimensions".to_owned()]).await?[0].len()),
            known => Ok(known),
        }
    }

    async fn embed_all(&self, texts: &[String]) -> Result<Vec<Vec<f32>>, Error> {
        let mut vectors = Vec::with_capacity(texts.len());
        for batch in texts.chunks(self.options.batch_size) {
            vectors.extend(self.request(batch).await?);
        }
        Ok(vectors)
    }

    async fn request(&self, batch: &[String]) -> Result<Vec<Vec<f32>>, Error> {
        let mut body = json!({
            "model": self.options.model,
            "input": batch,
            "encoding_format": "float",
        });
        if let Some(d) = self.options.dimensions {
            body["dimensions"] = json!(d);
        }
        let mut request = self.client.post(&self.endpoint).json(&body);
        if let Some(key) = &self.options.api_key {
            request = request.bearer_auth(key.expose_secret());
        }
        let unreachable = |e: reqwest::Error| Error::Unavailable {
            status: None,
            message: e.without_url().to_string(),
        };
        let response = request.send().await.map_err(unreachable)?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(unreachable)?;
        if !status.is_success() {
            return Err(status_error(status.as_u16(), &bytes));
        }
        let parsed: Response = serde_json::from_slice(&bytes)
            .map_err(|e| Error::Response(format!("not an embeddings list: {e}")))?;
        self.check(parsed, batch.len())
    }

    /// Puts the vectors back in input order and checks their count and length.
    fn check(&self, response: Response, expected: usize) -> Result<Vec<Vec<f32>>, Error> {
        if response.data.len() != expected {
            return Err(Error::Response(format!(
                "{} embeddings for {expected} inputs",
                response.data.len()
            )));
        }
        let mut slots: Vec<Option<Vec<f32>>> = vec![None; expected];
        for item in response.data {
            let slot = slots
                .get_mut(item.index)
                .ok_or_else(|| Error::Response(format!("index {} out of range", item.index)))?;
            if slot.replace(item.embedding).is_some() {
                return Err(Error::Response(format!("index {} repeated", item.index)));
            }
        }
        let mut vectors: Vec<Vec<f32>> = slots.into_iter().flatten().collect();
        for v in &mut vectors {
            let len = v.len();
            let known =
                match self
                    .dimensions
                    .compare_exchange(0, len, Ordering::Relaxed, Ordering::Relaxed)
                {
                    Ok(_) => len,
                    Err(known) => known,
                };
            if len == 0 || len != known {
                return Err(Error::Response(format!(
                    "a vector of {len} dimensions where {known} were expected"
                )));
            }
            normalise(v);
        }
        Ok(vectors)
    }
}

impl Embedder for OpenAiEmbedder {
    fn model(&self) -> &str {
        &self.id
    }

    fn dimensions(&self) -> usize {
        self.dimensions.load(Ordering::Relaxed)
    }

    fn max_tokens(&self) -> usize {
        self.options.max_tokens
    }

    fn embed<'a>(&'a self, texts: &'a [String]) -> EmbedFuture<'a> {
        Box::pin(self.embed_all(texts))
    }
}

#[derive(Deserialize)]
struct Response {
    data: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    index: usize,
    embedding: Vec<f32>,
}

/// Maps a non-2xx answer to an error carrying the server's own message: OpenAI and
/// Ollama send `{"error":{"message":…}}`, TEI sends `{"error":"…"}`.
fn status_error(status: u16, body: &[u8]) -> Error {
    let json: Option<serde_json::Value> = serde_json::from_slice(body).ok();
    let error = json.as_ref().and_then(|j| j.get("error"));
    let message = error
        .and_then(|e| e.get("message").unwrap_or(e).as_str())
        .map(str::to_owned)
        .unwrap_or_else(|| {
            let text = String::from_utf8_lossy(body);
            let text = text.trim();
            match text.char_indices().nth(200) {
                Some((cut, _)) => format!("{}…", &text[..cut]),
                None if text.is_empty() => "(empty body)".to_owned(),
                None => text.to_owned(),
            }
        });
    match status {
        401 | 403 => Error::Auth { status, message },
        408 | 409 | 429 | 500..=599 => Error::Unavailable {
            status: Some(status),
            message,
        },
        _ => Error::Rejected { status, message },
    }
}

/// Scales `v` to unit length (servers usually do already; this makes it a guarantee).
pub(crate) fn normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}
