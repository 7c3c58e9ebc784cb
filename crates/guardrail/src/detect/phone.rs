//! Telephone numbers: North American, UK, E.164 international and Japanese forms,
//! on width-folded text (full-width digits and hyphen look-alikes are ASCII here).

use super::Cand;
use super::context::Keywords;
use crate::Label;

/// How sure the shape alone makes us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A standard grouping with a plausible digit count: a phone unless the context
    /// says it is an order, tracking or reference number.
    Strong,
    /// Plausible digits but an unusual shape: a phone only with phone context.
    Weak,
}

/// Left-context window for phone keywords, in bytes.
const WINDOW: usize = 40;

/// The phone detector and its context keywords.
pub(crate) struct Phone {
    positive: Keywords,
    negative: Keywords,
}

#[rustfmt::skip]
const POSITIVE: &[&str] = &[
    "phone", "tel", "telephone", "call", "calls", "called", "text", "texts", "texted", "sms",
    "texting", "calling", "phoning", "dialling", "dialing", "office", "reception", "enquiries",
    "enquiry", "inquiries", "switchboard",
    "phoned", "message", "mobile", "cell", "fax", "dial", "reach", "reached",
    "ring", "contact", "whatsapp", "caller id", "hotline", "helpline", "line", "landline", "電話", "携帯", "連絡",
    "☎", "℡", "📞", "ダイヤル", "直通", "代表", "内線", "ファックス", "ＦＡＸ", "ＴＥＬ",
];

#[rustfmt::skip]
const NEGATIVE: &[&str] = &[
    "order", "tracking", "track", "invoice", "ref", "reference", "confirmation", "account",
    "acct", "sku", "isbn", "jan", "ean", "upc", "serial", "model", "part", "item", "product",
    "ticket", "case", "policy", "member", "membership", "id", "no", "#", "code", "version",
    "barcode", "gtin", "注文番号", "注文no", "注文id", "注文#",
    "伝票", "追跡", "受付番号", "予約番号", "会員番号", "品番", "型番", "商品番号", "管理番号", "請求", "お問い合わせ番号", "問い合わせ番号",
    "製造番号", "シリアル", "口座", "番号：", "ID",
    // Contracts' and customers' numbers ("- Contract: 0207-4491-882", "契約番号：
    // 0355-5501-27").
    "contract:", "contract no", "contract number", "contract #", "契約番号", "お客様番号",
    "区画番号",
];

impl Phone {
    /// Builds the keyword automata.
    pub fn new() -> Result<Self, String> {
        Ok(Phone {
            positive: Keywords::new(POSITIVE)?,
            negative: Keywords::new(NEGATIVE)?,
        })
    }

    /// Finds phone numbers in `t[..hi]` that start at one of `starts` (ascending: the
    /// offsets in the piece where [`run_starts`] holds).
    pub fn find(&self, t: &str, hi: usize, starts: &[usize], out: &mut Vec<Cand>) {
        let b = t.as_bytes();
        // A run swallows the starts inside it.
        let mut next = 0;
        for &i in starts {
            if i < next {
                continue;
            }
            let end = run_end(b, i, hi);
            self.split_run(t, i, end, out);
            next = end.max(i + 1);
        }
    }

