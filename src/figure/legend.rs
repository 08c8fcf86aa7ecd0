//! The legend: one row per run with its colour, name, optimizer and key hyper-parameters,
//! and its loss at the figure's step (or where it diverged). Rows that do not fit are
//! summed up as `+ n more`.

use super::labels::fill;
use super::layout::{fail, group, Ctx};
use super::short;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const ROW: f64 = 50.0;
const PAD: f64 = 14.0;

/// Rows that fit in `max_h` pixels, and the columns used: two when one would not hold
/// every run.
fn rows(ctx: &Ctx, max_h: i32) -> (usize, usize) {
    let fit = ((f64::from(max_h) / ctx.u - 2.0 * PAD) / ROW)
        .floor()
        .max(1.0) as usize;
    let n = ctx.figure.runs.len();
    if n <= fit {
        (n, 1)
    } else {
        (fit.min(n.div_ceil(2)), 2)
    }
}

/// The legend's height for the runs, at most `max_h` pixels.
pub(crate) fn height(ctx: &Ctx, max_h: i32) -> i32 {
    let n = rows(ctx, max_h).0.max(1);
    ctx.px(2.0 * PAD + ROW * n as f64) as i32
}

/// Draws the legend card over `area`.
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let (w, h) = area.dim_in_pixel();
    let c = ctx.colors;
    area.fill(&c.card).map_err(fail)?;
    let runs = &ctx.figure.runs;
    let labels = &ctx.figure.labels;
    let (rows_n, columns) = rows(ctx, h as i32 + 1);
    let mut shown = rows_n * columns;
    if shown < runs.len() {
        shown = shown.saturating_sub(1).max(1);
    }
    let column_w = w as i32 / columns as i32;
    let pad = ctx.px(PAD) as i32;
    let (x, right, text_x) = (pad, column_w - pad, pad + ctx.px(44.0) as i32);
    // Characters that fit beside the loss (DejaVu's average advance is about 0.55 em).
    let name_chars = ((f64::from(right - text_x) / ctx.u - 150.0) / (19.0 * 0.58)) as usize;
    let line_chars = (f64::from(right - text_x) / ctx.u / (15.0 * 0.55)) as usize;
    for (k, run) in runs.iter().take(shown).enumerate() {
        let (i, dx) = (k % rows_n, (k / rows_n) as i32 * column_w);
        let area = area.clone().shrink((dx, 0), (column_w, h));
        let y = ctx.px(PAD + ROW * i as f64) as i32;
        let color = ctx.theme.run_color(run.color);
        let mid = y + ctx.px(13.0) as i32;
        area.draw(&PathElement::new(
            vec![(x, mid), (x + ctx.px(32.0) as i32, mid)],
            color.stroke_width(ctx.px(4.0)),
        ))
        .map_err(fail)?;
        area.draw(&Circle::new(
            (x + ctx.px(16.0) as i32, mid),
            ctx.px(6.0),
            color.filled(),
        ))
        .map_err(fail)?;
        area.draw(&Text::new(
            fit(&run.name, name_chars),
            (text_x, y + ctx.px(2.0) as i32),
            ctx.font(19.0, true, c.text),
        ))
        .map_err(fail)?;
        let detail = format!("{} · {}", run.optimizer, run.settings);
        area.draw(&Text::new(
            fit(&detail, line_chars),
            (text_x, y + ctx.px(27.0) as i32),
            ctx.font(15.0, false, c.muted),
        ))
        .map_err(fail)?;
        let (status, status_color) = match run.diverged_at {
            Some(at) => (fill(&labels.legend_diverged, "step", &group(at)), c.bad),
            None => match run.loss.last() {
                Some(&l) => (fill(&labels.legend_loss, "loss", &short(l)), c.text),
                None => (String::new(), c.text),
            },
        };
        area.draw(&Text::new(
            status,
            (right, y + ctx.px(2.0) as i32),
            ctx.font(17.0, false, status_color)
                .pos(Pos::new(HPos::Right, VPos::Top)),
        ))
        .map_err(fail)?;
    }
    if shown < runs.len() {
        let (i, dx) = (shown % rows_n, (shown / rows_n) as i32 * column_w);
        let y = ctx.px(PAD + ROW * i as f64) as i32;
        area.draw(&Text::new(
            fill(&labels.legend_more, "n", &(runs.len() - shown).to_string()),
            (dx + text_x, y + ctx.px(8.0) as i32),
            ctx.font(17.0, false, c.muted),
        ))
        .map_err(fail)?;
    }
    Ok(())
}

use super::FigureError;

/// `text` cut to `chars` characters with an ellipsis.
fn fit(text: &str, chars: usize) -> String {
    let chars = chars.max(4);
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let mut out: String = text.chars().take(chars - 1).collect();
    out.push('…');
    out
}
