//! The charts, defined once for the figure, the page and the CLI: the loss chart (log axis,
//! as the page: loss shifted by the lowest minimum when that is negative, linear when the
//! problem has no minimum), the learning-rate chart, and regression's training (solid) and
//! validation (dashed) loss with a marker at each early-stopping run's best step.
//!
//! A [`Chart`] holds lines already reduced to the chart's pixel columns (a min/max envelope,
//! [`super::envelope`]), so drawing costs the same at step 100 and at step 1,000,000.
//! [`draw`] lays it out with plotters over any backend and returns where it plotted, so
//! the page can map a hover to a step.

use super::band;
use super::clip;
use super::labels::{fill, Labels};
use super::layout::{fail, Ctx};
use super::theme::Colors;
use super::FigureError;
use crate::objective::Problem;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Log scale: smaller values are drawn at the floor (as the page's charts).
pub(crate) const FLOOR: f64 = 1e-16;

/// One run's line: `(step, value)` points in order.
pub(crate) struct Line {
    pub color: RGBColor,
    pub dashed: bool,
    /// Left out of the y range when other runs did not diverge (one blow-up must not
    /// flatten the rest; its line leaves through the top).
    pub diverged: bool,
    pub points: Vec<(f64, f64)>,
}

/// A dot on a line with a vertical guide and a label (the best step).
pub(crate) struct Marker {
    pub x: f64,
    pub y: f64,
    pub color: RGBColor,
    pub label: String,
}

/// One chart: what it shows and how its axes are named.
pub(crate) struct Chart {
    /// Drawn above the plot when set (the page has its own captions).
    pub caption: Option<String>,
    /// Axis titles (empty: none, for the page's small charts).
    pub x_desc: String,
    pub y_desc: String,
    pub log: bool,
    /// The x range ends here (the race's step).
    pub x_max: f64,
    pub lines: Vec<Line>,
    pub markers: Vec<Marker>,
}

/// How a chart looks: `u` pixels per design unit, the theme's colours, and whether it is
/// the page's compact chart (13 px labels, narrow margins) or the figure's.
#[derive(Clone, Copy)]
pub(crate) struct Look {
    pub u: f64,
    pub colors: Colors,
    pub compact: bool,
    /// The backend joins thick lines with round corners (a canvas): lines are drawn as one
    /// polyline each instead of being split at sharp turns.
    pub round_joins: bool,
}

impl Look {
    fn px(&self, n: f64) -> u32 {
        (n * self.u).round().max(1.0) as u32
    }
    fn font(&self, size: f64, bold: bool, color: RGBColor) -> TextStyle<'static> {
        let style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        FontDesc::new(FontFamily::SansSerif, size * self.u, style).color(&color)
    }
    /// Left and bottom label areas in pixels.
    fn label_areas(&self, has_desc: bool) -> (u32, u32) {
        match (self.compact, has_desc) {
            (true, false) => (self.px(58.0), self.px(24.0)),
            (true, true) => (self.px(74.0), self.px(40.0)),
            (false, _) => (self.px(74.0), self.px(48.0)),
        }
    }
    /// Pixel columns of the plot in an area `width` pixels wide (what lines are reduced to).
    pub fn columns(&self, width: u32, has_desc: bool) -> usize {
        let (left, _) = self.label_areas(has_desc);
        width.saturating_sub(left + self.px(14.0)).max(1) as usize
    }
}

/// Where a chart plotted, in the backend's pixels, and the x range it maps there.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Plot {
    pub left: i32,
    pub right: i32,
    pub top: i32,
    pub bottom: i32,
    pub x_max: f64,
}

impl Plot {
    /// The step under pixel column `x` (clamped to the range). Used by the page's hover
    /// (src/web/charts.rs, wasm32 only).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub fn step_at(&self, x: f64) -> f64 {
        let w = f64::from((self.right - self.left).max(1));
        ((x - f64::from(self.left)) / w).clamp(0.0, 1.0) * self.x_max
    }
}

