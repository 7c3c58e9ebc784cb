//! The indexing worker: claims queued items (`FOR UPDATE SKIP LOCKED`, with a lease, so
//! several `mimi` processes share the queue and a crashed one's work comes back),
//! extracts their text, cuts it into passages, embeds them, and swaps the item's
//! passages in one transaction. Work for an item that was edited meanwhile is thrown
//! away: the edit queued the new revision.

use std::sync::Arc;
use std::time::Duration;

use mimi_domain::{Error, Result};
use mimi_embed::Embedder;
use mimi_store::{PgPool, tenant};
use pgvector::Vector;
use sqlx::postgres::PgListener;
use tokio::sync::watch;
use uuid::Uuid;

use crate::chunk::{self, ChunkSize, Passage};
use crate::embedding::Embedding;
use crate::items::CHANNEL;
use crate::limits::Limits;
use crate::model::ItemKind;
use crate::source::{self, Extracted, Fetching, SourceError};
use crate::text;

/// How long a claimed job is a worker's before another may take it over.
const LEASE: Duration = Duration::from_secs(10 * 60);
/// Tries before an item fails for good with `indexing_failed`.
const MAX_ATTEMPTS: i32 = 5;
/// How often an idle worker looks for due retries without being woken.
const POLL: Duration = Duration::from_secs(5);

/// Indexes queued items.
#[derive(Clone)]
pub struct Indexer {
    pool: PgPool,
    embedding: Arc<Embedding>,
    fetching: Arc<Fetching>,
    limits: Limits,
    /// The vector sizes whose HNSW index is known to exist.
    indexed_dims: Arc<std::sync::Mutex<Vec<usize>>>,
}

/// A claimed job.
struct Job {
    item_id: Uuid,
    workspace_id: Uuid,
    revision: i32,
    attempts: i32,
}

/// The item as the worker reads it.
#[derive(sqlx::FromRow)]
struct Source {
    app_id: Uuid,
    kind: String,
    title: String,
    body: String,
    link: Option<String>,
    upload: Option<Vec<u8>>,
    char_count: i32,
}

impl std::fmt::Debug for Indexer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Indexer")
            .field("embedding", &self.embedding)
            .finish()
    }
}

impl Indexer {
    /// A worker on the serving pool, embedding with `embedding`.
    pub fn new(
        pool: PgPool,
        embedding: Arc<Embedding>,
        fetching: Arc<Fetching>,
        limits: Limits,
    ) -> Indexer {
        Indexer {
            pool,
            embedding,
            fetching,
            limits,
            indexed_dims: Arc::default(),
        }
    }

    /// Makes sure the HNSW index for vectors of `dims` exists (the 384 of the local model
    /// comes with the schema).
    async fn ensure_vector_index(&self, dims: usize) -> Result<()> {
        if self
            .indexed_dims
            .lock()
            .map(|d| d.contains(&dims))
            .unwrap_or(false)
        {
            return Ok(());
        }
        sqlx::query("select knowledge_ensure_vector_index($1)")
            .bind(i32::try_from(dims).unwrap_or(0))
            .execute(&self.pool)
            .await?;
        if let Ok(mut d) = self.indexed_dims.lock() {
            d.push(dims);
        }
        Ok(())
    }

