//! How much knowledge an app may hold. One set of limits for every workspace until
//! billing brings plans; each is a setting (`[knowledge.limits]`).

use mimi_domain::Error;
use serde::{Deserialize, Serialize};

/// The limits of one app's knowledge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Items per app.
    pub items_per_app: usize,
    /// Characters of text per app, over all its items.
    pub chars_per_app: usize,
    /// Bytes of one uploaded file.
    pub file_bytes: usize,
    /// Pages one URL or sitemap import may add.
    pub pages_per_import: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            items_per_app: 2_000,
            chars_per_app: 5_000_000,
            file_bytes: 15 * 1024 * 1024,
            pages_per_import: 200,
        }
    }
}

impl Limits {
    /// Refuses `adding` more items with `chars` more characters to an app that holds
    /// `items` items and `used` characters.
    pub(crate) fn check(
        &self,
        items: usize,
        used: usize,
        adding: usize,
        chars: usize,
    ) -> Result<(), Error> {
        if items + adding > self.items_per_app {
            return Err(Error::conflict(
                "app_id",
                "item_limit_reached",
                format!(
                    "an app can hold at most {} knowledge items; it has {items}, so at most {} more can be added",
                    self.items_per_app,
                    self.items_per_app.saturating_sub(items)
                ),
            ));
        }
        self.check_chars(used, chars)
    }

    /// Refuses `chars` more characters for an app that holds `used`.
    pub(crate) fn check_chars(&self, used: usize, chars: usize) -> Result<(), Error> {
        if used + chars > self.chars_per_app {
            return Err(Error::conflict(
                "app_id",
                "character_limit_reached",
                format!(
                    "an app's knowledge can hold at most {} characters; it holds {used} and this adds {chars}",
                    self.chars_per_app
                ),
            ));
        }
        Ok(())
    }
}
