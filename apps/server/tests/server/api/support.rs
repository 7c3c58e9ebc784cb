use std::sync::Arc;
use std::time::Duration;

use mimi_knowledge::{Embedding, Fetching, Floors, Indexer, Limits};
use mimi_llm::fake::FakeOpenAi;

use mimi_notify::{MailSettings, Mailer, SmtpSecurity};
use mimi_server::http::{AppState, Knowledge, StateConfig, router};
use mimi_server::keys::ServerKeys;
use mimi_testkit::{SmtpServer, TestApp, TestDb};
use reqwest::header::HeaderMap;
use serde_json::{Value, json};
use tokio::sync::oneshot;
use uuid::Uuid;

pub const PASSWORD: &str = "a long enough password";

/// The router over `db`'s serving pool, on a free port (no mail worker).
pub async fn serve(db: &TestDb) -> TestApp {
    let pool = db.serving_pool().await;
    // Never written: these tests upload nothing.
    let files = std::env::temp_dir().join(format!("mimi-files-{}", Uuid::new_v4()));
    TestApp::spawn_with(|base| router(state(pool, base, files, knowledge(false), Arc::default())))
        .await
}

fn state(
    pool: mimi_store::PgPool,
    base: String,
    files_dir: std::path::PathBuf,
    knowledge: Arc<Knowledge>,
    providers: Arc<mimi_chat::Providers>,
) -> AppState {
    AppState::new(
        pool,
        StateConfig {
            public_url: base,
            trust_proxy_headers: false,
            keys: ServerKeys::random(),
            files_dir,
            knowledge,
            providers,
            chat_limits: mimi_chat::VisitorLimits::default(),
            dashboard_assets: mimi_server::http::dashboard::load_assets(None),
        },
    )
}

/// The knowledge base's shared parts: the real local model (downloaded once per machine
/// into the shared test cache, loaded on first need), default limits, and site fetching
/// that may reach loopback only when `allow_private`.
pub fn knowledge(allow_private: bool) -> Arc<Knowledge> {
    let cache = std::env::temp_dir().join("mimi-models");
    Arc::new(Knowledge {
        embedding: Arc::new(Embedding::lazy(move || {
            mimi_embed::from_settings(&mimi_embed::Settings::default(), &cache)
        })),
        fetching: Arc::new(Fetching::new(allow_private)),
        limits: Limits::default(),
        floors: Floors::default(),
    })
}

/// A server, its database, a loopback SMTP server and the mail worker between them.
pub struct Api {
    pub db: TestDb,
    pub app: TestApp,
    pub smtp: SmtpServer,
    pub files: tempfile::TempDir,
    pub knowledge: Arc<Knowledge>,
    stop_worker: Option<oneshot::Sender<()>>,
    _mail_dir: tempfile::TempDir,
}

/// An answer: status, JSON body (or `null`), headers.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Value,
    pub headers: HeaderMap,
}

impl Reply {
    /// `(code, field)` of an error answer.
    pub fn error(&self) -> (&str, Option<&str>) {
        (
            self.body["error"]["code"].as_str().unwrap_or("<no code>"),
            self.body["error"]["field"].as_str(),
        )
    }
}

/// A signed-in owner with their first workspace.
pub struct Owner {
    pub client: reqwest::Client,
    pub account_id: Uuid,
    pub workspace_id: Uuid,
}

impl Api {
    /// A server whose site imports may fetch loopback test sites.
    pub async fn start() -> Api {
        Api::start_with_fetching(true).await
    }

    /// A server whose site imports may fetch private addresses only if `allow_private`.
    pub async fn start_with_fetching(allow_private: bool) -> Api {
        Api::start_with(allow_private, Arc::default()).await
    }

    /// A server offering apps these language models.
    pub async fn start_with_providers(providers: mimi_chat::Providers) -> Api {
        Api::start_with(true, Arc::new(providers)).await
    }

    /// A server whose chat tells `hook` of every turn and hand-off.
    pub async fn start_with_hook(hook: Arc<dyn mimi_chat::TurnHook>) -> Api {
        Api::start_with_chat(move |chat| chat.with_hook(hook)).await
    }

    /// A server whose chat is `customise`d (limits, hook).
    pub async fn start_with_chat(
        customise: impl FnOnce(mimi_chat::Chat) -> mimi_chat::Chat,
    ) -> Api {
        Api::start_with_parts(true, Arc::default(), customise).await
    }

    async fn start_with(allow_private: bool, providers: Arc<mimi_chat::Providers>) -> Api {
        Api::start_with_parts(allow_private, providers, |chat| chat).await
    }

    async fn start_with_parts(
        allow_private: bool,
        providers: Arc<mimi_chat::Providers>,
        customise: impl FnOnce(mimi_chat::Chat) -> mimi_chat::Chat,
    ) -> Api {
        let db = TestDb::new().await;
        let smtp = SmtpServer::start().await;
        let pool = db.serving_pool().await;
        let files = tempfile::tempdir().unwrap();
        let files_dir = files.path().to_owned();
        let knowledge = knowledge(allow_private);
        let app = TestApp::spawn_with(|base| {
            let mut state = state(
                pool.clone(),
                base,
                files_dir,
                knowledge.clone(),
                providers.clone(),
            );
            state.chat = customise(state.chat);
            router(state)
        })
        .await;
        let mail_dir = tempfile::tempdir().unwrap();
        let settings = MailSettings {
            smtp_host: Some("127.0.0.1".to_owned()),
            smtp_port: Some(smtp.port()),
            smtp_security: SmtpSecurity::None,
            ..MailSettings::default()
        };
        let mailer = Mailer::from_settings(&settings, mail_dir.path()).unwrap();
        let (stop_worker, stopped) = oneshot::channel::<()>();
        tokio::spawn(mimi_notify::run_worker(
            pool,
            mailer,
            Duration::from_secs(1),
            async move {
                let _ = stopped.await;
            },
        ));
        Api {
            db,
            app,
            smtp,
            files,
            knowledge,
            stop_worker: Some(stop_worker),
            _mail_dir: mail_dir,
        }
    }

