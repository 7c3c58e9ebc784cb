//! Placeholder for the embeddings crate being written on the `embed` branch: the trait
//! only, so `mimi-knowledge` compiles meanwhile. Replaced wholesale by that branch.

use std::future::Future;
use std::pin::Pin;

/// An embedding failure.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The model could not embed.
    #[error("{0}")]
    Failed(String),
}

/// One embedding model. Vectors are L2-normalised, `dimensions()` long.
pub trait Embedder: Send + Sync + std::fmt::Debug {
    /// Stable id stored with every vector.
    fn model(&self) -> &str;
    /// Length of the vectors.
    fn dimensions(&self) -> usize;
    /// The most tokens of one text the model sees.
    fn max_tokens(&self) -> usize;
    /// Embeds a batch.
    fn embed<'a>(
        &'a self,
        texts: &'a [String],
    ) -> Pin<Box<dyn Future<Output = Result<Vec<Vec<f32>>, Error>> + Send + 'a>>;
}
