//! The measurements: latency of `mimi_knowledge::search` with a precomputed query vector,
//! and recall@10 of the vector search's SQL against an exact search.

use std::sync::Arc;
use std::time::{Duration, Instant};

use mimi_embed::{EmbedFuture, Embedder};
use mimi_knowledge::{Floors, Mode, Query, search};
use mimi_store::{PgPool, Tx, tenant};
use pgvector::Vector;
use rand::Rng;
use rand::rngs::StdRng;
use uuid::Uuid;

use crate::corpus::{DIM, MODEL, Space, question};
use crate::seed::App;

/// How far a question's vector lies from the passage it is about.
const QUERY_NOISE: f32 = 0.6;

/// One query: whose, about what, and its vector.
pub struct Probe {
    workspace: Uuid,
    app: Uuid,
    text: String,
    vector: Vec<f32>,
}

/// `n` queries over random apps: seven in ten near one of the app's passages, the rest
/// near one of its topics (a broader question).
pub fn probes(rng: &mut StdRng, space: &Space, apps: &[App], n: usize) -> Vec<Probe> {
    (0..n)
        .map(|_| {
            let app = &apps[rng.random_range(0..apps.len())];
            let (content, near) = &app.samples[rng.random_range(0..app.samples.len())];
            let vector = if rng.random::<f32>() < 0.7 {
                space.perturb(rng, near, QUERY_NOISE)
            } else {
                let topic = rng.random_range(0..app.topics.len());
                space.passage(rng, &app.topics[topic])
            };
            Probe {
                workspace: app.workspace,
                app: app.id,
                text: question(rng, content, app.japanese),
                vector,
            }
        })
        .collect()
}

impl Probe {
    /// What the probe asks.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// An embedder that already knows the answer, so embedding costs nothing.
#[derive(Debug)]
struct Fixed<'a>(&'a [f32]);

impl Embedder for Fixed<'_> {
    fn model(&self) -> &str {
        MODEL
    }
    fn dimensions(&self) -> usize {
        DIM
    }
    fn max_tokens(&self) -> usize {
        256
    }
    fn embed<'a>(&'a self, texts: &'a [String]) -> EmbedFuture<'a> {
        let out = vec![self.0.to_vec(); texts.len()];
        Box::pin(async move { Ok(out) })
    }
}

/// Runs each probe through `search` in `mode`, one after another: the latencies, and how
/// many queries returned at least one passage.
pub async fn latency(serving: &PgPool, probes: &[Probe], mode: Mode) -> (Vec<Duration>, usize) {
    let mut times = Vec::with_capacity(probes.len());
    let mut answered = 0;
    for p in probes {
        let query = Query {
            app_id: p.app,
            text: &p.text,
            k: 5,
            mode,
            floors: Floors::default(),
        };
        let started = Instant::now();
        let found = search(serving, p.workspace, &Fixed(&p.vector), &query)
            .await
            .unwrap();
        times.push(started.elapsed());
        answered += usize::from(!found.is_empty());
    }
    (times, answered)
}

/// `clients` sequential clients sharing the probes, hybrid: every latency, how many
/// queries found something, and the wall time.
pub async fn concurrent(
    serving: &PgPool,
    probes: Arc<Vec<Probe>>,
    clients: usize,
) -> (Vec<Duration>, usize, Duration) {
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            let (pool, probes) = (serving.clone(), probes.clone());
            tokio::spawn(async move {
                let (mut times, mut answered) = (Vec::new(), 0);
                for p in probes.iter().skip(c).step_by(clients) {
                    let (t, a) = latency(&pool, std::slice::from_ref(p), Mode::Hybrid).await;
                    times.extend(t);
                    answered += a;
                }
                (times, answered)
            })
        })
        .collect();
    let (mut all, mut answered) = (Vec::new(), 0);
    for t in tasks {
        let (times, a) = t.await.unwrap();
        all.extend(times);
        answered += a;
    }
    (all, answered, started.elapsed())
}

