use lettre::message::Mailbox;
use secrecy::SecretString;
use serde::{Deserialize, Serialize, Serializer};

use crate::Error;

/// How mail is sent: the `[mail]` table of the server's settings.
///
/// Without `smtp_host`, mail is not sent at all but written as `.eml` files (for
/// development; see [`Mailer::from_settings`](crate::Mailer::from_settings)).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MailSettings {
    /// The SMTP relay's host name, e.g. `smtp.example.com`. Unset: write mail to files.
    pub smtp_host: Option<String>,
    /// The relay's port. Unset: 587 for `starttls`, 465 for `tls`, 25 for `none`.
    pub smtp_port: Option<u16>,
    /// `starttls` (upgrade a plain connection, required), `tls` (TLS from the first
    /// byte) or `none` (no encryption: only for a relay on the same host).
    pub smtp_security: SmtpSecurity,
    /// The user name to authenticate with; set together with `smtp_password`.
    pub smtp_username: Option<String>,
    /// The password to authenticate with. Shown as `[redacted]` when settings are printed.
    #[serde(serialize_with = "redact_secret")]
    pub smtp_password: Option<SecretString>,
    /// The sender of every message, a mailbox such as `Mimi <no-reply@example.com>`.
    pub from: String,
    /// How often the worker looks for due mail when no new mail wakes it, in seconds.
    pub poll_interval_seconds: u64,
}

/// How the connection to the SMTP relay is secured.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SmtpSecurity {
    /// Connect in plain text and upgrade with STARTTLS; refuse a relay that cannot.
    #[default]
    Starttls,
    /// TLS from the start (often port 465).
    Tls,
    /// No encryption. Only for a relay on the same host or network namespace.
    None,
}

impl SmtpSecurity {
    /// The port used when `smtp_port` is unset.
    pub fn default_port(self) -> u16 {
        match self {
            SmtpSecurity::Starttls => 587,
            SmtpSecurity::Tls => 465,
            SmtpSecurity::None => 25,
        }
    }
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings {
            smtp_host: None,
            smtp_port: None,
            smtp_security: SmtpSecurity::Starttls,
            smtp_username: None,
            smtp_password: None,
            from: "Mimi <no-reply@localhost>".to_owned(),
            poll_interval_seconds: 5,
        }
    }
}

impl MailSettings {
    /// Checks the settings; the error is one line naming the field.
    pub fn validate(&self) -> Result<(), Error> {
        self.sender()?;
        if let Some(host) = &self.smtp_host
            && (host.is_empty() || host.contains(['/', ':', ' ']))
        {
            return Err(invalid(
                "smtp_host",
                "must be a host name such as smtp.example.com, without scheme or port",
            ));
        }
        if self.smtp_port == Some(0) {
            return Err(invalid("smtp_port", "must be between 1 and 65535"));
        }
        match (&self.smtp_username, &self.smtp_password) {
            (Some(_), None) => {
                return Err(invalid(
                    "smtp_password",
                    "must be set when smtp_username is set",
                ));
            }
            (None, Some(_)) => {
                return Err(invalid(
                    "smtp_username",
                    "must be set when smtp_password is set",
                ));
            }
            (Some(_), Some(_)) if self.smtp_security == SmtpSecurity::None => {
                return Err(invalid(
                    "smtp_security",
                    "must be starttls or tls when credentials are set, so the password is not sent in clear",
                ));
            }
            _ => {}
        }
        if self.poll_interval_seconds == 0 {
            return Err(invalid("poll_interval_seconds", "must be at least 1"));
        }
        Ok(())
    }

    /// The port to connect to.
    pub fn port(&self) -> u16 {
        self.smtp_port
            .unwrap_or_else(|| self.smtp_security.default_port())
    }

    pub(crate) fn sender(&self) -> Result<Mailbox, Error> {
        self.from.parse().map_err(|_| {
            invalid(
                "from",
                "must be a mailbox such as `Mimi <no-reply@example.com>` or `no-reply@example.com`",
            )
        })
    }
}

fn invalid(field: &'static str, problem: &'static str) -> Error {
    Error::Settings { field, problem }
}

fn redact_secret<S: Serializer>(value: &Option<SecretString>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(_) => s.serialize_str("[redacted]"),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn smtp() -> MailSettings {
        MailSettings {
            smtp_host: Some("smtp.example.com".into()),
            ..MailSettings::default()
        }
    }

    #[test]
    fn the_defaults_are_valid_and_use_starttls_on_587() {
        let settings = MailSettings::default();
        settings.validate().unwrap();
        assert_eq!(settings.smtp_security, SmtpSecurity::Starttls);
        assert_eq!(settings.port(), 587);
        assert_eq!(settings.poll_interval_seconds, 5);
    }

    #[test]
    fn the_port_follows_the_security_unless_set() {
        for (security, port) in [
            (SmtpSecurity::Starttls, 587),
            (SmtpSecurity::Tls, 465),
            (SmtpSecurity::None, 25),
        ] {
            let settings = MailSettings {
                smtp_security: security,
                ..smtp()
            };
            assert_eq!(settings.port(), port);
        }
        let settings = MailSettings {
            smtp_port: Some(2525),
            ..smtp()
        };
        assert_eq!(settings.port(), 2525);
    }

    #[test]
    fn each_bad_setting_is_named_in_a_one_line_error() {
        let cases = [
            (
                MailSettings {
                    from: "not an address".into(),
                    ..smtp()
                },
                "from",
            ),
            (
                MailSettings {
                    smtp_host: Some("smtp://x".into()),
                    ..smtp()
                },
                "smtp_host",
            ),
            (
                MailSettings {
                    smtp_port: Some(0),
                    ..smtp()
                },
                "smtp_port",
            ),
            (
                MailSettings {
                    smtp_username: Some("u".into()),
                    ..smtp()
                },
                "smtp_password",
            ),
            (
                MailSettings {
                    smtp_password: Some(SecretString::from("p")),
                    ..smtp()
                },
                "smtp_username",
            ),
            (
                MailSettings {
                    smtp_username: Some("u".into()),
                    smtp_password: Some(SecretString::from("p")),
                    smtp_security: SmtpSecurity::None,
                    ..smtp()
                },
                "smtp_security",
            ),
            (
                MailSettings {
                    poll_interval_seconds: 0,
                    ..smtp()
                },
                "poll_interval_seconds",
            ),
        ];
        for (settings, field) in cases {
            let err = settings.validate().unwrap_err().to_string();
            assert!(err.contains(&format!("mail.{field}")), "{field}: {err}");
            assert!(!err.contains('\n'), "{err}");
        }
    }

    #[test]
    fn settings_read_from_toml_with_lower_case_security_and_refuse_unknown_keys() {
        let settings: MailSettings = toml::from_str(
            "smtp_host = \"smtp.example.com\"\nsmtp_security = \"tls\"\nsmtp_username = \"u\"\nsmtp_password = \"hunter2\"\n",
        )
        .unwrap();
        assert_eq!(settings.smtp_security, SmtpSecurity::Tls);
        assert_eq!(settings.port(), 465);
        assert_eq!(settings.from, "Mimi <no-reply@localhost>");
        settings.validate().unwrap();
        assert!(!format!("{settings:?}").contains("hunter2"));
        assert!(!toml::to_string(&settings).unwrap().contains("hunter2"));
        assert!(toml::from_str::<MailSettings>("smtp_hots = \"x\"").is_err());
        assert!(toml::from_str::<MailSettings>("smtp_security = \"STARTTLS\"").is_err());
    }
}
