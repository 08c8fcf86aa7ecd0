//! The page's plotters backend: `plotters-canvas`' `CanvasBackend` with the two things it
//! does slowly done the canvas's own way. Text is measured with `measureText` (plotters'
//! wasm fallback appends a `<span>` to the document and forces a layout per label), and
//! bitmaps (the figure's heat map) go in with one `putImageData` instead of a `fillRect`
//! per pixel. Everything else is the crate's.

use crate::figure::forward::{forward_drawing, via_inner};
use plotters_backend::{
    BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

/// A canvas as a plotters backend (see the module header).
pub(crate) struct PageCanvas {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
}

/// plotters-canvas' error type (not exported by name).
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;
type Res<T> = Result<T, DrawingErrorKind<CanvasError>>;

fn js_fail(e: &JsValue) -> String {
    e.as_string().unwrap_or_else(|| "canvas error".into())
}

impl PageCanvas {
    /// The backend over `canvas` (its pixel size is the drawing size).
    pub fn new(canvas: HtmlCanvasElement) -> Result<PageCanvas, String> {
        let ctx: CanvasRenderingContext2d = canvas
            .get_context("2d")
            .map_err(|e| js_fail(&e))?
            .ok_or("no 2d context")?
            .dyn_into()
            .map_err(|_| "not a 2d context")?;
        let inner = CanvasBackend::with_canvas_object(canvas).ok_or("no canvas backend")?;
        Ok(PageCanvas { inner, ctx })
    }

    /// The 2-D context (to clear the canvas before a redraw).
    pub fn context(&self) -> &CanvasRenderingContext2d {
        &self.ctx
    }
}

impl DrawingBackend for PageCanvas {
    type ErrorType = CanvasError;

    forward_drawing!(via_inner: get_size, ensure_prepared, present, draw_pixel, draw_line,
        draw_rect, draw_circle, fill_polygon, draw_text);

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Res<()> {
        // Round joins, as the hand-drawn charts had: a min/max envelope turns sharply.
        self.ctx.set_line_join("round");
        self.inner.draw_path(path, s)
    }
    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, s: &T) -> Res<(u32, u32)> {
        // The font string plotters-canvas sets when it draws the text.
        self.ctx.set_font(&format!(
            "{} {}px {}",
            s.style().as_str(),
            s.size(),
            s.family().as_str()
        ));
        let width = self
            .ctx
            .measure_text(text)
            .map(|m| m.width())
            .unwrap_or(s.size() * 0.55 * text.chars().count() as f64);
        Ok((width.ceil() as u32, s.size().ceil() as u32))
    }
    fn blit_bitmap(&mut self, pos: BackendCoord, (w, h): (u32, u32), src: &[u8]) -> Res<()> {
        // RGB from plotters to the canvas's RGBA.
        let mut rgba = Vec::with_capacity(w as usize * h as usize * 4);
        for p in src.chunks_exact(3) {
            rgba.extend_from_slice(&[p[0], p[1], p[2], 255]);
        }
        let image =
            ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), w, h).map_err(|e| {
                DrawingErrorKind::FontError(Box::new(std::io::Error::other(js_fail(&e))))
            })?;
        self.ctx
            .put_image_data(&image, f64::from(pos.0), f64::from(pos.1))
            .map_err(|e| DrawingErrorKind::FontError(Box::new(std::io::Error::other(js_fail(&e)))))
    }
}

/// The page's one backend type: the canvas or the SVG text. Everything drawn in the page
/// goes through it, so plotters' generic chart and layout code is compiled once into the
/// module (one copy per backend would cost ~70 KB of wasm).
pub(crate) enum AnyBackend<'a> {
    /// A canvas (the page's charts, PNG export, video frames).
    Canvas(PageCanvas),
    /// SVG text, bitmaps kept aside (Export → Figure (SVG), the figure module only).
    #[cfg(feature = "figure-export")]
    Svg(crate::figure::export::SvgImages<'a>),
    /// Holds the lifetime in the main module, where there is no SVG: never constructed, so
    /// the SVG backend is not compiled in (~3 KB gzipped).
    #[cfg(not(feature = "figure-export"))]
    #[allow(dead_code)]
    Never(std::marker::PhantomData<&'a ()>, std::convert::Infallible),
}

fn io<E: std::error::Error + Send + Sync>(
    e: DrawingErrorKind<E>,
) -> DrawingErrorKind<std::io::Error> {
    match e {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(std::io::Error::other(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

macro_rules! both {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            AnyBackend::Canvas($b) => $call.map_err(io),
            #[cfg(feature = "figure-export")]
            AnyBackend::Svg($b) => $call.map_err(io),
            #[cfg(not(feature = "figure-export"))]
            AnyBackend::Never(_, never) => match *never {},
        }
    };
}

type IoRes<T> = Result<T, DrawingErrorKind<std::io::Error>>;

impl DrawingBackend for AnyBackend<'_> {
    type ErrorType = std::io::Error;

    fn get_size(&self) -> (u32, u32) {
        match self {
            AnyBackend::Canvas(b) => b.get_size(),
            #[cfg(feature = "figure-export")]
            AnyBackend::Svg(b) => b.get_size(),
            #[cfg(not(feature = "figure-export"))]
            AnyBackend::Never(_, never) => match *never {},
        }
    }

    forward_drawing!(both: ensure_prepared, present, draw_pixel, draw_line, draw_rect, draw_path,
        draw_circle, fill_polygon, draw_text, blit_bitmap);

    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, s: &T) -> IoRes<(u32, u32)> {
        match self {
            AnyBackend::Canvas(b) => b.estimate_text_size(text, s).map_err(io),
            // plotters' wasm fallback measures with a styled <span> in the document (a forced
            // layout per label, and an inline style the page's CSP refuses): the SVG is
            // measured at the average advance of a sans-serif face instead.
            #[cfg(feature = "figure-export")]
            AnyBackend::Svg(_) => {
                let width = s.size() * 0.56 * text.chars().count() as f64;
                Ok((width.ceil() as u32, s.size().ceil() as u32))
            }
            #[cfg(not(feature = "figure-export"))]
            AnyBackend::Never(_, never) => match *never {},
        }
    }
}
