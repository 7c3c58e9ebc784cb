//! The one error vocabulary of the capability crates. The HTTP layer maps each kind to
//! a status in one place; 4xx kinds carry a stable `code`, a human `message` and, for
//! bad input, the offending `field`.

use std::borrow::Cow;

/// What went wrong, in terms a caller (and a user) can act on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input is malformed or breaks a rule (422).
    #[error("{message}")]
    Invalid {
        /// Stable, machine-readable reason (`handle_invalid`).
        code: &'static str,
        /// The input field at fault.
        field: Option<&'static str>,
        /// For people.
        message: Cow<'static, str>,
    },
    /// Absent, or not visible to this caller: the two look the same (404).
    #[error("not found")]
    NotFound,
    /// The request clashes with existing state (409).
    #[error("{message}")]
    Conflict {
        /// Stable reason (`handle_taken`).
        code: &'static str,
        /// The input field at fault.
        field: Option<&'static str>,
        /// For people.
        message: Cow<'static, str>,
    },
    /// No valid credentials (401).
    #[error("{message}")]
    Unauthenticated {
        /// Stable reason (`invalid_credentials`).
        code: &'static str,
        /// For people.
        message: Cow<'static, str>,
    },
    /// Authenticated, but this action is not allowed (403).
    #[error("{message}")]
    Forbidden {
        /// Stable reason (`role_required`).
        code: &'static str,
        /// For people.
        message: Cow<'static, str>,
    },
    /// A link or token that worked once, or expired (410).
    #[error("{message}")]
    Gone {
        /// Stable reason (`token_used`, `token_expired`).
        code: &'static str,
        /// For people.
        message: Cow<'static, str>,
    },
    /// Too many attempts; try again after this many seconds (429).
    #[error("too many attempts; try again in {retry_after_seconds} seconds")]
    RateLimited {
        /// When a retry may succeed.
        retry_after_seconds: u64,
    },
    /// The upload or body is larger than allowed (413).
    #[error("{message}")]
    TooLarge {
        /// The input field at fault.
        field: Option<&'static str>,
        /// For people.
        message: Cow<'static, str>,
    },
    /// Anything else: a bug or an outage. Opaque to users, logged once with its cause.
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl Error {
    /// Bad input in `field`.
    pub fn invalid(
        field: &'static str,
        code: &'static str,
        message: impl Into<Cow<'static, str>>,
    ) -> Error {
        Error::Invalid {
            code,
            field: Some(field),
            message: message.into(),
        }
    }

    /// A clash with existing state, blamed on `field`.
    pub fn conflict(
        field: &'static str,
        code: &'static str,
        message: impl Into<Cow<'static, str>>,
    ) -> Error {
        Error::Conflict {
            code,
            field: Some(field),
            message: message.into(),
        }
    }

    /// Not allowed for this caller.
    pub fn forbidden(code: &'static str, message: impl Into<Cow<'static, str>>) -> Error {
        Error::Forbidden {
            code,
            message: message.into(),
        }
    }

    /// Wraps an unexpected failure.
    pub fn internal(e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Error {
        Error::Internal(e.into())
    }

    /// The stable code of this error, as the API reports it.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid { code, .. }
            | Error::Conflict { code, .. }
            | Error::Unauthenticated { code, .. }
            | Error::Forbidden { code, .. }
            | Error::Gone { code, .. } => code,
            Error::NotFound => "not_found",
            Error::RateLimited { .. } => "too_many_attempts",
            Error::TooLarge { .. } => "too_large",
            Error::Internal(_) => "internal",
        }
    }

    /// The HTTP status every surface answers this error with (the owner API and the
    /// dashboard's server functions alike).
    pub fn status(&self) -> u16 {
        match self {
            Error::Invalid { .. } => 422,
            Error::NotFound => 404,
            Error::Conflict { .. } => 409,
            Error::Unauthenticated { .. } => 401,
            Error::Forbidden { .. } => 403,
            Error::Gone { .. } => 410,
            Error::RateLimited { .. } => 429,
            Error::TooLarge { .. } => 413,
            Error::Internal(_) => 500,
        }
    }

    /// The input field at fault, if one is.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid { field, .. }
            | Error::Conflict { field, .. }
            | Error::TooLarge { field, .. } => *field,
            _ => None,
        }
    }
}

#[cfg(feature = "sqlx")]
impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Error {
        match e {
            sqlx::Error::RowNotFound => Error::NotFound,
            e => Error::Internal(Box::new(e)),
        }
    }
}

/// Result of the capability crates.
pub type Result<T, E = Error> = std::result::Result<T, E>;
