//! Invitations by email. The link's token carries its workspace's id, so accepting it
//! opens the right tenant transaction before anything is read; the rest of the token is
//! a secret stored only as a hash.

use std::time::Duration;

use mimi_domain::{Email, Error, Language, Role, Scope};
use mimi_notify::Message;
use mimi_store::tenant;
use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{Accounts, links, token};

const INVITE_TTL: Duration = Duration::from_secs(7 * 24 * 3600);

/// An invitation as admins see it.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Invite {
    /// Its id.
    pub id: Uuid,
    /// Who is invited.
    pub email: String,
    /// The role they will get.
    pub role: String,
    /// When it was sent.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// When the link stops working.
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
}

/// `<workspace id, 32 hex>.<secret>`.
fn split(token: &str) -> Option<(Uuid, &str)> {
    let (ws, secret) = token.split_once('.')?;
    Some((Uuid::try_parse(ws).ok()?, secret))
}

fn invalid_token() -> Error {
    Error::invalid(
        "token",
        "token_invalid",
        "this invitation link is not valid; check that it was copied whole",
    )
}

impl Accounts {
    /// Invites `email` with `role` (admins and the owner). Inviting the same address
    /// again replaces the open invitation with a fresh link.
    pub async fn invite(&self, scope: &Scope, email: &str, role: &str) -> Result<Invite, Error> {
        scope.require(Role::Admin)?;
        let email = Email::parse(email, "email")?;
        let role = Role::parse_assignable(role, "role")?;
        let mut tx = tenant::begin(self.pool(), scope).await?;
        let already: bool = sqlx::query_scalar(
            "select exists(select 1 from workspace_members m join accounts a on a.id = m.account_id \
             where m.workspace_id = mimi_tenant() and lower(a.email) = $1)",
        )
        .bind(email.normalized())
        .fetch_one(&mut *tx)
        .await?;
        if already {
            return Err(Error::conflict(
                "email",
                "already_member",
                "this person is already a member",
            ));
        }
        sqlx::query(
            "delete from workspace_invites where lower(email) = $1 and accepted_at is null",
        )
        .bind(email.normalized())
        .execute(&mut *tx)
        .await?;
        let secret = token::generate();
        let invite: Invite = sqlx::query_as(
            "insert into workspace_invites (id, workspace_id, email, role, token_hash, invited_by, expires_at) \
             values ($1, mimi_tenant(), $2, $3, $4, $5, now() + make_interval(secs => $6)) \
             returning id, email, role, created_at, expires_at",
        )
        .bind(Uuid::now_v7())
        .bind(email.as_str())
        .bind(role.as_str())
        .bind(token::hash(&secret))
        .bind(scope.account_id)
        .bind(INVITE_TTL.as_secs_f64())
        .fetch_one(&mut *tx)
        .await?;
        let (workspace_name,): (String,) =
            sqlx::query_as("select name from workspaces where id = mimi_tenant()")
                .fetch_one(&mut *tx)
                .await?;
        let (inviter_name, language) = match scope.account_id {
            Some(id) => {
                let (name, lang): (String, String) =
                    sqlx::query_as("select name, language from accounts where id = $1")
                        .bind(id)
                        .fetch_one(&mut *tx)
                        .await?;
                (name, Language::from_tag(&lang).unwrap_or_default())
            }
            None => (workspace_name.clone(), Language::default()),
        };
        let link_token = format!("{}.{secret}", scope.workspace_id.simple());
        let message = Message::Invite {
            inviter_name,
            workspace_name,
            link: self.config().link(links::ACCEPT_INVITE, &link_token),
        };
        mimi_notify::enqueue(&mut tx, email.as_str(), &message, language)
            .await
            .map_err(Error::internal)?;
        tx.commit().await?;
        Ok(invite)
    }

    /// Open invitations, newest first.
    pub async fn invites(&self, scope: &Scope) -> Result<Vec<Invite>, Error> {
        scope.require(Role::Admin)?;
        let mut tx = tenant::begin(self.pool(), scope).await?;
        let invites = sqlx::query_as(
            "select id, email, role, created_at, expires_at from workspace_invites \
             where accepted_at is null order by created_at desc",
        )
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(invites)
    }

    /// Withdraws an open invitation; its link stops working.
    pub async fn revoke_invite(&self, scope: &Scope, invite_id: Uuid) -> Result<(), Error> {
        scope.require(Role::Admin)?;
        let mut tx = tenant::begin(self.pool(), scope).await?;
        let done =
            sqlx::query("delete from workspace_invites where id = $1 and accepted_at is null")
                .bind(invite_id)
                .execute(&mut *tx)
                .await?;
        if done.rows_affected() == 0 {
            return Err(Error::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }

    /// Joins the workspace of an invitation link. The signed-in account's email must be
    /// the invited one, so a forwarded link does not let someone else in.
    pub async fn accept_invite(
        &self,
        account_id: Uuid,
        link_token: &str,
    ) -> Result<crate::workspaces::Workspace, Error> {
        let (workspace_id, secret) = split(link_token).ok_or_else(invalid_token)?;
        let mut tx = tenant::tenant(self.pool(), workspace_id, Some(account_id)).await?;
        let found: Option<(Uuid, String, String, bool, bool)> = sqlx::query_as(
            "select id, email, role, accepted_at is not null, expires_at <= now() \
             from workspace_invites where token_hash = $1 for update",
        )
        .bind(token::hash(secret))
        .fetch_optional(&mut *tx)
        .await?;
        let (invite_id, email, role, accepted, expired) = found.ok_or_else(invalid_token)?;
        if accepted {
            return Err(Error::Gone {
                code: "token_used",
                message: "this invitation was already accepted".into(),
            });
        }
        if expired {
            return Err(Error::Gone {
                code: "token_expired",
                message: "this invitation has expired; ask for a new one".into(),
            });
        }
        let mine: String = sqlx::query_scalar("select email from accounts where id = $1")
            .bind(account_id)
            .fetch_one(&mut *tx)
            .await?;
        if mine.to_lowercase() != email.to_lowercase() {
            return Err(Error::forbidden(
                "invite_email_mismatch",
                "this invitation is for another email address; sign in with that address to accept it",
            ));
        }
        sqlx::query(
            "insert into workspace_members (workspace_id, account_id, role) values (mimi_tenant(), $1, $2) \
             on conflict (workspace_id, account_id) do nothing",
        )
        .bind(account_id)
        .bind(&role)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "update workspace_invites set accepted_at = now(), accepted_by = $2 where id = $1",
        )
        .bind(invite_id)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        let scope = self.scope(account_id, workspace_id).await?;
        self.workspace(&scope).await
    }
}
