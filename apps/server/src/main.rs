//! The `mimi` binary: parse the command line, load settings, start telemetry, run.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use mimi_knowledge::Mode;
use mimi_server::database::{Database, Lock};
use mimi_server::eval::{self, RetrievalEval};
use mimi_server::settings::Settings;
use mimi_server::{serve, telemetry};

/// Mimi: an embeddable, privacy-first AI chatbot service.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// A TOML file of settings (see docs/configuration.md); environment variables
    /// `MIMI_…` override it.
    #[arg(long, global = true, value_name = "FILE", env = "MIMI_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (the default): migrate the database, then serve HTTP.
    Serve {
        /// Create a demo owner and app on first start, and print how to sign in.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print the effective settings (secrets redacted) and exit.
    Config,
    /// Measure something against labelled data.
    Eval {
        #[command(subcommand)]
        what: Eval,
    },
}

#[derive(Subcommand)]
enum Eval {
    /// Load items into throwaway apps, run each query through the chat's retrieval, print
    /// `{"id", "results": [{"item_id", "score"}]}` per query, then remove the apps.
    Retrieval {
        /// JSON lines: `{"app", "id", "kind": "faq", "question", "answer"}` or
        /// `{"app", "id", "kind": "page", "title", "body"}`.
        #[arg(long, value_name = "FILE")]
        items: PathBuf,
        /// JSON lines: `{"app", "id", "text"}`, optionally `"expected": [item ids]` to
        /// score recall@k and MRR (printed on stderr).
        #[arg(long, value_name = "FILE")]
        queries: PathBuf,
        /// Which searches to run.
        #[arg(long, value_enum, default_value = "hybrid")]
        mode: EvalMode,
        /// Results per query.
        #[arg(long, default_value_t = 5)]
        k: usize,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum EvalMode {
    Hybrid,
    Vector,
    Keyword,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(settings) => settings,
        Err(e) => return fail(&e.into()),
    };
    if let Some(Command::Config) = cli.command {
        print!("{}", settings.to_redacted_toml());
        return ExitCode::SUCCESS;
    }
    if let Err(e) = telemetry::init(&settings) {
        return fail(&e);
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => return fail(&e.into()),
    };
    let result = runtime.block_on(async {
        match cli.command {
            None => serve::run(settings, false).await,
            Some(Command::Serve { demo }) => serve::run(settings, demo).await,
            Some(Command::Migrate) => migrate(&settings).await,
            Some(Command::Config) => Ok(()),
            Some(Command::Eval {
                what:
                    Eval::Retrieval {
                        items,
                        queries,
                        mode,
                        k,
                    },
            }) => {
                let mode = match mode {
                    EvalMode::Hybrid => Mode::Hybrid,
                    EvalMode::Vector => Mode::Vector,
                    EvalMode::Keyword => Mode::Keyword,
                };
                let args = RetrievalEval {
                    items,
                    queries,
                    mode,
                    k,
                };
                eval::retrieval(&settings, &args, &mut std::io::stdout()).await
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

async fn migrate(settings: &Settings) -> anyhow::Result<()> {
    let database = Database::open(settings, Lock::Shared).await?;
    let version = mimi_store::binary_version();
    database.close_leaving_shared().await;
    println!("The database schema is at version {version}.");
    Ok(())
}

/// One line on stderr: what went wrong and, where the error knows it, what to do.
fn fail(error: &anyhow::Error) -> ExitCode {
    eprintln!("mimi: error: {error:#}");
    ExitCode::FAILURE
}