/// The loss chart's caption, axis title, scale and the shift subtracted from every value.
pub(crate) fn loss_axis(problem: &Problem, labels: &Labels) -> (String, String, bool, f64) {
    let fstar = problem
        .minima()
        .iter()
        .map(|m| m.value)
        .min_by(f64::total_cmp);
    match fstar {
        None => (
            labels.loss_linear.clone(),
            labels.loss_axis.clone(),
            false,
            0.0,
        ),
        Some(f) if f < 0.0 => (
            fill(&labels.loss_shifted, "min", &format!("{f:.4}")),
            labels.loss_shifted_axis.clone(),
            true,
            f,
        ),
        Some(_) => (labels.loss_log.clone(), labels.loss_axis.clone(), true, 0.0),
    }
}

/// The figure's loss chart (every run up to the figure's step).
pub(crate) fn loss<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let figure = ctx.figure;
    let labels = &figure.labels;
    let look = ctx.look();
    let columns = look.columns(area.dim_in_pixel().0, true);
    let x_max = figure.step.max(1) as f64;
    if figure.problem.regression().is_some() {
        let mut lines = Vec::new();
        let mut markers = Vec::new();
        for run in &figure.runs {
            let color = ctx.theme.run_color(run.color);
            let line = |values: &[f64], dashed| Line {
                color,
                dashed,
                diverged: run.diverged_at.is_some(),
                points: clip::envelope(values, 0.0, x_max, columns),
            };
            lines.push(line(&run.loss, false));
            if !run.validation.is_empty() {
                lines.push(line(&run.validation, true));
            }
            if let Some(best) = run.best_step {
                let at = best as usize;
                let value = run.validation.get(at).or(run.loss.get(at));
                if let Some(&y) = value.filter(|v| v.is_finite()) {
                    markers.push(Marker {
                        x: best as f64,
                        y,
                        color,
                        label: fill(&labels.best_step, "step", &super::layout::group(best)),
                    });
                }
            }
        }
        let chart = Chart {
            caption: Some(labels.regression_loss.clone()),
            x_desc: labels.step_axis.clone(),
            y_desc: labels.loss_axis.clone(),
            log: true,
            x_max,
            lines,
            markers,
        };
        return draw(area, &chart, look).map(|_| ());
    }
    let (caption, y_desc, log, shift) = loss_axis(&figure.problem, labels);
    let lines = figure
        .runs
        .iter()
        .map(|r| {
            let values: Vec<f64> = r.loss.iter().map(|v| v - shift).collect();
            Line {
                color: ctx.theme.run_color(r.color),
                dashed: false,
                diverged: r.diverged_at.is_some(),
                points: clip::envelope(&values, 0.0, x_max, columns),
            }
        })
        .collect();
    let chart = Chart {
        caption: Some(caption),
        x_desc: labels.step_axis.clone(),
        y_desc,
        log,
        x_max,
        lines,
        markers: Vec::new(),
    };
    draw(area, &chart, look).map(|_| ())
}

/// The figure's learning-rate chart (rate k is used by step k + 1).
pub(crate) fn learning_rate<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let figure = ctx.figure;
    let look = ctx.look();
    let columns = look.columns(area.dim_in_pixel().0, true);
    let x_max = figure.step.max(1) as f64;
    let lines = figure
        .runs
        .iter()
        .map(|r| Line {
            color: ctx.theme.run_color(r.color),
            dashed: false,
            diverged: r.diverged_at.is_some(),
            points: clip::envelope(&r.lr, 1.0, x_max, columns),
        })
        .collect();
    let chart = Chart {
        caption: Some(figure.labels.lr_caption.clone()),
        x_desc: figure.labels.step_axis.clone(),
        y_desc: figure.labels.lr_axis.clone(),
        log: true,
        x_max,
        lines,
        markers: Vec::new(),
    };
    draw(area, &chart, look).map(|_| ())
}

/// The y range of the lines in plotted units (decade exponents on a log axis): whole
/// decades on a log axis, padded on a linear one.
fn y_range(lines: &[Line], log: bool) -> (f64, f64) {
    let all_diverged = lines.iter().all(|l| l.diverged);
    let values = lines
        .iter()
        .filter(|l| all_diverged || !l.diverged)
        .flat_map(|l| l.points.iter().map(|p| to_axis(p.1, log)));
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
    if !lo.is_finite() {
        return if log { (-1.0, 1.0) } else { (0.0, 1.0) };
    }
    if log {
        // Whole decades, with room so that no line runs along the frame.
        ((lo - 0.15).floor(), (hi + 0.15).ceil())
    } else {
        let pad = ((hi - lo) * 0.05).max(1e-12 + lo.abs() * 1e-9);
        (lo - pad, hi + pad)
    }
}

