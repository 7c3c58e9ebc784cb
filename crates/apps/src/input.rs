//! What an owner sends to create or change an app, and the rules it must meet. Input
//! types hold the request as sent; [`NewApp::check`] and [`AppPatch::apply`] turn it into
//! [`Fields`], which satisfy every rule, or into the first rule broken.

use mimi_domain::{Error, Handle, Language};
use serde::{Deserialize, Deserializer, Serialize};

use crate::chat::{ChatInput, ChatSettings};
use crate::theme::{Theme, ThemeInput};
use mimi_domain::rules::{self, TextCodes, TextRule, UrlCodes};

/// Most links an app may list.
pub const MAX_LINKS: usize = 20;
/// Most origins an app may allow the widget on.
pub const MAX_ALLOWED_ORIGINS: usize = 20;
/// Most public contact details an app may list.
pub const MAX_PUBLIC_CONTACTS: usize = 20;

/// A titled link on the app's public page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// 1–80 characters.
    pub title: String,
    /// An absolute `http`/`https` URL, at most 2048 characters.
    pub url: String,
}

/// A new app, as sent. Optional settings take their defaults.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewApp {
    /// 3–30 of `a-z 0-9 _ -`, case-insensitive, not reserved, unique across Mimi.
    pub handle: String,
    /// 1–80 characters.
    pub name: String,
    /// The owner's site; empty or absent for none.
    #[serde(default)]
    pub site_url: Option<String>,
    /// At most 1000 characters; line breaks allowed.
    #[serde(default)]
    pub bio: Option<String>,
    /// At most 20, in display order.
    #[serde(default)]
    pub links: Option<Vec<Link>>,
    /// The widget's look; missing settings take the defaults.
    #[serde(default)]
    pub theme: Option<ThemeInput>,
    /// `en` (default) or `ja`.
    #[serde(default)]
    pub language: Option<String>,
    /// Origins the widget may be embedded on, at most 20.
    #[serde(default)]
    pub allowed_origins: Option<Vec<String>>,
    /// Contact details the owner publishes, at most 20, each 1–200 characters.
    #[serde(default)]
    pub public_contacts: Option<Vec<String>>,
    /// How it answers; missing settings take the defaults (the extractive responder).
    #[serde(default)]
    pub chat: Option<ChatInput>,
    /// A domain of the owner's that points at Mimi (`help.shop.example`): visitors there
    /// reach this app without a handle in the path. Unique across Mimi.
    #[serde(default)]
    pub custom_domain: Option<String>,
}

/// Changes to an app, as sent: absent fields stay as they are. `site_url: null` clears
/// the site; `null` elsewhere means "unchanged", like absence. A given `theme` changes
/// only the settings it names.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AppPatch {
    /// New handle (the old one is free for others at once).
    #[serde(default)]
    pub handle: Option<String>,
    /// New name.
    #[serde(default)]
    pub name: Option<String>,
    /// `Some(None)` (JSON `null`, or an empty string) clears the site.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, nullable)]
    pub site_url: Option<Option<String>>,
    /// New bio.
    #[serde(default)]
    pub bio: Option<String>,
    /// Replaces the list.
    #[serde(default)]
    pub links: Option<Vec<Link>>,
    /// Changes the settings given.
    #[serde(default)]
    pub theme: Option<ThemeInput>,
    /// New language.
    #[serde(default)]
    pub language: Option<String>,
    /// Replaces the list.
    #[serde(default)]
    pub allowed_origins: Option<Vec<String>>,
    /// Replaces the list.
    #[serde(default)]
    pub public_contacts: Option<Vec<String>>,
    /// Changes the chat settings given.
    #[serde(default)]
    pub chat: Option<ChatInput>,
    /// `Some(None)` (JSON `null`, or an empty string) removes the domain.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, nullable)]
    pub custom_domain: Option<Option<String>>,
}

/// Called only when the field is present, so `null` becomes `Some(None)` while absence
/// stays `None` (through `default`).
pub(crate) fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// An app's editable settings, every rule met.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Fields {
    pub handle: String,
    pub name: String,
    pub site_url: Option<String>,
    pub bio: String,
    pub links: Vec<Link>,
    pub theme: Theme,
    pub language: Language,
    pub allowed_origins: Vec<String>,
    pub public_contacts: Vec<String>,
    pub chat: ChatSettings,
    pub custom_domain: Option<String>,
}

