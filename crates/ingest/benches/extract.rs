//! Extraction speed of the formats owners upload most: a 50-page PDF (Latin text), a
//! 20-page Japanese PDF (CID font with ToUnicode), a 200 KB HTML page and a 200 KB Markdown
//! document. The PDFs are generated with the integration tests' builder.
//! Run: `cargo bench -p mimi-ingest --bench extract`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/ingest/pdfs.rs"]
#[allow(dead_code)]
mod pdfs;

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use mimi_ingest::{Format, extract};
use pdfs::{Options, Run, build, run};

fn pages(count: usize, heading: &str, line: &str, size: f32) -> Vec<Vec<Run>> {
    (0..count)
        .map(|_| {
            let mut runs = vec![run(size * 1.8, 740.0, heading)];
            let mut y = 700.0;
            for i in 0..40 {
                runs.push(run(size, y, line));
                y -= if i % 5 == 4 { size * 2.6 } else { size * 1.2 };
            }
            runs
        })
        .collect()
}

fn html_page() -> String {
    let section = "<h2>Delivery</h2><p>Orders placed before noon ship the same day. We deliver nationwide; \
        remote islands may take two more days.</p><ul><li>Free over 5,000 yen</li><li>配送料は全国一律500円です。</li></ul>";
    format!(
        "<html><head><title>Help</title></head><body><nav>menu</nav><main>{}</main><footer>f</footer></body></html>",
        section.repeat(200 * 1024 / section.len())
    )
}

fn markdown_doc() -> String {
    let section = "## Delivery\n\nOrders placed before noon ship the same day. We deliver nationwide.\n\n- Free over 5,000 yen\n- 配送料は全国一律500円です。\n\n";
    section.repeat(200 * 1024 / section.len())
}

fn bench(c: &mut Criterion) {
    let latin = build(
        &pages(
            50,
            "Opening hours and services",
            "We are open from nine to six on weekdays and closed on holidays.",
            11.0,
        ),
        Options {
            compress: true,
            ..Options::default()
        },
    );
    let japanese = build(
        &pages(
            20,
            "営業時間とサービスのご案内",
            "当店は平日の午前九時から午後六時まで営業しております。",
            10.5,
        ),
        Options {
            compress: true,
            ..Options::default()
        },
    );
    let html = html_page();
    let md = markdown_doc();
    // PDFs are counted in pages (their compressed size says little), text in bytes.
    let cases: [(&str, Format, &[u8], Throughput); 4] = [
        (
            "pdf_50_pages",
            Format::Pdf,
            &latin,
            Throughput::Elements(50),
        ),
        (
            "pdf_japanese_20_pages",
            Format::Pdf,
            &japanese,
            Throughput::Elements(20),
        ),
        (
            "html_200kb",
            Format::Html,
            html.as_bytes(),
            Throughput::Bytes(html.len() as u64),
        ),
        (
            "markdown_200kb",
            Format::Markdown,
            md.as_bytes(),
            Throughput::Bytes(md.len() as u64),
        ),
    ];
    let mut group = c.benchmark_group("extract");
    group.sample_size(20);
    for (name, format, bytes, throughput) in cases {
        group.throughput(throughput);
        group.bench_function(name, |b| {
            b.iter(|| extract(format, black_box(bytes)).unwrap())
        });
    }
    group.finish();
}

criterion::criterion_group!(benches, bench);
criterion::criterion_main!(benches);
