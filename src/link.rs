//! Share links: the whole scenario (page settings included) in the URL fragment, as
//! `#s=<URL-safe base64 of the scenario JSON>`. Decoding goes through the same validation
//! as every other scenario, so a link can only ever load a scenario, never run anything.

use crate::error::ScenarioError;
use crate::scenario::{decode as decode_scenario, Scenario};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// Longest fragment accepted (characters), about 190 KB of JSON.
pub const MAX_LINK: usize = 256 * 1024;

/// Why a link could not be loaded.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum LinkError {
    /// Nothing to load: the fragment is empty or has no `s=` part.
    #[error("the link holds no scenario")]
    Empty,
    /// Longer than [`MAX_LINK`].
    #[error("the link is too long ({0} characters; at most {MAX_LINK})")]
    TooLong(usize),
    /// The `s=` part is not URL-safe base64.
    #[error("the link is damaged (not base64): it may have been cut short when copied")]
    NotBase64,
    /// The decoded bytes are not UTF-8 text.
    #[error("the link is damaged (not text)")]
    NotText,
    /// The scenario inside is invalid.
    #[error("the link's scenario is invalid: {0}")]
    Scenario(#[from] ScenarioError),
}

/// The fragment (without `#`) that reproduces `scenario`.
pub fn encode(scenario: &Scenario) -> String {
    format!(
        "s={}",
        URL_SAFE_NO_PAD.encode(scenario.to_json().to_string())
    )
}

/// The scenario JSON inside a fragment such as `#s=eyJw...` (the leading `#` is optional;
/// other `&`-separated parts are ignored).
pub fn scenario_text(fragment: &str) -> Result<String, LinkError> {
    if fragment.len() > MAX_LINK {
        return Err(LinkError::TooLong(fragment.len()));
    }
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let payload = fragment
        .split('&')
        .find_map(|part| part.strip_prefix("s="))
        .filter(|p| !p.is_empty())
        .ok_or(LinkError::Empty)?;
    // Padding is optional: some chat programs add it back, some strip it.
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| LinkError::NotBase64)?;
    String::from_utf8(bytes).map_err(|_| LinkError::NotText)
}

/// Decodes and validates the scenario in a fragment.
pub fn decode(fragment: &str) -> Result<Scenario, LinkError> {
    Ok(decode_scenario(&scenario_text(fragment)?)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCENARIO: &str = r#"{"problem": {"surface": "beale"}, "steps": 50,
        "page": {"log_scale": false, "hide": ["lr"], "caption": "Watch <b>this</b> & that"},
        "runs": [{"optimizer": "adam", "lr": 0.05, "name": "Ünïcode ✓"}]}"#;

    #[test]
    fn a_link_round_trips_the_scenario_and_its_numbers() {
        let s = crate::decode(SCENARIO).unwrap();
        let link = encode(&s);
        assert!(link.starts_with("s="));
        assert!(link
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_=".contains(&b)));
        let back = decode(&format!("#{link}&other=1")).unwrap();
        assert_eq!(back, s);
        let a = s.run();
        let b = back.run();
        assert_eq!(a[0].record(), b[0].record());
    }

    #[test]
    fn damaged_links_say_what_is_wrong() {
        let s = crate::decode(SCENARIO).unwrap();
        let link = encode(&s);
        assert_eq!(decode(""), Err(LinkError::Empty));
        assert_eq!(decode("#view=1"), Err(LinkError::Empty));
        assert_eq!(decode("#s=***"), Err(LinkError::NotBase64));
        assert_eq!(
            decode(&"s".repeat(MAX_LINK + 1)),
            Err(LinkError::TooLong(MAX_LINK + 1))
        );
        // Cut short: either not base64 any more, or base64 of half a document.
        let cut = &link[..link.len() / 2];
        let err = decode(cut).unwrap_err().to_string();
        assert!(
            err.starts_with("the link is damaged") || err.contains("not valid JSON"),
            "{err}"
        );
        let not_text = format!("s={}", URL_SAFE_NO_PAD.encode([0xff, 0xfe]));
        assert_eq!(decode(&not_text), Err(LinkError::NotText));
        let hostile = format!("s={}", URL_SAFE_NO_PAD.encode(r#"{"problem": {"surface": "bowl"}, "runs": [{"optimizer": "sgd"}], "page": {"hide": ["<script>"]}}"#));
        assert_eq!(
            decode(&hostile).unwrap_err().to_string(),
            "the link's scenario is invalid: page.hide[0]: must be a control name (a-z, 0-9, _; at most 40)"
        );
    }
}
