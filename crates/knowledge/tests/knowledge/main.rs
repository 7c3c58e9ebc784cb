//! mimi-knowledge against a real PostgreSQL with pgvector, through the serving pool
//! (`mimi_app`, under Row-Level Security) as the server uses it. Workspaces and
//! accounts are set up by the administrator with plain SQL; apps through `mimi-apps`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fake_openai;
mod indexing;
mod items;
mod large;
mod tenancy;

use std::sync::{Arc, OnceLock};

use mimi_knowledge::Embedding;

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

/// The real local model, loaded once per test binary (downloaded once per machine into
/// the shared test cache).
pub fn local_model() -> Arc<Embedding> {
    static MODEL: OnceLock<Arc<dyn mimi_embed::Embedder>> = OnceLock::new();
    let model = MODEL.get_or_init(|| {
        let cache = std::env::temp_dir().join("mimi-models");
        mimi_embed::from_settings(&mimi_embed::Settings::default(), &cache).unwrap()
    });
    Arc::new(Embedding::ready(model.clone()))
}

/// A PDF whose trailer says it is encrypted.
pub fn encrypted_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [] /Count 0 >>",
        "<< /Filter /Standard /V 1 /R 2 /O (0123456789abcdef0123456789abcdef) /U (0123456789abcdef0123456789abcdef) /P -4 >>",
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R /Encrypt 3 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .as_bytes(),
    );
    pdf
}
