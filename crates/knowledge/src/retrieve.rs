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
use sqlx::Arguments;
use sqlx::postgres::PgArguments;
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
const EF_SEARCH: &str = "80";
/// The largest app (in passages) whose vectors are all compared with the query rather
/// than searched through the HNSW graph; see `statement`.
pub const EXACT_SEARCH_UP_TO: i64 = 5_000;

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

/// One candidate of one search, as the single retrieval statement returns it.
#[derive(sqlx::FromRow)]
struct Row {
    /// `v` (vector) or `k` (keyword).
    side: String,
    /// 1-based rank within its search.
    rank: i64,
    chunk_id: Uuid,
    score: f32,
    item_id: Uuid,
    kind: String,
    title: String,
    section: String,
    /// Only for candidates that pass their search's floor: the others are never
    /// returned, so their text is not sent.
    content: Option<String>,
    link: Option<String>,
}

/// The passages of `query.app_id` that best answer `query.text`, best first; empty when
/// nothing passes the floors (or the app is not the tenant's).
///
/// Both searches, the keyword side's term statistics and the candidates' text travel in
/// one statement, so a search costs three round trips (`begin` with the tenant and
/// HNSW settings, the statement, `commit`); see `statement`.
pub async fn search(
    pool: &PgPool,
    workspace_id: Uuid,
    embedder: &dyn Embedder,
    query: &Query<'_>,
) -> Result<Vec<Passage>> {
    let Some(prepared) = prepare(embedder, query).await? else {
        return Ok(Vec::new());
    };
    let mut tx = begin(pool, workspace_id).await?;
    let rows: Vec<Row> = sqlx::query_as_with(&prepared.sql, prepared.arguments)
        .fetch_all(&mut *tx)
        .await?;
    tx.commit().await?;

    let (mut vector_hits, mut keyword_hits) = (Vec::new(), Vec::new());
    let mut found: HashMap<Uuid, Row> = HashMap::new();
    for row in rows {
        let hit = (row.rank, row.chunk_id, row.score);
        if row.side == "v" {
            vector_hits.push(hit);
        } else {
            keyword_hits.push(hit);
        }
        if row.content.is_some() {
            found.insert(row.chunk_id, row);
        }
    }
    let ranked = |mut hits: Vec<(i64, Uuid, f32)>| {
        hits.sort_by_key(|h| h.0);
        hits.into_iter()
            .map(|(_, id, score)| (id, score))
            .collect::<Vec<_>>()
    };
    let (vector_hits, keyword_hits) = (ranked(vector_hits), ranked(keyword_hits));
    let fused = fuse(&vector_hits, &keyword_hits, query.floors, query.k);
    Ok(fused
        .into_iter()
        .filter_map(|(id, score, vector, keyword)| {
            let r = found.remove(&id)?;
            Some(Passage {
                chunk_id: id,
                item_id: r.item_id,
                kind: ItemKind::parse(&r.kind).unwrap_or(ItemKind::Page),
                title: r.title,
                section: r.section,
                content: r.content.unwrap_or_default(),
                link: r.link,
                score,
                vector,
                keyword,
            })
        })
        .collect())
}

/// The statement `search` runs for `query` and its arguments.
struct Prepared {
    sql: String,
    arguments: PgArguments,
}

/// Embeds the query (unless keyword-only) and builds the statement; `None` when there is
/// nothing to search for.
async fn prepare(embedder: &dyn Embedder, query: &Query<'_>) -> Result<Option<Prepared>> {
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
    let tsquery = match query.mode {
        Mode::Vector => None,
        _ => text::tsquery(&terms),
    };
    let dims = vector.as_ref().map(|v| v.as_slice().len());
    let Some(sql) = statement(dims, tsquery.is_some()) else {
        return Ok(None);
    };
    // One single-term query per term, in the order of `terms`, for its frequency.
    let singles: Vec<String> = terms
        .iter()
        .filter_map(|t| text::tsquery(std::slice::from_ref(t)))
        .collect();
    let mut arguments = PgArguments::default();
    let add = |r: std::result::Result<(), sqlx::error::BoxDynError>| r.map_err(Error::internal);
    add(arguments.add(query.app_id))?;
    add(arguments.add(vector))?;
    add(arguments.add(embedder.model()))?;
    add(arguments.add(CANDIDATES))?;
    add(arguments.add(query.floors.vector_similarity))?;
    add(arguments.add(tsquery))?;
    add(arguments.add(singles))?;
    add(arguments.add(KEYWORD_POOL))?;
    add(arguments.add(query.floors.keyword_coverage))?;
    add(arguments.add(EXACT_SEARCH_UP_TO))?;
    Ok(Some(Prepared { sql, arguments }))
}

/// The tenant transaction a search runs in, with the HNSW settings.
async fn begin(pool: &PgPool, workspace_id: Uuid) -> Result<Tx> {
    Ok(tenant::tenant_with(
        pool,
        workspace_id,
        None,
        &[
            ("hnsw.iterative_scan", "relaxed_order"),
            ("hnsw.ef_search", EF_SEARCH),
        ],
    )
    .await?)
}

