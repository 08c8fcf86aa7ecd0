//! The figure's layout over any plotters backend: a header (title, formula, step), the
//! view on the left (for regression the data view beside the (w, b) view), and on the right
//! the legend above the loss and learning-rate charts. Every length is in units of `u`, the
//! figure's size relative to 1600 × 900, so a slide at 2× looks the same, only sharper.

use super::labels::fill;
use super::theme::Colors;
use super::{charts, grid, legend, view, Figure, FigureError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What every part of the layout shares: theme colours and the size unit.
pub(crate) struct Ctx<'a> {
    pub figure: &'a Figure,
    pub theme: Theme,
    pub colors: Colors,
    /// Pixels per design unit (1 at 1600 × 900).
    pub u: f64,
    /// The backend joins thick lines round (a canvas), see `charts::Look::round_joins`.
    pub round_joins: bool,
}

impl Ctx<'_> {
    /// The charts' look at this figure's size and theme.
    pub fn look(&self) -> super::charts::Look {
        super::charts::Look {
            u: self.u,
            colors: self.colors,
            compact: false,
            round_joins: self.round_joins,
        }
    }

    /// `n` design units in pixels (at least 1).
    pub fn px(&self, n: f64) -> u32 {
        (n * self.u).round().max(1.0) as u32
    }

    /// Text of `size` units in `color`, bold or not.
    pub fn font(&self, size: f64, bold: bool, color: RGBColor) -> TextStyle<'static> {
        let style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        FontDesc::new(FontFamily::SansSerif, size * self.u, style).color(&color)
    }
}

/// Turns any backend error into a [`FigureError`].
pub(crate) fn fail<E: std::fmt::Debug>(e: E) -> FigureError {
    FigureError::Backend(format!("{e:?}"))
}

/// Draws `figure` over the whole of `root` in `theme`. The caller presents the area.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &Figure,
    theme: Theme,
) -> Result<(), FigureError> {
    draw_joined(root, figure, theme, false)
}

/// [`draw`] for a backend that joins thick lines round (`round_joins`: the page's canvas),
/// so that long lines are drawn as one polyline each.
pub fn draw_joined<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &Figure,
    theme: Theme,
    round_joins: bool,
) -> Result<(), FigureError> {
    let (w, h) = root.dim_in_pixel();
    let u = (f64::from(w) / 1600.0).min(f64::from(h) / 900.0);
    let ctx = Ctx {
        round_joins,
        figure,
        theme,
        colors: theme.colors(),
        u,
    };
    root.fill(&ctx.colors.background).map_err(fail)?;
    let pad = ctx.px(30.0) as i32;
    header(root, &ctx, pad)?;

    let top = pad + ctx.px(78.0) as i32;
    let body_h = (h as i32 - top - pad).max(1);
    let inner_w = w as i32 - 2 * pad;
    let regression = figure.problem.regression().is_some();
    // Side by side (page.layout "grid"): one small view per run in the view's place.
    let grid = figure.grid && !regression;
    let views = if regression { 2 } else { 1 };
    let share = if regression || grid { 0.66 } else { 0.56 };
    // The surface view is square; regression's two views share the width, full height.
    let side = (f64::from(inner_w) * share) as i32 / views;
    let side = if regression || grid {
        side
    } else {
        side.min(body_h)
    }
    .max(1);
    let gap = ctx.px(28.0) as i32;
    let area = |x: i32, y: i32, w: i32, h: i32| root.clone().shrink((x, y), (w.max(1), h.max(1)));
    if regression {
        view::data(&area(pad, top, side, body_h), &ctx)?;
        view::surface(&area(pad + side + gap / 2, top, side, body_h), &ctx)?;
    } else if grid {
        grid::panels(&area(pad, top, side, body_h), &ctx)?;
    } else {
        view::surface(&area(pad, top, side, side), &ctx)?;
    }

    let x = pad + views * side + views * gap / 2 + gap / 2;
    let right_w = w as i32 - pad - x;
    let legend_h = legend::height(&ctx, body_h / 2);
    legend::draw(&area(x, top, right_w, legend_h), &ctx)?;
    let charts_top = top + legend_h + ctx.px(14.0) as i32;
    let chart_gap = ctx.px(18.0) as i32;
    let chart_h = (top + body_h - charts_top - chart_gap) / 2;
    charts::loss(&area(x, charts_top, right_w, chart_h), &ctx)?;
    let lr_top = charts_top + chart_h + chart_gap;
    charts::learning_rate(&area(x, lr_top, right_w, chart_h), &ctx)?;
    Ok(())
}

/// Title and formula on the left, the step on the right.
fn header<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
    pad: i32,
) -> Result<(), FigureError> {
    let (w, _) = root.dim_in_pixel();
    let c = ctx.colors;
    let figure = ctx.figure;
    root.draw(&Text::new(
        figure.title.clone(),
        (pad, pad),
        ctx.font(34.0, true, c.text),
    ))
    .map_err(fail)?;
    root.draw(&Text::new(
        figure.subtitle.clone(),
        (pad, pad + ctx.px(46.0) as i32),
        ctx.font(19.0, false, c.muted),
    ))
    .map_err(fail)?;
    let right = |size: f64, bold: bool, color: RGBColor| {
        ctx.font(size, bold, color)
            .pos(Pos::new(HPos::Right, VPos::Top))
    };
    root.draw(&Text::new(
        fill(&figure.labels.step_of, "step", &group(figure.step)),
        (w as i32 - pad, pad),
        right(34.0, true, c.text),
    ))
    .map_err(fail)?;
    root.draw(&Text::new(
        fill(&figure.labels.of_steps, "n", &group(figure.steps)),
        (w as i32 - pad, pad + ctx.px(46.0) as i32),
        right(19.0, false, c.muted),
    ))
    .map_err(fail)?;
    Ok(())
}

/// `100000` → `100,000`.
pub(crate) fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}
