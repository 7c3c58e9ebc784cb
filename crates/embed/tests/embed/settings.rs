use mimi_embed::{Error, Provider, Settings, from_settings};

use crate::shared_cache;

fn parse(toml_text: &str) -> Result<Settings, toml::de::Error> {
    toml::from_str(toml_text)
}

#[test]
fn an_empty_section_means_the_local_model() {
    let settings = parse("").unwrap();
    assert_eq!(settings.provider, Provider::Local);
    settings.validate().unwrap();
    let embedder = from_settings(&settings, &shared_cache()).unwrap();
    assert_eq!(embedder.model(), "local:all-MiniLM-L6-v2");
    assert_eq!(embedder.dimensions(), 384);
}

#[test]
fn an_unknown_key_is_refused() {
    let err = parse("provider = \"local\"\nmodle = \"x\"").unwrap_err();
    assert!(err.to_string().contains("modle"), "{err}");
}

#[test]
fn an_openai_section_builds_a_remote_embedder_without_calling_it() {
    let settings = parse(
        r#"
        provider = "openai"
        base_url = "http://127.0.0.1:9/v1"
        model = "bge-m3"
        api_key = "sk-abc"
        dimensions = 1024
        max_tokens = 8000
        batch_size = 16
        timeout_secs = 5
        "#,
    )
    .unwrap();
    assert!(!format!("{settings:?}").contains("sk-abc"));
    let embedder = from_settings(&settings, &shared_cache()).unwrap();
    assert_eq!(embedder.model(), "openai:127.0.0.1:9/bge-m3");
    assert_eq!(embedder.dimensions(), 1024);
    assert_eq!(embedder.max_tokens(), 8000);
}

#[test]
fn inconsistent_settings_name_the_field_at_fault() {
    let cases = [
        ("provider = \"openai\"", "model"),
        ("provider = \"local\"\nmodel = \"bge-m3\"", "model"),
        ("base_url = \"http://localhost:11434/v1\"", "base_url"),
        ("api_key = \"sk\"", "api_key"),
        ("dimensions = 768", "dimensions"),
        ("max_tokens = 512", "max_tokens"),
        ("batch_size = 0", "batch_size"),
        (
            "provider = \"openai\"\nmodel = \"m\"\nbase_url = \"ftp://x\"",
            "base_url",
        ),
    ];
    for (text, expected) in cases {
        let err = parse(text).unwrap().validate().unwrap_err();
        assert!(
            matches!(err, Error::Config { field, .. } if field == expected),
            "{text:?}: {err}"
        );
    }
}
