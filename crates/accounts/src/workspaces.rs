//! Workspaces: the tenants. An account belongs to one or more, with a role in each.

use mimi_domain::{Error, Role, Scope, WorkspaceName};
use mimi_store::tenant;
use serde::Serialize;
use sqlx::PgConnection;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::Accounts;

/// A workspace as one of its members sees it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Workspace {
    /// Its id.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// The caller's role in it.
    #[schema(value_type = String, example = "owner")]
    pub role: Role,
    /// When it was created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// A stored role; anything else is a bug (the column has a check constraint).
pub(crate) fn role(s: &str) -> Result<Role, Error> {
    Role::from_str_opt(s).ok_or_else(|| Error::internal(format!("unknown role {s}")))
}

/// Creates a workspace owned by `owner` inside `tx`, and makes it the transaction's
/// tenant.
pub(crate) async fn insert(
    tx: &mut mimi_store::Tx,
    owner: Uuid,
    name: &WorkspaceName,
) -> Result<Uuid, Error> {
    let id = Uuid::now_v7();
    tenant::set_tenant(tx, id).await?;
    sqlx::query("insert into workspaces (id, name) values ($1, $2)")
        .bind(id)
        .bind(name.as_str())
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "insert into workspace_members (workspace_id, account_id, role) values ($1, $2, 'owner')",
    )
    .bind(id)
    .bind(owner)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

async fn fetch(conn: &mut PgConnection, id: Uuid, account: Uuid) -> Result<Workspace, Error> {
    let (name, role_text, created_at): (String, String, OffsetDateTime) = sqlx::query_as(
        "select w.name, m.role, w.created_at from workspaces w \
         join workspace_members m on m.workspace_id = w.id and m.account_id = $2 \
         where w.id = $1",
    )
    .bind(id)
    .bind(account)
    .fetch_one(conn)
    .await?;
    Ok(Workspace {
        id,
        name,
        role: role(&role_text)?,
        created_at,
    })
}

impl Accounts {
    /// The caller's scope in `workspace_id`: 404 if the account is not a member (or the
    /// workspace does not exist; the two look the same).
    pub async fn scope(&self, account_id: Uuid, workspace_id: Uuid) -> Result<Scope, Error> {
        let mut tx = tenant::tenant(self.pool(), workspace_id, Some(account_id)).await?;
        let role_text: Option<String> = sqlx::query_scalar(
            "select role from workspace_members where workspace_id = $1 and account_id = $2",
        )
        .bind(workspace_id)
        .bind(account_id)
        .fetch_optional(&mut *tx)
        .await?;
        tx.commit().await?;
        let role = role(&role_text.ok_or(Error::NotFound)?)?;
        Ok(Scope {
            workspace_id,
            account_id: Some(account_id),
            role,
        })
    }

    /// Every workspace the account belongs to, oldest first.
    pub async fn workspaces(&self, account_id: Uuid) -> Result<Vec<Workspace>, Error> {
        let mut tx = tenant::account(self.pool(), account_id).await?;
        let rows: Vec<(Uuid, String, String, OffsetDateTime)> = sqlx::query_as(
            "select w.id, w.name, m.role, w.created_at from workspace_members m \
             join workspaces w on w.id = m.workspace_id \
             where m.account_id = $1 order by w.created_at, w.id",
        )
        .bind(account_id)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        rows.into_iter()
            .map(|(id, name, r, created_at)| {
                Ok(Workspace {
                    id,
                    name,
                    role: role(&r)?,
                    created_at,
                })
            })
            .collect()
    }

    /// Creates another workspace, owned by the account.
    pub async fn create_workspace(&self, account_id: Uuid, name: &str) -> Result<Workspace, Error> {
        let name = WorkspaceName::parse(name, "name")?;
        let mut tx = self.pool().begin().await?;
        let id = insert(&mut tx, account_id, &name).await?;
        let workspace = fetch(&mut tx, id, account_id).await?;
        tx.commit().await?;
        Ok(workspace)
    }

    /// The workspace, for one of its members or keys.
    pub async fn workspace(&self, scope: &Scope) -> Result<Workspace, Error> {
        let mut tx = tenant::begin(self.pool(), scope).await?;
        let (name, created_at): (String, OffsetDateTime) =
            sqlx::query_as("select name, created_at from workspaces where id = $1")
                .bind(scope.workspace_id)
                .fetch_one(&mut *tx)
                .await?;
        tx.commit().await?;
        Ok(Workspace {
            id: scope.workspace_id,
            name,
            role: scope.role,
            created_at,
        })
    }

    /// Renames the workspace (admins and the owner).
    pub async fn rename_workspace(&self, scope: &Scope, name: &str) -> Result<Workspace, Error> {
        scope.require(Role::Admin)?;
        let name = WorkspaceName::parse(name, "name")?;
        let mut tx = tenant::begin(self.pool(), scope).await?;
        sqlx::query("update workspaces set name = $2, updated_at = now() where id = $1")
            .bind(scope.workspace_id)
            .bind(name.as_str())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.workspace(scope).await
    }
}
