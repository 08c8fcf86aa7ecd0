//! Boundary for the teaching layer: a run's state at any step (for the timeline and the
//! equation panel), the local curvature, share links. Conversion only.

use super::{js_error, to_js, Session};
use crate::curvature::curvature;
use crate::optim::explain::{explain, Explanation};
use crate::optim::params::ParamValue;
use crate::run::Runner;
use crate::vec2::Vec2;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What the equation panel shows for one step of one run.
#[derive(Serialize)]
struct StepDetails {
    /// The step k (the update from point k to point k + 1).
    step: u64,
    /// Point k.
    point: Vec2,
    /// Loss at point k.
    loss: Option<f64>,
    /// Gradient used by step k (mini-batch's, L1 included); `null` at the last point.
    gradient: Option<Vec2>,
    /// Learning rate of step k (after schedule and warm-up).
    lr: f64,
    /// Point k + 1, if step k was taken.
    next: Option<Vec2>,
    /// Optimizer state after step k (moments, buffers, step count).
    state: serde_json::Value,
    /// Optimizer state before step k.
    previous_state: serde_json::Value,
    /// Hyper-parameters in force at step k.
    hyper: Vec<(&'static str, ParamValue)>,
    /// Optimizer family.
    optimizer: &'static str,
    /// Derived quantities of step k (bias corrections, corrected moments, denominators,
    /// `effective_lr` per coordinate, ...); `null` at the last point.
    derived: Option<Explanation>,
}

/// Decodes a share-link fragment (`#s=...`) into scenario JSON; throws an `Error` saying
/// what is wrong (damaged, too long, invalid scenario naming the field).
#[wasm_bindgen(js_name = scenarioFromLink)]
pub fn scenario_from_link(fragment: &str) -> Result<String, JsError> {
    let scenario = crate::link::decode(fragment).map_err(js_error)?;
    Ok(scenario.to_json().to_string())
}

/// The share-link fragment (without `#`) for a scenario JSON; throws if it is invalid.
#[wasm_bindgen(js_name = linkForScenario)]
pub fn link_for_scenario(json: &str) -> Result<String, JsError> {
    let scenario = crate::decode(json).map_err(js_error)?;
    Ok(crate::link::encode(&scenario))
}

#[wasm_bindgen]
impl Session {
    /// Run `index` at step `k` (clamped to the steps taken), replayed with its live
    /// changes: `{step, point, loss, gradient, lr, next, state, previous_state, hyper,
    /// optimizer, derived}`; `derived` holds the step's bias corrections, corrected moments,
    /// denominators and per-coordinate `effective_lr` (see `optim::explain`).
    #[wasm_bindgen(js_name = stepDetails)]
    pub fn step_details(&self, index: usize, k: u32) -> Result<JsValue, JsError> {
        let r = self
            .race
            .runner(index)
            .ok_or_else(|| js_error(format!("no run {index}")))?;
        // At the live end the run itself is "before" (no replay, no copy of its record);
        // earlier steps are replayed with their live changes.
        let replayed;
        let before: &Runner = if u64::from(k) >= r.steps_taken() {
            r
        } else {
            replayed = r.replay_to(u64::from(k));
            &replayed
        };
        let preview = before.preview();
        let spec = before.spec();
        let details = StepDetails {
            step: before.steps_taken(),
            point: before.point(),
            loss: before.loss(),
            gradient: preview.as_ref().map(|p| p.gradient),
            lr: before.next_lr(),
            next: preview.as_ref().map(|p| p.next),
            state: preview.as_ref().map_or_else(
                || before.optimizer().state_json(),
                |p| p.optimizer.state_json(),
            ),
            previous_state: before.optimizer().state_json(),
            hyper: spec.optimizer.values().all(),
            optimizer: spec.optimizer.kind().name(),
            derived: preview
                .as_ref()
                .map(|p| explain(before.optimizer(), &p.optimizer, p.lr)),
        };
        to_js(&details)
    }

    /// The Hessian at `(x, y)` with eigenvalues (largest first), unit eigenvectors and the
    /// stable learning-rate bound `2/λmax`: `{hessian, eigenvalues, eigenvectors,
    /// max_stable_lr}`.
    #[wasm_bindgen(js_name = curvatureAt)]
    pub fn curvature_at(&self, x: f64, y: f64) -> Result<JsValue, JsError> {
        let problem = &self.scenario.problem;
        to_js(&curvature(|p| problem.gradient(p), Vec2::new(x, y)))
    }

    /// The share-link fragment (without `#`) of the current scenario, live changes
    /// included.
    pub fn link(&self) -> Result<String, JsError> {
        link_for_scenario(&self.scenario_json())
    }
}

/// Checks a typed formula as the user types: `undefined` when it parses, else `{message,
/// start, len}` with the span to underline (0-based characters; `len` 0 marks a point).
#[wasm_bindgen(js_name = checkExpr)]
pub fn check_expr(source: &str) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct ExprProblem {
        message: String,
        start: usize,
        len: usize,
    }
    match crate::expr::Expr::parse(source) {
        Ok(_) => Ok(JsValue::UNDEFINED),
        Err(e) => {
            let (start, len) = e.position();
            to_js(&ExprProblem {
                message: e.to_string(),
                start,
                len,
            })
        }
    }
}
