//! The loss chart and the learning-rate chart: every run's series up to the figure's step,
//! on a log y axis (as the page: loss shifted by the lowest minimum when that is negative,
//! linear when the problem has no minimum), reduced to a min/max envelope per pixel column.

use super::clip;
use super::layout::{fail, Ctx};
use super::FigureError;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Log scale: smaller values are drawn at the floor (as the page's charts).
const FLOOR: f64 = 1e-16;

/// One chart's series: `(first x, values)` per run, in run order.
struct Chart<'a> {
    caption: String,
    y_desc: &'a str,
    log: bool,
    series: Vec<(f64, Vec<f64>)>,
}

/// The loss of every run against the step.
pub(crate) fn loss<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let minima = ctx.figure.problem.minima();
    let fstar = minima.iter().map(|m| m.value).min_by(f64::total_cmp);
    let log = fstar.is_some();
    let shift = fstar.filter(|&f| f < 0.0).unwrap_or(0.0);
    let (caption, y_desc) = match fstar {
        None => ("Loss (linear scale: no minimum)".to_string(), "loss"),
        Some(f) if f < 0.0 => (
            format!("Loss − min (min = {f:.4}, log scale)"),
            "loss − min",
        ),
        Some(_) => ("Loss (log scale)".to_string(), "loss"),
    };
    let series = ctx
        .figure
        .runs
        .iter()
        .map(|r| (0.0, r.loss.iter().map(|v| v - shift).collect()))
        .collect();
    draw(
        area,
        ctx,
        &Chart {
            caption,
            y_desc,
            log,
            series,
        },
    )
}

/// The learning rate of every run against the step (rate k is used by step k + 1).
pub(crate) fn learning_rate<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let series = ctx
        .figure
        .runs
        .iter()
        .map(|r| (1.0, r.lr.clone()))
        .collect();
    let chart = Chart {
        caption: "Learning rate (log scale)".into(),
        y_desc: "learning rate",
        log: true,
        series,
    };
    draw(area, ctx, &chart)
}

/// The y range of the values: whole decades on a log axis, padded on a linear one. Runs
/// that diverged are left out when others did not, so one blow-up does not flatten the
/// rest (its line leaves through the top).
fn y_range(series: &[(f64, Vec<f64>)], diverged: &[bool], log: bool) -> (f64, f64) {
    let all_diverged = diverged.iter().all(|&d| d);
    let values = series
        .iter()
        .zip(diverged)
        .filter(|(_, &d)| all_diverged || !d)
        .flat_map(|((_, v), _)| v.iter().copied());
    let values = values
        .filter(|v| v.is_finite())
        .map(|v| if log { v.max(FLOOR) } else { v });
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !lo.is_finite() {
        return if log { (0.1, 10.0) } else { (0.0, 1.0) };
    }
    if log {
        // Whole decades, with room so that no line runs along the frame.
        let (a, b) = ((lo.log10() - 0.15).floor(), (hi.log10() + 0.15).ceil());
        (10f64.powf(a), 10f64.powf(b))
    } else {
        let pad = ((hi - lo) * 0.05).max(1e-12);
        (lo - pad, hi + pad)
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

fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
    chart_spec: &Chart,
) -> Result<(), FigureError> {
    let c = ctx.colors;
    let x_max = (ctx.figure.step.max(1)) as f64;
    let diverged: Vec<bool> = ctx
        .figure
        .runs
        .iter()
        .map(|r| r.diverged_at.is_some())
        .collect();
    let (lo, hi) = y_range(&chart_spec.series, &diverged, chart_spec.log);
    let mut builder = ChartBuilder::on(area);
    builder
        .caption(&chart_spec.caption, ctx.font(18.0, true, c.text))
        .margin_right(ctx.px(10.0))
        .x_label_area_size(ctx.px(48.0))
        .y_label_area_size(ctx.px(74.0));
    let (w, _) = area.dim_in_pixel();
    let columns = w.saturating_sub(ctx.px(84.0)).max(1) as usize;
    // A macro, not a closure: the mesh type differs between the two axis kinds.
    macro_rules! mesh {
        ($chart:expr) => {
            $chart
                .configure_mesh()
                .x_desc("step")
                .y_desc(chart_spec.y_desc)
                .x_labels(6)
                .y_labels(6)
                .light_line_style(c.grid.mix(0.0))
                .bold_line_style(c.grid.stroke_width(1))
                .axis_style(c.axis.stroke_width(1))
                .label_style(ctx.font(15.0, false, c.muted))
                .axis_desc_style(ctx.font(16.0, false, c.text))
                .x_label_formatter(&|v| super::layout::group(*v as u64))
                .y_label_formatter(&|v| tick(*v))
                .draw()
                .map_err(fail)?
        };
    }
    // The two axis kinds are different types, hence two arms drawing the same series.
    let runs = &ctx.figure.runs;
    let width = ctx.px(2.4);
    macro_rules! draw_runs {
        ($chart:ident) => {
            for ((first, values), run) in chart_spec.series.iter().zip(runs) {
                let points = clip::envelope(values, *first, x_max, columns);
                let style = ctx.theme.run_color(run.color).stroke_width(width);
                let coords = $chart.as_coord_spec();
                let runs = clip::smooth_runs(points.into_iter().map(|(x, y)| {
                    let p = (x, y.clamp(lo, hi));
                    (p, coords.translate(&p))
                }));
                $chart
                    .draw_series(runs.into_iter().map(|r| PathElement::new(r, style)))
                    .map_err(fail)?;
            }
        };
    }
    if chart_spec.log {
        let mut chart = builder
            .build_cartesian_2d(0.0..x_max, (lo..hi).log_scale())
            .map_err(fail)?;
        mesh!(chart);
        draw_runs!(chart);
    } else {
        let mut chart = builder
            .build_cartesian_2d(0.0..x_max, lo..hi)
            .map_err(fail)?;
        mesh!(chart);
        draw_runs!(chart);
    }
    Ok(())
}