/// `p50 / p95 / p99 / max` in milliseconds.
pub fn percentiles(mut times: Vec<Duration>) -> [f64; 4] {
    times.sort();
    let at = |q: f64| {
        let i = ((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1;
        times[i].as_secs_f64() * 1e3
    };
    [at(0.50), at(0.95), at(0.99), at(1.0)]
}

/// How the vector search runs: the HNSW knobs, and whether every other plan is disabled.
pub struct Setting {
    /// Shown in the report.
    pub name: &'static str,
    /// `hnsw.ef_search`.
    pub ef_search: i32,
    /// `hnsw.iterative_scan`.
    pub iterative: &'static str,
    /// Seq scans, bitmap scans and sorts disabled, so only the HNSW index can answer.
    pub forced: bool,
    /// How many neighbours: 10, or `retrieve.rs`'s 40 candidates.
    pub limit: usize,
    /// `hnsw.max_scan_tuples`: when an iterative scan gives up (pgvector's default 20,000).
    pub max_scan: u32,
}

/// The vector search of `retrieve.rs` for an app above `EXACT_SEARCH_UP_TO` passages
/// (the branch that may use the HNSW index), top `$4`.
const NEAREST: &str = "select id from knowledge_chunks \
     where app_id = $1 and embedding_model = $3 and vector_dims(embedding) = 384 \
     order by embedding::vector(384) <=> $2::vector(384) limit $4";

async fn configure(tx: &mut Tx, s: &Setting) {
    sqlx::query(
        "select set_config('hnsw.iterative_scan', $1, true), set_config('hnsw.ef_search', $2, true), \
         set_config('hnsw.max_scan_tuples', $3, true)",
    )
    .bind(s.iterative)
    .bind(s.ef_search.to_string())
    .bind(s.max_scan.to_string())
        .execute(&mut **tx)
        .await
        .unwrap();
    if s.forced {
        sqlx::raw_sql("set local enable_seqscan = off; set local enable_bitmapscan = off; set local enable_sort = off")
            .execute(&mut **tx)
            .await
            .unwrap();
    }
}

async fn nearest(tx: &mut Tx, p: &Probe, limit: usize) -> Vec<Uuid> {
    // Not a cached prepared statement: a generic plan cached under one setting would be
    // reused under the next, whatever `set local` says.
    sqlx::query_scalar(NEAREST)
        .persistent(false)
        .bind(p.app)
        .bind(Vector::from(p.vector.clone()))
        .bind(MODEL)
        .bind(limit as i64)
        .fetch_all(&mut **tx)
        .await
        .unwrap()
}

/// The exact top `limit` of each probe, best first: the same query with index scans
/// disabled, so it reads the app's passages through the btree (bitmap) and sorts them.
pub async fn exact(
    serving: &PgPool,
    probes: &[Probe],
    limit: usize,
) -> (Vec<Vec<Uuid>>, Vec<Duration>) {
    let mut out = Vec::with_capacity(probes.len());
    let mut times = Vec::with_capacity(probes.len());
    for p in probes {
        let mut tx = tenant::tenant(serving, p.workspace, None).await.unwrap();
        sqlx::raw_sql("set local enable_indexscan = off")
            .execute(&mut *tx)
            .await
            .unwrap();
        let started = Instant::now();
        out.push(nearest(&mut tx, p, limit).await);
        times.push(started.elapsed());
        tx.commit().await.unwrap();
    }
    (out, times)
}

/// What one setting achieved.
pub struct Recall {
    /// Share of the exact top `limit` found.
    pub recall: f64,
    /// Time of each query.
    pub times: Vec<Duration>,
    /// Queries that returned fewer rows than asked (the iterative scan gave up).
    pub short: usize,
}

/// Recall@`setting.limit` of `setting` against `truth`.
pub async fn recall(
    serving: &PgPool,
    probes: &[Probe],
    truth: &[Vec<Uuid>],
    setting: &Setting,
) -> Recall {
    let (mut found, mut wanted, mut short) = (0usize, 0usize, 0);
    let mut times = Vec::with_capacity(probes.len());
    for (p, exact) in probes.iter().zip(truth) {
        let mut tx = tenant::tenant(serving, p.workspace, None).await.unwrap();
        configure(&mut tx, setting).await;
        let started = Instant::now();
        let got = nearest(&mut tx, p, setting.limit).await;
        times.push(started.elapsed());
        tx.commit().await.unwrap();
        let exact = &exact[..setting.limit.min(exact.len())];
        wanted += exact.len();
        found += exact.iter().filter(|id| got.contains(id)).count();
        short += usize::from(got.len() < exact.len());
    }
    Recall {
        recall: found as f64 / wanted.max(1) as f64,
        times,
        short,
    }
}

/// `explain analyze` of `p` under `setting`, the vector literal elided.
pub async fn explain(serving: &PgPool, p: &Probe, setting: &Setting) -> String {
    let mut tx = tenant::tenant(serving, p.workspace, None).await.unwrap();
    configure(&mut tx, setting).await;
    let lines: Vec<String> = sqlx::query_scalar(&format!("explain (analyze, costs off) {NEAREST}"))
        .bind(p.app)
        .bind(Vector::from(p.vector.clone()))
        .bind(MODEL)
        .bind(setting.limit as i64)
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    lines
        .iter()
        .map(|l| elide(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The plan Postgres would cache for the prepared statement after five executions
/// (`explain (generic_plan)`, PostgreSQL 16), for the serving role in `p`'s tenant.
pub async fn generic_plan(serving: &PgPool, p: &Probe) -> String {
    let mut tx = tenant::tenant(serving, p.workspace, None).await.unwrap();
    let rows = sqlx::raw_sql(&format!("explain (generic_plan) {NEAREST}"))
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    rows.iter()
        .map(|r| sqlx::Row::get::<String, _>(r, 0))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `explain analyze` of the statement `mimi_knowledge::search` runs for `p` in `mode`.
pub async fn explain_search(serving: &PgPool, p: &Probe, mode: Mode) -> String {
    let query = Query {
        app_id: p.app,
        text: &p.text,
        k: 5,
        mode,
        floors: Floors::default(),
    };
    let lines = mimi_knowledge::explain(serving, p.workspace, &Fixed(&p.vector), &query)
        .await
        .unwrap();
    lines
        .iter()
        .map(|l| elide(l))
        .collect::<Vec<_>>()
        .join("\n")
}

fn elide(line: &str) -> String {
    match (line.find("'["), line.find("]'")) {
        (Some(a), Some(b)) if b > a => format!("{}'[…]'{}", &line[..a], &line[b + 2..]),
        _ => line.to_owned(),
    }
}
