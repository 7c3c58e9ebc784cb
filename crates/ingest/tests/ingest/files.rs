use mimi_ingest::{BlockKind, Format, MAX_FILE_BYTES, extract, faq_csv, sniff};

fn read(bytes: &[u8], name: &str) -> Result<mimi_ingest::Document, mimi_ingest::Error> {
    let format = sniff(bytes, Some(name))?;
    extract(format, bytes)
}

#[test]
fn each_text_format_reads_through_sniff_and_extract() {
    let md = read("# FAQ\n\n- 営業時間は？\n".as_bytes(), "faq.md").unwrap();
    assert_eq!(md.title.as_deref(), Some("FAQ"));
    assert_eq!(md.blocks[1].kind, BlockKind::ListItem);
    let txt = read(b"one\n\ntwo", "notes.txt").unwrap();
    assert_eq!(txt.blocks.len(), 2);
    let html = read(
        b"<html><body><nav>menu</nav><p>Hello</p></body></html>",
        "page.html",
    )
    .unwrap();
    assert_eq!(html.blocks[0].text, "Hello");
}

#[test]
fn a_shift_jis_text_file_is_read() {
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("お知らせ\r\n\r\n年末年始は休業します。\r\n");
    let doc = read(&bytes, "oshirase.txt").unwrap();
    assert_eq!(doc.blocks[1].text, "年末年始は休業します。");
}

#[test]
fn a_csv_file_is_sniffed_as_csv_and_refused_by_extract() {
    let bytes = "質問,回答\n駐車場は？,あります。\n".as_bytes();
    assert_eq!(sniff(bytes, Some("faq.csv")).unwrap(), Format::Csv);
    assert_eq!(
        extract(Format::Csv, bytes).unwrap_err().code(),
        "unsupported_file_type"
    );
    assert_eq!(faq_csv(bytes).unwrap()[0].answer, "あります。");
}

#[test]
fn empty_files_fail_as_empty_documents() {
    assert_eq!(
        read(b"  \n\n ", "a.txt").unwrap_err().code(),
        "empty_document"
    );
    assert_eq!(
        read(b"<html><script>x()</script></html>", "a.html")
            .unwrap_err()
            .code(),
        "empty_document"
    );
}

#[test]
fn files_over_the_limit_are_refused_by_every_entry_point() {
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    assert_eq!(
        extract(Format::Text, &big).unwrap_err().code(),
        "file_too_large"
    );
    assert_eq!(faq_csv(&big).unwrap_err().code(), "file_too_large");
}

#[test]
fn a_huge_text_is_cut_at_the_character_cap() {
    let paragraph = "word ".repeat(200) + "\n\n";
    let text = paragraph.repeat(MAX_FILE_BYTES / paragraph.len());
    let doc = extract(Format::Text, text.as_bytes()).unwrap();
    assert!(doc.truncated);
    assert_eq!(doc.char_count(), mimi_ingest::MAX_EXTRACTED_CHARS);
}

#[test]
fn a_renamed_image_is_refused_with_what_to_upload_instead() {
    let err = read(b"\x89PNG\r\n\x1a\nxxxx", "photo.pdf").unwrap_err();
    assert_eq!(err.code(), "unsupported_file_type");
    assert!(err.to_string().contains("Upload a PDF"), "{err}");
}
