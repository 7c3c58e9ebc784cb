//! A real SMTP server on 127.0.0.1 for tests of outgoing mail.
//!
//! It speaks enough RFC 5321 for a real client (lettre) to deliver through it: `EHLO`/
//! `HELO`, `MAIL FROM`, `RCPT TO`, `DATA` with dot-unstuffing, `RSET`, `NOOP`, `QUIT`,
//! `STARTTLS` and implicit TLS with a self-signed certificate made at start (rcgen;
//! [`SmtpServer::certificate_pem`] gives it to the client to trust) and `AUTH PLAIN`.
//! It keeps every message it accepts; [`SmtpServer::wait_for_mail`] waits for one
//! without sleeping. It can be stopped and started again on the same port (an outage),
//! and made to answer a command with a chosen code (a refusal).
//!
//! Written here on tokio rather than embedding `mailin-embedded`, the maintained
//! embeddable server on crates.io: its `serve()` blocks a thread pool forever with no
//! way to stop it (so no outage could be simulated), it reads certificates only from
//! files, and its rustls dependency keeps rustls' default features, which would build
//! aws-lc-rs (a large C build) next to the ring provider the workspace already uses.

mod session;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::{JoinHandle, JoinSet};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};

/// How the server behaves.
#[derive(Clone, Debug, Default)]
pub struct SmtpOptions {
    /// Refuse `MAIL FROM` with 530 until the client has upgraded with `STARTTLS`.
    pub require_starttls: bool,
    /// TLS from the first byte (as on port 465) instead of plain text with `STARTTLS`.
    pub implicit_tls: bool,
    /// Offer `AUTH PLAIN` (over TLS only) and require this user name and password
    /// before `MAIL FROM`.
    pub credentials: Option<(String, String)>,
}

/// A message the server accepted.
#[derive(Clone, Debug)]
pub struct ReceivedMail {
    /// The envelope sender (`MAIL FROM`).
    pub from: String,
    /// The envelope recipients (`RCPT TO`).
    pub to: Vec<String>,
    /// The message as transferred, dot-unstuffed.
    pub raw: String,
    /// The decoded `Subject` header.
    pub subject: String,
    /// The decoded plain-text part (quoted-printable and base64 undone).
    pub text: String,
    /// The decoded HTML part, if the message has one.
    pub html: Option<String>,
    /// Whether the message came over TLS.
    pub tls: bool,
    /// The user name the client authenticated as, if it did.
    pub user: Option<String>,
}

/// The running (or stopped) server; stops when dropped.
pub struct SmtpServer {
    port: u16,
    shared: Arc<Shared>,
    task: Option<JoinHandle<()>>,
}

struct Shared {
    options: SmtpOptions,
    acceptor: TlsAcceptor,
    certificate_pem: String,
    mail: Mutex<Vec<Stored>>,
    arrived: watch::Sender<usize>,
    replies: Mutex<HashMap<String, u16>>,
}

struct Stored {
    mail: ReceivedMail,
    taken: bool,
}

impl SmtpServer {
    /// Starts a server offering `STARTTLS` but not requiring it, without authentication.
    pub async fn start() -> SmtpServer {
        SmtpServer::start_with(SmtpOptions::default()).await
    }

