//! Loads the synthetic corpus as the administrator: workspaces (each with an owner, as
//! the schema requires), apps, items and passages, with multi-row `unnest` inserts; then
//! builds the HNSW index once, after the data, as a bulk import would.

use std::time::{Duration, Instant};

use mimi_knowledge::text;
use mimi_store::PgPool;
use pgvector::Vector;
use rand::Rng;
use rand::rngs::StdRng;
use uuid::Uuid;

use crate::corpus::{MODEL, Space, Words};

/// Apps per workspace.
const APPS_PER_WORKSPACE: usize = 10;
/// Passages per app.
pub const CHUNKS_PER_APP: usize = 100;
/// Passages per item.
const CHUNKS_PER_ITEM: usize = 4;
/// Passages of each app kept in memory to ask questions about.
const KEPT: usize = 5;
/// Apps loaded per round trip.
const BATCH_APPS: usize = 20;

/// The index under test, as the migration defines it, with storage parameters `with`
/// (`""` for the defaults).
pub fn hnsw_index(with: &str) -> String {
    format!(
        "create index knowledge_chunks_hnsw_384 on knowledge_chunks \
         using hnsw ((embedding::vector(384)) vector_cosine_ops) {with} \
         where vector_dims(embedding) = 384"
    )
}

/// An app of the corpus and what queries need to know about it.
pub struct App {
    /// Its tenant.
    pub workspace: Uuid,
    /// Its id.
    pub id: Uuid,
    /// Whether it writes Japanese.
    pub japanese: bool,
    /// Its topic centres.
    pub topics: Vec<Vec<f32>>,
    /// A few of its passages: text and vector.
    pub samples: Vec<(String, Vec<f32>)>,
}

/// How long loading took.
pub struct Timings {
    /// Generating text, lexemes and vectors (client side).
    pub generate: Duration,
    /// Inserting every row, then `analyze`.
    pub load: Duration,
    /// `create index … using hnsw`.
    pub index: Duration,
}

/// Loads `apps` apps of `CHUNKS_PER_APP` passages.
pub async fn seed(
    admin: &PgPool,
    rng: &mut StdRng,
    space: &Space,
    apps: usize,
) -> (Vec<App>, Timings) {
    let words = Words::new();
    let mut t = Timings {
        generate: Duration::ZERO,
        load: Duration::ZERO,
        index: Duration::ZERO,
    };
    let started = Instant::now();
    sqlx::raw_sql("drop index knowledge_chunks_hnsw_384")
        .execute(admin)
        .await
        .unwrap();
    let tenants = tenants(admin, apps).await;
    t.load += started.elapsed();
    let mut all = Vec::with_capacity(apps);
    for batch in tenants.chunks(BATCH_APPS) {
        let g = Instant::now();
        let mut rows = Rows::default();
        for (i, &(workspace, id)) in batch.iter().enumerate() {
            let japanese = (all.len() + i) % 10 == 0;
            all.push(app(rng, space, &words, &mut rows, workspace, id, japanese));
        }
        t.generate += g.elapsed();
        let l = Instant::now();
        rows.insert(admin).await;
        t.load += l.elapsed();
    }
    let l = Instant::now();
    sqlx::raw_sql("analyze").execute(admin).await.unwrap();
    t.load += l.elapsed();
    t.index = build_index(admin, &hnsw_index("")).await;
    (all, t)
}

/// Drops and rebuilds the HNSW index with `definition`; how long the build took.
pub async fn build_index(admin: &PgPool, definition: &str) -> Duration {
    let mut conn = admin.acquire().await.unwrap();
    sqlx::raw_sql(
        "drop index if exists knowledge_chunks_hnsw_384; set maintenance_work_mem = '1GB'",
    )
    .execute(&mut *conn)
    .await
    .unwrap();
    let started = Instant::now();
    sqlx::raw_sql(definition).execute(&mut *conn).await.unwrap();
    let took = started.elapsed();
    sqlx::raw_sql("reset maintenance_work_mem; analyze knowledge_chunks")
        .execute(&mut *conn)
        .await
        .unwrap();
    took
}