    /// Splits a run at spaces into numbers, keeping the longest valid one at each start.
    /// After a failed start, only a later `+` or `(` may start a number: digits after
    /// digits are usually the tail of a longer code.
    fn split_run(&self, t: &str, start: usize, end: usize, out: &mut Vec<Cand>) {
        let b = t.as_bytes();
        let mut s = start;
        // "(+81 90-…)": a bracket before a `+` is no part of the number.
        if b[s] == b'(' && b.get(s + 1) == Some(&b'+') {
            s += 1;
        }
        while s < end {
            // A run may end at a space, or at a bracket glued to its last digit: a note
            // after the number ("0800-555-0123（24時間）", folded to "(24").
            // So may a link's closing bracket before such a note ("(tel:0120-555-147)
            // （24時間）").
            let cuts = (s..end).filter(|&k| {
                b[k] == b' ' || (b[k] == b'(' && k > s && matches!(b[k - 1], b'0'..=b'9' | b')'))
            });
            // The context keywords depend only on the start: look them up once.
            let mut context = None;
            let found = std::iter::once(end)
                .chain(cuts.clone().rev())
                .find(|&e| e > s && self.accept(t, s, e, &mut context));
            let next = match found {
                Some(e) => {
                    // "(090-1234-5678" inside brackets: the bracket is not the number's.
                    let from = if b[s] == b'(' && !t[s..e].contains(')') {
                        s + 1
                    } else {
                        s
                    };
                    // "(tel:+18005550147)": nor is a closing one that none opens.
                    let to = if b[e - 1] == b')' && !t[from..e].contains('(') {
                        e - 1
                    } else {
                        e
                    };
                    out.push(Cand::new(from, to, Label::Phone));
                    Some(e)
                }
                None => cuts
                    .clone()
                    .find(|&c| matches!(b.get(c + 1), Some(b'+' | b'('))),
            };
            let Some(mut n) = next else { break };
            while n < end && b[n] == b' ' {
                n += 1;
            }
            s = n;
        }
    }

    /// Whether `t[s..e]` is a phone number; `context` caches the keywords before `s`.
    fn accept(&self, t: &str, s: usize, e: usize, context: &mut Option<Keys>) -> bool {
        // "+81 3-5555-0123 (9:00–18:00)": digits before a colon tell a time.
        if t.as_bytes().get(e) == Some(&b':') {
            return false;
        }
        let Some(shape) = shape(&t[s..e]) else {
            return false;
        };
        // "**Form 210-555-4471** (Household Income Declaration)": a form's number, the
        // word right before it ("fax the signed form to +1 …" is a phone).
        let head = t[..s].trim_end_matches(' ');
        let word = |f: &&str| {
            head.strip_suffix(*f)
                .is_some_and(|h| !h.ends_with(|c: char| c.is_ascii_alphabetic()))
        };
        if ["Form", "form", "FORM", "様式"].iter().any(word) {
            return false;
        }
        // "1Z 999 AA1 01 2345 6784": after a group of capitals and digits and one space,
        // digits are the tail of a longer code (a parcel's tracking number).
        if t[..s].ends_with(' ') && head.len() + 1 == s {
            let from = head
                .char_indices()
                .rev()
                .find(|&(_, c)| !c.is_ascii_alphanumeric())
                .map_or(0, |(k, c)| k + c.len_utf8());
            let group = &head[from..];
            if group.bytes().any(|c| c.is_ascii_digit())
                && group.bytes().any(|c| c.is_ascii_uppercase())
                && !group.bytes().any(|c| c.is_ascii_lowercase())
            {
                return false;
            }
        }
        let (pos, neg) = *context.get_or_insert_with(|| {
            (
                self.positive.last_before(t, s, WINDOW),
                self.negative.last_before(t, s, WINDOW),
            )
        });
        // "order 55-901-4478 will go to (503) 555-0148": a keyword with a number of its
        // own after it says nothing about a number written as a phone number is.
        // Nor does one a comma parts from it ("**Amelia**: Membership, +44 20 7946 0321").
        let dialled = matches!(t.as_bytes()[s], b'(' | b'+');
        let neg = neg.filter(|&n| {
            let parted = dialled && t[n..s].bytes().any(|c| c.is_ascii_digit() || c == b',');
            !(parted || negative_moved_on(t, n, s))
        });
        // A positive keyword that ends where a negative one does holds it ("caller id"
        // holds "id"): the longer one tells.
        match shape {
            Shape::Strong => neg.is_none_or(|n| pos.is_some_and(|p| p >= n)),
            Shape::Weak => pos.is_some_and(|p| neg.is_none_or(|n| p >= n)),
        }
    }
}

