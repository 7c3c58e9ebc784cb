//! mimi-apps against a real PostgreSQL, through the serving pool (`mimi_app`, under
//! Row-Level Security) as the server uses it. Workspaces, accounts and members are set
//! up by the administrator with plain SQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fixtures;
mod images;
mod lifecycle;
mod tenancy;
mod validation;

use mimi_apps::{LocalStorage, NewApp};
use mimi_domain::{Role, Scope};
use mimi_testkit::TestDb;
use sqlx::PgPool;
use uuid::Uuid;

/// A fresh database, its serving pool and an empty file store.
pub struct Env {
    pub db: TestDb,
    pub pool: PgPool,
    pub storage: LocalStorage,
    _files: tempfile::TempDir,
}

impl Env {
    pub async fn new() -> Env {
        let db = TestDb::new().await;
        let pool = db.serving_pool().await;
        let files = tempfile::tempdir().unwrap();
        let storage = LocalStorage::new(files.path().join("files"));
        Env {
            db,
            pool,
            storage,
            _files: files,
        }
    }

    /// A workspace and its owner, acting in it.
    pub async fn workspace(&self, name: &str) -> Scope {
        let (ws, account) = (Uuid::new_v4(), Uuid::new_v4());
        let mut tx = self.db.pool.begin().await.unwrap();
        account_row(&mut tx, account, name).await;
        sqlx::query("insert into workspaces (id, name) values ($1, $2)")
            .bind(ws)
            .bind(name)
            .execute(&mut *tx)
            .await
            .unwrap();
        member_row(&mut tx, ws, account, Role::Owner).await;
        tx.commit().await.unwrap();
        Scope {
            workspace_id: ws,
            account_id: Some(account),
            role: Role::Owner,
        }
    }

    /// Another account that joins `owner`'s workspace with `role`, acting there.
    pub async fn join(&self, owner: &Scope, name: &str, role: Role) -> Scope {
        let account = Uuid::new_v4();
        let mut tx = self.db.pool.begin().await.unwrap();
        account_row(&mut tx, account, name).await;
        member_row(&mut tx, owner.workspace_id, account, role).await;
        tx.commit().await.unwrap();
        Scope {
            workspace_id: owner.workspace_id,
            account_id: Some(account),
            role,
        }
    }

    /// Rows in `table` across all workspaces, as the administrator sees them.
    pub async fn count(&self, table: &str) -> i64 {
        assert!(matches!(table, "apps" | "files"), "{table}");
        sqlx::query_scalar(&format!("select count(*) from {table}"))
            .fetch_one(&self.db.pool)
            .await
            .unwrap()
    }

    /// The names of the files stored for `workspace`, sorted; none if it has no folder.
    pub fn stored(&self, workspace: Uuid) -> Vec<String> {
        let dir = self.storage.root().join(workspace.to_string());
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }
}

async fn account_row(tx: &mut sqlx::PgConnection, id: Uuid, name: &str) {
    sqlx::query("insert into accounts (id, name, email, password_hash) values ($1, $2, $3, 'x')")
        .bind(id)
        .bind(name)
        .bind(format!("{name}-{id}@example.com"))
        .execute(tx)
        .await
        .unwrap();
}

async fn member_row(tx: &mut sqlx::PgConnection, ws: Uuid, account: Uuid, role: Role) {
    sqlx::query(
        "insert into workspace_members (workspace_id, account_id, role) values ($1, $2, $3)",
    )
    .bind(ws)
    .bind(account)
    .bind(role.as_str())
    .execute(tx)
    .await
    .unwrap();
}

/// The least a new app needs.
pub fn new_app(handle: &str) -> NewApp {
    NewApp {
        handle: handle.into(),
        name: format!("The {handle} app"),
        ..NewApp::default()
    }
}
