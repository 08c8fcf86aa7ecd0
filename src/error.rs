//! The one error users meet: a scenario (from a file, a link or the page) that cannot run.
//! Every message names where the problem is, for example
//! `runs[2].betas[1]: must be in [0, 1), got 1.5`.

/// Why a scenario was refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ScenarioError {
    /// The text is not JSON.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the JSON reader expected.
        message: String,
    },
    /// A field is missing, unknown, of the wrong type, or out of range.
    #[error("{path}: {message}")]
    Invalid {
        /// Where, as `runs[2].betas[1]`.
        path: String,
        /// What is wrong, as `must be in [0, 1), got 1.5`.
        message: String,
    },
}

impl ScenarioError {
    /// An [`ScenarioError::Invalid`] at `path`.
    pub fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        ScenarioError::Invalid {
            path: path.into(),
            message: message.into(),
        }
    }
}
