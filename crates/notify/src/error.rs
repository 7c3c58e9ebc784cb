/// What can go wrong queueing or sending mail, in terms a caller can act on.
///
/// Messages never contain an address, a subject or a body: they end up in logs.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A mail setting is unusable; names the field of the server's `[mail]` table.
    #[error("invalid setting mail.{field}: {problem}")]
    Settings {
        /// The field, e.g. `smtp_port`.
        field: &'static str,
        /// What is expected of it.
        problem: &'static str,
    },
    /// The recipient is not an email address lettre can send to.
    #[error("the recipient is not a valid email address")]
    Recipient,
    /// The extra root certificate holds no PEM certificate.
    #[error("the extra root certificate is not a PEM certificate")]
    RootCertificate,
    /// The TLS configuration (for example an extra root certificate) was refused.
    #[error("cannot set up TLS for the SMTP relay: {0}")]
    Tls(#[source] lettre::transport::smtp::Error),
    /// The directory for `.eml` files could not be created.
    #[error("cannot create the directory for mail files: {0}")]
    FallbackDir(#[source] std::io::Error),
    /// The database failed.
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}
