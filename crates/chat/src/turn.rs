//! One turn: the visitor's message in, a guarded, cited reply streamed out and stored.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use mimi_apps::VisitorApp;
use mimi_domain::{Error, Language, Result};
use mimi_guardrail::{Guardrail, GuardrailConfig, Placeholders};
use mimi_knowledge::{Embedding, Floors, Mode, Passage, Query};
use mimi_llm::{ChatModel, ChatRequest, Event, LlmError, Usage};
use mimi_store::{PgPool, tenant};
use serde::Serialize;
use tokio::sync::mpsc;
use uuid::Uuid;

use crate::conversation::{self, Reply, Started, StoredMessage, Visitor};
use crate::events::{Events, Subscriber};
use crate::limits::{Limiter, VisitorLimits};
use crate::prompt::{self, HISTORY_TURNS};
use crate::providers::Providers;

/// Most tokens a reply may take.
const MAX_REPLY_TOKENS: u32 = 1_024;
/// Passages retrieved for a question.
const PASSAGES: usize = 5;
/// Updates buffered for a slow visitor before generation waits for them.
const BUFFER: usize = 64;

const SORRY_EN: &str = "Sorry, I can't answer right now. Please try again in a moment, or leave your question for the team.";
const SORRY_JA: &str = "申し訳ありません。ただいまお答えできません。しばらくしてからもう一度お試しいただくか、ご質問をお残しください。";

/// A passage a reply drew on, for its citation.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Source {
    /// The knowledge item.
    pub item_id: Uuid,
    /// The passage.
    pub chunk_id: Uuid,
    /// The item's title (an FAQ's question).
    pub title: String,
    /// The headings above the passage.
    pub section: String,
    /// Where the citation points, if anywhere.
    pub link: Option<String>,
}

/// What the visitor's stream carries, in order: deltas, then sources, then `Done` or
/// `Error`.
#[derive(Debug, Clone, PartialEq)]
pub enum TurnUpdate {
    /// Redacted reply text.
    Delta(String),
    /// The passages the reply drew on (possibly none).
    Sources(Vec<Source>),
    /// The reply is complete and stored as `message_id`.
    Done {
        /// The stored reply.
        message_id: Uuid,
    },
    /// The responder failed; `message` is a polite sentence in the visitor's language.
    /// The visitor's message is stored; so is what was sent before the failure.
    Error {
        /// Stable reason (`responder_unavailable`).
        code: &'static str,
        /// For the visitor.
        message: String,
    },
}

/// What the notifications hear after every turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnEvent {
    /// The tenant.
    pub workspace_id: Uuid,
    /// The app.
    pub app_id: Uuid,
    /// The conversation.
    pub conversation_id: Uuid,
    /// The visitor's message.
    pub visitor_message_id: Uuid,
    /// The stored reply.
    pub reply_id: Uuid,
    /// Nothing in the knowledge base answered the question.
    pub unanswered: bool,
    /// The responder failed.
    pub failed: bool,
}

/// What the notifications hear when a visitor asks for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandOffEvent {
    /// The tenant.
    pub workspace_id: Uuid,
    /// The app.
    pub app_id: Uuid,
    /// The conversation.
    pub conversation_id: Uuid,
    /// The visitor left a way to reach them.
    pub left_contact: bool,
}

/// Hears of every finished turn and every hand-off (the owner's notifications). Called
/// on the request's task: it must hand the event on, not do slow work itself.
pub trait TurnHook: Send + Sync + std::fmt::Debug {
    /// A turn has finished and is stored.
    fn turn_finished(&self, event: TurnEvent);
    /// A visitor has asked for a person; the request is stored.
    fn handed_off(&self, event: HandOffEvent);
}

/// Ignores turns; for a server without notifications.
#[derive(Debug)]
struct Silent;

impl TurnHook for Silent {
    fn turn_finished(&self, _event: TurnEvent) {}
    fn handed_off(&self, _event: HandOffEvent) {}
}

