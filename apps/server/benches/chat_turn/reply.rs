//! The bench's stand-ins: a chat model that answers at once, and an embedder that
//! remembers the vectors of questions it has already embedded.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use futures_util::future::BoxFuture;
use mimi_embed::{EmbedFuture, Embedder};
use mimi_llm::{ChatModel, ChatRequest, Event, EventStream, LlmError, StopReason, Usage};

/// What the fake model answers, whatever it is asked: about 60 words, streamed a word at
/// a time as a language model streams tokens. No personal data, so the guardrail lets
/// every word through.
pub const REPLY: &str = "We are open from eight in the morning until six in the evening, \
    Tuesday to Sunday, and closed on Mondays. Every drink can be made with oat or soy \
    milk, and there is a vegan banana bread baked fresh each day. Dogs are welcome on the \
    terrace; inside, only assistance dogs may come in. Is there anything else you would \
    like to know?";

/// A zero-latency model offered to apps as their `openai` provider: the whole reply is
/// ready the moment the stream is asked for, so a turn's time is the pipeline's own.
#[derive(Debug, Default)]
pub struct ZeroLatency;

impl ChatModel for ZeroLatency {
    fn name(&self) -> &str {
        "openai:bench-zero-latency"
    }

    fn stream<'a>(&'a self, req: &'a ChatRequest) -> BoxFuture<'a, Result<EventStream, LlmError>> {
        let mut events: Vec<Result<Event, LlmError>> = Vec::new();
        let mut words = 0_u32;
        for (i, word) in REPLY.split(' ').enumerate() {
            let delta = if i == 0 {
                word.to_owned()
            } else {
                format!(" {word}")
            };
            events.push(Ok(Event::TextDelta(delta)));
            words += 1;
        }
        // A rough token count, so the stored reply carries usage like a real one.
        let prompt_chars =
            req.system.len() + req.messages.iter().map(|m| m.text().len()).sum::<usize>();
        events.push(Ok(Event::Done {
            stop: StopReason::EndTurn,
            usage: Usage {
                input_tokens: u32::try_from(prompt_chars / 4).unwrap_or(u32::MAX),
                output_tokens: words,
            },
        }));
        Box::pin(async move {
            let stream: EventStream = Box::pin(futures_util::stream::iter(events));
            Ok(stream)
        })
    }
}

/// The real embedder, with every text's vector kept after its first embedding: the
/// bench asks a few questions over and over, so after the warm-up a turn embeds nothing.
/// This shows the rest of the pipeline apart from the model's CPU time.
#[derive(Debug)]
pub struct Memoised {
    inner: Arc<dyn Embedder>,
    known: Mutex<HashMap<String, Vec<f32>>>,
}

impl Memoised {
    pub fn new(inner: Arc<dyn Embedder>) -> Memoised {
        Memoised {
            inner,
            known: Mutex::default(),
        }
    }

    fn lookup(&self, texts: &[String]) -> Option<Vec<Vec<f32>>> {
        let known = self.known.lock().unwrap();
        texts.iter().map(|t| known.get(t).cloned()).collect()
    }
}

impl Embedder for Memoised {
    fn model(&self) -> &str {
        self.inner.model()
    }

    fn dimensions(&self) -> usize {
        self.inner.dimensions()
    }

    fn max_tokens(&self) -> usize {
        self.inner.max_tokens()
    }

    fn embed<'a>(&'a self, texts: &'a [String]) -> EmbedFuture<'a> {
        Box::pin(async move {
            if let Some(vectors) = self.lookup(texts) {
                return Ok(vectors);
            }
            let vectors = self.inner.embed(texts).await?;
            let mut known = self.known.lock().unwrap();
            for (text, vector) in texts.iter().zip(&vectors) {
                known.insert(text.clone(), vector.clone());
            }
            Ok(vectors)
        })
    }
}