impl NewApp {
    /// Checks every field, in order, and returns the first rule broken.
    pub(crate) fn check(&self) -> Result<Fields, Error> {
        Ok(Fields {
            handle: Handle::parse(&self.handle)?.as_str().to_owned(),
            name: NAME.check(&self.name, None)?,
            site_url: site_url(self.site_url.as_deref())?,
            bio: BIO.check(self.bio.as_deref().unwrap_or_default(), None)?,
            links: links(self.links.as_deref().unwrap_or_default())?,
            theme: self
                .theme
                .as_ref()
                .map_or(Ok(Theme::default()), |t| t.apply(Theme::default()))?,
            language: language(self.language.as_deref().unwrap_or("en"))?,
            allowed_origins: allowed_origins(self.allowed_origins.as_deref().unwrap_or_default())?,
            public_contacts: public_contacts(self.public_contacts.as_deref().unwrap_or_default())?,
            chat: self
                .chat
                .as_ref()
                .map_or(Ok(ChatSettings::default()), |c| {
                    c.apply(ChatSettings::default())
                })?,
            custom_domain: custom_domain(self.custom_domain.as_deref())?,
        })
    }
}

impl AppPatch {
    /// Checks the given fields and lays them over `current`.
    pub(crate) fn apply(&self, current: Fields) -> Result<Fields, Error> {
        let mut f = current;
        if let Some(handle) = &self.handle {
            f.handle = Handle::parse(handle)?.as_str().to_owned();
        }
        if let Some(name) = &self.name {
            f.name = NAME.check(name, None)?;
        }
        if let Some(site) = &self.site_url {
            f.site_url = site_url(site.as_deref())?;
        }
        if let Some(bio) = &self.bio {
            f.bio = BIO.check(bio, None)?;
        }
        if let Some(list) = &self.links {
            f.links = links(list)?;
        }
        if let Some(theme) = &self.theme {
            f.theme = theme.apply(f.theme)?;
        }
        if let Some(tag) = &self.language {
            f.language = language(tag)?;
        }
        if let Some(list) = &self.allowed_origins {
            f.allowed_origins = allowed_origins(list)?;
        }
        if let Some(list) = &self.public_contacts {
            f.public_contacts = public_contacts(list)?;
        }
        if let Some(chat) = &self.chat {
            f.chat = chat.apply(f.chat)?;
        }
        if let Some(domain) = &self.custom_domain {
            f.custom_domain = custom_domain(domain.as_deref())?;
        }
        Ok(f)
    }
}

const NAME: TextRule = TextRule {
    field: "name",
    optional: false,
    max: 80,
    multiline: false,
    codes: TextCodes {
        required: "name_required",
        too_long: "name_too_long",
        invalid: "name_invalid",
    },
};

const BIO: TextRule = TextRule {
    field: "bio",
    optional: true,
    max: 1000,
    multiline: true,
    codes: TextCodes {
        required: "bio_required",
        too_long: "bio_too_long",
        invalid: "bio_invalid",
    },
};

const LINK_TITLE: TextRule = TextRule {
    field: "links",
    optional: false,
    max: 80,
    multiline: false,
    codes: TextCodes {
        required: "links_title_required",
        too_long: "links_title_too_long",
        invalid: "links_title_invalid",
    },
};

const CONTACT: TextRule = TextRule {
    field: "public_contacts",
    optional: false,
    max: 200,
    multiline: false,
    codes: TextCodes {
        required: "public_contacts_required",
        too_long: "public_contacts_too_long",
        invalid: "public_contacts_invalid",
    },
};

fn site_url(input: Option<&str>) -> Result<Option<String>, Error> {
    // A cleared form field arrives as "": no site.
    match input.map(str::trim) {
        None | Some("") => Ok(None),
        Some(url) => rules::web_url(
            url,
            "site_url",
            None,
            &UrlCodes {
                invalid: "site_url_invalid",
                scheme: "site_url_scheme_unsupported",
                too_long: "site_url_too_long",
            },
        )
        .map(Some),
    }
}

/// A bare domain name (no scheme, port or path), lower-case, with at least one dot;
/// internationalised names are kept in their ASCII (punycode) form.
fn custom_domain(input: Option<&str>) -> Result<Option<String>, Error> {
    let value = input
        .map(str::trim)
        .unwrap_or_default()
        .trim_end_matches('.');
    if value.is_empty() {
        return Ok(None);
    }
    let invalid = || {
        Error::invalid(
            "custom_domain",
            "custom_domain_invalid",
            "custom_domain must be a domain name such as help.shop.example, without https:// or a path",
        )
    };
    if value.len() > 253 || value.contains(['/', ':', '@', '*', ' ']) {
        return Err(invalid());
    }
    match url::Host::parse(value) {
        Ok(url::Host::Domain(domain)) if domain.contains('.') && !domain.starts_with('.') => {
            Ok(Some(domain.to_ascii_lowercase()))
        }
        _ => Err(invalid()),
    }
}

