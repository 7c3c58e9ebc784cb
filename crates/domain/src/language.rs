use serde::{Deserialize, Serialize};

/// A language Mimi speaks to people in: owners' UI and mail, visitors' widget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Japanese.
    Ja,
}

impl Language {
    /// The BCP 47 tag (`en`, `ja`), as stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ja => "ja",
        }
    }

    /// Parses a stored tag; `None` for anything else.
    pub fn from_tag(tag: &str) -> Option<Language> {
        match tag {
            "en" => Some(Language::En),
            "ja" => Some(Language::Ja),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_round_trips_through_its_tag() {
        for lang in [Language::En, Language::Ja] {
            assert_eq!(Language::from_tag(lang.as_str()), Some(lang));
        }
        assert_eq!(Language::from_tag("fr"), None);
    }
}
