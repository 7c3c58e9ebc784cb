//! The `[embedding]` configuration section.

use std::time::Duration;

use secrecy::SecretString;
use serde::{Deserialize, Serialize, Serializer};

use crate::error::Error;
use crate::local;
use crate::openai::OpenAiOptions;

/// Which kind of embedder to run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    /// all-MiniLM-L6-v2 in-process (the default: no account, no network after the first
    /// download).
    #[default]
    Local,
    /// An OpenAI-compatible `/v1/embeddings` endpoint.
    #[serde(rename = "openai")]
    OpenAi,
}

/// The `[embedding]` section. Every field is optional; the defaults run the local model.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// `"local"` (default) or `"openai"`.
    pub provider: Provider,
    /// For `openai`: the API base including `/v1`, e.g. `http://localhost:11434/v1` for
    /// Ollama. Default `https://api.openai.com/v1`. Not allowed with `local`.
    pub base_url: Option<String>,
    /// For `openai`: the model name (required), e.g. `text-embedding-3-small`. For
    /// `local`: may only be `all-MiniLM-L6-v2`, the one local model.
    pub model: Option<String>,
    /// For `openai`: sent as `Authorization: Bearer …`; leave unset for servers without
    /// authentication (Ollama, TEI). Never logged.
    #[serde(serialize_with = "redacted")]
    pub api_key: Option<SecretString>,
    /// Vector length. `local`: 384 if given. `openai`: sent as the request's `dimensions`
    /// (models that can shorten their vectors, like text-embedding-3-*) and checked on
    /// every response; unset, it is learned from the first response.
    pub dimensions: Option<usize>,
    /// Tokens of one text the model sees. `local`: at most (and default) 256. `openai`:
    /// default 512, a chunk-size budget only (the server truncates or rejects).
    pub max_tokens: Option<usize>,
    /// Texts per model call or request: default 32 for `local`, 64 for `openai`.
    pub batch_size: Option<usize>,
    /// For `openai`: seconds before one request is abandoned (retryable). Default 60.
    pub timeout_secs: Option<u64>,
}

/// Shows that a key is set without showing it (`mimi config`).
fn redacted<S: Serializer>(value: &Option<SecretString>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(_) => s.serialize_str("[redacted]"),
        None => s.serialize_none(),
    }
}

impl Settings {
    /// Checks the fields against the provider, naming the first wrong one.
    pub fn validate(&self) -> Result<(), Error> {
        if self.batch_size == Some(0) {
            return Err(Error::config("batch_size", "must be at least 1"));
        }
        if self.max_tokens == Some(0) {
            return Err(Error::config("max_tokens", "must be at least 1"));
        }
        match self.provider {
            Provider::Local => self.validate_local(),
            Provider::OpenAi => self.openai_options().map(|_| ()),
        }
    }

    fn validate_local(&self) -> Result<(), Error> {
        let local_only = |field| {
            Error::config(
                field,
                "only applies to provider = \"openai\"; remove it or set the provider",
            )
        };
        if self.base_url.is_some() {
            return Err(local_only("base_url"));
        }
        if self.api_key.is_some() {
            return Err(local_only("api_key"));
        }
        if self.timeout_secs.is_some() {
            return Err(local_only("timeout_secs"));
        }
        if let Some(model) = self.model.as_deref().filter(|m| *m != local::MODEL_NAME) {
            return Err(Error::config(
                "model",
                format!(
                    "the local provider runs only {}, not {model:?}; use provider = \"openai\" for other models",
                    local::MODEL_NAME
                ),
            ));
        }
        if let Some(d) = self.dimensions.filter(|d| *d != local::DIMENSIONS) {
            return Err(Error::config(
                "dimensions",
                format!(
                    "{} has {} dimensions, not {d}",
                    local::MODEL_NAME,
                    local::DIMENSIONS
                ),
            ));
        }
        if let Some(t) = self.max_tokens.filter(|t| *t > local::MAX_TOKENS) {
            return Err(Error::config(
                "max_tokens",
                format!(
                    "{} reads at most {} tokens, not {t}",
                    local::MODEL_NAME,
                    local::MAX_TOKENS
                ),
            ));
        }
        Ok(())
    }

    /// The options of an OpenAI-compatible embedder, with defaults filled in.
    pub(crate) fn openai_options(&self) -> Result<OpenAiOptions, Error> {
        let model = self
            .model
            .clone()
            .filter(|m| !m.trim().is_empty())
            .ok_or_else(|| Error::config("model", "is required with provider = \"openai\""))?;
        let mut options = OpenAiOptions::new(model);
        if let Some(base_url) = &self.base_url {
            options.base_url = base_url.clone();
        }
        options.api_key = self.api_key.clone();
        options.dimensions = self.dimensions;
        if let Some(t) = self.max_tokens {
            options.max_tokens = t;
        }
        if let Some(b) = self.batch_size {
            options.batch_size = b;
        }
        if let Some(s) = self.timeout_secs {
            options.timeout = Duration::from_secs(s);
        }
        options.validate()?;
        Ok(options)
    }
}
