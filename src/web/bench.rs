//! Benchmark entry points for `www/bench.html` (`make bench`): each call runs one of the
//! engine's kernels, `reps` times where that makes sense, inside Rust, so JavaScript can
//! time it with `performance.now()` around the call without measuring the boundary. Calls
//! into the core only: the numbers are the engine's own (`benches/kernels.rs` runs the same
//! kernels natively).

use super::js_error;
use crate::field::{Grid, Scale};
use crate::objective::Problem;
use crate::regression::{Dataset, GenerateSpec};
use crate::run::{run_batch, run_to_end, Runner};
use crate::scenario::{decode, Scenario};
use crate::surfaces::SurfaceKind;
use crate::vec2::Vec2;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The size of the module's `WebAssembly.Memory`, in bytes (it only ever grows).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    f64::from(
        wasm_bindgen::memory()
            .unchecked_into::<js_sys::WebAssembly::Memory>()
            .buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length(),
    )
}

/// Prepared inputs for the kernels, so that a timed call does only the kernel.
#[wasm_bindgen]
#[derive(Default)]
pub struct BenchKernels {
    runner: Option<Runner>,
    scenario: Option<Scenario>,
    grid: Option<Grid>,
    levels: Vec<f64>,
    data: Option<Dataset>,
}

#[wasm_bindgen]
impl BenchKernels {
    #[wasm_bindgen(constructor)]
    pub fn new() -> BenchKernels {
        BenchKernels::default()
    }

    /// A fresh runner for run 0 of `scenario_json` (untimed preparation for `advance`).
    #[wasm_bindgen(js_name = prepareRun)]
    pub fn prepare_run(&mut self, scenario_json: &str) -> Result<(), JsError> {
        let scenario = decode(scenario_json).map_err(js_error)?;
        self.runner = Some(scenario.runner(0).ok_or_else(|| js_error("no run"))?);
        self.scenario = Some(scenario);
        Ok(())
    }

    /// Run 0 of the prepared scenario through the batch kernel (`run::run_to_end`, no
    /// recording) for `n` steps from the scenario's start; returns the steps taken.
    pub fn batch(&self, n: u32) -> f64 {
        self.batch_outcome(n).map_or(0.0, |o| o.steps as f64)
    }

    /// The end point `[x, y]` of [`BenchKernels::batch`] (to check it against the runner's).
    #[wasm_bindgen(js_name = batchPoint)]
    pub fn batch_point(&self, n: u32) -> Vec<f64> {
        self.batch_outcome(n)
            .map_or_else(Vec::new, |o| vec![o.final_point.x, o.final_point.y])
    }

    fn batch_outcome(&self, n: u32) -> Option<crate::run::Outcome> {
        let s = self.scenario.as_ref()?;
        let spec = s.runs.first()?;
        Some(run_to_end(
            &s.problem,
            spec,
            s.start,
            u64::from(n),
            s.tolerance,
        ))
    }

    /// Every run of the prepared scenario through the batch kernel in one call
    /// (`run::run_batch`, which steps independent runs side by side), `n` steps each from
    /// the scenario's start; returns the steps taken by all runs together.
    #[wasm_bindgen(js_name = batchMany)]
    pub fn batch_many(&self, n: u32) -> f64 {
        self.batch_many_outcomes(n)
            .iter()
            .map(|o| o.steps as f64)
            .sum()
    }

    /// The end points of [`BenchKernels::batch_many`], `[x0, y0, x1, y1, ...]`.
    #[wasm_bindgen(js_name = batchManyPoints)]
    pub fn batch_many_points(&self, n: u32) -> Vec<f64> {
        self.batch_many_outcomes(n)
            .iter()
            .flat_map(|o| [o.final_point.x, o.final_point.y])
            .collect()
    }

    fn batch_many_outcomes(&self, n: u32) -> Vec<crate::run::Outcome> {
        self.scenario.as_ref().map_or_else(Vec::new, |s| {
            run_batch(&s.problem, &s.runs, &[s.start], u64::from(n), s.tolerance)
        })
    }

    /// `Runner::advance(n)` on the prepared runner; returns the steps taken.
    pub fn advance(&mut self, n: u32) -> f64 {
        self.runner
            .as_mut()
            .map_or(0.0, |r| r.advance(u64::from(n)) as f64)
    }

    /// `Grid::sample` of surface `surface` over its default view, `reps` times; keeps the
    /// last grid. Returns the number of cells.
    pub fn sample(&mut self, surface: &str, width: usize, height: usize, reps: u32) -> usize {
        let Some(kind) = SurfaceKind::from_name(surface) else {
            return 0;
        };
        let problem = Problem::Surface(kind);
        let bounds = problem.bounds();
        for _ in 0..reps.max(1) {
            self.grid = Some(Grid::sample(&problem, bounds, width, height));
        }
        self.grid.as_ref().map_or(0, |g| g.values.len())
    }

    /// `Grid::colorize` of the last grid, `reps` times; returns the bytes of the last image.
    pub fn colorize(&self, log: bool, reps: u32) -> usize {
        let scale = if log { Scale::Log } else { Scale::Linear };
        let mut bytes = 0;
        if let Some(grid) = &self.grid {
            for _ in 0..reps.max(1) {
                bytes = grid.colorize(scale).len();
            }
        }
        bytes
    }

    /// `count` levels of the last grid on the log (`log = true`) or linear scale; kept for
    /// [`BenchKernels::isolines`].
    pub fn levels(&mut self, log: bool, count: usize) -> Vec<f64> {
        let scale = if log { Scale::Log } else { Scale::Linear };
        self.levels = self
            .grid
            .as_ref()
            .map_or_else(Vec::new, |g| g.levels(scale, count));
        self.levels.clone()
    }

    /// `Grid::isolines` of the last grid at the kept levels, `reps` times; returns the
    /// number of points of the last result.
    pub fn isolines(&self, reps: u32) -> usize {
        let mut points = 0;
        if let Some(grid) = &self.grid {
            for _ in 0..reps.max(1) {
                points = grid
                    .isolines(&self.levels)
                    .iter()
                    .flat_map(|l| &l.lines)
                    .map(Vec::len)
                    .sum();
            }
        }
        points
    }

    /// The last grid's values, row 0 at the top (for d3-contour on the same grid).
    #[wasm_bindgen(js_name = gridValues)]
    pub fn grid_values(&self) -> Vec<f64> {
        self.grid
            .as_ref()
            .map_or_else(Vec::new, |g| g.values.clone())
    }

    /// `n` synthetic regression points (`Dataset::generate`, seed `seed`).
    #[wasm_bindgen(js_name = prepareRegression)]
    pub fn prepare_regression(&mut self, n: usize, seed: u32) {
        self.data = Some(Dataset::generate(&GenerateSpec {
            n,
            slope: 2.0,
            intercept: -1.0,
            noise: 0.5,
            x_range: [-1.0, 1.0],
            seed: u64::from(seed),
        }));
    }

    /// The full-batch gradient at `(w, b)`, `reps` times; returns the last one as `[gw, gb]`.
    pub fn gradient(&self, w: f64, b: f64, reps: u32) -> Vec<f64> {
        let mut g = Vec2::ZERO;
        if let Some(data) = &self.data {
            for _ in 0..reps.max(1) {
                g = data.gradient(std::hint::black_box(Vec2::new(w, b)), None);
            }
        }
        vec![g.x, g.y]
    }
}
