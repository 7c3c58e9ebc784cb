//! Test images built byte by byte: plain PNG and JPEG, a JPEG carrying an EXIF block
//! with an orientation and GPS position, PNG chunks, and JPEG segment walking.

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, ImageEncoder, Rgb, RgbImage};

/// The GPS latitude the EXIF fixture carries: 35° 39' 29.17".
pub const LATITUDE: [(u32, u32); 3] = [(35, 1), (39, 1), (2917, 100)];

/// A `w`×`h` picture: left half red, right half blue.
pub fn picture(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, _| {
        if x < w / 2 {
            Rgb([220, 20, 20])
        } else {
            Rgb([20, 20, 220])
        }
    })
}

pub fn png(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    PngEncoder::new(&mut out)
        .write_image(&picture(w, h), w, h, ExtendedColorType::Rgb8)
        .unwrap();
    out
}

pub fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 95)
        .write_image(&picture(w, h), w, h, ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// `jpeg` with an APP1 EXIF segment right after SOI: IFD0 holds the orientation and a
/// pointer to a GPS IFD with a latitude (big-endian TIFF).
pub fn with_exif(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"MM\x00\x2a");
    tiff.extend_from_slice(&8u32.to_be_bytes());
    // IFD0 at 8: two entries, then the next-IFD offset; the GPS IFD follows at 38.
    let entry = |tiff: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        tiff.extend_from_slice(&tag.to_be_bytes());
        tiff.extend_from_slice(&kind.to_be_bytes());
        tiff.extend_from_slice(&count.to_be_bytes());
        tiff.extend_from_slice(&value);
    };
    tiff.extend_from_slice(&2u16.to_be_bytes());
    let o = orientation.to_be_bytes();
    entry(&mut tiff, 0x0112, 3, 1, [o[0], o[1], 0, 0]); // Orientation, SHORT
    entry(&mut tiff, 0x8825, 4, 1, 38u32.to_be_bytes()); // GPS IFD pointer, LONG
    tiff.extend_from_slice(&0u32.to_be_bytes());
    assert_eq!(tiff.len(), 38);
    // GPS IFD at 38: latitude reference and latitude; its rationals follow at 68.
    tiff.extend_from_slice(&2u16.to_be_bytes());
    entry(&mut tiff, 0x0001, 2, 2, *b"N\0\0\0"); // GPSLatitudeRef, ASCII
    entry(&mut tiff, 0x0002, 5, 3, 68u32.to_be_bytes()); // GPSLatitude, RATIONAL
    tiff.extend_from_slice(&0u32.to_be_bytes());
    assert_eq!(tiff.len(), 68);
    for (num, den) in LATITUDE {
        tiff.extend_from_slice(&num.to_be_bytes());
        tiff.extend_from_slice(&den.to_be_bytes());
    }
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(&tiff);
    let len = u16::try_from(payload.len() + 2).unwrap();
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xff, 0xe1]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// The latitude's rationals as stored in the EXIF block, to search output for.
pub fn latitude_bytes() -> Vec<u8> {
    LATITUDE
        .iter()
        .flat_map(|(n, d)| [n.to_be_bytes(), d.to_be_bytes()].concat())
        .collect()
}

/// The markers of the JPEG segments before the scan data (APPn, DQT, SOF…).
pub fn jpeg_markers(jpeg: &[u8]) -> Vec<u8> {
    assert_eq!(&jpeg[..2], [0xff, 0xd8]);
    let mut markers = Vec::new();
    let mut i = 2;
    while i + 4 <= jpeg.len() && jpeg[i] == 0xff {
        let marker = jpeg[i + 1];
        markers.push(marker);
        if marker == 0xda {
            break;
        }
        i += 2 + usize::from(u16::from_be_bytes([jpeg[i + 2], jpeg[i + 3]]));
    }
    markers
}

/// `png` with a chunk of type `kind` inserted before IEND (the last 12 bytes).
pub fn with_chunk(png: &[u8], kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let (body, iend) = png.split_at(png.len() - 12);
    assert_eq!(&iend[4..8], b"IEND");
    let mut chunk = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
    let mut typed = kind.to_vec();
    typed.extend_from_slice(data);
    chunk.extend_from_slice(&typed);
    chunk.extend_from_slice(&crc32(&typed).to_be_bytes());
    [body, &chunk, iend].concat()
}

/// The chunk types of a PNG, in order.
pub fn png_chunks(png: &[u8]) -> Vec<String> {
    let mut kinds = Vec::new();
    let mut i = 8;
    while i + 8 <= png.len() {
        let len = u32::from_be_bytes(png[i..i + 4].try_into().unwrap()) as usize;
        kinds.push(String::from_utf8_lossy(&png[i + 4..i + 8]).into_owned());
        i += 12 + len;
    }
    kinds
}

/// CRC-32 (IEEE), as PNG chunks use.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Whether `needle` occurs in `haystack`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
