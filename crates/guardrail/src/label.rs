//! The kinds of personal data the guardrail finds.

use std::fmt;

/// The kind of personal data a span holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// A person's name (English, Japanese kanji/kana, or romanised Japanese).
    Person,
    /// An email address, including full-width forms.
    Email,
    /// A telephone number (North American, UK, international, Japanese).
    Phone,
    /// A street or Japanese block address, without its postal code.
    Address,
    /// A US ZIP code, UK postcode or Japanese postal code.
    PostalCode,
}

impl Label {
    /// Every label, in a stable order.
    pub const ALL: [Label; 5] = [
        Label::Person,
        Label::Email,
        Label::Phone,
        Label::Address,
        Label::PostalCode,
    ];

    /// The upper-case name used in reports and the evaluation format.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Email => "EMAIL",
            Label::Phone => "PHONE",
            Label::Address => "ADDRESS",
            Label::PostalCode => "POSTAL_CODE",
        }
    }

    /// Parses the name produced by [`Label::as_str`].
    pub fn parse(name: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == name)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
