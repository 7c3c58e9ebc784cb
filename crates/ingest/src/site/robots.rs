//! robots.txt rules per origin, as RFC 9309 reads them.

use texting_robots::Robot;

/// The rules of one origin for `MimiBot`.
pub(crate) enum Rules {
    /// No robots.txt (4xx): everything may be fetched.
    AllowAll,
    /// robots.txt could not be fetched (5xx, network error): nothing may be fetched, since the
    /// site may be saying "not now" and RFC 9309 asks crawlers to assume complete disallow.
    DisallowAll,
    /// Parsed rules.
    Parsed(Box<Robot>),
}

impl Rules {
    /// Rules from a robots.txt body; text that cannot be parsed restricts nothing, as
    /// crawlers treat unparseable lines.
    pub(crate) fn parse(agent: &str, body: &[u8]) -> Rules {
        match Robot::new(agent, body) {
            Ok(robot) => Rules::Parsed(Box::new(robot)),
            Err(e) => {
                tracing::warn!(error = %e, "unparseable robots.txt, treated as empty");
                Rules::AllowAll
            }
        }
    }

    pub(crate) fn allows(&self, url: &url::Url) -> bool {
        match self {
            Rules::AllowAll => true,
            Rules::DisallowAll => false,
            Rules::Parsed(robot) => robot.allowed(url.as_str()),
        }
    }
}

impl std::fmt::Debug for Rules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Rules::AllowAll => "AllowAll",
            Rules::DisallowAll => "DisallowAll",
            Rules::Parsed(_) => "Parsed",
        })
    }
}

/// The robots.txt address of a URL's origin.
pub(crate) fn robots_url(url: &url::Url) -> url::Url {
    let mut robots = url.clone();
    robots.set_path("/robots.txt");
    robots.set_query(None);
    robots.set_fragment(None);
    robots
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> url::Url {
        url::Url::parse(s).unwrap()
    }

    #[test]
    fn rules_for_mimibot_override_the_wildcard_group() {
        let rules = Rules::parse("MimiBot", b"User-agent: *\nDisallow: /\n\nUser-agent: MimiBot\nDisallow: /private\nAllow: /private/faq\n");
        assert!(rules.allows(&url("https://a.test/about")));
        assert!(!rules.allows(&url("https://a.test/private/x")));
        assert!(rules.allows(&url("https://a.test/private/faq")));
    }

    #[test]
    fn the_wildcard_group_applies_to_mimibot_and_wildcards_match() {
        let rules = Rules::parse(
            "MimiBot",
            b"User-agent: *\nDisallow: /*.pdf$\nDisallow: /tmp/\n",
        );
        assert!(!rules.allows(&url("https://a.test/files/a.pdf")));
        assert!(rules.allows(&url("https://a.test/files/a.pdf?x=1")));
        assert!(!rules.allows(&url("https://a.test/tmp/x")));
        assert!(rules.allows(&url("https://a.test/")));
    }

    #[test]
    fn the_robots_address_is_at_the_root_of_the_origin() {
        assert_eq!(
            robots_url(&url("http://a.test:8080/x/y?q#f")).as_str(),
            "http://a.test:8080/robots.txt"
        );
    }
}
