//! Configuration of one guardrail: placeholders and the owner's allowlist.

use crate::Label;

/// The language of the default placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// `[NAME]`, `[EMAIL]`, `[PHONE]`, `[ADDRESS]`, `[POSTAL_CODE]`.
    #[default]
    En,
    /// `[氏名]`, `[メールアドレス]`, `[電話番号]`, `[住所]`, `[郵便番号]`.
    Ja,
}

/// The text that replaces each kind of span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholders {
    /// Replaces a [`Label::Person`] span.
    pub person: String,
    /// Replaces a [`Label::Email`] span.
    pub email: String,
    /// Replaces a [`Label::Phone`] span.
    pub phone: String,
    /// Replaces a [`Label::Address`] span.
    pub address: String,
    /// Replaces a [`Label::PostalCode`] span.
    pub postal_code: String,
}

impl Placeholders {
    /// The default placeholders for `language`.
    pub fn for_language(language: Language) -> Self {
        let [person, email, phone, address, postal_code] = match language {
            Language::En => ["[NAME]", "[EMAIL]", "[PHONE]", "[ADDRESS]", "[POSTAL_CODE]"],
            Language::Ja => [
                "[氏名]",
                "[メールアドレス]",
                "[電話番号]",
                "[住所]",
                "[郵便番号]",
            ],
        };
        Placeholders {
            person: person.to_owned(),
            email: email.to_owned(),
            phone: phone.to_owned(),
            address: address.to_owned(),
            postal_code: postal_code.to_owned(),
        }
    }

    /// The placeholder for `label`.
    pub fn get(&self, label: Label) -> &str {
        match label {
            Label::Person => &self.person,
            Label::Email => &self.email,
            Label::Phone => &self.phone,
            Label::Address => &self.address,
            Label::PostalCode => &self.postal_code,
        }
    }
}

impl Default for Placeholders {
    fn default() -> Self {
        Placeholders::for_language(Language::En)
    }
}

/// Everything a tenant can configure about its guardrail.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuardrailConfig {
    /// Public contact values that may pass through unredacted (the shop's own phone
    /// number or email). Matched after normalisation: width, case, spacing, hyphens,
    /// and `+81`/`+44`/`+1` prefixes versus national forms do not matter.
    pub allowlist: Vec<String>,
    /// What each span is replaced with.
    pub placeholders: Placeholders,
}

impl GuardrailConfig {
    /// A configuration with the default placeholders for `language` and no allowlist.
    pub fn for_language(language: Language) -> Self {
        GuardrailConfig {
            allowlist: Vec::new(),
            placeholders: Placeholders::for_language(language),
        }
    }
}
