//! Boundary for the regression lab: the data as typed arrays, the last mini-batch, the
//! mini-batch and full gradients, and CSV parsing. Conversion only.

use super::{js_error, to_js, Session};
use crate::regression::{parse_csv, Regression};
use crate::vec2::Vec2;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Parses CSV text (`x,y` rows) into `{x: [...], y: [...]}`; throws `Error("line 3: 'abc'
/// is not a number")` for the first bad row.
#[wasm_bindgen(js_name = parseCsv)]
pub fn parse_csv_js(text: &str) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Points {
        x: Vec<f64>,
        y: Vec<f64>,
    }
    let data = parse_csv(text).map_err(js_error)?;
    to_js(&Points {
        x: data.x,
        y: data.y,
    })
}

#[derive(Serialize)]
struct Gradients {
    /// The gradient the last step used (the mini-batch's), if a step was taken.
    batch: Option<Vec2>,
    /// The full-batch gradient at the current point.
    full: Vec2,
}

#[wasm_bindgen]
impl Session {
    fn regression(&self) -> Option<&Regression> {
        self.scenario.problem.regression()
    }

    /// Inputs of every data point in the original order (empty for a surface).
    #[wasm_bindgen(js_name = dataX)]
    pub fn data_x(&self) -> Vec<f64> {
        self.regression()
            .map(|r| r.data.x.clone())
            .unwrap_or_default()
    }

    /// Targets of every data point in the original order.
    #[wasm_bindgen(js_name = dataY)]
    pub fn data_y(&self) -> Vec<f64> {
        self.regression()
            .map(|r| r.data.y.clone())
            .unwrap_or_default()
    }

    /// 1 for each point held out for validation, 0 for a training point (original order).
    #[wasm_bindgen(js_name = validationMask)]
    pub fn validation_mask(&self) -> Vec<u8> {
        self.regression()
            .map(|r| r.is_validation.iter().map(|&v| u8::from(v)).collect())
            .unwrap_or_default()
    }

    /// Inputs of the training points, in the order batch indices refer to.
    #[wasm_bindgen(js_name = trainX)]
    pub fn train_x(&self) -> Vec<f64> {
        self.regression()
            .map(|r| r.train.x.clone())
            .unwrap_or_default()
    }

    /// Targets of the training points, in the order batch indices refer to.
    #[wasm_bindgen(js_name = trainY)]
    pub fn train_y(&self) -> Vec<f64> {
        self.regression()
            .map(|r| r.train.y.clone())
            .unwrap_or_default()
    }

    /// Indices into the training points of run `index`'s last mini-batch (empty for
    /// full batch or before the first step).
    #[wasm_bindgen(js_name = lastBatch)]
    pub fn last_batch(&self, index: usize) -> Vec<u32> {
        self.race
            .runner(index)
            .map(|r| r.last_batch().iter().map(|&i| i as u32).collect())
            .unwrap_or_default()
    }

    /// `{batch: [gx, gy] | null, full: [gx, gy]}` for run `index`: the gradient its last
    /// step used beside the full-batch gradient at its current point, so the noise shows.
    pub fn gradients(&self, index: usize) -> Result<JsValue, JsError> {
        let r = self
            .race
            .runner(index)
            .ok_or_else(|| js_error(format!("no run {index}")))?;
        to_js(&Gradients {
            batch: r.last_gradient(),
            full: r.full_gradient(),
        })
    }
}
