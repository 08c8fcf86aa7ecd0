//! The scenario's `page.explore` field: the Explore view a share link opens (a map, a basin
//! map or a fan) as its sweep spec, not its pixels, so the link stays short and the page
//! recomputes the same cells. The spec is validated by the sweep decoder itself, its errors
//! renamed to `page.explore.sweep.…`, so a link cannot carry a sweep the CLI would refuse.

use super::decode_sweep;
use crate::error::ScenarioError;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The Explore view a link shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExploreSettings {
    /// Which view: a hyper-parameter map, a basin map or a fan.
    pub view: ExploreView,
    /// What the map's colour shows (maps only; absent: steps to tolerance).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<ExploreMetric>,
    /// The sweep (`docs/scenario.md`, "Sweeps"), exactly as `gradscape sweep` reads it.
    pub sweep: Value,
}

/// The Explore views carried by links.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExploreView {
    /// Two hyper-parameter axes, a heat map.
    Map,
    /// The start point over the view box, coloured by the minimum reached.
    Basins,
    /// One axis, ghost paths.
    Fan,
}

/// The quantity a map is coloured by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExploreMetric {
    /// Steps to reach the tolerance (grey: never).
    Steps,
    /// The final loss (log scale).
    Loss,
    /// Diverged or not.
    Diverged,
}

impl ExploreSettings {
    /// Checks the sweep with the sweep decoder; errors are named under `page.explore.sweep`.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        let rename = |e: ScenarioError| match e {
            ScenarioError::Invalid { path, message } => ScenarioError::invalid(
                if path == "sweep" {
                    "page.explore.sweep".to_string()
                } else {
                    format!("page.explore.sweep.{path}")
                },
                message,
            ),
            other => other,
        };
        decode_sweep(&self.sweep.to_string()).map_err(rename)?;
        if self.view == ExploreView::Fan && self.sweep.get("y").is_some_and(|y| !y.is_null()) {
            return Err(ScenarioError::invalid(
                "page.explore.sweep.y",
                "a fan has one axis (leave `y` out)",
            ));
        }
        Ok(())
    }
}