/// Whether the negative keyword that ends at `n` says nothing about the number at `s`:
/// a Markdown heading's `#` ("### Reception"), or a keyword that other words lead on
/// from ("our account team:", "Ticket enquiries:", "on your account to"; not "order
/// number", "Account no.").
fn negative_moved_on(t: &str, n: usize, s: usize) -> bool {
    let line = crate::text::line_before(t, n);
    if line.bytes().all(|c| c == b'#') && t[n..].starts_with(' ') {
        return true;
    }
    // "入室コード：`7741#`": a `#` after digits ends a code (a key-pad's), it numbers
    // nothing after it.
    if t[..n].ends_with('#') && t[..n - 1].ends_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    // Digits between them are the keyword's own code ("Barcode 0 12345 67890 5 is the
    // 6-pack; 0 12345…"), unless the code ends the keyword's line and the number is on
    // a later one ("- ご予約番号：SD-31402\n\nご変更は03-5555-0415…").
    if let Some(nl) = t[n..s].find('\n')
        && t[n..n + nl].bytes().any(|c| c.is_ascii_digit())
    {
        return true;
    }
    if t[n..s].bytes().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // "請求については、戸籍住民課（03-…）": a Japanese clause ends between them.
    if t[..n].ends_with(|c: char| !c.is_ascii()) && t[n..s].contains(['、', '。']) {
        return true;
    }
    // "— Joss Penhaligon, Membership Officer\n01632 960482": the keyword names a role or
    // a desk, whose number this is.
    const DESKS: &[&str] = &[
        "officer",
        "secretary",
        "manager",
        "team",
        "desk",
        "coordinator",
        "lead",
        "office",
        "department",
        "enquiries",
        "services",
    ];
    t[n..s]
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .any(|w| {
            DESKS.iter().any(|d| w.eq_ignore_ascii_case(d))
                || (w.bytes().all(|c| c.is_ascii_lowercase())
                    && !matches!(
                        w,
                        "number" | "no" | "num" | "nr" | "is" | "was" | "are" | "of" | "for"
                    ))
        })
}

/// End offsets of the last positive and negative context keyword before a number.
type Keys = (Option<usize>, Option<usize>);

/// Whether a phone-like run starts at `i`: a digit, `+` or `(` not glued to what is
/// before it.
pub(crate) fn run_starts(b: &[u8], i: usize, hi: usize) -> bool {
    let next_digit = |k: usize| k < hi && b[k].is_ascii_digit();
    let here = match b[i] {
        b'0'..=b'9' => true,
        b'+' => next_digit(i + 1),
        b'(' => next_digit(i + 1) || (b.get(i + 1) == Some(&b'+') && next_digit(i + 2)),
        _ => false,
    };
    // A bracket may follow a word or a bracket: "Kwame（090-…）", "番号（(06)…）" (the
    // full-width bracket is folded);
    // a slash may part a number from what is before it, but not from a digit (a date):
    // "…805号室／080-9876-5432", "…@studio.example／+44 20 7946 0312".
    // "TEL03-1234-5678", "ＦＡＸ０３…": a number glued to its label (not to "HOTEL").
    let labelled = || {
        b[i].is_ascii_digit()
            && i >= 3
            && matches!(b[i - 1], b'L' | b'l' | b'X' | b'x')
            && [&b"TEL"[..], b"Tel", b"tel", b"FAX", b"Fax", b"fax"]
                .iter()
                .any(|l| b[..i].ends_with(l))
            && !(i >= 4 && b[i - 4].is_ascii_alphabetic())
    };
    let prev_ok = i == 0
        || (b[i] == b'(' && (b[i - 1].is_ascii_alphabetic() || b[i - 1] == b'('))
        || (b[i - 1] == b'/'
            && (b[i].is_ascii_digit() || b[i] == b'+')
            && !(i >= 2 && b[i - 2].is_ascii_digit()))
        || !(b[i - 1].is_ascii_alphanumeric()
            || matches!(
                b[i - 1],
                b'.' | b'-' | b'/' | b'_' | b'#' | b'+' | b'(' | b'$' | b','
            ))
        // A field of a CSV row after a word: "Sofia Marchetti,+39 06 5550 4412",
        // "西村 さくら,075-555-0119" (not "1,234,567": a digit before the comma).
        || (b[i - 1] == b',' && !(i >= 2 && b[i - 2].is_ascii_digit()))
        // Asked last: most numbers are settled by the byte before them.
        || labelled();
    here && prev_ok
}

