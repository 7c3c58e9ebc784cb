use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use mimi_domain::Language;
use mimi_notify::{Message, deliver_due};
use mimi_testkit::{SmtpServer, TestDb};
use tracing_subscriber::fmt::MakeWriter;

use crate::support::{WAIT, now, plain_mailer, queue};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Captured {
        self.clone()
    }
}

/// Everything every test of this binary logs, at every level. A global subscriber
/// rather than a thread-local one: tracing caches per call site whether anyone listens,
/// and a site first reached on another test's thread could stay silent for ours.
fn captured() -> &'static Captured {
    static LOGS: OnceLock<Captured> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Captured::default();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(logs.clone())
            .with_ansi(false)
            .finish();
        tracing::subscriber::set_global_default(subscriber)
            .expect("no other global subscriber in this test binary");
        logs
    })
}

#[tokio::test]
async fn logs_name_messages_by_id_and_failures_by_kind_and_nothing_else() {
    let logs = captured();
    let db = TestDb::new().await;
    let mut smtp = SmtpServer::start().await;
    let mailer = plain_mailer(&smtp);
    let message = Message::PasswordReset {
        name: "Secret Name".into(),
        link: "https://mimi.test/reset?token=SECRET-TOKEN".into(),
    };

    let sent = queue(&db.pool, "private@example.com", &message, Language::En).await;
    deliver_due(&db.pool, &mailer, now()).await.unwrap();
    smtp.wait_for_mail("private@example.com", WAIT).await;

    smtp.reply_to("RCPT", 550);
    let rejected = queue(&db.pool, "rejected@example.com", &message, Language::En).await;
    deliver_due(&db.pool, &mailer, now()).await.unwrap();

    smtp.stop().await;
    let waiting = queue(&db.pool, "later@example.com", &message, Language::En).await;
    deliver_due(&db.pool, &mailer, now()).await.unwrap();

    // Other tests may be logging too: no test's mail may leak, and ours must be named.
    let logs = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    for secret in [
        "SECRET-TOKEN",
        "Secret Name",
        "example.com",
        "Reset your Mimi password",
        "mimi.test",
    ] {
        assert!(!logs.contains(secret), "logs contain {secret:?}:\n{logs}");
    }
    for id in [sent, rejected, waiting] {
        assert!(logs.contains(&id.to_string()), "{id} missing:\n{logs}");
    }
    assert!(logs.contains("smtp_550"), "{logs}");
    assert!(logs.contains("connection"), "{logs}");
}
