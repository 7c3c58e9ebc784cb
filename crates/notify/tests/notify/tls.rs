use std::path::Path;

use mimi_domain::Language;
use mimi_notify::{MailSettings, Mailer, SmtpSecurity, deliver_due};
use mimi_testkit::{SmtpOptions, SmtpServer, TestDb};
use secrecy::SecretString;
use time::Duration;

use crate::support::{WAIT, now, plain_mailer, queue, row, settings, starttls_mailer, verify};

fn requiring_starttls() -> SmtpOptions {
    SmtpOptions {
        require_starttls: true,
        ..SmtpOptions::default()
    }
}

#[tokio::test]
async fn starttls_delivery_to_a_relay_with_a_self_signed_certificate_works() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start_with(requiring_starttls()).await;
    queue(&db.pool, "aiko@example.com", &verify("Aiko"), Language::En).await;

    let report = deliver_due(&db.pool, &starttls_mailer(&smtp), now())
        .await
        .unwrap();
    assert_eq!(report.sent, 1, "{report:?}");
    let mail = smtp.wait_for_mail("aiko@example.com", WAIT).await;
    assert!(mail.tls, "sent after STARTTLS");
}

#[tokio::test]
async fn plain_delivery_to_a_relay_that_requires_starttls_fails_clearly_and_keeps_the_mail() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start_with(requiring_starttls()).await;
    let id = queue(&db.pool, "aiko@example.com", &verify("Aiko"), Language::En).await;

    let report = deliver_due(&db.pool, &plain_mailer(&smtp), now())
        .await
        .unwrap();
    assert_eq!((report.sent, report.retrying), (0, 1), "{report:?}");
    let waiting = row(&db.pool, id).await;
    assert_eq!(waiting.last_error.as_deref(), Some("smtp_530"));
    assert!(waiting.body_text.is_some());
    assert!(smtp.received().is_empty());

    // Once the operator fixes the setting, the same row goes out.
    let fixed = starttls_mailer(&smtp);
    let report = deliver_due(&db.pool, &fixed, now() + Duration::minutes(1))
        .await
        .unwrap();
    assert_eq!(report.sent, 1, "{report:?}");
    assert!(smtp.wait_for_mail("aiko@example.com", WAIT).await.tls);
}

#[tokio::test]
async fn a_relay_certificate_that_is_not_trusted_is_a_tls_failure() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start().await;
    let untrusting = Mailer::from_settings(
        &settings(&smtp, SmtpSecurity::Starttls),
        Path::new("unused"),
    )
    .unwrap();
    let id = queue(&db.pool, "aiko@example.com", &verify("Aiko"), Language::En).await;

    let report = deliver_due(&db.pool, &untrusting, now()).await.unwrap();
    assert_eq!(report.retrying, 1, "{report:?}");
    assert_eq!(row(&db.pool, id).await.last_error.as_deref(), Some("tls"));
    assert!(smtp.received().is_empty());
}

#[tokio::test]
async fn credentials_are_sent_after_starttls() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start_with(SmtpOptions {
        require_starttls: true,
        credentials: Some(("mimi".into(), "s3cret".into())),
        ..SmtpOptions::default()
    })
    .await;
    let with = |password: &str| MailSettings {
        smtp_username: Some("mimi".into()),
        smtp_password: Some(SecretString::from(password)),
        ..settings(&smtp, SmtpSecurity::Starttls)
    };
    let pem = smtp.certificate_pem().as_bytes();
    let id = queue(&db.pool, "aiko@example.com", &verify("Aiko"), Language::En).await;

    let wrong = Mailer::smtp_with_root_cert(&with("wrong"), pem).unwrap();
    let report = deliver_due(&db.pool, &wrong, now()).await.unwrap();
    assert_eq!(report.retrying, 1, "{report:?}");
    assert_eq!(
        row(&db.pool, id).await.last_error.as_deref(),
        Some("smtp_535")
    );

    let right = Mailer::smtp_with_root_cert(&with("s3cret"), pem).unwrap();
    let report = deliver_due(&db.pool, &right, now() + Duration::minutes(1))
        .await
        .unwrap();
    assert_eq!(report.sent, 1, "{report:?}");
    let mail = smtp.wait_for_mail("aiko@example.com", WAIT).await;
    assert_eq!(mail.user.as_deref(), Some("mimi"));
    assert!(mail.tls);
}

#[tokio::test]
async fn implicit_tls_delivery_works() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start_with(SmtpOptions {
        implicit_tls: true,
        ..SmtpOptions::default()
    })
    .await;
    let mailer = Mailer::smtp_with_root_cert(
        &settings(&smtp, SmtpSecurity::Tls),
        smtp.certificate_pem().as_bytes(),
    )
    .unwrap();
    queue(&db.pool, "aiko@example.com", &verify("Aiko"), Language::En).await;

    assert_eq!(deliver_due(&db.pool, &mailer, now()).await.unwrap().sent, 1);
    assert!(smtp.wait_for_mail("aiko@example.com", WAIT).await.tls);
}
