//! Uploaded avatars and covers, made safe to store and serve.
//!
//! The policy: the type is sniffed from the first bytes (PNG, JPEG or WebP) and any
//! declared type or file name is ignored; anything else (SVG, GIF, HTML, a script) is
//! refused. The image is decoded under [`Limits`] (at most 4096×4096 pixels and a bounded
//! allocation), turned upright by its EXIF orientation, then re-encoded from pixels in
//! the same format: JPEG at quality 88, PNG losslessly, WebP losslessly (the only WebP
//! encoder the `image` crate has; a lossy WebP may grow). Re-encoding is what strips
//! metadata: no EXIF (GPS, camera serials), XMP, ICC profile, text chunk or bytes after
//! the image's end survive, because nothing but pixels is carried over.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::codecs::webp::WebPEncoder;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageError, ImageReader, Limits};
use mimi_domain::Error;

/// Largest upload accepted, in bytes (2 MiB).
pub const MAX_IMAGE_BYTES: usize = 2 * 1024 * 1024;
/// Largest width and height accepted, in pixels.
pub const MAX_IMAGE_SIDE: u32 = 4096;
/// JPEG re-encoding quality: visually lossless for photos at a fraction of the size.
const JPEG_QUALITY: u8 = 88;
/// Decoder allocation cap: a full-size 16-bit RGBA PNG and no more, so a small file
/// that claims huge dimensions cannot exhaust memory.
const MAX_DECODE_ALLOC: u64 = MAX_IMAGE_SIDE as u64 * MAX_IMAGE_SIDE as u64 * 8;

const FIELD: &str = "image";

/// The image formats Mimi stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Png,
    Jpeg,
    WebP,
}

impl Format {
    /// The `Content-Type` it is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Png => "image/png",
            Format::Jpeg => "image/jpeg",
            Format::WebP => "image/webp",
        }
    }

    /// The file extension of stored files.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Jpeg => "jpg",
            Format::WebP => "webp",
        }
    }

    fn codec(self) -> image::ImageFormat {
        match self {
            Format::Png => image::ImageFormat::Png,
            Format::Jpeg => image::ImageFormat::Jpeg,
            Format::WebP => image::ImageFormat::WebP,
        }
    }
}

/// An image re-encoded from its pixels alone.
#[derive(Debug)]
pub(crate) struct Clean {
    pub format: Format,
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// The format the bytes start like, from their magic numbers only.
pub(crate) fn sniff(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Format::Png)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(Format::Jpeg)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(Format::WebP)
    } else {
        None
    }
}

/// Checks, decodes and re-encodes an upload. Errors: [`Error::TooLarge`] past
/// [`MAX_IMAGE_BYTES`]; `image_type_unsupported` for anything but PNG, JPEG and WebP;
/// `image_dimensions_too_large` past [`MAX_IMAGE_SIDE`]; `image_invalid` for data that
/// does not decode. CPU-bound: call it off the async runtime.
pub(crate) fn clean(bytes: &[u8]) -> Result<Clean, Error> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(Error::TooLarge {
            field: Some(FIELD),
            message: format!(
                "the image is {} bytes; the largest accepted is {MAX_IMAGE_BYTES} bytes (2 MB)",
                bytes.len()
            )
            .into(),
        });
    }
    let format = sniff(bytes).ok_or_else(|| {
        Error::invalid(
            FIELD,
            "image_type_unsupported",
            "the image must be a PNG, JPEG or WebP file",
        )
    })?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.codec());
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(decode_error)?;
    // Broken EXIF must not cost the owner their photo: it only loses its rotation.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut pixels = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    pixels.apply_orientation(orientation);
    let bytes = encode(&pixels, format).map_err(Error::internal)?;
    Ok(Clean {
        format,
        bytes,
        width: pixels.width(),
        height: pixels.height(),
    })
}

fn decode_error(e: ImageError) -> Error {
    match e {
        ImageError::Limits(_) => Error::invalid(
            FIELD,
            "image_dimensions_too_large",
            format!("the image must be at most {MAX_IMAGE_SIDE}×{MAX_IMAGE_SIDE} pixels"),
        ),
        _ => Error::invalid(
            FIELD,
            "image_invalid",
            "the image is damaged or not really the type it starts like",
        ),
    }
}

fn encode(pixels: &DynamicImage, format: Format) -> Result<Vec<u8>, ImageError> {
    let mut out = Vec::new();
    let (w, h) = (pixels.width(), pixels.height());
    match format {
        Format::Jpeg => {
            let encoder = JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
            match pixels {
                DynamicImage::ImageLuma8(gray) => {
                    encoder.write_image(gray, w, h, image::ExtendedColorType::L8)?;
                }
                other => {
                    encoder.write_image(&other.to_rgb8(), w, h, image::ExtendedColorType::Rgb8)?;
                }
            }
        }
        Format::Png => {
            PngEncoder::new(&mut out).write_image(
                pixels.as_bytes(),
                w,
                h,
                pixels.color().into(),
            )?;
        }
        Format::WebP => {
            let encoder = WebPEncoder::new_lossless(&mut out);
            match pixels {
                DynamicImage::ImageRgb8(rgb) => {
                    encoder.write_image(rgb, w, h, image::ExtendedColorType::Rgb8)?;
                }
                other => {
                    encoder.write_image(
                        &other.to_rgba8(),
                        w,
                        h,
                        image::ExtendedColorType::Rgba8,
                    )?;
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_magic_numbers_decide_the_type() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Some(Format::Png));
        assert_eq!(sniff(&[0xff, 0xd8, 0xff, 0xe0]), Some(Format::Jpeg));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(Format::WebP));
        assert_eq!(sniff(b"RIFF\0\0\0\0WAVEfmt "), None);
        assert_eq!(sniff(b"GIF89a"), None);
        assert_eq!(sniff(b"<svg xmlns='http://www.w3.org/2000/svg'/>"), None);
        assert_eq!(sniff(b"<script>alert(1)</script>"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn a_webp_stays_a_webp_with_its_size() {
        let mut webp = Vec::new();
        let rgba = image::RgbaImage::from_pixel(9, 5, image::Rgba([10, 20, 30, 128]));
        WebPEncoder::new_lossless(&mut webp)
            .write_image(&rgba, 9, 5, image::ExtendedColorType::Rgba8)
            .unwrap();
        let clean = clean(&webp).unwrap();
        assert_eq!(
            (clean.format, clean.width, clean.height),
            (Format::WebP, 9, 5)
        );
        let back = image::load_from_memory(&clean.bytes).unwrap();
        assert_eq!(
            back.to_rgba8().get_pixel(4, 2),
            &image::Rgba([10, 20, 30, 128])
        );
    }

    #[test]
    fn a_png_claiming_more_than_4096_pixels_wide_is_refused_before_decoding() {
        let mut png = Vec::new();
        PngEncoder::new(&mut png)
            .write_image(&[0; 5000], 5000, 1, image::ExtendedColorType::L8)
            .unwrap();
        assert_eq!(
            clean(&png).unwrap_err().code(),
            "image_dimensions_too_large"
        );
    }

    #[test]
    fn a_truncated_image_is_invalid() {
        let mut png = Vec::new();
        PngEncoder::new(&mut png)
            .write_image(&[7; 64 * 64], 64, 64, image::ExtendedColorType::L8)
            .unwrap();
        let err = clean(&png[..png.len() / 2]).unwrap_err();
        assert_eq!((err.code(), err.field()), ("image_invalid", Some("image")));
    }
}
