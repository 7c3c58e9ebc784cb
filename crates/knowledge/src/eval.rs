//! Retrieval evaluation (`mimi eval retrieval`): labelled items are loaded into
//! throwaway apps, indexed by the real worker, and each query goes through [`search`],
//! exactly as the chat calls it. Results are reported per item id, best first; queries
//! that carry `expected` item ids are scored (recall@k, MRR, and how often a question
//! the knowledge cannot answer gets nothing back).

use std::collections::{BTreeMap, HashMap};

use mimi_domain::{Error, Result, Scope};
use mimi_store::PgPool;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::embedding::Embedding;
use crate::input::{NewFaq, NewPage};
use crate::limits::Limits;
use crate::retrieve::{Floors, Mode, Query, search};

/// One line of an items file.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EvalItem {
    /// An FAQ.
    Faq {
        /// The app it belongs to (any name; one throwaway app per distinct name).
        app: String,
        /// Its id in the results.
        id: String,
        /// The question.
        question: String,
        /// The answer.
        answer: String,
    },
    /// A reference page.
    Page {
        /// The app.
        app: String,
        /// Its id.
        id: String,
        /// The title.
        title: String,
        /// The body (Markdown).
        body: String,
    },
}

impl EvalItem {
    fn app(&self) -> &str {
        match self {
            EvalItem::Faq { app, .. } | EvalItem::Page { app, .. } => app,
        }
    }
}

/// One line of a queries file. Other fields (a category, a language) are ignored.
#[derive(Debug, Clone, Deserialize)]
pub struct EvalQuery {
    /// The app asked.
    pub app: String,
    /// Its id in the output.
    pub id: String,
    /// The question.
    pub text: String,
    /// The item ids that answer it (`[]`: none does), when labelled.
    #[serde(default)]
    pub expected: Option<Vec<String>>,
}

/// One output line.
#[derive(Debug, Clone, Serialize)]
pub struct EvalResult {
    /// The query's id.
    pub id: String,
    /// The items found, best first.
    pub results: Vec<EvalHit>,
}

/// An item found for a query.
#[derive(Debug, Clone, Serialize)]
pub struct EvalHit {
    /// The item's id from the items file.
    pub item_id: String,
    /// The fused score of its best passage.
    pub score: f32,
}

/// Scores over the labelled queries.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EvalSummary {
    /// Labelled queries some item answers.
    pub answerable: usize,
    /// Mean share of the expected items found in the top k.
    pub recall_at_k: f64,
    /// Mean reciprocal rank of the first expected item found.
    pub mrr: f64,
    /// Share of answerable queries that got nothing back.
    pub answerable_empty: f64,
    /// Labelled queries no item answers.
    pub unanswerable: usize,
    /// Share of those that got nothing back, as they should.
    pub unanswerable_empty: f64,
}

/// Parses JSON lines, naming the line of the first bad one.
pub fn parse_lines<T: for<'de> Deserialize<'de>>(
    text: &str,
    what: &str,
) -> std::result::Result<Vec<T>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("{what} line {}: {e}", i + 1)))
        .collect()
}

/// The loaded items: the app id per app name, the item id per item.
#[derive(Debug, Default)]
pub struct Loaded {
    /// App name → app id.
    pub apps: BTreeMap<String, Uuid>,
    /// Item uuid → id from the file.
    pub items: HashMap<Uuid, String>,
}

