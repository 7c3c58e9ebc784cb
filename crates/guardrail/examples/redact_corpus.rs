//! Redacts one of the throughput benchmark's corpora a fixed number of times, batch or
//! streamed, for instruction-count profiling, which is repeatable on a shared machine:
//!
//! ```sh
//! cargo build --release -p mimi-guardrail --example redact_corpus
//! valgrind --tool=callgrind --toggle-collect='*redact_corpus::work*' \
//!     target/release/examples/redact_corpus mixed batch 3
//! ```
//!
//! Arguments: corpus (`mixed`, `en`, `ja`), mode (`batch` or a stream chunk size in
//! bytes), repetitions. The first repetition also fills the regex engines' lazy caches.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use mimi_guardrail::{Guardrail, GuardrailConfig};

/// The dev set's replies in `lang` (all when `None`), joined and repeated to 512 KiB,
/// as in `benches/throughput.rs`.
fn corpus(lang: Option<&str>) -> String {
    let mut replies = Vec::new();
    for line in include_str!("../eval/dev.jsonl").lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if lang.is_none_or(|l| v["lang"].as_str() == Some(l)) {
            replies.push(v["text"].as_str().unwrap().to_owned());
        }
    }
    let one = replies.join("\n");
    one.repeat((512 * 1024) / one.len() + 1)
}

#[inline(never)]
fn work(g: &Guardrail, text: &str, chunk: Option<usize>) -> usize {
    let Some(chunk) = chunk else {
        return g.redact(text).text.len();
    };
    let mut s = g.stream();
    let mut out = String::with_capacity(text.len());
    for piece in mimi_guardrail::chunks(text, chunk) {
        s.push_into(piece, &mut out);
    }
    out.push_str(&s.finish().tail);
    out.len()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = match args.first().map_or("mixed", String::as_str) {
        "en" => Some("en"),
        "ja" => Some("ja"),
        _ => None,
    };
    let chunk = args
        .get(1)
        .filter(|m| m.as_str() != "batch")
        .map(|m| m.parse().expect("mode: batch or a chunk size"));
    let reps: usize = args.get(2).map_or(1, |r| r.parse().expect("repetitions"));
    let text = corpus(lang);
    let g = Guardrail::new(GuardrailConfig::default()).unwrap();
    let mut total = 0;
    for _ in 0..reps {
        total += work(&g, &text, chunk);
    }
    println!("{} bytes in, {total} bytes out", text.len() * reps);
}
