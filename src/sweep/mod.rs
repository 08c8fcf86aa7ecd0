//! Sweeps: one base run of a scenario repeated over a grid of one or two axes (a
//! hyper-parameter or a start coordinate each), for the Explore views (hyper-parameter
//! maps, basins of attraction, fans) and `gradscape sweep`.
//!
//! A sweep is decoded once ([`decode_sweep`], with the scenario's own validation), then every
//! cell's run spec is the base spec with the axis values set, which is the spec the scenario
//! decoder gives for that run written out, and all cells go through the batch kernel
//! ([`run_batch`]) in one call: a cell's numbers are bit for bit those of the same run in a
//! scenario. The format is documented in `docs/scenario.md` ("Sweeps").

mod axis;
mod decode;
mod explore;
mod report;
#[cfg(test)]
mod tests;

pub use axis::{Axis, Field, Scale};
pub use decode::decode_sweep;
pub use explore::{ExploreMetric, ExploreSettings, ExploreView};

use crate::error::ScenarioError;
use crate::objective::Problem;
use crate::run::{run_batch, Outcome, RunSpec};
use crate::vec2::Vec2;
use std::sync::Arc;

/// Most values on one axis.
pub const MAX_AXIS_POINTS: usize = 256;
/// Most steps a whole sweep may take (cells × steps, more for mini-batches and warm starts).
pub const MAX_SWEEP_WORK: u64 = 200_000_000;

/// A validated sweep: it always runs.
#[derive(Clone, Debug)]
pub struct Sweep {
    /// The problem, with its data materialised.
    pub problem: Arc<Problem>,
    /// The start point of every cell (but for start axes).
    pub start: Vec2,
    /// Steps per cell.
    pub steps: u64,
    /// Distance to a known minimum that counts as reaching it.
    pub tolerance: f64,
    /// The base run.
    pub run: RunSpec,
    /// The first axis.
    pub x: Axis,
    /// The optional second axis.
    pub y: Option<Axis>,
}

/// One cell's result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cell {
    /// Its x-axis value.
    pub x: f64,
    /// Its y-axis value (one-axis sweeps: `None`).
    pub y: Option<f64>,
    /// How its run ended (as a run's `stop` in `gradscape run`).
    pub outcome: Outcome,
}

/// A sweep's results: the axis values and every cell, row by row (`y` value by `y` value,
/// `x` varying fastest).
#[derive(Clone, Debug, PartialEq)]
pub struct SweepResult {
    /// The x-axis values.
    pub x: Vec<f64>,
    /// The y-axis values, if there is a y axis.
    pub y: Option<Vec<f64>>,
    /// `x.len() × y.len()` cells; cell `(i, j)` (x value `i`, y value `j`) is at
    /// `j * x.len() + i`.
    pub cells: Vec<Cell>,
}

/// Decodes and runs a sweep.
pub fn sweep(text: &str) -> Result<SweepResult, ScenarioError> {
    Ok(decode_sweep(text)?.run())
}

impl Sweep {
    /// The spec and start of every cell, row by row as [`SweepResult::cells`].
    pub fn cells(&self) -> Vec<(RunSpec, Vec2)> {
        let (xs, ys) = self.values();
        let mut out = Vec::with_capacity(xs.len() * ys.len());
        for &y in &ys {
            for &x in &xs {
                let mut spec = self.run.clone();
                let mut start = self.start;
                for (axis, v) in self.axes().zip([x, y]) {
                    axis.field.set_param(&mut spec, v);
                    start = axis.field.set_start(start, v);
                }
                out.push((spec, start));
            }
        }
        out
    }

    /// Runs every cell in the batch kernel.
    pub fn run(&self) -> SweepResult {
        let (xs, ys) = self.values();
        let cells = self.run_values(&xs, &ys);
        SweepResult {
            x: xs,
            y: self.y.is_some().then_some(ys),
            cells,
        }
    }