/// `apps / APPS_PER_WORKSPACE` workspaces with an owner each, and the apps: (workspace, app).
async fn tenants(admin: &PgPool, apps: usize) -> Vec<(Uuid, Uuid)> {
    let n = apps.div_ceil(APPS_PER_WORKSPACE);
    let workspaces: Vec<Uuid> = (0..n).map(|_| Uuid::new_v4()).collect();
    let accounts: Vec<Uuid> = (0..n).map(|_| Uuid::new_v4()).collect();
    let pairs: Vec<(Uuid, Uuid)> = (0..apps)
        .map(|i| (workspaces[i / APPS_PER_WORKSPACE], Uuid::new_v4()))
        .collect();
    let (app_ws, app_ids): (Vec<Uuid>, Vec<Uuid>) = pairs.iter().copied().unzip();
    let mut tx = admin.begin().await.unwrap();
    let statements = [
        "insert into accounts (id, name, email, password_hash) \
         select a, 'owner', a::text || '@example.com', 'x' from unnest($2::uuid[]) a",
        "insert into workspaces (id, name) select w, 'workspace' from unnest($1::uuid[]) w",
        "insert into workspace_members (workspace_id, account_id, role) \
         select w, a, 'owner' from unnest($1::uuid[], $2::uuid[]) as m(w, a)",
        "insert into apps (id, workspace_id, handle, name) \
         select a, w, 'app-' || left(a::text, 8) || right(a::text, 8), 'App' \
         from unnest($3::uuid[], $4::uuid[]) as t(a, w)",
    ];
    for sql in statements {
        sqlx::query(sql)
            .bind(&workspaces)
            .bind(&accounts)
            .bind(&app_ids)
            .bind(&app_ws)
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    pairs
}

/// Generates one app's items and passages into `rows`.
fn app(
    rng: &mut StdRng,
    space: &Space,
    words: &Words,
    rows: &mut Rows,
    workspace: Uuid,
    id: Uuid,
    japanese: bool,
) -> App {
    let topics = space.app_topics(rng);
    let topical = words.app_words(rng, japanese);
    let mut samples = Vec::with_capacity(KEPT);
    let mut item = Uuid::nil();
    let mut title = String::new();
    for n in 0..CHUNKS_PER_APP {
        let position = n % CHUNKS_PER_ITEM;
        if position == 0 {
            item = Uuid::new_v4();
            title = words.text(rng, &topical, japanese, 5);
            rows.items.push((item, workspace, id, title.clone()));
        }
        let content = words.passage(rng, &topical, japanese);
        let topic = rng.random_range(0..topics.len());
        let vector = space.passage(rng, &topics[topic]);
        if samples.len() < KEPT {
            samples.push((content.clone(), vector.clone()));
        }
        rows.chunk_ids.push(Uuid::new_v4());
        rows.chunk_ws.push(workspace);
        rows.chunk_apps.push(id);
        rows.chunk_items.push(item);
        rows.positions.push(position as i32);
        rows.lexemes.push(text::tsvector(&title, &content));
        rows.contents.push(content);
        rows.vectors.push(Vector::from(vector));
    }
    App {
        workspace,
        id,
        japanese,
        topics,
        samples,
    }
}

/// One batch of rows, column by column.
#[derive(Default)]
struct Rows {
    items: Vec<(Uuid, Uuid, Uuid, String)>,
    chunk_ids: Vec<Uuid>,
    chunk_ws: Vec<Uuid>,
    chunk_apps: Vec<Uuid>,
    chunk_items: Vec<Uuid>,
    positions: Vec<i32>,
    contents: Vec<String>,
    lexemes: Vec<String>,
    vectors: Vec<Vector>,
}

impl Rows {
    async fn insert(self, admin: &PgPool) {
        let mut tx = admin.begin().await.unwrap();
        let (ids, ws, apps, titles): (Vec<Uuid>, Vec<Uuid>, Vec<Uuid>, Vec<String>) = self
            .items
            .into_iter()
            .fold(Default::default(), |mut acc, (i, w, a, t)| {
                acc.0.push(i);
                acc.1.push(w);
                acc.2.push(a);
                acc.3.push(t);
                acc
            });
        sqlx::query(
            "insert into knowledge_items (id, workspace_id, app_id, kind, title, status, indexed_at) \
             select i, w, a, 'page', t, 'ready', now() \
             from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) as x(i, w, a, t)",
        )
        .bind(&ids)
        .bind(&ws)
        .bind(&apps)
        .bind(&titles)
        .execute(&mut *tx)
        .await
        .unwrap();
        sqlx::query(
            "insert into knowledge_chunks (id, workspace_id, app_id, item_id, position, content, \
             lexemes, embedding, embedding_model) \
             select i, w, a, it, p, c, l::tsvector, e, $9 from unnest($1::uuid[], $2::uuid[], \
             $3::uuid[], $4::uuid[], $5::int[], $6::text[], $7::text[], $8::vector[]) \
             as x(i, w, a, it, p, c, l, e)",
        )
        .bind(&self.chunk_ids)
        .bind(&self.chunk_ws)
        .bind(&self.chunk_apps)
        .bind(&self.chunk_items)
        .bind(&self.positions)
        .bind(&self.contents)
        .bind(&self.lexemes)
        .bind(&self.vectors)
        .bind(MODEL)
        .execute(&mut *tx)
        .await
        .unwrap();
        tx.commit().await.unwrap();
    }
}