/// A value in plotted units: its decade exponent on a log axis (floored at [`FLOOR`]).
/// One coordinate type for both axis kinds keeps one copy of the chart code in the page.
fn to_axis(v: f64, log: bool) -> f64 {
    if log {
        v.max(FLOOR).log10()
    } else {
        v
    }
}

/// A tick label: `1e-3`, `0.1`, `10`, `1e5`.
fn tick(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let e = v.abs().log10();
    if (e - e.round()).abs() < 1e-9 && !(-3.0..=4.0).contains(&e.round()) {
        let sign = if v < 0.0 { "-" } else { "" };
        return format!("{sign}1e{}", e.round() as i32);
    }
    super::short(v)
}

/// Draws `spec` over `area`; returns where the plot went.
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &Chart,
    look: Look,
) -> Result<Plot, FigureError> {
    let c = look.colors;
    let log = spec.log;
    let x_max = spec.x_max.max(1.0);
    let (lo, hi) = y_range(&spec.lines, log);
    let has_desc = !spec.y_desc.is_empty();
    let (left, bottom) = look.label_areas(has_desc);
    let mut builder = ChartBuilder::on(area);
    if let Some(caption) = &spec.caption {
        builder.caption(caption, look.font(18.0, true, c.text));
    }
    let (label_size, desc_size) = if look.compact {
        (13.0, 13.0)
    } else {
        (15.0, 16.0)
    };
    // The last x label is centred on the plot's right edge: room for half of it (the
    // widest it can be is the range's end), so that "3,000" is not cut to "3,00".
    let last = super::layout::group(x_max as u64);
    let half = area
        .estimate_text_size(&last, &look.font(label_size, false, c.muted))
        .map_or(0, |(w, _)| w.div_ceil(2) + look.px(2.0));
    builder
        .margin_right(look.px(if look.compact { 14.0 } else { 10.0 }).max(half))
        .margin_top(look.px(if look.compact { 8.0 } else { 0.0 }))
        .x_label_area_size(bottom)
        .y_label_area_size(left);
    let (w, h) = area.dim_in_pixel();
    // As many x labels as fit with a quarter label between them (a narrow chart: two).
    let x_labels = (w.saturating_sub(left) * 2 / (5 * half.max(1))).clamp(2, 6) as usize;
    let room = ((f64::from(h) / look.u) / 30.0).clamp(2.0, 8.0) as usize;
    // On a log axis one label per decade (every other one when they would crowd).
    let decades = (hi - lo).round().max(1.0) as usize;
    let y_labels = if log {
        (decades / decades.div_ceil(room).max(1) + 1).max(2)
    } else {
        room
    };
    let mut chart = builder
        .build_cartesian_2d(0.0..x_max, lo..hi)
        .map_err(fail)?;
    let y_label = |v: &f64| {
        if log {
            tick(10f64.powf(*v))
        } else {
            tick(*v)
        }
    };
    chart
        .configure_mesh()
        .x_desc(spec.x_desc.as_str())
        .y_desc(spec.y_desc.as_str())
        .x_labels(x_labels)
        .y_labels(y_labels)
        .light_line_style(c.grid.mix(0.0))
        .bold_line_style(c.grid.stroke_width(1))
        .axis_style(c.axis.stroke_width(1))
        .label_style(look.font(label_size, false, c.muted))
        .axis_desc_style(look.font(desc_size, false, c.text))
        .x_label_formatter(&|v| super::layout::group(v.max(0.0) as u64))
        .y_label_formatter(&y_label)
        .draw()
        .map_err(fail)?;

    let width = look.px(if look.compact { 2.0 } else { 2.4 });
    for line in &spec.lines {
        let style = line.color.stroke_width(width);
        let coords = chart.as_coord_spec();
        let points = line.points.iter().map(|&(x, y)| {
            let p = (x, to_axis(y, log).clamp(lo, hi));
            (p, coords.translate(&p))
        });
        if look.round_joins && !line.dashed {
            // A canvas: the line as one filled band plus strokes where it is steep
            // (`band`), drawn in the area's pixels.
            let (bx, by) = area.get_base_pixel();
            let shape = band::band(points.map(|(_, (x, y))| (x - bx, y - by)), width);
            area.draw(&Polygon::new(shape.polygon, line.color.filled()))
                .map_err(fail)?;
            for s in shape.strokes {
                area.draw(&PathElement::new(s, style)).map_err(fail)?;
            }
            continue;
        }
        let runs = if look.round_joins {
            clip::joined_runs(points)
        } else {
            clip::smooth_runs(points)
        };
        if line.dashed {
            let (dash, gap) = (look.px(7.0), look.px(5.0));
            chart
                .draw_series(
                    runs.into_iter()
                        .map(|r| DashedPathElement::new(r, dash, gap, style)),
                )
                .map_err(fail)?;
        } else {
            chart
                .draw_series(runs.into_iter().map(|r| PathElement::new(r, style)))
                .map_err(fail)?;
        }
    }
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    for m in &spec.markers {
        let p = (m.x, to_axis(m.y, log).clamp(lo, hi));
        let guide = m.color.mix(0.6).stroke_width(look.px(1.5));
        let (dash, gap) = (look.px(3.0), look.px(4.0));
        chart
            .draw_series([DashedPathElement::new(
                vec![(m.x, lo), (m.x, hi)],
                dash,
                gap,
                guide,
            )])
            .map_err(fail)?;
        chart
            .draw_series([
                Circle::new(p, look.px(7.0), c.text.filled()),
                Circle::new(p, look.px(5.5), m.color.filled()),
            ])
            .map_err(fail)?;
        let (px, _) = chart.as_coord_spec().translate(&p);
        let right = px > xr.end - look.px(70.0) as i32;
        let (pos, dx) = if right {
            (Pos::new(HPos::Right, VPos::Bottom), -(look.px(8.0) as i32))
        } else {
            (Pos::new(HPos::Left, VPos::Bottom), look.px(8.0) as i32)
        };
        let label = look.font(12.0, true, c.text).pos(pos);
        chart
            .draw_series([EmptyElement::at(p)
                + Text::new(m.label.clone(), (dx, -(look.px(6.0) as i32)), label)])
            .map_err(fail)?;
    }
    Ok(Plot {
        left: xr.start,
        right: xr.end,
        top: yr.start,
        bottom: yr.end,
        x_max,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::theme::Theme;

    #[test]
    fn a_drawn_chart_maps_its_plot_edges_to_the_first_and_last_step() {
        let mut svg = String::new();
        let plot = {
            let root = SVGBackend::with_string(&mut svg, (600, 300)).into_drawing_area();
            let chart = Chart {
                caption: None,
                x_desc: String::new(),
                y_desc: String::new(),
                log: true,
                x_max: 500.0,
                lines: vec![Line {
                    color: RGBColor(200, 0, 0),
                    dashed: false,
                    diverged: false,
                    points: (0..=500)
                        .map(|i| (f64::from(i), 1.0 / f64::from(i + 1)))
                        .collect(),
                }],
                markers: Vec::new(),
            };
            let look = Look {
                u: 1.0,
                colors: Theme::Dark.colors(),
                compact: true,
                round_joins: true,
            };
            draw(&root, &chart, look).unwrap()
        };
        assert!(
            plot.left > 40 && plot.right < 600 && plot.left < plot.right,
            "{plot:?}"
        );
        assert_eq!(plot.step_at(f64::from(plot.left)), 0.0);
        assert_eq!(plot.step_at(f64::from(plot.right)), 500.0);
        assert_eq!(
            plot.step_at(f64::from(plot.left + plot.right) / 2.0)
                .round(),
            250.0
        );
        // Log axis: decade labels (1e-3 … 1); on a canvas-like backend the run is one
        // filled band plus strokes of its steep start (1/(i+1) falls fast at first).
        assert!(
            svg.contains(">0.01<") || svg.contains("0.01\n"),
            "decade labels"
        );
        let svg = svg.to_uppercase();
        assert_eq!(svg.matches("<POLYGON").count(), 1, "one band");
        let paths = svg.matches("#C80000").count();
        assert!(
            (2..=3).contains(&paths),
            "band and a stroke or two: {paths}"
        );
    }
}
