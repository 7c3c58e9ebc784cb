use mimi_accounts::{EmailChange, links};
use mimi_domain::Error;

use crate::support::{Env, PASSWORD, form, ip};

#[tokio::test]
async fn a_verified_owner_signs_in_and_out_and_sessions_are_revocable() {
    let env = Env::new().await;
    let (account, _) = env.owner("Mio", "mio@example.com").await;
    let client = ip("203.0.113.7");
    let a = env
        .accounts
        .sign_in("MIO@example.com", PASSWORD, client)
        .await
        .unwrap();
    let b = env
        .accounts
        .sign_in("mio@example.com", PASSWORD, client)
        .await
        .unwrap();
    let session_a = env
        .accounts
        .authenticate(&a.session_token)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(session_a.account_id, account);
    env.accounts.sign_out(session_a).await.unwrap();
    assert!(
        env.accounts
            .authenticate(&a.session_token)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        env.accounts
            .authenticate(&b.session_token)
            .await
            .unwrap()
            .is_some()
    );
    // The session the verification link opened, and b.
    assert_eq!(env.accounts.sign_out_everywhere(account).await.unwrap(), 2);
    assert!(
        env.accounts
            .authenticate(&b.session_token)
            .await
            .unwrap()
            .is_none()
    );
    // The database holds hashes, never the tokens themselves.
    let stored: i64 = sqlx::query_scalar(
        "select count(*) from sessions where token_hash = convert_to($1, 'UTF8')",
    )
    .bind(&b.session_token)
    .fetch_one(&env.db.pool)
    .await
    .unwrap();
    assert_eq!(stored, 0);
}

#[tokio::test]
async fn an_unknown_email_and_a_wrong_password_answer_alike() {
    let env = Env::new().await;
    env.owner("Sora", "sora@example.com").await;
    let wrong = env
        .accounts
        .sign_in("sora@example.com", "wrong password!", ip("198.51.100.1"))
        .await
        .unwrap_err();
    let unknown = env
        .accounts
        .sign_in("nobody@example.com", PASSWORD, ip("198.51.100.2"))
        .await
        .unwrap_err();
    let garbled = env
        .accounts
        .sign_in("not an email", PASSWORD, ip("198.51.100.3"))
        .await
        .unwrap_err();
    for e in [&wrong, &unknown, &garbled] {
        assert!(matches!(e, Error::Unauthenticated { .. }));
        assert_eq!(e.code(), "invalid_credentials");
        assert_eq!(e.to_string(), wrong.to_string());
    }
}

#[tokio::test]
async fn an_unverified_account_cannot_sign_in_until_it_confirms() {
    let env = Env::new().await;
    env.accounts
        .sign_up(form("Rin", "rin@example.com"), ip("192.0.2.250"))
        .await
        .unwrap();
    let e = env
        .accounts
        .sign_in("rin@example.com", PASSWORD, ip("192.0.2.1"))
        .await
        .unwrap_err();
    assert_eq!(e.code(), "email_unverified");
}

#[tokio::test]
async fn five_failures_from_one_address_lock_it_out_for_a_while_but_not_others() {
    let env = Env::new().await;
    env.owner("Kai", "kai@example.com").await;
    let attacker = ip("203.0.113.50");
    for _ in 0..5 {
        let e = env
            .accounts
            .sign_in("kai@example.com", "guess guess guess", attacker)
            .await
            .unwrap_err();
        assert_eq!(e.code(), "invalid_credentials");
    }
    // Even the right password is refused now, and the answer says when to retry.
    let e = env
        .accounts
        .sign_in("kai@example.com", PASSWORD, attacker)
        .await
        .unwrap_err();
    let Error::RateLimited {
        retry_after_seconds,
    } = e
    else {
        panic!("expected 429, got {e:?}")
    };
    assert!(
        (1..=300).contains(&retry_after_seconds),
        "{retry_after_seconds}"
    );
    // Another address signs in fine (the email has 5 of its 10).
    env.accounts
        .sign_in("kai@example.com", PASSWORD, ip("203.0.113.99"))
        .await
        .unwrap();
    // Once the window has passed, the address may try again.
    sqlx::query("update throttle_events set at = at - interval '6 minutes'")
        .execute(&env.db.pool)
        .await
        .unwrap();
    env.accounts
        .sign_in("kai@example.com", PASSWORD, attacker)
        .await
        .unwrap();
    // Throttling stores keyed hashes, not addresses or emails.
    let plain: i64 = sqlx::query_scalar(
        "select count(*) from throttle_events where position(convert_to('203.0.113', 'UTF8') in key_hash) > 0",
    )
    .fetch_one(&env.db.pool)
    .await
    .unwrap();
    assert_eq!(plain, 0);
}

