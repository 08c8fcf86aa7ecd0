//! The views: the loss surface (heat map from [`crate::field`] blitted as pixels, its
//! contours, every run's path with a dark halo so it reads on any colour, the start ring,
//! the minima and each run's current point or its ✕ where it diverged), and for regression
//! the data (scatter, validation points hollow) with each run's fitted line at the step.
//! The surface keeps one scale on both axes, as the page does, so shapes are not distorted.

use super::clip;
use super::layout::{fail, Ctx};
use super::FigureError;
use crate::field::Grid;
use crate::surfaces::Bounds;
use crate::vec2::Vec2;
use plotters::coord::Shift;
use plotters::element::BitMapElement;
use plotters::prelude::*;

const CONTOURS: usize = 14;
/// Most data points drawn (every n-th beyond).
const MAX_POINTS: usize = 4000;

/// `bounds` grown on one axis so that a `w × h` pixel panel shows both axes at one scale.
fn equal_scale(b: Bounds, w: u32, h: u32) -> Bounds {
    let (rx, ry) = (b.max.x - b.min.x, b.max.y - b.min.y);
    let per_px = (rx / f64::from(w)).max(ry / f64::from(h));
    let (hx, hy) = (per_px * f64::from(w) / 2.0, per_px * f64::from(h) / 2.0);
    let c = (b.min + b.max) * 0.5;
    Bounds::new(c.x - hx, c.x + hx, c.y - hy, c.y + hy)
}

fn tick(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// The (x, y) or (w, b) plane with the heat map, contours, paths and markers.
pub(crate) fn surface<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let figure = ctx.figure;
    let c = ctx.colors;
    let (x_name, y_name) = if figure.problem.regression().is_some() {
        ("w (slope)", "b (intercept)")
    } else {
        ("x", "y")
    };
    let (label_x, label_y) = (ctx.px(52.0), ctx.px(64.0));
    let (w, h) = area.dim_in_pixel();
    let inner = (
        w.saturating_sub(label_y + ctx.px(6.0)).max(1),
        h.saturating_sub(label_x + ctx.px(6.0)).max(1),
    );
    let regression = figure.problem.regression().is_some();
    let caption_h = if regression { ctx.px(30.0) } else { 0 };
    let inner = (inner.0, inner.1.saturating_sub(caption_h).max(1));
    let b = equal_scale(figure.bounds, inner.0, inner.1);
    let mut builder = ChartBuilder::on(area);
    if regression {
        builder.caption(&figure.labels.param_view, ctx.font(18.0, true, c.text));
    }
    let mut chart = builder
        .margin_right(ctx.px(6.0))
        .margin_top(ctx.px(6.0))
        .x_label_area_size(label_x)
        .y_label_area_size(label_y)
        .build_cartesian_2d(b.min.x..b.max.x, b.min.y..b.max.y)
        .map_err(fail)?;

    // The heat map at one sample per pixel of the plotting area.
    let plot = chart.plotting_area().strip_coord_spec();
    let (pw, ph) = plot.dim_in_pixel();
    let grid = Grid::sample(&figure.problem, b, pw as usize, ph as usize);
    let rgb: Vec<u8> = grid
        .colorize(figure.scale)
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let (gw, gh) = (grid.width as u32, grid.height as u32);
    if let Some(image) = BitMapElement::with_owned_buffer((0, 0), (gw, gh), rgb) {
        plot.draw(&image).map_err(fail)?;
    }
    let contour = WHITE.mix(0.32).stroke_width(ctx.px(1.2));
    let levels = grid.levels(figure.scale, CONTOURS);
    for iso in grid.isolines(&levels) {
        chart
            .draw_series(iso.lines.iter().map(|line| {
                PathElement::new(line.iter().map(|p| (p.x, p.y)).collect::<Vec<_>>(), contour)
            }))
            .map_err(fail)?;
    }

    chart
        .configure_mesh()
        .disable_mesh()
        .x_desc(x_name)
        .y_desc(y_name)
        .x_labels(7)
        .y_labels(7)
        .x_label_formatter(&|v| tick(*v))
        .y_label_formatter(&|v| tick(*v))
        .axis_style(c.axis.stroke_width(1))
        .label_style(ctx.font(15.0, false, c.muted))
        .axis_desc_style(ctx.font(17.0, false, c.text))
        .draw()
        .map_err(fail)?;

    // Paths: a dark halo first, then the colour, thinned to about a pixel.
    let per_px = (b.max.x - b.min.x) / f64::from(pw.max(1));
    let halo = BLACK.mix(0.45).stroke_width(ctx.px(5.5));
    for run in &figure.runs {
        let pieces: Vec<Vec<(f64, f64)>> = clip::polyline(&clip::thin(&run.path, per_px * 0.8), b)
            .iter()
            .flat_map(|piece| {
                let coords = chart.as_coord_spec();
                let points = piece
                    .iter()
                    .map(|p| ((p.x, p.y), coords.translate(&(p.x, p.y))));
                // Split at turns on every backend: one long self-crossing polyline with a
                // translucent halo is very slow for a canvas to rasterise (52 s measured).
                clip::smooth_runs(points)
            })
            .collect();
        // The view looks the same in both themes, so paths keep the run's own colour.
        for style in [halo, run.color.rgb().stroke_width(ctx.px(2.6))] {
            chart
                .draw_series(
                    pieces
                        .iter()
                        .map(|piece| PathElement::new(piece.clone(), style)),
                )
                .map_err(fail)?;
        }
    }

    let inside = |p: Vec2| p.x >= b.min.x && p.x <= b.max.x && p.y >= b.min.y && p.y <= b.max.y;
    let at = |p: Vec2| (p.x, p.y);
    // Minima: white diamonds.
    for &m in figure.minima.iter().filter(|&&m| inside(m)) {
        let r = per_px * f64::from(ctx.px(8.0));
        let diamond = vec![
            (m.x, m.y + r),
            (m.x + r, m.y),
            (m.x, m.y - r),
            (m.x - r, m.y),
        ];
        let mut outline = diamond.clone();
        outline.push(diamond[0]);
        chart
            .draw_series([Polygon::new(diamond, WHITE.filled())])
            .map_err(fail)?;
        chart
            .draw_series([PathElement::new(
                outline,
                BLACK.mix(0.7).stroke_width(ctx.px(1.5)),
            )])
            .map_err(fail)?;
    }
    // Start: a white ring around a dark dot.
    if inside(figure.start) {
        chart
            .draw_series([
                Circle::new(
                    at(figure.start),
                    ctx.px(11.0),
                    BLACK.mix(0.5).stroke_width(ctx.px(5.0)),
                ),
                Circle::new(
                    at(figure.start),
                    ctx.px(11.0),
                    WHITE.stroke_width(ctx.px(2.5)),
                ),
                Circle::new(at(figure.start), ctx.px(3.5), WHITE.filled()),
            ])
            .map_err(fail)?;
    }
    // Current points, or a red ✕ where a run diverged.
    for run in &figure.runs {
        let Some(&p) = run.path.last() else { continue };
        if !inside(p) {
            continue;
        }
        if run.diverged_at.is_some() {
            let s = ctx.px(9.0) as i32;
            chart
                .draw_series([
                    Cross::new(at(p), s, BLACK.mix(0.6).stroke_width(ctx.px(6.0))),
                    Cross::new(at(p), s, c.bad.stroke_width(ctx.px(3.0))),
                ])
                .map_err(fail)?;
        } else {
            chart
                .draw_series([
                    Circle::new(at(p), ctx.px(8.0), WHITE.filled()),
                    Circle::new(at(p), ctx.px(6.0), run.color.rgb().filled()),
                ])
                .map_err(fail)?;
        }
    }
    Ok(())
}

