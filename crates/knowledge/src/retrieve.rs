//! Hybrid retrieval: nearest passages by cosine distance on pgvector's HNSW index, and
//! full-text matches on the search terms built in Rust, fused by reciprocal rank fusion.
//! A passage is returned only if one of the two searches found it convincingly (its
//! similarity or its share of the query's terms passes a floor), so "nothing relevant"
//! is a possible answer. Always one app, inside its tenant's transaction.

use std::collections::HashMap;

use mimi_domain::{Error, Result, Scope};
use mimi_embed::Embedder;
use mimi_store::{PgPool, Tx, tenant};
use pgvector::Vector;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::embedding::Embedding;
use crate::model::ItemKind;
use crate::text;

/// The constant of reciprocal rank fusion: a passage scores `1 / (K + rank)` per search.
const RRF_K: f32 = 60.0;
/// How many candidates each search contributes to the fusion.
const CANDIDATES: i64 = 40;
/// How many full-text matches are weighed before the best are kept.
const KEYWORD_POOL: i64 = 200;
/// HNSW candidate list size; with iterative scans Postgres keeps scanning until enough
/// rows pass the app filter.
const EF_SEARCH: i32 = 80;

/// Which searches to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Both, fused (what the chat uses).
    #[default]
    Hybrid,
    /// Nearest vectors only.
    Vector,
    /// Full-text only.
    Keyword,
}

/// The floors a passage must pass in at least one search.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Floors {
    /// Least cosine similarity between query and passage.
    pub vector_similarity: f32,
    /// Least share of the query's search terms the passage contains, each term weighted
    /// by how rare it is in the app.
    pub keyword_coverage: f32,
}

impl Default for Floors {
    fn default() -> Floors {
        Floors {
            vector_similarity: 0.35,
            keyword_coverage: 0.4,
        }
    }
}

/// A retrieval request.
#[derive(Debug, Clone)]
pub struct Query<'a> {
    /// The app whose knowledge is searched.
    pub app_id: Uuid,
    /// What the visitor asked.
    pub text: &'a str,
    /// How many passages at most.
    pub k: usize,
    /// Which searches.
    pub mode: Mode,
    /// The floors.
    pub floors: Floors,
}

/// How one search ranked a passage.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Hit {
    /// 1-based rank in that search.
    pub rank: usize,
    /// Cosine similarity (vector) or the share of query terms found (keyword).
    pub score: f32,
}

/// A passage retrieval returned, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Passage {
    /// The passage.
    pub chunk_id: Uuid,
    /// Its item.
    pub item_id: Uuid,
    /// The item's kind.
    pub kind: ItemKind,
    /// The item's title (an FAQ's question).
    pub title: String,
    /// The headings above the passage.
    pub section: String,
    /// Its text.
    pub content: String,
    /// Where a citation points, if anywhere.
    pub link: Option<String>,
    /// The fused score (reciprocal rank fusion; higher is better).
    pub score: f32,
    /// How the vector search ranked it, if it found it.
    pub vector: Option<Hit>,
    /// How the keyword search ranked it, if it found it.
    pub keyword: Option<Hit>,
}

/// Most passages an owner's test search may ask for.
pub const MAX_K: usize = 20;
/// Longest test-search query, in characters.
pub const MAX_QUERY_CHARS: usize = 2_000;

/// An owner's test search: what the dashboard's "test retrieval" box sends.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TestSearch {
    /// What a visitor might ask.
    pub query: String,
    /// How many passages at most (1–20, default 5).
    pub k: Option<usize>,
    /// Which searches (default `hybrid`, as the chat uses).
    #[serde(default)]
    pub mode: Mode,
}

/// Runs an owner's test search on one of their apps: the retrieval the chat uses, with
/// scores and which search found each passage. Errors: `query_required`,
/// `query_too_long`, `k_out_of_range`; [`mimi_domain::Error::NotFound`] for another
/// workspace's app, before any embedding work.
pub async fn test_search(
    pool: &PgPool,
    scope: &Scope,
    app_id: Uuid,
    embedding: &Embedding,
    floors: Floors,
    input: &TestSearch,
) -> Result<Vec<Passage>> {
    let text = input.query.trim();
    if text.is_empty() {
        return Err(Error::invalid(
            "query",
            "query_required",
            "query is required",
        ));
    }
    if text.chars().count() > MAX_QUERY_CHARS {
        return Err(Error::invalid(
            "query",
            "query_too_long",
            format!("query must be at most {MAX_QUERY_CHARS} characters"),
        ));
    }
    let k = input.k.unwrap_or(5);
    if !(1..=MAX_K).contains(&k) {
        return Err(Error::invalid(
            "k",
            "k_out_of_range",
            format!("k must be between 1 and {MAX_K}"),
        ));
    }
    let mut tx = tenant::begin(pool, scope).await?;
    crate::items::require_app(&mut tx, app_id, "").await?;
    tx.commit().await?;
    let embedder = embedding.get().await?;
    let query = Query {
        app_id,
        text,
        k,
        mode: input.mode,
        floors,
    };
    search(pool, scope.workspace_id, &*embedder, &query).await
}