/// The chat pipeline and what it needs. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Chat {
    pool: PgPool,
    embedding: Arc<Embedding>,
    floors: Floors,
    providers: Arc<Providers>,
    hook: Arc<dyn TurnHook>,
    backoff: Duration,
    limiter: Limiter,
    events: Events,
}

impl Chat {
    /// A pipeline over the serving pool.
    pub fn new(
        pool: PgPool,
        embedding: Arc<Embedding>,
        floors: Floors,
        providers: Arc<Providers>,
    ) -> Chat {
        Chat {
            events: Events::new(pool.clone()),
            pool,
            embedding,
            floors,
            providers,
            hook: Arc::new(Silent),
            backoff: Duration::from_millis(500),
            // A process-own key until `with_limits` gives the server's, shared by all
            // its processes.
            limiter: Limiter {
                limits: VisitorLimits::default(),
                key: rand::random(),
            },
        }
    }

    /// The same pipeline enforcing `limits`, hashing client addresses with `key`.
    pub fn with_limits(self, limits: VisitorLimits, key: [u8; 32]) -> Chat {
        Chat {
            limiter: Limiter { limits, key },
            ..self
        }
    }

    /// Starts a conversation with the app for a visitor at `client` (if known): 429
    /// once the address has started too many.
    pub async fn start(&self, app: &VisitorApp, client: Option<IpAddr>) -> Result<Started> {
        self.limiter.start(&self.pool, client).await?;
        conversation::start(&self.pool, app.profile.workspace_id, app.profile.app_id).await
    }

    /// The same pipeline telling `hook` of every finished turn.
    pub fn with_hook(self, hook: Arc<dyn TurnHook>) -> Chat {
        Chat { hook, ..self }
    }

    /// Stores a visitor's request for a person (with how to reach them, if given) and
    /// tells the hook.
    pub async fn hand_off(&self, visitor: &Visitor, contact: Option<&str>) -> Result<()> {
        let left_contact = conversation::hand_off(&self.pool, visitor, contact).await?;
        self.hook.handed_off(HandOffEvent {
            workspace_id: visitor.workspace_id,
            app_id: visitor.app_id,
            conversation_id: visitor.conversation_id,
            left_contact,
        });
        Ok(())
    }

    /// The same pipeline waiting `backoff` before its one retry of a failed request.
    pub fn with_backoff(self, backoff: Duration) -> Chat {
        Chat { backoff, ..self }
    }

    /// Hears every change to conversations from now on, made by any process.
    pub async fn subscribe(&self) -> Result<Subscriber> {
        self.events.subscribe().await
    }

    /// The configured providers.
    pub fn providers(&self) -> &Providers {
        &self.providers
    }

    /// Takes the message of `visitor` (of `app`, as the caller read it to check the
    /// request's origin) from `client`, if known, and starts the reply. Errors
    /// (`text_required`, `text_too_long`, `text_invalid`; 429 once a limit is reached)
    /// come before anything is stored. Once this returns, the message is stored and the
    /// reply is generated and stored even if nobody reads the updates.
    pub async fn turn(
        &self,
        visitor: Visitor,
        app: VisitorApp,
        text: &str,
        client: Option<IpAddr>,
    ) -> Result<mpsc::Receiver<TurnUpdate>> {
        let question = conversation::check_text(text)?;
        if app.profile.app_id != visitor.app_id {
            return Err(Error::NotFound);
        }
        self.limiter.message(&self.pool, &visitor, client).await?;
        let mut tx = tenant::tenant(&self.pool, visitor.workspace_id, None).await?;
        let history =
            conversation::history(&mut tx, visitor.conversation_id, HISTORY_TURNS as i64).await?;
        tx.commit().await?;
        let message_id = conversation::add_visitor_message(&self.pool, &visitor, &question).await?;
        let (updates, receiver) = mpsc::channel(BUFFER);
        let chat = self.clone();
        tokio::spawn(async move {
            let turn = Turn {
                visitor,
                app,
                history,
                question,
                message_id,
            };
            chat.run(turn, updates).await;
        });
        Ok(receiver)
    }