/// End of a phone-like run: digits joined by at most three of ` -.()`.
fn run_end(b: &[u8], i: usize, hi: usize) -> usize {
    // "(+81 …": the `+` after the bracket belongs to the run.
    let mut j = if b[i] == b'(' && b.get(i + 1) == Some(&b'+') {
        i + 2
    } else {
        i + 1
    };
    let mut last = if b[i].is_ascii_digit() { i + 1 } else { i };
    let mut seps = 0;
    while j < hi && j - i < 40 {
        let c = b[j];
        if c.is_ascii_digit() {
            seps = 0;
            last = j + 1;
        } else if matches!(c, b' ' | b'-' | b'.' | b'(' | b')') {
            seps += 1;
            if seps > 3 || (c == b' ' && b[j - 1] == b' ') {
                break;
            }
        } else {
            break;
        }
        j += 1;
    }
    // A number glued to letters is a code, not a phone; but a run that ends in a glued
    // group after a space ("+44 1632 960417 (8am") keeps what stands before the space.
    let glued = b.get(last).is_some_and(|c| c.is_ascii_alphabetic());
    if !glued {
        return last;
    }
    match b[i..last].iter().rposition(|&c| c == b' ') {
        Some(p) => {
            let mut e = i + p;
            while e > i && !b[e - 1].is_ascii_digit() {
                e -= 1;
            }
            e
        }
        None => i,
    }
}

/// The digits and digit groups of a candidate, with `(0)` removed (as in
/// `+44 (0)20`), kept on the stack: at most [`MAX_DIGITS`] of each are stored, which
/// is all a number can have.
struct Digits {
    digits: [u8; MAX_DIGITS],
    n: usize,
    groups: [usize; MAX_DIGITS],
    ng: usize,
}

const MAX_DIGITS: usize = 16;

impl Digits {
    fn of(s: &str) -> Self {
        let b = s.as_bytes();
        let mut d = Digits {
            digits: [0; MAX_DIGITS],
            n: 0,
            groups: [0; MAX_DIGITS],
            ng: 0,
        };
        let mut run = 0;
        let mut i = 0;
        while i < b.len() {
            // Removing "(0)" joins what stands either side of it.
            if b[i..].starts_with(b"(0)") {
                i += 3;
                continue;
            }
            if b[i].is_ascii_digit() {
                if d.n < MAX_DIGITS {
                    d.digits[d.n] = b[i];
                }
                d.n += 1;
                run += 1;
            } else if run > 0 {
                d.push_group(run);
                run = 0;
            }
            i += 1;
        }
        if run > 0 {
            d.push_group(run);
        }
        d
    }

    fn push_group(&mut self, len: usize) {
        if self.ng < MAX_DIGITS {
            self.groups[self.ng] = len;
        }
        self.ng += 1;
    }

    fn digits(&self) -> &str {
        std::str::from_utf8(&self.digits[..self.n.min(MAX_DIGITS)]).unwrap_or("")
    }

    fn groups(&self) -> &[usize] {
        &self.groups[..self.ng.min(MAX_DIGITS)]
    }
}

fn shape(s: &str) -> Option<Shape> {
    let d = Digits::of(s);
    let n = d.n;
    if !(7..=15).contains(&n) {
        return None;
    }
    let (digits, groups) = (d.digits(), d.groups());
    if looks_like_date(groups, digits) {
        return None;
    }
    // Dots part a number's groups in North America ("503.555.0100"), in international
    // forms, and in national ones of three groups ("07700.900.274", "045.555.2706");
    // else they part a version's or a date's.
    let national_dots = digits.starts_with('0') && groups.len() == 3 && (10..=11).contains(&n);
    if s.contains('.') && !(groups == [3, 3, 4] || s.starts_with('+') || national_dots) {
        return None;
    }
    let first = s.as_bytes().first().copied().unwrap_or(b' ');
    match first {
        b'+' => international(digits, groups.len()),
        // "(04465-52320)": a bracket around the whole number says nothing of its shape.
        b'(' if !s.contains(')') => shape(&s[1..]),
        b'(' => match n {
            10..=11 => Some(Shape::Strong),
            // "(01) 555 2471": a two-digit area code and seven digits (Dublin).
            9 if s.starts_with("(0") => Some(Shape::Weak),
            _ => None,
        },
        b'0' => national(digits, groups),
        b'1' if n == 11 && groups.len() >= 3 && groups[1..].starts_with(&[3, 3]) => {
            Some(Shape::Strong)
        }
        b'1' if n == 11 && groups.len() == 1 => Some(Shape::Weak),
        b'2'..=b'9' => match groups {
            [3, 3, 4] => Some(Shape::Strong),
            [3, 4] | [10] => Some(Shape::Weak),
            _ => None,
        },
        _ => None,
    }
}

