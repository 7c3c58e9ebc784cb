//! Owners and what they belong to: accounts (sign-up, email verification, sign-in with
//! throttling, password reset, email and password change), server-side sessions,
//! workspaces with their members, invites and API keys.
//!
//! Business rules live here and are tested against the real database; the HTTP layer
//! only parses, calls and maps. Accounts are people, not tenants, so their tables have no
//! Row-Level Security; everything under a workspace runs in the tenant transaction of
//! `mimi-store`. Depends on `mimi-domain`, `mimi-store` and `mimi-notify` (mail outbox).

mod account;
pub mod api_keys;
pub mod invites;
pub mod members;
pub mod password;
mod session;
pub mod throttle;
pub mod workspaces;

use std::sync::Arc;
use std::time::Duration;

use mimi_store::PgPool;

pub use account::{Account, EmailChange, SignUp};
pub use mimi_store::token;
pub use session::{SessionInfo, SignedIn};
pub use throttle::ThrottleLimits;

/// How the accounts service behaves; built from the server's settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where people reach Mimi (`https://mimi.example`, no trailing slash): links in mail
    /// point there.
    pub public_url: String,
    /// How long a session lasts after sign-in.
    pub session_ttl: Duration,
    /// Sign-in throttling.
    pub throttle: ThrottleLimits,
    /// Key of the keyed hashes that throttling stores instead of addresses and emails.
    pub throttle_key: [u8; 32],
}

impl Config {
    /// Defaults for `public_url`: 30-day sessions, OWASP-style throttling.
    pub fn new(public_url: &str, throttle_key: [u8; 32]) -> Config {
        Config {
            public_url: public_url.trim_end_matches('/').to_owned(),
            session_ttl: Duration::from_secs(30 * 24 * 3600),
            throttle: ThrottleLimits::default(),
            throttle_key,
        }
    }

    fn link(&self, path: &str, token: &str) -> String {
        format!("{}{path}?token={token}", self.public_url)
    }
}

/// The accounts service: the serving pool and the configuration. Cheap to clone.
#[derive(Clone)]
pub struct Accounts {
    pool: PgPool,
    config: Arc<Config>,
}

impl Accounts {
    /// A service over the serving pool (role `mimi_app`).
    pub fn new(pool: PgPool, config: Config) -> Accounts {
        Accounts {
            pool,
            config: Arc::new(config),
        }
    }

    /// The pool it works on.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Its configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }
}

/// Paths of the dashboard pages that mail links open.
pub mod links {
    /// Confirms a new account's address.
    pub const VERIFY_EMAIL: &str = "/dashboard/verify-email";
    /// Sets a new password.
    pub const RESET_PASSWORD: &str = "/dashboard/reset-password";
    /// Confirms a changed address.
    pub const CONFIRM_EMAIL_CHANGE: &str = "/dashboard/confirm-email";
    /// Accepts an invitation.
    pub const ACCEPT_INVITE: &str = "/dashboard/accept-invite";
    /// Signs in.
    pub const SIGN_IN: &str = "/dashboard/sign-in";
    /// Asks for a reset link.
    pub const FORGOT_PASSWORD: &str = "/dashboard/forgot-password";
}
