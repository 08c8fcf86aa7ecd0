//! Gradscape's engine: PyTorch-exact optimizers stepping across 2-D loss surfaces and a
//! linear-regression problem, in pure `f64` Rust with no DOM, so that the same numbers come
//! out of the `gradscape` command line and the WebAssembly page.
//!
//! - [`surfaces`]: the built-in functions, one per file, with gradients and minima;
//! - [`optim`]: one struct per optimizer family, typed hyper-parameters and state;
//! - [`schedule`]: learning-rate schedules as functions of the step;
//! - [`regression`]: data, batching and the (w, b) objective;
//! - [`run`]: the run loop and its recorded [`run::Trajectory`];
//! - [`scenario`]: the JSON format shared by the CLI, links and the page;
//! - [`sweep`]: one run over a grid of hyper-parameters or start points;
//! - [`catalog`]: everything above as data for the page's controls.

pub mod catalog;
pub mod curvature;
pub mod error;
pub mod expr;
pub mod field;
pub mod figure;
pub mod lanes;
pub mod lessons;
pub mod link;
pub mod objective;
pub mod optim;
pub mod regression;
pub mod report;
pub mod run;
pub mod scenario;
pub mod schedule;
pub mod surfaces;
pub mod sweep;
pub mod vec2;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use error::ScenarioError;
pub use scenario::{decode, Scenario};
pub use vec2::Vec2;
