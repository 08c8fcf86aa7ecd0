//! The page's charts, drawn by the one chart definition (`figure::charts`) onto the page's
//! canvases through plotters-canvas: the loss chart (log axis), the learning-rate chart and,
//! in Regression mode, training and validation loss with the best-step markers.
//!
//! The series come straight from the engine's record (no copy through JS): a [`Charts`]
//! keeps per run the min/max blocks of each series (`figure::envelope`), topped up with a
//! ranged history read of only the new values at each redraw (the record is bounded,
//! `run::history`), so a redraw costs the same at any step and never reads a whole run. It also remembers
//! where each chart plotted, so a hover maps to a step ([`Charts::hover`]).

use super::figure_canvas::{AnyBackend, PageCanvas};
use super::{js_error, to_js, Session};
use crate::figure::charts::{self, Chart, Line, Look, Marker, Plot};
use crate::figure::envelope::Blocks;
use crate::figure::series::{RunSeries, Series, REPLAY_BUDGET};
use crate::figure::theme::Colors;
use crate::figure::{pairs, Labels, Rgb, Theme, PALETTE};
use crate::run::Runner;
use plotters::prelude::*;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The page's look for canvases: appearance.mjs's `theme()`, `themeColors()`,
/// `canvasScale()` and the device pixel ratio, as `key<TAB>value` lines (`theme`, `scale`,
/// `dpr`, and the colours `bg`, `card`, `line`, `text`, `muted`, `bad`).
#[derive(Default)]
pub(crate) struct PageLook {
    pub theme: String,
    css: Vec<(String, String)>,
    pub scale: f64,
    pub dpr: f64,
}

impl PageLook {
    /// Reads the lines; unknown keys are ignored, bad numbers count as 1.
    pub fn parse(text: &str) -> PageLook {
        let mut look = PageLook::default();
        for (k, v) in pairs(text) {
            match k {
                "theme" => look.theme = v.to_string(),
                "scale" => look.scale = v.parse().unwrap_or(1.0),
                "dpr" => look.dpr = v.parse().unwrap_or(1.0),
                _ => look.css.push((k.to_string(), v.to_string())),
            }
        }
        look
    }
}

impl PageLook {
    pub fn theme(&self) -> Theme {
        Theme::from_name(&self.theme).unwrap_or(Theme::Dark)
    }

    /// The theme's colours with the page's CSS values where they parse.
    pub fn colors(&self) -> Colors {
        let mut c = self.theme().colors();
        let set = |slot: &mut RGBColor, css: &str| {
            if let Some(Rgb(r, g, b)) = Rgb::parse(css) {
                *slot = RGBColor(r, g, b);
            }
        };
        for (key, css) in &self.css {
            match key.as_str() {
                "bg" => set(&mut c.background, css),
                "card" => set(&mut c.card, css),
                "line" => set(&mut c.grid, css),
                "text" => set(&mut c.text, css),
                "muted" => set(&mut c.muted, css),
                "bad" => set(&mut c.bad, css),
                _ => {}
            }
        }
        c.axis = c.grid;
        c
    }

    fn u(&self) -> f64 {
        let ok = |v: f64| if v.is_finite() && v > 0.0 { v } else { 1.0 };
        ok(self.dpr) * ok(self.scale)
    }
}

/// Which chart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Loss,
    Rate,
    Regression,
}

impl Kind {
    fn parse(name: &str) -> Result<Kind, JsError> {
        match name {
            "loss" => Ok(Kind::Loss),
            "lr" => Ok(Kind::Rate),
            "regression" => Ok(Kind::Regression),
            _ => Err(js_error(format!(
                "chart: expected loss, lr or regression, got {name}"
            ))),
        }
    }
    fn slot(self) -> usize {
        self as usize
    }
}

/// The page's charts' memory: series blocks per run and where each chart plotted.
#[wasm_bindgen]
pub struct Charts {
    runs: Vec<RunSeries>,
    plots: [Option<(Plot, f64)>; 3],
}

