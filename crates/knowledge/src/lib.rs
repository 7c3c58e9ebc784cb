//! An app's knowledge base: the items owners add (FAQs, reference pages, uploaded files,
//! pages of their site), the background indexing that turns them into passages with
//! search terms and vectors, and the hybrid retrieval the chat and the owner's "test
//! retrieval" use.
//!
//! Every operation runs in a tenant transaction, so Row-Level Security keeps each
//! workspace's knowledge its own; retrieval is further scoped to one app. File formats
//! and site fetching live in `mimi-ingest`, embedding models in `mimi-embed`; this crate
//! owns the tables, the queue, chunking, search terms and fusion. No HTTP.

mod chunk;
mod embedding;
pub mod eval;
mod files;
mod index;
mod input;
mod items;
mod limits;
mod model;
mod retrieve;
mod source;
pub mod text;

pub use chunk::{ChunkSize, Passage as Chunk, chunk, estimate_tokens};
pub use embedding::Embedding;
pub use files::{add_file, import};
pub use index::Indexer;
pub use input::{
    ItemPatch, MAX_ANSWER_CHARS, MAX_PAGE_CHARS, MAX_QUESTION_CHARS, MAX_TITLE_CHARS, NewFaq,
    NewPage,
};
pub use items::{ListFilter, add_faq, add_faqs, add_page, delete, get, list, reindex, update};
pub use limits::Limits;
pub use model::{Failure, Item, ItemKind, Status};
pub use retrieve::{
    EXACT_SEARCH_UP_TO, Floors, Hit, MAX_K, MAX_QUERY_CHARS, Mode, Passage, Query, TestSearch,
    explain, search, test_search,
};
pub use source::Fetching;
