//! The streaming invariant: any chunking of any input gives the batch output.

use mimi_guardrail::{Guardrail, MAX_HOLD_BACK, Redaction};
use proptest::prelude::*;

use crate::guardrail;

const FRAGMENTS: &[&str] = &[
    "Please contact ",
    "Sarah Chen",
    " at ",
    "sarah.chen@example.com",
    " or call ",
    "(415) 555-0132",
    "+44 20 7946 0958",
    ". ",
    "Dr. ",
    "Emily Watson",
    " lives at ",
    "742 Evergreen Terrace, Springfield, IL 62704",
    "10 Downing Street, London SW1A 2AA",
    "Order 555-123-4567",
    " the ",
    "Will ",
    "May ",
    "Hope ",
    "ask for Maria",
    "\n",
    "担当の",
    "田中",
    "様",
    "さん",
    "までお電話ください。",
    "電話番号は",
    "090-1234-5678",
    "です。",
    "〒150-0002 ",
    "東京都渋谷区渋谷2-21-1 渋谷ヒカリエ11階",
    "メールは",
    "taro@example.co.jp",
    "ｉｎｆｏ＠ｓｈｏｐ．ｊｐ",
    "０３－１２３４－５６７８",
    "山田 太郎",
    "鈴木商店",
    "、",
    "ございます",
    "Kenji Watanabe",
    "2024-05-01",
    "v2.3.1",
    "git@github.com:a/b.git",
    "  ",
    "x",
    "@",
    "-",
    "1",
    // Markdown: emphasis, and tables whose columns hold people.
    "**",
    "*",
    "| Name | Host |\n|---|---|\n",
    "| ",
    " |\n",
    " | ",
    "Beatriz",
    "木村",
    // Half-width katakana, folded with its voiced marks joined: a mark may arrive in
    // the next chunk, or stand at a window's edge.
    "名義：ｽｽﾞｷ ﾊﾅｺ",
    "ﾊﾟｰｸｻｲﾄﾞ201",
    "ﾞ",
    "ﾟ",
    "ｰ",
    "ﾀﾞ",
];

/// Runs the stream over `text` cut after each size in `cuts` (rounded up to a
/// character boundary), checking the hold-back bound after every push.
fn streamed(g: &Guardrail, text: &str, cuts: &[usize]) -> Redaction {
    let mut stream = g.stream();
    let mut out = String::new();
    let mut rest = text;
    let mut sizes = cuts.iter().cycle();
    while !rest.is_empty() {
        let mut cut = sizes.next().copied().unwrap_or(1).clamp(1, rest.len());
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        out.push_str(&stream.push(&rest[..cut]));
        assert!(
            stream.held_back() <= MAX_HOLD_BACK,
            "held back {} bytes",
            stream.held_back()
        );
        rest = &rest[cut..];
    }
    let end = stream.finish();
    out.push_str(&end.tail);
    Redaction {
        text: out,
        spans: end.spans,
    }
}

fn pii_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|v| v.concat())
}

fn chunking() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(1usize..48, 1..12)
}

/// Titles, capitalised words, apostrophes and quotes, what may follow them; each
/// part comes with whether the chunking cuts right after it.
const TITLES: &[&str] = &["", "", "Mr. ", "Dr. ", "Ms. ", "said ", "\"", "-", "x"];
const CAPS: &[&str] = &[
    "There",
    "Sarah",
    "The",
    "It",
    "Chen",
    "Will",
    "Here",
    "Maria",
    "Abcdefghijklmnopqrstuvwxyz",
    "Route66",
];
const MARKS: &[&str] = &["'", "’", "\"", "”", "‘", "“", "", "'s", "’s"];
const AFTER_MARK: &[&str] = &["s", "ll", "re", "d", "t", "", " ", "田中", "様", "です。"];
const TAILS: &[&str] = &["", " ", ". ", " a discount.", "\n", " at 555-0132", "'"];

