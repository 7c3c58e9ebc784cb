use std::time::Duration;

use mimi_domain::Language;
use mimi_notify::purge_sent;
use mimi_testkit::TestDb;
use uuid::Uuid;

use crate::support::{queue, verify};

async fn age(db: &TestDb, id: Uuid, set: &str) {
    sqlx::query(&format!(
        "update mail_outbox set {set}, body_text = case when sent_at is null and failed_at is null then body_text end where id = $1"
    ))
    .bind(id)
    .execute(&db.pool)
    .await
    .unwrap();
}

#[tokio::test]
async fn purging_removes_old_sent_and_given_up_mail_but_never_pending_mail() {
    let db = TestDb::new().await;
    let mut ids = Vec::new();
    for name in ["old-sent", "old-failed", "new-sent", "old-pending"] {
        ids.push(
            queue(
                &db.pool,
                &format!("{name}@example.com"),
                &verify(name),
                Language::En,
            )
            .await,
        );
    }
    age(&db, ids[0], "sent_at = now() - interval '40 days'").await;
    age(&db, ids[1], "failed_at = now() - interval '40 days'").await;
    age(&db, ids[2], "sent_at = now() - interval '1 day'").await;
    age(&db, ids[3], "created_at = now() - interval '40 days'").await;

    let purged = purge_sent(&db.pool, Duration::from_secs(30 * 24 * 3600))
        .await
        .unwrap();
    assert_eq!(purged, 2);
    let left: Vec<Uuid> = sqlx::query_scalar("select id from mail_outbox order by id")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    assert_eq!(left, vec![ids[2], ids[3]]);
}

#[tokio::test]
async fn a_pending_message_must_keep_its_body() {
    let db = TestDb::new().await;
    let id = queue(&db.pool, "a@example.com", &verify("A"), Language::En).await;
    let err = sqlx::query("update mail_outbox set body_text = null where id = $1")
        .bind(id)
        .execute(&db.pool)
        .await
        .unwrap_err();
    let constraint = err
        .as_database_error()
        .and_then(|e| e.constraint())
        .map(str::to_owned);
    assert_eq!(constraint.as_deref(), Some("mail_outbox_pending_has_body"));
}
