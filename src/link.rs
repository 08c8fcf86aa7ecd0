//! Share links: the whole scenario (page settings included) in the URL fragment, as
//! `#s=<URL-safe base64 of the scenario JSON>`. Decoding goes through the same validation
//! as every other scenario, so a link can only ever load a scenario, never run anything.

use crate::error::ScenarioError;
use crate::scenario::{decode as decode_scenario, Scenario};

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
        base64url::encode(scenario.to_json().to_string().as_bytes())
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
    let bytes = base64url::decode(payload.trim_end_matches('=')).ok_or(LinkError::NotBase64)?;
    String::from_utf8(bytes).map_err(|_| LinkError::NotText)
}

/// Decodes and validates the scenario in a fragment.
pub fn decode(fragment: &str) -> Result<Scenario, LinkError> {
    Ok(decode_scenario(&scenario_text(fragment)?)?)
}

/// URL-safe base64 without padding (RFC 4648 §5): 20 lines here instead of a dependency,
/// because the wasm module's size is budgeted.
mod base64url {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
            for i in 0..=chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            }
        }
        out
    }

    /// `None` for a character outside the alphabet or an impossible length.
    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let digit = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|d| d as u32);
        let mut out = Vec::with_capacity(text.len() * 3 / 4);
        for chunk in text.as_bytes().chunks(4) {
            if chunk.len() == 1 {
                return None;
            }
            let mut n = 0;
            for (i, &c) in chunk.iter().enumerate() {
                n |= digit(c)? << (18 - 6 * i);
            }
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            out.extend_from_slice(&bytes[..chunk.len() - 1]);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCENARIO: &str = r#"{"problem": {"surface": "beale"}, "steps": 50,
        "page": {"log_scale": false, "hide": ["lr"], "caption": "Watch <b>this</b> & that"},
        "runs": [{"optimizer": "adam", "lr": 0.05, "name": "Ünïcode ✓"}]}"#;

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        // RFC 4648 §10, in the URL-safe alphabet without padding.
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in vectors {
            assert_eq!(base64url::encode(plain.as_bytes()), coded);
            assert_eq!(base64url::decode(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url::encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url::decode("-_8").unwrap(), [0xfb, 0xff]);
        assert_eq!(base64url::decode("Zm9vY"), None);
        assert_eq!(base64url::decode("Zm+v"), None);
    }

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
        let not_text = format!("s={}", base64url::encode(&[0xff, 0xfe]));
        assert_eq!(decode(&not_text), Err(LinkError::NotText));
        let hostile = format!("s={}", base64url::encode(r#"{"problem": {"surface": "bowl"}, "runs": [{"optimizer": "sgd"}], "page": {"hide": ["<script>"]}}"#.as_bytes()));
        assert_eq!(
            decode(&hostile).unwrap_err().to_string(),
            "the link's scenario is invalid: page.hide[0]: must be a control name (a-z, 0-9, _; at most 40)"
        );
    }
}
