use std::fmt;
use std::path::Path;
use std::time::Duration;

use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use secrecy::ExposeSecret;
use uuid::Uuid;

use crate::{Error, MailSettings, SmtpSecurity};

/// How long one SMTP command (connecting included) may take before the attempt fails.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// Sends mail: over SMTP to the configured relay, or into `.eml` files when no relay
/// is configured. Cheap to clone.
///
/// Each message gets its own SMTP connection. lettre's connection pool is left out:
/// transactional mail is a trickle, and the pool spawns a task when the transport is
/// built, which would make building a `Mailer` outside a Tokio runtime panic.
#[derive(Clone)]
pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
}

impl fmt::Debug for Mailer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let transport = match self.transport {
            Transport::Smtp(_) => "smtp",
            Transport::Files(_) => "files",
        };
        f.debug_struct("Mailer")
            .field("transport", &transport)
            .finish_non_exhaustive()
    }
}

/// One message leaving the outbox.
pub(crate) struct Outgoing<'a> {
    pub id: Uuid,
    pub to: &'a str,
    pub subject: &'a str,
    pub text: &'a str,
    pub html: Option<&'a str>,
}

/// Why a send failed, as the outbox records it: a kind, never the relay's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Failure {
    /// `connection`, `timeout`, `tls`, `client`, `protocol`, `file`, `message` or
    /// `smtp_<code>`.
    pub kind: String,
    /// Retrying cannot help: the relay rejected this recipient or message for good.
    pub permanent: bool,
    /// The relay as a whole is unusable now: the rest of the batch would fail alike.
    pub relay_down: bool,
}

impl Mailer {
    /// The mailer the settings describe: SMTP when `smtp_host` is set, otherwise
    /// lettre's file transport writing one `.eml` file per message into `fallback_dir`
    /// (created if missing), so a developer can open what would have been sent.
    pub fn from_settings(settings: &MailSettings, fallback_dir: &Path) -> Result<Mailer, Error> {
        settings.validate()?;
        let from = settings.sender()?;
        let transport = match &settings.smtp_host {
            Some(host) => Transport::Smtp(smtp(settings, host, None)?),
            None => {
                std::fs::create_dir_all(fallback_dir).map_err(Error::FallbackDir)?;
                tracing::info!(
                    dir = %fallback_dir.display(),
                    "no mail.smtp_host set: mail is written to files instead of being sent"
                );
                Transport::Files(AsyncFileTransport::new(fallback_dir))
            }
        };
        Ok(Mailer { from, transport })
    }

    /// An SMTP mailer that trusts `pem` (a PEM certificate) as a root besides the
    /// public ones: for tests against a relay with a self-signed certificate, or a
    /// relay behind a private certificate authority. Needs `smtp_host`.
    pub fn smtp_with_root_cert(settings: &MailSettings, pem: &[u8]) -> Result<Mailer, Error> {
        settings.validate()?;
        let Some(host) = &settings.smtp_host else {
            return Err(Error::Settings {
                field: "smtp_host",
                problem: "must be set to send over SMTP",
            });
        };
        Ok(Mailer {
            from: settings.sender()?,
            transport: Transport::Smtp(smtp(settings, host, Some(pem))?),
        })
    }

    pub(crate) async fn send(&self, mail: Outgoing<'_>) -> Result<(), Failure> {
        let message = self.build(&mail).map_err(|kind| Failure {
            kind: kind.to_owned(),
            permanent: true,
            relay_down: false,
        })?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp.send(message).await.map(drop).map_err(|e| classify(&e)),
            Transport::Files(files) => files.send(message).await.map(drop).map_err(|_| Failure {
                kind: "file".to_owned(),
                permanent: false,
                relay_down: true,
            }),
        }
    }

    fn build(&self, mail: &Outgoing<'_>) -> Result<lettre::Message, &'static str> {
        let to: Mailbox = mail.to.parse().map_err(|_| "address")?;
        // The outbox id as Message-ID ties a relay's log line to the outbox row.
        let message_id = format!("<{}@{}>", mail.id, self.from.email.domain());
        let builder = lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject)
            .message_id(Some(message_id));
        let built = match mail.html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(
                mail.text.to_owned(),
                html.to_owned(),
            )),
            None => builder.singlepart(SinglePart::plain(mail.text.to_owned())),
        };
        built.map_err(|_| "message")
    }
}

fn smtp(
    settings: &MailSettings,
    host: &str,
    extra_root: Option<&[u8]>,
) -> Result<AsyncSmtpTransport<Tokio1Executor>, Error> {
    let tls = match settings.smtp_security {
        SmtpSecurity::None => Tls::None,
        SmtpSecurity::Starttls => Tls::Required(tls_parameters(host, extra_root)?),
        SmtpSecurity::Tls => Tls::Wrapper(tls_parameters(host, extra_root)?),
    };
    let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
        .port(settings.port())
        .tls(tls)
        .timeout(Some(SMTP_TIMEOUT));
    if let (Some(user), Some(password)) = (&settings.smtp_username, &settings.smtp_password) {
        builder = builder.credentials(Credentials::new(
            user.clone(),
            password.expose_secret().to_owned(),
        ));
    }
    Ok(builder.build())
}

