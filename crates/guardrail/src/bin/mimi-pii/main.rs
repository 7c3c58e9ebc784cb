//! `mimi-pii`: run the guardrail over JSON lines (`scan`), score it against a labelled
//! set (`eval`), or report the memory its gazetteers take (`mem`).

#![allow(clippy::print_stdout)]

mod eval;
mod scan;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use mimi_guardrail::{Guardrail, GuardrailConfig, Language};

#[derive(Parser)]
#[command(
    name = "mimi-pii",
    about = "Find and redact personal data in chatbot replies"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Lang {
    En,
    Ja,
}

#[derive(clap::Args)]
struct Common {
    /// Run the streaming redactor on chunks of N bytes (cut at character boundaries)
    /// instead of the batch redactor.
    #[arg(long, value_name = "N")]
    stream_chunk: Option<usize>,
    /// Language of the default placeholders.
    #[arg(long, value_enum, default_value = "en")]
    lang: Lang,
    /// A public contact value that must pass through (repeatable).
    #[arg(long = "allow", value_name = "VALUE")]
    allow: Vec<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Read `{"id", "text"}` lines on stdin; write `{"id", "spans", "redacted"}` lines.
    Scan(Common),
    /// Score against a gold file of `{"id", "lang", "text", "spans"}` lines.
    Eval {
        /// The labelled JSON-lines file.
        #[arg(long)]
        gold: std::path::PathBuf,
        /// Print every false positive and false negative.
        #[arg(long)]
        errors: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Print the size of the compiled gazetteers and the resident memory they add.
    Mem,
}

fn guardrail(common: &Common) -> anyhow::Result<Guardrail> {
    let language = match common.lang {
        Lang::En => Language::En,
        Lang::Ja => Language::Ja,
    };
    let mut config = GuardrailConfig::for_language(language);
    config.allowlist = common.allow.clone();
    Guardrail::new(config).context("building the guardrail")
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Scan(common) => scan::run(&guardrail(&common)?, common.stream_chunk),
        Command::Eval {
            gold,
            errors,
            common,
        } => eval::run(&guardrail(&common)?, &gold, common.stream_chunk, errors),
        Command::Mem => mem(),
    }
}

/// Resident set size of this process in bytes, from /proc (Linux only).
fn rss_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn mem() -> anyhow::Result<()> {
    let before = rss_bytes();
    let stats = mimi_guardrail::gazetteer_stats();
    let after_gazetteers = rss_bytes();
    let _g = Guardrail::new(GuardrailConfig::default())?;
    let after_all = rss_bytes();
    println!("gazetteer entries: {}", stats.entries);
    println!(
        "gazetteer heap (estimated from table sizes): {:.1} MiB",
        mib(stats.heap_bytes as u64)
    );
    if let (Some(b), Some(g), Some(a)) = (before, after_gazetteers, after_all) {
        println!(
            "resident memory added by the gazetteers: {:.1} MiB",
            mib(g.saturating_sub(b))
        );
        println!(
            "resident memory added by gazetteers + patterns: {:.1} MiB",
            mib(a.saturating_sub(b))
        );
    }
    Ok(())
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}