    /// Starts a server with `options` on a free port.
    pub async fn start_with(options: SmtpOptions) -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind port 0");
        let port = listener.local_addr().expect("local addr").port();
        let (acceptor, certificate_pem) = self_signed();
        let shared = Arc::new(Shared {
            options,
            acceptor,
            certificate_pem,
            mail: Mutex::new(Vec::new()),
            arrived: watch::Sender::new(0),
            replies: Mutex::new(HashMap::new()),
        });
        let task = Some(tokio::spawn(accept(listener, shared.clone())));
        SmtpServer { port, shared, task }
    }

    /// The port on 127.0.0.1.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The server's certificate (for `localhost` and `127.0.0.1`) in PEM.
    pub fn certificate_pem(&self) -> &str {
        &self.shared.certificate_pem
    }

    /// Stops listening and drops every open connection; connecting is refused until
    /// [`SmtpServer::restart`]. Mail received so far is kept.
    pub async fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            // Returns once the task is dropped, with its listener and connections.
            let _ = task.await;
        }
    }

    /// Listens again on the same port.
    pub async fn restart(&mut self) {
        self.stop().await;
        let listener = TcpListener::bind(("127.0.0.1", self.port))
            .await
            .expect("bind the same port again");
        self.task = Some(tokio::spawn(accept(listener, self.shared.clone())));
    }

    /// Answers every later `verb` command (`MAIL`, `RCPT`, `DATA`, …) with `code`
    /// instead of processing it; 421 also closes the connection.
    pub fn reply_to(&self, verb: &str, code: u16) {
        self.shared
            .replies
            .lock()
            .unwrap()
            .insert(verb.to_ascii_uppercase(), code);
    }

    /// Goes back to processing every command.
    pub fn clear_replies(&self) {
        self.shared.replies.lock().unwrap().clear();
    }

    /// Every message accepted so far, oldest first.
    pub fn received(&self) -> Vec<ReceivedMail> {
        let mail = self.shared.mail.lock().unwrap();
        mail.iter().map(|s| s.mail.clone()).collect()
    }

    /// The oldest message to `to` not returned by an earlier call; waits up to
    /// `timeout` for it to arrive, then panics.
    pub async fn wait_for_mail(&self, to: &str, timeout: Duration) -> ReceivedMail {
        // Subscribed before looking, so a message arriving in between is not missed.
        let mut arrived = self.shared.arrived.subscribe();
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            if let Some(mail) = self.take(to) {
                return mail;
            }
            if tokio::time::timeout_at(deadline, arrived.changed())
                .await
                .is_err()
            {
                let seen: Vec<Vec<String>> = self.received().into_iter().map(|m| m.to).collect();
                panic!("no mail to {to} within {timeout:?}; recipients so far: {seen:?}");
            }
        }
    }

    fn take(&self, to: &str) -> Option<ReceivedMail> {
        let mut mail = self.shared.mail.lock().unwrap();
        let stored = mail
            .iter_mut()
            .find(|s| !s.taken && s.mail.to.iter().any(|r| r.eq_ignore_ascii_case(to)))?;
        stored.taken = true;
        Some(stored.mail.clone())
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

impl Shared {
    fn reply_for(&self, verb: &str) -> Option<u16> {
        self.replies.lock().unwrap().get(verb).copied()
    }

    fn store(&self, mail: ReceivedMail) {
        let mut all = self.mail.lock().unwrap();
        all.push(Stored { mail, taken: false });
        let count = all.len();
        drop(all);
        self.arrived.send_replace(count);
    }
}

async fn accept(listener: TcpListener, shared: Arc<Shared>) {
    // Dropping the set (when the task is aborted) aborts every connection with it.
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                if let Ok((stream, _)) = accepted {
                    connections.spawn(session::serve(stream, shared.clone()));
                }
            }
            Some(_) = connections.join_next() => {}
        }
    }
}

