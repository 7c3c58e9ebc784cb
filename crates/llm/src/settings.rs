//! The `[llm]` configuration section and the model it describes.

use std::sync::Arc;
use std::time::Duration;

use secrecy::SecretString;
use serde::{Deserialize, Serialize, Serializer};

use crate::{Anthropic, AnthropicOptions, ChatModel, Extractive, LlmError, OpenAi, OpenAiOptions};

/// Which chat model answers visitors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    /// No language model: answers quote the best passage (the default: no account, no
    /// network, nothing invented).
    #[default]
    Extractive,
    /// Anthropic's Messages API.
    Anthropic,
    /// An OpenAI-compatible Chat Completions endpoint (OpenAI, Ollama, vLLM, llama.cpp).
    #[serde(rename = "openai")]
    OpenAi,
}

/// The `[llm]` section. Every field is optional; the defaults answer extractively.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// `"extractive"` (default), `"anthropic"` or `"openai"`.
    pub provider: Provider,
    /// The API base. `anthropic`: without `/v1`, default `https://api.anthropic.com`.
    /// `openai`: including `/v1`, default `https://api.openai.com/v1`; e.g.
    /// `http://localhost:11434/v1` for Ollama. Not allowed with `extractive`.
    pub base_url: Option<String>,
    /// The model name, required with `anthropic` and `openai`, e.g. `claude-sonnet-4-5`.
    pub model: Option<String>,
    /// `anthropic`: required, sent as `x-api-key`. `openai`: sent as `Authorization:
    /// Bearer …`; leave unset for servers without authentication. Never logged, shown as
    /// `[redacted]`.
    #[serde(serialize_with = "redacted")]
    pub api_key: Option<SecretString>,
    /// Seconds allowed for connecting, for the response to start and for every silence
    /// of the stream after it; then the turn fails with a timeout. Default 30.
    pub timeout_secs: Option<u64>,
}

/// Shows that a key is set without showing it.
fn redacted<S: Serializer>(value: &Option<SecretString>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(_) => s.serialize_str("[redacted]"),
        None => s.serialize_none(),
    }
}

/// Builds the chat model the `[llm]` settings describe; sends nothing yet.
pub fn from_settings(settings: &Settings) -> Result<Arc<dyn ChatModel>, LlmError> {
    if settings.timeout_secs == Some(0) {
        return Err(LlmError::config("timeout_secs", "must be at least 1"));
    }
    let timeout = Duration::from_secs(settings.timeout_secs.unwrap_or(30));
    let model = || {
        settings
            .model
            .clone()
            .filter(|m| !m.trim().is_empty())
            .ok_or_else(|| LlmError::config("model", "is required with this provider"))
    };
    Ok(match settings.provider {
        Provider::Extractive => {
            let extractive_only = |field| {
                LlmError::config(
                    field,
                    "has no use with provider = \"extractive\"; remove it or set the provider",
                )
            };
            for (field, set) in [
                ("base_url", settings.base_url.is_some()),
                ("model", settings.model.is_some()),
                ("api_key", settings.api_key.is_some()),
                ("timeout_secs", settings.timeout_secs.is_some()),
            ] {
                if set {
                    return Err(extractive_only(field));
                }
            }
            Arc::new(Extractive)
        }
        Provider::Anthropic => {
            let key = settings.api_key.clone().ok_or_else(|| {
                LlmError::config("api_key", "is required with provider = \"anthropic\"")
            })?;
            let mut options = AnthropicOptions::new(model()?, key);
            if let Some(base) = &settings.base_url {
                base.clone_into(&mut options.base_url);
            }
            options.timeout = timeout;
            Arc::new(Anthropic::new(options)?)
        }
        Provider::OpenAi => {
            let mut options = OpenAiOptions::new(model()?);
            if let Some(base) = &settings.base_url {
                base.clone_into(&mut options.base_url);
            }
            options.api_key = settings.api_key.clone();
            options.timeout = timeout;
            Arc::new(OpenAi::new(options)?)
        }
    })
}

/// The base URL without a trailing `/`, if it is an http(s) URL with a host.
pub(crate) fn check_base_url(base: &str) -> Result<String, LlmError> {
    let trimmed = base.trim_end_matches('/');
    url::Url::parse(trimmed)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
        .map(|_| trimmed.to_owned())
        .ok_or_else(|| LlmError::config("base_url", format!("{base:?} is not an http(s) URL")))
}

/// `t` as the JSON number it reads as (`0.2`, not `0.20000000298023224`).
pub(crate) fn decimal(t: f32) -> serde_json::Value {
    let shortest: f64 = t.to_string().parse().unwrap_or(f64::from(t));
    serde_json::json!(shortest)
}
