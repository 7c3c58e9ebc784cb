//! Conversations and their messages: starting one, proving a visitor owns one, reading
//! it back, and writing messages.

use mimi_domain::rules::{TextCodes, TextRule};
use mimi_domain::{Error, Result};
use mimi_store::{PgPool, Tx, tenant, token};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::events::{self, Change, ChangeKind};

/// Longest visitor message, in characters.
pub const MAX_MESSAGE_CHARS: usize = 2_000;

const TEXT: TextRule = TextRule {
    field: "text",
    optional: false,
    max: MAX_MESSAGE_CHARS,
    multiline: true,
    codes: TextCodes {
        required: "text_required",
        too_long: "text_too_long",
        invalid: "text_invalid",
    },
};

const CONTACT: TextRule = TextRule {
    field: "contact",
    optional: true,
    max: 200,
    multiline: false,
    codes: TextCodes {
        required: "contact_required",
        too_long: "contact_too_long",
        invalid: "contact_invalid",
    },
};

/// A new conversation and the token its visitor keeps.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Started {
    /// The conversation.
    pub conversation_id: Uuid,
    /// Sent back as `Authorization: Bearer <visitor_token>`; shown once, stored hashed.
    pub visitor_token: String,
}

/// A visitor proven to hold a conversation's token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visitor {
    /// The tenant.
    pub workspace_id: Uuid,
    /// The app the conversation is with.
    pub app_id: Uuid,
    /// The conversation.
    pub conversation_id: Uuid,
}

impl Visitor {
    /// A change to the visitor's conversation.
    pub(crate) fn change(&self, kind: ChangeKind, message: Option<(Uuid, Role)>) -> Change {
        Change {
            workspace_id: self.workspace_id,
            app_id: self.app_id,
            conversation_id: self.conversation_id,
            kind,
            message_id: message.map(|(id, _)| id),
            role: message.map(|(_, role)| role),
        }
    }
}

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The visitor.
    Visitor,
    /// The app's responder (redacted by the guardrail).
    Assistant,
    /// The owner, replying in person.
    Owner,
}

impl Role {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Role::Visitor => "visitor",
            Role::Assistant => "assistant",
            Role::Owner => "owner",
        }
    }

    pub(crate) fn parse(s: &str) -> Role {
        match s {
            "visitor" => Role::Visitor,
            "owner" => Role::Owner,
            _ => Role::Assistant,
        }
    }
}

/// A message as a visitor reads it back.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct StoredMessage {
    /// Its id.
    pub id: Uuid,
    /// Who wrote it.
    pub role: Role,
    /// Its text (a reply as the guardrail left it).
    pub text: String,
    /// The passages a reply drew on.
    #[schema(value_type = Vec<Object>)]
    pub sources: serde_json::Value,
    /// When it was written.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// Starts a conversation with `app_id` of `workspace_id`.
pub async fn start(pool: &PgPool, workspace_id: Uuid, app_id: Uuid) -> Result<Started> {
    let visitor_token = token::generate();
    let conversation_id = Uuid::now_v7();
    let mut tx = tenant::tenant(pool, workspace_id, None).await?;
    sqlx::query(
        "insert into conversations (id, workspace_id, app_id, visitor_token_hash) values ($1, $2, $3, $4)",
    )
    .bind(conversation_id)
    .bind(workspace_id)
    .bind(app_id)
    .bind(token::hash(&visitor_token))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Started {
        conversation_id,
        visitor_token,
    })
}

/// The visitor holding `visitor_token` for `conversation_id`; [`Error::NotFound`] for a
/// wrong token or conversation alike, so a token proves nothing about other
/// conversations.
pub async fn authorise(
    pool: &PgPool,
    conversation_id: Uuid,
    visitor_token: &str,
) -> Result<Visitor> {
    let found: Option<(Uuid, Uuid)> =
        sqlx::query_as("select workspace_id, app_id from conversation_for_visitor($1, $2)")
            .bind(conversation_id)
            .bind(token::hash(visitor_token))
            .fetch_optional(pool)
            .await?;
    let (workspace_id, app_id) = found.ok_or(Error::NotFound)?;
    Ok(Visitor {
        workspace_id,
        app_id,
        conversation_id,
    })
}

/// The conversation's messages, oldest first.
pub async fn messages(pool: &PgPool, visitor: &Visitor) -> Result<Vec<StoredMessage>> {
    let mut tx = tenant::tenant(pool, visitor.workspace_id, None).await?;
    let rows = history(&mut tx, visitor.conversation_id, i64::MAX).await?;
    tx.commit().await?;
    Ok(rows)
}

