//! The catalog: every surface, optimizer (with defaults, validity and slider ranges),
//! schedule and preset the engine offers, as data. The CLI's `list` prints it and the page
//! builds its controls from it, so no list or default is ever repeated in JavaScript.

use crate::optim::{FamilyInfo, OptimizerKind, Registry};
use crate::scenario::{DEFAULT_STEPS, DEFAULT_TOLERANCE, MAX_POINTS, MAX_RUNS, MAX_STEPS};
use crate::schedule::SCHEDULE_FIELDS;
use crate::surfaces::{Bounds, Minimum, SurfaceKind};
use crate::vec2::Vec2;
use serde::Serialize;
use serde_json::{json, Value};

/// One surface's entry.
#[derive(Clone, Debug, Serialize)]
pub struct SurfaceEntry {
    /// Scenario name.
    pub name: &'static str,
    /// Human label.
    pub label: &'static str,
    /// Formula in plain text.
    pub formula: &'static str,
    /// Default view box.
    pub bounds: Bounds,
    /// Known global minima.
    pub minima: &'static [Minimum],
    /// Suggested start point.
    pub start: Vec2,
    /// The default race on this surface: SGD, Momentum, RMSprop and Adam with learning
    /// rates that make a good demonstration here (scenario run objects).
    pub race: Vec<Value>,
}

/// One optimizer family's entry: name, PyTorch's class name and hyper-parameters (with
/// defaults, validity and slider ranges), as the family's file declares them.
pub type OptimizerEntry = FamilyInfo;

/// A named starting configuration for a run ("Momentum" is SGD with momentum 0.9).
#[derive(Clone, Debug, Serialize)]
pub struct Preset {
    /// Name shown on the page.
    pub name: &'static str,
    /// The run, in scenario form.
    pub run: Value,
}

/// Everything the engine offers.
#[derive(Clone, Debug, Serialize)]
pub struct Catalog {
    /// Built-in surfaces.
    pub surfaces: Vec<SurfaceEntry>,
    /// Optimizer families.
    pub optimizers: Vec<OptimizerEntry>,
    /// Schedule kinds with their parameters' defaults.
    pub schedules: Vec<Value>,
    /// Presets.
    pub presets: Vec<Preset>,
    /// Limits and defaults of the scenario format.
    pub limits: Value,
    /// Built-in lessons: `{id, title, caption, scenario}`.
    pub lessons: Vec<Value>,
}

/// The presets, with learning rates that make a lively demonstration on most surfaces.
fn presets() -> Vec<Preset> {
    let p = |name, run: Value| Preset { name, run };
    vec![
        p("SGD", json!({"optimizer": "sgd", "lr": 0.001})),
        p(
            "Momentum",
            json!({"optimizer": "sgd", "lr": 0.001, "momentum": 0.9}),
        ),
        p(
            "Nesterov",
            json!({"optimizer": "sgd", "lr": 0.001, "momentum": 0.9, "nesterov": true}),
        ),
        p("RMSprop", json!({"optimizer": "rmsprop", "lr": 0.01})),
        p("Adagrad", json!({"optimizer": "adagrad", "lr": 0.5})),
        p("Adadelta", json!({"optimizer": "adadelta", "lr": 1.0})),
        p("Adam", json!({"optimizer": "adam", "lr": 0.05})),
        p("AdamW", json!({"optimizer": "adamw", "lr": 0.05})),
        p("NAdam", json!({"optimizer": "nadam", "lr": 0.05})),
        p("RAdam", json!({"optimizer": "radam", "lr": 0.05})),
    ]
}

/// Learning rates (SGD, Momentum, RMSprop, Adam) chosen so that, from the surface's default
/// start, every run makes visible progress in a few hundred steps without diverging, and
/// their differences show.
fn demo_lrs(kind: SurfaceKind) -> [f64; 4] {
    match kind {
        SurfaceKind::Rosenbrock => [1e-3, 5e-4, 5e-3, 5e-2],
        SurfaceKind::Beale => [1e-2, 2e-3, 1e-2, 5e-2],
        SurfaceKind::Himmelblau => [5e-3, 1e-3, 2e-2, 5e-2],
        SurfaceKind::Bowl => [5e-2, 1e-2, 2e-2, 5e-2],
        SurfaceKind::Valley => [4e-2, 1e-2, 1e-2, 5e-2],
        SurfaceKind::Saddle => [5e-3, 2e-3, 1e-2, 2e-2],
        SurfaceKind::Booth => [2e-2, 5e-3, 5e-2, 2e-1],
        SurfaceKind::Rastrigin => [2e-3, 1e-2, 3e-1, 5e-1],
        SurfaceKind::Ackley => [1e-1, 2e-2, 1.8e-1, 5e-1],
        SurfaceKind::SixHumpCamel => [1e-2, 2e-3, 1e-2, 5e-2],
    }
}

/// The default race on `kind` as scenario run objects.
pub fn demo_race(kind: SurfaceKind) -> Vec<Value> {
    let [sgd, momentum, rmsprop, adam] = demo_lrs(kind);
    vec![
        json!({"name": "SGD", "optimizer": "sgd", "lr": sgd}),
        json!({"name": "Momentum", "optimizer": "sgd", "lr": momentum, "momentum": 0.9}),
        json!({"name": "RMSprop", "optimizer": "rmsprop", "lr": rmsprop}),
        json!({"name": "Adam", "optimizer": "adam", "lr": adam}),
    ]
}

/// The whole catalog.
pub fn catalog() -> Catalog {
    catalog_of::<OptimizerKind>()
}

/// The whole catalog with the optimizer families of registry `R` (the production list is
/// [`OptimizerKind`]; a test may declare a registry with extra families).
pub fn catalog_of<R: Registry>() -> Catalog {
    Catalog {
        surfaces: SurfaceKind::ALL
            .iter()
            .map(|&k| {
                let s = k.surface();
                SurfaceEntry {
                    name: k.name(),
                    label: k.label(),
                    formula: s.formula(),
                    bounds: s.bounds(),
                    minima: s.minima(),
                    start: s.default_start(),
                    race: demo_race(k),
                }
            })
            .collect(),
        optimizers: R::all().iter().map(|&k| *k.info()).collect(),
        schedules: SCHEDULE_FIELDS
            .iter()
            .map(|(kind, fields)| {
                // `fields`: name → the value the page starts from; `params`: the details.
                let start: serde_json::Map<String, Value> = fields
                    .iter()
                    .map(|f| (f.name.to_string(), json!(f.default.unwrap_or(f.suggested))))
                    .collect();
                json!({"kind": kind, "fields": start, "params": fields})
            })
            .collect(),
        presets: presets(),
        lessons: crate::lessons::LESSONS
            .iter()
            .filter_map(|l| {
                let scenario: Value = serde_json::from_str(l.scenario).ok()?;
                let page = &scenario["page"];
                Some(json!({
                    "id": l.id,
                    "title": page["title"],
                    "caption": page["caption"],
                    "scenario": scenario,
                }))
            })
            .collect(),
        limits: json!({
            "max_steps": MAX_STEPS,
            "max_runs": MAX_RUNS,
            "max_points": MAX_POINTS,
            "default_steps": DEFAULT_STEPS,
            "default_tolerance": DEFAULT_TOLERANCE,
            "divergence_bound": crate::run::DIVERGENCE_BOUND,
            "max_link": crate::link::MAX_LINK,
            "max_caption": crate::scenario::MAX_CAPTION,
        }),
    }
}
