//! The worker with the real local model: items become passages with search terms and
//! vectors; retrieval finds them and never crosses an app or a workspace; edits, crashed
//! workers, bad files and a change of model are handled.

use std::sync::Arc;

use mimi_knowledge::{
    self as knowledge, Embedding, Fetching, Floors, Indexer, ItemPatch, Mode, Query, Status,
};
use uuid::Uuid;

use crate::{Env, faq, page};

const HOURS: &str =
    "We are open from nine in the morning until six in the evening, Tuesday to Sunday.";

impl Env {
    pub fn indexer(&self, embedding: Arc<Embedding>) -> Indexer {
        Indexer::new(
            self.pool.clone(),
            embedding,
            Arc::new(Fetching::new(false)),
            self.limits,
        )
    }

    pub async fn search(
        &self,
        embedding: &Embedding,
        workspace: Uuid,
        app: Uuid,
        text: &str,
        mode: Mode,
    ) -> Vec<knowledge::Passage> {
        let embedder = embedding.get().await.unwrap();
        let query = Query {
            app_id: app,
            text,
            k: 5,
            mode,
            floors: Floors::default(),
        };
        knowledge::search(&self.pool, workspace, &*embedder, &query)
            .await
            .unwrap()
    }
}

#[tokio::test]
async fn faqs_and_pages_become_passages_that_both_searches_find() {
    let env = Env::new().await;
    let model = crate::local_model();
    let owner = env.workspace("ann").await;
    let app = env.app(&owner, "bikes").await;
    let hours = knowledge::add_faq(
        &env.pool,
        &owner,
        app,
        &faq("When are you open?", HOURS),
        &env.limits,
    )
    .await
    .unwrap();
    let long = format!(
        "# Repairs\n\n{}\n\n## Prices\n\nA puncture repair costs twelve euros, a full service sixty.\n\n# 駐車場\n\n店の裏に無料の駐車場が三台分あります。",
        "We repair every kind of bicycle in our workshop. ".repeat(60)
    );
    let guide = knowledge::add_page(
        &env.pool,
        &owner,
        app,
        &page("Shop guide", &long),
        &env.limits,
    )
    .await
    .unwrap();
    assert_eq!(env.indexer(model.clone()).run_once().await.unwrap(), 2);

    let item = knowledge::get(&env.pool, &owner, guide.id).await.unwrap();
    assert_eq!(item.status, Status::Ready);
    assert!(
        item.passages >= 3,
        "a long page is cut into several passages: {}",
        item.passages
    );
    let sections: Vec<String> = sqlx::query_scalar(
        "select section from knowledge_chunks where item_id = $1 order by position",
    )
    .bind(guide.id)
    .fetch_all(&env.db.pool)
    .await
    .unwrap();
    assert!(
        sections.contains(&"Repairs › Prices".to_owned()),
        "{sections:?}"
    );
    assert!(sections.contains(&"駐車場".to_owned()), "{sections:?}");

    let vector = env
        .search(
            &model,
            owner.workspace_id,
            app,
            "what time do you close?",
            Mode::Vector,
        )
        .await;
    assert_eq!(vector[0].item_id, hours.id, "{vector:#?}");
    let keyword = env
        .search(
            &model,
            owner.workspace_id,
            app,
            "puncture price",
            Mode::Keyword,
        )
        .await;
    assert_eq!(keyword[0].section, "Repairs › Prices", "{keyword:#?}");
    assert!(keyword[0].vector.is_none() && keyword[0].keyword.is_some());
    let japanese = env
        .search(
            &model,
            owner.workspace_id,
            app,
            "駐車場はありますか",
            Mode::Hybrid,
        )
        .await;
    assert_eq!(japanese[0].section, "駐車場", "{japanese:#?}");
    let nothing = env
        .search(
            &model,
            owner.workspace_id,
            app,
            "quantum chromodynamics",
            Mode::Hybrid,
        )
        .await;
    assert!(nothing.is_empty(), "{nothing:#?}");
}

#[tokio::test]
async fn retrieval_never_returns_another_apps_or_workspaces_knowledge() {
    let env = Env::new().await;
    let model = crate::local_model();
    let ann = env.workspace("ann").await;
    let eve = env.workspace("eve").await;
    let bikes = env.app(&ann, "bikes").await;
    let cafe = env.app(&ann, "cafe").await;
    let eves = env.app(&eve, "eves").await;
    for (scope, app) in [(&ann, cafe), (&eve, eves)] {
        knowledge::add_faq(
            &env.pool,
            scope,
            app,
            &faq("When are you open?", HOURS),
            &env.limits,
        )
        .await
        .unwrap();
    }
    env.indexer(model.clone()).run_once().await.unwrap();
    for mode in [Mode::Hybrid, Mode::Vector, Mode::Keyword] {
        // Ann's empty app finds nothing, though her other app and Eve's hold the answer.
        assert!(
            env.search(&model, ann.workspace_id, bikes, "when are you open", mode)
                .await
                .is_empty()
        );
        // Eve's app searched under Ann's tenant: Row-Level Security hides it.
        assert!(
            env.search(&model, ann.workspace_id, eves, "when are you open", mode)
                .await
                .is_empty()
        );
        let own = env
            .search(&model, ann.workspace_id, cafe, "when are you open", mode)
            .await;
        assert_eq!(own.len(), 1, "{mode:?}");
    }
}

