//! The `cc_uid` cookie: the only cookie Mimi ever sets. It carries a session token,
//! encrypted and authenticated (AES-256-GCM through the `cookie` crate's private jar)
//! with a server-only key. Several keys may be configured: the newest seals, all open,
//! so keys rotate without signing everyone out.

use std::time::Duration;

use axum::http::{HeaderMap, HeaderValue, header};
use cookie::{Cookie, CookieJar, Key, SameSite};

/// The cookie's name.
pub const COOKIE_NAME: &str = "cc_uid";

/// Seals and opens session cookies.
pub struct SessionCookies {
    keys: Vec<Key>,
    secure: bool,
}

impl SessionCookies {
    /// Cookies under `keys` (newest first); `secure` adds the `Secure` attribute (Mimi
    /// is served over HTTPS).
    pub fn new(keys: Vec<Key>, secure: bool) -> SessionCookies {
        SessionCookies { keys, secure }
    }

    fn build(&self, value: String, max_age: cookie::time::Duration) -> Cookie<'static> {
        Cookie::build((COOKIE_NAME, value))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(self.secure)
            .max_age(max_age)
            .build()
    }

    /// A `Set-Cookie` value holding `token`, sealed with the newest key.
    pub fn seal(&self, token: &str, lifetime: Duration) -> Option<HeaderValue> {
        let key = self.keys.first()?;
        let max_age = cookie::time::Duration::seconds(i64::try_from(lifetime.as_secs()).ok()?);
        let mut jar = CookieJar::new();
        jar.private_mut(key)
            .add(self.build(token.to_owned(), max_age));
        let sealed = jar.get(COOKIE_NAME)?;
        HeaderValue::from_str(&sealed.to_string()).ok()
    }

    /// A `Set-Cookie` value that deletes the cookie.
    pub fn clear(&self) -> HeaderValue {
        let cookie = self.build(String::new(), cookie::time::Duration::ZERO);
        HeaderValue::from_str(&cookie.to_string())
            .unwrap_or_else(|_| HeaderValue::from_static("cc_uid=; Path=/; Max-Age=0"))
    }

    /// The token in the request's `cc_uid` cookie, if one opens with any key.
    pub fn open(&self, headers: &HeaderMap) -> Option<String> {
        let sealed = present(headers)?;
        self.keys.iter().find_map(|key| {
            let mut jar = CookieJar::new();
            jar.add_original(Cookie::new(COOKIE_NAME, sealed.clone()));
            jar.private(key)
                .get(COOKIE_NAME)
                .map(|c| c.value().to_owned())
        })
    }
}

/// The raw value of the `cc_uid` cookie, if the request sent one.
pub fn present(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == COOKIE_NAME)
        .map(|c| c.value().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request_with(set_cookie: &HeaderValue) -> HeaderMap {
        let pair = set_cookie
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_str(&pair).unwrap());
        headers
    }

    #[test]
    fn a_sealed_cookie_opens_hides_its_token_and_has_the_safe_attributes() {
        let cookies = SessionCookies::new(vec![Key::generate()], true);
        let set = cookies.seal("the-token", Duration::from_secs(60)).unwrap();
        let text = set.to_str().unwrap();
        assert!(text.starts_with("cc_uid="), "{text}");
        assert!(!text.contains("the-token"), "{text}");
        for attribute in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/", "Max-Age=60"] {
            assert!(text.contains(attribute), "{attribute} missing in {text}");
        }
        assert_eq!(
            cookies.open(&request_with(&set)).as_deref(),
            Some("the-token")
        );
    }

    #[test]
    fn rotated_keys_still_open_old_cookies_and_foreign_or_tampered_ones_fail() {
        let (old, new) = (Key::generate(), Key::generate());
        let before = SessionCookies::new(vec![old.clone()], false);
        let set = before.seal("t", Duration::from_secs(60)).unwrap();
        assert!(!set.to_str().unwrap().contains("Secure"));
        let after = SessionCookies::new(vec![new.clone(), old], false);
        assert_eq!(after.open(&request_with(&set)).as_deref(), Some("t"));
        let stranger = SessionCookies::new(vec![new], false);
        assert_eq!(stranger.open(&request_with(&set)), None);
        let mut tampered = request_with(&set);
        let mut value = tampered[header::COOKIE].to_str().unwrap().to_owned();
        // Flip one character of the sealed value (after `cc_uid=`).
        let at = value.len() / 2;
        let flipped = if &value[at..=at] == "A" { "B" } else { "A" };
        value.replace_range(at..=at, flipped);
        tampered.insert(header::COOKIE, HeaderValue::from_str(&value).unwrap());
        assert_eq!(after.open(&tampered), None);
    }
}
