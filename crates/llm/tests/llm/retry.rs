use std::time::Duration;

use mimi_llm::fake::{FakeAnthropic, FakeOpenAi, Reply};
use mimi_llm::{LlmError, stream_with_retry};

use crate::{KEY, TIMEOUT, anthropic, drain, openai, question};

const BACKOFF: Duration = Duration::from_millis(20);

#[tokio::test]
async fn a_429_529_or_500_is_retried_once_and_the_second_answer_streams() {
    for status in [429, 529, 500] {
        let fake = FakeAnthropic::start(KEY).await;
        fake.push(Reply::status(status, "try again").retry_after("0"));
        fake.push(Reply::text(["Second ", "time lucky."]));
        let model = anthropic(&fake, KEY, TIMEOUT);
        let stream = stream_with_retry(&model, &question(), BACKOFF)
            .await
            .unwrap();
        let out = drain(stream).await;
        assert!(out.error.is_none(), "{status}: {:?}", out.error);
        assert_eq!(out.text, "Second time lucky.", "{status}");
        assert_eq!(fake.requests().len(), 2, "{status}");
    }
}

#[tokio::test]
async fn an_overloaded_event_before_any_text_is_retried() {
    let fake = FakeAnthropic::start(KEY).await;
    fake.push(Reply::text(Vec::<String>::new()).error_after_text("overloaded_error", "Overloaded"));
    fake.push(Reply::text(["Fine now."]));
    let model = anthropic(&fake, KEY, TIMEOUT);
    let out = drain(
        stream_with_retry(&model, &question(), BACKOFF)
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(out.text, "Fine now.");
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn the_openai_provider_is_retried_the_same_way() {
    let fake = FakeOpenAi::start(Some(KEY)).await;
    fake.push(Reply::status(429, "slow down"));
    fake.push(Reply::text(["ok"]));
    let model = openai(&fake, Some(KEY), TIMEOUT);
    let out = drain(
        stream_with_retry(&model, &question(), BACKOFF)
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(out.text, "ok");
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn a_400_or_401_is_not_retried() {
    for status in [400, 401] {
        let fake = FakeAnthropic::start(KEY).await;
        fake.push(Reply::status(status, "no"));
        fake.push(Reply::text(["never sent"]));
        let model = anthropic(&fake, KEY, TIMEOUT);
        let Err(error) = stream_with_retry(&model, &question(), BACKOFF).await else {
            panic!("{status} succeeded")
        };
        assert!(!error.retryable(), "{error:?}");
        assert_eq!(fake.requests().len(), 1, "{status}");
    }
}

#[tokio::test]
async fn the_second_failure_is_returned() {
    let fake = FakeAnthropic::start(KEY).await;
    fake.push(Reply::status(500, "first"));
    fake.push(Reply::status(529, "second"));
    fake.push(Reply::text(["never sent"]));
    let model = anthropic(&fake, KEY, TIMEOUT);
    let Err(error) = stream_with_retry(&model, &question(), BACKOFF).await else {
        panic!("succeeded")
    };
    assert!(matches!(error, LlmError::Overloaded { .. }), "{error:?}");
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn a_retry_after_beyond_the_cap_is_not_waited_for() {
    let fake = FakeAnthropic::start(KEY).await;
    fake.push(Reply::status(429, "later").retry_after("60"));
    fake.push(Reply::text(["never sent"]));
    let model = anthropic(&fake, KEY, TIMEOUT);
    let Err(error) = stream_with_retry(&model, &question(), BACKOFF).await else {
        panic!("succeeded")
    };
    assert!(matches!(error, LlmError::RateLimited { .. }), "{error:?}");
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn a_stream_that_breaks_after_text_has_started_is_not_retried() {
    let fake = FakeAnthropic::start(KEY).await;
    fake.push(Reply::text(["We open "]).drop_after_text());
    fake.push(Reply::text(["a second answer"]));
    let model = anthropic(&fake, KEY, TIMEOUT);
    let out = drain(
        stream_with_retry(&model, &question(), BACKOFF)
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(out.text, "We open ");
    assert!(
        matches!(out.error, Some(LlmError::Stream { .. })),
        "{:?}",
        out.error
    );
    assert_eq!(fake.requests().len(), 1);
}