#[tokio::test]
async fn an_edit_during_indexing_wins_and_a_crashed_workers_job_comes_back() {
    let env = Env::new().await;
    let model = crate::local_model();
    let owner = env.workspace("ann").await;
    let app = env.app(&owner, "bikes").await;
    let item = knowledge::add_faq(
        &env.pool,
        &owner,
        app,
        &faq("When are you open?", HOURS),
        &env.limits,
    )
    .await
    .unwrap();
    // A worker claimed the job and died: its lease has run out.
    sqlx::query(
        "update knowledge_jobs set lease_until = now() - interval '1 second', attempts = 1",
    )
    .execute(&env.db.pool)
    .await
    .unwrap();
    sqlx::query("update knowledge_items set status = 'indexing'")
        .execute(&env.db.pool)
        .await
        .unwrap();
    let patch = ItemPatch {
        answer: Some("Closed for the winter.".into()),
        ..ItemPatch::default()
    };
    knowledge::update(&env.pool, &owner, item.id, &patch, &env.limits)
        .await
        .unwrap();
    assert_eq!(env.indexer(model.clone()).run_once().await.unwrap(), 1);
    let content: Vec<String> = sqlx::query_scalar("select content from knowledge_chunks")
        .fetch_all(&env.db.pool)
        .await
        .unwrap();
    assert_eq!(content, ["When are you open?\nClosed for the winter."]);
    assert_eq!(env.count("knowledge_jobs").await, 0);
    // A job still leased by a live worker is left alone.
    knowledge::reindex(&env.pool, &owner, item.id)
        .await
        .unwrap();
    sqlx::query("update knowledge_jobs set lease_until = now() + interval '5 minutes'")
        .execute(&env.db.pool)
        .await
        .unwrap();
    assert_eq!(env.indexer(model).run_once().await.unwrap(), 0);
}

#[tokio::test]
async fn a_file_that_cannot_be_read_fails_with_a_reason_and_no_passages() {
    let env = Env::new().await;
    let model = crate::local_model();
    let owner = env.workspace("ann").await;
    let app = env.app(&owner, "bikes").await;
    let items = knowledge::add_file(
        &env.pool,
        &owner,
        app,
        "locked.pdf",
        &crate::encrypted_pdf(),
        &env.limits,
    )
    .await
    .unwrap();
    env.indexer(model).run_once().await.unwrap();
    let item = knowledge::get(&env.pool, &owner, items[0].id)
        .await
        .unwrap();
    assert_eq!(item.status, Status::Failed);
    let failure = item.failure.unwrap();
    assert_eq!(failure.code, "file_encrypted");
    assert!(failure.message.contains("password"), "{}", failure.message);
    assert_eq!(item.passages, 0);
    assert_eq!(env.count("knowledge_jobs").await, 0);
}

#[tokio::test]
async fn changing_the_embedding_model_re_embeds_everything_and_never_mixes_models() {
    let env = Env::new().await;
    let local = crate::local_model();
    let owner = env.workspace("ann").await;
    let app = env.app(&owner, "bikes").await;
    knowledge::add_faq(
        &env.pool,
        &owner,
        app,
        &faq("When are you open?", HOURS),
        &env.limits,
    )
    .await
    .unwrap();
    knowledge::add_page(
        &env.pool,
        &owner,
        app,
        &page("Parking", "Park behind the shop."),
        &env.limits,
    )
    .await
    .unwrap();
    env.indexer(local.clone()).run_once().await.unwrap();

    let fake = crate::fake_openai::start().await;
    let other = Arc::new(Embedding::ready(fake.embedder()));
    let indexer = env.indexer(other.clone());
    assert_eq!(indexer.queue_stale().await.unwrap(), 2);
    assert_eq!(indexer.run_once().await.unwrap(), 2);
    let models: Vec<(String, i32)> = sqlx::query_as(
        "select distinct embedding_model, vector_dims(embedding) from knowledge_chunks",
    )
    .fetch_all(&env.db.pool)
    .await
    .unwrap();
    let new_model = other.get().await.unwrap().model().to_owned();
    assert!(
        new_model.starts_with("openai:127.0.0.1:") && new_model.ends_with("/fake-embedding"),
        "{new_model}"
    );
    assert_eq!(models, [(new_model, crate::fake_openai::DIMENSIONS as i32)]);
    // Its vector size got its own HNSW index.
    let index: Option<String> = sqlx::query_scalar(
        "select indexname::text from pg_indexes where indexname = 'knowledge_chunks_hnsw_32'",
    )
    .fetch_optional(&env.db.pool)
    .await
    .unwrap();
    assert!(index.is_some());
    assert_eq!(
        indexer.queue_stale().await.unwrap(),
        0,
        "nothing is left on the old model"
    );
    // The new model's vectors are found; the old model's query finds no vector of its own.
    let found = env
        .search(
            &other,
            owner.workspace_id,
            app,
            "parking behind the shop",
            Mode::Vector,
        )
        .await;
    assert!(!found.is_empty());
    assert!(
        env.search(
            &local,
            owner.workspace_id,
            app,
            "parking behind the shop",
            Mode::Vector
        )
        .await
        .is_empty()
    );
}