    async fn run(&self, turn: Turn, updates: mpsc::Sender<TurnUpdate>) {
        let started = Instant::now();
        let send = |update| {
            let updates = updates.clone();
            async move {
                // A visitor who left stops reading; the reply is still finished and stored.
                let _ = updates.send(update).await;
            }
        };
        let language = prompt::answer_language(turn.app.chat.answer_language, &turn.question);
        let passages = self.retrieve(&turn).await;
        let model = self.providers.for_app(&turn.app.chat);
        let request = ChatRequest {
            system: prompt::system(&turn.app.profile.name, &turn.app.chat, language, &passages),
            messages: prompt::turns(&turn.history, &turn.question),
            tools: Vec::new(),
            max_tokens: MAX_REPLY_TOKENS,
            temperature: turn.app.chat.temperature,
            passages: prompt::sources(&passages),
        };
        let guardrail = guardrail(&turn.app, language);
        let mut generated = Generated::default();
        match mimi_llm::stream_with_retry(&*model, &request, self.backoff).await {
            Err(e) => generated.failure = Some(e),
            Ok(mut stream) => {
                let mut redactor = guardrail.stream();
                while let Some(event) = stream.next().await {
                    match event {
                        Ok(Event::TextDelta(delta)) => {
                            let safe = redactor.push(&delta);
                            if !safe.is_empty() {
                                generated.text.push_str(&safe);
                                send(TurnUpdate::Delta(safe)).await;
                            }
                        }
                        Ok(Event::Cite { passage_id }) => generated.cited = Some(passage_id),
                        // AI Functions are not offered yet, so no tool is ever called.
                        Ok(Event::ToolCall { .. }) => {}
                        Ok(Event::Done { usage, .. }) => {
                            generated.usage = Some(usage);
                            break;
                        }
                        Err(e) => {
                            generated.failure = Some(e);
                            break;
                        }
                    }
                }
                let tail = redactor.finish().tail;
                if !tail.is_empty() {
                    generated.text.push_str(&tail);
                    send(TurnUpdate::Delta(tail)).await;
                }
            }
        }
        let sources = sources(&passages, model.name(), generated.cited.as_deref());
        if let Some(e) = &generated.failure {
            tracing::warn!(
                conversation = %turn.visitor.conversation_id,
                app = %turn.visitor.app_id,
                model = model.name(),
                error = %e,
                "the responder failed"
            );
        }
        let stored = self
            .store(&turn, &*model, &generated, &sources, language, started)
            .await;
        let failed = generated.failure.is_some();
        if !failed {
            send(TurnUpdate::Sources(sources.clone())).await;
        }
        match stored {
            Ok(reply_id) => {
                if failed {
                    send(TurnUpdate::Error {
                        code: "responder_unavailable",
                        message: sorry(language).to_owned(),
                    })
                    .await;
                } else {
                    send(TurnUpdate::Done {
                        message_id: reply_id,
                    })
                    .await;
                }
                self.hook.turn_finished(TurnEvent {
                    workspace_id: turn.visitor.workspace_id,
                    app_id: turn.visitor.app_id,
                    conversation_id: turn.visitor.conversation_id,
                    visitor_message_id: turn.message_id,
                    reply_id,
                    unanswered: sources.is_empty(),
                    failed,
                });
            }
            Err(e) => {
                tracing::error!(conversation = %turn.visitor.conversation_id, error = %e, "storing a reply failed");
                send(TurnUpdate::Error {
                    code: "reply_not_stored",
                    message: sorry(language).to_owned(),
                })
                .await;
            }
        }
    }

