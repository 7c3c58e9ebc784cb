use mimi_ingest::{BlockKind, Format, extract, sniff};

use crate::pdfs::{Options, bomb, build, run};

fn manual() -> Vec<u8> {
    build(
        &[
            vec![
                run(24.0, 700.0, "Opening hours"),
                run(12.0, 660.0, "We are open from nine to six on"),
                run(12.0, 646.0, "weekdays and closed on public holidays."),
                run(12.0, 610.0, "Parking is free for customers."),
                run(12.0, 580.0, "\u{2022} Bring your membership card"),
                run(12.0, 566.0, "\u{2022} Pay at the counter"),
            ],
            vec![run(12.0, 700.0, "Second page text.")],
        ],
        Options {
            compress: true,
            title: Some("Microsoft Word - manual.docx"),
            ..Options::default()
        },
    )
}

#[test]
fn a_pdf_becomes_headings_paragraphs_and_list_items() {
    let bytes = manual();
    assert_eq!(sniff(&bytes, Some("manual.pdf")).unwrap(), Format::Pdf);
    let doc = extract(Format::Pdf, &bytes).unwrap();
    assert_eq!(
        doc.title.as_deref(),
        Some("Opening hours"),
        "a file-name title gives way to the heading"
    );
    let blocks: Vec<(BlockKind, &str)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect();
    assert_eq!(
        blocks,
        [
            (BlockKind::Heading(1), "Opening hours"),
            (
                BlockKind::Paragraph,
                "We are open from nine to six on weekdays and closed on public holidays."
            ),
            (BlockKind::Paragraph, "Parking is free for customers."),
            (BlockKind::ListItem, "\u{2022} Bring your membership card"),
            (BlockKind::ListItem, "\u{2022} Pay at the counter"),
            (BlockKind::Paragraph, "Second page text."),
        ]
    );
}

#[test]
fn japanese_text_in_a_cid_font_is_extracted_intact() {
    let bytes = build(
        &[vec![
            run(20.0, 700.0, "営業時間のご案内"),
            run(10.5, 660.0, "当店は平日の午前九時から午後六時まで営業して"),
            run(10.5, 646.0, "おります。土日祝日は休業です。"),
            run(10.5, 610.0, "駐車場は無料でご利用いただけます。"),
        ]],
        Options {
            title: Some("Store guide"),
            ..Options::default()
        },
    );
    let doc = extract(Format::Pdf, &bytes).unwrap();
    assert_eq!(doc.title.as_deref(), Some("Store guide"));
    let blocks: Vec<(BlockKind, &str)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect();
    assert_eq!(
        blocks,
        [
            (BlockKind::Heading(1), "営業時間のご案内"),
            (
                BlockKind::Paragraph,
                "当店は平日の午前九時から午後六時まで営業しております。土日祝日は休業です。"
            ),
            (BlockKind::Paragraph, "駐車場は無料でご利用いただけます。"),
        ]
    );
}

#[test]
fn an_encrypted_pdf_fails_with_a_clear_error() {
    let bytes = build(
        &[vec![run(12.0, 700.0, "secret")]],
        Options {
            encrypt: true,
            ..Options::default()
        },
    );
    let err = extract(Format::Pdf, &bytes).unwrap_err();
    assert_eq!(err.code(), "file_encrypted");
    assert!(err.to_string().contains("password"), "{err}");
}

#[test]
fn a_truncated_pdf_is_corrupt_not_a_crash() {
    let bytes = manual();
    for cut in [bytes.len() / 2, 200, 20] {
        let err = extract(Format::Pdf, &bytes[..cut]).unwrap_err();
        assert_eq!(err.code(), "file_corrupt", "cut at {cut}: {err}");
    }
    let err = extract(
        Format::Pdf,
        b"%PDF-1.4\n\x00\x01garbage that is no pdf at all",
    )
    .unwrap_err();
    assert_eq!(err.code(), "file_corrupt");
}

#[test]
fn damaged_pdfs_never_panic_through_the_api() {
    let original = build(
        &[vec![
            run(12.0, 700.0, "Some text"),
            run(18.0, 650.0, "営業"),
        ]],
        Options::default(),
    );
    // A fixed pseudo-random walk over byte positions, so failures reproduce.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut outcomes = (0, 0);
    for _ in 0..150 {
        let mut bytes = original.clone();
        for _ in 0..8 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let at = (state % bytes.len() as u64) as usize;
            bytes[at] = (state >> 32) as u8;
        }
        match extract(Format::Pdf, &bytes) {
            Ok(_) => outcomes.0 += 1,
            Err(e) => {
                assert!(
                    ["file_corrupt", "empty_document", "file_encrypted"].contains(&e.code()),
                    "{e:?}"
                );
                outcomes.1 += 1;
            }
        }
    }
    assert_eq!(outcomes.0 + outcomes.1, 150);
}

#[test]
fn a_decompression_bomb_is_refused() {
    let bytes = bomb(300 * 1024 * 1024);
    assert!(
        bytes.len() < 2_000_000,
        "the bomb is small: {}",
        bytes.len()
    );
    assert_eq!(
        extract(Format::Pdf, &bytes).unwrap_err().code(),
        "file_too_complex"
    );
}

#[test]
fn a_pdf_without_text_is_empty() {
    let bytes = build(&[vec![]], Options::default());
    assert_eq!(
        extract(Format::Pdf, &bytes).unwrap_err().code(),
        "empty_document"
    );
}
