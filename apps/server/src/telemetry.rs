//! Logging: `tracing` to stderr, human-readable or JSON.
//!
//! What is logged is decided where it is logged; this module only chooses the format.
//! Nothing here may add request bodies, headers or query strings to the output.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::format::FmtSpan;

use crate::settings::{LogFormat, Settings};

/// Installs the global subscriber. Call once, from `main`.
pub fn init(settings: &Settings) -> anyhow::Result<()> {
    let filter = EnvFilter::builder().parse(&settings.log_level)?;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_span_events(FmtSpan::NONE);
    let result = match settings.log_format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(false)
            .try_init(),
        LogFormat::Pretty => builder
            .with_ansi(std::io::stderr().is_terminal())
            .try_init(),
    };
    result.map_err(|e| anyhow::anyhow!("cannot install the logger: {e}"))
}