/// What [`Charts::hover`] returns: the step under the pointer and each run's value there
/// (`null` where the run has none: not yet there, diverged).
#[derive(Serialize)]
struct Hover {
    step: u64,
    values: Vec<Option<f64>>,
    validation: Vec<Option<f64>>,
}

fn color(index: usize, runner: &Runner, theme: Theme) -> RGBColor {
    let c = runner
        .spec()
        .color
        .as_deref()
        .and_then(Rgb::parse)
        .unwrap_or(PALETTE[index % PALETTE.len()]);
    theme.run_color(c)
}

/// Labels from the page's lines (missing ones, or all for an empty text, English).
pub(crate) fn parse_labels(text: &str) -> Labels {
    Labels::from_lines(text)
}

impl Default for Charts {
    fn default() -> Self {
        Self::new()
    }
}

#[wasm_bindgen]
impl Charts {
    /// Empty memory (one per page).
    #[wasm_bindgen(constructor)]
    pub fn new() -> Charts {
        Charts {
            runs: Vec::new(),
            plots: [None; 3],
        }
    }

    /// Draws chart `kind` ("loss", "lr" or "regression") of `session` onto `canvas` (sized
    /// in device pixels by the page). `look`: [`PageLook`]'s lines; `cursor`: the timeline's
    /// step (undefined: live); `labels`: translated labels as `key<TAB>label` lines (empty: English).
    /// Returns `true` when some run's series were not all read yet (a long run just
    /// re-planned, copied or revived: its blocks are rebuilt over several draws); the page
    /// then draws again soon.
    pub fn draw(
        &mut self,
        session: &Session,
        kind: &str,
        canvas: HtmlCanvasElement,
        look: &str,
        cursor: Option<f64>,
        labels: &str,
    ) -> Result<bool, JsError> {
        let kind = Kind::parse(kind)?;
        let look = PageLook::parse(look);
        let labels = parse_labels(labels);
        let (w, h) = (canvas.width(), canvas.height());
        let backend = PageCanvas::new(canvas).map_err(js_error)?;
        backend
            .context()
            .clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
        let u = look.u();
        let chart_look = Look {
            u,
            colors: look.colors(),
            compact: true,
            round_joins: true,
        };
        if w < chart_look.columns(0, false) as u32 + 40 || (f64::from(h) / u) < 40.0 {
            return Ok(false); // too small to show anything (a hidden chart)
        }
        let (chart, more) = self.chart(session, kind, &look, &labels, w, cursor);
        let root = AnyBackend::Canvas(backend).into_drawing_area();
        let plot = charts::draw(&root, &chart, chart_look).map_err(js_error)?;
        root.present().map_err(js_error)?;
        let dpr = if look.dpr.is_finite() && look.dpr > 0.0 {
            look.dpr
        } else {
            1.0
        };
        self.plots[kind.slot()] = Some((plot, dpr));
        Ok(more)
    }

    /// The step under CSS pixel `x` of chart `kind` (as last drawn) and each run's value
    /// there: `{step, values, validation}`, or `null` before the chart was drawn or when
    /// `x` is outside its plot.
    pub fn hover(&self, session: &Session, kind: &str, x: f64) -> Result<JsValue, JsError> {
        let kind = Kind::parse(kind)?;
        let Some((plot, dpr)) = self.plots[kind.slot()] else {
            return Ok(JsValue::NULL);
        };
        // The plot's pixels are device pixels; x is in CSS pixels.
        let dpr_x = x * dpr;
        if dpr_x < f64::from(plot.left) - 2.0 || dpr_x > f64::from(plot.right) + 2.0 {
            return Ok(JsValue::NULL);
        }
        let step = plot.step_at(dpr_x).round() as u64;
        let finite = |v: Option<&f64>| v.copied().filter(|v| v.is_finite());
        let runners = session.race.runners();
        // One ranged read per run: the rate of step `step` (lr[step - 1]) and the losses at
        // point `step` (a copy when the step is recent, else one interval of replay).
        let reads: Vec<_> = runners
            .iter()
            .map(|r| {
                let from = step.saturating_sub(1);
                (r.history(from, step + 1), (step - from) as usize)
            })
            .collect();
        let values = reads
            .iter()
            .map(|(part, at)| match kind {
                Kind::Rate if step > 0 => finite(part.lr.first()),
                Kind::Rate => None,
                _ => finite(part.loss.get(*at)),
            })
            .collect();
        let validation = reads
            .iter()
            .map(|(part, at)| finite(part.validation_loss.get(*at)))
            .collect();
        to_js(&Hover {
            step,
            values,
            validation,
        })
    }
}