/// `explain (analyze, costs off)` of the statement [`search`] runs for `query`, as it
/// runs it: for benchmarks and for diagnosing a slow app. Empty when there is nothing
/// to search for.
pub async fn explain(
    pool: &PgPool,
    workspace_id: Uuid,
    embedder: &dyn Embedder,
    query: &Query<'_>,
) -> Result<Vec<String>> {
    let Some(prepared) = prepare(embedder, query).await? else {
        return Ok(Vec::new());
    };
    let mut tx = begin(pool, workspace_id).await?;
    let sql = format!("explain (analyze, costs off) {}", prepared.sql);
    let lines: Vec<String> = sqlx::query_scalar_with(&sql, prepared.arguments)
        .fetch_all(&mut *tx)
        .await?;
    tx.rollback().await?;
    Ok(lines)
}

/// The retrieval statement for a query vector of `dims` dimensions (if the vector side
/// runs) and a keyword side (if `keyword`); `None` when neither has anything to search.
///
/// Parameters: `$1` app, `$2` query vector, `$3` model, `$4` candidates per search,
/// `$5` vector floor, `$6` the terms' `tsquery`, `$7` one `tsquery` per term, `$8`
/// keyword pool, `$9` keyword floor, `$10` the largest app searched exactly.
///
/// **Vector side.** An app of at most `$10` passages is searched exactly: its rows come
/// through the `app_id` index and are sorted by similarity, an expression the HNSW index
/// cannot serve, so no planner estimate can send a small app to the graph (where, with
/// its rows a small share of the table, an iterative scan walks thousands of other
/// tenants' neighbours and may stop short at `hnsw.max_scan_tuples`). A larger app takes
/// the HNSW path when the planner finds it cheaper. Which branch runs is decided once,
/// by a one-time filter on the app's passage count. The dimensions are part of the SQL
/// so that the partial HNSW index of that size applies; the model is compared too, so
/// two models of one size never mix.
///
/// **Keyword side.** Passages holding any term are ranked by the summed inverse
/// document frequency (within the app) of the terms each holds; the score is that sum's
/// share of the whole query's. A term the app never uses counts fully against the share,
/// a term in nearly every passage (`です`, `shop`) hardly at all, so grammar and common
/// words neither rank passages nor let an unrelated question through the floor. Every
/// passage holding a term matches the `tsquery`, so the frequencies are counted over the
/// matches. The `KEYWORD_POOL` best by `ts_rank` are weighed.
fn statement(dims: Option<usize>, keyword: bool) -> Option<String> {
    let mut ctes =
        vec!["app as (select count(*) as n from knowledge_chunks where app_id = $1)".to_owned()];
    let mut sides = Vec::new();
    if let Some(d) = dims {
        let distance = format!("embedding::vector({d}) <=> $2::vector({d})");
        let filter =
            format!("c.app_id = $1 and c.embedding_model = $3 and vector_dims(c.embedding) = {d}");
        ctes.push(format!(
            "vec as (\
               (select c.id, (1 - ({distance}))::real as score from knowledge_chunks c \
                where {filter} and (select n from app) <= $10 \
                order by score desc, c.id limit $4) \
               union all \
               (select c.id, (1 - ({distance}))::real from knowledge_chunks c \
                where {filter} and (select n from app) > $10 \
                order by {distance} limit $4))"
        ));
        // Iterative scans in relaxed order may return neighbours slightly out of order.
        sides.push(
            "select 'v' as side, row_number() over (order by x.score desc, x.id) as rank, \
             x.id, x.score, x.score >= $5 as passes from vec x",
        );
    }
    if keyword {
        ctes.push(
            "matches as materialized (select c.id, c.lexemes, ts_rank(c.lexemes, $6::tsquery, 1) as rank \
               from knowledge_chunks c where c.app_id = $1 and c.lexemes @@ $6::tsquery), \
             words as materialized (select u.q::tsquery as q from unnest($7::text[]) as u(q)), \
             terms as (select w.q, ln(1 + (app.n - f.df + 0.5) / (f.df + 0.5)) as idf \
               from words w cross join app \
               cross join lateral (select count(*)::float8 as df from matches m where m.lexemes @@ w.q) f), \
             whole as (select greatest(sum(idf), 1e-9) as idf from terms), \
             pool as (select id, lexemes, rank from matches order by rank desc, id limit $8), \
             kw as (select p.id, ((select coalesce(sum(t.idf), 0) from terms t where p.lexemes @@ t.q) / whole.idf)::real as score, p.rank \
               from pool p cross join whole order by score desc, p.rank desc, p.id limit $4)"
                .to_owned(),
        );
        sides.push(
            "select 'k' as side, row_number() over (order by x.score desc, x.rank desc, x.id) as rank, \
             x.id, x.score, x.score >= $9 as passes from kw x",
        );
    }
    if sides.is_empty() {
        return None;
    }
    Some(format!(
        "with {}, found as ({}) \
         select f.side, f.rank, f.id as chunk_id, f.score, c.item_id, i.kind, i.title, c.section, \
                case when f.passes then c.content end as content, i.link \
         from found f join knowledge_chunks c on c.id = f.id join knowledge_items i on i.id = c.item_id",
        ctes.join(", "),
        sides.join(" union all ")
    ))
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
