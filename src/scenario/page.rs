//! Page settings carried by a scenario, so that a share link reproduces the whole screen:
//! the view box, the colour scale, the step shown, the playback speed, and for lesson links
//! a title, a caption and the controls to hide. The engine ignores them; it only checks
//! that they are well-formed, so a hostile link cannot smuggle anything through them.

use crate::error::ScenarioError;
use crate::surfaces::Bounds;
use serde::{Deserialize, Serialize};

/// What the page shows, as the `page` field of a scenario. Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageSettings {
    /// The view box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bounds: Option<Bounds>,
    /// Log (true) or linear colour scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_scale: Option<bool>,
    /// The step the timeline shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<u64>,
    /// Playback speed in steps per second.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speed: Option<f64>,
    /// Whether every change recomputes whole paths.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replan: Option<bool>,
    /// Names of controls a lesson hides (for example `"lr"`, `"surface"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hide: Vec<String>,
    /// Lesson title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Lesson caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// The 2-D view, the 3-D view, or both side by side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<ViewKind>,
    /// All runs on one view, or one small view per run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
    /// In the one-view-per-run layout, whether each view shows the other runs faintly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ghosts: Option<bool>,
    /// The colour theme (absent: the viewer's `prefers-color-scheme`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<Theme>,
    /// The page's language (absent: the viewer's browser language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Language>,
    /// The Explore view (a map, basins or a fan) as its sweep spec.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explore: Option<crate::sweep::ExploreSettings>,
}

/// Which views of the surface the stage shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ViewKind {
    /// The contour map (the default).
    #[serde(rename = "2d")]
    Flat,
    /// The surface as terrain.
    #[serde(rename = "3d")]
    Terrain,
    /// Both, side by side.
    #[serde(rename = "both")]
    Both,
}

/// How runs share the stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// Every run on one view (the default).
    Overlay,
    /// Small multiples: one synchronised view per run.
    Grid,
}

/// The page's colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Light background, for projectors.
    Light,
    /// Dark background.
    Dark,
}

/// A language the page speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Language {
    /// English.
    #[serde(rename = "en")]
    English,
    /// Simplified Chinese.
    #[serde(rename = "zh-CN")]
    SimplifiedChinese,
}

/// Longest lesson title, in characters.
pub const MAX_TITLE: usize = 100;
/// Longest lesson caption, in characters.
pub const MAX_CAPTION: usize = 1000;

impl PageSettings {
    /// Checks every field; the error names it (`page.speed: must be in [0.1, 100000], got 0`).
    pub fn validate(&self) -> Result<(), ScenarioError> {
        let bad =
            |field: &str, message: String| ScenarioError::invalid(format!("page.{field}"), message);
        if let Some(b) = self.bounds {
            let finite = [b.min.x, b.min.y, b.max.x, b.max.y]
                .iter()
                .all(|v| v.is_finite());
            if !finite || b.min.x >= b.max.x || b.min.y >= b.max.y {
                return Err(bad(
                    "bounds",
                    "min must be below max in both coordinates".into(),
                ));
            }
        }
        if let Some(speed) = self.speed {
            if !(0.1..=100_000.0).contains(&speed) {
                return Err(bad(
                    "speed",
                    format!("must be in [0.1, 100000], got {speed}"),
                ));
            }
        }
        if self.hide.len() > 32 {
            return Err(bad(
                "hide",
                format!("at most 32 names, got {}", self.hide.len()),
            ));
        }
        for (i, name) in self.hide.iter().enumerate() {
            let plain = !name.is_empty()
                && name.len() <= 40
                && name
                    .bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_');
            if !plain {
                return Err(bad(
                    &format!("hide[{i}]"),
                    "must be a control name (a-z, 0-9, _; at most 40)".into(),
                ));
            }
        }
        if self
            .title
            .as_ref()
            .is_some_and(|t| t.chars().count() > MAX_TITLE)
        {
            return Err(bad("title", format!("at most {MAX_TITLE} characters")));
        }
        if self
            .caption
            .as_ref()
            .is_some_and(|c| c.chars().count() > MAX_CAPTION)
        {
            return Err(bad("caption", format!("at most {MAX_CAPTION} characters")));
        }
        if let Some(explore) = &self.explore {
            explore.validate()?;
        }
        Ok(())
    }
}