/// Text made of apostrophe and quote patterns next to capitalised words, and the
/// chunk sizes that cut it after the parts chosen to be cut after.
fn quoted_text() -> impl Strategy<Value = (String, Vec<usize>)> {
    let part = |words: &'static [&'static str]| (prop::sample::select(words), any::<bool>());
    let unit = (
        part(TITLES),
        part(CAPS),
        part(MARKS),
        part(AFTER_MARK),
        part(TAILS),
    );
    prop::collection::vec(unit, 1..8).prop_map(|units| {
        let (mut text, mut cuts, mut last) = (String::new(), Vec::new(), 0);
        for (a, b, c, d, e) in units {
            for (s, cut) in [a, b, c, d, e] {
                text.push_str(s);
                if cut && text.len() > last {
                    cuts.push(text.len() - last);
                    last = text.len();
                }
            }
        }
        if text.len() > last {
            cuts.push(text.len() - last);
        }
        (text, cuts)
    })
}

/// Every labelled reply of the evaluation sets, read once.
fn labelled_replies() -> &'static [String] {
    static REPLIES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    REPLIES.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("eval");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
            .collect();
        paths.sort();
        let mut replies = Vec::new();
        for path in paths {
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                replies.push(v["text"].as_str().unwrap().to_owned());
            }
        }
        replies
    })
}

/// What an edit may insert: the characters the detectors look behind and ahead for
/// (marks, honorifics, separators, width variants, digits) and a few of several
/// bytes that a slice by a wrong offset would cut through.
const INSERTS: &[&str] = &[
    "様", "さん", "ー", "ｰ", "ﾞ", "＠", "@", "．", ".", "－", "-", "　", " ", "\n", "*", "|", "（",
    ")", "：", ":", "〒", "丁目", "1", "０", "9", "A", "x", "'", "’", "、", "。", "é", "😀",
    "\u{200d}", "\u{301}",
];

