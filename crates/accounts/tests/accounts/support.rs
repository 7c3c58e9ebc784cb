use std::net::IpAddr;

use mimi_accounts::{Accounts, Config, SignUp};
use mimi_domain::Language;
use mimi_testkit::TestDb;
use uuid::Uuid;

pub const PASSWORD: &str = "a long enough password";

pub struct Env {
    pub db: TestDb,
    pub accounts: Accounts,
}

impl Env {
    pub async fn new() -> Env {
        let db = TestDb::new().await;
        let accounts = Accounts::new(
            db.serving_pool().await,
            Config::new("https://mimi.test", [7; 32]),
        );
        Env { db, accounts }
    }

    /// The newest mail to `to`: (subject, text).
    pub async fn last_mail(&self, to: &str) -> Option<(String, String)> {
        sqlx::query_as(
            "select subject, body_text from mail_outbox where lower(to_address) = lower($1) \
             order by created_at desc, id desc limit 1",
        )
        .bind(to)
        .fetch_optional(&self.db.pool)
        .await
        .unwrap()
    }

    pub async fn mail_count(&self, to: &str) -> i64 {
        sqlx::query_scalar("select count(*) from mail_outbox where lower(to_address) = lower($1)")
            .bind(to)
            .fetch_one(&self.db.pool)
            .await
            .unwrap()
    }

    /// The token of the newest link to `path` mailed to `to`.
    pub async fn token(&self, to: &str, path: &str) -> String {
        let (_, text) = self.last_mail(to).await.expect("a mail");
        let prefix = format!("https://mimi.test{path}?token=");
        let start = text.find(&prefix).expect("a link") + prefix.len();
        text[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            .collect()
    }

    pub async fn count(&self, table: &str) -> i64 {
        sqlx::query_scalar(&format!("select count(*) from {table}"))
            .fetch_one(&self.db.pool)
            .await
            .unwrap()
    }

    /// Signs up and verifies `email`; returns the account id and its first workspace.
    pub async fn owner(&self, name: &str, email: &str) -> (Uuid, Uuid) {
        self.accounts
            .sign_up(form(name, email), client())
            .await
            .unwrap();
        let token = self.token(email, mimi_accounts::links::VERIFY_EMAIL).await;
        let signed_in = self.accounts.verify_email(&token).await.unwrap();
        let workspaces = self
            .accounts
            .workspaces(signed_in.account_id)
            .await
            .unwrap();
        (signed_in.account_id, workspaces[0].id)
    }
}

pub fn form(name: &str, email: &str) -> SignUp {
    SignUp {
        name: name.to_owned(),
        email: email.to_owned(),
        password: PASSWORD.to_owned(),
        workspace_name: format!("{name}'s shop"),
        language: Language::En,
        age_confirmed: true,
    }
}

pub fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

/// The address anonymous requests in these tests come from.
pub fn client() -> IpAddr {
    ip("192.0.2.250")
}
