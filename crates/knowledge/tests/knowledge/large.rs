//! An app above `EXACT_SEARCH_UP_TO` passages takes the other branch of the vector
//! search (the HNSW path). Its passages are written directly, with small synthetic
//! vectors, because indexing thousands of passages with the real model would take
//! minutes.

use mimi_embed::{EmbedFuture, Embedder};
use mimi_knowledge::{self as knowledge, EXACT_SEARCH_UP_TO, Floors, Mode, Query};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

use crate::{Env, faq};

const DIMS: usize = 8;
const MODEL: &str = "test:planted";

/// An embedder that answers every text with one vector.
#[derive(Debug)]
struct Fixed(Vec<f32>);

impl Embedder for Fixed {
    fn model(&self) -> &str {
        MODEL
    }
    fn dimensions(&self) -> usize {
        DIMS
    }
    fn max_tokens(&self) -> usize {
        256
    }
    fn embed<'a>(&'a self, texts: &'a [String]) -> EmbedFuture<'a> {
        let out = vec![self.0.clone(); texts.len()];
        Box::pin(async move { Ok(out) })
    }
}

fn literal(v: &[f32]) -> String {
    let parts: Vec<String> = v.iter().map(|x| x.to_string()).collect();
    format!("[{}]", parts.join(","))
}

/// Writes `vectors` as passages of a new FAQ in `app`, as the administrator; returns
/// their ids in the same order.
async fn passages(
    env: &Env,
    scope: &mimi_domain::Scope,
    app: Uuid,
    vectors: &[Vec<f32>],
) -> Vec<Uuid> {
    let item = knowledge::add_faq(
        &env.pool,
        scope,
        app,
        &faq("Planted?", "Planted."),
        &env.limits,
    )
    .await
    .unwrap()
    .id;
    let ids: Vec<Uuid> = vectors.iter().map(|_| Uuid::new_v4()).collect();
    let literals: Vec<String> = vectors.iter().map(|v| literal(v)).collect();
    sqlx::query(
        "insert into knowledge_chunks (id, workspace_id, app_id, item_id, position, content, lexemes, embedding, embedding_model) \
         select u.id, $2, $3, $4, u.n - 1, 'planted passage', ''::tsvector, u.v::vector, $5 \
         from unnest($1::uuid[], $6::text[]) with ordinality as u(id, v, n)",
    )
    .bind(&ids)
    .bind(scope.workspace_id)
    .bind(app)
    .bind(item)
    .bind(MODEL)
    .bind(&literals)
    .execute(&env.db.pool)
    .await
    .unwrap();
    ids
}

fn unit(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    v.iter_mut().for_each(|x| *x /= norm);
    v
}

#[tokio::test]
async fn an_app_above_the_exact_limit_finds_its_nearest_passages_and_no_other_apps() {
    let env = Env::new().await;
    let owner = env.workspace("ann").await;
    let big = env.app(&owner, "big").await;
    let small = env.app(&owner, "small").await;
    let mut rng = StdRng::seed_from_u64(5);
    let query = unit((0..DIMS).map(|i| if i == 0 { 1.0 } else { 0.0 }).collect());
    // Five planted passages close to the query (similarity 0.97–0.999, decreasing),
    // among thousands pointing elsewhere (their first component is below 0.4).
    let near: Vec<Vec<f32>> = (1..=5)
        .map(|k| {
            unit(
                (0..DIMS)
                    .map(|i| {
                        if i == 0 {
                            1.0
                        } else if i == k {
                            0.05 * k as f32
                        } else {
                            0.0
                        }
                    })
                    .collect(),
            )
        })
        .collect();
    let far: Vec<Vec<f32>> = (0..EXACT_SEARCH_UP_TO as usize + 100)
        .map(|_| {
            let mut v: Vec<f32> = (0..DIMS).map(|_| rng.random_range(-1.0..1.0f32)).collect();
            v[0] = rng.random_range(-1.0..0.4);
            unit(v)
        })
        .collect();
    let mut all = far.clone();
    all.splice(2_000..2_000, near.iter().cloned());
    let ids = passages(&env, &owner, big, &all).await;
    let planted: Vec<Uuid> = ids[2_000..2_005].to_vec();
    // The small app holds a passage identical to the query: never in the big app's answer.
    let other = passages(&env, &owner, small, std::slice::from_ref(&query)).await;
    sqlx::query("select knowledge_ensure_vector_index($1)")
        .bind(DIMS as i32)
        .execute(&env.db.pool)
        .await
        .unwrap();
    sqlx::query("analyze knowledge_chunks")
        .execute(&env.db.pool)
        .await
        .unwrap();

    let embedder = Fixed(query.clone());
    let search = |app| Query {
        app_id: app,
        text: "planted",
        k: 5,
        mode: Mode::Vector,
        floors: Floors::default(),
    };
    let found = knowledge::search(&env.pool, owner.workspace_id, &embedder, &search(big))
        .await
        .unwrap();
    let ids: Vec<Uuid> = found.iter().map(|p| p.chunk_id).collect();
    assert_eq!(ids, planted, "the five planted passages, nearest first");
    assert!(
        found
            .iter()
            .all(|p| p.vector.is_some_and(|h| h.score > 0.9))
    );
    assert!(!ids.contains(&other[0]));
    // The small app, searched exactly, finds its own passage.
    let found = knowledge::search(&env.pool, owner.workspace_id, &embedder, &search(small))
        .await
        .unwrap();
    assert_eq!(found.iter().map(|p| p.chunk_id).collect::<Vec<_>>(), other);
}