/// A labelled reply with one to seven edits: a character removed, a piece of
/// [`INSERTS`] put in, or a stretch of the reply repeated, each at a place chosen
/// anywhere in it (moved to the next character boundary).
fn edited_reply() -> impl Strategy<Value = String> {
    let edit = (
        0u8..3,
        any::<prop::sample::Index>(),
        prop::sample::select(INSERTS),
        1usize..24,
    );
    (
        any::<prop::sample::Index>(),
        prop::collection::vec(edit, 1..8),
    )
        .prop_map(|(which, edits)| {
            let replies = labelled_replies();
            let mut text = replies[which.index(replies.len())].clone();
            for (op, at, insert, len) in edits {
                let mut at = at.index(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at += 1;
                }
                match op {
                    0 => {
                        if let Some(c) = text[at..].chars().next() {
                            text.replace_range(at..at + c.len_utf8(), "");
                        }
                    }
                    1 => text.insert_str(at, insert),
                    _ => {
                        let mut end = (at + len).min(text.len());
                        while !text.is_char_boundary(end) {
                            end += 1;
                        }
                        let stretch = text[at..end].to_owned();
                        text.insert_str(end, &stretch);
                    }
                }
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_chunking_of_pii_rich_text_streams_to_the_batch_output(text in pii_text(), cuts in chunking()) {
        let g = guardrail();
        prop_assert_eq!(streamed(&g, &text, &cuts), g.redact(&text));
    }

    #[test]
    fn cuts_next_to_apostrophes_and_quotes_stream_to_the_batch_output((text, cuts) in quoted_text()) {
        let g = guardrail();
        prop_assert_eq!(streamed(&g, &text, &cuts), g.redact(&text));
    }

    #[test]
    fn any_chunking_of_arbitrary_unicode_streams_to_the_batch_output(text in "\\PC{0,300}", cuts in chunking()) {
        let g = guardrail();
        prop_assert_eq!(streamed(&g, &text, &cuts), g.redact(&text));
    }

    #[test]
    fn arbitrary_input_never_panics_and_spans_lie_on_char_boundaries(text in any::<String>()) {
        let r = guardrail().redact(&text);
        for s in &r.spans {
            prop_assert!(s.start < s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}

proptest! {
    // Cheap cases (a reply of a few hundred bytes each), and the surest way to the
    // edges of real text: more of them.
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn edited_labelled_replies_never_panic_and_stream_to_the_batch_output(text in edited_reply(), cuts in chunking()) {
        // Real replies put every detector to work; the edits move its look-behinds and
        // look-aheads onto marks, multi-byte characters and the ends of the text.
        let g = guardrail();
        let batch = g.redact(&text);
        for s in &batch.spans {
            prop_assert!(s.start < s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        prop_assert_eq!(streamed(&g, &text, &cuts), batch);
    }
}

#[test]
fn long_texts_without_quiet_words_stream_to_the_batch_output() {
    let g = guardrail();
    let text =
        "東京都渋谷区渋谷2-21-1田中様山田太郎090-1234-5678".repeat(30) + &"ABC Def ".repeat(80);
    for size in [1, 3, 7, 64, 255, 1000] {
        assert_eq!(
            streamed(&g, &text, &[size]),
            g.redact(&text),
            "chunks of {size}"
        );
    }
}

#[test]
fn a_piece_cut_for_length_keeps_a_half_width_kana_with_its_voiced_mark() {
    // No quiet unit and no soft break for 192 bytes: the piece is cut at the bound,
    // which falls between "ｽ" and "ﾞ". Folding joins the two into "ズ", so a name found
    // across that cut ended past its piece, and streaming it panicked.
    let text = format!("*{}xx名義：ｽｽﾞｷﾊﾅｺs.chen@ex", "渋".repeat(58));
    let g = guardrail();
    let batch = g.redact(&text);
    for cuts in [&[1][..], &[2], &[5], &[64]] {
        assert_eq!(streamed(&g, &text, cuts), batch, "cut by {cuts:?}");
    }
}

#[test]
fn plain_prose_is_not_held_back() {
    let mut stream = guardrail().stream();
    let out = stream.push("the store opens at nine and closes late, so come by ");
    assert_eq!(stream.held_back(), 0);
    assert_eq!(out, "the store opens at nine and closes late, so come by ");
    stream.push("ご来店をお待ちしております。");
    assert_eq!(stream.held_back(), 0);
    stream.push("we're open, it’s late ");
    assert_eq!(stream.held_back(), 0);
}

#[test]
fn a_match_split_across_chunks_is_still_redacted() {
    let g = guardrail();
    let r = streamed(
        &g,
        "Call 090-1234-5678 or mail taro@example.co.jp now",
        &[3],
    );
    assert_eq!(r.text, "Call [PHONE] or mail [EMAIL] now");
}

#[test]
fn the_hold_back_bound_is_at_most_256_bytes() {
    const { assert!(MAX_HOLD_BACK <= 256) };
}

#[test]
fn chunks_cover_the_text_and_round_up_to_character_boundaries() {
    let text = "ab東京c";
    let pieces: Vec<&str> = mimi_guardrail::chunks(text, 3).collect();
    assert_eq!(pieces, ["ab東", "京", "c"]);
    let ones: Vec<&str> = mimi_guardrail::chunks(text, 0).collect();
    assert_eq!(ones, ["a", "b", "東", "京", "c"]);
    assert_eq!(mimi_guardrail::chunks("", 4).count(), 0);
}

#[test]
fn a_word_followed_by_an_apostrophe_at_the_end_of_a_chunk_waits_for_the_next_character() {
    let g = guardrail();
    // Batch sees `Glad's` after a title and redacts `Glad` (a listed name); the stream
    // once took such a word for a quiet word when the apostrophe was the last
    // character received (`There`, which is in no list of names, is no one's now).
    assert!(!g.redact("Mr. Glad's a discount.").text.contains("Glad"));
    let texts = [
        "Mr. Glad's a discount.",
        "Mr. Glad’s a discount.",
        "Mr. Glad'",
        "Mr. There's a discount.",
        "Mr. There’s a discount.",
        "Mr. There'll be a discount.",
        "Mr. There’ll be a discount.",
        "Dr. There're two.",
        "Ms. There'd be one.",
        "Mr. There'田中様です。",
        "Mr. There’田中様です。",
        "Mr. There'",
        "Mr. There’",
        "Mr. There' ",
        "Dr. Here's Sarah's number: 555-0132.",
        "-There's a discount.",
        "Mr. Abcdefghijklmnopqrstuvwxyz's there",
        "Mr. Abcdefghijklmnopqrstuvwxyz'd Sarah",
        "Mr. Route66's Sarah",
    ];
    for text in texts {
        let batch = g.redact(text);
        for size in [1, 2, 3] {
            assert_eq!(
                streamed(&g, text, &[size]),
                batch,
                "{text:?} in chunks of {size}"
            );
        }
    }
    // A word too long to be quiet is not held back whole while its apostrophe waits.
    let long = "x".repeat(400) + "'s Sarah Chen";
    for size in [1, 3, 401, 402] {
        assert_eq!(
            streamed(&g, &long, &[size]),
            g.redact(&long),
            "chunks of {size}"
        );
    }
    // The most held while an apostrophe waits: a full active piece, then the longest
    // word that may be quiet and its apostrophe.
    let text = "Abc ".repeat(48) + "abcdefghijklmnopqrstuvwx’s Sarah";
    let upto = text.find('’').unwrap() + '’'.len_utf8();
    let mut stream = g.stream();
    stream.push(&text[..upto]);
    assert!(stream.held_back() >= 192 + 24 && stream.held_back() <= MAX_HOLD_BACK);
    assert_eq!(streamed(&g, &text, &[upto, 1]), g.redact(&text));
}

#[test]
fn a_name_waits_for_what_follows_it_until_the_sentence_ends() {
    let g = guardrail();
    // What follows decides these names ("from our", "can", "がご案内"): the stream
    // must see it before it emits them, and finds them in chunks of any size.
    let texts = [
        "Diego from our quotes team will ring you.",
        "Sorry, but Jess can deliver it for £8.",
        "Please return the keys to Marcus at the front desk.",
        "お部屋へは仲居の大野がご案内いたします。",
        "ワン・リーが承ります。",
        // Names that run into a quiet stretch of kana, and the items of a list, which
        // are pieces of their own.
        "撮影担当は加藤めぐみ、ヘアメイクはりなが務めます。",
        "担当：佐藤、鈴木、ケンジ（土日のみ）です。",
    ];
    for text in texts {
        let batch = g.redact(text);
        assert!(!batch.spans.is_empty(), "{text:?}");
        for size in 1..=12 {
            assert_eq!(
                streamed(&g, text, &[size]),
                batch,
                "{text:?} in chunks of {size}"
            );
        }
    }
    let mut stream = g.stream();
    assert_eq!(stream.push("Diego"), "");
    assert_eq!(stream.held_back(), "Diego".len());
    // Once the sentence has ended, the name is decided and emitted.
    let out = stream.push(" from our quotes team will ring you. ");
    assert!(
        out.starts_with("[NAME] from our quotes team will ring you"),
        "{out:?}"
    );
}

#[test]
fn every_labelled_reply_streams_to_the_batch_output() {
    // All the evaluation sets: real chat replies, in both languages, with every kind
    // of match and look-alike.
    let g = guardrail();
    let mut replies = 0;
    for text in labelled_replies() {
        let batch = g.redact(text);
        for cuts in [&[1][..], &[3, 7], &[64]] {
            assert_eq!(streamed(&g, text, cuts), batch, "{text:?} cut by {cuts:?}");
        }
        replies += 1;
    }
    assert!(replies > 4000, "read {replies} replies");
}
