//! Cheap checks that keep hostile PDFs from reaching, or overwhelming, the parser.

use std::cell::Cell;
use std::io::Read;

use lopdf::{Object, ObjectId};

/// All compressed streams of one PDF together may inflate to at most this many bytes.
pub(crate) const INFLATE_BUDGET: u64 = 256 * 1024 * 1024;

thread_local! {
    // lopdf's load filter is a plain `fn`, so the budget of the document being loaded on
    // this thread lives here (lopdf loads on the calling thread without its rayon feature).
    static SPENT: Cell<u64> = const { Cell::new(0) };
    static EXCEEDED: Cell<bool> = const { Cell::new(false) };
}

pub(super) fn reset_budget() {
    SPENT.set(0);
    EXCEEDED.set(false);
}

pub(super) fn budget_exceeded() -> bool {
    EXCEEDED.get()
}

/// Whether the file declares encryption: an `/Encrypt` key followed by a reference or a
/// dictionary. Dictionaries are never encrypted themselves, so the key is always visible;
/// looking before parsing keeps lopdf from decrypting (and inflating) anything.
pub(super) fn is_encrypted(bytes: &[u8]) -> bool {
    const KEY: &[u8] = b"/Encrypt";
    let mut rest = bytes;
    while let Some(at) = rest.windows(KEY.len()).position(|w| w == KEY) {
        let after = &rest[at + KEY.len()..];
        let next = after
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map(|i| &after[i..]);
        if next.is_some_and(|n| n[0].is_ascii_digit() || n.starts_with(b"<<")) {
            return true;
        }
        rest = after;
    }
    false
}

/// lopdf load filter: keeps objects, but measures each compressed stream with a bounded
/// inflate and empties streams that can only be images or that use filters whose expansion
/// cannot be bounded cheaply (LZW, run-length, chains). Text lives in Flate streams.
pub(super) fn filter(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    // lopdf keeps the object it passed in for top-level objects and the returned one for
    // objects inside object streams (never streams themselves), so change it in place and
    // return a copy.
    if let Object::Stream(stream) = object {
        let is_image = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Image");
        let filters: Vec<Vec<u8>> = stream
            .filters()
            .map(|f| f.into_iter().map(<[u8]>::to_vec).collect())
            .unwrap_or_default();
        let keep = !is_image
            && match filters.as_slice() {
                [] => true,
                [only] if only == b"FlateDecode" => within_budget(&stream.content),
                chain => chain
                    .iter()
                    .all(|f| f == b"ASCII85Decode" || f == b"ASCIIHexDecode"),
            };
        if !keep {
            stream.dict.remove(b"Filter");
            stream.dict.remove(b"DecodeParms");
            stream.set_content(Vec::new());
        }
        // The copy is dropped by lopdf at once; avoid doubling large content meanwhile.
        return Some((id, Object::Null));
    }
    Some((id, object.clone()))
}

fn within_budget(compressed: &[u8]) -> bool {
    if EXCEEDED.get() {
        return false;
    }
    let left = INFLATE_BUDGET.saturating_sub(SPENT.get());
    let mut inflater = flate2::read::ZlibDecoder::new(compressed).take(left + 1);
    // A broken stream still counts what inflated before the error.
    let mut sink = CountingSink(0);
    let _ = std::io::copy(&mut inflater, &mut sink);
    if sink.0 > left {
        EXCEEDED.set(true);
        return false;
    }
    SPENT.set(SPENT.get() + sink.0);
    true
}

struct CountingSink(u64);

impl std::io::Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_encrypt_reference_or_dictionary_marks_encryption() {
        assert!(is_encrypted(b"trailer << /Size 5 /Encrypt 4 0 R >>"));
        assert!(is_encrypted(b"trailer<</Encrypt<</Filter/Standard>>>>"));
        assert!(!is_encrypted(b"BT (/Encrypt) Tj ET /EncryptMetadata false"));
    }

    #[test]
    fn the_inflate_budget_stops_a_bomb() {
        use std::io::Write;
        reset_budget();
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..(INFLATE_BUDGET >> 20) + 1 {
            zlib.write_all(&zeros).unwrap();
        }
        let bomb = zlib.finish().unwrap();
        assert!(bomb.len() < 1 << 20, "the bomb is small: {}", bomb.len());
        assert!(!within_budget(&bomb));
        assert!(budget_exceeded());
    }
}
