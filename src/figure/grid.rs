//! The figure's side-by-side view (a scenario with `page.layout: "grid"`, as the page's
//! Side by side layout): one small surface view per run, in the rows and columns that hold
//! the largest square views, each titled with its run's name, optimizer and settings and
//! drawn by [`view::surface`] with only that run, so every panel has the same view box,
//! colour scale, contours, start and minima.

use super::layout::{fail, Ctx};
use super::{view, Figure, FigureError};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Rows and columns for `n` square panels in a `w × h` area: the most columns among the
/// layouts whose panel side is largest.
pub(crate) fn rows_cols(n: usize, w: i32, h: i32) -> (usize, usize) {
    let n = n.max(1);
    let mut best = (1, n, i32::MIN);
    for cols in 1..=n {
        let rows = n.div_ceil(cols);
        let side = (w / cols as i32).min(h / rows as i32);
        if side >= best.2 {
            best = (rows, cols, side);
        }
    }
    (best.0, best.1)
}

/// Draws every run of `ctx.figure` in its own panel over `area`.
pub(crate) fn panels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let figure = ctx.figure;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (rows, cols) = rows_cols(figure.runs.len(), w, h);
    let gap = ctx.px(14.0) as i32;
    let title_h = ctx.px(26.0) as i32;
    let pw = ((w - gap * (cols as i32 - 1)) / cols as i32).max(1);
    let ph = ((h - gap * (rows as i32 - 1)) / rows as i32).max(1);
    for (i, run) in figure.runs.iter().enumerate() {
        let (r, c) = ((i / cols) as i32, (i % cols) as i32);
        let (x, y) = (c * (pw + gap), r * (ph + gap));
        let one = Figure {
            runs: vec![run.clone()],
            ..figure.clone()
        };
        let sub = Ctx {
            figure: &one,
            theme: ctx.theme,
            colors: ctx.colors,
            u: ctx.u,
            round_joins: ctx.round_joins,
        };
        // The optimizer only where the name does not already say it.
        let mut title = if run.name == run.optimizer {
            format!("{} · {}", run.name, run.settings)
        } else {
            format!("{} · {} · {}", run.name, run.optimizer, run.settings)
        };
        if let Some(at) = run.diverged_at {
            title.push_str(&format!(" · diverged at step {at}"));
        }
        area.draw(&Text::new(
            title,
            (x + ctx.px(8.0) as i32, y),
            ctx.font(15.0, true, ctx.theme.run_color(run.color)),
        ))
        .map_err(fail)?;
        let view_area = area
            .clone()
            .shrink((x, y + title_h), (pw as u32, (ph - title_h).max(1) as u32));
        view::surface(&view_area, &sub)?;
    }
    Ok(())
}
