//! A sweep's results as `gradscape sweep` prints them: JSON (`{"x", "y", "cells"}`, cells
//! nested per y value, or flat for one axis) or CSV (one row per cell).

use super::{Cell, SweepResult};
use crate::run::Status;
use serde_json::{json, Value};
use std::fmt::Write;

impl Cell {
    /// `{"final": [x, y], "loss", "stop", "steps_to_tolerance"}`; `stop` is the run's
    /// outcome exactly as `gradscape run` prints it.
    pub fn to_json(&self) -> Value {
        let o = &self.outcome;
        json!({
            "final": o.final_point,
            "loss": o.final_loss,
            "stop": o,
            "steps_to_tolerance": o.reached_at,
        })
    }

    /// The step the run stopped at: the diverging or early-stopping step, else the steps
    /// taken.
    pub fn stop_step(&self) -> u64 {
        match self.outcome.status {
            Status::Diverged { step, .. } | Status::EarlyStopped { step, .. } => step,
            Status::Running | Status::Completed => self.outcome.steps,
        }
    }

    /// The stop reason's name (`completed`, `diverged`, `early_stopped`).
    pub fn stop_reason(&self) -> &'static str {
        match self.outcome.status {
            Status::Running => "running",
            Status::Completed => "completed",
            Status::Diverged { .. } => "diverged",
            Status::EarlyStopped { .. } => "early_stopped",
        }
    }
}

impl SweepResult {
    /// `{"x": [...], "y": [...], "cells": [[cell, ...] per y value]}`; with one axis `y` is
    /// absent and `cells` a flat list.
    pub fn to_json(&self) -> Value {
        let cells: Vec<Value> = self.cells.iter().map(Cell::to_json).collect();
        match &self.y {
            None => json!({ "x": self.x, "cells": cells }),
            Some(y) => {
                let width = self.x.len().max(1);
                let rows: Vec<Value> = cells.chunks(width).map(|r| json!(r)).collect();
                json!({ "x": self.x, "y": y, "cells": rows })
            }
        }
    }

    /// CSV, one row per cell:
    /// `x,y,final_x,final_y,loss,stop,stop_step,steps_to_tolerance` (`y` empty with one
    /// axis, `steps_to_tolerance` empty when never reached, `loss` `NaN` when undefined).
    pub fn to_csv(&self) -> String {
        let mut out = String::from("x,y,final_x,final_y,loss,stop,stop_step,steps_to_tolerance\n");
        for c in &self.cells {
            let o = &c.outcome;
            let y = c.y.map(|y| y.to_string()).unwrap_or_default();
            let reached = o.reached_at.map(|k| k.to_string()).unwrap_or_default();
            // Writing to a String cannot fail.
            let _ = writeln!(
                out,
                "{},{y},{},{},{},{},{},{reached}",
                c.x,
                o.final_point.x,
                o.final_point.y,
                o.final_loss,
                c.stop_reason(),
                c.stop_step()
            );
        }
        out
    }
}
