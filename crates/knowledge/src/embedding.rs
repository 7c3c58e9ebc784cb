//! The embedding model, loaded on first need: the local model may have to be fetched
//! (about 80 MB, once) and takes a moment to load, which neither start-up nor requests
//! that never search should wait for.

use std::sync::Arc;

use mimi_domain::{Error, Result};
use mimi_embed::Embedder;
use tokio::sync::OnceCell;

type Loader =
    Arc<dyn Fn() -> std::result::Result<Arc<dyn Embedder>, mimi_embed::Error> + Send + Sync>;

/// A lazily loaded [`Embedder`], shared by the indexer and retrieval.
pub struct Embedding {
    cell: OnceCell<Arc<dyn Embedder>>,
    load: Option<Loader>,
}

impl std::fmt::Debug for Embedding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embedding")
            .field("loaded", &self.cell.get().map(|e| e.model().to_owned()))
            .finish()
    }
}

impl Embedding {
    /// Loads with `load` (on a blocking thread) the first time it is needed.
    pub fn lazy(
        load: impl Fn() -> std::result::Result<Arc<dyn Embedder>, mimi_embed::Error>
        + Send
        + Sync
        + 'static,
    ) -> Embedding {
        Embedding {
            cell: OnceCell::new(),
            load: Some(Arc::new(load)),
        }
    }

    /// An embedder that is already loaded.
    pub fn ready(embedder: Arc<dyn Embedder>) -> Embedding {
        Embedding {
            cell: OnceCell::new_with(Some(embedder)),
            load: None,
        }
    }

    /// The embedder, loading it if this is the first call. A failed load is tried again
    /// by the next call.
    pub async fn get(&self) -> Result<Arc<dyn Embedder>> {
        self.cell
            .get_or_try_init(|| async {
                let load = self
                    .load
                    .clone()
                    .ok_or_else(|| Error::internal("no embedding model to load"))?;
                tokio::task::spawn_blocking(move || load())
                    .await
                    .map_err(Error::internal)?
                    .map_err(Error::internal)
            })
            .await
            .cloned()
    }
}