#[derive(sqlx::FromRow)]
struct Row {
    chunk_id: Uuid,
    item_id: Uuid,
    kind: String,
    title: String,
    section: String,
    content: String,
    link: Option<String>,
}

/// The passages of `query.app_id` that best answer `query.text`, best first; empty when
/// nothing passes the floors (or the app is not the tenant's).
pub async fn search(
    pool: &PgPool,
    workspace_id: Uuid,
    embedder: &dyn Embedder,
    query: &Query<'_>,
) -> Result<Vec<Passage>> {
    let terms = text::query_terms(query.text);
    let vector = match query.mode {
        Mode::Keyword => None,
        _ => {
            let mut v = embedder
                .embed(&[query.text.to_owned()])
                .await
                .map_err(Error::internal)?;
            v.pop().map(Vector::from)
        }
    };
    let mut tx = tenant::tenant(pool, workspace_id, None).await?;
    let vector_hits = match &vector {
        Some(v) => vector_search(&mut tx, query.app_id, embedder, v).await?,
        None => Vec::new(),
    };
    let keyword_hits = match query.mode {
        Mode::Vector => Vec::new(),
        _ => keyword_search(&mut tx, query.app_id, &terms).await?,
    };
    let fused = fuse(&vector_hits, &keyword_hits, query.floors, query.k);
    let ids: Vec<Uuid> = fused.iter().map(|f| f.0).collect();
    let rows: Vec<Row> = sqlx::query_as(
        "select c.id as chunk_id, c.item_id, i.kind, i.title, c.section, c.content, i.link \
         from knowledge_chunks c join knowledge_items i on i.id = c.item_id where c.id = any($1)",
    )
    .bind(&ids)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    let mut by_id: HashMap<Uuid, Row> = rows.into_iter().map(|r| (r.chunk_id, r)).collect();
    Ok(fused
        .into_iter()
        .filter_map(|(id, score, vector, keyword)| {
            let r = by_id.remove(&id)?;
            Some(Passage {
                chunk_id: id,
                item_id: r.item_id,
                kind: ItemKind::parse(&r.kind).unwrap_or(ItemKind::Page),
                title: r.title,
                section: r.section,
                content: r.content,
                link: r.link,
                score,
                vector,
                keyword,
            })
        })
        .collect())
}

/// The nearest passages embedded by the embedder's model, with their similarity.
async fn vector_search(
    tx: &mut Tx,
    app_id: Uuid,
    embedder: &dyn Embedder,
    v: &Vector,
) -> Result<Vec<(Uuid, f32)>> {
    let dims = v.as_slice().len();
    sqlx::query("select set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', $1, true)")
        .bind(EF_SEARCH.to_string())
        .execute(&mut **tx)
        .await?;
    // The dimensions are part of the SQL so that the partial HNSW index of that size
    // applies; the model is compared too, so two models of one size never mix.
    let sql = format!(
        "select id, (1 - (embedding::vector({dims}) <=> $2::vector({dims})))::real from knowledge_chunks \
         where app_id = $1 and embedding_model = $3 and vector_dims(embedding) = {dims} \
         order by embedding::vector({dims}) <=> $2::vector({dims}) limit $4"
    );
    let mut hits: Vec<(Uuid, f32)> = sqlx::query_as(&sql)
        .bind(app_id)
        .bind(v)
        .bind(embedder.model())
        .bind(CANDIDATES)
        .fetch_all(&mut **tx)
        .await?;
    // Iterative scans in relaxed order may return neighbours slightly out of order.
    hits.sort_by(|a, b| b.1.total_cmp(&a.1));
    Ok(hits)
}

