//! Batch and streaming throughput on chat replies: the dev set's texts (mixed, English
//! only, Japanese only), each repeated to about 512 KiB. Run: `cargo bench -p mimi-guardrail`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mimi_guardrail::{Guardrail, GuardrailConfig};
use std::hint::black_box;

/// The dev set's replies in `lang` (all when `None`), joined and repeated to 512 KiB.
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

fn stream(g: &Guardrail, text: &str, chunk: usize) -> usize {
    let mut s = g.stream();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = chunk.min(rest.len());
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        s.push_into(&rest[..cut], &mut out);
        rest = &rest[cut..];
    }
    out.push_str(&s.finish().tail);
    out.len()
}

fn throughput(c: &mut Criterion) {
    let g = Guardrail::new(GuardrailConfig::default()).unwrap();
    for (name, lang) in [("mixed", None), ("en", Some("en")), ("ja", Some("ja"))] {
        let text = corpus(lang);
        let mut group = c.benchmark_group(format!("redact_{name}_chat"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(20);
        group.bench_function("batch", |b| {
            b.iter(|| g.redact(black_box(&text)).text.len())
        });
        let chunks: &[usize] = if lang.is_none() { &[8, 64] } else { &[64] };
        for &chunk in chunks {
            group.bench_function(format!("stream_{chunk}_byte_chunks"), |b| {
                b.iter(|| stream(&g, black_box(&text), chunk))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, throughput);
criterion_main!(benches);
