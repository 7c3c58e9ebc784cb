//! How an app's widget looks and greets: colour, launcher side, greeting and suggested
//! questions.

use mimi_domain::Error;
use serde::{Deserialize, Serialize};

use mimi_domain::rules::{TextCodes, TextRule};

/// The colour a new app starts with: a calm indigo that reads well on white and dark.
pub const DEFAULT_PRIMARY_COLOR: &str = "#4f46e5";
/// Most suggested questions an app may show.
pub const MAX_SUGGESTED_QUESTIONS: usize = 6;

/// Which bottom corner the widget's launcher sits in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum LauncherPosition {
    /// Bottom right.
    #[default]
    Right,
    /// Bottom left.
    Left,
}

/// An app's theme, as stored and shown. Missing keys in stored JSON take the defaults,
/// so adding a setting later needs no data migration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Theme {
    /// `#rrggbb`, lower-case.
    pub primary_color: String,
    /// Launcher corner.
    pub launcher_position: LauncherPosition,
    /// The widget's first message; empty means the widget's localised default.
    pub greeting: String,
    /// Questions offered as one-tap chips, in order.
    pub suggested_questions: Vec<String>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            primary_color: DEFAULT_PRIMARY_COLOR.to_owned(),
            launcher_position: LauncherPosition::Right,
            greeting: String::new(),
            suggested_questions: Vec::new(),
        }
    }
}

/// Theme settings as sent: each one optional. On create, missing settings take the
/// defaults; on update, they keep their current values.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeInput {
    /// `#rrggbb` (either case).
    pub primary_color: Option<String>,
    /// `right` or `left`.
    pub launcher_position: Option<String>,
    /// At most 280 characters; line breaks allowed.
    pub greeting: Option<String>,
    /// At most 6, each 1–120 characters.
    pub suggested_questions: Option<Vec<String>>,
}

const GREETING: TextRule = TextRule {
    field: "theme.greeting",
    optional: true,
    max: 280,
    multiline: true,
    codes: TextCodes {
        required: "theme_greeting_required",
        too_long: "theme_greeting_too_long",
        invalid: "theme_greeting_invalid",
    },
};

const QUESTION: TextRule = TextRule {
    field: "theme.suggested_questions",
    optional: false,
    max: 120,
    multiline: false,
    codes: TextCodes {
        required: "theme_suggested_questions_required",
        too_long: "theme_suggested_questions_too_long",
        invalid: "theme_suggested_questions_invalid",
    },
};

impl ThemeInput {
    /// Checks the given settings and lays them over `base`.
    pub(crate) fn apply(&self, base: Theme) -> Result<Theme, Error> {
        let mut theme = base;
        if let Some(color) = &self.primary_color {
            theme.primary_color = primary_color(color)?;
        }
        if let Some(position) = &self.launcher_position {
            theme.launcher_position = match position.trim() {
                "right" => LauncherPosition::Right,
                "left" => LauncherPosition::Left,
                _ => {
                    return Err(Error::invalid(
                        "theme.launcher_position",
                        "theme_launcher_position_invalid",
                        "theme.launcher_position must be right or left",
                    ));
                }
            };
        }
        if let Some(greeting) = &self.greeting {
            theme.greeting = GREETING.check(greeting, None)?;
        }
        if let Some(questions) = &self.suggested_questions {
            if questions.len() > MAX_SUGGESTED_QUESTIONS {
                return Err(Error::invalid(
                    "theme.suggested_questions",
                    "theme_suggested_questions_too_many",
                    format!(
                        "theme.suggested_questions may hold at most {MAX_SUGGESTED_QUESTIONS} questions (got {})",
                        questions.len()
                    ),
                ));
            }
            theme.suggested_questions = questions
                .iter()
                .enumerate()
                .map(|(i, q)| QUESTION.check(q, Some(&format!("question {}", i + 1))))
                .collect::<Result<_, _>>()?;
        }
        Ok(theme)
    }
}

fn primary_color(input: &str) -> Result<String, Error> {
    let value = input.trim();
    let hex = value.strip_prefix('#').unwrap_or_default();
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(Error::invalid(
            "theme.primary_color",
            "theme_primary_color_invalid",
            "theme.primary_color must be a colour like #4f46e5",
        ));
    }
    Ok(value.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_theme_takes_defaults_and_overlays_what_is_given() {
        let theme = ThemeInput {
            primary_color: Some(" #A1B2C3 ".into()),
            ..ThemeInput::default()
        }
        .apply(Theme::default())
        .unwrap();
        assert_eq!(theme.primary_color, "#a1b2c3");
        assert_eq!(theme.launcher_position, LauncherPosition::Right);
        let stored: Theme = serde_json::from_str(r#"{"greeting":"hi"}"#).unwrap();
        assert_eq!(stored.primary_color, DEFAULT_PRIMARY_COLOR);
        assert_eq!(stored.greeting, "hi");
    }

    #[test]
    fn colours_must_be_six_hex_digits() {
        for bad in ["4f46e5", "#fff", "#4f46e5ff", "#gggggg", "red", ""] {
            assert_eq!(
                primary_color(bad).unwrap_err().code(),
                "theme_primary_color_invalid",
                "{bad}"
            );
        }
    }
}
