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

mod plot;
pub(crate) use plot::draw;

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