    /// A browser: keeps cookies, sends our origin like a page of the dashboard would.
    pub fn browser(&self) -> reqwest::Client {
        let mut headers = HeaderMap::new();
        headers.insert("origin", self.app.url("").parse().unwrap());
        reqwest::Client::builder()
            .cookie_store(true)
            .no_proxy()
            .default_headers(headers)
            .build()
            .unwrap()
    }

    pub async fn send(&self, request: reqwest::RequestBuilder) -> Reply {
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap();
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        Reply {
            status,
            body,
            headers,
        }
    }

    pub fn url(&self, path: &str) -> String {
        self.app.url(&format!("/api/v1{path}"))
    }

    pub async fn post(&self, client: &reqwest::Client, path: &str, body: Value) -> Reply {
        self.send(client.post(self.url(path)).json(&body)).await
    }

    pub async fn patch(&self, client: &reqwest::Client, path: &str, body: Value) -> Reply {
        self.send(client.patch(self.url(path)).json(&body)).await
    }

    pub async fn get(&self, client: &reqwest::Client, path: &str) -> Reply {
        self.send(client.get(self.url(path))).await
    }

    pub async fn delete(&self, client: &reqwest::Client, path: &str) -> Reply {
        self.send(client.delete(self.url(path))).await
    }

    /// Waits for the next mail to `to` and returns the token of its link to `page`.
    pub async fn link(&self, to: &str, page: &str) -> String {
        let mail = self.smtp.wait_for_mail(to, Duration::from_secs(20)).await;
        let prefix = format!("{}?token=", self.app.url(page));
        let start = mail
            .text
            .find(&prefix)
            .unwrap_or_else(|| panic!("no {prefix} in {}", mail.text))
            + prefix.len();
        mail.text[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            .collect()
    }

    /// Signs up, verifies by the mailed link, and returns the signed-in owner.
    pub async fn owner(&self, name: &str, email: &str) -> Owner {
        let client = self.browser();
        let reply = self
            .post(&client, "/auth/sign-up", sign_up_form(name, email))
            .await;
        assert_eq!(reply.status, 202, "{reply:?}");
        let token = self.link(email, "/dashboard/verify-email").await;
        let reply = self
            .post(&client, "/auth/verify-email", json!({ "token": token }))
            .await;
        assert_eq!(reply.status, 200, "{reply:?}");
        let account_id = reply.body["id"].as_str().unwrap().parse().unwrap();
        let workspaces = self.get(&client, "/workspaces").await;
        let workspace_id = workspaces.body[0]["id"].as_str().unwrap().parse().unwrap();
        Owner {
            client,
            account_id,
            workspace_id,
        }
    }

    /// Indexes every queued knowledge item, as the server's background worker would.
    pub async fn index(&self) -> usize {
        let k = &self.knowledge;
        Indexer::new(
            self.db.serving_pool().await,
            k.embedding.clone(),
            k.fetching.clone(),
            k.limits,
        )
        .run_once()
        .await
        .unwrap()
    }

    pub async fn count(&self, table: &str) -> i64 {
        sqlx::query_scalar(&format!("select count(*) from {table}"))
            .fetch_one(&self.db.pool)
            .await
            .unwrap()
    }
}

impl Drop for Api {
    fn drop(&mut self) {
        if let Some(stop) = self.stop_worker.take() {
            let _ = stop.send(());
        }
    }
}

pub fn sign_up_form(name: &str, email: &str) -> Value {
    json!({
        "name": name,
        "email": email,
        "password": PASSWORD,
        "workspace_name": format!("{name}'s shop"),
        "age_confirmed": true,
    })
}

/// An app with `faqs`, indexed: its id. `extra` settings are laid over the handle and
/// a name equal to it.
pub async fn app_with(
    api: &Api,
    owner: &Owner,
    handle: &str,
    faqs: &[(&str, &str)],
    extra: Value,
) -> String {
    let mut body = json!({ "handle": handle, "name": handle });
    if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        body.extend(extra.clone());
    }
    let reply = api
        .post(
            &owner.client,
            &format!("/workspaces/{}/apps", owner.workspace_id),
            body,
        )
        .await;
    assert_eq!(reply.status, 201, "{reply:?}");
    let app = reply.body["id"].as_str().unwrap().to_owned();
    for (question, answer) in faqs {
        let reply = api
            .post(
                &owner.client,
                &format!(
                    "/workspaces/{}/apps/{app}/knowledge/faqs",
                    owner.workspace_id
                ),
                json!({ "question": question, "answer": answer }),
            )
            .await;
        assert_eq!(reply.status, 201, "{reply:?}");
    }
    api.index().await;
    app
}

/// A fake OpenAI-compatible server (wanting `key`, if any) and a server offering it to
/// apps as their `openai` provider.
pub async fn with_fake_openai(key: Option<&str>) -> (FakeOpenAi, Api) {
    let fake = FakeOpenAi::start(key).await;
    let providers = mimi_chat::Providers::new(
        None,
        Some(mimi_llm::Settings {
            provider: mimi_llm::Provider::OpenAi,
            base_url: Some(fake.base_url()),
            model: Some("fake-chat".into()),
            api_key: key.map(secrecy::SecretString::from),
            timeout_secs: Some(5),
        }),
    )
    .unwrap();
    (fake, Api::start_with_providers(providers).await)
}
