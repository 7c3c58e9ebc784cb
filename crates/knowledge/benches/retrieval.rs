//! Retrieval speed and HNSW recall at the scale of issue 5's acceptance: 100,000 passages
//! over 1,000 apps (100 workspaces of 10 apps, 100 passages each) on testkit's embedded
//! PostgreSQL 16 + pgvector.
//!
//! 1. Seeds a fresh database with a synthetic corpus (see `retrieval/corpus.rs` for how
//!    its text and vectors are made, and why), then builds the HNSW index.
//! 2. Latency: queries over random apps through the real [`mimi_knowledge::search`] on
//!    the serving pool (Row-Level Security), hybrid, vector-only and keyword-only, k = 5,
//!    default floors, with an embedder returning a precomputed vector so that embedding
//!    is excluded; one client, then two concurrent clients.
//! 3. Recall@10 of the vector search's SQL for apps above `EXACT_SEARCH_UP_TO` (the
//!    branch that may use the HNSW index; smaller apps are searched exactly) against the
//!    exact top 10, with the planner free to choose and with the HNSW index forced, for
//!    several `hnsw.ef_search` values, and the plans chosen; then the plan of the whole
//!    search statement.
//!
//! Run: `cargo bench -p mimi-knowledge --bench retrieval`. Smaller runs for trying things
//! out: `RETRIEVAL_APPS=100 RETRIEVAL_QUERIES=200`; `RETRIEVAL_REBUILD=1` also rebuilds
//! the index with larger `m`/`ef_construction` and measures forced recall again.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "retrieval/corpus.rs"]
mod corpus;
#[path = "retrieval/measure.rs"]
mod measure;
#[path = "retrieval/seed.rs"]
mod seed;

use std::sync::Arc;
use std::time::Instant;

use mimi_knowledge::Mode;
use mimi_store::PgPool;
use mimi_testkit::TestDb;

use measure::{Probe, Setting};

const WARM_UP: usize = 200;
const RECALL_QUERIES: usize = 200;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(run());
}

