//! Live updates. Every change to a conversation (a message stored, a hand-off, marked
//! handled, deleted) is announced with `pg_notify` on [`CHANNEL`] inside the transaction
//! that makes it, so it is delivered on commit, to every `mimi` process, and only then.
//! The payload holds ids only: no text leaves the tables this way.
//!
//! [`Events`] listens on one connection per process, started by the first subscriber,
//! and fans the events out to subscribers (the visitor's and the owner's streams). A
//! listener that loses its connection reconnects; subscribers are told to catch up
//! ([`Heard::Resync`]), since events may have passed meanwhile.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use mimi_domain::Result;
use mimi_store::{PgPool, Tx};
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;
use uuid::Uuid;

/// The `LISTEN`/`NOTIFY` channel.
pub const CHANNEL: &str = "mimi_chat";

/// Events a slow subscriber may fall behind by before it must catch up.
const BUFFER: usize = 1024;

/// What happened to a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A message was stored (the visitor's, a reply, the owner's).
    Message,
    /// The visitor asked for a person.
    HandOff,
    /// The owner marked it handled, or open again.
    Handled,
    /// The owner deleted it.
    Deleted,
}

/// A change to a conversation, as announced: ids only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Change {
    /// The tenant.
    pub workspace_id: Uuid,
    /// The app.
    pub app_id: Uuid,
    /// The conversation.
    pub conversation_id: Uuid,
    /// What happened.
    pub kind: ChangeKind,
    /// The stored message, for [`ChangeKind::Message`].
    pub message_id: Option<Uuid>,
    /// Who wrote it, for [`ChangeKind::Message`].
    pub role: Option<crate::Role>,
}

/// Announces `change` when `tx` commits.
pub(crate) async fn announce(tx: &mut Tx, change: &Change) -> Result<()> {
    let payload = serde_json::to_string(change).map_err(mimi_domain::Error::internal)?;
    sqlx::query("select pg_notify($1, $2)")
        .bind(CHANNEL)
        .bind(payload)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// What a subscriber hears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heard {
    /// A change, in commit order.
    Change(Change),
    /// Changes may have been missed (the listener reconnected, or this subscriber fell
    /// behind): read the current state again.
    Resync,
}

/// The process's listener and its subscribers. Cheap to clone.
#[derive(Clone)]
pub struct Events {
    pool: PgPool,
    sender: broadcast::Sender<Heard>,
    started: Arc<Mutex<bool>>,
}

impl std::fmt::Debug for Events {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Events")
            .field("subscribers", &self.sender.receiver_count())
            .finish_non_exhaustive()
    }
}

impl Events {
    /// Events announced to the database behind `pool`; nothing runs until the first
    /// [`Events::subscribe`].
    pub fn new(pool: PgPool) -> Events {
        let (sender, _) = broadcast::channel(BUFFER);
        Events {
            pool,
            sender,
            started: Arc::new(Mutex::new(false)),
        }
    }

    /// A new subscriber; it hears what is announced from now on. Resolves once the
    /// process listens, so a change committed after this returns is heard.
    pub async fn subscribe(&self) -> Result<Subscriber> {
        let receiver = self.sender.subscribe();
        let listening = {
            let mut started = self
                .started
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if *started {
                None
            } else {
                *started = true;
                Some(self.start())
            }
        };
        if let Some(listening) = listening {
            // The first subscriber waits for `LISTEN`; a failure lets the next one try.
            if let Err(e) = listening.await {
                *self
                    .started
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = false;
                return Err(e);
            }
        }
        Ok(Subscriber { receiver })
    }

    /// Listens, then keeps a task relaying notifications (and reconnecting) for the
    /// life of the process.
    async fn start(&self) -> Result<()> {
        let mut listener = listen(&self.pool).await?;
        let pool = self.pool.clone();
        let sender = self.sender.clone();
        tokio::spawn(async move {
            loop {
                match listener.try_recv().await {
                    Ok(Some(notification)) => {
                        match serde_json::from_str::<Change>(notification.payload()) {
                            Ok(change) => {
                                let _ = sender.send(Heard::Change(change));
                            }
                            Err(e) => {
                                tracing::warn!(error = %e, "an unreadable chat notification");
                            }
                        }
                    }
                    // The connection was lost (sqlx reconnects on the next call).
                    Ok(None) => {
                        let _ = sender.send(Heard::Resync);
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "the chat listener failed; listening again");
                        let _ = sender.send(Heard::Resync);
                        loop {
                            tokio::time::sleep(Duration::from_secs(1)).await;
                            match listen(&pool).await {
                                Ok(again) => {
                                    listener = again;
                                    break;
                                }
                                Err(e) => {
                                    tracing::warn!(error = %e, "listening for chat changes failed");
                                }
                            }
                        }
                    }
                }
            }
        });
        Ok(())
    }
}

async fn listen(pool: &PgPool) -> Result<sqlx::postgres::PgListener> {
    let mut listener = sqlx::postgres::PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

/// One subscriber's receiving end.
#[derive(Debug)]
pub struct Subscriber {
    receiver: broadcast::Receiver<Heard>,
}

impl Subscriber {
    /// The next event; `None` only if the process is shutting down.
    pub async fn next(&mut self) -> Option<Heard> {
        match self.receiver.recv().await {
            Ok(heard) => Some(heard),
            Err(broadcast::error::RecvError::Lagged(_)) => Some(Heard::Resync),
            Err(broadcast::error::RecvError::Closed) => None,
        }
    }
}
