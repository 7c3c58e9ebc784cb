//! Field rules the capability crates share: bounded text, web URLs, widget origins. Each
//! rule returns the cleaned value or the [`Error::Invalid`] a user sees, with a stable
//! code and the field at fault.

use crate::Error;
use url::Url;

/// The error codes of one text field, so each field reports its own.
pub struct TextCodes {
    /// Empty after trimming.
    pub required: &'static str,
    /// Longer than allowed.
    pub too_long: &'static str,
    /// Holds a control character.
    pub invalid: &'static str,
}

/// What a text field may hold.
pub struct TextRule {
    /// The field named in errors.
    pub field: &'static str,
    /// Whether an empty value is allowed (then `codes.required` is never used).
    pub optional: bool,
    /// Longest value, in characters.
    pub max: usize,
    /// Whether line breaks and tabs are allowed (a bio, a greeting).
    pub multiline: bool,
    /// Its codes.
    pub codes: TextCodes,
}

impl TextRule {
    /// Trims `input` and checks it. `item` names a list entry ("link 3") in messages.
    pub fn check(&self, input: &str, item: Option<&str>) -> Result<String, Error> {
        let what = item.map_or_else(
            || self.field.to_owned(),
            |i| format!("{} ({i})", self.field),
        );
        // Windows line ends count and look like one character to people.
        let value = input.trim().replace("\r\n", "\n");
        if value.is_empty() && !self.optional {
            return Err(Error::invalid(
                self.field,
                self.codes.required,
                format!("{what} is required"),
            ));
        }
        let chars = value.chars().count();
        if chars > self.max {
            return Err(Error::invalid(
                self.field,
                self.codes.too_long,
                format!(
                    "{what} must be at most {} characters (got {chars})",
                    self.max
                ),
            ));
        }
        let allowed = |c: char| self.multiline && (c == '\n' || c == '\t');
        if value.chars().any(|c| c.is_control() && !allowed(c)) {
            return Err(Error::invalid(
                self.field,
                self.codes.invalid,
                format!("{what} must not contain control characters"),
            ));
        }
        Ok(value)
    }
}

/// Longest URL accepted for a site or a link.
pub const MAX_URL_CHARS: usize = 2048;

/// The codes of one URL field.
pub struct UrlCodes {
    /// Not an absolute URL, or has credentials or control characters.
    pub invalid: &'static str,
    /// Not `http` or `https` (`javascript:`, `data:`, `ftp:`…).
    pub scheme: &'static str,
    /// Longer than [`MAX_URL_CHARS`].
    pub too_long: &'static str,
}

/// Checks an absolute `http`/`https` URL with a host and no user name or password, and
/// returns its normalised form.
pub fn web_url(
    input: &str,
    field: &'static str,
    item: Option<&str>,
    codes: &UrlCodes,
) -> Result<String, Error> {
    let what = item.map_or_else(|| field.to_owned(), |i| format!("{field} ({i})"));
    let value = input.trim();
    if value.chars().count() > MAX_URL_CHARS {
        return Err(Error::invalid(
            field,
            codes.too_long,
            format!("{what} must be at most {MAX_URL_CHARS} characters"),
        ));
    }
    // The URL parser silently drops tabs and newlines; refuse them instead.
    if value.chars().any(char::is_control) {
        return Err(Error::invalid(
            field,
            codes.invalid,
            format!("{what} must not contain control characters"),
        ));
    }
    let url = Url::parse(value).map_err(|_| {
        Error::invalid(
            field,
            codes.invalid,
            format!("{what} must be a full web address such as https://example.com"),
        )
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::invalid(
            field,
            codes.scheme,
            format!("{what} must start with http:// or https://"),
        ));
    }
    // `https://bank.example@evil.example` reads as the bank and leads elsewhere.
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::invalid(
            field,
            codes.invalid,
            format!("{what} must not contain a user name or password"),
        ));
    }
    if url.as_str().chars().count() > MAX_URL_CHARS {
        return Err(Error::invalid(
            field,
            codes.too_long,
            format!("{what} must be at most {MAX_URL_CHARS} characters"),
        ));
    }
    Ok(url.into())
}

