//! Drawing one [`Chart`] with plotters over any backend: the y range (whole decades on a
//! log axis), tick labels, the frame, each run as a min/max band ([`super::band`]) and the
//! markers. Returns the [`Plot`] rectangle so the page can map a hover to a step.

use super::*;

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
    crate::figure::short(v)
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
    let last = crate::figure::layout::group(x_max as u64);
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
        .x_label_formatter(&|v| crate::figure::layout::group(v.max(0.0) as u64))
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