/// One message of the visitor's conversation, if it is there.
pub async fn message(
    pool: &PgPool,
    visitor: &Visitor,
    message_id: Uuid,
) -> Result<Option<StoredMessage>> {
    let mut tx = tenant::tenant(pool, visitor.workspace_id, None).await?;
    let row: Option<(Uuid, String, String, serde_json::Value, OffsetDateTime)> = sqlx::query_as(
        "select id, role, content, citations, created_at from messages \
         where id = $1 and conversation_id = $2",
    )
    .bind(message_id)
    .bind(visitor.conversation_id)
    .fetch_optional(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(
        row.map(|(id, role, text, sources, created_at)| StoredMessage {
            id,
            role: Role::parse(&role),
            text,
            sources,
            created_at,
        }),
    )
}

/// The last `limit` messages of a conversation, oldest first.
pub(crate) async fn history(
    tx: &mut Tx,
    conversation_id: Uuid,
    limit: i64,
) -> Result<Vec<StoredMessage>> {
    let rows: Vec<(Uuid, String, String, serde_json::Value, OffsetDateTime)> = sqlx::query_as(
        "select id, role, content, citations, created_at from ( \
           select * from messages where conversation_id = $1 \
           order by created_at desc, id desc limit $2) m order by created_at, id",
    )
    .bind(conversation_id)
    .bind(limit)
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, role, text, sources, created_at)| StoredMessage {
            id,
            role: Role::parse(&role),
            text,
            sources,
            created_at,
        })
        .collect())
}

/// Checks a visitor's message and returns it trimmed.
pub(crate) fn check_text(text: &str) -> Result<String> {
    TEXT.check(text, None)
}

/// Stores the visitor's message and marks the conversation active (no longer handled).
pub(crate) async fn add_visitor_message(
    pool: &PgPool,
    visitor: &Visitor,
    text: &str,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    let mut tx = tenant::tenant(pool, visitor.workspace_id, None).await?;
    insert(&mut tx, visitor, id, Role::Visitor, text).await?;
    sqlx::query(
        "update conversations set last_message_at = now(), handled_at = null where id = $1",
    )
    .bind(visitor.conversation_id)
    .execute(&mut *tx)
    .await?;
    events::announce(
        &mut tx,
        &visitor.change(ChangeKind::Message, Some((id, Role::Visitor))),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

async fn insert(tx: &mut Tx, visitor: &Visitor, id: Uuid, role: Role, text: &str) -> Result<()> {
    sqlx::query(
        "insert into messages (id, workspace_id, conversation_id, role, content) values ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(visitor.workspace_id)
    .bind(visitor.conversation_id)
    .bind(role.as_str())
    .bind(text)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A finished (or failed) reply, as stored.
pub(crate) struct Reply<'a> {
    pub text: &'a str,
    pub citations: serde_json::Value,
    pub model: &'a str,
    pub input_tokens: Option<u32>,
    pub output_tokens: Option<u32>,
    pub latency_ms: u32,
    pub failed: bool,
    pub unanswered: bool,
}

/// Stores the assistant's reply and updates the conversation.
pub(crate) async fn add_reply(pool: &PgPool, visitor: &Visitor, reply: &Reply<'_>) -> Result<Uuid> {
    let id = Uuid::now_v7();
    let mut tx = tenant::tenant(pool, visitor.workspace_id, None).await?;
    sqlx::query(
        "insert into messages (id, workspace_id, conversation_id, role, content, citations, model, \
         input_tokens, output_tokens, latency_ms, status) \
         values ($1, $2, $3, 'assistant', $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(id)
    .bind(visitor.workspace_id)
    .bind(visitor.conversation_id)
    .bind(reply.text)
    .bind(&reply.citations)
    .bind(reply.model)
    .bind(reply.input_tokens.map(|t| t as i32))
    .bind(reply.output_tokens.map(|t| t as i32))
    .bind(reply.latency_ms as i32)
    .bind(if reply.failed { "failed" } else { "complete" })
    .execute(&mut *tx)
    .await?;
    sqlx::query("update conversations set last_message_at = now(), unanswered = $2 where id = $1")
        .bind(visitor.conversation_id)
        .bind(reply.unanswered)
        .execute(&mut *tx)
        .await?;
    events::announce(
        &mut tx,
        &visitor.change(ChangeKind::Message, Some((id, Role::Assistant))),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The visitor asks for a person: the conversation is marked handed off (and open), with
/// how to reach them if they said (at most 200 characters, one line: `contact_too_long`,
/// `contact_invalid`). Asking again replaces the contact.
pub(crate) async fn hand_off(
    pool: &PgPool,
    visitor: &Visitor,
    contact: Option<&str>,
) -> Result<bool> {
    let contact = CONTACT.check(contact.unwrap_or_default(), None)?;
    let mut tx = tenant::tenant(pool, visitor.workspace_id, None).await?;
    sqlx::query(
        "update conversations set handed_off_at = now(), handled_at = null, \
         visitor_contact = nullif($2, '') where id = $1",
    )
    .bind(visitor.conversation_id)
    .bind(&contact)
    .execute(&mut *tx)
    .await?;
    events::announce(&mut tx, &visitor.change(ChangeKind::HandOff, None)).await?;
    tx.commit().await?;
    Ok(!contact.is_empty())
}
