//! Integration tests of the guardrail's public API: what it finds, what it leaves
//! alone, redaction and the allowlist, and the streaming invariant.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod detection;
mod redaction;
mod streaming;

use mimi_guardrail::{Guardrail, GuardrailConfig, Label};

/// A guardrail with English placeholders and no allowlist.
pub fn guardrail() -> Guardrail {
    Guardrail::new(GuardrailConfig::default()).unwrap()
}

/// The (text, label) pairs found in `text`.
pub fn found(text: &str) -> Vec<(String, Label)> {
    guardrail()
        .redact(text)
        .spans
        .iter()
        .map(|s| (text[s.start..s.end].to_owned(), s.label))
        .collect()
}
