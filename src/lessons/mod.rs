//! The built-in lessons: scenarios with a title and a caption (in their `page` settings),
//! each showing one behaviour a teacher wants to point at. The tests below check that each
//! lesson really shows what its caption says.

use serde::Serialize;

/// A lesson: an id for links and the scenario JSON (title and caption in `page`).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Lesson {
    /// Short id, for example `"saddle_escape"`.
    pub id: &'static str,
    /// The scenario, as JSON text.
    pub scenario: &'static str,
}

/// Every built-in lesson, in teaching order.
pub const LESSONS: [Lesson; 12] = [
    Lesson {
        id: "too_large_lr",
        scenario: include_str!("too_large_lr.json"),
    },
    Lesson {
        id: "momentum_valley",
        scenario: include_str!("momentum_valley.json"),
    },
    Lesson {
        id: "adagrad_shrinks",
        scenario: include_str!("adagrad_shrinks.json"),
    },
    Lesson {
        id: "saddle_escape",
        scenario: include_str!("saddle_escape.json"),
    },
    Lesson {
        id: "radam_warmup",
        scenario: include_str!("radam_warmup.json"),
    },
    Lesson {
        id: "adamw_vs_adam",
        scenario: include_str!("adamw_vs_adam.json"),
    },
    Lesson {
        id: "minibatch_noise",
        scenario: include_str!("minibatch_noise.json"),
    },
    Lesson {
        id: "early_stopping",
        scenario: include_str!("early_stopping.json"),
    },
    Lesson {
        id: "saddle_3d",
        scenario: include_str!("saddle_3d.json"),
    },
    Lesson {
        id: "momentum_stable_region",
        scenario: include_str!("momentum_stable_region.json"),
    },
    Lesson {
        id: "himmelblau_basins",
        scenario: include_str!("himmelblau_basins.json"),
    },
    Lesson {
        id: "fair_race",
        scenario: include_str!("fair_race.json"),
    },
];

#[cfg(test)]
mod explore_tests;
#[cfg(test)]
mod tests;
