//! `mimi-pii eval`: exact-span precision, recall and F1 per language and label, and
//! the over-redaction rate on replies without personal data.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use anyhow::Context;
use mimi_guardrail::{Guardrail, Label};
use serde::Deserialize;

use crate::scan::{OutSpan, out_spans, redact};

#[derive(Deserialize)]
struct Gold {
    id: serde_json::Value,
    lang: String,
    text: String,
    spans: Vec<OutSpan>,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn prf(self) -> (f64, f64, f64) {
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

pub fn run(g: &Guardrail, gold: &Path, chunk: Option<usize>, errors: bool) -> anyhow::Result<()> {
    let data =
        std::fs::read_to_string(gold).with_context(|| format!("reading {}", gold.display()))?;
    let mut counts: BTreeMap<(String, &'static str), Counts> = BTreeMap::new();
    let mut clean: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (n, line) in data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let item: Gold = serde_json::from_str(line)
            .with_context(|| format!("{} line {}", gold.display(), n + 1))?;
        let r = redact(g, &item.text, chunk);
        let found: HashSet<OutSpan> = out_spans(&r).into_iter().collect();
        let want: HashSet<OutSpan> = item.spans.iter().cloned().collect();
        for label in Label::ALL {
            let c = counts
                .entry((item.lang.clone(), label.as_str()))
                .or_default();
            let f: HashSet<_> = found.iter().filter(|s| s.label == label.as_str()).collect();
            let w: HashSet<_> = want.iter().filter(|s| s.label == label.as_str()).collect();
            c.tp += f.intersection(&w).count();
            c.fp += f.difference(&w).count();
            c.fn_ += w.difference(&f).count();
        }
        if want.is_empty() {
            let e = clean.entry(item.lang.clone()).or_default();
            e.0 += 1;
            e.1 += usize::from(!found.is_empty());
        }
        if errors {
            print_errors(&item, &found, &want);
        }
    }
    print_table(&counts, &clean);
    Ok(())
}

fn print_errors(item: &Gold, found: &HashSet<OutSpan>, want: &HashSet<OutSpan>) {
    let text = |s: &OutSpan| item.text.get(s.start..s.end).unwrap_or("?").to_owned();
    for s in found.difference(want) {
        println!("FP {} {} {:?}\t{}", item.id, s.label, text(s), item.text);
    }
    for s in want.difference(found) {
        println!("FN {} {} {:?}\t{}", item.id, s.label, text(s), item.text);
    }
}

fn print_table(
    counts: &BTreeMap<(String, &'static str), Counts>,
    clean: &BTreeMap<String, (usize, usize)>,
) {
    println!("| lang | label | gold | found | precision | recall | F1 |");
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    let mut langs: Vec<&String> = counts.keys().map(|(l, _)| l).collect();
    langs.dedup();
    for lang in langs {
        let mut micro = Counts::default();
        for label in Label::ALL {
            let c = counts
                .get(&(lang.clone(), label.as_str()))
                .copied()
                .unwrap_or_default();
            micro.tp += c.tp;
            micro.fp += c.fp;
            micro.fn_ += c.fn_;
            if c.tp + c.fn_ + c.fp > 0 {
                row(lang, label.as_str(), c);
            }
        }
        row(lang, "micro", micro);
    }
    println!();
    println!("| lang | replies without PII | with something redacted | over-redaction rate |");
    println!("| --- | ---: | ---: | ---: |");
    for (lang, (n, bad)) in clean {
        println!(
            "| {lang} | {n} | {bad} | {:.1} % |",
            100.0 * ratio(*bad, *n)
        );
    }
}

fn row(lang: &str, label: &str, c: Counts) {
    let (p, r, f) = c.prf();
    println!(
        "| {lang} | {label} | {} | {} | {p:.3} | {r:.3} | {f:.3} |",
        c.tp + c.fn_,
        c.tp + c.fp
    );
}