/// Passages holding any of the query's terms, ranked by the summed inverse document
/// frequency (within the app) of the terms each holds; the score is that sum's share of
/// the whole query's. A term the app never uses counts fully against the share, a term
/// in nearly every passage (`です`, `shop`) hardly at all, so grammar and common words
/// neither rank passages nor let an unrelated question through the floor.
async fn keyword_search(tx: &mut Tx, app_id: Uuid, terms: &[String]) -> Result<Vec<(Uuid, f32)>> {
    let Some(tsquery) = text::tsquery(terms) else {
        return Ok(Vec::new());
    };
    let singles: Vec<String> = terms
        .iter()
        .filter_map(|t| text::tsquery(std::slice::from_ref(t)))
        .collect();
    let (passages, frequencies): (i64, Vec<i64>) = sqlx::query_as(
        "select (select count(*) from knowledge_chunks where app_id = $1),          array(select (select count(*) from knowledge_chunks c where c.app_id = $1 and c.lexemes @@ u.q::tsquery)                from unnest($2::text[]) with ordinality as u(q, i) order by u.i)",
    )
    .bind(app_id)
    .bind(&singles)
    .fetch_one(&mut **tx)
    .await?;
    let n = passages as f32;
    let idf: Vec<f32> = frequencies
        .iter()
        .map(|&df| (1.0 + (n - df as f32 + 0.5) / (df as f32 + 0.5)).ln())
        .collect();
    let total: f32 = idf.iter().sum::<f32>().max(f32::EPSILON);
    let rows: Vec<(Uuid, Vec<String>)> = sqlx::query_as(
        "select c.id, tsvector_to_array(c.lexemes) from knowledge_chunks c, cast($2 as tsquery) q          where c.app_id = $1 and c.lexemes @@ q order by ts_rank(c.lexemes, q, 1) desc, c.id limit $3",
    )
    .bind(app_id)
    .bind(tsquery)
    .bind(KEYWORD_POOL)
    .fetch_all(&mut **tx)
    .await?;
    let mut scored: Vec<(Uuid, f32)> = rows
        .into_iter()
        .map(|(id, lexemes)| {
            let held: f32 = terms
                .iter()
                .zip(&idf)
                .filter(|(t, _)| lexemes.contains(t))
                .map(|(_, w)| w)
                .sum();
            (id, held / total)
        })
        .collect();
    // Stable: ties keep `ts_rank`'s order.
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    scored.truncate(usize::try_from(CANDIDATES).unwrap_or(40));
    Ok(scored)
}

type Fused = (Uuid, f32, Option<Hit>, Option<Hit>);

/// Reciprocal rank fusion of the two ranked lists, keeping passages that pass a floor in
/// either search, best `k` first.
fn fuse(vector: &[(Uuid, f32)], keyword: &[(Uuid, f32)], floors: Floors, k: usize) -> Vec<Fused> {
    let mut all: HashMap<Uuid, Fused> = HashMap::new();
    for (rank, (id, score)) in vector.iter().enumerate() {
        let e = all.entry(*id).or_insert((*id, 0.0, None, None));
        e.1 += 1.0 / (RRF_K + rank as f32 + 1.0);
        e.2 = Some(Hit {
            rank: rank + 1,
            score: *score,
        });
    }
    for (rank, (id, score)) in keyword.iter().enumerate() {
        let e = all.entry(*id).or_insert((*id, 0.0, None, None));
        e.1 += 1.0 / (RRF_K + rank as f32 + 1.0);
        e.3 = Some(Hit {
            rank: rank + 1,
            score: *score,
        });
    }
    let mut out: Vec<Fused> = all
        .into_values()
        .filter(|(_, _, v, kw)| {
            v.is_some_and(|h| h.score >= floors.vector_similarity)
                || kw.is_some_and(|h| h.score >= floors.keyword_coverage)
        })
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out.truncate(k);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    #[test]
    fn fusion_rewards_agreement_and_applies_the_floors() {
        let floors = Floors {
            vector_similarity: 0.5,
            keyword_coverage: 0.4,
        };
        let vector = [(id(1), 0.9), (id(2), 0.8), (id(3), 0.2)];
        let keyword = [(id(2), 1.0), (id(4), 0.6), (id(5), 0.1)];
        let fused = fuse(&vector, &keyword, floors, 10);
        let order: Vec<Uuid> = fused.iter().map(|f| f.0).collect();
        // 2 is in both; 1 and 4 pass one floor each; 3 and 5 pass none.
        assert_eq!(order, [id(2), id(1), id(4)]);
        assert_eq!(
            fused[0].2,
            Some(Hit {
                rank: 2,
                score: 0.8
            })
        );
        assert_eq!(
            fused[0].3,
            Some(Hit {
                rank: 1,
                score: 1.0
            })
        );
        assert_eq!(fuse(&vector, &keyword, floors, 1).len(), 1);
    }

    #[test]
    fn nothing_passing_a_floor_is_an_empty_answer() {
        let floors = Floors::default();
        assert!(fuse(&[(id(1), 0.1)], &[(id(2), 0.2)], floors, 5).is_empty());
    }
}
