//! An app's public handle: the `HANDLE` of `/@HANDLE` and of `{handle}.` subdomains.

use std::fmt;

use serde::Serialize;

use crate::Error;

/// Handles nobody may take: they would collide with Mimi's own paths and subdomains, or
/// mislead visitors into thinking they talk to Mimi's staff.
const RESERVED: &[&str] = &[
    "about",
    "abuse",
    "account",
    "accounts",
    "admin",
    "administrator",
    "api",
    "app",
    "apps",
    "assets",
    "auth",
    "billing",
    "blog",
    "cdn",
    "contact",
    "dashboard",
    "dev",
    "docs",
    "download",
    "email",
    "embed",
    "faq",
    "feedback",
    "files",
    "ftp",
    "help",
    "home",
    "hostmaster",
    "imap",
    "info",
    "invite",
    "legal",
    "line",
    "login",
    "logout",
    "mail",
    "media",
    "metrics",
    "mimi",
    "mimi-bot",
    "mimibot",
    "news",
    "noreply",
    "no-reply",
    "null",
    "official",
    "owner",
    "password",
    "payments",
    "policy",
    "pop",
    "postmaster",
    "pricing",
    "privacy",
    "public",
    "readyz",
    "healthz",
    "register",
    "reset",
    "root",
    "security",
    "settings",
    "setup",
    "signin",
    "sign-in",
    "signout",
    "sign-out",
    "signup",
    "sign-up",
    "smtp",
    "staff",
    "static",
    "status",
    "stripe",
    "support",
    "system",
    "team",
    "terms",
    "test",
    "undefined",
    "user",
    "users",
    "verify",
    "webhook",
    "webhooks",
    "webmaster",
    "widget",
    "www",
];

/// A validated handle: 3–30 of `a-z 0-9 _ -`, stored lower-case, not reserved.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Handle(String);

impl Handle {
    /// Shortest handle.
    pub const MIN_CHARS: usize = 3;
    /// Longest handle.
    pub const MAX_CHARS: usize = 30;

    /// Validates a handle given in field `handle`; upper case is folded to lower case, so
    /// `MyShop` and `myshop` are the same handle. Codes: `handle_too_short`,
    /// `handle_too_long`, `handle_invalid`, `handle_reserved`.
    pub fn parse(input: &str) -> Result<Handle, Error> {
        let value = input.trim().to_ascii_lowercase();
        let chars = value.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(Error::invalid(
                "handle",
                "handle_too_short",
                format!("the handle must be at least {} characters", Self::MIN_CHARS),
            ));
        }
        if chars > Self::MAX_CHARS {
            return Err(Error::invalid(
                "handle",
                "handle_too_long",
                format!("the handle must be at most {} characters", Self::MAX_CHARS),
            ));
        }
        let allowed =
            |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-';
        if !value.chars().all(allowed) || !value.chars().any(|c| c.is_ascii_alphanumeric()) {
            return Err(Error::invalid(
                "handle",
                "handle_invalid",
                "the handle may use only a-z, 0-9, _ and -, with at least one letter or digit",
            ));
        }
        if RESERVED.contains(&value.as_str()) {
            return Err(Error::invalid(
                "handle",
                "handle_reserved",
                format!("the handle {value} is reserved; choose another"),
            ));
        }
        Ok(Handle(value))
    }

    /// The handle, lower-case.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_fold_case_and_keep_to_their_alphabet() {
        assert_eq!(
            Handle::parse(" Sakura-Cafe_2 ").unwrap().as_str(),
            "sakura-cafe_2"
        );
        let code = |s: &str| Handle::parse(s).unwrap_err().code();
        assert_eq!(code("ab"), "handle_too_short");
        assert_eq!(code(&"a".repeat(31)), "handle_too_long");
        assert_eq!(code("café"), "handle_invalid");
        assert_eq!(code("a.b.c"), "handle_invalid");
        assert_eq!(code("---"), "handle_invalid");
        assert_eq!(code("さくらカフェ"), "handle_invalid");
        assert_eq!(code("Admin"), "handle_reserved");
        assert_eq!(code("dashboard"), "handle_reserved");
        assert!(Handle::parse(&"a".repeat(30)).is_ok());
    }

    #[test]
    fn the_reserved_list_holds_only_valid_handles() {
        // A reserved word that could never parse would be dead weight.
        for word in RESERVED {
            assert!(word.len() >= 3 && word.len() <= 30, "{word}");
        }
    }
}
