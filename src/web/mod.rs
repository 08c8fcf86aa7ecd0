//! The WebAssembly boundary (wasm32 only): it converts types and nothing else. No numerics
//! live in JavaScript and no DOM lives in the core.
//!
//! JavaScript keeps the scenario as plain data (the same JSON the CLI reads), hands it to
//! a [`Session`], and asks for small results: a state summary per frame, the path points
//! added since the last frame, a pixel buffer per view change.

use crate::field::{Grid, Scale};
use crate::run::{Race, Status};
use crate::scenario::{decode, Scenario};
use crate::surfaces::Bounds;
use crate::vec2::Vec2;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

mod batch;
#[cfg(feature = "bench")]
mod bench;
mod charts;
// Export → Figure: only in the second, lazily loaded module (ARCHITECTURE.md, "Two modules").
#[cfg(feature = "figure-export")]
mod figure;
mod figure_canvas;
mod regression;
mod session_history;
pub mod sweep;
mod teaching;
mod terrain;
#[cfg(feature = "panic-test")]
mod testing;

/// Installs the panic hook so a Rust panic shows up in the console with its message.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The engine's catalog (surfaces, optimizers with defaults, validity and slider ranges,
/// schedules, presets, limits) as a JSON string.
#[wasm_bindgen(js_name = catalogJson)]
pub fn catalog_json() -> String {
    serde_json::to_string(&crate::catalog::catalog()).unwrap_or_default()
}

/// A scenario being played: one runner per run, all at the same step.
#[wasm_bindgen]
pub struct Session {
    /// The scenario as loaded: its problem spec and page settings are written back.
    scenario: Scenario,
    /// The runs (start, cap, live edits).
    race: Race,
    /// The last picture of [`Session::render_view`], kept so that the next one reuses it.
    pixels: Vec<u8>,
}

/// Converts a serialisable result for JavaScript: serialised to JSON here and parsed by
/// the browser's `JSON.parse`. Kept for large nested results (contour lines), where one
/// `JSON.parse` beats building the objects value by value, and for results that may hold
/// non-finite numbers (JSON writes them as `null`, which the page expects).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(js_error)?;
    js_sys::JSON::parse(&text).map_err(|_| js_error("result is not JSON"))
}

/// Converts a small structured result (the per-frame state, the problem) straight into JS
/// objects with serde-wasm-bindgen, JSON-compatible: `None` is `null` and maps are plain
/// objects, so the page sees the shapes `JSON.parse` gave. Only for finite numbers.
fn to_js_object<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(js_error)
}

/// One run's line in [`Session::state`].
#[derive(Serialize)]
struct RunState<'a> {
    name: &'a str,
    optimizer: &'static str,
    point: Vec2,
    loss: Option<f64>,
    lr: Option<f64>,
    validation_loss: Option<f64>,
    steps: u64,
    status: Status,
    reached_at: Option<u64>,
    best_step: u64,
    distance: Option<f64>,
    epochs: Option<f64>,
    /// Epochs of mini-batch training when the tolerance was first reached.
    reached_epochs: Option<f64>,
    /// The training loss without the L1 penalty (the problem's value).
    data_loss: Option<f64>,
    /// The L1 penalty in `loss`.
    penalty: Option<f64>,
    /// Validation loss minus training data loss (overfitting shows as a growing gap).
    gap: Option<f64>,
    /// The result: the current point, or the best step's after early stopping with
    /// `restore_best`.
    final_point: Vec2,
    points: usize,
}

#[derive(Serialize)]
struct SessionState<'a> {
    step: u64,
    max_steps: u64,
    runs: Vec<RunState<'a>>,
}

fn finite(v: &f64) -> bool {
    v.is_finite()
}

fn js_error(message: impl std::fmt::Display) -> JsError {
    JsError::new(&message.to_string())
}

#[wasm_bindgen]
impl Session {
    /// Decodes `scenario_json`; throws an `Error` whose message names the bad field.
    #[wasm_bindgen(constructor)]
    pub fn new(scenario_json: &str) -> Result<Session, JsError> {
        let scenario = decode(scenario_json).map_err(js_error)?;
        let race = scenario.race();
        Ok(Session {
            scenario,
            race,
            pixels: Vec::new(),
        })
    }

    /// The step the race is at (the most steps any run has taken).
    #[wasm_bindgen(getter)]
    pub fn step(&self) -> u64 {
        self.race.step()
    }

    /// Advances every running run by up to `n` steps, never past the scenario's `steps`;
    /// returns the race's step afterwards.
    pub fn advance(&mut self, n: u32) -> u64 {
        self.race.advance(u64::from(n))
    }

    /// Advances run `index` alone by up to `n` steps (never past the scenario's `steps`), so
    /// the page can time each run; returns that run's step.
    #[wasm_bindgen(js_name = advanceRun)]
    pub fn advance_run(&mut self, index: usize, n: u32) -> u64 {
        self.race.advance_run(index, u64::from(n)).unwrap_or(0)
    }

    /// Restarts every run from the start point with its current settings.
    pub fn reset(&mut self) {
        self.race.reset();
    }

