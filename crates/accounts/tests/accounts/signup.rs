use mimi_accounts::links;
use mimi_domain::{Error, Language};

use crate::support::{Env, client, form, ip};

#[tokio::test]
async fn sign_up_creates_account_workspace_and_verification_mail_and_the_link_works_once() {
    let env = Env::new().await;
    env.accounts
        .sign_up(form("Hanako", "Hanako@Example.com"), client())
        .await
        .unwrap();
    let (subject, _) = env.last_mail("hanako@example.com").await.unwrap();
    assert!(!subject.is_empty());
    let hash: String = sqlx::query_scalar("select password_hash from accounts")
        .fetch_one(&env.db.pool)
        .await
        .unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");

    let token = env.token("hanako@example.com", links::VERIFY_EMAIL).await;
    let signed_in = env.accounts.verify_email(&token).await.unwrap();
    let account = env.accounts.account(signed_in.account_id).await.unwrap();
    assert!(account.email_verified);
    assert_eq!(account.email, "Hanako@Example.com");
    assert!(account.last_sign_in_at.is_some());
    let workspaces = env.accounts.workspaces(account.id).await.unwrap();
    assert_eq!(workspaces.len(), 1);
    assert_eq!(workspaces[0].name, "Hanako's shop");
    assert_eq!(workspaces[0].role.as_str(), "owner");

    let again = env.accounts.verify_email(&token).await.unwrap_err();
    assert_eq!(again.code(), "token_used");
    let bogus = env.accounts.verify_email("not-a-token").await.unwrap_err();
    assert_eq!(
        (bogus.code(), bogus.field()),
        ("token_invalid", Some("token"))
    );
}

#[tokio::test]
async fn an_expired_verification_link_fails_clearly() {
    let env = Env::new().await;
    env.accounts
        .sign_up(form("Ken", "ken@example.com"), client())
        .await
        .unwrap();
    let token = env.token("ken@example.com", links::VERIFY_EMAIL).await;
    sqlx::query("update account_tokens set expires_at = now() - interval '1 second'")
        .execute(&env.db.pool)
        .await
        .unwrap();
    let e = env.accounts.verify_email(&token).await.unwrap_err();
    assert_eq!(e.code(), "token_expired");
    assert!(matches!(e, Error::Gone { .. }));
}

#[tokio::test]
async fn under_thirteen_is_refused_and_nothing_is_stored() {
    let env = Env::new().await;
    let mut input = form("Kid", "kid@example.com");
    input.age_confirmed = false;
    let e = env.accounts.sign_up(input, client()).await.unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("age_confirmation_required", Some("age_confirmed"))
    );
    assert!(e.to_string().contains("13 or older"));
    for table in [
        "accounts",
        "workspaces",
        "workspace_members",
        "account_tokens",
        "mail_outbox",
    ] {
        assert_eq!(env.count(table).await, 0, "{table}");
    }
}

#[tokio::test]
async fn each_bad_sign_up_field_gets_its_code_and_nothing_is_stored() {
    let env = Env::new().await;
    type Breaks = Box<dyn Fn(&mut mimi_accounts::SignUp)>;
    let cases: Vec<(&str, Breaks, &str)> = vec![
        ("name", Box::new(|f| f.name = "  ".into()), "name_required"),
        (
            "name",
            Box::new(|f| f.name = "x".repeat(101)),
            "name_too_long",
        ),
        (
            "email",
            Box::new(|f| f.email = "not-an-email".into()),
            "email_invalid",
        ),
        (
            "email",
            Box::new(|f| f.email = String::new()),
            "email_required",
        ),
        (
            "password",
            Box::new(|f| f.password = "short".into()),
            "password_too_short",
        ),
        (
            "password",
            Box::new(|f| f.password = "p".repeat(257)),
            "password_too_long",
        ),
        (
            "workspace_name",
            Box::new(|f| f.workspace_name = String::new()),
            "workspace_name_required",
        ),
        (
            "workspace_name",
            Box::new(|f| f.workspace_name = "w".repeat(81)),
            "workspace_name_too_long",
        ),
    ];
    for (field, break_it, code) in cases {
        let mut input = form("Aiko", "aiko@example.com");
        break_it(&mut input);
        let e = env.accounts.sign_up(input, client()).await.unwrap_err();
        assert_eq!((e.code(), e.field()), (code, Some(field)));
    }
    assert_eq!(env.count("accounts").await, 0);
    assert_eq!(env.count("mail_outbox").await, 0);
}

