//! `mimi eval retrieval`: loads labelled items into throwaway apps on the configured (or
//! embedded) database, indexes them with the real worker, runs each query through the
//! retrieval the chat uses, prints one JSON line per query, and removes everything it
//! created, even when a step fails.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use mimi_accounts::{Accounts, SignUp};
use mimi_domain::{Language, Role, Scope};
use mimi_knowledge::eval::{self, EvalItem, EvalQuery, Loaded};
use mimi_knowledge::{Embedding, Fetching, Indexer, Mode};
use mimi_store::PgPool;
use uuid::Uuid;

use crate::database::{Database, Lock};
use crate::keys::ServerKeys;
use crate::settings::Settings;

/// What to evaluate.
#[derive(Debug, Clone)]
pub struct RetrievalEval {
    /// JSON lines of items.
    pub items: PathBuf,
    /// JSON lines of queries.
    pub queries: PathBuf,
    /// Which searches.
    pub mode: Mode,
    /// Results per query.
    pub k: usize,
}

/// Runs the evaluation, writing result lines to `out` and a summary (when the queries
/// are labelled) to stderr.
pub async fn retrieval(
    settings: &Settings,
    args: &RetrievalEval,
    out: &mut (dyn Write + Send),
) -> anyhow::Result<()> {
    let read = |path: &PathBuf| {
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
    };
    let items: Vec<EvalItem> =
        eval::parse_lines(&read(&args.items)?, "items").map_err(anyhow::Error::msg)?;
    let queries: Vec<EvalQuery> =
        eval::parse_lines(&read(&args.queries)?, "queries").map_err(anyhow::Error::msg)?;
    anyhow::ensure!(args.k >= 1, "--k must be at least 1");
    let embedding = Arc::new(crate::serve::embedding(settings)?);
    let database = Database::open(settings, Lock::Shared).await?;
    let pool = database.pool.clone();
    let owner = create_owner(&pool).await;
    let labelled = Labelled {
        items: &items,
        queries: &queries,
    };
    let result = match &owner {
        Ok(scope) => run(&pool, scope, settings, embedding, labelled, args, out).await,
        Err(e) => Err(anyhow::anyhow!("creating the evaluation's owner: {e}")),
    };
    if let Ok(scope) = &owner
        && let Err(e) = remove_owner(&pool, scope).await
    {
        eprintln!(
            "mimi: warning: could not remove the evaluation's workspace {}: {e}",
            scope.workspace_id
        );
    }
    database.close_leaving_shared().await;
    result
}

/// The parsed input files.
#[derive(Clone, Copy)]
struct Labelled<'a> {
    items: &'a [EvalItem],
    queries: &'a [EvalQuery],
}

async fn run(
    pool: &PgPool,
    scope: &Scope,
    settings: &Settings,
    embedding: Arc<Embedding>,
    Labelled { items, queries }: Labelled<'_>,
    args: &RetrievalEval,
    out: &mut (dyn Write + Send),
) -> anyhow::Result<()> {
    let loaded: Loaded = eval::load(pool, scope, items, |_| async {
        let handle = format!("eval-{}", &Uuid::new_v4().simple().to_string()[..12]);
        let new = mimi_apps::NewApp {
            handle: handle.clone(),
            name: handle,
            ..Default::default()
        };
        Ok(mimi_apps::create(pool, scope, &new).await?.id)
    })
    .await?;
    eprintln!(
        "mimi eval: indexing {} items in {} apps…",
        loaded.items.len(),
        loaded.apps.len()
    );
    let k = &settings.knowledge;
    let indexer = Indexer::new(
        pool.clone(),
        embedding.clone(),
        Arc::new(Fetching::new(false)),
        k.limits,
    );
    indexer.run_once().await?;
    let failed: i64 =
        sqlx::query_scalar("select count(*) from knowledge_items where status <> 'ready'")
            .fetch_one(&mut *mimi_store::tenant::begin(pool, scope).await?)
            .await?;
    anyhow::ensure!(failed == 0, "{failed} items could not be indexed");
    let how = eval::Run {
        mode: args.mode,
        k: args.k,
        floors: k.floors,
    };
    let results = eval::run(pool, scope.workspace_id, &embedding, &loaded, queries, how).await?;
    for r in &results {
        writeln!(out, "{}", serde_json::to_string(r)?)?;
    }
    if let Some(summary) = eval::summarise(queries, &results) {
        eprintln!("mimi eval: {}", serde_json::to_string(&summary)?);
    }
    Ok(())
}

async fn create_owner(pool: &PgPool) -> anyhow::Result<Scope> {
    let accounts = Accounts::new(
        pool.clone(),
        mimi_accounts::Config::new("http://127.0.0.1", ServerKeys::random().throttle_key()),
    );
    let id = Uuid::new_v4().simple().to_string();
    let (account_id, workspace_id) = accounts
        .create_verified_account(SignUp {
            name: "Retrieval evaluation".to_owned(),
            email: format!("eval-{id}@mimi.localhost"),
            password: id.clone(),
            workspace_name: "Retrieval evaluation".to_owned(),
            language: Language::En,
            age_confirmed: true,
        })
        .await?;
    Ok(Scope {
        workspace_id,
        account_id: Some(account_id),
        role: Role::Owner,
    })
}

/// Deletes the workspace (its apps and knowledge go with it) and the account.
async fn remove_owner(pool: &PgPool, scope: &Scope) -> anyhow::Result<()> {
    let mut tx = mimi_store::tenant::begin(pool, scope).await?;
    sqlx::query("delete from workspaces where id = $1")
        .bind(scope.workspace_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("delete from accounts where id = $1")
        .bind(scope.account_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
