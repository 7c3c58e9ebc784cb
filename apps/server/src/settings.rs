//! Settings: built-in defaults → optional TOML file (`--config`) → environment.
//!
//! Every setting `name` can be set in the file as `name = …` and in the environment as
//! `MIMI_NAME`. `DATABASE_URL` is honoured too (below `MIMI_DATABASE_URL`), because
//! hosting platforms set it. Unknown keys are errors, so a typo never goes unnoticed.
//! docs/configuration.md documents every field; keep the two in step.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use mimi_notify::MailSettings;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize, Serializer};

/// The environment prefix of every setting.
pub const ENV_PREFIX: &str = "MIMI_";

/// Everything an operator can set. Passed in, never global.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Address the HTTP server listens on (`MIMI_LISTEN`). Port 0 picks a free port.
    pub listen: SocketAddr,
    /// The URL visitors and owners reach Mimi at, when it differs from `http://{listen}`
    /// (behind a proxy). Used in printed URLs and, later, in links in emails.
    pub public_url: Option<String>,
    /// Where Mimi keeps its files: the embedded PostgreSQL cluster, uploads.
    pub data_dir: PathBuf,
    /// PostgreSQL URL (`MIMI_DATABASE_URL` or `DATABASE_URL`). Unset: the embedded server.
    #[serde(serialize_with = "redact_secret")]
    pub database_url: Option<SecretString>,
    /// Upper bound on open database connections per `mimi` process.
    pub database_max_connections: u32,
    /// Port of the embedded PostgreSQL on 127.0.0.1; 0 picks a free one at each start.
    pub embedded_database_port: u16,
    /// `pretty` (human-readable, coloured in a terminal) or `json` (one object per line).
    pub log_format: LogFormat,
    /// Log filter in `tracing` syntax, e.g. `info` or `info,mimi_store=debug`.
    pub log_level: String,
    /// Take the client address from `X-Forwarded-For` (its last entry, the one the
    /// proxy added). Only enable this behind a proxy that sets the header.
    pub trust_proxy_headers: bool,
    /// How long in-flight requests may run after SIGINT/SIGTERM before they are cut.
    pub shutdown_timeout_seconds: u64,
    /// Server-only keys that seal the `cc_uid` session cookie (and key the hashes that
    /// sign-in throttling stores): a comma-separated list of base64 strings of at least
    /// 32 random bytes each (`openssl rand -base64 48`). The first seals new cookies;
    /// later ones still open cookies sealed before a rotation. Unset: a key generated
    /// once and kept in `data_dir/secret.key` (fine for one machine; replicas must share
    /// keys through this setting).
    #[serde(serialize_with = "redact_secret")]
    pub secret_keys: Option<SecretString>,
    /// Transactional mail (`[mail]` in the file, `MIMI_MAIL__SMTP_HOST` and so on in the
    /// environment). Without `smtp_host`, mail is written to `data_dir/mail/` as `.eml`.
    pub mail: MailSettings,
    /// The knowledge base (`[knowledge]`, `MIMI_KNOWLEDGE__…`): plan limits, retrieval
    /// floors and site fetching.
    pub knowledge: KnowledgeSettings,
    /// The embedding model (`[embedding]`, `MIMI_EMBEDDING__PROVIDER` and so on): the
    /// local all-MiniLM-L6-v2 by default, or an OpenAI-compatible endpoint.
    pub embedding: mimi_embed::Settings,
    /// The language models apps may answer with (`[chat.anthropic]`, `[chat.openai]`;
    /// `MIMI_CHAT__OPENAI__BASE_URL` and so on). With neither, every app answers
    /// extractively.
    pub chat: ChatSettings,
    /// Where scripts/build-dashboard put the dashboard's wasm (`MIMI_DASHBOARD_ASSETS`).
    /// Unset: `dashboard/` in the cargo target directory of this binary, if built there.
    /// Without it the dashboard still works, as plain HTML forms.
    pub dashboard_assets: Option<PathBuf>,
}

/// `[chat]`: the providers this server offers apps. Each app picks one (or the
/// extractive default) and may name another model of it.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ChatSettings {
    /// The Anthropic Messages API: `provider = "anthropic"`, `model` (the default for
    /// apps that name none), `api_key`, optional `base_url` and `timeout_secs`.
    pub anthropic: Option<mimi_llm::Settings>,
    /// An OpenAI-compatible Chat Completions server (OpenAI, Ollama, vLLM, llama.cpp):
    /// `provider = "openai"`, `model`, `base_url` including `/v1`, optional `api_key`.
    pub openai: Option<mimi_llm::Settings>,
    /// `[chat.limits]`: messages per client address, conversation and app, and new
    /// conversations per address.
    pub limits: mimi_chat::VisitorLimits,
}