    /// The app's best passages for the question; none (logged) if retrieval fails, so
    /// the responder still answers ("I don't know") instead of the turn failing.
    async fn retrieve(&self, turn: &Turn) -> Vec<Passage> {
        let query = Query {
            app_id: turn.visitor.app_id,
            text: &turn.question,
            k: PASSAGES,
            mode: Mode::Hybrid,
            floors: self.floors,
        };
        let result = match self.embedding.get().await {
            Ok(embedder) => {
                mimi_knowledge::search(&self.pool, turn.visitor.workspace_id, &*embedder, &query)
                    .await
            }
            Err(e) => Err(e),
        };
        result.unwrap_or_else(|e| {
            tracing::warn!(conversation = %turn.visitor.conversation_id, error = %e, "retrieval failed; answering without passages");
            Vec::new()
        })
    }

    async fn store(
        &self,
        turn: &Turn,
        model: &dyn ChatModel,
        generated: &Generated,
        sources: &[Source],
        language: Language,
        started: Instant,
    ) -> Result<Uuid> {
        let failed = generated.failure.is_some();
        let text = if failed && generated.text.is_empty() {
            sorry(language)
        } else {
            &generated.text
        };
        let reply = Reply {
            text,
            citations: serde_json::to_value(sources).map_err(Error::internal)?,
            model: model.name(),
            input_tokens: generated.usage.map(|u| u.input_tokens),
            output_tokens: generated.usage.map(|u| u.output_tokens),
            latency_ms: u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX),
            failed,
            unanswered: sources.is_empty(),
        };
        conversation::add_reply(&self.pool, &turn.visitor, &reply).await
    }
}

/// What one turn works on.
struct Turn {
    visitor: Visitor,
    app: VisitorApp,
    history: Vec<StoredMessage>,
    question: String,
    message_id: Uuid,
}

/// What the responder produced, as it went.
#[derive(Default)]
struct Generated {
    /// Redacted text sent so far.
    text: String,
    /// The passage the extractive responder quoted.
    cited: Option<String>,
    usage: Option<Usage>,
    failure: Option<LlmError>,
}

/// The app's guardrail: placeholders in the reply's language, the app's public contact
/// details allowed through.
fn guardrail(app: &VisitorApp, language: Language) -> Guardrail {
    let placeholders = Placeholders::for_language(match language {
        Language::Ja => mimi_guardrail::Language::Ja,
        Language::En => mimi_guardrail::Language::En,
    });
    let config = GuardrailConfig {
        allowlist: app.public_contacts.clone(),
        placeholders: placeholders.clone(),
    };
    // The contacts were validated when saved; should one still be refused, redact
    // everything rather than fail the turn.
    Guardrail::new(config).unwrap_or_else(|e| {
        tracing::warn!(app = %app.profile.app_id, error = %e, "the app's public contacts were refused; redacting all");
        Guardrail::new(GuardrailConfig {
            allowlist: Vec::new(),
            placeholders,
        })
        .unwrap_or_else(|_| unreachable_guardrail())
    })
}

/// The default configuration always builds (its placeholders are non-empty).
fn unreachable_guardrail() -> Guardrail {
    #[allow(clippy::expect_used)]
    Guardrail::new(GuardrailConfig::default())
        .expect("the default guardrail configuration is valid")
}

/// The citations of a reply: the passage the extractive responder quoted, or every
/// passage a language model was given (one per item).
fn sources(passages: &[Passage], model: &str, cited: Option<&str>) -> Vec<Source> {
    let chosen: Vec<&Passage> = if model == "extractive" {
        passages
            .iter()
            .filter(|p| cited.is_some_and(|c| c == p.chunk_id.to_string()))
            .collect()
    } else {
        passages.iter().collect()
    };
    let mut out: Vec<Source> = Vec::new();
    for p in chosen {
        if out.iter().any(|s| s.item_id == p.item_id) {
            continue;
        }
        out.push(Source {
            item_id: p.item_id,
            chunk_id: p.chunk_id,
            title: p.title.clone(),
            section: p.section.clone(),
            link: p.link.clone(),
        });
    }
    out
}

fn sorry(language: Language) -> &'static str {
    match language {
        Language::Ja => SORRY_JA,
        Language::En => SORRY_EN,
    }
}
