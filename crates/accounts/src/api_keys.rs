//! API keys for integrators: one workspace each, shown once, stored hashed, revocable,
//! with a last-used time. A key reads `mimi_<workspace id>_<secret>`, so authenticating
//! it opens the right tenant transaction first.

use mimi_domain::{Error, Role, Scope};
use mimi_store::tenant;
use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{Accounts, token};

/// A key as lists show it (never the secret).
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ApiKey {
    /// Its id.
    pub id: Uuid,
    /// What the owner called it.
    pub name: String,
    /// Its first characters, to recognise it.
    pub prefix: String,
    /// When it was made.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// When it was last used.
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_used_at: Option<OffsetDateTime>,
}

/// A new key, with the secret shown this once.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CreatedApiKey {
    /// The key as listed.
    #[serde(flatten)]
    pub key: ApiKey,
    /// The whole key; Mimi keeps only its hash.
    pub secret: String,
}

const COLUMNS: &str = "id, name, prefix, created_at, last_used_at";

fn invalid() -> Error {
    Error::Unauthenticated {
        code: "invalid_api_key",
        message: "the API key is not valid or was revoked".into(),
    }
}

impl Accounts {
    /// Creates a key (admins and the owner, signed in: a key cannot mint keys).
    pub async fn create_api_key(&self, scope: &Scope, name: &str) -> Result<CreatedApiKey, Error> {
        scope.require(Role::Admin)?;
        if scope.account_id.is_none() {
            return Err(Error::forbidden(
                "account_required",
                "API keys are created by a signed-in admin",
            ));
        }
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 80 || name.chars().any(char::is_control) {
            return Err(Error::invalid(
                "name",
                "name_invalid",
                "give the key a name of 1 to 80 characters",
            ));
        }
        let secret = format!("mimi_{}_{}", scope.workspace_id.simple(), token::generate());
        let prefix = format!("mimi_…{}", &secret[secret.len() - 6..]);
        let mut tx = tenant::begin(self.pool(), scope).await?;
        let key: ApiKey = sqlx::query_as(&format!(
            "insert into api_keys (id, workspace_id, name, prefix, secret_hash, created_by) \
             values ($1, mimi_tenant(), $2, $3, $4, $5) returning {COLUMNS}"
        ))
        .bind(Uuid::now_v7())
        .bind(name)
        .bind(&prefix)
        .bind(token::hash(&secret))
        .bind(scope.account_id)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(CreatedApiKey { key, secret })
    }

    /// The workspace's live keys, newest first.
    pub async fn api_keys(&self, scope: &Scope) -> Result<Vec<ApiKey>, Error> {
        scope.require(Role::Admin)?;
        let mut tx = tenant::begin(self.pool(), scope).await?;
        let keys = sqlx::query_as(&format!(
            "select {COLUMNS} from api_keys where revoked_at is null order by created_at desc"
        ))
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(keys)
    }

    /// Revokes a key at once.
    pub async fn revoke_api_key(&self, scope: &Scope, key_id: Uuid) -> Result<(), Error> {
        scope.require(Role::Admin)?;
        let mut tx = tenant::begin(self.pool(), scope).await?;
        let done = sqlx::query(
            "update api_keys set revoked_at = now() where id = $1 and revoked_at is null",
        )
        .bind(key_id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(Error::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }

    /// The scope a presented key grants (its workspace, as an admin), noting its use.
    pub async fn authenticate_api_key(&self, secret: &str) -> Result<Scope, Error> {
        let workspace_id = secret
            .strip_prefix("mimi_")
            .and_then(|rest| rest.split_once('_'))
            .and_then(|(ws, _)| Uuid::try_parse(ws).ok())
            .ok_or_else(invalid)?;
        let mut tx = tenant::tenant(self.pool(), workspace_id, None).await?;
        let found: Option<Uuid> = sqlx::query_scalar(
            "update api_keys set last_used_at = case \
                 when last_used_at is null or last_used_at < now() - interval '1 minute' then now() \
                 else last_used_at end \
             where secret_hash = $1 and revoked_at is null returning id",
        )
        .bind(token::hash(secret))
        .fetch_optional(&mut *tx)
        .await?;
        tx.commit().await?;
        found.ok_or_else(invalid)?;
        Ok(Scope {
            workspace_id,
            account_id: None,
            role: Role::Admin,
        })
    }
}