/// Adds `items` to the apps `make_app` creates (one per distinct app name).
pub async fn load<F, Fut>(
    pool: &PgPool,
    scope: &Scope,
    items: &[EvalItem],
    mut make_app: F,
) -> Result<Loaded>
where
    F: FnMut(String) -> Fut,
    Fut: std::future::Future<Output = Result<Uuid>>,
{
    let mut loaded = Loaded::default();
    let limits = Limits {
        items_per_app: usize::MAX / 4,
        chars_per_app: usize::MAX / 4,
        ..Limits::default()
    };
    for item in items {
        let app_id = match loaded.apps.get(item.app()) {
            Some(id) => *id,
            None => {
                let id = make_app(item.app().to_owned()).await?;
                loaded.apps.insert(item.app().to_owned(), id);
                id
            }
        };
        let (added, id) = match item {
            EvalItem::Faq {
                id,
                question,
                answer,
                ..
            } => {
                let faq = NewFaq {
                    question: question.clone(),
                    answer: answer.clone(),
                    link: None,
                };
                (
                    crate::items::add_faq(pool, scope, app_id, &faq, &limits).await,
                    id,
                )
            }
            EvalItem::Page {
                id, title, body, ..
            } => {
                let page = NewPage {
                    title: title.clone(),
                    body: body.clone(),
                };
                (
                    crate::items::add_page(pool, scope, app_id, &page, &limits).await,
                    id,
                )
            }
        };
        let added = added.map_err(|e| Error::internal(format!("item {id}: {e}")))?;
        loaded.items.insert(added.id, id.clone());
    }
    Ok(loaded)
}

/// How the queries are run.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    /// Which searches.
    pub mode: Mode,
    /// Passages per query.
    pub k: usize,
    /// The floors.
    pub floors: Floors,
}

/// Runs `queries` against the loaded items; returns one result per query, in order.
pub async fn run(
    pool: &PgPool,
    workspace_id: Uuid,
    embedding: &Embedding,
    loaded: &Loaded,
    queries: &[EvalQuery],
    how: Run,
) -> Result<Vec<EvalResult>> {
    let Run { mode, k, floors } = how;
    let embedder = embedding.get().await?;
    let mut out = Vec::with_capacity(queries.len());
    for q in queries {
        let Some(app_id) = loaded.apps.get(&q.app) else {
            out.push(EvalResult {
                id: q.id.clone(),
                results: Vec::new(),
            });
            continue;
        };
        let query = Query {
            app_id: *app_id,
            text: &q.text,
            k,
            mode,
            floors,
        };
        let passages = search(pool, workspace_id, &*embedder, &query).await?;
        let mut results: Vec<EvalHit> = Vec::new();
        for p in passages {
            let Some(id) = loaded.items.get(&p.item_id) else {
                continue;
            };
            if !results.iter().any(|r| &r.item_id == id) {
                results.push(EvalHit {
                    item_id: id.clone(),
                    score: p.score,
                });
            }
        }
        out.push(EvalResult {
            id: q.id.clone(),
            results,
        });
    }
    Ok(out)
}

/// Scores `results` against the labels of `queries`; `None` if no query is labelled.
pub fn summarise(queries: &[EvalQuery], results: &[EvalResult]) -> Option<EvalSummary> {
    let mut s = EvalSummary::default();
    let (mut recall, mut rr, mut empty_answerable, mut empty_unanswerable) =
        (0.0, 0.0, 0usize, 0usize);
    for (q, r) in queries.iter().zip(results) {
        let Some(expected) = &q.expected else {
            continue;
        };
        if expected.is_empty() {
            s.unanswerable += 1;
            empty_unanswerable += usize::from(r.results.is_empty());
            continue;
        }
        s.answerable += 1;
        empty_answerable += usize::from(r.results.is_empty());
        let found = expected
            .iter()
            .filter(|e| r.results.iter().any(|h| &h.item_id == *e))
            .count();
        recall += found as f64 / expected.len() as f64;
        if let Some(rank) = r.results.iter().position(|h| expected.contains(&h.item_id)) {
            rr += 1.0 / (rank + 1) as f64;
        }
    }
    if s.answerable + s.unanswerable == 0 {
        return None;
    }
    let n = s.answerable.max(1) as f64;
    s.recall_at_k = recall / n;
    s.mrr = rr / n;
    s.answerable_empty = empty_answerable as f64 / n;
    s.unanswerable_empty = empty_unanswerable as f64 / s.unanswerable.max(1) as f64;
    Some(s)
}
