//! Validated values: each `parse` either returns a value that satisfies its rules or
//! the [`Error::Invalid`] a user sees, naming the field.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Error;

/// Trims `input` and checks it is between `min` and `max` characters with no control
/// characters. Codes: `{field}_required`, `{field}_too_long`, `{field}_invalid`.
fn text(
    input: &str,
    field: &'static str,
    max: usize,
    codes: [&'static str; 3],
) -> Result<String, Error> {
    let [required, too_long, invalid] = codes;
    let value = input.trim();
    if value.is_empty() {
        return Err(Error::invalid(
            field,
            required,
            format!("{field} is required"),
        ));
    }
    let chars = value.chars().count();
    if chars > max {
        return Err(Error::invalid(
            field,
            too_long,
            format!("{field} must be at most {max} characters (got {chars})"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(Error::invalid(
            field,
            invalid,
            format!("{field} must not contain control characters"),
        ));
    }
    Ok(value.to_owned())
}

/// A person's display name: 1–100 characters, trimmed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonName(String);

impl PersonName {
    /// Validates a name given in field `name`.
    pub fn parse(input: &str) -> Result<PersonName, Error> {
        text(
            input,
            "name",
            100,
            ["name_required", "name_too_long", "name_invalid"],
        )
        .map(PersonName)
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A workspace's name: 1–80 characters, trimmed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WorkspaceName(String);

impl WorkspaceName {
    /// Validates a name given in field `field` (`workspace_name` at sign-up, `name` later).
    pub fn parse(input: &str, field: &'static str) -> Result<WorkspaceName, Error> {
        text(
            input,
            field,
            80,
            [
                "workspace_name_required",
                "workspace_name_too_long",
                "workspace_name_invalid",
            ],
        )
        .map(WorkspaceName)
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An email address as typed (trimmed). Comparison and uniqueness are case-insensitive:
/// the database indexes `lower(email)`, and [`Email::normalized`] gives that form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Email(String);

impl Email {
    /// Validates an address given in `field`: one `@`, a local part of 1–64 and a domain
    /// with a dot, no spaces, 254 characters at most. Code `email_invalid`.
    pub fn parse(input: &str, field: &'static str) -> Result<Email, Error> {
        let value = input.trim();
        let invalid = |why: &str| {
            Error::invalid(
                field,
                "email_invalid",
                format!("{field} is not a valid email address: {why}"),
            )
        };
        if value.is_empty() {
            return Err(Error::invalid(
                field,
                "email_required",
                format!("{field} is required"),
            ));
        }
        if value.chars().count() > 254 {
            return Err(invalid("it is longer than 254 characters"));
        }
        if value
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'))
        {
            return Err(invalid("it contains a space or a character not allowed"));
        }
        let Some((local, domain)) = value.split_once('@') else {
            return Err(invalid("it has no @"));
        };
        if domain.contains('@') {
            return Err(invalid("it has more than one @"));
        }
        if local.is_empty() || local.chars().count() > 64 {
            return Err(invalid("the part before @ must be 1 to 64 characters"));
        }
        let labels: Vec<&str> = domain.split('.').collect();
        if labels.len() < 2
            || labels.iter().any(|l| {
                l.is_empty() || l.starts_with('-') || l.ends_with('-') || l.chars().count() > 63
            })
        {
            return Err(invalid("the domain after @ is not valid"));
        }
        Ok(Email(value.to_owned()))
    }

    /// The address as typed.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The lower-case form that uniqueness and look-ups use.
    pub fn normalized(&self) -> String {
        self.0.to_lowercase()
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A new password: 10–256 characters. Not trimmed (spaces are allowed and count).
/// Its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// Shortest password accepted.
    pub const MIN_CHARS: usize = 10;
    /// Longest password accepted (hashing cost stays bounded).
    pub const MAX_CHARS: usize = 256;

    /// Validates a new password given in `field`. Codes `password_too_short`,
    /// `password_too_long`.
    pub fn parse(input: &str, field: &'static str) -> Result<Password, Error> {
        let chars = input.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(Error::invalid(
                field,
                "password_too_short",
                format!(
                    "the password must be at least {} characters (got {chars})",
                    Self::MIN_CHARS
                ),
            ));
        }
        if chars > Self::MAX_CHARS {
            return Err(Error::invalid(
                field,
                "password_too_long",
                format!(
                    "the password must be at most {} characters",
                    Self::MAX_CHARS
                ),
            ));
        }
        Ok(Password(input.to_owned()))
    }

    /// The password, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

/// A member's role in a workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Uses the workspace's apps and knowledge.
    Member,
    /// Also manages members, invites and API keys.
    Admin,
    /// Exactly one per workspace: also transfers ownership.
    Owner,
}

impl Role {
    /// The stored and API form.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Member => "member",
        }
    }

    /// Parses the stored form.
    pub fn from_str_opt(s: &str) -> Option<Role> {
        match s {
            "owner" => Some(Role::Owner),
            "admin" => Some(Role::Admin),
            "member" => Some(Role::Member),
            _ => None,
        }
    }

    /// Parses a role a member may be given or invited with (never `owner`: ownership is
    /// transferred, not assigned). Code `role_invalid`.
    pub fn parse_assignable(s: &str, field: &'static str) -> Result<Role, Error> {
        match s {
            "admin" => Ok(Role::Admin),
            "member" => Ok(Role::Member),
            "owner" => Err(Error::invalid(
                field,
                "role_invalid",
                "ownership is transferred, not assigned: use transfer-ownership",
            )),
            _ => Err(Error::invalid(
                field,
                "role_invalid",
                "role must be admin or member",
            )),
        }
    }

    /// Whether this role manages members, invites and API keys.
    pub fn is_admin(self) -> bool {
        self >= Role::Admin
    }

    /// Refuses with 403 `role_required` unless this role is at least `needed`.
    pub fn require(self, needed: Role) -> Result<(), Error> {
        if self >= needed {
            Ok(())
        } else {
            Err(Error::forbidden(
                "role_required",
                format!("this needs the {} role in the workspace", needed.as_str()),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_checked_and_compared_without_case() {
        let e = Email::parse("  Taro.Yamada@Example.CO.JP ", "email").unwrap();
        assert_eq!(e.as_str(), "Taro.Yamada@Example.CO.JP");
        assert_eq!(e.normalized(), "taro.yamada@example.co.jp");
        for bad in [
            "",
            "no-at",
            "a@b",
            "a@@b.com",
            "a b@c.com",
            "@example.com",
            "a@-x.com",
            "a@x..com",
        ] {
            let err = Email::parse(bad, "email").unwrap_err();
            assert_eq!(err.field(), Some("email"), "{bad}");
            assert!(err.code().starts_with("email_"), "{bad}: {}", err.code());
        }
    }

    #[test]
    fn passwords_need_ten_characters_and_hide_in_debug() {
        assert_eq!(
            Password::parse("short", "password").unwrap_err().code(),
            "password_too_short"
        );
        assert_eq!(
            Password::parse(&"x".repeat(257), "password")
                .unwrap_err()
                .code(),
            "password_too_long"
        );
        // Ten characters of Japanese count as ten, not thirty bytes.
        let p = Password::parse("パスワードは十文字だ", "password").unwrap();
        assert_eq!(format!("{p:?}"), "Password(***)");
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(PersonName::parse("  Hanako ").unwrap().as_str(), "Hanako");
        assert_eq!(
            PersonName::parse("   ").unwrap_err().code(),
            "name_required"
        );
        assert_eq!(
            PersonName::parse(&"あ".repeat(101)).unwrap_err().code(),
            "name_too_long"
        );
        assert_eq!(
            PersonName::parse("a\u{0}b").unwrap_err().code(),
            "name_invalid"
        );
        assert_eq!(
            WorkspaceName::parse("", "workspace_name")
                .unwrap_err()
                .field(),
            Some("workspace_name")
        );
    }

    #[test]
    fn roles_order_and_owner_is_never_assigned() {
        assert!(Role::Owner.is_admin() && Role::Admin.is_admin() && !Role::Member.is_admin());
        assert!(Role::Member.require(Role::Admin).is_err());
        assert!(Role::Owner.require(Role::Admin).is_ok());
        assert_eq!(
            Role::parse_assignable("owner", "role").unwrap_err().code(),
            "role_invalid"
        );
        assert_eq!(
            Role::parse_assignable("admin", "role").unwrap(),
            Role::Admin
        );
    }
}