#[tokio::test]
async fn signing_up_with_a_registered_email_answers_the_same_and_mails_its_owner() {
    let env = Env::new().await;
    env.owner("Taro", "taro@example.com").await;
    let before = env.mail_count("taro@example.com").await;
    // Different case, same address: accepted silently, no second account.
    env.accounts
        .sign_up(form("Mallory", "TARO@example.com"), client())
        .await
        .unwrap();
    assert_eq!(env.count("accounts").await, 1);
    assert_eq!(env.count("workspaces").await, 1);
    assert_eq!(env.mail_count("taro@example.com").await, before + 1);
    let (_, text) = env.last_mail("taro@example.com").await.unwrap();
    assert!(text.contains(links::FORGOT_PASSWORD), "{text}");
}

#[tokio::test]
async fn japanese_owners_get_japanese_mail() {
    let env = Env::new().await;
    let mut input = form("山田花子", "hanako@example.jp");
    input.language = Language::Ja;
    env.accounts.sign_up(input, client()).await.unwrap();
    let (subject, text) = env.last_mail("hanako@example.jp").await.unwrap();
    let japanese = |s: &str| s.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c));
    assert!(japanese(&subject) && japanese(&text), "{subject}\n{text}");
    assert!(text.contains("山田花子"));
}

#[tokio::test]
async fn resending_verification_mails_only_unverified_accounts() {
    let env = Env::new().await;
    env.accounts
        .sign_up(form("Yui", "yui@example.com"), client())
        .await
        .unwrap();
    env.accounts
        .resend_verification("yui@example.com")
        .await
        .unwrap();
    assert_eq!(env.mail_count("yui@example.com").await, 2);
    env.accounts
        .resend_verification("nobody@example.com")
        .await
        .unwrap();
    assert_eq!(env.mail_count("nobody@example.com").await, 0);
    // Both links work: each is its own single-use token.
    let token = env.token("yui@example.com", links::VERIFY_EMAIL).await;
    env.accounts.verify_email(&token).await.unwrap();
    env.accounts
        .resend_verification("yui@example.com")
        .await
        .unwrap();
    assert_eq!(env.mail_count("yui@example.com").await, 2);
}

#[tokio::test]
async fn anonymous_requests_cannot_flood_an_inbox() {
    let env = Env::new().await;
    env.owner("Target", "target@example.com").await;
    let before = env.mail_count("target@example.com").await;
    for _ in 0..5 {
        env.accounts
            .sign_up(form("Spammer", "target@example.com"), client())
            .await
            .unwrap();
        env.accounts
            .request_password_reset("target@example.com")
            .await
            .unwrap();
    }
    assert_eq!(
        env.mail_count("target@example.com").await,
        before + 1,
        "one mail a minute"
    );
    // A minute later, one more may go.
    sqlx::query("update accounts set last_unsolicited_mail_at = now() - interval '61 seconds'")
        .execute(&env.db.pool)
        .await
        .unwrap();
    env.accounts
        .request_password_reset("target@example.com")
        .await
        .unwrap();
    assert_eq!(env.mail_count("target@example.com").await, before + 2);
}

#[tokio::test]
async fn one_address_may_sign_up_ten_times_an_hour() {
    let env = Env::new().await;
    let bot = ip("198.51.100.66");
    for i in 0..10 {
        env.accounts
            .sign_up(form("Bot", &format!("bot{i}@example.com")), bot)
            .await
            .unwrap();
    }
    let e = env
        .accounts
        .sign_up(form("Bot", "bot10@example.com"), bot)
        .await
        .unwrap_err();
    assert!(matches!(e, Error::RateLimited { retry_after_seconds } if retry_after_seconds <= 3600));
    assert_eq!(env.count("accounts").await, 10);
    // Another address is not affected.
    env.accounts
        .sign_up(form("Person", "person@example.com"), ip("198.51.100.67"))
        .await
        .unwrap();
}
