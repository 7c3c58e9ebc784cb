//! How an app answers visitors: which of the server's language-model providers (or the
//! extractive responder, the default), which model, how warm, in whose voice, with what
//! rules, in which language.

use mimi_domain::Error;
use mimi_domain::rules::{TextCodes, TextRule};
use serde::{Deserialize, Serialize};

/// Which responder writes an app's answers.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    /// No language model: the best passage, trimmed to the question, with its source.
    #[default]
    Extractive,
    /// The server's Anthropic (Messages API) provider.
    Anthropic,
    /// The server's OpenAI-compatible (Chat Completions) provider.
    Openai,
}

impl Provider {
    /// The provider named `name` as the API spells it (`extractive`, `anthropic`,
    /// `openai`).
    pub fn from_name(name: &str) -> Option<Provider> {
        match name.trim() {
            "extractive" => Some(Provider::Extractive),
            "anthropic" => Some(Provider::Anthropic),
            "openai" => Some(Provider::Openai),
            _ => None,
        }
    }
}

/// Which language answers are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum AnswerLanguage {
    /// The visitor's: the language of their question.
    #[default]
    Auto,
    /// Always English.
    En,
    /// Always Japanese.
    Ja,
}

/// An app's chat settings, as stored and shown. Missing keys in stored JSON take the
/// defaults.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ChatSettings {
    /// Who answers.
    pub provider: Provider,
    /// The provider's model; empty means the server's default for that provider.
    pub model: String,
    /// Sampling temperature, 0–2; `None` leaves the provider's default.
    pub temperature: Option<f32>,
    /// Who the assistant is ("Hana, the café's friendly assistant"); empty for a plain
    /// assistant of the app.
    pub persona: String,
    /// The owner's rules for answers ("Never quote prices; point to the menu page").
    pub instructions: String,
    /// Which language answers are written in.
    pub answer_language: AnswerLanguage,
}

/// Chat settings as sent: each one optional; given ones replace the current value.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChatInput {
    /// `extractive`, `anthropic` or `openai`.
    pub provider: Option<String>,
    /// At most 100 characters; empty for the provider's default.
    pub model: Option<String>,
    /// 0–2; `null` leaves the provider's default.
    #[serde(default, deserialize_with = "crate::input::present")]
    #[schema(value_type = Option<f32>, nullable)]
    pub temperature: Option<Option<f32>>,
    /// At most 500 characters.
    pub persona: Option<String>,
    /// At most 4,000 characters.
    pub instructions: Option<String>,
    /// `auto`, `en` or `ja`.
    pub answer_language: Option<String>,
}

const MODEL: TextRule = TextRule {
    field: "chat.model",
    optional: true,
    max: 100,
    multiline: false,
    codes: TextCodes {
        required: "chat_model_required",
        too_long: "chat_model_too_long",
        invalid: "chat_model_invalid",
    },
};

const PERSONA: TextRule = TextRule {
    field: "chat.persona",
    optional: true,
    max: 500,
    multiline: true,
    codes: TextCodes {
        required: "chat_persona_required",
        too_long: "chat_persona_too_long",
        invalid: "chat_persona_invalid",
    },
};

const INSTRUCTIONS: TextRule = TextRule {
    field: "chat.instructions",
    optional: true,
    max: 4_000,
    multiline: true,
    codes: TextCodes {
        required: "chat_instructions_required",
        too_long: "chat_instructions_too_long",
        invalid: "chat_instructions_invalid",
    },
};

impl ChatInput {
    /// Checks the given settings and lays them over `base`.
    pub(crate) fn apply(&self, base: ChatSettings) -> Result<ChatSettings, Error> {
        let mut chat = base;
        if let Some(provider) = &self.provider {
            chat.provider = Provider::from_name(provider).ok_or_else(|| {
                Error::invalid(
                    "chat.provider",
                    "chat_provider_invalid",
                    "chat.provider must be extractive, anthropic or openai",
                )
            })?;
        }
        if let Some(model) = &self.model {
            chat.model = MODEL.check(model, None)?;
        }
        if let Some(temperature) = self.temperature {
            if temperature.is_some_and(|t| !(0.0..=2.0).contains(&t)) {
                return Err(Error::invalid(
                    "chat.temperature",
                    "chat_temperature_out_of_range",
                    "chat.temperature must be between 0 and 2",
                ));
            }
            chat.temperature = temperature;
        }
        if let Some(persona) = &self.persona {
            chat.persona = PERSONA.check(persona, None)?;
        }
        if let Some(instructions) = &self.instructions {
            chat.instructions = INSTRUCTIONS.check(instructions, None)?;
        }
        if let Some(language) = &self.answer_language {
            chat.answer_language = match language.trim() {
                "auto" => AnswerLanguage::Auto,
                "en" => AnswerLanguage::En,
                "ja" => AnswerLanguage::Ja,
                _ => {
                    return Err(Error::invalid(
                        "chat.answer_language",
                        "chat_answer_language_invalid",
                        "chat.answer_language must be auto, en or ja",
                    ));
                }
            };
        }
        Ok(chat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(input: ChatInput) -> String {
        input
            .apply(ChatSettings::default())
            .unwrap_err()
            .code()
            .to_owned()
    }

    #[test]
    fn chat_settings_overlay_what_is_given_and_name_what_is_wrong() {
        let chat = ChatInput {
            provider: Some("anthropic".into()),
            temperature: Some(Some(0.3)),
            persona: Some(" Hana ".into()),
            ..ChatInput::default()
        }
        .apply(ChatSettings::default())
        .unwrap();
        assert_eq!(chat.provider, Provider::Anthropic);
        assert_eq!(chat.temperature, Some(0.3));
        assert_eq!(chat.persona, "Hana");
        assert_eq!(chat.answer_language, AnswerLanguage::Auto);
        let cleared = ChatInput {
            temperature: Some(None),
            ..ChatInput::default()
        }
        .apply(chat)
        .unwrap();
        assert_eq!(cleared.temperature, None);
        assert_eq!(cleared.provider, Provider::Anthropic);

        let provider = ChatInput {
            provider: Some("gpt".into()),
            ..ChatInput::default()
        };
        assert_eq!(code(provider), "chat_provider_invalid");
        let hot = ChatInput {
            temperature: Some(Some(2.5)),
            ..ChatInput::default()
        };
        assert_eq!(code(hot), "chat_temperature_out_of_range");
        let long = ChatInput {
            instructions: Some("x".repeat(4_001)),
            ..ChatInput::default()
        };
        assert_eq!(code(long), "chat_instructions_too_long");
        let model = ChatInput {
            model: Some("a\nb".into()),
            ..ChatInput::default()
        };
        assert_eq!(code(model), "chat_model_invalid");
        let language = ChatInput {
            answer_language: Some("fr".into()),
            ..ChatInput::default()
        };
        assert_eq!(code(language), "chat_answer_language_invalid");
        let stored: ChatSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(stored, ChatSettings::default());
    }
}
