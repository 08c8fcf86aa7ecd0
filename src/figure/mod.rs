//! Figures for slides and papers: one layout — the view (surface heat map, contours, every
//! run's path with its start, current point and the minima; for regression also the data
//! with each run's fitted line), a legend (name, optimizer, key hyper-parameters, loss), the
//! step, the loss chart (log scale) and the learning-rate chart — drawn with `plotters`.
//! A scenario in the page's Side by side layout gets one small view per run instead
//! (`grid.rs`).
//!
//! The layout ([`draw`]) is written once over any plotters `DrawingBackend`, so the same
//! code draws SVG and PNG here ([`to_svg`], [`to_png`]) and the page's canvas through
//! `plotters-canvas`. It is DOM-free. A [`Figure`] is a snapshot of finished runs at one
//! step, so drawing never steps an optimizer.

mod band;
pub(crate) mod charts;
pub(crate) mod clip;
pub mod envelope;
pub(crate) mod export;
pub(crate) mod forward;
mod grid;
mod labels;
pub(crate) mod layout;
mod legend;
pub mod series;
pub(crate) mod theme;
mod view;

pub use export::to_svg;
#[cfg(not(target_arch = "wasm32"))]
pub use export::{register_fonts, to_png};
pub use labels::{pairs, Labels};
pub use layout::{draw, draw_joined};
pub use theme::{Rgb, Theme};

use crate::field::Scale;
use crate::objective::Problem;
use crate::optim::params::ParamValue;
use crate::run::{Runner, Status};
use crate::scenario::{Layout, ProblemSpec, Scenario};
use crate::surfaces::Bounds;
use crate::vec2::Vec2;
use std::sync::Arc;

/// Smallest figure side in pixels: below it the text no longer fits.
pub const MIN_SIDE: u32 = 320;
/// Largest figure side in pixels (a 4K slide is 3840 wide; twice that is plenty).
pub const MAX_SIDE: u32 = 8192;

/// Why a figure could not be drawn.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FigureError {
    /// The requested size is outside [`MIN_SIDE`]..=[`MAX_SIDE`].
    #[error("size: each side must be in [{MIN_SIDE}, {MAX_SIDE}] pixels, got {0}x{1}")]
    Size(u32, u32),
    /// The backend failed (for example a canvas that went away).
    #[error("drawing failed: {0}")]
    Backend(String),
    /// PNG encoding failed.
    #[error("PNG encoding failed: {0}")]
    Encode(String),
}

/// How a figure is drawn: its size in pixels and its theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Light (paper, projectors) or dark (the page's look).
    pub theme: Theme,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 1600,
            height: 900,
            theme: Theme::Light,
        }
    }
}

impl Options {
    /// Checks the size.
    pub fn validate(&self) -> Result<(), FigureError> {
        let ok = |s: u32| (MIN_SIDE..=MAX_SIDE).contains(&s);
        if ok(self.width) && ok(self.height) {
            Ok(())
        } else {
            Err(FigureError::Size(self.width, self.height))
        }
    }
}

/// One run as the figure shows it, up to the figure's step.
#[derive(Clone, Debug, PartialEq)]
pub struct RunPicture {
    /// The run's name.
    pub name: String,
    /// The optimizer as PyTorch names it (`Adam`).
    pub optimizer: &'static str,
    /// Key hyper-parameters in words (`lr 0.05 · betas (0.9, 0.999)`).
    pub settings: String,
    /// The run's colour.
    pub color: Rgb,
    /// Points p₀ … p_k.
    pub path: Vec<Vec2>,
    /// Loss at each point.
    pub loss: Vec<f64>,
    /// Learning rate of steps 1 … k.
    pub lr: Vec<f64>,
    /// Validation loss at each point (empty without a validation split).
    pub validation: Vec<f64>,
    /// The best step of an early-stopping run (marked on the loss chart).
    pub best_step: Option<u64>,
    /// The step at which the run diverged, if it did by the figure's step.
    pub diverged_at: Option<u64>,
}

/// A finished set of runs frozen at one step: everything [`draw`] needs.
#[derive(Clone, Debug)]
pub struct Figure {
    /// The problem (sampled for the heat map and contours).
    pub problem: Arc<Problem>,
    /// Title: the surface's name, `Linear regression` or the formula.
    pub title: String,
    /// A formula line under the title (may be empty).
    pub subtitle: String,
    /// The view box.
    pub bounds: Bounds,
    /// The heat map's colour scale.
    pub scale: Scale,
    /// The scenario's start point.
    pub start: Vec2,
    /// The step shown.
    pub step: u64,
    /// The scenario's steps (the charts' x range).
    pub steps: u64,
    /// Known minima.
    pub minima: Vec<Vec2>,
    /// The runs.
    pub runs: Vec<RunPicture>,
    /// The words shown (English unless the caller passes translations).
    pub labels: Labels,
    /// One small view per run instead of one view of all (`page.layout: "grid"`).
    pub grid: bool,
}

