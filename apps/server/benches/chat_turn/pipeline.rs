//! The real server: `mimi_server::http::router` over a fresh database of testkit's
//! embedded PostgreSQL, served by `mimi_server::serve::serve` (so with TCP_NODELAY, as
//! `mimi serve` runs), with apps that answer through the zero-latency model.

use std::net::SocketAddr;
use std::sync::Arc;

use mimi_accounts::SignUp;
use mimi_apps::{ChatInput, NewApp, Provider};
use mimi_domain::{Language, Role, Scope};
use mimi_embed::Embedder;
use mimi_knowledge::{Embedding, Fetching, Floors, Indexer, Limits, NewFaq};
use mimi_server::http::{AppState, Knowledge, StateConfig, router};
use mimi_server::keys::ServerKeys;
use mimi_store::PgPool;
use mimi_testkit::TestDb;
use tokio::net::TcpListener;

use crate::Running;
use crate::reply::{Memoised, ZeroLatency};

/// Limits far above what the bench sends, so none refuses a turn. They are still
/// counted: every turn pays for the limiter's queries as it would in production.
const UNLIMITED: mimi_chat::VisitorLimits = mimi_chat::VisitorLimits {
    messages_per_address_per_10_minutes: 1_000_000_000,
    conversations_per_address_per_10_minutes: 1_000_000_000,
    messages_per_conversation_per_minute: 1_000_000_000,
    messages_per_app_per_hour: 1_000_000_000,
};

const FAQS: &[(&str, &str)] = &[
    (
        "When are you open?",
        "We are open from 8:00 to 18:00, Tuesday to Sunday. We are closed on Mondays.",
    ),
    (
        "Do you have vegan options?",
        "Yes: oat and soy milk for every drink, and a vegan banana bread baked daily.",
    ),
    (
        "Can I bring my dog?",
        "Dogs are welcome on the terrace; inside, only assistance dogs.",
    ),
    (
        "Do you take reservations?",
        "We take reservations for groups of six or more, by phone or on our website.",
    ),
    (
        "Is there Wi-Fi?",
        "Free Wi-Fi for guests; the password is on the back of the menu.",
    ),
    (
        "Where can I park?",
        "Three free parking spaces behind the café, and a public car park two minutes away.",
    ),
    (
        "営業時間を教えてください。",
        "火曜日から日曜日の8時から18時まで営業しています。月曜日は定休日です。",
    ),
    (
        "駐車場はありますか？",
        "店舗の裏に無料の駐車場が3台分あります。",
    ),
];

/// Which embedder the chat's retrieval uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Embeddings {
    /// all-MiniLM-L6-v2 on every question, as in production.
    Real,
    /// The same model, each question's vector remembered after its first turn.
    Memoised,
}

/// A seeded database and the loaded embedding model.
pub struct Pipeline {
    pub db: TestDb,
    pool: PgPool,
    embedder: Arc<dyn Embedder>,
    /// The apps' handles, each with the same knowledge.
    pub handles: Vec<String>,
}

impl Pipeline {
    /// A fresh database with one owner and `apps` apps answering with the zero-latency
    /// model, their FAQs indexed by the real model.
    pub async fn seed(apps: usize) -> Pipeline {
        let db = TestDb::new().await;
        let pool = db.serving_pool().await;
        let cache = std::env::temp_dir().join("mimi-models");
        let embedder = tokio::task::spawn_blocking(move || {
            mimi_embed::from_settings(&mimi_embed::Settings::default(), &cache)
        })
        .await
        .unwrap()
        .expect("the local embedding model");
        let pipeline = Pipeline {
            db,
            pool,
            embedder,
            handles: Vec::new(),
        };
        let state = pipeline.state("http://127.0.0.1".to_owned(), Embeddings::Real);
        let (account_id, workspace_id) = state
            .accounts
            .create_verified_account(SignUp {
                name: "Bench Owner".to_owned(),
                email: "bench@example.com".to_owned(),
                password: "a long enough bench password".to_owned(),
                workspace_name: "Bench".to_owned(),
                language: Language::En,
                age_confirmed: true,
            })
            .await
            .unwrap();
        let scope = Scope {
            workspace_id,
            account_id: Some(account_id),
            role: Role::Owner,
        };
        let faqs: Vec<NewFaq> = FAQS
            .iter()
            .map(|(question, answer)| NewFaq {
                question: (*question).to_owned(),
                answer: (*answer).to_owned(),
                link: None,
            })
            .collect();
        let mut handles = Vec::new();
        for i in 0..apps {
            let app = NewApp {
                handle: format!("bench-cafe-{i}"),
                name: format!("Bench café {i}"),
                chat: Some(ChatInput {
                    provider: Some("openai".to_owned()),
                    ..ChatInput::default()
                }),
                ..NewApp::default()
            };
            let app = mimi_apps::create(&pipeline.pool, &scope, &app)
                .await
                .unwrap();
            mimi_knowledge::add_faqs(&pipeline.pool, &scope, app.id, &faqs, &Limits::default())
                .await
                .unwrap();
            handles.push(app.handle);
        }
        let knowledge = &state.knowledge;
        let indexed = Indexer::new(
            pipeline.pool.clone(),
            knowledge.embedding.clone(),
            knowledge.fetching.clone(),
            knowledge.limits,
        )
        .run_once()
        .await
        .unwrap();
        assert_eq!(indexed, apps * FAQS.len(), "every FAQ indexed");
        Pipeline {
            handles,
            ..pipeline
        }
    }

    fn state(&self, public_url: String, embeddings: Embeddings) -> AppState {
        let embedder = match embeddings {
            Embeddings::Real => self.embedder.clone(),
            Embeddings::Memoised => Arc::new(Memoised::new(self.embedder.clone())),
        };
        let knowledge = Arc::new(Knowledge {
            embedding: Arc::new(Embedding::ready(embedder)),
            fetching: Arc::new(Fetching::new(false)),
            limits: Limits::default(),
            floors: Floors::default(),
        });
        let providers = mimi_chat::Providers::with_model(Provider::Openai, Arc::new(ZeroLatency));
        AppState::new(
            self.pool.clone(),
            StateConfig {
                public_url,
                // The load's clients pose as distinct visitors through X-Forwarded-For,
                // as they would arrive behind a proxy.
                trust_proxy_headers: true,
                keys: ServerKeys::random(),
                files_dir: std::env::temp_dir().join("mimi-chat-bench-files"),
                knowledge,
                providers: Arc::new(providers),
                chat_limits: UNLIMITED,
                dashboard_assets: None,
            },
        )
    }

    /// The server on a free loopback port, served as `mimi serve` serves it.
    pub async fn serve(&self, embeddings: Embeddings) -> Running {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr: SocketAddr = listener.local_addr().unwrap();
        let app = router(self.state(format!("http://{addr}"), embeddings));
        Running::spawn(addr, |stop| async move {
            mimi_server::serve::serve(listener, app, stop, std::time::Duration::from_secs(5)).await
        })
    }

    /// Forgets every counted visitor event, so each run starts from the same
    /// `throttle_events` (the limiter's queries scan the events of the window).
    pub async fn forget_counted_events(&self) {
        sqlx::query("delete from throttle_events")
            .execute(&self.db.pool)
            .await
            .unwrap();
        sqlx::query("vacuum analyze throttle_events")
            .execute(&self.db.pool)
            .await
            .unwrap();
    }
}