fn tls_parameters(host: &str, extra_root: Option<&[u8]>) -> Result<TlsParameters, Error> {
    let mut builder = TlsParameters::builder(host.to_owned());
    if let Some(pem) = extra_root {
        // lettre accepts PEM without a certificate in it and then trusts nothing extra,
        // which would surface much later as a handshake failure.
        let certificates = CertificateDer::pem_slice_iter(pem).collect::<Result<Vec<_>, _>>();
        if !certificates.is_ok_and(|c| !c.is_empty()) {
            return Err(Error::RootCertificate);
        }
        builder = builder.add_root_certificate(Certificate::from_pem(pem).map_err(Error::Tls)?);
    }
    builder.build_rustls().map_err(Error::Tls)
}

/// Sorts a relay's refusal into what the outbox does next.
///
/// Only 550–553 (mailbox unavailable, not local, storage exceeded, name not allowed)
/// are final: they are about this recipient. Every other 5xx — 530 "STARTTLS or
/// authentication required", 535 "bad credentials", 554 "transaction failed", which
/// relays also answer when they block our address — points at our configuration or at
/// the relay, and failing fast would lose all mail until an operator noticed; those
/// are retried like an outage.
fn classify(error: &lettre::transport::smtp::Error) -> Failure {
    if let Some(code) = error.status() {
        let code: u16 = code.to_string().parse().unwrap_or(0);
        return Failure {
            kind: format!("smtp_{code}"),
            permanent: (550..=553).contains(&code),
            // Closing, TLS unavailable, authentication required or refused: every
            // message would get the same answer.
            relay_down: matches!(code, 421 | 454 | 530 | 534 | 535 | 538),
        };
    }
    let kind = if error.is_timeout() {
        "timeout"
    } else if error.is_tls() || caused_by_tls(error) {
        "tls"
    } else if error.is_client() {
        "client"
    } else if error.is_response() {
        "protocol"
    } else {
        "connection"
    };
    Failure {
        kind: kind.to_owned(),
        permanent: false,
        relay_down: true,
    }
}

/// lettre reports a failed TLS handshake (an untrusted certificate, say) as a
/// connection error; the rustls error inside tells an operator more than "connection".
fn caused_by_tls(error: &lettre::transport::smtp::Error) -> bool {
    let mut source = std::error::Error::source(error);
    while let Some(err) = source {
        if err.is::<rustls::Error>() {
            return true;
        }
        // `io::Error::source` skips the error it wraps, so look inside explicitly.
        if let Some(inner) = err
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            && inner.is::<rustls::Error>()
        {
            return true;
        }
        source = err.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relay() -> MailSettings {
        MailSettings {
            smtp_host: Some("smtp.example.com".into()),
            ..MailSettings::default()
        }
    }

    #[test]
    fn a_mailer_can_be_built_outside_a_runtime_for_every_security() {
        for security in [
            SmtpSecurity::Starttls,
            SmtpSecurity::Tls,
            SmtpSecurity::None,
        ] {
            let settings = MailSettings {
                smtp_security: security,
                ..relay()
            };
            let mailer = Mailer::from_settings(&settings, Path::new("unused")).unwrap();
            assert!(matches!(mailer.transport, Transport::Smtp(_)));
        }
    }

    #[test]
    fn without_a_host_mail_goes_to_files_in_a_created_directory() {
        let dir = std::env::temp_dir().join(format!("mimi-notify-{}", Uuid::new_v4()));
        let mailer = Mailer::from_settings(&MailSettings::default(), &dir).unwrap();
        assert!(matches!(mailer.transport, Transport::Files(_)));
        assert!(dir.is_dir());
        std::fs::remove_dir(&dir).unwrap();
    }

    #[test]
    fn a_root_certificate_needs_a_host_and_must_be_pem() {
        let err = Mailer::smtp_with_root_cert(&MailSettings::default(), b"").unwrap_err();
        assert!(err.to_string().contains("mail.smtp_host"), "{err}");
        let err = Mailer::smtp_with_root_cert(&relay(), b"not a certificate").unwrap_err();
        assert!(matches!(err, Error::RootCertificate), "{err}");
    }

    #[test]
    fn invalid_settings_are_refused_before_anything_is_built() {
        let settings = MailSettings {
            from: "nobody".into(),
            ..relay()
        };
        let err = Mailer::from_settings(&settings, Path::new("unused")).unwrap_err();
        assert!(err.to_string().contains("mail.from"), "{err}");
    }
}
