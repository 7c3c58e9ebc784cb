use mimi_llm::{
    ChatModel, ChatRequest, Event, Extractive, MAX_ANSWER_CHARS, Message, NO_ANSWER_EN,
    NO_ANSWER_JA, SourcePassage, StopReason,
};

use crate::run;

fn passage(id: &str, content: &str) -> SourcePassage {
    SourcePassage {
        id: id.into(),
        title: "Visiting us".into(),
        content: content.into(),
    }
}

fn ask(question: &str, passages: Vec<SourcePassage>) -> ChatRequest {
    ChatRequest {
        messages: vec![
            Message::user("Hello"),
            Message::assistant("Hi! How can I help?"),
            Message::user(question),
        ],
        max_tokens: 300,
        passages,
        ..ChatRequest::default()
    }
}

const ENGLISH: &str = "Our bakery is in the old town. We bake sourdough every morning. \
Parking is free behind the shop for two hours. Dogs are welcome on the terrace.";

const JAPANESE: &str = "当店は旧市街にあります。毎朝サワードウを焼いています。\
駐車場は店の裏にあり、二時間まで無料です。テラス席ではペット同伴が可能です。";

#[tokio::test]
async fn an_english_question_gets_the_matching_sentence_of_the_best_passage_and_its_id() {
    let req = ask(
        "Where can I park my car? Is parking free?",
        vec![
            passage("best", ENGLISH),
            passage("second", "Parking costs 5 euros."),
        ],
    );
    let out = run(&Extractive, &req).await.unwrap();
    assert_eq!(
        out.events[0],
        Event::Cite {
            passage_id: "best".into()
        }
    );
    assert_eq!(out.text, "Parking is free behind the shop for two hours.");
    assert!(matches!(
        out.events.last(),
        Some(Event::Done {
            stop: StopReason::EndTurn,
            ..
        })
    ));
    assert_eq!(Extractive.name(), "extractive");
}

#[tokio::test]
async fn a_japanese_question_gets_the_matching_japanese_sentence() {
    let req = ask("駐車場はありますか？", vec![passage("ja", JAPANESE)]);
    let out = run(&Extractive, &req).await.unwrap();
    assert_eq!(
        out.events[0],
        Event::Cite {
            passage_id: "ja".into()
        }
    );
    assert_eq!(out.text, "駐車場は店の裏にあり、二時間まで無料です。");
}

#[tokio::test]
async fn a_long_passage_is_trimmed_to_whole_sentences_of_the_passage() {
    let filler: String = (0..60)
        .map(|i| format!("Sourdough loaf number {i} needs parking rules and flour. "))
        .collect();
    let req = ask(
        "What are the parking rules?",
        vec![passage("long", &filler)],
    );
    let out = run(&Extractive, &req).await.unwrap();
    assert!(
        out.text.chars().count() <= MAX_ANSWER_CHARS,
        "{}",
        out.text.len()
    );
    assert!(out.text.len() > 300, "only {} chars quoted", out.text.len());
    let deltas: Vec<&Event> = out
        .events
        .iter()
        .filter(|e| matches!(e, Event::TextDelta(_)))
        .collect();
    assert!(deltas.len() > 1, "streamed as several deltas");
    for delta in deltas {
        let Event::TextDelta(text) = delta else {
            unreachable!()
        };
        assert!(filler.contains(text.trim()), "invented: {text:?}");
    }
}

#[tokio::test]
async fn a_question_sharing_no_words_gets_the_passages_opening() {
    let req = ask("xyzzy?", vec![passage("p", ENGLISH)]);
    let out = run(&Extractive, &req).await.unwrap();
    assert!(
        out.text.starts_with("Our bakery is in the old town."),
        "{}",
        out.text
    );
}

#[tokio::test]
async fn without_passages_an_english_question_gets_the_english_no_answer() {
    let out = run(&Extractive, &ask("Do you sell gift cards?", vec![]))
        .await
        .unwrap();
    assert_eq!(out.text, NO_ANSWER_EN);
    assert!(!out.events.iter().any(|e| matches!(e, Event::Cite { .. })));
}

#[tokio::test]
async fn without_passages_a_japanese_question_gets_the_japanese_no_answer() {
    let out = run(&Extractive, &ask("ギフトカードはありますか", vec![]))
        .await
        .unwrap();
    assert_eq!(out.text, NO_ANSWER_JA);
    let out = run(&Extractive, &ask("営業日", vec![])).await.unwrap();
    assert_eq!(out.text, NO_ANSWER_JA, "kanji alone count as Japanese");
}
