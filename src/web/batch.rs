//! `batchRun`: many runs of a scenario to their end without recording (the batch kernel,
//! `run::run_batch`), for the race's fast-forward and the Explore analyses. Returns one
//! typed array per figure, one entry per run, so thousands of outcomes cross the boundary
//! as a few copies instead of one object each.

use super::js_error;
use crate::run::{run_batch, DivergenceCause, Outcome, Status};
use crate::scenario::decode;
use crate::vec2::Vec2;
use wasm_bindgen::prelude::*;

/// At most this many starts per call (16 bytes each in, ~41 bytes per outcome out).
const MAX_STARTS: usize = 1 << 20;

/// How each run ended, as [`BatchOutcomes::status`] codes.
const COMPLETED: u8 = 1;
const DIVERGED_PARAMETER: u8 = 2;
const DIVERGED_LOSS: u8 = 3;
const DIVERGED_BOUNDS: u8 = 4;
const EARLY_STOPPED: u8 = 5;

/// The outcomes of [`batch_run`], one entry per run in every array, start-major: run `i`
/// of the scenario from start `j` is entry `j * runs + i`.
#[wasm_bindgen]
pub struct BatchOutcomes {
    x: Vec<f64>,
    y: Vec<f64>,
    loss: Vec<f64>,
    status: Vec<u8>,
    stop_step: Vec<f64>,
    reached_at: Vec<f64>,
}

#[wasm_bindgen]
impl BatchOutcomes {
    /// Number of outcomes.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.x.len()
    }
    /// Final x (w) of each run: the last finite point.
    #[wasm_bindgen(getter)]
    pub fn x(&self) -> Vec<f64> {
        self.x.clone()
    }
    /// Final y (b) of each run.
    #[wasm_bindgen(getter)]
    pub fn y(&self) -> Vec<f64> {
        self.y.clone()
    }
    /// Final training loss (L1 included; NaN when the start itself was not finite).
    #[wasm_bindgen(getter)]
    pub fn loss(&self) -> Vec<f64> {
        self.loss.clone()
    }
    /// 1 completed, 2 diverged (non-finite parameter), 3 diverged (non-finite loss),
    /// 4 diverged (out of bounds), 5 early-stopped.
    #[wasm_bindgen(getter)]
    pub fn status(&self) -> Vec<u8> {
        self.status.clone()
    }
    /// The step it stopped at: the steps taken when completed, the diverging step (the
    /// first that was not taken) or the early-stopping step.
    #[wasm_bindgen(getter, js_name = stopStep)]
    pub fn stop_step(&self) -> Vec<f64> {
        self.stop_step.clone()
    }
    /// First step within the scenario's tolerance of a known minimum; −1 when never.
    #[wasm_bindgen(getter, js_name = stepsToTolerance)]
    pub fn steps_to_tolerance(&self) -> Vec<f64> {
        self.reached_at.clone()
    }
}

/// Every run of `scenario_json` for its `steps` from its `start`, or from each start of
/// `starts` (`[x0, y0, x1, y1, ...]`) when given: the same final numbers as playing the
/// runs to the end, without recording them.
#[wasm_bindgen(js_name = batchRun)]
pub fn batch_run(scenario_json: &str, starts: Option<Vec<f64>>) -> Result<BatchOutcomes, JsError> {
    let scenario = decode(scenario_json).map_err(js_error)?;
    let starts = match starts {
        None => vec![scenario.start],
        Some(flat) if flat.len() % 2 != 0 || flat.len() / 2 > MAX_STARTS => {
            return Err(js_error(format!(
                "starts: expected up to {MAX_STARTS} [x, y] pairs, got {} numbers",
                flat.len()
            )))
        }
        Some(flat) => flat
            .chunks_exact(2)
            .map(|c| Vec2::new(c[0], c[1]))
            .collect(),
    };
    let outcomes = run_batch(
        &scenario.problem,
        &scenario.runs,
        &starts,
        scenario.steps,
        scenario.tolerance,
    );
    Ok(columns(&outcomes))
}

fn columns(outcomes: &[Outcome]) -> BatchOutcomes {
    let column = |f: &dyn Fn(&Outcome) -> f64| outcomes.iter().map(f).collect::<Vec<f64>>();
    BatchOutcomes {
        x: column(&|o| o.final_point.x),
        y: column(&|o| o.final_point.y),
        loss: column(&|o| o.final_loss),
        status: outcomes.iter().map(|o| code(o.status)).collect(),
        stop_step: column(&|o| match o.status {
            Status::Diverged { step, .. } | Status::EarlyStopped { step, .. } => step as f64,
            Status::Running | Status::Completed => o.steps as f64,
        }),
        reached_at: column(&|o| o.reached_at.map_or(-1.0, |k| k as f64)),
    }
}

fn code(status: Status) -> u8 {
    match status {
        // A finished batch has no running runs; counted as completed if ever.
        Status::Running | Status::Completed => COMPLETED,
        Status::Diverged { cause, .. } => match cause {
            DivergenceCause::NonFiniteParameter => DIVERGED_PARAMETER,
            DivergenceCause::NonFiniteLoss => DIVERGED_LOSS,
            DivergenceCause::OutOfBounds => DIVERGED_BOUNDS,
        },
        Status::EarlyStopped { .. } => EARLY_STOPPED,
    }
}
