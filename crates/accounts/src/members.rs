//! Members of a workspace: roles, removal, and the transfer of ownership. A workspace
//! always has exactly one owner (a deferred trigger checks it at every commit).

use mimi_domain::{Error, Role, Scope};
use mimi_store::tenant;
use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::Accounts;

/// A member as the workspace sees them.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Member {
    /// Their account.
    pub account_id: Uuid,
    /// Display name.
    pub name: String,
    /// Sign-in email (colleagues need it to recognise each other).
    pub email: String,
    /// Role here.
    #[schema(value_type = String, example = "member")]
    pub role: Role,
    /// When they joined.
    #[serde(with = "time::serde::rfc3339")]
    pub joined_at: OffsetDateTime,
}

async fn member_role(tx: &mut mimi_store::Tx, account_id: Uuid) -> Result<Role, Error> {
    let text: String = sqlx::query_scalar(
        "select role from workspace_members where account_id = $1 and workspace_id = mimi_tenant()",
    )
    .bind(account_id)
    .fetch_one(&mut **tx)
    .await?;
    crate::workspaces::role(&text)
}

impl Accounts {
    /// Every member, owner first.
    pub async fn members(&self, scope: &Scope) -> Result<Vec<Member>, Error> {
        let mut tx = tenant::begin(self.pool(), scope).await?;
        let rows: Vec<(Uuid, String, String, String, OffsetDateTime)> = sqlx::query_as(
            "select a.id, a.name, a.email, m.role, m.created_at from workspace_members m \
             join accounts a on a.id = m.account_id \
             where m.workspace_id = mimi_tenant() \
             order by case m.role when 'owner' then 0 when 'admin' then 1 else 2 end, m.created_at",
        )
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        rows.into_iter()
            .map(|(account_id, name, email, role, joined_at)| {
                Ok(Member {
                    account_id,
                    name,
                    email,
                    role: crate::workspaces::role(&role)?,
                    joined_at,
                })
            })
            .collect()
    }

    /// Makes a member an admin or a plain member (admins and the owner). The owner's
    /// role changes only by transfer.
    pub async fn set_role(&self, scope: &Scope, account_id: Uuid, role: &str) -> Result<(), Error> {
        scope.require(Role::Admin)?;
        let role = Role::parse_assignable(role, "role")?;
        let mut tx = tenant::begin(self.pool(), scope).await?;
        if member_role(&mut tx, account_id).await? == Role::Owner {
            return Err(Error::Conflict {
                code: "owner_role_fixed",
                field: Some("role"),
                message: "the owner's role changes only by transferring ownership".into(),
            });
        }
        sqlx::query("update workspace_members set role = $2 where account_id = $1 and workspace_id = mimi_tenant()")
            .bind(account_id)
            .bind(role.as_str())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes a member: admins and the owner remove others, anyone may leave. The owner
    /// cannot be removed or leave before transferring ownership.
    pub async fn remove_member(&self, scope: &Scope, account_id: Uuid) -> Result<(), Error> {
        if scope.account_id != Some(account_id) {
            scope.require(Role::Admin)?;
        }
        let mut tx = tenant::begin(self.pool(), scope).await?;
        if member_role(&mut tx, account_id).await? == Role::Owner {
            return Err(Error::Conflict {
                code: "owner_cannot_leave",
                field: None,
                message: "the owner cannot be removed; transfer ownership to another member first"
                    .into(),
            });
        }
        sqlx::query(
            "delete from workspace_members where account_id = $1 and workspace_id = mimi_tenant()",
        )
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Hands ownership to another member (the owner only, signed in); the old owner stays
    /// on as an admin.
    pub async fn transfer_ownership(&self, scope: &Scope, to: Uuid) -> Result<(), Error> {
        scope.require(Role::Owner)?;
        let Some(me) = scope.account_id else {
            return Err(Error::forbidden(
                "account_required",
                "only the signed-in owner can transfer ownership",
            ));
        };
        if me == to {
            return Err(Error::invalid(
                "account_id",
                "already_owner",
                "you already own this workspace",
            ));
        }
        let mut tx = tenant::begin(self.pool(), scope).await?;
        // 404 for someone who is not a member.
        member_role(&mut tx, to).await?;
        sqlx::query("update workspace_members set role = 'admin' where account_id = $1 and workspace_id = mimi_tenant()")
            .bind(me)
            .execute(&mut *tx)
            .await?;
        sqlx::query("update workspace_members set role = 'owner' where account_id = $1 and workspace_id = mimi_tenant()")
            .bind(to)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        tracing::info!(workspace = %scope.workspace_id, "ownership transferred");
        Ok(())
    }
}