async fn run() {
    // `cargo test --all-targets` runs benchmarks without `--bench`: a small run then
    // checks that the harness works; measuring is `cargo bench`'s.
    let measuring = std::env::args().any(|a| a == "--bench");
    let (apps, queries) = if measuring {
        (
            env("RETRIEVAL_APPS", 1_000),
            env("RETRIEVAL_QUERIES", 1_000),
        )
    } else {
        (4, 10)
    };
    println!("load average at start: {}", load());
    let db = TestDb::new().await;
    let version: String =
        sqlx::query_scalar("select extversion from pg_extension where extname = 'vector'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    println!("pgvector {version}");

    let mut rng = corpus::rng(5);
    let space = corpus::Space::new(&mut rng);
    let [topic, app, other] = space.describe(&mut rng, 50);
    println!(
        "mean cosine: same topic {topic:.3}, same app other topic {app:.3}, other app {other:.3}"
    );
    let started = Instant::now();
    let (apps, t) = seed::seed(&db.pool, &mut rng, &space, apps).await;
    let chunks: i64 = sqlx::query_scalar("select count(*) from knowledge_chunks")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    println!(
        "seeded {chunks} passages over {} apps in {:.1} s (generate {:.1} s, insert + analyze {:.1} s); HNSW build {:.1} s",
        apps.len(),
        started.elapsed().as_secs_f64(),
        t.generate.as_secs_f64(),
        t.load.as_secs_f64(),
        t.index.as_secs_f64()
    );
    print_sizes(&db.pool).await;

    let serving = db.serving_pool().await;
    let probes = measure::probes(&mut rng, &space, &apps, WARM_UP + queries);
    let (warm, timed) = probes.split_at(WARM_UP);
    for mode in [Mode::Hybrid, Mode::Vector, Mode::Keyword] {
        measure::latency(&serving, warm, mode).await;
    }
    let mut slowest = [0, 0];
    println!("\n| mode | queries | answered | p50 ms | p95 ms | p99 ms | max ms |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (name, mode) in [
        ("hybrid", Mode::Hybrid),
        ("vector", Mode::Vector),
        ("keyword", Mode::Keyword),
    ] {
        let (times, answered) = measure::latency(&serving, timed, mode).await;
        if mode == Mode::Hybrid {
            slowest = slowest_two(&times);
        }
        row(name, times, answered);
    }
    let timed: Arc<Vec<Probe>> = Arc::new(probes.into_iter().skip(WARM_UP).collect());
    let (times, answered, wall) = measure::concurrent(&serving, timed.clone(), 2).await;
    let n = times.len();
    row("hybrid, 2 clients", times, answered);
    println!("2 clients: {:.0} queries/s", n as f64 / wall.as_secs_f64());

    recall(
        &db.pool,
        &serving,
        &timed[..RECALL_QUERIES.min(timed.len())],
    )
    .await;
    for (what, p) in [("a hybrid search", &timed[0])]
        .into_iter()
        .chain(slowest.map(|i| ("one of the two slowest hybrid searches", &timed[i])))
    {
        println!(
            "\nplan of {what}, query {:?}:\n{}",
            p.text(),
            measure::explain_search(&serving, p, Mode::Hybrid).await
        );
    }
    println!("load average at end: {}", load());
}

/// The positions of the two longest times.
fn slowest_two(times: &[std::time::Duration]) -> [usize; 2] {
    let mut order: Vec<usize> = (0..times.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(times[i]));
    [order[0], order.get(1).copied().unwrap_or(order[0])]
}

fn row(name: &str, times: Vec<std::time::Duration>, answered: usize) {
    let n = times.len();
    let [p50, p95, p99, max] = measure::percentiles(times);
    println!("| {name} | {n} | {answered} | {p50:.2} | {p95:.2} | {p99:.2} | {max:.2} |");
}

async fn print_sizes(admin: &PgPool) {
    let sizes: (String, String) = sqlx::query_as(
        "select pg_size_pretty(pg_total_relation_size('knowledge_chunks')), \
         pg_size_pretty(pg_relation_size('knowledge_chunks_hnsw_384'))",
    )
    .fetch_one(admin)
    .await
    .unwrap();
    println!(
        "knowledge_chunks {} in all, HNSW index {}",
        sizes.0, sizes.1
    );
}

const fn setting(
    name: &'static str,
    ef_search: i32,
    iterative: &'static str,
    forced: bool,
    limit: usize,
) -> Setting {
    Setting {
        name,
        ef_search,
        iterative,
        forced,
        limit,
        max_scan: 20_000,
    }
}

/// `setting` with another `hnsw.max_scan_tuples`.
const fn max_scan(s: Setting, max_scan: u32) -> Setting {
    Setting { max_scan, ..s }
}

const RELAXED: &str = "relaxed_order";

const SETTINGS: [Setting; 11] = [
    setting("planner's choice, ef 80, top 10", 80, RELAXED, false, 10),
    setting(
        "planner's choice, ef 80, top 40 (retrieve.rs, large apps)",
        80,
        RELAXED,
        false,
        40,
    ),
    setting("HNSW forced, ef 40, top 10", 40, RELAXED, true, 10),
    setting("HNSW forced, ef 80, top 10", 80, RELAXED, true, 10),
    setting("HNSW forced, ef 200, top 10", 200, RELAXED, true, 10),
    setting("HNSW forced, ef 400, top 10", 400, RELAXED, true, 10),
    setting("HNSW forced, ef 80, top 40", 80, RELAXED, true, 40),
    setting(
        "HNSW forced, ef 80, strict_order, top 10",
        80,
        "strict_order",
        true,
        10,
    ),
    setting(
        "HNSW forced, ef 200, strict_order, top 10",
        200,
        "strict_order",
        true,
        10,
    ),
    setting(
        "HNSW forced, ef 80, no iterative scan, top 10",
        80,
        "off",
        true,
        10,
    ),
    max_scan(
        setting(
            "HNSW forced, ef 80, top 40, max_scan_tuples 2000",
            80,
            RELAXED,
            true,
            40,
        ),
        2_000,
    ),
];

async fn recall(admin: &PgPool, serving: &PgPool, probes: &[Probe]) {
    let (truth, times) = measure::exact(serving, probes, 40).await;
    println!(
        "\n| vector search ({} queries) | recall | short answers | p50 ms | p95 ms |",
        probes.len()
    );
    println!("| --- | ---: | ---: | ---: | ---: |");
    let [p50, p95, ..] = measure::percentiles(times);
    println!("| exact: btree on app_id + sort, top 40 | 1 | 0 | {p50:.2} | {p95:.2} |");
    for s in &SETTINGS {
        recall_row(serving, probes, &truth, s, "").await;
    }
    for s in [&SETTINGS[0], &SETTINGS[1], &SETTINGS[3]] {
        println!(
            "\nplan, {}:\n{}",
            s.name,
            measure::explain(serving, &probes[0], s).await
        );
    }
    println!(
        "\ngeneric plan:\n{}",
        measure::generic_plan(serving, &probes[0]).await
    );
    if std::env::var_os("RETRIEVAL_REBUILD").is_some() {
        let definition = seed::hnsw_index("with (m = 32, ef_construction = 128)");
        let took = seed::build_index(admin, &definition).await;
        println!(
            "\nrebuilt with m = 32, ef_construction = 128 in {:.1} s",
            took.as_secs_f64()
        );
        for s in &SETTINGS[2..7] {
            recall_row(serving, probes, &truth, s, " (m 32)").await;
        }
    }
}

async fn recall_row(
    serving: &PgPool,
    probes: &[Probe],
    truth: &[Vec<uuid::Uuid>],
    s: &Setting,
    note: &str,
) {
    let r = measure::recall(serving, probes, truth, s).await;
    let [p50, p95, ..] = measure::percentiles(r.times);
    println!(
        "| {}{note} | {:.3} | {} | {p50:.2} | {p95:.2} |",
        s.name, r.recall, r.short
    );
}