impl Charts {
    /// The chart of `kind` for the session now, its lines reduced to `w` pixels' columns,
    /// and whether some run's blocks are not up to date yet (see `REPLAY_BUDGET`).
    fn chart(
        &mut self,
        session: &Session,
        kind: Kind,
        look: &PageLook,
        labels: &Labels,
        w: u32,
        cursor: Option<f64>,
    ) -> (Chart, bool) {
        let race = &session.race;
        let runners = race.runners();
        self.runs.resize_with(runners.len(), RunSeries::default);
        let step = race.step();
        let x_max = step.max(10) as f64;
        let shown = cursor.map_or(u64::MAX, |c| c.max(0.0) as u64);
        let theme = look.theme();
        let u = look.u();
        let columns = Look {
            u,
            colors: look.colors(),
            compact: true,
            round_joins: true,
        }
        .columns(w, false);
        // One min/max per CSS pixel column (a 2-device-pixel line shows no more), so a
        // redraw issues half the path points on a HiDPI screen.
        let dpr = if look.dpr.is_finite() && look.dpr >= 1.0 {
            look.dpr
        } else {
            1.0
        };
        let columns = ((columns as f64 / dpr) as usize).max(1);
        let (_, _, log, shift) = charts::loss_axis(race.problem(), labels);
        let mut lines = Vec::new();
        let mut markers = Vec::new();
        let mut budget = REPLAY_BUDGET;
        let mut more = false;
        for (i, (r, blocks)) in runners.iter().zip(&mut self.runs).enumerate() {
            more |= !blocks.sync(r, &mut budget);
            let color = color(i, r, theme);
            let diverged = matches!(r.status(), crate::run::Status::Diverged { .. });
            let upto = |offset: u64| {
                usize::try_from(shown.saturating_add(1).saturating_sub(offset))
                    .unwrap_or(usize::MAX)
            };
            // A ranged read of one series (what the blocks do not cover: an earlier step's
            // partial block, or a short series).
            let read = |series: Series| move |a: usize, z: usize| series.read(r, a, z);
            let line = |b: &Blocks, series: Series, first: f64, offset: u64, dashed| {
                let mut points = b.points(upto(offset), first, x_max, columns, read(series));
                if kind == Kind::Loss && shift != 0.0 {
                    for p in &mut points {
                        p.1 -= shift;
                    }
                }
                Line {
                    color,
                    dashed,
                    diverged,
                    points,
                }
            };
            match kind {
                Kind::Loss => lines.push(line(&blocks.loss, Series::Loss, 0.0, 0, false)),
                Kind::Rate => lines.push(line(&blocks.lr, Series::Rate, 1.0, 1, false)),
                Kind::Regression => {
                    lines.push(line(&blocks.loss, Series::Loss, 0.0, 0, false));
                    if !blocks.validation.is_empty() {
                        lines.push(line(&blocks.validation, Series::Validation, 0.0, 0, true));
                    }
                    if r.spec().early_stopping.is_some() && r.steps_taken() > 0 {
                        let best = r.best_step();
                        if let Some(y) = blocks.best(r, best).filter(|v| v.is_finite()) {
                            markers.push(Marker {
                                x: best as f64,
                                y,
                                color,
                                label: labels.best_step.replace("{step}", &best.to_string()),
                            });
                        }
                    }
                }
            }
        }
        let chart = Chart {
            caption: None,
            x_desc: String::new(),
            y_desc: String::new(),
            log: kind != Kind::Loss || log,
            x_max,
            lines,
            markers,
        };
        (chart, more)
    }
}
