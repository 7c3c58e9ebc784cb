//! Email addresses, including ones glued to Japanese text and full-width forms
//! (the text is width-folded before it gets here).

use super::Cand;
use crate::Label;

fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_domain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-')
}

/// Finds emails in `t[lo..hi]`, whose `@` signs are at `ats`.
pub(crate) fn find(t: &str, lo: usize, hi: usize, ats: &[usize], out: &mut Vec<Cand>) {
    let b = t.as_bytes();
    for &at in ats {
        let mut s = at;
        while s > lo && is_local(b[s - 1]) && at - s < 64 {
            s -= 1;
        }
        while s < at && !b[s].is_ascii_alphanumeric() {
            s += 1;
        }
        let mut e = at + 1;
        while e < hi && is_domain(b[e]) {
            e += 1;
        }
        while e > at + 1 && matches!(b[e - 1], b'.' | b'-') {
            e -= 1;
        }
        // "on Mastodon at @cider@example.social": a fediverse handle, a user's name on a
        // server, which the issue leaves alone with other handles; its first "@" opens a
        // word.
        let handle = s > 0
            && b[s - 1] == b'@'
            && (s == 1 || b[s - 2].is_ascii_whitespace() || matches!(b[s - 2], b'(' | b'[' | b':'));
        if s == at || handle || !valid_domain(&t[at + 1..e]) || url_like(b, s, e) {
            continue;
        }
        out.push(Cand::new(s, e, Label::Email));
    }
}

fn valid_domain(d: &str) -> bool {
    let mut labels = d.split('.');
    let tld = labels.next_back().unwrap_or("");
    d.contains('.')
        && d.split('.').all(|l| !l.is_empty())
        && tld.len() >= 2
        && tld.bytes().all(|c| c.is_ascii_alphabetic())
}

/// `scheme://user@host` and `git@host:path` are locators, not mailboxes.
fn url_like(b: &[u8], s: usize, e: usize) -> bool {
    let before = &b[s.saturating_sub(3)..s];
    // A slash after a word, a colon or a dot is a locator's; one after a bracket, a
    // space or a number parts fields ("（総務部）／inoue.k@…", folded to ")/";
    // "090-5555-6666／taku@…").
    let parts_fields = before.len() >= 2
        && before.ends_with(b"/")
        && !matches!(before[before.len() - 2], b'/' | b':' | b'.')
        && !before[before.len() - 2].is_ascii_alphabetic();
    let scheme = !parts_fields && (before.ends_with(b"//") || before.ends_with(b"/"));
    let ssh_path =
        b.get(e) == Some(&b':') && b.get(e + 1).is_some_and(|c| c.is_ascii_alphanumeric());
    scheme || ssh_path
}
