use std::collections::HashSet;

use mimi_domain::Language;
use mimi_notify::{Error, Message, deliver_due, enqueue};
use mimi_testkit::{SmtpServer, TestDb};

use crate::support::{WAIT, app_pool, now, plain_mailer, queue, row, verify};

#[tokio::test]
async fn a_queued_message_arrives_with_its_english_subject_and_text() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start().await;
    let id = queue(&db.pool, "aiko@example.com", &verify("Aiko"), Language::En).await;

    let report = deliver_due(&db.pool, &plain_mailer(&smtp), now())
        .await
        .unwrap();
    assert_eq!((report.claimed, report.sent), (1, 1), "{report:?}");

    let mail = smtp.wait_for_mail("aiko@example.com", WAIT).await;
    assert_eq!(mail.from, "no-reply@mimi.test");
    assert_eq!(mail.subject, "Confirm your email address for Mimi");
    assert!(mail.text.starts_with("Hello Aiko,"), "{}", mail.text);
    assert!(
        mail.text
            .contains("https://mimi.test/verify?token=tok-Aiko"),
        "{}",
        mail.text
    );
    assert!(mail.text.contains("24 hours"), "{}", mail.text);
    let html = mail.html.expect("an HTML part");
    assert!(
        html.contains("href=\"https://mimi.test/verify?token=tok-Aiko\""),
        "{html}"
    );
    assert!(
        mail.raw.contains(&format!("<{id}@mimi.test>")),
        "the outbox id is the Message-ID"
    );
}

#[tokio::test]
async fn a_japanese_message_arrives_with_an_encoded_utf8_subject() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start().await;
    let message = Message::PasswordReset {
        name: "山田 花子".into(),
        link: "https://mimi.test/reset?token=t".into(),
    };
    let rendered = message.render(Language::Ja);
    let id = queue(&db.pool, "hanako@example.jp", &message, Language::Ja).await;
    assert_eq!(row(&db.pool, id).await.language, "ja");

    deliver_due(&db.pool, &plain_mailer(&smtp), now())
        .await
        .unwrap();

    let mail = smtp.wait_for_mail("hanako@example.jp", WAIT).await;
    assert_eq!(mail.subject, rendered.subject);
    assert_eq!(mail.subject, "【Mimi】パスワード再設定のご案内");
    let subject_line = mail
        .raw
        .lines()
        .find(|l| l.starts_with("Subject:"))
        .unwrap();
    assert!(subject_line.is_ascii(), "{subject_line}");
    assert!(
        subject_line.to_ascii_lowercase().contains("=?utf-8?"),
        "{subject_line}"
    );
    assert!(mail.text.starts_with("山田 花子 様"), "{}", mail.text);
    assert!(mail.text.contains("有効期限は1時間"), "{}", mail.text);
    assert!(
        mail.text.contains("https://mimi.test/reset?token=t"),
        "{}",
        mail.text
    );
}

#[tokio::test]
async fn bodies_are_dropped_once_sent_but_the_row_stays_for_the_audit() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start().await;
    let id = queue(&db.pool, "aiko@example.com", &verify("Aiko"), Language::En).await;
    let queued = row(&db.pool, id).await;
    assert!(queued.body_text.unwrap().contains("tok-Aiko"));
    assert!(queued.body_html.unwrap().contains("tok-Aiko"));

    deliver_due(&db.pool, &plain_mailer(&smtp), now())
        .await
        .unwrap();
    smtp.wait_for_mail("aiko@example.com", WAIT).await;

    let sent = row(&db.pool, id).await;
    assert!(sent.sent_at.is_some());
    assert_eq!(sent.body_text, None);
    assert_eq!(sent.body_html, None);
    assert_eq!(sent.to_address, "aiko@example.com");
    assert_eq!(sent.subject, "Confirm your email address for Mimi");
    assert_eq!(
        (sent.attempts, sent.last_error, sent.failed_at),
        (0, None, None)
    );
}

#[tokio::test]
async fn a_rolled_back_sign_up_sends_nothing() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start().await;
    let mut tx = db.pool.begin().await.unwrap();
    enqueue(&mut tx, "aiko@example.com", &verify("Aiko"), Language::En)
        .await
        .unwrap();
    tx.rollback().await.unwrap();

    let report = deliver_due(&db.pool, &plain_mailer(&smtp), now())
        .await
        .unwrap();
    assert_eq!(report.claimed, 0);
    let rows: i64 = sqlx::query_scalar("select count(*) from mail_outbox")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(rows, 0);
    assert!(smtp.received().is_empty());
}

#[tokio::test]
async fn an_invalid_recipient_is_refused_when_queued_and_nothing_is_written() {
    let db = TestDb::new().await;
    let mut conn = db.pool.acquire().await.unwrap();
    for bad in [
        "",
        "aiko",
        "aiko@",
        "a b@example.com",
        "aiko@example.com\r\nBcc: x@y.z",
    ] {
        let err = enqueue(&mut conn, bad, &verify("Aiko"), Language::En)
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Recipient), "{bad:?}: {err}");
        assert!(!err.to_string().contains("aiko"), "{err}");
    }
    let rows: i64 = sqlx::query_scalar("select count(*) from mail_outbox")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(rows, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_at_once_send_each_message_once() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start().await;
    let count = 30;
    for i in 0..count {
        queue(
            &db.pool,
            &format!("user{i}@example.com"),
            &verify("U"),
            Language::En,
        )
        .await;
    }
    let (a, b) = (plain_mailer(&smtp), plain_mailer(&smtp));
    let (one, two) = tokio::join!(
        deliver_due(&db.pool, &a, now()),
        deliver_due(&db.pool, &b, now()),
    );
    let (one, two) = (one.unwrap(), two.unwrap());
    let third = deliver_due(&db.pool, &a, now()).await.unwrap();
    assert_eq!(
        one.sent + two.sent + third.sent,
        count,
        "{one:?} {two:?} {third:?}"
    );
    assert_eq!(deliver_due(&db.pool, &a, now()).await.unwrap().claimed, 0);

    let received = smtp.received();
    assert_eq!(received.len(), count);
    let recipients: HashSet<String> = received.into_iter().flat_map(|m| m.to).collect();
    assert_eq!(recipients.len(), count, "every recipient once");
}

#[tokio::test]
async fn mail_is_queued_delivered_and_purged_as_the_serving_role() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start().await;
    let app = app_pool(&db).await;
    let role: String = sqlx::query_scalar("select current_user::text")
        .fetch_one(&app)
        .await
        .unwrap();
    assert_eq!(role, "mimi_app");

    let message = Message::Invite {
        inviter_name: "Ben".into(),
        workspace_name: "Acme".into(),
        link: "https://mimi.test/invite/abc".into(),
    };
    let id = queue(&app, "carol@example.com", &message, Language::En).await;
    let report = deliver_due(&app, &plain_mailer(&smtp), now())
        .await
        .unwrap();
    assert_eq!(report.sent, 1, "{report:?}");
    let mail = smtp.wait_for_mail("carol@example.com", WAIT).await;
    assert_eq!(mail.subject, "Ben invited you to Acme on Mimi");
    assert!(row(&app, id).await.sent_at.is_some());

    let purged = mimi_notify::purge_sent(&app, std::time::Duration::ZERO)
        .await
        .unwrap();
    assert_eq!(purged, 1);
}
