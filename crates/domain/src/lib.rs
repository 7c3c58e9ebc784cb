//! Mimi's vocabulary: validated values (emails, handles, passwords), roles, languages and
//! the error kinds every capability crate returns. No I/O and no server crates, so the
//! dashboard's WebAssembly build can use it (the `sqlx` feature, for server crates only,
//! converts database errors).

mod error;
mod handle;
mod language;
pub mod rules;
mod scope;
mod values;

pub use error::{Error, Result};
pub use handle::Handle;
pub use language::Language;
pub use scope::Scope;
pub use values::{Email, Password, PersonName, Role, WorkspaceName};
