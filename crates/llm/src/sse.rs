//! A server-sent events parser (the WHATWG `text/event-stream` rules) fed with the body
//! as it arrives, in pieces split anywhere: mid-line, mid-character, between a CR and
//! its LF.

use std::collections::VecDeque;

use crate::LlmError;

/// One dispatched event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SseEvent {
    /// The `event:` field, `message` when absent.
    pub event: String,
    /// The `data:` lines joined by `\n`.
    pub data: String,
}

/// The longest line accepted: a provider's event is a few kilobytes at most.
const MAX_LINE: usize = 1 << 20;

/// Incremental parser state between pieces of the body.
#[derive(Debug, Default)]
pub(crate) struct SseParser {
    line: Vec<u8>,
    after_cr: bool,
    started: bool,
    event: String,
    data: String,
    has_data: bool,
}

impl SseParser {
    /// Parses `bytes`, pushing every event completed by them onto `out`. Bytes of an
    /// unfinished line or event are kept for the next call; an event never finished by
    /// a blank line is never dispatched.
    pub(crate) fn feed(
        &mut self,
        bytes: &[u8],
        out: &mut VecDeque<SseEvent>,
    ) -> Result<(), LlmError> {
        for &b in bytes {
            match b {
                // The LF of a CRLF whose CR already ended the line.
                b'\n' if self.after_cr => self.after_cr = false,
                b'\n' | b'\r' => {
                    self.after_cr = b == b'\r';
                    let line = std::mem::take(&mut self.line);
                    self.line_done(&line, out)?;
                }
                _ => {
                    self.after_cr = false;
                    if self.line.len() >= MAX_LINE {
                        return Err(LlmError::stream("an event-stream line over 1 MiB"));
                    }
                    self.line.push(b);
                }
            }
        }
        Ok(())
    }

    fn line_done(&mut self, line: &[u8], out: &mut VecDeque<SseEvent>) -> Result<(), LlmError> {
        let mut line = std::str::from_utf8(line)
            .map_err(|_| LlmError::stream("an event-stream line is not UTF-8"))?;
        if !self.started {
            self.started = true;
            line = line.strip_prefix('\u{feff}').unwrap_or(line);
        }
        if line.is_empty() {
            if self.has_data {
                let mut data = std::mem::take(&mut self.data);
                data.pop(); // the `\n` after the last data line
                let event = std::mem::take(&mut self.event);
                out.push_back(SseEvent {
                    event: if event.is_empty() {
                        "message".to_owned()
                    } else {
                        event
                    },
                    data,
                });
            }
            self.event.clear();
            self.has_data = false;
            return Ok(());
        }
        if line.starts_with(':') {
            return Ok(()); // a comment, e.g. a keep-alive
        }
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match field {
            "event" => value.clone_into(&mut self.event),
            "data" => {
                self.data.push_str(value);
                self.data.push('\n');
                self.has_data = true;
            }
            _ => {} // `id`, `retry` and unknown fields mean nothing to a one-shot request
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_in_pieces(body: &[u8], piece: usize) -> Vec<SseEvent> {
        let mut parser = SseParser::default();
        let mut out = VecDeque::new();
        for chunk in body.chunks(piece) {
            parser.feed(chunk, &mut out).unwrap();
        }
        out.into_iter().collect()
    }

    fn event(event: &str, data: &str) -> SseEvent {
        SseEvent {
            event: event.into(),
            data: data.into(),
        }
    }

    const BODY: &str =
        "event: message_start\ndata: {\"a\":\"日本語\"}\n\n: keep-alive\n\ndata: one\ndata:two\n\n";

    #[test]
    fn events_fed_byte_by_byte_parse_like_the_whole_body() {
        let expected = vec![
            event("message_start", "{\"a\":\"日本語\"}"),
            event("message", "one\ntwo"),
        ];
        assert_eq!(parse_in_pieces(BODY.as_bytes(), BODY.len()), expected);
        assert_eq!(parse_in_pieces(BODY.as_bytes(), 1), expected);
        assert_eq!(parse_in_pieces(BODY.as_bytes(), 3), expected);
    }

    #[test]
    fn crlf_and_cr_line_ends_are_accepted_even_split_between_pieces() {
        let crlf = BODY.replace('\n', "\r\n");
        let cr = BODY.replace('\n', "\r");
        let expected = parse_in_pieces(BODY.as_bytes(), BODY.len());
        for piece in [1, 2, 5, crlf.len()] {
            assert_eq!(
                parse_in_pieces(crlf.as_bytes(), piece),
                expected,
                "CRLF, {piece}"
            );
            assert_eq!(
                parse_in_pieces(cr.as_bytes(), piece),
                expected,
                "CR, {piece}"
            );
        }
    }

    #[test]
    fn comments_and_unknown_fields_dispatch_nothing() {
        let body = ": ping\nid: 7\nretry: 100\nfoo: bar\n\n:another\n\n";
        assert!(parse_in_pieces(body.as_bytes(), 1).is_empty());
    }

    #[test]
    fn an_event_without_its_blank_line_is_not_dispatched() {
        let body = "data: complete\n\ndata: cut off\n";
        assert_eq!(
            parse_in_pieces(body.as_bytes(), 4),
            vec![event("message", "complete")]
        );
    }

    #[test]
    fn a_leading_byte_order_mark_and_a_value_without_space_are_handled() {
        let body = "\u{feff}data:x\n\ndata:  two spaces\n\n";
        assert_eq!(
            parse_in_pieces(body.as_bytes(), 1),
            vec![event("message", "x"), event("message", " two spaces")]
        );
    }

    #[test]
    fn invalid_utf8_is_a_stream_error() {
        let mut parser = SseParser::default();
        let err = parser
            .feed(b"data: \xff\xfe\n\n", &mut VecDeque::new())
            .unwrap_err();
        assert!(matches!(err, LlmError::Stream { .. }), "{err:?}");
    }
}