#[tokio::test]
async fn ten_failures_for_one_email_from_many_addresses_lock_the_email() {
    let env = Env::new().await;
    env.owner("Emi", "emi@example.com").await;
    for i in 0..10 {
        let e = env
            .accounts
            .sign_in(
                "emi@example.com",
                "not the password",
                ip(&format!("198.51.100.{i}")),
            )
            .await
            .unwrap_err();
        assert_eq!(e.code(), "invalid_credentials");
    }
    let e = env
        .accounts
        .sign_in("emi@example.com", PASSWORD, ip("192.0.2.200"))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::RateLimited { retry_after_seconds } if retry_after_seconds <= 900));
    // The same address may still sign in to another account.
    env.owner("Jun", "jun@example.com").await;
    env.accounts
        .sign_in("jun@example.com", PASSWORD, ip("192.0.2.200"))
        .await
        .unwrap();
}

#[tokio::test]
async fn an_ipv6_slash_64_counts_as_one_address() {
    let env = Env::new().await;
    env.owner("Nao", "nao@example.com").await;
    for i in 1..=5 {
        let _ = env
            .accounts
            .sign_in(
                "nao@example.com",
                "nope nope nope",
                ip(&format!("2001:db8:1:2::{i}")),
            )
            .await;
    }
    let e = env
        .accounts
        .sign_in("nao@example.com", PASSWORD, ip("2001:db8:1:2:ffff::1"))
        .await
        .unwrap_err();
    assert_eq!(e.code(), "too_many_attempts");
}

#[tokio::test]
async fn an_imported_bcrypt_account_signs_in_and_is_upgraded_to_argon2id() {
    let env = Env::new().await;
    let (account, _) = env.owner("Old", "old@example.com").await;
    let bcrypt_hash = bcrypt::hash("imported from wordpress", 6).unwrap();
    sqlx::query("update accounts set password_hash = $2 where id = $1")
        .bind(account)
        .bind(&bcrypt_hash)
        .execute(&env.db.pool)
        .await
        .unwrap();
    env.accounts
        .sign_in(
            "old@example.com",
            "imported from wordpress",
            ip("192.0.2.9"),
        )
        .await
        .unwrap();
    let hash: String = sqlx::query_scalar("select password_hash from accounts where id = $1")
        .bind(account)
        .fetch_one(&env.db.pool)
        .await
        .unwrap();
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    env.accounts
        .sign_in(
            "old@example.com",
            "imported from wordpress",
            ip("192.0.2.9"),
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once_and_ends_other_sessions() {
    let env = Env::new().await;
    let (account, _) = env.owner("Aoi", "aoi@example.com").await;
    let old_session = env
        .accounts
        .sign_in("aoi@example.com", PASSWORD, ip("192.0.2.3"))
        .await
        .unwrap();
    env.accounts
        .request_password_reset("AOI@example.com")
        .await
        .unwrap();
    let token = env.token("aoi@example.com", links::RESET_PASSWORD).await;
    // A bad new password does not use up the link.
    let e = env
        .accounts
        .reset_password(&token, "short")
        .await
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("password_too_short", Some("password"))
    );
    let fresh = env
        .accounts
        .reset_password(&token, "a brand new password")
        .await
        .unwrap();
    assert_eq!(fresh.account_id, account);
    assert!(
        env.accounts
            .authenticate(&old_session.session_token)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        env.accounts
            .authenticate(&fresh.session_token)
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(
        env.accounts
            .reset_password(&token, "another new password")
            .await
            .unwrap_err()
            .code(),
        "token_used"
    );
    env.accounts
        .sign_in("aoi@example.com", "a brand new password", ip("192.0.2.3"))
        .await
        .unwrap();
    let e = env
        .accounts
        .sign_in("aoi@example.com", PASSWORD, ip("192.0.2.4"))
        .await
        .unwrap_err();
    assert_eq!(e.code(), "invalid_credentials");
}

#[tokio::test]
async fn a_reset_link_expires_after_an_hour_and_unknown_emails_get_no_mail() {
    let env = Env::new().await;
    env.owner("Riku", "riku@example.com").await;
    env.accounts
        .request_password_reset("riku@example.com")
        .await
        .unwrap();
    let expires_in: f64 = sqlx::query_scalar(
        "select extract(epoch from expires_at - created_at)::float8 from account_tokens where purpose = 'reset_password'",
    )
    .fetch_one(&env.db.pool)
    .await
    .unwrap();
    assert_eq!(expires_in, 3600.0);
    let token = env.token("riku@example.com", links::RESET_PASSWORD).await;
    sqlx::query("update account_tokens set expires_at = now() - interval '1 second' where purpose = 'reset_password'")
        .execute(&env.db.pool)
        .await
        .unwrap();
    let e = env
        .accounts
        .reset_password(&token, "whatever it is now")
        .await
        .unwrap_err();
    assert_eq!(e.code(), "token_expired");
    env.accounts
        .request_password_reset("ghost@example.com")
        .await
        .unwrap();
    assert_eq!(env.mail_count("ghost@example.com").await, 0);
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let env = Env::new().await;
    env.owner("Hina", "hina@example.com").await;
    let here = env
        .accounts
        .sign_in("hina@example.com", PASSWORD, ip("192.0.2.5"))
        .await
        .unwrap();
    let there = env
        .accounts
        .sign_in("hina@example.com", PASSWORD, ip("192.0.2.6"))
        .await
        .unwrap();
    let session = env
        .accounts
        .authenticate(&here.session_token)
        .await
        .unwrap()
        .unwrap();
    let e = env
        .accounts
        .change_password(session, "not my password", "new password 123")
        .await
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("password_incorrect", Some("current_password"))
    );
    let e = env
        .accounts
        .change_password(session, PASSWORD, "short")
        .await
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("password_too_short", Some("new_password"))
    );
    env.accounts
        .change_password(session, PASSWORD, "new password 123")
        .await
        .unwrap();
    assert!(
        env.accounts
            .authenticate(&here.session_token)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        env.accounts
            .authenticate(&there.session_token)
            .await
            .unwrap()
            .is_none()
    );
    let (_, notice) = env.last_mail("hina@example.com").await.unwrap();
    assert!(!notice.is_empty());
}

