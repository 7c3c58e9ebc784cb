//! PDFs generated with lopdf's writer: Latin text in Helvetica, Japanese text in a CID font
//! with a ToUnicode map (as Japanese word processors write them), and broken variants.

use std::collections::BTreeMap;

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, ObjectId, Stream, StringFormat, dictionary};

/// One run of text placed at (72, y) on a US-letter page.
pub struct Run {
    pub size: f32,
    pub y: f32,
    pub text: String,
}

pub fn run(size: f32, y: f32, text: &str) -> Run {
    Run {
        size,
        y,
        text: text.to_string(),
    }
}

/// Options for [`build`].
#[derive(Default)]
pub struct Options {
    /// Compress content streams with Flate.
    pub compress: bool,
    /// Add an /Encrypt dictionary to the trailer.
    pub encrypt: bool,
    /// The /Title of the document information dictionary.
    pub title: Option<&'static str>,
}

/// A PDF with one page per entry of `pages`.
pub fn build(pages: &[Vec<Run>], options: Options) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let cids = cid_map(pages);
    let latin = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let japanese = japanese_font(&mut doc, &cids);
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => latin, "F2" => japanese },
    });
    let kids: Vec<Object> = pages
        .iter()
        .map(|runs| {
            let mut stream = Stream::new(dictionary! {}, page_content(runs, &cids));
            if options.compress {
                stream.compress().unwrap();
            }
            let content = doc.add_object(stream);
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content,
                "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            })
            .into()
        })
        .collect();
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }.into(),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    if let Some(title) = options.title {
        let info = doc.add_object(dictionary! { "Title" => Object::string_literal(title) });
        doc.trailer.set("Info", info);
    }
    if options.encrypt {
        let encrypt = doc.add_object(dictionary! {
            "Filter" => "Standard", "V" => 1, "R" => 2, "P" => -44,
            "O" => Object::String(vec![0x11; 32], StringFormat::Hexadecimal),
            "U" => Object::String(vec![0x22; 32], StringFormat::Hexadecimal),
        });
        doc.trailer.set("Encrypt", encrypt);
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// A CID for every non-ASCII character used, from 1 up.
fn cid_map(pages: &[Vec<Run>]) -> BTreeMap<char, u16> {
    let mut chars: Vec<char> = pages
        .iter()
        .flatten()
        .filter(|r| !r.text.is_ascii())
        .flat_map(|r| r.text.chars())
        .collect();
    chars.sort();
    chars.dedup();
    chars.into_iter().zip(1..).collect()
}

fn page_content(runs: &[Run], cids: &BTreeMap<char, u16>) -> Vec<u8> {
    let mut operations = Vec::new();
    for run in runs {
        let (font, text) = if run.text.is_ascii() {
            ("F1", Object::string_literal(run.text.as_str()))
        } else {
            let bytes = run
                .text
                .chars()
                .flat_map(|c| cids[&c].to_be_bytes())
                .collect();
            ("F2", Object::String(bytes, StringFormat::Hexadecimal))
        };
        operations.extend([
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec![font.into(), run.size.into()]),
            Operation::new("Td", vec![72.into(), run.y.into()]),
            Operation::new("Tj", vec![text]),
            Operation::new("ET", vec![]),
        ]);
    }
    Content { operations }.encode().unwrap()
}

fn japanese_font(doc: &mut Document, cids: &BTreeMap<char, u16>) -> ObjectId {
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&char, &u16)> = cids.iter().collect();
    for block in entries.chunks(100) {
        cmap.push_str(&format!("{} beginbfchar\n", block.len()));
        for (c, cid) in block {
            let mut utf16 = [0u16; 2];
            let units: String = c
                .encode_utf16(&mut utf16)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            cmap.push_str(&format!("<{cid:04X}> <{units}>\n"));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.into_bytes()));
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor", "FontName" => "KozMinPr6N-Regular", "Flags" => 4,
        "FontBBox" => vec![0.into(), (-120).into(), 1000.into(), 880.into()], "ItalicAngle" => 0,
        "Ascent" => 880, "Descent" => -120, "CapHeight" => 700, "StemV" => 80,
    });
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType0", "BaseFont" => "KozMinPr6N-Regular",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Japan1"), "Supplement" => 6 },
        "FontDescriptor" => descriptor, "DW" => 1000,
    });
    doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "KozMinPr6N-Regular",
        "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant.into()], "ToUnicode" => to_unicode,
    })
}

/// A page whose content stream inflates to `inflated` bytes of spaces.
pub fn bomb(inflated: usize) -> Vec<u8> {
    use std::io::Write;
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let block = vec![b' '; 1 << 20];
    for _ in 0..inflated.div_ceil(block.len()) {
        zlib.write_all(&block).unwrap();
    }
    let compressed = zlib.finish().unwrap();
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let content = doc.add_object(
        Stream::new(dictionary! { "Filter" => "FlateDecode" }, compressed).with_compression(false),
    );
    let page = doc
        .add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content });
    doc.objects.insert(
        pages_id,
        dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }.into(),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}
