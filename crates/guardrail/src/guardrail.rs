//! The compiled guardrail: configuration, allowlist and the shared detectors.

use std::collections::HashSet;
use std::sync::Arc;

use unicode_normalization::UnicodeNormalization;

use crate::detect::Detectors;
use crate::driver::Driver;
use crate::gazetteer::Gazetteers;
use crate::redaction::Redaction;
use crate::stream::StreamRedactor;
use crate::{GuardrailConfig, GuardrailError, Label, Placeholders};

/// A compiled guardrail. Cloning is cheap (a reference count); it is `Send + Sync`, so
/// one instance can serve every conversation of a tenant.
#[derive(Clone)]
pub struct Guardrail {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Guardrail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Guardrail")
            .field("placeholders", &self.inner.placeholders)
            .field("allowlist_entries", &self.inner.allow.len())
            .finish()
    }
}

pub(crate) struct Inner {
    placeholders: Placeholders,
    allow: HashSet<String>,
    detectors: &'static Detectors,
}

impl Inner {
    pub(crate) fn placeholders(&self) -> &Placeholders {
        &self.placeholders
    }

    pub(crate) fn detectors(&self) -> &'static Detectors {
        self.detectors
    }

    /// True if the owner allowed this exact value (after normalisation).
    pub(crate) fn allowed(&self, value: &str) -> bool {
        !self.allow.is_empty() && self.allow.contains(&allow_key(value))
    }
}

impl Guardrail {
    /// Builds a guardrail. The detectors and gazetteers are compiled once per process
    /// and shared; building further guardrails only normalises the allowlist.
    pub fn new(config: GuardrailConfig) -> Result<Self, GuardrailError> {
        for label in Label::ALL {
            if config.placeholders.get(label).is_empty() {
                return Err(GuardrailError::EmptyPlaceholder {
                    label: label.as_str(),
                });
            }
        }
        let mut allow = HashSet::new();
        for (index, value) in config.allowlist.iter().enumerate() {
            let key = allow_key(value);
            if key.is_empty() {
                return Err(GuardrailError::EmptyAllowlistEntry { index });
            }
            allow.insert(key);
        }
        let detectors = Detectors::get().map_err(GuardrailError::Pattern)?;
        Gazetteers::get();
        let inner = Inner {
            placeholders: config.placeholders,
            allow,
            detectors,
        };
        Ok(Guardrail {
            inner: Arc::new(inner),
        })
    }

    /// Redacts a whole text.
    pub fn redact(&self, text: &str) -> Redaction {
        let mut out = Redaction {
            text: String::with_capacity(text.len() + 16),
            spans: Vec::new(),
        };
        let mut driver = Driver::default();
        driver.run(&self.inner, text, 0, true, &mut out.text, &mut out.spans);
        out
    }

    /// A streaming redactor for one reply. Cheap: no compilation, two small buffers.
    pub fn stream(&self) -> StreamRedactor {
        StreamRedactor::new(self.clone())
    }

    /// The placeholders this guardrail writes.
    pub fn placeholders(&self) -> &Placeholders {
        &self.inner.placeholders
    }

    pub(crate) fn inner(&self) -> &Inner {
        &self.inner
    }
}

/// Size of the compiled-in name lists once loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazetteerStats {
    /// Number of names across all lists.
    pub entries: usize,
    /// Approximate heap bytes of the lookup tables.
    pub heap_bytes: usize,
}

/// Loads the gazetteers (if not yet loaded) and reports their size.
pub fn gazetteer_stats() -> GazetteerStats {
    let g = Gazetteers::get();
    GazetteerStats {
        entries: g.len(),
        heap_bytes: g.heap_bytes(),
    }
}

/// The form in which allowlist entries and candidate values are compared: NFKC, lower
/// case, no spaces; phone numbers reduced to their national digits.
pub(crate) fn allow_key(value: &str) -> String {
    let nfkc: String = value.nfkc().collect();
    let digits: String = nfkc.chars().filter(char::is_ascii_digit).collect();
    let phone_like = digits.len() >= 7
        && nfkc
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().‐–—−".contains(c));
    if !phone_like {
        return nfkc
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
    }
    let international = nfkc.trim_start().starts_with('+');
    match (international, digits.as_str()) {
        (true, d) if d.starts_with("81") || d.starts_with("44") => {
            let national = d[2..].strip_prefix('0').unwrap_or(&d[2..]);
            format!("0{national}")
        }
        (true, d) if d.starts_with('1') && d.len() == 11 => d[1..].to_owned(),
        (false, d) if d.starts_with('1') && d.len() == 11 => d[1..].to_owned(),
        (_, d) => d.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowlist_keys_ignore_width_spacing_and_country_prefixes() {
        assert_eq!(
            allow_key("+81 3-1234-5678"),
            allow_key("０３（１２３４）５６７８")
        );
        assert_eq!(allow_key("+44 (0)20 7946 0958"), allow_key("020 7946 0958"));
        assert_eq!(allow_key("1-800-555-0199"), allow_key("(800) 555-0199"));
        assert_eq!(
            allow_key("Info@Shop.example"),
            allow_key("ｉｎｆｏ＠ｓｈｏｐ．ｅｘａｍｐｌｅ")
        );
    }
}
