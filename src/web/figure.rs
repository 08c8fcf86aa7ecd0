//! The page's Export → Figure: the figure layout of `src/figure` (view, legend, step,
//! charts; regression with the data view) for the session at a step, as an SVG document or
//! drawn onto a canvas (the page turns that into PNG with `canvas.toBlob`, or records it as
//! video frames). The labels come from the page's i18n layer.
//!
//! The SVG's heat map is handed to the page as pixels with a placeholder `href`: the
//! browser's canvas encodes the PNG (`toDataURL`), so the module carries no PNG encoder.

use super::charts::parse_labels;
use super::figure_canvas::{AnyBackend, PageCanvas};
use super::{js_error, Session};
use crate::figure::export::{splice, Bitmap, SvgImages};
use crate::figure::{self, pairs, Figure, FigureError, Labels, Options, Theme};
use plotters::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// What the page asks for, as `key<TAB>value` lines: `width`, `height`, `theme`
/// (`light`|`dark`) and `step` (the timeline's; absent: the race's).
struct Request {
    width: u32,
    height: u32,
    theme: Theme,
    step: Option<u64>,
}

impl Request {
    fn parse(text: &str) -> Request {
        let mut req = Request {
            width: 1600,
            height: 900,
            theme: Theme::Light,
            step: None,
        };
        for (k, v) in pairs(text) {
            match k {
                // A bad size is caught by Options::validate, with its message.
                "width" => req.width = v.parse().unwrap_or(0),
                "height" => req.height = v.parse().unwrap_or(0),
                "theme" => req.theme = Theme::from_name(v).unwrap_or(Theme::Light),
                "step" => req.step = v.parse().ok(),
                _ => {}
            }
        }
        req
    }
}

impl Session {
    fn figure(&self, step: Option<u64>, labels: Labels) -> Figure {
        let step = step.unwrap_or_else(|| self.race.step());
        let mut picture =
            Figure::with_labels(&self.scenario, self.race.runners(), Some(step), labels);
        // The start as the page moved it (the scenario keeps the loaded one).
        picture.start = self.race.start();
        picture
    }
}

/// `(svg, [{width, height, rgba}])` as a JS array.
fn svg_result(text: String, images: &[Bitmap]) -> js_sys::Array {
    let list = js_sys::Array::new();
    for b in images {
        let rgba: Vec<u8> = b
            .rgb
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect();
        let item = js_sys::Array::of3(
            &JsValue::from(b.w),
            &JsValue::from(b.h),
            &js_sys::Uint8ClampedArray::from(rgba.as_slice()),
        );
        list.push(&item);
    }
    js_sys::Array::of2(&JsValue::from(text), &list)
}

#[wasm_bindgen]
impl Session {
    /// The figure as SVG: `[svg, images]`, where the SVG's `<image>` number i has the href
    /// `#gradscape-image-i` and `images[i]` is `[width, height, rgba]` for the page to encode.
    /// `options`: [`Request`]'s lines; `labels`: translated labels as `key<TAB>label` lines
    /// (optional). Throws on a bad size.
    #[wasm_bindgen(js_name = figureSvg)]
    pub fn figure_svg(&self, options: &str, labels: &str) -> Result<js_sys::Array, JsError> {
        let req = Request::parse(options);
        let picture = self.figure(req.step, parse_labels(labels));
        let options = Options {
            width: req.width,
            height: req.height,
            theme: req.theme,
        };
        options.validate().map_err(js_error)?;
        let mut text = String::new();
        let images = Rc::new(RefCell::new(Vec::new()));
        {
            let size = (options.width, options.height);
            let root =
                AnyBackend::Svg(SvgImages::new(&mut text, size, &images)).into_drawing_area();
            figure::draw(&root, &picture, options.theme).map_err(js_error)?;
            root.present().map_err(js_error)?;
        }
        let images = images.take();
        let mut n = 0;
        let text = splice(&text, &images, |_| {
            n += 1;
            Ok::<_, FigureError>(format!("#gradscape-image-{}", n - 1))
        })
        .map_err(js_error)?;
        Ok(svg_result(text, &images))
    }

    /// Draws the figure over the whole of `canvas` (its pixel size; `options.width` and
    /// `height` are ignored). For PNG export (`toBlob`) and video frames.
    #[wasm_bindgen(js_name = figureDraw)]
    pub fn figure_draw(
        &self,
        canvas: HtmlCanvasElement,
        options: &str,
        labels: &str,
    ) -> Result<(), JsError> {
        let req = Request::parse(options);
        let theme = req.theme;
        Options {
            width: canvas.width(),
            height: canvas.height(),
            theme,
        }
        .validate()
        .map_err(js_error)?;
        let picture = self.figure(req.step, parse_labels(labels));
        let root =
            AnyBackend::Canvas(PageCanvas::new(canvas).map_err(js_error)?).into_drawing_area();
        figure::draw_joined(&root, &picture, theme, true).map_err(js_error)?;
        root.present().map_err(js_error)?;
        Ok(())
    }
}
