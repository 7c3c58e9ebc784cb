//! `mimi-pii scan`: JSON lines in, spans and redacted text out.

use std::io::{BufRead, Write};

use anyhow::Context;
use mimi_guardrail::{Guardrail, Redaction};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct Input {
    id: serde_json::Value,
    text: String,
}

/// A span as the evaluation format writes it.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Hash, Debug)]
pub struct OutSpan {
    /// UTF-8 byte offset of the start.
    pub start: usize,
    /// UTF-8 byte offset of the end.
    pub end: usize,
    /// `PERSON`, `EMAIL`, `PHONE`, `ADDRESS` or `POSTAL_CODE`.
    pub label: String,
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a serde_json::Value,
    spans: Vec<OutSpan>,
    redacted: String,
}

/// Redacts `text` in one go, or through the stream on `chunk`-byte pieces.
pub fn redact(g: &Guardrail, text: &str, chunk: Option<usize>) -> Redaction {
    let Some(n) = chunk else {
        return g.redact(text);
    };
    let mut stream = g.stream();
    let mut out = String::new();
    for piece in mimi_guardrail::chunks(text, n) {
        out.push_str(&stream.push(piece));
    }
    let end = stream.finish();
    out.push_str(&end.tail);
    Redaction {
        text: out,
        spans: end.spans,
    }
}

/// The spans of a redaction in the output format.
pub fn out_spans(r: &Redaction) -> Vec<OutSpan> {
    r.spans
        .iter()
        .map(|s| OutSpan {
            start: s.start,
            end: s.end,
            label: s.label.as_str().to_owned(),
        })
        .collect()
}

pub fn run(g: &Guardrail, chunk: Option<usize>) -> anyhow::Result<()> {
    let stdin = std::io::stdin().lock();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for (n, line) in stdin.lines().enumerate() {
        let line = line.context("reading stdin")?;
        if line.trim().is_empty() {
            continue;
        }
        let input: Input =
            serde_json::from_str(&line).with_context(|| format!("line {}", n + 1))?;
        let r = redact(g, &input.text, chunk);
        let out = Output {
            id: &input.id,
            spans: out_spans(&r),
            redacted: r.text,
        };
        serde_json::to_writer(&mut stdout, &out)?;
        stdout.write_all(b"\n")?;
    }
    stdout.flush()?;
    Ok(())
}
