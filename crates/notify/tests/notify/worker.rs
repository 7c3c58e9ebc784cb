use std::time::Duration;

use mimi_domain::Language;
use mimi_notify::{MailSettings, Mailer, Message, run_worker};
use mimi_testkit::{SmtpServer, TestDb};
use tokio::sync::oneshot;

use crate::support::{WAIT, app_pool, plain_mailer, queue, verify};

#[tokio::test]
async fn the_worker_wakes_on_notify_and_stops_on_shutdown() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start().await;
    let app = app_pool(&db).await;
    queue(&app, "first@example.com", &verify("First"), Language::En).await;

    let (stop, stopped) = oneshot::channel::<()>();
    // An hour between polls: only the notification can deliver the second message.
    let worker = tokio::spawn(run_worker(
        app.clone(),
        plain_mailer(&smtp),
        Duration::from_secs(3600),
        async move {
            let _ = stopped.await;
        },
    ));
    // The first pass runs after the worker listens, so once the first message is in,
    // the next commit's notification reaches it.
    smtp.wait_for_mail("first@example.com", WAIT).await;

    queue(&app, "second@example.com", &verify("Second"), Language::En).await;
    let mail = smtp.wait_for_mail("second@example.com", WAIT).await;
    assert!(mail.text.contains("tok-Second"));

    stop.send(()).unwrap();
    tokio::time::timeout(WAIT, worker)
        .await
        .expect("the worker stops on shutdown")
        .unwrap();
    assert_eq!(smtp.received().len(), 2);
}

#[tokio::test]
async fn the_worker_survives_losing_its_database_connections() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start().await;
    queue(
        &db.pool,
        "first@example.com",
        &verify("First"),
        Language::En,
    )
    .await;
    let (stop, stopped) = oneshot::channel::<()>();
    let worker = tokio::spawn(run_worker(
        db.pool.clone(),
        plain_mailer(&smtp),
        Duration::from_millis(200),
        async move {
            let _ = stopped.await;
        },
    ));
    smtp.wait_for_mail("first@example.com", WAIT).await;

    let mut admin = db.admin().await;
    let cut: i64 = sqlx::query_scalar(
        "select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity \
         where datname = $1 and pid <> pg_backend_pid()) t",
    )
    .bind(&db.name)
    .fetch_one(&mut admin)
    .await
    .unwrap();
    assert!(cut >= 1, "the worker's connections were cut");

    queue(
        &db.pool,
        "second@example.com",
        &verify("Second"),
        Language::En,
    )
    .await;
    smtp.wait_for_mail("second@example.com", WAIT).await;
    assert!(!worker.is_finished());
    stop.send(()).unwrap();
    tokio::time::timeout(WAIT, worker).await.unwrap().unwrap();
}

#[tokio::test]
async fn without_a_relay_mail_is_written_to_eml_files() {
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let outbox = dir.path().join("mail");
    let mailer = Mailer::from_settings(&MailSettings::default(), &outbox).unwrap();
    let message = Message::PasswordChanged {
        name: "Aiko".into(),
    };
    queue(&db.pool, "aiko@example.com", &message, Language::En).await;

    let report = mimi_notify::deliver_due(&db.pool, &mailer, crate::support::now())
        .await
        .unwrap();
    assert_eq!(report.sent, 1, "{report:?}");
    let files: Vec<_> = std::fs::read_dir(&outbox)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0].extension().unwrap(), "eml");
    let eml = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        eml.contains("Subject: Your Mimi password was changed"),
        "{eml}"
    );
    assert!(eml.contains("To: aiko@example.com"), "{eml}");
}