#[tokio::test]
async fn changing_the_email_is_confirmed_from_the_new_address_and_the_old_one_is_told() {
    let env = Env::new().await;
    let (account, _) = env.owner("Sara", "sara@example.com").await;
    let change = |new_email: &str, password: &str| EmailChange {
        current_password: password.to_owned(),
        new_email: new_email.to_owned(),
    };
    let e = env
        .accounts
        .request_email_change(account, change("sara@new.example", "bad"))
        .await
        .unwrap_err();
    assert_eq!(e.code(), "password_incorrect");
    let e = env
        .accounts
        .request_email_change(account, change("SARA@example.com", PASSWORD))
        .await
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("email_unchanged", Some("new_email"))
    );
    let e = env
        .accounts
        .request_email_change(account, change("nope", PASSWORD))
        .await
        .unwrap_err();
    assert_eq!((e.code(), e.field()), ("email_invalid", Some("new_email")));

    env.accounts
        .request_email_change(account, change("sara@new.example", PASSWORD))
        .await
        .unwrap();
    let (_, notice) = env.last_mail("sara@example.com").await.unwrap();
    assert!(notice.contains("sara@new.example"), "{notice}");
    // Nothing changes until the link is used.
    assert_eq!(
        env.accounts.account(account).await.unwrap().email,
        "sara@example.com"
    );
    let token = env
        .token("sara@new.example", links::CONFIRM_EMAIL_CHANGE)
        .await;
    let updated = env.accounts.confirm_email_change(&token).await.unwrap();
    assert_eq!(updated.email, "sara@new.example");
    assert_eq!(
        env.accounts
            .confirm_email_change(&token)
            .await
            .unwrap_err()
            .code(),
        "token_used"
    );
    env.accounts
        .sign_in("sara@new.example", PASSWORD, ip("192.0.2.7"))
        .await
        .unwrap();
    let e = env
        .accounts
        .sign_in("sara@example.com", PASSWORD, ip("192.0.2.8"))
        .await
        .unwrap_err();
    assert_eq!(e.code(), "invalid_credentials");
}

#[tokio::test]
async fn an_email_change_to_a_taken_address_tells_that_address_and_changes_nothing() {
    let env = Env::new().await;
    let (account, _) = env.owner("Ema", "ema@example.com").await;
    env.owner("Other", "other@example.com").await;
    let before = env.mail_count("other@example.com").await;
    env.accounts
        .request_email_change(
            account,
            EmailChange {
                current_password: PASSWORD.to_owned(),
                new_email: "Other@example.com".to_owned(),
            },
        )
        .await
        .unwrap();
    assert_eq!(env.mail_count("other@example.com").await, before + 1);
    let tokens: i64 =
        sqlx::query_scalar("select count(*) from account_tokens where purpose = 'change_email'")
            .fetch_one(&env.db.pool)
            .await
            .unwrap();
    assert_eq!(tokens, 0);
}

#[tokio::test]
async fn the_profile_changes_name_and_language_and_refuses_a_bad_name() {
    let env = Env::new().await;
    let (account, _) = env.owner("Yuki", "yuki@example.com").await;
    let updated = env
        .accounts
        .update_profile(account, Some("  雪  "), Some(mimi_domain::Language::Ja))
        .await
        .unwrap();
    assert_eq!(
        (updated.name.as_str(), updated.language.0),
        ("雪", mimi_domain::Language::Ja)
    );
    for (name, code) in [("", "name_required"), (&*"n".repeat(101), "name_too_long")] {
        let e = env
            .accounts
            .update_profile(account, Some(name), None)
            .await
            .unwrap_err();
        assert_eq!((e.code(), e.field()), (code, Some("name")));
    }
    assert_eq!(env.accounts.account(account).await.unwrap().name, "雪");
}

#[tokio::test]
async fn expired_sessions_are_refused_and_purged() {
    let env = Env::new().await;
    env.owner("Old", "old@example.com").await;
    let signed_in = env
        .accounts
        .sign_in("old@example.com", PASSWORD, ip("192.0.2.77"))
        .await
        .unwrap();
    sqlx::query("update sessions set expires_at = now() - interval '1 second'")
        .execute(&env.db.pool)
        .await
        .unwrap();
    assert!(
        env.accounts
            .authenticate(&signed_in.session_token)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(env.accounts.purge_expired_sessions().await.unwrap(), 2);
    assert_eq!(env.count("sessions").await, 0);
}
