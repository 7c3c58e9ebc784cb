//! Batch and streaming throughput on mixed English/Japanese chat replies (the dev set's
//! texts, repeated to about 512 KiB). Run: `cargo bench -p mimi-guardrail`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mimi_guardrail::{Guardrail, GuardrailConfig};
use std::hint::black_box;

fn corpus() -> String {
    let mut replies = Vec::new();
    for line in include_str!("../eval/dev.jsonl").lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        replies.push(v["text"].as_str().unwrap().to_owned());
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
    let text = corpus();
    let mut group = c.benchmark_group("redact_mixed_chat");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("batch", |b| {
        b.iter(|| g.redact(black_box(&text)).text.len())
    });
    for chunk in [8, 64] {
        group.bench_function(format!("stream_{chunk}_byte_chunks"), |b| {
            b.iter(|| stream(&g, black_box(&text), chunk))
        });
    }
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
