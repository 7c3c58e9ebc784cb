//! The language models this server offers apps: the operator configures Anthropic and
//! an OpenAI-compatible server once (endpoint, key, default model); each app picks one
//! and may name another model of it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use mimi_apps::{ChatSettings, Provider};
use mimi_llm::{ChatModel, Extractive, LlmError, Settings};

/// The configured providers, and a client per (provider, model) built on first use.
#[derive(Debug, Default)]
pub struct Providers {
    anthropic: Option<Settings>,
    openai: Option<Settings>,
    /// Clients that answer for a provider whatever the model (benchmarks, tests).
    fixed: HashMap<Provider, Arc<dyn ChatModel>>,
    built: Mutex<HashMap<(Provider, String), Arc<dyn ChatModel>>>,
}

impl Providers {
    /// Providers from the operator's settings; either may be absent. Each is checked by
    /// building its client now, so a bad setting stops start-up instead of a visitor's
    /// turn.
    pub fn new(
        anthropic: Option<Settings>,
        openai: Option<Settings>,
    ) -> Result<Providers, LlmError> {
        let providers = Providers {
            anthropic,
            openai,
            ..Providers::default()
        };
        for (provider, settings) in [
            (Provider::Anthropic, &providers.anthropic),
            (Provider::Openai, &providers.openai),
        ] {
            if let Some(s) = settings {
                let expected = match provider {
                    Provider::Anthropic => mimi_llm::Provider::Anthropic,
                    _ => mimi_llm::Provider::OpenAi,
                };
                if s.provider != expected {
                    return Err(LlmError::Config {
                        field: "provider",
                        message: "does not match the section it is in".into(),
                    });
                }
                mimi_llm::from_settings(s)?;
            }
        }
        Ok(providers)
    }

    /// Providers where `provider` is answered by `model` whatever model an app names:
    /// for benchmarks and tests that need a responder without a network.
    pub fn with_model(provider: Provider, model: Arc<dyn ChatModel>) -> Providers {
        Providers {
            fixed: HashMap::from([(provider, model)]),
            ..Providers::default()
        }
    }

    /// `chat_provider_unavailable` (422, field `chat.provider`) when `chat` chooses a
    /// provider this server has not configured: visitors would silently get extractive
    /// answers instead. The owner API and the dashboard both check app settings here.
    pub fn check(&self, chat: Option<&mimi_apps::ChatInput>) -> Result<(), mimi_domain::Error> {
        let chosen = chat
            .and_then(|c| c.provider.as_deref())
            .and_then(Provider::from_name);
        match chosen {
            Some(provider) if !self.offers(provider) => Err(mimi_domain::Error::invalid(
                "chat.provider",
                "chat_provider_unavailable",
                "this server has no such language model configured; its operator can add one, or choose extractive",
            )),
            _ => Ok(()),
        }
    }

    /// Whether apps may choose `provider`.
    pub fn offers(&self, provider: Provider) -> bool {
        match provider {
            Provider::Extractive => true,
            Provider::Anthropic => self.anthropic.is_some() || self.fixed.contains_key(&provider),
            Provider::Openai => self.openai.is_some() || self.fixed.contains_key(&provider),
        }
    }

    /// The responder an app's settings ask for. A provider this server does not offer
    /// (the operator removed it after the app chose it) falls back to the extractive
    /// responder, with a warning in the log.
    pub fn for_app(&self, chat: &ChatSettings) -> Arc<dyn ChatModel> {
        let settings = match chat.provider {
            Provider::Extractive => None,
            Provider::Anthropic => self.anthropic.as_ref(),
            Provider::Openai => self.openai.as_ref(),
        };
        if let Some(fixed) = self.fixed.get(&chat.provider) {
            return fixed.clone();
        }
        let Some(base) = settings else {
            if chat.provider != Provider::Extractive {
                tracing::warn!(provider = ?chat.provider, "the app's provider is not configured; answering extractively");
            }
            return Arc::new(Extractive);
        };
        let model = if chat.model.is_empty() {
            base.model.clone().unwrap_or_default()
        } else {
            chat.model.clone()
        };
        let key = (chat.provider, model.clone());
        let mut built = match self.built.lock() {
            Ok(built) => built,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some(found) = built.get(&key) {
            return found.clone();
        }
        let settings = Settings {
            model: Some(model),
            ..base.clone()
        };
        match mimi_llm::from_settings(&settings) {
            Ok(client) => {
                built.insert(key, client.clone());
                client
            }
            Err(e) => {
                tracing::warn!(error = %e, "the app's model settings are unusable; answering extractively");
                Arc::new(Extractive)
            }
        }
    }
}