    /// Moves the start point of every run and restarts them.
    #[wasm_bindgen(js_name = setStart)]
    pub fn set_start(&mut self, x: f64, y: f64) {
        self.race.set_start(Vec2::new(x, y));
    }

    /// Changes run `index` to `run_json` (a scenario run object). Without `replan` the change
    /// applies from the next step and the path so far stays; with `replan` the run is
    /// recomputed from the start up to the current step. A diverged run whose numbers
    /// change without `replan` goes on from its last finite point (`Race::change_run`);
    /// returns whether it did. Throws on invalid input.
    #[wasm_bindgen(js_name = setRun)]
    pub fn set_run(&mut self, index: usize, run_json: &str, replan: bool) -> Result<bool, JsError> {
        let spec = self.decode_run(run_json)?;
        if replan {
            self.race.replan_run(index, spec).map(|()| false)
        } else {
            self.race.change_run(index, spec)
        }
        .map_err(js_error)
    }

    /// Adds a run (a scenario run object), brought up to the race's current step; returns
    /// its index. Throws on invalid input or when the race is full.
    #[wasm_bindgen(js_name = addRun)]
    pub fn add_run(&mut self, run_json: &str) -> Result<usize, JsError> {
        if self.race.runners().len() >= crate::run::MAX_RUNS {
            return Err(js_error(crate::run::RaceError::Full));
        }
        let spec = self.decode_run(run_json)?;
        self.race.add_run(spec).map_err(js_error)
    }

    /// Adds a copy of run `index` with its path and live changes (not re-planned); returns
    /// its index. Throws when there is no such run or the race is full.
    #[wasm_bindgen(js_name = copyRun)]
    pub fn copy_run(&mut self, index: usize) -> Result<usize, JsError> {
        self.race.copy_run(index).map_err(js_error)
    }

    /// Recomputes every run from the start with its current settings, up to the race's
    /// step (re-plan all).
    #[wasm_bindgen(js_name = replanAll)]
    pub fn replan_all(&mut self) {
        self.race.replan_all();
    }

    /// Removes run `index` (nothing happens if there is no such run).
    #[wasm_bindgen(js_name = removeRun)]
    pub fn remove_run(&mut self, index: usize) {
        self.race.remove_run(index);
    }

    /// Run `index` as opaque, versioned bytes (a `Uint8Array`) holding everything needed to
    /// continue it exactly: settings and live changes, optimizer, schedule and batch state,
    /// status, the whole record and its checkpoints. Empty if there is no such run.
    #[wasm_bindgen(js_name = runSnapshot)]
    pub fn run_snapshot(&self, index: usize) -> Vec<u8> {
        self.race.snapshot(index).unwrap_or_default()
    }

    /// Replaces run `index` with a snapshot from [`Session::run_snapshot`] (`index` equal to
    /// the number of runs appends it). Throws an `Error` saying why for bytes of another
    /// version, damaged or truncated bytes, or a snapshot of another problem.
    #[wasm_bindgen(js_name = adoptRun)]
    pub fn adopt_run(&mut self, index: usize, bytes: &[u8]) -> Result<(), JsError> {
        self.race.adopt(index, bytes).map_err(js_error)
    }

    /// A summary for this frame: `{step, max_steps, runs: [{name, optimizer, point, loss,
    /// data_loss, penalty, lr, validation_loss, steps, status: {reason, step?, cause?, best_step?}, reached_at,
    /// best_step, distance, epochs, points}]}`.
    pub fn state(&self) -> Result<JsValue, JsError> {
        let problem = self.race.problem();
        let runs = self
            .race
            .runners()
            .iter()
            .map(|r| {
                let validation = r.last_validation_loss();
                RunState {
                    name: &r.spec().name,
                    optimizer: r.spec().optimizer.kind().name(),
                    point: r.point(),
                    loss: r.loss(),
                    lr: r.last_lr(),
                    // Non-finite values read as `null`, as they did through JSON.
                    validation_loss: validation.filter(finite),
                    steps: r.steps_taken(),
                    status: r.status(),
                    reached_at: r.reached_at(),
                    best_step: r.best_step(),
                    distance: problem.distance_to_minimum(r.point()).filter(finite),
                    epochs: r.epochs(),
                    reached_epochs: r.reached_at().and_then(|k| r.epochs_at(k)),
                    data_loss: r.data_loss().filter(finite),
                    penalty: r.penalty().filter(finite),
                    gap: validation
                        .zip(r.data_loss())
                        .map(|(v, t)| v - t)
                        .filter(finite),
                    final_point: r.outcome().final_point,
                    points: r.points() as usize,
                }
            })
            .collect();
        let state = SessionState {
            step: self.step(),
            max_steps: self.race.max_steps(),
            runs,
        };
        to_js_object(&state)
    }

    /// Run `index`'s path from point `from` on, as `[x0, y0, x1, y1, ...]`.
    /// (Exact; a part the run no longer holds is replayed, `run/history.rs`.)
    pub fn path(&self, index: usize, from: usize) -> Vec<f64> {
        self.history(index, from, usize::MAX)
            .trajectory
            .iter()
            .flat_map(|p| [p.x, p.y])
            .collect()
    }

