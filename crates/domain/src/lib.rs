//! Mimi's vocabulary: validated values (emails, handles, passwords), roles, languages and
//! the error kinds every capability crate returns. No I/O and no server crates, so the
//! dashboard's WebAssembly build can use it.

mod language;

pub use language::Language;