/// `[knowledge]`: how much an app may hold, how relevant a passage must be, and where
/// site imports may fetch from.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct KnowledgeSettings {
    /// `[knowledge.limits]`: items and characters per app, file size, pages per import.
    pub limits: mimi_knowledge::Limits,
    /// `[knowledge.floors]`: least cosine similarity (`vector_similarity`) or share of
    /// the query's terms (`keyword_coverage`) a passage needs to be returned.
    pub floors: mimi_knowledge::Floors,
    /// Let site imports fetch loopback, private and link-local addresses. For tests and
    /// local development only: on a server it would let owners reach internal services.
    pub fetch_private_addresses: bool,
}

/// The log output format.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Pretty,
    /// One JSON object per line, for log collectors.
    Json,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: None,
            data_dir: PathBuf::from(".mimi"),
            database_url: None,
            database_max_connections: 10,
            embedded_database_port: 0,
            log_format: LogFormat::Pretty,
            log_level: "info".to_owned(),
            trust_proxy_headers: false,
            shutdown_timeout_seconds: 30,
            secret_keys: None,
            mail: MailSettings::default(),
            knowledge: KnowledgeSettings::default(),
            embedding: mimi_embed::Settings::default(),
            chat: ChatSettings::default(),
            dashboard_assets: None,
        }
    }
}

/// A setting that could not be used; the message names it and says what is expected.
#[derive(Debug, thiserror::Error)]
#[error("invalid setting: {0}")]
pub struct SettingsError(String);

impl Settings {
    /// Loads the layers from the process environment and the optional file.
    pub fn load(config_file: Option<&Path>) -> Result<Settings, SettingsError> {
        Self::from_figment(Self::figment(config_file))
    }

    /// The layered sources, lowest priority first.
    pub fn figment(config_file: Option<&Path>) -> Figment {
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        if let Some(path) = config_file {
            figment = figment.merge(Toml::file_exact(path));
        }
        figment
            .merge(Env::raw().only(&["DATABASE_URL"]))
            // `MIMI_CONFIG` names the file itself (a command-line option), not a setting.
            .merge(Env::prefixed(ENV_PREFIX).ignore(&["config"]).split("__"))
    }

    /// Extracts and validates the settings.
    pub fn from_figment(figment: Figment) -> Result<Settings, SettingsError> {
        let settings: Settings = figment.extract().map_err(|e| SettingsError(describe(e)))?;
        settings.validate()?;
        Ok(settings)
    }

    fn validate(&self) -> Result<(), SettingsError> {
        if let Some(url) = &self.public_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            return Err(SettingsError(format!(
                "public_url (MIMI_PUBLIC_URL) must start with http:// or https://, got {url:?}"
            )));
        }
        if let Some(url) = &self.database_url {
            let url = url.expose_secret();
            if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
                return Err(SettingsError(
                    "database_url (MIMI_DATABASE_URL or DATABASE_URL) must be a postgres:// URL"
                        .to_owned(),
                ));
            }
        }
        if self.database_max_connections == 0 {
            return Err(SettingsError(
                "database_max_connections (MIMI_DATABASE_MAX_CONNECTIONS) must be at least 1"
                    .to_owned(),
            ));
        }
        if let Err(e) = tracing_subscriber::EnvFilter::builder().parse(&self.log_level) {
            return Err(SettingsError(format!(
                "log_level (MIMI_LOG_LEVEL) is not a valid filter such as `info` or `info,mimi=debug`: {e}"
            )));
        }
        if let Err(e) = self.mail.validate() {
            return Err(SettingsError(e.to_string()));
        }
        if let Some(keys) = &self.secret_keys {
            crate::keys::parse_keys(keys.expose_secret()).map_err(SettingsError)?;
        }
        if self.data_dir.as_os_str().is_empty() {
            return Err(SettingsError(
                "data_dir (MIMI_DATA_DIR) must not be empty".to_owned(),
            ));
        }
        Ok(())
    }

    /// The base URL to print and link to.
    pub fn base_url(&self, bound: SocketAddr) -> String {
        match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{bound}"),
        }
    }

    /// The effective settings as TOML, with secrets replaced by `[redacted]`.
    pub fn to_redacted_toml(&self) -> String {
        toml::to_string(self).unwrap_or_else(|e| format!("# cannot render settings: {e}\n"))
    }
}

fn redact_secret<S: Serializer>(value: &Option<SecretString>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(_) => s.serialize_str("[redacted]"),
        None => s.serialize_none(),
    }
}