    /// The number of rows: the y axis's values (1 without a y axis).
    pub fn rows(&self) -> usize {
        self.y.as_ref().map_or(1, |y| y.n)
    }

    /// The cells of rows `rows` (y values; `0..1` without a y axis), in the order of
    /// [`SweepResult::cells`]: the same cells [`Sweep::run`] gives there, so a caller can
    /// compute a map a few rows at a time (progress, cancelling between calls). Rows past
    /// the end are left out.
    pub fn run_rows(&self, rows: std::ops::Range<usize>) -> Vec<Cell> {
        let (xs, ys) = self.values();
        let rows = rows.start.min(ys.len())..rows.end.min(ys.len());
        self.run_values(&xs, &ys[rows])
    }

    /// Runs the cells of x values `xs` and y values `ys` (one NaN without a y axis). The
    /// distinct specs (one per hyper-parameter value) and the distinct starts (one per
    /// start value) are batched once each, so a map of starts holds one spec, not one per
    /// cell.
    fn run_values(&self, xs: &[f64], ys: &[f64]) -> Vec<Cell> {
        let sizes = [xs.len(), ys.len()];
        let values = [xs, ys];
        let axes: Vec<&Axis> = self.axes().collect();
        // Strides of each axis within the spec list and within the start list.
        let (mut spec_stride, mut start_stride) = ([0usize; 2], [0usize; 2]);
        let (mut n_specs, mut n_starts) = (1usize, 1usize);
        for (k, axis) in axes.iter().enumerate() {
            if axis.field.is_start() {
                start_stride[k] = n_starts;
                n_starts *= sizes[k];
            } else {
                spec_stride[k] = n_specs;
                n_specs *= sizes[k];
            }
        }
        let mut specs = Vec::with_capacity(n_specs);
        for s in 0..n_specs {
            let mut spec = self.run.clone();
            for (k, axis) in axes.iter().enumerate().filter(|(_, a)| !a.field.is_start()) {
                let i = (s / spec_stride[k]) % sizes[k];
                axis.field.set_param(&mut spec, values[k][i]);
            }
            specs.push(spec);
        }
        let starts: Vec<Vec2> = (0..n_starts)
            .map(|s| {
                axes.iter()
                    .enumerate()
                    .filter(|(_, a)| a.field.is_start())
                    .fold(self.start, |p, (k, axis)| {
                        let i = (s / start_stride[k]) % sizes[k];
                        axis.field.set_start(p, values[k][i])
                    })
            })
            .collect();
        let outcomes = run_batch(&self.problem, &specs, &starts, self.steps, self.tolerance);
        let mut cells = Vec::with_capacity(sizes[0] * sizes[1]);
        for c in 0..sizes[0] * sizes[1] {
            let at = [c % sizes[0], c / sizes[0]];
            let spec_i: usize = (0..axes.len()).map(|k| at[k] * spec_stride[k]).sum();
            let start_i: usize = (0..axes.len()).map(|k| at[k] * start_stride[k]).sum();
            cells.push(Cell {
                x: xs[at[0]],
                y: self.y.as_ref().map(|_| ys[at[1]]),
                outcome: outcomes[start_i * n_specs + spec_i],
            });
        }
        cells
    }

    /// The x values and, with a y axis, the y values: [`SweepResult`]'s `x` and `y`
    /// without running a cell.
    pub fn axis_values(&self) -> (Vec<f64>, Option<Vec<f64>>) {
        (self.x.values(), self.y.as_ref().map(Axis::values))
    }

    fn axes(&self) -> impl Iterator<Item = &Axis> {
        std::iter::once(&self.x).chain(self.y.as_ref())
    }

    /// The x values and the y values (one NaN placeholder without a y axis).
    fn values(&self) -> (Vec<f64>, Vec<f64>) {
        let ys = self.y.as_ref().map_or(vec![f64::NAN], Axis::values);
        (self.x.values(), ys)
    }
}