fn international(digits: &str, groups: usize) -> Option<Shape> {
    let n = digits.len();
    let ok = if digits.starts_with('1') {
        n == 11
    } else if digits.starts_with("44") || digits.starts_with("81") {
        (11..=12).contains(&n)
    } else {
        (8..=15).contains(&n)
    };
    match (ok, groups >= 2 || n >= 10) {
        (true, true) => Some(Shape::Strong),
        (true, false) => Some(Shape::Weak),
        _ => None,
    }
}

fn national(digits: &str, groups: &[usize]) -> Option<Shape> {
    let n = digits.len();
    // "09 555 0147", "01 555 2471": a one-digit area code and seven digits (New Zealand,
    // Dublin), a phone only with phone context.
    if n == 9 && groups == [2, 3, 4] && !digits.starts_with("00") {
        return Some(Shape::Weak);
    }
    // "0 75678 16521": a UPC barcode's groups, one digit before two of five.
    if groups == [1, 5, 5] {
        return None;
    }
    let bad_start = digits.starts_with("00");
    if bad_start
        || !(10..=11).contains(&n)
        || groups.first().is_some_and(|&g| g > 5) && groups.len() > 1
    {
        return None;
    }
    // "04465-52320", "0123-456789", "0300-118-842": a part's or a policy's number in the
    // shape of none of the national plans (Japan's metropolitan codes 03 and 06 have two
    // digits), a phone only with phone context.
    let odd = matches!(groups, [5, 5] | [4, 6])
        || (groups == [4, 3, 3] && ["02", "03", "06"].iter().any(|p| digits.starts_with(p)))
        // "0120-7946-03", "0120 4488 19": a lot's or a card's number; toll-free numbers
        // group 0120-123-456 or 0120-12-3456.
        || (matches!(groups, [4, 4, 2]) && digits.starts_with("0120"));
    if odd {
        return Some(Shape::Weak);
    }
    let mobile = ["070", "080", "090", "050", "0120", "0800", "07"]
        .iter()
        .any(|p| digits.starts_with(p));
    if groups.len() >= 2 || (mobile && n == 11) || (digits.starts_with("0120") && n == 10) {
        Some(Shape::Strong)
    } else {
        Some(Shape::Weak)
    }
}

fn looks_like_date(groups: &[usize], digits: &str) -> bool {
    let year = |d: &str| d.starts_with("19") || d.starts_with("20");
    match groups {
        [4, a, b] if *a <= 2 && *b <= 2 => year(digits),
        [a, b, 4] if *a <= 2 && *b <= 2 => year(&digits[digits.len() - 4..]),
        [4, 2, 2, ..] => year(digits),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_groupings_are_strong_and_bare_runs_weak() {
        assert_eq!(shape("03-1234-5678"), Some(Shape::Strong));
        assert_eq!(shape("(555) 123-4567"), Some(Shape::Strong));
        assert_eq!(shape("+44 20 7946 0958"), Some(Shape::Strong));
        assert_eq!(shape("+44 (0)20 7946 0958"), Some(Shape::Strong));
        assert_eq!(shape("09012345678"), Some(Shape::Strong));
        assert_eq!(shape("5551234567"), Some(Shape::Weak));
        assert_eq!(shape("2024-05-01"), None);
        assert_eq!(shape("192.168.10.1"), None);
    }
}
