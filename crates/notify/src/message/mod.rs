//! The messages Mimi sends and their rendering to subject, plain text and HTML.
//!
//! Each language writes a message once, as a [`Letter`] of plain-text blocks; the text
//! and HTML bodies are both produced from it, so the two never drift apart and every
//! interpolated value is escaped on the way into HTML.

mod en;
mod ja;

use mimi_domain::Language;

/// A transactional email, with what it needs to say. Links are full URLs built by the
/// caller (they carry single-use tokens); names are user input and may hold anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// Confirm the address given at sign-up; the link expires in 24 hours.
    VerifyEmail {
        /// The account's display name.
        name: String,
        /// The confirmation URL.
        link: String,
    },
    /// Someone tried to sign up with an address that already has an account.
    AlreadyRegistered {
        /// The account's display name.
        name: String,
        /// The sign-in page URL.
        sign_in_link: String,
        /// The URL that starts a password reset.
        reset_link: String,
    },
    /// A password reset was asked for; the link expires in one hour.
    PasswordReset {
        /// The account's display name.
        name: String,
        /// The reset URL.
        link: String,
    },
    /// The account's password was changed.
    PasswordChanged {
        /// The account's display name.
        name: String,
    },
    /// Confirm a new sign-in address; sent to the new address.
    EmailChangeVerify {
        /// The account's display name.
        name: String,
        /// The address being confirmed.
        new_email: String,
        /// The confirmation URL.
        link: String,
    },
    /// The sign-in address is being changed; sent to the old address.
    EmailChangeNotice {
        /// The account's display name.
        name: String,
        /// The address it is being changed to.
        new_email: String,
    },
    /// An invitation to join a workspace; the link expires in 7 days.
    Invite {
        /// The display name of the member who invited.
        inviter_name: String,
        /// The workspace's name.
        workspace_name: String,
        /// The URL that accepts the invitation.
        link: String,
    },
}

/// A message rendered in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// The subject line, one line of plain text.
    pub subject: String,
    /// The plain-text body.
    pub text: String,
    /// The HTML body, a complete document.
    pub html: String,
}

impl Message {
    /// Renders the message in `language`.
    pub fn render(&self, language: Language) -> Rendered {
        let letter = match language {
            Language::En => en::letter(self),
            Language::Ja => ja::letter(self),
        };
        Rendered {
            subject: one_line(&letter.subject),
            text: letter.text(),
            html: letter.html(language),
        }
    }
}

/// A message as a language writes it: paragraphs and links, no markup.
struct Letter {
    subject: String,
    greeting: Option<String>,
    blocks: Vec<Block>,
    footer: &'static str,
    signature: &'static str,
    /// What follows a link's label in the text body (`:` or `：`).
    colon: &'static str,
}

enum Block {
    Text(String),
    Link { label: &'static str, url: String },
}

impl Block {
    fn text(text: impl Into<String>) -> Block {
        Block::Text(text.into())
    }

    fn link(label: &'static str, url: &str) -> Block {
        Block::Link {
            label,
            url: one_line(url),
        }
    }
}

impl Letter {
    fn text(&self) -> String {
        let mut parts = Vec::new();
        parts.extend(self.greeting.clone());
        for block in &self.blocks {
            parts.push(match block {
                Block::Text(text) => text.clone(),
                Block::Link { label, url } => format!("{label}{}\n{url}", self.colon),
            });
        }
        parts.push(self.signature.to_owned());
        parts.push(self.footer.to_owned());
        let mut text = parts.join("\n\n");
        text.push('\n');
        text
    }