fn self_signed() -> (TlsAcceptor, String) {
    let certified =
        rcgen::generate_simple_self_signed(vec!["localhost".to_owned(), "127.0.0.1".to_owned()])
            .expect("generate a certificate");
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
        certified.signing_key.serialize_der(),
    ));
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![certified.cert.der().clone()], key)
        .expect("server certificate");
    (TlsAcceptor::from(Arc::new(config)), certified.cert.pem())
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    use tokio::net::TcpStream;

    use super::*;

    /// A client that sends a line and returns the last line of the reply.
    struct Client(BufReader<TcpStream>);

    impl Client {
        async fn connect(server: &SmtpServer) -> Client {
            let stream = TcpStream::connect(("127.0.0.1", server.port()))
                .await
                .unwrap();
            let mut client = Client(BufReader::new(stream));
            assert!(client.read_reply().await.starts_with("220 "));
            client
        }

        async fn read_reply(&mut self) -> String {
            loop {
                let mut line = String::new();
                self.0.read_line(&mut line).await.unwrap();
                // The last line of a multi-line reply has a space after the code.
                if line.as_bytes().get(3) != Some(&b'-') {
                    return line.trim_end().to_owned();
                }
            }
        }

        async fn send(&mut self, line: &str) -> String {
            let stream = self.0.get_mut();
            stream
                .write_all(format!("{line}\r\n").as_bytes())
                .await
                .unwrap();
            self.read_reply().await
        }
    }

    #[tokio::test]
    async fn the_server_speaks_smtp_and_undoes_dot_stuffing() {
        let server = SmtpServer::start().await;
        let mut c = Client::connect(&server).await;
        assert!(c.send("EHLO client.test").await.starts_with("250 "));
        assert!(c.send("NOOP").await.starts_with("250 "));
        assert!(c.send("DATA").await.starts_with("503 "), "no recipient yet");
        assert!(c.send("MAIL FROM:<a@x.test>").await.starts_with("250 "));
        assert!(c.send("RCPT TO:<dropped@x.test>").await.starts_with("250 "));
        assert!(c.send("RSET").await.starts_with("250 "));
        assert!(
            c.send("RCPT TO:<b@x.test>").await.starts_with("503 "),
            "RSET forgot MAIL"
        );
        assert!(
            c.send("MAIL FROM:<a@x.test> BODY=8BITMIME")
                .await
                .starts_with("250 ")
        );
        assert!(c.send("rcpt to:<b@x.test>").await.starts_with("250 "));
        assert!(c.send("DATA").await.starts_with("354 "));
        let body = "Subject: Hi\r\n\r\nfirst\r\n..starts with a dot\r\n.";
        assert!(c.send(body).await.starts_with("250 "));
        assert!(c.send("QUIT").await.starts_with("221 "));

        let mail = server
            .wait_for_mail("b@x.test", Duration::from_secs(5))
            .await;
        assert_eq!(mail.from, "a@x.test");
        assert_eq!(mail.to, vec!["b@x.test".to_owned()]);
        assert_eq!(mail.subject, "Hi");
        assert_eq!(mail.text, "first\r\n.starts with a dot\r\n");
        assert!(!mail.tls);
        assert_eq!(
            server.received().len(),
            1,
            "the reset envelope sent nothing"
        );
    }

    #[tokio::test]
    async fn a_chosen_reply_replaces_the_command_and_a_stopped_server_refuses_connections() {
        let mut server = SmtpServer::start().await;
        server.reply_to("mail", 451);
        let mut c = Client::connect(&server).await;
        assert!(c.send("HELO client.test").await.starts_with("250 "));
        assert!(c.send("MAIL FROM:<a@x.test>").await.starts_with("451 "));
        server.clear_replies();
        assert!(c.send("MAIL FROM:<a@x.test>").await.starts_with("250 "));

        server.stop().await;
        assert!(
            TcpStream::connect(("127.0.0.1", server.port()))
                .await
                .is_err()
        );
        server.restart().await;
        Client::connect(&server).await;
    }

    #[tokio::test]
    async fn mail_needs_starttls_when_required() {
        let server = SmtpServer::start_with(SmtpOptions {
            require_starttls: true,
            ..SmtpOptions::default()
        })
        .await;
        let mut c = Client::connect(&server).await;
        c.send("EHLO client.test").await;
        assert!(c.send("MAIL FROM:<a@x.test>").await.starts_with("530 "));
        assert!(c.send("STARTTLS").await.starts_with("220 "));
        assert!(
            server
                .certificate_pem()
                .starts_with("-----BEGIN CERTIFICATE-----")
        );
    }
}
