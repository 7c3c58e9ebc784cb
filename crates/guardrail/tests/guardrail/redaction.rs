//! Placeholders, span offsets and the owner's allowlist.

use mimi_guardrail::{Guardrail, GuardrailConfig, GuardrailError, Label, Language, Placeholders};

use crate::guardrail;

#[test]
fn spans_carry_byte_offsets_into_the_original_and_the_placeholder() {
    let text = "電話は０３－１２３４－５６７８です";
    let r = guardrail().redact(text);
    assert_eq!(r.text, "電話は[PHONE]です");
    let s = &r.spans[0];
    assert_eq!(
        (&text[s.start..s.end], s.label, s.placeholder.as_str()),
        ("０３－１２３４－５６７８", Label::Phone, "[PHONE]")
    );
}

#[test]
fn japanese_and_custom_placeholders_are_used() {
    let ja = Guardrail::new(GuardrailConfig::for_language(Language::Ja)).unwrap();
    assert_eq!(
        ja.redact("田中様、03-1234-5678まで").text,
        "[氏名]様、[電話番号]まで"
    );
    let mut custom = GuardrailConfig::default();
    custom.placeholders.email = "<email>".to_owned();
    let g = Guardrail::new(custom).unwrap();
    assert_eq!(g.redact("mail a@b.co now").text, "mail <email> now");
}

#[test]
fn allowlisted_values_pass_through_after_normalisation() {
    let config = GuardrailConfig {
        allowlist: vec![
            "+81 3-1234-5678".to_owned(),
            "Info@Shop.example.com".to_owned(),
        ],
        placeholders: Placeholders::default(),
    };
    let g = Guardrail::new(config).unwrap();
    let text = "Call ０３－１２３４－５６７８ or 03-9999-0000, mail info@shop.example.com.";
    assert_eq!(
        g.redact(text).text,
        "Call ０３－１２３４－５６７８ or [PHONE], mail info@shop.example.com."
    );
}

#[test]
fn an_empty_placeholder_or_allowlist_entry_is_refused() {
    let mut config = GuardrailConfig::default();
    config.placeholders.person.clear();
    assert!(matches!(
        Guardrail::new(config),
        Err(GuardrailError::EmptyPlaceholder { label: "PERSON" })
    ));
    let config = GuardrailConfig {
        allowlist: vec!["  ".to_owned()],
        ..GuardrailConfig::default()
    };
    assert!(matches!(
        Guardrail::new(config),
        Err(GuardrailError::EmptyAllowlistEntry { index: 0 })
    ));
}

#[test]
fn the_guardrail_is_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Guardrail>();
    assert_send_sync::<mimi_guardrail::StreamRedactor>();
}