    fn html(&self, language: Language) -> String {
        let mut html = format!(
            "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n<body style=\"font-family: sans-serif; line-height: 1.6; color: #222;\">\n",
            language.as_str(),
            escape(&self.subject),
        );
        if let Some(greeting) = &self.greeting {
            html.push_str(&format!("<p>{}</p>\n", escape(greeting)));
        }
        for block in &self.blocks {
            match block {
                Block::Text(text) => html.push_str(&format!("<p>{}</p>\n", escape(text))),
                // Only web links become anchors: a caller's mistake must not turn into a
                // `javascript:` link.
                Block::Link { label, url } if is_web_url(url) => html.push_str(&format!(
                    "<p><a href=\"{url}\">{label}</a><br>\n<span style=\"font-size: 0.9em; color: #555;\">{url}</span></p>\n",
                    url = escape(url),
                    label = escape(label),
                )),
                Block::Link { label, url } => html.push_str(&format!(
                    "<p>{}{}<br>\n{}</p>\n",
                    escape(label),
                    self.colon,
                    escape(url)
                )),
            }
        }
        html.push_str(&format!("<p>{}</p>\n", escape(self.signature)));
        html.push_str(&format!(
            "<hr>\n<p style=\"font-size: 0.85em; color: #666;\">{}</p>\n</body>\n</html>\n",
            escape(self.footer)
        ));
        html
    }
}

fn is_web_url(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// Escapes text for HTML element content and double-quoted attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// User input as one line: control characters (a newline in a name could start a new
/// header or fake a paragraph) become spaces, runs of spaces collapse.
fn one_line(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        let c = if c.is_control() { ' ' } else { c };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: &str = "https://mimi.example/verify?token=abc&x=1";

    fn every_message() -> Vec<Message> {
        vec![
            Message::VerifyEmail {
                name: "Aiko".into(),
                link: LINK.into(),
            },
            Message::AlreadyRegistered {
                name: "Aiko".into(),
                sign_in_link: LINK.into(),
                reset_link: "https://mimi.example/reset".into(),
            },
            Message::PasswordReset {
                name: "Aiko".into(),
                link: LINK.into(),
            },
            Message::PasswordChanged {
                name: "Aiko".into(),
            },
            Message::EmailChangeVerify {
                name: "Aiko".into(),
                new_email: "new@example.com".into(),
                link: LINK.into(),
            },
            Message::EmailChangeNotice {
                name: "Aiko".into(),
                new_email: "new@example.com".into(),
            },
            Message::Invite {
                inviter_name: "Ben".into(),
                workspace_name: "Acme".into(),
                link: LINK.into(),
            },
        ]
    }

    fn links(message: &Message) -> Vec<&str> {
        match message {
            Message::VerifyEmail { link, .. }
            | Message::PasswordReset { link, .. }
            | Message::EmailChangeVerify { link, .. }
            | Message::Invite { link, .. } => vec![link],
            Message::AlreadyRegistered {
                sign_in_link,
                reset_link,
                ..
            } => vec![sign_in_link, reset_link],
            Message::PasswordChanged { .. } | Message::EmailChangeNotice { .. } => vec![],
        }
    }

    #[test]
    fn every_message_renders_a_subject_and_both_bodies_in_both_languages() {
        for message in every_message() {
            for language in [Language::En, Language::Ja] {
                let r = message.render(language);
                assert!(!r.subject.is_empty(), "{message:?} {language:?}");
                assert!(!r.subject.contains('\n'), "{message:?} {language:?}");
                assert!(r.text.len() > 80, "{message:?} {language:?}: {}", r.text);
                assert!(r.html.starts_with("<!doctype html>"), "{message:?}");
                assert!(
                    r.html
                        .contains(&format!("<html lang=\"{}\">", language.as_str())),
                    "{message:?}"
                );
            }
        }
    }

    #[test]
    fn every_link_appears_in_the_text_and_the_html() {
        for message in every_message() {
            for language in [Language::En, Language::Ja] {
                let r = message.render(language);
                for link in links(&message) {
                    assert!(r.text.contains(link), "{message:?} {language:?}");
                    assert!(
                        r.html.contains(&format!("href=\"{}\"", escape(link))),
                        "{message:?} {language:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_name_and_new_address_are_in_the_message() {
        let message = Message::EmailChangeNotice {
            name: "Aiko".into(),
            new_email: "new@example.com".into(),
        };
        for language in [Language::En, Language::Ja] {
            let r = message.render(language);
            assert!(r.text.contains("Aiko"), "{language:?}");
            assert!(r.text.contains("new@example.com"), "{language:?}");
        }
        let ja = message.render(Language::Ja);
        assert!(ja.text.starts_with("Aiko 様"), "{}", ja.text);
    }

    #[test]
    fn japanese_mail_is_written_in_japanese() {
        let r = Message::VerifyEmail {
            name: "山田".into(),
            link: LINK.into(),
        }
        .render(Language::Ja);
        assert!(r.subject.contains("メールアドレスの確認"), "{}", r.subject);
        assert!(r.text.contains("山田 様"), "{}", r.text);
        assert!(r.text.contains("24時間"), "{}", r.text);
    }

    #[test]
    fn names_are_escaped_in_html_and_kept_in_text() {
        let message = Message::Invite {
            inviter_name: "<script>alert('x')</script>".into(),
            workspace_name: "Tom & \"Jerry\"".into(),
            link: LINK.into(),
        };
        for language in [Language::En, Language::Ja] {
            let r = message.render(language);
            assert!(!r.html.contains("<script>"), "{}", r.html);
            assert!(
                r.html
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
                "{}",
                r.html
            );
            assert!(r.html.contains("Tom &amp; &quot;Jerry&quot;"), "{}", r.html);
            assert!(r.text.contains("<script>alert('x')</script>"), "{}", r.text);
        }
    }

    #[test]
    fn a_newline_in_a_name_cannot_break_the_subject_or_add_a_paragraph() {
        let message = Message::Invite {
            inviter_name: "Eve\r\nBcc: victim@example.com".into(),
            workspace_name: "Acme\n\nClick here".into(),
            link: LINK.into(),
        };
        for language in [Language::En, Language::Ja] {
            let r = message.render(language);
            assert!(!r.subject.contains(['\r', '\n']), "{}", r.subject);
            assert!(
                r.subject.contains("Eve Bcc: victim@example.com"),
                "{}",
                r.subject
            );
            assert!(!r.text.contains("\nBcc:"), "{}", r.text);
            assert!(!r.text.contains("\nClick here"), "{}", r.text);
        }
    }

    #[test]
    fn a_link_that_is_not_a_web_url_is_not_made_an_anchor() {
        let r = Message::PasswordReset {
            name: "A".into(),
            link: "javascript:alert(1)".into(),
        }
        .render(Language::En);
        assert!(!r.html.contains("href="), "{}", r.html);
        assert!(r.text.contains("javascript:alert(1)"));
    }

    #[test]
    fn one_line_collapses_control_characters_and_spaces() {
        assert_eq!(one_line("  a\r\n\tb  c \n"), "a b c");
        assert_eq!(one_line("山田\u{7f}太郎"), "山田 太郎");
    }
}
