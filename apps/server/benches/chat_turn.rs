//! The chat turn's own overhead (issue 6's acceptance): the real server answering
//! visitors' messages over SSE with a zero-latency model, next to a bare axum SSE
//! endpoint measured in the same run with the same client code.
//!
//! - The pipeline: `mimi_server::http::router` over a fresh database of testkit's
//!   embedded PostgreSQL, served by `mimi_server::serve::serve` (TCP_NODELAY on, as
//!   `mimi serve`), apps with eight FAQs indexed by the real all-MiniLM-L6-v2, and a
//!   model (`reply::ZeroLatency`, offered as the `openai` provider through
//!   `Providers::with_model`) whose whole reply is ready at once. Everything else is
//!   production's: visitor authorisation, the rate limiter (its limits raised far above
//!   the load, still counted), history, storing both messages, embedding the question,
//!   hybrid retrieval, the prompt, the streaming guardrail, the SSE stream, request logs
//!   (formatted as JSON into a sink). A second variant remembers each question's vector
//!   (`reply::Memoised`) to show the pipeline apart from the embedding model.
//! - The baseline: a bare axum route of the same path that streams, from memory, the
//!   events of one real turn (recorded at start), with and without TCP_NODELAY.
//! - The load: N visitors (50 and 200), each with its own conversation and keep-alive
//!   connection, posing as its own address through X-Forwarded-For, sending a message,
//!   reading the whole SSE reply and sending the next at once. Time to first byte is
//!   from sending the request to the first byte of the SSE body (the first event).
//!   Turns finished in the counted window give turns/s and the latency quantiles.
//! - CPU per turn from `/proc`: this process (server and clients together) and the
//!   PostgreSQL backends of the bench's database.
//!
//! Run: `cargo bench -p mimi --bench chat_turn`. `CHAT_BENCH_SECONDS` (counted seconds
//! per run, 15), `CHAT_BENCH_ROUNDS` (2), `CHAT_BENCH_CLIENTS` (`50,200`). Without
//! `--bench` (as `cargo test --all-targets` runs it) a few turns check that it works.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "chat_turn/baseline.rs"]
mod baseline;
#[path = "chat_turn/cpu.rs"]
mod cpu;
#[path = "chat_turn/load.rs"]
mod load;
#[path = "chat_turn/pipeline.rs"]
mod pipeline;
#[path = "chat_turn/reply.rs"]
mod reply;

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use futures_util::future::BoxFuture;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use baseline::Recorded;
use load::{Load, Outcome, Plan};
use pipeline::{Embeddings, Pipeline};

/// Apps the visitors are spread over.
const APPS: usize = 10;

/// A server on a loopback port until [`Running::stop`].
pub struct Running {
    base: String,
    stop: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

impl Running {
    /// Runs `serve` (given the future that asks it to shut down) for the server at `addr`.
    pub fn spawn<F, Fut>(addr: SocketAddr, serve: F) -> Running
    where
        F: FnOnce(BoxFuture<'static, ()>) -> Fut,
        Fut: Future<Output = std::io::Result<()>> + Send + 'static,
    {
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(serve(Box::pin(async move {
            let _ = stopped.await;
        })));
        Running {
            base: format!("http://{addr}"),
            stop,
            task,
        }
    }

    /// Shuts it down and waits until it has.
    pub async fn stop(self) {
        let _ = self.stop.send(());
        self.task.await.unwrap().unwrap();
    }
}

/// What serves a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Server {
    Bare { nodelay: bool },
    Pipeline(Embeddings),
}

impl Server {
    fn name(self) -> &'static str {
        match self {
            Server::Bare { nodelay: true } => "bare axum SSE, TCP_NODELAY",
            Server::Bare { nodelay: false } => "bare axum SSE, Nagle on",
            Server::Pipeline(Embeddings::Real) => "Mimi pipeline",
            Server::Pipeline(Embeddings::Memoised) => "Mimi pipeline, memoised embedding",
        }
    }
}

const SERVERS: [Server; 4] = [
    Server::Bare { nodelay: true },
    Server::Bare { nodelay: false },
    Server::Pipeline(Embeddings::Real),
    Server::Pipeline(Embeddings::Memoised),
];

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

fn main() {
    // Formatted like `mimi serve`'s JSON logs, then thrown away: the request log's cost
    // is part of a turn, its lines are not part of the report.
    tracing_subscriber::fmt()
        .with_env_filter("info")
        .with_writer(std::io::sink)
        .json()
        .flatten_event(true)
        .with_current_span(false)
        .init();
    // One worker per core, as `mimi serve` runs.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(run());
}

