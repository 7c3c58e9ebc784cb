use mimi_domain::Language;
use mimi_notify::{MAX_ATTEMPTS, deliver_due};
use mimi_testkit::{SmtpServer, TestDb};
use time::Duration;

use crate::support::{WAIT, now, plain_mailer, queue, row, verify};

#[tokio::test]
async fn mail_queued_while_the_relay_is_down_waits_and_is_delivered_once_it_is_back() {
    let db = TestDb::new().await;
    let mut smtp = SmtpServer::start().await;
    let mailer = plain_mailer(&smtp);
    smtp.stop().await;
    let id = queue(&db.pool, "aiko@example.com", &verify("Aiko"), Language::En).await;

    let first = now();
    let report = deliver_due(&db.pool, &mailer, first).await.unwrap();
    assert_eq!(
        (report.claimed, report.sent, report.retrying),
        (1, 0, 1),
        "{report:?}"
    );
    let waiting = row(&db.pool, id).await;
    assert_eq!(waiting.attempts, 1);
    assert_eq!(waiting.last_error.as_deref(), Some("connection"));
    assert!(
        waiting.next_attempt_at >= first + Duration::seconds(30),
        "{waiting:?}"
    );
    assert!(
        waiting.next_attempt_at <= first + Duration::seconds(33),
        "{waiting:?}"
    );
    assert!(waiting.body_text.is_some(), "nothing is lost");
    assert_eq!((waiting.sent_at, waiting.failed_at), (None, None));

    // Not due again before its retry time.
    assert_eq!(
        deliver_due(&db.pool, &mailer, first).await.unwrap().claimed,
        0
    );

    smtp.restart().await;
    let later = first + Duration::minutes(2);
    let report = deliver_due(&db.pool, &mailer, later).await.unwrap();
    assert_eq!(report.sent, 1, "{report:?}");
    let mail = smtp.wait_for_mail("aiko@example.com", WAIT).await;
    assert!(mail.text.contains("tok-Aiko"));

    let much_later = first + Duration::days(3);
    assert_eq!(
        deliver_due(&db.pool, &mailer, much_later)
            .await
            .unwrap()
            .claimed,
        0
    );
    assert_eq!(smtp.received().len(), 1, "delivered exactly once");
    let sent = row(&db.pool, id).await;
    assert_eq!((sent.attempts, sent.last_error), (1, None));
    assert!(sent.sent_at.is_some());
}

#[tokio::test]
async fn a_relay_that_goes_down_between_messages_is_reconnected_to_when_back() {
    let db = TestDb::new().await;
    let mut smtp = SmtpServer::start().await;
    let mailer = plain_mailer(&smtp);
    queue(&db.pool, "a@example.com", &verify("A"), Language::En).await;
    assert_eq!(deliver_due(&db.pool, &mailer, now()).await.unwrap().sent, 1);

    // The pooled connection dies with the server.
    smtp.restart().await;
    queue(&db.pool, "b@example.com", &verify("B"), Language::En).await;
    assert_eq!(deliver_due(&db.pool, &mailer, now()).await.unwrap().sent, 1);
    smtp.wait_for_mail("b@example.com", WAIT).await;
}

#[tokio::test]
async fn when_the_relay_is_down_the_whole_batch_waits_for_a_retry() {
    let db = TestDb::new().await;
    let mut smtp = SmtpServer::start().await;
    let mailer = plain_mailer(&smtp);
    smtp.stop().await;
    for i in 0..3 {
        queue(
            &db.pool,
            &format!("u{i}@example.com"),
            &verify("U"),
            Language::En,
        )
        .await;
    }
    let report = deliver_due(&db.pool, &mailer, now()).await.unwrap();
    assert_eq!((report.claimed, report.retrying), (3, 3), "{report:?}");
    let errors: Vec<(i32, Option<String>)> =
        sqlx::query_as("select attempts, last_error from mail_outbox")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert!(
        errors
            .iter()
            .all(|e| *e == (1, Some("connection".to_owned()))),
        "{errors:?}"
    );
}

#[tokio::test]
async fn a_temporary_refusal_is_retried_later() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start().await;
    let mailer = plain_mailer(&smtp);
    smtp.reply_to("MAIL", 451);
    let id = queue(&db.pool, "aiko@example.com", &verify("Aiko"), Language::En).await;

    let first = now();
    let report = deliver_due(&db.pool, &mailer, first).await.unwrap();
    assert_eq!(report.retrying, 1, "{report:?}");
    let waiting = row(&db.pool, id).await;
    assert_eq!(waiting.last_error.as_deref(), Some("smtp_451"));
    assert_eq!(waiting.attempts, 1);

    smtp.clear_replies();
    let report = deliver_due(&db.pool, &mailer, first + Duration::minutes(1))
        .await
        .unwrap();
    assert_eq!(report.sent, 1, "{report:?}");
    smtp.wait_for_mail("aiko@example.com", WAIT).await;
}

#[tokio::test]
async fn a_recipient_the_relay_rejects_for_good_is_given_up_at_once() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start().await;
    let mailer = plain_mailer(&smtp);
    smtp.reply_to("RCPT", 550);
    let id = queue(&db.pool, "nobody@example.com", &verify("N"), Language::En).await;

    let report = deliver_due(&db.pool, &mailer, now()).await.unwrap();
    assert_eq!((report.failed, report.retrying), (1, 0), "{report:?}");
    let failed = row(&db.pool, id).await;
    assert!(failed.failed_at.is_some());
    assert_eq!(failed.sent_at, None);
    assert_eq!(failed.attempts, 1);
    assert_eq!(failed.last_error.as_deref(), Some("smtp_550"));
    assert_eq!((failed.body_text, failed.body_html), (None, None));

    smtp.clear_replies();
    let report = deliver_due(&db.pool, &mailer, now() + Duration::days(3))
        .await
        .unwrap();
    assert_eq!(report.claimed, 0);
    assert!(smtp.received().is_empty());
}

#[tokio::test]
async fn a_message_that_keeps_failing_is_given_up_after_the_last_attempt() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start().await;
    let mailer = plain_mailer(&smtp);
    // 530 is retried like an outage: it usually means our settings are wrong.
    smtp.reply_to("MAIL", 530);
    let id = queue(&db.pool, "aiko@example.com", &verify("Aiko"), Language::En).await;

    let first = now();
    let mut at = first;
    let mut passes = 0;
    loop {
        let report = deliver_due(&db.pool, &mailer, at).await.unwrap();
        assert_eq!(report.claimed, 1, "due again after each retry delay");
        passes += 1;
        if report.failed == 1 {
            break;
        }
        assert_eq!(report.retrying, 1);
        at = row(&db.pool, id).await.next_attempt_at;
        assert!(passes < 100, "never gave up");
    }
    assert_eq!(passes, MAX_ATTEMPTS);
    let given_up = row(&db.pool, id).await;
    assert_eq!(given_up.attempts, MAX_ATTEMPTS);
    assert_eq!(given_up.last_error.as_deref(), Some("smtp_530"));
    assert!(given_up.failed_at.is_some());
    assert_eq!(given_up.body_text, None);
    let hours = (at - first).whole_hours();
    assert!((40..=46).contains(&hours), "gave up after {hours} h");
}
