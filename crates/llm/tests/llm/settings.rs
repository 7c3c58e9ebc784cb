use mimi_llm::{LlmError, Provider, Settings, from_settings};

fn parse(toml_text: &str) -> Result<Settings, toml::de::Error> {
    toml::from_str(toml_text)
}

#[test]
fn no_settings_answer_extractively() {
    let settings = parse("").unwrap();
    assert_eq!(settings.provider, Provider::Extractive);
    assert_eq!(from_settings(&settings).unwrap().name(), "extractive");
}

#[test]
fn an_anthropic_section_builds_the_anthropic_model_and_hides_its_key() {
    let settings = parse(
        r#"
        provider = "anthropic"
        model = "claude-sonnet-4-5"
        api_key = "sk-ant-secret"
        timeout_secs = 20
        "#,
    )
    .unwrap();
    assert_eq!(
        from_settings(&settings).unwrap().name(),
        "anthropic:claude-sonnet-4-5"
    );
    let model = from_settings(&settings).unwrap();
    for shown in [
        format!("{settings:?}"),
        toml::to_string(&settings).unwrap(),
        format!("{model:?}"),
    ] {
        assert!(!shown.contains("sk-ant-secret"), "{shown}");
    }
    assert!(toml::to_string(&settings).unwrap().contains("[redacted]"));
}

#[test]
fn an_openai_section_needs_no_key_for_a_local_server() {
    let settings = parse(
        r#"
        provider = "openai"
        base_url = "http://localhost:11434/v1/"
        model = "llama3.2"
        "#,
    )
    .unwrap();
    assert_eq!(
        from_settings(&settings).unwrap().name(),
        "openai:localhost:11434/llama3.2"
    );
    let official = parse("provider = \"openai\"\nmodel = \"gpt-4o-mini\"").unwrap();
    assert_eq!(
        from_settings(&official).unwrap().name(),
        "openai:gpt-4o-mini"
    );
}

#[test]
fn unknown_keys_are_refused() {
    let err = parse("provider = \"openai\"\nmodle = \"x\"").unwrap_err();
    assert!(err.to_string().contains("modle"), "{err}");
}

#[test]
fn inconsistent_settings_name_the_field_to_fix() {
    let cases = [
        ("provider = \"anthropic\"\nmodel = \"claude\"", "api_key"),
        ("provider = \"anthropic\"\napi_key = \"k\"", "model"),
        (
            "provider = \"openai\"\nmodel = \"m\"\nbase_url = \"localhost:11434\"",
            "base_url",
        ),
        (
            "provider = \"openai\"\nmodel = \"m\"\ntimeout_secs = 0",
            "timeout_secs",
        ),
        ("model = \"claude\"", "model"),
        ("api_key = \"k\"", "api_key"),
    ];
    for (text, field) in cases {
        let settings = parse(text).unwrap();
        match from_settings(&settings) {
            Err(LlmError::Config { field: f, .. }) => assert_eq!(f, field, "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
}
