//! Character sets of web pages: the HTTP header, a BOM or `<meta charset>`, as browsers do.

use encoding_rs::{Encoding, SHIFT_JIS, UTF_8};

/// Decodes an HTML or text body. The order follows browsers: a byte-order mark, then the
/// charset the server declared, then (for HTML) a `<meta charset>` in the first kilobyte,
/// then UTF-8 if the bytes are valid UTF-8, else Shift_JIS, still common on Japanese sites.
/// Undecodable bytes become U+FFFD rather than failing the page.
pub(crate) fn decode(bytes: &[u8], declared: Option<&str>, html: bool) -> String {
    let encoding = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())))
        .or_else(|| html.then(|| meta_charset(bytes)).flatten())
        .unwrap_or_else(|| {
            let valid_utf8 = std::str::from_utf8(bytes).is_ok();
            let sjis = !valid_utf8
                && SHIFT_JIS
                    .decode_without_bom_handling_and_without_replacement(bytes)
                    .is_some();
            if sjis { SHIFT_JIS } else { UTF_8 }
        });
    encoding.decode(bytes).0.into_owned()
}

fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .copied()
        .skip_while(|b| *b == b'"' || *b == b'\'')
        .take_while(|b| !matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') && !b.is_ascii_whitespace())
        .collect();
    Encoding::for_label(&label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meta_charset_decides_without_a_header() {
        let (body, _, _) = SHIFT_JIS.encode("<meta charset=\"Shift_JIS\"><p>営業時間</p>");
        assert!(decode(&body, None, true).contains("営業時間"));
        let (body, _, _) = encoding_rs::EUC_JP.encode(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=EUC-JP\"><p>営業</p>",
        );
        assert!(decode(&body, None, true).contains("営業"));
    }

    #[test]
    fn the_declared_charset_wins_over_guessing_and_utf8_is_the_default() {
        let (body, _, _) = SHIFT_JIS.encode("こんにちは");
        assert_eq!(decode(&body, Some("shift_jis"), false), "こんにちは");
        assert_eq!(decode(&body, None, false), "こんにちは");
        assert_eq!(decode("héllo".as_bytes(), None, true), "héllo");
    }
}
