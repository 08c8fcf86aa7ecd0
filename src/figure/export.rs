//! A figure as an SVG document or PNG bytes.
//!
//! SVG: plotters' SVG backend writes text as `<text>` (no font needed) but would draw the
//! heat map one `<rect>` per pixel; [`SvgImages`] wraps it so that a bitmap becomes one
//! embedded PNG `<image>` instead (encoded with the `png` crate, which also builds for
//! wasm32, so the page's SVG export can use the same path).
//!
//! PNG (native only): drawn by plotters' bitmap backend with text rasterised by ab_glyph
//! from DejaVu Sans bundled in the binary (the `dejavu` crate), so no system font is needed.

use super::forward::{forward_drawing, via_inner};
use super::{draw, Figure, FigureError, Options};
use base64::Engine;
use plotters::prelude::*;
use plotters_backend::{BackendCoord, DrawingErrorKind};
use std::cell::RefCell;
use std::rc::Rc;

/// A fill colour no figure uses, marking where an image goes in the SVG text.
const MARK: RGBColor = RGBColor(0x01, 0x02, 0x03);
const MARK_FILL: &str = "fill=\"#010203\"";

/// Registers the bundled DejaVu Sans as plotters' `sans-serif` (regular and bold) for
/// measuring and rasterising text. Idempotent; called by [`to_svg`] and [`to_png`].
#[cfg(not(target_arch = "wasm32"))]
pub fn register_fonts() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // The bundled files are valid fonts; a failure would show as missing text.
        let _ = plotters::style::register_font(
            "sans-serif",
            FontStyle::Normal,
            dejavu::sans::regular(),
        );
        let _ = plotters::style::register_font("sans-serif", FontStyle::Bold, dejavu::sans::bold());
    });
}

/// A bitmap the SVG shows as an `<image>` (the heat map): where, how large, RGB pixels.
pub(crate) struct Bitmap {
    pub w: u32,
    pub h: u32,
    pub rgb: Vec<u8>,
    element: (i32, i32),
}

/// The figure as an SVG document of `options`' size and theme.
pub fn to_svg(figure: &Figure, options: Options) -> Result<String, FigureError> {
    let (text, images) = svg_parts(figure, options)?;
    splice(&text, &images, |b| {
        let png = encode_png(&b.rgb, b.w, b.h)?;
        Ok(format!(
            "data:image/png;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(png)
        ))
    })
}

/// The SVG text with a mark where each bitmap goes, and the bitmaps (for [`splice`]).
fn svg_parts(figure: &Figure, options: Options) -> Result<(String, Vec<Bitmap>), FigureError> {
    options.validate()?;
    #[cfg(not(target_arch = "wasm32"))]
    register_fonts();
    let mut text = String::new();
    let images = Rc::new(RefCell::new(Vec::new()));
    {
        let root =
            SvgImages::new(&mut text, (options.width, options.height), &images).into_drawing_area();
        draw(&root, figure, options.theme)?;
        root.present().map_err(super::layout::fail)?;
    }
    let images = images.take();
    Ok((text, images))
}

/// `text` with each bitmap's mark replaced by an `<image>` whose `href` is `href(bitmap)`
/// (a PNG data URL: encoded here natively, by the browser's canvas in the page).
pub(crate) fn splice(
    text: &str,
    images: &[Bitmap],
    mut href: impl FnMut(&Bitmap) -> Result<String, FigureError>,
) -> Result<String, FigureError> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    for image in images {
        let Some(mark) = rest.find(MARK_FILL) else {
            break;
        };
        let (Some(open), Some(close)) = (rest[..mark].rfind("<rect"), rest[mark..].find("/>"))
        else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&format!(
            "<image x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" preserveAspectRatio=\"none\" \
             href=\"{}\"/>",
            image.element.0,
            image.element.1,
            image.w,
            image.h,
            href(image)?
        ));
        rest = &rest[mark + close + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The figure as PNG bytes (8-bit RGB) of `options`' size and theme.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_png(figure: &Figure, options: Options) -> Result<Vec<u8>, FigureError> {
    options.validate()?;
    register_fonts();
    let (w, h) = (options.width, options.height);
    let mut pixels = vec![0u8; w as usize * h as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
        draw(&root, figure, options.theme)?;
        root.present().map_err(super::layout::fail)?;
    }
    encode_png(&pixels, w, h)
}

/// RGB pixels as PNG bytes.
fn encode_png(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>, FigureError> {
    let encode_err = |e: png::EncodingError| FigureError::Encode(e.to_string());
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(encode_err)?;
    writer.write_image_data(rgb).map_err(encode_err)?;
    writer.finish().map_err(encode_err)?;
    Ok(bytes)
}

/// plotters' SVG backend, with bitmaps as embedded PNG images (see the module header).
pub(crate) struct SvgImages<'a> {
    inner: SVGBackend<'a>,
    /// The bitmaps, in the order their marks were drawn.
    images: Rc<RefCell<Vec<Bitmap>>>,
}

impl<'a> SvgImages<'a> {
    /// SVG text into `text`, bitmaps into `images`.
    pub(crate) fn new(
        text: &'a mut String,
        size: (u32, u32),
        images: &Rc<RefCell<Vec<Bitmap>>>,
    ) -> Self {
        SvgImages {
            inner: SVGBackend::with_string(text, size),
            images: Rc::clone(images),
        }
    }
}

type Result2<T> = Result<T, DrawingErrorKind<std::io::Error>>;

impl DrawingBackend for SvgImages<'_> {
    type ErrorType = std::io::Error;

    forward_drawing!(via_inner: get_size, ensure_prepared, present, draw_pixel,
        draw_line, draw_rect, draw_path, draw_circle, fill_polygon, draw_text, estimate_text_size);

    fn blit_bitmap(&mut self, pos: BackendCoord, (w, h): (u32, u32), src: &[u8]) -> Result2<()> {
        self.images.borrow_mut().push(Bitmap {
            w,
            h,
            rgb: src.to_vec(),
            element: pos,
        });
        let end = (pos.0 + w as i32, pos.1 + h as i32);
        self.inner.draw_rect(pos, end, &MARK.filled(), true)
    }
}