async fn run() {
    // `cargo test --all-targets` runs benchmarks without `--bench`: a few turns then
    // check that the harness works; measuring is `cargo bench`'s.
    let measuring = std::env::args().any(|a| a == "--bench");
    let seconds: u64 = env("CHAT_BENCH_SECONDS").map_or(15, |s| s.parse().unwrap());
    let rounds: usize = env("CHAT_BENCH_ROUNDS").map_or(2, |s| s.parse().unwrap());
    let clients: Vec<usize> = env("CHAT_BENCH_CLIENTS").map_or(vec![50, 200], |s| {
        s.split(',').map(|c| c.trim().parse().unwrap()).collect()
    });
    println!(
        "{} vCPU, load average at start: {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu::load_average()
    );
    let pipeline = Pipeline::seed(if measuring { APPS } else { 2 }).await;
    let server = pipeline.serve(Embeddings::Real).await;
    let recorded = load::record_turn(&server.base, &pipeline.handles[0]).await;
    server.stop().await;
    let names: Vec<&str> = recorded.iter().map(|(name, _)| name.as_str()).collect();
    println!(
        "one turn's events: {} ({} delta, then {})",
        recorded.len(),
        names.iter().filter(|n| **n == "delta").count(),
        names[names.len().saturating_sub(2)..].join(", ")
    );

    if !measuring {
        smoke(&pipeline, &recorded).await;
        return;
    }
    let plan = Plan {
        warm_up: Duration::from_secs(3),
        measure: Duration::from_secs(seconds),
        turns_per_visitor: None,
    };
    println!(
        "\n{seconds} s counted per run after 3 s of warm-up, {rounds} rounds\n\n\
         | server | clients | turns/s | TTFB p50 | TTFB p99 | turn p50 | turn p99 | events/turn | bytes/turn | CPU ms/turn (bench process) | CPU ms/turn (Postgres) | load |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
    );
    let mut failed = 0;
    for _ in 0..rounds {
        for &n in &clients {
            for server in SERVERS {
                failed += measure(&pipeline, &recorded, server, n, plan).await;
            }
        }
    }
    assert_eq!(failed, 0, "every turn completes");
}

/// One run of `clients` visitors against `server`: prints its row, returns its errors.
async fn measure(
    pipeline: &Pipeline,
    recorded: &[Recorded],
    server: Server,
    clients: usize,
    plan: Plan,
) -> usize {
    pipeline.forget_counted_events().await;
    let (running, visitors) = start(pipeline, recorded, server, clients).await;
    let load = Load::start(visitors, plan);
    tokio::time::sleep_until(load.counting_from().into()).await;
    let before = cpu::Sample::take(&pipeline.db.pool).await;
    let load_at_start = cpu::load_average();
    tokio::time::sleep_until(load.counting_until().into()).await;
    let used = cpu::Sample::take(&pipeline.db.pool).await.since(&before);
    let outcome = load.finish().await;
    running.stop().await;
    print_row(server, clients, plan, &outcome, used, &load_at_start);
    for e in outcome.errors.iter().take(3) {
        println!("  error: {e}");
    }
    outcome.errors.len()
}

async fn start(
    pipeline: &Pipeline,
    recorded: &[Recorded],
    server: Server,
    clients: usize,
) -> (Running, Vec<load::Visitor>) {
    match server {
        Server::Bare { nodelay } => {
            let running = baseline::serve(recorded.to_vec(), nodelay).await;
            let visitors = load::bare_visitors(&running.base, clients);
            (running, visitors)
        }
        Server::Pipeline(embeddings) => {
            let running = pipeline.serve(embeddings).await;
            let visitors =
                load::start_conversations(&running.base, &pipeline.handles, clients).await;
            (running, visitors)
        }
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn print_row(
    server: Server,
    clients: usize,
    plan: Plan,
    outcome: &Outcome,
    used: cpu::Used,
    load_at_start: &str,
) {
    let turns = outcome.turns.max(1) as f64;
    let per_turn = |d: Duration| format!("{:.2}", d.as_secs_f64() * 1000.0 / turns);
    println!(
        "| {} | {clients} | {:.0} | {} | {} | {} | {} | {:.1} | {:.0} | {} | {} | {load_at_start} → {} |",
        server.name(),
        outcome.turns as f64 / plan.measure.as_secs_f64(),
        ms(load::quantile(&outcome.first_byte, 0.5)),
        ms(load::quantile(&outcome.first_byte, 0.99)),
        ms(load::quantile(&outcome.whole, 0.5)),
        ms(load::quantile(&outcome.whole, 0.99)),
        outcome.events as f64 / turns,
        outcome.bytes as f64 / turns,
        per_turn(used.process),
        per_turn(used.database),
        cpu::load_average(),
    );
}

/// The quick check: two visitors, two turns each, on every server.
async fn smoke(pipeline: &Pipeline, recorded: &[Recorded]) {
    let plan = Plan {
        warm_up: Duration::ZERO,
        measure: Duration::from_secs(120),
        turns_per_visitor: Some(2),
    };
    for server in SERVERS {
        let (running, visitors) = start(pipeline, recorded, server, 2).await;
        let outcome = Load::start(visitors, plan).finish().await;
        running.stop().await;
        assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
        assert_eq!(outcome.turns, 4, "{}: every turn completes", server.name());
        assert!(outcome.events >= 4 * 3, "deltas, sources and done");
        println!(
            "{}: {} turns, TTFB p50 {}",
            server.name(),
            outcome.turns,
            ms(load::quantile(&outcome.first_byte, 0.5))
        );
    }
}