/// Regression's data: the points and each run's line `y = w·x + b` at the figure's step.
pub(crate) fn data<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let Some(reg) = ctx.figure.problem.regression() else {
        return Ok(());
    };
    let c = ctx.colors;
    let range = |v: &[f64]| {
        let (lo, hi) = v
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| {
                (a.min(x), b.max(x))
            });
        if !lo.is_finite() {
            return (-1.0, 1.0);
        }
        let pad = ((hi - lo) * 0.08).max(1e-9);
        (lo - pad, hi + pad)
    };
    let (x0, x1) = range(&reg.data.x);
    let (y0, y1) = range(&reg.data.y);
    let labels = &ctx.figure.labels;
    let caption = if reg.validation.is_empty() {
        &labels.data_view
    } else {
        &labels.data_view_split
    };
    let mut chart = ChartBuilder::on(area)
        .caption(caption, ctx.font(18.0, true, c.text))
        .margin_right(ctx.px(6.0))
        .margin_top(ctx.px(6.0))
        .x_label_area_size(ctx.px(52.0))
        .y_label_area_size(ctx.px(64.0))
        .build_cartesian_2d(x0..x1, y0..y1)
        .map_err(fail)?;
    chart
        .configure_mesh()
        .x_desc("x")
        .y_desc("y")
        .x_labels(7)
        .y_labels(7)
        .x_label_formatter(&|v| tick(*v))
        .y_label_formatter(&|v| tick(*v))
        .light_line_style(c.grid.mix(0.0))
        .bold_line_style(c.grid.stroke_width(1))
        .axis_style(c.axis.stroke_width(1))
        .label_style(ctx.font(15.0, false, c.muted))
        .axis_desc_style(ctx.font(17.0, false, c.text))
        .draw()
        .map_err(fail)?;

    let stride = reg.data.len().div_ceil(MAX_POINTS).max(1);
    let r = ctx.px(3.6);
    let dot = c.text.mix(0.55);
    chart
        .draw_series((0..reg.data.len()).step_by(stride).map(|i| {
            let p = (reg.data.x[i], reg.data.y[i]);
            if reg.is_validation[i] {
                Circle::new(p, r, dot.stroke_width(ctx.px(1.5)))
            } else {
                Circle::new(p, r, dot.filled())
            }
        }))
        .map_err(fail)?;
    let view = Bounds::new(x0, x1, y0, y1);
    for run in &ctx.figure.runs {
        let Some(&p) = run.path.last() else { continue };
        let (w, b) = (p.x, p.y);
        let ends = (Vec2::new(x0, w * x0 + b), Vec2::new(x1, w * x1 + b));
        if let Some((a, e)) = clip::segment(ends.0, ends.1, view) {
            chart
                .draw_series([PathElement::new(
                    vec![(a.x, a.y), (e.x, e.y)],
                    ctx.theme.run_color(run.color).stroke_width(ctx.px(3.0)),
                )])
                .map_err(fail)?;
        }
    }
    Ok(())
}
