//! The owner's side of conversations: the inbox with its filters, a thread with its
//! citations, replying in person, marking one handled, deleting one. Every call runs in the caller's tenant
//! transaction, so another workspace's conversation is [`Error::NotFound`].

use mimi_domain::{Error, Result, Role as MemberRole, Scope};
use mimi_store::{PgPool, tenant};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use crate::conversation::Role;
use crate::events::{self, Change, ChangeKind};

/// Longest preview of a conversation's last message, in characters.
const PREVIEW_CHARS: usize = 200;
/// Most conversations one inbox page lists.
pub const MAX_LIST: i64 = 200;

/// Which conversations the inbox shows; every filter is optional.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct InboxFilter {
    /// One app's.
    pub app_id: Option<Uuid>,
    /// Active at or after this time (RFC 3339, or a date `2026-11-23` meaning its start, UTC).
    pub from: Option<String>,
    /// Active before this time (RFC 3339, or a date meaning its start, UTC).
    pub to: Option<String>,
    /// Only those whose last reply found nothing to answer with (`true`), or the others.
    pub unanswered: Option<bool>,
    /// Only those where the visitor asked for a person (`true`), or the others.
    pub handed_off: Option<bool>,
    /// Only those the owner marked handled (`true`), or the open ones (`false`).
    pub handled: Option<bool>,
}

/// A conversation as the inbox lists it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Summary {
    /// The conversation.
    pub id: Uuid,
    /// Its app.
    pub app_id: Uuid,
    /// When it began.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Its latest message.
    #[serde(with = "time::serde::rfc3339")]
    pub last_message_at: OffsetDateTime,
    /// When the owner marked it handled, if they did since the visitor last wrote.
    #[serde(with = "time::serde::rfc3339::option")]
    pub handled_at: Option<OffsetDateTime>,
    /// When the visitor asked for a person.
    #[serde(with = "time::serde::rfc3339::option")]
    pub handed_off_at: Option<OffsetDateTime>,
    /// How the visitor asked to be reached, in their words, if they said.
    pub visitor_contact: Option<String>,
    /// The last reply found nothing to answer with.
    pub unanswered: bool,
    /// How many messages it holds.
    pub messages: i64,
    /// The start of its latest message.
    pub preview: String,
}

/// A message as the owner reads it, with what produced it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ThreadMessage {
    /// Its id.
    pub id: Uuid,
    /// Who wrote it.
    pub role: Role,
    /// Its text (a reply as the guardrail left it).
    pub text: String,
    /// The passages a reply drew on.
    #[schema(value_type = Vec<Object>)]
    pub sources: serde_json::Value,
    /// The responder (`extractive`, `anthropic:…`), for replies.
    pub model: Option<String>,
    /// Tokens in and out, when the provider reported them.
    pub input_tokens: Option<i32>,
    /// Tokens of the reply.
    pub output_tokens: Option<i32>,
    /// Milliseconds from the question to the stored reply.
    pub latency_ms: Option<i32>,
    /// `complete`, or `failed` when the responder could not answer.
    pub status: String,
    /// When it was written.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// A whole conversation.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Thread {
    /// The conversation.
    pub conversation: Summary,
    /// Its messages, oldest first.
    pub messages: Vec<ThreadMessage>,
}

const SUMMARY: &str = "select c.id, c.app_id, c.created_at, c.last_message_at, c.handled_at, \
     c.handed_off_at, c.visitor_contact, c.unanswered, \
     (select count(*) from messages m where m.conversation_id = c.id), \
     coalesce((select left(m.content, $1) from messages m where m.conversation_id = c.id \
               order by m.created_at desc, m.id desc limit 1), '') \
     from conversations c";

type SummaryRow = (
    Uuid,
    Uuid,
    OffsetDateTime,
    OffsetDateTime,
    Option<OffsetDateTime>,
    Option<OffsetDateTime>,
    Option<String>,
    bool,
    i64,
    String,
);

fn summary(r: SummaryRow) -> Summary {
    Summary {
        id: r.0,
        app_id: r.1,
        created_at: r.2,
        last_message_at: r.3,
        handled_at: r.4,
        handed_off_at: r.5,
        visitor_contact: r.6,
        unanswered: r.7,
        messages: r.8,
        preview: r.9,
    }
}

/// The workspace's conversations matching `filter`, latest activity first (at most
/// [`MAX_LIST`]). Errors: `from_invalid`, `to_invalid` (not a date or RFC 3339 time).
pub async fn inbox(pool: &PgPool, scope: &Scope, filter: &InboxFilter) -> Result<Vec<Summary>> {
    let from = time_filter("from", filter.from.as_deref())?;
    let to = time_filter("to", filter.to.as_deref())?;
    let mut tx = tenant::begin(pool, scope).await?;
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "{SUMMARY} where ($2::uuid is null or c.app_id = $2) \
         and ($3::timestamptz is null or c.last_message_at >= $3) \
         and ($4::timestamptz is null or c.last_message_at < $4) \
         and ($5::boolean is null or c.unanswered = $5) \
         and ($6::boolean is null or (c.handed_off_at is not null) = $6) \
         and ($7::boolean is null or (c.handled_at is not null) = $7) \
         order by c.last_message_at desc, c.id desc limit $8"
    ))
    .bind(PREVIEW_CHARS as i32)
    .bind(filter.app_id)
    .bind(from)
    .bind(to)
    .bind(filter.unanswered)
    .bind(filter.handed_off)
    .bind(filter.handled)
    .bind(MAX_LIST)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(rows.into_iter().map(summary).collect())
}

