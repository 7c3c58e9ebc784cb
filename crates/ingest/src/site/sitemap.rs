//! Sitemap documents: `<urlset>`, `<sitemapindex>`, plain-text lists, gzip-compressed or not.

use std::io::Read;

/// What one sitemap document lists.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Listing {
    /// Page addresses (`<urlset>` or a plain-text sitemap).
    Pages(Vec<String>),
    /// Further sitemaps (`<sitemapindex>`).
    Sitemaps(Vec<String>),
}

/// Reads a sitemap body, inflating it first when it is gzip (`sitemap.xml.gz`), to at most
/// `limit` bytes.
pub(crate) fn parse(body: &[u8], limit: usize) -> Result<Listing, String> {
    let inflated;
    let body = if body.starts_with(b"\x1f\x8b") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(body)
            .take(limit as u64 + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("its gzip compression is broken: {e}"))?;
        if out.len() > limit {
            return Err(format!("it expands to more than {} MB", limit / 1_000_000));
        }
        inflated = out;
        &inflated[..]
    } else {
        body
    };
    let text = std::str::from_utf8(body.strip_prefix(b"\xef\xbb\xbf").unwrap_or(body))
        .map_err(|_| "it is not UTF-8 text".to_string())?;
    if !text.trim_start().starts_with('<') {
        let urls = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        return Ok(Listing::Pages(urls));
    }
    // roxmltree refuses DTDs by default, so no entity expansion can blow up.
    let xml =
        roxmltree::Document::parse(text).map_err(|e| format!("it is not well-formed XML: {e}"))?;
    let root = xml.root_element();
    let (entry, wrap): (&str, fn(Vec<String>) -> Listing) = match root.tag_name().name() {
        "urlset" => ("url", Listing::Pages),
        "sitemapindex" => ("sitemap", Listing::Sitemaps),
        other => {
            return Err(format!(
                "its root element is <{other}>, not <urlset> or <sitemapindex>"
            ));
        }
    };
    let locations = root
        .children()
        .filter(|n| n.tag_name().name() == entry)
        .filter_map(|n| n.children().find(|c| c.tag_name().name() == "loc"))
        .filter_map(|loc| loc.text())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    Ok(wrap(locations))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_urlset_lists_pages_and_an_index_lists_sitemaps() {
        let urlset = br#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc> https://a.test/ </loc><lastmod>2025-01-01</lastmod></url><url><loc>https://a.test/faq?x=1&amp;y=2</loc></url></urlset>"#;
        assert_eq!(
            parse(urlset, 1 << 20).unwrap(),
            Listing::Pages(vec![
                "https://a.test/".into(),
                "https://a.test/faq?x=1&y=2".into()
            ])
        );
        let index = br#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://a.test/s1.xml</loc></sitemap></sitemapindex>"#;
        assert_eq!(
            parse(index, 1 << 20).unwrap(),
            Listing::Sitemaps(vec!["https://a.test/s1.xml".into()])
        );
    }

    #[test]
    fn gzip_and_plain_text_sitemaps_are_read() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"https://a.test/one\n\nhttps://a.test/two\n")
            .unwrap();
        let body = gz.finish().unwrap();
        assert_eq!(
            parse(&body, 1 << 20).unwrap(),
            Listing::Pages(vec![
                "https://a.test/one".into(),
                "https://a.test/two".into()
            ])
        );
    }

    #[test]
    fn a_gzip_bomb_and_entity_tricks_are_refused() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&vec![b' '; 4 << 20]).unwrap();
        assert!(
            parse(&gz.finish().unwrap(), 1 << 20)
                .unwrap_err()
                .contains("expands")
        );
        let laughs = br#"<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><urlset><url><loc>&b;</loc></url></urlset>"#;
        assert!(parse(laughs, 1 << 20).is_err());
        assert!(
            parse(b"<html><body>not a sitemap</body></html>", 1 << 20)
                .unwrap_err()
                .contains("<html>")
        );
    }
}
