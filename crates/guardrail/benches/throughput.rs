//! Batch and streaming throughput on chat replies: the dev set's texts (mixed, English
//! only, Japanese only), each repeated to about 512 KiB. Run: `cargo bench -p mimi-guardrail`.
//!
//! With `MIMI_BENCH_CLOCK=cpu` it measures the CPU time of the benchmarking thread
//! (Linux `/proc/thread-self/schedstat`) instead of wall time, so that time spent waiting
//! for a core busy with other work is not counted: on a shared machine wall-time runs
//! vary by a factor of two.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{Criterion, Throughput};
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
    for piece in mimi_guardrail::chunks(text, chunk) {
        s.push_into(piece, &mut out);
    }
    out.push_str(&s.finish().tail);
    out.len()
}

fn throughput<M: Measurement>(c: &mut Criterion<M>) {
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

/// CPU time of the current thread, in nanoseconds.
struct CpuTime;

fn thread_cpu_ns() -> u64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap();
    stat.split_whitespace().next().unwrap().parse().unwrap()
}

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns() - start
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

/// Prints CPU times in ms and throughputs in MiB/s.
struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, _typical: f64, values: &mut [f64]) -> &'static str {
        values.iter_mut().for_each(|v| *v /= 1e6);
        "ms (cpu)"
    }
    fn scale_throughputs(&self, _typical: f64, t: &Throughput, values: &mut [f64]) -> &'static str {
        let bytes = match *t {
            Throughput::Bytes(n) | Throughput::BytesDecimal(n) | Throughput::Elements(n) => n,
        };
        values
            .iter_mut()
            .for_each(|v| *v = bytes as f64 * 1e9 / *v / (1024.0 * 1024.0));
        "MiB/s (cpu)"
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

fn main() {
    if std::env::var("MIMI_BENCH_CLOCK").as_deref() == Ok("cpu") {
        let mut c = Criterion::default()
            .with_measurement(CpuTime)
            .configure_from_args();
        throughput(&mut c);
        c.final_summary();
    } else {
        let mut c = Criterion::default()
            .with_measurement(WallTime)
            .configure_from_args();
        throughput(&mut c);
        c.final_summary();
    }
}
