//! mimi-knowledge against a real PostgreSQL with pgvector, through the serving pool
//! (`mimi_app`, under Row-Level Security) as the server uses it. Workspaces and
//! accounts are set up by the administrator with plain SQL; apps through `mimi-apps`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod items;
mod tenancy;

use mimi_domain::{Role, Scope};
use mimi_knowledge::{Limits, NewFaq, NewPage};
use mimi_testkit::TestDb;
use sqlx::PgPool;
use uuid::Uuid;

/// A fresh database and its serving pool.
pub struct Env {
    pub db: TestDb,
    pub pool: PgPool,
    pub limits: Limits,
}

impl Env {
    pub async fn new() -> Env {
        let db = TestDb::new().await;
        let pool = db.serving_pool().await;
        Env {
            db,
            pool,
            limits: Limits::default(),
        }
    }

    /// A workspace and its owner, acting in it.
    pub async fn workspace(&self, name: &str) -> Scope {
        let (ws, account) = (Uuid::new_v4(), Uuid::new_v4());
        let mut tx = self.db.pool.begin().await.unwrap();
        sqlx::query(
            "insert into accounts (id, name, email, password_hash) values ($1, $2, $3, 'x')",
        )
        .bind(account)
        .bind(name)
        .bind(format!("{name}-{account}@example.com"))
        .execute(&mut *tx)
        .await
        .unwrap();
        sqlx::query("insert into workspaces (id, name) values ($1, $2)")
            .bind(ws)
            .bind(name)
            .execute(&mut *tx)
            .await
            .unwrap();
        sqlx::query("insert into workspace_members (workspace_id, account_id, role) values ($1, $2, 'owner')")
            .bind(ws)
            .bind(account)
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        Scope {
            workspace_id: ws,
            account_id: Some(account),
            role: Role::Owner,
        }
    }

    /// An app in `scope`'s workspace.
    pub async fn app(&self, scope: &Scope, handle: &str) -> Uuid {
        let new = mimi_apps::NewApp {
            handle: handle.into(),
            name: handle.into(),
            ..Default::default()
        };
        mimi_apps::create(&self.pool, scope, &new).await.unwrap().id
    }

    /// Rows in a knowledge table across all workspaces, as the administrator sees them.
    pub async fn count(&self, table: &str) -> i64 {
        assert!(table.starts_with("knowledge_"), "{table}");
        sqlx::query_scalar(&format!("select count(*) from {table}"))
            .fetch_one(&self.db.pool)
            .await
            .unwrap()
    }
}

pub fn faq(question: &str, answer: &str) -> NewFaq {
    NewFaq {
        question: question.into(),
        answer: answer.into(),
        link: None,
    }
}

pub fn page(title: &str, body: &str) -> NewPage {
    NewPage {
        title: title.into(),
        body: body.into(),
    }
}