    /// Queues every item whose passages were embedded by another model, so that a change
    /// of model re-embeds everything in the background. Returns how many were queued.
    pub async fn queue_stale(&self) -> Result<u64> {
        let embedder = self.embedding.get().await?;
        let (n,): (i64,) = sqlx::query_as("select knowledge_enqueue_stale($1)")
            .bind(embedder.model())
            .fetch_one(&self.pool)
            .await?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// Processes due jobs until none is left; returns how many it processed.
    pub async fn run_once(&self) -> Result<usize> {
        let mut done = 0;
        while let Some(job) = self.claim().await? {
            self.process(job).await?;
            done += 1;
        }
        Ok(done)
    }

    /// Runs until `shutdown` turns true: queues stale items once, then processes jobs as
    /// they are queued (woken by `NOTIFY`, and every few seconds for retries).
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        match self.queue_stale().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(items = n, "re-embedding items for the new model"),
            Err(e) => tracing::error!(error = %e, "could not queue items for re-embedding"),
        }
        let mut listener = match PgListener::connect_with(&self.pool).await {
            Ok(mut l) => l.listen(CHANNEL).await.ok().map(|()| l),
            Err(_) => None,
        };
        loop {
            if let Err(e) = self.run_once().await {
                tracing::error!(error = %e, "knowledge indexing failed");
            }
            let wake = async {
                match listener.as_mut() {
                    Some(l) => {
                        let _ = tokio::time::timeout(POLL, l.recv()).await;
                    }
                    None => tokio::time::sleep(POLL).await,
                }
            };
            tokio::select! {
                () = wake => {}
                _ = shutdown.changed() => {}
            }
            if *shutdown.borrow() {
                return;
            }
        }
    }

    async fn claim(&self) -> Result<Option<Job>> {
        let row: Option<(Uuid, Uuid, i32, i32)> = sqlx::query_as(
            "select item_id, workspace_id, revision, attempts from knowledge_claim_job($1)",
        )
        .bind(i32::try_from(LEASE.as_secs()).unwrap_or(600))
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(item_id, workspace_id, revision, attempts)| Job {
            item_id,
            workspace_id,
            revision,
            attempts,
        }))
    }

    async fn process(&self, job: Job) -> Result<()> {
        let embedder = match self.embedding.get().await {
            Ok(e) => e,
            Err(e) => {
                return self
                    .retry_or_fail(&job, "embedding_unavailable", &e.to_string())
                    .await;
            }
        };
        let Some(source) = self.start(&job).await? else {
            return Ok(());
        };
        match self.passages(&*embedder, &source).await {
            Ok(extracted) => match embed(&*embedder, &source, &extracted).await {
                Ok(vectors) => {
                    self.finish(&job, &source, &extracted, vectors, embedder.model())
                        .await
                }
                Err(e) => {
                    self.retry_or_fail(&job, "embedding_failed", &e.to_string())
                        .await
                }
            },
            Err(SourceError::Permanent { code, message }) => self.fail(&job, code, &message).await,
            Err(SourceError::Transient { code, message }) => {
                self.retry_or_fail(&job, code, &message).await
            }
        }
    }

    /// Marks the item `indexing` and reads it; `None` when it is gone or was edited.
    async fn start(&self, job: &Job) -> Result<Option<Source>> {
        let mut tx = tenant::tenant(&self.pool, job.workspace_id, None).await?;
        let source: Option<Source> = sqlx::query_as(
            "update knowledge_items i set status = 'indexing', failure_code = null, failure_message = null \
             where i.id = $1 and i.revision = $2 returning i.app_id, i.kind, i.title, i.body, i.link, \
             (select u.bytes from knowledge_uploads u where u.item_id = i.id) as upload, i.char_count",
        )
        .bind(job.item_id)
        .bind(job.revision)
        .fetch_optional(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(source)
    }

    async fn passages(
        &self,
        embedder: &dyn Embedder,
        source: &Source,
    ) -> std::result::Result<Extracted, SourceError> {
        let kind = ItemKind::parse(&source.kind).unwrap_or(ItemKind::Page);
        let size = ChunkSize::for_model(embedder.max_tokens());
        let extracted = source::extract(
            &self.fetching,
            kind,
            &source.title,
            &source.body,
            source.link.as_deref(),
            source.upload.as_deref(),
        )
        .await?;
        let passages = match kind {
            ItemKind::Faq => vec![Passage {
                section: String::new(),
                content: format!("{}\n{}", source.title, source.body),
            }],
            _ => chunk::chunk(&mimi_ingest::markdown(&extracted.body), size),
        };
        Ok(Extracted {
            passages,
            ..extracted
        })
    }

    /// Swaps the item's passages for the new ones and marks it ready, unless it was
    /// edited meanwhile.
    async fn finish(
        &self,
        job: &Job,
        source: &Source,
        extracted: &Extracted,
        vectors: Vec<Vector>,
        model: &str,
    ) -> Result<()> {
        if let Some(v) = vectors.first() {
            self.ensure_vector_index(v.as_slice().len()).await?;
        }
        let mut tx = tenant::tenant(&self.pool, job.workspace_id, None).await?;
        let current: Option<(i32,)> =
            sqlx::query_as("select revision from knowledge_items where id = $1 for update")
                .bind(job.item_id)
                .fetch_optional(&mut *tx)
                .await?;
        if current != Some((job.revision,)) {
            return Ok(());
        }
        let chars = extracted.title.chars().count() + extracted.body.chars().count();
        if chars > usize::try_from(source.char_count).unwrap_or(0) {
            let (_, used) = crate::items::lock_app(&mut tx, source.app_id).await?;
            let others = used.saturating_sub(usize::try_from(source.char_count).unwrap_or(0));
            if let Err(e) = self.limits.check_chars(others, chars) {
                drop(tx);
                return self.fail(job, e.code(), &e.to_string()).await;
            }
        }
        sqlx::query("delete from knowledge_chunks where item_id = $1")
            .bind(job.item_id)
            .execute(&mut *tx)
            .await?;
        for (position, (passage, vector)) in extracted.passages.iter().zip(vectors).enumerate() {
            let lexemes = text::tsvector(
                &format!("{} {}", extracted.title, passage.section),
                &passage.content,
            );
            sqlx::query(
                "insert into knowledge_chunks (id, workspace_id, app_id, item_id, position, section, content, \
                 lexemes, embedding, embedding_model) values ($1, $2, $3, $4, $5, $6, $7, $8::tsvector, $9, $10)",
            )
            .bind(Uuid::now_v7())
            .bind(job.workspace_id)
            .bind(source.app_id)
            .bind(job.item_id)
            .bind(i32::try_from(position).unwrap_or(i32::MAX))
            .bind(&passage.section)
            .bind(&passage.content)
            .bind(lexemes)
            .bind(vector)
            .bind(model)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "update knowledge_items set status = 'ready', title = $2, body = $3, char_count = $4, \
             indexed_at = now(), failure_code = null, failure_message = null where id = $1",
        )
        .bind(job.item_id)
        .bind(&extracted.title)
        .bind(&extracted.body)
        .bind(i32::try_from(chars).unwrap_or(i32::MAX))
        .execute(&mut *tx)
        .await?;
        sqlx::query("delete from knowledge_uploads where item_id = $1")
            .bind(job.item_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("delete from knowledge_jobs where item_id = $1 and revision = $2")
            .bind(job.item_id)
            .bind(job.revision)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Fails the item for good with a reason its owner can read.
    async fn fail(&self, job: &Job, code: &str, message: &str) -> Result<()> {
        tracing::info!(item = %job.item_id, code, "knowledge item failed to index");
        let mut tx = tenant::tenant(&self.pool, job.workspace_id, None).await?;
        sqlx::query(
            "update knowledge_items set status = 'failed', failure_code = $3, failure_message = $4 \
             where id = $1 and revision = $2",
        )
        .bind(job.item_id)
        .bind(job.revision)
        .bind(code)
        .bind(message)
        .execute(&mut *tx)
        .await?;
        sqlx::query("delete from knowledge_jobs where item_id = $1 and revision = $2")
            .bind(job.item_id)
            .bind(job.revision)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Puts a job back with backoff after a failure that may pass, or fails the item
    /// after [`MAX_ATTEMPTS`].
    async fn retry_or_fail(&self, job: &Job, code: &str, message: &str) -> Result<()> {
        if job.attempts >= MAX_ATTEMPTS {
            return self
                .fail(
                    job,
                    "indexing_failed",
                    &format!("indexing failed {MAX_ATTEMPTS} times; the last error: {message}"),
                )
                .await;
        }
        tracing::warn!(item = %job.item_id, code, attempt = job.attempts, "knowledge indexing will be retried");
        let backoff = 30 * 2i32.pow(u32::try_from(job.attempts).unwrap_or(0).min(6));
        let mut tx = tenant::tenant(&self.pool, job.workspace_id, None).await?;
        sqlx::query(
            "update knowledge_jobs set lease_until = null, run_after = now() + make_interval(secs => $3) \
             where item_id = $1 and revision = $2",
        )
        .bind(job.item_id)
        .bind(job.revision)
        .bind(f64::from(backoff))
        .execute(&mut *tx)
        .await?;
        sqlx::query("update knowledge_items set status = 'queued' where id = $1 and revision = $2")
            .bind(job.item_id)
            .bind(job.revision)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn embed(
    embedder: &dyn Embedder,
    source: &Source,
    extracted: &Extracted,
) -> std::result::Result<Vec<Vector>, mimi_embed::Error> {
    let kind = ItemKind::parse(&source.kind).unwrap_or(ItemKind::Page);
    let texts: Vec<String> = extracted
        .passages
        .iter()
        .map(|p| embedding_text(kind, &extracted.title, p))
        .collect();
    let vectors = embedder.embed(&texts).await?;
    Ok(vectors.into_iter().map(Vector::from).collect())
}

/// What the model embeds for a passage: where it is (the item's title and the section)
/// and what it says, since a passage often doesn't repeat its heading.
fn embedding_text(kind: ItemKind, title: &str, passage: &Passage) -> String {
    match kind {
        ItemKind::Faq => passage.content.clone(),
        _ if passage.section.is_empty() => format!("{title}\n{}", passage.content),
        _ => format!("{title} › {}\n{}", passage.section, passage.content),
    }
}

impl From<SourceError> for Error {
    fn from(e: SourceError) -> Error {
        Error::internal(e.to_string())
    }
}