/// The page's palette (Okabe–Ito), in the order it colours runs.
pub const PALETTE: [Rgb; 8] = [
    Rgb(0xe6, 0x9f, 0x00),
    Rgb(0x56, 0xb4, 0xe9),
    Rgb(0x00, 0x9e, 0x73),
    Rgb(0xf0, 0xe4, 0x42),
    Rgb(0x00, 0x72, 0xb2),
    Rgb(0xd5, 0x5e, 0x00),
    Rgb(0xcc, 0x79, 0xa7),
    Rgb(0xf5, 0xf5, 0xf5),
];

impl Figure {
    /// The runs of `scenario` (as [`Scenario::run`] returns them, in order) at `step`
    /// (default: the scenario's page step, else its last step; clamped to the steps).
    pub fn new(scenario: &Scenario, runners: &[Runner], step: Option<u64>) -> Self {
        Self::with_labels(scenario, runners, step, Labels::default())
    }

    /// As [`Figure::new`], with `labels` (for example translated by the page).
    pub fn with_labels(
        scenario: &Scenario,
        runners: &[Runner],
        step: Option<u64>,
        labels: Labels,
    ) -> Self {
        let step = step
            .or(scenario.page.step)
            .unwrap_or(scenario.steps)
            .min(scenario.steps);
        let (title, subtitle) = match &scenario.problem_spec {
            ProblemSpec::Surface(kind) => (
                kind.label().to_string(),
                format!("f(x, y) = {}", kind.surface().formula()),
            ),
            ProblemSpec::Regression(_) => (
                labels.regression_title.clone(),
                "loss(w, b) = mean((w·x + b − y)²)".to_string(),
            ),
            ProblemSpec::Expr(source) => {
                (labels.formula_title.clone(), format!("f(x, y) = {source}"))
            }
        };
        let problem = Arc::clone(&scenario.problem);
        Figure {
            title,
            subtitle,
            bounds: scenario.page.bounds.unwrap_or_else(|| problem.bounds()),
            scale: match scenario.page.log_scale {
                Some(false) => Scale::Linear,
                _ => Scale::Log,
            },
            start: scenario.start,
            step,
            steps: scenario.steps,
            minima: problem.minima().iter().map(|m| m.point).collect(),
            runs: runners
                .iter()
                .enumerate()
                .map(|(i, r)| picture(i, r, step))
                .collect(),
            grid: scenario.page.layout == Some(Layout::Grid),
            problem,
            labels,
        }
    }
}

fn picture(index: usize, runner: &Runner, step: u64) -> RunPicture {
    let spec = runner.spec();
    // Only the points up to the figure's step (a ranged read: an export at an earlier
    // step does not replay the rest of the run).
    let record = runner.history(0, step.saturating_add(1));
    let points = (step as usize + 1).min(record.trajectory.len());
    let diverged_at = match runner.status() {
        Status::Diverged { step: at, .. } if at <= step => Some(at),
        _ => None,
    };
    RunPicture {
        name: spec.name.clone(),
        optimizer: spec.optimizer.kind().label(),
        settings: settings(runner),
        color: spec
            .color
            .as_deref()
            .and_then(Rgb::parse)
            .unwrap_or(PALETTE[index % PALETTE.len()]),
        path: record.trajectory[..points].to_vec(),
        loss: record.loss[..points.min(record.loss.len())].to_vec(),
        lr: record.lr[..points.saturating_sub(1).min(record.lr.len())].to_vec(),
        validation: record.validation_loss[..points.min(record.validation_loss.len())].to_vec(),
        best_step: spec
            .early_stopping
            .is_some()
            .then(|| runner.best_step().min(step)),
        diverged_at,
    }
}

/// `lr 0.05 · momentum 0.9 · nesterov`: the learning rate, then what differs from plain
/// gradient descent (momentum and betas where the family has them, decay, batching).
fn settings(runner: &Runner) -> String {
    let spec = runner.spec();
    let values = spec.optimizer.values();
    let mut parts = vec![format!("lr {}", short(spec.optimizer.lr()))];
    for (name, value) in values.all() {
        match (name, value) {
            ("momentum", ParamValue::Number(m)) if m > 0.0 => {
                parts.push(format!("momentum {}", short(m)));
            }
            ("nesterov", ParamValue::Flag(true)) => parts.push("Nesterov".into()),
            ("betas", ParamValue::Pair([a, b])) => {
                parts.push(format!("betas ({}, {})", short(a), short(b)));
            }
            ("weight_decay", ParamValue::Number(d)) if d > 0.0 => {
                parts.push(format!("weight decay {}", short(d)));
            }
            _ => {}
        }
    }
    if let Some(b) = spec.batch_size {
        parts.push(format!("batch {b}"));
    }
    parts.join(" · ")
}

/// A number in at most 4 significant digits, without trailing zeros (`0.001`, `1e-5`).
pub(crate) fn short(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        return format!("{v}");
    }
    let a = v.abs();
    if !(1e-3..1e5).contains(&a) {
        let s = format!("{v:.2e}");
        // 1.00e-5 → 1e-5, 1.50e-5 → 1.5e-5
        let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
        let m = m.trim_end_matches('0').trim_end_matches('.');
        return format!("{m}e{e}");
    }
    let digits = (3 - a.log10().floor() as i32).clamp(0, 6) as usize;
    let s = format!("{v:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests;
