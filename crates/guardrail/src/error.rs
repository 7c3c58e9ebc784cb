//! Errors a caller can act on when building a [`crate::Guardrail`].

/// Why a guardrail could not be built from its configuration.
#[derive(Debug, thiserror::Error)]
pub enum GuardrailError {
    /// A placeholder was empty; a redaction must always leave a visible marker.
    #[error("the placeholder for {label} is empty")]
    EmptyPlaceholder {
        /// The label whose placeholder is empty.
        label: &'static str,
    },
    /// An allowlist entry has nothing left after normalisation (blank or punctuation only).
    #[error("allowlist entry {index} is empty after normalisation")]
    EmptyAllowlistEntry {
        /// Position of the entry in the configured allowlist.
        index: usize,
    },
    /// A built-in pattern failed to compile: a bug in this crate, not in the configuration.
    #[error("built-in pattern failed to compile: {0}")]
    Pattern(String),
}