fn time_filter(field: &'static str, value: Option<&str>) -> Result<Option<OffsetDateTime>> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let invalid = || {
        Error::invalid(
            field,
            if field == "from" {
                "from_invalid"
            } else {
                "to_invalid"
            },
            format!(
                "{field} must be a date (2026-11-23) or an RFC 3339 time (2026-11-23T09:00:00Z)"
            ),
        )
    };
    if let Ok(t) = OffsetDateTime::parse(value, &Rfc3339) {
        return Ok(Some(t));
    }
    let parts: Vec<&str> = value.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return Err(invalid());
    };
    let number = |s: &str| s.parse::<u16>().map_err(|_| invalid());
    let month = time::Month::try_from(number(month)? as u8).map_err(|_| invalid())?;
    let date = time::Date::from_calendar_date(i32::from(number(year)?), month, number(day)? as u8)
        .map_err(|_| invalid())?;
    Ok(Some(date.midnight().assume_utc()))
}

/// One conversation with its messages.
pub async fn thread(pool: &PgPool, scope: &Scope, conversation_id: Uuid) -> Result<Thread> {
    let mut tx = tenant::begin(pool, scope).await?;
    let row: SummaryRow = sqlx::query_as(&format!("{SUMMARY} where c.id = $2"))
        .bind(PREVIEW_CHARS as i32)
        .bind(conversation_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(Error::NotFound)?;
    type MessageRow = (
        Uuid,
        String,
        String,
        serde_json::Value,
        Option<String>,
        Option<i32>,
        Option<i32>,
        Option<i32>,
        String,
        OffsetDateTime,
    );
    let messages: Vec<MessageRow> = sqlx::query_as(
        "select id, role, content, citations, model, input_tokens, output_tokens, latency_ms, status, created_at \
         from messages where conversation_id = $1 order by created_at, id",
    )
    .bind(conversation_id)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Thread {
        conversation: summary(row),
        messages: messages
            .into_iter()
            .map(|m| ThreadMessage {
                id: m.0,
                role: Role::parse(&m.1),
                text: m.2,
                sources: m.3,
                model: m.4,
                input_tokens: m.5,
                output_tokens: m.6,
                latency_ms: m.7,
                status: m.8,
                created_at: m.9,
            })
            .collect(),
    })
}

/// Marks a conversation handled (or open again); a new visitor message opens it again.
pub async fn set_handled(
    pool: &PgPool,
    scope: &Scope,
    conversation_id: Uuid,
    handled: bool,
) -> Result<Summary> {
    scope.require(MemberRole::Member)?;
    let mut tx = tenant::begin(pool, scope).await?;
    let app_id: Uuid = sqlx::query_scalar(
        "update conversations set handled_at = case when $2 then now() end where id = $1 \
         returning app_id",
    )
    .bind(conversation_id)
    .bind(handled)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(Error::NotFound)?;
    let change = change(scope, app_id, conversation_id, ChangeKind::Handled, None);
    events::announce(&mut tx, &change).await?;
    let row: SummaryRow = sqlx::query_as(&format!("{SUMMARY} where c.id = $2"))
        .bind(PREVIEW_CHARS as i32)
        .bind(conversation_id)
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(summary(row))
}

/// Deletes a conversation and its messages, at once.
pub async fn delete(pool: &PgPool, scope: &Scope, conversation_id: Uuid) -> Result<()> {
    scope.require(MemberRole::Member)?;
    let mut tx = tenant::begin(pool, scope).await?;
    let app_id: Uuid =
        sqlx::query_scalar("delete from conversations where id = $1 returning app_id")
            .bind(conversation_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(Error::NotFound)?;
    let change = change(scope, app_id, conversation_id, ChangeKind::Deleted, None);
    events::announce(&mut tx, &change).await?;
    tx.commit().await?;
    Ok(())
}

/// The owner's reply (checked as a visitor's message is: `text_required`,
/// `text_too_long`, `text_invalid`), stored in the conversation and shown to the visitor
/// as it is: the owner's own words do not pass the guardrail. The conversation counts
/// as answered.
pub async fn reply(
    pool: &PgPool,
    scope: &Scope,
    conversation_id: Uuid,
    text: &str,
) -> Result<ThreadMessage> {
    scope.require(MemberRole::Member)?;
    let text = crate::conversation::check_text(text)?;
    let mut tx = tenant::begin(pool, scope).await?;
    let app_id: Uuid = sqlx::query_scalar(
        "update conversations set last_message_at = now(), unanswered = false where id = $1 \
         returning app_id",
    )
    .bind(conversation_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(Error::NotFound)?;
    let id = Uuid::now_v7();
    let created_at: OffsetDateTime = sqlx::query_scalar(
        "insert into messages (id, workspace_id, conversation_id, role, content) \
         values ($1, $2, $3, 'owner', $4) returning created_at",
    )
    .bind(id)
    .bind(scope.workspace_id)
    .bind(conversation_id)
    .bind(&text)
    .fetch_one(&mut *tx)
    .await?;
    let change = change(
        scope,
        app_id,
        conversation_id,
        ChangeKind::Message,
        Some((id, Role::Owner)),
    );
    events::announce(&mut tx, &change).await?;
    tx.commit().await?;
    Ok(ThreadMessage {
        id,
        role: Role::Owner,
        text,
        sources: serde_json::Value::Array(Vec::new()),
        model: None,
        input_tokens: None,
        output_tokens: None,
        latency_ms: None,
        status: "complete".to_owned(),
        created_at,
    })
}

fn change(
    scope: &Scope,
    app_id: Uuid,
    conversation_id: Uuid,
    kind: ChangeKind,
    message: Option<(Uuid, Role)>,
) -> Change {
    Change {
        workspace_id: scope.workspace_id,
        app_id,
        conversation_id,
        kind,
        message_id: message.map(|(id, _)| id),
        role: message.map(|(_, role)| role),
    }
}
