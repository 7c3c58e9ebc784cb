//! Recognising a file from its bytes, and decoding text files.

use std::borrow::Cow;

use encoding_rs::{SHIFT_JIS, UTF_16BE, UTF_16LE};

use crate::{Error, Format, MAX_FILE_BYTES};

/// Binary formats owners are likely to try, recognised so the error can name them.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP image, WAV or AVI)"),
    (
        b"PK\x03\x04",
        "a ZIP archive or an Office document (Word, Excel)",
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Office document (.doc, .xls)",
    ),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"%!PS", "a PostScript file"),
];

/// Tells which format `bytes` hold. The bytes decide between PDF, text and refusal; the
/// file name's extension only chooses among text kinds (`.md`, `.txt`, `.csv`, `.html`),
/// and without one the text itself is inspected (HTML markers, CSV shape, Markdown syntax).
pub fn sniff(bytes: &[u8], file_name: Option<&str>) -> Result<Format, Error> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            limit: MAX_FILE_BYTES,
        });
    }
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(Error::Unsupported {
            detected: Some(what),
        });
    }
    let text = decode_text(bytes)?;
    let extension = file_name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, ext)| ext.to_ascii_lowercase());
    Ok(match extension.as_deref() {
        Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
        Some("txt" | "text") => Format::Text,
        Some("csv") => Format::Csv,
        Some("html" | "htm" | "xhtml") => Format::Html,
        _ => guess_text_kind(&text),
    })
}

fn guess_text_kind(text: &str) -> Format {
    let start: String = text.trim_start().chars().take(1024).collect();
    let lower = start.to_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.contains("<head")
        || lower.contains("<body")
    {
        return Format::Html;
    }
    if looks_like_csv(text) {
        return Format::Csv;
    }
    let markdown = text.lines().take(200).any(|l| {
        let l = l.trim_start();
        l.starts_with("# ") || l.starts_with("## ") || l.starts_with("```")
    }) || (text.contains("](") && text.contains('['));
    if markdown {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// At least two lines, every one of the first few splitting into the same number (≥ 2) of
/// fields.
fn looks_like_csv(text: &str) -> bool {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let widths: Vec<usize> = reader
        .records()
        .take(5)
        .map(|r| r.map(|r| r.len()).unwrap_or(0))
        .collect();
    widths.len() >= 2 && widths[0] >= 2 && widths.iter().all(|w| *w == widths[0])
}

/// Decodes a text file: UTF-8 (with or without BOM), UTF-16 with a BOM, or Shift_JIS (as
/// Japanese Windows tools write it). Bytes that are none of these, or that hold control
/// characters a text file never has, are refused as binary.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<Cow<'_, str>, Error> {
    let text: Cow<'_, str> = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        Cow::Borrowed(std::str::from_utf8(rest).map_err(|_| binary())?)
    } else if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        let encoding = if bytes[0] == 0xff { UTF_16LE } else { UTF_16BE };
        let (text, _, errors) = encoding.decode(bytes);
        if errors {
            return Err(binary());
        }
        text
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        Cow::Borrowed(text)
    } else {
        SHIFT_JIS
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or_else(binary)?
    };
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls > 0 {
        return Err(binary());
    }
    Ok(text)
}

fn binary() -> Error {
    Error::Unsupported { detected: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_png_renamed_pdf_is_refused_and_named() {
        let err = sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Some("manual.pdf")).unwrap_err();
        assert_eq!(err.code(), "unsupported_file_type");
        assert!(err.to_string().contains("PNG"), "{err}");
    }

    #[test]
    fn a_pdf_is_recognised_whatever_its_name() {
        assert_eq!(
            sniff(b"%PDF-1.7\n...", Some("notes.txt")).unwrap(),
            Format::Pdf
        );
    }

    #[test]
    fn unknown_binary_is_refused() {
        assert_eq!(
            sniff(&[0, 1, 2, 3, 200, 150], None).unwrap_err().code(),
            "unsupported_file_type"
        );
    }

    #[test]
    fn the_extension_chooses_among_text_kinds() {
        let text = "# Title\n\nbody";
        assert_eq!(
            sniff(text.as_bytes(), Some("a.md")).unwrap(),
            Format::Markdown
        );
        assert_eq!(sniff(text.as_bytes(), Some("a.TXT")).unwrap(), Format::Text);
        assert_eq!(sniff(text.as_bytes(), None).unwrap(), Format::Markdown);
    }

    #[test]
    fn without_an_extension_the_text_is_inspected() {
        assert_eq!(sniff(b"<!DOCTYPE html><p>x", None).unwrap(), Format::Html);
        assert_eq!(
            sniff("質問,回答\na,b\nc,d\n".as_bytes(), None).unwrap(),
            Format::Csv
        );
        assert_eq!(
            sniff("ただの文章です。\n\n二段落目。".as_bytes(), Some("x.bin")).unwrap(),
            Format::Text
        );
    }

    #[test]
    fn shift_jis_and_utf16_text_decode() {
        let (sjis, _, _) = SHIFT_JIS.encode("営業時間");
        assert_eq!(decode_text(&sjis).unwrap(), "営業時間");
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("はい".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_text(&utf16).unwrap(), "はい");
    }

    #[test]
    fn too_large_input_is_refused_before_anything_else() {
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert_eq!(
            sniff(&big, Some("a.txt")).unwrap_err().code(),
            "file_too_large"
        );
    }
}