/// Checks a web origin (`https://shop.example:8443`) the widget may be embedded on and
/// returns it as browsers send it in `Origin`: scheme and lower-case (punycode) host,
/// the port only when not the scheme's default, no trailing slash. Refuses wildcards,
/// paths, queries, fragments and credentials. Code `allowed_origins_invalid`.
pub fn origin(input: &str, item: &str) -> Result<String, Error> {
    const FIELD: &str = "allowed_origins";
    let refuse = |why: &str| {
        Error::invalid(
            FIELD,
            "allowed_origins_invalid",
            format!("allowed_origins ({item}) {why}"),
        )
    };
    let value = input.trim();
    if value.contains('*') {
        return Err(refuse(
            "must name one site: wildcards such as * are not allowed",
        ));
    }
    if value.chars().any(char::is_control) || value.chars().count() > 300 {
        return Err(refuse("is not a valid origin"));
    }
    let url =
        Url::parse(value).map_err(|_| refuse("must be an origin such as https://shop.example"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(refuse("must start with http:// or https://"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(refuse("must not contain a user name or password"));
    }
    if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
        return Err(refuse(
            "must be scheme, host and port only, without a path, query or fragment",
        ));
    }
    Ok(url.origin().ascii_serialization())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_normalised_as_browsers_send_them() {
        let ok = |s: &str| origin(s, "1").unwrap();
        assert_eq!(ok("https://Shop.Example.COM/"), "https://shop.example.com");
        assert_eq!(ok("https://shop.example:443"), "https://shop.example");
        assert_eq!(ok("http://shop.example:80/"), "http://shop.example");
        assert_eq!(ok("http://localhost:3000"), "http://localhost:3000");
        assert_eq!(ok("https://例え.jp"), "https://xn--r8jz45g.jp");
        for bad in [
            "*",
            "https://*.example.com",
            "shop.example",
            "ftp://shop.example",
            "https://shop.example/path",
            "https://shop.example/?q=1",
            "https://shop.example#top",
            "https://user:pw@shop.example",
            "null",
            "",
        ] {
            let err = origin(bad, "1").unwrap_err();
            assert_eq!(err.code(), "allowed_origins_invalid", "{bad}");
            assert_eq!(err.field(), Some("allowed_origins"), "{bad}");
        }
    }

    #[test]
    fn web_urls_must_be_absolute_http_without_credentials() {
        let codes = UrlCodes {
            invalid: "u_invalid",
            scheme: "u_scheme",
            too_long: "u_too_long",
        };
        let check = |s: &str| web_url(s, "u", None, &codes);
        assert_eq!(
            check(" https://Example.com ").unwrap(),
            "https://example.com/"
        );
        assert_eq!(check("javascript:alert(1)").unwrap_err().code(), "u_scheme");
        assert_eq!(check("data:text/html,hi").unwrap_err().code(), "u_scheme");
        assert_eq!(check("/relative").unwrap_err().code(), "u_invalid");
        assert_eq!(
            check("https://a@b.example").unwrap_err().code(),
            "u_invalid"
        );
        assert_eq!(
            check("https://exa\tmple.com").unwrap_err().code(),
            "u_invalid"
        );
        let long = format!("https://example.com/{}", "a".repeat(MAX_URL_CHARS));
        assert_eq!(check(&long).unwrap_err().code(), "u_too_long");
    }

    #[test]
    fn text_keeps_line_breaks_only_where_allowed() {
        let rule = |multiline| TextRule {
            field: "t",
            optional: true,
            max: 5,
            multiline,
            codes: TextCodes {
                required: "t_required",
                too_long: "t_too_long",
                invalid: "t_invalid",
            },
        };
        assert_eq!(rule(true).check(" a\r\nb ", None).unwrap(), "a\nb");
        assert_eq!(
            rule(false).check("a\nb", None).unwrap_err().code(),
            "t_invalid"
        );
        assert_eq!(
            rule(true).check("a\u{7}b", None).unwrap_err().code(),
            "t_invalid"
        );
        assert_eq!(
            rule(true).check("あいうえおか", None).unwrap_err().code(),
            "t_too_long"
        );
        assert_eq!(rule(true).check("  ", None).unwrap(), "");
    }
}