/// Turns figment's error into one line naming the setting and where it came from,
/// without echoing values (a malformed `database_url` would otherwise print a password).
fn describe(error: figment::Error) -> String {
    let mut lines = Vec::new();
    for e in error {
        let key = e.path.join(".");
        let source = e.metadata.as_ref().map(|m| match &m.source {
            Some(figment::Source::File(path)) => format!("in {}", path.display()),
            _ => m.name.to_string(),
        });
        let what = match &e.kind {
            figment::error::Kind::UnknownField(field, _) => {
                format!("unknown setting `{field}` (see docs/configuration.md for the list)")
            }
            figment::error::Kind::InvalidValue(_, expected)
            | figment::error::Kind::InvalidType(_, expected) => {
                format!("`{key}` is not {expected}")
            }
            other => format!("`{key}`: {other}"),
        };
        let env_hint = match &e.kind {
            figment::error::Kind::UnknownField(field, _) => env_name(field),
            _ => env_name(&key),
        };
        let mut line = what;
        match source {
            Some(source) if source.contains("environment") => {
                line.push_str(&format!(" (from the environment variable {env_hint})"));
            }
            Some(source) => line.push_str(&format!(" ({source})")),
            None => {}
        }
        lines.push(line);
    }
    lines.join("; ")
}

fn env_name(key: &str) -> String {
    format!("{ENV_PREFIX}{}", key.replace('.', "__").to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from_toml(text: &str) -> Result<Settings, SettingsError> {
        Settings::from_figment(
            Figment::from(Serialized::defaults(Settings::default())).merge(Toml::string(text)),
        )
    }

    #[test]
    fn defaults_listen_on_loopback_port_8080_with_the_embedded_database() {
        let s = from_toml("").unwrap();
        assert_eq!(s.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(s.data_dir, PathBuf::from(".mimi"));
        assert!(s.database_url.is_none());
    }

    #[test]
    fn a_file_overrides_the_defaults() {
        let s = from_toml("listen = \"0.0.0.0:9000\"\nlog_format = \"json\"").unwrap();
        assert_eq!(s.listen.to_string(), "0.0.0.0:9000");
        assert_eq!(s.log_format, LogFormat::Json);
    }

    #[test]
    fn an_unknown_key_is_refused_by_name() {
        let e = from_toml("listn = \"127.0.0.1:1\"")
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown setting `listn`"), "{e}");
    }

    #[test]
    fn a_malformed_address_is_refused_naming_listen() {
        let e = from_toml("listen = \"localhost\"").unwrap_err().to_string();
        assert!(e.contains("`listen`"), "{e}");
    }

    #[test]
    fn a_bad_log_level_is_refused() {
        let e = from_toml("log_level = \"info,=[\"")
            .unwrap_err()
            .to_string();
        assert!(e.contains("log_level"), "{e}");
    }

    #[test]
    fn a_non_postgres_database_url_is_refused_without_echoing_it() {
        let e = from_toml("database_url = \"mysql://u:hunter2@h/db\"")
            .unwrap_err()
            .to_string();
        assert!(e.contains("database_url"), "{e}");
        assert!(!e.contains("hunter2"), "{e}");
    }

    #[test]
    fn a_public_url_without_http_or_https_is_refused() {
        let e = from_toml("public_url = \"chat.example.com\"")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("public_url (MIMI_PUBLIC_URL) must start with http:// or https://"),
            "{e}"
        );
    }

    #[test]
    fn zero_database_connections_are_refused() {
        let e = from_toml("database_max_connections = 0")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains(
                "database_max_connections (MIMI_DATABASE_MAX_CONNECTIONS) must be at least 1"
            ),
            "{e}"
        );
    }

    #[test]
    fn an_empty_data_dir_is_refused() {
        let e = from_toml("data_dir = \"\"").unwrap_err().to_string();
        assert!(
            e.contains("data_dir (MIMI_DATA_DIR) must not be empty"),
            "{e}"
        );
    }

    #[test]
    fn a_negative_shutdown_timeout_is_refused_by_name() {
        let e = from_toml("shutdown_timeout_seconds = -1")
            .unwrap_err()
            .to_string();
        assert!(e.contains("`shutdown_timeout_seconds`"), "{e}");
    }

    #[test]
    fn a_short_secret_key_is_refused_without_echoing_it() {
        let e = from_toml("secret_keys = \"c2hvcnRrZXk=\"")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("secret_keys (MIMI_SECRET_KEYS): key 1 has 8 bytes"),
            "{e}"
        );
        assert!(!e.contains("c2hvcnRrZXk"), "{e}");
    }

    #[test]
    fn a_bad_mail_setting_is_refused_naming_it() {
        let e = from_toml("[mail]\nfrom = \"not a mailbox\"")
            .unwrap_err()
            .to_string();
        assert!(e.contains("mail.from"), "{e}");
        let e = from_toml("[mail]\nsmtp_hots = \"x\"")
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown setting `smtp_hots`"), "{e}");
    }

    #[test]
    fn the_printed_settings_never_contain_the_database_password() {
        let s = from_toml("database_url = \"postgres://u:hunter2@h/db\"").unwrap();
        let printed = s.to_redacted_toml();
        assert!(
            printed.contains("database_url = \"[redacted]\""),
            "{printed}"
        );
        assert!(!printed.contains("hunter2"));
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}