fn too_many(field: &'static str, code: &'static str, max: usize, got: usize) -> Error {
    Error::invalid(
        field,
        code,
        format!("{field} may hold at most {max} entries (got {got})"),
    )
}

fn links(list: &[Link]) -> Result<Vec<Link>, Error> {
    if list.len() > MAX_LINKS {
        return Err(too_many("links", "links_too_many", MAX_LINKS, list.len()));
    }
    let codes = UrlCodes {
        invalid: "links_url_invalid",
        scheme: "links_url_scheme_unsupported",
        too_long: "links_url_too_long",
    };
    list.iter()
        .enumerate()
        .map(|(i, link)| {
            let item = format!("link {}", i + 1);
            Ok(Link {
                title: LINK_TITLE.check(&link.title, Some(&item))?,
                url: rules::web_url(&link.url, "links", Some(&item), &codes)?,
            })
        })
        .collect()
}

fn language(tag: &str) -> Result<Language, Error> {
    Language::from_tag(tag.trim()).ok_or_else(|| {
        Error::invalid(
            "language",
            "language_unsupported",
            "language must be en or ja",
        )
    })
}

fn allowed_origins(list: &[String]) -> Result<Vec<String>, Error> {
    if list.len() > MAX_ALLOWED_ORIGINS {
        return Err(too_many(
            "allowed_origins",
            "allowed_origins_too_many",
            MAX_ALLOWED_ORIGINS,
            list.len(),
        ));
    }
    let mut origins: Vec<String> = Vec::with_capacity(list.len());
    for (i, input) in list.iter().enumerate() {
        let origin = rules::origin(input, &format!("origin {}", i + 1))?;
        // `https://a.example` and `https://A.example:443/` are one origin: keep the first.
        if !origins.contains(&origin) {
            origins.push(origin);
        }
    }
    Ok(origins)
}

fn public_contacts(list: &[String]) -> Result<Vec<String>, Error> {
    if list.len() > MAX_PUBLIC_CONTACTS {
        return Err(too_many(
            "public_contacts",
            "public_contacts_too_many",
            MAX_PUBLIC_CONTACTS,
            list.len(),
        ));
    }
    list.iter()
        .enumerate()
        .map(|(i, c)| CONTACT.check(c, Some(&format!("contact {}", i + 1))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_custom_domain_is_a_bare_lower_case_domain() {
        assert_eq!(
            custom_domain(Some(" Help.Shop.Example. ")).unwrap(),
            Some("help.shop.example".into())
        );
        assert_eq!(
            custom_domain(Some("ヘルプ.example")).unwrap(),
            Some("xn--udkb1d.example".into())
        );
        assert_eq!(custom_domain(Some("")).unwrap(), None);
        for bad in [
            "https://shop.example",
            "shop.example/help",
            "shop.example:8080",
            "localhost",
            "127.0.0.1",
            "*.shop.example",
            "a b.example",
        ] {
            assert_eq!(
                custom_domain(Some(bad)).unwrap_err().code(),
                "custom_domain_invalid",
                "{bad}"
            );
        }
    }

    #[test]
    fn a_patch_tells_a_null_site_from_an_absent_one() {
        let absent: AppPatch = serde_json::from_str(r#"{"name":"x"}"#).unwrap();
        assert_eq!(absent.site_url, None);
        let null: AppPatch = serde_json::from_str(r#"{"site_url":null}"#).unwrap();
        assert_eq!(null.site_url, Some(None));
        let set: AppPatch = serde_json::from_str(r#"{"site_url":"https://a.example"}"#).unwrap();
        assert_eq!(set.site_url, Some(Some("https://a.example".into())));
    }

    #[test]
    fn unknown_fields_are_refused_at_every_level() {
        assert!(serde_json::from_str::<NewApp>(r#"{"handle":"abc","name":"A","x":1}"#).is_err());
        assert!(serde_json::from_str::<AppPatch>(r#"{"theme":{"font":"serif"}}"#).is_err());
        assert!(
            serde_json::from_str::<AppPatch>(
                r#"{"links":[{"title":"a","url":"https://a.example","rel":"me"}]}"#
            )
            .is_err()
        );
        let app: NewApp = serde_json::from_str(r#"{"handle":"abc","name":"A"}"#).unwrap();
        let fields = app.check().unwrap();
        assert_eq!(fields.language, Language::En);
        assert_eq!(fields.theme, Theme::default());
    }

    #[test]
    fn duplicate_origins_collapse_to_the_first() {
        let list = [
            "https://A.example/",
            "https://a.example:443",
            "http://a.example",
        ]
        .map(String::from);
        assert_eq!(
            allowed_origins(&list).unwrap(),
            ["https://a.example", "http://a.example"]
        );
    }
}