    /// Run `index`'s training losses from point `from` on.
    pub fn losses(&self, index: usize, from: usize) -> Vec<f64> {
        self.history(index, from, usize::MAX).loss
    }

    /// Run `index`'s validation losses from point `from` on (empty without a split).
    #[wasm_bindgen(js_name = validationLosses)]
    pub fn validation_losses(&self, index: usize, from: usize) -> Vec<f64> {
        self.history(index, from, usize::MAX).validation_loss
    }

    /// Run `index`'s learning rates from step `from` on.
    pub fn rates(&self, index: usize, from: usize) -> Vec<f64> {
        self.history(index, from, usize::MAX).lr
    }

    /// The scenario with every live change, as JSON the CLI runs unchanged.
    #[wasm_bindgen(js_name = scenarioJson)]
    pub fn scenario_json(&self) -> String {
        let mut scenario = self.scenario.clone();
        scenario.runs = self.race.specs();
        scenario.start = self.race.start();
        scenario.to_json().to_string()
    }

    /// The results so far in the CLI's JSON shape (`{"runs": [{"trajectory", ...}]}`).
    #[wasm_bindgen(js_name = resultJson)]
    pub fn result_json(&self) -> String {
        crate::report::to_json(self.race.runners()).to_string()
    }

    /// The problem's default view and known minima:
    /// `{bounds: {min: [x, y], max: [x, y]}, minima: [{point, value}], start: [x, y]}`.
    pub fn problem(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct ProblemInfo {
            bounds: Bounds,
            minima: Vec<crate::surfaces::Minimum>,
            start: Vec2,
        }
        let info = ProblemInfo {
            bounds: self.scenario.problem.bounds(),
            minima: self.scenario.problem.minima(),
            start: self.race.start(),
        };
        to_js_object(&info)
    }

    /// Loss at `(x, y)` (for the hover readout).
    #[wasm_bindgen(js_name = lossAt)]
    pub fn loss_at(&self, x: f64, y: f64) -> f64 {
        self.scenario.problem.value(Vec2::new(x, y))
    }

    /// The surface over `[x0, x1] × [y0, y1]` as `width × height` RGBA pixels (row 0 at the
    /// top), viridis on a log (`log = true`) or linear scale, ready for `new ImageData`:
    /// drawn into a buffer the session keeps and returned as a view of the wasm memory
    /// rather than a copy, valid until the next call into the engine (which may grow
    /// the memory or draw again), so hand it to `new ImageData` and `putImageData` at once.
    #[allow(clippy::too_many_arguments)]
    #[wasm_bindgen(js_name = renderView)]
    pub fn render_view(
        &mut self,
        x0: f64,
        x1: f64,
        y0: f64,
        y1: f64,
        width: usize,
        height: usize,
        log: bool,
    ) -> js_sys::Uint8ClampedArray {
        self.grid(x0, x1, y0, y1, width, height)
            .colorize_into(scale(log), &mut self.pixels);
        let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        // wasm32 addresses and lengths are 32-bit.
        js_sys::Uint8ClampedArray::new_with_byte_offset_and_length(
            &memory.buffer(),
            self.pixels.as_ptr() as u32,
            self.pixels.len() as u32,
        )
    }

    /// `count` labelled contour levels over the view, sampled on a `width × height` grid:
    /// `[{level, lines: [[[x, y], ...], ...]}]` in world coordinates.
    #[allow(clippy::too_many_arguments)]
    pub fn contours(
        &self,
        x0: f64,
        x1: f64,
        y0: f64,
        y1: f64,
        width: usize,
        height: usize,
        log: bool,
        count: usize,
    ) -> Result<JsValue, JsError> {
        let grid = self.grid(x0, x1, y0, y1, width, height);
        let levels = grid.levels(scale(log), count.min(64));
        to_js(&grid.isolines(&levels))
    }
}

impl Session {
    /// One run decoded against the loaded problem (O(the run's size), never the data's).
    fn decode_run(&self, run_json: &str) -> Result<crate::run::RunSpec, JsError> {
        crate::scenario::decode_run(run_json, self.race.problem()).map_err(js_error)
    }

    /// Run `index`'s record, points `from .. to`, exact (empty for an unknown run).
    pub(crate) fn history(&self, index: usize, from: usize, to: usize) -> crate::run::Trajectory {
        self.race
            .runner(index)
            .map(|r| r.history(from as u64, to as u64))
            .unwrap_or_default()
    }

    fn grid(&self, x0: f64, x1: f64, y0: f64, y1: f64, width: usize, height: usize) -> Grid {
        let valid = x0.is_finite() && x1.is_finite() && y0.is_finite() && y1.is_finite();
        let bounds = if valid && x0 < x1 && y0 < y1 {
            Bounds::new(x0, x1, y0, y1)
        } else {
            self.scenario.problem.bounds()
        };
        Grid::sample(&self.scenario.problem, bounds, width, height)
    }
}

fn scale(log: bool) -> Scale {
    if log {
        Scale::Log
    } else {
        Scale::Linear
    }
}
